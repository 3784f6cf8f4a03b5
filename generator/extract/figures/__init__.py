"""Figures: money, percentages, quantities, counts and ranks, normalised, with what they measure.

Money, percentages and measured quantities come from the patterns in `figure_patterns`; counts
from the number tokens spaCy finds, with the noun they count. Numbers inside time expressions
(years, dates, clock times, durations), in names ('Boeing 747', '3G') and in phone numbers are
not figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

import numpy
from spacy.tokens import Doc, Span, Token

from generator.extract.common import (
    PRONOUNS_PERSON,
    STATING_VERBS,
    clause_subject,
    doc_text,
    governing_verb,
)
from generator.extract.figures.patterns import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HEDGE,
    ISO_CODES,
    MONEY,
    NUMBER,
    PERCENT,
    QUANTITY,
    RATE_WORDS,
    UNITS,
    VAGUE,
    _alt,
    amount_of,
    currency_of,
    parse_amount,
    rate_of,
)
from generator.extract.numbers import (
    DIGITS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    WORD_NUMBER,
    parse_ordinal,
)
from generator.extract.prefilter import PREFIX, Dispatch, Scan
from generator.model import (
    UNCERTAIN,
    Actor,
    Figure,
    FigureKind,
    FigureStatus,
    Quote,
    TimeExpression,
)


@dataclass(frozen=True)
class Found:
    """A figure where it was found, before its context (subject, speaker, status) is read."""

    kind: FigureKind
    start: int
    end: int
    value: float | None
    value_max: float | None = None
    """Upper bound of a range."""
    unit: str | None = None
    per: str | None = None
    """Rate period ('month' in 'per month')."""
    vague: bool = False
    """A vague count ('dozens of'): its value is a lower bound, an estimate."""
    duration: bool = False
    """A length of time ('for two years')."""
    elided: bool = False
    """The counted noun is left out and taken from an earlier count ('21 Christians — 20 of
    them'): less sure than a noun written beside the number."""
    worded: bool = False
    """A value read from a word that is no numeral ('twice the size', 'half the help'): less
    sure than an amount written in figures or number words."""


"""(kind, start, end, value, value_max, unit, per) before context is added."""

TARGET_WORDS = frozenset("aim target goal seek strive ambition objective cap limit".split())
"""Verbs and nouns of aiming, and of setting a ceiling ('the catch is capped at 29 million
pounds'): the figure is a bound to reach or keep under, not an amount that was."""
GOALS = frozenset({"target", "goal"})
"""Nouns of aiming that make a figure they head or stand in a target ('a goal of 5,000')."""
PLAN_WORDS = frozenset(
    "plan intend propose budget allocate earmark pledge promise commit schedule prepare "
    "envisage require oblige mandate want wish".split()
)
"""Verbs of intending, wanting and obliging: what they govern is a plan ('the bill would
require providers to store data for two years', 'the team wants to add 36 dishes')."""
FORECAST_WORDS = frozenset("forecast project projected expect expected predict anticipate".split())
ESTIMATE_WORDS = frozenset(
    "estimate estimated could may might likely value appraise suggest".split()
)
"""Verbs of guessing, of valuing ('is valued at $150,000') and of tentative saying ('she
suggested a two-week limit': a hedging verb), and the modals of possibility."""
CLAIM_WORDS = frozenset("claim allege assert insist accuse".split())
"""Verbs that put a figure forward as someone's contested claim ('claimed 3 million voted')."""
ESTIMATE_HEDGES = re.compile(
    r"^(?:an\s+estimated|estimated|about|around|approximately|roughly|some|close\s+to)\b", re.I
)
"""An approximate figure is an estimate; 'nearly', 'more than', 'as much as' are bounds."""
BASELINE = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell)\s+from\s+$|\b(?:than|compared\s+(?:with|to))\s+$",
    re.I,
)
"""'up from 4.3 percent': a reference value, already a fact even in a forecast."""
VAGUE_VALUES = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "dozen": 12,
    "score": 20,
}
"""The lower bound of a vague count ('dozens of' is at least two dozen)."""
RANKING = re.compile(r"\b(?:rank(?:s|ed|ing|ings)?|standings|league\s+table|top\s+\d+)\b", re.I)
METRIC = frozenset("km km2 m cm mm µm nm kg g l m3 ha MW GW kW".split()) - {"ha"}
"""Metric units keep their symbol however written ('kilometers' → 'km')."""
UNIT_WORDS = {
    "feet": "foot",
    "inches": "inch",
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
}
DEFINITE = frozenset({"the", "these", "those"})
DEFINITE_OR_ALL = DEFINITE | {"all"}
TIME_NOUNS = frozenset(
    "year years month months week weeks day days hour hours minute minutes second seconds decade "
    "decades century centuries quarter quarters".split()
)
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
SMALL_WORDS = frozenset(list(NUMBER_WORDS)[:11])


def extract_figures(
    doc: Doc,
    actors: list[Actor],
    quotes: list[Quote],
    timexes: Sequence[TimeExpression] = (),
) -> list[Figure]:
    """Figures of the document with value, unit, rate, subject, speaker and status."""
    with _sentence_cache():
        return _extract_figures(doc, actors, quotes, timexes)


def _extract_figures(
    doc: Doc,
    actors: list[Actor],
    quotes: list[Quote],
    timexes: Sequence[TimeExpression],
) -> list[Figure]:
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    blocked = bytearray(len(text) + 1)
    dates = bytearray(len(text) + 1)
    aging = [_ages_a_plural(doc, t) for t in timexes]
    for t, ages in zip(timexes, aging, strict=True):
        if ages:
            continue  # 'four century-old schooners': a count, read with the counts
        blocked[t.start : t.end] = b"\x01" * (t.end - t.start)
        if (
            t.type in ("DATE", "TIME")
            and not t.value.endswith("_REF")
            and not _PRESENT_PERIOD.match(t.text)
        ):  # a date apart from now ('in January'), not the period holding it ('this year')
            dates[t.start : t.end] = b"\x01" * (t.end - t.start)
    found: list[Found] = []
    scan = Scan(text)
    scanned = _all_matches(scan, _windows(scan))

    def add(item: Found, respect_timexes: bool) -> None:
        start, end = item.start, item.end
        if taken.find(1, start, end) >= 0 or (respect_timexes and blocked.find(1, start, end) >= 0):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(item)

    sterling = True  # read by `_money` only for an amount in pounds ('pounds?$' in its first)
    if any("pound" in match.group("first").lower() for match in scanned[MONEY]):
        sterling = STERLING.search(text) is not None or "$" not in text
    for match in scanned[MONEY]:
        item = _money(text, match, sterling)
        if item is not None:
            add(item, respect_timexes=False)
    for match in scanned[PERCENT]:
        add(_percent(text, match), respect_timexes=False)
    for match in scanned[QUANTITY]:
        item = _quantity(doc, match)
        if item is not None:
            add(item, respect_timexes=True)
    for match in scanned[VAGUE]:
        counted = _counted_after(doc, text, match.end())
        currency = CURRENCY_WORDS.get(counted or "") or CURRENCY_WORDS.get(f"{counted}s")
        if currency == "cents":
            currency = None
        add(
            Found(
                kind="money" if currency else "count",
                start=match.start(),
                end=match.end(),
                value=_vague_value(match.group(0)),
                unit=currency or counted,  # 'millions of dollars' is money
                vague=True,
            ),
            True,
        )
    for match in scanned[RATIO]:
        part, whole = parse_amount(match.group("a")), parse_amount(match.group("b"))
        if (
            part is not None
            and whole is not None
            and 0 < part < whole <= 1000
            and not _noun_number(doc, match.start("a"))
        ):
            share = Found(kind="percent", start=match.start(), end=match.end(),
                          value=round(100 * part / whole, 1), unit="%")  # fmt: skip
            add(share, True)
    for match in scanned[MULTIPLE]:
        value = parse_amount(match.group("n").replace("-", " "))
        if value is not None and value > 1:
            add(
                Found(
                    kind="count", start=match.start(), end=match.end(), value=value, unit="times"
                ),
                True,
            )
    for item in _multiples(doc, text, scan):
        add(item, respect_timexes=True)
    for timex, ages in zip(timexes, aging, strict=True):
        item = _duration(text, timex) if not ages else None
        if item is not None:
            add(item, respect_timexes=False)
    for item in _counts(doc, text, (taken, blocked)):
        add(item, respect_timexes=True)
    ordinals = [ent for ent in doc.ents if ent.label_ == "ORDINAL"]
    for item in _ranks(doc, text, ordinals):
        add(item, respect_timexes=True)
    for item in _occurrences(doc, text, ordinals):
        add(item, respect_timexes=True)

    actor_spans = sorted((m.start, m.end, a.id) for a in actors for m in a.mentions)
    figures: list[Figure] = []
    seen: set[tuple[float | None, str | None]] = set()
    ordered = _refine(doc, text, sorted(found, key=lambda f: (f.start, f.end)))
    folded = _conversions(text, ordered)
    conversions = set(folded.values())
    for k, item in enumerate(ordered):
        if k in conversions:
            continue  # a conversion ('(142 km)'), folded into the figure it restates
        start, end = item.start, item.end
        span = doc.char_span(start, end, alignment_mode="expand")
        status = (
            _status(span, text[start:end], dates, kind=item.kind) if span is not None else "fact"
        )
        if item.vague and status == "fact":
            status = "estimate"
        age = (
            item.kind == "quantity"
            and item.unit == "years"
            and span is not None
            and span.root.dep_ not in ("attr", "acomp")
        )
        if age:  # 'Joe Roe, 46, will leave': an age describes the person as the story finds
            status = "fact"  # them, whatever the tense of the clause it sits in
        if (
            status == "fact"
            and figures
            and figures[-1].status == "estimate"
            and re.fullmatch(r",?\s+or\s+", text[figures[-1].end : start])
        ):
            status = "estimate"  # 'about $14 billion, or four times the debt': the same estimate
        conversion = ordered[folded[k]] if k in folded else None
        confidence = _confidence(item, text, span, status)
        if (
            (item.value, item.unit) in seen
            and item.kind == "count"
            and re.search(r"\b(?:the|these|those)\s+$", text[max(0, start - 8) : start], re.I)
        ):
            continue  # 'twelve equations … The 12 equations produced': a definite noun
            # phrase that repeats a count refers back to the things counted, it counts no more
        if (item.value, item.unit) in seen:
            confidence = min(confidence, 0.7)  # said again: a restatement, or another thing
        seen.add((item.value, item.unit))  # of the same size - either way less sure
        owner = _attribution(start, end, quotes, actor_spans, span)
        if figures and not age and span is not None and _listed_after(doc, figures[-1], span):
            # 'four divers from Chile, two army medics and one …': the items of a
            # list share the clause that holds the list, whatever the parse made of them
            prev = figures[-1]
            if not (prev.status == "estimate" and ESTIMATE_HEDGES.match(prev.text)):
                status = prev.status  # ('about 12 million trees and 2,400 square miles':
            owner = prev.attributed_to  # the hedge is the first item's own)
        if (
            owner is None
            and status == "fact"
            and not age
            and span is not None
            and _unlinked_cue(span)
        ):
            confidence = min(confidence, 0.75)
        if (
            status == "fact"
            and not age
            and span is not None
            and _in_definite_subject(span.root)
            and _status(span, text[start:end], dates, definite=False, kind=item.kind) != "fact"
        ):
            confidence = min(confidence, 0.75)  # a fact read past the modal of its predicate
        if owner is not None:
            confidence = min(confidence, 0.75)  # whose figure it is rests on reading the
            # reported speech around it, and the actor's name on the actor extractor
        figures.append(
            Figure(
                kind=item.kind,
                text=text[start:end],
                start=start,
                end=end,
                value=_clean(item.value),
                unit=item.unit,
                per=item.per,
                subject=_figure_subject(span, item),
                attributed_to=owner,
                status=status,
                value_max=_clean(item.value_max),
                confidence=confidence,
                conversion=text[conversion.start : conversion.end] if conversion else None,
            )
        )
    return figures


_PRESENT_PERIOD = re.compile(r"(?:this|these|today|tonight)\b", re.I)
"""A time expression naming the period that holds the present ('this year', 'today')."""
NUMBER_WORD_START = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|score|handful|half)",
    re.I,
)
NUMBERISH = re.compile(r"\d|" + NUMBER_WORD_START.pattern, re.I)
"""A figure holds a digit or a number word: the patterns run only near one."""


RATIO = re.compile(
    rf"(?<![\w.$£€-])(?:{HEDGE}*)(?P<a>(?>{DIGITS})|(?!\d){WORD_NUMBER})\s+(?:in|out\s+of)\s+"
    rf"(?P<b>(?>{DIGITS})|(?!\d){WORD_NUMBER})\b(?![.,]\d|\s+(?:{'|'.join(sorted(TIME_NOUNS))})\b)",
    re.I,
)
"""A proportion ('one in five divorcees', 'nine out of 10 doctors'): a share in percent, not
a count of the denominator."""
MULTIPLE = re.compile(
    rf"(?<![\w.-])(?:{HEDGE}*)(?P<n>(?>{DIGITS})|(?!\d){WORD_NUMBER})-?fold\b", re.I
)
"""A multiple written with '-fold' ('increased tenfold', 'a 3-fold rise'): so many times. The
digits of both patterns are read whole (see `NUMBER` in `figure_patterns`)."""


