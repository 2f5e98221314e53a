"""A school's policy file, whatever its format, as the plain text ingest reads.

Schools publish PDF and Word files; ingest reads text shaped as a PDF or Word export leaves it
(one line per paragraph or printed line, bullets as glyphs, numbers in the text, pages begun by a
form feed). This module makes that text from the file itself, so a school's own document can be
dropped into ``source_policies/`` as it is:

- **Word** (``.docx``, python-docx for the package, the XML read here): each paragraph becomes
  a line, in document order, tables and content controls included. Word's automatic numbering
  is not in the text, so it is computed as Word shows it, from ``numbering.xml`` (levels, start
  values, restarts and level text such as ``%1.%2``); heading styles become Markdown headings
  (``## 2.1 Scope``), which ingest reads at the level they give; a table row becomes one line,
  its cells joined by ``" | "``. Tracked changes are read as accepted, with a note saying so.
- **PDF** (pypdfium2, PDFium's text layer): each page's text in reading order, each page after
  the first begun by a form feed as pdftotext does, so ingest's page-furniture rules see where
  pages meet.
- **Text** (``.txt``): decoded as ``decode.decode_source`` decodes it.

What cannot be read (an old ``.doc``, a password-protected or damaged file, a scanned PDF with
no text layer) raises PolicyAtlasError with one line saying what to do; the school is left
out and the others build. The words of the text made here are what the nothing-lost promise
covers: every one of them ends in a heading, a clause or the set-aside record.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .decode import UNFIT_IN_SOURCE, DecodedText, decode_source
from .model import Diagnostic, PolicyAtlasError, Severity
# Named imports (not ``from . import``): the text cache's key covers the modules named so.
from .pdflayout import (
    FURNITURE_MARK,
    TABLE_ROW,
    Page,
    Segment,
    furniture_key,
    keeps_hyphen,
    page_lines,
    read_page,
    read_rules,
    running_lines,
    unbreak_words,
)

TEXT_SUFFIX = ".txt"
WORD_SUFFIX = ".docx"
PDF_SUFFIX = ".pdf"
DOCUMENT_SUFFIXES = (TEXT_SUFFIX, WORD_SUFFIX, PDF_SUFFIX)
"""The kinds of file a school's policy may be given as."""

REFUSED_SUFFIXES: dict[str, str] = {
    ".doc": "an old Word (.doc) file: open it in Word or LibreOffice and save it as a Word document (.docx)",
    ".odt": "an OpenDocument (.odt) file: open it in LibreOffice or Word and save it as a Word document (.docx)",
    ".rtf": "a Rich Text (.rtf) file: open it in Word or LibreOffice and save it as a Word document (.docx)",
    ".pages": "an Apple Pages file: export it from Pages as a Word document (.docx) or PDF",
}
"""Formats a school may well publish that are not read, with what to do instead."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_PDF_SIGNATURE = b"%PDF-"
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")
_GLUED_NUMBER = re.compile(r"(?m)^(\d{1,3}(?:\.\d{1,3}){0,4}\.)(?=[A-Z])")
_MAX_HEADER_WORDS = 4
BULLET = "•"
CELL_SEPARATOR = " | "
PAGE_BREAK = "\f"


def read_document(data: bytes, path: str) -> DecodedText:
    """The text of one policy file, chosen by its suffix; PolicyAtlasError when it has none."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise PolicyAtlasError(path, f"this is {REFUSED_SUFFIXES[suffix]}")
    if suffix == WORD_SUFFIX:
        return word_text(data, path)
    if suffix == PDF_SUFFIX:
        return pdf_text(data, path)
    return decode_source(data, path)


def _require_words(text: str, path: str, what: str) -> None:
    if not any(ch.isalnum() for ch in text):
        raise PolicyAtlasError(path, what)


# --- Word ------------------------------------------------------------------------------------


