"""The clause-tag grammar: tags, exact round-trips through write_blocks / parse_document, diagnostics."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_atlas.core.clausetag import (
    escape_heading,
    format_tag,
    parse_document,
    parse_tag,
    unescape_heading,
    write_blocks,
)
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Diagnostic, Heading, Severity, SourceSpan

PAGE = "policies/school.md"
SOURCE = "school.txt"


def span(start: int, end: int | None = None) -> SourceSpan:
    return SourceSpan(SOURCE, start, start if end is None else end)


@pytest.mark.parametrize(
    ("clause", "depth", "tag"),
    [
        pytest.param(Clause("s/4.1", "t", "4.1"), 0, "§ 4.1 {#s/4.1}", id="number-only"),
        pytest.param(Clause("s/intro/staff", "t"), 0, "§ {#s/intro/staff}", id="unnumbered"),
        pytest.param(Clause("s/4.a", "t", "(a)"), 1, "    § (a) {#s/4.a}", id="depth-1"),
        pytest.param(Clause("s/4.b", "t", "b)"), 2, "        § b) {#s/4.b}", id="depth-2"),
        pytest.param(Clause("s/27", "t", "27.", source=span(8)), 0, "§ 27. {#s/27 lines=8}", id="one-line"),
        pytest.param(Clause("s/1", "t", "1", source=span(3, 5)), 0, "§ 1 {#s/1 lines=3-5}", id="line-range"),
        pytest.param(
            Clause(
                "s/4.1.1",
                "t",
                "4.1.1",
                topics=("pupil-contact", "-privacy", "+images"),
                force="required",
                source=span(130, 132),
            ),
            0,
            "§ 4.1.1 {#s/4.1.1 lines=130-132 topics=pupil-contact,-privacy,+images force=required}",
            id="every-attribute",
        ),
        pytest.param(Clause("s/x", "t", force="none"), 0, "§ {#s/x force=none}", id="force-only"),
    ],
)
def test_format_tag(clause: Clause, depth: int, tag: str) -> None:
    assert format_tag(clause, depth) == tag
    depth_read, number, clause_id, _ = parse_tag(tag) or (None, None, None, None)
    assert (depth_read, number, clause_id) == (depth, clause.number, clause.id)


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        pytest.param("§ 4.1 {#s/4.1}", (0, "4.1", "s/4.1", {}), id="numbered"),
        pytest.param("§ {#s/x}", (0, None, "s/x", {}), id="unnumbered"),
        pytest.param("        § (a) {#s/4.a}", (2, "(a)", "s/4.a", {}), id="depth-2"),
        pytest.param("§\t1\t{#s/1}\t ", (0, "1", "s/1", {}), id="tabs-and-trailing-space"),
        pytest.param(
            "§ 4 {#s/4 lines=1-2 topics=a,+b force=prohibited}",
            (0, "4", "s/4", {"lines": "1-2", "topics": "a,+b", "force": "prohibited"}),
            id="attributes",
        ),
        pytest.param(
            "§ 1 {#s/1 colour=red}", (0, "1", "s/1", {"colour": "red"}), id="unknown-attribute-kept"
        ),
        pytest.param("  § 1 {#s/1}", None, id="indent-not-a-multiple-of-four"),
        pytest.param("\t§ 1 {#s/1}", None, id="tab-indent"),
        pytest.param("§ {no id}", None, id="no-id"),
        pytest.param("§ 1 {# }", None, id="empty-id"),
        pytest.param("§1 {#s/1}", None, id="no-space-after-mark"),
        pytest.param("§ 1 2 {#s/1}", None, id="number-with-space"),
        pytest.param("§ 1 {#s/1} trailing", None, id="text-after-braces"),
        pytest.param("§ 1 {#s/1", None, id="unclosed-brace"),
        pytest.param("Section 4 {#s/4}", None, id="no-mark"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_tag(line: str, parsed: tuple[int, str | None, str, dict[str, str]] | None) -> None:
    assert parse_tag(line) == parsed


def h(text: str, level: int = 2) -> Heading:
    return Heading(text, level, 0)  # the line is where the page puts it; compared separately


def c(
    clause_id: str,
    text: str,
    number: str | None = None,
    heading: tuple[str, ...] = (),
    parent: str | None = None,
    topics: tuple[str, ...] = (),
    force: str | None = None,
    lines: tuple[int, int] | None = None,
) -> Clause:
    source = SourceSpan(SOURCE, *lines) if lines else None
    return Clause(clause_id, text, number, heading, parent, topics, force, source)


ROUND_TRIPS = [
    pytest.param([c("s/p/one", "Only clause.")], id="single-clause-no-lines"),
    pytest.param(
        [
            h("1 Introduction"),
            c("s/1.1", "Social media is everywhere.", "1.1", ("1 Introduction",), lines=(3, 4)),
            c("s/1.2", "This policy applies to:", "1.2", ("1 Introduction",), lines=(6, 6)),
            c("s/1.2.1", "staff;", "1.2.1", ("1 Introduction",), "s/1.2", lines=(7, 7)),
            c("s/1.2.2", "governors.", "1.2.2", ("1 Introduction",), "s/1.2", lines=(8, 8)),
            h("2 Personal use"),
            c("s/27", "Numbered with a dot.", "27.", ("2 Personal use",), lines=(40, 41)),
        ],
        id="numbered-sections",
    ),
    pytest.param(
        [
            h("Social Media Policy", 1),
            h("Part A: Staff", 2),
            h("Personal accounts", 3),
            c(
                "s/personal-accounts/staff-must",
                "Staff must, for example by:",
                heading=("Social Media Policy", "Part A: Staff", "Personal accounts"),
                topics=("personal-accounts",),
                force="required",
                lines=(10, 10),
            ),
            c(
                "s/4.a",
                "keeping accounts private;",
                "(a)",
                ("Social Media Policy", "Part A: Staff", "Personal accounts"),
                "s/personal-accounts/staff-must",
                ("privacy", "-images"),
                "required",
                (11, 11),
            ),
            c(
                "s/4.a.i",
                "using the strictest settings, including:",
                "i)",
                ("Social Media Policy", "Part A: Staff", "Personal accounts"),
                "s/4.a",
                lines=(12, 12),
            ),
            c(
                "s/4.a.i/x",
                "a third level.",
                None,
                ("Social Media Policy", "Part A: Staff", "Personal accounts"),
                "s/4.a.i",
                lines=(13, 13),
            ),
            c(
                "s/4.b",
                "not naming pupils.",
                "b)",
                ("Social Media Policy", "Part A: Staff", "Personal accounts"),
                "s/personal-accounts/staff-must",
                ("+pupil-contact",),
                "prohibited",
                (14, 15),
            ),
            h("Part B: Pupils", 2),
            c(
                "s/4.1.1",
                "Back at the top.",
                "4.1.1",
                ("Social Media Policy", "Part B: Pupils"),
                force="none",
            ),
            h("Deep", 6),
            c("s/deep/x", "Six levels down.", heading=("Social Media Policy", "Part B: Pupils", "Deep")),
        ],
        id="heading-levels-nesting-topics-force",
    ),
    pytest.param(
        [
            h("Links & <b>markup</b> in *policies* #1 \\ [x](y)"),
            c(
                "s/x/1",
                "<script>alert(1)</script> # not a heading | a | b | &amp; *bold*",
                heading=("Links & <b>markup</b> in *policies* #1 \\ [x](y)",),
            ),
            c(
                "s/x/2",
                "§ 5 of the Act applies.",
                heading=("Links & <b>markup</b> in *policies* #1 \\ [x](y)",),
            ),
        ],
        id="hostile-text",
    ),
]


@pytest.mark.parametrize("blocks", ROUND_TRIPS)
def test_write_then_parse_round_trips(blocks: list[Heading | Clause]) -> None:
    body = write_blocks(blocks)
    parsed = parse_document(body, PAGE, SOURCE)
    assert parsed.diagnostics == ()
    assert parsed.clauses == tuple(b for b in blocks if isinstance(b, Clause))
    assert [(b.text, b.level) for b in parsed.blocks if isinstance(b, Heading)] == [
        (b.text, b.level) for b in blocks if isinstance(b, Heading)
    ]
    assert [type(b) for b in parsed.blocks] == [type(b) for b in blocks]
    # A heading's line is where the page shows it.
    lines = body.split("\n")
    for block in parsed.blocks:
        if isinstance(block, Heading):
            assert lines[block.line - 1].startswith("#" * block.level + " ")
    assert write_blocks(parsed.blocks) == body


def test_written_page_reads_as_documented() -> None:
    blocks: list[Heading | Clause] = [
        h("8 When using social media"),
        c("k/8.3", "Staff must not.", "8.3", ("8 When using social media",), lines=(308, 312)),
        c("k/8.3.1", "Staff can.", "8.3.1", ("8 When using social media",), "k/8.3", lines=(314, 320)),
    ]
    assert write_blocks(blocks) == textwrap.dedent(
        """\
        ## 8 When using social media

        § 8.3 {#k/8.3 lines=308-312}
        Staff must not.

            § 8.3.1 {#k/8.3.1 lines=314-320}
            Staff can.
        """
    )


def test_seed_round_trips_through_the_grammar(seed: tuple[str, str]) -> None:
    stem, text = seed
    policy = parse_policy(text, stem, f"{stem}.txt")
    assert policy.clauses, "a seed with no clauses tests nothing"
    body = write_blocks(policy.blocks)
    parsed = parse_document(body, PAGE, f"{stem}.txt")
    assert parsed.diagnostics == ()
    assert parsed.clauses == policy.clauses
    # A heading's line is where it sits in the source for ingest, and in the page for a page reader.
    assert [(b.text, b.level) if isinstance(b, Heading) else b for b in parsed.blocks] == [
        (b.text, b.level) if isinstance(b, Heading) else b for b in policy.blocks
    ]
    assert write_blocks(parsed.blocks) == body


@given(st.text().filter(lambda s: "\n" not in s))
def test_heading_escape_round_trips(text: str) -> None:
    assert unescape_heading(escape_heading(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "&amp; &lt; &#169; &#x27; & ;",
        "\\*not\\* \\\\ \\. \\-",
        "# ## ###",
        "Ends with #",
        "[x](javascript:alert(1)) ![img](x)",
        "`code` _under_ {braces} | pipe ~tilde~ > quote + plus",
        "<!-- unclosed",
        "&lt;",
        "\\&lt;",
    ],
)
def test_hostile_headings_round_trip_through_the_page(text: str) -> None:
    assert unescape_heading(escape_heading(text)) == text
    parsed = parse_document(write_blocks([h(text, 3)]), PAGE)
    assert parsed.blocks == (Heading(text, 3, 1),)


@given(
    st.text(st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), min_size=1).filter(
        lambda s: s == s.strip(" \t")
    )
)
def test_any_single_line_heading_round_trips_through_the_page(text: str) -> None:
    parsed = parse_document(write_blocks([h(text)]), PAGE)
    assert parsed.blocks == (Heading(text, 2, 1),)


def diag(line: int, code: str, message: str, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(PAGE, line, code, message, severity)


BAD_PAGES = [
    pytest.param(
        """\
        ## Heading

        § {no id}
        Text.
        """,
        [diag(3, "bad-clause-tag", "cannot read clause tag '§ {no id}'")],
        id="no-id",
    ),
    pytest.param(
        """\
        § 1 {#s/1}
        Text.

          § 1.1 {#s/1.1}
        Two spaces.
        """,
        [diag(4, "bad-clause-tag", "cannot read clause tag '§ 1.1 {#s/1.1}'")],
        id="indent-not-a-multiple-of-four",
    ),
    pytest.param(
        """\
        § 1 {#s/1 colour=red lines=2}
        Text.
        """,
        [diag(1, "clause-attribute", "unknown clause attribute 'colour'")],
        id="unknown-attribute",
    ),
    pytest.param(
        """\
        # Title

            § 1 {#s/1}
            Indented with nothing above.

        § 2 {#s/2}
        Fine.

                § 2.1 {#s/2.1}
                Two levels too deep.
        """,
        [
            diag(3, "clause-indent", "clause is indented deeper than the clause above it"),
            diag(9, "clause-indent", "clause is indented deeper than the clause above it"),
        ],
        id="indent-deeper-than-possible",
    ),
    pytest.param(
        """\
        § 1 {#s/1}
        Text.

        ## Heading

            § 1.1 {#s/1.1}
            A heading closed clause 1.
        """,
        [diag(6, "clause-indent", "clause is indented deeper than the clause above it")],
        id="indent-after-heading",
    ),
    pytest.param(
        """\
        § 1 {#s/1}
        Text.

        § 2 {#s/1}
        Again.
        """,
        [diag(4, "duplicate-id", "clause id 's/1' is used twice", Severity.ERROR)],
        id="duplicate-id",
    ),
    pytest.param(
        """\
        § 1 {#s/1}

        § 2 {#s/2}
        Text.
        """,
        [diag(1, "empty-clause", "clause s/1 has no text: write its text under the tag, or delete the tag")],
        id="empty-clause",
    ),
]


@pytest.mark.parametrize(("body", "expected"), BAD_PAGES)
@pytest.mark.parametrize("offset", [0, 7])
def test_bad_tags_give_diagnostics_at_their_lines(body: str, expected: list[Diagnostic], offset: int) -> None:
    parsed = parse_document(textwrap.dedent(body), PAGE, SOURCE, line_offset=offset)
    shifted = [Diagnostic(d.path, (d.line or 0) + offset, d.code, d.message, d.severity) for d in expected]
    assert list(parsed.diagnostics) == shifted


def test_deep_clause_is_kept_one_level_under_the_clause_above() -> None:
    parsed = parse_document("§ 2 {#s/2}\nFine.\n\n        § 2.1 {#s/2.1}\n        Too deep.\n", PAGE)
    assert [(cl.id, cl.parent) for cl in parsed.clauses] == [("s/2", None), ("s/2.1", "s/2")]


def test_clause_after_heading_is_not_a_child_of_the_clause_before() -> None:
    parsed = parse_document("§ 1 {#s/1}\nA.\n\n## H\n\n    § 1.1 {#s/1.1}\n    B.\n", PAGE)
    assert [(cl.id, cl.parent, cl.heading) for cl in parsed.clauses] == [
        ("s/1", None, ()),
        ("s/1.1", None, ("H",)),
    ]


def test_unreadable_lines_attribute_gives_no_span() -> None:
    parsed = parse_document("§ 1 {#s/1 lines=ten}\nText.\n", PAGE, SOURCE)
    assert parsed.clauses[0].source is None
