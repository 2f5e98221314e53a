"""The corpus: every school's source, its generated policy page, and whether the two agree.

``normalise`` writes ``docs/policies/<slug>.md`` from ``source_policies/<name>.txt``;
``load_corpus`` reads the pages back for a build. A page records, in its front matter, the
hash of the source it was made from and the hash of the whole page as written (front matter
included, all but that hash's own value), so that a build can tell a stale page from a current
one, and the normaliser can tell a page a person edited (which it must never overwrite
silently) from one it wrote itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .classify import Classifier, classified_blocks
from .clausetag import TOPICS_ATTR, overrides, parse_document, parse_tag, write_blocks
from .decode import unfit_note, without_unfit
from .documents import TEXT_SUFFIX, read_document
from .files import write_atomically
from .frontmatter import key_lines, policy_page_problems
from .ingest import parse_policy
from .model import Clause, Diagnostic, Heading, PolicyAtlasError, PolicyMeta, SetAside, Severity
from .sources import Source, Version, discover_sources, source_name
from .taxonomy import Taxonomy
from .yamlread import FAST_LOADER, alias_line, refuse_aliases

FORMAT = 3
"""Version of the page's front matter record; a page of another format is stale. 2: ``set_aside``;
3: ``page_sha256`` (the whole page) in place of ``body_sha256`` (the body only), and ``clauses``."""
FRONT_MATTER_KEY = "policy_atlas"
SET_ASIDE_KINDS = ("cover", "furniture", "form")


class PageState(str, Enum):
    MISSING = "missing"
    CURRENT = "current"
    STALE = "stale"
    EDITED = "edited"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class SchoolPolicy:
    """One school as a build sees it: metadata, clauses from its page, notes on its source."""

    meta: PolicyMeta
    page_path: Path
    blocks: tuple[Heading | Clause, ...]
    source_notes: tuple[str, ...] = ()
    edited: bool = False
    set_aside: tuple[SetAside, ...] = ()
    """Cover-page lines and page furniture of the source, kept out of the clauses."""
    tag_lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each clause's tag in the page, by clause id: where a person's edit is."""
    versions: tuple[Version, ...] = ()
    """The school's dated versions, oldest first, when it keeps a folder of them (the page is the newest)."""

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))

    @property
    def shown_page(self) -> str:
        """The page as messages name it: ``policies/<slug>.md``."""
        return f"{self.page_path.parent.name}/{self.page_path.name}"

    @cached_property
    def source_name(self) -> str:
        """The source below the sources folder: ``x.txt``, or ``x/2025-09.txt`` for a version."""
        return source_name(self.meta.source_file)

    @cached_property
    def extracted_name(self) -> str | None:
        """Where the text read from a Word or PDF source is published, beside the file; None for text."""
        return None if self.source_name.lower().endswith(TEXT_SUFFIX) else f"{self.source_name}.txt"


@dataclass(frozen=True)
class Corpus:
    schools: tuple[SchoolPolicy, ...]
    diagnostics: tuple[Diagnostic, ...]
    left_out: tuple[Diagnostic, ...] = ()
    """Why each source that is not on the site was left out, one diagnostic per source, by file."""


@dataclass(frozen=True)
class NormaliseResult:
    """What ``normalise`` did for one source: ``written``, ``unchanged`` or ``refused``."""

    slug: str
    page: Path
    action: str
    reason: str
    notes: tuple[Diagnostic, ...] = field(default=())


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_path_for(pages_dir: Path, slug: str) -> Path:
    return pages_dir / f"{slug}.md"



def _front_matter_text(text: str) -> tuple[str, str] | None:
    """A page's front matter as written (without its ``---`` lines) and its body; None without front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    return None if end < 0 else (text[4 : end + 1], text[end + 5 :])


def front_matter_text(text: str) -> str:
    """The YAML between a page's ``---`` lines (from its line 2); empty when it has none."""
    parts = _front_matter_text(text)
    return parts[0] if parts is not None else ""


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split a page into (front matter, body, number of lines before the body)."""
    parts = _front_matter_text(text)
    if parts is None:
        return {}, text, 0
    front, body = parts
    if alias_line(front) is not None:
        return {}, text, 0  # read as no front matter here; a build names the line (front_matter_aliases)
    try:
        loaded = yaml.load(front, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return {}, text, 0
    offset = text[: len(text) - len(body)].count("\n")
    return (loaded if isinstance(loaded, dict) else {}), body, offset


class _FlowList(list[int]):
    """Line numbers, written on one line (``lines: [40, 88, 130]``) so that furniture stays short."""


class _LineText(str):
    """A source line's text: double-quoted when it holds a character YAML would read as a line break."""


