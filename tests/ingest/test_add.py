"""`dossier add`: pages and feeds served from 127.0.0.1 saved into seeds/ as Markdown."""

from __future__ import annotations

import errno
import multiprocessing
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.ingest.add import (
    AddError,
    SeedIndex,
    add_url,
    escape_markdown,
    normalize_url,
    page_markdown,
    write_new,
)
from generator.ingest.fetch import Fetcher, FetchPolicy
from generator.ingest.files import parse_article, split_front_matter
from generator.ingest.webpage import WebPage, extract_page
from tests.pages import PARAGRAPHS, Site, atom, news_page, rss, serve


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to the test server never go through a proxy set in the environment."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def site():
    with serve(Site()) as running:
        yield running


LOCAL = ("--allow-private", "--pace", "0")
"""The test server is on 127.0.0.1: the tests opt in to fetching from it, without a pace."""


def run_add(tmp_path, *args, local=LOCAL):
    seeds, cache = tmp_path / "seeds", tmp_path / ".dossier"
    return CliRunner().invoke(
        main, ["add", *args, *local, "--seeds", str(seeds), "--cache-dir", str(cache)]
    )


def pages(site):
    """The paths the server was asked for, robots.txt left out."""
    return [path for path in site.requests if path != "/robots.txt"]


def story(n: int) -> list[str]:
    """Paragraphs of a different story for each `n`."""
    return [f"Story number {n} begins here. {p}" for p in PARAGRAPHS]


def test_add_saves_markdown_with_front_matter_that_reads_back_as_the_page(tmp_path, site):
    url = site.page("/news/ferry", news_page())
    result = run_add(tmp_path, url)
    assert result.exit_code == 0, result.output
    saved = tmp_path / "seeds" / "harbour-council-approves-new-ferry-line.md"
    assert f"added {saved}" in result.output
    content = saved.read_text("utf-8")
    meta, body = split_front_matter(content, str(saved))
    assert meta == {
        "title": "Harbour council approves new ferry line",
        "date": "2024-03-14",
        "source": "The Coastal Ledger",
        "url": url,
        "author": "Dana Whitfield",
        "authors": ["Dana Whitfield"],
    }
    page = extract_page(news_page().encode("utf-8"), "page", url=url)
    article = parse_article(content.encode("utf-8"), str(saved), "x", ".md")
    assert article.text == page.text == body  # plain prose needs no escaping
    assert (article.date, article.date_source) == ("2024-03-14", "metadata")


def test_same_url_is_refused_without_fetching_again(tmp_path, site):
    url = site.page("/news/ferry", news_page())
    assert run_add(tmp_path, url).exit_code == 0
    again = run_add(tmp_path, url + "#comments")
    assert again.exit_code == 3  # nothing failed; it was already there
    assert "harbour-council-approves-new-ferry-line.md already has the same URL" in again.output
    assert pages(site) == ["/news/ferry"]
    assert len(list((tmp_path / "seeds").iterdir())) == 1


def test_same_text_under_another_url_is_refused(tmp_path, site):
    first = site.page("/a", news_page())
    second = site.page("/b?utm_source=feed", news_page(canonical=None))
    result = run_add(tmp_path, first, second)
    assert result.exit_code == 3
    assert f"{second}: not added" in result.output and "already has the same text" in result.output
    assert len(list((tmp_path / "seeds").iterdir())) == 1


def test_two_stories_with_one_headline_get_two_files(tmp_path, site):
    a = site.page("/a", news_page(paragraphs=story(1), canonical=None))
    b = site.page("/b", news_page(paragraphs=story(2), canonical=None))
    assert run_add(tmp_path, a, b).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "seeds").iterdir())
    assert len(names) == 2 and "harbour-council-approves-new-ferry-line.md" in names
    assert all(name.startswith("harbour-council-approves-new-ferry-line") for name in names)


