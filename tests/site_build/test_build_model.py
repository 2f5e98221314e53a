"""The model policy in a real build: its page, its downloads, and provenance that resolves."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
import sitekit
from sitekit import clauses_json, element_ids

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The five seed schools, normalised and built once: a corpus with provisions to merge."""
    sources = {p.name: p.read_bytes() for p in (REPO / "source_policies").iterdir() if p.is_file()}
    root = sitekit.make_project(tmp_path_factory.mktemp("seeds") / "project", sources)
    assert sitekit.normalise(root, "--quiet") == 0
    return root, sitekit.build(root)


def test_model_page_and_downloads_are_published(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    assert (site / "model-policy" / "index.html").is_file()
    assert (site / "downloads" / "model-policy.md").read_text(encoding="utf-8").startswith("# Model social media policy for staff")
    assert not (site / "downloads" / "model-policy").exists(), "the Markdown download is not rendered as a page"
    document = docx.Document(io.BytesIO((site / "downloads" / "model-policy.docx").read_bytes()))
    assert document.paragraphs[0].text == "Model social media policy for staff"


def test_every_provenance_id_is_a_published_clause(seed_site: tuple[Path, Path]) -> None:
    _, site = seed_site
    model = json.loads((site / "data" / "model-policy.json").read_text(encoding="utf-8"))
    clauses = {c["id"]: c for c in clauses_json(site)}
    statements = {s["id"]: s for c in clauses.values() for s in c["statements"]}
    assert model["clauses"]
    for clause in model["clauses"]:
        assert clause["provenance"], clause
        assert all(p in clauses for p in clause["provenance"])
        source = statements[clause["source"]["statement"]]
        assert clause["quoted"].endswith(source["text"])


def test_model_clauses_and_notes_are_anchors_linked_to_their_sources(seed_site: tuple[Path, Path]) -> None:
    _, site = seed_site
    model = json.loads((site / "data" / "model-policy.json").read_text(encoding="utf-8"))
    page = site / "model-policy" / "index.html"
    ids = set(element_ids(page.read_text(encoding="utf-8")))
    assert {c["id"] for c in model["clauses"]} <= ids
    assert {n["id"] for n in model["notes"]} <= ids
    html = page.read_text(encoding="utf-8")
    assert "Drafting note" in html or not model["notes"]