class _PageDumper(yaml.SafeDumper):
    pass


_PageDumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)
_PageDumper.add_representer(
    _LineText,
    lambda dumper, data: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(data), style='"' if any(c in data for c in "\x85\u2028\u2029") else None
    ),
)


def render_front_matter(front: dict[str, Any]) -> str:
    """Front matter as this tool writes it (without the ``---`` lines): set-aside lines on one line each."""
    record = front.get(FRONT_MATTER_KEY)
    if isinstance(record, dict) and isinstance(record.get("set_aside"), list):
        aside = [
            {**entry, "text": _LineText(entry["text"]), "lines": _FlowList(entry["lines"])} if _set_aside_entry(entry) else entry
            for entry in record["set_aside"]
        ]
        front = {**front, FRONT_MATTER_KEY: {**record, "set_aside": aside}}
    return yaml.dump(front, Dumper=_PageDumper, sort_keys=False, allow_unicode=True, width=1000)


_PAGE_HASH = re.compile(r"^  page_sha256: '?[0-9a-f]{64}'?$", re.MULTILINE)
_NO_HASH = "f" * 64


def page_sha256(text: str) -> str | None:
    """The hash of a whole page: its front matter as written, with the value of its own
    ``page_sha256`` left out (a hash cannot cover itself), and its body without a person's topic
    overrides (see ``canonical_body``). None for a page without front matter."""
    parts = _front_matter_text(text)
    if parts is None:
        return None
    front, body = parts
    return sha256_hex((_PAGE_HASH.sub("  page_sha256: ", front, count=1) + "---\n" + canonical_body(body)).encode("utf-8"))


def render_page(
    source: Source,
    source_bytes: bytes,
    policy_blocks: tuple[Heading | Clause, ...],
    notes: tuple[Diagnostic, ...],
    set_aside: tuple[SetAside, ...] = (),
) -> str:
    """The full Markdown page for one policy: front matter, then the clause-tagged body.

    The front matter also carries what ingest set aside (cover-page lines, page furniture),
    so that a build can show it and publish it without reading the source again.
    """
    body = "\n" + write_blocks(policy_blocks)
    front: dict[str, Any] = {
        FRONT_MATTER_KEY: {
            "format": FORMAT,
            "slug": source.meta.slug,
            "source": source_name(source.meta.source_file),
            "source_sha256": sha256_hex(source_bytes),
            "page_sha256": _NO_HASH,
            "clauses": sum(isinstance(b, Clause) for b in policy_blocks),
            "source_notes": [f"line {d.line}: {d.message}" if d.line else d.message for d in notes],
            "set_aside": [{"kind": a.kind, "text": a.text, "lines": list(a.lines)} for a in set_aside],
        }
    }
    page = f"---\n{render_front_matter(front)}---\n{body}"
    return _PAGE_HASH.sub(f"  page_sha256: {page_sha256(page)}", page, count=1)


RECORD_LENGTHS = {"slug": 100, "source": 255, "source_sha256": 64, "body_sha256": 64, "source_notes": 1000}
"""The most characters a value of the page's record may have (each note, for ``source_notes``):
what ``normalise`` writes is far shorter, and a hand edit must not print a megabyte on the site."""


def _too_long(record: dict[str, Any]) -> tuple[tuple[str | int, ...], int, int] | None:
    """Where the record holds a value past its length (its path, length and limit); None if nowhere."""
    for key, limit in RECORD_LENGTHS.items():
        value = record.get(key)
        values = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in values:
            if isinstance(item, str) and len(item) > limit:
                return (key,) if index is None else (key, index), len(item), limit
    return None


def _refuse_long_values(record: dict[str, Any], front_text: str, shown: str) -> None:
    """A value past its length leaves the school out, naming the line (found only then)."""
    found = _too_long(record)
    if found is None:
        return
    path, length, limit = found
    node = yaml.compose(front_text, Loader=FAST_LOADER)
    for step in (FRONT_MATTER_KEY, *path):
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step]
    line = node.start_mark.line + 2 if node is not None else None  # the front matter starts on line 2
    where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    raise PolicyAtlasError(shown, f"front matter: {FRONT_MATTER_KEY}.{where}: {length:,} characters, more than the {limit:,} allowed", line)


