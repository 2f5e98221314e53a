"""Comparison results -> Markdown pages (matrix, topics, gaps, shared wording) and matrix.json.

Every word that comes from a policy or its metadata is escaped here; the pages mix
Markdown headings with small HTML blocks (redlines need ``<ins>``/``<del>``).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .clausetag import escape_heading
from .compare import FORCE_ORDER, Gap, Matrix, Provision, SharedPassage, TopicRow
from .model import Force
from .redline import redline, redline_html, similarity
from .taxonomy import Taxonomy

VERBS = {
    "prohibited": ("prohibits it", "prohibit it"),
    "required": ("requires it", "require it"),
    "discouraged": ("discourages it", "discourage it"),
    "permitted-with-conditions": ("allows it with conditions", "allow it with conditions"),
    "permitted": ("allows it", "allow it"),
    "none": ("mentions it without a rule", "mention it without a rule"),
}
TRANSPOSE_AFTER = 12
REDLINE_MIN_SIMILARITY = 0.3
"""Below this share of words in common a redline is all crossings-out; the clause is shown plain."""


@dataclass(frozen=True)
class Site:
    """How pages link to each other; supplied by the caller so the core knows no URLs."""

    school_name: Mapping[str, str]
    clause_url: Callable[[str, str, str], str]
    """(from page, school slug, clause id) -> relative URL of the clause on its school page."""
    page_url: Callable[[str, str], str]
    """(from page, target page path such as 'compare/topics/images.md') -> relative URL."""


def force_badge(force: str | None) -> str:
    if force is None:
        return '<span class="pa-force pa-force--silent">— silent</span>'
    shown = Force.of(force)
    return f'<span class="pa-force pa-force--{shown.value}"><span aria-hidden="true">{shown.symbol}</span> {shown.words}</span>'


def topic_page_path(topic: str) -> str:
    return f"compare/topics/{topic}.md"


def gap_page_path(slug: str) -> str:
    return f"compare/gaps/{slug}.md"


def divergence(provision: Provision, schools: tuple[str, ...]) -> str:
    """The provision's agreement in words: "3 schools prohibit it; 1 allows it with conditions; 1 is silent"."""
    counts = Counter(provision.force_of(s) or "none" for s in provision.schools)
    parts = []
    for force in FORCE_ORDER:
        n = counts.get(force, 0)
        if n:
            singular, plural = VERBS[force]
            parts.append(f"{n} {'school' if n == 1 else 'schools'} {singular if n == 1 else plural}")
    silent = len(schools) - len(provision.schools)
    if silent:
        parts.append(f"{silent} {'is' if silent == 1 else 'are'} silent")
    return "; ".join(parts) + "."


def _agreement_text(row: TopicRow, total: int) -> str:
    covered = len(row.covering)
    text = f"{covered} of {total} cover it"
    if row.force_agreement is not None:
        text += f"; {round(100 * row.force_agreement)}% agree on force"
    return text


def matrix_page(matrix: Matrix, taxonomy: Taxonomy, site: Site) -> str:
    here = "compare/index.md"
    lines = [
        "# Topic matrix",
        "",
        "Which schools cover each topic, and with what force. Each cell gives the number of the "
        "school's clauses on the topic (follow it to read them) and the strongest force among them.",
        "",
        "**Force**, strongest first: " + " · ".join(force_badge(f) for f in FORCE_ORDER) + ". "
        "A school with no clause on a topic is shown as *silent*.",
        "",
        "**Agreement** has two parts. *Cover* is how many schools have at least one clause on the "
        "topic. *Agree on force* looks at each provision (each thing the topic regulates) that two "
        "or more schools address, and counts the schools whose force for it matches the force most "
        "of those schools give; the figure is that count as a share of all such schools.",
        "",
    ]
    schools = matrix.schools
    if len(schools) <= TRANSPOSE_AFTER:
        header = "| Topic | " + " | ".join(escape_heading(site.school_name[s]) for s in schools) + " | Agreement |"
        lines += [header, "| --- | " + " | ".join("---" for _ in schools) + " | --- |"]
        for row in matrix.rows:
            topic = taxonomy.get(row.topic)
            label = topic.label if topic else row.topic
            link = site.page_url(here, topic_page_path(row.topic))
            cells = [_matrix_cell(row, s, site, here) for s in schools]
            lines.append(f"| [{escape_heading(label)}]({link}) | " + " | ".join(cells) + f" | {_agreement_text(row, len(schools))} |")
    else:
        labels = [taxonomy.get(r.topic).label if taxonomy.get(r.topic) else r.topic for r in matrix.rows]  # type: ignore[union-attr]
        links = [site.page_url(here, topic_page_path(r.topic)) for r in matrix.rows]
        lines += ["| School | " + " | ".join(f"[{escape_heading(l)}]({u})" for l, u in zip(labels, links, strict=True)) + " |"]
        lines += ["| --- | " + " | ".join("---" for _ in matrix.rows) + " |"]
        for slug in schools:
            lines.append(f"| {escape_heading(site.school_name[slug])} | " + " | ".join(_matrix_cell(r, slug, site, here) for r in matrix.rows) + " |")
        lines += ["", "| Topic | Agreement |", "| --- | --- |"]
        for row, label in zip(matrix.rows, labels, strict=True):
            lines.append(f"| {escape_heading(label)} | {_agreement_text(row, len(schools))} |")
    lines += ["", f"The same figures as data: [matrix.json]({site.page_url(here, 'data/matrix.json')}).", ""]
    return "\n".join(lines)


