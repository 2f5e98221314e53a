"""Splitting rules of ingest, one table per rule, with wording of our own (no seed's lines).

(a) a sentence wrapped inside a capitalised name continues; (e) one sentence per line, and a title
run into the first sentence, split into proper clauses. Also: Markdown conversions (``#`` headings,
hanging indents, escaped bullets), numbering that restarts under each heading, a numbered item
among numbered items, and provisions joined by a comma.
"""

from __future__ import annotations

import textwrap

import pytest
from test_ingest_structure import C, H, Row, outline, parse

REPORTING = ("Reporting",)


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
