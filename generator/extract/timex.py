"""Temporal expressions: found in the text and normalised to TIMEX3 values against the article date."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from ..model import TimeExpression
from .common import doc_text
from .figures import NUMBER_WORDS

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|a|an|several|few|couple of)"
)

PATTERNS = [
    # Explicit calendar dates first: they are the least ambiguous.
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+\d{{4}}\b",
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
    rf"\b(?:early|mid|late)?-?\s?{_MONTH},?\s+\d{{4}}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|month|week|\d{4})\b",
    r"\b(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter(?:\s+of\s+\d{4})?\b",
    r"\b[Qq][1-4]\s+\d{4}\b",
    r"\b(?:fiscal|financial)\s+(?:year\s+)?\d{4}\b",
    r"\b(?:the\s+)?(?:19|20)\d0s\b",
    r"\b(?:earlier|later)\s+this\s+(?:year|month|week)\b",
    r"\b(?:this|last|next|past|coming)\s+(?:year|month|week|weekend|spring|summer|autumn|fall|winter|quarter)\b",
    r"\b(?:the\s+)?(?:next|previous|following)\s+(?:year|month|week|day)\b",
    r"\b(?:in\s+)?recent\s+(?:years|months|weeks|days)\b",
    rf"\b{_NUMW}\s+(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|later)\b",
    rf"\b(?:the\s+)?(?:past|last|next|coming)\s+{_NUMW}\s+(?:years|months|weeks|days|decades)\b",
    rf"\b{_NUMW}[- ](?:years?|months?|weeks?|days?|decades?|hours?|minutes?)(?:[- ]long|[- ]old)?\b",
    r"\b(?:today|yesterday|tomorrow|tonight)\b",
    r"\b(?:now|currently|nowadays)\b",
    r"\b(?:in\s+the\s+)?(?:future|past)\b",
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
    r"\b(?:each|every)\s+(?:day|week|month|year|quarter)\b",
    r"\b(?:daily|weekly|monthly|annually|yearly)\b",
    r"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{4}\b",
    r"\b(?:in\s+)?(?:19|20)\d\d\b",
    r"\b(?:its|their|his|her|the)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+year\b",
]
TIMEX_RE = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.I)
STRIP_LEAD = re.compile(r"^(?:on|in|the|of)\s+", re.I)


def extract_temporal_expressions(doc: Doc, anchor: str | None) -> list[TimeExpression]:
    """Every time expression with its TIMEX3 type and value; `anchor` is the article date or None."""
    dct = dt.date.fromisoformat(anchor) if anchor else None
    found: list[tuple[int, int]] = []
    for match in TIMEX_RE.finditer(doc_text(doc)):
        start, end = match.span()
        text = match.group(0)
        lead = STRIP_LEAD.match(text)
        while lead and not re.match(
            r"(?i)the\s+(?:next|previous|following|end|first|second|third|fourth|last|past|(?:19|20)\d0s)",
            text,
        ):
            start += lead.end()
            text = doc_text(doc)[start:end]
            lead = STRIP_LEAD.match(text)
        if start < end and not any(a < end and start < b for a, b in found):
            found.append((start, end))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and not any(
            a < ent.end_char and ent.start_char < b for a, b in found
        ):
            found.append((ent.start_char, ent.end_char))
    result = []
    for start, end in sorted(found):
        text = doc_text(doc)[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        if _is_not_time(text, span):
            continue
        kind, value = normalise(text, dct, _tense(span) if span is not None else None)
        if value is None:
            continue
        result.append(TimeExpression(text=text, start=start, end=end, type=kind, value=value))
    return result


def _is_not_time(text: str, span: Span | None) -> bool:
    """Numbers that look like years but are counts or amounts ('1999 people', '$2000')."""
    if re.fullmatch(r"(?:19|20)\d\d", text) and span is not None:
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS",):
            return True
        if prev is not None and prev.text in ("$", "€", "£", "#", "No."):
            return True
    if text.lower() in ("may", "march") and span is not None and span[0].pos_ in ("AUX", "VERB"):
        return True
    return False


def _tense(span: Span) -> str | None:
    """past or future, from the verb that governs the expression."""
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (
        any(a in ("will", "'ll", "shall") for a in aux)
        or verb.dep_ == "xcomp"
        and verb.head.lemma_ in ("plan", "aim", "expect", "intend")
    ):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(
        a in ("did", "had", "has", "have", "was", "were") for a in aux
    ):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return None


def _fmt(d: dt.date) -> str:
    return d.isoformat()


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _number(word: str) -> float | None:
    word = word.lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in ("a", "an"):
        return 1
    if word in ("several", "few", "couple of"):
        return None
    return NUMBER_WORDS.get(word)


def normalise(text: str, dct: dt.date | None, tense: str | None = None) -> tuple[str, str | None]:
    """(TIMEX3 type, value) of one expression; unknown anchor dates give 'XXXX' years."""
    low = " ".join(text.lower().replace("-", " ").split())
    year = str(dct.year) if dct else "XXXX"
    m = re.fullmatch(r"(\d{4}) (\d{2}) (\d{2})", low)
    if m:
        return "DATE", f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.fullmatch(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", low) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH}) (\d{{4}})", low
    )
    if m:
        a, b, y = m.groups()
        month, day = (
            (MONTHS[a.rstrip(".")], int(b)) if a[0].isalpha() else (MONTHS[b.rstrip(".")], int(a))
        )
        return "DATE", f"{y}-{month:02d}-{day:02d}"
    m = re.fullmatch(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?", low) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})", low
    )
    if m:
        a, b = m.groups()
        month, day = (
            (MONTHS[a.rstrip(".")], int(b)) if a[0].isalpha() else (MONTHS[b.rstrip(".")], int(a))
        )
        if not 1 <= day <= 31:
            return "DATE", None
        if dct is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        return "DATE", f"{_year_for(dct, month, day, tense)}-{month:02d}-{day:02d}"
    m = re.fullmatch(rf"(?:(early|mid|late) )?({_MONTH}),? (\d{{4}})", low)
    if m:
        return "DATE", f"{m.group(3)}-{MONTHS[m.group(2).rstrip('.')]:02d}"
    if low in MONTHS:
        month = MONTHS[low]
        if dct is None:
            return "DATE", f"XXXX-{month:02d}"
        return "DATE", f"{_year_for(dct, month, 1, tense, month_only=True)}-{month:02d}"
    m = re.fullmatch(r"(?:in )?((?:19|20)\d\d)", low)
    if m:
        return "DATE", m.group(1)
    m = re.fullmatch(r"(?:the )?((?:19|20)\d)0s", low)
    if m:
        return "DATE", m.group(1)
    m = re.fullmatch(r"(?:the )?end of (?:the )?(\d{4}|year|month|week)", low)
    if m:
        unit = m.group(1)
        if unit.isdigit():
            return "DATE", unit
        return "DATE", _relative_unit(unit, 0, dct)
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|last) quarter(?: of (\d{4}))?", low)
    if m:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group(1)]
        return "DATE", f"{m.group(2) or year}-Q{q}"
    m = re.fullmatch(r"q([1-4]) (\d{4})", low)
    if m:
        return "DATE", f"{m.group(2)}-Q{m.group(1)}"
    m = re.fullmatch(r"(?:fiscal|financial) (?:year )?(\d{4})", low)
    if m:
        return "DATE", f"FY{m.group(1)}"
    m = re.fullmatch(r"(spring|summer|autumn|fall|winter) (?:of )?(\d{4})", low)
    if m:
        return "DATE", f"{m.group(2)}-{SEASONS[m.group(1)]}"
    m = re.fullmatch(r"(earlier|later) this (year|month|week)", low)
    if m:
        return "DATE", _relative_unit(m.group(2), 0, dct)
    m = re.fullmatch(
        r"(this|last|next|past|coming) (year|month|week|weekend|quarter|spring|summer|autumn|fall|winter)",
        low,
    )
    if m:
        delta = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[m.group(1)]
        unit = m.group(2)
        if unit in SEASONS:
            y = (dct.year + (delta if delta else 0)) if dct else None
            return "DATE", f"{y if y else 'XXXX'}-{SEASONS[unit]}"
        if unit == "weekend":
            return "DATE", _relative_unit("week", delta, dct) + ("-WE" if dct else "")
        return "DATE", _relative_unit(unit, delta, dct)
    m = re.fullmatch(r"(?:the )?(next|previous|following) (year|month|week|day)", low)
    if m:
        delta = -1 if m.group(1) == "previous" else 1
        return "DATE", _relative_unit(m.group(2), delta, dct)
    m = re.fullmatch(r"(?:in )?recent (years|months|weeks|days)", low)
    if m:
        return "DATE", "PAST_REF"
    m = re.fullmatch(rf"({_NUMW}) (year|month|week|day|decade)s? (ago|earlier|later)", low)
    if m:
        n = _number(m.group(1))
        if n is None or dct is None:
            return "DATE", "PAST_REF" if m.group(3) != "later" else "FUTURE_REF"
        delta = -int(n) if m.group(3) != "later" else int(n)
        return "DATE", _relative_unit(m.group(2), delta, dct, precise=True)
    m = re.fullmatch(
        rf"(?:the )?(?:past|last|next|coming) ({_NUMW}) (year|month|week|day|decade)s", low
    )
    if m:
        n = _number(m.group(1))
        return "DURATION", f"P{_num(n) if n else 'X'}{UNITS[m.group(2)]}"
    m = re.fullmatch(rf"({_NUMW}) (year|month|week|day|decade|hour|minute)s?(?: long| old)?", low)
    if m:
        n = _number(m.group(1))
        unit = m.group(2)
        prefix = "PT" if unit in ("hour", "minute") else "P"
        return "DURATION", f"{prefix}{_num(n) if n else 'X'}{UNITS[unit]}"
    if low in ("today", "tonight"):
        return (
            ("DATE", _fmt(dct) if dct else "PRESENT_REF")
            if low == "today"
            else ("TIME", f"{_fmt(dct)}TNI" if dct else "XXXX-XX-XXTNI")
        )
    if low in ("yesterday", "tomorrow"):
        if dct is None:
            return "DATE", "PAST_REF" if low == "yesterday" else "FUTURE_REF"
        return "DATE", _fmt(dct + dt.timedelta(days=-1 if low == "yesterday" else 1))
    if low in ("now", "currently", "nowadays"):
        return "DATE", "PRESENT_REF"
    m = re.fullmatch(r"(?:in the )?(future|past)", low)
    if m:
        return "DATE", "FUTURE_REF" if m.group(1) == "future" else "PAST_REF"
    m = re.fullmatch(
        r"(?:on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (morning|afternoon|evening|night))?",
        low,
    )
    if m:
        if dct is None:
            return "DATE", "XXXX-WXX-" + str(WEEKDAYS[m.group(1)] + 1)
        return "DATE", _fmt(_weekday(dct, WEEKDAYS[m.group(1)], tense))
    m = re.fullmatch(r"(?:each|every) (day|week|month|year|quarter)", low) or re.fullmatch(
        r"(daily|weekly|monthly|annually|yearly)", low
    )
    if m:
        unit = {
            "daily": "day",
            "weekly": "week",
            "monthly": "month",
            "annually": "year",
            "yearly": "year",
        }.get(m.group(1), m.group(1))
        return "SET", f"P1{UNITS[unit]}"
    m = re.fullmatch(
        r"(?:its|their|his|her|the) (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) year",
        low,
    )
    if m:
        return "DURATION", "P1Y"
    return _from_entity_text(low, dct)


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _from_entity_text(low: str, dct: dt.date | None) -> tuple[str, str | None]:
    """Values for spaCy DATE/TIME entities the patterns above did not cover."""
    m = re.search(r"\b((?:19|20)\d\d)\b", low)
    if m:
        return "DATE", m.group(1)
    if re.search(r"\b(morning|afternoon|evening|night)\b", low):
        return "TIME", (_fmt(dct) if dct else "XXXX-XX-XX") + "T" + {
            "morning": "MO",
            "afternoon": "AF",
            "evening": "EV",
            "night": "NI",
        }[re.search(r"(morning|afternoon|evening|night)", low).group(1)]
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)", low)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
        return "TIME", f"{_fmt(dct) if dct else 'XXXX-XX-XX'}T{hour:02d}:{m.group(2) or '00'}"
    if re.search(r"\b(years|months|weeks|decades)\b", low):
        return (
            "DURATION",
            "PXY"
            if "year" in low
            else "PXM"
            if "month" in low
            else "PXW"
            if "week" in low
            else "PXDE",
        )
    return "DATE", None


def _relative_unit(unit: str, delta: int, dct: dt.date | None, precise: bool = False) -> str:
    if dct is None:
        return "PAST_REF" if delta < 0 else "FUTURE_REF" if delta > 0 else "PRESENT_REF"
    if unit == "year":
        return str(dct.year + delta)
    if unit == "decade":
        return str(dct.year + 10 * delta)[:3]
    if unit == "month":
        y, m = _shift_month(dct.year, dct.month, delta)
        return f"{y}-{m:02d}"
    if unit == "week":
        d = dct + dt.timedelta(weeks=delta)
        iso = d.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if unit == "day":
        return _fmt(dct + dt.timedelta(days=delta))
    if unit == "quarter":
        q = (dct.month - 1) // 3 + 1 + delta
        y = dct.year + (q - 1) // 4
        return f"{y}-Q{(q - 1) % 4 + 1}"
    return "PRESENT_REF"


def _year_for(
    dct: dt.date, month: int, day: int, tense: str | None, month_only: bool = False
) -> int:
    """The year of a month-day without one: the tense decides, else the nearest such date."""
    try:
        this_year = dt.date(dct.year, month, min(day, 28 if month == 2 else day))
    except ValueError:
        return dct.year
    if tense == "past" and this_year > dct and not (month_only and month == dct.month):
        return dct.year - 1
    if tense == "future" and this_year < dct and not (month_only and month == dct.month):
        return dct.year + 1
    if tense is None:
        if (this_year - dct).days > 183:
            return dct.year - 1
        if (dct - this_year).days > 183:
            return dct.year + 1
    return dct.year


def _weekday(dct: dt.date, weekday: int, tense: str | None) -> dt.date:
    diff = weekday - dct.weekday()
    if diff == 0:
        return dct
    if tense == "future":
        return dct + dt.timedelta(days=diff % 7)
    if tense == "past" or tense is None:
        return dct - dt.timedelta(days=(-diff) % 7)
    return dct + dt.timedelta(days=diff % 7)
