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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one_build(folder: Path, jobs: int) -> None:
    """Run in a child process: one `dossier build` in `folder`, timings printed as JSON."""
    import generator.mkdocs_plugin as plugin_module

    timings: dict[str, float] = {}
    collect = plugin_module.collect_reports

    def timed_collect(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        collected = collect(*args, **kwargs)
        timings["collect"] = time.perf_counter() - start
        timings["analysed"] = len(collected.analysed)
        timings["reports"] = len(collected.reports)
        return collected

    plugin_module.collect_reports = timed_collect
    from click.testing import CliRunner

    from generator.cli import main

    args = ["build", "-f", str(folder / "mkdocs.yml"), "--jobs", str(jobs)]
    start = time.perf_counter()
    result = CliRunner().invoke(main, args)
    timings["build"] = time.perf_counter() - start
    if result.exit_code != 0:
        sys.stderr.write(result.output)
        raise SystemExit(result.exit_code)
    print(json.dumps(timings))


def run_build(folder: Path, jobs: int) -> dict[str, float]:
    """A build in a fresh process (as `dossier build` would be), with its wall-clock total."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--one-build", str(folder), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the build in {folder} failed")
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    timings["process"] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--one-build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_build:
        one_build(args.one_build, args.jobs)
        return

    from bench.synthetic import write_corpus

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dossier-incremental-"))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "templates"):
        shutil.rmtree(folder / name, ignore_errors=True)
        shutil.copytree(ROOT / name, folder / name)
    shutil.rmtree(folder / "seeds", ignore_errors=True)
    shutil.rmtree(folder / ".dossier", ignore_errors=True)
    write_corpus(folder / "seeds", args.articles)
    print(f"{args.articles} synthetic articles in {folder}/seeds; --jobs {args.jobs}")

    full = run_build(folder, args.jobs)
    write_corpus(folder / "seeds", 1, start=args.articles)
    incremental = run_build(folder, args.jobs)

    rows = [("full build", full), ("after adding one", incremental)]
    print(
        f"{'':18} {'analysed':>8} {'collect s':>10} {'site s':>8} {'total s':>8} {'process s':>10}"
    )
    for label, t in rows:
        site = t["build"] - t["collect"]
        print(
            f"{label:18} {t['analysed']:8.0f} {t['collect']:10.2f} {site:8.2f} "
            f"{t['build']:8.2f} {t['process']:10.2f}"
        )
    print(
        f"incremental / full: collect {incremental['collect'] / full['collect']:.1%}, "
        f"total {incremental['build'] / full['build']:.1%}, "
        f"process {incremental['process'] / full['process']:.1%} (target < 5%)"
    )
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
