"""Fixtures for real builds; the helpers themselves live in ``sitekit.py``."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
import sitekit


@pytest.fixture(autouse=True)
def _quiet_material(monkeypatch: pytest.MonkeyPatch) -> None:
    """Silence Material's end-of-life banner, and start every test without a build date."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def make_project() -> Callable[[Path, Mapping[str, bytes | str]], Path]:
    """``make_project(root, sources)``: a minimal project in ``root``, from source file names to contents."""
    return sitekit.make_project


@pytest.fixture
def normalise() -> Callable[..., int]:
    """``normalise(project, *args)``: ``policy-atlas normalise`` in-process; returns the exit status."""
    return sitekit.normalise


@pytest.fixture
def build() -> Callable[..., Path]:
    """``build(project, site_dir=None)``: a strict MkDocs build in-process; returns the site."""
    return sitekit.build


@pytest.fixture
def build_subprocess() -> Callable[..., tuple[int, str]]:
    """``build_subprocess(project, site_dir=None, env=None)``: ``mkdocs build --strict``; (status, stderr)."""
    return sitekit.build_subprocess


@pytest.fixture
def failed_build() -> Callable[..., str]:
    """``failed_build(project, site_dir=None)``: a strict build that must abort; its warnings and errors."""
    return sitekit.failed_build


@pytest.fixture
def normalise_subprocess() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``normalise_subprocess(project, *args, env=None)``: the installed ``policy-atlas`` command."""
    return sitekit.normalise_subprocess


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture corpus in ``tmp_path/project``, normalised and ready to build."""
    root = sitekit.make_project(tmp_path / "project", sitekit.CORPUS)
    assert sitekit.normalise(root, "--quiet") == 0
    return root


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One normalised project, built once per module for read-only tests: (project, site)."""
    root = sitekit.make_project(tmp_path_factory.mktemp("built") / "project", sitekit.CORPUS)
    assert sitekit.normalise(root, "--quiet") == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", sitekit.EPOCH_AFTER_REVIEW)
        site = sitekit.build(root)
    return root, site


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """``pytest --update-golden`` rewrites the golden files instead of comparing against them."""
    return bool(request.config.getoption("--update-golden"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here builds a real site: ``slow``, left out by ``pytest -m "not browser and not slow"``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
