"""Where every generated page and data file lives in the site, and the URL of anything a view links to.

The one place that knows paths: the views in the core name pages by kind (``Ref``), the
navigation asks here for the Compare section's folders, and every URL comes from MkDocs'
``Files``, relative to the page being rendered.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from policy_atlas.core.changeviews import SiteChanges
from policy_atlas.core.views import PageKind, Ref, SiteViews

COMPARE = "compare"
TOPICS = f"{COMPARE}/topics"
GAPS = f"{COMPARE}/gaps"
MODEL = "model-policy.md"
DOWNLOADS = "downloads"
DOWNLOAD_SUFFIX = ".download"
FINDER = "find-a-clause.md"
CHANGES = "changes"
"""The "What changed" pages: ``changes/index.md`` for the site, ``changes/<slug>.md`` for a school."""
SEARCH_INDEX = "search"
"""The folder of the search index's script files."""
ASSETS = Path(__file__).resolve().parent.parent / "assets"
"""The plugin's own style sheets and script, each published as ``assets/policy-atlas/<its name>``."""
PAGE_STYLES = "assets/policy-atlas/pages.css"
"""The style sheet of every page the plugin renders (clauses, badges, matrices, redlines, the model
policy, print): shipped with the plugin, so a site that installs it needs no copy of its own."""


def asset_file(config: MkDocsConfig, site_path: str) -> File:
    """One of the plugin's assets as a file of the site, at ``site_path``."""
    return File.generated(config, site_path, abs_src_path=str(ASSETS / posixpath.basename(site_path)))


class PageView(Protocol):
    @property
    def title(self) -> str: ...


@dataclass(frozen=True)
class Generated:
    """A page the plugin adds: its path in ``docs``, the template that renders it, and its view."""

    src: str
    template: str
    view: PageView


@dataclass(frozen=True)
class SitePaths:
    """The site's layout: schools under ``pages_dir``, comparison under ``compare/``, data under ``data_dir``."""

    pages_dir: str
    data_dir: str

    def src(self, ref: Ref) -> str:
        """The path in ``docs`` of the page or file a reference names.

        Part n (after the first) of a page split into parts is ``n.md`` in a folder named as
        the page: ``compare/topics/images/2.md`` (so its address is ``compare/topics/images/2/``).
        """
        if ref.part > 1:
            match ref.kind:
                case PageKind.MATRIX:
                    return f"{COMPARE}/matrix/{ref.part}.md"
                case PageKind.TOPIC:
                    return f"{TOPICS}/{ref.key}/{ref.part}.md"
                case PageKind.SHARED:
                    return f"{COMPARE}/shared-wording/{ref.part}.md"
        match ref.kind:
            case PageKind.SCHOOL:
                return f"{self.pages_dir}/{ref.key}.md"
            case PageKind.SCHOOLS:
                return f"{self.pages_dir}/index.md"
            case PageKind.MATRIX:
                return f"{COMPARE}/index.md"
            case PageKind.TOPIC:
                return f"{TOPICS}/{ref.key}.md"
            case PageKind.GAPS:
                return f"{GAPS}/{ref.key}.md"
            case PageKind.SHARED:
                return f"{COMPARE}/shared-wording.md"
            case PageKind.MODEL:
                return MODEL
            case PageKind.DATA:
                return f"{self.data_dir}/{ref.key}"
            case PageKind.DOWNLOAD:
                # A Markdown download must not be taken for a page of the site: its source path
                # has a suffix of its own, and ``download`` gives it its real name in the site.
                return f"{DOWNLOADS}/{ref.key}" + (DOWNLOAD_SUFFIX if ref.key.endswith(".md") else "")
            case PageKind.FINDER:
                return FINDER
            case PageKind.CHANGES:
                return f"{CHANGES}/{ref.key}.md" if ref.key else f"{CHANGES}/index.md"

    def pages(self, views: SiteViews, finder: PageView | None = None, changes: SiteChanges | None = None) -> list[Generated]:
        """Every generated Markdown page, with the template that renders it."""
        pages = [Generated(FINDER, "finder.md.jinja", finder)] if finder is not None else []
        if changes is not None:
            pages.append(Generated(self.src(Ref(PageKind.CHANGES)), "changes-site.md.jinja", changes.site))
            pages += [Generated(self.src(Ref(PageKind.CHANGES, slug)), "changes.md.jinja", view) for slug, view in sorted(changes.schools.items())]
        pages += [Generated(self.src(Ref(PageKind.SCHOOLS)), "schools.md.jinja", views.schools)]
        matrix_pages = views.matrix_pages or ((views.matrix,) if views.matrix is not None else ())
        pages += [Generated(self.src(Ref(PageKind.MATRIX, part=n)), "matrix.md.jinja", m) for n, m in enumerate(matrix_pages, start=1)]
        for parts in views.topic_pages or tuple((t,) for t in views.topics):
            pages += [Generated(self.src(t.ref), "topic.md.jinja", t) for t in parts]
        pages += [Generated(self.src(Ref(PageKind.GAPS, g.slug)), "gaps.md.jinja", g) for g in views.gaps]
        for n, shared in enumerate(views.shared_pages or (views.shared,), start=1):
            pages.append(Generated(self.src(Ref(PageKind.SHARED, part=n)), "shared-wording.md.jinja", shared))
        if views.model is not None:
            pages.append(Generated(self.src(Ref(PageKind.MODEL)), "model-policy.md.jinja", views.model))
        return pages

    def download(self, config: MkDocsConfig, ref: Ref, content: str | bytes) -> File:
        """A file offered for download, published under its own name (``downloads/<key>``)."""
        made = File.generated(config, self.src(ref), content=content)
        made.dest_uri = f"{DOWNLOADS}/{ref.key}"
        return made

    def part_srcs(self, views: SiteViews) -> set[str]:
        """The parts after the first of pages split into parts: reached from the first, not the navigation."""
        parts = {self.src(Ref(PageKind.MATRIX, part=n)) for n in range(2, len(views.matrix_pages) + 1)}
        parts |= {self.src(t.ref) for topic in views.topic_pages for t in topic if t.ref.part > 1}
        parts |= {self.src(Ref(PageKind.SHARED, part=n)) for n in range(2, len(views.shared_pages) + 1)}
        return parts

    def school_src(self, slug: str) -> str:
        return self.src(Ref(PageKind.SCHOOL, slug))

    def reserved(self) -> dict[str, str]:
        """The slugs no school may have, each with the place of the site's own it would land on.

        A school's page is ``<pages_dir>/<slug>.md``, published as ``<pages_dir>/<slug>/``: it must
        not take the place of a page or folder the plugin makes there (the schools index, always;
        the rest when ``pages_dir`` is where they are). Found from every kind of page, so a new one
        is reserved without a list to keep up to date.
        """
        places = [self.src(Ref(kind, "-", part=part)) for kind in PageKind if kind is not PageKind.SCHOOL for part in (1, 2)]
        places += [f"{SEARCH_INDEX}/-", PAGE_STYLES]
        folder = f"{self.pages_dir.strip('/')}/" if self.pages_dir.strip("/") else ""
        found: dict[str, str] = {}
        for place in places:
            if place.startswith(folder):
                name, _, below = place[len(folder):].partition("/")
                found.setdefault(name.removesuffix(".md"), f"{folder}{name}/" if below else place)
        return found


