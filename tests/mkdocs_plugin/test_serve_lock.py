"""`mkdocs serve` keeps rebuilding when a rebuild meets the build lock: it waits its turn."""

from __future__ import annotations

import subprocess
import sys
import time

from filelock import FileLock, Timeout
from mkdocs.config import load_config

from generator.analysis.lock import lock_path
from tests.hostile_sites import make_project

HOLD = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_serve_rebuild_waits_for_the_lock_and_then_frees_it(tmp_path):
    root = make_project(tmp_path / "p", {})
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["dossier"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    path = lock_path(root / ".dossier")
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), "1.5"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        plugin.on_pre_build(config)  # raised BuildLocked before, and the preview stuck
        assert time.monotonic() - started > 0.5
        other = FileLock(str(path), is_singleton=False)
        try:
            other.acquire(timeout=0)
            raise AssertionError("the rebuild does not hold the lock")
        except Timeout:
            pass
        plugin.on_post_build(config)
        other.acquire(timeout=0)  # released at the end of the rebuild
        other.release()
    finally:
        holder.wait()
        plugin.on_startup(command="build", dirty=False)
        plugin.on_shutdown()
