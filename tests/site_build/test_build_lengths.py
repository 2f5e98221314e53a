"""A megabyte school name is one line naming the sidecar, not a site a hundred times its size."""

from __future__ import annotations

from pathlib import Path

import sitekit
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


def _size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def test_a_megabyte_school_name_leaves_that_school_out_and_the_site_its_size(tmp_path: Path) -> None:
    plain = sitekit.make_project(tmp_path / "plain", sitekit.CORPUS)
    named = sitekit.make_project(tmp_path / "named", {**sitekit.CORPUS, "long-name.txt": sitekit.HILLSIDE_TXT, "long-name.yml": "school: " + "A" * 1_000_000 + "\n"})
    sizes = []
    for project in (plain, named):
        sitekit.normalise(project, "--quiet")
        messages = sitekit.collected_warnings(lambda: mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False)))
        sizes.append(_size(project / "site"))
    assert sizes[1] < sizes[0] * 1.2, sizes
    assert any("source_policies/long-name.yml:1: school: 1,000,000 characters, more than the 200 allowed" in m for m in messages), messages
