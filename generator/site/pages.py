"""Cross-article pages: home, article lists, actors, combined timeline, figures, caveats.

Every page is of bounded size and an added article changes only a few of them: lists that grow
with the archive show their newest or largest items and keep the rest on pages by date (see
`archive`), which an addition leaves alone unless it falls in their period. Each page comes as
a `PageSpec` keyed by what it shows, so a build can skip rendering those that did not change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from jinja2 import Environment

from generator.model import SEVERITY_ORDER, Report
from generator.site.actors import actor_pages
from generator.site.archive import by_date, walk
from generator.site.figures import figure_pages
from generator.site.index import (
    PageSpec,
    SiteIndex,
    article_date,
    caveat_counts,
    place,
    relative,
    source_link,
    spec,
)
from generator.site.render import KIND_TITLES, article_title, render_article
from generator.site.timeline import timeline_pages

HOME_ROWS = 30
"""Articles listed on the home page; the pages by date have them all."""
ARTICLES_PER_PAGE = 100
"""Articles on a page by date before its year is cut by month."""
ARCHIVE = "articles/by-date"
"""Folder of the article lists by date (an article's own folder never has pages named so)."""
CAVEAT_ROWS = 25
"""Articles with the most serious caveats, and newest high-severity caveats, on the caveats page."""


class SitePages:
    """Renders the cross-article pages from a `SiteIndex`."""

    def __init__(self, env: Environment, index: SiteIndex) -> None:
        self.env = env
        self.index = index
        self.reports = index.reports

    def render(self, page: PageSpec) -> str:
        """The Markdown of a page."""

        def link(target: str) -> str:
            return relative(page.path, target)

        return self.env.get_template(page.template).render(
            link=link,
            source_link=source_link,
            title_of=article_title,
            page=page.path,
            **page.context,
        )

    def specs(self) -> list[PageSpec]:
        """Every cross-article page, not yet rendered."""
        return [
            *self.home(),
            *actor_pages(self.index),
            *timeline_pages(self.index),
            *figure_pages(self.index),
            *self.caveats(),
        ]

    def pages(self) -> dict[str, str]:
        """Every cross-article page: path → Markdown."""
        return {page.path: self.render(page) for page in self.specs()}

    def _article_row(self, report: Report) -> dict[str, Any]:
        return {
            "report": report,
            "article": report.article,
            "title": article_title(report),
            "key_actors": self.index.key_actors(report),
            "caveats": caveat_counts(report),
        }

    def home(self) -> list[PageSpec]:
        """The home page (newest articles), the list of months and the article lists by date."""
        totals = {
            "articles": len(self.reports),
            "actors": len(self.index.paged_actors()),
            "named": len(self.index.actors),
            "quotes": sum(len(r.quotes) for r in self.reports),
            "figures": sum(len(r.figures) for r in self.reports),
            "caveats": sum(len(r.caveats) for r in self.reports),
        }
        newest = [self._article_row(r) for r in self.reports[:HOME_ROWS]]
        periods = by_date(self.reports, lambda r: r.article.date, ARCHIVE, ARTICLES_PER_PAGE)
        rows = [
            {
                "title": p.title,
                "path": p.path,
                "count": len(p.everything()),
                "months": [
                    {"title": m.title, "path": m.path, "count": len(m.everything())}
                    for m in p.parts
                ],
            }
            for p in periods
        ]
        specs = [
            spec(
                self.index,
                "index.md",
                "home.md.j2",
                {"rows": newest, "totals": totals, "more": len(self.reports)},
            ),
            spec(
                self.index,
                "articles/index.md",
                "articles.md.j2",
                {"periods": rows, "total": len(self.reports), **self._every_article()},
            ),
        ]
        for page, trail in walk(periods):
            items = [self._article_row(r) for r in page.entries]
            specs.append(
                spec(
                    self.index,
                    page.path,
                    "site/articles_period.md.j2",
                    {"period": page, "trail": trail, "rows": items, "parts": page.parts},
                    page.entries,
                    *place(page, trail),
                    # the names of the merged actors shown: other articles can change them
                    [[(a.path, a.name, a.has_page) for a in row["key_actors"]] for row in items],
                )
            )
        return specs

    def _every_article(self) -> dict[str, Any]:
        """What the article list had before it was cut by date, for templates of one's own:
        `rows` (every article, newest first) and `months` ((month, rows) pairs)."""
        rows = [self._article_row(r) for r in self.reports]
        by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_month[(row["article"].date or "")[:7] or "undated"].append(row)
        return {"rows": rows, "months": list(by_month.items())}

    def caveats(self) -> list[PageSpec]:
        """The caveats page: counts by kind, the most serious articles, the newest high ones."""
        matrix: dict[str, Counter[str]] = defaultdict(Counter)
        high = []
        for report in self.reports:
            for c in report.caveats:
                matrix[c.kind][c.severity] += 1
                if c.severity == "high":
                    high.append((report, c))
        kinds = sorted(
            matrix,
            key=lambda k: tuple(-matrix[k][s] for s in SEVERITY_ORDER) + (k,),
        )
        serious = sorted(
            (r for r in self.reports if r.caveats),
            key=lambda r: (
                tuple(-n for n in caveat_counts(r).values()),
                r.article.id,
            ),
        )[:CAVEAT_ROWS]
        periods = (
            by_date(high, article_date, "caveats", ARTICLES_PER_PAGE)
            if len(high) > CAVEAT_ROWS
            else []
        )
        context = {
            "kinds": [
                {"kind": k, "title": KIND_TITLES.get(k, k), "counts": matrix[k]} for k in kinds
            ],
            "severities": list(SEVERITY_ORDER),
            "rows": [self._article_row(r) for r in serious],
            "high": high[:CAVEAT_ROWS],
            "all_high": len(high),
            "periods": [
                {"title": p.title, "path": p.path, "count": len(p.everything())} for p in periods
            ],
        }
        specs = [spec(self.index, "caveats/index.md", "site/caveats.md.j2", context)]
        for page, trail in walk(periods):
            specs.append(
                spec(
                    self.index,
                    page.path,
                    "site/caveats_period.md.j2",
                    {"period": page, "trail": trail, "high": page.entries, "parts": page.parts},
                    (r for r, _ in page.entries),
                    *place(page, trail),
                )
            )
        return specs


def render_site(env: Environment, reports: list[Report]) -> dict[str, str]:
    """Every page of the site: cross-article pages and each article's own pages."""
    index = SiteIndex(reports)
    pages = SitePages(env, index).pages()
    for report in reports:
        pages.update(render_article(env, report, index.actor_paths(report)))
    return pages
