"""Every page type, at 1280 and 320 px: no axe-core violation at all (WCAG 2.2 A and AA and axe's
best practices, whatever the impact), reachable and usable by keyboard with a visible focus never
under the sticky header, no sideways scrolling at 320 px or at 200% zoom, and a screenshot of
each for a person to look at (``tests/artifacts/``)."""

from __future__ import annotations

import pytest
from browserkit import ALL_TAGS, ARTIFACTS, DESKTOP, NARROW, PageLog, SitePage, violations
from pagetypes import PAGE_TYPES, PageType
from playwright.sync_api import Browser, Page, expect

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
    assert site.log.problems() == kind.expected(site.base)
    assert site.log.external == []


FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect();
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
        || style.textDecorationLine.includes('underline');
    const inHeader = !!el.closest('.md-header') || !!el.closest('dialog') || style.position === 'fixed';
    const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().slice(0, 50);
    return {name, tag: el.tagName, ring, inHeader,
            top: box.top, bottom: box.bottom, left: box.left, right: box.right, width: box.width, height: box.height,
            headerBottom: header.bottom, viewHeight: innerHeight, viewWidth: innerWidth};
}"""


def focus_problems(page: Page, key: str, presses: int) -> list[str]:
    """Press ``key`` (Tab or Shift+Tab) ``presses`` times; whatever takes the focus must be shown,
    with a visible focus indicator, inside the window and not under the sticky header."""
    problems = []
    for _ in range(presses):
        page.keyboard.press(key)
        f = page.evaluate(FOCUS_JS)
        if f is None:
            continue
        where = f"{f['tag']} “{f['name']}”"
        if f["width"] == 0 or f["height"] == 0 or f["right"] <= 0 or f["left"] >= f["viewWidth"]:
            problems.append(f"{where}: focused but not shown ({f})")
        elif not f["inHeader"] and (f["top"] < f["headerBottom"] - 1 or f["bottom"] > f["viewHeight"] + 1):
            problems.append(f"{where}: focused under the header or off screen ({f['top']:.0f}..{f['bottom']:.0f})")
        if not f["ring"]:
            problems.append(f"{where}: no visible focus indicator")
    return sorted(set(problems))


KEYBOARD_TYPES = [k for k in PAGE_TYPES if k.search is None]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KEYBOARD_TYPES, ids=[k.name for k in KEYBOARD_TYPES])
def test_keyboard_focus_is_always_visible_and_never_under_the_header(site: SitePage, kind: PageType, width: str) -> None:
    site.page.set_viewport_size(WIDTHS[width])
    page = open_page(site, kind)

    problems = focus_problems(page, "Tab", 60)
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, document.documentElement.scrollHeight)")
    problems += focus_problems(page, "Shift+Tab", 30)

    assert problems == []


@pytest.mark.parametrize("width", WIDTHS)
def test_menu_and_search_work_from_the_keyboard(site: SitePage, width: str) -> None:
    """At 320 px the menu and the search are buttons a keyboard reaches; each opens with Enter and
    closes with Escape, giving the focus back."""
    site.page.set_viewport_size(WIDTHS[width])
    page = open_page(site, PAGE_TYPES[2])
    search = page.get_by_role("button", name="Search", exact=True)
    for _ in range(10):
        page.keyboard.press("Tab")
        if search.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("ten presses of Tab never reached the search button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name="Search every clause")).to_be_visible()
    expect(page.locator("#pa-search-input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(search).to_be_focused()

    menu = page.get_by_role("button", name="Menu", exact=True)
    if width == "1280":
        expect(menu).to_be_hidden()  # the navigation is always shown at this width
        return
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a[href]").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()


REFLOW = {"320": (NARROW, 1), "zoom-200": ({"width": 640, "height": 450}, 2)}


@pytest.mark.parametrize("zoom", REFLOW)
@pytest.mark.parametrize("kind", PAGE_TYPES, ids=[k.name for k in PAGE_TYPES])
def test_pages_reflow_without_sideways_scrolling(browser: Browser, site_url: str, kind: PageType, zoom: str) -> None:
    """At 320 CSS pixels, and at 200% zoom of a 1280 px window (640 CSS pixels at a device scale of 2)."""
    viewport, scale = REFLOW[zoom]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        site = SitePage(context.new_page(), site_url, PageLog())
        page = open_page(site, kind)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        context.close()
