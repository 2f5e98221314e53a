"""Open data that stays data: CSV cells a spreadsheet shows as text, JSON kept exact."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hypothesis import given
from hypothesis import strategies as st

from policy_atlas.core.opendata import record_lines, spreadsheet_safe, to_csv, to_json


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+44 151 443 3000", "'+44 151 443 3000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("Staff must not = anything", "Staff must not = anything"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_spreadsheet_safe(value: object, shown: str) -> None:
    assert spreadsheet_safe(value) == shown


def record(text: str, heading: list[str]) -> dict[str, object]:
    return {
        "school": "s", "id": "s/1", "number": "1", "heading": heading, "text": text, "topics": ["images"],
        "force": "required", "source": {"file": "s.txt", "line_start": 3, "line_end": 4},
    }


def test_csv_neutralises_formulas_and_json_stays_exact() -> None:
    records = [record("=cmd|' /C calc'!A0", ["@Heading"])]
    rows = list(csv.reader(io.StringIO(to_csv(records))))
    assert rows[1][3] == "'@Heading"
    assert rows[1][4] == "'=cmd|' /C calc'!A0"
    assert json.loads(to_json(records))["clauses"][0]["text"] == "=cmd|' /C calc'!A0"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.lists(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=4), max_size=4),
    st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=3),
)
def test_record_lines_is_exact_json_with_one_record_a_line(records: list[dict[str, object]], extra: dict[str, object]) -> None:
    data = {"version": 1, "clauses": records, **{f"x-{key}": value for key, value in extra.items()}}
    text = record_lines(data)
    assert json.loads(text) == data
    if records:
        lines = text.split("\n")  # JSON escapes a newline in a string, never other line breaks
        start = lines.index(' "clauses": [')
        assert [json.loads(line.removesuffix(",")) for line in lines[start + 1 : start + 1 + len(records)]] == records
