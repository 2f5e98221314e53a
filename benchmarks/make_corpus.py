"""A deterministic synthetic corpus of N realistic school social-media policies.

Usage:  python benchmarks/make_corpus.py N OUT [--seeds DIR ...]

Each policy is made from the seed policies (``source_policies/``, or the folders given with
``--seeds``): its sections (a heading and the lines under it) come from one base
policy, some dropped, a few borrowed from another policy, reworded with synonyms and
renumbered; then extraction noise is added as a PDF or Word export leaves it: hard-wrapped
lines, other bullet glyphs, page furniture (a running footer and "Page k of n"), and in about
one policy in three a stray line with nothing to say (a number, a list letter or a bullet alone,
a rule of dashes), which a strict build must take without stopping. Beside
each ``<slug>.txt`` goes a ``<slug>.yml`` sidecar with a school name, title and group, so
``policy-atlas normalise --sources OUT`` reads the corpus as it reads the project's own.

The same N always gives the same files, byte for byte (a seeded ``random.Random``; no dict or
file-system order).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = [ROOT / "source_policies"]

SYNONYMS = {
    "staff": ["employees", "staff members", "colleagues"],
    "employees": ["staff", "members of staff"],
    "pupils": ["students", "learners", "children"],
    "students": ["pupils", "learners"],
    "must": ["must", "shall", "are required to"],
    "should": ["should", "ought to"],
    "ensure": ["make sure", "ensure"],
    "inappropriate": ["unsuitable", "improper"],
    "photographs": ["photos", "images", "pictures"],
    "images": ["photographs", "pictures"],
    "headteacher": ["Head Teacher", "Principal", "head of school"],
    "school": ["school", "academy"],
    "parents": ["parents and carers", "families"],
    "information": ["details", "information"],
    "personal": ["private", "personal"],
    "professional": ["professional", "work"],
    "contact": ["contact", "communication"],
    "report": ["report", "raise"],
    "disciplinary": ["disciplinary", "formal disciplinary"],
    "mobile": ["mobile", "cell"],
}

PLACES = ["Ash", "Beech", "Cedar", "Elm", "Hazel", "Holly", "Larch", "Maple", "Oak", "Rowan", "Willow", "Yew",
          "Brook", "Castle", "Church", "Hill", "Lake", "Meadow", "Mill", "Park", "River", "Stone", "Wood", "Vale"]
SUFFIXES = ["field", "ford", "gate", "ham", "ley", "mouth", "side", "ton", "well", "wick", "bury", "dale"]
KINDS = ["Primary School", "Academy", "High School", "C of E Primary School", "Catholic Primary School",
         "Infant School", "Junior School", "Community School", "Free School", "Secondary School"]
GROUPS = ["Northshire Local Authority", "Southshire Local Authority", "Riverside Academy Trust",
          "Hillside Learning Trust", "Diocese of Westbury", "Independent and free schools"]
TITLES = ["Social Media Policy", "Social media policy for staff", "Use of Social Media Policy",
          "Online Conduct and Social Media Policy"]
BULLETS = ["- ", "• ", "· ", " ", "o ", "* ", "▪ "]
STRAYS = ["4.2", "3.", "(c)", "b)", "•", "▪", "—", "-----", "ii."]
_BULLET = re.compile(r"^\s*([-•·*o▪]|\uf0b7)\s+")
_NUMBER = re.compile(r"^(\s*)(\d+(?:\.\d+)*)([.)]?)(\s+)")


def read_seeds(dirs: list[Path]) -> list[list[str]]:
    """Each seed policy's lines; the same text found twice (a seed copied into the project) counts once."""
    texts: dict[str, list[str]] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n").lstrip("\ufeff")
            texts.setdefault(text, text.split("\n"))
    return [texts[key] for key in sorted(texts)]


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 9 and not line.rstrip().endswith((".", ";", ",", ":")) and line[:1].isupper() and not _NUMBER.match(line)


def sections(lines: list[str]) -> list[list[str]]:
    """The policy cut at its headings: each section a heading line and what follows it."""
    out: list[list[str]] = [[]]
    for line in lines:
        if _is_heading(line.strip()) and out[-1]:
            out.append([])
        out[-1].append(line)
    return [s for s in out if any(line.strip() for line in s)]


