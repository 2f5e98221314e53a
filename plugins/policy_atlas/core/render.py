"""What the pages say about dates and groups: the build date, overdue reviews, navigation groups."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

from .model import PolicyAtlasError, PolicyMeta

UNGROUPED = "Other schools"


def build_date(environ: Mapping[str, str] | None = None) -> date:
    """The date the site describes: ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (OverflowError, ValueError, OSError):
            shown = epoch if len(epoch) <= 24 else f"{epoch[:20]}..."
            raise PolicyAtlasError(
                "SOURCE_DATE_EPOCH", f"{shown} is not a date a build can describe: give seconds since 1970, up to {_LAST_EPOCH} (the end of year 9999)"
            ) from None
    return date.today()


_LAST_EPOCH = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc).timestamp())


EXAMPLE_HOSTS = ("example.org", "example.com", "example.net", "example", "invalid", "test", "localhost")
"""Names reserved for examples and tests (RFC 2606, RFC 6761): never where a site is published."""


def printed_address(site_url: str | None, page_url: str | None) -> str | None:
    """The address a printed page gives at its foot: its canonical URL when the site says where
    it is published, none when it does not (a placeholder host is not an address a reader can use)."""
    if not site_url or not page_url:
        return None
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    if not host or any(host == name or host.endswith("." + name) for name in EXAMPLE_HOSTS):
        return None
    return page_url


def review_overdue(meta: PolicyMeta, today: date) -> bool:
    return meta.next_review is not None and today > meta.next_review.last_day


def group_of(meta: PolicyMeta) -> str:
    return meta.group or UNGROUPED
