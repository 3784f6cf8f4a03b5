"""From a folder of articles to reports (cached) and to the site's Markdown pages.

The CLI and the MkDocs plugin both call `collect_reports` and `render_site`, so `dossier build`,
`mkdocs build` and `mkdocs serve` produce the same pages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .analyze import analyze_articles
from .cache import ReportCache, cache_key
from .ingest import IngestError, discover, parse_article, read_bytes, unique_ids
from .lock import holds_build_lock
from .model import Article, Report
from .nlp import load_model, model_name


@dataclass
class Collected:
    """The outcome of reading and analysing a folder of articles."""

    reports: list[Report] = field(default_factory=list)
    """One report per article that could be read (or whose last good report was kept)."""
    errors: list[str] = field(default_factory=list)
    """One line per article that could not be read, naming the file."""
    analysed: list[str] = field(default_factory=list)
    """Ids of the articles analysed in this run (cache misses)."""


@holds_build_lock
def collect_reports(
    seeds: Path,
    cache_root: Path,
    model: str | None = None,
    date: str | None = None,
    summary_size: int = 4,
    progress: bool | None = None,
    log: Callable[[str], None] | None = None,
) -> Collected:
    """Reports for every article under `seeds`, analysing only new or changed ones."""
    result = Collected()
    cache = ReportCache(cache_root)
    paths = discover([seeds]) if seeds.exists() else []
    ids = unique_ids(paths, seeds)
    name = model_name(model)
    keys: dict[str, str] = {}
    pending: list[tuple[str, Article]] = []
    cached: dict[str, Report] = {}
    for path in paths:
        rel = path.relative_to(seeds).as_posix()
        try:
            data = read_bytes(path)
        except IngestError as err:
            _fail(result, cache, rel, cached, keys, str(err), log)
            continue
        key = cache_key(data, ids[path], path.suffix.lower(), name, date, str(summary_size))
        report = cache.get(key)
        if report is not None:
            cached[rel] = report
            keys[rel] = key
            continue
        try:
            article = parse_article(data, str(path), ids[path], path.suffix.lower(), date)
        except IngestError as err:
            _fail(result, cache, rel, cached, keys, str(err), log)
            continue
        keys[rel] = key
        pending.append((rel, article))
    if pending:
        nlp = load_model(model)
        bar = tqdm(
            total=len(pending),
            desc="analysing",
            unit="article",
            disable=progress is False or (progress is None and not sys.stderr.isatty()),
            file=sys.stderr,
        )
        by_id = {article.id: rel for rel, article in pending}
        for report in analyze_articles(nlp, (a for _, a in pending), summary_size):
            rel = by_id[report.article.id]
            cache.put(keys[rel], report)
            cached[rel] = report
            result.analysed.append(report.article.id)
            bar.update(1)
        bar.close()
    cache.save_manifest(keys)
    result.reports = sorted(
        cached.values(), key=lambda r: (r.article.date or "", r.article.id), reverse=True
    )
    return result


def _fail(
    result: Collected,
    cache: ReportCache,
    rel: str,
    cached: dict[str, Report],
    keys: dict[str, str],
    message: str,
    log: Callable[[str], None] | None,
) -> None:
    """Record an unreadable article and keep its last good report, if there is one."""
    previous = cache.manifest.get(rel)
    report = cache.get(previous) if previous else None
    if report is not None:
        cached[rel] = report
        keys[rel] = previous  # type: ignore[assignment]
        message += " (keeping the report from its last good version)"
    result.errors.append(message)
    if log is not None:
        log(message)