_RECORD_TYPES: dict[str, type] = {
    "format": int,
    "slug": str,
    "source": str,
    "source_sha256": str,
    "page_sha256": str,
    "clauses": int,
    "source_notes": list,
    "set_aside": list,
}
_SINCE_3 = ("page_sha256", "clauses")
_LEGACY_TYPES: dict[str, type] = {**{k: v for k, v in _RECORD_TYPES.items() if k not in _SINCE_3}, "body_sha256": str}
"""The record of a page of format 2, whose ``body_sha256`` is still read: such a page is written again unless edited."""


def front_matter_problems(front: dict[str, Any], shown: str) -> list[Diagnostic]:
    """Check the page's ``policy_atlas`` record: every key present, of its type, and no others.

    A page of an older format is stale, which says what to do: a key it lacks because that
    format had none (``set_aside`` before 2, ``page_sha256`` and ``clauses`` before 3) is not reported as well,
    nor the ``body_sha256`` of format 2.
    """
    record = front.get(FRONT_MATTER_KEY)
    if not isinstance(record, dict):
        return []
    older = record.get("format") != FORMAT
    expected = _LEGACY_TYPES if older else _RECORD_TYPES
    problems = [
        Diagnostic(shown, None, "front-matter", f"front matter: {FRONT_MATTER_KEY}.{key} must be {kind.__name__}")
        for key, kind in expected.items()
        if not isinstance(record.get(key), kind) and not (older and key in ("set_aside", "body_sha256") and key not in record)
    ]
    problems += [
        Diagnostic(shown, None, "front-matter", f"front matter: unknown key {FRONT_MATTER_KEY}.{key}")
        for key in sorted(set(record) - set(expected) - (set(_SINCE_3) if older else set()))
    ]
    if isinstance(record.get("set_aside"), list):
        problems += [
            Diagnostic(shown, None, "front-matter", f"front matter: {FRONT_MATTER_KEY}.set_aside[{index}] must be {{kind: cover, furniture or form, text, lines: [line numbers]}}")
            for index, entry in enumerate(record["set_aside"])
            if _set_aside_entry(entry) is None
        ]
    return problems


def _set_aside_entry(entry: object) -> SetAside | None:
    """One ``set_aside`` entry of a page's front matter, or None if it is malformed."""
    if not isinstance(entry, dict) or set(entry) != {"kind", "text", "lines"}:
        return None
    kind, text, lines = entry["kind"], entry["text"], entry["lines"]
    if kind not in SET_ASIDE_KINDS or not isinstance(text, str) or not isinstance(lines, list):
        return None
    if not lines or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in lines):
        return None
    return SetAside(kind, text, tuple(lines))


def page_set_aside(record: dict[str, Any]) -> tuple[SetAside, ...]:
    """What the page's front matter says ingest set aside; malformed entries are left out (and reported)."""
    entries = record.get("set_aside")
    found = (_set_aside_entry(entry) for entry in entries) if isinstance(entries, list) else iter(())
    return tuple(entry for entry in found if entry is not None)


def page_state(page_text: str | None, source_bytes: bytes) -> PageState:
    if page_text is None:
        return PageState.MISSING
    front, body, _ = split_front_matter(page_text)
    record = front.get(FRONT_MATTER_KEY)
    if not isinstance(record, dict) or not ({"page_sha256", "body_sha256"} & set(record)):
        return PageState.FOREIGN
    if _edited(page_text, front, body):
        return PageState.EDITED
    if record.get("source_sha256") != sha256_hex(source_bytes) or record.get("format") != FORMAT:
        return PageState.STALE
    return PageState.CURRENT


def _edited(page_text: str, front: dict[str, Any], body: str) -> bool:
    """Whether a person changed the page since this tool wrote it: any byte of it, but the
    value of its hash and their topic overrides.

    A page of format 2 has a hash of its body only. Its front matter counts as edited
    unless it is exactly what this tool writes from the record it holds: nothing beside the
    ``policy_atlas`` record (no ``hide``, no ``description``), no comment, no reflowed line. A
    changed value inside the record that still reads as written (a ``set_aside`` text reworded)
    cannot be told from the page alone; its next ``normalise`` writes the text from the source.
    """
    record = front[FRONT_MATTER_KEY]
    if "page_sha256" in record:
        return bool(record["page_sha256"] != page_sha256(page_text))
    if record.get("body_sha256") != sha256_hex(canonical_body(body).encode("utf-8")):
        return True
    parts = _front_matter_text(page_text)
    return set(front) != {FRONT_MATTER_KEY} or parts is None or parts[0] != render_front_matter(front)


