"""The real-news gold scorer: items are right only when speaker, polarity, value and date are."""

from __future__ import annotations

from pathlib import Path

from generator.evaluation.realnews import Located, aggregate, score_report

TEXT = (
    "Mayor Ann Lee said on Monday that the bridge will close. "
    "Lee did not say when it would reopen. "
    "The repairs cost \u201c$4 million,\u201d the city\u2019s engineer Bo Park said."
)

GOLD = {
    "page": "example",
    "metadata": {"title": "Bridge to close", "authors": []},
    "genre": "news",
    "actors": [
        {"name": "Ann Lee", "type": "person", "aliases": ["Lee"], "roles": ["mayor"]},
        {"name": "Bo Park", "type": "person", "aliases": [], "roles": ["engineer"]},
    ],
    "quotes": [
        {"speaker": "Ann Lee", "content": "the bridge will close", "polarity": "affirmative",
         "act": "speech"},
        {"speaker": "Ann Lee", "content": "when it would reopen", "polarity": "negative",
         "act": "speech"},
    ],
    "figures": [
        {"text": "$4 million", "value": 4000000, "unit": "USD", "measures": "repairs cost",
         "owner": "Bo Park", "status": "fact"},
    ],
    "timeline": [
        {"when": "on Monday", "date": "2024-03-04", "verb": "said", "polarity": "affirmative",
         "status": "reported"},
    ],
    "caveats": [],
    "summary": [{"fact": "bridge closes", "anchor": "the bridge will close",
                 "keywords": ["bridge", "close"], "role": "main"}],
}  # fmt: skip


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def make_report(speaker_of_second: str, polarity: str, figure_owner: str | None) -> dict:
    q1, q2 = span(TEXT, "the bridge will close"), span(TEXT, "when it would reopen")
    f = span(TEXT, "$4 million")
    t = span(TEXT, "on Monday")
    return {
        "article": {"text": TEXT, "title": "Bridge to close", "authors": [], "genre": "news"},
        "actors": [
            {"id": "ann-lee", "name": "Ann Lee", "type": "person", "roles": ["Mayor"],
             "mentions": [{}, {}]},
            {"id": "lee", "name": "Lee", "type": "person", "roles": [], "mentions": [{}]},
            {"id": "bo-park", "name": "Bo Park", "type": "organization", "roles": [],
             "mentions": [{}]},
        ],
        "quotes": [
            {"start": q1[0], "end": q1[1], "text": "the bridge will close", "confidence": 0.9,
             "speaker": {"actor": "ann-lee", "text": "Mayor Ann Lee"}},
            {"start": q2[0], "end": q2[1], "text": "when it would reopen", "confidence": 0.3,
             "polarity": polarity, "speaker": {"actor": speaker_of_second, "text": "x"}},
        ],
        "figures": [
            {"start": f[0], "end": f[1], "text": "$4 million", "value": 4000000, "unit": "USD",
             "status": "fact", "attributed_to": figure_owner, "subject": "The repairs cost"},
        ],
        "temporal_expressions": [{"start": t[0], "end": t[1], "text": "on Monday"}],
        "timeline": [{"date": "2024-03-04", "timex": 0, "event": "Lee said", "status": "reported",
                      "start": 0, "end": 10}],
        "caveats": [],
        "summary": [{"start": 0, "end": 57, "text": TEXT[:57]}],
        "sentences": [],
    }  # fmt: skip


def test_located_folds_quotes_case_and_space() -> None:
    text = Located("The  city\u2019s \u201cEngineer\u201d")
    assert text.find('city\'s "engineer"') == (5, 22)
    assert text.find("the city's … engineer") == (0, 21)


def test_right_items_and_the_errors_that_make_them_wrong() -> None:
    good = score_report(make_report("ann-lee", "negative", "bo-park"), GOLD)
    assert good.tallies["quotes"].right == 2 and good.tallies["quotes"].wrong == 0
    assert good.tallies["figures"].right == 1
    assert good.tallies["timeline"].right == 1
    # "Lee" beside "Ann Lee" is a split; Bo Park typed as an organisation is wrong
    assert good.tallies["actors"].right == 1 and good.tallies["actors"].wrong == 2
    assert good.summary["carried"] == 1

    bad = score_report(make_report("bo-park", "affirmative", None), GOLD)
    assert bad.tallies["quotes"].right == 1 and bad.tallies["quotes"].wrong == 1
    assert bad.reversed_quotes == 1
    assert bad.tallies["figures"].right == 0  # given to the reporter, not to its speaker


def test_reliability_table_counts_by_band() -> None:
    result = score_report(make_report("bo-park", "affirmative", None), GOLD)
    table = {row["band"]: row for row in aggregate([result])["reliability"]["quotes"]}
    assert table["0.8-1.0"]["items"] == 1 and table["0.8-1.0"]["right"] == 1
    assert table["0.2-0.4"]["items"] == 1 and table["0.2-0.4"]["right"] == 0


def test_genre_is_tallied_by_its_confidence_band() -> None:
    sure = make_report("ann-lee", "negative", "bo-park")
    sure["article"]["genre_confidence"] = 0.9
    unsure = make_report("ann-lee", "negative", "bo-park")
    unsure["article"].update(genre="opinion", genre_confidence=0.6)
    results = [score_report(sure, GOLD), score_report(unsure, GOLD)]
    table = {row["band"]: row for row in aggregate(results)["genre_by_confidence"]}
    assert (table["0.8-1.0"]["items"], table["0.8-1.0"]["right"]) == (1, 1)
    assert (table["0.6-0.8"]["items"], table["0.6-0.8"]["right"]) == (1, 0)


