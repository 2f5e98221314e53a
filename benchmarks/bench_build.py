"""How long a Policy Atlas build takes, against a stock MkDocs build of the same pages.

Run from anywhere:  python benchmarks/bench_build.py [--runs N] [--schools 5,50,200]

1. Builds the real site (mkdocs.yml, with the plugin) and a stock MkDocs build of the same
   docs/policies/*.md (a temporary mkdocs.yml with only the Material theme and search), each
   N times in fresh processes, alternating, into temporary directories; prints the median
   seconds of each and the ratio.
2. Times ``build_matrix`` for 5, 50 and 200 synthetic schools (the seed schools' clauses,
   lightly reworded) and prints how the time grows with the number of schools.

Nothing is written inside the project.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # comparekit: the synthetic schools the tests use too

from comparekit import one_statement_each, synthetic_schools
from policy_atlas.core.classify import resolve_topics
from policy_atlas.core.compare import build_matrix
from policy_atlas.core.corpus import load_corpus
from policy_atlas.core.taxonomy import load_taxonomy

STOCK_CONFIG = """\
site_name: Policy Atlas (stock MkDocs)
docs_dir: docs
theme:
  name: material
plugins:
  - search
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
"""


def timed_build(config: Path, site_dir: Path) -> float:
    """Seconds for one ``mkdocs build`` in a fresh interpreter (imports included, as a user sees it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)],
        check=True,
        env=env,
    )
    return time.perf_counter() - start


def stock_project(work: Path) -> Path:
    """A plain MkDocs project with the same policy pages (and index) and no plugin."""
    docs = work / "stock" / "docs"
    shutil.copytree(ROOT / "docs" / "policies", docs / "policies")
    shutil.copyfile(ROOT / "docs" / "index.md", docs / "index.md")
    config = work / "stock" / "mkdocs.yml"
    config.write_text(STOCK_CONFIG, encoding="utf-8")
    return config


def bench_builds(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="pa-bench-") as tmp:
        work = Path(tmp)
        stock = stock_project(work)
        timed_build(ROOT / "mkdocs.yml", work / "warm-site")  # warm the file cache for both
        plugin_times, stock_times = [], []
        for _ in range(runs):
            plugin_times.append(timed_build(ROOT / "mkdocs.yml", work / "site-plugin"))
            stock_times.append(timed_build(stock, work / "site-stock"))
    plugin, plain = statistics.median(plugin_times), statistics.median(stock_times)
    print(f"site build, median of {runs} runs (fresh process each)")
    print(f"  with Policy Atlas : {plugin:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in plugin_times)}")
    print(f"  stock MkDocs      : {plain:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in stock_times)}")
    print(f"  ratio             : {plugin / plain:6.2f} x")
    return plugin, plain


def bench_alignment(counts: list[int], runs: int) -> None:
    taxonomy = load_taxonomy(ROOT / "taxonomy.yml")
    corpus = load_corpus(ROOT / "source_policies", ROOT / "docs" / "policies")
    # The topics the pages carry (overrides applied); no analyse(), so no cache is warm before timing.
    topics = {c.id: resolve_topics(c.topics) for s in corpus.schools for c in s.clauses}
    base = [(s.meta.slug, s.clauses) for s in corpus.schools]
    print(f"\nbuild_matrix on synthetic schools, median of {runs} runs")
    print("  schools  clauses   seconds   growth exponent vs previous row (1 = linear, 2 = quadratic)")
    previous: tuple[int, float] | None = None
    for count in counts:
        schools, topics_of = synthetic_schools(base, topics, count)
        clauses = sum(len(c) for c in schools.values())
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            build_matrix(schools, one_statement_each(schools, topics_of), taxonomy)
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        growth = ""
        if previous is not None and seconds > 0 and previous[1] > 0:
            growth = f"{math.log(seconds / previous[1]) / math.log(count / previous[0]):.2f}"
        print(f"  {count:7d}  {clauses:7d}  {seconds:8.2f}   {growth}")
        previous = (count, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (default 3)")
    parser.add_argument("--schools", default="5,50,200", help="synthetic school counts for build_matrix (default 5,50,200)")
    parser.add_argument("--matrix-runs", type=int, default=1, help="runs of build_matrix per count (default 1)")
    parser.add_argument("--skip-build", action="store_true", help="only time build_matrix")
    args = parser.parse_args()
    if not args.skip_build:
        bench_builds(args.runs)
    bench_alignment([int(n) for n in args.schools.split(",")], args.matrix_runs)


if __name__ == "__main__":
    main()
