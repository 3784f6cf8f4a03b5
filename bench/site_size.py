"""Size of a built site: pages per article, actor pages, and the search index a reader loads.

    .venv/bin/python bench/site_size.py --synthetic 100          # made-up reports, no spaCy
    .venv/bin/python bench/site_size.py --seeds DIR --keep P     # real articles (analysed once;
    .venv/bin/python bench/site_size.py --project P              #  then rebuilt from the cache)

`--synthetic N` uses the synthetic reports of `site_bench.py` (written into the report cache,
so nothing is analysed). `--seeds DIR` copies the article files of DIR (`.html.gz` unpacked)
into a fresh project and analyses them; `--keep P` keeps that project, and `--project P`
builds it again (`dossier build --full`: the reports come from its cache), e.g. after a change
to the site. Prints the build time, the pages, pages per article and the search index: Pagefind's
bundle (`pagefind/`: pages indexed, its time in the build, the chunks and fragments a query
picks from) or, for a site built with Material's search plugin, `search/search_index.json`
(fetched whole on the first query) and which pages fill it. `--browser` also serves the site
and, in headless Chromium, types a query into the search box: it prints the bytes search
fetched for it (as served, without compression; Pagefind's files are compressed already) and
the time from typing to the first results shown. `--add-one` then adds one article (a copy of
the first with a new title) and times the incremental `dossier build`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.site_bench import REAL_ARTICLE, make_project  # noqa: E402

INDEX = Path("search") / "search_index.json"
BUNDLE = "pagefind"


def page_kind(location: str) -> str:
    """A page type from a search entry's location (`articles/x/source/#s-3` → article source)."""
    path = location.split("#", 1)[0].strip("/")
    parts = path.split("/") if path else []
    if not parts:
        return "home"
    if parts[0] == "articles" and len(parts) >= 2 and parts[1] != "by-date":
        return "article " + (parts[2] if len(parts) > 2 else "overview")
    if parts[0] == "actors" and len(parts) >= 3 and parts[2] != "names":
        return "actor" if len(parts) == 3 else "actor by date"
    return parts[0] + (" (more)" if len(parts) > 1 else "")


def measure(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    articles = [p for p in (site / "articles").iterdir() if (p / "report.json").exists()]
    actors = [p for p in pages if p.relative_to(site).parts[:1] == ("actors",)]
    actor_pages = [p for p in actors if len(p.relative_to(site).parts) == 4]
    n = max(1, len(articles))
    print(f"articles:               {len(articles)}")
    print(f"pages:                  {len(pages)} ({len(pages) / n:.1f} per article)")
    print(f"actor pages:            {len(actor_pages)} ({len(actor_pages) / n:.1f} per article)")
    if (site / BUNDLE).is_dir():
        measure_pagefind(site / BUNDLE)
        return
    index = site / INDEX
    if not index.exists():
        print("search index:           none")
        return
    raw = index.read_bytes()
    print(
        f"search index:           {len(raw):,} bytes, {len(gzip.compress(raw, 6)):,} gzipped "
        f"({len(raw) / n / 1000:.1f} kB per article)"
    )
    docs = json.loads(raw)["docs"]
    sizes: Counter[str] = Counter()
    for doc in docs:
        sizes[page_kind(doc["location"])] += len(json.dumps(doc, ensure_ascii=False))
    total = sum(sizes.values()) or 1
    print("index by page type:     bytes   share")
    for kind, size in sizes.most_common(12):
        print(f"  {kind:22s}{size:>9,}  {size / total:5.1%}")


def measure_pagefind(bundle: Path) -> None:
    """Pagefind's bundle: what a first query picks from (the entry, the page metadata, the
    WebAssembly and script, then one index chunk per word and one fragment per result)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = sum(lang["page_count"] for lang in entry["languages"].values())
    files = [p for p in bundle.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    print(
        f"search index:           Pagefind, {pages} pages indexed, {total:,} bytes in {len(files)} files"
    )
    groups: dict[str, list[int]] = {}
    for path in files:
        kind = path.parent.name if path.parent != bundle else path.name.split(".")[-1]
        groups.setdefault(kind, []).append(path.stat().st_size)
    print("bundle by kind:         files      bytes  largest")
    for kind, sizes in sorted(groups.items(), key=lambda item: -sum(item[1])):
        print(f"  {kind:22s}{len(sizes):>5} {sum(sizes):>10,} {max(sizes):>8,}")


SEARCH_LINE = re.compile(
    r"search index: (\d+) pages indexed by Pagefind in ([\d.]+) s \(([\d.]+) s CPU\)"
)


def full_build(root: Path, *options: str) -> tuple[float, float]:
    """Wall and CPU time of `dossier build --full` in a fresh process; articles that cannot
    be read (exit code 1) are reported and left out, as the build does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "build",
            *(options or ("--full",)),
            "-f",
            "mkdocs.yml",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1) or not (root / "site").is_dir():
        raise SystemExit(f"dossier build failed\n{done.stderr[-2000:]}")
    for line in done.stderr.splitlines():
        if "could not be read" in line or "incremental build:" in line or "full build:" in line:
            print(line)
        if found := SEARCH_LINE.search(line):
            pages, seconds, cpu_search = found.groups()
            print(f"  of which Pagefind:    {cpu_search} s CPU, {seconds} s wall ({pages} pages)")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


