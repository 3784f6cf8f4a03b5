"""Small web pages and feeds written for the tests, and a local HTTP server to serve them."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPHS = [
    "The harbour council voted on Tuesday to open a ferry line between the old port and the "
    "northern islands, ending a debate that had lasted three years.",
    '"This connects families who have been cut off every winter," said council chair Maria '
    "Olsen after the vote, which passed by nine votes to four.",
    "The line will cost 12 million euros and should carry its first passengers in May 2025, "
    "according to the council's transport office.",
    "Opponents argued that the money would be better spent on repairing the existing quay, "
    "which was damaged by storms last autumn.",
]


def news_page(
    title: str = "Harbour council approves new ferry line",
    paragraphs: list[str] | None = None,
    date: str | None = "2024-03-14T09:30:00Z",
    author: str | None = "Dana Whitfield",
    site: str | None = "The Coastal Ledger",
    canonical: str | None = "https://ledger.example/news/ferry-line",
) -> str:
    """A news page with navigation and a footer around the article, and its metadata in meta tags."""
    meta = [f'<meta property="og:title" content="{html.escape(title)}">']
    if site:
        meta.append(f'<meta property="og:site_name" content="{html.escape(site)}">')
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in (paragraphs or PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site or "News")}</title>
{chr(10).join(meta)}
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>{html.escape(title)}</h1>
{body}
</article>
<footer>Copyright The Coastal Ledger. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def rss(items: list[tuple[str, str]], base: str) -> str:
    """An RSS 2.0 feed of (guid, path) items, links relative to nothing (absolute on `base`)."""
    entries = "\n".join(
        f"<item><title>Story {guid}</title><link>{base}{path}</link><guid>{guid}</guid></item>"
        for guid, path in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ledger</title><link>{base}/</link>
<description>News</description>
{entries}
</channel></rss>
"""


def atom(items: list[tuple[str, str]], base: str) -> str:
    """An Atom feed of (id, path) items with links relative to the feed's address."""
    entries = "\n".join(
        f'<entry><title>Story {ident}</title><id>urn:story:{ident}</id><link href="{path.lstrip("/")}"/>'
        f"<updated>2024-03-14T09:30:00Z</updated></entry>"
        for ident, path in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><id>urn:ledger</id>
<updated>2024-03-14T09:30:00Z</updated>
{entries}
</feed>
"""


class Site:
    """What the local server answers: path → (status, content type, body)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[str] = []
        self.base = ""

    def page(self, path: str, content: str, content_type: str = "text/html; charset=utf-8") -> str:
        """Serve `content` at `path`; the page's full URL."""
        self.routes[path] = (200, content_type, content.encode("utf-8"))
        return self.base + path

    def redirect(self, path: str, target: str) -> str:
        self.routes[path] = (302, target, b"")
        return self.base + path


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve `site` on 127.0.0.1 (a free port) in a thread, for the duration of the block."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            site.requests.append(self.path)
            status, content_type, body = site.routes.get(self.path, (404, "text/plain", b"gone"))
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", content_type)
            else:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
