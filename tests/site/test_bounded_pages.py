"""Cross-article pages stay small, and adding an article changes only a few of them."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import pytest

from generator.model import Caveat
from generator.site.archive import by_date, by_prefix
from generator.site.index import SiteIndex
from generator.site.pages import SitePages
from generator.site.render import make_env
from tests.site.test_pages import report

START = dt.date(2023, 1, 1)


def article(n: int, date: dt.date):
    """A small report: the same mayor, council and figure subject in every article."""
    text = (
        f"Mayor Ann Lee met the Valley Council on day {n}. Unemployment in the valley rose "
        f"to {n % 40 + 1} percent. \u201cWe act now {n},\u201d Ann Lee said."
    )
    made = report(
        f"a{n:04d}",
        date.isoformat(),
        text,
        actors=[
            ("Ann Lee", "person", ["Mayor" if n % 3 else "Governor"]),
            ("Valley Council", "organization", []),
        ],
        figures=[
            (
                f"{n % 40 + 1} percent",
                n % 40 + 1,
                "%",
                "unemployment in the valley rose",
                "fact",
            )
        ],
        quotes=[("Ann Lee", f"We act now {n},")],
        timeline=[
            ("2024-03", "reported"),
            ("2024", "reported"),
            (f"{date:%Y-%m-%d}", "reported"),
            ("2025-06", "planned"),
        ],
        title=f"Council meeting {n}",
    )
    high = Caveat("unattributed", text[:20], 0, 20, None, "high", "No source is named.")
    return replace(made, caveats=[high])


def corpus(count: int):
    """`count` articles, one every three days from the start of 2023."""
    return [article(n, START + dt.timedelta(days=3 * n)) for n in range(count)]


def keys_of(reports) -> dict[str, str]:
    """Stand-ins for the reports' cache keys: a hash of each report."""
    return {r.article.id: hashlib.sha256(r.to_json().encode("utf-8")).hexdigest() for r in reports}


def site(reports):
    """Every cross-article page: path → (key, Markdown)."""
    newest_first = sorted(reports, key=lambda r: (r.article.date, r.article.id), reverse=True)
    pages = SitePages(make_env(), SiteIndex(newest_first, keys_of(newest_first)))
    return {spec.path: (spec.key, pages.render(spec)) for spec in pages.specs()}


@pytest.fixture(scope="module")
def before():
    return site(corpus(300))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("date", "most"),
    [
        (START + dt.timedelta(days=3 * 300), 30),  # the newest article, as most additions are
        (dt.date(2023, 6, 16), 30),  # one dated among the others
    ],
)
def test_adding_an_article_changes_few_small_pages(before, date, most):
    after = site([*corpus(300), article(1000, date)])
    changed = sorted(p for p in after if before.get(p, (None, None))[1] != after[p][1])
    assert len(changed) <= most, changed
    assert max(len(after[p][1]) for p in changed) < 30_000
    # Pages of earlier periods are left alone.
    assert "timeline/2024/03/reported-2023.md" not in changed
    assert "actors/person/ann-lee/2023-02.md" not in changed


def test_every_page_is_bounded(before):
    sizes = {path: len(markdown) for path, (_, markdown) in before.items()}
    assert max(sizes.values()) < 40_000, max(sizes, key=sizes.get)
    # The crowded lists were cut: 300 articles in one month of events, one actor, one unit.
    assert "timeline/2024/03/reported-2024-02.md" in before
    assert "actors/person/ann-lee/2024-02.md" in before
    assert "figures/percent/2023-06.md" in before
    assert "articles/by-date/2023-06.md" in before
    assert "caveats/2023-06.md" in before


@pytest.mark.slow
def test_a_page_with_the_same_key_has_the_same_content(before):
    after = site([*corpus(300), article(1000, dt.date(2023, 6, 16))])
    same = [p for p in after if p in before and after[p][0] and after[p][0] == before[p][0]]
    assert len(same) > 20
    assert [p for p in same if after[p][1] != before[p][1]] == []


def test_pages_without_report_keys_are_not_keyed():
    pages = SitePages(make_env(), SiteIndex(corpus(3)))
    assert all(spec.key is None for spec in pages.specs())


def test_by_date_cuts_busy_years_by_month():
    entries = [("2024-06-02", "a"), ("2024-06-01", "b"), ("2024-05-30", "c"), ("2023-01-05", "d")]
    entries += [(None, "e"), ("2024", "f")]
    periods = by_date(entries, lambda e: e[0], "x/y", 3)
    assert [(p.label, p.path) for p in periods] == [
        ("2024", "x/y/2024.md"),
        ("2023", "x/y/2023.md"),
        ("undated", "x/y/undated.md"),
    ]
    year = periods[0]
    assert [(m.label, [e[1] for e in m.entries]) for m in year.parts] == [
        ("2024-06", ["a", "b"]),
        ("2024-05", ["c"]),
    ]
    assert [e[1] for e in year.entries] == ["f"]  # dated only by the year: on the year page
    assert year.parts[0].title == "June 2024" and periods[2].title == "Undated"
    assert not periods[1].parts
    # Weighted: one entry worth many rows is enough to cut the year.
    heavy = by_date(entries[:2], lambda e: e[0], "x", 3, weight=lambda e: 2)
    assert [m.label for m in heavy[0].parts] == ["2024-06"]


def test_by_prefix_splits_crowded_letters():
    names = ["anna", "anton", "andre", "bea", "a"]
    assert by_prefix(names, str, 2) == {
        "a": ["a"],
        "and": ["andre"],
        "ann": ["anna"],
        "ant": ["anton"],
        "b": ["bea"],
    }
    assert by_prefix(names, str, 2, depth=2) == {
        "a": ["a"],
        "an": ["andre", "anna", "anton"],
        "b": ["bea"],
    }
