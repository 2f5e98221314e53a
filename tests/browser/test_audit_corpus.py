"""The audit against Chromium itself: every vector of the XSS corpus that runs script when the
browser parses it is one the audit names, and each parser differential of issue 19 does run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_hardening_audit import DIFFERENTIALS, VECTORS, _theme_only, in_page  # noqa: E402

from policy_atlas.core.sanitise import audit_page

pytestmark = pytest.mark.browser


def _runs(browser: Browser, fragments: list[str]) -> list[bool]:
    """Whether each fragment, in a page of its own, opens a dialog (nothing leaves the machine)."""
    context = browser.new_context()
    page = context.new_page()
    ran: list[bool] = []
    page.on("dialog", lambda dialog: (ran.__setitem__(-1, True), dialog.dismiss()))
    page.route("**/*", lambda route: route.fulfill(status=404, body="") if route.request.url != "about:blank" else route.continue_())
    try:
        for fragment in fragments:
            ran.append(False)
            page.set_content(in_page(fragment), wait_until="load")
            page.wait_for_timeout(50)
    finally:
        context.close()
    return ran


def test_every_vector_chromium_runs_is_named_by_the_audit(browser: Browser) -> None:
    fragments = [v["vector"] for v in VECTORS]
    ran = [f for f, r in zip(fragments, _runs(browser, fragments)) if r]
    assert len(ran) >= 30  # the corpus is live, not only of historical interest
    assert [f for f in ran if not audit_page(in_page(f), _theme_only).problems] == []


def test_the_differentials_run_in_chromium(browser: Browser) -> None:
    assert _runs(browser, DIFFERENTIALS) == [True] * len(DIFFERENTIALS)
