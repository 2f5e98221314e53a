"""Dates at the ends of the calendar: a valid review date builds, a build date past it is one line.

``next_review: December 9999`` is valid by the README's rules, and its review "is not late until
the month is over" once ran into year 10000; ``SOURCE_DATE_EPOCH=253402300800`` (the first
second of year 10000) ended the build in a traceback; ``SOURCE_DATE_EPOCH=0`` (1970) is before
any date a zip entry can carry.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import sitekit
from sitekit import BIN, NORTHGATE_YML

YEAR_10000 = "253402300800"


def _cli_model(project: Path, out: Path, epoch: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "policy-atlas"), "--project", str(project), "model", "--format", "docx", "--out", str(out)],
        check=False, cwd=project.parent, env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch},
        capture_output=True, text=True, timeout=120,
    )


def test_a_review_due_in_december_9999_builds(tmp_path: Path, make_project: Callable[..., Path], normalise: Callable[..., int]) -> None:
    sources = {**sitekit.CORPUS, "northgate-primary.yml": NORTHGATE_YML.replace("next_review: 2024-09", "next_review: December 9999")}
    project = make_project(tmp_path / "project", sources)
    assert normalise(project, "--quiet") == 0
    site = sitekit.build(project)
    page = (site / "policies" / "northgate-primary" / "index.html").read_text(encoding="utf-8")
    assert "December 9999" in page and "Review overdue" not in page


def test_a_build_date_past_year_9999_is_one_line(project: Path, build_subprocess: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    status, stderr = build_subprocess(project, env={"SOURCE_DATE_EPOCH": YEAR_10000})
    assert status != 0
    assert "Traceback" not in stderr
    assert f"SOURCE_DATE_EPOCH: {YEAR_10000} is not a date a build can describe" in stderr
    done = _cli_model(project, tmp_path / "model.docx", YEAR_10000)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"error: SOURCE_DATE_EPOCH: {YEAR_10000} is not a date a build can describe: "
        "give seconds since 1970, up to 253402300799 (the end of year 9999)"
    )


@pytest.mark.parametrize(("epoch", "stamped"), [("0", (1980, 1, 1)), ("253402300799", (2107, 12, 31))])
def test_a_build_date_outside_zip_dates_stamps_the_nearest(project: Path, tmp_path: Path, epoch: str, stamped: tuple[int, int, int]) -> None:
    out = tmp_path / "model.docx"
    done = _cli_model(project, out, epoch)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {stamped}
