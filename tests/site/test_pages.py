"""Cross-article pages without MkDocs: actors merged across articles, figure conflicts, the feed."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from generator.model import (
    Actor,
    Figure,
    Mention,
    Quote,
    Report,
    Speaker,
    TimelineEntry,
)
from generator.site.charts import bar_chart, histogram, timeline_chart
from generator.site.feed import render_feed
from generator.site.figures import figure_clusters
from generator.site.index import SiteIndex, relative
from generator.site.pages import render_site
from generator.site.render import make_env
from generator.timevalues import timex_interval
from tests.factory import make_article, make_report, where


def report(
    ident: str,
    date: str | None,
    text: str,
    actors: list[tuple[str, str, list[str]]] = (),  # type: ignore[assignment]
    figures: list[tuple[str, float, str, str, str]] = (),  # type: ignore[assignment]
    quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
    title: str | None = None,
    timeline: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> Report:
    """A small report over `text`: actors (name, type, roles), figures, quotes (speaker, words)."""

    made_actors = []
    for name, kind, roles in actors:
        start, end = where(text, name)
        made_actors.append(
            Actor(
                name.lower().replace(" ", "-"), name, kind, roles, [], [Mention(start, end, name)]
            )
        )
    made_figures = []
    for words, value, unit, subject, status in figures:
        start, end = where(text, words)
        made_figures.append(
            Figure("quantity", words, start, end, value, unit, None, subject, None, status)
        )
    made_quotes = []
    for speaker, words in quotes:
        s, e = where(text, speaker)
        qs, qe = where(text, words)
        made_quotes.append(
            Quote(
                "direct",
                words,
                qs,
                qe,
                None,
                Speaker(speaker.lower().replace(" ", "-"), speaker, s, e),
                None,
            )
        )
    entries = []
    for value, status in timeline:
        entries.append(TimelineEntry(value, "day", text, 0, len(text), 0, status))
    article = make_article(
        text, ident, title=title, date=date, date_source="metadata", source="Outlet"
    )
    return make_report(
        article,
        actors=made_actors,
        quotes=made_quotes,
        figures=made_figures,
        timeline=entries,
        generator="",
    )


FIRST = report(
    "first",
    "2024-01-10",
    "Mayor Ann Lee opened the school in Georgia. Unemployment in the valley rose to 5 percent.",
    actors=[("Ann Lee", "person", ["Mayor"]), ("Georgia", "place", [])],
    figures=[("5 percent", 5, "%", "unemployment in the valley rose to 5 percent", "fact")],
)
SECOND = report(
    "second",
    "2024-03-02",
    "Governor Ann Lee met Georgia Brown. \u201cWe build,\u201d Ann Lee said. Unemployment in "
    "the valley rose to 7 percent.",
    actors=[("Ann Lee", "person", ["Governor"]), ("Georgia Brown", "person", [])],
    figures=[("7 percent", 7, "%", "unemployment in the valley rose to 7 percent", "fact")],
    quotes=[("Ann Lee", "We build,")],
)
THIRD = report(
    "third",
    "2024-02-01",
    "Ann Lee spoke to Georgia. Unemployment in the valley rose to 5 percent, and rents "
    "rose by 9 percent.",
    actors=[("Ann Lee", "person", ["mayor"]), ("Georgia", "person", [])],
    figures=[
        ("5 percent", 5, "%", "unemployment in the valley rose to 5 percent", "fact"),
        ("9 percent", 9, "%", "rents rose by 9 percent", "fact"),
    ],
)


def test_actors_merge_by_name_and_type_across_articles():
    index = SiteIndex([SECOND, THIRD, FIRST])
    lee = index.actors["actors/person/ann-lee.md"]
    assert sorted(r.article.id for r, _ in lee.appearances) == ["first", "second", "third"]
    assert [q.text for _, q in lee.quotes] == ["We build,"]
    assert lee.mentions == 3
    # Same name, different type: two pages; a different name of the same type: its own page.
    assert "actors/place/georgia.md" in index.actors
    assert "actors/person/georgia.md" in index.actors
    assert "actors/person/georgia-brown.md" in index.actors


def test_roles_over_time_merge_case_and_keep_dates():
    from generator.site.actors import roles_over_time

    lee = SiteIndex([FIRST, SECOND, THIRD]).actors["actors/person/ann-lee.md"]
    assert [(r["role"], r["first"], r["last"], r["articles"]) for r in roles_over_time(lee)] == [
        ("Mayor", "2024-01-10", "2024-02-01", 2),
        ("Governor", "2024-03-02", "2024-03-02", 1),
    ]


def test_figure_conflicts_are_flagged_and_agreement_is_not():
    clusters = figure_clusters([FIRST, SECOND, THIRD])
    assert len(clusters) == 1  # the rents figure matches nothing
    cluster = clusters[0]
    assert cluster["conflict"] is True
    assert sorted((r.article.id, f.value) for r, f in cluster["entries"]) == [
        ("first", 5),
        ("second", 7),
        ("third", 5),
    ]
    agreeing = figure_clusters([FIRST, THIRD])
    assert len(agreeing) == 1 and agreeing[0]["conflict"] is False


def test_figures_of_one_article_never_conflict_with_each_other():
    both = report(
        "both",
        "2024-01-01",
        "Unemployment in the valley rose to 5 percent, then unemployment in the valley rose to 6 percent.",
        figures=[
            ("5 percent", 5, "%", "unemployment in the valley rose", "fact"),
            ("6 percent", 6, "%", "unemployment in the valley rose", "fact"),
        ],
    )
    assert figure_clusters([both]) == []


def test_plans_are_not_compared_with_facts():
    plan = report(
        "plan",
        "2024-05-01",
        "Unemployment in the valley should fall to 3 percent.",
        figures=[("3 percent", 3, "%", "unemployment in the valley fall", "target")],
    )
    fact = report(
        "fact",
        "2024-05-02",
        "Unemployment in the valley fell to 4 percent.",
        figures=[("4 percent", 4, "%", "unemployment in the valley fell", "fact")],
    )
    assert figure_clusters([plan, fact]) == []


def test_many_articles_on_one_figure_still_cluster():
    """More matching figures than a block compares pairwise still end up in one cluster."""
    reports = [
        report(
            f"a{i}",
            f"2024-01-{1 + i % 28:02d}",
            f"Unemployment in the valley rose to {i} percent.",
            figures=[(f"{i} percent", i, "%", "unemployment in the valley rose", "fact")],
        )
        for i in range(1, 121)
    ]
    clusters = figure_clusters(reports)
    assert len(clusters) == 1 and len(clusters[0]["entries"]) == 120
    # The figures page shows a sample that keeps the extremes, and links to the rest.
    shown = sorted(f.value for _, f in clusters[0]["shown"])
    assert len(shown) == 12 and shown[0] == 1 and shown[-1] == 120
    assert clusters[0]["hidden"] == 108
    pages = render_site(make_env(), reports)
    group = clusters[0]["path"]
    assert group == "figures/percent/group-rose-unemployment-valley.md"
    assert (
        "[unemployment in the valley rose](percent/group-rose-unemployment-valley.md)"
        in (pages["figures/index.md"])
    )
    assert "The newest 12, with the lowest and the highest value; all 120" in pages[group]
    # All 120 are on pages by date: January 2024 holds too many, so it is cut into thirds.
    folder = "figures/percent/group-rose-unemployment-valley"
    assert "[January 2024](2024-01.md)" in pages[f"{folder}/2024.md"]
    assert "[1–10 January 2024](2024-01-01.md)" in pages[f"{folder}/2024-01.md"]
    rows = [
        pages[f"{folder}/2024-01-{day}.md"].count("| [2024&#45;01&#45;")
        for day in ("01", "11", "21")
    ]
    assert rows == [48, 40, 32]


def test_cross_pages_link_to_articles_and_sources():
    pages = render_site(make_env(), [FIRST, SECOND, THIRD])
    lee = pages["actors/person/ann-lee.md"]
    assert "[source](../../articles/second/source.md#s-0)" in lee
    assert "| Mayor | 2024&#45;01&#45;10 | 2024&#45;02&#45;01 | 2 |" in lee
    # Article pages link each actor to its cross-article page.
    assert "[Ann Lee](../../actors/person/ann-lee.md)" in pages["articles/first/actors.md"]
    figures = pages["figures/index.md"]
    assert "Possible conflict: 3 figures in 3 articles" in figures
    assert "[&#37;](percent.md)" in figures
    assert "articles/second/index.md" in pages["index.md"]


def test_home_lists_newest_first():
    pages = render_site(make_env(), [SECOND, THIRD, FIRST])
    home = pages["index.md"]
    assert home.index("articles/second/") < home.index("articles/third/")
    assert home.index("articles/third/") < home.index("articles/first/")


def test_timeline_pages_split_by_year_and_set_plans_apart():
    old = report("old", "2023-06-01", "It rained.", timeline=[("2023-05-30", "reported")])
    new = report(
        "new",
        "2024-06-01",
        "They will vote.",
        timeline=[("2024-07-01", "planned"), ("PAST_REF", "reported")],
    )
    pages = render_site(make_env(), [new, old])
    assert "timeline/2023.md" in pages and "timeline/2024.md" in pages
    assert "[July](2024/07.md) | 0 | 1 |" in pages["timeline/2024.md"]
    assert "Planned or targeted" in pages["timeline/2024/07.md"]
    assert "Planned or targeted" not in pages["timeline/2023/05.md"]
    assert "1 event with a date that cannot be placed" in pages["timeline/index.md"]


def test_feed_is_valid_rss_with_escaped_text():
    hostile = report("x", "2024-02-03", "A <b>bold</b> & \x0bodd claim.", title="<script>&")
    feed = render_feed([hostile, FIRST], "My <site>", "https://example.org/news/", "Desc")
    root = ET.fromstring(feed)
    items = root.findall("./channel/item")
    assert [i.findtext("title") for i in items][0] == "\uff1cscript\uff1e\uff06"  # look-alikes
    assert items[0].findtext("link") == "https://example.org/news/articles/x/"
    assert items[0].findtext("pubDate") == "Sat, 03 Feb 2024 00:00:00 +0000"
    # the description is HTML to feed readers: the article's text stays text there
    assert items[0].findtext("description") == "A &lt;b&gt;bold&lt;/b&gt; &amp; odd claim."
    assert root.findtext("./channel/title") == "My <site>"
    no_site_url = ET.fromstring(render_feed([FIRST], "S", None))
    assert no_site_url.find("./channel/item/guid").get("isPermaLink") == "false"


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("index.md", "articles/a/index.md", "articles/a/index.md"),
        ("actors/person/x.md", "articles/a/source.md#s-2", "../../articles/a/source.md#s-2"),
        ("timeline/2024.md", "timeline/index.md", "index.md"),
        ("articles/index.md", "actors/place/y.md", "../actors/place/y.md"),
    ],
)
def test_relative_links(page, target, expected):
    assert relative(page, target) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-03", (dt.date(2025, 12, 3), dt.date(2025, 12, 3))),
        ("2025-12-03T10:00", (dt.date(2025, 12, 3), dt.date(2025, 12, 3))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2025", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("2025-Q4", (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("2025-H1", (dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
        ("2025-W01", (dt.date(2024, 12, 30), dt.date(2025, 1, 5))),
        ("2025-WI", (dt.date(2025, 12, 1), dt.date(2026, 2, 28))),
        ("XXXX-12-03", None),
        ("PAST_REF", None),
        ("P1Y", None),
        ("2025-02-30", None),
        (None, None),
    ],
)
def test_timex_interval(value, expected):
    assert timex_interval(value) == expected


def test_timeline_chart_places_marks_in_date_order_and_lanes():
    chart = timeline_chart(
        [
            ("2025-03-01", "e-1", False, 1, "a"),
            ("2025-03-01", "e-2", True, 2, "b"),
            ("2025-06", "e-3", False, 3, "c"),
            ("PAST_REF", "e-4", False, 4, "d"),
        ],
        published="2025-04-01",
    )
    assert chart is not None
    marks = {m.number: m for m in chart["marks"]}
    assert sorted(marks) == [1, 2, 3]  # PAST_REF has no place on an axis
    assert marks[1].x == marks[2].x and marks[1].y != marks[2].y  # same day: two lanes
    assert marks[2].planned and not marks[1].planned
    assert marks[3].width > 0 and marks[3].x > marks[1].x  # a month is a bar, later
    assert marks[1].x < chart["published"] < marks[3].x
    assert timeline_chart([("PAST_REF", "e-1", False, 1, "x")]) is None


def test_bar_chart_scales_to_the_largest_value():
    bars = bar_chart([(50, None, "a"), (100, None, "b"), (-25, None, "c"), (10, 20, "d")])
    assert [(b.width, b.extra, b.negative) for b in bars] == [
        (50.0, 0.0, False),
        (100.0, 0.0, False),
        (25.0, 0.0, True),
        (10.0, 10.0, False),
    ]


def test_histogram_stacks_reported_and_planned():
    chart = histogram([("2024", 3, 1), ("2025", 0, 2)])
    first, second = chart["columns"]
    assert first["reported_h"] == 3 * first["planned_h"]
    assert second["reported_h"] == 0 and second["planned_h"] > 0


def test_timeline_chart_shows_empty_years_between_events():
    old = report("old", "2020-06-01", "It rained.", timeline=[("2017-05-30", "reported")])
    new = report("new", "2024-06-01", "They voted.", timeline=[("2020-07-01", "reported")])
    page = render_site(make_env(), [new, old])["timeline/index.md"]
    assert page.count('<g class="dossier-column">') == 4  # 2017 … 2020
    assert "[2018]" not in page  # the table lists only years with events


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("Mark Almer", "actors/person/mark-almer.md"),
        ("Київ", "actors/person/kiiv.md"),
        ("Index", "actors/person/actor-"),  # never the folder's list page
        ("!!!", "actors/person/actor-"),
    ],
)
def test_actor_paths_are_safe(name, path):
    text = f"{name} spoke."
    one = report("one", "2024-01-01", text, actors=[(name, "person", [])])
    (merged,) = SiteIndex([one]).actors.values()
    assert merged.path.startswith(path) and merged.path.endswith(".md")
    assert re.fullmatch(r"actors/person/[a-z0-9-]+\.md", merged.path)


def _same_amount_same_actor():
    """Two articles naming Jane Roe, each with $449,000 in other words."""
    one = report(
        "one",
        "2024-06-01",
        "Jane Roe's campaign paid $449,000 for the event.",
        actors=[("Jane Roe", "PERSON", [])],
        figures=[("$449,000", 449000, "USD", "campaign paid for the event", "fact")],
    )
    two = report(
        "two",
        "2024-06-03",
        "Jane Roe defended a $449,000 contract with the tourism office.",
        actors=[("Jane Roe", "PERSON", [])],
        figures=[("$449,000", 449000, "USD", "contract with the tourism office", "fact")],
    )
    return one, two


def test_same_amount_about_the_same_actor_is_grouped_whatever_the_words():
    one, two = _same_amount_same_actor()
    stranger = report(
        "stranger",
        "2024-06-04",
        "John Poe bought a house for $449,000.",
        actors=[("John Poe", "PERSON", [])],
        figures=[("$449,000", 449000, "USD", "bought a house", "fact")],
    )
    clusters = figure_clusters([one, two, stranger])
    assert [sorted(r.article.id for r, _ in c["entries"]) for c in clusters] == [["one", "two"]]
    assert clusters[0]["conflict"] is False


def test_an_uncertain_figure_is_not_grouped_by_its_amount_alone():
    from dataclasses import replace

    one, two = _same_amount_same_actor()
    assert len(figure_clusters([one, two])) == 1
    shaky = replace(two, figures=[replace(two.figures[0], confidence=0.6)])
    assert figure_clusters([one, shaky]) == []
    # the same words still join it (the rule that compares what the figures measure)
    same = replace(shaky, figures=[replace(shaky.figures[0], subject=one.figures[0].subject)])
    assert len(figure_clusters([one, same])) == 1


def test_an_actor_page_shows_an_interrupted_quote_without_the_narration():
    from dataclasses import replace

    from generator.model import Span as TextSpan

    text = "\u201cWe build,\u201d said Ann Lee, a planner at the bureau. \u201cWe stay.\u201d"
    base = report("fourth", "2024-04-01", text, actors=[("Ann Lee", "person", [])],
                  quotes=[("Ann Lee", "We build,")], title="Harbour works")  # fmt: skip
    first, second = where(text, "We build,"), where(text, "We stay.")
    quote = replace(
        base.quotes[0],
        text=text[first[0] : second[1]],
        end=second[1],
        parts=[TextSpan(text[a:b], a, b) for a, b in (first, second)],
    )
    pages = render_site(make_env(), [replace(base, quotes=[quote])])
    lee = pages["actors/person/ann-lee.md"]
    assert "We build, \u2026 We stay&#46;" in lee
    assert "a planner at the bureau" not in lee
