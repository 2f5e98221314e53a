"""Cross-school comparison: provisions, the topic matrix, gaps and shared wording.

Within a topic, clauses from different schools that regulate the same thing are grouped
into a *provision* around a reference clause (the most typical wording). Similarity is
cosine over TF-IDF weights of word stems and of the taxonomy's concepts (so "pupil" and
"student" meet), computed only for candidate pairs that share a distinctive term: blocking
by topic and generating candidates keeps the cost well below all-pairs as schools grow.

Nothing here depends on the order schools or clauses are given in: inputs are sorted by
stable keys first, and every tie is broken by clause id.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from functools import lru_cache

from rapidfuzz import fuzz

from .classify import TermSet, term_set, tokens, topic_evidence
from .model import Clause, Force
from .sentences import sentence_spans
from .text import FUNCTION_WORDS
from .taxonomy import Taxonomy, Topic

FORCE_ORDER = tuple(Force)
"""Strongest first: what a cell shows when a school has several clauses on a topic."""

PROVISION_THRESHOLD = 0.2
"""Cosine similarity to a provision's reference clause needed to join it."""

SHARED_WORDING_THRESHOLD = 90.0
"""rapidfuzz ratio (0-100) above which two schools' clauses count as the same wording."""

_CANDIDATE_TERMS = 8
_MAX_POSTING = 400
_WORD = re.compile(r"[a-z]+")
_STOP = FUNCTION_WORDS | frozenset(
    """it they them he she we you i me us do does did done has have had having will would shall should
    must may might can could cannot other others more most some so there then what how why up out over
    under only own same very just staff school schools policy social media member members use used
    using""".split()
)
"""Words that say nothing about what a clause regulates: function words and the corpus's own subject."""


@dataclass(frozen=True)
class Member:
    """A clause in the comparison, with its school."""

    school: str
    clause: Clause


@dataclass(frozen=True)
class Provision:
    """What is being regulated: a reference clause and the clauses that say the same thing.

    ``label`` names what is regulated: the taxonomy's words where one of its provisions
    matched, otherwise the opening of the reference clause. ``scores`` is each member's
    similarity to the reference clause.
    """

    id: str
    topic: str
    label: str
    reference: Member
    members: tuple[Member, ...]
    scores: Mapping[str, float]
    defined: bool = False

    @property
    def schools(self) -> tuple[str, ...]:
        return tuple(sorted({m.school for m in self.members}))

    def force_of(self, school: str) -> str | None:
        forces = [m.clause.force or "none" for m in self.members if m.school == school]
        return strongest(forces) if forces else None


@dataclass(frozen=True)
class Cell:
    topic: str
    school: str
    clauses: tuple[str, ...]
    force: str | None


@dataclass(frozen=True)
class TopicRow:
    topic: str
    cells: tuple[Cell, ...]
    coverage: float
    force_agreement: float | None
    provisions: tuple[Provision, ...]

    @property
    def covering(self) -> tuple[str, ...]:
        return tuple(c.school for c in self.cells if c.clauses)


@dataclass(frozen=True)
class Matrix:
    schools: tuple[str, ...]
    rows: tuple[TopicRow, ...]


@dataclass(frozen=True)
class Gap:
    """A provision most other schools have and this one lacks, or where its force stands alone."""

    kind: str
    provision: Provision
    others: int
    detail: str


@dataclass(frozen=True)
class SharedPassage:
    """Near-identical wording found in several schools' policies: the clauses and the shared sentences."""

    members: tuple[Member, ...]
    score: float
    excerpts: tuple[str, ...]

    @property
    def schools(self) -> tuple[str, ...]:
        return tuple(sorted({m.school for m in self.members}))


def strongest(forces: Iterable[str]) -> Force:
    return Force.strongest(forces)


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


@lru_cache(maxsize=65536)
def _features(text: str, concepts: tuple[tuple[str, TermSet], ...]) -> Counter[str]:
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2]
    features: Counter[str] = Counter(words)
    found = tokens(text)
    for name, terms in concepts:
        if terms.find(text, found):
            features[f"~{name}"] += 2
    return features


def concept_patterns(taxonomy: Taxonomy | None) -> tuple[tuple[str, TermSet], ...]:
    """One matcher per distinct term group of the taxonomy's rules: synonyms meet as one concept."""
    groups = sorted({group for topic in (taxonomy.topics if taxonomy else ()) for rule in topic.rules for group in rule.groups})
    return tuple((f"c{index}", term_set(group)) for index, group in enumerate(groups))


