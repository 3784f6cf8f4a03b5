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
        "for $45 million for the harbour.\n"
    ),
}
PHONE = (375, 740)


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
