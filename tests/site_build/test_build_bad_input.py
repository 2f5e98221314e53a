"""Unusable input stops both the normaliser and the build, with one line naming the file to fix.

Both commands run as child processes, as a person runs them, so that exit status and stderr are
what is asserted. A bad source is tried both as a new school (no page was ever written) and as a
replacement for a school whose page exists: the build must fail either way.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import NORTHGATE_YML, write_sources

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
UNDECODABLE = b"caf\xe9 \x81"  # 0xe9 is not UTF-8 here, and 0x81 is undefined in Windows-1252

# (bytes of the bad source, line to blame or None, what the normaliser says)
SOURCE_CASES = [
    pytest.param(b"", None, "empty file", id="empty"),
    pytest.param(b"  \r\n\r\n\t\n", None, "empty file", id="blank"),
    pytest.param(PNG_HEADER, 3, "binary file", id="png"),
    pytest.param(UNDECODABLE, 1, "undecodable bytes", id="undecodable"),
]

META_CASES = [
    pytest.param(
        {"northgate-primary.yml": NORTHGATE_YML.replace("approved_by: Northgate", "approved_by: Northgate:")},
        "northgate-primary.yml",
        3,
        "invalid YAML",
        id="yaml-syntax",
    ),
    pytest.param(
        {"northgate-primary.yml": NORTHGATE_YML + "headteacher: Mrs A. Smith\n"},
        "northgate-primary.yml",
        7,
        "unknown key 'headteacher'",
        id="unknown-key",
    ),
    pytest.param(
        {"northgate-primary.yml": NORTHGATE_YML.replace("next_review: 2024-09", "next_review: 2024-13")},
        "northgate-primary.yml",
        5,
        "next_review: cannot read '2024-13' as a date",
        id="bad-date",
    ),
    pytest.param(
        {"Northgate Primary.txt": "1. Staff must not post images of pupils.\n"},
        "northgate-primary.txt",
        None,
        "slug 'northgate-primary' is already used by source_policies/Northgate Primary.txt",
        id="duplicate-slug",
    ),
]


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def _where(name: str, line: int | None) -> str:
    return f"source_policies/{name}:{line}: " if line is not None else f"source_policies/{name}: "


def _assert_build_fails_naming(
    build_subprocess: Callable[..., tuple[int, str]], project: Path, *names: str
) -> str:
    status, stderr = build_subprocess(project)
    assert status != 0, stderr
    assert "Traceback" not in stderr, stderr
    problems = [line for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert any(all(name in line for name in names) for line in problems), stderr
    return stderr


@pytest.mark.parametrize(("data", "line", "says"), SOURCE_CASES)
@pytest.mark.parametrize("page", ["never-written", "exists"])
def test_bad_source_stops_normalise_and_build(
    project: Path,
    normalise_subprocess: Callable[..., subprocess.CompletedProcess[str]],
    build_subprocess: Callable[..., tuple[int, str]],
    page: str,
    data: bytes,
    line: int | None,
    says: str,
) -> None:
    name = "new-school.txt" if page == "never-written" else "hillside-academy.txt"
    write_sources(project, {name: data})
    pages = {p.name: p.read_bytes() for p in (project / "docs" / "policies").glob("*.md")}

    done = normalise_subprocess(project)
    assert done.returncode == 1
    error = _one_error_line(done.stderr)
    assert error.startswith(f"error: {_where(name, line)}{says}"), error
    assert {p.name: p.read_bytes() for p in (project / "docs" / "policies").glob("*.md")} == pages

    _assert_build_fails_naming(build_subprocess, project, f"source_policies/{name}")


@pytest.mark.parametrize(("files", "name", "line", "says"), META_CASES)
def test_bad_metadata_stops_normalise_and_build_at_its_line(
    project: Path,
    normalise_subprocess: Callable[..., subprocess.CompletedProcess[str]],
    build_subprocess: Callable[..., tuple[int, str]],
    files: dict[str, str],
    name: str,
    line: int | None,
    says: str,
) -> None:
    write_sources(project, files)
    done = normalise_subprocess(project)
    assert done.returncode == 1
    error = _one_error_line(done.stderr)
    assert error.startswith(f"error: {_where(name, line)}"), error
    assert says in error

    _assert_build_fails_naming(build_subprocess, project, _where(name, line), says)
