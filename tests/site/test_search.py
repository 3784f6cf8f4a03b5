"""Pagefind search as a reader uses it, in headless Chromium: the box in the header, the right
article for a query, titles and excerpts shown as text however hostile, keys, phone, palettes."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    yield from _serve(root / "site")


def _serve(site: Path) -> Iterator[tuple[Path, str]]:
    server = SiteServer(site)
    try:
        yield site, server.url
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


NO_RESULTS = """
(() => {
  const meta = document.querySelector('.md-search-result__meta');
  const box = document.querySelector('[data-dossier-search]');
  return meta.textContent.trim() === box.dataset.none;
})()
"""


@pytest.fixture(scope="module")
def grown(tmp_path_factory, nlp):
    """A site built, then one article changed and one added: the second build indexes only the
    changed and new pages, beside the first build's index."""
    from generator.mkdocs_plugin import search

    root = make_project(tmp_path_factory.mktemp("grown"), ARTICLES)
    config = ["build", "--strict", "-f", str(root / "mkdocs.yml")]
    assert CliRunner().invoke(main, config).exit_code == 0
    orchard = root / "seeds" / "orchard.md"
    orchard.write_text(orchard.read_text("utf-8").replace("pelicans", "herons"), "utf-8")
    (root / "seeds" / "airship.md").write_text(
        "---\ntitle: Airship museum opens\ndate: 2024-06-01\nsource: Valley Wire\n---\n"
        "A museum of the zeppelin opened in the Tarn valley on Sunday, its director said.\n",
        "utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "RECENT_SHARE", 1.0)  # a small site: keep the base anyway
        result = CliRunner().invoke(main, config)
    assert result.exit_code == 0, result.output
    assert "added to the last full index" in result.output
    yield from _serve(root / "site")


def test_search_after_an_incremental_build_finds_what_a_full_index_would(grown, chromium):
    site, base = grown
    airship, _ = _article(site, "Airship")
    results = _search(chromium, base, "zeppelin")  # only in the new article (recent index)
    assert results and results[0]["href"].startswith(airship), results
    orchard, _ = _article(site, "Orchard")
    results = _search(chromium, base, "herons")  # the changed text
    assert results and results[0]["href"] == orchard + "source/", results
    _search_nothing(chromium, base, "pelicans")  # the old text, hidden in the base index
    results = _search(chromium, base, "frost")  # the orchard in both indexes: shown once
    hrefs = [r["href"] for r in results]
    assert orchard + "source/" in hrefs and len(hrefs) == len(set(hrefs)), results
    fetched = chromium.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => /pagefind/.test(n))"
    )
    assert any(n.endswith("/pagefind/dossier.json") for n in fetched)  # the recent index
    # (itself fetched by Pagefind's worker: it found 'zeppelin' above)


def _search_nothing(chromium: Browser, base: str, query: str) -> None:
    chromium.open(base)
    chromium.evaluate("document.querySelector('.md-search__input').focus()")
    chromium.evaluate(TYPE % json.dumps(query))
    assert chromium.poll(NO_RESULTS, timeout=15), chromium.evaluate(RESULTS)
    assert chromium.evaluate(RESULTS) == []
    assert chromium.errors() == []
