"""Caveats and uncertainty marks on small texts written for these tests: each kind, its cue,
its evidence, and what must not fire."""

from __future__ import annotations

import dataclasses

import pytest

from generator.analysis.analyze import analyze_doc
from generator.ingest.files import parse_article


def kinds_and_cues(report):
    return {(c.kind, c.cue) for c in report.caveats}


def marks(report):
    """The uncertainty marks (hedges, weasel words, plans, loaded and causal wording)."""
    return {(c.kind, c.cue) for c in report.uncertainty}


def cue_texts(report, kind):
    return [c.cue for c in report.caveats if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        ("The minister may resign next week.", "hedged", "may"),
        ("Officials said the bridge could collapse.", "hedged", "could"),
        ("The talks will end if the ceasefire breaks.", "hedged", "if"),
        ("Should talks fail, the army will advance.", "hedged", "Should"),
        ("It is unclear who signed the order.", "hedged", "unclear"),
        ("The company is expected to announce layoffs.", "hedged", "expected"),
        ("The mayor will probably step down.", "hedged", "probably"),
        ("The blast raises questions about the site's safety.", "hedged", "raises questions"),
        ("A deal would cost the city its last park.", "hedged", "would"),
        ("The banker was accused of fraud.", "hedged", "accused"),
        ("The gunman's motive remains unknown.", "hedged", "unknown"),
        ("Some Western diplomats questioned the deal.", "weasel", "Some Western diplomats"),
        ("Critics say the plan is too costly.", "weasel", "Critics"),
        ("The scheme has been criticized.", "weasel", "criticized"),
        ("The reform is widely regarded as a failure.", "weasel", "widely"),
        ("There is a growing consensus that rates will fall.", "weasel", "growing consensus"),
        ("The move was seen by many as a betrayal.", "weasel", "seen"),
        ("Many residents left the valley.", "weasel", "Many residents"),
        ("She became the most influential painter of the city.", "weasel", "most influential"),
        ("The bridge is one of the greatest works of the age.", "weasel", "one of the greatest"),
        ("The city plans to build 500 homes.", "forward-looking", "plans to"),
        ("The government aims to cut emissions by half.", "forward-looking", "aims to"),
        ("The party signaled an intention to leave.", "forward-looking", "intention to"),
        ("They pledged to rebuild the school.", "forward-looking", "pledged to"),
        ("The senator delivered a scathing attack on the bill.", "opinion", "scathing"),
        ("The regime jailed three reporters.", "opinion", "regime"),
        ("The mayor advocates aggressive sanctions.", "opinion", "aggressive"),
        ("The singer is one of the best voices of her time.", "opinion", "one of the best"),
        ("The country's stance is rooted in its history of debt.", "unattributed", "rooted in"),
        ("Prices rose because of the drought.", "unattributed", "because of"),
        ("The refusal highlights deep divisions within the bloc.", "unattributed", "highlights"),
        ("Its focus has increasingly shifted to trade.", "unattributed", "increasingly shifted"),
    ],
)
def test_uncertainty_mark_with_its_cue(analyse, text, kind, cue):
    report = analyse(text)
    assert (kind, cue) in marks(report), marks(report)
    assert kind not in {c.kind for c in report.caveats}  # a mark, not an editor's caveat


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The festival opens in May.", "hedged"),
        ("The driver could not be reached for comment.", "hedged"),
        ("The company said it would close two plants.", "hedged"),
        ("The firm would not comment on the deal.", "hedged"),
        ("Results were worse than expected.", "hedged"),
        ("There is no doubt that the dam held.", "hedged"),
        ("Whether or not the bill passes, the tax rises in 2026.", "hedged"),
        ("Whether you agree or not, the tax rises in 2026.", "hedged"),
        ("Under the plan, holders would receive $42 a share.", "hedged"),
        ("You should see a doctor.", "hedged"),
        ("The senator suggested the army should leave.", "hedged"),
        ("If you look at the record, the mayor kept every promise.", "hedged"),
        ("The gang used previously unknown software.", "hedged"),
        ("The company assumed the debts of its rival.", "hedged"),
        ("Some 300 people attended the rally.", "weasel"),
        ("Analysts at Barclays said the bank's profit fell.", "weasel"),
        ("It is the most populous district of the province.", "weasel"),
        ("The bank is one of the most strongly capitalized lenders.", "weasel"),
        ("The council adopted the plan in March.", "forward-looking"),
        ("\u201cIt was a brutal week,\u201d the coach said.", "opinion"),
        ("Yesterday the Radical Party won the vote.", "opinion"),
        ("The coach thought it was a brutal decision.", "opinion"),
        ("As if addressing the crowd, the judge raised her voice.", "hedged"),
        ("Polls show that most voters back the plan.", "unattributed"),
        ("The minister said prices rose because of the drought.", "unattributed"),
        ("The train left the station at noon.", "unattributed"),
    ],
)
def test_no_mark(analyse, text, kind):
    report = analyse(text)
    assert kind not in {c.kind for c in report.uncertainty}, marks(report)


