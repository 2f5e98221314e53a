"""Python-Markdown extension: render clause tags as anchored, linkable, badged clauses.

The grammar lives in ``policy_atlas.core.clausetag``; this module only adapts it to
Python-Markdown. Clause text is policy text, never Markdown or HTML: it is lifted out of
the document before the raw-HTML preprocessor can see it, rendered by an autoescaping
template (``partials/clauses.html.jinja``, which a site may override), and stashed whole,
so that no block or inline pattern of Markdown ever reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from policy_atlas.core.clausetag import INDENT, parse_tag, resolve_topics, tag_span, unescape_text
from policy_atlas.core.model import Force, Statement, shown_apart
from policy_atlas.core.text import clause_label
from policy_atlas.templating import Templates


@dataclass(frozen=True)
class TopicBadge:
    """What a badge shows for a topic: its label, where it links, and why it was given."""

    label: str
    url: str | None = None
    why: str | None = None


@dataclass(frozen=True)
class ClauseInfo:
    """What the site shows for a clause: its final topics and force, and its statements.

    Where the statements of a clause differ in force or topics, each is shown with its own
    badges; otherwise the clause has one row of badges.
    """

    topics: tuple[str, ...]
    force: str | None
    statements: tuple[Statement, ...] = ()
    school: str = ""
    """The school's name, so that each clause's links are named apart from every other school's."""
    number: str | None = None
    text: str = ""
    pages: tuple[int, int] | None = None
    """The first and last page of the original document the clause is printed on, if it has pages."""
    page_url: str | None = None
    """Where the original document opens at the clause's first page, when it is a PDF the site publishes."""

    @property
    def statements_differ(self) -> bool:
        return shown_apart(self.statements)


@dataclass(frozen=True)
class ShownTopic:
    """A topic badge as the page shows it: the topic's id (its style) and what the provider gave."""

    id: str
    badge: TopicBadge


@dataclass(frozen=True)
class ShownStatement:
    """One statement of a clause shown statement by statement, with its own badges."""

    id: str
    text: str
    force: Force | None
    topics: tuple[ShownTopic, ...]


@dataclass(frozen=True)
class ClauseView:
    """One clause as ``partials/clauses.html.jinja`` renders it, its sub-clauses under it.

    ``tag_force`` and ``tag_topics`` are the tag's own attributes, kept on the element as
    written; ``force`` and ``topics`` are the final ones the badges show. ``statements`` is
    not empty when the clause's statements differ and each is shown with its own badges.
    """

    id: str
    number: str | None
    name: str
    text: str
    tag_force: str | None
    tag_topics: str | None
    force: Force | None
    topics: tuple[ShownTopic, ...]
    statements: tuple[ShownStatement, ...]
    children: tuple[ClauseView, ...]
    pages: tuple[int, int] | None = None
    page_url: str | None = None

    @property
    def badged(self) -> bool:
        return bool(self.force or self.topics)

    @property
    def page_label(self) -> str:
        """The pages as printed beside the clause: "p. 12" or "pp. 12–13"."""
        if self.pages is None:
            return ""
        first, last = self.pages
        return f"pp. {first}–{last}" if last != first else f"p. {first}"

    @property
    def page_words(self) -> str:
        """The pages as a screen reader says them: "page 12" or "pages 12 to 13"."""
        if self.pages is None:
            return ""
        first, last = self.pages
        return f"pages {first} to {last}" if last != first else f"page {first}"


@dataclass
class _Open:
    """A clause being read, whose sub-clauses may still follow."""

    number: str | None
    clause_id: str
    attrs: dict[str, str]
    text: str
    children: list[_Open]


def _source_span_pages(attrs: dict[str, str]) -> tuple[int, int] | None:
    """The pages a clause tag records (``pages=12-13``), read by the grammar's own rules."""
    span = tag_span(attrs)
    return span.page_range if span is not None else None


