"""The built site in a real browser: headless Chromium driven over the DevTools protocol.

Skipped only when no Chromium is installed (`.ci/run` installs Debian's `chromium`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.browser import Browser, SiteServer, find_chromium
from tests.hostile_sites import make_project

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.browser,  # drives headless Chromium
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]

ARTICLES = {
    "harbour.md": (
        "---\ntitle: Harbour cranes approved\ndate: 2024-05-14\nsource: Coast Ledger\n"
        "url: https://example.org/harbour\n---\n"
        "The port authority of Brightwater approved $40 million for new cranes on Monday. "
        "Port director Lena Ortiz said the cranes will arrive in March 2025. "
        "The old cranes cost $12 million in 2009, the authority said.\n\n"
        "\u201cThis keeps the harbour open,\u201d Ortiz told reporters. Critics say the plan "
        "is too costly.\n"
    ),
    "budget.md": (
        "---\ntitle: Council budget vote\ndate: 2024-06-02\nsource: Valley Wire\n---\n"
        "Finance Minister Olaf Brandt presented the budget on Tuesday. Brandt said the deficit "
        "would shrink to 2% by 2026. Lena Ortiz of the port authority of Brightwater asked "
        "for $45 million for the harbour. Unemployment fell to 15% in April and stayed at 15% "
        "in May, the statistics office said. The council met on May 3, 2024, on May 10, 2024 "
        "and on May 21, 2024.\n"
    ),
}
PHONE = (375, 740)
SCREENS = ((390, 844, True), (1366, 768, False))
"""A phone and a common laptop screen: every page type is checked at both."""


@pytest.fixture(scope="module")
def served(tmp_path_factory, nlp):
    """A small site built from hand-written articles, served over HTTP at its own site_url."""
    root = make_project(tmp_path_factory.mktemp("browser"), ARTICLES)
    (root / "site").mkdir()
    server = SiteServer(root / "site")
    # With site_url set, Material's instant navigation and the sitemap are active, as published.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", server.url)
        result = CliRunner().invoke(main, ["build", "--strict", "-f", str(root / "mkdocs.yml")])
    try:
        assert result.exit_code == 0, result.output
        yield root / "site", server.url
    finally:
        server.close()


@pytest.fixture(scope="module")
def site(served) -> Path:
    return served[0]


@pytest.fixture(scope="module")
def browser(served):
    chromium = Browser(CHROMIUM)  # type: ignore[arg-type]
    try:
        yield chromium, served[1]
    finally:
        chromium.close()


def html_pages(site: Path) -> list[str]:
    """Site-relative URLs of every page (directory URLs), 404 page excluded."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


BROKEN_LINKS_JS = """
(async () => {
  const broken = [];
  const seen = new Map();
  for (const a of document.querySelectorAll('a[href]')) {
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) continue;
    const page = url.origin + url.pathname;
    if (!seen.has(page)) {
      seen.set(page, fetch(page).then(async r => [r.status, r.ok && (r.headers.get('content-type') || '').includes('html') ? await r.text() : '']));
    }
    const [status, body] = await seen.get(page);
    if (status !== 200) { broken.push(a.getAttribute('href') + ' → ' + status); continue; }
    if (url.hash && body) {
      const doc = new DOMParser().parseFromString(body, 'text/html');
      if (!doc.getElementById(decodeURIComponent(url.hash.slice(1)))) broken.push(a.getAttribute('href') + ' → no anchor');
    }
  }
  return broken;
})()
"""


def test_pages_load_without_errors_and_links_resolve(site, browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    pages = html_pages(site)
    assert len(pages) > 20
    checked_links = 0
    for page in pages:
        chromium.open(base + page)
        assert chromium.errors() == [], page
        broken = chromium.evaluate(BROKEN_LINKS_JS)
        assert broken == [], f"{page}: {broken}"
        checked_links += chromium.evaluate("document.querySelectorAll('a[href]').length")
        # The stylesheet applied (its custom property is defined) and nothing came from a CDN.
        assert chromium.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--dossier-high') !== ''"
        ), page
    assert checked_links > 500


def _article(site: Path, title: str) -> str:
    for report in site.glob("articles/*/report.json"):
        if json.loads(report.read_text("utf-8"))["article"]["title"] == title:
            return f"articles/{report.parent.name}/"
    raise AssertionError(title)


