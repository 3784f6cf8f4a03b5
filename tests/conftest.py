"""Shared fixtures: one spaCy pipeline for the whole test session."""

from __future__ import annotations

import pytest

from generator.analysis.analyze import analyze_doc
from generator.analysis.nlp import load_model
from generator.ingest.files import parse_article
from generator.model import Report


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def analyse(nlp):
    """Analyse a small text written for a test: analyse(text, date=None) -> Report."""

    def run(text: str, date: str | None = None, title: str | None = None) -> Report:
        article = parse_article(text.encode("utf-8"), "test.txt", "test", ".txt", date=date)
        if title is not None:
            article = article.__class__(**{**article.__dict__, "title": title})
        return analyze_doc(nlp(article.text), article)

    return run
