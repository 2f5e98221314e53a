"""View models and the templates' escaping helpers, without MkDocs: a school's summary block (with
what its cover page and page furniture said), headings, anchors and outside addresses."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from pagekit import fake_url
from policy_atlas.core.corpus import SchoolPolicy
from policy_atlas.core.model import Clause, Force, PolicyDate, PolicyMeta, SetAside
from policy_atlas.core.redline import Change
from policy_atlas.core.views import PageKind, Redlines, Ref, SchoolSummaryView, StatementView, school_summary_view
from policy_atlas.templating import Templates, anchor, external, heading

PAYLOADS = ("[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", '"><script>alert(1)</script>', '{: onclick="alert(1)"}')


class _Tags(HTMLParser):
    """Every start tag of a fragment of HTML, with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _live(html: str) -> list[str]:
    """What in rendered Markdown would run or navigate: script and img elements, on* attributes, javascript: links."""
    return [
        f"<{tag} {attrs}>"
        for tag, attrs in _Tags(html).tags
        if tag in ("script", "img") or any(k.startswith("on") or (v or "").lower().startswith("javascript") for k, v in attrs.items())
    ]


def _school(set_aside: tuple[SetAside, ...] = (), **meta: object) -> SchoolPolicy:
    fields: dict[str, object] = {"slug": "northgate", "school": "Northgate", "title": "Social media", "source_file": "source_policies/northgate.txt"}
    fields.update(meta)
    return SchoolPolicy(PolicyMeta(**fields), Path("docs/policies/northgate.md"), (Clause("northgate/1", "Staff must not post."),), set_aside=set_aside)  # type: ignore[arg-type]


def _summary(school: SchoolPolicy) -> tuple[SchoolSummaryView, str]:
    view = school_summary_view(school, date(2026, 1, 1), (), {"northgate": school.meta.school}, has_gaps=True)
    return view, Templates().render("school-summary.md.jinja", view, fake_url)


def test_cover_lines_are_page_metadata_and_furniture_a_note() -> None:
    view, shown = _summary(
        _school(
            (
                SetAside("cover", "Approved by: Full Governing Body", (3,)),
                SetAside("furniture", "Northgate Primary School, Mill Lane", (40, 80, 40)),
                SetAside("cover", "Review date: September 2026", (4,)),
            )
        )
    )
    assert [c.text for c in view.cover] == ["Approved by: Full Governing Body", "Review date: September 2026"]
    assert "<dt>From the cover page</dt>" in shown
    assert '<li>Approved by: Full Governing Body <span class="pa-muted">(line 3)</span></li>' in shown
    assert "<summary>Page furniture set aside (1)</summary>" in shown
    assert '<li>Northgate Primary School, Mill Lane <span class="pa-muted">(lines 40, 80)</span></li>' in shown


def test_without_set_aside_text_there_is_no_cover_or_furniture_note() -> None:
    _, shown = _summary(_school())
    assert "From the cover page" not in shown and "furniture" not in shown


def test_summary_facts_and_links() -> None:
    view, shown = _summary(_school(approved_by="Governors", next_review=PolicyDate(date(2025, 9, 1), month_only=True), url="https://example.org/p.pdf"))
    assert view.overdue and view.review_due == "September 2025"
    assert view.source_ref == Ref(PageKind.DATA, "sources/northgate.txt")
    assert '<a href="/data/sources/northgate.txt">northgate.txt</a>' in shown
    assert '<a href="/gaps/northgate">what other schools cover that this policy does not</a>' in shown
    assert '<dt>Published at</dt><dd><a href="https://example.org/p.pdf">https://example.org/p.pdf</a></dd>' in shown


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_summary_field_is_text(payload: str) -> None:
    school = _school((SetAside("cover", payload, (1,)), SetAside("furniture", payload, (2,))), school=payload, title=payload, approved_by=payload)
    _, shown = _summary(school)
    html = markdown.markdown(shown, extensions=["attr_list", "toc"])
    assert _live(html) == []
    assert "".join(_Tags(html).text).count(payload) == 6  # heading, school, policy, approved by, cover, furniture


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_heading_is_one_escaped_line(payload: str) -> None:
    html = markdown.markdown(f"# {heading(payload + chr(10) + payload)}", extensions=["attr_list", "toc"])
    assert html.count("<h1") == 1 and "<p>" not in html
    assert _live(html) == [] and [tag for tag, _ in _Tags(html).tags] == ["h1"]


