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
- ``audit_content`` lists what a page's content never needs even when it runs nothing: a request
  to another host (a tracking image), a form control (a password form) outside the clause
  finder, the theme's own chrome classes and ids (a fake dialog).

Both read HTML as a browser does, with lexbor (through selectolax): an HTML5 parser, written in
C, with scripting on, so ``<noscript>``, ``<noembed>``, comments like ``<!-->`` and foreign
content (``<svg><style>``) end where a browser ends them. Python's ``HTMLParser`` did not, and
was also the slower of the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

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
ANIMATION_TAGS = frozenset({"animate", "set", "animateMotion", "animateTransform", "discard"})
"""SVG elements that can set another element's attribute, an ``href`` included, after the page loads
(named as lexbor names them: it keeps SVG's own case)."""
DANGEROUS_STYLE = ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:", "\\")
"""What in a style ran script in some browser; a CSS escape (``\\``) can spell any of them."""
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)

_INVISIBLE = re.compile(r"[\s\x00-\x20\x7f]+")


def dangerous_url(value: str) -> bool:
    """Whether an attribute value is an address that runs script or smuggles a document.

    Browsers ignore white space and control characters inside a scheme, and entities are
    already decoded here, so ``&#106;ava&#x09;script:`` counts too.
    """
    return ":" in value and _INVISIBLE.sub("", value).lower().startswith(DANGEROUS_SCHEMES)


def dangerous_style(value: str) -> bool:
    """Whether a style (attribute or element) holds what once ran script, comments and spaces aside."""
    plain = _INVISIBLE.sub("", _CSS_COMMENT.sub("", value)).lower()
    return any(d in plain for d in DANGEROUS_STYLE)


def _parse(html: str) -> LexborHTMLParser:
    """``html`` as a browser reads it: scripting on, so ``<noscript>`` holds text, not markup."""
    return LexborHTMLParser(html, scripting=True)


def _nodes(tree: LexborHTMLParser, include_text: bool = False) -> Iterator[LexborNode]:
    """Every element of the document (and its text, if asked), in order."""
    return tree.root.traverse(include_text=include_text) if tree.root is not None else iter(())


@dataclass
class PageAudit:
    """What in one finished page could run script, and which scripts it loads."""

    problems: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    """The ``src`` of every script the page loads, in order."""
    policy: str | None = None
    """The Content-Security-Policy of the page's first ``<meta http-equiv>`` in ``<head>``, if it has one."""


FORM_TAGS = frozenset({"form", "input", "select", "textarea", "option", "optgroup", "label", "datalist", "fieldset", "output", "button"})
"""Form controls: the clause finder's form (and the copy-link buttons) are the only ones content has."""
CONTENT_BUTTONS = frozenset({"pa-clause__copy"})
"""The class of the one button a page other than the finder has: a clause's copy-link button."""
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "action", "formaction", "ping"})
"""Attributes whose address the browser requests (or sends to) without a click."""
THEME_CLASSES_IN_CONTENT = frozenset({"md-button", "md-button--primary", "md-typeset", "md-typeset__table", "md-typeset__scrollwrap"})
"""Material's classes that content may use; any other ``md-`` class is the theme's chrome."""
CHROME_PREFIXES = ("pa-search",)
"""The plugin's own chrome (the search dialog): its classes and ids never appear in content."""

_WATCHED = URL_ATTRIBUTES | {"style"}
"""Attributes to look at: lexbor gives every name lower-cased (as the tokenizer does), except the
SVG names a browser adjusts (``viewBox``, ``attributeName``), none of which is an address."""
_SPECIAL = EMBEDDING_TAGS | ANIMATION_TAGS | {"script", "style", "meta"}
"""Elements looked at by name."""


def audit_page(html: str, script_allowed: Callable[[str], bool]) -> PageAudit:
    """Every construct in ``html`` that could run script; ``script_allowed(src)`` says which files may."""
    return _Auditor(script_allowed, content=False, forms_allowed=False).run(html)


def audit_content(html: str, script_allowed: Callable[[str], bool], forms_allowed: bool) -> PageAudit:
    """``audit_page`` of a page's content (it does not trust the allow-list it went through), and
    what the content has that no page of the site needs: a request to another host, a form
    control (outside the clause finder, ``forms_allowed``), the theme's chrome classes or ids."""
    return _Auditor(script_allowed, content=True, forms_allowed=forms_allowed).run(html)


