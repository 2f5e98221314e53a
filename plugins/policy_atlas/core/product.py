"""A build's one product: every school read, the comparison, the model policy and every page's view.

The plugin (and any other reader of a build) takes everything it publishes from a ``Site``,
made in one call by ``make_site``. It is frozen, and it depends only on what ``site_inputs``
hashes, so a build whose inputs have not changed takes it from the build cache
(``core/buildcache.py``) instead of reading, comparing and merging every school again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .analysis import Analysis, analyse
from .buildcache import Inputs
from .cache import TextCache, classifier_for
from .changes import version_pairs
from .changeviews import site_changes
from .corpus import Corpus, load_corpus
from .documents import read_document
from .merge import ModelPolicy, Strategy, build_model
from .model import Diagnostic
from .taxonomy import Taxonomy, load_outline, load_taxonomy
from .views import SiteViews, site_views


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """Everything a ``Site`` is made from besides the files it reads: where they are, and the options."""

    sources_dir: Path
    pages_dir: Path
    reserved: Mapping[str, str]
    """Slugs no school may have (``SitePaths.reserved``)."""
    taxonomy: Path
    """The taxonomy file; without one, clauses get a force but no topics."""
    outline: Path
    """The model policy's outline; without it (or without topics) there is no model policy."""
    threshold: float
    strategy: Strategy
    per_page: int
    today: date
    cache_dir: Path | None
    """Where readings and extracted texts are kept (``core/cache.py``); it never changes a result."""


@dataclass(frozen=True, kw_only=True)
class Site:
    """What a build publishes, made once: the plugin renders and writes it, it decides nothing."""

    corpus: Corpus
    analysis: Analysis
    model: ModelPolicy | None
    views: SiteViews
    """Every generated page's view, the "What changed" pages included."""
    today: date
    """The build date the views and downloads print."""
    diagnostics: tuple[Diagnostic, ...]
    """Every problem found while making it, in the order found: each build reports them again."""


def site_inputs(settings: SiteSettings) -> Inputs:
    """The hash of everything a ``Site`` is made from: the sources and pages by their bytes, the
    taxonomy and outline files, every option, the build date and (in ``Inputs``) the program."""
    inputs = Inputs("site")
    inputs.add_tree("sources", settings.sources_dir).add_tree("pages", settings.pages_dir)
    inputs.add_file("taxonomy", settings.taxonomy).add_file("outline", settings.outline)
    inputs.add("reserved", repr(sorted(settings.reserved.items())))
    inputs.add("options", repr((settings.threshold, settings.strategy.value, settings.per_page, settings.today.isoformat())))
    return inputs


def make_site(settings: SiteSettings) -> Site:
    """Read the corpus, compare the schools, make the model policy and every page's view.

    Raises ``PolicyAtlasError`` for what stops a build (no sources folder, an unreadable taxonomy
    or outline); everything wrong with one school is a diagnostic."""
    taxonomy = load_taxonomy(settings.taxonomy, settings.taxonomy.name) if settings.taxonomy.exists() else Taxonomy(())
    corpus = load_corpus(settings.sources_dir, settings.pages_dir, settings.reserved)
    texts = TextCache(settings.cache_dir) if settings.cache_dir is not None else None
    classifier = classifier_for(taxonomy, settings.cache_dir)
    analysis = analyse(corpus, taxonomy, classifier)
    model = None
    if taxonomy.topics and settings.outline.exists():
        outline = load_outline(settings.outline, taxonomy, settings.outline.name)
        names = {s.meta.slug: s.meta.school for s in corpus.schools}
        model = build_model(analysis, names, outline, settings.threshold, settings.strategy)
    views = site_views(
        corpus.schools, analysis.matrix, analysis.gaps, analysis.shared, taxonomy, settings.today, model, settings.per_page,
        left_out=corpus.left_out,
    )

    def read_text(data: bytes, name: str) -> str:
        return (texts.read(data, name) if texts is not None else read_document(data, name)).text

    pairs, problems = version_pairs(corpus.schools, analysis, classifier, read_text)
    views = replace(views, changes=site_changes(corpus.schools, pairs, taxonomy, settings.today))
    return Site(corpus=corpus, analysis=analysis, model=model, views=views, today=settings.today, diagnostics=(*problems, *corpus.diagnostics, *analysis.diagnostics))
