"""The topic taxonomy: data (a YAML file), read and checked once.

A topic has an id, a label, a plain-English description and the evidence rules the
classifier uses. Rules are written in terms of meaning ("a contact word near a pupil
word"), with named concepts (groups of words for one idea) shared between topics. Adding
a topic is an edit to the YAML.

Terms are plain words or phrases, matched by stem (``matcher.py``): "post" matches
"posts", "posting" and "posted", so no word is listed form by form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .model import PolicyAtlasError
from .yamlread import refuse_aliases

_ID = re.compile(r"[a-z][a-z0-9-]*")
"""An id of a topic, a provision or a section: each is an anchor on a page and a part of an address,
so nothing else gets through (``fullmatch``: "$" would let a final line break in)."""


@dataclass(frozen=True)
class Rule:
    """Fires when every group has a term in the text, all within ``near`` words of each other.

    ``not_among``: terms of another kind; a term of the first group listed together with one
    of them ("a post, comment or photo") names any content, not the first group's idea, and
    does not count for this rule.
    """

    name: str
    groups: tuple[tuple[str, ...], ...]
    near: int | None = None
    not_among: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProvisionKind:
    """Something a topic regulates ("personal contact with pupils"), recognised by its own rules."""

    id: str
    label: str
    rules: tuple[Rule, ...]
    kind: str = "conduct"
    """``conduct`` (what staff must, must not or may do), ``commitment`` (what the school will or
    may do), ``consequence`` (what a breach leads to: any statement of it is one stance, however
    firmly put)."""
    duty: bool = False
    """The act is a duty (consent obtained, official channels used): a prohibition of its
    opposite, or a permission on its condition, states it as required."""
    restriction: bool = False
    """The act is restricted (disclosing, bullying, speaking for the school): a requirement on it
    ("must keep it confidential", "must make clear views are their own") states the restriction."""
    situation: bool = False
    """A different situation (a family relationship): a statement about it is an exception to
    the topic's other rules, never a school's general rule on them."""
    past_unless: bool = False
    """The topic's ``unless`` phrases are this provision's subject ("personal account" never puts
    a statement among official accounts, but "must not use personal accounts for school business"
    is about keeping the two apart): they count when reading it."""
    apart_from: tuple[str, ...] = ()
    """Topics whose statements state another rule, whatever words they share with this one: "will
    not message a pupil via their personal phone" is a rule on contact with pupils that names its
    channel, no rule on using one's own phone at work."""
    on_breach: bool = False
    """The act answers a breach of the policy (investigating breaches), as a consequence does: the
    school's general rule is the statement that names a breach, not one about a single incident
    ("if a pupil is the perpetrator, the situation will be investigated")."""
    unless: tuple[str, ...] = ()
    """Phrases that never count for this provision, though they may for its topic ("private
    information" is personal details to keep back, no warning that whatever is posted can become
    public)."""
    instead: tuple[Rule, ...] = ()
    """The means the organisation provides in place of the provision's own (its cameras and
    devices, in place of staff's own phones): allowing the act *only* by them forbids it by the
    provision's means ("photographs may only be taken on school cameras")."""
    fit: tuple[Rule, ...] = ()
    """What a statement that states exactly this provision names: its act, its object and, where
    it matters, its channel, a rule of one group each. Of a school's statements on the provision,
    those that name the most of them state its rule there: "will not message a pupil via their
    personal phone" names the act and the object but not the channel of "personal contact with
    pupils on social media", which "should not have contact through any social medium with any
    student" names too."""

    @property
    def answers_breach(self) -> bool:
        """Whether the school's general rule here is what follows a breach (see ``on_breach``)."""
        return self.kind == "consequence" or self.on_breach

    @property
    def weighed_as(self) -> str:
        """The kind its forces are weighed as (``compare.agreed_position``): what answers a breach
        is weighed as a consequence is, so "may" and "will" be investigated are one position."""
        return "consequence" if self.answers_breach else self.kind


