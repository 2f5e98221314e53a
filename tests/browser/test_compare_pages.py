"""The comparison pages in a real browser: the topic matrix, the eleven topic pages and their
redlines, topic badges on school pages, gap reports and shared wording; accessibility, print,
and screenshots at desktop and phone sizes.

Expectations come from the site's own open data (``data/matrix.json``, ``data/clauses.json``) and
from the built HTML, so the pages are checked against what the comparison computed, not against
numbers copied into the tests.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from browserkit import DESKTOP, MOBILE, REPO, SitePage, serious_violations
from playwright.sync_api import Page, ViewportSize, expect

pytestmark = pytest.mark.browser

TOPICS = [
    topic["id"] for topic in yaml.safe_load((REPO / "taxonomy.yml").read_text(encoding="utf-8"))["topics"]
]
SCHOOL_NAMES = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["school"]
    for path in sorted((REPO / "source_policies").glob("*.yml"))
}
GAP_SLUGS = sorted(SCHOOL_NAMES)
# What each force badge says in words (its symbol is aria-hidden): colour and symbol only repeat it.
FORCE_WORDS = {
    "prohibited": "Must not",
    "required": "Must",
    "discouraged": "Should not",
    "permitted-with-conditions": "May, with conditions",
    "permitted": "May",
    "none": "No rule stated",
}
ROSEWOOD, UNNAMED = "rosewood-free-school", "unnamed-school"
_EDGE_PUNCTUATION = ".,;:!?\"'‘’“”()[]"


# Reading the built site and its data


class _Html(HTMLParser):
    """Every id on a page, and its topic badges (``a.pa-topic``) with their text and title."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.badges: list[dict[str, str]] = []
        self._badge: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and "pa-topic" in attributes.get("class", "").split():
            self._badge = {
                "class": attributes["class"],
                "href": attributes.get("href", ""),
                "title": attributes.get("title", ""),
                "text": "",
            }

    def handle_data(self, data: str) -> None:
        if self._badge is not None:
            self._badge["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._badge is not None:
            self.badges.append(self._badge)
            self._badge = None


@cache
def _parsed(file: Path) -> _Html:
    parser = _Html()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def _page_file(built_site: Path, site: SitePage, url: str) -> tuple[Path, str]:
    """The built file an absolute link on the served site points at, and the link's fragment."""
    assert url.startswith(site.base), url
    parts = urlsplit(url)
    path = unquote(parts.path)[len(urlsplit(site.base).path) :]
    file = built_site / path / "index.html" if path == "" or path.endswith("/") else built_site / path
    return file, unquote(parts.fragment)


@pytest.fixture(scope="module")
def matrix(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "data" / "matrix.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def clauses(built_site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((built_site / "data" / "clauses.json").read_text(encoding="utf-8"))
    return {clause["id"]: clause for clause in data["clauses"]}


def _topic(matrix: dict[str, Any], topic: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in matrix["topics"] if t["id"] == topic)
    return found


def _words(text: str) -> list[str]:
    """Words without case or surrounding punctuation: how the redline compares them."""
    return [w.strip(_EDGE_PUNCTUATION).casefold() for w in text.split() if w.strip(_EDGE_PUNCTUATION)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def _problems_after_leaving(site: SitePage) -> list[str]:
    """What went wrong on pages a test left by following a link. Leaving a page aborts what it
    was still loading (the favicon, the search index): that is the test's doing, not the site's."""
    return [problem for problem in site.log.problems() if not problem.endswith("(net::ERR_ABORTED)")]


def _heading(page: Page) -> str:
    """The page's title as shown, without the heading's permalink."""
    return page.locator("article h1").inner_text().replace("¶", "").strip()


def _clean(site: SitePage, path: str) -> Page:
    """Open a page and wait until its search index and worker have loaded too (half a second more:
    done for the matrix and shared wording; topic and gap pages share the same scripts)."""
    page = site.goto(path)
    page.wait_for_load_state("networkidle")
    return page


# Each ``.pa-compare`` group of clauses in the article, with the heading it sits under. For each
# clause: its link, tags and force badges, and its text read three ways (the hidden "added:" and
# "removed:" words left out): as shown, without the insertions (the reference wording, if the
# redline is right) and without the deletions (the school's own wording).
GROUPS_JS = """article => [...article.querySelectorAll('.pa-compare')].map(group => {
    let heading = group.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    const without = (el, selector) => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll(selector).forEach(e => e.remove());
        return copy.textContent;
    };
    return {
        heading: heading ? heading.textContent.replace('¶', '').trim() : null,
        headingId: heading ? heading.id : null,
        clauses: [...group.querySelectorAll('.pa-compare__clause')].map(clause => {
            const link = clause.querySelector('.pa-compare__who a');
            const text = clause.querySelector('.pa-compare__text');
            return {
                href: link.href,
                who: link.textContent.trim(),
                tags: [...clause.querySelectorAll('.pa-tag')].map(t => t.textContent.trim()),
                redline: text.querySelector('ins, del') !== null,
                shown: without(text, '.pa-sr'),
                reference: without(text, 'ins, .pa-sr'),
                own: without(text, 'del, .pa-sr'),
            };
        }),
    };
})"""


def _groups(page: Page) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = page.eval_on_selector("article", GROUPS_JS)
    return groups


def _slug_of(site: SitePage, url: str) -> str:
    match = re.fullmatch(re.escape(site.base) + r"policies/([a-z0-9-]+)/#.+", url)
    assert match, f"not a link to a clause on a school page: {url}"
    return match.group(1)


# (1) The topic matrix


def test_matrix_has_a_row_per_topic_a_column_per_school_and_readable_cells(
    site: SitePage, built_site: Path, matrix: dict[str, Any]
) -> None:
    page = _clean(site, "compare/")
    table = page.eval_on_selector(
        "article table",
        """table => ({
            head: [...table.tHead.rows[0].cells].map(c => c.textContent.trim()),
            rows: [...table.tBodies[0].rows].map(row => [...row.cells].map(cell => ({
                text: cell.textContent.replace(/\\s+/g, ' ').trim(),
                links: [...cell.querySelectorAll('a')].map(a => ({href: a.href, text: a.textContent.trim()})),
                badges: [...cell.querySelectorAll('.pa-force')].map(badge => ({
                    force: [...badge.classList].find(c => c.startsWith('pa-force--')).slice(10),
                    words: [...badge.childNodes].filter(n => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
                        .map(n => n.textContent).join('').trim(),
                })),
            }))),
        })""",
    )
    schools = matrix["schools"]

    assert table["head"] == ["Topic", *(SCHOOL_NAMES[s] for s in schools), "Agreement"]
    assert len(table["rows"]) == len(TOPICS) == 11
    assert [row[0]["text"] for row in table["rows"]] == [_topic(matrix, t)["label"] for t in TOPICS]
    for topic, row in zip(TOPICS, table["rows"]):
        data = _topic(matrix, topic)
        assert row[0]["links"] == [{"href": f"{site.base}compare/topics/{topic}/", "text": data["label"]}]
        assert len(row) == 1 + len(schools) + 1
        for slug, cell in zip(schools, row[1:-1]):
            expected = data["cells"][slug]
            if not expected["clauses"]:
                assert cell["links"] == [] and cell["badges"] == [{"force": "silent", "words": "— silent"}], (
                    topic,
                    slug,
                    cell,
                )
                continue
            count = len(expected["clauses"])
            target = f"{site.base}compare/topics/{topic}/#school-{slug}"
            assert cell["links"] == [
                {"href": target, "text": f"{count} {'clause' if count == 1 else 'clauses'}"}
            ], (topic, slug)
            assert cell["badges"] == [
                {"force": expected["force"], "words": FORCE_WORDS[expected["force"]]}
            ], (topic, slug)
            file, fragment = _page_file(built_site, site, target)
            assert fragment in _parsed(file).ids, f"{target}: no such section on the topic page"
        covered = sum(1 for s in schools if data["cells"][s]["clauses"])
        agreement = f"{covered} of {len(schools)} cover it"
        if data["force_agreement"] is not None:
            agreement += f"; {round(100 * data['force_agreement'])}% agree on force"
        assert row[-1]["text"] == agreement

    explanation = page.locator("article p", has_text="Agreement has two parts")
    expect(explanation).to_contain_text("Cover")
    expect(explanation).to_contain_text("Agree on force")
    expect(explanation).to_contain_text("share")
    assert site.log.problems() == []


def test_matrix_cell_opens_the_school_section_of_the_topic_page(site: SitePage) -> None:
    page = site.goto("compare/")

    page.locator("article table a[href$='#school-ush-federation']").first.click()

    expect(page).to_have_url(site.base + "compare/topics/pupil-contact/#school-ush-federation")
    section = page.locator("#school-ush-federation")
    expect(section).to_have_text(re.compile(r"^USH Federation"))
    expect(section).to_be_in_viewport()
    assert _problems_after_leaving(site) == []


# (2) Topic pages


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_page(
    site: SitePage, built_site: Path, matrix: dict[str, Any], clauses: dict[str, dict[str, Any]], topic: str
) -> None:
    """Loads cleanly; a divergence sentence per provision that adds up to every school; redlines
    with hidden "added:"/"removed:" words that reconstruct both wordings; a section per school
    holding the clauses the matrix counted; every clause link lands on an existing clause."""
    page = site.goto(f"compare/topics/{topic}/")
    data = _topic(matrix, topic)
    schools = matrix["schools"]
    assert _heading(page) == data["label"]

    provisions = page.eval_on_selector(
        "article",
        """article => [...article.querySelectorAll('h2')].filter(h => !h.textContent.startsWith('By school')).map(h2 => {
            const divergence = h2.nextElementSibling;
            const group = divergence.nextElementSibling;
            const after = group && group.nextElementSibling;
            return {
                heading: h2.textContent.replace('¶', '').trim(),
                divergence: divergence.matches('p.pa-divergence') ? divergence.textContent.trim() : null,
                hrefs: group && group.matches('.pa-compare') ? [...group.querySelectorAll('.pa-compare__who a')].map(a => a.href) : [],
                silent: after && after.tagName === 'P' && after.textContent.startsWith('Silent on this provision:')
                    ? after.textContent.replace('Silent on this provision:', '').trim().replace(/\\.$/, '') : '',
            };
        })""",
    )
    assert len(provisions) == len(data["provisions"]) > 0
    for provision in provisions:
        assert provision["divergence"], (
            f"{provision['heading']}: no divergence sentence right under the heading"
        )
        parts = re.findall(
            r"(\d+) (?:schools? [a-z ]+|is silent|are silent)(?:;|\.$)", provision["divergence"]
        )
        silent = re.search(r"(\d+) (?:is|are) silent\.$", provision["divergence"])
        addressing = {_slug_of(site, href) for href in provision["hrefs"]}
        silent_names = provision["silent"].split(", ") if provision["silent"] else []
        assert sum(map(int, parts)) == len(schools), provision
        assert (
            (int(silent.group(1)) if silent else 0) == len(silent_names) == len(schools) - len(addressing)
        ), provision
        assert sorted(silent_names) == sorted(SCHOOL_NAMES[s] for s in schools if s not in addressing)

    redlines = page.eval_on_selector_all(
        ".pa-compare__text :is(ins, del)",
        """marks => marks.map(mark => {
            const hidden = mark.firstElementChild;
            const box = hidden && hidden.getBoundingClientRect();
            return {tag: mark.tagName, hidden: hidden && hidden.matches('.pa-sr') ? hidden.textContent : null,
                    tiny: !!box && box.width <= 1 && box.height <= 1};
        })""",
    )
    for mark in redlines:
        assert mark["hidden"] == {"INS": "added: ", "DEL": "removed: "}[mark["tag"]], mark
        assert mark["tiny"], f"the screen-reader words of a <{mark['tag'].lower()}> are visible"
    groups = _groups(page)
    for group in groups[: len(provisions)]:
        reference = group["clauses"][0]
        assert "reference wording" in reference["tags"]
        for clause in group["clauses"][1:]:
            if clause["redline"]:
                assert _words(clause["reference"]) == _words(reference["shown"]), clause["href"]
                clause_id = unquote(urlsplit(clause["href"]).fragment)
                assert _squash(clause["own"]) == _squash(clauses[clause_id]["text"]), clause["href"]

    by_school = page.eval_on_selector(
        "article",
        """article => Object.fromEntries([...article.querySelectorAll('h3[id^="school-"]')].map(h3 => {
            const next = h3.nextElementSibling;
            return [h3.id.slice('school-'.length), {
                name: h3.textContent.replace('¶', '').trim(),
                silent: next.tagName === 'P' && next.textContent.trim() === 'Silent on this topic.',
                ids: next.matches('.pa-compare')
                    ? [...next.querySelectorAll('.pa-compare__who a')].map(a => decodeURIComponent(new URL(a.href).hash.slice(1))) : [],
            }];
        }))""",
    )
    assert list(by_school) == schools
    for slug, section in by_school.items():
        assert section["name"] == SCHOOL_NAMES[slug]
        assert sorted(section["ids"]) == sorted(data["cells"][slug]["clauses"]), slug
        assert section["silent"] == (not data["cells"][slug]["clauses"]), slug

    dangling = []
    for group in groups:
        for clause in group["clauses"]:
            file, fragment = _page_file(built_site, site, clause["href"])
            if not file.exists() or fragment not in _parsed(file).ids:
                dangling.append(clause["href"])
    assert dangling == []
    assert site.log.problems() == []


def test_a_sample_of_clause_links_lands_on_the_clause(
    site: SitePage, clauses: dict[str, dict[str, Any]]
) -> None:
    """Ten clause links from two topic pages, followed in the browser: each lands on a clause
    with that id, marked as the target, whose text is the text the topic page quoted."""
    links: dict[str, str] = {}
    source: dict[str, str] = {}
    for topic in ("discipline", "pupil-contact"):
        page = site.goto(f"compare/topics/{topic}/")
        for group in _groups(page):
            for clause in group["clauses"]:
                if "reference wording" in clause["tags"] or not clause["redline"]:
                    links.setdefault(clause["href"], clause["shown"])
                    source.setdefault(clause["href"], topic)
    ordered = sorted(links)
    sample = [ordered[i * len(ordered) // 10] for i in range(10)]

    site.goto(f"compare/topics/{source[sample[0]]}/")  # the first is followed by clicking it
    page.locator(f".pa-compare__who a[href$='#{urlsplit(sample[0]).fragment}']").first.click()
    expect(page).to_have_url(sample[0])
    page.wait_for_load_state("load")
    for url in sample:
        if page.url != url:
            page.goto(url)
        clause_id = unquote(urlsplit(url).fragment)
        found = page.evaluate(
            """id => {
                const el = document.getElementById(id);
                return el && {clause: el.matches('.pa-clause'), target: el.matches(':target'),
                              text: el.querySelector('.pa-clause__text').textContent};
            }""",
            clause_id,
        )
        assert found is not None, f"{url}: no element with that id"
        assert found["clause"] and found["target"], url
        assert _squash(found["text"]) == _squash(links[url]) == _squash(clauses[clause_id]["text"]), url
    assert _problems_after_leaving(site) == []


# (3) Topic badges on a school page


def test_every_topic_badge_links_to_its_topic_page_and_says_why(
    built_site: Path, matrix: dict[str, Any]
) -> None:
    """Read from the built HTML: Material's tooltips move the title out of the attribute once its script runs."""
    labels = {t["id"]: t["label"] for t in matrix["topics"]}
    checked = 0
    for slug in SCHOOL_NAMES:
        for badge in _parsed(built_site / "policies" / slug / "index.html").badges:
            topic = re.search(r"\bpa-topic--([a-z0-9-]+)", badge["class"]).group(1)  # type: ignore[union-attr]
            label = labels[topic]
            assert badge["text"] == label
            assert badge["href"] == f"../../compare/topics/{topic}/", badge
            assert badge["title"].startswith(f"{label}: ") and len(badge["title"]) > len(label) + 3, badge
            checked += 1
    assert checked > 100


def test_focusing_a_topic_badge_shows_its_reason_and_a_focus_style(site: SitePage, built_site: Path) -> None:
    page = site.goto("policies/knowsley-model/")
    badge = page.locator("article a.pa-topic").first
    title = _parsed(built_site / "policies" / "knowsley-model" / "index.html").badges[0]["title"]

    page.keyboard.press("Tab")  # the keyboard, not the mouse, is the last input: focus is :focus-visible
    badge.focus()

    focus = badge.evaluate(
        """el => {
            const s = getComputedStyle(el);
            return {visible: el.matches(':focus-visible'),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    underline: s.textDecorationLine.includes('underline'),
                    tooltip: el.getAttribute('aria-describedby')};
        }"""
    )
    assert focus["visible"] and (focus["outline"] or focus["underline"]), focus
    assert focus["tooltip"], "no tooltip is tied to the focused badge (aria-describedby)"
    tooltip = page.locator(f"[role=tooltip][id='{focus['tooltip']}']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(title)

    page.keyboard.press("Enter")
    expect(page).to_have_url(site.base + "compare/topics/school-accounts/")
    assert _problems_after_leaving(site) == []


# (4) Gap reports and shared wording


@pytest.mark.parametrize("slug", GAP_SLUGS)
def test_gap_report(site: SitePage, built_site: Path, matrix: dict[str, Any], slug: str) -> None:
    """Each gap names a provision of the taxonomy, links to its topic page, and is true of the data:
    a missing provision is one the school lacks and most others have; an outlier is one it has."""
    page = site.goto(f"compare/gaps/{slug}/")
    assert _heading(page) == f"Gaps: {SCHOOL_NAMES[slug]}"
    report = page.eval_on_selector(
        "article",
        """article => {
            const items = [];
            let section = null;
            for (const el of article.children) {
                if (el.tagName === 'H2') section = el.textContent.replace('¶', '').trim();
                if (el.tagName !== 'H3') continue;
                const detail = el.nextElementSibling;
                const group = detail.nextElementSibling;
                items.push({
                    section,
                    label: el.textContent.replace('¶', '').trim(),
                    topics: [...detail.querySelectorAll('a')].map(a => a.href),
                    detail: detail.textContent.trim(),
                    tags: group.matches('.pa-compare') ? [...group.querySelectorAll('.pa-tag')].map(t => t.textContent.trim()) : [],
                });
            }
            return {sections: [...article.querySelectorAll('h2')].map(h => h.textContent.replace('¶', '').trim()), items};
        }""",
    )
    others = len(matrix["schools"]) - 1

    assert report["sections"] == ["Missing provisions", "Force outliers"]
    for item in report["items"]:
        assert len(item["topics"]) == 1, item
        topic = re.fullmatch(re.escape(site.base) + r"compare/topics/([a-z0-9-]+)/", item["topics"][0])
        assert topic, item
        file, _ = _page_file(built_site, site, item["topics"][0])
        assert file.exists()
        provision = next(
            p
            for p in _topic(matrix, topic.group(1))["provisions"]
            if _capitalised(p["label"]) == item["label"]
        )
        addressing = [s for s in provision["schools"] if s != slug]
        assert "typical wording" in item["tags"], item
        if item["section"] == "Missing provisions":
            assert slug not in provision["schools"] and len(addressing) * 2 > others, item
            assert item["detail"].endswith(f": {len(addressing)} of {others} other schools cover this."), item
        else:
            assert slug in provision["schools"] and "this school" in item["tags"], item
    assert site.log.problems() == []


def test_shared_wording_shows_what_rosewood_and_the_unnamed_school_share(
    site: SitePage, built_site: Path, clauses: dict[str, dict[str, Any]]
) -> None:
    """Rosewood Free School and the Unnamed school share model-policy sentences. Each passage
    quotes both, links to both clauses, and redlines the second against the first. The shared
    passages (definitions) have no topic, so the page reaches the matrix and topics by its navigation."""
    page = _clean(site, "compare/shared-wording/")
    both = f"{SCHOOL_NAMES[ROSEWOOD]}, {SCHOOL_NAMES[UNNAMED]}"
    passages = [g for g in _groups(page) if g["heading"] and g["heading"].endswith(f": {both}")]

    assert len(passages) >= 2
    for passage in passages:
        assert {_slug_of(site, c["href"]) for c in passage["clauses"]} == {ROSEWOOD, UNNAMED}, passage[
            "heading"
        ]
        first, *rest = passage["clauses"]
        for clause in passage["clauses"]:
            file, fragment = _page_file(built_site, site, clause["href"])
            assert fragment in _parsed(file).ids, clause["href"]
            assert _squash(clause["own"]) in _squash(clauses[fragment]["text"]), clause["href"]
        for clause in rest:
            assert _words(clause["reference"]) == _words(first["shown"]), clause["href"]
    assert page.locator(".pa-compare__text del").count() > 0  # the passages are near, not exactly, the same

    nav = page.locator("nav a[href]").evaluate_all("links => links.map(a => a.href)")
    assert site.base + "compare/" in nav
    assert any(href.startswith(site.base + "compare/topics/") for href in nav)
    assert site.log.problems() == []


# (5) Accessibility


@pytest.mark.parametrize(
    ("path", "viewport"),
    [
        ("compare/", DESKTOP),
        ("compare/topics/pupil-contact/", DESKTOP),
        ("compare/topics/cyberbullying/", DESKTOP),
        ("compare/gaps/unnamed-school/", DESKTOP),
        ("compare/shared-wording/", DESKTOP),
    ],
    ids=["matrix", "topic-pupil-contact", "topic-cyberbullying", "gaps-unnamed-school", "shared-wording"],
)
def test_no_serious_wcag_violations(
    site: SitePage, axe_script: str, path: str, viewport: ViewportSize
) -> None:
    site.page.set_viewport_size(viewport)
    page = site.goto(path)

    assert serious_violations(page, axe_script) == []


# (6) Print


def test_print_keeps_the_redline_marks_that_are_not_colour(site: SitePage, screenshot_dir: Path) -> None:
    """Browsers drop backgrounds when printing: the strike-through and underline must stay."""
    page = site.goto("compare/topics/cyberbullying/")
    marks = page.locator(".pa-compare__text :is(ins, del)")
    assert marks.count() > 0

    page.emulate_media(media="print")
    page.screenshot(path=screenshot_dir / "print-topic-cyberbullying.png", full_page=True)

    styles = marks.evaluate_all(
        """marks => marks.map(m => ({tag: m.tagName, line: getComputedStyle(m).textDecorationLine,
                                     shown: m.checkVisibility(), sr: m.querySelector('.pa-sr').getBoundingClientRect().width}))"""
    )
    assert {s["tag"] for s in styles} == {"INS", "DEL"}
    for style in styles:
        assert style["shown"], style
        assert ("line-through" if style["tag"] == "DEL" else "underline") in style["line"], style
        assert style["sr"] <= 1, style


# (7) Layout and screenshots


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_comparison_screenshots_and_matrix_layout(
    site: SitePage, screenshot_dir: Path, viewport: ViewportSize
) -> None:
    """Full-page screenshots of the matrix, a topic page and a gap report, for a person to look
    at. The page never scrolls sideways. On a desktop the whole matrix is on screen (the
    Agreement column too); on a phone the matrix scrolls inside its own box with the topic
    column pinned at its left edge."""
    page = site.page
    page.set_viewport_size(viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    too_wide = {}
    for name, path in {
        "matrix": "compare/",
        "topic-cyberbullying": "compare/topics/cyberbullying/",
        "gaps-unnamed-school": "compare/gaps/unnamed-school/",
    }.items():
        site.goto(path)
        page.screenshot(path=screenshot_dir / f"{name}-{size}.png", full_page=True)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[name] = overflow
        if name != "matrix":
            continue
        layout = page.eval_on_selector(
            "article table",
            """table => {
                const box = table.closest('.md-typeset__scrollwrap');
                const before = box.scrollWidth - box.clientWidth;
                box.scrollLeft = box.scrollWidth;
                const wrap = box.getBoundingClientRect();
                const topic = table.tBodies[0].rows[0].cells[0].getBoundingClientRect();
                const last = table.tBodies[0].rows[0].lastElementChild.getBoundingClientRect();
                return {hidden: before, scrolled: box.scrollLeft, pinned: Math.abs(topic.left - wrap.left) <= 1,
                        lastShown: last.right <= wrap.right + 1};
            }""",
        )
        if viewport == DESKTOP:
            assert layout["hidden"] <= 0, f"{layout['hidden']}px of the matrix is off to the right"
        else:
            assert layout["scrolled"] > 0 and layout["pinned"] and layout["lastShown"], layout

    assert too_wide == {}
    assert site.log.problems() == []


# Known bugs


def test_bullying_under_a_must_not_lead_in_is_prohibited(site: SitePage) -> None:
    page = site.goto("policies/unnamed-school/")
    forces = {
        clause_id: page.locator(f"[id='{clause_id}'] > .pa-clause__badges .pa-force").inner_text()
        for clause_id in (
            "unnamed-school/guidance-to-staff-on-the/do-anything-that-could-be-considered",
            "unnamed-school/guidance-to-staff-on-the/use-social-media-to-bully-another",
        )
    }

    assert all(words.endswith("Must not") for words in forces.values()), forces


def test_a_force_outliers_typical_wording_comes_from_another_school(site: SitePage) -> None:
    page = site.goto("compare/gaps/knowsley-model/")
    outliers = page.eval_on_selector(
        "article",
        """article => {
            const found = [];
            let outliers = false;
            for (const el of article.children) {
                if (el.tagName === 'H2') outliers = el.textContent.startsWith('Force outliers');
                if (!outliers || !el.matches('.pa-compare')) continue;
                const typical = [...el.querySelectorAll('.pa-compare__clause')]
                    .find(c => [...c.querySelectorAll('.pa-tag')].some(t => t.textContent.trim() === 'typical wording'));
                found.push(typical.querySelector('.pa-compare__who a').href);
            }
            return found;
        }""",
    )

    assert outliers
    assert [url for url in outliers if _slug_of(site, url) == "knowsley-model"] == []
