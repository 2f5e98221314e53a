"""The golden-file update flag (declared in tests/conftest.py): ``pytest --update-golden``."""

from __future__ import annotations

import pytest


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden files rather than checking them."""
    return bool(request.config.getoption("--update-golden"))
