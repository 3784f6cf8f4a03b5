"""Figures across articles: a page per unit, groups of figures that measure the same thing.

Figures are compared only within blocks that share a word, of bounded work each (see
`figure_clusters`). Every page is of bounded size: a unit's page shows its newest figures and
largest groups, with all its figures on pages by the date of the articles (`archive.by_date`);
a group's page lists its figures, or its newest ones and the rest by date when it is large.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Any

from generator.model import CONFIDENT, Figure, Report
from generator.site.archive import Period, by_date, walk
from generator.site.charts import bar_chart, bar_scale
from generator.site.index import (
    PageSpec,
    SiteIndex,
    article_date,
    newest_first,
    page_slug,
    place,
    spec,
)

PLAN_LIKE = {"plan", "target"}
BLOCK_LIMIT = 40
"""Figures sharing a word are compared pairwise up to this many; beyond, only neighbours."""
CLUSTER_SHOWN = 12
"""Figures of a group in its chart (the newest, with its lowest and highest)."""
CLUSTERS_SHOWN = 10
"""Groups on the figures page, and on each unit's page."""
CHARTS_SHOWN = 3
"""Groups on the figures page that show their chart there."""
UNITS_SHOWN = 30
"""Units on the figures page (the units page lists them all)."""
NEWEST_FIGURES = 20
"""Figures on a unit's page; all of them are on its pages by date."""
FIGURES_PER_PAGE = 100
"""Figures on a group's page or a page by date before it is cut by date or month."""
UNIT_FOLDER_PAGES = frozenset({"units"})
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


def _signature(figure: Figure) -> frozenset[str]:
    """Content words of what a figure measures, without the figure's own words."""
    own = set(re.findall(r"[a-z]+", (figure.text or "").lower()))
    words = re.findall(r"[a-z]+", (figure.subject or "").lower())
    return frozenset(w for w in words if len(w) > 2 and w not in _STOPWORDS and w not in own)


def unit_key(figure: Figure) -> tuple[str, str]:
    """(unit, rate) of a figure."""
    return (figure.unit or "", figure.per or "")


def unit_title(unit: str, per: str) -> str:
    """'EUR per month', '%', or 'no unit'."""
    title = unit or "no unit"
    return f"{title} per {per}" if per else title


def unit_path(unit: str, per: str) -> str:
    """Site path of the page of the figures of one unit and rate (see `unit_paths`)."""
    name = {"%": "percent"}.get(unit, unit) or "no-unit"
    return (
        f"figures/{page_slug(name + (' per ' + per if per else ''), 'unit', UNIT_FOLDER_PAGES)}.md"
    )


def unit_paths(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A distinct page for each unit: units whose names slug alike ('EUR', 'eur') get a hash."""
    paths: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for key in sorted(keys):
        path = unit_path(*key)
        if path in taken:
            tag = hashlib.sha256("\0".join(key).encode("utf-8")).hexdigest()[:8]
            path = f"{path[:-3]}-{tag}.md"
        taken.add(path)
        paths[key] = path
    return paths


def figure_clusters(reports: list[Report]) -> list[dict[str, Any]]:
    """Figures of different articles that measure the same thing, with conflicts flagged.

    Two figures match when they share unit, rate and kind of claim (fact or plan), and at least
    two content words of what they measure with a Jaccard overlap of 0.6 or more; or when they
    state the same distinctive amount and their articles name a common actor
    (`_same_value_pairs`: "$449,000" in two stories on one campaign). Candidates
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
        for w in words:
            key = (*unit_key(f), _claim(f), w)
            blocks[key].append(i)
    order = [sorted(words) for _, _, words in figures]
    article = [id(r) for r, _, _ in figures]
    candidates: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            members = sorted(members, key=lambda i: (order[i], i))
            window = BLOCK_LIMIT // 4
        else:
            window = len(members)
        for n, i in enumerate(members):
            for j in members[n + 1 : n + 1 + window]:
                if article[i] != article[j]:
                    candidates.add((i, j) if i < j else (j, i))
    same_value = _same_value_pairs(figures)
    candidates |= same_value
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The groups do not depend on the order pairs are joined in.
    similar: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
    for i, j in candidates:
        if root(i) == root(j):
            continue  # joined already
        pair = (figures[i][2], figures[j][2])
        match = similar.get(pair)
        if match is None:
            common = len(pair[0] & pair[1])
            match = similar[pair] = common >= 2 and common / len(pair[0] | pair[1]) >= 0.6
        if match or (i, j) in same_value:
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(figures)):
        groups[root(i)].append(i)
    clusters = []
    taken: set[str] = set()
    paths = unit_paths(sorted({unit_key(f) for _, f, _ in figures}))
    named = [  # a group of one article's figures compares nothing: named only if kept
        (_cluster_name(figures, members), members)
        for members in groups.values()
        if len(members) > 1 and len({figures[i][0].article.id for i in members}) >= 2
    ]
    for (name, tiebreak), members in sorted(named, key=lambda pair: pair[0]):
        items = newest_first((figures[i][0], figures[i][1]) for i in members)
        values = [f.value for _, f in items if f.value is not None]  # all of them
        low, high = min(values), max(values)
        conflict = high - low > 0.02 * max(abs(high), abs(low))
        figure = items[0][1]
        folder = paths[unit_key(figure)][:-3]
        path = f"{folder}/group-{page_slug(name, 'figures')}.md"
        if path in taken:
            path = f"{path[:-3]}-{hashlib.sha256(tiebreak.encode('utf-8')).hexdigest()[:6]}.md"
        taken.add(path)
        shown = _cluster_sample(items)
        drawn = [(f.value, f.value_max, (r, f)) for r, f in shown if f.value is not None]
        clusters.append(
            {
                "entries": items,
                "conflict": conflict,
                "figure": figure,
                "low": low,
                "high": high,
                "articles": len({r.article.id for r, _ in items}),
                "name": name,
                "path": path,
                "unit_title": unit_title(*unit_key(figure)),
                "unit_path": paths[unit_key(figure)],
                "shown": shown,
                "hidden": len(items) - len(shown),
                "bars": bar_chart(drawn, bar_scale(figure.unit, drawn)),
            }
        )
    clusters.sort(key=lambda c: (not c["conflict"], -len(c["entries"]), c["path"]))
    return clusters


