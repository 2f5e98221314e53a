"""The repository itself: no merge left half done."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWLINE = b"\n"
CONFLICT = re.compile(rb"^(<<<<<<<|>>>>>>>)( |$)", re.MULTILINE)


def tracked_files() -> list[Path]:
    """The files git tracks; without git (an unpacked archive), every file outside the usual caches."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "site", ".cache", ".mypy_cache", ".pytest_cache", ".hypothesis", "__pycache__"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]
    return [ROOT / name for name in listed.decode().split("\0") if name]


def test_no_file_holds_merge_conflict_markers() -> None:
    marked = []
    for path in tracked_files():
        data = path.read_bytes() if path.is_file() else b""
        match = CONFLICT.search(data)
        if match:
            marked.append(f"{path.relative_to(ROOT)}:{data.count(NEWLINE, 0, match.start()) + 1}")
    assert marked == [], "merge conflict markers left in: " + ", ".join(marked)
