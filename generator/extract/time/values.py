"""Normalisers of the time-expression grammar: from a match and its context to a TIMEX3 value.

Values follow the TimeML/TimeBank conventions that HeidelTime and SUTime implement:
underspecified parts are `X`, vague references are PRESENT_REF / PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.extract.numbers import parse_ordinal, parse_spelled_year
from generator.extract.time.calendar import (
    HOLIDAYS,
    PARTS_OF_DAY,
    SEASONS,
    iso_week,
    month_number,
    quarter_of,
    shift_date,
    shift_quarter,
    shift_value,
    weekday_date,
    weekday_number,
    year_for_month,
    year_for_quarter,
)
from generator.extract.time.patterns import (
    DAY,
    MONTH,
    WEEKDAY,
    Context,
    Groups,
    Handler,
    Value,
    amount_value,
    duration,
    unit_name,
)


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


def _number(pattern: str, text: str, anywhere: bool = False) -> int:
    """The number `pattern` matches at the start of `text` (or `anywhere` in it); the rule that
    matched the expression guarantees it is there."""
    found = (re.search if anywhere else re.match)(pattern, text)
    if found is None:
        raise ValueError(f"no number {pattern!r} in {text!r}")
    return int(found.group(0))


def _day_number(text: str) -> int | None:
    return parse_ordinal(text) if not text[:1].isdigit() else _number(r"\d+", text)


def _month_year(month: int, ctx: Context, day: int = 15) -> int | None:
    """The year of a month and day named without one, from the tense and the article date."""
    return year_for_month(ctx.dct, month, ctx.tense, day) if ctx.dct else None


def full_date(m: Groups, ctx: Context) -> Value | None:
    day = _day_number(m.group("day"))
    if day is None:
        return None
    value = _day_value(int(m.group("year")), month_number(m.group("month")), day)
    return ("DATE", value) if value else None


def month_day(m: Groups, ctx: Context) -> Value | None:
    day = _day_number(m.group("day"))
    if day is None:
        return None
    month = month_number(m.group("month"))
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    if rel and ctx.dct is not None:
        # 'last Oct. 23': the latest such day before the article date; 'next' the first after
        ahead = rel in ("next", "this coming")
        this_year = _day_value(ctx.dct.year, month, day)
        if this_year is None:
            return None
        later = this_year > ctx.dct.isoformat()
        year = ctx.dct.year + (1 if ahead and not later else -1 if not ahead and later else 0)
        value = _day_value(year, month, day)
    else:
        value = _day_value(_month_year(month, ctx, min(day, 31)), month, day)
    return ("DATE", value) if value else None


COORDINATED_BEFORE = re.compile(rf"\b{MONTH}\s*{DAY}\s+(?:and|or|&)\s*$")
"""A month and day just before 'and': 'on May 14 and 15' names the month of both days."""


def coordinated_day(m: Groups, ctx: Context) -> Value | None:
    """The second of two coordinated days, 'May 14 and 15': the month of the first."""
    if not COORDINATED_BEFORE.search(ctx.before):
        return None
    ref = re.fullmatch(r"(\d{4})-(\d{2})-\d{2}", ctx.reference or "")
    day = _day_number(m.group("day"))
    if ref is None or day is None:
        return None
    value = _day_value(int(ref.group(1)), int(ref.group(2)), day)
    return ("DATE", value) if value else None


def weekday_month_day(m: Groups, ctx: Context) -> Value | None:
    if m.group("year"):
        return full_date(m, ctx)
    return month_day(m, ctx)


def numeric_date(m: Groups, ctx: Context) -> Value | None:
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


def month_year_value(m: Groups, ctx: Context) -> Value | None:
    return "DATE", f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}"


def month_relative_year(m: Groups, ctx: Context) -> Value | None:
    month = month_number(m.group("month"))
    delta = {"this": 0, "last": -1, "next": 1, "past": -1}[m.group("rel").lower()]
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{ctx.dct.year + delta:04d}-{month:02d}"


def month(m: Groups, ctx: Context) -> Value | None:
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


def year_value(m: Groups, ctx: Context) -> Value | None:
    return "DATE", f"{int(m.group('year')):04d}"


def spelled_year(m: Groups, ctx: Context) -> Value | None:
    year = parse_spelled_year(m.group("words"))
    if year is None:
        return None
    if m.group("month"):
        return "DATE", f"{year:04d}-{month_number(m.group('month')):02d}"
    if m.group("season"):
        return "DATE", f"{year:04d}-{SEASONS[m.group('season').lower()]}"
    return "DATE", f"{year:04d}"


def decade(m: Groups, ctx: Context) -> Value | None:
    if m.group("digits"):
        if re.fullmatch(r"1\d00", m.group("digits")[:4]):
            # 'the 1800s', 'the 1900s': the century whose years start so (the decade's own name
            # is 'the first decade of the 1900s' or 'the aughts'); 'the 2000s' stays ambiguous
            return "DATE", m.group("digits")[:2]
        return "DATE", m.group("digits")[:3]
    if m.group("short"):
        # "the '80s": the latest such decade that has begun by the article date
        if ctx.dct is None:
            century = 19
        else:
            century = ctx.dct.year // 100 - (int(m.group("short")) * 10 > ctx.dct.year % 100)
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


def century(m: Groups, ctx: Context) -> Value | None:
    n = parse_ordinal(m.group("ord"))
    return ("DATE", f"{n - 1:02d}") if n and 1 <= n <= 30 else None


def relative_century(m: Groups, ctx: Context) -> Value | None:
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


def season(m: Groups, ctx: Context) -> Value | None:
    code = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}-{code}"
    rel = " ".join((m.group("rel") or "").lower().split())
    ofrel = (m.groupdict().get("ofrel") or "").lower()
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    if ofrel:
        # 'the spring of last year': the season of the year named
        delta = {"last": -1, "next": 1}.get(ofrel, 0)
        return "DATE", f"{ctx.dct.year + delta:04d}-{code}"
    if rel == "this" and code != "WI":
        # 'this summer': the summer of the article's year, whatever the tense (a winter spans
        # two years, so 'this winter' is left to the tense)
        return "DATE", f"{ctx.dct.year:04d}-{code}"
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
    return QUARTER_WORDS.get(low) or _number(r"\d", low)


def quarter(m: Groups, ctx: Context) -> Value | None:
    q = _quarter_number(m.group("q"))
    mod = " ".join((m.group("mod") or "").lower().split())
    if m.groupdict().get("ofrel"):
        # 'the first quarter of last year'; 'of the year' is the year 'the year' names
        ofrel = m.group("ofrel").lower().replace("the", "this")
        mod = f"{mod} {ofrel} year".strip()
    if m.group("half"):
        q = min(q, 2)
        if m.group("year"):
            return "DATE", f"{int(m.group('year')):04d}-H{q}"
        if ctx.dct is None:
            return "DATE", f"XXXX-H{q}"
        if "year" in mod:
            delta = -1 if "last" in mod else 1 if "next" in mod else 0
            return "DATE", f"{ctx.dct.year + delta:04d}-H{q}"
        half_now = 1 if ctx.dct.month <= 6 else 2
        half_year = ctx.dct.year - (1 if q > half_now and ctx.tense != "future" else 0)
        return "DATE", f"{half_year:04d}-H{q}"
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif re.search(r"\d{4}", mod):
        year = _number(r"\d{4}", mod, anywhere=True)
    elif ctx.dct is None:
        year = None
    elif "next year" in mod:
        year = ctx.dct.year + 1
    elif "last year" in mod:
        year = ctx.dct.year - 1
    elif "year-ago" in mod or "year-earlier" in mod or "prior-year" in mod:
        year = year_for_quarter(ctx.dct, q, ctx.tense) - 1
    elif "this year" in mod or "current" in mod:
        year = ctx.dct.year
    else:
        year = year_for_quarter(ctx.dct, q, ctx.tense)
    return "DATE", f"{year:04d}-Q{q}" if year is not None else f"XXXX-Q{q}"


def two_quarters(m: Groups, ctx: Context) -> Value | None:
    """'the first two quarters of 1987': a half year."""
    half = 1 if m.group("which").lower() == "first" else 2
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}-H{half}"
    if ctx.dct is None:
        return "DATE", f"XXXX-H{half}"
    ahead = half == 2 and ctx.dct.month <= 6 and ctx.tense != "future"
    return "DATE", f"{ctx.dct.year - ahead:04d}-H{half}"


def _reference_quarter(ctx: Context) -> str | None:
    return ctx.quarter


QUARTER_ENDED = re.compile(
    rf"\s*(?P<verb>ended|ending|that\s+ended|which\s+ended)\s+(?P<month>{MONTH})\s*(?P<day>{DAY})?"
    r"(?:,?\s+(?P<year>(?:1[0-9]|20)\d\d)\b)?"
)
"""'the quarter ended Sept. 30': the period is named by its last day."""


def _quarter_ended(ctx: Context) -> str | None:
    """The calendar quarter holding most of the three months that end on the date after 'the
    quarter ended' (a fiscal quarter ended July 31 is mostly the second calendar quarter)."""
    found = QUARTER_ENDED.match(ctx.after)
    if found is None:
        return None
    month = month_number(found.group("month"))
    day = int(re.sub(r"\D", "", found.group("day") or "") or 28)
    if found.group("year"):
        year = int(found.group("year"))
    elif ctx.dct is not None:
        tense = "past" if "ended" in found.group("verb") else ctx.tense
        year = year_for_month(ctx.dct, month, tense, day)
    else:
        return None
    if day < 15:  # '... ended Oct. 1': the quarter before the month
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    year, middle = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-Q{(middle - 1) // 3 + 1}"


def this_quarter(m: Groups, ctx: Context) -> Value | None:
    """'the quarter', 'the latest quarter', 'this quarter': the quarter under discussion, or the
    one named by its last day ('the quarter ended Sept. 30')."""
    mod = " ".join((m.group("mod") or "").lower().split())
    ref = _reference_quarter(ctx)
    if mod in ("this", "current") and ctx.dct is not None:
        return "DATE", shift_quarter(ctx.dct.year, quarter_of(ctx.dct), 0)
    if mod in ("", "latest", "just-ended", "just ended") and not m.group("year") and not ref:
        ended = _quarter_ended(ctx)
        if ended is not None:
            return "DATE", ended
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


def fiscal_year(m: Groups, ctx: Context) -> Value | None:
    year = int(m.group("year"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    return "DATE", f"{year:04d}"


UNDATED_UNIT = {
    "year": "XXXX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "day": "XXXX-XX-XX",
    "quarter": "XXXX-QX",
    "decade": "XXX",
    "century": "XX",
}
"""The value of 'this/last/the same <unit>' when the article has no date to count from."""

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


def relative_unit(m: Groups, ctx: Context) -> Value | None:
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
        return "DATE", UNDATED_UNIT[unit]
    year = re.match(r"\d{4}", ctx.reference or "")
    if (
        unit == "decade"
        and delta != 0
        and ctx.tense == "past"
        and year is not None
        and int(year.group()) // 10 < ctx.dct.year // 10
    ):
        # 'In 1898 a chemist found the gas. Over the next decade, inventors built lamps': a
        # past narrative counts its decades from its own date, not from the article's
        return "DATE", shift_date(dt.date(int(year.group()), 1, 1), unit, delta)
    edge = (m.groupdict().get("edge") or "").lower()
    if unit == "year" and delta == 0 and edge == "later":
        return "DATE", _rest_of_year(ctx.dct)
    return "DATE", shift_date(ctx.dct, unit, delta)


def _rest_of_year(dct: dt.date) -> str:
    """'later this year': the rest of the year after the article date, named by the month or the
    quarter that holds it when one does, else the year ('later this year' said in November lies
    in the fourth quarter; said in May, it is just the year). 'Earlier this year' keeps the year:
    said in the first days of January it often means the year just ended (an article written in
    December), and a narrower value would only be more precisely wrong."""
    if dct.month == 12:
        return f"{dct.year:04d}-12"
    if dct.month >= 10:
        return f"{dct.year:04d}-Q4"
    return f"{dct.year:04d}"


def the_unit(m: Groups, ctx: Context) -> Value | None:
    """'the year', 'the week', 'the month': the current one, or one whole unit after 'for'."""
    unit = m.group("unit").lower().split()[-1]
    if re.search(r"(?:\bover|\bthroughout)\s*$", ctx.before) or re.match(
        r"\s*(?:ended|ending)\b", ctx.after
    ):
        return "DURATION", duration(1, unit)
    if ctx.dct is None:
        return "DATE", UNDATED_UNIT[unit]
    return "DATE", shift_date(ctx.dct, unit, 0)


def week_of(m: Groups, ctx: Context) -> Value | None:
    found = month_day(m, ctx)
    if found is None or found[1].startswith("X"):
        return ("DATE", "XXXX-WXX") if found else None
    return "DATE", iso_week(dt.date.fromisoformat(found[1]))


def weekend(m: Groups, ctx: Context) -> Value | None:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    day = ctx.dct
    if ctx.tense == "past" and day.weekday() < 5:
        day -= dt.timedelta(weeks=1)
    return "DATE", iso_week(day) + "-WE"


def anaphoric_unit(m: Groups, ctx: Context) -> Value | None:
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
        if ctx.dct is None or rel in ("that", "that same", "later that", "earlier that"):
            return "DATE", UNDATED_UNIT[unit]  # 'that day' points back to a date the text lacks
        return "DATE", shift_date(ctx.dct, unit, delta)
    return "DATE", shift_date(anchor, unit, delta)


def anaphoric_part(m: Groups, ctx: Context) -> Value | None:
    """'the following morning', 'the previous evening': a part of the day after or before the
    day the narrative is on."""
    step = -1 if m.group("rel").lower() == "previous" else 1
    part = PARTS_OF_DAY[m.group("part").lower()]
    anchor = _anchor_for(ctx, "day")
    if anchor is None:
        return "TIME", f"XXXX-XX-XXT{part}"
    return "TIME", f"{(anchor + dt.timedelta(days=step)).isoformat()}T{part}"


def same_unit_year_ago(m: Groups, ctx: Context) -> Value | None:
    """'the same month a year ago', 'the same quarter last year': the period under discussion
    (or the current one), a year before."""
    unit = m.group("unit").lower()
    near_quarter = (
        ctx.reference if ctx.near and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference or "") else None
    )  # 'the fourth quarter of 2023. In the same period a year earlier'
    if unit == "period":
        unit = "quarter" if ctx.quarter or near_quarter else "month"
    base: str | None = None
    if unit == "quarter":
        base = (
            ctx.quarter
            or near_quarter
            or (shift_quarter(ctx.dct.year, quarter_of(ctx.dct), 0) if ctx.dct else None)
        )
    elif ctx.reference and ctx.near:
        base = shift_value(ctx.reference[:7], "month", 0) if unit == "month" else None
    if base is None and ctx.dct is not None:
        base = shift_date(ctx.dct, unit, 0)
    if base is None:
        return "DATE", UNDATED_UNIT.get(unit, "XXXX")
    return "DATE", shift_value(base, "year", -1) or base


def day_after_holiday(m: Groups, ctx: Context) -> Value | None:
    """'the day after Easter', 'the day before Thanksgiving'."""
    found = holiday(m, ctx)
    if found is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found[1]):
        return ("DATE", "XXXX-XX-XX") if found else None
    step = 1 if m.group("dir").lower() == "after" else -1
    return "DATE", (dt.date.fromisoformat(found[1]) + dt.timedelta(days=step)).isoformat()


def day_after_date(m: Groups, ctx: Context) -> Value | None:
    """'the day before last Tuesday', 'the day after Nov. 3': one day off the day named, which
    TimeML takes with its offset as one expression."""
    named = m.group("day")
    rel = " ".join((m.group("rel") or "").lower().split())
    if rel and ctx.dct is not None:
        ahead = rel in ("next", "this coming")
        start = ctx.dct + dt.timedelta(days=1 if ahead else -1)
        day = weekday_date(start, weekday_number(named), "future" if ahead else "past")
        base: str | None = day.isoformat()
    else:
        base = _day_reference(named, ctx)
    if base is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", base):
        return "DATE", "XXXX-XX-XX"
    step = 1 if m.group("dir").lower() == "after" else -1
    return "DATE", (dt.date.fromisoformat(base) + dt.timedelta(days=step)).isoformat()


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


def ago(m: Groups, ctx: Context) -> Value | None:
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


MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|must|'ll)\s+$")
"""A modal just before 'one day' ('will one day be'): the adverb 'someday', not a length."""


def duration_value(m: Groups, ctx: Context) -> Value | None:
    unit = unit_name(m.group("unit"))
    n = amount_value(m.group("n"))
    if unit == "day" and m.group(0).lower() == "one day" and MODAL_BEFORE.search(ctx.before):
        return "DATE", "FUTURE_REF"
    if n is not None and m.group("half"):
        n += 0.5  # 'a minute and a half'
    return "DURATION", duration(n, unit)


def bare_units(m: Groups, ctx: Context) -> Value | None:
    return "DURATION", duration(None, unit_name(m.group("unit")))


def recent(m: Groups, ctx: Context) -> Value | None:
    unit = unit_name(m.group("unit"))
    rel = m.group("rel").lower()
    if rel == "future":
        return "DATE", "FUTURE_REF"
    if rel == "recent" and unit in ("year", "day"):
        return "DATE", "PAST_REF"
    return "DURATION", duration(None, unit)


def reference(value: str) -> Handler:
    return lambda m, ctx: ("DATE", value)


GENERIC_AGE = re.compile(
    r"['’]s\s+(?:world|youth|society|generations?|children|kids|teenagers|young)\b"
)
"""'today's society', 'today's teenagers': the present age, no day."""
NOUN_OF = re.compile(
    r"\bthe\s+(?!(?:end|rest|start|beginning|close|middle|morning|afternoon|evening|night)\s)\w+\s+of\s+$"
)
"""'the builders of tomorrow': 'of today' or 'of tomorrow' after a noun names an age, no day."""


def day_word(m: Groups, ctx: Context) -> Value | None:
    """today, yesterday, tomorrow, with an optional part of the day ('yesterday morning')."""
    word = m.group("word").lower()
    if word in ("today", "tomorrow") and not m.group("part"):
        if GENERIC_AGE.match(ctx.after) or NOUN_OF.search(ctx.before):
            return None
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


def this_part_of_day(m: Groups, ctx: Context) -> Value | None:
    """'this morning', 'last night', 'mid-afternoon'."""
    rel = (m.group("rel") or "this").lower()
    part = m.group("part").lower().replace("mid-", "").replace("mid", "").strip()
    offset = -1 if rel == "last" else 0
    base = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    if m.groupdict().get("dayref"):
        base = _day_reference(m.group("dayref"), ctx) or base
    return "TIME", f"{base}T{PARTS_OF_DAY[part]}"


AHEAD_BEFORE = re.compile(r"\bas\s+(?:soon|early)\s+as\s*$")
"""'as soon as Tuesday', 'as early as Monday': the earliest time something may happen, ahead."""


def weekday(m: Groups, ctx: Context) -> Value | None:
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
            if re.search(r"\b(?:by|until|till)\s*$", ctx.before) and tense != "past":
                tense = "future"  # 'by Thursday morning' looks ahead
            if AHEAD_BEFORE.search(ctx.before):
                tense = "future"
            day = weekday_date(ctx.dct, weekday, tense)
        base = day.isoformat()
    if part:
        return "TIME", f"{base}T{PARTS_OF_DAY[part]}"
    return "DATE", base


def weekday_set(m: Groups, ctx: Context) -> Value | None:
    weekday = weekday_number(m.group("wd"))
    part = (m.group("part") or "").lower()
    suffix = f"T{PARTS_OF_DAY[part]}" if part else ""
    return "SET", f"XXXX-WXX-{weekday + 1}{suffix}"


def _clock(text: str) -> str | None:
    """HH:MM of a clock time: '10 p.m.' → 22:00, 'noon' → 12:00, '1451 GMT' → 14:51Z (a time
    in UTC keeps its zone, as TIMEX3 writes it)."""
    low = text.lower()
    zone = "Z" if re.search(r"\b(?:gmt|utc|z)\s*$", low) else ""
    military = re.match(r"([012]\d)([0-5]\d)\b", low)
    if military:
        hour = int(military.group(1))
        return f"{hour:02d}:{military.group(2)}{zone}" if hour <= 24 else None
    clock = _clock_words(low)
    return clock + zone if clock else None


def _clock_words(low: str) -> str | None:
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
    if hour < 12 and re.search(r"(?:afternoon|evening)$", low):
        hour += 12  # '4 in the afternoon'
    if 6 <= hour < 12 and low.endswith("at night"):
        hour += 12  # '10 at night'; '2 at night' is early in the morning
    if m.group(3) and m.group(3).startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def time(m: Groups, ctx: Context) -> Value | None:
    clock = _clock(m.group("clock"))
    if clock is None:
        return None
    day = m.groupdict().get("dayref")
    if day:
        base = _day_reference(day, ctx)
        if base is None:
            return None
    elif (
        ctx.near
        and ctx.tense == "past"
        and ctx.reference
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.reference)
    ):
        base = ctx.reference  # 'On Aug. 9 ... At 6:30 a.m.': the day the narrative is on
    elif named := DAY_AFTER_CLOCK.match(ctx.after):
        # '11:20 a.m. (0820 GMT) Friday'
        base = _day_reference(named.group("day") or named.group("inner"), ctx) or "XXXX-XX-XX"
    else:
        base = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{base}T{clock}"


