"""Figures: money, percentages, quantities, counts and ranks, on small texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from generator.extract.figures import _counted_noun, extract_figures
from generator.extract.time.timex import extract_temporal_expressions


@pytest.fixture(scope="module")
def figures(nlp):
    def run(text: str):
        doc = nlp(text)
        return extract_figures(doc, [], [], extract_temporal_expressions(doc, "2025-01-10"))

    return run


def one(found, text):
    matches = [f for f in found if f.text == text]
    assert matches, f"no figure {text!r} in {[f.text for f in found]}"
    return matches[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "per"),
    [
        (
            "Members plan to spend 2 billion euros per month.",
            "2 billion euros per month",
            2e9,
            "EUR",
            "month",
        ),
        ("The fund raised €1bn in a week.", "€1bn", 1e9, "EUR", None),
        ("The startup raised $2.5 million.", "$2.5 million", 2.5e6, "USD", None),
        ("The budget is EUR 5 billion.", "EUR 5 billion", 5e9, "EUR", None),
        ("Exports reached 5 bln euros.", "5 bln euros", 5e9, "EUR", None),
        ("The state approved Rs 500 crore for roads.", "Rs 500 crore", 5e9, "INR", None),
        ("Airbus won a US$40 billion contract.", "US$40 billion", 4e10, "USD", None),
        ("The airline paid 9.9 billion yuan.", "9.9 billion yuan", 9.9e9, "CNY", None),
        ("It won a £13bn deal.", "£13bn", 1.3e10, "GBP", None),
        (
            "The firm earned $2 million, or 18 cents a share.",
            "18 cents a share",
            0.18,
            "USD",
            "share",
        ),
        (
            "Films will retail for around $9.99 US dollars.",
            "around $9.99 US dollars",
            9.99,
            "USD",
            None,
        ),
    ],
)
def test_money(figures, sentence, text, value, unit, per):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.per) == ("money", pytest.approx(value), unit, per)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        (
            "The contracts are worth $1.2 million to $23.5 million each.",
            "$1.2 million to $23.5 million",
            1.2e6,
            23.5e6,
        ),
        (
            "Donors may give between $12 million and $20 million.",
            "between $12 million and $20 million",
            12e6,
            20e6,
        ),
        ("Fees range from $1.2 to $23.5 million.", "$1.2 to $23.5 million", 1.2e6, 23.5e6),
    ],
)
def test_money_ranges_keep_both_ends(figures, sentence, text, low, high):
    fig = one(figures(sentence), text)
    assert (fig.value, fig.value_max) == (pytest.approx(low), pytest.approx(high))


def test_two_prices_joined_by_and_are_two_figures(figures):
    found = figures("The players will cost $199 and $249 respectively.")
    assert [(f.text, f.value) for f in found if f.kind == "money"] == [("$199", 199), ("$249", 249)]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "value_max", "unit"),
    [
        ("Prices rose 4.5% in March.", "4.5%", 4.5, None, "%"),
        (
            "Growth was between three and seven percent.",
            "between three and seven percent",
            3,
            7,
            "%",
        ),
        ("Margins improved by 15-20%.", "15-20%", 15, 20, "%"),
        ("Turnout fell 2 percentage points.", "2 percentage points", 2, None, "percentage points"),
        ("The bank cut rates by 25 basis points.", "25 basis points", 25, None, "basis points"),
        ("Efficiency improves by as much as 3%.", "as much as 3%", 3, None, "%"),
    ],
)
def test_percentages(figures, sentence, text, value, value_max, unit):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.value, fig.value_max, fig.unit) == ("percent", value, value_max, unit)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The air force will buy 179 new aerial refueling tankers.", "179", 179, "tanker"),
        ("The plane was greeted by about 500 guests.", "about 500", 500, "guest"),
        ("Qatar will also purchase 20 of the larger planes.", "20", 20, "plane"),
        ("The crash killed all 228 people on board.", "all 228", 228, "person"),
        ("The player holds 500 and 1,000 songs.", "500", 500, "song"),
        ("Police found thousands of pages.", "thousands of", 1000, "page"),
        (
            "Rebels killed tens of thousands of civilians.",
            "tens of thousands of",
            10000,
            "civilian",
        ),
        ("It was four times the value of the loan.", "four", 4, "times"),
        ("Three gunmen stormed the museum.", "Three", 3, "gunman"),
        ("Its lakes drew thousands of sunburnt hikers.", "thousands of", 1000, "hiker"),
        ("A survey counted 23 different types of moss.", "23", 23, "type of moss"),
    ],
)
def test_counts_of_things(figures, sentence, text, value, unit):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("count", value, unit)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The jet can fly 9,420 nautical miles.", "9,420 nautical miles", 9420, "nautical mile"),
        ("It carried twenty tonnes of equipment.", "twenty tonnes", 20, "tonne"),
        ("The tubes were 40-foot tall.", "40-foot", 40, "foot"),
        ("The ship flew 190 kilometers over Siberia.", "190 kilometers", 190, "km"),
        ("Inspectors checked 500km of wiring.", "500km", 500, "km"),
        ("The chip runs at 2 GHz.", "2 GHz", 2, "GHz"),
        ("Jones, 49, left the company.", "49", 49, "years"),
        ("A 45-year-old man was arrested.", "45-year-old", 45, "years"),
    ],
)
def test_quantities_with_units(figures, sentence, text, value, unit):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("quantity", value, unit)


def test_ordinals_are_ranks(figures):
    fig = one(figures("It is the second-largest bank in the country."), "second")
    assert (fig.kind, fig.value, fig.unit) == ("rank", 2, "rank")


def test_numbered_list_is_a_ranking_only_under_a_ranking(figures):
    ranked = figures("The overall rankings were as follows:\n1. Finland\n2. Norway\n")
    assert [(f.kind, f.value) for f in ranked] == [("rank", 1), ("rank", 2)]
    assert figures("Steps to take:\n1. Open the box\n2. Read the notice\n") == []


def test_length_of_time_is_a_duration(figures):
    fig = one(figures("Providers must keep the data for two years."), "two years")
    assert (fig.kind, fig.value, fig.unit, fig.status) == ("duration", 2, "year", "plan")


def test_conversion_folds_into_its_original(figures):
    found = figures("The ship broke up 190 kilometers (118 miles) above Siberia.")
    assert [(f.text, f.conversion) for f in found] == [("190 kilometers", "118 miles")]


@pytest.mark.parametrize(
    "sentence",
    [
        "On December 3, 2023, the minister spoke.",
        "First of all, the plan is sound.",
        "Call 555-1234 for details.",
        "Boeing 747 jets and the iPhone 4 use 3G networks.",
        "Their 737 airliner was grounded in 2019.",
        "The meeting ran from 10:30 to noon.",
        "The company was founded in 1998 and listed two years later.",
        "This is the first time a third-party tool was used.",
        "Call 911 if the Boeing 787 is late.",
        "They walked along Forty Acre Wood.",
    ],
)
def test_no_junk(figures, sentence):
    assert [f.text for f in figures(sentence) if f.kind != "rank"] == []


def test_bare_number_counting_nothing_named_is_left_out(figures):
    assert [f.text for f in figures("She said she had taken eight.")] == []
    assert [f.text for f in figures("Interest rates were near zero.")] == []


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("Two tablets were a full dose, and he had taken six.", "six", "tablet"),
        ("Rebels killed 21 villagers, 20 of them farmers from the valley.", "20", "villager"),
        ("Two climbers died, and four others may have survived.", "four", "climber"),
        ("The city counts the number of potholes it fills: more than 9,000 so far.",
         "more than 9,000", "pothole"),
    ],
)  # fmt: skip
def test_count_with_its_noun_left_out_takes_the_earlier_noun(figures, sentence, text, unit):
    fig = one(figures(sentence), text)
    assert (fig.unit, fig.confidence) == (unit, 0.65)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "value_max", "unit"),
    [
        ("There are between 300 and 500 leaks a year.", "300 and 500", 300, 500, "leak"),
        ("They sell to four or five buyers.", "four or five", 4, 5, "buyer"),
        ("It runs 60 to 100 trucks a day.", "60 to 100", 60, 100, "truck"),
        ("It counts members between the ages of 30 and 64.", "30 and 64", 30, 64, "years"),
    ],
)
def test_range_is_one_figure(figures, sentence, text, value, value_max, unit):
    found = figures(sentence)
    fig = one(found, text)
    assert (fig.value, fig.value_max, fig.unit) == (value, value_max, unit)
    assert len(found) == 1


def test_period_of_an_amount_is_not_a_figure_of_its_own(figures):
    found = figures("The plan raised funding by $120 billion over three years.")
    assert [f.text for f in found] == ["$120 billion"]


def test_fraction_of_a_minute(figures):
    fig = one(figures("It stopped sending data 6 ½ minutes after launch."), "6 ½ minutes")
    assert (fig.kind, fig.value, fig.unit) == ("duration", 6.5, "minute")


@pytest.mark.parametrize(
    "sentence",
    [
        "They could do this in the first place.",
        "The second test could be harder.",
        "He ran afoul of the president in '91.",
        "All three places are in the north.",
        "And then one day it broke down for good.",
        "It is called the Three-hundred-foot Ridge Telescope.",
    ],
)
def test_not_a_figure(figures, sentence):
    assert [f.text for f in figures(sentence)] == []


def test_ordinal_before_a_superlative_ranks(figures):
    fig = one(figures("It is the second-largest city."), "second")
    assert (fig.kind, fig.value) == ("rank", 2)


def test_acronym_unit_keeps_its_capitals(figures):
    assert one(figures("The museum and three NGOs run it."), "three").unit == "NGO"


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        (
            "Member states plan to spend 2 billion euros per month.",
            "2 billion euros per month",
            "plan",
        ),
        ("The ministry is aiming to hit 6 billion euros by 2030.", "6 billion euros", "target"),
        ("An estimated 10,000 people attended the rally.", "An estimated 10,000", "estimate"),
        ("Allies have already acquired arms worth 4 billion euros.", "4 billion euros", "fact"),
        ("Rates will climb to 3.7 percent in 2022.", "3.7 percent", "forecast"),
        ("Costs will rise, up from 6.6 percent last year.", "6.6 percent", "fact"),
        ("He claimed that 3 million people voted illegally.", "3 million", "claim"),
        ("About 50 people were injured.", "About 50", "estimate"),
        ("Nearly 83 percent of vines survived.", "Nearly 83 percent", "fact"),
        ("It spent $1 billion, with $2 billion budgeted for next year.", "$2 billion", "plan"),
    ],
)
def test_status(figures, sentence, text, status):
    assert one(figures(sentence), text).status == status


def test_subject_is_in_the_sentence_words(figures):
    fig = one(
        figures("Member states plan to spend 2 billion euros per month to repair roads."),
        "2 billion euros per month",
    )
    assert fig.subject == "Member states plan to spend 2 billion euros per month to repair roads"


def test_figure_in_a_quote_is_attributed_to_the_speaker(analyse):
    report = analyse('"We will spend $5 million on schools," said Jane Doe, the mayor.')
    fig = one(report.figures, "$5 million")
    assert fig.attributed_to == "jane-doe"


def test_present_state_in_a_relative_clause_of_reported_speech_is_the_reporters(analyse):
    report = analyse(
        "Jane Doe said the storm would not reach the station that is home to a six-member crew."
    )
    assert one(report.figures, "six").attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("So far 149 confirmed orders have arrived.", "149", "order"),
        ("There are 500 Apple engineers at the show.", "500", "engineer"),
        ("A crew of six flew the plane.", "six", "crew"),
        ("Of the 400 city laborers, many stay.", "400", "laborer"),
        ("The lab is home to a six-member crew.", "six", "member"),
    ],
)
def test_counted_noun_across_modifiers(figures, sentence, text, unit):
    assert one(figures(sentence), text).unit == unit


def test_number_after_a_name_stays_a_name_even_before_a_plural(figures):
    assert [f.text for f in figures("Four Rolls-Royce Trent 900 engines power it.")] == ["Four"]


def test_measure_noun_is_the_unit(figures):
    assert one(figures("They sold 4.5 million bottles of wine."), "4.5 million").unit == "bottle"


def test_confidence_ranks_amounts_above_counts_and_inferred_status(figures):
    found = figures("The firm paid $5 million to 40 workers and will spend $2 million more.")
    assert [(f.text, f.confidence) for f in found] == [
        ("$5 million", 0.9),
        ("40", 0.75),
        ("$2 million", 0.7),
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The mayor, a 61 year-old lawyer, resigned.", "61 year-old", 61, "years"),
        ("The bone is roughly 40,000 years old.", "roughly 40,000 years old", 40000, "years"),
        ("The harbour is ringed by hundred-foot walls.", "hundred-foot", 100, "foot"),
        (
            "Rents rose by half a percentage point.",
            "half a percentage point",
            0.5,
            "percentage points",
        ),
        ("Traffic grew fivefold in a year.", "fivefold", 5, "times"),
        ("They have cleaned more than a dozen beaches.", "more than a dozen", 12, "beach"),
        ("The band charged $80 Canadian a ticket.", "$80 Canadian a ticket", 80, "CAD"),
        ("She paid $3 million Australian dollars.", "$3 million Australian dollars", 3e6, "AUD"),
    ],
)
def test_ages_word_numbers_multiples_and_qualified_dollars(figures, sentence, text, value, unit):
    found = one(figures(sentence), text)
    assert (found.value, found.unit) == (value, unit)


def test_members_of_a_people_or_faith_are_counted_as_people(figures):
    assert one(figures("The court freed 14 Catholics on Monday."), "14").unit == "person"


def test_general_nouns_are_not_figures(figures):
    assert figures("Two things matter here, and it works in one of three ways.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        ("The law would require banks to keep records for five years.", "five years", "plan"),
        ("The senator has called for spending $2 billion on ports.", "$2 billion", "plan"),
        ("The festival, funded by four banks, will open in May.", "four", "fact"),
    ],
)
def test_status_of_obligations_proposals_and_descriptions(figures, sentence, text, status):
    assert one(figures(sentence), text).status == status


def test_figure_said_again_is_less_sure(figures):
    found = figures("The ticket costs $12. Fans call $12 a bargain.")
    assert [f.confidence for f in found] == [0.9, 0.7]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("For the next hundred years, the mill stood empty.", "hundred years", 100, "year"),
        ("Crews took the 20-minute ferry back.", "20-minute", 20, "minute"),
        ("For a half century, the port thrived.", "a half century", 50, "year"),
    ],
)
def test_lengths_of_time(figures, sentence, text, value, unit):
    found = one(figures(sentence), text)
    assert (found.kind, found.value, found.unit) == ("duration", value, unit)


def test_lengths_that_date_or_name_are_not_figures(figures):
    found = figures("It closed two years ago. The 10-year Treasury note fell.")
    assert [f.text for f in found] == []


def test_provision_coming_into_force_is_a_plan(figures):
    found = figures("The rules will not come into effect for three years.")
    assert one(found, "three years").status == "plan"


def test_restatement_of_an_estimate_is_an_estimate(figures):
    found = figures("The stake is worth about $8 billion, or four times the cash.")
    assert one(found, "four").status == "estimate"


def test_model_numbers_before_a_singular_noun_or_after_a_camel_case_name(figures):
    found = figures("They will replace their 737 narrowbody jet and ship iOS 4 software.")
    assert [f.text for f in found] == []


def test_count_before_a_zero_plural_noun_stays(figures):
    assert (
        one(figures("The deal to lease 100 tanker aircraft fell through."), "100").unit
        == "aircraft"
    )


def test_hyphened_range_before_a_plural_is_a_count(figures):
    found = one(figures("The cabin holds 180-220 seats."), "180-220")
    assert (found.value, found.value_max, found.unit) == (180, 220, "seat")


def test_number_after_an_adjective_is_a_model(figures):
    found = figures("Ryanair will buy five new 737 aircraft.")
    assert [f.text for f in found] == ["five"]


def test_figure_given_to_an_actor_is_below_the_confident_band(analyse):
    report = analyse("Acme Corp said on Monday that its sales rose 4 percent to $20 million.")
    found = {f.text: f for f in report.figures}
    assert found["4 percent"].attributed_to is not None
    assert found["4 percent"].confidence == 0.75


def test_futurate_progressive_with_a_date_is_a_plan(figures):
    assert (
        one(figures("In March, the town is opening three new schools."), "three").status == "plan"
    )
    assert (
        one(figures("The town is opening three new schools this year."), "three").status == "fact"
    )


def test_proportion_is_a_share_not_a_count(figures):
    found = one(figures("About one in four tenants pay late."), "About one in four")
    assert (found.kind, found.value, found.unit) == ("percent", 25, "%")


def test_spaced_dash_sets_off_a_parenthesis_not_a_range(figures):
    found = figures("It adds £900 a year – £9,900 rather than £9,000 – to savers.")
    assert [f.text for f in found] == ["£900 a year", "£9,900", "£9,000"]


def test_scores_ages_after_a_hedge_and_points_in_time(figures):
    found = figures(
        "Hull won 24-10 with players aged over 30, who came on ten minutes into the game."
    )
    assert [(f.text, f.unit) for f in found] == [("over 30", "years")]


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        ("The album will go on sale on Friday for $12.", "$12", "fact"),
        ("Sales will reach $12 million.", "$12 million", "forecast"),
        ("Output will grow at 3 percent.", "3 percent", "forecast"),
    ],
)
def test_will_forecasts_the_amount_it_brings_about_not_the_price_it_is_set_at(
    figures, sentence, text, status
):
    assert one(figures(sentence), text).status == status


def test_numbers_after_nos_label(figures):
    assert [f.text for f in figures("Units Nos. 3, 4 and 8 had six rooms.")] == ["six"]


def test_accusation_makes_a_claim(figures):
    assert one(figures("The clerk is accused of taking 40 bribes."), "40").status == "claim"


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        # 'would' under a past verb of saying is the 'will' of the time told about
        ("The firm said that it would charge a fee of $15 per trip.", "$15", "fact"),
        ("The agency said the deficit would total $2 trillion.", "$2 trillion", "forecast"),
        # the future seen from a past point of the story
        ("For the next hundred days, the herds would roam the valley.", "hundred days", "fact"),
        # a past habit
        ("The club would usually sell 3,000 tickets to visitors.", "3,000", "fact"),
        # a hypothesis stays an estimate
        ("That would mean 46,000 more patients.", "46,000", "estimate"),
        # a finite clause of concession or time keeps its own tense
        ("Although the band has 4 million fans, few would buy the record.", "4 million", "fact"),
        ("When the plant opened 3 new lines, prices would fall.", "3", "fact"),
        # a condition belongs to the hypothesis above it
        ("The team would win if it scored 2 more goals.", "2", "estimate"),
    ],
)
def test_status_of_would(figures, sentence, text, status):
    assert one(figures(sentence), text).status == status


def test_as_source_reports_frames_the_sentence(analyse):
    report = analyse(
        "As Reuters reported, the company said it would cut 500 jobs in Ohio next year."
    )
    assert one(report.figures, "500").attributed_to == "reuters"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Two girls were hurt. One of the girls was 15.", "15"),
        ("She was 29 when she joined the firm.", "29"),
        ("The brothers were 12 at the time.", "12"),
    ],
)
def test_a_number_a_person_is_is_an_age(figures, sentence, text):
    found = one(figures(sentence), text)
    assert (found.kind, found.value, found.unit) == ("quantity", int(text), "years")
    assert found.confidence < 0.8


@pytest.mark.parametrize(
    "sentence",
    ["The death toll was 16 on Monday.", "Smith was 3 for 4 at the plate."],
)
def test_a_measure_or_score_as_predicate_is_not_an_age(figures, sentence):
    assert all(f.unit != "years" for f in figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Pictured: Tom Roe, 28 (left), and Sam Roe, 27 (right).", ["28", "27"]),
        ("Pictured: the owners Ann and Bob Roe, 52 and 55.", ["52", "55"]),
    ],
)
def test_ages_beside_names_in_captions(figures, sentence, texts):
    found = figures(sentence)
    assert [(f.text, f.unit) for f in found] == [(t, "years") for t in texts]


def test_a_place_before_a_number_gives_no_age(figures):
    assert figures("The firm has offices in Paris, 12 and Rome.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("The pores measure 4 to 40 nanometers across.", "4 to 40 nanometers", "nm"),
        ("He carried the ball 100 yards.", "100 yards", "yard"),
        ("The letter weighed 2 ounces.", "2 ounces", "ounce"),
    ],
)
def test_more_units_of_measure(figures, sentence, text, unit):
    found = one(figures(sentence), text)
    assert (found.kind, found.unit) == ("quantity", unit)


def test_scene_of_a_telling_is_the_reporters(analyse):
    report = analyse(
        "As rents in the city rose to more than $2,000 a month, Jane Doe of Acme Corp told "
        "reporters how she moved away."
    )
    assert one(report.figures, "more than $2,000 a month").attributed_to is None


def test_present_in_a_clause_of_time_keeps_the_future_above(figures):
    found = one(figures("When the plant opens 3 new lines next year, prices will fall."), "3")
    assert found.status != "fact"


def test_fact_beside_an_unlinked_verb_of_saying_is_below_the_confident_band(figures):
    plain = one(figures("Sales rose to $5 million last year."), "$5 million")
    cued = one(
        figures("Sales rose to $5 million last year, a level that analysts expect to last."),
        "$5 million",
    )
    assert (plain.confidence, cued.confidence) == (0.9, 0.75)


def test_an_age_is_a_fact_in_any_tense(figures):
    found = one(figures("Jane Roe, 46, will leave her job in May."), "46")
    assert (found.unit, found.status, found.confidence) == ("years", "fact", 0.85)


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        ("She played the back nine in 35 strokes.", []),
        ("There is a one in ten chance of rain.", ["one in ten"]),
        ("Nearly one in five adults smoke.", ["Nearly one in five"]),
    ],
)
def test_a_number_used_as_a_noun_is_no_share(figures, sentence, shares):
    assert [f.text for f in figures(sentence) if f.kind == "percent"] == shares


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("He rode his humble two-wheeler to work.", []),
        ("They hired a 12-seater for the trip.", []),
        ("She wrote a 300-page report.", ["300"]),
    ],
)
def test_a_number_hyphened_into_a_noun_names_one_thing(figures, sentence, texts):
    assert [f.text for f in figures(sentence)] == texts


def test_hyphened_currency_compound_is_money_and_its_conversion_folds(figures):
    found = figures("The 1.2-billion-yuan (US$171-million) telescope opened.")
    assert [(f.text, f.value, f.unit, f.conversion) for f in found] == [
        ("1.2-billion-yuan", 1.2e9, "CNY", "US$171-million")
    ]


def test_hyphened_pound_is_a_weight_not_money(figures):
    assert [f.unit for f in figures("Crews lifted a 300-pound steel plate.")] == ["pound"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The mill now makes half as much paper as it did in 2009.", "half as much", 0.5),
        ("The new lens sees a field twice the size of the old one.", "twice the size", 2),
        ("Its shop had 40 brands last year, double the number in 2020.", "double the number", 2),
        ("Rents rose to thrice the level of 2015.", "thrice the level", 3),
    ],
)
def test_multiplicative_words_are_multiples(figures, sentence, text, value):
    fig = one(figures(sentence), text)
    assert (fig.value, fig.unit) == (value, "times")
    assert fig.confidence < 0.8


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm plans to double the number of its shops.",
        "Sales rose in the second half of the year.",
        "The cake was cut in half.",
        "The trip took an hour and a half.",
        "Twice the young winger visited the stadium.",
    ],
)
def test_a_verb_or_a_part_is_no_multiple(figures, sentence):
    assert [f.text for f in figures(sentence) if f.unit in ("times", "%")] == []


def test_items_of_a_list_share_its_clause(analyse):
    report = analyse(
        "Jane Doe said the storm would not harm the station that is home to a crew of six, "
        "including three pilots from Chile, two Dutch engineers and one doctor."
    )
    found = {f.text: f for f in report.figures}
    assert found["three"].attributed_to is None and found["three"].status == "fact"
    assert found["two"].attributed_to is None and found["two"].status == "fact"


def test_unnamed_speaker_leaves_the_source_to_according_to(analyse):
    report = analyse(
        "Meta reported an outage on Friday. According to reports cited by the Daily Planet, "
        "more than 9,000 users submitted complaints during the peak."
    )
    fig = one(report.figures, "more than 9,000")
    planet = next(a for a in report.actors if "Planet" in a.name)
    assert fig.attributed_to == planet.id


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Qatar will also buy 20 of the airline's larger 777 planes.", ["20"]),
        ("The grocer is not opening any new 247 outlets this year.", []),
        ("The firm added an extra 500 jobs.", ["500"]),
        ("The remaining 300 workers stayed.", ["300"]),
    ],
)
def test_a_number_after_a_descriptive_adjective_names_a_model(figures, sentence, texts):
    assert [f.text for f in figures(sentence)] == texts


def test_a_proper_plural_qualified_by_a_people_counts_people(figures):
    assert one(figures("The court freed 14 Flemish Catholics on Monday."), "14").unit == "person"


def test_dash_parenthesis_does_not_cut_a_figure_from_its_clause(figures):
    found = figures(
        "The bill would require providers to keep the records — the who, where and how of a "
        "letter, but not its text — for three years so auditors can read them."
    )
    assert one(found, "three years").status == "plan"


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("The car reached 55 mph, or 88.5 kph, on the bridge.", [("55 mph", "88.5 kph")]),
        (
            "The plant cost 4.5 billion euros, or about $5 billion, to build.",
            [("4.5 billion euros", "about $5 billion")],
        ),
        (
            "The firm earned $2 million, or 18 cents a share.",
            [("$2 million", None), ("18 cents a share", None)],
        ),
    ],
)
def test_or_restating_an_amount_in_other_units_folds_it(figures, sentence, texts):
    assert [(f.text, f.conversion) for f in figures(sentence)] == texts


def test_a_hedge_on_the_first_item_of_a_list_is_its_own(figures):
    found = figures("The canal serves about 12 million people and 2,400 square miles of farms.")
    assert one(found, "about 12 million").status == "estimate"
    assert one(found, "2,400 square miles").status == "fact"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("This is the third failed launch of a drone in two years.", "third failed launch", 3,
         "launch"),
        ("It was the firm's fourth such deal since the merger.", "fourth such deal", 4, "deal"),
        ("The film won its second award this year.", "second award", 2, "award"),
    ],
)  # fmt: skip
def test_an_ordinal_bounded_by_a_stretch_of_time_counts(figures, sentence, text, value, unit):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("count", value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The second step is harder.",
        "She lives on the seventh floor in Block 18.",
        "Profit rose in the second quarter this year.",
        "It was the first launch in two years.",
    ],
)
def test_an_ordinal_without_a_stretch_of_time_counts_nothing(figures, sentence):
    assert [f.text for f in figures(sentence) if f.kind == "count"] == []


def test_a_name_inside_an_unnamed_speakers_words_is_not_the_owner(analyse):
    report = analyse("A top Jane Doe adviser says the mayor is close to the 1,237 votes needed.")
    assert one(report.figures, "1,237").attributed_to is None


def test_what_a_survey_is_of_is_not_its_source(analyse):
    report = analyse("According to a recent poll of Ohio voters, the senator won 30% of the vote.")
    assert one(report.figures, "30%").attributed_to is None


def test_the_author_of_a_survey_is_its_source_wherever_the_parse_hangs_it(analyse):
    report = analyse("Parents spend more on toys, according to a survey of 2,000 people by Visa.")
    visa = next(a for a in report.actors if a.name == "Visa")
    assert one(report.figures, "2,000").attributed_to == visa.id


def test_a_named_speaker_heading_an_unresolved_subject_keeps_the_figure(analyse):
    report = analyse(
        "Singer Jane Roe says the theft of her dog hurt her, and is now suing Bo Park for $5,000."
    )
    roe = next(a for a in report.actors if a.name == "Jane Roe")
    assert one(report.figures, "$5,000").attributed_to == roe.id


def test_a_number_before_an_age_compound_counts_the_plural_noun(figures):
    found = figures("It is one of three century-old steam trains still in service.")
    assert [(f.text, f.value, f.unit) for f in found] == [("three", 3, "train")]


def test_half_a_decade_is_five_years(figures):
    fig = one(figures("The tunnel took half a decade to dig."), "half a decade")
    assert (fig.value, fig.unit) == (5, "year")


@pytest.mark.parametrize(
    "sentence", ["The sides drew 1-1 before a 2-2 draw.", "She wore a size 12 dress."]
)
def test_level_scores_and_sizes_are_no_counts(figures, sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        ("The 25 percent tariffs, which took effect in June, will stay.", "25 percent", "fact"),
        ("The $2.1 billion will be repaid to the lender.", "$2.1 billion", "fact"),
        ("The proposed $5 billion budget will be voted on.", "$5 billion", "forecast"),
        ("The deficit will reach $1 trillion.", "$1 trillion", "forecast"),
        ("The roof needed a total of nine repairs.", "a total of nine", "fact"),
        ("The law requires firms to pay $5 million.", "$5 million", "plan"),
    ],
)
def test_a_definite_subject_or_a_met_need_is_a_fact(figures, sentence, text, status):
    fig = one(figures(sentence), text)
    assert fig.status == status
    if "will" in sentence:
        assert fig.confidence < 0.8


def test_a_figure_before_an_inverted_verb_of_saying_is_the_speakers(analyse):
    report = analyse(
        "The water in the reservoirs that feed the town now varies from 30 to 45 per cent "
        "of capacity, said Jo Roe, a manager of the water board."
    )
    roe = next(a for a in report.actors if a.name == "Jo Roe")
    assert one(report.figures, "30 to 45 per cent").attributed_to == roe.id


def test_a_figure_describing_the_speaker_is_the_reporters(analyse):
    report = analyse("'I am still in the hunt,' 9-time major winner Jo Roe said on Friday.")
    assert one(report.figures, "9").attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("There is little sympathy for 47-year-old Mina, a former clerk.", "47-year-old",
         "age of Mina"),
        ("Jane Roe, 46, will leave the firm.", "46", "age of Jane Roe"),
        ("They saw a stone wall which may be 900 years old.", "900 years old",
         "age of a stone wall"),
    ],
)  # fmt: skip
def test_an_age_measures_the_age_of_whom_it_describes(figures, sentence, text, subject):
    assert one(figures(sentence), text).subject == subject


def test_a_margin_after_be_is_no_age(figures):
    assert [f.unit for f in figures("'I am 12 back, but there is time,' he said.")] != ["years"]


def test_a_vague_count_of_a_currency_is_money(figures):
    fig = one(figures("The reforms saved buyers hundreds of millions of dollars."),
              "hundreds of millions of")  # fmt: skip
    assert (fig.kind, fig.value, fig.unit, fig.status) == ("money", 1e8, "USD", "estimate")


def test_the_quotes_own_speaker_words_keep_the_quotes_reading(analyse):
    report = analyse(
        "The Elmford Water Department repaired 75 breaks in January, department officials "
        "said. The town's 7,500 miles of drain pipes are less exposed to hard frost because "
        "they are buried deeper, agency officials said."
    )
    fig = one(report.figures, "7,500 miles")
    quote = next(q for q in report.quotes if q.start <= fig.start < q.end)
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert fig.attributed_to == quote.speaker.actor


def test_a_circumstance_of_the_act_of_saying_is_the_reporters(analyse):
    report = analyse(
        "Jane Roe is the mayor of Elmford. But with only 14 months left in office, she said "
        "housing was the area where she had been most frustrated."
    )
    assert one(report.figures, "14 months").attributed_to is None


def test_a_fronted_frame_is_a_fact_in_the_reporters_words(analyse):
    report = analyse(
        "After nearly 30 years of frosty ties, the government plans to lift trade "
        "sanctions, Jane Roe said late Thursday."
    )
    fig = one(report.figures, "nearly 30 years")
    assert (fig.status, fig.attributed_to) == ("fact", None)


def test_a_phrase_after_a_dash_parenthesis_is_no_frame(figures):
    found = figures(
        "The bill would require providers to store metadata — the who, where and how of a "
        "message, but not its body — for three years so tax agencies can access it."
    )
    assert one(found, "three years").status == "plan"


def test_the_object_of_a_refusal_is_not_the_refusers_figure(analyse):
    report = analyse(
        "It was not clear why the pitch failed with Jon Roe, who famously rebuffed a "
        "$3 billion takeover offer from Zentro in 2013."
    )
    assert one(report.figures, "$3 billion").attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "text", "status"),
    [
        ("But the team wants to boost its range by adding 36 dishes.", "36", "plan"),
        ("Jo Roe hopes the staff will soon move to a $23-million data centre.", "$23-million",
         "fact"),
        ("The firm will grow to 500 stores.", "500", "forecast"),
        ("The necklace is valued at $150,000.", "$150,000", "estimate"),
        ("This season the herring catch is capped at 17.2 million pounds.", "17.2 million pounds",
         "target"),
        ("The panel was able to predict the picks of four of the five jurors.", "four", "fact"),
        ("They will be able to predict the picks of 40 jurors.", "40", "forecast"),
        ("The 300 workers who plan to strike met on Monday.", "300", "fact"),
    ],
)  # fmt: skip
def test_status_from_wanting_valuing_capping_and_achieving(figures, sentence, text, status):
    assert one(figures(sentence), text).status == status


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "unit"),
    [
        ("The desk computer weighed some 800 pounds.", "some 800 pounds", "quantity", "pound"),
        ("A cod can grow to 500 pounds and sells for $5 a pound.", "500 pounds", "quantity",
         "pound"),
        ("The club paid 5 million pounds for the striker, $6 million.", "5 million pounds",
         "money", "GBP"),
        ("The deal is worth £5m. Its rival paid 8 million pounds.", "8 million pounds", "money",
         "GBP"),
    ],
)  # fmt: skip
def test_pounds_that_weigh(figures, sentence, text, kind, unit):
    fig = one(figures(sentence), text)
    assert (fig.kind, fig.unit) == (kind, unit)


def test_a_definite_phrase_repeating_a_count_refers_back(figures):
    found = figures("Jo Roe wrote the air in 12 equations. The 12 equations made odd weather.")
    assert [f.text for f in found] == ["12"]
    assert found[0].start < 40


def test_a_hedged_length_of_time_is_an_estimate(figures):
    fig = one(figures("After about two months of model weather, the runs parted."),
              "about two months")  # fmt: skip
    assert (fig.value, fig.unit, fig.status) == (2, "month", "estimate")
    spread = figures("The law raised outlays by $200 billion over three years.")
    assert [f.text for f in spread] == ["$200 billion"]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("The city sweeps 4,000 miles of roads and 12,000 lane miles.", "12,000", "lane mile"),
        ("It resurfaces more than 1,700 lane-miles of road.", "more than 1,700", "lane-mile"),
        ("It repaves 1,300 miles of street.", "1,300 miles", "mile"),
        ("The team won 10 bonus points.", "10", "point"),
    ],
)
def test_a_noun_before_a_unit_makes_a_unit(figures, sentence, text, unit):
    assert one(figures(sentence), text).unit == unit


def test_a_proposal_and_a_suggestion_are_their_subjects_figures(analyse):
    report = analyse(
        "Google proposes to send 40 to 90 trucks a day along the road. Jane Roe had suggested "
        "a two-week cap on forecasts in the 1960s."
    )
    names = {a.id: a.name for a in report.actors}
    trucks = one(report.figures, "40 to 90")
    assert (names.get(trucks.attributed_to or ""), trucks.status) == ("Google", "plan")
    cap = one(report.figures, "two-week")
    assert (names.get(cap.attributed_to or ""), cap.status) == ("Jane Roe", "estimate")


def test_what_a_planned_thing_will_have_is_planned(figures):
    found = figures(
        "The order that Jane Roe plans to sign on Friday will have a nine-month trial period. "
        "The workers who plan to strike will lose 300 jobs."
    )
    assert one(found, "nine-month").status == "plan"
    assert one(found, "300").status == "forecast"


def test_a_count_does_not_reach_past_a_determiner_for_its_noun(nlp):
    # the parse of '51 stranded on the isles and a spate' as a parser may give it, with 51
    # hung on 'spate'
    words = ["51", "stranded", "on", "the", "isles", "and", "a", "spate", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[7, 0, 0, 4, 2, 4, 7, 7, 7],
        deps=["nummod", "acl", "prep", "det", "pobj", "cc", "det", "ROOT", "punct"],
        pos=["NUM", "ADJ", "ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"],
        tags=["CD", "JJ", "IN", "DT", "NNS", "CC", "DT", "NN", "."],
    )
    assert _counted_noun(doc[0]) is None
    doc = Doc(nlp.vocab, words=["51", "whales", "."], heads=[1, 1, 1],
              deps=["nummod", "ROOT", "punct"], pos=["NUM", "NOUN", "PUNCT"])  # fmt: skip
    assert _counted_noun(doc[0]) == doc[1]


def test_a_list_goes_on_past_a_sentence_the_parser_ended_at_a_comma(analyse):
    report = analyse(
        "October marked the start of the calving season, and it began with a rush of "
        "sightings, according to rescue group Reuters, with 120 pilot whales beaching and "
        "dying on Elm Island, 12 rare dwarf whales on Long Bay beach, 51 stranded and dying on "
        "the Ash Islands and a spate of single cases around the coast."
    )
    reuters = next(a for a in report.actors if a.name == "Reuters")
    assert one(report.figures, "12").attributed_to == reuters.id
    fig = one(report.figures, "51")
    assert (fig.unit, fig.attributed_to) == ("whale", reuters.id)


SPEED_TEXT = (
    "The Harbour Trust — a body of 12 members — said it would spend about $40 million on "
    "seven ferries, according to Ana Vell. As the trust noted, Two hundred workers could "
    "join by 2030, and the first 3 boats are on track to sail."
)


def test_number_starts_read_from_arrays_match_a_token_pass(nlp):
    from generator.extract.figures import NUMBER_WORDS, _number_starts

    doc = nlp(SPEED_TEXT + " Forty² 4th ½ ONE")
    expected = [t.i for t in doc if t.text[:1].isdigit() or t.lower_ in NUMBER_WORDS]
    assert _number_starts(doc) == expected
    assert [doc[i].text for i in _number_starts(doc)][:3] == ["12", "40", "seven"]


def test_text_of_cuts_the_span_text_from_the_doc(nlp):
    from generator.extract.figures import _text_of

    doc = nlp(SPEED_TEXT)
    for start, end in [(0, 5), (3, 4), (2, 2), (7, 3), (0, len(doc)), (len(doc) - 3, len(doc))]:
        assert _text_of(doc, start, end) == doc[start:end].text


def test_sentence_reading_is_the_same_inside_and_outside_a_call(nlp):
    from generator.extract.figures import _sentence, _sentence_cache

    doc = nlp(SPEED_TEXT)
    span = doc.char_span(SPEED_TEXT.index("$40"), SPEED_TEXT.index(" on seven"))
    assert span is not None
    fresh = _sentence(span)
    assert [doc[i].text for i in fresh.dashes] == ["—", "—"]
    assert [t.text for t in fresh.according] == ["according"]
    assert {t.text for t in fresh.cues} >= {"said", "would", "according"}
    assert fresh.text == span.sent.text and not fresh.on_track
    with _sentence_cache():
        cached = _sentence(span)
        assert _sentence(span) is cached  # read once per call
        assert cached.dashes == fresh.dashes and cached.cues == fresh.cues
    later = doc.char_span(SPEED_TEXT.index("3 boats"), SPEED_TEXT.index(" boats"))
    assert later is not None and _sentence(later).on_track
    assert [t.text for t in _sentence(later).as_clauses] == ["noted"]


def test_doc_arrays_pick_exactly_the_tokens_the_sentence_readers_test(nlp):
    from generator.extract.figures import CUE_WORDS, _Arrays

    doc = nlp(SPEED_TEXT + " As the board noted, it may cut costs. Harbour fares rose.")
    arrays = _Arrays(doc)
    assert arrays.according == [t.i for t in doc if t.lower_ == "according"] != []
    assert arrays.advcl == [t.i for t in doc if t.dep_ == "advcl"] != []
    cues = [
        t.i
        for t in doc
        if t.tag_ == "MD" or t.lower_ == "according" or t.lemma_.lower() in CUE_WORDS
    ]
    assert arrays.cues == cues and {doc[i].text for i in cues} >= {"said", "may", "according"}
    bounds = arrays.sentence_starts
    assert bounds == [0, *(s.start for s in list(doc.sents)[1:]), len(doc)]
    assert _Arrays(nlp("")).cues == []


def test_sentence_in_a_call_is_the_span_sentence(nlp):
    from generator.extract.figures import _sentence, _sentence_cache

    doc = nlp(SPEED_TEXT + " As the board noted, it may cut costs. Harbour fares rose.")
    with _sentence_cache():
        for start in range(len(doc)):
            for end in (start + 1, min(len(doc), start + 4)):
                span = doc[start:end]
                sentence = _sentence(span)
                assert (sentence.start, sentence.sent.end) == (span.sent.start, span.sent.end)


def test_figures_repeat_exactly_across_calls(figures):
    first = figures(SPEED_TEXT)
    assert first == figures(SPEED_TEXT)
    assert [f.text for f in first if f.kind == "money"] == ["about $40 million"]


def test_money_prefilter_finds_what_finditer_finds():
    from generator.extract.figures import (
        _MONEY_HEAD_DISPATCH,
        _MONEY_SIGN,
        MONEY,
        _money_matches,
        _windows,
    )
    from generator.extract.prefilter import Scan

    assert _MONEY_HEAD_DISPATCH.filters[0] is not None  # else every word start is dropped
    assert _MONEY_SIGN.match("€") and _MONEY_SIGN.match("$") and not _MONEY_SIGN.match("U")
    text = (
        "The Harbour Trust spent US$5 million and $ 5, then €3bn; about £4m, ₹ 20 lakh, "
        "between $1 and $2 a day, RMB 5 billion, Rs. 40 crore, 5 dlrs, some 3 million yuan, "
        "all 12m euros, half a million dollars, x$3, 2$ and $$5 more."
    )
    scan = Scan(text)
    for windows in (_windows(scan), [(0, len(text))], [(10, 60), (70, 140)]):
        expected = [m.span() for lo, hi in windows for m in MONEY.finditer(text, lo, hi)]
        assert [m.span() for m in _money_matches(scan, windows)] == expected
    assert len(list(MONEY.finditer(text))) >= 10  # the text exercises many money forms


def test_trie_finds_what_the_alternation_finds_at_every_place():
    import re

    from generator.extract.figures.patterns import _alt, _trie

    words = ["m", "mi", "mile", "miles", "millimeter", "sq km", "km", "km/h", "kilo", "kilos"]
    flat = re.compile(rf"(?:{_alt(words)})(?![\w/])", re.I)
    merged = re.compile(rf"(?:{_trie(words)})(?![\w/])", re.I)
    text = "5 MILES, 3 mi, 2 Millimeter 4 km/h 6 sq km 7 kilos of 8 kilo-m 9 mil miles/h Mile"
    for at in range(len(text)):
        a, b = flat.match(text, at), merged.match(text, at)
        assert (a and a.span()) == (b and b.span()), text[at:]
    assert merged.match(text, 2).group(0) == "MILES"  # the longer word first, as `_alt` has it


def test_hedges_with_spaces_match_as_written():
    import re

    from generator.extract.figures.patterns import HEDGE, HEDGE_WORDS

    hedges = re.compile(rf"(?:{HEDGE})+", re.I)
    assert hedges.fullmatch("no  more than ") and hedges.fullmatch("About  ")
    assert hedges.fullmatch("as many as up to ") and not hedges.fullmatch("as much ")
    assert all(hedges.fullmatch(w + " ") for w in HEDGE_WORDS)


def test_counts_leave_out_numbers_already_claimed(nlp):
    from generator.extract.figures import _counts

    text = "In 2019 the club signed 12 players and sold 3 stands."
    doc = nlp(text)
    everything = _counts(doc, text)
    claimed = bytearray(len(text) + 1)
    start = text.index("12")
    claimed[start : start + 2] = b"\x01\x01"
    left = _counts(doc, text, (claimed,))
    assert [f.value for f in everything if f.start != start] == [f.value for f in left]
    assert [f.unit for f in left] == ["stand"] and 12 in [f.value for f in everything]


CONTEXT_TEXT = (
    "The Harbour Trust said it would spend about $40 million on seven ferries, according to "
    "Ana Vell, and the 12 members plan to add 3 berths. Its target is 500 sailings a year; "
    "the firm paid $5 million and will spend $3 million more. The 20 boats could carry "
    "1,000 people, the trust noted."
)


def test_context_readers_give_the_same_inside_and_outside_a_call(nlp):
    from generator.extract.figures import (
        _attribution,
        _sentence_cache,
        _status,
        _subject,
        _unlinked_cue,
    )

    doc = nlp(CONTEXT_TEXT)
    found = extract_figures(doc, [], [], extract_temporal_expressions(doc, "2025-01-10"))
    spans = [doc.char_span(f.start, f.end, alignment_mode="expand") for f in found]
    assert len(spans) >= 6 and all(s is not None for s in spans)

    def read():
        return [
            (
                _status(s, CONTEXT_TEXT[s.start_char : s.end_char]),
                _status(s, CONTEXT_TEXT[s.start_char : s.end_char], definite=False),
                _subject(s),
                _attribution(s.start_char, s.end_char, [], [], s),
                _unlinked_cue(s),
            )
            for s in spans
            if s is not None
        ]

    outside = read()
    with _sentence_cache():
        inside = read()
        assert read() == inside  # read again from what the call has kept
    assert inside == outside
    statuses = {f.text: f.status for f in found}
    assert (statuses["3"], statuses["$3 million"], statuses["1,000"]) == (
        "plan",
        "forecast",
        "estimate",
    )


def test_currency_read_from_codes_and_words():
    from generator.extract.figures.patterns import currency_of

    assert currency_of("500 usd") == "USD" and currency_of("RMB 5 billion") == "CNY"
    assert currency_of("5 million euros") == "EUR" and currency_of("40 crore") is None
    assert currency_of("12 million pounds sterling") == "GBP"


@pytest.mark.parametrize(
    ("text", "words", "per"),
    [
        ("The estate sells about 4,000 bottles a year.", "4,000", "year"),
        ("Between 60 and 100 dump trucks a day use the harbor road.", "60 and 100", "day"),
        ("The mill ships 300 crates annually to the coast.", "300", "year"),
        ("Police found 12 bodies a day later.", "12", None),
        ("The village lost 40 sheep a year ago.", "40", None),
    ],
)
def test_a_rate_after_the_counted_noun_is_the_figures_period(analyse, text, words, per):
    report = analyse(text)
    (figure,) = [f for f in report.figures if f.text.endswith(words)]
    assert figure.per == per


@pytest.mark.parametrize(
    ("text", "words", "subject"),
    [
        ("All of the big farms in the valley - the wettest farming region in the country, with "
         "nearly 60 percent of all fields rice paddies - now grow barley.",
         "60 percent", "nearly 60 percent of all fields rice paddies"),
        ("With just 2 hectares of vines producing 3,000 bottles per year, the estate is small.",
         "2 hectares", "just 2 hectares of vines producing 3,000 bottles per year"),
        ("But with some 500 hectares of orchards (and a few hives), it is hard to find a pear.",
         "500 hectares", "some 500 hectares of orchards"),
        ("The firm ended the year with 30 stores.", "30", "The firm ended the year with 30 stores"),
    ],
)  # fmt: skip
def test_a_figure_in_a_set_off_with_phrase_measures_that_phrase(analyse, text, words, subject):
    """An absolute 'with' phrase (fronted, or after a comma or a dash) has its own subject and
    predicate; a 'with' complement of the verb ('ended the year with 30 stores') does not."""
    report = analyse(text)
    (figure,) = [f for f in report.figures if f.text.endswith(words)]
    assert figure.subject == subject


@pytest.mark.parametrize(
    ("text", "words", "subject"),
    [
        ("The Kessra ground lizard, a six-inch reptile, is even bolder now.", "six-inch",
         "six-inch reptile"),
        ("The barge carried 2.5 metric tons of grain, salt, rope and spare parts.",
         "2.5 metric tons",
         "The barge carried 2.5 metric tons of grain, salt, rope and spare parts"),
    ],
)  # fmt: skip
def test_a_measure_names_its_own_noun_and_the_whole_list(analyse, text, words, subject):
    """A hyphened measure before a noun measures that noun; a measure of a list measures it all."""
    report = analyse(text)
    (figure,) = [f for f in report.figures if f.text == words]
    assert figure.subject == subject
