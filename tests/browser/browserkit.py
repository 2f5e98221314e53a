"""Helpers for the browser tests: where things are, and a page that records what went wrong on it."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, Response, Route, ViewportSize

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# 2026-01-01T00:00:00Z: the build date that "Review overdue" and the schools index depend on.
SOURCE_DATE_EPOCH = "1767225600"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 390, "height": 844}
NARROW: ViewportSize = {"width": 320, "height": 640}
# A4 portrait is 210 mm wide: 794 CSS pixels, the width a printed page lays out at.
A4: ViewportSize = {"width": 794, "height": 1123}
SCHOOL_SLUGS = sorted(path.stem for path in (REPO / "docs" / "policies").glob("*.md") if path.stem != "index")
# The axe-core rule tags every page is checked against: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# ... and axe's best practices, for the page types that must have no violation at all.
ALL_TAGS = [*WCAG_TAGS, "best-practice"]
ARTIFACTS = REPO / "tests" / "artifacts"
"""Screenshots of every page type at both widths, for a person to look at (git-ignored)."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail under CI, which must run the browser tests."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@dataclass
class PageLog:
    """What a page reported while a test drove it."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_local: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + self.failed_local


@dataclass
class SitePage:
    """A Playwright page on the served site, with the log of what went wrong on it."""

    page: Page
    base: str
    log: PageLog

    def goto(self, path: str) -> Page:
        self.page.goto(self.base + path, wait_until="load")
        return self.page


def watch(page: Page, base: str) -> PageLog:
    """Record console errors, script errors and failed local requests; stub every external request.

    The site must work offline and the tests must not reach the internet, so anything not on
    the local server (Material's Google Fonts stylesheet, today) is answered with an empty 200
    and noted in ``log.external``.
    """
    log = PageLog()
    local = urlsplit(base).netloc

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def on_request_failed(request: Request) -> None:
        if urlsplit(request.url).netloc == local:
            log.failed_local.append(f"failed: {request.url} ({request.failure})")

    def on_response(response: Response) -> None:
        if urlsplit(response.url).netloc == local and response.status >= 400:
            log.failed_local.append(f"HTTP {response.status}: {response.url}")

    def route(route: Route) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            log.external.append(route.request.url)
            route.fulfill(status=200, body="")

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(f"page error: {error}"))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    page.route("**/*", route)
    return log


def dialogs_on_every_page(browser: Browser, base: str, site: Path) -> tuple[list[str], PageLog]:
    """Open every page of the built ``site`` served at ``base``; every dialog opened, and the log."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs: list[str] = []
    log = watch(page, base)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
            page.goto(base + path.removesuffix("index.html"), wait_until="load")
    finally:
        context.close()
    return dialogs, log


def violations(
    page: Page, axe_script: str, impacts: tuple[str, ...] = ("serious", "critical"), tags: list[str] = WCAG_TAGS
) -> list[str]:
    """axe-core's violations of the given impacts and rule tags on the page as it stands, one line each."""
    page.evaluate(axe_script)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def serious_violations(page: Page, axe_script: str) -> list[str]:
    """axe-core's serious and critical WCAG violations on the page as it stands, one line each."""
    return violations(page, axe_script)


@contextmanager
def serve(directory: Path, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 from a daemon thread, with ``headers`` on every response;
    yields the root address. No access log: a line per request would flood stderr."""
    extra = dict(headers or {})

    class _Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in extra.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            """A missing page is answered with the site's 404.html (status 404), as a host serves it."""
            page = directory / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_project_with(root: Path, sources: Mapping[str, str | bytes]) -> Path:
    """The project's own site with ``sources`` added to its ``source_policies`` (a school's file, its
    sidecar, or a folder of versions), normalised and built in ``root``; returns the site folder."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from policy_atlas.cli import main as cli_main

    for name in ("mkdocs.yml", "taxonomy.yml", "model_outline.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "source_policies", root / "source_policies")
    for name, content in sources.items():
        target = root / "source_policies" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    assert cli_main(["--project", str(root), "normalise", "--quiet"]) == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"
