"""File helpers used across the package: whole-or-nothing writes, and removal with the folders left empty.

Every write goes to a temporary file first and is renamed into place, so an interrupted build
leaves either the old file or the new one, never half a file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_file(path: str | os.PathLike[str], up_to: str | os.PathLike[str] | None = None) -> None:
    """Delete a file if it is there (a folder in its place too); with `up_to`, also the folders
    that this leaves empty, up to but not including `up_to`."""
    path = os.fspath(path)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(path)
    if up_to is None:
        return
    top = os.fspath(up_to)
    folder = os.path.dirname(path)
    while folder != top and folder.startswith(top + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            return  # not empty (or not there)
        folder = os.path.dirname(folder)


def link_or_copy(source: str, target: str, made: set[str]) -> None:
    """Hard-link `source` at `target` (copy it where no link can be made: another file
    system), making the target's folder first unless `made` says it was (and noting it)."""
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copy2(source, target)
