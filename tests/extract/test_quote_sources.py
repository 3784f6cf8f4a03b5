"""Quotes (issue 15): who speaks for a text, a body or a cleft, and cues that report no saying."""

from __future__ import annotations

import pytest

from generator.extract.quotes.trust import _by_name


def _by_cue(report, cue):
    return [q for q in report.quotes if q.cue and q.cue.text == cue]


# --- speakers -------------------------------------------------------------------------------


def test_a_text_speaks_for_the_outlet_it_came_from(analyse):
    report = analyse(
        "The tweet from Harbor Weekly reads, \u201cMayor quits after angry meeting.\u201d"
    )
    (quote,) = _by_cue(report, "reads")
    assert quote.speaker.actor == "harbor-weekly"
    assert quote.confidence >= 0.8


def test_an_article_by_an_outlet_that_claimed(analyse):
    report = analyse(
        "Ann Lee shared an article by Harbor Weekly that claimed the mayor lied about the budget."
    )
    (quote,) = _by_cue(report, "claimed")
    assert quote.speaker.actor == "harbor-weekly"


def test_the_report_takes_the_issuer_named_where_it_was_introduced(analyse):
    report = analyse(
        "A new report released on Monday by Northfield University's Institute for Water Policy "
        "warns of droughts.\n\n"
        "The report concluded that the river was drying up because farms use too much water."
    )
    (quote,) = _by_cue(report, "concluded")
    assert "Institute for Water Policy" in quote.speaker.text
    assert quote.confidence < 0.8  # a reading of 'the report', not a name at the cue


def test_a_reader_of_a_text_is_not_its_issuer(analyse):
    report = analyse(
        "Intelligence reports seen by Harbor Weekly suggest that the general has been planning "
        "a coup."
    )
    (quote,) = _by_cue(report, "suggest")
    assert quote.speaker is None or quote.speaker.actor != "harbor-weekly"


def test_the_focus_of_an_it_cleft_speaks(analyse):
    report = analyse(
        "It was a wine merchant in Berlin who first informed me that the old grape was alive."
    )
    (quote,) = _by_cue(report, "informed")
    assert quote.speaker.text == "wine merchant"


def test_officials_speak_for_the_body_last_named_with_them(analyse):
    report = analyse(
        "Harbor Power officials said storms had cut two lines. "
        "The plastic pipes are less likely to crack, the officials said."
    )
    quote = next(q for q in report.quotes if "plastic" in q.text)
    assert quote.speaker.actor == "harbor-power"
    assert quote.confidence < 0.8


def test_the_company_said_goes_to_the_company_named_in_its_paragraph(analyse):
    report = analyse(
        "Tyler Ross, president of the Ross Fishing Company, buys halibut.\n\n"
        "A Green Market Inc. spokeswoman declined to comment. Green Market Inc. plans more "
        "promotions. "
        "The company also said it was lowering prices across the store."
    )
    quote = next(q for q in report.quotes if "lowering prices" in q.text)
    assert quote.speaker.actor == "green-market-inc"


def test_a_person_in_apposition_inside_the_subject_speaks(analyse):
    report = analyse(
        "The leader of Nahda, Ann Lee, condemned the attack, saying in a statement that it "
        "\u201cwill not break our will.\u201d"
    )
    quote = next(q for q in report.quotes if "break our will" in q.text)
    assert quote.speaker.actor == "ann-lee"


def test_a_clause_hung_on_the_quotes_verb_keeps_its_subject(analyse):
    report = analyse(
        "In the midst of the fear, Harbor Cabs stepped in and tweeted this announcement: "
        "\u201cWe are all concerned with events in the city. Fares have increased to bring more "
        "drivers online.\u201d"
    )
    (quote,) = _by_cue(report, "tweeted")
    assert quote.speaker is not None and quote.speaker.text == "Harbor Cabs"


def test_name_states_parsed_as_a_noun_phrase_is_a_reporting_clause(analyse):
    report = analyse(
        "In another post in which Ann Lee links to an article that falsely attributes a quote "
        "to Mayor Bo Chen, Lee states, \u201cIncredibly, some people actually think they have "
        "to put words in his mouth to make him look bad.\u201d"
    )
    (quote,) = [q for q in report.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.actor == "ann-lee"


def test_another_sources_words_set_against_a_claim_are_not_part_of_it(analyse):
    report = analyse(
        "Senator Ann Lee also claimed the tax cuts would pay for themselves even as the Budget "
        "Office estimated that they would add $250 billion to the deficit."
    )
    (claimed,) = _by_cue(report, "claimed")
    (estimated,) = _by_cue(report, "estimated")
    assert claimed.text == "the tax cuts would pay for themselves"
    assert estimated.speaker.actor == "budget-office"


@pytest.mark.parametrize(
    ("mention", "person", "antecedent"),
    [
        ("Li", True, True),
        ("Dr. Li", True, True),
        ("the president", True, True),
        ("the telescope", True, False),
        ("he", True, False),
        ("the company", False, False),
        ("Whole Harvest", False, True),
    ],
)
def test_a_pronoun_antecedent_is_named_or_described_as_a_person(mention, person, antecedent):
    """'he says' is not resolved through 'the telescope' linked to a person by mistake."""
    assert _by_name(mention, person) is antecedent


# --- cues that report no act of saying ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "All told, it is a neat story about the mayor.",
        "We are told that we reveal our true character in a crisis.",
        "The firm deceives the press and threatens to spy on reporters.",
        "The volunteers were asked to press a key when they saw the light.",
        "First, let's say what the deal is not.",
        "It can't be denied that these tools are hard to use.",
        "The ministry's first comments on the election came on Monday.",
        "My lungs were begging for oxygen.",
        "Ann Lee and Bo Chen wrote the programs that revealed the signatures of chaos.",
        "Lorenz, \u201cthe father of chaos,\u201d started a revolution in science.",
        "In her book \u201cA Garden Made in Stone: The Quiet Towns that Rise from Ruin,\u201d "
        "Ann Lee wrote of the joy people find in helping.",
    ],
)
def test_no_act_of_saying_is_no_quote(analyse, text):
    report = analyse(text)
    # only what the book's author wrote of is words said; the title is not
    assert [q.text for q in report.quotes if not q.text.startswith("the joy")] == []


def test_we_are_told_by_sources_is_still_reported(analyse):
    report = analyse("We're told there is security footage of the theft.")
    assert [q.text for q in report.quotes] == ["there is security footage of the theft"]


def test_a_threat_made_is_still_a_quote(analyse):
    report = analyse("Mayor Ann Lee threatened to close the harbour to cruise ships.")
    assert [q.text for q in _by_cue(report, "threatened")] == [
        "to close the harbour to cruise ships"
    ]


def test_reported_words_with_no_one_reporting_them_are_no_quote(analyse):
    report = analyse("This sensitivity to small changes made predicting the far future a gamble.")
    assert report.quotes == []
