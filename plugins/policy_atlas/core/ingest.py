"""Decoded policy text -> headings and clauses, keeping every word and its source lines.

Text extracted from PDF or Word has lost its structure: lines are hard-wrapped (sometimes
with blank lines between every line), bullets became odd glyphs or vanished leaving a
leading space, headings ran into numbers or into the first sentence. The parser works in
three passes, each small enough to reason about:

1. ``_scan``: each physical line becomes a ``_Line`` (marker, number, indentation), and
   page furniture (bare page numbers, and headers and footers that recur through the text)
   is set aside.
2. ``_join``: wrapped lines are joined into units (a paragraph, a bullet, a numbered item),
   across blank lines when a sentence is plainly unfinished. Cover-page and document-control
   units ("Approved by: ...", the title lines above the first section) are then set aside.
3. ``_Builder``: each unit becomes a heading or a clause, with its heading path, its parent
   (list lead-in or numbered parent) and a stable id.

What is set aside is kept, line by line, in ``Policy.set_aside``: the words of a source are
exactly its headings, its clauses' numbers and texts, and its set-aside lines.

The rules are about the shape of text, never about any one school's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .clausetag import parse_document, write_blocks
from .documents import CELL_SEPARATOR, is_table_row
from .model import Clause, Diagnostic, Heading, Policy, Severity, SourceSpan
from .sentences import provision_spans
from .vocabulary import MODAL_VERB
from .setaside import (
    COVER,
    DIVISION_HEADING,
    FORM,
    FURNITURE,
    cover_field,
    cover_value,
    field_line,
    fill_in_field,
    furniture_notes,
    mark_row,
    is_label_only,
    repeated_furniture,
    revision_note,
    set_aside_records,
)
from .text import FUNCTION_WORDS, slugify_words, without_emphasis, words

BULLET_GLYPHS = "•·▪■●◦○‣⁃∙➢➤►▶✓✔❖◆◇□–—-*"
# A Markdown conversion escapes a bullet that lost its list ("\\* item"): the backslash is not the marker.
_BULLET = re.compile(rf"^\\?([{re.escape(BULLET_GLYPHS)}\ue000-\uf8ff])(?:\s+|$)")
_ATX = re.compile(r"^(#{1,6})[ \t]+(?P<rest>\S.*?)(?:[ \t]+#+)?$")
_ONLY_BACKSLASHES = re.compile(r"^\\+$")
_DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})(\.|\))?(?=\s|$)")
_LETTER = re.compile(r"^(\(([a-z])\)|([a-z])[.)])(?=\s|$)")
_ROMAN = re.compile(r"^(\(([ivx]{1,5})\)|([ivx]{2,5})[.)])(?=\s|$)")
_PAGE_MARKER = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*(?:of|/)\s*\d{1,3}|-\s*\d{1,3}\s*-)$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_DIGIT_RUN = re.compile(r"\d+")
_TITLE_THEN_NUMBER = re.compile(r"^(?P<title>[A-Z][^\d:;.!?]{1,60}?)\s+(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?$")
_CONTENTS_TITLE = re.compile(r"^(?:#{1,6}\s+)?(?:table of contents|contents|contents page|index)\s*:?$", re.IGNORECASE)
# An entry: its title, then dot leaders (or a tab's worth of space) and a page number.
_CONTENTS_ENTRY = re.compile(r"^(?P<entry>\S.*?[^\s.])(?:(?P<leader>\s*(?:\.\s?){3,}\s*|\s*…+\s*|\s*_{3,}\s*)|\s+)(?P<page>\d{1,3})$")
MIN_CONTENTS_ENTRIES = 2
_TABLE_MARKS = re.compile(r"^[Xx✓✔✗✘×☑☒](?:\s+[Xx✓✔✗✘×☑☒])*$")
_FIELD = re.compile(r"^(?P<label>[A-Z][\w' ]{0,40}?)\s*:\s*(?P<value>\S.*)$")
_TERMINAL = ".!?:;"
_LIST_SEPARATOR = re.compile(r"[;:,]\s*(?:and|or)?\s*$", re.IGNORECASE)
_SENTENCE_END = ".!?"
# Closing quotes and brackets, and the backslash a Markdown conversion ends a line with (a hard
# break): none of them hides whether the text before it ended a sentence.
_CLOSERS = "\"'’”)]\\"
_LEAD_IN_CUES = frozenset(
    "by as to include includes including following are is be should must not will may can "
    "e.g eg example such these below".split()
)
_PRONOUN_STARTS = frozenset("our we this these it they staff all each any you their".split())
MAX_HEADING_WORDS = 18
MAX_LABEL_WORDS = 3
WRAPPED_WIDTH = 130
MAX_SUBHEADING_WORDS = 6
MAX_WRAPPED_TITLE_WORDS = 4
MIN_PROSE_LINE = 30
MIN_SENTENCE_WORDS = 6
MAX_TITLE_WORDS = 12
"""The most words a school's name, a document title or a title run into a sentence has."""
_DOCUMENT_KINDS = frozenset(
    "policy policies guidance guidelines procedure procedures protocol code statement handbook charter".split()
)
SENTENCE_PER_LINE_SHARE = 0.6
MAX_NAME_RUN = 4
_AUXILIARIES = frozenset(
    "must should shall will would may might can could cannot is are was were be been has have had need needs".split()
)


@dataclass
class _Line:
    number: int
    content: str
    indent: int
    blank_before: int
    page_break: bool
    kind: str = "plain"  # plain | bullet | dotted | letter | roman
    label: str | None = None
    rest: str = ""
    soft_end: bool = False  # the extractor ended the line with a space: the layout wrapped it there


@dataclass
class _Unit:
    lines: list[_Line]
    kind: str
    label: str | None
    parts: list[str] = field(default_factory=list)
    title: str | None = None  # a heading that ran into this unit's number
    listed: bool = False  # an item, one per line, under a lead-in in text that is not hard-wrapped
    after_form: bool = False  # a form or table of marks, set aside, stood between this unit and the one above
    _joined: tuple[tuple[int, int], str, list[tuple[int, int]]] | None = field(default=None, repr=False, compare=False)

    @property
    def first(self) -> _Line:
        return self.lines[0]

    @property
    def text(self) -> str:
        return self.text_and_offsets()[0]

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        """The joined text, and (character offset, source line) where each line's words begin.

        Kept until a line is added (lines and parts only ever grow), and joined in one pass:
        asked again for every line of a long unit, it would otherwise cost quadratic time.
        """
        key = (len(self.lines), len(self.parts))
        if self._joined is not None and self._joined[0] == key:
            return self._joined[1], self._joined[2]
        pieces: list[str] = []
        length = 0
        tail = ""  # the last two characters joined so far
        offsets: list[tuple[int, int]] = []
        shift = len(self.lines) - len(self.parts)
        for index, part in enumerate(self.parts):
            line = self.lines[index + shift].number
            if not part:
                continue
            if tail.endswith("-") and len(tail) > 1 and tail[-2].isalpha() and part[:1].islower():
                offsets.append((length, line))
            elif pieces:
                pieces.append(" ")
                length += 1
                tail = tail[-1:] + " "
                offsets.append((length, line))
            else:
                offsets.append((0, line))
            pieces.append(part)
            length += len(part)
            tail = (tail + part)[-2:]
        out = "".join(pieces)
        self._joined = (key, out, offsets)
        return out, offsets

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """The source lines holding characters ``start:end`` of the joined text."""
        _, offsets = self.text_and_offsets()
        first = self.first.number if start == 0 else next((line for offset, line in reversed(offsets) if offset <= start), self.first.number)
        last = next((line for offset, line in reversed(offsets) if offset < end), first)
        return first, last

    @property
    def soft_bullet(self) -> bool:
        return self.kind == "plain" and (self.first.indent > 0 or self.listed)


