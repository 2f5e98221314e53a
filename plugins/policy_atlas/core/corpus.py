"""The corpus: every school's source, its generated policy page, and whether the two agree.

``normalise`` writes ``docs/policies/<slug>.md`` from ``source_policies/<name>.txt``;
``load_corpus`` reads the pages back for a build. A page records, in its front matter, the
hash of the source it was made from and the hash of the body as written, so that a build can
tell a stale page from a current one, and the normaliser can tell a page a person edited
(which it must never overwrite silently) from one it wrote itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .classify import Classifier, classified_blocks, overrides
from .clausetag import TOPICS_ATTR, parse_document, parse_tag, write_blocks
from .documents import TEXT_SUFFIX, read_document
from .frontmatter import key_lines, policy_page_problems
from .ingest import parse_policy
from .model import Clause, Diagnostic, Heading, PolicyAtlasError, PolicyMeta, SetAside, Severity
from .sources import Source, discover_sources
from .taxonomy import Taxonomy

FORMAT = 2
"""Version of the page's front matter record; a page of another format is stale. 2: ``set_aside``."""
FRONT_MATTER_KEY = "policy_atlas"
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's safe loader where PyYAML has it: a long policy's front matter lists many set-aside lines."""
SET_ASIDE_KINDS = ("cover", "furniture")


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

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))

    @property
    def shown_page(self) -> str:
        """The page as messages name it: ``policies/<slug>.md``."""
        return f"{self.page_path.parent.name}/{self.page_path.name}"

    @cached_property
    def source_name(self) -> str:
        return Path(self.meta.source_file).name

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



def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split a page into (front matter, body, number of lines before the body)."""
    if not text.startswith("---\n"):
        return {}, text, 0
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text, 0
    try:
        loaded = yaml.load(text[4:end], Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return {}, text, 0
    body = text[end + 5:]
    offset = text[: end + 5].count("\n")
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
    canonical = canonical_body(body)
    front: dict[str, Any] = {
        FRONT_MATTER_KEY: {
            "format": FORMAT,
            "slug": source.meta.slug,
            "source": Path(source.meta.source_file).name,
            "source_sha256": sha256_hex(source_bytes),
            "body_sha256": sha256_hex(canonical.encode("utf-8")),
            "source_notes": [f"line {d.line}: {d.message}" if d.line else d.message for d in notes],
            "set_aside": [{"kind": a.kind, "text": _LineText(a.text), "lines": _FlowList(a.lines)} for a in set_aside],
        }
    }
    dumped = yaml.dump(front, Dumper=_PageDumper, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n{body}"


_RECORD_TYPES: dict[str, type] = {
    "format": int,
    "slug": str,
    "source": str,
    "source_sha256": str,
    "body_sha256": str,
    "source_notes": list,
    "set_aside": list,
}


def front_matter_problems(front: dict[str, Any], shown: str) -> list[Diagnostic]:
    """Check the page's ``policy_atlas`` record: every key present, of its type, and no others.

    A page written before ``set_aside`` existed (an older format) is stale, which says what to
    do; its missing ``set_aside`` is not reported as well.
    """
    record = front.get(FRONT_MATTER_KEY)
    if not isinstance(record, dict):
        return []
    older = record.get("format") != FORMAT
    problems = [
        Diagnostic(shown, None, "front-matter", f"front matter: {FRONT_MATTER_KEY}.{key} must be {kind.__name__}")
        for key, kind in _RECORD_TYPES.items()
        if not isinstance(record.get(key), kind) and not (older and key == "set_aside" and key not in record)
    ]
    problems += [
        Diagnostic(shown, None, "front-matter", f"front matter: unknown key {FRONT_MATTER_KEY}.{key}")
        for key in sorted(set(record) - set(_RECORD_TYPES))
    ]
    if isinstance(record.get("set_aside"), list):
        problems += [
            Diagnostic(shown, None, "front-matter", f"front matter: {FRONT_MATTER_KEY}.set_aside[{index}] must be {{kind: cover or furniture, text, lines: [line numbers]}}")
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
    if not isinstance(record, dict) or "body_sha256" not in record:
        return PageState.FOREIGN
    if record.get("body_sha256") != sha256_hex(canonical_body(body).encode("utf-8")):
        return PageState.EDITED
    if record.get("source_sha256") != sha256_hex(source_bytes) or record.get("format") != FORMAT:
        return PageState.STALE
    return PageState.CURRENT


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
    sources_dir: Path, pages_dir: Path, taxonomy: Taxonomy, force: bool = False, only: tuple[str, ...] = (), classifier: Classifier | None = None
) -> tuple[list[NormaliseResult], list[Diagnostic]]:
    """Write the page of every source whose page is missing or stale.

    A page a person edited is left alone unless ``force``; so is a file at that path that
    this tool did not write. ``classifier`` (one for ``taxonomy``) may keep readings in a cache.
    """
    sources, diagnostics = discover_sources(sources_dir)
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
            why = "was edited by hand" if state is PageState.EDITED else "was not written by policy-atlas"
            results.append(NormaliseResult(source.meta.slug, page, "refused", f"{why}; use --force to overwrite it", notes))
            continue
        if existing == text:
            results.append(NormaliseResult(source.meta.slug, page, "unchanged", "up to date", notes))
            continue
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8", newline="\n")
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


def load_corpus(sources_dir: Path, pages_dir: Path) -> Corpus:
    """Read every school's page for a build, reporting missing, stale and edited pages.

    One bad school never stops the others: a source that cannot be used (unreadable, empty,
    binary, a document renamed ``.txt``, bad metadata, a duplicate slug) or a page that cannot be
    read is an ERROR diagnostic, and that school is left out (``Corpus.left_out`` says why); a
    page that is merely stale is a warning. Raises PolicyAtlasError only when there is no
    sources directory to read.
    """
    sources, found = discover_sources(sources_dir)
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
    if text is None:
        read_document(data, source.meta.source_file)  # an unusable source says why, not just "no page"
        problems.append(Diagnostic(source.meta.source_file, None, "missing-page", f"has no page {shown}: run `policy-atlas normalise`"))
        return None, problems
    state = page_state(text, data)
    if state is PageState.FOREIGN:
        problems.append(Diagnostic(shown, None, "foreign-page", "has no policy_atlas front matter; run `policy-atlas normalise --force` to regenerate it"))
    front, body, offset = split_front_matter(text)
    for key, why in policy_page_problems(front, FRONT_MATTER_KEY)[:1]:  # the theme prints these: never publish one
        raise PolicyAtlasError(shown, f"front matter: {why}", key_lines(text).get(key))
    problems.extend(front_matter_problems(front, shown))
    record = front.get(FRONT_MATTER_KEY) if isinstance(front.get(FRONT_MATTER_KEY), dict) else {}
    if state is not PageState.FOREIGN and (record or {}).get("source_sha256") != sha256_hex(data):
        read_document(data, source.meta.source_file)  # a source that became unusable is never published
        edited = " (and the page was edited by hand: use `--force`)" if state is PageState.EDITED else ""
        problems.append(Diagnostic(shown, None, "stale-page", f"is stale: {source.meta.source_file} changed since it was written; run `policy-atlas normalise`{edited}"))
    parsed = parse_document(body, shown, Path(source.meta.source_file).name, offset)
    problems.extend(parsed.diagnostics)
    listed = (record or {}).get("source_notes")
    notes = tuple(str(n) for n in listed) if isinstance(listed, list) else ()
    aside = page_set_aside(record or {})
    return SchoolPolicy(source.meta, page, parsed.blocks, notes, state is PageState.EDITED, aside, tag_lines(text)), problems
