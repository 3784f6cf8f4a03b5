"""Score reports against the real-news gold standard (gold/README.md).

Each saved page is analysed as the user would give it (`<page>.html` in a seeds folder); its
report (contract JSON) is compared, section by section, with the hand annotation of the page.
Gold items point into the page by short quoted strings; they are found in the report's
`article.text` with the matching normalisation of gold/README.md (case, white space, quote
and dash forms folded). An item is *right* only when a careful editor would accept it as it
stands (see each section), *neutral* when it matches an optional gold item, and *wrong*
otherwise. Precision = right / (predicted - neutral); recall = gold items found right / gold
items that are not optional.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

from generator.analysis.analyze import Failed, analyze_articles
from generator.analysis.nlp import load_model
from generator.fsutil import atomic_write
from generator.ingest.files import IngestError, parse_article
from generator.slugs import slug

Item = dict[str, Any]

_SAME = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-",
        "\u2011": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
        "\u00ad": "",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\w']+")
ELLIPSIS = " \u2026 "
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being it its
    this that these those his her their our your my he she they we you i who whom which what
    s mr mrs ms dr""".split()
)
NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without)\b|n't\b", re.I)
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0001))
SECTIONS = ("actors", "quotes", "figures", "timeline", "caveats")

# Report caveat kinds (left) as the gold's kinds of problem (right).
CAVEAT_KIND = {
    "relayed": "relayed",
    "unattributed": "sourcing",
    "sourcing": "sourcing",
    "anonymous": "sourcing",
    "one-sided": "one-sided",
    "headline": "headline",
    "inconsistency": "inconsistency",
    "genre": "genre",
    "hedged": "speculation",
    "weasel": "speculation",
    "forward-looking": "speculation",
    "opinion": "speculation",
    "speculation": "speculation",
    "loaded": "speculation",
    "missing-metadata": "metadata",
    "metadata": "metadata",
}
# Gold statuses of figures that a report status may stand for.
FIGURE_STATUS = {
    "fact": {"fact"},
    "plan": {"plan", "target"},
    "target": {"plan", "target"},
    "estimate": {"estimate", "forecast"},
    "forecast": {"estimate", "forecast"},
    "claim": {"claim"},
}
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "rupee": "INR",
}  # fmt: skip

# English plurals that no suffix rule turns into their singular.
IRREGULAR_PLURALS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "geese": "goose", "mice": "mouse", "lives": "life", "wives": "wife",
    "knives": "knife", "leaves": "leaf", "halves": "half", "shelves": "shelf",
}  # fmt: skip


def normalise(text: str) -> str:
    """The matching form of a string."""
    return _SPACE.sub(" ", text.translate(_SAME)).strip().casefold()


class Located:
    """A text in its matching form, with the original offset of every character."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            folded = ch.translate(_SAME).casefold()
            for c in folded:
                if c.isspace():
                    if chars and chars[-1] != " ":
                        chars.append(" ")
                        where.append(i)
                else:
                    chars.append(c)
                    where.append(i)
        self.text = "".join(chars)
        self.where = where
        self.length = len(text)

    def _span(self, k: int, n: int) -> tuple[int, int]:
        return self.where[k], self.where[k + n - 1] + 1

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Original spans of every occurrence of `needle` (matching form)."""
        key = normalise(needle)
        if not key:
            return []
        out = []
        k = self.text.find(key)
        while k >= 0:
            out.append(self._span(k, len(key)))
            k = self.text.find(key, k + 1)
        return out

    def find(self, needle: str | None, near: int | None = None) -> tuple[int, int] | None:
        """The span of `needle`; 'first … last' spans from the first part to the last one.

        With `near`, the occurrence closest to that offset.
        """
        if not needle:
            return None
        parts = [p for p in needle.split(ELLIPSIS) if p.strip()]
        starts = self.find_all(parts[0])
        if not starts:
            return None
        if near is not None:
            starts.sort(key=lambda s: abs(s[0] - near))
        first = starts[0]
        if len(parts) == 1:
            return first
        ends = [s for s in self.find_all(parts[-1]) if s[0] >= first[0] and s[0] - first[0] < 4000]
        if not ends:
            return None
        return first[0], ends[0][1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall(normalise(text or "")) if w not in STOPWORDS and len(w) > 1}


def shares_word(a: str | None, b: str | None) -> bool:
    wa, wb = content_words(a), content_words(b)
    return any(x[:5] == y[:5] for x in wa for y in wb)


def name_key(name: str | None) -> str:
    key = normalise(name or "")
    key = re.sub(r"^the ", "", key)
    key = re.sub(r"'s$", "", key)
    return key.strip(" .,'\"")


