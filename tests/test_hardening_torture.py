"""No traceback anywhere: the torture corpus, bad pages, a bad taxonomy, bad overrides, missing folders.

``tests/fixtures/torture/`` holds every shape of input a school or a hand-edit produces (encodings,
mojibake, ligatures, private-use bullets, NUL bytes, line ends, tabs, form feeds, white space, empty,
documents renamed ``.txt``, duplicate slugs, identical content, bad YAML, wrong types, unknown keys);
a 5 MB policy and a 200,000-character line are made here rather than committed. Each input is
either used or refused with one line naming the file (and line); the CLI exits non-zero on each
refusal, and a build never ends in a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from adversarial import five_megabytes

from policy_atlas.core.decode import decode_source
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import PolicyAtlasError

TORTURE = Path(__file__).parent / "fixtures" / "torture"
BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]

USED = {
    "cp1252", "crlf", "form-feeds", "identical-one", "identical-two", "ligatures", "lone-cr", "mojibake", "pua-bullets",
    "tabs", "utf16-be", "utf16-le", "utf8", "utf8-bom", "shared-slug", "long-line", "five-megabytes",
}
"""The slugs of the sources that are published (``duplicate-slug-a`` has the slug ``shared-slug``)."""

REFUSED = {
    "source_policies/bad-yaml.yml:1": "invalid YAML",
    "source_policies/duplicate-slug-b.txt": "slug 'shared-slug' (set in source_policies/duplicate-slug-b.yml) is already used",
    "source_policies/unknown-keys.yml:2": "unknown key 'headteacher'",
    "source_policies/wrong-types.yml:2": "school: expected text, found a list",
    "source_policies/empty.txt": "empty file",
    "source_policies/whitespace-only.txt": "empty file",
    "source_policies/nul-bytes.txt:5": "binary file, not text (NUL byte at line 5)",
    "source_policies/png-renamed.txt:3": "binary file",
    "source_policies/pdf-renamed.txt:1": "this is a PDF file",
    "source_policies/pdf-internals.txt:2": "this holds the inside of a PDF file",
}

def long_line() -> str:
    return "1. Staff must not " + "share pupils' details, " * 9_000 + "online.\n"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=600, check=False,
                          env={"PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"})


def _lines(stderr: str, prefix: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("path", sorted(TORTURE.glob("*.txt")), ids=lambda p: p.stem)
def test_reading_a_source_raises_nothing_but_a_clear_error(path: Path) -> None:
    try:
        text = decode_source(path.read_bytes(), path.name).text
    except PolicyAtlasError as error:
        assert str(error).startswith(path.name) and "\n" not in str(error)
        return
    policy = parse_policy(text, path.stem, path.name)
    assert policy.clauses


@pytest.fixture(scope="module")
def torture_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    project = tmp_path_factory.mktemp("torture")
    shutil.copytree(TORTURE, project / "source_policies", ignore=shutil.ignore_patterns("README.md"))
    (project / "source_policies" / "five-megabytes.txt").write_text(five_megabytes(), encoding="utf-8")
    (project / "source_policies" / "long-line.txt").write_text(long_line(), encoding="utf-8")
    shutil.copyfile(REPO / "taxonomy.yml", project / "taxonomy.yml")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Torture\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Torture\nstrict: true\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n  - policy-atlas\n", encoding="utf-8"
    )
    return project, _run("policy-atlas", "normalise", cwd=project)


@pytest.mark.slow  # normalises a whole hostile project in a subprocess, and builds it
def test_normalise_uses_every_usable_source_and_names_each_refusal(torture_project: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, done = torture_project
    assert done.returncode == 1
    errors = _lines(done.stderr, "error:")
    assert len(errors) == len(REFUSED), done.stderr
    for where, says in REFUSED.items():
        assert sum(line.startswith(f"error: {where}: {says}") for line in errors) == 1, (where, done.stderr)
    assert {p.stem for p in (project / "docs" / "policies").glob("*.md")} == USED


@pytest.mark.slow  # normalises a whole hostile project in a subprocess, and builds it
def test_a_strict_build_fails_with_one_line_per_refusal_and_no_traceback(torture_project: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    project, _ = torture_project
    done = _run("mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert done.returncode == 1
    errors = _lines(done.stderr, "ERROR")
    assert len(errors) == len(REFUSED), done.stderr
    assert _lines(done.stderr, "WARNING") == []
    published = {p.parent.name for p in (tmp_path / "site" / "policies").glob("*/index.html")}
    assert published == USED


def _project_with(tmp_path: Path, **files: str | bytes) -> Path:
    """A one-school project whose page was normalised, then ``files`` (paths in the project) written."""
    (tmp_path / "source_policies").mkdir()
    shutil.copyfile(TORTURE / "utf8.txt", tmp_path / "source_policies" / "school.txt")
    shutil.copyfile(REPO / "taxonomy.yml", tmp_path / "taxonomy.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nstrict: true\ntheme:\n  name: material\nplugins:\n  - policy-atlas\n", encoding="utf-8")
    assert _run("policy-atlas", "normalise", cwd=tmp_path).returncode == 0
    for name, content in files.items():  # "+text" is added to the end of the file
        path = tmp_path / name
        if isinstance(content, str) and content.startswith("+"):
            content = path.read_text(encoding="utf-8") + content[1:]
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return tmp_path


def _override(tmp_path: Path, old: str, new: str) -> Path:
    project = _project_with(tmp_path)
    page = project / "docs" / "policies" / "school.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return project


@pytest.mark.parametrize(
    ("files", "where", "says"),
    [
        pytest.param({"taxonomy.yml": "topics:\n  - id: x\n    label: [unclosed\n"}, "taxonomy.yml:", "YAML error", id="taxonomy-bad-yaml"),
        pytest.param({"taxonomy.yml": "+colour: red\n"}, "taxonomy.yml", "colour", id="taxonomy-unknown-key"),
        pytest.param({"taxonomy.yml": "topics: []\nnote: \x01\n"}, "taxonomy.yml", "YAML error", id="taxonomy-control-character"),
    ],
)
def test_a_bad_taxonomy_is_one_line_from_normalise_and_build(tmp_path: Path, files: dict[str, str], where: str, says: str) -> None:
    project = _project_with(tmp_path, **files)
    done = _run("policy-atlas", "normalise", cwd=project)
    assert done.returncode == 1
    (error,) = _lines(done.stderr, "error:")
    assert error.startswith(f"error: {where}") and says in error, error
    built = _run("mkdocs", "build", "--strict", cwd=project)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr
    assert any(where in line and says in line for line in built.stderr.splitlines()), built.stderr


def test_an_override_naming_an_unknown_topic_is_named_with_its_page_and_line(tmp_path: Path) -> None:
    project = _override(tmp_path, "force=prohibited}", "topics=pupil-contact,+no-such-topic force=prohibited}")
    line = next(n for n, text in enumerate((project / "docs" / "policies" / "school.md").read_text(encoding="utf-8").split("\n"), 1) if "+no-such-topic" in text)
    built = _run("mkdocs", "build", "--strict", cwd=project)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    (warning,) = _lines(built.stderr, "WARNING")
    assert f"policies/school.md:{line}: topic override +no-such-topic" in warning, warning
    done = _run("policy-atlas", "normalise", cwd=project)
    assert done.returncode == 1
    (error,) = _lines(done.stderr, "error:")
    assert f"school.md:{line}: topic override +no-such-topic" in error


def test_an_override_on_a_clause_the_source_no_longer_has_is_named(tmp_path: Path) -> None:
    project = _override(tmp_path, "force=prohibited}", "topics=pupil-contact,+images force=prohibited}")
    source = project / "source_policies" / "school.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("1. Staff must not contact", "9. Staff must not contact"), encoding="utf-8")
    done = _run("policy-atlas", "normalise", "--force", cwd=project)
    assert done.returncode == 1
    (error,) = _lines(done.stderr, "error:")
    assert "topic override +images is on clause" in error and "no longer has" in error


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(["evaluate", "no-such-folder"], "no-such-folder: no such folder of gold labels", id="missing-gold"),
        pytest.param(["--sources", "nowhere", "normalise"], "nowhere: directory not found", id="missing-sources"),
        pytest.param(["--taxonomy", "nowhere.yml", "normalise"], "nowhere.yml: cannot read taxonomy", id="missing-taxonomy"),
    ],
)
def test_missing_folders_and_files_are_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    project = _project_with(tmp_path)
    done = _run("policy-atlas", *args, cwd=project)
    assert done.returncode == 1
    (error,) = _lines(done.stderr, "error:")
    assert says in error, error


@pytest.mark.parametrize(
    ("setup", "says"),
    [
        pytest.param("wrong-encoding", "not valid UTF-8", id="page-in-cp1252"),
        pytest.param("directory", "is a directory, not a policy page", id="page-is-a-directory"),
    ],
)
def test_a_page_that_cannot_be_read_is_one_line_from_normalise(tmp_path: Path, setup: str, says: str) -> None:
    project = _project_with(tmp_path)
    page = project / "docs" / "policies" / "school.md"
    if setup == "wrong-encoding":
        page.write_bytes(page.read_text(encoding="utf-8").replace("Staff", "Staff\u2019s").encode("cp1252"))
    else:
        page.unlink()
        page.mkdir()
    done = _run("policy-atlas", "normalise", cwd=project)
    assert done.returncode == 1
    (error,) = _lines(done.stderr, "error:")
    assert "school.md" in error and says in error, error
