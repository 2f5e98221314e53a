"""The clause-tag grammar: the one definition of how a clause is written in Markdown.

A policy page is ordinary Markdown in which every clause is a small block::

    § 4.1.1 {#knowsley-model/4.1.1 lines=130-132 topics=pupil-contact force=required}
    Staff must follow statutory and school safeguarding procedures at all times.

The tag line starts with ``§``, then the number as printed (if the clause has one), then
braces holding ``#id`` and ``key=value`` attributes; the clause text follows on the next
line(s). Items under a list lead-in (or a numbered parent) are indented four spaces per
level. Headings are ordinary ATX headings. Read as plain text, the file is the policy.

The normaliser writes this grammar with ``write_document``; the Markdown extension and the
MkDocs plugin read it with ``parse_document``; a round-trip test pins the two together.
Clause text is never interpreted as Markdown or HTML by readers of this grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Clause, Diagnostic, Heading, Severity, SourceSpan

TAG_MARK = "§"
INDENT = "    "
TAG_LINE = re.compile(
    r"^(?P<indent>(?: {4})*)§(?:[ \t]+(?P<number>[^\s{]+))?[ \t]+\{#(?P<id>[^\s}]+)(?P<attrs>[^}]*)\}[ \t]*$"
)
TOPICS_ATTR = re.compile(r"\btopics=[^\s}]*")
_ATTR = re.compile(r"([a-z][a-z0-9_-]*)=([^\s}]*)")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
_KNOWN_ATTRS = ("lines", "pages", "topics", "force")
_HEADING_ESCAPES = re.compile(r"[\\`*_{}\[\]()#+!|>]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_HEADING_UNESCAPES = re.compile(r"\\([\\`*_{}\[\]()#+!|>.-])|&lt;|&amp;")
_NEEDS_TEXT_ESCAPE = re.compile(r"^\s*[\\§]")


@dataclass(frozen=True)
class ParsedDocument:
    """Headings and clauses read back from a policy page, with what could not be read."""

    blocks: tuple[Heading | Clause, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))


def escape_heading(text: str) -> str:
    """Make heading text render literally: Markdown punctuation and tag starts escaped."""

    def escape(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "<":
            return "&lt;"
        if found == "&":
            return "&amp;"
        return "\\" + found

    return _HEADING_ESCAPES.sub(escape, text)


def unescape_heading(text: str) -> str:
    def unescape(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "&lt;":
            return "<"
        if found == "&amp;":
            return "&"
        return match.group(1)

    return _HEADING_UNESCAPES.sub(unescape, text)


def escape_text(text: str) -> str:
    """Clause text as written under its tag: a backslash guards text that starts like a tag."""
    return "\\" + text if _NEEDS_TEXT_ESCAPE.match(text) else text


def unescape_text(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def format_tag(clause: Clause, depth: int) -> str:
    """The tag line of one clause."""
    attrs = [f"#{clause.id}"]
    if clause.source is not None:
        span = clause.source
        lines = str(span.line_start) if span.line_start == span.line_end else f"{span.line_start}-{span.line_end}"
        attrs.append(f"lines={lines}")
        if span.pages:
            attrs.append(f"pages={span.pages}")
    if clause.topics:
        attrs.append("topics=" + ",".join(clause.topics))
    if clause.force:
        attrs.append(f"force={clause.force}")
    number = f" {clause.number}" if clause.number else ""
    return f"{INDENT * depth}{TAG_MARK}{number} {{{' '.join(attrs)}}}"


def write_blocks(blocks: tuple[Heading | Clause, ...] | list[Heading | Clause]) -> str:
    """The Markdown body for a policy: headings and tagged clauses, one blank line apart."""
    depths: dict[str, int] = {}
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {escape_heading(block.text)}")
            continue
        depth = depths.get(block.parent, -1) + 1 if block.parent else 0
        depths[block.id] = depth
        out.append(f"{format_tag(block, depth)}\n{INDENT * depth}{escape_text(block.text)}")
    return "\n\n".join(out) + "\n"


def parse_tag(line: str) -> tuple[int, str | None, str, dict[str, str]] | None:
    """Split a tag line into (depth, number, id, attributes), or None if it is not one."""
    match = TAG_LINE.match(line)
    if not match:
        return None
    attrs = dict(_ATTR.findall(match.group("attrs")))
    return len(match.group("indent")) // len(INDENT), match.group("number"), match.group("id"), attrs


def parse_document(body: str, path: str, source_file: str = "", line_offset: int = 0, slug: str | None = None) -> ParsedDocument:
    """Read headings and clauses from a policy page body.

    ``line_offset`` is the number of lines (front matter) before ``body`` in the file, so
    that diagnostics name the line a person sees in an editor. Given the page's ``slug``, a
    clause whose id names another school (``other-school/1``) is left out with an error: a
    page speaks for its own school only, and one id must not stand for two clauses.
    """
    lines = body.split("\n")
    blocks: list[Heading | Clause] = []
    diagnostics: list[Diagnostic] = []
    headings: list[Heading] = []
    parents: list[str] = []
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        line_no = index + 1 + line_offset
        heading = _HEADING.match(line)
        tag = parse_tag(line)
        if heading and not line.startswith(" "):
            level = len(heading.group("hashes"))
            headings = [h for h in headings if h.level < level]
            found = Heading(unescape_heading(heading.group("text")), level, line_no)
            headings.append(found)
            blocks.append(found)
            parents = []
            index += 1
            continue
        if tag is None:
            if line.lstrip().startswith(TAG_MARK + " ") or line.lstrip().startswith(TAG_MARK + "{"):
                diagnostics.append(Diagnostic(path, line_no, "bad-clause-tag", f"cannot read clause tag {line.strip()!r}"))
            index += 1
            continue
        depth, number, clause_id, attrs = tag
        text_lines: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip() and parse_tag(lines[index]) is None:
            text_lines.append(unescape_text(lines[index].strip()))
            index += 1
        if depth > len(parents):
            diagnostics.append(Diagnostic(path, line_no, "clause-indent", "clause is indented deeper than the clause above it"))
            depth = len(parents)
        parents = parents[:depth]
        unknown = sorted(set(attrs) - set(_KNOWN_ATTRS))
        if unknown:
            diagnostics.append(Diagnostic(path, line_no, "clause-attribute", f"unknown clause attribute {unknown[0]!r}"))
        if slug is not None and not clause_id.startswith(f"{slug}/"):
            diagnostics.append(
                Diagnostic(path, line_no, "foreign-id", f"clause id {clause_id!r} is not this school's (its ids start {slug + '/'!r}); the clause is left out", Severity.ERROR)
            )
            continue
        if clause_id in seen:
            diagnostics.append(Diagnostic(path, line_no, "duplicate-id", f"clause id {clause_id!r} is used twice", Severity.ERROR))
        seen.add(clause_id)
        text = " ".join(text_lines)
        if not text:
            diagnostics.append(Diagnostic(path, line_no, "empty-clause", f"clause {clause_id} has no text: write its text under the tag, or delete the tag"))
        clause = Clause(
            id=clause_id,
            text=text,
            number=number,
            heading=tuple(h.text for h in headings),
            parent=parents[-1] if parents else None,
            topics=tuple(t for t in attrs.get("topics", "").split(",") if t),
            force=attrs.get("force") or None,
            source=tag_span(attrs, source_file),
        )
        blocks.append(clause)
        parents.append(clause_id)
    return ParsedDocument(tuple(blocks), tuple(diagnostics))


def _range(value: str | None) -> tuple[int, int] | None:
    """``"12"`` or ``"12-14"`` as (first, last); None for anything else."""
    match = re.fullmatch(r"(\d{1,9})(?:-(\d{1,9}))?", value or "")
    if not match:
        return None
    start = int(match.group(1))
    return start, max(start, int(match.group(2) or start))


def tag_span(attrs: dict[str, str], source_file: str = "") -> SourceSpan | None:
    """A tag's ``lines`` (and ``pages``, where the source has pages) as a span; None without lines."""
    found = _range(attrs.get("lines"))
    if found is None:
        return None
    printed = _range(attrs.get("pages"))
    return SourceSpan(source_file, found[0], found[1], *(printed or (None, None)))


@lru_cache(maxsize=4096)
def resolve_topics(tag_topics: tuple[str, ...]) -> tuple[str, ...]:
    """A clause tag's topics with a person's ``+topic`` / ``-topic`` applied (cached: a policy's
    clauses have few distinct sets of topics, and every clause is resolved twice a build)."""
    plain = [t for t in tag_topics if t[:1] not in "+-"]
    added = [t[1:] for t in tag_topics if t.startswith("+")]
    removed = {t[1:] for t in tag_topics if t.startswith("-")}
    return tuple(t for t in dict.fromkeys([*plain, *added]) if t not in removed)


def overrides(clause_topics: tuple[str, ...]) -> tuple[str, ...]:
    """A person's ``+topic`` / ``-topic`` changes in a clause tag's topics, to carry over."""
    return tuple(t for t in clause_topics if t[:1] in "+-")
