"""The tests find the seed policies without ``shared/``: each seed is one of the project's own
sources, byte for byte, and ``shareddata.SEED_SOURCES`` says which."""

from __future__ import annotations

import pytest
from shareddata import REPO, SEED_SOURCES, SHARED, seed_path


def test_the_seeds_are_the_project_s_sources() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"no {SHARED / 'seeds'} to compare with")
    assert sorted(p.stem for p in (SHARED / "seeds").glob("*.txt")) == sorted(SEED_SOURCES)
    for stem, source in SEED_SOURCES.items():
        assert (SHARED / "seeds" / f"{stem}.txt").read_bytes() == (REPO / "source_policies" / source).read_bytes(), stem


def test_a_seed_is_read_from_the_sources_without_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    import shareddata

    monkeypatch.setattr(shareddata, "SHARED", REPO / "no-such-folder")
    assert seed_path("002_8e0b3db9f8105864") == REPO / "source_policies" / "northgate-primary.txt"
