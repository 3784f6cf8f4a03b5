"""The combined timeline: every dated event of every article, by the date it belongs to.

Pages are small and stable however large the archive grows: the index has a chart of events
per year; a year's page, a chart and table of its months; a month's page (or the page of the
year's longer periods: quarters, seasons, the whole year) lists its events, or, when there are
more than `EVENTS_PER_PAGE`, is cut by the date of the articles that report them, so an added
article changes the page of its own publication period and leaves the others alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import Any

from generator.model import Report
from generator.site.archive import Period, by_date
from generator.site.charts import histogram
from generator.site.index import PageSpec, SiteIndex, newest_first, spec
from generator.timevalues import timex_interval

EVENTS_PER_PAGE = 100
LONGER = "periods"
"""The page of a year's events that span more than a month."""


def _with_empty_years(counts: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Year counts with the years between them filled in, so gaps show on the chart."""
    if not counts:
        return counts
    known = {int(year): (year, r, p) for year, r, p in counts}
    first, last = min(known), max(known)
    if last - first > 60:  # centuries apart: show only the years that have events
        return counts
    return [known.get(y, (str(y), 0, 0)) for y in range(first, last + 1)]


def _split(entries: list[tuple[dt.date, dt.date, Report, Any]]) -> tuple[list[Any], list[Any]]:
    """(report, entry) pairs of what happened, and of what is planned or targeted."""
    reported: list[tuple[Report, Any]] = []
    planned: list[tuple[Report, Any]] = []
    for _, _, report, entry in entries:
        (planned if entry.status == "planned" else reported).append((report, entry))
    return reported, planned


def _counts(entries: list[tuple[dt.date, dt.date, Report, Any]]) -> tuple[int, int]:
    planned = sum(1 for e in entries if e[3].status == "planned")
    return len(entries) - planned, planned


def timeline_pages(index: SiteIndex) -> list[PageSpec]:
    """The timeline index, a page per year, and the pages of each month and longer period."""
    years: dict[int, list[tuple[dt.date, dt.date, Report, Any]]] = defaultdict(list)
    undated = 0
    for report in index.reports:
        undated += len(report.undated)
        for entry in report.timeline:
            interval = timex_interval(entry.date)
            if interval is None:
                undated += 1
                continue
            years[interval[0].year].append((*interval, report, entry))
    specs = []
    summary = []
    for year in sorted(years):
        entries = sorted(years[year], key=lambda e: (e[0], e[1], e[2].article.id, e[3].start))
        buckets: dict[str, list[Any]] = {}
        for event in entries:
            # Events dated to a month or less go under their month; longer ones together.
            first, last = event[0], event[1]
            label = f"{first:%m}" if (last - first).days <= 31 else LONGER
            buckets.setdefault(label, []).append(event)
        summary.append((str(year), *_counts(entries)))
        specs.extend(_year(index, year, buckets))
    specs.append(
        spec(
            index,
            "timeline/index.md",
            "site/timeline.md.j2",
            {
                "years": summary,
                "chart": histogram(_with_empty_years(summary)),
                "undated": undated,
            },
        )
    )
    return specs


def _year(index: SiteIndex, year: int, buckets: dict[str, list[Any]]) -> list[PageSpec]:
    """A year's page (a chart and table of its months) and the pages of its months."""
    months: list[dict[str, Any]] = []
    for number in range(1, 13):
        label = f"{number:02d}"
        counts = _counts(buckets.get(label, []))
        months.append(
            {
                "title": calendar.month_name[number],
                "short": calendar.month_abbr[number],
                "path": f"timeline/{year}/{label}.md",
                "reported": counts[0],
                "planned": counts[1],
            }
        )
    longer = _counts(buckets.get(LONGER, []))
    path = f"timeline/{year}.md"
    context = {
        "year": year,
        "months": months,
        "longer": {
            "path": f"timeline/{year}/{LONGER}.md",
            "reported": longer[0],
            "planned": longer[1],
        },
        "chart": histogram([(m["short"], m["reported"], m["planned"]) for m in months]),
    }
    specs = [spec(index, path, "site/timeline_year.md.j2", context, (), months, longer)]
    for label, events in buckets.items():
        title = "Longer periods" if label == LONGER else calendar.month_name[int(label)]
        specs.extend(_bucket(index, year, f"timeline/{year}/{label}.md", title, events))
    return specs


def _bucket(
    index: SiteIndex, year: int, path: str, title: str, events: list[Any]
) -> list[PageSpec]:
    """A month's (or the longer periods') page: its events, or pages by reporting date."""
    context: dict[str, Any] = {"year": year, "title": title, "total": len(events)}
    if len(events) <= EVENTS_PER_PAGE:
        reported, planned = _split(events)
        context.update(reported=reported, planned=planned, parts=[], part=None)
        reports = [e[2] for e in events]
        return [spec(index, path, "site/timeline_month.md.j2", context, reports, year, title)]
    # Too many for one page: by the date of the reporting articles, newest first.
    newest = newest_first((e[2], e) for e in events)
    periods = by_date(
        [e for _, e in newest],
        lambda e: e[2].article.date,
        path[:-3],
        EVENTS_PER_PAGE,
        prefix="reported-",
    )
    parts: list[Period] = [leaf for period in periods for leaf in period.leaves()]
    context.update(reported=[], planned=[], parts=parts, part=None)
    listed = [(p.label, p.path) for p in parts]
    specs = [spec(index, path, "site/timeline_month.md.j2", context, (), year, title, listed)]
    for part in parts:
        ordered = sorted(part.entries, key=lambda e: (e[0], e[1], e[2].article.id, e[3].start))
        reported, planned = _split(ordered)
        part_context = {
            "year": year,
            "title": title,
            "total": len(events),
            "reported": reported,
            "planned": planned,
            # No list of the other parts: their counts change with every article they get.
            "parts": [],
            "part": {"title": part.title, "path": part.path, "month": path},
        }
        specs.append(
            spec(
                index,
                part.path,
                "site/timeline_month.md.j2",
                part_context,
                [e[2] for e in ordered],
                year,
                title,
                part.title,
            )
        )
    return specs