@dataclass
class Tally:
    """Right, wrong and neutral predictions, found and missed gold items, by confidence band."""

    right: int = 0
    wrong: int = 0
    neutral: int = 0
    found: int = 0
    gold: int = 0
    bands: dict[int, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def predicted(self, ok: bool | None, confidence: Any, why: str = "") -> None:
        """Count one prediction: True right, False wrong, None neutral."""
        if ok is None:
            self.neutral += 1
            return
        if ok:
            self.right += 1
        else:
            self.wrong += 1
            if why:
                conf = f"{confidence:.2f}" if isinstance(confidence, (int, float)) else "-"
                self.errors.append(f"[{conf}] {why}")
        band = band_of(confidence)
        cell = self.bands.setdefault(band, [0, 0])
        cell[0] += 1
        cell[1] += int(ok)

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.neutral += other.neutral
        self.found += other.found
        self.gold += other.gold
        for band, (n, r) in other.bands.items():
            cell = self.bands.setdefault(band, [0, 0])
            cell[0] += n
            cell[1] += r
        self.errors.extend(other.errors)

    def scores(self) -> dict[str, Any]:
        n = self.right + self.wrong
        p = self.right / n if n else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "predicted": n,
            "right": self.right,
            "neutral": self.neutral,
            "gold": self.gold,
            "found": self.found,
        }

    def reliability(self) -> list[dict[str, Any]]:
        rows = []
        for band, (lo, hi) in enumerate(BANDS):
            n, r = self.bands.get(band, [0, 0])
            rows.append(
                {"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "items": n, "right": r,
                 "share_right": round(r / n, 4) if n else None}
            )  # fmt: skip
        n, r = self.bands.get(-1, [0, 0])
        if n:
            rows.append({"band": "none", "items": n, "right": r, "share_right": round(r / n, 4)})
        return rows


def band_of(confidence: Any) -> int:
    if not isinstance(confidence, (int, float)):
        return -1
    for i, (lo, hi) in enumerate(BANDS):
        if lo <= confidence < hi:
            return i
    return len(BANDS) - 1


# --------------------------------------------------------------------------- actors


def actor_forms(actor: Item) -> set[str]:
    return {name_key(f) for f in [actor.get("name"), *(actor.get("aliases") or [])] if f}


def score_actors(report: Item, gold: Item) -> tuple[Tally, Tally]:
    """Actors right (named form the gold knows, type right, not a second actor for one
    entity); and roles right (sharing a word with a role the gold gives that actor)."""
    tally, roles = Tally(), Tally()
    golds = gold.get("actors") or []
    by_form: dict[str, int] = {}
    for gi, g in enumerate(golds):
        for form in actor_forms(g):
            by_form.setdefault(form, gi)
    matched: dict[int, int] = {}
    preds = sorted(
        report.get("actors") or [], key=lambda a: (-len(a.get("mentions") or []), a.get("name", ""))
    )
    for a in preds:
        found = by_form.get(name_key(a.get("name")))
        kind = a.get("type")
        conf = a.get("confidence")
        if found is None:
            if kind in ("person", "organization", "place"):
                tally.predicted(False, conf, f"actor not in gold: {a.get('name')!r} ({kind})")
            continue
        g = golds[found]
        if kind not in ("person", "organization", "place") and g.get("optional"):
            continue
        if found in matched:
            tally.predicted(
                False,
                conf,
                f"actor split: {a.get('name')!r} beside another actor for {g['name']!r}",
            )
            continue
        matched[found] = 1
        if g.get("optional"):
            tally.predicted(None, conf)
            continue
        ok = kind == g.get("type")
        tally.predicted(ok, conf, f"actor type: {a.get('name')!r} is {kind}, gold {g.get('type')}")
        if ok:
            tally.found += 1
        for role in a.get("roles") or []:
            good = any(shares_word(role, gr) for gr in g.get("roles") or [])
            roles.predicted(good, None, f"role {role!r} on {g['name']!r} (gold {g.get('roles')})")
    tally.gold = sum(1 for g in golds if not g.get("optional"))
    roles.gold = sum(len(g.get("roles") or []) for g in golds if not g.get("optional"))
    roles.found = roles.right
    return tally, roles


# --------------------------------------------------------------------------- quotes


def actor_names(report: Item) -> dict[str, str]:
    return {a["id"]: a.get("name", "") for a in report.get("actors") or []}


def gold_actor(gold: Item, name: str | None) -> Item | None:
    for a in gold.get("actors") or []:
        if a.get("name") == name:
            actor: Item = a
            return actor
    return None


def speaker_right(pred: Item, g: Item, gold: Item, names: dict[str, str]) -> bool:
    speaker = pred.get("speaker")
    if g.get("speaker"):
        if not speaker:
            return False
        forms = actor_forms(gold_actor(gold, g["speaker"]) or {"name": g["speaker"]})
        said_by = name_key(names.get(speaker.get("actor") or "", ""))
        words = normalise(speaker.get("text") or "")
        if said_by in forms or name_key(words) in forms:
            return True
        if not speaker.get("actor"):
            return any(re.search(rf"\b{re.escape(f)}\b", words) for f in forms if f)
        return False
    if not speaker:
        return True
    if g.get("speaker_text"):
        other = names.get(speaker.get("actor") or "")
        if other and any(name_key(other) in actor_forms(a) for a in gold.get("actors") or []):
            return False
        return shares_word(speaker.get("text"), g["speaker_text"])
    return False


def pair_spans(
    preds: Sequence[tuple[int, int]], golds: Sequence[tuple[int, int] | None], min_share: float
) -> dict[int, int]:
    """One-to-one pairs (prediction -> gold) by largest overlap, each sharing at least
    `min_share` of the shorter span."""
    cand = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            if g is None:
                continue
            o = overlap(p, g)
            short = min(p[1] - p[0], g[1] - g[0]) or 1
            if o and o / short >= min_share:
                cand.append((-o, pi, gi))
    cand.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = {}
    for _, pi, gi in cand:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out[pi] = gi
    return out


