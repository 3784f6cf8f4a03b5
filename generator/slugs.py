"""Slugs: the lowercase ASCII path parts that article ids, actor ids and site pages are named by.

One function for all of them: python-slugify transliterates (ß → ss, Київ → kiiv) where plain
ASCII folding drops letters, and a text with no letters or digits, or whose slug is reserved,
gets a short hash of the text instead, so two different texts never share a fallback name.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from slugify import slugify as _transliterated

MAX_SLUG = 80
"""Longest slug made unless the caller asks for less."""
RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
    + ["index", "assets", "search", "tags", "feed"]
)
"""Slugs never returned as they are (article and actor ids): Windows device names, and the
names of the site's own top-level pages and folders."""
_NOT_SLUG = re.compile(r"[^a-z0-9-]+")


def slug(
    text: str,
    max_length: int = MAX_SLUG,
    reserved: Iterable[str] = RESERVED,
    fallback: str | None = None,
) -> str:
    """A lowercase ASCII slug (letters, digits, single hyphens) that is safe as a path part.

    When the text has no letters or digits, or its slug is one of `reserved`, the result is a
    prefix and the first 8 hex digits of the text's SHA-256: the prefix is `fallback` when given,
    else the slug itself ('con-1a2b3c4d'), or 'article' for a slug that is empty.
    """
    return _slug(text or "", max_length, frozenset(reserved), fallback)


@functools.lru_cache(maxsize=1 << 16)
def _slug(text: str, max_length: int, reserved: frozenset[str], fallback: str | None) -> str:
    # Cached: a site asks for the same few thousand names over and over.
    value = _transliterated(
        unicodedata.normalize("NFC", text), max_length=max_length, word_boundary=False
    )
    value = _NOT_SLUG.sub("-", value).strip("-")
    if value and value not in reserved:
        return value
    return f"{fallback or value or 'article'}-{short_hash(text)}"


def short_hash(text: str, digits: int = 8) -> str:
    """The first `digits` hex digits of the SHA-256 of `text` (lone surrogates included)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:digits]
