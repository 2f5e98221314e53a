"""The clause model: what every other module reads and writes.

Everything here is a frozen dataclass so that results can be shared, cached and
compared without defensive copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Severity(str, Enum):
    """How much a diagnostic matters to whoever runs the build.

    ``NOTE`` describes the source as it is (a numbering gap the school printed);
    nobody can fix it without changing the provenance, so it never fails a build.
    ``WARNING`` is something the site maintainer should act on (stale Markdown).
    ``ERROR`` means the input could not be used at all.
    """

    NOTE = "note"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in an input file, reported as data rather than raised."""

    path: str
    line: int | None
    code: str
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class PolicyAtlasError(Exception):
    """Input that cannot be processed at all; carries the file and line to blame."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class Force(str, Enum):
    """The force of a provision, in the gold vocabulary (strongest first)."""

    PROHIBITED = "prohibited"
    REQUIRED = "required"
    DISCOURAGED = "discouraged"
    PERMITTED_WITH_CONDITIONS = "permitted-with-conditions"
    PERMITTED = "permitted"
    NONE = "none"


@dataclass(frozen=True)
class SourceSpan:
    """Where a clause came from: a file in ``source_policies/`` and its 1-based lines."""

    file: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Clause:
    """One provision of a policy, as faithful to the source as extraction allows.

    ``number`` is the label as printed (``"4.1.1"``, ``"(a)"``, ``"27"``) or None.
    ``heading`` is the heading path, outermost first, each heading as printed.
    ``parent`` is the id of the clause this one sits under: a list lead-in
    ("... for example by:") or a numbered parent (4.1 for 4.1.1).
    ``topics`` holds topic ids; entries prefixed ``+``/``-`` are a person's
    overrides written in the clause tag.
    """

    id: str
    text: str
    number: str | None = None
    heading: tuple[str, ...] = ()
    parent: str | None = None
    topics: tuple[str, ...] = ()
    force: str | None = None
    source: SourceSpan | None = None


@dataclass(frozen=True)
class Heading:
    """A heading of the source, kept so that no word of it is lost."""

    text: str
    level: int
    line: int


@dataclass(frozen=True)
class PolicyDate:
    """A review date as precise as the school gave it: "September 2026" is a month, not the 1st."""

    value: date
    month_only: bool = False

    @property
    def last_day(self) -> date:
        """The last day the date covers: a review "due by September" is not late on the 2nd."""
        if not self.month_only:
            return self.value
        next_month = date(self.value.year + self.value.month // 12, self.value.month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)

    def __str__(self) -> str:
        if self.month_only:
            return self.value.strftime("%B %Y")
        return f"{self.value.day} {self.value.strftime('%B %Y')}"

    def isoformat(self) -> str:
        return self.value.strftime("%Y-%m") if self.month_only else self.value.isoformat()


@dataclass(frozen=True)
class PolicyMeta:
    """What we know about a school's policy besides its text (the sidecar YAML)."""

    slug: str
    school: str
    title: str
    source_file: str
    approved_by: str | None = None
    last_reviewed: PolicyDate | None = None
    next_review: PolicyDate | None = None
    group: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Policy:
    """A whole normalised policy: headings and clauses in document order, and what ingest noticed.

    ``page_markers`` are the bare page-number lines ingest set aside, as (line, text),
    so that a reader can still account for every token of the source.
    """

    slug: str
    blocks: tuple[Heading | Clause, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    page_markers: tuple[tuple[int, str], ...] = field(default=())

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))
