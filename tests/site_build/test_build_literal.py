"""Policy text is text: HTML and Markdown in a source reach the site escaped, never live."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import clauses_json, school_html

HEADING = "Rules <script>alert(1)</script> * # | [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
CLAUSE = (
    "Staff must not post <script>alert(1)</script> or <img src=x onerror=alert(1)> "
    "or * and # and | or [x](javascript:alert(1)) anywhere."
)
LITERAL_TXT = f"Literal School Policy\n\n{HEADING}\n\n1. {CLAUSE}\n2. Staff must report concerns.\n"

LIVE = ("<script>alert", "<img src=x", 'href="javascript:', "<em>", "<table")
ESCAPED_HEADING = (
    "Rules &lt;script&gt;alert(1)&lt;/script&gt; * # | [x](javascript:alert(1)) "
    "&lt;img src=x onerror=alert(1)&gt;"
)
ESCAPED_CLAUSE = (
    "Staff must not post &lt;script&gt;alert(1)&lt;/script&gt; or &lt;img src=x onerror=alert(1)&gt; "
    "or * and # and | or [x](javascript:alert(1)) anywhere."
)


@pytest.fixture
def literal_site(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise: Callable[..., int],
    build: Callable[..., Path],
) -> Path:
    project = make_project(tmp_path / "project", {"literal-school.txt": LITERAL_TXT})
    assert normalise(project, "--quiet") == 0
    return build(project)


def test_html_and_markdown_in_a_policy_are_shown_literally(literal_site: Path) -> None:
    page = school_html(literal_site, "literal-school")
    for live in LIVE:
        assert live not in page
    assert f">{ESCAPED_HEADING}<" in page  # the heading element itself
    assert f'<p class="pa-clause__text">{ESCAPED_CLAUSE}</p>' in page


def test_open_data_keeps_the_text_as_written(literal_site: Path) -> None:
    record = next(r for r in clauses_json(literal_site) if r["id"] == "literal-school/1")
    assert record["text"] == CLAUSE
    assert record["heading"][-1] == HEADING


def test_school_name_from_metadata_is_escaped_in_the_navigation(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise: Callable[..., int],
    build: Callable[..., Path],
) -> None:
    project = make_project(
        tmp_path / "project",
        {
            "evil-academy.txt": "Staff must not post images of pupils online.\n",
            "evil-academy.yml": "school: <script>alert(2)</script> Academy\n",
        },
    )
    assert normalise(project, "--quiet") == 0
    site = build(project)
    for page in (school_html(site, "evil-academy"), (site / "index.html").read_text(encoding="utf-8")):
        assert "<script>alert(2)" not in page
