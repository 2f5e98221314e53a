"""Front matter the theme reads, in a real strict build: a policy page accepts only the keys and
shapes its allow-list names, and an unknown ``icon`` on any page is a line naming the file, not a
``TemplateNotFound`` that stops the build (issue 19)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _front(path: Path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    body = text.removeprefix("---\n") if text.startswith("---\n") else "---\n" + text
    path.write_text("---\n" + lines + body, encoding="utf-8")


def test_an_unknown_icon_names_the_page(project: Path, failed_build: Callable[..., str]) -> None:
    _front(project / "docs" / "index.md", "title: Home\nicon: nosuch/icon-at-all\n")
    messages = failed_build(project)
    assert "index.md:3: front matter: icon 'nosuch/icon-at-all' is not an icon of the theme" in messages


def test_a_known_icon_builds(project: Path, build: Callable[..., Path]) -> None:
    _front(project / "docs" / "index.md", "icon: material/school\n")
    build(project)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("template: main.html\n", "policies/riverside-high.md:2: front matter: template is not allowed on a policy page"),
        ("icon: material/school\nsubtitle: [1, 2]\n", "policies/riverside-high.md:3: front matter: subtitle must be one line of text"),
        ("status: '\" onmouseover=alert(1) x=\"'\n", "policies/riverside-high.md:2: front matter: status must be one of"),
        ("hide: [navigation, everything]\n", "policies/riverside-high.md:2: front matter: hide may list only"),
    ],
)
def test_a_policy_page_accepts_only_its_allow_list(project: Path, failed_build: Callable[..., str], lines: str, expected: str) -> None:
    _front(project / "docs" / "policies" / "riverside-high.md", lines)
    messages = failed_build(project)
    assert expected in messages
    assert "this policy is left out" in messages


def test_a_policy_page_keeps_the_keys_people_edit(project: Path, build: Callable[..., Path]) -> None:
    _front(project / "docs" / "policies" / "riverside-high.md", "description: Riverside's policy, as approved\nhide: [toc]\nsubtitle: Secondary\nstatus: new\n")
    site = build(project)
    page = (site / "policies" / "riverside-high" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Riverside&#x27;s policy, as approved">' in page

