"""Escaping at every exit: the hostile corpus builds into a site that runs no script from its input.

Every payload of ``hostilekit.PAYLOADS`` sits in every metadata field, the file name, a heading,
a clause, a cover line, and the taxonomy's labels. The built site is read with the tests' own
HTML reader, every file: no foreign ``<script>``, no ``on*`` attribute, no ``javascript:``,
``data:`` or ``vbscript:`` address, no ``<iframe>``/``<object>``/``<embed>``. The search index
(whose text the theme shows as HTML) is read the same way. And each payload is still there, as
text, where a reader would see it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hostilekit import EPOCH, PAYLOADS, file_stem, hostile_project, placements
from htmlcheck import check_links, read_html, search_links
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sitekit import TAXONOMY, make_project, normalise

from policy_atlas.core.sources import slugify
from policy_atlas.core.text import without_emphasis


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The hostile site, built without ``strict`` (two schools are refused), and what it logged."""
    project = hostile_project(tmp_path_factory.mktemp("hostile") / "project", make_project, normalise, TAXONOMY)
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
            site = project / "site"
            mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    finally:
        logging.getLogger("mkdocs").removeHandler(collect)
    return site, collect.lines


def _slug(number: int) -> str:
    return slugify(file_stem(number, PAYLOADS[number - 1]))


def test_the_corpus_is_big_enough() -> None:
    assert len(PAYLOADS) >= 70
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert placements((TAXONOMY).read_text(encoding="utf-8")) >= 9 * 70


def test_only_the_refused_schools_are_reported(hostile: tuple[Path, list[str]]) -> None:
    _, logged = hostile
    assert len(logged) == 2, logged
    assert logged[0].startswith("ERROR: policy_atlas: source_policies/refused-slug.yml:2: slug:"), logged
    assert logged[1].startswith("ERROR: policy_atlas: source_policies/refused-url.yml:2: url:"), logged


def test_no_file_of_the_site_has_an_executable_construct(hostile: tuple[Path, list[str]]) -> None:
    site, _ = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    found = {str(p.relative_to(site)): c for p in pages if (c := read_html(p.read_text(encoding="utf-8")).constructs)}
    assert found == {}


def test_no_search_entry_has_an_executable_construct(hostile: tuple[Path, list[str]]) -> None:
    """The theme renders search results' titles and text as HTML, so they are checked as HTML."""
    site, _ = hostile
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(docs) > 2 * len(PAYLOADS)
    found = {d["location"]: c for d in docs if (c := read_html(f"{d['title']} {d['text']}").constructs)}
    assert found == {}


@pytest.mark.parametrize("number", range(1, len(PAYLOADS) + 1))
def test_each_payload_is_shown_as_text_on_its_school_page(hostile: tuple[Path, list[str]], number: int) -> None:
    site, _ = hostile
    payload = " ".join(PAYLOADS[number - 1].split())
    plain = without_emphasis(payload)  # policy text loses Markdown's emphasis marks at ingest, and is shown as text
    text = read_html((site / "policies" / _slug(number) / "index.html").read_text(encoding="utf-8")).visible
    for shown in (
        f"School {number:02d} {payload}",  # school (heading, summary, navigation)
        f"Policy {payload}",  # title
        f"Governors {payload}",  # approved_by
        f"Group {payload}",  # group, in the navigation
        f"Contact {plain}",  # a heading
        f"Staff must not contact pupils {plain} on personal social media accounts.",  # a clause
        f"Policy owner: {payload}",  # a cover line
        f"{file_stem(number, PAYLOADS[number - 1])}.txt",  # the source's file name
        "https://example.org/policy?q=" + "".join(PAYLOADS[number - 1].split()),  # url
    ):
        assert shown in text, shown


def test_taxonomy_labels_are_shown_as_text(hostile: tuple[Path, list[str]]) -> None:
    site, _ = hostile
    text = read_html((site / "compare" / "index.html").read_text(encoding="utf-8")).visible
    assert f"Contact with pupils {PAYLOADS[0]}" in text
    topic = read_html((site / "compare" / "topics" / "pupil-contact" / "index.html").read_text(encoding="utf-8")).visible
    assert PAYLOADS[1] in topic  # the description


def test_the_schools_left_out_are_listed_as_text(hostile: tuple[Path, list[str]]) -> None:
    site, _ = hostile
    text = read_html((site / "policies" / "index.html").read_text(encoding="utf-8")).visible
    assert "2 sources are left out of this site" in text
    assert "source_policies/refused-url.yml:2" in text
    assert "url: 'javascript:alert(1)//<script>alert(1)</script>' is not a web address" in text
    assert "slug: '<script>alert(1)</script>' is not a slug" in text


def test_every_source_file_is_published_under_its_own_name(hostile: tuple[Path, list[str]]) -> None:
    site, _ = hostile
    published = {p.name for p in (site / "data" / "sources").iterdir()}
    assert published == {f"{file_stem(n, p)}.txt" for n, p in enumerate(PAYLOADS, start=1)}


def test_no_link_of_the_hostile_site_dangles(hostile: tuple[Path, list[str]]) -> None:
    """File names full of ``#``, ``?``, ``%`` and quotes still give links that reach their file."""
    site, _ = hostile
    report = check_links(site, search_links(site))
    assert report.dangling == []
    assert report.checked > 10_000
