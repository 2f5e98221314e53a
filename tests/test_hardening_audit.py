"""The page audit reads HTML as a browser does (issue 19): the parser differentials that Python's
``HTMLParser`` missed, a published XSS corpus, and what a page's content never needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_atlas.core.sanitise import audit_content, audit_page, visible_text

VECTORS = json.loads((Path(__file__).parent / "fixtures" / "xss" / "vectors.json").read_text(encoding="utf-8"))["vectors"]


def _theme_only(src: str) -> bool:
    return src.startswith("../assets/javascripts/")


def in_page(fragment: str) -> str:
    """``fragment`` inside a page's body, as the theme prints front matter or content."""
    return f"<!doctype html><html><head><title>t</title></head><body><p>before</p>{fragment}<p>after</p></body></html>"


DIFFERENTIALS = [
    "<!--><script>alert(1)</script>",
    "<!---><script>alert(1)</script>",
    "<!-- --!><script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<![CDATA[><script>alert(1)</script>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>">',
    '<meta name="description" content=""><noembed><img title="</noembed><img src=x onerror=alert(document.domain)>">">',
]


@pytest.mark.parametrize("fragment", DIFFERENTIALS)
def test_the_parser_differentials_are_found(fragment: str) -> None:
    assert audit_page(in_page(fragment), _theme_only).problems != []


@pytest.mark.parametrize("entry", VECTORS, ids=[f"{n}" for n in range(len(VECTORS))])
def test_every_vector_of_the_corpus_is_found(entry: dict[str, str]) -> None:
    assert audit_page(in_page(entry["vector"]), _theme_only).problems != [], entry["section"]


@pytest.mark.parametrize(
    "fragment",
    [
        '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">x</p>',
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
        "<pre><code>&lt;!--&gt;&lt;script&gt;</code></pre>",
        '<a href="../data/sources/a.txt" title="on error">onerror=x</a>',
        '<script src="../assets/javascripts/bundle.js"></script><script type="application/json" id="__config">{"a": "</p>"}</script>',
    ],
)
def test_text_that_only_looks_like_markup_is_not(fragment: str) -> None:
    assert audit_page(in_page(fragment), _theme_only).problems == []


@pytest.mark.parametrize(
    ("fragment", "found"),
    [
        ('<img src="https://tracker.example/p.gif" alt="">', "a request to another host"),
        ('<img src="//tracker.example/p.gif" alt="">', "a request to another host"),
        ('<form method="post"><input type="password" name="p"><button type="submit">Sign in</button></form>', "a form control"),
        ('<div class="md-dialog md-dialog--active"><div class="md-dialog__inner md-typeset">Session expired</div></div>', "the theme's own class 'md-dialog'"),
        ('<div class="pa-search"><h2>Search</h2></div>', "the theme's own class 'pa-search'"),
        ('<div id="__config">{}</div>', "the theme's own id '__config'"),
        ('<svg><image href="https://tracker.example/p.svg"></image></svg>', "a request to another host"),
    ],
)
def test_content_that_no_page_needs_is_found(fragment: str, found: str) -> None:
    problems = audit_content(fragment, _theme_only, forms_allowed=False).problems
    assert any(found in p for p in problems), problems


@pytest.mark.parametrize(
    "fragment",
    [
        '<a href="https://www.example.org/policy.pdf">the school\'s own copy</a>',
        '<button class="pa-clause__copy" type="button" data-href="#x" hidden>Copy link</button>',
        '<a class="md-button md-button--primary" href="../find-a-clause/">Find a clause</a>',
        '<img src="../img/logo.png" alt="">',
    ],
)
def test_what_the_site_s_own_content_uses_is_not(fragment: str) -> None:
    assert audit_content(fragment, _theme_only, forms_allowed=False).problems == []


def test_only_the_clause_finder_has_a_form() -> None:
    form = '<form class="pa-finder" method="get"><label for="q">Words</label><input id="q" name="q"><select name="t"><option value="a">A</option></select></form>'
    assert audit_content(form, _theme_only, forms_allowed=True).problems == []
    assert audit_content(form, _theme_only, forms_allowed=False).problems != []


def test_visible_text_is_what_a_reader_sees() -> None:
    html = '<title>T &amp; x</title><p>a <b>b</b></p><script>s()</script><style>p{}</style><noscript>n</noscript><p>c &lt; d</p>'
    assert visible_text(html) == "T & x a b c < d"
