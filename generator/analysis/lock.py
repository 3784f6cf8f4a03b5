"""One build at a time per cache folder: a lock file that the operating system releases.

The lock is an OS file lock (`filelock`: flock on POSIX, LockFileEx on Windows) on
`<cache>/build.lock`, so a build that is killed, even with SIGKILL, never leaves a stale lock
behind. Within one process the lock is re-entrant: `dossier build` holds it for the whole build
and the MkDocs plugin, which takes it for the cache, runs inside that build.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from filelock import FileLock, Timeout
from mkdocs.exceptions import PluginError

P = ParamSpec("P")
R = TypeVar("R")
LOCK_NAME = "build.lock"
_locks: dict[Path, FileLock] = {}
_guard = threading.Lock()


class BuildLocked(PluginError):
    """Another build is using the same cache folder (MkDocs reports it as a plugin error)."""


def lock_path(cache_root: Path) -> Path:
    """Where the lock file of the cache folder `cache_root` lives."""
    return cache_root / LOCK_NAME


@contextmanager
def build_lock(cache_root: Path, wait: float = 0) -> Iterator[None]:
    """Hold the build lock of `cache_root`, waiting at most `wait` seconds for it."""
    cache_root.mkdir(parents=True, exist_ok=True)
    path = lock_path(cache_root).resolve()
    with _guard:
        lock = _locks.setdefault(path, FileLock(str(path), thread_local=False))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise BuildLocked(
            f"{path}: another dossier build is running with this cache folder; "
            "wait for it to finish (the lock is released when that process ends)"
        ) from None
    try:
        yield
    finally:
        lock.release()


def holds_build_lock(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` holding the build lock of its `cache_root` argument."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def locked(*args: P.args, **kwargs: P.kwargs) -> R:
        cache_root = Path(signature.bind(*args, **kwargs).arguments["cache_root"])
        with build_lock(cache_root):
            return function(*args, **kwargs)

    return locked
