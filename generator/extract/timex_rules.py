"""The time-expression grammar: one regex and one normaliser per kind of expression.

Each rule turns a match plus its context (article date, tense of the governing verb, the last
date the text mentioned) into a TIMEX3 (type, value), or None to reject the match. Values follow
the TimeML/TimeBank conventions that HeidelTime and SUTime implement: underspecified parts are
`X`, vague references are PRESENT_REF / PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import (
    HOLIDAYS,
    PARTS_OF_DAY,
    SEASONS,
    iso_week,
    month_number,
    quarter_of,
    shift_date,
    shift_month,
    shift_quarter,
    shift_value,
    weekday_date,
    weekday_number,
    year_for_month,
    year_for_quarter,
)
from .numbers import DIGITS, ORDINAL, WORD_NUMBER, parse_number, parse_ordinal, parse_spelled_year


@dataclass(frozen=True)
class Context:
    """What a normaliser may use besides the match."""

    dct: dt.date | None
    """The article date."""
    tense: str | None
    """past | present | future: the tense of the verb governing the expression."""
    reference: str | None
    """The last specific date value mentioned before the expression (for 'the next day')."""
    quarter: str | None
    """The last quarter the text talked about ('the third quarter' → 1998-Q3), for 'a year ago'."""
    before: str
    """Lowercase text just before the expression."""
    after: str
    """Lowercase text just after the expression."""


Value = tuple[str, str]
Handler = Callable[[re.Match, Context], Value | None]


@dataclass(frozen=True)
class Rule:
    """One kind of time expression."""

    name: str
    pattern: re.Pattern
    handler: Handler
    anchors: bool = True
    """Whether its values may anchor later anaphoric expressions ('a year ago' does not)."""


# --- regex pieces ---------------------------------------------------------------------------

MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\d.,$€£#])(?:1[0-9]|20)\d\d(?![\d]|,\d|\.\d)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
UNIT = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)"
    r"|quarters?|fortnights?|nights?|(?:trading|business|working) days?)"
)
FEW = r"(?:a\s+few|few|several|a\s+couple\s+of|a\s+couple|couple\s+of|many|some)"
AMOUNT = (
    rf"(?:\d+\s+\d/\d|\d+/\d|(?:{DIGITS}|{WORD_NUMBER}|a|an|one)(?:\s+and\s+a\s+half)?"
    rf"|a\s+half|half\s+an?|{FEW}|(?:a|one)\s+dozen|dozens\s+of)"
)
HEDGE = (
    r"(?:(?:around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than"
    r"|fewer\s+than|up\s+to|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than"
    r"|another|an\s+additional|an\s+extra)\s+)"
)
"""Modifiers that TimeBank keeps inside a duration ('nearly two years'); prepositions such as
'over', 'within' and 'about' stay outside."""
TIME_OF_DAY = (
    r"(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-z])|\d{1,2}:\d{2}(?![\d])"
    r"|noon|midnight|midday|\d{1,2}\s+o'clock)"
    r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local\s+time))?)"
)
UNIT_CODES = {
    "year": ("P", "Y", 1),
    "month": ("P", "M", 1),
    "week": ("P", "W", 1),
    "day": ("P", "D", 1),
    "night": ("P", "D", 1),
    "fortnight": ("P", "W", 2),
    "hour": ("PT", "H", 1),
    "minute": ("PT", "M", 1),
    "second": ("PT", "S", 1),
    "decade": ("P", "Y", 10),
    "century": ("P", "Y", 100),
    "quarter": ("P", "M", 3),
}
CALENDAR_UNITS = ("year", "month", "week", "day", "quarter", "decade", "century")


def unit_name(word: str) -> str:
    """The singular unit of a unit word: 'centuries' → 'century', 'trading days' → 'day'."""
    word = word.lower().split()[-1]
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def amount_value(text: str) -> float | None:
    """The number of an amount phrase; None when vague ('a few', 'several') or a range."""
    low = " ".join(text.lower().split())
    if re.search(r"\d\s*[-–]\s*\d|\s(?:to|or)\s", low):
        return None
    if re.fullmatch(FEW, low) and "couple" not in low:
        return None
    if "couple" in low:
        return 2
    if "dozens" in low:
        return None
    if low in ("a half", "half a", "half an"):
        return 0.5
    if low.endswith("and a half"):
        base = parse_number(low[: -len(" and a half")]) if low not in ("a and a half",) else 1
        return None if base is None else base + 0.5
    if low in ("a dozen", "one dozen"):
        return 12
    return parse_number(low)


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration such as P3Y, PT2H, P2Y6M, PXM."""
    prefix, code, factor = UNIT_CODES[unit]
    if n is None:
        return f"{prefix}X{'Y' if unit in ('decade', 'century') else code}"
    n = n * factor
    if float(n).is_integer():
        return f"{prefix}{int(n)}{code}"
    whole, frac = int(n), n - int(n)
    smaller = {
        "Y": ("M", 12),
        "M": ("D", 30) if prefix == "P" else ("S", 60),
        "W": ("D", 7),
        "D": ("H", 24),
        "H": ("M", 60),
        "S": ("S", 1),
    }
    sub, per = smaller[code]
    part = round(frac * per)
    if code == "D":
        return f"P{whole}DT{part}H" if whole else f"PT{part}H"
    head = f"{prefix}{whole}{code}" if whole else prefix
    return f"{head}{part}{sub}"