def test_an_article_put_in_seeds_by_hand_counts_as_a_duplicate(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    url = site.page("/news/ferry", news_page(canonical=None))
    (seeds / "mine.md").write_text(f"---\nurl: {url}/\n---\nSomething else entirely.", "utf-8")
    result = run_add(tmp_path, url)
    assert result.exit_code == 3 and "mine.md already has the same URL" in result.output


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("/missing", "the server answered HTTP 404"),
        ("/data.json", "the server sent application/json, not an HTML page"),
        ("/empty", "no article text found in the HTML page"),
    ],
)
def test_pages_that_cannot_be_added_say_why(tmp_path, site, route, message):
    site.page("/data.json", '{"a": 1}', "application/json")
    site.page("/empty", "<html><body><script>x = 1</script></body></html>")
    result = run_add(tmp_path, site.base + route)
    assert result.exit_code == 1
    assert f"error: {site.base}{route}: {message}" in result.output


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "seeds/a.md"])
def test_only_web_addresses_are_fetched(tmp_path, url):
    result = run_add(tmp_path, url)
    assert result.exit_code == 1
    assert f"{url}: not an http:// or https:// address" in result.output


def test_redirects_are_followed_and_the_asked_url_is_kept(tmp_path, site):
    target = site.page("/final", news_page(canonical=None))
    short = site.redirect("/short", target)
    assert run_add(tmp_path, short).exit_code == 0
    saved = next((tmp_path / "seeds").iterdir()).read_text("utf-8")
    assert f"url: {short}\n" in saved
    assert "same URL" in run_add(tmp_path, target).output


@pytest.mark.parametrize("make_feed", [rss, atom])
def test_feed_adds_only_entries_new_since_the_last_run(tmp_path, site, make_feed):
    for n in range(1, 4):
        site.page(f"/story/{n}", news_page(title=f"Story {n}", paragraphs=story(n), canonical=None))
    site.page("/feed.xml", make_feed([("s1", "/story/1"), ("s2", "/story/2")], site.base))
    first = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert first.exit_code == 0, first.output
    assert "2 new article(s), 0 seen in earlier runs" in first.output
    site.page(
        "/feed.xml",
        make_feed([("s3", "/story/3"), ("s2", "/story/2"), ("s1", "/story/1")], site.base),
    )
    site.requests.clear()
    second = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert "1 new article(s), 2 seen in earlier runs" in second.output
    assert pages(site) == ["/feed.xml", "/story/3"]
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == [
        "story-1.md",
        "story-2.md",
        "story-3.md",
    ]


def test_feed_entry_that_fails_is_tried_again_next_run(tmp_path, site):
    site.page("/feed.xml", rss([("s1", "/story/1")], site.base))
    failed = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert failed.exit_code == 1 and "HTTP 404" in failed.output
    site.page("/story/1", news_page(title="Story 1", paragraphs=story(1), canonical=None))
    again = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert again.exit_code == 0 and "1 new article(s)" in again.output


def test_a_page_that_is_not_a_feed(tmp_path, site):
    site.page("/feed.xml", "<html><body><p>Hello</p></body></html>", "text/html")
    result = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert result.exit_code == 1
    assert f"{site.base}/feed.xml: not an RSS or Atom feed" in result.output


def test_add_needs_something_to_add(tmp_path):
    result = run_add(tmp_path)
    assert result.exit_code == 2 and "give one or more URLs, or --feed URL" in result.output


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://Example.org/a/", "https://example.org/a"),
        ("https://example.org/a?utm_source=x&id=3#top", "https://example.org/a?id=3"),
        ("https://example.org:443/a", "https://example.org/a"),
    ],
)
def test_urls_that_name_the_same_page(a, b):
    assert normalize_url(a) == normalize_url(b)


def test_urls_that_name_different_pages():
    assert normalize_url("https://example.org/a?id=3") != normalize_url(
        "https://example.org/a?id=4"
    )


MARKUP_TEXTS = [
    "A plain sentence. Another one.",
    "# Not a heading\nBody text.",
    "Headline-like line\n---\nMore text.",
    "Rates rose *sharply* and __fast__.",
    "See [the report](https://example.org) now.",
    "An image ![alt](x.png) here.",
    "> quoted line\nnot quoted",
    "```\ncode\n```",
    "Use `grep` and a back\\slash \\* star.",
    "A comment <!-- hidden --> stays.",
    "Totals\n===\n",
    "~~~\nfenced\n~~~",
]


