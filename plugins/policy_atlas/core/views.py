"""View models: what each generated page says, with every decision already made.

The plugin renders these through Jinja2 templates, which only lay them out. Everything a
reader is told is decided here: which statement is the reference wording, which pairs get a
redline, agreement figures, summary sentences, which gaps are shown and with what evidence.
``matrix.json`` is written from the same view models, so the data and the pages agree.

Pages link to each other through ``Ref`` (a kind of page, a key, an anchor); the plugin owns
the paths and URLs those become.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from collections import defaultdict
from itertools import islice, zip_longest
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from .compare import OTHER_WAY_ROUND, STATING, Gap, Matrix, Member, Provision, SharedPassage, Stance, TopicRow, situation_reading
from .merge import DraftingNote, ModelClause, ModelPolicy, Source
from .corpus import SchoolPolicy
from .model import STANCE_VERBS, Diagnostic, Force, PolicyDate, stance_verbs
from .redline import Change, redline, similarity
from .render import group_of, review_overdue
from .taxonomy import Taxonomy
from .text import clause_label, clause_number, opening

if TYPE_CHECKING:
    from .changeviews import SiteChanges  # which builds its views from this module's Ref

SCROLL_AFTER = 7
"""Past this many schools a matrix no longer fits the page's width: it scrolls in a box of its own."""

REDLINE_MIN_SIMILARITY = 0.3
"""Below this share of words in common a redline is all crossings-out; the statement is shown plain."""

SCHOOLS_PER_PAGE = 25
"""Past this many schools the matrix and each topic page come in parts of this many schools (in
slug order), each part a page: a page's size never grows with the number of schools."""

EXCERPTS_PER_PAGE = 150
"""The shared-wording page comes in parts of about this many quoted sentences each."""

NAMES_LISTED = 12
"""On the model policy page a list of schools longer than this (a clause's other sources, who
holds an alternative, who is silent) shows this many and a count; the downloads list them all."""

STATEMENTS_LISTED = 60
"""A drafting note on other wording lists at most this many statements on the page; the downloads list them all."""

ForceCounts = tuple[tuple[Force, int], ...]


class PageKind(Enum):
    """The kinds of page a view links to; the plugin maps each to a path in the site."""

    SCHOOL = "school"
    SCHOOLS = "schools"
    MATRIX = "matrix"
    TOPIC = "topic"
    GAPS = "gaps"
    SHARED = "shared"
    MODEL = "model"
    DATA = "data"
    DOWNLOAD = "download"
    FINDER = "finder"
    CHANGES = "changes"
    """What changed between versions: a school's page (key: its slug), or the site's (no key)."""


@dataclass(frozen=True)
class Ref:
    """A link target: a page (kind and key, e.g. a topic id or a school slug) and an anchor on it."""

    kind: PageKind
    key: str = ""
    fragment: str = ""
    part: int = 1
    """Which part of a page split into parts (the matrix, a topic page, shared wording)."""


@dataclass(frozen=True)
class Paging:
    """How a page with a column or a section per school is split: runs of ``per_page`` schools."""

    schools: tuple[str, ...]
    per_page: int = SCHOOLS_PER_PAGE

    @property
    def split(self) -> bool:
        return len(self.schools) > self.per_page

    def chunks(self) -> tuple[tuple[str, ...], ...]:
        if not self.split:
            return (self.schools,)
        return tuple(self.schools[start:start + self.per_page] for start in range(0, len(self.schools), self.per_page))

    @cached_property
    def _index(self) -> dict[str, int]:
        return {slug: index for index, slug in enumerate(self.schools)}

    def part(self, slug: str) -> int:
        """The part that shows the school's column or section."""
        return self._index.get(slug, 0) // self.per_page + 1 if self.split else 1


@dataclass(frozen=True)
class PartLink:
    label: str
    description: str
    ref: Ref
    current: bool


@dataclass(frozen=True)
class Pager:
    """The parts of a page split into parts, and which one is this. Of many parts it links the
    first, the last and those near this one; ``None`` stands where parts are left out, so the
    pager stays a line however many parts there are."""

    parts: tuple[PartLink | None, ...] = ()
    count: int = 0

    @property
    def split(self) -> bool:
        return self.count > 1


PAGER_NEAR = 2
"""A pager links the parts up to this many before and after the current one (and the first and last)."""


def _pager(refs: list[Ref], labels: list[tuple[str, str]], current: int) -> Pager:
    linked = {1, len(refs), *range(current - PAGER_NEAR, current + PAGER_NEAR + 1)}
    parts: list[PartLink | None] = []
    for n, (ref, (label, described)) in enumerate(zip(refs, labels, strict=True), start=1):
        if n in linked:
            parts.append(PartLink(label, described, ref, n == current))
        elif parts[-1] is not None:
            parts.append(None)
    return Pager(tuple(parts), len(refs))


def listed(names: list[str] | tuple[str, ...], limit: int = NAMES_LISTED, total: int | None = None) -> str:
    """Names joined, at most ``limit`` of them and then how many more: "A, B and 40 others".
    ``total`` is how many there are when ``names`` holds only the first of them."""
    total = len(names) if total is None else total
    if total <= limit:
        return ", ".join(names[:limit])
    more = total - limit
    return f"{', '.join(names[:limit])} and {more} other{'s' if more > 1 else ''}"


def statement_ref(member: Member) -> Ref:
    return Ref(PageKind.SCHOOL, member.school, member.anchor or member.statement.id)


def provision_anchor(kind: str) -> str:
    return f"provision-{kind}"


def school_anchor(slug: str) -> str:
    return f"school-{slug}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def percent(value: float) -> int:
    return round(100 * value)


# Statements as quoted on a page ---------------------------------------------------------------


@dataclass(frozen=True)
class Redlines:
    """What a page's statements compared word by word come to: the legend is shown only when a
    redline is, and the statements too unlike their wording for one are counted once."""

    shown: int
    unlike: int

    @classmethod
    def of(cls, statements: Iterable[StatementView]) -> Redlines:
        shown = unlike = 0
        for statement in statements:
            shown += bool(statement.redline)
            unlike += statement.unlike
        return cls(shown, unlike)


