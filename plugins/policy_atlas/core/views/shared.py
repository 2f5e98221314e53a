"""The shared-wording page: each passage's wordings quoted once, the schools that share them named,
in parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..compare import SharedPassage
from ..model import Force
from ..redline import redline
from ..refs import PageKind, Pager, Ref, pager_for
from .quoting import listed, StatementView, _label, WordedAlike


EXCERPTS_PER_PAGE = 150
"""The shared-wording page comes in parts of about this many quoted sentences each."""


# Shared wording ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordingView:
    """One wording of a shared passage: quoted once, for the first school that uses it (redlined
    against the passage's first wording), and every other school that words it exactly so."""

    quoted: StatementView
    alike: tuple[WordedAlike, ...] = ()


@dataclass(frozen=True)
class PassageView:
    index: int
    schools: str
    excerpts: tuple[WordingView, ...]
    continued: bool = False
    """The passage began on the part before: its first sentence (the one others are redlined against) is there."""


@dataclass(frozen=True)
class SharedWordingView:
    passages: tuple[PassageView, ...]
    pager: Pager = Pager()
    part_label: str = ""
    found: int = 0
    """How many passages there are in all (a part holds some of them)."""

    @property
    def title(self) -> str:
        return f"Shared wording ({self.part_label})" if self.part_label else "Shared wording"


PASSAGE_HEADING_NAMES = 4
"""A shared passage's heading names this many of its schools, then a count (the body names them all)."""

ALIKE_PER_QUOTE = 10
"""In paging the shared wording, this many schools named under a wording weigh as one quotation."""


def _weight(wording: WordingView) -> int:
    return 1 + len(wording.alike) // ALIKE_PER_QUOTE


def shared_parts(view: SharedWordingView, per_page: int = EXCERPTS_PER_PAGE) -> tuple[SharedWordingView, ...]:
    """The shared-wording page as pages of about ``per_page`` quotations (the schools named under
    a wording count too); a passage is cut only when it is longer than a page on its own, and
    goes on at the top of the next."""
    pages: list[list[PassageView]] = [[]]
    room = per_page
    for passage in view.passages:
        wordings, continued = passage.excerpts, False
        while wordings:
            if pages[-1] and sum(_weight(w) for w in wordings) > room:
                pages.append([])
                room = per_page
            taken, used = 0, 0
            for wording in wordings:
                if taken and used + _weight(wording) > room:
                    break
                taken, used = taken + 1, used + _weight(wording)
            pages[-1].append(replace(passage, excerpts=wordings[:taken], continued=continued))
            room -= used
            wordings, continued = wordings[taken:], True
    if len(pages) == 1:
        return (view,)
    refs = [Ref(PageKind.SHARED, part=n) for n in range(1, len(pages) + 1)]
    labels = [
        (f"passages {page[0].index}–{page[-1].index}", f"{len(page)} passages") if page[-1].index > page[0].index else (f"passage {page[0].index}", "1 passage")
        for page in pages
    ]
    return tuple(
        replace(view, passages=tuple(page), pager=pager_for(refs, labels, n), part_label=labels[n - 1][0] if n > 1 else "")
        for n, page in enumerate(pages, start=1)
    )


def shared_wording_view(passages: tuple[SharedPassage, ...], names: Mapping[str, str]) -> SharedWordingView:
    """Each passage's wordings: the first as written, each other redlined against it, and under
    each the schools that word it exactly so. A model policy adopted by hundreds of schools is
    then one quotation and a list of names, not hundreds of identical quotations."""
    shown = []
    for index, passage in enumerate(passages, start=1):
        first = passage.excerpts[0]
        wordings: dict[str, tuple[StatementView, list[WordedAlike]]] = {}
        named: set[tuple[str, str]] = set()  # a school named under a wording once, at its first clause
        for (school, clause), excerpt in zip(passage.members, passage.excerpts, strict=True):
            label, ref = _label(names[school], clause.number, clause.id), Ref(PageKind.SCHOOL, school, clause.id)
            if excerpt not in wordings:
                changes = () if not wordings else redline(first, excerpt)
                wordings[excerpt] = (StatementView(school, label, ref, Force.of(clause.force), excerpt, changes), [])
            elif (excerpt, school) not in named:
                wordings[excerpt][1].append(WordedAlike(label, ref))
            named.add((excerpt, school))
        excerpts = tuple(WordingView(quoted, tuple(alike)) for quoted, alike in wordings.values())
        heading = listed([names[s] for s in passage.schools], PASSAGE_HEADING_NAMES)
        shown.append(PassageView(index, heading, excerpts))
    return SharedWordingView(tuple(shown), found=len(shown))
