"""The force of a statement, read from its grammar: the modal verb and its scope.

One statement has one force (see ``statements.py`` for how a clause is split). The reading:

1. The governing expression is the first deontic expression of the statement's main
   clause: expressions inside a leading "If/When/Where ..., " clause or a relative clause
   ("anything that may be seen as ...") describe, they do not regulate.
2. Negation in its scope makes a prohibition ("must not", "must never", "are not permitted
   to", "No member of staff should", "under no circumstances"); advice against makes a
   discouragement ("advised not to", "should avoid", "be careful not to", "think carefully
   before"); "only" makes a permission with conditions; a duty ("must", "should", "will",
   "are expected to", "ensure") a requirement; "may", "can", "are free to" a permission.
3. Conditions adjust it: a prohibition lifted by permission or an ordinary exception
   ("without prior permission", "other than for club matters", "unless parents consent")
   is a permission with conditions, while a narrow exception ("unless authorised", "except
   in exceptional circumstances") leaves it a prohibition; a duty whose object is getting
   permission ("must be given permission to", "staff wishing to ... must ...", "limit ...
   to breaks") is a permission with conditions; a permission with a condition ("if",
   "provided that", "with consent", "during breaks") is one too.
4. A statement with no deontic expression is an instruction if it opens with a verb
   ("Keep profiles private": required; "Do not ...", "Never ...", "Not ...", "Make no ...",
   "Ban ...": prohibited; "Avoid ...": discouraged), a rule of what there is to be none of
   ("No personal phones in class": prohibited), or else a gerund or a noun phrase, which
   states no rule alone.
5. A list item takes what its lead-in gives (``Frame``): the lead-in's force for an
   instruction, gerund or noun phrase completing it ("Staff must not:" / "Share pupils'
   photos"); advice for items under "We recommend:" (a negative item is discouraged, a
   positive one required; a school's "guidelines", a document's title and a signer's "I will"
   are not advice); nothing for items under "Relevant legislation includes:". Where the item
   has a modal verb of its own, the item's own modal wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import is_base_verb, is_gerund
from .model import Force
from .vocabulary import MODAL

PROHIBITED = Force.PROHIBITED
DISCOURAGED = Force.DISCOURAGED
CONDITIONAL = Force.PERMITTED_WITH_CONDITIONS
PERMITTED = Force.PERMITTED
REQUIRED = Force.REQUIRED
NONE = Force.NONE

_Q = "['’]"
_MODALS = rf"(?:{MODAL}|would|might|could|need|ought\s+to)"
_ASKED = r"(?:strongly\s+|also\s+|therefore\s+)?(?:advised|encouraged|recommended|asked|requested|urged|reminded)"
_NO_THING = r"no\s+(?!(?:later|more|less|fewer|longer|sooner|earlier|doubt|matter|exceptions?)\b)"
"""A statement that opens "No ..." and names what is ruled out ("No photographs of pupils will be
published", "No friending of pupils"), not a limit or a time ("No more than two", "No later than")."""

# Longest, most specific phrasings first: at one position the first pattern listed wins.
_EXPRESSIONS: tuple[tuple[Force, str], ...] = (
    (DISCOURAGED, rf"{_ASKED}\s+not\s+to|(?:advise|recommend|urge|ask|encourage|suggest)s?\s+(?:\w+\s+){{0,3}}?not\s+to"),
    (DISCOURAGED, r"(?:should|must|will|are\s+to|is\s+to|try\s+to|need\s+to|ought\s+to)\s+(?:try\s+to\s+|always\s+|also\s+)?avoid"),
    (DISCOURAGED, rf"(?:{_MODALS}\s+(?:always\s+|also\s+)?)?(?:be|is|are|being)\s+(?:very\s+|extremely\s+|particularly\s+)?(?:careful|cautious|wary|mindful)\s+(?:not\s+to|about|of|when|before|with|what)"),
    (DISCOURAGED, rf"(?:{_MODALS}\s+(?:always\s+|also\s+)?)?(?:take|taking)\s+(?:great\s+|particular\s+)?care\s+not\s+to|(?:{_MODALS}\s+)?(?:exercise|use|apply)\s+caution(?!\s+and\s+(?:\w+\s+)?judge?ment)|(?:care|caution)\s+(?:is|should\s+be|must\s+be|needs\s+to\s+be)\s+(?:advised|exercised|taken)"),
    (DISCOURAGED, rf"(?:{_MODALS}\s+(?:always\s+|also\s+)?)?(?:think|consider)\s+(?:very\s+|extremely\s+)?carefully|(?:{_MODALS}\s+(?:always\s+|also\s+)?)?(?:very\s+|extremely\s+)?carefully\s+(?:consider|think\s+about|weigh)"),
    (DISCOURAGED, rf"(?:{_MODALS}\s+(?:also\s+|always\s+)?consider|consideration\s+(?:{_MODALS}\s+(?:also\s+)?be|is)\s+given\s+to)\s+whether\s+(?:or\s+not\s+)?(?:it\s+(?:is|would\s+be)\s+)?(?:appropriate|wise|sensible|necessary|right)\b"),
    (PERMITTED, rf"{_MODALS}\s+(?:also\s+|always\s+)?consider\s+(?!(?:any|every|some|no)thing\b)[a-z]+ing\b"),
    (DISCOURAGED, r"(?:is|are)\s+(?:strongly\s+)?(?:discouraged|not\s+(?:recommended|advisable|advised|encouraged))|(?:is|it\s+is)\s+(?:inadvisable|unwise|unsafe|not\s+(?:a\s+good\s+idea|safe|wise|sensible))"),
    (DISCOURAGED, r"(?:advisable|recommended|wise|sensible|best|better|preferable|practice)\s+(?:not\s+to|to\s+avoid)\b|(?:is|are)\s+not\s+(?:considered\s+|regarded\s+as\s+)?(?:good|best)\s+practice"),
    (DISCOURAGED, rf"(?:recommended|advisable|advised|suggested)\s+that\b[^.;]{{0,60}}?\b(?:do\s+not|don{_Q}t|not|never|avoid)\b"),
    # a request is a wish, not a rule: "we request that parents do not comment on ..."
    (DISCOURAGED, rf"(?:request|ask)(?:s|ed)?\s+that\b[^.;]{{0,60}}?\b(?:do\s+not|don{_Q}t|not|never|avoid)\b"),
    (PROHIBITED, rf"(?:{_MODALS}\s+|(?:is|are)\s+to\s+)?(?:under\s+no\s+circumstances|in\s+no\s+circumstances|at\s+no\s+time|on\s+no\s+account)|(?:is|are)\s+to\s+(?:refrain|abstain)\s+from"),
    (PROHIBITED, rf"(?:{_MODALS}|(?:is|are)\s+to)\s+be\s+(?:absolutely\s+)?{_NO_THING}"),
    (PROHIBITED, rf"(?:{_MODALS}\s+(?:always\s+|also\s+)?|^)(?:ensure|make\s+sure)\s+(?:that\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:do\s+not|does\s+not|don{_Q}t|doesn{_Q}t|never|are\s+not|is\s+not|will\s+not|won{_Q}t)\b"),
    (PROHIBITED, rf"\bno\s+(?:member\s+of\s+staff|members\s+of\s+staff|staff(?:\s+members?)?|employees?|one|person|adults?|volunteers?|pupils?|students?|individuals?)\s+(?:\w+\s+){{0,3}}?(?:{_MODALS}|is\s+to|are\s+to|is\s+permitted|is\s+allowed)"),
    (PROHIBITED, rf"^{_NO_THING}(?:[\w’'/-]+\s+){{1,6}}?(?:{_MODALS}|is\s+to|are\s+to|(?:is|are)\s+(?:permitted|allowed))\b"),
    (PROHIBITED, rf"{_MODALS}\s*(?:not|never|n{_Q}t)\b(?!\s+only\b)|cannot|can{_Q}t|won{_Q}t|mustn{_Q}t|shouldn{_Q}t|shan{_Q}t|needn{_Q}t"),
    (PROHIBITED, rf"{_MODALS}\s+(?:\w+\s+)?(?:refrain\s+from|abstain\s+from)|refrain\s+from"),
    (PROHIBITED, rf"(?<=[:;,–—-]\s)(?:please\s+)?(?:do\s+not|don{_Q}t|never)\b|^(?:do\s+not|don{_Q}t|never|not(?!\s+only\b))\b"),
    (PROHIBITED, r"(?:is|are|be|being)\s+(?:not|never)\s+(?:permitted|allowed|authori[sz]ed|acceptable|appropriate|tolerated|to)\b"),
    (PROHIBITED, r"(?:is|are|be|being)\s+(?:required|expected|obliged|instructed|told|directed)\s+not\s+to\b"),
    (PROHIBITED, r"(?:is|are|be)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|banned|unacceptable|inappropriate|not\s+permitted|not\s+allowed)"),
    (PROHIBITED, r"(?:does|do|will)\s+not\s+(?:permit|allow|condone|tolerate|accept)|prohibit(?:s|ed)?\b|forbid(?:s|den)?\b|not\s+(?:permitted|allowed)"),
    (PROHIBITED, r"(?:is|are|constitutes?|amounts?\s+to)\s+(?:an?\s+)?(?:disciplinary\s+|criminal\s+|serious\s+)?(?:offence|(?:gross\s+)?misconduct)"),
    # an act that needs someone's consent is allowed with it: "filming requires the consent of
    # the parents", "written permission is needed"
    (CONDITIONAL, r"requir(?:es?|ing)\s+(?:the\s+|their\s+|prior\s+|written\s+|express\s+|explicit\s+|parental\s+)*(?:consent|permission|approval|authori[sz]ation)\b|"
     r"(?:consent|permission|approval|authori[sz]ation)\s+(?:is|are)\s+(?:always\s+)?(?:required|needed|necessary)\b"),
    # one allowed way of doing a thing forbids the others and allows that one: "the only
    # approved means of messaging families is ..."
    (CONDITIONAL, r"the\s+only\s+(?:acceptable|permitted|approved|allowed|appropriate|authori[sz]ed|sanctioned)\s+(?:[\w-]+\s+)?(?:methods?|ways?|means|forms?|channels?|routes?)\b"),
    # circumstances in which an act is appropriate are a permission for those circumstances
    (CONDITIONAL, r"there\s+(?:may|might|could|can|will)\s+be\s+(?:some\s+|rare\s+|certain\s+)?(?:circumstances|occasions|times|situations|cases)\s+(?:in\s+which|when|where)\b[^.;]{0,80}?\b(?:appropriate|acceptable|necessary|permissible|allowed|permitted)\b"),
    (CONDITIONAL, rf"{_MODALS}\s+only\b|(?:is|are)\s+only\s+to\b|only\s+(?:be\s+)?(?:permitted|allowed|used|acceptable)"),
    (REQUIRED, r"(?:is|are)\s+(?:required|expected|obliged|instructed|requested|asked|bound)\s+to|(?:strongly\s+|also\s+)?(?:advised|reminded)\s+to\b"),
    # responsibility for a decision leaves the decision to the reader: "responsible for
    # determining the level of privacy of their accounts" is theirs to choose
    (PERMITTED, r"(?:is|are)\s+(?:solely\s+|personally\s+)?responsible\s+for\s+(?:determining|deciding|choosing|judging)\b"),
    (REQUIRED, r"it\s+is\s+(?:the\s+)?(?:joint\s+|shared\s+)?(?:responsibility|duty)\s+of\b|(?:has|have)\s+(?:a\s+)?(?:duty|responsibility|obligation)\s+to|(?:is|are)\s+responsible\s+for|(?:is|are)\s+accountable\s+for"),
    # advice put impersonally is advice all the same: "it is considered good practice to monitor ..."
    (REQUIRED, r"it\s+is\s+(?:therefore\s+|also\s+)?(?:considered\s+|regarded\s+as\s+|seen\s+as\s+)?(?:good|best)\s+practice\s+(?:to|that|for)\b(?![^.;]{0,60}?\b(?:not|never|avoid)\b)|it\s+is\s+(?:therefore\s+|also\s+)?(?:advisable|recommended|advised)\s+(?:to|that)\b(?![^.;]{0,60}?\b(?:not|never|avoid)\b)"),
    (REQUIRED, r"it\s+is\s+(?:therefore\s+)?(?:essential|important|vital|crucial|imperative|expected|mandatory|compulsory|a\s+requirement|necessary)|(?:is|are)\s+(?:mandatory|compulsory)"),
    # "would" is mostly hypothetical ("it would be wise"), but a policy that says what an act
    # "would lead to" or "would be subject to" states the outcome, as "will" does
    (REQUIRED, r"would\s+(?:also\s+|then\s+|normally\s+|usually\s+)?(?:be\s+subject(?:ed)?\s+to|lead\s+to|result\s+in|be\s+(?:investigated|dealt\s+with|referred|reported)\b)"),
    (REQUIRED, r"(?:must|shall|should|will|(?<!\bthe\s)(?<!\ba\s)(?<!\bno\s)need(?:s)?\s+to|ha(?:ve|s)\s+to|ought\s+to)\b|(?:are|is)\s+to\s+(?:be\s+)?\w|ensure|(?:is|are)\s+committed\s+to"),
    # the month, not the modal: "In May 2004", "on 3 May the trust ..."
    (NONE, r"may\s+\d|(?<=\d\s)may\b"),
    (NONE, r"(?:may|can|could|might)\s+(?:often|sometimes|easily|quickly|potentially|inadvertently|unintentionally|unwittingly|even)\b|"
     r"(?:may|might|could)\s+(?:well\s+)?(?:wish|want|like|prefer|choose\s+to\s+wish)\s+to\b|"
     r"(?:may|can|could|might)\s+(?:\w+\s+)?be\s+(?:seen|perceived|misinterpreted|misconstrued|misread|misunderstood|taken\s+out\s+of\s+context)\b|"
     r"(?:may|might|could|can)\s+(?:also\s+|well\s+|even\s+|sometimes\s+|often\s+)?be\s+(?:particularly\s+|especially\s+|very\s+|more\s+|less\s+|quite\s+|extremely\s+|even\s+|so\s+|too\s+|a\s+)?"
     r"(?:important|difficult|hard|harmful|dangerous|helpful|useful|beneficial|valuable|possible|likely|unlikely|true|different|vulnerable|at\s+risk|upsetting|distressing|"
     r"positive|negative|easy|tempting|risky|hurtful|damaging|powerful|effective|great|wonderful|fun|confusing|stressful|problematic|costly|serious|permanent|public|benefit|risk|problem)\b|"
     # what a thing can bring about is its nature, no leave to anyone: "use of these sites can present risks"
     r"(?:may|might|could|can)\s+(?:also\s+|easily\s+|sometimes\s+|often\s+)?(?:present|pose|create|carry|bring|cause|raise)\s+(?:[\w-]+\s+){0,2}?(?:risks?|dangers?|challenges?|problems?|issues?|difficult\w*|concerns?|threats?)\b|"
     r"there\s+(?:may|might|could|can)\s+(?:also\s+)?be\b|"
     r"(?:may|might|could|can)\s+(?:also\s+|easily\s+|seriously\s+|potentially\s+|inadvertently\s+|unintentionally\s+)?"
     r"(?:damage|harm|hurt|undermine|compromise|jeopardi[sz]e|endanger|threaten|expose|embarrass|offend|upset|mislead|blur)\b|"
     # how a thing is described is no leave to anyone: "misuse can be summarised as follows"
     r"(?:may|might|could|can)\s+(?:also\s+|broadly\s+)?be\s+(?:summari[sz]ed|described|defined|divided|grouped|categori[sz]ed|classified|characteri[sz]ed|explained)\b|"
     r"(?:may|might|could|can)\s+(?:also\s+|even\s+|easily\s+)?have\s+(?:an?\s+|serious\s+|real\s+)?(?:[\w-]+\s+)?(?:effects?|impacts?|consequences?|repercussions?)\b|"
     r"(?:may|might|could|can)\s+(?:also\s+|well\s+|even\s+|sometimes\s+|often\s+)?be\s+(?:parents?|carers?|relatives?|related|neighbours?|family\s+members?)\b|"
     r"(?:may|might|could|can)\s+(?:also\s+|still\s+|easily\s+)?(?:arise|occur|happen|exist|result)\b(?!\s+in\b)|"
     r"(?:only|best|easiest|quickest|main)\s+(?:way|means)\s+(?:that\s+)?(?:we|they|you|staff|schools?|it|one)\s+(?:can|could|may|might)\b|"
     r"(?:may|might|could)\s+(?:also\s+|well\s+|even\s+)?(?:be\s+able\s+to|take\s+(?:the\s+|many\s+|several\s+|various\s+)?forms?)\b"),
    # a right held is leave to act: "parents have the right to withdraw consent at any time"
    (PERMITTED, r"(?:has|have|retains?|keeps?)\s+(?:the|a)\s+(?:full\s+|absolute\s+|legal\s+)?right\s+to\s+(?!an?\b|the\b|their\b|privacy\b)\w+"),
    (PERMITTED, r"reserves?\s+the\s+right|(?:are|is)\s+(?:free|able|permitted|allowed|entitled|welcome|at\s+liberty)\s+to|(?:are|is)\s+(?:actively\s+)?encouraged\s+to"),
    (PERMITTED, r"(?:may|can|could|might)\b|\bpermits?\b|\ballows?\b|\bencourages?\s+(?!(?:\w+\s+){0,3}?not\b)(?:\w+\s+){1,3}?to\b|(?:is|are)\s+(?:acceptable|permissible)"),
)
_COMPILED = tuple((force, re.compile(rf"\b(?:{pattern})", re.IGNORECASE)) for force, pattern in _EXPRESSIONS)

_PERMISSION_WORD = r"(?:permission|consent|approval|authori[sz]ation|agreement|sign[\s-]?off|clearance)"
_PERMISSION_KIND = r"(?:prior|express|explicit|specific|written|signed|verbal|appropriate|proper|formal|official|relevant|necessary|full|parental|advance|parents?|carers?|guardians?)"
"""Words that say what kind of permission: "without specific permission" is "without permission"."""
_PERMISSION_WITH = re.compile(
    rf"\bwith(?:out)?\s+(?:the\s+|their\s+|a\s+|an\s+|any\s+|{_PERMISSION_KIND}\s+|[\w-]+(?:{_Q}s|s{_Q})\s+)*{_PERMISSION_WORD}",
    re.IGNORECASE,
)
_PERMISSION_SOUGHT = re.compile(
    rf"\b(?:given|granted|obtain(?:ed|ing)?|seek(?:ing)?|sought|get(?:ting)?|have|has|gain(?:ing)?|receive[ds]?|ask(?:ing)?\s+for|request(?:ing)?)\s+"
    rf"(?:the\s+|their\s+|{_PERMISSION_KIND}\s+|[\w-]+(?:{_Q}s|s{_Q})\s+)*{_PERMISSION_WORD}|"
    rf"\b(?:be|are|is|been)\s+(?:pre-?)?(?:approved|authori[sz]ed|signed\s+off|agreed)\s+(?:by|in\s+advance|beforehand|before)|"
    # the school's own wish ("we want to respect privacy") is an aim, no precondition on the reader
    rf"(?<!\bwe\s)\b(?:wishing|wish(?:es)?|wants?|wanting|intend(?:s|ing)?|planning)\s+to\b|"
    # "limit ... to" within a sentence part: its first "limit" or "restrict" reaches every "to" a
    # later one does, so it is taken once, atomically, from the start of the part (linear).
    rf"(?:^|[.;])(?>[^.;]*?\b(?:limit|restrict)\w*\b)[^.;]*\bto\b",
    re.IGNORECASE,
)
"""A duty that is a precondition: getting permission, or limiting an act to a time or place."""
_EXPLICIT_CONDITION = re.compile(
    r"\bonly\b|\bprovided(?:\s+that)?\b|\bproviding\b|\b(?:as|so)\s+long\s+as\b|(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeing\s)\bsubject\s+to\b|\bon\s+(?:the\s+)?condition\b|"
    r"\bon\s+the\s+understanding\b|\bat\s+the\s+(?:sole\s+)?discretion\s+of\b",
    re.IGNORECASE,
)
_SOFT_CONDITION = re.compile(
    r"(?<!including\s)(?<!even\s)(?<!also\s)\b(?:if|when|whenever|unless|before|after|once)\b|\bwhere\s+(?!(?:possible|necessary|appropriate|needed)\b)|\bduring\s+(?:their\s+|official\s+|designated\s+|non-contact\s+|any\s+)*(?:breaks?|lunch\w*|rest|free|non-contact|holidays?)|"
    r"\boutside\s+(?:of\s+)?(?:their\s+|the\s+|normal\s+)*(?:session|working|school|lesson|teaching|contracted|directed|work)|"
    r"\b(?:via|through|using|on|from)\s+(?:a|an|the|their|its)?\s*(?:[\w-]+\s+){0,2}?(?:[\w-]*authori[sz]ed|approved|official|sanctioned|designated)\b|"
    r"\breasonable\b|\bappropriate\s+(?:times?|places?|access)\b|\bin\s+moderation\b",
    re.IGNORECASE,
)
_LIFTING_EXCEPTION = re.compile(r"\bother\s+than\b(?!\s+(?:their|his|her|your|our|its|my|one['’]s)\s+own\b)|\bapart\s+from\b|\bexcept(?:\s+(?:for|where|when|with|to|in|if))?\b(?!\s+in\s+(?:an?\s+)?(?:exceptional|emergenc|extreme))", re.IGNORECASE)
# The first "unless" of a sentence part (a run without "." or ";") reaches every word a later one
# does, and so does the first party after it: both are taken once, atomically, from the start of
# the part, so no later "unless" or party is tried again over the same words (linear, not cubic).
_UNLESS_CONSENT = re.compile(
    r"(?:^|[.;])(?>[^.;]*?\bunless\b)(?:[^.;]*\b(?:consent|permission|approval|authori[sz]ation)\b|(?>[^.;]*?\b(?:parents?|carers?|families|family|pupils?|students?|child|children|person|individual)\b)[^.;]*\bagree)|"
    r"\bunless\b[^.;]{0,40}\b(?:authori[sz]ed|approved|permitted|sanctioned|pre-?approved|agreed\s+(?:by|with|in\s+advance))\b|"
    r"\bunless\b[^.;]{0,30}\b(?:on\s+(?:a\s+|their\s+)?breaks?|during\s+(?:a\s+|their\s+)?(?:breaks?|lunch)|at\s+lunch|in\s+(?:their\s+)?(?:own|free)\s+time|in\s+the\s+staff\s?room)\b",
    re.IGNORECASE,
)
"""An exception by something the person can obtain (consent, permission, authorisation, a manager's
approval: "unless authorised to do so"), or for a time or place set aside (a break, the
staffroom), lifts a prohibition (the gold README's convention, settled 2026-12-07)."""
_OUTSIDE_BREAKS = re.compile(
    r"\boutside\s+(?:of\s+)?(?:the\s+|their\s+|your\s+)?(?:designated\s+|official\s+|agreed\s+|staff\s+|normal\s+)?(?:break|lunch|rest|non-contact|free)\w*",
    re.IGNORECASE,
)
"""A prohibition "outside designated break times" names the times the act is allowed: limited to a
time, it is permitted with conditions (the gold README's convention)."""
_NARROW_EXCEPTION = re.compile(r"\bexcept(?:ional(?:ly)?)?\s+in\s+(?:an?\s+)?(?:exceptional|emergenc|extreme)|\bexceptional\s+circumstances\b|\bemergenc", re.IGNORECASE)

_LEADING_SUBORDINATE = re.compile(
    r"^(?:if|when|whenever|where|whilst|while|although|though|as|because|since|unless|once|before|after|with|provided|providing|in\s+(?:the\s+)?(?:event|case)\s+(?:of|that)|on|in|at|during|within|outside|online|across)\b[^,;]{0,160},\s*",
    re.IGNORECASE,
)
_LEADING_CONDITION = re.compile(r"\b(?:if|where|when|whenever|provided|providing|as\s+long\s+as|once|unless|with)\b", re.IGNORECASE)
"""A leading clause that makes a permission conditional ("Where parents consent, images may ...")."""
_CONDITION_FIRST = re.compile(r"^\s*(?:if|where|when|whenever|provided|providing|as\s+long\s+as|once|only\s+if)\b", re.IGNORECASE)
"""The same with no comma to close it: "If staff have an emergency they are free to ..."."""
_RELATIVE = re.compile(
    r"\b(?:that|which|who|whom|whose|what|whatever|anything|something)\s+(?:\w+\s+){0,1}$|"
    r"\b(?:because|(?<!such\s)(?<!well\s)as|since|whether|if|when|where|how|so\s+that|in\s+case)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""Just before a modal, these mean it sits in a relative or subordinate clause: it describes."""
_COMPLEMENT = re.compile(
    r"\b(?:reminded|aware|understand|understands|note|noted|know|recognise|remember|ensure|advised|told|informed|accept|agree|"
    r"means|clear|essential|important|expected|required|vital|recommended|suggested|asked)\s+that\s+(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
"""Except "that" after a verb of telling or knowing: "reminded that they must not" reports the rule itself."""
_OPENING_NOISE = re.compile(
    r"^(?:[\W_\d]+|(?i:and|but|or|however|also|so|then|therefore|please|always|kindly|most\s+important(?:ly)?)\b[\s,:\-–—]*|[A-Z][A-Z]+(?:\s+[A-Z]+)*\s*[\-–—:]+\s*|[A-Z][a-z]+(?:\s+[-–—]{1,3}\s+|:\s+(?=[A-Z])))+"
)
"""Bullets, emoji, numbers, Markdown emphasis, a label ("SAFE -", "Safe - Staying safe involves
...", "Tell: Tell someone you trust"), and words that open an instruction without changing it."""
_NEGATIVE_OPENING = re.compile(rf"^(?:do\s+not|don{_Q}t|never|not(?!\s+only\b)|no\s+longer)\b", re.IGNORECASE)
_NO_OPENING = re.compile(rf"^{_NO_THING}[A-Za-z]", re.IGNORECASE)
"""A rule stated as what there is to be none of: "No friending of pupils", "No mobile phones in class"."""
_PROHIBITING_VERBS = frozenset({"ban", "prohibit", "forbid", "disallow", "outlaw"})
_NO_OBJECT = re.compile(rf"^[A-Za-z][\w’'-]*\s+(?:absolutely\s+|strictly\s+)?{_NO_THING}", re.IGNORECASE)
"""An instruction whose object is "no ...": "Have no contact with pupils", "Accept no friend requests"."""
_AVOID_OPENING = re.compile(r"^(?:avoid(?:ing)?|try(?:ing)?\s+to\s+avoid|steer(?:ing)?\s+clear\s+of)\b", re.IGNORECASE)
_REFRAIN_OPENING = re.compile(r"^(?:refrain(?:ing)?|abstain(?:ing)?)\s+from\b", re.IGNORECASE)
_SUBJECT_FIRST = re.compile(
    r"^[A-Za-z][\w’'-]*(?:\s+[\w’'-]+)?\s+(?:is|are|was|were|has|have|does|do|did|will|must|should|can|may|shall|would|could)\b|^[A-Za-z][\w’'-]*\s+\d",
    re.IGNORECASE,
)
"""A sentence whose first word is its subject ("Section 9 explains ...", "Staff members are ...")."""
_ONLY_OPENING = re.compile(r"^only\b", re.IGNORECASE)
_ONLY_SOON = re.compile(r"^(?:\s+(?:to|be|use|used|take|taken|share|shared|store|stored|contact|communicate|access|post|publish|published)){0,3}\s+only\b", re.IGNORECASE)
""""only" straight after a duty's or a permission's words ("are expected to use only ...", "should be used only ...")."""
_FOR_USE_ONLY = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,3}?(?:use|purposes?|reasons?)\s+only\b", re.IGNORECASE)
"""A duty limited to a use by a trailing "only" ("for private use only") allows the act for that use alone."""
_ONLY_PRACTICE = re.compile(r"^(?:we|staff|(?:the|our)\s+(?:school|academy|trust|staff|federation|setting))\s+only\s+([a-z]+)\b", re.IGNORECASE)
"""A practice stated as fact and limited by "only" ("We only use images that ...")."""


@dataclass(frozen=True)
class Frame:
    """What a list lead-in gives the items under it.

    ``force`` is the lead-in's own force ("Staff must not:" gives PROHIBITED); ``advice``
    marks a lead-in that frames its items as advice ("We recommend:", "Good practice
    includes:"); ``no_rule`` one that lists examples or things, not rules ("Relevant
    legislation includes:").
    """

    force: Force | None
    advice: bool
    no_rule: bool
    words: str


_ADVICE_NOUNS = re.compile(
    r"\b(?:advice|advise[ds]?|recommend(?:ation)?s?|recommended|suggest(?:ion)?s?|suggested|tips?|good\s+practice|best\s+practice|top\s+\w+)\b",
    re.IGNORECASE,
)
"""Words that frame a list as advice. Not "guidance" or "guidelines": a school's guidelines are
what its staff are to follow ("The following guidelines apply:"), not a recommendation."""
_DUTY_NOUNS = re.compile(r"\b(?:requirements?|expectations?|rules?|responsibilities|duties|obligations|conditions|code\s+of\s+conduct|standards|principles)\b", re.IGNORECASE)
_EXAMPLE_CUES = re.compile(
    r"\b(?:includ(?:e|es|ing)|such\s+as|for\s+(?:example|instance)|e\.g|examples?|consist\s+of|comprises?|means|defined\s+as|as\s+follows|are|is|relevant|legislation|laws?|acts?|policies|documents?|risks?)\W*$",
    re.IGNORECASE,
)


_DOCUMENT_LIST = re.compile(
    r"\b(?:polic(?:y|ies)|documents?|legislation|laws?(?:\s+of)?|acts?|statutes?|regulations)\W*$", re.IGNORECASE
)
"""A lead-in whose items are documents or laws ("should be read with the following policies:",
"Liability can arise under the laws of:"): its items name them, they state no rule."""


_DOCUMENT_LEAD_IN = re.compile(
    r"^(?:this|the)\s+(?:polic(?:y|ies)|documents?|guidance)\b(?![^:]*\b(?:requires?|expects?|prohibits?|forbids?|asks?|means\s+that|staff|employees|you|must|should)\b)[^:]*:\W*$",
    re.IGNORECASE,
)
"""A lead-in whose subject is the document and which asks nothing of anyone ("This policy is
subject to the Codes of Conduct and:", "This policy:"): its items describe the document."""


_NAMED_DOCUMENTS = re.compile(
    r"\b(?:has\s+regard\s+to|(?:is|be)\s+read\s+(?:with|alongside|in\s+conjunction\s+with)|(?:is\s+)?(?:informed|underpinned)\s+by|"
    r"(?:complies|comply|in\s+line)\s+with|links?\s+(?:with|to))\s+(?:the\s+)?(?:following|these)\b[^:]{0,80}:\W*$|"
    r"\bthe\s+following\s+(?:[\w-]+\s+){0,2}(?:legislation|laws?|acts?|statutes?|regulations|polic(?:y|ies)|documents?)\b[^:]{0,60}:\W*$",
    re.IGNORECASE,
)


def names_documents(lead_in: str) -> bool:
    """Whether a list lead-in introduces the laws, policies or guidance the document has regard to
    ("This policy has regard to the following legislation and guidance:"): each item names a
    document, whose title ("the Data Protection Act") is no rule on its subject."""
    stripped = lead_in.strip()
    if not stripped.endswith(":"):
        return False  # "... have read this policy;": an item before the next, not a list of documents
    return bool(_DOCUMENT_LIST.search(stripped.rstrip(" :-–—"))) or _NAMED_DOCUMENTS.search(stripped) is not None


def lead_in_frame(text: str, force: Force | None = None) -> Frame:
    """What a lead-in ("Staff must not:", "We recommend the following:") gives its items.

    ``force`` is the lead-in's own force as already read in its context (a lead-in can be an
    item of a list itself); without it the lead-in's words alone are read.
    """
    if lists_aims(text) or _DOCUMENT_LEAD_IN.match(text.strip()):
        # "This policy aims to:", "This policy is subject to our code of conduct and:": its items
        # say what the document does, not what anyone must do
        return Frame(None, False, True, _short(text))
    if force is None:
        force, _ = statement_force(text)
    advice = _advises(text) and force in (NONE, REQUIRED, PERMITTED)
    if force is NONE and _DUTY_NOUNS.search(text):
        force = REQUIRED
    ending = text.rstrip(" :;-–—")
    no_rule = (force is NONE and not advice and bool(_EXAMPLE_CUES.search(ending))) or bool(_DOCUMENT_LIST.search(ending))
    return Frame(None if force is NONE else force, advice, no_rule, _short(text))


_COMMITMENT = re.compile(r"\bI\s+(?:will|shall|must|agree|confirm|understand|accept|undertake|promise)\b")
"""A lead-in in which the signer commits ("I confirm that ... I will ...: In particular:"), as in
an acceptable use agreement: what follows is what they undertake, never advice."""


def _advises(text: str) -> bool:
    """Whether a lead-in frames its items as advice: an advice word that is not part of a
    document's title ("the Electronic Communications Guidance for Staff" names a document),
    in a lead-in that is not the signer's own commitment."""
    if _COMMITMENT.search(text):
        return False
    for match in _ADVICE_NOUNS.finditer(text):
        before = text[: match.start()].split()
        if match.group(0)[:1].isupper() and before and before[-1][:1].isupper() and not before[-1].endswith((".", ":")):
            continue  # Title Case: the name of a document
        return True
    return False


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=[^\s*_])(.+?)(?<=[^\s*_])\1")


def _unemphasised(text: str) -> str:
    """The text without Markdown emphasis marks: a source written in Markdown or exported from
    Word with bold kept ("Do **not** confront anyone") says what it says without them."""
    return _EMPHASIS.sub(r"\2", text) if "*" in text or "__" in text else text


def _main_clause(text: str) -> tuple[str, int]:
    """The statement without its opening noise or a leading subordinate clause, and where it starts
    (in the text without emphasis marks)."""
    text = _unemphasised(text)
    offset = 0
    noise = _OPENING_NOISE.match(text)
    if noise:
        offset = noise.end()
    subordinate = _LEADING_SUBORDINATE.match(text[offset:])
    if subordinate:
        rest = text[offset + subordinate.end():]
        if _governing(rest) is not None or _opening(rest)[0] in _INSTRUCTING:
            offset += subordinate.end()
    return text[offset:], offset


_INSTRUCTING = ("instruction", "negative", "avoid", "only")
"""The kinds of opening (``_opening``) that put a sentence as an instruction."""


def _governing(text: str, start: int = 0) -> tuple[Force, int, int] | None:
    """(force, start, end) of the first deontic expression outside a relative clause.

    A modal that only says what might happen ("can easily be misread") regulates nothing: the
    next expression governs, or, when there is none, the statement states no rule.
    """
    best: tuple[Force, int, int] | None = None
    for force, pattern in _COMPILED:
        for match in pattern.finditer(text, start):
            if best is not None and match.start() >= best[1]:
                break
            if _RELATIVE.search(text[: match.start()]) and not _COMPLEMENT.search(text[: match.start()]):
                continue
            best = (force, match.start(), match.end())
            break
    if best is not None and best[0] is NONE:
        return _governing(text, best[2]) or best
    return best


def _quoted(text: str) -> str:
    return "“" + " ".join(text.split()).strip(" .;:,") + "”"


_SCOPE_END = re.compile(
    r";|(?<![Ee]\.g)(?<![Ii]\.e)(?<!etc)(?<!\bvs)(?<!\bNo)\.\s|,\s+(?:but|however|although|though|whereas|so|as|because|since|and\s+(?:so|therefore))\b"
)
"""Where the words an expression governs end: a semicolon, a full stop (not an abbreviation's:
"(e.g. cameras) without permission" goes on), or a contrasting conjunction."""


def _scope(text: str, start: int) -> str:
    """The words a deontic expression governs: to the end of the statement's clause."""
    end = len(text)
    for match in _SCOPE_END.finditer(text[start:]):
        end = start + match.start()
        break
    return text[start:end]


_NOT_HOLDING_BACK = re.compile(
    rf"^(?:\w+\s+){{0,2}}?(?:do\s+not|don{_Q}t|not|never)\s+(?:\w+ly\s+)?(?:hesitate|(?:be|feel)\s+(?:afraid|scared|frightened|shy|embarrassed|reluctant|worried)\s+(?:to|about|of\s+\w+ing)\b)",
    re.IGNORECASE,
)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _sentence_at(text: str, start: int) -> str:
    """The sentence of ``text`` that holds ``start``: a precondition in the next sentence
    ("We will do this by securing consent") is how the school keeps the duty, not a condition on it."""
    begin, end = 0, len(text)
    for match in _SENTENCE_BREAK.finditer(text):
        if match.end() <= start:
            begin = match.end()
        else:
            end = match.start()
            break
    return text[begin:end]


def _adjusted(force: Force, words: str, main: str, start: int) -> tuple[Force, str]:
    """Apply the conditions and exceptions in the expression's scope to its force."""
    scope = _scope(main, start)
    holding_back = _NOT_HOLDING_BACK.match(main[start:]) if force in (PROHIBITED, DISCOURAGED) else None
    if holding_back is not None:
        # "Do not be afraid to ask", "should not hesitate to report": a negated reluctance urges the act
        return REQUIRED, f"{_quoted(holding_back.group(0))} urges the act"
    if force is PROHIBITED:
        if _NARROW_EXCEPTION.search(scope):
            return PROHIBITED, f"{words} (with a narrow exception)"
        if _PERMISSION_WITH.search(scope) or _LIFTING_EXCEPTION.search(scope) or _UNLESS_CONSENT.search(scope):
            return CONDITIONAL, f"{words} with an exception that allows it"
        if re.search(r"\bunless\b", scope, re.IGNORECASE):
            return PROHIBITED, f"{words} (with a narrow exception)"
        if _OUTSIDE_BREAKS.search(scope):
            return CONDITIONAL, f"{words} outside the times it names: allowed then"
        return PROHIBITED, words
    if force is DISCOURAGED and (_PERMISSION_WITH.search(scope) or _UNLESS_CONSENT.search(scope)):
        return CONDITIONAL, f"{words} with an exception that allows it"
    if force is REQUIRED:
        if _PERMISSION_SOUGHT.search(_sentence_at(main, start)):
            return CONDITIONAL, f"{words}: a condition for doing it"
        return REQUIRED, words
    if force is PERMITTED:
        if _EXPLICIT_CONDITION.search(main) or _PERMISSION_WITH.search(scope):
            return CONDITIONAL, f"{words} with conditions"
        if states_outcome(main):
            # "where misuse is suspected, action may be taken": the occasion of a consequence is
            # the breach it answers, no condition on anyone's leave
            return PERMITTED, f"{words}: what may follow"
        if _SOFT_CONDITION.search(scope):
            return CONDITIONAL, f"{words} with conditions"
        return PERMITTED, words
    return force, words


_NOUN_USE = re.compile(r"^(?:\W*$|\s+of\b)")
"""What follows a first word that makes it a noun: nothing (a one-word label, "Purpose:") or "of"
("Review of policy")."""
_RUN_IN_HEADING = re.compile(
    r"^[A-Z][a-z]+\s+(?:The|This|These|Those|As|Our|We|When|If|Where|Many|Some|There|Most|Each|Every|Since|Although|While|Whilst)\s+[a-z]"
)
"""A capitalised word, then a capitalised word that opens a sentence ("Background The use of ...",
"Introduction As the internet grows ..."): a heading run into its text, a label, no instruction. An
instruction's object follows its verb in the sentence's own case ("Set the tone")."""
_VERBS_WITH_OF = frozenset({"do", "think", "dispose", "approve", "beware", "speak", "hear", "rid", "inform", "advise", "notify", "remind", "tell", "warn", "accuse", "convince"})
"""Instructions that can take "of" ("Dispose of ...", "Inform staff of" takes an object first, but
"Inform of" can open a list item), and "Do" alone, which is an instruction ("Do:")."""


def _opening(main: str) -> tuple[str, str]:
    """The kind of statement a verb-less statement is: ``negative``, ``avoid``, ``only``,
    ``instruction``, ``gerund`` or ``phrase`` (a noun phrase or fragment), with its first word."""
    if _NEGATIVE_OPENING.match(main):
        return "negative", main.split()[0]
    if _NO_OPENING.match(main):
        return "negative", main.split()[0]
    if _REFRAIN_OPENING.match(main):
        return "negative", "refrain from"
    if _AVOID_OPENING.match(main):
        return "avoid", "avoid"
    if _ONLY_OPENING.match(main):
        rest = _OPENING_NOISE.sub("", main[4:].lstrip())
        kind, word = _opening(rest) if rest else ("phrase", "")
        return ("only", f"only {word}".strip()) if kind == "instruction" else (kind, word)
    first = re.match(r"[A-Za-z][\w’'-]*", main)
    if first is None:
        return "phrase", ""
    word = first.group(0)
    if is_gerund(word):
        return "gerund", word
    if is_base_verb(word) and _RUN_IN_HEADING.match(main):
        return "phrase", word
    if is_base_verb(word) and _NOUN_USE.match(main[len(word):]) and word.lower() not in _VERBS_WITH_OF:
        # "Review of policy", "Purpose:": a verb's spelling used as a noun, a label, no instruction
        return "phrase", word
    if is_base_verb(word) and not _SUBJECT_FIRST.match(main):
        if word.lower() in _PROHIBITING_VERBS:
            return "negative", word
        no_object = _NO_OBJECT.match(main)
        if no_object:
            return "negative", no_object.group(0).strip()
        return "instruction", word
    return "phrase", word


_DUTY_TO = rf"(?:^|\b{_MODALS}\s+(?:\w+ly\s+|always\s+|also\s+)?|\b(?:are|is)\s+(?:required|expected|asked|instructed)\s+to\s+)"
"""Where a duty's act starts: after a modal ("must"), "is required to", or at an instruction's start."""
_REFUSING = re.compile(_DUTY_TO + r"(?:decline|refuse|reject|turn\s+down|ignore|block|omit|withhold|leave\s+(?:[\w’'-]+\s+){1,4}?out)\b", re.IGNORECASE)
"""A duty whose act is refusing or leaving out: "must decline friend requests", "leave surnames
out of captions"."""
_LIMITING = re.compile(_DUTY_TO + r"(?:limit|restrict|minimi[sz]e|reduce|keep\s+to\s+a\s+minimum)\b", re.IGNORECASE)
"""A duty whose act is limiting: "must limit their use"."""
_KEEPING = re.compile(
    rf"\b(?:{_MODALS}|ensure|make\s+sure)\b[^.;]{{0,40}}?\b(?:keep|maintain|respect|protect|preserve)\w*\s+(?:[\w’'-]+\s+){{0,4}}?"
    r"(?:confidential|private|privacy|confidentiality|secure|secret)\b|\b(?:confidentiality|privacy)\s+(?:is|are)\s+(?:maintained|kept|respected|protected)",
    re.IGNORECASE,
)
"""A duty to keep something private or confidential: it forbids revealing it."""


_INFORMS = re.compile(
    rf"\b(?:{_MODALS}|need\s+to|(?:is|are)\s+(?:required|expected)\s+to)\s+(?:also\s+|always\s+)?"
    r"(?:be\s+(?:made\s+|kept\s+)?(?:aware|informed|advised|reminded|told|mindful)|note|understand|recogni[sz]e|remember|reali[sz]e|know|appreciate|bear\s+in\s+mind)\b",
    re.IGNORECASE,
)


_OUTCOME = re.compile(
    r"\b(?:lead(?:s|ing)?\s+(?:on)?to|led\s+to|result(?:s|ing|ed)?\s+in|(?:be|being|are|is)\s+subject(?:ed)?\s+to|constitut(?:e|es|ing)|"
    r"amount(?:s|ing)?\s+to|(?:be|is|are)\s+(?:treated|regarded|considered|viewed|seen|dealt\s+with)\s+as|"
    r"(?:action|measures|steps|sanctions?|proceedings)\s+(?:will|may|could|might|can|shall|would)\s+(?:also\s+)?(?:be\s+(?:taken|instigated|initiated|considered|pursued)|follow)|"
    r"(?:police|authorities|law\s+enforcement)\s+(?:will|may|could|might|can|shall|would)\s+(?:also\s+)?be\s+(?:involved|informed|contacted|notified|called)|"
    r"(?:be|being)\s+reported\s+to\s+the\s+police|"
    r"(?:will|may|could|might|can|would)\s+(?:also\s+)?(?:face|incur|attract)|(?:be|being)\s+(?:dismissed|suspended|disciplined|banned|removed|referred)|"
    r"(?:sanctions?|consequences?|outcomes?)\s+(?:may|will|could|can|might)\s+include|invok(?:e|ed|ing)\s+(?:the\s+)?(?:disciplinary|relevant)|"
    r"(?:dealt\s+with|considered|handled|managed|addressed|investigated|followed\s+up)\s+(?:in\s+(?:accordance|line)\s+with|under|through|using|via)\s+"
    r"(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w’']+\s+){0,3}?(?:disciplinary|capability|conduct|behaviour))\b",
    re.IGNORECASE,
)


_BREACH = re.compile(
    r"\b(?:breach(?:es|ed|ing)?|contraven\w+|violat\w+|non-?compliance|fail(?:s|ed|ing|ure)?\s+to\s+(?:comply|follow|adhere|abide|observe|meet)|misuse|infringe\w*)\b",
    re.IGNORECASE,
)


_OF_THE_RULES = re.compile(
    r"\b(?:this|the|these|our|its|any\s+of\s+(?:the|these|this))\s+(?:[\w’'-]+\s+){0,3}?(?:polic(?:y|ies)|above|rules|code|guidance|guidelines|procedures?|standards|expectations)\b",
    re.IGNORECASE,
)


def names_breach(text: str, of_the_rules: bool = False) -> bool:
    """Whether a statement of a consequence says it follows a breach ("staff who breach this
    policy will be subject to ..."), the general rule, rather than one act or situation ("where
    excessive use is suspected, action may be taken"); with ``of_the_rules``, a breach of the
    policy or its rules as a whole, not of one request or duty ("failure to comply with such a
    request")."""
    found = _BREACH.search(text)
    return found is not None and (not of_the_rules or _OF_THE_RULES.search(text, found.start()) is not None)


def states_outcome(text: str) -> bool:
    """Whether a statement says what follows from an act ("breaches may lead to disciplinary
    action", "will be subject to", "action may be taken"), rather than what someone is to do
    about it ("the head should take advice before considering disciplinary action")."""
    return bool(_OUTCOME.search(text))


def informs(text: str) -> bool:
    """Whether a statement's rule is to know or be told something ("must be aware that ...",
    "will be made aware of ..."): it informs, and says less of what to do than a rule about the act."""
    main, _ = _main_clause(text)
    return bool(_INFORMS.search(main))


def reported_force(text: str) -> Force | None:
    """The force of what a statement that informs ("should note that breaches *may be
    investigated*") tells its reader, or None when it tells no rule. A commitment or a
    consequence is stated there, not in the duty to know it."""
    main, _ = _main_clause(text)
    found = _INFORMS.search(main)
    if found is None:
        return None
    told = re.sub(r"^\W*(?:of\s+|that\s+)?", "", main[found.end():])
    governing = _governing(told)
    again = _INFORMS.search(told)
    if again is not None and (governing is None or governing[1] >= again.start()):
        # "will be made aware of the risks and will be advised that ...": what the second tells
        return reported_force(told[again.start():])
    force = statement_force(told)[0] if governing is not None else NONE
    return force if force is not NONE else None


_DONE_TO = re.compile(
    r"\b(?:may|can|could|might)\s+(?:also\s+)?be\s+(?:[a-z]+ly\s+)?"
    # what staff do with content ("Only first names may be used", "photos may be posted") is their
    # own conduct put in the passive, not something done to them
    r"(?!(?:used|posted|published|shared|uploaded|taken|displayed|shown|sent|tagged|named|accessed)\b)[a-z]+(?:ed|en)\b",
    re.IGNORECASE,
)


def done_to(text: str) -> bool:
    """Whether a statement's permission is of something done to its subject ("systems may be
    monitored", "postings may be investigated"): what others may do, not what the subject may."""
    return _governed_by(text, _DONE_TO)


def _governed_by(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether the expression that governs a statement's main clause is one ``pattern`` matches."""
    main, _ = _main_clause(text)
    found = _governing(main)
    return found is not None and bool(pattern.match(main, found[1]))


_COMMITTED = re.compile(
    r"^(?P<subject>[^.;:]{0,80}?)\b(?:(?:is|are)\s+(?:fully\s+|firmly\s+)?committed\s+to|"
    r"(?:will\s+|shall\s+)?(?:seeks?|aims?|endeavours?|endeavors?|strives?|intends?|hopes?|wish(?:es)?)\s+to)\b",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"\b(?:staff|employees?|members?|teachers?|coaches|volunteers?|carers?|workers?|officials|managers?|governors?|you|they|all\s+adults)\b",
    re.IGNORECASE,
)


def organisation_commits(text: str) -> bool:
    """Whether a statement is what the organisation, its policy or its communications commit
    themselves or aim to ("The club is committed to: preventing online bullying", "This policy
    endeavours to protect our staff", "Communications will seek to establish open relationships"):
    an undertaking or an aim, no rule on what staff do."""
    found = _COMMITTED.match(text.strip())
    return found is not None and not _PEOPLE.search(found.group("subject"))


_OTHERS_SUBJECT = re.compile(
    # a time or occasion before the subject: "At agreed times children may ..."
    r"^\W*(?:(?:at|during|after|before|on)\s+(?:[\w’'-]+\s+){1,4}?)?"
    r"(?:(?:the|our|all|any|some|older|younger|many|most|their|every|each)\s+)?(?:(?:y|year|yr)\s?\d{1,2}\s+)?"
    r"(?:children|child|young\s+(?:people|persons?)|pupils?|students?|learners?|parents?|visitors?)"
    r"(?:\s*(?:and|or|/|,)\s*(?:young\s+people|carers?|parents?|guardians?|students?|pupils?|children|visitors?))*"
    # a relative clause that says which of them: "Pupils who bring a phone must ...", "every
    # child, who brings a phone, hands it in"
    r"(?:\s*,?\s+(?:who|that)\s+[^,.;:]{1,80}?,?)?\s+"
    r"(?:must|may|can|cannot|should|shall|will|need\s+to|(?:are|is)\s+(?:not\s+)?(?:encouraged|expected|asked|required|permitted|allowed|free)|"
    # a practice stated as what they do with their things: "Pupils hand their phones in at the office"
    r"(?:hand|leave|switch|turn|store|keep|collect)s?\s+(?:in\s+|off\s+)?(?:their|them|it|these|those)\b)\b"
    # "will be asked to ...": they are the ones told what to do; "should be dressed" is not
    r"(?:\s+(?:not\s+)?be\s+(?:advised|asked|reminded|told|expected|required|requested|instructed|encouraged)\s+(?:not\s+)?to\b|"
    r"(?!\s+(?:not\s+)?(?:be|have\s+been)\b))",
    re.IGNORECASE,
)


_JOINED_BY_BUT = re.compile(r"\s*[,;]?\s+but\s+(?:also\s+)?(?!only\s+(?:if|when|where|with|after|once|on|in|by|for|through|via)\b)(?=[a-z])", re.IGNORECASE)
"""Main clauses joined by "but": a semicolon more often ends an "If ..." before its "then ...".
"... may run accounts, but only if approved" is one clause with its condition, not two."""


def coordinated_parts(text: str) -> tuple[str, ...]:
    """The main clauses of a sentence joined by "but (also)", each of which can be
    about something else: "a duty to report radicalisation, but also need to look out for cyber
    bullying" reports no bullying."""
    return tuple(part for part in _JOINED_BY_BUT.split(text) if part.strip())


_STAFF_PARTY = re.compile(
    r"\b(?:staff|employees?|teachers?|colleagues?|adults?|governors?|volunteers?|coach(?:es)?|workers?|headteacher|head\s+teacher|"
    r"member\s+of\s+staff|members\s+of\s+staff|school\s+personnel|practitioners?|you|your)\b",
    re.IGNORECASE,
)


def names_staff(text: str) -> bool:
    """Whether a statement names staff as a party ("Pupils must not message staff"): a rule on
    pupils or parents that names none ("Children may phone home at set times") relates no member
    of staff to anyone."""
    return _STAFF_PARTY.search(text) is not None


def governs_others(text: str) -> bool:
    """Whether a statement's rule is on pupils or parents, its subject ("Children may bring their
    own computers", "Parents must not speak ill of the club", "Students are encouraged to post
    about the school"): the rule of the policy for them, none on what staff may do. What is to be
    true of pupils ("Pupils should be appropriately dressed in photos") is another matter: staff
    are to see to it."""
    return _OTHERS_SUBJECT.match(text) is not None


_OTHERS_RULES = re.compile(
    r"^\W*(?:the\s+|our\s+)?(?:parental|parents?['’]?|carers?['’]?|pupils?['’]?|students?['’]?|learners?['’]?|child(?:ren)?['’]?s?)\s+"
    r"(?:(?:and|or|/)\s*(?:parents?|carers?|guardians?|pupils?|students?)['’]?\s+)?"
    r"(?:requirements|responsibilities|expectations|rules|code\s+of\s+conduct|agreement)\b",
    re.IGNORECASE,
)


def introduces_others_rules(lead_in: str) -> bool:
    """Whether a list lead-in (or a heading that acts as one) gives rules for pupils or parents
    ("Parents must:", "Parental requirements often include:"): its items are their rules, none
    on what staff may do with their own phones."""
    stripped = lead_in.strip()
    return governs_others(stripped) or _OTHERS_RULES.match(stripped) is not None


_OTHERS_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+|our\s+)?(?:visitors?|pupils?|students?|learners?|children|parents?|carers?|young\s+people)(?:['’]s?)?"
    r"(?!\s*(?:,|and|&|/)\s*(?:staff|employees|adults))\b",
    re.IGNORECASE,
)


def heads_others(heading: str) -> bool:
    """Whether a heading names others than staff as its subject ("Visitors with mobile phones",
    "Pupils' use of devices"): the rules under it are theirs, not staff's use of their own devices."""
    return _OTHERS_HEADING.match(heading) is not None


_TENDING = re.compile(
    # \A: read at the start of the act only (``match``), never re-tried from every word after it.
    r"\A(?:please\s+)?(?:(?:also|always|actively|regularly|gently)\s+)*"
    r"(?:encourag(?:e|es|ing)|promot(?:e|es|ing)|teach(?:es|ing)?|educat(?:e|es|ing)|remind(?:s|ing)?|"
    r"(?:watch|look)(?:es|s|ing)?\s+(?:out\s+)?for|be\s+(?:alert|vigilant)\b|"
    r"(?:talk|speak|chat)(?:s|ing)?\s+(?:to|with)\s+(?:the|your|their|our|any|all)?\s*(?:own\s+)?(?:child|children|young|pupils?|students?|learners?|them|him|her)|"
    r"discuss(?:es|ing)?\b(?=[^.;]*\bwith\s+(?:the|your|their|our)?\s*(?:own\s+)?(?:child|children|young|pupils?|students?|them))|"
    r"help(?:s|ing)?\s+(?:the|your|their)?\s*(?:child|children|young|pupils?|students?|learners?|them|him|her)|"
    r"explain(?:s|ing)?\s+to\s+(?:the|your|their)?\s*(?:child|children|young|pupils?|students?|them)|"
    r"(?:ensur(?:e|es|ing)|mak(?:e|es|ing)\s+sure)\s+(?:that\s+)?(?:the|your|their|all|any)?\s*(?:own\s+)?"
    r"(?:child|children|young\s+people|pupils?|students?|learners?)\s+(?:(?:are|is)\s+(?:made\s+)?(?:aware|informed|taught|educated)|knows?|understands?|learns?))\b",
    re.IGNORECASE,
)
_SEES_TO_IT = re.compile(r"ensures?|make\s+sure", re.IGNORECASE)
_TENDED = re.compile(
    r"^\W*(?:(?:the|our|all|your|their)\s+)?(?:children|young\s+people|pupils|students|learners)\s+"
    r"(?:need\s+to|must|should|will|are\s+to|have\s+to)\s+be\s+(?:taught|educated|reminded|encouraged|helped|shown|made\s+aware)\b",
    re.IGNORECASE,
)
"""A duty to teach put in the passive, the young its subject: "Children need to be taught how to use technology safely"."""


def tends_to_others(text: str) -> bool:
    """Whether a statement's act is care for what others do ("Encourage open conversation about
    online risks", "Watch for signs of grooming, bullying, or distress", "Help them adjust settings
    for privacy"): a duty to teach, watch over or talk with the young, which states no rule on the
    reader's own conduct of the act it names."""
    main, _ = _main_clause(text.strip())
    main = re.sub(r"^\W+", "", main)
    found = _governing(main)
    if found is not None and found[0] in (PROHIBITED, DISCOURAGED):
        return False  # "must not talk to pupils on social media" restricts the reader's own act
    at = found[2] if found is not None and found[0] is not NONE else 0
    if found is not None and _SEES_TO_IT.fullmatch(main[found[1]:found[2]]):
        at = found[1]  # "Ensure your child understands ...": the care is in the word that governs
    rest = re.sub(r"^\s*(?:to\s+)?", "", main[at:])
    return _TENDING.match(rest) is not None or _TENDED.match(main) is not None


_DOCUMENT_SUBJECT = re.compile(
    r"^(?:[^.;:]{0,60}?\b(?:set\s+out|contained|described|outlined)\s+in\s+)?(?:this|the|these|our)\s+"
    r"(?:polic(?:y|ies)|documents?|guidance|guidelines|procedures?|sections?|principles|protocols?|code|agreement)\b[^.;:]{0,40}?\b"
    r"(?:will|shall|should|must|does|do|is|are|aims?|seeks?)?\s*(?:also\s+)?"
    r"(?:covers?|appl(?:y|ies)|make\s+clear|makes\s+clear|sets?\s+out|defines?|describes?|explains?|outlines?|"
    r"(?:is|are|be)\s+(?:designed|intended|written|meant)|provides?|gives?|summari[sz]es?|includes?|relates?\s+to|refers?\s+to)\b",
    re.IGNORECASE,
)
_DESCRIBING = re.compile(r"^(?:defines|describes|explains|outlines|sets\s+out|summari[sz]es|covers)\b", re.IGNORECASE)


_AIMS_LEAD_IN = re.compile(
    r"^(?:(?:the|its|our)\s+)?(?:main\s+|key\s+)?(?:aims?|purposes?|objectives?|intentions?|goals?)\s+(?:of\s+(?:this|the)\s+(?:polic(?:y|ies)|documents?|guidance)\s+)?(?:is|are)(?:\s+to)?\W*$|"
    r"^(?:this|the|our)\s+(?:polic(?:y|ies)|documents?|guidance|agreement|code)\s+(?:(?:also|therefore)\s+)?(?:aims?|seeks?|sets\s+out|is\s+(?:designed|intended|meant)|will)(?:\s+to)?\W*$",
    re.IGNORECASE,
)


def lists_aims(lead_in: str) -> bool:
    """Whether a list lead-in introduces what the document aims to do ("This policy aims to:",
    "The purpose of this policy is to:"): its items ("Advise that breaches may lead to ...")
    describe the policy, and its rules are stated where the policy states them."""
    return bool(_AIMS_LEAD_IN.match(lead_in.strip()))


def describes_document(text: str) -> bool:
    """Whether a statement says what the document does ("This policy will make clear what standards
    are expected", "The principles set out in this policy are designed to ensure ...", "Defines
    the monitoring of ..." in a list of contents): a description of the policy, no rule of it."""
    stripped = text.strip()
    main = _main_clause(stripped)[0].strip()
    return any(pattern.match(part) for part in (stripped, main) for pattern in (_DOCUMENT_SUBJECT, _DESCRIBING))


_DEFINES = re.compile(
    r"^\W*(?:(?:for\s+(?:the\s+)?purposes?|in\s+the\s+context|within\s+the\s+scope)\s+of\s+(?:this|the)\s+(?:polic(?:y|ies)|documents?|guidance)\b"
    r"|[^.;:]{0,60}?\b(?:is|are)\s+(?:defined\s+as|used\s+(?:here\s+)?to\s+(?:mean|refer\s+to|describe|include)|taken\s+to\s+mean)\b"
    r"|(?:the\s+)?(?:term|word|phrase)s?\s+[^.;:]{1,60}?\b(?:means?|refers?\s+to|includes?|covers?)\b"
    # a glossary entry: the term, a dash or colon, then what it takes in ("Digital technologies – may
    # include email, the network ...")
    r"|(?:(?!\b(?:must|should|shall|will|may|can|cannot|not|never|do)\b)[^.;:–—]){1,60}?(?:\s[–—-]|\s?:)\s+(?:(?:may|can)\s+)?(?:includes?|means?|refers?\s+to|covers?)\b)",
    re.IGNORECASE,
)


def defines_terms(text: str) -> bool:
    """Whether a statement says what the policy's words mean ("For the purposes of this policy,
    social media is ...", "The term 'public' is used to refer to ..."): its topic words name what
    the policy is about, not anything staff do, so it is in no topic. (What the policy aims to do,
    "so that the confidentiality of pupils is safeguarded", is about its topic.)"""
    stripped = text.strip()
    found = _DEFINES.match(stripped)
    # a run-on that goes on to say what can or must happen ("... can have a negative effect on
    # the school's reputation") is more than a definition
    return found is not None and re.search(rf"\b{_MODALS}\b", stripped[found.end():], re.IGNORECASE) is None


_SCOPE = re.compile(
    # "It applies to ...", opening a sentence, has the document for its subject as "This policy applies" has
    r"^\W*(?:(?:this|our|the)\s+(?:polic(?:y|ies)|documents?|guidance|agreement)|it)\s+(?:also\s+|only\s+|therefore\s+|\w+ly\s+)?"
    r"(?:covers?|appl(?:y|ies)\s+(?:equally\s+)?(?:to|regardless|whether|wherever|whenever)|(?:does|do|will|shall|is|are)\s+not\s+(?:\w+ly\s+)?(?:cover|apply|intended\s+to\s+(?:cover|apply))|"
    r"(?:is|are)\s+(?:intended|meant)\s+to\s+(?:cover|apply))\b",
    re.IGNORECASE,
)


def states_scope(sentence: str) -> bool:
    """Whether a sentence says whom or what the document reaches ("This policy covers the use of
    social media by staff and pupils", "This policy does not apply to the school's blog"): the
    things it names mark the policy's reach, not anything staff are to do about them, so they
    put the sentence in no topic."""
    return _SCOPE.match(sentence) is not None


def refuses(text: str) -> bool:
    """Whether a statement's rule is a duty to refuse, limit or keep something to oneself: a
    restriction put as a duty ("should decline friend requests from pupils" forbids accepting
    them; "must keep passwords confidential" forbids sharing them)."""
    main, _ = _main_clause(text)
    return bool(_REFUSING.search(main.strip()) or _KEEPING.search(main))


def limits(text: str) -> bool:
    """Whether a statement's rule is a duty to limit an act ("must limit their use of social media
    at work"): it allows the act within the limit, and forbids only what goes beyond it."""
    main, _ = _main_clause(text)
    return bool(_LIMITING.search(main.strip()))


_WITHIN_REASON = re.compile(
    r"\b(?:reasonable|moderate|limited|sensible|occasional)\s+(?:and\s+(?:appropriate|proportionate|sensible)\s+)?(?:personal\s+|private\s+)?(?:use|usage|access|amounts?)\b",
    re.IGNORECASE,
)


def allows_within_reason(text: str) -> bool:
    """Whether a permission is of a reasonable amount of an act ("permits reasonable and
    appropriate access to private social media"): it allows the act within reason, and so
    forbids the excess."""
    return bool(_WITHIN_REASON.search(text))


_CONSIDERING = re.compile(rf"\b{_MODALS}\s+(?:also\s+|always\s+)?consider\s+(?!(?:very\s+|extremely\s+)?carefully\b)", re.IGNORECASE)


def only_considers(text: str) -> bool:
    """Whether a statement's rule is only to consider an act ("should consider reporting this"):
    it leaves the act to the reader's judgement, so it never states a duty to do it."""
    return _governed_by(text, _CONSIDERING)


_MANNER = re.compile(
    r"\b(?:maintain|keep|remain|stay|behave|act|conduct)\w*\s+(?:[\w’'/-]+\s+){0,3}?(?:professional(?:ly)?|within\s+(?:[\w-]+\s+)?boundar\w*)\b|"
    r"\bprofessional\s+boundar\w*|\bboundar\w*\s+(?:are|is)\s+(?:always\s+)?(?:maintained|kept|respected)|\b(?:are|is|be)\s+(?:always\s+|kept\s+)*professional\b",
    re.IGNORECASE,
)


def sets_manner(text: str) -> bool:
    """Whether a requirement sets the manner of an act rather than the act ("must maintain
    professional boundaries with parents", "keep communications professional"): it allows the
    act on that condition."""
    main, _ = _main_clause(text)
    return bool(_MANNER.search(main))


def states_rule(sentence: str) -> bool:
    """Whether a sentence's main clause holds a deontic expression that governs it ("We do allow
    families to film", "The only approved channel is the school app"), as force reads one: a
    rule of its own, whatever word it is put in."""
    main = _main_clause(sentence)[0]
    found = _governing(main)
    # a bare "could", "might" or "would" supposes ("This could be seen ..."): no rule of its own
    return found is not None and found[0] is not NONE and not _SUPPOSING.fullmatch(main[found[1]:found[2]])


_SUPPOSING = re.compile(r"could|might|would", re.IGNORECASE)


def opens_as_instruction(sentence: str) -> bool:
    """Whether a sentence with no modal is an instruction ("Think before you post.", "If
    necessary, refer parents to the complaints procedure.", "Never share passwords."): a rule of
    its own, not more of the sentence before."""
    return _opening(_main_clause(sentence)[0])[0] in _INSTRUCTING


def instructed_verb(sentence: str) -> str | None:
    """The verb an instruction to the reader opens with ("When posting, check which account you
    use" gives "check"), or None when the sentence is no such instruction."""
    kind, word = _opening(_main_clause(sentence)[0])
    return word if kind == "instruction" else None


def opens_with_condition(text: str) -> bool:
    """Whether a sentence opens with the condition or situation its rule applies in ("Where staff
    are already friends with a parent, ...", "If a pupil contacts you, ...")."""
    return _CONDITION_FIRST.match(text) is not None


def sets_a_situation(lead_in: str) -> bool:
    """Whether a list lead-in names the situation its items answer ("If a pupil sends you a
    friend request, please:"): each item is read in it, whether or not it finishes its sentence."""
    return opens_with_condition(lead_in) and lead_in.rstrip().endswith(":")


def completes_lead_in(text: str) -> bool:
    """Whether a list item finishes its lead-in's sentence ("must not share:" / "photos of pupils")
    rather than standing as a sentence of its own, with a deontic expression of its own."""
    main, _ = _main_clause(text)
    return _governing(main) is None


_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|as|because|since)\b|\(", re.IGNORECASE)
"""Where a clause about an item's object ("things that could hurt"), a reason ("as this would
break the law") or an aside ("(or could be seen as)") begins: a modal after it is not the item's."""


_AIM_SUBJECT = re.compile(
    r"\b(?:aims?|purposes?|objectives?|intentions?|goals?|intent)(?:\s+of\s+(?:[\w’'-]+\s+){1,8}?)?\s*$",
    re.IGNORECASE,
)
"""An aim named as the subject of "is to" ("The main aim of this policy is to keep everyone safe"):
the copula joins the aim to what it is, it binds no one to do it."""


_PURPOSE_OPENING = re.compile(r"^(?:in\s+order\s+)?to\s+(?:\w+ly\s+)?", re.IGNORECASE)
"""A statement that opens with its purpose ("To ensure ..."): when its only modal word is that
infinitive, it states an aim."""


def statement_force(text: str, frame: Frame | None = None) -> tuple[Force, str]:
    """(force, why) for one statement; ``frame`` is what its list lead-in gives it, if any."""
    text = _unemphasised(text)
    main, offset = _main_clause(text)
    if describes_document(text):
        # "This policy will cover any media ...": the document's "will" binds no one
        return NONE, "says what the document does"
    found = _governing(main)
    if found is not None and frame is not None and frame.force is not None and not frame.advice and not frame.no_rule:
        if found[1] > 0 and _opening(main)[0] == "instruction" and _SUBORDINATE.search(main[: found[1]]):
            # "Use language that is (or could be seen as) racist" under "must not:": the item's
            # verb completes the lead-in; its modal belongs to a clause about the object or a reason
            return _adjusted_item(frame.force, frame.words, main)
    if found is not None and found[0] is NONE:
        if re.fullmatch(r"may(?:\s+\d)?", main[found[1]:found[2]], re.IGNORECASE):
            return NONE, "“May” names the month, no modal"
        return NONE, f"{_quoted(main[found[1]:found[2]])} says what might happen, not what is allowed"
    if found is not None and found[0] is REQUIRED and re.match(r"(?:are|is)\s+to\b", main[found[1]:found[2]], re.IGNORECASE) and _AIM_SUBJECT.search(main[: found[1]]):
        # "The aim of this guidance is to set clear expectations": what the aim is, no duty; a rule
        # stated after it is its own sentence, read on its own
        return NONE, f"{_quoted(main[found[1]:found[2]].rsplit(' ', 1)[0])} says what an aim is, not what anyone must do"
    purpose = _PURPOSE_OPENING.match(main)
    if found is not None and purpose and found[1] <= purpose.end():
        # "To ensure a consistent approach is applied.": an aim, with no one to do it, unless a
        # rule follows it ("To ensure pupils are safe, staff must not ...")
        aim = found
        found = _governing(main, aim[2])
        comma = main.find(",", aim[2])
        rest = main[comma + 1 :].strip() if comma >= 0 else ""
        if found is None and rest and _opening(rest)[0] in ("negative", "avoid", "instruction", "only"):
            return statement_force(rest, frame)
        if found is None:
            return NONE, f"{_quoted(main[aim[1]:aim[2]])} states a purpose, not a rule"
    if found is None and _ONLY_OPENING.match(main) and (inverted := re.search(rf"\b{_MODALS}\b", main)):
        # "Only in emergencies, off site, should personal phones be used": the modal is inverted
        return CONDITIONAL, f"“only … {inverted.group(0)}”: allowed only so"
    if found is None and (practice := _ONLY_PRACTICE.match(main)) and is_base_verb(practice.group(1)):
        # "We only use images that the head teacher considers suitable": a practice limited to a case
        return CONDITIONAL, f"{_quoted(practice.group(0))}: done only so"
    if found is not None:
        force, start, end = found
        words = _quoted(main[start:end])
        force, why = _adjusted(force, words, main, start)
        if force in (REQUIRED, PERMITTED) and (_ONLY_OPENING.match(main[:start]) or _ONLY_SOON.match(main[end:])):
            # "Only these cameras should be used", "are expected to use only school equipment":
            # the act is allowed in the named case alone (the gold README's "may ... only when")
            return CONDITIONAL, f"{words} with “only”"
        opening = text[:offset]
        if force is PROHIBITED and _UNLESS_CONSENT.search(opening):
            # "Unless the head agrees, phones may not be used": the leading exception is one the
            # person can obtain, so it lifts the prohibition as a trailing one does
            force, why = CONDITIONAL, f"{words} with an exception that allows it"
        if force is REQUIRED and _FOR_USE_ONLY.search(main[end:]):
            # "must be kept for teaching use only": the act is allowed for that use alone
            force, why = CONDITIONAL, f"{words} with “only”"
        if force is PERMITTED and not states_outcome(main) and (_LEADING_CONDITION.search(opening) or _CONDITION_FIRST.match(main[:start])):
            force, why = CONDITIONAL, f"{words} with conditions"
        if force is PERMITTED and _PERMISSION_WITH.search(main[:start]):
            force, why = CONDITIONAL, f"{words} with conditions"
        if start == 0 and _NEGATIVE_OPENING.match(main):
            why = f"an instruction: {why}"
        if frame is not None and frame.advice and force is PROHIBITED:
            return DISCOURAGED, f"{why}, under advice (“{frame.words}”)"
        return force, why
    kind, word = _opening(main)
    if kind == "negative":
        force, why = _adjusted(PROHIBITED, _quoted(word), main, 0)
        if frame is not None and frame.advice:
            return DISCOURAGED, f"{why}, under advice (“{frame.words}”)"
        return force, f"an instruction: {why}"
    if kind == "avoid":
        force, why = _adjusted(DISCOURAGED, _quoted(word), main, 0)
        return force, f"an instruction: {why}"
    if kind == "only":
        return CONDITIONAL, f"an instruction: {_quoted(word)}"
    if frame is not None and not frame.no_rule:
        if frame.advice and frame.force in (None, REQUIRED, PERMITTED):
            return (REQUIRED if kind != "phrase" else NONE), f"advice under “{frame.words}”"
        if frame.force is not None:
            if kind == "phrase" or kind == "gerund" or kind == "instruction":
                return _adjusted_item(frame.force, frame.words, main)
    if kind == "instruction" and (frame is None or not frame.no_rule):
        force, why = _adjusted(REQUIRED, _quoted(word), main, 0)
        return force, f"an instruction: {why}"
    if frame is not None and frame.no_rule:
        return NONE, f"an item under “{frame.words}”, which states no rule"
    return NONE, "no modal verb"


def _adjusted_item(force: Force, lead_in: str, main: str) -> tuple[Force, str]:
    """An item that completes its lead-in's sentence takes its force, with the item's own conditions."""
    adjusted, _ = _adjusted(force, "", main, 0)
    return adjusted, f"from its lead-in “{lead_in}”"
