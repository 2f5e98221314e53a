"""Synthetic schools for comparison tests and benchmarks: seed clauses, lightly reworded.

School ``k`` copies the clauses of base school ``k mod len(base)`` and swaps a few words per
clause for synonyms (chosen by a seeded random generator, so the same call always gives the
same schools). Clause ids are re-rooted under the new slug, so schools never share an id.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from policy_atlas.core.model import Clause, Force, Statement

SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("staff", "employees"),
    ("pupils", "students"),
    ("pupil", "student"),
    ("school", "academy"),
    ("social media", "online platforms"),
    ("headteacher", "principal"),
    ("photographs", "images"),
    ("parents", "carers"),
    ("inappropriate", "unsuitable"),
    ("ensure", "make sure"),
)


def _reroot(clause_id: str | None, old: str, new: str) -> str | None:
    if clause_id is None:
        return None
    return new + clause_id[len(old):] if clause_id.startswith(old + "/") else f"{new}/{clause_id}"


def synthetic_schools(
    base: Sequence[tuple[str, tuple[Clause, ...]]],
    topics_of: Mapping[str, tuple[str, ...]],
    count: int,
    seed: int = 0,
    per_clause: int = 2,
) -> tuple[dict[str, tuple[Clause, ...]], dict[str, tuple[str, ...]]]:
    """``count`` schools named ``school-000``...; returns (clauses by slug, topics by clause id)."""
    rng = random.Random(seed)
    schools: dict[str, tuple[Clause, ...]] = {}
    topics: dict[str, tuple[str, ...]] = {}
    for k in range(count):
        slug = f"school-{k:03d}"
        source_slug, clauses = base[k % len(base)]
        out = []
        for clause in clauses:
            text = clause.text
            for old, new in rng.sample(SUBSTITUTIONS, per_clause):
                text = re.sub(rf"\b{old}\b", new, text, flags=re.IGNORECASE)
            new_id = _reroot(clause.id, source_slug, slug)
            assert new_id is not None
            out.append(replace(clause, id=new_id, text=text, parent=_reroot(clause.parent, source_slug, slug)))
            topics[new_id] = topics_of.get(clause.id, ())
        schools[slug] = tuple(out)
    return schools, topics


def one_statement_each(
    schools: Mapping[str, tuple[Clause, ...]], topics_of: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[Statement, ...]]:
    """Each clause read as a single statement with the clause's text, force and topics."""
    return {
        clause.id: (Statement(clause.id, clause.id, 1, clause.text, Force.of(clause.force), "", topics_of.get(clause.id, ())),)
        for clauses in schools.values()
        for clause in clauses
    }
