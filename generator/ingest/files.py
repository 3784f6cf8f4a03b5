"""Read article files into `Article` objects: front matter, encoding, Markdown, HTML, ids.

Article files are untrusted. Every problem is raised as `IngestError` whose message starts
with the file name, so that a batch can report it and go on with the other files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import yaml
from markdown_it import MarkdownIt

from generator.ingest.genre import GENRES, from_text
from generator.ingest.webpage import HTML_SUFFIXES, NotAnArticle, read_page
from generator.model import Article, DateSource, Genre
from generator.slugs import MAX_SLUG, slug

SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
MAX_BYTES = 500_000
"""Largest article accepted: about 80,000 words, several times the longest news features.

Parsing and extracting grow with length (a 1 MB single line took minutes and over 3 GB), so a
larger file is refused with a clear error rather than allowed to exhaust a build machine."""
MAX_HTML_BYTES = 10_000_000
"""Largest web page accepted: pages carry scripts and markup many times the size of their text."""
METADATA_KEYS = (
    "title",
    "date",
    "source",
    "url",
    "author",
    "authors",
    "modified",
    "section",
    "genre",
    "genre_evidence",
    "genre_confidence",
    "dek",
)
"""Front-matter keys read into the article; `authors` is a list of names, the others text."""


class IngestError(ValueError):
    """An article file that cannot be read; the message names the file."""


def article_id(path: Path) -> str:
    """The id of the article stored at `path`: the slug of the file's stem."""
    return slug(path.stem)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Article files named by `paths` (files, or folders searched recursively), sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for child in path.rglob("*"):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and not _hidden(child, path)
                ):
                    found.add(child)
        else:
            found.add(path)
    return sorted(found)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def unique_ids(paths: list[Path], root: Path | None = None) -> dict[Path, str]:
    """An id per path, all distinct; slugs that collide get a hash of the path under `root`.

    The hash is of the path relative to `root` (default: the folder the paths share), so ids
    do not depend on where the project is checked out nor on the order of `paths`.
    """
    if root is None:
        root = Path(os.path.commonpath([p.parent for p in paths])) if paths else Path()
    relative = {path: _relative_name(path, root) for path in paths}
    ids = {path: article_id(path) for path in paths}
    digits = 8
    # A hashed id can still equal another file's own slug (a file named like it): hash the
    # members of every remaining collision again, with more digits, until all ids differ.
    while True:
        groups: dict[str, list[Path]] = {}
        for path, ident in ids.items():
            groups.setdefault(ident, []).append(path)
        clashes = [group for group in groups.values() if len(group) > 1]
        if not clashes:
            return ids
        for group in clashes:
            for path in group:
                digest = hashlib.sha256(relative[path].encode("utf-8", "surrogatepass"))
                base = article_id(path)[: MAX_SLUG - digits - 1].rstrip("-")
                ids[path] = f"{base}-{digest.hexdigest()[:digits]}"
        digits += 8


