"""MkDocs plugin `dossier`: analyse `seeds/` (cached) and add the report pages as generated files.

Nothing is written into the docs folder, so `mkdocs serve` never rebuilds in a loop; `seeds/`
and `templates/` are watched, so a new article appears in the running preview.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .build import collect_reports
from .feed import render_feed
from .render import make_env
from .site import render_site

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


class SentenceCount(c.Type[int]):
    """A summary length: a whole number of sentences from 1 to 20."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        count = super().run_validation(value)
        if not 1 <= count <= 20:
            raise base.ValidationError(f"expected 1 to 20 sentences, got {count}")
        return count


class DossierConfig(base.Config):
    """Options of the `dossier` plugin in mkdocs.yml; paths are relative to mkdocs.yml."""

    seeds = c.Type(str, default="seeds")
    templates = c.Type(str, default="templates")
    cache_dir = c.Type(str, default=".dossier")
    model = c.Optional(c.Type(str))
    summary_sentences = SentenceCount(default=4)
    date = c.Optional(c.Type(str))
    jobs = c.Type(int, default=1)
    scheduler = c.Optional(c.Type(str))


class DossierPlugin(BasePlugin[DossierConfig]):
    """Generate the report pages from the articles in `seeds/`."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.feed = False
        self.analysed: list[str] = []
        self.root = Path.cwd()

    def _path(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else self.root / path

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = (
            Path(config.config_file_path).resolve().parent
            if config.config_file_path
            else Path.cwd()
        )
        return config

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
        for folder in (self.config.seeds, self.config.templates):
            path = self._path(folder)
            if path.exists():
                server.watch(str(path))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        collected = collect_reports(
            self._path(self.config.seeds),
            self._path(self.config.cache_dir),
            model=self.config.model,
            date=self.config.date,
            summary_size=self.config.summary_sentences,
            log=log.error,
            jobs=self.config.jobs,
            scheduler=self.config.scheduler,
        )
        self.errors = collected.errors
        self.analysed = collected.analysed
        if collected.analysed:
            log.info(
                "dossier: analysed %d article(s), %d from cache",
                len(collected.analysed),
                len(collected.reports) - len(collected.analysed),
            )
        env = make_env([self._path(self.config.templates)])
        for path, content in render_site(env, collected.reports).items():
            if files.get_file_from_path(path) is not None:
                log.info("dossier: keeping your own docs/%s instead of the generated page", path)
                continue
            inclusion = (
                InclusionLevel.INCLUDED if path in INDEX_PAGES else InclusionLevel.NOT_IN_NAV
            )
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if files.get_file_from_path(FEED) is None:
            feed = render_feed(
                collected.reports,
                config.site_name,
                config.site_url,
                config.site_description,
                directory_urls=config.use_directory_urls,
            )
            files.append(File.generated(config, FEED, content=feed))
        self.feed = files.get_file_from_path(FEED) is not None
        return files

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Announce the RSS feed in every page's head, for feed readers that look there."""
        if not self.feed or "</head>" not in output:
            return output
        href = html.escape(get_relative_url(FEED, page.url), quote=True)
        title = html.escape(config.site_name, quote=True)
        link = f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">'
        return output.replace("</head>", link + "</head>", 1)
