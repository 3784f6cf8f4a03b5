"""Reports → Markdown pages through the Jinja templates in `templates/`.

Article-derived strings are untrusted. They reach Markdown only through the `md` filter
(HTML-escaped, then Markdown syntax neutralised) and URLs only through the `url` filter
(http and https only). Templates never mark article data safe, and article text is only ever a
template *value*, never template source.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)

from generator.model import CONFIDENT, SEVERITY_ORDER, UNCERTAIN, Report
from generator.site.charts import bar_chart, bar_scale, timeline_chart
from generator.site.filters import article_date, escape_md, format_number, safe_url, yaml_title

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_TEMPLATES = PACKAGE_ROOT / "templates"
"""Templates inside an installed wheel (pyproject force-includes them)."""
PROJECT_TEMPLATES = PACKAGE_ROOT.parent / "templates"
"""Templates of a source checkout (an editable install)."""
KIND_TITLES = {
    "relayed": "Relayed by another outlet",
    "unattributed": "Unattributed assertions",
    "hedged": "Hedged statements",
    "forward-looking": "Plans and intentions, not facts",
    "weasel": "Vague sources and quantities",
    "opinion": "Loaded or evaluative wording",
    "inconsistency": "Inconsistencies",
    "sourcing": "Unnamed or vague sources",
    "one-sided": "One side only",
    "headline": "Headline not supported by the article",
    "genre": "Genre",
    "speculation": "Speculation in the reporter's voice",
    "missing-metadata": "Missing metadata",
    "other": "Other",
}
TOP_CAVEATS = 3
"""High-severity caveats shown on an article's overview; the caveats page lists them all."""
GENRE_LABELS = {
    "news": "News",
    "opinion": "Opinion",
    "analysis": "Analysis",
    "review": "Review",
    "fact-check": "Fact-check",
    "live": "Live updates",
    "press-release": "Press release",
}
"""How each genre of `model.Genre` is labelled on the pages (news, the default, is not labelled)."""
ARTICLE_PAGES = ("index", "actors", "figures", "timeline", "caveats", "source")


def make_env(template_dirs: list[Path] | None = None, compiled: Path | None = None) -> Environment:
    """The Jinja environment: user template folders first, then the built-in templates.

    `compiled`: a folder where compiled templates are kept between runs (keyed by each
    template's source, so an edited template is compiled again).
    """
    folders = [p for p in (template_dirs or []) if p.is_dir()]
    for builtin in (PACKAGE_TEMPLATES, PROJECT_TEMPLATES):
        if builtin.is_dir() and builtin not in folders:
            folders.append(builtin)
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(p)) for p in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    if compiled is not None:
        env.bytecode_cache = bytecode_cache(compiled)
    env.filters["md"] = escape_md
    env.filters["url"] = safe_url
    env.filters["yaml_title"] = yaml_title
    env.filters["number"] = format_number
    env.filters["pubdate"] = article_date
    env.globals["genre_labels"] = GENRE_LABELS
    env.globals["confident"] = CONFIDENT
    return env


def bytecode_cache(folder: Path) -> FileSystemBytecodeCache:
    """Compiled Jinja templates kept in `folder`: compiling them costs more than an
    incremental build spends rendering."""
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


@dataclass(frozen=True)
class Segment:
    """A piece of a source sentence, and the highlight class it gets (or '')."""

    text: str
    css: str
    title: str
    actor: str = ""
    """Id of the actor a mention names, for the link to its page."""


def _source_sentences(report: Report) -> list[dict[str, Any]]:
    """Sentences with their highlighted segments and caveat flags, grouped by paragraph."""
    text = report.article.text
    marks: list[tuple[int, int, str, str, str]] = []
    for actor in report.actors:
        # The type names a CSS class: keep it to the letters a class name can safely hold.
        css = "dossier-" + (re.sub(r"[^a-z]", "", actor.type.lower()) or "other")
        for m in actor.mentions:
            marks.append((m.start, m.end, css, actor.name, actor.id))
    for f in report.figures:
        marks.append((f.start, f.end, "dossier-figure", f.kind, ""))
    for t in report.temporal_expressions:
        marks.append((t.start, t.end, "dossier-date", t.label or t.value, ""))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    flagged: dict[int, list[str]] = defaultdict(list)
    for c in report.caveats:
        if c.end > c.start:
            i = report.sentence_index(c.start)
            if c.kind not in flagged[i]:
                flagged[i].append(c.kind)
    out = []
    starts = [m[0] for m in marks]
    for i, sent in enumerate(report.sentences):
        segments = []
        pos = sent.start
        # Marks are sorted by start: visit only those that start inside this sentence.
        first = bisect_left(starts, sent.start)
        last = bisect_left(starts, sent.end)
        for start, end, css, title, actor_id in marks[first:last]:
            if start < pos or end > sent.end:
                continue
            if start > pos:
                segments.append(Segment(text[pos:start], "", ""))
            segments.append(Segment(text[start:end], css, title, actor_id))
            pos = end
        if pos < sent.end:
            segments.append(Segment(text[pos : sent.end], "", ""))
        paragraph_break = i > 0 and "\n" in text[report.sentences[i - 1].end : sent.start]
        out.append(
            {
                "index": i,
                "segments": segments,
                "flags": flagged.get(i, []),
                "new_paragraph": paragraph_break,
            }
        )
    return out


