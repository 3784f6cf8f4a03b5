"""Time expressions and their TIMEX3 values, on small texts written for these tests."""

from __future__ import annotations

import pytest

from generator.extract.time.timex import extract_temporal_expressions, infer_article_date


@pytest.fixture(scope="module")
def timexes(nlp):
    def run(text: str, date: str | None = None):
        return [(t.text, t.type, t.value) for t in extract_temporal_expressions(nlp(text), date)]

    return run


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # dates, full and partial
        (
            "The deal was signed on March 5, 2024.",
            "2025-01-10",
            ("March 5, 2024", "DATE", "2024-03-05"),
        ),
        (
            "The deal was signed on 5 March 2024.",
            "2025-01-10",
            ("5 March 2024", "DATE", "2024-03-05"),
        ),
        ("The filing is dated 2024-03-05.", "2025-01-10", ("2024-03-05", "DATE", "2024-03-05")),
        ("The vote took place on December 3.", "2025-12-05", ("December 3", "DATE", "2025-12-03")),
        ("The summit will open on January 14.", "2025-12-05", ("January 14", "DATE", "2026-01-14")),
        ("Sales fell sharply in October.", "2025-01-10", ("October", "DATE", "2024-10")),
        ("Prices peaked in July 2023.", "2025-01-10", ("July 2023", "DATE", "2023-07")),
        ("The plant opened in 1998.", "2025-01-10", ("1998", "DATE", "1998")),
        ("It was completed in late November.", "2025-12-05", ("late November", "DATE", "2025-11")),
        # weekdays: the tense of the verb decides
        ("The minister resigned on Friday.", "2025-12-05", ("Friday", "DATE", "2025-12-05")),
        ("The minister spoke on Monday.", "2025-12-05", ("Monday", "DATE", "2025-12-01")),
        ("The minister will speak on Monday.", "2025-12-05", ("Monday", "DATE", "2025-12-08")),
        ("He arrived last Wednesday.", "2025-12-05", ("last Wednesday", "DATE", "2025-12-03")),
        # relative to the article date
        ("Prices fell last week.", "2013-03-20", ("last week", "DATE", "2013-W11")),
        ("Earlier this year the council met.", "2025-12-05", ("Earlier this year", "DATE", "2025")),
        ("Talks resume next month.", "2025-12-05", ("next month", "DATE", "2026-01")),
        ("The firm was sold two years ago.", "1998-05-01", ("two years ago", "DATE", "1996")),
        ("Sales rose last year.", "1998-05-01", ("last year", "DATE", "1997")),
        ("The bank reported results today.", "1998-05-01", ("today", "DATE", "1998-05-01")),
        ("The bank reported results yesterday.", "1998-05-01", ("yesterday", "DATE", "1998-04-30")),
        (
            "The fire started yesterday morning.",
            "1998-05-01",
            ("yesterday morning", "TIME", "1998-04-30TMO"),
        ),
        (
            "The vote was at 10 p.m. Wednesday.",
            "2025-12-05",
            ("10 p.m. Wednesday", "TIME", "2025-12-03T22:00"),
        ),
        # quarters, halves, seasons, fiscal years, decades, centuries
        (
            "Profit rose in the third quarter of 1998.",
            "1998-11-02",
            ("the third quarter of 1998", "DATE", "1998-Q3"),
        ),
        (
            "The bank posted a third-quarter loss.",
            "1998-11-02",
            ("third-quarter", "DATE", "1998-Q3"),
        ),
        (
            "Profit fell in the fourth quarter.",
            "1998-01-26",
            ("the fourth quarter", "DATE", "1997-Q4"),
        ),
        ("Revenue grew in Q3 2024.", "2025-01-10", ("Q3 2024", "DATE", "2024-Q3")),
        (
            "Output grew in the first half of 2024.",
            "2025-01-10",
            ("the first half of 2024", "DATE", "2024-H1"),
        ),
        ("The drought hit last summer.", "2025-12-05", ("last summer", "DATE", "2025-SU")),
        (
            "The bridge opened in the spring of 2019.",
            "2025-12-05",
            ("the spring of 2019", "DATE", "2019-SP"),
        ),
        ("In fiscal 2024 the company lost money.", "2025-01-10", ("fiscal 2024", "DATE", "2024")),
        ("Trade boomed in the 1990s.", "2025-01-10", ("the 1990s", "DATE", "199")),
        (
            "It was the worst war of the 20th century.",
            "2025-01-10",
            ("the 20th century", "DATE", "19"),
        ),
        # durations
        ("The project took three years.", "2025-01-10", ("three years", "DURATION", "P3Y")),
        ("They signed a two-year deal.", "2025-01-10", ("two-year", "DURATION", "P2Y")),
        ("They lived there for 2 1/2 years.", "2025-01-10", ("2 1/2 years", "DURATION", "P2Y6M")),
        (
            "Prices rose over the past two months.",
            "2025-01-10",
            ("the past two months", "DURATION", "P2M"),
        ),
        (
            "The lowest level in nearly two decades.",
            "2025-01-10",
            ("nearly two decades", "DURATION", "P20Y"),
        ),
        (
            "The talks lasted a minute and a half.",
            "2025-01-10",
            ("a minute and a half", "DURATION", "PT1M30S"),
        ),
        (
            "Shares have fallen in recent months.",
            "2025-01-10",
            ("recent months", "DURATION", "PXM"),
        ),
        # sets
        ("The fund pays out each month.", "2025-01-10", ("each month", "SET", "P1M")),
        ("The market opens every Thursday.", "2025-01-10", ("every Thursday", "SET", "XXXX-WXX-4")),
        ("The paper publishes the figures daily.", "2025-01-10", ("daily", "SET", "P1D")),
        # references
        ("Prices are now falling.", "2025-01-10", ("now", "DATE", "PRESENT_REF")),
        ("The rules were recently changed.", "2025-01-10", ("recently", "DATE", "PAST_REF")),
        ("Costs will rise in the future.", "2025-01-10", ("the future", "DATE", "FUTURE_REF")),
        # holidays
        (
            "The shops will close on Christmas Day.",
            "2025-12-05",
            ("Christmas Day", "DATE", "2025-12-25"),
        ),
    ],
)
def test_expression_and_value(timexes, text, date, expected):
    assert expected in timexes(text, date)


