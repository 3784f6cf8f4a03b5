"""Batches, several processes, flat memory: the same reports in the same order however it runs."""

from __future__ import annotations

import json
from concurrent.futures import Future

import pytest
import spacy
from click.testing import CliRunner

from generator.analysis.analyze import analyze_articles
from generator.analysis.batches import batches, in_order
from generator.analysis.collect import collect_reports
from generator.analysis.nlp import needed_components
from generator.cli import main
from generator.ingest.files import parse_article

pytestmark = pytest.mark.slow  # starts worker processes, each loading the model

STORIES = [
    "Acme Corp hired 40 engineers in Berlin last week, its chief executive Ana Ruiz said.",
    "The city council of Lyon approved a budget of 3 million euros on Monday.",
    '"We will not wait," said Tom Becker, the union leader, on 4 March 2024.',
    "Rainfall in May was 20% below the average of the last ten years.",
    "Globex Ltd may close two factories next year, according to people familiar with the plan.",
    "The ministry said on Friday that 1,200 families had been moved to shelters.",
    "Officials in Porto counted 15,000 visitors during the festival weekend.",
]


def articles(texts=STORIES):
    return [
        parse_article(text.encode("utf-8"), f"s{i}.txt", f"s{i}", ".txt", "2024-05-02")
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("count", "size", "expected"), [(0, 3, []), (5, 2, [2, 2, 1]), (4, 4, [4])]
)
def test_batches_are_consecutive_runs(count, size, expected):
    items = articles(STORIES[:count])
    runs = list(batches(items, size))
    assert [len(run) for run in runs] == expected
    assert [a for run in runs for a in run] == items


def test_batch_size_does_not_change_the_reports(nlp):
    one = [r.to_json() for r in analyze_articles(nlp, articles(), batch_size=1)]
    three = [r.to_json() for r in analyze_articles(nlp, articles(), batch_size=3)]
    assert one == three
    assert [json.loads(r)["article"]["id"] for r in one] == [f"s{i}" for i in range(len(STORIES))]


def test_docs_do_not_accumulate_strings_in_the_vocabulary(nlp):
    # each article brings words the model has never seen; memory zones free them with the Docs
    made_up = [f"Zorblat{i}x Quennick{i}y visited Vramburg{i}z on Monday." for i in range(40)]
    list(analyze_articles(nlp, articles(made_up[:5]), batch_size=5))
    before = len(nlp.vocab.strings)
    list(analyze_articles(nlp, articles(made_up[5:]), batch_size=5))
    assert len(nlp.vocab.strings) == before


def test_in_order_keeps_order_and_a_bounded_window():
    submitted: list[int] = []
    futures: list[Future] = []

    def submit(batch):
        future: Future = Future()
        submitted.append(batch)
        futures.append(future)
        # finish out of order: only the latest so far, the earlier ones stay pending
        future.set_result([f"r{batch}"])
        return future

    stream = in_order(iter(range(10)), submit, window=3)
    assert next(stream) == "r0"
    assert len(submitted) == 3  # never more than the window ahead of what was read
    assert list(stream) == [f"r{i}" for i in range(1, 10)]


def test_needed_components_leave_out_what_no_extractor_reads():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("textcat")
    assert needed_components(pipeline) == ["sentencizer"]


def test_default_model_keeps_its_parser_tagger_and_entities(nlp):
    assert {"tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "tok2vec"} <= set(
        nlp.pipe_names
    )
    assert "senter" not in nlp.pipe_names


def test_collect_reports_with_jobs_matches_one_process(tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, text in enumerate(STORIES[:4]):
        (seeds / f"{i}.txt").write_text(text, "utf-8")
    (seeds / "bad.md").write_bytes(b"")
    one = collect_reports(seeds, tmp_path / "one", date="2024-05-02", progress=False)
    two = collect_reports(
        seeds, tmp_path / "two", date="2024-05-02", progress=False, jobs=2, batch_size=1
    )
    assert [r.to_json() for r in two.reports] == [r.to_json() for r in one.reports]
    assert two.analysed == one.analysed == ["0", "1", "2", "3"]
    assert two.errors == one.errors and "bad.md: file is empty" in one.errors[0]
    again = collect_reports(seeds, tmp_path / "two", date="2024-05-02", progress=False, jobs=2)
    assert again.analysed == [] and len(again.reports) == 4


def test_analyze_command_with_jobs(tmp_path, nlp):
    seeds = tmp_path / "in"
    seeds.mkdir()
    for i, text in enumerate(STORIES[:3]):
        (seeds / f"{i}.txt").write_text(text, "utf-8")
    out1, out2 = tmp_path / "one", tmp_path / "two"
    runner = CliRunner()
    assert runner.invoke(main, ["analyze", str(seeds), "--out", str(out1)]).exit_code == 0
    result = runner.invoke(main, ["analyze", str(seeds), "--out", str(out2), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    for name in ("0.json", "1.json", "2.json"):
        assert (out2 / name).read_bytes() == (out1 / name).read_bytes()
