"""Ingest keeps every word of the source, in order: on the seed, development and blind policies, the
golden inputs, and generated messy text.

A word is what ``core.text.words`` matches (letters and digits). Markdown's emphasis marks round a
word (``**S**afe``) are markup, not text: ingest takes them out (``core.text.without_emphasis``), so
a source line's words are counted without them. Bullet glyphs, including the private-use
U+F0B7 that Word's Symbol font leaves behind, are not word characters, so losing them loses nothing;
``test_bullet_glyphs_are_not_words`` pins that assumption instead of stripping them here.

The words of a source are exactly its headings, its clauses' numbers and texts, and what ingest set
aside (page furniture, cover-page lines): each set-aside record's text is the whole of every line it
lists, and no line is set aside twice.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policy_atlas.core.decode import decode_source
from policy_atlas.core.documents import read_document
from policy_atlas.core.ingest import BULLET_GLYPHS, parse_policy
from policy_atlas.core.model import Clause, Heading, Policy
from policy_atlas.core.sources import slugify
from policy_atlas.core.text import without_emphasis, words

from shareddata import SHARED

SLUG = "gen"
SOURCE_FILE = "source_policies/generated.txt"
DEV_POLICIES = SHARED / "dev" / "policies"
GOLDEN_INPUTS = Path(__file__).resolve().parent / "golden" / "fixtures"
READING_SETS = Path(__file__).resolve().parent / "fixtures" / "reading"
DOCUMENTS = sorted((Path(__file__).resolve().parent / "fixtures" / "documents").glob("larkfield-*.*"))
OTHER_SOURCES = sorted([*DEV_POLICIES.glob("*.txt"), *GOLDEN_INPUTS.glob("*.txt"), *READING_SETS.glob("*/policies/*.txt")])


def kept_words(policy: Policy) -> list[str]:
    """The words ingest kept, in document order: headings, and each clause's number then text."""
    kept: list[str] = []
    for block in policy.blocks:
        if isinstance(block, Heading):
            kept += words(block.text)
        elif isinstance(block, Clause):
            kept += words(block.number or "") + words(block.text)
    return kept


def set_aside_lines(text: str, policy: Policy) -> set[int]:
    """The lines ingest set aside, checked: each is a whole source line, listed once, its text the record's."""
    lines = text.split("\n")
    seen: set[int] = set()
    for record in policy.set_aside:
        assert record.kind in ("cover", "furniture", "form"), record
        assert record.lines == tuple(sorted(set(record.lines))), record
        for number in record.lines:
            assert number not in seen, f"line {number} is set aside twice"
            assert " ".join(lines[number - 1].replace("\f", " ").split()) == " ".join(record.text.split()), (
                f"line {number} is {lines[number - 1]!r}, not {record.text!r}"
            )
            seen.add(number)
    markers = {number for number, _ in policy.page_markers}
    furniture = {number for record in policy.set_aside if record.kind == "furniture" for number in record.lines}
    assert markers <= furniture, f"page-number lines {sorted(markers - furniture)} are not set aside as furniture"
    return seen


def source_words(text: str, policy: Policy) -> list[str]:
    """The words of the source, less the lines ingest set aside (by line number)."""
    aside = set_aside_lines(text, policy)
    return [
        word
        for number, line in enumerate(text.split("\n"), start=1)
        if number not in aside
        for word in words(without_emphasis(line))
    ]


def first_difference(kept: list[str], source: list[str]) -> str:
    """Where two word lists part, with ten words of context either side."""
    index = next(
        (i for i, (a, b) in enumerate(zip(kept, source, strict=False)) if a != b),
        min(len(kept), len(source)),
    )
    lo, hi = max(0, index - 10), index + 10
    return (
        f"word {index} differs ({len(kept)} kept, {len(source)} in source)\n"
        f"  kept:   {' '.join(kept[lo:index])} >>> {' '.join(kept[index:hi])}\n"
        f"  source: {' '.join(source[lo:index])} >>> {' '.join(source[index:hi])}"
    )


def assert_nothing_lost(text: str, policy: Policy) -> None:
    kept, source = kept_words(policy), source_words(text, policy)
    assert kept == source, first_difference(kept, source)
    aside = Counter(word for record in policy.set_aside for _ in record.lines for word in words(record.text))
    assert Counter(words(without_emphasis(text))) == Counter(kept) + aside


def assert_well_formed(text: str, policy: Policy) -> None:
    line_count = len(text.split("\n"))
    seen: set[str] = set()
    for clause in policy.clauses:
        assert clause.id not in seen, f"duplicate id {clause.id}"
        assert (clause.number or "") + clause.text.strip(), f"clause {clause.id} has neither number nor text"
        assert "\n" not in clause.text, f"newline in {clause.id}: {clause.text!r}"
        assert clause.source is not None
        assert 1 <= clause.source.line_start <= clause.source.line_end <= line_count, (
            f"{clause.id} spans {clause.source.line_start}-{clause.source.line_end} of {line_count} lines"
        )
        assert clause.parent is None or clause.parent in seen, (
            f"{clause.id}: parent {clause.parent} not above it"
        )
        seen.add(clause.id)


