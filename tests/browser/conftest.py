"""Browser fixtures: this project's real site, built once and served on localhost, in Debian's Chromium.

The tests never download a browser. Without ``/usr/bin/chromium`` they are skipped, except under
CI (``CI=true``), where a missing browser (or axe-core) is a failure: CI must run them.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from browserkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    REPO,
    SOURCE_DATE_EPOCH,
    SitePage,
    serve,
    skip_or_fail,
    watch,
)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Playwright, sync_playwright


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built strictly from this repository's ``mkdocs.yml``."""
    site_dir = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
    return site_dir


@pytest.fixture(scope="session")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site's offline copy, unpacked as a reader would, to open from ``file://``."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / "downloads" / "policy-atlas-offline.zip") as archive:
        archive.extractall(folder)
    return folder / "policy-atlas"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site's root address, served on 127.0.0.1 from a daemon thread."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        skip_or_fail(
            f"{CHROMIUM} is missing: install Debian's chromium package (the tests never download a browser)"
        )
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def site(browser: Browser, site_url: str) -> Iterator[SitePage]:
    """A fresh desktop-sized (1280x900) page on the served site, in a context of its own."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        yield SitePage(page, site_url, watch(page, site_url))
    finally:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's ``axe.min.js``, as bundled in the ``axe-playwright-python`` wheel (no download)."""
    try:
        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        skip_or_fail(f"axe-core is not installed ({error}): pip install axe-playwright-python")


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$POLICY_ATLAS_SCREENSHOTS`` to keep them, else a temporary directory."""
    kept = os.environ.get("POLICY_ATLAS_SCREENSHOTS")
    if kept:
        path = Path(kept)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")
