"""Topics and force for each clause: deterministic, explainable, rules about meaning.

Topics come from the taxonomy's rules, matched against the clause's own text, against its
list lead-in (an item under "Breach confidentiality, for example by:" is about
confidentiality), and against its innermost heading (a bullet under "Use of images" is
about images). Every tag records why it was given. A person's ``+topic`` / ``-topic`` in
the clause tag wins over the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .force import Frame, completes_lead_in, defines_terms, governs_others, heads_others, instructed_verb, introduces_others_rules, lead_in_frame, names_staff, tends_to_others, names_documents, statement_force, states_scope
from .matcher import Hit, PhraseIndex, cached_tokens
from .model import Clause, Force, Heading, Statement, statement_id
from .sentences import last_sentence, sentence_spans
from .statements import split_statements
from .vocabulary import MODAL, RULE_WORDS
from .taxonomy import Rule, Taxonomy, Topic

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


class TopicIndex:
    """Every term group of some topics compiled into one index: a text is scanned once for all.

    The hits of a text are cached, so reading a statement against eleven topics, its
    heading and its lead-in costs one pass each. Rules find their groups by position,
    never by hashing the groups again.
    """

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        groups = [
            g
            for topic in topics
            for g in [
                *(g for r in topic.rules for g in (*r.groups, r.not_among)),
                *(g for k in topic.provisions for r in (*k.rules, *k.fit) for g in (*r.groups, r.not_among)),
                *(k.unless for k in topic.provisions),
                topic.headings,
                topic.unless,
            ]
            if g
        ]
        self.phrases = PhraseIndex(groups)
        self._positions: dict[int, tuple[int, ...]] = {}
        self._keep: list[object] = []  # what the identity keys refer to stays alive
        self._hits = lru_cache(maxsize=16384)(self._scan)

    def _scan(self, text: str) -> dict[int, list[Hit]]:
        return self.phrases.hits(text, cached_tokens(text))

    def group(self, group: tuple[str, ...]) -> int:
        """The position of a term group; looked up by identity, as hashing a long group costs."""
        known = self._positions.get(id(group))
        if known is None:
            known = self._positions[id(group)] = (self.phrases.position[group],)
            self._keep.append(group)
        return known[0]

    def found(self, topic: Topic, text: str) -> dict[int, list[Hit]]:
        """The text's hits, less any inside a phrase the topic says never counts."""
        hits = self._hits(text)
        return _blocked(hits, self.group(topic.unless)) if topic.unless else hits

    def rule_groups(self, rule: Rule) -> tuple[int, ...]:
        known = self._positions.get(id(rule))
        if known is None:
            known = self._positions[id(rule)] = tuple(self.group(g) for g in rule.groups)
            self._keep.append(rule)
        return known

    def evidence(
        self, topic: Topic, text: str, rules: tuple[Rule, ...] | None = None, past_unless: bool = False, also_unless: tuple[str, ...] = ()
    ) -> str | None:
        """Why ``text`` on its own is about ``topic`` (or satisfies ``rules`` within it), or None;
        ``past_unless``: the topic's ``unless`` phrases count too (see ``ProvisionKind.past_unless``);
        ``also_unless``: phrases that never count here (a provision's own ``unless``)."""
        hits = self._hits(text) if past_unless else self.found(topic, text)
        if also_unless:
            hits = _blocked(hits, self.group(also_unless))
        for rule in topic.rules if rules is None else rules:
            per_group = [hits.get(g, []) for g in self.rule_groups(rule)]
            if rule.not_among and per_group[0]:
                per_group[0] = _not_listed(text, per_group[0], hits.get(self.group(rule.not_among), []))
            words = _rule_fires(rule.near, per_group)
            if words is not None:
                quoted = ", ".join(f"“{w.lower()}”" for w in dict.fromkeys(words))
                return f"{rule.name}: {quoted}"
        return None

    def heading_evidence(self, topic: Topic, heading: str) -> str | None:
        """Why a heading puts what is under it in the topic: one of its heading words, or a rule it meets."""
        listed = bool(topic.headings) and bool(self.found(topic, heading).get(self.group(topic.headings)))
        if listed or self.evidence(topic, heading) is not None:
            return f"under the heading “{heading}”"
        return None


