"""Web pages in, a clean article out: prose only, metadata from the page, genre, bad pages.

Every page here is a short page written for the test, with the parts real news pages put
around an article (headline, dek, byline, captions, related links, prompts).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ingest import hygiene, pagemeta
from generator.ingest.files import IngestError, parse_article, read_all
from generator.ingest.genre import genre_of
from tests.pages import PARAGRAPHS

BODY = PARAGRAPHS
"""The article body the page tests wrap in page furniture (shared with the fetch tests)."""
TITLE = "Harbour council approves new ferry line"
DEK = "The vote ends three years of debate over the islands' winter isolation."


def page(body: str, head: str = "", url: str = "https://ledger.example/news/ferry-line") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The Coastal Ledger</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="The Coastal Ledger">
{head}
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main>{body}</main>
<footer>Copyright The Coastal Ledger. All rights reserved.</footer>
</body></html>"""


def paragraphs(lines: list[str] = BODY) -> str:
    return "\n".join(f"<p>{line}</p>" for line in lines)


def read(html: str, name: str = "story.html"):
    return parse_article(html.encode("utf-8"), name, "story", ".html")


def full_article(extra_top: str = "", extra_middle: str = "", extra_end: str = "") -> str:
    return f"""<article>
<h1>{TITLE}</h1>
{extra_top}
{paragraphs(BODY[:2])}
{extra_middle}
{paragraphs(BODY[2:])}
{extra_end}
</article>"""


# --------------------------------------------------------------------------- hygiene


def test_headline_and_dek_are_not_sentences_of_the_text():
    head = f'<meta property="og:description" content="{DEK}">'
    article = read(page(full_article(f"<h2>{DEK}</h2>"), head))
    assert article.text.split("\n") == BODY
    assert article.title == TITLE
    assert article.dek == DEK


@pytest.mark.parametrize("attribution", ["Maren Holt, Ph.D.", "\u2014 Maren Holt", "Maren Holt"])
def test_the_name_line_under_a_pull_quote_is_not_prose(attribution):
    quote = "\u201cA ferry every hour changes what winter means on the islands.\u201d"
    middle = f"<blockquote><p>{quote}</p><p>{attribution}</p></blockquote>"
    article = read(page(full_article(extra_middle=middle)))
    assert article.text.split("\n") == [*BODY[:2], quote, *BODY[2:]]


def test_a_quoted_sentence_ending_a_block_quotation_stays():
    middle = "<blockquote><p>The council met at noon.</p><p>Maren Holt said it would pass.</p></blockquote>"
    article = read(page(full_article(extra_middle=middle)))
    assert "Maren Holt said it would pass." in article.text.split("\n")


def test_captions_and_credits_are_filed_as_a_reader_would():
    captions = [
        "Commuters board the new ferry at Harbour Quay.",
        "ferry-quay-1200x800.jpg",
        "14 March 2024",
        "Gallery (12 images)",
        "Photo: Dana Whitfield",
        "Maren Holt/Coastal Ledger",
        "Additional reporting by Bo Ray",
        "Commuters board the new  ferry at Harbour Quay.",
    ]
    credits = [
        "\u00a9 2024 The Coastal Ledger | Privacy Policy | Terms | Contact",
        "BO RAY Coastal Ledger March 14, 2024 12 Comments",
        "Maren Holt/Coastal Ledger",
    ]
    assert hygiene.sort_media(captions, credits) == (
        ["Commuters board the new ferry at Harbour Quay."],
        ["Photo: Dana Whitfield", "Maren Holt/Coastal Ledger", "Additional reporting by Bo Ray"],
    )
    # a long caption that starts with a label stays a caption
    long = (
        "Photo: commuters board the new ferry at Harbour Quay on the first morning of the service."
    )
    assert hygiene.sort_media([long], []) == ([long], [])


