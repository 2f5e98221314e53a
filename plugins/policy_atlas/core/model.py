"""The clause model: what every other module reads and writes.

Everything here is a frozen dataclass so that results can be shared, cached and
compared without defensive copies.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum


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


_UNSEEN = frozenset(("Cc", "Cf", "Zl", "Zp"))
"""Controls (newline, ESC), format characters (bidi overrides, zero-width) and line separators:
in a message they could end a line, move the cursor or reorder text, and forge a line of the log."""
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escaped(text: str) -> str:
    """``text`` with every character of ``_UNSEEN`` written as its escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    if all(unicodedata.category(c) not in _UNSEEN for c in text):
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNSEEN else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def shown_name(path: str) -> str:
    """A file name as every message shows it: as it is, or quoted and escaped when it holds a
    character that could forge a line of the log (``'source_policies/a\\nINFO ...txt'``)."""
    shown = escaped(path)
    return path if shown == path else "'" + shown.replace("'", "\\'") + "'"


def _where(path: str, line: int | None) -> str:
    return f"{shown_name(path)}:{line}" if line is not None else shown_name(path)


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in an input file, reported as data rather than raised."""

    path: str
    line: int | None
    code: str
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {escaped(self.message)}"


class PolicyAtlasError(Exception):
    """Input that cannot be processed at all; carries the file and line to blame."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {escaped(self.message)}"


class Force(StrEnum):
    """The force of a provision, in the gold vocabulary, strongest first.

    The one definition of force: its order, its symbol and its words on the site. The
    symbol and words go together everywhere, so colour is never the only cue.
    """

    PROHIBITED = "prohibited"
    REQUIRED = "required"
    DISCOURAGED = "discouraged"
    PERMITTED_WITH_CONDITIONS = "permitted-with-conditions"
    PERMITTED = "permitted"
    NONE = "none"

    @property
    def rank(self) -> int:
        """0 for the strongest (prohibited); used to order and to pick the strongest."""
        return list(Force).index(self)

    @property
    def symbol(self) -> str:
        return _FORCE_SHOWN[self][0]

    @property
    def words(self) -> str:
        """How the force reads on a badge: "Must not", "May, with conditions"."""
        return _FORCE_SHOWN[self][1]

    @classmethod
    def of(cls, value: str | None) -> Force:
        """The force named by a clause tag or a record; anything unknown or missing is NONE."""
        try:
            return cls(value) if value else cls.NONE
        except ValueError:
            return cls.NONE

    @staticmethod
    def strongest(forces: Iterable[Force | str]) -> Force:
        """The strongest of several forces (NONE when there are none)."""
        return min((Force.of(f) for f in forces), key=lambda f: f.rank, default=Force.NONE)


_FORCE_SHOWN = {
    Force.PROHIBITED: ("✖", "Must not"),
    Force.REQUIRED: ("●", "Must"),
    Force.DISCOURAGED: ("▲", "Should not"),
    Force.PERMITTED_WITH_CONDITIONS: ("◐", "May, with conditions"),
    Force.PERMITTED: ("○", "May"),
    Force.NONE: ("·", "No rule stated"),
}


STANCE_VERBS: dict[Force, tuple[str, str, str]] = {
    Force.PROHIBITED: ("prohibits", "prohibit", ""),
    Force.REQUIRED: ("sets requirements for", "set requirements for", ""),
    Force.DISCOURAGED: ("discourages", "discourage", ""),
    Force.PERMITTED_WITH_CONDITIONS: ("allows", "allow", " subject to conditions"),
    Force.PERMITTED: ("allows", "allow", ""),
    Force.NONE: ("mentions", "mention", " without stating a rule"),
}
"""How a stance reads in a sentence: (singular verb, plural verb, what follows the object).

"Requires" would claim the school demands the thing itself; a requirement *for* it is what a
"must" statement on a provision says, whichever way round the provision is worded."""


