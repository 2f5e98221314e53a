"""The clause finder page: every clause, filtered by topic, school and force, with a text box.

The page holds only the filters; the clauses come from the search index (``core/search.py``),
loaded a school at a time for the results shown, so the page stays small at any number of
schools and works from ``file://``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Force
from .taxonomy import Taxonomy
from .refs import PageKind, Ref
from .views.school import SchoolGroup, SchoolsIndexView


@dataclass(frozen=True)
class FinderView:
    """What the finder offers: topics in taxonomy order, schools grouped as the schools index
    groups them (an option's value is ``school.ref.key``, the slug), forces strongest first."""

    clauses: int
    schools: int
    groups: tuple[SchoolGroup, ...]
    topics: tuple[tuple[str, str], ...]
    forces: tuple[Force, ...]
    data_ref: Ref

    @property
    def title(self) -> str:
        return "Find a clause"


def finder_view(schools: SchoolsIndexView, taxonomy: Taxonomy) -> FinderView:
    return FinderView(
        sum(row.clauses for group in schools.groups for row in group.schools),
        schools.count,
        schools.groups,
        tuple((t.id, t.label) for t in taxonomy.topics),
        tuple(Force),
        Ref(PageKind.DATA, "clauses.json"),
    )
