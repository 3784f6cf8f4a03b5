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
        ("''We will win,'' she said. It's Ann's ''idea''.", ["We will win,", "idea"]),
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


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Senator Dana Whitlock believes the bill will pass.", "believes"),
        ("Governor Ada Obi criticized the new tax law.", "criticized"),
        ("Chancellor Ivo Kral wants voters to approve the budget.", "wants"),
        (
            "The union rejected the idea. Its leader Tomas Ek voiced concern that jobs would go.",
            "concern",
        ),
        ("The new budget was endorsed by Governor Maria Lopez on Monday.", "endorsed"),
        ("Senator Ruth Amadi is critical of the new tax law.", "critical"),
        ("Governor Maria Lopez escalated her attacks on the mining company.", "attacks"),
        ("The bridge seems too narrow for the new trams.", "seems"),
        ("The mayor appeared to lose patience with the council.", "appeared"),
        ("It appears that the ferry will not run this winter.", "appears"),
        ("The harbour plan sounds like a costly gamble.", "sounds"),
        ("Mayor Ines Alvarado released a plan to rebuild the harbour.", "released"),
        ("The union offered a compromise on night shifts.", "offered"),
        ("Senator Ruth Amadi sees a path to victory.", "sees"),
        ("Governor Ada Obi portrayed the deal as a betrayal.", "portrayed"),
        ("Governor Ada Obi leads in the latest poll.", "in"),
        ("In the new survey, most farmers backed the tariff.", "In"),
        ("Senator Ruth Amadi described the budget as reckless.", "described"),
        ("Critics see the plan as a gift to banks.", "see"),
        ("Senator Ruth Amadi took issue with the new tariff.", "issue"),
        ("The voters have negative feelings toward the council.", "feelings"),
        ("The race moves to Ohio, where Governor Ada Obi is expected to win easily.", "expected"),
        ("It will be a summer expected to bring record heat to the valley.", "expected"),
        ("The new advertisement attacks Governor Ada Obi over the tax plan.", "attacks"),
        ("Footage from the match shows that the referee missed the foul.", "shows"),
        ("Senator Ruth Amadi Endorses Governor Ada Obi.\n\nThe endorsement came late.", "Endorses"),
    ],
)
def test_beliefs_stances_impressions_and_findings_are_not_quotes(analyse, text, cue):
    """A quote is an act of saying: what someone thinks, wants, backs or attacks, how a thing
    seems and what a poll or footage shows are no one's words."""
    report = analyse(text)
    assert [q.text for q in report.quotes if q.cue and q.cue.text == cue] == []


def test_relay_marks_the_outlet(analyse):
    report = analyse(
        "\u201cWe will not sign,\u201d Minister Karl Vos said, as reported by Nordic Press Agency."
    )
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert direct and direct[0].via == "nordic-press-agency"


def _quotes(report, kind=None):
    return [q for q in report.quotes if kind is None or q.kind == kind]


def test_interrupted_quote_is_one_attribution(analyse):
    report = analyse(
        "\u201cWe will build the bridge,\u201d Mayor Ines Alvarado said, \u201cand we will pay for it.\u201d"
    )
    (quote,) = _quotes(report)
    assert quote.kind == "direct"
    assert quote.text.startswith("We will build the bridge")
    assert quote.text.endswith("we will pay for it.")
    assert [p.text for p in quote.parts] == ["We will build the bridge,", "and we will pay for it."]
    assert quote.speaker.actor == "ines-alvarado"


def test_quote_continues_after_its_reporting_sentence(analyse):
    report = analyse(
        "\u201cThe harbour is safe,\u201d said Captain Olu Bankole. "
        "\u201cNo ship has been lost this year.\u201d\n"
        "The council met later."
    )
    (quote,) = _quotes(report, "direct")
    assert quote.text.endswith("No ship has been lost this year.")
    assert quote.speaker.actor == "olu-bankole"


