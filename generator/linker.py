"""Link unchanged pages of the last site into the folder a new build writes (`python -m`).

An incremental build of a large site brings thousands of unchanged pages over into a fresh
folder: one folder and one hard link per page. That waits on the disk, not on Python, so the
build runs it in a child process (this module, which imports nothing heavy) while MkDocs
renders the pages that changed, and waits for it before the build is recorded.

    python -m generator.linker SOURCE TARGET < NUL-separated paths relative to both
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable


def link_outputs(source: str, target: str, paths: Iterable[str]) -> None:
    """Hard-link (or copy, where links cannot be made) each path from `source` into `target`."""
    made: set[str] = set()
    for path in paths:
        new = os.path.join(target, path)
        folder = os.path.dirname(new)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        old = os.path.join(source, path)
        try:
            os.link(old, new)
        except FileExistsError:
            continue  # linked by an earlier attempt
        except OSError:
            shutil.copy2(old, new)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m generator.linker SOURCE TARGET < paths", file=sys.stderr)
        return 2
    data = sys.stdin.buffer.read().decode("utf-8")
    link_outputs(argv[0], argv[1], [p for p in data.split("\0") if p])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