def test_a_heading_takes_a_plain_anchor_only() -> None:
    assert heading("Consent", "provision-consent") == "Consent {#provision-consent}"
    for unsafe in ('x" onclick="alert(1)', "a b", "x}", ""):
        with pytest.raises(ValueError):
            anchor(unsafe)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/policy.pdf", "https://example.org/policy.pdf"),
        ("http://example.org/", "http://example.org/"),
        ("javascript:alert(1)", ""),
        ("JAVASCRIPT:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("//example.org/x", ""),
        (None, ""),
    ],
)
def test_only_web_addresses_become_outside_links(url: str | None, shown: str) -> None:
    assert external(url) == shown


def test_control_characters_never_reach_a_page() -> None:
    rendered = Templates().env.from_string("<p>{{ text }}</p>").render(text="a\x02wzxhzdk:0\x03b\x07")
    assert rendered == "<p>awzxhzdk:0b</p>"


def test_a_passage_quotes_each_wording_once_and_names_the_schools_that_word_it_so() -> None:
    from policy_atlas.core.compare import SharedPassage
    from policy_atlas.core.views import shared_wording_view

    same = "Staff must not accept pupils as friends on social media."
    other = "Staff must never accept pupils as friends on social media."
    slugs = [f"s{n}" for n in range(1, 6)]
    members = tuple((slug, Clause(f"{slug}/3", same if slug != "s4" else other, number="3")) for slug in slugs)
    passage = SharedPassage(members, 0.95, tuple(c.text for _, c in members))
    view = shared_wording_view((passage,), {slug: f"School {slug[1:]}" for slug in slugs})
    wordings = view.passages[0].excerpts
    assert [w.quoted.school for w in wordings] == ["s1", "s4"]
    assert [a.label for a in wordings[0].alike] == ["School 2, clause 3", "School 3, clause 3", "School 5, clause 3"]
    assert wordings[0].quoted.redline == () and [c.text for c in wordings[1].quoted.redline if c.kind == "insert"] == ["never"]
    shown = Templates().render("shared-wording.md.jinja", view, fake_url)
    assert shown.count(same) == 1 and "The same, word for word, in 3 more: " in shown and shown.count("clause 3</a>") == 5
    assert view.passages[0].schools == "School 1, School 2, School 3, School 4 and 1 other"


@pytest.mark.parametrize(("current", "linked"), [(1, [1, 2, 3, None, 40]), (10, [1, None, 8, 9, 10, 11, 12, None, 40]), (39, [1, None, 37, 38, 39, 40]), (3, [1, 2, 3, 4, 5, None, 40])])
def test_a_pager_of_many_parts_links_the_ends_and_the_parts_near_this_one(current: int, linked: list[int | None]) -> None:
    from policy_atlas.core.refs import pager_for

    pager = pager_for([Ref(PageKind.SHARED, part=n) for n in range(1, 41)], [(f"part {n}", "") for n in range(1, 41)], current)
    assert pager.count == 40 and pager.split
    assert [part.ref.part if part else None for part in pager.parts] == linked
    assert [part.ref.part for part in pager.parts if part and part.current] == [current]