def cut_short(record: dict[str, Any], held: int) -> str | None:
    """Why an edited page (one that no longer matches its hash) holding ``held`` clauses looks cut short, or None.

    A page is truth for the site once a person edits it, so a changed page alone is never a
    problem. One that holds fewer clauses than it was written with is: a write cut off, a copy
    interrupted or a disk that filled leaves a page that is all there up to some point. Deleting
    clauses by hand looks the same from the page, so the person who did it says so by setting
    ``clauses`` in the front matter to the new count.
    """
    written = record.get("clauses")
    if not isinstance(written, int) or isinstance(written, bool) or held >= written:
        return None
    return (
        f"holds {held} of the {written} clauses it was written with: it was cut short (a write cut off, a copy "
        f"interrupted), or clauses were deleted by hand; run `policy-atlas normalise --force` to write it again, "
        f"or, to keep a deletion, set {FRONT_MATTER_KEY}.clauses to {held}"
    )


def _refusal(existing: str, state: PageState) -> str:
    """Why ``normalise`` leaves an edited or foreign page alone."""
    if state is PageState.FOREIGN:
        return "was not written by policy-atlas"
    front, body, _ = split_front_matter(existing)
    return cut_short(front[FRONT_MATTER_KEY], len(parse_document(body, "").clauses)) or "was edited by hand"


def read_page(page: Path, shown: str) -> str | None:
    """A policy page's text, or None when there is none; PolicyAtlasError when it cannot be read."""
    try:
        data = page.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise PolicyAtlasError(shown, "is a directory, not a policy page: remove it and run `policy-atlas normalise`") from None
    except OSError as error:
        raise PolicyAtlasError(shown, f"cannot read the page: {error.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PolicyAtlasError(
            shown, f"not valid UTF-8 (byte 0x{data[error.start]:02x}): save the page as UTF-8, or run `policy-atlas normalise --force`", line
        ) from None


def read_source_bytes(source: Source) -> bytes:
    try:
        return source.path.read_bytes()
    except OSError as error:
        raise PolicyAtlasError(source.meta.source_file, f"cannot read file: {error.strerror}") from error


@dataclass(frozen=True)
class AnalysedSource:
    """One source through the pipeline behind a policy page: its bytes, blocks, notes and set-aside lines."""

    data: bytes
    blocks: tuple[Heading | Clause, ...]
    notes: tuple[Diagnostic, ...]
    set_aside: tuple[SetAside, ...]


def analyse(source: Source, classifier: Classifier, keep: dict[str, tuple[str, ...]] | None = None) -> AnalysedSource:
    """Decode, parse and classify one source.

    ``keep`` maps clause ids to a person's topic overrides, carried into the new blocks.
    Raises PolicyAtlasError on unusable input.
    """
    data = read_source_bytes(source)
    decoded = read_document(data, source.meta.source_file)
    policy = parse_policy(decoded.text, source.meta.slug, source.meta.source_file)
    blocks, _ = classified_blocks(policy.blocks, classifier, keep)
    return AnalysedSource(data, blocks, decoded.diagnostics + policy.diagnostics, policy.set_aside)


def analyse_source(source: Source, classifier: Classifier, keep: dict[str, tuple[str, ...]] | None = None) -> tuple[bytes, tuple[Heading | Clause, ...], tuple[Diagnostic, ...]]:
    """``analyse`` as (bytes, blocks, notes), for callers that need no set-aside lines."""
    found = analyse(source, classifier, keep)
    return found.data, found.blocks, found.notes


def tag_lines(page_text: str) -> dict[str, int]:
    """The 1-based line of every clause tag in a whole page (front matter included), by clause id."""
    found: dict[str, int] = {}
    for number, line in enumerate(page_text.split("\n"), start=1):
        tag = parse_tag(line)
        if tag is not None:
            found.setdefault(tag[2], number)
    return found


