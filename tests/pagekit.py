"""Rendering every generated page without MkDocs: the real templates, with a stand-in for URLs.

The plugin resolves a view's ``Ref`` through MkDocs' ``Files``; here a reference becomes a
readable fake address (``/topic/images#provision-consent``), so tests can render and compare
pages from view models alone.
"""

from __future__ import annotations

from policy_atlas.core.views import Ref, SiteViews
from policy_atlas.mkdocs_plugin.pages import SitePaths
from policy_atlas.templating import Templates

PATHS = SitePaths("policies", "data")


def fake_url(ref: Ref) -> str:
    return f"/{ref.kind.value}/{ref.key}" + (f"#{ref.fragment}" if ref.fragment else "")


def render_all(views: SiteViews, templates: Templates | None = None) -> dict[str, str]:
    """Every generated page, each school's summary block and matrix.json, by path."""
    templates = templates or Templates()
    pages = {g.src: templates.render(g.template, g.view, fake_url) for g in PATHS.pages(views)}
    for slug, summary in views.summaries.items():
        pages[f"summary:{slug}"] = templates.render("school-summary.md.jinja", summary, fake_url)
    pages["data/matrix.json"] = views.matrix_json() or ""
    return pages
