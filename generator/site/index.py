"""What every cross-article page builds on: actors merged across articles, links, page specs.

The index is built in one pass over the reports into dictionaries keyed by actor, so the site
grows with the number of items, never with its square. A `PageSpec` is a page not yet rendered:
its template, its context and, when the reports' cache keys are known, a key naming everything
the page shows, so a build can take an unchanged page from the page store instead of rendering it.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.model import SEVERITY_ORDER, Actor, Article, Figure, Quote, Report
from generator.site.merge import canonical_names
from generator.slugs import slug

KEY_ACTOR_TYPES = ("person", "organization", "group")


PAGE_SLUG_LENGTH = 60


def page_slug(text: str, fallback: str = "item", reserved: Iterable[str] = ()) -> str:
    """A page's name: an ASCII slug; `fallback` and a short hash when the text has no letters
    or digits at all.

    `index` (each folder's list page) and the names in `reserved` (pages of the same folder)
    are never returned for a text: those get the hash too.
    """
    return slug(text, PAGE_SLUG_LENGTH, frozenset({"index", *reserved}), fallback)


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


def caveat_counts(report: Report) -> dict[str, int]:
    """Caveats of the report by severity."""
    counts: Counter[str] = Counter(c.severity for c in report.caveats)
    return {s: counts.get(s, 0) for s in SEVERITY_ORDER}


def newest_first(items: Iterable[tuple[Report, Any]]) -> list[tuple[Report, Any]]:
    """(report, item) pairs, newest article first (then by article id, descending)."""
    items = list(items)
    # One key per article, not per item: a popular actor has thousands of items.
    keys = {id(r): (r.article.date or "", r.article.id) for r, _ in items}
    return sorted(items, key=lambda p: keys[id(p[0])], reverse=True)


def article_date(entry: tuple[Report, Any]) -> str | None:
    """The publication date of the article of a (report, item) pair."""
    return entry[0].article.date


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
    def slug(self) -> str:
        """The last part of the page's path (without .md)."""
        return self.path.rsplit("/", 1)[-1][:-3]

    @property
    def name(self) -> str:
        """The name most articles use (then the longest, then the first alphabetically)."""
        return min(self.names, key=lambda n: (-self.names[n], -len(n), n))

    @property
    def has_page(self) -> bool:
        """Whether the actor earns a page of its own: one that adds something its article pages
        do not. It does when two or more articles name it, when it is quoted (or relays a
        quote), or when an article gives it a role; the others are listed on their article's
        page and found by searching the article's text."""
        return (
            len(self.appearances) >= 2
            or bool(self.quotes or self.relayed)
            or any(a.roles for _, a in self.appearances)
        )

    @property
    def latest(self) -> str | None:
        """Date of the newest article the actor appears in."""
        return max((r.article.date for r, _ in self.appearances if r.article.date), default=None)

    @property
    def latest_article(self) -> Article | None:
        """The newest article the actor appears in (its date may be inferred: say so)."""
        dated = [r.article for r, _ in self.appearances if r.article.date]
        return max(dated, key=lambda a: (a.date or "", a.id), default=None)

    @property
    def mentions(self) -> int:
        """Mentions over all articles."""
        return sum(len(a.mentions) for _, a in self.appearances)


ACTOR_FOLDER_PAGES = frozenset({"names"})
"""Pages of an actor type's folder besides the actors' own (the directory by name)."""


class SiteIndex:
    """Actors merged across articles, built in one pass: what every page needs to link across."""

    def __init__(self, reports: list[Report], keys: dict[str, str] | None = None) -> None:
        self.reports = reports
        self.keys = keys
        """Article id → cache key of its report, when known: pages are then keyed (`signature`)."""
        self.actors: dict[str, SiteActor] = {}
        self._by_report: dict[str, dict[str, SiteActor]] = {}
        joined = canonical_names(reports)  # 'Vellin' on the page of the one 'Marta Vellin'
        for report in reports:
            local: dict[str, SiteActor] = {}
            for actor in report.actors:
                kind = page_slug(actor.type, "type") if actor.type else "other"
                canonical = joined.get((report.article.id, actor.id), actor.name)
                name = page_slug(canonical, "actor", ACTOR_FOLDER_PAGES)
                path = f"actors/{kind}/{name}.md"
                merged = self.actors.setdefault(path, SiteActor(path, kind))
                merged.names[canonical] += 1
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
        """Actor id in `report` → site path of the merged actor's page, for those with one."""
        local = self._by_report.get(report.article.id, {})
        return {k: v.path for k, v in local.items() if v.has_page}

    def paged_actors(self) -> list[SiteActor]:
        """The actors that have a page of their own (see `SiteActor.has_page`)."""
        return [a for a in self.actors.values() if a.has_page]

    def key_actors(self, report: Report, limit: int = 3) -> list[SiteActor]:
        """The most mentioned people and organisations of an article, then groups."""
        local = self._by_report.get(report.article.id, {})
        # Named actors first: 'the workers' is rarely what a reader scans a list of articles for.
        ranked = sorted(
            (a for a in report.actors if a.type in KEY_ACTOR_TYPES),
            key=lambda a: (a.type == "group", -len(a.mentions), a.name),
        )
        return [local[a.id] for a in ranked[:limit]]

    def signature(self, reports: Iterable[Report], *values: Any) -> str | None:
        """A hash of the reports a page is made from (their cache keys) and other values it shows.

        None when a report's key is unknown: the page is then always rendered.
        """
        if self.keys is None:
            return None
        hasher = hashlib.blake2b(digest_size=16)
        hasher.update(json.dumps(values, default=str, separators=(",", ":")).encode("utf-8"))
        for report in reports:
            key = self.keys.get(report.article.id)
            if key is None:
                return None
            hasher.update(key.encode("utf-8") + b"\0")
        return hasher.hexdigest()


def place(page: Any, trail: list[Any]) -> tuple[Any, ...]:
    """What a page by date shows besides its items: its label, those above it, its parts."""
    return page.label, [p.title for p in trail], [(p.label, p.path) for p in page.parts]


@dataclass
class PageSpec:
    """A cross-article page before rendering."""

    path: str
    template: str
    context: dict[str, Any]
    key: str | None = None
    """A hash of everything the page shows (see `SiteIndex.signature`) with its path and
    template; None: render it every time."""


def spec(
    index: SiteIndex,
    path: str,
    template: str,
    context: dict[str, Any],
    reports: Iterable[Report] | None = None,
    *values: Any,
) -> PageSpec:
    """A page spec keyed by `reports` and `values` (every other thing the page shows)."""
    key = None if reports is None else index.signature(reports, path, template, *values)
    return PageSpec(path, template, context, key)
