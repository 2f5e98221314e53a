"""Statements as every comparing page quotes them: who says it, where, its force, its words,
redlined against a reference wording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..compare import Member
from ..model import Force
from ..redline import Change, redline, similarity
from ..text import clause_number
from ..refs import PageKind, Ref


REDLINE_MIN_SIMILARITY = 0.3
"""Below this share of words in common a redline is all crossings-out; the statement is shown plain."""


NAMES_LISTED = 12
"""On the model policy page a list of schools longer than this (a clause's other sources, who
holds an alternative, who is silent) shows this many and a count; the downloads list them all."""


ForceCounts = tuple[tuple[Force, int], ...]


def listed(names: list[str] | tuple[str, ...], limit: int = NAMES_LISTED, total: int | None = None) -> str:
    """Names joined, at most ``limit`` of them and then how many more: "A, B and 40 others".
    ``total`` is how many there are when ``names`` holds only the first of them."""
    total = len(names) if total is None else total
    if total <= limit:
        return ", ".join(names[:limit])
    more = total - limit
    return f"{', '.join(names[:limit])} and {more} other{'s' if more > 1 else ''}"


def statement_ref(member: Member) -> Ref:
    return Ref(PageKind.SCHOOL, member.school, member.anchor or member.statement.id)


def provision_anchor(kind: str) -> str:
    return f"provision-{kind}"


def school_anchor(slug: str) -> str:
    return f"school-{slug}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def percent(value: float) -> int:
    return round(100 * value)


# Statements as quoted on a page ---------------------------------------------------------------


@dataclass(frozen=True)
class Redlines:
    """What a page's statements compared word by word come to: the legend is shown only when a
    redline is, and the statements too unlike their wording for one are counted once."""

    shown: int
    unlike: int

    @classmethod
    def of(cls, statements: Iterable[StatementView]) -> Redlines:
        shown = unlike = 0
        for statement in statements:
            shown += bool(statement.redline)
            unlike += statement.unlike
        return cls(shown, unlike)


@dataclass(frozen=True)
class StatementView:
    """A statement as a page quotes it: who says it, where it is, its force, its words.

    When ``redline`` is not empty it is shown instead of ``text``: the statement's words
    against the reference wording. ``notes`` are short tags ("reference wording", "repeat").
    ``again`` is where the school states these words again, word for word (the first
    ``AGAIN_SHOWN``); ``again_more``, how many more times, all on ``school_ref``'s page.
    ``lead_in`` is the sentence opening the list the statement is an item of ("Staff must not:"
    over "Share photos of pupils"), shown before it: an item quoted alone can read as the
    opposite rule.
    """

    school: str
    label: str
    ref: Ref
    force: Force
    text: str
    redline: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()
    again: tuple[WordedAlike, ...] = ()
    again_more: int = 0
    school_ref: Ref | None = None
    unlike: bool = False
    """Compared with a wording it shares too few words with for a redline to read: shown as written
    (the page says so once, not on every such statement)."""
    lead_in: str = ""


AGAIN_SHOWN = 20
"""How many word-for-word repeats of a statement a quotation links to; the rest are counted
(a policy that says one thing thousands of times would otherwise fill the page with links)."""


def _label(name: str, number: str | None, clause_id: str) -> str:
    """"Northgate Primary School, clause 4.2 b)": a school's clause named so it reads alone."""
    return f"{name}, clause {clause_number(number, clause_id)}" if number else name


def quote(
    member: Member, names: Mapping[str, str], notes: tuple[str, ...] = (), against: str | None = None, force: Force | None = None
) -> StatementView:
    """A statement quoted, redlined against ``against`` when the two share enough words to read as
    one; ``force``, when given, is the stance it states on a provision (the badge shows that)."""
    changes: tuple[Change, ...] = ()
    unlike = False
    if against is not None:
        if similarity(against, member.text) >= REDLINE_MIN_SIMILARITY:
            changes = redline(against, member.text)
        else:
            unlike = True
    return StatementView(
        member.school, _label(names[member.school], member.clause.number, member.clause.id), statement_ref(member), force or member.force, member.text, changes, notes,
        unlike=unlike, lead_in=member.lead_in,
    )


@dataclass(frozen=True)
class WordedAlike:
    """Words that are word for word a wording already quoted (another school's sentence, or the
    same school saying it again): named and linked, not quoted again."""

    label: str
    ref: Ref
