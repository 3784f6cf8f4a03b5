"""Run the extractors over parsed articles and assemble their reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from generator import __version__
from generator.analysis.batches import BATCH_SIZE, batches
from generator.extract.actors import acting_groups, extract_actors
from generator.extract.caveats import extract_caveats, extract_uncertainty
from generator.extract.common import stripped_bounds
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.extract.summary import key_points, summarize
from generator.extract.time.timeline import build_timelines
from generator.extract.time.timex import (
    InferredDate,
    extract_temporal_expressions,
    infer_article_date,
)
from generator.model import Article, Caveat, Report, Span

GENERATOR = f"news-dossier {__version__}"


def sentence_spans(doc: Doc) -> list[Span]:
    """Every sentence with surrounding whitespace trimmed; blank-only sentences are dropped."""
    spans = []
    for sent in doc.sents:
        start, end = stripped_bounds(sent)
        if start < end:
            spans.append(Span(text=sent.text.strip(), start=start, end=end))
    return spans


def inferred_date_caveat(dating: InferredDate) -> Caveat:
    """The caveat that says an article's date was worked out from its text, and from what."""
    evidence = dating.evidence
    return Caveat(
        kind="missing-metadata",
        text=evidence.text,
        start=evidence.start,
        end=evidence.end,
        cue=evidence.text,
        severity="warning",
        explanation=dating.explanation,
    )


class ExtractorError(Exception):
    """An extractor raised an exception on one article; `stage` names the extractor."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.stage = stage


@dataclass(frozen=True)
class Failed:
    """The outcome of an article whose analysis failed: what the error line says."""

    article_id: str
    stage: str
    """The extractor that failed: actors, quotes, time, figures, timeline, caveats, summary."""
    error: str
    """The exception's type and message."""

    @property
    def message(self) -> str:
        return f"the {self.stage} extractor failed ({self.error})"


Outcome = Report | Failed
"""What analysing one article gives: its report, or why there is none."""


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Run one stage of `analyze_doc`: any exception in it becomes an `ExtractorError(name)`."""
    try:
        yield
    except Exception as err:
        raise ExtractorError(name, err) from err


def analyze_doc(doc: Doc, article: Article, summary_size: int | None = None) -> Report:
    """The report of one parsed article (`ExtractorError` names the stage that failed)."""
    with stage("actors"):
        actors = extract_actors(doc)
    with stage("quotes"):
        quotes = extract_quotes(doc, actors)
        speakers = {q.speaker.actor for q in quotes if q.speaker and q.speaker.actor}
        actors = acting_groups(doc, actors, speakers | {q.via for q in quotes if q.via})
    with stage("time"):
        timexes = extract_temporal_expressions(doc, article.date)
        dating = infer_article_date(doc, timexes) if article.date is None else None
        if dating is not None:
            article = dataclasses.replace(article, date=dating.date, date_source="inferred")
            timexes = extract_temporal_expressions(doc, dating.date)
    with stage("figures"):
        figures = extract_figures(doc, actors, quotes, timexes)
    with stage("timeline"):
        timeline, undated = build_timelines(doc, timexes, article.date)
    with stage("caveats"):
        caveats = extract_caveats(doc, article, actors, quotes, figures, timexes)
        uncertainty = extract_uncertainty(doc, quotes)
        if dating is not None:
            caveats = [inferred_date_caveat(dating), *caveats]
    with stage("summary"):
        summary = summarize(doc, actors, quotes, figures, size=summary_size, article=article)
        points = key_points(doc, actors, quotes, figures)
    return Report(
        article=article,
        summary=summary,
        actors=actors,
        quotes=quotes,
        figures=figures,
        temporal_expressions=timexes,
        timeline=timeline,
        undated=undated,
        caveats=caveats,
        key_points=points,
        sentences=sentence_spans(doc),
        uncertainty=uncertainty,
        generator=GENERATOR,
    )


def analyze_one(doc: Doc, article: Article, summary_size: int | None = None) -> Outcome:
    """The report of one parsed article, or `Failed` when an extractor raised: one bad article
    must not stop the others."""
    try:
        return analyze_doc(doc, article, summary_size)
    except ExtractorError as err:
        return Failed(article.id, err.stage, str(err))


def analyze_batch(
    nlp: Language, batch: list[Article], summary_size: int | None = None
) -> list[Outcome]:
    """The reports of a few articles, parsed together with `nlp.pipe`.

    The Docs live only inside a spaCy memory zone, so the strings they add to the vocabulary
    are freed with them and a long run does not grow; reports hold plain strings only.
    """
    with nlp.memory_zone():
        docs = nlp.pipe((article.text for article in batch), batch_size=len(batch))
        return [
            analyze_one(doc, article, summary_size)
            for doc, article in zip(docs, batch, strict=True)
        ]


def analyze_articles(
    nlp: Language,
    articles: Iterable[Article],
    summary_size: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Reports for many articles in their order, parsed in batches (one batch of Docs at a time)."""
    for batch in batches(articles, batch_size):
        yield from analyze_batch(nlp, batch, summary_size)
