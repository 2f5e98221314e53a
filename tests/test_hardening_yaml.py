"""YAML aliases ("billion laughs") and ``~concept`` chains are refused with a line, in time.

Nine lines of anchors and aliases stood for a billion values: the taxonomy and the model outline
took 217 s to read (the duplicate-key walk visits every alias), a page's ``source_notes`` 71 s at
six levels and 3.6 GB at seven. Every YAML file the project reads now refuses aliases.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from policy_atlas.core.corpus import load_corpus, normalise
from policy_atlas.core.evaluate import load_gold
from policy_atlas.core.model import PolicyAtlasError
from policy_atlas.core.sources import discover_sources
from policy_atlas.core.taxonomy import Taxonomy, load_outline, load_taxonomy

REPO = Path(__file__).resolve().parents[1]


def laughs(levels: int, indent: str = "  ") -> str:
    """An anchor per level, each a list of ten aliases of the one before: 10 ** levels values."""
    lines = [f'{indent}l0: &l0 ["lol"]']
    lines += [f"{indent}l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _refused_in_time(read: object, line: int) -> None:
    start = time.process_time()
    with pytest.raises(PolicyAtlasError) as caught:
        read()  # type: ignore[operator]
    assert time.process_time() - start < 1.0
    assert caught.value.line == line
    assert "alias" in caught.value.message


@pytest.mark.parametrize("levels", [3, 9])
def test_taxonomy_aliases_are_refused_at_their_line(tmp_path: Path, levels: int) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text((REPO / "taxonomy.yml").read_text(encoding="utf-8").replace("concepts:\n", "concepts:\n" + laughs(levels), 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index("  l1: &l1 [" + ", ".join(["*l0"] * 10) + "]") + 1
    _refused_in_time(lambda: load_taxonomy(path), line)


@pytest.mark.parametrize("levels", [3, 9])
def test_outline_aliases_are_refused_at_their_line(tmp_path: Path, levels: int, taxonomy: Taxonomy) -> None:
    path = tmp_path / "model_outline.yml"
    path.write_text("laughs:\n" + laughs(levels) + (REPO / "model_outline.yml").read_text(encoding="utf-8"), encoding="utf-8")
    _refused_in_time(lambda: load_outline(path, taxonomy), 3)


def test_sidecar_aliases_leave_the_school_out_at_their_line(tmp_path: Path) -> None:
    (tmp_path / "oakfield.txt").write_text("1. Staff must not post images of pupils.\n", encoding="utf-8")
    (tmp_path / "oakfield.yml").write_text("school: &name Oakfield School\ntitle: *name\n", encoding="utf-8")
    _, problems = discover_sources(tmp_path)
    assert [(p.path.rsplit("/", 1)[-1], p.line) for p in problems] == [("oakfield.yml", 2)]
    assert "alias" in problems[0].message


@pytest.mark.parametrize("levels", [2, 9])
def test_page_front_matter_aliases_leave_the_school_out_at_their_line(tmp_path: Path, taxonomy: Taxonomy, levels: int) -> None:
    sources, pages = tmp_path / "source_policies", tmp_path / "docs" / "policies"
    sources.mkdir(parents=True)
    (sources / "oakfield.txt").write_text("1. Staff must not post images of pupils.\n", encoding="utf-8")
    normalise(sources, pages, taxonomy)
    page = pages / "oakfield.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("  source_notes: []\n", "  laughs:\n" + laughs(levels, "    ") + f"  source_notes: [*l{levels}]\n"), encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("    l1: &l1 [" + ", ".join(["*l0"] * 10) + "]") + 1
    start = time.process_time()
    corpus = load_corpus(sources, pages)
    assert time.process_time() - start < 1.0
    assert not corpus.schools
    assert [(d.path, d.line) for d in corpus.left_out] == [("policies/oakfield.md", line)]
    assert "alias" in corpus.left_out[0].message


def test_gold_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.yml"
    path.write_text("policy: oakfield\ntopics:\n" + laughs(3), encoding="utf-8")
    _refused_in_time(lambda: load_gold(path), 4)


def test_a_chain_of_concepts_is_refused_before_it_is_made(tmp_path: Path) -> None:
    chain = ["  c0: [" + ", ".join(f"w{i}" for i in range(15)) + "]"]
    chain += [f"  c{n}: [of ~c{n - 1}]" for n in range(1, 6)]
    path = tmp_path / "taxonomy.yml"
    path.write_text((REPO / "taxonomy.yml").read_text(encoding="utf-8").replace("concepts:\n", "concepts:\n" + "\n".join(chain) + "\n", 1), encoding="utf-8")
    start = time.process_time()
    with pytest.raises(PolicyAtlasError) as caught:
        load_taxonomy(path)
    assert time.process_time() - start < 5.0
    assert caught.value.message.startswith("concepts.c3: stands for 50,625 terms")  # 15 ** 4: each level adds 14 determiners
    assert caught.value.line == path.read_text(encoding="utf-8").split("\n").index("  c3: [of ~c2]") + 1
    assert "(at most 50,000)" in caught.value.message
