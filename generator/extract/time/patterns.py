"""Regex pieces and unit arithmetic of the time-expression grammar, and the context a
normaliser sees."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from generator.extract.numbers import DIGITS, WORD_NUMBER, parse_number
from generator.model import TimexType


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
    near: bool = False
    """Whether `reference` was mentioned close before (same paragraph, a sentence or two): then
    it governs a bare clock time or day name in the narrative."""


Value = tuple[TimexType, str]
"""A TIMEX3 type and value: ("DATE", "2025-12-03")."""


class Groups(Protocol):
    """What a rule's handler reads of its match: the groups (of a `re.Match`, or of a match with
    some groups renamed, `rules._Sub`)."""

    def group(self, name: str | int, /) -> str | Any: ...

    def groupdict(self) -> dict[str, str | Any]: ...


Handler = Callable[[Groups, Context], Value | None]


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
    r"(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-z])"
    r"|(?<![\d.,$€£])\d{1,2}(?::\d{2})?(?:\s+o'clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"
    r"|\d{1,2}:\d{2}(?![\d])"
    r"|noon|midnight|midday|\d{1,2}\s+o'clock|[012]\d[0-5]\d(?=\s*(?:GMT|UTC|Z\b)))"
    r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local\s+time|Z\b))?)"
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
