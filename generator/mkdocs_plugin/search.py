"""Site search with Pagefind: a chunked index that a browser fetches piece by piece.

Material's own search (lunr) loads one index of the whole site on the first query: about 5 kB
per article, 4.7 MB at 1,000 articles, indexed in the browser before the first result. Pagefind
(https://pagefind.app, a Rust indexer shipped on PyPI with its binary) writes the index in
chunks by word and a fragment per page: a query fetches the chunks of its words and the
fragments of the results it shows, so what a reader downloads stays small at any site size, on
a static host with no server.

What is indexed follows the page's use (`search_mode`): an article's overview (summary, key
points) and its source text whole, so every word of an article is found once; the section
index pages and the hand-written pages whole; the other cross-article pages (an actor, a
timeline month, a figure group, pages by date or by letter) by their title and first paragraph,
because their text repeats sentences of the articles; an article's actors, figures, timeline
and caveats pages not at all, for the same reason (their sentences are in its source text).
The pages to index are hard-linked into a scratch folder and Pagefind reads only those: it
spends most of its time parsing HTML, and a page it does not read costs nothing.

The search box in the header and the results list are the dossier theme's (`theme/`): Material's
markup and classes, so both palettes and the layout are Material's own.

Pagefind cannot add pages to an index it wrote, and indexing the whole site again costs about
4% of a full build at 1,000 articles: far more than the rest of a build that adds one article.
So `dossier build` keeps the last full index as a base (`<cache>/search-base/`, with the content
key and Pagefind fragment of each page in it), links it into the site, and indexes only the
pages that are new or changed since it into `pagefind/recent/`; `pagefind/dossier.json` names
that recent index and the base's fragments of the pages that changed or are gone. The search
script merges the recent index into the base (Pagefind's `mergeIndex`) and leaves the hidden
fragments out of the results, so a query finds what a full index would. When the recent pages
(changed, new or gone) pass RECENT_SHARE of the base, the whole site is indexed again and
becomes the new base.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.fsutil import atomic_write, link_or_copy, remove_file

SearchMode = Literal["whole", "lead", "none"]
BUNDLE = "pagefind"
"""The folder of the site that holds Pagefind's index and its JavaScript."""
THEME_DIR = Path(__file__).resolve().parent / "theme"
"""Theme overrides the plugin puts in front of Material's: the search box and its script."""
EXCLUDE_SELECTORS = (".headerlink", ".md-source-file", "[data-search-exclude]")
"""Parts of an indexed page that are not its text (the ¶ of each heading's permalink)."""
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
ARTICLE_TAG = '<article class="md-content__inner md-typeset">'
BODY = "data-pagefind-body"
TITLE = 'data-pagefind-meta="title"'
_ARTICLE_SUBPAGES = frozenset({"actors", "caveats", "figures", "timeline"})
_H1 = re.compile(r"<h1\b")
_P = re.compile(r"<p>")


def search_mode(src_uri: str, generated: bool, index_pages: Iterable[str]) -> SearchMode:
    """How a page goes into the search index, from its source path (`articles/x/source.md`)."""
    if not generated or src_uri in index_pages:
        return "whole"
    parts = src_uri.split("/")
    if parts[0] == "articles" and len(parts) == 3 and parts[1] != "by-date":
        page = parts[2].removesuffix(".md")
        return "none" if page in _ARTICLE_SUBPAGES else "whole"
    return "lead"


def mark_page(html: str, mode: SearchMode) -> str:
    """Mark what Pagefind indexes on a page: the article element, or its heading and first
    paragraph; a page marked nowhere is left out of the index (`mode` "none"). The article's
    first heading is the result's title."""
    start = html.find(ARTICLE_TAG)
    if mode == "none" or start < 0:
        return html
    out = html
    if mode == "whole":
        out = html[:start] + ARTICLE_TAG[:-1] + f" {BODY}>" + html[start + len(ARTICLE_TAG) :]
    heading = _H1.search(out, start)
    if heading is None:
        return out
    marks = f" {TITLE}" if mode == "whole" else f" {BODY} {TITLE}"
    out = out[: heading.end()] + marks + out[heading.end() :]
    if mode == "lead":
        paragraph = _P.search(out, heading.end())
        if paragraph is not None and "</article>" not in out[heading.end() : paragraph.start()]:
            out = out[: paragraph.start()] + f"<p {BODY}>" + out[paragraph.end() :]
    return out


