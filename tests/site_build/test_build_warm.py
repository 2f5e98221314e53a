"""A warm build (products from the build cache) is byte for byte the build made from nothing:
with nothing changed, and after a policy is edited."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import EPOCH_AFTER_REVIEW

BUILD_CACHE = Path(".cache/policy-atlas/build")


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _entries(project: Path) -> dict[str, int]:
    """Each product's entry, by when it was last written."""
    folder = project / BUILD_CACHE
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def offline_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture project with the offline copy on, as a site gets it by default, at a fixed date."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      sources_dir: source_policies\n", "      sources_dir: source_policies\n      offline_zip: true\n"), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
    return project


def test_a_build_with_nothing_changed_takes_every_product_from_the_cache_and_is_the_same_site(
    offline_project: Path, build: Callable[..., Path], tmp_path: Path
) -> None:
    cold = _tree(build(offline_project, tmp_path / "cold"))
    written = _entries(offline_project)
    assert sorted(n for n in written if not n.startswith("pages/")) == ["generated.pickle", "offline.pickle", "outputs.pickle", "search.pickle", "site.pickle"]
    assert sum(n.startswith("pages/") for n in written) == sum(name.endswith(".html") for name in cold) - 1  # every page but the 404
    warm = _tree(build(offline_project, tmp_path / "warm"))
    assert _entries(offline_project) == written  # every product read back, none made again
    assert warm.keys() == cold.keys()
    assert [name for name in cold if warm[name] != cold[name]] == []


def test_after_an_edit_a_warm_build_is_the_cold_build_of_the_edited_sources(
    offline_project: Path, build: Callable[..., Path], normalise: Callable[..., int], tmp_path: Path
) -> None:
    config = offline_project / "mkdocs.yml"  # schools out of the navigation, as past a dozen
    config.write_text(config.read_text(encoding="utf-8").replace("      offline_zip: true\n", "      offline_zip: true\n      nav_schools: 1\n"), encoding="utf-8")
    build(offline_project, tmp_path / "before")
    source = offline_project / "source_policies" / "riverside-high.txt"
    source.write_bytes(source.read_bytes() + b"\r\n9. Staff must never share their passwords with pupils.\r\n")
    assert normalise(offline_project, "--quiet", "riverside-high") == 0
    before = _entries(offline_project)
    warm = _tree(build(offline_project, tmp_path / "warm"))
    after = _entries(offline_project)
    assert all(after[name] != when for name, when in before.items() if not name.startswith("pages/"))  # every product made again
    kept = [name for name, when in before.items() if name.startswith("pages/") and after[name] == when]
    assert 0 < len(kept) < sum(name.startswith("pages/") for name in before)  # some pages were not
    shutil.rmtree(offline_project / ".cache")
    cold = _tree(build(offline_project, tmp_path / "cold"))
    assert warm.keys() == cold.keys()
    assert [name for name in cold if warm[name] != cold[name]] == []
    assert b"share their passwords with pupils" in warm["policies/riverside-high/index.html"]
