"""Property-based tests (hypothesis) of the reader and of the three ways text enters a page.

Reader: `parse_article` raises nothing but `IngestError`, whatever the bytes; what it returns is
well formed; `.txt` text is verbatim and plain Markdown prose passes through unchanged; every span
of a report is a slice of the article text.

Renderer: `escape_md`, `safe_url` and `yaml_title` output, put where the templates put it and
converted by Python-Markdown with the site's extensions (and with a superset of common
Material/pymdownx extensions the site may enable later), never produces an element or attribute
that the same context with plain text would not have, and the text reads as the input.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.analysis.analyze import analyze_doc
from generator.ingest.files import IngestError, markdown_to_text, parse_article
from generator.site.filters import escape_md, safe_url, yaml_title
from tests.html_checks import parse_fragment
from tests.payloads import PAYLOADS

ROOT = Path(__file__).parent.parent
MARKUP = list("<>&\"'`*_[](){}#!|~=^:+-.\\/$%@;,?\n\t \u00a0\u200b\u2028")
TOKENS = [
    "<script>",
    "</title>",
    "javascript:",
    "onerror=",
    "{{",
    "}}",
    "{%",
    "{:",
    "!!!",
    "???",
    "--8<--",
    "```",
    "~~~",
    "[x]",
    "(y)",
    "![",
    "<!--",
    "-->",
    "&#",
    "&amp;",
    "http://",
    "https://e.org/",
    ":smile:",
    "@user",
    "#123",
    "==",
    "^^",
    "++",
    "$$",
    "///",
    "|",
    "---",
    "    ",
    "\n\n",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n# ",
    "\x00",
    "\x02",
    "\x03",
    "\x1b",
    "\x85",
    "\ufffe",
    "\ud7ff",
    "\U0001f600",
]
hostile_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.sampled_from(MARKUP), max_size=60),
    st.sampled_from(PAYLOADS),
    st.lists(
        st.one_of(st.sampled_from(TOKENS), st.sampled_from(PAYLOADS), st.text(max_size=8)),
        max_size=12,
    ).map("".join),
)
RENDER = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _site_converter() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def _superset_converter(snippets: Path) -> markdown.Markdown:
    """The site's extensions and the Material/pymdownx ones a site commonly adds."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = list(config.markdown_extensions) + [
        "attr_list",
        "md_in_html",
        "def_list",
        "abbr",
        "footnotes",
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.mark",
        "pymdownx.tilde",
        "pymdownx.keys",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.smartsymbols",
        "pymdownx.emoji",
        "pymdownx.magiclink",
        "pymdownx.inlinehilite",
        "pymdownx.snippets",
        "pymdownx.arithmatex",
        "pymdownx.blocks.admonition",
        "pymdownx.blocks.details",
        "pymdownx.blocks.html",
        "pymdownx.blocks.tab",
    ]
    configs = dict(config.mdx_configs)
    configs["pymdownx.snippets"] = {"base_path": [str(snippets)], "check_paths": False}
    configs["pymdownx.magiclink"] = {"social_url_shorthand": True, "repo_url_shorthand": True}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


@pytest.fixture(scope="module")
def converters(tmp_path_factory):
    snippets = tmp_path_factory.mktemp("snippets")
    (snippets / "secret.txt").write_text("SNIPPET-SECRET", "utf-8")
    return {"site": _site_converter(), "superset": _superset_converter(snippets)}


def convert(converter: markdown.Markdown, text: str) -> str:
    converter.reset()
    return converter.convert(text)


