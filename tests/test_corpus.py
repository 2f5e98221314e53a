"""Unit tests of the page front matter record and of page states, without MkDocs."""

from __future__ import annotations

import pytest

from policy_atlas.core.corpus import FRONT_MATTER_KEY, PageState, canonical_body, front_matter_problems, page_state, sha256_hex

GOOD = {"format": 1, "slug": "s", "source": "s.txt", "source_sha256": "a", "body_sha256": "b", "source_notes": []}


@pytest.mark.parametrize(
    ("record", "messages"),
    [
        pytest.param(GOOD, [], id="valid"),
        pytest.param({**GOOD, "format": "1"}, ["front matter: policy_atlas.format must be int"], id="wrong-type"),
        pytest.param({k: v for k, v in GOOD.items() if k != "slug"}, ["front matter: policy_atlas.slug must be str"], id="missing"),
        pytest.param({**GOOD, "colour": "red"}, ["front matter: unknown key policy_atlas.colour"], id="unknown"),
    ],
)
def test_front_matter_record_is_checked(record: dict[str, object], messages: list[str]) -> None:
    found = front_matter_problems({FRONT_MATTER_KEY: record}, "policies/s.md")
    assert [d.message for d in found] == messages
    assert all(str(d).startswith("policies/s.md: ") for d in found)


def _page(body: str, source: bytes, body_hash: str | None = None) -> str:
    digest = body_hash or sha256_hex(canonical_body(body).encode())
    return (
        f"---\n{FRONT_MATTER_KEY}:\n  format: 1\n  slug: s\n  source: s.txt\n"
        f"  source_sha256: {sha256_hex(source)}\n  body_sha256: {digest}\n  source_notes: []\n---\n{body}"
    )


BODY = "\n§ 1 {#s/1 lines=1 topics=images}\nStaff must ask.\n"


@pytest.mark.parametrize(
    ("page", "source", "state"),
    [
        pytest.param(None, b"x", PageState.MISSING, id="missing"),
        pytest.param(_page(BODY, b"x"), b"x", PageState.CURRENT, id="current"),
        pytest.param(_page(BODY, b"x"), b"y", PageState.STALE, id="stale"),
        pytest.param(_page(BODY, b"x").replace("Staff must ask.", "Staff must ask first."), b"x", PageState.EDITED, id="edited"),
        pytest.param(_page(BODY, b"x").replace("topics=images", "topics=images,+discipline,-images"), b"x", PageState.CURRENT, id="overrides-are-not-edits"),
        pytest.param("# A page of my own\n", b"x", PageState.FOREIGN, id="foreign"),
    ],
)
def test_page_state(page: str | None, source: bytes, state: PageState) -> None:
    assert page_state(page, source) is state
