"""Rules of layout, table-driven: page numbers found by their count, furniture where pages meet,
forms and tables of marks, headings whose level never ratchets, and no clause without words."""

from __future__ import annotations

import textwrap

import pytest

from policy_atlas.core.ingest import _scan, _wrap_threshold, parse_policy
from policy_atlas.core.model import Heading, Policy
from policy_atlas.core.setaside import fill_in_field, mark_row


def parse(text: str) -> Policy:
    return parse_policy(text, "t", "t.txt")


def headings(policy: Policy) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in policy.blocks if isinstance(b, Heading)]


def aside(policy: Policy, kind: str) -> list[str]:
    return [r.text for r in policy.set_aside if r.kind == kind for _ in r.lines]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Name of pupil: ……………………", True),
        ("Signed: ............ Date: ________", True),
        ("Signed (parent / carer) ____________", True),
        ("Group / Class: …………", True),
        ("Staff must sign the agreement...", False),  # a sentence that trails off
        ("1 Introduction..........4", False),  # a contents entry: its page number follows
        ("…………", False),  # no label
    ],
)
def test_a_form_line_is_labels_waiting_to_be_filled_in(line: str, expected: bool) -> None:
    assert fill_in_field(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Use of messaging apps X X", True),
        ("Allowed in school | X | X | X", True),
        ("X ✓", True),
        ("Pornography X", True),
        ("Staff must reply. X", False),  # a sentence ends before the mark
        ("Press X to leave the page", False),  # the mark is no row's end
        ("the value of x", False),  # a lower-case x ends prose, not a row
    ],
)
def test_a_row_of_marks_is_a_label_then_crosses_or_ticks(line: str, expected: bool) -> None:
    assert mark_row(line) is expected


def paged(pages: list[list[str]], feeds: bool) -> str:
    """Pages with a running header and a bare page number in each footer."""
    out: list[str] = []
    for number, lines in enumerate(pages, start=1):
        out += [("\f" if feeds and number > 1 else "") + "Brook School – Online Policy", *lines, str(number)]
    return "\n".join(out) + "\n"


SECTION = ["Staff must report concerns to the police.", "Staff must keep records of what they saw.", "Records are kept for six years.", "The head reviews them each term.", "Parents are told of the outcome.", "Governors see a summary."]


@pytest.mark.parametrize("feeds", [True, False], ids=["form-feeds", "pasted"])
def test_page_numbers_are_never_glued_to_a_clause_with_or_without_form_feeds(feeds: bool) -> None:
    policy = parse(paged([["1 Reporting", *SECTION], SECTION, SECTION, SECTION], feeds))
    assert [line for line in aside(policy, "furniture") if line.isdigit()] == ["1", "2", "3", "4"]
    assert aside(policy, "furniture").count("Brook School – Online Policy") == 4
    assert all(not c.text[-1].isdigit() for c in policy.clauses)


@pytest.mark.parametrize(
    "between",
    [pytest.param("\n14\n", id="a-page-number"), pytest.param("\n\n14\n\n", id="with-blank-lines"), pytest.param("\n201\n202\n", id="margin-paragraph-numbers")],
)
def test_a_bare_number_between_two_sentences_never_ends_the_clause_before_it(between: str) -> None:
    policy = parse(f"Phones\n\nStaff keep phones locked away in lessons.{between}Pupils hand phones in at the office.\n")
    assert [c.text for c in policy.clauses] == ["Staff keep phones locked away in lessons.", "Pupils hand phones in at the office."]
    assert aside(policy, "furniture") == between.split()


def test_paragraph_numbers_in_the_margin_part_hard_wrapped_paragraphs() -> None:
    policy = parse(
        "Phones\n\nThis part is about phones.\n301\nStaff keep their own phones locked away in a drawer or a bag during\n"
        "lessons, and use them only in the staff room or an empty classroom when\n"
        "no pupils are present in the room with them.\n302\n"
        "Pupils who bring a phone to school hand it in at the office when they\n"
        "arrive and collect it again from the office at the end of the day.\n"
    )
    assert [c.text[:20] for c in policy.clauses] == ["This part is about p", "Staff keep their own", "Pupils who bring a p"]
    assert aside(policy, "furniture") == ["301", "302"]


