"""Cross-school comparison of statements: provisions with one stance per school, repeats, matching by
similarity, gaps without false gaps, summaries, shared wording, order independence, and scale.

Hand-made schools give several statements per clause (as the reading work will); the five seed
schools give the real cases the issue names.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparekit import one_statement_each, synthetic_schools
from pagekit import render_all
from policy_atlas.core.analysis import Analysis, analyse, compare
from policy_atlas.core.classify import topic_evidence
from policy_atlas.core.compare import (
    REPEAT_THRESHOLD,
    Cell,
    Matrix,
    Member,
    Provision,
    Stance,
    TopicRow,
    build_matrix,
    gaps_for,
    shared_wording,
    shown_at,
    stance_force,
)
from policy_atlas.core.corpus import Corpus, SchoolPolicy, load_corpus
from policy_atlas.core.model import Clause, Force, PolicyMeta, SourceSpan, Statement, statement_id
from policy_atlas.core.taxonomy import ProvisionKind, Rule, Taxonomy, Topic
from policy_atlas.core.views import AGAIN_SHOWN, PageKind, Ref, SchoolHead, SiteViews, provision_view, site_views, summary

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 1, 1)


# Hand-made schools: clauses of several statements each -------------------------------------------


def _rule(*terms: str) -> tuple[Rule, ...]:
    return (Rule("any of", (terms,)),)


CONTACT = Topic(
    "contact",
    "Contact with pupils",
    "Staff contact with pupils.",
    True,
    _rule("pupil"),
    provisions=(
        ProvisionKind("family", "contact with pupils who are family", _rule("family", "relative")),
        ProvisionKind("personal", "personal contact with pupils", _rule("personal", "private")),
    ),
)
DISCIPLINE = Topic(
    "discipline",
    "Discipline",
    "What happens after a breach.",
    True,
    _rule("breach", "investigate"),
    provisions=(ProvisionKind("investigation", "investigating breaches", _rule("investigate")),),
)
HAND_TAXONOMY = Taxonomy((CONTACT, DISCIPLINE))

Said = tuple[str, Force]


def school(slug: str, *clauses: Iterable[Said]) -> tuple[tuple[Clause, ...], dict[str, tuple[Statement, ...]]]:
    """Clauses numbered 1, 2, ... each of the given statements; topics from the hand taxonomy's rules."""
    made: list[Clause] = []
    statements: dict[str, tuple[Statement, ...]] = {}
    for number, said in enumerate(clauses, start=1):
        said = list(said)
        clause_id = f"{slug}/{number}"
        made.append(Clause(clause_id, " ".join(t for t, _ in said), str(number), source=SourceSpan(f"{slug}.txt", number, number)))
        statements[clause_id] = tuple(
            Statement(
                statement_id(clause_id, index, len(said)),
                clause_id,
                index,
                text,
                force,
                "",
                tuple(t.id for t in HAND_TAXONOMY.topics if _about(t, text)),
            )
            for index, (text, force) in enumerate(said, start=1)
        )
    return tuple(made), statements


def _about(topic: Topic, text: str) -> bool:
    return topic_evidence(topic, text) is not None


MUST_NOT, MUST, MAY = Force.PROHIBITED, Force.REQUIRED, Force.PERMITTED

HAND = {
    "alpha": school(
        "alpha",
        [("Staff must not contact pupils through personal accounts.", MUST_NOT), ("Any breach will be investigated by the head.", MUST)],
        [("Staff may message pupils who are family members.", MAY)],
    ),
    "bravo": school(
        "bravo",
        [("Staff must not contact pupils through personal social accounts.", MUST_NOT)],
        [("Staff must not contact pupils through their personal social accounts.", MUST_NOT)],
        [("Staff may keep personal contact with pupils who are relatives.", MAY), ("A suspected breach is investigated.", MUST)],
        [("Pupils must not be photographed on trips.", MUST_NOT)],
    ),
    "charlie": school(
        "charlie",
        [("Staff must not contact pupils through social accounts.", MUST_NOT)],
        [("Breaches are investigated promptly and fairly.", MUST)],
    ),
    "delta": school(
        "delta",
        [("Pupils must be kind to each other in lessons.", MUST)],
        [("A breach of this policy will be investigated.", MUST)],
    ),
}


