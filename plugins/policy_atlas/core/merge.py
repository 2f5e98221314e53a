"""The model merged policy: the best of what the schools already say, every clause traced to them.

The outline (``model_outline.yml``) gives the sections in order. A topic section takes its
topics' provisions from the comparison; a heading or rule section groups, by similarity, the
statements with no topic that sit under its headings or meet its rules, and each group is a
provision. For every provision on which at least ``threshold`` of the schools state the same
rule (the majority's position, in the provision's own terms), the model takes one statement of
that rule, generalised where it names one school ("Northgate Primary School" -> "the school"),
its wording otherwise verbatim: the text is never invented, and a minority's rule is never
model text. Only schools that state that rule are cited as its sources.

Which statement of the rule: by default the most typical wording (closest to all the others),
preferring a clear, self-contained sentence; the ``strictest`` strategy takes the strongest
wording of it first ("will" before "may"), ``most-common-force`` the wording most of them use.
Where other schools take another position, a drafting note puts the choice to governors as a
question, with each alternative, who holds it and how it is worded; where enough schools
address a provision but too few agree on one rule, the note is the only thing the model says.
A provision fewer schools address is an option in a note, never dropped; a core topic with no
model clause is a gap of the model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from .analysis import Analysis
from .classify import TopicIndex, topic_evidence
from .compare import OTHER_WAY_ROUND, Concepts, Member, Provision, Space, Vector, concept_patterns, members_of, typical
from .lexicon import stems_of, tokenise
from .model import Force, stance_verbs
from .taxonomy import Outline, OutlineSection, ProvisionKind, Taxonomy, Topic

DEFAULT_THRESHOLD = 0.5
"""A provision is in the model when at least this share of the schools take a stance on it."""

GROUP_FLOOR = 0.3
"""Cosine similarity above which statements of a heading or rule section say the same thing."""

SELF_CONTAINED_WORDS = (6, 70)
"""A model clause reads on its own when it has this many words, from the first to the last."""


class Strategy(str, Enum):
    """How the model chooses its wording for a provision."""

    TYPICAL = "typical"
    STRICTEST = "strictest"
    MOST_COMMON_FORCE = "most-common-force"


@dataclass(frozen=True)
class Source:
    """A statement the model draws on, or that says the same thing: where it is and what it says
    (``lead_in``: the sentence opening the list it is an item of, which gives an item its rule)."""

    school: str
    name: str
    statement: str
    anchor: str
    clause: str
    number: str | None
    force: Force
    text: str
    lead_in: str = ""


@dataclass(frozen=True)
class ModelClause:
    """One clause of the model, with where its words come from.

    ``text`` is ``quoted`` generalised: ``quoted`` is the source's own words (with its list
    lead-in before it when the source is an item that completes it). ``agreeing`` holds every
    school's statement on the provision, the source first. ``also`` names other provisions
    whose best wording is this same statement: the model says it once.
    """

    id: str
    number: str
    section: str
    provision: str
    label: str
    text: str
    quoted: str
    force: Force
    topics: tuple[str, ...]
    source: Source
    agreeing: tuple[Source, ...]
    generalised: tuple[tuple[str, str], ...]
    also: tuple[str, ...] = ()
    dissenting: tuple[Source, ...] = ()
    """The statements of schools that take another stance on the provision, each with its force
    in the provision's terms: such a school does not lack the clause, it rules otherwise."""
    worded: Force | None = None
    """The force of the wording itself where the comparison reads it otherwise ("must make clear
    views are their own" is the rule "must not speak for the school"): ``force`` is the rule as
    compared, this is what the sentence says, and ``reading`` why the two differ."""
    reading: str = ""
    weighed_as: str = "conduct"
    """How the provision's forces are weighed (``ProvisionKind.weighed_as``): on a consequence,
    a school that says a breach "will" lead to it agrees with one that says it "may"."""


@dataclass(frozen=True)
class Alternative:
    """One way the schools resolve a provision: a force, who holds it, and a wording."""

    force: Force
    schools: tuple[str, ...]
    wording: Source


@dataclass(frozen=True)
class DraftingNote:
    """A decision for governors: where the schools disagree, or a provision only some address.

    ``kind`` is ``diverge`` (the model has a clause; other schools give another force),
    ``split`` (enough schools address it, but not enough state one rule for a clause: the model
    takes no side), ``option`` (too few schools address it for a clause) or ``wording`` (other
    groups of wording in a heading section).
    """

    id: str
    section: str
    kind: str
    provision: str
    label: str
    text: str
    alternatives: tuple[Alternative, ...]
    silent: tuple[str, ...]
    clause: str | None = None


