"""Same inputs, same bytes: generated Markdown, report JSON and the built site.

Two projects with the same articles in different folders, each with its own cache, are built
at different (simulated) dates. The only files allowed to differ are the ones MkDocs stamps with
the build date (the sitemap); with the same SOURCE_DATE_EPOCH nothing differs at all.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.hostile_sites import make_project
from tests.site.test_hostile import pipeline_articles

pytestmark = pytest.mark.slow  # builds sites with MkDocs

BUILD_DATED = {"sitemap.xml", "sitemap.xml.gz"}
"""MkDocs writes the build date into the sitemap (lastmod, gzip mtime): SOURCE_DATE_EPOCH fixes it."""


def inputs() -> dict[str, str]:
    """Hostile articles, colliding names and a sub-folder: the cases where order could leak."""
    chosen = dict(list(pipeline_articles().items())[:4])
    chosen.update(
        {
            "Story.txt": "The mayor said on Monday that taxes rose by 3%.",
            "story.md": "# Council vote\n\nThe council said on Tuesday that taxes fell.",
            "sub/story.txt": "A spokesman said the port reopened on Friday.",
            "\u00e9t\u00e9.txt": "The minister said the summer budget grew by $4 million.",
        }
    )
    return chosen


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differing(first: dict[str, str], second: dict[str, str]) -> set[str]:
    return {k for k in first.keys() | second.keys() if first.get(k) != second.get(k)}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, nlp):
    """The same inputs built in two folders, on two different days."""
    roots = []
    for where, epoch in (("a", "1700000000"), ("b/deeper/path", "1700200000")):
        root = tmp_path_factory.mktemp("det") / where
        articles = inputs()
        make_project(root, {k: v for k, v in articles.items() if "/" not in k})
        for name, text in articles.items():
            (root / "seeds" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "seeds" / name).write_text(text, "utf-8")
        old = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = epoch
        try:
            runner = CliRunner()
            result = runner.invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
            assert result.exit_code == 0, result.output
            result = runner.invoke(
                main, ["export", str(root / "out"), "-f", str(root / "mkdocs.yml")]
            )
            assert result.exit_code == 0, result.output
        finally:
            if old is None:
                os.environ.pop("SOURCE_DATE_EPOCH")
            else:
                os.environ["SOURCE_DATE_EPOCH"] = old
        roots.append(root)
    return roots


def test_generated_markdown_is_byte_identical(two_builds):
    first, second = (snapshot(root / "out") for root in two_builds)
    assert len(first) > 40
    assert differing(first, second) == set()


def test_report_json_is_byte_identical(two_builds):
    first, second = (
        {k: v for k, v in snapshot(root / "site").items() if k.endswith(".json")}
        for root in two_builds
    )
    assert sum(k.endswith("report.json") for k in first) == len(inputs())
    assert differing(first, second) == set()


def test_built_html_differs_only_in_build_dated_files(two_builds):
    first, second = (snapshot(root / "site") for root in two_builds)
    assert first.keys() == second.keys()
    assert differing(first, second) <= BUILD_DATED


def test_same_source_date_epoch_gives_an_identical_site(two_builds, monkeypatch):
    first, second = two_builds
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = CliRunner().invoke(main, ["build", "-f", str(second / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert differing(snapshot(first / "site"), snapshot(second / "site")) == set()
