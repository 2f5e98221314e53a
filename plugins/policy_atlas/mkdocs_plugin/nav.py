"""Navigation shaping: schools grouped, Compare in reading order, footer links to match."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from policy_atlas.core.model import PolicyMeta
from policy_atlas.core.render import group_of

from .pages import COMPARE, TOPICS


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
    for group in sorted(groups, key=str.casefold):
        pages = sorted(groups[group], key=lambda p: (str(p.title).casefold(), p.file.src_uri))
        sub = Section(html.escape(group), pages)  # type: ignore[arg-type]
        sub.parent = section
        for page in pages:
            page.parent = sub
        children.append(sub)
    section.children = children  # type: ignore[assignment]


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
        return (2 if any(isinstance(p, Page) and p.file.src_uri.startswith(COMPARE + "/") for p in item.children) else 4, 0)

    nav.items.sort(key=rank)  # type: ignore[arg-type]


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

