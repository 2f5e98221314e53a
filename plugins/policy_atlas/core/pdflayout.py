"""A PDF's pages read by where the text stands, not only by the order the file stores it in.

PDFium's text layer gives each character with its box. The order of the characters is the
order the file was written in, which for a two-column page, a table or a page written by a
layout program is often not the order a reader reads in, and it says nothing of which lines
are the page's running header and footer. This module reads the boxes:

- **Segments**: characters run together on one baseline, broken where the text jumps back, to
  another line, or across a gap wider than a word space (a column's gutter, a tab stop).
- **Running headers and footers** are lines in the top or bottom band of the page that come
  back on other pages at the same height and size, with the same words (numbers aside), and
  page numbers standing alone in those bands. A heading of the body with the same words has
  another height or size, so it is never one of them. They are moved to where pages meet (the
  header first on its page, the footer last), where ingest's furniture rules set them aside and
  account for every word; when the body holds a line with the same words, each of them is
  marked (``FURNITURE_MARK``), so that ingest's count by text never takes that line with them.
- **Tables** drawn with rules: each row becomes one line, its cells joined as a Word table's
  are (``documents.table_lines``).
- **Columns**: a gutter no line crosses, with prose on both sides, is read left column top to
  bottom, then right; a line across the page (a title) stands between.
- **Hyphenation**: a word broken at a line end is joined ("safe-" + "guarding"), unless the
  hyphen is the word's own ("e-safety", "well-being"): decided by how the document writes the
  word elsewhere, then by the lexicon.

Every character PDFium gives ends in exactly one line; a page whose words the layout reading
would change (other than by joining hyphenated words) is read in stored order instead, so
the layout can only reorder and set apart, never lose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .lexicon import is_word

HYPHEN_MARK = "\x02"
"""What a line-end hyphen PDFium judged a word break reads as here (PDFium writes U+0002 or U+FFFE)."""
FURNITURE_MARK = "‖ "
"""Put before a running header or footer whose words a line of the body also has."""

BAND = 0.12
"""The share of the page's height, at top and at bottom, where headers and footers stand."""
GAP = 1.2
"""A gap wider than this many font sizes between two characters on a line parts them (a tab, a gutter)."""
GENERATED_GAP = 0.6
"""The same across a space the file did not hold (PDFium's own, put where it saw a gap)."""
MIN_SHARE = 0.4
"""A running header or footer is on at least this share of the pages (and on two at least)."""
Y_TOLERANCE = 4.0
SIZE_TOLERANCE = 1.0
MIN_COLUMN_LINES = 3
RULE_THICKNESS = 2.5
MAX_RULES = 300
TABLE_ROW = -1
"""The ``column`` of a line that is a table's row."""
CELL_SEPARATOR = " | "

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
_LIST_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\)|[a-z][.)]|[•·▪■●◦○‣⁃∙➢➤►▶✓✔❖◆◇□*\ue000-\uf8ff-])$")
_BROKEN = re.compile(r"(\w+)[-\x02]$")
_OPENING = re.compile(r"^([a-z]\w*)(\S*)\s*(.*)$", re.DOTALL)


@dataclass
class Segment:
    """Characters on one baseline with no wide gap between them; the box in PDF points (y up)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    soft_end: bool = False
    """PDFium ended the segment with a space of its own: the layout wrapped the line there (ingest
    reads a wrapped division heading by it)."""

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


@dataclass
class Page:
    """One page as read: its size, its text in stored order, its segments and its drawn rules."""

    width: float
    height: float
    stored: str
    segments: list[Segment] | None
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def read_page(pdfium_c: Any, page: Any, text_page: Any) -> Page:
    """The segments of one page, from each character's box (one call per character)."""
    import ctypes

    width, height = page.get_size()
    stored = text_page.get_text_range()
    count = text_page.count_chars()
    if len(stored) != count:  # characters beyond the BMP: the indices no longer match
        return Page(width, height, stored, None)
    raw = text_page.raw
    box = pdfium_c.FS_RECTF()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    generated = pdfium_c.FPDFText_IsGenerated
    gap = GAP
    pointer = ctypes.byref(box)
    segments: list[Segment] = []
    chars: list[str] = []
    current: Segment | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            current.soft_end = bool(chars) and chars[-1] == " "
            current.text = "".join(chars).strip()
            if current.text:
                segments.append(current)
        current = None
        chars.clear()

    for index, char in enumerate(stored):
        if char in "\r\n":
            close()
            continue
        if char == "\ufffe":
            char = HYPHEN_MARK
        if char.isspace():
            if current is not None:
                chars.append(" ")
                # A space PDFium put in where the file had none stands for a gap: a cell's edge
                # or a tab stop parts text at a narrower gap than a stretched word space.
                gap = GENERATED_GAP if generated(raw, index) == 1 else min(gap, GAP)
            continue
        loose_box(raw, index, pointer)
        left, right, bottom, top = box.left, box.right, box.bottom, box.top
        if current is not None:
            middle = (bottom + top) / 2
            if not (current.bottom <= middle <= current.top) or left < current.right - current.size or left - current.right > gap * current.size:
                close()
        gap = GAP
        if current is None:
            current = Segment("", left, bottom, right, top, font_size(raw, index))
        else:
            current.right = max(current.right, right)
        chars.append(char)
    close()
    if Counter(_WORD.findall(" ".join(s.text for s in segments).replace(HYPHEN_MARK, " "))) != stored_words(stored):
        return Page(width, height, stored, None)  # a gap parted a word: read this page as stored
    return Page(width, height, stored, segments)


