"""The generated pages of each article, kept on disk so an unchanged article is not rendered again.

An article's pages (overview, actors, figures, timeline, caveats, source, report.json) depend
only on its report, the templates and the tool's code, so they are keyed by the report's cache
key and a hash of those. The store keeps each page as a file under `<cache>/pages/<path>`
(rewritten only when its content changes) and, per key, each page's content hash and whether
other pages need to read it (its front matter has keys such as `tags`). MkDocs reads a stored
page from its file only when it has to render it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import NamedTuple

from generator.fsutil import atomic_write, remove_file
from generator.mkdocs_plugin.incremental import digest

STORE_DIR = "pages"
INDEX_NAME = "pages.json"
STORE_FORMAT = 2
OWN_KEYS = frozenset({"title", "search", "hide"})
"""Front matter keys that only shape the page itself (and its search entries)."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_KEY = re.compile(r"^([^\s#:][^:\n]*):", re.MULTILINE)


def read_by_others(content: str | bytes) -> bool:
    """Whether plugins collect something from the page's front matter (tags, for instance)."""
    if isinstance(content, bytes):
        return False
    match = _FRONT_MATTER.match(content)
    if match is None:
        return False
    return any(key.strip() not in OWN_KEYS for key in _KEY.findall(match.group(1)))


def render_key(template_dirs: list[Path]) -> str:
    """A hash of what turns a report into pages besides the report: templates and the tool's code."""
    hasher = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for folder in [package, *template_dirs]:
        hasher.update(str(folder).encode("utf-8") + b"\0")
        if not folder.is_dir():
            continue
        pattern = "*.py" if folder == package else "*"
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            hasher.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return hasher.hexdigest()


class StoredPage(NamedTuple):
    """One page of an article in the store (kept in its index as a JSON list in this order)."""

    path: str
    """The page's path in the site ('articles/<id>/index.md')."""
    digest: str
    """Hash of its content."""
    read_by_others: bool
    """Plugins collect something from its front matter (see `read_by_others`)."""


class PageStore:
    """Stored article pages under `root/pages/`, and their index in `root/pages.json`."""

    def __init__(self, root: Path) -> None:
        self.dir = root / STORE_DIR
        self.index_path = root / INDEX_NAME
        self.articles: dict[str, list[StoredPage]] = {}
        """Article key → its pages, in page order (the order MkDocs lists them in: the sitemap
        and the search index follow it)."""
        self.digests: dict[str, str] = {}
        """Page path → content hash of its stored file."""
        try:
            data = json.loads(self.index_path.read_text("utf-8"))
            if data.get("format") == STORE_FORMAT:
                self.articles = {
                    str(key): [StoredPage(str(p), str(d), bool(r)) for p, d, r in pages]
                    for key, pages in data["articles"].items()
                }
                self.digests = data["files"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        self._used: set[str] = set()
        self._paths: set[str] = set()

    def path(self, page: str) -> Path:
        """The stored file of a page."""
        if page.startswith("/") or ".." in page.split("/"):
            raise ValueError(f"{page}: a page path must stay inside {self.dir}")
        return self.dir / page

    def get(self, key: str) -> list[StoredPage] | None:
        """The pages of an article key, in page order, if all of them are stored as they were
        made."""
        pages = self.articles.get(key)
        if pages is None or any(self.digests.get(page.path) != page.digest for page in pages):
            return None
        self._used.add(key)
        self._paths.update(page.path for page in pages)
        return pages

    def put(self, key: str, pages: dict[str, str]) -> None:
        """Store an article's pages (each file rewritten only when its content changed)."""
        entry = []
        for page, content in pages.items():
            content_digest = digest(content)
            if self.digests.get(page) != content_digest or not self.path(page).is_file():
                self._write(page, content)
                self.digests[page] = content_digest
            entry.append(StoredPage(page, content_digest, read_by_others(content)))
        self.articles[key] = entry
        self._used.add(key)
        self._paths.update(pages)

    def _write(self, page: str, content: str) -> None:
        # A rename, so a file is whole or absent. No fsync: this is a cache, and its index,
        # saved after the files, only names content the files were given.
        path = self.path(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def save(self) -> None:
        """Keep only the articles of this build; delete the stored files no article uses."""
        for page in set(self.digests) - self._paths:
            remove_file(self.path(page), up_to=self.dir)
            del self.digests[page]
        self.articles = {k: v for k, v in self.articles.items() if k in self._used}
        data = {"format": STORE_FORMAT, "articles": self.articles, "files": self.digests}
        atomic_write(self.index_path, json.dumps(data, separators=(",", ":"), sort_keys=True))
