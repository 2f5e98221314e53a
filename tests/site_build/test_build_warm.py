"""A warm build (products from the build cache) is byte for byte the build made from nothing:
with nothing changed, and after a policy is edited."""

from __future__ import annotations

import hashlib
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


def _retitle_home(project: Path) -> None:
    index = project / "docs" / "index.md"
    index.write_text("# A home page retitled\n\n" + index.read_text(encoding="utf-8"), encoding="utf-8")


def _rename_site(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Policy Atlas test", "site_name: Another name"), encoding="utf-8")


def _custom_template(project: Path) -> None:
    """A site's own template of the clauses (``custom_templates``), which every school page uses."""
    from policy_atlas.templating import PACKAGE_TEMPLATES

    folder = project / "overrides"
    (folder / "partials").mkdir(parents=True)
    shutil.copyfile(PACKAGE_TEMPLATES / "partials" / "clauses.html.jinja", folder / "partials" / "clauses.html.jinja")
    with (folder / "partials" / "clauses.html.jinja").open("a", encoding="utf-8") as template:
        template.write("<p>A site's own clauses.</p>\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      offline_zip: true\n", "      offline_zip: true\n      custom_templates: overrides\n"), encoding="utf-8")


SITE_CHANGES: dict[str, Callable[[Path], None]] = {
    "another document's title (every page's navigation)": _retitle_home,
    "the configuration": _rename_site,
    "a template of the site's own": _custom_template,
}


@pytest.mark.parametrize("change", sorted(SITE_CHANGES))
def test_a_change_around_the_pages_is_a_miss_for_every_page_it_reaches(
    offline_project: Path, build: Callable[..., Path], tmp_path: Path, change: str
) -> None:
    """What every page is rendered with (the configuration, the navigation, the site's templates)
    is part of each page's key: after a change, the warm build is the cold build."""
    build(offline_project, tmp_path / "before")
    SITE_CHANGES[change](offline_project)
    warm = _tree(build(offline_project, tmp_path / "warm"))
    shutil.rmtree(offline_project / ".cache")
    cold = _tree(build(offline_project, tmp_path / "cold"))
    assert warm.keys() == cold.keys()
    assert [name for name in cold if warm[name] != cold[name]] == []


def test_a_page_that_logged_a_warning_is_not_kept(offline_project: Path, failed_build: Callable[..., str], tmp_path: Path) -> None:
    """A build with the cache must warn (and fail, being strict) where a fresh one does."""
    index = offline_project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[A page that is not there](nowhere.md)\n", encoding="utf-8")
    assert "nowhere.md" in failed_build(offline_project, tmp_path / "first")
    kept = _entries(offline_project)
    assert f"pages/{hashlib.sha256(b'index.md').hexdigest()[:32]}.pickle" not in kept
    assert sum(name.startswith("pages/") for name in kept) > 1  # the pages that did not warn were kept
    assert "nowhere.md" in failed_build(offline_project, tmp_path / "second")