def test_uncued_quote_opening_the_next_paragraph_is_a_quote_of_the_same_speaker(analyse):
    report = analyse(
        "\u201cThe harbour is safe,\u201d said Captain Olu Bankole.\n"
        "\u201cNo ship has been lost this year.\u201d"
    )
    first, second = _quotes(report, "direct")
    assert first.text == "The harbour is safe,"
    assert second.text == "No ship has been lost this year."
    assert second.speaker.actor == first.speaker.actor == "olu-bankole"
    assert second.cue.text == "said"
    # a closed quote followed by a new quoted paragraph is a reading, not a fact
    assert first.confidence >= 0.8 > second.confidence >= 0.5


def test_quote_after_a_paragraph_of_narration_does_not_continue(analyse):
    report = analyse(
        "\u201cThe harbour is safe,\u201d said Captain Olu Bankole.\n"
        "Storms hit the coast twice in March, and two piers were closed for repairs.\n"
        "\u201cNo ship has been lost this year.\u201d"
    )
    quotes = _quotes(report, "direct")
    assert len(quotes) == 2
    assert quotes[1].cue is None


def test_multi_paragraph_quote_reopens_each_paragraph(analyse):
    report = analyse(
        "Judge Petra Lindqvist said: \u201cThe law is clear.\n"
        "\u201cThe appeal is dismissed.\u201d\n"
        "The court rose."
    )
    first, second = _quotes(report, "direct")
    assert first.text == "The law is clear."
    assert second.text == "The appeal is dismissed."
    assert first.speaker.actor == second.speaker.actor == "petra-lindqvist"
    # left open at the paragraph's end: the speech runs on, as sure as its first paragraph
    assert second.confidence == first.confidence >= 0.8


def test_quote_not_closed_at_paragraph_end_is_skipped(analyse):
    report = analyse(
        'Councillor Amos Reyes said "the budget is late.\nThe meeting ended at noon "as planned".'
    )
    assert not any("budget" in q.text and q.kind == "direct" for q in report.quotes)


def test_straight_mark_closed_by_curly_mark(analyse):
    text = '"We are ready,\u201d said Coach Lina Varga.\nThe team left "early" on Monday.'
    report = analyse(text)
    (quote,) = _quotes(report, "direct")
    assert quote.text == "We are ready,"


def test_partial_quote_joins_its_reported_clause(analyse):
    report = analyse("Senator Dana Whitlock said the plan was \u201ca costly mistake\u201d.")
    (quote,) = _quotes(report)
    assert quote.kind == "partial"
    assert quote.text == "the plan was \u201ca costly mistake\u201d"
    assert quote.cue.text == "said"


def test_scare_quotes_without_a_cue_are_not_quotes(analyse):
    report = analyse("The so-called \u201creform\u201d passed on Monday.")
    assert _quotes(report) == []


def test_nested_attribution_stays_inside_the_outer_one(analyse):
    report = analyse("Minister Joan Ekberg said that voters believe the tax is unfair.")
    assert [q.cue.text for q in report.quotes] == ["said"]


def test_interrupting_reporting_clause_takes_the_whole_sentence(analyse):
    report = analyse("The deficit, Minister Joan Ekberg said, will shrink next year.")
    (quote,) = _quotes(report)
    assert quote.cue.text == "said"
    assert quote.text.startswith("The deficit") and quote.text.endswith("next year")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Mayor Leo Brandt called for a ban on fireworks.", "called", "a ban on fireworks"),
        ("Senator Ruth Amadi vowed to block the bill.", "vowed", "to block the bill"),
        ("Minister Joan Ekberg urged voters to stay home.", "urged", "to stay home"),
    ],
)
def test_demands_and_promises(analyse, text, cue, content):
    report = analyse(text)
    found = {q.cue.text: q.text for q in report.quotes if q.cue}
    assert found.get(cue) == content


def test_stance_needs_a_holder(analyse):
    report = analyse("The storm means that schools will close.")
    assert _quotes(report) == []


def test_relative_pronoun_speaker_is_its_noun(analyse):
    report = analyse("It was Dr. Mina Patel who said the vaccine was safe.")
    (quote,) = _quotes(report)
    assert quote.speaker.actor == "mina-patel"


