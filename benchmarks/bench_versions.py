"""How long aligning two versions of one policy takes, and how it grows with the policy.

    .venv/bin/python benchmarks/bench_versions.py [--sizes 625000 1250000 2500000 5000000]

For each size it makes a policy of about that many bytes from the project's own policies (their
clauses, forty to a section, each clause made distinct by the section it is in), and a second
version of it as a reviewer's year of edits leaves one: 3% of clauses reworded by a word, 1%
removed, 1% added, 0.5% split in two, five sections moved elsewhere. Both are read by ingest once;
then ``versions.align`` is timed (best of three) and the counts it finds are printed beside those
made, so a run shows that the alignment is right as well as how long it took. Then the same for
the worst shape for an index of word pairs: every clause the same sentence, one in ten reworded.
Doubling the size should roughly double the time: alignment is not quadratic in clauses.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "plugins"))
sys.path.insert(0, str(HERE.parent / "tests"))

from adversarial import five_megabytes  # noqa: E402
from policy_atlas.core.ingest import parse_policy  # noqa: E402
from policy_atlas.core.versions import align  # noqa: E402

SOURCES = HERE.parent / "source_policies"


def seed_clauses() -> list[str]:
    """Every clause text of the project's own policies, as ingest reads them."""
    found: list[str] = []
    for path in sorted(SOURCES.glob("*.txt")):
        found += [c.text for c in parse_policy(path.read_text(encoding="utf-8"), "s", path.name).clauses if len(c.text.split()) > 5]
    return found


def two_versions(size: int, rng: random.Random) -> tuple[str, str, dict[str, int]]:
    """A policy of about ``size`` bytes and an edited copy, with the edits made, counted."""
    pool = seed_clauses()
    sections: list[list[str]] = []
    length = 0
    while length < size:
        number = len(sections) + 1
        texts = [f"{rng.choice(pool)} This applies to area {number}-{i}." for i in range(1, 41)]
        sections.append(texts)
        length += sum(len(t) + 8 for t in texts) + 30
    made = dict.fromkeys(("reworded", "removed", "added", "split", "moved"), 0)
    edited: list[list[str]] = []
    for texts in sections:
        out: list[str] = []
        for text in texts:
            roll = rng.random()
            if roll < 0.03:
                words = text.split()
                words[rng.randrange(len(words) - 6)] = "notably"
                out.append(" ".join(words))
                made["reworded"] += 1
            elif roll < 0.04:
                made["removed"] += 1
            elif roll < 0.045 and ". " in text:
                head, _, tail = text.partition(". ")
                out += [head + ".", tail]
                made["split"] += 1
            else:
                out.append(text)
            if rng.random() < 0.01:
                out.append(f"A new duty on reporting online concerns number {rng.randrange(10**9)} takes effect from the start of term.")
                made["added"] += 1
        edited.append(out)
    for _ in range(5):
        taken = edited.pop(rng.randrange(len(edited)))
        edited.insert(rng.randrange(len(edited)), taken)
        made["moved"] += len(taken)
    return _text(sections), _text(edited), made


def _text(sections: list[list[str]]) -> str:
    return "".join(
        f"Section {s} Conduct online\n\n" + "".join(f"{s}.{i}. {t}\n" for i, t in enumerate(texts, 1)) + "\n"
        for s, texts in enumerate(sections, 1)
    )


def timed(old_text: str, new_text: str) -> tuple[float, dict[str, int], int]:
    old = parse_policy(old_text, "s", "old.txt").blocks
    new = parse_policy(new_text, "s", "new.txt").blocks
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        diff = align(old, new)
        best = min(best, time.perf_counter() - start)
    return best, diff.counts, sum(1 for b in old if not hasattr(b, "level"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[625_000, 1_250_000, 2_500_000, 5_000_000])
    args = parser.parse_args()
    print("| size | clauses | align (best of 3) | found | made |")
    print("| ---: | ---: | ---: | --- | --- |")
    for size in args.sizes:
        old, new, made = two_versions(size, random.Random(size))
        seconds, found, clauses = timed(old, new)
        print(f"| {len(old) / 1e6:.2f} MB | {clauses:,} | {seconds:.2f} s | {found} | {made} |")
    same = five_megabytes(args.sizes[-1])
    lines = same.split("\n")
    edited = "\n".join(line.replace("same day", "next day") if i % 10 == 0 else line for i, line in enumerate(lines))
    seconds, found, clauses = timed(same, edited)
    print(f"| {len(same) / 1e6:.2f} MB, one sentence throughout | {clauses:,} | {seconds:.2f} s | {found} | one clause in ten reworded |")


if __name__ == "__main__":
    main()
