"""The comparison pages in a real browser: the topic matrix, the eleven topic pages with their
provision matrices and redlines, topic badges on school pages, gap reports and shared wording;
accessibility, sticky headers, phones at 320 px, print on A4, and screenshots.

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
from browserkit import A4, DESKTOP, MOBILE, NARROW, REPO, SitePage, serious_violations, violations
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


# Each ``.pa-compare`` group of statements in the article, with the heading it sits under. For each
# clause: its link, tags and force badges, and its text read three ways (the hidden "added:" and
# "removed:" words left out): as shown, without the insertions (the reference wording, if the
# redline is right) and without the deletions (the school's own wording).
GROUPS_JS = """article => [...article.querySelectorAll('.pa-compare')].map(group => {
    let heading = null;
    for (let node = group; node && node !== article && !heading; node = node.parentElement) {
        heading = node.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    }
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
                // the lead-in of the list an item belongs to is context, not the item's words
                leadIn: text.querySelector('.pa-compare__lead-in') ? text.querySelector('.pa-compare__lead-in').textContent : '',
                shown: without(text, '.pa-sr, .pa-compare__lead-in'),
                reference: without(text, 'ins, .pa-sr, .pa-compare__lead-in'),
                own: without(text, 'del, .pa-sr, .pa-compare__lead-in'),
                again: [...clause.querySelectorAll('.pa-compare__again a')].map(a => a.href),
                alike: clause.nextElementSibling && clause.nextElementSibling.classList.contains('pa-alike')
                    ? [...clause.nextElementSibling.querySelectorAll('a')].map(a => a.href) : [],
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


def _lands(built_site: Path, site: SitePage, url: str) -> bool:
    """Whether a link reaches an element of its page with the anchor it names."""
    file, fragment = _page_file(built_site, site, url)
    return file.exists() and (not fragment or fragment in _parsed(file).ids)


def _statement_text(clauses: dict[str, dict[str, Any]], anchor: str) -> str:
    """The words at a statement's anchor, from clauses.json: the statement of that id, or the whole
    clause where the clause is shown whole (its statements alike, linked at the clause)."""
    clause = clauses[anchor.split("~")[0]]
    return str(next((s["text"] for s in clause["statements"] if s["id"] == anchor), clause["text"]))


def _at(anchor: str, statement_id: str) -> bool:
    """Whether a link's anchor is where the statement is shown: its own id, or its clause's."""
    return anchor in (statement_id, statement_id.split("~")[0])


# (1) The topic matrix

OVERVIEW_JS = """table => ({
    caption: table.caption && table.caption.textContent.trim(),
    head: [...table.tHead.rows[0].cells].map(c => ({text: c.textContent.trim(), tag: c.tagName, scope: c.getAttribute('scope')})),
    rows: [...table.tBodies[0].rows].map(row => [...row.cells].map(cell => ({
        tag: cell.tagName, scope: cell.getAttribute('scope'),
        text: cell.textContent.replace(/\\s+/g, ' ').trim(),
        links: [...cell.querySelectorAll('a')].map(a => ({href: a.href, text: a.textContent.trim()})),
        breakdown: [...cell.querySelectorAll('.pa-breakdown li')].map(li => ({
            force: [...li.classList].find(c => c.startsWith('pa-force--')).slice(10),
            text: [...li.childNodes].filter(n => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
                .map(n => n.textContent).join('').replace(/\\s+/g, ' ').trim(),
        })),
        silent: cell.querySelector('.pa-force--silent') !== null,
        differs: cell.querySelector('.pa-differs') && cell.querySelector('.pa-differs').textContent.replace('≠', '').trim(),
    }))),
})"""


def test_matrix_shows_each_schools_statements_by_force_and_where_it_differs(
    site: SitePage, built_site: Path, matrix: dict[str, Any]
) -> None:
    page = _clean(site, "compare/")
    table = page.eval_on_selector("article table", OVERVIEW_JS)
    schools = matrix["schools"]

    assert table["caption"]
    assert table["head"] == [{"text": t, "tag": "TH", "scope": "col"} for t in ["Topic", *(SCHOOL_NAMES[s] for s in schools), "Agreement"]]
    assert len(table["rows"]) == len(TOPICS) == 11
    marked = 0
    for topic, row in zip(TOPICS, table["rows"], strict=True):
        data = _topic(matrix, topic)
        assert (row[0]["tag"], row[0]["scope"]) == ("TH", "row")
        assert row[0]["links"] == [{"href": f"{site.base}compare/topics/{topic}/", "text": data["label"]}]
        assert len(row) == 1 + len(schools) + 1
        for slug, cell in zip(schools, row[1:-1], strict=True):
            expected = data["cells"][slug]
            if not expected["statements"]:
                assert cell["silent"] and cell["links"] == [] and cell["text"] == "— silent", (topic, slug)
                continue
            count = len(expected["statements"])
            target = f"{site.base}compare/topics/{topic}/#provision-matrix"
            assert cell["links"] == [{"href": target, "text": f"{count} statement{'' if count == 1 else 's'}"}], (topic, slug)
            assert cell["breakdown"] == [
                {"force": force, "text": f"{n} {FORCE_WORDS[force]}"} for force, n in expected["forces"].items()
            ], (topic, slug)
            assert list(expected["forces"]) == [f for f in FORCE_WORDS if f in expected["forces"]]  # strongest first
            assert sum(expected["forces"].values()) == count
            differs = len(expected["differs"])
            assert cell["differs"] == (f"Differs on {differs} provision{'' if differs == 1 else 's'}" if differs else None)
            marked += bool(differs)
        covered = sum(1 for s in schools if data["cells"][s]["statements"])
        agreement = f"{covered} of {len(schools)} cover it"
        if data["force_agreement"] is not None:
            agreement += f"; {round(100 * data['force_agreement'])}% agree on force"
        assert row[-1]["text"] == agreement
    assert marked >= 1, "the overview should show where schools part from the majority"  # each cell is checked against the data above
    assert _lands(built_site, site, f"{site.base}compare/topics/pupil-contact/#provision-matrix")

    explanation = page.locator("article p", has_text="Agreement has two parts")
    expect(explanation).to_contain_text("Agree on force")
    assert site.log.problems() == []


def test_a_matrix_cell_opens_the_topics_provision_matrix(site: SitePage) -> None:
    page = site.goto("compare/")

    page.locator("article table tbody tr").first.locator("td a").first.click()

    expect(page).to_have_url(site.base + "compare/topics/pupil-contact/#provision-matrix")
    expect(page.locator("#provision-matrix")).to_be_in_viewport()
    assert _problems_after_leaving(site) == []


@pytest.mark.parametrize("path", ["compare/", "compare/topics/personal-devices/"])
def test_school_names_stay_in_view_while_scrolling_down_a_matrix(site: SitePage, path: str) -> None:
    page = site.page
    page.set_viewport_size({"width": 1280, "height": 500})
    site.goto(path)
    table = page.locator("article table")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    page.mouse.wheel(0, box["height"] / 2)
    page.wait_for_timeout(300)
    found = page.evaluate(
        """() => {
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const table = document.querySelector('article table').getBoundingClientRect();
            const th = document.querySelector('article table thead th:nth-child(2)').getBoundingClientRect();
            return {header: header.bottom, tableTop: table.top, top: th.top, bottom: th.bottom, height: innerHeight};
        }"""
    )
    assert found["tableTop"] < found["header"], f"the table did not scroll under the header: {found}"
    assert found["header"] - 1 <= found["top"] <= found["header"] + 2 and found["bottom"] < found["height"] / 2, found


# (2) Topic pages

PROVISION_MATRIX_JS = """table => ({
    caption: table.caption && table.caption.textContent.trim(),
    head: [...table.tHead.rows[0].cells].map(c => c.getAttribute('scope') + ':' + c.textContent.trim()),
    rows: [...table.tBodies[0].rows].map(row => ({
        heading: row.cells[0].textContent.trim(),
        scope: row.cells[0].getAttribute('scope'),
        anchor: row.cells[0].querySelector('a').getAttribute('href'),
        cells: [...row.cells].slice(1, -1).map(cell => ({
            href: cell.querySelector('a.pa-stance') ? cell.querySelector('a.pa-stance').href : null,
            force: [...cell.querySelector('.pa-force').classList].find(c => c.startsWith('pa-force--')).slice(10),
            words: [...cell.querySelector('.pa-force').childNodes].filter(n => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
                .map(n => n.textContent).join('').trim(),
            tags: [...cell.querySelectorAll('.pa-tag')].map(t => t.textContent.trim()),
            differs: cell.querySelector('.pa-differs') !== null,
        })),
        agreement: row.cells[row.cells.length - 1].textContent.trim(),
    })),
})"""

SECTIONS_JS = """article => [...article.querySelectorAll('h2[id^="provision-"]')].filter(h => h.id !== 'provision-matrix').map(h2 => {
    const block = h2.nextElementSibling;
    const silent = [...block.querySelectorAll(':scope > p')].find(p => p.textContent.startsWith('Silent on this provision:'));
    return {
        id: h2.id,
        heading: h2.textContent.replace('¶', '').trim(),
        summary: block.querySelector('.pa-divergence').textContent.trim(),
        silent: silent ? silent.textContent.replace('Silent on this provision:', '').trim().replace(/\\.$/, '').split(', ') : [],
    };
})"""


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_page(
    site: SitePage, built_site: Path, matrix: dict[str, Any], clauses: dict[str, dict[str, Any]], topic: str
) -> None:
    """Loads cleanly. The provision matrix is a real table saying who takes what stance on each
    provision, linked to the statement; each provision's section has its summary sentence, the
    reference wording and the other schools' redlines; every statement on the topic is on the page."""
    page = site.goto(f"compare/topics/{topic}/")
    data = _topic(matrix, topic)
    schools = matrix["schools"]
    assert _heading(page) == data["label"]

    table = page.eval_on_selector("article table", PROVISION_MATRIX_JS)
    assert table["caption"] == f"{data['label']}: each school's stance on each provision"
    assert table["head"] == ["col:Provision", *(f"col:{SCHOOL_NAMES[s]}" for s in schools), "col:Agreement"]
    assert [r["heading"] for r in table["rows"]] == [_capitalised(p["label"]) for p in data["provisions"]]
    for row, provision in zip(table["rows"], data["provisions"], strict=True):
        assert row["scope"] == "row" and row["anchor"] == f"#provision-{provision['id'].split('/')[1]}"
        agree = provision["agreement"]
        assert row["agreement"] == (f"{agree['agree']} of {agree['of']}" if agree["of"] > 1 else "1 school only")
        for slug, cell in zip(schools, row["cells"], strict=True):
            stance = provision["stances"][slug]
            if stance is None:
                assert (cell["force"], cell["words"], cell["href"]) == ("silent", "— silent", None)
                continue
            assert (cell["force"], cell["words"]) == (stance["force"], FORCE_WORDS[stance["force"]]), (provision["id"], slug)
            assert _at(unquote(urlsplit(cell["href"]).fragment), stance["statement"]) and _slug_of(site, cell["href"]) == slug
            assert _lands(built_site, site, cell["href"]), cell["href"]
            assert cell["differs"] is stance["differs"]
            assert any(t.startswith("+ exception") for t in cell["tags"]) is bool(stance["exceptions"])
            assert any("repeat" in t for t in cell["tags"]) is bool(stance["repeats"])

    sections = page.eval_on_selector("article", SECTIONS_JS)
    assert [s["heading"] for s in sections] == [_capitalised(p["label"]) for p in data["provisions"]]
    for section, provision in zip(sections, data["provisions"], strict=True):
        assert section["summary"] == provision["summary"]
        stated = sum(int(n) for n in re.findall(r"(?:^(?:All )?|; )(\d+) (?!of them)", section["summary"]))
        assert stated == len(schools), section
        silent = sorted(SCHOOL_NAMES[s] for s, stance in provision["stances"].items() if stance is None)
        assert sorted(n for n in section["silent"] if n) == silent

    groups = [g for g in _groups(page) if g["headingId"] and g["headingId"].startswith("provision-")]
    assert len(groups) == len(data["provisions"])
    for group, provision in zip(groups, data["provisions"], strict=True):
        reference, *others = group["clauses"]
        assert "reference wording" in reference["tags"]
        assert _at(unquote(urlsplit(reference["href"]).fragment), provision["reference"])
        shown = [unquote(urlsplit(c["href"]).fragment) for c in group["clauses"]]
        for clause in group["clauses"]:  # a repeat in the same words is a link under the quotation
            again = [unquote(urlsplit(a).fragment) for a in clause["again"] if urlsplit(a).fragment]
            assert all(_squash(clause["own"]) in _squash(_statement_text(clauses, a)) for a in again), clause["again"]
            shown += again
        wanted = [x for s in provision["stances"].values() if s for x in (s["statement"], *s["repeats"], *s["exceptions"])]
        assert len(shown) == len(wanted) and all(any(_at(a, w) for a in shown) for w in wanted)
        for clause in others:
            if clause["redline"]:
                assert _words(clause["reference"]) == _words(reference["shown"] if "repeat" not in " ".join(clause["tags"]) else clause["reference"])
                statement = unquote(urlsplit(clause["href"]).fragment)
                assert _squash(clause["own"]) in _squash(_statement_text(clauses, statement)), clause["href"]

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

    others = {g["headingId"][len("school-"):]: g for g in _groups(page) if (g["headingId"] or "").startswith("school-")}
    assert sorted(others) == sorted(data["other_statements"])
    for slug, group in others.items():
        assert group["heading"] == SCHOOL_NAMES[slug]
        anchors = [unquote(urlsplit(c["href"]).fragment) for c in group["clauses"]]
        assert len(anchors) == len(data["other_statements"][slug])
        assert all(_at(a, w) for a, w in zip(anchors, data["other_statements"][slug], strict=True))

    links = [c["href"] for g in _groups(page) for c in g["clauses"]] + [a for g in _groups(page) for c in g["clauses"] for a in c["again"]]
    on_page = {unquote(urlsplit(href).fragment) for href in links}
    assert [i for cell in data["cells"].values() for i in cell["statements"] if not any(_at(a, i) for a in on_page)] == []
    assert [href for href in links if not _lands(built_site, site, href)] == []
    assert site.log.problems() == []


def test_a_sample_of_statement_links_lands_on_the_statement(site: SitePage, clauses: dict[str, dict[str, Any]]) -> None:
    """Ten statement links from two topic pages, followed in the browser: each lands on the statement
    (a clause of one statement is its own statement), marked as the target, whose words are the
    words the topic page quoted."""
    links: dict[str, str] = {}
    source: dict[str, str] = {}
    for topic in ("discipline", "pupil-contact"):
        page = site.goto(f"compare/topics/{topic}/")
        for group in _groups(page):
            for clause in group["clauses"]:
                if not clause["redline"]:
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
        statement_id = unquote(urlsplit(url).fragment)
        found = page.evaluate(
            """id => {
                const el = document.getElementById(id);
                const statement = el && (el.matches('.pa-statement') ? el : el.querySelector('.pa-clause__text'));
                return el && {clause: el.closest('.pa-clause') !== null, target: el.matches(':target'), text: statement.textContent};
            }""",
            statement_id,
        )
        assert found is not None, f"{url}: no element with that id"
        assert found["clause"] and found["target"], url
        assert _squash(found["text"]) == _squash(_statement_text(clauses, statement_id)), url
        assert _squash(links[url]) in _squash(found["text"]), url
    assert _problems_after_leaving(site) == []


def test_no_topic_page_has_one_line_sections(built_site: Path) -> None:
    """Statements that fit no provision are one list per school, not a section each."""
    named = {t["id"]: len(t.get("provisions", ())) for t in yaml.safe_load((REPO / "taxonomy.yml").read_text(encoding="utf-8"))["topics"]}
    for topic in TOPICS:
        html = (built_site / "compare" / "topics" / topic / "index.html").read_text(encoding="utf-8")
        assert "Also:" not in html
        headings = re.findall(r"<h2 id=\"([^\"]+)\"", html)
        assert headings[0] == "provision-matrix" and headings[-1] == "other-statements", (topic, headings)
        assert len(headings) <= 2 + named[topic], (topic, headings)  # a section per provision the taxonomy names


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
    href = _parsed(built_site / "policies" / "knowsley-model" / "index.html").badges[0]["href"]
    expect(page).to_have_url(site.base + "compare/topics/" + href.split("/topics/")[1])
    assert _problems_after_leaving(site) == []


# (4) Gap reports and shared wording

GAPS_JS = """article => {
    const items = [];
    let section = null;
    for (const el of article.children) {
        if (el.tagName === 'H2') section = el.textContent.replace('¶', '').trim();
        if (el.tagName !== 'H3' || section === 'Against the model policy') continue;
        const block = el.nextElementSibling;
        const detail = block.querySelector('.pa-gap__detail');
        items.push({
            section,
            label: el.textContent.replace('¶', '').trim(),
            topics: [...detail.querySelectorAll('a')].map(a => a.href),
            detail: detail.textContent.replace(/\\s+/g, ' ').trim(),
            pair: [...block.querySelectorAll('.pa-compare--pair .pa-compare__clause')].map(c => ({
                href: c.querySelector('.pa-compare__who a').href,
                force: [...c.querySelector('.pa-force').classList].find(x => x.startsWith('pa-force--')).slice(10),
                tags: [...c.querySelectorAll('.pa-tag')].map(t => t.textContent.trim()),
            })),
        });
    }
    return {sections: [...article.querySelectorAll('h2')].map(h => h.textContent.replace('¶', '').trim()), items};
}"""


@pytest.mark.parametrize("slug", GAP_SLUGS)
def test_gap_report(site: SitePage, built_site: Path, matrix: dict[str, Any], slug: str) -> None:
    """Each gap names a provision of the taxonomy, links to it on its topic page, and is true of the
    data: a missing provision is one the school takes no stance on while most others do, shown with
    the closest statement it has and how close; an outlier shows both wordings side by side."""
    page = site.goto(f"compare/gaps/{slug}/")
    assert _heading(page) == f"Gaps: {SCHOOL_NAMES[slug]}"
    report = page.eval_on_selector("article", GAPS_JS)
    others = len(matrix["schools"]) - 1

    assert report["sections"] == ["Missing provisions", "Force outliers", "Against the model policy"]
    assert report["items"], "every seed school has some gap or outlier"
    for item in report["items"]:
        link = re.fullmatch(re.escape(site.base) + r"compare/topics/([a-z0-9-]+)/#provision-([a-z0-9-]+)", item["topics"][0])
        assert link and len(item["topics"]) == 1, item
        assert _lands(built_site, site, item["topics"][0])
        provision = next(p for p in _topic(matrix, link.group(1))["provisions"] if p["id"] == f"{link.group(1)}/{link.group(2)}")
        assert _capitalised(provision["label"]) == item["label"]
        stances = provision["stances"]
        taking = [s for s, stance in stances.items() if stance and s != slug]
        if item["section"] == "Missing provisions":
            assert stances[slug] is None and len(taking) * 2 > others, item
            assert f": {len(taking)} of {others} other schools take a stance on this." in item["detail"], item
            *mine, theirs = item["pair"]
            assert _slug_of(site, theirs["href"]) != slug
            if mine:
                (closest,) = mine
                assert _slug_of(site, closest["href"]) == slug and "this school's closest statement" in closest["tags"]
                assert re.search(r"is \d+% similar to one of theirs, and states no rule on this provision\.", item["detail"]), item
            else:
                assert "This policy has no statement on the topic." in item["detail"]
        else:
            assert stances[slug] is not None and stances[slug]["differs"], item
            mine, theirs = item["pair"]
            assert _slug_of(site, mine["href"]) == slug and "this school" in mine["tags"]
            assert _slug_of(site, theirs["href"]) != slug and "typical wording" in theirs["tags"]
            assert mine["force"] == stances[slug]["force"] != theirs["force"]
            assert [s for s in taking if stances[s]["force"] == mine["force"]] == []
    assert site.log.problems() == []


@pytest.mark.parametrize(
    ("slug", "provision"),
    [("knowsley-model", "Investigating breaches"), ("unnamed-school", "Disciplinary action for breaches")],
)
def test_no_false_gap_for_what_the_school_says(site: SitePage, slug: str, provision: str) -> None:
    report = site.goto(f"compare/gaps/{slug}/").eval_on_selector("article", GAPS_JS)
    assert provision not in [i["label"] for i in report["items"] if i["section"] == "Missing provisions"]


def test_shared_wording_shows_what_rosewood_and_the_unnamed_school_share(
    site: SitePage, built_site: Path, clauses: dict[str, dict[str, Any]]
) -> None:
    """Rosewood Free School and the Unnamed school share model-policy sentences. Each passage
    links to both clauses, and quotes the second redlined against the first, or names it under
    the first where the two are word for word the same. The shared
    passages (definitions) have no topic, so the page reaches the matrix and topics by its navigation."""
    page = _clean(site, "compare/shared-wording/")
    both = f"{SCHOOL_NAMES[ROSEWOOD]}, {SCHOOL_NAMES[UNNAMED]}"
    passages = [g for g in _groups(page) if g["heading"] and g["heading"].endswith(f": {both}")]

    assert len(passages) >= 2
    for passage in passages:
        links = [c["href"] for c in passage["clauses"]] + [href for c in passage["clauses"] for href in c["alike"]]
        assert sorted(_slug_of(site, href) for href in links) == sorted([ROSEWOOD, UNNAMED]), passage["heading"]
        first, *rest = passage["clauses"]
        for clause in passage["clauses"]:
            file, fragment = _page_file(built_site, site, clause["href"])
            assert fragment in _parsed(file).ids, clause["href"]
            assert _squash(clause["own"]) in _squash(clauses[fragment]["text"]), clause["href"]
            for href in clause["alike"]:  # worded exactly as the quotation above it
                file, fragment = _page_file(built_site, site, href)
                assert fragment in _parsed(file).ids, href
                assert _squash(clause["own"]) in _squash(clauses[fragment]["text"]), href
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
        ("compare/", NARROW),
        ("compare/topics/pupil-contact/", DESKTOP),
        ("compare/topics/pupil-contact/", NARROW),
        ("compare/topics/discipline/", DESKTOP),
        ("compare/topics/cyberbullying/", DESKTOP),
        ("model-policy/", DESKTOP),
        ("model-policy/", NARROW),
    ],
    ids=[
        "matrix", "matrix-320", "topic-pupil-contact", "topic-pupil-contact-320", "topic-discipline", "topic-cyberbullying",
        "model-policy", "model-policy-320",
    ],
)
def test_matrix_pages_have_no_wcag_violations(site: SitePage, axe_script: str, path: str, viewport: ViewportSize) -> None:
    """The matrix pages: no violation at all, whatever its impact."""
    site.page.set_viewport_size(viewport)
    page = site.goto(path)

    assert violations(page, axe_script, ("minor", "moderate", "serious", "critical")) == []