def score_quotes(report: Item, gold: Item, text: Located) -> tuple[Tally, int]:
    """Quotes right (content overlapping a gold act of saying, speaker and polarity right);
    and the number of items that reverse their sentence (polarity opposite to the gold's)."""
    tally = Tally()
    golds = gold.get("quotes") or []
    spans = [text.find(g.get("content")) for g in golds]
    preds = report.get("quotes") or []
    pairs = pair_spans([(q["start"], q["end"]) for q in preds], spans, 0.3)
    names = actor_names(report)
    reversed_items = 0
    found: set[int] = set()
    for pi, q in enumerate(preds):
        conf = q.get("confidence")
        gi = pairs.get(pi)
        if gi is None:
            # a piece of one gold quote given as a quote of its own is judged as that quote
            gi = next(
                (i for i, g in enumerate(spans) if g and overlap((q["start"], q["end"]), g)
                 >= 0.8 * max(1, q["end"] - q["start"])),
                None,
            )  # fmt: skip
        if gi is None:
            tally.predicted(
                False, conf, f"quote not an act of saying in gold: {q.get('text', '')[:70]!r}"
            )
            continue
        g = golds[gi]
        if g.get("optional") or g.get("act") == "belief":
            tally.predicted(None, conf)
            continue
        polarity = q.get("polarity") or "affirmative"
        pol_ok = polarity == (g.get("polarity") or "affirmative")
        if not pol_ok:
            reversed_items += 1
        spk_ok = speaker_right(q, g, gold, names)
        ok = pol_ok and spk_ok
        why = (
            f"quote {'polarity' if not pol_ok else 'speaker'}: {q.get('text', '')[:50]!r} "
            f"speaker {((q.get('speaker') or {}).get('text'))!r} gold {g.get('speaker') or g.get('speaker_text')!r}"
        )
        tally.predicted(ok, conf, why)
        if ok:
            found.add(gi)
    required = [
        i for i, g in enumerate(golds) if not g.get("optional") and g.get("act") != "belief"
    ]
    tally.gold = len(required)
    tally.found = sum(1 for i in required if i in found)
    return tally, reversed_items


# --------------------------------------------------------------------------- figures


def unit_key(unit: str | None) -> str:
    u = normalise(unit or "")
    u = {"percent": "%", "per cent": "%", "pct": "%", "percentage": "%"}.get(u, u)
    if u in CURRENCY_WORDS:
        return CURRENCY_WORDS[u]
    if u.endswith("s") and u in {w + "s" for w in CURRENCY_WORDS}:
        return CURRENCY_WORDS[u[:-1]]
    if len(u) == 3 and u.isalpha() and u.upper() == (unit or "").strip():
        return u.upper()
    if u in IRREGULAR_PLURALS:  # units compare by lemma (gold/README.md)
        return IRREGULAR_PLURALS[u]
    if u.endswith("ies") and len(u) > 5:
        return u[:-3] + "y"
    # A stem both numbers share: mile(s) -> mil, box(es) -> box, bus(es) -> bus, class(es).
    if u.endswith("s") and not u.endswith(("ss", "us", "is")) and len(u) > 3:
        u = u[:-1]
    return u[:-1] if u.endswith("e") and len(u) > 3 else u


def same_value(a: Any, b: Any) -> bool:
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    if b == 0:
        return a == 0
    return abs(a - b) / abs(b) <= 0.01


def score_figures(report: Item, gold: Item, text: Located) -> tuple[Tally, Tally]:
    """Figures right (value, unit, status and owner as the gold has them; a conversion is not
    a figure of its own); and the same with the subject sharing a word with what it measures."""
    tally, subject = Tally(), Tally()
    golds = gold.get("figures") or []
    spans: list[tuple[int, int] | None] = []
    last = 0
    for g in golds:
        s = text.find(g.get("text"), near=last)
        spans.append(s)
        if s:
            last = s[0]
    preds = report.get("figures") or []
    pairs = pair_spans([(f["start"], f["end"]) for f in preds], spans, 0.3)
    names = actor_names(report)
    found: set[int] = set()
    for pi, f in enumerate(preds):
        conf = f.get("confidence")
        gi = pairs.get(pi)
        if gi is None:
            why = f"figure not in gold: {f.get('text')!r}"
            tally.predicted(False, conf, why)
            subject.predicted(False, conf)
            continue
        g = golds[gi]
        if g.get("optional"):
            tally.predicted(None, conf)
            subject.predicted(None, conf)
            continue
        problems = []
        if g.get("conversion_of"):
            problems.append("a conversion shown as its own figure")
        if not same_value(f.get("value"), g.get("value")):
            problems.append(f"value {f.get('value')} (gold {g.get('value')})")
        if g.get("value_max") is not None and not same_value(
            f.get("value_max"), g.get("value_max")
        ):
            problems.append(f"range max {f.get('value_max')} (gold {g.get('value_max')})")
        if unit_key(f.get("unit")) != unit_key(str(g.get("unit") or "")):
            problems.append(f"unit {f.get('unit')!r} (gold {g.get('unit')!r})")
        status = f.get("status") or "fact"
        if status not in FIGURE_STATUS.get(g.get("status") or "fact", {"fact"}):
            problems.append(f"status {status} (gold {g.get('status')})")
        owner = g.get("owner") or "reporter"
        said_by = names.get(f.get("attributed_to") or "")
        if owner == "reporter":
            if said_by:
                problems.append(f"given to {said_by!r} (gold: the reporter's)")
        else:
            forms = actor_forms(gold_actor(gold, owner) or {"name": owner})
            if name_key(said_by) not in forms:
                problems.append(f"given to {said_by!r} (gold {owner!r})")
        ok = not problems
        tally.predicted(ok, conf, f"figure {f.get('text')!r}: " + "; ".join(problems))
        subj_ok = ok and shares_word(f.get("subject"), g.get("measures"))
        subject.predicted(
            subj_ok,
            conf,
            f"figure {f.get('text')!r} subject {f.get('subject')!r} (gold {g.get('measures')!r})",
        )
        if ok:
            found.add(gi)
    required = [
        i for i, g in enumerate(golds) if not g.get("optional") and not g.get("conversion_of")
    ]
    tally.gold = subject.gold = len(required)
    tally.found = sum(1 for i in required if i in found)
    subject.found = subject.right
    return tally, subject


