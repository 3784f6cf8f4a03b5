"""Actor pages across articles, each of bounded size however many articles name the actor.

An actor's page shows the roles articles give it over time, its affiliations, and its newest
articles, quotes and figures; when there are more, all of them are on archive pages by the
date of the articles (`archive.by_date`), which an added article leaves alone unless it falls
in their period. The type pages list the actors named in most articles, and every actor on
directory pages by the first letters of their names.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.site.archive import Period, by_date, by_prefix, walk
from generator.site.index import (
    PageSpec,
    SiteActor,
    SiteIndex,
    article_date,
    newest_first,
    place,
    spec,
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
INDEX_TOP = 25
"""Actors per type on the actors index."""
TYPE_TOP = 100
"""Actors on a type's page (named in most articles); the directory pages list them all."""
NAMES_PER_PAGE = 300
"""Names on a directory page before a letter is split by its next letter."""
ROWS_SHOWN = 60
"""Rows (articles, quotes, figures) an actor's page shows all of; with more, it shows the
newest of each kind and all of them are on pages by date."""
NEWEST_ARTICLES = 20
NEWEST_QUOTES = 10
NEWEST_FIGURES = 10
ROLES_SHOWN = 20
"""Roles on an actor's page: those given in most articles, oldest first."""
AFFILIATIONS_SHOWN = 10
OTHER_NAMES_SHOWN = 10
ROWS_PER_PAGE = 150
"""Rows (articles, quotes, figures) on an archive page before its year is split by month."""


def roles_over_time(actor: SiteActor) -> list[dict[str, Any]]:
    """Each role with the first and last article dates it was given, oldest first."""
    seen: dict[str, dict[str, Any]] = {}
    for report, a in actor.appearances:
        for role in dict.fromkeys(a.roles):
            entry = seen.setdefault(
                role.casefold(),
                {
                    "role": role,
                    "first": None,
                    "last": None,
                    "first_article": None,
                    "last_article": None,
                    "articles": 0,
                },
            )
            entry["articles"] += 1
            date = report.article.date
            if date:
                if entry["first"] is None or date < entry["first"]:
                    entry["first"], entry["first_article"] = date, report.article
                if entry["last"] is None or date > entry["last"]:
                    entry["last"], entry["last_article"] = date, report.article
    return sorted(seen.values(), key=lambda e: (e["first"] or "9999", e["role"].casefold()))


def _sections(by_type: dict[str, list[SiteActor]]) -> list[dict[str, Any]]:
    order = [t for t in TYPE_TITLES if t in by_type] + sorted(set(by_type) - set(TYPE_TITLES))
    return [
        {
            "type": t,
            "title": TYPE_TITLES.get(t, t.title()),
            "path": f"actors/{t}/index.md",
            "actors": by_type[t],
        }
        for t in order
    ]


def actor_pages(index: SiteIndex) -> list[PageSpec]:
    """The actors index, a page per type, the directories by name, and each actor's pages."""
    by_type: dict[str, list[SiteActor]] = defaultdict(list)
    for actor in index.paged_actors():
        by_type[actor.type].append(actor)
    for items in by_type.values():
        items.sort(key=lambda a: (-len(a.appearances), -a.mentions, a.name.casefold(), a.path))
    sections = _sections(by_type)
    specs = [
        spec(
            index, "actors/index.md", "site/actors.md.j2", {"sections": sections, "top": INDEX_TOP}
        )
    ]
    for section in sections:
        groups = by_prefix(section["actors"], lambda a: a.slug, NAMES_PER_PAGE)
        directory: list[dict[str, Any]] = [
            {
                "prefix": prefix,
                "path": f"actors/{section['type']}/names/{prefix}.md",
                "actors": sorted(members, key=lambda a: (a.name.casefold(), a.path)),
            }
            for prefix, members in groups.items()
        ]
        specs.append(
            spec(
                index,
                section["path"],
                "site/actor_type.md.j2",
                {"section": section, "top": TYPE_TOP, "directory": directory},
            )
        )
        for page in directory:
            specs.append(
                spec(
                    index,
                    page["path"],
                    "site/actor_names.md.j2",
                    {"section": section, "letter": page, "directory": directory},
                    (),
                    section["title"],
                    [d["prefix"] for d in directory],
                    [(a.path, a.name) for a in page["actors"]],
                )
            )
    for actor in index.paged_actors():
        specs.extend(_one_actor(index, actor))
    return specs


