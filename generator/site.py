"""Cross-article pages: home, article list, actors, combined timeline, figures, caveats.

Every index is built in one pass over the reports into dictionaries keyed by actor, year or
unit, so the site grows with the number of items, never with its square. Figures are compared
only within blocks that share a word, of bounded work each (see `figure_clusters`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from slugify import slugify

from .charts import bar_chart, histogram, timex_interval
from .model import Actor, Figure, Quote, Report
from .render import (
    KIND_TITLES,
    SEVERITY_ORDER,
    article_title,
    render_article,
)

TYPE_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "group": "Groups",
    "other": "Other",
}
TYPE_SINGULAR = {
    "person": "Person",
    "organization": "Organisation",
    "place": "Place",
    "group": "Group",
    "other": "Other",
}
HOME_ROWS = 30
"""Articles listed on the home page; the article list has them all."""
INDEX_TOP = 25
"""Actors per type on the actors index; the per-type pages list them all."""
CLUSTER_SHOWN = 12
"""Figures shown per group on the figures page (the unit pages list them all)."""
KEY_ACTOR_TYPES = ("person", "organization", "group")
PLAN_LIKE = {"plan", "target"}
BLOCK_LIMIT = 40
"""Figures sharing a word are compared pairwise up to this many; beyond, only neighbours."""
_STOPWORDS = frozenset(
    """a about above after again against all also an and any are around as at be been before
    being below between both but by can could did do does down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just last
    least less many may might more most much must next no nor not now of off on once only or
    other our out over own per same she should since so some such than that the their them then
    there these they this those through to too under until up upon very was we were what when
    where which while who whom why will with within would year years month months week weeks
    day days you your said says say according""".split()
)


def slug(text: str, fallback: str = "item") -> str:
    """An ASCII path part; a short hash when the text has no letters or digits at all."""
    value = re.sub(r"[^a-z0-9-]+", "-", slugify(text or "", max_length=60)).strip("-")
    if value and value != "index":  # index.md is each folder's list page
        return value
    return f"{fallback}-{hashlib.sha256((text or '').encode('utf-8')).hexdigest()[:8]}"


def relative(page: str, target: str) -> str:
    """The link from page `page` to `target` (both paths of .md files, target may have #)."""
    path, _, fragment = target.partition("#")
    here = page.split("/")[:-1]
    there = path.split("/")
    if any(part in ("", ".", "..") for part in here + there):
        link = posixpath.relpath(path, posixpath.dirname(page) or ".")
    else:  # the same as relpath without its calls to the file system (a site has 100,000s)
        common = 0
        while common < min(len(here), len(there) - 1) and here[common] == there[common]:
            common += 1
        link = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{link}#{fragment}" if fragment else link


def source_link(report: Report, offset: int) -> str:
    """Site path of the source sentence that contains `offset`."""
    return f"articles/{report.article.id}/source.md#s-{report.sentence_index(offset)}"


@dataclass
class SiteActor:
    """One actor merged across articles by name and type."""

    path: str
    """Site path of the actor's page."""
    type: str
    """person | organization | place | group | other."""
    names: Counter[str] = field(default_factory=Counter)
    """Canonical names used by the articles, with how many articles used each."""
    appearances: list[tuple[Report, Actor]] = field(default_factory=list)
    """Each article the actor appears in, with the actor as that article has it."""
    quotes: list[tuple[Report, Quote]] = field(default_factory=list)
    """Quotes spoken by the actor, in any article."""
    relayed: list[tuple[Report, Quote]] = field(default_factory=list)
    """Quotes the actor relayed (an outlet reporting someone else's words)."""
    figures: list[tuple[Report, Figure]] = field(default_factory=list)
    """Figures the actor states."""
    affiliations: Counter[str] = field(default_factory=Counter)
    """Paths of actors this one is affiliated with, and in how many articles."""

    @property
    def name(self) -> str:
        """The name most articles use (then the longest, then the first alphabetically)."""
        return min(self.names, key=lambda n: (-self.names[n], -len(n), n))

    @property
    def latest(self) -> str | None:
        """Date of the newest article the actor appears in."""
        return max((r.article.date for r, _ in self.appearances if r.article.date), default=None)

    @property
    def mentions(self) -> int:
        """Mentions over all articles."""
        return sum(len(a.mentions) for _, a in self.appearances)


class SiteIndex:
    """Actors merged across articles, built in one pass: what every page needs to link across."""

    def __init__(self, reports: list[Report]) -> None:
        self.reports = reports
        self.actors: dict[str, SiteActor] = {}
        self._by_report: dict[str, dict[str, SiteActor]] = {}
        for report in reports:
            local: dict[str, SiteActor] = {}
            for actor in report.actors:
                kind = slug(actor.type, "type") if actor.type else "other"
                path = f"actors/{kind}/{slug(actor.name, 'actor')}.md"
                merged = self.actors.setdefault(path, SiteActor(path, kind))
                merged.names[actor.name] += 1
                merged.appearances.append((report, actor))
                local[actor.id] = merged
            self._by_report[report.article.id] = local
            for actor in report.actors:
                for aff in actor.affiliations:
                    if aff in local and local[aff] is not local[actor.id]:
                        local[actor.id].affiliations[local[aff].path] += 1
            for q in report.quotes:
                if q.speaker and q.speaker.actor in local:
                    local[q.speaker.actor].quotes.append((report, q))
                if q.via in local:
                    local[q.via].relayed.append((report, q))
            for f in report.figures:
                if f.attributed_to in local:
                    local[f.attributed_to].figures.append((report, f))

    def actor_paths(self, report: Report) -> dict[str, str]:
        """Actor id in `report` → site path of the merged actor page."""
        return {k: v.path for k, v in self._by_report.get(report.article.id, {}).items()}

    def key_actors(self, report: Report, limit: int = 3) -> list[SiteActor]:
        """The most mentioned people and organisations of an article, then groups."""
        local = self._by_report.get(report.article.id, {})
        # Named actors first: 'the workers' is rarely what a reader scans a list of articles for.
        ranked = sorted(
            (a for a in report.actors if a.type in KEY_ACTOR_TYPES),
            key=lambda a: (a.type == "group", -len(a.mentions), a.name),
        )
        return [local[a.id] for a in ranked[:limit]]


def caveat_counts(report: Report) -> dict[str, int]:
    """Caveats of the report by severity."""
    counts = Counter(c.severity for c in report.caveats)
    return {s: counts.get(s, 0) for s in SEVERITY_ORDER}


def _newest_first(items: Iterable[tuple[Report, Any]]) -> list[tuple[Report, Any]]:
    return sorted(items, key=lambda p: (p[0].article.date or "", p[0].article.id), reverse=True)


def roles_over_time(actor: SiteActor) -> list[dict[str, Any]]:
    """Each role with the first and last article dates it was given, oldest first."""
    seen: dict[str, dict[str, Any]] = {}
    for report, a in actor.appearances:
        for role in dict.fromkeys(a.roles):
            entry = seen.setdefault(
                role.casefold(), {"role": role, "first": None, "last": None, "articles": 0}
            )
            entry["articles"] += 1
            date = report.article.date
            if date:
                entry["first"] = min(filter(None, (entry["first"], date)))
                entry["last"] = max(filter(None, (entry["last"], date)))
    return sorted(seen.values(), key=lambda e: (e["first"] or "9999", e["role"].casefold()))


def _signature(figure: Figure) -> frozenset[str]:
    """Content words of what a figure measures, without the figure's own words."""
    own = set(re.findall(r"[a-z]+", (figure.text or "").lower()))
    words = re.findall(r"[a-z]+", (figure.subject or "").lower())
    return frozenset(w for w in words if len(w) > 2 and w not in _STOPWORDS and w not in own)


def _unit_key(figure: Figure) -> tuple[str, str]:
    return (figure.unit or "", figure.per or "")


def figure_clusters(reports: list[Report]) -> list[dict[str, Any]]:
    """Figures of different articles that measure the same thing, with conflicts flagged.

    Two figures match when they share unit, rate and kind of claim (fact or plan), and at least
    two content words of what they measure with a Jaccard overlap of 0.6 or more. Candidates
    come from blocks of figures that share a word: small blocks are compared pairwise, blocks
    larger than BLOCK_LIMIT only between neighbours in signature order, so the work stays
    linear in the number of figures however common a word is.
    """
    figures: list[tuple[Report, Figure, frozenset[str]]] = []
    for report in reports:
        for f in report.figures:
            if f.value is not None:
                figures.append((report, f, _signature(f)))
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, (_, f, words) in enumerate(figures):
        claim = "plan" if f.status in PLAN_LIKE else "fact"
        for w in words:
            blocks[(*_unit_key(f), claim, w)].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            members = sorted(members, key=lambda i: (sorted(figures[i][2]), i))
            window = BLOCK_LIMIT // 4
        else:
            window = len(members)
        for n, i in enumerate(members):
            for j in members[n + 1 : n + 1 + window]:
                if figures[i][0] is not figures[j][0]:
                    candidates.add((min(i, j), max(i, j)))
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(candidates):
        common = len(figures[i][2] & figures[j][2])
        if common >= 2 and common / len(figures[i][2] | figures[j][2]) >= 0.6:
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(figures)):
        groups[root(i)].append(i)
    clusters = []
    for members in groups.values():
        if len({figures[i][0].article.id for i in members}) < 2:
            continue
        items = _newest_first((figures[i][0], figures[i][1]) for i in members)
        values = [f.value for _, f in items]
        low, high = min(values), max(values)  # type: ignore[type-var]
        conflict = high - low > 0.02 * max(abs(high), abs(low))  # type: ignore[operator]
        clusters.append(
            {
                "entries": items,
                "conflict": conflict,
                "figure": items[0][1],
                "articles": len({r.article.id for r, _ in items}),
            }
        )
    clusters.sort(
        key=lambda c: (not c["conflict"], -len(c["entries"]), c["entries"][0][0].article.id)
    )
    for n, cluster in enumerate(clusters, 1):
        cluster["anchor"] = f"c-{n}"
        shown = _cluster_sample(cluster["entries"])
        cluster["unit_title"] = unit_title(*_unit_key(cluster["figure"]))
        cluster["unit_path"] = unit_path(*_unit_key(cluster["figure"]))
        cluster["shown"] = shown
        cluster["hidden"] = len(cluster["entries"]) - len(shown)
        cluster["bars"] = bar_chart([(f.value, f.value_max, (r, f)) for r, f in shown])
    return clusters


