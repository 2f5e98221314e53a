"""Every kind of page the site has, with the address of one example: what the accessibility,
keyboard, reflow and screenshot tests go through. A new kind of page is one more line here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    search: str | None = None
    """Words typed into the search dialog, opened on the page: the page "with the search open"."""
    missing: bool = False
    """An address with no page: what the host answers with is the site's 404 page (status 404)."""

    def expected(self, base: str) -> list[str]:
        """What the page log holds on this page by design: the 404 of an address with no page
        (the browser's console reports it too)."""
        if not self.missing:
            return []
        url = f"{base}{self.path}"
        return [f"console: Failed to load resource: the server responded with a status of 404 (Not Found) ({url})", f"HTTP 404: {url}"]


PAGE_TYPES = [
    PageType("home", ""),
    PageType("schools", "policies/"),
    PageType("school", "policies/northgate-primary/"),
    PageType("model-policy", "model-policy/"),
    PageType("matrix", "compare/"),
    PageType("topic", "compare/topics/pupil-contact/"),
    PageType("gaps", "compare/gaps/unnamed-school/"),
    PageType("shared-wording", "compare/shared-wording/"),
    PageType("finder", "find-a-clause/?topic=pupil-contact&force=prohibited"),
    PageType("what-changed", "changes/"),
    PageType("accessibility", "accessibility/"),
    PageType("not-found", "policies/no-such-page/", missing=True),
    PageType("search-open", "policies/knowsley-model/", search="friend request"),
]
