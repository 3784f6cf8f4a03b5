"""Figures: money, percentages, quantities, counts and ranks, normalised, with what they measure."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Figure, Quote
from .common import doc_text

NUMBER_WORDS = {
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
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}
CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "₩": "KRW",
    "₺": "TRY",
    "chf": "CHF",
    "₴": "UAH",
    "zł": "PLN",
}
CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "franc": "CHF",
    "francs": "CHF",
    "won": "KRW",
    "lira": "TRY",
    "zloty": "PLN",
    "forint": "HUF",
    "forints": "HUF",
}
ISO_CODES = (
    "USD EUR GBP JPY CNY INR RUB CHF AUD CAD HKD NZD SGD BRL KRW TRY UAH PLN HUF SEK NOK DKK "
    "CZK MXN ZAR SAR AED ILS EGP NGN KES IDR THB MYR PHP VND PKR BDT ARS CLP COP PEN"
).split()
RATE_WORDS = {
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "quarter": "quarter",
    "quarterly": "quarter",
    "hour": "hour",
    "hourly": "hour",
    "annum": "year",
    "capita": "person",
    "person": "person",
    "head": "person",
}
PLAN_WORDS = frozenset(
    "plan plans planned aim aiming aims intend intends target targets targeting pledge pledged "
    "promise promised will would propose proposed expect expected seek seeking goal budget "
    "allocate earmark commit committed reach".split()
)
ESTIMATE_WORDS = frozenset(
    "about around roughly approximately nearly almost some estimated estimate estimates up".split()
)

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORDNUM = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_SCALE = r"(?:thousand|million|billion|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|trn|[kmb])"
_SYM = r"(?:US\$|HK\$|NZ\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₽|₩|₺|₴)"
_CODE = r"(?:" + "|".join(ISO_CODES) + r")"
_CURWORD = r"(?:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")"
_AMOUNT = rf"(?:{_NUM}|{_WORDNUM})(?:[ -]?{_SCALE}\b)?"
_RATE = r"(?:\s+(?:per|a|an|each|every)\s+(?:day|week|month|year|quarter|hour|annum|capita|person|head)\b|\s*/\s*(?:day|week|month|year)\b|\s+(?:daily|weekly|monthly|annually|yearly|a\s+year))?"
MONEY = re.compile(
    rf"(?<![\w$€£¥₹])(?:{_SYM}\s?{_AMOUNT}(?:\s+(?:to|and|-|–)\s+{_SYM}?\s?{_AMOUNT})?(?:\s+{_CURWORD}\b)?"
    rf"|{_CODE}\s?{_AMOUNT}(?:\s+(?:to|and|-|–)\s+{_AMOUNT})?"
    rf"|{_AMOUNT}(?:\s*(?:-|–|to|and)\s*{_AMOUNT})?\s+(?:{_CURWORD}|{_CODE})\b){_RATE}",
    re.I,
)
PERCENT = re.compile(
    rf"(?<![\w.])(?:{_NUM}|{_WORDNUM})(?:\s*(?:-|–|to|and)\s*(?:{_NUM}|{_WORDNUM}))?\s*(?:%|per\s?cent\b|percent\b|percentage points?\b|points?\b(?=\s+(?:lower|higher|up|down)))",
    re.I,
)


def parse_amount(text: str) -> float | None:
    """The number written in `text`: '1.5', '1,200', 'two', 'two hundred', '3bn', '4 million'."""
    cleaned = text.lower().replace(",", "").strip()
    match = re.match(
        rf"({_NUM.replace(',', '')}|{_WORDNUM}(?:[ -]{_WORDNUM})*)(?:[ -]?({_SCALE}))?\b", cleaned
    )
    if not match:
        return None
    number = match.group(1)
    if number[0].isdigit():
        value = float(number)
    else:
        value = 0.0
        for word in re.split(r"[ -]", number):
            n = NUMBER_WORDS[word]
            value = value * n if n == 100 and value else value + n
    if match.group(2):
        value *= SCALES[match.group(2)]
    return value


def _clean(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _currency(text: str) -> str | None:
    low = text.lower()
    for sym in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if sym in low and not sym.isalpha():
            return CURRENCY_SYMBOLS[sym]
    for code in ISO_CODES:
        if re.search(rf"\b{code}\b", text):
            return code
    for word, code in CURRENCY_WORDS.items():
        if re.search(rf"\b{word}\b", low):
            return code
    return None


def _per(text: str) -> str | None:
    match = re.search(
        r"(?:per|a|an|each|every)\s+(\w+)\s*$|/\s*(\w+)\s*$|\b(daily|weekly|monthly|annually|yearly)\s*$",
        text,
        re.I,
    )
    if not match:
        return None
    word = next(g for g in match.groups() if g).lower()
    return RATE_WORDS.get(word)


def _amounts(text: str) -> list[float]:
    values = []
    for part in re.split(r"\s+(?:to|and)\s+|\s*[-–]\s*(?=[\d$€£¥₹])", text):
        stripped = re.sub(rf"^{_SYM}|^{_CODE}\s?", "", part.strip(), flags=re.I).strip()
        value = parse_amount(stripped)
        if value is not None:
            values.append(value)
    return values


def extract_figures(doc: Doc, actors: list[Actor], quotes: list[Quote]) -> list[Figure]:
    """Figures of the document with value, unit, rate, subject, speaker and status."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, int, int, float | None, float | None, str | None, str | None]] = []
    for pattern, kind in ((MONEY, "money"), (PERCENT, "percent")):
        for match in pattern.finditer(doc_text(doc)):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            text = match.group(0)
            values = _amounts(
                re.sub(_RATE + "$", "", text, flags=re.I) if kind == "money" else text
            )
            if kind == "money" and len(values) > 1 and re.search(r"\d\s*[-–]\s*\d", text) is None:
                values = values[:2]
            if kind == "money" and not values:
                continue
            if kind == "money":
                # A scale word on the upper bound applies to a bare lower bound: '$1.2 to $23.5 million'.
                values = _share_scale(text, values)
            unit = _currency(text) if kind == "money" else "%"
            if kind == "percent" and re.search(r"points?", text, re.I):
                unit = "percentage points" if "percentage" in text.lower() else "points"
            found.append(
                (
                    kind,
                    start,
                    end,
                    values[0] if values else None,
                    values[1] if len(values) > 1 else None,
                    unit,
                    _per(text) if kind == "money" else None,
                )
            )
            taken.append((start, end))
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT"):
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        figure = _from_entity(doc, ent)
        if figure is not None:
            found.append(figure)
            taken.append((figure[1], figure[2]))
    actor_at = {i: a for a in actors for m in a.mentions for i in range(m.start, m.end)}
    figures = []
    for kind, start, end, value, value_max, unit, per in sorted(found, key=lambda f: (f[1], f[2])):
        span = doc.char_span(start, end, alignment_mode="expand")
        figures.append(
            Figure(
                kind=kind,
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                value=_clean(value),
                unit=unit,
                per=per,
                subject=_subject(span) if span is not None else None,
                attributed_to=_attribution(start, end, quotes, actor_at),
                status=_status(span) if span is not None else "fact",
                value_max=_clean(value_max),
            )
        )
    return figures