_NUMBERISH_FILTER = Dispatch([NUMBER_WORD_START])
_SCANNED = [MONEY, PERCENT, QUANTITY, VAGUE, RATIO, MULTIPLE]
_FILTERED = _SCANNED[1:]
_FILTERED_DISPATCH = Dispatch(_FILTERED)
_WORD_SYMBOLS = [s for s in CURRENCY_SYMBOLS if s[0].isalpha() and ("$" in s or "£" in s)]
MONEY_WORD_HEAD = re.compile(
    rf"(?<![\w$€£¥₹.])(?:{HEDGE}|between\s+|(?:{_alt(_WORD_SYMBOLS)})\s?"
    rf"|(?:Rs\.?|dlrs\.?|{'|'.join(ISO_CODES)})\s?(?=\d)|{NUMBER})",
    re.I,
)
"""How a `MONEY` match that begins with a word character begins: a hedge, 'between', a
currency symbol in letters ('US$') or code before a number, or a number (the first item of
each of its branches). The prefilter reads this regex's starts, which it cannot for `MONEY`
itself (a match may also begin with a sign: '$', '€')."""
_MONEY_HEAD_DISPATCH = Dispatch([MONEY_WORD_HEAD])
_MONEY_SIGN = re.compile(
    "[" + re.escape("".join(sorted({s[0] for s in CURRENCY_SYMBOLS if not s[0].isalpha()}))) + "]"
)
"""The currency signs: where a `MONEY` match that does not begin with a word begins."""
_ALL_DISPATCH = Dispatch([MONEY_WORD_HEAD, *_FILTERED])
"""Which of `MONEY` (by its head) and the patterns of `_FILTERED` may start at a word."""


def _noun_number(doc: Doc, start: int) -> bool:
    """A number used as a noun after a determiner or an adjective ('the front nine in 41'),
    not the part of a share ('nearly one in five', 'a one in five chance')."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in ("a", "an"):
        return False
    return before.tag_ in ("DT", "PRP$", "JJ", "JJR", "JJS") or before.dep_ == "poss"


def _windows(scan: Scan, reach: int = 80) -> list[tuple[int, int]]:
    """Merged stretches of the text within `reach` characters of a number."""
    return scan.windows(NUMBERISH, _NUMBERISH_FILTER, reach)


def _all_matches(
    scan: Scan, windows: list[tuple[int, int]]
) -> dict[re.Pattern[str], list[re.Match[str]]]:
    """The matches of each pattern of `_SCANNED` within the windows, each once, in text order
    (what `finditer` over each window finds; the prefilter spares trying a pattern where it
    cannot start). One pass over the word starts reads which patterns may start at each, as
    `_money_matches` and `Scan.matches` do apart."""
    if any(f is None for f in _ALL_DISPATCH.filters):  # the prefilter cannot read them all
        found = [
            _money_matches(scan, windows),
            *scan.matches(_FILTERED, _FILTERED_DISPATCH, windows),
        ]
    else:
        found = _matches_in_one_pass(scan, windows)
    out = {}
    for pattern, matches in zip(_SCANNED, found, strict=True):
        seen: dict[tuple[int, int], re.Match[str]] = {}
        for match in matches:
            seen.setdefault(match.span(), match)
        out[pattern] = [seen[k] for k in sorted(seen)]
    return out


def _matches_in_one_pass(scan: Scan, windows: list[tuple[int, int]]) -> list[list[re.Match[str]]]:
    """`[_money_matches(scan, windows), *scan.matches(_FILTERED, _FILTERED_DISPATCH, windows)]`,
    with the rules of each word start looked up once for all the patterns (`_ALL_DISPATCH`:
    rule 0 is where a `MONEY` match may begin, rule k the k-th pattern of `_FILTERED`)."""
    text, canon, starts = scan.text, scan.canon, scan.starts
    rules_for = _ALL_DISPATCH.rules_for
    money: list[re.Match[str]] = []
    found: list[list[re.Match[str]]] = [[] for _ in _FILTERED]
    last_end = [0] * len(_FILTERED)
    for lo, hi in windows:
        at = []
        for p in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            for k in rules_for(canon[p : min(p + PREFIX, hi)]):
                if k == 0:
                    at.append(p)
                    continue
                k -= 1
                if p < last_end[k]:
                    continue
                match = _FILTERED[k].match(text, p, hi)
                if match is not None:
                    found[k].append(match)
                    last_end[k] = match.end()
        money.extend(_money_from(text, at, lo, hi))
    return [money, *found]


def _money_matches(scan: Scan, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """What `MONEY.finditer` over each window finds, with `MONEY` tried only where it can
    begin: at a currency sign, or at a word start (its lookbehind puts no word character
    before it) where the prefilter lets `MONEY_WORD_HEAD` through, as `Scan.matches` does."""
    if _MONEY_HEAD_DISPATCH.filters[0] is None:  # the prefilter cannot read the head
        return [m for lo, hi in windows for m in MONEY.finditer(scan.text, lo, hi)]
    text, canon, starts = scan.text, scan.canon, scan.starts
    rules_for = _MONEY_HEAD_DISPATCH.rules_for
    found: list[re.Match[str]] = []
    for lo, hi in windows:
        at = [
            p
            for p in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]
            if rules_for(canon[p : min(p + PREFIX, hi)])
        ]
        found.extend(_money_from(text, at, lo, hi))
    return found


def _money_from(text: str, at: list[int], lo: int, hi: int) -> list[re.Match[str]]:
    """The `MONEY` matches in `text[lo:hi]` that `finditer` finds, given the word starts `at`
    where one may begin (in order): those and the currency signs are the places tried."""
    at.extend(m.start() for m in _MONEY_SIGN.finditer(text, lo, hi))
    at.sort()
    found = []
    last = lo
    for p in at:
        if p < last:
            continue
        match = MONEY.match(text, p, hi)
        if match is not None:
            found.append(match)
            last = match.end()
    return found


MULTIPLIERS = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "treble": 3, "quadruple": 4,
               "half": 0.5}  # fmt: skip
MULTIPLE_WORD = re.compile(
    r"\b(?:twice|thrice|double|triple|treble|quadruple|half)\s+"
    r"(?:as|the|its|their|his|her|our|that|those)\b",
    re.I,
)
"""A multiplicative word before a comparison or a noun phrase: 'twice the size', 'half as
much coal', 'double the number in 2017'."""
_MULTIPLE_WORD_DISPATCH = Dispatch([MULTIPLE_WORD])


def _multiples(doc: Doc, text: str, scan: Scan | None = None) -> list[Found]:
    """Multiples and halves written as words (English multiplicatives: 'twice', 'double' as a
    predeterminer, 'half as'). A verb ('to double the number') states a change, not a value;
    'the second half of', 'a half' name a part, not a share. With the text's `scan`, the
    pattern is tried only at the words that can begin it (what `finditer` finds)."""
    items = []
    if scan is None or _MULTIPLE_WORD_DISPATCH.filters[0] is None:
        matches = list(MULTIPLE_WORD.finditer(text))
    else:
        matches = scan.matches([MULTIPLE_WORD], _MULTIPLE_WORD_DISPATCH, [(0, len(text))])[0]
    for match in matches:
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        word, nxt = span[0], span[1]
        if word.lower_ not in ("twice", "thrice") and (
            word.pos_ in ("VERB", "AUX") or word.tag_.startswith("VB")
        ):
            continue  # 'twice' and 'thrice' are adverbs whatever the tagger says
        before = doc[word.i - 1] if word.i > 0 else None
        if before is not None and (
            before.pos_ in ("DET", "ADJ", "NUM", "PRON") or before.lower_ in ("by", "in")
        ):
            continue  # 'the first half of', 'one and a half', 'cut in half'
        low = word.lower_
        end = nxt.idx + len(nxt.text)
        if nxt.lower_ == "as":
            if word.i + 2 >= len(doc) or not doc[word.i + 2].is_alpha:
                continue
            end = doc[word.i + 2].idx + len(doc[word.i + 2].text)  # 'half as much'
        else:
            head = nxt.head if nxt.dep_ in ("det", "poss") else None
            if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i - word.i > 5:
                continue
            if head.dep_ in ("nsubj", "nsubjpass"):
                continue  # 'Twice the winger visited': an adverb of frequency before a subject
            end = head.idx + len(head.text)
        if low == "half" and nxt.lower_ != "as":
            continue  # 'half the help people need': a share, whose owner is the source of
            # the whole (a report, a survey) more often than the sentence's subject
        start = _hedged_start(text, word.idx)
        value = MULTIPLIERS[low]
        items.append(
            Found(kind="count", start=start, end=end, value=value, unit="times", worded=True)
        )
    return items


def _conversions(text: str, items: list[Found]) -> dict[int, int]:
    """Figure index → index of the figure right after it, in brackets or after ', or', that
    restates it in other units ('190 kilometers (118 miles)', '$10 (€9)', '55 mph, or 88.5
    kph')."""
    out = {}
    for k in range(len(items) - 1):
        a, b = items[k], items[k + 1]
        if a.kind != b.kind or a.kind not in ("quantity", "money") or a.unit == b.unit:
            continue
        if re.fullmatch(
            r"\s*[(\[]\s*(?:about|around|roughly|some|or|nearly|approximately)?\s*",
            text[a.end : b.start],
        ) and re.match(r"\s*[)\]]", text[b.end : b.end + 10]):
            out[k] = k + 1
        elif (
            a.per == b.per
            and a.value_max is None
            and b.value_max is None
            and re.fullmatch(
                r",\s+or\s+(?:about|around|roughly|some|nearly|approximately|almost)?\s*",
                text[a.end : b.start],
            )
        ):  # '55 mph, or 88.5 kph': 'or' restates the same amount in other units
            out[k] = k + 1
    return out


RANGE_GAP = re.compile(r"\s*(?:to|or|and)\s*|-|–|—|\s+-\s+", re.I)
"""Between the two ends of a range: '60 to 100 trucks', 'four or five buyers', '25-54'. A
dash with a space on each side ('£1,400 a year – £9,600 rather than') sets off a
parenthesis: by typographic convention a range takes a closed-up en dash."""
PERIOD_GAP = re.compile(r"\s+(?:over|within)\s+(?:the\s+(?:next|past|last|following)\s+)?", re.I)
"""Between an amount and the period it accrues over ('$631 billion over 10 years')."""
BARE_NOUNS = frozenset({"other", "others", "them", "those", "these"})


def _refine(doc: Doc, text: str, items: list[Found]) -> list[Found]:
    """Read figures against their neighbours: the two ends of a range become one figure; the
    period an amount accrues over stays with that amount rather than standing alone; a count
    whose noun is left out takes the noun of the count before it in the same or the previous
    sentence ('21 Christians — 20 of them', 'two tablets … she had taken eight'), or of 'the
    number of …' in its sentence; a number that still counts nothing named is left out, since
    a reader could not tell what it measures."""
    merged: list[Found] = []
    for item in items:
        prev = merged[-1] if merged else None
        if prev is not None and _range_of(text, prev, item):
            merged[-1] = Found(
                kind=item.kind if prev.kind == "count" else prev.kind,
                start=prev.start,
                end=item.end,
                value=prev.value,
                value_max=item.value_max if item.value_max is not None else item.value,
                unit=prev.unit if prev.kind != "count" else item.unit or prev.unit,
                per=item.per or prev.per,
                vague=prev.vague or item.vague,
                duration=prev.duration or item.duration,
            )
            continue
        if (
            prev is not None
            and item.duration
            and prev.kind in ("money", "quantity", "percent", "count")
            and PERIOD_GAP.fullmatch(text[prev.end : item.start])
        ):
            continue  # '$300 billion over two years': the period of that amount
        merged.append(item)
    out: list[Found] = []
    for item in merged:
        if (
            item.kind == "count"
            and not item.vague
            and (item.unit is None or item.unit in BARE_NOUNS)
        ):
            hyphened = text[item.end : item.end + 1] == "-"  # '1.2-billion-yuan': a modifier
            unit = None if hyphened else _elided_unit(doc, text, item, out)
            if unit is None:
                if item.per is not None:
                    out.append(item)  # 'two a month': a rate measures how often
                continue
            item = Found(
                kind=item.kind,
                start=item.start,
                end=item.end,
                value=item.value,
                value_max=item.value_max,
                unit=unit,
                per=item.per,
                elided=True,
            )
        out.append(item)
    return out


def _range_of(text: str, a: Found, b: Found) -> bool:
    """`a` and `b` are the two ends of one range ('between 400 and 600 breaks')."""
    if a.value is None or b.value is None or b.value <= a.value or a.value_max is not None:
        return False
    gap = RANGE_GAP.fullmatch(text[a.end : b.start])
    if gap is None:
        return False
    if gap.group(0).strip().lower() == "and":  # only 'between 25 and 54' is a range
        between = re.search(
            r"\bbetween\s+(?:the\s+ages?\s+of\s+)?$", text[max(0, a.start - 30) : a.start], re.I
        )
        return between is not None and (a.kind == b.kind or b.kind == "count")
    if a.kind != b.kind and not (a.kind == "count" and a.unit is None):
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def _elided_unit(doc: Doc, text: str, item: Found, before: list[Found]) -> str | None:
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    low = sent.start - 1
    floor = doc[low].sent.start_char if low >= 0 else sent.start_char
    for prev in reversed(before):
        if prev.end <= floor:
            break
        if prev.kind == "count" and prev.unit and prev.unit not in BARE_NOUNS and not prev.vague:
            return prev.unit
    for tok in sent:
        if tok.i >= span.start:
            break
        if tok.lower_ == "number" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
            noun = doc[tok.i + 2]
            if noun.tag_ in ("NNS", "NNPS"):
                return _counted_unit(noun)
    return None


def _vague_value(words: str) -> float | None:
    low = " ".join(words.lower().split())
    found = re.findall(r"dozens|scores|hundreds|thousands|millions|billions|dozen|score", low)
    if not found:
        return None
    value = float(VAGUE_VALUES[found[-1]])
    if low.startswith("tens of"):
        value *= 10
    elif len(found) == 2:
        value *= VAGUE_VALUES[found[0]]  # 'hundreds of millions'
    return value


