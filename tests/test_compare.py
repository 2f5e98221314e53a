"""Cross-school comparison on the five seed schools and on synthetic ones: order independence,
completeness of topic pages, divergence wording, gaps, shared wording, and the matrix at scale."""

from __future__ import annotations

import html
import json
import random
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from comparekit import synthetic_schools
from policy_atlas.core.analysis import Analysis, analyse
from policy_atlas.core.compare import (
    Cell,
    Gap,
    Matrix,
    Member,
    Provision,
    TopicRow,
    build_matrix,
    gaps_for,
    shared_wording,
)
from policy_atlas.core.compare_render import Site, divergence, matrix_json, matrix_page, topic_page
from policy_atlas.core.corpus import Corpus, load_corpus
from policy_atlas.core.model import Clause
from policy_atlas.core.taxonomy import Taxonomy, load_taxonomy

REPO = Path(__file__).resolve().parents[1]


def make_site(slugs: Mapping[str, object] | tuple[str, ...]) -> Site:
    return Site(
        {slug: f"School {slug}" for slug in slugs},
        lambda here, slug, clause_id: f"{slug}.md#{clause_id}",
        lambda here, target: target,
    )


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(REPO / "taxonomy.yml")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    loaded = load_corpus(REPO / "source_policies", REPO / "docs" / "policies")
    assert loaded.diagnostics == ()
    return loaded


@pytest.fixture(scope="module")
def analysis(corpus: Corpus, taxonomy: Taxonomy) -> Analysis:
    # Pages whose topics lag behind taxonomy.yml give a stale-topics warning; the comparison still
    # uses the pages' topics, which is all these tests need.
    return analyse(corpus, taxonomy)


@pytest.fixture(scope="module")
def schools(analysis: Analysis) -> dict[str, tuple[Clause, ...]]:
    """The clauses as the site shows them: final topics and current force."""
    return dict(analysis.clauses)


class Seeds:
    """The seed schools and what the build computes from them, with a short repr for hypothesis' reports
    (a plain class: hypothesis prints a dataclass field by field, megabytes of clauses)."""

    def __init__(
        self, schools: dict[str, tuple[Clause, ...]], analysis: Analysis, taxonomy: Taxonomy, baseline: tuple[str, list[str]]
    ) -> None:
        self.schools = schools
        self.analysis = analysis
        self.taxonomy = taxonomy
        self.baseline = baseline

    def __repr__(self) -> str:
        return f"Seeds({', '.join(self.schools)})"

    def shuffled(self, order: list[int], rng: random.Random | None = None) -> dict[str, tuple[Clause, ...]]:
        """The schools in another order, and each school's clauses shuffled when ``rng`` is given."""
        items = list(self.schools.items())
        return {slug: tuple(rng.sample(cs, len(cs))) if rng else cs for slug, cs in (items[i] for i in order)}


def rendered(matrix: Matrix, taxonomy: Taxonomy) -> tuple[str, list[str]]:
    site = make_site(matrix.schools)
    return matrix_json(matrix, taxonomy), [topic_page(row, matrix, taxonomy, site) for row in matrix.rows]


@pytest.fixture(scope="module")
def baseline(analysis: Analysis, taxonomy: Taxonomy) -> tuple[str, list[str]]:
    return rendered(analysis.matrix, taxonomy)


@pytest.fixture(scope="module")
def seeds(schools: dict[str, tuple[Clause, ...]], analysis: Analysis, taxonomy: Taxonomy, baseline: tuple[str, list[str]]) -> Seeds:
    return Seeds(schools, analysis, taxonomy, baseline)


# --- (a) order independence ------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)))
def test_school_order_does_not_matter(order: list[int], seeds: Seeds) -> None:
    matrix = build_matrix(seeds.shuffled(order), seeds.taxonomy, seeds.analysis.topics)
    assert rendered(matrix, seeds.taxonomy) == seeds.baseline