def test_shared_wording_parts_weigh_the_schools_named_under_a_wording() -> None:
    from policy_atlas.core.views import ALIKE_PER_QUOTE, PassageView, SharedWordingView, StatementView, WordedAlike, WordingView, shared_parts

    def wording(n: int, alike: int) -> WordingView:
        quoted = StatementView(f"s{n}", f"School {n}", Ref(PageKind.SCHOOL, f"s{n}"), Force.of("must"), f"Wording {n}.")
        return WordingView(quoted, tuple(WordedAlike(f"School {n}-{k}", Ref(PageKind.SCHOOL, f"s{n}-{k}")) for k in range(alike)))

    crowded = PassageView(1, "many", (wording(1, 4 * ALIKE_PER_QUOTE), wording(2, 0)))  # weighs 5 + 1
    plain = PassageView(2, "two", (wording(3, 0), wording(4, 0)))
    parts = shared_parts(SharedWordingView((crowded, plain), found=2), per_page=6)
    assert [[(p.index, len(p.excerpts)) for p in part.passages] for part in parts] == [[(1, 2)], [(2, 2)]]
    assert [part.part_label for part in parts] == ["", "passage 2"] and parts[1].pager.count == 2


def test_a_school_with_the_same_sentence_in_two_clauses_is_named_once_under_it() -> None:
    from policy_atlas.core.compare import SharedPassage
    from policy_atlas.core.views import shared_wording_view

    same = "Staff must not accept pupils as friends on social media."
    members = (("a", Clause("a/1", same, number="1")), ("b", Clause("b/4", same, number="4")), ("b", Clause("b/9", same, number="9")))
    view = shared_wording_view((SharedPassage(members, 1.0, (same, same, same)),), {"a": "School A", "b": "School B"})
    (wording,) = view.passages[0].excerpts
    assert wording.quoted.school == "a" and [a.label for a in wording.alike] == ["School B, clause 4"]


def _quoted(redlined: bool, unlike: bool) -> StatementView:
    changes = (Change("equal", "Staff"), Change("insert", "must")) if redlined else ()
    return StatementView("s", "S, clause 1", Ref(PageKind.SCHOOL, "s", "s/1"), Force.REQUIRED, "Staff must.", changes, unlike=unlike)


@pytest.mark.parametrize(
    ("statements", "shown", "unlike"),
    [
        ([], 0, 0),
        ([(True, False), (False, True), (False, True)], 1, 2),
        ([(False, True)] * 25, 0, 25),  # said once on the page, not 25 times
        ([(False, False)], 0, 0),  # a reference wording: compared with nothing
    ],
)
def test_a_page_counts_its_redlines_once(statements: list[tuple[bool, bool]], shown: int, unlike: int) -> None:
    assert Redlines.of(_quoted(r, u) for r, u in statements) == Redlines(shown, unlike)
    assert all("redline" not in note for r, u in statements for note in _quoted(r, u).notes)


def _statement_html(view: StatementView) -> str:
    """The statement partial as a comparing page renders it."""
    macro = Templates().env.from_string('{% from "partials/statement.html.jinja" import statement with context %}{{ statement(page) }}')
    return macro.render(page=view, url=fake_url)


def test_a_list_item_is_quoted_after_the_lead_in_that_gives_it_its_rule() -> None:
    # "Post photos of pupils." alone reads as an instruction to post them; under its lead-in it is a ban.
    item = StatementView("s", "S, clause 4 b)", Ref(PageKind.SCHOOL, "s", "s/4-b"), Force.PROHIBITED, "Post photos of pupils.", lead_in="Staff must never:")
    text = " ".join("".join(_Tags(_statement_html(item)).text).split())
    assert text.endswith("Staff must never: Post photos of pupils.")
    alone = StatementView("s", "S, clause 5", Ref(PageKind.SCHOOL, "s", "s/5"), Force.REQUIRED, "Staff must lock their phones.")
    assert "pa-compare__lead-in" not in _statement_html(alone)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_lead_in_is_text(payload: str) -> None:
    item = StatementView("s", "S, clause 4", Ref(PageKind.SCHOOL, "s", "s/4"), Force.PROHIBITED, "Share passwords.", lead_in=payload)
    assert _live(_statement_html(item)) == []