def _duration(text: str, timex: TimeExpression) -> Found | None:
    """A length of time with a number ('for two years', 'a five-minute test', '18 months'):
    a figure of kind duration in that unit (TimeML counts it a time expression, not a value)."""
    if timex.type != "DURATION" or re.match(
        r"\s+(?:later|earlier|ago|after|before|on|into|from\s+now)\b",
        text[timex.end : timex.end + 12],
    ):
        return None  # 'two years later', 'five minutes into the half' date an event
    if re.fullmatch(r"one\s+(?:day|morning|evening|night|year)", timex.text, re.I) and re.search(
        r"(?:^|[.!?]\s+|[,;]\s*|\b(?:and|then|but|until|when|so)\s+)$",
        text[max(0, timex.start - 12) : timex.start],
        re.I,
    ):
        return None  # 'And then one day it broke down': a point in the story, not a length
    if re.search(r"\w-\w+$", timex.text) and re.match(r"\s+[A-Z]", text[timex.end : timex.end + 2]):
        return None  # 'the 10-year Treasury note': the name of a class of bond, not a length
    match = re.fullmatch(
        r"(?P<det>(?:the|a|an|this|that)\s+(?=[\d-]|\w+-))?"
        r"(?:(?:about|around|nearly|almost|more\s+than|less\s+than|at\s+least|some|over)\s+)?"
        r"([\d.,]+|[a-z]+(?:[\s-][a-z]+)?)[\s-]+"
        r"(year|month|week|day|hour|minute|second|decade|centur(?=y|ies))(?:s|y|ies)?"
        r"(?:[\s-]+(?:old|long))?",
        timex.text,
        re.I,
    )
    if not match:
        return None
    value = parse_amount(re.sub(r"^a\s+half$", "half a", match.group(2).replace("-", " ")))
    if value is None:
        return None
    unit = match.group(3).lower()
    if unit == "centur":
        value, unit = value * 100, "year"  # 'a half century': fifty years
    elif unit == "decade" and not float(value).is_integer():
        value, unit = value * 10, "year"  # 'half a decade': five years
    start = timex.start + len(match.group("det") or "")  # 'the 20-minute flight'
    hedge = DURATION_HEDGE.search(text[max(0, start - 20) : start])  # 'about two months'
    return Found(
        kind="duration",
        start=start - len(hedge.group(0)) if hedge and not match.group("det") else start,
        end=timex.end,
        value=value,
        unit=unit,
        duration=True,
    )


DURATION_HEDGE = re.compile(
    r"(?<![\w-])(?:about|around|roughly|approximately|some|nearly|almost)\s+$", re.I
)
"""A hedge before a length of time the time grammar left out ('about two months'); 'over',
'within' are prepositions there ('$300 billion over two years')."""


_AGED_TIMEX = re.compile(r"(?<!\S)\S+\s+\w+[-–](?:old|long)")


def _ages_a_plural(doc: Doc, timex: TimeExpression) -> bool:
    """A time expression 'N unit-old' whose unit is a compound on a plural noun ('four
    century-old schooners'): the number counts the noun."""
    words = timex.text
    if ("old" not in words and "long" not in words) or not _AGED_TIMEX.fullmatch(words):
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    unit = next((t for t in span if t.lower_ in TIME_NOUNS), None)
    return unit is not None and _aged_plural(unit) is not None


def _untagged_duration(
    text: str, start: int, end: int, words: str, unit: Token, before: Token | None
) -> Found | None:
    """A length of time the time grammar left untagged ('for the next hundred years'). A
    number of time units that places an event ('two years ago', 'in three days', 'a week
    later') dates it rather than measures it."""
    value = parse_amount(words)
    if (
        value is None
        or unit.lower_ in ("second", "quarter", "quarters")
        or unit.i > 0
        and (unit.nbor(-1).idx + len(unit.nbor(-1).text) != unit.idx and unit.nbor(-1).text == "-")
    ):
        return None
    after = text[unit.idx + len(unit.text) : unit.idx + len(unit.text) + 14]
    if re.match(r"\s+(?:later|earlier|ago|after|before|on|into|from\s+now|hence)\b", after, re.I):
        return None
    if before is not None and before.lower_ in ("in", "within", "by", "after", "until"):
        return None
    singular = unit.lemma_.lower()
    if singular not in ("year", "month", "week", "day", "hour", "minute", "decade", "century"):
        return None
    if singular == "century":
        value, singular = value * 100, "year"
    return Found(
        kind="duration",
        start=_hedged_start(text, start),
        end=unit.idx + len(unit.text),
        value=value,
        unit=singular,
        duration=True,
    )


def _confidence(item: Found, text: str, span: Span | None, status: FigureStatus = "fact") -> float:
    """How sure a figure is. An amount with its sign or unit written ('$5 million', '4.2
    percent', '90 miles') is safest; a count relies on the parse for the noun it counts, so it
    is less sure; a noun taken from an earlier count, a vague count and a length of time less
    still. A status other than fact rests on reading the verbs around the figure, which is less
    sure than reading the amount: it caps the confidence below the confident band, as do
    a value said again and a figure given to an actor (see `extract_figures`)."""
    if item.kind in ("money", "percent"):
        score = 0.9
    elif item.kind == "quantity":
        score = 0.85
    elif item.kind == "count":
        score = 0.75 if item.unit else UNCERTAIN
    else:
        score = 0.6
    if item.vague or item.duration or item.elided:
        score = min(score, 0.65)
    if item.worded:
        score = min(score, 0.75)
    if status != "fact":
        score = min(score, 0.7)
    return score


# --- finding ----------------------------------------------------------------------------------


def _clean(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


STERLING = re.compile(r"£|\bsterling\b|\bGBP\b|\bpence\b|\bBritish\s+pounds?\b", re.I)
"""Signs that an article counts money in pounds sterling."""
COMMERCE = re.compile(
    r"\b(?:pa(?:y|ys|id|ying)|cost(?:s|ing)?|sp[ea]nd(?:s|ing)?|spent|worth|price[ds]?|fined?"
    r"|sold|sell(?:s|ing)?|b(?:uy|uys|ought|uying)|rais(?:e|es|ed|ing)|earn(?:s|ed|ing)?|fees?"
    r"|salary|wages?|deal|budget|bid|offer(?:ed)?|loans?|debts?|revenue|profits?|owe[ds]?)\b"
    r"[^.;:]{0,40}$",
    re.I,
)
"""Words of the commercial event (buying, paying, costing, owing): an amount they govern is
money, in whatever currency."""
WEIGHING = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weights?|heav(?:y|ier|iest))\b[^.;:]{0,40}$", re.I)


def _weight(text: str, match: re.Match[str], sterling: bool) -> bool:
    """'pounds' that weigh: after a verb or noun of weighing in its clause ('weighed some 800
    pounds'), or in an article that writes its money with '$' and never in sterling (no '£',
    'pence', 'sterling'), unless an amount of money restates it in brackets ('5 million
    pounds ($6.5 million)'), as sterling sums in such articles are."""
    before = text[max(0, match.start() - 60) : match.start()]
    if WEIGHING.search(before):
        return True
    return (
        not sterling
        and not re.match(r"\s*\(\s*(?:US|A|C)?\$", text[match.end() :])
        and not COMMERCE.search(before)
    )


def _money(text: str, match: re.Match[str], sterling: bool = True) -> Found | None:
    first, scale = amount_of(match.group("first"))
    if first is None:
        return None
    second = None
    if match.group("second"):
        second, second_scale = amount_of(match.group("second"))
        if second is not None and scale is None and second_scale and first < 1000:
            first *= amount_of(f"1 {second_scale}")[0] or 1  # '$1.2 to $23.5 million'
    currency = currency_of(match.group(0))
    if currency == "GBP" and re.search(r"pounds?$", match.group("first"), re.I):
        if re.search(r"-pounds?$", match.group("first"), re.I):
            return None  # 'a 300-pound cover': a weight, as the compound adjective reads first
        if re.match(r"\s*(?:of\b|\(\s*\d)", text[match.end() : match.end() + 30]):
            return None  # '500 pounds of supplies' is a weight
        if not match.group("second") and _weight(text, match, sterling):
            return Found(kind="quantity", start=_trim_hedge_start(text, match.start(), match),
                         end=match.end("first"), value=first, unit="pound")  # fmt: skip
    if currency == "cents":
        first, second = first / 100, (second / 100 if second is not None else None)
        currency = "USD" if "$" in text else None
    if currency is None:
        return None
    start, end = match.span()
    rate = match.group("rate") or ""
    if second is not None and second < first:  # 'paid $5 million to 40 workers': not a range
        second, end, rate = None, match.end("first"), ""
    start = _trim_hedge_start(text, start, match)
    return Found(
        kind="money",
        start=start,
        end=end,
        value=first,
        value_max=second,
        unit=currency,
        per=rate_of(rate),
    )


def _percent(text: str, match: re.Match[str]) -> Found:
    first = parse_amount(match.group("first"))
    second = parse_amount(match.group("second")) if match.group("second") else None
    unit_word = match.group("unit").lower()
    unit = (
        "percentage points"
        if "point" in unit_word and "basis" not in unit_word
        else "basis points"
        if "basis" in unit_word or unit_word == "bps"
        else "%"
    )
    start = _trim_hedge_start(text, match.start(), match)
    return Found(
        kind="percent", start=start, end=match.end(), value=first, value_max=second, unit=unit
    )


def _trim_hedge_start(text: str, start: int, match: re.Match[str]) -> int:
    """Leave out leading words that belong to the sentence rather than the amount ('another
    $300 million', 'only 5%', 'a total of €2bn')."""
    lead = re.match(
        r"(?:(?:only|all|another|a\s+further|an\s+additional|a\s+total\s+of|a\s+record)\s+)+",
        text[start : start + 60],
        re.I,
    )
    return start + lead.end() if lead else start


def _quantity(doc: Doc, match: re.Match[str]) -> Found | None:
    unit_word = match.group("unit").lower()
    unit = UNITS[unit_word]
    first = parse_amount(match.group("first"))
    if first is None:
        return None
    if len(unit_word) == 1 and (
        match.group("unit").isupper() or not re.search(r"\d$", match.group("first"))
    ):
        return None  # '3G' is a network generation, not three grams
    if unit in ("points", "seats", "troops"):
        return None  # counted nouns: left to the counts, which know their subject
    if match.group("first")[:1].isupper() and (
        match.group("unit")[:1].isupper()
        or re.match(r"\s+[A-Z]", doc.text[match.end() : match.end() + 2])
    ):
        return None  # 'Forty Acre Wood', 'Three-hundred-foot Ridge ...': inside a name
    second = parse_amount(match.group("second")) if match.group("second") else None
    return Found(
        kind="quantity",
        start=match.start(),
        end=match.end(),
        value=first,
        value_max=second,
        unit=_unit_name(match.group("unit"), unit),
    )


def _unit_name(written: str, symbol: str) -> str:
    """The unit as the article names it, in the singular ('miles' → 'mile', 'metric tons' →
    'metric ton', 'feet' → 'foot'); symbols stay symbols ('km', 'GHz')."""
    low = " ".join(written.lower().split())
    if len(low) <= 3 or not re.fullmatch(r"[a-z ]+", low) or symbol in METRIC:
        return symbol
    if low in UNIT_WORDS:
        return UNIT_WORDS[low]
    if low.endswith("inches"):
        return low[:-2]
    return low[:-1] if low.endswith("s") else low


def _counts(doc: Doc, text: str, claimed: Sequence[bytearray] = ()) -> list[Found]:
    """Counts and bare numbers from spaCy's number tokens, with the noun they count. A number
    on a character `claimed` marks (by a figure found before, or a time expression) is left
    unread: a count holds its number's characters, and could not be added (`extract_figures`)."""
    items: list[Found] = []
    n = len(doc)
    # only tokens of digits or number words can start a count: found in one pass over the doc
    starts = _number_starts(doc)
    numbers = set(starts)  # `_is_number` holds only of these
    scales = {doc.vocab.strings[w] for w in SCALE_WORDS}
    lowers, idx, length = (
        doc.to_array(["LOWER", "IDX", "LENGTH"]).T.tolist() if starts else [[]] * 3
    )
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the group or range just read
        i = start
        tok = doc[i]
        joined = _joined_range(tok) if text[tok.idx].isdigit() else None  # (it needs a digit)
        if joined is not None:
            items.append(joined[0])
            i = joined[1]
            continue
        if not _is_number(tok):
            continue
        j = i
        while j + 1 < n and (
            (j + 1 in numbers and _is_number(doc[j + 1])) or lowers[j + 1] in scales
        ):  # `_is_number(doc[j + 1]) or _is_scale(doc[j + 1])`
            j += 1
        first, end = idx[i], idx[j] + length[j]  # the group's characters
        group_start, i = i, j + 1
        if any(marks.find(1, first, end) >= 0 for marks in claimed):
            continue
        item = _count(doc, text, doc[group_start:i])
        if item is not None:
            items.append(item)
    return items


def _number_starts(doc: Doc) -> list[int]:
    """The tokens that begin with a digit or are number words (`t.text[:1].isdigit() or
    t.lower_ in NUMBER_WORDS`), read from the doc's arrays rather than token by token: a
    word's hash is among those of the number words whenever the word is one."""
    text = doc_text(doc)
    if not len(doc):
        return []
    hashes = {doc.vocab.strings[w] for w in NUMBER_WORDS}
    idx_array, lower_array = doc.to_array(["IDX", "LOWER"]).T
    idx, lower = idx_array.tolist(), lower_array.tolist()
    codes = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    first = codes[idx_array.astype(numpy.intp)]
    # the tokens worth testing: an ASCII digit or any other character than ASCII first, or the
    # hash of a number word
    maybe = ((first >= ord("0")) & (first <= ord("9"))) | (first >= 128)
    maybe |= numpy.isin(lower_array, numpy.array(sorted(hashes), dtype=numpy.uint64))
    return [
        i
        for i in numpy.flatnonzero(maybe).tolist()
        if text[idx[i]].isdigit() or (lower[i] in hashes and doc[i].lower_ in NUMBER_WORDS)
    ]


