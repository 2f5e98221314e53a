"""What the pages say about dates and groups: the build date, overdue reviews, navigation groups."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone

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


def review_overdue(meta: PolicyMeta, today: date) -> bool:
    return meta.next_review is not None and today > meta.next_review.last_day


def group_of(meta: PolicyMeta) -> str:
    return meta.group or UNGROUPED
