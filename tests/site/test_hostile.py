"""Hostile articles: every payload through every field, and the built site runs none of it.

Three layers, from fast to thorough:
- every payload × every field rendered to Markdown and converted the way MkDocs does
  (front matter split by MkDocs, the site's own Markdown extensions), checked with html5lib;
- a full `dossier build` (MkDocs + Material) of reports whose every string field carries payloads
  (names, roles, quotes, cues, figures, timeline, caveats, summary, key points, metadata),
  batched into a few dozen reports, then every page, the search index and every XML/JSON file;
- a full `dossier build` of real articles (front matter, Markdown headings, plain text) through
  spaCy and the extractors, and the same checks; then headless Chromium opens the pages, fires
  events on every element, runs searches, and no JavaScript dialog may open.
"""

from __future__ import annotations

import json
import mimetypes
import re
from html import escape
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.cli import main
from generator.ingest.files import IngestError, parse_article
from generator.site.pages import render_site
from generator.site.render import make_env, render_article
from tests.browser import Browser, SiteServer, find_chromium
from tests.hostile_sites import (
    ROOT,
    build_reports,
    front_matter,
    make_project,
    payload_report,
    reference_reports,
    sentence_around,
)
from tests.html_checks import (
    Skeleton,
    fragment_problems,
    page_problems,
    parse_fragment,
    visible_text,
    xml_text_problems,
)
from tests.pagefind_index import search_records
from tests.payloads import FAMILIES, PAYLOADS, URLS, chunks

pytestmark = pytest.mark.slow  # builds sites with MkDocs

TITLE_LENGTH = 190  # page titles are cut at 200 characters
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u200b\ufeff]")


def title_groups(payloads: list[str], limit: int = TITLE_LENGTH) -> list[str]:
    """Payloads joined into titles of at most `limit` characters, in order."""
    groups: list[str] = []
    for payload in payloads:
        if groups and len(groups[-1]) + 1 + len(payload) <= limit:
            groups[-1] += " " + payload
        else:
            groups.append(payload)
    return groups


TITLES = title_groups(PAYLOADS)
BODIES = chunks(PAYLOADS, 41)
URL_PAYLOADS = URLS + [f"https://example.org/{p}" for p in PAYLOADS]


def synthetic_reports():  # type: ignore[no-untyped-def]
    """A few dozen reports that together carry every payload in every report field."""
    reports = []
    for i, title in enumerate(TITLES):
        body = BODIES[i] if i < len(BODIES) else [title]
        report = payload_report(f"payload-{i:02d}", title, body)
        article = report.article.__class__(
            **{
                **report.article.__dict__,
                "source": PAYLOADS[(3 * i) % len(PAYLOADS)],
                "author": PAYLOADS[(3 * i + 1) % len(PAYLOADS)],
                "url": URL_PAYLOADS[i % len(URL_PAYLOADS)],
            }
        )
        reports.append(report.__class__(**{**report.__dict__, "article": article}))
    return reports


def normalise(text: str) -> str:
    """Text as a reader sees it: invisible characters gone, whitespace collapsed."""
    return " ".join(UNPRINTABLE.sub("", " ".join(text.split())).split())


def build(root: Path) -> str:
    """`dossier build` of the project in `root`; the command's output."""
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return result.output


def site_problems(site: Path, skeleton: Skeleton) -> dict[str, list[str]]:
    """Active markup in every HTML page and every XML file of a built site (and that the
    search index was made)."""
    problems: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        found = page_problems(page.read_text("utf-8"), skeleton)
        if found:
            problems[str(page.relative_to(site))] = found
    # The search index (Pagefind's fragments) holds each page's title and text as plain text,
    # not markup: a payload there is words. The search script puts titles in as text and
    # excerpts (which Pagefind escapes) through an inert template keeping only <mark>; the
    # Chromium test below searches for payload words and no dialog may open
    # (tests/site/test_search.py checks the result elements). Here: the index was made.
    if not search_records(site):
        problems["search index"] = ["no page indexed"]
    for feed in sorted(site.rglob("*.xml")):
        found = xml_text_problems(feed.read_text("utf-8"))
        if found:
            problems[str(feed.relative_to(site))] = found
    return problems