def test_anaphoric_year_follows_the_last_date(timexes):
    found = timexes(
        "The firm was founded in 1995. The following year it went public.", "2025-01-10"
    )
    assert ("The following year", "DATE", "1996") in found


def test_a_year_ago_in_quarterly_results_is_that_quarter(timexes):
    found = timexes(
        "Net income rose in the third quarter. It earned $5 million a year ago.", "1998-11-02"
    )
    assert ("a year ago", "DATE", "1997-Q3") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On December 3, the minister spoke.", ("December 3", "DATE", "XXXX-12-03")),
        ("Prices fell last week.", ("last week", "DATE", "XXXX-WXX")),
        ("The talks failed yesterday.", ("yesterday", "DATE", "XXXX-XX-XX")),
        ("He resigned on Friday.", ("Friday", "DATE", "XXXX-XX-XX")),
        ("The council met earlier this year.", ("earlier this year", "DATE", "XXXX")),
    ],
)
def test_without_article_date_values_stay_underspecified(timexes, text, expected):
    assert expected in timexes(text, None)


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "Brenda May said nothing.",
        "About 1,999 people came, paying $2000 each.",
        "A 45-year-old man was arrested.",
        "First of all, the plan is sound.",
        "He watched the show This Week and the film High Noon.",
        "Their fall was sudden.",
    ],
)
def test_not_time_expressions(timexes, text):
    assert timexes(text, "2025-01-10") == []


def test_spans_leave_out_prepositions_and_keep_modifiers(timexes):
    found = timexes(
        "The deal should close within the next two weeks, after more than four hours of talks.",
        "2025-01-10",
    )
    texts = [t[0] for t in found]
    assert "the next two weeks" in texts
    assert "more than four hours" in texts