def _matrix_cell(row: TopicRow, slug: str, site: Site, here: str) -> str:
    cell = next(c for c in row.cells if c.school == slug)
    if not cell.clauses:
        return force_badge(None)
    url = site.page_url(here, topic_page_path(row.topic)) + f"#school-{slug}"
    count = len(cell.clauses)
    return f"[{count} {'clause' if count == 1 else 'clauses'}]({url}) {force_badge(cell.force)}"


def _clause_block(slug: str, clause_id: str, number: str | None, text_html: str, force: str | None, site: Site, here: str, note: str = "") -> str:
    name = html.escape(site.school_name[slug])
    url = html.escape(site.clause_url(here, slug, clause_id))
    label = f"{name}, clause {html.escape(number)}" if number else name
    return (
        f'<div class="pa-compare__clause">'
        f'<p class="pa-compare__who"><a href="{url}">{label}</a> {force_badge(force)}{note}</p>'
        f'<p class="pa-compare__text">{text_html}</p>'
        f"</div>"
    )


def topic_page(row: TopicRow, matrix: Matrix, taxonomy: Taxonomy, site: Site) -> str:
    here = topic_page_path(row.topic)
    topic = taxonomy.get(row.topic)
    label = topic.label if topic else row.topic
    lines = [f"# {escape_heading(label)}", ""]
    if topic:
        lines += [html.escape(topic.description), ""]
    lines += [
        f"**Coverage:** {_agreement_text(row, len(matrix.schools))}. "
        f"[Back to the matrix]({site.page_url(here, 'compare/index.md')}).",
        "",
        "Each provision below is one thing the topic regulates. The *reference wording* is the most "
        "typical clause among the schools that address it; every other school's clause is shown "
        "against it word by word: <ins>added words</ins> and <del>removed words</del>.",
        "",
    ]
    for provision in row.provisions:
        lines += _provision_section(provision, matrix.schools, site, here)
    lines += ["## By school", ""]
    for slug in matrix.schools:
        cell = next(c for c in row.cells if c.school == slug)
        lines += [f'### {escape_heading(site.school_name[slug])} {{: #school-{slug} }}', ""]
        if not cell.clauses:
            lines += ["Silent on this topic.", ""]
            continue
        members = {m.clause.id: m for p in row.provisions for m in p.members}
        blocks = [
            _clause_block(slug, cid, members[cid].clause.number, html.escape(members[cid].clause.text), members[cid].clause.force, site, here)
            for cid in cell.clauses
            if cid in members
        ]
        lines += ['<div class="pa-compare">' + "".join(blocks) + "</div>", ""]
    return "\n".join(lines)


def _provision_section(provision: Provision, schools: tuple[str, ...], site: Site, here: str) -> list[str]:
    reference = provision.reference.clause
    heading = provision.label[:1].upper() + provision.label[1:] if provision.defined else f"Also: {provision.label}"
    lines = [f"## {escape_heading(heading)}", "", f'<p class="pa-divergence">{html.escape(divergence(provision, schools))}</p>', ""]
    blocks = [
        _clause_block(
            provision.reference.school, reference.id, reference.number, html.escape(reference.text), reference.force, site, here,
            ' <span class="pa-tag">reference wording</span>',
        )
    ]
    for member in provision.members:
        if member is provision.reference:
            continue
        note = ' <span class="pa-tag">different force</span>' if (member.clause.force or "none") != (reference.force or "none") else ""
        if similarity(reference.text, member.clause.text) >= REDLINE_MIN_SIMILARITY:
            text = redline_html(redline(reference.text, member.clause.text))
        else:
            text = html.escape(member.clause.text)
            note += ' <span class="pa-tag">worded differently: no redline</span>'
        blocks.append(_clause_block(member.school, member.clause.id, member.clause.number, text, member.clause.force, site, here, note))
    silent = [site.school_name[s] for s in schools if s not in provision.schools]
    lines += ['<div class="pa-compare">' + "".join(blocks) + "</div>", ""]
    if silent:
        lines += [f"Silent on this provision: {html.escape(', '.join(silent))}.", ""]
    return lines


