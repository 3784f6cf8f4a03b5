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
    report = analyse("The drought enters its third year.", date="2025-02-24")
    (entry,) = report.timeline
    assert (entry.date, entry.event) == ("2025", "The drought enters its third year")


def test_targets_are_planned_not_done(analyse):
    report = analyse(
        "The government is aiming to cut emissions by half by the end of 2030.", date="2025-01-10"
    )
    (entry,) = report.timeline
    # 'the end of 2030' names the year's last month
    assert (entry.date, entry.status, entry.label) == ("2030-12", "planned", "Dec 2030")
    assert entry.event.endswith("to cut emissions by half")


def test_undated_article_keeps_its_dates_off_the_dated_timeline(analyse):
    report = analyse("On December 3 the minister resigned.")
    assert report.timeline == []
    (entry,) = report.undated
    assert (entry.date, entry.when, entry.label, entry.event, entry.anchored_on) == (
        "XXXX-12-03",
        "December 3",
        "3 Dec, year unknown",
        "the minister resigned",
        "none",
    )


def test_vague_references_and_decades_are_listed_apart_in_words(analyse):
    report = analyse(
        "The plant recently closed. In the 1990s the town grew. In 2019 the mayor resigned.",
        date="2025-01-10",
    )
    assert [(e.date, e.label) for e in report.timeline] == [("2019", "2019")]
    assert [(e.when, e.label) for e in report.undated] == [
        ("recently", "in the past"),
        ("the 1990s", "the 1990s"),
    ]


def test_negation_and_modality_stay_in_the_event(analyse):
    report = analyse(
        "Last year there hasn't been a single year of revenue gain.", date="2025-01-10"
    )
    (entry,) = report.timeline
    assert entry.polarity == "negative"
    assert "n't been" in entry.event


def test_reporters_present_comparison_baseline_and_range_end_are_not_events(analyse):
    report = analyse(
        "Today, vinyl is enjoying a comeback. Costs rose 40 percent more than in 2016. "
        "The plan runs from 2019 to 2024.",
        date="2025-01-10",
    )
    assert [(e.date, e.when) for e in report.timeline] == [("2019", "2019")]


def test_when_clause_is_the_event_of_its_date(analyse):
    report = analyse("The city changed in 1884, when the chancellor hosted a conference.")
    (entry,) = report.timeline
    assert "hosted" in entry.event


def test_entries_sort_by_the_start_of_their_interval(analyse):
    report = analyse(
        "Sales fell on 20 March 2019. Profits rose in the first quarter of 2019. "
        "The firm was founded in 2018.",
        date="2025-01-10",
    )
    assert [e.label for e in report.timeline] == ["2018", "Q1 2019", "20 Mar 2019"]


def test_following_morning_counts_from_the_narrative_day(analyse):
    report = analyse(
        "Police arrived on Aug. 9, 2019. At 6:30 a.m. the following morning, they left.",
        date="2019-08-20",
    )
    dates = [e.date for e in report.timeline]
    assert "2019-08-10T06:30" in dates


