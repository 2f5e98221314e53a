"""An on-disk cache of each policy's reading: its statements, with their topics, reasons and force.

Reading a policy (``Classifier.classify_blocks``) is the costliest step per school, and both
``normalise`` and every build do it. Its result depends only on the clauses' ids, texts,
heading paths and parents, on the taxonomy, and on the program, so the cache key is a hash of
exactly those: the *program* is the source of every core module and the versions of the
libraries the reading uses, so any change of code or taxonomy is a miss, never a stale hit.

An entry is one JSON file per policy, written to a temporary name and renamed into place, so a
reader never sees half of one. Whatever is wrong with an entry (unreadable, cut short, not
JSON, another format, another key, clauses that do not match, statements that do not add up
to their clause) makes it a miss: the policy is read again and the entry written afresh. A
result from the cache is therefore always the result a fresh reading gives.
"""

from __future__ import annotations

import ast
import hashlib
import json
import sys
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from . import documents
from .classify import Classification, Classifier, TopicTag
from .decode import DecodedText
from .documents import PDF_SUFFIX, WORD_SUFFIX
from .files import write_atomically
from .model import Clause, Diagnostic, Force, Heading, Severity, Statement
from .taxonomy import Taxonomy

FORMAT = 1
"""Version of an entry's layout; an entry of another format is a miss."""

CORE = Path(__file__).resolve().parent
_LIBRARIES = ("snowballstemmer", "lemminflect", "PyYAML")


def reading_modules(start: str = "classify") -> list[Path]:
    """The core modules the reading runs: ``classify`` and every core module it imports, in turn."""
    found: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in found or not (CORE / f"{name}.py").exists():
            continue
        found.add(name)
        tree = ast.parse((CORE / f"{name}.py").read_text(encoding="utf-8"))
        todo += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module]
    return [CORE / f"{name}.py" for name in sorted(found)]


@lru_cache(maxsize=1)
def program_fingerprint() -> str:
    """A hash of what the reading's code is: the source of the core modules it runs (a change
    to the comparison or the pages does not throw readings away), the Python version and the
    versions of the libraries it reads words with."""
    return _code_fingerprint(_LIBRARIES, reading_modules())


def _code_fingerprint(libraries: tuple[str, ...], modules: list[Path]) -> str:
    """A hash of the Python version, the versions of ``libraries`` and the source of ``modules``
    (and of this module, whose layout of entries it fixes)."""
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}".encode())
    digest.update(library_versions(libraries).encode())
    for module in [*modules, CORE / "cache.py"]:
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def library_versions(libraries: tuple[str, ...]) -> str:
    """The installed version of each of ``libraries``, one a line ("absent" for one not installed)."""
    lines = []
    for library in libraries:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        lines.append(f"{library} {version}\n")
    return "".join(lines)


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """A hash of the taxonomy's topics as loaded (its file's path and layout do not matter)."""
    return hashlib.sha256(repr(taxonomy.topics).encode()).hexdigest()


