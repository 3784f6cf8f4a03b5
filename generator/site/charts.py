"""Geometry of the inline SVG charts: plain numbers for the templates, no markup, no article text.

The templates draw the charts (`templates/_charts.md.j2`), so every article-derived label still
enters the page only through the `md` filter; this module only decides where things go. Charts
are inline SVG so that they work offline and without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.timevalues import timex_interval

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TimelineMark:
    """One event on the drawn axis: a dot for a day, a bar for a longer period."""

    number: int
    """The event's number in the list under the chart."""
    x: float
    """Left end (or centre of a dot), in SVG units."""
    width: float
    """Length of the bar; 0 for a single day."""
    y: float
    """Vertical centre of the lane."""
    planned: bool
    """Planned or targeted rather than reported."""
    anchor: str
    """Id of the list item the mark links to."""
    label: Any
    """Tooltip text (article words; escaped by the template)."""


def timeline_chart(
    items: list[tuple[str, str, bool, int, Any]],
    published: str | None = None,
    width: int = 800,
) -> dict[str, Any] | None:
    """Axis, ticks and marks for `(timex value, anchor, planned, number, label)` items."""
    placed = []
    for value, anchor, planned, number, label in items:
        interval = timex_interval(value)
        if interval is not None:
            placed.append((interval, anchor, planned, number, label))
    if not placed:
        return None
    pub = timex_interval(published)
    first = min(iv[0] for iv, *_ in placed)
    last = max(iv[1] for iv, *_ in placed)
    if pub is not None:
        first, last = min(first, pub[0]), max(last, pub[0])
    pad = max(1, (last - first).days // 20)
    first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad + 1)
    margin, lane_height, axis_gap = 24.0, 26.0, 34.0
    span = (last - first).days
    scale = (width - 2 * margin) / span

    def x_of(day: dt.date) -> float:
        return round(margin + (day - first).days * scale, 1)

    # Greedy lanes: a mark goes into the first lane whose last mark ends before it starts.
    lanes: list[float] = []
    marks = []
    for (start, end), anchor, planned, number, label in sorted(
        placed, key=lambda p: (p[0][0], p[0][1], p[3])
    ):
        x = x_of(start)
        bar = x_of(end + dt.timedelta(days=1)) - x if end > start else 0.0
        left, right = x - 11, max(x + 11, x + bar)
        lane = next((i for i, edge in enumerate(lanes) if edge + 4 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        else:
            lanes[lane] = right
        marks.append((x, round(bar, 1), lane, planned, anchor, number, label))
    height = axis_gap + len(lanes) * lane_height + 30
    axis_y = height - 30
    return {
        "width": width,
        "height": round(height, 1),
        "axis_y": round(axis_y, 1),
        "axis_from": margin,
        "axis_to": width - margin,
        "ticks": _ticks(first, last, x_of),
        "published": x_of(pub[0]) if pub is not None else None,
        "marks": [
            TimelineMark(
                number, x, bar, round(axis_y - 20 - lane * lane_height, 1), planned, a, lbl
            )
            for x, bar, lane, planned, a, number, lbl in marks
        ],
    }


def _ticks(first: dt.date, last: dt.date, x_of: Any) -> list[tuple[float, str]]:
    """At most about eight labelled ticks: years, months or days, whichever fits the span."""
    days = (last - first).days
    ticks: list[tuple[float, str]] = []
    if days > 3 * 365:
        step = max(1, (last.year - first.year) // 8 + 1)
        for year in range(first.year + 1, last.year + 1, step):
            ticks.append((x_of(dt.date(year, 1, 1)), str(year)))
    elif days > 60:
        step = max(1, days // 30 // 8 + 1)
        year, month = first.year, first.month + 1
        index = 0
        while True:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            day = dt.date(year, month, 1)
            if day > last:
                break
            if index % step == 0:
                label = (
                    f"{MONTHS[month - 1]} {year}" if month == 1 or not ticks else MONTHS[month - 1]
                )
                ticks.append((x_of(day), label))
            index += 1
            month += 1
    else:
        step = max(1, days // 8)
        day = first + dt.timedelta(days=1)
        while day < last:
            ticks.append((x_of(day), f"{day.day} {MONTHS[day.month - 1]}"))
            day += dt.timedelta(days=step)
    return ticks


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart."""

    width: float
    """Length of the bar, 0–100 (percent of the longest)."""
    extra: float
    """Length added by the upper bound of a range, 0–100."""
    negative: bool
    """The value is below zero (the bar shows its size)."""
    item: Any
    """What the bar stands for, passed through to the template."""


PERCENT_UNITS = frozenset({"%", "percent"})
"""Units whose bars are drawn against the whole (100%), not against the largest figure."""


def bar_scale(unit: str | None, items: list[tuple[float, float | None, Any]]) -> float | None:
    """The value a full-width bar stands for: 100 for shares of a whole (percent), when every
    value is within it; None (the largest value) otherwise."""
    if (unit or "").strip().lower() not in PERCENT_UNITS:
        return None
    ends = [abs(x) for v, hi, _ in items for x in (v, hi) if x is not None]
    return 100.0 if ends and max(ends) <= 100 else None


def bar_chart(items: list[tuple[float, float | None, Any]], full: float | None = None) -> list[Bar]:
    """Bars for `(value, upper bound or None, item)` triples, to scale: a full-width bar is
    `full` (say 100 for percentages), or the largest value when `full` is None."""
    largest = max((abs(hi if hi is not None else v) for v, hi, _ in items), default=0)
    largest = max(largest, max((abs(v) for v, _, _ in items), default=0))
    if full is not None and full >= largest:
        largest = full
    bars = []
    for value, upper, item in items:
        if largest == 0:
            width = extra = 0.0
        else:
            width = abs(value) / largest * 100
            extra = max(0.0, (abs(upper) - abs(value)) / largest * 100) if upper is not None else 0
        # A sliver stays visible for values far smaller than the largest.
        bars.append(Bar(round(max(width, 0.8), 1), round(extra, 1), value < 0, item))
    return bars


def histogram(counts: list[tuple[str, int, int]], width: int = 800) -> dict[str, Any] | None:
    """Column geometry for `(label, reported, planned)` counts: stacked columns, one per label."""
    if not counts:
        return None
    height, top, bottom = 160.0, 16.0, 24.0
    largest = max(r + p for _, r, p in counts) or 1
    slot = (width - 16) / len(counts)
    column = max(2.0, min(48.0, slot * 0.7))
    every = max(1, int(40 // slot) + 1)  # label every nth column so labels do not overlap
    columns = []
    for i, (label, reported, planned) in enumerate(counts):
        x = 8 + i * slot + (slot - column) / 2
        scale = (height - top - bottom) / largest
        reported_h, planned_h = reported * scale, planned * scale
        base = height - bottom
        columns.append(
            {
                "x": round(x, 1),
                "width": round(column, 1),
                "centre": round(x + column / 2, 1),
                "reported_y": round(base - reported_h, 1),
                "reported_h": round(reported_h, 1),
                "planned_y": round(base - reported_h - planned_h, 1),
                "planned_h": round(planned_h, 1),
                "label": label if i % every == 0 else "",
                "title": f"{label}: {reported} reported, {planned} planned",
            }
        )
    return {"width": width, "height": height, "base": height - bottom, "columns": columns}
