"""The tests' own reading of built HTML, written apart from the plugin's audit so that one bug
cannot hide in both: executable constructs, visible text, and every link with its target."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The theme's own scripts: Material's bundle and search worker, and its start-up snippets, which
# the plugin loads from files so that no page has an inline script.
THEME_SCRIPT_SRC = re.compile(r"^(/|(\.\./)*)assets/(javascripts|policy-atlas)/[\w.-]+\.js$")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcset", "cite", "ping"}
EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def runs_script(url: str) -> bool:
    return bool(_SCHEME.match(_IGNORED.sub("", url)))


@dataclass
class Reading:
    constructs: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(attribute, value) of every href and src."""
    ids: set[str] = field(default_factory=set)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = Reading()
        self.script: dict[str, str | None] | None = None
        self.raw_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = self.reading.constructs
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"<{tag} {name}={value!r}>")
            if value is not None and (name in URL_ATTRIBUTES or name.endswith(":href")) and runs_script(value):
                found.append(f"<{tag} {name}={value!r}>")
            if name == "style" and value and re.search(r"javascript:|expression\(", value, re.IGNORECASE):
                found.append(f"<{tag} style={value!r}>")
            if name in ("href", "src") and value is not None:
                self.reading.links.append((name, value))
            if name in ("id", "name") and value:
                self.reading.ids.add(value)
        if tag in EMBEDS:
            found.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self.script = dict(attrs)
            src = self.script.get("src")
            data = src is None and self.script.get("type") == "application/json" and self.script.get("id") == "__config"
            if not data and not (src is not None and THEME_SCRIPT_SRC.match(src)):
                found.append(f"foreign <script {self.script}>")
        if tag in ("script", "style", "title", "textarea"):
            self.raw_text += tag in ("script", "style")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.raw_text:
            self.raw_text -= 1

    def handle_data(self, data: str) -> None:
        if not self.raw_text:
            self.reading.text.append(data)


def read_html(html: str) -> Reading:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.reading


@dataclass
class LinkReport:
    checked: int = 0
    external: int = 0
    dangling: list[str] = field(default_factory=list)


def _target(site: Path, page: str, url: str) -> tuple[Path, str]:
    """The file and fragment a link from ``page`` (a path in the site) leads to."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    here = posixpath.dirname(page)
    resolved = posixpath.normpath(posixpath.join(here, path)) if path else page
    file = site / resolved.lstrip("/")
    if path.endswith("/") or (file.is_dir() and not path.endswith(".html")):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def check_links(site: Path, extra: dict[str, list[str]] | None = None) -> LinkReport:
    """Follow every href and src of every HTML file (and the ``extra`` links, by the page they are
    on): each must reach a file of the site and, with a fragment, an element with that id."""
    report = LinkReport()
    readings = {p.relative_to(site).as_posix(): read_html(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}
    links = {page: [v for _, v in reading.links] for page, reading in readings.items()}
    for page, more in (extra or {}).items():
        links.setdefault(page, []).extend(more)
    for page, urls in links.items():
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                report.external += 1
                continue
            report.checked += 1
            file, fragment = _target(site, page, url)
            if not file.is_file():
                report.dangling.append(f"{page}: {url} (no {file.relative_to(site) if file.is_relative_to(site) else file})")
                continue
            if fragment and file.suffix == ".html":
                key = file.relative_to(site).as_posix()
                reading = readings.get(key)
                if reading is None or fragment not in reading.ids:
                    report.dangling.append(f"{page}: {url} (no #{fragment} on {key})")
    return report


def search_links(site: Path) -> dict[str, list[str]]:
    """Every search entry's address, as links from the site's root page, as the search follows
    them: Material's index (``search/search_index.json``) where a site has it, and the plugin's
    clause-level records (``search/records-*.js``)."""
    links: list[str] = []
    material = site / "search" / "search_index.json"
    if material.is_file():
        links += [d["location"] or "./" for d in json.loads(material.read_text(encoding="utf-8"))["docs"]]
    for records in sorted((site / "search").glob("records-*.js")):
        text = records.read_text(encoding="utf-8")  # PolicyAtlasSearch.load("records-N", [[kind, url, ...], ...])
        links += [row[1] for row in json.loads(text[text.index(",") + 1 : text.rindex(")")])]
    return {"index.html": links}
