"""Raw policy bytes to clean text: choose the encoding, refuse binaries, repair mojibake.

Ingest numbers lines by splitting the result on ``"\\n"``, so every step here keeps line N of
the result on line N of the source as an editor shows it, and keeps form feeds (page breaks).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ftfy import TextFixerConfig, fix_text

from .model import Diagnostic, PolicyAtlasError, Severity

# (mark, encoding reported, codec for the bytes after the mark). UTF-32 comes first
# because the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_WIDE = frozenset({"utf-16", "utf-32"})
_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}

_SNIFF_SIZE = 4096
_TEXT_CONTROLS = frozenset("\t\n\r\f")
# The breaks ftfy turns into "\n"; U+0085 is absent because ftfy first reads it as a
# mis-decoded Windows-1252 ellipsis.
_LINE_BREAK = re.compile("\r\n?|[\n\u2028\u2029]")

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
UNFIT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff{_NONCHARACTERS}]")
"""Characters no output can hold: XML 1.0 (the Word export, the sitemap) refuses the C0 controls
other than tab and line breaks, surrogates, U+FFFE and U+FFFF, and python-docx refuses them all;
Unicode's other noncharacters are never text either. One such character in one clause must not
stop every school's model, so they are removed where text enters the project."""
UNFIT_IN_SOURCE = re.compile(UNFIT.pattern.replace("\x0c", ""))
"""The same, less the form feed: in a source it marks a page break (``ingest.page_of_lines``),
and ingest keeps it out of the clauses."""

_REPAIR = TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)
# The same clean-up without the mojibake fixers, to tell a repair from mere tidying.
_TIDY = _REPAIR._replace(fix_encoding=False, fix_c1_controls=False)


@dataclass(frozen=True)
class DecodedText:
    """A source file as text that ingest can trust, with how it was read."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...]


_DOCUMENT_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "name it .pdf and it is read as one"),
    (b"PK\x03\x04", "a Word, OpenDocument or other zipped file", "if it is a Word document, name it .docx and it is read as one"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or other Office file", "save it from Word or LibreOffice as a Word document (.docx)"),
    (b"{\\rtf", "a Rich Text (RTF) file", "save it from Word or LibreOffice as a Word document (.docx)"),
)
# Spaces and tabs only (never \s, which spans lines): a run of blank lines must not be re-read
# from every line it holds.
_PDF_INTERNALS = re.compile(rb"^[ \t]*\d+[ \t]+\d+[ \t]+obj\b|\bendobj\b|\bendstream\b|^[ \t]*xref[ \t]*\r?$|/Type[ \t]*/(?:Page|Catalog|Font)\b", re.MULTILINE)
_PDF_INTERNALS_ENOUGH = 3


def _refuse_document(data: bytes, path: str) -> None:
    """A document file renamed ``.txt`` may even decode as text; publishing its internals would be nonsense."""
    for signature, kind, remedy in _DOCUMENT_SIGNATURES:
        if data.lstrip(b"\xef\xbb\xbf").startswith(signature):
            raise PolicyAtlasError(path, f"this is {kind}, not text: {remedy}", line=1)
    markers = _PDF_INTERNALS.findall(data[: 1 << 20])
    if len(markers) >= _PDF_INTERNALS_ENOUGH:
        first = _PDF_INTERNALS.search(data)
        line = data[: first.start()].count(b"\n") + 1 if first else 1
        raise PolicyAtlasError(path, f"this holds the inside of a PDF file (object markers from line {line}), not its text: use the PDF itself, named .pdf", line=line)


def decode_source(data: bytes, path: str) -> DecodedText:
    """Decode and repair one policy file; raise PolicyAtlasError if it holds no usable text."""
    _refuse_document(data, path)
    text, encoding, diagnostics = _decode(data, path)
    _require_text(text, path)
    repaired, tidied = _repair(text, path)
    if repaired != tidied:
        diagnostics += (_repair_note(tidied, repaired, path),)
    repaired = repaired.removeprefix("\ufeff")
    unfit = unfit_note(text, path, UNFIT_IN_SOURCE)
    if unfit is not None:
        diagnostics += (unfit,)
        repaired = UNFIT_IN_SOURCE.sub("", repaired)
    _require_text(repaired, path)
    return DecodedText(repaired, encoding, diagnostics)


def without_unfit(text: str) -> str:
    """``text`` without the characters no output can hold (see ``UNFIT``)."""
    return UNFIT.sub("", text)


def unfit_note(text: str, path: str, unfit: re.Pattern[str] = UNFIT, severity: Severity = Severity.NOTE) -> Diagnostic | None:
    """Say where ``text`` holds characters no output can hold, which reading it removes; None if none."""
    found = unfit.search(text)
    if found is None:
        return None
    count = len(unfit.findall(text))
    line = _count_lines(text[: found.start()])
    return Diagnostic(
        path,
        line,
        "unfit-characters",
        f"removed {count} character{'s' if count != 1 else ''} that no page or document can hold "
        f"(control characters, noncharacters such as U+FFFF), the first U+{ord(found.group()):04X} at line {line}",
        severity,
    )


def _decode(data: bytes, path: str) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Pick the encoding: a byte-order mark decides; otherwise UTF-8, then Windows-1252."""
    for bom, encoding, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if encoding in _WIDE:
                # UTF-16/32 text is full of NUL bytes, so judge its characters instead.
                text = _decode_declared(body, encoding, codec, path)
                _refuse_binary(text, path)
            else:
                _refuse_binary(body.decode("latin-1"), path)
                text = _decode_declared(body, encoding, codec, path)
            return text, encoding, ()

    _refuse_binary(data.decode("latin-1"), path)
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        utf8_offset = exc.start
    utf8_line = _line_at(data, utf8_offset, "utf-8")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, path, utf8_offset, exc.start) from None
    note = Diagnostic(
        path,
        utf8_line,
        "decoded-cp1252",
        f"not valid UTF-8 (byte 0x{data[utf8_offset]:02x} at line {utf8_line}); "
        "decoded as Windows-1252",
        Severity.NOTE,
    )
    return text, "cp1252", (note,)


