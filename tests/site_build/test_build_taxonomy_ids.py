"""A taxonomy id unfit for an anchor stops the build with one line naming the file and line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitekit import BIN, CORPUS, make_project, normalise
from test_taxonomy_ids import with_id

REPO = Path(__file__).resolve().parents[2]


def test_the_build_says_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    assert normalise(project, "--quiet") == 0
    line = with_id(project / "taxonomy.yml", REPO / "taxonomy.yml", "- id: existing-relationships", "existing relationships")
    done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=project, capture_output=True, text=True, timeout=300, check=False,
                          env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"taxonomy.yml:{line}: topic " in done.stderr and "provision id 'existing relationships' must be lowercase" in done.stderr