def word_text(data: bytes, path: str) -> DecodedText:
    """A Word document's paragraphs, numbered and styled as Word shows them, as text."""
    if data.startswith(_OLE_SIGNATURE):
        raise PolicyAtlasError(
            path,
            "cannot be read: this is a password-protected Word file or an old Word (.doc) file; "
            "remove the password, or save it as a Word document (.docx), and try again",
        )
    if not data.startswith(_ZIP_SIGNATURE):
        raise PolicyAtlasError(path, "is not a Word document (.docx): open it in Word or LibreOffice and save it again as .docx")
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise PolicyAtlasError(
            path, f"cannot be read as a Word document ({type(error).__name__}): open it in Word or LibreOffice and save it again as .docx"
        ) from None
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged package
        raise PolicyAtlasError(path, f"cannot be read as a Word document (damaged: {type(error).__name__}): save it again as .docx") from None
    reader = _WordReader(document)
    lines = list(reader.lines(document.element.body))
    # A document's characters that carry no text (decode.UNFIT) part the words around them.
    text = UNFIT_IN_SOURCE.sub(" ", "\n\n".join(lines)).strip("\n") + "\n"
    _require_words(text, path, "has no text: the Word document is empty or holds only images")
    notes: tuple[Diagnostic, ...] = ()
    if reader.tracked_changes:
        notes = (
            Diagnostic(path, None, "tracked-changes", "has tracked changes: read as if all were accepted; accept or reject them in Word to be sure", Severity.NOTE),
        )
    return DecodedText(text, "docx", notes)


@dataclass
class _Level:
    """One level of a Word list: how its number is counted and shown."""

    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    legal: bool = False


class _Numbering:
    """Word's list numbering, counted as Word counts it.

    Lists that share an abstract numbering continue one another's count unless a list restarts
    a level (``startOverride``); a number at one level restarts every deeper level.
    """

    def __init__(self, document: Any) -> None:
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[str, dict[int, _Level]] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[tuple[str, int]] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            abstract_id = abstract.get(f"{_W}abstractNumId", "")
            self.levels[abstract_id] = {int(level.get(f"{_W}ilvl", "0")): _read_level(level) for level in abstract.iter(f"{_W}lvl")}
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            abstract_ref = num.find(f"{_W}abstractNumId")
            self.abstract_of[num_id] = abstract_ref.get(f"{_W}val", "") if abstract_ref is not None else ""
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val", "1"))

    def label(self, num_id: str, level: int) -> str:
        """The next number of list ``num_id`` at ``level``, as Word prints it (a bullet as "•")."""
        abstract_id = self.abstract_of.get(num_id)
        if abstract_id is None or abstract_id not in self.levels:
            return ""
        levels = self.levels[abstract_id]
        shown = levels.get(level, _Level())
        if shown.number_format == "bullet":
            return BULLET
        if shown.number_format == "none":
            return ""
        counts = self.counters.setdefault(abstract_id, {})
        restart = self.overrides.get(num_id, {}).get(level)
        if restart is not None and (num_id, level) not in self.restarted:
            self.restarted.add((num_id, level))
            counts[level] = restart
        else:
            counts[level] = counts[level] + 1 if level in counts else shown.start
        for deeper in [d for d in counts if d > level]:
            del counts[deeper]

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            spec = levels.get(at, _Level())
            value = counts.get(at, spec.start)
            return _format_number(value, "decimal" if shown.legal and at != level else spec.number_format)

        return _LEVEL_PLACEHOLDER.sub(number, shown.text).strip()


def _read_level(level: Any) -> _Level:
    def value(tag: str, default: str) -> str:
        found = level.find(f"{_W}{tag}")
        return found.get(f"{_W}val", default) if found is not None else default

    return _Level(
        start=int(value("start", "1") or "1"),
        number_format=value("numFmt", "decimal"),
        text=value("lvlText", "%1."),
        legal=level.find(f"{_W}isLgl") is not None,
    )


def _format_number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for size, numeral in numerals:
        count, value = divmod(value, size)
        out += numeral * count
    return out


