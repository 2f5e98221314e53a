"""The generated pages of this repository's own site: pinned by golden files, every link resolving,
and a site's own templates winning over the built-in ones.

Golden files live in ``golden/``, one per generated page (``/`` in a path becomes ``--``). When a
template or the comparison changes on purpose, run ``pytest tests/site_build --update-golden``
and read the diff of ``tests/site_build/golden`` before committing it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitekit import CORPUS, generated_markdown

from policy_atlas.mkdocs_plugin.plugin import PolicyAtlasPlugin

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
EPOCH = "1767225600"  # 2026-01-01
GENERATED = ("compare/", "policies/index.html")


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return generated_markdown(REPO / "mkdocs.yml", tmp_path_factory.mktemp("seed-site"))


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("seed-built")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True))
    return site


def _golden_name(src: str) -> str:
    return src.replace("/", "--")


def test_generated_pages_match_their_golden_files(seed_pages: dict[str, str], update_golden: bool) -> None:
    if update_golden:
        for stale in GOLDEN.glob("*"):
            stale.unlink()
    problems = []
    for src, text in sorted(seed_pages.items()):
        golden = GOLDEN / _golden_name(src)
        if update_golden:
            golden.write_text(text, encoding="utf-8", newline="\n")
            continue
        expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
        if expected != text:
            diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), f"golden {golden.name}", "generated", lineterm="")
            problems.append("\n".join(list(diff)[:40]))
    assert sorted(p.name for p in GOLDEN.glob("*")) == sorted(_golden_name(s) for s in seed_pages)
    assert problems == [], "\n\n".join(problems) + "\n\n(pytest tests/site_build --update-golden rewrites them)"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"] or "")


def _parsed(file: Path) -> _Links:
    parser = _Links()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def test_every_link_on_a_generated_page_resolves(seed_site: Path) -> None:
    """Links in raw HTML are not checked by MkDocs: check them here, anchors included (a statement
    shown on its own, ``<clause>~<n>``, as much as a clause)."""
    pages = [p for p in sorted(seed_site.rglob("index.html")) if str(p.relative_to(seed_site)).startswith(GENERATED)]
    assert len(pages) > 15
    dangling, checked = [], 0
    for page in pages:
        for href in _parsed(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") and not parts.fragment:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            target = target / "index.html" if target.is_dir() else target
            fragment = unquote(parts.fragment)
            ids = _parsed(target).ids if target.exists() and target.suffix == ".html" else set()
            if not target.exists() or (fragment and fragment not in ids):
                dangling.append(f"{page.relative_to(seed_site)}: {href}")
            checked += 1
    assert dangling == []
    assert checked > 500


# A site's own templates ---------------------------------------------------------------------------

OWN_MATRIX = """\
# {{ page.title | heading }}

<div class="site-own-matrix"><p>{{ page.rows | length }} topics, {{ page.schools | length }} schools</p></div>
"""
OWN_BADGE = """\
{% macro badge(force) %}<b class="site-own-badge">{{ force.value if force is not none else "silent" }}</b>{% endmacro %}
{% macro breakdown(forces) %}{% for force, count in forces %}<i>{{ count }}</i>{% endfor %}{% endmacro %}
"""


OWN_CLAUSES = """\
{% for clause in page recursive %}<p class="site-own-clause" id="{{ clause.id }}">{{ clause.text }}</p>{{ loop(clause.children) }}{% endfor %}
"""


def test_a_sites_own_template_replaces_the_built_in_one(
    tmp_path: Path, make_project: Callable[..., Path], normalise: Callable[..., int], build: Callable[..., Path]
) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    own = project / "overrides"
    (own / "partials").mkdir(parents=True)
    (own / "matrix.md.jinja").write_text(OWN_MATRIX, encoding="utf-8")
    (own / "partials" / "force.html.jinja").write_text(OWN_BADGE, encoding="utf-8")
    (own / "partials" / "clauses.html.jinja").write_text(OWN_CLAUSES, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      sources_dir: source_policies\n", "      sources_dir: source_policies\n      custom_templates: overrides\n"))
    assert normalise(project, "--quiet") == 0
    site = build(project)

    matrix = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert '<div class="site-own-matrix"><p>11 topics, 3 schools</p></div>' in matrix
    assert "pa-matrix" not in matrix
    topic = (site / "compare" / "topics" / "pupil-contact" / "index.html").read_text(encoding="utf-8")
    assert 'class="pa-matrix pa-matrix--provisions"' in topic  # the built-in topic template, still
    assert '<b class="site-own-badge">prohibited</b>' in topic  # with the site's own badge partial
    assert 'class="pa-force' not in topic.split("<article")[1]
    school = (site / "policies" / "northgate-primary" / "index.html").read_text(encoding="utf-8")
    assert '<p class="site-own-clause" id="northgate-primary/1">' in school  # the clauses of a school's page too
    assert "pa-clause__head" not in school


def test_a_site_without_attr_list_still_gets_anchored_headings(
    tmp_path: Path, make_project: Callable[..., Path], normalise: Callable[..., int], build: Callable[..., Path]
) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().split("markdown_extensions:")[0])
    assert normalise(project, "--quiet") == 0
    topic = (build(project) / "compare" / "topics" / "pupil-contact" / "index.html").read_text(encoding="utf-8")
    assert 'id="provision-matrix"' in topic and 'id="provision-personal-contact"' in topic
    assert "{#" not in topic


def test_serve_watches_the_sources_and_the_taxonomy(project: Path) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    plugin = config.plugins["policy-atlas"]
    assert isinstance(plugin, PolicyAtlasPlugin)
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    assert plugin.on_serve(server, config=config, builder=None) is server  # type: ignore[arg-type]
    assert [Path(p).resolve() for p in watched] == [(project / "source_policies").resolve(), (project / "taxonomy.yml").resolve()]


def test_open_data_goes_where_data_dir_says_and_pages_link_there(
    tmp_path: Path, make_project: Callable[..., Path], normalise: Callable[..., int], build: Callable[..., Path]
) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      sources_dir: source_policies\n", "      sources_dir: source_policies\n      data_dir: open-data\n"))
    assert normalise(project, "--quiet") == 0
    site = build(project)

    assert (site / "open-data" / "matrix.json").is_file() and not (site / "data").exists()
    assert 'href="../open-data/matrix.json"' in (site / "compare" / "index.html").read_text(encoding="utf-8")
    school = (site / "policies" / "hillside-academy" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../open-data/sources/hillside-academy.txt"' in school
