"""Long lists split into pages of bounded size that stay the same when articles are added.

A list that grows with the archive (an actor's articles, a unit's figures, the events of a
month) is cut by the publication date of the articles its items come from: one page per year,
or, for a year with more than `limit` items, one page per month with the year page listing the
months. New articles are mostly the newest, so an addition changes the page of its own period
and leaves the pages of earlier periods as they were. Names are cut the same way by their
first letters (see `by_prefix`).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

UNDATED = "undated"


@dataclass
class Period:
    """One page of a list cut by date: a year, a month of a busy year, or the undated items."""

    label: str
    """'2024', '2024-06' or 'undated': also the page's file name."""
    path: str
    """Site path of the page."""
    entries: list[Any]
    """The items of the period, in the order of the whole list."""
    months: list[Period] = field(default_factory=list)
    """A busy year's months (its own page then lists these instead of the items)."""

    @property
    def title(self) -> str:
        """'2024', 'June 2024' or 'Undated'."""
        if self.label == UNDATED:
            return "Undated"
        if len(self.label) == 7:
            return f"{calendar.month_name[int(self.label[5:])]} {self.label[:4]}"
        return self.label

    def pages(self) -> list[Period]:
        """This period's page and those of its months."""
        return [self, *self.months]

    def leaves(self) -> list[Period]:
        """The pages that list items: its months, and itself if it has items of its own."""
        return ([self] if self.entries or not self.months else []) + self.months


def period_of(date: str | None) -> str:
    """'2024-06' for an ISO date of June 2024, 'undated' without a usable date."""
    if date and len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return date[:7]
    if date and len(date) >= 4 and date[:4].isdigit():
        return date[:4]
    return UNDATED


def by_date(
    entries: Sequence[Any],
    date_of: Callable[[Any], str | None],
    base: str,
    limit: int,
    weight: Callable[[Any], int] | None = None,
    prefix: str = "",
) -> list[Period]:
    """`entries` cut into pages under `base/`: per year, per month in a year of over `limit`.

    `weight` tells how many rows an entry takes (1 each by default); `prefix` starts the
    pages' file names. Years come newest first, undated items last; the items keep their order.
    """
    years: dict[str, list[Any]] = {}
    months: dict[str, dict[str, list[Any]]] = {}
    for entry in entries:
        label = period_of(date_of(entry))
        year = label[:4] if label != UNDATED else UNDATED
        years.setdefault(year, []).append(entry)
        months.setdefault(year, {}).setdefault(label, []).append(entry)
    periods = []
    for year in sorted(years, key=lambda y: (y != UNDATED, y), reverse=True):
        period = Period(year, f"{base}/{prefix}{year}.md", years[year])
        split = sorted((m for m in months[year] if len(m) == 7), reverse=True)
        size = sum(map(weight, years[year])) if weight else len(years[year])
        if size > limit and split:
            # Items dated only by year stay on the year page, under the list of months.
            period.months = [Period(m, f"{base}/{prefix}{m}.md", months[year][m]) for m in split]
            period.entries = months[year].get(year, [])
        periods.append(period)
    return periods


def by_prefix(
    items: Sequence[Any], key_of: Callable[[Any], str], limit: int, depth: int = 3
) -> dict[str, list[Any]]:
    """Items grouped by the first letter of their key, or more letters for a crowded letter.

    `key_of` gives an ASCII key (a slug); a group of more than `limit` items is split by one
    more letter, up to `depth` letters. Groups are keyed by their prefix, in key order.
    """
    groups: dict[str, list[Any]] = {}

    def split(members: list[Any], size: int) -> None:
        parts: dict[str, list[Any]] = {}
        for item in members:
            parts.setdefault(key_of(item)[:size] or "-", []).append(item)
        for prefix in sorted(parts):
            if len(parts[prefix]) > limit and size < depth and len(prefix) == size:
                split(parts[prefix], size + 1)
            else:
                groups[prefix] = parts[prefix]

    split(sorted(items, key=key_of), 1)
    return groups
