"""A school's page summary and the schools index."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from dataclasses import dataclass
from datetime import date

from ..compare import SharedPassage
from ..corpus import SchoolPolicy
from ..model import Diagnostic, PolicyDate
from ..render import group_of, review_overdue
from ..text import opening
from ..refs import PageKind, Ref
from .quoting import NAMES_LISTED, listed


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
