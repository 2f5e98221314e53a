"""The MkDocs plugin: a thin adapter from MkDocs events to the pure core."""

from __future__ import annotations

import hashlib
import html
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from policy_atlas.collector import build_pace
from policy_atlas.core.analysis import Analysis
from policy_atlas.core.buildcache import BuildCache, Inputs, key_of
from policy_atlas.core.product import Site, SiteSettings, make_site, site_inputs
from policy_atlas.core.cache import TextCache
from policy_atlas.core.corpus import Corpus, SchoolPolicy
from policy_atlas.core.csp import headers_file, policy
from policy_atlas.core.documents import PDF_SUFFIX
from policy_atlas.core.files import inside
from policy_atlas.core.finder import finder_view
from policy_atlas.core.clausetag import parse_tag
from policy_atlas.core.model import Clause, Diagnostic, PolicyAtlasError, Severity, escaped, shown_name
from policy_atlas.core.frontmatter import escaped_meta, key_lines, page_problems
from policy_atlas.core.render import build_date, printed_address
from policy_atlas.core.sanitise import audit_content, audit_page, sanitise_content
from policy_atlas.core.merge import DEFAULT_THRESHOLD, ModelPolicy, Strategy
from policy_atlas.core.search import SearchRecord, build_index, compare_records, index_input
from policy_atlas.core.views import SCHOOLS_PER_PAGE, PageKind, PrintedView, Ref, SiteViews
from policy_atlas.markdown_ext.clauses import ClauseExtension, ClauseInfo, TopicBadge
from policy_atlas.outputs import site_outputs
from policy_atlas.templating import Templates

from . import pagecache, search
from .nav import NAV_SCHOOLS, drop_pages, group_gap_reports, group_schools, name_changes, order_compare, order_top, relink
from .pages import FINDER, PAGE_STYLES, Generated, Links, SitePaths, asset_file, script_policy

log = get_plugin_logger(__name__)

THEME_OVERRIDES = Path(__file__).resolve().parent.parent / "theme"
"""Theme partials that load Material's inline start-up scripts from files instead (no inline script)."""

HEADERS = "_headers"
"""The response headers file Netlify and Cloudflare Pages read from the site's root."""

NEEDED_EXTENSIONS = ("attr_list",)
"""Markdown extensions the generated pages rely on (ids on headings); added when a site omits them."""


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
    nav_schools = c.Type(int, default=NAV_SCHOOLS)
    """Past this many schools the navigation lists the schools index, not each school's pages."""
    custom_templates = c.Optional(c.Dir(exists=True))
    """A folder of templates that replace the built-in ones of the same name (e.g. ``topic.md.jinja``)."""
    model_outline = c.Optional(c.File(exists=True))
    """The model policy's outline (YAML); default ``model_outline.yml`` beside ``mkdocs.yml``. Without
    one (or without a taxonomy) there is no model policy page."""
    model_threshold = c.Type(float, default=DEFAULT_THRESHOLD)
    """The share of schools (0-1) that must address a provision for the model to have a clause on it."""
    model_strategy = c.Choice([s.value for s in Strategy], default=Strategy.TYPICAL.value)
    """How the model chooses a provision's wording: ``typical``, ``strictest`` or ``most-common-force``."""
    search = c.Type(bool, default=True)
    """Clause-level search and the clause finder (use instead of Material's ``search`` plugin)."""
    offline_zip = c.Type(bool, default=False)
    """Also zip the built site, made to work from a folder (links to folders name their ``index.html``), into ``downloads/policy-atlas-offline.zip``."""
    schools_per_page = c.Type(int, default=SCHOOLS_PER_PAGE)
    """Past this many schools the matrix and each topic page come in parts of this many schools."""
    cache = c.Type(bool, default=True)
    """Keep each policy's reading (statements, topics, force) on disk, so an unchanged policy is not read again."""
    cache_dir = c.Type(str, default=".cache/policy-atlas")
    """Where the readings are kept, relative to ``mkdocs.yml`` (the CLI's default is the same folder)."""
    content_security_policy = c.Type(bool, default=True)
    """Ship the Content-Security-Policy (no inline script, no request outside the site): a ``<meta>``
    first in every page, and ``_headers`` for hosts that read one (unless ``docs/`` has its own)."""