@pytest.mark.parametrize(
    "path",
    ["compare/gaps/unnamed-school/", "compare/gaps/knowsley-model/", "compare/shared-wording/"],
    ids=["gaps-unnamed-school", "gaps-knowsley-model", "shared-wording"],
)
def test_no_serious_wcag_violations(site: SitePage, axe_script: str, path: str) -> None:
    page = site.goto(path)

    assert serious_violations(page, axe_script) == []


# (6) Print


def test_print_keeps_the_redline_marks_that_are_not_colour(site: SitePage, screenshot_dir: Path) -> None:
    """Browsers drop backgrounds when printing: the strike-through and underline must stay."""
    page = site.goto("compare/topics/reputation/")
    marks = page.locator(".pa-compare__text :is(ins, del)")
    assert marks.count() > 0

    page.emulate_media(media="print")
    page.screenshot(path=screenshot_dir / "print-topic-reputation.png", full_page=True)

    styles = marks.evaluate_all(
        """marks => marks.map(m => ({tag: m.tagName, line: getComputedStyle(m).textDecorationLine,
                                     shown: m.checkVisibility(), sr: m.querySelector('.pa-sr').getBoundingClientRect().width}))"""
    )
    assert {s["tag"] for s in styles} == {"INS", "DEL"}
    for style in styles:
        assert style["shown"], style
        assert ("line-through" if style["tag"] == "DEL" else "underline") in style["line"], style
        assert style["sr"] <= 1, style