@pytest.mark.parametrize(
    ("text", "date", "why"),
    [
        (
            "Officials said on November 20 that the works would be finished by the end of 2031.",
            "2031-11-20",
            "the end of 2031",
        ),
        ("The treaty was signed on 4 May 2019 in Vienna.", "2019-05-04", "4 May 2019"),
    ],
)
def test_article_date_inferred_from_the_text(nlp, text, date, why):
    doc = nlp(text)
    inferred = infer_article_date(doc, extract_temporal_expressions(doc, None))
    assert inferred is not None
    assert inferred.date == date
    assert why in inferred.explanation


def test_article_date_not_inferred_without_a_year(nlp):
    doc = nlp("On December 3, the minister spoke.")
    assert infer_article_date(doc, extract_temporal_expressions(doc, None)) is None


def test_inferred_date_is_marked_and_explained(analyse):
    report = analyse(
        "The minister resigned on November 20. The reform is due by the end of 2031. Last week he was in Rome."
    )
    assert (report.article.date, report.article.date_source) == ("2031-11-20", "inferred")
    values = {t.text: t.value for t in report.temporal_expressions}
    assert values["Last week"] == "2031-W46"
    caveat = next(c for c in report.caveats if c.kind == "missing-metadata" and c.text)
    assert "the end of 2031" in caveat.explanation and caveat.text == "November 20"


def test_a_forecast_quarter_does_not_become_the_reported_one(timexes):
    found = timexes(
        "Third-quarter profit at the bakery chain rose 8%. The storm will cause a fourth-quarter "
        "charge. Sales fell in the latest quarter. Profit was $2 million a year ago.",
        "2024-11-04",
    )
    assert ("the latest quarter", "DATE", "2024-Q3") in found
    assert ("a year ago", "DATE", "2023-Q3") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose 4% in the quarter ended Sept. 30.", ("the quarter", "DATE", "2024-Q3")),
        # a quarter ended July 31 covers May to July: mostly the second calendar quarter
        ("The chain lost money in the quarter ended July 31.", ("the quarter", "DATE", "2024-Q2")),
        ("Orders slowed in the current quarter.", ("the current quarter", "DATE", "2024-Q4")),
    ],
)
def test_quarter_named_by_its_end_or_by_the_article_date(timexes, text, expected):
    assert expected in timexes(text, "2024-11-04")


def test_quarterly_is_not_a_quarter(timexes):
    found = timexes("The mill posted its first quarterly loss in years.", "2024-11-04")
    assert not any(value.endswith("-Q1") for _, _, value in found)


