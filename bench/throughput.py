"""Throughput of the full analysis against raw spaCy, on one corpus in one run (run by hand).

    .venv/bin/python bench/throughput.py                      # 300 synthetic articles
    .venv/bin/python bench/throughput.py --jsonl FILE --limit 200   # texts of a JSONL file
    .venv/bin/python bench/throughput.py --folder seeds --profile   # and the extractors' hot spots

Prints words per second of `nlp.pipe` with the same model and components, words per second of
the full analysis (parse + every extractor), their ratio (target: at least 0.6), the peak
memory, and the resident memory after each quarter of the analysis (it should stay flat).
Seconds are CPU seconds of this process (wall-clock seconds in brackets): on a shared machine
the wall clock measures the neighbours as much as the code.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import texts as synthetic_texts  # noqa: E402
from generator.analysis.analyze import analyze_articles  # noqa: E402
from generator.analysis.batches import BATCH_SIZE  # noqa: E402
from generator.analysis.nlp import load_model  # noqa: E402
from generator.analysis.parallel import analyze_stream  # noqa: E402
from generator.ingest.files import IngestError, discover, read_article  # noqa: E402
from generator.model import Article  # noqa: E402
from tests.factory import make_article  # noqa: E402


def rss_mib() -> float:
    """Resident memory of this process now, in MiB (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def load_corpus(args: argparse.Namespace) -> list[Article]:
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as handle:
            bodies = [json.loads(line)["text"] for line in handle if line.strip()]
    elif args.folder:
        read: list[Article] = []
        for path in discover([Path(args.folder)]):
            try:
                read.append(read_article(path))
            except IngestError as error:  # a page the build refuses (not an article) is skipped
                print(f"skipped: {error}", file=sys.stderr)
        return read[: args.limit]
    else:
        bodies = synthetic_texts(args.limit)
    bodies = bodies[: args.limit]
    return [
        make_article(text, f"a{i}", date="2024-05-02", date_source="cli")
        for i, text in enumerate(bodies)
    ]


def words(articles: list[Article]) -> int:
    return sum(len(article.text.split()) for article in articles)


def raw_spacy(nlp, articles: list[Article], batch_size: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(CPU, wall) seconds for `nlp.pipe` alone over the corpus."""
    cpu, wall = time.process_time(), time.perf_counter()
    with nlp.memory_zone():
        for _doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            pass
    return time.process_time() - cpu, time.perf_counter() - wall


def full_analysis(
    nlp, articles: list[Article], batch_size: int, memory: list[float]
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(CPU, wall) seconds for the full analysis, noting the resident memory after each quarter."""
    marks = {max(1, len(articles) * q // 4) for q in (1, 2, 3, 4)}
    cpu, wall = time.process_time(), time.perf_counter()
    for n, _report in enumerate(analyze_articles(nlp, articles, batch_size=batch_size), 1):
        if n in marks:
            memory.append(rss_mib())
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jsonl", help="a JSONL file whose records have a 'text' field")
    parser.add_argument("--folder", help="a folder of articles (.txt, .md, .html)")
    parser.add_argument("--limit", type=int, default=300, help="number of articles")
    parser.add_argument("--model", help="spaCy model (default: the tool's default)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs of each")
    parser.add_argument("--jobs", type=int, default=1, help="also time the analysis in N processes")
    parser.add_argument("--profile", action="store_true", help="print the extractors' hot spots")
    args = parser.parse_args()

    articles = load_corpus(args)
    total = words(articles)
    nlp = load_model(args.model)
    print(f"corpus: {len(articles)} articles, {total:,} words; model {nlp.meta['name']}")
    print(f"components: {', '.join(nlp.pipe_names)}")
    list(analyze_articles(nlp, articles[: args.batch_size]))  # warm up caches and lazy imports

    raw_times, full_times, memory = [], [], []
    for _ in range(args.repeat):  # interleaved, so that a busy moment hurts both alike
        raw_times.append(raw_spacy(nlp, articles, args.batch_size))
        memory.clear()
        full_times.append(full_analysis(nlp, articles, args.batch_size, memory))
    raw, full = min(raw_times), min(full_times)
    raw_wps, full_wps = total / raw[0], total / full[0]
    print(f"raw nlp.pipe:   {raw_wps:8,.0f} words/s  ({raw[0]:.1f} s CPU, {raw[1]:.1f} s wall)")
    print(f"full analysis:  {full_wps:8,.0f} words/s  ({full[0]:.1f} s CPU, {full[1]:.1f} s wall)")
    print(f"ratio:          {full_wps / raw_wps:8.2f}  (target >= 0.60)")
    print(f"peak memory:    {peak_mib():8.0f} MiB")
    print("memory after each quarter of the analysis: " + ", ".join(f"{m:.0f}" for m in memory))

    if args.jobs > 1:
        start = time.perf_counter()
        for _report in analyze_stream(
            articles, args.model, jobs=args.jobs, batch_size=args.batch_size
        ):
            pass
        seconds = time.perf_counter() - start
        print(
            f"--jobs {args.jobs}:      {total / seconds:8,.0f} words/s  ({seconds:.1f} s, "
            "including starting the processes and loading the model in each)"
        )

    if args.profile:
        from generator.analysis.analyze import analyze_doc

        docs = list(nlp.pipe((a.text for a in articles), batch_size=args.batch_size))
        profile = cProfile.Profile()
        profile.enable()
        for doc, article in zip(docs, articles, strict=True):
            analyze_doc(doc, article)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
        stats.print_stats(r"generator|spacy/tokens", 25)
        print(out.getvalue())


if __name__ == "__main__":
    main()
