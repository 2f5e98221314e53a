"""Score clauses against hand-made gold labels (the format of ``shared/gold``).

A snippet counts for the clause that contains it (white space collapsed). For each topic:
a positive snippet in a clause with the topic is a true positive, in a clause without it a
false negative; a negative snippet in a clause with the topic is a false positive. Force
accuracy is the share of stances whose evidence statement has the stated force: the
statement of the evidence clause that contains the evidence (or, where the evidence runs
over several statements, the one it starts in).

A labelled *set* is a folder of gold files, or a folder holding ``gold/`` and the
``policies/`` they describe; each set is scored alone and all sets together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Clause, PolicyAtlasError, Statement
from .text import without_emphasis
from .yamlread import safe_load

CORE_TOPICS = ("pupil-contact", "personal-devices", "images", "discipline")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    topics: dict[str, Counts] = field(default_factory=dict)
    stances_right: int = 0
    stances_total: int = 0
    misses: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)

    def add(self, other: Evaluation) -> None:
        """Fold another set's counts into this one (for the figures over every set)."""
        for topic, counts in other.topics.items():
            self.topics.setdefault(topic, Counts()).add(counts)
        self.stances_right += other.stances_right
        self.stances_total += other.stances_total
        self.misses.extend(other.misses)
        self.policies.extend(other.policies)

    def micro(self, topic_ids: tuple[str, ...] | None = None) -> Counts:
        total = Counts()
        for topic, counts in self.topics.items():
            if topic_ids is None or topic in topic_ids:
                total.add(counts)
        return total

    @property
    def force_accuracy(self) -> float:
        return self.stances_right / self.stances_total if self.stances_total else 1.0


def collapse(text: str) -> str:
    """A text as snippets are matched: every run of white space one space, and no Markdown
    emphasis marks (ingest takes them out of clauses; a gold snippet quotes the source with them)."""
    return re.sub(r"\s+", " ", without_emphasis(text)).strip()


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PolicyAtlasError(str(path), f"cannot read gold file: {error}") from error
    if not isinstance(data, dict) or "policy" not in data:
        raise PolicyAtlasError(str(path), "not a gold file: expected a mapping with 'policy'")
    return data


