"""The model merged policy: provenance on every clause, drafting notes, gaps, exports, stability."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

from policy_atlas.core.analysis import Analysis, analyse
from policy_atlas.core.classify import topic_evidence
from policy_atlas.core.compare import agreed_position
from policy_atlas.core.corpus import Corpus, load_corpus, normalise
from policy_atlas.core.merge import Generaliser, ModelGap, ModelPolicy, Strategy, build_model, names_section, self_contained
from policy_atlas.core.model import Force, PolicyAtlasError
from policy_atlas.core.taxonomy import Outline, Taxonomy, load_outline
from policy_atlas.core.views import model_json, model_policy_view
from policy_atlas.core.wordexport import model_docx, note_text, provenance_text
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.decode import decode_source
from policy_atlas.templating import Templates
from rewrapkit import rewrap

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 30)




@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(REPO / "source_policies", REPO / "docs" / "policies")


@pytest.fixture(scope="module")
def analysis(corpus: Corpus, taxonomy: Taxonomy) -> Analysis:
    return analyse(corpus, taxonomy)


def names_of(corpus: Corpus) -> dict[str, str]:
    return {s.meta.slug: s.meta.school for s in corpus.schools}


@pytest.fixture(scope="module")
def model(analysis: Analysis, corpus: Corpus, outline: Outline) -> ModelPolicy:
    return build_model(analysis, names_of(corpus), outline)


# --- Generalising and choosing wording -----------------------------------------------------------

NAMES = {"northgate": "Northgate Primary School", "knowsley": "Knowsley Council model policy", "ush": "USH Federation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff at Northgate Primary School must not post.", "Staff at the school must not post."),
        ("Northgate Primary School's staff must not post.", "The school's staff must not post."),
        ("Ask Knowsley Council's HR team for advice.", "Ask [the local authority]'s HR team for advice."),
        ("The head should take advice from Knowsley human resources team.", "The head should take advice from [name] human resources team."),
        ("Staff of the Federation must use Federation-authorised accounts.", "Staff of the school must use school-authorised accounts."),
        ("Staff must not post about pupils.", "Staff must not post about pupils."),
        ("A trust is not the Trust.", "A trust is not the Trust."),  # no school here is a trust
    ],
)
def test_generalise(text: str, expected: str) -> None:
    generalised, made = Generaliser.for_schools(NAMES).apply(text)
    assert generalised == expected
    assert bool(made) == (text != expected)


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("Staff must not accept pupils as friends on social media.", True),
        ("This includes ex-pupils until they reach 18.", False),
        ("and must not share them with anyone.", False),
        ("Staff must not:", False),
        ("Revealing confidential information;", False),
        ("Never.", False),
        # a list elsewhere in the school's document is nowhere in the model
        ("All incident types below are considered criminal in nature.", False),
        ("Staff must follow the rules set out above.", False),
        # an item whose subject is its heading ("Head teacher" > "Should ensure ...")
        ("Should ensure that all staff are trained in this policy.", False),
    ],
)
def test_self_contained(text: str, reads: bool) -> None:
    assert self_contained(text) is reads


@pytest.mark.parametrize(
    ("heading", "terms", "names"),
    [
        ("Purpose of policy and guidance", ("purpose",), True),
        ("2 Objectives", ("objective",), True),
        ("Guidance to staff on the use of social media for personal purposes;", ("purpose",), False),
        ("IT Manager", ("it manager",), True),
        ("Federation Leadership Team", ("leadership team",), True),
    ],
)
def test_names_section(heading: str, terms: tuple[str, ...], names: bool) -> None:
    assert names_section(heading, terms) is names


# --- The seed model ------------------------------------------------------------------------------------


def test_every_clause_has_provenance_that_holds_its_words(model: ModelPolicy, analysis: Analysis, corpus: Corpus) -> None:
    statements = {s.id: s for ss in analysis.statements.values() for s in ss}
    generaliser = Generaliser.for_schools(names_of(corpus))
    assert model.clauses
    for clause in model.clauses:
        assert clause.agreeing and clause.agreeing[0] is clause.source
        source = statements[clause.source.statement]
        assert source.text == clause.source.text
        # The model's words are the source's own, generalised: never invented.
        assert clause.quoted.endswith(source.text)
        assert generaliser.apply(clause.quoted)[0] == clause.text
        assert len({s.school for s in clause.agreeing}) >= model.needed


def test_each_statement_is_said_once(model: ModelPolicy) -> None:
    sources = [c.source.statement for c in model.clauses]
    assert len(sources) == len(set(sources))


def test_every_core_topic_has_clauses_or_is_a_gap(model: ModelPolicy, taxonomy: Taxonomy) -> None:
    covered = {t for c in model.clauses for t in c.topics}
    gaps = {g.topic for g in model.gaps}
    for topic in taxonomy.topics:
        if topic.core:
            assert (topic.id in covered) != (topic.id in gaps), topic.id


def test_notes_put_disagreements_as_decisions(model: ModelPolicy) -> None:
    shape = re.compile(
        r"^Decide: .+\? (?:Fewer than \d+ of \d+ schools do: )?\d+ schools? [a-z ]+it(?: subject to conditions| on conditions| without stating a rule)?"
        r"(?:; \d+ schools? [a-z ]+it(?: subject to conditions| on conditions| without stating a rule)?)*(?:; \d+ (?:is|are) silent)?\.$"
    )
    diverging = [n for n in model.notes if n.kind == "diverge"]
    assert diverging
    for note in model.notes:
        if note.kind == "wording":
            assert note.text.startswith("Decide: should the model also say any of these?")
            continue
        assert shape.match(note.text), note.text
        forces = {a.force for a in note.alternatives}
        assert len(forces) == len(note.alternatives), "one alternative per force"
        if note.kind == "diverge":
            assert len(forces) > 1 and note.clause in {c.id for c in model.clauses}
        if note.kind == "split":
            assert len(forces) > 1 and note.clause is None


def test_minority_provisions_are_options_never_dropped(model: ModelPolicy, analysis: Analysis) -> None:
    """Every provision at least one school addresses is a clause, an option, or said by a clause already."""
    in_model = {c.provision for c in model.clauses} | {p for c in model.clauses for p in c.also}
    options = {n.provision for n in model.notes if n.kind in ("option", "split")}
    for row in analysis.matrix.rows:
        for provision in row.provisions:
            assert provision.id in in_model | options, provision.id


@pytest.mark.parametrize("strategy", list(Strategy))
def test_strategies(strategy: Strategy, analysis: Analysis, corpus: Corpus, outline: Outline) -> None:
    made = build_model(analysis, names_of(corpus), outline, strategy=strategy)
    by_provision = {p.id: p for row in analysis.matrix.rows for p in row.provisions}
    for clause in made.clauses:
        provision = by_provision.get(clause.provision)
        if provision is None or clause.also:
            continue
        # Whatever the strategy, a clause states the rule most schools take: a strategy only
        # chooses among the wordings of that rule.
        assert provision.majority() is not None and provision.position(clause.force) is provision.majority()
        agreeing = {s.school for s in clause.agreeing}
        assert all(provision.position(provision.stance(school).force) is provision.majority() for school in agreeing)  # type: ignore[union-attr]


def test_threshold(analysis: Analysis, corpus: Corpus, outline: Outline) -> None:
    everyone = build_model(analysis, names_of(corpus), outline, threshold=1.0)
    anyone = build_model(analysis, names_of(corpus), outline, threshold=0.2)
    assert everyone.needed == 5 and anyone.needed == 1
    assert len(everyone.clauses) < len(anyone.clauses)
    assert all(len({s.school for s in c.agreeing}) == 5 for c in everyone.clauses)


def test_order_of_schools_and_hash_order_change_nothing(analysis: Analysis, corpus: Corpus, outline: Outline, taxonomy: Taxonomy) -> None:
    names = names_of(corpus)
    first = model_json(build_model(analysis, names, outline), taxonomy)
    rng = random.Random(7)
    for _ in range(3):
        slugs = list(names)
        rng.shuffle(slugs)
        shuffled_names = {s: names[s] for s in slugs}
        shuffled = Analysis(
            analysis.taxonomy,
            {s: analysis.clauses[s] for s in slugs},
            analysis.topics,
            analysis.reasons,
            analysis.force_reasons,
            dict(sorted(analysis.statements.items(), key=lambda _: rng.random())),
            analysis.matrix,
            analysis.gaps,
            analysis.shared,
            analysis.diagnostics,
        )
        assert model_json(build_model(shuffled, shuffled_names, outline), taxonomy) == first


def test_model_json(model: ModelPolicy, taxonomy: Taxonomy, analysis: Analysis) -> None:
    data = json.loads(model_json(model, taxonomy))
    clause_ids = {c.id for cs in analysis.clauses.values() for c in cs}
    assert [c["id"] for c in data["clauses"]] == [c.id for c in model.clauses]
    for record in data["clauses"]:
        assert record["provenance"] and set(record["provenance"]) <= clause_ids
        assert record["source"]["clause"] == record["provenance"][0]
        assert {"id", "text", "topics", "force", "provenance"} <= set(record)
    assert len(data["notes"]) == len(model.notes)
    covered = {t for c in model.clauses for t in c.topics}
    assert data["gaps"] == [t.id for t in taxonomy.topics if t.id not in covered]


# --- Exports ----------------------------------------------------------------------------------------


def docx_text(data: bytes) -> tuple[str, str]:
    """The body text and the comments' text of a Word document."""
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    comments = "\n".join(p.text for c in document.comments for p in c.paragraphs)
    return body, comments