class Links:
    """URLs from one page of the site: ``links(ref)`` is the relative URL of what ``ref`` names."""

    def __init__(self, paths: SitePaths, files: Files, here: str) -> None:
        self.paths = paths
        self.files = files
        self.here = self._file(here)
        self._urls: dict[str, str] = {}
        """Each page's URL from here, found once: a topic page links to the same pages thousands of times."""

    def _file(self, src: str) -> File:
        found = self.files.src_uris.get(src)
        if found is None:
            raise PluginError(f"policy-atlas: a generated page links to {src}, which is not in the site")
        return found

    def has(self, ref: Ref) -> bool:
        """Whether the page ``ref`` names is in the site."""
        return self.paths.src(ref) in self.files.src_uris

    def __call__(self, ref: Ref) -> str:
        src = self.paths.src(ref)
        url = self._urls.get(src)
        if url is None:
            url = self._urls[src] = self._file(src).url_relative_to(self.here)
        return f"{url}#{quote(ref.fragment, safe='/=')}" if ref.fragment else url


THEME_SCRIPTS = ("assets/javascripts/", "assets/policy-atlas/")
"""Where the theme's own scripts live in the site: Material's bundle and search worker, and the
start-up scripts the plugin moved out of the page (``policy_atlas/theme``)."""


def script_policy(page_url: str, extra_javascript: Iterable[object]) -> Callable[[str], bool]:
    """Which ``<script src>`` a page at ``page_url`` may load: the theme's own files and the site's
    ``extra_javascript``, by their exact place in the site; never another host."""
    extra = {posixpath.normpath(str(getattr(s, "path", s))) for s in extra_javascript}
    here = posixpath.dirname("/" + page_url) if not page_url.endswith("/") else "/" + page_url

    def allowed(src: str) -> bool:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or parts.query:
            return False
        path = posixpath.normpath(posixpath.join(here, parts.path)).lstrip("/")
        return path.endswith(".js") and (path.startswith(THEME_SCRIPTS) or path in extra)

    return allowed
