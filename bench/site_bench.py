"""Build time of a synthetic N-article site: the project's navigation against no navigation.

    .venv/bin/python bench/site_bench.py                 # 1,000 articles
    .venv/bin/python bench/site_bench.py -n 200 --flat   # also time a flat nav of every page
    .venv/bin/python bench/site_bench.py --add-one       # then: full vs incremental dossier build

Synthetic reports (made up names, sentences and numbers, no spaCy) are written into the report
cache under the keys the plugin computes for the synthetic article files, so each build runs
the real plugin path (read seeds, cache hits, render, MkDocs + Material) without analysing.
Each build runs `mkdocs build` in a fresh process; CPU and wall time are printed (CPU is the
fair measure on a shared machine). `--add-one` then times `dossier build --full` (every page
rendered, no analysis: the reports are cached) against `dossier build` after adding one real
article (analysed, and only the pages that change are rendered).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.cache import ReportCache, cache_key  # noqa: E402
from generator.analysis.nlp import model_name  # noqa: E402
from generator.ingest.files import unique_ids  # noqa: E402
from generator.model import (  # noqa: E402
    Actor,
    Caveat,
    Figure,
    KeyPoint,
    Mention,
    Quote,
    Report,
    Span,
    Speaker,
    TimeExpression,
    TimelineEntry,
)
from tests.factory import make_article, make_report  # noqa: E402

SYLLABLES = "ka lo mi ra ten vor sal dun bel ori pas tem neo lux var gor fen".split()
OUTLETS = ["Daily Ledger", "Morning Courier", "Evening Post", "Harbour Times", "Valley Wire"]
NO_NAV_HOOK = """
from mkdocs.structure.files import InclusionLevel


def on_files(files, config):
    for f in files:
        if f.is_documentation_page():
            f.inclusion = InclusionLevel.NOT_IN_NAV
    return files
"""
FLAT_NAV_HOOK = """
from mkdocs.structure.files import InclusionLevel


def on_files(files, config):
    for f in files:
        if f.is_documentation_page():
            f.inclusion = InclusionLevel.INCLUDED
    return files
