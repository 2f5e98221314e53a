"""Clause-level search: one record per clause (or statement shown apart), and a static index.

The index is a set of small JavaScript files that the site loads with ``<script src>`` on
demand, so search works from a web server and from a folder opened with ``file://`` alike
(browsers refuse ``fetch`` there), and a query downloads only what it needs at any scale:

- ``meta.js``: counts, the shard count, each school's slug and first record, the facets' labels;
- ``shard-<n>.js``: the postings of the terms whose hash falls in shard *n*, each posting a
  record number (delta-coded, base 36) and a precomputed BM25 weight (one letter, A-Z);
- ``records-<k>.js``: the k-th block of ``BLOCK`` clause records (title, link, heading, text,
  facets), in school and document order, loaded only for the results shown; ``records-pages.js``
  holds the other pages' records.

Facets are terms too (``topic:<id>``, ``force:<value>``), so a filter is one more posting list;
a school is a range of record numbers. Words are normalised by ``stem`` here and by the same
rules in ``policy-atlas-search.js``; a browser test checks the two agree on every indexed word.
Records of the Compare pages carry labels and summaries only, never clause text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from .changeviews import SiteChanges
from .corpus import SchoolPolicy
from .force import statement_force
from .model import Clause, Force, Statement
from .text import clause_label, opening
from .refs import PageKind, Ref
from .views import SiteViews

VERSION = 1
SHARD_BYTES = 12_000
"""Aim for shards of about this size: a query loads one per word, so this bounds its download."""
BLOCK = 16
"""Records per ``records-<n>.js``: a result loads its block, so ten results load at most ten blocks."""
STOP_WORDS = frozenset(
    """a an the and or nor but of to in on at by for with from as into than that which who whom
    whose their its our your his her this these those is are was were be been being it if so
    also any all each such there they them he she we you i not no do does""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile(r"['’]s\b|['’]")
_K1, _B = 1.2, 0.75
CONTEXT_WEIGHT = 0.3
"""A word of a clause's headings or school's name weighs this much of a word of its text (idf aside)."""
FRAGMENT_WEIGHT = 0.5
"""A clause that states no rule in its own words weighs this much of one that does: for "photographs
of pupils", the clause that rules on them comes before a list item that names images in passing."""


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stem: plurals, -ing, -ed and a final e, so "photographs", "photographing"
    and "photographed" meet, and "message" meets "messaging". Mirrored in JavaScript.
    Cached: a policy's words are mostly the same few thousand."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, keep in (("ing", 3), ("ed", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The search terms of a text: lower case, apostrophes dropped, split at anything else that is
    not a letter or digit, stop words left out, each word stemmed."""
    plain = _APOSTROPHE.sub("", text.lower())
    return [stem(w) for w in _TOKEN.findall(plain) if w not in STOP_WORDS]


@dataclass(frozen=True)
class SearchRecord:
    """One search result: a clause, a provision of a topic page, or a page.

    ``school`` is the school's slug for clause records, None otherwise; ``topics`` and ``forces``
    are a clause's facets.
    """

    kind: str
    ref: Ref | str
    """A page and anchor of the site, or the path in ``docs`` of a page the plugin does not generate."""
    title: str
    heading: str
    text: str
    school: str | None = None
    number: str | None = None
    topics: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    rules: bool = True
    """Whether the clause states a rule in its own words; a list item that only names things
    ("Child sexual abuse images.") or a sentence that rules on nothing weighs less (``FRAGMENT_WEIGHT``)."""


def school_records(
    school: SchoolPolicy, clauses: tuple[Clause, ...], statements: Mapping[str, tuple[Statement, ...]]
) -> list[SearchRecord]:
    """A school's clauses in document order, one record each, linking to the clause's anchor.

    A clause is searched whole, even where its page shows it statement by statement: a question
    ("contact with ex-pupils") is often answered across two of its sentences. Its facets are
    those of all its statements: every topic, and every force any of them has.
    """
    name, slug = school.meta.school, school.meta.slug
    out = []
    for clause in clauses:
        parts = statements.get(clause.id, ())
        forces = sorted({p.force for p in parts} or ({Force.of(clause.force)} if clause.force else set()), key=lambda f: f.rank)
        out.append(
            SearchRecord(
                "clause", Ref(PageKind.SCHOOL, slug, clause.id), f"{name}, {clause_label(clause.number, clause.text, clause.id)}",
                " › ".join(clause.heading), clause.text, slug, clause.number, tuple(clause.topics), tuple(f.value for f in forces),
                rules_in_own_words(parts) if parts else True,
            )
        )
    return out


def rules_in_own_words(statements: Iterable[Statement]) -> bool:
    """Whether any statement states a rule read alone: a modal or an instruction of its own, not a
    force lent by its list's lead-in to an item that only names things, nor no rule at all."""
    return any(s.force is not Force.NONE and statement_force(s.text)[0] is not Force.NONE for s in statements)


