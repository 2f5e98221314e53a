"""The tracked-changes Word document of a version pair (core/trackedword.py): accepting every
revision gives the new version, paragraph for paragraph; checked on the XML itself for every
made-up edit, and in LibreOffice (accept all, save as text) where it is installed."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from test_changes import pair_of

from policy_atlas.core.model import Heading
from policy_atlas.core.trackedword import accepted_paragraphs, changes_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EDITS = ["renumbered.txt", "moved-section.txt", "split.txt", "merged.txt", "force-only.txt", "one-word.txt", "reformatted.txt", "renamed-headings.txt"]


def body(docx: bytes) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return ElementTree.fromstring(package.read("word/document.xml")).find(f"{W}body")  # type: ignore[return-value]


def comment_texts(docx: bytes) -> list[str]:
    """The text of each comment the document carries, as written in its comments part."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        if "word/comments.xml" not in package.namelist():
            return []
        part = ElementTree.fromstring(package.read("word/comments.xml"))
    return ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in part.iter(f"{W}comment")]


def accept_all(docx: bytes) -> list[str]:
    """Word's "Accept all": deleted runs and paragraphs go, inserted ones stay."""
    kept = []
    for paragraph in body(docx).iter(f"{W}p"):
        if paragraph.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            continue
        kept.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return kept


def reject_all(docx: bytes) -> list[str]:
    """Word's "Reject all": inserted runs and paragraphs go, deleted ones come back."""
    kept = []
    for paragraph in body(docx).iter(f"{W}p"):
        if paragraph.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
            continue
        inserted = {id(t) for ins in paragraph.iter(f"{W}ins") for t in ins.iter(f"{W}t")}
        kept.append("".join(t.text or "" for t in paragraph.iter() if t.tag in (f"{W}t", f"{W}delText") and id(t) not in inserted))
    return kept


@pytest.mark.parametrize("edited", EDITS)
def test_accepting_every_revision_gives_the_new_version(edited: str) -> None:
    pair = pair_of("base.txt", edited)
    docx = changes_docx(pair, "Willow Lane School", date(2026, 1, 1))
    assert accept_all(docx) == accepted_paragraphs(pair)


@pytest.mark.parametrize("edited", ["one-word.txt", "force-only.txt", "renumbered.txt", "renamed-headings.txt"])
def test_rejecting_every_revision_gives_the_old_clauses(edited: str) -> None:
    pair = pair_of("base.txt", edited)
    old = [f"{c.number}\t{c.text}" for c in pair.old.clauses]
    kept = reject_all(changes_docx(pair, "Willow Lane School", date(2026, 1, 1)))
    assert [p for p in kept if "\t" in p] == old


def test_a_renamed_heading_rejected_is_the_old_heading() -> None:
    pair = pair_of("base.txt", "renamed-headings.txt")
    kept = reject_all(changes_docx(pair, "Willow Lane School", date(2026, 1, 1)))
    assert [p for p in kept if "\t" not in p] == [b.text for b in pair.old.blocks if isinstance(b, Heading)]


def test_a_rewording_is_word_revisions_and_the_document_is_the_same_bytes_each_time() -> None:
    pair = pair_of("base.txt", "one-word.txt")
    docx = changes_docx(pair, "Willow Lane School", date(2026, 1, 1))
    deleted = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in body(docx).iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in body(docx).iter(f"{W}ins")]
    assert (deleted, inserted) == ([" same"], [" next"])
    assert docx == changes_docx(pair, "Willow Lane School", date(2026, 1, 1))


SYSTEM_PYTHON = Path("/usr/bin/python3")


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not SYSTEM_PYTHON.exists():
        return False
    return subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, check=False).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _has_uno(), reason="LibreOffice with its Python bridge is not installed")
@pytest.mark.parametrize("edited", ["renumbered.txt", "split.txt", "merged.txt", "force-only.txt", "moved-section.txt", "renamed-headings.txt"])
def test_libreoffice_accept_all_gives_the_new_version(tmp_path: Path, edited: str) -> None:
    """LibreOffice reads the document, every comment in it, and accepting all gives the new version."""
    pair = pair_of("base.txt", edited)
    docx = changes_docx(pair, "Willow Lane School", date(2026, 1, 1))
    (tmp_path / "pair.docx").write_bytes(docx)
    script = Path(__file__).resolve().parent / "lo_accept.py"
    done = subprocess.run(
        [str(SYSTEM_PYTHON), str(script), str(tmp_path / "pair.docx"), str(tmp_path / "accepted.txt")],
        capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(done.stdout)) == sorted(comment_texts(docx))
    text = (tmp_path / "accepted.txt").read_text(encoding="utf-8-sig")
    assert text.rstrip("\n").split("\n") == accepted_paragraphs(pair)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_with_its_comments_and_reads_both_versions_words(tmp_path: Path) -> None:
    pair = pair_of("base.txt", "split.txt")
    (tmp_path / "pair.docx").write_bytes(changes_docx(pair, "Willow Lane School", date(2026, 1, 1)))
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "txt:Text", "pair.docx"],
        capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "pair.txt").read_text(encoding="utf-8-sig")
    # Unaccepted, the text holds the deleted clause and the two it was split into.
    assert "3.1\tStaff must not publish photographs of pupils on personal accounts. Photographs for" in text
    assert "3.2\tPhotographs for the school website" in text
