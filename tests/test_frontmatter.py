"""Front matter the theme prints: the policy page's allow-list, every page's shapes, key lines."""

from __future__ import annotations

from typing import Any

import pytest

from policy_atlas.core.frontmatter import escaped_meta, key_lines, page_problems, policy_page_problems


@pytest.mark.parametrize(
    ("front", "keys"),
    [
        ({"policy_atlas": {}, "description": "A policy.", "subtitle": "Primary", "status": "new", "hide": ["toc"], "icon": "material/school"}, []),
        ({"description": '"><noembed><img title="</noembed><img src=x onerror=alert(1)>">'}, ["description"]),
        ({"description": "two\nlines"}, ["description"]),
        ({"description": "x" * 501}, ["description"]),
        ({"subtitle": ["a"]}, ["subtitle"]),
        ({"status": "draft"}, ["status"]),
        ({"hide": "toc"}, ["hide"]),
        ({"icon": "../../etc/passwd"}, ["icon"]),
        ({"title": "Mine", "template": "main.html", "author": "x"}, ["title", "template", "author"]),
    ],
)
def test_a_policy_page_sets_only_its_allow_list(front: dict[str, Any], keys: list[str]) -> None:
    assert [key for key, _ in policy_page_problems(front, "policy_atlas")] == keys


@pytest.mark.parametrize(
    ("meta", "keys"),
    [
        ({"title": "Home", "description": "<b>fine</b>, escaped", "status": "beta-2", "icon": "material/school", "hide": ["toc"]}, []),
        ({"description": ["<img src=x onerror=alert(1)>"]}, ["description"]),
        ({"status": '" onmouseover="alert(1)'}, ["status"]),
        ({"icon": "nosuch/icon"}, ["icon"]),
        ({"template": "../../secret.html"}, ["template"]),
        ({"hide": [1]}, ["hide"]),
    ],
)
def test_every_page_s_theme_keys_have_shapes_the_theme_can_use(meta: dict[str, Any], keys: list[str]) -> None:
    def known(name: str) -> bool:
        return name in {"material/school", "main.html", "../../secret.html"}

    assert [key for key, _ in page_problems(meta, known, lambda name: ".." not in name and known(name))] == keys


def test_printed_text_is_escaped() -> None:
    assert escaped_meta({"description": '"><b>', "title": "A & B", "hide": ["toc"]}) == {"title": "A &amp; B", "description": "&quot;&gt;&lt;b&gt;"}


def test_key_lines_are_lines_of_the_page() -> None:
    assert key_lines("---\npolicy_atlas:\n  slug: x\ndescription: y\n---\nbody\n") == {"policy_atlas": 2, "description": 4}
    assert key_lines("no front matter") == {}
    assert key_lines("---\n: [\n---\n") == {}
