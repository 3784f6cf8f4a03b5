"""Rendered pages: golden files, escaping of hostile text, URL filtering."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.model import Report
from generator.site.filters import escape_md, safe_url
from generator.site.pages import render_site
from generator.site.render import make_env
from tests.sample import sample_report

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(make_env(), [sample_report()])


def test_report_json_round_trip():
    report = sample_report()
    assert Report.from_json(report.to_json()) == report
    assert report.to_json() == Report.from_json(report.to_json()).to_json()


def test_page_set(pages):
    # 'Critics' (one article, no role, no quote) is listed on the article's page, with no page
    # of its own; Ann Lee, quoted and given a role, has one.
    assert sorted(pages) == [
        "actors/index.md",
        "actors/person/ann-lee.md",
        "actors/person/index.md",
        "actors/person/names/a.md",
        "articles/by-date/2024.md",
        "articles/index.md",
        "articles/mayor-lee/actors.md",
        "articles/mayor-lee/caveats.md",
        "articles/mayor-lee/figures.md",
        "articles/mayor-lee/index.md",
        "articles/mayor-lee/report.json",
        "articles/mayor-lee/source.md",
        "articles/mayor-lee/timeline.md",
        "caveats/index.md",
        "figures/index.md",
        "figures/usd.md",
        "index.md",
        "timeline/2024.md",
        "timeline/2024/03.md",
        "timeline/index.md",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "index.md",
        "articles/index.md",
        "actors/index.md",
        "actors/person/ann-lee.md",
        "timeline/index.md",
        "timeline/2024.md",
        "figures/index.md",
        "figures/usd.md",
        "caveats/index.md",
        *(
            f"articles/mayor-lee/{p}.md"
            for p in ("index", "actors", "figures", "timeline", "caveats", "source")
        ),
    ],
)
def test_golden_pages(pages, name):
    """Regenerate with: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_render.py"""
    golden = GOLDEN / name.replace("/", "__")
    if UPDATE:
        golden.write_text(pages[name], "utf-8")
    assert pages[name] == golden.read_text("utf-8")


def test_hostile_text_is_inert(pages):
    for name, content in pages.items():
        if name.endswith(".json"):
            continue
        if content.startswith("---\n"):
            front, content = content[4:].split("\n---\n", 1)
            assert "<" not in front and ">" not in front and "&" not in front, name
        assert "<script" not in content, name
        assert "javascript:" not in content, name
        assert "<img" not in content and "<b>" not in content and "<i>" not in content, name
        assert "{{" not in content and "{%" not in content, name


def test_rendering_is_deterministic():
    first = render_site(make_env(), [sample_report()])
    second = render_site(make_env(), [sample_report()])
    assert first == second


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain words", "plain words"),
        ("<script>", "&lt;script&gt;"),
        ("*x* [a](b)", "&#42;x&#42; &#91;a&#93;&#40;b&#41;"),
        ("a | b", "a &#124; b"),
        ("line\nbreak", "line break"),
        (None, ""),
    ],
)
def test_escape_md(value, expected):
    assert escape_md(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.org", None),
        ("https://exa mple.org", None),
        ('https://example.org/"onmouseover="x', "https://example.org/&quot;onmouseover=&quot;x"),
        (None, None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_user_template_overrides_builtin(tmp_path):
    (tmp_path / "home.md.j2").write_text("# My own home ({{ rows|length }})\n", "utf-8")
    pages = render_site(make_env([tmp_path]), [sample_report()])
    assert pages["index.md"] == "# My own home (1)\n"


def test_genre_fact_check_and_uncertain_items_are_labelled():
    """A fact-check says so above its summary with the claim and verdict; a figure below the
    confidence threshold carries an "uncertain" badge; a news article gets no genre label."""
    import dataclasses

    from generator.model import FactCheck

    report = sample_report()
    checked = dataclasses.replace(
        report.article,
        genre="fact-check",
        authors=["Ann Writer", "Bo Checker"],
        fact_check=FactCheck("Parks cost <b>nothing</b>", "Ann Lee", "Mostly False"),
    )
    shaky = dataclasses.replace(report.figures[0], confidence=0.4)
    report = dataclasses.replace(report, article=checked, figures=[shaky])
    pages = render_site(make_env(), [report])
    index = pages["articles/mayor-lee/index.md"]
    assert '<span class="dossier-badge dossier-badge--genre">Fact&#45;check</span>' in index
    assert "Ann Writer, Bo Checker" in index
    assert "**Claim:** Parks cost &lt;b&gt;nothing&lt;/b&gt; (Ann Lee)" in index
    assert "**Verdict:** Mostly False" in index
    figures = pages["articles/mayor-lee/figures.md"]
    assert "dossier-badge--uncertain" in figures
    assert 'title="confidence 0.40' in figures
    plain = render_site(make_env(), [sample_report()])
    assert "dossier-badge--genre" not in plain["articles/mayor-lee/index.md"]
    assert "dossier-badge--uncertain" not in plain["articles/mayor-lee/figures.md"]
