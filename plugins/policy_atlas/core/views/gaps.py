"""A school's gap report: provisions it lacks, stances apart from the others', and the model
clauses it lacks or words differently."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..compare import Gap, Matrix, Provision, Stance, agreed_position
from ..merge import ModelPolicy, Source
from ..model import Force
from ..redline import redline, similarity
from ..taxonomy import Taxonomy
from ..refs import PageKind, Paging, Ref
from .quoting import REDLINE_MIN_SIMILARITY, provision_anchor, capitalised, percent, Redlines, StatementView, _label, quote
from .matrix import _topic_label


# Gap reports -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingView:
    anchor: str
    heading: str
    topic: str
    ref: Ref
    others: int
    nearest: StatementView | None
    similarity: int
    typical: StatementView


@dataclass(frozen=True)
class OutlierView:
    anchor: str
    heading: str
    topic: str
    ref: Ref
    others: int
    usual: Force
    usual_count: int
    mine: StatementView
    typical: StatementView


@dataclass(frozen=True)
class ModelDiffView:
    """A model clause the school lacks (``mine`` None) or words differently (``mine`` redlined against it)."""

    number: str
    ref: Ref
    text: str
    force: Force
    mine: StatementView | None


@dataclass(frozen=True)
class GapsView:
    slug: str
    school: str
    others: int
    missing: tuple[MissingView, ...]
    outliers: tuple[OutlierView, ...]
    model_missing: tuple[ModelDiffView, ...] = ()
    model_different: tuple[ModelDiffView, ...] = ()
    model_ref: Ref | None = None

    @property
    def title(self) -> str:
        return f"Gaps: {self.school}"

    @property
    def model_redlines(self) -> Redlines:
        """Whether the model section shows a redline at all, and how many statements it shows as written."""
        return Redlines.of(c.mine for c in self.model_different if c.mine is not None)


def _typical_other(provision: Provision, school: str, force: Force) -> Stance:
    """What the other schools say with the usual force: the reference wording when it is one of
    theirs, else the stance of that force most like it."""
    wanted = [s for s in provision.stances if s.school != school and provision.position(s.force) is force]
    for stance in wanted:
        if stance.member == provision.reference:
            return stance
    return sorted(wanted, key=lambda s: (-provision.scores.get(s.member.id, 0.0), s.member.id))[0]


def gaps_view(
    slug: str, gaps: tuple[Gap, ...], matrix: Matrix, taxonomy: Taxonomy, names: Mapping[str, str], paging: Paging | None = None
) -> GapsView:
    part = (paging or Paging(matrix.schools)).part(slug)
    missing, outliers = [], []
    for gap in gaps:
        provision = gap.provision
        topic, _ = _topic_label(taxonomy, provision.topic)
        anchor = f"{provision.topic}--{provision.kind}"
        ref = Ref(PageKind.TOPIC, provision.topic, provision_anchor(provision.kind), part)
        if gap.kind == "missing":
            if gap.nearest is None:
                nearest, similarity_shown = None, 0
                typical = quote(provision.reference, names, ("reference wording",))
            else:
                nearest = quote(gap.nearest.member, names, ("this school's closest statement",))
                similarity_shown = percent(gap.nearest.similarity)
                typical = quote(gap.nearest.to, names, ("what it comes closest to",))
            missing.append(MissingView(anchor, capitalised(provision.label), topic, ref, gap.others, nearest, similarity_shown, typical))
        else:
            assert gap.usual is not None
            mine = provision.stance(slug)
            assert mine is not None
            usual_count = sum(1 for s in provision.stances if provision.position(s.force) is gap.usual)
            other = _typical_other(provision, slug, gap.usual)
            typical = quote(other.member, names, ("typical wording",), force=other.force)
            outliers.append(
                OutlierView(
                    anchor, capitalised(provision.label), topic, ref, gap.others, gap.usual, usual_count,
                    quote(mine.member, names, ("this school",), force=mine.force), typical,
                )
            )
    return GapsView(slug, names[slug], len(matrix.schools) - 1, tuple(missing), tuple(outliers))


def against_model(view: GapsView, model: ModelPolicy, agreeing: Mapping[str, Mapping[str, Source]] | None = None) -> GapsView:
    """The gap report with the model clauses the school lacks, and those it words differently
    (its own statement shown against the model's words), so a revision can start there.
    ``agreeing`` (from ``agreeing_by_school``) saves looking through every clause's sources."""
    agreeing = agreeing if agreeing is not None else agreeing_by_school(model)
    lacking, different = [], []
    for clause in model.clauses:
        ref = Ref(PageKind.MODEL, "", clause.id)
        # a school that rules otherwise on the provision words it differently; it lacks nothing
        mine = agreeing[clause.id].get(view.slug) or next((s for s in clause.dissenting if s.school == view.slug), None)
        if mine is None:
            lacking.append(ModelDiffView(clause.number, ref, clause.text, clause.force, None))
        elif mine.statement != clause.source.statement:
            # "will" and "may" lead to disciplinary action are one position on a consequence
            differs = agreed_position(clause.weighed_as, mine.force) is not agreed_position(clause.weighed_as, clause.force)
            notes = ("different force",) if differs else ()
            if similarity(clause.text, mine.text) >= REDLINE_MIN_SIMILARITY:
                shown = StatementView(view.slug, _label(mine.name, mine.number, mine.clause), Ref(PageKind.SCHOOL, mine.school, mine.anchor), mine.force, mine.text, redline(clause.text, mine.text), notes)
            else:
                shown = StatementView(view.slug, _label(mine.name, mine.number, mine.clause), Ref(PageKind.SCHOOL, mine.school, mine.anchor), mine.force, mine.text, (), notes, unlike=True)
            different.append(ModelDiffView(clause.number, ref, clause.text, clause.force, shown))
    return replace(view, model_missing=tuple(lacking), model_different=tuple(different), model_ref=Ref(PageKind.MODEL))


def agreeing_by_school(model: ModelPolicy) -> dict[str, dict[str, Source]]:
    """For each model clause, each school's first statement among its sources."""
    found: dict[str, dict[str, Source]] = {}
    for clause in model.clauses:
        mine: dict[str, Source] = {}
        for source in clause.agreeing:
            mine.setdefault(source.school, source)
        found[clause.id] = mine
    return found
