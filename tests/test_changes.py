"""What a version pair means for a governor (core/changes.py, core/changeviews.py): stances read
from each version, the words of each change, and pairs read from the made-up fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_atlas.core.changes import ProvisionChange, VersionPair, compare_versions, read_version
from policy_atlas.core.changeviews import counts_text, pair_view, provision_line, summary_lines
from policy_atlas.core.classify import Classifier
from policy_atlas.core.model import Force, PolicyDate
from policy_atlas.core.sources import Version
from policy_atlas.core.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = ROOT / "tests" / "fixtures" / "versions"
TAXONOMY = load_taxonomy(ROOT / "taxonomy.yml", "taxonomy.yml")


def change(before: Force | None, after: Force | None, others: int = 5, was: int = 0, now: int = 4, kind: str = "conduct") -> ProvisionChange:
    return ProvisionChange(
        topic="images", provision="publish", label="publishing images of pupils", rule_kind=kind,
        before=before, after=after, others=others, agree_before=was, agree_after=now,
    )


@pytest.mark.parametrize(
    ("provision", "line"),
    [
        (
            change(Force.DISCOURAGED, Force.PROHIBITED),
            "Now prohibits publishing images of pupils (was: discouraged). Now agrees with 4 of the 5 other schools that address it (before: 0).",
        ),
        (
            change(None, Force.PERMITTED_WITH_CONDITIONS, others=1, now=1),
            "Newly allows publishing images of pupils subject to conditions. Now agrees with 1 of the 1 other school that address it.",
        ),
        (
            change(Force.REQUIRED, None, others=3, was=2, now=0),
            "No longer sets requirements for publishing images of pupils (was: required). 3 other schools address it; 2 of them took the position this school gave up.",
        ),
        (change(Force.PERMITTED, Force.DISCOURAGED, others=0, now=0), "Now discourages publishing images of pupils (was: permitted). No other school addresses it."),
    ],
)
def test_a_change_of_stance_reads_as_a_governor_would_say_it(provision: ProvisionChange, line: str) -> None:
    assert provision_line(provision) == line


@pytest.mark.parametrize(
    ("counts", "text"),
    [((("added", 0), ("reworded", 2), ("force", 1)), "2 reworded, 1 force change"), ((("moved", 0),), "no change"), ((("force", 3),), "3 force changes")],
)
def test_counts_in_one_line(counts: tuple[tuple[str, int], ...], text: str) -> None:
    assert counts_text(counts) == text


def version(name: str, label: str) -> Version:
    year, month = (int(p) for p in label.split("-"))
    return Version(date=PolicyDate(date(year, month, 1), month_only=True), path=VERSIONS / name, source_file=f"source_policies/willow/{name}")


def pair_of(old: str, new: str) -> VersionPair:
    classifier = Classifier(TAXONOMY)
    a = read_version(version(old, "2024-09"), "willow", (VERSIONS / old).read_text(encoding="utf-8"), classifier)
    b = read_version(version(new, "2025-09"), "willow", (VERSIONS / new).read_text(encoding="utf-8"), classifier)
    return compare_versions("willow", a, b, TAXONOMY, None)


def test_reformatting_alone_is_no_change_on_the_page() -> None:
    pair = pair_of("base.txt", "reformatted.txt")
    view = pair_view(pair, TAXONOMY, "Not stated")
    assert (view.no_change, view.counts_text, view.sections, view.renumbered) == (True, "no change", (), ())
    assert summary_lines(pair, TAXONOMY) == ("No change in wording: the two versions hold the same words in the same order.",)


def test_changing_only_the_force_is_one_rewording_and_one_force_change() -> None:
    pair = pair_of("base.txt", "force-only.txt")
    assert [(f.before, f.after) for f in pair.clause_forces] == [(Force.DISCOURAGED, Force.PROHIBITED)]
    assert [(p.kind, p.before, p.after) for p in pair.provisions] == [("force", Force.DISCOURAGED, Force.PROHIBITED)]
    view = pair_view(pair, TAXONOMY, "Not stated")
    (section,) = view.sections
    assert section.kind == "reworded" and section.items[0].notes == ("force: Should not → Must not",)


def test_a_moved_section_is_listed_under_moved_with_both_places() -> None:
    view = pair_view(pair_of("base.txt", "moved-section.txt"), TAXONOMY, "Not stated")
    assert [(s.kind, [i.heading for i in s.items]) for s in view.sections] == [("moved", ["Clause 5.1: moved", "Clause 5.2: moved"])]


def test_a_heading_renamed_over_the_same_clauses_is_listed_as_renamed_and_a_new_number_alone_is_not() -> None:
    pair = pair_of("base.txt", "renamed-headings.txt")
    view = pair_view(pair, TAXONOMY, "Not stated")
    assert view.renamed_headings == (
        "“3. Pictures and video” is now “3. Photographs, film and sound” (2 clauses continue under it).",
        "“5. Reporting worries” is now “5. Raising a concern” (2 clauses continue under it).",
    )
    assert view.counts_text == "1 reworded, 2 headings renamed"
    # "6. If this policy is broken" became "7. …": the same heading, renumbered, not renamed
    assert [(h.old.text, h.new.text, h.renamed) for h in pair.diff.headings][-1] == ("6. If this policy is broken", "7. If this policy is broken", False)


@pytest.mark.parametrize("edited", ["moved-section.txt", "renumbered.txt", "split.txt", "merged.txt", "reformatted.txt"])
def test_a_section_moved_renumbered_or_recut_renames_no_heading(edited: str) -> None:
    assert pair_of("base.txt", edited).diff.renamed == ()


OLD_WORDS = "1. Staff who use social media shall not post any school records, files, photographs or other school information on any website.\n"
NEW_WORDS = "1. Staff who use social media shall not post and/or pass on in any way at all, any school records, files, photographs or other school information on any website.\n"


def test_a_stance_read_differently_in_words_still_there_is_no_change_claimed() -> None:
    """A rewording that keeps the words a stance was read on ("post ... photographs") changes no
    stance, whatever the reading of the longer sentence makes of it: the page claims only what the
    words changed."""
    classifier = Classifier(TAXONOMY)
    a = read_version(version("base.txt", "2024-09"), "willow", OLD_WORDS, classifier)
    b = read_version(version("base.txt", "2025-09"), "willow", NEW_WORDS, classifier)
    old_topics = {t for ss in a.statements.values() for s in ss for t in s.topics}
    new_topics = {t for ss in b.statements.values() for s in ss for t in s.topics}
    assert "images" in old_topics - new_topics  # the reading differs: this is what the rule is for
    pair = compare_versions("willow", a, b, TAXONOMY, None)
    assert not [p for p in pair.provisions if p.topic == "images"]
    assert "images" not in pair.topics_lost
    assert [c.kind.value for c in pair.diff.changes] == ["reworded"]