BASE_DIR = "search-base"
"""Folder of the cache that holds the base index (`bundle/`) and its record."""
RECENT = "recent"
"""Folder of the bundle with the index of the pages new or changed since the base."""
OVERLAY = "dossier.json"
"""File of the bundle naming the recent index and the base's hidden fragments."""
RECENT_SHARE = 0.1
"""Pages new, changed or gone since the base, as a share of the base's pages, beyond which the
whole site is indexed again (a query then fetches two indexes' chunks for each word)."""
RECORD_FORMAT = 1
FRAGMENT_SIGNATURE = b"pagefind_dcd"
"""Pagefind's fragment files are gzip files whose content starts with this, then JSON."""


@dataclass
class IndexRun:
    """What one Pagefind run did."""

    pages: int
    wall: float
    cpu: float
    """CPU seconds of the Pagefind process (user and system)."""
    base: int | None = None
    """When only the recent pages were indexed: the pages of the base index they add to."""


def pagefind_command() -> list[str]:
    """The Pagefind binary that the `pagefind[bin]` dependency installed (through Python, which
    finds it in its package)."""
    return [sys.executable, "-m", "pagefind"]


def build_index(site_dir: Path, pages: Iterable[str], scratch: Path) -> IndexRun:
    """Index the HTML files `pages` (paths relative to `site_dir`) into `site_dir/pagefind`.

    The pages are hard-linked (copied where a link cannot be made) into `scratch`, which is
    emptied first and left behind for the next build; the old bundle is replaced whole, so no
    chunk of an earlier index lingers."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    run = _run_pagefind(site_dir, pages, scratch, bundle)
    if run.pages:
        _write_overlay(bundle, None, [])
    return run


def _write_overlay(bundle: Path, recent: str | None, hide: list[str]) -> None:
    """`dossier.json`: the recent index to merge (a folder of the bundle) and the fragments of
    the base index to leave out of the results."""
    atomic_write(bundle / OVERLAY, json.dumps({"recent": recent, "hide": hide}))


def _run_pagefind(
    site_dir: Path, pages: Iterable[str], scratch: Path, bundle: Path, marked: bool = False
) -> IndexRun:
    """Pagefind over the pages `pages` of `site_dir`, into the (absent or empty) `bundle`.

    `marked`: leave out pages with nothing marked for the index (Pagefind, given only those,
    would index them whole)."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    count = 0
    made: set[str] = set()
    for page in pages:
        source = os.path.join(site_dir, page)
        if marked:
            try:
                with open(source, "rb") as handle:
                    if BODY.encode() not in handle.read():
                        continue
            except FileNotFoundError:
                continue
        try:
            link_or_copy(source, os.path.join(scratch, page), made)
        except FileNotFoundError:
            continue  # not written (an empty page)
        count += 1
    if count == 0:
        return IndexRun(0, 0.0, 0.0)  # nothing to search (Pagefind refuses an empty site)
    command = pagefind_command() + [
        "--site",
        str(scratch),
        "--output-path",
        str(bundle.resolve()),
        "--quiet",
    ]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for name in UNUSED:  # Pagefind's own search interfaces: the theme's script is the UI
        path = bundle / name
        if path.is_file():
            path.unlink()
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return IndexRun(count, wall, cpu)


def page_url(dest_uri: str) -> str:
    """The URL Pagefind gives the page written at `dest_uri` (`a/b/index.html` → `/a/b/`)."""
    if dest_uri == "index.html" or dest_uri.endswith("/index.html"):
        dest_uri = dest_uri[: -len("index.html")]
    return "/" + dest_uri


def fragments(bundle: Path) -> dict[str, str]:
    """Page URL → the id of its fragment (its file name: the id a search result carries)."""
    found: dict[str, str] = {}
    folder = bundle / "fragment"
    if not folder.is_dir():
        return found
    for entry in os.scandir(folder):
        if not entry.name.endswith(".pf_fragment"):
            continue
        with open(entry.path, "rb") as handle:
            data = gzip.decompress(handle.read())
        if data.startswith(FRAGMENT_SIGNATURE):
            record = json.loads(data[len(FRAGMENT_SIGNATURE) :])
            found[str(record.get("url"))] = entry.name[: -len(".pf_fragment")]
    return found