def test_a_research_story_s_end_matter_is_not_prose():
    end = (
        "<p><strong>More information:</strong><a href='/doi'>Maren Holt et al. Winter ferries "
        "and island economies,</a></p><p><em>Journal of Coastal Studies</em>(2024).</p>"
        "<p>Citation: Harbour council approves new ferry line (2024, March 14) retrieved "
        "15 March 2024 from https://ledger.example/news/ferry-line</p>"
    )
    article = read(page(full_article(extra_end=end)))
    assert article.text.split("\n") == BODY


def test_a_reference_label_early_in_the_story_is_not_an_end():
    top = "<p>More information: the council will publish the timetable in April.</p>"
    article = read(page(full_article(extra_top=top)))
    assert article.text.split("\n")[-1] == BODY[-1]


def test_opening_paragraph_filled_into_the_description_stays_in_the_text():
    head = f'<meta name="description" content="{BODY[0]}">'
    byline = '<p class="byline">By Dana Whitfield</p>'
    article = read(page(full_article(byline), head))
    assert article.text.split("\n") == BODY
    assert article.dek is None


def test_byline_and_dateline_lines_are_left_out_and_read_as_metadata():
    top = (
        "<div><span>By DANA WHITFIELD and Bo Ray, Staff Writers</span></div>"
        "<p>Updated March 14, 2024 at 4:05 p.m.</p>"
    )
    article = read(page(full_article(top)))
    assert article.text.split("\n") == BODY
    assert article.authors == ["Dana Whitfield", "Bo Ray"]
    assert article.author == "Dana Whitfield, Bo Ray"


def test_captions_and_credits_are_kept_apart_from_the_text():
    figure = (
        '<figure><img src="ferry.jpg" alt="The ferry Nordlys at the old port">'
        "<figcaption>The ferry Nordlys waits at the old port on Monday.</figcaption>"
        '<p class="photo-credit">Photo: J. Smith/Coastal Ledger</p></figure>'
    )
    article = read(page(full_article(extra_middle=figure)))
    assert article.text.split("\n") == BODY
    assert "The ferry Nordlys waits at the old port on Monday." in article.captions
    assert any("J. Smith" in credit for credit in [*article.credits, *article.captions])


def test_related_links_prompts_and_contribution_lines_are_left_out():
    middle = (
        '<p>Related: <a href="/news/quay">Storm damage closes the old quay</a></p>'
        '<div class="related-stories"><h3>More stories</h3><ul>'
        '<li><a href="/a">Island school gets a new roof after the winter storms</a></li>'
        '<li><a href="/b">Fishing quotas cut for the third year running, union says</a></li>'
        "</ul></div>"
        "<p>Sign up for our morning newsletter and get the news in your inbox.</p>"
    )
    end = (
        "<p>Read more: <a href='/c'>How the islands voted</a></p>"
        "<p>Additional reporting by Bo Ray; Editing by Ann Lee</p>"
        "<p>Bo Ray contributed reporting.</p>"
        "<p>This story first appeared on The Island Times.</p>"
    )
    article = read(page(full_article(extra_middle=middle, extra_end=end)))
    assert article.text.split("\n") == BODY
    assert article.source == "The Island Times"


def test_prose_that_looks_like_a_note_stays_in_the_middle_of_the_article():
    middle = [
        "Ann Lee is a reporter for the Island Times who was detained at the quay in March.",
        "Update: The council said on Wednesday that tickets will go on sale in April.",
    ]
    article = read(page(full_article(extra_middle=paragraphs(middle))))
    assert article.text.split("\n") == [*BODY[:2], *middle, *BODY[2:]]


def test_paragraphs_that_share_a_class_are_the_article_whatever_the_class_says():
    styled = "\n".join(f'<p class="commentary-paragraph">{line}</p>' for line in BODY)
    article = read(page(f"<article><h1>{TITLE}</h1>{styled}</article>"))
    assert article.text.split("\n") == BODY


def test_subheads_are_left_out_but_an_opening_sentence_set_as_a_heading_stays():
    lede = (
        "The harbour council has long promised the northern islands a ferry, and on Tuesday "
        "it finally voted for one."
    )
    body = f"""<article><h1>{TITLE}</h1>
<h2>{lede}</h2>
{paragraphs(BODY[:2])}
<h2>What it costs</h2>
{paragraphs(BODY[2:])}</article>"""
    article = read(page(body))
    assert article.text.split("\n") == [lede, *BODY]


