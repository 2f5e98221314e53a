"""The force of a clause: prohibited, discouraged, permitted-with-conditions, permitted,
required or none, read from its modal verbs and phrasing.

The first deontic expression of the clause's first deontic sentence sets the force; then
conditions and negation adjust it: "may ... only when" is permission with conditions;
"must not ... without prior permission" is too; "must not ... unless authorised" stays a
prohibition (the exception is narrow); "must be given permission to" makes the act
permitted with conditions. A list item with no verb of its own takes its lead-in's force.
"""

from __future__ import annotations

import re

from .model import Force
from .sentences import sentence_spans

PROHIBITED = Force.PROHIBITED
DISCOURAGED = Force.DISCOURAGED
CONDITIONAL = Force.PERMITTED_WITH_CONDITIONS
PERMITTED = Force.PERMITTED
REQUIRED = Force.REQUIRED
NONE = Force.NONE

_Q = "['’]"
# Longest, most specific phrasings first: at one position the first pattern listed wins.
_MARKERS: tuple[tuple[Force, str], ...] = (
    (DISCOURAGED, r"(?:strongly\s+)?(?:advised|encouraged|recommended)\s+not\s+to"),
    (DISCOURAGED, r"(?:should|must|are\s+to|is\s+to)\s+(?:try\s+to\s+)?avoid"),
    (DISCOURAGED, r"(?:caution|care)\s+(?:is|should\s+be)\s+(?:advised|taken|exercised)"),
    (DISCOURAGED, r"(?:is|are)\s+(?:discouraged|not\s+(?:recommended|advisable|advised))"),
    (DISCOURAGED, r"(?:are|is)\s+(?:asked|requested)\s+not\s+to|(?:recommended|advisable|advised)\s+that\b[^.;]{0,60}?\b(?:do\s+not|don['’]t|not|never)\b"),
    (PROHIBITED, r"at\s+no\s+time"),
    (DISCOURAGED, r"(?:should|must|will|are\s+to)\s+think\s+(?:very\s+)?carefully"),
    (DISCOURAGED, r"discouraged|think\s+carefully|avoid"),
    (PROHIBITED, r"(?:must|should|shall|may|will|can|are\s+to|is\s+to)\s+(?:never|refrain\s+from|at\s+no\s+time)"),
    (PROHIBITED, rf"(?:must|may|shall|should|will|can|could|would)\s*(?:not|n{_Q}t)\b|cannot|can{_Q}t|won{_Q}t|mustn{_Q}t|shouldn{_Q}t"),
    (PROHIBITED, r"(?:is|are)\s+(?:not|never)\s+(?:permitted|allowed|authori[sz]ed|to)\b"),
    (PROHIBITED, r"(?:does|do)\s+not\s+(?:permit|allow)"),
    (PROHIBITED, rf"under\s+no\s+circumstances|prohibited|forbidden|not\s+permitted|not\s+allowed|(?:^|[.;:]\s*)(?:do\s+not|don{_Q}t|never|not)\b|\bnever\b|must\s+neither|refrain\s+from|(?:is|are)\s+(?:an\s+|a\s+disciplinary\s+)?offence"),
    (CONDITIONAL, r"(?:may|can|could|should|must|will)\s+only|only\s+(?:be\s+)?(?:permitted|allowed|used|use)"),
    (REQUIRED, r"(?:strongly\s+)?(?:advised|expected|required|obliged)\s+to|(?:is|are)\s+required|(?:must|shall|should|will)\b|need(?:s)?\s+to|ha(?:ve|s)\s+to|(?:are|is)\s+to\s+be|(?:are|is)\s+to\b|(?:are|is)\s+responsible\s+for|it\s+is\s+essential|ensure"),
    (PERMITTED, r"reserves?\s+the\s+right|(?:are|is)\s+(?:free|able|permitted|allowed|entitled)\s+to|permits?\b|(?:may|can)\b|is\s+acceptable|(?:are|is)\s+(?:actively\s+)?encouraged\s+to"),
)
_COMPILED = [(force, re.compile(rf"\b(?:{pattern})", re.IGNORECASE)) for force, pattern in _MARKERS]