def test_headline_source_before_colon(analyse):
    report = analyse("Mayor Leo Brandt: The city will not raise taxes\nThe mayor spoke on Monday.")
    (quote,) = [q for q in report.quotes if q.cue and q.cue.text == ":"]
    assert quote.text == "The city will not raise taxes"
    assert quote.speaker.actor == "leo-brandt"


def test_interview_labels_are_not_sources(analyse):
    report = analyse("Q: Will you run again?\nA: I have not decided yet.")
    assert not any(q.cue and q.cue.text == ":" for q in report.quotes)


@pytest.mark.slow
def test_long_article_stays_fast(analyse):
    import time

    paragraph = (
        "\u201cWe will keep the clinic open,\u201d said Dr. Mina Patel. "
        "Officials said the budget would grow, and critics argued that it was too small.\n"
    )
    started = time.process_time()
    report = analyse(paragraph * 150)
    assert time.process_time() - started < 30
    assert len(_quotes(report, "direct")) == 150


def test_interrupted_quote_page_shows_the_quoted_parts(analyse):
    from generator.site.render import make_env, render_article

    report = analyse(
        "\u201cWe will build the bridge,\u201d Mayor Ines Alvarado said, \u201cand we will pay for it.\u201d"
    )
    pages = render_article(make_env(), report)
    page = next(text for name, text in pages.items() if name.endswith("actors.md"))
    (line,) = [
        row
        for row in page.splitlines()
        if "We will build the bridge" in row and "(" in row and "source" in row
    ]
    assert "We will build the bridge, \u2026 and we will pay for it" in line
    assert "Alvarado said" not in line


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the Harbour Institute, prices will rise next year.",
            "prices will rise next year",
        ),
        (
            "Prices will rise next year, according to the Harbour Institute.",
            "Prices will rise next year",
        ),
        (
            "Prices, according to the Harbour Institute, will rise next year.",
            "Prices, according to the Harbour Institute, will rise next year",
        ),
    ],
)
def test_according_to_takes_the_clause_it_modifies(analyse, text, content):
    report = analyse(text)
    quotes = [q for q in report.quotes if q.cue and q.cue.text.lower() == "according to"]
    assert [q.text for q in quotes] == [content]


def test_passive_subject_is_not_the_speaker(analyse):
    report = analyse("Mayor Leo Brandt was told that the bridge would close.")
    assert all(q.speaker is None or q.speaker.actor != "leo-brandt" for q in report.quotes)


def test_second_cue_in_a_coordination_is_its_own_attribution(analyse):
    report = analyse(
        "Party spokesman Daniel Novak said the party was not in crisis and urged that everyone "
        "stay calm."
    )
    found = {q.cue.text: q for q in report.quotes}
    assert found["said"].text == "the party was not in crisis"
    assert found["urged"].speaker.actor == "daniel-novak"


def test_relative_pronoun_keeps_its_span(analyse):
    text = "The plan came from Dr. Mina Patel, who said the clinic would stay open."
    report = analyse(text)
    (quote,) = _quotes(report)
    assert quote.speaker.text == "who"
    assert quote.speaker.actor == "mina-patel"


def test_doubled_apostrophe_quote(analyse):
    report = analyse("''The harbour is safe,'' Captain Olu Bankole said on Monday.")
    (quote,) = _quotes(report, "direct")
    assert quote.text == "The harbour is safe,"
    assert quote.cue.text == "said"


def test_reporting_clause_beside_the_quote_wins(analyse):
    report = analyse(
        "\u201cI never said that,\u201d Senator Maria Lopez said, after Mayor Leo Brandt said "
        "the plan was dead."
    )
    (quote,) = _quotes(report, "direct")
    assert quote.speaker.actor == "maria-lopez"
    said = [q for q in report.quotes if q.kind == "indirect"]
    assert [q.text for q in said] == ["the plan was dead"]