@settings(
    max_examples=15,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(order=st.permutations(range(5)), seed=st.integers(0, 2**32 - 1))
def test_clause_order_does_not_matter(order: list[int], seed: int, seeds: Seeds) -> None:
    matrix = build_matrix(seeds.shuffled(order, random.Random(seed)), seeds.taxonomy, seeds.analysis.topics)
    assert rendered(matrix, seeds.taxonomy) == seeds.baseline


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)), seed=st.integers(0, 2**32 - 1))
def test_clause_order_does_not_change_provisions(order: list[int], seed: int, seeds: Seeds) -> None:
    """What the xfail above leaves intact: with each cell's clause list sorted, the data is identical."""

    def normal(text: str) -> object:
        data = json.loads(text)
        for topic in data["topics"]:
            for cell in topic["cells"].values():
                cell["clauses"].sort()
        return data

    matrix = build_matrix(seeds.shuffled(order, random.Random(seed)), seeds.taxonomy, seeds.analysis.topics)
    assert normal(matrix_json(matrix, seeds.taxonomy)) == normal(seeds.baseline[0])


@pytest.mark.parametrize("prefixes", [("e", "d", "c", "b", "a"), ("b", "e", "a", "d", "c")])
def test_source_file_names_do_not_matter(
    tmp_path: Path, prefixes: tuple[str, ...], taxonomy: Taxonomy, baseline: tuple[str, list[str]]
) -> None:
    """Renaming the source files (so they list in another order) but keeping slugs changes nothing."""
    sources = tmp_path / "source_policies"
    pages = tmp_path / "pages"
    sources.mkdir()
    shutil.copytree(REPO / "docs" / "policies", pages)
    originals = sorted((REPO / "source_policies").glob("*.txt"))
    for prefix, original in zip(prefixes, originals):
        stem = f"{prefix}-{original.stem[::-1]}"
        shutil.copyfile(original, sources / f"{stem}.txt")
        sidecar = (REPO / "source_policies" / f"{original.stem}.yml").read_text(encoding="utf-8")
        (sources / f"{stem}.yml").write_text(sidecar + f"slug: {original.stem}\n", encoding="utf-8")
    corpus = load_corpus(sources, pages)
    assert corpus.diagnostics == ()
    assert [s.meta.slug for s in corpus.schools] != sorted(s.meta.slug for s in corpus.schools)
    assert rendered(analyse(corpus, taxonomy).matrix, taxonomy) == baseline


# --- (b) every clause on a topic appears on that topic's page --------------------------------


def test_every_topic_clause_is_on_its_topic_page(analysis: Analysis, taxonomy: Taxonomy, schools: dict[str, tuple[Clause, ...]]) -> None:
    site = make_site(analysis.matrix.schools)
    school_of = {c.id: slug for slug, clauses in schools.items() for c in clauses}
    checked = 0
    for row in analysis.matrix.rows:
        page = topic_page(row, analysis.matrix, taxonomy, site)
        wanted = {cid for cid, topics in analysis.topics.items() if row.topic in topics}
        for cid in sorted(wanted):
            assert f'href="{html.escape(site.clause_url("", school_of[cid], cid))}"' in page, (row.topic, cid)
            checked += 1
        in_cells = {cid for cell in row.cells for cid in cell.clauses}
        assert in_cells == wanted, row.topic
    assert checked > 100


def test_provisions_partition_each_topic(analysis: Analysis) -> None:
    """Every clause on a topic is in exactly one of the topic's provisions."""
    for row in analysis.matrix.rows:
        members = [m.clause.id for p in row.provisions for m in p.members]
        assert len(members) == len(set(members)), row.topic
        assert set(members) == {cid for cell in row.cells for cid in cell.clauses}, row.topic
        for provision in row.provisions:
            assert provision.reference in provision.members
            assert provision.topic == row.topic and provision.id.startswith(f"{row.topic}/")


# --- (c) divergence in words -----------------------------------------------------------------


def hand_provision(forces: Mapping[str, tuple[str | None, ...]], topic: str = "images") -> Provision:
    members = tuple(
        Member(slug, Clause(f"{slug}/{index}", f"clause {index} of {slug}", force=force))
        for slug, school_forces in sorted(forces.items())
        for index, force in enumerate(school_forces)
    )
    return Provision(f"{topic}/p", topic, "a provision", members[0], members, {m.clause.id: 1.0 for m in members})


