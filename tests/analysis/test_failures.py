"""One bad article never stops a build: an extractor's exception is one error line naming the
file and the stage; the other articles build, the exit code is 1, the last good report is kept."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.analysis import analyze
from generator.analysis.analyze import Failed, analyze_one
from generator.cli import main
from generator.ingest.files import parse_article
from tests.hostile_sites import make_project

GOOD = "Mayor Ann Lee opened the bridge on Monday. She said it cost $4 million.\n"
OTHER = "The council met on Tuesday. Councillor Tom Reed said the budget was fair.\n"
BAD = "Mayor Ann Lee opened the bridge on Monday. Kaboom, she said.\n"


@pytest.fixture
def broken_quotes(monkeypatch):
    """The quotes extractor raises on any text with the word 'Kaboom'."""
    real = analyze.extract_quotes

    def extract_quotes(doc, actors):  # type: ignore[no-untyped-def]
        if "Kaboom" in doc.text:
            raise ValueError("the parse went wrong")
        return real(doc, actors)

    monkeypatch.setattr(analyze, "extract_quotes", extract_quotes)


def test_an_extractor_exception_is_a_failure_naming_the_stage(nlp, broken_quotes):
    article = parse_article(BAD.encode(), "bad.txt", "bad", ".txt")
    outcome = analyze_one(nlp(article.text), article)
    assert outcome == Failed("bad", "quotes", "ValueError: the parse went wrong")
    assert outcome.message == "the quotes extractor failed (ValueError: the parse went wrong)"
    good = parse_article(GOOD.encode(), "good.txt", "good", ".txt")
    assert analyze_one(nlp(good.text), good).article.id == "good"


@pytest.mark.slow
def test_a_bad_article_is_one_error_line_and_the_others_build(tmp_path, broken_quotes):
    root = make_project(tmp_path, {"good.txt": GOOD, "other.txt": OTHER, "bad.txt": GOOD})
    config = str(root / "mkdocs.yml")
    first = CliRunner().invoke(main, ["build", "-f", config])
    assert first.exit_code == 0, first.output
    kept = (root / "site" / "articles" / "bad" / "report.json").read_text("utf-8")

    (root / "seeds" / "bad.txt").write_text(BAD, "utf-8")
    (root / "seeds" / "new.txt").write_text(OTHER.replace("Tuesday", "Friday"), "utf-8")
    second = CliRunner().invoke(main, ["build", "-f", config])
    assert second.exit_code == 1
    errors = [line for line in second.output.splitlines() if "extractor failed" in line]
    assert errors == [
        f"error: {root / 'seeds' / 'bad.txt'}: the quotes extractor failed (ValueError: the parse "
        "went wrong) (keeping the report from its last good version)"
    ]
    site = root / "site" / "articles"
    assert (site / "new" / "index.html").is_file()  # built after the bad one failed
    assert (site / "good" / "index.html").is_file() and (site / "other" / "index.html").is_file()
    assert (site / "bad" / "report.json").read_text("utf-8") == kept  # the last good report


@pytest.mark.slow
def test_dossier_analyze_reports_the_bad_file_and_writes_the_others(tmp_path, broken_quotes):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad.txt").write_text(BAD, "utf-8")
    (seeds / "good.txt").write_text(GOOD, "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(seeds), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {seeds / 'bad.txt'}: the quotes extractor failed" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.json"]