@pytest.mark.parametrize(
    "text",
    ["The mayor looked tired after the long meeting.", "The harbour looks like a lake."],
)
def test_how_things_look_is_no_impression(analyse, text):
    report = analyse(text)
    assert report.quotes == []


def test_action_verbs_without_a_view_are_no_attribution(analyse):
    report = analyse("Governor Ada Obi won the primary and bought a new car.")
    assert report.quotes == []


def test_said_that_a_and_that_b_is_one_claim(analyse):
    report = analyse(
        "Minister Joan Ekberg said that taxes would rise and that the deficit would shrink."
    )
    (quote,) = _quotes(report)
    assert quote.text == "that taxes would rise and that the deficit would shrink"


def test_a_second_verb_of_thought_stays_in_the_claim(analyse):
    report = analyse(
        "Farmer Ilse Brandt said she feared losing the farm and wanted a fair price for milk."
    )
    found = {q.cue.text: q.text for q in report.quotes}
    assert found["said"].endswith("a fair price for milk")
    assert "wanted" not in found


def test_reporting_clause_between_quotes_keeps_its_own_claim(analyse):
    report = analyse(
        "\u201cWe are ready,\u201d Mayor Ines Alvarado said, adding that the dam would hold. "
        "\u201cNobody should panic.\u201d"
    )
    found = {q.cue.text: q for q in report.quotes if q.cue}
    assert found["adding"].text == "that the dam would hold"
    assert found["said"].kind == "direct"


def test_living_in_a_town_is_no_finding(analyse):
    report = analyse("Governor Ada Obi lives in a small town.")
    assert report.quotes == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Coach Lena Holt told the players to stay calm.",
            "told",
            "the players to stay calm",
        ),
    ],
)
def test_verbs_with_a_listener_or_a_description(analyse, text, cue, content):
    report = analyse(text)
    found = {q.cue.text: q.text for q in report.quotes if q.cue}
    assert found.get(cue) == content


@pytest.mark.parametrize(
    "text",
    [
        "Fans still read her memoir, \u201cSalt and Iron,\u201d on the long ferry rides.",
        "Councillor Robert \u201cBobby\u201d Nakamura opened the new library.",
        "The \u201cMorning Harbour\u201d host Ana Ruiz interviewed the minister.",
    ],
)
def test_quoted_titles_and_nicknames_are_no_quotes(analyse, text):
    report = analyse(text)
    assert [q for q in report.quotes if q.kind == "direct"] == []


def test_a_quoted_title_said_beside_its_cue_stays(analyse):
    report = analyse("\u201cNever Again,\u201d Mayor Ines Alvarado said.")
    assert [q.text for q in report.quotes] == ["Never Again,"]


def test_a_pledge_made_at_a_place_is_not_about_the_place(analyse):
    report = analyse("Governor Ada Obi made the pledge at a rally in Lagos.")
    assert all("Lagos" not in q.text for q in report.quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Leo Brandt told a different story.", {}),
        ("Mayor Leo Brandt told reporters about the flood.", {}),
        ("Mayor Leo Brandt claimed victory on Sunday night.", {"claimed": "victory"}),
        ("Mayor Leo Brandt maintained a narrow lead.", {}),
    ],
)
def test_objects_of_verbs_of_saying(analyse, text, expected):
    report = analyse(text)
    assert {q.cue.text: q.text for q in report.quotes if q.cue} == expected


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Harbour Union Vows To Fight Port Closure.\n\nWorkers met on Monday.",
            "Vows",
            "To Fight Port Closure",
            "Harbour Union",
        ),
    ],
)
def test_title_case_headline(analyse, text, cue, content, speaker):
    report = analyse(text)
    found = [q for q in report.quotes if q.cue and q.cue.text == cue]
    assert [q.text for q in found] == [content]
    assert found[0].speaker.text.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Council Emails Might Be Released Soon.\n\nThe council met on Monday.",
        "All Bets Are Off In The Harbour Race.\n\nThe count starts today.",
    ],
)
def test_plural_nouns_in_headlines_are_no_cues(analyse, text):
    report = analyse(text)
    assert report.quotes == []


