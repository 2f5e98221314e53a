"""Python-Markdown extension: render clause tags as anchored, linkable, badged clauses.

The grammar lives in ``policy_atlas.core.clausetag``; this module only adapts it to
Python-Markdown. Clause text is policy text, never Markdown or HTML: it is lifted out of
the document before the raw-HTML preprocessor can see it, and put back as an
``AtomicString`` so that no inline pattern touches it and the serializer escapes it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from policy_atlas.core.clausetag import INDENT, parse_tag, unescape_text
from policy_atlas.core.classify import resolve_topics
from policy_atlas.core.model import Force, Statement, shown_apart
from policy_atlas.core.search import clause_label

_PLACEHOLDER = "\x02policy-atlas-clause:{}\x03"
_PLACEHOLDER_RE = re.compile("^\x02policy-atlas-clause:(\\d+)\x03$")


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

    @property
    def statements_differ(self) -> bool:
        return shown_apart(self.statements)


@dataclass(frozen=True)
class _TaggedClause:
    depth: int
    number: str | None
    clause_id: str
    attrs: dict[str, str]
    text: str


def literal(text: str) -> AtomicString:
    """Text that renders exactly as written.

    Python-Markdown's serializer leaves anything that looks like an entity alone, so a policy
    that says ``&amp;`` would show ``&``; escaping every ampersand first keeps it literal.
    """
    return AtomicString(text.replace("&", "&amp;"))


class ClausePreprocessor(Preprocessor):
    """Lift each clause block out of the text, leaving a placeholder paragraph."""

    def __init__(self, md: Markdown, extension: ClauseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            tag = parse_tag(lines[index])
            if tag is None:
                out.append(lines[index])
                index += 1
                continue
            depth, number, clause_id, attrs = tag
            index += 1
            text: list[str] = []
            while index < len(lines) and lines[index].strip() and parse_tag(lines[index]) is None:
                text.append(unescape_text(lines[index].strip()))
                index += 1
            self.extension.clauses.append(_TaggedClause(depth, number, clause_id, attrs, " ".join(text)))
            out.extend(["", _PLACEHOLDER.format(len(self.extension.clauses) - 1), ""])
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


class ClauseBlockProcessor(BlockProcessor):
    """Turn each placeholder into a clause element, nested under the clause above it."""

    def __init__(self, parser: Any, extension: ClauseExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_PLACEHOLDER_RE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = _PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert match is not None
        tagged = self.extension.clauses[int(match.group(1))]
        open_clauses = self.extension.open_clauses
        if open_clauses and (len(parent) == 0 or parent[-1] is not open_clauses[0]):
            open_clauses.clear()  # a heading or paragraph came between: nothing is open any more
        del open_clauses[tagged.depth:]
        container = open_clauses[-1] if open_clauses else parent
        if open_clauses:
            items = container.find("div[@class='pa-clause__items']")
            if items is None:
                items = etree.SubElement(container, "div", {"class": "pa-clause__items"})
            container = items
        element = etree.SubElement(container, "div", {"class": "pa-clause", "id": tagged.clause_id})
        if tagged.number:
            element.set("data-number", tagged.number)
        if tagged.attrs.get("topics"):
            element.set("data-topics", tagged.attrs["topics"])
        if tagged.attrs.get("force"):
            element.set("data-force", tagged.attrs["force"])
        body = etree.SubElement(element, "p", {"class": "pa-clause__text"})
        body.text = literal(tagged.text)
        open_clauses.append(element)
        return True


class ClauseTreeprocessor(Treeprocessor):
    """Give each clause its number, permalink and badges, from the tag and the shared index."""

    def __init__(self, md: Markdown, extension: ClauseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element in root.iter("div"):
            if element.get("class") != "pa-clause":
                continue
            clause_id = element.get("id", "")
            body = element.find("p")
            if body is None:
                continue
            header = etree.Element("div", {"class": "pa-clause__head"})
            number = element.get("data-number")
            if number:
                label = etree.SubElement(header, "span", {"class": "pa-clause__number"})
                label.text = literal(number)
            name = self._name(clause_id, number, "".join(body.itertext()).replace("&amp;", "&"))
            link = etree.SubElement(
                header,
                "a",
                {
                    "class": "pa-clause__permalink",
                    "href": f"#{clause_id}",
                    "title": "Link to this clause",
                    "aria-label": f"Link to {name}",
                    "data-search-exclude": "",
                },
            )
            link.text = "¶"
            copy = etree.SubElement(
                header,
                "button",
                {
                    "type": "button",
                    "class": "pa-clause__copy",
                    "data-href": f"#{clause_id}",
                    "title": "Copy the link to this clause",
                    "aria-label": f"Copy link to {name}",
                    "data-search-exclude": "",
                    "hidden": "hidden",
                },
            )
            element.insert(0, header)
            self._badges(element, list(element).index(body) + 1)

    def _name(self, clause_id: str, number: str | None, text: str) -> str:
        """What the clause's links are called: "clause 8.3, Northgate Primary School", unique on the page."""
        known = self.extension.clause_info(clause_id)
        name = clause_label(number, text, clause_id) + (f", {known.school}" if known and known.school else "")
        seen = self.extension.names.get(name, 0) + 1
        self.extension.names[name] = seen
        return name if seen == 1 else f"{name} ({seen})"

    def _badges(self, element: etree.Element, position: int) -> None:
        known = self.extension.clause_info(element.get("id", ""))
        if known is None:
            topics = resolve_topics(tuple(t for t in (element.get("data-topics") or "").split(",") if t))
            known = ClauseInfo(topics, element.get("data-force"))
        if known.statements_differ:
            self._statements(element, known.statements)
            return
        if not known.topics and not known.force:
            return
        badges = etree.Element("div", {"class": "pa-clause__badges", "data-search-exclude": ""})
        element.insert(position, badges)
        self._fill(badges, element.get("id", ""), known.topics, known.force)

    def _statements(self, element: etree.Element, statements: tuple[Statement, ...]) -> None:
        """Each statement of the clause, anchored, with its own force and topics beside it."""
        body = element.find("p")
        assert body is not None
        body.text = None
        for index, statement in enumerate(statements):
            span = etree.SubElement(body, "span", {"class": "pa-statement", "id": statement.id})
            span.text = literal(statement.text)
            span.tail = literal(" ")
            badges = etree.SubElement(body, "span", {"class": "pa-statement__badges", "data-search-exclude": ""})
            self._fill(badges, element.get("id", ""), statement.topics, statement.force)
            badges.tail = literal(" ") if index + 1 < len(statements) else None

    def _fill(self, badges: etree.Element, clause_id: str, topics: tuple[str, ...], force: str | None) -> None:
        """A force badge (symbol and words) and one badge per topic, linked where the plugin says."""
        if force:
            shown = Force.of(force)
            badge = etree.SubElement(badges, "span", {"class": f"pa-force pa-force--{shown.value}"})
            mark = etree.SubElement(badge, "span", {"aria-hidden": "true"})
            mark.text = literal(shown.symbol)
            mark.tail = literal(f" {shown.words}")
        for topic in topics:
            info = self.extension.topic_badge(topic, clause_id)
            attrs = {"class": f"pa-topic pa-topic--{topic}"}
            if info.why:
                attrs["title"] = info.why
            if info.url:
                attrs["href"] = info.url
                badge = etree.SubElement(badges, "a", attrs)
            else:
                badge = etree.SubElement(badges, "span", attrs)
            badge.text = literal(info.label)