_EXPLICIT_CONDITION = re.compile(
    r"\bonly\s+(?:if|when|where|with|after|via|through|for|during)|\bprovided(?:\s+that)?\b|\bproviding\b|\bas\s+long\s+as\b|"
    r"\bsubject\s+to\b|\bon\s+condition\b",
    re.IGNORECASE,
)
_PERMISSION_NEEDED = re.compile(
    r"\bwithout\s+(?:the\s+)?(?:prior\s+|express\s+|explicit\s+|written\s+)*(?:permission|consent|approval|authori[sz]ation|agreement)|"
    r"\b(?:given|obtain(?:ing)?|seek(?:ing)?|get(?:ting)?|have|gain(?:ing)?|receive)\s+(?:the\s+)?(?:prior\s+|express\s+|explicit\s+|written\s+|appropriate\s+)*(?:permission|consent|approval|authori[sz]ation)|"
    r"\b(?:permission|consent|approval)\s+(?:from|of)\b|\bbusiness\s+case\b|\b(?:wishing|wants?|wanting|who\s+wish(?:es)?)\s+to\b|"
    r"\bwith\s+(?:the\s+|their\s+|prior\s+|written\s+|express\s+)*(?:[\w-]+(?:'s|’s)\s+)?(?:permission|consent|approval|agreement|authori[sz]ation)",
    re.IGNORECASE,
)
_SOFT_CONDITION = re.compile(
    r"\b(?:if|when|where|whilst|unless|provided|before|after)\b|\bduring\s+(?:their\s+|official\s+)*(?:breaks?|lunch|rest)|\boutside\s+(?:of\s+)?(?:session|working|school|lesson)|"
    r"\bvia\s+(?:a|an|the)?\s*[\w-]*(?:authori[sz]ed|approved|official|sanctioned)|\b(?:authori[sz]ed|approved|sanctioned)\b|\breasonable\b|"
    r"\blimit(?:ed)?\b[^.]*\bto\b|\bfor\s+(?:the\s+)?(?:deputy|head|headteacher|designated|authori[sz]ed|named|senior)",
    re.IGNORECASE,
)


_SEPARATOR = re.compile(r";|,\s+(?:so|but|however|including|which|although|though)\b|\s[–—-]\s", re.IGNORECASE)


def _segment(sentence: str, position: int) -> str:
    """The part of a sentence that a deontic expression governs: up to the next clause separator."""
    start = 0
    for match in _SEPARATOR.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return sentence[start:match.start()]
    return sentence[start:]


_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\s+$", re.IGNORECASE)


def _first_marker(text: str) -> tuple[Force, int, str] | None:
    """(force, position, matched words) of the earliest deontic expression in ``text``.

    A modal inside a relative clause ("anything that may be seen as ...") describes, it
    does not regulate, so it is passed over.
    """
    best: tuple[Force, int, str] | None = None
    for force, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if _RELATIVE.search(text[: match.start()]):
                continue
            if best is None or match.start() < best[1]:
                best = (force, match.start(), match.group(0).strip(" .;:"))
            break
    return best


def clause_force(text: str, lead_ins: list[str], inherited: Force | None) -> tuple[Force, str]:
    """(force, why) for one clause; ``inherited`` is its lead-in's force, if it has one."""
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        marker = _first_marker(sentence)
        if marker is None:
            continue
        force, position, words = marker
        segment = _segment(sentence, position)
        rest = sentence[position:position + len(segment)] if segment.startswith(sentence[position:position+1]) else segment
        rest = segment[segment.find(sentence[position:position + 5]):] if sentence[position:position + 5] in segment else segment
        if force == PROHIBITED:
            if _EXPLICIT_CONDITION.search(rest) or _PERMISSION_NEEDED.search(rest):
                return CONDITIONAL, f"“{words}” with a condition that lifts it"
            return PROHIBITED, f"“{words}”"
        if force in (DISCOURAGED, CONDITIONAL):
            return force, f"“{words}”"
        if force == REQUIRED:
            if _PERMISSION_NEEDED.search(segment) or re.search(r"\blimit\b[^.]*\bto\b|\brestrict\w*\b[^.]*\bto\b", rest, re.IGNORECASE):
                return CONDITIONAL, f"“{words}” a condition for doing it"
            return REQUIRED, f"“{words}”"
        if _EXPLICIT_CONDITION.search(sentence) or _PERMISSION_NEEDED.search(segment) or _SOFT_CONDITION.search(segment):
            return CONDITIONAL, f"“{words}” with conditions"
        return PERMITTED, f"“{words}”"
    if _PERMISSION_NEEDED.search(text) or _EXPLICIT_CONDITION.search(text):
        return CONDITIONAL, "a permission or condition it names"
    if inherited and inherited != NONE and lead_ins:
        return inherited, "from its lead-in"
    return NONE, "no modal verb"