def _relative_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def decode(data: bytes, name: str) -> str:
    """Text of an article file: UTF-8 (with or without BOM), or UTF-16/UTF-32 with a BOM.

    Other encodings (Latin-1, Windows-1252, ...) are refused rather than guessed: a wrong
    guess would silently change the text that every report offset points into.
    """
    if not data.strip():
        raise IngestError(f"{name}: file is empty")
    for boms, codec in (
        ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
        ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
    ):
        if data.startswith(boms):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise IngestError(
                    f"{name}: not valid {codec.upper()} ({err.reason} at byte {err.start})"
                ) from None
            if "\x00" in text:
                raise IngestError(
                    f"{name}: binary file (contains NUL characters), not a text article"
                )
            return text
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise IngestError(
                f"{name}: looks like UTF-16 without a byte-order mark; save the article as UTF-8"
            )
        raise IngestError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise IngestError(
            f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
            f"{_legacy_hint(data)}; save the article as UTF-8"
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly ASCII text stored as UTF-16: a NUL in every other byte."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > 0.4 * (len(sample) / 2) and min(even, odd) == 0


def _legacy_hint(data: bytes) -> str:
    """Which single-byte encoding the bytes probably are, to say so in the error."""
    if sum(b >= 0x80 for b in data) > len(data) / 5:
        return ""  # mostly non-ASCII: not Western text in a legacy encoding
    if any(0x80 <= b <= 0x9F for b in data):
        return " (it looks like Windows-1252)"
    return " (it looks like Latin-1)"


class _MetadataLoader(yaml.SafeLoader):
    """YAML's safe loader, with dates left as text so that a bad date is our error, not a crash."""


_MetadataLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Front-matter metadata (only the known keys, as strings) and the body after it."""
    if not text.startswith("---"):
        return {}, text
    match = FRONT_MATTER.match(text)
    if not match:
        raise IngestError(f"{name}: front matter starts with '---' but has no closing '---' line")
    try:
        data = yaml.load(match.group(1), Loader=_MetadataLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise IngestError(f"{name}: front matter is nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestError(f"{name}: front matter is not valid YAML{where}") from None
    except (ValueError, OverflowError, TypeError) as err:
        # PyYAML's constructors raise plain errors too, e.g. for an integer of 5,000 digits.
        raise IngestError(
            f"{name}: front matter has a value that cannot be read ({err.__class__.__name__})"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError(f"{name}: front matter must be a mapping of keys to values")
    meta: dict[str, Any] = {}
    for key in METADATA_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if key in ("date", "modified"):
            meta[key] = parse_date(value, name)
            continue
        if key == "authors":
            meta[key] = _names(value, name)
            continue
        if key == "genre_confidence":
            meta[key] = _confidence(value, name)
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise IngestError(
                f"{name}: front matter '{key}' must be text, not {type(value).__name__}"
            )
        cleaned = " ".join(str(value).split())
        meta[key] = cleaned[:500] or None
    if meta.get("genre") is not None and meta["genre"] not in GENRES:
        raise IngestError(
            f"{name}: front matter 'genre' must be one of {', '.join(GENRES)}, not {meta['genre'][:40]!r}"
        )
    return meta, text[match.end() :]


def _confidence(value: object, name: str) -> float:
    """Front-matter `genre_confidence`: a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise IngestError(f"{name}: front matter 'genre_confidence' must be a number from 0 to 1")
    return float(value)


def _names(value: object, name: str) -> list[str]:
    """Front-matter `authors`: a list of names (one name alone is accepted as text)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or len(items) > 100:
        raise IngestError(f"{name}: front matter 'authors' must be a list of names")
    names: list[str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise IngestError(f"{name}: front matter 'authors' must be a list of names")
        cleaned = " ".join(str(item).split())[:200]
        if cleaned and cleaned not in names:
            names.append(cleaned)
    return names


def parse_date(value: object, name: str) -> str:
    """A `YYYY-MM-DD` string from a front-matter or command-line date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        # Never str() a list or mapping: a YAML alias bomb expands to gigabytes as text.
        raise IngestError(f"{name}: front matter 'date' must be a date, not {type(value).__name__}")
    text = value.strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z ]*)?", text)
    if not match:
        raise IngestError(f"{name}: date {text[:40]!r} is not a YYYY-MM-DD date")
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        raise IngestError(f"{name}: date {text[:40]!r} is not a real calendar date") from None