def test_as_the_minister_noted_gives_the_main_clause(analyse):
    report = analyse("As Minister Joan Ekberg noted, the deficit will shrink next year.")
    found = {q.cue.text: q.text for q in report.quotes if q.cue}
    assert found == {"noted": "the deficit will shrink next year"}


def test_as_the_talks_continue_is_no_reporting_clause(analyse):
    report = analyse(
        "As the harbour talks continue, the city waits to see whether the port reopens."
    )
    assert [q.cue.text for q in report.quotes if q.cue] == []


def test_an_aside_of_judgment_stays_in_the_claim(analyse):
    report = analyse("Mayor Leo Brandt said the judge, whom he admires, would retire soon.")
    found = {q.cue.text: q.text for q in report.quotes if q.cue}
    assert found["said"] == "the judge, whom he admires, would retire soon"


def test_a_quote_inside_a_longer_claim_is_not_repeated(analyse):
    text = (
        "\u201cThe port will reopen in May,\u201d the minister will say, "
        "according to excerpts released by her office."
    )
    report = analyse(text)
    (quote,) = report.quotes
    assert quote.kind == "direct"
    assert quote.speaker.text == "minister"


def test_a_phrase_quoted_again_inside_a_claim_is_not_repeated(analyse):
    report = analyse(
        "Voters, according to the new survey, want \u201cfree college\u201d and lower rents."
    )
    assert [q.cue.text for q in report.quotes] == ["according to"]


# --- acts of saying: polarity, speakers admitted unknown ---------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mayor Leo Brandt declined to comment on the cost of the bridge.", "declined"),
        ("The ministry would not disclose how many jobs would go.", "disclose"),
        ("Senator Ruth Amadi denied that she had met the lobbyists.", "denied"),
        ("Governor Ada Obi ruled out a rise in the fuel tax.", "ruled"),
        ("No group claimed responsibility for the fire at the depot.", "claimed"),
        ("The company did not say when the plant would reopen.", "say"),
    ],
)
def test_denied_and_refused_acts_of_saying_are_negative(analyse, text, cue):
    report = analyse(text)
    found = [q for q in report.quotes if q.cue and q.cue.text == cue]
    assert [q.polarity for q in found] == ["negative"]


def test_a_negation_inside_what_was_said_keeps_the_act_affirmative(analyse):
    report = analyse("Mayor Leo Brandt said the bridge would not close this year.")
    (quote,) = report.quotes
    assert quote.polarity == "affirmative"
    assert quote.text == "the bridge would not close this year"


def test_a_named_speaker_is_confident_and_no_speaker_is_not(analyse):
    from generator.model import CONFIDENT, UNCERTAIN

    report = analyse(
        "Mayor Leo Brandt said the bridge would close in May.\n"
        "\u201cThe river has risen too far for the old piers to hold.\u201d"
    )
    said = next(q for q in report.quotes if q.cue and q.cue.text == "said")
    assert said.speaker.actor == "leo-brandt" and said.confidence >= CONFIDENT
    other = [q for q in report.quotes if q is not said]
    assert all(q.speaker is not None or q.confidence < UNCERTAIN for q in other)


def test_a_pronoun_with_two_people_of_its_gender_is_uncertain(analyse):
    from generator.model import CONFIDENT

    report = analyse(
        "Mayor Leo Brandt met Senator Tomas Ek at the harbour on Monday. He said the piers "
        "would be rebuilt."
    )
    (quote,) = [q for q in report.quotes if q.cue and q.cue.text == "said"]
    assert quote.confidence < CONFIDENT


def test_a_pronoun_takes_the_one_person_of_its_gender_in_the_paragraph(analyse):
    from generator.model import CONFIDENT

    report = analyse(
        "Mayor Ines Alvarado opened the new harbour office on Monday.\n"
        "The office cost less than planned.\n"
        "\u201cWe kept every promise,\u201d she said."
    )
    (quote,) = [q for q in report.quotes if q.kind == "direct"]
    assert quote.speaker.actor == "ines-alvarado"
    assert quote.confidence < CONFIDENT