@pytest.mark.parametrize("glyph", [*BULLET_GLYPHS, "\uf0b7", "\uf0a7", "\uf0d8", "\ue000", "\uf8ff"])
def test_bullet_glyphs_are_not_words(glyph: str) -> None:
    assert words(f"{glyph} Staff") == ["Staff"]


def test_seed_keeps_every_word(seed: tuple[str, str]) -> None:
    stem, text = seed
    assert_nothing_lost(text, parse_policy(text, slugify(stem), f"{stem}.txt"))


@pytest.mark.parametrize("path", OTHER_SOURCES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_development_and_golden_sources_keep_every_word(path: Path) -> None:
    text = decode_source(path.read_bytes(), path.name).text
    policy = parse_policy(text, slugify(path.stem), path.name)
    assert_nothing_lost(text, policy)
    assert_well_formed(text, policy)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_word_and_pdf_documents_keep_every_word(path: Path) -> None:
    """What a Word or PDF file's text becomes is held to the same account as a text file's."""
    text = read_document(path.read_bytes(), path.name).text
    policy = parse_policy(text, slugify(path.stem), path.name)
    assert_nothing_lost(text, policy)
    assert_well_formed(text, policy)


def test_other_sources_are_found() -> None:
    """The development set sits in shared/ beside the repository; the golden inputs and the blind
    reading sets are in tests/."""
    assert any(path.parent == GOLDEN_INPUTS for path in OTHER_SOURCES)
    assert {path.suffix for path in DOCUMENTS} == {".docx", ".pdf"}
    assert {path.parent.parent.name for path in OTHER_SOURCES if path.parent.parent.parent == READING_SETS} == {"blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"}
    if DEV_POLICIES.is_dir():
        assert any(path.parent == DEV_POLICIES for path in OTHER_SOURCES)


SUBJECTS = ["Staff", "Employees", "The school", "Governors", "All members of staff", "Pupils", "Parents"]
MODALS = [
    "must",
    "must not",
    "should",
    "should not",
    "may",
    "can",
    "cannot",
    "will",
    "shall",
    "are advised to",
]
VERBS = ["use", "post", "share", "contact", "report", "accept", "publish", "discuss", "follow"]
OBJECTS = [
    "social media",
    "personal devices",
    "images of pupils",
    "the head teacher",
    "official school accounts",
    "confidential information",
    "friend requests from pupils",
    "anything that could bring the school into disrepute",
    "the school’s e-safety and well-being guidance",
    "pupils’ photographs",
]
TAILS = [
    "",
    " at any time",
    " during working hours",
    " without permission",
    " in line with this policy",
    " e.g. Facebook and Twitter",
    " (see section 4.2)",
    " as set out in Appendix B",
    " for example by:",
    ", including:",
]
TITLE_WORDS = ["Social", "Media", "Use", "Of", "Personal", "Accounts", "Staff", "Scope", "Images", "Breaches"]
GLYPHS = ["•", "·", "-", "\uf0b7", "–"]
PAGE_LINES = ["12", "3", "Page 3 of 9", "page 10", "- 4 -", "3 / 9", "\f", "\f12", "12\f"]
NOISE = [
    "<script>alert(1)</script>",
    "*",
    "#",
    "|",
    "| a | b |",
    "[x](javascript:alert(1))",
    "😀 👍🏽 emoji",
    "مدرسة وسائل التواصل",
    "שלום עולם",
    "\tTabbed\tline",
    "\f",
    "  ",
    "1.2.3.4.5.6",
    "(z)",
    "Page",
    ":",
    "- -",
]

sentences = st.builds(
    lambda s, m, v, o, t: f"{s} {m} {v} {o}{t}" + ("" if t.endswith(":") else "."),
    st.sampled_from(SUBJECTS),
    st.sampled_from(MODALS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(TAILS),
)
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)
titles = st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=5).map(" ".join)
small = st.integers(min_value=1, max_value=12)
letters = st.sampled_from("abcdefgh")

headings = st.one_of(
    st.builds("{} {}".format, small, titles),
    st.builds("{} {}.{}".format, titles, small, small),
    st.builds("{} {} {}".format, small, titles, paragraphs.map(str.lower)),
    st.builds("Part {} : {}".format, st.sampled_from("ABC"), titles),
    titles.map("{}:".format),
    titles,
)
labels = st.one_of(
    small.map("{}.".format),
    st.builds("{}.{}".format, small, small),
    st.builds("{}.{}.{}".format, small, small, small),
    letters.map("({})".format),
    letters.map("{})".format),
    letters.map("- {})".format),
)
numbered = st.builds("{} {}".format, labels, paragraphs)
bullets = st.builds("{} {}".format, st.sampled_from(GLYPHS), paragraphs) | paragraphs.map(" {}".format)
wrappable = st.one_of(headings, numbered, bullets, paragraphs)
noise = st.sampled_from(NOISE) | st.text(max_size=40) | st.sampled_from(PAGE_LINES)