def _year(ctx: Context) -> str:
    return f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"


def _day_value(year: int | None, month: int, day: int) -> str | None:
    if year is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= day <= 31:
        return None
    return f"XXXX-{month:02d}-{day:02d}"


def _day_number(text: str) -> int | None:
    return parse_ordinal(text) if not text[:1].isdigit() else int(re.match(r"\d+", text).group(0))


def _month_year(month: int, ctx: Context, day: int = 15) -> int | None:
    return year_for_month(ctx.dct, month, ctx.tense, day) if ctx.dct else None


# --- handlers --------------------------------------------------------------------------------


def _full_date(m: re.Match, ctx: Context) -> Value | None:
    day = _day_number(m.group("day"))
    if day is None:
        return None
    value = _day_value(int(m.group("year")), month_number(m.group("month")), day)
    return ("DATE", value) if value else None


def _month_day(m: re.Match, ctx: Context) -> Value | None:
    day = _day_number(m.group("day"))
    if day is None:
        return None
    month = month_number(m.group("month"))
    value = _day_value(_month_year(month, ctx, min(day, 31)), month, day)
    return ("DATE", value) if value else None


def _weekday_month_day(m: re.Match, ctx: Context) -> Value | None:
    if m.group("year"):
        return _full_date(m, ctx)
    return _month_day(m, ctx)


def _numeric_date(m: re.Match, ctx: Context) -> Value | None:
    if m.group("iso"):
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
    else:
        mo, d, y = (int(x) for x in re.split(r"[/.]", m.group("us")))
        if y < 100:
            y += 1900 if y > 30 else 2000
        if mo > 12 and d <= 12:
            mo, d = d, mo  # written day first
    value = _day_value(y, mo, d) if 1 <= mo <= 12 else None
    return ("DATE", value) if value else None


def _month_year_value(m: re.Match, ctx: Context) -> Value | None:
    return "DATE", f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}"


def _month_relative_year(m: re.Match, ctx: Context) -> Value | None:
    month = month_number(m.group("month"))
    delta = {"this": 0, "last": -1, "next": 1, "past": -1}[m.group("rel").lower()]
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{ctx.dct.year + delta:04d}-{month:02d}"


def _month(m: re.Match, ctx: Context) -> Value | None:
    month = month_number(m.group("month"))
    rel = (m.group("rel") or "").lower()
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.dct.year
    if rel in ("last", "past", "this past"):
        year = ctx.dct.year - 1 if month >= ctx.dct.month else ctx.dct.year
    elif rel in ("next", "this coming", "coming"):
        year = ctx.dct.year + 1 if month <= ctx.dct.month else ctx.dct.year
    elif rel != "this":
        year = year_for_month(ctx.dct, month, ctx.tense)
    return "DATE", f"{year:04d}-{month:02d}"


def _year_value(m: re.Match, ctx: Context) -> Value | None:
    return "DATE", f"{int(m.group('year')):04d}"


def _spelled_year(m: re.Match, ctx: Context) -> Value | None:
    year = parse_spelled_year(m.group("words"))
    if year is None:
        return None
    if m.group("month"):
        return "DATE", f"{year:04d}-{month_number(m.group('month')):02d}"
    if m.group("season"):
        return "DATE", f"{year:04d}-{SEASONS[m.group('season').lower()]}"
    return "DATE", f"{year:04d}"


def _decade(m: re.Match, ctx: Context) -> Value | None:
    if m.group("digits"):
        return "DATE", m.group("digits")[:3]
    if m.group("short"):
        century = 19 if ctx.dct is None or int(m.group("short")) * 10 > ctx.dct.year % 100 else 20
        return "DATE", f"{century}{m.group('short')}"
    tens = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }[m.group("words").lower()]
    return "DATE", f"19{tens}"


def _century(m: re.Match, ctx: Context) -> Value | None:
    n = parse_ordinal(m.group("ord"))
    return ("DATE", f"{n - 1:02d}") if n and 1 <= n <= 30 else None


def _relative_century(m: re.Match, ctx: Context) -> Value | None:
    delta = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[m.group("rel").lower()]
    if ctx.dct is None:
        return "DATE", "XX"
    return "DATE", shift_date(ctx.dct, "century", delta)


SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_position(day: dt.date) -> tuple[int, int]:
    """(season year, 0..3 for SP SU FA WI) of a day; a winter belongs to the year it starts in."""
    if day.month <= 2:
        return day.year - 1, 3
    return day.year, (day.month - 3) // 3


