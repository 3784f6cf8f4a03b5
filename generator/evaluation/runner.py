"""Evaluation harness: run the analyser over a gold JSONL task file and score its reports.

Each record is turned into the same `.md` article (front matter with title, date and source,
then the text) that `dossier analyze` would read, analysed in one `nlp.pipe` run, and scored
with the metrics defined in the corpora's README (one-to-one span matching, micro-averaged).
The corpora themselves are never part of this repository.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

from generator.analysis.analyze import Failed, analyze_articles
from generator.analysis.nlp import load_model
from generator.evaluation.tasks import (
    score_entities,
    score_figures,
    score_hedges,
    score_quotes,
    score_summaries,
    score_timex,
)
from generator.fsutil import atomic_write
from generator.ingest.files import IngestError, parse_article
from generator.model import Report
from generator.slugs import slug


def record_article_bytes(record: dict[str, Any]) -> bytes:
    """The `.md` file an evaluation run feeds the analyser for one record."""
    meta = {
        k: v
        for k, v in (
            ("title", record.get("title")),
            ("date", record.get("dct")),
            ("source", record.get("publisher")),
        )
        if v
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    head = f"---\n{front}---\n" if meta else ""
    text: str = record["text"]
    return (head + text + "\n").encode("utf-8")


def load_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a JSONL task file."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def analyse_records(
    records: list[dict[str, Any]], model: str | None, summary_size: int, dump: Path | None = None
) -> list[Report | None]:
    """One report per record (None where the article could not be read)."""
    articles = []
    index: dict[str, int] = {}
    for i, record in enumerate(records):
        ident = slug(str(record["id"]))
        try:
            articles.append(
                parse_article(record_article_bytes(record), f"{record['id']}.md", ident, ".md")
            )
            index[ident] = i
        except IngestError as err:
            print(f"error: {err}", file=sys.stderr)
    reports: list[Report | None] = [None] * len(records)
    nlp = load_model(model)
    bar = tqdm(total=len(articles), desc="analysing", unit="article", disable=None, file=sys.stderr)
    for outcome in analyze_articles(nlp, articles, summary_size):
        if isinstance(outcome, Failed):
            bar.write(f"error: {outcome.article_id}: {outcome.message}", file=sys.stderr)
        else:
            reports[index[outcome.article.id]] = outcome
            if dump is not None:
                atomic_write(dump / f"{outcome.article.id}.json", outcome.to_json())
        bar.update(1)
    bar.close()
    return reports


SCORERS: dict[str, Callable[[list[dict[str, Any]], list[Report | None]], dict[str, Any]]] = {
    "timex": score_timex,
    "entities": score_entities,
    "figures": score_figures,
    "quotes": score_quotes,
    "hedges": score_hedges,
    "summaries": score_summaries,
}


def run(
    task: str,
    data: Path,
    limit: int | None = None,
    model: str | None = None,
    summary_size: int = 3,
    dump: Path | None = None,
) -> str:
    """Analyse the records of `data` and return the scores of `task` as JSON text."""
    records = load_records(data, limit)
    reports = analyse_records(records, model, summary_size, dump)
    scores = {
        "task": task,
        "data": data.name,
        "records": len(records),
        **SCORERS[task](records, reports),
    }
    return json.dumps(scores, indent=2)
