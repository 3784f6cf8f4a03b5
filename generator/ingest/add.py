"""`dossier add`: fetch web pages (or a feed's new entries) into seeds/ as Markdown articles.

A page is saved as Markdown with front matter (title, date, source, url, author) and its
extracted main text as the body, written so that the Markdown reader gives back exactly that
text. Duplicates (the same URL, or the same text under another URL) are refused.

Concurrent adds lose nothing and double nothing: the duplicate check and the write happen under
an OS file lock in the cache folder (`add.lock`, released when its process ends, even killed),
and an article is linked into place under a name that must not exist yet, so no add ever
overwrites a file. A feed's state is saved after each entry, so one bad entry never stops it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import tld
import yaml
from filelock import FileLock, Timeout

from generator.fsutil import atomic_write
from generator.ingest.fetch import Fetched, Fetcher, FetchError, check_url
from generator.ingest.files import MAX_BYTES, IngestError, discover, parse_article, read_bytes
from generator.ingest.webpage import NotAnArticle, WebPage, read_page
from generator.slugs import slug

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"
MAX_NAME = 60
INDEX_FILE = "seeds-index.json"
FEEDS_DIR = "feeds"
LOCK_FILE = "add.lock"
LOCK_WAIT = 120.0
"""Seconds an add waits for another one to finish saving."""
MAX_ATTEMPTS = 3
"""Runs in which a feed entry that failed for a passing reason is tried before it is given up."""
SECRET_PARAMETERS = frozenset(
    {
        "token", "access_token", "id_token", "refresh_token", "auth", "authorization",
        "key", "api_key", "apikey", "sig", "signature", "x-amz-signature",
        "x-amz-credential", "x-amz-security-token", "session", "sessionid", "sid",
        "password", "passwd", "pwd", "secret", "client_secret", "jwt", "ticket",
    }
)  # fmt: skip
"""Query parameters that carry credentials (OAuth 2.0 tokens, signed-URL signatures, session
ids): left out of the URL written into an article, which the site publishes."""
_TEMP_FILE = re.compile(r"^\..+\.md\.[a-z0-9_]{8}\.tmp$")


class AddError(ValueError):
    """A page that is not added; the message starts with its URL."""

    def __init__(self, message: str, permanent: bool = True) -> None:
        super().__init__(message)
        self.permanent = permanent
        """True when adding it again cannot help (not an article, too large)."""


class SaveError(AddError):
    """An article that could not be written (a read-only folder, a full disk)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=False)


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
    warnings: list[str] = field(default_factory=list)
    """Lines about what went wrong around an article that was still added."""


