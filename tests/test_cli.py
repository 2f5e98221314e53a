"""The command line as a user types it: options before or after the command, and a school
named by a slug no source has is an error, not a silent success."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.cli import _parser, main


def _project(root: Path) -> Path:
    """A project of one small text policy and no taxonomy."""
    (root / "source_policies").mkdir(parents=True)
    (root / "source_policies" / "hill-school.txt").write_text(
        "Social media\n1. Staff must not befriend pupils on social media.\n2. Staff should report concerns.\n", encoding="utf-8"
    )
    (root / "source_policies" / "hill-school.yml").write_text("school: Hill School\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "argv",
    [
        ["--project", "P", "--no-cache", "normalise", "--quiet"],
        ["normalise", "--project", "P", "--no-cache", "--quiet"],
        ["--no-cache", "normalise", "--project", "P", "--quiet"],
        ["--project", "elsewhere", "normalise", "--project", "P", "--no-cache", "--quiet"],
    ],
)
def test_global_options_are_read_before_or_after_the_command(argv: list[str]) -> None:
    args = _parser().parse_args(argv)
    assert (args.project, args.no_cache, args.quiet, args.command) == (Path("P"), True, True, "normalise")


@pytest.mark.parametrize("command", [["normalise"], ["evaluate", "SET"], ["model", "--format", "md", "--out", "x.md"]])
def test_an_option_left_out_after_the_command_keeps_the_one_given_before(command: list[str]) -> None:
    args = _parser().parse_args(["--project", "P", "--pages", "Q", "--taxonomy", "T", *command])
    assert (args.project, args.pages, args.taxonomy, args.sources, args.no_cache) == (Path("P"), Path("Q"), Path("T"), None, False)
    assert _parser().parse_args(command).project == Path(".")


@pytest.mark.parametrize("where", ["before", "after"])
def test_normalise_writes_the_page_whichever_side_project_is_given(tmp_path: Path, where: str) -> None:
    root = _project(tmp_path)
    options = ["--project", str(root), "--no-cache"]
    argv = [*options, "normalise", "--quiet"] if where == "before" else ["normalise", *options, "--quiet"]
    assert main(argv) == 0
    assert (root / "docs" / "policies" / "hill-school.md").is_file()


@pytest.mark.parametrize(
    ("slugs", "status", "named"),
    [
        (["hill-school"], 0, None),
        (["no-such-school"], 1, "no-such-school"),
        (["hill-school", "hil-school"], 1, "hil-school"),
    ],
)
def test_a_slug_no_source_has_fails_with_a_message_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slugs: list[str], status: int, named: str | None
) -> None:
    root = _project(tmp_path)
    assert main(["normalise", "--project", str(root), "--no-cache", "--quiet", *slugs]) == status
    err = capsys.readouterr().err
    if named is None:
        assert err == ""
        return
    assert f"no school has the slug '{named}'" in err and "the slugs are: hill-school" in err
    assert "Traceback" not in err
    assert not (root / "docs" / "policies" / "hill-school.md").exists()  # nothing written on a typo