_HYPHEN_RANGE = re.compile(rf"(?<![\d,.])({DIGITS})[-–]({DIGITS})(?![\d,.–-])")
_JOINED_BEFORE = re.compile(r"[\w/:.#-]$")


def _joined_range(tok: Token) -> tuple[Found, int] | None:
    """A range written with a hyphen before a plural noun ('200-250 seats') and the index of
    that noun; not two years joined ('1914-1918'), a phone number or a model ('A330-200')."""
    doc = tok.doc
    text = doc_text(doc)
    match = _HYPHEN_RANGE.match(text[tok.idx : tok.idx + 30])
    if match is None or _JOINED_BEFORE.search(text[max(0, tok.idx - 1) : tok.idx]):
        return None
    span = doc.char_span(tok.idx, tok.idx + match.end(), alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    noun = doc[span.end]
    if noun.tag_ != "NNS" or noun.lower_ in TIME_NOUNS:
        return None
    low, high = parse_amount(match.group(1)), parse_amount(match.group(2))
    if low is None or high is None or high <= low or 1000 <= low < 2100:
        return None
    found = Found(
        kind="count",
        start=tok.idx,
        end=tok.idx + match.end(),
        value=low,
        value_max=high,
        unit=_counted_unit(noun),
    )
    return found, span.end


_ORDINAL_DIGITS = re.compile(r"(?<!\d)\d+(?:st|nd|rd|th)")
_NUMBER_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if low == "dozen" and tok.i > 0 and tok.nbor(-1).lower_ == "a":
        return _plural_after(tok) is not None  # 'a dozen islands' counts twelve islands
    if low in ORDINAL_WORDS or _ORDINAL_DIGITS.fullmatch(low):
        return False
    if _NUMBER_DIGITS.fullmatch(tok.text):
        return True
    return low in NUMBER_WORDS and tok.pos_ == "NUM"


SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")


def _is_scale(tok: Token) -> bool:
    return tok.lower_ in SCALE_WORDS


_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")
_ENUMERATOR_END = re.compile(r"[.)]\s")
_SHARE_AFTER = re.compile(r"-(?:halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b")
_SPACES = re.compile(r"\s+")
_FRACTION_AFTER = re.compile(r"\s*([½¼¾⅓⅔])")
_RATE_AFTER = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(day|week|month|year|hour)\b"
    r"(?!\s+(?:later|earlier|after|before|ago|or|of)\b)"
)
"""'two a month', '100 trucks a day': a rate; 'a day later', 'a year ago', 'a day or two' are
times, and 'a year of work' names a stretch."""
_RATE_ADVERB = re.compile(r"\s+(daily|weekly|monthly|annually|yearly|hourly)\b")


def _count(doc: Doc, text: str, group: Span) -> Found | None:
    start, end = group.start_char, group.end_char
    words = group.text
    low = words.lower()
    first, last = group[0], group[-1]
    if _YEAR_DIGITS.fullmatch(words) and not _counts_plural(last):
        return None  # a year
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() == "" and _ENUMERATOR_END.match(text[end : end + 2]):
        # a list enumerator ('2. Norway'): a rank when the list ranks something, else nothing
        if RANKING.search(text[max(0, line_start - 300) : line_start]):
            value = parse_amount(words)
            return Found(kind="rank", start=start, end=end, value=value, unit="rank")
        return None
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if low in ("one", "a") or (low == "1" and after is not None and after.lower_ == "of"):
        return None  # 'one of', 'One more thing': a pronoun or article more than a count
    if _in_code(text, start, end) or (
        _in_name(text, first, last, before, after)
        and (
            _plural_after(last) is None
            or (before is not None and before.pos_ == "PROPN")
            or _after_descriptive(first, last, before, after)
        )
    ):
        return None  # a name or model ('Boeing 787'), unless it counts a plural ('500 Apple engineers')
    if low in SMALL_WORDS and before is not None and before.lower_ in DEFINITE_OR_ALL:
        return None  # 'the two companies' refers back rather than counts
    if _SHARE_AFTER.match(text[end : end + 60]):
        return None  # 'two-thirds' is a share, not a count
    aged = AGE_AFTER.match(text[end : end + 60])
    aged_noun = _aged_plural(after) if after is not None else None
    if aged_noun is not None:
        aged = None  # 'four century-old schooners' counts schooners
    elif after is not None and after.lower_ in TIME_NOUNS and not aged:
        return _untagged_duration(text, start, end, words, after, before)
    if _hyphen_noun(before, last):
        return None  # 'a two-wheeler', 'this five-some': one thing named by a number
    if low == "dozen" and before is not None and before.lower_ == "a":
        start, words = before.idx, "a dozen"  # 'more than a dozen islands'
    value = parse_amount(_SPACES.sub(" ", words))
    if value is None:
        return None
    fraction = _FRACTION_AFTER.match(text[end : end + 3])
    if fraction:  # '6 ½ minutes'
        value += FRACTIONS[fraction.group(1)]
        end += fraction.end()
        span = re.match(
            r"\s+(year|month|week|day|hour|minute|second)s?\b", text[end : end + 12], re.I
        )
        if span:  # a length of time the time grammar could not read
            return Found(kind="duration", start=_hedged_start(text, start), end=end + span.end(),
                         value=value, unit=span.group(1).lower(), duration=True)  # fmt: skip
    start = _hedged_start(text, start)
    if aged is not None:  # '52-year-old', 'the 93 year-old', '50,000 years old'
        return Found(kind="quantity", start=start, end=end + aged.end(), value=value, unit="years")
    if _age(first, before, after):
        return Found(kind="quantity", start=start, end=end, value=value, unit="years")
    noun = aged_noun or _counted_noun(last) or _plural_after(last) or _group_of(first)
    if noun is None and _predicate_age(first, last, value):
        return Found(kind="quantity", start=start, end=end, value=value, unit="years",
                     elided=True)  # fmt: skip
    if noun is not None and (noun.lower_ in TIME_NOUNS or noun.lemma_.lower() in GENERAL_NOUNS):
        return None
    unit = _counted_unit(noun) if noun is not None else None
    if (
        noun is not None
        and unit is not None
        and UNITS.get(noun.lower_) not in (None, "points", "seats", "troops")
    ):  # a unit of measure, not a counted noun ('10 bonus points' counts points)
        unit = _compound_unit(noun, last, unit)
    if after is not None and after.lower_ in ("times", "fold"):
        unit = "times"  # 'six times the value': a multiple
    per = None
    rate = _RATE_AFTER.match(text[end : end + 60])
    if rate:
        per = rate.group(1)
    elif noun is not None and noun.i >= last.i:
        # '4.5 million bottles per year', '100 trucks a day', '4,000 bottles annually': the rate
        # follows the counted noun
        after_noun = noun.idx + len(noun.text)
        rate = _RATE_AFTER.match(text[after_noun : after_noun + 60])
        adverb = None if rate else _RATE_ADVERB.match(text[after_noun : after_noun + 30])
        word = adverb.group(1).lower() if adverb else ""
        # 'annually' → 'year' as `rate_of` reads it; 'hourly' (not in RATE_WORDS) → 'hour'
        per = rate.group(1) if rate else RATE_WORDS.get(word, word[:-2]) if adverb else None
    return Found(kind="count", start=start, end=end, value=value, unit=unit, per=per)


ZERO_PLURALS = frozenset(
    "aircraft spacecraft hovercraft craft sheep deer fish cattle staff personnel police "
    "offspring species series means head".split()
)
"""Nouns whose plural is the singular ('100 tanker aircraft'): a count may stand before them."""
AGE_AFTER = re.compile(r"[\s-](?:years?|yrs?)[\s-]old\b", re.I)
"""An age after its number: '52-year-old', '93 year-old', '50,000 years old'."""
GENERAL_NOUNS = frozenset({"thing", "way"})
"""General nouns (Halliday and Hasan's class of nouns that stand for any thing or manner):
'two critical things', 'one of two ways' enumerate points of the argument, they measure
nothing a reader would look up."""


PARTITIVES = frozenset("piece type kind sort form variety species item".split())
"""Nouns that count through another ('two pieces of legislation', '17 types of vegetation').
Measure nouns are units by themselves ('4.5 million bottles of wine' counts bottles)."""


def _counted_unit(noun: Token) -> str:
    """The counted noun in the singular: 'people' → 'person', 'gunmen' → 'gunman', 'pieces of
    legislation' → 'piece of legislation'."""
    low = noun.lower_
    if low in UNIT_WORDS:
        unit = UNIT_WORDS[low]
    elif low.endswith("men") and len(low) > 4:
        unit = low[:-3] + "man"
    elif re.fullmatch(r"[A-Z]{2,}s", noun.text):
        unit = noun.text[:-1]  # an acronym keeps its capitals: 'NGOs' → 'NGO'
    elif noun.ent_type_ == "NORP" or (
        noun.text[:1].isupper()
        and low.endswith("s")
        and any(c.ent_type_ == "NORP" and c.i < noun.i for c in noun.children)
    ):
        unit = "person"  # '21 Christians', 'thousands of Norwegians', '20 Flemish Catholics':
        # members of a people or faith are people
    elif noun.tag_ == "NNPS" and low.endswith("s"):
        unit = low[:-1]  # 'Norwegians' → 'norwegian'
    else:
        unit = noun.lemma_.lower()
    if unit in PARTITIVES:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        if objects:
            unit = f"{unit} of {objects[0].text.lower()}"
    return unit


def _compound_unit(noun: Token, number: Token, unit: str) -> str:
    """A unit of measure with a noun before it is a unit of its own ('19,000 lane miles',
    '1,300 lane-miles', 'passenger miles'): the noun says what is measured by the mile, and
    a lane mile is not a mile. Written as the article joins the two words."""
    doc = noun.doc
    k = noun.i - 1
    if k > number.i and doc[k].text == "-" and not doc[k].whitespace_:
        k -= 1
    mod = doc[k]
    if k <= number.i or mod.pos_ != "NOUN" or mod.head.i != noun.i or mod.dep_ != "compound":
        return unit
    return f"{mod.lower_}{'-' if k < noun.i - 1 else ' '}{unit}"


def _aged_plural(unit: Token) -> Token | None:
    """The plural noun after a compound of age or length that follows a number: in 'four
    century-old schooners' the compound 'century-old' describes each schooner and 'four'
    counts them (an age would read 'a four-century-old ship')."""
    doc = unit.doc
    if unit.lower_ not in TIME_NOUNS or unit.i + 2 >= len(doc) or unit.whitespace_:
        return None
    if doc[unit.i + 1].text not in ("-", "–") or doc[unit.i + 2].lower_ not in ("old", "long"):
        return None
    return _plural_after(doc[unit.i + 2])