def hand_matrix(order: Iterable[str] = sorted(HAND)) -> Matrix:
    clauses = {slug: HAND[slug][0] for slug in order}
    statements = {cid: s for slug in order for cid, s in HAND[slug][1].items()}
    return build_matrix(clauses, statements, HAND_TAXONOMY)


def provision(matrix: Matrix, pid: str) -> Provision:
    return next(p for row in matrix.rows for p in row.provisions if p.id == pid)


def test_each_statement_of_a_clause_goes_to_its_own_topic() -> None:
    matrix = hand_matrix()
    assert [m.id for m in matrix.row("contact").cell("alpha").statements] == ["alpha/1~1", "alpha/2"]
    assert [m.id for m in matrix.row("discipline").cell("alpha").statements] == ["alpha/1~2"]
    assert provision(matrix, "contact/personal").stance("alpha").member.id == "alpha/1~1"  # type: ignore[union-attr]
    assert provision(matrix, "discipline/investigation").stance("alpha").member.id == "alpha/1~2"  # type: ignore[union-attr]


def test_a_provision_holds_one_statement_per_school_and_marks_repeats() -> None:
    personal = provision(hand_matrix(), "contact/personal")
    bravo = personal.stance("bravo")
    assert bravo is not None
    assert bravo.force is MUST_NOT  # the strongest of its statements there stands for the school
    assert (bravo.member.id, [m.id for m in bravo.repeats]) == ("bravo/1", ["bravo/2"])
    assert Counter(m.school for m in personal.members) == {"alpha": 1, "bravo": 2}
    # "may keep personal contact with pupils who are relatives" meets the rules too, but it is another
    # rule (another force): it goes to the family provision, whose rules it meets first.
    assert provision(hand_matrix(), "contact/family").stance("bravo").member.id == "bravo/3~1"  # type: ignore[union-attr]


def test_a_school_whose_words_miss_the_rules_takes_no_stance_and_its_gap_shows_the_closest() -> None:
    """Similarity finds what a school says nearest to a provision, to show beside a gap; it never
    makes a statement the school's stance (a close wording can state another rule)."""
    matrix = hand_matrix()
    personal = provision(matrix, "contact/personal")
    assert personal.stance("charlie") is None
    nearest = personal.nearest_of("charlie")
    assert nearest is not None and nearest.member.id == "charlie/1" and nearest.similarity >= 0.4  # close in words, yet no rule on it
    (gap,) = [g for g in gaps_for("charlie", matrix) if g.provision.id == "contact/personal"]
    assert (gap.kind, gap.nearest) == ("missing", nearest)


def test_a_school_far_from_every_statement_lacks_the_provision() -> None:
    matrix = hand_matrix()
    personal = provision(matrix, "contact/personal")
    assert personal.stance("delta") is None
    nearest = personal.nearest_of("delta")
    assert nearest is not None and nearest.member.id == "delta/1" and nearest.similarity < 0.4
    assert nearest.to.school != "delta"
    (gap,) = [g for g in gaps_for("delta", matrix) if g.provision.id == "contact/personal"]
    assert (gap.kind, gap.others, gap.nearest) == ("missing", 2, nearest)


def test_statements_in_no_provision_are_the_schools_other_statements() -> None:
    row = hand_matrix().row("contact")
    assert [(slug, [m.id for m in members]) for slug, members in row.others] == [
        ("bravo", ["bravo/4"]),
        ("charlie", ["charlie/1"]),
        ("delta", ["delta/1"]),
    ]


def test_every_statement_on_a_topic_is_in_a_provision_or_in_others() -> None:
    for row in hand_matrix().rows:
        placed = {m.id for p in row.provisions for m in p.members} | {m.id for _, ms in row.others for m in ms}
        assert placed == {m.id for c in row.cells for m in c.statements}, row.topic
        assert not {m.id for p in row.provisions for m in p.members} & {m.id for _, ms in row.others for m in ms}


def test_a_statement_is_linked_where_its_clause_shows_it() -> None:
    """A clause whose statements differ in force or topics is shown statement by statement, each
    anchored; otherwise it is shown whole, and its statements are linked at the clause."""
    alike = [Statement(f"c/1~{i}", "c/1", i, "text", MUST, "", ("contact",)) for i in (1, 2)]
    assert [shown_at(s, tuple(alike)) for s in alike] == ["c/1", "c/1"]
    differ = [alike[0], Statement("c/1~2", "c/1", 2, "text", MAY, "", ("contact",))]
    assert [shown_at(s, tuple(differ)) for s in differ] == ["c/1~1", "c/1~2"]
    alone = Statement("c/2", "c/2", 1, "text", MUST, "")
    assert shown_at(alone, (alone,)) == "c/2"


