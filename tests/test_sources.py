"""Finding policies in ``source_policies/`` and reading their sidecars, with exact messages."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from policy_atlas.core.model import Diagnostic, PolicyAtlasError, PolicyDate, PolicyMeta, Severity
from policy_atlas.core.sources import Source, discover_sources, slugify, title_from_stem

KEYS = "approved_by, group, last_reviewed, next_review, school, slug, title, url"
DATE_HINT = "(use YYYY-MM-DD, YYYY-MM or 'September 2025')"


def make_sources(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` into ``tmp_path/source_policies`` and return that directory."""
    directory = tmp_path / "source_policies"
    directory.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (directory / name).write_bytes(data)
    return directory


LEFT_OUT = "; this policy is left out"


def error_for(tmp_path: Path, files: dict[str, str | bytes]) -> str:
    """The one error about a policy that is left out, without the "left out" ending."""
    directory = make_sources(tmp_path, files)
    sources, diagnostics = discover_sources(directory)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1, diagnostics
    assert str(errors[0]).endswith(LEFT_OUT)
    return str(errors[0]).removesuffix(LEFT_OUT)


def meta_for(tmp_path: Path, sidecar: str) -> PolicyMeta:
    directory = make_sources(tmp_path, {"x.txt": "policy", "x.yml": sidecar})
    sources, _ = discover_sources(directory)
    return sources[0].meta


# --- slugs and names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("northgate-primary", "northgate-primary"),
        ("Northgate Primary", "northgate-primary"),
        ("  St. Mary's C of E  ", "st-mary-s-c-of-e"),
        ("École Saint-Joseph", "ecole-saint-joseph"),
        ("Zoë_Brontë__Academy", "zoe-bronte-academy"),
        ("ﬁve ways", "five-ways"),
        ("Year 7 & 8", "year-7-8"),
        ("--a--b--", "a-b"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


@pytest.mark.parametrize("text", ["", "---", "  ", "日本"])
def test_slugify_rejects_text_without_letters_or_digits(text: str) -> None:
    with pytest.raises(ValueError):
        slugify(text)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("northgate-primary", "Northgate Primary"),
        ("st_marys_CE", "St Marys CE"),
        ("Northgate Primary", "Northgate Primary"),
        ("oak--hill  school", "Oak Hill School"),
    ],
)
def test_title_from_stem(stem: str, expected: str) -> None:
    assert title_from_stem(stem) == expected


# --- discovery ---------------------------------------------------------------------------


def test_bare_txt_gets_defaults_from_its_name(tmp_path: Path) -> None:
    directory = make_sources(tmp_path, {"northgate-primary.txt": "policy"})
    assert discover_sources(directory) == (
        (
            Source(
                meta=PolicyMeta(
                    slug="northgate-primary",
                    school="Northgate Primary",
                    title="Social media policy",
                    source_file="source_policies/northgate-primary.txt",
                ),
                path=directory / "northgate-primary.txt",
                metadata_path=None,
            ),
        ),
        (),
    )


FULL_SIDECAR = """\
school: Northgate Primary School
title: Social Media Policy
slug: northgate
approved_by: Northgate Governing Body
last_reviewed: 2025-09
next_review: 2026-09-01
group: Knowsley
url: https://example.org/policies/social-media.pdf
"""


@pytest.mark.parametrize("suffix", [".yml", ".yaml"])
def test_txt_with_sidecar(tmp_path: Path, suffix: str) -> None:
    directory = make_sources(
        tmp_path, {"northgate-primary.txt": "policy", f"northgate-primary{suffix}": FULL_SIDECAR}
    )
    sources, diagnostics = discover_sources(directory)
    assert diagnostics == ()
    assert sources == (
        Source(
            meta=PolicyMeta(
                slug="northgate",
                school="Northgate Primary School",
                title="Social Media Policy",
                source_file="source_policies/northgate-primary.txt",
                approved_by="Northgate Governing Body",
                last_reviewed=PolicyDate(date(2025, 9, 1), month_only=True),
                next_review=PolicyDate(date(2026, 9, 1), month_only=False),
                group="Knowsley",
                url="https://example.org/policies/social-media.pdf",
            ),
            path=directory / "northgate-primary.txt",
            metadata_path=directory / f"northgate-primary{suffix}",
        ),
    )


