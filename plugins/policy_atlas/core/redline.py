"""Word-level redlines: how one clause's wording differs from another's.

The diff runs over words (punctuation kept with its word), so a redline reads like tracked
changes in a word processor. ``rapidfuzz``'s Levenshtein opcodes do the alignment: exact,
and fast on long clauses where ``difflib`` with its default junk heuristic goes astray.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Change:
    """One run of the redline: ``equal``, ``insert`` (only in the clause) or ``delete`` (only in the reference)."""

    kind: str
    text: str


def _norm(word: str) -> str:
    """Compare words without case or surrounding punctuation, so "School," matches "school"."""
    return word.strip(".,;:!?\"'‘’“”()[]").casefold()


def word_key(text: str) -> tuple[str, ...]:
    """A text's words as redlines compare them (case and surrounding punctuation aside), without
    the tokens that are punctuation alone: two texts with the same key say the same words."""
    return tuple(key for key in (_norm(w) for w in _TOKEN.findall(text)) if key)


def redline(reference: str, text: str) -> tuple[Change, ...]:
    """The changes that turn ``reference`` into ``text``, word by word, in reading order.

    Between two unchanged runs, all removed words come first as one deletion and all added
    words next as one insertion, as tracked changes read.
    """
    old = _TOKEN.findall(reference)
    new = _TOKEN.findall(text)
    changes: list[Change] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if removed:
            changes.append(Change("delete", " ".join(removed)))
        if added:
            changes.append(Change("insert", " ".join(added)))
        removed.clear()
        added.clear()

    for op in Levenshtein.opcodes([_norm(w) for w in old], [_norm(w) for w in new]):
        if op.tag == "equal":
            flush()
            words = " ".join(new[op.dest_start:op.dest_end])
            if changes and changes[-1].kind == "equal":
                changes[-1] = Change("equal", f"{changes[-1].text} {words}")
            else:
                changes.append(Change("equal", words))
        else:
            removed.extend(old[op.src_start:op.src_end])
            added.extend(new[op.dest_start:op.dest_end])
    flush()
    return tuple(changes)


def similarity(a: str, b: str) -> float:
    """Share of words the two texts have in common, in order (1.0 identical, 0.0 nothing)."""
    x = [_norm(w) for w in _TOKEN.findall(a)]
    y = [_norm(w) for w in _TOKEN.findall(b)]
    if not x and not y:
        return 1.0
    return float(Levenshtein.normalized_similarity(x, y))

