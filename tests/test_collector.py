"""The collector's pace is set for a build and put back after it, whatever happens inside."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from policy_atlas.cli import main
from policy_atlas.collector import BUILD_THRESHOLDS, build_pace


def test_the_pace_is_set_inside_and_put_back_after_even_on_an_error() -> None:
    before = gc.get_threshold()
    with build_pace():
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), build_pace():
        raise RuntimeError("a build that fails")
    assert gc.get_threshold() == before


def test_the_cli_leaves_the_pace_as_it_found_it(tmp_path: Path) -> None:
    before = gc.get_threshold()
    assert main(["--project", str(tmp_path), "normalise", "--quiet"]) == 1  # no source_policies/: an error
    assert gc.get_threshold() == before