def test_a_list_introduced_by_a_colon_keeps_its_items_and_lone_enumerators_go():
    body = f"""<article><h1>{TITLE}</h1>
{paragraphs(BODY[:2])}
<p>The three stops on the line are as follows:<br>1. Old Port<br>2. Skarvik<br>3. North Holm</p>
<p>2.</p>
{paragraphs(BODY[2:])}</article>"""
    article = read(page(body))
    lines = article.text.split("\n")
    assert lines[2:6] == [
        "The three stops on the line are as follows:",
        "1. Old Port",
        "2. Skarvik",
        "3. North Holm",
    ]
    assert "2." not in lines


def test_hover_card_text_does_not_run_into_the_sentence():
    sentence = (
        'Council chair <a href="/p/olsen">Maria Olsen</a><span class="rollover-people">'
        '<span class="rollover-name">Maria Anne Olsen</span>Harbour council chair backs the '
        "island line MORE</span> said the vote was a turning point for the islands."
    )
    body = f"<article><h1>{TITLE}</h1>{paragraphs(BODY[:2])}<p>{sentence}</p>{paragraphs(BODY[2:])}</article>"
    article = read(page(body))
    assert (
        "Council chair Maria Olsen said the vote was a turning point for the islands."
        in article.text.split("\n")
    )
    assert "MORE" not in article.text


def test_mashed_hover_text_is_taken_out_of_a_line():
    mashed = "Gov. Maria OlsenMaria Anne OlsenHarbour council chair backs the line MORE said yes."
    assert hygiene._unmash(mashed) == "Gov. Maria Olsen said yes."


def test_a_dateline_opening_the_story_is_taken_off_and_names_the_wire():
    lines = ["MOSCOW (AP) — " + BODY[0], *BODY[1:]]
    body = f"<article><h1>{TITLE}</h1>{paragraphs(lines)}</article>"
    article = read(page(body, url="https://hosted.example/story"))
    assert article.text.split("\n") == BODY
    assert article.source == "Associated Press"


def test_a_drop_cap_is_put_back_on_its_word():
    lines = ["T he" + BODY[0][3:], *BODY[1:]]
    article = read(page(f"<article><h1>{TITLE}</h1>{paragraphs(lines)}</article>"))
    assert article.text.split("\n")[0] == BODY[0]


@pytest.mark.parametrize(
    ("line", "junk"),
    [
        ("Posted on May 12, 2016, at 10:14 a.m.", True),
        ("Monday, 6 January 2020", True),
        ("Updated 4:52 PM ET, March 9, 2016", True),
        ("The vote was held on March 9, 2016 in the town hall.", False),
    ],
)
def test_a_line_of_only_a_date_is_a_dateline(line, junk):
    assert hygiene.is_date_line(line) is junk


# --------------------------------------------------------------------------- metadata


def test_publication_date_comes_from_json_ld_before_meta_tags_and_never_the_modified_date():
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "datePublished": "2024-03-14T09:30:00Z",
        "dateModified": "2024-03-16T10:00:00Z",
        "author": {"@type": "Person", "name": "Dana Whitfield"},
        "publisher": {"@type": "Organization", "name": "The Coastal Ledger"},
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="article:modified_time" content="2024-03-16T10:00:00Z">'
    )
    body = full_article(extra_end="<p>The first ferry of its kind sailed on June 2, 1998.</p>")
    article = read(page(body, head))
    assert (article.date, article.date_source, article.modified) == (
        "2024-03-14",
        "metadata",
        "2024-03-16",
    )
    assert article.authors == ["Dana Whitfield"]


def test_a_utc_time_gives_way_to_the_same_moment_in_the_outlets_own_zone():
    head = (
        '<meta property="article:published_time" content="2023-01-17T00:30:41+00:00">'
        '<time itemprop="datePublished" datetime="2023-01-16T16:30:41-08:00">Jan. 16</time>'
    )
    assert read(page(full_article(), head)).date == "2023-01-16"


