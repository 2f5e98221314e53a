"""Cross-school comparison of statements: provisions, the topic matrix, gaps and shared wording.

A *provision* is one thing a topic regulates, named by the taxonomy ("investigating
breaches"). Each school's *stance* on it is its general rule there, read in the provision's
own terms: one of the statements whose words meet the provision's rules and that state a rule
on it (see ``_stance``), with its exceptions beside it. A school none of whose statements does
is silent on it; similarity only finds the closest thing it says, for its gap report to show.
A school states a rule twice only when two of its statements there have the same force
and are at least ``REPEAT_THRESHOLD`` similar; both are then kept, the second as a repeat.
Statements that express no provision are the school's *other statements* on the topic.

Similarity is cosine over TF-IDF weights of word stems and of the taxonomy's concepts (so
"pupil" and "student" meet), within one topic. Nothing depends on the order schools or
statements are given in: inputs are sorted by stable keys first, and every tie is broken by
document order and statement id.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from .classify import pronoun_replaced, refers_back, topic_evidence
from .force import allows_within_reason, completes_lead_in, opens_with_condition, sets_a_situation, coordinated_parts, done_to, governs_others, informs, tends_to_others, limits, lists_aims, names_breach, only_considers, organisation_commits, refuses, reported_force, sets_manner, states_outcome, statement_force
from .matcher import PhraseIndex, cached_tokens
from .model import Clause, Force, Statement, shown_apart
from .sentences import last_sentence, sentence_spans
from .taxonomy import ProvisionKind, Taxonomy, Topic
from .text import FUNCTION_WORDS

REPEAT_THRESHOLD = 0.6
"""Cosine similarity between two of one school's statements, with the same force, on the same
provision, above which the second is the same rule stated again (a repeat), not another rule."""

SHARED_WORDING_THRESHOLD = 90.0
"""rapidfuzz ratio (0-100) above which two schools' sentences count as the same wording."""

_CANDIDATE_TERMS = 8
_MAX_POSTING = 400
_WORD = re.compile(r"[a-z]+")
_STOP = FUNCTION_WORDS | frozenset(
    """it they them he she we you i me us do does did done has have had having will would shall should
    must may might can could cannot other others more most some so there then what how why up out over
    under only own same very just staff school schools policy social media member members use used
    using""".split()
)
"""Words that say nothing about what a statement regulates: function words and the corpus's own subject."""

Vector = dict[str, float]


@dataclass(frozen=True)
class Member:
    """A statement in the comparison, with its school and the clause it belongs to.

    ``anchor`` is where a link to the statement lands on the school's page (see ``shown_at``);
    empty, the statement's own id. ``lead_in`` is the sentence of the list lead-in the statement
    completes ("Staff must not share:" for "photos of pupils"); ``antecedent``, the sentence its
    pronoun stands for ("these" in "must consider reporting these"): see ``members_of``.
    ``under_aims``: the statement is an item of a list of what the document aims to do ("This
    policy aims to:"), a description of the policy rather than one of its rules.
    """

    school: str
    clause: Clause
    statement: Statement
    anchor: str = ""
    lead_in: str = ""
    antecedent: str = ""
    under_aims: bool = False

    @property
    def id(self) -> str:
        return self.statement.id

    @property
    def force(self) -> Force:
        return self.statement.force

    @property
    def text(self) -> str:
        return self.statement.text

    @property
    def with_lead_in(self) -> str:
        """The statement as a page quotes it: an item after the lead-in of its list."""
        return f"{self.lead_in} {self.text}" if self.lead_in else self.text

    @property
    def as_worded(self) -> str:
        """The statement as words of a clause of its own (the model's): after its lead-in where it
        finishes the lead-in's sentence ("must not share:" / "photos of pupils"), or where the
        lead-in names only the situation it answers ("If a pupil messages you, please:"); alone
        where it is a sentence under a lead-in that frames the whole list ("When using social
        media staff should:")."""
        if not self.lead_in:
            return self.text
        finishes = self.statement.index == 1 and completes_lead_in(self.text)
        return self.with_lead_in if finishes or statement_force(self.lead_in)[0] is Force.NONE else self.text

    @property
    def read_as(self) -> str:
        """The statement with the words it leans on: after its lead-in, or with its pronoun read
        as the sentence it stands for; its own text when it leans on none."""
        if self.lead_in:
            return self.with_lead_in
        if self.antecedent:
            return pronoun_replaced(self.text, self.antecedent)
        return self.text

    @property
    def context(self) -> str:
        return self.lead_in or self.antecedent


@dataclass(frozen=True)
class Stance:
    """One school's position on a provision: the statement of its general rule, the rule in the
    provision's own terms (``force``), any repeat of it, and the exceptions the school makes.

    ``force`` is the member's own force unless the rule is stated the other way round (a duty put
    as a prohibition of its opposite, "must decline" for "must not accept"): see ``stance_force``.
    ``exceptions`` are the school's statements that allow, in some situation or on some
    condition, what its rule restricts: shown with the rule, never in its place.
    """

    school: str
    member: Member
    repeats: tuple[Member, ...] = ()
    position: Force | None = None
    exceptions: tuple[Member, ...] = ()
    why: str = ""
    """Why ``force`` is not the member's own (``stance_reading``), or ``""``."""

    @property
    def force(self) -> Force:
        return self.position if self.position is not None else self.member.force


@dataclass(frozen=True)
class Nearest:
    """A school silent on a provision: its statement on the topic that comes closest to one that
    expresses the provision (``to``, another school's), and how close."""

    school: str
    member: Member
    similarity: float
    to: Member