@dataclass(frozen=True)
class StatementView:
    """A statement as a page quotes it: who says it, where it is, its force, its words.

    When ``redline`` is not empty it is shown instead of ``text``: the statement's words
    against the reference wording. ``notes`` are short tags ("reference wording", "repeat").
    ``again`` is where the school states these words again, word for word (the first
    ``AGAIN_SHOWN``); ``again_more``, how many more times, all on ``school_ref``'s page.
    """

    school: str
    label: str
    ref: Ref
    force: Force
    text: str
    redline: tuple[Change, ...] = ()
    notes: tuple[str, ...] = ()
    again: tuple[WordedAlike, ...] = ()
    again_more: int = 0
    school_ref: Ref | None = None
    unlike: bool = False
    """Compared with a wording it shares too few words with for a redline to read: shown as written
    (the page says so once, not on every such statement)."""


AGAIN_SHOWN = 20
"""How many word-for-word repeats of a statement a quotation links to; the rest are counted
(a policy that says one thing thousands of times would otherwise fill the page with links)."""


def _label(name: str, number: str | None, clause_id: str) -> str:
    """"Northgate Primary School, clause 4.2 b)": a school's clause named so it reads alone."""
    return f"{name}, clause {clause_number(number, clause_id)}" if number else name


def quote(
    member: Member, names: Mapping[str, str], notes: tuple[str, ...] = (), against: str | None = None, force: Force | None = None
) -> StatementView:
    """A statement quoted, redlined against ``against`` when the two share enough words to read as
    one; ``force``, when given, is the stance it states on a provision (the badge shows that)."""
    changes: tuple[Change, ...] = ()
    unlike = False
    if against is not None:
        if similarity(against, member.text) >= REDLINE_MIN_SIMILARITY:
            changes = redline(against, member.text)
        else:
            unlike = True
    return StatementView(
        member.school, _label(names[member.school], member.clause.number, member.clause.id), statement_ref(member), force or member.force, member.text, changes, notes,
        unlike=unlike,
    )


# Summary sentences -----------------------------------------------------------------------------

def summary(label: str, counts: ForceCounts, silent: int, kind: str = "conduct", excepting: int = 0) -> str:
    """A provision's stances in one sentence, the provision named once, by the grammar of its kind.

    A rule (conduct; a commitment, with its own verbs: "4 schools commit to investigating
    breaches; 1 allows for it"): the largest group first (ties: the stronger force), then the
    others, then how many of them make exceptions, then the silent: "All 5 schools prohibit
    personal contact with pupils on social media; 2 of them make an exception." A consequence:
    every school that states it agrees, with how firmly in brackets: "4 schools say a breach can
    lead to disciplinary action (3 that it may, 1 that it will); 1 is silent."
    """
    everyone = sum(c for _, c in counts) + silent
    if kind == "consequence":
        stating = sum(c for f, c in counts if f in STATING)
        parts = []
        if stating:
            may = sum(c for f, c in counts if f in STATING and f is not Force.REQUIRED)
            will = stating - may
            firmness = " and ".join(
                part for part in (f"{may} that it may" if may else "", f"{will} that it will" if will else "") if part
            )
            who = _schools(stating, everyone)
            parts.append(f"{who} {'say' if stating > 1 else 'says'} a breach can lead to {label} ({firmness})")
        others = [(f, c) for f, c in counts if f not in STATING]
        parts += _stance_parts(label if not parts else "it", others, everyone, first=not parts)
        if silent:
            parts.append(f"{silent} {'is' if silent == 1 else 'are'} silent")
        return "; ".join(parts) + "."
    parts = _stance_parts(label, list(counts), everyone, verbs=stance_verbs(kind))
    if excepting:
        parts.append(f"{excepting} of them {'makes' if excepting == 1 else 'make'} an exception for another situation")
    if silent:
        parts.append(f"{silent} {'is' if silent == 1 else 'are'} silent")
    return "; ".join(parts) + "."


def _schools(count: int, everyone: int) -> str:
    """The subject of a summary: "All 5 schools" when every school compared is meant, else "2 schools", "1 school"."""
    return f"All {count} schools" if count == everyone and count > 1 else f"{count} school{'' if count == 1 else 's'}"


def _stance_parts(
    label: str, counts: list[tuple[Force, int]], everyone: int, first: bool = True, verbs: Mapping[Force, tuple[str, str, str]] = STANCE_VERBS
) -> list[str]:
    """ "2 schools prohibit <label>", "1 allows it subject to conditions" ...: the largest group first."""
    parts = []
    ordered = sorted(counts, key=lambda fc: (-fc[1], fc[0].rank))
    for index, (force, count) in enumerate(ordered):
        singular, plural, tail = verbs[force]
        who = str(count) if index or not first else _schools(count, everyone)
        parts.append(f"{who} {singular if count == 1 else plural} {label if index == 0 else 'it'}{tail}")
    return parts


# The matrix and the topic pages ----------------------------------------------------------------


@dataclass(frozen=True)
class SchoolHead:
    slug: str
    name: str


@dataclass(frozen=True)
class OverviewCell:
    """A school's statements on a topic, counted by force, and the provisions where it differs."""

    slug: str
    school: str
    statements: tuple[str, ...]
    forces: ForceCounts
    differs: tuple[str, ...]
    ref: Ref

    @property
    def silent(self) -> bool:
        return not self.statements


@dataclass(frozen=True)
class OverviewRow:
    topic: str
    label: str
    ref: Ref
    cells: tuple[OverviewCell, ...]
    covering: int
    agreement: int | None
    """Percent of stances that give a provision its most common force (provisions two or more schools address)."""


@dataclass(frozen=True)
class StanceCell:
    """A school's stance on a provision, as the provision matrix shows it (``force`` None: silent)."""

    slug: str
    school: str
    force: Force | None
    ref: Ref | None = None
    statement: str | None = None
    repeats: tuple[str, ...] = ()
    differs: bool = False
    exceptions: tuple[str, ...] = ()
    """The statements of the school that allow, in another situation, what its rule restricts."""


@dataclass(frozen=True)
class ProvisionView:
    id: str
    kind: str
    anchor: str
    label: str
    heading: str
    summary: str
    agree: int
    addressing: int
    common: Force
    cells: tuple[StanceCell, ...]
    reference: str
    statements: tuple[StatementView, ...]
    silent: tuple[str, ...]
    rule_kind: str = "conduct"
    """What the provision rules on: staff conduct, a commitment of the school, or a consequence
    (its summary's grammar: ``summary``)."""


