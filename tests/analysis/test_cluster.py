"""The analysis on a Dask cluster (a LocalCluster of two worker processes) matches a local run."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.analysis import cluster as cluster_module
from generator.analysis.analyze import analyze_articles
from generator.analysis.collect import collect_reports
from generator.analysis.parallel import analyze_stream
from generator.cli import main
from tests.analysis.test_parallel import STORIES, articles

pytestmark = [pytest.mark.slow, pytest.mark.cluster]  # starts a local Dask cluster


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def test_cluster_reports_match_a_local_run(scheduler, nlp):
    local = [r.to_json() for r in analyze_articles(nlp, articles())]
    remote = [r.to_json() for r in analyze_stream(articles(), scheduler=scheduler, batch_size=2)]
    assert remote == local


def test_workers_loaded_the_model_once_at_start(scheduler):
    import distributed

    with distributed.Client(scheduler, set_as_default=False) as client:
        loaded = client.run(
            lambda: (
                __import__("generator.analysis.nlp").analysis.nlp.load_model.cache_info().currsize
            )
        )
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert len(loaded) == 2 and set(loaded.values()) == {1}
    assert all(cluster_module.PLUGIN_NAME in names for names in plugins.values())


def test_build_analysis_on_the_cluster_matches_a_local_one(scheduler, tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, text in enumerate(STORIES[:3]):
        (seeds / f"{i}.txt").write_text(text, "utf-8")
    local = collect_reports(seeds, tmp_path / "local", progress=False)
    remote = collect_reports(seeds, tmp_path / "remote", progress=False, scheduler=scheduler)
    assert [r.to_json() for r in remote.reports] == [r.to_json() for r in local.reports]
    assert remote.analysed == ["0", "1", "2"]


def test_analyze_command_on_the_cluster(scheduler, tmp_path, nlp):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_text(STORIES[0], "utf-8")
    (seeds / "b.txt").write_text(STORIES[1], "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["analyze", str(seeds), "--out", str(out), "--scheduler", scheduler]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_unreachable_scheduler_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", "1s")
    article = tmp_path / "a.txt"
    article.write_text(STORIES[0], "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(article), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in result.output
