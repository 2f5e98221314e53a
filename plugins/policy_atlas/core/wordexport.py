"""The model policy as a Word document an author can take into their drafting.

Real Word headings for the sections, each clause a numbered paragraph, and the provenance and
drafting notes as Word comments on the clause they concern, so an author resolves or deletes
them in Word as they decide. The drafting notes are also listed at the end, so a printed copy
carries them. Every text passes ``decode.without_unfit`` on its way in: decoding already removed
what XML cannot hold, but one character that slipped past would stop every school's build. The
document is the same bytes for the same model and date: python-docx stamps comments and zip
entries with the time of saving, so both are set to the build date. The page is A4 with 2.54 cm
margins, as UK schools print (python-docx's default template is US Letter), and schools are
named as people know them, never by slug.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import date, datetime, timezone

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.document import Document as DocxDocument
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from .decode import without_unfit
from .text import clause_number
from .merge import Alternative, DraftingNote, ModelClause, ModelPolicy, Source

AUTHOR = "Policy Atlas"
INITIALS = "PA"
TITLE = "Model social media policy for staff"


def _source_line(source: Source, used: bool) -> str:
    where = f"{source.name}, clause {clause_number(source.number, source.clause)}" if source.number else source.name
    return f"{where} ({source.force.words}){' — wording used' if used else ''}: “{source.text}”"


def provenance_text(clause: ModelClause) -> str:
    """The comment on a model clause: where its words come from, and who says the same."""
    lines = [f"Clause {clause.number}: sources"]
    lines += [_source_line(s, s is clause.source) for s in clause.agreeing]
    if clause.generalised:
        lines.append("Made general: " + "; ".join(f"“{a}” → “{b}”" for a, b in clause.generalised))
    return "\n".join(lines)


def note_text(note: DraftingNote, names: Mapping[str, str]) -> str:
    """A drafting note as a comment: the decision, then each alternative with who holds it
    (``names``: each school's name by slug)."""
    lines = [f"Drafting note: {note.text}"]
    lines += [_alternative_text(a, names) for a in note.alternatives]
    return "\n".join(lines)


def _alternative_text(alternative: Alternative, names: Mapping[str, str]) -> str:
    schools = ", ".join(names.get(slug, slug) for slug in alternative.schools)
    return f"{alternative.force.words} — {schools}: “{alternative.wording.text}”"


PAGE_SIZE = (Mm(210), Mm(297))
"""A4, portrait."""
MARGIN = Cm(2.54)
"""Word's "Normal" margins in the UK: 2.54 cm on every side."""


def _a4(document: DocxDocument) -> None:
    """Every section A4 with UK margins."""
    for section in document.sections:
        section.page_width, section.page_height = PAGE_SIZE
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = MARGIN


def _comment(document: DocxDocument, paragraph: Paragraph, text: str, stamp: str) -> None:
    parts = without_unfit(text).split("\n")
    comment = document.add_comment(paragraph.runs, text=parts[0], author=AUTHOR, initials=INITIALS)
    for part in parts[1:]:
        comment.add_paragraph(part)
    comment._comment_elm.set(qn("w:date"), stamp)


def model_docx(model: ModelPolicy, today: date) -> bytes:
    """The Word document of the model policy, stamped with ``today`` (the build date)."""
    document = Document()
    _a4(document)
    names = dict(model.schools)
    stamp = f"{today.isoformat()}T00:00:00Z"
    moment = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    properties = document.core_properties
    properties.title = TITLE
    properties.author = AUTHOR
    properties.created = moment
    properties.modified = moment
    properties.last_modified_by = AUTHOR
    properties.comments = "Made by Policy Atlas from the schools' own policies"
    document.styles["Normal"].font.size = Pt(11)
    # Looked up once: finding a style by name searches every style, for each paragraph.
    quote, bullet, bullet2 = (document.styles[name] for name in ("Intense Quote", "List Bullet", "List Bullet 2"))

    document.add_heading(TITLE, level=0)
    document.add_paragraph(
        f"A first draft made from what {len(model.schools)} schools' policies say: each clause is a provision at least "
        f"{model.needed} of them address, in one school's own words. The comments give each clause's sources and the "
        "drafting notes: decisions for governors to take before the policy is adopted."
    )
    for section in model.sections:
        heading = document.add_heading(without_unfit(f"{section.number} {section.title}"), level=1)
        for gap in section.gaps:
            _styled(document, f"Gap in the model: {gap.text}", quote)
        on_clause: dict[str, list[DraftingNote]] = {}
        for note in section.notes:
            on_clause.setdefault(note.clause or "", []).append(note)
        for clause in section.clauses:
            paragraph = document.add_paragraph()
            number = paragraph.add_run(f"{clause.number}\t")
            number.bold = True
            paragraph.add_run(without_unfit(clause.text))
            _comment(document, paragraph, provenance_text(clause), stamp)
            for note in on_clause.get(clause.id, []):
                _comment(document, paragraph, note_text(note, names), stamp)
        for note in on_clause.get("", []):
            _comment(document, heading, note_text(note, names), stamp)

    if model.notes:
        document.add_heading("Drafting notes", level=1)
        for note in model.notes:
            where = f"Clause {next(c.number for c in model.clauses if c.id == note.clause)}: " if note.clause else ""
            _styled(document, f"{where}{note.text}", bullet)
            for alternative in note.alternatives:
                _styled(document, _alternative_text(alternative, names), bullet2)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_times(raw.getvalue(), today)


def _styled(document: DocxDocument, text: str, style: BaseStyle) -> Paragraph:
    """A paragraph in ``style``. Its id is set as python-docx sets it, without the search of
    every style (twice) that ``add_paragraph(style=...)`` makes for each paragraph."""
    paragraph = document.add_paragraph(without_unfit(text))
    paragraph._p.get_or_add_pPr().style = style.style_id
    return paragraph


ZIP_DATES = (date(1980, 1, 1), date(2107, 12, 31))
"""The dates a zip entry can carry; a build date outside them (``SOURCE_DATE_EPOCH=0`` is 1970) is
clamped to the nearest, since it only stamps the entries."""


def _zip_date(today: date) -> tuple[int, int, int, int, int, int]:
    clamped = min(max(today, ZIP_DATES[0]), ZIP_DATES[1])
    return (clamped.year, clamped.month, clamped.day, 0, 0, 0)


def _fixed_times(data: bytes, today: date) -> bytes:
    """The same package with every zip entry dated ``today``, so equal models give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_zip_date(today))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
