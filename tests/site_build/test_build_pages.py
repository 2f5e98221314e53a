"""Pages and sources out of step: stale, edited, orphaned, missing and foreign pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import HILLSIDE_TXT, school_html, write_sources

PAGE = "policies/hillside-academy.md"
SOURCE = "source_policies/hillside-academy.txt"
CHANGED_SOURCE = HILLSIDE_TXT + "\nStaff must not use personal email to contact parents.\n"


def _page(project: Path, slug: str = "hillside-academy") -> Path:
    return project / "docs" / "policies" / f"{slug}.md"


def _edit_by_hand(project: Path) -> bytes:
    page = _page(project)
    text = page.read_text(encoding="utf-8")
    assert "never share their login details" in text
    page.write_text(
        text.replace("never share their login details", "never share their passwords"), encoding="utf-8"
    )
    return page.read_bytes()


def test_changed_source_makes_the_page_stale_until_normalised(
    project: Path,
    normalise: Callable[..., int],
    build: Callable[..., Path],
    failed_build: Callable[..., str],
) -> None:
    write_sources(project, {"hillside-academy.txt": CHANGED_SOURCE})
    messages = failed_build(project)
    stale = [line for line in messages.splitlines() if "stale" in line]
    assert len(stale) == 1, messages
    assert PAGE in stale[0] and SOURCE in stale[0] and "policy-atlas normalise" in stale[0]

    assert normalise(project, "--quiet") == 0
    site = build(project)
    assert "personal email to contact parents" in school_html(site, "hillside-academy")


def test_edited_page_is_kept_until_forced(
    project: Path, normalise: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    original = _page(project).read_bytes()
    edited = _edit_by_hand(project)
    capsys.readouterr()

    assert normalise(project) == 1
    err = capsys.readouterr().err
    refused = [line for line in err.splitlines() if "hillside-academy.md" in line]
    assert len(refused) == 1, err
    assert "edited" in refused[0] and "--force" in refused[0]
    assert _page(project).read_bytes() == edited

    assert normalise(project, "--force") == 0
    assert _page(project).read_bytes() == original


def test_edited_page_is_what_the_site_shows(project: Path, build: Callable[..., Path]) -> None:
    _edit_by_hand(project)
    assert "never share their passwords" in school_html(build(project), "hillside-academy")


@pytest.mark.parametrize(
    "new_source",
    [
        pytest.param(CHANGED_SOURCE.encode(), id="text-changed"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", id="now-binary"),
    ],
)
def test_edited_page_whose_source_changed_fails_the_build(
    project: Path, failed_build: Callable[..., str], new_source: bytes
) -> None:
    _edit_by_hand(project)
    write_sources(project, {"hillside-academy.txt": new_source})
    messages = failed_build(project)
    assert any(SOURCE in line for line in messages.splitlines()), messages


def test_page_without_a_source_fails_the_build(project: Path, failed_build: Callable[..., str]) -> None:
    _page(project, "old-school").write_bytes(_page(project).read_bytes())
    messages = failed_build(project)
    assert any("policies/old-school.md" in line and "no source" in line for line in messages.splitlines()), (
        messages
    )


def test_missing_page_fails_the_build_and_says_to_normalise(
    project: Path, failed_build: Callable[..., str]
) -> None:
    _page(project).unlink()
    messages = failed_build(project)
    missing = [line for line in messages.splitlines() if SOURCE in line]
    assert len(missing) == 1, messages
    assert PAGE in missing[0] and "policy-atlas normalise" in missing[0]


def test_page_not_written_by_policy_atlas_fails_the_build(
    project: Path, failed_build: Callable[..., str]
) -> None:
    _page(project).write_text("# Hillside Academy\n\nStaff must be kind online.\n", encoding="utf-8")
    messages = failed_build(project)
    assert any(PAGE in line and "--force" in line for line in messages.splitlines()), messages
