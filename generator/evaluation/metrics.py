"""The scoring primitives the corpora's README defines: one-to-one span matching, P/R/F1, alignment."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from generator.model import Report

Pair = tuple[int, int]


def offset_of(report: Report | None, record: dict[str, Any]) -> int | None:
    """Where the record's text starts inside the report's article text (None: not found)."""
    if report is None:
        return None
    pos = report.article.text.find(record["text"])
    return None if pos < 0 else pos


def match_spans(gold: list[Pair], pred: list[Pair]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): exact agreement first, then most overlap."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                candidates.append((-(gs == ps and ge == pe), -overlap, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(matched: int, predicted: int, gold: int, prefix: str = "") -> dict[str, float]:
    """Precision, recall and F1 as a dict with `prefix` on each key."""
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}p": round(p, 4), f"{prefix}r": round(r, 4), f"{prefix}f1": round(f, 4)}


def shift_spans(
    items: Iterable[Any], offset: int, limit: int, start: str = "start", end: str = "end"
) -> list[tuple[int, int, Any]]:
    """Spans of report items moved into record coordinates, dropping those outside the record text."""
    out = []
    for item in items:
        s, e = getattr(item, start) - offset, getattr(item, end) - offset
        if 0 <= s and e <= limit:
            out.append((s, e, item))
    return out


def aligned(
    record: dict[str, Any],
    report: Report | None,
    gold_key: str,
    items: Callable[[Report], Iterable[Any]],
    keep: Callable[[Any], bool] = lambda item: True,
) -> tuple[list[dict[str, Any]], list[tuple[int, int, Any]], list[Pair]]:
    """Gold spans and kept report items before `annotated_until`, and their one-to-one pairs.

    Items are in record coordinates; without a report (or its text) there are none.
    """
    until = record.get("annotated_until", len(record["text"]))
    gold = [g for g in record[gold_key] if g["start"] < until]
    offset = offset_of(report, record)
    if report is None or offset is None:
        return gold, [], []
    preds = [
        p
        for p in shift_spans(items(report), offset, len(record["text"]))
        if p[0] < until and keep(p[2])
    ]
    pairs = match_spans([(g["start"], g["end"]) for g in gold], [(s, e) for s, e, _ in preds])
    return gold, preds, pairs
