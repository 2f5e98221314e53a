"""Open data that stays data: CSV cells a spreadsheet shows as text, JSON kept exact."""

from __future__ import annotations

import csv
import io
import json

import pytest

from policy_atlas.core.opendata import spreadsheet_safe, to_csv, to_json


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