@dataclass(frozen=True)
class ModelGap:
    """A topic the model has no clause on: too few schools (or none) address it."""

    topic: str
    label: str
    core: bool
    covering: int
    schools: int
    needed: int
    """How many schools must state one rule on a provision for the model to have a clause on it."""

    @property
    def text(self) -> str:
        if not self.covering:
            return f"No school's policy says anything on {self.label.lower()}; the model has no clause on it."
        if self.covering >= self.needed:
            # enough schools speak of the topic, but on different things or with different rules
            return (
                f"{self.covering} of {self.schools} schools address {self.label.lower()}, but on nothing it covers do "
                f"{self.needed} or more of them state the same rule: see the options below, and decide what the policy should say."
            )
        return (
            f"Only {self.covering} of {self.schools} schools address {self.label.lower()}, fewer than the {self.needed} "
            "the model needs: see the options below, and decide what the policy should say."
        )


@dataclass(frozen=True)
class ModelSection:
    number: int
    id: str
    title: str
    clauses: tuple[ModelClause, ...]
    notes: tuple[DraftingNote, ...]
    gaps: tuple[ModelGap, ...]


@dataclass(frozen=True)
class ModelPolicy:
    """The model policy: sections of clauses, the drafting notes, and the model's own gaps."""

    schools: tuple[tuple[str, str], ...]
    threshold: float
    strategy: Strategy
    sections: tuple[ModelSection, ...]

    @property
    def clauses(self) -> tuple[ModelClause, ...]:
        return tuple(c for s in self.sections for c in s.clauses)

    @property
    def notes(self) -> tuple[DraftingNote, ...]:
        return tuple(n for s in self.sections for n in s.notes)

    @property
    def gaps(self) -> tuple[ModelGap, ...]:
        return tuple(g for s in self.sections for g in s.gaps)

    @property
    def needed(self) -> int:
        """How many schools a provision needs for a model clause."""
        return needed(len(self.schools), self.threshold)