def test_cue_offsets_point_at_the_cue(analyse):
    report = analyse(
        "The government plans to cut taxes. Critics say the decision may be delayed. "
        "The reform drew a stark response.",
        date="2024-05-02",
    )
    text = report.article.text
    sentence_marks = [c for c in report.uncertainty if c.end]
    assert sentence_marks
    for c in sentence_marks:
        assert text[c.start : c.end] == c.text
        assert text[c.cue_start : c.cue_end] == c.cue
        assert c.cue_start >= c.start and c.cue_end <= c.end
        assert c.severity in ("info", "warning", "high")
        assert c.explanation.endswith(".")


def test_one_caveat_per_kind_and_sentence(analyse):
    report = analyse("Officials may delay the vote if the courts object and could cancel it.")
    assert [c.cue for c in report.uncertainty if c.kind == "hedged"] == ["may"]


def test_missing_metadata_names_what_is_missing(analyse):
    report = analyse("The bridge reopened.")
    (caveat,) = [c for c in report.caveats if c.kind == "missing-metadata"]
    for word in ("date", "author", "outlet", "URL"):
        assert word in caveat.explanation
    assert (caveat.start, caveat.end, caveat.severity) == (0, 0, "warning")
    assert report.caveats[0] is caveat


def test_relayed_by_a_foreign_agency_warns_of_translation(analyse):
    report = analyse(
        "The minister said the border would reopen on Friday, "
        "the Russian news agency Interfax reported."
    )
    relayed = [c for c in report.caveats if c.kind == "relayed"]
    assert relayed, kinds_and_cues(report)
    assert relayed[0].severity == "high"
    assert "translation" in relayed[0].explanation
    assert "Interfax" in relayed[0].cue


def test_relayed_by_an_english_outlet_has_no_translation_risk(analyse):
    report = analyse(
        "The governor said the dam was safe, according to a report in the Boston Globe."
    )
    relayed = [c for c in report.caveats if c.kind == "relayed"]
    assert relayed, kinds_and_cues(report)
    assert "translation" not in relayed[0].explanation
    assert relayed[0].severity == "warning"


def test_relay_name_in_another_language_is_a_translation_risk(analyse):
    report = analyse(
        "\u201cWe will not retreat,\u201d the general said, according to a report in Der Spiegel."
    )
    relayed = [c for c in report.caveats if c.kind == "relayed"]
    assert relayed and "translation" in relayed[0].explanation


def test_weekday_that_does_not_fit_the_date(analyse):
    report = analyse("On Tuesday, March 4, 2024, the court ruled.", date="2024-03-10")
    found = [c for c in report.caveats if c.kind == "inconsistency"]
    assert found and "Monday" in found[0].explanation


def test_past_event_dated_after_publication(analyse):
    report = analyse("On March 9, 2024, the court ruled against the city.", date="2024-03-01")
    found = [c for c in report.caveats if c.kind == "inconsistency"]
    assert found and "after the article's date" in found[0].explanation


def test_future_event_after_publication_is_fine(analyse):
    report = analyse("The court will rule on March 9, 2024.", date="2024-03-01")
    assert not [c for c in report.caveats if c.kind == "inconsistency"]