def test_a_pronoun_of_the_other_gender_is_not_resolved_to_her(analyse):
    report = analyse(
        "Mayor Ines Alvarado opened the new harbour office on Monday.\n"
        "\u201cWe kept every promise,\u201d he said."
    )
    (quote,) = [q for q in report.quotes if q.kind == "direct"]
    assert quote.speaker is None or quote.speaker.actor != "ines-alvarado"


@pytest.mark.parametrize(
    "text",
    [
        "The report coined the term \u201cwater debt\u201d for the shortfall.",
        "I would argue that the council has failed the harbour towns.",
    ],
)
def test_terms_in_quote_marks_and_the_writers_voice_are_not_quotes(analyse, text):
    report = analyse(text)
    assert report.quotes == []


def test_a_quoted_title_before_a_noun_is_not_a_quote(analyse):
    report = analyse("\u201cSaltmarsh\u201d director Ivo Kral said the film was finished.")
    assert [q.text for q in report.quotes] == ["the film was finished"]


def test_nobody_saying_is_negative(analyse):
    report = analyse("Nobody would say when the harbour office would reopen.")
    assert [q.polarity for q in report.quotes] == ["negative"]


def test_a_threat_needs_someone_making_it(analyse):
    report = analyse(
        "The assault threatened to upset the fragile peace. Mayor Leo Brandt threatened to resign."
    )
    assert [(q.text, q.speaker.actor) for q in report.quotes] == [("to resign", "leo-brandt")]


def test_warned_against_keeps_the_preposition(analyse):
    """'warned against X' reported as 'warned: X' would say the opposite of the sentence."""
    report = analyse("The minister warned against signing a hasty agreement with the rebels.")
    quotes = [q for q in report.quotes if q.cue and q.cue.text.startswith("warned")]
    assert [q.text for q in quotes] == ["against signing a hasty agreement with the rebels"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ines Varga will announce that the bridge closes in May.",
        "Mayor Ines Varga could say that the bridge closes in May.",
        "Mayor Ines Varga plans to announce that the bridge closes in May.",
        "Mayor Ines Varga is expected to say that the bridge closes in May.",
    ],
)
def test_future_or_possible_saying_is_no_quote(analyse, sentence):
    report = analyse(sentence)
    assert not any("bridge closes" in q.text for q in report.quotes)


def test_refusal_with_a_modal_stays_a_negative_quote(analyse):
    report = analyse("Mayor Ines Varga would not disclose the cost of the bridge.")
    (quote,) = [q for q in report.quotes if "cost" in q.text]
    assert quote.polarity == "negative"


def test_later_saying_told_in_the_past_is_a_quote(analyse):
    report = analyse("As Mayor Ines Varga would later write, the bridge was never safe.")
    assert any("never safe" in q.text for q in report.quotes)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The data suggests that fares rose sharply in the city.", False),
        ("The surge in fares suggested that demand rose sharply in the city.", False),
        ("Senator Abel Moreno suggested that fares rose sharply in the city.", True),
        ("The council's report suggests that fares rose sharply in the city.", True),
    ],
)
def test_suggest_is_saying_only_from_someone_or_a_text(analyse, sentence, kept):
    report = analyse(sentence)
    assert any("rose sharply" in q.text for q in report.quotes) is kept


def test_a_description_linked_to_one_of_several_bodies_is_below_confident(analyse):
    from generator.model import CONFIDENT

    report = analyse(
        "Harbor Freight Lines bought Blue Anchor Shipping in May. "
        "The company said it would cut fares on every route."
    )
    quotes = [q for q in report.quotes if "cut fares" in q.text]
    assert quotes
    assert all(q.confidence < CONFIDENT for q in quotes)


def test_a_named_body_of_officials_speaks_for_the_body(analyse):
    from generator.model import CONFIDENT

    report = analyse("Harbor Freight Lines officials said the ferry would run all winter.")
    (quote,) = [q for q in report.quotes if "ferry" in q.text]
    assert quote.confidence >= CONFIDENT