@dataclass
class _Auditor:
    script_allowed: Callable[[str], bool]
    content: bool
    forms_allowed: bool
    audit: PageAudit = field(default_factory=PageAudit)

    def run(self, html: str) -> PageAudit:
        """One pass over every element: the parse and this loop are the audit's whole cost."""
        special = _SPECIAL | FORM_TAGS if self.content else _SPECIAL
        for node in _nodes(_parse(html)):
            attributes = node.attributes
            tag = node.tag or ""
            for name, value in attributes.items():
                if name.startswith("on") or name in _WATCHED:
                    self._attribute(tag, name, value)
            if tag in special:
                self._element(node, tag, attributes)
            if self.content and attributes:
                cls, ident = attributes.get("class"), attributes.get("id")
                if (cls and ("md-" in cls or "pa-search" in cls)) or (ident and ident.startswith(("__", *CHROME_PREFIXES))):
                    self._chrome(tag, attributes)
        return self.audit

    def _attribute(self, tag: str, name: str, value: str | None) -> None:
        problems = self.audit.problems
        if name.startswith("on"):
            problems.append(f"<{tag}> has an event handler {name}={value!r}")
        elif value is None:
            return
        elif name == "style":
            if dangerous_style(value):
                problems.append(f"<{tag}> has a style that runs script: {value!r}")
        elif dangerous_url(value):
            problems.append(f"<{tag}> has {name}={value!r}")
        elif self.content and (name in RESOURCE_ATTRIBUTES or (name.endswith("href") and tag not in ("a", "area"))) and _external(value):
            problems.append(f"<{tag}> has {name}={value!r}: a request to another host")

    def _element(self, node: LexborNode, tag: str, attributes: dict[str, str | None]) -> None:
        problems = self.audit.problems
        if tag in EMBEDDING_TAGS:
            problems.append(f"<{tag}> embeds another document")
        elif tag == "script":
            self._script(attributes)
        elif tag == "style":
            if dangerous_style(node.text(deep=True)):
                problems.append("<style> holds what runs script")
        elif tag == "meta":
            equiv = (attributes.get("http-equiv") or "").lower()
            if equiv == "refresh":
                problems.append("<meta http-equiv=refresh> redirects the page")
            elif equiv == "content-security-policy" and self.audit.policy is None and node.parent is not None and node.parent.tag == "head":
                self.audit.policy = attributes.get("content")
        elif tag in FORM_TAGS:
            classes = (attributes.get("class") or "").split()
            if not self.forms_allowed and not (tag == "button" and CONTENT_BUTTONS.intersection(classes)):
                problems.append(f"<{tag}>: a form control (only the clause finder has a form)")
        elif (attributes.get("attributeName") or "").lower().endswith("href"):  # an SVG animation
            problems.append(f"<{tag}> changes an address after the page loads")

    def _script(self, attributes: dict[str, str | None]) -> None:
        src = attributes.get("src")
        if src is not None:
            self.audit.scripts.append(src)
            if not self.script_allowed(src):
                self.audit.problems.append(f"<script src={src!r}> loads a script that is not the theme's own")
        elif (attributes.get("type") or "").lower() not in NON_SCRIPT_TYPES:
            self.audit.problems.append("an inline <script> (the site has none: every script is a file)")

    def _chrome(self, tag: str, attributes: dict[str, str | None]) -> None:
        classes = (attributes.get("class") or "").split()
        chrome = [c for c in classes if (c.startswith("md-") and c not in THEME_CLASSES_IN_CONTENT) or c.startswith(CHROME_PREFIXES)]
        if chrome:
            self.audit.problems.append(f"<{tag}> has the theme's own class {chrome[0]!r}")
        ident = attributes.get("id") or ""
        if ident.startswith(("__", *CHROME_PREFIXES)):
            self.audit.problems.append(f"<{tag}> has the theme's own id {ident!r}")


def _external(value: str) -> bool:
    """An address on another host: it has a scheme or starts ``//`` (every address of the site is relative)."""
    first = _INVISIBLE.sub("", value.split(",")[0])
    return first.startswith("//") or bool(urlsplit(first).scheme)


_HIDDEN = frozenset({"script", "style", "noscript", "template"})


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (entities decoded, white space collapsed)."""
    texts = (n.text_content or "" for n in _nodes(_parse(html), include_text=True) if n.tag == "-text" and (n.parent is None or n.parent.tag not in _HIDDEN))
    return " ".join(" ".join(texts).split())