def _same_value_pairs(
    figures: list[tuple[Report, Figure, frozenset[str]]],
) -> set[tuple[int, int]]:
    """Pairs of figures of two articles with the same distinctive amount ('$449,000': money,
    a percentage, a measured quantity, or a count of 100 or more) in the same unit and kind of
    claim, whose articles name a common actor: the same quantity about the same subject even
    when the words around it differ. Small counts ('two people') are too common to say so, and
    figures shown as uncertain (below `CONFIDENT`) are not joined by their amount alone."""
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, (_, f, _) in enumerate(figures):
        if f.value is None or (f.kind == "count" and abs(f.value) < 100):
            continue
        if f.confidence < CONFIDENT:
            # an uncertain figure's reading (unit, status, whose it is) may be wrong: the same
            # amount is no evidence of the same quantity; its words may still join it
            continue
        if f.kind not in ("money", "percent", "quantity", "count"):
            continue
        key = (*unit_key(f), _claim(f), f.kind, f"{f.value:.6g}", f.value_max)
        blocks[key].append(i)
    actors = {
        id(r): {a.id for a in r.actors} for r, _, _ in figures
    }  # the same id names the same actor across articles (generator/slugs.py)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            continue  # a round amount common to many articles says nothing on its own
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = figures[i][0], figures[j][0]
                if a is not b and actors[id(a)] & actors[id(b)]:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _claim(figure: Figure) -> str:
    return "plan" if figure.status in PLAN_LIKE else "fact"


def _cluster_name(figures: list[Any], members: list[int]) -> tuple[str, str]:
    """A name for a group that stays as it grows: its most common words, and a tie-breaker."""
    counts = Counter(figures[i][2] for i in members)
    words = min(counts, key=lambda w: (-counts[w], sorted(w)))
    first = min((figures[i][0].article.id, figures[i][1].start) for i in members)
    claim = _claim(figures[members[0]][1])
    name = " ".join(sorted(words)) + (" planned" if claim == "plan" else "")
    return name, f"{first[0]}:{first[1]}"


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
    return newest_first(shown)


def _largest_first(items: list[tuple[Report, Figure]]) -> list[tuple[Report, Figure]]:
    return sorted(
        items, key=lambda p: (p[1].value is None, -(p[1].value or 0), p[0].article.id, p[1].start)
    )


def _period_rows(periods: list[Period]) -> list[dict[str, Any]]:
    return [
        {
            "title": p.title,
            "path": p.path,
            "figures": len(p.everything()),
            "articles": len({r.article.id for r, _ in p.everything()}),
        }
        for p in periods
    ]


