"""The built site in a real browser: pages load cleanly, navigation, permalinks, search,
accessibility, keyboard use, print, and screenshots at desktop and phone sizes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from browserkit import DESKTOP, MOBILE, REPO, SCHOOL_SLUGS, SitePage
from playwright.sync_api import Page, ViewportSize, expect

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {"home": "", "schools": "policies/"} | {slug: f"policies/{slug}/" for slug in SCHOOL_SLUGS}


def _schools_by_group() -> dict[str, list[str]]:
    """School names by navigation group, both sorted, as the metadata sidecars give them."""
    by_group: dict[str, list[str]] = {}
    for path in sorted((REPO / "source_policies").glob("*.yml")):
        meta: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_group.setdefault(meta["group"], []).append(meta["school"])
    return {group: sorted(by_group[group], key=str.casefold) for group in sorted(by_group, key=str.casefold)}


def _box(page: Page, selector: str) -> dict[str, float]:
    """The element's top and bottom, the viewport's height and the bottom of Material's sticky header."""
    box: dict[str, float] = page.eval_on_selector(
        selector,
        """el => {
            const box = el.getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return {top: box.top, bottom: box.bottom, height: window.innerHeight, header: header.bottom};
        }""",
    )
    return box


def _css_id(clause_id: str) -> str:
    """A clause id as a CSS id selector: ids contain "/" and "."."""
    return "#" + re.sub(r"([^\w-])", r"\\\1", clause_id)


def _search(page: Page, query: str) -> None:
    """Open the search dialog with "/", type as a person would, and wait for the first result."""
    page.keyboard.press("/")
    page.locator("#pa-search-input").press_sequentially(query)
    expect(page.locator("dialog.pa-search .pa-result").first).to_be_visible(timeout=10_000)


# (1) Every school page loads cleanly


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_school_page_loads_without_errors(site: SitePage, slug: str) -> None:
    page = site.goto(f"policies/{slug}/")
    page.wait_for_load_state("networkidle")  # the search index and its worker load after "load"

    assert page.locator(".pa-clause").count() > 0
    assert site.log.problems() == []


def test_no_external_requests(site: SitePage) -> None:
    """The site works offline: no web fonts, no CDN, nothing outside the site."""
    site.goto("")
    site.page.wait_for_load_state("networkidle")

    assert site.log.external == []


# (2) Navigation


def test_home_page_links_to_schools_index(site: SitePage) -> None:
    page = site.goto("")

    page.locator("article").get_by_role("link", name="Schools", exact=True).click()

    expect(page).to_have_url(site.base + "policies/")
    expect(page.locator("article h1")).to_contain_text("Schools")


def test_schools_index_lists_every_school_under_its_group(site: SitePage) -> None:
    page = site.goto("policies/")
    expected = _schools_by_group()

    listed = page.eval_on_selector(
        "article",
        """article => Object.fromEntries([...article.querySelectorAll('h2')].map(h2 => [
            h2.textContent.replace('¶', '').trim(),
            [...h2.nextElementSibling.querySelectorAll('td:first-child a')].map(a => a.textContent.trim()),
        ]))""",
    )

    assert sum(map(len, expected.values())) == 5
    assert list(listed.items()) == list(expected.items())


def test_clicking_a_school_opens_its_page(site: SitePage) -> None:
    page = site.goto("policies/")

    page.locator("article").get_by_role("link", name="Northgate Primary School").click()

    expect(page).to_have_url(site.base + "policies/northgate-primary/")
    expect(page.locator("article h1")).to_contain_text("Northgate Primary School")
    expect(page.locator(".pa-summary")).to_contain_text("Northgate Governing Body")


