from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import main


def test_analyze_single_file_prints_json(tmp_path, nlp):
    article = tmp_path / "One Story.txt"
    article.write_text("Acme Corp hired 40 engineers in Berlin last week.", "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(article), "--date", "2024-05-02"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["article"]["id"] == "one-story"
    assert report["article"]["date"] == "2024-05-02" and report["article"]["date_source"] == "cli"
    assert any(t["value"] == "2024-W17" for t in report["temporal_expressions"])


def test_analyze_folder_writes_one_json_each(tmp_path, nlp):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Alpha Corp grew.", "utf-8")
    (seeds / "b.md").write_text("---\ndate: 2020-01-02\n---\nBeta Inc shrank.", "utf-8")
    (seeds / "c.md").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(seeds), "--out", str(out)])
    assert result.exit_code == 1
    assert "c.md: file is empty" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "b.json").read_text("utf-8"))["article"]["date"] == "2020-01-02"


def test_bad_date_option():
    result = CliRunner().invoke(main, ["analyze", ".", "--date", "2025-02-30"])
    assert result.exit_code == 2
    assert "not a real calendar date" in result.output
