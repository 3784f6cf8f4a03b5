"""Caveats on small texts written for these tests: each kind, its cue, and what must not fire."""

from __future__ import annotations

import pytest


def kinds_and_cues(report):
    return {(c.kind, c.cue) for c in report.caveats}


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
def test_caveat_with_its_cue(analyse, text, kind, cue):
    report = analyse(text)
    assert (kind, cue) in kinds_and_cues(report), kinds_and_cues(report)


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
        ("The council adopted the plan in March.", "forward-looking"),
        ("\u201cIt was a brutal week,\u201d the coach said.", "opinion"),
        ("The Radical Party won the vote.", "opinion"),
        ("The coach thought it was a brutal decision.", "opinion"),
        ("As if addressing the crowd, the judge raised her voice.", "hedged"),
        ("Polls show that most voters back the plan.", "unattributed"),
        ("The minister said prices rose because of the drought.", "unattributed"),
        ("The train left the station at noon.", "unattributed"),
    ],
)
def test_no_caveat(analyse, text, kind):
    report = analyse(text)
    assert kind not in {c.kind for c in report.caveats}, kinds_and_cues(report)


def test_cue_offsets_point_at_the_cue(analyse):
    report = analyse(
        "The government plans to cut taxes. Critics say the decision may be delayed. "
        "The reform drew a stark response.",
        date="2024-05-02",
    )
    text = report.article.text
    sentence_caveats = [c for c in report.caveats if c.end]
    assert sentence_caveats
    for c in sentence_caveats:
        assert text[c.start : c.end] == c.text
        assert text[c.cue_start : c.cue_end] == c.cue
        assert c.cue_start >= c.start and c.cue_end <= c.end
        assert c.severity in ("info", "warning", "high")
        assert c.explanation.endswith(".")


def test_one_caveat_per_kind_and_sentence(analyse):
    report = analyse("Officials may delay the vote if the courts object and could cancel it.")
    assert [c.cue for c in report.caveats if c.kind == "hedged"] == ["may"]


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
        "The defence chief issued a stark warning that the bloc will keep arming its ally if "
        "talks collapse. His remarks, reported by the Xinhua news agency, underscore a growing "
        "consensus within the bloc. Member states plan to allocate 2 billion dollars a month. "
        "This stance has drawn criticism from some Nordic allies. Portugal's position is rooted "
        "in its ties to Brazil."
    )
    report = analyse(text)
    found = kinds_and_cues(report)
    for expected in [
        ("opinion", "stark"),
        ("hedged", "if"),
        ("weasel", "growing consensus"),
        ("forward-looking", "plan to"),
        ("weasel", "some Nordic allies"),
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
