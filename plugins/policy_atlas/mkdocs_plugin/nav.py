"""Navigation shaping: schools grouped, Compare in reading order, footer links to match."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from policy_atlas.core.model import PolicyMeta
from policy_atlas.core.render import group_of

from .pages import CHANGES, COMPARE, GAPS, TOPICS

NAV_SCHOOLS = 12
"""Up to this many schools the navigation lists every school's page (and gap report and changes),
grouped; past it, only the schools index, which with search reaches each one. About as many
entries as a sidebar shows without scrolling; and Material renders the navigation on every page,
so a list that grows with the schools on each of a number of pages that grows with the schools
costs the square of the schools."""

NAV_GROUP_MAX = 50
"""A navigation group of more schools than this is split by initial letter ("A–C", "D"...): every
page lists the schools of its own group, so no page carries the names of hundreds of schools."""


def _section_holding(nav: Navigation, prefix: str) -> Section | None:
    return next(
        (i for i in nav.items if isinstance(i, Section) and any(isinstance(p, Page) and p.file.src_uri.startswith(prefix) for p in i.children)),
        None,
    )


def group_schools(nav: Navigation, prefix: str, title: str, meta_of: Mapping[str, PolicyMeta]) -> None:
    """One sub-section per metadata group, schools by name within it, the index page first."""
    section = _section_holding(nav, prefix)
    if section is None:
        return
    section.title = title
    index_page = next((p for p in section.children if isinstance(p, Page) and p.file.src_uri.endswith("/index.md")), None)
    groups: dict[str, list[Page]] = {}
    for child in section.children:
        meta = meta_of.get(child.file.src_uri) if isinstance(child, Page) else None
        if meta is not None and isinstance(child, Page):
            child.title = html.escape(meta.school)  # the theme prints nav titles as HTML
            groups.setdefault(group_of(meta), []).append(child)
    children: list[Page | Section] = [index_page] if index_page else []
    children += _sections(groups, section)
    section.children = children  # type: ignore[assignment]


def _sections(groups: Mapping[str, list[Page]], parent: Section) -> list[Section]:
    """A section per group, pages by title; a group over ``NAV_GROUP_MAX`` in sections by letter."""
    made = []
    for group in sorted(groups, key=str.casefold):
        pages = sorted(groups[group], key=lambda p: (str(p.title).casefold(), p.file.src_uri))
        sub = Section(html.escape(group), [])
        sub.parent = parent
        if len(pages) > NAV_GROUP_MAX:
            sub.children = _sections(_by_letters(pages), sub)  # type: ignore[assignment]
        else:
            sub.children = pages  # type: ignore[assignment]
            for page in pages:
                page.parent = sub
        made.append(sub)
    return made


def _by_letters(pages: list[Page]) -> dict[str, list[Page]]:
    """Pages (in title order) in runs of initial letters, each run at most ``NAV_GROUP_MAX`` pages
    unless one letter alone has more: {"A–C": [...], "D": [...]}."""
    letters: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        first = html.unescape(str(page.title)).strip()[:1].upper()
        letters[first if first.isalpha() else "#"].append(page)
    runs: dict[str, list[Page]] = {}
    current: list[Page] = []
    names: list[str] = []
    for letter in sorted(letters):
        if current and len(current) + len(letters[letter]) > NAV_GROUP_MAX:
            runs[names[0] if len(names) == 1 else f"{names[0]}–{names[-1]}"] = current
            current, names = [], []
        current = current + letters[letter]
        names.append(letter)
    if current:
        runs[names[0] if len(names) == 1 else f"{names[0]}–{names[-1]}"] = current
    return runs


def group_gap_reports(nav: Navigation, meta_of: Mapping[str, PolicyMeta]) -> None:
    """Gap reports grouped as the schools are (``meta_of`` by gap report path), titled by school."""
    compare = _section_holding(nav, COMPARE + "/")
    reports = next(
        (s for s in compare.children if isinstance(s, Section) and any(isinstance(p, Page) and p.file.src_uri.startswith(GAPS + "/") for p in s.children)),
        None,
    ) if compare is not None else None
    if reports is None:
        return
    groups: dict[str, list[Page]] = {}
    for child in reports.children:
        meta = meta_of.get(child.file.src_uri) if isinstance(child, Page) else None
        if meta is not None and isinstance(child, Page):
            child.title = html.escape(meta.school)
            groups.setdefault(group_of(meta), []).append(child)
    if len(groups) > 1 or any(len(pages) > NAV_GROUP_MAX for pages in groups.values()):
        reports.children = _sections(groups, reports)  # type: ignore[assignment]


def drop_pages(nav: Navigation, srcs: set[str]) -> None:
    """Take pages out of the navigation (the later parts of a page split into parts), and any
    section left empty; they are still built, and linked from their first part."""

    def kept(items: list[Page | Section]) -> list[Page | Section]:
        out: list[Page | Section] = []
        for item in items:
            if isinstance(item, Page) and item.file.src_uri in srcs:
                continue
            if isinstance(item, Section):
                item.children = kept(item.children)  # type: ignore[arg-type,assignment]
                if not item.children:
                    continue
            out.append(item)
        return out

    nav.items = kept(nav.items)  # type: ignore[arg-type,assignment]


def order_compare(nav: Navigation, topic_order: Mapping[str, int]) -> None:
    """Matrix first, then topics in taxonomy order (core topics lead), gap reports, shared wording."""
    compare = _section_holding(nav, COMPARE + "/")
    if compare is None:
        return
    compare.title = "Compare"
    rank_of_page: Callable[[Page | Section], int] = (
        lambda p: topic_order.get(PurePosixPath(p.file.src_uri).stem, len(topic_order)) if isinstance(p, Page) else len(topic_order)
    )

    def rank(item: Page | Section) -> tuple[int, str]:
        if isinstance(item, Page):
            return (0 if item.file.src_uri.endswith("index.md") else 3, item.file.src_uri)
        if any(isinstance(p, Page) and p.file.src_uri.startswith(TOPICS + "/") for p in item.children):
            item.title = "Topics"
            item.children.sort(key=rank_of_page)  # type: ignore[arg-type]
            return (1, "")
        item.title = "Gap reports"
        return (2, "")

    compare.children.sort(key=rank)  # type: ignore[arg-type]


def order_top(nav: Navigation, first: tuple[str, ...]) -> None:
    """The top level in reading order: the home page, then the pages ``first`` names in that order
    (the model policy, the clause finder), then the Compare section, then the rest as MkDocs
    found them."""

    def rank(item: Page | Section) -> tuple[int, int]:
        if isinstance(item, Page):
            if item.file.src_uri == "index.md":
                return (0, 0)
            return (1, first.index(item.file.src_uri)) if item.file.src_uri in first else (3, 0)
        if any(isinstance(p, Page) and p.file.src_uri.startswith(CHANGES + "/") for p in item.children):
            return (2, 1)  # what changed, just after Compare
        return (2 if any(isinstance(p, Page) and p.file.src_uri.startswith(COMPARE + "/") for p in item.children) else 4, 0)

    nav.items.sort(key=rank)  # type: ignore[arg-type]


def name_changes(nav: Navigation, meta_of: Mapping[str, PolicyMeta]) -> None:
    """The "What changed" section: so titled, the site's page first, each school's page by its name
    (``meta_of`` by the page's path)."""
    section = _section_holding(nav, CHANGES + "/")
    if section is None:
        return
    section.title = "What changed"
    for child in section.children:
        meta = meta_of.get(child.file.src_uri) if isinstance(child, Page) else None
        if meta is not None and isinstance(child, Page):
            child.title = html.escape(meta.school)
    section.children.sort(key=lambda c: (not (isinstance(c, Page) and c.file.src_uri.endswith("/index.md")), str(c.title).casefold()))


def relink(nav: Navigation) -> None:
    """Put the pages and their previous/next links in the shaped navigation's order.

    MkDocs links pages before ``on_nav`` runs, so the footer would otherwise follow file order.
    """

    def pages(items: list[Page | Section]) -> list[Page]:
        found: list[Page] = []
        for item in items:
            if isinstance(item, Page):
                found.append(item)
            elif isinstance(item, Section):
                found.extend(pages(item.children))  # type: ignore[arg-type]
        return found

    ordered = pages(nav.items)
    nav.pages = ordered
    for index, page in enumerate(ordered):
        page.previous_page = ordered[index - 1] if index else None
        page.next_page = ordered[index + 1] if index + 1 < len(ordered) else None

