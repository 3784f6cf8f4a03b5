"""The unit of work of every way of analysing: batches of articles, and their reports in order.

`analysis.parallel` and `analysis.cluster` both cut the stream of articles with `batches` and
read the results back with `in_order`, so the output does not depend on how the work was
spread. Nothing here imports spaCy or Dask: `ClusterError` can be caught without either.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TypeVar

from generator.model import Article

T = TypeVar("T")

BATCH_SIZE = 16
BATCHES_PER_WORKER = 2
"""Batches queued per worker: one being analysed and one ready, so no worker waits."""


class ClusterError(RuntimeError):
    """A Dask cluster that cannot be used; the message names the scheduler address."""


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    """Consecutive runs of `size` articles: the unit of work of every way of analysing."""
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def in_order(
    work: Iterable[list[Article]],
    submit: Callable[[list[Article]], Future[list[T]]],
    window: int,
) -> Iterator[T]:
    """Submit batches with at most `window` unfinished, and yield their reports in order."""
    pending: deque[Future[list[T]]] = deque()
    try:
        for batch in work:
            pending.append(submit(batch))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # a failure or an early stop leaves queued batches that nobody will read
        for future in pending:
            future.cancel()