def _season(m: re.Match, ctx: Context) -> Value | None:
    code = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}-{code}"
    rel = " ".join((m.group("rel") or "").lower().split())
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    year, now = _season_position(ctx.dct)
    target = SEASON_ORDER.index(code)
    behind = (year if target < now else year - 1, target)  # the latest such season before this one
    ahead = (year if target > now else year + 1, target)
    current = (year, target) if target == now else None
    if rel in ("last", "this past", "past"):
        chosen = behind
    elif rel in ("next", "this coming", "coming"):
        chosen = ahead
    elif current is not None:
        chosen = current
    elif ctx.tense == "past":
        chosen = behind
    elif ctx.tense == "future" or rel == "this":
        chosen = ahead if rel != "this" or target > now else behind
    else:
        chosen = min((behind, ahead), key=lambda c: abs((c[0] * 4 + c[1]) - (year * 4 + now)))
    return "DATE", f"{chosen[0]:04d}-{code}"


QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


def _quarter_number(text: str) -> int:
    low = text.lower()
    return QUARTER_WORDS.get(low) or int(re.match(r"\d", low).group(0))


def _quarter(m: re.Match, ctx: Context) -> Value | None:
    q = _quarter_number(m.group("q"))
    mod = " ".join((m.group("mod") or "").lower().split())
    if m.group("half"):
        q = min(q, 2)
        if m.group("year"):
            return "DATE", f"{int(m.group('year')):04d}-H{q}"
        if ctx.dct is None:
            return "DATE", f"XXXX-H{q}"
        half_now = 1 if ctx.dct.month <= 6 else 2
        year = ctx.dct.year - (1 if q > half_now and ctx.tense != "future" else 0)
        return "DATE", f"{year:04d}-H{q}"
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif re.search(r"\d{4}", mod):
        year = int(re.search(r"\d{4}", mod).group(0))
    elif ctx.dct is None:
        year = None
    elif "next year" in mod:
        year = ctx.dct.year + 1
    elif "last year" in mod or "year-ago" in mod or "year-earlier" in mod or "prior-year" in mod:
        year = year_for_quarter(ctx.dct, q, ctx.tense) - 1
    elif "this year" in mod or "current" in mod:
        year = ctx.dct.year
    else:
        year = year_for_quarter(ctx.dct, q, ctx.tense)
    return "DATE", f"{year:04d}-Q{q}" if year is not None else f"XXXX-Q{q}"


def _reference_quarter(ctx: Context) -> str | None:
    return ctx.quarter


def _this_quarter(m: re.Match, ctx: Context) -> Value | None:
    """'the quarter', 'the latest quarter', 'this quarter': the quarter under discussion."""
    mod = " ".join((m.group("mod") or "").lower().split())
    ref = _reference_quarter(ctx)
    if m.group("year"):
        return "DATE", f"{m.group('year')}{ref[4:] if ref else ''}"
    if ctx.dct is None:
        return "DATE", ref or "XXXX-QX"
    if mod in ("last", "past", "previous", "prior"):
        return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)
    if mod in ("next", "coming"):
        return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), 1)
    if mod in ("year-ago", "year-earlier", "prior-year", "comparable year-ago", "year ago"):
        base = ref or shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)
        return "DATE", shift_value(base, "year", -1) or base
    if ref:
        return "DATE", ref
    if mod == "latest":
        return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)
    if mod in ("this", "current") or ctx.tense == "future":
        return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), 0)
    return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), -1)


def _fiscal_year(m: re.Match, ctx: Context) -> Value | None:
    year = int(m.group("year"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    return "DATE", f"{year:04d}"


RELATIVE_DELTA = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "past": -1,
    "the past": -1,
    "this past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "this coming": 1,
}


def _relative_unit(m: re.Match, ctx: Context) -> Value | None:
    """'last week', 'this year', 'next month', 'earlier this year', 'late last week'."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    delta = RELATIVE_DELTA[rel]
    if unit == "fiscal year":
        unit = "year"
    if unit == "weekend":
        if ctx.dct is None:
            return "DATE", "XXXX-WXX-WE"
        week = ctx.dct + dt.timedelta(weeks=delta)
        if delta < 0 and ctx.dct.weekday() >= 5:
            week = ctx.dct  # 'last weekend' said on a Sunday is the one just ending
        return "DATE", iso_week(week) + "-WE"
    if ctx.dct is None:
        return "DATE", {
            "year": "XXXX",
            "month": "XXXX-XX",
            "week": "XXXX-WXX",
            "quarter": "XXXX-QX",
            "decade": "XXX",
            "century": "XX",
        }[unit]
    return "DATE", shift_date(ctx.dct, unit, delta)


def _the_unit(m: re.Match, ctx: Context) -> Value | None:
    """'the year', 'the week', 'the month': the current one, or one whole unit after 'for'."""
    unit = m.group("unit").lower().split()[-1]
    if re.search(r"(?:\bover|\bthroughout)\s*$", ctx.before) or re.match(
        r"\s*(?:ended|ending)\b", ctx.after
    ):
        return "DURATION", duration(1, unit)
    if ctx.dct is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit]
    return "DATE", shift_date(ctx.dct, unit, 0)


def _week_of(m: re.Match, ctx: Context) -> Value | None:
    found = _month_day(m, ctx)
    if found is None or found[1].startswith("X"):
        return ("DATE", "XXXX-WXX") if found else None
    return "DATE", iso_week(dt.date.fromisoformat(found[1]))


def _weekend(m: re.Match, ctx: Context) -> Value | None:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    day = ctx.dct
    if ctx.tense == "past" and day.weekday() < 5:
        day -= dt.timedelta(weeks=1)
    return "DATE", iso_week(day) + "-WE"


def _anaphoric_unit(m: re.Match, ctx: Context) -> Value | None:
    """'the following year', 'the previous day', 'that year', 'the same day', 'the next year'."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    delta = {
        "the following": 1,
        "the next": 1,
        "the previous": -1,
        "the preceding": -1,
        "the prior": -1,
        "that": 0,
        "the same": 0,
        "later that": 0,
        "earlier that": 0,
        "that same": 0,
    }[rel]
    anchor = _anchor_for(ctx, unit)
    if anchor is None:
        if ctx.dct is None:
            return "DATE", {
                "year": "XXXX",
                "month": "XXXX-XX",
                "week": "XXXX-WXX",
                "day": "XXXX-XX-XX",
            }[unit]
        return "DATE", shift_date(ctx.dct, unit, delta)
    return "DATE", shift_date(anchor, unit, delta)