def parse_policy(text: str, slug: str, source_file: str) -> Policy:
    """Split a decoded policy into headings and clauses; never raises on odd text."""
    lines, markers, furniture = _scan(text)
    units = _join(lines)
    contents = _contents_units(units)
    kept = [index for index in range(len(units)) if index not in contents]
    forms = {kept[index] for index in _form_units([units[index] for index in kept])}
    kept = [index for index in kept if index not in forms]
    cover = {kept[index] for index in _cover_units([units[index] for index in kept])}
    # A number or a mark with no words after it ("1." straight above "2. ...", a rule of dashes)
    # says nothing: a clause of it would be empty.
    wordless = {index for index in kept if index not in cover and _wordless(units[index])}
    builder = _Builder(slug, source_file)
    placed = [index for index in range(len(units)) if index not in cover and index not in contents and index not in forms and index not in wordless]
    for before, index in zip([-1, *placed], placed, strict=False):
        units[index].after_form = any(between in forms for between in range(before + 1, index))
    builder.build([units[index] for index in placed])
    # Reading back what the grammar writes gives heading paths and parents exactly as every
    # later reader of the Markdown will see them, so the two can never disagree.
    canonical = parse_document(write_blocks(builder.blocks), source_file, source_file)
    source_lines = iter([b.line for b in builder.blocks if isinstance(b, Heading)])
    blocks, textless = without_textless_clauses(tuple(replace(b, line=next(source_lines)) if isinstance(b, Heading) else b for b in canonical.blocks))
    aside = [(line, content, FURNITURE) for line, content, _ in furniture]
    aside += [(line.number, line.content, COVER) for index in sorted(cover) for line in units[index].lines]
    aside += [(line.number, line.content, FURNITURE) for index in sorted(contents) for line in units[index].lines]
    aside += [(line.number, line.content, FORM) for index in sorted(forms) for line in units[index].lines]
    aside += [(line.number, line.content, FURNITURE) for index in sorted(wordless) for line in units[index].lines]
    line_text = {line.number: line.content for line in lines}
    spans = [(c, c.source.line_start, c.source.line_end) if c.source else (c, 0, -1) for c in textless]
    aside += [(number, line_text[number], FURNITURE) for _, first, last in spans for number in range(first, last + 1) if number in line_text]
    groups: dict[str, list[tuple[int, str]]] = {}
    for line, content, key in furniture:
        groups.setdefault(key, []).append((line, content))
    notes = furniture_notes(source_file, groups)
    for index in sorted(wordless):
        unit = units[index]
        what = f"number {unit.label.strip()}" if unit.label else f"“{unit.first.content}”"
        notes.append(Diagnostic(source_file, unit.first.number, "no-text", f"{what} has no text after it: kept out of the clauses", Severity.NOTE))
    for clause, first, _ in spans:
        notes.append(Diagnostic(source_file, first or None, "no-text", f"number {clause.number or clause.id} has no text after it: kept out of the clauses", Severity.NOTE))
    if forms:
        lines_in_forms = sum(len(units[index].lines) for index in forms)
        first = units[min(forms)].first.number
        notes.append(Diagnostic(source_file, first, "form", f"{lines_in_forms} lines of forms to fill in and tables of marks are kept out of the clauses", Severity.NOTE))
    if contents:
        first, last = units[min(contents)].first.number, units[max(contents)].lines[-1].number
        notes.append(Diagnostic(source_file, first, "contents-list", f"a contents list (lines {first}-{last}) is page furniture, kept out of the clauses", Severity.NOTE))
    return Policy(
        slug=slug,
        blocks=_with_pages(blocks, text),
        diagnostics=tuple(builder.diagnostics + notes),
        page_markers=tuple(markers),
        set_aside=set_aside_records(aside),
    )


def without_textless_clauses(blocks: tuple[Heading | Clause, ...]) -> tuple[tuple[Heading | Clause, ...], list[Clause]]:
    """The blocks without any clause that has no text, and those clauses. A clause says something:
    one with nothing after its number would be an empty clause on the page, in search and in the
    comparison, and a warning in every build, over a stray line of the source. Its sub-clauses move
    up to its parent. The rules above keep a number with no words out already; this holds
    whatever line gets past them."""
    up: dict[str, str | None] = {}
    kept: list[Heading | Clause] = []
    for block in blocks:
        if isinstance(block, Clause) and not block.text.strip():
            up[block.id] = block.parent
            continue
        if isinstance(block, Clause) and block.parent in up:
            parent: str | None = block.parent
            while parent in up:
                parent = up[parent]
            block = replace(block, parent=parent)
        kept.append(block)
    return tuple(kept), [b for b in blocks if isinstance(b, Clause) and b.id in up]


def page_of_lines(text: str) -> tuple[int, ...]:
    """The page each line is printed on, by 1-based line number (index 0 unused); empty when the
    text has no pages. A form feed opens a page: each page of a PDF begins with one, as
    ``pdftotext`` and the PDF reader write it."""
    if "\f" not in text:
        return ()
    pages = [0]
    page = 1
    for line in text.split("\n"):
        page += line.count("\f")
        pages.append(page)
    return tuple(pages)


def _with_pages(blocks: tuple[Heading | Clause, ...], text: str) -> tuple[Heading | Clause, ...]:
    """The clauses with the pages their lines are printed on, where the source has pages: what a
    reader with the original document in hand cites ("p. 12")."""
    pages = page_of_lines(text)
    if not pages:
        return blocks

    def paged(span: SourceSpan) -> SourceSpan:
        last = len(pages) - 1
        return replace(span, page_start=pages[min(span.line_start, last)], page_end=pages[min(span.line_end, last)])

    return tuple(replace(b, source=paged(b.source)) if isinstance(b, Clause) and b.source is not None else b for b in blocks)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _last_word(text: str) -> str:
    found = words(text)
    return found[-1].lower() if found else ""


def _classify_marker(content: str) -> tuple[str, str | None, str]:
    """Return (kind, label, rest) for the marker a line starts with, if any."""
    atx = _ATX.match(content)
    if atx and not atx.group("rest").endswith("."):
        # A Markdown heading; a sentence that happens to start with "# " is not one.
        return "atx", atx.group(1), atx.group("rest")
    glyph = None
    body = content
    match = _BULLET.match(body)
    if match:
        glyph = match.group(1)
        body = body[match.end():]
    for kind, pattern in (("dotted", _DOTTED), ("letter", _LETTER), ("roman", _ROMAN)):
        found = pattern.match(body)
        if found:
            label = found.group(0)
            return kind, label, body[found.end():].strip()
    if glyph is not None:
        return "bullet", None, body.strip()
    return "plain", None, content


def _scan(text: str) -> tuple[list[_Line], list[tuple[int, str]], list[tuple[int, str, str]]]:
    """The lines that carry the policy; the page-number lines; all page furniture as (line, text, group)."""
    raw = text.split("\n")
    stripped = [line.replace("\f", " ").rstrip() for line in raw]
    counted = _counted_page_numbers(stripped)
    margin = _margin_numbers(stripped)
    # Where pages meet: a form feed, or a page number found by its count.
    breaks = ["\f" in line or index in counted for index, line in enumerate(raw)]
    repeated = repeated_furniture(stripped, breaks)
    lines: list[_Line] = []
    markers: list[tuple[int, str]] = []
    furniture: list[tuple[int, str, str]] = []
    blank = 0
    for index, line in enumerate(stripped):
        content = line.strip()
        if not content or _ONLY_BACKSLASHES.match(content):
            # A line of backslashes is a Markdown conversion's empty line (a hard break); no words.
            blank += 1
            continue
        if index in counted or index in margin or _is_page_marker(index, stripped, raw):
            markers.append((index + 1, content))
            furniture.append((index + 1, content, _DIGIT_RUN.sub("#", content.casefold())))
            near_feed = any("\f" in line for line in raw[max(0, index - 2) : index + 3])
            if index in margin and index not in counted and not near_feed:
                blank += 1  # a paragraph's number in the margin parts two paragraphs as a blank line would
            continue
        if index in repeated:
            furniture.append((index + 1, content, repeated[index]))
            continue
        # A form feed (pdftotext starts each page with one) is not indentation.
        unfed = raw[index].replace("\f", "").rstrip("\r")
        indent = len(unfed) - len(unfed.lstrip())
        kind, label, rest = _classify_marker(content)
        soft_end = unfed[-1:] == " " if unfed.strip() else False
        lines.append(
            _Line(index + 1, content, indent, blank, "\f" in raw[index], kind, label, rest, soft_end=soft_end)
        )
        blank = 0
    return lines, markers, furniture


