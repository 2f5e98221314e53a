"""Clause-level search, the clause finder and permalinks, in a real browser, on the served site
and on the offline copy opened from ``file://``.

The expected clauses of each query were read off the seed site by a person: for each school
that addresses the question, the clause (or clauses) that answer it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browserkit import CHROMIUM_ARGS, DESKTOP, NARROW, SitePage, watch
from playwright.sync_api import Browser, Page, expect

from policy_atlas.core.model import Force
from policy_atlas.core.search import terms

pytestmark = pytest.mark.browser

TOP = 10
"""A query's right clauses must all be among its first results, this many."""
LANDINGS = {
    "friend request": [
        "northgate-primary/28",
        "northgate-primary/38",
        "rosewood-free-school/general-considerations/not-make-friends-of-pupils-at",
    ],
    "ex-pupil contact": [
        "knowsley-model/8.3",
        "knowsley-model/8.3.1",
        "northgate-primary/27",
        "rosewood-free-school/general-considerations/not-make-friends-of-pupils-at",
        "ush-federation/staff/staff-are-not-permitted-to-follow",
    ],
    "photographs consent": [
        "northgate-primary/30",
        "northgate-primary/51",
        "ush-federation/use-of-images/permission-to-use-any-photos-or",
        "ush-federation/use-of-images/all-staff-should-read-the-contents",
    ],
    "personal mobile phone": [
        "northgate-primary/42",
        "rosewood-free-school/general-considerations/keep-personal-phone-numbers-private-a",
        "knowsley-model/8.6.4",
    ],
    "disciplinary action": [
        "knowsley-model/11.1",
        "northgate-primary/20",
        "rosewood-free-school/disciplinary-action/any-breach-of-this-policy-may",
        "ush-federation/compliance/staff-who-breach-any-of-the",
    ],
}


