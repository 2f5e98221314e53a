"""A long PDF policy on a widely used template, dropped in as a new user would, read in Chromium
beside the PDF: the school page shows the document's headings at the level its outline gives them,
no running header or page number inside a clause, and every "p." link opens the page of the PDF
on which its clause starts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest
import yaml
from browserkit import REPO, SitePage, build_project_with, serve

pytestmark = pytest.mark.browser

DOCUMENTS = REPO / "tests" / "fixtures" / "documents"
PDF = DOCUMENTS / "template-online-safety.pdf"
RUNNING_HEADER = "Hollybrook Community School – Online Safety Policy"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's site in place of the project's own: conftest's ``site`` fixture serves it."""
    site = build_project_with(
        tmp_path_factory.mktemp("document-site"),
        {"hollybrook.pdf": PDF.read_bytes(), "hollybrook.yml": "school: Hollybrook Community School\n"},
    )
    with serve(site) as url:
        yield url


def words(text: str) -> str:
    """Text as two extractions can agree on it: lower case, one space between runs of letters and digits."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_the_school_page_reads_as_the_pdf_does(site: SitePage) -> None:
    page = site.goto("policies/hollybrook/")
    headings = page.eval_on_selector_all(
        "article :is(h2, h3, h4, h5, h6)", "els => els.map(e => [e.firstChild ? e.firstChild.textContent.trim() : '', Number(e.tagName[1])])"
    )
    outline = [(text, level) for text, level in yaml.safe_load((DOCUMENTS / "template-online-safety.headings.yml").read_text(encoding="utf-8"))["headings"]]
    shown = [(str(text), int(level)) for text, level in headings]
    at = 0
    for expected in outline:  # every heading of the document, in its order, at its level
        assert expected in shown[at:], expected
        at = shown.index(expected, at) + 1

    clauses = page.eval_on_selector_all("article .pa-clause__text", "els => els.map(e => e.innerText)")
    assert clauses, "no clause text found on the page"
    assert not [c for c in clauses if RUNNING_HEADER in c or re.search(r"[.!?;:]\s+\d{1,3}$", c.strip())]

    document = pdfium.PdfDocument(str(PDF))
    pages = [words(document[i].get_textpage().get_text_range()) for i in range(len(document))]
    links = page.eval_on_selector_all("article a.pa-clause__page", "els => els.map(e => [e.getAttribute('href'), e.getAttribute('aria-label')])")
    assert len(links) > 300
    for href, label in links:
        number = int(re.search(r"\.pdf#page=(\d+)$", href).group(1))  # type: ignore[union-attr]
        opening = words(re.search(r"clause “([^”]*?)…?”", label).group(1))  # type: ignore[union-attr]
        assert opening in pages[number - 1], (href, label)
    assert site.log.problems() == [] and site.log.external == []
