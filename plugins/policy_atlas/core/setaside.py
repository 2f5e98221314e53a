"""Source lines kept out of the clauses: page furniture and cover-page (document-control) lines.

A PDF extraction repeats each page's header and footer (the school's name, its address, a
copyright line, "Page 3 of 12") wherever a page ended; a policy's cover page and its
document-control table ("Approved by:", "Review date:", "Version 3") describe the document
rather than say anything to its readers. Neither is a provision, so ingest sets them aside:
they never become clauses, and every word of them is still accounted for, line by line, in
``Policy.set_aside``.

The rules are about the shape of text. Furniture is found by counting: a line that recurs,
spread through the text, with any numbers in it constant or counting up like page numbers,
is furniture; one pass over the lines with a dict, so an 8,500-line input costs 8,500 steps.
Cover lines are ``Label: value`` lines whose label is the vocabulary of document control,
which every policy shares, never one school's wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Diagnostic, SetAside, Severity
from .text import words

FURNITURE = "furniture"
COVER = "cover"
FORM = "form"
"""Lines of a form to fill in ("Signed: ......") and rows of a table of check marks: what a reader
fills in or ticks, never a provision in words."""

MIN_REPEATS = 3
"""How often a line must recur to be furniture (twice is enough when form feeds mark the pages)."""
MIN_GAP = 5
NEAR_BREAK_SHARE = 2 / 3
"""The share of a recurring line's occurrences that must stand at a page break, where the text has them."""
"""Lines between most occurrences of furniture: a page is longer than that, a list is not."""
MAX_FURNITURE_WORDS = 30
MAX_COVER_VALUE_WORDS = 15
MAX_LISTED_LINES = 6

_DIGITS = re.compile(r"\d+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_LETTER = re.compile(r"[^\W\d_]")
# "May" with a capital is the month on a cover page far more often than a sentence's first word.
_MODAL = re.compile(r"\b(?:[Mm]ust|[Ss]hould|[Ss]hall|[Ww]ill|may|[Cc]an|[Cc]annot|[Cc]an't|[Ww]on't)\b")
_LIST_START = re.compile(r"^(?:[•·▪■●◦○‣⁃∙➢➤►▶✓✔❖◆◇□*\ue000-\uf8ff]|\(?[a-z]\)|\(?[ivx]{1,5}\))(?:\s|$)")

# Document control: what a cover page or a document-control table says about the policy itself.
# A label is one of these words, optionally with the modifiers below ("Date of next review",
# "Approved by the Full Governing Body on", "Policy owner").
_CONTROL_WORDS = frozenset(
    """approved approval adopted adoption ratified ratification reviewed review reviews revised revision
    version ver author authors authored owner ownership issued issue published publication updated
    amended effective status signed signature created written prepared date dated""".split()
)
_LABEL_MODIFIERS = frozenset(
    """policy document date of the this next last due by on in at number no full governing body board
    governors committee period cycle frequency history lead and initial first latest""".split()
)
_NAME_LABELS = frozenset("author authors authored owner signed signature".split())
_BY_PARTICIPLES = frozenset("approved adopted ratified reviewed written prepared signed authored agreed owned".split())
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn"
).split()
_DATE = re.compile(
    rf"\b(?:{'|'.join(_MONTHS)})\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}\b",
    re.IGNORECASE,
)
_VERSION = re.compile(r"^(?:version|ver\.?|v)\s*\d+(?:\.\d+)*\b", re.IGNORECASE)
_REVISION = re.compile(
    r"\b(?:added|amended|changed|updated|removed|deleted|revised|inserted|replaced|reworded|rewritten|renamed|"
    r"renumbered|corrected)\b",
    re.IGNORECASE,
)
_EMPHASIS = "*_ \t"
DIVISION_HEADING = re.compile(
    r"^(?:part|section|appendix|annex|schedule|chapter)\s+(?:[A-Z]|\d{1,3}|[IVX]{1,5})\b\s*[:.\-–]?",
    re.IGNORECASE,
)
"""The start of a heading that numbers a division of the document: "Part 2", "Appendix B:", "Section IV -"."""


def _bare(token: str) -> str:
    return token.strip("\"'‘’“”()[]{}.,;:*_").casefold()


