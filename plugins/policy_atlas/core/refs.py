"""Where generated pages link: a kind of page, a key and an anchor (``Ref``), and how a page with a
column or a section per school is split into parts (``Paging``, ``Pager``).

Kept apart from the view models so that what only needs a link (the templates' ``url``
filter, the clause extension) does not load the comparison engine; the plugin owns the paths
and URLs a ``Ref`` becomes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

SCHOOLS_PER_PAGE = 25
"""Past this many schools the matrix and each topic page come in parts of this many schools (in
slug order), each part a page: a page's size never grows with the number of schools."""


class PageKind(Enum):
    """The kinds of page a view links to; the plugin maps each to a path in the site."""

    SCHOOL = "school"
    SCHOOLS = "schools"
    MATRIX = "matrix"
    TOPIC = "topic"
    GAPS = "gaps"
    SHARED = "shared"
    MODEL = "model"
    DATA = "data"
    DOWNLOAD = "download"
    FINDER = "finder"
    CHANGES = "changes"
    """What changed between versions: a school's page (key: its slug), or the site's (no key)."""


@dataclass(frozen=True)
class Ref:
    """A link target: a page (kind and key, e.g. a topic id or a school slug) and an anchor on it."""

    kind: PageKind
    key: str = ""
    fragment: str = ""
    part: int = 1
    """Which part of a page split into parts (the matrix, a topic page, shared wording)."""


@dataclass(frozen=True)
class Paging:
    """How a page with a column or a section per school is split: runs of ``per_page`` schools."""

    schools: tuple[str, ...]
    per_page: int = SCHOOLS_PER_PAGE

    @property
    def split(self) -> bool:
        return len(self.schools) > self.per_page

    def chunks(self) -> tuple[tuple[str, ...], ...]:
        if not self.split:
            return (self.schools,)
        return tuple(self.schools[start:start + self.per_page] for start in range(0, len(self.schools), self.per_page))

    @cached_property
    def _index(self) -> dict[str, int]:
        return {slug: index for index, slug in enumerate(self.schools)}

    def part(self, slug: str) -> int:
        """The part that shows the school's column or section."""
        return self._index.get(slug, 0) // self.per_page + 1 if self.split else 1


@dataclass(frozen=True)
class PartLink:
    label: str
    description: str
    ref: Ref
    current: bool


@dataclass(frozen=True)
class Pager:
    """The parts of a page split into parts, and which one is this. Of many parts it links the
    first, the last and those near this one; ``None`` stands where parts are left out, so the
    pager stays a line however many parts there are."""

    parts: tuple[PartLink | None, ...] = ()
    count: int = 0

    @property
    def split(self) -> bool:
        return self.count > 1


PAGER_NEAR = 2
"""A pager links the parts up to this many before and after the current one (and the first and last)."""


def pager_for(refs: list[Ref], labels: list[tuple[str, str]], current: int) -> Pager:
    """The pager of part ``current`` (from 1) of a page whose parts are at ``refs``, each labelled
    and described: the ends and the parts near this one linked, ``None`` where parts are left out."""
    linked = {1, len(refs), *range(current - PAGER_NEAR, current + PAGER_NEAR + 1)}
    parts: list[PartLink | None] = []
    for n, (ref, (label, described)) in enumerate(zip(refs, labels, strict=True), start=1):
        if n in linked:
            parts.append(PartLink(label, described, ref, n == current))
        elif parts[-1] is not None:
            parts.append(None)
    return Pager(tuple(parts), len(refs))