@dataclass
class SearchBase:
    """The last full index: the build it was made in, and each page's content key and fragment."""

    fingerprint: str
    pages: dict[str, tuple[str, str | None]]
    """Page (dest_uri) → (content key, fragment id; None when Pagefind kept nothing of it)."""

    @classmethod
    def load(cls, path: Path) -> SearchBase | None:
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != RECORD_FORMAT:
                return None
            pages = {
                str(p): (str(k), None if f is None else str(f))
                for p, (k, f) in data["pages"].items()
            }
            return cls(str(data["fingerprint"]), pages)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, path: Path) -> None:
        data = {"format": RECORD_FORMAT, "fingerprint": self.fingerprint, "pages": self.pages}
        atomic_write(path, json.dumps(data, separators=(",", ":"), sort_keys=True))


def index_site(
    site_dir: Path, pages: dict[str, str], cache: Path, fingerprint: str, incremental: bool
) -> IndexRun:
    """Index the pages `pages` (dest_uri → a key of its content) of the site in `site_dir`.

    `incremental`: the site is the last one's with some pages made again (same fingerprint):
    the base index is kept and only the pages new or changed since it are indexed; otherwise,
    or when they are too many, the whole site is indexed and becomes the base."""
    folder = cache / BASE_DIR
    record_path = folder / "record.json"
    bundle = site_dir / BUNDLE
    base = SearchBase.load(record_path) if incremental else None
    if base is not None and base.fingerprint == fingerprint and (folder / "bundle").is_dir():
        recent = [p for p, key in pages.items() if base.pages.get(p, ("",))[0] != key]
        gone = [p for p, (key, _) in base.pages.items() if pages.get(p) != key]
        if len(set(recent) | set(gone)) <= RECENT_SHARE * len(base.pages):
            _link_tree(folder / "bundle", bundle, keep={RECENT, OVERLAY})
            shutil.rmtree(bundle / RECENT, ignore_errors=True)
            run = _run_pagefind(
                site_dir, recent, cache / "search-pages", bundle / RECENT, marked=True
            )
            hidden = {f for p in gone if (f := base.pages[p][1]) is not None}
            fresh = set(fragments(bundle / RECENT).values()) if run.pages else set()
            _write_overlay(bundle, f"{RECENT}/" if run.pages else None, sorted(hidden - fresh))
            run.base = len(base.pages)
            return run
    record_path.unlink(missing_ok=True)  # a base half made is never trusted
    made = folder / "bundle.new"
    shutil.rmtree(made, ignore_errors=True)
    run = _run_pagefind(site_dir, pages, cache / "search-pages", made)
    shutil.rmtree(folder / "bundle", ignore_errors=True)
    shutil.rmtree(bundle, ignore_errors=True)
    if run.pages == 0:
        shutil.rmtree(made, ignore_errors=True)
        return run
    os.rename(made, folder / "bundle")
    ids = fragments(folder / "bundle")
    _link_tree(folder / "bundle", bundle)
    _write_overlay(bundle, None, [])
    SearchBase(fingerprint, {p: (k, ids.get(page_url(p))) for p, k in pages.items()}).save(
        record_path
    )
    return run


def _link_tree(source: Path, target: Path, keep: Iterable[str] = ()) -> None:
    """Make `target` hold the files of `source`, each a hard link to (or copy of) it: a file
    already linked to its source is left alone, other files are removed first (they may be
    links to an older base that a published site still shows); what `source` lacks goes,
    except the entries of `target` named in `keep`."""
    source_root, target_root = os.fspath(source), os.fspath(target)
    wanted: set[str] = set()
    made: set[str] = set()
    for folder, _, names in os.walk(source_root):
        rel = os.path.relpath(folder, source_root)
        for name in names:
            path = name if rel == "." else os.path.join(rel, name)
            wanted.add(path)
            old, new = os.path.join(source_root, path), os.path.join(target_root, path)
            try:
                if os.path.samefile(old, new):
                    continue
                remove_file(new)
            except FileNotFoundError:
                pass
            link_or_copy(old, new, made)
    kept = set(keep)
    for folder, dirs, names in os.walk(target_root):
        rel = os.path.relpath(folder, target_root)
        if rel == ".":
            dirs[:] = [d for d in dirs if d not in kept]
        for name in names:
            path = name if rel == "." else os.path.join(rel, name)
            if path not in wanted and path not in kept:
                os.unlink(os.path.join(folder, name))
