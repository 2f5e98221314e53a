"""Two versions of a school's policy as one Word document with real tracked changes.

A reviewer at a governors' meeting works in Word: each rewording is a Word revision (``w:ins`` and
``w:del`` runs, word by word, from ``redline``), an added clause an inserted paragraph, a removed
one a deleted paragraph, a split or merge the old paragraphs deleted and the new inserted, a
renumbering the old number deleted and the new inserted, and a heading renamed or renumbered its
old words deleted and its new inserted. So "Accept all changes" gives the new version's text, paragraph for
paragraph (its headings, then each clause as its number, a tab, and its words), and "Reject all"
gives the old version's clauses and headings. What a revision cannot say (a clause
moved, split or merged, its force changed) is a comment on the paragraph. The document is the same
bytes for the same pair and date.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .changes import VersionPair
from .decode import without_unfit
from .model import Clause, Heading
from .redline import Change, redline
from .versions import ChangeKind, ClauseChange
from .wordexport import AUTHOR, INITIALS, _fixed_times


class _Revisions:
    """Numbers each revision and stamps it with the author and the build date."""

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self.count = 0

    def mark(self, tag: str) -> BaseOxmlElement:
        element = OxmlElement(tag)
        self.count += 1
        element.set(qn("w:id"), str(self.count))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.stamp)
        return element


def _run(text: str, deleted: bool = False) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    words = OxmlElement("w:delText" if deleted else "w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = without_unfit(text)
    run.append(words)
    return run


class _Writer:
    def __init__(self, document: DocxDocument, stamp: str) -> None:
        self.document = document
        self.revisions = _Revisions(stamp)
        self.stamp = stamp

    def plain(self, paragraph: Paragraph, text: str) -> None:
        paragraph._p.append(_run(text))

    def tracked(self, paragraph: Paragraph, text: str, kind: str) -> None:
        """A run inserted (``insert``) or deleted (``delete``) as a Word revision."""
        deleted = kind == "delete"
        wrapper = self.revisions.mark("w:del" if deleted else "w:ins")
        wrapper.append(_run(text, deleted))
        paragraph._p.append(wrapper)

    def paragraph_mark(self, paragraph: Paragraph, kind: str) -> None:
        """The paragraph itself inserted or deleted, so accepting (or rejecting) leaves no empty line."""
        properties = paragraph._p.get_or_add_pPr()
        marks = OxmlElement("w:rPr")
        marks.append(self.revisions.mark("w:del" if kind == "delete" else "w:ins"))
        properties.append(marks)

    def comment(self, paragraph: Paragraph, text: str) -> None:
        """A comment on the paragraph's words, tracked or not (an empty run of its own, after a
        deleted paragraph's words, stops LibreOffice loading the document)."""
        runs = [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]
        found = self.document.add_comment(runs, text=without_unfit(text), author=AUTHOR, initials=INITIALS)
        found._comment_elm.set(qn("w:date"), self.stamp)

    def redline(self, paragraph: Paragraph, changes: tuple[Change, ...]) -> None:
        """The words of a clause reworded, each change a revision, spaces where each side needs one."""
        old_started = new_started = False
        for change in changes:
            if change.kind == "equal":
                if old_started and new_started:
                    self.plain(paragraph, " ")
                elif old_started:
                    self.tracked(paragraph, " ", "delete")
                elif new_started:
                    self.tracked(paragraph, " ", "insert")
                self.plain(paragraph, change.text)
                old_started = new_started = True
            elif change.kind == "delete":
                self.tracked(paragraph, (" " if old_started else "") + change.text, "delete")
                old_started = True
            else:
                self.tracked(paragraph, (" " if new_started else "") + change.text, "insert")
                new_started = True

    def clause(self, clause: Clause, kind: str | None) -> Paragraph:
        """A whole clause, plain (``None``), inserted or deleted."""
        paragraph = self.document.add_paragraph()
        text = f"{clause.number}\t{clause.text}" if clause.number else clause.text
        if kind is None:
            self.plain(paragraph, text)
        else:
            self.tracked(paragraph, text, kind)
            self.paragraph_mark(paragraph, kind)
        return paragraph

    def continued(self, change: ClauseChange) -> Paragraph:
        """A clause in both versions: its number (revised if renumbered), a tab, its words (revised if reworded)."""
        old, new = change.old[0], change.new[0]
        paragraph = self.document.add_paragraph()
        if old.number != new.number and (old.number or new.number):
            if old.number:
                self.tracked(paragraph, f"{old.number}\t", "delete")
            if new.number:
                self.tracked(paragraph, f"{new.number}\t", "insert")
        elif new.number:
            self.plain(paragraph, f"{new.number}\t")
        if change.redline:
            self.redline(paragraph, change.redline)
        else:
            self.plain(paragraph, new.text)
        return paragraph


