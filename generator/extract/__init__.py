"""Extractors: pure functions from a parsed spaCy `Doc` (plus earlier results) to model objects.

One module per concern. `generator.analyze` runs them in order: actors, quotes, figures,
temporal expressions, timeline, caveats, summary.
"""
