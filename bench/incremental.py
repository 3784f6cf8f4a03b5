"""An incremental `dossier build` after adding one article to N analysed ones (run by hand).

    .venv/bin/python bench/incremental.py                 # 1,000 synthetic articles
    .venv/bin/python bench/incremental.py --articles 200 --jobs 2 --keep /tmp/inc
    .venv/bin/python bench/incremental.py --keep /tmp/inc --site-only   # reuse its analysis

Copies the project's mkdocs.yml, docs/ and templates/ into a scratch folder, writes N
synthetic articles into its seeds/, and runs `dossier build` there, each time in a fresh
process: a full build (`--full`: everything analysed, every page rendered), a build with
nothing changed, and, after adding one article, an incremental one. Each build reports its
wall and CPU time, the time of the analysis step (`collect_reports`: reading, cache look-ups and
analysing what is new) and the CPU spent rendering the pages that changed (MkDocs' Markdown
conversion, theme and search indexing of each), with the largest of them. Target: the
incremental build under 5% of the full build's time. Compare CPU times: the machine may be
shared, and wall time also counts waiting for other processes.

With `--site-only` the full build is the site alone (the reports come from the cache); the
added article is a new one each time (another seed), so it is analysed as a real addition is,
and the incremental build is also compared with the complete full build (analysis included)
that `--keep` recorded in `bench-full.json` when it made the corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished children (--jobs)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_build(folder: Path, jobs: int, extra: list[str]) -> None:
    """Run in a child process: one `dossier build` in `folder`, timings printed as JSON."""
    import mkdocs.commands.build as mkdocs_build

    import generator.mkdocs_plugin.plugin as plugin_module

    timings: dict[str, object] = {}
    collect = plugin_module.collect_reports

    def timed_collect(*args, **kwargs):  # type: ignore[no-untyped-def]
        start, cpu = time.perf_counter(), _cpu()
        collected = collect(*args, **kwargs)
        timings["collect"] = time.perf_counter() - start
        timings["collect_cpu"] = _cpu() - cpu
        timings["analysed"] = len(collected.analysed)
        timings["reports"] = len(collected.reports)
        return collected

    plugin_module.collect_reports = timed_collect
    rendered: dict[str, list[float]] = {}  # page → [CPU s, Markdown characters]

    def timed(step):  # type: ignore[no-untyped-def]
        def run(page, *args, **kwargs):  # type: ignore[no-untyped-def]
            cpu = _cpu()
            step(page, *args, **kwargs)
            if page.content is not None:  # rendered, not left as the last build made it
                entry = rendered.setdefault(page.file.src_uri, [0.0, len(page.markdown or "")])
                entry[0] += _cpu() - cpu

        return run

    mkdocs_build._populate_page = timed(mkdocs_build._populate_page)
    mkdocs_build._build_page = timed(mkdocs_build._build_page)
    from click.testing import CliRunner

    from generator.cli import main

    args = ["build", "-f", str(folder / "mkdocs.yml"), "--jobs", str(jobs), *extra]
    start, cpu = time.perf_counter(), _cpu()
    result = CliRunner().invoke(main, args)
    timings["build"] = time.perf_counter() - start
    timings["build_cpu"] = _cpu() - cpu
    if result.exit_code != 0:
        sys.stderr.write(result.output)
        raise SystemExit(result.exit_code)
    timings["rendered"] = len(rendered)
    timings["render_cpu"] = sum(cpu for cpu, _ in rendered.values())
    timings["largest"] = sorted(rendered.items(), key=lambda kv: -kv[1][0])
    print(json.dumps(timings))


def run_build(folder: Path, jobs: int, *extra: str) -> dict:
    """A build in a fresh process (as `dossier build` would be), with its wall and CPU totals."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--one-build", str(folder), "--jobs", str(jobs), "--", *extra],
        capture_output=True,
        text=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the build in {folder} failed")
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    timings["process"] = time.perf_counter() - start
    timings["process_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--site-only",
        action="store_true",
        help="reuse the analysed corpus in --keep: the full build is then the site alone",
    )
    parser.add_argument(
        "--show", type=int, default=8, help="how many of the pages made again to list (CPU order)"
    )
    parser.add_argument("--one-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_build:
        one_build(args.one_build, args.jobs, args.extra)
        return

    from bench.synthetic import write_corpus

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dossier-incremental-"))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "templates"):
        shutil.rmtree(folder / name, ignore_errors=True)
        shutil.copytree(ROOT / name, folder / name)
    rows = []
    if args.site_only and (folder / "seeds").is_dir():
        for extra in sorted((folder / "seeds").glob("synthetic-*.md"))[args.articles :]:
            extra.unlink()
        print(f"{args.articles} analysed articles in {folder}; --jobs {args.jobs}")
        rows.append(("full site build", run_build(folder, args.jobs, "--full")))
    else:
        shutil.rmtree(folder / "seeds", ignore_errors=True)
        shutil.rmtree(folder / ".dossier", ignore_errors=True)
        shutil.rmtree(folder / "site", ignore_errors=True)
        write_corpus(folder / "seeds", args.articles)
        print(f"{args.articles} synthetic articles in {folder}/seeds; --jobs {args.jobs}")
        rows.append(("full build", run_build(folder, args.jobs, "--full")))
    full = rows[0][1]
    record = folder / "bench-full.json"
    if not args.site_only:
        record.write_text(json.dumps(full), "utf-8")
    rows.append(("nothing changed", run_build(folder, args.jobs)))
    # a new article: with --site-only, one the cache has never seen (its words change each run)
    seed = time.time_ns() % 1_000_000 if args.site_only else 7
    write_corpus(folder / "seeds", 1, start=args.articles, seed=seed)
    rows.append(("after adding one", run_build(folder, args.jobs)))
    incremental = rows[-1][1]

    print(
        f"{'':18} {'analysed':>8} {'pages made':>10} {'wall s':>8} {'CPU s':>8}"
        f" {'analysis CPU':>13} {'page CPU':>9}"
    )
    for label, t in rows:
        print(
            f"{label:18} {t['analysed']:8.0f} {t['rendered']:10.0f} {t['process']:8.2f} "
            f"{t['process_cpu']:8.2f} {t['collect_cpu']:13.2f} {t['render_cpu']:9.2f}"
        )
    print(
        f"incremental / full: CPU {incremental['process_cpu'] / full['process_cpu']:.1%}, "
        f"wall {incremental['process'] / full['process']:.1%} (target < 5%)"
    )
    if args.site_only and record.is_file():
        complete = json.loads(record.read_text("utf-8"))
        print(
            f"incremental / the complete full build recorded in {record} "
            f"({complete['process_cpu']:.2f} s CPU, {complete['analysed']} analysed): "
            f"CPU {incremental['process_cpu'] / complete['process_cpu']:.1%} (target < 5%)"
        )
    made = incremental["largest"]
    print(
        f"pages made again after adding one: {len(made)}, {sum(s for _, (_, s) in made):,d}"
        f" Markdown characters; the {min(args.show, len(made))} taking most CPU (s, characters):"
    )
    for page, (cpu, size) in made[: args.show]:
        print(f"  {cpu:6.2f} {size:9,d}  {page}")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