@pytest.mark.parametrize("text", MARKUP_TEXTS)
def test_text_that_looks_like_markup_reads_back_unchanged(text):
    page = WebPage(text=text, title="T", date=None, author=None, source=None, url=None)
    content = page_markdown(page, "https://example.org/a")
    assert parse_article(content.encode("utf-8"), "a.md", "a", ".md").text == text


def test_plain_text_is_saved_without_escapes():
    text = "Prices rose 3.5% (year on year), the office said: 'steady'."
    page = WebPage(text=text, title=None, date=None, author=None, source=None, url=None)
    assert page_markdown(page, "https://example.org/a").endswith("---\n" + text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab #*_`[]()!<>-=~\\\n\t.:'\"&|+{}0123456789 ")),
        min_size=1,
        max_size=60,
    ).filter(lambda t: any(ch.isalnum() for ch in t))  # a text without words is refused
)
def test_any_text_reads_back_unchanged(text):
    page = WebPage(text=text, title="T", date=None, author=None, source=None, url=None)
    try:
        content = page_markdown(page, "https://example.org/a")
    except AddError:
        pytest.fail(f"could not save {text!r}")
    assert parse_article(content.encode("utf-8"), "a.md", "a", ".md").text == text


def test_escaping_only_adds_backslashes():
    text = "a *b* [c](d) <!-- e --> # f"
    assert escape_markdown(text).replace("\\", "") == text


def test_index_is_reused_and_notices_changed_files(tmp_path):
    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\nurl: https://example.org/a\n---\nText one.", "utf-8")
    index = SeedIndex(seeds, cache)
    index.save()
    assert index.find(["https://example.org/a"]) == (seeds / "a.md", "URL")
    (seeds / "a.md").write_text("---\nurl: https://example.org/b\n---\nText two!", "utf-8")
    again = SeedIndex(seeds, cache)
    assert again.find(["https://example.org/a"]) is None
    assert again.find(["https://example.org/b"]) == (seeds / "a.md", "URL")
    assert again.find([], "Text   two!") == (seeds / "a.md", "text")


