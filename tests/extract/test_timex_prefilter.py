"""The time grammar's prefilter: trying each rule only where its first letters can start finds
the same candidates as running every rule's regex over every window."""

from __future__ import annotations

import re

import pytest

from generator.extract.prefilter import Dispatch, prefixes
from generator.extract.time import timex
from generator.extract.time.rules import RULES, Rule


def _reference_windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in timex.TRIGGER.finditer(text):
        lo = max(0, match.start() - timex.WINDOW)
        hi = min(len(text), match.end() + timex.WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def _reference(text: str) -> list[tuple[int, int, str, tuple[int, int]]]:
    """Every rule's finditer over every window: what the finder did before the prefilter."""
    found = []
    windows = _reference_windows(text)
    rule: Rule
    for rule in RULES:
        for lo, hi in windows:
            for match in rule.pattern.finditer(text, lo, hi):
                start, end = match.span()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end > start:
                    found.append((start, end, rule.name, match.span()))
    return found


TEXTS = [
    "On Monday, March 3, 2025, the council met at 6:30 a.m. and again the following morning.",
    "Sales in the third quarter of last year rose; in  spring  the line ran three times a week.",
    "Results for Q12 and Q3 2024 came in the 1990s and the rock'80s era, its quarter ended.",
    "THE NEXT DAY, FOR YEARS, WITHIN WEEKS: twice a month, 5 a day, every Friday night.",
    "Tickets\u00a0cost 12\u00a0January 2020; \u212aelvin and \u017fpring; \u0663 days ago; "
    "2019\u20132020 and 3\u20135 years.",
    "x2025-01-01 and 1/2/2023, a year-ago quarter, two thousand and nine, nineteen eighty-four.",
    "He left 200 years ago; half an hour later; a couple of weeks; the weekend; at noon GMT.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_are_those_of_every_regex_over_every_window(text: str) -> None:
    got = [(s, e, r.name, m.span()) for s, e, r, m in timex._candidates(text)]
    assert got == _reference(text)
    assert got  # each text has time expressions


def test_most_rules_are_filtered_and_hard_starts_are_not() -> None:
    unfiltered = {
        r.name for r, f in zip(RULES, timex._RULE_FILTER.filters, strict=True) if f is None
    }
    # 'decade' may start on an apostrophe after a word ('rock'80s'), 'this-quarter' on a space
    assert {"decade", "this-quarter"} <= unfiltered
    assert len(unfiltered) <= 3


def test_prefixes_of_a_word_regex() -> None:
    found = prefixes(re.compile(r"\b(?:the\s+)?week\b", re.I))
    assert found is not None
    assert found.closed == {"the w", "the  "}  # \s+ may repeat
    assert "week" in found.open
    assert prefixes(re.compile(r"week", re.I)) is None  # may match inside a word
    assert prefixes(re.compile(r"\b(?:week)?", re.I)) is None  # may match nothing
    assert prefixes(re.compile(r"(?<=\bfor\s)years", re.I)) is not None
    assert prefixes(re.compile(r"(?<![\w.])\d+%", re.I)) is not None
    assert prefixes(re.compile(r"(?<![\d.])\d+%", re.I)) is None  # 'x5%' starts mid-word


def test_dispatch_keys() -> None:
    dispatch = Dispatch([re.compile(r"\bweek", re.I), re.compile(r"\bday", re.I)])
    assert dispatch.rules_for("weeks") == (0,)
    assert dispatch.rules_for("days ") == (1,)
    assert dispatch.rules_for("month") == ()
    assert dispatch.rules_for("wee") == ()  # cut short by the end of the window: no room
    assert dispatch.rules_for("we\u00e9k") == (0, 1)  # not ASCII: every rule is tried


def test_required_atoms_of_a_regex() -> None:
    from generator.extract.prefilter import required_atoms

    assert required_atoms(
        re.compile(r"\b(?:this\s+)?(?:fiscal\s+)?(?:quarter|period)\b", re.I)
    ) == {
        "quarter",
        "period",
    }
    assert required_atoms(re.compile(r"(?:\d{4}-\d\d|\d\d/\d\d)")) == {"-", "/"}
    assert required_atoms(re.compile(r"(?:ab)+c?", re.I)) == {"ab"}
    assert required_atoms(re.compile(r"(?:week)?\d+")) is None  # a match may hold no letter
    assert required_atoms(re.compile(r"week|\d")) is None  # an alternative shows none


def test_a_window_without_atoms_is_skipped_and_odd_cases_are_searched() -> None:
    from generator.extract.prefilter import Scan

    pattern = re.compile(r"(?<=\s)\s*quarter", re.I)  # may start on a space: no filter
    dispatch = Dispatch([pattern])
    assert dispatch.filters == [None] and dispatch.atoms == [frozenset({"quarter"})]
    text = "a Quarter later, no such word here; the qu\u0130rter (dotted capital I) here"
    scan = Scan(text)
    windows = [(0, 17), (17, 35), (35, len(text))]
    expected = [m.span() for lo, hi in windows for m in pattern.finditer(text, lo, hi)]
    assert [m.span() for m in scan.matches([pattern], dispatch, windows)[0]] == expected
    assert expected == [(2, 9)]