def test_the_corresponding_period_a_year_before_the_reported_quarter(timexes):
    found = timexes(
        "The mill earned $3 million in the third quarter, against $1 million for the "
        "corresponding period last year.",
        "2024-11-04",
    )
    assert ("the corresponding period last year", "DATE", "2023-Q3") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'one day' between a modal and its verb is 'someday'; after 'for' it is a length
        ("Solar power will one day be the cheapest source.", ("one day", "DATE", "FUTURE_REF")),
        ("The plant was closed for one day.", ("one day", "DURATION", "P1D")),
        # a day named after a clock time (past a bracketed conversion) dates that time
        (
            "The bridge collapsed at 9:15 a.m. (0615 GMT) Tuesday.",
            ("9:15 a.m.", "TIME", "2024-11-05T09:15"),
        ),
        # a plan made in the past and overtaken: its day lies behind
        (
            "The offer had been scheduled to expire on Friday.",
            ("Friday", "DATE", "2024-11-01"),
        ),
        # the present perfect takes no past day of its own: the day is the plan's
        ("The mayor has scheduled a hearing Thursday.", ("Thursday", "DATE", "2024-11-07")),
        ("The ferry could sail as soon as Monday.", ("Monday", "DATE", "2024-11-11")),
        ("The exchange is to resume trading Monday.", ("Monday", "DATE", "2024-11-11")),
        # a dateline's date is a time expression like any other (TimeML)
        ("LISBON, November 6 (Agency) -- The port reopened.", ("November 6", "DATE", "2024-11-06")),
    ],
)
def test_anchor_and_direction(timexes, text, expected):
    assert expected in timexes(text, "2024-11-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Output fell in the first two quarters of 2023.",
            ("the first two quarters of 2023", "DATE", "2023-H1"),
        ),
        (
            "The merger closed in the fourth quarter of 2023. In the same period a year "
            "earlier, profit fell.",
            ("the same period a year earlier", "DATE", "2022-Q4"),
        ),
        # 'be scheduled/set for': a plan, so the day lies ahead
        ("The vote is scheduled for Monday.", ("Monday", "DATE", "2024-05-20")),
    ],
)
def test_halves_periods_and_plans(timexes, text, expected):
    assert expected in timexes(text, "2024-05-15")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a decade written with two digits is the latest one begun by the article date
        ("Rents doubled in the '90s.", "1998-03-02", ("the '90s", "DATE", "199")),
        # words that point a date ahead of the act the verb tells of, whatever its tense
        (
            "The board approved higher fees, effective Feb. 1.",
            "2024-11-06",
            ("Feb. 1", "DATE", "2025-02-01"),
        ),
        (
            "The tender offer was extended to Nov. 20.",
            "2024-08-01",
            ("Nov. 20", "DATE", "2024-11-20"),
        ),
        (
            "The hearing was postponed until Tuesday morning.",
            "2024-11-06",
            ("Tuesday morning", "TIME", "2024-11-12TMO"),
        ),
        # ... but a record 'set on' a day is behind, and so is a plan overtaken ('had been due')
        (
            "The index closed near the record high set on Aug. 6.",
            "2024-05-15",
            ("Aug. 6", "DATE", "2023-08-06"),
        ),
        (
            "The lease expired Feb. 1 and the new rules became effective March 1.",
            "2024-11-06",
            ("Feb. 1", "DATE", "2024-02-01"),
        ),
        (
            "The lease expired Feb. 1 and the new rules became effective March 1.",
            "2024-11-06",
            ("March 1", "DATE", "2024-03-01"),
        ),
        (
            "Sales through March are up 5% on the year.",
            "2024-06-20",
            ("March", "DATE", "2024-03"),
        ),
        (
            "The ferry was delayed due to Friday's storm.",
            "2024-11-06",
            ("Friday", "DATE", "2024-11-01"),
        ),
        (
            "The permit had been due to expire Friday.",
            "2024-05-15",
            ("Friday", "DATE", "2024-05-10"),
        ),
        # an infinitive on a noun tells of what is still to come, unless the noun is ranked
        (
            "The lender signed an agreement to acquire the credit union in January.",
            "2024-11-06",
            ("January", "DATE", "2025-01"),
        ),
        (
            "She became the first pilot to cross the strait in March.",
            "2024-11-06",
            ("March", "DATE", "2024-03"),
        ),
        # ... on the infinitive itself, not on a noun of its clause
        (
            "Most farmers support his hard line on talks to curb the city's water program and "
            "his pledge on Monday that the city would build no new dam.",
            "2015-03-18",
            ("Monday", "DATE", "2015-03-16"),
        ),
        # 'last Oct. 23' is one expression: the latest such day before the article date
        (
            "The clerk was hurt last Oct. 23 at the depot.",
            "1999-04-19",
            ("last Oct. 23", "DATE", "1998-10-23"),
        ),
        # 'the day before/after' a day: one expression, one day off
        (
            "The day before last Tuesday's hearing, the mayor flew to Lyon.",
            "2024-11-08",
            ("The day before last Tuesday", "DATE", "2024-11-04"),
        ),
        (
            "The clerk left the day after Oct. 3.",
            "2024-11-08",
            ("the day after Oct. 3", "DATE", "2024-10-04"),
        ),
    ],
)
def test_direction_words_decades_and_day_offsets(timexes, text, date, expected):
    assert expected in timexes(text, date)


