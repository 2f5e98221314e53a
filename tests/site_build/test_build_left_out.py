"""One bad school never stops the others: it is left out with one line naming the file, and a notice.

A project holds three good schools and one of every kind of unusable input. ``normalise`` writes
the good pages and exits 1; a build without ``strict`` publishes every good school, none of the
bad ones (neither their page nor their source), and lists each bad one on the schools index with
the reason; a ``strict`` build still fails at the end, with each problem on one line.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitekit import CORPUS, SCHOOL_SLUGS, make_project, normalise_subprocess, write_sources

from policy_atlas.core.sanitise import visible_text

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
BAD_SOURCES: dict[str, bytes | str] = {
    "a-pdf.txt": PDF,
    "empty.txt": b"",
    "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "undecodable.txt": b"caf\xe9 \x81 staff must not",
    "bad-meta.txt": "1. Staff must not post images of pupils.\n",
    "bad-meta.yml": "school: Bad Meta\nheadteacher: Mrs A. Smith\n",
    "bad-url.txt": "1. Staff must not post images of pupils.\n",
    "bad-url.yml": "school: Bad Url\nurl: javascript:alert(1)\n",
    "scanned.pdf": (DOCUMENTS / "scanned-image.pdf").read_bytes(),
    "locked.pdf": (DOCUMENTS / "password-protected.pdf").read_bytes(),
    "old-word.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
}
# What the schools index says about each: the file (and line) and the start of the reason.
NOTICES = {
    "source_policies/a-pdf.txt:1": "this is a PDF file, not text",
    "source_policies/empty.txt": "empty file",
    "source_policies/png.txt:3": "binary file",
    "source_policies/undecodable.txt:1": "undecodable bytes",
    "source_policies/bad-meta.yml:2": "unknown key 'headteacher'",
    "source_policies/bad-url.yml:2": "url: 'javascript:alert(1)' is not a web address",
    "source_policies/scanned.pdf": "has no text layer on its page (a scanned image)",
    "source_policies/locked.pdf": "is password-protected",
    "source_policies/old-word.doc": "is an old Word (.doc) file",
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The good corpus and every bad source, normalised by the real command."""
    project = make_project(tmp_path_factory.mktemp("mixed") / "project", {**CORPUS, **BAD_SOURCES})
    done = _normalise(project)
    # Pages that cannot be read: one saved as Windows-1252, one path that is a directory.
    write_sources(project, {"cp1252-page.txt": "1. Staff must not share passwords.\n", "folder-page.txt": "1. Staff must lock screens.\n"})
    assert _normalise(project).returncode == 1
    page = project / "docs" / "policies" / "cp1252-page.md"
    page.write_bytes(page.read_text(encoding="utf-8").replace("Staff", "Staff\u2019s").encode("cp1252"))
    (project / "docs" / "policies" / "folder-page.md").unlink()
    (project / "docs" / "policies" / "folder-page.md").mkdir()
    return project, done


def _normalise(project: Path) -> subprocess.CompletedProcess[str]:
    return normalise_subprocess(project)


def _lenient_build(project: Path) -> Path:
    site = project / "site"
    mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    return site


def test_normalise_writes_every_good_page_and_exits_1(mixed: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, done = mixed
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(NOTICES), done.stderr
    for where, says in NOTICES.items():
        assert any(line.startswith(f"error: {where}: {says}") for line in errors), (where, done.stderr)
    written = {p.stem for p in (project / "docs" / "policies").glob("*.md")}
    assert set(SCHOOL_SLUGS) <= written


def test_a_lenient_build_publishes_every_good_school_and_none_of_the_bad(mixed: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, _ = mixed
    site = _lenient_build(project)
    published = {p.parent.name for p in (site / "policies").glob("*/index.html")}
    assert published == set(SCHOOL_SLUGS)
    sources = {p.name for p in (site / "data" / "sources").iterdir()}
    assert sources == {f"{slug}.txt" for slug in SCHOOL_SLUGS}
    index = visible_text((site / "policies" / "index.html").read_text(encoding="utf-8"))
    assert "11 sources are left out of this site" in index
    for where, says in {
        **NOTICES,
        "policies/cp1252-page.md:": "not valid UTF-8",
        "policies/folder-page.md": "is a directory, not a policy page",
    }.items():
        assert f"{where}" in index and says in index, (where, index)


def test_a_strict_build_fails_at_the_end_naming_each_file(
    mixed: tuple[Path, subprocess.CompletedProcess[str]], build_subprocess: Callable[..., tuple[int, str]], tmp_path: Path
) -> None:
    project, _ = mixed
    status, stderr = build_subprocess(project, tmp_path / "site")
    assert status == 1
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("ERROR")]
    for where in [*NOTICES, "policies/cp1252-page.md:", "policies/folder-page.md"]:
        assert sum(where in line for line in errors) == 1, (where, stderr)
