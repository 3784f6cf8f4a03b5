"""The RSS 2.0 feed of new reports, written from the reports with XML escaping (no git dates)."""

from __future__ import annotations

import datetime as dt
import html
import re
from email.utils import format_datetime
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from generator.model import Report
from generator.site.filters import TITLE_LOOKALIKES
from generator.site.render import article_title
from generator.timevalues import timex_interval

FEED_ITEMS = 30
"""Reports in the feed, newest first."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text for an XML element: escaped, without the characters XML 1.0 forbids."""
    return xml_escape(_NOT_XML.sub("", text))


def _html_text(text: str) -> str:
    """Article text for `<description>`, which feed readers render as HTML: escaped twice."""
    return _xml(html.escape(text, quote=False))


def _plain_title(text: str) -> str:
    """A title that reads the same whether a feed reader takes it as text or as HTML."""
    return _xml(text.translate(TITLE_LOOKALIKES))


def _rfc822(date: str | None) -> str | None:
    interval = timex_interval(date)
    if interval is None:
        return None
    day = interval[0]
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))


def render_feed(
    reports: list[Report],
    site_name: str,
    site_url: str | None,
    description: str | None = None,
    limit: int = FEED_ITEMS,
    directory_urls: bool = True,
) -> str:
    """An RSS 2.0 feed of the newest reports; every text is XML-escaped, nothing is markup."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""

    def url_of(article_id: str) -> str:
        path = f"articles/{quote(article_id)}/"
        return base + (path if directory_urls else path + "index.html")

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0">',
        "<channel>",
        f"<title>{_xml(site_name)}</title>",
        f"<link>{_xml(base or './')}</link>",
        f"<description>{_xml(description or site_name)}</description>",
        "<generator>news-dossier</generator>",
    ]
    newest = next((d for r in reports if (d := _rfc822(r.article.date))), None)
    if newest:
        lines.append(f"<lastBuildDate>{newest}</lastBuildDate>")
    for report in reports[:limit]:
        link = url_of(report.article.id)
        summary = " ".join(s.text for s in report.summary)
        lines.append("<item>")
        # Readers render item text as HTML (RSS 2.0 description is entity-encoded HTML), so
        # article text escaped once would become live markup there.
        lines.append(f"<title>{_plain_title(article_title(report))}</title>")
        lines.append(f"<link>{_xml(link)}</link>")
        lines.append(f'<guid isPermaLink="{"true" if base else "false"}">{_xml(link)}</guid>')
        # a date inferred from the text is not the date the outlet published: no pubDate
        published = report.article.date if report.article.date_source != "inferred" else None
        if pub := _rfc822(published):
            lines.append(f"<pubDate>{pub}</pubDate>")
        if report.article.source:
            lines.append(f"<category>{_plain_title(report.article.source)}</category>")
        lines.append(f"<description>{_html_text(summary)}</description>")
        lines.append("</item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)