@pytest.mark.parametrize(
    ("forces", "schools", "expected"),
    [
        (
            {"a": ("prohibited",), "b": ("prohibited",), "c": ("prohibited",), "d": ("permitted-with-conditions",)},
            ("a", "b", "c", "d", "e"),
            "3 schools prohibit it; 1 school allows it with conditions; 1 is silent.",
        ),
        ({"a": ("required",)}, ("a", "b", "c"), "1 school requires it; 2 are silent."),
        ({"a": ("permitted", "prohibited"), "b": ("permitted",)}, ("a", "b"), "1 school prohibits it; 1 school allows it."),
        ({"a": ("discouraged",), "b": (None,), "c": ("none",)}, ("a", "b", "c"), "1 school discourages it; 2 schools mention it without a rule."),
        (
            {"a": ("permitted",), "b": ("permitted",), "c": ("required",), "d": ("discouraged",)},
            ("a", "b", "c", "d"),
            "1 school requires it; 1 school discourages it; 2 schools allow it.",
        ),
    ],
)
def test_divergence(forces: Mapping[str, tuple[str | None, ...]], schools: tuple[str, ...], expected: str) -> None:
    assert divergence(hand_provision(forces), schools) == expected


# --- (d) gaps on a hand-made four-school matrix ----------------------------------------------

FOUR = ("a", "b", "c", "d")
COVERED_BY_THREE = hand_provision({"b": ("required",), "c": ("required",), "d": ("required",)})
A_STANDS_ALONE = hand_provision({"a": ("permitted",), "b": ("prohibited",), "c": ("prohibited",), "d": ("prohibited",)})
ONLY_B = hand_provision({"b": ("required",)})
SPLIT = hand_provision({"a": ("required",), "b": ("prohibited",), "c": ("permitted",)})
HALF = hand_provision({"c": ("required",), "d": ("required",)})
ONE_AGREES = hand_provision({"a": ("permitted",), "b": ("prohibited",), "c": ("prohibited",), "d": ("permitted",)})
SIMILAR_WORDING = hand_provision({"b": ("required",), "c": ("required",), "d": ("required",)})


def four_school_matrix() -> Matrix:
    provisions = {
        "covered-by-three": COVERED_BY_THREE,
        "a-stands-alone": A_STANDS_ALONE,
        "only-b": ONLY_B,
        "split": SPLIT,
        "half": HALF,
        "one-agrees": ONE_AGREES,
        "similar-wording": SIMILAR_WORDING,
    }
    rows = []
    for name, provision in provisions.items():
        # Only provisions the taxonomy names count for gaps; a group found by similarity does not.
        defined = name != "similar-wording"
        provision = Provision(f"images/{name}", "images", name, provision.reference, provision.members, provision.scores, defined)
        cells = tuple(Cell("images", s, tuple(m.clause.id for m in provision.members if m.school == s), provision.force_of(s)) for s in FOUR)
        rows.append(TopicRow("images", cells, 0.0, None, (provision,)))
    return Matrix(FOUR, tuple(rows))


@pytest.mark.parametrize(
    ("school", "expected"),
    [
        (
            "a",
            [
                ("missing", "images/covered-by-three", 3, "3 of 3 other schools cover this"),
                ("missing", "images/half", 2, "2 of 3 other schools cover this"),
                ("outlier", "images/a-stands-alone", 3, "3 of 3 other schools: prohibited; this school: permitted"),
            ],
        ),
        ("b", [("missing", "images/half", 2, "2 of 3 other schools cover this")]),
        ("c", []),  # "one-agrees": c's force is shared by another school, so it is no outlier
        ("d", [("missing", "images/split", 3, "3 of 3 other schools cover this")]),
    ],
)
def test_gaps_for(school: str, expected: list[tuple[str, str, int, str]]) -> None:
    gaps = gaps_for(school, four_school_matrix())
    assert all(isinstance(g, Gap) for g in gaps)
    assert [(g.kind, g.provision.id, g.others, g.detail) for g in gaps] == expected


