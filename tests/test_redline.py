"""Word-level redlines: exact changes, the exact HTML the templates make of them, and why the diff is
not ``difflib``'s."""

from __future__ import annotations

import difflib

import pytest

from policy_atlas.core.redline import Change, redline, similarity
from policy_atlas.templating import Templates

ADDED = '<ins><span class="pa-sr">added: </span>'
REDLINE = '{% from "partials/statement.html.jinja" import redline %}{{ redline(changes) }}'


def redline_html(changes: tuple[Change, ...]) -> str:
    """A redline as the pages show it: the templates' ``redline`` macro, autoescaped."""
    return Templates().env.from_string(REDLINE).render(changes=changes)

REMOVED = '<del><span class="pa-sr">removed: </span>'


def equal(text: str) -> Change:
    return Change("equal", text)


def insert(text: str) -> Change:
    return Change("insert", text)


def delete(text: str) -> Change:
    return Change("delete", text)


CASES = [
    pytest.param(
        "Staff must not post images of pupils.",
        "Staff must not post images of pupils.",
        (equal("Staff must not post images of pupils."),),
        "Staff must not post images of pupils.",
        id="identical",
    ),
    pytest.param(
        "",
        "Staff must report abuse.",
        (insert("Staff must report abuse."),),
        f"{ADDED}Staff must report abuse.</ins>",
        id="empty-reference-all-insert",
    ),
    pytest.param(
        "Staff must report abuse.",
        "",
        (delete("Staff must report abuse."),),
        f"{REMOVED}Staff must report abuse.</del>",
        id="empty-text-all-delete",
    ),
    pytest.param("", "", (), "", id="both-empty"),
    pytest.param(
        "   \n ",
        "\t",
        (),
        "",
        id="white-space-only-is-empty",
    ),
    pytest.param(
        "pupils must never tag parents",
        "parents must never tag pupils",
        (delete("pupils"), insert("parents"), equal("must never tag"), delete("parents"), insert("pupils")),
        f"{REMOVED}pupils</del> {ADDED}parents</ins> must never tag {REMOVED}parents</del> {ADDED}pupils</ins>",
        id="reordered-words",
    ),
    pytest.param(
        "Staff must not post images.",
        "Governors should avoid commenting online.",
        (delete("Staff must not post images."), insert("Governors should avoid commenting online.")),
        f"{REMOVED}Staff must not post images.</del> {ADDED}Governors should avoid commenting online.</ins>",
        id="wholly-different",
    ),
    pytest.param(
        "Staff, must NOT post (online).",
        "staff must not post online",
        (equal("staff must not post online"),),
        "staff must not post online",
        id="punctuation-and-case-are-equal-words",
    ),
    pytest.param(
        "“Staff” must not post; pupils' names!",
        "Staff must not post pupils’ names",
        (equal("Staff must not post pupils’ names"),),
        "Staff must not post pupils’ names",
        id="quotes-and-trailing-apostrophes-are-punctuation",
    ),
    pytest.param(
        "Staff mustn't post",
        "Staff mustn’t post",
        (equal("Staff"), delete("mustn't"), insert("mustn’t"), equal("post")),
        f"Staff {REMOVED}mustn&#39;t</del> {ADDED}mustn’t</ins> post",
        id="inner-apostrophes-differ",
    ),
    pytest.param(
        "Staff must not post.",
        "All staff must not ever post.",
        (insert("All"), equal("staff must not"), insert("ever"), equal("post.")),
        f"{ADDED}All</ins> staff must not {ADDED}ever</ins> post.",
        id="insertions-inside",
    ),
    pytest.param(
        "Staff must not post.",
        "Staff must post.",
        (equal("Staff must"), delete("not"), equal("post.")),
        f"Staff must {REMOVED}not</del> post.",
        id="deletion-inside",
    ),
    pytest.param(
        "Use <b>bold</b> & \"quotes\"",
        "Use <script>alert(1)</script> & \"quotes\"",
        (equal("Use"), delete("<b>bold</b>"), insert("<script>alert(1)</script>"), equal('& "quotes"')),
        f"Use {REMOVED}&lt;b&gt;bold&lt;/b&gt;</del> {ADDED}&lt;script&gt;alert(1)&lt;/script&gt;</ins> "
        "&amp; &#34;quotes&#34;",
        id="html-escaped-in-ins-del-and-plain",
    ),
]


@pytest.mark.parametrize(("reference", "text", "changes", "expected_html"), CASES)
def test_redline(reference: str, text: str, changes: tuple[Change, ...], expected_html: str) -> None:
    assert redline(reference, text) == changes
    assert redline_html(redline(reference, text)) == expected_html




