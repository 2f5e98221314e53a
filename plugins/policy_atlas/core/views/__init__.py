"""View models: what each generated page says, with every decision already made.

The plugin renders these through Jinja2 templates, which only lay them out. Everything a
reader is told is decided here: which statement is the reference wording, which pairs get a
redline, agreement figures, summary sentences, which gaps are shown and with what evidence.
``matrix.json`` is written from the same view models, so the data and the pages agree.

A module per page (``matrix`` holds the matrix and the topic pages, ``gaps``, ``shared``,
``school``, ``modelpage``), the statements they all quote in ``quoting``, and everything a
build shows made in one call in ``site``. Pages link to each other through ``Ref`` (a kind of
page, a key, an anchor), which lives in ``core.refs`` with the paging so that what needs only a
link does not load this package; the plugin owns the paths and URLs those become.
"""

from __future__ import annotations

from ..refs import SCHOOLS_PER_PAGE, PageKind, Pager, Paging, PartLink, Ref, pager_for
from .quoting import REDLINE_MIN_SIMILARITY, NAMES_LISTED, ForceCounts, listed, statement_ref, provision_anchor, school_anchor, capitalised, percent, Redlines, StatementView, AGAIN_SHOWN, quote, WordedAlike
from .matrix import SCROLL_AFTER, summary, SchoolHead, OverviewCell, OverviewRow, StanceCell, ProvisionView, OtherStatements, TopicView, MatrixView, provision_view, topic_view, matrix_view, matrix_parts, topic_parts, matrix_json
from .gaps import MissingView, OutlierView, ModelDiffView, GapsView, gaps_view, against_model, agreeing_by_school
from .shared import EXCERPTS_PER_PAGE, WordingView, PassageView, SharedWordingView, PASSAGE_HEADING_NAMES, ALIKE_PER_QUOTE, shared_parts, shared_wording_view
from .school import SetAsideView, SharedLink, SchoolSummaryView, school_summary_view, SchoolRow, SchoolGroup, LeftOutView, SchoolsIndexView, left_out_view, schools_index_view
from .modelpage import STATEMENTS_LISTED, ProvenanceView, ModelClauseView, AlternativeView, NoteView, ModelSectionView, ModelPolicyView, STRATEGY_WORDS, model_policy_view, model_json
from .site import PrintedView, SiteViews, site_views

__all__ = [
    "AGAIN_SHOWN",
    "ALIKE_PER_QUOTE",
    "AlternativeView",
    "EXCERPTS_PER_PAGE",
    "ForceCounts",
    "GapsView",
    "LeftOutView",
    "MatrixView",
    "MissingView",
    "ModelClauseView",
    "ModelDiffView",
    "ModelPolicyView",
    "ModelSectionView",
    "NAMES_LISTED",
    "NoteView",
    "OtherStatements",
    "OutlierView",
    "OverviewCell",
    "OverviewRow",
    "PASSAGE_HEADING_NAMES",
    "PageKind",
    "Pager",
    "Paging",
    "PartLink",
    "PassageView",
    "PrintedView",
    "ProvenanceView",
    "ProvisionView",
    "REDLINE_MIN_SIMILARITY",
    "Redlines",
    "Ref",
    "SCHOOLS_PER_PAGE",
    "SCROLL_AFTER",
    "STATEMENTS_LISTED",
    "STRATEGY_WORDS",
    "SchoolGroup",
    "SchoolHead",
    "SchoolRow",
    "SchoolSummaryView",
    "SchoolsIndexView",
    "SetAsideView",
    "SharedLink",
    "SharedWordingView",
    "SiteViews",
    "StanceCell",
    "StatementView",
    "TopicView",
    "WordedAlike",
    "WordingView",
    "against_model",
    "agreeing_by_school",
    "capitalised",
    "gaps_view",
    "left_out_view",
    "listed",
    "matrix_json",
    "matrix_parts",
    "matrix_view",
    "model_json",
    "model_policy_view",
    "pager_for",
    "percent",
    "provision_anchor",
    "provision_view",
    "quote",
    "school_anchor",
    "school_summary_view",
    "schools_index_view",
    "shared_parts",
    "shared_wording_view",
    "site_views",
    "statement_ref",
    "summary",
    "topic_parts",
    "topic_view",
]
