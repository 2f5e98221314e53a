"""Two versions of one policy, clause by clause: which clause of the new version continues which of the old.

A governor reviewing a new draft asks what changed; a clause that was renumbered, moved, reworded,
split in two or merged with another is still the same provision, and must read as such, not as one
deletion and one addition. Matching goes from the surest evidence to the weakest:

1. the same words (case, punctuation, line wrapping and the number label aside), in order;
2. the same clause id or similar wording (word shingles shared, then a word-level Levenshtein
   similarity), the best pairs first, an id that survived tipping a tie;
3. what is left: a new clause whose words lie inside an old one is part of a split, an old clause
   whose words lie inside a new one was merged into it.

Nothing compares every clause with every other: candidates come from an index of word pairs, and a
word pair that many clauses share (boilerplate) is not used to find them, so alignment grows with
the number of clauses, not its square (``benchmarks/bench_versions.py``). A version whose words are
those of the other, in the same order, has no change at all, however its clauses are cut, wrapped
or in what style it is numbered.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from .model import Clause, Force, Heading
from .redline import Change, redline, word_key

MATCH_FLOOR = 0.5
"""The share of words in common, in order, below which two clauses are not the same clause reworded."""

CONTAINED = 0.8
"""The share of a clause's word pairs found in another for it to be part of a split or a merge."""

CANDIDATES = 8
"""How many old clauses, those sharing the most word pairs with a new one, are scored against it."""

COMMON_PAIR = 64
"""A word pair found in more clauses than this says nothing about which clause is which."""

ID_BONUS = 0.05
"""What a surviving clause id adds to a pair's similarity: enough to settle a near tie, never to match."""


class ChangeKind(StrEnum):
    """What happened to a clause between two versions, in the words the page uses."""

    UNCHANGED = "unchanged"
    ADDED = "added"
    REMOVED = "removed"
    REWORDED = "reworded"
    SPLIT = "split"
    MERGED = "merged"


@dataclass(frozen=True, kw_only=True)
class ClauseChange:
    """One clause (or the clauses of a split or merge) in the old version, the new, or both.

    ``similarity`` is the share of words the two sides have in common, in order (1.0 for the same
    words); ``redline`` turns the old words into the new, empty when they are the same words.
    ``moved``: the clause left the order of the clauses around it; ``renumbered``: its number
    changed, not only the way numbers are written ("4.1" and "4.1." are one number).
    """

    kind: ChangeKind
    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    similarity: float
    redline: tuple[Change, ...] = ()
    moved: bool = False
    renumbered: bool = False

    @property
    def changed(self) -> bool:
        """Whether a reader is told about this clause: anything but the same words in their place."""
        return self.kind is not ChangeKind.UNCHANGED or self.moved or self.renumbered

    @property
    def forces(self) -> tuple[Force, Force] | None:
        """The force before and after (the strongest of each side's statements), when the clause
        continues with another force; None when it keeps its force or has only one side."""
        if not (self.old and self.new):
            return None
        before = Force.strongest(c.force or Force.NONE for c in self.old)
        after = Force.strongest(c.force or Force.NONE for c in self.new)
        return (before, after) if before is not after else None


@dataclass(frozen=True, kw_only=True)
class HeadingChange:
    """A heading whose text changed while the clauses under it continue under the new text: a
    section renamed (``renamed``: its words changed, a number aside) or only renumbered, not one
    section removed and another added. ``clauses`` is how many clauses continue under it."""

    old: Heading
    new: Heading
    clauses: int
    renamed: bool


@dataclass(frozen=True)
class VersionDiff:
    """Every clause of two versions, aligned, in the new version's order (a removed clause where it stood)."""

    clauses: tuple[ClauseChange, ...]
    same_words: bool
    """The two versions hold the same words in the same order, and the same clause numbers (their
    style aside): no change, whatever the format, the wrapping, or where a format cuts a paragraph."""
    headings: tuple[HeadingChange, ...] = ()
    """The headings renamed or renumbered, in the new version's order (none when the words are the same)."""

    @cached_property
    def renamed(self) -> tuple[HeadingChange, ...]:
        """The headings whose words changed, not only their number."""
        return tuple(h for h in self.headings if h.renamed)

    @cached_property
    def changes(self) -> tuple[ClauseChange, ...]:
        """The clauses a reader is told about (none when the words are the same)."""
        return () if self.same_words else tuple(c for c in self.clauses if c.changed)

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many clauses were added, removed, reworded, split, merged, moved and renumbered."""
        found = Counter(c.kind.value for c in self.changes if c.kind is not ChangeKind.UNCHANGED)
        found["moved"] = sum(c.moved for c in self.changes)
        found["renumbered"] = sum(c.renumbered for c in self.changes)
        found["renamed_headings"] = len(self.renamed)
        order = ("added", "removed", "moved", "reworded", "split", "merged", "renumbered", "renamed_headings")
        return {kind: found[kind] for kind in order}


_LEADING_NUMBER = re.compile(r"\(?(?:[0-9]+(?:[.-][0-9]+)*|[a-z]|[ivx]+)[.)]*")


def _key(text: str) -> tuple[str, ...]:
    """A clause's words for matching: a number the extraction left at its start ("1000.5.") aside,
    since the number is not the wording and is compared on its own."""
    key = word_key(text)
    return key[1:] if len(key) > 1 and _LEADING_NUMBER.fullmatch(key[0]) and text.lstrip()[:1] in "(0123456789" else key


def _pairs(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The word pairs (shingles) of a clause; a clause of one word is its own."""
    if len(key) < 2:
        return {key} if key else set()
    return {key[i : i + 2] for i in range(len(key) - 1)}