def _cluster_sample(entries: list[tuple[Report, Figure]]) -> list[tuple[Report, Figure]]:
    """The newest figures of a group, always with its lowest and highest value."""
    if len(entries) <= CLUSTER_SHOWN:
        return entries
    low = min(entries, key=lambda p: p[1].value)  # type: ignore[arg-type, return-value]
    high = max(entries, key=lambda p: p[1].value)  # type: ignore[arg-type, return-value]
    shown = entries[: CLUSTER_SHOWN - 2]
    for extreme in (low, high):
        if not any(extreme[1] is f for _, f in shown):
            shown.append(extreme)
    return _newest_first(shown)


def _with_empty_years(counts: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Year counts with the years between them filled in, so gaps show on the chart."""
    if not counts:
        return counts
    known = {int(year): (year, r, p) for year, r, p in counts}
    first, last = min(known), max(known)
    if last - first > 60:  # centuries apart: show only the years that have events
        return counts
    return [known.get(y, (str(y), 0, 0)) for y in range(first, last + 1)]


def unit_title(unit: str, per: str) -> str:
    """'EUR per month', '%', or 'no unit'."""
    title = unit or "no unit"
    return f"{title} per {per}" if per else title


def unit_path(unit: str, per: str) -> str:
    """Site path of the page listing the figures of one unit and rate."""
    name = {"%": "percent"}.get(unit, unit) or "no-unit"
    return f"figures/{slug(name + (' per ' + per if per else ''), 'unit')}.md"


class SitePages:
    """Renders the cross-article pages from a `SiteIndex`."""

    def __init__(self, env: Environment, index: SiteIndex) -> None:
        self.env = env
        self.index = index
        self.reports = index.reports

    def _render(self, page: str, template: str, **context: Any) -> str:
        def link(target: str) -> str:
            return relative(page, target)

        return self.env.get_template(template).render(
            link=link, source_link=source_link, title_of=article_title, page=page, **context
        )

    def pages(self) -> dict[str, str]:
        """Every cross-article page: path → Markdown."""
        out: dict[str, str] = {}
        out.update(self.home())
        out.update(self.actors())
        out.update(self.timeline())
        out.update(self.figures())
        out.update(self.caveats())
        return out

    def _article_row(self, report: Report) -> dict[str, Any]:
        return {
            "report": report,
            "article": report.article,
            "title": article_title(report),
            "key_actors": self.index.key_actors(report),
            "caveats": caveat_counts(report),
        }

    def home(self) -> dict[str, str]:
        rows = [self._article_row(r) for r in self.reports]
        by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_month[(row["article"].date or "")[:7] or "undated"].append(row)
        totals = {
            "articles": len(self.reports),
            "actors": len(self.index.actors),
            "quotes": sum(len(r.quotes) for r in self.reports),
            "figures": sum(len(r.figures) for r in self.reports),
            "caveats": sum(len(r.caveats) for r in self.reports),
        }
        return {
            "index.md": self._render(
                "index.md", "home.md.j2", rows=rows[:HOME_ROWS], totals=totals, more=len(rows)
            ),
            "articles/index.md": self._render(
                "articles/index.md", "articles.md.j2", months=list(by_month.items()), rows=rows
            ),
        }

    def actors(self) -> dict[str, str]:
        by_type: dict[str, list[SiteActor]] = defaultdict(list)
        for actor in self.index.actors.values():
            by_type[actor.type].append(actor)
        for items in by_type.values():
            items.sort(key=lambda a: (-len(a.appearances), -a.mentions, a.name.casefold(), a.path))
        order = [t for t in TYPE_TITLES if t in by_type] + sorted(set(by_type) - set(TYPE_TITLES))
        sections = [
            {
                "type": t,
                "title": TYPE_TITLES.get(t, t.title()),
                "path": f"actors/{t}/index.md",
                "actors": by_type[t],
            }
            for t in order
        ]
        out = {
            "actors/index.md": self._render(
                "actors/index.md", "site/actors.md.j2", sections=sections, top=INDEX_TOP
            )
        }
        for section in sections:
            out[section["path"]] = self._render(
                section["path"], "site/actor_type.md.j2", section=section
            )
        for actor in self.index.actors.values():
            out[actor.path] = self._render(
                actor.path,
                "site/actor.md.j2",
                actor=actor,
                other_names=sorted(n for n in actor.names if n != actor.name),
                type_title=TYPE_SINGULAR.get(actor.type, actor.type),
                roles=roles_over_time(actor),
                appearances=_newest_first(actor.appearances),
                quotes=_newest_first(actor.quotes),
                relayed=_newest_first(actor.relayed),
                figures=_newest_first(actor.figures),
                affiliations=sorted(
                    (self.index.actors[p] for p in actor.affiliations),
                    key=lambda a: (-actor.affiliations[a.path], a.name),
                ),
            )
        return out

    def timeline(self) -> dict[str, str]:
        years: dict[int, list[tuple[dt.date, dt.date, Report, Any]]] = defaultdict(list)
        undated = 0
        for report in self.reports:
            for entry in report.timeline:
                interval = timex_interval(entry.date)
                if interval is None:
                    undated += 1
                    continue
                years[interval[0].year].append((*interval, report, entry))
        out = {}
        summary = []
        for year in sorted(years):
            entries = sorted(years[year], key=lambda e: (e[0], e[1], e[2].article.id, e[3].start))
            months: dict[str, dict[str, list[Any]]] = {}
            for first, last, report, entry in entries:
                # Events dated to a month or less go under their month; longer ones under the year.
                label = f"{first:%Y-%m}" if (last - first).days <= 31 else f"{year}, longer periods"
                group = months.setdefault(label, {"reported": [], "planned": []})
                group["planned" if entry.status == "planned" else "reported"].append(
                    (report, entry)
                )
            planned = sum(1 for e in entries if e[3].status == "planned")
            summary.append((str(year), len(entries) - planned, planned))
            path = f"timeline/{year}.md"
            out[path] = self._render(
                path, "site/timeline_year.md.j2", year=year, months=list(months.items())
            )
        out["timeline/index.md"] = self._render(
            "timeline/index.md",
            "site/timeline.md.j2",
            years=summary,
            chart=histogram(_with_empty_years(summary)),
            undated=undated,
        )
        return out

    def figures(self) -> dict[str, str]:
        units: dict[tuple[str, str], list[tuple[Report, Figure]]] = defaultdict(list)
        for report in self.reports:
            for f in report.figures:
                units[_unit_key(f)].append((report, f))
        out = {}
        rows = []
        for (unit, per), items in sorted(units.items(), key=lambda u: (-len(u[1]), u[0])):
            path = unit_path(unit, per)
            items.sort(
                key=lambda p: (p[1].value is None, -(p[1].value or 0), p[0].article.id, p[1].start)
            )
            rows.append(
                {
                    "title": unit_title(unit, per),
                    "path": path,
                    "count": len(items),
                    "articles": len({r.article.id for r, _ in items}),
                }
            )
            out[path] = self._render(
                path, "site/figures_unit.md.j2", title=unit_title(unit, per), items=items
            )
        clusters = figure_clusters(self.reports)
        out["figures/index.md"] = self._render(
            "figures/index.md", "site/figures.md.j2", units=rows, clusters=clusters
        )
        return out

    def caveats(self) -> dict[str, str]:
        matrix: dict[str, Counter[str]] = defaultdict(Counter)
        high = []
        for report in self.reports:
            for c in report.caveats:
                matrix[c.kind][c.severity] += 1
                if c.severity == "high":
                    high.append((report, c))
        kinds = sorted(
            matrix,
            key=lambda k: tuple(-matrix[k][s] for s in SEVERITY_ORDER) + (k,),
        )
        rows = sorted(
            (self._article_row(r) for r in self.reports if r.caveats),
            key=lambda row: (
                tuple(-row["caveats"][s] for s in SEVERITY_ORDER),
                row["article"].id,
            ),
        )
        return {
            "caveats/index.md": self._render(
                "caveats/index.md",
                "site/caveats.md.j2",
                kinds=[
                    {"kind": k, "title": KIND_TITLES.get(k, k), "counts": matrix[k]} for k in kinds
                ],
                severities=list(SEVERITY_ORDER),
                rows=rows,
                high=high,
            )
        }


def render_site(env: Environment, reports: list[Report]) -> dict[str, str]:
    """Every page of the site: cross-article pages and each article's own pages."""
    index = SiteIndex(reports)
    pages = SitePages(env, index).pages()
    for report in reports:
        pages.update(render_article(env, report, index.actor_paths(report)))
    return pages