def _label_length(tokens: list[str]) -> int:
    """How many leading tokens form a document-control label (0 if they do not)."""
    length = 0
    control = False
    for token in tokens:
        bare = _bare(token)
        if bare in _CONTROL_WORDS:
            control = True
        elif bare not in _LABEL_MODIFIERS:
            break
        length += 1
        if token.rstrip(_EMPHASIS).endswith(":"):
            break
    return length if control else 0


def cover_field(text: str) -> bool:
    """A document-control line: "Approved by: the governors", "Review date: Sept 2026", "Version 3.1".

    Also a label that waits for its value on the next line ("Date of next review"), which
    ``cover_value`` then recognises. Never a sentence with a modal verb: "This policy will be
    reviewed annually" is a provision about review, not a record of one.
    """
    plain = text.strip(_EMPHASIS)
    if not plain or _MODAL.search(plain):
        return False
    if _VERSION.match(plain):
        return len(words(plain)) <= 8
    tokens = plain.split()
    length = _label_length(tokens)
    if length == 0 or length > 8:
        return False
    label, value = tokens[:length], tokens[length:]
    if len(value) > MAX_COVER_VALUE_WORDS:
        return False
    if not value:
        return False  # a label alone is cover only with its value below it (``is_label_only``)
    if label[-1].rstrip(_EMPHASIS).endswith(":"):
        return True
    first = _bare(label[0])
    by_label = any(_bare(t) in _BY_PARTICIPLES for t in label[:3]) and _bare(label[-1]) in {"by", "on"}
    return by_label or bool(_DATE.search(" ".join(value))) or (first == "version" and value[0][:1].isdigit())


def is_label_only(text: str) -> bool:
    """A document-control label with no value after it: the value is on the next line."""
    tokens = text.strip(_EMPHASIS).split()
    return bool(tokens) and _label_length(tokens) == len(tokens) and not _MODAL.search(text)


def cover_value(label: str, text: str) -> bool:
    """The value on the line under a label such as "Review date:" or "Approved by:".

    A date or a version under any label; a short name only under a label that asks for one
    ("Approved by", "Author", "Policy owner"), so that a heading such as "Policy review" above a
    subheading is never taken for a label and its value.
    """
    plain = text.strip(_EMPHASIS)
    found = words(plain)
    if not found or len(found) > 8 or _MODAL.search(plain) or plain.endswith(":"):
        return False
    if _DATE.search(plain) or _VERSION.match(plain):
        return True
    names = {_bare(t) for t in label.split()}
    wants_name = bool(names & _NAME_LABELS) or (bool(names & _BY_PARTICIPLES) and "by" in names)
    return wants_name and all(w[:1].isupper() or w.isdigit() or w.lower() in _LABEL_MODIFIERS for w in found)


_FIELD_COLON = re.compile(r":(?!//)")  # not the colon of "https://"
_SENTENCE_END = re.compile(r"[^\W\d_][.!?][\"'’”)]*$")


def field_line(text: str) -> bool:
    """A "Label: value" line of a form or a cover page: "Policy lead: Director of Education".

    Short on both sides of the colon, no modal verb, and the value is no sentence. Whatever
    the label says, such a line among the title lines above the first section is the cover's.
    """
    found = _FIELD_COLON.search(text)
    if found is None or _MODAL.search(text):
        return False
    label, value = text[: found.start()].strip(_EMPHASIS), text[found.end() :].strip()
    return bool(value) and 1 <= len(label.split()) <= 5 and len(value.split()) <= 12 and not _SENTENCE_END.search(value)


_LEADER_RUN = re.compile(r"[.…_·](?:\s?[.…_·])*")
MAX_FIELD_LABEL = 60
MARKS = "Xx✓✔✗✘×☑☒"
"""What a table's cell holds when it is ticked or crossed."""
MAX_ROW_LABEL_WORDS = 30


def _fills(run: str) -> bool:
    """A run long enough to write in: a sentence that trails off ("and so on...") has three dots."""
    return run.count("…") >= 2 or sum(run.count(ch) for ch in "._·") >= 5 or "___" in run


