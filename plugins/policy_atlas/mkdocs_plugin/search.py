"""Clause-level search and the offline copy, as MkDocs sees them: assets, page records, files written.

The core decides what a record says and how the index is laid out (``core/search.py``); here
records get their URLs from MkDocs' ``Files``, pages the plugin does not generate (the home
page, the accessibility statement) are read once rendered, and the index is written after the
build. The offline copy is the built site, zipped into it with its links to folders pointed at
their ``index.html`` (``core/offline.py``): a copy, not a second build.
"""

from __future__ import annotations

import html as html_module
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from policy_atlas.core.buildcache import BuildCache, Inputs, key_of
from policy_atlas.core.files import replacing, write_atomically
from policy_atlas.core.offline import write_offline_zip
from policy_atlas.core.search import SearchRecord, html_text
from policy_atlas.core.refs import Ref

from .pages import SEARCH_INDEX, SitePaths, asset_file

SCRIPT = "assets/policy-atlas/search.js"
STYLES = "assets/policy-atlas/search.css"
INDEX_DIR = SEARCH_INDEX
OFFLINE_ZIP = "downloads/policy-atlas-offline.zip"


def add_assets(config: MkDocsConfig) -> None:
    """The search script and its styles on every page (MkDocs adds them after the theme's)."""
    if SCRIPT not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]
    if STYLES not in config.extra_css:
        config.extra_css.append(STYLES)


def asset_files(config: MkDocsConfig) -> list[File]:
    return [asset_file(config, SCRIPT), asset_file(config, STYLES)]


def zip_placeholder(config: MkDocsConfig) -> File:
    """The offline zip as a file of the site from the start, so pages can link to it (MkDocs checks
    links); the build writes it after every page is done."""
    return File.generated(config, OFFLINE_ZIP, content=b"")


def page_record(page: Page, html: str) -> SearchRecord:
    """A page the plugin does not generate, found by its title and text."""
    title = html_module.unescape(str(page.title or ""))  # escaped for the theme, which prints it as HTML
    return SearchRecord("page", page.file.src_uri, title, "", html_text(html))


def url_from_root(paths: SitePaths, files: Files) -> Callable[[Ref | str], str]:
    """A record's address relative to the site's root, from MkDocs' ``Files``."""

    def url(ref: Ref | str) -> str:
        src = ref if isinstance(ref, str) else paths.src(ref)
        found = files.src_uris.get(src)
        if found is None:
            raise ValueError(f"policy-atlas: a search record links to {src}, which is not in the site")
        fragment = "" if isinstance(ref, str) else ref.fragment
        return found.url + (f"#{quote(fragment)}" if fragment else "")

    return url


def write_index(site_dir: str, index: dict[str, str]) -> None:
    folder = Path(site_dir) / INDEX_DIR
    for name, content in sorted(index.items()):
        write_atomically(folder / name, content)


def offline_zip(config: MkDocsConfig, cache: BuildCache) -> Path:
    """Zip the built site, every file but the zip itself, into ``downloads/`` of that site: opened
    from a folder, its links to folders name their ``index.html`` (see ``core/offline.py``). The
    zip of a site whose every file is as it was last time comes from the build cache: hashing the
    files costs a tenth of compressing them."""
    site = Path(config.site_dir)
    target = site / OFFLINE_ZIP
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target)  # a copy holds no copy of itself

    def inputs() -> Inputs:
        made = Inputs("offline")
        for path in files:
            made.add(path.relative_to(site).as_posix(), path.read_bytes())
        return made

    key = key_of(inputs)
    stored = cache.get("offline", key) if key is not None else None
    if isinstance(stored, bytes):
        write_atomically(target, stored)
        return target
    with replacing(target) as written:
        write_offline_zip(site, files, written)
    if key is not None:
        cache.put("offline", key, target.read_bytes())
    return target
