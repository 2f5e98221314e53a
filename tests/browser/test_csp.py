"""The site's Content-Security-Policy is in force and never violated by the site's own pages.

The policy ships as a ``<meta http-equiv>`` first in every page and as a ``_headers`` file; the
README's ``_headers`` example must be that file, word for word. Every page of the project's site
loads (served with the header, served without it, and the offline copy opened from ``file://``,
where only the ``<meta>`` applies), search runs and a topic badge's tooltip shows, with no
violation reported; and an inline script added to a page is refused, which shows the policy is
in force.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import DESKTOP, REPO, PageLog, serve, watch
from playwright.sync_api import Browser, Page

sys.path.insert(0, str(REPO / "tests" / "site_build"))
import sitekit  # noqa: E402  (the real-build helpers of tests/site_build)

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""
INJECT = "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }"


def readme_block() -> str:
    """The README's ``_headers`` example (the block that starts with ``/*``)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return next(b for b in re.findall(r"```text\n(.*?)```", readme, re.S) if b.startswith("/*\n"))


def readme_headers() -> dict[str, str]:
    return dict(line.strip().split(": ", 1) for line in readme_block().splitlines()[1:] if line.strip())


def test_the_readme_policy_allows_no_inline_script() -> None:
    policy = readme_headers()["Content-Security-Policy"]
    directives = dict((d.split() + [""])[:2] for d in policy.split("; "))
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["default-src"] == "'none'" and directives["object-src"] == "'none'"


def test_the_site_ships_the_readme_s_headers(built_site: Path) -> None:
    assert (built_site / "_headers").read_text(encoding="utf-8") == readme_block()


def test_every_page_carries_the_policy_first_in_its_head(built_site: Path) -> None:
    policy = "; ".join(d for d in readme_headers()["Content-Security-Policy"].split("; ") if not d.startswith("frame-ancestors"))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    missing = [p.name for p in built_site.rglob("*.html") if meta not in p.read_text(encoding="utf-8").split("<meta charset", 1)[0]]
    assert missing == []


@pytest.fixture(scope="module", params=["header", "meta only"])
def csp_url(request: pytest.FixtureRequest, built_site: Path) -> Iterator[str]:
    """The site served with the README's headers, and served with none (its ``<meta>`` alone)."""
    with serve(built_site, readme_headers() if request.param == "header" else None) as url:
        yield url


def _violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__csp"))


@pytest.fixture
def watched(browser: Browser, csp_url: str) -> Iterator[tuple[Page, PageLog]]:
    """A fresh page that records every policy violation, and its log of errors."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        yield page, watch(page, csp_url)
    finally:
        context.close()


def test_every_page_satisfies_the_policy(watched: tuple[Page, PageLog], built_site: Path, csp_url: str) -> None:
    page, log = watched
    found: dict[str, list[str]] = {}
    for path in sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")):
        page.goto(csp_url + path.removesuffix("index.html"), wait_until="load")
        page.wait_for_load_state("networkidle")  # anything a page loads after "load" counts too
        if violations := _violations(page):
            found[path] = violations
    assert found == {}
    assert [e for e in log.console_errors if "Content Security Policy" in e] == []
    assert log.page_errors == []


def test_search_navigation_and_tooltips_work_under_the_policy(watched: tuple[Page, PageLog], csp_url: str) -> None:
    page, log = watched
    page.goto(csp_url + "policies/northgate-primary/", wait_until="load")
    page.wait_for_load_state("networkidle")
    badge = page.locator(".pa-topic").first
    badge.hover()
    badge.focus()
    page.wait_for_timeout(500)
    page.locator("nav.md-nav--primary a.md-nav__link[href]").filter(has_text="Compare").first.click()
    page.wait_for_load_state("load")
    assert "/compare/" in page.url
    page.keyboard.press("/")
    page.locator("#pa-search-input").press_sequentially("pupils")
    page.locator("dialog.pa-search .pa-result").first.wait_for(timeout=15_000)
    assert _violations(page) == []
    assert log.page_errors == []


def test_the_policy_is_in_force(watched: tuple[Page, PageLog], csp_url: str) -> None:
    """A control: an inline script added to a served page is refused and reported."""
    page, _ = watched
    page.goto(csp_url, wait_until="load")
    page.evaluate(INJECT)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in _violations(page))


@pytest.fixture
def file_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page of the offline copy that records violations, errors and anything asked for outside it."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else (problems.append(route.request.url), route.abort()))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        yield page, problems
    finally:
        context.close()


def test_every_page_of_the_offline_copy_satisfies_the_policy(offline_copy: Path, file_page: tuple[Page, list[str]]) -> None:
    page, problems = file_page
    found: dict[str, list[str]] = {}
    for path in sorted(offline_copy.rglob("*.html")):
        if path.name == "404.html":  # a server's error page: its addresses start at the site's root, not in a folder
            continue
        page.goto(path.as_uri(), wait_until="load")
        if violations := _violations(page):
            found[path.relative_to(offline_copy).as_posix()] = violations
    assert found == {}
    page.goto((offline_copy / "policies" / "northgate-primary" / "index.html").as_uri(), wait_until="load")
    page.keyboard.press("/")
    page.locator("#pa-search-input").press_sequentially("pupils")
    page.locator("dialog.pa-search .pa-result").first.wait_for(timeout=15_000)
    assert _violations(page) == []
    assert problems == []


def test_the_policy_is_in_force_from_file(offline_copy: Path, file_page: tuple[Page, list[str]]) -> None:
    page, _ = file_page
    page.goto((offline_copy / "index.html").as_uri(), wait_until="load")
    page.evaluate(INJECT)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in _violations(page))


PALETTES = """
  font: false
  palette:
    - scheme: default
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - scheme: slate
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
"""


@pytest.fixture(scope="module")
def toggled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site with Material's light/dark toggle (the project's own site has one palette)."""
    root = sitekit.make_project(tmp_path_factory.mktemp("palette") / "project", sitekit.CORPUS)
    assert sitekit.normalise(root, "--quiet") == 0
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: en\n" + PALETTES.lstrip("\n")), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        site = sitekit.build(root)
    with serve(site) as url:
        yield url


def test_the_palette_toggle_works_under_the_policy(browser: Browser, toggled_site: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    log = watch(page, toggled_site)
    try:
        page.goto(toggled_site + "policies/northgate-primary/", wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        page.locator("label[for='__palette_1']").click()
        page.wait_for_timeout(200)
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.reload(wait_until="load")  # palette.js, from its file, puts the choice back
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert _violations(page) == []
        assert log.page_errors == [] and log.external == []
    finally:
        context.close()
