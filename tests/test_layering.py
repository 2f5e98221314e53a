"""The house's layering, checked from the source: the core never reaches MkDocs or Markdown.

Imports are read with ``ast`` (nothing is imported), relative imports are resolved against the
module's own package, and an import of one of the package's adapter rooms counts as importing what
that room wraps, since it would drag it in.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "plugins" / "policy_atlas"

CORE_FORBIDDEN = ("mkdocs", "markdown", "policy_atlas.markdown_ext", "policy_atlas.mkdocs_plugin")
EXTENSION_FORBIDDEN = ("mkdocs", "policy_atlas.mkdocs_plugin")


def module_name(path: Path) -> str:
    """``plugins/policy_atlas/core/ingest.py`` -> ``policy_atlas.core.ingest``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """Every module ``source`` imports, absolute, with its line: import, from-import, import_module."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # ``from policy_atlas import markdown_ext``
                yield node.lineno, f"{target}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            yield node.lineno, node.args[0].value


def reaches(name: str, forbidden: tuple[str, ...]) -> str | None:
    return next((f for f in forbidden if name == f or name.startswith(f + ".")), None)


def violations(directory: Path, forbidden: tuple[str, ...]) -> tuple[list[str], int]:
    """``file:line: imports X`` for each forbidden import under ``directory``, and how many files were read."""
    found: dict[tuple[str, int], str] = {}
    files = sorted(directory.rglob("*.py"))
    for path in files:
        module = module_name(path)
        shown = str(path.relative_to(ROOT))
        for line, name in imported_modules(
            path.read_text(encoding="utf-8"), module, path.name == "__init__.py"
        ):
            hit = reaches(name, forbidden)
            if hit and (shown, line) not in found:
                found[shown, line] = f"{shown}:{line}: imports {name} ({hit} is off limits here)"
    return [found[key] for key in sorted(found)], len(files)


def test_core_never_imports_mkdocs_or_markdown() -> None:
    found, files = violations(PACKAGE / "core", CORE_FORBIDDEN)
    assert files >= 5, f"expected the core's modules under {PACKAGE / 'core'}"
    assert not found, "the core must stay pure:\n" + "\n".join(found)


def test_markdown_extension_never_imports_mkdocs() -> None:
    found, files = violations(PACKAGE / "markdown_ext", EXTENSION_FORBIDDEN)
    assert files >= 1
    assert not found, "the Markdown extension must not know about MkDocs:\n" + "\n".join(found)


ENGINE = (
    "policy_atlas.core.analysis",
    "policy_atlas.core.changes",
    "policy_atlas.core.changeviews",
    "policy_atlas.core.classify",
    "policy_atlas.core.compare",
    "policy_atlas.core.corpus",
    "policy_atlas.core.merge",
    "policy_atlas.core.redline",
    "policy_atlas.core.versions",
    "policy_atlas.core.views",
)
"""What compares, aligns and merges policies (and the page views made from its results): the
Markdown extension renders one page's clause tags and needs none of it."""


def loaded_by(module: str) -> set[str]:
    """The package's modules that importing ``module`` loads, in a fresh interpreter."""
    probe = f"import sys, {module}; print('\\n'.join(m for m in sys.modules if m.startswith('policy_atlas')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_importing_the_markdown_extension_loads_no_comparison_engine() -> None:
    loaded = loaded_by("policy_atlas.markdown_ext.clauses")
    assert "policy_atlas.markdown_ext.clauses" in loaded  # the probe saw the import
    engine = sorted(m for m in loaded if reaches(m, ENGINE))
    assert not engine, "the Markdown extension loads the comparison engine through: " + ", ".join(engine)


def test_the_engine_probe_sees_the_engine() -> None:
    """The same probe on the page views finds the engine, so an empty answer above means something."""
    engine = {m for m in loaded_by("policy_atlas.core.views") if reaches(m, ENGINE)}
    assert {"policy_atlas.core.compare", "policy_atlas.core.merge", "policy_atlas.core.views.site"} <= engine


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        pytest.param("import markdown", "markdown", id="import"),
        pytest.param("import os, markdown.util as u", "markdown.util", id="import-submodule-alias"),
        pytest.param("from markdown import Markdown", "markdown", id="from-import"),
        pytest.param("from mkdocs.plugins import BasePlugin", "mkdocs.plugins", id="from-submodule"),
        pytest.param("def f():\n    import mkdocs\n", "mkdocs", id="inside-function"),
        pytest.param("try:\n    import markdown\nexcept ImportError:\n    pass\n", "markdown", id="guarded"),
        pytest.param(
            "from ..markdown_ext import clauses", "policy_atlas.markdown_ext", id="relative-to-adapter"
        ),
        pytest.param(
            "from .. import mkdocs_plugin", "policy_atlas.mkdocs_plugin", id="relative-package-member"
        ),
        pytest.param("import importlib\nimportlib.import_module('markdown')", "markdown", id="import-module"),
        pytest.param("__import__('mkdocs.config')", "mkdocs.config", id="dunder-import"),
        pytest.param("import markdownify, mkdocstrings_x", None, id="name-prefix-is-not-a-match"),
        pytest.param("from . import model\nfrom .text import words", None, id="relative-inside-core"),
        pytest.param("from ..core import model", None, id="relative-to-core"),
        pytest.param("import yaml, re", None, id="allowed"),
    ],
)
def test_scanner_catches_each_form_of_import(source: str, caught: str | None) -> None:
    names = [name for _, name in imported_modules(source, "policy_atlas.core.example")]
    hits = [name for name in names if reaches(name, CORE_FORBIDDEN)]
    assert (hits[0] if hits else None) == caught
