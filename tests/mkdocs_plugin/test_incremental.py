"""Incremental `dossier build`: after adding, changing and removing articles, the site is the
same, byte for byte, as a full build of the same inputs in a fresh folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.mkdocs_plugin.incremental import STATE_NAME, SiteState, digest
from generator.mkdocs_plugin.pagestore import PageStore, StoredPage, read_by_others
from tests.pagefind_index import search_records

pytestmark = pytest.mark.slow  # builds sites with MkDocs

ROOT = Path(__file__).resolve().parents[2]

# Short articles written for these tests: people, organisations, places, figures and dates, so
# that actor, tag, timeline and figure pages are shared between articles.
ARTICLES = {
    "harbour.md": (
        "---\ntitle: Harbour cranes approved\ndate: 2024-03-04\nsource: Coastal Ledger\n---\n"
        "The port authority of Brightwater approved 12 new cranes on Monday. Mayor Ines Castell "
        "said the cranes would cost 40 million euros. Critics in Dunmere say the plan may be too "
        "costly.\n"
    ),
    "rail.md": (
        "---\ntitle: Rail link delayed\ndate: 2024-05-10\nsource: Valley Wire\n---\n"
        "Meridian Rail delayed the Brightwater line until 2026. Ines Castell told reporters "
        "that the delay was unacceptable. The company said costs rose by 8 percent last year.\n"
    ),
    "school.md": (
        "---\ntitle: School meals expanded\ndate: 2024-06-01\nsource: Coastal Ledger\n---\n"
        "The education ministry will give free school meals to 3,000 pupils in Dunmere from "
        "September. Minister Ravi Holm said the scheme would cost 2 million euros a year.\n"
    ),
    "ferry.md": (
        "---\ntitle: Ferry strike ends\ndate: 2024-07-15\nsource: Harbour Times\n---\n"
        "Ferry workers in Glenhaven ended a five-day strike on Friday after the Workers' Union "
        "accepted a 4 percent raise. Union leader Owen Dahl called the deal fair.\n"
    ),
}
ADDED = (
    "---\ntitle: Wind farm planned\ndate: 2024-08-20\nsource: Valley Wire\n---\n"
    "Northwind Energy plans a wind farm off Brightwater worth 300 million euros. Mayor Ines "
    "Castell welcomed the plan on Tuesday, but fishermen in Glenhaven fear for their catch.\n"
)


@pytest.fixture(scope="module", autouse=True)
def fixed_build_date():
    """The sitemap carries the build date: the same for every build here, even at midnight.

    The sites here are small: one article is more than a tenth of their pages, so the search
    index is kept as a base with a recent index beside it however much changed."""
    from generator.mkdocs_plugin import search

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        patch.setattr(search, "RECENT_SHARE", 1.0)
        yield


def new_project(root: Path, articles: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    # a site URL, so the sitemap lists every page (in page order) and pages have canonical links
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "site_url: !ENV SITE_URL" in config
    config = config.replace("site_url: !ENV SITE_URL", "site_url: https://example.org/dossier/")
    (root / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "seeds").mkdir()
    for name, text in articles.items():
        (root / "seeds" / name).write_text(text, "utf-8")
    return root


def build(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["build", "--strict", "-f", str(root / "mkdocs.yml"), *args])
    assert result.exit_code == 0, result.output
    return result.output


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_site(built: Path, expected: Path) -> None:
    """The same pages and files, byte for byte; the search index may be a base and a recent
    index where the full build has one: a search must find the same pages with the same text."""
    got, want = tree(built), tree(expected)
    got = {p: b for p, b in got.items() if not p.startswith("pagefind/")}
    want = {p: b for p, b in want.items() if not p.startswith("pagefind/")}
    assert sorted(got) == sorted(want)
    differ = [path for path in want if got[path] != want[path]]
    assert differ == []
    assert search_records(built) == search_records(expected)
    for name in ("pagefind.js", "pagefind-entry.json", "dossier.json"):
        assert (built / "pagefind" / name).is_file()


def edit(root: Path) -> dict[str, str]:
    """Add one article, change one, remove one; return the articles as they are now."""
    articles = dict(ARTICLES)
    (root / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    articles["wind.md"] = ADDED
    changed = ARTICLES["rail.md"].replace("8 percent", "11 percent")
    (root / "seeds" / "rail.md").write_text(changed, "utf-8")
    articles["rail.md"] = changed
    (root / "seeds" / "school.md").unlink()
    del articles["school.md"]
    return articles


@pytest.fixture(scope="module")
def edited(tmp_path_factory, nlp) -> tuple[Path, Path, str]:
    """A project built fully, edited, and built again; and a fresh full build of the result."""
    root = new_project(tmp_path_factory.mktemp("incremental"), ARTICLES)
    first = build(root)
    assert "full build: no record of a complete earlier build" in first
    articles = edit(root)
    second = build(root)
    fresh = new_project(tmp_path_factory.mktemp("fresh"), articles)
    build(fresh, "--full")
    return root, fresh, second


def test_incremental_build_equals_a_fresh_full_build(edited):
    root, fresh, output = edited
    assert "incremental build:" in output
    assert_same_site(root / "site", fresh / "site")


def test_removed_article_is_gone_and_added_one_is_searchable(edited):
    root, _, _ = edited
    site = root / "site"
    assert not (site / "articles" / "school").exists()
    assert (site / "articles" / "wind" / "source" / "index.html").is_file()
    pages = {record["url"] for record in search_records(site)}
    assert "/articles/wind/" in pages and "/articles/harbour/source/" in pages
    assert not any(page.startswith("/articles/school/") for page in pages)
    # harbour's pages were not rendered again, yet the tags plugin still lists it
    tags = (site / "tags.json").read_text("utf-8")
    assert "articles/harbour/" in tags and "articles/school/" not in tags


def test_only_what_changed_is_indexed_again(edited):
    """The rail article changed and the school one is gone: their pages in the base index are
    hidden, the changed and added pages are in the recent index, the rest is the base's."""
    root, _, output = edited
    bundle = root / "site" / "pagefind"
    overlay = json.loads((bundle / "dossier.json").read_text("utf-8"))
    assert overlay["recent"] == "recent/"
    recent = {r["url"] for r in _records(bundle / "recent")}
    assert "/articles/wind/" in recent and "/articles/rail/source/" in recent
    assert not any(url.startswith("/articles/ferry/") for url in recent)  # unchanged
    hidden = {r["url"] for i, r in _fragments_by_id(bundle).items() if i in overlay["hide"]}
    assert "/articles/school/" in hidden and "/articles/rail/source/" in hidden
    assert "/articles/ferry/" not in hidden
    assert "added to the last full index" in output