def test_pages_link_each_statement_of_a_clause_by_its_own_anchor() -> None:
    schools = tuple(
        SchoolPolicy(PolicyMeta(slug, slug.title(), "Policy", f"source_policies/{slug}.txt"), Path(f"{slug}.md"), HAND[slug][0])
        for slug in sorted(HAND)
    )
    clauses = {slug: HAND[slug][0] for slug in HAND}
    statements = {cid: found for slug in HAND for cid, found in HAND[slug][1].items()}
    matrix, gaps, shared = compare(clauses, statements, HAND_TAXONOMY)
    pages = render_all(site_views(schools, matrix, gaps, shared, HAND_TAXONOMY, TODAY))
    contact, discipline = pages["compare/topics/contact.md"], pages["compare/topics/discipline.md"]
    assert 'href="/school/alpha#alpha/1~1">Alpha, clause 1</a>' in contact
    assert 'href="/school/alpha#alpha/1~2">Alpha, clause 1</a>' in discipline
    assert "alpha/1~2" not in contact and "alpha/1~1" not in discipline
    overview = pages["compare/index.md"]
    assert '<a href="/topic/contact#provision-matrix">2 statements</a>' in overview  # alpha: 1~1 and 2


# Gaps and outliers on a hand-made matrix of stances ----------------------------------------------

FOUR = ("a", "b", "c", "d")


def stances(forces: dict[str, Force]) -> Provision:
    made = tuple(
        Stance(slug, Member(slug, Clause(f"{slug}/1", "text"), Statement(f"{slug}/1", f"{slug}/1", 1, "text", force, "")))
        for slug, force in sorted(forces.items())
    )
    return Provision("t/p", "t", "p", "a provision", made[0].member, made)


def four_school_matrix(**provisions: dict[str, Force]) -> Matrix:
    rows = []
    for name, forces in provisions.items():
        made = stances(forces)
        made = Provision(f"t/{name}", "t", name, name, made.reference, made.stances)
        rows.append(TopicRow("t", tuple(Cell("t", s, ()) for s in FOUR), 0.0, None, (made,)))
    return Matrix(FOUR, tuple(rows))


GAP_MATRIX = four_school_matrix(
    covered_by_three={"b": MUST, "c": MUST, "d": MUST},
    a_stands_alone={"a": MAY, "b": MUST_NOT, "c": MUST_NOT, "d": MUST_NOT},
    only_b={"b": MUST},
    split={"a": MUST, "b": MUST_NOT, "c": MAY},
    half={"c": MUST, "d": MUST},
    one_agrees={"a": MAY, "b": MUST_NOT, "c": MUST_NOT, "d": MAY},
)


@pytest.mark.parametrize(
    ("school", "expected"),
    [
        ("a", [("missing", "t/covered_by_three", 3), ("missing", "t/half", 2), ("outlier", "t/a_stands_alone", 3)]),
        ("b", [("missing", "t/half", 2)]),
        ("c", []),  # "one_agrees": c's force is shared by b, and there is no majority; "split" has none either
        ("d", [("missing", "t/split", 3)]),
    ],
)
def test_gaps_for(school: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(g.kind, g.provision.id, g.others) for g in gaps_for(school, GAP_MATRIX)] == expected


def test_an_outlier_names_the_majority_force() -> None:
    (gap,) = [g for g in gaps_for("a", GAP_MATRIX) if g.kind == "outlier"]
    assert gap.usual is MUST_NOT


def test_majority_and_differs() -> None:
    split = stances({"a": MUST, "b": MUST_NOT, "c": MAY})
    assert split.majority() is None and not any(split.differs(s) for s in "abc")
    mostly = stances({"a": MUST, "b": MUST, "c": MAY, "d": MAY, "e": MUST})
    assert mostly.majority() is MUST and [s for s in "abcde" if mostly.differs(s)] == ["c", "d"]
    assert mostly.plurality() == (MUST, 3)
    assert mostly.force_counts() == ((MUST, 3), (MAY, 2))