def test_a_modification_before_publication_is_not_used():
    ld = {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2020-01-10T09:00:04Z",
          "dateModified": "2020-01-10T00:59:47Z"}  # fmt: skip
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="article:modified_time" content="2020-01-11T00:59:47Z">'
    )
    assert read(page(full_article(), head)).modified == "2020-01-11"


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By ANN LEE and Bo Ray, Staff Writers | Updated March 3", ["Ann Lee", "Bo Ray"]),
        ("by Mark Dolan22 Dec 2016651", ["Mark Dolan"]),
        ("By Dana Whitfield, Senior Staff Engineer, Harbour Project", ["Dana Whitfield"]),
        ("Richard (R.J.) Voskov", ["Richard (R.J.) Voskov"]),
        ("Linus D. Hartwell", ["Linus D. Hartwell"]),
        ("Our Political Staff", []),
        ("Coastal Ledger News Desk", []),
        ("WKRB STAFF", []),
        ("@harbourledger", []),
    ],
)
def test_a_byline_gives_person_names_only(raw, names):
    assert pagemeta.person_names(raw, ["Coastal Ledger"]) == names


def test_a_desk_byline_is_the_author_string_but_no_person():
    head = '<meta name="author" content="Our Political Staff">'
    article = read(page(full_article(), head))
    assert (article.authors, article.author) == ([], "Our Political Staff")


def test_letter_writers_are_the_authors_of_a_letters_page():
    letters = []
    for name, town, text in [
        ("Ann Lee", "Skarvik", BODY[0]),
        ("Bo Ray", "North Holm", BODY[3]),
    ]:
        letters.append(
            f"<h4>A reader writes</h4><p>{text}</p><p><strong>{name}</strong><br><em>{town}</em></p>"
        )
    head = '<meta name="author" content="Letters to the Editor"><meta property="article:section" content="Letters to the Editor">'
    article = read(page(f"<article><h1>Letters: Ferry line</h1>{''.join(letters)}</article>", head))
    assert article.authors == ["Ann Lee", "Bo Ray"]
    assert article.text.split("\n") == [BODY[0], BODY[3]]
    assert article.genre == "opinion"


def test_a_site_name_nothing_confirms_gives_way_to_the_confirmed_outlet():
    html = (
        page(full_article(), url="https://ledger.example/world/ferry")
        .replace('content="The Coastal Ledger"', 'content="U.S."')
        .replace("| The Coastal Ledger</title>", "| Ledger</title>")
    )
    assert read(html).source == "Ledger"


@pytest.mark.parametrize(
    ("head", "section"),
    [
        ('<meta property="article:section" content="EUNews">', "EU News"),
        ('<meta name="section" content="/world/middle_east">', "Middle East"),
        ("", "Ferries"),
    ],
)
def test_section_from_the_metadata_else_the_address(head, section):
    html = page(
        full_article(), head, url="https://ledger.example/local/ferries/harbour-council-votes"
    )
    assert read(html).section == section


# --------------------------------------------------------------------------- genre


def ld_page(kind: str, extra: dict | None = None) -> str:
    ld = {"@context": "https://schema.org", "@type": kind, "headline": TITLE, **(extra or {})}
    return page(full_article(), f'<script type="application/ld+json">{json.dumps(ld)}</script>')


@pytest.mark.parametrize(
    ("kind", "genre"),
    [
        ("OpinionNewsArticle", "opinion"),
        ("AnalysisNewsArticle", "analysis"),
        ("ReviewNewsArticle", "review"),
        ("LiveBlogPosting", "live"),
        ("NewsArticle", "news"),
    ],
)
def test_genre_from_the_schema_org_type(kind, genre):
    article = read(ld_page(kind))
    assert article.genre == genre
    assert (kind in article.genre_evidence) is (genre != "news")


