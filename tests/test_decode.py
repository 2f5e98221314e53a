"""decode_source: real bytes in, clean text (or one PolicyAtlasError naming file and line) out."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_atlas.core.decode import DecodedText, decode_source
from policy_atlas.core.model import Diagnostic, PolicyAtlasError, Severity

PATH = "source_policies/northgate.txt"
QUOTED = "Staff must not “friend” pupils; don’t post café photos.\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding", "codes"),
    [
        pytest.param(QUOTED.encode("utf-8"), QUOTED, "utf-8", (), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + QUOTED.encode(), QUOTED, "utf-8-sig", (), id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + QUOTED.encode("utf-16-le"), QUOTED, "utf-16", (), id="utf-16-le"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + QUOTED.encode("utf-16-be"), QUOTED, "utf-16", (), id="utf-16-be"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + QUOTED.encode("utf-32-le"), QUOTED, "utf-32", (), id="utf-32-le"
        ),
        pytest.param(
            codecs.BOM_UTF32_BE + QUOTED.encode("utf-32-be"), QUOTED, "utf-32", (), id="utf-32-be"
        ),
        pytest.param(
            b"\x93hi\x94 caf\xe9\n", "“hi” café\n", "cp1252", ("decoded-cp1252",), id="cp1252"
        ),
        pytest.param(
            "donâ€™t post".encode(),
            "don’t post",
            "utf-8",
            ("mojibake-repaired",),
            id="mojibake",
        ),
        pytest.param(
            "‘single’ “double” don't".encode(),
            "‘single’ “double” don't",
            "utf-8",
            (),
            id="curly-kept",
        ),
        pytest.param(
            b"&lt;script&gt; &amp; <b>", "&lt;script&gt; &amp; <b>", "utf-8", (), id="html-kept"
        ),
        pytest.param(b"one\n\ftwo\f\n", "one\n\ftwo\f\n", "utf-8", (), id="form-feed"),
        pytest.param(b"a\tb\n", "a\tb\n", "utf-8", (), id="tab"),
        pytest.param(b"a\r\nb\r\n\r\nc\r\n", "a\nb\n\nc\n", "utf-8", (), id="crlf"),
        pytest.param(b"a\rb\r", "a\nb\n", "utf-8", (), id="lone-cr"),
        pytest.param("a\u2028b\u2029c".encode(), "a\nb\nc", "utf-8", (), id="ls-ps"),
        pytest.param("cafe\u0301".encode(), "café", "utf-8", (), id="nfc"),
        pytest.param("ﬁle".encode(), "file", "utf-8", (), id="ligature-is-not-mojibake"),
        # ftfy reads U+0085 as a Windows-1252 ellipsis gone wrong, not as a line break.
        pytest.param(b"a\xc2\x85b", "a…b", "utf-8", ("mojibake-repaired",), id="nel"),
        pytest.param(codecs.BOM_UTF8 + "\ufeffhi".encode(), "hi", "utf-8-sig", (), id="two-boms"),
    ],
)
def test_decodes(data: bytes, text: str, encoding: str, codes: tuple[str, ...]) -> None:
    result = decode_source(data, PATH)
    assert result.text == text
    assert result.encoding == encoding
    assert tuple(d.code for d in result.diagnostics) == codes
    assert all(d.severity is Severity.NOTE for d in result.diagnostics)


@pytest.mark.parametrize(
    ("data", "diagnostic"),
    [
        pytest.param(
            b"line one\nline two \x93quoted\x94\n",
            Diagnostic(
                PATH,
                2,
                "decoded-cp1252",
                "not valid UTF-8 (byte 0x93 at line 2); decoded as Windows-1252",
                Severity.NOTE,
            ),
            id="cp1252",
        ),
        pytest.param(
            "fine\r\nalso fine\r\ndonâ€™t\r\n".encode(),
            Diagnostic(
                PATH,
                3,
                "mojibake-repaired",
                "repaired mojibake (text decoded with the wrong encoding before it reached us), "
                "first at line 3",
                Severity.NOTE,
            ),
            id="mojibake",
        ),
    ],
)
def test_diagnostics_name_the_line(data: bytes, diagnostic: Diagnostic) -> None:
    assert decode_source(data, PATH).diagnostics == (diagnostic,)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"one\ntwo\n\nfour", id="lf"),
        pytest.param(b"one\r\ntwo\r\n\r\nfour\r\n", id="crlf"),
        pytest.param(b"one\r\n\x93two\x94\r\n\x0c\r\nfour", id="crlf-cp1252-feed"),
        pytest.param("one\ndonâ€™t\n\n“four”\n".encode(), id="lf-mojibake"),
        pytest.param(codecs.BOM_UTF16_LE + "one\r\ntwo\r\n".encode("utf-16-le"), id="utf-16-crlf"),
    ],
)
def test_line_count_is_kept(data: bytes) -> None:
    source_lines = data.decode("utf-16" if data.startswith(codecs.BOM_UTF16_LE) else "latin-1")
    assert len(decode_source(data, PATH).text.split("\n")) == len(source_lines.split("\n"))


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        pytest.param(b"", f"{PATH}: empty file: no policy text", None, id="empty"),
        pytest.param(b" \n\t\r\n\f", f"{PATH}: empty file: no policy text", None, id="whitespace"),
        pytest.param(codecs.BOM_UTF8, f"{PATH}: empty file: no policy text", None, id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
            f"{PATH}: empty file: no policy text",
            None,
            id="utf-16-bom-space",
        ),
        pytest.param(
            codecs.BOM_UTF8 + "\ufeff \u00a0\n".encode(),
            f"{PATH}: empty file: no policy text",
            None,
            id="boms-and-nbsp",
        ),
        pytest.param(
            b"line one\nline two\x00\n",
            f"{PATH}:2: binary file, not text (NUL byte at line 2)",
            2,
            id="nul",
        ),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            f"{PATH}:3: binary file, not text (NUL byte at line 3)",
            3,
            id="png",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + "a\nb\x00".encode("utf-16-le"),
            f"{PATH}:2: binary file, not text (NUL byte at line 2)",
            2,
            id="utf-16-nul",
        ),
        pytest.param(
            b"ok\n" + bytes(range(1, 9)) * 4,
            f"{PATH}:2: binary file, not text (32 of the first 35 characters are control "
            "characters, the first at line 2)",
            2,
            id="control-bytes",
        ),
        pytest.param(
            b"one\ntwo\nthree \x81 four\n",
            f"{PATH}:3: undecodable bytes: byte 0x81 at line 3 is neither UTF-8 nor Windows-1252",
            3,
            id="undefined-cp1252",
        ),
        pytest.param(
            b"one\rtwo\r\x8d",
            f"{PATH}:3: undecodable bytes: byte 0x8d at line 3 is neither UTF-8 nor Windows-1252",
            3,
            id="undefined-cp1252-lone-cr",
        ),
        pytest.param(
            b"\x93quote\x94\nok\nbad \xe2\x80\x9d\n",
            f"{PATH}:1: undecodable bytes: not UTF-8 (byte 0x93 at line 1) "
            "and not Windows-1252 (byte 0x9d at line 3)",
            1,
            id="mixed-utf-8-and-cp1252",
        ),
        pytest.param(
            codecs.BOM_UTF8 + b"ok\n\x93no\x94\n",
            f"{PATH}:2: undecodable bytes: byte 0x93 at line 2 is not valid UTF-8, "
            "though the file starts with a UTF-8 byte-order mark",
            2,
            id="utf-8-bom-then-cp1252",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"x",
            f"{PATH}:2: undecodable bytes: byte 0x78 at line 2 is not valid UTF-16, "
            "though the file starts with a UTF-16 byte-order mark",
            2,
            id="utf-16-truncated",
        ),
    ],
)
def test_refuses(data: bytes, message: str, line: int | None) -> None:
    with pytest.raises(PolicyAtlasError) as caught:
        decode_source(data, PATH)
    assert str(caught.value) == message
    assert caught.value.path == PATH
    assert caught.value.line == line


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_policy_error(data: bytes) -> None:
    try:
        result = decode_source(data, PATH)
    except PolicyAtlasError:
        return
    assert isinstance(result, DecodedText)
    assert result.text.strip()
    assert not result.text.startswith("\ufeff")
    assert "\r" not in result.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "x.txt:1: this is a PDF file, not text: name it .pdf", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "x.txt:1: this is a Word, OpenDocument or other zipped file", id="docx"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "x.txt:1: this is an old Word (.doc) or other Office file", id="doc"),
        pytest.param(b"{\\rtf1\\ansi Staff must not", "x.txt:1: this is a Rich Text (RTF) file", id="rtf"),
        pytest.param(
            b"Policy\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n",
            "x.txt:2: this holds the inside of a PDF file (object markers from line 2)",
            id="pdf-internals-that-decode-as-text",
        ),
    ],
)
def test_documents_renamed_txt_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(PolicyAtlasError) as caught:
        decode_source(data, "x.txt")
    assert str(caught.value).startswith(message)


def test_words_like_object_in_a_policy_are_fine() -> None:
    assert decode_source(b"Staff who object must say so. The end of the object.\n", "x.txt").text.startswith("Staff")
