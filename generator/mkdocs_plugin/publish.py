"""Replace the built site in one step, so that an interrupted build never leaves half a site.

MkDocs empties `site_dir` and then writes page after page into it; a build killed halfway
leaves a broken site. `dossier build` instead lets MkDocs write into a fresh folder next to the
site and then swaps the two folders: with one `renameat2(RENAME_EXCHANGE)` call on Linux
(atomic), elsewhere with two renames. A build killed at any point leaves the previous site or
the new one; leftovers of a killed build are tidied up by the next one (under the build lock).
Hidden entries of the old site (`.git`, `.nojekyll`, ...) are carried over, as MkDocs keeps them.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from generator.analysis.lock import build_lock

BUILDING = ".{name}.building-"
PREVIOUS = ".{name}.previous-"
SPARE = ".{name}.spare"
"""The site before the last one, kept to build the next site in: its folders already exist,
and an incremental build of a large site would otherwise spend more time making (and removing)
thousands of folders than rendering pages. Only `dossier build` uses it; what it holds is
recorded with the build state (see `incremental`)."""


def spare_dir(site_dir: Path) -> Path:
    """Where the previous site is kept after a swap."""
    site_dir = Path(os.path.abspath(site_dir))
    return site_dir.parent / SPARE.format(name=site_dir.name)


@contextmanager
def staged_site(site_dir: Path, reuse: bool = False) -> Iterator[Path]:
    """A folder to build into; when the block ends without error it becomes `site_dir`.

    `reuse`: start from the spare folder (the site before the last one) when there is one;
    the build must then make it match (an incremental build does). Otherwise the folder is new.
    """
    site_dir = Path(os.path.abspath(site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    spare = spare_dir(site_dir)
    stage = None
    if reuse and spare.is_dir():
        stage = site_dir.parent / (BUILDING.format(name=site_dir.name) + secrets.token_hex(6))
        try:
            os.rename(spare, stage)
        except OSError:
            stage = None
    if stage is None:
        stage = Path(
            tempfile.mkdtemp(prefix=BUILDING.format(name=site_dir.name), dir=site_dir.parent)
        )
        os.chmod(stage, 0o777 & ~_umask())  # mkdtemp makes it private; a site is served to others
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    swap_in(stage, site_dir)


def swap_in(stage: Path, site_dir: Path) -> None:
    """Make the folder `stage` the new `site_dir`; the old one is removed."""
    if site_dir.is_dir():
        _carry_hidden(site_dir, stage)
    if not site_dir.exists():
        os.rename(stage, site_dir)
        return
    previous = site_dir.parent / (PREVIOUS.format(name=site_dir.name) + secrets.token_hex(6))
    if _exchange(stage, site_dir):
        os.rename(stage, previous)  # `stage` now holds the old site
    else:
        os.rename(site_dir, previous)
        os.rename(stage, site_dir)
    # The old site is kept as the spare the next build starts from (see SPARE).
    spare = spare_dir(site_dir)
    shutil.rmtree(spare, ignore_errors=True)
    try:
        os.rename(previous, spare)
    except OSError:
        shutil.rmtree(previous, ignore_errors=True)


def recover(site_dir: Path) -> None:
    """Tidy up after a build that was killed: restore or remove the folders it left."""
    parent = site_dir.parent
    for leftover in sorted(parent.glob(PREVIOUS.format(name=site_dir.name) + "*")):
        if not site_dir.exists():
            os.rename(leftover, site_dir)  # killed between the two renames of a swap
        else:
            _carry_hidden(leftover, site_dir)
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in sorted(parent.glob(BUILDING.format(name=site_dir.name) + "*")):
        if site_dir.is_dir():
            _carry_hidden(leftover, site_dir)
        shutil.rmtree(leftover, ignore_errors=True)


def _carry_hidden(source: Path, target: Path) -> None:
    """Move hidden entries of `source` that `target` lacks into `target`."""
    for entry in source.iterdir():
        if entry.name.startswith(".") and not (target / entry.name).exists():
            os.rename(entry, target / entry.name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return int(result) == 0


def config_cache_root(config: MkDocsConfig) -> Path | None:
    """The cache folder of the `dossier` plugin in a loaded MkDocs config, if it is enabled."""
    plugin = config.plugins.get("dossier")
    folder = getattr(getattr(plugin, "config", None), "cache_dir", None)
    if folder is None:
        return None
    base = Path(config.config_file_path).resolve().parent if config.config_file_path else Path()
    return base / str(folder)


def build_site(config: MkDocsConfig, *, dirty: bool = False) -> None:
    """`mkdocs build` under the build lock, into a fresh folder that replaces the site at the end.

    `dirty`: an incremental build (see `incremental`); the plugin links the pages it leaves as
    they were from the published site into the fresh folder, and writes only the others.
    """
    cache_root = config_cache_root(config)
    with build_lock(cache_root) if cache_root is not None else nullcontext():
        final = config.site_dir
        with staged_site(Path(final), reuse=dirty) as stage:
            config.site_dir = str(stage)
            try:
                build(config, dirty=dirty)
            finally:
                config.site_dir = final
