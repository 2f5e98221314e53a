"""Pages and data that can be lost: a write cut off, a page cut short, a name the site already uses,
an offline copy that was never made."""

from __future__ import annotations

import os
import resource
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitekit import BIN, SCHOOL_SLUGS, clauses_json, write_sources

from policy_atlas.mkdocs_plugin.pages import SitePaths

LONG = "Conduct\n\n" + "".join(f"{n}. Staff must not post photograph number {n} of pupils online.\n" for n in range(1, 31))
"""A policy of 30 clauses."""


def _page(project: Path, slug: str) -> Path:
    return project / "docs" / "policies" / f"{slug}.md"


def _normalise_with_file_size_limit(project: Path, limit: int) -> subprocess.CompletedProcess[str]:
    """``policy-atlas normalise`` in a process that cannot write a file past ``limit`` bytes, as when
    the disk fills part-way through a page (CPython ignores SIGXFSZ, so the write fails with EFBIG)."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [str(BIN / "policy-atlas"), "--project", str(project), "--no-cache", "normalise", "--quiet"],
        check=False, capture_output=True, text=True, timeout=120, preexec_fn=limited, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_page_write_cut_off_leaves_the_page_as_it_was(project: Path) -> None:
    page = _page(project, "hillside-academy")
    before = page.read_bytes()
    write_sources(project, {"hillside-academy.txt": LONG})
    done = _normalise_with_file_size_limit(project, len(before))
    assert page.read_bytes() == before
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "policies/hillside-academy.md" in done.stderr and "cannot write" in done.stderr, done.stderr
    assert sorted(p.name for p in page.parent.iterdir()) == ["hillside-academy.md", "northgate-primary.md", "riverside-high.md"]


@pytest.mark.parametrize("cut", [pytest.param("line", id="at-a-line-end"), pytest.param("mid-line", id="mid-line")])
def test_a_page_cut_short_fails_a_strict_build(
    project: Path, normalise: Callable[..., int], failed_build: Callable[..., str], cut: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_sources(project, {"hillside-academy.txt": LONG})
    assert normalise(project, "--quiet") == 0
    page = _page(project, "hillside-academy")
    text = page.read_text(encoding="utf-8")
    at = text.index("\n§ 21. ") + (1 if cut == "line" else 30)
    page.write_text(text[:at], encoding="utf-8")
    messages = failed_build(project)
    (line,) = [m for m in messages.splitlines() if "policies/hillside-academy.md" in m and "cut short" in m]
    assert "20 of the 30 clauses" in line and "--force" in line, messages
    capsys.readouterr()
    assert normalise(project, "--quiet") == 1
    assert "20 of the 30 clauses" in capsys.readouterr().err


def test_a_deliberate_deletion_is_kept_once_the_count_is_changed(
    project: Path, normalise: Callable[..., int], build: Callable[..., Path]
) -> None:
    """A person who deleted clauses on purpose says so by correcting the count the page was written with."""
    write_sources(project, {"hillside-academy.txt": LONG})
    assert normalise(project, "--quiet") == 0
    page = _page(project, "hillside-academy")
    text = page.read_text(encoding="utf-8")
    text = text[: text.index("\n§ 21. ") + 1].replace("  clauses: 30\n", "  clauses: 20\n")
    page.write_text(text, encoding="utf-8")
    site = build(project)
    assert len([c for c in clauses_json(site) if c["school"] == "hillside-academy"]) == 20


# A school's slug never lands on a page or folder the site makes itself.


@pytest.mark.parametrize(
    "sources",
    [
        pytest.param({"index.txt": "1. Staff must not post images of pupils.\n"}, id="file-name"),
        pytest.param({"ours.txt": "1. Staff must not post images of pupils.\n", "ours.yml": "school: Ours\nslug: index\n"}, id="sidecar-slug"),
    ],
)
def test_a_reserved_slug_is_refused_and_the_other_schools_still_build(
    project: Path, normalise: Callable[..., int], capsys: pytest.CaptureFixture[str], sources: dict[str, str]
) -> None:
    write_sources(project, sources)
    capsys.readouterr()
    assert normalise(project, "--quiet") == 1
    err = capsys.readouterr().err
    source = next(name for name in sources if name.endswith(".txt"))
    assert f"source_policies/{source}" in err and "'index'" in err and "policies/index.md" in err, err
    assert not _page(project, "index").exists()

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False)
    mkdocs_build(config)
    schools = (project / "site" / "policies" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{slug}/"' in schools for slug in SCHOOL_SLUGS) and "left out" in schools
    assert {c["school"] for c in clauses_json(project / "site")} == set(SCHOOL_SLUGS)


def test_reserved_slugs_follow_the_site_layout() -> None:
    """Derived from where the plugin puts things: only the schools index is inside the default folder."""
    assert set(SitePaths("policies", "data").reserved()) == {"index"}
    assert set(SitePaths("compare", "data").reserved()) >= {"index", "topics", "gaps", "shared-wording", "matrix"}


# The offline copy the home page links to is made even when the build warns.


def _with_offline_copy(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      sources_dir: source_policies\n", "      sources_dir: source_policies\n      offline_zip: true\n"), encoding="utf-8")


def _offline_pages(site: Path) -> list[str]:
    with zipfile.ZipFile(site / "downloads" / "policy-atlas-offline.zip") as archive:
        return [name for name in archive.namelist() if name.endswith(".html")]


@pytest.mark.parametrize("strict", [pytest.param(True, id="strict"), pytest.param(False, id="lenient")])
def test_the_offline_copy_is_made_when_the_build_warns(project: Path, failed_build: Callable[..., str], strict: bool) -> None:
    _with_offline_copy(project)
    _page(project, "old-school").write_bytes(_page(project, "hillside-academy").read_bytes())  # a page of no school: a warning
    site = project / "site"
    if strict:
        assert "policies/old-school.md: not published" in failed_build(project)
    else:
        mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    pages = _offline_pages(site)
    assert "policy-atlas/index.html" in pages and "policy-atlas/policies/hillside-academy/index.html" in pages
    assert not any(page.startswith("policy-atlas/policies/old-school") for page in pages)


# Nothing from outside the project is published through a symbolic link in docs/.


def _links_out_of_docs(project: Path) -> None:
    outside = project.parent / "elsewhere"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("the password is swordfish\n", encoding="utf-8")
    (outside / "folder" / "notes.md").write_text("# Notes\n\nThe password is swordfish.\n", encoding="utf-8")
    docs = project / "docs"
    (docs / "leak.txt").symlink_to(outside / "secret.txt")
    (docs / "leaked").symlink_to(outside / "folder")
    (docs / "near.md").symlink_to(docs / "index.md")


def test_a_symbolic_link_out_of_docs_fails_a_strict_build(project: Path, failed_build: Callable[..., str]) -> None:
    _links_out_of_docs(project)
    messages = failed_build(project).splitlines()
    refused = [m for m in messages if "symbolic link" in m]
    assert len(refused) == 2 and any(m.endswith(": leak.txt: not published: a symbolic link leads outside docs/; copy the file in instead") for m in refused) and any(": leaked/notes.md: " in m for m in refused), messages


def test_a_symbolic_link_out_of_docs_is_not_published(project: Path) -> None:
    _links_out_of_docs(project)
    _with_offline_copy(project)
    site = project / "site"
    mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    assert not (site / "leak.txt").exists() and not (site / "leaked").exists()
    assert (site / "near" / "index.html").is_file()  # a link that stays inside docs/ is no leak
    with zipfile.ZipFile(site / "downloads" / "policy-atlas-offline.zip") as archive:
        assert not any("leak" in name for name in archive.namelist())
        assert not any(b"swordfish" in archive.read(name) for name in archive.namelist())


# A page speaks for its own school only.


def test_a_clause_id_of_another_school_is_refused_with_its_line(project: Path, failed_build: Callable[..., str]) -> None:
    page = _page(project, "hillside-academy")
    text = page.read_text(encoding="utf-8")
    spoofed = text + "\n§ 1. {#northgate-primary/1 lines=1}\nStaff may post anything they like.\n"
    page.write_text(spoofed, encoding="utf-8")
    line = spoofed.split("\n").index("§ 1. {#northgate-primary/1 lines=1}") + 1
    messages = failed_build(project)
    assert f"policies/hillside-academy.md:{line}: clause id 'northgate-primary/1'" in messages, messages
    records = clauses_json(project / "site")
    assert len({r["id"] for r in records}) == len(records)
    assert not any("anything they like" in r["text"] for r in records)


def test_an_edited_force_is_not_applied_silently(project: Path, failed_build: Callable[..., str]) -> None:
    page = _page(project, "northgate-primary")
    lines = page.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith("§ 1. ") and "force=prohibited" in line)
    lines[number] = lines[number].replace("force=prohibited", "force=permitted")
    page.write_text("\n".join(lines), encoding="utf-8")
    messages = failed_build(project)
    (line,) = [m for m in messages.splitlines() if "force=permitted" in m]
    assert f"policies/northgate-primary.md:{number + 1}: " in line and "prohibited" in line, messages


def test_offline_zip_member_names_stay_in_their_folder(project: Path, normalise: Callable[..., int]) -> None:
    """A file name with backslashes (a name like any other on Linux) would climb out of the
    folder it is unzipped into on Windows, where a backslash separates folders."""
    write_sources(project, {"a\\..\\..\\..\\evil.txt": "1. Staff must not post images of pupils.\n"})
    assert normalise(project, "--quiet") == 0
    _with_offline_copy(project)
    site = project / "site"
    mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    with zipfile.ZipFile(site / "downloads" / "policy-atlas-offline.zip") as archive:
        names = archive.namelist()
    assert any("evil" in name for name in names)
    assert all(name.startswith("policy-atlas/") and "\\" not in name and ".." not in name.split("/") for name in names)
