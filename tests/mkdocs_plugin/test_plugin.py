"""End to end: a folder of articles → `dossier build` (MkDocs + Material) → checks on the HTML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.hostile_sites import make_project

pytestmark = pytest.mark.slow  # builds sites with MkDocs

HOSTILE = (
    "---\ntitle: \"<script>alert('title')</script> Budget row\"\ndate: 2024-03-06\n"
    'source: Daily <b>Wire</b>\nurl: "javascript:alert(1)"\n---\n'
    "Mayor Ann Lee said the city will spend $2 million on parks <script>alert('body')</script>.\n\n"
    "\u201cWe act now,\u201d Lee told reporters on Monday. [click](javascript:alert(2)) {{ config.site_name }}\n"
)
PLAIN = (
    "Finance Minister Olaf Brandt presented the budget on Tuesday. Brandt said the deficit would "
    "shrink to 2% by 2026, according to the ministry.\n"
)


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name, value in attrs.items():
            if name.startswith("on"):
                self.handlers.append((name, value or ""))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text("utf-8"))
    return collector


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("project"), {"budget-row.md": HOSTILE, "brandt.txt": PLAIN}
    )
    result = CliRunner().invoke(main, ["build", "--strict", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return root


def test_pages_exist(project):
    site = project / "site"
    for page in ("index.html", "articles/index.html", "about/index.html"):
        assert (site / page).is_file(), page
    for ident in ("budget-row", "brandt"):
        for page in ("", "actors/", "figures/", "timeline/", "caveats/", "source/"):
            assert (site / "articles" / ident / page / "index.html").is_file(), (ident, page)
        report = json.loads((site / "articles" / ident / "report.json").read_text("utf-8"))
        assert report["schema"] == "news-report/1"


def test_cross_article_pages_and_feed(project):
    site = project / "site"
    for page in ("actors", "actors/person", "timeline", "figures", "caveats", "tags"):
        assert (site / page / "index.html").is_file(), page
    brandt = (site / "actors" / "person" / "olaf-brandt" / "index.html").read_text("utf-8")
    assert "Finance Minister" in brandt  # the role the article gives him
    assert "../../../articles/brandt/" in brandt
    feed = ET.fromstring((site / "feed.xml").read_text("utf-8"))
    titles = [item.findtext("title") for item in feed.findall("./channel/item")]
    # look-alike brackets: the title reads the same in readers that take it as text or HTML
    assert "\uff1cscript\uff1ealert('title')\uff1c/script\uff1e Budget row" in titles
    home = (site / "index.html").read_text("utf-8")
    assert '<link rel="alternate" type="application/rss+xml"' in home
    source = (site / "articles" / "brandt" / "source" / "index.html").read_text("utf-8")
    assert 'href="../../../feed.xml"' in source


def test_navigation_lists_sections_not_articles(project):
    """Article pages stay out of the global navigation (it is rendered into every page)."""
    home = (project / "site" / "index.html").read_text("utf-8")
    nav = home[home.index('class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "articles/brandt" not in nav and "actors/person" not in nav
    for section in ("articles/", "actors/", "timeline/", "figures/", "caveats/", "tags/"):
        assert f'href="{section}"' in nav, section


def test_internal_links_and_anchors_resolve(project):
    site = project / "site"
    pages = {p: parse(p) for p in site.rglob("*.html")}
    checked = 0
    for page, collected in pages.items():
        if page.name == "404.html":
            continue  # MkDocs writes absolute links there, for use from any depth
        for href in collected.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)} links to missing {href}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in pages[target].ids, (
                    f"{page.relative_to(site)}: no #{parts.fragment} in {target.relative_to(site)}"
                )
                checked += parts.fragment.startswith("s-")
    assert checked > 10  # the source-sentence links were really checked


def test_article_script_stays_inert_text(project):
    site = project / "site"
    for page in site.rglob("*.html"):
        collected = parse(page)
        assert not any("alert" in s for s in collected.scripts), page
        assert not any("alert" in v for _, v in collected.handlers), page
        assert not any(link.lower().startswith("javascript:") for link in collected.links), page
    source = (site / "articles" / "budget-row" / "source" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert" in source
    # Jinja syntax in an article is shown as text, never evaluated.
    assert "&#123;&#123; config&#46;site&#95;name &#125;&#125;" in source


def test_every_sentence_has_an_anchor(project):
    report = json.loads(
        (project / "site" / "articles" / "brandt" / "report.json").read_text("utf-8")
    )
    ids = parse(project / "site" / "articles" / "brandt" / "source" / "index.html").ids
    assert {f"s-{i}" for i in range(len(report["sentences"]))} <= ids


def test_rebuild_uses_cache_and_removal_drops_pages(project):
    runner = CliRunner()
    config = str(project / "mkdocs.yml")
    (project / "seeds" / "new.txt").write_text("The council of Lyon met on Friday.\n", "utf-8")
    result = runner.invoke(main, ["build", "-f", config])
    assert result.exit_code == 0, result.output
    manifest = json.loads((project / ".dossier" / "manifest.json").read_text("utf-8"))
    assert sorted(manifest) == ["brandt.txt", "budget-row.md", "new.txt"]
    assert (project / "site" / "articles" / "new" / "index.html").exists()
    (project / "seeds" / "new.txt").unlink()
    result = runner.invoke(main, ["build", "-f", config])
    assert result.exit_code == 0
    assert not (project / "site" / "articles" / "new").exists()


def test_bad_article_reports_error_and_others_build(project):
    runner = CliRunner()
    config = str(project / "mkdocs.yml")
    bad = project / "seeds" / "broken.md"
    bad.write_bytes(b"---\ntitle: [oops\n---\nBody")
    try:
        result = runner.invoke(main, ["build", "-f", config])
        assert result.exit_code == 1
        assert "broken.md: front matter is not valid YAML" in result.output
        assert (project / "site" / "articles" / "brandt" / "index.html").exists()
        # A previously good article that breaks keeps its last good pages.
        good = project / "seeds" / "brandt.txt"
        good.write_bytes(b"Budget \xfa not utf8 \xc3")
        result = runner.invoke(main, ["build", "-f", config])
        assert result.exit_code == 1
        assert "brandt.txt: not valid UTF-8" in result.output
        assert "keeping the report from its last good version" in result.output
        assert (project / "site" / "articles" / "brandt" / "source" / "index.html").exists()
    finally:
        bad.unlink(missing_ok=True)
        (project / "seeds" / "brandt.txt").write_text(PLAIN, "utf-8")


def test_builds_are_byte_identical(project, tmp_path):
    config = str(project / "mkdocs.yml")
    runner = CliRunner()
    outputs = []
    for n in range(2):
        out = tmp_path / f"export{n}"
        result = runner.invoke(main, ["export", str(out), "-f", config])
        assert result.exit_code == 0, result.output
        outputs.append(
            {
                p.relative_to(out).as_posix(): p.read_bytes()
                for p in sorted(out.rglob("*"))
                if p.is_file()
            }
        )
    assert outputs[0] == outputs[1]
    assert "articles/brandt/report.json" in outputs[0]