@dataclass(frozen=True)
class OtherStatements:
    slug: str
    school: str
    anchor: str
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class TopicView:
    topic: str
    label: str
    description: str
    ref: Ref
    schools: tuple[SchoolHead, ...]
    covering: int
    agreement: int | None
    provisions: tuple[ProvisionView, ...]
    others: tuple[OtherStatements, ...]
    matrix_ref: Ref
    pager: Pager = Pager()
    part_label: str = ""
    """Which schools a part after the first shows ("schools 26–50"); the first part is the page itself."""
    compared: int = 0
    """How many schools are compared in all (``schools`` are those of this part)."""

    @property
    def scrolls(self) -> bool:
        return len(self.schools) > SCROLL_AFTER

    @property
    def redlines(self) -> Redlines:
        """Whether the page shows a redline at all, and how many statements it shows as written."""
        return Redlines.of(s for p in self.provisions for s in p.statements)

    @property
    def title(self) -> str:
        return f"{self.label} ({self.part_label})" if self.part_label else self.label


@dataclass(frozen=True)
class MatrixView:
    schools: tuple[SchoolHead, ...]
    rows: tuple[OverviewRow, ...]
    forces: tuple[Force, ...]
    data_ref: Ref
    pager: Pager = Pager()
    part_label: str = ""

    @property
    def scrolls(self) -> bool:
        return len(self.schools) > SCROLL_AFTER

    @property
    def title(self) -> str:
        return f"Topic matrix ({self.part_label})" if self.part_label else "Topic matrix"


def _stance_cell(provision: Provision, slug: str, name: str) -> StanceCell:
    stance = provision.stance(slug)
    if stance is None:
        return StanceCell(slug, name, None)
    return StanceCell(
        slug,
        name,
        stance.force,
        statement_ref(stance.member),
        stance.member.id,
        tuple(m.id for m in stance.repeats),
        provision.differs(slug),
        tuple(m.id for m in stance.exceptions),
    )


def _where(member: Member, quoted: Member) -> str:
    """Where in its policy a repeat of the ``quoted`` statement is: its clause number, else the
    first heading of its path that is not the quoted statement's (its words would only repeat
    the quotation), else its first words."""
    clause = member.clause
    if clause.number or not clause.heading:
        return clause_label(clause.number, clause.text, clause.id)
    for mine, theirs in zip_longest(clause.heading, quoted.clause.heading):
        if mine != theirs:
            return f"under “{opening(mine or clause.heading[-1], 10)}”"
    return "elsewhere under the same heading"


def _stance_statements(provision: Provision, stance: Stance, names: Mapping[str, str]) -> list[StatementView]:
    """A school's stance quoted against the reference wording, then each repeat against the stance."""
    reference = provision.reference
    member = stance.member
    notes: tuple[str, ...] = ()
    if stance.force is not member.force:
        notes += (f"read on this provision as “{stance.force.words}”: {stance.why or OTHER_WAY_ROUND}",)
    typical = provision.stance(reference.school)
    if typical is not None and provision.position(stance.force) is not provision.position(typical.force):
        notes += ("a different stance",)
    same = " ".join(member.text.split())
    again: list[Member] = []
    reworded: list[Member] = []
    for repeat in stance.repeats:
        (again if " ".join(repeat.text.split()) == same else reworded).append(repeat)
    shown = [quote(member, names, ("reference wording", *notes), force=stance.force) if member == reference else quote(member, names, notes, reference.text, stance.force)]
    if again:
        links = tuple(WordedAlike(_where(m, member), statement_ref(m)) for m in again[:AGAIN_SHOWN])
        shown[0] = replace(shown[0], again=links, again_more=len(again) - len(links), school_ref=Ref(PageKind.SCHOOL, member.school))
    shown += [quote(m, names, ("repeat: the same rule stated again",), member.text) for m in reworded]
    for exception in stance.exceptions:
        force, why = situation_reading(exception)
        read_as = (f"read on this provision as “{force.words}”: {why}",) if why else ()
        shown.append(quote(exception, names, ("exception: allows it in another situation", *read_as), force=force))
    return shown


def provision_view(provision: Provision, schools: tuple[SchoolHead, ...], names: Mapping[str, str]) -> ProvisionView:
    reference = provision.stance(provision.reference.school)
    assert reference is not None
    statements = _stance_statements(provision, reference, names)
    for stance in provision.stances:
        if stance is not reference:
            statements += _stance_statements(provision, stance, names)
    common, agree = provision.plurality()
    silent = tuple(s.name for s in schools if provision.stance(s.slug) is None)
    return ProvisionView(
        provision.id,
        provision.kind,
        provision_anchor(provision.kind),
        provision.label,
        capitalised(provision.label),
        summary(provision.label, provision.force_counts(), len(silent), provision.rule_kind, sum(1 for s in provision.stances if s.exceptions)),
        agree,
        len(provision.stances),
        common,
        tuple(_stance_cell(provision, s.slug, s.name) for s in schools),
        provision.reference.id,
        tuple(statements),
        silent,
        provision.rule_kind,
    )


def _topic_label(taxonomy: Taxonomy, topic: str) -> tuple[str, str]:
    found = taxonomy.get(topic)
    return (found.label, found.description) if found else (topic, "")


def topic_view(row: TopicRow, matrix: Matrix, taxonomy: Taxonomy, names: Mapping[str, str]) -> TopicView:
    schools = tuple(SchoolHead(s, names[s]) for s in matrix.schools)
    label, description = _topic_label(taxonomy, row.topic)
    others = tuple(
        OtherStatements(slug, names[slug], school_anchor(slug), tuple(quote(m, names) for m in members)) for slug, members in row.others
    )
    return TopicView(
        row.topic,
        label,
        description,
        Ref(PageKind.TOPIC, row.topic),
        schools,
        len(row.covering),
        None if row.force_agreement is None else percent(row.force_agreement),
        tuple(provision_view(p, schools, names) for p in row.provisions),
        others,
        Ref(PageKind.MATRIX),
        compared=len(schools),
    )


