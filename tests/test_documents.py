"""Word and PDF files read as a school publishes them: numbering, headings, tables, page
furniture and contents lists, and one clear line for a file that cannot be read.

The Larkfield fixtures are one policy saved by LibreOffice as Word and as PDF (see
``fixtures/documents/make_fixtures.py``): the expectations below are counted by hand from that
text, and both formats must give the same clauses.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from policy_atlas.core.documents import REFUSED_SUFFIXES, read_document
from policy_atlas.core.clausetag import format_tag, parse_document, write_blocks
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Heading, PolicyAtlasError, Policy
from policy_atlas.core.sources import discover_sources
from policy_atlas.core.text import words

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
WORD = DOCUMENTS / "larkfield-academy.docx"
PDF = DOCUMENTS / "larkfield-academy.pdf"

SECTIONS = ["1. Purpose and scope", "2. Contact with pupils", "3. Personal devices", "4. Images of pupils", "5. Breaches of this policy", "6. Guidance for staff"]
CLAUSES_PER_SECTION = {"1": 2, "2": 4, "3": 3, "4": 3, "5": 2, "6": 24}
CONTENTS_LINES = 7  # "Contents" and its six entries


def read(path: Path) -> tuple[str, Policy]:
    text = read_document(path.read_bytes(), f"source_policies/{path.name}").text
    return text, parse_policy(text, "larkfield", f"source_policies/{path.name}")


def numbered(policy: Policy) -> list[str]:
    return [c.number for c in policy.clauses if c.number and re.fullmatch(r"\d+\.\d+", c.number)]


@pytest.mark.parametrize("path", [WORD, PDF], ids=["word", "pdf"])
def test_headings_are_the_documents_sections_at_one_level(path: Path) -> None:
    _, policy = read(path)
    headings = [b for b in policy.blocks if isinstance(b, Heading)]
    assert [h.text for h in headings if h.text in SECTIONS] == SECTIONS
    assert len({h.level for h in headings if h.text in SECTIONS}) == 1
    assert not [h.text for h in headings if h.text not in SECTIONS and h.text != "Activity Allowed Not allowed"]


@pytest.mark.parametrize("path", [WORD, PDF], ids=["word", "pdf"])
def test_automatic_numbering_is_the_number_the_reader_sees(path: Path) -> None:
    _, policy = read(path)
    expected = [f"{section}.{n}" for section, count in CLAUSES_PER_SECTION.items() for n in range(1, count + 1)]
    assert numbered(policy) == expected
    lettered = [c for c in policy.clauses if c.number in ("(a)", "(b)")]
    assert [c.number for c in lettered] == ["(a)", "(b)"]
    assert all(c.text.startswith(("Former pupils", "Staff should think")) for c in lettered)
    assert not [d for d in policy.diagnostics if d.code.startswith("number")], policy.diagnostics


@pytest.mark.parametrize("path", [WORD, PDF], ids=["word", "pdf"])
def test_no_clause_is_empty_a_page_number_or_a_table_mark(path: Path) -> None:
    _, policy = read(path)
    for clause in policy.clauses:
        assert clause.text.strip(" X|"), clause
        assert not re.search(r"\bPage \d+ of \d+\b", clause.text), clause
        assert "Larkfield Academy ·" not in clause.text, clause
        assert not re.fullmatch(r"[X✓✔✗]( [X✓✔✗])*", clause.text.strip()), clause


def test_pdf_running_header_and_page_footers_are_furniture() -> None:
    text, policy = read(PDF)
    assert text.count("\f") == 2  # three pages
    furniture = {r.text: r.lines for r in policy.set_aside if r.kind == "furniture"}
    assert len(furniture["Larkfield Academy · Social Media Policy · Reviewed September 2025"]) == 3
    assert [t for t in furniture if t.startswith("Page ")] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]


@pytest.mark.parametrize("path", [WORD, PDF], ids=["word", "pdf"])
def test_contents_list_and_signature_block_are_set_aside(path: Path) -> None:
    _, policy = read(path)
    aside = [r.text for r in policy.set_aside]
    assert "Contents" in aside
    assert sum(1 for t in aside if re.fullmatch(r"\d\. .+ \d", t)) == CONTENTS_LINES - 1
    assert any(t.startswith("Signed:") for t in aside) and any(t.startswith("Date:") for t in aside)
    assert any(d.code == "contents-list" for d in policy.diagnostics)


def test_word_table_rows_name_their_columns_and_are_never_headings() -> None:
    text, policy = read(WORD)
    assert "Activity: Using a personal phone in class | Not allowed: X" in text.split("\n")
    rows = [c for c in policy.clauses if c.text.startswith("Activity: ")]
    assert len(rows) == 3
    assert not [b for b in policy.blocks if isinstance(b, Heading) and "|" in b.text]


def test_word_and_pdf_give_the_same_clauses() -> None:
    def body(policy: Policy) -> list[tuple[str | None, str]]:
        return [(c.number, c.text) for c in policy.clauses if c.number]

    assert body(read(WORD)[1]) == body(read(PDF)[1])


def _rewrite_document_xml(data: bytes, change: dict[str, str]) -> bytes:
    """The same .docx with its document.xml edited by plain replacement."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = content.decode("utf-8")
                for old, new in change.items():
                    assert old in xml, old
                    xml = xml.replace(old, new, 1)
                content = xml.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def test_tracked_changes_are_read_as_accepted_with_a_note() -> None:
    original = WORD.read_bytes()
    sentence = "Staff may use their own mobile phones during breaks, away from pupils."
    xml_run = f"<w:t>{sentence}</w:t>"
    edited = _rewrite_document_xml(
        original,
        {xml_run: f'<w:t>{sentence}</w:t></w:r><w:del w:id="90" w:author="A"><w:r><w:delText> Deleted words.</w:delText></w:r></w:del>'
                  f'<w:ins w:id="91" w:author="A"><w:r><w:t xml:space="preserve"> Inserted words.</w:t></w:r></w:ins><w:r><w:t></w:t>'},
    )
    found = read_document(edited, "source_policies/x.docx")
    assert f"3.1 {sentence} Inserted words." in found.text
    assert "Deleted words" not in found.text
    assert [d.code for d in found.diagnostics] == ["tracked-changes"]
    assert not read_document(original, "source_policies/x.docx").diagnostics


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("s.pdf", (DOCUMENTS / "scanned-image.pdf").read_bytes(), "has no text layer on its page (a scanned image): run it through OCR", id="scanned"),
        pytest.param("s.pdf", (DOCUMENTS / "password-protected.pdf").read_bytes(), "is password-protected", id="password-pdf"),
        pytest.param("s.pdf", b"%PDF-1.7\nnot really\n", "cannot be read as a PDF", id="damaged-pdf"),
        pytest.param("s.pdf", b"Staff must not.\n", "is not a PDF file", id="text-named-pdf"),
        pytest.param("s.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "password-protected Word file or an old Word (.doc) file", id="doc-named-docx"),
        pytest.param("s.docx", b"PK\x03\x04broken", "cannot be read as a Word document", id="damaged-docx"),
        pytest.param("s.docx", b"Staff must not.\n", "is not a Word document (.docx)", id="text-named-docx"),
        pytest.param("s.doc", b"\xd0\xcf\x11\xe0", "old Word (.doc) file: open it in Word or LibreOffice and save it as a Word document (.docx)", id="doc"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_in_one_line(name: str, data: bytes, message: str) -> None:
    with pytest.raises(PolicyAtlasError) as caught:
        read_document(data, f"source_policies/{name}")
    shown = str(caught.value)
    assert shown.startswith(f"source_policies/{name}: ") and message in shown
    assert "\n" not in shown


def test_a_word_document_with_no_text_is_refused() -> None:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    with pytest.raises(PolicyAtlasError, match="has no text"):
        read_document(out.getvalue(), "source_policies/empty.docx")


def test_sources_of_every_kind_are_found_and_other_office_files_refused(tmp_path: Path) -> None:
    (tmp_path / "alpha.txt").write_text("1. Staff must not befriend pupils.\n", encoding="utf-8")
    (tmp_path / "beta.docx").write_bytes(WORD.read_bytes())
    (tmp_path / "gamma.pdf").write_bytes(PDF.read_bytes())
    (tmp_path / "delta.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "twice.txt").write_text("Staff must not.\n", encoding="utf-8")
    (tmp_path / "twice.pdf").write_bytes(PDF.read_bytes())
    sources, problems = discover_sources(tmp_path)
    assert [s.path.name for s in sources] == ["alpha.txt", "beta.docx", "gamma.pdf"]
    shown = {d.path.rsplit("/", 1)[-1]: (d.code, d.message) for d in problems}
    assert shown["delta.doc"] == ("refused-source", f"is {REFUSED_SUFFIXES['.doc']}; this policy is left out")
    assert shown["twice.pdf"][0] == "two-sources" and "twice.pdf and twice.txt are two files for one policy" in shown["twice.pdf"][1]


def test_every_clause_keeps_its_place_in_the_extracted_text() -> None:
    """Line numbers point into the extracted text, which a reader can see on the school's page."""
    text, policy = read(WORD)
    lines = text.split("\n")
    for clause in policy.clauses:
        assert isinstance(clause, Clause) and clause.source is not None
        assert clause.text.split()[0] in lines[clause.source.line_start - 1]


CONTENTS_IN_TEXT = """Social Media Policy

Contents
1. Introduction 2
2. Use of phones 3
3. Breaches 5

1. Introduction
1.1 This policy applies to all staff.
2. Use of phones
2.1 Staff must not use personal phones in class.
3. Breaches
3.1 A breach may lead to disciplinary action.
"""

LEADERS_WITHOUT_TITLE = """Introduction ........ 2
Use of phones ....... 3
Breaches ............ 5

Introduction
Staff must read this policy.
"""

MARKS_UNDER_ROWS = """Phones
Use | Allowed
Personal phone in the staff room
X
Personal phone in class
✗
"""


def test_a_contents_list_in_text_is_furniture_and_numbers_do_not_clash() -> None:
    policy = parse_policy(CONTENTS_IN_TEXT, "t", "t.txt")
    assert [c.number for c in policy.clauses] == ["1.1", "2.1", "3.1"]
    furniture = [r.text for r in policy.set_aside if r.kind == "furniture"]
    assert furniture == ["Contents", "1. Introduction 2", "2. Use of phones 3", "3. Breaches 5"]
    assert not [d for d in policy.diagnostics if "used again" in d.message]


def test_dot_leaders_mark_a_contents_list_without_a_title() -> None:
    policy = parse_policy(LEADERS_WITHOUT_TITLE, "t", "t.txt")
    assert len([r for r in policy.set_aside if r.kind == "furniture"]) == 3
    assert [c.text for c in policy.clauses] == ["Staff must read this policy."]


def test_a_table_of_marks_is_a_form_never_clauses_or_headings() -> None:
    """A mark alone on its line belongs to the row above; the rows and the table's head are set aside."""
    policy = parse_policy(MARKS_UNDER_ROWS, "t", "t.txt")
    assert not [b for b in policy.blocks if isinstance(b, Heading)]
    assert not policy.clauses
    assert [(r.text, r.lines) for r in policy.set_aside if r.kind == "form"] == [
        ("Phones", (1,)), ("Use | Allowed", (2,)), ("Personal phone in the staff room", (3,)), ("X", (4,)),
        ("Personal phone in class", (5,)), ("✗", (6,)),
    ]


def test_every_pdf_clause_names_the_page_it_is_printed_on() -> None:
    """A reader with the PDF in hand finds each clause on the page it cites; a Word file has no
    fixed pages, so its clauses cite none."""
    text, policy = read(PDF)
    pages = text.split("\f")
    assert len(pages) == 3
    cited = {c.source.page_start for c in policy.clauses if c.source}
    assert cited == {1, 2, 3}
    for clause in policy.clauses:
        assert clause.source is not None and clause.source.page_start is not None and clause.source.page_end is not None
        first, last = clause.source.page_start, clause.source.page_end
        printed = " ".join(" ".join(pages[first - 1 : last]).split())
        assert " ".join(clause.text.split()[:6]) in printed, (clause.id, first, last)
    _, word = read(WORD)
    assert all(c.source is not None and c.source.pages is None for c in word.clauses)


def test_a_clause_across_a_page_break_cites_both_pages_and_its_tag_keeps_them() -> None:
    text = "1. Scope\n\n1.1 Staff must not accept friend requests from pupils on any\n\fsocial media site.\n\n1.2 Staff may use school cameras.\n"
    policy = parse_policy(text, "paged", "paged.txt")
    spans = {c.number: c.source for c in policy.clauses}
    assert spans["1.1"] is not None and spans["1.1"].pages == "1-2"
    assert spans["1.2"] is not None and spans["1.2"].pages == "2"
    tag = format_tag(policy.clauses[0], 0)
    assert "pages=1-2" in tag
    read_back = parse_document(write_blocks(policy.blocks), "paged.md", "paged.txt")
    assert [c.source for c in read_back.blocks if isinstance(c, Clause)] == [c.source for c in policy.clauses]
    assert not read_back.diagnostics
    assert all(c.source is not None and c.source.pages is None for c in parse_policy(text.replace("\f", ""), "flat", "flat.txt").clauses)


@pytest.mark.parametrize("pages", ["x", "3-", "-3", "99999999999", "2-1"])
def test_a_hand_edited_pages_attribute_never_stops_a_page(pages: str) -> None:
    """An odd ``pages=`` in a hand-edited tag is read as no pages (or the pages it can mean), never an error."""
    body = f"§ 1 {{#s/1 lines=3 pages={pages}}}\nStaff must not share passwords.\n"
    parsed = parse_document(body, "s.md", "s.txt")
    (clause,) = [b for b in parsed.blocks if isinstance(b, Clause)]
    assert clause.source is not None and clause.source.line_start == 3
    assert clause.source.pages in (None, "2")


# --- a PDF's layout (fixtures made by fixtures/documents/make_layout_fixtures.py) ----------------

LAYOUT = {name: DOCUMENTS / f"layout-{name}.pdf" for name in ("two-columns", "table", "running-header", "hyphenated")}


def read_layout(name: str) -> tuple[str, Policy]:
    return read(LAYOUT[name])


def accounted_words(policy: Policy) -> Counter[str]:
    """Every word ingest kept or set aside: headings, clause numbers and texts, set-aside lines."""
    found: Counter[str] = Counter()
    for block in policy.blocks:
        found.update(words(block.text) if isinstance(block, Heading) else words(block.number or "") + words(block.text))
    for record in policy.set_aside:
        found.update({word: count * len(record.lines) for word, count in Counter(words(record.text)).items()})
    return found


@pytest.mark.parametrize("name", LAYOUT)
def test_every_word_a_layout_reading_gives_ends_in_a_clause_heading_or_set_aside(name: str) -> None:
    text, policy = read_layout(name)
    assert accounted_words(policy) == Counter(words(text))
    assert all(c.text.strip() for c in policy.clauses)


def test_two_columns_are_read_left_column_first_whatever_the_stored_order() -> None:
    text, policy = read_layout("two-columns")
    first_page, second_page = text.split("\f")
    assert first_page.startswith("Column Reading Test\n")
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\. Paragraph", first_page)]
    assert numbers == list(range(1, 17))
    # On the second page the file stores the right frame first; the reader reads the left first.
    frames = re.findall(r"(?m)^(Left|Right) frame line (\w+)", second_page)
    assert frames == [("Left", w) for w in ("alpha", "bravo", "charlie", "delta", "echo")] + [("Right", w) for w in ("foxtrot", "golf", "hotel", "india", "juliet")]
    assert second_page.lstrip("\n").startswith("Frames in stored order right then left\n")
    assert [c.number for c in policy.clauses if c.number] == [f"{n}." for n in range(1, 17)]


TABLE_LINES = [
    "Activity: Using a personal phone in the staff room during a break | Allowed: X",
    "Activity: Using a personal phone in class | Not allowed: X",
    "Activity: Photographing pupils on a personal device at any time, in school or on a trip with pupils | Not allowed: X",
    "Activity: Posting about a school trip on the school's own account, once every parent has agreed | Allowed: X | Not allowed: Only with consent",
]


def test_a_ruled_table_is_read_row_by_row_its_cells_named_as_a_word_tables_are() -> None:
    text, policy = read_layout("table")
    lines = [line for line in text.split("\n") if line]
    start = lines.index(TABLE_LINES[0])
    assert lines[start : start + 4] == TABLE_LINES  # wrapped cells whole, empty cells left out
    assert lines[start - 1] == "The table below says which uses of a personal phone are allowed."
    assert lines[start + 4].startswith("Staff who are unsure")
    assert [c.text for c in policy.clauses if "|" in c.text] == TABLE_LINES
    assert not [b for b in policy.blocks if isinstance(b, Heading) and ("|" in b.text or b.text.strip() == "X")]


def test_running_header_and_footer_are_set_aside_and_the_heading_with_the_same_words_is_kept() -> None:
    text, policy = read_layout("running-header")
    pages = text.split("\f")
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.split("\n") if line]
        assert lines[0] == "‖ Online Safety"  # the header, first on its page, marked: the body has its words
        assert lines[-1] == f"Page {number} of 3"  # the footer, last
    headings = [b.text for b in policy.blocks if isinstance(b, Heading)]
    assert headings == ["Purpose", "Online Safety", "Review"]
    furniture = {r.text: len(r.lines) for r in policy.set_aside if r.kind == "furniture"}
    assert furniture == {"‖ Online Safety": 3, "Page 1 of 3": 1, "Page 2 of 3": 1, "Page 3 of 3": 1}
    assert len(policy.clauses) == 29 + 15 + 29
    assert not [c for c in policy.clauses if "Page " in c.text or c.text.startswith("‖")]


def test_words_broken_at_line_ends_are_joined_and_real_hyphens_kept() -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(LAYOUT["hyphenated"].read_bytes())
    stored = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    # The file does break words at line ends, and a compound's own hyphen falls at one too.
    assert len(re.findall(r"\w[\ufffe\x02]", stored)) >= 8
    assert re.search(r"well[\ufffe\x02]being|e[\ufffe\x02]safety", stored)
    text, _ = read_layout("hyphenated")
    found = Counter(words(text.replace("-", "HYPHEN")))
    for word, count in {"safeguarding": 12, "responsibilities": 12, "communication": 12, "photographs": 12, "appropriate": 12, "technology": 12, "eHYPHENsafety": 24, "wellHYPHENbeing": 24}.items():
        assert found[word] == count, word
    assert "\x02" not in text and "\ufffe" not in text


@pytest.mark.parametrize(
    ("head", "tail", "elsewhere", "kept"),
    [
        ("safe", "guarding", "", False),  # the lexicon knows the whole word
        ("e", "safety", "", True),  # one letter before the hyphen: a prefix
        ("well", "being", "", True),  # two words, and the lexicon has no "wellbeing"
        ("well", "being", "our wellbeing matters", False),  # the document writes it whole
        ("cyber", "bullying", "cyber-bullying is wrong", True),  # the document writes it hyphenated
        ("self", "ie", "", False),  # a part that is no word: a broken word
    ],
)
def test_a_line_end_hyphen_is_kept_only_when_it_is_the_words_own(head: str, tail: str, elsewhere: str, kept: bool) -> None:
    from policy_atlas.core.documents import _word_forms
    from policy_atlas.core.pdflayout import keeps_hyphen

    hyphenated, whole = _word_forms([elsewhere])
    assert keeps_hyphen(head, tail, hyphenated, whole) is kept


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        pytest.param([("Appendix E: Staff and Volunteer", True)], "Appendix E: Staff and Volunteer ", id="wrapped-keeps-its-space"),
        pytest.param([("Appendix E: Staff and Volunteer", False)], "Appendix E: Staff and Volunteer", id="line-ends-where-it-ends"),
        pytest.param([("Name", False), ("Class", True)], "Name Class ", id="last-segment-decides"),
        pytest.param([("keeps pupils safe-", True)], "keeps pupils safe-", id="broken-word-joins-by-its-hyphen"),
    ],
)
def test_a_wrapped_pdf_line_keeps_the_space_pdfium_ended_it_with(segments: list[tuple[str, bool]], expected: str) -> None:
    """Ingest joins a wrapped division heading only where the layout wrapped it: the trailing space says so."""
    from policy_atlas.core.pdflayout import Segment, _visual_lines

    row = [Segment(text, 72.0 + 200 * i, 700.0, 250.0 + 200 * i, 712.0, 11.0, soft_end=soft) for i, (text, soft) in enumerate(segments)]
    assert [line.text for line in _visual_lines(row)] == [expected]


def test_the_text_cache_reads_a_layout_pdf_once(tmp_path: Path) -> None:
    from policy_atlas.core.cache import TextCache

    data = LAYOUT["running-header"].read_bytes()
    first = TextCache(tmp_path).read(data, "source_policies/x.pdf")
    again = TextCache(tmp_path)
    assert again.read(data, "source_policies/x.pdf") == first
    assert (again.hits, again.misses) == (1, 0)


def test_the_text_caches_key_covers_the_layout_reading() -> None:
    """A change to how a PDF's layout is read must read every PDF again, never serve old text."""
    from policy_atlas.core.cache import reading_modules

    assert {"documents.py", "pdflayout.py", "lexicon.py"} <= {path.name for path in reading_modules("documents")}


def test_a_turned_page_is_read_in_stored_order_with_every_word() -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(LAYOUT["table"].read_bytes())
    document[0].set_rotation(90)
    out = io.BytesIO()
    document.save(out)
    stored = document[0].get_textpage().get_text_range()
    document.close()
    text = read_document(out.getvalue(), "source_policies/turned.pdf").text
    assert Counter(words(text)) == Counter(words(stored))
    assert "|" not in text  # no layout reading: the table's cells as the file stores them