def _fragments_by_id(bundle: Path) -> dict:
    from tests.pagefind_index import _fragments

    return _fragments(bundle)


def _records(bundle: Path) -> list:
    return list(_fragments_by_id(bundle).values())


def test_too_many_changes_index_the_whole_site_again(tmp_path, nlp, monkeypatch):
    from generator.mkdocs_plugin import search

    monkeypatch.setattr(search, "RECENT_SHARE", 0.1)
    articles = dict(list(ARTICLES.items())[:2])
    root = new_project(tmp_path / "p", articles)
    build(root)
    (root / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    output = build(root)
    assert "incremental build:" in output and "added to the last full index" not in output
    overlay = json.loads((root / "site" / "pagefind" / "dossier.json").read_text("utf-8"))
    assert overlay == {"recent": None, "hide": []}
    fresh = new_project(tmp_path / "fresh", {**articles, "wind.md": ADDED})
    build(fresh, "--full")
    assert_same_site(root / "site", fresh / "site")


def test_unchanged_pages_are_not_written_again(edited):
    root, _, _ = edited
    page = root / "site" / "articles" / "harbour" / "source" / "index.html"
    before = page.stat().st_mtime_ns
    output = build(root)
    assert page.stat().st_mtime_ns == before
    # nothing generated is rendered when nothing changed (docs/ pages always are)
    assert "incremental build: 0 of " in output


def test_plain_mkdocs_build_gives_the_same_site(edited, tmp_path):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root, fresh, _ = edited
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    assert_same_site(tmp_path / "site", fresh / "site")


def test_mkdocs_dirty_build_in_place_equals_a_fresh_full_build(edited, tmp_path):
    """`mkdocs build --dirty` writes into the site folder itself: what is gone must go."""
    _, fresh, _ = edited
    root = new_project(tmp_path / "p", ARTICLES)
    build(root)
    edit(root)
    # its own process: MkDocs keeps plugins (and the search plugin's dirty mode) per process
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--strict", "-f", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "dossier: incremental build" in done.stderr
    assert_same_site(root / "site", fresh / "site")


def test_changed_docs_page_makes_a_full_build(tmp_path, nlp):
    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:2]))
    build(root)
    about = root / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert "full build: settings, docs/, templates, theme or tool changed" in build(root)
    assert "One more line." in (root / "site" / "about" / "index.html").read_text("utf-8")
    assert "incremental build:" in build(root)


def test_deleted_output_is_written_again(tmp_path, nlp):
    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:2]))
    build(root)
    page = root / "site" / "articles" / "harbour" / "actors" / "index.html"
    expected = page.read_bytes()
    page.unlink()
    build(root)
    assert page.read_bytes() == expected