def test_a_pronoun_prefers_the_one_name_of_its_gender_over_names_of_unknown_gender(analyse):
    from generator.model import CONFIDENT

    report = analyse(
        "The harbour office reopened in May.\n"
        "Once Ellen Marsh reached the port, Captain Okonkwo Adebayo gave her a manual, and "
        "before long she was at work. \u201cHe knew every ship,\u201d she said."
    )
    (quote,) = [q for q in report.quotes if q.kind == "direct"]
    assert quote.speaker.actor == "ellen-marsh"
    assert quote.confidence < CONFIDENT


def test_a_line_label_before_a_colon_is_no_speaker(analyse):
    report = analyse(
        "The harbour reopened in May.\n"
        "Another sign of its age: the cranes were built before the war began."
    )
    assert not any("cranes" in q.text for q in report.quotes)


def test_a_pro_form_is_not_what_was_said(analyse):
    report = analyse("The council has in effect conceded as much by postponing the vote.")
    assert not any(q.text.strip() in ("as much", "much") for q in report.quotes)


def test_a_fronted_participle_frame_is_the_writers_not_the_speakers(analyse):
    report = analyse(
        "Raising fears of a long strike, the union leader Tom Avery left the talks on Friday, "
        "his aide said."
    )
    (quote,) = [q for q in report.quotes if q.cue is not None and q.cue.text == "said"]
    assert quote.text == "the union leader Tom Avery left the talks on Friday"


def test_a_classifier_noun_is_not_the_speaker(analyse):
    # the parser takes 'sorts' for the subject of 'say'; the people classified speak
    report = analyse(
        "Aren\u2019t those the sorts of things economists say they fear about tariffs?"
    )
    speakers = [q.speaker.text for q in report.quotes if q.speaker is not None]
    assert speakers
    assert speakers == ["economists"]


def test_a_complement_taken_for_the_subject_of_a_trailing_reporting_verb(nlp):
    from spacy.tokens import Doc

    from generator.extract.quotes.reported import clause_content
    from generator.extract.quotes.speakers import source_token

    # 'The envoys are Ann Lee, the aide, told the agency.' as a parser may give it: 'Ann Lee'
    # hung on 'told' as its subject, the copula left with no complement
    words = ["The", "envoys", "are", "Ann", "Lee", ",", "the", "aide", ",", "told", "the",
             "agency", "."]  # fmt: skip
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 9, 4, 9, 4, 7, 4, 4, 9, 11, 9, 9],
        deps=[
            "det",
            "nsubj",
            "ccomp",
            "compound",
            "nsubj",
            "punct",
            "det",
            "appos",
            "punct",
            "ROOT",
            "det",
            "dobj",
            "punct",
        ],  # fmt: skip
        pos=[
            "DET",
            "NOUN",
            "AUX",
            "PROPN",
            "PROPN",
            "PUNCT",
            "DET",
            "NOUN",
            "PUNCT",
            "VERB",
            "DET",
            "NOUN",
            "PUNCT",
        ],  # fmt: skip
        tags=["DT", "NNS", "VBP", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "DT", "NN", "."],
        lemmas=[
            "the",
            "envoy",
            "be",
            "Ann",
            "Lee",
            ",",
            "the",
            "aide",
            ",",
            "tell",
            "the",
            "agency",
            ".",
        ],  # fmt: skip
    )
    assert source_token(doc[9]) == doc[7]
    content = clause_content(doc[9])
    assert content is not None and content.text == "The envoys are Ann Lee"


def test_a_writers_aside_inside_reported_words_lowers_the_confidence(analyse):
    from generator.model import CONFIDENT

    text = "As Nora Bell reports, the ferry line sold its two oldest boats{} to a rival last year."
    (plain,) = analyse(text.format("")).quotes
    (mixed,) = analyse(text.format(" (a poor bargain, in my view)")).quotes
    assert plain.speaker.text == mixed.speaker.text == "Nora Bell"
    assert plain.confidence >= CONFIDENT > mixed.confidence
