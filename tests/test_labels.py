"""A clause named away from its page reads on its own: "Northgate Primary School, clause 4.2 b)",
never "clause b)", which names nothing on a page of several schools' clauses."""

from __future__ import annotations

import pytest

from policy_atlas.core.text import clause_label, clause_number


@pytest.mark.parametrize(
    ("number", "clause_id", "shown"),
    [
        ("b)", "hill/4.2.b", "4.2 b)"),
        ("(a)", "hill/2.a", "2 (a)"),
        ("iv.", "hill/7.iv", "7 iv."),
        ("4.2.1", "hill/4.2.1", "4.2.1"),
        ("27.", "hill/27", "27"),
        ("1.", "hill/1~3", "1"),  # a second clause 1 (numbering started again): its own number
        ("(a)", "hill/scope/a", "(a)"),  # under no numbered clause: nothing to add
        ("2)", "hill/3.2", "3.2"),  # a numeral is a dotted number's part, never an item's letter
        (None, "hill/scope/staff-must-not", None),
    ],
)
def test_an_item_s_number_includes_the_clause_it_sits_under(number: str | None, clause_id: str, shown: str | None) -> None:
    assert clause_number(number, clause_id) == shown


def test_a_link_names_the_item_with_its_parent() -> None:
    assert clause_label("b)", "Staff must not post.", "hill/4.2.b") == "clause 4.2 b)"
    assert clause_label(None, "Staff must not post images of pupils online.", "hill/x/y") == "clause “Staff must not post images of…”"
