"""Builds at scale, in small: the site built from the reading cache is the site built cold, and pages
split into parts (as they are past ``schools_per_page`` schools) link up, part to part and to
every statement, with the later parts out of the navigation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import EPOCH_AFTER_REVIEW, SCHOOL_SLUGS
from test_build_compare import _parsed

from policy_atlas.cli import main as cli_main


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _set_plugin_option(project: Path, line: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      sources_dir: source_policies\n", f"      sources_dir: source_policies\n      {line}\n"), encoding="utf-8")


def test_a_site_built_from_the_cache_is_the_site_built_cold(
    project: Path, build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
    cache = project / ".cache" / "policy-atlas"
    assert list(cache.rglob("*.json")), "normalise keeps each policy's reading"
    warm = _files(build(project, tmp_path / "warm"))
    for entry in cache.rglob("*.json"):  # a corrupt cache is read afresh, never believed
        entry.write_text('{"format": 1, "key": "', encoding="utf-8")
    corrupt = _files(build(project, tmp_path / "corrupt"))
    _set_plugin_option(project, "cache: false")
    cold = _files(build(project, tmp_path / "cold"))
    assert sorted(warm) == sorted(cold) and sorted(corrupt) == sorted(cold)
    assert [name for name in cold if warm[name] != cold[name] or corrupt[name] != cold[name]] == []


def test_normalise_in_parallel_writes_the_pages_one_process_writes(project: Path, tmp_path: Path) -> None:
    pages = project / "docs" / "policies"
    serial = {p.name: p.read_bytes() for p in sorted(pages.glob("*.md"))}
    for page in pages.glob("*.md"):
        page.unlink()
    from policy_atlas import cli

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "PARALLEL_FROM", 1)
        assert cli_main(["--project", str(project), "--no-cache", "normalise", "--jobs", "2", "--quiet"]) == 0
    assert {p.name: p.read_bytes() for p in sorted(pages.glob("*.md"))} == serial


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sitekit import CORPUS, build, make_project, normalise

    project = make_project(tmp_path_factory.mktemp("paged") / "project", CORPUS)
    _set_plugin_option(project, "schools_per_page: 2")
    assert normalise(project, "--quiet") == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
        return build(project)


def test_the_matrix_and_topic_pages_come_in_parts_that_link_up(paged_site: Path) -> None:
    parts = (len(SCHOOL_SLUGS) + 1) // 2
    matrix = [paged_site / "compare" / "index.html"] + [paged_site / "compare" / "matrix" / str(n) / "index.html" for n in range(2, parts + 1)]
    topic = [paged_site / "compare" / "topics" / "pupil-contact" / "index.html"]
    topic += [paged_site / "compare" / "topics" / "pupil-contact" / str(n) / "index.html" for n in range(2, parts + 1)]
    assert all(page.exists() for page in matrix + topic)
    assert not (paged_site / "compare" / "topics" / "pupil-contact" / str(parts + 1)).exists()
    first = matrix[0].read_text(encoding="utf-8")
    assert first.count('class="pa-pager"') == 1 and 'aria-current="page">Schools 1–2<' in first
    # Each part's provision matrix has a column for its own schools only.
    sizes = [min(2, len(SCHOOL_SLUGS) - 2 * n) for n in range(parts)]
    assert [page.read_text(encoding="utf-8").count('<th scope="col">') for page in topic] == [2 + size for size in sizes]
    # Coverage counts every school compared, on every part.
    assert all(f" of {len(SCHOOL_SLUGS)} schools have statements on this topic" in page.read_text(encoding="utf-8") for page in topic)


def test_every_link_on_a_paged_site_resolves_and_parts_stay_out_of_the_navigation(paged_site: Path) -> None:
    dangling, checked = [], 0
    for page in sorted(p for p in paged_site.rglob("index.html") if "compare" in p.parts or p.parent.name == "model-policy"):
        for href in _parsed(page).hrefs:
            if href.startswith(("http:", "https:", "mailto:")) or href.startswith("#") and len(href) == 1:
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            target = target / "index.html" if target.is_dir() else target
            if not target.exists() or (fragment and fragment.replace("%7E", "~") not in _parsed(target).ids):
                dangling.append(f"{page.relative_to(paged_site)}: {href}")
            checked += 1
    assert dangling == [] and checked > 300
    nav = (paged_site / "compare" / "index.html").read_text(encoding="utf-8")
    assert "/matrix/2/" not in nav.split('class="pa-pager"')[0]


def test_schools_per_page_below_one_is_a_clear_error(project: Path, build: Callable[..., Path], tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    _set_plugin_option(project, "schools_per_page: 0")
    with pytest.raises(Abort) as stopped:
        build(project, tmp_path / "site")
    assert "policy-atlas: schools_per_page must be at least 1, not 0" in str(stopped.value.__context__)


def _sidebar(page: Path) -> str:
    """The navigation sidebar of a built page: Material's primary navigation, up to the content."""
    html = page.read_text(encoding="utf-8")
    return html[html.index("md-nav--primary") : html.index('class="md-content"')]


def test_past_nav_schools_the_sidebar_lists_the_schools_index_not_each_school(paged_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Up to ``nav_schools`` schools the sidebar names the schools (the paged site has fewer than
    the default); past it, only the schools index, so the navigation does not grow with the
    schools on every page. Each school's pages are still built and reached from the index."""
    from sitekit import CORPUS, build, make_project, normalise

    school_page = Path("policies") / SCHOOL_SLUGS[0] / "index.html"
    listed = _sidebar(paged_site / school_page)
    assert any(f"{slug}/" in listed for slug in SCHOOL_SLUGS[1:])  # its group's other schools, the other groups' first

    project = make_project(tmp_path_factory.mktemp("few-in-nav") / "project", CORPUS)
    _set_plugin_option(project, f"nav_schools: {len(SCHOOL_SLUGS) - 1}")
    assert normalise(project, "--quiet") == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
        site = build(project)
    for page in (site / school_page, site / "index.html", site / "compare" / "index.html"):
        sidebar = _sidebar(page)
        assert not any(f"{slug}/" in sidebar for slug in SCHOOL_SLUGS), page
        assert 'href="' in sidebar and ("policies/" in sidebar or 'href="../"' in sidebar), page  # the schools index
    index = _parsed(site / "policies" / "index.html").hrefs
    assert all(f"{slug}/" in index for slug in SCHOOL_SLUGS)
    assert all((site / "policies" / slug / "index.html").exists() and (site / "compare" / "gaps" / slug / "index.html").exists() for slug in SCHOOL_SLUGS)
