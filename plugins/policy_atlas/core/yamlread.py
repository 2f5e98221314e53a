"""YAML as the project reads it: safe, and without aliases.

An anchor and its aliases (``&a [*b, *b, ...]``) let nine lines stand for a billion values
("billion laughs"): any walk of what they load (the duplicate-key check, a note's text) takes
that long, or all the memory there is. No file the project reads needs them, so each reader
refuses them, naming the line of the first.
"""

from __future__ import annotations

from typing import Any

import yaml

from .model import PolicyAtlasError

FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's safe loader where PyYAML has it: a long policy's front matter lists many set-aside lines."""


def alias_line(text: str) -> int | None:
    """The 1-based line of the first alias in ``text``; None if it has none or is not YAML."""
    if "*" not in text:  # every alias starts with one: most files need no second reading
        return None
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return int(event.start_mark.line) + 1
    except yaml.YAMLError:
        return None  # the reader's own parse says what is wrong, and where
    return None


def refuse_aliases(text: str, shown: str, first_line: int = 1) -> None:
    """Raise PolicyAtlasError naming the line of ``text``'s first alias (counted from ``first_line``)."""
    line = alias_line(text)
    if line is not None:
        line += first_line - 1
        raise PolicyAtlasError(shown, f"YAML alias (*name) at line {line}: aliases are not allowed here; write the value out", line)


def safe_load(text: str, shown: str) -> Any:
    """``text`` as data, refusing aliases; yaml.YAMLError for YAML it cannot read."""
    refuse_aliases(text, shown)
    return yaml.load(text, Loader=FAST_LOADER)
