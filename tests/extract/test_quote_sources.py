"""Quotes (issue 15): who speaks for a text, a body or a cleft, and cues that report no saying."""

from __future__ import annotations

import pytest

from generator.extract.quotes.trust import _by_name


def _by_cue(report, cue):
    return [q for q in report.quotes if q.cue and q.cue.text == cue]


# --- speakers -------------------------------------------------------------------------------

SPEAKERS = [
    # a text speaks for the outlet it came from, named in its phrase (a name: sure)
    ("The tweet from Harbor Weekly reads, \u201cMayor quits after angry meeting.\u201d",
     "Mayor quits", "harbor-weekly", True),
    ("Ann Lee shared an article by Harbor Weekly that claimed the mayor lied about the budget.",
     "the mayor lied", "harbor-weekly", True),
    # 'the report' takes the issuer named where it was introduced (a reading)
    ("A new report published on Monday by Northfield University's Institute for Water Policy "
     "warns of droughts.\n\nThe report concluded that the river was drying up because farms "
     "use too much water.", "the river was drying up", "institute-for-water-policy", False),
    # the focus of an it-cleft speaks
    ("It was a seed trader in Lyon who first told me that the old barley was alive.",
     "the old barley", "seed trader", False),
    # officials speak for the body last named with them
    ("Harbor Power officials said storms had cut two lines. "
     "The plastic pipes are less likely to crack, the officials said.",
     "plastic", "harbor-power", False),
    # 'the company' linked elsewhere goes to the company named in its paragraph
    ("Tyler Ross, president of the Ross Fishing Company, buys halibut.\n\n"
     "A Green Market Inc. spokeswoman declined to comment. Green Market Inc. plans more "
     "promotions. The company also said Tuesday it was cutting prices in every branch.",
     "cutting prices", "green-market-inc", False),
    # a person in apposition inside the subject speaks
    ("The leader of Nahda, Ann Lee, denounced the vote, saying in a letter that it "
     "\u201cwill not break our will.\u201d", "break our will", "ann-lee", False),
    # a clause the parser hangs on the quote's own verb keeps its subject
    ("In the middle of the storm, Harbor Cabs stepped up and posted this notice: "
     "\u201cWe are all watching the weather in the city. Fares have risen to bring more "
     "drivers online.\u201d", "Fares have risen", "Harbor Cabs", None),
    # 'Lee states, "..."' parsed as a noun phrase is a reporting clause
    ("In another post in which Ann Lee links to a story that wrongly credits a remark "
     "to Mayor Bo Chen, Lee states, \u201cIncredibly, some folks really believe they need "
     "to invent his words to make him look foolish.\u201d", "Incredibly", "ann-lee", True),
    # 'They said' after a sentence whose plural speakers are one group (a reading)
    ("Harbor officials said that they had trained the new crew. They said that the port had "
     "a long way to go.", "a long way to go", "harbor-official", False),
    # a verb has one subject: the one right before it when the parser gives two
    ("In a memo, Harbor Foods co-founder Tom Reddick said that the price gap had become less "
     "relevant.", "price gap", "tom-reddick", True),
    # 'X said, according to a transcript': the transcript records the words, he says them
    ("Ann Lee met the founders in May. These deals take time to build, she said, according "
     "to a transcript reviewed by Harbor Weekly.", "take time", "she", None),
    # 'A, X was quoted as saying': the passive subject said the clause before
    ("Residents reported seeing a plume of smoke and hearing a loud bang, the Harbor "
     "council was quoted as saying early Friday by a news agency.", "Residents reported",
     "Harbor council", None),
    # 'The combination, say economists, marks ...': the inverted subject speaks
    ("The merger, say analysts, marks a step into largely unknown waters.",
     "a step", "analysts", None),
    # 'warned for decades that ...': the that-clause hung on the adjunct is what was warned
    ("Budget watchers have warned for decades that a water shortage is coming, exposing the "
     "town to a crisis.", "water shortage", "Budget watchers", None),
    # 'blamed X for saying': the object said it, not the one who blamed
    ("Councillors pilloried the mayor for proposing a new tax on boats.",
     "a new tax", "mayor", None),
    ("Ann Lee thanked the nurses for saying that the ward was safe.",
     "the ward was safe", "nurses", None),
    # 'a number of analysts said': the counted noun speaks, not the noun of quantity
    ("A number of analysts said the harbor deal was dead.", "deal was dead", "analysts", None),
    # another source's words set against a claim are a quote of their own
    ("Senator Ann Lee also claimed the new tolls would cover their cost even as the Budget "
     "Office estimated last week that they would add $90 million to the debt.",
     "they would add", "budget-office", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "speaker", "sure"), SPEAKERS)
