"""Front matter the theme prints runs no script: a payload in a policy page's ``description``
(issue 19) leaves the school out with an error naming the page and line, and the same values on a
page the plugin does not own are printed escaped. Built for real, opened in Chromium."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserkit import dialogs_on_every_page, serve
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site_build"))
import sitekit  # noqa: E402  (the real-build helpers of tests/site_build)

pytestmark = pytest.mark.browser

PAYLOAD = '"><noembed><img title="</noembed><img src=x onerror=alert(document.domain)>">'


def _front(path: Path, lines: str) -> None:
    """Add ``lines`` at the top of the page's front matter, as a person editing it would."""
    text = path.read_text(encoding="utf-8")
    body = text.removeprefix("---\n") if text.startswith("---\n") else "---\n" + text
    path.write_text("---\n" + lines + body, encoding="utf-8")


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    root = sitekit.make_project(tmp_path_factory.mktemp("front") / "project", sitekit.CORPUS)
    assert sitekit.normalise(root, "--quiet") == 0
    quoted = PAYLOAD.replace("'", "''")
    _front(root / "docs" / "policies" / "northgate-primary.md", f"description: '{quoted}'\n")
    _front(
        root / "docs" / "index.md",
        f"description: '{quoted}'\nsubtitle: '{quoted}'\nstatus: '{quoted}'\nauthor: '{quoted}'\n",
    )
    site = root / "site"
    collect = sitekit._Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        mkdocs_build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=False))
    finally:
        logger.removeHandler(collect)
    with serve(site) as url:
        yield url, site, "\n".join(collect.messages)


def test_no_page_runs_the_front_matter_payload(browser: Browser, edited_site: tuple[str, Path, str]) -> None:
    base, site, _ = edited_site
    dialogs, log = dialogs_on_every_page(browser, base, site)
    assert dialogs == []
    assert log.page_errors == []


def test_the_edited_policy_page_is_refused_with_its_file_and_line(edited_site: tuple[str, Path, str]) -> None:
    _, site, messages = edited_site
    assert "policies/northgate-primary.md:2: front matter: description" in messages
    assert not (site / "policies" / "northgate-primary" / "index.html").exists()


def test_the_values_are_printed_escaped_on_other_pages(edited_site: tuple[str, Path, str]) -> None:
    _, site, messages = edited_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<noembed>" not in home and "&lt;noembed&gt;" in home
    assert "index.md:4: front matter: status" in messages
