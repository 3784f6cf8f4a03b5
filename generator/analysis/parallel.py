"""Analyse a stream of articles in this process, in several processes, or on a Dask cluster.

Every way cuts the stream into the same batches (`batches.batches`) and yields the reports in
the order of the articles, so the output does not depend on how the work was spread. Only a
bounded number of batches is in flight at once: memory stays flat however long the stream.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from generator.analysis.analyze import Outcome, analyze_articles, analyze_batch
from generator.analysis.batches import BATCH_SIZE, BATCHES_PER_WORKER, batches, in_order
from generator.analysis.nlp import load_model
from generator.model import Article


def analyze_stream(
    articles: Iterable[Article],
    model: str | None = None,
    summary_size: int | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Reports for `articles` in their order: on the Dask `scheduler`, in `jobs` processes, or here."""
    if scheduler:
        from generator.analysis.cluster import (
            analyze_on_cluster,  # Dask is imported only when a cluster is used
        )

        yield from analyze_on_cluster(
            articles, scheduler, model, summary_size, batch_size=batch_size
        )
    elif jobs > 1:
        yield from analyze_in_processes(articles, jobs, model, summary_size, batch_size=batch_size)
    else:
        yield from analyze_articles(load_model(model), articles, summary_size, batch_size)


def analyze_in_processes(
    articles: Iterable[Article],
    jobs: int,
    model: str | None = None,
    summary_size: int | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Reports for `articles` in their order, analysed by `jobs` worker processes."""
    # spawn, not fork: a forked copy of a process with threads (progress bars, MkDocs' server)
    # can deadlock, and a fresh process loads exactly one model
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=load_model, initargs=(model,)
    ) as pool:

        def submit(batch: list[Article]) -> Future[list[Outcome]]:
            return pool.submit(analyze_batch_with, model, batch, summary_size)

        yield from in_order(batches(articles, batch_size), submit, jobs * BATCHES_PER_WORKER)


def analyze_batch_with(
    model: str | None, batch: list[Article], summary_size: int | None
) -> list[Outcome]:
    """Run in a worker: the reports of one batch, with the worker's model (loaded once)."""
    return analyze_batch(load_model(model), batch, summary_size)
