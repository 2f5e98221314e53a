"""What the pages say about dates and groups: the build date, overdue reviews, navigation groups."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone

from .model import PolicyMeta

UNGROUPED = "Other schools"


def build_date(environ: Mapping[str, str] | None = None) -> date:
    """The date the site describes: ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def review_overdue(meta: PolicyMeta, today: date) -> bool:
    return meta.next_review is not None and today > meta.next_review.last_day


def group_of(meta: PolicyMeta) -> str:
    return meta.group or UNGROUPED