def matrix_view(matrix: Matrix, taxonomy: Taxonomy, names: Mapping[str, str], paging: Paging | None = None) -> MatrixView:
    paging = paging or Paging(matrix.schools)
    rows = []
    for row in matrix.rows:
        label, _ = _topic_label(taxonomy, row.topic)
        cells = tuple(
            OverviewCell(
                cell.school,
                names[cell.school],
                tuple(m.id for m in cell.statements),
                cell.force_counts(),
                tuple(p.label for p in row.differs(cell.school)),
                Ref(PageKind.TOPIC, row.topic, "provision-matrix", paging.part(cell.school)),
            )
            for cell in row.cells
        )
        agreement = None if row.force_agreement is None else percent(row.force_agreement)
        rows.append(OverviewRow(row.topic, label, Ref(PageKind.TOPIC, row.topic), cells, len(row.covering), agreement))
    return MatrixView(tuple(SchoolHead(s, names[s]) for s in matrix.schools), tuple(rows), tuple(Force), Ref(PageKind.DATA, "matrix.json"))


@dataclass(frozen=True)
class _Part:
    """One part of a page split by schools: its number, its schools, its pager and its label."""

    number: int
    schools: frozenset[str]
    pager: Pager
    label: str


def _school_parts(paging: Paging, names: Mapping[str, str], ref: Callable[[int], Ref]) -> list[_Part]:
    """The parts of a page split by ``paging``, labelled "schools 1–25" (the first part, the page
    itself, unlabelled); ``ref(n)`` is where part n is."""
    chunks = paging.chunks()
    labels, start = [], 1
    for chunk in chunks:
        end = start + len(chunk) - 1
        labels.append((f"schools {start}–{end}", f"{names[chunk[0]]} to {names[chunk[-1]]}") if end > start else (f"school {start}", names[chunk[0]]))
        start = end + 1
    refs = [ref(n) for n in range(1, len(chunks) + 1)]
    return [
        _Part(n, frozenset(chunk), _pager(refs, labels, n), labels[n - 1][0] if n > 1 else "")
        for n, chunk in enumerate(chunks, start=1)
    ]


def matrix_parts(view: MatrixView, paging: Paging, names: Mapping[str, str]) -> tuple[MatrixView, ...]:
    """The matrix as pages of ``paging.per_page`` schools' columns each (one page when it fits)."""
    if not paging.split:
        return (view,)
    return tuple(
        replace(
            view,
            schools=tuple(s for s in view.schools if s.slug in part.schools),
            rows=tuple(replace(row, cells=tuple(c for c in row.cells if c.slug in part.schools)) for row in view.rows),
            pager=part.pager,
            part_label=part.label,
        )
        for part in _school_parts(paging, names, lambda n: Ref(PageKind.MATRIX, part=n))
    )


def _provision_part(provision: ProvisionView, keep: frozenset[str]) -> ProvisionView:
    """A provision as a part of its topic page shows it: the reference wording, then the part's schools."""
    statements = [s for s in provision.statements if s.school in keep]
    reference = provision.statements[0] if provision.statements else None
    if reference is not None and reference.school not in keep:
        statements.insert(0, reference)
    cells = tuple(c for c in provision.cells if c.slug in keep)
    return replace(provision, cells=cells, statements=tuple(statements), silent=tuple(c.school for c in cells if c.force is None))


def topic_parts(view: TopicView, paging: Paging, names: Mapping[str, str]) -> tuple[TopicView, ...]:
    """A topic page as pages of ``paging.per_page`` schools each: every part has every provision,
    its summary and reference wording, and the part's schools' stances and statements."""
    if not paging.split:
        return (view,)
    return tuple(
        replace(
            view,
            ref=Ref(PageKind.TOPIC, view.topic, part=part.number),
            schools=tuple(s for s in view.schools if s.slug in part.schools),
            provisions=tuple(_provision_part(p, part.schools) for p in view.provisions),
            others=tuple(o for o in view.others if o.slug in part.schools),
            matrix_ref=Ref(PageKind.MATRIX, part=part.number),
            pager=part.pager,
            part_label=part.label,
        )
        for part in _school_parts(paging, names, lambda n: Ref(PageKind.TOPIC, view.topic, part=n))
    )


