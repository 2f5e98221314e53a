"""The Content-Security-Policy in a real strict build: a ``<meta>`` first in every page's head, a
``_headers`` file (a site's own wins), and a warning for a page a site's own ``main.html`` leaves
without the policy. (Chromium checks it is in force: ``tests/browser/test_csp.py``.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from policy_atlas.core.csp import headers_file, policy

pytestmark = pytest.mark.slow

META = f'<meta http-equiv="Content-Security-Policy" content="{policy(meta=True)}">'


def _custom_dir(project: Path, main: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: en\n  custom_dir: overrides\n"), encoding="utf-8")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(main, encoding="utf-8")


def test_every_page_has_the_policy_before_anything_the_theme_prints(project: Path, build: Callable[..., Path]) -> None:
    site = build(project)
    for page in site.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("<meta charset", 1)[0]
        assert META in head, page
    assert (site / "_headers").read_text(encoding="utf-8") == headers_file()
    assert "frame-ancestors" not in META and "frame-ancestors 'none'" in headers_file()


def test_a_site_s_own_headers_file_wins(project: Path, build: Callable[..., Path]) -> None:
    (project / "docs" / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
    assert (build(project) / "_headers").read_text(encoding="utf-8") == "/*\n  X-Frame-Options: DENY\n"


def test_a_site_s_own_main_html_without_the_policy_is_named(project: Path, failed_build: Callable[..., str]) -> None:
    _custom_dir(project, '{% extends "base.html" %}\n{% block extrahead %}<meta name="x" content="y">{% endblock %}\n')
    assert 'index.md: has no Content-Security-Policy first in <head>: a main.html of the site\'s own must include "partials/policy-atlas-csp.html"' in failed_build(project)


def test_a_site_s_own_main_html_with_the_partial_builds(project: Path, build: Callable[..., Path]) -> None:
    _custom_dir(project, '{% extends "base.html" %}\n{% block site_meta %}{% include "partials/policy-atlas-csp.html" %}{{ super() }}{% endblock %}\n')
    assert META in (build(project) / "index.html").read_text(encoding="utf-8")