def test_speakers(analyse, text, words, speaker, sure):
    """The speaker is an actor id or words of the speaker's span; `sure`: confidence at 0.8
    or above (a name at the cue), below it (a reading), or not checked (None)."""
    report = analyse(text)
    (quote,) = [q for q in report.quotes if words in q.text]
    assert quote.speaker is not None
    assert speaker in (quote.speaker.actor, quote.speaker.text) or speaker in quote.speaker.text
    if sure is not None:
        assert (quote.confidence >= 0.8) is sure


@pytest.mark.parametrize(
    "text",
    [
        "The union accused the board of saying that pay would fall.",
        "The court stopped the paper from reporting that the judge had resigned.",
        "Her lawyers urged the mayor into claiming that the ward was safe.",
    ],
)
def test_an_alleged_or_prevented_act_of_the_object_has_no_speaker(analyse, text):
    """The object's act after 'of', 'from' or 'against' is alleged, stopped or advised against:
    the subject did not say it, and the object is not known to have said it."""
    report = analyse(text)
    gerunds = ("saying", "reporting", "claiming")
    assert [q for q in report.quotes if q.cue is not None and q.cue.text in gerunds] == []


def test_a_fronted_phrase_does_not_hide_the_clause_a_trailing_verb_reports(analyse):
    """'After ..., X plans Y, officials said late Thursday': the parser hangs the clause on
    'said' as an adjunct; it is still what the officials said."""
    report = analyse(
        "After ten years of bitter disputes, the regional council wants to sell its ferry line "
        "and close the depot, county officials said late Friday."
    )
    (quote,) = _by_cue(report, "said")
    assert quote.speaker is not None and quote.speaker.text == "county officials"
    assert quote.text.endswith("wants to sell its ferry line and close the depot")


def test_divulge_reports_what_was_said(analyse):
    report = analyse("Officials divulged that the envoy had made two visits to the port.")
    (quote,) = _by_cue(report, "divulged")
    assert quote.text == "that the envoy had made two visits to the port"


def test_the_hearer_of_a_passive_telling_is_not_the_speaker(analyse):
    """'I asked ..., only to be informed: "..."': the writer heard the words."""
    report = analyse(
        "I asked the owner why the boats were so old, only to be briskly informed: "
        "\u201cWe never scrap a sound boat.\u201d"
    )
    (quote,) = [q for q in report.quotes if "sound boat" in q.text]
    assert quote.cue is not None and quote.cue.text == "informed"
    assert quote.speaker is None


def test_the_claim_stops_before_another_sources_words(analyse):
    report = analyse(SPEAKERS[-1][0])
    (claimed,) = _by_cue(report, "claimed")
    assert claimed.text == "the new tolls would cover their cost"


