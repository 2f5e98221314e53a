"""The "What changed" pages: a school's versions compared, and every school's latest changes.

A governor at a review reads the top of the page: each change of force in words ("Now prohibits
… (was: discouraged)"), each provision or topic newly addressed or no longer addressed, and how the
new version stands against the other schools; then when each version was approved and whether
the next review is overdue. Below come the clauses themselves, added, removed, moved, reworded
(a word-level redline, marked for screen readers), split and merged. Every decision is made here;
the templates only lay it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .changes import ProvisionChange, VersionPair, VersionText
from .corpus import SchoolPolicy
from .documents import PDF_SUFFIX
from .model import Clause, Force, stance_verbs
from .redline import Change
from .render import review_overdue
from .sources import Version, source_name
from .taxonomy import Taxonomy
from .text import clause_label
from .versions import ChangeKind, ClauseChange, HeadingChange
from .refs import PageKind, Ref
from .views.quoting import capitalised

RENUMBERED_LISTED = 60
"""A pair lists at most this many clauses renumbered and nothing else; the rest are counted."""

SUMMARY_LINES_SITE = 4
"""The site's page quotes at most this many lines of each pair's summary; the school's page has them all."""

SECTIONS = (
    ("reworded", "Reworded"),
    ("added", "Added"),
    ("removed", "Removed"),
    ("moved", "Moved"),
    ("split", "Split"),
    ("merged", "Merged"),
)


@dataclass(frozen=True, kw_only=True)
class ClauseSide:
    """A clause of one version as a change shows it, with where it is."""

    label: str
    text: str
    force: Force
    ref: Ref
    where: str


