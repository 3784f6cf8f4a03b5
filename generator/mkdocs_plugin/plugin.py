"""MkDocs plugin `dossier`: analyse `seeds/` (cached) and add the report pages as generated files.

Nothing is written into the docs folder, so `mkdocs serve` never rebuilds in a loop; `seeds/`
and `templates/` are watched, so a new article appears in the running preview. Each article's
pages are kept in a page store in the cache folder (see `pagestore`), and every complete build
leaves a record that lets `dossier build` render only what changed next time (see `incremental`).
After the build, Pagefind indexes the site for search (see `search`).
"""

from __future__ import annotations

import html
import json
import logging
import os
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.analysis.collect import Collected, collect_reports
from generator.analysis.lock import build_lock
from generator.mkdocs_plugin.incremental import (
    GeneratedFile,
    SiteState,
    SiteTracker,
    check_previous,
    digest,
    fingerprint,
)
from generator.mkdocs_plugin.pagestore import PageStore, StoredPage, read_by_others, render_key
from generator.mkdocs_plugin.search import (
    THEME_DIR,
    IndexRun,
    SearchMode,
    build_index,
    index_site,
    mark_page,
    search_mode,
)
from generator.site.feed import render_feed
from generator.site.index import SiteIndex
from generator.site.pages import SitePages
from generator.site.render import (
    PACKAGE_TEMPLATES,
    PROJECT_TEMPLATES,
    bytecode_cache,
    make_env,
    render_article,
)

log = logging.getLogger("mkdocs.plugins.dossier")
INDEX_PAGES = (
    "index.md",
    "articles/index.md",
    "actors/index.md",
    "timeline/index.md",
    "figures/index.md",
    "caveats/index.md",
)
"""Generated pages that may appear in the navigation; every other generated page is kept out
of it, because MkDocs with Material renders the whole navigation into every page (a flat
navigation of 1,000 articles makes the build quadratic)."""
FEED = "feed.xml"
SEARCH_LEAD = 240
"""Characters of a cross-article page's first section kept in the search index."""


def _searched_whole(path: str) -> bool:
    """Whether a generated page goes into the search index whole: the section index pages and
    an article's own pages (its text, summary and key points). The other cross-article pages
    (actors, timeline months, figure groups, pages by date or by letter) repeat sentences of
    the articles; they are found by their title and first lines, so that the index a reader
    downloads holds each article's words once, not once per page that quotes them."""
    return path in INDEX_PAGES or (path.startswith("articles/") and path.count("/") == 2)


def _search_index(config: MkDocsConfig) -> object | None:
    """The search plugin's index of this build (MkDocs' or Material's), or None."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return getattr(plugin, "search_index", None)
    return None


SERVE_LOCK_WAIT = 3600.0
"""Seconds a `mkdocs serve` rebuild waits for another build to release the lock."""


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave stale pages and links."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


_DIRTY_WARNING = _DirtyWarning()
_MKDOCS_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


def _inclusion(path: str) -> InclusionLevel:
    return InclusionLevel.INCLUDED if path in INDEX_PAGES else InclusionLevel.NOT_IN_NAV


@dataclass
class BuildPlan:
    """What `dossier build` decided before calling MkDocs."""

    previous: SiteState | None = None
    """The last complete build, when this one renders only what changed (dirty)."""
    site_dir: str | None = None
    """Where the site is published, when MkDocs writes it into another folder first."""
    rerender: bool = False
    """Make every article's pages again instead of taking them from the page store."""


class PageProgress(Protocol):
    """What `dossier build` shows while MkDocs writes the pages."""

    def start(self, total: int) -> None:
        """`total` pages are about to be written."""

    def page(self) -> None:
        """One more page was written."""