# --------------------------------------------------------------------------- timeline


def date_key(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value).strip()


def same_date(pred: str | None, gold: str) -> bool:
    if not pred:
        return False
    if "T" not in gold:
        pred = pred.split("T")[0]
    return pred == gold


def stem_in(verb: str | None, text: str | None) -> bool:
    if not verb:
        return True
    words = _WORD.findall(normalise(text or ""))
    for v in _WORD.findall(normalise(verb)):
        stem = v[: max(3, min(len(v), 4))]
        if any(w.startswith(stem) for w in words):
            return True
    return False


def score_timeline(report: Item, gold: Item, text: Located) -> Tally:
    """Timeline entries right: the date the gold resolves, an event with the gold's verb (and
    its negation), reported or planned as the gold says. Entries for expressions the gold
    cannot resolve are wrong: they belong off the dated timeline."""
    tally = Tally()
    golds = gold.get("timeline") or []
    spans: list[tuple[int, int] | None] = []
    for g in golds:
        verb_at = text.find(g.get("verb"))
        spans.append(text.find(g.get("when"), near=verb_at[0] if verb_at else None))
    timexes = report.get("temporal_expressions") or []
    preds = report.get("timeline") or []
    pred_spans = []
    for e in preds:
        t = timexes[e["timex"]] if 0 <= e.get("timex", -1) < len(timexes) else None
        pred_spans.append((t["start"], t["end"]) if t else (e["start"], e["end"]))
    # several events may share one date expression: pair by span, then by verb
    cand = []
    for pi, (p, e) in enumerate(zip(pred_spans, preds, strict=True)):
        for gi, g in enumerate(golds):
            s = spans[gi]
            if s and overlap(p, s):
                cand.append((-int(stem_in(g.get("verb"), e.get("event"))), -overlap(p, s), pi, gi))
    cand.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, pi, gi in cand:
        if pi in pairs or gi in used:
            continue
        pairs[pi] = gi
        used.add(gi)
    found: set[int] = set()
    for pi, e in enumerate(preds):
        conf = e.get("confidence")
        paired = pairs.get(pi)
        if paired is None:
            tally.predicted(
                False,
                conf,
                f"timeline entry not in gold: {e.get('date')} {e.get('event', '')[:60]!r}",
            )
            continue
        g = golds[paired]
        if g.get("optional"):
            tally.predicted(None, conf)
            continue
        gdate = date_key(g.get("date"))
        problems = []
        if gdate is None:
            problems.append("the gold cannot resolve this date")
        elif not same_date(e.get("date"), gdate):
            problems.append(f"date {e.get('date')} (gold {gdate})")
        if not stem_in(g.get("verb"), e.get("event")):
            problems.append(f"event {e.get('event', '')[:60]!r} lacks {g.get('verb')!r}")
        # The entry's own polarity says whether its event is negated; a "not" inside what was
        # reported ("said the demand had not changed") leaves it affirmative. A negated event
        # must also show its negation in the words the reader sees.
        shown = bool(NEGATION.search(e.get("event") or ""))
        negated = e["polarity"] == "negative" if "polarity" in e else shown
        if g.get("polarity") == "negative":
            if not (negated and shown):
                problems.append("negation")
        elif negated:
            problems.append("negation")
        if (e.get("status") or "reported") != (g.get("status") or "reported"):
            problems.append(f"status {e.get('status')} (gold {g.get('status')})")
        ok = not problems
        tally.predicted(ok, conf, f"timeline {g.get('when')!r}: " + "; ".join(problems))
        if ok:
            found.add(paired)
    required = [
        i for i, g in enumerate(golds) if not g.get("optional") and g.get("date") is not None
    ]
    tally.gold = len(required)
    tally.found = sum(1 for i in required if i in found)
    return tally


# --------------------------------------------------------------------------- caveats


