"""Every generated page's view, made in one call from a build's results."""

from __future__ import annotations

from collections.abc import Mapping
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..compare import Gap, Matrix, SharedPassage
from ..merge import ModelPolicy
from ..corpus import SchoolPolicy
from ..model import Diagnostic
from ..taxonomy import Taxonomy
from ..refs import SCHOOLS_PER_PAGE, Paging
from .matrix import TopicView, MatrixView, topic_view, matrix_view, matrix_parts, topic_parts, matrix_json
from .gaps import GapsView, gaps_view, against_model, agreeing_by_school
from .shared import EXCERPTS_PER_PAGE, SharedWordingView, shared_parts, shared_wording_view
from .school import SchoolSummaryView, school_summary_view, SchoolsIndexView, schools_index_view
from .modelpage import ModelPolicyView, model_policy_view

if TYPE_CHECKING:
    from ..changeviews import SiteChanges  # which builds its views from this package's Ref


@dataclass(frozen=True)
class PrintedView:
    """What a printed page says at its foot: its address (none when the site has no address of
    its own: ``render.printed_address``) and the build date."""

    address: str | None
    built: str


# Everything a build shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteViews:
    """Every generated page's view, keyed as the plugin looks them up."""

    schools: SchoolsIndexView
    summaries: Mapping[str, SchoolSummaryView]
    matrix: MatrixView | None
    topics: tuple[TopicView, ...]
    gaps: tuple[GapsView, ...]
    shared: SharedWordingView
    model: ModelPolicyView | None = None
    matrix_pages: tuple[MatrixView, ...] = ()
    """The matrix as its pages: one, or parts of ``SCHOOLS_PER_PAGE`` schools (``matrix`` is all of it)."""
    topic_pages: tuple[tuple[TopicView, ...], ...] = ()
    """Each topic page's parts, in the order of ``topics``."""
    shared_pages: tuple[SharedWordingView, ...] = ()
    changes: SiteChanges | None = None
    """The "What changed" pages (set by ``with_changes``, after the versions are compared)."""

    def matrix_json(self) -> str | None:
        return matrix_json(self.matrix, self.topics) if self.matrix is not None else None


def site_views(
    schools: tuple[SchoolPolicy, ...],
    matrix: Matrix,
    gaps: Mapping[str, tuple[Gap, ...]],
    shared: tuple[SharedPassage, ...],
    taxonomy: Taxonomy,
    today: date,
    model: ModelPolicy | None = None,
    per_page: int = SCHOOLS_PER_PAGE,
    excerpts_per_page: int = EXCERPTS_PER_PAGE,
    left_out: tuple[Diagnostic, ...] = (),
) -> SiteViews:
    """The views of every generated page. Without topics there is no matrix, topic, gap or model page.

    Past ``per_page`` schools the matrix and the topic pages come in parts, and the shared
    wording past ``excerpts_per_page`` sentences, so that no page grows with the corpus.
    """
    names = {s.meta.slug: s.meta.school for s in schools}
    compared = bool(taxonomy.topics)
    paging = Paging(matrix.schools, per_page)
    gap_views = tuple(gaps_view(slug, gaps[slug], matrix, taxonomy, names, paging) for slug in matrix.schools) if compared else ()
    if model is not None:
        agreeing = agreeing_by_school(model)
        gap_views = tuple(against_model(g, model, agreeing) for g in gap_views)
    passages: dict[str, list[SharedPassage]] = defaultdict(list)
    for passage in shared:
        for slug in passage.schools:
            passages[slug].append(passage)
    matrix_shown = matrix_view(matrix, taxonomy, names, paging) if compared else None
    topics = tuple(topic_view(row, matrix, taxonomy, names) for row in matrix.rows) if compared else ()
    shared_shown = shared_wording_view(shared, names)
    return SiteViews(
        schools_index_view(schools, today, left_out),
        {
            s.meta.slug: school_summary_view(s, today, tuple(passages[s.meta.slug]), names, compared)
            for s in sorted(schools, key=lambda s: s.meta.slug)
        },
        matrix_shown,
        topics,
        gap_views,
        shared_shown,
        model_policy_view(model, taxonomy, today) if model is not None and compared else None,
        matrix_parts(matrix_shown, paging, names) if matrix_shown is not None else (),
        tuple(topic_parts(t, paging, names) for t in topics),
        shared_parts(shared_shown, excerpts_per_page),
    )