def test_seed_like_article_raises_the_expected_caveats(analyse):
    text = (
        "The union leader gave a stark warning that the strike will go on if "
        "talks fail. Her remarks, reported by the Harbor Weekly newspaper, reflect a growing "
        "consensus within the union. Member firms plan to spend 3 million dollars a month. "
        "This stance has drawn criticism from some Nordic partners. Norway's position is rooted "
        "in its ties to Chile."
    )
    report = analyse(text)
    found = marks(report)
    for expected in [
        ("opinion", "stark"),
        ("hedged", "if"),
        ("weasel", "growing consensus"),
        ("forward-looking", "plan to"),
        ("weasel", "some Nordic partners"),
        ("unattributed", "rooted in"),
    ]:
        assert expected in found, found
    assert any(c.kind == "relayed" for c in report.caveats)


def inconsistencies(report):
    return [c for c in report.caveats if c.kind == "inconsistency"]


def test_name_spelled_two_ways(analyse):
    report = analyse(
        "Finance Minister Anna Kowalski presented the budget on Monday. Critics attacked the "
        "plan. On Tuesday, Anna Kowalsky said the deficit would shrink."
    )
    (found,) = inconsistencies(report)
    assert found.cue == "Anna Kowalski / Anna Kowalsky"
    assert found.severity == "high"
    assert report.article.text[found.start : found.end] == "Anna Kowalsky"


def test_relatives_with_different_first_names_are_not_a_misspelling(analyse):
    report = analyse("Maria Lopez met the mayor. Her brother, Carlos Lopes, stayed home.")
    assert not inconsistencies(report)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Foreign Minister Jan Novak met the envoy on Monday. Later, Defence Minister Jan "
            "Novak said the talks had failed.",
            "two different offices",
        ),
        (
            "Former President Tom Brandt opened the bridge. President Tom Brandt said it was safe.",
            "current and former",
        ),
    ],
)
def test_role_given_two_ways(analyse, text, words):
    (found,) = inconsistencies(analyse(text))
    assert words in found.explanation


def test_one_person_with_two_compatible_roles_is_fine(analyse):
    report = analyse(
        "Cabinet minister Dan Levy spoke first. The science minister, Dan Levy, agreed."
    )
    assert not inconsistencies(report)


def test_figure_given_two_ways(analyse):
    report = analyse(
        "The storm killed 12 people in the north. Rescuers searched the valley. "
        "The storm killed 15 people in the north."
    )
    (found,) = inconsistencies(report)
    first, later = found.cue.split(" / ")
    assert first.startswith("12") and later.startswith("15")
    assert report.article.text[found.start : found.end] == later


def test_figures_that_change_on_purpose_are_fine(analyse):
    report = analyse("Sales rose to 40 million euros. Last year sales rose to 30 million euros.")
    assert not inconsistencies(report)


# --- caveats an editor raises -------------------------------------------------------------


def analyse_page(nlp, text, **fields):
    """A web-page-like article: the text with metadata fields set (url, title, dek, genre...)."""
    article = parse_article(text.encode("utf-8"), "test.txt", "test", ".txt", date="2024-05-02")
    article = dataclasses.replace(article, **fields)
    return analyze_doc(nlp(article.text), article)


def of_kind(report, kind):
    return [c for c in report.caveats if c.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe could have a deal by Friday,\u201d the minister said.",
        "The banker was accused of fraud. He was charged on Monday.",
        "Here are some of the highlights of the show.",
        "The mayor may resign next week, she said.",
    ],
)
def test_hedges_quotes_and_legal_wording_are_no_caveats(analyse, text):
    report = analyse(text, date="2024-05-02")
    assert [c.kind for c in report.caveats] == ["missing-metadata"], kinds_and_cues(report)


def test_claim_resting_on_unnamed_officials(analyse):
    report = analyse(
        "The plant will close next year, officials said on Monday. Workers were not told. "
        "The owners want to sell the site, two senior officials said.",
        date="2024-05-02",
    )
    (found,) = of_kind(report, "sourcing")
    assert found.cue == "officials"
    assert found.severity == "high" and found.confidence >= 0.8
    assert [e.text for e in found.evidence] == [
        "The plant will close next year, officials said on Monday.",
        "The owners want to sell the site, two senior officials said.",
    ]
    assert report.article.text[found.start : found.end] == found.evidence[0].text