def fill_in_field(text: str) -> bool:
    """A line of a form, its labels waiting for a hand to fill them in: "Name of pupil: ........",
    "Signed ________ Date ________": each label starts with a letter and is followed by a run
    of leaders, and the line ends with one."""
    plain = text.strip()
    at = 0
    for run in _LEADER_RUN.finditer(plain):
        label = plain[at : run.start()].strip()
        if not _fills(run.group()) or not label[:1].isalpha() or len(label) > MAX_FIELD_LABEL or ":" in label[:-1]:
            return False
        at = run.end()
    return at > 0 and not plain[at:].strip()


def mark_row(text: str) -> bool:
    """A row of a table of marks: its label, then a cross or tick in the columns that apply
    ("Use of messaging apps X X", "Allowed in school | X | X"), or the marks alone.

    Upper-case X only in prose-like rows (a lower-case x ends words such as "max x"), and the
    label is never a sentence cut short: it ends in no punctuation and has no more words than a
    row's label does.
    """
    tokens = text.split()
    end = len(tokens)
    marks: list[str] = []
    while end and (tokens[end - 1] == "|" or (len(tokens[end - 1]) == 1 and tokens[end - 1] in MARKS)):
        if tokens[end - 1] != "|":
            marks.append(tokens[end - 1])
        end -= 1
    if not marks:
        return False
    label = " ".join(token for token in tokens[:end] if token != "|")
    if not label:
        return True
    if "x" in marks and "|" not in text:
        return False
    return label[-1] not in ".,;:!?" and len(words(label)) <= MAX_ROW_LABEL_WORDS


def revision_note(text: str) -> bool:
    """A line of a version history ("Section 4 updated to refer to the new guidance")."""
    found = words(text)
    return 0 < len(found) <= 15 and bool(_REVISION.search(text)) and not _MODAL.search(text)


def _looks_like_furniture(content: str) -> bool:
    found = words(content)
    if not _LETTER.search(content) or len(found) > MAX_FURNITURE_WORDS:
        return False
    if len(found) < 2:
        return False  # "Yes" every few lines is a table's column, not a page's header
    if _MARKDOWN_HEADING.match(content):
        return False  # a heading by the document's own style (Word's "Heading 2"), however often it recurs
    if content.rstrip().endswith(":") or _MODAL.search(content) or content[:1].islower():
        return False  # a repeated lead-in ("Examples include:"), rule or line of a sentence is the policy's own
    return not _LIST_START.match(content)


def _counts_up(contents: list[str]) -> bool:
    """Numbers in a recurring line never go down: constant (a year, a phone number) or page numbers."""
    columns = zip(*([int(n) for n in _DIGITS.findall(c)] for c in contents), strict=False)
    return all(b >= a for column in columns for a, b in zip(column, column[1:], strict=False))


def _numbers_divisions(contents: list[str]) -> bool:
    """Headings of the document's divisions ("Appendix 1", "Appendix 2", ...): their numbers count
    up as page numbers do, but each division is named once, where it starts. A running header that
    repeats one division's name on each of its pages ("Section 3", "Section 3") is still furniture."""
    return all(DIVISION_HEADING.match(c) for c in contents) and len(set(contents)) == len(contents)


