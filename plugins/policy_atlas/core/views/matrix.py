"""The topic matrix and the topic pages: each provision's stances, summary sentence and quoted
statements, in parts of so many schools; ``matrix.json``."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from itertools import zip_longest
from dataclasses import dataclass, replace

from ..compare import OTHER_WAY_ROUND, STATING, Matrix, Member, Provision, Stance, TopicRow, situation_reading
from ..model import STANCE_VERBS, Force, stance_verbs
from ..taxonomy import Taxonomy
from ..text import clause_label, opening
from ..refs import PageKind, Pager, Paging, Ref, pager_for
from .quoting import ForceCounts, statement_ref, provision_anchor, school_anchor, capitalised, percent, Redlines, StatementView, AGAIN_SHOWN, quote, WordedAlike


SCROLL_AFTER = 7
"""Past this many schools a matrix no longer fits the page's width: it scrolls in a box of its own."""


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
        notes += ("a different stance from the reference wording",)
    same = " ".join(member.text.split())
    again: list[Member] = []
    reworded: list[Member] = []
    for repeat in stance.repeats:
        (again if " ".join(repeat.text.split()) == same else reworded).append(repeat)
    shown = [quote(member, names, ("reference wording", *notes), force=stance.force) if member == reference else quote(member, names, notes, reference.text, stance.force)]
    if again:
        links = tuple(WordedAlike(_where(m, member), statement_ref(m)) for m in again[:AGAIN_SHOWN])
        shown[0] = replace(shown[0], again=links, again_more=len(again) - len(links), school_ref=Ref(PageKind.SCHOOL, member.school))
    # a repeat states the stance's rule (that is what makes it one), so it wears the stance's badge:
    # "must ensure they do not post ..." repeats "must not post ..." as a Must not
    shown += [quote(m, names, ("repeat: the same rule stated again",), member.text, stance.force) for m in reworded]
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
        _Part(n, frozenset(chunk), pager_for(refs, labels, n), labels[n - 1][0] if n > 1 else "")
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
