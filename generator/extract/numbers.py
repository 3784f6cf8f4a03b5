"""Numbers written in words or digits: shared by the time-expression and figure extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
NUMBER_WORDS = {**UNITS, **TENS, "hundred": 100, "dozen": 12}
"""Words that name a number on their own."""

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
"""Ordinal words up to 'thirtieth'; compounds ('twenty-first') are built from TENS + these."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SIMPLE = (
    rf"(?:(?:{_alternation(TENS)})(?:[- ](?:{_alternation([u for u in UNITS if UNITS[u] < 10])}))?"
    rf"|{_alternation(UNITS)})"
)
WORD_NUMBER = (
    rf"(?:(?:{_SIMPLE}|a|one)(?:[ -](?:{_alternation(MULTIPLIERS)}|dozen)(?:[ -](?:and[ -])?{_SIMPLE}(?![ -]and\b))?)+"
    rf"|{_SIMPLE})"
)
"""Regex for a number in words: 'four', 'twenty-four', 'two hundred and fifty', 'a hundred';
'and' only joins the parts of one number ('three and seven' are two)."""

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
"""Regex for a number in digits: '7', '1,200', '3.5'."""

_DIGITS = re.compile(DIGITS)

ORDINAL = (
    rf"(?:(?:{_alternation(TENS)})[- ](?:{_alternation(ORDINAL_WORDS)})"
    rf"|{_alternation(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))"
)
"""Regex for an ordinal: 'third', 'twenty-first', '21st'."""


def parse_words(text: str) -> float | None:
    """The value of a number in words: 'twenty four' → 24, 'two hundred and five' → 205."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word in ("a", "an") and not seen:
            current, seen = 1, True
        elif word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
            seen = True
        elif word == "dozen":
            current = (current or 1) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of a number in digits or words, with a simple fraction: '1,200', '2 1/2', 'five'."""
    cleaned = text.strip().lower()
    match = re.fullmatch(r"(\d+)?\s*(\d+)/(\d+)", cleaned) if "/" in cleaned else None
    if match:
        whole = float(match.group(1) or 0)
        return (
            whole + float(match.group(2)) / float(match.group(3)) if match.group(3) != "0" else None
        )
    if _DIGITS.fullmatch(cleaned):
        return float(cleaned.replace(",", ""))
    return parse_words(cleaned)


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal: 'third' → 3, 'twenty-first' → 21, '21st' → 21."""
    low = text.lower().strip()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[\s-]+", low)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return TENS[parts[0]] + ORDINAL_WORDS[parts[1]]
    return ORDINAL_WORDS.get(low)


def parse_spelled_year(text: str) -> int | None:
    """A year said in words: 'nineteen ninety-six' → 1996, 'two thousand (and) three' → 2003."""
    low = re.sub(r"[\s-]+", " ", text.lower().strip())
    match = re.fullmatch(
        r"(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty) (.+)",
        low,
    )
    if match and not match.group(2).startswith(("hundred", "thousand")):
        rest = parse_words(match.group(2).replace("oh ", ""))
        if rest is not None and 0 < rest < 100:
            return (UNITS.get(match.group(1)) or TENS[match.group(1)]) * 100 + int(rest)
    value = parse_words(low)
    if value is not None and 1000 <= value <= 2100 and "thousand" in low:
        return int(value)
    return None