LIST_ITEM_LINES = 6
"""How far above a bare number the number of the list item before it may stand."""

MARGIN_REACH = 5
"""How many lines (blank, or numbers of their own) a margin number may stand from the sentences either side."""

MIN_PAGE_NUMBERS = 3
"""How many bare numbers must count up, a page apart, to be read as the pages' numbers."""
MIN_PAGE_LINES = 8
MAX_PAGES_SKIPPED = 3
MAX_CANDIDATES = 4


def _counted_page_numbers(stripped: list[str]) -> set[int]:
    """The indexes of bare numbers that count up one page at a time through the text.

    A page number pasted without its form feed sits between the last line of one page and the
    first of the next, often after a full stop ("... to the police." / "15"), where no rule
    about its neighbours can tell it from a clause's number. Its count can: page numbers go
    up by one (or skip a page or two without a footer), each a page's length of lines after
    the last, through the whole text. A list numbered on lines of its own counts up too, but
    a line or two apart.
    """
    best: dict[int, tuple[int, int | None]] = {}  # index -> (length of the chain it ends, previous index)
    last_at: dict[int, list[int]] = {}  # value -> indexes of the numbers with it
    for index, line in enumerate(stripped):
        content = line.strip()
        if not _BARE_NUMBER.match(content):
            continue
        value = int(content)
        chain: tuple[int, int | None] = (1, None)
        for previous in range(value - 1 - MAX_PAGES_SKIPPED, value):
            for before in last_at.get(previous, ())[-MAX_CANDIDATES:]:  # the latest few: a run of one number stays linear
                if index - before >= MIN_PAGE_LINES and best[before][0] + 1 > chain[0]:
                    chain = (best[before][0] + 1, before)
        best[index] = chain
        last_at.setdefault(value, []).append(index)
    found: set[int] = set()
    for end in sorted(best, key=lambda i: -best[i][0]):
        if best[end][0] < MIN_PAGE_NUMBERS or end in found:
            continue
        at: int | None = end
        while at is not None and at not in found:
            found.add(at)
            at = best[at][1]
    return found


def _neighbour(stripped: list[str], index: int, step: int) -> tuple[str, bool]:
    """The next non-blank line in one direction, and whether a form feed lies between."""
    feed = False
    index += step
    while 0 <= index < len(stripped):
        if stripped[index].strip():
            return stripped[index].strip(), feed
        index += step
    return "", feed


def _is_page_marker(index: int, stripped: list[str], raw: list[str]) -> bool:
    content = stripped[index].strip()
    if _PAGE_MARKER.match(content):
        return True
    if not _BARE_NUMBER.match(content):
        return False
    near_feed = any("\f" in raw[i] for i in range(max(0, index - 2), min(len(raw), index + 3)))
    if near_feed:
        return True
    before, _ = _neighbour(stripped, index, -1)
    after, _ = _neighbour(stripped, index, +1)
    return bool(before) and not _ends_sentence(before) and after[:1].islower()


def _margin_numbers(stripped: list[str]) -> set[int]:
    """The bare numbers that stand between a finished sentence and a line that starts another: a
    page's number, or a paragraph's number set in the margin ("101", "102"), never a word of the
    clause before them, which they would otherwise end. A number one more than a bare number a few
    lines above, with text between, goes with it: a margin number's next is one too, and a list's
    next item number (after a lead-in, "Staff must:" / "1" / "Report it." / "2") stays the list's."""
    found: set[int] = set()
    decided: dict[int, list[tuple[int, bool]]] = {}  # value -> (index, margin) of the numbers seen
    for index, line in enumerate(stripped):
        content = line.strip()
        if not _BARE_NUMBER.match(content):
            continue
        value = int(content)
        margin = None
        for before, was_margin in reversed(decided.get(value - 1, [])[-MAX_CANDIDATES:]):
            if index - before <= LIST_ITEM_LINES and any(
                c.strip() and not _BARE_NUMBER.match(c.strip()) for c in stripped[before + 1 : index]
            ):
                margin = was_margin
                break
        if margin is None:
            margin = _between_sentences(index, stripped)
        decided.setdefault(value, []).append((index, margin))
        if margin:
            found.add(index)
    return found


def _between_sentences(index: int, stripped: list[str]) -> bool:
    """Whether the bare number at ``index`` (or the run of them it is in) follows a line that ends
    a sentence (not a lead-in's colon) and comes before one that starts with a capital."""
    at = index - 1
    while at >= max(0, index - MARGIN_REACH) and (not stripped[at].strip() or _BARE_NUMBER.match(stripped[at].strip())):
        at -= 1
    after = index + 1
    while after < min(len(stripped), index + MARGIN_REACH) and (not stripped[after].strip() or _BARE_NUMBER.match(stripped[after].strip())):
        after += 1
    if at < max(0, index - MARGIN_REACH) or after >= min(len(stripped), index + MARGIN_REACH):
        return False
    before = stripped[at].rstrip()
    return _ends_sentence(before) and not before.endswith(":") and stripped[after].strip()[:1].isupper()


def _wrap_threshold(lines: list[_Line]) -> tuple[int, bool]:
    """How long a line must be to have been wrapped by the extractor, and whether the text is wrapped at all.

    Hard-wrapped text has most lines near one width; text with one line per paragraph has a
    long tail of very long lines. Text with one sentence per line can have most lines near
    one width too, but there nearly every line ends a sentence, where in wrapped text only
    the last line of a paragraph does.
    """
    # A contents entry is as long as its leader, a table row or a form line as its cells and
    # dots: the page's layout sets their length, not the width prose wraps at.
    lines = [line for line in lines if not _laid_out(line.content)]
    lengths = sorted(len(line.content) for line in lines)
    if not lengths:
        return 0, False
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    near_width = sum(1 for n in lengths if n >= 0.85 * p90)
    prose = [line.content for line in lines if len(line.content) >= MIN_PROSE_LINE]
    sentence_lines = sum(1 for content in prose if _ends_sentence(content))
    one_per_line = bool(prose) and sentence_lines >= SENTENCE_PER_LINE_SHARE * len(prose)
    wrapped = p90 <= WRAPPED_WIDTH and near_width >= 0.45 * len(lengths) and not one_per_line
    return max(40, int(0.6 * p90)), wrapped


def _laid_out(content: str) -> bool:
    """A line whose length the layout sets, not the wrap: a contents entry with a leader, a row of a
    table (cells joined by " | ", or marks), a form's line to fill in."""
    return " | " in content or _leader_entry(content) or _TABLE_MARKS.match(content) is not None or mark_row(content) or fill_in_field(content)


def _wrap_width(lines: list[_Line]) -> int:
    """The width prose is wrapped at: the length most full lines reach (as ``_wrap_threshold`` measures it)."""
    lengths = sorted(len(line.content) for line in lines if not _laid_out(line.content))
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _join(lines: list[_Line]) -> list[_Unit]:
    threshold, wrapped = _wrap_threshold(lines)
    width = _wrap_width(lines)
    units: list[_Unit] = []
    numbers: list[str] = []
    first_item: _Unit | None = None
    for index, line in enumerate(lines):
        current = units[-1] if units else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if current is not None and _continues(current, line, threshold, numbers, wrapped, after, width):
            current.lines.append(line)
            current.parts.append(line.content)
            continue
        started = _start_units(line)
        if current is not None and not wrapped and _starts_item(current, line, after, first_item):
            started[0].listed = True
            first_item = first_item if current.listed else started[0]
        units.extend(started)
        if line.kind == "dotted" and line.label:
            numbers.append(line.label.rstrip(".)"))
    return units


def _starts_item(previous: _Unit, line: _Line, after: _Line | None, first_item: _Unit | None) -> bool:
    """In text with a line per paragraph, each line straight under a lead-in is an item of its list.

    "Staff must not:" / "accept friend requests ...;" / "contact students ...;": the glyphs
    were lost and nothing is indented, but the lead-in and two or more lines that follow it
    with no blank line between still make a list. It ends at a blank line, at a line indented
    otherwise, or after a full stop where its first item ended otherwise (";"). A heading
    with a colon ("Purpose:", "Process for new accounts:") is no lead-in: it has no verb and
    does not end on a word that asks for more.
    """
    if line.kind != "plain" or line.blank_before > 0 or line.content.endswith(":"):
        return False
    if previous.listed and first_item is not None:
        over = previous.text.endswith(".") and not first_item.text.endswith(".")
        return len(previous.lines) == 1 and line.indent == previous.first.indent and not over
    return _lead_in(previous.text) and after is not None and after.kind == "plain" and after.blank_before == 0


