"""No slow path: every adversarial input normalises in time that grows linearly with its size.

Growth, not timings: each input is read at a size and at four times that size, and the larger
must take less than ten times as long (a quadratic path takes sixteen times; the floor keeps
inputs that take no measurable time out of the ratio). CPU time of this process, the best of
two runs, so that a busy machine does not decide. ``benchmarks/bench_adversarial.py`` reports
the seconds themselves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial import ADVERSARIAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_atlas.core.classify import Classifier, classified_blocks
from policy_atlas.core.decode import decode_source
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parents[1]
GROWTH = 4
BOUND = 10.0
FLOOR = 0.05


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_taxonomy(REPO / "taxonomy.yml"))


def _normalise(text: str, classifier: Classifier) -> None:
    decoded = decode_source(text.encode("utf-8"), "adversarial.txt")
    classified_blocks(parse_policy(decoded.text, "adversarial", "adversarial.txt").blocks, classifier)


def _seconds(text: str, classifier: Classifier) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        _normalise(text, classifier)
        best = min(best, time.process_time() - start)
    return best


def _assert_linear(make: Callable[[int], str], size: int, classifier: Classifier) -> None:
    small, large = make(size), make(size * GROWTH)
    t_small, t_large = _seconds(small, classifier), _seconds(large, classifier)
    ratio = max(t_large, FLOOR) / max(t_small, FLOOR)
    assert ratio < BOUND, f"{len(small)} chars: {t_small:.3f} s; {len(large)} chars: {t_large:.3f} s (x{ratio:.1f})"


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_each_adversarial_input_normalises_in_linear_time(name: str, classifier: Classifier) -> None:
    _assert_linear(ADVERSARIAL[name], 25_000, classifier)


PIECES = st.sampled_from(
    ["\t", " ", "  ", "\n", "\n\n", "\f", "• ", "- ", "1. ", "1.1 ", "1.1.1.1.1 ", "(a) ", "A. ", "iv. ", "§ ", "{#x}",
     "Staff ", "must ", "not ", "post ", "pupils", ". ", ", ", "; ", ":", "and must not ", "however, ", "e.g. ", "MONITORING"]
)


@pytest.mark.slow  # hypothesis draws many shapes: about 15 s on 2 cores
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_any_repeated_shape_normalises_in_linear_time(unit: str) -> None:
    """Whatever short run of text a document repeats, reading it grows linearly with its length."""
    classifier = Classifier(load_taxonomy(REPO / "taxonomy.yml"))
    _assert_linear(lambda size: "Policy\n" + unit * max(1, size // len(unit)) + "\n", 10_000, classifier)
