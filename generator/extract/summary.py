"""Summary: extractive, in article order, covering actors, the main claim, figures and dissent."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc, Span

from ..model import Actor, Figure, KeyPoint, Quote
from ..model import Span as TextSpan

DISSENT = re.compile(
    r"\b(?:refus\w*|reject\w*|oppos\w*|den(?:y|ied|ies)|disagree\w*|criticis\w*|criticiz\w*|however|but|yet|although|despite|reluctan\w*|objected|against)\b",
    re.I,
)
ANAPHORIC_START = re.compile(
    r"^(?:this|these|that|those|such|it|they|he|she|his|her|its|their|the latter|the former|also|meanwhile|however|but|yet)\b",
    re.I,
)


def _sentences(doc: Doc) -> list[Span]:
    return [s for s in doc.sents if any(t.is_alpha for t in s)]


def summarize(
    doc: Doc, actors: list[Actor], quotes: list[Quote], figures: list[Figure], size: int = 4
) -> list[TextSpan]:
    """Up to `size` sentences in article order, chosen for coverage without redundancy."""
    sents = _sentences(doc)
    if len(sents) <= size:
        return [_trimmed(s) for s in sents]
    weight = Counter()
    for actor in actors:
        if actor.type != "group":
            weight[actor.id] = len(actor.mentions)
    owner = {}
    for actor in actors:
        for m in actor.mentions:
            owner[m.start] = actor.id
    features = []
    for sent in sents:
        a, b = sent.start_char, sent.end_char
        ids = {aid for off, aid in owner.items() if a <= off < b}
        has_quote = any(a <= q.start < b and q.speaker is not None for q in quotes)
        has_figure = any(
            a <= f.start < b and f.kind in ("money", "percent", "quantity", "count")
            for f in figures
        )
        dissent = bool(DISSENT.search(sent.text))
        features.append((ids, has_quote, has_figure, dissent))
    chosen: list[int] = []
    covered: set[str] = set()
    got_quote = got_figure = got_dissent = False
    n = len(sents)
    while len(chosen) < size:
        best, best_score = None, -math.inf
        for i, sent in enumerate(sents):
            if i in chosen:
                continue
            ids, has_quote, has_figure, dissent = features[i]
            score = 2.0 / (1 + i) + 1.0 * (1 - i / n)
            score += sum(math.log1p(weight[x]) for x in ids - covered) * 0.6
            score += (
                1.2 * (has_quote and not got_quote)
                + 1.0 * (has_figure and not got_figure)
                + 0.9 * (dissent and not got_dissent)
            )
            if ANAPHORIC_START.match(sent.text.strip()) and (i - 1) not in chosen:
                score -= 1.5
            words = len([t for t in sent if t.is_alpha])
            if words < 6:
                score -= 2
            if words > 60:
                score -= 0.5
            score -= 1.5 * max((_overlap(sent, sents[j]) for j in chosen), default=0)
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
        ids, has_quote, has_figure, dissent = features[best]
        covered |= ids
        got_quote |= has_quote
        got_figure |= has_figure
        got_dissent |= dissent
    return [_trimmed(sents[i]) for i in sorted(chosen)]


def _overlap(a: Span, b: Span) -> float:
    wa = {t.lemma_.lower() for t in a if t.is_alpha and not t.is_stop}
    wb = {t.lemma_.lower() for t in b if t.is_alpha and not t.is_stop}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _trimmed(sent: Span) -> TextSpan:
    text = sent.text
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return TextSpan(
        text=stripped[lead:], start=sent.start_char + lead, end=sent.start_char + len(stripped)
    )


def key_points(
    doc: Doc, actors: list[Actor], quotes: list[Quote], figures: list[Figure], limit: int = 6
) -> list[KeyPoint]:
    """One line per main speaker's claim and per key figure, each from its source sentence."""
    names = {a.id: a for a in actors}
    points: list[KeyPoint] = []
    seen: set[str] = set()
    ranked = sorted(quotes, key=lambda q: (q.kind != "direct", q.start))
    for quote in ranked:
        if quote.speaker is None or quote.speaker.actor is None or quote.speaker.actor in seen:
            continue
        actor = names.get(quote.speaker.actor)
        if actor is None:
            continue
        seen.add(actor.id)
        sent = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        s = sent.sent if sent is not None else None
        verb = quote.cue.text if quote.cue else "said"
        text = quote.text if len(quote.text) <= 200 else quote.text[:197].rsplit(" ", 1)[0] + " …"
        role = f" ({actor.roles[0]})" if actor.roles else ""
        mark = f"“{text}”" if quote.kind == "direct" else text
        points.append(
            KeyPoint(
                text=f"{actor.name}{role} {verb}: {mark}",
                start=s.start_char if s else quote.start,
                end=s.end_char if s else quote.end,
            )
        )
    for figure in figures:
        if figure.kind not in ("money", "percent", "quantity") or len(points) >= limit:
            continue
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is None:
            continue
        about = f" — {figure.subject}" if figure.subject else ""
        status = f" ({figure.status})" if figure.status != "fact" else ""
        points.append(
            KeyPoint(
                text=f"{figure.text}{status}{about}",
                start=span.sent.start_char,
                end=span.sent.end_char,
            )
        )
    return points[:limit]
