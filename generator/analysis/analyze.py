"""Run the extractors over parsed articles and assemble their reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from generator import __version__
from generator.analysis.batches import BATCH_SIZE, batches
from generator.extract.actors import extract_actors
from generator.extract.caveats import extract_caveats
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.extract.summary import key_points, summarize
from generator.extract.time.timeline import build_timeline
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
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        spans.append(Span(text=stripped, start=start, end=start + len(stripped)))
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


def analyze_doc(doc: Doc, article: Article, summary_size: int = 4) -> Report:
    """The report of one parsed article."""
    actors = extract_actors(doc)
    quotes = extract_quotes(doc, actors)
    timexes = extract_temporal_expressions(doc, article.date)
    dating = infer_article_date(doc, timexes) if article.date is None else None
    if dating is not None:
        article = dataclasses.replace(article, date=dating.date, date_source="inferred")
        timexes = extract_temporal_expressions(doc, dating.date)
    figures = extract_figures(doc, actors, quotes, timexes)
    timeline = build_timeline(doc, timexes, article.date)
    caveats = extract_caveats(doc, article, actors, quotes, figures, timexes)
    if dating is not None:
        caveats = [inferred_date_caveat(dating), *caveats]
    return Report(
        article=article,
        summary=summarize(doc, actors, quotes, figures, size=summary_size),
        actors=actors,
        quotes=quotes,
        figures=figures,
        temporal_expressions=timexes,
        timeline=timeline,
        caveats=caveats,
        key_points=key_points(doc, actors, quotes, figures),
        sentences=sentence_spans(doc),
        generator=GENERATOR,
    )


def analyze_batch(nlp: Language, batch: list[Article], summary_size: int = 4) -> list[Report]:
    """The reports of a few articles, parsed together with `nlp.pipe`.

    The Docs live only inside a spaCy memory zone, so the strings they add to the vocabulary
    are freed with them and a long run does not grow; reports hold plain strings only.
    """
    with nlp.memory_zone():
        docs = nlp.pipe((article.text for article in batch), batch_size=len(batch))
        return [
            analyze_doc(doc, article, summary_size)
            for doc, article in zip(docs, batch, strict=True)
        ]


def analyze_articles(
    nlp: Language,
    articles: Iterable[Article],
    summary_size: int = 4,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Report]:
    """Reports for many articles in their order, parsed in batches (one batch of Docs at a time)."""
    for batch in batches(articles, batch_size):
        yield from analyze_batch(nlp, batch, summary_size)