PROVISION_KINDS = ("conduct", "commitment", "consequence")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    description: str
    core: bool
    rules: tuple[Rule, ...]
    headings: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    provisions: tuple[ProvisionKind, ...] = ()
    staff_only: bool = False
    """The topic is what staff do ("staff use of their own phones"): a rule on pupils or parents
    ("Pupils must hand their phones in") is not in it, whatever its words."""
    organisation_act: bool = False
    """The topic is what the organisation does to staff (monitoring their use): an instruction to
    the reader whose own verb is the topic's word ("Check which account you post with") is the
    reader's care over their own act, no evidence for it."""
    staff_relation: bool = False
    """The topic is a relation of staff to others (their contact with pupils, bullying of or by
    them, the watch kept on them): a duty to care for what the young do ("Talk to your child
    about what they do online", "Watch for signs of bullying") names the young's own acts, and
    is not in it."""
    staff_party: bool = False
    """Staff are a party to what the topic is about (their contact with pupils or parents, the
    watch kept on them): a rule on pupils or parents that names no member of staff ("Children
    may phone home at set times") is outside it."""


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    path: str = ""

    def get(self, topic_id: str) -> Topic | None:
        return self._by_id.get(topic_id)

    @cached_property
    def _by_id(self) -> dict[str, Topic]:
        """Topics by id, made once: every badge on every page looks its topic up."""
        return {t.id: t for t in reversed(self.topics)}  # reversed: the first topic of an id wins

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)


def _read_yaml(path: Path, shown: str, what: str) -> tuple[Any, Any]:
    """A YAML file's data and its composed nodes (for line numbers); a key given twice is an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PolicyAtlasError(shown, f"cannot read {what}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise PolicyAtlasError(shown, f"{what} is not UTF-8") from error
    refuse_aliases(text, shown)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise PolicyAtlasError(shown, f"YAML error: {error.problem}", line) from error
    except yaml.YAMLError as error:  # e.g. a character YAML does not allow
        raise PolicyAtlasError(shown, f"YAML error: {' '.join(str(error).split())}") from error
    _duplicate_keys(node, shown)
    return data, node


def load_taxonomy(path: Path, shown: str | None = None) -> Taxonomy:
    """Read and validate a taxonomy file; errors name the file and the line."""
    shown = shown or str(path)
    data, node = _read_yaml(path, shown, "taxonomy")
    return _read(data, node, shown)


def _key_line(node: Any, *path: str | int) -> int | None:
    """The line of the key at the end of ``path`` (for "unknown key" errors), else of its value."""
    *parents, last = path
    holder = node
    for key in parents:
        if isinstance(holder, yaml.MappingNode):
            holder = next((v for k, v in holder.value if k.value == key), None)
        elif isinstance(holder, yaml.SequenceNode) and isinstance(key, int) and key < len(holder.value):
            holder = holder.value[key]
    if isinstance(holder, yaml.MappingNode):
        for k, _ in holder.value:
            if k.value == last:
                return int(k.start_mark.line) + 1
    return _line_of(node, *path)


def _duplicate_keys(node: Any, shown: str) -> None:
    """A key given twice silently loses its first value in YAML; say so instead."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise PolicyAtlasError(shown, f"key {key.value!r} is given twice", key.start_mark.line + 1)
            seen.add(key.value)
            _duplicate_keys(value, shown)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(item, shown)


def _check_keys(raw: dict[str, Any], allowed: set[str], owner: str, shown: str, node: Any, path: tuple[str | int, ...]) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        expected = ", ".join(sorted(allowed))
        raise PolicyAtlasError(shown, f"{owner}: unknown key {unknown[0]!r} (expected one of: {expected})", _key_line(node, *path, unknown[0]))


def _line_of(node: Any, *keys: str | int) -> int | None:
    """The line of a nested value in the composed YAML, for error messages."""
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1 if node is not None else None


DETERMINERS = ("a", "an", "the", "any", "their", "his", "her", "our", "your", "its", "all", "other", "current", "former")
"""Words that may stand between a preposition and a ``~concept`` in a phrase ("of their pupils")."""


