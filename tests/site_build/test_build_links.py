"""No dangling link or anchor anywhere: every href and src of every page, and every search entry.

The project's own site and the small fixture site are built for real; the hostile site (payloads
in every file name and field) is checked in ``test_build_hostile.py`` with the same checker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from htmlcheck import check_links, search_links
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="#top">t</a><a href="../b/">b</a><a href="#gone">g</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="a/#top">a</a><a href="a/#missing">m</a><a href="data/x.txt">x</a><a href="https://e.org/">e</a>', encoding="utf-8")
    report = check_links(tmp_path)
    assert report.checked == 6 and report.external == 1
    assert sorted(report.dangling) == [
        "a/index.html: #gone (no #gone on a/index.html)",
        "a/index.html: ../b/ (no b/index.html)",
        "index.html: a/#missing (no #missing on a/index.html)",
        "index.html: data/x.txt (no data/x.txt)",
    ]


def test_the_project_site_has_no_dangling_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    site = tmp_path / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True))
    report = check_links(site, search_links(site))
    assert report.dangling == []
    assert report.checked > 3000


def test_the_fixture_site_has_no_dangling_link(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    report = check_links(site, search_links(site))
    assert report.dangling == []
    assert report.checked > 500