@pytest.mark.parametrize(
    "text",
    [
        "The plant will close, said Jane Roe, a city official.",
        "An official, Jane Roe, said the plant would close.",
        "The mayor said the plant would close.",
        "A spokesman for the company said the plant would close.",
    ],
)
def test_named_sources_are_no_sourcing_caveat(analyse, text):
    assert not of_kind(analyse(text, date="2024-05-02"), "sourcing")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The outage began at noon, according to media reports.", "media reports"),
        ("The bakery is rumored to be opening a second shop.", "is rumored"),
        ("The firm was hacked, a person familiar with the matter said.", "a person familiar"),
    ],
)
def test_unnamed_reports_rumours_and_people(analyse, text, cue):
    (found,) = of_kind(analyse(text, date="2024-05-02"), "sourcing")
    assert found.cue.startswith(cue)


def test_report_in_a_named_outlet_is_relayed_not_unsourced(analyse):
    report = analyse(
        "The governor said the dam was safe, according to a report in the Boston Globe.",
        date="2024-05-02",
    )
    assert of_kind(report, "relayed") and not of_kind(report, "sourcing")


def test_relay_grouped_by_outlet_with_its_passage(analyse):
    report = analyse(
        "Documents seen by the Daily Courier show the deal was signed. The buyer paid in cash, "
        "a banker told the Daily Courier. The mayor was not told.",
        date="2024-05-02",
    )
    (found,) = of_kind(report, "relayed")
    assert len(found.evidence) == 2
    assert found.text.startswith("Documents seen") and found.text.endswith("Daily Courier.")


def test_own_outlet_is_not_a_relay(nlp):
    report = analyse_page(
        nlp,
        "The mayor resigned on Monday, the Harbor Gazette reported.",
        source="The Harbor Gazette",
        url="https://harborgazette.example/local/mayor",
        author="Ann Reporter",
        authors=["Ann Reporter"],
    )
    assert not of_kind(report, "relayed")


def test_republished_story_is_relayed(nlp):
    report = analyse_page(
        nlp,
        "The bridge reopened on Monday.",
        source="Harbor Wire",
        url="https://citypaper.example/news/bridge",
        author="Ann Reporter",
        authors=["Ann Reporter"],
    )
    (found,) = of_kind(report, "relayed")
    assert (found.start, found.end, found.cue) == (0, 0, "Harbor Wire")


def test_a_url_that_is_not_one_gives_no_republished_caveat(nlp):
    report = analyse_page(
        nlp,
        "The bridge reopened on Monday.",
        source="Harbor Wire",
        url="http://[1]/bridge",
        author="Ann Reporter",
        authors=["Ann Reporter"],
    )
    assert not of_kind(report, "relayed")


def test_desk_byline_on_a_page(nlp):
    report = analyse_page(
        nlp,
        "The bridge reopened on Monday.",
        source="Harbor Gazette",
        url="https://harborgazette.example/news/bridge",
        author="News Desk",
        authors=[],
    )
    (found,) = of_kind(report, "missing-metadata")
    assert "names no reporter" in found.explanation and found.severity == "info"


def test_headline_quote_the_body_does_not_have(nlp):
    report = analyse_page(
        nlp,
        "The mother said her son was brave. He saved two children from the river.",
        title="Boy \u201cFought The River With Bare Hands\u201d",
    )
    (found,) = of_kind(report, "headline")
    assert found.cue == "Fought The River With Bare Hands" and found.severity == "high"


def test_headline_quote_found_in_the_body_is_fine(nlp):
    report = analyse_page(
        nlp,
        "\u201cHe fought the river with bare hands,\u201d his mother said.",
        title="Boy \u201cFought The River With Bare Hands\u201d",
    )
    assert not of_kind(report, "headline") and not of_kind(report, "inconsistency")


def test_headline_single_marks_report_speech_in_other_words(nlp):
    report = analyse_page(
        nlp,
        "The mayor said the closure was her greatest regret.",
        title="Mayor calls closure her 'biggest regret'",
    )
    assert not of_kind(report, "headline")