def _anchor_for(ctx: Context, unit: str) -> dt.date | None:
    """The last mentioned date, as a day, when it is precise enough for `unit`."""
    ref = ctx.reference
    if not ref:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", ref)
    if not m:
        q = re.fullmatch(r"(\d{4})-Q([1-4])", ref)
        if q and unit == "year":
            return dt.date(int(q.group(1)), 1, 1)
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    need = {"year": 1, "month": 2, "week": 3, "day": 3}[unit]
    have = 1 + (month is not None) + (day is not None)
    if have < need:
        return None
    return dt.date(int(year), int(month or 1), int(day or 1))


def _ago(m: re.Match, ctx: Context) -> Value | None:
    """'two years ago', 'a week earlier', 'three days later'."""
    unit = unit_name(m.group("unit"))
    n = amount_value(m.group("n"))
    direction = m.group("dir").lower()
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if unit in ("hour", "minute", "second"):
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if unit in ("night", "fortnight", "decade", "century"):
        factor, unit = {
            "night": (1, "day"),
            "fortnight": (2, "week"),
            "decade": (10, "year"),
            "century": (100, "year"),
        }[unit]
        n = n * factor if n is not None else None
    if n is None or not float(n).is_integer():
        if ctx.dct is None:
            return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    steps = int(n) * sign
    if unit == "year" and steps == -1 and ctx.quarter:
        return "DATE", shift_value(
            ctx.quarter, "year", -1
        ) or ctx.quarter  # results compared by quarter
    if direction in ("earlier", "later", "before", "after"):
        ref = ctx.reference
        if ref and unit in ("year", "quarter", "month"):
            moved = shift_value(ref, unit, steps)
            if moved:
                return "DATE", moved
        anchor = _anchor_for(ctx, unit)
        if anchor is not None:
            return "DATE", shift_date(anchor, unit, steps)
    if ctx.dct is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    return "DATE", shift_date(ctx.dct, unit, steps)


def _duration(m: re.Match, ctx: Context) -> Value | None:
    unit = unit_name(m.group("unit"))
    n = amount_value(m.group("n"))
    if n is not None and m.group("half"):
        n += 0.5  # 'a minute and a half'
    return "DURATION", duration(n, unit)


def _bare_units(m: re.Match, ctx: Context) -> Value | None:
    return "DURATION", duration(None, unit_name(m.group("unit")))


def _recent(m: re.Match, ctx: Context) -> Value | None:
    unit = unit_name(m.group("unit"))
    rel = m.group("rel").lower()
    if rel == "future":
        return "DATE", "FUTURE_REF"
    if rel == "recent" and unit in ("year", "day"):
        return "DATE", "PAST_REF"
    return "DURATION", duration(None, unit)


def _reference(value: str) -> Handler:
    return lambda m, ctx: ("DATE", value)


def _day_word(m: re.Match, ctx: Context) -> Value | None:
    """today, yesterday, tomorrow, with an optional part of the day ('yesterday morning')."""
    word = m.group("word").lower()
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    part = (m.group("part") or "").lower()
    if word == "tonight":
        part = "night"
    if ctx.dct is None:
        base = "PRESENT_REF" if offset == 0 else "XXXX-XX-XX"
        if part:
            return "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[part]}"
        return "DATE", base
    base = (ctx.dct + dt.timedelta(days=offset)).isoformat()
    if part:
        return "TIME", f"{base}T{PARTS_OF_DAY[part]}"
    return "DATE", base


def _this_part_of_day(m: re.Match, ctx: Context) -> Value | None:
    """'this morning', 'last night', 'mid-afternoon'."""
    rel = (m.group("rel") or "this").lower()
    part = m.group("part").lower().replace("mid-", "").replace("mid", "").strip()
    offset = -1 if rel == "last" else 0
    base = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    if m.groupdict().get("dayref"):
        base = _day_reference(m.group("dayref"), ctx) or base
    return "TIME", f"{base}T{PARTS_OF_DAY[part]}"