def score_caveats(report: Item, gold: Item, text: Located) -> tuple[Tally, int]:
    """Caveats right: the gold names a problem of the same kind at the same words (or, for
    an article-level caveat, anywhere in the article). A second caveat on a problem already
    matched is counted apart (duplicates), neither right nor wrong."""
    tally = Tally()
    golds = gold.get("caveats") or []
    spans = [text.find(g.get("anchor")) for g in golds]
    sentences = report.get("sentences") or []
    matched: set[int] = set()
    duplicates = 0
    for c in report.get("caveats") or []:
        conf = c.get("confidence")
        kind = CAVEAT_KIND.get(c.get("kind") or "", c.get("kind"))
        start, end = c.get("start", 0), c.get("end", 0)
        if end > start:
            # widen to the sentence: gold anchors point at the words, caveats at the cue
            for s in sentences:
                if s["start"] <= start < s["end"]:
                    start, end = min(start, s["start"]), max(end, s["end"])
                    break
        best = None
        for gi, g in enumerate(golds):
            if CAVEAT_KIND.get(g.get("kind") or "", g.get("kind")) != kind:
                continue
            s = spans[gi]
            if end > start and s is not None and not overlap((start, end), s):
                continue
            if end > start and s is None and g.get("anchor"):
                continue
            if best is None or (gi not in matched and best in matched):
                best = gi
        if best is None:
            tally.predicted(
                False, conf, f"caveat {c.get('kind')}: {c.get('cue')!r} {c.get('text', '')[:60]!r}"
            )
            continue
        if best in matched:
            duplicates += 1
            tally.predicted(None, conf)
            continue
        matched.add(best)
        tally.predicted(True, conf)
    must = [i for i, g in enumerate(golds) if g.get("level", "must") == "must"]
    tally.gold = len(must)
    tally.found = sum(1 for i in must if i in matched)
    return tally, duplicates


# --------------------------------------------------------------------------- summary


def has_words(sentence: str, keywords: Iterable[str]) -> bool:
    low = normalise(sentence)
    return all(
        # (?<!\w), not \b: a keyword may open on a sign ("$5 million"), and \b needs a word char
        re.search(rf"(?<!\w){re.escape(normalise(k)[: max(4, len(normalise(k)) - 2)])}", low)
        for k in keywords
    )


def score_summary(
    report: Item, gold: Item, text: Located, shown: Located | None = None
) -> dict[str, Any]:
    """Must-carry facts carried by the summary (its sentence, or a summary sentence with all
    the fact's keywords); thesis and verdict facts reported apart."""
    summary = report.get("summary") or []
    facts = gold.get("summary") or []
    carried = 0
    roles: dict[str, list[int]] = {}
    missed = []
    for f in facts:
        at = text.find(f.get("anchor"))
        ok = any(at and overlap(at, (s["start"], s["end"])) for s in summary) or any(
            f.get("keywords") and has_words(s.get("text", ""), f["keywords"]) for s in summary
        )
        carried += int(ok)
        cell = roles.setdefault(f.get("role") or "main", [0, 0])
        cell[0] += 1
        cell[1] += int(ok)
        if not ok:
            missed.append(f.get("fact"))
    junk_spans = [
        s
        for j in gold.get("junk") or []
        if junk_reached(j.get("text") or "", text, shown)
        for s in text.find_all(j.get("text") or "")
    ]
    title = name_key(gold.get("metadata", {}).get("title"))
    junk = sum(
        1
        for s in summary
        if any(overlap((s["start"], s["end"]), j) for j in junk_spans)
        or (title and name_key(s.get("text")) == title)
    )
    return {"facts": len(facts), "carried": carried, "roles": roles, "junk_sentences": junk,
            "sentences": len(summary), "missed": missed}  # fmt: skip


# --------------------------------------------------------------------------- page


def authors_of(article: Item) -> list[str]:
    if isinstance(article.get("authors"), list):
        return [a for a in article["authors"] if a]
    raw = article.get("author") or ""
    return [p.strip() for p in re.split(r",|;| and |&", raw) if p.strip()]


def junk_reached(junk: str, text: Located, shown: Located | None) -> bool:
    """Whether a junk line of the page is in the report's text. A caption, dek or subhead often
    repeats words of the prose ("Consent" as a list heading, a pull quote copying a sentence):
    given the page's visible text (`shown`), the line counts as reached only when the text holds
    it as many times as the page shows it, so the prose's own copies are not taken for it.
    White space is ignored where a page runs a label into its text."""
    found = _count(text, junk)
    if shown is None:
        return found > 0
    return found > 0 and found >= _count(shown, junk)


def _count(text: Located, needle: str) -> int:
    """Occurrences of `needle` in its matching form, or with all white space ignored when a
    page runs a label into its text ('More information:Ann Lee' for 'More information: Ann
    Lee'), whichever finds more."""
    key = "".join(normalise(needle).split())
    return max(len(text.find_all(needle)), text.text.replace(" ", "").count(key) if key else 0)


def score_page(
    report: Item, gold: Item, text: Located, shown: Located | None = None
) -> dict[str, Any]:
    """Metadata fields equal to the gold's, genre, the text clean of junk lines and whole."""
    article = report.get("article") or {}
    meta = gold.get("metadata") or {}
    out: dict[str, Any] = {}
    out["title"] = name_key(article.get("title")) == name_key(meta.get("title"))
    out["authors"] = sorted(map(name_key, authors_of(article))) == sorted(
        map(name_key, meta.get("authors") or [])
    )
    out["outlet"] = name_key(article.get("source")) == name_key(meta.get("outlet"))
    pub = date_key(meta.get("published"))
    out["published"] = (
        article.get("date") if article.get("date_source") == "metadata" else None
    ) == pub
    if "modified" in article:
        out["modified"] = article.get("modified") == date_key(meta.get("modified"))
    if "section" in article:
        out["section"] = name_key(article.get("section")) == name_key(meta.get("section"))
    genre = gold.get("genre")
    predicted_genre = article.get("genre")
    out["genre"] = predicted_genre == genre or (genre == "feature" and predicted_genre == "news")
    out["genre_confidence"] = article.get("genre_confidence")
    junk = gold.get("junk") or []
    reached = [j.get("text") for j in junk if junk_reached(j.get("text") or "", text, shown)]
    out["junk_lines"] = len(junk)
    out["junk_reached"] = len(reached)
    out["junk_examples"] = reached[:5]
    sentences = report.get("sentences") or []
    out["headline_first"] = bool(
        sentences and name_key(sentences[0].get("text")) == name_key(meta.get("title"))
    )
    body = gold.get("body") or {}
    out["body_start"] = text.find(body.get("first")) is not None
    out["body_end"] = text.find(body.get("last")) is not None
    return out