class _PairIndex:
    """Clauses by the word pairs they hold, to find the few worth scoring against a text."""

    def __init__(self, keys: Sequence[tuple[str, ...]], members: Sequence[int]) -> None:
        self.postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index in members:
            for pair in _pairs(keys[index]):
                self.postings[pair].append(index)

    def sharing(self, pairs: set[tuple[str, ...]]) -> Counter[int]:
        """How many of ``pairs`` each indexed clause holds, through pairs few clauses share."""
        found: Counter[int] = Counter()
        for pair in pairs:
            posting = self.postings.get(pair)
            if posting is not None and len(posting) <= COMMON_PAIR:
                found.update(posting)
        return found


_NUMBER_PART = re.compile(r"[0-9]+|[A-Za-z]+")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def number_key(number: str | None) -> tuple[int | str, ...] | None:
    """A clause number without its style: "4.1", "4.1." and "4(1)" are one number, "(b)" is 2,
    "(iv)" is 4. None when the clause has no number."""
    if not number:
        return None
    parts: list[int | str] = []
    for part in _NUMBER_PART.findall(number.lower()):
        if part.isdigit():
            parts.append(int(part))
        elif len(part) == 1:
            parts.append(ord(part) - ord("a") + 1)
        elif all(c in _ROMAN for c in part):
            values = [_ROMAN[c] for c in part]
            parts.append(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))
        else:
            parts.append(part)
    return tuple(parts)


def _all_words(blocks: Sequence[Heading | Clause]) -> list[str]:
    """Every word of a version in order; a word a line break hyphenated ("ill-" "considered") is one word."""
    found: list[str] = []
    for block in blocks:
        for word in word_key(block.text):
            if found and found[-1].endswith("-") and found[-1][:-1].isalpha():
                found[-1] += word
            else:
                found.append(word)
    return found


def _numbers(clauses: Sequence[Clause]) -> list[tuple[int | str, ...]]:
    """The clause numbers in order, without their style: a split that adds a number is a change."""
    return [key for key in (number_key(c.number) for c in clauses) if key is not None]


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 1.0
    return float(Levenshtein.normalized_similarity(a, b))


def _moved(groups: list[tuple[list[int], list[int]]]) -> set[int]:
    """The groups (by index) that left the order of the rest: those outside a longest run of
    groups in the same order in both versions (patience: n log n)."""
    paired = sorted((min(new), min(old), n) for n, (old, new) in enumerate(groups) if old and new)
    tails: list[int] = []
    tail_ids: list[int] = []
    before: dict[int, int | None] = {}
    for _, old_at, group in paired:
        at = bisect_left(tails, old_at)
        before[group] = tail_ids[at - 1] if at else None
        if at == len(tails):
            tails.append(old_at)
            tail_ids.append(group)
        else:
            tails[at] = old_at
            tail_ids[at] = group
    kept: set[int] = set()
    walk = tail_ids[-1] if tail_ids else None
    while walk is not None:
        kept.add(walk)
        walk = before[walk]
    return {group for _, _, group in paired} - kept