def compare_records(views: SiteViews) -> list[SearchRecord]:
    """The Compare pages by what they say of their own: topic descriptions, provision summaries,
    gap headings. Never a clause's text: the clause's own record finds it."""
    out = []
    if views.matrix is not None:
        labels = ", ".join(row.label for row in views.matrix.rows)
        out.append(SearchRecord("page", Ref(PageKind.MATRIX), views.matrix.title, "Compare", f"Topics compared school by school: {labels}."))
    for topic in views.topics:
        out.append(SearchRecord("page", topic.ref, f"Topic: {topic.label}", "Compare", topic.description))
        for provision in topic.provisions:
            out.append(
                SearchRecord("provision", Ref(PageKind.TOPIC, topic.topic, provision.anchor), provision.heading, f"Compare › {topic.label}", provision.summary)
            )
    for gaps in views.gaps:
        # Not the provisions it misses: every search for a provision would list every school lacking it.
        text = f"What other schools cover that the policy of {gaps.school} does not, and where its force stands apart."
        out.append(SearchRecord("page", Ref(PageKind.GAPS, gaps.slug), gaps.title, "Compare › Gap reports", text))
    out.append(SearchRecord("page", Ref(PageKind.SHARED), views.shared.title, "Compare", f"{len(views.shared.passages)} passages worded alike by several schools."))
    if views.model is not None:
        sections = ", ".join(s.title for s in views.model.sections)
        text = f"A model policy drawn from the {views.model.schools} schools' policies, clause by clause, with drafting notes: {sections}."
        out.insert(0, SearchRecord("page", Ref(PageKind.MODEL), views.model.title, "", text))
    return out + changes_records(views.changes)


def changes_records(changes: SiteChanges | None) -> list[SearchRecord]:
    """The "What changed" pages by what they say of their own: the site's page, then each school's
    version pairs by their counts and the summary a governor reads ("now prohibits … (was:
    discouraged)"). Never a changed clause's words: the clause's own record finds the current
    wording, and an older wording found by search would read as the school's rule today."""
    if changes is None:
        return []
    schools = ", ".join(sorted({c.school for c in changes.site.changes}))
    out = [SearchRecord("page", Ref(PageKind.CHANGES), changes.site.title, "", f"What changed between versions of a school's policy, the newest change first: {schools}.")]
    for slug, view in sorted(changes.schools.items()):
        for pair in view.pairs:
            text = " ".join((f"{pair.counts_text[:1].upper()}{pair.counts_text[1:]}.", *pair.summary))
            out.append(SearchRecord("page", Ref(PageKind.CHANGES, slug, pair.anchor), f"{view.title}, {pair.heading}", changes.site.title, text))
    return out


class _Text(HTMLParser):
    """The visible text of a rendered page, headings' permalinks left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self._skip or tag in ("script", "style") or "headerlink" in classes:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@dataclass(frozen=True)
class IndexInput:
    """What the index is built from: every school's records (schools in order) and the other pages'."""

    schools: tuple[tuple[str, str, tuple[SearchRecord, ...]], ...]
    """(slug, name, records) per school."""
    pages: tuple[SearchRecord, ...]
    topics: tuple[tuple[str, str], ...]
    """(id, label) of each topic, in taxonomy order."""


def _hash(term: str) -> int:
    """FNV-1a over the term's code points; the JavaScript side computes the same."""
    value = 0x811C9DC5
    for char in term:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def _encode(numbers: list[int], weights: list[int]) -> str:
    """A posting list: each record number as the gap from the one before (base 36), then its weight (A-Z)."""
    parts, previous = [], -1
    for number, weight in zip(numbers, weights, strict=True):
        parts.append(_base36(number - previous) + chr(64 + weight))
        previous = number
    return "".join(parts)


def _script(name: str, data: object) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"PolicyAtlasSearch.load({json.dumps(name)},{body});\n"


def _text_terms(record: SearchRecord) -> dict[str, int]:
    counts: dict[str, int] = {}
    for term in terms(record.text):
        counts[term] = counts.get(term, 0) + 1
    return counts


def _context_terms(record: SearchRecord, school_name: str) -> set[str]:
    """Words of the clause's headings and school: a match there counts, for less than one in its text."""
    return set(terms(record.heading)) | set(terms(school_name or record.title))