def _share_scale(text: str, values: list[float]) -> list[float]:
    if len(values) == 2 and values[0] < values[1] and values[1] >= 1e3 and values[0] < 1e3:
        scales = re.findall(rf"\b{_SCALE}\b", text, re.I)
        if len(scales) == 1:
            values = [values[0] * SCALES[scales[0].lower()], values[1]]
    return values


def _from_entity(
    doc: Doc, ent: Span
) -> tuple[str, int, int, float | None, float | None, str | None, str | None] | None:
    """A count, quantity or rank from a spaCy entity; dates and bare years are not figures."""
    text = ent.text
    if ent.label_ == "ORDINAL":
        if ent.root.head.ent_type_ in ("DATE", "TIME") or any(
            t.ent_type_ == "DATE" for t in ent.root.head.subtree if t.i == ent.end
        ):
            return None
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ("of", "all") and ent.root.lower_ == "first":
            return None  # 'first of all' is a discourse marker
        return ("rank", ent.start_char, ent.end_char, _ordinal_value(text), None, None, None)
    if re.fullmatch(r"(1[6-9]|20)\d\d", text.strip()):
        return None
    if re.fullmatch(r"[\d\s()+\-./]{7,}", text.strip()) and not re.fullmatch(_NUM, text.strip()):
        return None  # phone numbers, dates written as digits
    value = parse_amount(
        re.sub(
            r"^(?:about|around|some|nearly|almost|more than|over|up to|at least|roughly)\s+",
            "",
            text,
            flags=re.I,
        )
    )
    if value is None:
        return None
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else None
    if ent.label_ == "QUANTITY":
        unit = ent[-1].lemma_.lower() if ent[-1].is_alpha else None
        return ("quantity", ent.start_char, ent.end_char, value, None, unit, None)
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end:
        end = head.idx + len(head.text)
        return ("count", ent.start_char, end, value, None, head.lemma_.lower(), None)
    if ent.label_ in ("MONEY", "PERCENT"):
        return None  # what the patterns did not understand is left out rather than guessed
    return ("other", ent.start_char, ent.end_char, value, None, None, None)


