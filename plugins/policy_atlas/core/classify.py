"""Topics and force for each clause: deterministic, explainable, rules about meaning.

Topics come from the taxonomy's rules, matched against the clause's own text, against its
list lead-in (an item under "Breach confidentiality, for example by:" is about
confidentiality), and against its innermost heading (a bullet under "Use of images" is
about images). Every tag records why it was given. A person's ``+topic`` / ``-topic`` in
the clause tag wins over the classifier.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from .force import clause_force
from .model import Clause, Force, Heading, Statement, statement_id
from .taxonomy import Rule, Taxonomy, Topic

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TopicTag:
    topic: str
    why: str


@dataclass(frozen=True)
class Classification:
    """A clause's reading: its statements, and the summary the clause tag carries.

    The summary is the union of the statements' topics and the strongest of their forces.
    """

    topics: tuple[TopicTag, ...]
    force: Force
    force_why: str
    statements: tuple[Statement, ...] = ()

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.topic for t in self.topics)


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    """Compile one taxonomy term: ``*`` is any word ending, space or hyphen match either."""
    parts = []
    for word in re.split(r"[\s-]+", term.strip()):
        stem = re.escape(word.rstrip("*"))
        parts.append(stem + (r"\w*" if word.endswith("*") else ""))
    return re.compile(r"(?<!\w)" + r"[\s\-/]+".join(parts) + r"(?!\w)", re.IGNORECASE)


class TermSet:
    """A group of terms matched against a text's words in one pass.

    Single words are looked up in a set or by prefix; only phrases need a regular
    expression. Classification of a thousand policies stays fast this way.
    """

    def __init__(self, terms: tuple[str, ...]) -> None:
        single = [t for t in terms if re.fullmatch(r"\w+\*?", t)]
        self.exact = frozenset(t for t in single if not t.endswith("*"))
        self.prefixes = tuple(sorted(t[:-1] for t in single if t.endswith("*")))
        phrases = [t for t in terms if t not in single]
        self.phrase = (
            re.compile("|".join(f"(?:{term_pattern(t).pattern})" for t in phrases), re.IGNORECASE) if phrases else None
        )

    def find(self, text: str, words: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """(word position, matched text) of every match; ``words`` is ``tokens(text)``."""
        found = [(i, w) for i, (_, w) in enumerate(words) if w in self.exact or (self.prefixes and w.startswith(self.prefixes))]
        if self.phrase is not None:
            starts = [start for start, _ in words]
            for match in self.phrase.finditer(text):
                found.append((bisect_left(starts, match.start()), match.group(0)))
        return found

    def search(self, text: str) -> bool:
        return bool(self.find(text, tokens(text)))


def tokens(text: str) -> list[tuple[int, str]]:
    """(character offset, lowercased word) for each word of a text."""
    return [(m.start(), m.group(0).lower()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=4096)
def term_set(terms: tuple[str, ...]) -> TermSet:
    return TermSet(terms)


def _matches(text: str, terms: tuple[str, ...], words: list[tuple[int, str]] | None = None) -> list[tuple[int, str]]:
    """(word position, matched text) for every occurrence of any term."""
    return term_set(terms).find(text, tokens(text) if words is None else words)


def _rule_fires(rule: Rule, text: str, words: list[tuple[int, str]]) -> list[str] | None:
    """The words that satisfy the rule in ``text``, or None."""
    per_group = [_matches(text, group, words) for group in rule.groups]
    if not all(per_group):
        return None
    if rule.near is None:
        return [min(group)[1] for group in per_group]
    best: list[str] | None = None
    for anchor, _ in per_group[0]:
        chosen = []
        for group in per_group:
            position, word = min(group, key=lambda m: abs(m[0] - anchor))
            if abs(position - anchor) > rule.near:
                break
            chosen.append(word)
        else:
            best = chosen
            break
    return best


def _blocked(topic: Topic, text: str) -> str:
    """Remove the phrases the topic says never count (``abuse of their position``)."""
    if topic.unless:
        text = _unless_pattern(topic.unless).sub(" ", text)
    return text


@lru_cache(maxsize=256)
def _unless_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{term_pattern(p).pattern})" for p in phrases), re.IGNORECASE)


def topic_evidence(topic: Topic, text: str, rules: tuple[Rule, ...] | None = None) -> str | None:
    """Why ``text`` on its own is about ``topic`` (or satisfies ``rules`` within it), or None."""
    text = _blocked(topic, text)
    found = tokens(text)
    for rule in topic.rules if rules is None else rules:
        words = _rule_fires(rule, text, found)
        if words is not None:
            quoted = ", ".join(f"“{w.lower()}”" for w in dict.fromkeys(words))
            return f"{rule.name}: {quoted}"
    return None


def heading_evidence(topic: Topic, heading: str) -> str | None:
    found = _matches(_blocked(topic, heading), topic.headings) if topic.headings else []
    return f"under the heading “{heading}”" if found else None


class Classifier:
    """Applies a taxonomy to the clauses of one policy, in document order."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def classify_blocks(self, blocks: tuple[Heading | Clause, ...]) -> dict[str, Classification]:
        by_id = {b.id: b for b in blocks if isinstance(b, Clause)}
        results: dict[str, Classification] = {}
        for clause in by_id.values():
            chain = _lead_in_chain(clause, by_id)
            results[clause.id] = self.classify(clause, chain, results)
        return results

    def classify(self, clause: Clause, lead_ins: list[Clause], earlier: dict[str, Classification]) -> Classification:
        tags: list[TopicTag] = []
        innermost = clause.heading[-1] if clause.heading else ""
        for topic in self.taxonomy.topics:
            why = topic_evidence(topic, clause.text)
            if why is None and lead_ins and _introduces_examples(lead_ins[0].text) and topic.id in earlier[lead_ins[0].id].topic_ids:
                why = f"an example under “{_short(lead_ins[0].text)}”"
            if why is None and innermost:
                why = heading_evidence(topic, innermost)
            if why is not None:
                tags.append(TopicTag(topic.id, why))
        inherited = earlier.get(lead_ins[0].id) if lead_ins else None
        force, force_why = clause_force(clause.text, [c.text for c in lead_ins], inherited.force if inherited else None)
        statement = Statement(
            statement_id(clause.id, 1, 1), clause.id, 1, clause.text, force, force_why,
            tuple(t.topic for t in tags), tuple((t.topic, t.why) for t in tags),
        )
        return Classification(tuple(tags), force, force_why, (statement,))