_LIST_JOIN = re.compile(r"\s*(?:[,/&;]\s*(?:(?:and|or)\s+)?|(?:and|or|and/or)\s+)(?:(?:a|an|the|any|other|their|your)\s+)?", re.IGNORECASE)
"""What stands between two items of one list: a comma, slash, "and" or "or", perhaps an article."""


def _not_listed(text: str, hits: list[Hit], others: list[Hit]) -> list[Hit]:
    """``hits`` less those listed together with one of ``others`` ("a post, comment or photo").

    Items joined by commas, "and" or "or" form one list; a list holding an item of the other
    kind names content in general, and its items of the rule's kind do not count.
    """
    if not others:
        return hits
    tokens = cached_tokens(text)
    members = sorted({(h.first, h.last, kind) for kind, found in ((0, hits), (1, others)) for h in found})
    generic: set[int] = set()
    run: list[tuple[int, int, int]] = []

    def close() -> None:
        if any(kind == 1 for _, _, kind in run):
            generic.update(first for first, _, kind in run if kind == 0)

    for member in members:
        if run:
            previous = run[-1]
            joined = member[0] > previous[1] and _LIST_JOIN.fullmatch(text[tokens[previous[1]].end:tokens[member[0]].start]) is not None
            if not joined and member[0] > previous[1]:
                close()
                run = []
            elif not joined:
                continue  # overlapping terms ("post" as content and as an act): one list item
        run.append(member)
    close()
    return [h for h in hits if h.first not in generic]


def _rule_fires(near: int | None, per_group: list[list[Hit]]) -> list[str] | None:
    """The words that satisfy a rule, or None: every group found, within ``near`` words of the first."""
    if not all(per_group):
        return None
    if near is None:
        return [group[0].words for group in per_group]
    for anchor in per_group[0]:
        chosen = []
        for group in per_group:
            nearest = min(group, key=lambda h: (abs(h.first - anchor.first), h.first))
            if abs(nearest.first - anchor.first) > near:
                break
            chosen.append(nearest.words)
        else:
            return chosen
    return None


_SINGLE: dict[int, tuple[Topic, TopicIndex]] = {}


def _index_of(topic: Topic) -> TopicIndex:
    """An index of one topic, kept while that topic object lives (for callers without a Classifier)."""
    entry = _SINGLE.get(id(topic))
    if entry is None or entry[0] is not topic:
        entry = _SINGLE[id(topic)] = (topic, TopicIndex((topic,)))
    return entry[1]


def _blocked(hits: dict[int, list[Hit]], unless: int) -> dict[int, list[Hit]]:
    """``hits`` less the hits inside a phrase of the ``unless`` group (which never counts itself)."""
    blocked = {p for h in hits.get(unless, ()) for p in range(h.first, h.last + 1)}
    if not blocked:
        return hits
    return {
        group: kept
        for group, found in hits.items()
        if group != unless and (kept := [h for h in found if not blocked.intersection(range(h.first, h.last + 1))])
    }


def topic_evidence(
    topic: Topic, text: str, rules: tuple[Rule, ...] | None = None, past_unless: bool = False, also_unless: tuple[str, ...] = ()
) -> str | None:
    """Why ``text`` on its own is about ``topic`` (or satisfies ``rules`` within it), or None."""
    return _index_of(topic).evidence(topic, text, rules, past_unless, also_unless)


def heading_evidence(topic: Topic, heading: str) -> str | None:
    return _index_of(topic).heading_evidence(topic, heading)