@dataclass(frozen=True)
class Provision:
    """A named thing a topic regulates, and each school's stance on it.

    ``reference`` is the most typical of the stances' statements: the wording the others are
    compared with. ``scores`` holds each member's similarity to it, by statement id.
    ``nearest`` holds, for each school with statements on the topic but no stance here, the
    closest of them (below the floor).
    """

    id: str
    topic: str
    kind: str
    label: str
    reference: Member
    stances: tuple[Stance, ...]
    scores: Mapping[str, float] = field(default_factory=dict)
    nearest: tuple[Nearest, ...] = ()
    rule_kind: str = "conduct"
    """The taxonomy's kind of provision: ``conduct``, ``commitment`` or ``consequence``."""
    on_breach: bool = False
    """The act answers a breach (investigating breaches): weighed as a consequence is, so that
    "may be investigated" and "will be investigated" are one position."""

    @property
    def weighed_as(self) -> str:
        """The kind of provision its forces are weighed as (see ``agreed_position``)."""
        return "consequence" if self.on_breach else self.rule_kind

    @property
    def schools(self) -> tuple[str, ...]:
        return tuple(s.school for s in self.stances)

    @property
    def members(self) -> tuple[Member, ...]:
        return tuple(m for s in self.stances for m in (s.member, *s.repeats))

    @cached_property
    def _by_school(self) -> dict[str, Stance]:
        return {s.school: s for s in self.stances}

    @cached_property
    def _nearest_by_school(self) -> dict[str, Nearest]:
        return {n.school: n for n in self.nearest}

    def stance(self, school: str) -> Stance | None:
        return self._by_school.get(school)

    def force_of(self, school: str) -> Force | None:
        found = self.stance(school)
        return found.force if found else None

    def nearest_of(self, school: str) -> Nearest | None:
        return self._nearest_by_school.get(school)

    @cached_property
    def _force_counts(self) -> tuple[tuple[Force, int], ...]:
        counts = Counter(s.force for s in self.stances)
        return tuple((f, counts[f]) for f in Force if counts[f])

    def force_counts(self) -> tuple[tuple[Force, int], ...]:
        """How many schools take each force, strongest first."""
        return self._force_counts

    def position(self, force: Force) -> Force:
        """What a force says on this provision, for agreeing and differing: on a consequence,
        "may lead to" and "will lead to" state the same consequence (``REQUIRED`` stands for
        both), so the firmness is a detail, not a disagreement."""
        return agreed_position(self.weighed_as, force)

    @cached_property
    def _positions(self) -> tuple[tuple[Force, int], ...]:
        counts = Counter(self.position(s.force) for s in self.stances)
        return tuple((f, counts[f]) for f in Force if counts[f])

    def positions(self) -> tuple[tuple[Force, int], ...]:
        """How many schools take each position (``force_counts`` with a consequence's forces as one)."""
        return self._positions

    def plurality(self) -> tuple[Force, int]:
        """The position most schools take (ties: the stronger), and how many take it."""
        return max(self.positions(), key=lambda fc: (fc[1], -fc[0].rank))

    @cached_property
    def _majority(self) -> Force | None:
        return majority_position(self.weighed_as, (s.force for s in self.stances))

    def majority(self) -> Force | None:
        """The force more than half of the schools that address it give it, when two or more do."""
        return self._majority

    def differs(self, school: str) -> bool:
        """Whether the school's position here is not the majority's."""
        mine, usual = self.force_of(school), self.majority()
        return mine is not None and usual is not None and self.position(mine) is not usual


STATING = frozenset({Force.REQUIRED, Force.PERMITTED, Force.PERMITTED_WITH_CONDITIONS})
"""The forces that state a consequence ("will", "may", "may, where ...")."""


def agreed_position(rule_kind: str, force: Force) -> Force:
    """A force as the comparison weighs it on a provision of ``rule_kind`` (see ``Provision.position``)."""
    return Force.REQUIRED if rule_kind == "consequence" and force in STATING else force


@dataclass(frozen=True)
class Cell:
    """A school's statements on a topic, in document order."""

    topic: str
    school: str
    statements: tuple[Member, ...]

    def force_counts(self) -> tuple[tuple[Force, int], ...]:
        counts = Counter(m.force for m in self.statements)
        return tuple((f, counts[f]) for f in Force if counts[f])


@dataclass(frozen=True)
class TopicRow:
    """One topic: each school's statements, the provisions, and what fits no provision."""

    topic: str
    cells: tuple[Cell, ...]
    coverage: float
    force_agreement: float | None
    provisions: tuple[Provision, ...]
    others: tuple[tuple[str, tuple[Member, ...]], ...] = ()
    """Per school (in slug order, only schools that have some), the statements in no provision."""

    @property
    def covering(self) -> tuple[str, ...]:
        return tuple(c.school for c in self.cells if c.statements)

    @cached_property
    def _cells(self) -> dict[str, Cell]:
        return {c.school: c for c in self.cells}

    @cached_property
    def _others(self) -> dict[str, tuple[Member, ...]]:
        return dict(self.others)

    def cell(self, school: str) -> Cell:
        return self._cells[school]

    def others_of(self, school: str) -> tuple[Member, ...]:
        return self._others.get(school, ())

    def differs(self, school: str) -> tuple[Provision, ...]:
        """The provisions on which the school's force is not the majority's."""
        return tuple(p for p in self.provisions if p.differs(school))


@dataclass(frozen=True)
class Matrix:
    schools: tuple[str, ...]
    rows: tuple[TopicRow, ...]

    @cached_property
    def _rows(self) -> dict[str, TopicRow]:
        return {r.topic: r for r in self.rows}

    def row(self, topic: str) -> TopicRow:
        return self._rows[topic]


@dataclass(frozen=True)
class Gap:
    """A provision most other schools address and this one lacks, or where its force stands alone.

    ``missing``: ``nearest`` is the school's closest statement on the topic (None when it has
    none). ``outlier``: ``usual`` is the force most schools give, which nobody shares with this one.
    """

    kind: str
    school: str
    provision: Provision
    others: int
    nearest: Nearest | None = None
    usual: Force | None = None


@dataclass(frozen=True)
class SharedPassage:
    """Near-identical wording found in several schools' policies: the clauses and the shared sentences."""

    members: tuple[tuple[str, Clause], ...]
    score: float
    excerpts: tuple[str, ...]

    @cached_property
    def schools(self) -> tuple[str, ...]:
        """The schools that share the passage (worked out once: every school's page asks)."""
        return tuple(sorted(self.clause_of))

    @cached_property
    def clause_of(self) -> dict[str, Clause]:
        """Each school's (first) clause in the passage."""
        found: dict[str, Clause] = {}
        for school, clause in self.members:
            found.setdefault(school, clause)
        return found


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


