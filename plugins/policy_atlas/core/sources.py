"""Find the policies in ``source_policies/`` and read what we know about each one.

Each school is one file, ``source_policies/<name>.txt``, ``.docx`` or ``.pdf``, kept byte for
byte as the school published it; this module never opens it (``documents`` reads it). Beside it may sit a metadata sidecar,
``source_policies/<name>.yml`` (or ``.yaml``, but not both):

.. code-block:: yaml

    school: Northgate Primary School      # required: the school's name as it should appear
    title: Social Media Policy            # optional; default "Social media policy"
    slug: northgate-primary               # optional; default from the file name
    approved_by: Northgate Governing Body # optional
    last_reviewed: 2025-09                # optional: YYYY-MM-DD, YYYY-MM, or "September 2025"
    next_review: 2026-09                  # optional, same forms
    group: Knowsley                       # optional: navigation group (local authority / trust)
    url: https://example.org/policy.pdf   # optional: where the school publishes it (http/https)

Without a sidecar the school's name comes from the file name (``northgate-primary.txt`` gives
"Northgate Primary") and the title is "Social media policy". The slug, used in page addresses,
is the file name made lowercase ASCII with hyphens, unless the sidecar sets ``slug:``; no two
policies may share one. A date given to the month (``2025-09``, ``September 2025``, ``Sept 2025``)
is stored as the first of that month. Empty optional values count as not given. Any other key,
a value of the wrong kind, or a date or address that cannot be read leaves that policy out with
an error naming the file and line to fix; the other policies go on. Hidden files, ``README.md``
and files of other kinds are ignored, except office formats that are not read (``.doc``, ``.odt``,
``.rtf``), each refused with what to do; a sidecar without its source is reported as a warning
and otherwise ignored; a symbolic link that points outside the directory is never read.

A school may keep several dated versions of its policy: a folder ``source_policies/<name>/``
holding one file per version (``2024-09.txt``, ``2025-09-01.pdf``), each dated by its file name or,
when the name is not a date, by a sidecar of its own (``approved-draft.yml`` beside
``approved-draft.docx``, with ``last_reviewed:``; it may also give ``approved_by`` and
``next_review`` for that version). The school's own sidecar stays beside the folder
(``source_policies/<name>.yml``), and the newest version is the school's policy everywhere else in
the site. A version that cannot be dated, two versions of one date, or a folder with no version
leaves the school out with an error naming the file (and line).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from policy_atlas.core.decode import UNFIT
from policy_atlas.core.documents import DOCUMENT_SUFFIXES, REFUSED_SUFFIXES
from policy_atlas.core.files import inside
from policy_atlas.core.model import Diagnostic, PolicyAtlasError, PolicyDate, PolicyMeta, Severity
from policy_atlas.core.yamlread import refuse_aliases

SOURCE_SUFFIXES = DOCUMENT_SUFFIXES
METADATA_SUFFIXES = (".yml", ".yaml")
DEFAULT_TITLE = "Social media policy"

REQUIRED_KEYS = ("school",)
TEXT_KEYS = ("school", "title", "slug", "approved_by", "group", "url")
DATE_KEYS = ("last_reviewed", "next_review")
KNOWN_KEYS = tuple(sorted(TEXT_KEYS + DATE_KEYS))
MAX_LENGTHS = {"school": 200, "title": 200, "approved_by": 200, "group": 200, "slug": 100, "url": 2000, "last_reviewed": 40, "next_review": 40}
"""The most characters each value may have. A school's name is printed on every page that names
the school (the navigation, the matrix, each Compare page): a 1 MB name made a 7 MB site 664 MB."""

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_WORD_BREAK = re.compile(r"[\s_-]+")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.? +([0-9]{4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DATE_HINT = "use YYYY-MM-DD, YYYY-MM or 'September 2025'"


VERSION_KEYS = ("approved_by", "last_reviewed", "next_review")
"""What a version's own sidecar may say: when that version was approved, and by whom."""


@dataclass(frozen=True, kw_only=True)
class Version:
    """One dated version of a school's policy, from its folder of versions."""

    date: PolicyDate
    path: Path
    source_file: str
    """The file as messages name it: ``source_policies/<name>/2025-09.txt``."""
    metadata_path: Path | None = None
    approved_by: str | None = None
    next_review: PolicyDate | None = None

    @property
    def label(self) -> str:
        """The version as pages, data and the CLI name it: its date, ``2025-09`` or ``2025-09-01``."""
        return self.date.isoformat()