"""
REAL_ARTICLE = (
    "The harbour authority of Brightwater said on Monday that it will spend $40 million on new "
    "cranes by 2027. Port director Lena Ortiz told reporters the money comes from a state loan. "
    "Critics say the plan is too costly, according to the local newspaper.\n"
)


def _name(rng: random.Random, parts: int) -> str:
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        for _ in range(parts)
    )


class Writer:
    """Builds an article text sentence by sentence and remembers where each piece is."""

    def __init__(self) -> None:
        self.text = ""
        self.sentences: list[Span] = []

    def sentence(self, *pieces: str) -> list[tuple[int, int]]:
        """Append a sentence made of pieces; return the (start, end) of each piece."""
        if self.text:
            self.text += " " if len(self.sentences) % 6 else "\n\n"
        start = len(self.text)
        spans = []
        for piece in pieces:
            spans.append((len(self.text), len(self.text) + len(piece)))
            self.text += piece
        self.sentences.append(Span(self.text[start:], start, len(self.text)))
        return spans


def synthetic_report(i: int, people: list[str], orgs: list[str], places: list[str]) -> Report:
    """One made-up article and its report: about 25 sentences, 10 actors, 4 figures, 5 events."""
    rng = random.Random(i)
    year = 2020 + i % 6
    date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    cast = rng.sample(people, 5) + rng.sample(orgs, 3) + rng.sample(places, 2)
    w = Writer()
    mentions: dict[str, list[Mention]] = {name: [] for name in cast}
    quotes, figures, timexes, timeline, caveats = [], [], [], [], []
    for n in range(25):
        who, where, org = cast[n % 5], cast[8 + n % 2], cast[5 + n % 3]
        kind = n % 5
        if kind == 0:
            spans = w.sentence(
                who,
                " said the ",
                org,
                " will spend ",
                f"{rng.randint(1, 90)} million euros",
                " on roads in ",
                where,
                " next year.",
            )
            value = int(w.text[slice(*spans[4])].split()[0]) * 1_000_000
            figures.append(
                Figure(
                    "money",
                    w.text[slice(*spans[4])],
                    *spans[4],
                    value,
                    "EUR",
                    None,
                    "spend on roads in the region",
                    None,
                    "plan",
                )
            )
        elif kind == 1:
            spans = w.sentence(
                "\u201c",
                "We will not accept this",
                ",\u201d ",
                who,
                " told reporters in ",
                where,
                " on ",
                "Monday",
                ".",
            )
            quotes.append(
                Quote(
                    "direct",
                    w.text[slice(*spans[1])],
                    *spans[1],
                    Span("told", spans[4][0] + 1, spans[4][0] + 5),
                    Speaker(None, who, *spans[3]),
                    None,
                )
            )
            timexes.append(TimeExpression("Monday", *spans[7], "DATE", date))
            timeline.append(
                TimelineEntry(
                    date,
                    "day",
                    w.sentences[-1].text,
                    w.sentences[-1].start,
                    w.sentences[-1].end,
                    len(timexes) - 1,
                )
            )
        elif kind == 2:
            spans = w.sentence(
                "Unemployment in ",
                where,
                " rose to ",
                f"{rng.randint(3, 12)} percent",
                " in ",
                str(year - 1),
                ", the ",
                org,
                " reported.",
            )
            pct = int(w.text[slice(*spans[3])].split()[0])
            figures.append(
                Figure(
                    "percent",
                    w.text[slice(*spans[3])],
                    *spans[3],
                    pct,
                    "%",
                    None,
                    "unemployment in the region rose",
                    None,
                    "fact",
                )
            )
            timexes.append(TimeExpression(str(year - 1), *spans[5], "DATE", str(year - 1)))
            timeline.append(
                TimelineEntry(
                    str(year - 1),
                    "year",
                    w.sentences[-1].text,
                    w.sentences[-1].start,
                    w.sentences[-1].end,
                    len(timexes) - 1,
                )
            )
        elif kind == 3:
            spans = w.sentence(
                "Some observers say ", who, " may have to step down by ", f"{year + 1}", "."
            )
            caveats.append(
                Caveat(
                    "weasel",
                    w.sentences[-1].text,
                    w.sentences[-1].start,
                    w.sentences[-1].end,
                    "Some observers say",
                    "warning",
                    "A vague source.",
                )
            )
            caveats.append(
                Caveat(
                    "hedged",
                    w.sentences[-1].text,
                    w.sentences[-1].start,
                    w.sentences[-1].end,
                    "may",
                    "info",
                    "A hedge.",
                )
            )
            timexes.append(TimeExpression(f"{year + 1}", *spans[3], "DATE", str(year + 1)))
            timeline.append(
                TimelineEntry(
                    str(year + 1),
                    "year",
                    w.sentences[-1].text,
                    w.sentences[-1].start,
                    w.sentences[-1].end,
                    len(timexes) - 1,
                    "planned",
                )
            )
        else:
            spans = w.sentence(
                "The ", org, " and ", who, " met officials from ", where, " to discuss the budget."
            )
        for start, end in spans:
            piece = w.text[start:end]
            if piece in mentions:
                mentions[piece].append(Mention(start, end, piece))
    ids = {name: f"a{k}" for k, name in enumerate(cast)}
    types = ["person"] * 5 + ["organization"] * 3 + ["place"] * 2
    actors = [
        Actor(
            ids[name],
            name,
            kind,
            ["minister"] if kind == "person" and k == 0 else [],
            [ids[cast[5]]] if kind == "person" else [],
            mentions[name],
        )
        for k, (name, kind) in enumerate(zip(cast, types, strict=True))
        if mentions[name]
    ]
    quotes = [replace(q, speaker=replace(q.speaker, actor=ids[q.speaker.text])) for q in quotes]
    if i % 7 == 0:
        caveats.append(
            Caveat(
                "relayed",
                w.sentences[1].text,
                w.sentences[1].start,
                w.sentences[1].end,
                None,
                "high",
                "Relayed by another outlet.",
            )
        )
    article = make_article(
        w.text,
        f"a{i:04d}",
        title=f"{cast[0]} and the {cast[5]} in {cast[8]}",
        date=date,
        date_source="metadata",
        source=OUTLETS[i % len(OUTLETS)],
        url=f"https://example.org/{i}",
    )
    timeline.sort(key=lambda e: e.date)
    return make_report(
        article,
        sentences=w.sentences,
        summary=w.sentences[:3],
        actors=actors,
        quotes=quotes,
        figures=figures,
        timexes=timexes,
        timeline=timeline,
        caveats=caveats,
        key_points=[KeyPoint(f"{cast[0]} spoke.", w.sentences[1].start, w.sentences[1].end)],
        generator="site_bench",
    )


def make_project(root: Path, count: int) -> None:
    """A project folder with `count` synthetic articles whose reports are already cached."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    seeds = root / "seeds"
    seeds.mkdir()
    rng = random.Random(0)
    people = sorted({_name(rng, 2) for _ in range(600)})
    orgs = sorted({_name(rng, 1) + " Council" for _ in range(120)})
    places = sorted({_name(rng, 1) for _ in range(150)})
    cache = ReportCache(root / ".dossier")
    model = model_name(None)
    paths = []
    reports = {}
    for i in range(count):
        report = synthetic_report(i, people, orgs, places)
        path = seeds / f"{report.article.id}.txt"
        path.write_text(report.article.text, "utf-8")
        paths.append(path)
        reports[path] = report
    manifest = {}
    for path, ident in unique_ids(paths).items():
        key = cache_key(path.read_bytes(), ident, ".txt", model, None, "4")
        cache.put(key, reports[path])
        manifest[path.name] = key
    cache.save_manifest(manifest)