def _notes(change: ClauseChange) -> list[str]:
    notes = []
    if change.moved:
        notes.append(f"Moved: in the old version this was clause {change.old[0].number or '(unnumbered)'}, elsewhere in the order.")
    if change.kind is ChangeKind.SPLIT:
        notes.append(f"Split: clause {change.old[0].number or '(unnumbered)'} of the old version is now {len(change.new)} clauses.")
    if change.kind is ChangeKind.MERGED:
        numbers = ", ".join(c.number or "(unnumbered)" for c in change.old)
        notes.append(f"Merged: clauses {numbers} of the old version are now one.")
    if (forces := change.forces) is not None:
        notes.append(f"Force changed: {forces[0].words} → {forces[1].words}.")
    return notes


def accepted_paragraphs(pair: VersionPair) -> list[str]:
    """The paragraphs "Accept all changes" leaves: the new version's headings and clauses, in order."""
    return [b.text if isinstance(b, Heading) else (f"{b.number}\t{b.text}" if b.number else b.text) for b in pair.new.blocks]


def changes_docx(pair: VersionPair, school: str, today: date) -> bytes:
    """The version pair as a Word document with tracked changes, stamped with ``today``."""
    document = Document()
    stamp = f"{today.isoformat()}T00:00:00Z"
    moment = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    properties = document.core_properties
    properties.title = without_unfit(f"{school}: {pair.old.version.label} to {pair.new.version.label}")
    properties.author = AUTHOR
    properties.created = moment
    properties.modified = moment
    properties.last_modified_by = AUTHOR
    properties.comments = "Made by Policy Atlas: accept all changes for the new version, reject all for the old"
    header = document.sections[0].header.paragraphs[0]
    header.text = without_unfit(f"{school}: changes from {pair.old.version.label} to {pair.new.version.label} (tracked)")
    body = document.paragraphs[0]._p if document.paragraphs else None
    if body is not None:
        body.getparent().remove(body)
    writer = _Writer(document, stamp)

    headings_before: dict[str, list[Heading]] = {}
    waiting: list[Heading] = []
    for block in pair.new.blocks:
        if isinstance(block, Heading):
            waiting.append(block)
        else:
            headings_before[block.id] = waiting
            waiting = []
    renamed = {id(h.new): h.old.text for h in pair.diff.headings}

    def heading_paragraph(heading: Heading) -> None:
        """A heading; one renamed or renumbered, its old words deleted and its new inserted, word by word."""
        paragraph = document.add_heading("" if id(heading) in renamed else without_unfit(heading.text), level=min(max(heading.level, 1), 9))
        if id(heading) in renamed:
            writer.redline(paragraph, redline(renamed[id(heading)], heading.text))

    for change in pair.diff.clauses:
        for clause in change.new[:1]:
            for heading in headings_before.get(clause.id, ()):
                heading_paragraph(heading)
        if not change.new:
            paragraphs = [writer.clause(c, "delete") for c in change.old]
        elif not change.old:
            paragraphs = [writer.clause(c, "insert") for c in change.new]
        elif len(change.old) == len(change.new) == 1:
            paragraphs = [writer.continued(change)]
        else:  # split or merged: the old paragraphs out, the new in, a comment saying which
            paragraphs = [writer.clause(c, "delete") for c in change.old] + [writer.clause(c, "insert") for c in change.new]
        for note in _notes(change) if not pair.diff.same_words else []:
            writer.comment(paragraphs[-1], note)
    for heading in waiting:
        heading_paragraph(heading)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_times(raw.getvalue(), today)
