"""Honest labels: an inferred date says so wherever a date is shown; genres show on lists."""

from __future__ import annotations

from dataclasses import replace

from generator.site.pages import render_site
from generator.site.render import make_env
from tests.site.test_pages import FIRST, SECOND, report


def inferred() -> object:
    made = report(
        "guess",
        "2024-04-02",
        "Mayor Ann Lee opened the bridge. \u201cIt is done,\u201d Ann Lee said.",
        actors=[("Ann Lee", "person", ["Mayor"])],
        quotes=[("Ann Lee", "It is done,")],
        title="Bridge opened",
    )
    return replace(made, article=replace(made.article, date_source="inferred", genre="opinion"))


def test_an_inferred_date_is_never_shown_as_the_publication_date():
    pages = render_site(make_env(), [inferred(), SECOND, FIRST])  # type: ignore[list-item]
    for path in ("index.md", "articles/guess/index.md", "actors/person/ann-lee.md"):
        page = pages[path]
        assert "2024&#45;04&#45;02 &#40;inferred&#41;" in page, path
        assert page.count("2024&#45;04&#45;02") == page.count("2024&#45;04&#45;02 &#40;inferred"), (
            path
        )
    # a date from the page's metadata stays bare
    assert "2024&#45;03&#45;02 &#40;inferred" not in pages["index.md"]
    assert "2024&#45;03&#45;02" in pages["index.md"]


def test_genre_shows_on_article_lists_and_pages_but_news_carries_no_label():
    pages = render_site(make_env(), [inferred(), SECOND])  # type: ignore[list-item]
    badge = '<span class="dossier-badge dossier-badge--genre">Opinion</span>'
    assert badge in pages["index.md"]
    assert badge in pages["articles/guess/index.md"]
    assert "dossier-badge--genre" not in pages["articles/second/index.md"]


def test_a_genre_read_from_the_text_alone_is_marked_uncertain():
    made = inferred()
    unsure = replace(made, article=replace(made.article, genre_confidence=0.6))  # type: ignore[attr-defined]
    plain = replace(SECOND, article=replace(SECOND.article, genre_confidence=0.65))
    pages = render_site(make_env(), [unsure, plain])  # type: ignore[list-item]
    page = pages["articles/guess/index.md"]
    assert (
        '<span class="dossier-badge dossier-badge--genre">Opinion</span> <span class="dossier-badge dossier-badge--uncertain"'
        in page
    )
    assert "genre confidence 0.60" in page
    # a news article the text leaves in doubt says so too; a sure one carries no badge
    assert (
        '<span class="dossier-badge dossier-badge--genre">News</span> <span'
        in pages["articles/second/index.md"]
    )
    sure = render_site(make_env(), [inferred(), SECOND])  # type: ignore[list-item]
    assert "genre confidence" not in sure["articles/guess/index.md"]


def test_percentages_are_drawn_against_the_whole():
    from generator.site.charts import bar_chart, bar_scale

    items = [(15.0, None, "a"), (15.0, None, "b")]
    assert [b.width for b in bar_chart(items, bar_scale("%", items))] == [15.0, 15.0]
    # other units: the longest bar is the largest figure
    assert [b.width for b in bar_chart(items, bar_scale("USD", items))] == [100.0, 100.0]
    # a share above the whole (a 150% rise) is drawn against the largest value
    over = [(150.0, None, "a"), (15.0, None, "b")]
    assert bar_scale("%", over) is None


def test_article_chart_says_what_its_scale_is():
    text = "Unemployment fell to 15 percent in May and 15 percent in June."
    made = report(
        "jobs",
        "2024-07-01",
        text,
        figures=[
            ("15 percent", 15, "%", "unemployment fell", "fact"),
            ("15 percent in June", 15, "%", "unemployment fell", "fact"),
        ],
    )
    page = render_site(make_env(), [made])["articles/jobs/figures.md"]
    assert 'width="15.0"' in page and 'width="100.0"' not in page
    assert "to scale&#58; the full width is 100&#37;" in page


def test_an_actor_gets_a_page_only_when_it_adds_something():
    from generator.site.index import SiteIndex

    once = report(
        "once",
        "2024-01-02",
        "Dana Vell watched the Orla river rise. Mayor Ann Lee came.",
        actors=[
            ("Dana Vell", "person", []),
            ("Orla", "place", []),
            ("Ann Lee", "person", ["Mayor"]),
        ],
        title="River",
    )
    again = report(
        "again",
        "2024-01-05",
        "The Orla river fell.",
        actors=[("Orla", "place", [])],
        title="River falls",
    )
    index = SiteIndex([once])
    assert [a.path for a in index.paged_actors()] == ["actors/person/ann-lee.md"]  # a role
    pages = render_site(make_env(), [once])
    assert "actors/person/dana-vell.md" not in pages and "actors/place/orla.md" not in pages
    # listed, without a link, on the article's actors page
    assert "| Dana Vell | person |" in pages["articles/once/actors.md"]
    # a second article naming the river gives it a page, and the first article links to it
    pages = render_site(make_env(), [again, once])
    assert "actors/place/orla.md" in pages and "actors/person/dana-vell.md" not in pages
    assert "[Orla](../../actors/place/orla.md)" in pages["articles/once/actors.md"]


def test_uncertain_items_look_uncertain():
    made = report(
        "unsure",
        "2024-02-02",
        "Ann Lee said the bridge costs 5 million dollars. It opened in 2023.",
        actors=[("Ann Lee", "person", [])],
        figures=[("5 million dollars", 5e6, "USD", "the bridge costs", "fact")],
        timeline=[("2023", "reported")],
    )
    figure = replace(made.figures[0], confidence=0.3)
    event = replace(made.timeline[0], confidence=0.4)
    sure = render_site(make_env(), [made])
    unsure = render_site(make_env(), [replace(made, figures=[figure], timeline=[event])])
    badge = "dossier-badge--uncertain"
    assert badge not in sure["articles/unsure/figures.md"] + sure["articles/unsure/timeline.md"]
    assert badge in unsure["articles/unsure/figures.md"]
    assert badge in unsure["articles/unsure/timeline.md"]
    # and on the cross-article page of the events of 2023
    assert any(badge in text for path, text in unsure.items() if path.startswith("timeline/2023/"))


def test_the_feed_gives_no_publication_date_for_an_inferred_one():
    from generator.site.feed import render_feed

    feed = render_feed([inferred(), SECOND], "S", "https://example.org/")  # type: ignore[list-item]
    items = feed.split("<item>")[1:]
    assert "<pubDate>" not in items[0] and "articles/guess/" in items[0]
    assert "<pubDate>" in items[1]
