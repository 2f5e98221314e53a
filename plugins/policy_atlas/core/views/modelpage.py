"""The model policy page and ``model-policy.json``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..merge import DraftingNote, ModelClause, ModelPolicy, Source
from ..model import Force
from ..taxonomy import Taxonomy
from ..text import clause_number
from ..refs import PageKind, Ref
from .quoting import NAMES_LISTED, listed, provision_anchor, percent, _label


STATEMENTS_LISTED = 60
"""A drafting note on other wording lists at most this many statements on the page; the downloads list them all."""


# The model policy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvenanceView:
    """A statement a model clause comes from, or that says the same: the school, where, its force,
    its words (after the lead-in of the list it is an item of, if any)."""

    label: str
    ref: Ref
    force: Force
    text: str
    source: bool
    lead_in: str = ""


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
    worded: Force | None = None
    """The wording's own force where the comparison reads it otherwise (``ModelClause.worded``)."""
    reading: str = ""
    """Why the comparison reads the wording with ``force`` and not its own."""

    @property
    def shown_force(self) -> Force:
        """The force the sentence itself states: the badge beside it must say what it says."""
        return self.worded or self.force

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
    return ProvenanceView(_label(source.name, source.number, source.clause), Ref(PageKind.SCHOOL, source.school, source.anchor), source.force, source.text, chosen, source.lead_in)


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
        clause.worded,
        clause.reading,
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
                "worded_force": (c.worded or c.force).value,
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