@dataclass(frozen=True, kw_only=True)
class ChangeItem:
    anchor: str
    heading: str
    old: tuple[ClauseSide, ...]
    new: tuple[ClauseSide, ...]
    similarity: int | None
    redline: tuple[Change, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ChangeSection:
    kind: str
    label: str
    items: tuple[ChangeItem, ...]


@dataclass(frozen=True, kw_only=True)
class VersionView:
    label: str
    dated: str
    approved_by: str
    file: str
    ref: Ref
    current: bool
    next_review: str


@dataclass(frozen=True, kw_only=True)
class PairView:
    anchor: str
    heading: str
    old: VersionView
    new: VersionView
    no_change: bool
    counts: tuple[tuple[str, int], ...]
    counts_text: str
    summary: tuple[str, ...]
    sections: tuple[ChangeSection, ...]
    renumbered: tuple[str, ...]
    renumbered_more: int
    renamed_headings: tuple[str, ...]
    """Each heading renamed, in words: "“Pictures and video” is now “Photographs and video” (3 clauses)"."""
    download: Ref
    """The pair as a Word document with tracked changes."""


@dataclass(frozen=True, kw_only=True)
class ChangesView:
    """A school's "What changed" page."""

    slug: str
    school: str
    title: str
    school_ref: Ref
    site_ref: Ref
    versions: tuple[VersionView, ...]
    next_review: str
    overdue: bool
    today: str
    pairs: tuple[PairView, ...]
    data_ref: Ref


@dataclass(frozen=True, kw_only=True)
class SiteChange:
    school: str
    ref: Ref
    old: str
    new: str
    counts: str
    summary: tuple[str, ...]
    summary_more: int
    overdue: bool


@dataclass(frozen=True, kw_only=True)
class SiteChangesView:
    """The site's "What changed" page: every school's version pairs, the newest first."""

    title: str
    changes: tuple[SiteChange, ...]
    single: int
    """Schools that keep one version only (nothing to compare)."""
    data_ref: Ref


def _force_word(force: Force) -> str:
    """A force as "(was: …)" says it: "discouraged", "permitted with conditions", "no rule stated"."""
    return "no rule stated" if force is Force.NONE else force.value.replace("-", " ")


def _stance(change: ProvisionChange, force: Force) -> str:
    verb, _, tail = stance_verbs(change.rule_kind)[force]
    return f"{verb} {change.label}{tail}"


def _against(change: ProvisionChange) -> str:
    """Where the change leaves the school among the others that address the provision."""
    if not change.others:
        return "No other school addresses it."
    schools = "school" if change.others == 1 else "schools"
    if change.after is None:
        return f"{change.others} other {schools} address it; {change.agree_before} of them took the position this school gave up."
    now = f"Now agrees with {change.agree_after} of the {change.others} other {schools} that address it"
    return f"{now} (before: {change.agree_before})." if change.before is not None else f"{now}."


def provision_line(change: ProvisionChange) -> str:
    """One change of stance in a governor's words."""
    if change.kind == "lost":
        assert change.before is not None
        return f"No longer {_stance(change, change.before)} (was: {_force_word(change.before)}). {_against(change)}"
    assert change.after is not None
    if change.kind == "gained":
        return f"Newly {_stance(change, change.after)}. {_against(change)}"
    assert change.before is not None
    return f"Now {_stance(change, change.after)} (was: {_force_word(change.before)}). {_against(change)}"


def summary_lines(pair: VersionPair, taxonomy: Taxonomy) -> tuple[str, ...]:
    """What the new version changes, in words, most weighty first."""
    if pair.diff.same_words:
        return ("No change in wording: the two versions hold the same words in the same order.",)
    lines = [provision_line(p) for p in pair.provisions]

    def label(topic: str) -> str:
        found = taxonomy.get(topic)
        return found.label if found else topic

    lines += [f"Newly covers the topic {label(t)}." for t in pair.topics_gained]
    lines += [f"No longer covers the topic {label(t)}." for t in pair.topics_lost]
    if not pair.provisions:
        lines.append("No provision the taxonomy names changed force, and none is newly addressed or no longer addressed.")
    return tuple(lines)


def _where(clause: Clause, version: Version) -> str:
    name = source_name(version.source_file).rsplit("/", 1)[-1]
    span = clause.source
    if span is None:
        return name
    lines = f"line {span.line_start}" if span.line_start == span.line_end else f"lines {span.line_start}-{span.line_end}"
    return f"{name}, {lines}" + (f", page {span.pages}" if span.pages else "")


def _side(clause: Clause, text: VersionText, slug: str) -> ClauseSide:
    """A clause with a link that lands on it: on the school's page for the current version, else
    on the version's file (a PDF at the clause's page)."""
    version = text.version
    if text.current:
        ref = Ref(PageKind.SCHOOL, slug, clause.id)
    else:
        page = clause.source.page_start if clause.source is not None else None
        pdf = version.source_file.lower().endswith(PDF_SUFFIX)
        ref = Ref(PageKind.DATA, f"sources/{source_name(version.source_file)}", f"page={page}" if pdf and page else "")
    return ClauseSide(label=clause_label(clause.number, clause.text, clause.id), text=clause.text, force=Force.of(clause.force), ref=ref, where=_where(clause, version))


def _section_of(change: ClauseChange) -> str | None:
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.REWORDED, ChangeKind.SPLIT, ChangeKind.MERGED):
        return change.kind.value
    return "moved" if change.moved else None


def _notes(change: ClauseChange) -> tuple[str, ...]:
    notes: list[str] = []
    if change.moved and change.kind is not ChangeKind.UNCHANGED:
        notes.append("also moved")
    if change.renumbered:
        notes.append(f"renumbered {change.old[0].number} → {change.new[0].number}")
    if (forces := change.forces) is not None:
        notes.append(f"force: {forces[0].words} → {forces[1].words}")
    return tuple(notes)


def _heading(change: ClauseChange, section: str) -> str:
    clause = (change.new or change.old)[0]
    label = capitalised(clause_label(clause.number, clause.text, clause.id))
    if change.kind is ChangeKind.SPLIT:
        return f"{label}: split into {len(change.new)}"
    if change.kind is ChangeKind.MERGED:
        return f"{label}: {len(change.old)} clauses merged"
    return f"{label}: {section}"