DAY_AFTER_CLOCK = re.compile(
    rf"\s*(?:\([^()]{{1,24}}\)\s*)?,?\s*(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)\b"
    rf"|\s*\([^()]{{1,24}}?\s(?P<inner>{WEEKDAY}|today|tomorrow)\s*\)"
)
"""A day named right after a clock time, past a bracketed conversion ('11:20 a.m. (0820 GMT)
Friday'), or at the end of the conversion ('at 5 in the morning (5 a.m. CET Friday)'): the
day of that time."""


def _day_reference(text: str, ctx: Context) -> str | None:
    """The day named by 'Wednesday', 'yesterday', 'Nov. 9' in a compound time expression."""
    low = " ".join(text.lower().split())
    following = re.fullmatch(
        r"the (following|next|previous) (day|morning|afternoon|evening|night)", low
    )
    if following:
        anchor = _anchor_for(ctx, "day") if ctx.near else None
        if anchor is None:
            return "XXXX-XX-XX"
        step = -1 if following.group(1) == "previous" else 1
        return (anchor + dt.timedelta(days=step)).isoformat()
    dated = re.fullmatch(rf"{WEEKDAY},?\s+({MONTH}\s*{DAY})", low)
    if dated:
        low = dated.group(1)
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
        return _day_value(_month_year(month, ctx), month, _number(r"\d+", md.group(2)))
    return None


