"""The Jinja2 environment that renders view models into generated pages.

Templates live in ``policy_atlas/templates``; a site overrides one by putting a file of the
same name in the folder its ``custom_templates`` option names, as mkdocstrings does.

One escaping context per output: a generated page is Markdown only in its ``#`` headings,
which go through the ``heading`` filter (Markdown-escaped, one line, an optional ``{#id}``
checked to be a plain anchor); everything else is a
raw HTML block, which Python-Markdown passes through untouched and which autoescaping makes
safe. No policy or metadata value ever reaches Markdown's inline parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from policy_atlas.core.clausetag import escape_heading
from policy_atlas.core.refs import Ref

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
_ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def heading(text: object, id: str | None = None) -> Markup:
    """Text for a Markdown heading line: one line, Markdown punctuation and tag starts escaped,
    and an ``{#id}`` for attr_list when ``id`` is given."""
    shown = escape_heading(" ".join(str(text).split()))
    return Markup(f"{shown} {{#{anchor(id)}}}" if id is not None else shown)


def anchor(value: object) -> str:
    """An id for attr_list (``{#id}``): only letters, digits, hyphens and underscores get through."""
    text = str(value)
    if not _ANCHOR.match(text):
        raise ValueError(f"not a safe anchor: {text!r}")
    return text


def external(url: object) -> str:
    """An outside address shown as a link only when it is http or https (never ``javascript:``)."""
    text = str(url or "")
    return text if urlsplit(text).scheme in ("http", "https") and urlsplit(text).netloc else ""


def _finalize(value: object) -> object:
    """Every value printed: control characters (Python-Markdown's placeholders use some) removed."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("", value)
    return value


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def _markdown_text(value: object) -> object:
    """Every value printed into a Markdown document: on one line, with the punctuation that could
    start emphasis, a link, an image, code, a table, a heading or HTML escaped, so it is text."""
    if isinstance(value, str):
        return _MARKDOWN_SPECIAL.sub(r"\\\1", _CONTROL.sub("", " ".join(value.split())))
    return value


class Templates:
    """Renders a view model through a template picked by name: the site's own copy first.

    Pages of the site render with HTML autoescaping (``render``); a Markdown document for
    download renders with every printed value Markdown-escaped (``render_markdown``).
    """

    def __init__(self, custom_dir: str | None = None) -> None:
        loaders = [FileSystemLoader(custom_dir)] if custom_dir else []
        loaders.append(FileSystemLoader(PACKAGE_TEMPLATES))
        settings: dict[str, Any] = {
            "loader": ChoiceLoader(loaders),
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
        }
        self.env = Environment(autoescape=True, finalize=_finalize, **settings)
        self.env.filters.update(heading=heading, anchor=anchor, external=external)
        self.markdown = Environment(autoescape=False, finalize=_markdown_text, **settings)

    def render(self, name: str, view: Any, url: Callable[[Ref], str]) -> str:
        """The template ``name`` with ``page`` (the view) and ``url`` (a reference's URL from this page)."""
        return self.env.get_template(name).render(page=view, url=url)

    def render_part(self, name: str, view: Any) -> str:
        """HTML for part of a page (``page`` is the view), with no links to resolve: the
        view carries any it needs, as the clauses the Markdown extension renders do."""
        return self.env.get_template(name).render(page=view)

    def render_markdown(self, name: str, view: Any) -> str:
        """A Markdown document (not a page of the site) from the template ``name``."""
        return self.markdown.get_template(name).render(page=view)