def _weekday(m: re.Match, ctx: Context) -> Value | None:
    rel = " ".join((m.group("rel") or "").lower().split())
    weekday = weekday_number(m.group("wd"))
    part = (m.group("part") or "").lower()
    if ctx.dct is None:
        base = "XXXX-XX-XX"
    else:
        tense = ctx.tense
        anchor = _anchor_for(ctx, "day") or ctx.dct
        if rel in ("the previous", "the preceding"):
            day = weekday_date(anchor - dt.timedelta(days=1), weekday, "past")
        elif rel in ("the following", "the next"):
            day = weekday_date(anchor + dt.timedelta(days=1), weekday, "future")
        elif rel in ("last", "this past", "past"):
            day = weekday_date(ctx.dct - dt.timedelta(days=1), weekday, "past")
        elif rel in ("next", "this coming", "coming"):
            day = weekday_date(ctx.dct + dt.timedelta(days=1), weekday, "future")
        else:
            day = weekday_date(ctx.dct, weekday, tense)
        base = day.isoformat()
    if part:
        return "TIME", f"{base}T{PARTS_OF_DAY[part]}"
    return "DATE", base


def _weekday_set(m: re.Match, ctx: Context) -> Value | None:
    weekday = weekday_number(m.group("wd"))
    part = (m.group("part") or "").lower()
    suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
    return "SET", f"XXXX-WXX-{weekday + 1}{suffix}"


def _clock(text: str) -> str | None:
    """HH:MM of a clock time: '10 p.m.' → 22:00, 'noon' → 12:00."""
    low = text.lower()
    if low.startswith("noon") or low.startswith("midday"):
        return "12:00"
    if low.startswith("midnight"):
        return "24:00"
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?", low)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) and m.group(3).startswith("p") and hour < 12:
        hour += 12
    if m.group(3) and m.group(3).startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _time(m: re.Match, ctx: Context) -> Value | None:
    clock = _clock(m.group("clock"))
    if clock is None:
        return None
    day = m.groupdict().get("dayref")
    if day:
        base = _day_reference(day, ctx)
        if base is None:
            return None
    else:
        base = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{base}T{clock}"


def _day_reference(text: str, ctx: Context) -> str | None:
    """The day named by 'Wednesday', 'yesterday', 'Nov. 9' in a compound time expression."""
    low = text.lower()
    if low in ("today", "tonight"):
        return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    if low in ("yesterday", "tomorrow"):
        if ctx.dct is None:
            return "XXXX-XX-XX"
        return (ctx.dct + dt.timedelta(days=-1 if low == "yesterday" else 1)).isoformat()
    wd = re.fullmatch(WEEKDAY, low)
    if wd:
        if ctx.dct is None:
            return "XXXX-XX-XX"
        return weekday_date(ctx.dct, weekday_number(low), ctx.tense).isoformat()
    md = re.fullmatch(rf"({MONTH})\s*({DAY})", low)
    if md:
        month = month_number(md.group(1))
        return _day_value(
            _month_year(month, ctx), month, int(re.match(r"\d+", md.group(2)).group(0))
        )
    return None


def _set(m: re.Match, ctx: Context) -> Value | None:
    word = m.group("unit").lower()
    unit = {
        "daily": "day",
        "nightly": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "hourly": "hour",
        "quarterly": "quarter",
    }.get(word, unit_name(word))
    if unit == "quarter":
        return "SET", "P1Q" if word != "quarterly" else "P3M"
    return "SET", duration(1, unit)


def _month_set(m: re.Match, ctx: Context) -> Value | None:
    return "SET", f"XXXX-{month_number(m.group('month')):02d}"


def _holiday(m: re.Match, ctx: Context) -> Value | None:
    name = " ".join(m.group("name").lower().replace("’", "'").split())
    make = HOLIDAYS.get(name)
    if make is None:
        return None
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        return "DATE", make(int(m.group("year"))).isoformat()
    if ctx.dct is None:
        return "DATE", "XXXX-" + make(2001).isoformat()[5:] if name not in (
            "easter",
            "easter sunday",
            "good friday",
            "easter monday",
            "thanksgiving",
            "thanksgiving day",
            "labor day",
            "memorial day",
        ) else "XXXX-XX-XX"
    this_year = make(ctx.dct.year)
    if rel == "last":
        year = ctx.dct.year if this_year < ctx.dct else ctx.dct.year - 1
    elif rel == "next":
        year = ctx.dct.year if this_year > ctx.dct else ctx.dct.year + 1
    else:
        year = year_for_month(ctx.dct, this_year.month, ctx.tense)
    return "DATE", make(year).isoformat()


def _end_of(m: re.Match, ctx: Context) -> Value | None:
    """'the end of the year', 'year-end', 'the end of the month': the period it closes."""
    unit = m.group("unit").lower()
    if unit in ("year", "fiscal year"):
        return "DATE", _year(ctx)
    if ctx.dct is None:
        return "DATE", "XXXX-XX" if unit == "month" else "XXXX-WXX"
    return "DATE", shift_date(ctx.dct, unit, 0)


def _year_relative_month(m: re.Match, ctx: Context) -> Value | None:
    """'earlier this month', 'later this year', 'earlier in the year'."""
    unit = m.group("unit").lower()
    if ctx.dct is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit]
    return "DATE", shift_date(ctx.dct, unit, 0)