def test_docx_holds_every_clause_source_and_note(model: ModelPolicy) -> None:
    data = model_docx(model, TODAY)
    body, comments = docx_text(data)
    for clause in model.clauses:
        assert clause.text in body
        for line in provenance_text(clause).split("\n"):
            assert line in comments
    for note in model.notes:
        assert note.text in body
        for line in note_text(note, dict(model.schools)).split("\n"):
            assert line in comments
    headings = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[: len(model.sections)] == [f"{s.number} {s.title}" for s in model.sections]


def test_docx_is_a4_with_uk_margins(model: ModelPolicy) -> None:
    """UK schools print on A4; python-docx's own template is US Letter with 3.17 cm sides."""
    for section in docx.Document(io.BytesIO(model_docx(model, TODAY))).sections:
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)  # type: ignore[union-attr]
        margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        assert [m.cm for m in margins] == pytest.approx([2.54] * 4, abs=0.01)  # type: ignore[union-attr]


def test_docx_names_schools_and_prints_no_markup(model: ModelPolicy) -> None:
    """A person reads the document and its comments: a school is its name, never its slug, and
    no Markdown mark from a source is printed."""
    body, comments = docx_text(model_docx(model, TODAY))
    assert any(slug != name for slug, name in model.schools)
    for slug, name in model.schools:
        if slug != name:
            assert slug not in body and slug not in comments, slug
    assert any(name in comments for _, name in model.schools)
    for mark in ("**", "__", "`"):
        assert mark not in body and mark not in comments, mark


