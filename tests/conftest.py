"""Shared fixtures. ``shared/`` (seed policies and their gold labels) sits beside the repository."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from policy_atlas.core.taxonomy import Outline, Taxonomy, load_outline, load_taxonomy
from shareddata import SEED_SOURCES, SHARED, seed_path

REPO = Path(__file__).resolve().parents[1]
SEED_STEMS = sorted(SEED_SOURCES)
NO_SEEDS: Sequence[object] = [pytest.param(None, id="no-seeds")]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared gold labels and development set (``shareddata``); tests that need them skip when
    they are absent, saying where they looked."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"no gold labels in {SHARED / 'gold'}: put shared/ beside the repository, or set POLICY_ATLAS_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed_texts() -> list[tuple[str, str]]:
    """Every seed policy as (stem, text), in a stable order (from ``source_policies/`` without shared/)."""
    return [(stem, seed_path(stem).read_text(encoding="utf-8")) for stem in SEED_STEMS]


@pytest.fixture(params=SEED_STEMS or NO_SEEDS)
def seed(request: pytest.FixtureRequest, seed_texts: list[tuple[str, str]]) -> tuple[str, str]:
    """One seed policy as (stem, text); a test using it runs once per seed."""
    stem: str = request.param
    return stem, dict(seed_texts)[stem]


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The project's taxonomy (immutable: one for the whole run)."""
    return load_taxonomy(REPO / "taxonomy.yml")


@pytest.fixture(scope="session")
def outline(taxonomy: Taxonomy) -> Outline:
    """The project's model outline."""
    return load_outline(REPO / "model_outline.yml", taxonomy)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/fixtures/*.md from the normaliser's current output instead of comparing",
    )