def _group_of(tok: Token) -> Token | None:
    """The group a number counts the members of: 'a crew of six', 'a family of four'."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].tag_ == "NN":
        if tok.dep_ == "pobj" and tok.head.i == tok.i - 1:
            return doc[tok.i - 2]
    return None


def _plural_after(tok: Token) -> Token | None:
    """The plural noun a number modifies across a few modifiers, when the parse missed it
    ('149 confirmed orders', 'five billion iOS applications')."""
    doc = tok.doc
    for k in range(tok.i + 1, min(len(doc), tok.i + 4)):
        nxt = doc[k]
        if nxt.tag_ in ("NNS", "NNPS"):
            return nxt
        if nxt.tag_ not in ("JJ", "VBN", "NN", "NNP", "HYPH"):
            return None
    return None


def _counts_plural(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_NOUNS


_LETTER = re.compile(r"[A-Za-z]")
_SEPARATOR_DIGIT = re.compile(r"[/:.]\d")
_DIGIT_SEPARATOR = re.compile(r"\d[/:.]$")
_JOINED = re.compile(r"-(\d+)(?![\d.,])")


def _in_code(text: str, start: int, end: int) -> bool:
    """Phone numbers, dates in digits, codes and versions: '555-1234', '7/8/07', '3G', '1.2.3'."""
    left = text[max(0, start - 1) : start]
    right = text[end : end + 2]
    if _LETTER.match(right) or _LETTER.match(left):
        return True
    if _SEPARATOR_DIGIT.match(right) or _DIGIT_SEPARATOR.search(text[max(0, start - 2) : start]):
        return True
    joined = _JOINED.match(text[end : end + 8])
    if (
        joined
        and re.fullmatch(r"\d+", text[start:end])
        and int(joined.group(1)) <= int(text[start:end])
    ):
        return True  # '18-6 win', '8-0 lead', '1-1 draw': a score or tally, not a count
    if re.match(r"-\d", right) and re.search(r"\d-\d{3,}", text[start : end + 6]):
        return True
    if left == "-" and re.match(r"\w", text[max(0, start - 2) : start - 1]):
        return True  # 'A330-200', '737-800'
    if left == "#":
        return True
    if left in ("'", "’") and re.fullmatch(r"\d\d", text[start:end]):
        return True  # "in '91": a year cut short
    return False


_NUMBER_LABEL = re.compile(r"(?:\b(?:Nos?|Nr|nos?)\.?|#)\s*(?:\d+\s*(?:,|and|&)\s*)*$")


def _in_name(
    text: str, first: Token, last: Token, before: Token | None, after: Token | None
) -> bool:
    """A number that names a model, flight or version: 'Boeing 747', 'iPhone 4', '787 Dreamliner',
    'their 777 jet', 'version 10.4', 'No. 1'."""
    before_words = text[max(0, first.idx - 40) : first.idx]
    if any(label in before_words for label in ("#", "No", "Nr", "no")) and _NUMBER_LABEL.search(
        before_words
    ):  # 'No. 1', 'Nos. 3, 4 and 9': numbers that label
        return True
    if (
        first.text[:1].isupper()
        and not first.is_sent_start
        and after is not None
        and after.text[:1].isupper()
    ):
        return True  # 'Forty Acre Wood'
    if before is not None:
        if before.pos_ == "PROPN" and any(c.isupper() for c in before.text):
            return True
        if before.text[:1].islower() and any(c.isupper() for c in before.text[1:]):
            return True  # 'iOS 4', 'iPhone 4': a product written in camel case
        if before.lower_ in ("call", "dial", "dialled", "dialed", "calling", "dialing", "text"):
            return True  # 'call 911': a phone number
        if before.lower_ in (
            "flight",
            "route",
            "no",
            "no.",
            "number",
            "model",
            "version",
            "channel",
            "room",
            "gate",
            "platform",
            "size",
            "#",
        ):
            return True
    model_like = first.i == last.i and re.fullmatch(r"\d{3,4}", first.text) is not None
    if not model_like:
        return False
    if before is not None and before.tag_ == "POS":
        return True  # "Boeing's 787"
    if (
        before is not None
        and before.tag_ in ("JJ", "JJR")
        and before.lower_ != "other"
        and (after is None or after.text != "+")  # 'the new 290+ seat jetliner' counts seats
    ):
        return True  # 'five new 737 aircraft': in English a count comes before the adjectives
        # of its noun phrase, a model number after them
    noun = _counted_noun(first, follow=False)
    if noun is not None and noun.lemma_.lower() in ZERO_PLURALS:
        return False  # '100 tanker aircraft'
    if (
        noun is not None
        and noun.tag_ == "NN"
        and noun.i > first.i + 1
        and all(first.doc[k].is_alpha for k in range(first.i + 1, noun.i))
    ):
        return True  # '737 narrowbody airliner': a number above one takes a plural
    if after is None:
        return False
    if after.pos_ == "PROPN" or after.text in ('"', "“", "'", "‘") or after.tag_ == "NN":
        return True  # a count above one takes a plural: '717 jet'
    return False


PRE_NUMERAL = frozenset(
    "other additional extra further remaining first last next past previous following final "
    "estimated whopping staggering mere full entire total record same only top average few "
    "several many more fewer".split()
)
"""Adjectives that English puts before a cardinal ('an extra 500 jobs', 'the remaining 300
staff', 'the first 100 days'): the postdeterminers and their kin. A descriptive adjective
comes after the cardinal ('500 new jobs')."""


def _after_descriptive(
    first: Token, last: Token, before: Token | None, after: Token | None
) -> bool:
    """A three- or four-digit number after a descriptive adjective names a model or a brand
    even before a plural ('any new 365 stores', 'its larger 777 planes'): a count would stand
    before the adjective ('500 new stores')."""
    return (
        first.i == last.i
        and re.fullmatch(r"\d{3,4}", first.text) is not None
        and before is not None
        and before.tag_ in ("JJ", "JJR")
        and before.lower_ not in PRE_NUMERAL
        and (after is None or after.text != "+")
    )


_HEDGES_BEFORE = re.compile(rf"(?<![\w$€£])(?:{HEDGE})+$", re.I)
_LEAD_HEDGE = re.compile(r"(?:only|another|a\s+further|an\s+additional)\s+", re.I)


def _hedged_start(text: str, start: int) -> int:
    """Move the start back over modifiers that belong to the figure ('about 500', 'all 228')."""
    hedge = _HEDGES_BEFORE.search(text[max(0, start - 40) : start])
    if not hedge:
        return start
    words = hedge.group(0)
    lead = _LEAD_HEDGE.match(words)
    if lead:
        words = words[lead.end() :]
    return start - len(words)


def _age(first: Token, before: Token | None, after: Token | None) -> bool:
    """'aged 55', 'at the age of 56', 'Papermaster, 49,'."""
    if before is None:
        return False
    k = first.i - 1
    while k > 0 and first.doc[k].lower_ in ("over", "under", "between", "about", "around"):
        k -= 1  # 'aged over 45'
    if first.doc[k].lower_ == "aged" or (
        before.lower_ == "of" and first.i >= 2 and first.doc[first.i - 2].lower_ in ("age", "ages")
    ):
        return True
    doc = first.doc
    if before.lower_ == "and" and first.i >= 4 and doc[first.i - 3].text == ",":
        # 'Nell and Hugo Marsden, 47 and 49': the ages of a pair, in the order of the names
        prev = doc[first.i - 2]
        if _age(prev, doc[first.i - 3], before) and (after is None or after.is_punct):
            return re.fullmatch(r"\d{1,3}", first.text) is not None and 0 < int(first.text) < 120
    if before.text == "," and first.i >= 2:
        name = doc[first.i - 2]
        if (
            (name.ent_type_ == "PERSON" or name.pos_ == "PROPN")
            and after is not None
            and (
                after.text in (",", ")", ".")
                or (
                    (after.text in ("(", ";") or after.lower_ == "and")
                    and name.ent_type_ in ("PERSON", "")
                )  # 'Jane Roe, 28 (left)', 'Jane Roe, 52 and …'; not 'Paris, 12 and Rome'
            )
        ):
            return re.fullmatch(r"\d{1,3}", first.text) is not None and 0 < int(first.text) < 120
    return False


MEASURE_NOUNS = frozenset(
    "number total toll count tally figure score result rate price cost vote seat point goal run "
    "margin amount sum share level limit size".split()
)
"""Subjects a bare number measures ('the toll was 16'): the number is their value, not an age."""


SINGULAR_DETERMINERS = frozenset("a an this that his her its my our your their".split())


def _hyphen_noun(before: Token | None, last: Token) -> bool:
    """A number hyphened to a word into a singular noun of its own, heading its phrase after a
    singular determiner: 'a two-wheeler', 'this five-some', 'a 12-seater' name one thing; a
    compound that modifies a noun ('a 300-page report') still counts."""
    doc = last.doc
    while before is not None and before.pos_ == "ADJ" and before.i > 0:
        before = doc[before.i - 1]  # 'his humble two-wheeler'
    if before is None or before.lower_ not in SINGULAR_DETERMINERS or last.i + 2 >= len(doc):
        return False
    if doc[last.i + 1].text != "-" or doc[last.i + 1].whitespace_:
        return False
    word = doc[last.i + 2]
    nxt = doc[last.i + 3] if last.i + 3 < len(doc) else None
    return (word.is_alpha and not word.lower_.endswith("s") or word.lower_.endswith("some")) and (
        nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ") and nxt.text != "-"
    )


def _predicate_age(first: Token, last: Token, value: float) -> bool:
    """A bare whole number as what a person is ('She was 29 when …', 'One of the girls was 14'):
    English gives a person's age as the complement of 'be' with 'years old' left out; a count
    of the subject would read 'there were 16 boys'. Measure nouns as subjects ('the toll was
    16') keep the number as their value."""
    if first.i != last.i or not value.is_integer() or not 0 < value < 120:
        return False
    head = first.head
    if first.dep_ not in ("attr", "acomp") or head.lemma_ != "be" or first.i < head.i:
        return False
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if after is not None and (
        after.pos_ in ("NOUN", "PROPN", "NUM")
        or after.lower_ in ("-", "–", "/", "for", "of", "to", "out", "per", "in", "by", "from")
        or after.lower_ in ("back", "behind", "ahead", "under", "over", "up", "down", "clear")
    ):
        return False  # a score, a share or a margin ('3 for 4', '16 of 20', '12 back')
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lower_ in PRONOUNS_PERSON or subj.lower_ == "i" or subj.ent_type_ == "PERSON":
        return True
    part = next(
        (g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
         for g in c.children if g.dep_ == "pobj"),
        None,
    )  # fmt: skip
    noun = part if part is not None and subj.pos_ in ("NUM", "PRON") else subj
    return noun.tag_ == "NNS" and noun.lemma_.lower() not in MEASURE_NOUNS


def _counted_noun(tok: Token, follow: bool = True) -> Token | None:
    """The noun a number counts: its head ('179 tankers'), the noun after 'of' ('20 of the
    planes'), or the noun of the number it is coordinated with ('500 and 1,000 songs')."""
    if (
        tok.dep_ in ("nummod", "quantmod", "compound")
        and (tok.head.pos_ == "NOUN" or tok.head.tag_ == "NNPS")
        and tok.head.i > tok.i
        and not any(tok.doc[k].dep_ == "det" for k in range(tok.i + 1, tok.head.i))
    ):  # a cardinal follows the determiner of its noun phrase: in '51 stranded … and a
        # spate of' the noun after 'a' is not what 51 counts
        noun = tok.head
        hyphened = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"
        while (
            not hyphened
            and noun.dep_ == "compound"
            and noun.head.i > noun.i
            and noun.head.pos_ == "NOUN"
        ):
            noun = noun.head  # '400 city laborers' counts laborers, not the modifier 'city'
        return noun
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [
                c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
            ]
            if objects:
                return objects[0]
    if not follow:
        return None
    if tok.dep_ == "conj" and tok.head.i < tok.i:
        return _counted_noun(tok.head, follow=False)
    for conj in tok.children:
        if conj.dep_ == "conj" and conj.like_num:
            return _counted_noun(conj, follow=False)
    return None


def _counted_after(doc: Doc, text: str, end: int) -> str | None:
    span = doc.char_span(end, min(len(text), end + 60), alignment_mode="expand")
    if span is None:
        return None
    # the object of 'of' ('thousands of bikini-clad tourists' counts tourists)
    noun = next(
        (
            t
            for t in span
            if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.i < span.start + 2
        ),
        None,
    ) or next((t for t in span if t.pos_ == "NOUN"), None)
    return _counted_unit(noun) if noun is not None else None


def _ranks(doc: Doc, text: str, ordinals: list[Span] | None = None) -> list[Found]:
    """Ordinals that rank something ('the second-largest', 'finished third', 'in fifth
    place'); not 'the first time', 'third-party', 'the first step', which order or name."""
    items: list[Found] = []
    for ent in doc.ents if ordinals is None else ordinals:
        if ent.label_ != "ORDINAL":
            continue
        before = text[max(0, ent.start_char - 25) : ent.start_char]
        after = text[ent.end_char : ent.end_char + 25]
        superlative = _superlative(ent)
        placed = (
            re.match(r"\s+place\b", after, re.I) and not re.search(r"\bthe\s+$", before, re.I)
        ) or re.search(
            r"\b(?:rank(?:s|ed)?|finish(?:es|ed)?|placed|came|comes|come|No\.)\s*$", before, re.I
        )
        if not (superlative or placed):
            continue
        value = parse_ordinal(re.sub(r"[-\s]+(?:[a-z]+est|most|least)\b.*$", "", ent.text.lower()))
        items.append(
            Found(kind="rank", start=ent.start_char, end=ent.end_char, value=value, unit="rank")
        )
    return items


OCCURRENCE_SCOPE = re.compile(
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:in\s+(?:the\s+)?(?:past\s+|last\s+)?(?:[\w-]+\s+)?"
    r"(?:years?|months?|weeks?|days?|decades?)\b|this\s+(?:year|month|week|season)\b"
    r"|since\b|so\s+far\b)",
    re.I,
)
"""The stretch an occurrence is counted over: 'in two years', 'this year', 'since the deal'."""


def _occurrences(doc: Doc, text: str, ordinals: list[Span] | None = None) -> list[Found]:
    """An ordinal of occurrence bounded by a stretch of time counts what it orders: 'the third
    botched launch in two years' says there have been three, as do 'its second award this
    year' and 'its fourth such recall since the spring'. 'The first' is left to the
    ranks; units of time ('the second quarter') and parts ('the second half') are dates."""
    items: list[Found] = []
    for ent in doc.ents if ordinals is None else ordinals:
        if ent.label_ != "ORDINAL" or len(ent) != 1:
            continue
        tok = ent[0]
        value = parse_ordinal(tok.lower_)
        noun = tok.head
        while noun.pos_ in ("ADJ", "VERB") and noun.dep_ == "amod" and noun.head.i > noun.i:
            noun = noun.head  # 'the third botched launch'
        if (
            value is None
            or value < 2
            or tok.dep_ not in ("amod", "advmod")
            or noun.pos_ != "NOUN"
            or noun.i <= tok.i
            or noun.lower_ in TIME_NOUNS
            or noun.lemma_.lower() in ("half", "time", "century", "quarter", "round", "term")
            or (tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "–"))
        ):
            continue
        end = noun.idx + len(noun.text)
        scope = OCCURRENCE_SCOPE.match(text, end)
        if scope is None or scope.end() > noun.sent.end_char:
            continue
        unit = _counted_unit(noun)
        items.append(Found(kind="count", start=tok.idx, end=end, value=value, unit=unit,
                           worded=True))  # fmt: skip
    return items


def _superlative(ent: Span) -> bool:
    """'second-largest', 'third most visited': the ordinal ranks by the superlative after it
    (a tag, not a spelling: 'the second test' does not rank)."""
    doc = ent.doc
    toks = list(doc[ent.start : ent.end])
    k = ent.end
    if k < len(doc) and doc[k].text in ("-", "–"):
        k += 1
    if k < len(doc):
        toks.append(doc[k])
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least") for t in toks)


_ON_TRACK = re.compile(r"\bon\s+track\b", re.I)
_DASH = re.compile("—|–|--")
"""One of the `DASHES` in a text."""


class _Sentence:
    """What the context readers look up in a figure's sentence, read once per sentence (and
    each part only when asked for): its text, the dashes in it, the 'according to', the framing
    'as' clauses of saying and the words that may cue a reading of the figure (see
    `_as_reported`, `_unlinked_cue`)."""

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        first, last = doc[start], doc[end - 1]
        self.start_char = first.idx
        self.text = doc_text(doc)[first.idx : last.idx + len(last.text)]  # `sent.text`

    @classmethod
    def of(cls, sent: Span) -> _Sentence:
        """The reading of a sentence span."""
        found = cls(sent.doc, sent.start, sent.end)
        found.__dict__["sent"] = sent
        return found

    @cached_property
    def sent(self) -> Span:
        return self.doc[self.start : self.end]

    @cached_property
    def arrays(self) -> _Arrays:
        return _arrays(self.doc)

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.sent)

    @cached_property
    def on_track(self) -> bool:
        return "track" in self.text.lower() and _ON_TRACK.search(self.text) is not None

    @cached_property
    def dashes(self) -> list[int]:
        if _DASH.search(self.text) is None:
            return []  # a token that is a dash is in the text
        return [t.i for t in self.tokens if t.text in DASHES]

    def _candidates(self, at: list[int]) -> list[Token]:
        """The sentence's tokens among those at the sorted doc indices `at`."""
        doc, start, end = self.doc, self.start, self.end
        return [doc[i] for i in at[bisect_left(at, start) : bisect_left(at, end)]]

    @cached_property
    def according(self) -> list[Token]:
        return [t for t in self._candidates(self.arrays.according) if _according_to(t)]

    @cached_property
    def as_clauses(self) -> list[Token]:
        return [
            t
            for t in self._candidates(self.arrays.advcl)
            if t.dep_ == "advcl"
            and t.lemma_ in AS_REPORTED_VERBS
            and t.head.dep_ == "ROOT"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
        ]

    @cached_property
    def cues(self) -> list[Token]:
        return [
            t
            for t in self._candidates(self.arrays.cues)
            if (t.lower_ in MODALS and t.tag_ == "MD")
            or (t.pos_ == "VERB" and t.lemma_.lower() in CUE_WORDS)
            or _according_to(t)
        ]

    @cached_property
    def cue_clauses(self) -> list[tuple[int, int, int]]:
        """For each of the `cues`: its index, the index of the clause it marks (a modal's verb,
        else itself) and the index of the verb that clause is a conjunct of (-1 if none)."""
        out = []
        for tok in self.cues:
            clause = tok.head if tok.tag_ == "MD" else tok
            out.append((tok.i, clause.i, clause.head.i if clause.dep_ == "conj" else -1))
        return out

    @cached_property
    def sources(self) -> list[Token]:
        """The object of each 'according to' of the sentence that has one (`according`)."""
        out = []
        for tok in self.according:
            objects = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if objects:
                out.append(objects[0])
        return out


