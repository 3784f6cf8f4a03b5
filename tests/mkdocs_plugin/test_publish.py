"""Nothing lost: atomic writes, one build at a time, killed builds, the user's own pages."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import generator.mkdocs_plugin.publish as publish
from generator.analysis.cache import ReportCache
from generator.analysis.lock import BuildLocked, build_lock
from generator.cli import main
from generator.fsutil import atomic_write
from generator.mkdocs_plugin.publish import recover, staged_site
from generator.model import Report
from tests.hostile_sites import make_project

pytestmark = pytest.mark.slow  # builds sites with MkDocs

ARTICLE = (
    "Minister {name} said on {day} that the {thing} budget would rise by {n}% next year. "
    "\u201cWe will deliver,\u201d {name} told reporters, according to the ministry.\n"
)
NAMES = ["Ana Silva", "Ben Okafor", "Chen Wei", "Dana Levi", "Emil Berg", "Fatima Noor"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
THINGS = ["health", "school", "road", "water", "rail", "housing", "police", "energy"]


def articles(prefix: str, count: int) -> dict[str, str]:
    """`count` small distinct articles named `<prefix>-<i>.txt`."""
    return {
        f"{prefix}-{i:02d}.txt": ARTICLE.format(
            name=NAMES[i % len(NAMES)],
            day=DAYS[i % len(DAYS)],
            thing=THINGS[i % len(THINGS)],
            n=i + 2,
        )
        for i in range(count)
    }


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under `folder`."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(root: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])


def build_process(root: Path) -> subprocess.Popen:
    """`dossier build` in a process of its own, to be killed."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from generator.cli import main; main()",
            "build",
            "-f",
            "mkdocs.yml",
        ],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_cache_usable(cache_root: Path) -> None:
    """Every finished cache file is a whole report; the manifest is whole JSON."""
    for path in (cache_root / "cache").glob("*.json"):
        Report.from_json(path.read_text("utf-8"))
    manifest = cache_root / "manifest.json"
    if manifest.exists():
        assert isinstance(json.loads(manifest.read_text("utf-8")), dict)


# -- atomic writes ----------------------------------------------------------------------------


def test_atomic_write_replaces_whole_files(tmp_path):
    target = tmp_path / "a" / "page.md"
    atomic_write(target, "first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["page.md"]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    atomic_write(target, "old")

    def crash(*args):
        raise KeyboardInterrupt  # as if the build were interrupted between write and rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_damaged_cache_entries_and_manifest_count_as_misses(tmp_path):
    cache = ReportCache(tmp_path)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "abc.json").write_text(
        '{"schema": "news-report/1", "article": {', "utf-8"
    )
    (tmp_path / "manifest.json").write_text("[1, 2", "utf-8")
    assert cache.get("abc") is None
    assert cache.manifest == {}


def test_old_temporary_files_are_swept(tmp_path):
    cache = ReportCache(tmp_path)
    (tmp_path / "cache").mkdir()
    old = tmp_path / "cache" / ".k.json.x1.tmp"
    fresh = tmp_path / "cache" / ".k.json.x2.tmp"
    old.write_text("partial")
    fresh.write_text("partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    cache.save_manifest({})
    assert not old.exists() and fresh.exists()


# -- one build at a time ----------------------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from generator.analysis.lock import build_lock

with build_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def lock_holder(tmp_path):
    """Another process that holds the build lock of a project's cache folder."""
    root = make_project(tmp_path / "project", articles("a", 1))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root / ".dossier")], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield root, holder
    if holder.poll() is None:
        holder.kill()
        holder.wait()


def test_a_second_build_is_refused_with_a_clear_message(lock_holder):
    root, holder = lock_holder
    result = build(root)
    assert result.exit_code == 1
    assert "another dossier build is running with this cache folder" in result.output
    assert str((root / ".dossier" / "build.lock").resolve()) in result.output
    assert not (root / "site").exists()


