"""Front matter the theme prints: which keys a page may set, and in which shapes.

Material prints ``title``, ``description``, ``subtitle`` and ``author`` as HTML without escaping,
puts ``status`` inside a class attribute, and includes ``.icons/<icon>.svg`` and the page's
``template`` by name (an unknown one stops the whole build with ``TemplateNotFound``). So:

- a policy page (``docs/policies/<slug>.md``) may set only the keys in ``POLICY_PAGE_KEYS``, each
  in its shape; anything else leaves the school out with a line naming the file and key;
- on every page, the printed text keys are escaped (``escaped_meta``) and the rest checked by
  shape (``page_problems``), so no page the plugin does not own can run script either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

PRINTED_TEXT = ("title", "description", "subtitle", "author")
"""Keys the theme prints as HTML, unescaped: escaped by ``escaped_meta`` on every page."""
STATUSES = ("new", "deprecated")
"""Material's own page statuses (a class name and an icon each)."""
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
"""What Material's ``hide`` can hide."""
TEXT_LIMIT = 500
"""Characters in one printed value: a description is a sentence or two, never a document."""

_ICON = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)+")
"""An icon's name as Material writes it (``material/school``): no ``..``, no suffix, no markup."""
_STATUS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A status a site defines in ``extra.status``: it becomes part of a class name."""
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029<>]")


def _text(value: object, key: str) -> str | None:
    if not isinstance(value, str) or _UNPRINTABLE.search(value) or len(value) > TEXT_LIMIT:
        return f"{key} must be one line of text, at most {TEXT_LIMIT} characters, without < or >"
    return None


def _status(value: object, key: str) -> str | None:
    return None if value in STATUSES else f"{key} must be one of {', '.join(STATUSES)}"


def _hide(value: object, key: str) -> str | None:
    if isinstance(value, list) and all(v in HIDE for v in value):
        return None
    return f"{key} may list only {', '.join(HIDE)}"


def _icon(value: object, key: str) -> str | None:
    return None if isinstance(value, str) and _ICON.fullmatch(value) else f"{key} must name an icon as material/<name> does"


Check = Callable[[object, str], "str | None"]

POLICY_PAGE_KEYS: dict[str, Check] = {
    "description": _text,
    "subtitle": _text,
    "status": _status,
    "hide": _hide,
    "icon": _icon,
}
"""What a person may add to a policy page's front matter beside the plugin's own record."""


def key_lines(text: str) -> dict[str, int]:
    """The 1-based line in the page of each top-level front-matter key (none if it has none).

    Read by composing, not loading: no alias is expanded, so this costs the size of the text.
    """
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 3)
    try:
        node = yaml.compose(text[4:end if end >= 0 else None], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def policy_page_problems(front: Mapping[str, Any], record_key: str) -> list[tuple[str, str]]:
    """(key, what is wrong) for every key of a policy page's front matter outside the allow-list."""
    problems = []
    for key, value in front.items():
        if key == record_key:
            continue
        check = POLICY_PAGE_KEYS.get(str(key))
        if check is None:
            allowed = ", ".join([record_key, *POLICY_PAGE_KEYS])
            problems.append((str(key), f"{key} is not allowed on a policy page (allowed: {allowed})"))
        elif (why := check(value, str(key))) is not None:
            problems.append((str(key), why))
    return problems


def page_problems(meta: Mapping[str, Any], icon_exists: Callable[[str], bool], template_exists: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(key, what is wrong) for the keys the theme reads from any page's front matter.

    Printed text only needs to be text (it is escaped); the rest must be a shape the theme can use.
    """
    problems = []
    for key in PRINTED_TEXT:
        if key in meta and not isinstance(meta[key], str):
            problems.append((key, f"{key} must be text"))
    status = meta.get("status")
    if status is not None and not (isinstance(status, str) and _STATUS.fullmatch(status)):
        problems.append(("status", "status must be a name of lower-case letters, digits and hyphens"))
    icon = meta.get("icon")
    if icon is not None and not (isinstance(icon, str) and _ICON.fullmatch(icon) and icon_exists(icon)):
        problems.append(("icon", f"icon {icon!r} is not an icon of the theme"))
    template = meta.get("template")
    if template is not None and not (isinstance(template, str) and template_exists(template)):
        problems.append(("template", f"template {template!r} is not a template of the theme"))
    hide = meta.get("hide")
    if hide is not None and not (isinstance(hide, list) and all(isinstance(h, str) for h in hide)):
        problems.append(("hide", "hide must be a list of names"))
    return problems


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, str]:
    """The printed text keys of ``meta``, HTML-escaped, to put back in its place."""
    return {key: html.escape(meta[key]) for key in PRINTED_TEXT if isinstance(meta.get(key), str)}
