"""The precision sample: sampled texts found among the statements read, and over-tagging counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.cli import main
from policy_atlas.core.evaluate_precision import SampleItem, load_sample, overlapping, score_sample
from policy_atlas.core.model import Force, PolicyAtlasError, Statement
from policy_atlas.core.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parent.parent


def _statement(n: int, text: str, topics: tuple[str, ...] = (), force: Force = Force.NONE) -> Statement:
    return Statement(f"a/{n}", f"a/{n}", 1, text, force, "", topics)


SOURCE = [
    _statement(1, "• Staff must not accept friend requests from pupils.", ("pupil-contact",), Force.PROHIBITED),
    _statement(2, "Photographs of pupils are kept on the school server.", ("images", "confidentiality"), Force.NONE),
    _statement(3, "Staff may use social media at break.", ("personal-devices",), Force.PERMITTED),
    _statement(4, "They must not use it in class.", ("personal-devices",), Force.PROHIBITED),
]


def test_a_sampled_text_is_found_inside_the_statement_that_holds_it() -> None:
    assert overlapping("Staff must not accept friend requests from pupils.", SOURCE) == [SOURCE[0]]


def test_a_sampled_text_the_reading_split_is_found_as_its_parts() -> None:
    assert overlapping("Staff may use social media at break. They must not use it in class.", SOURCE) == SOURCE[2:]


def test_a_text_the_source_does_not_hold_is_not_found() -> None:
    assert overlapping("Governors review this policy every two years.", SOURCE) == []


def test_a_topic_the_reader_did_not_give_counts_against_precision_only() -> None:
    items = [
        SampleItem("s", "a.txt", "Photographs of pupils are kept on the school server.", frozenset({"images"}), "none"),
        SampleItem("s", "a.txt", "Staff must not accept friend requests from pupils.", frozenset({"pupil-contact", "parent-contact"}), "prohibited"),
        SampleItem("s", "a.txt", "Staff may use social media at break.", frozenset({"personal-devices"}), "permitted-with-conditions"),
    ]
    scores = score_sample(items, {"a.txt": SOURCE})
    assert (scores.precision().right, scores.precision().total) == (3, 4)
    assert (scores.precision("confidentiality").right, scores.precision("confidentiality").total) == (0, 1)
    assert (scores.recall().right, scores.recall().total) == (3, 4)
    assert (scores.force.right, scores.force.total) == (2, 3)
    assert any("tagged confidentiality (" in m and "the reader did not" in m for m in scores.misses)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("items:\n  - {set: s, source: a.txt, text: x, topics: [gossip], force: none}\n", "item 1: unknown topic gossip"),
        ("items:\n  - {set: s, source: a.txt, text: x, topics: [], force: maybe}\n", "item 1: force 'maybe'"),
        ("items: nothing\n", "a list of `items`"),
        ("items:\n  - {set: s, text: x, force: none}\n", "item 1: needs set, source, text and force"),
    ],
)
def test_a_malformed_sample_names_the_file_and_item(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(PolicyAtlasError) as raised:
        load_sample(path, ("images", "pupil-contact"))
    assert message in str(raised.value) and str(path) in str(raised.value)


def test_evaluate_scores_a_precision_sample_on_its_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = "tests/fixtures/reading/blind3/policies/golftyn-cp.txt"
    sample = tmp_path / "sample.yaml"
    sample.write_text(
        "items:\n"
        f"  - set: blind3\n    source: {source}\n    text: Not accepting friend requests from current pupils or ex-pupils under the age of 13\n"
        "    topics: [pupil-contact]\n    force: prohibited\n"
        f"  - set: blind3\n    source: {source}\n    text: The main aim of this school social media policy is to keep everyone within the school safe and within the law.\n"
        "    topics: []\n    force: none\n",
        encoding="utf-8",
    )
    status = main(["--project", str(REPO), "evaluate", str(REPO / "tests/fixtures/reading/blind3"), "--precision", str(sample)])
    out = capsys.readouterr().out
    assert status == 0
    assert "== precision sample: blind3 ==" in out and "== precision sample: all ==" in out
    assert "statements: 2 (0 not found among the statements read)" in out
    assert "pupil-contact" in out.split("== precision sample: all ==")[1]


def test_the_committed_sample_is_well_formed_and_its_sources_exist() -> None:
    taxonomy = load_taxonomy(REPO / "taxonomy.yml")
    items = load_sample(REPO / "tests/fixtures/precision/sample.yaml", taxonomy.ids)
    assert len(items) == 170 and {i.set for i in items} == {"seeds", "dev", "blind", "blind2", "blind3"}
    in_repo = [i for i in items if not i.source.startswith("../")]
    assert in_repo and all((REPO / i.source).is_file() for i in in_repo)


@pytest.mark.parametrize("name", ["blind5", "blind6", "blind7"])
def test_each_later_blind_sets_sample_is_well_formed_and_its_sources_exist(name: str) -> None:
    """The later blind sets keep their samples apart from sample.yaml: each holds 30 items of its own set only."""
    taxonomy = load_taxonomy(REPO / "taxonomy.yml")
    items = load_sample(REPO / f"tests/fixtures/precision/{name}-sample.yaml", taxonomy.ids)
    assert len(items) == 30 and {i.set for i in items} == {name}
    assert all((REPO / i.source).is_file() for i in items)
