"""The Jinja filters every article-derived string passes through on its way into a page.

Article-derived strings are untrusted. They reach Markdown only through the `md` filter
(HTML-escaped, then Markdown syntax neutralised) and URLs only through the `url` filter
(http and https only); titles in front matter through `yaml_title`.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

_MD_SPECIAL = "\\`*_{}[]()#+-.!|~=^:<>&\"'$%@?"
# HTML's own entities for the characters HTML gives meaning to, numeric ones for the rest.
_MD_ESCAPES = {
    ord(ch): html.escape(ch, quote=True) if ch in "<>&\"'" else f"&#{ord(ch)};"
    for ch in _MD_SPECIAL
}


def escape_md(value: Any) -> str:
    """Text that shows literally in Markdown and HTML: no markup, no tags, one line."""
    if value is None:
        return ""
    text = re.sub(r"\s+", " ", str(value)).translate(_MD_ESCAPES)
    # A leading '/' could open a pymdownx block ('/// details'); elsewhere it is plain text.
    lead = len(text) - len(text.lstrip())
    if text[lead : lead + 1] == "/":
        text = text[:lead] + "&#47;" + text[lead + 1 :]
    return text


_YAML_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
TITLE_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", "\\": "\uff3c"})


def yaml_title(value: Any) -> str:
    """A page title for YAML front matter: one line, quoted, without `<`, `>`, `&` or backslashes.

    MkDocs themes pass the title through `striptags`, which also decodes entities, into
    `<title>` and the search index; look-alike characters keep it plain text there.
    """
    # YAML refuses these characters even inside quotes; MkDocs would then drop the whole front
    # matter and render it as Markdown, title and all.
    text = _YAML_UNPRINTABLE.sub("", str(value or ""))
    text = re.sub(r"\s+", " ", text).strip().translate(TITLE_LOOKALIKES)
    return json.dumps(text[:200], ensure_ascii=False)


_URL_MARKDOWN = frozenset("\\`*_{}[]()+!|~^$")


def safe_url(value: Any) -> str | None:
    """The URL, HTML-escaped, if it is an absolute http(s) URL; else None."""
    if not value:
        return None
    text = str(value).strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Python-Markdown runs link, code and escape patterns (and extensions' `$`, `++`, `[=`)
    # before it stashes an inline HTML tag, so `[a](onmouseover=...)` inside href="" would
    # become a nested <a> whose quotes break the attribute. As entities these characters
    # mean the same URL to the browser and nothing to Markdown.
    escaped = html.escape(text, quote=True)
    return "".join(f"&#{ord(ch)};" if ch in _URL_MARKDOWN else ch for ch in escaped)


def format_number(value: Any) -> str:
    """A readable number: 1000000000 → '1,000,000,000'; 3.5 → '3.5'."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
    return f"{int(value):,}"


def article_date(article: Any, missing: str = "date unknown") -> str:
    """An article's publication date for a page, escaped; an inferred date says so.

    A date the analysis inferred from the text (`date_source == "inferred"`) is not the date
    the outlet published: it is never shown bare.
    """
    date = getattr(article, "date", None)
    if not date:
        return escape_md(missing)
    if getattr(article, "date_source", None) == "inferred":
        return escape_md(f"{date} (inferred)")
    return escape_md(date)