def test_minimal_sidecar_keeps_defaults(tmp_path: Path) -> None:
    assert meta_for(tmp_path, "school: '  Oak Hill  '\ntitle:\n") == PolicyMeta(
        slug="x",
        school="Oak Hill",
        title="Social media policy",
        source_file="source_policies/x.txt",
    )


def test_values_are_kept_as_written_not_converted_by_yaml(tmp_path: Path) -> None:
    meta = meta_for(tmp_path, "school: 1066 Academy\ngroup: NO\napproved_by: yes\n")
    assert (meta.school, meta.group, meta.approved_by) == ("1066 Academy", "NO", "yes")


def test_sidecar_may_name_a_slug_for_an_unsluggable_file_name(tmp_path: Path) -> None:
    directory = make_sources(
        tmp_path, {"日本.txt": "policy", "日本.yml": "school: A\nslug: nihon\n"}
    )
    sources, _ = discover_sources(directory)
    assert sources[0].meta.slug == "nihon"


def test_raw_text_is_never_modified(tmp_path: Path) -> None:
    raw = b"\xff\xfe not UTF-8 \r\n\x00 at all"
    directory = make_sources(tmp_path, {"x.txt": raw})
    discover_sources(directory)
    assert (directory / "x.txt").read_bytes() == raw


def test_orphan_sidecar_is_a_warning(tmp_path: Path) -> None:
    directory = make_sources(
        tmp_path, {"a.txt": "policy", "z.yml": "school: Z\n", "m.yaml": "not: even valid"}
    )
    sources, diagnostics = discover_sources(directory)
    assert [s.meta.slug for s in sources] == ["a"]
    assert diagnostics == (
        Diagnostic(
            path="source_policies/m.yaml",
            line=None,
            code="orphan-metadata",
            message="no source_policies/m.txt (or .docx, .pdf) to describe; file ignored",
            severity=Severity.WARNING,
        ),
        Diagnostic(
            path="source_policies/z.yml",
            line=None,
            code="orphan-metadata",
            message="no source_policies/z.txt (or .docx, .pdf) to describe; file ignored",
            severity=Severity.WARNING,
        ),
    )


def test_hidden_and_unrelated_files_are_ignored(tmp_path: Path) -> None:
    directory = make_sources(
        tmp_path,
        {
            "a.txt": "policy",
            ".hidden.txt": "draft",
            ".a.yml": "school: [broken",
            ".DS_Store": b"\x00\x01",
            "README.md": "# About these files",
            "notes.xlsx": b"PK\x03\x04",  # a PDF or Word file is a source; a spreadsheet is not
            "a.yml~": "school: backup",
        },
    )
    (directory / "folder.txt").mkdir()
    (directory / ".git").mkdir()
    sources, diagnostics = discover_sources(directory)
    assert [s.path.name for s in sources] == ["a.txt"]
    assert diagnostics == ()


NAMES = ("b-school.txt", "A School.txt", "c.txt", "a-school-2.txt", "b-school.yml")


@pytest.mark.parametrize("order", list(itertools.permutations(NAMES))[::17])
def test_order_is_by_name_whatever_the_creation_order(
    tmp_path: Path, order: tuple[str, ...]
) -> None:
    directory = tmp_path / "source_policies"
    directory.mkdir()
    for name in order:
        content = "school: B\n" if name.endswith(".yml") else "policy"
        (directory / name).write_text(content, encoding="utf-8")
    sources, _ = discover_sources(directory)
    assert [s.path.name for s in sources] == [
        "A School.txt",
        "a-school-2.txt",
        "b-school.txt",
        "c.txt",
    ]
    assert [s.meta.slug for s in sources] == ["a-school", "a-school-2", "b-school", "c"]