def test_restated_time_in_utc_gives_one_entry(analyse):
    report = analyse(
        "The ferry had docked as planned at 7:42 p.m. (1342 GMT) on Thursday.",
        date="2016-12-01",
    )
    (entry,) = report.timeline
    assert (entry.date, entry.label, entry.status) == (
        "2016-12-01T13:42",
        "1 Dec 2016, 13:42 UTC",
        "reported",
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


def test_habits_and_the_reporters_present_are_not_dated_events(analyse):
    report = analyse(
        "In winter, old mains break. We're having to live with a lot today. "
        "In the fall of 2017 she was preparing for a conference.",
        date="2019-05-20",
    )
    assert [(e.date, e.status) for e in report.timeline] == [("2017-FA", "reported")]


def test_relative_pronoun_gives_way_to_its_antecedent(analyse):
    report = analyse(
        "The party chose Robert Okonjo, who has led the country since independence in 1980."
    )
    (entry,) = report.timeline
    assert entry.event == "Robert Okonjo has led the country since independence"


def test_conditions_and_counterfactuals_are_not_events(analyse):
    report = analyse(
        "If I lose my keys tomorrow, I will call you. "
        "The engineers would have been named as authors today. "
        "The council approved the budget on Monday.",
        date="2024-05-15",
    )
    assert [(e.date, e.when) for e in report.timeline] == [("2024-05-13", "Monday")]


def test_present_clause_of_time_under_a_future_clause_looks_ahead(analyse):
    report = analyse(
        "The minister will become the first envoy to visit the region when she flies to Lima "
        "on Sunday.",
        date="2024-05-15",  # a Wednesday
    )
    (entry,) = report.timeline
    assert (entry.date, entry.status) == ("2024-05-19", "planned")
    assert "will become" in entry.event and "flies to Lima" in entry.event


def test_when_clause_is_shown_with_the_clause_it_times(analyse):
    report = analyse(
        "In 1991, when the premier opposed the talks, the president held back the loans."
    )
    (entry,) = report.timeline
    assert entry.date == "1991"
    assert entry.event == "the premier opposed the talks; the president held back the loans"


def test_dates_of_nouns_do_not_date_the_clause(analyse):
    report = analyse(
        "The chef opened a case of the 2011 harvest. "
        "The archivist found a shipping letter from 1958. "
        "The jury praised the best cast of this year. "
        "Several rivals for the prize on June 9 were not invited.",
        date="2024-05-15",
    )
    assert report.timeline == []


def test_comparison_baseline_is_the_year_not_the_number(analyse):
    report = analyse(
        "The firm had more than 100 brands as of last July, double the number in 2017.",
        date="2024-05-15",
    )
    assert [(e.date, e.when) for e in report.timeline] == [("2023-07", "last July")]


def test_fronted_clause_keeps_its_own_date(analyse):
    report = analyse(
        "The agency said that after it ratifies the pact on April 1, it will file claims.",
        date="2024-03-18",
    )
    (entry,) = report.timeline
    assert (entry.date, entry.status) == ("2024-04-01", "planned")
    assert entry.event.startswith("it ratifies the pact")


def test_gerund_complement_takes_the_date_of_its_verb(analyse):
    report = analyse(
        "The senator warned against signing a weak treaty during his March 3 speech.",
        date="2024-03-18",
    )
    (entry,) = report.timeline
    assert entry.date == "2024-03-03"
    assert entry.event.startswith("The senator warned against signing")


def test_habit_with_can_and_update_stamps_are_not_events(analyse):
    report = analyse(
        "Most leaks happen in winter, when the frost can make old tanks brittle.\n\n"
        "9:30 AM ET -- Crews were at the depot Thursday morning.",
        date="2024-05-17",
    )
    assert [(e.date, e.when) for e in report.timeline] == [("2024-05-16TMO", "Thursday morning")]


def test_stand_in_do_shows_what_it_stands_for(analyse):
    report = analyse("The region now burns half as much coal as it did in 2010.", date="2024-05-15")
    (entry,) = report.timeline
    assert (entry.date, entry.event) == (
        "2010",
        "The region now burns half as much coal as it did",
    )
    assert entry.confidence <= 0.75  # the date is the comparison's base: uncertain


def test_possibility_in_the_reporters_present_is_no_plan_for_the_day(analyse):
    report = analyse(
        "Today, the two views could not differ more. The board will vote today.",
        date="2024-05-15",
    )
    assert [(e.date, e.status) for e in report.timeline] == [("2024-05-15", "planned")]
    assert report.timeline[0].event == "The board will vote"


def test_second_date_of_a_coordination_is_not_sure_of_its_event(analyse):
    report = analyse("Rent will overtake wages in 2027 and food costs in 2029.", date="2025-01-10")
    by_date = {e.date: e for e in report.timeline}
    assert set(by_date) == {"2027", "2029"}
    # an event whose words hold the other year cannot be sure which year is its own
    for entry in report.timeline:
        other = "2029" if entry.date == "2027" else "2027"
        if other in entry.event:
            assert entry.confidence < 0.8
    assert any(other in e.event for e in report.timeline for other in ("2027", "2029"))


def test_past_year_under_a_future_event_is_the_figure_s_not_the_event_s(analyse):
    report = analyse(
        "Rent will take 40 percent of pay, up from 25 percent in 2023.", date="2025-01-10"
    )
    (entry,) = report.timeline
    assert entry.date == "2023"
    assert entry.confidence < 0.8


def test_date_of_a_gerund_is_not_sure_of_the_main_verb(analyse):
    report = analyse(
        "Critics mocked the council for proposing a new levy in 2019.", date="2025-01-10"
    )
    (entry,) = report.timeline
    assert entry.date == "2019"
    assert entry.confidence < 0.8


def test_date_owning_the_noun_an_event_happened_in(analyse):
    report = analyse(
        "The homes of two ministers were attacked in Tuesday night's raid. "
        "The mayor condemned Wednesday's vote.",
        date="2025-01-10",
    )
    (entry,) = report.timeline
    assert entry.date.startswith("2025-01-07")
    assert entry.event == "The homes of two ministers were attacked in Tuesday night's raid"


def test_dates_of_two_verbs_do_not_compete(analyse):
    report = analyse(
        "She won the Gold Award in 2003 and earned the Silver Medal in 2016. "
        "I ran a five-minute test last week.",
        date="2025-01-10",
    )
    # each year hangs on its own verb; a duration is no rival date
    assert [(e.date, e.confidence >= 0.8) for e in report.timeline] == [
        ("2003", True),
        ("2016", True),
        ("2025-W01", True),
    ]


def test_trailing_participle_date_is_not_sure_of_the_main_clause(analyse):
    report = analyse(
        "She rose fast through the party, culminating in Okoro's removal a week ago.",
        date="2025-01-10",
    )
    (entry,) = report.timeline
    assert entry.date == "2025-W01"
    assert entry.confidence < 0.8


def test_a_date_in_a_bracketed_citation_dates_no_event(analyse):
    """'(Page A4, Jan. 15)' cites where a column ran; '(on Jan. 12)' and '(Jan. 12)' alone
    still date their clause."""
    report = analyse(
        "Thanks for the report.\nThe column \u201cIs the harbor bridge really headed for "
        "closure?\u201d (Page A4, Jan. 15) regarding \u201cconfusion about everything from tolls "
        "to the future of the ferry\u201d helps me see why people doubt the council.",
        date="2023-01-20",
    )
    assert report.timeline == []
    report = analyse("The council met (Jan. 12) and voted to close the bridge.", date="2023-01-20")
    assert [e.date for e in report.timeline] == ["2023-01-12"]


def test_a_dated_act_of_saying_shows_what_was_said(analyse):
    report = analyse(
        "After ten years of bitter disputes, the regional council wants to sell its ferry line "
        "and close the depot, county officials said late Thursday.\n"
        "\u201cThe harbor is in danger,\u201d Mayor Ann Lee declared on Monday in a radio talk.",
        date="2015-03-20",
    )
    events = {e.date: e.event for e in report.timeline}
    assert events["2015-03-19"].endswith(
        "the regional council wants to sell its ferry line and close the depot, county officials said"
    )
    assert events["2015-03-16"].startswith(
        "\u201cThe harbor is in danger\u201d, Mayor Ann Lee declared"
    )


def test_there_is_the_subject_of_an_existential_event(analyse):
    report = analyse(
        "Even during this past January, a mild month, there were 40 outages, Harbor Gas officials said.",
        date="2015-03-20",
    )
    assert [e.event for e in report.timeline] == ["there were 40 outages"]


def test_a_reported_forecast_names_who_made_it(analyse):
    report = analyse(
        "Researchers predicted that through February 2016, the valley will keep struggling with "
        "the heat.\nThe bridge will close in May, the council said.\n"
        "The ferry will stop in June.",
        date="2015-03-20",
    )
    assert [e.event for e in report.timeline] == [
        "The bridge will close, the council said",
        "The ferry will stop",
        "Researchers predicted the valley will keep struggling with the heat",
    ]


def test_an_event_whose_subject_points_back_is_not_confident(analyse):
    """'That slump deepened through last year': alone the event does not say what deepened."""
    report = analyse(
        "That slump deepened through last year, as ferry traffic fell 12 percent.\n"
        "The harbor council closed the pier in 2012.",
        date="2015-03-20",
    )
    sure = {e.event: e.confidence >= 0.8 for e in report.timeline}
    assert sure == {"That slump deepened": False, "The harbor council closed the pier": True}


def test_a_trailing_quoted_as_saying_frame_shows_the_clause_before_it(analyse):
    report = analyse(
        "Fishermen said they heard two loud bangs near the reef, the port authority was quoted "
        "as saying on Thursday by a radio station.",
        date="2015-03-20",
    )
    (entry,) = report.timeline
    assert entry.event.startswith("Fishermen said they heard two loud bangs near the reef,")


def test_a_date_set_off_by_commas_leaves_no_double_comma(analyse):
    report = analyse(
        "A survey counted 17 kinds of fern on the island; the latest count, from 2014, showed 88.",
        date="2015-03-20",
    )
    assert [e.event for e in report.timeline] == ["the latest count showed 88"]
