"""What a built site's Pagefind index holds: one record per indexed page (its fragment)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
"""Pagefind's fragments are gzip files whose content starts with this, then the JSON record."""


def _fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    """Fragment id → its record, for one Pagefind bundle."""
    found = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        found[path.name.removesuffix(".pf_fragment")] = json.loads(data[len(SIGNATURE) :])
    return found


def search_records(site: Path) -> list[dict[str, Any]]:
    """The record of every page a search finds (url, content, meta (title), anchors): the base
    index without the fragments `dossier.json` hides, with the recent index it names, each
    fragment once (as the search script merges them)."""
    bundle = site / "pagefind"
    overlay = json.loads((bundle / "dossier.json").read_text("utf-8"))
    records = {
        ident: record
        for ident, record in _fragments(bundle).items()
        if ident not in set(overlay["hide"])
    }
    if overlay["recent"]:
        records.update(_fragments(bundle / overlay["recent"]))
    found = sorted(records.values(), key=lambda record: str(record["url"]))
    urls = [record["url"] for record in found]
    assert len(urls) == len(set(urls)), "a page is found twice"
    return found