class Classifier:
    """Applies a taxonomy to the clauses of one policy, in document order."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.index = TopicIndex(taxonomy.topics)

    def classify_blocks(self, blocks: tuple[Heading | Clause, ...]) -> dict[str, Classification]:
        by_id = {b.id: b for b in blocks if isinstance(b, Clause)}
        titles = _runs_of_titles(list(by_id.values()), by_id)
        results: dict[str, Classification] = {}
        for clause in by_id.values():
            chain = _lead_in_chain(clause, by_id)
            results[clause.id] = self.classify(clause, chain, results, clause.id in titles)
        return results

    def classify(self, clause: Clause, lead_ins: list[Clause], earlier: dict[str, Classification], title: bool = False) -> Classification:
        """Read a clause as statements, each with its force and topics; the clause summarises them.
        ``title``: the clause is one of a run of section titles (a contents list), which names
        sections and states nothing of what they hold."""
        if title:
            return _summary([Statement(statement_id(clause.id, 1, 1), clause.id, 1, clause.text, Force.NONE, "a section title in a list of titles")])
        innermost = clause.heading[-1] if clause.heading else ""
        frame = _frame_for(clause, lead_ins, innermost, earlier)
        example_topics = (
            earlier[lead_ins[0].id].topic_ids if lead_ins and lead_ins[0].id in earlier and _introduces_examples(lead_ins[0].text) else ()
        )
        spans = split_statements(clause.text)
        contents = _CONTENTS.search(clause.text) is not None
        statements: list[Statement] = []
        previous: tuple[TopicTag, ...] = ()
        for index, text in enumerate(spans, start=1):
            force, force_why = statement_force(text, frame)
            completes = last_sentence(lead_ins[0].text) if lead_ins and index == 1 and completes_lead_in(text) else None
            # a statement that states no rule ("Good communication builds trust.") is about a
            # topic by its own words only: the heading over it names what the rules below it are on
            over = innermost if force is not Force.NONE else ""
            tags = () if contents else self._topics(text, lead_ins, example_topics, over, previous, completes)
            statements.append(
                Statement(
                    statement_id(clause.id, index, len(spans)), clause.id, index, text, force, force_why,
                    tuple(t.topic for t in tags), tuple((t.topic, t.why) for t in tags),
                )
            )
            previous = tags
        return _summary(statements)

    def _topics(
        self, text: str, lead_ins: list[Clause], example_topics: tuple[str, ...], innermost: str,
        previous: tuple[TopicTag, ...], completes: str | None,
    ) -> tuple[TopicTag, ...]:
        """A statement's topics: its own words (read with the lead-in it completes), else the
        examples' lead-in, its heading, or the statement it continues."""
        tags: list[TopicTag] = []
        if defines_terms(text) or (lead_ins and _names_documents(lead_ins[0].text) and completes_lead_in(text)):
            return ()
        own = _beyond_scope(text)
        if not own:
            return ()
        continues = bool(previous) and (_CONTINUES.match(text) is not None or refers_back(text))
        opening = lead_ins[0].text if lead_ins else innermost if innermost.rstrip().endswith(":") else ""
        theirs = governs_others(text) or (bool(opening) and _others_rules(opening))
        tending: bool | None = None  # read only when a topic that is a relation of staff to others is found
        for topic in self.taxonomy.topics:
            if theirs and (topic.staff_only or (topic.staff_party and not names_staff(text))):
                # pupils' or parents' own rule: not what staff do, and, naming no staff, no relation of theirs
                continue
            why = self._evidence(topic, own, text)
            cares = False
            if topic.staff_relation and (why is not None or completes is not None):
                tending = tends_to_others(text) if tending is None else tending
                cares = tending
            if cares:
                why = None
            if why is None and topic.id in example_topics:
                why = f"an example under “{_short(lead_ins[0].text)}”"
            if why is None and completes is not None:
                found = self._evidence(topic, f"{completes} {text}", text)
                why = f"with its lead-in “{_short(completes)}”: {found}" if found else None
            if why is None and innermost and not (topic.staff_only and heads_others(innermost)):
                why = self.index.heading_evidence(topic, innermost)
            if why is None and continues:
                why = next((f"continues the statement before ({t.why})" for t in previous if t.topic == topic.id), None)
            if why is not None:
                tags.append(TopicTag(topic.id, why))
        if not tags:
            tags = [TopicTag(t.topic, f"names again what the statement before is about ({t.why})") for t in previous if _names_again(text, t.why)]
        return tuple(tags)


    def _evidence(self, topic: Topic, read: str, statement: str) -> str | None:
        """Why ``read`` (the statement, perhaps with its lead-in) is about the topic. On a topic
        the organisation acts on (``Topic.organisation_act``), the verb of an instruction to
        the reader about their own doing does not count: "check which account you post with"
        asks the reader to check their own act, and no organisation monitors anything ("Monitor
        the club's presence" is the organisation's act, done by the reader for it); nor does what a
        rule's subject, the reader, does something for ("Staff may use their own phones to check
        social media")."""
        why = self.index.evidence(topic, read)
        own = why is not None and topic.organisation_act and _OWN_DOING.search(statement) is not None
        verbs = [verb] if own and (verb := instructed_verb(statement)) is not None else _readers_purposes(statement) if own else []
        if not verbs:
            return why
        for verb in verbs:
            read = re.sub(rf"\b{re.escape(verb)}\b", "", read, flags=re.IGNORECASE)
        return self.index.evidence(topic, read)


