"""The site's Content-Security-Policy: no inline script, no request outside the site.

The site has no inline script at all (``theme/`` loads Material's start-up snippets from files),
so ``script-src 'self'`` holds with no hash to keep up to date. The policy ships twice: as a
``<meta http-equiv>`` first in every page's ``<head>`` (so it also holds in the offline copy opened
from ``file://``, and before any value the theme prints in the head), and as a ``_headers`` file
for hosts that read one (Netlify, Cloudflare Pages), with what only a header can say.
"""

from __future__ import annotations

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # data: for the icons in Material's own style sheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
    ("object-src", "'none'"),
)
HEADER_ONLY = frozenset({"frame-ancestors"})
"""Directives a ``<meta>`` policy may not carry (a browser ignores them there, with a console error)."""
OTHER_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
)


def policy(meta: bool = False) -> str:
    """The policy as a header's value, or (``meta``) as a ``<meta http-equiv>`` may carry it."""
    return "; ".join(f"{name} {value}" for name, value in DIRECTIVES if not (meta and name in HEADER_ONLY))


def headers_file() -> str:
    """``_headers``: the policy and its companions on every path of the site."""
    lines = [("Content-Security-Policy", policy()), *OTHER_HEADERS]
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in lines)