def test_timeline_and_charts_render(site, browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    harbour = _article(site, "Harbour cranes approved")
    chromium.open(base + harbour + "timeline/")
    box = chromium.evaluate(
        "(() => { const r = document.querySelector('svg.dossier-timeline__svg').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    assert box[0] > 500 and box[1] > 40
    marks = chromium.evaluate(
        "[...document.querySelectorAll('.dossier-mark circle')].map(c => c.getBoundingClientRect().width)"
    )
    assert len(marks) >= 2 and all(w > 5 for w in marks)
    # Every mark's number is an event in the list under the chart.
    assert chromium.evaluate(
        "[...document.querySelectorAll('.dossier-mark')].every(g => document.getElementById(g.dataset.event))"
    )
    chromium.open(base + harbour + "figures/")
    bars = chromium.evaluate(
        "[...document.querySelectorAll('.dossier-bars__bar rect.dossier-bar')].map(r => r.getBoundingClientRect().width)"
    )
    assert len(bars) >= 2 and max(bars) > 100 and min(bars) > 0
    chromium.open(base + "timeline/")
    assert chromium.evaluate(
        "document.querySelectorAll('.dossier-histogram rect.dossier-column--reported').length"
    )


def test_search_finds_an_actor_by_name(browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    chromium.open(base)
    chromium.evaluate("document.querySelector('.md-search__input').focus()")
    chromium.send("Input.insertText", text="Ortiz")
    results = chromium.poll(
        "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href + ' ' + a.textContent)",
        timeout=15,
    )
    assert results, "no search results for an actor's name"
    assert any("/actors/person/lena-ortiz/" in r for r in results), results


def test_layout_holds_at_phone_width(site, browser):
    chromium, base = browser
    chromium.viewport(*PHONE, mobile=True)
    harbour = _article(site, "Harbour cranes approved")
    try:
        for page in (
            "",
            "articles/",
            harbour,
            harbour + "actors/",
            harbour + "figures/",
            harbour + "timeline/",
            harbour + "source/",
            "actors/",
            "actors/person/lena-ortiz/",
            "figures/",
            "timeline/",
            "caveats/",
        ):
            chromium.open(base + page)
            width = chromium.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE[0], f"{page}: the page is {width}px wide on a {PHONE[0]}px screen"
            # The text column uses the screen: no squeezed or hidden content.
            content = chromium.evaluate(
                "document.querySelector('.md-content').getBoundingClientRect().width"
            )
            assert content > PHONE[0] * 0.85, (page, content)
            assert chromium.errors() == [], page
        # On a phone the timeline keeps its size and scrolls inside its own box.
        chromium.open(base + harbour + "timeline/")
        assert chromium.evaluate(
            "(() => { const s = document.querySelector('.dossier-timeline__scroll');"
            " return s.scrollWidth > s.clientWidth; })()"
        )
    finally:
        chromium.viewport(1280, 900)


def test_instant_navigation_between_pages(site, browser):
    """Clicking through home → article → source sentence works without a full reload or errors."""
    chromium, base = browser
    chromium.viewport(1280, 900)
    chromium.open(base)
    chromium.evaluate("window.__same_document = true")
    # Instant navigation starts once Material has read the sitemap: wait for that first.
    assert chromium.poll(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))"
    )
    chromium.poll("new Promise(r => setTimeout(() => r(true), 300))")
    harbour = _article(site, "Harbour cranes approved")
    # Material rewrites internal links to absolute URLs: match the end of the address.
    selector = json.dumps(f'.md-content a[href$="{harbour}"]')
    chromium.evaluate(f"document.querySelector({selector}).click()")
    assert chromium.poll("location.pathname.endsWith('/" + harbour + "') && document.title")
    assert chromium.poll(
        "document.querySelector('h1') && document.querySelector('h1').textContent.includes('Harbour cranes')"
    )
    chromium.evaluate("document.querySelector('.md-content a[href*=\"source/#s-\"]').click()")
    target = chromium.poll("location.hash.startsWith('#s-') && location.hash")
    assert target
    assert chromium.poll(f"!!document.getElementById({json.dumps(target[1:])})")
    assert chromium.evaluate("window.__same_document === true")  # instant: no full reload
    assert chromium.errors() == []


def test_dark_palette_toggle(browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    chromium.open(base)
    before = chromium.evaluate("document.body.getAttribute('data-md-color-scheme')")
    chromium.evaluate("document.querySelector('label.md-header__button[for^=__palette]').click()")
    after = chromium.poll(
        f"(s => s !== {json.dumps(before)} && s)(document.body.getAttribute('data-md-color-scheme'))"
    )
    assert {before, after} == {"default", "slate"}


def page_kind(page: str) -> str:
    """The type of a page from its URL: article ids, names and dates replaced by placeholders."""
    parts = page.strip("/").split("/") if page else []
    if parts[:1] == ["articles"] and len(parts) >= 2 and parts[1] != "by-date":
        parts[1] = "<article>"
    if parts[:1] == ["actors"] and len(parts) >= 3 and parts[2] != "names":
        parts[2] = "<actor>"
    return "/".join("<n>" if p.isdigit() else p for p in parts) or "<home>"


READER_VIEW = r"""
(() => {
  const inner = window.innerWidth;
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p).overflowX;
      if ((s === 'auto' || s === 'scroll') && p.getBoundingClientRect().right <= inner + 1) return true;
    } return false; };
  const out = {page: document.documentElement.scrollWidth, inner, overflow: [], runon: [],
               svgs: [], tables: []};
  for (const el of document.querySelectorAll('.md-content *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > inner + 1 && !scrolls(el)) out.overflow.push(el.tagName + '.' + el.className);
  }
  // A list or table line left inside a paragraph: the run-on lists of the month pages.
  for (const p of document.querySelectorAll('.md-content p')) {
    if (/(^|\n)\s*([-*+] |\d+\. |\|.*\|)/.test(p.textContent)) out.runon.push(p.textContent.slice(0, 80));
  }
  for (const svg of document.querySelectorAll('.md-content svg')) {
    const r = svg.getBoundingClientRect();
    out.svgs.push([svg.getAttribute('class'), Math.round(r.width), Math.round(r.height), r.left >= -1 || scrolls(svg)]);
  }
  for (const t of document.querySelectorAll('.md-content table')) {
    const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    out.tables.push([t.scrollWidth, box.clientWidth, getComputedStyle(box).overflowX]);
  }
  return out;
})()
"""


def test_every_page_type_as_a_reader_sees_it(site, browser):
    """One page of each type, on a phone and a laptop: nothing overflows the screen (wide
    things scroll in their own box), lists are lists, every chart has a size, tables fit a
    laptop screen, and there are no console errors."""
    chromium, base = browser
    kinds: dict[str, str] = {}
    for page in html_pages(site):
        kinds.setdefault(page_kind(page), page)
    # the page types a site of two articles has
    for kind in (
        "<home>",
        "articles",
        "articles/<article>/figures",
        "actors/person/<actor>",
        "actors/person/names/l",
        "timeline/<n>/<n>",
        "figures/percent",
        "caveats",
    ):
        assert kind in kinds, sorted(kinds)
    try:
        for width, height, mobile in SCREENS:
            chromium.viewport(width, height, mobile=mobile)
            for _kind, page in sorted(kinds.items()):
                chromium.open(base + page)
                seen = chromium.evaluate(READER_VIEW)
                where = f"{page} at {width}px"
                assert seen["page"] <= width, f"{where}: the page is {seen['page']}px wide"
                assert seen["overflow"] == [], f"{where}: {seen['overflow'][:5]}"
                assert seen["runon"] == [], f"{where}: list lines in a paragraph {seen['runon']}"
                for name, w, h, reachable in seen["svgs"]:
                    assert w > 0 and h > 0 and reachable, f"{where}: svg {name} {w}x{h}"
                for table_width, box, overflow in seen["tables"]:
                    # a table scrolls inside its own box on a phone; on a laptop it fits
                    assert overflow in ("auto", "scroll") or table_width <= box, where
                    if not mobile:
                        assert table_width <= box + 1, (
                            f"{where}: a table {table_width}px in {box}px"
                        )
                assert chromium.errors() == [], where
    finally:
        chromium.viewport(1280, 900)


def test_month_page_lists_each_event(site, browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    chromium.open(base + "timeline/2024/05/")
    items = chromium.evaluate(
        "[...document.querySelectorAll('.md-content li')].map(li => li.textContent)"
    )
    # the three meetings of May 2024, each its own item
    assert sum("council met" in i.lower() for i in items) >= 3, items


def test_a_to_scale_chart_draws_percentages_against_the_whole(site, browser):
    chromium, base = browser
    chromium.viewport(1280, 900)
    budget = _article(site, "Council budget vote")
    chromium.open(base + budget + "figures/")
    shares = chromium.evaluate(
        "[...document.querySelectorAll('figure.dossier-bars')].filter(f => f.textContent.includes('%'))"
        ".map(f => [...f.querySelectorAll('svg.dossier-bars__bar')].map(svg => {"
        " const r = svg.querySelector('rect.dossier-bar').getBoundingClientRect();"
        " return [Number(svg.getAttribute('aria-label')), r.width / svg.getBoundingClientRect().width]; }))"
    )
    assert shares and len(shares[0]) >= 2, "no chart of percentages"
    # 15% is drawn as 15% of the width (not stretched to the full width), 2% as 2%
    assert {value for value, _ in shares[0]} >= {15.0}, shares
    assert all(abs(share - value / 100) < 0.01 for value, share in shares[0]), shares