def _tfidf(docs: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter()
    for features in docs.values():
        df.update(features.keys())
    n = len(docs)
    vectors: dict[str, dict[str, float]] = {}
    for key, features in docs.items():
        weights = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in features.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[key] = {t: w / norm for t, w in weights.items()}
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _candidates(vectors: dict[str, dict[str, float]]) -> dict[str, set[str]]:
    """Pairs worth scoring: clauses that share one of each other's most distinctive terms."""
    postings: dict[str, list[str]] = defaultdict(list)
    for key in sorted(vectors):
        top = sorted(vectors[key].items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATE_TERMS]
        for term, _ in top:
            postings[term].append(key)
    pairs: dict[str, set[str]] = defaultdict(set)
    for keys in postings.values():
        if len(keys) > _MAX_POSTING:
            continue
        for key in keys:
            pairs[key].update(k for k in keys if k != key)
    return pairs


def _similarities(keys: list[str], vectors: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Cosine similarity for candidate pairs from different schools (same-school pairs never align)."""
    candidates = _candidates({k: vectors[k] for k in keys})
    sims: dict[str, dict[str, float]] = defaultdict(dict)
    for key in sorted(candidates):
        for other in sorted(candidates[key]):
            if other not in sims[key]:
                sims[key][other] = sims[other][key] = _cosine(vectors[key], vectors[other])
    return sims


def _medoid(group: list[Member], vectors: dict[str, dict[str, float]]) -> Member:
    """The most typical clause of a group: the highest similarity to the group's summed vector.

    Scoring against the sum is linear in the group's size, where all pairs would be quadratic.
    """
    total: dict[str, float] = defaultdict(float)
    for member in group:
        for term, weight in vectors[member.clause.id].items():
            total[term] += weight

    def score(member: Member) -> float:
        own = vectors[member.clause.id]
        return sum(w * (total[t] - w) for t, w in own.items())

    return sorted(group, key=lambda m: (-round(score(m), 9), m.school, m.clause.id))[0]


def _provision(topic: str, pid: str, label: str, group: list[Member], vectors: dict[str, dict[str, float]], defined: bool) -> Provision:
    group = sorted(group, key=lambda m: (m.school, m.clause.id))
    reference = _medoid(group, vectors)
    scores = {m.clause.id: round(_cosine(vectors[reference.clause.id], vectors[m.clause.id]), 3) for m in group}
    return Provision(pid, topic, label, reference, tuple(group), scores, defined)


def _label_from(text: str, limit: int = 9) -> str:
    """A provision the taxonomy does not name is labelled by the opening of its reference clause, quoted."""
    words = text.strip("*_ ").split()
    return "“" + " ".join(words[:limit]).rstrip(".,;:") + ("…" if len(words) > limit else "") + "”"


def align_topic(topic: Topic, members: list[Member], concepts: tuple[tuple[str, TermSet], ...]) -> tuple[Provision, ...]:
    """Group one topic's clauses into provisions.

    A clause goes to the first of the taxonomy's provisions for the topic whose rules it
    meets; the rest are grouped by similarity, each group around its most central clause.
    """
    ordered = sorted(members, key=lambda m: (m.school, m.clause.id))
    vectors = _tfidf({m.clause.id: _features(m.clause.text, concepts) for m in ordered})
    defined: dict[str, list[Member]] = defaultdict(list)
    rest: list[Member] = []
    for member in ordered:
        kind = next((k for k in topic.provisions if topic_evidence(topic, member.clause.text, k.rules)), None)
        (defined[kind.id] if kind else rest).append(member)
    provisions = [
        _provision(topic.id, f"{topic.id}/{kind.id}", kind.label, defined[kind.id], vectors, True)
        for kind in topic.provisions
        if defined.get(kind.id)
    ]
    by_key = {m.clause.id: m for m in rest}
    sims = _similarities(sorted(by_key), vectors)
    centrality = {k: sum(v for v in sims[k].values() if v >= PROVISION_THRESHOLD) for k in by_key}
    assigned: set[str] = set()
    clusters: list[Provision] = []
    for key in sorted(by_key, key=lambda k: (-round(centrality[k], 9), k)):
        if key in assigned:
            continue
        group = [by_key[key]] + [by_key[o] for o, v in sorted(sims[key].items()) if v >= PROVISION_THRESHOLD and o not in assigned]
        assigned.update(m.clause.id for m in group)
        first = _provision(topic.id, "", "", group, vectors, False)
        clusters.append(
            Provision(f"{topic.id}/{first.reference.clause.id}", topic.id, _label_from(first.reference.clause.text), first.reference, first.members, first.scores)
        )
    clusters.sort(key=lambda p: (-len(p.schools), -len(p.members), p.reference.clause.id))
    return tuple(provisions + clusters)


def _document_order(clause: Clause) -> tuple[int, str]:
    return (clause.source.line_start if clause.source else 0, clause.id)


def build_matrix(
    schools: Mapping[str, tuple[Clause, ...]], taxonomy: Taxonomy, topics_of: Mapping[str, tuple[str, ...]]
) -> Matrix:
    """Topics by schools, with provisions per topic; ``topics_of`` maps clause id to final topics."""
    slugs = tuple(sorted(schools))
    concepts = concept_patterns(taxonomy)
    rows: list[TopicRow] = []
    for topic in taxonomy.topics:
        members = [Member(s, c) for s in slugs for c in schools[s] if topic.id in topics_of.get(c.id, ())]
        cells = []
        for slug in slugs:
            mine = sorted((m.clause for m in members if m.school == slug), key=_document_order)
            force = strongest(c.force or "none" for c in mine) if mine else None
            cells.append(Cell(topic.id, slug, tuple(c.id for c in mine), force))
        provisions = align_topic(topic, members, concepts)
        coverage = sum(1 for c in cells if c.clauses) / len(slugs) if slugs else 0.0
        rows.append(TopicRow(topic.id, tuple(cells), coverage, force_agreement(provisions), provisions))
    return Matrix(slugs, tuple(rows))


def majority_force(provision: Provision) -> tuple[str, int]:
    """The force most schools in the provision give it (ties: the stronger), and how many."""
    counts = Counter(provision.force_of(s) or "none" for s in provision.schools)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], FORCE_ORDER.index(kv[0]) if kv[0] in FORCE_ORDER else 9))[0]
    return best


def force_agreement(provisions: tuple[Provision, ...]) -> float | None:
    """Of the schools in provisions that two or more schools share, the share that give the majority force."""
    agree = total = 0
    for provision in provisions:
        if len(provision.schools) < 2:
            continue
        _, count = majority_force(provision)
        agree += count
        total += len(provision.schools)
    return agree / total if total else None


def gaps_for(school: str, matrix: Matrix) -> tuple[Gap, ...]:
    """What most other schools have that this one lacks, and where its force is the odd one out.

    Gaps are reported for the provisions the taxonomy names, whose meaning is clear.
    """
    others_total = len(matrix.schools) - 1
    found: list[Gap] = []
    for row in matrix.rows:
        # Only provisions the taxonomy names: a similarity group is too loose to call a gap.
        for provision in (p for p in row.provisions if p.defined):
            others = [s for s in provision.schools if s != school]
            if school not in provision.schools:
                if others_total and len(others) * 2 > others_total:
                    found.append(Gap("missing", provision, len(others), f"{len(others)} of {others_total} other schools cover this"))
                continue
            if len(others) < 2:
                continue
            mine = provision.force_of(school) or "none"
            counts = Counter(provision.force_of(s) or "none" for s in others)
            usual, count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if mine != usual and count * 2 > len(others) and counts.get(mine, 0) == 0:
                found.append(Gap("outlier", provision, len(others), f"{count} of {len(others)} other schools: {usual}; this school: {mine}"))
    found.sort(key=lambda g: (g.kind, -g.others, g.provision.id))
    return tuple(found)


def shared_wording(schools: Mapping[str, tuple[Clause, ...]], min_words: int = 8) -> tuple[SharedPassage, ...]:
    """Sentences that two or more schools word (nearly) identically: common ancestry, e.g. a model policy.

    Works sentence by sentence, so a shared definition is found even when one school adds a
    sentence of its own to the clause. Candidates share a run of five words; rapidfuzz's
    ratio then confirms near-identity.
    """
    units: list[tuple[Member, str]] = []
    for slug in sorted(schools):
        for clause in schools[slug]:
            for start, end in sentence_spans(clause.text):
                sentence = clause.text[start:end].strip()
                if len(sentence.split()) >= min_words:
                    units.append((Member(slug, clause), sentence))
    normal = [" ".join(_WORD.findall(sentence.lower())) for _, sentence in units]
    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, text in enumerate(normal):
        words = text.split()
        for start in range(0, max(1, len(words) - 4)):
            shingles[tuple(words[start:start + 5])].append(index)
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = {}
    seen: set[tuple[int, int]] = set()
    for indices in shingles.values():
        if len(indices) > _MAX_POSTING:
            continue
        for a in indices:
            for b in indices:
                if a >= b or units[a][0].school == units[b][0].school or (a, b) in seen:
                    continue
                seen.add((a, b))
                score = fuzz.ratio(normal[a], normal[b])
                if score >= SHARED_WORDING_THRESHOLD:
                    parent[find(a)] = find(b)
                    best[a] = max(best.get(a, 0.0), score)
                    best[b] = max(best.get(b, 0.0), score)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in best:
        groups[find(index)].append(index)
    passages = []
    for indices in groups.values():
        chosen = sorted(indices, key=lambda i: (units[i][0].school, units[i][0].clause.id, units[i][1]))
        if len({units[i][0].school for i in chosen}) >= 2:
            passages.append(
                SharedPassage(tuple(units[i][0] for i in chosen), round(min(best[i] for i in chosen), 1), tuple(units[i][1] for i in chosen))
            )
    passages.sort(key=lambda p: (-len(p.schools), p.members[0].school, p.members[0].clause.id, p.excerpts[0]))
    return tuple(passages)
