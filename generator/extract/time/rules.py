"""The time-expression grammar: one regex and one normaliser per kind of expression.

Each rule turns a match plus its context (article date, tense of the governing verb, the last
date the text mentioned) into a TIMEX3 (type, value), or None to reject the match. Values follow
the TimeML/TimeBank conventions that HeidelTime and SUTime implement: underspecified parts are
`X`, vague references are PRESENT_REF / PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.numbers import DIGITS, ORDINAL, WORD_NUMBER
from generator.extract.time import values
from generator.extract.time.patterns import (
    AMOUNT,
    DAY,
    HEDGE,
    MONTH,
    PART_OF_DAY,
    SEASON,
    TIME_OF_DAY,
    UNIT,
    WEEKDAY,
    YEAR,
    Groups,
    Handler,
)


@dataclass(frozen=True)
class Rule:
    """One kind of time expression."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    anchors: bool = True
    """Whether its values may anchor later anaphoric expressions ('a year ago' does not)."""


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_REL_MONTH = r"(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming)"
_DAYW = rf"(?:{DAY}|{ORDINAL})"

RULES: list[Rule] = [
    Rule(
        "weekday-month-day",
        _compile(
            rf"\b{WEEKDAY},?\s+(?:the\s+)?(?P<month>{MONTH})\s*(?P<day>{_DAYW})(?:,?\s+(?P<year>{YEAR}))?"
        ),
        values.weekday_month_day,
    ),
    Rule(
        "month-day-year",
        _compile(rf"\b(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})"),
        values.full_date,
    ),
    Rule(
        "day-month-year",
        _compile(
            rf"\b(?:the\s+)?(?P<day>{_DAYW})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})"
        ),
        values.full_date,
    ),
    Rule(
        "numeric-date",
        _compile(
            r"(?<![\d/.-])(?:(?P<iso>(?:1[0-9]|20)\d\d-[01]\d-[0-3]\d)"
            r"|(?P<us>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})))(?![\d/])"
        ),
        values.numeric_date,
    ),
    Rule(
        "month-day",
        _compile(
            rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?"
            rf"(?P<month>{MONTH})\s*(?P<day>{DAY}|{ORDINAL}(?![\s-]+(?:quarter|half)))"
        ),
        values.month_day,
    ),
    Rule(
        "coordinated-day",
        _compile(
            rf"(?:(?<=\d\sand\s)|(?<=\d\sor\s)|(?<=\d\s&\s))(?P<day>{DAY})"
            r"(?!\s*(?:%|percent|per\b|hundred|thousand|million|billion|[-–]))"
        ),
        values.coordinated_day,
    ),
    Rule(
        "day-month",
        _compile(rf"\b(?:the\s+)?(?P<day>{DAY}|{ORDINAL})\s+(?:of\s+)?(?P<month>{MONTH})"),
        values.month_day,
    ),
    Rule(
        "month-year",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
            rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})"
        ),
        values.month_year_value,
    ),
    Rule(
        "month-relative-year",
        _compile(rf"\b(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        values.month_relative_year,
    ),
    Rule(
        "month",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
            rf"(?:{_REL_MONTH}\s+)?(?P<month>{MONTH})"
        ),
        values.month,
    ),
    Rule(
        "year",
        _compile(
            rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of"
            rf"|the\s+year)[\s-]+)?(?P<year>{YEAR})(?!\s*[-–/]\s*\d)"
        ),
        values.year_value,
    ),
    Rule(
        "spelled-year",
        _compile(
            rf"\b(?:(?:the\s+)?(?:(?P<season>{SEASON})\s+of\s+)?|(?P<month>{MONTH})\s+)?(?:the\s+year\s+)?"
            r"(?P<words>(?:nineteen|eighteen|twenty)[\s-](?:hundred|oh[\s-]\w+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"|two\s+thousand(?:\s+and)?(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]\w+)?))?)\b"
        ),
        values.spelled_year,
    ),
    Rule(
        "fiscal-year",
        _compile(
            rf"\b(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*(?:'(?P<short>\d\d)|(?P<year>{YEAR}|\d\d(?=\b)))"
        ),
        lambda m, ctx: (
            values.fiscal_year(m, ctx)
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
        values.decade,
    ),
    Rule(
        "century",
        _compile(rf"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<ord>{ORDINAL})[\s-]+century\b"),
        values.century,
    ),
    Rule(
        "relative-century",
        _compile(r"\b(?:the\s+)?(?P<rel>this|last|next|past|coming)\s+century\b"),
        values.relative_century,
    ),
    Rule(
        "season",
        _compile(
            rf"\b(?:(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|past|coming)|the|early|late|mid|(?<=\bin\s)|(?<=\bby\s))[\s-]+)?"
            rf"(?:(?:early|late|mid)[\s-]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})"
            r"|\s+of\s+(?P<ofrel>last|this|next|the)\s+year(?![\w-]))?\b"
        ),
        values.season,
    ),
    Rule(
        "quarter",
        _compile(
            rf"\b(?:the\s+)?(?P<mod>(?:{YEAR}(?:'s)?|(?:this|last|next)\s+year's|year-ago|year-earlier|prior-year|current|comparable|same|fiscal|latest)\s+)?"
            rf"(?:fiscal\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?:(?P<half>half)|quarter)(?!ly)(?![\s-]+(?:of\s+(?:the(?!\s+year(?![\w-]))|a|an|this(?!\s+year(?![\w-]))|that|his|her|its|their)\b|century))"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|\s+of\s+(?P<ofrel>last|this|next|the)\s+year(?![\w-]))?"
        ),
        values.quarter,
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
        "two-quarters",
        _compile(
            rf"\bthe\s+(?P<which>first|last|final|second)\s+two\s+(?:fiscal\s+)?quarters"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?\b"
        ),
        values.two_quarters,
    ),
    Rule(
        "this-quarter",
        _compile(
            rf"\b(?:(?:the|this|that)\s+)?(?:(?P<year>{YEAR})\s+)?(?P<mod>latest|current|last|past|previous|prior|next|coming|recent|comparable\s+year-ago|year-ago|year-earlier|prior-year|same|comparable|just-ended|just\s+ended)?\s*(?:fiscal\s+)?(?:quarter|period)\b"
            r"(?![\s-]+(?:of|before|earlier|ago|mile|hour|century)|-to-)"
        ),
        values.this_quarter,
    ),
    Rule(
        "relative-unit",
        _compile(
            r"\b(?:(?P<edge>early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(?:the\s+(?=past|last|coming|current))?(?P<rel>this(?:\s+past|\s+coming)?|last|next|past|coming|previous|current)\s+"
            r"(?P<unit>year|month|week|weekend|quarter|decade|fiscal\s+year)\b(?![\s-]+century)"
        ),
        values.relative_unit,
    ),
    Rule(
        "the-unit",
        _compile(
            r"\bthe\s+(?:full\s+|whole\s+|entire\s+|current\s+)?(?P<unit>year|week|month|fiscal\s+year)\b(?![\s-]+(?:ago|earlier|before|later|after|of\b|and\b|or\b|to\s+date|[-–]|\d))"
        ),
        values.the_unit,
    ),
    Rule(
        "in-the-unit",
        _compile(r"\b(?:earlier|later)\s+(?:in\s+)?(?:the|this)\s+(?P<unit>year|month|week)\b"),
        values.year_relative_month,
    ),
    Rule("weekend", _compile(r"\bthe\s+weekend\b"), values.weekend),
    Rule(
        "anaphoric-part",
        _compile(
            r"\bthe\s+(?P<rel>following|next|previous)\s+(?P<part>morning|afternoon|evening|night)\b"
        ),
        values.anaphoric_part,
    ),
    Rule(
        "same-unit-year-ago",
        _compile(
            r"\bthe\s+(?:(?:same|corresponding|comparable)\s+)?(?P<unit>month|quarter|period|week)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year)\b"
        ),
        values.same_unit_year_ago,
        anchors=False,
    ),
    Rule(
        "day-after-holiday",
        _compile(
            r"\bthe\s+day\s+(?P<dir>after|before)\s+(?P<rel>)(?P<name>christmas(?:\s+day)?|new\s+year['’]s\s+day|easter(?:\s+sunday)?|thanksgiving(?:\s+day)?|halloween|independence\s+day|labor\s+day|memorial\s+day)(?P<year>)\b"
        ),
        values.day_after_holiday,
    ),
    Rule(
        "day-after-date",
        _compile(
            rf"\bthe\s+day\s+(?P<dir>after|before)\s+(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?"
            rf"(?P<day>{WEEKDAY}|yesterday|today|tomorrow|(?P<month>{MONTH})\s*{DAY}(?!,?\s+\d))"
        ),
        values.day_after_date,
    ),
    Rule(
        "week-of",
        _compile(rf"\bthe\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<day>{DAY})"),
        values.week_of,
    ),
    Rule(
        "anaphoric-unit",
        _compile(
            r"\b(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior|that|that\s+same|the\s+same|later\s+that|earlier\s+that)\s+"
            r"(?P<unit>year|month|week|day)\b(?!\s+(?:of|ago|earlier|later|before|after)\b|[\s-]+(?:old|long)\b)"
        ),
        values.anaphoric_unit,
    ),
    Rule(
        "end-of",
        _compile(
            r"\b(?:(?:by|around|at)\s+)?(?:the\s+)?(?:end|close|turn|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week|fiscal\s+year)\b"
            r"|\b(?P<unit2>year)(?:[\s-]|['’]s\s)end\b"
        ),
        lambda m, ctx: values.end_of(_Sub(m, unit=m.group("unit") or m.group("unit2")), ctx),
    ),
    Rule(
        "ago",
        _compile(
            rf"\b{HEDGE}?(?P<n>{AMOUNT})[\s-]+(?:more\s+|full\s+|long\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|from\s+now|hence|before(?=\s*[,.;]|\s+(?:that|then)\b))"
        ),
        values.ago,
        anchors=False,
    ),
    Rule(
        "units-ago",
        _compile(r"\b(?P<unit>minutes|hours|days|weeks|months|years|decades)\s+ago\b"),
        values.past_ref,
        anchors=False,
    ),
    Rule(
        "recent-units",
        _compile(
            r"\b(?:the\s+)?(?P<rel>recent|coming|next\s+few|coming\s+few|past\s+few|last\s+few|past\s+several|last\s+several|next\s+several|future)\s+"
            r"(?P<unit>years|months|weeks|days|decades|quarters)\b"
        ),
        values.recent,
    ),
    Rule(
        "duration",
        _compile(
            rf"\b{HEDGE}?(?:the\s+)?(?:(?:first|last|past|next|coming|previous|final|following|preceding|remaining|initial|ensuing)\s+)?"
            rf"(?P<n>{AMOUNT}(?:\s*(?:to|or|-|–)\s*(?:{DIGITS}|{WORD_NUMBER}))?)(?:\s+more|\s+additional|\s+full|\s+straight|\s+consecutive|\s+long)?[\s-]+(?P<unit>{UNIT})\b(?P<half>\s+and\s+a\s+half\b)?"
            r"(?:(?:\s+or\s+(?:so|two|three))|[\s-]+(?:long|old))?(?!-)"
        ),
        values.duration_value,
    ),
    Rule(
        "bare-units",
        _compile(
            r"(?<=\bfor\s)(?:many\s+)?(?P<unit>years|months|weeks|decades|centuries)\b"
            r"|(?<=\bwithin\s)(?P<unit2>weeks|months|days|hours)\b"
            r"|\b(?P<unit3>years|decades|months|weeks|centuries)(?=-long\b)"
            # an unnumbered stretch of units: 'over the years', 'the weeks ahead', 'in the years
            # that followed' (not 'the days before the vote', which is dated by its event)
            r"|(?<=\bover\s)the\s+(?P<unit4>years|decades|months|weeks)\b(?!\s+(?:of|before|after)\b)"
            r"|\bthe\s+(?P<unit5>years|decades|months|weeks|days)(?:\s+(?:ahead|to\s+come)\b|(?=\s+that\s+followed\b))"
        ),
        lambda m, ctx: values.bare_units(
            _Sub(
                m,
                unit=m.group("unit")
                or m.group("unit2")
                or m.group("unit3")
                or m.group("unit4")
                or m.group("unit5"),
            ),
            ctx,
        ),
    ),
    Rule(
        "time",
        _compile(
            rf"\b(?:(?:around|about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before)|before|after)\s+)?(?P<clock>{TIME_OF_DAY})"
            rf"(?:,?\s+(?:on\s+)?(?P<dayref>{WEEKDAY}(?:,?\s+{MONTH}\s*\d{{1,2}}(?!\d))?|today|yesterday|tomorrow|tonight|{MONTH}\s*\d{{1,2}}(?!\d)"
            r"|the\s+(?:following|next|previous)\s+(?:day|morning|afternoon|evening|night)))?"
        ),
        values.time,
    ),
    Rule(
        "day-word",
        _compile(
            rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART_OF_DAY}))?\b"
            r"|\b(?:early|late|earlier|later)\s+(?P<word2>yesterday|today)\b"
        ),
        lambda m, ctx: values.day_word(_Sub(m, word=m.group("word") or m.group("word2")), ctx),
    ),
    Rule(
        "part-of-day",
        _compile(
            rf"\b(?:(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)|(?P<part2>mid-?\s?(?:morning|afternoon))(?:\s+(?P<dayref>yesterday|today|{WEEKDAY}))?|(?P<part3>overnight))\b"
        ),
        lambda m, ctx: values.this_part_of_day(
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
        values.weekday,
    ),
    Rule(
        "weekday-set",
        _compile(
            rf"\b(?:(?:each|every)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?"
            r"|(?P<wd2>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b"
        ),
        lambda m, ctx: values.weekday_set(
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
        lambda m, ctx: values.set(
            _Sub(
                m, unit=m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")
            ),
            ctx,
        ),
    ),
    Rule("month-set", _compile(rf"\b(?:each|every)\s+(?P<month>{MONTH})"), values.month_set),
    Rule(
        "holiday",
        _compile(
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>christmas(?:\s+day|\s+eve)?|new\s+year['’]s\s+(?:day|eve)|boxing\s+day|halloween"
            r"|valentine['’]s\s+day|independence\s+day|easter(?:\s+sunday|\s+monday)?|good\s+friday|thanksgiving(?:\s+day)?"
            rf"|labor\s+day|memorial\s+day|(?-i:Election\s+Day))(?P<week>\s+week(?!\s+of\b))?(?:,?\s+(?P<year>{YEAR}))?\b"
        ),
        values.holiday,
    ),
    Rule(
        "present-ref",
        _compile(
            r"\b(?:now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|presently|at\s+this\s+time|right\s+now)\b(?![\s-]+(?:that|defunct)\b|-[a-z])"
        ),
        values.reference("PRESENT_REF"),
    ),
    Rule(
        "past-ref",
        _compile(
            r"\b(?:recently|lately|(?<=\bin\s)the\s+past|(?<=\bin\s)recent\s+times|more\s+recently)\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade))"
        ),
        values.past_ref,
    ),
    Rule(
        "future-ref",
        _compile(
            r"\bthe\s+(?:(?:near|distant|foreseeable|immediate)\s+)?future\b"
            r"|\b(?:the\s+)?(?:near|short|long|medium)[\s-]term\b(?!\s+\w)"
            r"|\ba\s+later\s+date\b|\bsoon\b(?=\s*[,.;])"
        ),
        values.future,
    ),
    Rule(
        "year-ago-adjective",
        _compile(
            r"\b(?:a\s+)?year[\s-](?:ago|earlier)(?=\s+[a-z])(?!\s+(?:than|to|in|on|at|for|when|by|and|the|a|,))"
        ),
        values.year_ago_adjective,
        anchors=False,
    ),
    Rule(
        "nth-year",
        _compile(
            rf"\b(?:its|their|his|her|the|a)\s+(?P<ord>{ORDINAL})\s+(?:straight\s+|consecutive\s+|full\s+)?year\b(?!\s+of\b)"
        ),
        values.nth_year_of,
    ),
    Rule(
        "nth-day",
        _compile(
            rf"\b(?:its|their|his|her|the|a)\s+(?P<ord>{ORDINAL})\s+(?:straight\s+|consecutive\s+|full\s+)?day\b(?![\s-]+(?:after|before|later|earlier))"
        ),
        values.nth_day_of,
    ),
]


class _Sub:
    """A match with some groups renamed, so that alternative branches share one handler."""

    def __init__(self, match: Groups, **groups: str | None) -> None:
        self._match = match
        self._groups = groups

    def group(self, name: str | int) -> str | None:
        if isinstance(name, str) and name in self._groups:
            return self._groups[name]
        return self._match.group(name)

    def groupdict(self) -> dict[str, str | None]:
        return {**self._match.groupdict(), **self._groups}


# 'shift_month' is re-exported for the timeline's sorting helpers.