def build_index(data: IndexInput, url: Callable[[Ref | str], str]) -> dict[str, str]:
    """The index's files (name -> JavaScript), ``url`` giving each record's address from the site root."""
    ordered: list[tuple[SearchRecord, str]] = [(r, name) for _, name, records in data.schools for r in records]
    ordered += [(r, "") for r in data.pages]
    postings: dict[str, list[int]] = {}
    facets: dict[str, list[int]] = {}
    bags: list[dict[str, int]] = []
    contexts: list[set[str]] = []
    context_of: dict[tuple[str, str], set[str]] = {}  # a school's clauses share its name and most headings
    for number, (record, school_name) in enumerate(ordered):
        bags.append(_text_terms(record))
        key = (record.heading, school_name or record.title)
        if key not in context_of:
            context_of[key] = _context_terms(record, school_name)
        contexts.append(context_of[key])
        for term in sorted(set(bags[-1]) | contexts[-1]):
            postings.setdefault(term, []).append(number)
        for facet in [f"topic:{t}" for t in record.topics] + [f"force:{f}" for f in record.forces]:
            facets.setdefault(facet, []).append(number)
    total = len(ordered)
    lengths = [sum(bag.values()) for bag in bags]
    average = (sum(lengths) / total) if total else 1.0
    encoded: dict[str, str] = {}
    for term, numbers in sorted(postings.items()):
        idf = math.log(1 + (total - len(numbers) + 0.5) / (len(numbers) + 0.5))
        weights = []
        for number in numbers:
            tf = bags[number].get(term, 0)
            score = idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * lengths[number] / average)) if tf else 0.0
            score += CONTEXT_WEIGHT * idf if term in contexts[number] else 0.0
            score *= 1.0 if ordered[number][0].rules else FRAGMENT_WEIGHT
            weights.append(max(1, min(26, round(score * 2.5))))
        encoded[term] = _encode(numbers, weights)
    for facet, numbers in sorted(facets.items()):
        encoded[facet] = _encode(numbers, [1] * len(numbers))
    shards: dict[int, dict[str, str]] = {}
    size = sum(len(t) + len(p) + 6 for t, p in encoded.items())
    count = max(1, math.ceil(size / SHARD_BYTES))
    for term, value in encoded.items():
        shards.setdefault(_hash(term) % count, {})[term] = value
    files = {f"shard-{n}.js": _script(f"shard-{n}", shards.get(n, {})) for n in range(count)}
    starts, first = [], 0
    for _, _, records in data.schools:
        starts.append(first)
        first += len(records)
    rows = [_record_row(r, url) for _, _, records in data.schools for r in records]
    for block in range(0, len(rows), BLOCK):
        files[f"records-{block // BLOCK}.js"] = _script(f"records-{block // BLOCK}", rows[block : block + BLOCK])
    files["records-pages.js"] = _script("records-pages", [_record_row(r, url) for r in data.pages])
    meta = {
        "version": VERSION,
        "clauses": first,
        "records": total,
        "shards": count,
        "block": BLOCK,
        "starts": starts,
        "schools": [slug for slug, _, _ in data.schools],
        "topics": [list(t) for t in data.topics],
        "forces": [[f.value, f.words, f.symbol] for f in Force],
        "finder": _finder_url(url),
    }
    files["meta.js"] = _script("meta", meta)
    return files


def _finder_url(url: Callable[[Ref | str], str]) -> str | None:
    """Where the clause finder is, from the site's root (its address depends on the site's URL
    style), for the search dialog's link to it; none on a site without one."""
    try:
        return url(Ref(PageKind.FINDER))
    except ValueError:
        return None


def _record_row(record: SearchRecord, url: Callable[[Ref | str], str]) -> list[object]:
    """A record as the browser reads it: [kind, url, title, heading, text, topics, forces]."""
    return [record.kind, url(record.ref), record.title, record.heading, record.text, list(record.topics), list(record.forces)]


def index_input(
    schools: Iterable[SchoolPolicy],
    clauses: Mapping[str, tuple[Clause, ...]],
    statements: Mapping[str, tuple[Statement, ...]],
    pages: Iterable[SearchRecord],
    topics: Iterable[tuple[str, str]],
) -> IndexInput:
    """Schools in slug order, each with its records; then the other pages' records."""
    ordered = sorted(schools, key=lambda s: s.meta.slug)
    return IndexInput(
        tuple((s.meta.slug, s.meta.school, tuple(school_records(s, clauses.get(s.meta.slug, s.clauses), statements))) for s in ordered),
        tuple(pages),
        tuple(topics),
    )