def align(old_blocks: Sequence[Heading | Clause], new_blocks: Sequence[Heading | Clause]) -> VersionDiff:
    """Which clause of ``new_blocks`` continues which of ``old_blocks``, and what changed in each.

    Headings count for "the same words": an extraction that reads a heading's words into the
    clause below it (or a line of a clause as a heading) has changed no word of the policy.
    """
    old = [b for b in old_blocks if isinstance(b, Clause)]
    new = [b for b in new_blocks if isinstance(b, Clause)]
    old_keys = [_key(c.text) for c in old]
    new_keys = [_key(c.text) for c in new]
    old_to: dict[int, int] = {}  # old clause -> its group
    new_to: dict[int, int] = {}
    groups: list[tuple[list[int], list[int]]] = []

    def pair(o: int, n: int) -> None:
        old_to[o] = new_to[n] = len(groups)
        groups.append(([o], [n]))

    # 1. the same words: under the same id first, then in order (a clause repeated word for word
    # pairs with its copies in turn)
    old_ids = {c.id: o for o, c in enumerate(old)}
    for n, clause in enumerate(new):
        o = old_ids.get(clause.id)
        if o is not None and old_keys[o] == new_keys[n]:
            pair(o, n)
    waiting: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for o in reversed(range(len(old))):
        if o not in old_to:
            waiting[old_keys[o]].append(o)
    for n, key in enumerate(new_keys):
        if n not in new_to and waiting.get(key):
            pair(waiting[key].pop(), n)

    # 2. the same id, similar wording or the place beside a clause already matched: every
    # candidate pair scored, the best taken first
    free_old = [o for o in range(len(old)) if o not in old_to]
    index = _PairIndex(old_keys, free_old)
    by_id = {old[o].id: o for o in free_old}
    scored: list[tuple[float, float, int, int]] = []
    for n in (n for n in range(len(new)) if n not in new_to):
        shared = index.sharing(_pairs(new_keys[n]))
        candidates = {o for o, _ in shared.most_common(CANDIDATES)} | _beside(n, new_to, groups, len(old))
        if new[n].id in by_id:
            candidates.add(by_id[new[n].id])
        for o in candidates - old_to.keys():
            score = _similarity(old_keys[o], new_keys[n])
            if score >= MATCH_FLOOR:
                bonus = ID_BONUS if old[o].id == new[n].id else 0.0
                drift = abs(o / max(len(old), 1) - n / max(len(new), 1))
                scored.append((score + bonus, -drift, o, n))
    for _, _, o, n in sorted(scored, reverse=True):
        if o not in old_to and n not in new_to:
            pair(o, n)

    # 3. splits and merges: what is left, found inside a clause of the other version
    _join_parts(new_keys, old_keys, new_to, old_to, groups, side=1)
    _join_parts(old_keys, new_keys, old_to, new_to, groups, side=0)
    for o in range(len(old)):
        if o not in old_to:
            old_to[o] = len(groups)
            groups.append(([o], []))
    for n in range(len(new)):
        if n not in new_to:
            new_to[n] = len(groups)
            groups.append(([], [n]))

    moved = _moved(groups)
    changes = [_change(g, groups[g], old, new, old_keys, new_keys, g in moved) for g in range(len(groups))]
    same = _all_words(old_blocks) == _all_words(new_blocks) and _numbers(old) == _numbers(new)
    headings = () if same else changed_headings(old_blocks, new_blocks, changes)
    return VersionDiff(tuple(_in_reading_order(changes, groups, len(old))), same, headings)


def _sections(blocks: Sequence[Heading | Clause]) -> tuple[list[Heading], dict[int, tuple[int, ...]]]:
    """The headings of a version, and for each clause (by identity) the headings it sits under,
    outermost first, as indices into them: a heading holds what follows it up to the next heading
    of its level or above."""
    headings: list[Heading] = []
    under: dict[int, tuple[int, ...]] = {}
    stack: list[int] = []
    for block in blocks:
        if isinstance(block, Heading):
            while stack and headings[stack[-1]].level >= block.level:
                stack.pop()
            stack.append(len(headings))
            headings.append(block)
        else:
            under[id(block)] = tuple(stack)
    return headings, under


def changed_headings(
    old_blocks: Sequence[Heading | Clause], new_blocks: Sequence[Heading | Clause], changes: Sequence[ClauseChange]
) -> tuple[HeadingChange, ...]:
    """The headings whose text changed while their clauses continue under them.

    Each clause that continues votes for the pair of headings it sits under in each version (at
    every level when it sits as deep in both, else its nearest heading only). A pair whose text
    differs, each the other's best match, is the same heading changed: only renumbered when its
    words, a number aside, are the same; renamed when they differ and neither's words are a
    heading of the other version, which would make it a section moved rather than renamed.
    """
    old_headings, old_under = _sections(old_blocks)
    new_headings, new_under = _sections(new_blocks)
    votes: Counter[tuple[int, int]] = Counter()
    for change in changes:
        if not (change.old and change.new):
            continue
        was, now = old_under.get(id(change.old[0]), ()), new_under.get(id(change.new[0]), ())
        if len(was) == len(now):
            votes.update(zip(was, now))
        elif was and now:
            votes[(was[-1], now[-1])] += 1
    old_keys = [_key(h.text) for h in old_headings]
    new_keys = [_key(h.text) for h in new_headings]
    old_words, new_words = set(old_keys), set(new_keys)
    best_new: dict[int, int] = {}
    best_old: dict[int, int] = {}
    for (o, n), _ in sorted(votes.items(), key=lambda vote: (-vote[1], vote[0])):
        best_new.setdefault(o, n)
        best_old.setdefault(n, o)
    found = []
    for n, o in sorted(best_old.items()):
        if best_new[o] != n or word_key(old_headings[o].text) == word_key(new_headings[n].text) or not (old_keys[o] and new_keys[n]):
            continue
        renamed = old_keys[o] != new_keys[n]
        if renamed and (old_keys[o] in new_words or new_keys[n] in old_words):
            continue
        found.append(HeadingChange(old=old_headings[o], new=new_headings[n], clauses=votes[(o, n)], renamed=renamed))
    return tuple(found)


