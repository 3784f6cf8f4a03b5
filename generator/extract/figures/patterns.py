"""Patterns for money, percentages and measured quantities, and the parsing of their values."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.extract.numbers import DIGITS, WORD_NUMBER, parse_number

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
    "usd$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "nt$": "TWD",
    "mx$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "gb£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₦": "NGN",
    "zł": "PLN",
}
CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "swiss francs": "CHF",
    "japanese yen": "JPY",
    "pounds sterling": "GBP",
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
    "hryvnias.": "UAH",
    "franc": "CHF",
    "francs": "CHF",
    "won": "KRW",
    "lira": "TRY",
    "liras": "TRY",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "peso": "MXN",
    "pesos": "MXN",
    "reais": "BRL",
    "real": "BRL",
    "rand": "ZAR",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "shekel": "ILS",
    "shekels": "ILS",
    "naira": "NGN",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "dong": "VND",
    "kronor": "SEK",
    "krona": "SEK",
    "kroner": "NOK",
    "krone": "DKK",
    "lei": "RON",
    "leu": "RON",
    "cents": "cents",
    "cent": "cents",
}
DOLLAR_COUNTRIES = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "singaporean": "SGD",
    "taiwan": "TWD",
    "taiwanese": "TWD",
}
"""The countries whose currency is a dollar, as an adjective after a '$' amount."""
ISO_CODES = (
    "USD EUR GBP JPY CNY RMB INR RUB CHF AUD CAD HKD NZD SGD BRL KRW TRY UAH PLN HUF SEK NOK DKK "
    "CZK MXN ZAR SAR AED ILS EGP NGN KES IDR THB MYR PHP VND PKR BDT ARS CLP COP PEN RON TWD"
).split()
UNITS = {
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "square kilometers": "km2",
    "square kilometres": "km2",
    "sq km": "km2",
    "km2": "km2",
    "miles": "mi",
    "mile": "mi",
    "nautical miles": "nmi",
    "square miles": "mi2",
    "m": "m",
    "meters": "m",
    "metres": "m",
    "meter": "m",
    "metre": "m",
    "cm": "cm",
    "centimeters": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimetre": "cm",
    "mm": "mm",
    "millimeters": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimetre": "mm",
    "micrometers": "µm",
    "micrometres": "µm",
    "microns": "µm",
    "nanometers": "nm",
    "nanometres": "nm",
    "nanometer": "nm",
    "nanometre": "nm",
    "yards": "yd",
    "yard": "yd",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    "inch": "in",
    "kg": "kg",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilos": "kg",
    "grams": "g",
    "gram": "g",
    "ounces": "oz",
    "ounce": "oz",
    "g": "g",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "ton": "t",
    "metric tons": "t",
    "pounds of": "lb",
    "lbs": "lb",
    "barrels": "bbl",
    "barrel": "bbl",
    "bpd": "bbl/day",
    "barrels per day": "bbl/day",
    "barrels a day": "bbl/day",
    "liters": "l",
    "litres": "l",
    "liter": "l",
    "litre": "l",
    "gallons": "gal",
    "gallon": "gal",
    "cubic meters": "m3",
    "cubic metres": "m3",
    "bcm": "bcm",
    "hectares": "ha",
    "hectare": "ha",
    "acres": "acre",
    "acre": "acre",
    "mw": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatts": "GW",
    "kw": "kW",
    "kilowatts": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "ghz": "GHz",
    "mhz": "MHz",
    "gb": "GB",
    "tb": "TB",
    "mb": "MB",
    "kb": "KB",
    "mbps": "Mbps",
    "gbps": "Gbps",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "knots": "kn",
    "degrees": "°",
    "°c": "°C",
    "°f": "°F",
    "degrees celsius": "°C",
    "degrees fahrenheit": "°F",
    "volts": "V",
    "watts": "W",
    "calories": "kcal",
    "megapixels": "MP",
    "points": "points",
    "seats": "seats",
    "troops": "troops",
}
"""Units of measure (and a few measure-like nouns) by their written form."""


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str], space: str | None = None) -> str:
    """A regex matching what `_alt(words)` matches, in the same order, with the words merged on
    their common starts ('mile|miles|millimeter' → 'mi(?:l(?:e(?:s)?|limeter))'): the engine
    reads each character once where `_alt` tries every word in turn. Words that match at one
    place are each the start of the next, and both forms try the longer first. The words are in
    lower case (for patterns compiled with re.I); with `space`, a space in a word is that regex
    (`\\s+`) instead of one space."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            atom = space if space is not None and char == " " else re.escape(char)
            node = node.setdefault(atom, {})
        node[""] = {}
    return _branches(root)