def test_a_sentence_ending_with_room_for_the_next_word_ends_its_paragraph() -> None:
    """Wrapping breaks a line only where the next word does not fit: a sentence that ends with
    room to spare ended its paragraph, though the line is longer than most short lines."""
    text = (
        "Terms\n\nThese words have the meanings below wherever this policy uses them, in every\n"
        "section and in each of the appendices and forms that go with it, unless the text\n"
        "around them says otherwise, and they are written the same way in each of those.\n"
        "DSL - the designated safeguarding lead for the school.\n"
        "VLE - the virtual learning environment the school provides for pupils to use.\n"
        "Staff must use the school's own accounts for all contact with pupils and parents, and\n"
        "never their personal accounts, whatever the time of day or the reason for the contact\n"
        "and whoever started it. Leaders check the school's accounts once a week, every week.\n"
    )
    assert _wrap_threshold(_scan(text)[0])[1], "the text must read as hard-wrapped for this test to mean anything"
    assert [c.text[:10] for c in parse(text).clauses] == ["These word", "DSL - the ", "VLE - the ", "Staff must"]


def test_a_numbered_list_one_number_a_line_is_no_page_numbering() -> None:
    policy = parse("Staff must:\n1\nReport it.\n2\nRecord it.\n3\nTell the head.\n4\nTell the governors.\n")
    assert not aside(policy, "furniture")


@pytest.mark.parametrize("feeds", [True, False], ids=["form-feeds", "pasted"])
def test_a_recurring_section_heading_is_never_furniture(feeds: bool) -> None:
    body = ["Policy statements", *SECTION[:3]]
    pages = [["1 Filtering", *body, *SECTION], ["2 Monitoring", *SECTION[:2], *body], ["3 Passwords", *body, *SECTION[:2]], ["4 Devices", *SECTION[:1], *body]]
    policy = parse(paged(pages, feeds))
    assert [h for h, _ in headings(policy)].count("Policy statements") == 4
    assert "Policy statements" not in aside(policy, "furniture")


def test_a_table_of_marks_and_its_head_are_a_form() -> None:
    policy = parse(
        "Staff may use phones as the table shows:\n\nUse of phones\nAllowed Not\nallowed\n"
        "Phones in the staff room X\nPhones in lessons\nX\nPhones on trips X\n\nStaff must keep phones locked.\n"
    )
    assert [c.text for c in policy.clauses] == ["Staff may use phones as the table shows:", "Staff must keep phones locked."]
    assert aside(policy, "form")[:3] == ["Use of phones", "Allowed Not", "allowed"]
    assert not headings(policy)


def test_a_heading_over_a_form_is_a_heading_and_its_sibling_is_not_its_child() -> None:
    policy = parse(
        "Appendix G: Record of review\n\nFirst reviewer\nName: ………………\nSigned: ………………\n"
        "Second reviewer\nName: ………………\nSigned: ………………\nOutcome\nThe head decides what happens next.\n"
    )
    assert headings(policy) == [("Appendix G: Record of review", 2), ("First reviewer", 3), ("Second reviewer", 3), ("Outcome", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Introduction\n\nStaff must read this.\n\nContact\nPhones\n\nStaff must not call pupils.\n\n"
            "Images\nConsent\n\nStaff must get consent.\n\nDevices\nStorage\n\nStaff must lock devices.\n",
            [("Introduction", 2), ("Contact", 2), ("Phones", 3), ("Images", 2), ("Consent", 3), ("Devices", 2), ("Storage", 3)],
            id="groups-of-two-never-ratchet",
        ),
        pytest.param(
            "1 Scope\n\nIt applies to staff.\n\nSigned (child)\nCost\n\nNone.\n\nSigned (parent)\nCost\n\nNone.\n\n"
            "2 Phones\n\nStaff must lock phones.\n",
            [("1 Scope", 2), ("Signed (child)", 3), ("Cost", 4), ("Signed (parent)", 3), ("Cost", 4), ("2 Phones", 2)],
            id="numbering-resets-what-misread-lines-did",
        ),
        pytest.param(
            "1 Roles\n\nIt names who does what.\n\nGovernors\nDuties\n\nThey approve it.\n\nLeaders\nTasks\n\nThey lead it.\n\n"
            "Teachers\nRules\n\nThey teach it.\n\nPupils\nRights\n\nThey follow it.\n",
            [("1 Roles", 2), ("Governors", 3), ("Duties", 4), ("Leaders", 3), ("Tasks", 4), ("Teachers", 3), ("Rules", 4), ("Pupils", 3), ("Rights", 4)],
            id="deepest-stays-under-the-numbered-heading",
        ),
    ],
)
def test_heading_levels_never_ratchet_down_the_document(text: str, expected: list[tuple[str, int]]) -> None:
    assert headings(parse(text)) == expected