# --------------------------------------------------------------------------- all


@dataclass
class Result:
    """The scores of one page."""

    page: str
    tallies: dict[str, Tally]
    summary: dict[str, Any]
    page_checks: dict[str, Any]
    reversed_quotes: int
    caveat_duplicates: int


def score_report(report: Item, gold: Item, page_text: str | None = None) -> Result:
    """The scores of one report; `page_text` is the page's visible text, when known."""
    text = Located(report.get("article", {}).get("text") or "")
    shown = Located(page_text) if page_text is not None else None
    actors, roles = score_actors(report, gold)
    quotes, reversed_items = score_quotes(report, gold, text)
    figures, figure_subjects = score_figures(report, gold, text)
    timeline = score_timeline(report, gold, text)
    caveats, dups = score_caveats(report, gold, text)
    return Result(
        page=gold.get("page", ""),
        tallies={
            "actors": actors,
            "roles": roles,
            "quotes": quotes,
            "figures": figures,
            "figures_with_subject": figure_subjects,
            "timeline": timeline,
            "caveats": caveats,
        },
        summary=score_summary(report, gold, text, shown),
        page_checks=score_page(report, gold, text, shown),
        reversed_quotes=reversed_items,
        caveat_duplicates=dups,
    )


def aggregate(results: list[Result]) -> dict[str, Any]:
    """Micro-averaged scores over pages, with the reliability table by confidence band."""
    total: dict[str, Tally] = {}
    for r in results:
        for name, t in r.tallies.items():
            total.setdefault(name, Tally()).add(t)
    facts = sum(r.summary["facts"] for r in results)
    carried = sum(r.summary["carried"] for r in results)
    role_cells: dict[str, list[int]] = {}
    for r in results:
        for role, (n, k) in r.summary["roles"].items():
            cell = role_cells.setdefault(role, [0, 0])
            cell[0] += n
            cell[1] += k
    checks: dict[str, list[int]] = {}
    for r in results:
        for key, value in r.page_checks.items():
            if isinstance(value, bool):
                cell = checks.setdefault(key, [0, 0])
                cell[0] += 1
                cell[1] += int(value)
    junk = sum(r.page_checks["junk_lines"] for r in results)
    reached = sum(r.page_checks["junk_reached"] for r in results)
    genres = Tally()  # genre right or wrong by its confidence band
    for r in results:
        genres.predicted(r.page_checks["genre"], r.page_checks.get("genre_confidence"))
    return {
        "pages": len(results),
        "sections": {name: t.scores() for name, t in total.items()},
        "reliability": {name: total[name].reliability() for name in SECTIONS if name in total},
        "genre_by_confidence": genres.reliability(),
        "summary": {
            "facts": facts,
            "carried": carried,
            "share_carried": round(carried / facts, 4) if facts else 0.0,
            "by_role": {k: {"facts": n, "carried": c} for k, (n, c) in sorted(role_cells.items())},
            "junk_sentences": sum(r.summary["junk_sentences"] for r in results),
        },
        "page": {
            **{k: round(c / n, 4) for k, (n, c) in sorted(checks.items())},
            "junk_lines": junk,
            "junk_reached_text": reached,
        },
        "reversed_quotes": sum(r.reversed_quotes for r in results),
        "caveat_duplicates": sum(r.caveat_duplicates for r in results),
    }


# --------------------------------------------------------------------------- agreement


