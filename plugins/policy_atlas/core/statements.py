"""A clause read as statements: each sentence, or part of a sentence, that states a provision.

A numbered clause often states several provisions ("Staff must not message pupils.
Concerns should be reported the same day. Staff may share school news with approval."),
and so can one sentence ("Staff are welcome to mention the school online; however,
comments that damage its reputation will be treated as misconduct"). Each is compared,
merged and scored on its own.

The rules:

- a sentence with a deontic expression (a rule word, or any expression force reads as
  governing its main clause: "We do allow families to film", "The only approved channel is
  ..."; not a bare "could" or "might", which supposes), or put as an instruction ("Think
  before you post."), starts a statement; a sentence without one, or one
  that opens as an illustration ("For example", "This includes"), belongs to the statement
  before it;
- within a sentence, a part after ``;``, ``, however,`` or ``, but`` that has a modal verb of
  its own is a statement of its own when the part before has one too, and so is a verb
  phrase joined by "and" that repeats the modal with the opposite sense ("must keep ... and
  must not share ...");
- a lead-in ("Staff must not:") is one statement, whatever its items say.

Statements partition the clause text: their texts, joined with single spaces, are the
clause text exactly.
"""

from __future__ import annotations

import re

from .force import opens_as_instruction, states_rule
from .sentences import sentence_spans
from .vocabulary import ILLUSTRATION, MODAL, RULE_WORDS

_MODAL = (
    rf"(?:{MODAL}|cannot|are\s+(?:not\s+)?(?:to|required|expected|permitted|allowed|welcome)|is\s+(?:not\s+)?(?:to|required|expected|permitted|allowed)"
    r"|it\s+is\s+(?:not\s+)?(?:safe|wise|advisable|sensible|essential|important|vital|unsafe|unwise|inadvisable)\s+to)"
)
"""A modal, or a judgement that advises or requires ("; it is not safe to reveal ...")."""
_COORDINATION = re.compile(
    rf"[;,]\s+(?P<part>(?:however,?\s+|but\s+|whereas\s+|while\s+)?)(?=(?:[\w’'/-]+\s+){{0,8}}?{_MODAL}\b)",
    re.IGNORECASE,
)
"""Where a coordinated part starts: after "; " or before "however", "but", "whereas", "while"."""
_SECOND_MODAL = re.compile(rf"(?:,|(?<!\s))\s+(?=and\s+{MODAL}\s+(?:not\s+|never\s+)?\w)", re.IGNORECASE)
# (A match starts at a comma or where white space starts, never inside a run of it: linear time.)
_NEGATED = re.compile(rf"^\W*{MODAL}\s+(?:not|never)\b", re.IGNORECASE)
_MODAL_START = re.compile(rf"\b{MODAL}\s+(not\s+|never\s+)?", re.IGNORECASE)


def _has_rule(text: str) -> bool:
    return bool(RULE_WORDS.search(text))


def _clause_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside one sentence where a coordinated part with a modal of its own begins."""
    breaks: list[int] = []
    last = start
    for match in _COORDINATION.finditer(text, start, end):
        # A comma alone joins too much ("If X, staff must ..."): only "; " or a contrasting word.
        if match.group(0)[0] == "," and not match.group("part"):
            continue
        if _has_rule(text[last:match.start()]) and len(text[last:match.start()].split()) >= 3:
            breaks.append(match.start("part"))
            last = match.start("part")
    for match in _SECOND_MODAL.finditer(text, start, end):
        before = text[last:match.start()]
        modal = _MODAL_START.search(before)
        if modal is None or len(before.split()) < 4:
            continue
        # "must keep ... and must not share": the same subject, the opposite sense.
        if bool(modal.group(1)) != bool(_NEGATED.match(text[match.end() + len("and"):])):
            breaks.append(match.end())
            last = match.end()
    return sorted(set(breaks))


def statement_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the statements of ``text``; joined with single spaces they are the text."""
    if not text.strip():
        return [(0, len(text))]
    if text.rstrip(" \"'’”)").endswith((":", ":-")):
        return [(0, len(text))]
    starts: list[int] = [0]
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if start > 0 and (_has_rule(sentence) or opens_as_instruction(sentence) or states_rule(sentence)) and not ILLUSTRATION.match(sentence):
            starts.append(start)
        starts.extend(_clause_breaks(text, start, end))
    return _spans(text, sorted(set(starts)))


def _spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Spans from start offsets, each ending before the single space that separates it from the next."""
    spans: list[tuple[int, int]] = []
    kept = [0]
    for start in starts[1:]:
        # A break must follow white space; the separator is the one space before the break.
        if start > kept[-1] and text[start - 1] == " " and text[start] != " ":
            kept.append(start)
    for index, start in enumerate(kept):
        end = kept[index + 1] - 1 if index + 1 < len(kept) else len(text)
        spans.append((start, end))
    return spans


def split_statements(text: str) -> list[str]:
    """The statement texts of a clause, in order."""
    return [text[a:b] for a, b in statement_spans(text)]
