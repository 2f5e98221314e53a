"""The offline copy's links: a reader opening the copy from a folder reaches each page's file.

Opened with ``file://``, a link to a folder shows the folder's listing (or nothing), never the
page in it; the copy points such links at the page's own ``index.html`` and leaves every other
address as the built site wrote it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from policy_atlas.core.offline import folder_link, folder_page, write_offline_zip


@pytest.mark.parametrize(
    ("written", "offline"),
    [
        ("../hazel-academy/", "../hazel-academy/index.html"),
        ("compare/topics/pupil-contact/#provision-3", "compare/topics/pupil-contact/index.html#provision-3"),
        ("find-a-clause/?topic=pupil-contact", "find-a-clause/index.html?topic=pupil-contact"),
        ("..", "../index.html"),
        (".", "./index.html"),
        ("./", "./index.html"),
        ("../..#top", "../../index.html#top"),
    ],
)
def test_a_link_to_a_folder_names_its_page(written: str, offline: str) -> None:
    assert folder_link(written) == offline


@pytest.mark.parametrize(
    "kept",
    [
        "#clause-4",  # the same page
        "",  # no address at all
        "../data/clauses.json",  # a file
        "../assets/policy-atlas/search.js",
        "https://example.org/policies/",  # another site
        "mailto:office@example.org",
        "/policies/",  # from a server's root: no folder to point at (the 404 page)
        "?q=photographs",
    ],
)
def test_every_other_address_is_left_as_written(kept: str) -> None:
    assert folder_link(kept) == kept


def test_only_links_inside_tags_change_never_the_text() -> None:
    page = (
        '<a class="md-nav__link" href="../oak-school/">Oak</a> <img alt="" src="../../">'
        '<p>Write href="../x/" to link.</p><form action="../find-a-clause/" role="search"></form>'
        '<a href="#top">Top</a><a href=\'../single/\'>kept</a>'
    )
    assert folder_page(page) == (
        '<a class="md-nav__link" href="../oak-school/index.html">Oak</a> <img alt="" src="../../index.html">'
        '<p>Write href="../x/" to link.</p><form action="../find-a-clause/index.html" role="search"></form>'
        '<a href="#top">Top</a><a href=\'../single/\'>kept</a>'
    )


def test_the_zip_holds_every_file_given_in_one_folder_the_same_each_time(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "policies" / "oak").mkdir(parents=True)
    (site / "index.html").write_text('<a href="policies/oak/">Oak</a>\n', encoding="utf-8")
    (site / "policies" / "oak" / "index.html").write_text('<a href="../../">Home</a>\n', encoding="utf-8")
    (site / "data.json").write_text('{"url": "policies/oak/"}\n', encoding="utf-8")
    files = sorted(p for p in site.rglob("*") if p.is_file())
    write_offline_zip(site, files, tmp_path / "one.zip")
    write_offline_zip(site, files, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == ["policy-atlas/data.json", "policy-atlas/index.html", "policy-atlas/policies/oak/index.html"]
        assert archive.read("policy-atlas/index.html") == b'<a href="policies/oak/index.html">Oak</a>\n'
        assert archive.read("policy-atlas/policies/oak/index.html") == b'<a href="../../index.html">Home</a>\n'
        assert archive.read("policy-atlas/data.json") == b'{"url": "policies/oak/"}\n'  # data is published as built