def test_headline_quotes_the_body_quote_two_ways(nlp):
    report = analyse_page(
        nlp,
        "The coach wrote on Twitter: \u201cDo we have honest referees in this league?\u201d",
        title="Coach: 'Do We Have Any Honest Referees In This League?'",
    )
    (found,) = inconsistencies(report)
    assert found.cue == "Do we have honest referees in this league?"
    assert "two ways" in found.explanation


def test_bare_name_a_letter_away_from_a_person(analyse):
    report = analyse(
        "Trevor Hansen leads the study. The results surprised the team. "
        "\u201cIt will take years,\u201d Hanson said.",
        date="2024-05-02",
    )
    (found,) = inconsistencies(report)
    assert found.cue == "Trevor Hansen / Hanson"
    assert report.article.text[found.cue_start : found.cue_end] == "Hanson"


def test_two_people_sharing_a_surname_word_are_not_one(analyse):
    report = analyse(
        "He Lin, an official at the fund, met Xi Lin in March. Xi Lin spoke first.",
        date="2024-05-02",
    )
    assert not inconsistencies(report)


def test_dek_date_with_a_slipped_year(nlp):
    report = analyse_page(
        nlp,
        "Readers write about the bridge.",
        dek="Letters for Jan. 3, 2023",
        date="2024-01-02",
    )
    (found,) = inconsistencies(report)
    assert found.cue == "Jan. 3, 2023" and "2024-01-02" in found.explanation


def test_citation_date_after_publication_is_no_inconsistency(analyse):
    report = analyse(
        "The tool is old. Citation: Old tool found (2019) retrieved 20 January 2020 from "
        "https://example.org/tool",
        date="2019-10-22",
    )
    assert not inconsistencies(report)


def test_opinion_shown_only_by_its_text_is_a_genre_caveat(nlp):
    report = analyse_page(
        nlp,
        "I believe the bridge must close.",
        genre="opinion",
        genre_evidence="text: the author argues in the first person ('i believe')",
    )
    (found,) = of_kind(report, "genre")
    assert "does not label" in found.explanation


def test_a_genre_read_from_the_register_cites_its_sentences_and_is_as_sure_as_the_genre(nlp):
    text = (
        "The bridge toll is a mistake. Who pays it? Certainly not the freight firms. "
        "The council should drop it before the vote next month."
    )
    report = analyse_page(
        nlp,
        text,
        genre="opinion",
        genre_evidence="text: the register of an argument (questions to the reader 2.5)",
        genre_confidence=0.6,
    )
    (found,) = of_kind(report, "genre")
    assert found.confidence == 0.6
    shown = [e.text for e in found.evidence]
    assert "Who pays it?" in shown and "Certainly not the freight firms." in shown
    assert "The bridge toll is a mistake." not in shown


def test_caveats_are_ranked_most_serious_first(analyse):
    report = analyse(
        "The plant will close next year, officials said on Monday. Workers were not told.",
    )
    ranks = [("high", "warning", "info").index(c.severity) for c in report.caveats]
    assert ranks == sorted(ranks)
    assert report.caveats[0].kind == "sourcing"


def test_accused_with_no_response_is_one_sided(analyse):
    report = analyse(
        "Regulators accused Acme Corp of hiding losses from investors. Shares fell on Monday.",
        date="2024-05-02",
    )
    (found,) = of_kind(report, "one-sided")
    assert found.cue == "Acme Corp" and (found.start, found.end) == (0, 0)
    assert found.evidence[0].text.startswith("Regulators accused Acme Corp")


@pytest.mark.parametrize(
    "reply",
    [
        "Acme Corp did not respond to a request for comment.",
        "Acme Corp said the accounts were correct.",
    ],
)
def test_accused_who_answers_or_was_asked_is_not_one_sided(analyse, reply):
    report = analyse(
        "Regulators accused Acme Corp of hiding losses from investors. " + reply,
        date="2024-05-02",
    )
    assert not of_kind(report, "one-sided")


