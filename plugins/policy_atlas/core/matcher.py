"""Taxonomy terms found in a text, by stem, in one pass.

Every term of every group a topic uses (its rules' concepts, its headings, its ``unless``
phrases) is compiled once into an index keyed by the stem of the term's first word, so a
text is scanned once whatever the number of terms. A term matches where the text's
stems, word by word, are the term's stems: "posts", "posting" and "posted" all match
"post"; "ex-pupils" matches "ex pupil".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Token, stems_of, tokenise


@dataclass(frozen=True)
class Hit:
    """A term found in a text: the first and last token it covers, and its words as written."""

    first: int
    last: int
    words: str


class PhraseIndex:
    """Term groups compiled for matching; ``hits`` returns, per group, where its terms occur."""

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self.groups: tuple[tuple[str, ...], ...] = tuple(dict.fromkeys(groups))
        self.position = {group: index for index, group in enumerate(self.groups)}
        by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for index, group in enumerate(self.groups):
            for term in group:
                stems = stems_of(term)
                if stems:
                    by_first[stems[0]].append((stems, index))
        self.by_first = {first: tuple(sorted(set(entries))) for first, entries in by_first.items()}

    def hits(self, text: str, tokens: tuple[Token, ...] | None = None) -> dict[int, list[Hit]]:
        """Group index -> every occurrence of one of its terms, in text order."""
        tokens = tokenise(text) if tokens is None else tokens
        stems = [t.stem for t in tokens]
        found: dict[int, list[Hit]] = defaultdict(list)
        for position, current in enumerate(stems):
            for term, group in self.by_first.get(current, ()):
                end = position + len(term)
                if tuple(stems[position:end]) == term:
                    found[group].append(Hit(position, end - 1, text[tokens[position].start:tokens[end - 1].end]))
        return found

    def group_hits(self, found: dict[int, list[Hit]], group: tuple[str, ...]) -> list[Hit]:
        return found.get(self.position[group], [])


@lru_cache(maxsize=8192)
def cached_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a text, computed once however many topics read it."""
    return tokenise(text)
