"""The "What changed" pages in Chromium: the project's own site with one school given a folder of
two versions (made-up edits of our own: a rewording that changes the force, a new clause, a moved
section), at 1280 and 320 px with no axe-core violation at all, no sideways scrolling, and every
link to a clause landing on that clause."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browserkit import ALL_TAGS, DESKTOP, NARROW, REPO, SitePage, build_project_with, serve

pytestmark = pytest.mark.browser

VERSIONS = REPO / "tests" / "fixtures" / "versions"
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's site in place of the project's own: conftest's ``site`` fixture serves it."""
    base = (VERSIONS / "base.txt").read_text(encoding="utf-8")
    newer = (VERSIONS / "moved-section.txt").read_text(encoding="utf-8").replace("4.1 Staff should avoid posting comments", "4.1 Staff must not post comments")
    site = build_project_with(
        tmp_path_factory.mktemp("changes-site"),
        {
            "willow-lane/2024-09.txt": base,
            "willow-lane/2025-09.txt": newer.replace("6.1 A breach", "5.3 Governors review this policy every year.\n\n6.1 A breach"),
            "willow-lane.yml": "school: Willow Lane School\nnext_review: 2025-09\n",
        },
    )
    with serve(site) as url:
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