def test_a_reader_of_a_text_is_not_its_issuer(analyse):
    report = analyse(
        "Intelligence reports seen by Harbor Weekly suggest that the general has been planning "
        "a coup."
    )
    (quote,) = _by_cue(report, "suggest")
    assert quote.speaker is None or quote.speaker.actor != "harbor-weekly"


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
        "We are told that we show our true worth in a storm.",
        "The firm misleads the public and threatens to sue its critics.",
        "The volunteers were asked to press a key when they saw the light.",
        "First, let's say what the deal is not.",
        "It can't be denied that these tools are hard to use.",
        "The ministry's first comments on the election came on Monday.",
        "My lungs were begging for oxygen.",
        "Ann Lee and Bo Chen wrote the models that showed the patterns of the tides.",
        "Halvorsen, \u201cthe father of tides,\u201d began a revolution in science.",
        "Scientists can't predict floods a decade ahead with any accuracy.",
        "Ann Lee's 1968 work Your Shadow as It Might Be Drawn on the Floor of the Sea poked "
        "gentle fun at the very expensive space race between the two great powers of that time.",
        "The test worked so well that they were able to guess the answers of four of the five "
        "volunteers.",
        "The article \u201cAre harbour fees really going up again?\u201d helps me "
        "understand the doubts.",
        "In her book \u201cA Garden Made in Stone: The Quiet Towns that Rise from Ruin,\u201d "
        "Ann Lee wrote of the joy people find in helping.",
    ],
)
def test_no_act_of_saying_is_no_quote(analyse, text):
    report = analyse(text)
    # only what the book's author wrote of is words said; the title is not
    assert [q.text for q in report.quotes if not q.text.startswith("the joy")] == []


def test_we_are_told_by_sources_is_still_reported(analyse):
    report = analyse("We're told there is camera footage of the break-in.")
    assert [q.text for q in report.quotes] == ["there is camera footage of the break-in"]


def test_a_threat_made_is_still_a_quote(analyse):
    report = analyse("Mayor Ann Lee threatened to close the harbour to cruise ships.")
    assert [q.text for q in _by_cue(report, "threatened")] == [
        "to close the harbour to cruise ships"
    ]


def test_reported_words_with_no_one_reporting_them_are_no_quote(analyse):
    report = analyse(
        "This sensitivity to tiny shifts made forecasting the distant future a gamble."
    )
    assert report.quotes == []


def test_says_a_but_b_is_one_statement(analyse):
    report = analyse(
        "Ann Lee says river clean-ups are getting more attention and money from donors, "
        "but local know-how is being dismissed as overly old-fashioned."
    )
    (quote,) = _by_cue(report, "says")
    assert quote.text.endswith("dismissed as overly old-fashioned")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the writer answers a claim
        (
            "Harbor Cabs claims that its rating system is a better way to monitor drivers, but "
            "that is an unproven assumption.",
            "claims",
            "that its rating system is a better way to monitor drivers",
        ),
        # another source speaks in the 'but' clause
        (
            "Ann Lee said the bridge would close, but the council said it would stay open.",
            "said",
            "the bridge would close",
        ),
    ],
)
def test_a_but_clause_that_is_not_the_speakers_stays_out(analyse, text, cue, content):
    report = analyse(text)
    assert _by_cue(report, cue)[0].text == content


def test_a_gerund_after_reported_is_what_was_reported(analyse):
    report = analyse(
        "Many customers reported being suddenly locked out of their profiles. "
        "Others reported getting emails saying that a fault had occurred."
    )
    assert [q.text for q in _by_cue(report, "reported")] == [
        "being suddenly locked out of their profiles",
        "getting emails saying that a fault had occurred",
    ]


def test_a_body_noun_speaker_is_never_a_body_named_only_in_its_own_words(analyse):
    """'..., the national space agency said': the station named inside what the agency said
    is not the agency; the company named in the sentence before is the company."""
    report = analyse(
        "An unmanned cargo ship heading to the Kessra Orbital Station broke up over the sea on "
        "Thursday, the national space agency said.\nHarbor Power raised prices on Monday. "
        "The company said demand was high."
    )
    speakers = {q.speaker.text: q.speaker.actor for q in report.quotes if q.speaker is not None}
    assert speakers == {"national space agency": None, "company": "harbor-power"}
