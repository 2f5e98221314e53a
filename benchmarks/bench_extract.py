"""Extraction speed and fidelity of PDF text libraries on the same files.

    .venv/bin/python benchmarks/bench_extract.py [FILE.pdf ...] [--pages 60]

With no files it makes a long policy PDF (``--pages`` pages, with a running header and
"Page N of M" footers) from the Larkfield fixture text with LibreOffice (``soffice`` must be
installed) in a temporary folder. For each library that is installed (pypdfium2 always;
pdfplumber and pypdf if you add them) it reports pages per second (best of three) and, for the
made file, the share of the words written into it that come back (as a multiset), and
how many list numbers are glued to the text that follows ("4.Contact"). The project reads PDFs
with pypdfium2, through ``documents.pdf_text``, which reads each page by its layout (each
character's box: running headers and footers, columns, ruled tables, line-end hyphens; see
``core/pdflayout.py``); the row "pypdfium2" is the text in stored order alone, what the project
read before it used the layout. The target is 20 pages a second or more.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "plugins"))
sys.path.insert(0, str(HERE.parent / "tests" / "fixtures" / "documents"))

WORD = re.compile(r"\w+")


def _pypdfium2(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _pdfplumber(data: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() or "" for page in document.pages]


def _pypdf(data: bytes) -> list[str]:
    import io

    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _project(data: bytes) -> list[str]:
    from policy_atlas.core.documents import pdf_text

    return pdf_text(data, "bench.pdf").text.split("\f")


LIBRARIES: dict[str, Callable[[bytes], list[str]]] = {"pypdfium2": _pypdfium2, "pdfplumber": _pdfplumber, "pypdf": _pypdf, "policy-atlas (pypdfium2 by layout)": _project}


def make_long_pdf(folder: Path, pages: int) -> tuple[Path, list[str]]:
    """A policy of about ``pages`` pages from the fixture text, and the words written into it."""
    import make_fixtures

    repeats = max(1, pages // 3)
    make_fixtures.SECTIONS = [(f"{heading} (part {n})", items) for n in range(1, repeats + 1) for heading, items in make_fixtures.SECTIONS]
    source = folder / "long.fodt"
    source.write_text(make_fixtures.fodt(), encoding="utf-8")
    profile = f"-env:UserInstallation=file://{folder}/profile"  # not the profile of a LibreOffice already running
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True)
    written = [item for _, items in make_fixtures.SECTIONS for entry in items for item in (entry if isinstance(entry, list) else [entry])]
    return folder / "long.pdf", WORD.findall(" ".join(written))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        expected: list[str] | None = None
        files = args.files
        if not files:
            made, expected = make_long_pdf(Path(tmp), args.pages)
            files = [made]
        for path in files:
            data = path.read_bytes()
            print(f"== {path.name} ({len(data) // 1024} KB)")
            for name, extract in LIBRARIES.items():
                try:
                    pages = extract(data)
                except ImportError:
                    print(f"  {name:38} not installed")
                    continue
                best = min(_timed(extract, data) for _ in range(3))
                line = f"  {name:38} {len(pages):4} pages  {len(pages) / best:8.0f} pages/s"
                text = "\n".join(pages)
                glued = len(re.findall(r"(?m)^\d+(?:\.\d+)*\.[A-Z]", text))
                if expected is not None:
                    got = Counter(WORD.findall(text))
                    kept = sum(min(count, got[word]) for word, count in Counter(expected).items())
                    line += f"  words found {kept / len(expected):.3f}"
                print(line + f"  numbers glued to text {glued}")


def _timed(extract: Callable[[bytes], list[str]], data: bytes) -> float:
    start = time.perf_counter()
    extract(data)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
