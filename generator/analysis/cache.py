"""Report cache: one JSON file per (article bytes, id, tool version, model, date) key.

A hit skips spaCy entirely. Every write goes to a temporary file first and is renamed into
place, so an interrupted build leaves either the old file or the new one, never half a file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from pathlib import Path

from generator import __version__
from generator.architecture import analysis_packages
from generator.fsutil import atomic_write
from generator.model import Report

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
"""The `generator` folder."""


def analysis_code(root: Path) -> list[Path]:
    """Every file of the stages a report depends on: each subpackage the analysis may import
    (`architecture.analysis_packages`) whole, data files included. Rendering and publishing code
    is left out on purpose: changing it does not change a report."""
    files: set[Path] = set()
    for stage in analysis_packages():
        parts = stage.split(".")[1:]
        if not parts:  # the package itself: its version
            files.add(root / "__init__.py")
            continue
        folder = root.joinpath(*parts)
        if folder.is_dir():
            files.update(
                p
                for p in folder.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
            )
        else:
            files.add(folder.with_suffix(".py"))
    return sorted(files)


@functools.lru_cache(maxsize=4)
def code_fingerprint(root: Path | None = None) -> str:
    """SHA-256 of the analysis code and its data files (of `root`, default the installed
    package), so that any change to it invalidates cached reports even when the version number
    stays the same (as it does between releases)."""
    root = root or PACKAGE_ROOT
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for file in analysis_code(root):
        digest.update(file.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(
    data: bytes, ident: str, suffix: str, model: str, date: str | None, options: str = ""
) -> str:
    """SHA-256 over everything a report depends on."""
    digest = hashlib.sha256()
    for part in (code_fingerprint(), model, date or "", ident, suffix, options):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


class ReportCache:
    """Reports stored under `root/cache/`, and the last good key of each article file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / "cache"
        self.manifest_path = root / "manifest.json"
        self._manifest: dict[str, str] | None = None

    def get(self, key: str) -> Report | None:
        """The cached report for `key`, or None (a damaged entry counts as a miss)."""
        path = self.dir / f"{key}.json"
        try:
            return Report.from_json(path.read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, report: Report) -> None:
        """Store `report` under `key`."""
        atomic_write(self.dir / f"{key}.json", report.to_json())

    @property
    def manifest(self) -> dict[str, str]:
        """Article file (relative path) → key of its last good report."""
        if self._manifest is None:
            try:
                loaded = json.loads(self.manifest_path.read_text("utf-8"))
                self._manifest = (
                    {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
                )
            except (OSError, ValueError):
                self._manifest = {}
        return self._manifest

    def save_manifest(self, entries: dict[str, str]) -> None:
        """Replace the manifest with `entries` (files that no longer exist drop out)."""
        self._manifest = dict(sorted(entries.items()))
        atomic_write(self.manifest_path, json.dumps(self._manifest, indent=1) + "\n")
        self.sweep()

    def sweep(self, older_than: float = 3600) -> None:
        """Remove temporary files left by killed builds (old ones only: a write may be running)."""
        now = time.time()
        for folder in (self.root, self.dir):
            for leftover in folder.glob(".*.tmp"):
                try:
                    if now - leftover.stat().st_mtime > older_than:
                        leftover.unlink()
                except OSError:
                    pass
