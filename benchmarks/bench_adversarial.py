"""How long the slow-path shapes take, how much the classifier costs per KB, and a 5 MB policy's build.

Run from anywhere:  python benchmarks/bench_adversarial.py [--size 50000] [--big 5000000] [--skip-build]

1. Every adversarial input of ``tests/adversarial.py`` at ``--size`` characters (50 KB) through
   what ``policy-atlas normalise`` does to a source (decode, ingest, classify), best of three;
   the target is under 1 s each.
2. The classifier's cost per KB: ``classify_blocks`` over the project's own five policies, and
   over the 5 MB policy, in milliseconds per KB of source text.
3. A 5 MB policy through the whole build: ``policy-atlas normalise`` then ``mkdocs build``, each a
   fresh process in a temporary project; the target is under 10 s for the build.

Nothing is written inside the project. Timings depend on the machine: compare runs on one machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # adversarial: the inputs the slow-path tests use too

from adversarial import ADVERSARIAL, five_megabytes
from policy_atlas.core.classify import Classifier, classified_blocks
from policy_atlas.core.decode import decode_source
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.taxonomy import load_taxonomy

BIN = Path(sys.executable).parent
TARGET_NORMALISE = 1.0
TARGET_BUILD = 10.0


def _best(run: object, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def adversarial(size: int, classifier: Classifier) -> float:
    print(f"== adversarial inputs, {size:,} characters each, through normalise (target < {TARGET_NORMALISE} s) ==")
    slowest = 0.0
    for name, make in sorted(ADVERSARIAL.items()):
        text = make(size)

        def run(text: str = text) -> None:
            decoded = decode_source(text.encode("utf-8"), "adversarial.txt")
            classified_blocks(parse_policy(decoded.text, "adversarial", "adversarial.txt").blocks, classifier)

        seconds = _best(run)
        slowest = max(slowest, seconds)
        print(f"  {name:20s} {len(text):>9,} chars  {seconds:6.3f} s  {'ok' if seconds < TARGET_NORMALISE else 'SLOW'}")
    print(f"  slowest: {slowest:.3f} s")
    return slowest


def classifier_cost(classifier: Classifier, big: str) -> None:
    print("== classifier cost per KB (classify_blocks, best of three) ==")
    texts = {p.stem: p.read_bytes() for p in sorted((ROOT / "source_policies").glob("*.txt"))}
    texts["5 MB policy"] = big.encode("utf-8")
    for name, data in texts.items():
        blocks = parse_policy(decode_source(data, name).text, "x", name).blocks
        seconds = _best(lambda blocks=blocks: classifier.classify_blocks(blocks), 1 if len(data) > 1_000_000 else 3)
        print(f"  {name:22s} {len(data) / 1024:8.1f} KB  {seconds:7.3f} s  {1000 * seconds / (len(data) / 1024):6.2f} ms/KB")


def whole_build(big: str) -> None:
    print(f"== a {len(big) / 1e6:.1f} MB policy through normalise and the whole build (target < {TARGET_BUILD} s) ==")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "source_policies").mkdir()
        (project / "source_policies" / "long-policy.txt").write_text(big, encoding="utf-8")
        shutil.copyfile(ROOT / "taxonomy.yml", project / "taxonomy.yml")
        (project / "docs").mkdir()
        (project / "docs" / "index.md").write_text("# Long policy\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            "site_name: Long policy\nstrict: true\ntheme:\n  name: material\n  font: false\nplugins:\n  - policy-atlas\n",
            encoding="utf-8",
        )
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        for label, command in (
            ("normalise", [str(BIN / "policy-atlas"), "normalise", "--quiet"]),
            ("build", [str(BIN / "mkdocs"), "build", "--strict", "-d", str(project / "site")]),
        ):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
            target = f" ({'ok' if seconds < TARGET_BUILD else 'SLOW'})" if label == "build" else ""
            print(f"  {label:10s} {seconds:7.2f} s  {status}{target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters per adversarial input (default 50,000)")
    parser.add_argument("--big", type=int, default=5_000_000, help="characters of the long policy (default 5,000,000)")
    parser.add_argument("--skip-build", action="store_true", help="leave out the whole build of the long policy")
    args = parser.parse_args()
    classifier = Classifier(load_taxonomy(ROOT / "taxonomy.yml"))
    big = five_megabytes(args.big)
    adversarial(args.size, classifier)
    classifier_cost(classifier, big)
    if not args.skip_build:
        whole_build(big)
    print(f"(figures from this machine, python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