@pytest.mark.parametrize(
    ("reference", "text", "changes"),
    [
        pytest.param(
            "a b c d e",
            "a x d e",
            (equal("a"), delete("b c"), insert("x"), equal("d e")),
            id="replace-then-delete",
        ),
        pytest.param("a d e", "a x y d e", (equal("a"), insert("x y"), equal("d e")), id="pure-insert-is-fine"),
        pytest.param(
            "Staff must not post images of pupils.",
            "Governors should avoid commenting online.",
            (delete("Staff must not post images of pupils."), insert("Governors should avoid commenting online.")),
            id="wholly-different-longer-reference",
        ),
        pytest.param(
            "Governors should avoid commenting online.",
            "Staff must not post images of pupils.",
            (delete("Governors should avoid commenting online."), insert("Staff must not post images of pupils.")),
            id="wholly-different-longer-clause",
        ),
    ],
)
def test_runs_of_one_kind_are_merged(reference: str, text: str, changes: tuple[Change, ...]) -> None:
    assert redline(reference, text) == changes


def test_adjacent_deletions_are_one_change() -> None:
    assert redline_html(redline("a b c d e", "a x d e")) == f"a {REMOVED}b c</del> {ADDED}x</ins> d e"


@pytest.mark.parametrize(
    ("reference", "text"),
    [
        ("a b c d e", "a x d e"),
        ("Staff must not post pupils' names or photos online", "Staff must never post names online"),
        ("one two three four five six", "one 2 3 four five"),
    ],
)
def test_redline_keeps_every_word(reference: str, text: str) -> None:
    """Reading the equal and inserted runs gives the clause; equal and deleted runs give the reference."""
    changes = redline(reference, text)
    kept = " ".join(c.text for c in changes if c.kind in ("equal", "insert"))
    assert kept.split() == text.split()
    # Equal runs carry the clause's spelling, so compare the reference side case- and punctuation-blind.
    old = " ".join(c.text for c in changes if c.kind in ("equal", "delete"))
    assert len(old.split()) == len(reference.split())


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("", "", 1.0),
        ("Staff must report abuse.", "staff MUST report abuse", 1.0),
        ("", "Staff must report abuse.", 0.0),
        ("Staff must report abuse.", "", 0.0),
        ("one two three four", "one two three five", 0.75),
        ("pupils parents", "parents pupils", 0.0),
    ],
)
def test_similarity_values(a: str, b: str, expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


# A 60-word clause and the same clause with three words changed (personal -> private,
# networking -> media, approach -> contact): the case the issue describes.
SIXTY_WORDS = (
    "Members of staff who keep a personal account on any social networking site are expected to keep "
    "that account entirely separate from their work at the school, to refrain from posting anything that could "
    "undermine confidence in the teaching profession, and to tell the headteacher promptly of any approach "
    "they receive from a pupil or the parent of a pupil."
)
THREE_CHANGED = (
    SIXTY_WORDS.replace("personal", "private", 1).replace("networking", "media", 1).replace("approach", "contact", 1)
)


def test_near_duplicates_where_difflib_goes_astray() -> None:
    """Why rapidfuzz: word-level Levenshtein sees 57 of 60 words in common; difflib's character
    matcher, with its default autojunk heuristic, treats every common letter of a 355-character
    string as junk and scores the pair about 0.26."""
    assert len(SIXTY_WORDS.split()) == len(THREE_CHANGED.split()) == 60
    assert sum(x != y for x, y in zip(SIXTY_WORDS.split(), THREE_CHANGED.split())) == 3
    assert similarity(SIXTY_WORDS, THREE_CHANGED) == pytest.approx(57 / 60)
    assert similarity(SIXTY_WORDS, THREE_CHANGED) > 0.9
    assert difflib.SequenceMatcher(None, SIXTY_WORDS, THREE_CHANGED).ratio() < 0.3
    # Without autojunk difflib would agree; the default is what callers get.
    assert difflib.SequenceMatcher(None, SIXTY_WORDS, THREE_CHANGED, autojunk=False).ratio() > 0.9


def test_near_duplicate_redline_marks_only_the_changed_words() -> None:
    changes = redline(SIXTY_WORDS, THREE_CHANGED)
    assert [(c.kind, c.text) for c in changes if c.kind != "equal"] == [
        ("delete", "personal"),
        ("insert", "private"),
        ("delete", "networking"),
        ("insert", "media"),
        ("delete", "approach"),
        ("insert", "contact"),
    ]