def _expand(term: str, named: dict[str, tuple[str, ...]], where: str, shown: str, line: int | None) -> list[str]:
    """A term with a ``~concept`` word stands for one phrase per term of that concept."""
    words = term.split()
    refs = [i for i, w in enumerate(words) if w.startswith("~")]
    if not refs:
        return [term]
    if len(refs) > 1:
        raise PolicyAtlasError(shown, f"{where}: {term!r}: only one ~concept per term", line)
    index = refs[0]
    concept = named.get(words[index][1:])
    if concept is None:
        raise PolicyAtlasError(shown, f"{where}: {term!r}: unknown concept {words[index][1:]!r}", line)
    before, after = " ".join(words[:index]), " ".join(words[index + 1:])
    fillers = [""] + [f"{d} " for d in DETERMINERS] if before else [""]
    return [f"{before} {filler}{word} {after}".strip() for word in concept for filler in fillers]


MAX_TERMS = 50_000
"""The most terms a concept or a rule's group may stand for once its ``~concepts`` are filled in
(the project's largest has about 5,000). Each ``~concept`` after a word multiplies by the
determiners that may come between, so a chain of five made 1.5 million, and a taxonomy that
took minutes to read."""


def _expanded_count(term: str, named: dict[str, tuple[str, ...]]) -> int:
    """How many terms ``_expand`` makes of ``term``, counted before they are made."""
    words = term.split()
    refs = [i for i, w in enumerate(words) if w.startswith("~")]
    if len(refs) != 1:
        return 1  # none, or an error ``_expand`` names
    return len(named.get(words[refs[0]][1:], ())) * (1 + len(DETERMINERS) if refs[0] else 1)


def _terms(value: Any, named: dict[str, tuple[str, ...]], where: str, shown: str, line: int | None) -> tuple[str, ...]:
    if isinstance(value, str):
        if value in named:
            return named[value]
        raise PolicyAtlasError(shown, f"{where}: unknown concept {value!r}", line)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        wildcard = next((v for v in value if "*" in v), None)
        if wildcard is not None:
            raise PolicyAtlasError(shown, f"{where}: {wildcard!r}: write the plain word; terms are matched by stem, so every ending matches", line)
        count = sum(_expanded_count(v.strip().lower(), named) for v in value)
        if count > MAX_TERMS:
            raise PolicyAtlasError(shown, f"{where}: stands for {count:,} terms once its ~concepts are filled in (at most {MAX_TERMS:,}): use fewer ~concepts inside one another", line)
        return tuple(t for v in value for t in _expand(v.strip().lower(), named, where, shown, line))
    raise PolicyAtlasError(shown, f"{where}: expected a concept name or a list of terms", line)