def test_add_url_checks_the_index_before_fetching(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\nurl: http://127.0.0.1:9/x\n---\nText.", "utf-8")
    outcome = add_url("http://127.0.0.1:9/x", seeds, SeedIndex(seeds, tmp_path / "c"))
    assert outcome.path is None and outcome.duplicate_of == seeds / "a.md"


# -- issue 19: the open web ----------------------------------------------------------------------


def test_a_localhost_url_is_refused_without_the_opt_in(tmp_path, site):
    url = site.page("/news/ferry", news_page())
    result = run_add(tmp_path, url, local=())
    assert result.exit_code == 1
    assert f"error: {url}: 127.0.0.1 is at 127.0.0.1, a loopback address" in result.output
    assert site.requests == [] and not (tmp_path / "seeds").exists()


def test_every_url_is_tried_and_each_bad_one_is_one_line(tmp_path, site):
    good = site.page("/news/ferry", news_page())
    result = run_add(
        tmp_path, "http://exa mple.org/", "http://a.example:abc/", "http://[::1/", good
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "error: http://exa mple.org/: not a valid address" in result.output
    assert "error: http://a.example:abc/: not a valid address" in result.output
    assert "error: http://[::1/: not a valid address (Invalid IPv6 URL)" in result.output
    assert f"added {tmp_path / 'seeds'}" in result.output


def test_a_feed_entry_linking_inside_is_refused_once(tmp_path, site):
    site.page("/story/1", news_page(title="Story 1", paragraphs=story(1), canonical=None))
    feed = rss([("s0", "/x"), ("s1", "/story/1")], site.base).replace(
        f"{site.base}/x", "http://10.9.8.7/internal"
    )
    site.page("/feed.xml", feed)
    only_here = ("--allow-network", "127.0.0.1", "--pace", "0")
    first = run_add(tmp_path, "--feed", f"{site.base}/feed.xml", local=only_here)
    assert first.exit_code == 1
    assert (
        "error: http://10.9.8.7/internal: 10.9.8.7 is at 10.9.8.7, a private address"
        in first.output
    )
    assert "(not tried again)" in first.output and "1 new article(s)" in first.output
    again = run_add(tmp_path, "--feed", f"{site.base}/feed.xml", local=only_here)
    assert again.exit_code == 0, again.output
    assert "0 new article(s), 1 seen in earlier runs, 1 refused earlier" in again.output


def test_a_feed_entry_that_breaks_the_protocol_does_not_stop_the_feed(tmp_path, site):
    site.page("/story/2", news_page(title="Story 2", paragraphs=story(2), canonical=None))
    site.page("/feed.xml", rss([("s1", "/story/1"), ("s2", "/story/2")], site.base))
    # /story/1 answers with a header line no HTTP client accepts
    site.page("/story/1", "x", "text/html\r\nX-Bad: " + "b" * 70_000)
    first = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert first.exit_code == 1 and "Traceback" not in first.output
    assert f"error: {site.base}/story/1: " in first.output
    assert "(tried again next run)" in first.output
    assert (tmp_path / "seeds" / "story-2.md").exists()
    for _ in range(2):
        again = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
        assert again.exit_code == 1
    assert "(failed 3 times; given up)" in again.output
    site.requests.clear()
    last = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert last.exit_code == 0 and pages(site) == ["/feed.xml"]


def test_atom_entries_sharing_an_id_are_all_added(tmp_path, site):
    for n in (1, 2):
        site.page(f"/story/{n}", news_page(title=f"Story {n}", paragraphs=story(n), canonical=None))
    feed = atom([("same", "/story/1"), ("same", "/story/2")], site.base)
    site.page("/feed.xml", feed)
    result = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert result.exit_code == 0, result.output
    assert "2 new article(s), 0 seen in earlier runs" in result.output


def test_a_canonical_url_on_another_site_is_not_trusted(tmp_path, site):
    port = site.base.rsplit(":", 1)[1]
    real = f"http://localhost:{port}/real"  # another host name: another site
    site.page("/real", news_page(title="The real story", paragraphs=story(1), canonical=None))
    liar = site.page("/liar", news_page(title="A copy", paragraphs=story(2), canonical=real))
    assert run_add(tmp_path, liar).exit_code == 0
    result = run_add(tmp_path, real)
    assert result.exit_code == 0, result.output
    assert "/real" in pages(site)


def test_a_canonical_url_on_the_same_site_counts(tmp_path, site):
    canonical = f"{site.base}/canonical"
    first = site.page("/amp", news_page(paragraphs=story(1), canonical=canonical))
    assert run_add(tmp_path, first).exit_code == 0
    again = run_add(tmp_path, canonical)
    assert again.exit_code == 3 and "already has the same URL" in again.output
    assert "/canonical" not in pages(site)


def test_an_article_over_the_build_limit_is_not_saved(tmp_path, site, monkeypatch):
    monkeypatch.setattr("generator.ingest.add.MAX_BYTES", 600)
    url = site.page("/news/ferry", news_page())
    result = run_add(tmp_path, url)
    assert result.exit_code == 1
    assert "as Markdown, over the 600-byte limit for one article in seeds/; not saved" in (
        result.output
    )
    assert not list((tmp_path / "seeds").glob("*.md"))


def test_a_full_disk_is_one_error_and_nothing_is_said_added(tmp_path, site, monkeypatch):
    url = site.page("/news/ferry", news_page())

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("generator.ingest.add.tempfile.mkstemp", full)
    result = run_add(tmp_path, url)
    assert result.exit_code == 1 and "added" not in result.output
    assert f"error: {url}: cannot save into " in result.output
    assert "(No space left on device)" in result.output


def test_an_index_that_cannot_be_saved_is_a_warning(tmp_path, site, monkeypatch):
    url = site.page("/news/ferry", news_page())

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SeedIndex, "save", full)
    result = run_add(tmp_path, url)
    assert result.exit_code == 0 and "added " in result.output
    assert "warning: cannot save the index" in result.output


def test_temporary_files_of_a_killed_add_are_removed(tmp_path, site):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / ".story.md.ab12cd_9.tmp").write_text("half an arti", "utf-8")
    (seeds / ".notes.tmp").write_text("the user's own", "utf-8")
    assert run_add(tmp_path, site.page("/news/ferry", news_page())).exit_code == 0
    assert sorted(p.name for p in seeds.iterdir()) == [
        ".notes.tmp",
        "harbour-council-approves-new-ferry-line.md",
    ]


