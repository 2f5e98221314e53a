"""What a search costs the reader at 5 and at 1,000 schools: bytes downloaded and time to the first
result in headless Chromium, for three engines over the same clause-level records.

Usage:
    python benchmarks/bench_search.py                      # the project's 5 schools only
    python benchmarks/bench_search.py --corpus DIR         # also DIR/sources + DIR/pages (make_corpus.py, normalise)
    python benchmarks/bench_search.py --corpus DIR --engines policy-atlas,material,pagefind

Engines:
- ``policy-atlas``: this project's index (``core/search.py``): script files loaded on demand.
- ``material``: Material for MkDocs' built-in search (lunr) given the same records as its
  ``search_index.json``, one document per clause: the whole index is fetched and indexed in
  the browser before the first result.
- ``pagefind``: Pagefind (``pip install "pagefind[bin]"``) given the same records through its
  Python API as custom records, with topics, school and force as filters.

For each engine and query, a fresh browser context (cold cache) opens a page, types the query and
waits for the first result; it reports the bytes of the engine's files fetched (as served, no
compression; gzip sizes are shown beside) and the milliseconds from the last key to the first
result shown (Material), to the first result's data loaded (Pagefind, whose page then loads the
other nine), or to the first ten results' records loaded (policy-atlas, whose dialog loads
``meta.js`` as it opens and shows them then; its 120 ms typing pause is not counted). Median and
worst of the queries.

The big corpus is never built into a whole site: its search index is built straight from its
normalised pages (``load_corpus``), as the plugin would, and dropped into a copy of the
project's own built site. Nothing is written inside the project.
"""

from __future__ import annotations

import argparse
import html
import subprocess
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import socket
import urllib.request
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from policy_atlas.core.corpus import load_corpus
from policy_atlas.core.search import IndexInput, SearchRecord, build_index, index_input
from policy_atlas.core.taxonomy import load_taxonomy
from policy_atlas.core.views import Ref

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["friend request", "ex-pupil contact", "photographs consent", "personal mobile phone", "disciplinary action"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def serve(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A static server in a process of its own, so it does not share this one's interpreter lock."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server, base


def build_site(out: Path, material_search: bool) -> None:
    """The project's site; with ``material_search``, Material's search plugin as well."""
    config = ROOT / "mkdocs.yml"
    if material_search:
        text = config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n", 1)
        text = text.replace("      offline_zip: true", "      search: false")
        config = ROOT / ".bench-search-mkdocs.yml"
        config.write_text(text, encoding="utf-8")
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], check=True, env=env, cwd=ROOT)
    finally:
        if material_search:
            config.unlink()


def corpus_input(folder: Path) -> IndexInput:
    """The search records of a corpus straight from its normalised pages (topics and force from the tags)."""
    taxonomy = load_taxonomy(ROOT / "taxonomy.yml", "taxonomy.yml")
    corpus = load_corpus(folder / "sources", folder / "pages")
    clauses = {s.meta.slug: s.clauses for s in corpus.schools}
    return index_input(corpus.schools, clauses, {}, [], [(t.id, t.label) for t in taxonomy.topics])


def url_of(ref: Ref | str) -> str:
    if isinstance(ref, str):
        return ref
    return f"policies/{ref.key}/" + (f"#{quote(ref.fragment)}" if ref.fragment else "")


def records(data: IndexInput) -> list[SearchRecord]:
    return [r for _, _, rs in data.schools for r in rs] + list(data.pages)


def write_policy_atlas(site: Path, data: IndexInput) -> dict[str, int]:
    shutil.rmtree(site / "search", ignore_errors=True)
    (site / "search").mkdir()
    start = time.perf_counter()
    files = build_index(data, url_of)
    seconds = time.perf_counter() - start
    for name, content in files.items():
        (site / "search" / name).write_text(content, encoding="utf-8")
    sizes = [len(c.encode("utf-8")) for c in files.values()]
    return {"files": len(files), "bytes": sum(sizes), "largest": max(sizes), "build_ms": round(seconds * 1000)}


