"""Web pages as articles: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.analysis.analyze import analyze_doc
from generator.cli import main
from generator.ingest.files import IngestError, discover, parse_article
from tests.pages import PARAGRAPHS, news_page


def read(page: str, date: str | None = None, suffix: str = ".html"):
    return parse_article(page.encode("utf-8"), "story.html", "story", suffix, date)


def test_main_text_leaves_out_navigation_and_footer():
    article = read(news_page())
    assert article.text.split("\n") == ["Harbour council approves new ferry line", *PARAGRAPHS]
    assert "Privacy" not in article.text and "Sport" not in article.text


def test_metadata_from_the_markup():
    article = read(news_page())
    assert article.title == "Harbour council approves new ferry line"
    assert (article.date, article.date_source) == ("2024-03-14", "metadata")
    assert article.author == "Dana Whitfield"
    assert article.source == "The Coastal Ledger"
    assert article.url == "https://ledger.example/news/ferry-line"


@pytest.mark.parametrize(
    ("page", "cli_date", "expected"),
    [
        (news_page(date=None), None, (None, "none")),
        (news_page(date=None), "2023-01-05", ("2023-01-05", "cli")),
        (news_page(date="2024-03-14T09:30:00Z"), "2023-01-05", ("2023-01-05", "cli")),
        (news_page(date="2019-11-02"), None, ("2019-11-02", "metadata")),
    ],
)
def test_date_comes_from_the_command_line_or_the_markup(page, cli_date, expected):
    article = read(page, cli_date)
    assert (article.date, article.date_source) == expected


def test_missing_metadata_stays_missing():
    article = read(news_page(author=None, site=None, canonical=None, date=None))
    assert (article.author, article.source, article.url) == (None, None, None)


def test_page_in_a_legacy_charset_is_decoded():
    page = news_page(paragraphs=[p.replace("council", "Bürgerrat") for p in PARAGRAPHS])
    data = page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("iso-8859-1")
    article = parse_article(data, "old.htm", "old", ".htm")
    assert "Bürgerrat" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "story.html: file is empty"),
        (b"  \n", "story.html: file is empty"),
        (b"<html><body><script>var x = 1;</script></body></html>", "story.html: no article text"),
        (b"<html><head><title>T</title></head><body><img src=x></body></html>", "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "story.html: no article text found"),
    ],
)
def test_unreadable_pages_name_the_file(data, message):
    with pytest.raises(IngestError, match=message):
        parse_article(data, "story.html", "story", ".html")


def test_html_files_are_discovered(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "d.css"):
        (tmp_path / name).write_text("x", "utf-8")
    assert [p.name for p in discover([tmp_path])] == ["a.html", "b.HTM", "c.txt"]


def test_every_span_is_a_slice_of_the_extracted_text(nlp):
    article = read(news_page())
    report = analyze_doc(nlp(article.text), article).to_dict()
    spans = [*report["summary"], *report["figures"], *report["temporal_expressions"]]
    spans += [m for actor in report["actors"] for m in actor["mentions"]]
    assert spans
    for span in spans:
        assert article.text[span["start"] : span["end"]] == span["text"]
    assert any(f["value"] == 12_000_000 and f["unit"] == "EUR" for f in report["figures"])


def test_analyze_command_reads_a_page(tmp_path, nlp):
    page = tmp_path / "Ferry Line.html"
    page.write_text(news_page(), "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(page)])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)["article"]
    assert article["id"] == "ferry-line"
    assert article["source"] == "The Coastal Ledger"
    assert article["text"].startswith("Harbour council approves new ferry line\nThe harbour")
