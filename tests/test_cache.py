"""The reading cache: a policy read once is not read again, and a cache that is corrupt, stale or
someone else's is never believed: the reading is done afresh and gives what a fresh reading gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_atlas.core import documents
from policy_atlas.core.cache import CachedClassifier, ReadingCache, TextCache, reading_key, reading_modules
from policy_atlas.core.classify import Classifier
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Heading, PolicyAtlasError
from policy_atlas.core.taxonomy import Taxonomy

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "source_policies" / "northgate-primary.txt").read_text(encoding="utf-8")



@pytest.fixture(scope="module")
def blocks() -> tuple[Heading | Clause, ...]:
    return parse_policy(TEXT, "northgate-primary", "source_policies/northgate-primary.txt").blocks


def _reader(folder: Path, taxonomy: Taxonomy) -> CachedClassifier:
    return CachedClassifier(taxonomy, ReadingCache(folder, taxonomy))


def _entry(folder: Path) -> Path:
    (found,) = [p for p in folder.rglob("*.json")]
    return found


def test_a_policy_is_read_once_and_the_cached_reading_is_the_fresh_one(
    tmp_path: Path, taxonomy: Taxonomy, blocks: tuple[Heading | Clause, ...]
) -> None:
    fresh = Classifier(taxonomy).classify_blocks(blocks)
    first = _reader(tmp_path, taxonomy)
    assert first.classify_blocks(blocks) == fresh
    assert (first.cache.hits, first.cache.misses) == (0, 1)
    again = _reader(tmp_path, taxonomy)
    assert again.classify_blocks(blocks) == fresh
    assert (again.cache.hits, again.cache.misses) == (1, 0)


CORRUPTIONS = {
    "empty file": lambda text: "",
    "cut short": lambda text: text[: len(text) // 2],
    "not JSON": lambda text: "\x00\xff garbage",
    "another format": lambda text: text.replace('"format":1', '"format":99'),
    "another key": lambda text: text.replace('"key":"', '"key":"0'),
    "a clause's text changed": lambda text: text.replace("Staff", "Pupils", 1),
    "a statement dropped": lambda text: json.dumps({**json.loads(text), "clauses": [[c, [t, f, w, []]] for c, (t, f, w, _) in json.loads(text)["clauses"]]}),
    "a force unknown": lambda text: text.replace('"prohibited"', '"forbidden"'),
    "a list where a string was": lambda text: text.replace('"clauses":[["', '"clauses":[[["'),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_read_afresh_and_rewritten(
    corrupt: object, tmp_path: Path, taxonomy: Taxonomy, blocks: tuple[Heading | Clause, ...]
) -> None:
    fresh = Classifier(taxonomy).classify_blocks(blocks)
    _reader(tmp_path, taxonomy).classify_blocks(blocks)
    entry = _entry(tmp_path)
    good = entry.read_text(encoding="utf-8")
    entry.write_text(corrupt(good), encoding="utf-8")  # type: ignore[operator]
    reader = _reader(tmp_path, taxonomy)
    assert reader.classify_blocks(blocks) == fresh
    assert (reader.cache.hits, reader.cache.misses) == (0, 1)
    assert entry.read_text(encoding="utf-8") == good


def test_a_changed_taxonomy_or_clause_is_a_miss(tmp_path: Path, taxonomy: Taxonomy, blocks: tuple[Heading | Clause, ...]) -> None:
    _reader(tmp_path, taxonomy).classify_blocks(blocks)
    fewer = Taxonomy(taxonomy.topics[1:], taxonomy.path)
    other = _reader(tmp_path, fewer)
    assert other.classify_blocks(blocks) == Classifier(fewer).classify_blocks(blocks)
    assert other.cache.misses == 1
    clause = next(b for b in blocks if isinstance(b, Clause))
    salt = ReadingCache(tmp_path, taxonomy).salt
    reworded = tuple(Clause(b.id, b.text + " Staff must not do so.", b.number, b.heading, b.parent) if b is clause else b for b in blocks)
    assert reading_key(reworded, salt) != reading_key(blocks, salt)


def test_a_cache_that_cannot_be_written_is_only_slower(tmp_path: Path, taxonomy: Taxonomy, blocks: tuple[Heading | Clause, ...]) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    reader = _reader(blocked / "cache", taxonomy)
    assert reader.classify_blocks(blocks) == Classifier(taxonomy).classify_blocks(blocks)


def test_the_program_is_the_code_the_reading_runs() -> None:
    names = {path.stem for path in reading_modules()}
    assert {"classify", "force", "statements", "taxonomy", "matcher", "lexicon"} <= names
    assert not names & {"compare", "views", "merge", "search", "corpus", "cache"}


DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@pytest.mark.parametrize("name", ["larkfield-academy.pdf", "larkfield-academy.docx"])
def test_a_document_is_read_once_and_the_cached_text_is_the_fresh_one(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DOCUMENTS / name).read_bytes()
    path = f"source_policies/{name}"
    fresh = documents.read_document(data, path)
    first = TextCache(tmp_path).read(data, path)
    assert first == fresh

    def never(*_: object) -> None:
        raise AssertionError("the document was read again")

    monkeypatch.setattr(documents, "pdf_text", never)
    monkeypatch.setattr(documents, "word_text", never)
    again = TextCache(tmp_path)
    assert again.read(data, path) == fresh
    assert (again.hits, again.misses) == (1, 0)
    with pytest.raises(AssertionError):
        again.read(data + b"\n", path)  # other bytes are another file


def test_a_corrupt_text_entry_is_read_afresh_and_a_refused_file_is_never_stored(tmp_path: Path) -> None:
    data = (DOCUMENTS / "larkfield-academy.pdf").read_bytes()
    cache = TextCache(tmp_path)
    fresh = cache.read(data, "a.pdf")
    (entry,) = (tmp_path / "texts").rglob("*.json")
    entry.write_text('{"format": 1, "key": "', encoding="utf-8")
    assert cache.read(data, "a.pdf") == fresh and cache.misses == 2
    with pytest.raises(PolicyAtlasError, match="scanned"):
        cache.read((DOCUMENTS / "scanned-image.pdf").read_bytes(), "scan.pdf")
    assert len(list((tmp_path / "texts").rglob("*.json"))) == 1
    assert cache.read(b"Staff must not share passwords.\n", "plain.txt").text.startswith("Staff") and cache.misses == 3  # text is decoded, not cached
