"""Every generated page, as Markdown turns it into HTML: lists are lists, tables are tables.

A Markdown list or table must start a block of its own; a line of text just above it (a
breadcrumb whose template tag ate the blank line) turns the whole list into one run-on
paragraph. This renders every page with the site's Markdown extensions and looks for list and
table lines that ended up inside a paragraph. The browser test checks the same as a reader sees
it, on a smaller site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from generator.site.index import SiteIndex
from generator.site.pages import SitePages, render_site
from generator.site.render import make_env
from tests.site.test_bounded_pages import corpus
from tests.site.test_pages import FIRST, SECOND, THIRD, report

EXTENSIONS = ["admonition", "tables", "toc", "pymdownx.superfences"]
STRAY = re.compile(r"^\s*(?:[-*+] |\d+\. |\|.*\|\s*$)", re.MULTILINE)


class _Paragraphs(HTMLParser):
    """The text of every <p> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.current: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.depth += 1
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            self.found.append("".join(self.current))

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.current.append(data)


def to_html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


def stray_lines(page: str) -> list[str]:
    """List items and table rows that Markdown left inside a paragraph."""
    parser = _Paragraphs()
    parser.feed(to_html(page))
    return [m.group(0) for text in parser.found for m in STRAY.finditer(text)]


def check(pages: dict[str, str]) -> None:
    bad = {path: stray_lines(text) for path, text in pages.items() if path.endswith(".md")}
    assert {path: lines for path, lines in bad.items() if lines} == {}


def test_small_site_pages_keep_their_lists_and_tables():
    timed = report(
        "timed",
        "2024-06-01",
        "They voted. They will vote again.",
        timeline=[("2024-05-30", "reported"), ("2024-07-01", "planned"), ("2024-05", "reported")],
    )
    check(render_site(make_env(), [timed, SECOND, THIRD, FIRST]))


def test_timeline_month_lists_each_event_as_its_own_item():
    events = [(f"2024-05-0{d}", "reported") for d in range(1, 4)]
    one = report("one", "2024-06-01", "They voted three times.", timeline=events)
    html = to_html(render_site(make_env(), [one])["timeline/2024/05.md"])
    assert html.count("<li>") == 3
    # the breadcrumb stays a paragraph of its own, above the list
    assert re.search(r"<p><a [^>]*>All years</a>.*?</p>\s*<ul>", html, re.DOTALL)


@pytest.mark.slow
def test_archive_pages_keep_their_lists_and_tables():
    """The pages a large archive is cut into (by date, by letter) as well."""
    reports = sorted(corpus(300), key=lambda r: (r.article.date, r.article.id), reverse=True)
    pages = SitePages(make_env(), SiteIndex(reports))
    check({spec.path: pages.render(spec) for spec in pages.specs()})
