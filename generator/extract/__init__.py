"""Extractors: pure functions from a parsed spaCy `Doc` (plus earlier results) to model objects.

One subpackage per family: `actors`, `quotes`, `time` (temporal expressions and the timeline),
`figures`, `caveats`, and the `summary`; `common` and `numbers` are shared by several.
`generator.analysis.analyze` runs them in order: actors, quotes, temporal expressions,
figures, timeline, caveats, summary.
"""
