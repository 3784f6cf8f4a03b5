"""One way to make a `Report` by hand, for the tests and the benchmarks (no spaCy).

Builders that need a report of a given shape (a sample with hostile text, small cross-article
sites, payload sites, synthetic archives) say only what they put in it; the contract's other
fields get their defaults here, so a field added to `generator.model` is added in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import (
    Actor,
    Article,
    Caveat,
    DateSource,
    Figure,
    KeyPoint,
    Quote,
    Report,
    Span,
    TimeExpression,
    TimelineEntry,
)


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the `nth` occurrence (from 0) of `needle` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    """The contract `Span` of the `nth` occurrence of `needle` in `text`."""
    start, end = where(text, needle, nth)
    return Span(text[start:end], start, end)


def make_article(
    text: str,
    ident: str = "article",
    *,
    title: str | None = None,
    date: str | None = None,
    date_source: DateSource | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Article:
    """An English article over `text`; the date comes from metadata when there is one."""
    return Article(
        id=ident,
        title=title,
        date=date,
        date_source=date_source or ("metadata" if date else "none"),
        source=source,
        url=url,
        author=author,
        language="en",
        text=text,
    )


def make_report(
    article: Article,
    *,
    sentences: Sequence[Span] | None = None,
    summary: Sequence[Span] | None = None,
    actors: Sequence[Actor] = (),
    quotes: Sequence[Quote] = (),
    figures: Sequence[Figure] = (),
    timexes: Sequence[TimeExpression] = (),
    timeline: Sequence[TimelineEntry] = (),
    caveats: Sequence[Caveat] = (),
    key_points: Sequence[KeyPoint] = (),
    generator: str = "news-dossier test",
) -> Report:
    """A report of `article`; without `sentences`, the whole text is one sentence, and the
    summary is every sentence."""
    whole = [Span(article.text, 0, len(article.text))]
    sentences = list(sentences) if sentences is not None else whole
    return Report(
        article=article,
        summary=list(summary) if summary is not None else list(sentences),
        actors=list(actors),
        quotes=list(quotes),
        figures=list(figures),
        temporal_expressions=list(timexes),
        timeline=list(timeline),
        caveats=list(caveats),
        key_points=list(key_points),
        sentences=sentences,
        generator=generator,
    )