def matrix_json(matrix: MatrixView, topics: tuple[TopicView, ...]) -> str:
    """The matrix as data, from the views the pages are rendered from."""
    by_topic = {t.topic: t for t in topics}
    out = []
    for row in matrix.rows:
        topic = by_topic[row.topic]
        out.append(
            {
                "id": row.topic,
                "label": row.label,
                "coverage": round(row.covering / len(matrix.schools), 4) if matrix.schools else 0.0,
                "force_agreement": None if row.agreement is None else row.agreement / 100,
                "cells": {
                    c.slug: {
                        "statements": list(c.statements),
                        "forces": {force.value: count for force, count in c.forces},
                        "differs": list(c.differs),
                    }
                    for c in row.cells
                },
                "provisions": [
                    {
                        "id": p.id,
                        "label": p.label,
                        "summary": p.summary,
                        "reference": p.reference,
                        "agreement": {"agree": p.agree, "of": p.addressing, "force": p.common.value},
                        "stances": {
                            c.slug: None
                            if c.force is None
                            else {
                                "force": c.force.value,
                                "statement": c.statement,
                                "repeats": list(c.repeats),
                                "exceptions": list(c.exceptions),
                                "differs": c.differs,
                            }
                            for c in p.cells
                        },
                    }
                    for p in topic.provisions
                ],
                "other_statements": {o.slug: [s.ref.fragment for s in o.statements] for o in topic.others},
            }
        )
    data = {
        "version": 3,
        "schools": [s.slug for s in matrix.schools],
        "topics": out,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# Gap reports -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingView:
    anchor: str
    heading: str
    topic: str
    ref: Ref
    others: int
    nearest: StatementView | None
    similarity: int
    typical: StatementView


@dataclass(frozen=True)
class OutlierView:
    anchor: str
    heading: str
    topic: str
    ref: Ref
    others: int
    usual: Force
    usual_count: int
    mine: StatementView
    typical: StatementView


@dataclass(frozen=True)
class ModelDiffView:
    """A model clause the school lacks (``mine`` None) or words differently (``mine`` redlined against it)."""

    number: str
    ref: Ref
    text: str
    force: Force
    mine: StatementView | None


@dataclass(frozen=True)
class GapsView:
    slug: str
    school: str
    others: int
    missing: tuple[MissingView, ...]
    outliers: tuple[OutlierView, ...]
    model_missing: tuple[ModelDiffView, ...] = ()
    model_different: tuple[ModelDiffView, ...] = ()
    model_ref: Ref | None = None

    @property
    def title(self) -> str:
        return f"Gaps: {self.school}"

    @property
    def model_redlines(self) -> Redlines:
        """Whether the model section shows a redline at all, and how many statements it shows as written."""
        return Redlines.of(c.mine for c in self.model_different if c.mine is not None)


def _typical_other(provision: Provision, school: str, force: Force) -> Stance:
    """What the other schools say with the usual force: the reference wording when it is one of
    theirs, else the stance of that force most like it."""
    wanted = [s for s in provision.stances if s.school != school and provision.position(s.force) is force]
    for stance in wanted:
        if stance.member == provision.reference:
            return stance
    return sorted(wanted, key=lambda s: (-provision.scores.get(s.member.id, 0.0), s.member.id))[0]


def gaps_view(
    slug: str, gaps: tuple[Gap, ...], matrix: Matrix, taxonomy: Taxonomy, names: Mapping[str, str], paging: Paging | None = None
) -> GapsView:
    part = (paging or Paging(matrix.schools)).part(slug)
    missing, outliers = [], []
    for gap in gaps:
        provision = gap.provision
        topic, _ = _topic_label(taxonomy, provision.topic)
        anchor = f"{provision.topic}--{provision.kind}"
        ref = Ref(PageKind.TOPIC, provision.topic, provision_anchor(provision.kind), part)
        if gap.kind == "missing":
            if gap.nearest is None:
                nearest, similarity_shown = None, 0
                typical = quote(provision.reference, names, ("reference wording",))
            else:
                nearest = quote(gap.nearest.member, names, ("this school's closest statement",))
                similarity_shown = percent(gap.nearest.similarity)
                typical = quote(gap.nearest.to, names, ("what it comes closest to",))
            missing.append(MissingView(anchor, capitalised(provision.label), topic, ref, gap.others, nearest, similarity_shown, typical))
        else:
            assert gap.usual is not None
            mine = provision.stance(slug)
            assert mine is not None
            usual_count = sum(1 for s in provision.stances if provision.position(s.force) is gap.usual)
            other = _typical_other(provision, slug, gap.usual)
            typical = quote(other.member, names, ("typical wording",), force=other.force)
            outliers.append(
                OutlierView(
                    anchor, capitalised(provision.label), topic, ref, gap.others, gap.usual, usual_count,
                    quote(mine.member, names, ("this school",), force=mine.force), typical,
                )
            )
    return GapsView(slug, names[slug], len(matrix.schools) - 1, tuple(missing), tuple(outliers))


def against_model(view: GapsView, model: ModelPolicy, agreeing: Mapping[str, Mapping[str, Source]] | None = None) -> GapsView:
    """The gap report with the model clauses the school lacks, and those it words differently
    (its own statement shown against the model's words), so a revision can start there.
    ``agreeing`` (from ``agreeing_by_school``) saves looking through every clause's sources."""
    agreeing = agreeing if agreeing is not None else agreeing_by_school(model)
    lacking, different = [], []
    for clause in model.clauses:
        ref = Ref(PageKind.MODEL, "", clause.id)
        mine = agreeing[clause.id].get(view.slug)
        if mine is None:
            lacking.append(ModelDiffView(clause.number, ref, clause.text, clause.force, None))
        elif mine.statement != clause.source.statement:
            notes = ("different force",) if mine.force is not clause.force else ()
            if similarity(clause.text, mine.text) >= REDLINE_MIN_SIMILARITY:
                shown = StatementView(view.slug, _label(mine.name, mine.number, mine.clause), Ref(PageKind.SCHOOL, mine.school, mine.anchor), mine.force, mine.text, redline(clause.text, mine.text), notes)
            else:
                shown = StatementView(view.slug, _label(mine.name, mine.number, mine.clause), Ref(PageKind.SCHOOL, mine.school, mine.anchor), mine.force, mine.text, (), notes, unlike=True)
            different.append(ModelDiffView(clause.number, ref, clause.text, clause.force, shown))
    return replace(view, model_missing=tuple(lacking), model_different=tuple(different), model_ref=Ref(PageKind.MODEL))


def agreeing_by_school(model: ModelPolicy) -> dict[str, dict[str, Source]]:
    """For each model clause, each school's first statement among its sources."""
    found: dict[str, dict[str, Source]] = {}
    for clause in model.clauses:
        mine: dict[str, Source] = {}
        for source in clause.agreeing:
            mine.setdefault(source.school, source)
        found[clause.id] = mine
    return found


# Shared wording ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordedAlike:
    """Words that are word for word a wording already quoted (another school's sentence, or the
    same school saying it again): named and linked, not quoted again."""

    label: str
    ref: Ref


@dataclass(frozen=True)
class WordingView:
    """One wording of a shared passage: quoted once, for the first school that uses it (redlined
    against the passage's first wording), and every other school that words it exactly so."""

    quoted: StatementView
    alike: tuple[WordedAlike, ...] = ()


@dataclass(frozen=True)
class PassageView:
    index: int
    schools: str
    excerpts: tuple[WordingView, ...]
    continued: bool = False
    """The passage began on the part before: its first sentence (the one others are redlined against) is there."""


@dataclass(frozen=True)
class SharedWordingView:
    passages: tuple[PassageView, ...]
    pager: Pager = Pager()
    part_label: str = ""
    found: int = 0
    """How many passages there are in all (a part holds some of them)."""

    @property
    def title(self) -> str:
        return f"Shared wording ({self.part_label})" if self.part_label else "Shared wording"


PASSAGE_HEADING_NAMES = 4
"""A shared passage's heading names this many of its schools, then a count (the body names them all)."""

ALIKE_PER_QUOTE = 10
"""In paging the shared wording, this many schools named under a wording weigh as one quotation."""


def _weight(wording: WordingView) -> int:
    return 1 + len(wording.alike) // ALIKE_PER_QUOTE


def shared_parts(view: SharedWordingView, per_page: int = EXCERPTS_PER_PAGE) -> tuple[SharedWordingView, ...]:
    """The shared-wording page as pages of about ``per_page`` quotations (the schools named under
    a wording count too); a passage is cut only when it is longer than a page on its own, and
    goes on at the top of the next."""
    pages: list[list[PassageView]] = [[]]
    room = per_page
    for passage in view.passages:
        wordings, continued = passage.excerpts, False
        while wordings:
            if pages[-1] and sum(_weight(w) for w in wordings) > room:
                pages.append([])
                room = per_page
            taken, used = 0, 0
            for wording in wordings:
                if taken and used + _weight(wording) > room:
                    break
                taken, used = taken + 1, used + _weight(wording)
            pages[-1].append(replace(passage, excerpts=wordings[:taken], continued=continued))
            room -= used
            wordings, continued = wordings[taken:], True
    if len(pages) == 1:
        return (view,)
    refs = [Ref(PageKind.SHARED, part=n) for n in range(1, len(pages) + 1)]
    labels = [
        (f"passages {page[0].index}–{page[-1].index}", f"{len(page)} passages") if page[-1].index > page[0].index else (f"passage {page[0].index}", "1 passage")
        for page in pages
    ]
    return tuple(
        replace(view, passages=tuple(page), pager=_pager(refs, labels, n), part_label=labels[n - 1][0] if n > 1 else "")
        for n, page in enumerate(pages, start=1)
    )


def shared_wording_view(passages: tuple[SharedPassage, ...], names: Mapping[str, str]) -> SharedWordingView:
    """Each passage's wordings: the first as written, each other redlined against it, and under
    each the schools that word it exactly so. A model policy adopted by hundreds of schools is
    then one quotation and a list of names, not hundreds of identical quotations."""
    shown = []
    for index, passage in enumerate(passages, start=1):
        first = passage.excerpts[0]
        wordings: dict[str, tuple[StatementView, list[WordedAlike]]] = {}
        named: set[tuple[str, str]] = set()  # a school named under a wording once, at its first clause
        for (school, clause), excerpt in zip(passage.members, passage.excerpts, strict=True):
            label, ref = _label(names[school], clause.number, clause.id), Ref(PageKind.SCHOOL, school, clause.id)
            if excerpt not in wordings:
                changes = () if not wordings else redline(first, excerpt)
                wordings[excerpt] = (StatementView(school, label, ref, Force.of(clause.force), excerpt, changes), [])
            elif (excerpt, school) not in named:
                wordings[excerpt][1].append(WordedAlike(label, ref))
            named.add((excerpt, school))
        excerpts = tuple(WordingView(quoted, tuple(alike)) for quoted, alike in wordings.values())
        heading = listed([names[s] for s in passage.schools], PASSAGE_HEADING_NAMES)
        shown.append(PassageView(index, heading, excerpts))
    return SharedWordingView(tuple(shown), found=len(shown))


# A school's page and the schools index -----------------------------------------------------------


@dataclass(frozen=True)
class SetAsideView:
    text: str
    lines: str


@dataclass(frozen=True)
class SharedLink:
    ref: Ref
    label: str
    opening: str
    others: str


@dataclass(frozen=True)
class SchoolSummaryView:
    """The block at the top of a school's page: what the policy is, who approved it, when it is due."""

    slug: str
    school: str
    title: str
    approved_by: str
    last_reviewed: str
    review_due: str
    overdue: bool
    today: str
    clauses: int
    source_name: str
    source_ref: Ref
    extracted_ref: Ref | None
    """The text read from a Word or PDF source, which the line numbers in notes count; None for text."""
    url: str | None
    cover: tuple[SetAsideView, ...]
    furniture: tuple[SetAsideView, ...]
    notes: tuple[str, ...]
    gaps_ref: Ref | None
    shared: tuple[SharedLink, ...]
    shared_ref: Ref
    changes_ref: Ref | None = None
    """The school's "What changed" page, when it keeps two versions or more."""
    versions: int = 1
    forms: tuple[SetAsideView, ...] = ()
    """Lines of forms to fill in and rows of tables of marks, set aside."""


def _date_text(value: PolicyDate | None) -> str:
    return str(value) if value is not None else "Not stated"


def _lines_text(lines: tuple[int, ...]) -> str:
    shown = sorted(set(lines))
    return ("line " if len(shown) == 1 else "lines ") + ", ".join(str(n) for n in shown)


def school_summary_view(
    school: SchoolPolicy, today: date, shared: tuple[SharedPassage, ...], names: Mapping[str, str], has_gaps: bool
) -> SchoolSummaryView:
    meta = school.meta
    links = []
    for passage in shared:
        clause = passage.clause_of.get(meta.slug)
        if clause is None:
            continue
        # Only the names shown are looked up: a passage may be shared by hundreds of schools.
        shown = list(islice((names[s] for s in passage.schools if s != meta.slug), NAMES_LISTED))
        links.append(
            SharedLink(
                Ref(PageKind.SCHOOL, meta.slug, clause.id),
                f"clause {clause.number}" if clause.number else "a clause",
                opening(clause.text, 12),
                listed(shown, total=len(passage.schools) - 1),
            )
        )
    return SchoolSummaryView(
        meta.slug,
        meta.school,
        meta.title,
        meta.approved_by or "Not stated",
        _date_text(meta.last_reviewed),
        _date_text(meta.next_review),
        review_overdue(meta, today),
        today.isoformat(),
        len(school.clauses),
        school.source_name,
        Ref(PageKind.DATA, f"sources/{school.source_name}"),
        Ref(PageKind.DATA, f"sources/{school.extracted_name}") if school.extracted_name else None,
        meta.url,
        tuple(SetAsideView(s.text, _lines_text(s.lines)) for s in school.set_aside if s.kind == "cover"),
        tuple(SetAsideView(s.text, _lines_text(s.lines)) for s in school.set_aside if s.kind == "furniture"),
        school.source_notes,
        Ref(PageKind.GAPS, meta.slug) if has_gaps else None,
        tuple(links),
        Ref(PageKind.SHARED),
        Ref(PageKind.CHANGES, meta.slug) if len(school.versions) > 1 else None,
        max(1, len(school.versions)),
        forms=tuple(SetAsideView(s.text, _lines_text(s.lines)) for s in school.set_aside if s.kind == "form"),
    )


@dataclass(frozen=True)
class SchoolRow:
    school: str
    ref: Ref
    approved_by: str
    last_reviewed: str
    review_due: str
    overdue: bool
    clauses: int


@dataclass(frozen=True)
class SchoolGroup:
    name: str
    schools: tuple[SchoolRow, ...]


@dataclass(frozen=True)
class LeftOutView:
    """A source that is not on the site, and why: the file, the line to fix, the reason."""

    file: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class SchoolsIndexView:
    count: int
    today: str
    groups: tuple[SchoolGroup, ...]
    left_out: tuple[LeftOutView, ...] = ()

    @property
    def title(self) -> str:
        return "Schools"


_LEFT_OUT_SUFFIX = "; this policy is left out"


def left_out_view(problem: Diagnostic) -> LeftOutView:
    return LeftOutView(problem.path, problem.line, problem.message.removesuffix(_LEFT_OUT_SUFFIX))


def schools_index_view(schools: tuple[SchoolPolicy, ...], today: date, left_out: tuple[Diagnostic, ...] = ()) -> SchoolsIndexView:
    """One table per group, so hundreds of schools stay scannable; groups and schools by name."""
    by_group: dict[str, list[SchoolPolicy]] = {}
    for school in schools:
        by_group.setdefault(group_of(school.meta), []).append(school)
    groups = tuple(
        SchoolGroup(
            group,
            tuple(
                SchoolRow(
                    s.meta.school,
                    Ref(PageKind.SCHOOL, s.meta.slug),
                    s.meta.approved_by or "Not stated",
                    _date_text(s.meta.last_reviewed),
                    _date_text(s.meta.next_review),
                    review_overdue(s.meta, today),
                    len(s.clauses),
                )
                for s in sorted(by_group[group], key=lambda s: (s.meta.school.casefold(), s.meta.slug))
            ),
        )
        for group in sorted(by_group, key=lambda g: (g.casefold(), g))
    )
    return SchoolsIndexView(len(schools), today.isoformat(), groups, tuple(left_out_view(p) for p in left_out))


# The model policy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvenanceView:
    """A statement a model clause comes from, or that says the same: the school, where, its force."""

    label: str
    ref: Ref
    force: Force
    text: str
    source: bool


@dataclass(frozen=True)
class ModelClauseView:
    id: str
    number: str
    text: str
    force: Force
    topics: tuple[str, ...]
    provenance: tuple[ProvenanceView, ...]
    generalised: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]
    """The anchors of the drafting notes on this clause."""
    provision_ref: Ref | None = None
    """The provision's place on its topic page, where every school's statement on it is shown."""

    @property
    def listed(self) -> tuple[ProvenanceView, ...]:
        """The sources the page lists: the wording used and the first others (the downloads list all)."""
        return self.provenance[: NAMES_LISTED + 1]

    @property
    def unlisted(self) -> int:
        return len(self.provenance) - len(self.listed)


