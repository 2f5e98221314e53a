"""The last line of defence: page content through an allow-list, and every finished page audited.

Escaping happens where values are printed (the autoescaping templates, the clause extension, the
Markdown heading filter). This module is the second, independent layer:

- ``sanitise_content`` passes the HTML of a page's content (what Markdown and the templates
  made, before the theme wraps it) through nh3 (ammonia) with an allow-list of the tags and
  attributes the site's pages use. Nothing outside the list survives: no ``<script>``, no
  ``on*`` attribute, no ``javascript:``/``data:`` address, no ``<iframe>``.
- ``audit_page`` reads a finished page, theme and all, and lists every construct that could run
  script: a ``<script>`` that is inline or loads a file outside the theme's own, an ``on*``
  attribute, a ``javascript:``/``data:``/``vbscript:`` address, an ``<iframe>``, ``<object>``,
  ``<embed>`` (and a few relatives). A whole theme page cannot go through nh3 (it would strip
  the theme's own scripts), so the theme's part is audited instead; the tests use the same audit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

CONTENT_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "cite", "footer", "header", "br", "caption", "code", "col", "colgroup", "dd", "del",
        "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s",
        "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
        # the clause finder's form and the copy-link buttons (no action, no formaction: see below)
        "button", "form", "input", "label", "optgroup", "option", "select",
        # icons drawn inline: an <svg> of <path>s only (no <script>, <a>, <foreignObject>, animation)
        "svg", "path",
    }
)
"""What Markdown, the clause extension and the page templates produce, and nothing that runs."""

CONTENT_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "role", "tabindex", "lang", "dir", "hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "form": {"method"},
    "input": {"type", "name", "value", "placeholder", "autocomplete", "spellcheck", "checked", "inputmode", "enterkeyhint", "min", "max", "step"},
    "label": {"for"},
    "select": {"name", "multiple"},
    "optgroup": {"label"},
    "option": {"value", "selected", "label"},
    "button": {"type"},
    "svg": {"viewBox", "viewbox", "focusable", "xmlns", "width", "height"},
    "path": {"d"},
}
"""Attributes kept per tag; ``aria-*`` and ``data-*`` are kept on every tag (they run nothing)."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Absolute addresses allowed in content; relative ones (the site's own links) always are."""


def sanitise_content(html: str) -> str:
    """``html`` with everything outside the allow-list removed (script and style with their text)."""
    return nh3.clean(
        html,
        tags=set(CONTENT_TAGS),
        clean_content_tags={"script", "style"},
        attributes=CONTENT_ATTRIBUTES,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


EMBEDDING_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcset", "ping", "cite", "lowsrc", "dynsrc"}
)
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
NON_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
"""Script types a browser never runs: data blocks (Material keeps its configuration in one)."""

_INVISIBLE = re.compile(r"[\s\x00-\x20\x7f]+")


def dangerous_url(value: str) -> bool:
    """Whether an attribute value is an address that runs script or smuggles a document.

    Browsers ignore white space and control characters inside a scheme, and entities are
    already decoded here, so ``&#106;ava&#x09;script:`` counts too.
    """
    return _INVISIBLE.sub("", value).lower().startswith(DANGEROUS_SCHEMES)


@dataclass
class PageAudit:
    """What in one finished page could run script, and the page's visible text."""

    problems: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    """The ``src`` of every script the page loads, in order."""
    text: list[str] = field(default_factory=list)


class _Auditor(HTMLParser):
    def __init__(self, script_allowed: Callable[[str], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.audit = PageAudit()
        self.script_allowed = script_allowed
        self.in_script = False
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        if tag == "script":
            self.in_script = True
        elif tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        problems = self.audit.problems
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag}> has an event handler {name}={value!r}")
            if value is not None and (name in URL_ATTRIBUTES or name.endswith(":href")) and dangerous_url(value):
                problems.append(f"<{tag}> has {name}={value!r}")
        if tag in EMBEDDING_TAGS:
            problems.append(f"<{tag}> embeds another document")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh> redirects the page")
        if tag == "script":
            src = values.get("src")
            if src is not None:
                self.audit.scripts.append(src)
                if not self.script_allowed(src):
                    problems.append(f"<script src={src!r}> loads a script that is not the theme's own")
            elif (values.get("type") or "").lower() not in NON_SCRIPT_TYPES:
                problems.append("an inline <script> (the site has none: every script is a file)")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_script and not self.in_style:
            self.audit.text.append(data)


def audit_page(html: str, script_allowed: Callable[[str], bool]) -> PageAudit:
    """Every construct in ``html`` that could run script; ``script_allowed(src)`` says which files may."""
    auditor = _Auditor(script_allowed)
    auditor.feed(html)
    auditor.close()
    return auditor.audit


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (entities decoded, white space collapsed)."""
    return " ".join(" ".join(audit_page(html, lambda _: True).text).split())