def _one_actor(index: SiteIndex, actor: SiteActor) -> list[PageSpec]:
    """An actor's page and, when it has more than its page shows, its archive pages."""
    appearances = newest_first(actor.appearances)
    quotes = newest_first(actor.quotes)
    relayed = newest_first(actor.relayed)
    figures = newest_first(actor.figures)
    all_roles = roles = roles_over_time(actor)
    if len(roles) > ROLES_SHOWN:
        kept = sorted(roles, key=lambda r: (-r["articles"], r["role"].casefold()))[:ROLES_SHOWN]
        roles = [r for r in roles if any(r is k for k in kept)]
    others = sorted((n for n in actor.names if n != actor.name), key=lambda n: (-actor.names[n], n))
    affiliations = sorted(
        (index.actors[p] for p in actor.affiliations),
        key=lambda a: (-actor.affiliations[a.path], a.name),
    )
    truncated = len(appearances) + len(quotes) + len(relayed) + len(figures) > ROWS_SHOWN
    periods = _archive(actor, appearances, quotes, relayed, figures) if truncated else []
    shown = (NEWEST_ARTICLES, NEWEST_QUOTES, NEWEST_FIGURES) if truncated else (None,) * 3
    type_title = TYPE_SINGULAR.get(actor.type, actor.type)
    context = {
        "actor": actor,
        "name": actor.name,
        "other_names": sorted(others[:OTHER_NAMES_SHOWN]),
        "more_names": max(0, len(others) - OTHER_NAMES_SHOWN),
        "type_title": type_title,
        "roles": roles,
        "more_roles": len(all_roles) - len(roles),
        "counts": {
            "articles": len(appearances),
            "mentions": actor.mentions,
            "quotes": len(quotes),
        },
        "appearances": appearances[: shown[0]],
        "quotes": quotes[: shown[1]],
        "relayed": relayed[: shown[1]],
        "figures": figures[: shown[2]],
        "totals": {"relayed": len(relayed), "figures": len(figures)},
        "affiliations": [
            (a, actor.affiliations[a.path]) for a in affiliations[:AFFILIATIONS_SHOWN]
        ],
        "more_affiliations": max(0, len(affiliations) - AFFILIATIONS_SHOWN),
        "periods": [period_row(p) for p in periods],
    }
    specs = [
        spec(
            index,
            actor.path,
            "site/actor.md.j2",
            context,
            (r for r, _ in appearances),
            actor.name,
            [(a.path, a.name, a.has_page) for a in affiliations],
        )
    ]
    for page, trail in walk(periods):
        specs.append(
            spec(
                index,
                page.path,
                "site/actor_period.md.j2",
                {
                    "actor": actor,
                    "name": actor.name,
                    "period": page,
                    "trail": trail,
                    "parts": page.parts,
                    **_period_items(page),
                },
                (entry["report"] for entry in page.entries),
                actor.name,
                *place(page, trail),
            )
        )
    return specs


def _archive(
    actor: SiteActor,
    appearances: list[tuple[Any, Any]],
    quotes: list[tuple[Any, Any]],
    relayed: list[tuple[Any, Any]],
    figures: list[tuple[Any, Any]],
) -> list[Period]:
    """Every article of the actor with its quotes and figures, cut into pages by date."""
    by_article: dict[str, dict[str, Any]] = {}
    entries = []
    for report, a in appearances:
        entry = {"report": report, "actor": a, "quotes": [], "relayed": [], "figures": []}
        by_article[report.article.id] = entry
        entries.append(entry)
    for name, items in (("quotes", quotes), ("relayed", relayed), ("figures", figures)):
        for report, item in items:
            by_article[report.article.id][name].append((report, item))
    return by_date(
        entries,
        lambda e: article_date((e["report"], None)),
        actor.path[:-3],
        ROWS_PER_PAGE,
        weight=lambda e: 1 + len(e["quotes"]) + len(e["relayed"]) + len(e["figures"]),
    )


def period_row(period: Period) -> dict[str, Any]:
    """A row of an archive table: the period's page and how much it holds."""
    entries = period.everything()
    return {
        "title": period.title,
        "path": period.path,
        "articles": len(entries),
        "quotes": sum(len(e["quotes"]) for e in entries),
        "figures": sum(len(e["figures"]) for e in entries),
    }


def _period_items(period: Period) -> dict[str, list[Any]]:
    """The articles, quotes, relayed quotes and figures on one archive page."""
    return {
        "articles": [(e["report"], e["actor"]) for e in period.entries],
        "quotes": [q for e in period.entries for q in e["quotes"]],
        "relayed": [q for e in period.entries for q in e["relayed"]],
        "figures": [f for e in period.entries for f in e["figures"]],
    }