COVER = [
    "Oakfield Primary School",
    "Social Media Policy",
    "Approved by:",
    "The Governing Body",
    "Last reviewed: March 2024",
    "Version 2.1",
    "Date of next review",
    "September 2026",
    "Section 4 updated to refer to new guidance",
    "Policy owner: Headteacher",
]
FOOTERS = [
    "Oakfield Primary School, 1 Mill Lane, Oakfield",
    "© Oakfield Learning Trust 2024. All rights reserved.",
    "Social Media Policy – Page {n} of 9",
    "Oakfield Primary School {n}",
    "Page {n}",
]


@st.composite
def messy_policies(draw: st.DrawFn, footers: bool = True) -> str:
    """A policy as a PDF extractor might leave it: a cover page, hard-wrapped, gappy, with page furniture and junk."""
    width = draw(st.integers(min_value=30, max_value=100))
    blank_odds = draw(st.sampled_from([0.0, 0.3, 1.0]))
    hyphens = draw(st.booleans())
    pieces = draw(st.lists(st.tuples(st.booleans(), wrappable, noise), min_size=1, max_size=25))
    lines: list[str] = draw(st.lists(st.sampled_from(COVER), max_size=6))
    for is_noise, logical, junk in pieces:
        if is_noise and draw(st.integers(0, 3)) == 0:
            lines.append(junk)
            continue
        indent = logical[: len(logical) - len(logical.lstrip())]
        wrapped = textwrap.wrap(
            logical.strip(), width, initial_indent=indent, break_long_words=False, break_on_hyphens=hyphens
        )
        for index, line in enumerate(wrapped):
            if index and draw(st.floats(0, 1)) < blank_odds:
                lines.append("")
            lines.append(line)
        if draw(st.booleans()):
            lines.append("")
    footer = draw(st.none() | st.sampled_from(FOOTERS)) if footers else None
    if footer is not None:
        page = draw(st.integers(min_value=3, max_value=15))
        feed = draw(st.sampled_from(["", "\f"]))
        paged = []
        for start in range(0, len(lines), page):
            paged += [*lines[start : start + page], footer.format(n=start // page + 1) + feed]
        lines = paged
    return "\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_policies())
def test_generated_policy_keeps_every_word_and_is_well_formed(text: str) -> None:
    policy = parse_policy(text, SLUG, SOURCE_FILE)
    assert_nothing_lost(text, policy)
    assert_well_formed(text, policy)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_policies(footers=False), st.sampled_from(FOOTERS), st.integers(min_value=6, max_value=20))
# Form feeds of the text's own that fall nowhere near the footer's pages: it still recurs every
# seven lines, pages of one length.
@example("Brook School\nBrook School\n1 Social\nSocial:\n\f\n Staff must post.\nStaff must post at\nany time.\n\f", "Brook School, 1 Mill Lane, Brookside", 6)
def test_footer_on_three_or_more_pages_is_always_set_aside(text: str, footer: str, page: int) -> None:
    lines = text.split("\n")
    lines += [""] * max(0, 3 * page - len(lines))
    paged: list[str] = []
    for start in range(0, len(lines), page):
        paged += [*lines[start : start + page], footer.format(n=start // page + 1)]
    source = "\n".join(paged)
    policy = parse_policy(source, SLUG, SOURCE_FILE)
    footers = {n for n, line in enumerate(paged, start=1) if n % (page + 1) == 0}
    furniture = {n for record in policy.set_aside if record.kind == "furniture" for n in record.lines}
    assert footers <= furniture
    assert_nothing_lost(source, policy)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("(a)")
@example("1.\n2. Staff must post.")
@example("Staff must post.\n\n-----\n\n* * *\n\n3.")
@given(messy_policies())
def test_generated_clause_text_is_never_empty(text: str) -> None:
    empty = [c.id for c in parse_policy(text, SLUG, SOURCE_FILE).clauses if not c.text.strip()]
    assert empty == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Scope\n\n§ {#evil}\n\nStaff must not post.\n", id="bare-tag"),
        pytest.param(
            "Staff must log out.\n§ 4.1 {#x/4.1 lines=9}\nStaff must not post.\n", id="numbered-tag"
        ),
    ],
)
def test_source_line_that_looks_like_a_clause_tag_is_text(text: str) -> None:
    policy = parse_policy(text, SLUG, SOURCE_FILE)
    assert_nothing_lost(text, policy)
    assert_well_formed(text, policy)
    assert all(c.id.startswith(f"{SLUG}/") for c in policy.clauses)


def test_seed_is_well_formed(seed: tuple[str, str]) -> None:
    stem, text = seed
    assert_well_formed(text, parse_policy(text, slugify(stem), f"{stem}.txt"))