def test_left_nav_groups_schools_into_sections(site: SitePage) -> None:
    """Under "Schools", the primary nav holds one section per group, not a flat list of schools;
    the current school's group is expanded (``navigation.prune`` collapses the others)."""
    page = site.goto("policies/northgate-primary/")

    nav = page.eval_on_selector(
        ".md-sidebar--primary",
        """sidebar => {
            const label = item => item.querySelector(':scope > .md-nav__link, :scope > .md-nav__container')
                .textContent.trim();
            const schools = [...sidebar.querySelectorAll('.md-nav__item--nested')]
                .find(item => label(item) === 'Schools');
            const children = [...schools.querySelector(':scope > nav > ul').children];
            return {
                visible: sidebar.checkVisibility(),
                sections: children.filter(i => i.matches('.md-nav__item--nested')).map(label),
                flat: children.filter(i => !i.matches('.md-nav__item--nested')).map(label),
                open: children.filter(i => i.matches('.md-nav__item--active')).map(label),
                current: sidebar.querySelector('.md-nav__link--active').textContent.trim(),
            };
        }""",
    )

    assert nav["visible"]
    assert nav["sections"] == list(_schools_by_group())
    assert nav["flat"] == []
    assert nav["open"] == ["Primary schools"]
    assert nav["current"] == "Northgate Primary School"


def test_footer_next_link_follows_the_grouped_nav(site: SitePage) -> None:
    """From the schools index, "Next" leads to the first school in the nav: the first group's first school."""
    first_school = next(iter(_schools_by_group().values()))[0]
    page = site.goto("policies/")

    label = page.locator("a.md-footer__link--next").get_attribute("aria-label")

    assert label == f"Next: {first_school}"


# (3) Permalinks


@pytest.mark.parametrize(
    "clause_id", ["knowsley-model/8.3.1", "northgate-primary/40/loss-or-theft-of-personal-data"]
)
def test_opening_a_clause_address_scrolls_it_into_view_and_marks_it(site: SitePage, clause_id: str) -> None:
    slug = clause_id.split("/")[0]
    page = site.goto(f"policies/{slug}/#{clause_id}")
    selector = _css_id(clause_id)

    box = _box(page, selector)
    style = page.eval_on_selector(
        selector,
        "el => ({target: el.matches(':target'), outline: getComputedStyle(el).outlineStyle})",
    )

    assert box["header"] <= box["top"] < box["bottom"] <= box["height"]  # not under the sticky header
    assert style == {"target": True, "outline": "solid"}
    assert site.log.problems() == []


def test_clicking_a_permalink_sets_the_address_to_the_clause_id(site: SitePage) -> None:
    page = site.goto("policies/knowsley-model/")
    clause = page.locator(_css_id("knowsley-model/4.1"))

    clause.locator(".pa-clause__permalink").first.click()

    assert page.evaluate("location.hash") == "#knowsley-model/4.1"
    assert clause.evaluate("el => el.matches(':target')")


# (4) Search


def test_search_previews_do_not_show_clause_permalinks(site: SitePage) -> None:
    page = site.goto("")

    _search(page, "ex-pupil")

    results = page.locator("dialog.pa-search .pa-result__text").all_inner_texts()
    assert results and not [text for text in results if "¶" in text or "Must not" in text]


# (5) Accessibility


@pytest.mark.parametrize("path", ["", "policies/", "policies/knowsley-model/", "policies/northgate-primary/"])
def test_no_serious_wcag_violations(site: SitePage, axe_script: str, path: str) -> None:
    page = site.goto(path)
    page.evaluate(axe_script)

    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )

    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_tab_reaches_the_first_clause_permalink_with_a_visible_focus(site: SitePage) -> None:
    page = site.goto("policies/knowsley-model/")
    first = page.locator(".pa-clause__permalink").first

    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.pa-clause__permalink')"):
            break
    else:
        pytest.fail("300 presses of Tab never reached a clause permalink")

    assert first.evaluate("el => el === document.activeElement")
    focus = first.evaluate(
        """el => {
            const s = getComputedStyle(el);
            return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    underline: s.textDecorationLine.includes('underline')};
        }"""
    )
    assert focus["outline"] or focus["underline"], focus


def test_a_dead_link_lands_on_a_page_with_search_and_the_way_back_to_the_schools(site: SitePage) -> None:
    page = site.page
    response = page.goto(site.base + "policies/no-such-school/deep/", wait_until="load")
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    schools = page.get_by_role("link", name="All schools and their policies")
    assert schools.get_attribute("href") == "/policies/"
    page.locator("article").get_by_role("searchbox", name="Search every clause").fill("friend request")
    page.locator("article").get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/find-a-clause/?q=friend+request")
    expect(page.locator(".pa-finder__results li").first).to_be_visible(timeout=10_000)
    page.go_back()
    schools.click()
    page.wait_for_url("**/policies/")