def needed(schools: int, threshold: float) -> int:
    return max(1, -(-round(schools * threshold * 1000) // 1000))


# Generalising a school's wording ---------------------------------------------------------------

_GENERIC = frozenset(
    """school schools primary secondary high infant infants junior juniors nursery academy academies trust federation
    college free council model policy policies the of and for part a b c e church england catholic community
    unnamed social media staff city county borough district local authority multi""".split()
)
_ORGANISATIONS = ("Federation", "Trust", "Academy", "College")
_KIND_WORDS = r"(?:Primary|Secondary|High|Infant|Junior|Nursery|Free|Community|Church of England|C of E|CE|Catholic|RC)"
_SELF_WORDS = r"(?:School|Academy|Federation|Trust|College)"
_AUTHORITY_WORDS = r"(?:Borough Council|County Council|City Council|Metropolitan Borough Council|Council|Local Authority|LA)"


@dataclass(frozen=True)
class Generaliser:
    """Replaces what names one school or its local authority with a generic phrase.

    Built from the schools' names in their metadata: the distinctive words of each name
    ("Northgate", "Knowsley", "USH") are what marks a school's own wording.
    """

    distinctive: tuple[str, ...]
    organisations: tuple[str, ...]

    @classmethod
    def for_schools(cls, names: Mapping[str, str]) -> Generaliser:
        words: set[str] = set()
        kinds: set[str] = set()
        for name in names.values():
            for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", name):
                if word.lower() not in _GENERIC and len(word) > 1:
                    words.add(word)
                if word in _ORGANISATIONS:
                    kinds.add(word)
        return cls(tuple(sorted(words, key=lambda w: (-len(w), w))), tuple(sorted(kinds)))

    def apply(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with each school's or authority's name made generic, and what was replaced."""
        made: list[tuple[str, str]] = []

        def sub(pattern: str, replacement: str, value: str) -> str:
            def replace(match: re.Match[str]) -> str:
                shown = replacement
                if match.group(0)[:1].isupper() and match.start() == 0 and shown[:1].islower():
                    shown = shown[:1].upper() + shown[1:]
                possessive = match.groupdict().get("s") or ""
                shown = shown.replace("{s}", possessive)
                made.append((match.group(0), shown))
                return shown

            return re.sub(pattern, replace, value)

        if self.distinctive:
            names = "|".join(re.escape(w) for w in self.distinctive)
            text = sub(rf"\b(?:the\s+)?(?:{names})(?:\s+(?:{names}))*\s+{_AUTHORITY_WORDS}(?P<s>['’]s)?", "[the local authority]{s}", text)
            text = sub(rf"\b(?:the\s+)?(?:{names})(?:\s+(?:{names}))*(?:\s+{_KIND_WORDS})*\s+{_SELF_WORDS}(?P<s>['’]s)?", "the school{s}", text)
            text = sub(rf"\b(?:{names})\b(?P<s>['’]s)?", "[name]{s}", text)
        for kind in self.organisations:
            text = sub(rf"\bthe\s+{kind}(?P<s>['’]s)?(?![\w-])", "the school{s}", text)
            text = sub(rf"(?<![\w-]){kind}(?=-)", "school", text)
        return text, tuple(made)


# Choosing the wording ----------------------------------------------------------------------------

_POINTS_BACK = re.compile(
    r"^[\W]*(?:(?:this|these|those|that)\b(?!\s+(?:policy|policies|document|guidance|procedure|code|school|academy|trust|federation)\b)"
    r"|(?:they|them|it|such|he|she|and|but|or|however|also)\b"
    # no subject: the item of a list headed by who it is for ("Head teacher" > "Should ensure ...")
    r"|(?:should|must|will|shall|may|can|could|would|might)\b)",
    re.IGNORECASE,
)
"""An opening that points back to what came before; "This policy ..." names its subject."""
_POINTS_ELSEWHERE = re.compile(r"\b(?:(?:listed\s+|set\s+out\s+|shown\s+)?(?:below|above)|as\s+follows|the\s+following|aforementioned)\b", re.IGNORECASE)
"""Words that point to a list or a passage elsewhere in the school's document ("All incident types
below are ..."): out of it, in a model policy, they point at nothing."""


def self_contained(text: str) -> bool:
    """A sentence that reads on its own: starts with a capital, not by pointing back or to a list
    elsewhere in its document, ends a sentence."""
    stripped = text.strip()
    count = len(stripped.split())
    low, high = SELF_CONTAINED_WORDS
    return (
        bool(stripped)
        and stripped[:1].isupper()
        and not _POINTS_BACK.match(stripped)
        and not _POINTS_ELSEWHERE.search(stripped)
        and stripped.rstrip("\"'’”)")[-1:] in ".!?"
        and low <= count <= high
    )


@dataclass(frozen=True)
class _Choice:
    member: Member
    quoted: str


class _Wording:
    """Chooses a provision's wording: typical, clear, stating a rule, as the strategy says."""

    def __init__(self, space: Space) -> None:
        self.space = space

    def quoted(self, member: Member) -> str:
        """The statement's words, as a clause of its own would word them (``Member.as_worded``)."""
        return member.as_worded

    def readable(self, member: Member) -> bool:
        """States a rule in a sentence that reads on its own."""
        return member.force is not Force.NONE and self_contained(self.quoted(member))

    def best(self, pool: list[Member], everyone: list[Member], used: frozenset[str] = frozenset()) -> _Choice:
        """The most typical of ``pool`` against ``everyone``: a clear rule-stating sentence first,
        then any that states a rule; a statement the model already says is taken last."""
        total = _sum(self.space, everyone)
        fresh = [m for m in pool if m.id not in used] or pool
        readable = [m for m in fresh if self.readable(m)]
        rules = [m for m in fresh if m.force is not Force.NONE]
        chosen = typical(readable or rules or fresh, total, self.space)
        return _Choice(chosen, self.quoted(chosen))

    def stated(self, pool: list[Member], used: frozenset[str]) -> _Choice:
        """The most typical sentence that reads on its own, rule or not: a definition or a scope
        states no rule, and no strategy of force applies to it."""
        fresh = [m for m in pool if m.id not in used] or pool
        chosen = typical([m for m in fresh if self_contained(self.quoted(m))] or fresh, _sum(self.space, pool), self.space)
        return _Choice(chosen, self.quoted(chosen))

    def choose(self, stances: list[Member], strategy: Strategy, used: frozenset[str]) -> _Choice:
        if strategy is Strategy.STRICTEST:
            strongest = Force.strongest(m.force for m in stances)
            return self.best([m for m in stances if m.force is strongest], stances, used)
        if strategy is Strategy.MOST_COMMON_FORCE:
            return self.best(_by_force(stances)[0][1], stances, used)
        return self.best(stances, stances, used)


def _sum(space: Space, members: list[Member]) -> Vector:
    total: Vector = defaultdict(float)
    for member in members:
        for term, weight in space.vectors[member.id].items():
            total[term] += weight
    return total


def _by_force(members: list[Member], force_of: Callable[[Member], Force] | None = None) -> list[tuple[Force, list[Member]]]:
    """Members grouped by force (``force_of`` each, default its own): the largest group first,
    ties to the stronger force."""
    groups: dict[Force, list[Member]] = defaultdict(list)
    for member in members:
        groups[force_of(member) if force_of else member.force].append(member)
    return sorted(groups.items(), key=lambda fg: (-len({m.school for m in fg[1]}), fg[0].rank))


# Building the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """A provision as the model sees it: an id, a label, and each school's statement on it.

    For a taxonomy provision, ``majority`` is the position more than half of the schools that
    address it take (None when none does), ``force_of`` a statement's force in the provision's
    terms, and ``agree`` the statements that take the majority's position: only they may be
    the model's wording or be cited as its sources.
    """

    id: str
    label: str
    topics: tuple[str, ...]
    stances: tuple[Member, ...]
    provision: Provision | None = None
    stated: bool = False
    """A provision of the outline that a policy states or not (its scope, its review): any
    sentence that reads on its own may word it, a definition as much as a rule."""

    @property
    def majority(self) -> Force | None:
        return self.provision.majority() if self.provision is not None else None

    def force_of(self, member: Member) -> Force:
        """The statement's force in the provision's terms (a duty stated the other way round counts as the duty)."""
        if self.provision is None:
            return member.force
        stance = self.provision.stance(member.school)
        return stance.force if stance is not None and stance.member is member else member.force

    @property
    def agree(self) -> tuple[Member, ...]:
        if self.provision is None:
            return self.stances
        usual = self.majority
        return tuple(m for m in self.stances if usual is not None and self.provision.position(self.force_of(m)) is usual)


def _firmest(found: list[Member], outcomes: tuple[Topic, ...] = ()) -> list[Member]:
    """A school's statements of a stated provision worth choosing among: those that say no outcome
    of a breach (in their own words, a topic of ``outcomes``), where any does ("breaching copyright will be considered
    extremely seriously" says what follows a breach, "consider the copyright of what you share"
    states the rule); of those, the ones that read on their own, and of those the ones that
    require or forbid, where any does ("you should contact the safeguarding lead", not "you may
    have a concern about what you see", which only describes)."""
    ruling = [m for m in found if not any(topic_evidence(t, m.text) is not None for t in outcomes)] or found
    readable = [m for m in ruling if self_contained(m.text)] or ruling
    return [m for m in readable if m.force in (Force.REQUIRED, Force.PROHIBITED)] or readable


def _rules_apart(group: _Group) -> tuple[_Group, _Group | None] | None:
    """A group of similar statements split into those that state a rule and those that do not,
    when it holds both: a model clause made from it states a rule, so only the first may count
    towards it or be cited as its sources; the rest stay among the section's other statements."""
    ruled = tuple(m for m in group.stances if m.force is not Force.NONE)
    if not ruled or len(ruled) == len(group.stances):
        return None
    rest = tuple(m for m in group.stances if m.force is Force.NONE)
    return replace(group, stances=ruled), replace(group, id=f"{group.id}-described", stances=rest)


def _topic_groups(provisions: tuple[Provision, ...]) -> list[_Group]:
    return [_Group(p.id, p.label, (p.topic,), tuple(s.member for s in p.stances), p) for p in provisions]


def _similar_groups(section: OutlineSection, members: list[Member], concepts: Concepts) -> list[_Group]:
    """Statements with no topic that the section draws on, grouped across schools by similarity.

    The most central statement seeds a group; each other school joins with its closest
    statement at least ``GROUP_FLOOR`` similar to the seed. Each statement is in one group.
    """
    if not members:
        return []
    space = Space(members, concepts)
    text_of, close_to = _close_texts(space, members, GROUP_FLOOR)
    # A statement's centrality: its similarity to every close statement, less those of its own
    # school; summed per text and per school, never per pair of statements.
    totals = [sum(c for _, c in close) for close in close_to]
    own: dict[tuple[int, str], float] = defaultdict(float)
    for number, close in enumerate(close_to):
        for position, c in close:
            own[number, members[position].school] += c
    central = [totals[text_of[p]] - own.get((text_of[p], m.school), 0.0) for p, m in enumerate(members)]
    placed: set[str] = set()
    groups: list[_Group] = []
    for position in sorted(range(len(members)), key=lambda p: (-round(central[p], 9), members[p].school, members[p].id)):
        seed = members[position]
        if seed.id in placed:
            continue
        group = [seed]
        by_school: dict[str, list[tuple[Member, float]]] = defaultdict(list)
        for other_position, c in close_to[text_of[position]]:
            other = members[other_position]
            if other.school != seed.school and other.id not in placed:
                by_school[other.school].append((other, c))
        for school in sorted(by_school):
            group.append(max(by_school[school], key=lambda oc: (oc[1], -len(oc[0].id), oc[0].id))[0])
        placed.update(m.id for m in group)
        label = " ".join(seed.text.split()[:8]).rstrip(".,;:") + ("…" if len(seed.text.split()) > 8 else "")
        groups.append(_Group(f"{section.id}/{seed.id}", f"“{label}”", (), tuple(sorted(group, key=lambda m: m.school))))
    return groups


def _close_texts(space: Space, members: list[Member], floor: float) -> tuple[list[int], list[list[tuple[int, float]]]]:
    """Each member's text (a number), and for each text every member at least ``floor`` similar
    to it (by position in ``members``, in that order), with the similarity.

    Exact, without scoring all pairs. Members with the same words have the same vector, so each
    pair of distinct texts is scored once, and what is close to a text is listed once for all
    the members that word it so. And two unit vectors whose dot product reaches the floor must
    share one of the terms that make up all but less than ``floor`` of either's length (its
    *prefix*, rarest terms first), since the rest adds at most its own length.
    """
    texts: dict[str, int] = {}
    holders: list[list[int]] = []
    text_of: list[int] = []
    for position, member in enumerate(members):
        number = texts.setdefault(member.text, len(holders))
        if number == len(holders):
            holders.append([])
        holders[number].append(position)
        text_of.append(number)
    first = [members[h[0]].id for h in holders]
    df: dict[str, int] = defaultdict(int)
    having: dict[str, list[int]] = defaultdict(list)
    for number, key in enumerate(first):
        for term in space.vectors[key]:
            df[term] += 1
            having[term].append(number)
    bound = (floor - 1e-5) ** 2  # a margin below the floor, for the similarity's rounding
    close_to: list[list[tuple[int, float]]] = []
    for key in first:
        vector = space.vectors[key]
        rest = sum(w * w for w in vector.values())
        candidates: set[int] = set()
        for term in sorted(vector, key=lambda t: (df[t], t)):
            if rest < bound:
                break
            rest -= vector[term] * vector[term]
            candidates.update(having[term])
        scored = ((other, space.cosine(key, first[other])) for other in candidates)
        close_to.append(sorted(((position, c) for other, c in scored if c >= floor for position in holders[other]), key=lambda pc: pc[0]))
    return text_of, close_to


SHORT_HEADING = 4
"""A heading of at most this many words names its section anywhere in it ("IT Manager"); a longer
one only at its start ("Purpose of the policy", not "... for personal purposes")."""


def names_section(heading: str, terms: tuple[str, ...]) -> bool:
    """Whether a heading names a section whose heading words are ``terms`` (matched by stem)."""
    stems = [t.stem for t in tokenise(heading) if not t.word.isdigit()]
    wanted = [stems_of(term) for term in terms]
    if len(stems) <= SHORT_HEADING:
        return any(tuple(stems[i:i + len(w)]) == w for w in wanted if w for i in range(len(stems)))
    return any(w and tuple(stems[: len(w)]) == w for w in wanted)


def _with_heading(member: Member) -> str:
    """A statement read after its innermost heading and its list lead-in, either of which may name
    its subject ("Head teacher" over "Should ensure that all staff are trained", "This policy:"
    over "Applies to all staff")."""
    said = member.read_as  # the statement after its lead-in, when it has one
    return f"{member.clause.heading[-1]}: {said}" if member.clause.heading else said


def _drawn(topic: Topic, members: list[Member], index: TopicIndex) -> list[Member]:
    """The statements with no topic that a heading or rule section (read as ``topic``) draws on."""
    found = []
    for member in members:
        if member.statement.topics:
            continue
        by_heading = bool(topic.headings) and any(names_section(h, topic.headings) for h in member.clause.heading)
        by_rule = bool(topic.rules) and index.evidence(topic, member.text) is not None
        if by_heading or by_rule:
            found.append(member)
    return found


def _source(member: Member, names: Mapping[str, str], force: Force | None = None) -> Source:
    """Where a statement is and what it says, with its force in the provision's own terms when it
    stands for a school there (``force``): "permits reasonable access" is cited under "must not
    spend excessive time" as the rule it states there, not as a permission."""
    return Source(
        member.school, names[member.school], member.id, member.anchor or member.id, member.clause.id, member.clause.number, member.force if force is None else force, member.text,
        member.lead_in,
    )


def _decision(question: str, groups: list[tuple[Force, list[Member]]], silent: int, rule_kind: str = "conduct") -> str:
    """ "Decide: <question> 1 school allows it subject to conditions; 2 prohibit it; 2 are silent."
    On what the school itself does, it commits to it or allows for it (``stance_verbs``)."""
    verbs = stance_verbs(rule_kind)
    parts = []
    for force, members in groups:
        count = len({m.school for m in members})
        singular, plural, tail = verbs[force]
        parts.append(f"{count} school{'' if count == 1 else 's'} {singular if count == 1 else plural} it{tail}")
    if silent:
        parts.append(f"{silent} {'is' if silent == 1 else 'are'} silent")
    return f"Decide: {question} " + "; ".join(parts) + "."


class _Builder:
    def __init__(self, analysis: Analysis, names: Mapping[str, str], outline: Outline, threshold: float, strategy: Strategy) -> None:
        self.analysis = analysis
        self.names = names
        self.outline = outline
        self.strategy = strategy
        self.threshold = threshold
        self.schools = tuple(sorted(names))
        self.needed = needed(len(self.schools), threshold)
        self.generaliser = Generaliser.for_schools(names)
        self.members = members_of(analysis.clauses, analysis.statements)
        self.concepts = concept_patterns(analysis.taxonomy)
        self.outcomes = tuple(t for t in analysis.taxonomy.topics if t.provisions and all(k.answers_breach for k in t.provisions))
        """Topics of what follows a breach (discipline): a statement whose own words are in one says
        what a breach of a rule leads to, not the rule."""
        self.drawing = {s.id: s.as_topic() for s in outline.sections if s.headings or s.rules}
        self.used: dict[str, str] = {}
        """Statement id -> the model clause that says it: the model says a statement once."""
        self.also: dict[str, list[str]] = defaultdict(list)
        self.cited: dict[str, str] = {}
        """Statement id -> the first model clause that cites it as a source: a statement cited for
        one clause states that clause's rule, so it words no other clause (no two clauses say
        "must not breach confidentiality")."""
        self.index = TopicIndex(tuple(self.drawing.values()))
        self.standing = frozenset(
            s.member.id for row in analysis.matrix.rows for p in row.provisions if not self._worded(p) for s in p.stances
        )
        """The statements that stand for their school on a topic's provision the model has no
        clause on: a stated provision's clause may cite one, but is worded by another where it
        can be, or it would say as the model's rule what that topic's drafting note asks governors
        to decide ("report any message from a pupil to the safeguarding lead")."""
        self.meeting = {(s.id, p.id): self._meeting(s, p) for s in outline.sections for p in s.provisions}
        """The statements that meet each stated provision's rules (scope, definitions, roles ...)."""
        self.stating = frozenset(m.id for found in self.meeting.values() for m in found)

    def build(self) -> tuple[ModelSection, ...]:
        sections = []
        number = 0
        for section in self.outline.sections:
            groups = self._groups(section)
            if not groups and not section.topics:
                continue
            number += 1
            sections.append(self._section(number, section, groups))
        return tuple(
            replace(s, clauses=tuple(replace(c, also=tuple(self.also.get(c.id, ()))) for c in s.clauses)) for s in sections
        )

    def _groups(self, section: OutlineSection) -> list[_Group]:
        if section.topics:
            rows = {r.topic: r for r in self.analysis.matrix.rows}
            return [g for topic in section.topics if topic in rows for g in _topic_groups(rows[topic].provisions)]
        drawn = _drawn(self.drawing[section.id], self.members, self.index) if section.id in self.drawing else []
        stated = [self._stated_group(section, p, found) for p in section.provisions if (found := self.meeting[section.id, p.id])]
        # a statement that says a stated provision, in any section, is said there: never also
        # one of another section's "other statements"
        return stated + _similar_groups(section, [m for m in drawn if m.id not in self.stating], self.concepts)

    def _worded(self, provision: Provision) -> bool:
        """Whether enough schools state the majority's rule on a provision for a model clause."""
        usual = provision.majority()
        return usual is not None and len({s.school for s in provision.stances if provision.position(s.force) is usual}) >= self.needed

    def _meeting(self, section: OutlineSection, provision: ProvisionKind) -> list[Member]:
        """The statements that meet a stated provision's rules, read after their heading."""
        topic = section.provision_topic(provision)
        index = TopicIndex((topic,))
        return [m for m in self.members if index.evidence(topic, _with_heading(m)) is not None]

    def _stated_group(self, section: OutlineSection, provision: ProvisionKind, found: list[Member]) -> _Group:
        """Each school's most typical statement that meets the provision's rules, wherever it sits
        (a definition at the top of a policy, a duty to report safeguarding concerns under
        contact with pupils)."""
        space = Space(found, self.concepts)
        total = _sum(space, found)
        by_school: dict[str, list[Member]] = defaultdict(list)
        for member in found:
            by_school[member.school].append(member)
        chosen = tuple(typical(_firmest(by_school[school], self.outcomes), total, space) for school in sorted(by_school))
        return _Group(f"{section.id}/{provision.id}", provision.label, (), chosen, stated=True)

    def _section(self, number: int, section: OutlineSection, groups: list[_Group]) -> ModelSection:
        """A section's clauses, and its notes: forces that differ, options, other wording.

        In a heading or rule section (purpose, definitions ...) a group becomes a clause only
        when one of its statements reads on its own; forces there describe rather than decide,
        so they raise no decision.
        """
        clauses: list[ModelClause] = []
        notes: list[DraftingNote] = []
        minor: list[_Group] = []
        for group in groups:
            if not section.topics and not group.stated and (split := _rules_apart(group)) is not None:
                # a clause that states a rule cites only statements that state one: "In their
                # wider professional lives" is no source of "must uphold professional standards"
                group, rest = split
                if rest is not None:
                    minor.append(rest)
            schools = {m.school for m in group.stances}
            # the wording is weighed among the statements that state the majority's rule: a school
            # that says otherwise moves no weight, so it cannot change the model's words
            wording = _Wording(Space(list(group.agree or group.stances), self.concepts))
            if section.topics and len(schools) >= self.needed and len({m.school for m in group.agree}) < self.needed:
                # enough schools address it, but fewer than needed state one rule: a decision
                # for governors, never a clause that adopts one side
                notes.append(self._note(section, group, "split", self._by_force(group), None))
                continue
            readable = any(self_contained(wording.quoted(m)) if group.stated else wording.readable(m) for m in group.stances)
            if len(schools) >= self.needed and (section.topics or readable):
                clause = self._clause(section, number, len(clauses) + 1, group, wording)
                if clause is None:
                    continue
                clauses.append(clause)
                by_force = self._by_force(group)
                if len({group.provision.position(f) if group.provision else f for f, _ in by_force}) > 1 and section.topics:
                    notes.append(self._note(section, group, "diverge", by_force, clause.id))
            elif section.topics:
                notes.append(self._note(section, group, "option", self._by_force(group), None))
            else:
                minor.append(group)
        if minor:
            notes.append(self._wording_note(section, minor))
        gaps = tuple(self._gap(topic) for topic in section.topics if not any(topic in c.topics for c in clauses))
        return ModelSection(number, section.id, section.title, tuple(clauses), tuple(notes), gaps)

    @staticmethod
    def _by_force(group: _Group) -> list[tuple[Force, list[Member]]]:
        """The group's statements by their force in the provision's terms, largest group first."""
        return _by_force(list(group.stances), group.force_of)

    def _clause(self, section: OutlineSection, number: int, index: int, group: _Group, wording: _Wording) -> ModelClause | None:
        """The provision's model clause, worded and sourced from the statements that take the
        majority's position only; None when its best wording is a clause the model already has."""
        stances = list(group.agree)
        taken = frozenset(self.used) | frozenset(self.cited)
        choice = wording.stated(stances, taken | self.standing) if group.stated else wording.choose(stances, self.strategy, taken)
        if choice.member.id in taken:
            earlier = self.used.get(choice.member.id) or self.cited[choice.member.id]
            self.also[earlier].append(group.id)
            return None
        if group.stated and choice.member.force is not Force.NONE:
            # worded as a rule, the clause cites only statements that state one: "social media can
            # blur the lines" warns, it asks nothing of staff
            stances = [m for m in stances if m.force is not Force.NONE]
        self.used[choice.member.id] = f"model-{number}-{index}"
        for member in stances:
            self.cited.setdefault(member.id, f"model-{number}-{index}")
        text, made = self.generaliser.apply(choice.quoted)
        source = _source(choice.member, self.names, group.force_of(choice.member))
        agreeing = (source, *(_source(m, self.names, group.force_of(m)) for m in sorted(stances, key=lambda m: (m.school, m.id)) if m is not choice.member))
        return ModelClause(
            f"model-{number}-{index}",
            f"{number}.{index}",
            section.id,
            group.id,
            group.label,
            text,
            choice.quoted,
            group.force_of(choice.member),
            group.topics,
            source,
            agreeing,
            made,
            # a statement of no rule ("social media can blur the lines") rules nothing otherwise:
            # its school lacks a clause that states one
            dissenting=tuple(
                _source(m, self.names, group.force_of(m))
                for m in sorted(group.stances, key=lambda m: (m.school, m.id))
                if m not in stances and (m.force is not Force.NONE or choice.member.force is Force.NONE)
            ),
            weighed_as=group.provision.weighed_as if group.provision is not None else "conduct",
            **self._reading(group, choice.member),
        )

    @staticmethod
    def _reading(group: _Group, member: Member) -> dict[str, Any]:
        """The wording's own force and why the comparison reads it otherwise (``ModelClause.worded``)."""
        if group.force_of(member) is member.force:
            return {}
        stance = group.provision.stance(member.school) if group.provision is not None else None
        return {"worded": member.force, "reading": stance.why if stance is not None and stance.why else OTHER_WAY_ROUND}

    def _alternatives(self, by_force: list[tuple[Force, list[Member]]]) -> tuple[Alternative, ...]:
        shown = []
        for force, members in sorted(by_force, key=lambda fg: fg[0].rank):
            space = Space(members, self.concepts)
            choice = _Wording(space).best(members, members)
            shown.append(Alternative(force, tuple(sorted({m.school for m in members})), _source(choice.member, self.names)))
        return tuple(shown)

    def _note(self, section: OutlineSection, group: _Group, kind: str, by_force: list[tuple[Force, list[Member]]], clause: str | None) -> DraftingNote:
        schools = {m.school for m in group.stances}
        silent = tuple(s for s in self.schools if s not in schools)
        if kind == "option":
            question = f"should the policy say anything on {group.label}? Fewer than {self.needed} of {len(self.schools)} schools do:"
        else:
            question = self.outline.question(group.id) or f"what should the policy say on {group.label}?"
        rule_kind = group.provision.rule_kind if group.provision is not None else "conduct"
        text = _decision(question, sorted(by_force, key=lambda fg: (-len({m.school for m in fg[1]}), fg[0].rank)), len(silent), rule_kind)
        return DraftingNote(f"note-{kind}-{_slug(group.id)}", section.id, kind, group.id, group.label, text, self._alternatives(by_force), silent, clause)

    def _wording_note(self, section: OutlineSection, groups: list[_Group]) -> DraftingNote:
        alternatives = tuple(
            Alternative(m.force, (m.school,), _source(m, self.names)) for g in groups for m in sorted(g.stances, key=lambda m: (m.school, m.id))
        )
        count = len(alternatives)
        text = (
            f"Decide: should the model also say any of these? {count} other "
            f"{'statement' if count == 1 else 'statements'} here {'says' if count == 1 else 'say'} what fewer than {self.needed} schools say."
        )
        return DraftingNote(f"note-wording-{section.id}", section.id, "wording", section.id, section.title, text, alternatives, ())

    def _gap(self, topic_id: str) -> ModelGap:
        topic = self.analysis.taxonomy.get(topic_id)
        row = next((r for r in self.analysis.matrix.rows if r.topic == topic_id), None)
        covering = len(row.covering) if row else 0
        return ModelGap(topic_id, topic.label if topic else topic_id, bool(topic and topic.core), covering, len(self.schools), self.needed)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def build_model(
    analysis: Analysis,
    names: Mapping[str, str],
    outline: Outline,
    threshold: float = DEFAULT_THRESHOLD,
    strategy: Strategy = Strategy.TYPICAL,
) -> ModelPolicy:
    """The model policy from a build's analysis; ``names`` maps each school's slug to its name."""
    sections = _Builder(analysis, names, outline, threshold, strategy).build()
    return ModelPolicy(tuple((s, names[s]) for s in sorted(names)), threshold, strategy, sections)


def core_gaps(model: ModelPolicy, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The core topics the model has no clause on: the model's own gaps that matter most."""
    covered = {t for c in model.clauses for t in c.topics}
    return tuple(t.id for t in taxonomy.topics if t.core and t.id not in covered)