class _WordReader:
    """Walks a Word body in reading order, one line per paragraph or table row."""

    def __init__(self, document: Any) -> None:
        self.numbering = _Numbering(document)
        self.styles = {style.style_id: style for style in document.styles}
        self.tracked_changes = False
        self.heading_shift = 1 if any(_style_used(document, s) for s in document.styles if s.name == "Title") else 0

    def lines(self, container: Any) -> Iterator[str]:
        for child in container.iterchildren():
            if child.tag == f"{_W}p":
                line = self.paragraph(child)
                if line:
                    yield line
            elif child.tag == f"{_W}tbl":
                yield from self.table(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self.lines(content)
            elif child.tag in (f"{_W}ins", f"{_W}moveTo"):
                self.tracked_changes = True
                yield from self.lines(child)
            elif child.tag in (f"{_W}del", f"{_W}moveFrom"):
                self.tracked_changes = True

    def table(self, table: Any) -> Iterator[str]:
        """One line per row. Under a header row each cell is named by its column
        ("Role: Headteacher | Responsibility: ..."), so a row of marks still says what it marks."""
        rows = [[self.cell_text(cell) for cell in row.iterchildren(f"{_W}tc")] for row in table.iterchildren(f"{_W}tr")]
        first = table.find(f"{_W}tr")
        marked = first is not None and first.find(f"{_W}trPr/{_W}tblHeader") is not None
        yield from table_lines(rows, marked)

    def cell_text(self, cell: Any) -> str:
        return " ".join(line.replace("\n", " ") for line in self.lines(cell)).strip()

    def paragraph(self, paragraph: Any) -> str:
        text = self.runs_text(paragraph).strip()
        style_id = _style_id(paragraph)
        num_id, level = self.numbering_of(paragraph, style_id)
        label = self.numbering.label(num_id, level) if num_id not in ("", "0") and text else ""
        if label:
            text = f"{label} {text}"
        heading = self.heading_level(paragraph, style_id)
        if heading and text:
            return f"{'#' * min(6, heading)} {text}"
        return text

    def runs_text(self, element: Any) -> str:
        parts: list[str] = []
        for node in element.iter():
            tag = node.tag
            if tag in (f"{_W}del", f"{_W}moveFrom", f"{_W}ins", f"{_W}moveTo"):
                self.tracked_changes = True
            if tag == f"{_W}t" and not _inside(node, element, (f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK)):
                parts.append(node.text or "")
            elif tag == f"{_W}tab" and node.getparent() is not None and node.getparent().tag == f"{_W}r":
                parts.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr") and not _inside(node, element, (_MC_FALLBACK,)):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
        return "".join(parts)

    def numbering_of(self, paragraph: Any, style_id: str) -> tuple[str, int]:
        """The paragraph's list and level: its own, or its style's (heading styles often carry one)."""
        properties = paragraph.find(f"{_W}pPr")
        num = properties.find(f"{_W}numPr") if properties is not None else None
        level = 0
        if num is not None:
            ilvl = num.find(f"{_W}ilvl")
            num_ref = num.find(f"{_W}numId")
            level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
            if num_ref is not None:
                return num_ref.get(f"{_W}val", ""), level
        for style in self.style_chain(style_id):
            style_num = style.element.find(f"{_W}pPr/{_W}numPr")
            if style_num is not None:
                num_ref = style_num.find(f"{_W}numId")
                ilvl = style_num.find(f"{_W}ilvl")
                if num_ref is not None:
                    return num_ref.get(f"{_W}val", ""), int(ilvl.get(f"{_W}val", str(level))) if ilvl is not None else level
        return "", level

    def heading_level(self, paragraph: Any, style_id: str) -> int:
        """1 for a document title or top heading, and so on down; 0 for body text."""
        for style in self.style_chain(style_id):
            if style.name == "Title":
                return 1
            match = _HEADING_STYLE.match(style.name or "")
            if match:
                return int(match.group(1)) + self.heading_shift
        outline = paragraph.find(f"{_W}pPr/{_W}outlineLvl")
        if outline is not None and outline.get(f"{_W}val", "9").isdigit() and int(outline.get(f"{_W}val", "9")) < 9:
            return int(outline.get(f"{_W}val", "9")) + 1 + self.heading_shift
        return 0

    def style_chain(self, style_id: str) -> Iterator[Any]:
        seen: set[str] = set()
        style = self.styles.get(style_id)
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            yield style
            style = style.base_style


def is_table_row(text: str) -> bool:
    """A line made here from a row under a header: two or more cells, each named ("Role: Head | Duty: ...").

    Such a row is short and unpunctuated like a heading, and never is one; a heading that merely
    holds a bar ("Policy | Larkfield") is not a row.
    """
    cells = text.split(CELL_SEPARATOR)
    return len(cells) > 1 and all(": " in cell for cell in cells)


def table_lines(rows: list[list[str]], marked_header: bool = False) -> list[str]:
    """A table's rows as lines, cells joined by ``" | "``, empty cells left out.

    Under a header row (marked as one, or a row of short labels) each cell is named by its
    column ("Activity: Phones in class | Not allowed: X"), so a row of marks still says what it
    marks. Word tables and a PDF's ruled tables are both written so.
    """
    header: list[str] = []
    if len(rows) > 1 and len(rows[0]) > 1 and (marked_header or _is_header_row(rows[0])):
        header, rows = rows[0], rows[1:]
    lines = []
    for row in rows:
        cells = [
            f"{header[i]}: {text}" if i < len(header) and header[i] and text != header[i] else text
            for i, text in enumerate(row)
            if text
        ]
        if cells:
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _is_header_row(cells: list[str]) -> bool:
    """A row of short labels, none a sentence, heads its table."""
    return all(cells) and all(len(text.split()) <= _MAX_HEADER_WORDS and not text.endswith(".") for text in cells)


def _style_id(paragraph: Any) -> str:
    found = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return found.get(f"{_W}val", "") if found is not None else ""


def _style_used(document: Any, style: Any) -> bool:
    body = document.element.body
    return any(node.get(f"{_W}val") == style.style_id for node in body.iter(f"{_W}pStyle"))


def _inside(node: Any, top: Any, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


# --- PDF -------------------------------------------------------------------------------------


def pdf_text(data: bytes, path: str) -> DecodedText:
    """A PDF's text layer, page by page, each page after the first begun by a form feed.

    Read by layout (``pdflayout``): each page's running header first and its footer last,
    where pages meet, columns in reading order, ruled tables row by row, words broken at line
    ends made whole.
    """
    if _PDF_SIGNATURE not in data[:1024]:
        raise PolicyAtlasError(path, "is not a PDF file: save or export the policy as PDF again")
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PolicyAtlasError(path, "is password-protected: save a copy without the password (or ask the school for one) and try again") from None
        raise PolicyAtlasError(path, f"cannot be read as a PDF ({error}): the file is damaged; download or export it again") from None
    read: list[Page] = []
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            try:
                found = _read_page(pdfium_c, page, text_page)
            finally:
                text_page.close()
                page.close()
            read.append(found)
    finally:
        document.close()
    if not read:
        raise PolicyAtlasError(path, "has no pages")
    pages = _pages_text(read)
    text = UNFIT_IN_SOURCE.sub(" ", pages[0] + "".join("\n" + PAGE_BREAK + page for page in pages[1:])) + "\n"
    _require_words(
        text.replace(PAGE_BREAK, ""),
        path,
        f"has no text layer on {'its page' if len(pages) == 1 else f'any of its {len(pages)} pages'} (a scanned image): "
        "run it through OCR (for example `ocrmypdf`) or ask the school for the Word file",
    )
    return DecodedText(text, "pdf", ())


def _read_page(pdfium_c: Any, page: Any, text_page: Any) -> Page:
    """One page with its layout; a turned page, or one whose layout cannot be read, in stored order."""
    import pypdfium2 as pdfium

    width, height = page.get_size()
    try:
        if page.get_rotation() % 360:
            return Page(width, height, text_page.get_text_range(), None)
        found = read_page(pdfium_c, page, text_page)
        if found.segments is not None and _may_hold_a_table(found.segments):
            found.rules = read_rules(pdfium_c, page)
        return found
    except (pdfium.PdfiumError, ValueError, ArithmeticError, IndexError):
        return Page(width, height, text_page.get_text_range(), None)


def _may_hold_a_table(segments: list[Segment]) -> bool:
    """Two segments side by side somewhere on the page: only then are its drawn rules worth reading."""
    ordered = sorted(segments, key=lambda s: s.middle)
    return any(a.top >= b.middle >= a.bottom for a, b in zip(ordered, ordered[1:], strict=False))


def _pages_text(read: list[Page]) -> list[str]:
    """Each page's text: by layout where the page has one, else as PDFium stores it."""
    running = running_lines(read)
    laid = [page_lines(page, running.get(index, []), table_lines) for index, page in enumerate(read)]
    body_lines = [line.text for page in laid if page is not None for line in page.body]
    stored = [_clean_page(page.stored) for page, lines in zip(read, laid, strict=True) if lines is None]
    hyphenated, whole = _word_forms([*body_lines, *stored])
    body_keys = {furniture_key(line) for line in [*body_lines, *(t for page in stored for t in page.split("\n"))]}

    def running_line(text: str) -> str:
        return FURNITURE_MARK + text if furniture_key(text) in body_keys else text

    pages = []
    for page, lines in zip(read, laid, strict=True):
        if lines is None:
            pages.append(_glue_broken_words(_clean_page(page.stored), hyphenated, whole))
            continue
        body: list[str] = []
        for line, text in zip(lines.body, unbreak_words([line.text for line in lines.body], hyphenated, whole), strict=True):
            if line.column == TABLE_ROW:
                # A row is a paragraph of its own, as a Word table's is: never run into the next.
                body += ["", text, ""] if body and body[-1] else [text, ""]
            elif text:
                body.append(text)
        page_text = "\n".join([*map(running_line, lines.header), *body, *map(running_line, lines.footer)])
        pages.append(_GLUED_NUMBER.sub(r"\1 ", page_text))
    return pages


_COMPOUND = re.compile(r"\b(\w+)-(\w+)\b")
_WORDS = re.compile(r"\w+")
_STORED_BREAK = re.compile(r"(\w+)\x02(\w+)")


def _word_forms(lines: list[str]) -> tuple[set[str], Counter[str]]:
    """How the document writes its words within a line: hyphenated compounds, and every word."""
    hyphenated: set[str] = set()
    whole: Counter[str] = Counter()
    for line in lines:
        body = line.rstrip("-\x02")
        hyphenated.update(f"{a}-{b}".casefold() for a, b in _COMPOUND.findall(body))
        whole.update(word.casefold() for word in _WORDS.findall(body.replace("\x02", " ")))
    return hyphenated, whole


def _glue_broken_words(text: str, hyphenated: set[str], whole: Counter[str]) -> str:
    """A page read as stored: PDFium already ran a broken word's parts together round its mark."""

    def glue(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        return f"{head}-{tail}" if keeps_hyphen(head, tail, hyphenated, whole) else head + tail

    return _STORED_BREAK.sub(glue, text).replace("\x02", "-")


def _clean_page(text: str) -> str:
    """One page's text, as PDFium stores it, with its line ends made plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "\x02")
    # PDFium marks a hyphen it judged a line-end break (U+0002 or U+FFFE) and may keep the line end.
    text = text.replace("\x02\n", "\x02")
    # The tab after a list number is not in the text layer: "4.Contact" is "4. Contact".
    text = _GLUED_NUMBER.sub(r"\1 ", text)
    return text.rstrip("\n")