def test_docx_is_the_same_bytes_for_the_same_model(model: ModelPolicy) -> None:
    first = model_docx(model, TODAY)
    assert model_docx(model, TODAY) == first
    dates = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert dates == {(2026, 11, 30, 0, 0, 0)}


def test_docx_converts_to_pdf_with_libreoffice(model: ModelPolicy, tmp_path: Path) -> None:
    import os
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is not installed, and CI must convert the model policy to PDF")
        pytest.skip("LibreOffice is not installed")
    (tmp_path / "model-policy.docx").write_bytes(model_docx(model, TODAY))
    result = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "model-policy.docx")],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = tmp_path / "model-policy.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 10_000
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        sizes = {tuple(round(x) for x in document[i].get_size()) for i in range(len(document))}
    finally:
        document.close()
    assert sizes == {(595, 842)}  # A4 in points, every page


def test_markdown_download(model: ModelPolicy, taxonomy: Taxonomy) -> None:
    text = Templates().render_markdown("model-policy.download.md.jinja", model_policy_view(model, taxonomy, TODAY))
    assert text.startswith("# Model social media policy for staff\n")
    for section in model.sections:
        assert f"\n## {section.number} {section.title}\n" in text
    for clause in model.clauses:
        assert f"**{clause.number}** " in text
    assert "](" not in text.replace("\\](", "")  # no live link from policy text


