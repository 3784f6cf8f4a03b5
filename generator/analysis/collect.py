"""From a folder of articles to their reports: read, looked up in the report cache, analysed if new.

The CLI and the MkDocs plugin both call `collect_reports` (and `site.pages.render_site` on what
it returns), so `dossier build`, `mkdocs build` and `mkdocs serve` produce the same pages.
"""

from __future__ import annotations

import functools
import importlib.metadata
import itertools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from generator.analysis.analyze import Failed
from generator.analysis.batches import BATCH_SIZE
from generator.analysis.cache import ReportCache, cache_key
from generator.analysis.lock import holds_build_lock
from generator.analysis.nlp import model_name
from generator.analysis.parallel import analyze_stream
from generator.ingest.files import IngestError, discover, parse_article, read_bytes, unique_ids
from generator.ingest.webpage import HTML_SUFFIXES
from generator.model import Article, Report


@dataclass
class Collected:
    """The outcome of reading and analysing a folder of articles."""

    reports: list[Report] = field(default_factory=list)
    """One report per article that could be read (or whose last good report was kept)."""
    errors: list[str] = field(default_factory=list)
    """One line per article that could not be read, naming the file."""
    analysed: list[str] = field(default_factory=list)
    """Ids of the articles analysed in this run (cache misses)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Article id → cache key of its report (what its pages are made from)."""


@holds_build_lock
def collect_reports(
    seeds: Path,
    cache_root: Path,
    model: str | None = None,
    date: str | None = None,
    summary_size: int | None = None,
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Collected:
    """Reports for every article under `seeds`, analysing only new or changed ones.

    Articles are read one at a time as the analysis asks for them and each report goes to the
    cache as soon as it is made, so only a few batches of articles are in memory at once.
    `jobs` > 1 analyses in that many processes; `scheduler` (a Dask address) on a cluster.
    """
    result = Collected()
    cache = ReportCache(cache_root)
    paths = discover([seeds]) if seeds.exists() else []
    ids = unique_ids(paths, seeds)
    name = model_name(model)
    keys: dict[str, str] = {}
    cached: dict[str, Report] = {}
    waiting: dict[str, tuple[str, str]] = {}
    """Article id → (file, cache key), for the articles handed to the analysis."""
    bar = tqdm(
        total=len(paths),
        desc="analysing",
        unit="article",
        disable=progress is False or (progress is None and not sys.stderr.isatty()),
        file=sys.stderr,
    )

    def new_articles() -> Iterator[Article]:
        for path in paths:
            rel = path.relative_to(seeds).as_posix()
            suffix = path.suffix.lower()
            try:
                data = read_bytes(path, seeds)
                key = cache_key(data, ids[path], suffix, name, date, _options(suffix, summary_size))
                report = cache.get(key)
                if report is None:
                    article = parse_article(data, str(path), ids[path], suffix, date)
            except IngestError as err:
                _fail(result, cache, rel, cached, keys, str(err), log)
                bar.update(1)
                continue
            keys[rel] = key
            if report is not None:
                cached[rel] = report
                bar.update(1)
                continue
            waiting[article.id] = (rel, key)
            yield article

    articles = new_articles()
    first = next(articles, None)
    if first is not None:  # the model is loaded only when something needs analysing
        for outcome in analyze_stream(
            itertools.chain([first], articles),
            model,
            summary_size,
            jobs=jobs,
            scheduler=scheduler,
            batch_size=batch_size,
        ):
            if isinstance(outcome, Failed):
                rel, _ = waiting.pop(outcome.article_id)
                del keys[rel]  # no report was made with this key
                _fail(result, cache, rel, cached, keys, f"{seeds / rel}: {outcome.message}", log)
            else:
                rel, key = waiting.pop(outcome.article.id)
                cache.put(key, outcome)
                cached[rel] = outcome
                result.analysed.append(outcome.article.id)
            bar.update(1)
    bar.close()
    cache.save_manifest(keys)
    result.keys = {report.article.id: keys[rel] for rel, report in cached.items()}
    result.reports = sorted(
        cached.values(), key=lambda r: (r.article.date or "", r.article.id), reverse=True
    )
    return result


def _options(suffix: str, summary_size: int | None) -> str:
    """The settings a report depends on besides the file, for its cache key."""
    if suffix in HTML_SUFFIXES:
        # another trafilatura may extract another text from the same page
        return f"{summary_size};trafilatura {_package_version('trafilatura')}"
    return str(summary_size)


@functools.cache
def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _fail(
    result: Collected,
    cache: ReportCache,
    rel: str,
    cached: dict[str, Report],
    keys: dict[str, str],
    message: str,
    log: Callable[[str], None] | None,
) -> None:
    """Record an article that could not be read or analysed, and keep its last good report if
    there is one."""
    previous = cache.manifest.get(rel)
    report = cache.get(previous) if previous else None
    if previous and report is not None:
        cached[rel] = report
        keys[rel] = previous
        message += " (keeping the report from its last good version)"
    result.errors.append(message)
    if log is not None:
        log(message)