@pytest.mark.parametrize("path", ["compare/", "compare/topics/personal-devices/"])
def test_a_matrix_printed_on_a4_is_not_cut_off(site: SitePage, screenshot_dir: Path, path: str) -> None:
    """At the width of an A4 page, in print media: the table fits the page and no cell's content
    overflows it. The PDF is kept with the screenshots for a person to look at."""
    page = site.page
    site.goto(path)
    page.emulate_media(media="print")
    page.pdf(path=screenshot_dir / f"print-{path.strip('/').replace('/', '-')}.pdf", format="A4")
    page.set_viewport_size(A4)
    fit = page.eval_on_selector(
        "article table",
        """table => {
            const page = document.documentElement.clientWidth;
            const cells = [...table.querySelectorAll('th, td')];
            return {right: table.getBoundingClientRect().right, page,
                    overflowing: cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim().slice(0, 40)),
                    sticky: cells.filter(c => getComputedStyle(c).position === 'sticky').length};
        }""",
    )
    assert fit["right"] <= fit["page"] and fit["overflowing"] == [] and fit["sticky"] == 0, fit


# (7) Layout and screenshots


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE, NARROW], ids=["desktop", "mobile", "320"])
def test_comparison_screenshots_and_layout(site: SitePage, screenshot_dir: Path, viewport: ViewportSize) -> None:
    """Full-page screenshots of the matrix, a topic page and a gap report, for a person to look at.
    No page scrolls sideways. On a desktop the whole matrix is on screen, the Agreement column too;
    on a phone each row is a card whose cells name their school."""
    page = site.page
    page.set_viewport_size(viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    too_wide = {}
    for name, path in {
        "matrix": "compare/",
        "topic-discipline": "compare/topics/discipline/",
        "gaps-unnamed-school": "compare/gaps/unnamed-school/",
        "shared-wording": "compare/shared-wording/",
    }.items():
        site.goto(path)
        page.screenshot(path=screenshot_dir / f"{name}-{size}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            too_wide[name] = overflow
        if name not in ("matrix", "topic-discipline"):
            continue
        layout = page.eval_on_selector(
            "article table",
            """table => {
                const article = table.closest('article').getBoundingClientRect();
                const cell = table.tBodies[0].rows[0].cells[1];
                return {right: table.getBoundingClientRect().right, article: article.right,
                        display: getComputedStyle(cell).display, label: getComputedStyle(cell, '::before').content};
            }""",
        )
        assert layout["right"] <= layout["article"] + 1, layout
        if viewport == DESKTOP:
            assert layout["display"] == "table-cell", layout
        else:
            assert layout["display"] == "grid" and SCHOOL_NAMES[min(SCHOOL_NAMES)] in layout["label"], layout

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
    report = site.goto("compare/gaps/knowsley-model/").eval_on_selector("article", GAPS_JS)
    outliers = [i for i in report["items"] if i["section"] == "Force outliers"]

    assert outliers
    for item in outliers:
        typical = next(c for c in item["pair"] if "typical wording" in c["tags"])
        assert _slug_of(site, typical["href"]) != "knowsley-model"
