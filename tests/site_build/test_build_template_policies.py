"""The seeds and every readable document fixture, built together strictly: the long template
policy (as PDF, as saved text, as pasted text and as Word) and the Larkfield policy (Word, PDF).

No line of a long real-world policy may stop a strict build; the school pages show the
document's headings, keep page numbers, headers, tables of marks and form fields out of the
clauses, and list what was set aside.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitekit import build, clauses_json, collected_warnings, make_project, normalise, school_html

from policy_atlas.core.sanitise import visible_text

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
SEEDS = {path.name: path.read_bytes() for path in sorted((ROOT / "source_policies").iterdir()) if path.suffix in (".txt", ".yml")}
FIXTURES = {
    "template-pdf.pdf": "template-online-safety.pdf",
    "template-text.txt": "template-online-safety.txt",
    "template-pasted.txt": "template-online-safety-pasted.txt",
    "template-word.docx": "template-online-safety.docx",
    "larkfield-word.docx": "larkfield-academy.docx",
    "larkfield-pdf.pdf": "larkfield-academy.pdf",
}
TEMPLATES = ("template-pdf", "template-text", "template-pasted", "template-word")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    sources: dict[str, str | bytes] = dict(SEEDS)
    for name, fixture in FIXTURES.items():
        sources[name] = (DOCUMENTS / fixture).read_bytes()
        sources[name.rsplit(".", 1)[0] + ".yml"] = f"school: {name.rsplit('.', 1)[0].replace('-', ' ').title()}\n"
    project = make_project(tmp_path_factory.mktemp("templates") / "project", sources)
    assert normalise(project) == 0
    built: list[Path] = []
    warnings = collected_warnings(lambda: built.append(build(project)))
    return built[0], warnings


def test_the_strict_build_of_the_seeds_and_every_fixture_passes_without_a_warning(site: tuple[Path, list[str]]) -> None:
    built, warnings = site
    assert warnings == []
    slugs = {record["school"] for record in clauses_json(built)}
    assert {name.rsplit(".", 1)[0] for name in FIXTURES} <= slugs
    assert {name.rsplit(".", 1)[0] for name in SEEDS} <= slugs


@pytest.mark.parametrize("slug", TEMPLATES)
def test_a_template_school_page_keeps_furniture_marks_and_forms_out_of_its_clauses(site: tuple[Path, list[str]], slug: str) -> None:
    built, _ = site
    records = [r for r in clauses_json(built) if r["school"] == slug]
    assert 315 <= len(records) <= 380
    for record in records:
        text = record["text"]
        assert re.search(r"[^\W\d_]", text), record
        assert not re.search(r"[.!?;:]\s+\d{1,3}$", text), record
        assert not re.search(r"(?:^|\s)X(?:\s|$)", text) and "……" not in text, record
        assert "Hollybrook Community School – Online Safety Policy" not in text, record
    html = school_html(built, slug)
    assert "Forms and tables of marks set aside" in html
    assert "<h2" in html and "1 Introduction" in visible_text(html)
