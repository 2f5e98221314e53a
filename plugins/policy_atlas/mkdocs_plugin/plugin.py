"""The MkDocs plugin: a thin adapter from MkDocs events to the pure core."""

from __future__ import annotations

import html
import posixpath
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from policy_atlas.core.analysis import Analysis, analyse
from policy_atlas.core.compare_render import (
    Site,
    gap_page,
    gap_page_path,
    matrix_json,
    matrix_page,
    shared_wording_page,
    topic_page,
    topic_page_path,
)
from policy_atlas.core.corpus import Corpus, SchoolPolicy, load_corpus
from policy_atlas.core.model import Clause, Diagnostic, PolicyAtlasError, Severity
from policy_atlas.core.opendata import clause_records, document_records, to_csv, to_json
from policy_atlas.core.render import build_date, school_extras, school_summary, schools_index
from policy_atlas.core.taxonomy import Taxonomy, load_taxonomy
from policy_atlas.markdown_ext.clauses import ClauseExtension, ClauseInfo, TopicBadge

from .nav import group_schools, order_compare, relink

log = get_plugin_logger(__name__)


class PolicyAtlasConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    sources_dir = c.Dir(exists=True, default="source_policies")
    """The raw policies and their metadata, relative to ``mkdocs.yml``."""
    taxonomy = c.Optional(c.File(exists=True))
    """The topic taxonomy (YAML); default ``taxonomy.yml`` beside ``mkdocs.yml`` if there is one,
    as for the CLI. Without a taxonomy, clauses get a force but no topics."""
    pages_dir = c.Type(str, default="policies")
    """Where ``policy-atlas normalise`` writes policy pages, inside ``docs_dir``."""
    data_dir = c.Type(str, default="data")
    """Where the open data (clauses, matrix, source texts) goes in the site."""
    nav_title = c.Type(str, default="Schools")
    """The navigation section that holds every school's page."""