def _future(m: re.Match, ctx: Context) -> Value | None:
    return "DATE", "FUTURE_REF"


def _past_ref(m: re.Match, ctx: Context) -> Value | None:
    return "DATE", "PAST_REF"


def _year_ago_adjective(m: re.Match, ctx: Context) -> Value | None:
    """'year-earlier', 'year-ago' used as an adjective: the same period a year before."""
    ref = _reference_quarter(ctx)
    if ref:
        return "DATE", shift_value(ref, "year", -1) or ref
    if ctx.dct is None:
        return "DATE", "XXXX"
    return "DATE", f"{ctx.dct.year - 1:04d}"


def _nth_year_of(m: re.Match, ctx: Context) -> Value | None:
    """'the war enters its fourth year': the current year when the verb is in the present, a year
    the text does not name otherwise."""
    if not parse_ordinal(m.group("ord")):
        return None
    if ctx.dct is not None and ctx.tense in ("present", None):
        return "DATE", f"{ctx.dct.year:04d}"
    return "DATE", "XXXX"


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


_REL_MONTH = r"(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming)"
_DAYW = rf"(?:{DAY}|{ORDINAL})"

RULES: list[Rule] = [
    Rule(
        "weekday-month-day",
        _compile(
            rf"\b{WEEKDAY},?\s+(?:the\s+)?(?P<month>{MONTH})\s*(?P<day>{_DAYW})(?:,?\s+(?P<year>{YEAR}))?"
        ),
        _weekday_month_day,
    ),
    Rule(
        "month-day-year",
        _compile(rf"\b(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})"),
        _full_date,
    ),
    Rule(
        "day-month-year",
        _compile(
            rf"\b(?:the\s+)?(?P<day>{_DAYW})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})"
        ),
        _full_date,
    ),
    Rule(
        "numeric-date",
        _compile(
            r"(?<![\d/.-])(?:(?P<iso>(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d)"
            r"|(?P<us>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})))(?![\d/])"
        ),
        _numeric_date,
    ),
    Rule(
        "month-day",
        _compile(rf"\b(?P<month>{MONTH})\s*(?P<day>{DAY}|{ORDINAL}(?![\s-]+(?:quarter|half)))"),
        _month_day,
    ),
    Rule(
        "day-month",
        _compile(rf"\b(?:the\s+)?(?P<day>{DAY}|{ORDINAL})\s+(?:of\s+)?(?P<month>{MONTH})"),
        _month_day,
    ),
    Rule(
        "month-year",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
            rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})"
        ),
        _month_year_value,
    ),
    Rule(
        "month-relative-year",
        _compile(rf"\b(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        _month_relative_year,
    ),
    Rule(
        "month",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
            rf"(?:{_REL_MONTH}\s+)?(?P<month>{MONTH})"
        ),
        _month,
    ),
    Rule(
        "year",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of"
            rf"|the\s+year)[\s-]+)?(?P<year>{YEAR})(?!\s*[-–/]\s*\d)"
        ),
        _year_value,
    ),
    Rule(
        "spelled-year",
        _compile(
            rf"\b(?:(?:the\s+)?(?:(?P<season>{SEASON})\s+of\s+)?|(?P<month>{MONTH})\s+)?(?:the\s+year\s+)?"
            r"(?P<words>(?:nineteen|eighteen|twenty)[\s-](?:hundred|oh[\s-]\w+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"|two\s+thousand(?:\s+and)?(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]\w+)?))?)\b"
        ),
        _spelled_year,
    ),
    Rule(
        "fiscal-year",
        _compile(
            rf"\b(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*(?:'(?P<short>\d\d)|(?P<year>{YEAR}|\d\d(?=\b)))"
        ),
        lambda m, ctx: (
            _fiscal_year(m, ctx)
            if m.group("year")
            else (
                "DATE",
                f"{2000 + int(m.group('short')) if int(m.group('short')) < 30 else 1900 + int(m.group('short'))}",
            )
        ),
    ),
    Rule(
        "decade",
        _compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<digits>(?:1[0-9]|20)\d0)'?s\b|'(?P<short>\d)0s\b"
            r"|(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
        ),
        _decade,
    ),
    Rule(
        "century",
        _compile(rf"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<ord>{ORDINAL})[\s-]+century\b"),
        _century,
    ),
    Rule(
        "relative-century",
        _compile(r"\b(?:the\s+)?(?P<rel>this|last|next|past|coming)\s+century\b"),
        _relative_century,
    ),
    Rule(
        "season",
        _compile(
            rf"\b(?:(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming)|the|early|late|mid|(?<=\bin\s)|(?<=\bby\s))[\s-]+)?"
            rf"(?:(?:early|late|mid)[\s-]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"
        ),
        _season,
    ),
    Rule(
        "quarter",
        _compile(
            rf"\b(?:the\s+)?(?P<mod>(?:{YEAR}(?:'s)?|(?:this|last|next)\s+year's|year-ago|year-earlier|prior-year|current|comparable|same|fiscal|latest)\s+)?"
            rf"(?:fiscal\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?:(?P<half>half)|quarter)(?![\s-]+(?:of\s+(?:the|a|an|this|that|his|her|its|their)\b|century))"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?"
        ),
        _quarter,
    ),
    Rule(
        "quarter-code",
        _compile(rf"\b(?:Q(?P<q>[1-4])\s*(?P<year>{YEAR})|(?P<year2>{YEAR})\s*Q(?P<q2>[1-4]))\b"),
        lambda m, ctx: (
            "DATE",
            f"{m.group('year') or m.group('year2')}-Q{m.group('q') or m.group('q2')}",
        ),
    ),
    Rule(
        "this-quarter",
        _compile(
            rf"\b(?:(?:the|this|that)\s+)?(?:(?P<year>{YEAR})\s+)?(?P<mod>latest|current|last|past|previous|prior|next|coming|recent|comparable\s+year-ago|year-ago|year-earlier|prior-year|same|comparable|just-ended|just\s+ended)?\s*(?:fiscal\s+)?(?:quarter|period)\b"
            r"(?!\s+(?:of|before|earlier|ago|mile|hour|century))"
        ),
        _this_quarter,
    ),
    Rule(
        "relative-unit",
        _compile(
            r"\b(?:(?:early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(?:the\s+(?=past|last|coming|current))?(?P<rel>this(?:\s+past|\s+coming)?|last|next|past|coming|previous|current)\s+"
            r"(?P<unit>year|month|week|weekend|quarter|decade|fiscal\s+year)\b"
        ),
        _relative_unit,
    ),
    Rule(
        "the-unit",
        _compile(
            r"\bthe\s+(?:full\s+|whole\s+|entire\s+|current\s+)?(?P<unit>year|week|month|fiscal\s+year)\b(?![\s-]+(?:ago|earlier|before|later|after|of\b|and\b|or\b|to\s+date|[-–]|\d))"
        ),
        _the_unit,
    ),
    Rule(
        "in-the-unit",
        _compile(r"\b(?:earlier|later)\s+(?:in\s+)?(?:the|this)\s+(?P<unit>year|month|week)\b"),
        _year_relative_month,
    ),
    Rule("weekend", _compile(r"\bthe\s+weekend\b"), _weekend),
    Rule(
        "week-of",
        _compile(rf"\bthe\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<day>{DAY})"),
        _week_of,
    ),
    Rule(
        "anaphoric-unit",
        _compile(
            r"\b(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior|that|that\s+same|the\s+same|later\s+that|earlier\s+that)\s+"
            r"(?P<unit>year|month|week|day)\b(?!\s+(?:of|ago|earlier|later|before|after)\b|[\s-]+(?:old|long)\b)"
        ),
        _anaphoric_unit,
    ),
    Rule(
        "end-of",
        _compile(
            r"\b(?:(?:by|around|at)\s+)?(?:the\s+)?(?:end|close|turn|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week|fiscal\s+year)\b"
            r"|\b(?P<unit2>year)(?:[\s-]|['’]s\s)end\b"
        ),
        lambda m, ctx: _end_of(_Sub(m, unit=m.group("unit") or m.group("unit2")), ctx),
    ),
    Rule(
        "ago",
        _compile(
            rf"\b{HEDGE}?(?P<n>{AMOUNT})[\s-]+(?:more\s+|full\s+|long\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|from\s+now|hence|before(?=\s*[,.;]|\s+(?:that|then)\b))"
        ),
        _ago,
        anchors=False,
    ),
    Rule(
        "recent-units",
        _compile(
            r"\b(?:the\s+)?(?P<rel>recent|coming|next\s+few|coming\s+few|past\s+few|last\s+few|past\s+several|last\s+several|next\s+several|future)\s+"
            r"(?P<unit>years|months|weeks|days|decades|quarters)\b"
        ),
        _recent,
    ),
    Rule(
        "duration",
        _compile(
            rf"\b{HEDGE}?(?:the\s+)?(?:(?:first|last|past|next|coming|previous|final|following|preceding|remaining|initial|ensuing)\s+)?"
            rf"(?P<n>{AMOUNT}(?:\s*(?:to|or|-|–)\s*(?:{DIGITS}|{WORD_NUMBER}))?)(?:\s+more|\s+additional|\s+full|\s+straight|\s+consecutive|\s+long)?[\s-]+(?P<unit>{UNIT})\b(?P<half>\s+and\s+a\s+half\b)?"
            r"(?:(?:\s+or\s+(?:so|two|three))|[\s-]+(?:long|old))?(?!-)"
        ),
        _duration,
    ),
    Rule(
        "bare-units",
        _compile(
            r"(?<=\bfor\s)(?:many\s+)?(?P<unit>years|months|weeks|decades|centuries)\b"
            r"|(?<=\bwithin\s)(?P<unit2>weeks|months|days|hours)\b"
            r"|\b(?P<unit3>years|decades|months|weeks|centuries)(?=-long\b)"
        ),
        lambda m, ctx: _bare_units(
            _Sub(m, unit=m.group("unit") or m.group("unit2") or m.group("unit3")), ctx
        ),
    ),
    Rule(
        "time",
        _compile(
            rf"\b(?:(?:around|about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before)|before|after)\s+)?(?P<clock>{TIME_OF_DAY})"
            rf"(?:,?\s+(?:on\s+)?(?P<dayref>{WEEKDAY}|today|yesterday|tomorrow|tonight|{MONTH}\s*\d{{1,2}}(?!\d)))?"
        ),
        _time,
    ),
    Rule(
        "day-word",
        _compile(
            rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART_OF_DAY}))?\b"
            r"|\b(?:early|late|earlier|later)\s+(?P<word2>yesterday|today)\b"
        ),
        lambda m, ctx: _day_word(_Sub(m, word=m.group("word") or m.group("word2")), ctx),
    ),
    Rule(
        "part-of-day",
        _compile(
            rf"\b(?:(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)|(?P<part2>mid-?\s?(?:morning|afternoon))(?:\s+(?P<dayref>yesterday|today|{WEEKDAY}))?|(?P<part3>overnight))\b"
        ),
        lambda m, ctx: _this_part_of_day(
            _Sub(
                m, rel=m.group("rel"), part=m.group("part") or m.group("part2") or m.group("part3")
            ),
            ctx,
        ),
    ),
    Rule(
        "weekday",
        _compile(
            rf"\b(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|coming|past|early|late|the\s+previous|the\s+preceding|the\s+following|the\s+next)\s+)?(?P<wd>{WEEKDAY})"
            rf"(?:\s+(?P<part>{PART_OF_DAY}))?\b"
        ),
        _weekday,
    ),
    Rule(
        "weekday-set",
        _compile(
            rf"\b(?:(?:each|every)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?"
            r"|(?P<wd2>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b"
        ),
        lambda m, ctx: _weekday_set(
            _Sub(m, wd=m.group("wd") or m.group("wd2"), part=m.group("part")), ctx
        ),
    ),
    Rule(
        "set",
        _compile(
            r"\b(?:(?:each|every|per)\s+(?P<unit>day|week|month|year|quarter|hour|night|minute)"
            r"|(?P<unit2>daily|weekly|monthly|annually|yearly|hourly|nightly))\b"
            r"|(?<=\d\s)(?:a|an)\s+(?P<unit3>day|week|month|year|hour|night)\b"
            r"|(?:(?<=\btwice\s)|(?<=\bonce\s))(?:a|an)\s+(?P<unit4>day|week|month|year)\b"
        ),
        lambda m, ctx: _set(
            _Sub(
                m, unit=m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")
            ),
            ctx,
        ),
    ),
    Rule("month-set", _compile(rf"\b(?:each|every)\s+(?P<month>{MONTH})"), _month_set),
    Rule(
        "holiday",
        _compile(
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>christmas(?:\s+day|\s+eve)?|new\s+year['’]s\s+(?:day|eve)|boxing\s+day|halloween"
            r"|valentine['’]s\s+day|independence\s+day|easter(?:\s+sunday|\s+monday)?|good\s+friday|thanksgiving(?:\s+day)?"
            rf"|labor\s+day|memorial\s+day)(?:,?\s+(?P<year>{YEAR}))?\b"
        ),
        _holiday,
    ),
    Rule(
        "present-ref",
        _compile(
            r"\b(?:now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|presently|at\s+this\s+time|right\s+now)\b(?![\s-]+(?:that|defunct)\b)"
        ),
        _reference("PRESENT_REF"),
    ),
    Rule(
        "past-ref",
        _compile(
            r"\b(?:recently|lately|(?<=\bin\s)the\s+past|(?<=\bin\s)recent\s+times|more\s+recently)\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade))"
        ),
        _past_ref,
    ),
    Rule(
        "future-ref",
        _compile(
            r"\bthe\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future\b"
            r"|\b(?:the\s+)?(?:near|short|long|medium)[\s-]term\b(?!\s+\w)"
            r"|\ba\s+later\s+date\b|\bsoon\b(?=\s*[,.;])"
        ),
        _future,
    ),
    Rule(
        "year-ago-adjective",
        _compile(
            r"\b(?:a\s+)?year[\s-](?:ago|earlier)(?=\s+[a-z])(?!\s+(?:than|to|in|on|at|for|when|by|and|the|a|,))"
        ),
        _year_ago_adjective,
        anchors=False,
    ),
    Rule(
        "nth-year",
        _compile(
            rf"\b(?:its|their|his|her|the|a)\s+(?P<ord>{ORDINAL})\s+(?:straight\s+|consecutive\s+|full\s+)?year\b(?!\s+of\b)"
        ),
        _nth_year_of,
    ),
]


class _Sub:
    """A match with some groups renamed, so that alternative branches share one handler."""

    def __init__(self, match: re.Match, **groups: str | None) -> None:
        self._match = match
        self._groups = groups

    def group(self, name: str | int = 0) -> str | None:
        if isinstance(name, str) and name in self._groups:
            return self._groups[name]
        return self._match.group(name)

    def groupdict(self) -> dict[str, str | None]:
        return {**self._match.groupdict(), **self._groups}


# 'shift_month' is re-exported for the timeline's sorting helpers.
__all__ = ["RULES", "Context", "Rule", "duration", "shift_month"]