def build(root: Path, config: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `mkdocs build` in a fresh process."""
    return _timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], root, str(config)
    )[:2]


def dossier_build(root: Path, *options: str) -> tuple[float, float, str]:
    """Wall time, CPU time and messages of one `dossier build` in a fresh process."""
    command = [sys.executable, "-m", "generator.cli", "build", "-f", "mkdocs.yml", *options]
    return _timed(command, root, "dossier build")


def _timed(command: list[str], root: Path, name: str) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, done.stderr


def variant(root: Path, name: str, hook: str, nav: str | None) -> Path:
    """A copy of mkdocs.yml with a hook that moves pages in or out of the navigation."""
    (root / f"{name}_hook.py").write_text(hook, "utf-8")
    text = (root / "mkdocs.yml").read_text("utf-8")
    head, rest = text.split("\nnav:\n", 1)
    rest = rest[rest.index("\nplugins:") :]
    nav_text = f"\nnav: {nav}\n" if nav is not None else "\n"
    config = root / f"mkdocs.{name}.yml"
    config.write_text(f"{head}{nav_text}{rest}\nhooks:\n  - {name}_hook.py\n", "utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("--flat", action="store_true", help="also time a flat nav of every page")
    parser.add_argument("--add-one", action="store_true", help="then add one real article")
    parser.add_argument("--repeat", type=int, default=2, help="builds of each kind (fastest wins)")
    parser.add_argument("--keep", action="store_true", help="keep the project folder")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        started = time.perf_counter()
        make_project(root, args.articles)
        print(
            f"{args.articles} synthetic articles in {root} ({time.perf_counter() - started:.1f} s)"
        )
        no_nav = variant(root, "no_nav", NO_NAV_HOOK, "[]")
        ours_runs, bare_runs = [], []
        # Alternate the two builds and keep the fastest of each. CPU time is the fair measure on
        # a shared machine (wall time also counts waiting for other processes); both are shown.
        for _ in range(args.repeat):
            ours_runs.append(build(root, root / "mkdocs.yml"))
            bare_runs.append(build(root, no_nav))
        ours, bare = min(ours_runs, key=lambda t: t[1]), min(bare_runs, key=lambda t: t[1])
        pages = sum(1 for _ in (root / "site").rglob("index.html"))
        print(f"pages built:            {pages}")
        print("                          CPU s   wall s")
        print(f"with the site's nav:    {ours[1]:7.1f}  {ours[0]:7.1f}")
        print(f"with no navigation:     {bare[1]:7.1f}  {bare[0]:7.1f}")
        print(
            f"ratio:                  {ours[1] / bare[1]:7.2f}  {ours[0] / bare[0]:7.2f}  (target: at most 1.5)"
        )
        if args.flat:
            flat = build(root, variant(root, "flat", FLAT_NAV_HOOK, None))
            print(f"flat nav of every page: {flat[1]:7.1f}  {flat[0]:7.1f}")
        if args.add_one:
            full = dossier_build(root, "--full")
            (root / "seeds" / "zz-real.txt").write_text(REAL_ARTICLE, "utf-8")
            incremental = dossier_build(root)
            said = [line for line in incremental[2].splitlines() if "build" in line]
            print("dossier build:            CPU s   wall s")
            print(f"--full, nothing new:    {full[1]:7.1f}  {full[0]:7.1f}")
            print(f"after adding one:       {incremental[1]:7.1f}  {incremental[0]:7.1f}")
            print(
                f"ratio:                  {incremental[1] / full[1]:7.1%}  {incremental[0] / full[0]:7.1%}"
            )
            print("  " + "\n  ".join(said))
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