def reword(line: str, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        options = SYNONYMS.get(word.lower())
        if not options or rng.random() > 0.35:
            return word
        choice = rng.choice(options)
        return choice[:1].upper() + choice[1:] if word[:1].isupper() else choice

    return re.sub(r"[A-Za-z]+", swap, line)


def renumber(lines: list[str], offset: int) -> list[str]:
    """Top-level numbers shifted by ``offset`` (a school that added or dropped a section)."""
    out = []
    for line in lines:
        match = _NUMBER.match(line)
        if match:
            parts = match.group(2).split(".")
            parts[0] = str(max(1, int(parts[0]) + offset))
            line = f"{match.group(1)}{'.'.join(parts)}{match.group(3)}{match.group(4)}{line[match.end():]}"
        out.append(line)
    return out


def wrap(line: str, width: int) -> list[str]:
    """A long line hard-wrapped as a PDF extraction leaves it."""
    words, out, current = line.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return out + [current]


def policy(index: int, seeds: list[list[str]], rng: random.Random) -> tuple[str, str, str]:
    """One school's policy text, its name and group."""
    base = sections(seeds[index % len(seeds)])
    other = sections(seeds[(index + 1 + rng.randrange(len(seeds) - 1)) % len(seeds)]) if len(seeds) > 1 else base
    head, body = base[:1], base[1:]
    kept = [s for s in body if rng.random() > 0.15] or body[:1]
    for _ in range(rng.randrange(3)):
        if other[1:]:
            kept.insert(rng.randrange(len(kept) + 1), rng.choice(other[1:]))
    name = f"{rng.choice(PLACES)}{rng.choice(SUFFIXES)} {rng.choice(KINDS)}"
    bullet = rng.choice(BULLETS)
    width = rng.choice([0, 0, 72, 80, 95])
    offset = rng.choice([0, 0, 1, -1, 2])
    out: list[str] = []
    for section in head + kept:
        for line in renumber(section, offset):
            line = reword(line, rng)
            line = _BULLET.sub(bullet, line) if _BULLET.match(line) else line
            out.extend(wrap(line, width) if width and len(line) > width else [line])
    strays = random.Random(f"policy-atlas-stray:{index}")  # its own generator: every other choice stays as it was
    if strays.random() < 1 / 3:
        out.insert(strays.randrange(1, len(out) + 1), strays.choice(STRAYS))
    footer = f"{name} – {rng.choice(TITLES)}"
    pages, every = [], rng.choice([45, 55, 70])
    for start in range(0, len(out), every):
        pages.append(out[start:start + every])
    text = []
    for number, page in enumerate(pages, start=1):
        text.extend(page)
        text.extend(["", footer, f"Page {number} of {len(pages)}", "\f"])
    return "\n".join(text).rstrip("\f\n") + "\n", name, GROUPS[rng.randrange(len(GROUPS))]


def make_corpus(count: int, out: Path, seed_dirs: list[Path]) -> list[Path]:
    seeds = read_seeds(seed_dirs)
    if not seeds:
        raise SystemExit(f"no seed policies (*.txt) in {', '.join(map(str, seed_dirs))}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        rng = random.Random(f"policy-atlas-corpus:{index}")
        text, name, group = policy(index, seeds, rng)
        slug = f"school-{index + 1:04d}"
        (out / f"{slug}.txt").write_text(text, encoding="utf-8")
        meta = f"school: {name} ({index + 1})\ntitle: {rng.choice(TITLES)}\ngroup: {group}\n"
        (out / f"{slug}.yml").write_text(meta, encoding="utf-8")
        written.append(out / f"{slug}.txt")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many policies")
    parser.add_argument("out", type=Path, help="folder to write <slug>.txt and <slug>.yml into")
    parser.add_argument("--seeds", type=Path, action="append", help="folder of seed policies (repeatable)")
    args = parser.parse_args(argv)
    written = make_corpus(args.count, args.out, args.seeds or DEFAULT_SEEDS)
    print(f"{len(written)} policies in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
