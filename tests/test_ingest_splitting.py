"""Splitting rules of ingest, one table per rule, with wording of our own (no seed's lines).

(a) a sentence wrapped inside a capitalised name continues; (b) cover-page and document-control
lines are set aside as cover, not clauses; (c) the school's name and the document title above the
first section are not headings; (d) page furniture that recurs through an extraction is set aside
once per text and noted; (e) one sentence per line, and a title run into the first sentence, split
into proper clauses. Also: Markdown conversions (``#`` headings, hanging indents, escaped bullets),
numbering that restarts under each heading, and a numbered item among numbered items.
"""

from __future__ import annotations

import textwrap
import time

import pytest
from test_ingest_structure import C, H, Row, outline, parse

from policy_atlas.core.model import Policy, SetAside, Severity

CONDUCT = ("Conduct",)
REPORTING = ("Reporting",)


def aside(policy: Policy, kind: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(record.text, record.lines) for record in policy.set_aside if record.kind == kind]


# (a) A wrapped line whose last part is a short capitalised name continues its sentence.

NAME_WRAPS = [
    pytest.param(
        "Reporting\nA message from a pupil must be passed to the Pastoral\n"
        "Support Manager before the end of the day.\nStaff must keep a copy.\n",
        [
            H("Reporting"),
            C("A message from a pupil must be passed to the Pastoral Support Manager before the end of the day.", heading=REPORTING),
            C("Staff must keep a copy.", heading=REPORTING),
        ],
        id="name-then-preposition",
    ),
    pytest.param(
        "Reporting\nSigned consent forms are kept by the School Business\nManager.\nStaff must check them each term.\n",
        [
            H("Reporting"),
            C("Signed consent forms are kept by the School Business Manager.", heading=REPORTING),
            C("Staff must check them each term.", heading=REPORTING),
        ],
        id="name-then-full-stop",
    ),
    pytest.param(
        "Reporting\n\nSuspected grooming should be referred to the Online Safety\n\n"
        "Coordinator, who keeps a log.\n\nStaff must not investigate it themselves.\n",
        [
            H("Reporting"),
            C("Suspected grooming should be referred to the Online Safety Coordinator, who keeps a log.", heading=REPORTING),
            C("Staff must not investigate it themselves.", heading=REPORTING),
        ],
        id="double-spaced-name-then-comma",
    ),
    pytest.param(
        "Reporting\nConcerns must be sent to the Designated\nSafeguarding Lead\nwithin one working day.\n",
        [
            H("Reporting"),
            C("Concerns must be sent to the Designated Safeguarding Lead within one working day.", heading=REPORTING),
        ],
        id="name-fills-the-line",
    ),
    pytest.param(
        "Reporting\n• Forward the screenshot to the Online Safety\n  Coordinator without replying.\n"
        "• Delete nothing until it has been seen.\n",
        [
            H("Reporting"),
            C("Forward the screenshot to the Online Safety Coordinator without replying.", heading=REPORTING),
            C("Delete nothing until it has been seen.", heading=REPORTING),
        ],
        id="bullet-with-hanging-name",
    ),
    pytest.param(
        "What to do when a parent messages you on WhatsApp\nStaff must not reply from a personal number.\n"
        "Staff should keep the message.\n",
        [
            H("What to do when a parent messages you on WhatsApp"),
            C("Staff must not reply from a personal number.", heading=("What to do when a parent messages you on WhatsApp",)),
            C("Staff should keep the message.", heading=("What to do when a parent messages you on WhatsApp",)),
        ],
        id="heading-ending-in-a-name-is-not-joined",
    ),
    pytest.param(
        "Reporting\nComplaints about a post should always go to the Headteacher\n"
        "Parents may also write to the governors.\nStaff should keep a copy of every complaint they receive.\n"
        "The clerk will acknowledge a letter within five school days.\n",
        [
            H("Reporting"),
            C("Complaints about a post should always go to the Headteacher", heading=REPORTING),
            C("Parents may also write to the governors.", heading=REPORTING),
            C("Staff should keep a copy of every complaint they receive.", heading=REPORTING),
            C("The clerk will acknowledge a letter within five school days.", heading=REPORTING),
        ],
        id="new-sentence-with-its-own-verb-is-not-joined",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAME_WRAPS)
def test_a_sentence_wrapped_inside_a_name_continues(text: str, expected: list[Row]) -> None:
    assert outline(parse(text)) == expected


# (b) Cover-page and document-control lines are page metadata, not clauses.

COVER_LINES = [
    pytest.param("Date ratified: 4 March 2025", [("Date ratified: 4 March 2025", (1,))], id="label-colon-date"),
    pytest.param("Policy owner: Deputy Headteacher", [("Policy owner: Deputy Headteacher", (1,))], id="label-colon-name"),
    pytest.param("Version 4.2", [("Version 4.2", (1,))], id="version"),
    pytest.param("Last updated March 2025", [("Last updated March 2025", (1,))], id="label-date-no-colon"),
    pytest.param("Approved by the Board of Trustees", [("Approved by the Board of Trustees", (1,))], id="approved-by"),
    pytest.param(
        "Date of next review\n\nJuly 2026", [("Date of next review", (1,)), ("July 2026", (3,))], id="value-on-next-line"
    ),
    pytest.param("Author:\nMrs J Okafor", [("Author:", (1,)), ("Mrs J Okafor", (2,))], id="label-colon-then-name"),
    pytest.param(
        "Reviewed by:\n\nthe Curriculum Committee", [("Reviewed by:", (1,)), ("the Curriculum Committee", (3,))], id="joined-value"
    ),
]


@pytest.mark.parametrize(("cover", "expected"), COVER_LINES)
def test_document_control_lines_are_cover(cover: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    body = "\n\nConduct\nStaff must not contact pupils through personal accounts.\n"
    policy = parse(cover + body)
    assert aside(policy, "cover") == expected
    assert [c.text for c in policy.clauses] == ["Staff must not contact pupils through personal accounts."]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("This policy will be reviewed every two years by the governing body.", id="provision-about-review"),
        pytest.param("Review of accounts: staff check their privacy settings each term.", id="label-not-document-control"),
        pytest.param("Updated guidance is shared with staff at the start of each term.", id="sentence-opening-with-a-label-word"),
    ],
)
def test_sentences_about_review_stay_clauses(line: str) -> None:
    policy = parse(f"Conduct\nStaff must not contact pupils.\n{line}\n")
    assert policy.set_aside == ()
    assert [c.text for c in policy.clauses][-1] == line


