"""Writing a file whole or not at all.

A page, a cache entry or a download written in place is left cut short when the process is
killed or the disk fills part-way; a reader (the next build) then takes half a policy for all
of it. Writing to a temporary file in the same folder and renaming it over the target means a
reader sees the old file or the new one, never a mixture: ``os.replace`` is atomic within one
file system, which the same folder guarantees.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY_PREFIX = ".policy-atlas-"
"""Temporary files start with a dot: MkDocs skips them, should one be left behind in ``docs/``."""


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write in the block; renamed over ``path`` when the block
    ends, removed (and ``path`` left as it was) when it raises. OSError as a plain write would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())  # on disk before the rename makes it the file
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8, line ends as given) to ``path`` whole, or leave ``path`` as it was."""
    with replacing(path) as temporary:
        temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _mode_for(path: Path) -> int:
    """The permissions a plain write would give: the file's own if it exists, else what the umask allows
    (``mkstemp`` makes a file only its owner can read)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, every symbolic link on the way followed, is in ``folder`` (itself followed)."""
    real, root = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return root in real.parents


_UNPORTABLE = re.compile(r'[\\:*?"<>|\x00-\x1f\x7f]')
"""What some file system reads as a separator, a drive, a wildcard or an end of line in a name."""


def zip_member_name(relative: str) -> str:
    """A path relative to the folder being zipped, as a name that unzips inside that folder on any
    system: a backslash (a folder separator on Windows, so ``a\\..\\..\\x`` climbs out) and
    other characters Windows refuses become ``_``, and no part is ``..`` or empty."""
    parts = [_UNPORTABLE.sub("_", part) for part in relative.split("/")]
    return "/".join(part if part.strip(".") else part.replace(".", "_") or "_" for part in parts)