@dataclass(frozen=True)
class Source:
    """One school's policy as found on disk: its metadata and the files it came from.

    ``path`` is the file the site reads as the school's policy: the newest of ``versions``
    when the school keeps a folder of them (oldest first), else its one file (no versions).
    """

    meta: PolicyMeta
    path: Path
    metadata_path: Path | None
    versions: tuple[Version, ...] = ()


def source_name(source_file: str) -> str:
    """A source's name below the sources folder (``x.txt``, ``x/2025-09.txt``): unique across schools."""
    parts = PurePosixPath(source_file).parts
    return "/".join(parts[1:]) if len(parts) > 1 else source_file


def slugify(text: str) -> str:
    """Turn a name into the lowercase ASCII, hyphenated form used in page addresses."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if not slug:
        raise ValueError(f"{text!r} has no letters or digits to make a slug from")
    return slug


def title_from_stem(stem: str) -> str:
    """Guess a school's name from a file name when no sidecar gives one.

    Only the first letter of each word is raised, so capitals already in the name survive.
    """
    words = [word for word in _WORD_BREAK.split(UNFIT.sub(" ", stem)) if word]
    if not words:
        return stem.strip()
    return " ".join(word[:1].upper() + word[1:] for word in words)


def discover_sources(directory: Path, reserved: Mapping[str, str] | None = None) -> tuple[tuple[Source, ...], tuple[Diagnostic, ...]]:
    """List the policies in ``directory`` in name order, with what was wrong with the others.

    One bad policy never stops the rest: a policy whose metadata cannot be read, that has two
    sidecars, whose slug another policy already uses or the site uses itself (``reserved``: each
    slug with the site's own page it would replace), or that is not a regular file inside
    the directory (a symbolic link to a file elsewhere is never read) is left out, with an
    ERROR diagnostic naming the file and line. A missing or empty directory raises
    PolicyAtlasError: there is nothing to build.
    """
    base = Path(os.path.abspath(directory)).parent
    shown_dir = _display(directory, base)
    if not directory.is_dir():
        reason = "not a directory" if directory.exists() else "directory not found"
        raise PolicyAtlasError(shown_dir, reason)

    problems: list[Diagnostic] = []
    texts: dict[str, Path] = {}
    sidecars: dict[str, list[Path]] = {}
    doubled_sources: dict[str, list[str]] = {}
    folders: dict[str, Path] = {}
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        suffix = entry.suffix.lower()
        if entry.name.startswith("."):
            continue
        if _is_versions_folder(entry, directory):
            folders[entry.name] = entry
            continue
        if suffix in REFUSED_SUFFIXES and entry.is_file():
            problems.append(_error(_display(entry, base), None, "refused-source", f"is {REFUSED_SUFFIXES[suffix]}"))
            continue
        if suffix not in SOURCE_SUFFIXES + METADATA_SUFFIXES:
            continue
        refused = _refusal(entry, directory)
        if refused is not None:
            problems.append(_error(_display(entry, base), None, "refused-source", refused))
            continue
        if not entry.is_file():
            continue
        if suffix in SOURCE_SUFFIXES:
            if entry.stem in texts:
                doubled_sources.setdefault(entry.stem, [texts[entry.stem].name]).append(entry.name)
            texts.setdefault(entry.stem, entry)
        else:
            sidecars.setdefault(entry.stem, []).append(entry)

    for stem, folder in folders.items():
        if stem in texts:
            doubled_sources.setdefault(stem, [texts[stem].name]).append(f"{folder.name}/")
        texts.setdefault(stem, folder)

    for stem, names in sorted(doubled_sources.items()):
        problems.append(
            _error(_display(texts.pop(stem), base), None, "two-sources", f"{' and '.join(sorted(names))} are two files for one policy; keep only one")
        )
    if not texts and not any(d.code in ("refused-source", "two-sources") for d in problems):
        raise PolicyAtlasError(shown_dir, "no policy sources (*.txt, *.docx or *.pdf) found")
    doubled = {stem for stem, found in sidecars.items() if len(found) > 1 and stem in texts}
    for stem in sorted(doubled):
        first, second = sorted(sidecars[stem], key=lambda p: METADATA_SUFFIXES.index(p.suffix))
        problems.append(
            _error(_display(first, base), None, "two-sidecars", f"{_display(second, base)} also exists; keep only one metadata file per policy")
        )
        del texts[stem]

    problems += [
        Diagnostic(
            path=_display(found[0], base),
            line=None,
            code="orphan-metadata",
            message=f"no {_display(found[0].with_suffix('.txt'), base)} (or .docx, .pdf) to describe; file ignored",
            severity=Severity.WARNING,
        )
        for stem, found in sorted(sidecars.items())
        if stem not in texts and stem not in doubled
    ]

    sources: list[Source] = []
    owners: dict[str, Source] = {}
    for stem in sorted(texts):
        try:
            source = _read_source(texts[stem], next(iter(sidecars.get(stem, ())), None), base)
        except PolicyAtlasError as error:
            problems.append(_error(error.path, error.line, "bad-metadata", error.message))
            continue
        taken = (reserved or {}).get(source.meta.slug)
        if taken is not None:
            problems.append(
                _error(
                    source.meta.source_file,
                    None,
                    "reserved-slug",
                    f"slug {source.meta.slug!r}{_slug_origin(source, base)} is the site's own {taken}; rename the file "
                    f"or set another 'slug:' in its metadata",
                )
            )
            continue
        source, removed = _visible_names(source)
        if removed:
            problems.append(Diagnostic(_display(source.metadata_path or source.path, base), None, "invisible-characters", removed, Severity.NOTE))
        owner = owners.get(source.meta.slug)
        if owner is not None:
            problems.append(
                _error(
                    source.meta.source_file,
                    None,
                    "duplicate-slug",
                    f"slug {source.meta.slug!r}{_slug_origin(source, base)} is already used by "
                    f"{owner.meta.source_file}{_slug_origin(owner, base)}",
                )
            )
            continue
        owners[source.meta.slug] = source
        sources.append(source)
    return tuple(sources), tuple(problems)


_JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: between two letters, part of how Persian and Indic scripts spell."""


def without_invisible(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without format characters (bidi overrides and isolates, zero-width spaces, a BOM),
    which could reorder what a reader sees or make two names look the same; and the code points
    removed. A joiner between two letters stays: it is part of the word."""
    kept: list[str] = []
    removed: list[str] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) != "Cf" or (
            char in _JOINERS and 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
        ):
            kept.append(char)
        else:
            removed.append(f"U+{ord(char):04X}")
    return ("".join(kept), tuple(removed)) if removed else (text, ())


def _visible_names(source: Source) -> tuple[Source, str]:
    """The source with invisible characters taken out of the names the site prints, and a note
    saying which were removed from which ("" when none were)."""
    said: list[str] = []

    def visible(key: str, value: str) -> str:
        clean, removed = without_invisible(value)
        if removed:
            said.append(f"{key}: {', '.join(dict.fromkeys(removed))}")
        return " ".join(clean.split()) if removed else value

    meta = source.meta
    cleaned = replace(
        meta,
        school=visible("school", meta.school),
        title=visible("title", meta.title),
        approved_by=meta.approved_by and visible("approved_by", meta.approved_by),
        group=meta.group and visible("group", meta.group),
    )
    if not said:
        return source, ""
    note = f"invisible characters removed ({'; '.join(said)}): they could reorder the name on the page or disguise it as another"
    return replace(source, meta=cleaned), note


def _is_versions_folder(entry: Path, directory: Path) -> bool:
    """Whether ``entry`` is a folder of one school's dated versions: a folder (not a link out of the
    sources directory) whose name is not that of a file the site reads (``folder.txt/`` is not)."""
    suffix = entry.suffix.lower()
    return entry.is_dir() and suffix not in SOURCE_SUFFIXES + METADATA_SUFFIXES + tuple(REFUSED_SUFFIXES) and _refusal(entry, directory) is None


def _read_versions(folder: Path, base: Path) -> tuple[Version, ...]:
    """The dated versions in a school's folder, oldest first.

    Raises PolicyAtlasError, naming the file (and line), for a folder with no version, a
    version that cannot be dated, two versions of one date, or a file the site cannot read.
    """
    files: dict[str, Path] = {}
    sidecars: dict[str, Path] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        suffix = entry.suffix.lower()
        if entry.name.startswith(".") or entry.is_dir():
            continue
        shown = _display(entry, base)
        if suffix in REFUSED_SUFFIXES:
            raise PolicyAtlasError(shown, f"is {REFUSED_SUFFIXES[suffix]}")
        if suffix not in SOURCE_SUFFIXES + METADATA_SUFFIXES:
            continue
        refused = _refusal(entry, folder)
        if refused is not None:
            raise PolicyAtlasError(shown, refused)
        found = files if suffix in SOURCE_SUFFIXES else sidecars
        if entry.stem in found:
            raise PolicyAtlasError(shown, f"{_display(found[entry.stem], base)} has the same name; keep one file per version")
        found[entry.stem] = entry
    if not files:
        raise PolicyAtlasError(
            _display(folder, base) + "/", "holds no version of the policy: put one file per version in it (.txt, .docx or .pdf), named by its date, e.g. 2025-09.txt"
        )
    versions: dict[date, Version] = {}
    for stem, path in sorted(files.items()):
        version = _version(path, sidecars.get(stem), base)
        earlier = versions.get(version.date.value)
        if earlier is not None:
            raise PolicyAtlasError(
                version.source_file, f"is dated {version.label}, as {earlier.source_file} is: two versions cannot have the same date"
            )
        versions[version.date.value] = version
    return tuple(versions[day] for day in sorted(versions))


def _version(path: Path, sidecar: Path | None, base: Path) -> Version:
    """One version: dated by its sidecar's ``last_reviewed``, else by its file name."""
    shown = _display(path, base)
    if sidecar is None:
        dated = parse_date(path.stem)
        if dated is None:
            raise PolicyAtlasError(
                shown,
                f"cannot tell this version's date: name the file by its date (e.g. 2025-09{path.suffix} or 2025-09-01{path.suffix}) "
                f"or give it a sidecar {path.stem}.yml with 'last_reviewed:'",
            )
        return Version(date=dated, path=path, source_file=shown)
    sidecar_shown = _display(sidecar, base)
    values, lines = _read_mapping(sidecar, sidecar_shown)
    for key in values:
        if key not in VERSION_KEYS:
            raise PolicyAtlasError(
                sidecar_shown, f"{key!r} describes the school, not one version: set it in the school's own sidecar (a version's may set {', '.join(VERSION_KEYS)})", lines[key]
            )
    dated = _read_date("last_reviewed", values, lines, sidecar_shown) or parse_date(path.stem)
    if dated is None:
        raise PolicyAtlasError(sidecar_shown, f"cannot tell the date of {path.name}: add 'last_reviewed:' ({_DATE_HINT})")
    return Version(
        date=dated,
        path=path,
        source_file=shown,
        metadata_path=sidecar,
        approved_by=values.get("approved_by"),
        next_review=_read_date("next_review", values, lines, sidecar_shown),
    )


def _error(path: str, line: int | None, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, code, f"{message}; this policy is left out", Severity.ERROR)


def _refusal(entry: Path, directory: Path) -> str | None:
    """Why a file in the sources directory must not be read, if it must not.

    Only regular files inside the directory are sources: a symbolic link could publish any
    file on the machine that builds the site.
    """
    if entry.is_symlink() and not entry.exists():
        return "is a symbolic link to nothing (its target is missing, or the link loops); it is not read"
    if entry.is_symlink() and not inside(entry, directory):
        return "is a symbolic link to a file outside the sources directory; it is not read"
    if entry.exists() and not entry.is_file() and not entry.is_dir():
        return "is not a regular file; it is not read"
    return None


def load_metadata(path: Path, stem_slug: str, source_file: str, shown: str | None = None) -> PolicyMeta:
    """Read and validate one sidecar, filling defaults from the file name.

    The sidecar sits beside its source, so errors name it as ``source_file``'s sibling.
    An empty ``stem_slug`` means the file name gives no slug, so the sidecar must. ``shown`` names the
    sidecar in messages when it is not beside ``source_file`` (a school with a folder of versions).
    """
    shown = shown or _sibling(source_file, path.name)
    values, lines = _read_mapping(path, shown)

    school = values.get("school")
    if not school:
        raise PolicyAtlasError(shown, "missing required key 'school'")
    slug = values.get("slug")
    if slug is None:
        if not stem_slug:
            raise PolicyAtlasError(
                shown, "missing key 'slug': the file name has no letters or digits to make one from"
            )
        slug = stem_slug
    elif not _is_slug(slug):
        raise PolicyAtlasError(
            shown,
            f"slug: {slug!r} is not a slug (use lowercase letters, digits and single hyphens, "
            f"e.g. {_suggest_slug(slug)!r})",
            lines["slug"],
        )
    url = values.get("url")
    if url is not None and not _is_web_address(url):
        raise PolicyAtlasError(
            shown, f"url: {url!r} is not a web address (use http:// or https://)", lines["url"]
        )
    return PolicyMeta(
        slug=slug,
        school=school,
        title=values.get("title") or DEFAULT_TITLE,
        source_file=source_file,
        approved_by=values.get("approved_by"),
        last_reviewed=_read_date("last_reviewed", values, lines, shown),
        next_review=_read_date("next_review", values, lines, shown),
        group=values.get("group"),
        url=url,
    )


def _read_source(found: Path, sidecar: Path | None, base: Path) -> Source:
    """Build the metadata for one source file, or a folder of versions (the newest is the policy),
    from its sidecar or its name alone. A version's own date, approver and next review fill what the
    school's sidecar leaves unsaid."""
    if not found.is_dir():
        return _read_file_source(found, sidecar, base)
    versions = _read_versions(found, base)
    newest = versions[-1]
    source = _read_file_source(newest.path, sidecar, base, found.name)
    meta = replace(
        source.meta,
        last_reviewed=source.meta.last_reviewed or newest.date,
        approved_by=source.meta.approved_by or newest.approved_by,
        next_review=source.meta.next_review or newest.next_review,
    )
    return Source(meta=meta, path=newest.path, metadata_path=sidecar, versions=versions)


def _read_file_source(text_path: Path, sidecar: Path | None, base: Path, stem: str | None = None) -> Source:
    """Build the metadata for one file; ``stem`` names the school when the file is a version in its folder."""
    source_file = _display(text_path, base)
    home = text_path.parent if stem is None else text_path.parent.parent
    stem = text_path.stem if stem is None else stem
    try:
        stem_slug = slugify(stem)
    except ValueError:
        if sidecar is None:
            raise PolicyAtlasError(
                source_file,
                "the file name has no letters or digits to make a slug from; rename it or "
                f"set 'slug:' in {_display(home / (stem + '.yml'), base)}",
            ) from None
        stem_slug = ""
    if sidecar is None:
        meta = PolicyMeta(
            slug=stem_slug,
            school=title_from_stem(stem),
            title=DEFAULT_TITLE,
            source_file=source_file,
        )
    else:
        meta = load_metadata(sidecar, stem_slug, source_file, _display(sidecar, base))
    return Source(meta=meta, path=text_path, metadata_path=sidecar)


def _read_mapping(path: Path, shown: str) -> tuple[dict[str, str | None], dict[str, int]]:
    """Parse a sidecar into stripped scalar texts (None when empty) and each key's line.

    Values are kept as written rather than converted by YAML, so ``group: NO`` stays "NO"
    and dates are read by our rules, not YAML 1.1's.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise PolicyAtlasError(shown, f"cannot read file: {e.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise PolicyAtlasError(shown, "not valid UTF-8; save the file as UTF-8", line) from None
    refuse_aliases(text, shown)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "unreadable"
        if e.context and problem.startswith("but "):
            # PyYAML splits some messages in two ("expected X" / "but found Y").
            problem = f"{e.context}, {problem}"
        raise PolicyAtlasError(
            shown, f"invalid YAML: {problem}", mark.line + 1 if mark else None
        ) from None
    except yaml.reader.ReaderError as e:
        line = text[: e.position].count("\n") + 1
        raise PolicyAtlasError(
            shown, f"invalid YAML: character #x{e.character:04x} is not allowed", line
        ) from None
    except yaml.YAMLError as e:
        raise PolicyAtlasError(shown, f"invalid YAML: {e}") from None

    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        raise PolicyAtlasError(shown, "empty metadata file: expected at least 'school: <name>'")
    if not isinstance(root, yaml.MappingNode):
        raise PolicyAtlasError(
            shown,
            f"expected keys and values (such as 'school: <name>'), found {_kind(root)}",
            root.start_mark.line + 1,
        )

    values: dict[str, str | None] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        is_name = isinstance(key_node, yaml.ScalarNode)
        key = str(key_node.value) if is_name else ""
        if not is_name:
            raise PolicyAtlasError(shown, f"expected a key name, found {_kind(key_node)}", line)
        if key not in KNOWN_KEYS:
            raise PolicyAtlasError(
                shown, f"unknown key {key!r} (expected one of: {', '.join(KNOWN_KEYS)})", line
            )
        if key in lines:
            raise PolicyAtlasError(
                shown, f"duplicate key {key!r} (first given on line {lines[key]})", line
            )
        lines[key] = line
        values[key] = _scalar_text(key, value_node, line, shown)
    return values, lines


def _scalar_text(key: str, node: yaml.Node, key_line: int, shown: str) -> str | None:
    """Return a value's stripped text, None if empty, or fail if it is not a single-line scalar."""
    if not isinstance(node, yaml.ScalarNode):
        wanted = "a date" if key in DATE_KEYS else "text"
        raise PolicyAtlasError(
            shown, f"{key}: expected {wanted}, found {_kind(node)}", node.start_mark.line + 1
        )
    text = "" if node.tag.endswith(":null") else str(node.value).strip()
    if len(text) > MAX_LENGTHS[key]:
        raise PolicyAtlasError(shown, f"{key}: {len(text):,} characters, more than the {MAX_LENGTHS[key]:,} allowed", node.start_mark.line + 1)
    if not text:
        if key in REQUIRED_KEYS:
            raise PolicyAtlasError(shown, f"{key}: must not be empty", key_line)
        return None
    if "\n" in text:
        raise PolicyAtlasError(shown, f"{key}: must be on one line", node.start_mark.line + 1)
    if unfit := UNFIT.search(text):
        # YAML refuses these characters as they are; only an escape ("\e", "\uFFFF") makes one.
        raise PolicyAtlasError(shown, f"{key}: holds U+{ord(unfit.group()):04X}, a character no page or document can hold; remove it", node.start_mark.line + 1)
    return text


def _read_date(
    key: str, values: dict[str, str | None], lines: dict[str, int], shown: str
) -> PolicyDate | None:
    """Read a review date in one of the documented forms, keeping whether it named only a month."""
    text = values.get(key)
    if text is None:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise PolicyAtlasError(
            shown, f"{key}: cannot read {text!r} as a date ({_DATE_HINT})", lines[key]
        )
    return parsed


def parse_date(text: str) -> PolicyDate | None:
    """Return the date ``text`` names, or None if it is in no accepted form or impossible."""
    year, month, day = 0, 0, 1
    month_only = True
    if match := _ISO_DAY.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        month_only = False
    elif match := _ISO_MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
    elif match := _MONTH_YEAR.fullmatch(text):
        month = _MONTHS.get(match[1].lower(), 0)
        year = int(match[2])
    try:
        return PolicyDate(date(year, month, day), month_only)
    except ValueError:
        return None


def _is_slug(text: str) -> bool:
    try:
        return slugify(text) == text
    except ValueError:
        return False


def _suggest_slug(text: str) -> str:
    try:
        return slugify(text)
    except ValueError:
        return "northgate-primary"


def _is_web_address(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", text)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "a single value"


def _slug_origin(source: Source, base: Path) -> str:
    """Say where a slug was set, when it was not simply derived from the file name."""
    if source.metadata_path is None or _is_slug_of_stem(source):
        return ""
    return f" (set in {_display(source.metadata_path, base)})"


def _is_slug_of_stem(source: Source) -> bool:
    try:
        return slugify(source.path.parent.name if source.versions else source.path.stem) == source.meta.slug
    except ValueError:
        return False


def _sibling(source_file: str, name: str) -> str:
    """Name a sidecar the way its source is named: same folder, its own file name."""
    parent = PurePosixPath(source_file).parent
    return name if parent == PurePosixPath(".") else (parent / name).as_posix()


def _display(path: Path, base: Path) -> str:
    """Show a path relative to the folder holding ``source_policies/``, as messages do."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()