def test_paths_in_messages_follow_the_directory_given(tmp_path: Path) -> None:
    directory = tmp_path / "policies" / "in" / "here"
    directory.mkdir(parents=True)
    (directory / "x.txt").write_text("policy", encoding="utf-8")
    sources, _ = discover_sources(directory)
    assert sources[0].meta.source_file == "here/x.txt"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"x.txt": "p", "x.yml": "school: A\n", "x.yaml": "school: A\n"},
            "source_policies/x.yml: source_policies/x.yaml also exists; "
            "keep only one metadata file per policy",
            id="yml-and-yaml",
        ),
        pytest.param(
            {"northgate-primary.txt": "p", "Northgate Primary.txt": "p"},
            "source_policies/northgate-primary.txt: slug 'northgate-primary' is already used by "
            "source_policies/Northgate Primary.txt",
            id="slug-clash-by-stem",
        ),
        pytest.param(
            {"a.txt": "p", "b.txt": "p", "b.yml": "school: B\nslug: a\n"},
            "source_policies/b.txt: slug 'a' (set in source_policies/b.yml) is already used by "
            "source_policies/a.txt",
            id="slug-clash-by-slug-key",
        ),
        pytest.param(
            {"a.txt": "p", "a.yml": "school: A\nslug: b\n", "b.txt": "p"},
            "source_policies/b.txt: slug 'b' is already used by source_policies/a.txt "
            "(set in source_policies/a.yml)",
            id="slug-clash-with-earlier-slug-key",
        ),
        pytest.param(
            {"___.txt": "p"},
            "source_policies/___.txt: the file name has no letters or digits to make a slug "
            "from; rename it or set 'slug:' in source_policies/___.yml",
            id="unsluggable-name",
        ),
        pytest.param(
            {"___.txt": "p", "___.yml": "school: A\n"},
            "source_policies/___.yml: missing key 'slug': the file name has no letters or "
            "digits to make one from",
            id="unsluggable-name-sidecar-without-slug",
        ),
    ],
)
def test_discovery_errors(tmp_path: Path, files: dict[str, str | bytes], expected: str) -> None:
    assert error_for(tmp_path, files) == expected