def _lead_in(text: str) -> bool:
    """A sentence that introduces a list: "Staff must not:", "The policy takes account of:"."""
    stripped = text.rstrip(_CLOSERS + " ")
    if not stripped.endswith(":"):
        return False
    found = words(stripped)
    asks_for_more = bool(found) and found[-1].lower() in FUNCTION_WORDS
    has_verb = any(word.lower() in _AUXILIARIES for word in found)
    return asks_for_more or has_verb or _last_cue(stripped) or len(found) > MAX_SUBHEADING_WORDS


def _start_units(line: _Line) -> list[_Unit]:
    if line.kind == "plain":
        match = _TITLE_THEN_NUMBER.match(line.content)
        if match and len(match.group("title").split()) <= 6 and not cover_field(line.content):
            return [_Unit([line], "dotted", match.group("num"), [], title=match.group("title").strip())]
        return [_Unit([line], "plain", None, [line.content])]
    return [_Unit([line], line.kind, line.label, [line.rest])]


def _fits_sequence(label: str, numbers: list[str]) -> bool:
    """A dotted number that continues the numbering seen so far (a sibling, child or next section)."""
    if not numbers:
        return True
    new = [int(p) for p in label.rstrip(".)").split(".")]
    last = [int(p) for p in numbers[-1].split(".")]
    if new[: len(last)] == last and len(new) == len(last) + 1:
        return new[-1] <= 2
    for depth in range(min(len(new), len(last)), 0, -1):
        if len(new) == depth and new[: depth - 1] == last[: depth - 1]:
            return 0 < new[-1] - last[depth - 1] <= 3
    return False


def _continues(current: _Unit, line: _Line, threshold: int, numbers: list[str], wrapped: bool, after: _Line | None, width: int = 0) -> bool:
    """Whether ``line`` carries on the unit above it rather than starting a new one. ``width`` is
    the width the text is wrapped at (0: not known)."""
    previous = current.lines[-1]
    prev_text = current.parts[-1] if current.parts else ""
    if current.kind == "atx" or line.kind == "atx":
        return False
    if not any(current.parts):  # no text yet (cheap: asked for every line of a unit)
        return line.kind == "plain"
    if fill_in_field(line.content) or fill_in_field(previous.content):
        return False  # a form's line to fill in stands alone
    if _TABLE_MARKS.match(line.content):
        return True  # a table's tick or cross, alone on its line, marks the row above it
    if mark_row(previous.content):
        return False  # and ends that row
    if _leader_entry(previous.content):
        return False  # a contents entry is as long as its dot leader makes it, and ends at its page number
    if mark_row(line.content) and not line.content[:1].islower():
        return False  # a row of its own, label and marks on one line
    if line.kind == "plain" and _hanging_indent(current, line):
        return True
    if line.kind == "plain" and len(current.lines) == 1 and field_line(current.text) and field_line(line.content):
        return False  # "Label: value" lines one under another are a table of fields, not a wrapped sentence
    mid_sentence = not _ends_sentence(prev_text) and (
        (wrapped and len(previous.content) >= threshold) or _last_word(prev_text) in FUNCTION_WORDS
    )
    if line.kind == "bullet":
        return mid_sentence and line.content[:1] in "-–—" and line.rest[:1].islower()
    if line.kind == "dotted":
        list_continues = bool(_LIST_SEPARATOR.search(prev_text))
        if line.label and _fits_sequence(line.label, numbers) and (line.rest[:1].isupper() or list_continues):
            return False
        return mid_sentence or not line.rest
    if line.kind in ("letter", "roman"):
        return mid_sentence and not line.content.startswith("(")
    first = line.content[:1]
    if len(current.lines) == 1 and current.kind == "plain" and DIVISION_HEADING.match(prev_text) and _title_like(prev_text):
        # The heading of a division goes on only where the layout wrapped it ("Appendix E: Staff
        # and Volunteer Acceptable Use" / "Agreement"), never into the heading under it.
        return previous.soft_end and line.blank_before == 0 and _title_like(line.content) and len(words(line.content)) <= MAX_WRAPPED_TITLE_WORDS
    if DIVISION_HEADING.match(line.content) and _title_like(line.content) and _last_word(prev_text) not in FUNCTION_WORDS:
        return False  # "Appendix I: Legislation" opens a division, whatever stood above it
    if line.indent > 0:
        # A leading space where a bullet glyph was lost: a new item, unless the line
        # is a hanging-indent continuation of an unfinished sentence. A line at the same
        # indent as the item above is its sibling unless that item's line was full width.
        if line.indent == current.first.indent and not (wrapped and len(previous.content) >= threshold):
            return False
        unfinished = mid_sentence or first.islower() or _name_continues(current, prev_text, line, after)
        return line.blank_before == 0 and unfinished and not _ends_sentence(prev_text)
    if current.title is None and _is_field_label(current) and line.blank_before <= 2:
        return len(line.content.split()) <= 6 and not _ends_sentence(line.content)
    if first.islower() and not wrapped and _ends_sentence(prev_text):
        return False  # a line per paragraph: after a full stop, colon or semicolon a line is new
    if first.islower() or first in ",;)]&":
        return True
    if line.content.isdigit() and previous.content[-1:].isalpha():
        return True
    if _ends_sentence(prev_text):
        # In hard-wrapped text a new sentence straight after a full-width line is the same
        # paragraph; a short title-like line with no stop of its own is not a sentence but a
        # heading ("... users at risk." / "Acceptable Use Agreement"): a paragraph's last line ends one.
        if wrapped and len(line.content) < threshold and _title_like(line.content) and not _ends_sentence(line.content):
            return False
        # A line that ends a sentence with room left for the next line's first word was not
        # wrapped there: its paragraph ended (a glossary's entries, a list's sentences).
        room = width > 0 and len(previous.content) + 1 + len(line.content.split(" ", 1)[0]) <= width
        return wrapped and line.blank_before == 0 and len(previous.content) >= threshold and not prev_text.endswith((":", ";")) and not room
    if line.blank_before <= 1 and _name_continues(current, prev_text, line, after):
        return True
    if line.blank_before > 0 and first.isupper() and _last_word(prev_text) not in FUNCTION_WORDS:
        # Across a blank line, a lone title-like line above, or a "Heading:" below, is a seam;
        # so is a short title-like line after two or more blank lines.
        title_below = _title_like(line.content) and (line.content.endswith(":") or (line.blank_before >= 2 and len(words(line.content)) <= 4))
        if (len(current.lines) == 1 and _title_like(prev_text)) or title_below:
            return False
    return mid_sentence


def _leader_entry(content: str) -> bool:
    """A contents entry with a leader to its page number ("Scope ........ 4")."""
    entry = _CONTENTS_ENTRY.match(content)
    return entry is not None and entry.group("leader") is not None


def _hanging_indent(current: _Unit, line: _Line) -> bool:
    """A line indented to where the text of the item above starts is that item's next line.

    Word, pandoc and most PDF extractors align an item's wrapped lines under its text, not
    under its bullet or number: "-   Complete the" / "    Agreement form".
    """
    first = current.first
    if current.kind not in ("bullet", "dotted", "letter", "roman") or line.blank_before > 0 or not first.rest:
        return False
    text_column = first.indent + len(first.content) - len(first.rest)
    return text_column > first.indent and line.indent == text_column