def test_gaps_for_a_lone_school() -> None:
    only_b = Provision("images/only-b", "images", "only b", ONLY_B.reference, ONLY_B.members, ONLY_B.scores, True)
    matrix = Matrix(("a",), (TopicRow("images", (Cell("images", "a", (), None),), 0.0, None, (only_b,)),))
    assert gaps_for("a", matrix) == ()


def test_seed_gaps_name_real_provisions(analysis: Analysis) -> None:
    provision_ids = {p.id for row in analysis.matrix.rows for p in row.provisions}
    for slug, gaps in analysis.gaps.items():
        for gap in gaps:
            assert gap.provision.id in provision_ids
            assert (slug in gap.provision.schools) is (gap.kind == "outlier")


# --- (e) shared wording ----------------------------------------------------------------------


def test_shared_wording_finds_the_common_definition(schools: dict[str, tuple[Clause, ...]]) -> None:
    passages = shared_wording(schools)
    found = [
        p
        for p in passages
        if p.schools == ("rosewood-free-school", "unnamed-school")
        and all(m.clause.text.startswith("Employees should be aware") for m in p.members)
    ]
    assert len(found) == 1
    assert found[0].score >= 90
    assert [m.school for m in found[0].members] == ["rosewood-free-school", "unnamed-school"]


def test_shared_wording_ignores_one_school_and_short_clauses() -> None:
    text = "Staff must not share the login details of any school social media account with anyone."
    same_school = {"a": (Clause("a/1", text), Clause("a/2", text))}
    assert shared_wording(same_school) == ()
    short = {"a": (Clause("a/1", "Staff must not post."),), "b": (Clause("b/1", "Staff must not post."),)}
    assert shared_wording(short) == ()
    two = {"b": (Clause("b/1", text),), "a": (Clause("a/1", text.upper()),)}
    (passage,) = shared_wording(two)
    assert passage.schools == ("a", "b") and passage.score == 100


# --- (f) the matrix page turns round past twelve schools -------------------------------------


@pytest.fixture(scope="module")
def base(corpus: Corpus) -> list[tuple[str, tuple[Clause, ...]]]:
    return [(s.meta.slug, s.clauses) for s in corpus.schools]


@pytest.mark.parametrize(("count", "transposed"), [(12, False), (13, True)])
def test_matrix_page_transposes(count: int, transposed: bool, base: list[tuple[str, tuple[Clause, ...]]], analysis: Analysis, taxonomy: Taxonomy) -> None:
    schools, topics = synthetic_schools(base, analysis.topics, count)
    matrix = build_matrix(schools, taxonomy, topics)
    page = matrix_page(matrix, taxonomy, make_site(matrix.schools))
    table = [line for line in page.splitlines() if line.startswith("|")]
    if transposed:
        assert table[0].startswith("| School | [Contact with pupils](compare/topics/pupil-contact.md) |")
        assert [line.split(" | ")[0] for line in table[2:2 + count]] == [f"| School {s}" for s in matrix.schools]
        assert "| Topic | Agreement |" in table
    else:
        assert table[0] == "| Topic | " + " | ".join(f"School {s}" for s in matrix.schools) + " | Agreement |"
        assert len(table) == 2 + len(taxonomy.topics)


# --- (g) scale smoke test --------------------------------------------------------------------


def test_two_hundred_schools(base: list[tuple[str, tuple[Clause, ...]]], analysis: Analysis, taxonomy: Taxonomy) -> None:
    """build_matrix completes on 200 schools; timing targets live in benchmarks/, not here."""
    schools, topics = synthetic_schools(base, analysis.topics, 200)
    matrix = build_matrix(schools, taxonomy, topics)
    assert len(matrix.schools) == 200
    assert [row.topic for row in matrix.rows] == list(taxonomy.ids)
    for row in matrix.rows:
        assert len(row.cells) == 200
        members = [m.clause.id for p in row.provisions for m in p.members]
        assert len(members) == len(set(members)) == sum(len(c.clauses) for c in row.cells)
    pupil_contact = matrix.rows[0]
    assert pupil_contact.coverage == 1.0