def test_a_heading_named_review_stays_a_heading() -> None:
    policy = parse("Conduct\nStaff must not contact pupils.\n\nReview\nThis policy will be reviewed every year.\n")
    assert [h.text for h in policy.headings] == ["Conduct", "Review"]
    assert policy.set_aside == ()


def test_a_document_control_table_at_the_end_is_cover() -> None:
    policy = parse(
        "Conduct\nStaff must not contact pupils.\n\nApproved by: Full Governing Body\nDate: 12 May 2025\n"
        "Next review: May 2027\n"
    )
    assert [c.text for c in policy.clauses] == ["Staff must not contact pupils."]
    assert [text for text, _ in aside(policy, "cover")] == [
        "Approved by: Full Governing Body",
        "Date: 12 May 2025",
        "Next review: May 2027",
    ]


# (c) The school's name or the document title before the first section is not a heading.

TITLES = [
    pytest.param(
        "Brookside Academy\n\nOnline Conduct Policy\n\nPurpose\nThis policy tells staff how to behave online.\n",
        [H("Purpose"), C("This policy tells staff how to behave online.", heading=("Purpose",))],
        ["Brookside Academy", "Online Conduct Policy"],
        id="name-and-title",
    ),
    pytest.param(
        "Brookside Academy Online Conduct Policy\n1 Purpose\n1.1 This policy tells staff how to behave online.\n",
        [H("1 Purpose"), C("This policy tells staff how to behave online.", "1.1", ("1 Purpose",))],
        ["Brookside Academy Online Conduct Policy"],
        id="title-over-numbered-section",
    ),
    pytest.param(
        "Brookside Academy\nOnline Conduct Policy\nPurpose 1.1\nThis policy tells staff how to behave online.\n",
        [H("Purpose"), C("This policy tells staff how to behave online.", "1.1", ("Purpose",))],
        ["Brookside Academy", "Online Conduct Policy"],
        id="title-over-run-in-section",
    ),
    pytest.param(
        "Brookside Academy\nOnline Conduct Policy\nSection 3 rewritten\nAppendix B removed\n\n"
        "Purpose\nThis policy tells staff how to behave online.\n",
        [H("Purpose"), C("This policy tells staff how to behave online.", heading=("Purpose",))],
        ["Brookside Academy", "Online Conduct Policy", "Section 3 rewritten", "Appendix B removed"],
        id="version-history",
    ),
    pytest.param(
        "# Online Conduct Policy\n\n## Purpose\n\nThis policy tells staff how to behave online.\n\n"
        "## Contact\n\nStaff must not message pupils.\n",
        [
            H("Purpose"),
            C("This policy tells staff how to behave online.", heading=("Purpose",)),
            H("Contact"),
            C("Staff must not message pupils.", heading=("Contact",)),
        ],
        ["# Online Conduct Policy"],
        id="markdown-title",
    ),
    pytest.param(
        "Introduction\nBackground\nThe school uses social media to share news.\n",
        [H("Introduction"), H("Background"), C("The school uses social media to share news.", heading=("Introduction", "Background"))],
        [],
        id="one-word-headings-stay",
    ),
    pytest.param(
        "Online Conduct Policy\nThe school uses social media to share news.\n\nContact\nStaff must not message pupils.\n",
        [
            H("Online Conduct Policy"),
            C("The school uses social media to share news.", heading=("Online Conduct Policy",)),
            H("Contact"),
            C("Staff must not message pupils.", heading=("Contact",)),
        ],
        [],
        id="lone-title-heads-the-preamble-without-demoting",
    ),
]


