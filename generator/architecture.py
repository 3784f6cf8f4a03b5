"""The stages of the package, and which may import which: the layer contract, as data.

Two things read it. `tests/test_architecture.py` checks every import of the package against it,
imports inside functions included, and that the modules import one another without a circle.
The report cache fingerprints the whole code of every package the analysis may import
(`analysis_packages`), so a helper moved anywhere the analysis can reach stays covered, and one
moved anywhere else breaks the contract instead of leaving stale reports behind.
"""

from __future__ import annotations

ROOT = "generator"
"""The package itself (`generator/__init__.py`, the version): every stage may import it."""

LAYERS: dict[str, frozenset[str]] = {
    "generator.model": frozenset(),
    "generator.fsutil": frozenset(),
    "generator.slugs": frozenset(),
    "generator.timevalues": frozenset(),
    "generator.architecture": frozenset(),
    "generator.ingest": frozenset({"generator.model", "generator.fsutil", "generator.slugs"}),
    "generator.extract": frozenset({"generator.model", "generator.slugs", "generator.timevalues"}),
    "generator.analysis": frozenset(
        {
            "generator.model",
            "generator.fsutil",
            "generator.architecture",
            "generator.ingest",
            "generator.extract",
        }
    ),
    "generator.site": frozenset(
        {"generator.model", "generator.fsutil", "generator.slugs", "generator.timevalues"}
    ),
    "generator.mkdocs_plugin": frozenset(
        {"generator.model", "generator.fsutil", "generator.analysis", "generator.site"}
    ),
    "generator.evaluation": frozenset(
        {
            "generator.model",
            "generator.fsutil",
            "generator.slugs",
            "generator.ingest",
            "generator.analysis",
        }
    ),
    "generator.cli": frozenset(
        {
            "generator.model",
            "generator.fsutil",
            "generator.ingest",
            "generator.analysis",
            "generator.site",
            "generator.mkdocs_plugin",
            "generator.evaluation",
        }
    ),
}
"""Each stage (a subpackage or a top-level module) → the stages it may import directly."""

EXTRACT_SHARED = frozenset(
    {"generator.extract.common", "generator.extract.numbers", "generator.extract.prefilter"}
)
"""Modules of `extract` that every extractor family may use; the families (`actors`, `quotes`,
`time`, `figures`, `caveats`, `summary`) never import one another."""

LAZY_IMPORTS = frozenset({("generator.analysis.parallel", "generator.analysis.cluster")})
"""The only imports of the package's own modules inside a function: Dask is loaded only when a
cluster is used. It goes one way (the cluster module does not import `parallel`)."""

DASK_MODULES = frozenset({"generator.analysis.cluster"})
"""The only modules that import Dask (`dask`, `distributed`)."""


def stage_of(module: str) -> str:
    """The stage a module belongs to: `generator.extract.actors.names` → `generator.extract`."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else ROOT


def reachable(stage: str) -> frozenset[str]:
    """`stage` and every stage it may import, directly or through others (`ROOT` included)."""
    seen = {ROOT}
    todo = [stage]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(LAYERS.get(current, ()))
    return frozenset(seen)


def analysis_packages() -> frozenset[str]:
    """The stages whose code a report depends on: what the analysis may import."""
    return reachable("generator.analysis")
