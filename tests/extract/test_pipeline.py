"""Each extractor on small texts written for these tests."""

from __future__ import annotations


def actor(report, name):
    found = [a for a in report.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in report.actors]}"
    return found[0]


def test_spans_are_slices_of_the_text(analyse):
    report = analyse(
        "Acme Corp chief executive Jane Doe said on Monday that sales rose 12% to $3.5 million. "
        "\u201cWe are growing,\u201d Doe told Reuters.",
        date="2024-03-06",
    )
    text = report.article.text
    for a in report.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    for item in [*report.quotes, *report.figures, *report.temporal_expressions, *report.summary]:
        assert text[item.start : item.end] == item.text
    for c in report.caveats:
        if c.end:
            assert text[c.start : c.end] == c.text


def test_person_variants_merge_with_roles(analyse):
    report = analyse(
        "Finance Minister Olaf Brandt presented the budget on Tuesday. "
        "Brandt said the deficit would shrink. His critics disagreed."
    )
    brandt = actor(report, "Olaf Brandt")
    assert brandt.type == "person"
    assert "Finance Minister" in brandt.roles
    assert [m.text for m in brandt.mentions][:2] == ["Olaf Brandt", "Brandt"]
    assert sum(1 for a in report.actors if "Brandt" in a.name) == 1


def test_possessive_country_becomes_affiliation(analyse):
    report = analyse("Poland's Foreign Minister Anna Kowalska met reporters in Warsaw.")
    kowalska = actor(report, "Anna Kowalska")
    assert "Foreign Minister" in kowalska.roles
    assert "poland" in kowalska.affiliations


def test_group_actor(analyse):
    report = analyse(
        "European finance ministers met in Brussels, where some Western allies voiced doubts."
    )
    groups = {a.name for a in report.actors if a.type == "group"}
    assert "European finance ministers" in groups


def test_direct_quote_with_speaker_after(analyse):
    report = analyse("\u201cThe plan will not work,\u201d Senator Maria Lopez said on Friday.")
    direct = [q for q in report.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text == "The plan will not work,"
    assert direct[0].speaker.actor == "maria-lopez"
    assert direct[0].cue.text == "said"


def test_indirect_speech(analyse):
    report = analyse("Mayor Tom Reed said that the bridge would reopen in May.")
    indirect = [q for q in report.quotes if q.kind == "indirect"]
    assert indirect and indirect[0].text == "that the bridge would reopen in May"
    assert indirect[0].speaker.actor == "tom-reed"


def test_partial_quote_and_relay(analyse):
    report = analyse(
        "Chancellor Erik Berg called the talks a \u2018disaster\u2019, according to remarks reported by Global Wire."
    )
    partial = [q for q in report.quotes if q.kind == "partial"]
    # The quoted word sits in what Berg said about the talks: that clause is the partial quote.
    assert [q.text for q in partial] == ["the talks a \u2018disaster\u2019"]
    assert partial[0].speaker.actor == "erik-berg"


def test_unbalanced_quote_marks_do_not_crash(analyse):
    report = analyse(
        'He said \u201cthis never closes. And \u2018neither does this.\nNew paragraph " here.'
    )
    assert all(q.kind != "direct" for q in report.quotes)


def test_money_figures_normalised(analyse):
    report = analyse(
        "The fund will allocate 2 billion euros per month. Donors gave \u20ac1.5bn last year "
        "and another $300 million, while prices rose 4.5%."
    )
    figures = {f.text: f for f in report.figures}
    assert figures["2 billion euros per month"].value == 2_000_000_000
    assert figures["2 billion euros per month"].unit == "EUR"
    assert figures["2 billion euros per month"].per == "month"
    assert figures["\u20ac1.5bn"].value == 1_500_000_000
    assert figures["$300 million"].unit == "USD"
    assert figures["4.5%"].kind == "percent" and figures["4.5%"].value == 4.5


def test_range_is_two_values(analyse):
    report = analyse("The contracts are worth $1.2 million to $23.5 million each.")
    (fig,) = [f for f in report.figures if f.kind == "money"]
    assert (fig.value, fig.value_max, fig.unit) == (1_200_000, 23_500_000, "USD")


def test_counts_and_no_date_junk(analyse):
    report = analyse("The navy bought 179 tankers on December 3, 2023.")
    counts = [(f.kind, f.text, f.value, f.unit) for f in report.figures]
    assert counts == [("count", "179", 179, "tanker")]


def test_time_expressions_against_article_date(analyse):
    report = analyse(
        "On December 3, the minister spoke. Last week prices fell, and by the end of 2025 the plan ends. "
        "Earlier this year the council met.",
        date="2025-12-05",
    )
    values = {t.text: t.value for t in report.temporal_expressions}
    assert values["December 3"] == "2025-12-03"
    assert values["Last week"] == "2025-W48"
    assert values["the end of 2025"] == "2025"
    assert values["Earlier this year"] == "2025"


def test_time_expressions_without_date_stay_underspecified(analyse):
    report = analyse("On December 3, the minister spoke.")
    assert [(t.text, t.value) for t in report.temporal_expressions] == [
        ("December 3", "XXXX-12-03")
    ]
    assert any(c.kind == "missing-metadata" and "date" in c.explanation for c in report.caveats)


def test_timeline_separates_plans(analyse):
    report = analyse(
        "The ministry plans to open the line in March 2026. The old line closed in May 2024.",
        date="2025-01-10",
    )
    by_date = {e.date: e for e in report.timeline}
    assert by_date["2026-03"].status == "planned"
    assert by_date["2024-05"].status == "reported"
    assert [e.date for e in report.timeline] == ["2024-05", "2026-03"]


def test_caveat_kinds(analyse):
    report = analyse(
        "The government plans to cut taxes. The decision may be delayed. "
        "Critics say the cuts favour the rich. The reform drew a stark response. "
        "The country's stance is rooted in its history of debt."
    )
    marks = {(c.kind, c.cue) for c in report.uncertainty}
    assert ("forward-looking", "plans to") in marks
    assert ("hedged", "may") in marks
    assert ("opinion", "stark") in marks
    assert ("unattributed", "rooted in") in marks
    assert ("weasel", "Critics") in marks
    kinds = {(c.kind, c.cue) for c in report.caveats}
    assert ("sourcing", "Critics") in kinds  # 'critics say' carries a claim: raised
    assert any(k == "missing-metadata" for k, _ in kinds)


def test_summary_is_in_article_order_and_bounded(analyse):
    text = " ".join(
        f"Sentence number {i} mentions Acme Corp and the city of Paris in some detail."
        for i in range(12)
    )
    report = analyse(text)
    starts = [s.start for s in report.summary]
    assert 3 <= len(report.summary) <= 5
    assert starts == sorted(starts)


def test_short_article_summary_is_whole_text(analyse):
    report = analyse("Only one sentence here about Acme Corp.")
    assert [s.text for s in report.summary] == ["Only one sentence here about Acme Corp."]


def test_loaded_words_inside_quotes_are_not_opinion(analyse):
    report = analyse("\u201cThis is a stark warning,\u201d the mayor said.")
    assert not any(c.kind == "opinion" for c in report.caveats)