@dataclass(frozen=True)
class AlternativeView:
    force: Force
    schools: str
    wording: ProvenanceView
    listed: str = ""
    """``schools``, at most ``NAMES_LISTED`` of them by name, as the page shows it."""


@dataclass(frozen=True)
class NoteView:
    id: str
    kind: str
    text: str
    alternatives: tuple[AlternativeView, ...]
    silent: str
    clause: str | None
    clause_number: str | None
    silent_listed: str = ""

    @property
    def listed(self) -> tuple[AlternativeView, ...]:
        """The alternatives the page lists (a note on other wording may have hundreds; the downloads list all)."""
        return self.alternatives[:STATEMENTS_LISTED] if self.kind == "wording" else self.alternatives

    @property
    def unlisted(self) -> int:
        return len(self.alternatives) - len(self.listed)


@dataclass(frozen=True)
class ModelSectionView:
    number: int
    id: str
    title: str
    clauses: tuple[ModelClauseView, ...]
    notes: tuple[NoteView, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class ModelPolicyView:
    """The model policy page, and the downloads made from it."""

    schools: int
    needed: int
    threshold: int
    strategy: str
    sections: tuple[ModelSectionView, ...]
    clause_count: int
    note_count: int
    gap_topics: tuple[str, ...]
    core_gaps: tuple[str, ...]
    downloads: tuple[tuple[str, Ref], ...]
    today: str

    @property
    def title(self) -> str:
        return "Model policy"


STRATEGY_WORDS = {
    "typical": "the most typical wording of the schools that address the provision (closest to all the others), preferring a clear sentence that states a rule",
    "strictest": "the wording with the strongest force among the schools that address the provision, the most typical of those",
    "most-common-force": "the wording with the force most schools give the provision, the most typical of those",
}


def _provenance(source: Source, chosen: bool) -> ProvenanceView:
    return ProvenanceView(_label(source.name, source.number, source.clause), Ref(PageKind.SCHOOL, source.school, source.anchor), source.force, source.text, chosen)


def _clause_view(clause: ModelClause, notes: tuple[DraftingNote, ...], labels: Mapping[str, str]) -> ModelClauseView:
    topic, _, kind = clause.provision.partition("/")
    return ModelClauseView(
        clause.id,
        clause.number,
        clause.text,
        clause.force,
        tuple(labels.get(t, t) for t in clause.topics),
        tuple(_provenance(s, s is clause.source) for s in clause.agreeing),
        clause.generalised,
        tuple(n.id for n in notes if n.clause == clause.id),
        Ref(PageKind.TOPIC, topic, provision_anchor(kind)) if clause.topics and kind else None,
    )


def _note_view(note: DraftingNote, names: Mapping[str, str], numbers: Mapping[str, str]) -> NoteView:
    return NoteView(
        note.id,
        note.kind,
        note.text,
        tuple(
            AlternativeView(a.force, ", ".join(names[s] for s in a.schools), _provenance(a.wording, False), listed([names[s] for s in a.schools]))
            for a in note.alternatives
        ),
        ", ".join(names[s] for s in note.silent),
        note.clause,
        numbers.get(note.clause) if note.clause else None,
        listed([names[s] for s in note.silent]),
    )


def model_policy_view(model: ModelPolicy, taxonomy: Taxonomy, today: date) -> ModelPolicyView:
    names = dict(model.schools)
    labels = {t.id: t.label for t in taxonomy.topics}
    numbers = {c.id: c.number for c in model.clauses}
    sections = tuple(
        ModelSectionView(
            s.number,
            s.id,
            s.title,
            tuple(_clause_view(c, s.notes, labels) for c in s.clauses),
            tuple(_note_view(n, names, numbers) for n in s.notes),
            tuple(g.text for g in s.gaps),
        )
        for s in model.sections
    )
    covered = {t for c in model.clauses for t in c.topics}
    return ModelPolicyView(
        len(model.schools),
        model.needed,
        percent(model.threshold),
        STRATEGY_WORDS[model.strategy.value],
        sections,
        len(model.clauses),
        len(model.notes),
        tuple(t.label for t in taxonomy.topics if t.id not in covered),
        tuple(t.label for t in taxonomy.topics if t.core and t.id not in covered),
        (
            ("Word (.docx), with sources and drafting notes as comments", Ref(PageKind.DOWNLOAD, "model-policy.docx")),
            ("Markdown", Ref(PageKind.DOWNLOAD, "model-policy.md")),
            ("Data (JSON)", Ref(PageKind.DATA, "model-policy.json")),
        ),
        today.isoformat(),
    )


def model_json(model: ModelPolicy, taxonomy: Taxonomy) -> str:
    """``model-policy.json``: clauses with provenance (clause ids of ``clauses.json``), notes and gaps."""
    covered = {t for c in model.clauses for t in c.topics}
    data = {
        "version": 1,
        "threshold": model.threshold,
        "strategy": model.strategy.value,
        "schools": [slug for slug, _ in model.schools],
        "sections": [{"number": s.number, "id": s.id, "title": s.title} for s in model.sections],
        "clauses": [
            {
                "id": c.id,
                "number": c.number,
                "section": c.section,
                "provision": c.provision,
                "text": c.text,
                "quoted": c.quoted,
                "topics": list(c.topics),
                "force": c.force.value,
                "provenance": list(dict.fromkeys(s.clause for s in c.agreeing)),
                "source": {"school": c.source.school, "clause": c.source.clause, "statement": c.source.statement},
                "statements": [s.statement for s in c.agreeing],
                "generalised": [{"from": a, "to": b} for a, b in c.generalised],
                "also": list(c.also),
            }
            for c in model.clauses
        ],
        "notes": [
            {
                "id": n.id,
                "section": n.section,
                "kind": n.kind,
                "provision": n.provision,
                "clause": n.clause,
                "text": n.text,
                "alternatives": [
                    {"force": a.force.value, "schools": list(a.schools), "clause": a.wording.clause, "statement": a.wording.statement, "text": a.wording.text}
                    for a in n.alternatives
                ],
                "silent": list(n.silent),
            }
            for n in model.notes
        ],
        "gaps": [t.id for t in taxonomy.topics if t.id not in covered],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class PrintedView:
    """What a printed page says at its foot: its address (none when the site has no address of
    its own: ``render.printed_address``) and the build date."""

    address: str | None
    built: str


# Everything a build shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteViews:
    """Every generated page's view, keyed as the plugin looks them up."""

    schools: SchoolsIndexView
    summaries: Mapping[str, SchoolSummaryView]
    matrix: MatrixView | None
    topics: tuple[TopicView, ...]
    gaps: tuple[GapsView, ...]
    shared: SharedWordingView
    model: ModelPolicyView | None = None
    matrix_pages: tuple[MatrixView, ...] = ()
    """The matrix as its pages: one, or parts of ``SCHOOLS_PER_PAGE`` schools (``matrix`` is all of it)."""
    topic_pages: tuple[tuple[TopicView, ...], ...] = ()
    """Each topic page's parts, in the order of ``topics``."""
    shared_pages: tuple[SharedWordingView, ...] = ()
    changes: SiteChanges | None = None
    """The "What changed" pages (set by ``with_changes``, after the versions are compared)."""

    def matrix_json(self) -> str | None:
        return matrix_json(self.matrix, self.topics) if self.matrix is not None else None


def site_views(
    schools: tuple[SchoolPolicy, ...],
    matrix: Matrix,
    gaps: Mapping[str, tuple[Gap, ...]],
    shared: tuple[SharedPassage, ...],
    taxonomy: Taxonomy,
    today: date,
    model: ModelPolicy | None = None,
    per_page: int = SCHOOLS_PER_PAGE,
    excerpts_per_page: int = EXCERPTS_PER_PAGE,
    left_out: tuple[Diagnostic, ...] = (),
) -> SiteViews:
    """The views of every generated page. Without topics there is no matrix, topic, gap or model page.

    Past ``per_page`` schools the matrix and the topic pages come in parts, and the shared
    wording past ``excerpts_per_page`` sentences, so that no page grows with the corpus.
    """
    names = {s.meta.slug: s.meta.school for s in schools}
    compared = bool(taxonomy.topics)
    paging = Paging(matrix.schools, per_page)
    gap_views = tuple(gaps_view(slug, gaps[slug], matrix, taxonomy, names, paging) for slug in matrix.schools) if compared else ()
    if model is not None:
        agreeing = agreeing_by_school(model)
        gap_views = tuple(against_model(g, model, agreeing) for g in gap_views)
    passages: dict[str, list[SharedPassage]] = defaultdict(list)
    for passage in shared:
        for slug in passage.schools:
            passages[slug].append(passage)
    matrix_shown = matrix_view(matrix, taxonomy, names, paging) if compared else None
    topics = tuple(topic_view(row, matrix, taxonomy, names) for row in matrix.rows) if compared else ()
    shared_shown = shared_wording_view(shared, names)
    return SiteViews(
        schools_index_view(schools, today, left_out),
        {
            s.meta.slug: school_summary_view(s, today, tuple(passages[s.meta.slug]), names, compared)
            for s in sorted(schools, key=lambda s: s.meta.slug)
        },
        matrix_shown,
        topics,
        gap_views,
        shared_shown,
        model_policy_view(model, taxonomy, today) if model is not None and compared else None,
        matrix_parts(matrix_shown, paging, names) if matrix_shown is not None else (),
        tuple(topic_parts(t, paging, names) for t in topics),
        shared_parts(shared_shown, excerpts_per_page),
    )

