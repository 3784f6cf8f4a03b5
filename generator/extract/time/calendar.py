"""Calendar arithmetic for TIMEX3 values: weeks, quarters, seasons, holidays, relative shifts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "nights": "NI",
}


def month_number(name: str) -> int:
    """1..12 for a month name or abbreviation ('Sept.', 'december')."""
    return MONTHS[name.lower().strip(".")[:3]]


def weekday_number(name: str) -> int:
    """0 (Monday) .. 6 (Sunday) for a weekday name, singular or plural."""
    return WEEKDAYS.index(name.lower().rstrip("s"))


def iso_week(day: dt.date) -> str:
    """The ISO week of a day: 2013-W11."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """1..4."""
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> str:
    """The quarter `delta` quarters away, as 1998-Q3."""
    total = year * 4 + quarter - 1 + delta
    return f"{total // 4}-Q{total % 4 + 1}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) `delta` months away."""
    total = year * 12 + month - 1 + delta
    return total // 12, total % 12 + 1


def shift_date(day: dt.date, unit: str, n: int) -> str:
    """The TIMEX3 value of the `unit` (year, month, week, day, quarter, decade, century) n units away,
    at that unit's granularity."""
    if unit == "year":
        return f"{day.year + n:04d}"
    if unit == "month":
        y, m = shift_month(day.year, day.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "week":
        return iso_week(day + dt.timedelta(weeks=n))
    if unit == "day":
        return (day + dt.timedelta(days=n)).isoformat()
    if unit == "quarter":
        return shift_quarter(day.year, quarter_of(day), n)
    if unit == "decade":
        return f"{(day.year // 10 + n):03d}"
    if unit == "century":
        return f"{(day.year // 100 + n):02d}"
    raise ValueError(unit)


def shift_value(value: str, unit: str, n: int) -> str | None:
    """A TIMEX3 date value moved by n units at its own granularity ('1998-Q3', year, -4 → '1997-Q3')."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return shift_date(dt.date.fromisoformat(value), unit, n) if unit == "day" else None
    months = {"year": 12, "quarter": 3, "month": 1}.get(unit)
    if months is None:
        return None
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m and months % 3 == 0:
        return shift_quarter(int(m.group(1)), int(m.group(2)), n * months // 3)
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = shift_month(int(m.group(1)), int(m.group(2)), n * months)
        return f"{y:04d}-{mo:02d}"
    m = re.fullmatch(r"(\d{4})", value)
    if m and unit == "year":
        return f"{int(m.group(1)) + n:04d}"
    return None


def year_for_month(dct: dt.date, month: int, tense: str | None, day: int = 15) -> int:
    """The year of a month (or month and day) named without one: the nearest such date to the
    article date, unless the verb's tense puts it more than two months on the other side."""
    years = (dct.year - 1, dct.year, dct.year + 1)
    dates = {y: dt.date(y, month, min(day, 28 if month == 2 else day)) for y in years}
    ahead = (dates[dct.year] - dct).days
    if tense == "past" and ahead > 60:
        return dct.year - 1
    if tense == "future" and ahead < -60:
        return dct.year + 1
    if tense in ("past", "future"):
        return dct.year
    return min(years, key=lambda y: abs((dates[y] - dct).days))


def year_for_quarter(dct: dt.date, quarter: int, tense: str | None) -> int:
    """The year of a quarter named without one: a quarter still ahead is last year's unless the
    verb is in the future."""
    if quarter > quarter_of(dct) and tense != "future":
        return dct.year - 1
    return dct.year


def weekday_date(dct: dt.date, weekday: int, tense: str | None) -> dt.date:
    """The day a bare weekday names: the latest such day up to the article date, or the next
    one when the verb is in the future."""
    diff = weekday - dct.weekday()
    if diff > 0:
        diff -= 7
    if tense == "future" and diff != 0:
        diff += 7
    return dct + dt.timedelta(days=diff)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
}
"""Fixed and computed holidays (US and Christian calendars) by lowercase name. 'Election Day',
written with capitals, is the US one: the Tuesday after the first Monday in November."""