def _lead_in_chain(clause: Clause, by_id: dict[str, Clause]) -> list[Clause]:
    """The list lead-ins above a clause, nearest first (numbered parents are not lead-ins)."""
    chain: list[Clause] = []
    parent = by_id.get(clause.parent) if clause.parent else None
    while parent is not None and len(chain) < 10:
        if not parent.text.rstrip(" \"'’”)").endswith((":", ";", ":-", "by", "include", "including")):
            break
        chain.append(parent)
        parent = by_id.get(parent.parent) if parent.parent else None
    return chain


_EXAMPLE_CUE = re.compile(r"(?:for\s+example|for\s+instance|e\.g\.?|such\s+as|including|includes?|\bby)\W*$", re.IGNORECASE)


def _introduces_examples(text: str) -> bool:
    """A lead-in such as "Breach confidentiality, for example by:" whose items are instances of it.

    Only such lead-ins pass their topics to their items; "These are the risks:" does not.
    """
    return bool(_EXAMPLE_CUE.search(text.rstrip(" :;-–—")))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def resolve_topics(tag_topics: tuple[str, ...]) -> tuple[str, ...]:
    """A clause tag's topics with a person's ``+topic`` / ``-topic`` applied."""
    plain = [t for t in tag_topics if t[:1] not in "+-"]
    added = [t[1:] for t in tag_topics if t.startswith("+")]
    removed = {t[1:] for t in tag_topics if t.startswith("-")}
    return tuple(t for t in dict.fromkeys([*plain, *added]) if t not in removed)


def overrides(clause_topics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in clause_topics if t[:1] in "+-")


def classified_blocks(blocks: tuple[Heading | Clause, ...], classifier: Classifier, keep: dict[str, tuple[str, ...]] | None = None) -> tuple[tuple[Heading | Clause, ...], dict[str, Classification]]:
    """Blocks with topics and force written in, keeping a person's overrides (by clause id)."""
    results = classifier.classify_blocks(blocks)
    keep = keep or {}
    out: list[Heading | Clause] = []
    for block in blocks:
        if isinstance(block, Clause):
            result = results[block.id]
            out.append(replace(block, topics=result.topic_ids + keep.get(block.id, ()), force=result.force))
        else:
            out.append(block)
    return tuple(out), results
