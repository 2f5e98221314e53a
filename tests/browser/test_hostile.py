"""The hostile site in Chromium: every page loads without a dialog, a script error or a request to
another host, and searching for the payloads' words shows results without running any of them.

The site is built from ``hostilekit`` (a payload in every field of every school, and in the
taxonomy's labels), as ``tests/site_build/test_build_hostile.py`` builds it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import DESKTOP, REPO, dialogs_on_every_page, serve, watch
from hostilekit import EPOCH, PAYLOADS, hostile_project
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site_build"))
import sitekit  # noqa: E402  (the real-build helpers of tests/site_build)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("hostile") / "project"
    project = hostile_project(root, sitekit.make_project, sitekit.normalise, REPO / "taxonomy.yml")
    site = project / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    with serve(site) as url:
        yield url, site


def test_no_page_of_the_hostile_site_opens_a_dialog(browser: Browser, hostile_url: tuple[str, Path]) -> None:
    base, site = hostile_url
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    dialogs, log = dialogs_on_every_page(browser, base, site)
    assert dialogs == []
    assert log.external == []
    assert log.page_errors == []
    # Moving to the next page aborts the last one's search worker and index: not a failure.
    assert [f for f in log.failed_local if "net::ERR_ABORTED" not in f] == []


@pytest.mark.parametrize("query", ["alert", "script", "javascript", "onerror", "contact pupils"])
def test_searching_the_payloads_runs_none_of_them(browser: Browser, hostile_url: tuple[str, Path], query: str) -> None:
    base, _ = hostile_url
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{d.type} {d.message!r}"), d.dismiss()))
    log = watch(page, base)
    try:
        page.goto(base + "policies/", wait_until="load")
        page.keyboard.press("/")
        page.locator("#pa-search-input").press_sequentially(query)
        page.locator("dialog.pa-search .pa-result").first.wait_for(timeout=30_000)
        assert page.locator("dialog.pa-search .pa-result").count() > 0
        page.wait_for_timeout(300)  # results render in batches; give them all a moment
        assert dialogs == []
        assert log.page_errors == []
        assert log.external == []
    finally:
        context.close()