def _name_continues(current: _Unit, prev_text: str, line: _Line, after: _Line | None) -> bool:
    """A sentence wrapped inside a capitalised name: "... reported to the Designated" / "Safeguarding Lead.".

    The line above is an unfinished sentence (it has a verb, or reads as prose on the line
    straight above) whose last word is capitalised;
    this line opens with the rest of the name (not a word that starts sentences, such as
    "The" or "Staff must"), which then ends the sentence, meets punctuation, or runs into
    lower-case words that are not a verb of its own. A heading above ("What to do if a pupil
    contacts you on Facebook") and its first sentence ("Staff must not reply") stay apart,
    because there the name is followed by a verb.
    """
    found = words(prev_text)
    if not found or not found[-1][:1].isupper() or _ends_sentence(prev_text):
        return False
    sentence = words(current.text)
    has_verb = any(word.lower() in _AUXILIARIES for word in sentence)
    looks_like_prose = len(sentence) >= MIN_SENTENCE_WORDS and not _title_case(current.text) and not _is_field(current.text)
    if not has_verb and not (looks_like_prose and line.blank_before == 0):
        return False  # a heading ("Use of Facebook") or a "Label: value" line, not a sentence cut short
    tokens = line.content.split()
    opener = tokens[0].strip("\"'‘“(")
    if not opener[:1].isupper() or opener.lower() in FUNCTION_WORDS or opener.lower() in _PRONOUN_STARTS:
        return False
    for index, token in enumerate(tokens[:MAX_NAME_RUN]):
        bare = token.strip("\"'‘’“”()")
        if bare[:1].islower():
            # A verb in the next two words makes this line a sentence of its own ("Facebook pages must").
            following = [t.strip("\"'‘’“”().,;:").lower() for t in tokens[index : index + 2]]
            return not any(t in _AUXILIARIES for t in following)
        if token.rstrip(_CLOSERS)[-1:] in ".,;:!?":
            return True
    # The name fills the line: the sentence goes on if the next line is lower case.
    return len(tokens) <= MAX_NAME_RUN and after is not None and after.kind == "plain" and after.content[:1].islower()


def _is_field_label(unit: _Unit) -> bool:
    """A short label such as ``Approved by:`` whose value sits on the next line."""
    if unit.kind != "plain" or len(unit.lines) != 1:
        return False  # before the text: asked for every line of a unit, as it grows
    text = unit.text
    return (
        text.endswith(":")
        and len(text.split()) <= MAX_LABEL_WORDS
        and _last_word(text) in FUNCTION_WORDS
    )


def _states_provision(text: str) -> bool:
    """A sentence (it ends like one) or a rule (it has a modal verb): what a heading never is."""
    return text.rstrip(_CLOSERS + " ")[-1:] in ".!?" or bool(MODAL_VERB.search(text))


