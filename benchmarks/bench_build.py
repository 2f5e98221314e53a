"""How long the whole Policy Atlas pipeline takes at N schools, against a stock MkDocs build of the same texts.

Run from anywhere:

    python benchmarks/bench_build.py --schools 5,50,300,1000 [--runs 3] [--edit]
    python benchmarks/bench_build.py --schools 5,50 --check          # CI's smoke test

For each N, ``make_corpus.py N`` writes N synthetic policies into a temporary project (this
repository's ``mkdocs.yml``, taxonomy and outline), then, alternating, in fresh processes:

- **ours, bench**: ``policy-atlas normalise`` (cold: no pages, no cache) then ``mkdocs build`` with
  the offline copy off and ``strict`` off (the configuration earlier rounds measured);
- **ours, default**: the same from nothing, with this repository's ``mkdocs.yml`` as it is (the
  offline copy on, ``strict`` on: a stray line in one policy must not stop the build); then
  **warm**, the same build again with nothing changed (pages and reading cache present);
- **stock**: ``mkdocs build`` of the same normalised pages as plain Markdown (Material, flat
  navigation, Material's search plugin, the same Markdown extensions, no plugin of ours), cold
  and then warm (a second build; MkDocs keeps nothing between builds either way).

It reports wall time and peak memory (the largest process's resident set, from ``wait4``),
site size, largest page and pages over 500 KB, the search download per query (``meta.js`` plus the
shards of a two-word query and one block of records, for ours; the whole ``search_index.json`` for
stock), and the ratios ours / stock. Then, in this process, each stage on its own (the sum is not
the build: imports and MkDocs' own work are not in it), the similarity cost per candidate pair,
and with ``--edit`` the editing loop of the default configuration: one policy changed,
``normalise`` of that one, and a rebuild.

``--check`` runs one default and one stock build per N (no bench build, no warm build, no edit)
and fails (exit 1) only if a build fails (the default one is strict) or a site lacks its pages: a smoke test of the pipeline, not of its speed. Nothing
is written inside the project.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import DEFAULT_SEEDS, make_corpus  # noqa: E402

PAGE_LIMIT = 500 * 1024
DEFAULT = "mkdocs.yml"
"""This repository's configuration as a site gets it: the offline copy on, strict."""
BENCH = "mkdocs-bench.yml"
"""The configuration earlier rounds measured: no offline copy, not strict."""
STOCK_CONFIG = """\
site_name: Policy Atlas (stock MkDocs)
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    return env


def timed(command: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (KB) and CPU seconds (user + system) of a command: the
    kernel's own account of that child and what it waited for (``wait4``), so no ``/usr/bin/time``
    is needed. CPU time says what the work costs when other jobs share the machine; wall time what
    a user waits."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}\n{errors.read().decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def project(work: Path, count: int) -> Path:
    """A project of ``count`` synthetic schools: sources, this repository's config as ``mkdocs.yml``
    and the bench variant as ``mkdocs-bench.yml`` beside it (same docs, same cache), no pages yet."""
    root = work / f"ours-{count}"
    make_corpus(count, root / "source_policies", DEFAULT_SEEDS)
    (root / "docs").mkdir(parents=True)
    for name in ("index.md", "accessibility.md"):
        shutil.copyfile(ROOT / "docs" / name, root / "docs" / name)
    for name in ("taxonomy.yml", "model_outline.yml"):
        shutil.copyfile(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / DEFAULT).write_text(config, encoding="utf-8")
    # Without the offline copy a page may not link to it: not strict.
    (root / BENCH).write_text(config.replace("offline_zip: true", "offline_zip: false").replace("strict: true", "strict: false"), encoding="utf-8")
    return root


def stock_project(work: Path, ours: Path) -> Path:
    root = work / f"stock-{ours.name}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(ours / "docs" / "policies", root / "docs" / "policies")
    shutil.copyfile(ROOT / "docs" / "index.md", root / "docs" / "index.md")
    (root / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return root


def normalise_command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "policy_atlas.cli", "--project", str(root), "normalise", "--quiet", *args]


def build_command(root: Path, site: Path, config: str = DEFAULT) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(root / config), "--site-dir", str(site)]


def site_facts(site: Path, ours: bool) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    if ours:
        search = site / "search"
        shards = sorted(search.glob("shard-*.js"))
        blocks = sorted(search.glob("records-*.js"))
        meta = search / "meta.js"
        shard = statistics.median(p.stat().st_size for p in shards) if shards else 0
        block = statistics.median(p.stat().st_size for p in blocks) if blocks else 0
        per_query = (meta.stat().st_size if meta.exists() else 0) + 2 * shard + block
    else:
        index = site / "search" / "search_index.json"
        per_query = index.stat().st_size if index.exists() else 0
    return {
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "pages": len(pages),
        "largest_kb": largest.stat().st_size / 1024,
        "largest": largest.relative_to(site).as_posix(),
        "over_limit": sum(1 for p in pages if p.stat().st_size > PAGE_LIMIT),
        "query_kb": per_query / 1024,
    }


def whole(root: Path, work: Path, run: int, config: str) -> dict[str, Any]:
    """Ours, cold: no pages and no cache, then normalise and build with ``config``."""
    shutil.rmtree(root / "docs" / "policies", ignore_errors=True)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    site = work / f"site-{root.name}-{config}-{run}"
    shutil.rmtree(site, ignore_errors=True)
    normalise_s, normalise_kb, normalise_cpu = timed(normalise_command(root), root)
    build_s, build_kb, build_cpu = timed(build_command(root, site, config), root)
    return {
        "seconds": normalise_s + build_s, "normalise": normalise_s, "build": build_s, "peak_kb": max(normalise_kb, build_kb),
        "cpu": normalise_cpu + build_cpu, "site": site,
    }


def warm(root: Path, site: Path, config: str = DEFAULT) -> dict[str, Any]:
    """A build again with nothing changed since the last: pages written, reading cache present."""
    seconds, peak, cpu = timed(build_command(root, site, config), root)
    return {"seconds": seconds, "peak_kb": peak, "cpu": cpu}


def stock(root: Path, work: Path, run: int) -> dict[str, Any]:
    site = work / f"site-{root.name}-{run}"
    shutil.rmtree(site, ignore_errors=True)
    seconds, peak, cpu = timed(build_command(root, site), root)
    return {"seconds": seconds, "peak_kb": peak, "cpu": cpu, "site": site}


def stages(root: Path) -> dict[str, float]:
    """Each stage of the pipeline on its own, in this process, on the project's sources and pages."""
    from policy_atlas.core.analysis import analyse
    from policy_atlas.core.cache import classifier_for
    from policy_atlas.core.classify import Classifier
    from policy_atlas.core.compare import all_gaps, build_matrix, shared_wording
    from policy_atlas.core.corpus import load_corpus
    from policy_atlas.core.decode import decode_source
    from policy_atlas.core.ingest import parse_policy
    from policy_atlas.core.merge import build_model
    from policy_atlas.core.model import Clause
    from policy_atlas.core.render import build_date
    from policy_atlas.core.search import build_index, compare_records, index_input
    from policy_atlas.core.sources import discover_sources
    from policy_atlas.core.statements import split_statements
    from policy_atlas.core.taxonomy import load_outline, load_taxonomy
    from policy_atlas.core.views import site_views
    from policy_atlas.mkdocs_plugin.pages import SitePaths
    from policy_atlas.templating import Templates

    out: dict[str, float] = {}

    def clock(name: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = work()
        out[name] = time.perf_counter() - start
        return result

    taxonomy = load_taxonomy(root / "taxonomy.yml")
    sources, _ = discover_sources(root / "source_policies")
    parsed = clock("decode + ingest", lambda: [parse_policy(decode_source(s.path.read_bytes(), s.meta.source_file).text, s.meta.slug, s.meta.source_file) for s in sources])
    clauses = [b for p in parsed for b in p.blocks if isinstance(b, Clause)]
    clock("statements", lambda: [split_statements(c.text) for c in clauses])
    classifier = Classifier(taxonomy)
    clock("classify (statements, force, topics)", lambda: [classifier.classify_blocks(p.blocks) for p in parsed])
    out["classify per KB"] = out["classify (statements, force, topics)"] / (sum(len(c.text.encode()) for c in clauses) / 1024)
    corpus = clock("load pages", lambda: load_corpus(root / "source_policies", root / "docs" / "policies"))
    cached = classifier_for(taxonomy, root / ".cache" / "policy-atlas")
    clock("read (from the cache)", lambda: [cached.classify_blocks(s.blocks) for s in corpus.schools])
    analysis = analyse(corpus, taxonomy, cached)  # not timed: its comparison is timed below, stage by stage
    matrix = clock("align (provisions, stances)", lambda: build_matrix(analysis.clauses, analysis.statements, taxonomy))
    gaps = clock("matrix + gaps", lambda: all_gaps(matrix))
    shared = clock("shared wording", lambda: shared_wording(analysis.clauses))
    names = {s.meta.slug: s.meta.school for s in corpus.schools}
    outline = load_outline(root / "model_outline.yml", taxonomy)
    model = clock("model policy", lambda: build_model(analysis, names, outline))
    today = build_date()
    views = clock("views", lambda: site_views(corpus.schools, matrix, gaps, shared, taxonomy, today, model))
    templates = Templates()
    paths = SitePaths("policies", "data")

    def render() -> int:
        return sum(len(templates.render(g.template, g.view, lambda ref: "#")) for g in paths.pages(views))

    clock("render generated pages (templates)", render)
    records = compare_records(views)
    topics = tuple((t.id, t.label) for t in taxonomy.topics)
    clock("search index", lambda: build_index(index_input(corpus.schools, analysis.clauses, analysis.statements, records, topics), lambda ref: "#"))
    return out


def similarity_cost(root: Path) -> tuple[float, float]:
    """Microseconds per candidate pair: cosine in a topic's space (alignment), rapidfuzz ratio (shared wording)."""
    from rapidfuzz import fuzz

    from policy_atlas.core.analysis import analyse
    from policy_atlas.core.cache import classifier_for
    from policy_atlas.core.compare import Space, concept_patterns, members_of
    from policy_atlas.core.corpus import load_corpus
    from policy_atlas.core.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(root / "taxonomy.yml")
    corpus = load_corpus(root / "source_policies", root / "docs" / "policies")
    analysis = analyse(corpus, taxonomy, classifier_for(taxonomy, root / ".cache" / "policy-atlas"))
    topic = taxonomy.topics[0]
    members = [m for m in members_of(analysis.clauses, analysis.statements) if topic.id in m.statement.topics]
    space = Space(members, concept_patterns(taxonomy))
    pairs = [(members[i].id, members[(i * 7 + 3) % len(members)].id) for i in range(min(len(members), 20000))]
    start = time.perf_counter()
    for a, b in pairs:
        space.cosine(a, b)
    cosine = (time.perf_counter() - start) / len(pairs) * 1e6
    texts = [m.text.lower() for m in members[:2000]]
    start = time.perf_counter()
    for i, text in enumerate(texts):
        fuzz.ratio(text, texts[(i * 7 + 3) % len(texts)])
    ratio = (time.perf_counter() - start) / len(texts) * 1e6
    return cosine, ratio


def edit_loop(root: Path, work: Path) -> dict[str, float]:
    """One policy changed after a full build: normalise that one, then rebuild (the cache warm),
    with the default configuration."""
    source = sorted((root / "source_policies").glob("*.txt"))[len(list((root / "source_policies").glob("*.txt"))) // 2]
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\nStaff must not share their passwords with anyone.\n", encoding="utf-8")
    try:
        normalise_s, _, normalise_cpu = timed(normalise_command(root, source.stem), root)
        build_s, _, build_cpu = timed(build_command(root, work / f"site-{root.name}-edit"), root)
    finally:
        source.write_text(text, encoding="utf-8")
    return {"normalise one": normalise_s, "rebuild": build_s, "total": normalise_s + build_s, "cpu": normalise_cpu + build_cpu}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().split("\n") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().split("\n") if line.startswith("MemTotal")), 0)
    import mkdocs
    import material

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Material {getattr(material, '__version__', '?')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", default="5,50,300", help="school counts (default 5,50,300)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each build per count (default 1); the median is reported")
    parser.add_argument("--check", action="store_true", help="smoke test: fail only if a build fails or a site lacks its pages")
    parser.add_argument("--edit", action="store_true", help="also time the editing loop (one policy changed) at each count")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process stage timings")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--work", type=Path, help="keep the projects and sites here (default: a temporary folder)")
    args = parser.parse_args()
    counts = [int(n) for n in args.schools.split(",")]
    runs = 1 if args.check else args.runs
    print(f"machine: {machine()}", flush=True)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="pa-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for count in counts:
            root = project(work, count)
            bench_runs: list[dict[str, Any]] = []
            default_runs: list[dict[str, Any]] = []
            stock_runs: list[dict[str, Any]] = []
            warm_runs: list[dict[str, Any]] = []
            stock_warm_runs: list[dict[str, Any]] = []
            for run in range(runs):
                # Stock builds the pages the cold run before it normalised. The smoke test builds the
                # default configuration only: it does all the bench one does, and more.
                first = default_runs if args.check else bench_runs
                first.append(whole(root, work, run, DEFAULT if args.check else BENCH))
                stock_root = stock_project(work, root)
                stock_runs.append(stock(stock_root, work, run))
                if not args.check:
                    default_runs.append(whole(root, work, run, DEFAULT))
                    warm_runs.append(warm(root, default_runs[-1]["site"]))
                    stock_warm_runs.append(warm(stock_root, stock_runs[-1]["site"]))
            bench_runs = bench_runs or default_runs
            ours = _median(bench_runs, ("seconds", "normalise", "build", "peak_kb", "cpu"))
            default = _median(default_runs, ("seconds", "normalise", "build", "peak_kb", "cpu"))
            plain = _median(stock_runs, ("seconds", "peak_kb", "cpu"))
            row: dict[str, Any] = {
                "schools": count,
                "ours": {**ours, **site_facts(bench_runs[-1]["site"], True)},
                "default": {**default, "site_mb": site_facts(default_runs[-1]["site"], True)["site_mb"]},
                "stock": {**plain, **site_facts(stock_runs[-1]["site"], False)},
                "ratio": ours["seconds"] / plain["seconds"],
                "default_ratio": default["seconds"] / plain["seconds"],
            }
            if warm_runs:
                row["warm"] = _median(warm_runs, ("seconds", "peak_kb", "cpu"))
                row["stock_warm"] = _median(stock_warm_runs, ("seconds", "peak_kb", "cpu"))
                row["warm_ratio"] = row["warm"]["seconds"] / row["stock_warm"]["seconds"]
            if args.check:
                for site in (bench_runs[-1]["site"], default_runs[-1]["site"], stock_runs[-1]["site"]):
                    if not (site / "index.html").exists() or len(list((site / "policies").glob("*/index.html"))) < count:
                        print(f"FAIL: {site} lacks pages", file=sys.stderr)
                        return 1
                for site in (bench_runs[-1]["site"], default_runs[-1]["site"]):
                    if not (site / "compare" / "index.html").exists() or not (site / "search" / "meta.js").exists():
                        print("FAIL: our site lacks the Compare pages or the search index", file=sys.stderr)
                        return 1
                if not (default_runs[-1]["site"] / "downloads" / "policy-atlas-offline.zip").stat().st_size:
                    print("FAIL: the default build has no offline copy", file=sys.stderr)
                    return 1
            else:
                if not args.no_stages:
                    row["stages"] = stages(root)
                    row["similarity_us"] = similarity_cost(root)
                if args.edit:
                    row["edit"] = edit_loop(root, work)
            _print(row, runs)
            results.append(row)
            for run_result in [*bench_runs, *default_runs, *stock_runs]:
                shutil.rmtree(run_result["site"], ignore_errors=True)
    _growth(results)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=1, default=str) + "\n", encoding="utf-8")
    if args.check:
        print("check: every build succeeded")
    return 0


