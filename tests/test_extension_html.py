"""Exact HTML from the clause-tag extension: structure, badges, and policy text that stays literal."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import markdown
import pytest

from policy_atlas.core.text import clause_number

from policy_atlas.core.clausetag import escape_heading
from policy_atlas.core.model import Force, Statement, statement_id
from policy_atlas.markdown_ext.clauses import ClauseExtension, ClauseInfo, TopicBadge


def render(src: str, extension: ClauseExtension | None = None) -> str:
    md = markdown.Markdown(extensions=[extension or ClauseExtension()])
    return md.convert(textwrap.dedent(src).strip("\n"))


def assert_renders(src: str, expected: str, extension: ClauseExtension | None = None) -> None:
    """Render ``src`` with a fresh Markdown instance and compare the HTML exactly."""
    assert render(src, extension) == textwrap.dedent(expected).strip("\n")


def assert_no_live_script(html: str) -> None:
    assert "<script" not in html.lower(), html



def head(clause_id: str, number: str | None = None, name: str | None = None) -> str:
    """The clause header the template writes: number (if any) and the permalink, named for the
    clause: by its number in context ("clause 4 (a)" for item (a) of 4), or by its first words
    when it has no number (``name``). The copy-link button beside it is the script's, named from
    the permalink (tests/browser/test_search.py)."""
    name = name or f"clause {clause_number(number, clause_id) or clause_id.split('/', 1)[1]}"
    shown = f'<span class="pa-clause__number">{number}</span>' if number else ""
    return (
        f'<div class="pa-clause__head">{shown}<a aria-label="Link to {name}" class="pa-clause__permalink" '
        f'href="#{clause_id}">¶</a></div>'
    )


STRUCTURE = [
    pytest.param(
        """
        § 4.1 {#s/4.1 lines=3-4}
        Staff must follow the procedures.
        """,
        f"""
        <div class="pa-clause" data-number="4.1" id="s/4.1">
        {head("s/4.1", "4.1")}
        <p class="pa-clause__text">Staff must follow the procedures.</p>
        </div>
        """,
        id="numbered",
    ),
    pytest.param(
        """
        § {#s/intro/staff-must-follow}
        Staff must follow the procedures.
        """,
        f"""
        <div class="pa-clause" id="s/intro/staff-must-follow">
        {head("s/intro/staff-must-follow", name="clause “Staff must follow the procedures.”")}
        <p class="pa-clause__text">Staff must follow the procedures.</p>
        </div>
        """,
        id="unnumbered",
    ),
    pytest.param(
        """
        § 4 {#s/4}
        Staff must:

            § (a) {#s/4.a}
            report concerns;

            § (b) {#s/4.b}
            keep records.

        § 5 {#s/5}
        Next.
        """,
        f"""
        <div class="pa-clause" data-number="4" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must:</p>
        <div class="pa-clause__items">
        <div class="pa-clause" data-number="(a)" id="s/4.a">
        {head("s/4.a", "(a)")}
        <p class="pa-clause__text">report concerns;</p>
        </div>
        <div class="pa-clause" data-number="(b)" id="s/4.b">
        {head("s/4.b", "(b)")}
        <p class="pa-clause__text">keep records.</p>
        </div>
        </div>
        </div>
        <div class="pa-clause" data-number="5" id="s/5">
        {head("s/5", "5")}
        <p class="pa-clause__text">Next.</p>
        </div>
        """,
        id="nested-items",
    ),
    pytest.param(
        """
        § 4 {#s/4}
        Staff must:

            § 4.1 {#s/4.1}
            report concerns, including:

                § 4.1.1 {#s/4.1.1}
                messages.

            § 4.2 {#s/4.2}
            keep records.
        """,
        f"""
        <div class="pa-clause" data-number="4" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must:</p>
        <div class="pa-clause__items">
        <div class="pa-clause" data-number="4.1" id="s/4.1">
        {head("s/4.1", "4.1")}
        <p class="pa-clause__text">report concerns, including:</p>
        <div class="pa-clause__items">
        <div class="pa-clause" data-number="4.1.1" id="s/4.1.1">
        {head("s/4.1.1", "4.1.1")}
        <p class="pa-clause__text">messages.</p>
        </div>
        </div>
        </div>
        <div class="pa-clause" data-number="4.2" id="s/4.2">
        {head("s/4.2", "4.2")}
        <p class="pa-clause__text">keep records.</p>
        </div>
        </div>
        </div>
        """,
        id="two-levels",
    ),
    pytest.param(
        # The grammar never writes this (parse_document reports it as clause-indent); the
        # extension must still not reach back across the heading into the clause above it.
        """
        § 4 {#s/4}
        Staff must:

        ## Other matters

            § 4.1 {#s/4.1}
            Orphan.
        """,
        f"""
        <div class="pa-clause" data-number="4" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must:</p>
        </div>
        <h2>Other matters</h2>
        <div class="pa-clause" data-number="4.1" id="s/4.1">
        {head("s/4.1", "4.1")}
        <p class="pa-clause__text">Orphan.</p>
        </div>
        """,
        id="heading-resets-nesting",
    ),
    pytest.param(
        """
        § 4 {#s/4}
        Staff must:

        A paragraph a person added.

            § 4.1 {#s/4.1}
            Orphan.
        """,
        f"""
        <div class="pa-clause" data-number="4" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must:</p>
        </div>
        <p>A paragraph a person added.</p>
        <div class="pa-clause" data-number="4.1" id="s/4.1">
        {head("s/4.1", "4.1")}
        <p class="pa-clause__text">Orphan.</p>
        </div>
        """,
        id="paragraph-resets-nesting",
    ),
    pytest.param(
        """
        § 4 {#s/4}
        Staff must
          follow the
        procedures.
        """,
        f"""
        <div class="pa-clause" data-number="4" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must follow the procedures.</p>
        </div>
        """,
        id="multi-line-text-joins",
    ),
    pytest.param(
        """
        Intro paragraph with *emphasis*.

        - one
        - two

        § 1 {#s/1}
        Text.

        Outro [link](https://example.org/).

        1. first
        2. second
        """,
        f"""
        <p>Intro paragraph with <em>emphasis</em>.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        <div class="pa-clause" data-number="1" id="s/1">
        {head("s/1", "1")}
        <p class="pa-clause__text">Text.</p>
        </div>
        <p>Outro <a href="https://example.org/">link</a>.</p>
        <ol>
        <li>first</li>
        <li>second</li>
        </ol>
        """,
        id="markdown-around-clauses",
    ),
]


@pytest.mark.parametrize(("src", "expected"), STRUCTURE)
def test_structure(src: str, expected: str) -> None:
    assert_renders(src, expected)


def badges_case(topics: str, force: str | None, badges: str) -> tuple[str, str]:
    force_attr = f" force={force}" if force else ""
    data_force = f'data-force="{force}" ' if force else ""
    src = f"§ 4 {{#s/4 topics={topics}{force_attr}}}\nStaff must not.\n"
    expected = (
        f'<div class="pa-clause" {data_force}data-number="4" data-topics="{topics}" id="s/4">\n'
        f"{head('s/4', '4')}\n"
        '<p class="pa-clause__text">Staff must not.</p>\n'
        f"{badges}\n"
        "</div>"
    )
    return src, expected


@pytest.mark.parametrize("force", sorted(Force))
def test_force_badge_uses_its_label(force: Force) -> None:
    words = force.words
    src, expected = badges_case(
        "privacy",
        force,
        f'<div class="pa-clause__badges"><span class="pa-force pa-force--{force}">{words}</span>'
        '<span class="pa-topic pa-topic--privacy">privacy</span></div>',
    )
    assert_renders(src, expected)


def test_topics_without_provider_are_plain_spans_with_overrides_applied() -> None:
    src, expected = badges_case(
        "pupil-contact,old,-old,+new,privacy",
        "required",
        '<div class="pa-clause__badges"><span class="pa-force pa-force--required">Must</span>'
        '<span class="pa-topic pa-topic--pupil-contact">pupil-contact</span>'
        '<span class="pa-topic pa-topic--privacy">privacy</span>'
        '<span class="pa-topic pa-topic--new">new</span></div>',
    )
    assert_renders(src, expected)


def test_removing_the_only_topic_and_no_force_give_no_badges() -> None:
    assert_renders(
        "§ 4 {#s/4 topics=old,-old}\nStaff must not.",
        f"""
        <div class="pa-clause" data-number="4" data-topics="old,-old" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text">Staff must not.</p>
        </div>
        """,
    )


def provider(topic: str, clause_id: str) -> TopicBadge:
    if topic == "privacy":
        return TopicBadge("Privacy")
    return TopicBadge(topic.replace("-", " ").title(), f"/topics/{topic}/", f"Why: {topic} & <tags>")


PROVIDED_BADGES = (
    '<div class="pa-clause__badges"><span class="pa-force pa-force--prohibited">Must not</span>'
    '<a class="pa-topic pa-topic--pupil-contact" href="/topics/pupil-contact/" '
    'title="Why: pupil-contact &amp; &lt;tags&gt;">Pupil Contact</a>'
    '<span class="pa-topic pa-topic--privacy">Privacy</span></div>'
)


def test_topic_badge_provider_passed_as_option() -> None:
    src, expected = badges_case("pupil-contact,privacy,-old", "prohibited", PROVIDED_BADGES)
    assert_renders(src, expected, ClauseExtension(topic_badge=provider))


def statements_of(clause_id: str, *parts: tuple[str, str, tuple[str, ...]]) -> tuple[Statement, ...]:
    return tuple(
        Statement(statement_id(clause_id, n, len(parts)), clause_id, n, text, Force(force), "why", topics)
        for n, (text, force, topics) in enumerate(parts, start=1)
    )


def test_statements_that_differ_each_carry_their_badges() -> None:
    """A clause stating a prohibition and a permission shows each statement with its own force."""
    statements = statements_of(
        "s/4", ("Staff must not message pupils.", "prohibited", ("privacy",)), ("Staff may post <news>.", "permitted", ())
    )
    info = ClauseInfo(("privacy",), "prohibited", statements)
    extension = ClauseExtension(clause_info=lambda clause_id: info if clause_id == "s/4" else None)
    assert_renders(
        "§ 4 {#s/4 topics=privacy force=prohibited}\nStaff must not message pupils. Staff may post <news>.",
        f"""
        <div class="pa-clause" data-force="prohibited" data-number="4" data-topics="privacy" id="s/4">
        {head("s/4", "4")}
        <p class="pa-clause__text"><span class="pa-statement" id="s/4~1">Staff must not message pupils.</span> <span class="pa-statement__badges"><span class="pa-force pa-force--prohibited">Must not</span><span class="pa-topic pa-topic--privacy">privacy</span></span> <span class="pa-statement" id="s/4~2">Staff may post &lt;news&gt;.</span> <span class="pa-statement__badges"><span class="pa-force pa-force--permitted">May</span></span></p>
        </div>
        """,
        extension,
    )


def test_statements_that_agree_share_one_row_of_badges() -> None:
    statements = statements_of("s/4", ("Staff must not text pupils.", "prohibited", ()), ("Staff must not call pupils.", "prohibited", ()))
    extension = ClauseExtension(clause_info=lambda clause_id: ClauseInfo((), "prohibited", statements))
    html = render("§ 4 {#s/4 force=prohibited}\nStaff must not text pupils. Staff must not call pupils.", extension)
    assert "pa-statement" not in html
    assert html.count("pa-force--prohibited") == 1


HOSTILE = [
    pytest.param("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", id="script"),
    pytest.param("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", id="img-onerror"),
    pytest.param("*bold*", "*bold*", id="emphasis"),
    pytest.param("# not a heading", "# not a heading", id="atx-heading"),
    pytest.param("| a | b |", "| a | b |", id="table-row"),
    pytest.param("[x](javascript:alert(1))", "[x](javascript:alert(1))", id="javascript-link"),
    pytest.param("&amp;", "&amp;amp;", id="entity"),
    pytest.param("a &lt; b &#169; & c", "a &amp;lt; b &amp;#169; &amp; c", id="entities-and-bare-ampersand"),
    pytest.param("Do not <!-- hide this", "Do not &lt;!-- hide this", id="unclosed-comment"),
    pytest.param(
        "<div>\nStaff must <b>not</b>.", "&lt;div&gt; Staff must &lt;b&gt;not&lt;/b&gt;.", id="html-block"
    ),
    pytest.param("`code` and \\*escaped\\*", "`code` and \\*escaped\\*", id="code-and-backslashes"),
]


@pytest.mark.parametrize(("text", "shown"), HOSTILE)
def test_clause_text_renders_literally(text: str, shown: str) -> None:
    src = f"§ 1 {{#s/1}}\n{text}\n\nAfter the clause."
    expected = (
        '<div class="pa-clause" data-number="1" id="s/1">\n'
        f"{head('s/1', '1')}\n"
        f'<p class="pa-clause__text">{shown}</p>\n'
        "</div>\n"
        "<p>After the clause.</p>"
    )
    assert_renders(src, expected)
    assert_no_live_script(render(src))


def test_unclosed_comment_does_not_swallow_the_next_clause() -> None:
    html = render("§ 1 {#s/1}\nText <!--\n\n§ 2 {#s/2}\nMore <script>\n\nAfter *this*.")
    assert '<p class="pa-clause__text">Text &lt;!--</p>' in html
    assert '<p class="pa-clause__text">More &lt;script&gt;</p>' in html
    assert html.endswith("</div>\n<p>After <em>this</em>.</p>")
    assert_no_live_script(html)


@pytest.mark.parametrize("number", ["<b>", "&amp;", "4.1"])
def test_clause_number_renders_literally(number: str) -> None:
    html = render(f"§ {number} {{#s/x}}\nText.")
    shown = number.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f'<span class="pa-clause__number">{shown}</span>' in html
    assert_no_live_script(html)


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        pytest.param("Links & <b>markup</b>", "Links &amp; &lt;b&gt;markup&lt;/b&gt;", id="html"),
        pytest.param("*Not* _emphasis_ [x](y)", "*Not* _emphasis_ [x](y)", id="markdown"),
        pytest.param("R&amp;D", "R&amp;amp;D", id="entity"),
        pytest.param("Ends with #", "Ends with #", id="closing-hashes"),
        pytest.param("x {: .cls}", "x {: .cls}", id="attr-list"),
        pytest.param("a | b", "a | b", id="pipe"),
        pytest.param(
            "About ~ 5 pupils",
            "About ~ 5 pupils",
            id="tilde",
        ),
    ],
)
def test_written_headings_render_literally_with_the_site_extensions(heading: str, shown: str) -> None:
    md = markdown.Markdown(extensions=["tables", "attr_list", ClauseExtension()])
    html = md.convert(f"## {escape_heading(heading)}")
    assert html == f"<h2>{shown}</h2>"


def test_reset_between_documents_gives_identical_output() -> None:
    src = textwrap.dedent(
        """
        # Policy

        § 4 {#s/4 topics=privacy force=required}
        Staff must:

            § (a) {#s/4.a}
            <script>alert(1)</script>

        ## Next

            § 5 {#s/5}
            Orphan after a heading.
        """
    )
    extension = ClauseExtension()
    md = markdown.Markdown(extensions=[extension])
    first = md.convert(src)
    md.reset()
    assert extension.names == {} and extension.anchor_ids == []
    second = md.convert(src)
    assert first == second == render(src)
    assert_no_live_script(second)


def test_reset_forgets_clauses_of_the_previous_document() -> None:
    extension = ClauseExtension()
    md = markdown.Markdown(extensions=[extension])
    md.convert("§ 1 {#a/1}\nFirst document.\n\n    § 1.1 {#a/1.1}\nChild.")
    md.reset()
    html = md.convert("    § 2.1 {#b/2.1}\nSecond document.")
    assert 'id="a/' not in html
    assert html.startswith('<div class="pa-clause" data-number="2.1" id="b/2.1">')


def test_clause_links_are_named_for_the_clause_and_its_school_and_never_twice() -> None:
    """A screen reader's list of links tells every clause apart: by number, or by first words,
    with the school's name; two clauses that open alike are told apart by a count."""
    extension = ClauseExtension(clause_info=lambda clause_id: ClauseInfo((), None, (), "Northgate Primary School"))
    html = render(
        """
        § 8.3 {#n/8.3}
        Staff must not.

        § {#n/x/staff-must-not}
        Staff must not.

        § {#n/x/staff-must-not-2}
        Staff must not.
        """,
        extension,
    )

    names = re.findall(r'aria-label="([^"]+)"', html)
    assert names == [
        "Link to clause 8.3, Northgate Primary School",
        "Link to clause “Staff must not.”, Northgate Primary School",
        "Link to clause “Staff must not.”, Northgate Primary School (2)",
    ]


def test_a_clause_page_writes_no_copy_button_for_a_reader_without_script() -> None:
    """The copy-link button is the script's (made beside each permalink, named from it): a page
    read without script offers no button that could not work, and no clause repeats its markup."""
    html = render("§ 8.3 {#n/8.3}\nStaff must not.")
    assert "<button" not in html and "pa-clause__copy" not in html
    assert 'class="pa-clause__permalink" href="#n/8.3">¶</a>' in html


def force_symbols_drawn_by_css() -> dict[str, str]:
    """The symbol pages.css draws before a clause's force badge, by the badge's force."""
    css = (Path(__file__).resolve().parents[1] / "plugins/policy_atlas/assets/pages.css").read_text(encoding="utf-8")
    return dict(re.findall(r'\.pa-statement__badges\) \.pa-force--([a-z-]{1,40}) \{ --pa-symbol: "([^"]{1,4})"; \}', css))


def test_every_force_badge_on_a_clause_gets_its_symbol_from_the_style_sheet() -> None:
    """A clause's badge writes only the force's words; the symbol, the cue that is neither colour
    nor words, comes from pages.css, which must give each force the symbol the model defines."""
    assert force_symbols_drawn_by_css() == {force.value: force.symbol for force in Force}


def test_a_tags_pages_are_cited_beside_the_clause_as_text_without_a_plugin() -> None:
    """Without the plugin there is no published PDF to open: the page is cited, not linked."""
    html = render("§ 4.2 {#s/4.2 lines=40-41 pages=3-4}\nStaff must not share passwords.\n")
    assert '<span class="pa-clause__page" title="Printed on pages 3 to 4 of the original document">pp. 3–4</span>' in html
    assert "pa-clause__page" not in render("§ 4.2 {#s/4.2 lines=40-41}\nStaff must not share passwords.\n")