@pytest.fixture(scope="module")
def clauses(built_site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((built_site / "data" / "clauses.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["clauses"]}


def search(page: Page, query: str) -> list[str]:
    """Open the dialog with "/", type the query as a person would; the results' addresses."""
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    box = page.locator("#pa-search-input")
    expect(box).to_be_focused()
    box.press_sequentially(query)
    expect(page.locator("dialog.pa-search .pa-search__status")).to_contain_text(f"for “{query}”")
    results: list[str] = page.locator("dialog.pa-search .pa-result__link").evaluate_all("links => links.map(a => a.href)")
    return results


def fragment(url: str) -> str:
    return unquote(urlsplit(url).fragment)


def landed(page: Page, clause_id: str) -> dict[str, Any]:
    """Where the clause is once its address opened: marked as the target, below the sticky header."""
    found: dict[str, Any] = page.evaluate(
        """id => {
            const el = document.getElementById(id);
            if (!el) return {found: false};
            const box = el.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
            return {found: true, target: el.matches(':target'), top: box.top, header: header.bottom, height: innerHeight};
        }""",
        clause_id,
    )
    return found


# (1) Search lands on clauses


@pytest.mark.parametrize("query", LANDINGS)
def test_a_search_lands_on_the_right_clause_of_each_school(site: SitePage, query: str) -> None:
    page = site.goto("")
    page.wait_for_load_state("networkidle")

    results = search(page, query)

    top = [fragment(url) for url in results[:TOP]]
    assert [c for c in LANDINGS[query] if c not in top] == [], top
    first = next(url for url in results if fragment(url) in LANDINGS[query])
    page.locator(f"dialog.pa-search a[href='{first}']").click()
    expect(page).to_have_url(first)
    page.wait_for_load_state("load")
    where = landed(page, fragment(first))
    assert where["found"] and where["target"], where
    assert where["header"] <= where["top"] < where["height"], where
    assert "?" not in first  # no highlighting parameter: the address is the clause's own
    assert site.log.problems() == [] and site.log.external == []


@pytest.mark.parametrize(
    ("query", "ruling", "naming"),
    [
        # the clause that rules on photographs of pupils, and a list item naming images in another sense
        ("photographs of pupils", "northgate-primary/30", "rosewood-free-school/responding-to-misuse-incidents/child-sexual-abuse-images"),
    ],
)
def test_a_clause_that_rules_comes_before_one_that_only_names_the_words(site: SitePage, query: str, ruling: str, naming: str) -> None:
    page = site.goto("")
    page.wait_for_load_state("networkidle")
    found = [fragment(url) for url in search(page, query)]
    assert ruling in found[:TOP], found[:TOP]
    assert naming not in found or found.index(ruling) < found.index(naming), found[:TOP]


def test_each_clause_is_one_record_titled_by_school_and_number(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    page = site.goto("")
    search(page, "friend request")
    first = page.locator("dialog.pa-search .pa-result").first

    assert first.locator(".pa-result__title").inner_text() == "Northgate Primary School, clause 28"
    assert first.locator(".pa-result__heading").inner_text() == " › ".join(clauses["northgate-primary/28"]["heading"])
    assert first.locator(".pa-result__text").inner_text() == clauses["northgate-primary/28"]["text"]
    facets = first.locator(".pa-result__facets").inner_text()
    assert "Contact with pupils" in facets and "Must" in facets


def test_results_of_compare_pages_never_repeat_clause_text(built_site: Path, clauses: dict[str, dict[str, Any]]) -> None:
    """Records after the schools' come from the Compare and other pages: none quotes a clause."""
    texts = [c["text"] for c in clauses.values() if len(c["text"].split()) >= 8]
    pages = (built_site / "search" / "records-pages.js").read_text(encoding="utf-8")
    rows = json.loads(pages[pages.index(",") + 1 : pages.rindex(")")])
    compare = [row for row in rows if "/compare/" in "/" + row[1]]
    assert len(compare) > 20
    assert [row[1] for row in compare for text in texts if text in row[4]] == []


def test_the_browser_reads_words_as_the_index_does(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    """Every word of every clause, normalised in Python (the index) and in JavaScript (the query)."""
    words = sorted({w for c in clauses.values() for w in re.findall(r"[^\s]+", c["text"])})
    page = site.goto("")

    in_browser = page.evaluate("words => words.map(w => PolicyAtlasSearch.terms(w))", words)

    assert len(words) > 2000
    assert [(w, b, terms(w)) for w, b in zip(words, in_browser, strict=True) if b != terms(w)] == []


# (2) The clause finder


def finder_results(page: Page) -> list[str]:
    """Every result the finder lists, "Show more" pressed until it has shown them all."""
    expect(page.locator(".pa-finder__status")).to_contain_text(re.compile(r"found|No clause"))
    more = page.locator(".pa-finder__more")
    while more.is_visible():
        shown = page.locator(".pa-finder__results .pa-result").count()
        more.click()
        expect(page.locator(".pa-finder__results .pa-result")).not_to_have_count(shown)
    return [fragment(u) for u in page.locator(".pa-finder__results .pa-result__link").evaluate_all("ls => ls.map(a => a.href)")]


def test_the_finder_filters_by_topic_and_force_from_a_shared_address(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    page = site.goto("find-a-clause/?topic=pupil-contact&force=prohibited")

    found = finder_results(page)

    expect(page.locator("#pa-finder-topic")).to_have_value("pupil-contact")
    expect(page.locator("#pa-finder-force")).to_have_value("prohibited")
    expected = [
        c["id"] for c in clauses.values()
        if "pupil-contact" in c["topics"] and "prohibited" in ({s["force"] for s in c["statements"]} or {c["force"]})
    ]
    assert sorted(found) == sorted(expected) and len(found) > 5
    assert site.log.problems() == []


def test_the_finder_keeps_its_filters_in_the_address(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    page = site.goto("find-a-clause/")
    page.locator("#pa-finder-school").select_option("northgate-primary")
    page.locator("#pa-finder-q").fill("photographs")

    expect(page).to_have_url(re.compile(r"\?school=northgate-primary&q=photographs$|\?q=photographs&school=northgate-primary$"))
    found = finder_results(page)
    assert found and all(c.startswith("northgate-primary/") for c in found) and "northgate-primary/30" in found

    shared = page.url
    page.goto(site.base)
    page.goto(shared)
    assert finder_results(page) == found
    expect(page.locator("#pa-finder-q")).to_have_value("photographs")


def test_the_finder_shows_every_clause_of_a_school_in_order_and_links_to_each(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    page = site.goto("find-a-clause/?school=unnamed-school")
    found = finder_results(page)

    assert found == [c for c in clauses if c.startswith("unnamed-school/")]
    page.locator(".pa-finder__results .pa-result__link").nth(3).click()
    page.wait_for_url(re.compile("#"))
    page.wait_for_load_state("load")
    assert landed(page, found[3])["target"]


# (3) Permalinks


@pytest.mark.parametrize("slug", ["knowsley-model", "northgate-primary", "unnamed-school"])
def test_every_clause_link_has_a_name_of_its_own(site: SitePage, slug: str) -> None:
    page = site.goto(f"policies/{slug}/")
    names = page.locator(".pa-clause__permalink").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    copies = page.locator(".pa-clause__copy").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")

    assert len(names) == len(set(names)) == len(copies) == len(set(copies)) > 20
    assert all(n.startswith("Link to clause ") for n in names)
    school = page.locator("article h1").inner_text().replace("¶", "").strip()
    assert all(n.endswith(school) or n.endswith(")") for n in names)


def test_a_clause_link_is_named_by_number_and_school(site: SitePage) -> None:
    page = site.goto("policies/knowsley-model/")
    expect(page.get_by_role("link", name="Link to clause 8.3, Knowsley Council model policy", exact=True)).to_have_attribute(
        "href", "#knowsley-model/8.3"
    )


def test_each_copy_button_is_named_as_its_clause_link_is(site: SitePage) -> None:
    """The script makes each copy button beside its permalink, named from it: the same clause, the same school."""
    page = site.goto("policies/northgate-primary/")
    pairs = page.locator(".pa-clause__permalink").evaluate_all(
        "links => links.map(a => [a.getAttribute('aria-label'), a.nextElementSibling && a.nextElementSibling.getAttribute('aria-label')])"
    )
    assert len(pairs) > 20
    assert all(copy == "Copy link to " + link.removeprefix("Link to ") for link, copy in pairs), pairs[:3]


def test_without_script_a_clause_keeps_its_named_link_and_offers_no_button(browser: Browser, site_url: str) -> None:
    """Read without script, a clause page is its clauses and their links: no copy button that could not work."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "policies/knowsley-model/")
        expect(page.get_by_role("link", name="Link to clause 8.3, Knowsley Council model policy", exact=True)).to_be_visible()
        expect(page.locator(".pa-clause__copy")).to_have_count(0)
        expect(page.get_by_role("button", name=re.compile("^Copy link"))).to_have_count(0)
    finally:
        context.close()


def test_a_clause_force_badge_shows_its_symbol_from_the_style_sheet_and_says_only_its_words(site: SitePage) -> None:
    """The symbol before a clause's force words is drawn by pages.css, with no text for a screen reader (as aria-hidden was)."""
    page = site.goto("policies/knowsley-model/")
    shown = page.locator(".pa-clause__badges .pa-force").evaluate_all(
        "badges => badges.map(b => [b.className, getComputedStyle(b, '::before').content, b.textContent])"
    )
    symbols = {f.value: (f.symbol, f.words) for f in Force}
    assert len(shown) > 20
    for classes, content, text in shown:
        force = re.search(r"pa-force--([a-z-]+)", classes).group(1)  # type: ignore[union-attr]
        symbol, words = symbols[force]
        assert symbol in content and content.endswith('/ ""'), (classes, content)
        assert text == words
    read = page.locator(".pa-clause__badges").filter(has=page.locator(".pa-force--prohibited")).first.aria_snapshot()
    assert "Must not" in read and "✖" not in read, read


@pytest.mark.parametrize("key", ["click", "Enter", " "])
def test_the_copy_button_copies_the_clause_address_and_says_so(browser: Browser, site_url: str, key: str) -> None:
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        log = watch(page, site_url)
        page.goto(site_url + "policies/knowsley-model/")
        button = page.get_by_role("button", name="Copy link to clause 8.3, Knowsley Council model policy", exact=True)
        expect(button).to_be_visible()
        if key == "click":
            button.click()
        else:
            button.focus()
            page.keyboard.press(key)

        expect(page.get_by_role("status").filter(has_text="Link copied")).to_have_count(1)
        assert page.evaluate("navigator.clipboard.readText()") == site_url + "policies/knowsley-model/#knowsley-model/8.3"
        assert log.problems() == []
    finally:
        context.close()


# (4) Every deep link of the site lands on something


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")


def _parse(file: Path) -> _Links:
    parser = _Links()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def _broken_links(site_dir: Path, directory_urls: bool) -> list[str]:
    # 404.html is served for any missing address, so its links are from the site's root.
    parsed = {f: _parse(f) for f in site_dir.rglob("*.html") if f.name != "404.html"}
    broken = []
    for file, page in parsed.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (file.parent / unquote(parts.path)).resolve() if parts.path else file
            if target.is_dir():
                if not directory_urls:  # from file:// a folder opens as a listing, not as its page
                    broken.append(f"{file.relative_to(site_dir)}: {href} (a folder, not its index.html)")
                    continue
                target = target / "index.html"
            if not target.exists():
                if not (directory_urls is False and target.name == "policy-atlas-offline.zip"):  # the copy holds no copy of itself
                    broken.append(f"{file.relative_to(site_dir)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
                broken.append(f"{file.relative_to(site_dir)}: {href} (no such anchor)")
    return broken


def test_every_link_and_anchor_of_the_site_exists(built_site: Path) -> None:
    """Every link of every page, the matrix cells and badges among them: the page exists, and so
    does the anchor it names."""
    assert _broken_links(built_site, True) == []


def test_every_search_record_links_to_an_anchor_that_exists(built_site: Path) -> None:
    rows = []
    for file in sorted((built_site / "search").glob("records-*.js")):
        text = file.read_text(encoding="utf-8")
        rows += json.loads(text[text.index(",") + 1 : text.rindex(")")])
    ids = {}
    missing = []
    for row in rows:
        path, _, anchor = row[1].partition("#")
        page = built_site / unquote(path) / "index.html" if not path.endswith(".html") else built_site / unquote(path)
        if page not in ids:
            ids[page] = _parse(page).ids if page.exists() else set()
        if not page.exists() or (anchor and unquote(anchor) not in ids[page]):
            missing.append(row[1])
    assert len(rows) > 500 and missing == []


# (5) The offline copy, from file://


@pytest.fixture
def file_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records anything it asks for that is not a file of the copy, and its errors."""
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    outside: list[str] = []
    problems: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else (outside.append(route.request.url), route.abort()))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        yield page, outside + problems
    finally:
        context.close()


def test_the_offline_copy_has_every_link_and_anchor(offline_copy: Path) -> None:
    assert (offline_copy / "index.html").exists() and (offline_copy / "policies" / "northgate-primary" / "index.html").exists()
    assert _broken_links(offline_copy, False) == []


def test_the_offline_copy_navigates_and_searches_from_file(offline_copy: Path, file_page: tuple[Page, list[str]]) -> None:
    page, problems = file_page
    page.goto((offline_copy / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="Schools", exact=True).click()
    expect(page).to_have_url((offline_copy / "policies" / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="Northgate Primary School").click()
    expect(page.locator("article h1")).to_contain_text("Northgate Primary School")

    results = search(page, "friend request")
    assert fragment(results[0]) in LANDINGS["friend request"]
    page.locator("dialog.pa-search .pa-result__link").first.click()
    page.wait_for_load_state("load")
    assert landed(page, fragment(results[0]))["target"]
    assert problems == []


def test_the_offline_finder_filters_and_keeps_its_address(offline_copy: Path, file_page: tuple[Page, list[str]]) -> None:
    page, problems = file_page
    page.goto((offline_copy / "find-a-clause" / "index.html").as_uri() + "?topic=pupil-contact&force=prohibited")
    found = finder_results(page)
    assert len(found) > 5

    page.locator("#pa-finder-school").select_option("northgate-primary")
    narrowed = finder_results(page)
    assert narrowed and set(narrowed) < set(found) and all(c.startswith("northgate-primary/") for c in narrowed)
    assert "school=northgate-primary" in page.url
    page.goto(page.url)
    assert finder_results(page) == narrowed
    assert problems == []