def reading_key(blocks: Iterable[Heading | Clause], salt: str) -> str:
    """The key of a policy's reading: what ``classify_blocks`` reads of each clause, and the salt."""
    clauses = [[b.id, b.text, list(b.heading), b.parent] for b in blocks if isinstance(b, Clause)]
    payload = json.dumps([salt, clauses], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def _encode(result: Classification) -> list[Any]:
    return [
        [[t.topic, t.why] for t in result.topics],
        result.force.value,
        result.force_why,
        [
            [s.id, s.index, s.text, s.force.value, s.force_reason, [list(r) for r in s.topic_reasons]]
            for s in result.statements
        ],
    ]


def _decode(clause: Clause, data: Any) -> Classification:
    """A clause's reading from an entry; raises on anything that is not exactly one."""
    tags, force, force_why, statements = data
    read = tuple(
        Statement(
            str(sid), clause.id, int(index), str(text), Force(force_value), str(reason),
            tuple(str(t) for t, _ in reasons), tuple((str(t), str(why)) for t, why in reasons),
        )
        for sid, index, text, force_value, reason, reasons in statements
    )
    if not read or " ".join(s.text for s in read) != clause.text:
        raise ValueError("statements do not make up the clause")
    return Classification(tuple(TopicTag(str(t), str(why)) for t, why in tags), Force(force), str(force_why), read)


class ReadingCache:
    """Policies' readings on disk under ``folder``, for one taxonomy and this program."""

    def __init__(self, folder: Path, taxonomy: Taxonomy) -> None:
        self.folder = folder
        self.salt = hashlib.sha256(f"{program_fingerprint()}:{taxonomy_fingerprint(taxonomy)}".encode()).hexdigest()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, clauses: list[Clause]) -> dict[str, Classification] | None:
        """The readings stored under ``key`` for these clauses, or None when there is no sound entry."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data["format"] != FORMAT or data["key"] != key or [c for c, _ in data["clauses"]] != [c.id for c in clauses]:
                return None
            return {clause.id: _decode(clause, entry) for clause, (_, entry) in zip(clauses, data["clauses"], strict=True)}
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, key: str, results: dict[str, Classification]) -> None:
        """Store the readings; a cache that cannot be written is only a slower build."""
        _write_entry(self._path(key), {"format": FORMAT, "key": key, "clauses": [[cid, _encode(r)] for cid, r in results.items()]})


def _write_entry(path: Path, entry: dict[str, Any]) -> None:
    """Write one entry whole (a temporary file renamed into place), or nothing when the folder cannot be written."""
    try:
        write_atomically(path, json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        return


_EXTRACTING_LIBRARIES = ("pypdfium2", "python-docx", "ftfy")


@lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    """A hash of what reads a Word or PDF file: the source of ``documents`` and the core modules it
    imports, and the versions of the libraries it reads with."""
    return _code_fingerprint(_EXTRACTING_LIBRARIES, reading_modules("documents"))


class TextCache:
    """The text read from each Word or PDF source, on disk under ``folder/texts``, keyed by the
    file's bytes, its name and the reading code: a build that publishes the text of an unchanged
    file reads it from here, never from the document again. Plain text is decoded afresh (it
    costs less than the cache). A file that cannot be read is never stored, so it says why every time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "texts"
        self.hits = 0
        self.misses = 0

    def read(self, data: bytes, path: str) -> DecodedText:
        """``documents.read_document(data, path)``, from the cache when this file was read before."""
        if PurePosixPath(path).suffix.lower() not in (WORD_SUFFIX, PDF_SUFFIX):
            return documents.read_document(data, path)
        key = hashlib.sha256(extraction_fingerprint().encode() + b"\0" + path.encode() + b"\0" + data).hexdigest()
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
            if stored["format"] == FORMAT and stored["key"] == key:
                found = DecodedText(
                    str(stored["text"]),
                    str(stored["encoding"]),
                    tuple(Diagnostic(str(d[0]), d[1] if isinstance(d[1], int) else None, str(d[2]), str(d[3]), Severity(d[4])) for d in stored["notes"]),
                )
                self.hits += 1
                return found
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError):
            pass
        self.misses += 1
        decoded = documents.read_document(data, path)
        notes = [[d.path, d.line, d.code, d.message, d.severity.value] for d in decoded.diagnostics]
        _write_entry(entry, {"format": FORMAT, "key": key, "text": decoded.text, "encoding": decoded.encoding, "notes": notes})
        return decoded


class CachedClassifier(Classifier):
    """A ``Classifier`` that reads each policy once: later readings of the same clauses, with the
    same taxonomy and program, come from the cache."""

    def __init__(self, taxonomy: Taxonomy, cache: ReadingCache) -> None:
        super().__init__(taxonomy)
        self.cache = cache

    def classify_blocks(self, blocks: tuple[Heading | Clause, ...]) -> dict[str, Classification]:
        clauses = list({b.id: b for b in blocks if isinstance(b, Clause)}.values())
        key = reading_key(clauses, self.cache.salt)
        found = self.cache.get(key, clauses)
        if found is not None:
            self.cache.hits += 1
            return found
        self.cache.misses += 1
        results = super().classify_blocks(blocks)
        self.cache.put(key, results)
        return results


def classifier_for(taxonomy: Taxonomy, cache_dir: Path | None) -> Classifier:
    """A classifier that uses the cache in ``cache_dir``, or a plain one when there is none."""
    return CachedClassifier(taxonomy, ReadingCache(cache_dir, taxonomy)) if cache_dir is not None else Classifier(taxonomy)
