"""Every metadata value has a length limit, and one past it leaves that school out at its line.

A 1 MB ``school:`` name grew a 7 MB site to 664 MB: the name is printed on every page that names
the school. The limits are far above any real value (README, "Metadata format").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.core.corpus import RECORD_LENGTHS, load_corpus, normalise
from policy_atlas.core.sources import MAX_LENGTHS, discover_sources
from policy_atlas.core.taxonomy import Taxonomy

POLICY = "1. Staff must not post images of pupils.\n"
FITTING = {"slug": "a" * 100, "url": "https://example.org/" + "a" * 1980, "last_reviewed": "2024-09", "next_review": "September 2026"}


def _sidecar(tmp_path: Path, key: str, value: str) -> list[tuple[str, int | None, str]]:
    (tmp_path / "oakfield.txt").write_text(POLICY, encoding="utf-8")
    school = "" if key == "school" else "school: Oakfield\n"
    (tmp_path / "oakfield.yml").write_text(f"{school}{key}: {value}\n", encoding="utf-8")
    _, problems = discover_sources(tmp_path)
    return [(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in problems]


@pytest.mark.parametrize("key", sorted(MAX_LENGTHS))
def test_a_sidecar_value_past_its_length_is_refused_at_its_line(tmp_path: Path, key: str) -> None:
    limit = MAX_LENGTHS[key]
    problems = _sidecar(tmp_path, key, "a" * (limit + 1))
    assert problems == [("oakfield.yml", 1 if key == "school" else 2, f"{key}: {limit + 1:,} characters, more than the {limit:,} allowed; this policy is left out")]


@pytest.mark.parametrize("key", sorted(MAX_LENGTHS))
def test_a_sidecar_value_at_its_length_is_read(tmp_path: Path, key: str) -> None:
    assert _sidecar(tmp_path, key, FITTING.get(key, "a" * MAX_LENGTHS[key])) == []


def test_a_megabyte_school_name_says_how_long_it_is_not_what_it_is(tmp_path: Path) -> None:
    [(_, _, message)] = _sidecar(tmp_path, "school", "a" * 1_000_000)
    assert message.startswith("school: 1,000,000 characters, more than the 200 allowed") and len(message) < 200


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("  source_notes: []\n", "  source_notes:\n  - short\n  - " + "a" * 1001 + "\n", "source_notes[1]: 1,001 characters, more than the 1,000 allowed"),
        ("  source: oakfield.txt\n", "  source: " + "a" * 256 + "\n", "source: 256 characters, more than the 255 allowed"),
    ],
)
def test_a_front_matter_value_past_its_length_leaves_the_school_out_at_its_line(tmp_path: Path, taxonomy: Taxonomy, old: str, new: str, where: str) -> None:
    sources, pages = tmp_path / "source_policies", tmp_path / "docs" / "policies"
    sources.mkdir(parents=True)
    (sources / "oakfield.txt").write_text(POLICY, encoding="utf-8")
    normalise(sources, pages, taxonomy)
    page = pages / "oakfield.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index(new.rstrip("\n").split("\n")[-1]) + 1
    corpus = load_corpus(sources, pages)
    assert not corpus.schools
    assert [(d.path, d.line, d.message) for d in corpus.left_out] == [("policies/oakfield.md", line, f"front matter: policy_atlas.{where}; this policy is left out")]
    assert set(RECORD_LENGTHS) <= {"slug", "source", "source_sha256", "body_sha256", "source_notes"}