def _branches(node: _Trie) -> str:
    """The regex of a node of `_trie`: its children, optional when a word ends there."""
    alternatives = [atom + _branches(child) for atom, child in sorted(node.items()) if atom]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if "" in node else body


HEDGE_WORDS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than",
    "less than", "fewer than", "over", "under", "up to", "at least", "at most", "as much as",
    "as little as", "as many as", "as high as", "as low as", "an estimated", "just over",
    "just under", "well over", "close to", "upwards of", "in excess of", "no more than",
    "no less than", "only", "all", "a further", "another", "an additional", "a total of",
    "a record",
)  # fmt: skip
HEDGE = "(?:" + _trie(HEDGE_WORDS, space=r"\s+") + r"\s+)"
"""Modifiers that belong to a figure ('more than 250 points', 'about US$1.4 billion')."""
NUMBER = (
    rf"(?:\d++\s+\d/\d|(?>{DIGITS})|(?!\d)(?:{WORD_NUMBER}|half\s+an?(?!\w)|hundred(?![\w\s])))"
)
"""A number in digits or words; 'half a' ('half a percentage point') and a bare 'hundred' as
a modifier ('hundred-foot cliffs') are numbers too. Its digits are read whole (an atomic
group): what may follow a number in the patterns below never starts with a digit, a comma or
a point, which is all that giving back a digit could leave next. The words are not tried at a
digit, where none of them can start."""
SCALE = (
    r"(?:[ -]?(?:thousand|million|billion|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|trn)\b"
    r"|(?<=\d)\s?[kmb]\b(?!\.\w))"
)
AMOUNT = rf"(?:{NUMBER}{SCALE}?)"
SCALE_WORD = r"(?:thousand|million|billion|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|trn|[kmb])\b"
CURRENCY_PREFIX = (
    rf"(?:{_trie([s for s in CURRENCY_SYMBOLS if not s[0].isalpha() or '$' in s or '£' in s])}\s?"
    rf"|(?:Rs\.?|dlrs\.?|{_trie(c.lower() for c in ISO_CODES)})\s?(?=\d))"
)
CURRENCY_SUFFIX = rf"(?:{_trie(CURRENCY_WORDS)}|{_trie(c.lower() for c in ISO_CODES)})\b"
RATE_NOUN = (
    r"(?:day|week|month|year|quarter|hour|annum|capita|person|head|share|barrel|ton|tonne|unit"
    r"|aircraft|plane|vehicle|car|household|family|employee|worker|seat|ticket|night|kilo|kilogram|liter|litre|gallon)"
)
RATE = (
    rf"(?:\s+(?:per|a|an|each|every)\s+{RATE_NOUN}\b|\s*/\s*(?:day|week|month|year|yr)\b"
    r"|\s+(?:daily|weekly|monthly|annually|yearly|a\s+year|a\s+month))"
)
MONEY_ONE = (
    rf"(?:{CURRENCY_PREFIX}{AMOUNT}(?:\s+(?:{CURRENCY_SUFFIX}|{_trie(DOLLAR_COUNTRIES)}(?=\s+(?:dollars?\b|[a-z]))))?(?:\s+dollars?\b)?"
    rf"|{AMOUNT}(?:\s*|-)(?:{CURRENCY_SUFFIX})(?:\s+(?:dollars?|sterling)\b)?)"
)
_SEP = r"(?(between)\s*(?:-|–|to|and)\s*|\s*(?:-|–|to)\s*)"
"""A range separator; 'and' only after 'between' ('$199 and $249' are two prices)."""
MONEY = re.compile(
    rf"(?<![\w$€£¥₹.])(?P<hedge>{HEDGE}*)(?P<between>between\s+)?"
    rf"(?P<first>{MONEY_ONE}|{AMOUNT}(?={_SEP}{MONEY_ONE}))"
    rf"(?:(?P<sep>{_SEP})(?P<second>{MONEY_ONE}|{AMOUNT}))?(?P<rate>{RATE})?",
    re.I,
)
PERCENT = re.compile(
    rf"(?<![\w.])(?P<hedge>{HEDGE}*)(?P<between>between\s+)?(?P<first>{NUMBER})"
    rf"(?:\s*(?:%|per\s?cent|percent))?(?:(?P<sep>{_SEP})(?P<second>{NUMBER}))?\s*"
    r"(?P<unit>%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b|basis\s+points?\b|bps\b)",
    re.I,
)
QUANTITY = re.compile(
    rf"(?<![\w.])(?P<hedge>{HEDGE}*)(?P<first>{NUMBER}{SCALE}?)"
    rf"(?:(?P<sep>\s*(?:-|–|to)\s*)(?P<second>{NUMBER}))?[\s-]?(?P<unit>{_trie(UNITS)})(?![\w/])",
    re.I,
)
VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|scores)\s+of\b"
    r"|\ba\s+(?:score|dozen|handful)\s+of\b",
    re.I,
)
"""Vague counts ('thousands of', 'a score of'): a figure without an exact value."""


