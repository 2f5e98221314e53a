"""Sentence and provision splitting.

A paragraph without a number of its own may hold several provisions ("Staff must ... .
Staff are strongly advised to ..."). Readers link to, and the comparison aligns, one
provision at a time, so such a paragraph becomes one clause per provision: a sentence
with a deontic verb, plus the explanatory sentences that follow it.
"""

from __future__ import annotations

import re

from .vocabulary import ILLUSTRATION, RULE_WORDS

_LOOK_BACK = 40
_ABBREVIATIONS = frozenset("e.g i.e eg ie mr mrs ms dr st no vs cf approx dept inc ltd co".split())
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(]?[A-Z0-9])")
# ", they must ..." after a clause that has its own modal: two provisions joined by a comma.
_COMMA_SPLICE = re.compile(
    r",\s+(?!(?:which|that|who|whom|whose|where|when|as|so|but|and|or|if|unless)\b)(?=(?:[A-Za-z’']+\s+){1,3}(?:must|should|shall|will|may|can|cannot)\s)",
    re.IGNORECASE,
)

_SUBORDINATE = re.compile(r"\b(?:where|when|if|unless|whilst|while|although|because|once|until|whether)\b", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, covering it end to end."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # Only the last word matters, and an abbreviation is short: looking back a little keeps
        # this linear on a line of "A. B. C. ..." where no boundary is taken for a long while.
        window = max(start, match.start() - _LOOK_BACK)
        before = text[window:match.start()].rstrip("\"'’”)] ") or text[start:match.start()].rstrip("\"'’”)] ")
        last_token = before.rsplit(None, 1)[-1] if before.split() else ""
        # "(e.g. Direct Messages)": an abbreviation opening a bracket or a quotation is one still
        if last_token.rstrip(".").lstrip("(['\"‘“").lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last_token):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _split_comma_splices(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _COMMA_SPLICE.finditer(text, start, end):
            before = text[start:match.start()]
            modals = list(RULE_WORDS.finditer(before))
            if len(before.split()) >= 6 and modals and not re.match(r"\s*(?:if|when|where|unless|whilst|while)\b", before, re.IGNORECASE):
                if _SUBORDINATE.search(before, modals[-1].end()):
                    continue  # "must be aware that where a crime ..., they may": the comma closes "where ..."
                out.append((start, match.start() + 1))
                start = match.end()
        out.append((start, end))
    return out


def provision_spans(text: str) -> list[tuple[int, int]]:
    """Group sentences so that each span holds one deontic sentence and what explains it."""
    groups: list[tuple[int, int]] = []
    has_modal = False
    for start, end in _split_comma_splices(text, sentence_spans(text)):
        modal = bool(RULE_WORDS.search(text[start:end])) and not ILLUSTRATION.match(text[start:end])
        if groups and not (modal and has_modal):
            groups[-1] = (groups[-1][0], end)
            has_modal = has_modal or modal
            continue
        groups.append((start, end))
        has_modal = modal
    return groups


def last_sentence(text: str) -> str:
    """The last sentence of a text: the one a list lead-in's items complete ("These are the risks:")."""
    spans = sentence_spans(text)
    return text[spans[-1][0]:spans[-1][1]] if spans else text