def _version_view(text: VersionText, meta_next: str, meta_approved: str | None = None) -> VersionView:
    """A version as the pages name it; the current one is approved by whom the school's sidecar says,
    unless its own sidecar says otherwise."""
    version = text.version
    return VersionView(
        label=version.label,
        dated=str(version.date),
        approved_by=version.approved_by or (meta_approved if text.current else None) or "Not stated",
        file=source_name(version.source_file),
        ref=Ref(PageKind.DATA, f"sources/{source_name(version.source_file)}"),
        current=text.current,
        next_review=str(version.next_review) if version.next_review else meta_next if text.current else "Not stated",
    )


def download_name(pair: VersionPair) -> str:
    """The tracked-changes Word file of a pair, as the site and the CLI name it."""
    return f"{pair.slug}-{pair.old.version.label}-to-{pair.new.version.label}.docx"


def pair_anchor(pair: VersionPair) -> str:
    return f"from-{pair.old.version.label}-to-{pair.new.version.label}"


def pair_view(pair: VersionPair, taxonomy: Taxonomy, next_review: str, approved_by: str | None = None) -> PairView:
    anchor = pair_anchor(pair)
    grouped: dict[str, list[ChangeItem]] = {kind: [] for kind, _ in SECTIONS}
    renumbered: list[str] = []
    for n, change in enumerate(pair.diff.changes, start=1):
        section = _section_of(change)
        if section is None:  # renumbered, and nothing else
            renumbered.append(f"{change.old[0].number} → {change.new[0].number}")
            continue
        reworded = bool(change.redline)
        grouped[section].append(
            ChangeItem(
                anchor=f"{anchor}-{n}",
                heading=_heading(change, section),
                old=tuple(_side(c, pair.old, pair.slug) for c in change.old),
                new=tuple(_side(c, pair.new, pair.slug) for c in change.new),
                similarity=round(change.similarity * 100) if change.old and change.new else None,
                redline=change.redline if reworded else (),
                notes=_notes(change),
            )
        )
    counts = {**pair.diff.counts, "force": len(pair.clause_forces)}
    return PairView(
        anchor=anchor,
        heading=f"{pair.old.version.label} to {pair.new.version.label}",
        old=_version_view(pair.old, next_review, approved_by),
        new=_version_view(pair.new, next_review, approved_by),
        no_change=pair.diff.same_words,
        counts=(shown := tuple((kind, counts[kind]) for kind in ("added", "removed", "moved", "reworded", "split", "merged", "renumbered", "renamed_headings", "force"))),
        counts_text="no change" if pair.diff.same_words else counts_text(shown),
        summary=summary_lines(pair, taxonomy),
        sections=tuple(ChangeSection(kind=kind, label=label, items=tuple(grouped[kind])) for kind, label in SECTIONS if grouped[kind]),
        renumbered=tuple(renumbered[:RENUMBERED_LISTED]),
        renumbered_more=max(0, len(renumbered) - RENUMBERED_LISTED),
        renamed_headings=tuple(renamed_line(r) for r in pair.diff.renamed),
        download=Ref(PageKind.DOWNLOAD, download_name(pair)),
    )


def changes_view(school: SchoolPolicy, pairs: tuple[VersionPair, ...], taxonomy: Taxonomy, today: date) -> ChangesView:
    meta = school.meta
    next_review = str(meta.next_review) if meta.next_review else "Not stated"
    texts = [pairs[0].new, *(p.old for p in pairs)] if pairs else []
    return ChangesView(
        slug=meta.slug,
        school=meta.school,
        title=f"What changed: {meta.school}",
        school_ref=Ref(PageKind.SCHOOL, meta.slug),
        site_ref=Ref(PageKind.CHANGES),
        versions=tuple(_version_view(t, next_review, meta.approved_by) for t in texts),
        next_review=next_review,
        overdue=review_overdue(meta, today),
        today=today.isoformat(),
        pairs=tuple(pair_view(p, taxonomy, next_review, meta.approved_by) for p in pairs),
        data_ref=Ref(PageKind.DATA, "changes.json"),
    )