def test_quarter_to_quarter_is_a_comparison_not_a_quarter(timexes):
    found = timexes("The quarter-to-quarter comparison was hurt by a charge.", "2024-11-04")
    assert not any(value.endswith(("-Q3", "-Q4")) for _, _, value in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'this summer' is the summer of the article's year, whatever the tense
        ("Ticket sales rose this summer.", ("this summer", "DATE", "2010-SU")),
        # a season or a part of a year 'of last year', 'of the year': one expression
        (
            "The ferry line opened in the spring of last year.",
            ("the spring of last year", "DATE", "2009-SP"),
        ),
        (
            "Freight will slow in the second half of the year.",
            ("the second half of the year", "DATE", "2010-H2"),
        ),
        (
            "Output fell in the first quarter of the year.",
            ("the first quarter of the year", "DATE", "2010-Q1"),
        ),
    ],
)
def test_seasons_and_parts_of_a_named_year(timexes, text, expected):
    assert expected in timexes(text, "2010-05-12")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnumbered stretch of units is a length of time
        ("Over the years, the mill doubled its output.", [("the years", "DURATION", "PXY")]),
        ("Prices may rise in the weeks ahead.", [("the weeks ahead", "DURATION", "PXW")]),
        ("In the years that followed, the town shrank.", [("the years", "DURATION", "PXY")]),
        # 'now' inside a compound adjective is part of a modifier, not the present
        ("The now-closed mill was sold to a developer.", []),
    ],
)
def test_unnumbered_stretches_and_compounds(timexes, text, expected):
    assert timexes(text, "2010-05-12") == expected


def test_of_the_year_ago_is_not_of_the_year(timexes):
    found = timexes("Profit beat the fourth quarter of the year-ago period.", "2010-05-12")
    assert not any(text.endswith("of the year") for text, _, _ in found)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # 'the 1800s' names the century whose years start so, not its first decade
        ("Gas lamps lit the streets in the 1800s.", "2025-01-10", ("the 1800s", "DATE", "18")),
        # a past narrative counts its next decade from its own year, not the article's
        (
            "In 1871 a tinker built the first lamp. Over the next decade, others copied it.",
            "2025-01-10",
            ("next decade", "DATE", "188"),
        ),
        # a plan counts it from the article date
        ("Prices will fall over the next decade.", "2025-01-10", ("next decade", "DATE", "203")),
    ],
)
def test_centuries_in_hundreds_and_narrative_decades(timexes, text, date, expected):
    assert expected in timexes(text, date)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the rest of the year, named by the smallest calendar unit that holds it
        (
            "The ferry will enter service later this year.",
            "2024-11-04",
            ("later this year", "DATE", "2024-Q4"),
        ),
        (
            "The ferry will enter service later this year.",
            "2024-12-09",
            ("later this year", "DATE", "2024-12"),
        ),
        (
            "The ferry will enter service later this year.",
            "2024-08-19",
            ("later this year", "DATE", "2024"),
        ),
        (
            "The ferry will enter service later this year.",
            "2024-05-19",
            ("later this year", "DATE", "2024"),
        ),
        (
            "The mayor of Brindle opened a market earlier this year.",
            "2024-01-03",
            ("earlier this year", "DATE", "2024"),
        ),
        (
            "The mayor of Brindle opened a market earlier this year.",
            "2024-05-20",
            ("earlier this year", "DATE", "2024"),
        ),
        # a present-tense verb of planning puts the date it governs on the plan, ahead
        (
            "On Tuesday, the Otterby Guild plans to elect a chair.",
            "2024-03-13",
            ("Tuesday", "DATE", "2024-03-19"),
        ),
        (
            "The Otterby Guild plans a vote on Tuesday.",
            "2024-03-13",
            ("Tuesday", "DATE", "2024-03-19"),
        ),
        # the second of two coordinated days takes the month of the first
        (
            "The fair will be held on May 14 and 15.",
            "2024-03-13",
            ("15", "DATE", "2024-05-15"),
        ),
    ],
)
def test_rest_of_year_plans_and_coordinated_days(timexes, text, date, expected):
    assert expected in timexes(text, date)


def test_a_count_after_and_is_not_a_day(timexes):
    found = timexes("Between 2019 and 2021 the club grew from 4 and 5 members.", "2024-03-13")
    assert not any(text == "5" for text, _, _ in found)
    found = timexes("On May 14 and 15 percent of the seats were empty.", "2024-03-13")
    assert not any(text.startswith("15") for text, _, _ in found)


