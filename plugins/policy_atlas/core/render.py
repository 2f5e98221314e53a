"""Results -> Markdown for the generated parts of pages (summaries, the schools index).

Everything that comes from a school (names, approving bodies) is escaped here: a metadata
file is data, not Markdown.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from datetime import date, datetime, timezone

from .clausetag import escape_heading
from .compare import SharedPassage
from .compare_render import Site
from .corpus import SchoolPolicy
from .model import PolicyDate, PolicyMeta
from .text import opening

UNGROUPED = "Other schools"


def build_date(environ: Mapping[str, str] | None = None) -> date:
    """The date the site describes: ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def review_overdue(meta: PolicyMeta, today: date) -> bool:
    return meta.next_review is not None and today > meta.next_review.last_day


def _date_text(value: PolicyDate | None) -> str:
    return str(value) if value is not None else "Not stated"


def school_summary(school: SchoolPolicy, today: date, source_url: str | None = None) -> str:
    """The block at the top of a school's page: who approved it, when it is due, notes on the text."""
    meta = school.meta
    rows = [
        ("School", html.escape(meta.school)),
        ("Policy", html.escape(meta.title)),
        ("Approved by", html.escape(meta.approved_by or "Not stated")),
        ("Last reviewed", html.escape(_date_text(meta.last_reviewed))),
    ]
    due = html.escape(_date_text(meta.next_review))
    if review_overdue(meta, today):
        due += f' <strong class="pa-overdue">Review overdue</strong> <span class="pa-muted">(as of {today.isoformat()})</span>'
    rows.append(("Review due", due))
    rows.append(("Clauses", str(len(school.clauses))))
    source = html.escape(school.source_name)
    if source_url:
        source = f'<a href="{html.escape(source_url)}">{source}</a>'
    rows.append(("Source text", source))
    items = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    parts = [f"# {escape_heading(meta.school)}", "", f'<dl class="pa-summary">\n{items}\n</dl>', ""]
    if school.source_notes:
        notes = "\n".join(f"<li>{html.escape(note)}</li>" for note in school.source_notes)
        parts += [
            '<details class="pa-notes">',
            f"<summary>Notes on the source text ({len(school.source_notes)})</summary>",
            "<p>What the normaliser noticed in the text as the school published it. "
            "The text is kept as it is; these are for the policy's authors.</p>",
            f"<ul>\n{notes}\n</ul>",
            "</details>",
            "",
        ]
    return "\n".join(parts) + "\n"


def group_of(meta: PolicyMeta) -> str:
    return meta.group or UNGROUPED


def schools_index(schools: tuple[SchoolPolicy, ...], today: date, link: Mapping[str, str]) -> str:
    """The schools page: one table per group, so hundreds of schools stay scannable."""
    lines = [
        "# Schools",
        "",
        f"{len(schools)} schools, grouped as their metadata says. Review dates are checked against {today.isoformat()}.",
        "",
    ]
    by_group: dict[str, list[SchoolPolicy]] = {}
    for school in schools:
        by_group.setdefault(group_of(school.meta), []).append(school)
    for group in sorted(by_group, key=str.casefold):
        lines += [f"## {escape_heading(group)}", "", "| School | Approved by | Last reviewed | Review due | Clauses |", "| --- | --- | --- | --- | ---: |"]
        for school in sorted(by_group[group], key=lambda s: (s.meta.school.casefold(), s.meta.slug)):
            meta = school.meta
            due = _date_text(meta.next_review) + (" **(overdue)**" if review_overdue(meta, today) else "")
            cells = [
                f"[{escape_heading(meta.school)}]({link[meta.slug]})",
                escape_heading(meta.approved_by or "Not stated"),
                escape_heading(_date_text(meta.last_reviewed)),
                due,
                str(len(school.clauses)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)




def school_extras(slug: str, shared: tuple[SharedPassage, ...], site: Site, gaps_link: str | None, shared_link: str) -> str:
    """Links from a school's page to its gap report, and the wording it shares with other schools."""
    parts: list[str] = []
    if gaps_link:
        parts += [f"**Compare:** [what other schools cover that this policy does not]({gaps_link}).", ""]
    mine = [p for p in shared if slug in p.schools]
    if mine:
        items = []
        for passage in mine:
            own = next(m for m in passage.members if m.school == slug)
            others = ", ".join(html.escape(site.school_name[s]) for s in passage.schools if s != slug)
            label = f"clause {html.escape(own.clause.number)}" if own.clause.number else "a clause"
            items.append(f'<li><a href="#{html.escape(own.clause.id)}">{label}</a> “{html.escape(opening(own.clause.text, 12))}” is worded as in: {others}</li>')
        parts += [
            '<details class="pa-notes">',
            f"<summary>Wording shared with other schools ({len(mine)})</summary>",
            f'<ul>\n{chr(10).join(items)}\n</ul>',
            "</details>",
            "",
            f"See all [shared wording]({shared_link}).",
            "",
        ]
    return "\n".join(parts) + ("\n" if parts else "")