@pytest.mark.parametrize(("text", "expected", "cover"), TITLES)
def test_titles_above_the_first_section_are_cover(text: str, expected: list[Row], cover: list[str]) -> None:
    policy = parse(text)
    assert outline(policy) == expected
    assert [text for text, _ in aside(policy, "cover")] == cover


def test_revision_note_lines_are_cover_even_as_the_last_line_above_content() -> None:
    policy = parse("Section 5 updated to cover messaging apps\nThis policy tells staff how to behave online.\n")
    assert policy.headings == ()
    assert aside(policy, "cover") == [("Section 5 updated to cover messaging apps", (1,))]


def test_headings_below_the_title_keep_their_level() -> None:
    policy = parse(
        "Brookside Academy\n\nOnline Conduct Policy\n\nPurpose\nThis policy tells staff how to behave online.\n\n"
        "Contact with pupils\nStaff must not message pupils.\n"
    )
    assert [(h.text, h.level) for h in policy.headings] == [("Purpose", 2), ("Contact with pupils", 2)]


# (d) Page furniture recurring through an extraction is set aside once per text and noted.

PAGES = [
    "Staff must keep their personal accounts private and must not accept friend\n"
    "requests from pupils or their parents on any platform.\n",
    "Staff should think before they post, because posts are public and permanent,\n"
    "and a post shared by a friend reaches people the author never chose.\n",
    "The school may ask staff to remove a post that damages its reputation, and\n"
    "a refusal is treated as a breach of the code of conduct.\n",
    "Images of pupils may be shared only on the school's own accounts, and only\n"
    "when a parent has given written consent for that pupil.\n",
]