def _tags(report: Report, limit: int = 8) -> list[str]:
    """Tag names for an article: its places, then its most mentioned people and organisations."""
    ranked = sorted(report.actors, key=lambda a: (-len(a.mentions), a.name))
    places = [a.name for a in ranked if a.type == "place"]
    others = [
        a.name for a in ranked if a.type in ("person", "organization") and len(a.mentions) > 1
    ]
    names = list(dict.fromkeys(places[: limit // 2] + others))
    return names[:limit]


def _figure_charts(report: Report) -> list[dict[str, Any]]:
    """One bar chart per unit and rate that has two or more figures with a value."""
    groups: dict[tuple[str, str], list[tuple[int, Any]]] = defaultdict(list)
    for i, f in enumerate(report.figures):
        if f.value is not None:
            groups[(f.unit or "", f.per or "")].append((i, f))
    charts = []
    for (unit, per), items in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        if len(items) < 2:
            continue
        values = [(f.value, f.value_max, (i, f)) for i, f in items]
        full = bar_scale(unit, values)
        charts.append({"unit": unit, "per": per, "bars": bar_chart(values, full), "of_whole": full})
    return charts


def _quote_groups(report: Report) -> list[dict[str, Any]]:
    """Quotes per speaking actor (in actor order), then those whose speaker is not resolved."""
    by_actor: dict[str | None, list[Any]] = defaultdict(list)
    known = {a.id for a in report.actors}
    for q in report.quotes:
        speaker = q.speaker.actor if q.speaker and q.speaker.actor in known else None
        if q.confidence < UNCERTAIN:
            speaker = None  # shown under "Speaker unclear", not under a guessed actor
        by_actor[speaker].append(q)
    groups = [
        {"actor": a, "anchor": f"quotes-{i}", "quotes": by_actor[a.id]}
        for i, a in enumerate(report.actors, 1)
        if by_actor.get(a.id)
    ]
    if by_actor.get(None):
        groups.append({"actor": None, "anchor": "quotes-other", "quotes": by_actor[None]})
    return groups


def article_context(report: Report, actor_paths: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything the article templates show, computed here so that templates only present."""
    anchor = report.sentence_index
    actor_names = {a.id: a.name for a in report.actors}
    quotes_by_actor: dict[str, list[Any]] = defaultdict(list)
    for q in report.quotes:
        if q.speaker and q.speaker.actor:
            quotes_by_actor[q.speaker.actor].append(q)
    caveat_groups = []
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for c in report.caveats:
        by_kind[c.kind].append(c)
    for kind, items in by_kind.items():
        worst = min(SEVERITY_ORDER.get(c.severity, 3) for c in items)
        caveat_groups.append((worst, kind, items))
    caveat_groups.sort(key=lambda g: (g[0], g[1]))
    numbered = list(enumerate(report.timeline, 1))
    chart = timeline_chart(
        [(e.date, f"e-{n}", e.status == "planned", n, e.event) for n, e in numbered],
        report.article.date,
    )
    on_chart = {m.number for m in chart["marks"]} if chart else set()
    quote_groups = _quote_groups(report)
    return {
        "report": report,
        "article": report.article,
        "anchor": anchor,
        "actor_names": actor_names,
        # Article pages live at articles/<id>/<page>.md: two levels below the site root.
        "actor_links": {k: "../../" + v for k, v in (actor_paths or {}).items()},
        "quotes_by_actor": quotes_by_actor,
        "quote_groups": quote_groups,
        "uncertain": UNCERTAIN,
        "quote_anchor": {g["actor"].id: g["anchor"] for g in quote_groups if g["actor"]},
        "caveat_groups": [
            {
                "kind": kind,
                "title": KIND_TITLES.get(kind, kind),
                "anchor": f"kind-{n}",
                "counts": {s: sum(1 for c in items if c.severity == s) for s in SEVERITY_ORDER},
                "caveats": sorted(
                    items, key=lambda c: (SEVERITY_ORDER.get(c.severity, 3), c.start)
                ),
            }
            for n, (_, kind, items) in enumerate(caveat_groups, 1)
        ],
        "severities": list(SEVERITY_ORDER),
        # caveats are ranked most serious first: the overview shows the top high ones
        "high_caveats": [c for c in report.caveats if c.severity == "high"][:TOP_CAVEATS],
        "source_sentences": _source_sentences(report),
        "counts": {
            "actors": len(report.actors),
            "quotes": len(report.quotes),
            "figures": len(report.figures),
            "dates": len(report.temporal_expressions),
            "caveats": len(report.caveats),
        },
        "caveat_counts": {
            s: sum(1 for c in report.caveats if c.severity == s) for s in SEVERITY_ORDER
        },
        "reported": [(n, e) for n, e in numbered if e.status != "planned"],
        "planned": [(n, e) for n, e in numbered if e.status == "planned"],
        "timeline_chart": chart,
        "on_chart": on_chart,
        "figure_charts": _figure_charts(report),
        "tags": _tags(report),
        "kind_titles": KIND_TITLES,
        "key_actors": sorted(
            (a for a in report.actors if a.type != "other"),
            key=lambda a: (-len(a.mentions), a.name),
        )[:5],
        "title": article_title(report),
    }


def article_title(report: Report) -> str:
    """The headline, or the start of the first sentence when the article has none."""
    if report.article.title:
        return report.article.title
    first = report.sentences[0].text if report.sentences else report.article.id
    first = " ".join(first.split())
    return first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + " …"


def render_article(
    env: Environment, report: Report, actor_paths: dict[str, str] | None = None
) -> dict[str, str]:
    """The pages of one article: `articles/<id>/<page>.md` → Markdown, plus `report.json`.

    `actor_paths` maps the report's actor ids to the site paths of the cross-article actor
    pages; without it, actor names are shown without links.
    """
    context = article_context(report, actor_paths)
    base = f"articles/{report.article.id}"
    pages = {
        f"{base}/{name}.md": env.get_template(f"article/{name}.md.j2").render(context)
        for name in ARTICLE_PAGES
    }
    pages[f"{base}/report.json"] = report.to_json()
    return pages


def dump_json(data: Any) -> str:
    """Deterministic JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