# Summaries ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "silent", "expected"),
    [
        (
            ((MUST_NOT, 2), (Force.PERMITTED_WITH_CONDITIONS, 1)),
            2,
            "2 schools prohibit personal contact; 1 allows it subject to conditions; 2 are silent.",
        ),
        (((MUST, 1),), 4, "1 school sets requirements for personal contact; 4 are silent."),
        (((MUST_NOT, 1), (MUST, 3), (Force.NONE, 1)), 0, "3 schools set requirements for personal contact; 1 prohibits it; 1 mentions it without stating a rule."),
        (((Force.DISCOURAGED, 2), (MAY, 2)), 1, "2 schools discourage personal contact; 2 allow it; 1 is silent."),
    ],
)
def test_summary(counts: tuple[tuple[Force, int], ...], silent: int, expected: str) -> None:
    assert summary("personal contact", counts, silent) == expected


@pytest.mark.parametrize(
    ("counts", "silent", "expected"),
    [
        (((MUST, 4), (MAY, 1)), 0, "4 schools commit to investigating breaches; 1 allows for it."),
        (((Force.PERMITTED_WITH_CONDITIONS, 1),), 4, "1 school allows for investigating breaches on conditions; 4 are silent."),
    ],
)
def test_a_commitment_is_summarised_as_what_the_school_does(counts: tuple[tuple[Force, int], ...], silent: int, expected: str) -> None:
    """The school commits to its own acts: it does not "set requirements for" them."""
    assert summary("investigating breaches", counts, silent, kind="commitment") == expected


# The seed schools --------------------------------------------------------------------------------



@pytest.fixture(scope="module")
def corpus() -> Corpus:
    loaded = load_corpus(REPO / "source_policies", REPO / "docs" / "policies")
    assert loaded.diagnostics == ()
    return loaded


@pytest.fixture(scope="module")
def analysis(corpus: Corpus, taxonomy: Taxonomy) -> Analysis:
    return analyse(corpus, taxonomy)


@pytest.fixture(scope="module")
def views(corpus: Corpus, analysis: Analysis, taxonomy: Taxonomy) -> SiteViews:
    return site_views(corpus.schools, analysis.matrix, analysis.gaps, analysis.shared, taxonomy, TODAY)


@pytest.mark.parametrize(
    ("slug", "provision_id", "statement"),
    [
        # Knowsley's 3.1.3 asks for allegations to be "investigated promptly and appropriately".
        ("knowsley-model", "discipline/investigation", "knowsley-model/3.1.3"),
        # The Unnamed school says serious breaches "may constitute gross misconduct and lead to summary
        # dismissal"; its words miss the rules (the taxonomy sets "disciplinary policy" aside), not its meaning.
        ("unnamed-school", "discipline/disciplinary-action", None),
    ],
    ids=["knowsley-investigating-breaches", "unnamed-disciplinary-action"],
)
def test_no_false_gap_for_what_a_school_does_say(analysis: Analysis, slug: str, provision_id: str, statement: str | None) -> None:
    found = next(p for row in analysis.matrix.rows for p in row.provisions if p.id == provision_id)
    stance = found.stance(slug)
    assert stance is not None
    assert statement is None or stance.member.id == statement
    assert provision_id not in {g.provision.id for g in analysis.gaps[slug]}


def test_every_missing_provision_shows_the_closest_statement_that_states_no_rule_on_it(analysis: Analysis) -> None:
    checked = 0
    for slug, gaps in analysis.gaps.items():
        for gap in gaps:
            if gap.kind != "missing":
                continue
            assert gap.provision.stance(slug) is None
            row = analysis.matrix.row(gap.provision.topic)
            if row.cell(slug).statements:
                assert gap.nearest is not None and gap.nearest.member in row.cell(slug).statements
                assert gap.nearest.member.id not in {m.id for p in row.provisions if p.id == gap.provision.id for m in p.members}
            else:
                assert gap.nearest is None
            checked += 1
    assert checked > 5


def test_seed_provisions_hold_one_statement_per_school_unless_repeated(analysis: Analysis) -> None:
    with_repeats = 0
    for row in analysis.matrix.rows:
        for found in row.provisions:
            counts = Counter(m.school for m in found.members)
            topic = analysis.taxonomy.get(found.topic)
            assert topic is not None
            kind = next(k for k in topic.provisions if k.id == found.kind)
            for stance in found.stances:
                assert counts[stance.school] == 1 + len(stance.repeats)
                assert all(stance_force(kind, r) is stance.force for r in stance.repeats)
            with_repeats += any(s.repeats for s in found.stances)
    assert with_repeats < len([p for row in analysis.matrix.rows for p in row.provisions]) // 3


