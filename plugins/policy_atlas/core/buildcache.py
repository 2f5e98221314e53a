"""Build products kept between builds, each keyed by a hash of everything it is made from.

A warm build (nothing changed) must not compare the schools, make the model, write the Word
files or index every clause again: each of those products is stored here under a key that
hashes all of its inputs (``Inputs``: files by their bytes, options by value, and always the
whole package's code and its libraries' versions), so any change of input is a miss, never a
stale hit. An entry is one file per kind of product, written whole (a temporary file renamed
into place); a new entry of a kind replaces the old one, so the folder does not grow.

Entries are pickles: the products are frozen dataclasses of many kinds, and a pickle restores
them exactly and fast. A pickle runs code when it is read, so the folder is as trusted as the
project's own ``__pycache__``: it is written by the project's own builds only. Whatever is wrong
with an entry (unreadable, cut short, another format, another key) makes it a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from .cache import library_versions
from .files import write_atomically

FORMAT = 1
"""Version of an entry's layout; an entry of another format is a miss."""

PACKAGE = Path(__file__).resolve().parent.parent
"""The ``policy_atlas`` package: its code, templates, theme and assets all shape what a build makes."""

_LIBRARIES = (
    "mkdocs", "mkdocs-material", "Markdown", "PyYAML", "ftfy", "rapidfuzz", "snowballstemmer", "lemminflect",
    "nh3", "selectolax", "python-docx", "pypdfium2", "Jinja2", "MarkupSafe",
)
"""The libraries whose output a build publishes or whose reading it relies on."""

_MAGIC = b"policy-atlas build cache\n"

T = TypeVar("T")


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of the program (``code_fingerprint`` of this package), computed once a process."""
    return code_fingerprint(PACKAGE)


def code_fingerprint(package: Path) -> str:
    """A hash of every file of ``package`` (code, templates, theme, assets), the Python version and
    the versions of the libraries a build works with."""
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version}\n{library_versions(_LIBRARIES)}".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class Inputs:
    """The hash of a product's inputs, fed value by value. Each value is labelled and its length
    is hashed before it, so two different lists of values can never hash alike by running together."""

    def __init__(self, kind: str) -> None:
        self._digest = hashlib.sha256(f"{kind}\0{package_fingerprint()}\0".encode())

    def add(self, label: str, value: str | bytes) -> Inputs:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        self._digest.update(f"{label}\0{len(data)}\0".encode() + data)
        return self

    def add_file(self, label: str, path: Path | None) -> Inputs:
        """A file by its place and bytes; a missing file counts as missing. A file that exists but
        cannot be read raises ``OSError``: the caller then makes the product without the cache."""
        if path is None or not path.exists():
            return self.add(label, f"absent {path}")
        return self.add(f"{label} {path}", path.read_bytes())

    def add_tree(self, label: str, folder: Path, skip: Path | None = None) -> Inputs:
        """Every file and folder under ``folder`` by its place and bytes (symbolic links followed
        and named as links), in name order, but for the folder ``skip`` (named, not read); a
        missing folder counts as missing."""
        self.add(label, f"{folder} skip={skip}")
        if not folder.is_dir():
            return self.add("tree", "absent")
        for root, dirs, files in os.walk(folder, followlinks=False):
            here = Path(root)
            dirs[:] = sorted(d for d in dirs if skip is None or here / d != skip)
            for name in dirs:
                path = here / name
                self.add("dir", f"{path.relative_to(folder).as_posix()} link={os.path.islink(path)}")
            for name in sorted(files):
                path = here / name
                link = os.readlink(path) if os.path.islink(path) else ""
                self.add(f"file {path.relative_to(folder).as_posix()} link={link}", path.read_bytes() if path.is_file() else b"")
        return self

    def key(self) -> str:
        return self._digest.hexdigest()


class BuildCache:
    """Products on disk under ``folder/build``, one entry per kind; ``folder`` None keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / "build" if folder is not None else None
        self.hits: list[str] = []
        self.misses: list[str] = []

    def _path(self, kind: str) -> Path | None:
        return self.folder / f"{kind}.pickle" if self.folder is not None else None

    def get(self, kind: str, key: str) -> object | None:
        """The product of ``kind`` stored under ``key``, or None when there is no sound entry."""
        path = self._path(kind)
        if path is None:
            return None
        header = _MAGIC + f"{FORMAT} {key}\n".encode()
        try:
            with path.open("rb") as stored:
                if stored.read(len(header)) != header:
                    return None
                found: object = pickle.load(stored)  # noqa: S301 - the project's own cache, see the module's docstring
                return found
        except Exception:  # anything wrong with an entry is a miss, never a failed build
            return None

    def put(self, kind: str, key: str, product: object) -> None:
        """Store ``product`` under ``key``, replacing the kind's last entry; a cache that cannot be
        written (or a product that cannot be stored) is only a slower next build."""
        path = self._path(kind)
        if path is None:
            return
        try:
            write_atomically(path, _MAGIC + f"{FORMAT} {key}\n".encode() + pickle.dumps(product, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return

    def made(self, kind: str, key: str | None, make: Callable[[], T]) -> T:
        """The product of ``kind``: from the cache when ``key`` (its inputs' hash: ``key_of``) is
        the stored one's, else made by ``make`` and stored. No key (inputs that could not be
        read, or no cache) makes it afresh and stores nothing."""
        if self.folder is None or key is None:
            return make()
        found = self.get(kind, key)
        if found is not None:
            self.hits.append(kind)
            return found  # type: ignore[return-value]
        self.misses.append(kind)
        product = make()
        self.put(kind, key, product)
        return product


def key_of(inputs: Callable[[], Inputs]) -> str | None:
    """The hash of a product's inputs, or None when one of them cannot be read (then the product
    is made without the cache, and reading it again says what is wrong)."""
    try:
        return inputs().key()
    except OSError:
        return None