# --- Stability ----------------------------------------------------------------------------------------


def _model_texts(project: Path, taxonomy: Taxonomy, outline: Outline) -> list[str]:
    results, problems = normalise(project / "source_policies", project / "docs" / "policies", taxonomy)
    assert not [p for p in problems if p.severity.value == "error"]
    corpus = load_corpus(project / "source_policies", project / "docs" / "policies")
    made = build_model(analyse(corpus, taxonomy), names_of(corpus), outline)
    return [c.text for c in made.clauses]


def test_rewrapping_or_renaming_a_source_changes_no_model_clause(tmp_path: Path, taxonomy: Taxonomy, outline: Outline) -> None:
    first = tmp_path / "first"
    shutil.copytree(REPO / "source_policies", first / "source_policies")
    before = _model_texts(first, taxonomy, outline)

    second = tmp_path / "second"
    shutil.copytree(REPO / "source_policies", second / "source_policies")
    sources = second / "source_policies"
    # Re-wrap one school's text at a narrower page, and rename another school's files.
    target = sources / "northgate-primary.txt"
    text = decode_source(target.read_bytes(), target.name).text
    target.write_text(rewrap(text, parse_policy(text, "northgate-primary", target.name), 72), encoding="utf-8")
    (sources / "rosewood-free-school.txt").rename(sources / "rosewood.txt")
    meta = (sources / "rosewood-free-school.yml").read_text(encoding="utf-8")
    (sources / "rosewood-free-school.yml").unlink()
    (sources / "rosewood.yml").write_text(meta + ("" if "slug:" in meta else "slug: rosewood-free-school\n"), encoding="utf-8")
    assert _model_texts(second, taxonomy, outline) == before


# --- The outline file ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sections: []\n", "1: expected a mapping with a non-empty 'sections' list"),
        ("sections:\n  - id: a\n    title: A\n    topics: [nonsense]\n", "2: section a: unknown topic 'nonsense'"),
        ("sections:\n  - id: a\n    title: A\n", "2: section a: draws on nothing; give 'topics', 'headings', 'rules' or 'provisions'"),
        (
            "sections:\n  - id: a\n    title: A\n    topics: [images]\n    provisions:\n      - id: p\n        label: P\n        rules:\n          - all: [[review]]\n",
            "2: section a: a section of topics takes its provisions from the taxonomy",
        ),
        ("sections:\n  - id: a\n    title: A\n    provisions:\n      - id: p\n        label: P\n", "5: section a: each provision needs an 'id', a 'label' and 'rules'"),
        ("sections:\n  - id: a\n    title: A\n    provisions: yes\n", "4: section a: 'provisions' must be a list"),
        ("sections:\n  - id: a\n    title: A\n    topics: [images]\n    colour: red\n", "5: section a: unknown key 'colour'"),
        ("sections:\n  - id: a\n    title: A\n    topics: [images]\nquestions:\n  images/nope: what?\n", "6: questions: unknown provision 'images/nope'"),
    ],
)
def test_outline_errors(tmp_path: Path, taxonomy: Taxonomy, text: str, message: str) -> None:
    path = tmp_path / "model_outline.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyAtlasError) as caught:
        load_outline(path, taxonomy)
    assert str(caught.value).startswith(f"{path}:{message}")


# --- Provisions a policy states or not: scope, definitions, safeguarding, review -------------------


@pytest.mark.parametrize(
    ("provision", "at_least"), [("purpose/scope", 4), ("definitions/social-media", 4), ("roles/staff-follow", 5), ("safeguarding/report-concerns", 3)]
)
def test_the_model_states_what_most_seed_policies_state(model: ModelPolicy, provision: str, at_least: int) -> None:
    """Most seed policies say whom they cover, what social media means and where to report a
    safeguarding concern, in their own words: the model says each once, citing each school's
    statement of it, and its wording reads on its own."""
    (clause,) = [c for c in model.clauses if c.provision == provision]
    assert len({s.school for s in clause.agreeing}) >= at_least
    assert clause.text[:1].isupper() and clause.text.rstrip()[-1] in ".!?"
    assert clause.source == clause.agreeing[0]