COUNTED = {"force": ("force change", "force changes"), "renamed_headings": ("heading renamed", "headings renamed")}
"""How a count other than a clause's kind is said, for one and for more."""


def counts_text(counts: tuple[tuple[str, int], ...]) -> str:
    """The counts of a pair in one line: "1 added, 2 reworded, 1 force change"; "no change" when none."""
    shown = [f"{n} {COUNTED[kind][n != 1] if kind in COUNTED else kind}" for kind, n in counts if n]
    return ", ".join(shown) if shown else "no change"


def renamed_line(rename: HeadingChange) -> str:
    """A heading renamed, in words, with how many clauses continue under it."""
    clauses = "1 clause continues" if rename.clauses == 1 else f"{rename.clauses:,} clauses continue"
    return f"“{rename.old.text}” is now “{rename.new.text}” ({clauses} under it)."


def site_changes_view(schools: tuple[SchoolPolicy, ...], views: Mapping[str, ChangesView]) -> SiteChangesView:
    """Every version pair of every school, the newest change first (then by school)."""
    entries: list[tuple[str, str, SiteChange]] = []
    for slug, view in views.items():
        for pair in view.pairs:
            entries.append(
                (
                    pair.new.label,
                    slug,
                    SiteChange(
                        school=view.school,
                        ref=Ref(PageKind.CHANGES, slug, pair.anchor),
                        old=pair.old.dated,
                        new=pair.new.dated,
                        counts=pair.counts_text,
                        summary=pair.summary[:SUMMARY_LINES_SITE],
                        summary_more=max(0, len(pair.summary) - SUMMARY_LINES_SITE),
                        overdue=view.overdue and pair.new.current,
                    ),
                )
            )
    ordered = sorted(entries, key=lambda e: e[1])
    ordered.sort(key=lambda e: e[0], reverse=True)  # stable: schools in slug order within a date
    return SiteChangesView(
        title="What changed",
        changes=tuple(e[2] for e in ordered),
        single=sum(1 for s in schools if len(s.versions) < 2),
        data_ref=Ref(PageKind.DATA, "changes.json"),
    )


@dataclass(frozen=True, kw_only=True)
class SiteChanges:
    """Every "What changed" page: the site's, and one per school that keeps two versions or more."""

    site: SiteChangesView
    schools: Mapping[str, ChangesView]
    pairs: Mapping[str, tuple[VersionPair, ...]]
    """Each school's version pairs, newest first: what ``changes.json`` publishes."""


def site_changes(schools: tuple[SchoolPolicy, ...], pairs: Mapping[str, tuple[VersionPair, ...]], taxonomy: Taxonomy, today: date) -> SiteChanges:
    """The views of every "What changed" page, from each school's version pairs (newest first)."""
    views = {s.meta.slug: changes_view(s, pairs[s.meta.slug], taxonomy, today) for s in schools if pairs.get(s.meta.slug)}
    return SiteChanges(site=site_changes_view(schools, views), schools=views, pairs=pairs)


@dataclass(frozen=True, kw_only=True)
class PairDocumentView:
    """One version pair as a document of its own (``policy-atlas diff --format md``)."""

    school: str
    title: str
    next_review: str
    overdue: bool
    today: str
    pair: PairView


def pair_document_view(school: SchoolPolicy, pair: VersionPair, taxonomy: Taxonomy, today: date) -> PairDocumentView:
    meta = school.meta
    next_review = str(meta.next_review) if meta.next_review else "Not stated"
    return PairDocumentView(
        school=meta.school,
        title=f"{meta.school}: {pair.old.version.label} to {pair.new.version.label}",
        next_review=next_review,
        overdue=review_overdue(meta, today),
        today=today.isoformat(),
        pair=pair_view(pair, taxonomy, next_review, meta.approved_by),
    )