class _Arrays:
    """Read from a doc's attribute arrays (`Doc.to_array`) once: the indices of the few tokens
    worth reading as `Token`s for the sentence readers of `_Sentence` (each list holds every
    token the reader keeps, by a cheaper test on hashes), and the sentence bounds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        self.according: list[int] = []  # `lower_ == "according"`
        self.advcl: list[int] = []  # `dep_ == "advcl"`
        self.cues: list[int] = []  # `tag_ == "MD"`, `lemma_.lower() in CUE_WORDS` or 'according'
        self.goals: list[int] = []  # `lemma_.lower() in GOALS` (see `_names_goal`)
        if not len(doc):
            return
        lower, dep, tag, lemma = doc.to_array(["LOWER", "DEP", "TAG", "LEMMA"]).T
        according = lower == numpy.uint64(strings["according"])
        self.according = numpy.flatnonzero(according).tolist()
        self.advcl = numpy.flatnonzero(dep == numpy.uint64(strings["advcl"])).tolist()
        lemmas = numpy.unique(lemma).tolist()
        cue_lemmas = [h for h in lemmas if strings[h].lower() in CUE_WORDS]
        cues = (tag == numpy.uint64(strings["MD"])) | according
        cues |= numpy.isin(lemma, numpy.array(cue_lemmas, dtype=numpy.uint64))
        self.cues = numpy.flatnonzero(cues).tolist()
        goal_lemmas = [h for h in lemmas if strings[h].lower() in GOALS]
        goals = numpy.isin(lemma, numpy.array(goal_lemmas, dtype=numpy.uint64))
        self.goals = numpy.flatnonzero(goals).tolist()

    @cached_property
    def sentence_starts(self) -> list[int] | None:
        """0, the index of each token that starts a sentence after it, and the doc's length:
        the bounds `Span.sent` finds, when no hook overrides how it finds them."""
        doc = self.doc
        if "sent" in doc.user_span_hooks or "sents" in doc.user_hooks:
            return None
        if not len(doc) or not doc.has_annotation("SENT_START"):
            return None
        starts = numpy.flatnonzero(doc.to_array("SENT_START")[1:] == 1) + 1
        return [0, *starts.tolist(), len(doc)]


def _arrays(doc: Doc) -> _Arrays:
    """The doc's `_Arrays`, built once per `extract_figures` call."""
    cache = _CACHE.get()
    if cache is None:
        return _Arrays(doc)
    found = cache.arrays.get(id(doc))
    if found is None or found[0] is not doc:
        found = cache.arrays[id(doc)] = (doc, _Arrays(doc))
    return found[1]


def _according_to(tok: Token) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to"


class _CallCache:
    """What one `extract_figures` call has read, by doc id (with the doc, as ids are reused):
    each doc's `_Arrays`, its sentences by start and end, and its `_Memo`."""

    def __init__(self) -> None:
        self.arrays: dict[int, tuple[Doc, _Arrays]] = {}
        self.sentences: dict[tuple[int, int, int], tuple[Doc, _Sentence]] = {}
        self.memos: dict[int, tuple[Doc, _Memo]] = {}
        self.last: tuple[Doc, _Memo] | None = None  # the doc last asked for, and its memo


class _Memo:
    """What the context readers work out about one token of a doc, by the token's index, once
    per `extract_figures` call: several figures share a sentence, a verb or a clause, and one
    figure's readers ask the same questions of its root."""

    def __init__(self) -> None:
        self.sentences: dict[int, _Sentence] = {}  # `_sentence` of a span, by its start
        self.verbs: dict[int, Token] = {}  # `governing_verb`
        self.ancestors: dict[int, list[Token]] = {}  # `Token.ancestors`
        self.scene: dict[int, bool] = {}  # `_scene_setting`
        self.definite: dict[int, bool] = {}  # `_in_definite_subject`
        self.clauses: dict[int, _Clause] = {}  # `_Clause` of an outer verb
        self.predicates: dict[int, _Predicate] = {}  # `_Predicate` of a verb
        self.sources: dict[int, tuple[list[tuple[int, int, str]], str | None]] = {}
        # `_source_at` of a source, with the actor spans it was read against


_CACHE: ContextVar[_CallCache | None] = ContextVar("_CACHE", default=None)
"""The cache of the running `extract_figures` call (none outside one)."""


@contextmanager
def _sentence_cache() -> Iterator[None]:
    token = _CACHE.set(_CallCache())
    try:
        yield
    finally:
        _CACHE.reset(token)


_T = TypeVar("_T")


def _once(
    doc: Doc, table: Callable[[_Memo], dict[int, _T]], key: int, read: Callable[[], _T]
) -> _T:
    """`read()`, worked out once per `extract_figures` call and kept in the memo's `table` under
    `key` (a token's index); outside a call, read every time."""
    memo = _memo(doc)
    if memo is None:
        return read()
    found = table(memo)
    if key not in found:
        found[key] = read()
    return found[key]


def _memo(doc: Doc) -> _Memo | None:
    """The doc's `_Memo` in the running `extract_figures` call (none outside one)."""
    call = _CACHE.get()
    if call is None:
        return None
    last = call.last
    return last[1] if last is not None and last[0] is doc else _call_memo(call, doc)


def _call_memo(call: _CallCache, doc: Doc) -> _Memo:
    found = call.memos.get(id(doc))
    if found is None or found[0] is not doc:
        found = call.memos[id(doc)] = (doc, _Memo())
    call.last = found
    return found[1]


def _sentence(span: Span) -> _Sentence:
    """The sentence of `span`, read once per `extract_figures` call."""
    call = _CACHE.get()
    if call is None:
        return _Sentence.of(span.sent)
    doc = span.doc
    memo = _call_memo(call, doc)
    found = memo.sentences.get(span.start)
    if found is not None:
        return found
    cache = call.sentences
    bounds = _arrays(doc).sentence_starts
    if bounds is None:
        sent = span.sent
        key = (id(doc), sent.start, sent.end)
    else:  # `span.sent`'s bounds, without building the span each time
        k = bisect_right(bounds, span.start)
        key = (id(doc), bounds[k - 1], bounds[k])
    cached = cache.get(key)
    if cached is None or cached[0] is not doc:
        cached = cache[key] = (doc, _Sentence(doc, key[1], key[2]))
    if bounds is not None:  # the sentence then depends on the span's start alone
        memo.sentences[span.start] = cached[1]
    return cached[1]


def _ancestors(tok: Token) -> list[Token]:
    """`list(tok.ancestors)`, read once per call: the readers of a figure each climb from its
    root."""
    return _once(tok.doc, lambda memo: memo.ancestors, tok.i, lambda: list(tok.ancestors))


def _governing_verb(tok: Token) -> Token:
    """`governing_verb(tok)`, worked out once per call."""
    return _once(tok.doc, lambda memo: memo.verbs, tok.i, lambda: governing_verb(tok))


# --- context -----------------------------------------------------------------------------------


