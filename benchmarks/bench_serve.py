"""How long `mkdocs serve` takes to show an edited policy: the editing loop as a person sees it.

    python benchmarks/bench_serve.py PROJECT SLUG [--port 8931]

Starts `mkdocs serve` on PROJECT (e.g. a project `bench_build.py --work` kept), waits until the
school's page is served, adds a line to its source, runs `policy-atlas normalise SLUG`, and times
(wall) until the served page has the new line. The source is put back and normalised again at
the end. Wall time is what a person waits; on a shared machine it varies with the load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
LINE = b"\nStaff must not share their passwords with anyone at all.\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("slug")
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args()
    root = args.project.resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    url = f"http://127.0.0.1:{args.port}/policies/{args.slug}/"
    source = root / "source_policies" / f"{args.slug}.txt"
    original = source.read_bytes()
    normalise = [str(BIN / "policy-atlas"), "--project", str(root), "normalise", "--quiet", args.slug]

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str, limit: float) -> float:
        start = time.perf_counter()
        while text not in page():
            if time.perf_counter() - start > limit:
                raise SystemExit(f"not served within {limit:.0f} s: {url}")
            time.sleep(0.25)
        return time.perf_counter() - start

    serve = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{args.port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        print(f"first build served after {wait_for('</html>', 1800):.1f} s", flush=True)
        time.sleep(3)  # the server's watcher settles
        source.write_bytes(original + LINE)
        subprocess.run(normalise, env=env, check=True)
        print(f"edited page served after {wait_for('anyone at all', 1800):.1f} s", flush=True)
    finally:
        source.write_bytes(original)
        serve.terminate()
        serve.wait()
        subprocess.run(normalise, env=env, check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