def test_the_search_dialog_links_to_the_clause_finder_where_it_is(site: SitePage) -> None:
    page = site.goto("policies/")
    page.keyboard.press("/")
    link = page.locator(".pa-search__finder")
    expect(link).to_have_attribute("href", re.compile(r"/find-a-clause/$"))
    link.click()
    expect(page.locator("form.pa-finder")).to_be_visible()


# (6) Print


def test_print_hides_permalinks(site: SitePage, screenshot_dir: Path) -> None:
    page = site.goto("policies/northgate-primary/")
    permalinks = page.locator(".pa-clause__permalink")
    assert permalinks.first.is_visible()

    page.emulate_media(media="print")
    page.screenshot(path=screenshot_dir / "print-northgate-primary.png")

    assert permalinks.evaluate_all("links => links.every(a => getComputedStyle(a).display === 'none')")
    assert page.locator(".pa-clause__text").first.is_visible()


def test_printing_the_model_runs_a_long_note_on_instead_of_leaving_an_empty_box(site: SitePage, tmp_path: Path) -> None:
    """A drafting note's list of options may be longer than what is left of a page: printed to
    A4, it starts under the note's words and runs on, so no page holds an empty note box."""
    import pypdfium2

    page = site.goto("model-policy/")
    first_note = page.locator(".pa-note").first
    first_option = (first_note.locator(".pa-note__options li q").first.text_content() or "")[:40]  # closed on screen
    note_words = first_note.locator("p").first.inner_text()[:40]
    pdf = tmp_path / "model.pdf"
    page.pdf(path=str(pdf), format="A4")
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [" ".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document))]
    finally:
        document.close()
    note_page = next(i for i, text in enumerate(pages) if " ".join(note_words.split()) in text)
    assert first_option and " ".join(first_option.split()) in pages[note_page], "the note's options moved to a later page"


# (7) Layout and screenshots


def test_nested_clauses_keep_most_of_the_width_on_a_phone(site: SitePage) -> None:
    """Two levels down, a clause's text still has most of a phone's width, not a narrow column."""
    page = site.page
    page.set_viewport_size(MOBILE)
    site.goto("policies/unnamed-school/")

    narrowest = page.eval_on_selector(
        "article",
        """article => Math.min(...[...article.querySelectorAll('.pa-clause__text')]
            .map(p => p.getBoundingClientRect().width)) / article.clientWidth""",
    )

    assert page.locator(".pa-clause__items .pa-clause__items .pa-clause").count() > 0
    assert narrowest >= 0.8


@pytest.mark.parametrize("width", [320, 375])
def test_every_fact_in_the_schools_index_is_on_screen_on_a_phone(site: SitePage, width: int) -> None:
    """At 320 px (WCAG 1.4.10) no column of the schools index is past the screen's edge, in a
    table that scrolls with nothing to show it: each school is a card whose facts are labelled."""
    page = site.page
    page.set_viewport_size({"width": width, "height": 800})
    site.goto("policies/")
    past_edge = page.evaluate(
        """() => [...document.querySelectorAll('.pa-schools td')]
            .filter(td => td.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(td => td.textContent.trim())"""
    )
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.pa-schools td[data-label]')].slice(0, 4)
            .map(td => getComputedStyle(td, '::before').content)"""
    )
    assert past_edge == []
    assert labels == ['"Approved by"', '"Last reviewed"', '"Review due"', '"Clauses"']


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_screenshots_and_no_sideways_scrolling(
    site: SitePage, screenshot_dir: Path, viewport: ViewportSize
) -> None:
    """Full-page screenshots of every page, for a person to look at (kept with
    ``POLICY_ATLAS_SCREENSHOTS=<dir>``); the check is that nothing makes a page scroll sideways."""
    page = site.page
    page.set_viewport_size(viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    too_wide = {}
    for name, path in PAGES.items():
        site.goto(path)
        page.screenshot(path=screenshot_dir / f"{name}-{size}.png", full_page=True)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[name] = overflow

    assert too_wide == {}
    assert site.log.problems() == []
