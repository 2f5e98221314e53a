"""A printed page says where it lives only when the site says where it is published: a site
without a ``site_url`` of its own (or with a placeholder one) prints the build date alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policy_atlas.core.render import printed_address
from policy_atlas.core.views import PrintedView
from policy_atlas.templating import Templates

REPO = Path(__file__).resolve().parents[1]
PAGE = "https://policies.trust.org.uk/policies/hill/"


@pytest.mark.parametrize(
    ("site_url", "page_url", "printed"),
    [
        ("https://policies.trust.org.uk/", PAGE, PAGE),
        (None, None, None),
        ("", "/policies/hill/", None),
        ("https://policy-atlas.example.org/", "https://policy-atlas.example.org/policies/hill/", None),
        ("https://EXAMPLE.COM/", "https://EXAMPLE.COM/x/", None),
        ("https://example.net./", "https://example.net./x/", None),
        ("http://localhost:8000/", "http://localhost:8000/x/", None),
        ("https://site.test/", "https://site.test/x/", None),
        ("https://notexample.org/", "https://notexample.org/x/", "https://notexample.org/x/"),
    ],
)
def test_the_printed_address_is_the_page_s_own_published_one_or_none(site_url: str | None, page_url: str | None, printed: str | None) -> None:
    assert printed_address(site_url, page_url) == printed


@pytest.mark.parametrize(
    ("address", "text"),
    [(PAGE, f"Printed from {PAGE} · built 2026-01-02"), (None, "Built 2026-01-02")],
)
def test_the_foot_of_a_printed_page(address: str | None, text: str) -> None:
    html = Templates().render("partials/printed.html.jinja", PrintedView(address, "2026-01-02"), lambda ref: "")
    assert html.strip() == f'<p class="pa-printed">{text}</p>'


def test_the_project_s_own_config_sets_no_placeholder_address() -> None:
    """A user copies this mkdocs.yml to start their site: a placeholder address in it would be
    printed at the foot of their pages."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    site_url = config.get("site_url")
    assert site_url is None or printed_address(site_url, site_url) == site_url