def test_seed_outliers_stand_alone(analysis: Analysis) -> None:
    for slug, gaps in analysis.gaps.items():
        for gap in (g for g in gaps if g.kind == "outlier"):
            mine = gap.provision.force_of(slug)
            assert mine is not None and gap.usual is gap.provision.majority() and mine is not gap.usual
            assert [s for s in gap.provision.stances if s.force is mine] == [gap.provision.stance(slug)]


_VERB = r"(?:prohibits?|sets? requirements for|discourages?|allows?|mentions?)"
_TAIL = r"(?: subject to conditions| without stating a rule)?"
_COMMITTING = r"(?:rules? out|commits? to|advises? against|allows? for|mentions?)"
_COMMITTING_TAIL = r"(?: on conditions| without stating a rule)?"
SUMMARY = re.compile(
    rf"^(?:All )?(?P<n>\d+) schools? (?P<verb>{_VERB}) (?P<label>[a-z][a-z ,'’-]*?[a-z]){_TAIL}"
    rf"(?:; \d+ {_VERB} it{_TAIL})*"
    r"(?:; \d+ of them makes? an exception for another situation)?"
    r"(?:; \d+ (?:is|are) silent)?\.$"
)
"""The shapes a rule's summary may take: the provision named once, as a noun phrase, then "it"."""
COMMITMENT = re.compile(
    rf"^(?:All )?(?P<n>\d+) schools? (?P<verb>{_COMMITTING}) (?P<label>[a-z][a-z ,'’-]*?[a-z]){_COMMITTING_TAIL}"
    rf"(?:; \d+ {_COMMITTING} it{_COMMITTING_TAIL})*"
    r"(?:; \d+ of them makes? an exception for another situation)?"
    r"(?:; \d+ (?:is|are) silent)?\.$"
)
"""The same for what the school does: it commits to an act or allows for it, it does not set
requirements for itself."""
CONSEQUENCE = re.compile(
    r"^(?:All )?(?P<n>\d+) schools? (?P<verb>says?) a breach can lead to (?P<label>[a-z][a-z ,'’-]*?[a-z])"
    r" \((?:\d+ that it may(?: and \d+ that it will)?|\d+ that it will)\)"
    rf"(?:; \d+ {_VERB} it{_TAIL})*"
    r"(?:; \d+ (?:is|are) silent)?\.$"
)
"""The shapes a consequence's summary may take: who states it, how firmly, then the rest."""
SINGULAR = {"prohibits", "sets requirements for", "discourages", "allows", "mentions", "rules out", "commits to", "advises against", "allows for"}


def test_a_repeat_wears_the_badge_of_the_rule_it_repeats(views: SiteViews) -> None:
    """A repeat is one because it states the school's rule again, so it shows that rule's force,
    however it is put ("must ensure they do not ..." repeating a "must not")."""
    repeats = 0
    for topic in views.topics:
        for shown in topic.provisions:
            stance = None
            for statement in shown.statements:
                if any(note.startswith("repeat") for note in statement.notes):
                    assert stance is not None and statement.force is stance.force, (shown.label, statement.text)
                    repeats += 1
                elif not any(note.startswith("exception") for note in statement.notes):
                    stance = statement
    assert repeats > 0


def test_every_seed_summary_has_an_allowed_shape(views: SiteViews) -> None:
    checked = 0
    for topic in views.topics:
        for shown in topic.provisions:
            grammar = {"consequence": CONSEQUENCE, "commitment": COMMITMENT}.get(shown.rule_kind, SUMMARY)
            match = grammar.match(shown.summary)
            assert match, shown.summary
            assert match.group("label") == shown.label, shown.summary
            assert (match.group("verb") in SINGULAR | {"says"}) is (match.group("n") == "1"), shown.summary
            assert shown.summary.startswith("All ") is (int(match.group("n")) == len(topic.schools) > 1), shown.summary
            stated = sum(int(n) for n in re.findall(r"(?:^(?:All )?|; )(\d+)(?! of them)", shown.summary))
            assert stated == len(topic.schools), shown.summary
            checked += 1
    assert checked == sum(len(topic.provisions) for topic in views.topics) > 30


