"""The page audit in a real strict build: a hand-edited policy page body that adds what no page of
the site needs (a tracking image, a password form, a fake dialog in Material's classes) is withheld,
with an error naming the page (issue 19)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<img src="https://tracker.example/p.gif" alt="">', "<img> has src='https://tracker.example/p.gif': a request to another host"),
        ('<form method="post"><input type="password" name="p"></form>', "<form>: a form control (only the clause finder has a form)"),
        ('<div class="md-dialog md-dialog--active"><p>Session expired: sign in again</p></div>', "<div> has the theme's own class 'md-dialog'"),
    ],
)
def test_a_hand_edited_body_that_no_page_needs_is_withheld(project: Path, failed_build: Callable[..., str], body: str, expected: str) -> None:
    page = project / "docs" / "policies" / "riverside-high.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    messages = failed_build(project)
    assert f"policies/riverside-high.md: withheld: {expected}" in messages
    assert "This page was withheld" in (project / "site" / "policies" / "riverside-high" / "index.html").read_text(encoding="utf-8")