class Concepts:
    """The taxonomy's term groups, named ``c0``, ``c1``... and compiled into one index, so a
    statement is scanned once for every concept, not once per concept."""

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self.groups = tuple(dict.fromkeys(groups))
        self.names = tuple(f"~c{index}" for index in range(len(self.groups)))
        self.index = PhraseIndex(self.groups)

    def found(self, text: str) -> list[str]:
        """The feature names of the concepts a text mentions, in concept order."""
        return [self.names[group] for group in sorted(self.index.hits(text, cached_tokens(text)))]


@lru_cache(maxsize=262144)
def _features(text: str, concepts: Concepts) -> Counter[str]:
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2]
    features: Counter[str] = Counter(words)
    for name in concepts.found(text):
        features[name] += 2
    return features


def concept_patterns(taxonomy: Taxonomy | None) -> Concepts:
    """The distinct term groups of the taxonomy's rules as concepts: synonyms meet as one feature."""
    return _concepts(tuple(sorted({group for topic in (taxonomy.topics if taxonomy else ()) for rule in topic.rules for group in rule.groups})))


@lru_cache(maxsize=8)
def _concepts(groups: tuple[tuple[str, ...], ...]) -> Concepts:
    """One ``Concepts`` per set of groups: ``_features`` is cached by it, so alignment and the
    model, which each ask for the taxonomy's concepts, share the features of every statement."""
    return Concepts(groups)


def _tfidf(docs: dict[str, Counter[str]]) -> dict[str, Vector]:
    """TF-IDF vectors, unit length. Documents with the same features object (``_features`` is
    cached by text, so the same words) share one vector: a model policy adopted by many
    schools is weighed once."""
    df: Counter[str] = Counter()
    for features in docs.values():
        df.update(features.keys())
    n = len(docs)
    vectors: dict[str, Vector] = {}
    made: dict[int, Vector] = {}
    for key, features in docs.items():
        vector = made.get(id(features))
        if vector is None:
            weights = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in features.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            vector = made[id(features)] = {t: w / norm for t, w in weights.items()}
        vectors[key] = vector
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: Vector = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            total[term] += weight
    return total


class Space:
    """The statements of one topic as TF-IDF vectors, with an index of their distinctive terms.

    ``nearest`` scores a statement only against statements that share one of its most
    distinctive terms (pairs that share none are far below any floor), so the cost grows with
    the statements that could be close rather than with all pairs.
    """

    def __init__(self, members: list[Member], concepts: Concepts) -> None:
        self.vectors = _tfidf({m.id: _features(m.text, concepts) for m in members})
        self.postings: dict[str, list[str]] = defaultdict(list)
        self._tops: dict[int, list[str]] = {}
        for key in sorted(self.vectors):
            for term in self._top(key):
                self.postings[term].append(key)
        self._pairs: dict[tuple[int, int], float] = {}

    def _top(self, key: str) -> list[str]:
        """The statement's most distinctive terms (worked out once per distinct vector)."""
        vector = self.vectors[key]
        found = self._tops.get(id(vector))
        if found is None:
            ranked = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))
            found = self._tops[id(vector)] = [term for term, _ in ranked[:_CANDIDATE_TERMS]]
        return found

    def cosine(self, a: str, b: str) -> float:
        """Similarity of two statements, worked out once per pair of distinct vectors."""
        x, y = id(self.vectors[a]), id(self.vectors[b])
        pair = (x, y) if x < y else (y, x)
        if pair not in self._pairs:
            self._pairs[pair] = round(_cosine(self.vectors[a], self.vectors[b]), 6)
        return self._pairs[pair]

    def nearest(self, key: str, among: set[str], fallback: str) -> tuple[float, str]:
        """The closest of ``among`` to the statement ``key``, and the similarity.

        Only statements sharing one of its distinctive terms are scored; when none does, the
        statement is far from all of them, and is scored against ``fallback`` alone.
        """
        found = {
            other
            for term in self._top(key)
            if len(self.postings[term]) <= _MAX_POSTING
            for other in self.postings[term]
            if other in among
        } or {fallback}
        return sorted(((self.cosine(key, other), other) for other in found), key=lambda so: (-so[0], so[1]))[0]


def _order(member: Member) -> tuple[str, int, str, int]:
    """School, then document order: the stable order of every list of statements."""
    line = member.clause.source.line_start if member.clause.source else 0
    return (member.school, line, member.clause.id, member.statement.index)


def typical(pool: list[Member], total: Vector, space: Space, own: Vector | None = None) -> Member:
    """The member most like ``total`` less ``own`` (statements summed): first in document order on ties."""

    scores: dict[int, float] = {}  # statements with the same words share a vector, and a score

    def score(member: Member) -> float:
        vector = space.vectors[member.id]
        found = scores.get(id(vector))
        if found is None:
            found = scores[id(vector)] = round(sum(w * (total.get(t, 0.0) - (own or {}).get(t, 0.0)) for t, w in vector.items()), 9)
        return found

    return sorted(pool, key=lambda m: (-score(m), _order(m)))[0]


RESTRICTING = frozenset({Force.PROHIBITED, Force.DISCOURAGED})
ALLOWING = frozenset({Force.PERMITTED, Force.PERMITTED_WITH_CONDITIONS})


OTHER_WAY_ROUND = "the same rule put the other way round"


def in_own_polarity(kind: ProvisionKind, force: Force) -> Force:
    """A force as the provision states its rule: on a duty ("consent obtained"), its opposite
    prohibited or the act allowed on its condition is the duty required; on a restriction
    ("disclosing"), a duty to keep from it is the act prohibited. Comparison and its scoring
    both read stances this way, so two wordings of one rule are one stance."""
    if kind.duty and force in (Force.PROHIBITED, Force.PERMITTED_WITH_CONDITIONS):
        return Force.REQUIRED
    if kind.restriction and not kind.situation and force is Force.REQUIRED:
        return Force.PROHIBITED
    return force