class ClauseExtension(Extension):
    """Clause tags (``§ 4.1 {#school/4.1}``) rendered as anchored, linkable clauses.

    ``topic_badge(topic, clause_id)`` is a callable the MkDocs plugin passes so that badges
    carry the taxonomy's labels, link to topic pages and say why; alone, a badge shows the id.
    ``clause_info(clause_id)`` gives a clause's final topics, force and statements from the
    plugin's index (overrides applied, a reworded clause judged as reworded); alone, the
    tag's topics and force are used.
    """

    def __init__(
        self,
        topic_badge: Callable[[str, str], TopicBadge] | None = None,
        clause_info: Callable[[str], ClauseInfo | None] | None = None,
        raw_page: Callable[[], bool] | None = None,
        **kwargs: Any,
    ) -> None:
        # Providers are Python callables, not Markdown options: Python-Markdown's option
        # parsing would turn them into booleans.
        self.topic_badge_provider = topic_badge
        self.clause_info_provider = clause_info
        self.raw_page_provider = raw_page
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)
        self.clauses: list[_TaggedClause] = []
        self.open_clauses: list[etree.Element] = []
        self.names: dict[str, int] = {}

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

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the three processors.

        | class                | registry               | name         | priority |
        |----------------------|------------------------|--------------|----------|
        | ClausePreprocessor   | preprocessors          | policy_atlas | 29       |
        | RawBlocksPreprocessor| preprocessors          | policy_atlas_raw | 21   |
        | ClauseBlockProcessor | parser.blockprocessors | policy_atlas | 95       |
        | ClauseTreeprocessor  | treeprocessors         | policy_atlas | 25       |

        29 runs after whitespace normalising (30) and before fenced code (25) and raw HTML
        (20), so no policy text is ever taken for HTML. 95 sees placeholders before any other
        block processor. 25 runs before inline patterns (20); clause text is atomic anyway.
        21 stashes a generated page's HTML just before the raw-HTML preprocessor (20) would.
        """
        md.registerExtension(self)
        md.preprocessors.register(ClausePreprocessor(md, self), "policy_atlas", 29)
        md.preprocessors.register(RawBlocksPreprocessor(md, self), "policy_atlas_raw", 21)
        md.parser.blockprocessors.register(ClauseBlockProcessor(md.parser, self), "policy_atlas", 95)
        md.treeprocessors.register(ClauseTreeprocessor(md, self), "policy_atlas", 25)

    def reset(self) -> None:
        self.clauses = []
        self.open_clauses = []
        self.names = {}


def makeExtension(**kwargs: Any) -> ClauseExtension:  # noqa: N802 - Python-Markdown's hook name
    return ClauseExtension(**kwargs)


__all__ = ["ClauseExtension", "ClauseInfo", "INDENT", "TopicBadge", "makeExtension"]
