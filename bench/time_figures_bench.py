"""Timing check: time expressions, timeline and figures against the spaCy parse (not a test).

Run: .venv/bin/python bench/time_figures_bench.py
Prints, for a synthetic 10,000-word article, the spaCy parse time and the time of the time
expressions, the timeline and the figures, and their share of the parse (issue 16 asks for
under 10% for time expressions and figures together). Best of three runs of each.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from spacy.language import Language

from generator.analysis.nlp import load_model
from generator.extract.figures import extract_figures
from generator.extract.time.timeline import build_timelines
from generator.extract.time.timex import extract_temporal_expressions

PARAGRAPH = (
    "On Monday, March {d}, the Harbour Authority said it would spend {n} million euros "
    "(about ${u} million) on {k} new ferries by the end of 2030. "
    "Last year the port handled {m},000 containers, up from {p} percent fewer in 2019, "
    "according to the National Statistics Office. "
    "The ferries will carry about {m}00 passengers a day, and the first could sail next spring. "
    "At 6:30 a.m. the following morning, dozens of workers had not yet returned. "
    "In the 1990s the line ran {k} times a week; it closed two years later. "
)


PROSE = (
    "Residents of the harbour district have long argued that the ferries are the only practical "
    "link between the islands and the mainland, and several community groups met with officials "
    "to press their case. The authority's planners said they had studied the routes carefully "
    "and consulted shipping companies, unions and local councils before drawing up the scheme. "
)
"""Sentences without dates or figures, to give the article a newspaper's density of them."""


def synthetic_article(words: int = 10_000, dense: bool = True) -> str:
    """A long article of varied sentences with dates and figures, about `words` words: every
    paragraph full of them (`dense`), or one such paragraph to four of plain prose."""
    parts: list[str] = []
    i = 0
    while sum(len(p.split()) for p in parts) < words:
        parts.append(
            PARAGRAPH.format(d=1 + i % 28, n=40 + i, u=44 + i, k=3 + i % 7, m=10 + i, p=2 + i % 9)
        )
        if not dense:
            parts.append(" ".join([PROSE] * 4))
        i += 1
    return "\n\n".join(parts)


def best(run: Callable[[], object], times: int = 3) -> float:
    """The shortest of `times` runs, in seconds."""
    found = []
    for _ in range(times):
        t0 = time.process_time()
        run()
        found.append(time.process_time() - t0)
    return min(found)


def main() -> None:
    """Print the timings."""
    nlp = load_model()
    nlp("Warm up the pipeline.")
    for dense in (True, False):
        print("dense article" if dense else "typical article (a fifth of paragraphs dated)")
        measure(nlp, synthetic_article(dense=dense))


def measure(nlp: Language, text: str) -> None:
    """Print the timings for one article."""
    doc = nlp(text)
    parse = best(lambda: nlp(text), times=2)
    timexes = extract_temporal_expressions(doc, "2025-03-20")
    t_timex = best(lambda: extract_temporal_expressions(doc, "2025-03-20"))
    t_timeline = best(lambda: build_timelines(doc, timexes, "2025-03-20"))
    t_figures = best(lambda: extract_figures(doc, [], [], timexes))
    both = t_timex + t_figures
    print(f"words: {len(text.split())}, time expressions: {len(timexes)}")
    print(f"figures found:     {len(extract_figures(doc, [], [], timexes))}")
    print(f"spaCy parse:       {parse:.2f} s CPU")
    print(f"time expressions:  {t_timex:.3f} s ({t_timex / parse:.1%} of the parse)")
    print(f"timeline:          {t_timeline:.3f} s ({t_timeline / parse:.1%} of the parse)")
    print(f"figures:           {t_figures:.3f} s ({t_figures / parse:.1%} of the parse)")
    print(f"timex + figures:   {both:.3f} s ({both / parse:.1%} of the parse; target < 10%)")


if __name__ == "__main__":
    main()
