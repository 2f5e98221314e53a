"""Score the reading against a precision sample: statements drawn at random, labelled blind.

The gold sets mostly say what a topic must hold (recall): few snippets say what it must not. A
precision sample (``tests/fixtures/precision/sample.yaml``) is statements drawn at random from
real policies, each given its topics (possibly none) and its force by a reader who had seen
neither the taxonomy nor the output. Each is found among the statements the system reads from its
source, and scored:

- **topic precision**, per topic and over all: of the sample statements the system puts in a
  topic, the share the reader put there too (what over-tagging costs);
- **topic recall** on the same statements, for balance;
- **force accuracy**: the reader's force against the force of the statement that covers most of
  the sampled text.

A sampled text may span two of the system's statements (it split where the reader did not), or
lie inside one: every statement that overlaps it is read, and their topics taken together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from .evaluate_provisions import Ratio
from .model import Force, PolicyAtlasError, Statement
from .evaluate import collapse
from .yamlread import safe_load

FORCES = frozenset(f.value for f in Force)
_OVERLAP = 90.0
"""How alike (rapidfuzz's partial ratio, 0-100) a statement and a sampled text must be for the
shorter to be read as lying inside the longer: high, so only the same words (bullets, quotes and
spacing aside) meet."""


@dataclass(frozen=True)
class SampleItem:
    """One sampled statement: its set, the source it was drawn from, and the reader's labels."""

    set: str
    source: str
    text: str
    topics: frozenset[str]
    force: str


@dataclass
class PrecisionScores:
    """Per topic: statements the system tagged (``tagged``), of which the reader agreed (``right``),
    and statements the reader tagged (``labelled``)."""

    tagged: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    force: Ratio = field(default_factory=Ratio)
    unmatched: int = 0
    items: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self, topic: str | None = None) -> Ratio:
        if topic is None:
            return Ratio(sum(self.right.values()), sum(self.tagged.values()))
        return Ratio(self.right[topic], self.tagged[topic])

    def recall(self, topic: str | None = None) -> Ratio:
        if topic is None:
            return Ratio(sum(self.right.values()), sum(self.labelled.values()))
        return Ratio(self.right[topic], self.labelled[topic])


def load_sample(path: Path, topic_ids: Sequence[str]) -> list[SampleItem]:
    """The sample's items, failing with the file and item on a label the vocabulary lacks."""
    try:
        data: Any = safe_load(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PolicyAtlasError(str(path), f"cannot read the precision sample: {error}") from error
    rows = data.get("items") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise PolicyAtlasError(str(path), "a precision sample is a mapping with a list of `items`")
    known = set(topic_ids)
    items: list[SampleItem] = []
    for number, row in enumerate(rows, 1):
        where = f"item {number}"
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("set", "source", "text", "force")):
            raise PolicyAtlasError(str(path), f"{where}: needs set, source, text and force")
        topics = row.get("topics") or []
        if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
            raise PolicyAtlasError(str(path), f"{where}: `topics` is a list of topic ids")
        unknown = sorted(set(topics) - known)
        if unknown:
            raise PolicyAtlasError(str(path), f"{where}: unknown topic {', '.join(unknown)}")
        if row["force"] not in FORCES:
            raise PolicyAtlasError(str(path), f"{where}: force {row['force']!r} is not one of {', '.join(sorted(FORCES))}")
        items.append(SampleItem(row["set"], row["source"], collapse(row["text"]), frozenset(topics), row["force"]))
    return items


def overlapping(text: str, statements: Sequence[Statement]) -> list[Statement]:
    """The statement that holds the sampled text (the first, where the source repeats it), or else
    the statements that lie inside it, in document order."""
    holders: list[Statement] = []
    parts: list[Statement] = []
    for statement in statements:
        own = collapse(statement.text)
        if len(own) >= len(text) and fuzz.partial_ratio(text, own) >= _OVERLAP:
            holders.append(statement)
        elif len(own) >= min(15, len(text)) and fuzz.partial_ratio(own, text) >= _OVERLAP:
            parts.append(statement)
    return holders[:1] or parts


def score_sample(items: Sequence[SampleItem], statements_of: Mapping[str, Sequence[Statement]]) -> PrecisionScores:
    """Score each item on the statements of its source (``statements_of`` maps a source to all of
    its statements, in document order)."""
    scores = PrecisionScores()
    for item in items:
        scores.items += 1
        found = overlapping(item.text, statements_of.get(item.source, ()))
        if not found:
            scores.unmatched += 1
            scores.misses.append(f"{item.source}: not found among the statements read: “{item.text[:80]}”")
            continue
        ours = {t for s in found for t in s.topics}
        for topic in ours:
            scores.tagged[topic] += 1
            scores.right[topic] += topic in item.topics
        for topic in item.topics:
            scores.labelled[topic] += 1
        why = {t: reason for s in found for t, reason in s.topic_reasons}
        for topic in sorted(ours - item.topics):
            scores.misses.append(f"{item.source}: tagged {topic} ({why.get(topic, '?')}), the reader did not: “{item.text[:80]}”")
        for topic in sorted(item.topics - ours):
            scores.misses.append(f"{item.source}: the reader tagged {topic}, not tagged: “{item.text[:80]}”")
        main = max(found, key=lambda s: len(s.text))
        scores.force.add(main.force.value == item.force)
        if main.force.value != item.force:
            scores.misses.append(f"{item.source}: force {main.force.value}, the reader {item.force}: “{item.text[:80]}”")
    return scores


def report_precision(scores: PrecisionScores, topic_order: Sequence[str]) -> str:
    lines = [
        f"statements: {scores.items} ({scores.unmatched} not found among the statements read)",
        f"topic precision: {scores.precision()}",
        f"topic recall: {scores.recall()}",
        f"force accuracy: {scores.force}",
        f"{'topic':<18} {'precision':>16} {'recall':>16}",
    ]
    for topic in topic_order:
        if scores.tagged[topic] or scores.labelled[topic]:
            lines.append(f"{topic:<18} {scores.precision(topic)!s:>16} {scores.recall(topic)!s:>16}")
    return "\n".join(lines)
