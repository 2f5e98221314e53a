"""Markdown marks a converted document leaves round words are taken out at ingest: the site shows
a clause as text, so ``**must not**`` would be printed with its asterisks."""

from __future__ import annotations

import pytest

from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Heading
from policy_atlas.core.text import without_emphasis, words


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Staff **must not** post.", "Staff must not post."),
        ("**The whole sentence.** Then more.", "The whole sentence. Then more."),
        ("__Underlined__ words and **two** **pairs**", "Underlined words and two pairs"),
        ("Use the `report` button.", "Use the report button."),
        ("**S**afe and **M**eeting", "Safe and Meeting"),
        ("A footnote* and 2 * 3 and a ** b", "A footnote* and 2 * 3 and a ** b"),  # lone marks stay
        ("** spaced ** is no emphasis", "** spaced ** is no emphasis"),
        ("snake_case_name stays", "snake_case_name stays"),
    ],
)
def test_paired_marks_round_words_are_taken_out(text: str, plain: str) -> None:
    assert without_emphasis(text) == plain


def test_an_underscore_is_not_part_of_a_word() -> None:
    assert words("__this__ and snake_case") == ["this", "and", "snake", "case"]


def test_ingest_gives_clauses_and_headings_without_marks() -> None:
    text = "**Personal use**\n\n1. Staff **must not** share `passwords`.\n2. Do __not__ post **S**chool news.\n"
    blocks = parse_policy(text, "x", "x.txt").blocks
    shown = [b.text for b in blocks if isinstance(b, (Clause, Heading))]
    assert shown == ["Personal use", "Staff must not share passwords.", "Do not post School news."]
