"""Analyse articles on an existing Dask distributed cluster (the site is still built here).

Each worker loads the spaCy model once, when it starts (a worker plugin), and then analyses
whole batches; the client streams batches out and reports back in the articles' order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from distributed import Client, WorkerPlugin

from generator import __version__
from generator.analysis.analyze import Outcome, analyze_batch
from generator.analysis.batches import (
    BATCH_SIZE,
    BATCHES_PER_WORKER,
    ClusterError,
    batches,
    in_order,
)
from generator.analysis.nlp import load_model
from generator.model import Article

PLUGIN_NAME = "news-dossier-model"
CONNECT_TIMEOUT = "20s"

# A worker may run several tasks at once in threads; one spaCy pipeline and its memory zones
# must serve one batch at a time.
_model_lock = threading.Lock()


class ModelLoader(WorkerPlugin):
    """Load the spaCy model when a worker starts, so that no batch waits for it."""

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: object) -> None:
        load_model(self.model)


def analyze_batch_on_worker(
    model: str | None, batch: list[Article], summary_size: int | None
) -> list[Outcome]:
    """Run on a worker: the reports of one batch, with the worker's model."""
    with _model_lock:
        return analyze_batch(load_model(model), batch, summary_size)


def worker_version() -> str:
    """Run on a worker: the news-dossier version installed there."""
    return __version__


def analyze_on_cluster(
    articles: Iterable[Article],
    scheduler: str,
    model: str | None = None,
    summary_size: int | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Reports for `articles` in their order, analysed by the workers of the Dask `scheduler`."""
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({err})") from None
    with client:
        try:
            versions = client.run(worker_version)
        except Exception as err:  # whatever a worker raises: it comes back as that type
            raise ClusterError(
                f"{scheduler}: the workers cannot run news-dossier ({type(err).__name__}: {err}); "
                "install it, with the spaCy model, on every worker"
            ) from None
        if not versions:
            raise ClusterError(f"{scheduler}: the Dask cluster has no workers")
        other = {addr: v for addr, v in versions.items() if v != __version__}
        if other:
            found = ", ".join(f"{addr} has {v}" for addr, v in sorted(other.items()))
            raise ClusterError(
                f"{scheduler}: workers must run news-dossier {__version__} like this machine ({found})"
            )
        client.register_plugin(ModelLoader(model), name=PLUGIN_NAME)
        window = max(2, sum(client.nthreads().values()) * BATCHES_PER_WORKER)

        def submit(batch: list[Article]):  # type: ignore[no-untyped-def]
            return client.submit(analyze_batch_on_worker, model, batch, summary_size, pure=False)

        yield from in_order(batches(articles, batch_size), submit, window)