@pytest.mark.parametrize("files", [pytest.param({}, id="empty"), pytest.param({"README.md": "# x", "a.yml": "school: A\n"}, id="no-txt")])
def test_nothing_to_build(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    with pytest.raises(PolicyAtlasError) as caught:
        discover_sources(make_sources(tmp_path, files))
    assert str(caught.value) == "source_policies: no policy sources (*.txt, *.docx or *.pdf) found"


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(PolicyAtlasError) as caught:
        discover_sources(tmp_path / "source_policies")
    assert str(caught.value) == "source_policies: directory not found"


def test_file_instead_of_directory(tmp_path: Path) -> None:
    (tmp_path / "source_policies").write_text("oops", encoding="utf-8")
    with pytest.raises(PolicyAtlasError) as caught:
        discover_sources(tmp_path / "source_policies")
    assert str(caught.value) == "source_policies: not a directory"


# --- sidecar contents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-09-01", PolicyDate(date(2025, 9, 1), month_only=False)),
        ("'2025-09-15'", PolicyDate(date(2025, 9, 15), month_only=False)),
        ("2025-09", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("2025-9", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("2025-9-3", PolicyDate(date(2025, 9, 3), month_only=False)),
        ("September 2025", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("september 2025", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("Sept 2025", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("Sep. 2025", PolicyDate(date(2025, 9, 1), month_only=True)),
        ("'May 2026'", PolicyDate(date(2026, 5, 1), month_only=True)),
        ("", None),
        ("~", None),
    ],
)
def test_date_forms(tmp_path: Path, written: str, expected: PolicyDate | None) -> None:
    meta = meta_for(tmp_path, f"school: A\nlast_reviewed: {written}\nnext_review: {written}\n")
    assert (meta.last_reviewed, meta.next_review) == (expected, expected)


@pytest.mark.parametrize(
    ("sidecar", "expected"),
    [
        pytest.param(
            "school: A\ntitle: B\nslug: x\naproved_by: C\n",
            f"source_policies/x.yml:4: unknown key 'aproved_by' (expected one of: {KEYS})",
            id="unknown-key",
        ),
        pytest.param(
            "? [a, b]\n: c\n",
            "source_policies/x.yml:1: expected a key name, found a list",
            id="key-not-a-name",
        ),
        pytest.param(
            "school:\n  - A\n  - B\n",
            "source_policies/x.yml:2: school: expected text, found a list",
            id="list-for-school",
        ),
        pytest.param(
            "school: A\ntitle: {a: 1}\n",
            "source_policies/x.yml:2: title: expected text, found a mapping",
            id="mapping-for-title",
        ),
        pytest.param(
            "school: |\n  Oak\n  Hill\n",
            "source_policies/x.yml:1: school: must be on one line",
            id="multi-line-school",
        ),
        pytest.param(
            "school: A\ntitle: B\nlast_reviewed: Septober 2025\n",
            "source_policies/x.yml:3: last_reviewed: cannot read 'Septober 2025' as a date "
            f"{DATE_HINT}",
            id="unparseable-date",
        ),
        pytest.param(
            "school: A\nnext_review: 2025-02-30\n",
            f"source_policies/x.yml:2: next_review: cannot read '2025-02-30' as a date {DATE_HINT}",
            id="impossible-date",
        ),
        pytest.param(
            "school: A\nnext_review: 2025-13\n",
            f"source_policies/x.yml:2: next_review: cannot read '2025-13' as a date {DATE_HINT}",
            id="impossible-month",
        ),
        pytest.param(
            "school: A\nlast_reviewed: 2025\n",
            f"source_policies/x.yml:2: last_reviewed: cannot read '2025' as a date {DATE_HINT}",
            id="year-only",
        ),
        pytest.param(
            "school: A\nlast_reviewed: 1 September 2025\n",
            "source_policies/x.yml:2: last_reviewed: cannot read '1 September 2025' as a date "
            f"{DATE_HINT}",
            id="day-month-year",
        ),
        pytest.param(
            "school: A\nlast_reviewed:\n  - 2025-09\n",
            "source_policies/x.yml:3: last_reviewed: expected a date, found a list",
            id="list-for-date",
        ),
        pytest.param(
            "- school: A\n",
            "source_policies/x.yml:1: expected keys and values (such as 'school: <name>'), "
            "found a list",
            id="list-document",
        ),
        pytest.param(
            "just some words\n",
            "source_policies/x.yml:1: expected keys and values (such as 'school: <name>'), "
            "found a single value",
            id="scalar-document",
        ),
        pytest.param(
            "",
            "source_policies/x.yml: empty metadata file: expected at least 'school: <name>'",
            id="empty-file",
        ),
        pytest.param(
            "# nothing yet\n",
            "source_policies/x.yml: empty metadata file: expected at least 'school: <name>'",
            id="comment-only",
        ),
        pytest.param(
            "school: A\n  title: B\n",
            "source_policies/x.yml:2: invalid YAML: mapping values are not allowed here",
            id="syntax-error",
        ),
        pytest.param(
            "school: A\ntitle: [B\n",
            "source_policies/x.yml:3: invalid YAML: expected ',' or ']', but got '<stream end>'",
            id="unclosed-list",
        ),
        pytest.param(
            "school: A\n---\nschool: B\n",
            "source_policies/x.yml:2: invalid YAML: expected a single document in the stream, "
            "but found another document",
            id="two-documents",
        ),
        pytest.param(
            "school: *name\n",
            "source_policies/x.yml:1: YAML alias (*name) at line 1: aliases are not allowed here; write the value out",
            id="undefined-alias",
        ),
        pytest.param(
            "school: A\x00\n",
            "source_policies/x.yml:1: invalid YAML: character #x0000 is not allowed",
            id="control-character",
        ),
        pytest.param(
            "school: A\ntitle: B\nschool: C\n",
            "source_policies/x.yml:3: duplicate key 'school' (first given on line 1)",
            id="duplicate-key",
        ),
        pytest.param(
            "title: B\n",
            "source_policies/x.yml: missing required key 'school'",
            id="missing-school",
        ),
        pytest.param(
            "school: '   '\n",
            "source_policies/x.yml:1: school: must not be empty",
            id="blank-school",
        ),
        pytest.param(
            "title: B\nschool:\n",
            "source_policies/x.yml:2: school: must not be empty",
            id="null-school",
        ),
        pytest.param(
            "school: A\nslug: Northgate Primary\n",
            "source_policies/x.yml:2: slug: 'Northgate Primary' is not a slug (use lowercase "
            "letters, digits and single hyphens, e.g. 'northgate-primary')",
            id="slug-not-a-slug",
        ),
        pytest.param(
            "school: A\nslug: a--b\n",
            "source_policies/x.yml:2: slug: 'a--b' is not a slug (use lowercase letters, digits "
            "and single hyphens, e.g. 'a-b')",
            id="slug-double-hyphen",
        ),
        pytest.param(
            "school: A\nurl: ftp://example.org/policy.pdf\n",
            "source_policies/x.yml:2: url: 'ftp://example.org/policy.pdf' is not a web address "
            "(use http:// or https://)",
            id="ftp-url",
        ),
        pytest.param(
            "school: A\nurl: javascript:alert(1)\n",
            "source_policies/x.yml:2: url: 'javascript:alert(1)' is not a web address "
            "(use http:// or https://)",
            id="javascript-url",
        ),
        pytest.param(
            "school: A\nurl: www.example.org\n",
            "source_policies/x.yml:2: url: 'www.example.org' is not a web address "
            "(use http:// or https://)",
            id="url-without-scheme",
        ),
        pytest.param(
            "school: A\n\nurl: https://\n",
            "source_policies/x.yml:3: url: 'https://' is not a web address "
            "(use http:// or https://)",
            id="url-without-host",
        ),
        pytest.param(
            b"school: Caf\xe9\n",
            "source_policies/x.yml:1: not valid UTF-8; save the file as UTF-8",
            id="latin-1-file",
        ),
    ],
)
def test_malformed_sidecar(tmp_path: Path, sidecar: str | bytes, expected: str) -> None:
    assert error_for(tmp_path, {"x.txt": "policy", "x.yml": sidecar}) == expected


def test_error_carries_path_and_line(tmp_path: Path) -> None:
    directory = make_sources(tmp_path, {"x.txt": "p", "x.yml": "school: A\nbogus: 1\n"})
    sources, diagnostics = discover_sources(directory)
    assert sources == ()
    assert [(d.path, d.line, d.severity) for d in diagnostics] == [("source_policies/x.yml", 2, Severity.ERROR)]


def test_one_bad_policy_never_stops_the_others(tmp_path: Path) -> None:
    directory = make_sources(
        tmp_path,
        {"a.txt": "p", "b.txt": "p", "b.yml": "school: [1, 2]\n", "c.txt": "p", "c.yml": "school: C\nslug: a\n", "d.txt": "p"},
    )
    sources, diagnostics = discover_sources(directory)
    assert [s.meta.slug for s in sources] == ["a", "d"]
    assert [(d.path, d.code) for d in diagnostics] == [("source_policies/b.yml", "bad-metadata"), ("source_policies/c.txt", "duplicate-slug")]


def test_a_link_to_a_file_elsewhere_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish", encoding="utf-8")
    directory = make_sources(tmp_path, {"a.txt": "p"})
    (directory / "leak.txt").symlink_to(secret)
    (directory / "near.txt").symlink_to(directory / "a.txt")
    sources, diagnostics = discover_sources(directory)
    assert [s.meta.slug for s in sources] == ["a", "near"]
    assert [str(d) for d in diagnostics] == [
        "source_policies/leak.txt: is a symbolic link to a file outside the sources directory; it is not read; this policy is left out"
    ]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    directory = make_sources(
        tmp_path, {"x.txt": "p", "x.yml": b"\xef\xbb\xbfschool: Caf\xc3\xa9\n"}
    )
    sources, _ = discover_sources(directory)
    assert sources[0].meta.school == "Café"


def test_a_link_to_nothing_is_reported_not_lost(tmp_path: Path) -> None:
    directory = make_sources(tmp_path, {"a.txt": "p"})
    (directory / "gone.txt").symlink_to(directory / "deleted.txt")
    (directory / "loop.txt").symlink_to(directory / "loop.txt")
    sources, diagnostics = discover_sources(directory)
    assert [s.meta.slug for s in sources] == ["a"]
    assert [str(d) for d in diagnostics] == [
        f"source_policies/{name}: is a symbolic link to nothing (its target is missing, or the link loops); it is not read; "
        "this policy is left out"
        for name in ("gone.txt", "loop.txt")
    ]


@pytest.mark.parametrize(
    ("stem", "shown"),
    [
        pytest.param("a\nINFO    -  Documentation built", r"a\nINFO    -  Documentation built", id="newline"),
        pytest.param("a\x1b[2Kb", r"a\x1b[2Kb", id="terminal-escape"),
        pytest.param("a\u202eb", r"a\u202eb", id="bidi"),
    ],
)
def test_a_file_name_that_could_forge_a_log_line_is_shown_escaped(tmp_path: Path, stem: str, shown: str) -> None:
    directory = make_sources(tmp_path, {f"{stem}.txt": "p", f"{stem}.yml": "school: [1]\n"})
    _, diagnostics = discover_sources(directory)
    (line,) = [str(d) for d in diagnostics]
    assert line.startswith(f"'source_policies/{shown}.yml':1: school: "), line
    assert line.isprintable(), line


@pytest.mark.parametrize(
    ("files", "school", "removed"),
    [
        pytest.param({"x.txt": "p", "x.yml": "school: Northgate\u202e Primary\u200b\ngroup: \u2066Primary\u2069\n"}, "Northgate Primary", "U+202E", id="sidecar"),
        pytest.param({"north\u202egate.txt": "p"}, "Northgate", "U+202E", id="file-name"),
    ],
)
def test_bidi_and_zero_width_characters_are_removed_from_names_with_a_note(
    tmp_path: Path, files: dict[str, str], school: str, removed: str
) -> None:
    directory = make_sources(tmp_path, files)
    (source,), diagnostics = discover_sources(directory)
    assert source.meta.school == school
    assert source.meta.group in (None, "Primary")
    (note,) = diagnostics
    assert note.severity is Severity.NOTE and removed in note.message and "school" in note.message


def test_a_joiner_that_spells_a_word_is_kept(tmp_path: Path) -> None:
    """Persian and Indic scripts write some words with a zero-width (non-)joiner between letters."""
    directory = make_sources(tmp_path, {"x.txt": "p", "x.yml": "school: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\nslug: x\n"})
    (source,), diagnostics = discover_sources(directory)
    assert source.meta.school == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" and diagnostics == ()


# --- a folder of dated versions ----------------------------------------------------------------


def make_tree(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """``make_sources`` with paths that may name a school's folder of versions (``x/2024-09.txt``)."""
    directory = tmp_path / "source_policies"
    for name, content in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    directory.mkdir(exist_ok=True)
    return directory


def test_a_folder_of_versions_is_one_school_whose_newest_version_is_its_policy(tmp_path: Path) -> None:
    directory = make_tree(
        tmp_path,
        {
            "oak-hill/2023-09.txt": "old",
            "oak-hill/2025-09-01.txt": "newest",
            "oak-hill/draft.txt": "the middle one",
            "oak-hill/draft.yml": "last_reviewed: March 2024\napproved_by: Finance committee\n",
            "oak-hill.yml": "school: Oak Hill School\n",
            "plain.txt": "one file, as ever",
        },
    )
    sources, diagnostics = discover_sources(directory)
    assert diagnostics == ()
    oak, plain = sources
    assert [v.label for v in oak.versions] == ["2023-09", "2024-03", "2025-09-01"]
    assert [v.source_file for v in oak.versions] == [
        "source_policies/oak-hill/2023-09.txt", "source_policies/oak-hill/draft.txt", "source_policies/oak-hill/2025-09-01.txt"
    ]
    assert oak.versions[1].approved_by == "Finance committee"
    assert oak.path.name == "2025-09-01.txt"
    assert (oak.meta.slug, oak.meta.school, oak.meta.source_file) == ("oak-hill", "Oak Hill School", "source_policies/oak-hill/2025-09-01.txt")
    assert oak.meta.last_reviewed == PolicyDate(date(2025, 9, 1))  # the newest version's date, since the sidecar gives none
    assert plain.versions == () and plain.path.name == "plain.txt"


def test_a_folder_without_a_sidecar_is_named_from_the_folder(tmp_path: Path) -> None:
    directory = make_tree(tmp_path, {"st-anne/2024-01.txt": "a", "st-anne/notes.md": "not a version"})
    sources, diagnostics = discover_sources(directory)
    assert diagnostics == ()
    assert (sources[0].meta.school, sources[0].meta.slug, len(sources[0].versions)) == ("St Anne", "st-anne", 1)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"x/final.txt": "p"},
            "source_policies/x/final.txt: cannot tell this version's date: name the file by its date "
            "(e.g. 2025-09.txt or 2025-09-01.txt) or give it a sidecar final.yml with 'last_reviewed:'",
            id="undatable-name",
        ),
        pytest.param(
            {"x/final.txt": "p", "x/final.yml": "approved_by: Governors\nlast_reviewed: soon\n"},
            f"source_policies/x/final.yml:2: last_reviewed: cannot read 'soon' as a date {DATE_HINT}",
            id="undatable-sidecar",
        ),
        pytest.param(
            {"x/final.txt": "p", "x/final.yml": "approved_by: Governors\n"},
            f"source_policies/x/final.yml: cannot tell the date of final.txt: add 'last_reviewed:' {DATE_HINT}",
            id="sidecar-without-date",
        ),
        pytest.param(
            {"x/2024-09.txt": "p", "x/autumn.txt": "q", "x/autumn.yml": "last_reviewed: September 2024\n"},
            "source_policies/x/autumn.txt: is dated 2024-09, as source_policies/x/2024-09.txt is: two versions cannot have the same date",
            id="same-date",
        ),
        pytest.param(
            {"x/2024-09.txt": "p", "x/2024-09.pdf": b"%PDF-1.4"},
            "source_policies/x/2024-09.txt: source_policies/x/2024-09.pdf has the same name; keep one file per version",
            id="same-name",
        ),
        pytest.param(
            {"x/readme.md": "nothing to read"},
            "source_policies/x/: holds no version of the policy: put one file per version in it (.txt, .docx or .pdf), "
            "named by its date, e.g. 2025-09.txt",
            id="empty-folder",
        ),
        pytest.param(
            {"x/2024-09.txt": "p", "x/2024-09.yml": "school: Another\n"},
            "source_policies/x/2024-09.yml:1: 'school' describes the school, not one version: set it in the school's own "
            "sidecar (a version's may set approved_by, last_reviewed, next_review)",
            id="school-key-in-version",
        ),
        pytest.param(
            {"x/2024-09.txt": "p", "x.txt": "q"},
            "source_policies/x.txt: x.txt and x/ are two files for one policy; keep only one",
            id="file-and-folder",
        ),
        pytest.param(
            {"x/2024-09.txt": "p", "x/2023-09.doc": b"\xd0\xcf"},
            "source_policies/x/2023-09.doc: is an old Word (.doc) file",
            id="refused-format",
        ),
    ],
)
def test_versions_that_cannot_be_used_leave_the_school_out_naming_the_file(tmp_path: Path, files: dict[str, str | bytes], expected: str) -> None:
    directory = make_tree(tmp_path, {**files, "other.txt": "another school"})
    sources, diagnostics = discover_sources(directory)
    errors = [str(d) for d in diagnostics if d.severity is Severity.ERROR]
    assert [s.meta.slug for s in sources] == ["other"]
    assert len(errors) == 1 and errors[0].startswith(expected), errors
