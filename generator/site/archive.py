"""Long lists split into pages of bounded size that stay the same when articles are added.

A list that grows with the archive (an actor's articles, a unit's figures, the events of a
month) is cut by the publication date of the articles its items come from: one page per year;
a year with more than `limit` rows gets a page per month (its own page then lists the months),
and a month with more than `limit` rows a page per ten days. New articles are mostly the
newest, so an addition changes the page of its own period and leaves earlier pages as they
were. Names are cut the same way by their first letters (see `by_prefix`).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

UNDATED = "undated"


@dataclass
class Period:
    """One page of a list cut by date: a year, a month, ten days of a month, or no date."""

    label: str
    """'2024', '2024-06', '2024-06-11' (the first of its days) or 'undated': the file name."""
    path: str
    """Site path of the page."""
    entries: list[Any]
    """The items of the period that none of its parts holds, in the order of the whole list."""
    parts: list[Period] = field(default_factory=list)
    """A busy year's months, or a busy month's thirds (its own page then lists these)."""

    @property
    def title(self) -> str:
        """'2024', 'June 2024', '11–20 June 2024' or 'Undated'."""
        if self.label == UNDATED:
            return "Undated"
        if len(self.label) == 4:
            return self.label
        year, month = int(self.label[:4]), int(self.label[5:7])
        name = f"{calendar.month_name[month]} {year}"
        if len(self.label) == 7:
            return name
        first = int(self.label[8:])
        last = first + 9 if first < 21 else calendar.monthrange(year, month)[1]
        return f"{first}–{last} {name}"

    def pages(self) -> list[Period]:
        """This period's page and those of all its parts."""
        return [self, *(page for part in self.parts for page in part.pages())]

    def leaves(self) -> list[Period]:
        """The pages that list items: itself if it holds any (or has no parts), and its parts'."""
        own = [self] if self.entries or not self.parts else []
        return own + [leaf for part in self.parts for leaf in part.leaves()]

    def everything(self) -> list[Any]:
        """Every item of the period, its parts' included."""
        return [e for page in self.pages() for e in page.entries]


def _year(date: str) -> str | None:
    return date[:4] if len(date) >= 4 and date[:4].isdigit() else None


def _month(date: str) -> str | None:
    if len(date) >= 7 and date[:4].isdigit() and date[4] == "-" and date[5:7].isdigit():
        return date[:7] if 1 <= int(date[5:7]) <= 12 else None
    return None


def _third(date: str) -> str | None:
    if _month(date) and len(date) >= 10 and date[7] == "-" and date[8:10].isdigit():
        day = int(date[8:10])
        return f"{date[:7]}-{min(2, max(0, day - 1) // 10) * 10 + 1:02d}" if day else None
    return None


_LEVELS = (_year, _month, _third)


def period_of(date: str | None) -> str:
    """'2024-06' for an ISO date of June 2024, '2024' for a year, else 'undated'."""
    return (date and (_month(date) or _year(date))) or UNDATED


def by_date(
    entries: Sequence[Any],
    date_of: Callable[[Any], str | None],
    base: str,
    limit: int,
    weight: Callable[[Any], int] | None = None,
    prefix: str = "",
) -> list[Period]:
    """`entries` cut into pages `base/<prefix><label>.md`, of at most about `limit` rows.

    `weight` tells how many rows an entry takes (1 each by default). Years come newest first,
    undated items last; the items keep their order.
    """

    def size(items: list[Any]) -> int:
        return sum(map(weight, items)) if weight else len(items)

    def cut(items: list[Any], level: int) -> tuple[list[Any], list[Period]]:
        """Items no part at `level` takes (dated less precisely), and the parts, newest first."""
        groups: dict[str, list[Any]] = {}
        rest = []
        for item in items:
            label = _LEVELS[level](date_of(item) or "")
            if label is None:
                rest.append(item)
            else:
                groups.setdefault(label, []).append(item)
        parts = []
        for label in sorted(groups, reverse=True):
            period = Period(label, f"{base}/{prefix}{label}.md", groups[label])
            if level + 1 < len(_LEVELS) and size(groups[label]) > limit:
                own, split = cut(groups[label], level + 1)
                if split:
                    period.entries, period.parts = own, split
            parts.append(period)
        return rest, parts

    undated, periods = cut(list(entries), 0)
    if undated:
        periods.append(Period(UNDATED, f"{base}/{prefix}{UNDATED}.md", undated))
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


def walk(periods: Sequence[Period]) -> Iterator[tuple[Period, list[Period]]]:
    """Every page of `periods`, with the periods it belongs to (the outermost first)."""
    for period in periods:
        yield period, []
        for page, above in walk(period.parts):
            yield page, [period, *above]