def read_rules(pdfium_c: Any, page: Any) -> list[tuple[float, float, float, float]]:
    """The thin drawn lines of a page (a table's rules), as (left, bottom, right, top)."""
    rules = []
    for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        left, bottom, right, top = item.get_bounds()
        if min(right - left, top - bottom) <= RULE_THICKNESS and max(right - left, top - bottom) > 4:
            rules.append((left, bottom, right, top))
            if len(rules) > MAX_RULES:
                return []
    return rules


def stored_words(text: str) -> Counter[str]:
    """The words of a page's stored text, a hyphen mark parting the word it broke."""
    return Counter(_WORD.findall(text.replace("\ufffe", " ").replace(HYPHEN_MARK, " ")))


# --- lines of a page --------------------------------------------------------------------------


@dataclass
class Line:
    """A line of the page as it will be written, with the box it came from."""

    text: str
    top: float
    bottom: float
    left: float
    size: float
    column: int = 0
    segments: list[Segment] = field(default_factory=list)


def _visual_lines(segments: Sequence[Segment], column: int = 0) -> list[Line]:
    """Segments on one baseline joined left to right, lines top to bottom."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: -s.middle):
        row = rows[-1] if rows else None
        if row is not None and any(other.bottom <= segment.middle <= other.top or segment.bottom <= other.middle <= segment.top for other in row):
            row.append(segment)
        else:
            rows.append([segment])
    lines = []
    for row in rows:
        row.sort(key=lambda s: s.left)
        # A word broken at the line end ("safe-") is joined by its hyphen, never by a space.
        wrapped = " " if row[-1].soft_end and not row[-1].text.endswith(("-", HYPHEN_MARK)) else ""
        lines.append(Line(" ".join(s.text for s in row) + wrapped, max(s.top for s in row), min(s.bottom for s in row), row[0].left, max(s.size for s in row), column, row))
    return lines


def furniture_key(text: str) -> str:
    """A line's words as ingest groups repeated lines: spaces collapsed, case folded, numbers any."""
    return _DIGITS.sub("#", " ".join(text.casefold().split()))


@dataclass
class _Banded:
    page: int
    line: Line
    top_band: bool
    segments: list[Segment]