def normalize_url(url: str) -> str:
    """A URL in the form used to spot duplicates: no fragment, no tracking parameters."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # malformed (a broken IPv6 literal): compare the address as written
        return url.strip()
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


def public_url(url: str) -> str:
    """`url` as written into an article: no user name or password, no credential parameters."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in SECRET_PARAMETERS]
    query = urlencode(kept) if len(kept) < len(pairs) else parts.query
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def site_of(url: str) -> str:
    """The site `url` belongs to: its registrable domain by the Public Suffix List
    (`news.example.co.uk` → `example.co.uk`), else its host (an IP address, a local name)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    try:
        domain = tld.get_fld(f"http://{host}/", fail_silently=True)
    except ValueError:
        domain = None
    return str(domain or host)


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
        self.cache_root = cache_root
        self.path = cache_root / INDEX_FILE
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
            self.entries: dict[str, dict[str, Any]] = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            self.entries = {}
        self._cleaned = False
        self.refresh()

    @contextmanager
    def locked(self, url: str) -> Iterator[None]:
        """Hold the add lock, with the index brought up to date with seeds/ under it."""
        with add_lock(self.cache_root, url):
            if not self._cleaned:
                self._cleaned = True
                remove_leftovers(self.seeds)
            self.refresh()
            yield

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


_thread_locks: dict[Path, threading.Lock] = {}
_thread_guard = threading.Lock()


@contextmanager
def add_lock(cache_root: Path, url: str) -> Iterator[None]:
    """One add at a time saves into seeds/ (threads of one process, and processes)."""
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        path = (cache_root / LOCK_FILE).resolve()
    except OSError as err:
        raise SaveError(
            f"{url}: cannot use the cache folder {cache_root} ({err.strerror or err})"
        ) from None
    with _thread_guard:
        in_process = _thread_locks.setdefault(path, threading.Lock())
    if not in_process.acquire(timeout=LOCK_WAIT):
        raise SaveError(f"{url}: another dossier add kept {path} locked; try again")
    try:
        lock = FileLock(str(path), is_singleton=False)
        try:
            lock.acquire(timeout=LOCK_WAIT)
        except Timeout:
            raise SaveError(f"{url}: another dossier add kept {path} locked; try again") from None
        except OSError as err:
            raise SaveError(f"{url}: cannot lock {path} ({err.strerror or err})") from None
        try:
            yield
        finally:
            lock.release()
    finally:
        in_process.release()


def remove_leftovers(seeds: Path) -> list[Path]:
    """Delete the temporary files an add killed mid-write left in seeds/ (under the add lock)."""
    removed: list[Path] = []
    try:
        names = sorted(os.listdir(seeds))
    except OSError:
        return removed
    for name in names:
        if _TEMP_FILE.match(name):
            try:
                (seeds / name).unlink()
                removed.append(seeds / name)
            except OSError:
                pass
    return removed


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
        "genre_confidence": page.genre_confidence if page.genre != "news" else None,
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


def article_names(seeds: Path, page: WebPage, url: str) -> Iterator[Path]:
    """The names an article may take in seeds/, in order: its headline (or the URL's last part),
    then that with a hash of the URL, then with a counter too."""
    parts = urlsplit(url)
    stem_source = page.title or Path(parts.path).stem or parts.hostname or "article"
    stem = slug(stem_source)[:MAX_NAME].strip("-") or "article"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    yield seeds / f"{stem}.md"
    yield seeds / f"{stem}-{digest}.md"
    n = 2
    while True:
        yield seeds / f"{stem}-{digest}-{n}.md"
        n += 1


def article_path(seeds: Path, page: WebPage, url: str) -> Path:
    """The first of the article's names that is free now (the write checks it again)."""
    return next(path for path in article_names(seeds, page, url) if not path.exists())


def write_new(names: Iterator[Path], content: str) -> Path:
    """Write `content` under the first of `names` that does not exist, never replacing a file.

    The text goes to a temporary file that is then hard-linked to the name: the link fails if the
    name exists, and a reader sees the whole article or none. Where hard links are not supported,
    the name is created exclusively (O_EXCL) and the temporary file renamed over it.
    """
    first = next(names)
    folder = first.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{first.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        for path in itertools.chain([first], names):
            try:
                os.link(tmp, path)
                return path
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
                except FileExistsError:
                    continue
                os.replace(tmp, path)
                return path
        raise AssertionError("unreachable: the names never end")
    finally:
        tmp.unlink(missing_ok=True)


def add_url(url: str, seeds: Path, index: SeedIndex, fetcher: Fetcher | None = None) -> Added:
    """Fetch `url`, extract its article and save it into `seeds`, unless it is already there."""
    check_url(url)
    found = index.find([url])
    if found is not None:
        return _duplicate(url, *found)
    fetched = (fetcher or Fetcher()).fetch(url)
    return add_page(fetched, seeds, index)


def add_page(fetched: Fetched, seeds: Path, index: SeedIndex) -> Added:
    """Save a fetched page into `seeds`, unless its URL or its text is already there."""
    url = fetched.url
    if fetched.content_type not in HTML_TYPES:
        raise AddError(f"{url}: the server sent {fetched.content_type}, not an HTML page")
    try:
        page = read_page(fetched.data, url=fetched.final_url)
    except NotAnArticle as err:  # the reason: a paywall stub, an index page, no text ...
        raise AddError(f"{url}: {err}") from None
    urls = [url, fetched.final_url]
    # a canonical address counts only on the fetched page's own site: any page can claim any
    # address, and one claiming another site's would make that site's real page a "duplicate"
    if page.url and site_of(page.url) == site_of(fetched.final_url):
        urls.append(page.url)
    saved_url = public_url(url)
    if saved_url != url:
        urls.append(saved_url)  # what the file says: the index read from seeds/ finds it so
    content = page_markdown(page, saved_url)
    size = len(content.encode("utf-8"))
    if size > MAX_BYTES:
        raise AddError(
            f"{url}: the article is {size:,} bytes as Markdown, over the {MAX_BYTES:,}-byte "
            "limit for one article in seeds/; not saved"
        )
    with index.locked(url):
        found = index.find(urls, page.text)
        if found is not None:
            return _duplicate(url, *found)
        try:
            path = write_new(article_names(seeds, page, url), content)
        except OSError as err:
            raise SaveError(f"{url}: cannot save into {seeds} ({err.strerror or err})") from None
        # the redirect target and the canonical address count as this article's too
        index.record(path, urls, page.text)
        warnings = []
        try:
            index.save()
        except OSError as err:
            warnings.append(
                f"cannot save the index {index.path} ({err.strerror or err}); "
                "it is made again from seeds/ next time"
            )
    title = f" ({page.title})" if page.title else ""
    return Added(url=url, path=path, message=f"added {path}{title}", warnings=warnings)


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
    """One line per entry that could not be fetched or read in this run."""
    seen_before: int
    """Entries already handled by an earlier run."""
    refused_before: int = 0
    """Entries refused in an earlier run for good (not tried again)."""
    warnings: list[str] = field(default_factory=list)
    """Lines about what went wrong around entries that were still added."""


def feed_state_path(cache_root: Path, feed_url: str) -> Path:
    """Where the entries already handled for `feed_url` are remembered."""
    digest = hashlib.sha256(normalize_url(feed_url).encode("utf-8")).hexdigest()[:16]
    return cache_root / FEEDS_DIR / f"{digest}.json"


def entry_key(ident: str, link: str) -> str:
    """How a feed entry is remembered: its id and its link (feeds repeat ids)."""
    return f"{ident} {link}"


def add_feed(
    feed_url: str,
    seeds: Path,
    cache_root: Path,
    index: SeedIndex,
    fetcher: Fetcher | None = None,
) -> FeedRun:
    """Add the articles of an RSS or Atom feed that are new since the last run.

    Each entry is tried on its own: a failure is one error line and the others go on; the state
    is saved after each entry. An entry refused for good (a refused address, not an article, too
    large) is remembered and not tried again; one that failed for a passing reason (a timeout, a
    server error) is tried again in the next runs, `MAX_ATTEMPTS` in all.
    """
    import feedparser  # imported here: only feeds need it

    fetcher = fetcher or Fetcher()
    fetched = fetcher.fetch(feed_url, accept=FEED_ACCEPT)
    # parsed from the bytes already fetched, so feedparser makes no request of its own;
    # the content location lets it resolve relative entry links against the feed's address
    try:
        feed = feedparser.parse(
            fetched.data, response_headers={"content-location": fetched.final_url}
        )
    except Exception as err:  # noqa: BLE001 - any parser failure is a feed that cannot be read
        raise AddError(f"{feed_url}: the feed cannot be read ({err})") from None
    if not feed.entries and (feed.bozo or not feed.version):
        raise AddError(f"{feed_url}: not an RSS or Atom feed")
    state_path = feed_state_path(cache_root, feed_url)
    state = FeedState.load(state_path, feed_url)
    run = FeedRun(added=[], errors=[], seen_before=0)
    this_run: set[str] = set()
    for entry in feed.entries:
        link = entry.get("link")
        ident = entry.get("id") or link
        if not isinstance(link, str) or not link or not isinstance(ident, str):
            continue
        key = entry_key(ident, link)
        if key in this_run:
            continue  # the same entry twice in one feed
        this_run.add(key)
        if state.done(key, ident):
            if state.entries.get(key, {}).get("status") == "refused":
                run.refused_before += 1
            else:
                run.seen_before += 1
            continue
        try:
            outcome = add_url(link, seeds, index, fetcher)
        except (FetchError, AddError) as err:
            run.errors.append(
                state.failed(key, str(err), err.permanent and not isinstance(err, SaveError))
            )
        except Exception as err:  # noqa: BLE001 - one entry never stops the feed
            message = f"{link}: cannot be added ({type(err).__name__}: {err})"
            run.errors.append(state.failed(key, message, False))
        else:
            run.added.append(outcome)
            run.warnings.extend(outcome.warnings)
            state.entries[key] = {"status": "added" if outcome.path else "duplicate"}
        try:
            state.save()
        except OSError as err:
            run.errors.append(
                f"{feed_url}: cannot save the feed's state {state_path} ({err.strerror or err}); "
                "the rest of the feed is left for the next run"
            )
            break
    return run


@dataclass
class FeedState:
    """What earlier runs did with a feed's entries: `entries[key]` = status, attempts, error."""

    path: Path
    feed_url: str
    entries: dict[str, dict[str, Any]]
    legacy_seen: set[str]
    """Entry ids remembered by older versions (which kept ids only)."""

    @classmethod
    def load(cls, path: Path, feed_url: str) -> FeedState:
        try:
            loaded = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if not isinstance(loaded, dict):
            loaded = {}
        entries = loaded.get("entries")
        seen = loaded.get("seen")
        return cls(
            path=path,
            feed_url=feed_url,
            entries={
                str(k): v
                for k, v in (entries.items() if isinstance(entries, dict) else ())
                if isinstance(v, dict)
            },
            legacy_seen={str(s) for s in seen} if isinstance(seen, list) else set(),
        )

    def done(self, key: str, ident: str) -> bool:
        """Whether an earlier run added the entry, found it a duplicate or gave it up."""
        status = self.entries.get(key, {}).get("status")
        return status in ("added", "duplicate", "refused") or (
            key not in self.entries and ident in self.legacy_seen
        )

    def failed(self, key: str, message: str, permanent: bool) -> str:
        """Record a failure; the error line for the user."""
        attempts = int(self.entries.get(key, {}).get("attempts", 0) or 0) + 1
        if permanent:
            self.entries[key] = {"status": "refused", "attempts": attempts, "error": message}
            return f"{message} (not tried again)"
        if attempts >= MAX_ATTEMPTS:
            self.entries[key] = {"status": "refused", "attempts": attempts, "error": message}
            return f"{message} (failed {attempts} times; given up)"
        self.entries[key] = {"status": "failed", "attempts": attempts, "error": message}
        return f"{message} (tried again next run)"

    def save(self) -> None:
        data = {
            "feed": self.feed_url,
            "entries": dict(sorted(self.entries.items())),
            "seen": sorted(self.legacy_seen),
        }
        atomic_write(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