@pytest.mark.parametrize(
    ("last", "level"),
    [
        pytest.param("Mobile phones", 3, id="names-the-section-a-sibling-of-its-subsections"),
        pytest.param("MOBILE PHONES", 3, id="its-name-in-capitals"),
        pytest.param("Charging", 4, id="a-new-name-a-part-of-the-subsection"),
    ],
)
def test_a_heading_naming_its_section_after_a_subsections_text_is_that_sections(last: str, level: int) -> None:
    policy = parse(
        "3 Mobile phones\n\nPhones are part of school life.\n\n3.1 Staff phones\n\nStaff keep phones locked away in lessons.\n\n"
        f"3.2 Pupil phones\n\nPupils hand phones in at the office.\n\n{last}\n\nA lost phone is reported to the office the same day.\n\n"
        "4 Email\n\nStaff use school email only.\n"
    )
    assert headings(policy)[3:] == [(last, level), ("4 Email", 2)]


@pytest.mark.parametrize(
    "text",
    ["1.\n2. Staff must post.\n", "Staff must post.\n\n-----\n\n* * *\n\n3.\n", "Social 1.1\n", "(a)\n(b) Staff must post.\n"],
)
def test_no_clause_is_without_words(text: str) -> None:
    policy = parse(text)
    assert all(any(ch.isalpha() for ch in c.text) for c in policy.clauses)


def hard_wrapped(paragraph: str, width: int = 60) -> list[str]:
    return textwrap.wrap(paragraph, width)


ACCOUNTS = [
    "Whoever runs a school account keeps its log-in details to themselves and changes them every term.",
    "The office hears when somebody leaves the team that runs an account, and their access ends that day.",
]
POSTING = "Nothing goes out until a second person has read it and checked that no pupil can be named from the words or pictures."
MISTAKES = "A post that names a pupil by mistake comes down at once, and the family hears what happened and what was done."


def test_hard_wrapped_text_keeps_its_contents_entries_and_headings_apart() -> None:
    """Where lines are wrapped at one width, a full-width line runs on into the next; but a contents
    entry is as wide as its leader makes it, and a short title with no stop under a finished
    sentence is a heading, not the paragraph's next sentence."""
    contents = ["Contents", *[f"{n} {title} ".ljust(58, ".") + str(page) for n, title, page in [(1, "Accounts", 2), (2, "Posting", 3), (3, "Reviews", 4), (4, "Records", 5)]]]
    body = ["1 Accounts", *hard_wrapped(ACCOUNTS[0]), *hard_wrapped(ACCOUNTS[1]), "Checks before posting", *hard_wrapped(POSTING), "2 Posting", *hard_wrapped(MISTAKES)]
    text = "\n".join(contents + body) + "\n"
    assert _wrap_threshold(_scan(text)[0])[1], "the text must read as hard-wrapped for this test to mean anything"
    policy = parse(text)
    assert headings(policy) == [("1 Accounts", 2), ("Checks before posting", 3), ("2 Posting", 2)]
    assert aside(policy, "furniture") == contents
    assert [c.text for c in policy.clauses] == [*ACCOUNTS, POSTING, MISTAKES]


ONE_PARAGRAPH_A_LINE = [
    "Staff keep log-in details to themselves.",
    "The office is told when somebody leaves the team that runs an account, and their access ends that day.",
    "Posts go out after a second read.",
    "Nobody posts a picture in which a pupil can be named, whether from the picture itself, its caption or the comments under it.",
    "Mistakes are taken down at once.",
    "Families are told what happened and what the school did about it.",
    "Staff do not follow pupils.",
    "Staff who are parents use their judgement and keep school matters off their own pages, even when other parents ask.",
]


@pytest.mark.parametrize(
    "laid_out",
    [
        pytest.param([f"{n} Section {n} ".ljust(95, ".") + str(n + 2) for n in range(1, 9)], id="contents-leaders"),
        pytest.param([f"Using {device} in lessons, at breaks and lunch and on trips away from school | X | X | X | X" for device in "phones tablets watches consoles laptops cameras players readers".split()], id="table-rows"),
        pytest.param([f"{label}: " + "…" * 88 for label in "Name Class Signed Date Witness Role Phone Email".split()], id="form-lines"),
    ],
)
def test_lines_the_layout_makes_long_do_not_make_text_look_hard_wrapped(laid_out: list[str]) -> None:
    """A contents list, a table or a form runs to the margin whatever width the prose wraps at:
    text with a paragraph a line stays read as such however many of them it holds."""
    _, wrapped = _wrap_threshold(_scan("\n".join(laid_out + ONE_PARAGRAPH_A_LINE))[0])
    assert not wrapped
