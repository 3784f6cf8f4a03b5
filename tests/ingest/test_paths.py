"""Ids and paths from hostile file names: inside the output folder, never colliding silently."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest.files import unique_ids
from generator.slugs import MAX_SLUG, RESERVED, slug
from tests.hostile_sites import make_project

SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HOSTILE_NAMES = [
    "../../etc/passwd",
    "/etc/passwd",
    "..\\..\\Windows\\system32\\config",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\x",
    "..",
    ".",
    "",
    "   ",
    "....//",
    "%2e%2e%2fetc",
    "~root",
    "$HOME",
    "--help",
    "-rf",
    "a/b/c",
    "a\x00b",
    "a\nb\rc\td",
    "CON",
    "con",
    "Nul",
    "aux",
    "PRN",
    "COM1",
    "com0",
    "LPT9",
    "lpt0",
    "con.txt",
    "index",
    "Index",
    "assets",
    "search",
    "articles",
    "sitemap",
    "404",
    "\u202eevil\u202c",
    "a\u200bb",
    "\ufeffbom",
    "\U0001f600",
    "\U0001f600\U0001f600 news",
    "\uff21\uff22\uff23",
    "\ufb01le",
    "\u0130stanbul",
    "\u0420aris",
    "Stra\u00dfe",
    "\u041f\u0440\u0438\u0432\u0435\u0442",
    "\u4e2d\u6587\u6807\u9898",
    "\u0661\u0662\u0663",
    "x" * 300,
    "word " * 100,
    "-" * 50,
    "a" * 70 + "-" + "b" * 30,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_slug_is_a_safe_path_part(name):
    ident = slug(name)
    assert SAFE_ID.fullmatch(ident), ident
    assert len(ident) <= MAX_SLUG
    assert ident not in RESERVED
    assert slug(name) == ident  # deterministic


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\win.ini", "c-windows-win-ini"),
        ("Stra\u00dfe", "strasse"),
        ("\uff21\uff22\uff23", "abc"),  # full-width letters fold to ASCII
    ],
)
def test_slug_keeps_the_readable_part(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize(
    "name", ["con", "CON", "nul", "com1", "com0", "lpt0", "lpt9", "index", "assets", "search"]
)
def test_reserved_names_are_changed(name):
    ident = slug(name)
    assert ident != name.lower() and ident.startswith(name.lower() + "-")


def _ids(root: Path, names: list[str]) -> dict[str, str]:
    paths = [root / name for name in names]
    return {p.relative_to(root).as_posix(): i for p, i in unique_ids(paths, root).items()}


COLLIDING = [
    ["Story.txt", "story.md", "STORY.markdown"],  # case only, and suffix only
    ["Paris.txt", "\uff30aris.txt"],  # full-width look-alike folds to the same slug
    ["a/report.txt", "b/report.txt", "report.txt"],  # same name in different folders
    ["x" * 100 + "1.txt", "x" * 100 + "2.txt"],  # differ only after the slug length limit
    ["caf\u00e9.txt", "cafe\u0301.txt", "cafe.txt"],  # NFC, NFD and plain
    ["con.txt", "CON.md"],  # reserved, twice
]


@pytest.mark.parametrize("names", COLLIDING)
def test_colliding_names_get_distinct_safe_ids(tmp_path, names):
    ids = _ids(tmp_path, names)
    assert len(set(ids.values())) == len(names), ids
    for ident in ids.values():
        assert SAFE_ID.fullmatch(ident) and len(ident) <= MAX_SLUG, ident


def test_a_name_shaped_like_a_disambiguated_id_does_not_collide(tmp_path):
    first = _ids(tmp_path, ["a story.txt", "a-story.md"])
    crafted = [f"{ident}.txt" for ident in first.values()]
    ids = _ids(tmp_path, ["a story.txt", "a-story.md", *crafted])
    assert len(set(ids.values())) == 4, ids


@pytest.mark.parametrize("names", COLLIDING)
def test_ids_do_not_depend_on_order_or_location(tmp_path, names):
    here = _ids(tmp_path / "one" / "seeds", names)
    there = _ids(tmp_path / "elsewhere" / "deeper" / "seeds", list(reversed(names)))
    assert here == there


@pytest.mark.slow
def test_hostile_file_names_build_inside_the_site(tmp_path):
    names = {
        "Story.txt": "The mayor said the budget grew.",
        "story.md": "The council said the budget shrank.",
        "CON.txt": "A minister said prices rose.",
        "index.md": "The governor said taxes fell.",
        "Index.txt": "The senator said rents rose.",
        "search.txt": "The union said wages stalled.",
        "assets.md": "A judge said the case closed.",
        "\u2025\u2215etc\u2215passwd.txt": "The police said the road reopened.",
        "\uff30aris.txt": "The mayor of the city said trains ran late.",
        "Paris.txt": "The prefect said trains ran on time.",
        ("n" * 240) + ".txt": "The agency said exports grew.",
        ("n" * 240) + ".md": "The agency said imports grew.",
        "sub/Story.txt": "A spokesman said the port reopened.",
        "\U0001f600.txt": "The club said the match was delayed.",
    }
    root = make_project(tmp_path / "project", {})
    for name, text in names.items():
        path = root / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    before = {p for p in tmp_path.rglob("*")}
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    site = (root / "site").resolve()
    created = {p for p in tmp_path.rglob("*")} - before
    outside = [
        p
        for p in created
        if not p.resolve().is_relative_to(site)
        and not p.resolve().is_relative_to((root / ".dossier").resolve())
        and p != root / "site"
        and p != root / ".dossier"
    ]
    assert outside == []
    reports = [json.loads(p.read_text("utf-8")) for p in site.glob("articles/*/report.json")]
    ids = [r["article"]["id"] for r in reports]
    assert len(ids) == len(names) and len(set(ids)) == len(ids)
    assert sorted(r["article"]["text"] for r in reports) == sorted(names.values())
    for ident in ids:
        assert SAFE_ID.fullmatch(ident) and ident not in RESERVED
        assert (site / "articles" / ident / "index.html").is_file()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site)
        assert len(os.fsencode(path.name)) <= 255


@pytest.mark.slow
def test_a_link_to_a_file_outside_the_seeds_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The private key of the build machine said nothing.", "utf-8")
    root = make_project(tmp_path / "project", {"real.txt": "The mayor said taxes rose."})
    (root / "seeds" / "leak.txt").symlink_to(secret)
    (root / "seeds" / "inside.txt").symlink_to(root / "seeds" / "real.txt")
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "leak.txt: links to a file outside" in result.output
    site = root / "site"
    assert not (site / "articles" / "leak").exists()
    assert (site / "articles" / "inside" / "index.html").is_file()  # a link inside is fine
    assert all("private key" not in p.read_text("utf-8") for p in site.rglob("*.html"))


def test_dossier_add_never_overwrites_an_article(tmp_path):
    from generator.ingest.add import article_path
    from generator.ingest.webpage import WebPage

    page = WebPage(text="x", title="Same headline", date=None, author=None, source=None, url=None)
    url = "https://example.org/a"
    taken = []
    for _ in range(4):
        path = article_path(tmp_path, page, url)
        assert not path.exists() and path.parent == tmp_path
        path.write_text("taken", "utf-8")
        taken.append(path)
    assert len(set(taken)) == 4
    hostile = WebPage(
        text="x", title="../../etc/passwd", date=None, author=None, source=None, url=None
    )
    assert article_path(tmp_path, hostile, url).parent == tmp_path
