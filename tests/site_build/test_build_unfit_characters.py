"""One character that XML cannot hold stops no school: it is removed where text enters, with a line.

Noncharacters (U+FFFF, U+FFFE, U+FDD0) and C0 controls (ESC, BEL) in every place text comes
from: a source's text, a hand-edited page, a file name, a sidecar value. python-docx refused each
in the model's Word export, and the whole build ended in a traceback. A form feed still marks a
page and never reaches a clause.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
import sitekit

from policy_atlas.cli import main as cli_main

REPO = Path(__file__).resolve().parents[2]
BAD = "\uffff\x1b[31m\x07\ufffe\ufdd0"
UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
FILE_NAME = "bell\x07school\uffff.txt"


def _with_unfit(text: str) -> str:
    return text.replace("must ", f"must {BAD}")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The seed schools with unfit characters in their text, a page edited to hold them, a file
    name holding them and a sidecar value escaping one; built without ``strict``."""
    seeds = {p.name: p.read_bytes() for p in (REPO / "source_policies").iterdir() if p.is_file()}
    sources: dict[str, str | bytes] = {
        name: _with_unfit(data.decode("utf-8")) if name.endswith(".txt") else data for name, data in seeds.items()
    }
    sources["paged.txt"] = "Paged policy\n\n1. Staff must not\fpost images of pupils.\n\f2. Staff must report concerns.\n"
    sources[FILE_NAME] = seeds["northgate-primary.txt"]
    sources["escaped.txt"] = seeds["northgate-primary.txt"]
    sources["escaped.yml"] = 'school: "Escaped\\e School"\n'
    root = sitekit.make_project(tmp_path_factory.mktemp("unfit") / "project", sources)
    sitekit.normalise(root, "--quiet")  # exits 1: the escaped sidecar is refused
    page = root / "docs" / "policies" / "rosewood-free-school.md"
    page.write_text(page.read_text(encoding="utf-8").replace("must ", f"must {BAD}"), encoding="utf-8")
    site = root / "site"
    messages = sitekit.collected_warnings(lambda: mkdocs_build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=False)))
    return root, site, messages


def _document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_build_finishes_and_the_word_model_holds_every_school(hostile: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = hostile
    text = _document_text((site / "downloads" / "model-policy.docx").read_bytes())
    assert "must" in text and not UNFIT.search(text)


def test_a_source_note_names_the_file_and_line(hostile: tuple[Path, Path, list[str]]) -> None:
    root, _, _ = hostile
    page = (root / "docs" / "policies" / "northgate-primary.md").read_text(encoding="utf-8")
    assert re.search(r"line \d+: removed \d+ characters that no page or document can hold .* the first U\+FFFF at line \d+", page)
    assert not UNFIT.search(page)


def test_a_hand_edited_page_is_warned_about_by_line(hostile: tuple[Path, Path, list[str]]) -> None:
    _, _, messages = hostile
    assert any(re.search(r"policies/rosewood-free-school\.md:\d+: removed \d+ characters that no page or document can hold", m) for m in messages), messages


def test_a_sidecar_escape_leaves_one_school_out_by_line(hostile: tuple[Path, Path, list[str]]) -> None:
    _, site, messages = hostile
    assert any("source_policies/escaped.yml:1: school: holds U+001B" in m for m in messages), messages
    assert not (site / "policies" / "escaped").exists()


def test_a_file_name_gives_a_clean_school_name(hostile: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = hostile
    assert "<h1" in (site / "policies" / "bell-school" / "index.html").read_text(encoding="utf-8")
    assert "Bell School" in (site / "policies" / "bell-school" / "index.html").read_text(encoding="utf-8")


def test_a_form_feed_keeps_its_page_and_stays_out_of_the_clauses(hostile: tuple[Path, Path, list[str]]) -> None:
    root, _, _ = hostile
    page = (root / "docs" / "policies" / "paged.md").read_text(encoding="utf-8")
    assert "\f" not in page
    assert "pages=2" in page  # clause 2 is printed after the second form feed


def test_the_cli_writes_the_word_model(hostile: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    root, _, _ = hostile
    out = tmp_path / "model.docx"
    assert cli_main(["--project", str(root), "model", "--format", "docx", "--out", str(out)]) == 0
    assert not UNFIT.search(_document_text(out.read_bytes()))
