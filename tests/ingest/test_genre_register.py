"""Genre from the register of the text when the page labels nothing, the confidence of every
genre reading, glued link text, and the modification date a page shows.

Every text here is written for the test.
"""

from __future__ import annotations

from generator.ingest import genre, hygiene
from generator.ingest.files import parse_article
from tests.ingest.test_webpage import BODY, TITLE, full_article, page, paragraphs, read

# An argument in the third person: no "I", but questions to the reader, stance adverbs,
# "should", "let's", the present tense and almost no attribution.
ARGUMENT = [
    "The new toll on the harbour bridge is a mistake, and the council surely knows it.",
    "Who pays it? Clearly not the firms that move freight at night, when the toll is waived.",
    "The people who pay are nurses, cleaners and students who cross at dawn on old bicycles.",
    "A toll is a tax on the poorest commuters, dressed up as a plan for cleaner air.",
    "The council should admit that the bridge is not a luxury for the few who live across it.",
    "It is the only road to the hospital, the only road to the port and the only road home.",
    "Let's be honest about what the money is for: it is for the stadium nobody asked for.",
    "Is that a fair trade for a city that says it cares about its workers and their families?",
    "The argument for the toll is that traffic is heavy and the air is dirty on summer days.",
    "That is true, but a toll does not clean the air; it only moves the traffic to the old quay.",
    "The old quay road is narrow, it has no pavement and it runs past two primary schools.",
    "A serious plan should start with buses that run before six and trams that run after ten.",
    "The city has the money for both, since the stadium budget is larger than the bus budget.",
    "A council that wants fewer cars should make the alternative cheaper, not the bridge dearer.",
    "Nobody is against clean air, and nobody is against a budget that adds up at the end.",
    "But a budget that adds up by charging the night nurse is simply a budget that is unjust.",
    "The vote is next month, and there is still time for the council to change its mind.",
    "It should drop the toll, fund the buses and put the stadium back where it belongs.",
]
# A report: the past tense, attributions, no stance of the writer's own.
REPORT = [
    "The harbour council voted on Tuesday to charge a toll on the harbour bridge from March.",
    "The toll will be two euros a crossing, the council's transport office said in a statement.",
    "Council chair Maria Olsen said the money would pay for repairs to the bridge deck.",
    "Opponents said the toll would push traffic onto the quay road, which passes two schools.",
    "The vote passed by seven votes to six after a debate that lasted four hours.",
    "Freight lorries crossing at night will be exempt, according to the council's plan.",
    "A group of hospital workers said they had collected 3,000 signatures against the toll.",
    "The council said it would review the charge after a year.",
    "The bridge was built in 1968 and carries about 40,000 vehicles a day, officials said.",
    "Repairs to its deck were postponed twice because of the cost, the transport office said.",
    "The port authority told reporters it had not been consulted about the plan.",
    "Bus operator Nordlink said it would add two early services from April.",
    "The council will publish the toll's terms next week, a spokesman said on Wednesday.",
    "Cycling groups said they would ask for a free lane to be kept for bicycles.",
    "The toll was first proposed by the council's finance committee in 2021.",
    "A similar charge on the western bridge was dropped in 2019 after protests.",
    "The council said the new toll would raise about 4 million euros a year.",
    "Ms Olsen told the meeting that the deck could not wait another winter.",
    "Shopkeepers on the quay road said they feared the extra traffic.",
    "Police said they would monitor traffic on the quay road during the first month.",
    "The council's next meeting was set for Thursday, its office said.",
]
# An explainer built of questions and their answers.
EXPLAINER = [
    "The harbour council approved a toll on the harbour bridge on Tuesday.",
    "Who has to pay?",
    "Every car and van crossing between six in the morning and ten at night pays two euros.",
    "When does it start?",
    "The first charges are due in March, after a month in which crossings are free.",
    "Where does the money go?",
    "The council says it pays for repairs to the bridge deck and for two new bus services.",
    "Can the toll be challenged?",
    "Residents can object during a six-week consultation that opens next week.",
]


def article_page(
    lines: list[str], head: str = "", url: str = "https://ledger.example/x/toll"
) -> str:
    return page(f"<article><h1>{TITLE}</h1>{paragraphs(lines)}</article>", head, url)


def test_an_unlabelled_argument_is_opinion_but_not_a_confident_one():
    article = read(article_page(ARGUMENT))
    assert article.genre == "opinion"
    assert article.genre_evidence.startswith("text: the register of an argument")
    assert "questions to the reader" in article.genre_evidence
    assert 0.5 <= article.genre_confidence < 0.8


def test_an_unlabelled_report_is_news_with_confidence():
    article = read(article_page(REPORT))
    assert article.genre == "news"
    assert article.genre_confidence >= 0.8
    quoted = [f"\u201c{line}\u201d said Maria Olsen." for line in ARGUMENT]
    assert read(article_page(quoted)).genre == "news"
    british = [f"'{line[:-1]},' said Maria Olsen, the council's critic." for line in ARGUMENT]
    assert read(article_page(british)).genre == "news"


