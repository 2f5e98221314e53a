"""Finished pages kept between builds: a page whose every input is as it was is written from the
build cache, without Markdown, the theme's templates, the allow-list or the audit.

What a finished page is made from: its own Markdown (for a generated page, its view rendered
through its template; for a school's page, the page with its summary), its front matter, what the
clause extension looks up for its clauses, and the site around it: the configuration, every
page's place and title (the theme prints the navigation on every page), the other documents, the
theme and templates of the site's own, the taxonomy, the build date and the program. ``context``
hashes the site's part once a build, ``page_key`` the page's part. A page is kept only when it was
built without a warning or error (a build from the cache must fail where a fresh one fails) and
passed the audit; what MkDocs reads of a page after rendering it (its title, table of contents,
anchors and links to other pages' anchors, for the navigation and the link checks) is kept with it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from policy_atlas.core.buildcache import BuildCache, Inputs
from policy_atlas.core.search import SearchRecord

TEMPLATE = "policy-atlas-cached.html"
"""The theme template a page from the cache is given instead of the theme's own: it prints nothing,
since the page is written from the cache (``theme/policy-atlas-cached.html``)."""


@dataclass(frozen=True, kw_only=True)
class CachedPage:
    """A finished page and what MkDocs and the plugin read from it after rendering it."""

    output: str
    content: tuple[int, int]
    """Where the page's content (``page.content``) stands in ``output``."""
    title: str | None
    toc: Any
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None
    """Links to other pages' anchors, by the linked page's path, for MkDocs' anchor check."""
    record: SearchRecord | None


class Warnings(logging.Handler):
    """Counts warnings and errors on MkDocs' loggers, so a page that logged one is not kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _nav_shape(items: Iterable[Any]) -> list[Any]:
    """The navigation's sections, pages and links, by title and address, in order."""
    shape: list[Any] = []
    for item in items:
        if item.is_section:
            shape.append(("section", item.title, _nav_shape(item.children)))
        elif item.is_page:
            shape.append(("page", item.file.src_uri, item.url))
        else:
            shape.append(("link", item.title, item.url))
    return shape


def context(config: MkDocsConfig, files: Files, nav: Navigation, *, skip: Path | None, extra: Iterable[tuple[str, str | bytes]]) -> Inputs:
    """The hash of what every page of the site is rendered with. ``skip`` is a folder of ``docs``
    whose pages' words reach no other page (the schools' pages, when the navigation does not list
    them); ``extra`` is the plugin's own part (its options, titles, taxonomy, date)."""
    inputs = Inputs("page-context")
    inputs.add_file("config", Path(config.config_file_path) if config.config_file_path else None)
    extensions = [e if isinstance(e, str) else type(e).__qualname__ for e in config.markdown_extensions]
    theme = sorted((str(k), repr(v)) for k, v in config.theme.items())
    resolved = (
        config.site_url, config.use_directory_urls, config.site_name, config.copyright, config.repo_url, config.edit_uri,
        repr(config.extra), list(config.extra_css), [str(s) for s in config.extra_javascript], extensions,
        repr(config.mdx_configs), theme, list(config.theme.dirs),
    )
    inputs.add("resolved", repr(resolved))
    inputs.add_tree("docs", Path(config.docs_dir), skip=skip)
    if config.theme.custom_dir:
        inputs.add_tree("theme", Path(config.theme.custom_dir))
    inputs.add("files", "\n".join(f"{f.src_uri}\0{f.dest_uri}\0{f.url}" for f in sorted(files, key=lambda f: f.src_uri)))
    inputs.add("nav", repr(_nav_shape(nav.items)))
    for label, value in extra:
        inputs.add(label, value)
    return inputs


def page_key(context_key: str, page: Page, markdown: str, depends: str) -> str:
    """The hash of one page's part: its place, Markdown, front matter and what else it shows (a
    school's summary, by its view; what its clauses look up)."""
    inputs = Inputs("page").add("context", context_key).add("src", page.file.src_uri).add("url", page.url)
    inputs.add("meta", repr(sorted(page.meta.items()))).add("markdown", markdown).add("depends", depends)
    return inputs.key()