def write_material(site: Path, data: IndexInput) -> dict[str, int]:
    docs = [{"location": url_of(r.ref), "title": r.title, "text": r.text} for r in records(data)]
    index = {"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}, "docs": docs}
    text = json.dumps(index, ensure_ascii=False)
    (site / "search" / "search_index.json").write_text(text, encoding="utf-8")
    return {"files": 1, "bytes": len(text.encode("utf-8")), "largest": len(text.encode("utf-8"))}


PAGEFIND_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<input id="q"><ol id="out"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({excerptLength: 30});
window.ready = true;
window.run = async (q) => {
  const t0 = performance.now();
  const search = await pagefind.search(q);
  const first = search.results.length ? await search.results[0].data() : null;
  const t1 = performance.now();
  await Promise.all(search.results.slice(1, 10).map(r => r.data()));
  document.getElementById("out").textContent = first ? first.url : "";
  return {first: t1 - t0, count: search.results.length, url: first && first.url};
};
</script></body></html>"""


def write_pagefind(folder: Path, data: IndexInput) -> dict[str, int]:
    """One small HTML page per record (Pagefind indexes pages; a record must be one to be a result),
    its title, topics, school and force marked for Pagefind, then the ``pagefind`` binary over them."""
    pages = folder / "records"
    pages.mkdir(parents=True)
    for number, r in enumerate(records(data)):
        filters = [f"school:{r.school or 'page'}"] + [f"topic:{t}" for t in r.topics] + [f"force:{f}" for f in r.forces]
        marks = "".join(f'<span data-pagefind-filter="{html.escape(f)}"></span>' for f in filters)
        (pages / f"{number}.html").write_text(
            f'<!doctype html><html lang="en"><head><title>{html.escape(r.title)}</title></head><body data-pagefind-body>'
            f'<h1 data-pagefind-meta="title">{html.escape(r.title)}</h1><p>{html.escape(r.heading)}</p><p>{html.escape(r.text)}</p>{marks}</body></html>',
            encoding="utf-8",
        )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", "pagefind", "--silent"], check=True)
    seconds = time.perf_counter() - start
    (folder / "index.html").write_text(PAGEFIND_HTML, encoding="utf-8")
    sizes = [p.stat().st_size for p in (folder / "pagefind").rglob("*") if p.is_file()]
    return {"files": len(sizes), "bytes": sum(sizes), "largest": max(sizes), "build_ms": round(seconds * 1000)}


def measure(engine: str, base: str, query: str, browser: Any) -> dict[str, Any]:
    """One query in a cold browser context: engine bytes fetched, and ms to the first result."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: dict[str, int] = {}

    def on_response(response: Any) -> None:
        url = response.url
        if "/search/" in url or "/pagefind/" in url:
            try:
                fetched[url] = len(response.body())
            except Exception:  # noqa: BLE001 - a response the page abandoned
                pass

    page.on("response", on_response)
    if engine == "pagefind":
        page.goto(base + "index.html")
        page.wait_for_function("window.ready === true")
        result = page.evaluate("q => window.run(q)", query)
        ms, first = result["first"], result["url"]
    elif engine == "policy-atlas":
        page.goto(base)
        page.wait_for_load_state("load")
        page.evaluate("PolicyAtlasSearch.need('meta')")  # the dialog loads it as it opens (its bytes count)
        result = page.evaluate(
            """async q => {
                const t0 = performance.now();
                const found = await PolicyAtlasSearch.find({text: q});
                const meta = await PolicyAtlasSearch.need('meta');
                const shown = await PolicyAtlasSearch.records(meta, found.ids.slice(0, 10));
                return {ms: performance.now() - t0, first: shown.length ? shown[0].url : null};
            }""",
            query,
        )
        ms, first = result["ms"], result["first"]
    else:
        page.goto(base)
        page.wait_for_load_state("load")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query[:-1])
        start = time.perf_counter()
        box.press(query[-1])  # Material searches on key events
        page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
        ms = (time.perf_counter() - start) * 1000
        first = page.locator(".md-search-result__item a").first.get_attribute("href")
    context.close()
    raw = sum(fetched.values())
    return {"ms": ms, "bytes": raw, "requests": len(fetched), "first": first}


def gzip_size(folder: Path, names: list[str]) -> int:
    return sum(len(gzip.compress((folder / n).read_bytes())) for n in names if (folder / n).exists())


def run(label: str, data: IndexInput, engines: list[str], work: Path) -> list[dict[str, Any]]:
    rows = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for engine in engines:
            site = work / f"{label}-{engine}"
            if engine == "pagefind":
                site.mkdir(parents=True, exist_ok=True)
                index = write_pagefind(site, data)
            else:
                shutil.copytree(work / ("site-material" if engine == "material" else "site"), site)
                index = (write_material if engine == "material" else write_policy_atlas)(site, data)
            server, base = serve(site)
            try:
                measure(engine, base, QUERIES[0], browser)  # warm up: browser start-up is not the engine's
                results = [measure(engine, base, q, browser) for q in QUERIES]
            finally:
                server.terminate()
                server.wait()
            row = {
                "schools": label,
                "engine": engine,
                "records": sum(len(r) for _, _, r in data.schools) + len(data.pages),
                "index_bytes": index["bytes"],
                "index_files": index["files"],
                "largest_file": index["largest"],
                "download_median": statistics.median(r["bytes"] for r in results),
                "download_max": max(r["bytes"] for r in results),
                "first_result_ms_median": round(statistics.median(r["ms"] for r in results)),
                "first_result_ms_max": round(max(r["ms"] for r in results)),
            }
            if "build_ms" in index:
                row["index_build_ms"] = index["build_ms"]
            rows.append(row)
            print(json.dumps(row), flush=True)
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder with sources/ and pages/ (make_corpus.py, then normalise)")
    parser.add_argument("--engines", default="policy-atlas,material,pagefind")
    args = parser.parse_args(argv)
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        work = Path(tmp)
        build_site(work / "site", material_search=False)
        if "material" in engines:
            build_site(work / "site-material", material_search=True)
        project = load_corpus(ROOT / "source_policies", ROOT / "docs" / "policies")
        taxonomy = load_taxonomy(ROOT / "taxonomy.yml", "taxonomy.yml")
        five = index_input(project.schools, {s.meta.slug: s.clauses for s in project.schools}, {}, [], [(t.id, t.label) for t in taxonomy.topics])
        run(str(len(project.schools)), five, engines, work)
        if args.corpus:
            data = corpus_input(args.corpus)
            run(str(len(data.schools)), data, engines, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
