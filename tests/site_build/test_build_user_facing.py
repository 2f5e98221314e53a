"""What a reader of this project's own site sees, page by page and in every download: no Markdown
marks from a source, schools by name, no placeholder address, and no redline legend without a
redline (issue 21). One strict build of the repository's ``mkdocs.yml``."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
MARKS = re.compile(r"\*\*|__|`")
SLUGS = sorted(p.stem for p in (REPO / "source_policies").glob("*.yml"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1893456000")
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))
    return site_dir


def visible_text(html: str) -> str:
    """The words a reader sees on a page: no script, style or template, nothing hidden."""
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, template, noscript, [hidden], [aria-hidden=true]"):
        node.decompose()
    body = tree.body
    return " ".join((body.text(separator=" ") if body is not None else "").split())


def pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): visible_text(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def marks_in(texts: dict[str, str]) -> dict[str, list[str]]:
    found = {}
    for name, text in texts.items():
        hits = [text[max(0, m.start() - 40) : m.end() + 40] for m in MARKS.finditer(text)]
        if hits:
            found[name] = hits[:3]
    return found


def test_no_page_shows_markdown_marks_slugs_or_a_placeholder_address(site: Path) -> None:
    shown = pages(site)
    assert len(shown) > 20
    assert marks_in(shown) == {}
    assert {name for name, text in shown.items() if "example.org" in text} == set()
    names = {slug: yaml.safe_load((REPO / "source_policies" / f"{slug}.yml").read_text(encoding="utf-8"))["school"] for slug in SLUGS}
    slugs_shown = {name: slug for name, text in shown.items() for slug in SLUGS if slug != names[slug] and re.search(rf"(?<![\w/#-]){slug}(?![\w/-]|\.\w)", text)}  # a source's file name may show
    assert slugs_shown == {}


def test_no_download_shows_markdown_marks_or_slugs(site: Path) -> None:
    downloads = site / "downloads"
    document = docx.Document(str(downloads / "model-policy.docx"))
    texts = {
        "model-policy.docx": "\n".join(p.text for p in document.paragraphs),
        "model-policy.docx comments": "\n".join(p.text for c in document.comments for p in c.paragraphs),
        # the Markdown download as a reader sees it once rendered: its own marks are markup, a source's would show
        "model-policy.md": visible_text(markdown.markdown((downloads / "model-policy.md").read_text(encoding="utf-8"))),
    }
    model = json.loads((site / "data" / "model-policy.json").read_text(encoding="utf-8"))
    texts["model-policy.json"] = "\n".join([c["text"] for c in model["clauses"]] + [n["text"] for n in model["notes"]])
    records = json.loads((site / "data" / "clauses.json").read_text(encoding="utf-8"))["clauses"]
    texts["clauses.json"] = "\n".join(r["text"] + " " + " ".join(r["heading"]) for r in records)
    rows = list(csv.DictReader(io.StringIO((site / "data" / "clauses.csv").read_text(encoding="utf-8"))))
    texts["clauses.csv"] = "\n".join(row["text"] for row in rows)
    assert marks_in(texts) == {}
    for slug in SLUGS:
        for name in ("model-policy.docx", "model-policy.docx comments", "model-policy.md"):
            assert slug not in texts[name], (name, slug)
    with zipfile.ZipFile(downloads / "policy-atlas-offline.zip") as archive:
        offline = {n: visible_text(archive.read(n).decode("utf-8")) for n in archive.namelist() if n.endswith(".html")}
    assert offline and marks_in(offline) == {}


def test_a_compare_page_shows_the_redline_legend_only_with_a_redline(site: Path) -> None:
    legend = "<ins>added words</ins>"
    for page in sorted((site / "compare").rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "no redline" not in html, page
        if legend in html:
            assert html.count("<ins>") + html.count("<del>") > 1, f"{page}: the legend, and no redline"