def stance_reading(kind: ProvisionKind, member: Member) -> tuple[Force, str]:
    """The statement's force in the provision's own terms, and why it is not the statement's own
    (``""`` when it is).

    A *duty* (consent obtained, official channels used) is often put as the prohibition of its
    opposite ("must never use personal accounts with pupils") or as the condition of a
    permission ("may publish only with consent"): either states the duty. A restriction is
    often put as a duty to refuse ("must decline friend requests"): that prohibits the act; a
    duty to limit it ("must limit their use at work") allows it within the limit, and a permission of
    a reasonable amount of it ("permits reasonable access") forbids the excess; on a *restriction* (disclosing, bullying) every requirement
    states it ("must keep it confidential"). What a school requires of a *situation* ("pre-existing
    friendships are to be declared") is the condition on which it allows it. A commitment or
    consequence a statement tells its reader of ("should note that breaches may be
    investigated") is stated with the force it is told with. Advice only to consider an act
    ("should consider reporting this") leaves it to judgement: no duty. On what answers a breach
    ("may be investigated if there is a suspected breach") the breach is no condition. A requirement on the manner
    of an act ("must maintain professional boundaries with parents") allows the act on that
    condition.
    """
    force = member.force
    why = ""
    if kind.kind != "conduct" and (told := reported_force(member.text)) is not None and told is not force:
        force, why = told, "the force of what it tells its reader"
    if kind.answers_breach and force is Force.PERMITTED_WITH_CONDITIONS and names_breach(member.text):
        return Force.PERMITTED, "a breach is what it answers, not a condition on it"
    if kind.kind == "consequence" and force is Force.PERMITTED_WITH_CONDITIONS:
        return Force.PERMITTED, "what it follows (an offence, a suspected breach) is its occasion, not a condition on it"
    if kind.duty and force in ALLOWING and only_considers(member.text):
        return Force.PERMITTED, "advice to consider it leaves it to judgement"
    if kind.situation and (situated := situation_reading(member))[0] is not force:
        return situated
    if kind.instead and (force in ALLOWING or force is Force.REQUIRED) and _ONLY.search(member.text) and topic_evidence(_means_instead(kind), member.text):
        return Force.PROHIBITED, "allowing it only by the organisation's own means forbids it by staff's own"
    if (own := in_own_polarity(kind, force)) is not force:
        return own, OTHER_WAY_ROUND
    if kind.restriction and force in ALLOWING and allows_within_reason(member.text):
        return Force.PROHIBITED, "allowing a reasonable amount of it forbids the excess"
    if kind.kind == "conduct" and not kind.duty and force is Force.REQUIRED and refuses(member.text):
        return Force.PROHIBITED, OTHER_WAY_ROUND
    if kind.kind == "conduct" and not kind.duty and force is Force.REQUIRED and limits(member.text):
        return Force.PERMITTED_WITH_CONDITIONS, "a limit on it allows it within the limit"
    if kind.kind == "conduct" and not kind.duty and force is Force.REQUIRED and sets_manner(member.text):
        return Force.PERMITTED_WITH_CONDITIONS, "a rule on how to do it allows doing it that way"
    return force, why