def _rules(raw: Any, named: dict[str, tuple[str, ...]], owner: str, shown: str, node: Any, path: tuple[str | int, ...]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for r_index, rule in enumerate(raw or []):
        r_line = _line_of(node, *path, r_index)
        if not isinstance(rule, dict) or not isinstance(rule.get("all"), list) or not rule["all"]:
            raise PolicyAtlasError(shown, f"{owner}: each rule needs 'all', a list of term groups", r_line)
        _check_keys(rule, {"name", "all", "near", "not_among"}, f"{owner} rule {r_index + 1}", shown, node, (*path, r_index))
        groups = tuple(_terms(g, named, f"{owner} rule {r_index + 1}", shown, r_line) for g in rule["all"])
        near = rule.get("near")
        if near is not None and (not isinstance(near, int) or near < 1):
            raise PolicyAtlasError(shown, f"{owner}: 'near' must be a positive number of words", r_line)
        not_among = _terms(rule["not_among"], named, f"{owner} rule {r_index + 1} not_among", shown, r_line) if rule.get("not_among") else ()
        rules.append(Rule(str(rule.get("name") or f"rule {r_index + 1}"), groups, near, not_among))
    return tuple(rules)


def _fit(raw: Any, named: dict[str, tuple[str, ...]], owner: str, shown: str, line: int | None) -> tuple[Rule, ...]:
    """A provision's ``fit``: a list of term groups (a concept name or a list of terms), each a
    rule of its own, so a statement is scored by how many of them it names."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise PolicyAtlasError(shown, f"{owner}: expected a list of term groups", line)
    return tuple(Rule(f"fit {index}", (_terms(group, named, owner, shown, line),)) for index, group in enumerate(raw, start=1))


def _read(data: Any, node: Any, shown: str) -> Taxonomy:
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list) or not data["topics"]:
        raise PolicyAtlasError(shown, "expected a mapping with a non-empty 'topics' list", 1)
    _check_keys(data, {"concepts", "topics"}, "taxonomy", shown, node, ())
    raw_terms = data.get("concepts") or {}
    if not isinstance(raw_terms, dict):
        raise PolicyAtlasError(shown, "'concepts' must map names to lists of terms", _line_of(node, "concepts"))
    named: dict[str, tuple[str, ...]] = {}
    for name, value in raw_terms.items():
        # A concept may use one defined above it ("personal ~medium").
        named[str(name)] = _terms(value if isinstance(value, list) else None, dict(named), f"concepts.{name}", shown, _line_of(node, "concepts", str(name)))
    topics: list[Topic] = []
    seen: set[str] = set()
    pending_apart: list[tuple[str, str, int | None]] = []
    for index, raw in enumerate(data["topics"]):
        line = _line_of(node, "topics", index)
        if not isinstance(raw, dict):
            raise PolicyAtlasError(shown, "each topic must be a mapping", line)
        topic_id = raw.get("id")
        if not isinstance(topic_id, str) or not _ID.fullmatch(topic_id):
            raise PolicyAtlasError(shown, f"topic id {topic_id!r} must be lowercase letters, digits and hyphens", line)
        if topic_id in seen:
            raise PolicyAtlasError(shown, f"topic id {topic_id!r} is used twice", line)
        seen.add(topic_id)
        for key in ("label", "description"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise PolicyAtlasError(shown, f"topic {topic_id}: '{key}' is required", line)
        _check_keys(raw, {"id", "label", "description", "core", "rules", "headings", "unless", "provisions", "staff_only", "organisation_act", "staff_relation", "staff_party"}, f"topic {topic_id}", shown, node, ("topics", index))
        rules = _rules(raw.get("rules"), named, f"topic {topic_id}", shown, node, ("topics", index, "rules"))
        kinds: list[ProvisionKind] = []
        for p_index, kind in enumerate(raw.get("provisions") or []):
            p_line = _line_of(node, "topics", index, "provisions", p_index)
            where = ("topics", index, "provisions", p_index)
            if not isinstance(kind, dict) or not all(isinstance(kind.get(k), str) for k in ("id", "label")):
                raise PolicyAtlasError(shown, f"topic {topic_id}: each provision needs 'id', 'label' and 'rules'", p_line)
            if not _ID.fullmatch(kind["id"]):
                raise PolicyAtlasError(shown, f"topic {topic_id}: provision id {kind['id']!r} must be lowercase letters, digits and hyphens", _line_of(node, *where, "id"))
            _check_keys(kind, {"id", "label", "rules", "kind", "duty", "restriction", "situation", "past_unless", "apart_from", "on_breach", "unless", "instead", "fit"}, f"provision {kind['id']}", shown, node, where)
            if kind.get("kind", "conduct") not in PROVISION_KINDS:
                raise PolicyAtlasError(shown, f"provision {kind['id']}: 'kind' must be one of {', '.join(PROVISION_KINDS)}", p_line)
            if any(k.id == kind["id"] for k in kinds):
                raise PolicyAtlasError(shown, f"topic {topic_id}: provision id {kind['id']!r} is used twice", p_line)
            kind_rules = _rules(kind.get("rules"), named, f"provision {kind['id']}", shown, node, (*where, "rules"))
            if not kind_rules:
                raise PolicyAtlasError(shown, f"provision {kind['id']}: at least one rule is required", p_line)
            apart_from = kind.get("apart_from") or []
            if not isinstance(apart_from, list) or not all(isinstance(t, str) for t in apart_from):
                raise PolicyAtlasError(shown, f"provision {kind['id']}: 'apart_from' must be a list of topic ids", p_line)
            pending_apart.extend((t, kind["id"], p_line) for t in apart_from)
            kinds.append(
                ProvisionKind(
                    kind["id"],
                    kind["label"].strip(),
                    kind_rules,
                    kind.get("kind", "conduct"),
                    bool(kind.get("duty")),
                    bool(kind.get("restriction")),
                    bool(kind.get("situation")),
                    bool(kind.get("past_unless")),
                    tuple(apart_from),
                    bool(kind.get("on_breach")),
                    _terms(kind["unless"], named, f"provision {kind['id']} unless", shown, p_line) if kind.get("unless") else (),
                    _rules(kind.get("instead"), named, f"provision {kind['id']} instead", shown, node, (*where, "instead")) if kind.get("instead") else (),
                    _fit(kind.get("fit"), named, f"provision {kind['id']} fit", shown, p_line),
                )
            )
        if not rules:
            raise PolicyAtlasError(shown, f"topic {topic_id}: at least one rule is required", line)
        headings = _terms(raw["headings"], named, f"topic {topic_id} headings", shown, line) if raw.get("headings") else ()
        unless = _terms(raw["unless"], named, f"topic {topic_id} unless", shown, line) if raw.get("unless") else ()
        topics.append(
            Topic(
                topic_id,
                raw["label"].strip(),
                " ".join(raw["description"].split()),
                bool(raw.get("core")),
                rules,
                headings,
                unless,
                tuple(kinds),
                bool(raw.get("staff_only")),
                bool(raw.get("organisation_act")),
                bool(raw.get("staff_relation")),
                bool(raw.get("staff_party")),
            )
        )
    for topic_id, provision_id, p_line in pending_apart:
        if topic_id not in seen:
            raise PolicyAtlasError(shown, f"provision {provision_id}: 'apart_from' names {topic_id!r}, which is no topic id", p_line)
    return Taxonomy(tuple(topics), shown)


@dataclass(frozen=True)
class OutlineSection:
    """A section of the model policy and what it draws on: topics' provisions, or statements
    with no topic under matching headings or meeting its rules."""

    id: str
    title: str
    topics: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    provisions: tuple[ProvisionKind, ...] = ()
    """Things a policy states or not (what the policy covers, what social media means, when the
    policy is reviewed), each recognised by its rules in any statement of a school: the model
    says one when enough schools do, worded as the most typical of them."""

    def as_topic(self) -> Topic:
        """The section read as a topic, so headings and rules match as a topic's do."""
        return Topic(f"outline-{self.id}", self.title, self.title, False, self.rules, self.headings)

    def provision_topic(self, provision: ProvisionKind) -> Topic:
        """One of the section's provisions read as a topic of its own rules."""
        return Topic(f"outline-{self.id}-{provision.id}", provision.label, provision.label, False, provision.rules, unless=provision.unless)


@dataclass(frozen=True)
class Outline:
    """The model policy's sections in order, and the question each provision's drafting note asks."""

    sections: tuple[OutlineSection, ...]
    questions: tuple[tuple[str, str], ...] = ()
    path: str = ""

    def question(self, provision: str) -> str | None:
        return next((q for p, q in self.questions if p == provision), None)


def _stated_provisions(raw: Any, where: str, shown: str, node: Any, path: tuple[str | int, ...]) -> tuple[ProvisionKind, ...]:
    """A section's own provisions: id, label, rules and phrases that never count (``unless``), each
    a thing a policy states or not."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise PolicyAtlasError(shown, f"{where}: 'provisions' must be a list", _line_of(node, *path))
    found: list[ProvisionKind] = []
    for p_index, item in enumerate(raw):
        line = _line_of(node, *path, p_index)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("label"), str) or not item.get("rules"):
            raise PolicyAtlasError(shown, f"{where}: each provision needs an 'id', a 'label' and 'rules'", line)
        _check_keys(item, {"id", "label", "rules", "unless"}, f"{where} provision {item['id']}", shown, node, (*path, p_index))
        if not _ID.fullmatch(item["id"]) or any(k.id == item["id"] for k in found):
            raise PolicyAtlasError(shown, f"{where}: provision id {item['id']!r} must be lowercase letters, digits and hyphens, and used once", line)
        rules = _rules(item["rules"], {}, f"{where} provision {item['id']}", shown, node, (*path, p_index, "rules"))
        unless = _terms(item["unless"], {}, f"{where} provision {item['id']} unless", shown, line) if item.get("unless") else ()
        found.append(ProvisionKind(item["id"], " ".join(item["label"].split()), rules, "stated", unless=unless))
    return tuple(found)


def load_outline(path: Path, taxonomy: Taxonomy, shown: str | None = None) -> Outline:
    """Read and check ``model_outline.yml``: sections, their topics (which must exist), headings and rules."""
    shown = shown or str(path)
    data, node = _read_yaml(path, shown, "model outline")
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list) or not data["sections"]:
        raise PolicyAtlasError(shown, "expected a mapping with a non-empty 'sections' list", 1)
    _check_keys(data, {"sections", "questions"}, "model outline", shown, node, ())
    sections: list[OutlineSection] = []
    for index, raw in enumerate(data["sections"]):
        line = _line_of(node, "sections", index)
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("title"), str):
            raise PolicyAtlasError(shown, "each section needs an 'id' and a 'title'", line)
        where = f"section {raw['id']}"
        _check_keys(raw, {"id", "title", "topics", "headings", "rules", "provisions"}, where, shown, node, ("sections", index))
        if not _ID.fullmatch(raw["id"]) or any(s.id == raw["id"] for s in sections):
            raise PolicyAtlasError(shown, f"{where}: the id must be lowercase letters, digits and hyphens, and used once", line)
        topics = tuple(raw.get("topics") or ())
        unknown = [t for t in topics if taxonomy.get(t) is None]
        if unknown:
            raise PolicyAtlasError(shown, f"{where}: unknown topic {unknown[0]!r} (not in {taxonomy.path or 'the taxonomy'})", line)
        headings = _terms(raw["headings"], {}, f"{where} headings", shown, line) if raw.get("headings") else ()
        rules = _rules(raw.get("rules"), {}, where, shown, node, ("sections", index, "rules"))
        provisions = _stated_provisions(raw.get("provisions"), where, shown, node, ("sections", index, "provisions"))
        if not (topics or headings or rules or provisions):
            raise PolicyAtlasError(shown, f"{where}: draws on nothing; give 'topics', 'headings', 'rules' or 'provisions'", line)
        if topics and provisions:
            raise PolicyAtlasError(shown, f"{where}: a section of topics takes its provisions from the taxonomy; give 'provisions' only to a section of headings or rules", line)
        sections.append(OutlineSection(raw["id"], raw["title"].strip(), topics, headings, rules, provisions))
    raw_questions = data.get("questions") or {}
    if not isinstance(raw_questions, dict) or not all(isinstance(v, str) for v in raw_questions.values()):
        raise PolicyAtlasError(shown, "'questions' must map provision ids to questions", _line_of(node, "questions"))
    known = {f"{t.id}/{k.id}" for t in taxonomy.topics for k in t.provisions}
    stray = sorted(set(raw_questions) - known)
    if stray and taxonomy.topics:
        raise PolicyAtlasError(shown, f"questions: unknown provision {stray[0]!r}", _key_line(node, "questions", stray[0]))
    return Outline(tuple(sections), tuple((str(k), " ".join(v.split())) for k, v in raw_questions.items()), shown)
