"""A long policy on a template many UK schools use, read right in every form a user gives it.

The fixture (``fixtures/documents/template-online-safety.*``, made by ``make_template.py``) is a
33-page online-safety policy with a running header, a page number in each footer, a contents
list with dot leaders, tables of marks saying who may use what, forms to sign and appendices:
as a PDF, as the text saved from it (form feeds between pages), as the same text pasted with no
form feeds, and as the Word file it was made from. Each is measured against the hand-made
expectations beside it: every word accounted for, no empty clause, no page number in a clause,
no table mark, form field or furniture read as a heading, and the document's own headings found
at the level its outline gives them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from test_ingest_nothing_lost import assert_nothing_lost, assert_well_formed

from policy_atlas.core.documents import read_document
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Heading, Policy
from policy_atlas.core.setaside import fill_in_field, mark_row
from policy_atlas.core.text import words

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
EXPECTED: dict[str, dict[str, object]] = yaml.safe_load((DOCUMENTS / "template-online-safety.expected.yml").read_text(encoding="utf-8"))
HEADINGS: list[tuple[str, int]] = [
    (text, level) for text, level in yaml.safe_load((DOCUMENTS / "template-online-safety.headings.yml").read_text(encoding="utf-8"))["headings"]
]
RUNNING_HEADER = "Hollybrook Community School – Online Safety Policy"
MIN_HEADINGS_FOUND = 0.95
FORMS = ("pdf", "text", "pasted", "word")


@cache
def read(form: str) -> tuple[str, Policy]:
    name = str(EXPECTED[form]["file"])
    text = read_document((DOCUMENTS / name).read_bytes(), f"source_policies/{name}").text
    return text, parse_policy(text, "template", f"source_policies/{name}")


def aside_lines(policy: Policy, kind: str) -> list[str]:
    return [record.text for record in policy.set_aside if record.kind == kind for _ in record.lines]


@pytest.mark.parametrize("form", FORMS)
def test_every_word_is_a_heading_a_clause_or_set_aside(form: str) -> None:
    text, policy = read(form)
    assert_nothing_lost(text, policy)
    assert_well_formed(text, policy)


@pytest.mark.parametrize("form", FORMS)
def test_no_clause_is_empty_a_number_or_glued_to_a_page_number(form: str) -> None:
    _, policy = read(form)
    assert not [c.id for c in policy.clauses if not re.search(r"[^\W\d_]", c.text)]
    assert not [c.text[-60:] for c in policy.clauses if re.search(r"[.!?;:]\s+\d{1,3}$", c.text)]
    low, high = EXPECTED[form]["clauses"]  # type: ignore[misc]
    assert low <= len(policy.clauses) <= high


@pytest.mark.parametrize("form", FORMS)
def test_page_numbers_headers_contents_and_cover_are_set_aside(form: str) -> None:
    _, policy = read(form)
    expected = EXPECTED[form]
    furniture = aside_lines(policy, "furniture")
    numbers = [line for line in furniture if line.strip().isdigit()]
    assert len(numbers) == expected["page_numbers"]
    assert [int(n) for n in numbers] == list(range(1, len(numbers) + 1))
    assert furniture.count(RUNNING_HEADER) == expected["running_headers"]
    contents = [line for line in furniture if line != RUNNING_HEADER and not line.strip().isdigit()]
    assert sum(len(words(line)) for line in contents) == expected["contents_words"]
    assert sum(len(words(line)) for line in aside_lines(policy, "cover")) == expected["cover_words"]


@pytest.mark.parametrize("form", FORMS)
def test_forms_and_tables_of_marks_are_set_aside_never_clauses_or_headings(form: str) -> None:
    text, policy = read(form)
    forms = aside_lines(policy, "form")
    low, high = EXPECTED[form]["form_words"]  # type: ignore[misc]
    assert low <= sum(len(words(line)) for line in forms) <= high
    fill_ins = [line.strip() for line in text.split("\n") if fill_in_field(line)]
    assert len(fill_ins) == 30 and all(line in forms for line in fill_ins)
    for block in policy.blocks:
        assert not mark_row(block.text) and not fill_in_field(block.text), block
        assert not re.search(r"(?:^|\s)[X✓](?:\s|$)", block.text), block


@pytest.mark.parametrize("form", FORMS)
def test_no_heading_is_a_mark_a_field_a_row_or_furniture(form: str) -> None:
    _, policy = read(form)
    aside = {record.text for record in policy.set_aside}
    headings = [b.text for b in policy.blocks if isinstance(b, Heading)]
    assert not [h for h in headings if h in aside or "|" in h or h.strip().endswith(("…", "..."))]


@pytest.mark.parametrize("form", FORMS)
def test_the_documents_headings_are_found_at_their_level(form: str) -> None:
    _, policy = read(form)
    found = [(b.text, b.level) for b in policy.blocks if isinstance(b, Heading)]
    remaining = list(found)
    hits = 0
    for expected in HEADINGS:  # in document order, each found heading used once
        if expected in remaining:
            del remaining[: remaining.index(expected) + 1]
            hits += 1
    assert hits >= MIN_HEADINGS_FOUND * len(HEADINGS), sorted(set(HEADINGS) - set(found))
    assert len(found) <= len(HEADINGS) + 1
    assert max(level for _, level in found) <= 4  # the outline is three deep: nothing ratchets to 6


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("heading", "times"), [("Policy Statements", 3), ("Acceptable Use Agreement", 3), ("School policy", 2)])
def test_a_real_heading_that_recurs_is_a_heading_each_time(form: str, heading: str, times: int) -> None:
    """A section heading recurs through a long policy, but never where its pages meet."""
    _, policy = read(form)
    assert [b.text for b in policy.blocks if isinstance(b, Heading)].count(heading) == times