def test_plain_mkdocs_build_is_refused_too(lock_holder):
    root, _ = lock_holder
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "another dossier build is running" in result.stderr


def test_a_killed_lock_holder_leaves_no_stale_lock(lock_holder):
    root, holder = lock_holder
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    result = build(root)
    assert result.exit_code == 0, result.output


def test_the_lock_is_reentrant_within_one_build(tmp_path):
    with build_lock(tmp_path), build_lock(tmp_path):
        pass
    with build_lock(tmp_path, wait=0):
        pass


def test_build_locked_is_reported_as_an_error_naming_the_lock(tmp_path):
    assert issubclass(BuildLocked, Exception)


# -- the site is replaced whole ---------------------------------------------------------------


def _site(folder: Path, marker: str) -> None:
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(marker)
    (folder / "sub" / "page.html").write_text(marker)


def test_a_failed_build_leaves_the_old_site(tmp_path):
    site = tmp_path / "site"
    _site(site, "old")
    with pytest.raises(RuntimeError), staged_site(site) as stage:
        _site(stage, "new")
        raise RuntimeError("mkdocs failed")
    assert snapshot(site) == snapshot(site)  # still there
    assert (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_finished_build_replaces_the_site_and_keeps_hidden_entries(tmp_path):
    site = tmp_path / "site"
    _site(site, "old")
    (site / ".nojekyll").write_text("")
    (site / ".git").mkdir()
    with staged_site(site) as stage:
        _site(stage, "new")
        (stage / "extra.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert (
        (site / "extra.html").exists()
        and (site / ".nojekyll").exists()
        and (site / ".git").is_dir()
    )
    # the old site is kept as the spare the next incremental build starts from
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site"]
    assert (tmp_path / ".site.spare" / "index.html").read_text() == "old"
    assert (site.stat().st_mode & 0o777) == 0o777 & ~_umask()
    # a build that reuses it starts from the old site; the one it replaces becomes the spare
    with staged_site(site, reuse=True) as stage:
        assert (stage / "index.html").read_text() == "old"
        _site(stage, "newer")
    assert (site / "index.html").read_text() == "newer"
    assert (tmp_path / ".site.spare" / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
@pytest.mark.parametrize("crash_at", [1, 2, 3])
def test_a_swap_killed_at_any_rename_leaves_a_whole_site(tmp_path, monkeypatch, exchange, crash_at):
    """Simulate a kill right before the n-th rename of the swap; the next build recovers."""
    site = tmp_path / "site"
    _site(site, "old")
    (site / ".keep").write_text("")
    real_rename = os.rename
    calls = []

    def rename(src, dst):
        calls.append((src, dst))
        if len(calls) == crash_at:
            raise SystemExit("killed")
        real_rename(src, dst)

    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    monkeypatch.setattr(os, "rename", rename)
    try:
        with staged_site(site) as stage:
            _site(stage, "new")
    except SystemExit:
        pass
    monkeypatch.setattr(os, "rename", real_rename)
    # Before recovery, `site` may be missing only between the two plain renames.
    recover(site)
    assert (site / "index.html").read_text() in ("old", "new")
    marker = (site / "index.html").read_text()
    assert (site / "sub" / "page.html").read_text() == marker
    assert (site / ".keep").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# -- killing real builds ----------------------------------------------------------------------


def _kill_when(process: subprocess.Popen, condition, timeout: float = 300) -> bool:  # type: ignore[no-untyped-def]
    """SIGKILL `process` as soon as `condition()` holds; False if it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    process.kill()
    process.wait()
    raise AssertionError("the build neither reached the kill point nor finished")


def _staging(root: Path) -> list[Path]:
    return list(root.glob(".site.building-*"))


def test_builds_killed_at_several_moments_leave_the_previous_site_and_cache(tmp_path, nlp):
    root = make_project(tmp_path / "project", articles("first", 3))
    assert build(root).exit_code == 0
    previous = snapshot(root / "site")
    cache_root = root / ".dossier"
    (root / "seeds").joinpath("second-00.txt").parent.mkdir(exist_ok=True)
    for name, text in articles("second", 10).items():
        (root / "seeds" / name).write_text(text, "utf-8")
    cached_before = set((cache_root / "cache").glob("*.json"))

    moments = {
        "while analysing": lambda: (
            len(set((cache_root / "cache").glob("*.json")) - cached_before) >= 1
        ),
        "while MkDocs writes pages": lambda: any(
            any(s.rglob("index.html")) for s in _staging(root)
        ),
        "after the search index is written": lambda: any(
            (s / "pagefind" / "pagefind-entry.json").exists() for s in _staging(root)
        ),
    }
    killed = []
    for moment, condition in moments.items():
        process = build_process(root)
        if _kill_when(process, condition):
            killed.append(moment)
            assert snapshot(root / "site") == previous, moment
        assert_cache_usable(cache_root)
    assert len(killed) >= 2, killed  # most kill points were really reached

    result = build(root)
    assert result.exit_code == 0, result.output
    assert _staging(root) == [] and not list(root.glob(".site.previous-*"))
    built = {p.parent.name for p in (root / "site" / "articles").glob("*/report.json")}
    assert built == {Path(n).stem for n in [*articles("first", 3), *articles("second", 10)]}
    assert_cache_usable(cache_root)


def test_a_killed_first_build_leaves_no_half_site(tmp_path, nlp):
    root = make_project(tmp_path / "project", articles("only", 4))
    process = build_process(root)
    _kill_when(process, lambda: any(any(s.rglob("index.html")) for s in _staging(root)))
    assert not (root / "site").exists()
    assert build(root).exit_code == 0
    assert (root / "site" / "index.html").is_file() and _staging(root) == []


# -- the user's own pages ---------------------------------------------------------------------


def test_user_pages_win_and_are_never_touched(tmp_path):
    root = make_project(tmp_path / "project", articles("a", 2))
    (root / "docs" / "index.md").write_text("# My own home page\n\nHand written.\n", "utf-8")
    (root / "docs" / "articles").mkdir()
    (root / "docs" / "articles" / "index.md").write_text("# My article list\n", "utf-8")
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (root / "docs").rglob("*.*")}
    listing = sorted(map(str, (root / "docs").rglob("*")))
    for _ in range(2):
        assert build(root).exit_code == 0
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (root / "docs").rglob("*.*")}
    assert after == before  # nothing written, added or deleted in docs/
    assert sorted(map(str, (root / "docs").rglob("*"))) == listing
    home = (root / "site" / "index.html").read_text("utf-8")
    assert "My own home page" in home and "Hand written." in home
    assert "My article list" in (root / "site" / "articles" / "index.html").read_text("utf-8")
    assert (root / "site" / "articles" / "a-00" / "index.html").is_file()


def test_export_refuses_to_write_into_the_docs_folder(tmp_path):
    root = make_project(tmp_path / "project", articles("a", 1))
    (root / "docs" / "index.md").write_text("# Mine\n", "utf-8")
    for target in ("docs", "docs/generated"):
        result = CliRunner().invoke(
            main, ["export", str(root / target), "-f", str(root / "mkdocs.yml")]
        )
        assert result.exit_code != 0
        assert "docs" in result.output
    assert (root / "docs" / "index.md").read_text("utf-8") == "# Mine\n"
    assert not (root / "docs" / "generated").exists()


def test_cache_key_follows_the_analysis_code(monkeypatch):
    """A change to the extractors must invalidate cached reports even at the same version."""
    from generator.analysis import cache

    before = cache.cache_key(b"text", "id", ".txt", "model", None)
    cache.code_fingerprint.cache_clear()
    real = cache.code_fingerprint()
    assert len(real) == 64
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "0" * 64)
    assert cache.cache_key(b"text", "id", ".txt", "model", None) != before
