"""Builders for the hostile test sites: projects of articles, and reports carrying payloads."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.model import (
    Actor,
    Caveat,
    Figure,
    KeyPoint,
    Mention,
    Quote,
    Report,
    Span,
    Speaker,
    TimeExpression,
    TimelineEntry,
)
from tests.factory import make_article, make_report

ROOT = Path(__file__).parent.parent


def make_project(root: Path, articles: dict[str, bytes | str]) -> Path:
    """A site project in `root`: the repository's mkdocs.yml and docs/, and `articles` in seeds/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, content in articles.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return root


def front_matter(**fields: str) -> str:
    """A YAML front matter block carrying `fields` exactly (YAML escapes what it must)."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, width=10_000) + "---\n"


def sentence_around(payload: str) -> str:
    """Newsroom prose with `payload` where names, quotes, figures, dates and hedges are read."""
    return (
        f"Minister Jane Doe {payload} said on Monday that spending rose 5% to $2 million "
        f"for {payload}. \u201c{payload} We will act by March 2026,\u201d Doe told reporters. "
        f"Critics reportedly claimed that {payload} might fail, according to sources.\n\n"
    )


def payload_report(ident: str, title: str, payloads: list[str]) -> Report:
    """A report whose every string field (title, metadata, names, quotes, ...) is a payload.

    Spans are real slices of the text, so the source page is rendered as for a real article.
    """
    text = ""
    spans: list[Span] = []
    for payload in payloads:
        start = len(text)
        text += payload
        spans.append(Span(payload, start, len(text)))
        text += "\n\n"
    ids = [f"actor-{i}" for i in range(len(payloads))]
    actors, quotes, figures, timexes, timeline, caveats, points = [], [], [], [], [], [], []
    for i, (span, payload) in enumerate(zip(spans, payloads, strict=True)):
        mention = Mention(span.start, span.end, span.text)
        other = ids[(i + 1) % len(ids)]
        actors.append(Actor(ids[i], payload, "person", [payload], [other], [mention]))
        quotes.append(
            Quote(
                "direct",
                payload,
                span.start,
                span.end,
                span,
                Speaker(ids[i] if i % 2 else None, payload, span.start, span.end),
                other,
            )
        )
        figures.append(
            Figure("money", payload, span.start, span.end, 1, payload, payload, payload, ids[i])
        )
        timexes.append(TimeExpression(payload, span.start, span.end, "DATE", payload))
        timeline.append(
            TimelineEntry(
                payload, "day", payload, span.start, span.end, i, ("reported", "planned")[i % 2]
            )
        )
        caveats.append(Caveat("hedged", payload, span.start, span.end, payload, "high", payload))
        points.append(KeyPoint(payload, span.start, span.end))
    article = make_article(
        text, ident, title=title, source=title, url=title, author=title, date_source="none"
    )
    return make_report(
        article,
        sentences=spans,
        actors=actors,
        quotes=quotes,
        figures=figures,
        timexes=timexes,
        timeline=timeline,
        caveats=caveats,
        key_points=points,
        generator="hostile-test",
    )


HARMLESS = [
    "Minister Jane Doe said on Monday that spending rose 5% to $2 million.",
    "Critics reportedly doubted the plan, according to sources.",
    "The council will vote in March 2026.",
    "Jane Doe told reporters the budget was fair.",
]


def reference_reports() -> list[Report]:
    """Harmless reports shaped like the payload reports: their pages are the vocabulary."""
    return [
        payload_report("reference-a", "A plain headline", HARMLESS),
        payload_report("reference-b", "Another plain headline", list(reversed(HARMLESS))),
    ]


def build_reports(root: Path, reports: list[Report]) -> Path:
    """`dossier build` of a project whose analysis yields exactly `reports`; the site folder."""
    from unittest import mock

    from click.testing import CliRunner

    from generator.analysis.collect import Collected
    from generator.cli import main

    make_project(root, {})
    with mock.patch(
        "generator.mkdocs_plugin.plugin.collect_reports", return_value=Collected(reports=reports)
    ):
        result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return root / "site"