def gold_snippets(gold: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for labels in (gold.get("topics") or {}).values():
        for kind in ("positive", "negative"):
            found.extend(labels.get(kind) or [])
    found.extend(s["evidence"] for s in gold.get("stances") or [])
    return found


def _evidence_statement(evidence: str, clause: Clause, statements: tuple[Statement, ...]) -> Statement | None:
    """The statement of ``clause`` that holds ``evidence``, else the one the evidence starts in."""
    wanted = collapse(evidence)
    for statement in statements:
        if wanted in collapse(statement.text):
            return statement
    full = collapse(f"{clause.number or ''} {clause.text}")
    start = full.find(wanted)
    if start < 0 or not statements:
        return None
    offset = len(full) - len(collapse(clause.text))
    for statement in statements:
        offset += len(collapse(statement.text)) + 1
        if start < offset:
            return statement
    return statements[-1]


def score_policy(
    gold: dict[str, Any],
    clauses: tuple[Clause, ...],
    topics_of: dict[str, tuple[str, ...]],
    evaluation: Evaluation,
    statements_of: dict[str, tuple[Statement, ...]] | None = None,
) -> None:
    """Add one policy's counts to ``evaluation``.

    ``topics_of`` maps clause id to final topics; ``statements_of`` maps clause id to its
    statements (without them, a stance is scored against the clause's own force).
    """
    texts = [(c, collapse(f"{c.number or ''} {c.text}")) for c in clauses]

    def find_all(snippet: str) -> list[Clause]:
        """Every clause holding the snippet: a policy may print the same sentence twice."""
        wanted = collapse(snippet)
        return [c for c, t in texts if wanted in t]

    name = str(gold["policy"])
    for topic, labels in (gold.get("topics") or {}).items():
        counts = evaluation.topics.setdefault(topic, Counts())
        for snippet in labels.get("positive") or []:
            holders = find_all(snippet)
            if any(topic in topics_of.get(c.id, ()) for c in holders):
                counts.tp += 1
            else:
                counts.fn += 1
                evaluation.misses.append(f"{name}: {topic}: missed “{snippet}”" + ("" if holders else " (no clause contains it)"))
        for snippet in labels.get("negative") or []:
            if any(topic in topics_of.get(c.id, ()) for c in find_all(snippet)):
                counts.fp += 1
                evaluation.misses.append(f"{name}: {topic}: wrongly tagged “{snippet}”")
    for stance in gold.get("stances") or []:
        evaluation.stances_total += 1
        holders = find_all(stance["evidence"])
        got: str = "no clause"
        if holders:
            clause = holders[0]
            statement = _evidence_statement(stance["evidence"], clause, (statements_of or {}).get(clause.id, ()))
            got = str(statement.force) if statement is not None else (clause.force or "none")
        if got == stance["stance"]:
            evaluation.stances_right += 1
        else:
            evaluation.misses.append(f"{name}: force of “{stance['evidence']}”: {got}, expected {stance['stance']}")


def _match_source(gold: dict[str, Any], candidates: dict[str, tuple[Clause, ...]], stems: dict[str, str]) -> str | None:
    """The slug a gold file describes: by file name, else by which policy holds its snippets."""
    name = str(gold["policy"])
    for slug, stem in stems.items():
        if name in (stem, slug):
            return slug
    snippets = [collapse(s) for s in gold_snippets(gold)]
    best, best_found = None, 0
    for slug, clauses in sorted(candidates.items()):
        text = " ".join(collapse(f"{c.number or ''} {c.text}") for c in clauses)
        found = sum(1 for s in snippets if s in text)
        if found > best_found:
            best, best_found = slug, found
    return best if snippets and best_found * 2 >= len(snippets) else None


@dataclass(frozen=True)
class Reading:
    """One policy as the system reads it: its clauses (final topics, summary force) and statements."""

    clauses: tuple[Clause, ...]
    statements: dict[str, tuple[Statement, ...]]
    stem: str


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of a labelled set, failing clearly when the folder is missing or empty."""
    if not gold_dir.is_dir():
        raise PolicyAtlasError(str(gold_dir), "no such folder of gold labels")
    files = sorted(p for p in gold_dir.iterdir() if p.suffix in (".yaml", ".yml"))
    if not files:
        raise PolicyAtlasError(str(gold_dir), "no gold files (*.yaml) here")
    return files


def evaluate(gold_dir: Path, readings: dict[str, Reading]) -> Evaluation:
    """Score every gold file in ``gold_dir`` against the matching policy's reading.

    ``readings`` maps slugs to policies as read; a gold file names its policy by the source
    file's stem or the slug, else it is matched by which policy holds its snippets.
    """
    evaluation = Evaluation()
    policies = {slug: r.clauses for slug, r in readings.items()}
    stems = {slug: r.stem for slug, r in readings.items()}
    for path in gold_files(gold_dir):
        gold = load_gold(path)
        slug = _match_source(gold, policies, stems)
        if slug is None:
            raise PolicyAtlasError(str(path), f"no source policy matches {gold['policy']!r}")
        evaluation.policies.append(f"{path.name} -> {slug}")
        reading = readings[slug]
        score_policy(gold, reading.clauses, {c.id: tuple(c.topics) for c in reading.clauses}, evaluation, reading.statements)
    return evaluation


def report(evaluation: Evaluation, topic_order: tuple[str, ...]) -> str:
    """The evaluation as a plain-text table."""
    lines = ["topic                precision  recall     F1   (tp/fp/fn)"]
    ordered = [t for t in topic_order if t in evaluation.topics] + sorted(set(evaluation.topics) - set(topic_order))
    for topic in ordered:
        c = evaluation.topics[topic]
        lines.append(f"{topic:<20} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f}   ({c.tp}/{c.fp}/{c.fn})")
    core = evaluation.micro(CORE_TOPICS)
    every = evaluation.micro()
    lines += [
        "",
        f"micro-F1, core topics ({', '.join(CORE_TOPICS)}): {core.f1:.3f}",
        f"micro-F1, all {len(evaluation.topics)} topics: {every.f1:.3f}",
        f"force accuracy: {evaluation.force_accuracy:.3f} ({evaluation.stances_right}/{evaluation.stances_total} stances)",
    ]
    return "\n".join(lines)