def gold_as_report(gold: Item, page_text: str) -> Item:
    """A second annotation in the shape of a report over the page's visible text, so that the
    agreement of two annotators is scored exactly as the tool is (the first one as gold)."""
    text = Located(page_text)
    actors = []
    ids: dict[str, str] = {}
    for i, a in enumerate(gold.get("actors") or []):
        if a.get("optional"):
            continue
        ids[a["name"]] = f"a{i}"
        actors.append({"id": f"a{i}", "name": a["name"], "type": a.get("type"),
                       "roles": list(a.get("roles") or []), "mentions": []})  # fmt: skip
    quotes = []
    for q in gold.get("quotes") or []:
        span = text.find(q.get("content"))
        if not span or q.get("optional") or q.get("act") == "belief":
            continue
        who = q.get("speaker")
        speaker = (
            {"actor": ids.get(who), "text": who} if who
            else {"actor": None, "text": q["speaker_text"]} if q.get("speaker_text") else None
        )  # fmt: skip
        quotes.append({"start": span[0], "end": span[1], "text": page_text[span[0]:span[1]],
                       "polarity": q.get("polarity"), "speaker": speaker})  # fmt: skip
    figures = []
    last = 0
    for f in gold.get("figures") or []:
        span = text.find(f.get("text"), near=last)
        if not span or f.get("optional") or f.get("conversion_of"):
            continue
        last = span[0]
        owner = f.get("owner")
        figures.append({"start": span[0], "end": span[1], "text": f.get("text"),
                        "value": f.get("value"), "value_max": f.get("value_max"),
                        "unit": str(f.get("unit") or ""), "status": f.get("status"),
                        "attributed_to": ids.get(owner) if owner != "reporter" else None,
                        "subject": f.get("measures")})  # fmt: skip
    timexes, timeline = [], []
    for t in gold.get("timeline") or []:
        if t.get("optional") or t.get("date") is None:
            continue
        verb_at = text.find(t.get("verb"))
        span = text.find(t.get("when"), near=verb_at[0] if verb_at else None)
        if not span:
            continue
        timexes.append({"start": span[0], "end": span[1], "text": t.get("when")})
        negation = " not" if t.get("polarity") == "negative" else ""
        timeline.append({"date": date_key(t.get("date")), "timex": len(timexes) - 1,
                         "start": span[0], "end": span[1], "status": t.get("status"),
                         "event": f"{t.get('event')} {t.get('verb')}{negation}"})  # fmt: skip
    caveats = []
    for c in gold.get("caveats") or []:
        span = text.find(c.get("anchor")) if c.get("anchor") else None
        if c.get("level", "must") != "must":
            continue
        s, e = span if span else (0, 0)
        caveats.append({"kind": c.get("kind"), "start": s, "end": e, "cue": c.get("anchor"),
                        "text": page_text[s:e]})  # fmt: skip
    summary = []
    for f in gold.get("summary") or []:
        span = text.find(f.get("anchor"))
        if span:
            summary.append({"start": span[0], "end": span[1], "text": page_text[span[0] : span[1]]})
    meta = gold.get("metadata") or {}
    return {
        "article": {"text": page_text, "title": meta.get("title"), "authors": meta.get("authors"),
                    "source": meta.get("outlet"), "date": date_key(meta.get("published")),
                    "date_source": "metadata", "genre": gold.get("genre")},  # fmt: skip
        "actors": actors, "quotes": quotes, "figures": figures,
        "temporal_expressions": timexes, "timeline": timeline, "caveats": caveats,
        "summary": summary, "sentences": [],
    }  # fmt: skip


# --------------------------------------------------------------------------- running


def load_gold(folder: Path) -> list[Item]:
    """The gold files of a folder, in name order."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not data.get("page"):
            raise ValueError(f"{path}: not a gold annotation (no 'page')")
        out.append(data)
    return out


def page_file(pages: Path, page: str) -> Path:
    """The saved page `page` under `pages` (the realnews folder or its html/ folder)."""
    for folder in (pages / "html", pages):
        for name in (f"{page}.html.gz", f"{page}.html"):
            if (folder / name).exists():
                return folder / name
    raise FileNotFoundError(f"{pages}: no saved page {page!r}")


def page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def visible_text(data: bytes) -> str:
    """The visible text of a page (scripts and styles dropped), as annotators saw it."""
    import lxml.html

    try:
        data.decode("utf-8")
        root = lxml.html.fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except UnicodeDecodeError:
        root = lxml.html.fromstring(data)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return " ".join(root.itertext())


def select_half(golds: list[Item], half: str) -> list[Item]:
    """All pages, or the even/odd ones in name order: decide on one half, check on the other."""
    if half == "all":
        return golds
    start = 0 if half == "even" else 1
    return golds[start::2]


def analyse_pages(
    pages: Path, golds: list[Item], model: str | None, summary_size: int | None, dump: Path | None
) -> tuple[dict[str, Item], dict[str, str]]:
    """Reports (contract dicts) of the gold's pages by page name, and the refusals by page."""
    articles = []
    by_id: dict[str, str] = {}
    refused: dict[str, str] = {}
    for g in golds:
        page = g["page"]
        try:
            article = parse_article(
                page_bytes(page_file(pages, page)), f"{page}.html", slug(page), ".html"
            )
        except IngestError as err:
            refused[page] = str(err)
            continue
        articles.append(article)
        by_id[article.id] = page
    reports: dict[str, Item] = {}
    nlp = load_model(model)
    bar = tqdm(total=len(articles), desc="analysing", unit="page", disable=None, file=sys.stderr)
    for report in analyze_articles(nlp, articles, summary_size):
        if isinstance(report, Failed):
            refused[by_id[report.article_id]] = report.message
        else:
            reports[by_id[report.article.id]] = report.to_dict()
            if dump is not None:
                atomic_write(dump / f"{by_id[report.article.id]}.json", report.to_json())
        bar.update(1)
    bar.close()
    return reports, refused


_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    "|july|august|september|october|november|december"
)
# Where a byline stops naming people: the first digit or a month name before a number (a date,
# a time, a count), or the word "updated" / "published".
_BYLINE_END = re.compile(rf"\d|\b(?:{_MONTHS})\.?\s+\d|\b(?:updated|published|posted)\b")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_TITLE_SEPARATOR = r"\s+[-|\u2013\u2014:\u00b7\u2022]\s+"


def expected_headline(meta: Item) -> str:
    """The source project's title as a headline: without a trailing separator and the site
    name or the byline that the same metadata gives ("... - Breitbart", "... | Ann Reporter")."""
    title = normalise(meta.get("title") or "")
    for tail in (meta.get("siteName"), meta.get("byline")):
        tail = re.sub(r"^by\s+", "", normalise(tail or ""))
        if tail:
            title = re.sub(rf"{_TITLE_SEPARATOR}{re.escape(tail)}$", "", title)
    return title