def _decode_declared(body: bytes, encoding: str, codec: str, path: str) -> str:
    """Decode what follows a byte-order mark; no fallback, since the mark is a promise."""
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        line = _line_at(body, exc.start, codec)
        raise PolicyAtlasError(
            path,
            f"undecodable bytes: byte 0x{body[exc.start]:02x} at line {line} is not valid "
            f"{_NAMES[encoding]}, though the file starts with a {_NAMES[encoding]} "
            "byte-order mark",
            line=line,
        ) from None


def _undecodable(
    data: bytes, path: str, utf8_offset: int, cp1252_offset: int
) -> PolicyAtlasError:
    """Name the bytes that defeated both encodings, or each culprit when they differ."""
    cp1252_line = _line_at(data, cp1252_offset, "cp1252")
    if utf8_offset == cp1252_offset:
        return PolicyAtlasError(
            path,
            f"undecodable bytes: byte 0x{data[cp1252_offset]:02x} at line {cp1252_line} "
            "is neither UTF-8 nor Windows-1252",
            line=cp1252_line,
        )
    utf8_line = _line_at(data, utf8_offset, "utf-8")
    return PolicyAtlasError(
        path,
        f"undecodable bytes: not UTF-8 (byte 0x{data[utf8_offset]:02x} at line {utf8_line}) "
        f"and not Windows-1252 (byte 0x{data[cp1252_offset]:02x} at line {cp1252_line})",
        line=min(utf8_line, cp1252_line),
    )


def _refuse_binary(text: str, path: str) -> None:
    """Reject data that is not text; ``text`` is the raw bytes as Latin-1, or decoded UTF-16/32."""
    nul = text.find("\x00")
    if nul >= 0:
        line = _count_lines(text[:nul])
        raise PolicyAtlasError(path, f"binary file, not text (NUL byte at line {line})", line=line)
    head = text[:_SNIFF_SIZE]
    controls = [i for i, ch in enumerate(head) if ch < " " and ch not in _TEXT_CONTROLS]
    if len(controls) * 10 > len(head):
        line = _count_lines(head[: controls[0]])
        raise PolicyAtlasError(
            path,
            f"binary file, not text ({len(controls)} of the first {len(head)} characters are "
            f"control characters, the first at line {line})",
            line=line,
        )


def _require_text(text: str, path: str) -> None:
    if not text.replace("\ufeff", "").strip():
        raise PolicyAtlasError(path, "empty file: no policy text")


def _repair(text: str, path: str) -> tuple[str, str]:
    """The text as ftfy repairs it, and as it would be tidied without the mojibake fixers."""
    try:
        return fix_text(text, _REPAIR), fix_text(text, _TIDY)
    except Exception as exc:
        # ftfy is heuristic code run on whatever a school published; a failure there is
        # still a problem with this file, and the build must be able to name it.
        raise PolicyAtlasError(path, f"could not repair text: {exc}") from exc


def _repair_note(tidied: str, repaired: str, path: str) -> Diagnostic:
    """A NOTE naming the first line where ftfy undid mojibake rather than merely tidied."""
    tidied_lines = tidied.split("\n")
    repaired_lines = repaired.split("\n")
    pairs = enumerate(zip(tidied_lines, repaired_lines, strict=False))
    index = next(
        (i for i, (a, b) in pairs if a != b),
        min(len(tidied_lines), len(repaired_lines)),
    )
    return Diagnostic(
        path,
        index + 1,
        "mojibake-repaired",
        "repaired mojibake (text decoded with the wrong encoding before it reached us), "
        f"first at line {index + 1}",
        Severity.NOTE,
    )


def _line_at(data: bytes, offset: int, encoding: str) -> int:
    """The 1-based line, as the decoded result will number it, of the byte at ``offset``."""
    return _count_lines(data[:offset].decode(encoding, errors="replace"))


def _count_lines(prefix: str) -> int:
    return len(_LINE_BREAK.findall(prefix)) + 1
