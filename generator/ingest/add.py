"""`dossier add`: fetch web pages (or a feed's new entries) into seeds/ as Markdown articles.

A page is saved as Markdown with front matter (title, date, source, url, author) and its
extracted main text as the body, written so that the Markdown reader gives back exactly that
text. Duplicates (the same URL, or the same text under another URL) are refused.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from generator.fsutil import atomic_write
from generator.ingest.fetch import Fetched, FetchError, fetch
from generator.ingest.files import IngestError, discover, parse_article, read_bytes
from generator.ingest.webpage import WebPage, extract_page
from generator.slugs import slug

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"
MAX_NAME = 60
INDEX_FILE = "seeds-index.json"
FEEDS_DIR = "feeds"


class AddError(ValueError):
    """A page that is not added; the message starts with its URL."""


@dataclass(frozen=True)
class Added:
    """The outcome of adding one URL."""

    url: str
    """The address asked for."""
    path: Path | None
    """The article file written, or None when nothing was written."""
    duplicate_of: Path | None = None
    """The article already in seeds/ that this one duplicates."""
    message: str = ""
    """One line for the user."""


def normalize_url(url: str) -> str:
    """A URL in the form used to spot duplicates: no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # not a number: compare the address as written
        return url.strip()
    scheme = parts.scheme.lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.startswith("utm_")
        ]
    )
    path = parts.path.rstrip("/") or "/"
    # http and https versions of a page are the same article
    return urlunsplit(("https" if scheme == "http" else scheme, host, path, query, ""))


