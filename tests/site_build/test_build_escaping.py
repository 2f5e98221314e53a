"""Metadata and policy text are data: payloads in every field are shown as text on every generated page.

Each school's metadata (name, title, approving body, group, address) and its policy text carry
Markdown, HTML, attribute-injection and attr_list payloads. The built site is then read with an
HTML parser, every file: no ``javascript:`` address, no ``on*`` attribute, no script but the
theme's own; and the payloads are there as text where a reader would see them.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitekit import EPOCH_AFTER_REVIEW, build, make_project, normalise

PAYLOADS = (
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    '{: onclick="alert(1)"}',
    "</title><script>alert(1)</script>",  # the theme prints page titles unescaped in <title>
)
EVIL = " ".join(PAYLOADS)
# The theme's own scripts: its bundle and search worker, and Material's start-up snippets, which
# the plugin loads from files so that no page has an inline script.
THEME_SCRIPT_SRC = re.compile(r"^(/|(\.\./)*)assets/(javascripts|policy-atlas)/[\w.-]+\.js$")


def _sidecar(name: str) -> str:
    values = {
        "school": f"{name} {EVIL}",
        "title": f"Policy {EVIL}",
        "approved_by": f"Governors {EVIL}",
        "group": f"Group {EVIL}",
        "url": 'https://example.org/p?a="><script>alert(1)</script>[x](javascript:alert(1))',
        "next_review": "2020-01",
    }
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in values.items())


def _policy(extra: str) -> str:
    return (
        f"Social Media Policy\n\nContact with pupils {EVIL}\n\n"
        f"1. Staff must not contact pupils on personal social media accounts {extra}.\n"
        f"2. Any breach of this policy will be investigated and may lead to disciplinary action {extra}.\n"
        "3. Staff must keep their personal and professional lives separate when they use social media at all times.\n"
        f"4. Staff must not post images of pupils on personal accounts {extra}.\n"
    )


SOURCES = {
    "evil-academy.txt": _policy(EVIL),
    "evil-academy.yml": _sidecar("Evil Academy"),
    "plain-school.txt": _policy(""),
    "plain-school.yml": _sidecar("Plain School"),
    "third-school.txt": "1. Staff must report any concerns about pupils to the headteacher at once.\n"
    f"2. Staff may use school devices at lunch {EVIL}.\n",
    "third-school.yml": _sidecar("Third School"),
}


class _Page(HTMLParser):
    """What matters for safety in one HTML file, and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script, self._script_text = dict(attrs), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            src, body = self._script.get("src"), self._script_text.strip()
            theme = (src is not None and THEME_SCRIPT_SRC.match(src)) or (
                src is None and self._script.get("id") == "__config" and self._script.get("type") == "application/json"
            )
            if not theme or "alert(" in body:
                self.problems.append(f"foreign <script {self._script}>{body[:60]}")
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text += data
        else:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def _read(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("evil") / "project", SOURCES)
    assert normalise(project, "--quiet") == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH_AFTER_REVIEW)
        return build(project)


def test_no_built_page_has_a_live_payload(evil_site: Path) -> None:
    files = sorted(evil_site.rglob("*.html"))
    assert len(files) > 15
    problems = {str(f.relative_to(evil_site)): p for f in files if (p := _read(f).problems)}
    assert problems == {}


@pytest.mark.parametrize(
    "page",
    [
        "compare/index.html",
        "compare/topics/pupil-contact/index.html",
        "compare/topics/discipline/index.html",
        "compare/gaps/evil-academy/index.html",
        "compare/gaps/third-school/index.html",
        "compare/shared-wording/index.html",
        "policies/index.html",
        "policies/evil-academy/index.html",
    ],
)
def test_payloads_are_shown_as_text(evil_site: Path, page: str) -> None:
    text = _read(evil_site / page).visible
    assert f"Evil Academy {EVIL}" in text


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("policies/evil-academy/index.html", f"Policy {EVIL}"),
        ("policies/evil-academy/index.html", f"Governors {EVIL}"),
        ("policies/evil-academy/index.html", 'https://example.org/p?a="><script>alert(1)</script>[x](javascript:alert(1))'),
        ("policies/index.html", f"Group {EVIL}"),
        ("policies/index.html", f"Governors {EVIL}"),
        ("compare/topics/pupil-contact/index.html", f"Staff must not contact pupils on personal social media accounts {EVIL}."),
        ("policies/evil-academy/index.html", f"Contact with pupils {EVIL}"),
    ],
)
def test_every_field_is_shown_as_text(evil_site: Path, page: str, shown: str) -> None:
    assert shown in _read(evil_site / page).visible


def test_the_published_address_is_a_link_only_as_written(evil_site: Path) -> None:
    links: list[str] = []

    class _Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            links.extend(v for n, v in attrs if tag == "a" and n == "href" and v and v.startswith("https://example.org/"))

    _Links(convert_charrefs=True).feed((evil_site / "policies" / "evil-academy" / "index.html").read_text(encoding="utf-8"))
    assert links == ['https://example.org/p?a="><script>alert(1)</script>[x](javascript:alert(1))']
