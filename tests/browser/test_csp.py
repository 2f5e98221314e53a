"""The README's Content-Security-Policy, served with the built site, is never violated.

The header lines are read from the README's ``_headers`` example itself, so the documentation
and what is tested cannot drift apart. Every page of the project's site loads, search runs and a
topic badge's tooltip shows, with no violation reported; and an inline script added to a page is
refused, which shows the header is in force.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import DESKTOP, REPO, PageLog, serve, watch
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def readme_headers() -> dict[str, str]:
    """The header lines of the README's ``_headers`` example (the block that starts with ``/*``)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```text\n(.*?)```", readme, re.S) if b.startswith("/*\n"))
    return dict(line.strip().split(": ", 1) for line in block.splitlines()[1:] if line.strip())


def test_the_readme_policy_allows_no_inline_script() -> None:
    policy = readme_headers()["Content-Security-Policy"]
    directives = dict((d.split() + [""])[:2] for d in policy.split("; "))
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["default-src"] == "'none'" and directives["object-src"] == "'none'"


@pytest.fixture(scope="module")
def csp_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, readme_headers()) as url:
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


def test_search_and_tooltips_work_under_the_policy(watched: tuple[Page, PageLog], csp_url: str) -> None:
    page, log = watched
    page.goto(csp_url + "policies/northgate-primary/", wait_until="load")
    page.wait_for_load_state("networkidle")
    badge = page.locator(".pa-topic").first
    badge.hover()
    badge.focus()
    page.wait_for_timeout(500)
    page.keyboard.press("/")
    page.locator("#pa-search-input").press_sequentially("pupils")
    page.locator("dialog.pa-search .pa-result").first.wait_for(timeout=15_000)
    assert _violations(page) == []
    assert log.page_errors == []


def test_the_policy_is_in_force(watched: tuple[Page, PageLog], csp_url: str) -> None:
    """A control: an inline script added to a served page is refused and reported."""
    page, _ = watched
    page.goto(csp_url, wait_until="load")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in _violations(page))
