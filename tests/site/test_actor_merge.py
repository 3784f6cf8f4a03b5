"""Actors across articles: one page per person, surnames and spellings joined only where they fit."""

from __future__ import annotations

import pytest

from generator.analysis.analyze import analyze_doc
from generator.ingest.files import parse_article
from generator.site.index import SiteIndex

STORIES = {
    "noem-1": (
        "Kristi Noem, the governor of South Dakota, said on Tuesday that the state would fight "
        "the drug. Noem spoke at a rally in Sioux Falls organised by the Republican Party."
    ),
    "noem-2": (
        "Gov. Noem told reporters the campaign against the drug would go on. The Republican "
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
    assert pages_of(index, "noem-2") == {"actors/person/kristi-noem.md"}
    assert index.actors["actors/person/kristi-noem.md"].name == "Kristi Noem"


def test_a_spelling_variant_joins_the_name_of_its_story(index):
    assert pages_of(index, "zel-1") == pages_of(index, "zel-2")
    assert len(pages_of(index, "zel-1")) == 1


def test_people_who_share_a_surname_are_never_merged(index):
    assert pages_of(index, "biden-1") == {"actors/person/joe-biden.md"}
    assert pages_of(index, "biden-2") == {"actors/person/jill-biden.md"}
    # 'Mr. Biden' in a story that shares nothing with either: his own page, not a guess.
    assert pages_of(index, "biden-3") == {"actors/person/biden.md"}