def test_questions_and_their_answers_are_an_explainer():
    article = read(article_page(EXPLAINER))
    assert article.genre == "analysis"
    assert article.genre_evidence.startswith("text: questions and their answers")
    assert article.genre_confidence < 0.8


def test_a_short_text_says_too_little_to_be_sure():
    assert read(page(full_article())).genre_confidence == 0.8
    short = read(article_page(ARGUMENT[:6]))
    assert short.genre == "news" and short.genre_confidence < 0.8


def test_labels_are_surer_than_text_and_markup_surest():
    typed = read(
        article_page(
            REPORT,
            '<script type="application/ld+json">{"@type": "OpinionNewsArticle"}</script>',
        )
    )
    addressed = read(article_page(REPORT, url="https://ledger.example/opinion/toll"))
    assert (typed.genre, addressed.genre) == ("opinion", "opinion")
    assert typed.genre_confidence > addressed.genre_confidence >= 0.8


def test_plain_text_articles_read_their_genre_from_the_text_unless_front_matter_says():
    text = "\n\n".join(ARGUMENT).encode("utf-8")
    assert parse_article(text, "toll.txt", "toll", ".txt").genre == "opinion"
    declared = b"---\ngenre: news\n---\n" + text
    article = parse_article(declared, "toll.md", "toll", ".md")
    assert (article.genre, article.genre_confidence) == ("news", 1.0)


def test_register_counts_only_the_writers_own_words():
    own = genre.register(" ".join(ARGUMENT))
    quoted = genre.register(" ".join(f'"{line}" she said.' for line in ARGUMENT))
    assert own.argues and not quoted.argues


# --------------------------------------------------------------------------- glued links


def test_link_text_run_into_the_next_word_gets_its_space():
    extra = (
        '<p>The islands\u2019 editor <a href="/p/ann">Ann Ostrow</a>reports that the first '
        "crossing sold out within an hour.</p>"
        '<p>Fares were set by <a href="/a">the council</a><a href="/b">Harbour Board</a> after '
        "a long hearing.</p>"
        "<p>The plan was <em>un</em>believable to some and <strong>WIDELY</strong>welcomed by "
        'others, said the <a href="/c">ferry</a>\u2019s captain.</p>'
    )
    lines = read(page(full_article(extra_middle=extra))).text.split("\n")
    assert (
        "The islands\u2019 editor Ann Ostrow reports that the first crossing sold out within an hour."
        in lines
    )
    assert "Fares were set by the council Harbour Board after a long hearing." in lines
    assert (
        "The plan was unbelievable to some and WIDELY welcomed by others, said the ferry\u2019s captain."
        in lines
    )


def test_space_glued_links_counts_what_it_spaced():
    from lxml.html import fromstring

    tree = fromstring(
        "<html><body><p>By<a href='/x'>Ann Lee</a>and <b>Bo</b> Ray</p></body></html>"
    )
    assert hygiene.space_glued_links(tree) == 2
    assert tree.text_content() == "By Ann Lee and Bo Ray"


# --------------------------------------------------------------------------- modified


def test_a_page_dated_twice_was_modified_on_the_later_date():
    head = (
        '<meta itemprop="datePublished" content="2024-03-15T08:00:00Z">'
        '<meta itemprop="datePublished" content="2024-03-14T09:30:00Z">'
    )
    article = read(page(full_article(), head))
    assert (article.date, article.modified) == ("2024-03-14", "2024-03-15")


def test_visible_update_stamps_give_the_modified_date():
    head = '<meta property="article:published_time" content="2024-03-14T09:30:00Z">'
    updated = '<p class="stamp">Updated March 16, 2024 at 4:05 p.m.</p>'
    assert read(page(full_article(updated), head)).modified == "2024-03-16"
    stamps = (
        '<span class="date-stamp">March 14, 2024: 2:41 PM ET</span>',
        '<div class="story-footer"><span class="date-stamp">First published March 14, 2024: '
        "9:30 AM ET</span></div>",
    )
    article = read(page(full_article(stamps[0], extra_end=stamps[1]), head))
    assert article.modified == "2024-03-14"
    assert read(page(full_article(), head)).modified is None
    earlier = '<p class="stamp">Updated March 2, 2024</p>'
    assert read(page(full_article(earlier), head)).modified is None
    both = '<p class="stamp">March 14, 2024 at 9:30 am Updated March 15, 2024 at 1:10 pm</p>'
    assert read(page(full_article(both), head)).modified == "2024-03-15"
    sentence = "<p>The timetable was updated on March 16, 2024.</p>"
    assert read(page(full_article(extra_end=sentence), head)).modified is None


# --------------------------------------------------------------------------- section


