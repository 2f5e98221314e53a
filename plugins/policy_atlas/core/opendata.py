"""Open data: every clause as a JSON and a CSV record, with a documented, stable schema."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from .clausetag import resolve_topics
from .corpus import SchoolPolicy
from .model import Clause, Statement

CSV_COLUMNS = ("school", "id", "number", "heading", "text", "topics", "force", "source_file", "line_start", "line_end", "page_start", "page_end")


def clause_records(
    schools: tuple[SchoolPolicy, ...],
    shown: Mapping[str, tuple[Clause, ...]] | None = None,
    reasons: Mapping[str, Mapping[str, str]] | None = None,
    force_reasons: Mapping[str, str] | None = None,
    statements: Mapping[str, tuple[Statement, ...]] | None = None,
) -> list[dict[str, Any]]:
    """One record per clause, schools in slug order and clauses in document order.

    ``shown`` holds each school's clauses as the site shows them (final topics, current
    force); ``reasons`` say why each topic was given and ``force_reasons`` why the force is;
    ``statements`` holds each clause's statements, whose texts joined with spaces are its text.
    """
    records: list[dict[str, Any]] = []
    for school in sorted(schools, key=lambda s: s.meta.slug):
        for clause in (shown or {}).get(school.meta.slug, school.clauses):
            span = clause.source
            records.append(
                {
                    "school": school.meta.slug,
                    "id": clause.id,
                    "number": clause.number,
                    "heading": list(clause.heading),
                    "text": clause.text,
                    "topics": list(resolve_topics(clause.topics)),
                    "topic_reasons": dict((reasons or {}).get(clause.id, {})),
                    "force": clause.force,
                    "force_reason": (force_reasons or {}).get(clause.id),
                    "statements": [_statement_record(s) for s in (statements or {}).get(clause.id, ())],
                    "source": {
                        "file": school.source_name,
                        "line_start": span.line_start if span else None,
                        "line_end": span.line_end if span else None,
                        "page_start": span.page_start if span else None,
                        "page_end": span.page_end if span else None,
                    },
                }
            )
    return records


def _statement_record(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "text": statement.text,
        "force": statement.force.value,
        "force_reason": statement.force_reason,
        "topics": list(statement.topics),
        "topic_reasons": dict(statement.topic_reasons),
    }


def document_records(schools: tuple[SchoolPolicy, ...]) -> list[dict[str, Any]]:
    """One record per school, in slug order: its source file and what ingest set aside from it.

    With the clauses, these account for every word of every source: a set-aside text stands
    once on each of its ``lines``.
    """
    return [
        {
            "school": school.meta.slug,
            "file": school.source_name,
            "set_aside": [{"kind": a.kind, "text": a.text, "lines": list(a.lines)} for a in school.set_aside],
        }
        for school in sorted(schools, key=lambda s: s.meta.slug)
    ]


def to_json(records: list[dict[str, Any]], documents: list[dict[str, Any]] | None = None) -> str:
    """``clauses.json``: the clause records and, when given, the document records."""
    data: dict[str, Any] = {"version": 1, "clauses": records}
    if documents is not None:
        data["documents"] = documents
    return record_lines(data)


def record_lines(data: dict[str, Any]) -> str:
    """JSON text with each record of a list of records on a line of its own.

    The values are exactly ``json.dumps``'s; only the white space differs from an indented
    dump. A change to one clause is a change to one line, and each record is written by
    ``json``'s C encoder, where an indented dump takes its pure-Python path (seconds for one
    long policy, a sixth of the open data's bytes at a thousand schools).
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            items = ",\n".join("  " + encode(item) for item in value)
            fields.append(f" {encode(key)}: [\n{items}\n ]")
        else:
            fields.append(f" {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet will show as text, never run as a formula.

    As OWASP recommends for CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return is prefixed with an apostrophe, which spreadsheets hide. The
    JSON keeps every value exact.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(records: list[dict[str, Any]]) -> str:
    """CSV for spreadsheets: lists joined with `` > `` (headings) and ``;`` (topics); cells made formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in [
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
                record["source"].get("page_start") or "",
                record["source"].get("page_end") or "",
            ]
        )
    return buffer.getvalue()
