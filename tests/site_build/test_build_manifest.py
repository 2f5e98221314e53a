"""Reproducible builds, file by file: a SHA-256 manifest of the whole site is the same across hash
seeds, the order the sources were created in, their modification times and the project's folder.

Each build is the real command in a child process (``policy-atlas normalise`` then
``mkdocs build --strict``), as CI runs it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from hostilekit import hostile_sources
from sitekit import CORPUS, EPOCH_AFTER_REVIEW


def manifest(site: Path) -> dict[str, str]:
    """Every file of the site, by path, with the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(
    root: Path,
    sources: dict[str, str | bytes],
    seed: str,
    mtime: int,
    make_project: Callable[..., Path],
    normalise_subprocess: Callable[..., subprocess.CompletedProcess[str]],
    build_subprocess: Callable[..., tuple[int, str]],
) -> dict[str, str]:
    project = make_project(root, sources)
    for path in (project / "source_policies").iterdir():
        os.utime(path, (mtime, mtime))
    env = {"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH_AFTER_REVIEW}
    normalise_subprocess(project, "--quiet", env=env)
    for path in (project / "docs" / "policies").iterdir():
        os.utime(path, (mtime, mtime))
    status, stderr = build_subprocess(project, env=env)
    assert status == 0, stderr
    return {**manifest(project / "site"), **{f"(page) {p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((project / "docs" / "policies").iterdir())}}


def test_the_site_is_byte_identical_across_seeds_creation_order_mtimes_and_folders(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise_subprocess: Callable[..., subprocess.CompletedProcess[str]],
    build_subprocess: Callable[..., tuple[int, str]],
) -> None:
    # The fixture corpus and a few hostile schools (file names full of markup), together.
    sources: dict[str, str | bytes] = {**CORPUS, **dict(list(hostile_sources().items())[:12])}
    helpers = (make_project, normalise_subprocess, build_subprocess)
    first = _build(tmp_path / "a" / "project", sources, "1", 1_000_000_000, *helpers)
    second = _build(tmp_path / "elsewhere" / "b", dict(reversed(list(sources.items()))), "4242", 1_700_000_000, *helpers)
    assert len(first) > 50
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