def text_fingerprint(text: str) -> str:
    """SHA-256 of the text with runs of whitespace made single spaces."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class SeedIndex:
    """The URL and text fingerprint of every article in seeds/, kept in the cache folder.

    An entry is reused while its file keeps the same size and modification time, so adding a
    page to a large archive reads only the files that changed.
    """

    def __init__(self, seeds: Path, cache_root: Path) -> None:
        self.seeds = seeds
        self.path = cache_root / INDEX_FILE
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
            self.entries: dict[str, dict[str, Any]] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.entries = {}
        self.refresh()

    def refresh(self) -> None:
        """Bring the entries up to date with the files in seeds/."""
        fresh: dict[str, dict[str, Any]] = {}
        for path in discover([self.seeds]) if self.seeds.exists() else []:
            rel = path.relative_to(self.seeds).as_posix()
            stat = path.stat()
            entry = self.entries.get(rel)
            if (
                isinstance(entry, dict)
                and entry.get("size") == stat.st_size
                and entry.get("mtime") == stat.st_mtime_ns
            ):
                fresh[rel] = entry
                continue
            try:
                article = parse_article(read_bytes(path), str(path), "index", path.suffix.lower())
            except IngestError:
                continue  # an unreadable file duplicates nothing; the build reports it
            fresh[rel] = {
                "size": stat.st_size,
                "mtime": stat.st_mtime_ns,
                "urls": [normalize_url(article.url)] if article.url else [],
                "text": text_fingerprint(article.text),
            }
        self.entries = fresh

    def find(self, urls: list[str], text: str | None = None) -> tuple[Path, str] | None:
        """The article in seeds/ with one of `urls` or with `text`, and which of the two matched."""
        wanted = {normalize_url(u) for u in urls if u}
        fingerprint = text_fingerprint(text) if text is not None else None
        for rel, entry in sorted(self.entries.items()):
            if wanted & set(entry.get("urls") or ()):
                return self.seeds / rel, "URL"
        for rel, entry in sorted(self.entries.items()):
            if fingerprint is not None and entry.get("text") == fingerprint:
                return self.seeds / rel, "text"
        return None

    def record(self, path: Path, urls: list[str], text: str) -> None:
        """Note an article just written, with every address it was found at."""
        stat = path.stat()
        self.entries[path.relative_to(self.seeds).as_posix()] = {
            "size": stat.st_size,
            "mtime": stat.st_mtime_ns,
            "urls": sorted({normalize_url(u) for u in urls if u}),
            "text": text_fingerprint(text),
        }

    def save(self) -> None:
        """Write the index into the cache folder."""
        atomic_write(self.path, json.dumps(self.entries, indent=0, sort_keys=True) + "\n")


_ALWAYS_ESCAPED = re.compile(r"[\\`*_\[\]()!<>#~]")
_RULE_LINE = re.compile(r"^([ \t]*)([-=+])(?=[-=+ \t]*$)", re.M)
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def escape_markdown(text: str, everything: bool = False) -> str:
    """`text` with backslash escapes wherever Markdown would read markup.

    CommonMark removes the backslash before any ASCII punctuation, and so does the reader, so
    the escapes never reach `article.text`. `everything` escapes all ASCII punctuation.
    """
    if everything:
        return _ASCII_PUNCTUATION.sub(lambda m: "\\" + m.group(), text)
    escaped = _ALWAYS_ESCAPED.sub(lambda m: "\\" + m.group(), text)
    # a line of only - or = under a paragraph would make it a heading
    return _RULE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def front_matter(page: WebPage, url: str) -> str:
    """The YAML front matter of a page saved from `url` (keys with no value left out)."""
    meta = {
        "title": page.title,
        "date": page.date,
        "source": page.source,
        "url": url,
        "author": page.author,
        "authors": page.authors,
        "modified": page.modified,
        "section": page.section,
        # news is the default: written only when the page says otherwise
        "genre": page.genre if page.genre != "news" else None,
        "genre_evidence": page.genre_evidence if page.genre != "news" else None,
        "dek": page.dek,
    }
    kept = {key: value for key, value in meta.items() if value}
    dumped = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n"


def page_markdown(page: WebPage, url: str, name: str = "page.md") -> str:
    """The Markdown article for a page: front matter, then a body that reads back as its text.

    The body is the text itself when that reads back unchanged, else the text with the fewest
    escapes that does; every candidate is checked with the real reader.
    """
    head = front_matter(page, url)
    for body in (page.text, escape_markdown(page.text), escape_markdown(page.text, True)):
        content = head + body
        try:
            article = parse_article(content.encode("utf-8"), name, "check", ".md")
        except Exception:  # noqa: BLE001 - the reader failing on a body rules that body out
            continue
        if article.text == page.text and article.url == url and article.title == page.title:
            return content
    raise AddError(f"{url}: the page's text cannot be saved as Markdown without changing it")


def article_path(seeds: Path, page: WebPage, url: str) -> Path:
    """A new file in seeds/ named after the headline (or the URL)."""
    parts = urlsplit(url)
    stem_source = page.title or Path(parts.path).stem or parts.hostname or "article"
    stem = slug(stem_source)[:MAX_NAME].strip("-") or "article"
    path = seeds / f"{stem}.md"
    if path.exists():
        path = seeds / f"{stem}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}.md"
    n = 2
    while path.exists():  # never overwrite an article already there
        path = path.with_name(
            f"{stem}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}-{n}.md"
        )
        n += 1
    return path


def add_url(url: str, seeds: Path, index: SeedIndex) -> Added:
    """Fetch `url`, extract its article and save it into `seeds`, unless it is already there."""
    found = index.find([url])
    if found is not None:
        return _duplicate(url, *found)
    fetched = fetch(url)
    return add_page(fetched, seeds, index)


def add_page(fetched: Fetched, seeds: Path, index: SeedIndex) -> Added:
    """Save a fetched page into `seeds`, unless its URL or its text is already there."""
    url = fetched.url
    if fetched.content_type not in HTML_TYPES:
        raise AddError(f"{url}: the server sent {fetched.content_type}, not an HTML page")
    page = extract_page(fetched.data, url, url=fetched.final_url)
    if page is None:
        raise AddError(f"{url}: no article text found in the page")
    urls = [url, fetched.final_url, page.url or ""]
    found = index.find(urls, page.text)
    if found is not None:
        return _duplicate(url, *found)
    path = article_path(seeds, page, url)
    content = page_markdown(page, url, str(path))
    atomic_write(path, content)
    # the redirect target and the canonical address count as this article's too
    index.record(path, urls, page.text)
    title = f" ({page.title})" if page.title else ""
    return Added(url=url, path=path, message=f"added {path}{title}")


def _duplicate(url: str, path: Path, what: str) -> Added:
    return Added(
        url=url,
        path=None,
        duplicate_of=path,
        message=f"{url}: not added, {path} already has the same {what}",
    )


@dataclass
class FeedRun:
    """The outcome of reading a feed."""

    added: list[Added]
    """Entries saved, or refused as duplicates."""
    errors: list[str]
    """One line per entry that could not be fetched or read (tried again next run)."""
    seen_before: int
    """Entries already handled by an earlier run."""


def feed_state_path(cache_root: Path, feed_url: str) -> Path:
    """Where the entries already handled for `feed_url` are remembered."""
    digest = hashlib.sha256(normalize_url(feed_url).encode("utf-8")).hexdigest()[:16]
    return cache_root / FEEDS_DIR / f"{digest}.json"


def add_feed(feed_url: str, seeds: Path, cache_root: Path, index: SeedIndex) -> FeedRun:
    """Add the articles of an RSS or Atom feed that are new since the last run."""
    import feedparser  # imported here: only feeds need it

    fetched = fetch(feed_url, accept=FEED_ACCEPT)
    # parsed from the bytes already fetched, so feedparser makes no request of its own;
    # the content location lets it resolve relative entry links against the feed's address
    feed = feedparser.parse(fetched.data, response_headers={"content-location": fetched.final_url})
    if not feed.entries and (feed.bozo or not feed.version):
        raise AddError(f"{feed_url}: not an RSS or Atom feed")
    state_path = feed_state_path(cache_root, feed_url)
    seen = _load_seen(state_path)
    run = FeedRun(added=[], errors=[], seen_before=0)
    for entry in feed.entries:
        link = entry.get("link")
        ident = entry.get("id") or link
        if not link or not ident:
            continue
        if ident in seen:
            run.seen_before += 1
            continue
        try:
            run.added.append(add_url(link, seeds, index))
        except (FetchError, AddError) as err:
            run.errors.append(str(err))
            continue
        seen.add(ident)
    atomic_write(
        state_path,
        json.dumps({"feed": feed_url, "seen": sorted(seen)}, indent=1, ensure_ascii=False) + "\n",
    )
    return run


def _load_seen(path: Path) -> set[str]:
    try:
        loaded = json.loads(path.read_text("utf-8"))
        return {str(item) for item in loaded.get("seen", [])}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()