def test_fact_check_claim_claimant_and_verdict_from_claim_review():
    review = {
        "claimReviewed": "The ferry will cost islanders nothing.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Maria Olsen"}},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 5,
            "alternateName": "Mostly False",
        },
    }
    article = read(ld_page("ClaimReview", review))
    assert article.genre == "fact-check"
    assert article.fact_check is not None
    assert (article.fact_check.claim, article.fact_check.claimant, article.fact_check.verdict) == (
        "The ferry will cost islanders nothing.",
        "Maria Olsen",
        "Mostly False",
    )


@pytest.mark.parametrize(
    ("head", "url", "body_top", "title", "genre", "evidence"),
    [
        (
            '<meta property="article:section" content="Letters to the Editor">',
            None,
            "",
            None,
            "opinion",
            "section",
        ),
        (
            "",
            "https://ledger.example/opinion/ferry-line",
            "",
            None,
            "opinion",
            "URL path /opinion/",
        ),
        ("", None, '<span class="kicker">Analysis</span>', None, "analysis", "label 'Analysis'"),
        ("", None, "", "Review: A ferry worth the wait", "review", "headline"),
        ("", "https://ledger.example/fact-check/ferry", "", None, "fact-check", "URL path"),
        (
            '<meta property="article:section" content="Press Releases">',
            None,
            "",
            None,
            "press-release",
            "section",
        ),
    ],
)
def test_genre_from_section_address_label_or_headline(head, url, body_top, title, genre, evidence):
    headline = title or TITLE
    body = f"<article>{body_top}<h1>{headline}</h1>{paragraphs()}</article>"
    html = page(body, head, url=url or "https://ledger.example/news/ferry-line")
    if title:
        html = html.replace(f"<title>{TITLE}", f"<title>{title}")
    article = read(html)
    assert article.genre == genre
    assert evidence in article.genre_evidence


@pytest.mark.parametrize(
    ("tone", "genre", "evidence"),
    [
        ("news", "analysis", "in the news tone (tone)"),
        ("editorial", "opinion", "meta ledger:type 'Column'"),
        (None, "opinion", "meta ledger:type 'Column'"),
    ],
)
def test_a_column_on_the_news_side_is_analysis(tone, genre, evidence):
    head = '<meta name="ledger:type" content="Column">'
    if tone:
        head += f'<meta name="tone" content="{tone}">'
    article = read(page(f"<article><h1>{TITLE}</h1>{paragraphs()}</article>", head))
    assert article.genre == genre
    assert evidence in article.genre_evidence


COLUMN = [
    "I have taken the island ferry every winter for twenty years, and I believe the council "
    "finally got something right this week.",
    "We need to stop pretending that a quay repair would have solved anything for the islands.",
    "I think the critics mean well, but in my view they have never waited three days for a boat.",
    "It is time to admit that the old arrangement failed the families who live out there.",
    "Let us hope the line runs on time; I am not sure the council knows how hard that will be.",
    "We have to hold them to their promise, and I will be on the first crossing to check.",
]
NARRATIVE = [
    "I climb the path above the old port as the first ferry rounds the point in the mist.",
    "The captain waves me aboard and I find a seat among the crates of winter supplies.",
    "My grandmother made this crossing in an open boat, the captain tells me.",
    "I watch the islands grow out of the grey sea as we sail north for three hours.",
    "On North Holm I meet the families who have waited years for this line to open.",
    "They show me the empty quay and the storm damage that closed it last autumn.",
]


def test_an_author_arguing_in_the_first_person_is_opinion_but_a_narrating_one_is_not():
    column = read(page(f"<article><h1>{TITLE}</h1>{paragraphs(COLUMN)}</article>"))
    assert column.genre == "opinion"
    assert column.genre_evidence.startswith("text: the author argues in the first person")
    feature = read(page(f"<article><h1>{TITLE}</h1>{paragraphs(NARRATIVE)}</article>"))
    assert feature.genre == "news"
    quoted = [f'"{line}" said Maria Olsen.' for line in COLUMN]
    assert read(page(f"<article><h1>{TITLE}</h1>{paragraphs(quoted)}</article>")).genre == "news"