def test_every_topic_statement_is_on_its_topic_page(views: SiteViews, analysis: Analysis) -> None:
    pages = render_all(views)
    checked = 0
    for row in analysis.matrix.rows:
        page = pages[f"compare/topics/{row.topic}.md"]
        for cell in row.cells:
            for member in cell.statements:
                assert f'href="/school/{member.school}#{member.anchor}"' in page, (row.topic, member.id)
                checked += 1
    assert checked > 300


# Order does not matter ---------------------------------------------------------------------------


class Seeds:
    """The seed schools and their statements, with a short repr for hypothesis' reports."""

    def __init__(self, corpus: Corpus, analysis: Analysis, taxonomy: Taxonomy, baseline: dict[str, str]) -> None:
        self.corpus, self.analysis, self.taxonomy, self.baseline = corpus, analysis, taxonomy, baseline

    def __repr__(self) -> str:
        return "Seeds()"

    def rendered(self, order: list[int], rng: random.Random | None = None) -> dict[str, str]:
        """Every generated byte, from the schools (and each school's clauses, with ``rng``) in another order."""
        schools = [self.corpus.schools[i] for i in order]
        clauses = {
            s.meta.slug: tuple(rng.sample(c, len(c))) if rng else c
            for s in schools
            for c in [self.analysis.clauses[s.meta.slug]]
        }
        statements = dict(rng.sample(list(self.analysis.statements.items()), len(self.analysis.statements))) if rng else self.analysis.statements
        matrix, gaps, shared = compare(clauses, statements, self.taxonomy)
        return render_all(site_views(tuple(schools), matrix, gaps, shared, self.taxonomy, TODAY))


@pytest.fixture(scope="module")
def seeds(corpus: Corpus, analysis: Analysis, taxonomy: Taxonomy, views: SiteViews) -> Seeds:
    return Seeds(corpus, analysis, taxonomy, render_all(views))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)), seed=st.integers(0, 2**32 - 1))
def test_order_of_schools_and_statements_changes_no_generated_byte(order: list[int], seed: int, seeds: Seeds) -> None:
    assert seeds.rendered(order, random.Random(seed)) == seeds.baseline


@pytest.mark.parametrize("prefixes", [("e", "d", "c", "b", "a"), ("b", "e", "a", "d", "c")])
def test_source_file_names_change_no_generated_byte(tmp_path: Path, prefixes: tuple[str, ...], taxonomy: Taxonomy, seeds: Seeds) -> None:
    """Renaming the source files (so they list in another order) but keeping slugs changes nothing."""
    sources = tmp_path / "source_policies"
    sources.mkdir()
    shutil.copytree(REPO / "docs" / "policies", tmp_path / "pages")
    for prefix, original in zip(prefixes, sorted((REPO / "source_policies").glob("*.txt")), strict=True):
        stem = f"{prefix}-{original.stem[::-1]}"
        shutil.copyfile(original, sources / f"{stem}.txt")
        sidecar = (REPO / "source_policies" / f"{original.stem}.yml").read_text(encoding="utf-8")
        (sources / f"{stem}.yml").write_text(sidecar + f"slug: {original.stem}\n", encoding="utf-8")
    corpus = load_corpus(sources, tmp_path / "pages")
    assert corpus.diagnostics == ()
    assert [s.meta.slug for s in corpus.schools] != sorted(s.meta.slug for s in corpus.schools)
    found = analyse(corpus, taxonomy)
    views = site_views(corpus.schools, found.matrix, found.gaps, found.shared, taxonomy, TODAY)
    # The summary links to the source file by its name, which is what changed.
    assert {k: v for k, v in render_all(views).items() if not k.startswith("summary:")} == {
        k: v for k, v in seeds.baseline.items() if not k.startswith("summary:")
    }


def test_hand_made_schools_in_any_order_give_the_same_matrix() -> None:
    assert hand_matrix(["delta", "bravo", "alpha", "charlie"]) == hand_matrix()


# Shared wording ----------------------------------------------------------------------------------


def test_shared_wording_finds_the_common_definition(analysis: Analysis) -> None:
    found = [
        p
        for p in shared_wording(analysis.clauses)
        if p.schools == ("rosewood-free-school", "unnamed-school")
        and all(clause.text.startswith("Employees should be aware") for _, clause in p.members)
    ]
    assert len(found) == 1
    assert found[0].score >= 90
    assert [school for school, _ in found[0].members] == ["rosewood-free-school", "unnamed-school"]


