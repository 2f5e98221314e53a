"""Helpers for real builds: a tiny project in ``tmp_path``, normalised and built with MkDocs.

The fixtures in ``conftest.py`` hand these to tests. Every helper takes the project root
explicitly; nothing here changes the working directory or builds inside the source tree.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from policy_atlas.cli import main as cli_main

BIN = Path(sys.executable).parent
# The project's own topic taxonomy, which `policy-atlas` reads from PROJECT/taxonomy.yml,
# and its model policy outline (PROJECT/model_outline.yml).
TAXONOMY = Path(__file__).resolve().parents[2] / "taxonomy.yml"
OUTLINE = Path(__file__).resolve().parents[2] / "model_outline.yml"

MKDOCS_YML = """\
site_name: Policy Atlas test
site_url: https://policy-atlas.example.org/
docs_dir: {docs_dir}
strict: true
validation:
  links:
    anchors: warn

theme:
  name: material
  language: en
  features:
    - navigation.indexes
    - navigation.prune

plugins:
  - search
  - policy-atlas:
      sources_dir: {sources_dir}

markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
"""

INDEX_MD = """\
# Policy Atlas

Every school's social-media policy, clause by clause.
"""

# A small corpus in the shapes real extracted policies take: numbered clauses with a
# metadata sidecar (whose review is long overdue), a bulleted list under a lead-in, and
# dotted sub-clauses.
NORTHGATE_TXT = """\
Social Media Policy

Introduction

1. Staff must not accept pupils as friends on personal social media accounts.
2. Staff should keep their personal and professional lives separate when using social media.
3. The school may use its official accounts to share news and celebrate achievements with parents.

Personal use

4. Staff must not post images of pupils on personal accounts.
5. Staff must report any concerns about a colleague's use of social media to the headteacher.
"""

NORTHGATE_YML = """\
school: Northgate Primary School
title: Social Media Policy
approved_by: Northgate Governing Body
last_reviewed: September 2023
next_review: 2024-09
group: Primary schools
"""

HILLSIDE_TXT = """\
Hillside Academy Online Safety Policy

Expectations of staff

Staff are expected to:
- report any concerns about a pupil's online safety to the designated safeguarding lead;
- use only school-approved platforms to contact parents;
- never share their login details with anyone.