def _subject(span: Span) -> str | None:
    """What a figure measures: the subject of its clause, the verb and the phrase completing it,
    in the sentence's words ('the councils … plan to spend 2 million euros per year to
    repair bridges')."""
    doc = span.doc
    root = span.root
    absolute = _set_off_with(root)
    if absolute is not None:
        return absolute
    if (
        "-" in span.text
        and root.dep_ in ("amod", "compound", "nummod", "npadvmod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i > root.i
    ):
        # 'a six-inch reptile', 'a 300-page report': a measure hyphened before a noun
        # measures that noun, not the clause around it
        return doc[span.start : root.head.i + 1].text
    verb = _governing_verb(root)
    if verb.pos_ not in ("VERB", "AUX"):
        noun = _counted_noun(root)
        return noun.text if noun is not None else None
    predicate = _predicate(verb)
    verb_start = predicate.start
    end = max(verb.i + 1, span.end)
    for i, right_edge in predicate.complements:
        if i >= span.end and right_edge - verb_start < 25:
            end = max(end, right_edge + 1)
            break
    noun = _counted_noun(root)
    if noun is not None and noun.i >= span.end and noun.i - verb_start < 30:
        end = max(end, noun.i + 1)  # '20 of Boeing's larger planes'
        if any(c.dep_ == "conj" for c in noun.children) and noun.right_edge.i - verb_start < 30:
            end = max(end, noun.right_edge.i + 1)  # '2 tons of grain, salt and rope': the list
    sent = _sentence(span)  # `span.sent`
    end = min(end, sent.end)
    action = _text_of(doc, max(verb_start, sent.start), end).strip(" ,;:")
    if predicate.subject is None:
        return action or None
    left, right = predicate.subject
    if right >= verb_start:
        return _text_of(doc, left, end).strip(" ,;:") or None
    subject = _text_of(doc, left, right).strip(" ,;:")
    return f"{subject} … {action}"


class _Predicate:
    """What `_subject` reads off a figure's verb, the same for every figure it governs: where
    the verb's words start (its auxiliaries, negation and adverbs, or the verb it shares a
    subject with), its complements, and the subject's words before it. Read once per verb in a
    call (see `_predicate`)."""

    def __init__(self, verb: Token) -> None:
        doc = verb.doc
        owner, subj = clause_subject(verb)
        chain_start = (
            owner.i if owner.dep_ != "conj" and owner.i < verb.i and verb.dep_ != "conj" else verb.i
        )
        lead = [
            c.i
            for c in doc[chain_start].children
            if c.i < chain_start and c.dep_ in ("aux", "auxpass", "neg", "advmod")
        ]
        self.start = min([chain_start, *lead])
        self.complements = [
            (c.i, c.right_edge.i)
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl", "prep", "dobj", "dative", "attr", "acomp")
        ]
        """(index, index of the last word) of the children that may complete the verb."""
        self.subject: tuple[int, int] | None = None
        """The token range of the subject's words when the subject comes before the verb."""
        if subj is not None and subj.i < self.start:
            left, right = subj.left_edge.i, subj.right_edge.i + 1
            if right - left > 12:
                left = max(left, subj.i - 4)
                right = subj.i + 1
            self.subject = (left, right)


def _predicate(verb: Token) -> _Predicate:
    """The `_Predicate` of a verb, read once per call."""
    return _once(verb.doc, lambda memo: memo.predicates, verb.i, lambda: _Predicate(verb))


_SET_OFF = frozenset({",", "-", "\u2013", "\u2014", "(", ";"})


def _set_off_with(root: Token) -> str | None:
    """A figure inside a 'with' phrase set off from its clause (fronted, or after a comma or a
    dash): 'With just 2 hectares of vines producing 3,000 bottles a year, the estate is small',
    '- the wettest region, with nearly 60 percent of fields rice paddies -'. The phrase is an
    absolute construction with its own subject and predicate: the figure measures what it says,
    not the main clause around it. 'ended the year with 30 stores' is not set off."""
    doc = root.doc
    tok = root
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.dep_ == "prep":
            prep = tok.head
            before = doc[prep.i - 1] if prep.i > 0 else None
            opens = before is None or before.is_sent_start is True or prep.i == prep.sent.start
            if before is not None and before.pos_ == "CCONJ" and before.i == prep.sent.start:
                opens = True  # 'But with some 500 hectares ..., it is hard'
            if not (opens or (before is not None and before.text in _SET_OFF)):
                return None
            right = min(prep.right_edge.i, prep.i + 20)
            cut = next(
                (t.i for t in doc[root.i + 1 : right + 1] if t.text in _SET_OFF and t.text != ","),
                right + 1,
            )  # a bracket or a dash after the figure opens an aside of its own
            words = _text_of(doc, prep.i + 1, cut).strip(" ,;:-\u2013\u2014")
            return words or None
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
            return None
        tok = tok.head
    return None


def _text_of(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (for `0 <= start` and `end <= len(doc)`), cut from the doc's text
    rather than joined token by token."""
    if end <= start:
        return ""
    first, last = doc[start], doc[end - 1]
    return doc_text(doc)[first.idx : last.idx + len(last.text)]


LIST_GAP_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PUNCT", "CCONJ"})


def _listed_after(doc: Doc, prev: Figure, span: Span) -> bool:
    """The figure is the next item of a list the figure before it opens, in the same sentence:
    only the counted noun and its modifiers, then a comma or 'and'/'or', lie between them
    (no verb, no quotation mark). A sentence does not end with a comma: one the parser ended
    there goes on in the next ('… 10 whales on the beach, | 51 stranded on the islands')."""
    sent = _sentence(span)  # `doc[span.start].sent`
    if prev.end > span.start_char:
        return False
    if sent.start_char > prev.start:
        if sent.start == 0 or doc[sent.start - 1].text != ",":
            return False
        if doc[sent.start - 1].sent.start_char > prev.start:
            return False
    gap = doc.char_span(prev.end, span.start_char, alignment_mode="contract")
    if gap is None or len(gap) == 0 or len(gap) > 8:
        return False
    if any(
        t.pos_ not in LIST_GAP_POS or t.is_quote or t.text in ("—", "–", "-", ";", ":", "(", ")")
        for t in gap
    ):
        return False
    return gap[-1].text == "," or gap[-1].lower_ in ("and", "or")


def _age_subject(span: Span) -> str | None:
    """What an age measures: 'age of' the one it describes: the noun it modifies ('52-year-old
    Grace Roe'), the name it stands beside ('Jane Roe, 46,'), the subject it is said of ('she
    was 29', 'found it to be 50,000 years old'), or for 'the 93-year-old' standing alone the
    person last named before it in the sentence or the one before."""
    doc, root = span.doc, span.root
    head = root.head
    if root.dep_ in ("amod", "compound", "nummod", "npadvmod") and head.i > root.i:
        between = doc[root.i + 1 : head.i]
        if head.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in between):
            return f"age of {_phrase(head)}"
    if root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return f"age of {_phrase(head)}"
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].pos_ == "PROPN":
        return f"age of {_phrase(doc[span.start - 2])}"
    verb = _governing_verb(root)
    if verb.lemma_ == "be" and (root.dep_ in ("attr", "acomp") or head.dep_ in ("attr", "acomp")):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subj = verb.head  # 'a wall which may be 900 years old': the wall
        if subj is not None:
            return f"age of {_phrase(subj)}"
    floor = doc[span.sent.start - 1].sent.start if span.sent.start > 0 else span.sent.start
    named = [
        e for e in doc.ents if e.label_ == "PERSON" and floor <= e.start and e.end <= span.start
    ]
    return f"age of {named[-1].text}" if named else None


def _figure_subject(span: Span | None, item: Found) -> str | None:
    """What the figure measures (see `_subject`); for an age, whose age it is."""
    if span is None:
        return None
    age = item.kind == "quantity" and item.unit == "years"
    return (_age_subject(span) if age else None) or _subject(span)


def _phrase(tok: Token) -> str:
    """The noun phrase a token heads, when short ('Grace Roe', 'the tool'), else the token."""
    doc = tok.doc
    left = min([tok.i, *(c.i for c in tok.children if c.dep_ in ("compound", "det", "poss")
                         and c.i < tok.i)])  # fmt: skip
    return doc[left : tok.i + 1].text if tok.i - left < 5 else tok.text


def _attribution(
    start: int,
    end: int,
    quotes: list[Quote],
    actor_spans: list[tuple[int, int, str]],
    span: Span | None,
) -> str | None:
    """The actor who states the figure: the speaker of the quote it sits in (or of a verb of
    saying nested inside that reported speech), the actor after 'according to' in its
    sentence, or the subject of the nearest reporting verb whose clause holds it."""
    # a relative clause in reported speech describes its noun in the reporter's words ('said
    # … the station that is home to a six-member crew'); a direct quote stays the speaker's
    relcls = [
        t
        for t in (_ancestors(span.root) if span is not None else [])
        if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP") and t.lemma_ in ("be", "have")
    ]  # a state in the present tense: the noun as it stands now, not the reported event
    reporter = _nearest_reporter(span, relcls, actor_spans) if span is not None else None
    frame = _as_reported(span, actor_spans) if span is not None else None
    unnamed = False
    for quote in quotes:
        if quote.start <= start and end <= quote.end and quote.speaker is not None:
            inner = any(quote.start <= t.idx < quote.end for t in relcls)
            if inner and quote.kind != "direct":
                return None
            if quote.kind != "direct" and span is not None and _scene_setting(span.root):
                return None  # 'After 20 years of feuding, the two firms will merge, officials
                # said': the frame the report is set in is the reporter's, not the news told
            if quote.kind != "direct" and span is not None and _refused(span.root, quote):
                return None  # 'she rebuffed a $3 billion offer': another party's offer, as
                # the reporter describes it; the refusal is hers, the amount is not her claim
            if quote.speaker.actor is None:
                unnamed = True  # an unnamed speaker ('reports cited by MyTownWire', 'a top Trump
                break  # adviser'): the sentence may still name the source ('according to
                # …', 'as X reports'), but not through a name inside the speaker's words
            if frame is not None and quote.kind != "direct":
                return frame  # 'As Techwire reports, the company announced that …'
            if (
                reporter is not None
                and quote.kind != "direct"
                and quote.start <= reporter[0]
                and not quote.speaker.start <= reporter[3] < quote.speaker.end
            ):
                return reporter[1]  # 'he claimed … even as the agency estimated that …'; the
                # quote's own speaker words ('agency officials said') keep the quote's reading
            return quote.speaker.actor
    if span is None or _scene_setting(span.root):
        return None  # the frame of a reported clause is the reporter's (see above)
    for source in _sentence(span).sources:
        found = _cited_source(source, actor_spans)
        if found:
            return found
    if frame is not None:
        return frame
    if reporter is None or (unnamed and not reporter[2]):
        return None
    return reporter[1]


def _cited_source(source: Token, actor_spans: list[tuple[int, int, str]]) -> str | None:
    """`_source_at`, read once per source and list of actor spans in a call."""
    memo = _memo(source.doc)
    if memo is None:
        return _source_at(source, actor_spans)
    found = memo.sources.get(source.i)
    if found is None or found[0] is not actor_spans:
        found = memo.sources[source.i] = (actor_spans, _source_at(source, actor_spans))
    return found[1]


def _source_at(source: Token, actor_spans: list[tuple[int, int, str]]) -> str | None:
    """The actor named as the source after 'according to': the source itself ('according to
    Gallup'), its author or owner ('a count by the AP', 'a Gallup poll', 'the agency's data'),
    not what a survey is of ('a poll of Ohio voters')."""
    agents = {
        t.i for a in source.subtree if a.dep_ == "agent" or a.lower_ == "by" for t in a.subtree
    }  # 'a poll of 1,200 voters conducted by Harbour Research': the parse may hang the author low
    skip = {
        t.i
        for c in source.children
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "about", "among", "in")
        for t in c.subtree
    } - agents
    for t in source.subtree:
        if t.i in skip:
            continue
        for a, b, actor in actor_spans:
            if a <= t.idx < b:
                return actor
    return None


def _as_reported(span: Span, actor_spans: list[tuple[int, int, str]]) -> str | None:
    """The source named by a comparative clause of saying that frames the whole sentence ('As
    Techwire reports, …', '…, as the agency noted'): the reporter relays that source's report,
    whatever the clause it frames says in turn."""
    root = span.root.i
    for tok in _sentence(span).as_clauses:
        if not (tok.left_edge.i <= root <= tok.right_edge.i):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = _actor_at(subj, actor_spans) if subj is not None else None
            if found:
                return found
    return None


def _actor_at(tok: Token, actor_spans: list[tuple[int, int, str]]) -> str | None:
    for t in tok.subtree:
        for a, b, actor in actor_spans:
            if a <= t.idx < b:
                return actor
    return None


def _nearest_reporter(
    span: Span, relcls: list[Token], actor_spans: list[tuple[int, int, str]]
) -> tuple[int, str, bool, int] | None:
    """(offset, actor, whether the actor's name heads the subject, offset of the subject) of
    the nearest verb of saying above the figure whose subject is or holds an actor: in 'he
    claimed … as the agency reckoned that they would cost $90 billion' the agency ('singer Jane Roe
    claims': the name heads the subject; 'a top Roe adviser says': it only modifies it)."""
    child = span.root
    for tok in _ancestors(span.root):
        via, child = child, tok
        if tok.lemma_ in REPORTING and tok.pos_ == "VERB" and not _adds_thing(tok):
            if any(tok in r.ancestors for r in relcls):
                continue  # the figure describes a noun of the report, in the reporter's words
            if via.dep_ == "advcl" and _own_tense(via):
                continue  # 'As rents soared to £1,100, the student told how …': a clause
                # setting the scene of the telling, in the reporter's words, not what is told
            if via.dep_ in ("prep", "npadvmod") and via.lower_ not in ("according", "as"):
                continue  # 'with 18 months left in office, she said …': a circumstance of
                # the act of saying, in the reporter's words; what is said is its complement
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            holding = [c for c in subjects if c.left_edge.i <= span.root.i <= c.right_edge.i]
            if holding and tok.i > holding[0].right_edge.i and len(subjects) == 1:
                continue  # '14-time winner Jo Roe said': the speaker described by the reporter
            subj = next((c for c in subjects if c not in holding), None)
            # '… varies from 30 to 45 per cent, said Jo Roe': the parse may make the reported
            # clause's subject a second subject of the verb of saying
            if subj is not None:
                found = _actor_at(subj, actor_spans)
                if found:
                    heads = any(a <= subj.idx < b for a, b, _ in actor_spans)
                    return tok.idx, found, heads, subj.idx
    return None


IMPLICATIVES = frozenset({"manage", "succeed", "able"})
"""Implicative predicates: in the past they entail that their complement happened ('they were
able to predict four of the five choices', 'managed to raise $2 million')."""


def _achieved(verb: Token) -> bool:
    """The verb is the complement of a past implicative: what it predicts, plans or expects
    has been done, as a past event."""
    if verb.dep_ not in ("xcomp", "pcomp"):
        return False
    head = verb.head
    if head.dep_ == "prep" and head.lower_ == "in":
        head = head.head  # 'succeeded in raising'
    if head.lemma_.lower() not in IMPLICATIVES:
        return False
    tensed = head.head if head.dep_ == "acomp" else head  # 'were able to'
    tags = {tensed.tag_} | {c.tag_ for c in tensed.children if c.dep_ in ("aux", "auxpass")}
    return "VBD" in tags and not any(c.dep_ == "neg" for c in tensed.children)


def _adds_thing(verb: Token) -> bool:
    """'add' with a noun object puts something in ('by adding 36 dishes'); it reports speech
    only with a clause or a quote ('she added that …')."""
    return verb.lemma_ == "add" and any(c.dep_ == "dobj" for c in verb.children)


REFUSALS = frozenset("rebuff reject refuse decline spurn".split())
"""Verbs of refusing: their object is what another party put forward ('rejected a $3 billion
bid')."""


def _refused(root: Token, quote: Quote) -> bool:
    """The figure lies in the direct object of a verb of refusing that cues the quote ('she
    rebuffed a $3 billion offer', 'turned down a $5 million bid')."""
    if quote.cue is None:
        return False
    cue = root.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    verb = cue.root
    refusing = verb.lemma_.lower() in REFUSALS or (
        verb.lemma_.lower() == "turn"
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    )
    return refusing and _object_of(root, verb)


def _scene_setting(root: Token) -> bool:
    """The figure is in a prepositional phrase put before the subject of its clause ('After
    nearly 20 years of feuding, the firms plan to merge', 'With 18 months left, she said …'):
    a fronted frame sets the scene the clause is told in; what it holds is taken as given,
    whatever the clause's modality. A phrase holding a verb ('By cutting 500 jobs, the firm
    will …') carries the clause's intention and is not a frame. Read once per call."""
    return _once(root.doc, lambda memo: memo.scene, root.i, lambda: _read_scene_setting(root))


def _read_scene_setting(root: Token) -> bool:
    doc = root.doc
    tok = root
    while tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            after = tok.right_edge.i + 1
            return (
                subj is not None
                and tok.i < subj.i
                and tok.lower_ not in ("by", "according", "as")
                and after < len(doc)
                and doc[after].text == ","  # set off by a comma, at the head of its clause
                and all(t.dep_ in ("cc", "punct", "advmod") for t in doc[verb.left_edge.i : tok.i])
                and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in tok.subtree)
            )
        if tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


REPORTING = STATING_VERBS | {
    "estimate", "project", "forecast", "predict", "calculate", "find", "suggest", "propose"
}  # fmt: skip
"""Verbs whose subject puts forward the figures of their complement: saying, estimating,
finding, and the speech acts of suggesting and proposing ('the plan proposes to send 45
ferries a week')."""
AS_REPORTED_VERBS = REPORTING | {"note", "write", "reveal", "show"}
"""Verbs of a framing 'as' clause that names a source ('As Techwire reports, …')."""
REPORTING_OR_CLAIM = REPORTING | CLAIM_WORDS


def _status(
    span: Span,
    text: str,
    dates: bytearray | None = None,
    definite: bool = True,
    kind: FigureKind = "count",
) -> FigureStatus:
    """claim | target | plan | forecast | estimate | fact, from the verbs that govern the figure
    ('claimed', 'aiming to reach', 'plan to allocate', 'will climb to', 'is expected to total',
    'could cost', the futurate 'is launching … in January') and the figure's own hedge
    ('about', 'an estimated'). `dates` marks the characters of dates and times in the text;
    `definite` False reads the predicate even for a figure in a definite subject."""
    clause = _clause(_outer_verb(span))
    chain, aux = clause.chain, clause.aux
    root = span.root
    lemmas = set(clause.lemmas)
    # a participle on the figure itself: '$1.4 billion budgeted for next year', '$2bn pledged'
    lemmas |= {
        c.lemma_.lower()
        for c in root.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i >= span.end
    }
    lemmas |= _relative_intent(
        root.head if root.dep_ in ("nummod", "quantmod", "compound", "amod") else root
    )
    if (
        chain[0].lemma_ == "require"
        and chain[0].tag_ == "VBD"
        and not aux
        and _object_of(root, chain[0])
    ):
        lemmas.discard("require")  # 'the wound required seven stitches': a need that was met
    if definite and (_in_definite_subject(root) or _scene_setting(root)):
        # 'The 25 percent tariffs will stay', 'the $3.1 billion will be refunded': a definite noun
        # phrase refers to what exists already; the predicate's modality is not its figure's,
        # nor that of a clause a fronted frame sets the scene for ('After 20 years of talks,
        # the firms plan to merge')
        return "estimate" if ESTIMATE_HEDGES.match(text) else "fact"
    sentence = _sentence(span)
    before = sentence.text[
        max(0, span.start_char - sentence.start_char - 20) : span.start_char - sentence.start_char
    ]
    if lemmas & CLAIM_WORDS:
        return "claim"
    if BASELINE.search(before) or clause.achieved:
        return "estimate" if ESTIMATE_HEDGES.match(text) else "fact"
    if lemmas & TARGET_WORDS or _names_goal(span):
        return "target"
    in_force = any(
        any(c.lower_ in ("effect", "force") for c in t.subtree if c.i < span.start)
        for t in clause.entering
    )  # 'rules that won't fully apply for three years': a provision's schedule
    futurate = dates is not None and clause.futurate(dates)
    if lemmas & PLAN_WORDS or aux & {"must"} or in_force or futurate:
        return "plan"
    on_track = sentence.on_track
    if lemmas & FORECAST_WORDS or on_track:
        return "forecast"
    would = "would" in aux or "'d" in aux
    if would and clause.habitual:
        aux = aux - {"would", "'d"}  # 'they would usually offer 2,500 tickets': a past habit
        would = False
    backshift = would and clause.backshifted
    if aux & {"will", "shall", "'ll"} or backshift:
        # 'the deficit will total $1 trillion' forecasts the amount; 'the game will launch
        # on Friday for $9.99' schedules an event whose price is already set, as does the
        # price a seller says it will charge
        rate = _RATE_UNIT.search(text)  # 'grow at 3 percent'
        if rate is None and (_setting(root, chain[0], kind) or chain[0].lemma_ in PRICE_VERBS):
            return "fact"
        return "forecast"
    if (
        ESTIMATE_HEDGES.match(text)
        or lemmas & ESTIMATE_WORDS
        or aux & {"could", "may", "might", "would"}
    ):
        return "estimate"
    return "fact"


_RATE_UNIT = re.compile(r"%|per\s?cent|points?\b", re.I)
"""A rate or a score in a figure ('grow at 3 percent'): an amount a forecast is about."""


class _Clause:
    """What `_status` reads off the verbs over a figure: the chain from the verb over it up to
    the nearest verb of saying, the lemmas and auxiliaries of its verbs and what they tell
    apart from the figure. The same for every figure under that verb: read once per verb in
    a call (see `_clause`)."""

    def __init__(self, outer: Token) -> None:
        chain = [outer]
        tok = outer
        while True:
            # up to the nearest verb of saying: its kind decides. A participle or relative clause
            # on a noun ('a project co-organized by three NGOs') describes that noun in its own
            # tense: the verbs above it do not make its figures plans or forecasts.
            dep = tok.dep_
            if dep not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "prep"):
                break
            head = tok.head
            if head.i == tok.i or (tok.lemma_ in REPORTING_OR_CLAIM and not _adds_thing(tok)):
                break
            if (dep == "prep" and head.pos_ not in ("VERB", "AUX")) or _own_tense(tok):
                break
            chain.append(head)
            tok = head
            if len(chain) > 5:
                break
        self.chain = chain
        self.verbs = verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
        lemmas = {t.lemma_.lower() for t in verbs} | {t.lower_ for t in verbs}
        if any(
            t.lemma_ == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children)
            for t in verbs
        ):
            lemmas.add("propose")  # 'has called for borrowing $3 billion': a proposal
        subject = None  # the first subject of the outer verb
        aux = set()  # the auxiliaries of the first two verbs of the chain
        for c in outer.children:
            dep = c.dep_
            if dep in ("aux", "auxpass"):
                aux.add(c.lower_)
            elif subject is None and dep in ("nsubj", "nsubjpass"):
                subject = c
        if len(chain) > 1:
            aux.update(c.lower_ for c in chain[1].children if c.dep_ in ("aux", "auxpass"))
        if subject is not None and outer.dep_ != "relcl":
            lemmas |= _relative_intent(subject)  # 'the order she plans to sign will have a
            # six-month review': what a planned thing will have is planned with it
        self.lemmas = frozenset(lemmas)
        """The lemmas and forms of the verbs, and what they tell (not the figure's own)."""
        self.aux = frozenset(aux)
        self._futurate: tuple[bytearray, bool] | None = None

    @cached_property
    def achieved(self) -> bool:
        """A verb of the chain is the complement of a past implicative (`_achieved`)."""
        return any(_achieved(t) for t in self.chain)

    @cached_property
    def entering(self) -> list[Token]:
        """The verbs that may tell a provision coming into force ('come', 'take' effect)."""
        return [t for t in self.verbs if t.lemma_ in ("come", "go", "take", "enter")]

    @cached_property
    def habitual(self) -> bool:
        """An adverb of frequency on the first two verbs ('would usually offer')."""
        return any(
            c.dep_ == "advmod" and c.lower_ in FREQUENCY for t in self.chain[:2] for c in t.children
        )

    @cached_property
    def backshifted(self) -> bool:
        """A 'would' here is the future of a past point: after a past verb of saying, or
        with 'next' or 'following' in the clause."""
        chain = self.chain
        return (chain[-1].lemma_ in REPORTING and chain[-1].tag_ == "VBD") or any(
            t.lower_ in ("next", "following") for t in chain[0].subtree
        )  # 'announced it would charge …' is the 'will' of the time told about, as is 'for the
        # next hundred years they would …' (the future seen from a past point of the story)

    def futurate(self, dates: bytearray) -> bool:
        """One of the first two verbs is a futurate progressive (`_futurate`)."""
        if self._futurate is None or self._futurate[0] is not dates:
            self._futurate = (dates, any(_futurate(t, dates) for t in self.verbs[:2]))
        return self._futurate[1]


def _clause(outer: Token) -> _Clause:
    """The `_Clause` of a figure's outer verb, read once per call."""
    return _once(outer.doc, lambda memo: memo.clauses, outer.i, lambda: _Clause(outer))


def _names_goal(span: Span) -> bool:
    """'target' or 'goal' among the lemmas of the figure or of the words it heads ('a target
    of 5 percent'); looked for in the tree only when the doc's arrays put such a lemma in the
    stretch the tree spans."""
    goals = _arrays(span.doc).goals
    root = span.root
    low, high = min(root.left_edge.i, span.start), max(root.right_edge.i, span.end - 1)
    if bisect_left(goals, low) == bisect_right(goals, high):
        return False
    lemmas = {t.lemma_.lower() for t in root.subtree} | {t.lemma_.lower() for t in span}
    return bool(lemmas & GOALS)


DASHES = frozenset({"—", "–", "--"})


def _outer_verb(span: Span) -> Token:
    """The verb over a figure. A parenthesis set off by dashes interrupts a clause and closes
    before what follows it ('store metadata — the who, where and how — for two years'): when
    the parse hangs a figure after it on a word inside it, or on a verb whose subject is inside
    it, the figure belongs to the clause the parenthesis interrupts, governed by the verb over
    the word before the first dash."""
    verb = _governing_verb(span.root)
    sentence = _sentence(span)
    dashes = [i for i in sentence.dashes if i < span.start]
    if len(dashes) < 2:
        return verb
    first, last = dashes[-2], dashes[-1]
    crossed = [t for t in (*_ancestors(span.root), *verb.children) if first < t.i < last]
    if not crossed or first == sentence.start:
        return verb  # the parse keeps the figure's clause outside the parenthesis
    return _governing_verb(span.doc[first - 1])


def _object_of(root: Token, verb: Token) -> bool:
    """The figure sits in the direct object of `verb` ('needed a total of nine repairs')."""
    tok = root
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ == "dobj"


INTENT_WORDS = PLAN_WORDS | FORECAST_WORDS | TARGET_WORDS | {"propose", "proposed", "planned"}


def _in_definite_subject(root: Token) -> bool:
    """The figure is in the subject of its clause, a noun phrase under a definite determiner
    or a possessive ('The 25 percent tariffs', 'the $4.8 billion', 'its 300 stores'), which
    refers to something the story takes as existing; not a phrase naming an intention ('the
    proposed $5 billion budget'). Read once per call."""
    return _once(root.doc, lambda memo: memo.definite, root.i, lambda: _read_definite_subject(root))


def _read_definite_subject(root: Token) -> bool:
    tok = root
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            break
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    else:
        return False
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those")) or c.dep_ == "poss"
        for c in tok.children
    )
    return definite and not any(t.lemma_.lower() in INTENT_WORDS for t in tok.subtree)


FREQUENCY = frozenset(
    "usually often always sometimes regularly typically normally generally frequently routinely "
    "occasionally seldom rarely".split()
)
"""Adverbs of frequency: with 'would' they tell a past habit, not a hypothesis."""
PRICE_VERBS = frozenset({"charge", "price"})
"""Verbs whose object is the price the subject sets ('it will charge $100')."""
CONCESSIVE_MARKS = frozenset("although though whereas because since".split())
"""Conjunctions of a clause of concession or cause: a fact of its own in any tense ('although
she boasts 3.6 million followers, none would …')."""
TEMPORAL_MARKS = frozenset("while when whenever after before once until as".split())
"""Conjunctions of a clause of time: its own past event in the past tense ('When the plant
opened 3 new lines, prices would fall'), but in the present it often stands for the future
of the clause above ('when it opens 3 stores next year, sales will rise')."""


def _own_tense(verb: Token) -> bool:
    """A finite adverbial clause of cause or concession, or of time in the past tense: the verbs
    above it do not set the status of its figures (conditions, 'if …', stay part of the
    hypothesis above them)."""
    if verb.dep_ != "advcl":
        return False
    marks = {
        c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i
    }  # 'when' is parsed as an adverb of its clause
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if marks & CONCESSIVE_MARKS:
        return bool(tags & {"MD", "VBD", "VBZ", "VBP"})
    return bool(marks & TEMPORAL_MARKS) and "VBD" in tags


MODALS = frozenset("will would could may might shall should 'll 'd".split())
CUE_WORDS = REPORTING | CLAIM_WORDS | FORECAST_WORDS | ESTIMATE_WORDS | PLAN_WORDS | TARGET_WORDS


def _unlinked_cue(span: Span) -> bool:
    """A verb of saying, forecasting or intending, a modal or 'according to' in the figure's
    sentence that the parse did not link to the figure: a reported fact in the reporter's own
    voice is then a reading of the parse's attachments, not of the words alone."""
    cues = _sentence(span).cue_clauses  # each cue is a modal, a cue verb or 'according to'
    if not cues:
        return False
    verb = _governing_verb(span.root)
    above = {t.i for t in _ancestors(span.root)}  # the verbs `_status` read
    predicate = verb.pos_ in ("VERB", "AUX")
    verb_conj_of = verb.head.i if verb.dep_ == "conj" else -1
    for i, clause, clause_conj_of in cues:
        if span.start <= i < span.end or clause in above:
            continue
        if predicate and (clause_conj_of == verb.i or verb_conj_of == clause):
            continue  # a coordinated predicate carries its own tense ('paid … and will spend')
        return True
    return False


def _setting(root: Token, verb: Token, kind: FigureKind = "count") -> bool:
    """The figure sits in an adjunct of the verb that sets its scene (price, place, company:
    'for $9.99', 'at five stores', 'with 30 staff') rather than being the amount the verb
    brings about ('total $1 trillion', 'climb to 4.2 percent', 'rise by 2 percent'); or an
    amount describes the noun of an adjunct ('will move to a $23-million centre': the price
    of the centre, not what the move brings about; a count, 'grow to 500 stores', is that
    amount)."""
    tok = root
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    if tok.head.i != verb.i or tok.dep_ != "prep":
        return False
    if tok.lower_ in ("for", "at", "with", "in", "on", "from", "across"):
        return True
    head = root.head
    return (
        kind in ("money", "quantity")
        and root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod")
        and head.pos_ == "NOUN"
        and head.i > root.i
        and head.dep_ == "pobj"
        and head.head.i == tok.i
    )


def _relative_intent(noun: Token) -> set[str]:
    """The verbs of an object relative clause on a noun ('300 promotions the chain plans', 'the
    50 jobs it expects to add', 'the order she plans to sign'): the noun is what the clause's
    subject intends or expects. A subject relative ('300 workers who plan to strike') tells
    what the noun itself does, and leaves its number as it is."""
    if noun.pos_ != "NOUN":
        return set()
    out: set[str] = set()
    for rel in noun.children:
        if rel.dep_ != "relcl" or rel.i < noun.i:
            continue
        subj = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.tag_ in ("WDT", "WP") or rel.dep_ == "nsubjpass":
            continue
        out.add(rel.lemma_.lower())
        out |= {c.lemma_.lower() for c in rel.children if c.dep_ == "xcomp"}
    return out


def _futurate(verb: Token, dates: bytearray) -> bool:
    """A present progressive with a date of its own schedules an event ('the city is
    launching a project in January'): the futurate use of the progressive."""
    if verb.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re")
        for c in verb.children
    ):
        return False
    return any(
        c.dep_ in ("prep", "npadvmod", "advmod") and any(dates[t.idx] for t in c.subtree)
        for c in verb.children
    )


def figure_token_kind(token: Token) -> str | None:
    """The figure kind a single token would start, used by other extractors to skip numbers."""
    return "rank" if token.ent_type_ == "ORDINAL" else None
