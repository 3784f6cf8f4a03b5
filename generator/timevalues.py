"""The interval of days a TIMEX3 date value covers: one reading of the value codes (day, month,
year, quarter, half, week, season), shared by the timeline's order (`extract.time`) and the
charts, feed and calendar pages of the site."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month; month 13 or 14 rolls into the next year (winter)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def timex_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None when it has no fixed place."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), _month_end(year, month)
        if m := _YEAR.match(value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := _QUARTER.match(value):
            year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
            return dt.date(year, first, 1), _month_end(year, first + 2)
        if m := _HALF.match(value):
            year, first = int(m[1]), (int(m[2]) - 1) * 6 + 1
            return dt.date(year, first, 1), _month_end(year, first + 5)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _SEASON.match(value):
            year = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            return dt.date(year, first, 1), _month_end(year, last)
    except ValueError:  # 2025-02-30, week 54: not a real date
        return None
    return None