def test_fact_check_verdict_resting_on_unnamed_sources(nlp):
    from generator.model import FactCheck

    check = FactCheck(claim="The wall stopped crossings", claimant="A senator", verdict="True")
    report = analyse_page(
        nlp,
        "Crossings fell by half last year, border agents said. The senator made the claim twice.",
        genre="fact-check",
        fact_check=check,
    )
    (found,) = of_kind(report, "genre")
    assert found.cue == "True" and "border agents" in found.explanation
    assert found.evidence[0].text.startswith("Crossings fell by half")


def test_fact_check_with_named_sources_has_no_verdict_caveat(nlp):
    from generator.model import FactCheck

    check = FactCheck(claim="The wall stopped crossings", claimant="A senator", verdict="True")
    report = analyse_page(
        nlp,
        "Crossings fell by half last year, said Ann Roe, who leads the border agency.",
        genre="fact-check",
        fact_check=check,
    )
    assert not of_kind(report, "genre")


def test_a_title_read_as_a_name_is_no_second_spelling(analyse):
    report = analyse(
        "He Jianxiong, an official at the fund, praised the plan. Xi Jinping met him in March. "
        "Jianxiong said the talks went well.",
        date="2024-05-02",
    )
    assert not inconsistencies(report)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a source named in the next sentence: the delayed identification of news style
        (
            "Life on Mars may be found within a decade, a space agency scientist says. "
            "\u201cWe know where to look,\u201d chief scientist Ellen Stofa said on Tuesday.",
            "sourcing",
        ),
        # 'carried out by' a firm: no outlet carries anything
        (
            "The results came from a poll carried out by Pulse Research among 4,000 adults.",
            "relayed",
        ),
    ],
)
def test_no_caveat_of_kind(analyse, text, kind):
    assert not of_kind(analyse(text, date="2024-05-02"), kind)


def test_one_outlet_described_two_ways_is_one_relay(analyse):
    report = analyse(
        "The shop was closed, the affiliate WXYZ reported. Police arrived at noon, WXYZ reported.",
        date="2024-05-02",
    )
    (found,) = of_kind(report, "relayed")
    assert len(found.evidence) == 2


def test_headline_flat_where_the_article_hedges(nlp):
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than on its schools, the auditor said. "
        "Rates rose in March.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    (found,) = of_kind(report, "headline")
    assert found.cue == "could" and found.text.startswith("The city could soon lose")


def test_headline_stated_flatly_somewhere_in_the_article_is_fine(nlp):
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than on schools. "
        "The city will lose more in fees than on schools next year, the auditor said.",
        title="City Will Lose More in Fees Than on Schools",
    )
    assert not of_kind(report, "headline")


def test_headline_claim_restated_flatly_in_other_words_is_not_only_hedged(nlp):
    # the same comparison (fees over the named schools), with another verb and no hedge
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than it spends on its schools or parks. "
        "Rates rose in March. Fees will overtake the parks budget in 2026.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    assert not of_kind(report, "headline")


def test_other_things_are_not_the_same_claim(nlp):
    # 'other services' sets the thing apart: no restatement, the hedge caveat stays
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than it spends on its schools. "
        "Fees will exceed spending on other services.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    (found,) = of_kind(report, "headline")
    assert found.cue == "could" and "only says it with 'could'" in found.explanation


def test_a_negated_or_other_comparison_is_not_the_same_claim(nlp):
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than it spends on its schools or parks. "
        "Fees will not overtake the parks budget in 2026. "
        "The city lost more in fees than in 2019.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    (found,) = of_kind(report, "headline")
    assert found.cue == "could" and "only says it with 'could'" in found.explanation


def test_headline_certain_where_the_article_warns_of_forecasts(nlp):
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than it spends on its schools or parks. "
        "Fees will overtake the parks budget in 2026. "
        "The auditor cautioned that the projections are not guaranteed.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    (found,) = of_kind(report, "headline")
    assert found.cue == "projections"
    assert found.text == "The auditor cautioned that the projections are not guaranteed."
    assert "only" not in found.explanation and "forecast" in found.explanation
    assert [e.text[:20] for e in found.evidence] == [
        "The city could soon ",
        "Fees will overtake t",
        "The auditor cautione",
    ]


