"""The allow-list takes nothing from the project's own pages: built with and without it, every page
has the same elements, attributes and text. (What it does take from hostile input is tested in
``test_build_hostile.py`` and ``tests/test_hardening_sanitise.py``.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

import policy_atlas.mkdocs_plugin.plugin as plugin_module

REPO = Path(__file__).resolve().parents[2]


class _Shape(HTMLParser):
    """Every element with its attributes, and every piece of text, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(f"<{tag} {sorted((n, v or '') for n, v in attrs)}>")  # hidden == hidden=""

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append(" ".join(data.split()))


def _shapes(site: Path) -> dict[str, list[str]]:
    shapes = {}
    for page in sorted(site.rglob("*.html")):
        shape = _Shape()
        shape.feed(page.read_text(encoding="utf-8"))
        shapes[page.relative_to(site).as_posix()] = shape.items
    return shapes


def test_the_allow_list_removes_nothing_the_site_itself_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    config = str(REPO / "mkdocs.yml")
    mkdocs_build(load_config(config_file=config, site_dir=str(tmp_path / "sanitised"), strict=True))
    monkeypatch.setattr(plugin_module, "sanitise_content", lambda html: html)
    mkdocs_build(load_config(config_file=config, site_dir=str(tmp_path / "raw"), strict=True))
    sanitised, raw = _shapes(tmp_path / "sanitised"), _shapes(tmp_path / "raw")
    assert sorted(sanitised) == sorted(raw)
    differ = {page: next(f"{a!r} != {b!r}" for a, b in zip(sanitised[page], raw[page] + [""] * 9) if a != b) for page in raw if sanitised[page] != raw[page]}
    assert differ == {}
