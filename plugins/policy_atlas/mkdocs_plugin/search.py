"""Clause-level search and the offline copy, as MkDocs sees them: assets, page records, files written.

The core decides what a record says and how the index is laid out (``core/search.py``); here
records get their URLs from MkDocs' ``Files``, pages the plugin does not generate (the home
page, the accessibility statement) are read once rendered, and the index is written after the
build. The offline copy is a second build of the same ``mkdocs.yml`` with plain ``.html``
addresses, zipped into the site.
"""

from __future__ import annotations

import html as html_module
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from policy_atlas.core.files import replacing, write_atomically, zip_member_name
from policy_atlas.core.search import SearchRecord, html_text
from policy_atlas.core.refs import Ref

from .pages import SEARCH_INDEX, SitePaths, asset_file

SCRIPT = "assets/policy-atlas/search.js"
STYLES = "assets/policy-atlas/search.css"
INDEX_DIR = SEARCH_INDEX
OFFLINE_ZIP = "downloads/policy-atlas-offline.zip"
OFFLINE_ENV = "POLICY_ATLAS_OFFLINE_COPY"
"""Set while the offline copy builds, so that copy does not build a copy of its own."""


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


def building_offline_copy() -> bool:
    return os.environ.get(OFFLINE_ENV) == "1"


_HANDED: dict[str, object] = {}
"""What a build hands to the offline copy it builds of the same ``mkdocs.yml``, by config file."""


def handed_over(config_file: str | None) -> object | None:
    """What the build of which this is the offline copy handed over, or None."""
    return _HANDED.get(config_file or "") if building_offline_copy() else None


def offline_zip(config: MkDocsConfig, prepared: object = None) -> Path:
    """Build the site again with ``.html`` addresses (pages, navigation and search then work when
    opened from a folder) and zip it into ``downloads/`` of the site being built. ``prepared``
    (the build's corpus, analysis and views) is handed to the copy, which has the same inputs."""
    target = Path(config.site_dir) / OFFLINE_ZIP
    with tempfile.TemporaryDirectory(prefix="policy-atlas-offline-") as tmp:
        previous = os.environ.get(OFFLINE_ENV)
        os.environ[OFFLINE_ENV] = "1"
        if prepared is not None:
            _HANDED[config.config_file_path or ""] = prepared
        try:
            # Never strict: the build it copies has reported every warning once and fails on them
            # itself; a strict copy would stop at the first and leave the zip the pages link to empty.
            copy = load_config(config_file=config.config_file_path, site_dir=tmp, use_directory_urls=False, strict=False)
            build(copy)
        finally:
            _HANDED.clear()
            if previous is None:
                del os.environ[OFFLINE_ENV]
            else:
                os.environ[OFFLINE_ENV] = previous
        with replacing(target) as written, zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(tmp).rglob("*")):
                if path.is_file() and path.relative_to(tmp).as_posix() != OFFLINE_ZIP:  # a copy holds no copy of itself
                    # A fixed date for every entry: the same site gives the same zip, byte for byte.
                    info = zipfile.ZipInfo(f"policy-atlas/{zip_member_name(path.relative_to(tmp).as_posix())}", date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, path.read_bytes())
    return target