def repeated_furniture(stripped: Sequence[str], feeds: Sequence[bool]) -> dict[int, str]:
    """The index of each line that is page furniture, mapped to the key of its group.

    ``stripped`` holds the source lines without trailing space; ``feeds`` says which begin a
    page (a form feed, or a page number found by its count). Where the text has such breaks, a
    line is furniture only where pages meet: a section heading ("Policy statements") that
    recurs through a long policy stands wherever its section starts. Lines are grouped by their text with white space collapsed, case folded and
    every number replaced, so "Page 3 of 12" and "Page 4 of 12" are one group.
    """
    groups: dict[str, list[int]] = {}
    for index, line in enumerate(stripped):
        content = " ".join(line.split())
        if content:
            groups.setdefault(_DIGITS.sub("#", content.casefold()), []).append(index)
    feed_lines = [i for i, feed in enumerate(feeds) if feed]
    if feed_lines:
        # The first page begins with the text and the last ends with it: their header and
        # footer stand as near a page break as the others' do.
        feed_lines = [-1, *feed_lines, len(stripped)]
    # The breaks that part pages of some length: a run of form feeds is one.
    page_breaks = sum(b - a >= MIN_GAP for a, b in zip(feed_lines, feed_lines[1:-1], strict=False))
    found: dict[int, str] = {}
    for key, where in groups.items():
        gaps = [b - a for a, b in zip(where, where[1:], strict=False)]
        if not gaps or 2 * sum(gap >= MIN_GAP for gap in gaps) < len(gaps):
            continue  # mostly close together: a list or a table, not the foot of every page
        if len(where) < MIN_REPEATS and not all(_near(i, feed_lines, reach=1) for i in where):
            continue  # twice, only at the very edge of a page: a heading can open two pages
        if page_breaks + 1 >= len(where) and NEAR_BREAK_SHARE * len(where) > _same_place(where, feed_lines) and not _evenly_spaced(gaps):
            # Where the breaks mark the pages (as many as the line's occurrences, or more), a
            # header or footer stands in one place on each page; a heading need not. A line
            # that recurs every so many lines keeps its place on pages of one length, wherever
            # the text's own breaks fall.
            continue
        contents = [" ".join(stripped[i].split()) for i in where]
        if not _looks_like_furniture(contents[0]) or ("#" in key and not _counts_up(contents)) or _numbers_divisions(contents):
            continue
        for index in where:
            found[index] = key
    return found


def _evenly_spaced(gaps: list[int]) -> bool:
    """Lines the same distance apart every time, the last perhaps nearer (a short last page):
    pages of one length, not sections, which run as long as their text."""
    steady = gaps[:-1] if len(gaps) > MIN_REPEATS - 1 else gaps
    return len(steady) >= MIN_REPEATS - 1 and len(set(steady)) == 1 and gaps[-1] <= steady[0]


def _same_place(where: list[int], feed_lines: list[int], reach: int = 3) -> int:
    """How many of the lines stand in the commonest place on their page (the same number of
    lines from the page break nearest them): a header or footer does, page after page."""
    places: dict[int, int] = {}
    at = 0
    for index in where:
        while at + 1 < len(feed_lines) and feed_lines[at + 1] <= index:
            at += 1
        nearest = min(feed_lines[at : at + 2], key=lambda feed: (abs(index - feed), feed))
        if abs(index - nearest) <= reach:
            places[index - nearest] = places.get(index - nearest, 0) + 1
    return max(places.values(), default=0)


def _near(index: int, feed_lines: list[int], reach: int = 3) -> bool:
    return any(abs(index - feed) <= reach for feed in feed_lines)


def set_aside_records(lines: Iterable[tuple[int, str, str]]) -> tuple[SetAside, ...]:
    """One record per kind and distinct text, from (1-based line, text, kind), in order of first line."""
    grouped: dict[tuple[str, str], list[int]] = {}
    for line, text, kind in sorted(lines):
        grouped.setdefault((kind, text), []).append(line)
    return tuple(SetAside(kind, text, tuple(found)) for (kind, text), found in grouped.items())


def furniture_notes(path: str, groups: dict[str, list[tuple[int, str]]]) -> list[Diagnostic]:
    """One note per group of furniture: the school's page lists what was kept out of the clauses."""
    notes = []
    for members in sorted(groups.values()):
        first_line, first_text = members[0]
        shown = ", ".join(str(line) for line, _ in members[:MAX_LISTED_LINES])
        if len(members) > MAX_LISTED_LINES:
            shown += f" and {len(members) - MAX_LISTED_LINES} more"
        changing = len({text for _, text in members}) > 1
        what = f"“{first_text}”" + (" (its number changing)" if changing else "")
        if len(members) == 1:
            message = f"page number “{first_text}” is page furniture, kept out of the clauses"
        elif _LETTER.search(first_text):
            message = f"{what} recurs on {len(members)} lines ({shown}): page furniture, kept out of the clauses"
        else:
            message = f"page numbers on {len(members)} lines ({shown}) are page furniture, kept out of the clauses"
        notes.append(Diagnostic(path, first_line, "page-furniture", message, Severity.NOTE))
    return notes