_AMOUNT_WHOLE = re.compile(rf"({NUMBER})\s*-?\s*({SCALE_WORD})?", re.I)
_HALF_A = re.compile(r"half\s+an?", re.I)


def parse_amount(text: str) -> float | None:
    """The number in an amount: '1.5', '1,200', 'two hundred', '3bn', '4 million', '2 1/2'."""
    cleaned = " ".join(text.strip().split())
    match = _AMOUNT_WHOLE.fullmatch(cleaned)
    if not match:
        return None
    half = _HALF_A.fullmatch(match.group(1))
    value = 0.5 if half else parse_number(match.group(1))
    scale = (match.group(2) or "").strip(" -").lower()
    if value is None:
        return None
    return value * SCALES[scale] if scale else value


_LEADING_CURRENCY = re.compile(rf"^\s*{CURRENCY_PREFIX}", re.I)
_TRAILING_CURRENCY = re.compile(
    rf"[\s-]*(?:{CURRENCY_SUFFIX})(?:\s+(?:dollars?|sterling))?\s*$", re.I
)
_TRAILING_DOLLARS = re.compile(r"\s+dollars?\s*$", re.I)
_TRAILING_COUNTRY = re.compile(rf"\s+(?:{_alt(DOLLAR_COUNTRIES)})\s*$", re.I)
_SCALE = re.compile(rf"{SCALE}", re.I)


def amount_of(text: str) -> tuple[float | None, str | None]:
    """(value, scale word) of the amount inside a money phrase, without its currency."""
    stripped = _LEADING_CURRENCY.sub("", text)
    stripped = _TRAILING_CURRENCY.sub("", stripped)
    stripped = _TRAILING_DOLLARS.sub("", stripped)
    stripped = _TRAILING_COUNTRY.sub("", stripped)
    scale = _SCALE.search(stripped)
    return parse_amount(stripped), (scale.group(0).strip(" -").lower() if scale else None)


_QUALIFIED = re.compile(rf"\d\s*(?:{SCALE_WORD})?\s+({_alt(DOLLAR_COUNTRIES)})\b")
_SYMBOLS = [
    (sym, re.compile(rf"{re.escape(sym)}\s?\d") if sym[0].isalpha() and "$" not in sym
     and "£" not in sym else None)
    for sym in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
]  # fmt: skip
"""The currency symbols, longest first; a symbol in letters ('Rs') only before a number."""
_CODES = [(code, re.compile(rf"\b{code}\b", re.I)) for code in ISO_CODES]
_WORDS = [
    (word, re.compile(rf"\b{re.escape(word)}\b"))
    for word in sorted(CURRENCY_WORDS, key=len, reverse=True)
]


def currency_of(text: str) -> str | None:
    """ISO 4217 code of a money phrase: symbols first, then codes, then currency words."""
    low = text.lower()
    qualified = _QUALIFIED.search(low)
    if qualified and "$" in low:  # '$100 Australian (dollars)': the country names the dollar
        return DOLLAR_COUNTRIES[qualified.group(1)]
    for sym, before_number in _SYMBOLS:
        if before_number is not None:
            if before_number.match(low):
                return CURRENCY_SYMBOLS[sym]
            continue
        if sym in low:
            return CURRENCY_SYMBOLS[sym]
    ascii_text = text.isascii()  # then a code matches only where its letters stand in `low`
    for code, pattern in _CODES:
        if (not ascii_text or code.lower() in low) and pattern.search(text):
            return "CNY" if code == "RMB" else code
    for word, pattern in _WORDS:
        if word in low and pattern.search(low):
            return CURRENCY_WORDS[word]
    return None


RATE_WORDS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "annum": "year",
    "yr": "year",
    "capita": "person",
    "head": "person",
}


def rate_of(text: str) -> str | None:
    """The period or denominator of a rate phrase: 'per month' → 'month', 'a share' → 'share'."""
    match = re.search(
        r"(?:per|a|an|each|every)\s+(\w+)\s*$|/\s*(\w+)\s*$|\b(\w+ly)\s*$", text, re.I
    )
    if not match:
        return None
    word = next(g for g in match.groups() if g).lower()
    return RATE_WORDS.get(word, word)