def page_overrides(page_text: str | None) -> dict[str, tuple[str, ...]]:
    """A person's ``+topic`` / ``-topic`` entries in an existing page, by clause id."""
    if page_text is None:
        return {}
    _, body, _ = split_front_matter(page_text)
    found = {c.id: overrides(c.topics) for c in parse_document(body, "").clauses}
    return {k: v for k, v in found.items() if v}


def canonical_body(body: str) -> str:
    """The body without a person's topic overrides: what the body hash covers.

    Adding ``+images`` to a clause tag is the sanctioned way to correct the classifier, so
    it must not make the page count as edited.
    """
    out = []
    for line in body.split("\n"):
        tag = parse_tag(line)
        listed = [t for t in tag[3].get("topics", "").split(",") if t] if tag is not None else []
        if any(t[0] in "+-" for t in listed):
            topics = ",".join(t for t in listed if t[0] not in "+-")
            line = TOPICS_ATTR.sub(f"topics={topics}" if topics else "", line).replace("  ", " ").replace(" }", "}")
        out.append(line)
    return "\n".join(out)


def normalise(
    sources_dir: Path, pages_dir: Path, taxonomy: Taxonomy, force: bool = False, only: tuple[str, ...] = (), classifier: Classifier | None = None,
    reserved: Mapping[str, str] | None = None,
) -> tuple[list[NormaliseResult], list[Diagnostic]]:
    """Write the page of every source whose page is missing or stale.

    A page a person edited is left alone unless ``force``; so is a file at that path that
    this tool did not write. ``classifier`` (one for ``taxonomy``) may keep readings in a cache.
    A source whose slug is ``reserved`` (see ``discover_sources``) gets no page.
    """
    sources, diagnostics = discover_sources(sources_dir, reserved)
    classifier = classifier or Classifier(taxonomy)
    results: list[NormaliseResult] = []
    problems = list(diagnostics)
    for source in sources:
        if only and source.meta.slug not in only:
            continue
        page = page_path_for(pages_dir, source.meta.slug)
        try:
            existing = read_page(page, str(page))
            found = analyse(source, classifier, page_overrides(existing))
        except PolicyAtlasError as error:
            problems.append(Diagnostic(error.path, error.line, "bad-source", error.message, Severity.ERROR))
            continue
        data, notes = found.data, found.notes
        problems += _override_problems(existing, found.blocks, taxonomy, str(page))
        text = render_page(source, data, found.blocks, notes, found.set_aside)
        state = page_state(existing, data)
        if state in (PageState.EDITED, PageState.FOREIGN) and not force:
            results.append(NormaliseResult(source.meta.slug, page, "refused", f"{_refusal(existing or '', state)}; use --force to overwrite it", notes))
            continue
        if existing == text:
            results.append(NormaliseResult(source.meta.slug, page, "unchanged", "up to date", notes))
            continue
        try:
            write_atomically(page, text)
        except OSError as error:
            problems.append(Diagnostic(str(page), None, "unwritten", f"cannot write the page ({error.strerror or error}); it is left as it was", Severity.ERROR))
            continue
        results.append(NormaliseResult(source.meta.slug, page, "written", state.value, notes))
    return results, problems


def _override_problems(existing: str | None, blocks: tuple[Heading | Clause, ...], taxonomy: Taxonomy, shown: str) -> list[Diagnostic]:
    """A person's overrides that cannot be honoured: on a clause the source no longer has (dropped),
    or naming no topic of the taxonomy (kept in the page, never applied). Errors: say it, exit 1."""
    kept = page_overrides(existing)
    if not kept or existing is None:
        return []
    ids = {b.id for b in blocks if isinstance(b, Clause)}
    lines = tag_lines(existing)
    problems = [
        Diagnostic(shown, lines.get(clause_id), "unknown-clause", f"topic override {','.join(changes)} is on clause {clause_id!r}, which the source no longer has; it is dropped", Severity.ERROR)
        for clause_id, changes in sorted(kept.items())
        if clause_id not in ids
    ]
    problems += [
        Diagnostic(shown, lines.get(clause_id), "unknown-topic", f"topic override {change} on clause {clause_id!r}: no topic {change[1:]!r} in {taxonomy.path or 'the taxonomy'}; not applied", Severity.ERROR)
        for clause_id, changes in sorted(kept.items())
        if clause_id in ids
        for change in changes
        if taxonomy.get(change[1:]) is None
    ]
    return problems