def _title_like(text: str) -> bool:
    """Short, capitalised, unpunctuated: how headings look once their formatting is gone."""
    found = words(text)
    if not found or len(found) > MAX_HEADING_WORDS:
        return False
    first = text.lstrip("\"'‘“(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    stripped = text.rstrip(_CLOSERS + " ")
    if stripped[-1:] in ".!?,":
        return False
    if len(found) > MAX_SUBHEADING_WORDS and MODAL_VERB.search(text):
        return False
    if stripped[-1:] in ":;":
        return True
    return found[-1].lower() not in FUNCTION_WORDS


def _is_field(text: str) -> bool:
    """``Label: value`` lines such as ``Last reviewed on: September 2025`` are content, not headings."""
    match = _FIELD.match(text)
    if not match:
        return False
    label, value = match.group("label"), match.group("value")
    label_last = _last_word(label)
    return any(ch.isdigit() for ch in text) or label_last in FUNCTION_WORDS or value[:1].islower()


def _cover_units(units: list[_Unit]) -> set[int]:
    """The units that are cover page or document control rather than policy (indexes into ``units``).

    Anywhere in the text: a document-control line ("Approved by: ...", "Version 2"), or a
    label whose value is the next unit ("Date of next review" / "September 2026").

    Before the first section: the school's name and the document's title. The run of short
    title-like lines (and cover lines) at the top of the text ends at the first real content;
    its last title-like line heads that content, so it is the first section heading and stays;
    the lines above it, and any version-history note among them, are the cover page. A lone
    "# Title" in a Markdown text whose sections are "##" is the title too.
    """
    cover: set[int] = set()
    for index, unit in enumerate(units):
        if unit.kind != "plain" or unit.title is not None:
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if cover_field(unit.text):
            cover.add(index)
        elif is_label_only(unit.text) and following is not None and following.kind == "plain" and cover_value(unit.text, following.text):
            cover.update((index, index + 1))
    _cover_field_tables(units, cover)
    front: list[int] = []
    for index, unit in enumerate(units):
        if index not in cover and not _front_line(unit):
            break
        front.append(index)
    else:
        return cover  # nothing but titles: nothing to head
    content = units[len(front)]
    # A first section heading that ran into its number ("Introduction 1.1") or that carries
    # one ("1 Introduction") ends the title lines itself: none of them heads anything.
    headed = content.title is not None or (
        content.kind == "dotted" and "." not in (content.label or "").rstrip(".)") and _title_like(content.text)
    )
    titles = [index for index in front if index not in cover and not _front_matter(units[index])]
    cover.update(index for index in front if index not in titles)
    top_level = [index for index, unit in enumerate(units) if unit.kind == "atx" and unit.label == "#"]
    deeper = [index for index, unit in enumerate(units) if unit.kind == "atx" and unit.label != "#"]
    if top_level and deeper and max(top_level) < min(deeper) and set(top_level) <= set(titles):
        # "# School" / "# Title" above every section marked "##": the document's title lines.
        cover.update(top_level)
    for index in titles if headed else titles[:-1]:
        unit = units[index]
        if unit.kind == "atx":
            if unit.label == "#" and len(top_level) == 1:
                cover.add(index)
        elif _title_case(unit.text) and len(unit.text.split()) >= 2 and not DIVISION_HEADING.match(unit.text):
            cover.add(index)
    return cover


def _contents_units(units: list[_Unit]) -> set[int]:
    """A contents list: entries ending in a page number, under a "Contents" title or with dot leaders.

    Its entries repeat the section headings with page numbers; read as text they would be
    numbered clauses that clash with the real ones.
    """
    found: set[int] = set()
    index = 0
    while index < len(units):
        titled = _CONTENTS_TITLE.match(units[index].text.strip()) is not None and len(units[index].lines) == 1
        start = index + 1 if titled else index
        run: list[int] = []
        pages: list[int] = []
        leaders = 0
        for at in range(start, len(units)):
            unit = units[at]
            entry = _CONTENTS_ENTRY.match(unit.lines[0].content) if len(unit.lines) == 1 else None
            if entry is None or (pages and int(entry.group("page")) < pages[-1]):
                break
            run.append(at)
            pages.append(int(entry.group("page")))
            leaders += bool(entry.group("leader"))
        if (titled and len(run) >= MIN_CONTENTS_ENTRIES) or leaders >= MIN_CONTENTS_ENTRIES + 1:
            found.update(run)
            if titled:
                found.add(index)
            index = run[-1] + 1
        else:
            index += 1
    return found


MAX_TABLE_HEAD_UNITS = 12
MAX_CELL_WORDS = 12


def _form_units(units: list[_Unit]) -> set[int]:
    """Forms to fill in and tables of marks (indexes into ``units``): what a reader writes in or
    ticks, never a provision in words.

    A line of fill-in leaders under a label ("Signed: ......"); a Word table's head row with no
    row under it (a log to fill in); a row of a table of marks
    (its label, then "X" in the columns that apply); and, above two or more such rows, the
    table's caption and column heads, which are short cells, not sentences. Between rows, a
    cell that is no sentence (a label cut by a page break) belongs to the table too.
    """
    found: set[int] = set()
    index = 0
    while index < len(units):
        unit = units[index]
        lone_head = (
            CELL_SEPARATOR in unit.text
            and _cell_like(unit)
            and not is_table_row(unit.text)
            and not any(_row_or_mark(units[at]) for at in (index - 1, index + 1) if 0 <= at < len(units))
        )
        if lone_head or all(fill_in_field(line.content) for line in unit.lines):
            # A table's head with no row under it is a log or a form to fill in.
            found.add(index)
            index += 1
            continue
        if not _mark_row_unit(unit):
            index += 1
            continue
        rows = [index]
        at = index + 1
        while at < len(units):
            if _mark_row_unit(units[at]):
                rows.append(at)
            elif not (_cell_like(units[at]) and at + 1 < len(units) and _mark_row_unit(units[at + 1])):
                break
            at += 1
        found.update(range(index, rows[-1] + 1))
        if len(rows) > 1:
            head = index
            while head > 0 and index - head < MAX_TABLE_HEAD_UNITS and head - 1 not in found and _cell_like(units[head - 1]):
                head -= 1
            found.update(range(head, index))
        index = rows[-1] + 1
    return found


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _wordless(unit: _Unit) -> bool:
    """A unit with nothing to say: a list number or bullet alone, numbers, marks or dashes."""
    return unit.kind != "atx" and unit.title is None and not _HAS_LETTER.search(unit.text)


def _row_or_mark(unit: _Unit) -> bool:
    return CELL_SEPARATOR in unit.text or _mark_row_unit(unit)


def _mark_row_unit(unit: _Unit) -> bool:
    return unit.kind in ("plain", "bullet") and mark_row(unit.text)


def _cell_like(unit: _Unit) -> bool:
    """A table's cell: a few words, no sentence, no rule, no heading that numbers a division."""
    text = unit.text
    cells = text.split(CELL_SEPARATOR)  # a Word table's row: each of its cells is one
    return (
        unit.kind == "plain"
        and all(0 < len(words(cell)) <= MAX_CELL_WORDS and cell.rstrip(_CLOSERS + " ")[-1:] not in ".!?:;," for cell in cells)
        and not MODAL_VERB.search(text)
        and not DIVISION_HEADING.match(text)
    )


def _cover_field_tables(units: list[_Unit], cover: set[int]) -> None:
    """A block of "Label: value" lines with a document-control line among them is all document control.

    The table at the end of a policy ("Approved by: ...", "Policy lead: ...", "Applies to: ...")
    holds labels no list can foresee; the one it shares with every such table is enough.
    """
    run: list[int] = []
    for index, unit in enumerate([*units, None]):
        if unit is not None and unit.kind == "plain" and len(unit.lines) == 1 and (index in cover or _front_matter(unit)):
            run.append(index)
            continue
        if len(run) > 1 and any(member in cover for member in run):
            cover.update(run)
        run = []


def _front_line(unit: _Unit) -> bool:
    """A line that can stand above the first section: a heading, a school's name, a title, a field."""
    if unit.kind == "atx":
        return True
    text = unit.text
    if unit.kind != "plain" or unit.title is not None or len(unit.lines) > 1:
        return False
    if _front_matter(unit):
        return True
    if not _title_like(text):
        return False
    if MODAL_VERB.search(text) or len(text.split()) > MAX_TITLE_WORDS:
        return False
    return not text.rstrip().endswith(":") or len(text.split()) <= MAX_LABEL_WORDS


def _front_matter(unit: _Unit) -> bool:
    """Above the first section, lines that are the document's, not its sections' headings.

    A "Label: value" field, a version-history note, or a rule of dashes with no words at all.
    """
    text = unit.text
    if unit.kind != "plain":
        return False
    if revision_note(text):
        return True
    # "Part A: Personal use" is a section, whatever its colon says.
    return not DIVISION_HEADING.match(text) and (field_line(text) or not words(text))


def _title_case(text: str) -> bool:
    """Every word capitalised but the small ones: how names and document titles are written."""
    tokens = [t.strip("\"'‘’“”()[],.:;*_") for t in text.split()]
    return all(not t or t[:1].isupper() or t[:1].isdigit() or t.lower() in FUNCTION_WORDS or not t[:1].isalpha() for t in tokens)


def split_title_run_in(text: str) -> tuple[str, str] | None:
    """Split a document's title from the first sentence it ran into ("Online Safety Policy Staff must ...").

    The title ends with a word that names a kind of document (policy, guidance, procedure,
    code, ...) and the sentence starts with a capital right after it.
    """
    tokens = text.split()
    for index in range(1, min(len(tokens) - 3, MAX_TITLE_WORDS)):
        word, next_word = tokens[index].lower(), tokens[index + 1]
        if word not in _DOCUMENT_KINDS or not next_word[:1].isupper():
            continue
        title, rest = " ".join(tokens[: index + 1]), " ".join(tokens[index + 1 :])
        opener = tokens[0].lower()
        if opener in FUNCTION_WORDS or opener in _PRONOUN_STARTS or MODAL_VERB.search(title):
            return None
        if _title_like(title) and not _title_like(rest) and _ends_sentence(rest):
            return title, rest
        return None
    return None


def split_run_in(text: str) -> tuple[str, str] | None:
    """Split a heading from the sentence extraction ran it into, or None if no clear seam.

    The seam is where a new clause visibly starts: a capitalised word, or a pronoun or
    determiner, straight after a content word (``... of the school our school uses ...``).
    """
    tokens = text.split()
    for i in range(3, min(len(tokens) - 2, 16)):
        word, prev = tokens[i], tokens[i - 1]
        bare = word.strip("\"'‘“(").lower()
        prev_bare = prev.strip(",;:").lower()
        if prev_bare in FUNCTION_WORDS or not prev[-1:].isalnum():
            continue
        if word[:1].isupper() and prev[:1].islower():
            return " ".join(tokens[:i]), " ".join(tokens[i:])
        if bare in _PRONOUN_STARTS and prev[:1].islower():
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return None


DIVISION_RANK = 10
MAX_UNNUMBERED_DEPTH = 4
"""Levels of unnumbered headings under a numbered one (or the document's top)."""
"""The rank of a heading that numbers a division of the document ("Appendix B"): above any section."""


@dataclass
class _Open:
    """A heading on the stack."""

    heading: Heading
    rank: int
    number: str | None
    parent: bool = False  # a heading stood straight under it: it heads a group of headings
    after_text: bool = False  # opened after text, not straight under another heading
    children: int = 0  # headings opened under it


class _Builder:
    """Turns units into headings and clauses with parents and stable ids."""

    def __init__(self, slug: str, source_file: str) -> None:
        self.slug = slug
        self.source_file = source_file
        self.blocks: list[Heading | Clause] = []
        self.diagnostics: list[Diagnostic] = []
        self.stack: list[_Open] = []
        self.ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.by_id: dict[str, Clause] = {}
        self.by_number: dict[str, Clause] = {}
        self.number_lines: dict[str, int] = {}
        self.lead_in: Clause | None = None
        self.sub_lead_in: Clause | None = None
        self.last_was_heading = False
        self.heading_run: list[int] = []
        self.siblings: dict[tuple[str, ...], tuple[str, int]] = {}
        self._last_blank = 0
        self._last_item = False
        self.sub_indent: int | None = None
        self.heading_since_number = False
        self.numbered_lines: set[int] = set()  # the source lines of headings that number themselves

    def build(self, units: list[_Unit]) -> None:
        for index, unit in enumerate(units):
            following = units[index + 1] if index + 1 < len(units) else None
            self._place(unit, following, units[index + 2] if index + 2 < len(units) else None)
        self._close_heading_run()

    def _note(self, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.source_file, line, code, message, Severity.NOTE))

    def _place(self, unit: _Unit, following: _Unit | None, after: _Unit | None) -> None:
        if unit.after_form:
            # A heading above a form had the form under it: no run of short lines, and the
            # next heading is its sibling, not its child.
            self._close_heading_run()
            self.last_was_heading = False
        if unit.title is not None:
            # A heading that ran into a number always has a clause under it: it ends any
            # run of short lines rather than joining it.
            self._close_heading_run()
            self.last_was_heading = False
            if not words(unit.text):
                # ... unless nothing follows the number: then the line is a heading as it stands.
                self._open_heading(unit.first.content, unit.first.number, None, rank=None)
                return
            self._open_heading(unit.title, unit.first.number, None, rank=None)
        text = unit.text
        if unit.kind == "atx":
            # A Markdown heading says its own level; it never joins a run of short lines.
            self._close_heading_run()
            # A Word heading keeps its list number in its text ("## 2.1 Scope"): count it.
            numbered = _DOTTED.match(text)
            number = numbered.group(1) if numbered else None
            if number is not None:
                self._register_number(number, unit.first.number)
            self._open_heading(text, unit.first.number, number, rank=10 + len(unit.label or "#"))
            self.heading_run = []
            return
        if not self.blocks and unit.kind == "plain" and unit.title is None:
            seam = split_title_run_in(text)
            if seam is not None and len(seam[0]) < len(unit.parts[0]):
                title, rest = seam
                self._open_heading(title, unit.first.number, None, rank=None)
                unit = _Unit(unit.lines, "plain", None, [unit.parts[0][len(title):].lstrip(), *unit.parts[1:]])
                text = unit.text
        if unit.kind == "dotted" and unit.label:
            number = unit.label.rstrip(".)")
            if self._is_numbered_heading(unit, following):
                self._numbered_heading(unit, number)
                return
            self._clause(unit, text, unit.label.strip(), following)
            return
        if unit.kind in ("letter", "roman", "bullet"):
            self._clause(unit, text, unit.label.strip() if unit.label else None, following, item=True)
            return
        if self._is_heading(unit, following, after):
            self._plain_heading(unit)
            return
        if not text[:1].isupper() and not text[:1].isdigit() and self.last_was_heading:
            self._note(unit.first.number, "unplaced-text", "text begins mid-sentence after a heading; kept as its own clause")
        self._clause(unit, text, None, following, item=self._in_list(unit))

    def _in_list(self, unit: _Unit) -> bool:
        return unit.soft_bullet and self.lead_in is not None

    def _is_numbered_heading(self, unit: _Unit, following: _Unit | None) -> bool:
        text = unit.text
        if not text:
            return False
        number = (unit.label or "").rstrip(".)")
        has_children = (
            following is not None
            and following.kind == "dotted"
            and (following.label or "").rstrip(".)").startswith(number + ".")
        )
        if text.rstrip().endswith(":") and not has_children:
            return False
        if not has_children and self._follows_numbered_item(number):
            return False  # items and headings do not take turns at one level of numbering
        if _title_like(text) and not text.rstrip().endswith((":", ";")):
            return True
        # A top-level number with sub-clauses is a section heading ("4 Use of social media at
        # work") unless it states a provision itself: then it is a clause, its children under it.
        return has_children and "." not in number and (split_run_in(text) is not None or not _states_provision(text))

    def _follows_numbered_item(self, number: str) -> bool:
        """Whether the clause just above is this number's previous sibling ("3." before "4.")."""
        parts = number.split(".")
        if not parts[-1].isdigit() or int(parts[-1]) < 2:
            return False
        previous = ".".join([*parts[:-1], str(int(parts[-1]) - 1)])
        clause = self.by_number.get(previous)
        last_numbered = next((b for b in reversed(self.blocks) if isinstance(b, Heading) or b.number), None)
        return clause is not None and last_numbered is not None and (
            last_numbered is clause or (isinstance(last_numbered, Clause) and last_numbered.id.startswith(clause.id + "."))
        )

    def _numbered_heading(self, unit: _Unit, number: str) -> None:
        text = unit.text
        rest = None
        if not _title_like(text):
            seam = split_run_in(text)
            if seam is not None:
                text, rest = seam
        self._register_number(number, unit.first.number)
        self._open_heading(f"{unit.label} {text}".strip() if unit.label else text, unit.first.number, number, rank=20 + number.count("."))
        if rest:
            self._clause(unit, rest, None, None)

    def _is_heading(self, unit: _Unit, following: _Unit | None, after: _Unit | None) -> bool:
        text = unit.text
        if DIVISION_HEADING.match(text) and _title_like(text) and len(unit.lines) <= 2:
            return True  # "Appendix B: ..." heads a division, on the two lines it may wrap onto
        if len(unit.lines) > 1 or not _title_like(text) or is_table_row(text):
            return False  # a Word table's row is a row, however short
        if _is_field(text):
            return False
        ends_colon = text.rstrip().endswith((":", ";"))
        following_items = following is not None and (following.kind in ("bullet", "letter", "roman") or following.soft_bullet)
        if ends_colon and following_items and (len(words(text)) > MAX_LABEL_WORDS or _last_cue(text)):
            return False
        if unit.soft_bullet and (self._list_open() or self.last_was_heading):
            last = self.blocks[-1]
            after_lead_in = isinstance(last, Clause) and _ends_lead_in(last.text)
            follows_long_item = (
                len(words(text)) <= MAX_SUBHEADING_WORDS
                and following is not None
                and following_items
                and not _title_like(following.text)
            )
            in_short_items = isinstance(last, Clause) and _title_like(last.text)
            if follows_long_item and not after_lead_in and not in_short_items:
                return True
            page_seam = unit.first.blank_before == 0 and self._last_blank > 0
            return page_seam and not following_items
        return True

    def _list_open(self) -> bool:
        """Whether the clause above is a list item or lead-in, so a lost-glyph line is its sibling."""
        last = self.blocks[-1] if self.blocks else None
        return isinstance(last, Clause) and (self._last_item or _ends_lead_in(last.text))

    def _plain_heading(self, unit: _Unit) -> None:
        """An unnumbered heading's level, from the headings around it, never ratcheting down.

        Straight under a heading it is that heading's child. After text, it is the sibling of
        the heading above, unless a heading stands straight under it too: then it heads a
        group, as the last heading that headed a group did, and takes that one's level. A
        heading that names a section above the heading it follows ("Data protection" after
        text under "7.2 Responsibilities of staff", in "7 Data protection") is about that whole
        section, not a part of the subsection: it is a sibling of the section's subsections.
        """
        text = unit.text
        named = None if self.last_was_heading else self._names_a_section(text)
        if DIVISION_HEADING.match(text):
            rank = DIVISION_RANK
        elif self.last_was_heading and self.stack:
            self._regroup()
            rank = self.stack[-1].rank + 1
        elif named is not None:
            rank = named
        elif self.stack and self.stack[-1].number is None and self.stack[-1].rank != DIVISION_RANK:
            rank = self.stack[-1].rank
        elif self.stack:
            rank = self.stack[-1].rank + 1
        else:
            rank = 21
        if rank != DIVISION_RANK:
            rank = min(rank, self._deepest_unnumbered_rank())
        self._open_heading(text, unit.first.number, None, rank)

    def _names_a_section(self, text: str) -> int | None:
        """The rank of a section's subsections when ``text`` says the name of that section (its
        words, case and its number aside), a section that holds the heading above; else None."""
        said = [w.casefold() for w in words(text)]
        for depth, open_ in enumerate(self.stack[:-1]):
            name = [w.casefold() for w in words(open_.heading.text)]
            number = [w.casefold() for w in words(open_.number or "")]
            if number and name[: len(number)] == number:
                name = name[len(number):]
            if name and name == said and open_.rank != DIVISION_RANK:
                return self.stack[depth + 1].rank
        return None

    def _regroup(self) -> None:
        """The heading above, opened after text as a sibling of the last heading, turns out to head
        a heading of its own: it heads a group, as the last heading that headed a group did, so it
        takes that one's level rather than nesting each new group a level deeper."""
        top = self.stack[-1]
        if top.number is not None or top.parent or not top.after_text or top.rank == DIVISION_RANK:
            return
        below = self.stack[:-1]
        group = below[-1] if below else None
        # Only the pattern of the group above: a heading with one heading straight under it,
        # then text; a heading that already holds several is the document's, not a group's.
        if group is None or not group.parent or group.number is not None or group.rank == DIVISION_RANK or group.children != 2:
            return
        top.rank = group.rank
        self.stack = [*below[:-1], top]
        top.heading = self.blocks[-1] = replace(top.heading, level=min(len(self.stack) + 1, 6))

    def _deepest_unnumbered_rank(self) -> int:
        """How deep a heading with no number of its own may go: four levels under the nearest
        heading that numbers itself (or the top of the document), so one line misread as a
        heading cannot push every heading after it a level down, and the next down again."""
        anchor = next((o.rank for o in reversed(self.stack) if o.number is not None or o.rank == DIVISION_RANK), None)
        return anchor + MAX_UNNUMBERED_DEPTH if anchor is not None else 20 + MAX_UNNUMBERED_DEPTH

    def _open_heading(self, text: str, line: int, number: str | None, rank: int | None) -> None:
        if rank is None:
            rank = self.stack[-1].rank if self.stack and self.stack[-1].number is None else 21
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        heading = Heading(text=without_emphasis(text), level=min(len(self.stack) + 2, 6), line=line)
        if number is not None or rank == DIVISION_RANK:
            self.numbered_lines.add(line)
        self.heading_since_number = number is None
        if self.last_was_heading and self.stack and self.stack[-1].heading is self.blocks[-1]:
            self.stack[-1].parent = True
        if self.stack:
            self.stack[-1].children += 1
        self.stack.append(_Open(heading, rank, number, after_text=not self.last_was_heading))
        self.blocks.append(heading)
        if self.last_was_heading:
            self.heading_run.append(len(self.blocks) - 1)
        else:
            self._close_heading_run()
            self.heading_run = [len(self.blocks) - 1]
        self.last_was_heading = True
        self.lead_in = None
        self.sub_lead_in = None

    def _numbers_itself(self, block: Heading | Clause) -> bool:
        return isinstance(block, Heading) and block.line in self.numbered_lines

    def _close_heading_run(self) -> None:
        """Three or more short lines in a row with nothing under them are a list, not headings.

        A heading that numbers itself ("11.3.2 Staff", "Appendix B: ...") is a heading even with
        nothing under it (its table or form was set aside): it starts a run of its own.
        """
        run = self.heading_run
        self.heading_run = []
        starts = [at for at, index in enumerate(run) if at == 0 or self._numbers_itself(self.blocks[index])]
        if len(starts) > 1:
            for begin, end in zip(starts, [*starts[1:], len(run)], strict=True):
                self.heading_run = run[begin:end]
                self._close_heading_run()
            return
        if len(run) < 3:
            return
        first = self.blocks[run[0]]
        assert isinstance(first, Heading)
        path = (first.text,)
        anchor = self._anchor_for(path)  # the stack is the same for every line of the run
        for index in run[1:]:
            heading = self.blocks[index]
            assert isinstance(heading, Heading)
            clause_id = self._unique(f"{self.slug}/{anchor}/{slugify_words(heading.text)}")
            self.blocks[index] = self.by_id[clause_id] = Clause(
                id=clause_id,
                text=heading.text,
                heading=path,
                source=SourceSpan(self.source_file, heading.line, heading.line),
            )
        stack_texts = {o.heading.text for o in self.stack}
        if any(self.blocks[i].text in stack_texts for i in run[1:]):
            self.stack = [o for o in self.stack if o.heading.line <= first.line]

    def _heading_path(self) -> tuple[str, ...]:
        return tuple(o.heading.text for o in self.stack)

    def _anchor_for(self, path: tuple[str, ...]) -> str:
        for open_ in reversed(self.stack):
            if open_.number is not None:
                return open_.number
        if path:
            return slugify_words(path[-1], limit=5) or "section"
        return "preamble"

    def _unique(self, candidate: str) -> str:
        if candidate not in self.ids:
            self.ids.add(candidate)
            return candidate
        # Ids only ever get added, so the next free suffix is never below the last one given:
        # starting there keeps a text of thousands of identical lines linear.
        n = self.next_suffix.get(candidate, 2)
        while f"{candidate}-{n}" in self.ids:
            n += 1
        self.next_suffix[candidate] = n + 1
        self.ids.add(f"{candidate}-{n}")
        return f"{candidate}-{n}"

    def _register_number(self, number: str, line: int) -> None:
        if number == "1" and self.heading_since_number:
            # Numbering that starts again under a new heading is a new list, not a duplicate.
            self.number_lines.clear()
            self.siblings.clear()
            self.by_number.clear()
        self.heading_since_number = False
        if number in self.number_lines:
            self._note(line, "duplicate-number", f"number {number} is used again (first at line {self.number_lines[number]})")
            return
        parts = number.split(".")
        if parts[-1].isdigit():
            key = tuple(parts[:-1])
            last = self.siblings.get(key)
            value = int(parts[-1])
            if last is not None and value > int(last[0].split(".")[-1]) + 1:
                missing = ".".join([*parts[:-1], str(int(last[0].split('.')[-1]) + 1)])
                self._note(line, "numbering-gap", f"numbering jumps from {last[0]} (line {last[1]}) to {number}: {missing} is missing")
            self.siblings[key] = (number, line)
        self.number_lines[number] = line

    def _clause(self, unit: _Unit, text: str, label: str | None, following: _Unit | None, item: bool = False) -> None:
        self._close_heading_run()
        path = self._heading_path()
        following_items = following is not None and (
            following.kind in ("bullet", "letter", "roman") or following.soft_bullet
        )
        starts_sublist = item and following_items and _ends_lead_in(text) and _last_cue(text) and self.lead_in is not None
        number = label.rstrip(".)") if label and unit.kind == "dotted" else None
        parent: Clause | None = None
        if number is not None:
            self._register_number(number, unit.first.number)
            parent_number = number.rsplit(".", 1)[0] if "." in number else None
            parent = self.by_number.get(parent_number) if parent_number else None
            self.lead_in = None
            self.sub_lead_in = None
        elif item:
            if self.sub_lead_in is not None and not starts_sublist:
                if self.sub_indent is None:
                    self.sub_indent = unit.first.indent
                elif unit.first.indent < self.sub_indent:
                    self.sub_lead_in = None  # back out at the outer list's indent: the sub-list is over
            parent = self.lead_in if starts_sublist else (self.sub_lead_in or self.lead_in)
        else:
            self.lead_in = None
            self.sub_lead_in = None
            parent = self._numbered_owner()
        pieces = [(0, len(text))] if label or text != unit.text else provision_spans(text)
        for start, end in pieces:
            piece = text[start:end].strip()
            clause_id = self._unique(self._id_for(unit, piece, label, parent, path))
            first_line, last_line = (
                unit.line_span(start, end) if text == unit.text else (unit.first.number, unit.lines[-1].number)
            )
            clause = Clause(
                id=clause_id,
                text=without_emphasis(piece),
                number=label,
                heading=path,
                parent=parent.id if parent else None,
                source=SourceSpan(self.source_file, first_line, last_line),
            )
            self.blocks.append(clause)
            self.by_id[clause_id] = clause
        if number is not None:
            self.by_number.setdefault(number, clause)
        self._last_blank = unit.first.blank_before
        self._last_item = item or unit.soft_bullet or unit.kind in ("bullet", "letter", "roman")
        self.last_was_heading = False
        if following_items and _ends_lead_in(text):
            if starts_sublist:
                self.sub_lead_in = clause
                self.sub_indent = None
            elif not item or self.lead_in is None:
                self.lead_in = clause
                self.sub_lead_in = None

    def _numbered_owner(self) -> Clause | None:
        """The numbered clause an unnumbered paragraph continues, if one is directly above it.

        Extraction loses the numbers of a clause's second and later paragraphs; such a
        paragraph belongs to the numbered clause above it, not to the section.
        """
        last = self.blocks[-1] if self.blocks else None
        if not isinstance(last, Clause):
            return None
        if last.number and last.number[:1].isdigit():
            return last
        owner = self.by_id.get(last.parent) if last.parent else None
        if owner is not None and owner.number and owner.number[:1].isdigit() and not last.number:
            return owner
        return None

    def _id_for(self, unit: _Unit, text: str, label: str | None, parent: Clause | None, path: tuple[str, ...]) -> str:
        if unit.kind == "dotted" and label:
            return f"{self.slug}/{label.rstrip('.)')}"
        anchor = self._nearest_number(parent) or self._anchor_for(path)
        if label and unit.kind in ("letter", "roman"):
            letter = label.strip("().")
            if anchor[:1].isdigit():
                return f"{self.slug}/{anchor}.{letter}"
            return f"{self.slug}/{anchor}/{letter}"
        return f"{self.slug}/{anchor}/{slugify_words(text) or 'clause'}"

    def _nearest_number(self, parent: Clause | None) -> str | None:
        seen = 0
        while parent is not None and seen < 50:
            if parent.number and parent.number[:1].isdigit():
                return parent.number.rstrip(".)")
            parent = self.by_id.get(parent.parent) if parent.parent else None
            seen += 1
        return None


def _ends_lead_in(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return stripped.endswith((":", ";", ":-", "–", "—")) or _last_word(stripped) in {"by", "include", "including"}


def _last_cue(text: str) -> bool:
    return _last_word(text.rstrip(":;- ")) in _LEAD_IN_CUES