def test_a_statement_of_a_stated_provision_is_never_an_other_statement(model: ModelPolicy) -> None:
    """Every seed school says its staff must follow the policy, in many words: none of those
    statements is listed elsewhere as something "fewer than 3 schools say"."""
    (follow,) = [c for c in model.clauses if c.provision == "roles/staff-follow"]
    others = {a.wording.text for n in model.notes if n.kind == "wording" for a in n.alternatives}
    assert follow.quoted not in others
    assert not [text for text in others if "follow this policy" in text or "adhere to this policy" in text]


def test_a_stated_provision_counts_no_phrase_it_lists_under_unless(outline: Outline) -> None:
    """Reporting a safeguarding concern is a duty to tell someone; "in reference to the child
    protection policy" refers nothing to anyone, though "reference" shares "refer"'s stem."""
    section = next(s for s in outline.sections if any(p.id == "report-concerns" for p in s.provisions))
    topic = section.provision_topic(next(p for p in section.provisions if p.id == "report-concerns"))
    assert topic_evidence(topic, "Use professional judgement, in reference to the child protection policy, when messaging families.") is None
    assert topic_evidence(topic, "Refer any child protection concern to the designated safeguarding lead the same day.") is not None
    assert topic_evidence(topic, "Staff should act in accordance with Keeping Children Safe in Education on anything worrying they see online.") is not None


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        ("Anyone worried by a colleague's use of social media should refer to the whistleblowing procedure.", False),
        ("Readers must refer to the acceptable use policy for what social media is allowed at work.", False),
        ("Social media refers to websites and apps on which people share what they write and make.", True),
    ],
)
def test_being_told_to_consult_a_procedure_defines_nothing(outline: Outline, text: str, defines: bool) -> None:
    """A definition says what social media is ("social media refers to ..."); a reader sent to a
    procedure ("should refer to the whistleblowing procedure") learns no meaning of it."""
    section = next(s for s in outline.sections if any(p.id == "social-media" for p in s.provisions))
    topic = section.provision_topic(next(p for p in section.provisions if p.id == "social-media"))
    assert (topic_evidence(topic, text) is not None) is defines


@pytest.mark.parametrize(
    ("text", "about_review"),
    [
        ("Guidance for staff: Check your friends list every term and remove people you do not know.", False),
        ("General guidance for staff: Regularly review who can see your posts.", False),
        ("This policy will be renewed whenever the law changes.", True),
        ("The governors review this policy every two years.", True),
    ],
)
def test_the_review_section_is_about_reviewing_the_policy(outline: Outline, text: str, about_review: bool) -> None:
    """Reviewing one's own connections under a heading of guidance reviews no document; the
    policy renewed or reviewed is what the section is about."""
    section = next(s for s in outline.sections if s.id == "review")
    assert (topic_evidence(section.as_topic(), text) is not None) is about_review


@pytest.mark.parametrize("provision", ["conduct/personal-professional", "conduct/copyright", "conduct/professional"])
def test_what_most_seed_schools_say_outside_the_topics_is_a_model_clause(model: ModelPolicy, provision: str) -> None:
    """Four seed schools ask staff to keep personal and professional lives apart, four to behave
    professionally online, and three not to breach copyright: the model says each, citing each
    school once, never as "fewer than 3 say"."""
    (clause,) = [c for c in model.clauses if c.provision == provision]
    assert len({s.school for s in clause.agreeing}) >= 3
    others = {a.wording.text for n in model.notes if n.kind == "wording" for a in n.alternatives}
    assert not {s.text for s in clause.agreeing} & others