def expected_names(meta: Item) -> list[str]:
    """The source project's byline as person names, as issue 14 defines authors: no "By", no
    dates or "Updated", the outlet's own name (its `siteName`) is no person; split at commas
    and "and"."""
    byline = re.sub(r"^by\s+", "", normalise(meta.get("byline") or ""))
    end = _BYLINE_END.search(byline)
    byline = byline[: end.start()] if end else byline
    names = [n.strip(" .-|") for n in _NAME_SPLIT.split(byline)]
    site = normalise(meta.get("siteName") or "")
    return sorted(n for n in names if n and n != site)


def meta_checks(pages: Path, reports: dict[str, Item]) -> dict[str, Any]:
    """Title and byline against the metadata the source project expects (where it has some).

    `title_exact` and `byline_exact` compare the strings as they are (case and spaces
    normalised; the byline is the report's authors joined, or its byline line). That project's
    metadata is its extractor's output, not a hand annotation: `title_headline` and
    `byline_names` first bring it to issue 14's definitions (a headline without the site-name
    suffix; authors as person names, without dates or the outlet) and compare the report's
    `title` and `authors` with that. The misses list both kinds.
    """
    folder = pages / "meta"
    title = byline = headline = names = n = 0
    misses = []
    for page, report in sorted(reports.items()):
        path = folder / f"{page}.json"
        if not path.exists():
            continue
        meta = json.loads(path.read_text(encoding="utf-8"))
        article = report.get("article") or {}
        n += 1
        got_title = normalise(article.get("title") or "")
        ok_title = got_title == normalise(meta.get("title") or "")
        expected = re.sub(r"^by\s+", "", normalise(meta.get("byline") or ""))
        got = normalise(", ".join(authors_of(article)) or article.get("author") or "")
        ok_byline = got == expected
        ok_headline = got_title == expected_headline(meta)
        got_names = sorted(normalise(a) for a in authors_of(article))
        ok_names = got_names == expected_names(meta)
        title += ok_title
        byline += ok_byline
        headline += ok_headline
        names += ok_names
        if not ok_title:
            misses.append(
                f"{page}: title {article.get('title')!r} (expected {meta.get('title')!r}"
                + (", as a headline: equal)" if ok_headline else ")")
            )
        if not ok_byline:
            misses.append(
                f"{page}: byline {got!r} (expected {expected!r}"
                + (", as names: equal)" if ok_names else f", as names: {expected_names(meta)})")
            )
    return {
        "pages": n,
        "title_exact": round(title / n, 4) if n else None,
        "byline_exact": round(byline / n, 4) if n else None,
        "title_headline": round(headline / n, 4) if n else None,
        "byline_names": round(names / n, 4) if n else None,
        "misses": misses,
    }


def run(
    pages: Path,
    gold_dir: Path,
    model: str | None = None,
    summary_size: int | None = None,
    dump: Path | None = None,
    half: str = "all",
    details: bool = False,
) -> dict[str, Any]:
    """Analyse the gold's pages and score the reports section by section."""
    golds = select_half(load_gold(gold_dir), half)
    reports, refused = analyse_pages(pages, golds, model, summary_size, dump)
    results = []
    bad_pages: dict[str, Any] = {"not_articles": 0, "refused_right": 0, "refused_wrong": []}
    for g in golds:
        page = g["page"]
        if not g.get("is_article", True):
            bad_pages["not_articles"] += 1
            bad_pages["refused_right"] += int(page in refused)
            continue
        if page in refused:
            bad_pages["refused_wrong"].append(f"{page}: {refused[page]}")
            report: Item = {"article": {"text": ""}}
        else:
            report = reports[page]
        shown = visible_text(page_bytes(page_file(pages, page)))
        results.append(score_report(report, g, shown))
    out = {"task": "realnews", "half": half, **aggregate(results), "bad_pages": bad_pages,
           "metadata_vs_source_project": meta_checks(pages, reports)}  # fmt: skip
    if details:
        out["details"] = {
            r.page: {
                **{name: t.errors for name, t in r.tallies.items() if t.errors},
                "summary_missed": r.summary["missed"],
                "page": r.page_checks,
            }
            for r in results
        }
    return out


def agreement(pages: Path, gold_dir: Path, double_dir: Path) -> dict[str, Any]:
    """Agreement of the second annotations with the first, scored as the tool is scored."""
    firsts = {g["page"]: g for g in load_gold(gold_dir)}
    results = []
    genre = meta = 0
    for second in load_gold(double_dir):
        first = firsts[second["page"]]
        text = visible_text(page_bytes(page_file(pages, second["page"])))
        results.append(score_report(gold_as_report(second, text), first))
        genre += int(first.get("genre") == second.get("genre"))
        meta += int(
            name_key((first.get("metadata") or {}).get("title"))
            == name_key((second.get("metadata") or {}).get("title"))
        )
    total = aggregate(results)
    sections = {
        name: {k: v for k, v in s.items() if k in ("precision", "recall", "f1")}
        for name, s in total["sections"].items()
    }
    return {
        "task": "realnews-agreement",
        "pages": len(results),
        "sections": sections,
        "summary_facts_carried": total["summary"]["share_carried"],
        "genre_agreement": round(genre / len(results), 4) if results else None,
        "title_agreement": round(meta / len(results), 4) if results else None,
    }