_ONLY = re.compile(r"\bonly\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _means_instead(kind: ProvisionKind) -> Topic:
    """A provision's ``instead`` rules, read as a topic of their own."""
    return Topic(f"{kind.id}-instead", kind.label, kind.label, False, kind.instead)


def stance_force(kind: ProvisionKind, member: Member) -> Force:
    """The statement's force in the provision's own terms (see ``stance_reading``)."""
    return stance_reading(kind, member)[0]


def situation_reading(member: Member) -> tuple[Force, str]:
    """A statement about a situation that allows, in it, what a rule restricts: what it requires
    there ("pre-existing friendships are to be declared") is the condition of doing it, and so is
    what it forbids in a sentence that opens with the situation ("Where staff are already friends
    with a parent, they must not discuss pupils with them": the friendship stands, on a condition)."""
    if member.force is Force.REQUIRED:
        return Force.PERMITTED_WITH_CONDITIONS, "what it requires in that situation is the condition for it"
    if member.force is Force.PROHIBITED and opens_with_condition(member.text):
        return Force.PERMITTED_WITH_CONDITIONS, "what it forbids in that situation is the condition for it"
    return member.force, ""


def _stance(
    kind: ProvisionKind,
    own: list[Member],
    total: Vector,
    kinds_of: Mapping[str, tuple[str, ...]],
    situational: frozenset[str],
    space: Space,
    duties: frozenset[str],
    at_most: frozenset[str],
    in_order: list[Member],
    fits: Mapping[str, int],
    fitted: frozenset[str],
) -> Stance:
    """A school's stance from its statements that meet the provision's rules: its general rule.

    Candidates, each step kept only when it leaves some: statements that state a rule (not a
    lead-in ending in a colon); that are not a rule for one named occurrence ("In the event that
    such evidence contains ..."); that say what to do rather than what to know ("must be aware
    that ..."); on a consequence, that state one (not a prohibition that names the conduct); on
    a commitment (what the school does), that are no prohibition on staff; for which this is the first (most specific) provision they meet; that do not describe a
    different situation (a family relationship: a provision marked ``situation``). Then the
    most typical wording among what is left. On a conduct provision that is no duty, a school
    that restricts the act states its rule in the restriction: a requirement there ("must follow
    data protection law") is another rule, so it is passed over; on a restriction (disclosing,
    bullying) a school that restricts the act has no other general rule on it, and of its duties
    the one put as what not to do names the act ("must take care never to reveal details of
    pupils", not "must follow data protection law"). A statement of
    what a breach leads to ("bullying may constitute gross misconduct") is no rule on the conduct
    it names (those never reach here: see ``states_no_conduct``). Statements of the school that
    allow what its rule restricts, in another situation, are the rule's exceptions, shown beside it.
    A school that both advises against an act and forbids it has the firmer rule: the advice is
    said in passing. Before those last preferences, the statements that name the most of the
    provision's act, object and channel (``fits``: see ``ProvisionKind.fit``) are kept: another
    names a neighbouring rule ("will not message a pupil via their personal phone" is no rule on
    social media); and a statement that names all of them (``fitted``) states this provision even
    when it meets another first.
    """
    readings = {m.id: stance_reading(kind, m) for m in own}
    for key in at_most.intersection(readings):
        if readings[key][0] is Force.REQUIRED:
            readings[key] = (Force.PERMITTED, "“up to and including” makes it the most a breach can lead to")
    forces = {key: force for key, (force, _) in readings.items()}
    restricting = any(f in RESTRICTING for f in forces.values())
    prohibiting = any(f is Force.PROHIBITED for f in forces.values())
    pool = list(own)
    steps: tuple[Callable[[Member], bool], ...] = (
        lambda m: m.force is not Force.NONE and not m.text.rstrip().endswith(":"),
        lambda m: not _IN_THE_EVENT.match(m.text),
        lambda m: kind.duty or kind.kind != "conduct" or not informs(m.text),
        lambda m: kind.kind != "consequence" or forces[m.id] in STATING,
        lambda m: kind.kind != "consequence" or states_outcome(m.text),
        lambda m: not kind.answers_breach or names_breach(m.read_as),
        lambda m: not kind.answers_breach or names_breach(m.read_as, of_the_rules=True),
        lambda m: kind.kind != "commitment" or forces[m.id] is not Force.PROHIBITED,
        lambda m: kinds_of[m.id][0] == kind.id or (not kind.duty and m.force is Force.PROHIBITED and kinds_of[m.id][0] in duties) or m.id in fitted,
        lambda m: m.id not in situational,
        lambda m: kind.duty or kind.situation or kind.kind != "conduct" or m.force is not Force.REQUIRED or forces[m.id] is Force.PROHIBITED or not restricting,
        lambda m: not kind.restriction or forces[m.id] in RESTRICTING or not restricting,
    )
    # then those that name the most of the provision's act, object and channel: before passing
    # over a requirement for a prohibition, which is how a restriction is usually put, since a
    # requirement that names the act ("must make clear they do not speak on behalf of the
    # school") states it better than a prohibition of something near it ("don't use the logo")
    then: tuple[Callable[[Member], bool], ...] = (
        lambda m: not kind.restriction or m.force in RESTRICTING,
        lambda m: not kind.restriction or m.force in RESTRICTING or _NEGATED.search(m.read_as) is not None,
        lambda m: forces[m.id] is not Force.DISCOURAGED or not prohibiting,
        # "... and must not be on the list of children whose images are not to be published": a
        # part that opens with "and" takes the subject of the sentence it was cut from (here the
        # pupils), so a statement with a subject of its own states the rule
        lambda m: _CUT_FROM_A_SENTENCE.match(m.text) is None,
    )
    for keep in steps:
        pool = [m for m in pool if keep(m)] or pool
    best_fit = max(fits.get(m.id, 0) for m in pool)
    pool = [m for m in pool if fits.get(m.id, 0) == best_fit]
    for keep in then:
        pool = [m for m in pool if keep(m)] or pool
    chosen = typical(pool, total, space, _sum(space.vectors[m.id] for m in own))
    if forces[chosen.id] is Force.PROHIBITED:
        chosen = _narrowed_by_only(chosen, [m for m in own if kinds_of[m.id][0] == kind.id and forces[m.id] is Force.PERMITTED_WITH_CONDITIONS], in_order)
    force = forces[chosen.id]
    repeats = tuple(
        m
        for m in own
        if m is not chosen and kinds_of[m.id][0] == kind.id and forces[m.id] is force and space.cosine(m.id, chosen.id) >= REPEAT_THRESHOLD
    )
    exceptions = tuple(m for m in own if m.id in situational and situation_reading(m)[0] in ALLOWING) if force in RESTRICTING else ()
    return Stance(chosen.school, chosen, repeats, force if force is not chosen.force else None, exceptions, readings[chosen.id][1])


_IN_THE_EVENT = re.compile(r"^\W*in\s+the\s+(?:event|case)\s+(?:that|of)\b", re.IGNORECASE)
"""A rule for one named occurrence ("In the event that such evidence contains ..."): when the
school states others on the provision, its general rule is among those."""

_CUT_FROM_A_SENTENCE = re.compile(r"^\W*(?:and|or|nor|but)\s", re.IGNORECASE)

_NEGATED = re.compile(r"\b(?:not|never|no|nothing|nor)\b|n[’']t\b", re.IGNORECASE)
"""A restriction said as what not to do ("must take care never to reveal details of pupils"):
it names the act restricted, where a duty ("must follow data protection law") names another."""

_ONLY_OPENING = re.compile(r"^\W*only\b", re.IGNORECASE)


def _narrowed_by_only(prohibition: Member, conditional: list[Member], in_order: list[Member]) -> Member:
    """The statement that states a prohibition's rule when the next one says what is allowed
    instead ("must not identify a pupil by their full name. Only first names or initials may be
    used."): together they allow the act in one form only, which is a permission with
    conditions, and the "only" sentence says so; otherwise the prohibition itself. ``in_order``:
    the school's statements on the topic, in document order."""
    ids = [m.id for m in in_order]
    after = ids.index(prohibition.id) + 1 if prohibition.id in ids else len(ids)
    following = in_order[after] if after < len(in_order) else None
    allowing = {m.id for m in conditional}
    return following if following is not None and following.id in allowing and _ONLY_OPENING.match(following.text) else prohibition


def majority_position(rule_kind: str, forces: Iterable[Force]) -> Force | None:
    """The position more than half of the stances take, when two or more do (see ``Provision.majority``)."""
    positions = [agreed_position(rule_kind, f) for f in forces]
    counts = Counter(positions)
    if not counts:
        return None
    position, count = max(counts.items(), key=lambda pc: (pc[1], -pc[0].rank))
    return position if count >= 2 and count * 2 > len(positions) else None


def _majority_stances(kind: ProvisionKind, stances: list[Stance]) -> list[Stance]:
    """The stances that take the majority's position (all of them when none has a majority): the
    reference wording is chosen among them, so a minority's rule never stands for the provision."""
    usual = majority_position(kind.weighed_as, (s.force for s in stances))
    return [s for s in stances if agreed_position(kind.weighed_as, s.force) is usual] if usual is not None else stances


def _align_provision(
    topic: Topic,
    kind: ProvisionKind,
    matching: list[Member],
    topic_members: Mapping[str, list[Member]],
    kinds_of: Mapping[str, tuple[str, ...]],
    situational: frozenset[str],
    space: Space,
    duties: frozenset[str],
    at_most: frozenset[str],
) -> Provision:
    """One provision: a stance for each school whose words state a rule on it (``matching``), then,
    for each other school with statements on the topic, its closest statement, for the gap report
    to show."""
    total = _sum(space.vectors[m.id] for m in matching)
    by_school: dict[str, list[Member]] = defaultdict(list)
    for member in matching:
        by_school[member.school].append(member)
    fits = {m.id: fit_of(topic, kind, m.read_as) for m in matching} if kind.fit else {}
    # a statement that names all of this provision's act, object and channel, and not all of those
    # of the provision it meets first, states this one as well ("monitor the internet for public
    # postings about the school" names a system to monitor, but monitors public posts)
    provision_of = {k.id: k for k in topic.provisions}
    fitted = frozenset(
        m.id
        for m in matching
        if kind.fit
        and fits[m.id] == len(kind.fit)
        and not ((first := provision_of[kinds_of[m.id][0]]).fit and fit_of(topic, first, m.read_as) == len(first.fit))
    )
    stances = {
        school: _stance(kind, by_school[school], total, kinds_of, situational, space, duties, at_most, topic_members[school], fits, fitted)
        for school in sorted(by_school)
    }
    usual = _majority_stances(kind, list(stances.values()))
    usual_schools = {s.school for s in usual}
    # the most typical wording of the majority, by the majority's words alone: a school that
    # contradicts it cannot move the reference wording (nor the model clause made from it)
    reference = typical([s.member for s in usual], _sum(space.vectors[m.id] for m in matching if m.school in usual_schools), space)
    among = {m.id: m for m in matching}
    candidates = set(among)
    nearest: list[Nearest] = []
    for school in sorted(set(topic_members) - set(stances)):
        scored = [(space.nearest(m.id, candidates, reference.id), m) for m in topic_members[school]]
        (best, to), member = sorted(scored, key=lambda found: (-found[0][0], _order(found[1])))[0]
        nearest.append(Nearest(school, member, best, among[to]))
    return _provision(topic, kind, reference, tuple(stances[s] for s in sorted(stances)), tuple(nearest), space)


def fit_of(topic: Topic, kind: ProvisionKind, text: str) -> int:
    """How many of the provision's act, object and channel (``ProvisionKind.fit``) a text names."""
    return sum(1 for rule in kind.fit if topic_evidence(topic, text, (rule,), kind.past_unless, kind.unless) is not None)


def states_no_conduct(member: Member, not_conduct: frozenset[str]) -> bool:
    """Whether a statement can state no school's rule on a conduct provision, whatever words it
    meets: one of what may be done *to* staff ("ICT systems may be monitored"), or of what the
    school does or a breach leads to (a topic of ``not_conduct``), says nothing of what staff may
    or must do; nor does what the organisation commits itself to ("The club is committed to:
    preventing online bullying"), nor a rule on pupils or parents ("Parents must not post about
    the club"), nor care for what the young do, in the statement or in the lead-in it completes
    ("Ensure young people know the SMART tips:" ... "Staying safe involves not giving out your
    name")."""
    return (
        bool(set(member.statement.topics) & not_conduct)
        or (member.force in ALLOWING and done_to(member.text))
        or organisation_commits(member.read_as)
        or governs_others(member.text)
        or tends_to_others(member.text)
        or (bool(member.lead_in) and tends_to_others(member.lead_in))
        or (informs(member.text) and reported_force(member.text) is None)
    )


def _antecedent(clause: Clause, statement: Statement) -> str:
    """The sentence before a statement in its clause when the statement refers back to it ("must
    also consider reporting *these*"), else ``""``."""
    if statement.index <= 1 or not refers_back(statement.text):
        return ""
    at = clause.text.find(statement.text)
    before = clause.text[:at].rstrip() if at > 0 else ""
    return last_sentence(before).strip() if before else ""


def _list_lead_in(clause: Clause, clauses: Mapping[str, Clause]) -> str:
    """The last sentence of the list lead-in a clause is an item of ("Staff must not share:"), else ``""``."""
    parent = clauses.get(clause.parent) if clause.parent else None
    return last_sentence(parent.text) if parent is not None and parent.text.rstrip().endswith(":") else ""


def _lead_in(clause: Clause, statement: Statement, clauses: Mapping[str, Clause]) -> str:
    """The last sentence of the list lead-in ("... must not share:") that a clause's first statement
    completes ("photos of pupils"), else ``""``. A lead-in that states no rule ("Managing your
    personal use:") is a heading: its items stand alone. A lead-in that names a situation ("If a
    pupil sends you a friend request, please:") is read before each of its items' statements:
    "Tell the safeguarding lead the same day" reports *that* contact."""
    lead_in = _list_lead_in(clause, clauses)
    if lead_in and sets_a_situation(lead_in):
        return lead_in
    if statement.index != 1 or not completes_lead_in(statement.text):
        return ""
    return lead_in if lead_in and statement_force(lead_in)[0] is not Force.NONE else ""


def _under_aims(clause: Clause, clauses: Mapping[str, Clause]) -> bool:
    """Whether a clause is an item of a list of the document's aims ("This policy aims to:")."""
    lead_in = _list_lead_in(clause, clauses)
    return bool(lead_in) and lists_aims(lead_in)


_UP_TO = re.compile(r"\bup\s+to\s+and\s+including\b", re.IGNORECASE)


def _at_most(topic: Topic, kind: ProvisionKind, members: list[Member]) -> frozenset[str]:
    """The statements that name a consequence only as the most a breach can come to ("disciplinary
    action up to and including dismissal"): they say it may follow, however firmly the rest is put."""
    if kind.kind != "consequence":
        return frozenset()
    found = set()
    for member in members:
        cut = _UP_TO.search(member.text)
        if cut is not None and not topic_evidence(topic, member.text[: cut.start()], kind.rules, kind.past_unless, kind.unless):
            found.add(member.id)
    return frozenset(found)


def provisions_met(topic: Topic, member: Member) -> tuple[str, ...]:
    """The ids of the topic's provisions whose rules a statement meets, most specific first. A
    statement that leans on other words (``Member.read_as``) also meets what it meets read with
    them and they alone do not: "photos of pupils" under "must not share:" is about sharing
    photos; "consider reporting these" after "retain the approaches pupils make" is about
    reporting approaches, and about nothing the earlier sentence is about on its own."""
    own = _met_where_the_topic_is(topic, member.text)
    if member.context:
        own |= _met_by(topic, member.read_as) - _met_by(topic, member.context)
    ordered = tuple(k.id for k in topic.provisions if k.id in own)
    cut = _CONDITION_OPENS.search(member.text)
    if len(ordered) < 2 or cut is None:
        return ordered
    ruled = _met_by(topic, member.text[: cut.start()])
    return tuple(sorted(ordered, key=lambda k: k not in ruled))


_CONDITION_OPENS = re.compile(
    r"\b(?:only\s+if|if|unless|without|provided|providing|other\s+than|except|with\s+(?:[\w'’-]+\s+){0,3}?(?:consent|permission|approval|agreement|authori[sz]ation))\b",
    re.IGNORECASE,
)
"""Where a statement's condition begins: the act it rules on is named before it ("must not share
pictures of pupils other than ... and only if parents consent" is first about sharing them)."""


def _met_where_the_topic_is(topic: Topic, text: str) -> set[str]:
    """The provisions a statement meets; where it joins main clauses ("... but also ...") and the
    topic is named in some of them only, the provision's words must be in one of those: "a duty
    to report radicalisation, but also look out for cyber bullying" states no duty to report bullying."""
    met = _met_by(topic, text)
    parts = coordinated_parts(text) if met else ()
    if len(parts) < 2:
        return met
    about = [part for part in parts if topic_evidence(topic, part) is not None]
    if not about or len(about) == len(parts):
        return met
    return met & set().union(*(_met_by(topic, part) for part in about))


def _met_by(topic: Topic, text: str) -> set[str]:
    """The ids of the topic's provisions whose rules ``text`` meets on its own."""
    return {k.id for k in topic.provisions if topic_evidence(topic, text, k.rules, k.past_unless, k.unless)}


def align_topic(
    topic: Topic, members: list[Member], schools: tuple[str, ...], concepts: Concepts, not_conduct: frozenset[str] = frozenset()
) -> tuple[tuple[Provision, ...], tuple[tuple[str, tuple[Member, ...]], ...]]:
    """The topic's provisions, each with one stance per school that has one; and, per school, the
    statements that are in none of them. ``not_conduct``: the topics whose provisions are all
    commitments and consequences (what the school does), whose statements state no staff conduct.
    A statement that states no rule (a heading, a definition, a risk) is never a school's stance:
    a school with nothing else on a provision has a gap there, shown with that closest statement."""
    ordered = sorted(members, key=_order)
    space = Space(ordered, concepts)
    kinds_by_text: dict[str, tuple[str, ...]] = {}
    for member in ordered:
        if member.read_as not in kinds_by_text:
            kinds_by_text[member.read_as] = provisions_met(topic, member)
    kinds_of = {m.id: kinds_by_text[m.read_as] for m in ordered}
    by_school: dict[str, list[Member]] = defaultdict(list)
    for member in ordered:
        by_school[member.school].append(member)
    situation_ids = {k.id for k in topic.provisions if k.situation}
    situational = frozenset(m.id for m in ordered if situation_ids.intersection(kinds_of[m.id]))
    no_conduct = frozenset(m.id for m in ordered if kinds_of[m.id] and states_no_conduct(m, not_conduct))
    # a statement that describes the document already reads as no rule (force.statement_force); the
    # items of its list of aims may carry a modal of their own ("Advise that ... will be taken")
    about_document = frozenset(m.id for m in ordered if kinds_of[m.id] and m.under_aims)
    duties = frozenset(k.id for k in topic.provisions if k.duty)
    provisions = tuple(
        _align_provision(topic, kind, matching, by_school, kinds_of, frozenset() if kind.situation else situational, space, duties, _at_most(topic, kind, matching))
        for kind in topic.provisions
        if (
            matching := [
                m
                for m in ordered
                if kind.id in kinds_of[m.id]
                and m.force is not Force.NONE
                and m.id not in about_document
                and (kind.kind != "conduct" or m.id not in no_conduct)
                and not set(kind.apart_from).intersection(m.statement.topics)
            ]
        )
    )
    placed = {m.id for p in provisions for m in p.members}
    others = tuple(
        (school, rest) for school in schools if (rest := tuple(m for m in by_school.get(school, ()) if m.id not in placed))
    )
    return provisions, others


def _provision(
    topic: Topic, kind: ProvisionKind, reference: Member, stances: tuple[Stance, ...], nearest: tuple[Nearest, ...], space: Space
) -> Provision:
    members = [m for s in stances for m in (s.member, *s.repeats)]
    scores = {m.id: round(space.cosine(reference.id, m.id), 3) for m in members}
    return Provision(f"{topic.id}/{kind.id}", topic.id, kind.id, kind.label, reference, stances, scores, nearest, kind.kind, kind.on_breach)


def shown_at(statement: Statement, siblings: tuple[Statement, ...]) -> str:
    """The anchor a statement is shown at on its school's page: its own id when its clause is
    shown statement by statement (``shown_apart``), else the clause's id."""
    return statement.id if shown_apart(siblings) else statement.clause_id


def members_of(
    schools: Mapping[str, tuple[Clause, ...]], statements: Mapping[str, tuple[Statement, ...]]
) -> list[Member]:
    """Every statement of every school, with its clause and the words it leans on, in slug and
    document order."""
    members: list[Member] = []
    for slug in schools:
        by_id = {clause.id: clause for clause in schools[slug]}
        for clause in schools[slug]:
            for statement in statements[clause.id]:
                anchor = shown_at(statement, statements[clause.id])
                members.append(
                    Member(slug, clause, statement, anchor, _lead_in(clause, statement, by_id), _antecedent(clause, statement), _under_aims(clause, by_id))
                )
    return sorted(members, key=_order)


def build_matrix(
    schools: Mapping[str, tuple[Clause, ...]], statements: Mapping[str, tuple[Statement, ...]], taxonomy: Taxonomy
) -> Matrix:
    """Topics by schools, with provisions per topic; ``statements`` maps clause id to its statements."""
    slugs = tuple(sorted(schools))
    concepts = concept_patterns(taxonomy)
    not_conduct = frozenset(t.id for t in taxonomy.topics if t.provisions and all(k.kind != "conduct" for k in t.provisions))
    everyone = members_of(schools, statements)
    rows: list[TopicRow] = []
    for topic in taxonomy.topics:
        members = [m for m in everyone if topic.id in m.statement.topics]
        by_school: dict[str, list[Member]] = defaultdict(list)
        for member in members:
            by_school[member.school].append(member)
        cells = tuple(Cell(topic.id, slug, tuple(by_school.get(slug, ()))) for slug in slugs)
        provisions, others = align_topic(topic, members, slugs, concepts, not_conduct)
        coverage = sum(1 for c in cells if c.statements) / len(slugs) if slugs else 0.0
        rows.append(TopicRow(topic.id, cells, coverage, force_agreement(provisions), provisions, others))
    return Matrix(slugs, tuple(rows))


def force_agreement(provisions: tuple[Provision, ...]) -> float | None:
    """Of the stances on provisions two or more schools address, the share that give the most common force."""
    agree = total = 0
    for provision in provisions:
        if len(provision.stances) < 2:
            continue
        agree += provision.plurality()[1]
        total += len(provision.stances)
    return agree / total if total else None


def gaps_for(school: str, matrix: Matrix) -> tuple[Gap, ...]:
    """What most other schools address that this one lacks, and where its force stands alone.

    Missing: more than half of the other schools take a stance, and none of this school's
    statements states a rule on it (its closest statement on the topic is shown). Outlier: the
    school's position differs from the majority's and no other school takes it.
    """
    return all_gaps(matrix, (school,))[school]


def all_gaps(matrix: Matrix, schools: Iterable[str] | None = None) -> dict[str, tuple[Gap, ...]]:
    """``gaps_for`` every school (or those named), reading each provision once: the cost grows
    with schools times provisions, never with schools squared."""
    wanted = tuple(matrix.schools if schools is None else schools)
    others_total = len(matrix.schools) - 1
    found: dict[str, list[Gap]] = {school: [] for school in wanted}
    for row in matrix.rows:
        for provision in row.provisions:
            taking = len(provision.stances)
            if others_total and taking * 2 > others_total:
                for school in wanted:
                    if provision.stance(school) is None:
                        found[school].append(Gap("missing", school, provision, taking, provision.nearest_of(school)))
            usual = provision.majority()
            if usual is None:
                continue
            for force, count in provision.positions():
                if force is usual or count != 1:
                    continue
                alone = next(s for s in provision.stances if provision.position(s.force) is force)
                if alone.school in found:
                    found[alone.school].append(Gap("outlier", alone.school, provision, taking - 1, usual=usual))
    for gaps in found.values():
        gaps.sort(key=lambda g: (g.kind, -g.others, g.provision.id))
    return {school: tuple(gaps) for school, gaps in found.items()}


def shared_wording(schools: Mapping[str, tuple[Clause, ...]], min_words: int = 8) -> tuple[SharedPassage, ...]:
    """Sentences that two or more schools word (nearly) identically: common ancestry, e.g. a model policy.

    Works sentence by sentence, so a shared definition is found even when one school adds a
    sentence of its own to the clause. Candidates share a run of five words; rapidfuzz's
    ratio then confirms near-identity.
    """
    units: list[tuple[str, Clause, str]] = []
    for slug in sorted(schools):
        for clause in sorted(schools[slug], key=lambda c: (c.source.line_start if c.source else 0, c.id)):
            for start, end in sentence_spans(clause.text):
                sentence = clause.text[start:end].strip()
                if len(sentence.split()) >= min_words:
                    units.append((slug, clause, sentence))
    normal = [" ".join(_WORD.findall(sentence.lower())) for _, _, sentence in units]
    # Units with the same normalised text are one *text*: a pair of texts is scored once,
    # however many schools word a sentence that way, and what it says holds for their units.
    text_of: dict[str, int] = {}
    texts: list[str] = []
    units_of: list[list[int]] = []
    for index, text in enumerate(normal):
        known = text_of.get(text)
        if known is None:
            known = text_of[text] = len(texts)
            texts.append(text)
            units_of.append([])
        units_of[known].append(index)
    schools_of = [{units[i][0] for i in members} for members in units_of]
    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        words = text.split()
        for start in range(0, max(1, len(words) - 4)):
            shingles[tuple(words[start:start + 5])].append(number)
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = {}

    def meet(a: int, b: int, score: float) -> None:
        """Texts ``a`` and ``b`` are the same wording: each unit of one joins a unit of the other
        from another school (all such pairs end up in one group, as when paired one by one)."""
        for mine, theirs in ((a, b), (b, a)):
            for unit in units_of[mine]:
                school = units[unit][0]
                partner = next((u for u in units_of[theirs] if units[u][0] != school), None)
                if partner is not None:
                    parent[find(unit)] = find(partner)
                    best[unit] = max(best.get(unit, 0.0), score)

    seen: set[tuple[int, int]] = set()
    for found in shingles.values():
        if sum(len(units_of[t]) for t in found) > _MAX_POSTING:
            continue
        for a in found:
            for b in found:
                if a > b or (a, b) in seen:
                    continue
                seen.add((a, b))
                if a == b:
                    if len(schools_of[a]) > 1:
                        meet(a, a, 100.0)
                    continue
                score = fuzz.ratio(texts[a], texts[b])
                if score >= SHARED_WORDING_THRESHOLD:
                    meet(a, b, score)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in best:
        groups[find(index)].append(index)
    passages = []
    for indices in groups.values():
        chosen = sorted(indices, key=lambda i: (units[i][0], units[i][1].id, units[i][2]))
        if len({units[i][0] for i in chosen}) >= 2:
            passages.append(
                SharedPassage(
                    tuple((units[i][0], units[i][1]) for i in chosen), round(min(best[i] for i in chosen), 1), tuple(units[i][2] for i in chosen)
                )
            )
    passages.sort(key=lambda p: (-len(p.schools), p.members[0][0], p.members[0][1].id, p.excerpts[0]))
    return tuple(passages)
