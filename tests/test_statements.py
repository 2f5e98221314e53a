"""A clause read as statements: where one provision ends and the next begins, in wording of our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_atlas.core.sentences import sentence_spans
from policy_atlas.core.statements import split_statements, statement_spans

SPLITS = [
    pytest.param(
        "Staff should keep their passwords confidential and be careful what is posted online; it is not safe to reveal home addresses.",
        [
            "Staff should keep their passwords confidential and be careful what is posted online;",
            "it is not safe to reveal home addresses.",
        ],
        id="a-judgement-after-a-semicolon-is-a-statement",
    ),
    pytest.param(
        "Staff must not use personal accounts to message pupils. Concerns should be reported the same day. "
        "Staff may share school news with the head's approval.",
        [
            "Staff must not use personal accounts to message pupils.",
            "Concerns should be reported the same day.",
            "Staff may share school news with the head's approval.",
        ],
        id="three-sentences-three-rules",
    ),
    pytest.param(
        "Staff are welcome to mention the school online; however, comments that damage its reputation will be "
        "treated as misconduct.",
        ["Staff are welcome to mention the school online;", "however, comments that damage its reputation will be treated as misconduct."],
        id="semicolon-however",
    ),
    pytest.param(
        "Staff may use their phones during breaks, but must not use them in front of pupils.",
        ["Staff may use their phones during breaks,", "but must not use them in front of pupils."],
        id="comma-but-with-own-modal",
    ),
    pytest.param(
        "Staff must keep their passwords safe and must not share them with anyone.",
        ["Staff must keep their passwords safe", "and must not share them with anyone."],
        id="and-modal-of-opposite-sense",
    ),
    pytest.param(
        "Staff must keep passwords safe and must change them every term.",
        ["Staff must keep passwords safe and must change them every term."],
        id="and-modal-of-same-sense-stays",
    ),
    pytest.param(
        "Staff must not befriend pupils. This includes pupils who have left within the last year.",
        ["Staff must not befriend pupils. This includes pupils who have left within the last year."],
        id="illustration-joins-its-rule",
    ),
    pytest.param(
        "Social media changes quickly. Staff must check their settings each term.",
        ["Social media changes quickly.", "Staff must check their settings each term."],
        id="context-then-rule",
    ),
    pytest.param(
        "Staff must not reply. It is a good idea to keep a copy of the message.",
        ["Staff must not reply. It is a good idea to keep a copy of the message."],
        id="sentence-without-rule-joins-the-one-before",
    ),
    pytest.param(
        "If a parent messages you, you should reply through the office; you must not use your own phone.",
        ["If a parent messages you, you should reply through the office;", "you must not use your own phone."],
        id="semicolon-after-conditional",
    ),
    pytest.param(
        "Where a pupil asks to connect, staff must decline, and should tell the safeguarding lead.",
        ["Where a pupil asks to connect, staff must decline, and should tell the safeguarding lead."],
        id="comma-alone-does-not-split",
    ),
    pytest.param("Staff must not:", ["Staff must not:"], id="lead-in-is-one-statement"),
    pytest.param(
        "Staff may use email, e.g. for homework. They must not use it for personal chat.",
        ["Staff may use email, e.g. for homework.", "They must not use it for personal chat."],
        id="abbreviation-is-not-a-sentence-end",
    ),
    pytest.param(
        "Use strong passwords, change them often etc. Never share them with pupils.",
        ["Use strong passwords, change them often etc.", "Never share them with pupils."],
        id="etc-before-a-capital-ends-a-sentence",
    ),
    pytest.param(
        "The school will ask the parent to remove the post. If necessary, refer parents to the complaints procedure.",
        ["The school will ask the parent to remove the post.", "If necessary, refer parents to the complaints procedure."],
        id="an-instruction-is-a-statement-of-its-own",
    ),
    pytest.param(
        "Staff must report approaches. Think before you reply.",
        ["Staff must report approaches.", "Think before you reply."],
        id="an-imperative-with-no-modal-starts-a-statement",
    ),
    pytest.param(
        "Staff must report approaches. Reports go to the DSL.",
        ["Staff must report approaches. Reports go to the DSL."],
        id="a-description-with-no-modal-belongs-to-the-statement-before",
    ),
    pytest.param(
        "Staff are responsible for their own accounts. They are responsible for choosing who sees their posts.",
        ["Staff are responsible for their own accounts.", "They are responsible for choosing who sees their posts."],
        id="a-responsibility-states-a-rule-of-its-own",
    ),
    pytest.param(
        "We do not allow filming at the summer fair. We do allow grandparents to take photos of their own family.",
        ["We do not allow filming at the summer fair.", "We do allow grandparents to take photos of their own family."],
        id="a-permission-put-as-allow-is-a-rule-of-its-own",
    ),
    pytest.param(
        "Staff follow the code of conduct. The only approved way to message families is the school app.",
        ["Staff follow the code of conduct.", "The only approved way to message families is the school app."],
        id="the-only-approved-way-is-a-rule-of-its-own",
    ),
    pytest.param(
        "Phones must be kept in the locker. During the day phones are only to be used in the staff room.",
        ["Phones must be kept in the locker.", "During the day phones are only to be used in the staff room."],
        id="only-to-be-used-is-a-rule-of-its-own",
    ),
    pytest.param("", [""], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_statement_splitting(text: str, expected: list[str]) -> None:
    assert split_statements(text) == expected


def test_statements_rejoin_with_single_spaces() -> None:
    text = "Staff must not post.  Staff may read."  # two spaces: the separator keeps one, the text keeps the other
    parts = split_statements(text)
    assert " ".join(parts) == text


_WORDS = st.sampled_from(
    "Staff must not may should will can post pupils photos; however, but and. This includes e.g. etc. If , : "
    "Never Do not avoid only unless without permission ".split(" ")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.text(max_size=60))
def test_statements_always_rejoin_to_the_clause_text(words: str, noise: str) -> None:
    """Whatever the text, its statements partition it: joined with single spaces they are the text."""
    for text in (words, noise, f"{words} {noise}"):
        spans = statement_spans(text)
        assert spans and spans[0][0] == 0 and spans[-1][1] == len(text)
        assert " ".join(text[a:b] for a, b in spans) == text


@pytest.mark.parametrize(
    "text",
    [
        "Do not hold private chats (e.g. Direct Messages on any app) with pupils. Use the school's learning platform instead.",
        "Name no pupil in a post (i.e. First names included) unless a parent agrees. Keep captions general.",
    ],
)
def test_an_abbreviation_opening_a_bracket_ends_no_sentence(text: str) -> None:
    """"(e.g. Direct Messages ...)" goes on to its closing bracket: the capital after the
    abbreviation starts no sentence, so no statement begins inside the brackets."""
    first, second = (text[a:b] for a, b in sentence_spans(text))
    assert first.endswith("pupils.") or first.endswith("agrees.")
    assert second.startswith(("Use", "Keep"))