class PolicyAtlasPlugin(BasePlugin[PolicyAtlasConfig]):
    """Reads every school's clause-tagged page, compares the schools, and publishes it all."""

    def __init__(self) -> None:
        self.corpus = Corpus((), ())
        self.site: Site | None = None
        self.analysis: Analysis | None = None
        self.views: SiteViews | None = None
        self.model: ModelPolicy | None = None
        self.index: dict[str, Clause] = {}
        self.by_page: dict[str, SchoolPolicy] = {}
        self.cache = BuildCache(None)
        """Products kept between builds (``core/buildcache.py``): the site, its data files, its search index."""
        self.site_key: str | None = None
        """The hash of everything the site is made from (None: not cached); later products' keys start from it."""
        self.texts: TextCache | None = None
        """The text read from Word and PDF sources, kept between builds (None when the cache is off)."""
        self.titles: dict[str, str] = {}
        """Every page this plugin titles (schools and generated pages), by path: plain text."""
        self.paths = SitePaths("policies", "data")
        self.templates = Templates()
        self.today = date.today()
        self.extension = ClauseExtension(topic_badge=self._badge, clause_info=self._clause_info, raw_page=self._generated_page)
        self.generated: set[str] = set()
        """The pages this plugin renders from templates, by path."""
        self.current_page = ""
        self.links: Links | None = None
        """URLs from the page being rendered: the clause extension's badges link with them."""
        self.files: Files | None = None
        self.page_records: list[SearchRecord] = []
        self.serving = False
        self.pace = ExitStack()
        self.pages = pagecache.Pages(self.cache, None)
        """This build's pages as the build cache sees them (set once the navigation is known)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # no offline copy on every change while editing
        self.pace.enter_context(build_pace())  # see collector.py: a quarter of a large build was the collector's

    def on_shutdown(self) -> None:
        self.pace.close()
        self.pages.stop()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config.markdown_extensions.extend(e for e in NEEDED_EXTENSIONS if e not in config.markdown_extensions)
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))  # the site's own overrides still win
        try:
            self.today = build_date()
        except PolicyAtlasError as error:
            raise PluginError(str(error)) from error
        self.paths = SitePaths(self.config.pages_dir, self.config.data_dir)
        self.templates = Templates(self.config.custom_templates)
        self.extension.templates = self.templates  # a site's own clauses template wins there too
        if PAGE_STYLES not in config.extra_css:
            config.extra_css.insert(0, PAGE_STYLES)  # first: a site's own style sheets come after it and win
        if self.config.search:
            search.add_assets(config)
        self.pages.stop()  # a build that failed before its end
        self.pages = pagecache.Pages(self.cache, None)
        self.site = site = self._site(config)
        self.corpus, self.analysis, self.model, self.views = site.corpus, site.analysis, site.model, site.views
        self.index = {c.id: c for clauses in site.analysis.clauses.values() for c in clauses}
        self.by_page = {self.paths.school_src(s.meta.slug): s for s in self.corpus.schools}
        self.titles = {src: school.meta.school for src, school in self.by_page.items()}
        self._report(site.diagnostics)
        return config

    def _site(self, config: MkDocsConfig) -> Site:
        """The build's product (``core/product.py``): from the build cache when none of its inputs
        changed since the last build, else read, compared and merged afresh."""
        if self.config.schools_per_page < 1:
            raise PluginError(f"policy-atlas: schools_per_page must be at least 1, not {self.config.schools_per_page}")
        if not 0 < self.config.model_threshold <= 1:
            raise PluginError(f"policy-atlas: model_threshold must be above 0 and at most 1, not {self.config.model_threshold}")
        root = Path(config.config_file_path).parent
        cache = root / self.config.cache_dir if self.config.cache else None
        self.texts = TextCache(cache) if cache is not None else None
        self.cache = BuildCache(cache)
        settings = SiteSettings(
            sources_dir=Path(self.config.sources_dir),
            pages_dir=Path(config.docs_dir) / self.config.pages_dir,
            reserved=self.paths.reserved(),
            taxonomy=self._taxonomy_path(config),
            outline=Path(self.config.model_outline) if self.config.model_outline else root / "model_outline.yml",
            threshold=self.config.model_threshold,
            strategy=Strategy(self.config.model_strategy),
            per_page=self.config.schools_per_page,
            today=self.today,
            cache_dir=cache,
        )
        self.site_key = key_of(lambda: site_inputs(settings))
        try:
            return self.cache.made("site", self.site_key, lambda: make_site(settings))
        except PolicyAtlasError as error:
            raise PluginError(str(error)) from error

    def _taxonomy_path(self, config: MkDocsConfig) -> Path:
        return Path(self.config.taxonomy) if self.config.taxonomy else Path(config.config_file_path).parent / "taxonomy.yml"

    def _report(self, problems: tuple[Diagnostic, ...]) -> None:
        """Each problem as one log line. An error leaves its school out and the build goes on;
        being logged at ERROR, it still fails a ``strict`` build at the end, so CI notices."""
        levels = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.NOTE: log.info}
        for problem in problems:
            levels[problem.severity](str(problem))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer | None:
        """Rebuild when a source policy, its metadata or the taxonomy changes, not only the docs."""
        if self.config.enabled:
            server.watch(self.config.sources_dir)
            if self._taxonomy_path(config).exists():
                server.watch(str(self._taxonomy_path(config)))
        return server

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        """The policy for ``theme/partials/policy-atlas-csp.html``, which ``theme/main.html`` puts first in ``<head>``."""
        if self.config.enabled and self.config.content_security_policy:
            env.globals["policy_atlas_csp"] = policy(meta=True)
        if self.config.enabled:
            env.globals["policy_atlas_ways_back"] = self._ways_back(files)
        return env

    def _ways_back(self, files: Files) -> dict[str, str]:
        """Where ``theme/404.html`` sends a reader who followed a dead link: the schools index and
        the clause finder (its search form), by their URLs from the site's root, when the site has them."""
        found = {}
        for name, kind in (("schools", PageKind.SCHOOLS), ("finder", PageKind.FINDER)):
            page = files.src_uris.get(self.paths.src(Ref(kind)))
            if page is not None:
                found[name] = page.url
        return found

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.views is None:
            return files
        self._refuse_links_out(files, config)
        if self.config.content_security_policy and files.get_file_from_path(HEADERS) is None:
            files.append(File.generated(config, HEADERS, content=headers_file()))
        finder = finder_view(self.views.schools, self.analysis.taxonomy) if self.config.search and self.analysis else None
        pages = self.paths.pages(self.views, finder, self.views.changes)
        made = [(File.generated(config, g.src, content=""), g) for g in pages if files.get_file_from_path(g.src) is None]
        for file, page in made:
            files.append(file)
            self.titles[page.src] = page.view.title
            self.generated.add(page.src)
        self._add_open_data(files, config)
        self._render_generated(made, files)  # every page exists now, so each can link to any other
        self._warn_orphans(files)
        files.append(asset_file(config, PAGE_STYLES))
        if self.config.search:
            for asset in search.asset_files(config):
                files.append(asset)
        if self.config.offline_zip:
            files.append(search.zip_placeholder(config))
        self.files = files
        return files

    def _render_generated(self, made: list[tuple[File, Generated]], files: Files) -> None:
        """Each generated page's Markdown: its view through its template, or, when the view, the
        template and every page's address are as they were last build, the same from the build cache."""
        templates = Path(self.config.custom_templates or "-")
        listing = "\n".join(f"{f.src_uri}\0{f.url}" for f in sorted(files, key=lambda f: f.src_uri))
        context = key_of(lambda: Inputs("generated").add("files", listing).add_tree("templates", templates)) if self.config.cache else None
        kept = self.cache.get("generated", "by-page") if context is not None else None
        before = kept if isinstance(kept, dict) else {}
        now: dict[str, str] = {}
        for file, page in made:
            key = hashlib.sha256(f"{context}\0{page.src}\0{page.template}\0{page.view!r}".encode()).hexdigest()
            markdown = before.get(key)
            if not isinstance(markdown, str):
                markdown = self.templates.render(page.template, page.view, Links(self.paths, files, page.src))
            file.content_string = now[key] = markdown
        if context is not None and now != before:
            self.cache.put("generated", "by-page", now)

    def _refuse_links_out(self, files: Files, config: MkDocsConfig) -> None:
        """A file of ``docs/`` that a symbolic link leads outside it is never published (nor zipped):
        it could be any file on the machine that builds the site."""
        docs = Path(config.docs_dir)
        for file in [f for f in files if f.generated_by is None and f.src_dir == config.docs_dir and f.abs_src_path]:
            if not inside(Path(file.abs_src_path or ""), docs):
                files.remove(file)
                log.error(f"{shown_name(file.src_uri)}: not published: a symbolic link leads outside {docs.name}/; copy the file in instead")

    def _warn_orphans(self, files: Files) -> None:
        """A policy page is published only for a school on the site: never the page of a school
        left out (its source may now be a PDF) or of no school at all."""
        known = set(self.by_page) | {self.paths.src(Ref(PageKind.SCHOOLS))}
        for file in files.documentation_pages():
            if file.src_uri.startswith(self.config.pages_dir + "/") and file.src_uri not in known:
                files.remove(file)
                log.warning(f"{shown_name(file.src_uri)}: not published: no source in {self.config.sources_dir} has this slug, or its school is left out")

    def _add_open_data(self, files: Files, config: MkDocsConfig) -> None:
        """The site's data files and downloads (``outputs.site_outputs``), from the build cache when
        the site and the templates are the ones it was made from."""
        assert self.analysis is not None and self.views is not None and self.site is not None
        site, sources = self.site, Path(self.config.sources_dir)
        key = key_of(lambda: Inputs("outputs").add("site", self.site_key or "").add_tree("templates", Path(self.config.custom_templates or "-")))
        made = self.cache.made("outputs", key if self.site_key else None, lambda: site_outputs(site, self.templates, sources, self.texts))
        for output in made:
            if output.source is not None:
                files.append(File.generated(config, self.paths.src(output.ref), abs_src_path=str(output.source)))
            elif output.ref.kind is PageKind.DOWNLOAD:
                files.append(self.paths.download(config, output.ref, output.content or b""))
            else:
                files.append(File.generated(config, self.paths.src(output.ref), content=output.content or ""))

    def _clause_info(self, clause_id: str) -> ClauseInfo | None:
        clause = self.index.get(clause_id)
        if clause is None or self.analysis is None:
            return None
        school = self.by_page.get(self.paths.school_src(clause_id.split("/", 1)[0]))
        statements = self.analysis.statements.get(clause_id, ())
        pages = clause.source.page_range if clause.source is not None else None
        return ClauseInfo(
            tuple(clause.topics), clause.force, statements, school.meta.school if school else "", clause.number, clause.text,
            pages, self._page_url(school, pages[0]) if school and pages else None,
        )

    def _page_url(self, school: SchoolPolicy, page: int) -> str | None:
        """Where the school's original PDF opens at ``page`` (``#page=`` is what PDF viewers read)."""
        if not school.source_name.lower().endswith(PDF_SUFFIX):
            return None
        ref = Ref(PageKind.DATA, f"sources/{school.source_name}", f"page={page}")
        return self.links(ref) if self.links and self.links.has(ref) else None

    def _generated_page(self) -> bool:
        return self.current_page in self.generated

    def _badge(self, topic: str, clause_id: str) -> TopicBadge:
        """A topic badge on the page being rendered: the topic's label, its page, and why."""
        analysis = self.analysis
        found = analysis.taxonomy.get(topic) if analysis else None
        if analysis is None or found is None:
            return TopicBadge(label=topic)
        why = analysis.reasons.get(clause_id, {}).get(topic)
        topic_page = Ref(PageKind.TOPIC, topic)
        url = self.links(topic_page) if self.links and self.links.has(topic_page) else None
        return TopicBadge(found.label, url, f"{found.label}: {why}" if why else None)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Group school pages by their metadata group, so a long list stays navigable."""
        if not self.config.enabled or self.analysis is None:
            return nav
        if self.views is not None:
            drop_pages(nav, self.paths.part_srcs(self.views))
        if len(self.corpus.schools) > self.config.nav_schools:  # the schools index and search reach each one
            slugs = [s.meta.slug for s in self.corpus.schools]
            drop_pages(nav, set(self.by_page) | {self.paths.src(Ref(kind, slug)) for slug in slugs for kind in (PageKind.GAPS, PageKind.CHANGES)})
        order_compare(nav, {t.id: n for n, t in enumerate(self.analysis.taxonomy.topics)})
        order_top(nav, (self.paths.src(Ref(PageKind.MODEL)), FINDER))
        meta_of = {uri: school.meta for uri, school in self.by_page.items()}
        group_schools(nav, self.config.pages_dir + "/", self.config.nav_title, meta_of)
        group_gap_reports(nav, {self.paths.src(Ref(PageKind.GAPS, s.meta.slug)): s.meta for s in self.corpus.schools})
        name_changes(nav, {self.paths.src(Ref(PageKind.CHANGES, s.meta.slug)): s.meta for s in self.corpus.schools})
        relink(nav)
        self._page_context(config, files, nav)
        return nav

    def _page_context(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """What every page is rendered with, hashed once (``pagecache.context``); no page is kept
        without a build cache. Serving, the server's address is part of it (``site_url``)."""
        if not self.config.cache or self.site_key is None:
            return
        listed = len(self.corpus.schools) <= self.config.nav_schools  # then school pages' titles and meta reach other pages
        skip = None if listed else Path(config.docs_dir) / self.config.pages_dir
        extra = [
            ("options", repr(sorted(self.config.items()))), ("titles", repr(sorted(self.titles.items()))),
            ("today", self.today.isoformat()), ("generated", repr(sorted(self.generated))),
        ]
        templates = Path(self.config.custom_templates or "-")
        context = key_of(
            lambda: pagecache.context(config, files, nav, skip=skip, extra=extra).add_file("taxonomy", self._taxonomy_path(config)).add_tree("templates", templates)
        )
        self.pages = pagecache.Pages(self.cache, context).start()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.current_page = page.file.src_uri
        if self.config.enabled:
            self._check_front_matter(page, config)
        self.links = Links(self.paths, files, page.file.src_uri)
        if page.file.src_uri in self.titles:
            # The theme prints a title as HTML, and one taken from the first heading unescaped.
            page.meta["title"] = html.escape(self.titles[page.file.src_uri])
        school = self.by_page.get(page.file.src_uri) if self.config.enabled else None
        if not self.config.enabled:
            return markdown
        if school is None or self.views is None:
            return self.pages.markdown(page, markdown, self._depends(school, markdown), lambda: markdown)
        # A school's page starts with its summary; the cache knows it by its view, rendered only when needed.
        summary, links = self.views.summaries[school.meta.slug], self.links
        depends = f"{self._depends(school, markdown)}\0{summary!r}"
        return self.pages.markdown(page, markdown, depends, lambda: self.templates.render("school-summary.md.jinja", summary, links) + "\n" + markdown)

    def _depends(self, school: SchoolPolicy | None, markdown: str) -> str:
        """What the clause extension shows on a page besides its Markdown: for a school's page, what
        it looks up for each of the school's clauses (a page names no other school's clause); for
        another page with clause tags, anything of the site."""
        if school is not None and self.analysis is not None:
            reasons = self.analysis.reasons
            return repr([(c.id, self._clause_info(c.id), reasons.get(c.id)) for c in self.analysis.clauses.get(school.meta.slug, ())])
        if any(parse_tag(line) for line in markdown.splitlines() if "{#" in line):
            return self.site_key or ""
        return ""

    def _check_front_matter(self, page: Page, config: MkDocsConfig) -> None:
        """The theme prints some front-matter keys unescaped and includes others by name: escape
        the text, and drop (with an error naming the file and line) any value it cannot use."""
        dirs = [Path(d) for d in config.theme.dirs]

        def icon_exists(icon: str) -> bool:
            return any((d / ".icons" / f"{icon}.svg").is_file() for d in dirs)

        def template_exists(name: str) -> bool:
            return ".." not in name.split("/") and any((d / name).is_file() for d in dirs)

        if problems := page_problems(page.meta, icon_exists, template_exists):
            lines = key_lines(page.file.content_string)
            for key, why in problems:
                where = f"{page.file.src_uri}:{lines[key]}" if key in lines else page.file.src_uri
                log.error(f"{where}: front matter: {why}; left out of the page")
                del page.meta[key]
        page.meta.update(escaped_meta(page.meta))

    @event_priority(-100)  # last: after every other plugin has changed the content, before it is indexed
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Every page's content goes through the allow-list, the second layer behind the templates'
        escaping; the pages this plugin does not generate are read for search; and every page,
        printed, says where it lives and when it was built."""
        if not self.config.enabled:
            return html
        src = page.file.src_uri
        found = self.pages.content(page, files)
        if found is not None:
            if found.record is not None:
                self.page_records.append(found.record)
            return page.content
        if page.present_anchor_ids is not None:  # stashed whole, the clauses' ids are not where MkDocs looks
            page.present_anchor_ids.update(self.extension.anchor_ids)
        html = sanitise_content(html)
        if self.config.search and src not in self.titles:
            self.pages.records[src] = search.page_record(page, html)
            self.page_records.append(self.pages.records[src])
        printed = PrintedView(printed_address(config.site_url, page.canonical_url), self.today.isoformat())
        return html + sanitise_content(self.templates.render("partials/printed.html.jinja", printed, Links(self.paths, files, page.file.src_uri)))

    @event_priority(-100)  # last: audit the page exactly as it will be written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """A finished page that could run script, or whose content does what no page of the site
        needs (a request to another host, a form, the theme's chrome), is withheld, with an error."""
        if not self.config.enabled:
            return output
        if (kept := self.pages.output(page)) is not None:
            return kept
        # The theme's page around the content, and the content (which went through the allow-list in
        # on_page_content and is printed verbatim), each read once.
        content = page.content or ""
        around = output.replace(content, "", 1) if content and content in output else output
        scripts = script_policy(page.file.url, config.extra_javascript)
        finder = page.file.src_uri == FINDER and FINDER in self.generated
        audit = audit_page(around, scripts)
        problems = audit.problems + audit_content(content, scripts, forms_allowed=finder).problems
        if self.config.content_security_policy and audit.policy != policy(meta=True):
            log.warning(f"{page.file.src_uri}: has no Content-Security-Policy first in <head>: a main.html of the site's own must "
                        'include "partials/policy-atlas-csp.html" first in its site_meta block')
        if not problems:
            self.pages.keep(page, output)
            return output
        for problem in dict.fromkeys(problems):
            log.error(f"{shown_name(page.file.src_uri)}: withheld: {escaped(problem)}")
        return WITHHELD

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        """The theme's template is about to render the page: its warnings count against keeping it."""
        self.pages.before_template(page)
        return context

    # Search: the index once every page is written, then the offline copy.

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.pages.stop()  # every page is done
        if not self.config.enabled or self.analysis is None or self.views is None or self.files is None:
            return
        if self.config.search:
            search.write_index(config.site_dir, self._search_index())
        self.page_records = []
        if self.config.offline_zip and not self.serving:
            search.offline_zip(config, self.cache)

    def _search_index(self) -> dict[str, str]:
        """The search index's files: from the build cache when the site, the records of the pages
        the plugin does not make and every page's address are the ones it was made from."""
        assert self.analysis is not None and self.views is not None and self.files is not None
        analysis, views, files = self.analysis, self.views, self.files
        pages = sorted(self.page_records, key=lambda r: str(r.ref))

        def inputs() -> Inputs:
            urls = "\n".join(f"{f.src_uri}\0{f.url}" for f in sorted(files, key=lambda f: f.src_uri))
            return Inputs("search").add("site", self.site_key or "").add("pages", repr(pages)).add("urls", urls)

        def make() -> dict[str, str]:
            topics = tuple((t.id, t.label) for t in analysis.taxonomy.topics)
            data = index_input(self.corpus.schools, analysis.clauses, analysis.statements, compare_records(views) + pages, topics)
            return build_index(data, search.url_from_root(self.paths, files))

        return self.cache.made("search", key_of(inputs) if self.site_key else None, make)


WITHHELD = (
    "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Page withheld</title>\n"
    "<p>This page was withheld: it would have run script taken from its input. The build log names the cause.</p>\n</html>\n"
)