def test_a_model_clause_that_states_a_rule_cites_only_statements_that_state_one(model: ModelPolicy) -> None:
    """A clause worded as a rule ("should ensure use reflects the Teachers' Standards") is no
    rule three schools state when two of its "sources" are a heading and a list item that state
    none ("Professional standards", "In their wider professional lives")."""
    checked = 0
    for clause in model.clauses:
        if clause.force is Force.NONE:
            continue
        assert all(s.force is not Force.NONE for s in clause.agreeing), clause.number
        checked += 1
    assert checked > 10


def test_a_school_that_states_no_rule_lacks_a_clause_that_states_one(model: ModelPolicy) -> None:
    """A school whose only words on a rule-worded clause's provision state no rule ("social media
    can blur the lines") lacks the clause; it does not word it differently."""
    for clause in model.clauses:
        if clause.force is not Force.NONE:
            assert all(s.force is not Force.NONE for s in clause.dissenting), clause.number


def test_a_stated_provision_under_fewer_schools_than_needed_is_no_clause(model: ModelPolicy) -> None:
    """Only one seed policy says how often it is reviewed: the model does not pretend the others agree."""
    assert not [c for c in model.clauses if c.provision == "review/when-reviewed"]


def test_each_source_is_cited_with_the_rule_it_states_on_the_provision(model: ModelPolicy, taxonomy: Taxonomy) -> None:
    """A model clause cites only schools that state its rule, and shows each with its force in the
    provision's terms: "permits reasonable access" under "must not spend excessive time at work"
    is cited as the prohibition of the excess it states, never as a permission beside a ban."""
    kinds = {f"{t.id}/{k.id}": k for t in taxonomy.topics for k in t.provisions}
    checked = 0
    for clause in model.clauses:
        kind = kinds.get(clause.provision)
        if kind is None:
            continue
        positions = {agreed_position(kind.weighed_as, source.force) for source in clause.agreeing}
        assert positions == {agreed_position(kind.weighed_as, clause.force)}, (clause.number, [(s.school, s.force) for s in clause.agreeing])
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("covering", "says"),
    [
        (0, "No school's policy says anything on images of pupils; the model has no clause on it."),
        (2, "Only 2 of 5 schools address images of pupils, fewer than the 3 the model needs:"),
        (4, "4 of 5 schools address images of pupils, but on nothing it covers do 3 or more of them state the same rule:"),
    ],
)
def test_a_gap_in_the_model_says_why_there_is_no_clause(covering: int, says: str) -> None:
    """Four schools of five are not "fewer than the model needs" of three: when enough address the
    topic, the gap is that they do not state one rule on any one thing in it."""
    assert ModelGap("images", "Images of pupils", True, covering, 5, 3).text.startswith(says)


def test_a_stated_provision_cites_the_rule_not_what_a_breach_of_it_leads_to(tmp_path: Path, taxonomy: Taxonomy, outline: Outline) -> None:
    """A school that says both "do not breach copyright" (a list item, with no full stop) and
    "copyright breaches will be treated very seriously" states the rule in the first, however
    less well it reads on its own: the second says what follows a breach, and is no source of a
    model clause on respecting copyright."""
    sources = tmp_path / "source_policies"
    sources.mkdir()
    policies = {
        "alder": ["Breaches of copyright by staff will be treated very seriously and may lead to disciplinary action.", "Do not breach copyright when sharing material online"],
        "birch": ["Staff must respect copyright in everything they post on social media."],
        "cedar": ["Staff must not infringe copyright in what they share online."],
    }
    for slug, lines in policies.items():
        text = f"{slug.title()} School: social media\n\n" + "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1)) + "\n"
        (sources / f"{slug}.txt").write_text(text, encoding="utf-8")
        (sources / f"{slug}.yml").write_text(f"school: {slug.title()} School\n", encoding="utf-8")
    _, problems = normalise(sources, tmp_path / "docs" / "policies", taxonomy)
    assert not [p for p in problems if p.severity.value == "error"]
    corpus = load_corpus(sources, tmp_path / "docs" / "policies")
    made = build_model(analyse(corpus, taxonomy), names_of(corpus), outline)
    (clause,) = [c for c in made.clauses if c.provision == "conduct/copyright"]
    (alder,) = [s for s in clause.agreeing if s.school == "alder"]
    assert alder.text == "Do not breach copyright when sharing material online"