def set(m: Groups, ctx: Context) -> Value | None:
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


def month_set(m: Groups, ctx: Context) -> Value | None:
    return "SET", f"XXXX-{month_number(m.group('month')):02d}"


def holiday(m: Groups, ctx: Context) -> Value | None:
    """'Christmas Day', 'last Thanksgiving', 'Easter 2024', 'Easter week' (the ISO week of the
    feast)."""
    name = " ".join(m.group("name").lower().replace("’", "'").split())
    make = HOLIDAYS.get(name)
    if make is None:
        return None
    rel = (m.group("rel") or "").lower()
    week = m.groupdict().get("week")
    if m.group("year"):
        day = make(int(m.group("year")))
        return "DATE", iso_week(day) if week else day.isoformat()
    if ctx.dct is None:
        if week:
            return "DATE", "XXXX-WXX"
        fixed = make(2001).isoformat()[5:] == make(2002).isoformat()[5:]
        return "DATE", "XXXX-" + make(2001).isoformat()[5:] if fixed else "XXXX-XX-XX"
    this_year = make(ctx.dct.year)
    if rel == "last":
        year = ctx.dct.year if this_year < ctx.dct else ctx.dct.year - 1
    elif rel == "next":
        year = ctx.dct.year if this_year > ctx.dct else ctx.dct.year + 1
    else:
        year = year_for_month(ctx.dct, this_year.month, ctx.tense, this_year.day)
    if week:
        return "DATE", iso_week(make(year))  # 'Easter week': the week the feast falls in
    return "DATE", make(year).isoformat()