class SentenceCount(c.Type[int]):
    """A summary length: a whole number of sentences from 1 to 20."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        count = super().run_validation(value)
        if not 1 <= count <= 20:
            raise base.ValidationError(f"expected 1 to 20 sentences, got {count}")
        return count


class DossierConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """Options of the `dossier` plugin in mkdocs.yml; paths are relative to mkdocs.yml."""

    seeds = c.Type(str, default="seeds")
    templates = c.Type(str, default="templates")
    cache_dir = c.Type(str, default=".dossier")
    model = c.Optional(c.Type(str))
    summary_sentences = c.Optional(SentenceCount())
    """Unset: fitted to the article (a third of its sentences, 3 to 5)."""
    date = c.Optional(c.Type(str))
    jobs = c.Type(int, default=1)
    scheduler = c.Optional(c.Type(str))
    search = c.Type(bool, default=True)
    """Index the site with Pagefind and show its search box (unless Material's search plugin
    is configured: then that one searches, as before)."""


class DossierPlugin(BasePlugin[DossierConfig]):  # type: ignore[no-untyped-call]  # as above
    """Generate the report pages from the articles in `seeds/`."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.feed = False
        self.analysed: list[str] = []
        self.articles = 0
        """Articles with a report in the last build (analysed now or taken from the cache)."""
        self.pages_written = 0
        """Pages MkDocs wrote in the last build."""
        self.report_error: Callable[[str], None] | None = None
        """Where an article's error line goes as it is found (default: MkDocs' log)."""
        self.progress: PageProgress | None = None
        """Told how many pages are to be written, then of each one written (`dossier build`)."""
        self.root = Path.cwd()
        self.serving = False
        self.dirty = False
        """MkDocs was asked for a dirty build (`mkdocs build --dirty`)."""
        self.plan: BuildPlan | None = None
        """How the next build goes, from `prepare`; a build uses it once."""
        self.rerender = False
        self.tracker: SiteTracker | None = None
        self._generated: set[str] = set()
        """Paths of the pages this plugin added in the current build."""
        self._fingerprint: tuple[MkDocsConfig, str] | None = None
        self._serve_lock = ExitStack()
        """The build lock a `mkdocs serve` rebuild holds from its start to its end."""
        self.files: Files | None = None
        self._unsearched: set[str] = set()
        """Hand-written pages whose front matter says `search: exclude: true`."""
        self.search_run: IndexRun | None = None
        """What the last build's Pagefind run indexed, and its time."""

    def _path(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else self.root / path

    # MkDocs keeps a plugin that has these two events for the whole process (every config
    # loaded in it gets the same object), so nothing of one build may linger into the next.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_shutdown(self) -> None:
        self._serve_lock.close()
        self.serving = self.dirty = False
        self.plan = None

    @event_priority(100)  # the fingerprint is taken before other plugins change the config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = (
            Path(config.config_file_path).resolve().parent
            if config.config_file_path
            else Path.cwd()
        )
        if self._pagefind(config) and str(THEME_DIR) not in config.theme.dirs:
            # after a custom_dir (the project's own overrides win), before Material's templates
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self.fingerprint(config)
        return config

    def _pagefind(self, config: MkDocsConfig) -> bool:
        """Whether this build's search is Pagefind's (the plugin's) rather than Material's."""
        return bool(self.config.search) and not any(
            name in config.plugins for name in ("search", "material/search")
        )

    def fingerprint(self, config: MkDocsConfig) -> str:
        """This config's fingerprint (see `incremental.fingerprint`), taken once."""
        if self._fingerprint is None or self._fingerprint[0] is not config:
            self._fingerprint = (config, fingerprint(config, self._path(self.config.templates)))
        return self._fingerprint[1]

    def check_previous(
        self, config: MkDocsConfig, site_dir: str | None = None
    ) -> tuple[SiteState | None, str]:
        """The last complete build if this one may render only what changed; else the reason."""
        return check_previous(
            config, self._path(self.config.cache_dir), self.fingerprint(config), site_dir
        )

    def prepare(self, config: MkDocsConfig, *, full: bool = False) -> tuple[bool, str]:
        """Before `build(config, dirty=...)`: whether the build may be dirty, or why not."""
        # Called while `config.site_dir` is where the site is published: the build may then
        # write into a staging folder, and the pages it leaves as they were are linked from
        # the published site. `full` also makes each article's pages again (no page store).
        self.on_config(config)
        self.serving = self.dirty = False
        site_dir = os.path.abspath(config.site_dir)
        previous, reason = (None, "--full") if full else self.check_previous(config, site_dir)
        self.plan = BuildPlan(previous, site_dir, full)
        return previous is not None, reason

    def on_pre_build(self, config: MkDocsConfig) -> None:
        plan, self.plan = self.plan or BuildPlan(), None
        self.rerender = plan.rerender
        self.tracker = None
        if self.serving:
            # a rebuild that met the lock of another build (`dossier build`, `mkdocs build`) and
            # failed would leave the preview stuck until the next change: it waits its turn
            self._serve_lock.close()
            self._serve_lock.enter_context(
                build_lock(self._path(self.config.cache_dir), wait=SERVE_LOCK_WAIT)
            )
            return  # a preview in a temporary folder: it neither uses nor changes the record
        if self.dirty and plan.previous is None:  # `mkdocs build --dirty`
            plan.previous, _ = self.check_previous(config)
            if plan.previous is None:
                return  # no trusted record: MkDocs' own dirty build, recorded nowhere
        if plan.previous is not None:
            # MkDocs warns right after this event that a dirty build leaves stale pages; this one
            # leaves none, and the warning would stop a --strict build.
            _MKDOCS_BUILD_LOG.addFilter(_DIRTY_WARNING)
        self.tracker = SiteTracker(
            config,
            self._path(self.config.cache_dir),
            self.fingerprint(config),
            plan.previous,
            plan.site_dir,
        )

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
        for folder in (self.config.seeds, self.config.templates):
            path = self._path(folder)
            if path.exists():
                server.watch(str(path))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        _MKDOCS_BUILD_LOG.removeFilter(_DIRTY_WARNING)
        self._generated = set()
        self._unsearched = set()
        collected = collect_reports(
            self._path(self.config.seeds),
            self._path(self.config.cache_dir),
            model=self.config.model,
            date=self.config.date,
            summary_size=self.config.summary_sentences,
            log=self.report_error or log.error,
            jobs=self.config.jobs,
            scheduler=self.config.scheduler,
        )
        self.errors = collected.errors
        self.analysed = collected.analysed
        self.articles = len(collected.reports)
        if collected.analysed:
            log.info(
                "dossier: analysed %d article(s), %d from cache",
                len(collected.analysed),
                len(collected.reports) - len(collected.analysed),
            )
        self._add_pages(files, config, collected)
        if files.get_file_from_path(FEED) is None:
            feed = render_feed(
                collected.reports,
                config.site_name,
                config.site_url,
                config.site_description,
                directory_urls=config.use_directory_urls,
            )
            self._add(files, config, FEED, InclusionLevel.UNDEFINED, content=feed)
        self.feed = files.get_file_from_path(FEED) is not None
        return files

    def _add_pages(self, files: Files, config: MkDocsConfig, collected: Collected) -> None:
        """Add the cross-article pages and each article's pages, from the page store when the
        same as last time (rendered, and stored, when not)."""
        templates = self._path(self.config.templates)
        env = make_env([templates], compiled=self._path(self.config.cache_dir) / "jinja")
        index = SiteIndex(collected.reports, collected.keys)
        made_with = render_key([templates, PACKAGE_TEMPLATES, PROJECT_TEMPLATES])
        with build_lock(self._path(self.config.cache_dir)):  # the store is shared by builds
            store = PageStore(self._path(self.config.cache_dir))
            self._add_site_pages(files, config, SitePages(env, index), store, made_with)
            self._add_articles(files, config, env, index, collected, made_with, store)
            store.save()

    def _add_site_pages(
        self, files: Files, config: MkDocsConfig, pages: SitePages, store: PageStore, made_with: str
    ) -> None:
        """The cross-article pages: a page keyed by what it shows is rendered only when new."""
        for page in pages.specs():
            key = digest(f"{made_with}:{page.key}") if page.key is not None else None
            stored = None if self.rerender or key is None else store.get(key)
            if stored is None:
                content = pages.render(page)
                if key is not None:
                    store.put(key, {page.path: content})
                self._add(files, config, page.path, _inclusion(page.path), content=content)
                continue
            self._add_stored(files, config, store, stored)

    def _add_articles(
        self,
        files: Files,
        config: MkDocsConfig,
        env: Environment,
        index: SiteIndex,
        collected: Collected,
        made_with: str,
        store: PageStore,
    ) -> None:
        """Each article's pages: from the page store when its report and templates are the same."""
        for report in collected.reports:
            report_key = collected.keys.get(report.article.id)
            # Which of its actors have a page depends on the other articles too: it is part of
            # what the article's pages are made from.
            links = index.actor_paths(report)
            linked = json.dumps(sorted(links.items()), separators=(",", ":"))
            key = digest(f"{made_with}:{report_key}:{linked}") if report_key else None
            pages = None if self.rerender or key is None else store.get(key)
            if pages is None:
                rendered = render_article(env, report, links)
                if key is not None:
                    store.put(key, rendered)
                for path, content in rendered.items():
                    self._add(files, config, path, _inclusion(path), content=content)
                continue
            self._add_stored(files, config, store, pages)

    def _add_stored(
        self, files: Files, config: MkDocsConfig, store: PageStore, pages: list[StoredPage]
    ) -> None:
        """Add pages taken from the page store: MkDocs reads each from its stored file."""
        for page in pages:
            self._add(
                files,
                config,
                page.path,
                _inclusion(page.path),
                stored=str(store.path(page.path)),
                known=(page.digest, page.read_by_others),
            )

    def _add(
        self,
        files: Files,
        config: MkDocsConfig,
        path: str,
        inclusion: InclusionLevel,
        *,
        content: str | None = None,
        stored: str | None = None,
        known: tuple[str, bool] | None = None,
    ) -> None:
        """Add one generated file, unless docs/ has a file of the same path."""
        if files.get_file_from_path(path) is not None:
            log.info("dossier: keeping your own docs/%s instead of the generated page", path)
            return
        if content is not None:
            # `File.generated` makes an instance of the class it is called on
            file = cast(
                GeneratedFile,
                GeneratedFile.generated(config, path, content=content, inclusion=inclusion),
            )
            known = (digest(content), read_by_others(content))
        else:
            assert stored is not None and known is not None
            file = cast(
                GeneratedFile,
                GeneratedFile.generated(config, path, abs_src_path=stored, inclusion=inclusion),
            )
        file.digest = known[0]
        files.append(file)
        self._generated.add(path)
        if self.tracker is not None:
            self.tracker.add(file, *known)

    @event_priority(-100)  # the navigation as other plugins leave it
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        self.files = files
        if self.tracker is not None:
            self.tracker.start(files)
            self.tracker.plan(nav)
        return nav

    @event_priority(-100)
    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self.tracker is not None:
            self.tracker.check_nav(self.nav)
        if env.bytecode_cache is None:  # the theme's templates, compiled once, not every build
            env.bytecode_cache = bytecode_cache(self._path(self.config.cache_dir) / "jinja")
        self.pages_written = 0
        if self.progress is not None:
            # MkDocs writes the pages after this event; a dirty build only the modified ones.
            dirty = self.tracker is not None and self.tracker.incremental
            pages = files.documentation_pages()
            self.progress.start(sum(1 for f in pages if not dirty or f.is_modified()))
        return env

    @event_priority(-100)  # after the search plugin has added the page's entries
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):  # type: ignore[no-untyped-def]
        """Keep only the title and first lines of a cross-article page in the search index."""
        path = page.file.src_uri
        if path not in self._generated or _searched_whole(path):
            return context
        search = _search_index(config)
        entries = getattr(search, "entries", getattr(search, "_entries", None))
        if not isinstance(entries, list) or not entries:
            return context
        first = len(entries)
        while first > 0 and str(entries[first - 1].get("location", "")).split("#")[0] == page.url:
            first -= 1
        if first < len(entries):
            lead = dict(entries[first])
            text = str(lead.get("text", ""))
            if len(text) > SEARCH_LEAD:
                lead["text"] = text[:SEARCH_LEAD].rsplit(" ", 1)[0]
            entries[first:] = [lead]
        return context

    def _search_mode(self, page: Page) -> SearchMode:
        if page.file.src_uri in self._unsearched:
            return "none"
        return search_mode(page.file.src_uri, page.file.src_uri in self._generated, INDEX_PAGES)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        self.search_run = None
        try:
            if self.tracker is not None:
                with build_lock(self._path(self.config.cache_dir)):
                    self.tracker.finish()
            if self._pagefind(config) and self.files is not None:
                self.search_run = self._index(config, self.files)
                log.info(
                    "dossier: search index of %d pages made in %.1f s (Pagefind)%s",
                    self.search_run.pages,
                    self.search_run.wall,
                    ""
                    if self.search_run.base is None
                    else f", added to the last full index of {self.search_run.base} pages",
                )
        finally:
            self._serve_lock.close()

    def _index(self, config: MkDocsConfig, files: Files) -> IndexRun:
        """Index the site for search: the pages new or changed since the last full index, when
        this build is incremental (see `search.index_site`), else every page."""
        site_dir = Path(config.site_dir)
        cache = self._path(self.config.cache_dir)
        pages = [
            f
            for f in files.documentation_pages()
            if f.page is not None and self._search_mode(f.page) != "none"
        ]
        if self.serving or self.tracker is None:
            # a preview, or a build with no record: nothing says what the last index holds
            return build_index(site_dir, [f.dest_uri for f in pages], cache / "search-pages")
        keys = {}
        for file in pages:
            if isinstance(file, GeneratedFile) and file.digest:
                # its page is made from its content and what the fingerprint covers
                keys[file.dest_uri] = file.digest
            else:  # a page of docs/ (few): by its output, which may list other pages
                try:
                    keys[file.dest_uri] = digest((site_dir / file.dest_uri).read_bytes())
                except OSError:
                    continue
        with build_lock(cache):
            return index_site(
                site_dir, keys, cache, self.tracker.fingerprint, self.tracker.incremental
            )

    def on_build_error(self, *, error: Exception) -> None:
        self._serve_lock.close()

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Announce the RSS feed in every page's head, for feed readers that look there."""
        self.pages_written += 1
        if self.progress is not None:
            self.progress.page()
        if self._pagefind(config):
            search = page.meta.get("search")
            if isinstance(search, dict) and search.get("exclude"):
                self._unsearched.add(page.file.src_uri)
            output = mark_page(output, self._search_mode(page))
        if not self.feed or "</head>" not in output:
            return output
        href = html.escape(get_relative_url(FEED, page.url), quote=True)
        title = html.escape(config.site_name, quote=True)
        link = f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">'
        return output.replace("</head>", link + "</head>", 1)