def test_an_unrelated_forecast_raises_no_headline_caveat(nlp):
    # the body states the claim flatly; the only forecast is about other things, undoubted
    report = analyse_page(
        nlp,
        "The city could soon lose more in fees than it spends on its schools or parks. "
        "Fees will overtake the parks budget in 2026. "
        "Rainfall is projected to rise in the spring.",
        title="City Will Shortly Lose More in Fees Than on Schools",
    )
    assert not of_kind(report, "headline")


def test_officials_of_a_named_company_weigh_less(analyse):
    report = analyse(
        "The grid failed twice this winter, Lakeside Power officials said on Monday.",
        date="2024-05-02",
    )
    (found,) = of_kind(report, "sourcing")
    assert found.severity == "warning" and found.confidence < 0.8


def test_firm_credited_with_a_survey_is_no_relay(analyse):
    report = analyse(
        "Divorce cuts retirement income, according to a survey carried out by Pulse Research. "
        "\u201cIt is a large gap,\u201d a Pulse Research analyst said.",
        date="2024-05-02",
    )
    assert not of_kind(report, "relayed")


UNLABELLED = "no genre label on the page (news by default)"
COLUMN = (
    "The new tax on bicycles is a mistake. Who gains from it? Certainly not the riders. "
    "I have ridden to work for ten years. Why punish the people who keep the roads free? "
    "The council clearly did not think this through."
)


def test_column_on_a_page_that_labels_nothing_is_a_genre_caveat(nlp):
    report = analyse_page(nlp, COLUMN, genre="news", genre_evidence=UNLABELLED)
    (found,) = of_kind(report, "genre")
    assert (found.start, found.end) == (0, 0) and found.confidence == 0.7
    assert "argues like a column" in found.explanation
    shown = [e.text for e in found.evidence]
    assert "Who gains from it?" in shown and "I have ridden to work for ten years." in shown


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (COLUMN, {"url": "https://example.org/blog/bicycle-tax"}),  # a blog says what it is
        (COLUMN.replace("?", "."), {}),  # no questions to the reader
        (COLUMN.replace("I have", "Ann Rider has"), {}),  # no writer in the first person
        (COLUMN, {"genre_evidence": "section 'News'"}),  # labelled news
    ],
)
def test_no_genre_caveat_without_every_mark_of_a_column(nlp, text, fields):
    report = analyse_page(nlp, text, **{"genre": "news", "genre_evidence": UNLABELLED, **fields})
    assert not of_kind(report, "genre"), kinds_and_cues(report)


def test_relayed_statement_in_a_column_is_less_sure(nlp):
    text = COLUMN + " The plan, as Reuters reported, was drafted in one night."
    report = analyse_page(nlp, text, genre="news", genre_evidence=UNLABELLED)
    (found,) = of_kind(report, "relayed")
    assert found.cue == "Reuters" and found.confidence == 0.6
    news = analyse_page(
        nlp, "The plan, as Reuters reported, was drafted in one night.", genre="news"
    )
    assert [c.confidence for c in of_kind(news, "relayed")] == [0.8]


STORY = (
    "The city will open a new ferry line in June. Boats will leave the harbor every hour. "
    "A ticket will cost four dollars. The line will serve the island and the old port. "
    "Two new boats were built for it."
)


def test_news_story_that_reports_no_statement_has_no_source(analyse):
    report = analyse(STORY, date="2024-05-02")
    (found,) = of_kind(report, "sourcing")
    assert (found.start, found.end) == (0, 0) and found.confidence == 0.6
    assert "no statement" in found.explanation
    assert [e.text for e in found.evidence] == [
        "The city will open a new ferry line in June.",
        "Boats will leave the harbor every hour.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        STORY + " The mayor said the boats were ready. The harbor master said the pier was safe.",
        "The city will open a new ferry line in June. A ticket will cost four dollars.",
    ],
)
def test_story_with_sources_or_a_brief_is_not_unsourced(analyse, text):
    report = analyse(text, date="2024-05-02")
    assert not [c for c in of_kind(report, "sourcing") if c.end == 0], kinds_and_cues(report)