def figure_pages(index: SiteIndex) -> list[PageSpec]:
    """The figures index, the units list, each unit's pages and each group's pages."""
    units: dict[tuple[str, str], list[tuple[Report, Figure]]] = defaultdict(list)
    for report in index.reports:
        for f in report.figures:
            units[unit_key(f)].append((report, f))
    paths = unit_paths(list(units))
    clusters = figure_clusters(index.reports)
    group_of: dict[int, str] = {id(f): c["path"] for c in clusters for _, f in c["entries"]}
    by_unit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for cluster in clusters:
        by_unit[cluster["unit_path"]].append(cluster)
    rows: list[dict[str, Any]] = []
    specs = []
    for key, items in sorted(units.items(), key=lambda u: (-len(u[1]), u[0])):
        row: dict[str, Any] = {
            "title": unit_title(*key),
            "path": paths[key],
            "count": len(items),
            "articles": len({r.article.id for r, _ in items}),
        }
        rows.append(row)
        specs.extend(_unit(index, row, newest_first(items), by_unit[row["path"]], group_of))
    for cluster in clusters:
        specs.extend(_group(index, cluster))
    specs.append(
        spec(
            index,
            "figures/index.md",
            "site/figures.md.j2",
            {
                "units": rows[:UNITS_SHOWN],
                "all_units": len(rows),
                "charts": clusters[:CHARTS_SHOWN],
                "clusters": clusters[:CLUSTERS_SHOWN],
                "all_clusters": len(clusters),
                "conflicts": sum(c["conflict"] for c in clusters),
            },
        )
    )
    if len(rows) > UNITS_SHOWN:
        specs.append(
            spec(
                index,
                "figures/units.md",
                "site/figures_units.md.j2",
                {"units": sorted(rows, key=lambda r: (r["title"].casefold(), r["path"]))},
                (),
                rows,
            )
        )
    return specs


def _unit(
    index: SiteIndex,
    row: dict[str, Any],
    items: list[tuple[Report, Figure]],
    clusters: list[dict[str, Any]],
    group_of: dict[int, str],
) -> list[PageSpec]:
    """A unit's page (newest figures, largest groups) and its pages by date."""
    folder = row["path"][:-3]
    periods = (
        by_date(items, article_date, folder, FIGURES_PER_PAGE)
        if len(items) > NEWEST_FIGURES
        else []
    )
    shown = clusters[:CLUSTERS_SHOWN]
    summary = [(c["path"], len(c["entries"]), c["conflict"], c["figure"].subject) for c in shown]
    newest = items[:NEWEST_FIGURES]
    context = {
        "unit": row,
        "items": [(r, f, group_of.get(id(f))) for r, f in newest],
        "clusters": shown,
        "all_clusters": len(clusters),
        "periods": _period_rows(periods),
    }
    specs = [
        spec(
            index,
            row["path"],
            "site/figures_unit.md.j2",
            context,
            (r for r, _ in items),
            row["title"],
            summary,
            len(clusters),
            [group_of.get(id(f)) for _, f in newest],
        )
    ]
    for page, trail in walk(periods):
        listed = _largest_first(page.entries)
        specs.append(
            spec(
                index,
                page.path,
                "site/figures_period.md.j2",
                {
                    "unit": row,
                    "group": None,
                    "period": page,
                    "trail": trail,
                    "parts": page.parts,
                    "items": [(r, f, group_of.get(id(f))) for r, f in listed],
                },
                (r for r, _ in page.entries),
                row["title"],
                *place(page, trail),
                [group_of.get(id(f)) for _, f in listed],
            )
        )
    return specs


def _group(index: SiteIndex, cluster: dict[str, Any]) -> list[PageSpec]:
    """A group's page: all its figures, or its newest and the rest on pages by date."""
    entries = cluster["entries"]
    periods = (
        by_date(entries, article_date, cluster["path"][:-3], FIGURES_PER_PAGE)
        if len(entries) > FIGURES_PER_PAGE
        else []
    )
    context = {
        "cluster": cluster,
        "items": cluster["shown"] if periods else entries,
        "periods": _period_rows(periods),
    }
    values = (cluster["path"], cluster["unit_title"], cluster["unit_path"])
    specs = [
        spec(
            index,
            cluster["path"],
            "site/figures_group.md.j2",
            context,
            (r for r, _ in entries),
            *values,
        )
    ]
    for page, trail in walk(periods):
        specs.append(
            spec(
                index,
                page.path,
                "site/figures_period.md.j2",
                {
                    "unit": {"title": cluster["unit_title"], "path": cluster["unit_path"]},
                    "group": cluster,
                    "period": page,
                    "trail": trail,
                    "parts": page.parts,
                    "items": [(r, f, None) for r, f in _largest_first(page.entries)],
                },
                (r for r, _ in page.entries),
                *values,
                cluster["name"],
                *place(page, trail),
            )
        )
    return specs
