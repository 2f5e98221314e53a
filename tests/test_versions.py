"""Two versions of one policy aligned clause by clause (core/versions.py): made-up edits of our own,
each a kind of change a reviewer meets, and pairs with no change of words in another form."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.core.documents import read_document
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause
from policy_atlas.core.redline import Change
from policy_atlas.core.versions import ChangeKind, align, number_key
from rewrapkit import rewrap

VERSIONS = Path(__file__).resolve().parent / "fixtures" / "versions"
DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
SEEDS = Path(__file__).resolve().parents[1] / "source_policies"


def clauses(path: Path, slug: str = "willow") -> tuple[Clause, ...]:
    text = read_document(path.read_bytes(), f"source_policies/{slug}/{path.name}").text
    return parse_policy(text, slug, f"source_policies/{slug}/{path.name}").clauses


NOTHING = dict.fromkeys(("added", "removed", "moved", "reworded", "split", "merged", "renumbered", "renamed_headings"), 0)


@pytest.mark.parametrize(
    ("edited", "counts"),
    [
        pytest.param("reformatted.txt", {}, id="rewrapped-crlf-numbers-with-dots"),
        pytest.param("renumbered.txt", {"added": 1, "renumbered": 3}, id="clause-inserted-rest-renumbered"),
        pytest.param("moved-section.txt", {"moved": 2}, id="section-moved"),
        pytest.param("split.txt", {"split": 1, "renumbered": 1}, id="clause-split"),
        pytest.param("merged.txt", {"merged": 1}, id="two-clauses-merged"),
        pytest.param("force-only.txt", {"reworded": 1}, id="only-the-force"),
        pytest.param("one-word.txt", {"reworded": 1}, id="one-word"),
    ],
)
def test_each_kind_of_edit_is_recognised_as_itself(edited: str, counts: dict[str, int]) -> None:
    diff = align(clauses(VERSIONS / "base.txt"), clauses(VERSIONS / edited))
    assert diff.counts == {**NOTHING, **counts}
    assert diff.same_words is (not counts)
    assert not any(c.kind is ChangeKind.ADDED and c.new[0].text.startswith("Staff must not accept") for c in diff.changes)


def test_a_moved_section_is_moved_not_removed_and_added() -> None:
    diff = align(clauses(VERSIONS / "base.txt"), clauses(VERSIONS / "moved-section.txt"))
    assert [(c.kind, c.moved, c.old[0].number, c.new[0].number) for c in diff.changes] == [
        (ChangeKind.UNCHANGED, True, "5.1", "5.1"),
        (ChangeKind.UNCHANGED, True, "5.2", "5.2"),
    ]


def test_a_split_and_a_merge_name_every_part() -> None:
    split = align(clauses(VERSIONS / "base.txt"), clauses(VERSIONS / "split.txt")).changes[0]
    assert (split.kind, [c.number for c in split.old], [c.number for c in split.new], split.redline) == (ChangeKind.SPLIT, ["3.1"], ["3.1", "3.2"], ())
    merged = align(clauses(VERSIONS / "base.txt"), clauses(VERSIONS / "merged.txt")).changes[0]
    assert (merged.kind, [c.number for c in merged.old], [c.number for c in merged.new]) == (ChangeKind.MERGED, ["4.2", "4.3"], ["4.2"])
    assert [c for c in merged.redline if c.kind != "equal"] == [Change("delete", "Staff"), Change("insert", "and")]


def test_one_changed_word_shows_as_exactly_that_word() -> None:
    (change,) = align(clauses(VERSIONS / "base.txt"), clauses(VERSIONS / "one-word.txt")).changes
    assert [c for c in change.redline if c.kind != "equal"] == [Change("delete", "same"), Change("insert", "next")]
    assert change.old[0].id == change.new[0].id and 0.9 < change.similarity < 1


def test_the_same_policy_in_word_and_in_pdf_has_no_change_in_its_numbered_clauses() -> None:
    """A table reads differently from Word (its column names) and from a PDF (the cells alone):
    those are other words, so only the numbered clauses are compared here."""
    def numbered(path: Path) -> list[Clause]:
        return [c for c in clauses(path) if c.number]

    diff = align(numbered(DOCUMENTS / "larkfield-academy.docx"), numbered(DOCUMENTS / "larkfield-academy.pdf"))
    assert diff.same_words and diff.changes == ()


def test_the_same_words_saved_as_word_have_no_change(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in (VERSIONS / "base.txt").read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.replace("\n", " "))
    document.save(str(tmp_path / "2025-09.docx"))
    diff = align(clauses(VERSIONS / "reformatted.txt"), clauses(tmp_path / "2025-09.docx"))
    assert diff.same_words and diff.changes == ()


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
@pytest.mark.parametrize("width", [38, 91])
def test_a_seed_rewrapped_has_no_change(seed: str, width: int) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    policy = parse_policy(text, "s", seed)
    again = parse_policy(rewrap(text, policy, width), "s", seed)
    diff = align(policy.blocks, again.blocks)
    assert diff.same_words and diff.changes == ()


def clause(index: int, text: str, number: str | None = None) -> Clause:
    return Clause(id=f"s/{number or index}", text=text, number=number)


def test_a_clause_cut_in_three_is_one_split() -> None:
    old = [clause(1, "Staff must lock their screens. Staff must use strong passwords. Staff must report lost devices at once.", "1")]
    new = [clause(1, "Staff must lock their screens.", "1"), clause(2, "Staff must use strong passwords.", "2"), clause(3, "Staff must report lost devices at once.", "3")]
    (change,) = align(old, new).changes
    assert (change.kind, len(change.new)) == (ChangeKind.SPLIT, 3)


def test_a_surviving_id_settles_which_of_two_like_clauses_continues_which() -> None:
    old = [clause(1, "Staff must not post images of pupils.", "1"), clause(2, "Staff must not post images of parents.", "2")]
    new = [clause(1, "Staff must not post images of parents.", "2"), clause(2, "Staff must never post images of pupils.", "1")]
    diff = align(old, new)
    pairs = {(c.old[0].number, c.new[0].number) for c in diff.clauses}
    assert pairs == {("1", "1"), ("2", "2")}


def test_unrelated_clauses_are_removed_and_added_not_reworded() -> None:
    diff = align([clause(1, "Governors review this policy every two years.")], [clause(1, "Pupils may bring phones on trips.")])
    assert [c.kind for c in diff.changes] == [ChangeKind.REMOVED, ChangeKind.ADDED]


@pytest.mark.parametrize(
    ("number", "key"),
    [("4.1", (4, 1)), ("4.1.", (4, 1)), ("4(1)", (4, 1)), ("(b)", (2,)), ("b)", (2,)), ("(iv)", (4,)), ("12", (12,)), (None, None)],
)
def test_a_number_is_read_without_its_style(number: str | None, key: tuple[int, ...] | None) -> None:
    assert number_key(number) == key