class ClausePreprocessor(Preprocessor):
    """Render each run of clause blocks through the clauses template and stash the HTML whole.

    Clause text is lifted out before the raw-HTML preprocessor can see it, so no policy text
    is ever taken for HTML or Markdown: the template escapes it. A run is the clauses between
    two things that are not clauses (a heading, a paragraph a person added); a clause nests
    under the clause above it in its run, never across a heading.
    """

    def __init__(self, md: Markdown, extension: ClauseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        roots: list[_Open] = []
        open_clauses: list[_Open] = []

        def flush() -> None:
            if roots:
                views = tuple(self.extension.view(clause) for clause in roots)
                # As Python-Markdown leaves a raw block: a paragraph of its own, blank lines around.
                if out and out[-1].strip():
                    out.append("")
                out.extend([self.md.htmlStash.store(self.extension.render(views)), "", ""])
                roots.clear()
                open_clauses.clear()

        index = 0
        while index < len(lines):
            tag = parse_tag(lines[index])
            if tag is None:
                if lines[index].strip():
                    flush()
                out.append(lines[index])
                index += 1
                continue
            depth, number, clause_id, attrs = tag
            index += 1
            text: list[str] = []
            while index < len(lines) and lines[index].strip() and parse_tag(lines[index]) is None:
                text.append(unescape_text(lines[index].strip()))
                index += 1
            clause = _Open(number, clause_id, attrs, " ".join(text), [])
            del open_clauses[depth:]
            (open_clauses[-1].children if open_clauses else roots).append(clause)
            open_clauses.append(clause)
        flush()
        return out


_HEADING_LINE = re.compile(r"^#{1,6}(?:\s|$)")


class RawBlocksPreprocessor(Preprocessor):
    """On a page made from a template, stash each run of lines between its headings whole.

    Such a page is Markdown only in its ``#`` headings (each after a blank line); everything
    else is HTML the template escaped, which Python-Markdown would pass through untouched
    after parsing it tag by tag to find where each block ends. Stashing it as it stands gives
    the same page without that parse, the slowest part of rendering large generated pages.
    """

    def __init__(self, md: Markdown, extension: ClauseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.raw_page():
            return lines
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            text = "\n".join(run).strip("\n")
            if text.strip():
                # As Python-Markdown leaves a raw block: a paragraph of its own, blank lines around.
                if out and out[-1].strip():
                    out.append("")
                out.extend([self.md.htmlStash.store(text), "", ""])
            run.clear()

        for index, line in enumerate(lines):
            if _HEADING_LINE.match(line) and (index == 0 or not lines[index - 1].strip()):
                flush()
                out.append(line)
            else:
                run.append(line)
        flush()
        return out


class ClauseExtension(Extension):
    """Clause tags (``§ 4.1 {#school/4.1}``) rendered as anchored, linkable clauses.

    ``topic_badge(topic, clause_id)`` is a callable the MkDocs plugin passes so that badges
    carry the taxonomy's labels, link to topic pages and say why; alone, a badge shows the id.
    ``clause_info(clause_id)`` gives a clause's final topics, force and statements from the
    plugin's index (overrides applied, a reworded clause judged as reworded); alone, the
    tag's topics and force are used. ``templates`` renders the clauses, so that a site's own
    ``partials/clauses.html.jinja`` wins; alone, the package's template is used.
    """

    def __init__(
        self,
        topic_badge: Callable[[str, str], TopicBadge] | None = None,
        clause_info: Callable[[str], ClauseInfo | None] | None = None,
        raw_page: Callable[[], bool] | None = None,
        templates: Templates | None = None,
        **kwargs: Any,
    ) -> None:
        # Providers are Python callables, not Markdown options: Python-Markdown's option
        # parsing would turn them into booleans.
        self.topic_badge_provider = topic_badge
        self.clause_info_provider = clause_info
        self.raw_page_provider = raw_page
        self.templates = templates or Templates()
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)
        self.names: dict[str, int] = {}
        self.anchor_ids: list[str] = []
        """The ids of the clauses and statements on the page last converted, in order: their
        HTML is stashed whole, where MkDocs does not look for anchors."""

    def clause_info(self, clause_id: str) -> ClauseInfo | None:
        """The clause's final topics, force and statements from the shared index, or None to use its tag."""
        return self.clause_info_provider(clause_id) if self.clause_info_provider else None

    def raw_page(self) -> bool:
        """Whether the page being converted was made from a template: HTML except its headings."""
        return self.raw_page_provider() if self.raw_page_provider else False

    def topic_badge(self, topic: str, clause_id: str) -> TopicBadge:
        if self.topic_badge_provider is not None:
            return self.topic_badge_provider(topic, clause_id)
        return TopicBadge(label=topic)

    def render(self, clauses: tuple[ClauseView, ...]) -> str:
        """A run of clauses as HTML, every value escaped by the template."""
        return self.templates.render_part("partials/clauses.html.jinja", clauses).strip("\n")

    def view(self, clause: _Open) -> ClauseView:
        """What the page shows for a clause read from its tag: its number, permalink and copy
        button named for it, and its badges, from the shared index when the plugin gives one."""
        known = self.clause_info(clause.clause_id)
        if known is None:
            known = ClauseInfo(
                resolve_topics(tuple(t for t in (clause.attrs.get("topics") or "").split(",") if t)),
                clause.attrs.get("force"),
                pages=_source_span_pages(clause.attrs),
            )
        self.anchor_ids.append(clause.clause_id)
        name = self._name(clause.clause_id, clause.number, clause.text, known)
        statements: tuple[ShownStatement, ...] = ()
        force: Force | None = None
        topics: tuple[ShownTopic, ...] = ()
        if known.statements_differ:
            statements = tuple(
                ShownStatement(s.id, s.text, _force(s.force), self._topics(s.topics, clause.clause_id)) for s in known.statements
            )
            self.anchor_ids.extend(s.id for s in statements)
        else:
            force, topics = _force(known.force), self._topics(known.topics, clause.clause_id)
        return ClauseView(
            clause.clause_id,
            clause.number,
            name,
            clause.text,
            clause.attrs.get("force") or None,
            clause.attrs.get("topics") or None,
            force,
            topics,
            statements,
            tuple(self.view(child) for child in clause.children),
            known.pages,
            known.page_url,
        )

    def _name(self, clause_id: str, number: str | None, text: str, known: ClauseInfo) -> str:
        """What the clause's links are called: "clause 8.3, Northgate Primary School", unique on the page."""
        name = clause_label(number, text, clause_id) + (f", {known.school}" if known.school else "")
        seen = self.names.get(name, 0) + 1
        self.names[name] = seen
        return name if seen == 1 else f"{name} ({seen})"

    def _topics(self, topics: tuple[str, ...], clause_id: str) -> tuple[ShownTopic, ...]:
        return tuple(ShownTopic(topic, self.topic_badge(topic, clause_id)) for topic in topics)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the two preprocessors.

        | class                | registry      | name             | priority |
        |----------------------|---------------|------------------|----------|
        | ClausePreprocessor   | preprocessors | policy_atlas     | 29       |
        | RawBlocksPreprocessor| preprocessors | policy_atlas_raw | 21       |

        29 runs after whitespace normalising (30) and before fenced code (25) and raw HTML
        (20), so no policy text is ever taken for HTML; the clauses go into the HTML stash as
        the template made them, so neither the block parser nor any inline pattern sees them.
        21 stashes a generated page's HTML just before the raw-HTML preprocessor (20) would.
        """
        md.registerExtension(self)
        md.preprocessors.register(ClausePreprocessor(md, self), "policy_atlas", 29)
        md.preprocessors.register(RawBlocksPreprocessor(md, self), "policy_atlas_raw", 21)

    def reset(self) -> None:
        self.names = {}
        self.anchor_ids = []


def _force(value: str | None) -> Force | None:
    return Force.of(value) if value else None


def makeExtension(**kwargs: Any) -> ClauseExtension:  # noqa: N802 - Python-Markdown's hook name
    return ClauseExtension(**kwargs)


__all__ = ["ClauseExtension", "ClauseInfo", "INDENT", "TopicBadge", "makeExtension"]
