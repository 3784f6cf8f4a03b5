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
"""

from __future__ import annotations

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

from generator.fsutil import link_or_copy

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


@dataclass
class IndexRun:
    """What one Pagefind run did."""

    pages: int
    wall: float
    cpu: float
    """CPU seconds of the Pagefind process (user and system)."""


def pagefind_command() -> list[str]:
    """The Pagefind binary that the `pagefind[bin]` dependency installed (through Python, which
    finds it in its package)."""
    return [sys.executable, "-m", "pagefind"]


def build_index(site_dir: Path, pages: Iterable[str], scratch: Path) -> IndexRun:
    """Index the HTML files `pages` (paths relative to `site_dir`) into `site_dir/pagefind`.

    The pages are hard-linked (copied where a link cannot be made) into `scratch`, which is
    emptied first and left behind for the next build; the old bundle is replaced whole, so no
    chunk of an earlier index lingers."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    count = 0
    made: set[str] = set()
    for page in pages:
        try:
            link_or_copy(os.path.join(site_dir, page), os.path.join(scratch, page), made)
        except FileNotFoundError:
            continue  # not written (an empty page)
        count += 1
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
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