def _median(runs: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def _print(row: dict[str, Any], runs: int) -> None:
    ours, plain = row["ours"], row["stock"]
    print(f"\n{row['schools']} schools (median of {runs} run{'s' if runs > 1 else ''}):")
    print(f"  ours : {ours['seconds']:7.1f} s, CPU {ours['cpu']:.1f} s (normalise {ours['normalise']:.1f} + build {ours['build']:.1f}), peak {ours['peak_kb'] / 1024:6.0f} MB, "
          f"site {ours['site_mb']:.0f} MB, {ours['pages']} pages, largest {ours['largest_kb']:.0f} KB ({ours['largest']}), "
          f"{ours['over_limit']} over 500 KB, search per query {ours['query_kb']:.0f} KB")
    print(f"  stock: {plain['seconds']:7.1f} s, CPU {plain['cpu']:.1f} s, peak {plain['peak_kb'] / 1024:6.0f} MB, site {plain['site_mb']:.0f} MB, {plain['pages']} pages, "
          f"largest {plain['largest_kb']:.0f} KB ({plain['largest']}), {plain['over_limit']} over 500 KB, search per query {plain['query_kb']:.0f} KB")
    print(f"  ratio ours / stock: {row['ratio']:.2f} (CPU {ours['cpu'] / plain['cpu']:.2f})")
    default = row["default"]
    print(f"  default config (offline copy, strict): {default['seconds']:7.1f} s, CPU {default['cpu']:.1f} s (normalise {default['normalise']:.1f} + build {default['build']:.1f}), "
          f"peak {default['peak_kb'] / 1024:6.0f} MB, site {default['site_mb']:.0f} MB; ratio to stock {row['default_ratio']:.2f} (CPU {default['cpu'] / plain['cpu']:.2f})")
    if "warm" in row:
        print(f"  warm (nothing changed), default config: {row['warm']['seconds']:7.1f} s, CPU {row['warm']['cpu']:.1f} s, peak {row['warm']['peak_kb'] / 1024:6.0f} MB; "
              f"stock warm {row['stock_warm']['seconds']:.1f} s, CPU {row['stock_warm']['cpu']:.1f} s; ratio {row['warm_ratio']:.2f} (CPU {row['warm']['cpu'] / row['stock_warm']['cpu']:.2f})")
    for name, seconds in row.get("stages", {}).items():
        print(f"  stage {name:38s} {seconds:8.3f}" + (" s" if "per KB" not in name else " s/KB"))
    if "similarity_us" in row:
        cosine, ratio = row["similarity_us"]
        print(f"  similarity per candidate pair: cosine {cosine:.2f} µs, rapidfuzz ratio {ratio:.2f} µs")
    if "edit" in row:
        edit = row["edit"]
        print(f"  edit one policy: normalise it {edit['normalise one']:.1f} s + rebuild {edit['rebuild']:.1f} s = {edit['total']:.1f} s, CPU {edit['cpu']:.1f} s "
              f"({100 * edit['total'] / default['seconds']:.0f}% of the default cold pipeline; {edit['total'] / plain['seconds']:.1f}x stock)")
    sys.stdout.flush()


def _growth(results: list[dict[str, Any]]) -> None:
    """How the comparison stages grow: log(t2/t1) / log(n2/n1) between successive counts."""
    import math

    compared = ("classify (statements, force, topics)", "align (provisions, stances)", "matrix + gaps")
    rows = [(r["schools"], sum(r["stages"][k] for k in compared)) for r in results if "stages" in r]
    for (n1, t1), (n2, t2) in zip(rows, rows[1:]):
        if t1 > 0 and t2 > 0:
            print(f"comparison stages (classify + align + matrix + gaps) {n1} -> {n2} schools: {t1:.2f} s -> {t2:.2f} s, growth N^{math.log(t2 / t1) / math.log(n2 / n1):.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