_READER_SUBJECT = re.compile(
    r"^\W*(?:all\s+)?(?:members?\s+of\s+staff|staff(?:\s+members?)?|you|employees?|colleagues?|teachers?|volunteers?|workers?)\s+(?:"
    rf"{MODAL}|are|need|could)\b",
    re.IGNORECASE,
)
_CLAUSE_TURN = re.compile(r"\b(?:that|which|who|whom|if|where|when|unless|so)\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+([a-z]+)", re.IGNORECASE)


def _readers_purposes(statement: str) -> list[str]:
    """The verbs of what a rule's own subject, the reader, does it for ("Staff may use their own
    phones to check social media": the checking is theirs), up to the first clause of another
    subject ("... so that the school can monitor": not theirs)."""
    if _READER_SUBJECT.match(statement) is None:
        return []
    turn = _CLAUSE_TURN.search(statement)
    return [m.group(1) for m in _INFINITIVE.finditer(statement[: turn.start() if turn else len(statement)])]


_OWN_DOING = re.compile(r"\b(?:you|your|yours|yourself|their\s+own|his\s+or\s+her\s+own|own)\b", re.IGNORECASE)
"""Words by which a statement speaks of the reader's own doing."""


@lru_cache(maxsize=4096)
def _names_documents(lead_in: str) -> bool:
    """``names_documents``, once per lead-in (each of its items asks)."""
    return names_documents(lead_in)


@lru_cache(maxsize=4096)
def _others_rules(lead_in: str) -> bool:
    """Whether the sentence that opens a list gives rules for pupils or parents, once per lead-in."""
    return introduces_others_rules(last_sentence(lead_in))


_SCOPE_OR_QUESTION = re.compile(r"\?|\b(?:polic(?:y|ies)|documents?|guidance|agreement)\b|\bit\s+(?:also\s+|only\s+)?(?:applies|covers|does\s+not)\b", re.IGNORECASE)


def _beyond_scope(text: str) -> str:
    """The statement less its sentences that say what the document reaches ("This policy does not
    apply to the school blog") and its questions ("How much do you tell strangers online?"): what
    such a sentence names is the policy's reach, or something to ask about, no rule on it."""
    if _SCOPE_OR_QUESTION.search(text) is None:
        return text
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    kept = [s for s in sentences if not states_scope(s.strip()) and not _asks(s)]
    return text if len(kept) == len(sentences) else " ".join(kept)


_CONTENTS = re.compile(r"\b(?:CONTENTS|[Cc]ontents)\W{0,3}\s1\.?\s+[A-Z]")
"""A table of contents ("Contents 1. Purpose 2. Scope 3. Disciplinary action") names the document's
sections, no rule on what they are about."""


_QUESTION = re.compile(
    r"^\W*(?:(?:for\s+(?:example|instance)|e\.g\.?)\W+)?(?:who|whom|whose|what|which|how|why|when|where|would|could|should|do|does|did|is|are|was|were|can|will|have|has)\b",
    re.IGNORECASE,
)


def _asks(sentence: str) -> bool:
    """Whether a sentence is a question from start to end ("How much do you tell strangers?"),
    not an instruction that ends in one ("Take control of your images: do you want to be tagged?")."""
    return sentence.rstrip(" \"'’”)").endswith("?") and _QUESTION.match(sentence) is not None


_CONTINUES = re.compile(r"^[\W]*(?:this|these|that|those|they|them|it|such|and|but|or|however|also|in\s+(?:this|that|such)\s+cases?)\b", re.IGNORECASE)
"""A statement that opens by pointing back continues the subject of the one before."""
_POINTS_BACK = re.compile(
    r"\b(?:these|those|them|it|this)\b(?=\s*(?:[.,;:)]|$|(?:to|with|on|in|at|for|and|or|as|immediately|promptly|straight\s+away)\b))",
    re.IGNORECASE,
)


