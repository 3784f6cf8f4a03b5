"""Synthetic news articles for the benchmarks: made-up names, figures, dates and quotes.

Deterministic for a given seed, so two runs measure the same corpus. The texts are written
from templates here; none comes from a real article or from the evaluation data.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

FIRST = "Ana Tomas Lena Marek Ines Ravi Sofia Jonas Mira Pavel Elena Kofi Nadia Owen Ruth".split()
LAST = "Varga Holm Okafor Lindqvist Moreau Castell Brandt Novak Quist Rahman Ferro Dahl".split()
ORGS = [
    "Northwind Energy",
    "the Harbour Authority",
    "Calder Bank",
    "the Ministry of Transport",
    "Brightwater Foods",
    "the National Statistics Office",
    "Meridian Rail",
    "the Workers' Union",
]
PLACES = "Aldport Brennick Castora Dunmere Elstow Farrowby Glenhaven Hollin".split()
ROLES = ["chief executive", "spokesperson", "finance minister", "mayor", "union leader", "analyst"]
THINGS = ["ferry routes", "wind farms", "school meals", "bus fares", "housing permits", "exports"]
UNITS = [("million euros", 1), ("billion dollars", 1), ("percent", 0), ("jobs", 0), ("tonnes", 0)]

SENTENCES = [
    "{org} said on {weekday} that it would spend {n} {unit} on {thing} in {place}.",
    '"We cannot wait any longer," said {person}, the {role} of {org}.',
    "According to {org}, {thing} in {place} rose by {small} percent in {month}.",
    "{person}, who has led {org} since {year}, told reporters the plan was {adj}.",
    "The decision follows {n} months of talks between {org} and {org2}.",
    "Critics in {place} argue that the {thing} budget may not be enough.",
    "{person} is expected to present the figures to parliament next week.",
    "Officials estimated that about {n} residents of {place} would be affected.",
    '"This is a {adj} day for {place}," {person} added in a statement.',
    "The {role} warned that costs could rise if {org2} delays its decision until {month}.",
    "Last year, {org} reported a profit of {n} {unit}, down from {year}.",
    "Some analysts said the move was likely to reshape {thing} across the region.",
]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()
MONTHS = "January February March April May June July August September October November".split()
ADJECTIVES = ["historic", "difficult", "necessary", "premature", "welcome", "costly"]


def article(index: int, seed: int = 7, sentences: int = 24) -> tuple[str, str, str]:
    """(title, date, body) of synthetic article `index`."""
    rng = random.Random(seed * 1_000_003 + index)
    place = rng.choice(PLACES)
    org = rng.choice(ORGS)
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
    lines = []
    for _ in range(sentences):
        unit, _ = rng.choice(UNITS)
        text = rng.choice(SENTENCES).format(
            org=org if rng.random() < 0.6 else rng.choice(ORGS),
            org2=rng.choice(ORGS),
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            role=rng.choice(ROLES),
            weekday=rng.choice(WEEKDAYS),
            n=rng.randrange(2, 900),
            small=rng.randrange(1, 40),
            unit=unit,
            thing=rng.choice(THINGS),
            place=place if rng.random() < 0.7 else rng.choice(PLACES),
            month=rng.choice(MONTHS),
            year=rng.randrange(2005, 2024),
            adj=rng.choice(ADJECTIVES),
        )
        lines.append(text[0].upper() + text[1:])
    paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    title = f"{org[0].upper() + org[1:]} plans for {rng.choice(THINGS)} in {place} ({index})"
    return title, date.isoformat(), "\n\n".join(paragraphs)


def write_corpus(folder: Path, count: int, start: int = 0, seed: int = 7) -> list[Path]:
    """Write articles `start` .. `start + count - 1` into `folder` as Markdown files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        title, date, body = article(i, seed)
        path = folder / f"synthetic-{i:06d}.md"
        meta = yaml.safe_dump({"title": title, "date": date}, sort_keys=False, width=10_000)
        path.write_text(f"---\n{meta}---\n{body}\n", "utf-8")
        paths.append(path)
    return paths


def texts(count: int, seed: int = 7) -> list[str]:
    """The bodies of the first `count` articles."""
    return [article(i, seed)[2] for i in range(count)]