Pupils must not use mobile phones during lessons.
"""

# Exported from Word on Windows: Windows-1252 (curly apostrophes are byte 0x92) with CRLF
# line ends, so the published copy is only right if it is the file's exact bytes.
RIVERSIDE_TXT = (
    "Riverside High School\r\n"
    "\r\n"
    "1. Scope\r\n"
    "1.1 This policy applies to all staff, governors and volunteers.\r\n"
    "1.2 It covers the school\u2019s official accounts as well as staff\u2019s personal accounts.\r\n"
    "\r\n"
    "2. Official accounts\r\n"
    "2.1 Only the communications officer may create an official school account.\r\n"
    "2.2 Official accounts must be registered with the headteacher.\r\n"
).encode("cp1252")

CORPUS: dict[str, str | bytes] = {
    "northgate-primary.txt": NORTHGATE_TXT,
    "northgate-primary.yml": NORTHGATE_YML,
    "hillside-academy.txt": HILLSIDE_TXT,
    "riverside-high.txt": RIVERSIDE_TXT,
}
SCHOOL_SLUGS = ("hillside-academy", "northgate-primary", "riverside-high")

# 2030-01-01 and 2024-01-01 (UTC): after and before Northgate's next review (September 2024).
EPOCH_AFTER_REVIEW = "1893456000"
EPOCH_BEFORE_REVIEW = "1704067200"


def write_sources(project: Path, sources: Mapping[str, bytes | str]) -> None:
    """Write (or overwrite) files in ``project/source_policies``, in the order given."""
    directory = project / "source_policies"
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in sources.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (directory / name).parent.mkdir(parents=True, exist_ok=True)  # a school's folder of versions
        (directory / name).write_bytes(data)


def make_project(root: Path, sources: Mapping[str, bytes | str]) -> Path:
    """A minimal project in ``root``: mkdocs.yml, docs/index.md, source_policies/ and taxonomy.yml."""
    root.mkdir(parents=True, exist_ok=True)
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text(INDEX_MD, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(docs_dir=json.dumps(str(docs)), sources_dir="source_policies"),
        encoding="utf-8",
    )
    if TAXONOMY.is_file():
        shutil.copyfile(TAXONOMY, root / "taxonomy.yml")
    if OUTLINE.is_file():
        shutil.copyfile(OUTLINE, root / "model_outline.yml")
    write_sources(root, sources)
    return root


def normalise(project: Path, *args: str) -> int:
    """``policy-atlas --project PROJECT normalise ARGS`` in-process; returns the exit status."""
    return cli_main(["--project", str(project), "normalise", *args])


def build(project: Path, site_dir: Path | None = None) -> Path:
    """A real strict MkDocs build of ``project`` in-process; returns the site directory."""
    site = site_dir if site_dir is not None else project / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    mkdocs_build(config)
    return site


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def collected_warnings(run: Callable[[], object], collect: _Collect | None = None) -> list[str]:
    """The warnings and errors MkDocs logs while ``run`` runs."""
    collect = collect or _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        run()
    finally:
        logger.removeHandler(collect)
    return collect.messages


def failed_build(project: Path, site_dir: Path | None = None) -> str:
    """Run a strict build that must abort; return its warnings and errors, one per line."""
    collect = _Collect()
    try:
        collected_warnings(lambda: build(project, site_dir), collect)
    except Abort:
        return "\n".join(collect.messages)
    raise AssertionError(f"the strict build of {project} succeeded; it should have failed")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner, noise in stderr
    env.update(extra)
    return env


def _run(command: list[str], cwd: Path, env: Mapping[str, str] | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, check=False, cwd=cwd, env=_env(**(env or {})), capture_output=True, text=True, timeout=120
    )


def build_subprocess(
    project: Path, site_dir: Path | None = None, env: Mapping[str, str] | None = None
) -> tuple[int, str]:
    """``mkdocs build --strict`` in a child process; returns (exit status, stderr)."""
    site = site_dir if site_dir is not None else project / "site"
    done = _run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        project.parent,
        env,
    )
    return done.returncode, done.stderr


def normalise_subprocess(
    project: Path, *args: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed ``policy-atlas`` command in a child process, run outside the project."""
    return _run(
        [str(BIN / "policy-atlas"), "--project", str(project), "normalise", *args], project.parent, env
    )


def generated_markdown(config_file: Path, site_dir: Path) -> dict[str, str]:
    """What the plugin generates for a site, before MkDocs renders it: every generated page's
    Markdown and each school's summary block (as ``summary/<slug>.md``), and ``matrix.json``."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    plugin: Any = config.plugins["policy-atlas"]
    out = {page.src: files.get_file_from_path(page.src).content_string for page in plugin.paths.pages(plugin.views)}  # type: ignore[union-attr]
    for src, school in sorted(plugin.by_page.items()):
        page = Page(None, files.get_file_from_path(src), config)
        out[f"summary/{school.meta.slug}.md"] = plugin.on_page_markdown("", page=page, config=config, files=files)
    data = f"{plugin.config.data_dir}/matrix.json"
    out[data] = files.get_file_from_path(data).content_string  # type: ignore[union-attr]
    return out


def school_html(site: Path, slug: str) -> str:
    return (site / "policies" / slug / "index.html").read_text(encoding="utf-8")


def clauses_json(site: Path) -> list[dict[str, Any]]:
    data = json.loads((site / "data" / "clauses.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    return list(data["clauses"])


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.extend(value for name, value in attrs if name == "id" and value is not None)


def element_ids(html_text: str) -> list[str]:
    """Every ``id`` attribute in a page, entity references decoded."""
    collector = _IdCollector()
    collector.feed(html_text)
    return collector.ids
