"""Small text helpers shared by ingest, ids and the tests' idea of a "word"."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")
"""Letters and digits: an underscore is punctuation here (``__this__`` is markup round one word)."""

FUNCTION_WORDS = frozenset(
    """a an the and or nor but of to in on at by for with from as into onto than that which who
    whom whose their its our your his her my this these those is are was were be been being
    if when where whilst while via per about such e.g i.e also not any all every each""".split()
)


def words(text: str) -> list[str]:
    """The words of a text, as the nothing-lost guarantee counts them (punctuation aside)."""
    return WORD.findall(text)


_EMPHASIS = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1|`([^`\n]+)`")


def without_emphasis(text: str) -> str:
    """``text`` without the Markdown marks a converted document leaves round words (``**must
    not**``, ``__this__``, `` `code` ``): the site shows a clause as text, never as Markdown, so
    the marks would be printed as they are. Only paired marks round text are taken; a lone
    ``*`` (a footnote, a wildcard) stays."""
    return _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)


def ascii_slug(text: str) -> str:
    """Lowercase ASCII, runs of anything else collapsed to one hyphen."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def slugify_words(text: str, limit: int = 6) -> str:
    """A readable id fragment from the first ``limit`` words: stable under re-wrapping."""
    return ascii_slug(" ".join(words(text)[:limit]))


def opening(text: str, limit: int = 10) -> str:
    """The first ``limit`` words of a text, with an ellipsis if there were more: for labels and quotes."""
    found = text.split()
    return " ".join(found[:limit]) + ("…" if len(found) > limit else "")


_NUMBERED = re.compile(r"^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$")


def clause_number(number: str | None, clause_id: str) -> str | None:
    """A clause's number as a reader needs it away from its page: a dotted number whole ("4.2.1",
    without the full stop it is printed with), and an item's letter or numeral after the number of
    the clause it sits under ("4.2 b)", "2 (a)"), which its id records; "b)" alone names nothing
    on a page listing several schools' clauses."""
    if not number:
        return None
    tail = clause_id.split("/", 1)[-1].split("~", 1)[0]
    if not _NUMBERED.match(tail):
        return number
    head, _, last = tail.rpartition(".")
    own = number.strip("().")
    if head and own == last and own.isalpha():
        return f"{head} {number}"
    return tail


def clause_label(number: str | None, text: str, clause_id: str) -> str:
    """How a clause is named in a link or a result: "clause 8.3", "clause 4.2 b)", or "clause “Staff must not …”"."""
    if number:
        return f"clause {clause_number(number, clause_id)}"
    return f"clause “{opening(text, 6)}”"