def end_of(m: Groups, ctx: Context) -> Value | None:
    """'the end of the year', 'year-end', 'the end of the month': the period it closes."""
    unit = m.group("unit").lower()
    if unit in ("year", "fiscal year"):
        return "DATE", _year(ctx)
    if ctx.dct is None:
        return "DATE", "XXXX-XX" if unit == "month" else "XXXX-WXX"
    return "DATE", shift_date(ctx.dct, unit, 0)


def year_relative_month(m: Groups, ctx: Context) -> Value | None:
    """'earlier this month', 'later this year', 'earlier in the year'."""
    unit = m.group("unit").lower()
    if ctx.dct is None:
        return "DATE", UNDATED_UNIT[unit]
    return "DATE", shift_date(ctx.dct, unit, 0)


def future(m: Groups, ctx: Context) -> Value | None:
    return "DATE", "FUTURE_REF"


def past_ref(m: Groups, ctx: Context) -> Value | None:
    return "DATE", "PAST_REF"


def year_ago_adjective(m: Groups, ctx: Context) -> Value | None:
    """'year-earlier', 'year-ago' used as an adjective: the same period a year before."""
    ref = _reference_quarter(ctx)
    if ref:
        return "DATE", shift_value(ref, "year", -1) or ref
    if ctx.dct is None:
        return "DATE", "XXXX"
    return "DATE", f"{ctx.dct.year - 1:04d}"


def nth_year_of(m: Groups, ctx: Context) -> Value | None:
    """'the drought enters its third year': the current year when the verb is in the present, a year
    the text does not name otherwise."""
    if not parse_ordinal(m.group("ord")):
        return None
    if ctx.dct is not None and ctx.tense in ("present", None):
        return "DATE", f"{ctx.dct.year:04d}"
    return "DATE", "XXXX"


def nth_day_of(m: Groups, ctx: Context) -> Value | None:
    """'the strike enters its third day', 'it is the sixth day of the talks': the article's day
    when the verb is in the present and the day is the present one (an owner's ordinal day, or
    after 'it is', 'today is'); otherwise a day the text does not name, left out."""
    if not parse_ordinal(m.group("ord")):
        return None
    owner = m.group(0).split()[0].lower() in ("its", "their", "his", "her")
    if ctx.dct is not None and ctx.tense == "present" and (owner or TODAY_IS.search(ctx.before)):
        return "DATE", ctx.dct.isoformat()
    return None


TODAY_IS = re.compile(r"\b(?:it|today|this)\s*(?:['’]s|\s+is)\s+(?:now\s+)?$")
"""'It is the third day', 'today is the fifth day': the day is the present one. ('Monday is the
first day of school' names another day.)"""