def test_a_year_earlier_after_a_stretch_of_months_is_not_the_quarter(timexes):
    text = (
        "Quillon said third-quarter profit rose 5% to $8 million from $7 million a year earlier. "
        "In the first eight months, Quillon earned $20 million against $18 million a year earlier."
    )
    found = [(t, v) for t, _, v in timexes(text, "1989-10-30") if t == "a year earlier"]
    assert found == [("a year earlier", "1988-Q3"), ("a year earlier", "1988")]
    # the stretch governs its own sentence only
    text += " Quillon's quarterly sales were flat compared with a year earlier."
    found = [(t, v) for t, _, v in timexes(text, "1989-10-30") if t == "a year earlier"]
    assert found[-1] == ("a year earlier", "1988-Q3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount of a thing counted in units of time is not a stretch of time
        ("Each clerk gets a bonus worth three months of salary.", []),
        ("The small player holds 40 hours of footage.", []),
        # a stretch in which something happens is
        (
            "The strike ended after three months of talks.",
            [("three months", "DURATION", "P3M")],
        ),
    ],
)
def test_amounts_measured_in_time(timexes, text, expected):
    assert timexes(text, "2010-05-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ordinal day of something under way, told in the present, is the article's day
        (
            "It's now the third day of the strike at the Pellham mill.",
            ("the third day", "DATE", "2010-05-12"),
        ),
        ("Today is the fifth day of the siege.", ("the fifth day", "DATE", "2010-05-12")),
        # the US Election Day: the Tuesday after the first Monday in November
        ("The campaign will run until Election Day.", ("Election Day", "DATE", "2010-11-02")),
    ],
)
def test_present_ordinal_day_and_election_day(timexes, text, expected):
    assert expected in timexes(text, "2010-05-12")


def test_a_past_ordinal_day_is_left_out(timexes):
    found = timexes("He resigned on the third day of the strike.", "2010-05-12")
    assert not any(text.endswith("day") for text, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock hour with its part of the day, after a preposition of time
        (
            "The ferry leaves at 5:30 in the afternoon.",
            [("5:30 in the afternoon", "TIME", "2010-05-12T17:30")],
        ),
        (
            "The bar of the Hotel Vell shut at 11 at night.",
            [("11 at night", "TIME", "2010-05-12T23:00")],
        ),
        # without one it is a count
        ("The index rose 3 in the morning session.", []),
    ],
)
def test_clock_hours_with_a_part_of_the_day(timexes, text, expected):
    assert timexes(text, "2010-05-12") == expected


def test_a_bracketed_conversion_names_the_day_of_a_clock_time(timexes):
    found = timexes(
        "The ferry will sail at 5 in the morning (5 a.m. CET Friday), its owner said.", "2010-05-12"
    )
    assert ("5 in the morning", "TIME", "2010-05-14T05:00") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'today's society', 'the builders of tomorrow' name an age, not a day
        ("Privacy is hard to keep in today's society.", []),
        ("The academy trains the builders of tomorrow.", []),
        # a day's own things keep their day
        ("The offer ran in today's editions of the Gazette.", [("today", "DATE", "2010-05-12")]),
        ("The council meets tomorrow.", [("tomorrow", "DATE", "2010-05-13")]),
    ],
)
def test_today_and_tomorrow_naming_an_age(timexes, text, expected):
    assert timexes(text, "2010-05-12") == expected


def test_a_feast_week_is_the_week_of_the_feast(timexes):
    found = timexes("Sales at the Tolmer bakery peak in Easter week.", "2010-03-29")
    assert ("Easter week", "DATE", "2010-W13") in found
    assert ("Christmas week 2009", "DATE", "2009-W52") in timexes(
        "Sales peaked in Christmas week 2009.", "2010-03-29"
    )


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a number after 'May 3 and' that counts a noun is no day
        ("On May 3 and 4 trucks were lost in Tolmer.", "4"),
        # another day's ordinal, and the end of a day, are not the age of 'today'
        ("Monday is the first day of school in Brindle.", "the first day"),
    ],
)
def test_guards_on_coordinated_and_ordinal_days(timexes, text, unwanted):
    assert not any(found == unwanted for found, _, _ in timexes(text, "2024-03-13"))


def test_the_end_of_today_is_today(timexes):
    assert ("today", "DATE", "2024-03-13") in timexes(
        "He worked until the end of today.", "2024-03-13"
    )
