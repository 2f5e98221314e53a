"""The same sources give the same bytes: across builds, hash seeds and file-creation order."""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import CORPUS, EPOCH_AFTER_REVIEW, SCHOOL_SLUGS

from policy_atlas.core.offline import folder_page

OUTPUTS = (
    "data/clauses.json",
    "data/clauses.csv",
    "data/matrix.json",
    "policies/index.html",
    *(f"policies/{slug}/index.html" for slug in SCHOOL_SLUGS),
    "compare/index.html",
    "compare/shared-wording/index.html",
    *(f"compare/gaps/{slug}/index.html" for slug in SCHOOL_SLUGS),
    *(f"compare/topics/{topic}/index.html" for topic in ("pupil-contact", "discipline", "school-accounts")),
    "find-a-clause/index.html",
    "search/meta.js",
    "search/shard-0.js",
    "search/records-0.js",
    "search/records-pages.js",
)


def _pages(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "docs" / "policies").glob("*.md"))}


def _assert_same_outputs(site_a: Path, site_b: Path) -> None:
    for name in OUTPUTS:
        assert (site_a / name).read_bytes() == (site_b / name).read_bytes(), name


def test_two_builds_are_byte_identical(
    project: Path, build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
    first = build(project, tmp_path / "site-1")
    second = build(project, tmp_path / "site-2")
    _assert_same_outputs(first, second)


def test_normalise_does_not_depend_on_the_hash_seed(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise_subprocess: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    written: list[dict[str, bytes]] = []
    for seed in ("1", "4242"):
        done = normalise_subprocess(project, env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        written.append(_pages(project))
        for page in (project / "docs" / "policies").glob("*.md"):
            page.unlink()
    assert sorted(written[0]) == [f"{slug}.md" for slug in SCHOOL_SLUGS]
    assert written[0] == written[1]


def test_builds_do_not_depend_on_the_hash_seed(
    project: Path, build_subprocess: Callable[..., tuple[int, str]], tmp_path: Path
) -> None:
    sites = []
    for seed in ("1", "4242"):
        site = tmp_path / f"site-{seed}"
        status, stderr = build_subprocess(project, site, env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH_AFTER_REVIEW})
        assert status == 0, stderr
        sites.append(site)
    _assert_same_outputs(*sites)


def test_file_creation_order_does_not_matter(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise: Callable[..., int],
    build: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
    forward = make_project(tmp_path / "forward", CORPUS)
    backward = make_project(tmp_path / "backward", dict(reversed(list(CORPUS.items()))))
    assert normalise(forward, "--quiet") == 0
    assert normalise(backward, "--quiet") == 0
    assert _pages(forward) == _pages(backward)
    _assert_same_outputs(build(forward), build(backward))


def test_the_offline_copy_is_the_built_site_the_same_each_build(
    project: Path, build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The offline zip is made from the site as built (no second build that could differ from
    it): every other file of the site is in it, pages with their folder links pointed at files,
    and two builds give the same zip, byte for byte."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      sources_dir: source_policies\n", "      sources_dir: source_policies\n      offline_zip: true\n"), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
    first = build(project, tmp_path / "site-1")
    second = build(project, tmp_path / "site-2")
    zipped = "downloads/policy-atlas-offline.zip"
    assert (first / zipped).read_bytes() == (second / zipped).read_bytes()
    with zipfile.ZipFile(first / zipped) as archive:
        members = {name.removeprefix("policy-atlas/"): archive.read(name) for name in archive.namelist()}
    site = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.rglob("*") if p.is_file() and p.relative_to(first).as_posix() != zipped}
    assert sorted(members) == sorted(site)
    page = "policies/index.html"
    assert members[page] == folder_page(site[page].decode("utf-8")).encode("utf-8") != site[page]
    assert all(members[name] == data for name, data in site.items() if not name.endswith(".html"))
