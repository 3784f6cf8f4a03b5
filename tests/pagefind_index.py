"""What a built site's Pagefind index holds: one record per indexed page (its fragment)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
"""Pagefind's fragments are gzip files whose content starts with this, then the JSON record."""


def search_records(site: Path) -> list[dict[str, Any]]:
    """The record of every page in the search index: url, content, meta (title), anchors."""
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        records.append(json.loads(data[len(SIGNATURE) :]))
    return sorted(records, key=lambda record: str(record["url"]))
