"""Quick timing check: seconds to summarise a synthetic 5,000-word article (not a test).

Run: .venv/bin/python bench/summary_bench.py
Prints the spaCy parse time, the time of the whole analysis and the time of the summary and
key points alone, so a slowdown in the summary shows up against raw spaCy speed.
"""

from __future__ import annotations

import time

from generator.analysis.analyze import analyze_doc
from generator.analysis.nlp import load_model
from generator.extract.actors import extract_actors
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.extract.summary import key_points, summarize
from generator.ingest.files import parse_article

PARAGRAPH = (
    "Minister Anna Kovac of Eastland said on Monday that the government would spend "
    "{n} million euros on new rail lines over the next {k} years. "
    '"We cannot wait any longer," Kovac told reporters in the capital. '
    "Opposition leader Piet Dahl rejected the plan and said it ignored rural towns. "
    "Scroll down for video. "
    "The line between the two largest cities would carry {m},000 passengers a day by 2030. "
    "Critics, pictured at a rally last week, want buses first "
    "Transport unions have not yet said whether they back the scheme. "
)


def synthetic_article(words: int = 5000) -> str:
    """A long article of varied sentences, about `words` words."""
    parts: list[str] = []
    i = 0
    while sum(len(p.split()) for p in parts) < words:
        parts.append(PARAGRAPH.format(n=40 + i, k=3 + i % 7, m=10 + i))
        i += 1
    return "\n\n".join(parts)


def main() -> None:
    """Print the timings."""
    nlp = load_model()
    text = synthetic_article()
    article = parse_article(text.encode("utf-8"), "bench.txt", "bench", ".txt")
    nlp("Warm up the pipeline.")
    t0 = time.perf_counter()
    doc = nlp(article.text)
    t1 = time.perf_counter()
    report = analyze_doc(doc, article)
    t2 = time.perf_counter()
    actors = extract_actors(doc)
    quotes = extract_quotes(doc, actors)
    figures = extract_figures(doc, actors, quotes)
    t3 = time.perf_counter()
    summary = summarize(doc, actors, quotes, figures)  # the default length, fitted (3 to 5)
    points = key_points(doc, actors, quotes, figures)
    t4 = time.perf_counter()
    print(f"words: {len(text.split())}, sentences: {len(report.sentences)}")
    print(f"spaCy parse:          {t1 - t0:.2f} s")
    print(f"all extractors:       {t2 - t1:.2f} s")
    print(f"summary + key points: {t4 - t3:.3f} s ({len(summary)} sentences, {len(points)} points)")


if __name__ == "__main__":
    main()
