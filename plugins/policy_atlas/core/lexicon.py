"""Words as the reader compares them: stems for meaning, and what part of speech a word can be.

Topics are matched on stems (Snowball's English stemmer), so "posts", "posting" and "posted"
meet, and so do "communicate" and "communication"; a taxonomy lists each idea once, in
plain words, never word form by word form. British and American spellings meet too
("criticize" is read as "criticise").

Force needs to know whether a list item opens with an instruction ("Keep profiles
private"), a gerund ("Keeping profiles private") or a noun ("Photos of pupils"); the
lemminflect lexicon says which parts of speech a word can be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from lemminflect import getAllLemmas

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_AMERICAN = re.compile(r"(?<=\w{3})iz(e|es|ed|ing|ation|ations|er|ers)$")
_STEMMER = snowballstemmer.stemmer("english")
_KEEP_APART = {"personal": "personal", "personally": "personal", "positive": "positive", "positively": "positive", "initials": "initials", "relative": "relative", "relatives": "relative", "reasonable": "reasonable", "reasonably": "reasonable"}
"""Words the stemmer would merge with a word of another meaning ("personal" with "person",
"positive" with "position", a pupil's "initials" with "initiate", a "relative" with "relating", "reasonable" use with
"reasons"), where the difference is the point of a policy's rule."""


@dataclass(frozen=True)
class Token:
    """A word of a text: where it is, as written, and its stem."""

    start: int
    end: int
    word: str
    stem: str


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word, lowercased, British spelling, possessive dropped."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = lower.replace("'", "")
    return _KEEP_APART.get(lower) or str(_STEMMER.stemWord(_AMERICAN.sub(r"is\1", _verb_base(lower))))


def _verb_base(word: str) -> str:
    """An irregular verb form as its base ("taken", "took" -> "take"; "sent" -> "send"), which the
    stemmer leaves apart, so a taxonomy that lists "take" matches "photos taken on a trip". Only a
    word that can be nothing but a form of one verb: "left" (also a direction) and "found" (also
    a verb of its own) stay as they are."""
    lemmas = _parts_of_speech(word)
    verbs = lemmas.get("VERB", ())
    return verbs[0] if len(lemmas) == 1 and len(verbs) == 1 else word


def tokenise(text: str) -> tuple[Token, ...]:
    """Every word of ``text`` with its stem; hyphens and slashes separate words."""
    return tuple(Token(m.start(), m.end(), m.group(0), stem(m.group(0))) for m in _WORD.finditer(text))


def stems_of(phrase: str) -> tuple[str, ...]:
    """The stems of a taxonomy term, for matching against a text's tokens."""
    return tuple(t.stem for t in tokenise(phrase))


@lru_cache(maxsize=16384)
def _parts_of_speech(word: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(word.lower()))


def is_word(word: str) -> bool:
    """Whether the lexicon knows ``word`` in any form ("safeguarding", "photographs"), so a word a
    line end broke can be told from a compound whose hyphen is its own ("e-safety")."""
    return bool(_parts_of_speech(word))


def is_base_verb(word: str) -> bool:
    """Whether ``word`` can be a verb in its base form ("Share", "Monitor"): an instruction's first word."""
    return word.lower() in _parts_of_speech(word).get("VERB", ())


def is_gerund(word: str) -> bool:
    """Whether ``word`` is a verb's -ing form ("Keeping", "Revealing")."""
    lower = word.lower()
    return lower.endswith("ing") and bool(_parts_of_speech(word).get("VERB")) and lower not in _parts_of_speech(word).get("VERB", ())
