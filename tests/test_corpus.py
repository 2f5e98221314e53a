"""Unit tests of the page front matter record and of page states, without MkDocs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policy_atlas.core.corpus import (
    FORMAT,
    FRONT_MATTER_KEY,
    PageState,
    canonical_body,
    front_matter_problems,
    load_corpus,
    normalise,
    page_set_aside,
    page_state,
    render_front_matter,
    render_page,
    sha256_hex,
    split_front_matter,
)
from policy_atlas.core.clausetag import parse_document
from policy_atlas.core.model import Heading, PolicyMeta, SetAside
from policy_atlas.core.opendata import clause_records, document_records, to_json
from policy_atlas.core.sources import Source
from policy_atlas.core.taxonomy import Taxonomy
from policy_atlas.core.text import words

GOOD = {
    "format": FORMAT,
    "slug": "s",
    "source": "s.txt",
    "source_sha256": "a",
    "page_sha256": "b",
    "clauses": 1,
    "source_notes": [],
    "set_aside": [{"kind": "furniture", "text": "Page 1 of 2", "lines": [40]}],
}


@pytest.mark.parametrize(
    ("record", "messages"),
    [
        pytest.param(GOOD, [], id="valid"),
        pytest.param({**GOOD, "format": "1"}, ["front matter: policy_atlas.format must be int"], id="wrong-type"),
        pytest.param({k: v for k, v in GOOD.items() if k != "slug"}, ["front matter: policy_atlas.slug must be str"], id="missing"),
        pytest.param({**GOOD, "colour": "red"}, ["front matter: unknown key policy_atlas.colour"], id="unknown"),
        pytest.param(
            {k: v for k, v in GOOD.items() if k != "set_aside"},
            ["front matter: policy_atlas.set_aside must be list"],
            id="no-set-aside",
        ),
        pytest.param(
            {**{k: v for k, v in GOOD.items() if k != "set_aside"}, "format": 1}, [], id="older-format-without-set-aside"
        ),
        pytest.param(
            {**GOOD, "set_aside": [{"kind": "margin", "text": "x", "lines": [1]}, {"kind": "cover", "text": "x", "lines": []}]},
            [
                "front matter: policy_atlas.set_aside[0] must be {kind: cover, furniture or form, text, lines: [line numbers]}",
                "front matter: policy_atlas.set_aside[1] must be {kind: cover, furniture or form, text, lines: [line numbers]}",
            ],
            id="bad-set-aside",
        ),
    ],
)
def test_front_matter_record_is_checked(record: dict[str, object], messages: list[str]) -> None:
    found = front_matter_problems({FRONT_MATTER_KEY: record}, "policies/s.md")
    assert [d.message for d in found] == messages
    assert all(str(d).startswith("policies/s.md: ") for d in found)


def _page(body: str, source: bytes) -> str:
    meta = PolicyMeta(slug="s", school="S", title="T", source_file="source_policies/s.txt")
    page = render_page(Source(meta, Path("s.txt"), None), source, parse_document(body, "s.md").blocks, ())
    assert page.endswith(body)
    return page


def _format_2(page: str) -> str:
    """The page as the previous format wrote it: its hash covers the body only."""
    front, body, _ = split_front_matter(page)
    record = dict(front[FRONT_MATTER_KEY])
    legacy = {
        "format": 2, "slug": record["slug"], "source": record["source"], "source_sha256": record["source_sha256"],
        "body_sha256": sha256_hex(canonical_body(body).encode("utf-8")),
        "source_notes": record["source_notes"], "set_aside": record["set_aside"],
    }
    return f"---\n{render_front_matter({FRONT_MATTER_KEY: legacy})}---\n{body}"


BODY = "\n§ 1 {#s/1 lines=1 topics=images}\nStaff must ask.\n"


@pytest.mark.parametrize(
    ("page", "source", "state"),
    [
        pytest.param(None, b"x", PageState.MISSING, id="missing"),
        pytest.param(_page(BODY, b"x"), b"x", PageState.CURRENT, id="current"),
        pytest.param(_page(BODY, b"x"), b"y", PageState.STALE, id="stale"),
        pytest.param(_page(BODY, b"x").replace("Staff must ask.", "Staff must ask first."), b"x", PageState.EDITED, id="edited"),
        pytest.param(_page(BODY, b"x").replace("topics=images", "topics=images,+discipline,-images"), b"x", PageState.CURRENT, id="overrides-are-not-edits"),
        pytest.param("# A page of my own\n", b"x", PageState.FOREIGN, id="foreign"),
        pytest.param(_format_2(_page(BODY, b"x")), b"x", PageState.STALE, id="older-format"),
        pytest.param(_format_2(_page(BODY, b"x")).replace("Staff must ask.", "Staff must ask first."), b"x", PageState.EDITED, id="older-format-edited"),
    ],
)
def test_page_state(page: str | None, source: bytes, state: PageState) -> None:
    assert page_state(page, source) is state


def test_page_set_aside_reads_good_entries_and_skips_bad_ones() -> None:
    record = {
        **GOOD,
        "set_aside": [
            {"kind": "cover", "text": "Approved by: the governors", "lines": [3]},
            {"kind": "furniture", "text": "Oakfield School", "lines": [40, 80, 120]},
            {"kind": "furniture", "text": "no lines", "lines": [True]},
            "Page 3",
        ],
    }
    assert page_set_aside(record) == (
        SetAside("cover", "Approved by: the governors", (3,)),
        SetAside("furniture", "Oakfield School", (40, 80, 120)),
    )


# What ingest set aside travels from the source, through the page, to a build and the open data.

FOOTER = "Oakfield Primary School · 1 Mill Lane · Page {n} of 3"
PAGE = "Staff must keep their accounts private and must not accept requests from pupils.\n" * 6
SOURCE = (
    "Oakfield Primary School\n\nSocial Media Policy\n\nApproved by: the governing body\n\n"
    "Conduct\n\n" + "".join(f"{PAGE}\n{FOOTER.format(n=n)}\n\f" for n in (1, 2, 3))
)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    sources, pages = tmp_path / "source_policies", tmp_path / "docs" / "policies"
    sources.mkdir(parents=True)
    (sources / "oakfield.txt").write_text(SOURCE, encoding="utf-8")
    return sources, pages


def test_set_aside_lines_reach_the_page_and_the_build(tmp_path: Path) -> None:
    sources, pages = _project(tmp_path)
    results, problems = normalise(sources, pages, Taxonomy(()))
    assert [r.action for r in results] == ["written"] and problems == []
    school = load_corpus(sources, pages).schools[0]
    footer_lines = tuple(n for n, line in enumerate(SOURCE.split("\n"), 1) if line.startswith("Oakfield Primary School ·"))
    assert school.set_aside == (
        SetAside("cover", "Oakfield Primary School", (1,)),
        SetAside("cover", "Social Media Policy", (3,)),
        SetAside("cover", "Approved by: the governing body", (5,)),
        *(SetAside("furniture", FOOTER.format(n=n), (line,)) for n, line in zip((1, 2, 3), footer_lines, strict=True)),
    )
    assert [h.text for h in school.blocks if isinstance(h, Heading)] == ["Conduct"]
    assert not any("Oakfield" in c.text for c in school.clauses)
    (note,) = [n for n in school.source_notes if "furniture" in n]
    assert note.startswith(f"line {footer_lines[0]}: “{FOOTER.format(n=1)}” (its number changing) recurs on 3 lines")


def test_normalise_still_refuses_to_overwrite_an_edited_page(tmp_path: Path) -> None:
    sources, pages = _project(tmp_path)
    normalise(sources, pages, Taxonomy(()))
    page = pages / "oakfield.md"
    page.write_text(page.read_text(encoding="utf-8").replace("must keep", "must always keep", 1), encoding="utf-8")
    results, _ = normalise(sources, pages, Taxonomy(()))
    assert [r.action for r in results] == ["refused"]


def test_clauses_json_lists_each_document_with_what_was_set_aside(tmp_path: Path) -> None:
    sources, pages = _project(tmp_path)
    normalise(sources, pages, Taxonomy(()))
    schools = load_corpus(sources, pages).schools
    data = json.loads(to_json(clause_records(schools), document_records(schools)))
    (document,) = data["documents"]
    assert document["school"] == "oakfield" and document["file"] == "oakfield.txt"
    assert document["set_aside"][0] == {"kind": "cover", "text": "Oakfield Primary School", "lines": [1]}
    assert {record["kind"] for record in document["set_aside"]} == {"cover", "furniture"}
    kept = Counter(w for r in data["clauses"] for w in words(f"{r['number'] or ''} {r['text']}"))
    kept += Counter(w for h in schools[0].blocks if isinstance(h, Heading) for w in words(h.text))
    aside = Counter(w for r in document["set_aside"] for _ in r["lines"] for w in words(r["text"]))
    assert kept + aside == Counter(words(SOURCE))


@settings(max_examples=200, deadline=None)
@example([("furniture", "Page\x85 3", [4]), ("cover", "a\u2028b", [1, 9]), ("cover", "'2026'", [2])])
@given(st.lists(st.tuples(st.sampled_from(["cover", "furniture"]), st.text(min_size=1), st.lists(st.integers(1, 10**6), min_size=1)), max_size=5))
def test_set_aside_survives_the_page_front_matter(entries: list[tuple[str, str, list[int]]]) -> None:
    """Whatever text a source line holds, the page gives it back exactly."""
    written = tuple(SetAside(kind, text, tuple(lines)) for kind, text, lines in entries)
    meta = PolicyMeta(slug="s", school="S", title="T", source_file="source_policies/s.txt")
    page = render_page(Source(meta, Path("s.txt"), None), b"x", (), (), written)
    front, _, _ = split_front_matter(page)
    assert page_set_aside(front[FRONT_MATTER_KEY]) == written
    assert front_matter_problems(front, "s.md") == []


# Any edit to a page, front matter included, is an edit: `normalise` refuses to overwrite it.

FRONT_MATTER_EDITS = [
    pytest.param(lambda page: "---\nhide:\n  - toc\n" + page[4:], id="hide-added"),
    pytest.param(lambda page: "---\ndescription: Our policy, as the governors approved it\n" + page[4:], id="description-added"),
    pytest.param(lambda page: page.replace("text: 'Approved by: the governing body'", "text: 'Approved by: the full governing body'", 1), id="set-aside-text"),
    pytest.param(lambda page: page.replace("\n---\n", "\n# checked by the bursar\n---\n", 1), id="comment-added"),
]


def _rewrite(page: Path, edit: object) -> None:
    assert callable(edit)
    text = page.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    page.write_text(edited, encoding="utf-8")


def _source_changed(sources: Path) -> None:
    """A new version of the source: `normalise` would write the page again."""
    (sources / "oakfield.txt").write_text(SOURCE + "\nStaff must log out of shared devices.\n", encoding="utf-8")


@pytest.mark.parametrize("edit", FRONT_MATTER_EDITS)
def test_normalise_refuses_to_overwrite_a_front_matter_edit(tmp_path: Path, edit: object) -> None:
    sources, pages = _project(tmp_path)
    normalise(sources, pages, Taxonomy(()))
    page = pages / "oakfield.md"
    _rewrite(page, edit)
    edited = page.read_bytes()
    for change in (lambda: None, lambda: _source_changed(sources)):
        change()
        results, _ = normalise(sources, pages, Taxonomy(()))
        assert [r.action for r in results] == ["refused"] and "edited by hand" in results[0].reason
        assert page.read_bytes() == edited
    assert load_corpus(sources, pages).schools[0].edited


def _as_written_by_format_2(page: Path) -> None:
    page.write_text(_format_2(page.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_page_of_the_previous_format_is_written_again_unless_edited(tmp_path: Path) -> None:
    """Pages written before the hash covered the whole page are not all taken for edited pages."""
    sources, pages = _project(tmp_path)
    normalise(sources, pages, Taxonomy(()))
    page = pages / "oakfield.md"
    current = page.read_bytes()
    _as_written_by_format_2(page)
    assert page_state(page.read_text(encoding="utf-8"), (sources / "oakfield.txt").read_bytes()) is PageState.STALE
    results, _ = normalise(sources, pages, Taxonomy(()))
    assert [r.action for r in results] == ["written"] and page.read_bytes() == current


@pytest.mark.parametrize(
    "edit",
    [
        *FRONT_MATTER_EDITS[:2],
        FRONT_MATTER_EDITS[3],
        pytest.param(lambda page: page.replace("must keep", "must always keep", 1), id="body"),
    ],
)
def test_an_edit_to_a_page_of_the_previous_format_is_still_an_edit(tmp_path: Path, edit: object) -> None:
    sources, pages = _project(tmp_path)
    normalise(sources, pages, Taxonomy(()))
    page = pages / "oakfield.md"
    _as_written_by_format_2(page)
    _rewrite(page, edit)
    edited = page.read_bytes()
    results, _ = normalise(sources, pages, Taxonomy(()))
    assert [r.action for r in results] == ["refused"] and page.read_bytes() == edited


def test_a_school_with_a_folder_of_versions_gets_one_page_from_its_newest(tmp_path: Path) -> None:
    sources, pages = tmp_path / "source_policies", tmp_path / "docs" / "policies"
    (sources / "oakfield").mkdir(parents=True)
    (sources / "oakfield" / "2023-09.txt").write_text("1. Staff should not post photos of pupils.\n", encoding="utf-8")
    (sources / "oakfield" / "2025-09.txt").write_text("1. Staff must not post photos of pupils.\n", encoding="utf-8")
    results, problems = normalise(sources, pages, Taxonomy(()))
    assert [(r.slug, r.action) for r in results] == [("oakfield", "written")] and problems == []
    front, _, _ = split_front_matter((pages / "oakfield.md").read_text(encoding="utf-8"))
    assert front[FRONT_MATTER_KEY]["source"] == "oakfield/2025-09.txt"
    corpus = load_corpus(sources, pages)
    (school,) = corpus.schools
    assert [c.text for c in school.clauses] == ["Staff must not post photos of pupils."]
    assert [v.label for v in school.versions] == ["2023-09", "2025-09"]
    assert school.source_name == "oakfield/2025-09.txt" and corpus.diagnostics == ()