class PolicyAtlasPlugin(BasePlugin[PolicyAtlasConfig]):
    """Reads every school's clause-tagged page, compares the schools, and publishes it all."""

    def __init__(self) -> None:
        self.corpus = Corpus((), ())
        self.analysis: Analysis | None = None
        self.index: dict[str, Clause] = {}
        self.by_page: dict[str, SchoolPolicy] = {}
        self.site = Site({}, self._clause_url, _md_link)
        self.today = date.today()
        self.extension = ClauseExtension(topic_badge=self._badge, clause_info=self._clause_info)
        self.current_page = ""
        self.use_directory_urls = True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.today = build_date()
        self.use_directory_urls = config.use_directory_urls
        try:
            taxonomy = self._taxonomy(config)
            self.corpus = load_corpus(Path(self.config.sources_dir), Path(config.docs_dir) / self.config.pages_dir)
        except PolicyAtlasError as error:
            raise PluginError(str(error)) from error
        self.analysis = analyse(self.corpus, taxonomy)
        self.index = {c.id: c for clauses in self.analysis.clauses.values() for c in clauses}
        self.by_page = {self._page_uri(s): s for s in self.corpus.schools}
        self.site = Site({s.meta.slug: s.meta.school for s in self.corpus.schools}, self._clause_url, _md_link)
        self._report(self.corpus.diagnostics + self.analysis.diagnostics)
        return config

    def _taxonomy(self, config: MkDocsConfig) -> Taxonomy:
        path = Path(self.config.taxonomy) if self.config.taxonomy else Path(config.config_file_path).parent / "taxonomy.yml"
        return load_taxonomy(path, path.name) if path.exists() else Taxonomy(())

    def _report(self, problems: tuple[Diagnostic, ...]) -> None:
        for problem in problems:
            if problem.severity is Severity.ERROR:
                raise PluginError(str(problem))
            (log.warning if problem.severity is Severity.WARNING else log.info)(str(problem))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.analysis is None:
            return files
        for path, content in self._generated_pages().items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        self._add_open_data(files, config)
        index = f"{self.config.pages_dir}/index.md"
        known = set(self.by_page) | {index}
        for file in files.documentation_pages():
            if file.src_uri.startswith(self.config.pages_dir + "/") and file.src_uri not in known:
                log.warning(f"{file.src_uri}: no source in {self.config.sources_dir} has this slug")
        return files

    def _generated_pages(self) -> dict[str, str]:
        """The schools index and every comparison page, as Markdown keyed by path."""
        assert self.analysis is not None
        analysis, site = self.analysis, self.site
        links = {s.meta.slug: f"{s.meta.slug}.md" for s in self.corpus.schools}
        pages = {f"{self.config.pages_dir}/index.md": schools_index(self.corpus.schools, self.today, links)}
        if analysis.taxonomy.topics:
            pages["compare/index.md"] = matrix_page(analysis.matrix, analysis.taxonomy, site)
            for row in analysis.matrix.rows:
                pages[topic_page_path(row.topic)] = topic_page(row, analysis.matrix, analysis.taxonomy, site)
            for slug in analysis.matrix.schools:
                pages[gap_page_path(slug)] = gap_page(slug, analysis.gaps[slug], analysis.matrix, analysis.taxonomy, site)
        pages["compare/shared-wording.md"] = shared_wording_page(analysis.shared, site)
        return pages

    def _url_of(self, src_uri: str) -> str:
        """The URL MkDocs gives a page, relative to the site root."""
        stem = src_uri[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        return stem[: -len("index")] if stem.endswith("index") else stem + "/"

    def _clause_url(self, here: str, slug: str, clause_id: str) -> str:
        target = self._url_of(f"{self.config.pages_dir}/{slug}.md")
        return get_relative_url(target, self._url_of(here)) + f"#{clause_id}"

    def _add_open_data(self, files: Files, config: MkDocsConfig) -> None:
        """Clauses as JSON and CSV, the matrix, and each source text, published beside the pages."""
        assert self.analysis is not None
        data, analysis = self.config.data_dir, self.analysis
        records = clause_records(self.corpus.schools, analysis.clauses, analysis.reasons, analysis.force_reasons, analysis.statements)
        files.append(File.generated(config, f"{data}/clauses.json", content=to_json(records, document_records(self.corpus.schools))))
        files.append(File.generated(config, f"{data}/clauses.csv", content=to_csv(records)))
        files.append(File.generated(config, f"{data}/matrix.json", content=matrix_json(analysis.matrix, analysis.taxonomy)))
        for school in self.corpus.schools:
            source = Path(self.config.sources_dir) / school.source_name
            files.append(File.generated(config, f"{data}/sources/{school.source_name}", abs_src_path=str(source)))

    def _page_uri(self, school: SchoolPolicy) -> str:
        return f"{self.config.pages_dir}/{school.meta.slug}.md"

    def _school_for(self, page: Page) -> SchoolPolicy | None:
        return self.by_page.get(page.file.src_uri)

    def _clause_info(self, clause_id: str) -> ClauseInfo | None:
        clause = self.index.get(clause_id)
        if clause is None or self.analysis is None:
            return None
        return ClauseInfo(tuple(clause.topics), clause.force, self.analysis.statements.get(clause_id, ()))

    def _badge(self, topic: str, clause_id: str) -> TopicBadge:
        """A topic badge on the page being rendered: the topic's label, its page, and why."""
        analysis = self.analysis
        found = analysis.taxonomy.get(topic) if analysis else None
        if analysis is None or found is None:
            return TopicBadge(label=topic)
        why = analysis.reasons.get(clause_id, {}).get(topic)
        return TopicBadge(found.label, _md_link(self.current_page, topic_page_path(topic)), f"{found.label}: {why}" if why else None)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Group school pages by their metadata group, so a long list stays navigable."""
        if not self.config.enabled or self.analysis is None:
            return nav
        order_compare(nav, {t.id: n for n, t in enumerate(self.analysis.taxonomy.topics)})
        meta_of = {uri: school.meta for uri, school in self.by_page.items()}
        group_schools(nav, self.config.pages_dir + "/", self.config.nav_title, meta_of)
        relink(nav)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.current_page = page.file.src_uri
        school = self._school_for(page) if self.config.enabled else None
        if school is None or self.analysis is None:
            return markdown
        page.meta["title"] = html.escape(school.meta.school)  # the theme prints titles as HTML
        here = page.file.src_uri
        source = _md_link(here, f"{self.config.data_dir}/sources/{school.source_name}")
        extras = school_extras(
            school.meta.slug,
            self.analysis.shared,
            self.site,
            _md_link(here, gap_page_path(school.meta.slug)) if self.analysis.taxonomy.topics else None,
            _md_link(here, "compare/shared-wording.md"),
        )
        return school_summary(school, self.today, source) + extras + "\n" + markdown


def _md_link(here: str, target: str) -> str:
    """A Markdown link from one docs file to another; MkDocs turns it into the right URL and checks it."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")

