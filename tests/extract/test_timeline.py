"""The timeline: dated events in order, in the article's words, reported or planned."""

from __future__ import annotations

import pytest

from generator.extract.time.timeline import precision_of


def test_events_in_date_order_with_precision_and_status(analyse):
    report = analyse(
        "The company plans to reopen the plant in 2026. On 5 May 2024 workers protested. "
        "In March 2024 the factory closed.",
        date="2025-01-10",
    )
    rows = [(e.date, e.precision, e.status) for e in report.timeline]
    assert rows == [
        ("2024-03", "month", "reported"),
        ("2024-05-05", "day", "reported"),
        ("2026", "year", "planned"),
    ]


def test_event_is_subject_verb_object_without_the_date(analyse):
    report = analyse("On 5 May 2024 the workers occupied the factory.", date="2025-01-10")
    (entry,) = report.timeline
    assert entry.event == "the workers occupied the factory"
    assert (
        report.article.text[entry.start : entry.end]
        == "On 5 May 2024 the workers occupied the factory."
    )


def test_date_that_is_the_object_stays_in_the_event(analyse):
    report = analyse("The war enters its fourth year.", date="2025-02-24")
    (entry,) = report.timeline
    assert (entry.date, entry.event) == ("2025", "The war enters its fourth year")


def test_targets_are_planned_not_done(analyse):
    report = analyse(
        "The government is aiming to cut emissions by half by the end of 2030.", date="2025-01-10"
    )
    (entry,) = report.timeline
    assert (entry.date, entry.status) == ("2030", "planned")
    assert entry.event.endswith("to cut emissions by half")


def test_undated_article_keeps_underspecified_dates(analyse):
    report = analyse("On December 3 the minister resigned.")
    (entry,) = report.timeline
    assert (entry.date, entry.precision, entry.event) == (
        "XXXX-12-03",
        "approximate",
        "the minister resigned",
    )


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2025-12-03", "day"),
        ("2025-12-03T22:00", "day"),
        ("2025-12", "month"),
        ("2025-Q3", "quarter"),
        ("2025", "year"),
        ("2013-W11", "approximate"),
        ("2025-SU", "approximate"),
        ("199", "approximate"),
        ("PAST_REF", "approximate"),
        ("P3Y", None),
    ],
)
def test_precision_of_values(value, precision):
    assert precision_of(value) == precision


def test_events_after_the_article_date_or_under_a_modal_are_planned(analyse):
    report = analyse(
        "The minister said the deficit would shrink by 2026. The old bridge closed in March 2024. "
        "The new bridge opens in May 2026.",
        date="2025-01-10",
    )
    status = {e.date: e.status for e in report.timeline}
    assert status == {"2024-03": "reported", "2026": "planned", "2026-05": "planned"}


@pytest.mark.parametrize(
    ("value", "anchor", "expected"),
    [
        ("2026", "2025-01-10", True),
        ("2025", "2025-01-10", False),
        ("2025-02", "2025-01-10", True),
        ("2025-01-10", "2025-01-10", False),
        ("2025-01-11T10:00", "2025-01-10", True),
        ("PAST_REF", "2025-01-10", False),
        ("FUTURE_REF", None, True),
        ("XXXX-12-03", None, False),
    ],
)
def test_after_anchor(value, anchor, expected):
    from generator.extract.time.timeline import after_anchor

    assert after_anchor(value, anchor) is expected
