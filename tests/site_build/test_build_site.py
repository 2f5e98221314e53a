"""A real strict build of a small corpus: pages, anchors, open data, review dates, config."""

from __future__ import annotations

import csv
import json
import io
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitekit import CORPUS, SCHOOL_SLUGS, build, clauses_json, element_ids, failed_build, school_html

from policy_atlas.core.clausetag import parse_tag
from policy_atlas.core.corpus import load_corpus
from policy_atlas.core.model import Force

RECORD_KEYS = {"school", "id", "number", "heading", "text", "topics", "topic_reasons", "force", "force_reason", "statements", "source"}
SOURCE_KEYS = {"file", "line_start", "line_end", "page_start", "page_end"}
STATEMENT_KEYS = {"id", "text", "force", "force_reason", "topics", "topic_reasons"}


def test_every_clause_is_an_anchor_on_its_school_page(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    records = clauses_json(site)
    assert {r["school"] for r in records} == set(SCHOOL_SLUGS)
    for slug in SCHOOL_SLUGS:
        ids = element_ids(school_html(site, slug))
        wanted = [r["id"] for r in records if r["school"] == slug]
        assert wanted, slug
        assert [i for i in wanted if i not in ids] == []
        assert len(set(wanted)) == len(wanted)


def test_a_written_page_may_link_to_any_clause_and_mkdocs_checks_the_anchor(project: Path) -> None:
    """Clauses are rendered as one stashed block of HTML, where MkDocs does not look for anchors;
    the plugin hands it their ids, so a strict build that validates anchors accepts a link to
    any clause, and still refuses one to a clause that is not there."""
    page = sorted((project / "docs" / "policies").glob("*.md"))[0]
    ids = [tag[2] for line in page.read_text(encoding="utf-8").splitlines() if (tag := parse_tag(line))]
    target = f"policies/{page.name}"
    links = project / "docs" / "links.md"
    links.write_text(f"# Links\n\n[first]({target}#{ids[0]}) and [last]({target}#{ids[-1]})\n", encoding="utf-8")
    html = (build(project) / "links" / "index.html").read_text(encoding="utf-8")
    assert f"#{ids[-1]}" in html
    links.write_text(f"# Links\n\n[gone]({target}#{page.stem}/no-such-clause)\n", encoding="utf-8")
    assert "no-such-clause" in failed_build(project)


def test_clauses_json_holds_every_clause_of_every_page(built_site: tuple[Path, Path]) -> None:
    project, site = built_site
    corpus = load_corpus(project / "source_policies", project / "docs" / "policies")
    from_pages = [
        (school.meta.slug, clause.id, clause.number, clause.text)
        for school in sorted(corpus.schools, key=lambda s: s.meta.slug)
        for clause in school.clauses
    ]
    published = [(r["school"], r["id"], r["number"], r["text"]) for r in clauses_json(site)]
    assert published == from_pages


def test_clauses_json_has_the_documented_schema(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for record in clauses_json(site):
        assert set(record) == RECORD_KEYS, record
        assert set(record["source"]) == SOURCE_KEYS, record
        assert isinstance(record["heading"], list) and all(isinstance(h, str) for h in record["heading"])
        assert isinstance(record["topics"], list)
        assert record["number"] is None or isinstance(record["number"], str)
        assert record["source"]["file"] == f"{record['school']}.txt"
        assert 1 <= record["source"]["line_start"] <= record["source"]["line_end"]
        statements = record["statements"]
        assert statements and all(set(s) == STATEMENT_KEYS for s in statements), record
        assert " ".join(s["text"] for s in statements) == record["text"]
        # The clause's topics are its statements' (with overrides); its force is the strongest of theirs.
        assert set(record["topics"]) == {t for s in statements for t in s["topics"]}
        assert record["force"] == min((s["force"] for s in statements), key=[f.value for f in Force].index)


def test_clauses_json_lists_every_school_document(built_site: tuple[Path, Path]) -> None:
    """The ``documents`` record says what each source set aside, so every word is accounted for."""
    _, site = built_site
    data = json.loads((site / "data" / "clauses.json").read_text(encoding="utf-8"))
    documents = data["documents"]
    assert [d["school"] for d in documents] == sorted(SCHOOL_SLUGS)
    for document in documents:
        assert set(document) == {"school", "file", "set_aside"}
        assert document["file"] == f"{document['school']}.txt"
        for record in document["set_aside"]:
            assert set(record) == {"kind", "text", "lines"} and record["kind"] in ("cover", "furniture")
            assert record["lines"] == sorted(record["lines"]) and record["lines"]


def test_a_windows_1252_source_is_read_and_traced_to_its_lines(built_site: tuple[Path, Path]) -> None:
    project, site = built_site
    record = next(r for r in clauses_json(site) if r["id"] == "riverside-high/1.2")
    lines = (project / "source_policies" / "riverside-high.txt").read_bytes().decode("cp1252").splitlines()
    assert record["source"] == {"file": "riverside-high.txt", "line_start": 5, "line_end": 5, "page_start": None, "page_end": None}
    assert lines[4] == "1.2 " + record["text"]
    assert record["heading"] == ["1. Scope"]
    assert "decoded as Windows-1252" in school_html(site, "riverside-high")


def test_clauses_csv_has_the_same_rows_as_the_json(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    rows = list(csv.reader(io.StringIO((site / "data" / "clauses.csv").read_text(encoding="utf-8"))))
    assert rows[0] == [
        "school",
        "id",
        "number",
        "heading",
        "text",
        "topics",
        "force",
        "source_file",
        "line_start",
        "line_end",
        "page_start",
        "page_end",
    ]
    expected = [
        [
            r["school"],
            r["id"],
            r["number"] or "",
            " > ".join(r["heading"]),
            r["text"],
            ";".join(r["topics"]),
            r["force"] or "",
            r["source"]["file"],
            str(r["source"]["line_start"]),
            str(r["source"]["line_end"]),
            str(r["source"]["page_start"] or ""),
            str(r["source"]["page_end"] or ""),
        ]
        for r in clauses_json(site)
    ]
    assert rows[1:] == expected


@pytest.mark.parametrize("name", sorted(n for n in CORPUS if n.endswith(".txt")))
def test_sources_are_published_byte_for_byte(built_site: tuple[Path, Path], name: str) -> None:
    project, site = built_site
    published = (site / "data" / "sources" / name).read_bytes()
    assert published == (project / "source_policies" / name).read_bytes()
    written = CORPUS[name]
    assert published == (written if isinstance(written, bytes) else written.encode("utf-8"))


def test_schools_index_links_every_school(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    index = (site / "policies" / "index.html").read_text(encoding="utf-8")
    for slug in SCHOOL_SLUGS:
        assert f'href="{slug}/"' in index
    assert "Northgate Primary School" in index


def test_school_page_is_titled_by_its_metadata(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    page = school_html(site, "northgate-primary")
    assert "<title>Northgate Primary School - " in page
    assert "Northgate Governing Body" in page


def _epoch(year: int, month: int, day: int) -> str:
    return str(int(datetime(year, month, day, 12, tzinfo=UTC).timestamp()))


@pytest.mark.parametrize(
    ("epoch", "overdue"),
    [
        pytest.param(_epoch(2024, 1, 1), False, id="before"),
        pytest.param(_epoch(2024, 9, 30), False, id="last-day-of-review-month"),
        pytest.param(_epoch(2024, 10, 1), True, id="month-after"),
        pytest.param(_epoch(2030, 1, 1), True, id="years-after"),
    ],
)
def test_review_overdue_follows_source_date_epoch(
    project: Path,
    build: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    epoch: str,
    overdue: bool,
) -> None:
    """Northgate's next review is 2024-09: a month, so overdue only from 1 October."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    site = build(project)
    assert ("Review overdue" in school_html(site, "northgate-primary")) is overdue
    assert "Review overdue" not in school_html(site, "hillside-academy")  # no review date given
    assert ("(overdue)" in (site / "policies" / "index.html").read_text(encoding="utf-8")) is overdue


def test_bare_source_is_named_from_its_file(
    tmp_path: Path,
    make_project: Callable[..., Path],
    normalise: Callable[..., int],
    build: Callable[..., Path],
) -> None:
    project = make_project(
        tmp_path / "project", {"st-marys-primary.txt": "Staff must not post images of pupils online.\n"}
    )
    assert normalise(project, "--quiet") == 0
    page = school_html(build(project), "st-marys-primary")
    assert "<title>St Marys Primary - " in page
    assert '<h1 id="st-marys-primary">St Marys Primary' in page
    assert "Social media policy" in page


def test_missing_sources_dir_is_a_config_error_naming_the_option(
    tmp_path: Path, make_project: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path / "project", CORPUS)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("sources_dir: source_policies", "sources_dir: no_such_dir"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match="configuration error"):
        load_config(config_file=str(config), site_dir=str(tmp_path / "site"), strict=True)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("policy-atlas" in e and "'sources_dir'" in e and "no_such_dir" in e for e in errors), errors


def test_every_page_has_the_plugins_style_sheet(built_site: tuple[Path, Path]) -> None:
    """The test site names no style sheet of its own: the plugin adds its pages' styles itself."""
    _, site = built_site
    sheet = site / "assets" / "policy-atlas" / "pages.css"
    assert ".pa-clause" in sheet.read_text(encoding="utf-8")
    pages = sorted(site.rglob("index.html"))
    assert pages and all("assets/policy-atlas/pages.css" in page.read_text(encoding="utf-8") for page in pages)
