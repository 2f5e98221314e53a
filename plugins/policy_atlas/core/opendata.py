"""Open data: every clause as a JSON and a CSV record, with a documented, stable schema."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .corpus import SchoolPolicy

CSV_COLUMNS = ("school", "id", "number", "heading", "text", "topics", "force", "source_file", "line_start", "line_end")


def clause_records(schools: tuple[SchoolPolicy, ...]) -> list[dict[str, Any]]:
    """One record per clause, schools in slug order and clauses in document order."""
    records: list[dict[str, Any]] = []
    for school in sorted(schools, key=lambda s: s.meta.slug):
        for clause in school.clauses:
            span = clause.source
            records.append(
                {
                    "school": school.meta.slug,
                    "id": clause.id,
                    "number": clause.number,
                    "heading": list(clause.heading),
                    "text": clause.text,
                    "topics": [t for t in clause.topics if t[:1] not in "+-"],
                    "force": clause.force,
                    "source": {
                        "file": school.source_name,
                        "line_start": span.line_start if span else None,
                        "line_end": span.line_end if span else None,
                    },
                }
            )
    return records


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps({"version": 1, "clauses": records}, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: list[dict[str, Any]]) -> str:
    """CSV for spreadsheets: lists joined with `` > `` (headings) and ``;`` (topics)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(
            [
                record["school"],
                record["id"],
                record["number"] or "",
                " > ".join(record["heading"]),
                record["text"],
                ";".join(record["topics"]),
                record["force"] or "",
                record["source"]["file"],
                record["source"]["line_start"] or "",
                record["source"]["line_end"] or "",
            ]
        )
    return buffer.getvalue()
