"""TIMEX3 values in words for a reader, and the interval a date value covers.

Readers never see codes such as PRESENT_REF, PXW or 2019-W46: a date value becomes '18 Nov
2019', 'week of 11 Nov 2019', 'Q3 2019', 'morning of 18 Nov 2019'; a duration 'three years';
a vague or underspecified value says so in words ('in the past', 'a 3 Dec, year unknown').
"""

from __future__ import annotations

import datetime as dt
import re

from generator.timevalues import timex_interval

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
UNITS = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "Q": "quarter",
    "H": "hour",
    "TM": "minute",
    "S": "second",
    "DE": "decade",
    "CE": "century",
}


def _day(value: str) -> str:
    y, m, d = value.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _time(day: str, clock: str) -> str:
    if clock in PARTS:
        return f"{PARTS[clock]} of {day}"
    zone = " UTC" if clock.endswith("Z") else ""
    return f"{day}, {clock.rstrip('Z')}{zone}"


def date_label(value: str) -> str:
    """A DATE or TIME value in words."""
    if value in REFS:
        return REFS[value]
    day, _, clock = value.partition("T")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return _time(_day(day), clock) if clock else _day(day)
    if re.fullmatch(r"XXXX-\d{2}-\d{2}", day):
        words = f"{int(day[8:])} {MONTHS[int(day[5:7]) - 1]}, year unknown"
        return _time(words, clock) if clock else words
    if re.fullmatch(r"\d{4}-\d{2}", day):
        return f"{MONTHS[int(day[5:]) - 1]} {day[:4]}"
    if re.fullmatch(r"XXXX-\d{2}", day):
        return f"{MONTHS[int(day[5:]) - 1]}, year unknown"
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", day)
    if week:
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        if week.group(3):
            return f"weekend of {_day((monday + dt.timedelta(days=5)).isoformat())}"
        return f"week of {_day(monday.isoformat())}"
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", day)
    if quarter:
        return f"Q{quarter.group(2)} {quarter.group(1)}"
    half = re.fullmatch(r"(\d{4})-H([12])", day)
    if half:
        return f"{'first' if half.group(2) == '1' else 'second'} half of {half.group(1)}"
    season = re.fullmatch(r"(\d{4}|XXXX)-(SP|SU|FA|WI)", day)
    if season:
        year = season.group(1)
        return f"{SEASONS[season.group(2)]} {year if year != 'XXXX' else '(year unknown)'}"
    fiscal = re.fullmatch(r"FY(\d{4})", day)
    if fiscal:
        return f"fiscal year {fiscal.group(1)}"
    if re.fullmatch(r"\d{4}", day):
        return day
    if re.fullmatch(r"\d{3}", day):
        return f"the {day}0s"
    if re.fullmatch(r"\d{2}", day):
        return f"the {_ordinal(int(day) + 1)} century"
    if day.startswith("XXXX-W"):
        return "a week, date unknown"
    if day.startswith("XXXX-Q"):
        return "a quarter, date unknown"
    if day.startswith("X"):
        return "date unknown"
    return value


def duration_label(value: str) -> str:
    """A DURATION value in words: P3Y → '3 years', PXW → 'some weeks', PT2H30M → '2 hours 30 minutes'."""
    match = re.fullmatch(r"P(?:(.+?))?(?:T(.+))?", value)
    if not match:
        return value
    parts = []
    for chunk, is_time in ((match.group(1), False), (match.group(2), True)):
        for amount, code in re.findall(r"([\dX.]+)([A-Z]+)", chunk or ""):
            unit = UNITS.get("TM" if is_time and code == "M" else code, code.lower())
            if amount == "X":
                parts.append(f"some {unit}s")
            else:
                n = float(amount)
                shown = str(int(n)) if n.is_integer() else amount
                parts.append(f"{shown} {unit}{'' if n == 1 else 's'}")
    return " ".join(parts) or value


def set_label(value: str) -> str:
    """A SET value in words: P1W → 'every week', XXXX-WXX-1 → 'every Monday'."""
    weekday = re.fullmatch(r"XXXX-WXX-([1-7])(?:T(\w+))?", value)
    if weekday:
        part = PARTS.get(weekday.group(2) or "", "")
        return f"every {WEEKDAYS[int(weekday.group(1)) - 1]}{' ' + part if part else ''}"
    month = re.fullmatch(r"XXXX-(\d{2})", value)
    if month:
        return f"every {MONTHS[int(month.group(1)) - 1]}"
    one = re.fullmatch(r"PT?1([A-Z])", value)
    if one:
        unit = UNITS.get("TM" if value.startswith("PT") and one.group(1) == "M" else one.group(1))
        if unit:
            return f"every {unit}"
    return f"every {duration_label(value)}" if value.startswith("P") else value


def label(kind: str, value: str) -> str:
    """The value of a time expression of TIMEX3 type `kind` in words."""
    if kind == "DURATION":
        return duration_label(value)
    if kind == "SET":
        return set_label(value)
    return date_label(value)


def interval_start(value: str) -> str | None:
    """The first day (YYYY-MM-DD, with the time of day appended when known) a date value
    covers, for sorting by the start of an interval; None for vague or underspecified values."""
    day, _, clock = value.partition("T")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return day + ("T" + clock if re.fullmatch(r"\d{2}:\d{2}Z?", clock) else "")
    weekend = re.fullmatch(r"(\d{4})-W(\d{2})-WE", day)
    if weekend:  # a weekend starts on its Saturday, not on the Monday of its week
        interval = timex_interval(day)
        return (interval[0] + dt.timedelta(days=5)).isoformat() if interval else None
    fiscal = re.fullmatch(r"FY(\d{4})", day)
    if fiscal:
        return f"{fiscal.group(1)}-01-01"
    interval = timex_interval(day)
    return interval[0].isoformat() if interval else None
