"""A school's Word and PDF files, dropped into source_policies/ as published, build a strict site.

The Larkfield fixtures (one policy saved as Word and as PDF) sit beside the text corpus; the
strict build passes, each school page numbers its clauses as the document does, keeps the PDF's
running header and page numbers out of the text, and links both the original file and the text
read from it, which are published in ``data/sources/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitekit import CORPUS, build, clauses_json, make_project, normalise, school_html

from policy_atlas.core import documents
from policy_atlas.core.sanitise import visible_text

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
SOURCES: dict[str, str | bytes] = {
    **CORPUS,
    "larkfield-word.docx": (DOCUMENTS / "larkfield-academy.docx").read_bytes(),
    "larkfield-word.yml": "school: Larkfield Academy (Word)\n",
    "larkfield-pdf.pdf": (DOCUMENTS / "larkfield-academy.pdf").read_bytes(),
    "larkfield-pdf.yml": "school: Larkfield Academy (PDF)\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("documents") / "project", SOURCES)
    assert normalise(project) == 0
    return build(project)


@pytest.mark.parametrize(("slug", "source"), [("larkfield-word", "larkfield-word.docx"), ("larkfield-pdf", "larkfield-pdf.pdf")])
def test_word_and_pdf_sources_are_published_with_the_text_read_from_them(site: Path, slug: str, source: str) -> None:
    published = site / "data" / "sources" / source
    assert published.read_bytes() == SOURCES[source]
    extracted = (site / "data" / "sources" / f"{source}.txt").read_text(encoding="utf-8")
    assert "2.1 Staff must not accept friend requests" in extracted
    html = school_html(site, slug)
    assert f'href="../../data/sources/{source}"' in html
    assert f'href="../../data/sources/{source}.txt"' in html


@pytest.mark.parametrize("slug", ["larkfield-word", "larkfield-pdf"])
def test_school_pages_number_clauses_as_the_document_does_without_furniture(site: Path, slug: str) -> None:
    records = [r for r in clauses_json(site) if r["school"] == slug]
    numbers = [r["number"] for r in records if r["number"]]
    assert numbers[:4] == ["1.1", "1.2", "2.1", "(a)"]
    assert "6.24" in numbers
    text = visible_text(school_html(site, slug))
    clause_text = " ".join(r["text"] for r in records)
    assert "Page 2 of 3" not in clause_text and "Reviewed September 2025" not in clause_text
    assert "Staff must not accept friend requests from current pupils" in text


def test_a_pdf_clause_links_to_its_page_of_the_original(site: Path) -> None:
    """Each clause of a PDF school cites its page, as a link that opens the PDF there; the
    open data carries the page too. A Word school's clauses cite no page."""
    records = {r["number"]: r for r in clauses_json(site) if r["school"] == "larkfield-pdf" and r["number"]}
    last = records["6.24"]["source"]
    assert last["page_start"] == last["page_end"] == 3
    assert records["1.1"]["source"]["page_start"] == 1
    html = school_html(site, "larkfield-pdf")
    assert 'href="../../data/sources/larkfield-pdf.pdf#page=3"' in html
    first = re.search(r'<a class="pa-clause__page" href="([^"]*)" aria-label="([^"]*)">([^<]*)</a>', html)
    assert first is not None
    assert first.groups() == ("../../data/sources/larkfield-pdf.pdf#page=1", "Open the original document at page 1 (clause 1.1, Larkfield Academy (PDF))", "p. 1")
    assert all(r["source"]["page_start"] is None for r in clauses_json(site) if r["school"] == "larkfield-word")
    assert "pa-clause__page" not in school_html(site, "larkfield-word")


def test_a_second_build_reads_no_document_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The text read from each Word and PDF file is kept in the project's cache: a build of
    unchanged sources publishes it without opening a document."""

    def never(*_: object) -> None:
        raise AssertionError("a document was read again")

    monkeypatch.setattr(documents, "pdf_text", never)
    monkeypatch.setattr(documents, "word_text", never)
    again = build(site.parent, site.parent / "site-again")
    for source in ("larkfield-word.docx", "larkfield-pdf.pdf"):
        assert (again / "data" / "sources" / f"{source}.txt").read_bytes() == (site / "data" / "sources" / f"{source}.txt").read_bytes()