def _kind(page: Page) -> str:
    return "pages/" + hashlib.sha256(page.file.src_uri.encode()).hexdigest()[:32]


def _find(cache: BuildCache, page: Page, key: str) -> CachedPage | None:
    found = cache.get(_kind(page), key)
    return found if isinstance(found, CachedPage) else None


def _keep(cache: BuildCache, page: Page, key: str, output: str, record: SearchRecord | None) -> None:
    """Store a finished page (when its content can be found in it) with what MkDocs read from it."""
    content = page.content or ""
    start = output.find(content) if content else -1
    if start < 0:
        return
    links = {f.src_uri: dict(a) for f, a in page.links_to_anchors.items()} if page.links_to_anchors is not None else None
    title = page._title_from_render  # noqa: SLF001 - what MkDocs read from the rendered page, for the navigation
    cache.put(_kind(page), key, CachedPage(
        output=output, content=(start, start + len(content)), title=title, toc=page.toc,
        anchors=frozenset(page.present_anchor_ids or ()), links_to_anchors=links, record=record,
    ))


def _restore(page: Page, found: CachedPage, files: Files) -> str:
    """Give ``page`` what MkDocs read from it when it was rendered; its content."""
    page._title_from_render = found.title  # noqa: SLF001 - see keep
    page.toc = found.toc
    page.present_anchor_ids = set(found.anchors)
    if found.links_to_anchors is not None:
        page.links_to_anchors = {files.src_uris[src]: dict(a) for src, a in found.links_to_anchors.items() if src in files.src_uris}
    start, end = found.content
    return found.output[start:end]


class Pages:
    """The pages of one build as the cache sees them: each written from it (``replayed``) or
    rendered afresh and kept when done. The plugin calls one method per MkDocs event."""

    def __init__(self, cache: BuildCache, context_key: str | None) -> None:
        self.cache = cache
        self.context = context_key
        """None: no page is read from or kept in the cache this build."""
        self.keys: dict[str, str] = {}
        """Each page rendered afresh, by path: the key it is kept under when it is done."""
        self.replayed: dict[str, CachedPage] = {}
        self.records: dict[str, SearchRecord] = {}
        self.warnings = Warnings()
        self.warned: dict[str, int] = {}
        """Warnings and errors logged while each page was rendered (its Markdown, then its template)."""

    def start(self) -> Pages:
        """Count the warnings logged from here on (MkDocs' loggers), until ``stop``."""
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return self

    def stop(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def markdown(self, page: Page, source: str, depends: str, markdown: Callable[[], str]) -> str:
        """The Markdown to render (``markdown()``, made from the page's ``source`` and what it
        ``depends`` on besides): none when the finished page is in the cache; it is then given an
        empty template (``TEMPLATE``) and written from the cache by ``output``."""
        if self.context is None:
            return markdown()
        src = page.file.src_uri
        key = page_key(self.context, page, source, depends)
        found = _find(self.cache, page, key)
        if found is None:
            self.keys[src] = key
            self.warned[src] = -self.warnings.count
            return markdown()
        self.replayed[src] = found
        page.meta["template"] = TEMPLATE
        return ""

    def content(self, page: Page, files: Files) -> CachedPage | None:
        """The page's Markdown is rendered: the kept page, its content given back to ``page``, or None."""
        src = page.file.src_uri
        found = self.replayed.get(src)
        if found is not None:
            page.content = _restore(page, found, files)
        elif src in self.warned:
            self.warned[src] += self.warnings.count
        return found

    def before_template(self, page: Page) -> None:
        if page.file.src_uri in self.warned:
            self.warned[page.file.src_uri] -= self.warnings.count

    def output(self, page: Page) -> str | None:
        """The finished page from the cache, or None when it was rendered afresh."""
        found = self.replayed.get(page.file.src_uri)
        return found.output if found is not None else None

    def keep(self, page: Page, output: str) -> None:
        """Keep a page that passed the audit, if it was rendered without a warning or error."""
        src = page.file.src_uri
        if src in self.keys and self.warned.get(src, 1) + self.warnings.count == 0:
            _keep(self.cache, page, self.keys[src], output, self.records.get(src))