_QUOTED = re.compile(r"“([^“”]{1,200})”")


def evidence_words(why: str) -> list[str]:
    """The words a tag was given on, as its reason quotes them ("contact with pupils: “contact”,
    “students”" gives contact and students; a heading's reason, the heading)."""
    return _QUOTED.findall(why)


def _names_again(text: str, why: str) -> bool:
    """Whether a statement with no topic of its own names again a word the statement before was
    tagged on ("... have relationships with parents. Staff can report any such relationships ...")."""
    own = {w.lower() for w in re.findall(r"[\w'-]+", text)}
    return any(len(word) > 3 and word in own for quoted in evidence_words(why) for word in quoted.split())


def refers_back(text: str) -> bool:
    """Whether a statement's object is a pronoun for what the statement before said ("must also
    consider reporting *these* to senior leaders"): it is about what that statement is about."""
    return _POINTS_BACK.search(text) is not None


def pronoun_replaced(text: str, antecedent: str) -> str:
    """The statement with the pronoun ``refers_back`` finds read as the words it stands for."""
    return _POINTS_BACK.sub(lambda _: antecedent, text, count=1)


def _summary(statements: list[Statement]) -> Classification:
    """The clause's topics (the union of its statements') and force (the strongest)."""
    reasons: dict[str, str] = {}
    for statement in statements:
        for topic, why in statement.topic_reasons:
            reasons.setdefault(topic, why)
    strongest = min(statements, key=lambda s: s.force.rank)
    return Classification(
        tuple(TopicTag(t, why) for t, why in reasons.items()), strongest.force, strongest.force_reason, tuple(statements)
    )


def _frame_for(clause: Clause, lead_ins: list[Clause], heading: str, earlier: dict[str, Classification]) -> Frame | None:
    """What the clause's list lead-in, or a heading that acts as one ("Staff must not:"), gives it."""
    if lead_ins:
        known = earlier.get(lead_ins[0].id)
        introducing = last_sentence(lead_ins[0].text)
        if introducing != lead_ins[0].text.strip() and (own := lead_in_frame(introducing)).no_rule:
            # "The school regulates use to ensure ... Principal amongst these risks are:": the
            # sentence that opens the list names risks, whatever the sentence before requires
            return own
        return lead_in_frame(lead_ins[0].text, known.statements[-1].force if known else None)
    if clause.parent is None and heading.rstrip().endswith(":"):
        return lead_in_frame(heading)
    return None


_TITLE = re.compile(r"[A-Z][^.;:!]{0,80}[\w?)]")
"""A short line that could be a section's title: a capital, no sentence's end or lead-in's colon."""
_RUN_OF_TITLES = 4
"""How many titles in a row make a contents list: three short items can be a real list's."""


def _title_like(clause: Clause, by_id: dict[str, Clause]) -> bool:
    """Whether a clause reads as a numbered section title ("2.4 Protection of personal
    information"): a section number, a few words with no rule word, no sentence end, no "No ..." or
    "Never ..." opening, and no lead-in over it (a lead-in's short items complete its sentence)."""
    text = clause.text.strip()
    return (
        clause.number is not None and len(text.split()) <= 8 and _TITLE.fullmatch(text) is not None
        and RULE_WORDS.search(text) is None and _RULE_OPENING.match(text) is None and not _lead_in_chain(clause, by_id)
    )


_RULE_OPENING = re.compile(r"(?:no|never|not|ban|only)\b", re.IGNORECASE)
"""How a short rule opens when it has no modal ("No friending of pupils", "Ban ..."): never a title."""


def _runs_of_titles(clauses: list[Clause], by_id: dict[str, Clause]) -> set[str]:
    """The ids of clauses in runs of at least ``_RUN_OF_TITLES`` section titles in a row ("2.4
    Protection of personal information", "2.5 Communication between pupils and staff", ...): a
    contents list names the sections, each entry no statement on what it is about."""
    found: set[str] = set()
    run: list[str] = []
    for clause in [*clauses, None]:
        if clause is not None and _title_like(clause, by_id):
            run.append(clause.id)
            continue
        if len(run) >= _RUN_OF_TITLES:
            found.update(run)
        run = []
    return found


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