def test_interrupted_build_leaves_no_record(tmp_path, nlp, monkeypatch):
    from generator.mkdocs_plugin import incremental

    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:2]))
    build(root)
    assert (root / ".dossier" / STATE_NAME).is_file()

    def killed(self):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(incremental.SiteTracker, "finish", killed)
    (root / "seeds" / "ferry.md").write_text(ARTICLES["ferry.md"], "utf-8")
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code != 0
    assert not (root / ".dossier" / STATE_NAME).exists()
    monkeypatch.undo()
    assert "full build: no record of a complete earlier build" in build(root)


def test_navigation_title_from_data_makes_a_full_build(tmp_path, nlp):
    """A nav title that counts articles changes every page's navigation: build everything."""
    articles = dict(list(ARTICLES.items())[:2])
    projects = []
    for name in ("incremental", "fresh"):
        root = new_project(tmp_path / name, articles)
        config = root / "mkdocs.yml"
        config.write_text(
            config.read_text("utf-8").replace(
                "  - Articles: articles/index.md", "  - articles/index.md"
            ),
            "utf-8",
        )
        template = (ROOT / "templates" / "articles.md.j2").read_text("utf-8")
        (root / "templates").mkdir()
        (root / "templates" / "articles.md.j2").write_text(
            template.replace("title: Articles", "title: Articles ({{ rows|length }})", 1), "utf-8"
        )
        projects.append(root)
    incremental, fresh = projects
    build(incremental)
    (incremental / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    assert "full build: the navigation changed" in build(incremental)
    (fresh / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    build(fresh, "--full")
    assert "Articles (3)" in (incremental / "site" / "about" / "index.html").read_text("utf-8")
    assert_same_site(incremental / "site", fresh / "site")


def test_build_into_a_staging_folder_leaves_the_old_site_alone(tmp_path, nlp):
    """As when the site is built in a fresh folder and swapped in: unchanged pages are linked
    from the published site, which no write of the new build may touch."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:3]))
    build(root)
    published = root / "site"
    before = {p: hashlib.sha256(b).hexdigest() for p, b in tree(published).items()}
    (root / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    stage = tmp_path / "stage"
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    plugin = config.plugins["dossier"]
    incremental, reason = plugin.prepare(config)
    assert incremental, reason
    config.site_dir = str(stage)  # what a build into a staging folder does
    mkdocs_build(config, dirty=True)
    assert plugin.tracker.skipped > 0
    assert {p: hashlib.sha256(b).hexdigest() for p, b in tree(published).items()} == before
    state = SiteState.load(root / ".dossier" / STATE_NAME)
    assert state is not None and state.site_dir == os.path.abspath(published)
    fresh = new_project(tmp_path / "fresh", {**dict(list(ARTICLES.items())[:3]), "wind.md": ADDED})
    build(fresh, "--full")
    assert_same_site(stage, fresh / "site")


def test_preview_neither_uses_nor_changes_the_record(tmp_path, nlp):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:2]))
    build(root)
    state = (root / ".dossier" / STATE_NAME).read_bytes()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    finally:  # MkDocs keeps these plugins for the process: the next builds are no previews
        config.plugins.on_startup(command="build", dirty=False)
        config.plugins.on_shutdown()
    assert (root / ".dossier" / STATE_NAME).read_bytes() == state
    assert (tmp_path / "preview" / "articles" / "rail" / "index.html").is_file()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("---\ntitle: A\n---\n# A\n", False),
        ('---\ntitle: "A"\nsearch:\n  exclude: true\n---\n', False),
        ("---\ntitle: A\nhide:\n  - toc\n---\n", False),
        ("---\ntitle: A\ntags:\n  - Berlin\n---\n", True),
        ("---\ntitle: A\nauthor: B\n---\n", True),
        ("# No front matter\n\ntags: not a key here\n", False),
        ("---\ntitle: A\n---\ntags: in the body\n", False),
    ],
)
def test_pages_other_plugins_read(content, expected):
    assert read_by_others(content) is expected


def test_page_store_keeps_only_what_this_build_uses(tmp_path):
    store = PageStore(tmp_path)
    store.put("k1", {"articles/a/index.md": "one", "articles/a/report.json": "{}"})
    store.put("k2", {"articles/b/index.md": "two"})
    store.save()
    again = PageStore(tmp_path)
    assert again.get("k1") == [
        StoredPage("articles/a/index.md", digest("one"), False),
        StoredPage("articles/a/report.json", digest("{}"), False),
    ]
    # the index keeps each page as a JSON list: [path, content hash, read by others]
    index = json.loads((tmp_path / "pages.json").read_text("utf-8"))
    assert index["articles"]["k2"] == [["articles/b/index.md", digest("two"), False]]
    assert (tmp_path / "pages" / "articles" / "a" / "index.md").read_text("utf-8") == "one"
    again.save()  # k2 was not used in this build: its page goes
    assert not (tmp_path / "pages" / "articles" / "b").exists()
    third = PageStore(tmp_path)
    assert third.get("k2") is None and third.get("k1") is not None
    with pytest.raises(ValueError):
        third.path("../outside.md")


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("index.md", "articles/a/index.md"),
        ("articles/a/index.md", "articles/a/source.md#s-3"),
        ("articles/a/index.md", "actors/person/ann-lee.md"),
        ("actors/person/ann-lee.md", "actors/person/index.md"),
        ("actors/index.md", "actors/person/index.md"),
        ("actors/person/index.md", "index.md"),
        ("a/b/c/d.md", "a/x/y.md#top"),
        ("figures/eur.md", "figures/eur.md"),
    ],
)
def test_relative_links_match_relpath(page, target):
    """`relative` (used 100,000s of times per build) skips relpath's file-system calls."""
    import posixpath

    from generator.site.index import relative

    path, _, fragment = target.partition("#")
    expected = posixpath.relpath(path, posixpath.dirname(page) or ".")
    assert relative(page, target) == expected + (f"#{fragment}" if fragment else "")


def test_unknown_plugin_or_hook_means_full_builds(tmp_path, nlp):
    """A hook (or another plugin) may collect from every page, as search does: no dirty build."""
    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:1]))
    (root / "count_hook.py").write_text("def on_files(files, config):\n    return files\n")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - count_hook.py\n", "utf-8")
    build(root)
    assert "cannot reproduce: hook count_hook.py" in build(root)


