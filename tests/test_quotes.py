"""Quotes: direct, partial and indirect, speakers, relays and unbalanced marks, on small texts."""

from __future__ import annotations

import pytest

from generator.extract.common import quote_regions, unbalanced_quote_marks


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said \u201cwe will win\u201d today.", ["we will win"]),
        ("It\u2019s a \u2018necessity\u2019, she said.", ["necessity"]),
        (
            "She said: \u201cWe stay.\n\n\u201cWe go,\u201d she added.",
            ["We stay.", "We go,"],
        ),
    ],
)
def test_quote_regions(text, inside):
    assert [text[a:b] for a, b, _ in quote_regions(text)] == inside


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win. Then he left.', [(8, 35)]),
        ('He said "we will win." Then he left.', []),
        ("The farmers\u2019 union met.", []),
    ],
)
def test_unbalanced_quote_marks(text, expected):
    assert unbalanced_quote_marks(text) == expected


def test_unbalanced_quote_is_skipped_without_crash(analyse):
    report = analyse('Minister Lena Holt said "we will not retreat. Nothing else was said.')
    assert all(q.kind != "direct" for q in report.quotes)


def test_direct_quote_speaker_in_previous_sentence(analyse):
    report = analyse(
        "Mayor Ruth Adebayo spoke to reporters on Monday.\n"
        "\u201cWe will rebuild every school that was damaged by the storm.\u201d"
    )
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker is not None
    assert direct[0].speaker.actor == "ruth-adebayo"


def test_indirect_after_said_with_pronoun_speaker(analyse):
    report = analyse("Governor Sam Okafor visited the dam. He said the water level was falling.")
    indirect = [q for q in report.quotes if q.kind == "indirect"]
    assert indirect and indirect[0].text == "the water level was falling"
    assert indirect[0].speaker.text == "He"


def test_trailing_reporting_clause(analyse):
    report = analyse("The economy is growing faster than expected, the central bank said.")
    quotes = [q for q in report.quotes if q.cue and q.cue.text == "said"]
    assert quotes and quotes[0].text == "The economy is growing faster than expected"


def test_according_to_gives_speaker(analyse):
    report = analyse("Prices will rise next year, according to the Harbour Institute.")
    quotes = [q for q in report.quotes if q.cue and q.cue.text == "according to"]
    assert quotes and quotes[0].speaker.text == "Harbour Institute"
    assert quotes[0].speaker.actor == "harbour-institute"


def test_belief_is_an_attribution(analyse):
    report = analyse("Senator Dana Whitlock believes the bill will pass.")
    quotes = [q for q in report.quotes if q.cue and q.cue.text == "believes"]
    assert quotes and quotes[0].text == "the bill will pass"
    assert quotes[0].speaker.actor == "dana-whitlock"


def test_relay_marks_the_outlet(analyse):
    report = analyse(
        "\u201cWe will not sign,\u201d Minister Karl Vos said, as reported by Nordic Press Agency."
    )
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert direct and direct[0].via == "nordic-press-agency"