COMMITMENT_VERBS: dict[Force, tuple[str, str, str]] = {
    Force.PROHIBITED: ("rules out", "rule out", ""),
    Force.REQUIRED: ("commits to", "commit to", ""),
    Force.DISCOURAGED: ("advises against", "advise against", ""),
    Force.PERMITTED_WITH_CONDITIONS: ("allows for", "allow for", " on conditions"),
    Force.PERMITTED: ("allows for", "allow for", ""),
    Force.NONE: ("mentions", "mention", " without stating a rule"),
}
"""How a stance on what the *school* does reads ("4 schools commit to investigating breaches; 1
allows for it"): a school does not "set requirements for" its own acts, nor "allow" itself."""


def stance_verbs(rule_kind: str) -> dict[Force, tuple[str, str, str]]:
    """The verbs a sentence about stances uses on a provision of this kind (``COMMITMENT_VERBS``
    for what the school does, else ``STANCE_VERBS``)."""
    return COMMITMENT_VERBS if rule_kind == "commitment" else STANCE_VERBS


@dataclass(frozen=True)
class SourceSpan:
    """Where a clause came from: a file in ``source_policies/``, its 1-based lines, and, for a
    paged source (a PDF, or text with form feeds), the pages those lines are printed on."""

    file: str
    line_start: int
    line_end: int
    page_start: int | None = None
    page_end: int | None = None

    @property
    def page_range(self) -> tuple[int, int] | None:
        """The first and last page; None when the source has no pages."""
        return None if self.page_start is None else (self.page_start, self.page_end or self.page_start)

    @property
    def pages(self) -> str | None:
        """The pages as a clause tag writes them: ``"12"`` or ``"12-13"``; None when the source has no pages."""
        if self.page_range is None:
            return None
        first, last = self.page_range
        return str(first) if last == first else f"{first}-{last}"


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
class Statement:
    """One provision as a clause states it: a sentence, or a part of one with its own modal.

    A numbered clause often holds several provisions ("must not ... . Concerns should be
    reported ... . Staff may ... with approval"); each is compared, merged and scored on its
    own. Statements are derived from the clause text and never change it: their texts,
    joined with single spaces, are the clause text.

    ``id`` is the anchor a link uses: the clause id when the clause is one statement,
    ``<clause id>~<n>`` for the n-th of several. ``topic_reasons`` pairs each topic with why
    it was given, in the order of ``topics``.
    """

    id: str
    clause_id: str
    index: int
    text: str
    force: Force
    force_reason: str
    topics: tuple[str, ...] = ()
    topic_reasons: tuple[tuple[str, str], ...] = ()

    def reason_for(self, topic: str) -> str | None:
        return next((why for t, why in self.topic_reasons if t == topic), None)


def shown_apart(statements: tuple[Statement, ...]) -> bool:
    """Whether a clause is shown statement by statement, each with its own badges and anchor:
    when its statements differ in force or topics. The one rule for the page and for links."""
    return len(statements) > 1 and len({(s.force, s.topics) for s in statements}) > 1


def statement_id(clause_id: str, index: int, count: int) -> str:
    """The anchor of the ``index``-th (1-based) of ``count`` statements of a clause."""
    return clause_id if count == 1 else f"{clause_id}~{index}"


@dataclass(frozen=True)
class Heading:
    """A heading of the source, kept so that no word of it is lost."""

    text: str
    level: int
    line: int


@dataclass(frozen=True)
class SetAside:
    """Source text kept out of the clauses, and still accounted for word by word.

    ``kind`` is ``"cover"`` for cover-page and document-control lines ("Approved by: ...",
    "Review date: ..."), which are metadata about the policy rather than provisions, and
    ``"furniture"`` for what a PDF extraction repeats on every page (footer, address, page
    number) and for a contents list. ``lines`` holds every source line on which this text
    occurs, once per occurrence.
    """

    kind: str
    text: str
    lines: tuple[int, ...]


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
        # The month's own length, not "the day before next month": December 9999 has no next month.
        return self.value.replace(day=calendar.monthrange(self.value.year, self.value.month)[1])

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
    so that a reader can still account for every token of the source; ``set_aside`` is
    the cover-page lines and page furniture kept out of the clauses.
    """

    slug: str
    blocks: tuple[Heading | Clause, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    page_markers: tuple[tuple[int, str], ...] = field(default=())
    set_aside: tuple[SetAside, ...] = field(default=())

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))
