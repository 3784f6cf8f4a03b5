"""An incremental `dossier build` after adding one article to N analysed ones (run by hand).

    .venv/bin/python bench/incremental.py                 # 1,000 synthetic articles
    .venv/bin/python bench/incremental.py --articles 200 --jobs 2 --keep /tmp/inc

Copies the project's mkdocs.yml, docs/ and templates/ into a scratch folder, writes N
synthetic articles into its seeds/, and runs `dossier build` there in a fresh process twice:
a full build (everything analysed), then, after adding one article, an incremental one. Each
build reports its total time and the time of the analysis step (`collect_reports`: reading,
cache look-ups and analysing what is new); the rest is the site build. Target: the
incremental build under 5% of the full build's time.
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
    import generator.mkdocs_plugin as plugin_module

    timings: dict[str, float] = {}
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
    print(json.dumps(timings))


def run_build(folder: Path, jobs: int, *extra: str) -> dict[str, float]:
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
        help="reuse the analysed corpus in --keep: time only full and incremental site builds",
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
    if args.site_only:
        # the analysis is cached: the full build here is the site alone
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
    rows.append(("nothing changed", run_build(folder, args.jobs)))
    write_corpus(folder / "seeds", 1, start=args.articles)
    rows.append(("after adding one", run_build(folder, args.jobs)))
    incremental = rows[-1][1]

    print(
        f"{'':18} {'analysed':>8} {'collect s':>10} {'site s':>8} {'total s':>8}"
        f" {'process s':>10} {'CPU s':>8} {'collect CPU':>12}"
    )
    for label, t in rows:
        site = t["build"] - t["collect"]
        print(
            f"{label:18} {t['analysed']:8.0f} {t['collect']:10.2f} {site:8.2f} "
            f"{t['build']:8.2f} {t['process']:10.2f} {t['process_cpu']:8.2f} {t['collect_cpu']:12.2f}"
        )
    print(
        f"incremental / full: CPU {incremental['process_cpu'] / full['process_cpu']:.1%}, "
        f"wall {incremental['process'] / full['process']:.1%} (target < 5%; CPU is the fair "
        "measure on a shared machine, wall time also counts waiting for other processes)"
    )
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
