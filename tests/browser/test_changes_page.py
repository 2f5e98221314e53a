"""The "What changed" pages in Chromium: the project's own site with one school given a folder of
two versions (made-up edits of our own: a rewording that changes the force, a new clause, a moved
section), at 1280 and 320 px with no axe-core violation at all, no sideways scrolling, and every
link to a clause landing on that clause."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import ALL_TAGS, DESKTOP, NARROW, REPO, SOURCE_DATE_EPOCH, SitePage, serve
from mkdocs.commands.build import build
from mkdocs.config import load_config

pytestmark = pytest.mark.browser

VERSIONS = REPO / "tests" / "fixtures" / "versions"
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's site in place of the project's own: conftest's ``site`` fixture serves it."""
    root = tmp_path_factory.mktemp("changes-site")
    for name in ("mkdocs.yml", "taxonomy.yml", "model_outline.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "source_policies", root / "source_policies")
    folder = root / "source_policies" / "willow-lane"
    folder.mkdir()
    base = (VERSIONS / "base.txt").read_text(encoding="utf-8")
    newer = (VERSIONS / "moved-section.txt").read_text(encoding="utf-8").replace("4.1 Staff should avoid posting comments", "4.1 Staff must not post comments")
    (folder / "2024-09.txt").write_text(base, encoding="utf-8")
    (folder / "2025-09.txt").write_text(newer.replace("6.1 A breach", "5.3 Governors review this policy every year.\n\n6.1 A breach"), encoding="utf-8")
    (root / "source_policies" / "willow-lane.yml").write_text("school: Willow Lane School\nnext_review: 2025-09\n", encoding="utf-8")
    from policy_atlas.cli import main as cli_main

    assert cli_main(["--project", str(root), "normalise", "--quiet"]) == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("width", ["1280", "320"])
@pytest.mark.parametrize("path", ["changes/", "changes/willow-lane/"])
def test_the_changes_pages_have_no_axe_violations_and_fit(site: SitePage, axe_script: str, path: str, width: str) -> None:
    from browserkit import violations

    site.page.set_viewport_size(DESKTOP if width == "1280" else NARROW)
    page = site.goto(path)
    page.wait_for_load_state("networkidle")
    assert violations(page, axe_script, ALL_IMPACTS, ALL_TAGS) == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    assert site.log.problems() == [] and site.log.external == []


def test_a_clause_link_lands_on_that_clause_of_the_current_version(site: SitePage) -> None:
    page = site.goto("changes/willow-lane/")
    link = page.locator(".pa-change--reworded a", has_text="clause 4.1").last
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/policies/willow-lane/#willow-lane/4.1")
    assert "Staff must not post comments" in page.evaluate("document.getElementById(decodeURIComponent(location.hash.slice(1))).textContent")


def test_the_site_page_links_to_the_schools_pair(site: SitePage) -> None:
    page = site.goto("changes/")
    page.get_by_role("link", name="Willow Lane School: September 2024 to September 2025").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/changes/willow-lane/#from-2024-09-to-2025-09")
    assert page.locator("#from-2024-09-to-2025-09").is_visible()
