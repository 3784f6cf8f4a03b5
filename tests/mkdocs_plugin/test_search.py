"""Which pages go into the Pagefind index, and how a page is marked for it."""

from __future__ import annotations

from pathlib import Path

from generator.mkdocs_plugin.plugin import INDEX_PAGES
from generator.mkdocs_plugin.search import BODY, TITLE, build_index, mark_page, search_mode

PAGE = (
    "<html><body><header><h1>Site</h1><p>menu</p></header>"
    '<article class="md-content__inner md-typeset">'
    '<h1 id="x">Lena Ortiz<a class="headerlink" href="#x">¶</a></h1>'
    "<p>Person · in 2 articles</p><p>Quoted sentence.</p></article><footer><p>f</p></footer>"
)


def test_search_mode_by_page():
    assert search_mode("articles/harbour/index.md", True, INDEX_PAGES) == "whole"
    assert search_mode("articles/harbour/source.md", True, INDEX_PAGES) == "whole"
    for page in ("actors", "figures", "timeline", "caveats"):
        assert search_mode(f"articles/harbour/{page}.md", True, INDEX_PAGES) == "none"
    assert search_mode("articles/by-date/2024.md", True, INDEX_PAGES) == "lead"
    assert search_mode("actors/person/lena-ortiz.md", True, INDEX_PAGES) == "lead"
    assert search_mode("actors/index.md", True, INDEX_PAGES) == "whole"
    assert search_mode("about.md", False, INDEX_PAGES) == "whole"


def test_whole_page_marks_the_article_only():
    marked = mark_page(PAGE, "whole")
    assert marked.count(BODY) == 1 and marked.count(TITLE) == 1
    assert f'<article class="md-content__inner md-typeset" {BODY}>' in marked
    assert f'<h1 {TITLE} id="x">' in marked


def test_lead_marks_the_heading_and_first_paragraph_of_the_article():
    marked = mark_page(PAGE, "lead")
    assert marked.count(BODY) == 2
    assert f'<h1 {BODY} {TITLE} id="x">' in marked
    assert f"<p {BODY}>Person · in 2 articles</p><p>Quoted sentence.</p>" in marked
    assert "<header><h1>Site</h1><p>menu</p>" in marked  # the theme's parts stay out


def test_lead_without_a_paragraph_marks_no_paragraph_outside_the_article():
    page = PAGE.replace("<p>Person · in 2 articles</p><p>Quoted sentence.</p>", "<ul></ul>")
    marked = mark_page(page, "lead")
    assert marked.count(BODY) == 1 and "<footer><p>f</p>" in marked


def test_none_and_pages_without_the_article_are_left_alone():
    assert mark_page(PAGE, "none") == PAGE
    assert mark_page("<html><p>404</p></html>", "whole") == "<html><p>404</p></html>"


def test_build_index_reads_only_the_pages_given(tmp_path: Path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(
        mark_page(PAGE.replace("Quoted", "Zanzibar"), "whole"), "utf-8"
    )
    (site / "b" / "index.html").write_text(
        mark_page(PAGE.replace("Quoted", "Timbuktu"), "whole"), "utf-8"
    )
    (site / "pagefind").mkdir()
    (site / "pagefind" / "stale.pf_fragment").write_text("old", "utf-8")
    run = build_index(site, ["a/index.html", "gone/index.html"], tmp_path / "scratch")
    assert run.pages == 1
    assert not (site / "pagefind" / "stale.pf_fragment").exists()
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    assert (site / "pagefind" / "pagefind.js").is_file()
    from tests.pagefind_index import search_records

    records = search_records(site)
    assert [r["url"] for r in records] == ["/a/"]
    assert records[0]["meta"]["title"] == "Lena Ortiz"
    assert "Zanzibar" in records[0]["content"] and "¶" not in records[0]["content"]


def test_build_index_of_no_pages_leaves_no_bundle(tmp_path: Path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    assert build_index(site, [], tmp_path / "scratch").pages == 0
    assert not (site / "pagefind").exists()