def load_corpus(sources_dir: Path, pages_dir: Path, reserved: Mapping[str, str] | None = None) -> Corpus:
    """Read every school's page for a build, reporting missing, stale and edited pages.

    One bad school never stops the others: a source that cannot be used (unreadable, empty,
    binary, a document renamed ``.txt``, bad metadata, a duplicate slug, a slug the site uses itself:
    ``reserved``) or a page that cannot be read is an ERROR diagnostic, and that school is left out
    (``Corpus.left_out`` says why); a page that is merely stale is a warning. Raises
    PolicyAtlasError only when there is no sources directory to read.
    """
    sources, found = discover_sources(sources_dir, reserved)
    diagnostics = list(found)
    left_out = [d for d in found if d.severity is Severity.ERROR]
    schools: list[SchoolPolicy] = []
    for source in sources:
        try:
            school, problems = _load_school(source, pages_dir)
        except PolicyAtlasError as error:
            problem = Diagnostic(error.path, error.line, "left-out", f"{error.message}; this policy is left out", Severity.ERROR)
            diagnostics.append(problem)
            left_out.append(problem)
            continue
        diagnostics.extend(problems)
        if school is None:
            left_out.extend(p for p in problems if p.code == "missing-page")
        else:
            schools.append(school)
    return Corpus(tuple(schools), tuple(diagnostics), tuple(sorted(left_out, key=lambda d: (d.path, d.line or 0))))


def _load_school(source: Source, pages_dir: Path) -> tuple[SchoolPolicy | None, list[Diagnostic]]:
    """One school for a build, with what is wrong with its page; None when it has no page.

    Raises PolicyAtlasError when the school cannot be shown at all: its source cannot be read
    or is unusable (say, a PDF put where the text was), its page cannot be read, or its front
    matter sets a key the theme would print that is outside the policy page's allow-list.
    """
    page = page_path_for(pages_dir, source.meta.slug)
    shown = f"{pages_dir.name}/{page.name}"
    data = read_source_bytes(source)
    text = read_page(page, shown)
    problems: list[Diagnostic] = []
    unfit = unfit_note(text, shown, severity=Severity.WARNING) if text is not None else None
    if unfit is not None and text is not None:
        problems.append(unfit)  # only a hand edit puts them there: say where, and read on without them
        text = without_unfit(text)
    if text is None:
        read_document(data, source.meta.source_file)  # an unusable source says why, not just "no page"
        problems.append(Diagnostic(source.meta.source_file, None, "missing-page", f"has no page {shown}: run `policy-atlas normalise`"))
        return None, problems
    front_text = front_matter_text(text)
    refuse_aliases(front_text, shown, first_line=2)
    state = page_state(text, data)
    if state is PageState.FOREIGN:
        problems.append(Diagnostic(shown, None, "foreign-page", "has no policy_atlas front matter; run `policy-atlas normalise --force` to regenerate it"))
    front, body, offset = split_front_matter(text)
    for key, why in policy_page_problems(front, FRONT_MATTER_KEY)[:1]:  # the theme prints these: never publish one
        raise PolicyAtlasError(shown, f"front matter: {why}", key_lines(text).get(key))
    problems.extend(front_matter_problems(front, shown))
    record = front.get(FRONT_MATTER_KEY) if isinstance(front.get(FRONT_MATTER_KEY), dict) else {}
    _refuse_long_values(record or {}, front_text, shown)
    if state is not PageState.FOREIGN and (record or {}).get("source_sha256") != sha256_hex(data):
        read_document(data, source.meta.source_file)  # a source that became unusable is never published
        edited = " (and the page was edited by hand: use `--force`)" if state is PageState.EDITED else ""
        problems.append(Diagnostic(shown, None, "stale-page", f"is stale: {source.meta.source_file} changed since it was written; run `policy-atlas normalise`{edited}"))
    parsed = parse_document(body, shown, source_name(source.meta.source_file), offset, source.meta.slug)
    problems.extend(parsed.diagnostics)
    short = cut_short(record or {}, len(parsed.clauses)) if state is PageState.EDITED else None
    if short is not None:
        problems.append(Diagnostic(shown, None, "cut-short", short))
    listed = (record or {}).get("source_notes")
    notes = tuple(str(n) for n in listed) if isinstance(listed, list) else ()
    aside = page_set_aside(record or {})
    return SchoolPolicy(source.meta, page, parsed.blocks, notes, state is PageState.EDITED, aside, tag_lines(text), source.versions), problems