FIRST_QUERY = """
(async () => {
  const input = document.querySelector('.md-search__input');
  const t0 = performance.now();
  input.focus();
  input.value = %s;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'a'}));
  while (!document.querySelector('.md-search-result__item')) {
    if (performance.now() - t0 > 60000) return null;
    await new Promise(r => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  // what search fetched, whether on this query or already when the page loaded
  const fetched = performance.getEntriesByType('resource').filter(e => /search|pagefind/.test(e.name));
  return [ms, fetched.reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0),
          fetched.map(e => e.name.split('/').slice(-2).join('/'))];
})()
"""


class CountingServer:
    """The site over HTTP (as `tests.browser.SiteServer`), noting every file it sends: Pagefind
    fetches its index from a web worker, which the page's resource timing does not see."""

    def __init__(self, root: Path) -> None:
        import functools
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        sent: list[tuple[str, int]] = []

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
                data = source.read()
                outputfile.write(data)
                sent.append((self.path, len(data)))

        self.sent = sent
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
        )
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def first_query(site: Path, query: str) -> None:
    """Bytes and time of the first search on the home page, in headless Chromium."""
    from tests.browser import Browser, find_chromium

    chromium = find_chromium()
    if chromium is None:
        print("first query:            chromium is not installed")
        return
    server = CountingServer(site)
    try:
        browser = Browser(chromium, timeout=120)
        try:
            browser.viewport(1366, 768)
            browser.open(server.url)
            browser.wait(1.0)
            loaded = len(server.sent)
            found = browser.evaluate(FIRST_QUERY % json.dumps(query))
            browser.wait(0.5)
        finally:
            browser.close()
    finally:
        server.close()
    if found is None:
        print(f"first query:            no results for {query!r} within 60 s")
        return
    ms = found[0]
    page = [(p, n) for p, n in server.sent[:loaded] if re.search(r"search|pagefind", p)]
    asked = server.sent[loaded:]
    size = sum(n for _, n in page + asked)
    print(
        f"first query {query!r}: search fetched {size:,} bytes "
        f"({sum(n for _, n in page):,} with the page, {sum(n for _, n in asked):,} for the query), "
        f"results after {ms:.0f} ms"
    )
    print("  loaded: " + ", ".join(f"{p.rsplit('/', 1)[-1]} {n:,}" for p, n in page + asked))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--synthetic", type=int, metavar="N", help="N synthetic reports")
    source.add_argument("--seeds", type=Path, metavar="DIR", help="real article files")
    source.add_argument("--project", type=Path, metavar="P", help="rebuild a kept project")
    parser.add_argument("--keep", type=Path, metavar="P", help="keep the project in P")
    parser.add_argument("--browser", action="store_true", help="time a first search in Chromium")
    parser.add_argument("--query", default="unemployment", help="what --browser searches for")
    parser.add_argument("--no-build", action="store_true", help="with --project: measure only")
    parser.add_argument("--add-one", action="store_true", help="then time adding one article")
    args = parser.parse_args()
    if args.project is not None:
        root = args.project.resolve()
    else:
        root = (args.keep or Path(tempfile.mkdtemp(prefix="dossier-size-"))).resolve()
        root.mkdir(parents=True, exist_ok=True)
        if args.synthetic is not None:
            make_project(root, args.synthetic)
        else:
            shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
            shutil.copytree(ROOT / "docs", root / "docs")
            seeds = root / "seeds"
            seeds.mkdir()
            for path in sorted(args.seeds.iterdir()):
                if path.name.endswith(".gz"):
                    (seeds / path.name[:-3]).write_bytes(gzip.decompress(path.read_bytes()))
                elif path.suffix in (".html", ".md", ".txt"):
                    shutil.copy(path, seeds / path.name)
    try:
        cpu = 0.0
        if not (args.no_build and args.project is not None):
            wall, cpu = full_build(root)
            print(f"dossier build --full:   {cpu:.1f} s CPU, {wall:.1f} s wall")
        measure(root / "site")
        if args.browser:
            first_query(root / "site", args.query)
        if args.add_one:
            (root / "seeds" / "zz-added.txt").write_text(REAL_ARTICLE, "utf-8")
            wall_one, cpu_one = full_build(root, "--jobs", "1")
            share = f" ({cpu_one / cpu:.1%} of the full build's CPU)" if cpu else ""
            print(f"+1 article, dossier build: {cpu_one:.1f} s CPU, {wall_one:.1f} s wall{share}")
    finally:
        if args.project is None and args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