def json_problems(site: Path) -> list[str]:
    """JSON files that do not parse or would not be served as JSON."""
    problems = []
    for path in sorted(site.rglob("*.json")):
        if mimetypes.guess_type(path.name)[0] != "application/json":
            problems.append(f"{path}: served as {mimetypes.guess_type(path.name)[0]}")
        try:
            json.loads(path.read_text("utf-8"))
        except ValueError as err:
            problems.append(f"{path}: {err}")
    return problems


# -- the corpus -------------------------------------------------------------------------------


def test_corpus_covers_every_family():
    assert len(PAYLOADS) >= 200
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert all(len(family) >= 8 for family in FAMILIES.values())
    assert len(TITLES) < len(PAYLOADS) / 3  # the full build stays small


@pytest.mark.parametrize(
    "page",
    [
        "<p>x<img src=x onerror=alert(1)></p>",
        '<p><a href=" jav&#x09;ascript:alert(1)">x</a></p>',
        "<title>t</title></title><script>alert(1)</script>",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        '<p><a href="https://e.org/<a href="onmouseover=alert(1)//">a</a>">o</a></p>',
    ],
)
def test_the_checker_finds_injected_markup(page):
    """The checks used below can fail: each of these pages is flagged."""
    assert page_problems(page, Skeleton())


# -- layer 1: every payload × every field, rendered and converted as MkDocs does ----------------


