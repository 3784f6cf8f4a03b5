"""What `dossier build` tells its user: what it analysed and wrote, where the site is, how to
view it; each error once; a build the lock refuses says only that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.analysis.lock import build_lock
from generator.cli import main
from tests.hostile_sites import make_project

pytestmark = pytest.mark.slow  # builds a site with MkDocs

ARTICLES = {
    "harbour.md": (
        "---\ntitle: Harbour cranes approved\ndate: 2024-05-14\nsource: Coast Ledger\n---\n"
        "The port authority of Brightwater approved $40 million for new cranes on Monday. "
        "Port director Lena Ortiz said the cranes will arrive in March 2025.\n"
    ),
    "undated.md": (
        "---\ntitle: Council meets\nsource: Valley Wire\n---\n"
        "The council of Brightwater met last week. Lena Ortiz asked for $45 million.\n"
    ),
    "broken.txt": b"\x00\x01 not text",
}


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml"), *args])
    return result.exit_code, result.output


def test_build_says_what_it_did_and_each_error_once(tmp_path, nlp):
    root = make_project(tmp_path / "p", ARTICLES)
    code, out = run(root, "--date", "2024-06-01")
    assert code == 1  # the unreadable file
    assert out.count("broken.txt") == 1, out
    assert "2 article(s): 2 analysed, 0 unchanged (from the cache); 1 could not be read" in out
    assert "writing " in out and "pages written: " in out
    assert f"site built in {root / 'site'}; to view it: `dossier serve`" in out
    assert "python3 -m http.server -d" in out
    # --date gave the undated article its publication date
    page = (root / "site" / "articles" / "undated" / "index.html").read_text("utf-8")
    assert "2024-06-01" in page.replace("&#45;", "-")
    code, out = run(root, "--date", "2024-06-01")
    assert "2 article(s): 0 analysed, 2 unchanged (from the cache)" in out


def test_a_build_refused_by_the_lock_says_only_that(tmp_path):
    root = make_project(tmp_path / "p", {"harbour.md": ARTICLES["harbour.md"]})
    with build_lock(root / ".dossier"):
        # the lock is re-entrant within a process: the build runs in another one
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "build", "-f", str(root / "mkdocs.yml")],
            capture_output=True,
            text=True,
            cwd=root,
        )
    assert result.returncode == 1
    assert "another dossier build is running" in result.stderr
    assert "full build" not in result.stderr + result.stdout