def test_build_from_the_spare_folder_equals_a_full_build_and_leaves_the_old_site_alone(
    tmp_path, nlp
):
    """From the third `dossier build` on, the site before the last one is the folder the new
    one is built in: it must come out the same as a fresh full build, and the published site's
    files (hard links shared with it) must never change while it is built."""
    articles = dict(list(ARTICLES.items())[:3])
    root = new_project(tmp_path / "p", articles)
    build(root)
    (root / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    build(root)
    spare = root / ".site.spare"
    assert spare.is_dir()  # the first site, kept to build the third in
    published = tree(root / "site")
    # change one article, remove another: pages to write again, pages to delete
    changed = articles["rail.md"].replace("8 percent", "11 percent")
    (root / "seeds" / "rail.md").write_text(changed, "utf-8")
    (root / "seeds" / "harbour.md").unlink()
    third = build(root)
    assert "incremental build:" in third
    assert tree(spare) == published  # the second site, untouched, is now the spare
    fresh = new_project(
        tmp_path / "fresh",
        {"rail.md": changed, "school.md": articles["school.md"], "wind.md": ADDED},
    )
    build(fresh, "--full")
    assert_same_site(root / "site", fresh / "site")
    # and once more, from the spare that a build from a spare left
    (root / "seeds" / "harbour.md").write_text(ARTICLES["harbour.md"], "utf-8")
    build(root)
    again = new_project(
        tmp_path / "again",
        {
            "rail.md": changed,
            "school.md": articles["school.md"],
            "wind.md": ADDED,
            "harbour.md": ARTICLES["harbour.md"],
        },
    )
    build(again, "--full")
    assert_same_site(root / "site", again / "site")


def test_spare_folder_of_unknown_content_is_emptied(tmp_path, nlp):
    root = new_project(tmp_path / "p", dict(list(ARTICLES.items())[:2]))
    build(root)
    build(root, "--full")  # a full build leaves no record of what the spare holds
    spare = root / ".site.spare"
    (spare / "planted").mkdir(parents=True, exist_ok=True)
    (spare / "planted" / "index.html").write_text("<p>stale</p>", "utf-8")
    (root / "seeds" / "wind.md").write_text(ADDED, "utf-8")
    assert "incremental build:" in build(root)
    assert not (root / "site" / "planted").exists()
    fresh = new_project(tmp_path / "fresh", {**dict(list(ARTICLES.items())[:2]), "wind.md": ADDED})
    build(fresh, "--full")
    assert_same_site(root / "site", fresh / "site")


def test_output_record_says_whether_the_page_lists_tags():
    """A build records it, so the next one need not read every unchanged page to know."""
    from generator.mkdocs_plugin.incremental import Output

    assert Output.from_json(["d", "a/index.html", 3, 4]).lists is None  # an older record
    listed = Output("d", "a/index.html", 3, 4, True)
    assert Output.from_json(listed.to_json()) == listed
    with pytest.raises(ValueError):
        Output.from_json(["d", "a/index.html", 3, 4, "yes"])