def test_credentials_in_the_url_are_not_saved(tmp_path, site):
    url = site.page("/news/ferry?id=4&token=s3cr3t&X-Amz-Signature=abc", news_page())
    assert run_add(tmp_path, url).exit_code == 0
    saved = (tmp_path / "seeds" / "harbour-council-approves-new-ferry-line.md").read_text()
    assert f"url: {site.base}/news/ferry?id=4\n" in saved and "s3cr3t" not in saved
    site.requests.clear()
    again = run_add(tmp_path, f"{site.base}/news/ferry?id=4")
    assert again.exit_code == 3 and pages(site) == []  # the address the article gives counts


def test_write_new_never_replaces_a_file(tmp_path):
    names = [tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]
    (tmp_path / "a.md").write_text("first", "utf-8")
    assert write_new(iter(names), "second") == tmp_path / "b.md"
    assert (tmp_path / "a.md").read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def _add_in_process(url: str, seeds: str, cache: str) -> str:
    index = SeedIndex(Path(seeds), Path(cache))
    fetcher = Fetcher(FetchPolicy(allow_private=True, pace=0))
    outcome = add_url(url, Path(seeds), index, fetcher)
    return "added" if outcome.path else "duplicate"


@pytest.mark.parametrize("same_url", [False, True])
def test_ten_adds_at_once_lose_nothing_and_double_nothing(tmp_path, site, same_url):
    """Ten processes at once: same-headline pages each get a file; one URL gets one file."""
    urls = [site.page(f"/s/{n}", news_page(paragraphs=story(n), canonical=None)) for n in range(10)]
    if same_url:
        urls = [urls[0]] * 10
    seeds, cache = tmp_path / "seeds", tmp_path / ".dossier"
    context = multiprocessing.get_context("fork")
    with context.Pool(10) as pool:
        outcomes = pool.starmap(_add_in_process, [(url, str(seeds), str(cache)) for url in urls])
    files = sorted(seeds.glob("*.md"))
    texts = {parse_article(p.read_bytes(), str(p), "x", ".md").text for p in files}
    if same_url:
        assert sorted(outcomes) == ["added"] + ["duplicate"] * 9 and len(files) == 1
    else:
        assert outcomes == ["added"] * 10 and len(files) == 10 and len(texts) == 10
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]


def test_a_page_without_date_markup_gets_no_date_from_its_prose(tmp_path, site):
    prose = [f"Posted 17/05/2023 and revised 2023-05-18 10:00:00. {PARAGRAPHS[0]}", *PARAGRAPHS[1:]]
    url = site.page("/undated", news_page(date=None, canonical=None, paragraphs=prose))
    assert run_add(tmp_path, url).exit_code == 0
    saved = next((tmp_path / "seeds").glob("*.md")).read_text("utf-8")
    assert "\ndate:" not in saved and "Posted 17/05/2023" in saved


def test_a_feed_whose_state_cannot_be_saved_stops_with_one_line(tmp_path, site, monkeypatch):
    for n in (1, 2):
        site.page(f"/story/{n}", news_page(title=f"Story {n}", paragraphs=story(n), canonical=None))
    site.page("/feed.xml", rss([("s1", "/story/1"), ("s2", "/story/2")], site.base))

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("generator.ingest.add.FeedState.save", full)
    result = run_add(tmp_path, "--feed", f"{site.base}/feed.xml")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "added " in result.output and "1 new article(s)" in result.output
    assert "cannot save the feed's state" in result.output
    assert "the rest of the feed is left for the next run" in result.output