def paged(footer: list[str], pages: int = 4, feed: bool = True) -> str:
    """A policy of ``pages`` pages with ``footer`` (``{n}`` the page number) at the foot of each."""
    out = "Conduct\n"
    for n in range(1, pages + 1):
        body = "".join(PAGES[(n + k) % len(PAGES)] for k in range(3))
        out += body + "\n" + "".join(line.format(n=n, of=pages) + "\n" for line in footer) + ("\f" if feed else "")
    return out


def footer_lines(text: str, start: str) -> tuple[int, ...]:
    return tuple(n for n, line in enumerate(text.split("\n"), 1) if line.lstrip("\f").startswith(start))


FOOTERS = [
    pytest.param(["Brookside Academy · 4 Orchard Road · Tel 01632 960000"], id="address"),
    pytest.param(["© Brookside Learning Trust 2025. All rights reserved."], id="copyright"),
    pytest.param(["Online Conduct Policy – Page {n} of {of}"], id="title-and-page-number"),
    pytest.param(["Brookside Academy", "4 Orchard Road, Brookside BR1 2AB"], id="two-line-block"),
    pytest.param(["Brookside Academy Online Conduct Policy {n}"], id="name-and-bare-page-number"),
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_recurring_footer_is_set_aside_and_noted(footer: list[str]) -> None:
    text = paged(footer)
    policy = parse(text)
    found = [line for record in policy.set_aside if record.kind == "furniture" for line in record.lines]
    expected = sorted(line for template in footer for line in footer_lines(text, template.split("{")[0]))
    assert sorted(found) == expected and len(found) == 4 * len(footer)
    assert not any(word in clause.text for clause in policy.clauses for word in ("Brookside", "Page", "©"))
    notes = [d for d in policy.diagnostics if d.code == "page-furniture"]
    assert len(notes) == len(footer) and all(d.severity is Severity.NOTE for d in notes)
    assert len(policy.clauses) == 4 * 3


def test_same_footer_text_is_one_record_with_every_line() -> None:
    text = paged(["Brookside Academy · 4 Orchard Road"])
    (record,) = [r for r in parse(text).set_aside if r.kind == "furniture"]
    assert record == SetAside("furniture", "Brookside Academy · 4 Orchard Road", footer_lines(text, "Brookside"))


def test_a_page_break_inside_a_sentence_does_not_split_it() -> None:
    text = (
        PAGES[0]
        + PAGES[1]
        + "Staff must not share a password for a school account with\n"
        + "Brookside Academy · 4 Orchard Road\n\f"
        + "anyone, including other members of staff.\n"
        + PAGES[2]
        + PAGES[3]
        + "Brookside Academy · 4 Orchard Road\n\f"
        + PAGES[1]
        + PAGES[0]
        + "Brookside Academy · 4 Orchard Road\n"
    )
    texts = [c.text for c in parse(text).clauses]
    assert "Staff must not share a password for a school account with anyone, including other members of staff." in texts


@pytest.mark.parametrize(
    "repeated",
    [
        pytest.param("For example:", id="repeated-lead-in"),
        pytest.param("Staff must report this to the head teacher.", id="repeated-rule"),
        pytest.param("• Disciplinary action", id="repeated-bullet"),
        pytest.param("Room {down}", id="numbers-counting-down"),
    ],
)
def test_repeated_policy_text_is_not_furniture(repeated: str) -> None:
    text = "Conduct\n" + "".join(PAGES[n] + repeated.format(down=10 - n) + "\n" for n in range(4))
    assert [r for r in parse(text).set_aside if r.kind == "furniture"] == []


def test_lines_repeated_close_together_are_not_furniture() -> None:
    text = "Conduct\nStaff must not:\n" + "Brookside Academy\npost about pupils;\n" * 4
    assert parse(text).set_aside == ()


def test_twice_is_furniture_only_across_page_breaks() -> None:
    footer = ["Brookside Academy · 4 Orchard Road"]
    assert len(parse(paged(footer, pages=2)).set_aside) == 1
    assert parse(paged(footer, pages=2, feed=False)).set_aside == ()


def test_bare_page_numbers_are_furniture_too() -> None:
    policy = parse("Staff must log out.\n\f3\nStaff must lock screens.\n")
    assert policy.page_markers == ((2, "3"),)
    assert policy.set_aside == (SetAside("furniture", "3", (2,)),)


def test_furniture_detection_stays_linear() -> None:
    """8,500 identical lines, and 1,000 pages with a numbered footer: seconds, not minutes."""
    for text in ("Brookside Academy, 4 Orchard Road\n" * 8500, paged(["Brookside Academy Page {n}"], pages=1000)):
        start = time.perf_counter()
        parse(text)
        assert time.perf_counter() - start < 10


# (e) One sentence per line, and a title run into the first sentence, split into proper clauses.

SENTENCES = [
    "Staff must keep their personal accounts set to private at all times.",
    "Friend requests from current pupils must be declined straight away.",
    "Staff should tell the head teacher about any request from a pupil.",
    "The school office keeps a record of every request that is reported.",
    "Posts that mention the school must be approved by the office first.",
    "Social media is part of everyday life for staff, pupils and parents.",
    "Personal phones may be used in the staff room at break and lunch.",
]


def test_one_sentence_per_line_is_one_clause_per_sentence() -> None:
    policy = parse("Staff conduct online\n" + "\n".join(SENTENCES) + "\n")
    assert [c.text for c in policy.clauses] == SENTENCES


def test_hard_wrapped_sentences_still_join() -> None:
    """The same sentences wrapped at 60 columns are one paragraph, split only into provisions."""
    paragraph = " ".join(SENTENCES)
    policy = parse("Staff conduct online\n" + "\n".join(textwrap.wrap(paragraph, 60)) + "\n")
    assert " ".join(c.text for c in policy.clauses) == paragraph
    assert len(policy.clauses) < len(SENTENCES)


RUN_IN_TITLES = [
    pytest.param(
        "Online Conduct Policy Staff at Brookside must keep their accounts private.\nStaff must not message pupils.\n",
        [
            H("Online Conduct Policy"),
            C("Staff at Brookside must keep their accounts private.", heading=("Online Conduct Policy",)),
            C("Staff must not message pupils.", heading=("Online Conduct Policy",)),
        ],
        id="title-case",
    ),
    pytest.param(
        "Social networking guidance All staff should think before they post.\n",
        [H("Social networking guidance"), C("All staff should think before they post.", heading=("Social networking guidance",))],
        id="sentence-case",
    ),
    pytest.param(
        "Brookside Academy recognises that staff use social media in their own time.\n",
        [C("Brookside Academy recognises that staff use social media in their own time.")],
        id="name-as-subject-is-not-a-title",
    ),
    pytest.param(
        "The policy Governors agreed in May applies to all staff.\n",
        [C("The policy Governors agreed in May applies to all staff.")],
        id="sentence-opening-with-the-policy",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUN_IN_TITLES)
def test_title_run_into_the_first_sentence(text: str, expected: list[Row]) -> None:
    assert outline(parse(text)) == expected


# Markdown conversions, restarted numbering, numbered items among items.

MARKDOWN = [
    pytest.param(
        "## Contact\n\nStaff must not message pupils.\n\n### Parents\n\nStaff may reply to parents by email.\n",
        [
            H("Contact"),
            C("Staff must not message pupils.", heading=("Contact",)),
            H("Parents"),
            C("Staff may reply to parents by email.", heading=("Contact", "Parents")),
        ],
        id="atx-levels",
    ),
    pytest.param(
        "Contact\nStaff must not message pupils.\n## Parents\nStaff may reply to parents by email.\n",
        [
            H("Contact"),
            C("Staff must not message pupils.", heading=("Contact",)),
            H("Parents"),
            C("Staff may reply to parents by email.", heading=("Parents",)),
        ],
        id="atx-never-joins-a-paragraph",
    ),
    pytest.param(
        "Contact\n# Not a heading, the policy says, but a sentence.\n",
        [H("Contact"), C("# Not a heading, the policy says, but a sentence.", heading=("Contact",))],
        id="hash-sentence-is-text",
    ),
    pytest.param(
        "Staff must:\n\n-   Complete the Staff\n    Declaration before using any school account\n-   Keep passwords secret\n",
        [
            C("Staff must:"),
            C("Complete the Staff Declaration before using any school account", parent="t/preamble/staff-must"),
            C("Keep passwords secret", parent="t/preamble/staff-must"),
        ],
        id="hanging-indent",
    ),
    pytest.param(
        "Staff must:\n\\* keep passwords secret;\\\n\\* log out after use.\\\n\\\nStaff should report a lost device.\n",
        [
            C("Staff must:"),
            C("keep passwords secret;\\", parent="t/preamble/staff-must"),
            C("log out after use.\\", parent="t/preamble/staff-must"),
            C("Staff should report a lost device."),
        ],
        id="escaped-bullets-and-backslash-lines",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKDOWN)
def test_markdown_conversions(text: str, expected: list[Row]) -> None:
    assert outline(parse(text)) == expected


def test_numbering_restarting_under_each_heading_is_not_a_duplicate() -> None:
    policy = parse(
        "Staff must not:\n1. message pupils;\n2. share passwords.\n\nParents must not:\n1. post images of other children;\n"
        "2. contact staff at home.\n"
    )
    assert [d.code for d in policy.diagnostics] == []
    assert [c.number for c in policy.clauses] == [None, "1.", "2.", None, "1.", "2."] or [h.text for h in policy.headings]


def test_a_numbered_item_without_a_full_stop_among_items_is_not_a_heading() -> None:
    policy = parse(
        "Parents\n1. Know who the safeguarding lead is.\n2. Talk to your child about what they share.\n"
        "3. Read the club's guidance on messaging and photographs\n4. Tell the club about any message that worries you.\n"
    )
    assert [h.text for h in policy.headings] == ["Parents"]
    assert [c.number for c in policy.clauses] == ["1.", "2.", "3.", "4."]


# Provisions joined by a comma are split, unless the comma closes a clause inside the sentence.

COMMA_SPLICES = [
    pytest.param(
        "Staff must keep a record of every message they receive from parents, they should not reply from a "
        "personal account.",
        [
            "Staff must keep a record of every message they receive from parents,",
            "they should not reply from a personal account.",
        ],
        id="two-provisions",
    ),
    pytest.param(
        "Everyone must understand that in some cases where the law has been broken, they may be questioned by "
        "the police.",
        [
            "Everyone must understand that in some cases where the law has been broken, they may be questioned by "
            "the police."
        ],
        id="comma-closes-a-where-clause",
    ),
]


@pytest.mark.parametrize(("text", "clauses"), COMMA_SPLICES)
def test_comma_splices(text: str, clauses: list[str]) -> None:
    assert [c.text for c in parse(f"Conduct\n{text}\n").clauses] == clauses


def test_a_heading_named_like_a_label_over_a_subheading_stays_a_heading() -> None:
    policy = parse("Policy review\nMonitoring Arrangements\nThe governors will read this policy every year.\n")
    assert policy.set_aside == ()
    assert [h.text for h in policy.headings] == ["Policy review", "Monitoring Arrangements"]


# In text with a line per paragraph, the lines straight under a lead-in are its items.

LINE_LISTS = [
    pytest.param(
        "Contact\nTeachers must not:\nfollow pupils on any personal account;\nsend pupils direct messages;\n"
        "share a personal phone number.\nTeachers may use the school's learning platform to set homework online.\n",
        ["Teachers must not:", "follow pupils on any personal account;", "send pupils direct messages;", "share a personal phone number."],
        ["Teachers may use the school's learning platform to set homework online."],
        id="semicolon-items-end-at-the-full-stop",
    ),
    pytest.param(
        "Contact\nWe ask every volunteer to:\nThink before replying to a parent late at night.\n"
        "Keep messages short and about club matters.\n\nThe club reviews this guidance every year with its volunteers.\n",
        ["We ask every volunteer to:", "Think before replying to a parent late at night.", "Keep messages short and about club matters."],
        ["The club reviews this guidance every year with its volunteers."],
        id="sentence-items-end-at-a-blank-line",
    ),
    pytest.param(
        "Contact\nThe guidance draws on:\nthe local safeguarding partnership's advice;\nthe trust's code of conduct.\n",
        ["The guidance draws on:", "the local safeguarding partnership's advice;", "the trust's code of conduct."],
        [],
        id="lead-in-ending-on-a-preposition",
    ),
]


@pytest.mark.parametrize(("text", "listed", "after"), LINE_LISTS)
def test_lines_under_a_lead_in_are_its_items(text: str, listed: list[str], after: list[str]) -> None:
    policy = parse(text)
    lead_in, *items = listed
    found = {c.text: c for c in policy.clauses}
    assert [c.text for c in policy.clauses] == listed + after
    assert all(found[item].parent == found[lead_in].id for item in items)
    assert all(found[text].parent is None for text in after)
    assert [h.text for h in policy.headings] == ["Contact"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Process for new accounts:\nA member of staff who wants a new account asks the office for a form.\n"
            "The office keeps a list of every account the school runs.\n",
            id="heading-with-colon-over-paragraphs",
        ),
        pytest.param(
            "Purpose of this policy:\nIt explains how staff should use social media at work and at home.\n"
            "It applies to every member of staff, including volunteers.\n",
            id="short-label",
        ),
    ],
)
def test_a_heading_with_a_colon_over_paragraphs_is_no_lead_in(text: str) -> None:
    policy = parse(text)
    assert [h.text for h in policy.headings] == [text.split("\n")[0]]
    assert all(c.parent is None for c in policy.clauses)


def test_every_field_and_rule_of_a_cover_block_is_cover() -> None:
    """Above the first section, "Label: value" lines are the cover's whatever their label says."""
    policy = parse(
        "BROOKSIDE ACADEMY\nONLINE CONDUCT POLICY\n\nApproved by:      Local Governing Body\n"
        "Policy lead:      Deputy Headteacher (Mr K. Mensah)\nStatutory / optional:  Optional\n"
        "Signed (Chair):   ............................\n\n----------------------------------------\n\n"
        "1. PURPOSE\n1.1 This policy sets out how staff should behave online.\n"
    )
    assert [h.text for h in policy.headings] == ["1. PURPOSE"]
    assert [c.text for c in policy.clauses] == ["This policy sets out how staff should behave online."]
    assert len(aside(policy, "cover")) == 6
    assert [text for text, _ in aside(policy, "form")] == ["Signed (Chair):   ............................"]


def test_a_table_of_fields_with_document_control_among_them_is_cover() -> None:
    policy = parse(
        "Conduct\nStaff must not contact pupils through personal accounts at any time of day.\n\n"
        "Approved by:      Local Governing Body\nPolicy lead:      Deputy Headteacher\nStatutory / optional:  Optional\n"
    )
    assert [h.text for h in policy.headings] == ["Conduct"]
    assert [c.text for c in policy.clauses] == ["Staff must not contact pupils through personal accounts at any time of day."]
    assert [text.split(":")[0] for text, _ in aside(policy, "cover")] == ["Approved by", "Policy lead", "Statutory / optional"]
