"""The reading vocabulary: the words that make a sentence a rule, in one place.

Ingest splits an unnumbered paragraph into clauses where a sentence states a rule; the
statement splitter cuts a clause into statements the same way; force reads the rule's
strength. Each used to keep its own list of modal verbs and illustrating openings, and the
lists drifted ("avoid" started a statement but not a clause). They share these.
"""

from __future__ import annotations

import re

MODAL = r"(?:must|should|shall|will|may|can)"
"""The modal verbs that put a rule: the core of every list below."""

MODAL_VERB = re.compile(rf"\b(?:{MODAL}|cannot)\b", re.IGNORECASE)
"""A modal verb anywhere: a line holding one reads as a sentence, not a heading."""

RULE_WORDS = re.compile(
    rf"\b(?:{MODAL}|cannot|can['’]t|won['’]t|required|expected|permits?|permitted|"
    r"prohibited|forbidden|allowed|advised|encouraged|need(?:s)?\s+to|never|do\s+not|don['’]t|are\s+to|is\s+to|"
    r"avoid|refrain|ensure|reserves?\s+the\s+right|(?:is|are)\s+(?:not\s+)?(?:acceptable|unacceptable|inappropriate)|"
    r"(?:is|are)\s+(?:welcome|free|entitled|able)\s+to|(?:is|are)\s+(?:responsible|accountable)\s+for)\b",
    re.IGNORECASE,
)
"""Words that state a rule: a clause or a statement starts where one of these governs a sentence."""

ILLUSTRATION = re.compile(
    r"^[\"'‘“(]*(?:for\s+example|for\s+instance|e\.g\.|eg\b|this\s+includes|this\s+means|in\s+particular|such\b|"
    r"in\s+the\s+event\s+of\s+this|in\s+this\s+case|in\s+these\s+circumstances|in\s+such\s+cases|again\b|that\s+is\b|"
    r"i\.e\.|this\s+(?:is|applies)\b|these\s+(?:are|include)\b)",
    re.IGNORECASE,
)
"""A sentence that opens like this explains or illustrates the one before: it belongs with it."""