def gap_page(slug: str, gaps: tuple[Gap, ...], matrix: Matrix, taxonomy: Taxonomy, site: Site) -> str:
    here = gap_page_path(slug)
    name = site.school_name[slug]
    lines = [
        f"# Gaps: {escape_heading(name)}",
        "",
        f"What most other schools say that {html.escape(name)}'s policy does not, and where its force stands "
        f"apart. A provision counts as *missing* when more than half of the other {len(matrix.schools) - 1} "
        "schools address it; a force is an *outlier* when most other schools that address the provision "
        "agree with each other and none gives this school's force. Provisions are those the topic "
        "taxonomy names.",
        "",
    ]
    missing = [g for g in gaps if g.kind == "missing"]
    outliers = [g for g in gaps if g.kind == "outlier"]
    lines += ["## Missing provisions", ""]
    if not missing:
        lines += ["None: this policy covers every provision most schools cover.", ""]
    for gap in missing:
        lines += _gap_item(gap, taxonomy, site, here)
    lines += ["## Force outliers", ""]
    if not outliers:
        lines += ["None.", ""]
    for gap in outliers:
        lines += _gap_item(gap, taxonomy, site, here, slug)
    return "\n".join(lines)


def _gap_item(gap: Gap, taxonomy: Taxonomy, site: Site, here: str, slug: str | None = None) -> list[str]:
    provision = gap.provision
    topic = taxonomy.get(provision.topic)
    topic_label = topic.label if topic else provision.topic
    link = site.page_url(here, topic_page_path(provision.topic))
    ref = provision.reference
    if ref.school == slug:
        # The example should show what the others say, not this school's own clause.
        others = [m for m in provision.members if m.school != slug]
        ref = next((m for m in others if (m.clause.force or "none") != (provision.force_of(slug) or "none")), others[0]) if others else ref
    mine = ""
    if slug is not None:
        own = [m for m in provision.members if m.school == slug]
        mine = "".join(
            _clause_block(slug, m.clause.id, m.clause.number, html.escape(m.clause.text), m.clause.force, site, here, ' <span class="pa-tag">this school</span>')
            for m in own
        )
    example = _clause_block(ref.school, ref.clause.id, ref.clause.number, html.escape(ref.clause.text), ref.clause.force, site, here, ' <span class="pa-tag">typical wording</span>')
    return [
        f"### {escape_heading(provision.label[:1].upper() + provision.label[1:])}",
        "",
        f"[{escape_heading(topic_label)}]({link}): {html.escape(gap.detail)}.",
        "",
        '<div class="pa-compare">' + mine + example + "</div>",
        "",
    ]


def shared_wording_page(passages: tuple[SharedPassage, ...], site: Site) -> str:
    here = "compare/shared-wording.md"
    lines = [
        "# Shared wording",
        "",
        "Passages that two or more schools word (nearly) identically, usually because they come from a "
        "common model policy, such as one a local authority published. Shared wording is not a fault: it "
        "shows where policies have a common ancestor, and where a change to that ancestor would matter.",
        "",
    ]
    if not passages:
        lines += ["No shared passages were found.", ""]
    for index, passage in enumerate(passages, start=1):
        names = ", ".join(dict.fromkeys(site.school_name[s] for s in passage.schools))
        lines += [f"## Passage {index}: {escape_heading(names)}", ""]
        first = passage.excerpts[0]
        blocks = []
        for position, (member, excerpt) in enumerate(zip(passage.members, passage.excerpts, strict=True)):
            text = html.escape(excerpt) if position == 0 else redline_html(redline(first, excerpt))
            blocks.append(_clause_block(member.school, member.clause.id, member.clause.number, text, member.clause.force, site, here))
        lines += ['<div class="pa-compare">' + "".join(blocks) + "</div>", ""]
    return "\n".join(lines)


def matrix_json(matrix: Matrix, taxonomy: Taxonomy) -> str:
    """The matrix as data: schools, then per topic its coverage, agreement, cells and provisions."""
    topics = []
    for row in matrix.rows:
        topic = taxonomy.get(row.topic)
        topics.append(
            {
                "id": row.topic,
                "label": topic.label if topic else row.topic,
                "coverage": round(row.coverage, 4),
                "force_agreement": None if row.force_agreement is None else round(row.force_agreement, 4),
                "cells": {c.school: {"clauses": list(c.clauses), "force": c.force} for c in row.cells},
                "provisions": [
                    {
                        "id": p.id,
                        "label": p.label,
                        "reference": p.reference.clause.id,
                        "schools": {s: p.force_of(s) for s in p.schools},
                        "clauses": [m.clause.id for m in p.members],
                    }
                    for p in row.provisions
                ],
            }
        )
    return json.dumps({"version": 1, "schools": list(matrix.schools), "topics": topics}, ensure_ascii=False, indent=1) + "\n"
