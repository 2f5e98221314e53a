"""Where the team's shared, read-only data is: ``../shared`` beside the repository (seed policies,
their gold labels, the development set), or wherever ``POLICY_ATLAS_SHARED`` points. It is not part
of the repository; tests that need its gold labels or development set skip without it.

The five seed policies are this project's own sources, byte for byte, so a test that needs only a
seed's text reads it from ``source_policies/`` when ``shared/`` is absent
(``test_the_seeds_are_the_project_s_sources`` checks the pairing when it is there)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICY_ATLAS_SHARED") or REPO.parent / "shared")
SEED_SOURCES = {
    "000_40182344fc69fd64": "knowsley-model.txt",
    "001_b85193da5e8941d5": "ush-federation.txt",
    "002_8e0b3db9f8105864": "northgate-primary.txt",
    "003_aa82a326de40b6ce": "rosewood-free-school.txt",
    "004_59fc1339d82edfef": "unnamed-school.txt",
}
"""Each seed policy's file in ``source_policies/``."""


def seed_path(stem: str) -> Path:
    """A seed policy's text: from ``shared/seeds`` when it is there, else the project's own source."""
    shared = SHARED / "seeds" / f"{stem}.txt"
    return shared if shared.is_file() else REPO / "source_policies" / SEED_SOURCES[stem]
