"""Pagefind search as a reader uses it, in headless Chromium: the box in the header, the right
article for a query, titles and excerpts shown as text however hostile, keys, phone, palettes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.browser import Browser, SiteServer, find_chromium
from tests.hostile_sites import front_matter, make_project
from tests.pagefind_index import search_records

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]
HOSTILE_TITLE = '<img src=x onerror=alert(1)> Ferry "tolls" </mark><script>alert(2)</script>'
ARTICLES = {
    "ferry.md": front_matter(title=HOSTILE_TITLE, date="2024-03-04", source="Bay Gazette")
    + "The ferry company raised tolls by 8% on Friday, the operator said. "
    "Commuters on the northern route pay <b onmouseover=alert(3)>more</b> since March. "
    "Its manager Ines Varga said the tolls pay for two new boats.\n",
    "orchard.md": "---\ntitle: Orchard growers count losses\ndate: 2024-04-10\nsource: Valley Wire\n---\n"
    "Apple growers in the Tarn valley lost a third of their harvest to frost, the growers' "
    "union said on Tuesday. Union head Marc Duval said insurers would pay 40% of the losses. "
    "The frost came after a warm February.\n\n"
    "Further down the valley, beekeepers reported that pelicans nested by the river.\n",
    "schools.md": "---\ntitle: New schools for the district\ndate: 2024-05-02\nsource: Coast Ledger\n---\n"
    "The district will open two schools in 2025, the council said on Monday. Mayor Ruth Olsen "
    "said the schools cost $30 million. Parents asked for a bus line.\n",
}
TYPE = """
(() => {
  const input = document.querySelector('.md-search__input');
  input.value = %s;
  input.dispatchEvent(new Event('input', {bubbles: true}));
})()
"""
RESULTS = """
[...document.querySelectorAll('.md-search-result__item a')].map(a => ({
  href: new URL(a.href).pathname,
  title: a.querySelector('h1').textContent,
  text: a.querySelector('p').textContent,
  marks: [...a.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()),
  tags: [...a.querySelectorAll('*')].map(e => e.tagName.toLowerCase()),
}))
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory, nlp):
    root = make_project(tmp_path_factory.mktemp("search"), ARTICLES)
    result = CliRunner().invoke(main, ["build", "--strict", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "pages indexed by Pagefind" in result.output
    server = SiteServer(root / "site")
    try:
        yield root / "site", server.url
    finally:
        server.close()


@pytest.fixture(scope="module")
def chromium(served):
    browser = Browser(CHROMIUM)  # type: ignore[arg-type]
    try:
        yield browser
    finally:
        browser.close()


def _article(site: Path, word: str) -> tuple[str, str]:
    """The folder URL and title of the article whose title has `word`."""
    for report in sorted(site.glob("articles/*/report.json")):
        title = json.loads(report.read_text("utf-8"))["article"]["title"]
        if word in title:
            return f"/articles/{report.parent.name}/", title
    raise AssertionError(word)


def _search(chromium: Browser, base: str, query: str, width: int = 1366) -> list[dict]:
    chromium.viewport(width, 800)
    chromium.open(base)
    chromium.send("Input.dispatchKeyEvent", type="keyDown", key="/", text="/")
    chromium.send("Input.dispatchKeyEvent", type="keyUp", key="/")
    assert chromium.evaluate("document.activeElement.classList.contains('md-search__input')")
    chromium.evaluate(TYPE % json.dumps(query))
    results = chromium.poll(RESULTS, timeout=15)
    assert chromium.errors() == []
    return results or []


def test_only_the_articles_own_pages_are_indexed_whole(served):
    site, _ = served
    urls = {record["url"]: record for record in search_records(site)}
    orchard, _ = _article(site, "Orchard")
    assert orchard in urls and orchard + "source/" in urls
    # an article's actors, figures, timeline and caveats pages repeat its sentences
    assert not any(url.startswith(orchard) and url.count("/") > 4 for url in urls), urls
    assert "pelicans" in urls[orchard + "source/"]["content"]
    # a cross-article page by its heading and first paragraph only
    actor = next(r for u, r in urls.items() if u.startswith("/actors/") and u.count("/") == 4)
    assert actor["word_count"] < 40


def test_a_query_finds_the_right_article(served, chromium):
    site, base = served
    orchard, title = _article(site, "Orchard")
    results = _search(chromium, base, "frost")
    assert results and all(r["href"].startswith(orchard) for r in results), results
    assert results[0]["title"] in (title, f"Source text: {title}")
    assert "frost" in results[0]["marks"]
    # every word of the text is found, not only the summary's
    deep = _search(chromium, base, "pelicans")
    assert deep and deep[0]["href"] == orchard + "source/", deep
    # only what the query needs is fetched: no whole-site index
    fetched = chromium.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => /pagefind/.test(n))"
    )
    assert any(n.endswith("pagefind.js") for n in fetched)
    assert not any("search_index.json" in n for n in fetched)


def test_hostile_title_and_text_are_shown_as_text(served, chromium):
    site, base = served
    ferry, title = _article(site, "Ferry")
    assert "<script>" in title  # the title reached the report as written
    results = _search(chromium, base, "tolls")
    assert results and results[0]["href"].startswith(ferry), results
    assert results[0]["title"] in (title, f"Source text: {title}")
    for result in results:
        assert set(result["tags"]) <= {"article", "div", "h1", "p", "mark"}, result
    results = _search(chromium, base, "onmouseover alert")
    # the title's angle brackets, in the excerpt too, are shown as the characters they are
    assert any("<script>alert(2)</script>" in r["text"] for r in results), results
    chromium.evaluate(
        "document.querySelectorAll('.md-search-result *').forEach(e => {"
        " e.dispatchEvent(new Event('mouseover')); e.dispatchEvent(new Event('error')); })"
    )
    chromium.wait(0.3)
    assert chromium.dialogs == []
    assert (
        chromium.evaluate(
            "document.querySelectorAll('.md-search img, .md-search script, .md-search b').length"
        )
        == 0
    )


def test_keys_move_through_results_and_close_the_search(served, chromium):
    site, base = served
    results = _search(chromium, base, "schools")
    assert results
    chromium.send("Input.dispatchKeyEvent", type="keyDown", key="ArrowDown", code="ArrowDown")
    focused = chromium.evaluate("new URL(document.activeElement.href || location.href).pathname")
    assert focused == results[0]["href"]
    chromium.send("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape")
    assert chromium.evaluate("document.getElementById('__search').checked") is False


def test_search_on_a_phone_and_in_both_palettes(served, chromium):
    _, base = served
    chromium.viewport(390, 844, mobile=True)
    chromium.open(base)
    chromium.evaluate("document.querySelector('.md-header label[for=__search]').click()")
    chromium.evaluate(TYPE % json.dumps("harvest"))
    assert chromium.poll(RESULTS, timeout=15)
    chromium.wait(0.6)  # the overlay slides in
    box = chromium.evaluate(
        "(() => { const r = document.querySelector('.md-search-result__item').getBoundingClientRect();"
        " return [r.left, r.right, r.width]; })()"
    )
    assert box[0] >= 0 and box[1] <= 390 and box[2] > 300
    colours = {}
    for scheme in ("default", "slate"):
        chromium.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        colours[scheme] = chromium.evaluate(
            "[getComputedStyle(document.querySelector('.md-search__output')).backgroundColor,"
            " getComputedStyle(document.querySelector('.md-search-result h1')).color]"
        )
    assert colours["default"] != colours["slate"]
    assert all(background != text for background, text in colours.values())