def test_genre_from_a_disclaimer_in_the_text_and_news_by_default():
    disclaimer = "<p>The views expressed in this column are the author's own.</p>"
    assert read(page(full_article(extra_end=disclaimer))).genre == "opinion"
    plain = read(page(full_article()))
    assert (plain.genre, plain.genre_evidence) == (
        "news",
        "no genre label on the page (news by default)",
    )


@pytest.mark.parametrize(
    ("word", "genre"),
    [("Comment", "opinion"), ("Op-Ed", "opinion"), ("News Analysis", "analysis"), ("World", None)],
)
def test_section_words_name_genres(word, genre):
    assert genre_of(word) == genre


# --------------------------------------------------------------------------- bad pages


def test_a_paywall_stub_is_refused_with_the_reason():
    ld = {"@type": "NewsArticle", "headline": TITLE, "isAccessibleForFree": False}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = (
        f"<article><h1>{TITLE}</h1><p>{BODY[0]}</p><p>Subscribe to continue reading.</p></article>"
    )
    with pytest.raises(IngestError, match=r"^stub\.html: not an article: a paywall stub"):
        read(page(body, head), "stub.html")


def test_an_error_page_is_refused():
    body = "<h1>Page not found</h1><p>Sorry, the page you asked for does not exist any more.</p>"
    html = page(body).replace(f"<title>{TITLE} | The Coastal Ledger", "<title>404 Page not found")
    with pytest.raises(IngestError, match=r"^gone\.html: not an article: an error page"):
        read(html, "gone.html")


def test_an_index_page_is_refused():
    items = "".join(
        f'<li><a href="/news/{i}">Harbour council story number {i} of the week</a></li>'
        for i in range(30)
    )
    html = page(
        f"<h1>Latest news</h1><ul>{items}</ul>", '<meta property="og:type" content="website">'
    )
    with pytest.raises(IngestError, match=r"^front\.html: not an article: an index page"):
        read(html, "front.html")


def test_a_video_page_with_no_text_is_refused():
    body = "<h1>Watch: the ferry vote</h1><video src='vote.mp4'></video><p>Watch the council vote on the new line.</p>"
    html = page(body, '<meta property="og:type" content="video.other">')
    with pytest.raises(IngestError, match=r"^video\.html: not an article: a video page"):
        read(html, "video.html")


def test_a_refused_page_does_not_stop_the_others(tmp_path: Path):
    (tmp_path / "good.html").write_text(page(full_article()), "utf-8")
    stub = page(f"<h1>{TITLE}</h1><p>Subscribe to continue reading.</p>")
    (tmp_path / "stub.html").write_text(stub, "utf-8")
    results = dict(read_all(sorted(tmp_path.iterdir())))
    assert results[tmp_path / "good.html"].text.split("\n") == BODY
    error = results[tmp_path / "stub.html"]
    assert isinstance(error, IngestError) and str(error).startswith(f"{tmp_path / 'stub.html'}: ")


# --------------------------------------------------------------------------- saved pages


def test_front_matter_carries_the_page_metadata():
    text = (
        "---\ntitle: Ferry line\nauthors: [Ann Lee, Bo Ray]\nmodified: 2024-03-16\n"
        "section: Local\ngenre: opinion\ngenre_evidence: URL path /opinion/\ndek: A short dek.\n---\n"
        + BODY[0]
    )
    article = parse_article(text.encode(), "a.md", "a", ".md")
    assert article.authors == ["Ann Lee", "Bo Ray"]
    assert (article.modified, article.section, article.genre) == ("2024-03-16", "Local", "opinion")
    assert (article.genre_evidence, article.dek) == ("URL path /opinion/", "A short dek.")


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("genre: gossip", "'genre' must be one of news, opinion"),
        ("authors: {a: 1}", "'authors' must be a list of names"),
        ("modified: soon", "not a YYYY-MM-DD date"),
    ],
)
def test_bad_page_metadata_in_front_matter_is_refused(meta, message):
    with pytest.raises(IngestError, match=message):
        parse_article(f"---\n{meta}\n---\n{BODY[0]}".encode(), "a.md", "a", ".md")
