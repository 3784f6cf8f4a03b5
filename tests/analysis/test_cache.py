"""Cached reports follow the analysis code by package: a helper moved and changed is seen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analysis import cache, collect
from generator.model import Article, Report

HELPER = '''WORD = re.compile(r"\\w+", re.U)


def words(text: str) -> list[str]:
    """Lowercase word tokens of a string."""
    return [w.lower() for w in WORD.findall(text)]
'''


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the package whose `extract.common.words` is moved to a new `ingest.text`."""
    root = tmp_path / "copy" / "generator"
    shutil.copytree(cache.PACKAGE_ROOT, root, ignore=shutil.ignore_patterns("__pycache__"))
    common = root / "extract" / "common.py"
    source = common.read_text("utf-8")
    assert HELPER in source
    common.write_text(
        source.replace(HELPER, "").replace(
            "from generator.model import",
            "from generator.ingest.text import words  # noqa: F401\nfrom generator.model import",
        ),
        "utf-8",
    )
    (root / "ingest" / "text.py").write_text("import re\n\n" + HELPER, "utf-8")
    cache.code_fingerprint.cache_clear()
    yield root
    cache.code_fingerprint.cache_clear()


def change_helper(root: Path) -> None:
    """Change the moved helper in its new home (words with apostrophes)."""
    path = root / "ingest" / "text.py"
    path.write_text(path.read_text("utf-8").replace(r'r"\w+"', r'r"[\w\']+"'), "utf-8")
    cache.code_fingerprint.cache_clear()


def test_the_fingerprint_covers_whole_packages_not_a_list_of_files(package):
    files = {p.relative_to(package).as_posix() for p in cache.analysis_code(package)}
    assert {"ingest/text.py", "extract/common.py", "extract/actors/names.py"} <= files
    assert not any(f.startswith(("site/", "mkdocs_plugin/", "evaluation/")) for f in files)
    moved = cache.code_fingerprint(package)
    change_helper(package)
    assert cache.code_fingerprint(package) != moved


def test_rendering_code_does_not_invalidate_reports(package):
    before = cache.code_fingerprint(package)
    render = package / "site" / "render.py"
    render.write_text(render.read_text("utf-8") + "\n# a comment\n", "utf-8")
    cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint(package) == before


def test_stale_reports_are_analysed_again_after_a_moved_helper_changes(
    package, tmp_path, monkeypatch
):
    analysed: list[str] = []

    def analyse(articles, *args, **kwargs):  # stands in for spaCy: one report per article
        for article in articles:
            analysed.append(article.id)
            yield Report(article=article)

    monkeypatch.setattr(collect, "analyze_stream", analyse)
    monkeypatch.setattr(cache, "PACKAGE_ROOT", package)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text("The council met on Monday.", "utf-8")

    def run() -> list[str]:
        analysed.clear()
        result = collect.collect_reports(seeds, tmp_path / "cache", progress=False)
        assert [r.article.id for r in result.reports] == ["story"]
        assert isinstance(result.reports[0].article, Article)
        return list(analysed)

    assert run() == ["story"]
    assert run() == []  # cached
    change_helper(package)
    assert run() == ["story"]  # the report made with the old helper is not used