def test_a_topic_kicker_by_a_copy_of_the_headline_is_the_section():
    bar = f'<div class="sticky-bar"><h1>{TITLE}</h1></div>'
    header = f'<header><h6><a class="kicker" href="/tag/ferries">island ferries</a></h6><h1>{TITLE}</h1></header>'
    html = page(
        bar + f"<article>{header}{paragraphs(BODY)}</article>", url="https://ledger.example/x"
    )
    assert read(html).section == "island ferries"


def test_the_hosting_address_names_the_section_when_the_original_does_not():
    head = '<meta property="og:url" content="https://portal.example/en-us/news/technology/council-approves-new-ferry-line/ar-12">'
    html = page(full_article(), head, url="https://ledger.example/ferry-line-2024")
    assert read(html).section == "Technology"


def test_front_matter_keeps_the_confidence_of_a_genre_read_from_the_text():
    import pytest

    from generator.ingest.files import IngestError

    head = b"---\ngenre: opinion\ngenre_evidence: 'text: the register of an argument'\ngenre_confidence: 0.6\n---\n"
    article = parse_article(head + b"The council should drop the toll.", "toll.md", "toll", ".md")
    assert (article.genre, article.genre_confidence) == ("opinion", 0.6)
    with pytest.raises(IngestError, match="genre_confidence"):
        parse_article(b"---\ngenre_confidence: 3\n---\nText.", "toll.md", "toll", ".md")


def test_spacing_glued_links_is_linear_in_the_page():
    import time

    from lxml.html import fromstring

    nested = "<span>" * 200 + "Ann Lee" + "</span>" * 200
    links = '<a href="/x">Ann Lee</a>' * 20_000
    tree = fromstring(f"<html><body><p>{nested}reports {links}</p></body></html>")
    started = time.process_time()
    assert hygiene.space_glued_links(tree) == 19_999  # between each two links
    assert time.process_time() - started < 2


# --------------------------------------------------------------------------- outlet


def test_the_publishers_account_names_the_title_the_site_name_shortens():
    head = '<meta name="twitter:site" content="@ledgernews">'
    html = (
        page(full_article(), head)
        .replace('content="The Coastal Ledger"', 'content="Ledger"')
        .replace("https://ledger.example/", "https://www.ledger.example/")
    )
    html = html.replace(
        f"<title>{TITLE} | The Coastal Ledger</title>", f"<title>{TITLE} - Ledger News</title>"
    )
    assert read(html).source == "Ledger News"
    plain = html.replace("@ledgernews", "@ledger")
    assert read(plain).source == "Ledger"


def test_a_saved_page_keeps_the_confidence_of_its_genre():
    from generator.ingest.add import front_matter
    from generator.ingest.webpage import read_page

    saved = front_matter(read_page(article_page(ARGUMENT).encode()), "https://ledger.example/x")
    article = parse_article(f"{saved}\n{chr(10).join(ARGUMENT)}".encode(), "x.md", "x", ".md")
    assert article.genre == "opinion" and article.genre_confidence < 0.8
    assert "genre_confidence:" in saved
    report = front_matter(read_page(article_page(REPORT).encode()), "https://ledger.example/y")
    assert "genre" not in report  # news is the default, written only when the page says otherwise


def test_an_interview_transcript_is_no_explainer():
    transcript = [EXPLAINER[0]]
    for question, answer in zip(EXPLAINER[1::2], EXPLAINER[2::2], strict=True):
        transcript += [f"Q: {question}", f"Olsen: {answer}"]
    assert read(article_page(transcript)).genre == "news"


def test_stamps_of_a_list_of_other_stories_are_no_update():
    head = '<meta property="article:published_time" content="2024-03-14T09:30:00Z">'
    first = '<p><span class="date-stamp">First published March 14, 2024: 9:30 AM ET</span></p>'
    teasers = "".join(
        f'<li><a href="/s{day}">Story {day}</a> <span class="date">March {day}, 2024</span></li>'
        for day in (15, 16, 17)
    )
    html = page(full_article(extra_end=first) + f"<div><ul>{teasers}</ul></div>", head)
    assert read(html).modified is None


# --------------------------------------------------------------------------- form of the text


def test_the_form_of_a_review_a_live_page_and_a_press_release():
    review = read(article_page([*REPORT[:4], "\u2605\u2605\u2605\u2605\u2606", *REPORT[4:8]]))
    assert (review.genre, review.genre_confidence) == ("review", 0.75)
    assert "\u2605\u2605\u2605\u2605\u2606" in review.genre_evidence
    stamps = ["09:41 GMT", "10:05 GMT", "10:32 GMT"]
    live_lines = [line for pair in zip(stamps, REPORT, strict=False) for line in pair]
    assert read(article_page(live_lines)).genre == "live"
    release = read(article_page([*REPORT[:6], "###", "Media contact: press office, 555 0100."]))
    assert release.genre == "press-release"


def test_one_clock_time_or_a_score_in_a_report_is_no_form():
    lines = [*REPORT[:6], "10:05 GMT", "The hospital's rating fell to 3.5 out of 10 last year."]
    assert read(article_page(lines)).genre == "news"
