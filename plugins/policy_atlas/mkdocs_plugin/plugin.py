"""The MkDocs plugin: a thin adapter from MkDocs events to the pure core."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from policy_atlas.core.corpus import Corpus, SchoolPolicy, load_corpus
from policy_atlas.core.model import PolicyAtlasError, Severity
from policy_atlas.core.opendata import clause_records, to_csv, to_json
from policy_atlas.core.render import build_date, group_of, school_summary, schools_index
from policy_atlas.markdown_ext.clauses import ClauseExtension

log = get_plugin_logger(__name__)


class PolicyAtlasConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    sources_dir = c.Dir(exists=True, default="source_policies")
    """The raw policies and their metadata, relative to ``mkdocs.yml``."""
    pages_dir = c.Type(str, default="policies")
    """Where ``policy-atlas normalise`` writes policy pages, inside ``docs_dir``."""
    data_dir = c.Type(str, default="data")
    """Where the open data (``clauses.json``, ``clauses.csv``, source texts) goes in the site."""
    nav_title = c.Type(str, default="Schools")
    """The navigation section that holds every school's page."""


class PolicyAtlasPlugin(BasePlugin[PolicyAtlasConfig]):
    """Reads every school's clause-tagged page and publishes it, grouped, with open data."""

    def __init__(self) -> None:
        self.corpus = Corpus((), ())
        self.today = date.today()
        self.extension = ClauseExtension()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.today = build_date()
        pages_dir = Path(config.docs_dir) / self.config.pages_dir
        try:
            self.corpus = load_corpus(Path(self.config.sources_dir), pages_dir)
        except PolicyAtlasError as error:
            raise PluginError(str(error)) from error
        self._report()
        return config

    def _report(self) -> None:
        for problem in self.corpus.diagnostics:
            if problem.severity is Severity.ERROR:
                raise PluginError(str(problem))
            if problem.severity is Severity.WARNING:
                log.warning(str(problem))
            else:
                log.info(str(problem))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        links = {s.meta.slug: f"{s.meta.slug}.md" for s in self.corpus.schools}
        index = f"{self.config.pages_dir}/index.md"
        if files.get_file_from_path(index) is None:
            files.append(File.generated(config, index, content=schools_index(self.corpus.schools, self.today, links)))
        self._add_open_data(files, config)
        known = {self._page_uri(s) for s in self.corpus.schools} | {index}
        for file in files.documentation_pages():
            if file.src_uri.startswith(self.config.pages_dir + "/") and file.src_uri not in known:
                log.warning(f"{file.src_uri}: no source in {self.config.sources_dir} has this slug")
        return files

    def _add_open_data(self, files: Files, config: MkDocsConfig) -> None:
        """Clauses as JSON and CSV, and each source text, published beside the pages."""
        data = self.config.data_dir
        records = clause_records(self.corpus.schools)
        files.append(File.generated(config, f"{data}/clauses.json", content=to_json(records)))
        files.append(File.generated(config, f"{data}/clauses.csv", content=to_csv(records)))
        for school in self.corpus.schools:
            source = Path(self.config.sources_dir) / school.source_name
            files.append(File.generated(config, f"{data}/sources/{school.source_name}", abs_src_path=str(source)))

    def _page_uri(self, school: SchoolPolicy) -> str:
        return f"{self.config.pages_dir}/{school.meta.slug}.md"

    def _school_for(self, page: Page) -> SchoolPolicy | None:
        return next((s for s in self.corpus.schools if self._page_uri(s) == page.file.src_uri), None)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Group school pages by their metadata group, so a long list stays navigable."""
        if not self.config.enabled:
            return nav
        section = next((i for i in nav.items if isinstance(i, Section) and self._holds_schools(i)), None)
        if section is None:
            return nav
        section.title = self.config.nav_title
        index_page = next((p for p in section.children if isinstance(p, Page) and p.file.src_uri.endswith("/index.md")), None)
        groups: dict[str, list[Page]] = {}
        for child in section.children:
            school = self._school_for(child) if isinstance(child, Page) else None
            if school is not None and isinstance(child, Page):
                child.title = school.meta.school
                groups.setdefault(group_of(school.meta), []).append(child)
        children: list[Page | Section] = [index_page] if index_page else []
        for group in sorted(groups, key=str.casefold):
            pages = sorted(groups[group], key=lambda p: (str(p.title).casefold(), p.file.src_uri))
            sub = Section(group, pages)  # type: ignore[arg-type]
            sub.parent = section
            for page in pages:
                page.parent = sub
            children.append(sub)
        section.children = children  # type: ignore[assignment]
        return nav

    def _holds_schools(self, section: Section) -> bool:
        return any(isinstance(p, Page) and p.file.src_uri.startswith(self.config.pages_dir + "/") for p in section.children)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        school = self._school_for(page) if self.config.enabled else None
        if school is None:
            return markdown
        depth = page.file.src_uri.count("/") + (1 if config.use_directory_urls else 0)
        source_url = "../" * depth + f"{self.config.data_dir}/sources/{school.source_name}"
        return school_summary(school, self.today, source_url) + "\n" + markdown
