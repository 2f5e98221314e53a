"""How long the page audit takes on every page of a real build, and how fast it reads.

Run from anywhere:  python benchmarks/bench_audit.py [--config mkdocs.yml] [--runs 15]

Builds the site of ``--config`` (default: this project's) into a temporary folder, keeps each
finished page and its content as the plugin's ``on_post_page`` sees them, then times exactly what
that hook does (cut the content out of the page, audit the rest, audit the content), in CPU time of this
process, best of ``--runs`` (the machine may be shared), at the collector pace a build sets.

Measured on this project's site (56 pages with the offline copy, 3.9 MB) when the audit moved
from ``html.parser`` (theme's page only, 1.1 MB) to lexbor (both): 83 ms before, 52-68 ms after
(runs differ); on ``bench_build.py``'s 50 synthetic schools (142 pages, 19.9 MB): 284 ms before,
248-250 ms after. ``html.parser`` over whole pages took 249 ms and 1,201 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from policy_atlas.collector import BUILD_THRESHOLDS
from policy_atlas.core.sanitise import audit_content, audit_page
from policy_atlas.mkdocs_plugin.plugin import PolicyAtlasPlugin

ROOT = Path(__file__).resolve().parents[1]


def pages(config_file: Path) -> list[tuple[str, str]]:
    """(finished page, content) of every page a build writes."""
    kept: list[tuple[str, str]] = []
    audit = PolicyAtlasPlugin.on_post_page

    def keep(self: PolicyAtlasPlugin, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        kept.append((output, page.content or ""))
        return audit(self, output, page=page, config=config)

    PolicyAtlasPlugin.on_post_page = keep  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as site:
            build(load_config(config_file=str(config_file), site_dir=site))
    finally:
        PolicyAtlasPlugin.on_post_page = audit  # type: ignore[method-assign]
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--runs", type=int, default=15, help="timed runs; the best is reported")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    kept = pages(args.config)
    gc.set_threshold(*BUILD_THRESHOLDS)
    best = float("inf")
    for _ in range(args.runs):
        start = time.process_time()
        for output, content in kept:
            audit_page(output.replace(content, "", 1) if content and content in output else output, lambda _: True)
            audit_content(content, lambda _: True, forms_allowed=False)
        best = min(best, time.process_time() - start)
    size = sum(len(output) for output, _ in kept) / 1e6
    print(f"{len(kept)} pages, {size:.1f} MB: audit {best * 1000:.0f} ms CPU ({size / best:.0f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