def running_lines(pages: Sequence[Page]) -> dict[int, list[_Banded]]:
    """Per page, its running header and footer lines and its page numbers (by position and repetition)."""
    candidates: dict[tuple[str, bool], list[_Banded]] = {}
    found: dict[int, list[_Banded]] = {}
    for number, page in enumerate(pages):
        if page.segments is None:
            continue
        banded = [s for s in page.segments if s.bottom >= page.height * (1 - BAND) or s.top <= page.height * BAND]
        for line in _visual_lines(banded):
            top_band = line.bottom >= page.height * (1 - BAND)
            item = _Banded(number, line, top_band, line.segments)
            if _PAGE_NUMBER.match(line.text.strip()):
                found.setdefault(number, []).append(item)
            else:
                candidates.setdefault((furniture_key(line.text), top_band), []).append(item)
    needed = max(2, MIN_SHARE * len(pages))
    for items in candidates.values():
        if len({item.page for item in items}) < needed:
            continue
        tops = sorted(item.line.top for item in items)
        sizes = sorted(item.line.size for item in items)
        top, size = tops[len(tops) // 2], sizes[len(sizes) // 2]
        kept = [item for item in items if abs(item.line.top - top) <= Y_TOLERANCE and abs(item.line.size - size) <= SIZE_TOLERANCE]
        if len({item.page for item in kept}) >= needed and _numbers_follow_pages(kept):
            for item in kept:
                found.setdefault(item.page, []).append(item)
    return found


def _numbers_follow_pages(items: list[_Banded]) -> bool:
    """Each number in a running line is the same on every page (a year, a phone number) or goes
    up as the pages do (a page number): a line of the body that merely recurs ("6.2 Staff ...",
    "6.17 Staff ...") at the same height on two pages does neither."""
    numbers = [[int(n) for n in _DIGITS.findall(item.line.text)] for item in items]
    if len({len(found) for found in numbers}) > 1:
        return False
    for place in range(len(numbers[0])):
        values = [found[place] for found in numbers]
        if len(set(values)) > 1 and len({value - item.page for value, item in zip(values, items, strict=True)}) > 1:
            return False
    return True


# --- tables -----------------------------------------------------------------------------------


@dataclass
class _Table:
    left: float
    bottom: float
    right: float
    top: float
    columns: list[float]
    rows: list[float]


def _tables(rules: list[tuple[float, float, float, float]]) -> list[_Table]:
    """Grids of drawn rules: three vertical rules or more (two columns) crossed by two horizontal ones."""
    groups: list[list[tuple[float, float, float, float]]] = []
    for rule in sorted(rules, key=lambda r: (-r[3], r[0])):
        touching = [g for g in groups if any(_touch(rule, other) for other in g)]
        merged = [rule]
        for group in touching:
            merged += group
            groups.remove(group)
        groups.append(merged)
    tables = []
    for group in groups:
        vertical = _distinct([(r[0] + r[2]) / 2 for r in group if r[3] - r[1] > r[2] - r[0]])
        horizontal = _distinct([(r[1] + r[3]) / 2 for r in group if r[2] - r[0] >= r[3] - r[1]])
        if len(vertical) >= 3 and len(horizontal) >= 2:
            tables.append(_Table(min(r[0] for r in group), min(r[1] for r in group), max(r[2] for r in group), max(r[3] for r in group), vertical, horizontal))
    return tables


def _touch(a: tuple[float, float, float, float], b: tuple[float, float, float, float], reach: float = 2.0) -> bool:
    return a[0] - reach <= b[2] and b[0] - reach <= a[2] and a[1] - reach <= b[3] and b[1] - reach <= a[3]


def _distinct(values: list[float], reach: float = 2.0) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > reach:
            out.append(value)
    return out


def _table_rows(table: _Table, segments: list[Segment]) -> list[list[str]]:
    """The cells of a ruled table, row by row, each cell's lines joined (empty cells kept as "")."""
    cells: dict[tuple[int, int], list[Segment]] = {}
    for segment in segments:
        x = (segment.left + segment.right) / 2
        row = len(table.rows) - bisect_right(table.rows, segment.middle)
        column = bisect_right(table.columns, x) - 1
        cells.setdefault((row, min(max(column, 0), len(table.columns) - 2)), []).append(segment)
    rows = []
    for row in sorted({r for r, _ in cells}):
        rows.append([_cell_text(cells.get((row, column), [])) for column in range(len(table.columns) - 1)])
    return rows


def _cell_text(segments: list[Segment]) -> str:
    lines = [line.text for line in _visual_lines(segments)]
    joined = ""
    for text in lines:
        broken = _BROKEN.search(joined)
        joined = joined[: broken.end() - 1] + text if broken and text[:1].islower() and joined.endswith(HYPHEN_MARK) else f"{joined} {text}".strip()
    return joined.replace(HYPHEN_MARK, "-")


# --- columns ----------------------------------------------------------------------------------


def _gutter(segments: Sequence[Segment]) -> float | None:
    """The x of a gutter between two columns of prose, or None for a page read in one column."""
    if len(segments) < 2 * MIN_COLUMN_LINES:
        return None
    left_edge = min(s.left for s in segments)
    right_edge = max(s.right for s in segments)
    width = right_edge - left_edge
    if width <= 0:
        return None
    narrow = [s for s in segments if s.right - s.left < 0.6 * width]
    size = sorted(s.size for s in segments)[len(segments) // 2]
    start, end = int(left_edge + 0.2 * width), int(right_edge - 0.2 * width)
    if end <= start:
        return None
    covered = bytearray(end - start + 1)
    for s in narrow:
        for point in range(max(start, int(s.left)), min(end, int(s.right)) + 1):
            covered[point - start] = 1
    best: tuple[int, int] | None = None
    run_start = None
    for offset, mark in enumerate([*covered, 1]):
        if not mark and run_start is None:
            run_start = offset
        elif mark and run_start is not None:
            if best is None or offset - run_start > best[1] - best[0]:
                best = (run_start, offset)
            run_start = None
    if best is None or best[1] - best[0] < 0.8 * size:
        return None
    gutter = start + (best[0] + best[1]) / 2
    left = [s for s in narrow if s.right <= gutter]
    right = [s for s in narrow if s.left >= gutter]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return None
    if _median([s.right - s.left for s in left]) < 0.25 * width or _median([s.right - s.left for s in right]) < 0.25 * width:
        return None  # numbers, marks or page numbers beside text: not a column of prose
    overlap = min(max(s.top for s in left), max(s.top for s in right)) - max(min(s.bottom for s in left), min(s.bottom for s in right))
    return gutter if overlap > MIN_COLUMN_LINES * size else None


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _in_columns(segments: list[Segment]) -> list[Line]:
    """The page's body lines in reading order: by columns between lines that cross the gutter."""
    gutter = _gutter(segments)
    if gutter is None:
        return _visual_lines(segments)
    across = [s for s in segments if s.left < gutter < s.right]
    beside = [s for s in segments if not (s.left < gutter < s.right)]
    lines: list[Line] = []
    above = float("inf")
    for stop in [*_visual_lines(across), None]:
        # Each stretch between two lines across the page is read column by column; the bounds
        # are the lines' middles, so every segment falls in exactly one stretch.
        below = (stop.top + stop.bottom) / 2 if stop is not None else float("-inf")
        band = [s for s in beside if below < s.middle <= above]
        lines += _visual_lines([s for s in band if s.right <= gutter], 1)
        lines += _visual_lines([s for s in band if s.right > gutter], 2)
        if stop is not None:
            lines.append(stop)
            above = below
    return lines


# --- a page's lines ---------------------------------------------------------------------------


@dataclass
class PageLines:
    """What one page gives: its header lines, body lines (table rows included), footer lines."""

    header: list[str]
    body: list[Line]
    footer: list[str]


def page_lines(page: Page, furniture: Sequence[_Banded], tables_of: Callable[[list[list[str]]], list[str]]) -> PageLines | None:
    """The page read by layout; None when it has no segments or the layout would change its words."""
    if page.segments is None:
        return None
    taken = {id(s) for item in furniture for s in item.segments}
    body_segments = [s for s in page.segments if id(s) not in taken]
    lines: list[Line] = []
    rest = body_segments
    for table in _tables(page.rules):
        inside = [s for s in rest if table.left <= (s.left + s.right) / 2 <= table.right and table.bottom <= s.middle <= table.top]
        if not inside:
            continue
        rest = [s for s in rest if s not in inside]
        rows = tables_of(_table_rows(table, inside))
        height = (table.top - table.bottom) / max(1, len(rows))
        lines += [Line(text, table.top - i * height, table.top - (i + 1) * height, table.left, 0, TABLE_ROW) for i, text in enumerate(rows)]
    body = _in_columns(rest)
    if lines:  # each table's rows where the table stands, among the lines around it
        body = _merge_by_height(body, lines)
    header = [item.line.text for item in sorted(furniture, key=lambda i: -i.line.top) if item.top_band]
    footer = [item.line.text for item in sorted(furniture, key=lambda i: -i.line.top) if not item.top_band]
    return PageLines(header, body, footer)


def _merge_by_height(body: list[Line], rows: list[Line]) -> list[Line]:
    out: list[Line] = []
    pending = list(rows)
    for line in body:
        while pending and pending[0].top > line.top and line.column in (0, TABLE_ROW):
            out.append(pending.pop(0))
        out.append(line)
    return out + pending


# --- hyphenation ------------------------------------------------------------------------------


def unbreak_words(lines: list[str], hyphenated: set[str], whole: Counter[str]) -> list[str]:
    """Lines with each word broken at a line end made whole again ("safe-" + "guarding").

    The hyphen stays when it is the word's own: the document writes it so elsewhere on one line
    ("e-safety"), or does not write the joined word and the lexicon knows no such word while it
    knows a part ("well-being", "e-mail" with "email" unknown to the lexicon would stay).
    """
    out = list(lines)
    for index in range(len(out) - 1):
        if CELL_SEPARATOR in out[index] or CELL_SEPARATOR in out[index + 1]:
            continue  # a table's row is whole already
        broken = _BROKEN.search(out[index])
        opening = _OPENING.match(out[index + 1])
        if broken is None or opening is None or not broken.group(1)[-1:].isalpha():
            continue
        head, tail = broken.group(1), opening.group(1)
        joint = "-" if keeps_hyphen(head, tail, hyphenated, whole) else ""
        # The rest of the word's token (its comma, its closing bracket) goes up with it.
        out[index] = out[index][: broken.end() - 1] + joint + tail + opening.group(2)
        out[index + 1] = opening.group(3)
    return [line.replace(HYPHEN_MARK, "-") for line in out]


def keeps_hyphen(head: str, tail: str, hyphenated: set[str], whole: Counter[str]) -> bool:
    """Whether "head-" at a line end and "tail" below are a hyphenated compound, not one word broken."""
    joined = (head + tail).casefold()
    compound = f"{head}-{tail}".casefold()
    if compound in hyphenated and not whole[joined]:
        return True
    if whole[joined]:
        return False
    if is_word(joined):
        return False
    return len(head) == 1 or is_word(head) and is_word(tail)
