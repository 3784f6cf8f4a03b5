"""Actors across articles: one page per person, surnames and spellings joined only where they fit."""

from __future__ import annotations

import pytest

from generator.analysis.analyze import analyze_doc
from generator.ingest.files import parse_article
from generator.site.index import SiteIndex

STORIES = {
    "vellin-1": (
        "Marta Vellin, the governor of South Dakota, said on Tuesday that the state would fight "
        "the drug. Vellin spoke at a rally in Sioux Falls organised by the Republican Party."
    ),
    "vellin-2": (
        "Gov. Vellin told reporters the campaign against the drug would go on. The Republican "
        "Party backed her plan at a meeting in Sioux Falls."
    ),
    "biden-1": "Joe Biden said the economy was growing. Biden spoke at a factory in Delaware run by Ford.",
    "biden-2": (
        "Jill Biden visited a school in Ohio. Biden said teachers needed more support from the "
        "National Education Association."
    ),
    "biden-3": "Mr. Biden met union leaders in Ohio on Friday.",
    "zel-1": "Volodymyr Zelensky met NATO officials in Kyiv on Monday. Zelensky said the talks went well.",
    "zel-2": (
        "President Volodymyr Zelenskyy asked NATO for more air defence. Zelenskyy said the need "
        "was urgent."
    ),
}


@pytest.fixture(scope="module")
def index(nlp):
    reports = []
    for n, (ident, text) in enumerate(sorted(STORIES.items())):
        article = parse_article(
            text.encode(), f"{ident}.txt", ident, ".txt", date=f"2024-03-0{n + 1}"
        )
        reports.append(analyze_doc(nlp(article.text), article))
    return SiteIndex(reports)


def pages_of(index, article):
    return {
        path
        for path, actor in index.actors.items()
        if path.startswith("actors/person/")
        and any(r.article.id == article for r, _ in actor.appearances)
    }


def test_a_surname_joins_the_one_full_name_of_its_story(index):
    assert pages_of(index, "vellin-2") == {"actors/person/marta-vellin.md"}
    assert index.actors["actors/person/marta-vellin.md"].name == "Marta Vellin"


def test_a_spelling_variant_joins_the_name_of_its_story(index):
    assert pages_of(index, "zel-1") == pages_of(index, "zel-2")
    assert len(pages_of(index, "zel-1")) == 1


def test_people_who_share_a_surname_are_never_merged(index):
    assert pages_of(index, "biden-1") == {"actors/person/joe-biden.md"}
    assert pages_of(index, "biden-2") == {"actors/person/jill-biden.md"}
    # 'Mr. Biden' in a story that shares nothing with either: his own page, not a guess.
    assert pages_of(index, "biden-3") == {"actors/person/biden.md"}


# The merge compares each name only with those that can be its full form or spelling variant;
# it must decide as a comparison of every name with every other would.
def _every_pair(reports):
    """The rule of `canonical_names` applied to every pair of names (quadratic, plain)."""
    from difflib import SequenceMatcher

    from generator.site.merge import STORY_WORDS, _shares_story, _story, name_key

    full = {}
    for report in reports:
        for actor in report.actors:
            full.setdefault((actor.type, name_key(actor.name)), []).append((report, actor))
    out = {}
    for report in reports:
        own = {name_key(a.name) for a in report.actors}
        for actor in report.actors:
            key, words = name_key(actor.name), name_key(actor.name).split()
            if actor.type != "person" or not key:
                continue
            people = [k for (t, k) in full if t == "person" and k != key and k not in own]
            candidates = []
            if len(words) == 1:
                candidates = sorted(
                    k for k in people if len(k.split()) > 1 and k.split()[-1] == key
                )
            if not candidates and len(key) >= 6:
                candidates = sorted(
                    k
                    for k in people
                    if k.split()[:-1] == words[:-1]
                    and len(k.split()) == len(words)
                    and SequenceMatcher(None, k, key).ratio() >= 0.9
                    and (-len(full[("person", k)]), k) < (-len(full[("person", key)]), key)
                )
            names = {name_key(o.name): o.type for o in report.actors if o.id != actor.id}
            roles = {w for r in actor.roles for w in r.lower().split() if len(w) >= STORY_WORDS}
            sharing = [
                c
                for c in candidates
                if _shares_story(names, roles, _story(full[("person", c)]), {c, key})
            ]
            if len(sharing) == 1:
                out[(report.article.id, actor.id)] = full[("person", sharing[0])][0][1].name
    return out


@pytest.mark.parametrize("seed", range(6))
def test_merge_decides_as_comparing_every_pair_would(seed):
    import random

    from generator.model import Actor
    from generator.site.merge import canonical_names
    from tests.factory import make_article, make_report

    rng = random.Random(seed)
    first = ["Ana", "Lena", "Marek", "Ravi", "Jonas"]
    last = ["Varga", "Vargas", "Holm", "Holmes", "Okafor", "Okafore", "Lindqvist", "Lindquist"]
    others = [("Calder Bank", "organization"), ("Aldport", "place"), ("Brennick", "place")]
    reports = []
    for n in range(40):
        actors = []
        for _ in range(rng.randint(1, 5)):
            shape = rng.random()
            surname = rng.choice(last)
            name = surname if shape < 0.4 else f"{rng.choice(first)} {surname}"
            name = name.upper() if rng.random() < 0.1 else name
            kind = "person" if rng.random() < 0.85 else "organization"
            roles = [rng.choice(["mayor", "analyst", "of the bank"])] if rng.random() < 0.3 else []
            actors.append((name, kind, roles))
        actors += rng.sample(others, rng.randint(0, 2))
        seen, made = set(), []
        for name, kind, *rest in actors:
            ident = f"{kind}-{name.lower().replace(' ', '-')}"
            if ident in seen:
                continue
            seen.add(ident)
            made.append(Actor(ident, name, kind, rest[0] if rest else [], [], []))
        reports.append(make_report(make_article("Text.", f"a{n}"), actors=made))
    assert canonical_names(reports) == _every_pair(reports)