@pytest.fixture(scope="module")
def site_markdown():
    """A converter with the extensions and options of the repository's mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )

    def convert(page: str) -> tuple[dict, str]:
        body, meta = get_data(page)
        converter.reset()
        return meta, converter.convert(body)

    return convert


def _converted_problems(convert, pages: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue
        meta, html = convert(page)
        title = meta.get("title")
        if page.startswith("---") and (not isinstance(title, str) or re.search("[<>&]", title)):
            problems.append(f"{path}: front matter lost or title unsafe: {title!r}")
        problems += [f"{path}: {p}" for p in fragment_problems(html)]
    return problems


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_payload_in_every_field_converts_to_inert_html(family, site_markdown):
    env = make_env()
    problems = []
    for payload in FAMILIES[family]:
        # A URL that is not http(s) is never shown (see test_properties); put one in front.
        url = payload if payload.startswith("http") else f"https://example.org/{payload}"
        report = payload_report("x", payload, [payload])
        article = report.article.__class__(**{**report.article.__dict__, "url": url})
        report = report.__class__(**{**report.__dict__, "article": article})
        problems += _converted_problems(site_markdown, render_article(env, report))
    assert problems == []


def test_site_index_pages_convert_to_inert_html(site_markdown):
    pages = render_site(make_env(), synthetic_reports())
    pages = {path: page for path, page in pages.items() if path.count("/") < 2}
    assert _converted_problems(site_markdown, pages) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_as_date_is_refused_with_the_file_name(payload):
    data = (front_matter(date=payload) + "Body text.\n").encode("utf-8")
    with pytest.raises(IngestError) as err:
        parse_article(data, "seeds/x.md", "x", ".md")
    assert str(err.value).startswith("seeds/x.md: ")


# -- layer 2: a full build of reports that carry payloads in every field -----------------------


@pytest.fixture(scope="module")
def skeleton(tmp_path_factory) -> Skeleton:
    """The vocabulary of a site built from harmless reports of the same shape."""
    site = build_reports(tmp_path_factory.mktemp("reference") / "project", reference_reports())
    return Skeleton.from_pages(p.read_text("utf-8") for p in sorted(site.rglob("*.html")))


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    return build_reports(tmp_path_factory.mktemp("payloads") / "project", synthetic_reports())


def test_payload_site_has_no_active_markup(payload_site, skeleton):
    problems = site_problems(payload_site, skeleton)
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)[:4000]
    assert json_problems(payload_site) == []


def test_payloads_are_shown_as_text(payload_site):
    """Escaping keeps every payload visible, character for character, not dropped."""
    missing = []
    for i, body in enumerate(BODIES):
        shown = visible_text(
            (payload_site / "articles" / f"payload-{i:02d}" / "source" / "index.html").read_text(
                "utf-8"
            )
        )
        missing += [p for p in body if normalise(p) not in normalise(shown)]
    assert missing == []


def test_titles_stay_plain_text_in_the_page_chrome(payload_site):
    for i, title in enumerate(TITLES):
        page = (payload_site / "articles" / f"payload-{i:02d}" / "index.html").read_text("utf-8")
        head_title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert head_title is not None and "<" not in head_title.group(1), title
        h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S)
        assert h1 is not None
        assert normalise("".join(parse_fragment(h1.group(1)).itertext())) == normalise(title)


# -- layer 3: a full `dossier build` of real articles through spaCy ----------------------------


def pipeline_articles() -> dict[str, str]:
    """Articles in four shapes (front matter, Markdown heading, plain text, HTML page) with payloads."""
    articles = {}
    for i, chunk in enumerate(chunks(PAYLOADS, 20)):
        body = "".join(sentence_around(p) for p in chunk)
        if i % 4 == 0:
            meta = front_matter(
                title=chunk[0], date="2025-03-04", source=chunk[1], url=chunk[2], author=chunk[3]
            )
            articles[f"front-{i:02d}.md"] = meta + body
        elif i % 4 == 1:
            heading = " ".join(chunk[0].split())
            articles[f"heading-{i:02d}.md"] = f"# {heading}\n\n{body}"
        elif i % 4 == 2:
            articles[f"plain-{i:02d}.txt"] = body
        else:
            articles[f"page-{i:02d}.html"] = html_page(chunk)
    # Real names carry markup-significant characters too ('&' of a firm, the apostrophe of an
    # Irish surname): an actor's name must reach every page escaped, not be dropped as junk.
    articles["names-00.txt"] = (
        "Ciara O'Hara, a partner at Barlow & Finch, said on Monday that fees rose 4% to $3 "
        "million. Ciara O'Hara said Barlow & Finch would hire staff by March 2026.\n"
    )
    return articles


def html_page(payloads: list[str]) -> str:
    """A news page whose metadata and paragraphs carry payloads, as text and as raw markup."""
    title, author, url, site = (escape(p, quote=True) for p in payloads[:4])
    paragraphs = "".join(
        f"<p>{escape(sentence_around(p)) if n % 2 else sentence_around(p)}</p>\n"
        for n, p in enumerate(payloads)
    )
    return (
        f'<html><head><title>{title}</title><meta name="author" content="{author}">'
        f'<meta property="og:site_name" content="{site}"><link rel="canonical" href="{url}">'
        '<meta property="article:published_time" content="2025-03-04"></head>'
        f"<body><article><h1>{title}</h1>\n{paragraphs}</article></body></html>"
    )


REFERENCE_ARTICLE = "".join(sentence_around("plain words") for _ in range(3))


@pytest.fixture(scope="module")
def pipeline_site(tmp_path_factory, nlp) -> Path:
    articles = {**pipeline_articles(), "reference.txt": REFERENCE_ARTICLE}
    root = make_project(tmp_path_factory.mktemp("pipeline"), articles)
    build(root)
    return root / "site"


def test_pipeline_site_has_no_active_markup(pipeline_site, skeleton):
    # The harmless article's own pages join the vocabulary: real analysis may use more of it.
    own = Skeleton.from_pages(
        p.read_text("utf-8")
        for p in sorted((pipeline_site / "articles" / "reference").rglob("*.html"))
    )
    vocabulary = Skeleton(
        skeleton.scripts | own.scripts,
        skeleton.tags | own.tags,
        skeleton.attributes | own.attributes,
        skeleton.content_tags | own.content_tags,
        skeleton.content_attributes | own.content_attributes,
    )
    problems = site_problems(pipeline_site, vocabulary)
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)[:4000]
    assert json_problems(pipeline_site) == []


def test_payloads_reached_every_report_field(pipeline_site):
    """The pipeline really carried payloads into names, quotes, figures, dates and caveats."""
    reports = [
        json.loads(p.read_text("utf-8"))
        for p in pipeline_site.rglob("report.json")
        if p.parent.name != "reference"
    ]
    assert len(reports) == len(pipeline_articles())
    fields = {
        "title": [r["article"]["title"] for r in reports],
        "source": [r["article"]["source"] for r in reports],
        "url": [r["article"]["url"] for r in reports],
        "author": [r["article"]["author"] for r in reports],
        "actor names": [a["name"] for r in reports for a in r["actors"]],
        "quotes": [q["text"] for r in reports for q in r["quotes"]],
        "figure subjects": [f["subject"] for r in reports for f in r["figures"]],
        "timeline events": [e["event"] for r in reports for e in r["timeline"]],
        "caveat text": [c["text"] for r in reports for c in r["caveats"]],
        "summary": [s["text"] for r in reports for s in r["summary"]],
    }
    hostile = re.compile(r"[<>\"'&{}\[\]*=`|]|alert|javascript", re.I)  # markup-significant
    carried = {
        name: sum(bool(v and hostile.search(v)) for v in values) for name, values in fields.items()
    }
    assert all(carried.values()), carried


# -- headless Chromium: no dialog opens --------------------------------------------------------


def _page_urls(site: Path, base: str, whole_reports: int, per_folder: int = 3) -> list[str]:
    """A sample of pages for the browser (the static checks above read every page).

    Every page of the first `whole_reports` articles, the overview of every third other
    article, every section index, and the first `per_folder` pages of each other folder.
    """
    articles = sorted(p for p in (site / "articles").iterdir() if p.is_dir())
    chosen = [p for a in articles[:whole_reports] for p in sorted(a.rglob("index.html"))]
    chosen += [a / "index.html" for a in articles[whole_reports::3]]
    seen: dict[Path, int] = {}
    for page in sorted(site.rglob("index.html")):
        folder = page.parent.parent
        if page.is_relative_to(site / "articles") and page.parent != site / "articles":
            continue
        if folder == site or page.parent == site or len(page.relative_to(site).parts) <= 2:
            chosen.append(page)  # home and section indexes
        elif seen.setdefault(folder, 0) < per_folder:
            seen[folder] += 1
            chosen.append(page)
    folders = [p.relative_to(site).parent.as_posix() for p in chosen]
    return [base if f == "." else f"{base}{f}/" for f in folders]


@pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed")
def test_no_dialog_opens_in_chromium(payload_site, pipeline_site):
    browser = Browser(find_chromium())  # type: ignore[arg-type]
    try:
        # The probe can fail: a planted page does open a dialog.
        (payload_site / "canary.html").write_text("<p><img src=x onerror=alert(1)></p>", "utf-8")
        with SiteServer(payload_site) as server:
            base = server.url
            browser.visit(base + "canary.html")
            browser.wait(0.5)
            assert browser.dialogs, "the dialog probe does not work"
            browser.dialogs.clear()
            (payload_site / "canary.html").unlink()
            urls = _page_urls(payload_site, base, whole_reports=len(BODIES))
            for url in urls:
                browser.visit(url)
            browser.visit(base + "articles/")
            results = sum(browser.search(q) for q in ("script", "alert", "onerror", "javascript"))
            assert results > 0, "search showed no results, so it was not exercised"
        with SiteServer(pipeline_site) as server:
            base = server.url
            pipeline_urls = _page_urls(pipeline_site, base, whole_reports=2)
            for url in pipeline_urls:
                browser.visit(url)
            browser.search("alert")
        browser.wait(1.0)
        assert browser.dialogs == []
        assert len(urls) + len(pipeline_urls) > 60
    finally:
        browser.close()