def test_a_wrong_item_is_listed_with_its_confidence() -> None:
    from generator.evaluation.realnews import Tally

    tally = Tally()
    tally.predicted(False, 0.85, "quote 'x' by Nobody")
    tally.predicted(False, None, "actor 'Y'")
    tally.predicted(True, 0.9, "not listed")
    assert tally.errors == ["[0.85] quote 'x' by Nobody", "[-] actor 'Y'"]


def test_source_metadata_is_read_as_a_headline_and_person_names() -> None:
    from generator.evaluation.realnews import expected_headline, expected_names

    meta = {"title": "Bridge to close - Harbor Gazette", "siteName": "Harbor Gazette"}
    assert expected_headline(meta) == "bridge to close"
    by_author = {"title": "Why the bridge fell | Ann Lee", "byline": "By Ann Lee"}
    assert expected_headline(by_author) == "why the bridge fell"
    # a colon inside the headline is not a site-name suffix
    assert expected_headline({"title": "Lee: the bridge stays", "siteName": "Gazette"}) == (
        "lee: the bridge stays"
    )
    assert expected_names({"byline": "By ANN LEE\n  March 3, 2020 4:05 PM"}) == ["ann lee"]
    assert expected_names({"byline": "Bo Park3 Mar 202012"}) == ["bo park"]
    assert expected_names({"byline": "Ann Lee and Bo Park"}) == ["ann lee", "bo park"]
    assert expected_names({"byline": "Harbor Gazette", "siteName": "Harbor Gazette"}) == []
    assert expected_names({"byline": "May 3, 2020 at 6:01 am Updated May 4"}) == []
    assert expected_names({"byline": "Brenda May"}) == ["brenda may"]


def test_meta_checks_compare_strictly_and_as_names(tmp_path: Path) -> None:
    import json

    from generator.evaluation.realnews import meta_checks

    (tmp_path / "meta").mkdir()
    meta = {
        "title": "Bridge to close - Gazette",
        "byline": "By Ann Lee 3 May",
        "siteName": "Gazette",
    }
    (tmp_path / "meta" / "p.json").write_text(json.dumps(meta), encoding="utf-8")
    report = {"article": {"title": "Bridge to Close", "authors": ["Ann Lee"]}}
    out = meta_checks(tmp_path, {"p": report, "no-meta": report})
    assert out["pages"] == 1
    assert (out["title_exact"], out["byline_exact"]) == (0.0, 0.0)
    assert (out["title_headline"], out["byline_names"]) == (1.0, 1.0)
    assert out["misses"][0].endswith("as a headline: equal)")


def test_a_junk_line_the_prose_repeats_is_not_taken_for_junk() -> None:
    from generator.evaluation.realnews import junk_reached

    prose = Located("Mayor Ann Lee said the bridge will close.\nRepairs start in May.")
    page = "Bridge will close\nMayor Ann Lee said the bridge will close.\nRepairs start in May."
    # the dek "Bridge will close" is shown twice on the page, kept once (in the prose): not junk
    assert not junk_reached("Bridge will close", prose, Located(page))
    kept = Located("Bridge will close\nMayor Ann Lee said the bridge will close.")
    assert junk_reached("Bridge will close", kept, Located(page))
    assert junk_reached(
        "Photo: Bo Park", Located("Photo: Bo Park\nText."), Located("Photo: Bo Park")
    )
    assert not junk_reached("Photo: Bo Park", prose, Located("Photo: Bo Park"))
    assert junk_reached("Bridge will close", prose, None)  # without the page: any copy counts


def test_a_junk_line_run_into_its_text_is_still_found() -> None:
    from generator.evaluation.realnews import junk_reached

    text = Located("More information:Maren Holt et al. Winter ferries.")
    assert junk_reached("More information: Maren Holt et al.", text, Located(text.text))
    assert not junk_reached("More information: Maren Holt et al.", Located("Prose."), text)


def test_a_negation_inside_what_was_reported_does_not_negate_the_entry() -> None:
    def timeline_right(event: str, polarity: str | None) -> int:
        report = make_report("ann-lee", "negative", "bo-park")
        entry = report["timeline"][0]
        entry["event"] = event
        if polarity is not None:
            entry["polarity"] = polarity
        return score_report(report, GOLD).tallies["timeline"].right

    # the saying is affirmative; the "not" belongs to what was said
    assert timeline_right("Lee said the bridge would not close", "affirmative") == 1
    # an entry without its own polarity is read from its words
    assert timeline_right("Lee said the bridge would not close", None) == 0
    # an entry that calls itself negated is wrong against an affirmative gold
    assert timeline_right("Lee did not say", "negative") == 0
    negative = {**GOLD["timeline"][0], "polarity": "negative", "verb": "say"}
    gold = {**GOLD, "timeline": [negative]}
    report = make_report("ann-lee", "negative", "bo-park")
    # a negated event must show the negation to the reader, not only in its field
    report["timeline"][0].update(event="Lee did say", polarity="negative")
    assert score_report(report, gold).tallies["timeline"].right == 0
    report["timeline"][0].update(event="Lee did not say")
    assert score_report(report, gold).tallies["timeline"].right == 1


def test_units_compare_by_lemma_irregular_plurals_included() -> None:
    from generator.evaluation.realnews import unit_key

    assert unit_key("people") == unit_key("person")
    assert unit_key("children") == unit_key("child")
    assert unit_key("women") == unit_key("woman")
    assert unit_key("feet") == unit_key("foot")
    assert unit_key("miles") == unit_key("mile")
    assert unit_key("people") != unit_key("child")
    assert unit_key("boxes") == unit_key("box")
    assert unit_key("cases") == unit_key("case")
    assert unit_key("buses") == unit_key("bus")
    assert unit_key("countries") == unit_key("country")
    assert unit_key("dollars") == "USD"