def _ordinal_value(text: str) -> int | None:
    ordinals = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ]
    low = text.lower()
    if low in ordinals:
        return ordinals.index(low) + 1
    digits = re.match(r"\d+", low)
    return int(digits.group(0)) if digits else None


def _subject(span: Span) -> str | None:
    """What a figure measures: its clause's subject, verb and purpose, in the sentence's words."""
    root = span.root
    verb = root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    sent = span.sent
    start = verb.i
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl"):
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        start = min(start, verb.head.i)
    if subj is not None:
        start = min(start, subj.left_edge.i)
    end = max(verb.i + 1, span.end)
    for child in verb.children:
        if (
            child.i >= span.end
            and child.dep_ in ("xcomp", "advcl", "prep", "dobj", "dative", "attr", "acomp")
            and child.right_edge.i - start < 30
        ):
            end = max(end, child.right_edge.i + 1)
            break
    words = span.doc[max(start, sent.start) : min(end, sent.end)]
    text = words.text.strip(" ,;:")
    return text or None


def _attribution(
    start: int, end: int, quotes: list[Quote], actor_at: dict[int, Actor]
) -> str | None:
    for quote in quotes:
        if quote.start <= start and end <= quote.end and quote.speaker is not None:
            return quote.speaker.actor
    return None


def _status(span: Span) -> str:
    """plan | target | estimate | fact, from the words governing the figure."""
    sent = span.sent
    before = span.doc[sent.start : span.start]
    lemmas = {t.lemma_.lower() for t in before} | {t.lower_ for t in before}
    if span.start > 0 and span.doc[span.start - 1].lower_ in ESTIMATE_WORDS or "estimate" in lemmas:
        return "estimate"
    ancestors = {t.lemma_.lower() for t in span.root.ancestors} | {
        t.lower_ for t in span.root.ancestors
    }
    if ancestors & {"aim", "target", "reach", "goal"}:
        return "target"
    if ancestors & PLAN_WORDS or any(
        t.lower_ in ("will", "would") and t.head in set(span.root.ancestors) for t in before
    ):
        return "plan"
    return "fact"


def figure_token_kind(token: Token) -> str | None:
    """The figure kind a single token would start, used by other extractors to skip numbers."""
    return "rank" if token.ent_type_ == "ORDINAL" else None