def structure(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every element and its attribute names, in document order."""
    return [
        (str(el.tag), tuple(sorted(el.attrib)))
        for el in parse_fragment(html).iter()
        if isinstance(el.tag, str)
    ]


def no_more_markup(found: list, expected: list) -> bool:
    """No element or attribute beyond the expected ones (an empty value may drop one)."""
    return all(found.count(item) <= expected.count(item) for item in found)


def readable(text: str) -> str:
    """Text as a reader sees it after HTML parsing: controls gone, whitespace collapsed."""
    text = re.sub("[\x00-\x08\x0e-\x1b\x7f\ufffd]", "", " ".join(text.split()))
    return " ".join(text.split())


# Where the templates put `|md` output, with {} for the value.
MD_CONTEXTS = [
    "{}\n",
    "Summary: {} ([source](source.md#s-1))\n",
    "- **direct** — {}: “{}” ([source](source.md#s-2))\n",
    "| Name | Type |\n|---|---|\n| {} | person |\n",
    "# Actors: {}\n",
    '!!! danger "{}"\n    {} ([source](source.md#s-3))\n',
    '<span class="dossier-sentence" id="s-4"><mark class="dossier-person" title="{}">{}</mark></span>\n',
    "[{}](x/index.md) — {}\n",
]


@pytest.mark.slow
@RENDER
@given(value=hostile_text, context=st.sampled_from(MD_CONTEXTS))
@example(value="@user and #12", context="{}\n")  # magiclink mentions and issue links
@example(value="??? note", context="{}\n")  # pymdownx.details
@example(value=" /// details | x", context="{}\n")  # pymdownx.blocks
@example(value="[^1]: <b>", context="{}\n")  # footnote definition
def test_escaped_text_adds_no_markup_in_any_template_context(converters, value, context):
    for name, converter in converters.items():
        plain = convert(converter, context.format(*["x"] * context.count("{}")))
        escaped = escape_md(value)
        html = convert(converter, context.format(*[escaped] * context.count("{}")))
        assert no_more_markup(structure(html), structure(plain)), (name, value, html)
        assert "SNIPPET-SECRET" not in html


@pytest.mark.slow
@RENDER
@given(value=hostile_text)
def test_escaped_text_reads_as_the_input(converters, value):
    html = convert(converters["site"], f"{escape_md(value)}\n")
    shown = "".join(parse_fragment(html).itertext())
    assert readable(shown) == readable(value)


@pytest.mark.slow
@RENDER
@given(
    url=st.one_of(
        hostile_text,
        st.sampled_from(
            ["http://", "https://", "HTTPS://", "javascript:", "data:", " http://"]
        ).flatmap(lambda scheme: hostile_text.map(lambda rest: scheme + rest)),
        st.builds(lambda rest: "https://example.org/" + rest, hostile_text),
    )
)
def test_safe_url_gives_one_http_link_or_nothing(converters, url):
    shown = safe_url(url)
    if shown is None:
        return
    for name, converter in converters.items():
        html = convert(
            converter, f'Meta · <a href="{shown}" rel="nofollow noopener">original</a>\n'
        )
        links = [el for el in parse_fragment(html).iter() if el.tag == "a"]
        assert structure(html) == [("DOCUMENT_FRAGMENT", ()), ("p", ()), ("a", ("href", "rel"))], (
            name,
            html,
        )
        href = links[0].get("href")
        assert href == url.strip(), (name, html)
        assert re.match(r"(?i)https?://[^\s]", href)


@RENDER
@given(value=hostile_text)
def test_yaml_title_always_parses_as_a_plain_title(value):
    page = f"---\ntitle: {yaml_title(value)}\n---\n\n# Heading\n"
    body, meta = get_data(page)
    assert body.startswith("# Heading")  # the front matter was recognised and removed
    title = meta["title"]
    assert isinstance(title, str)
    assert not re.search(r"[<>&\\\x00-\x08\x0b\x0c\x0e-\x1f]", title)
    assert title == yaml.safe_load(f"t: {yaml_title(value)}")["t"]
    assert len(title) <= 200


# -- the reader -------------------------------------------------------------------------------

front_matter_values = st.one_of(
    hostile_text,
    st.sampled_from(
        [
            "[a, b]",
            "{a: 1}",
            "&x [1]",
            "*x",
            "!!binary aGk=",
            "2025-02-30",
            "yes",
            "~",
            "1e400",
            "9" * 5000,
        ]
    ),
)


def front_matter_doc(draw_fields: dict[str, str], body: str) -> bytes:
    lines = "".join(f"{k}: {v}\n" for k, v in draw_fields.items())
    return f"---\n{lines}---\n{body}".encode("utf-8", "surrogatepass")


READ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@READ
@given(
    data=st.one_of(
        st.binary(max_size=600),
        hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        hostile_text.map(lambda t: t.encode("utf-16", "surrogatepass")),
        hostile_text.map(
            lambda t: (
                f"<html><head><title>{t}</title></head><body><article><p>{t}</p>"
                f"<p>{t} said the minister.</p></article></body></html>".encode(
                    "utf-8", "surrogatepass"
                )
            )
        ),
        st.builds(
            front_matter_doc,
            st.dictionaries(
                st.sampled_from(["title", "date", "source", "url", "author", "x", "title: t"]),
                front_matter_values,
                max_size=4,
            ),
            hostile_text,
        ),
    ),
    suffix=st.sampled_from([".txt", ".md", ".markdown", ".html"]),
)
def test_reader_raises_only_ingest_errors_and_returns_clean_articles(data, suffix):
    try:
        article = parse_article(data, "seeds/x" + suffix, "x", suffix)
    except IngestError as err:
        assert str(err).startswith("seeds/x" + suffix + ": ")
        return
    assert article.text.strip() and any(ch.isalnum() for ch in article.text)
    assert "\x00" not in article.text
    for field in (article.source, article.url, article.author):
        assert field is None or (isinstance(field, str) and "\n" not in field and len(field) <= 500)
    assert article.title is None or isinstance(article.title, str)
    if article.date is not None:
        dt.date.fromisoformat(article.date)
    if suffix == ".txt":
        assert article.text == data.decode(
            "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        )


prose = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" ,;?'\u2019\u00e9\n"
    ),
    min_size=1,
    max_size=200,
).filter(lambda t: not re.search(r"^\s|^\d+[.)]|\s$|\n\s*\n\s*\n|^ {4}", t, re.M))


@READ
@given(body=prose)
def test_plain_markdown_prose_passes_through_unchanged(body):
    title, text = markdown_to_text(body)
    assert (title, text) == (None, body)


def _spans(value, found):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and isinstance(value["text"], str):
            found.append(value)
        for item in value.values():
            _spans(item, found)
    elif isinstance(value, list):
        for item in value:
            _spans(item, found)
    return found


news_words = st.sampled_from(
    "Minister Ana Silva said on Monday that costs rose 5% to $2 million , . “ ” \" ' "
    "according to officials reportedly may will next year in March 2026 the council <b> "
    "{{ x }} [a](b) *em* — \n \n\n".split(" ")
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.one_of(news_words, st.sampled_from(PAYLOADS)), min_size=3, max_size=60),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_every_report_span_is_a_slice_of_the_article_text(nlp, words, suffix):
    try:
        article = parse_article(" ".join(words).encode(), "x" + suffix, "x", suffix, "2025-03-04")
    except IngestError:
        return
    report = analyze_doc(nlp(article.text), article).to_dict()
    text = report["article"]["text"]
    # Key points are built sentences (not slices) that point at their source sentence.
    checked = {k: v for k, v in report.items() if k not in ("article", "key_points")}
    for span in _spans(checked, []):
        if span["start"] == span["end"] == 0 and span["text"] == "":
            continue  # an article-level caveat
        assert text[span["start"] : span["end"]] == span["text"], span
