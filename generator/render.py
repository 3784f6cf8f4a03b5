"""Reports → Markdown pages through the Jinja templates in `templates/`.

Article-derived strings are untrusted. They reach Markdown only through the `md` filter
(HTML-escaped, then Markdown syntax neutralised) and URLs only through the `url` filter
(http and https only). Templates never mark article data safe, and article text is only ever a
template *value*, never template source.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from .model import Report

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
PROJECT_TEMPLATES = Path(__file__).parent.parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=^:<>&\"'$%])")
KIND_TITLES = {
    "relayed": "Relayed by another outlet",
    "unattributed": "Unattributed assertions",
    "hedged": "Hedged statements",
    "forward-looking": "Plans and intentions, not facts",
    "weasel": "Vague sources and quantities",
    "opinion": "Loaded or evaluative wording",
    "inconsistency": "Inconsistencies",
    "missing-metadata": "Missing metadata",
    "other": "Other",
}
SEVERITY_ORDER = {"high": 0, "warning": 1, "info": 2}
ARTICLE_PAGES = ("index", "actors", "figures", "timeline", "caveats", "source")


def escape_md(value: Any) -> str:
    """Text that shows literally in Markdown and HTML: no markup, no tags, one line."""
    if value is None:
        return ""
    text = re.sub(r"\s+", " ", str(value))
    escaped = []
    for ch in text:
        if ch in "<>&\"'":
            escaped.append(html.escape(ch, quote=True))
        elif _MD_SPECIAL.match(ch):
            escaped.append(f"&#{ord(ch)};")
        else:
            escaped.append(ch)
    return "".join(escaped)


_TITLE_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", "\\": "\uff3c"})


def yaml_title(value: Any) -> str:
    """A page title for YAML front matter: one line, quoted, without `<`, `>`, `&` or backslashes.

    MkDocs themes pass the title through `striptags`, which also decodes entities, into
    `<title>` and the search index; look-alike characters keep it plain text there.
    """
    text = re.sub(r"\s+", " ", str(value or "")).strip().translate(_TITLE_LOOKALIKES)
    return json.dumps(text[:200], ensure_ascii=False)


def safe_url(value: Any) -> str | None:
    """The URL, HTML-escaped, if it is an absolute http(s) URL; else None."""
    if not value:
        return None
    text = str(value).strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return html.escape(text, quote=True)


def make_env(template_dirs: list[Path] | None = None) -> Environment:
    """The Jinja environment: user template folders first, then the built-in templates."""
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
    env.filters["md"] = escape_md
    env.filters["url"] = safe_url
    env.filters["yaml_title"] = yaml_title
    env.filters["number"] = format_number
    return env


def format_number(value: Any) -> str:
    """A readable number: 1000000000 → '1,000,000,000'; 3.5 → '3.5'."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"
    return f"{int(value):,}"


@dataclass(frozen=True)
class Segment:
    """A piece of a source sentence, and the highlight class it gets (or '')."""

    text: str
    css: str
    title: str


def _source_sentences(report: Report) -> list[dict[str, Any]]:
    """Sentences with their highlighted segments and caveat flags, grouped by paragraph."""
    text = report.article.text
    marks: list[tuple[int, int, str, str]] = []
    for actor in report.actors:
        for m in actor.mentions:
            marks.append((m.start, m.end, f"dossier-{actor.type}", actor.name))
    for f in report.figures:
        marks.append((f.start, f.end, "dossier-figure", f.kind))
    for t in report.temporal_expressions:
        marks.append((t.start, t.end, "dossier-date", t.value))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    flagged: dict[int, list[str]] = defaultdict(list)
    for c in report.caveats:
        if c.end > c.start:
            i = report.sentence_index(c.start)
            if c.kind not in flagged[i]:
                flagged[i].append(c.kind)
    out = []
    for i, sent in enumerate(report.sentences):
        segments = []
        pos = sent.start
        for start, end, css, title in marks:
            if start < pos or end > sent.end:
                continue
            if start > pos:
                segments.append(Segment(text[pos:start], "", ""))
            segments.append(Segment(text[start:end], css, title))
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


def article_context(report: Report) -> dict[str, Any]:
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
    return {
        "report": report,
        "article": report.article,
        "anchor": anchor,
        "actor_names": actor_names,
        "quotes_by_actor": quotes_by_actor,
        "caveat_groups": [
            {
                "kind": kind,
                "title": KIND_TITLES.get(kind, kind),
                "caveats": sorted(
                    items, key=lambda c: (SEVERITY_ORDER.get(c.severity, 3), c.start)
                ),
            }
            for _, kind, items in caveat_groups
        ],
        "high_caveats": [c for c in report.caveats if c.severity == "high"],
        "source_sentences": _source_sentences(report),
        "counts": {
            "actors": len(report.actors),
            "quotes": len(report.quotes),
            "figures": len(report.figures),
            "dates": len(report.temporal_expressions),
            "caveats": len(report.caveats),
        },
        "reported": [e for e in report.timeline if e.status != "planned"],
        "planned": [e for e in report.timeline if e.status == "planned"],
        "title": report.article.title or _fallback_title(report),
    }


def _fallback_title(report: Report) -> str:
    first = report.sentences[0].text if report.sentences else report.article.id
    return first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + " …"


def render_article(env: Environment, report: Report) -> dict[str, str]:
    """The pages of one article: `articles/<id>/<page>.md` → Markdown, plus `report.json`."""
    context = article_context(report)
    base = f"articles/{report.article.id}"
    pages = {
        f"{base}/{name}.md": env.get_template(f"article/{name}.md.j2").render(context)
        for name in ARTICLE_PAGES
    }
    pages[f"{base}/report.json"] = report.to_json()
    return pages


def render_site(env: Environment, reports: list[Report]) -> dict[str, str]:
    """Every page of the site: the home page, the article list and each article's pages."""
    rows = [
        {"report": r, "title": r.article.title or _fallback_title(r), "caveats": len(r.caveats)}
        for r in reports
    ]
    pages = {
        "index.md": env.get_template("home.md.j2").render(rows=rows),
        "articles/index.md": env.get_template("articles.md.j2").render(rows=rows),
    }
    for report in reports:
        pages.update(render_article(env, report))
    return pages


def dump_json(data: Any) -> str:
    """Deterministic JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
