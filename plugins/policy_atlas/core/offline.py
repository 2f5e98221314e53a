"""The offline copy: the built site, made to work from a folder opened with ``file://``.

A web server answers the address of a folder (``policies/oak-school/``) with the folder's
``index.html``; a browser reading files does not, and shows a listing or nothing. So the copy is
the built site file for file, with each relative link to a folder pointed at that folder's
``index.html``: a copy and a zip, not a second build. The search script does the same for the
addresses it reads from the index when the page came from ``file://`` (``assets/search.js``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from .files import zip_member_name

FOLDER = "policy-atlas"
"""The one folder every file of the zip is in, so unzipping it makes one folder, not hundreds of files."""
_TAG = re.compile(r"<[a-zA-Z][^<>]{0,20000}>")
"""An opening tag: links are rewritten only there, never in a page's text."""
_LINK = re.compile(r'(\s(?:href|src|action)=")([^"<>]{0,4000})"')
"""An attribute that holds an address, as MkDocs, Material and our templates write them (double quotes)."""
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def folder_link(url: str) -> str:
    """``url`` as a folder's reader needs it: a relative link to a folder (``../oak/``, ``..``,
    ``./#top``) names the folder's ``index.html``; anything else is returned as it is: a link
    to a file, a fragment of the same page, another site, an address from the root."""
    end = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:end], url[end:]
    if not path or path.startswith("/") or ":" in path.split("/", 1)[0]:
        return url
    if path.endswith("/"):
        return f"{path}index.html{rest}"
    if path.rsplit("/", 1)[-1] in {".", ".."}:
        return f"{path}/index.html{rest}"
    return url


def folder_page(html: str) -> str:
    """A page of the built site, each link to a folder in its tags pointed at the folder's ``index.html``."""

    def tag(match: re.Match[str]) -> str:
        return _LINK.sub(lambda link: f'{link.group(1)}{folder_link(link.group(2))}"', match.group(0))

    return _TAG.sub(tag, html)


def write_offline_zip(site: Path, files: Iterable[Path], target: Path) -> None:
    """Zip ``files`` of the built site at ``site`` into ``target``, pages rewritten by ``folder_page``.

    Entries in the order given, each with the same fixed date and permissions, so the same site
    always gives the same zip, byte for byte; names that could climb out of the folder are made safe."""
    with ZipFile(target, "w", ZIP_DEFLATED) as archive:
        for path in files:
            name = path.relative_to(site).as_posix()
            data = path.read_bytes()
            if path.suffix == ".html":
                data = folder_page(data.decode("utf-8")).encode("utf-8")
            info = ZipInfo(f"{FOLDER}/{zip_member_name(name)}", date_time=_FIXED_DATE)
            info.compress_type = ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