def test_shared_wording_ignores_one_school_and_short_clauses() -> None:
    text = "Staff must not share the login details of any school social media account with anyone."
    assert shared_wording({"a": (Clause("a/1", text), Clause("a/2", text))}) == ()
    short = {"a": (Clause("a/1", "Staff must not post."),), "b": (Clause("b/1", "Staff must not post."),)}
    assert shared_wording(short) == ()
    (passage,) = shared_wording({"b": (Clause("b/1", text),), "a": (Clause("a/1", text.upper()),)})
    assert passage.schools == ("a", "b") and passage.score == 100


# Scale -------------------------------------------------------------------------------------------


@pytest.mark.slow  # about 15 s on 2 cores
def test_two_hundred_schools(corpus: Corpus, analysis: Analysis, taxonomy: Taxonomy) -> None:
    """build_matrix completes on 200 schools; timing targets live in benchmarks/, not here."""
    base = [(s.meta.slug, s.clauses) for s in corpus.schools]
    schools, topics = synthetic_schools(base, analysis.topics, 200)
    matrix = build_matrix(schools, one_statement_each(schools, topics), taxonomy)
    assert len(matrix.schools) == 200
    assert [row.topic for row in matrix.rows] == list(taxonomy.ids)
    for row in matrix.rows:
        assert len(row.cells) == 200
        for found in row.provisions:
            assert all(len(s.repeats) < 5 for s in found.stances)
    assert matrix.rows[0].coverage == 1.0


# Repeats: the same rule stated again ---------------------------------------------------------------


def member(slug: str, number: str, text: str, heading: tuple[str, ...] = ()) -> Member:
    clause = Clause(f"{slug}/{number}", text, number if number[0].isdigit() else None, heading)
    return Member(slug, clause, Statement(clause.id, clause.id, 1, text, MUST_NOT, ""))


def test_a_repeat_in_the_same_words_is_a_link_and_a_reworded_one_is_quoted() -> None:
    """Quoting a school's words again, word for word, adds nothing but length: such repeats are
    linked from the quotation (the first ``AGAIN_SHOWN``, then counted); a repeat in other words
    is quoted against the stance, as a redline."""
    words = "Staff must not contact pupils on social media."
    stance_member = member("a", "1", words, ("Part A", "Conduct online"))
    same = [member("a", str(n), "Staff  must not contact pupils on social media.") for n in range(2, 2 + AGAIN_SHOWN + 3)]
    unnumbered = member("a", "x", words, ("Part B", "Conduct online"))
    reworded = member("a", "99", "Staff must never contact pupils on social media.")
    provision = Provision("t/p", "t", "p", "contact", stance_member, (Stance("a", stance_member, (*same, unnumbered, reworded)),))
    alpha = (SchoolHead("a", "Alpha"),)
    shown = provision_view(provision, alpha, {"a": "Alpha"}).statements
    assert [s.ref.fragment for s in shown] == ["a/1", "a/99"]
    first, second = shown
    assert [a.label for a in first.again[:2]] == ["clause 2", "clause 3"] and len(first.again) == AGAIN_SHOWN
    assert first.again_more == 4  # three more numbered, and the one under a heading
    assert first.school_ref == Ref(PageKind.SCHOOL, "a")
    assert "repeat: the same rule stated again" in second.notes and second.redline
    alongside = member("a", "y", words, ("Part A", "Conduct online"))
    provision = Provision("t/p", "t", "p", "contact", stance_member, (Stance("a", stance_member, (unnumbered, alongside)),))
    shown = provision_view(provision, alpha, {"a": "Alpha"}).statements
    assert [a.label for a in shown[0].again] == ["under “Part B”", "elsewhere under the same heading"]


@pytest.mark.parametrize(
    ("text", "one_occurrence"),
    [
        ("In the event that such evidence contains images, it is an offence to send them.", True),
        ("In the case of a breach, staff must tell the head.", True),
        ("Staff must not publish images of pupils without consent.", False),
        ("Staff should plan for the event that an account is hacked.", False),
    ],
)
def test_a_rule_for_one_named_occurrence_is_not_a_school_s_general_rule(text: str, one_occurrence: bool) -> None:
    from policy_atlas.core.compare import _IN_THE_EVENT

    assert bool(_IN_THE_EVENT.match(text)) is one_occurrence