_MD = MarkdownIt("commonmark")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
# Link and image texts stop at the next '[': with '[^\]\n]' a line of 100,000 '[' took 44 s
# (every '[' scanned to the end of the line), and 2 MB would take hours.
_INLINE = [
    (re.compile(r"!\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"), r"\1"),
    (re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_\\])__(?=\S)([^_\n]+?)(?<=\S)__(?![\w_])"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"(?<![`\\])`([^`\n]+)`(?!`)"), r"\1"),
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),
]


def markdown_to_text(body: str) -> tuple[str | None, str]:
    """A leading heading (as title) and the plain text of a Markdown body.

    Plain prose passes through character for character: only unambiguous Markdown markup
    (headings, emphasis, links, images, single-backtick code, block quote markers, fences,
    comments) is removed, because every report offset points into this text. Windows line
    endings become plain line breaks.
    """
    body = body.replace("\r\n", "\n")
    lines = body.split("\n")
    keep = [True] * len(lines)
    heading: dict[int, str] = {}
    # markdown-it also breaks lines at a lone "\r"; hide it so its line numbers match split("\n").
    for token in _MD.parse(body.replace("\r", " ")):
        if token.map is None or token.level != 0 and token.type != "blockquote_open":
            continue
        first, last = token.map
        if token.type == "heading_open":
            if token.markup.startswith("#"):
                match = _ATX.match(lines[first])
                heading[first] = match.group(1) if match else lines[first]
            else:  # setext: the underline goes, the text stays
                keep[last - 1] = False
        elif token.type == "fence":
            keep[first] = False
            if last - 1 > first and lines[last - 1].strip().startswith(token.markup[:3]):
                keep[last - 1] = False
        elif token.type == "blockquote_open":
            for i in range(first, last):
                lines[i] = re.sub(r"^ {0,3}> ?", "", lines[i])
    title = None
    out: list[str] = []
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        if i in heading:
            if title is None and not any(s.strip() for s in out):
                title = _inline_to_text(heading[i]).strip() or None
                continue
            line = heading[i]
        out.append(line)
    text = _inline_to_text("\n".join(out))
    return title, text.strip("\n") if title else text


def _inline_to_text(text: str) -> str:
    text = _strip_comments(text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def _strip_comments(text: str) -> str:
    """Text without `<!-- ... -->` comments (an unclosed one stays).

    The regex `<!--.*?-->` rescans to the end of the text from every unclosed `<!--`: quadratic.
    """
    kept: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        kept.append(text[pos:start])
        pos = end + 3
    kept.append(text[pos:])
    return "".join(kept)


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """The bytes of an article file, refusing files over the size limit.

    With `root` (the articles folder), a link to a file outside it is refused: articles that
    come from others must not publish the machine's own files (`seeds/x.txt -> ~/.ssh/id_rsa`).
    """
    name = str(path)
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise IngestError(f"{name}: links to a file outside {root}; copy the article in instead")
    limit = MAX_HTML_BYTES if path.suffix.lower() in HTML_SUFFIXES else MAX_BYTES
    too_big = f"larger than the {limit:,}-byte limit for one article"
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(f"{name}: file is {size:,} bytes, {too_big}")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat()
        if len(data) > limit:
            raise IngestError(f"{name}: file is {too_big}")
        return data
    except OSError as err:
        raise IngestError(f"{name}: cannot read ({err.strerror})") from None


def read_article(path: Path, ident: str | None = None, date: str | None = None) -> Article:
    """Read one article file; `date` (from the command line) overrides the metadata date."""
    data = read_bytes(path)
    return parse_article(
        data, str(path), ident or article_id(path), suffix=path.suffix.lower(), date=date
    )


def parse_article(
    data: bytes, name: str, ident: str, suffix: str = ".md", date: str | None = None
) -> Article:
    """An `Article` from the bytes of a `.txt`, `.md` or `.html` file called `name`."""
    if suffix in HTML_SUFFIXES:
        return _html_article(data, name, ident, date)
    text = decode(data, name)
    meta: dict[str, Any] = {}
    title = None
    if suffix in (".md", ".markdown"):
        meta, body = split_front_matter(text, name)
        title, text = markdown_to_text(body)
    if not text.strip():
        raise IngestError(f"{name}: article has no text")
    if not any(ch.isalnum() for ch in text):
        raise IngestError(f"{name}: article has no words (only punctuation, symbols or emoji)")
    date_value: str | None
    date_source: DateSource
    if date is not None:
        date_value, date_source = parse_date(date, name), "cli"
    elif meta.get("date"):
        date_value, date_source = meta["date"], "metadata"
    else:
        date_value, date_source = None, "none"
    if meta.get("genre"):
        kind = (meta["genre"], meta.get("genre_evidence"), meta.get("genre_confidence", 1.0))
    else:  # nothing declares it: what the text's own words show
        found = from_text(text)
        kind = (found.genre, found.evidence, found.confidence)
    return Article(
        id=ident,
        title=meta.get("title") or title,
        date=date_value,
        date_source=date_source,
        source=meta.get("source"),
        url=meta.get("url"),
        author=meta.get("author"),
        language="en",
        text=text,
        authors=list(meta.get("authors") or []),
        modified=meta.get("modified"),
        section=meta.get("section"),
        genre=known_genre(kind[0]),
        genre_evidence=kind[1],
        genre_confidence=kind[2],
        dek=meta.get("dek"),
    )


def _html_article(data: bytes, name: str, ident: str, date: str | None) -> Article:
    """An `Article` from a web page: its main text, and the metadata its markup gives."""
    if not data.strip():
        raise IngestError(f"{name}: file is empty")
    # trafilatura decodes the page itself, honouring its declared charset
    try:
        page = read_page(data)
    except NotAnArticle as reason:
        raise IngestError(f"{name}: {reason}") from None
    if not any(ch.isalnum() for ch in page.text):
        raise IngestError(f"{name}: article has no words (only punctuation, symbols or emoji)")
    if len(page.text) > MAX_BYTES:
        raise IngestError(
            f"{name}: the page's text is {len(page.text):,} characters, larger than the {MAX_BYTES:,} limit for one article"
        )
    date_value: str | None
    date_source: DateSource
    if date is not None:
        date_value, date_source = parse_date(date, name), "cli"
    elif page.date:
        date_value, date_source = page.date, "metadata"
    else:
        date_value, date_source = None, "none"
    return Article(
        id=ident,
        title=page.title,
        date=date_value,
        date_source=date_source,
        source=page.source,
        url=page.url,
        author=page.author,
        language="en",
        text=page.text,
        authors=list(page.authors),
        modified=page.modified,
        section=page.section,
        genre=known_genre(page.genre),
        genre_evidence=page.genre_evidence,
        genre_confidence=page.genre_confidence,
        fact_check=page.fact_check,
        dek=page.dek,
        captions=list(page.captions),
        credits=list(page.credits),
    )


def known_genre(value: str) -> Genre:
    """A genre of the contract's vocabulary (anything else reads as news)."""
    return cast(Genre, value) if value in GENRES else "news"


def read_all(
    paths: list[Path], date: str | None = None
) -> Iterator[tuple[Path, Article | IngestError]]:
    """Each path with its article, or with the error that stopped it being read."""
    ids = unique_ids(paths)
    for path in paths:
        try:
            yield path, read_article(path, ids[path], date)
        except IngestError as err:
            yield path, err