def _beside(at: int, own_to: dict[int, int], groups: list[tuple[list[int], list[int]]], other_count: int, side: int = 1) -> set[int]:
    """The clauses of the other version next to those the clauses either side of ``at`` matched:
    where a reworded clause among repeated wording, or a part of a split, is to be found."""
    found: set[int] = set()
    for neighbour, step in ((at - 1, 1), (at + 1, -1)):
        group = own_to.get(neighbour)
        if group is None:
            continue
        for other in groups[group][1 - side]:
            found.update(o for o in (other, other + step) if 0 <= o < other_count)
    return found


def _join_parts(
    keys: list[tuple[str, ...]], other_keys: list[tuple[str, ...]], own_to: dict[int, int], other_to: dict[int, int],
    groups: list[tuple[list[int], list[int]]], side: int,
) -> None:
    """Each clause left unmatched whose word pairs lie (``CONTAINED``) inside a longer clause of the
    other version joins that clause's group: a part of a split (``side`` 1, new) or of a merge (0, old)."""
    left = [i for i in range(len(keys)) if i not in own_to and len(keys[i]) >= 3]
    if not left:
        return
    index = _PairIndex(other_keys, range(len(other_keys)))
    for i in left:
        pairs = _pairs(keys[i])
        shared = index.sharing(pairs)
        for other in _beside(i, own_to, groups, len(other_keys), side):
            shared[other] = len(pairs & _pairs(other_keys[other]))  # exact: the index leaves out common pairs
        best = max(shared.items(), key=lambda found: (found[1], -abs(found[0] - i)), default=None)
        if best is None or best[1] < CONTAINED * len(pairs) or len(other_keys[best[0]]) <= len(keys[i]):
            continue
        other = best[0]
        if other not in other_to:
            other_to[other] = len(groups)
            groups.append(([other], []) if side == 1 else ([], [other]))
        group = other_to[other]
        groups[group][side].append(i)
        own_to[i] = group


def _change(
    number: int, group: tuple[list[int], list[int]], old: Sequence[Clause], new: Sequence[Clause],
    old_keys: list[tuple[str, ...]], new_keys: list[tuple[str, ...]], moved: bool,
) -> ClauseChange:
    olds, news = sorted(group[0]), sorted(group[1])
    before = tuple(old[o] for o in olds)
    after = tuple(new[n] for n in news)
    if not news:
        return ClauseChange(kind=ChangeKind.REMOVED, old=before, new=(), similarity=0.0)
    if not olds:
        return ClauseChange(kind=ChangeKind.ADDED, old=(), new=after, similarity=0.0)
    was = tuple(w for o in olds for w in old_keys[o])
    now = tuple(w for n in news for w in new_keys[n])
    same = was == now
    kind = ChangeKind.SPLIT if len(news) > 1 else ChangeKind.MERGED if len(olds) > 1 else ChangeKind.UNCHANGED if same else ChangeKind.REWORDED
    numbers = (number_key(before[0].number), number_key(after[0].number))
    return ClauseChange(
        kind=kind,
        old=before,
        new=after,
        similarity=1.0 if same else _similarity(was, now),
        redline=() if same else redline(" ".join(c.text for c in before), " ".join(c.text for c in after)),
        moved=moved,
        renumbered=None not in numbers and numbers[0] != numbers[1] and len(olds) == len(news) == 1,
    )


def _in_reading_order(changes: list[ClauseChange], groups: list[tuple[list[int], list[int]]], old_count: int) -> list[ClauseChange]:
    """The new version's order; a removed clause just after the clause that preceded it in the old."""
    after_old = [-1.0] * old_count  # for each old clause, the new place of the last matched clause up to it
    latest = -1.0
    matched = {o: min(new) for old, new in groups if new for o in old}
    for o in range(old_count):
        if o in matched:
            latest = max(latest, float(matched[o]))
        after_old[o] = latest

    def place(group: tuple[list[int], list[int]]) -> tuple[float, int]:
        old, new = group
        return (float(min(new)), 0) if new else (after_old[min(old)] + 0.5, min(old))

    return [change for _, change in sorted(zip((place(g) for g in groups), changes), key=lambda pc: pc[0])]
