"""Putting the pieces of attributions together: one attribution per cue, quotes that carry on, no nesting."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.extract.quotes.cues import THOUGHT_VERBS, cue_lemma
from generator.model import QuoteKind, Speaker
from generator.model import Span as TextSpan


@dataclass
class Piece:
    """A part of an attribution while the parts are being put together."""

    kind: QuoteKind
    start: int
    end: int
    sent: Span
    cue: TextSpan | None = None
    speaker: Speaker | None = None
    open_end: bool = False
    """A quoted paragraph that runs on into the next one (no closing mark)."""
    parts: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""
    """Which rule found the piece (for measuring rules one by one)."""
    carried: bool = False
    """The speaker is the subject of the sentence before, not named by a cue of its own."""


def merge_by_cue(pieces: list[Piece]) -> list[Piece]:
    """Pieces with the same cue are one attribution: '"A," she said, "B."' or 'said X "Y"'."""
    groups: dict[int, list[Piece]] = {}
    alone: list[Piece] = []
    for piece in pieces:
        if piece.cue is None:
            alone.append(piece)
        else:
            groups.setdefault(piece.cue.start, []).append(piece)
    out = alone
    for group in groups.values():
        if len(group) == 1 or all(p.kind == "indirect" for p in group):
            out.extend(group)  # 'said that A and that B': two claims under one cue
        else:
            out.append(_combine(group))
    out.sort(key=lambda p: (p.start, -p.end))
    return out


def _combine(group: list[Piece]) -> Piece:
    quoted = [p for p in group if p.kind in ("direct", "partial")]
    # A whole quoted utterance is the content; a clause the parser found around it adds nothing.
    rest = (
        []
        if any(q.kind == "direct" for q in quoted)
        else [p for p in group if p.kind == "indirect"]
    )
    members = sorted(quoted + rest, key=lambda p: p.start)
    kinds = {p.kind for p in members}
    kind: QuoteKind = (
        "direct" if kinds == {"direct"} else "indirect" if kinds == {"indirect"} else "partial"
    )
    if kind == "partial" and rest:
        # The quoted words sit inside the reported clause: the clause is the content.
        members = sorted(rest + [q for q in quoted if q.kind == "direct"], key=lambda p: p.start)
    speaker = next((p.speaker for p in members if p.speaker and p.speaker.actor), None) or next(
        (p.speaker for p in members if p.speaker), None
    )
    first = members[0]
    start, end = min(p.start for p in members), max(p.end for p in members)
    if kind == "partial":
        # Keep the quote marks of a quoted word that opens or closes the reported clause.
        start -= any(q.start == start for q in quoted)
        end += any(q.end == end for q in quoted)
    return Piece(
        kind=kind,
        start=start,
        end=end,
        sent=first.sent,
        cue=first.cue,
        speaker=speaker,
        open_end=members[-1].open_end,
        parts=sorted(part for p in members for part in p.parts),
        rule=first.rule,
    )


def continue_quotes(pieces: list[Piece], text: str) -> list[Piece]:
    """A quote without a cue of its own carries on the quote just before it from the same speaker."""
    out: list[Piece] = []
    for piece in pieces:
        prev = _previous_quote(out, piece, text) if _uncued_quote(piece) else None
        if prev is not None and "\n" in text[prev.end : piece.start]:
            # A new paragraph of the same speech is a quote of its own, by the same speaker.
            out.append(_continuation(prev, piece))
            continue
        if prev is not None:
            prev.end = piece.end
            prev.open_end = piece.open_end
            prev.parts.extend(piece.parts)
            continue
        out.append(piece)
    # '"A." "B," she said.': an uncued quote just before a cued one in the same paragraph.
    result: list[Piece] = []
    for piece in reversed(out):
        nxt = result[-1] if result else None
        if (
            nxt is not None
            and _uncued_quote(piece)
            and nxt.kind == "direct"
            and nxt.cue is not None
            and piece.end <= nxt.start
            and (piece.open_end or "\n" not in text[piece.end : nxt.start])
        ):
            nxt.start = piece.start
            nxt.parts[:0] = piece.parts
            nxt.sent = piece.sent
            continue
        result.append(piece)
    result.reverse()
    return result


def _continuation(prev: Piece, piece: Piece) -> Piece:
    """The paragraph `piece` carrying on the speech of `prev`: its cue and speaker. Sure when
    `prev` was left open at its paragraph's end (the convention for a speech that runs on);
    a reading (`carried`) when `prev` was closed and the new paragraph just opens a quote."""
    piece.cue = prev.cue
    piece.speaker = prev.speaker
    piece.carried = prev.carried or not prev.open_end
    piece.rule = "quote/continued"
    return piece


def _uncued_quote(piece: Piece) -> bool:
    return piece.kind == "direct" and piece.cue is None


def _previous_quote(out: list[Piece], piece: Piece, text: str) -> Piece | None:
    """The quote that `piece` carries on: the last quote of its paragraph, past its own reporting clause."""
    for k in range(len(out) - 1, -1, -1):
        prev = out[k]
        if prev.end > piece.start:
            return None
        if prev.kind in ("direct", "partial") and prev.cue is not None or prev.kind == "direct":
            gap = text[prev.end : piece.start]
            if prev.open_end or "\n" not in gap:
                return prev
            if prev.kind == "direct" and _next_paragraph_opens_with_quote(gap):
                return prev
            return None
        # '"A," McCain said, asked about it. "B."': a clause of the same sentence does not interrupt.
        if prev.sent.start_char >= _sentence_end(out, k):
            return None
    return None


PARAGRAPH_GAP_WORDS = 12
"""The most words between a quote and the next paragraph's quote that carries it on."""


def _next_paragraph_opens_with_quote(gap: str) -> bool:
    """'"A," she said.\n\n"B."': the next paragraph opens with the quote, the words between are
    no more than the first quote's reporting clause."""
    head, _, tail = gap.partition("\n")
    if tail.strip(" \t\r\n\"'\u201c\u2018\u00ab\u201e"):
        return False
    return len(head.split()) <= PARAGRAPH_GAP_WORDS


def _sentence_end(out: list[Piece], k: int) -> int:
    """End of the sentence of the last quote before index `k`."""
    for j in range(k - 1, -1, -1):
        if out[j].kind in ("direct", "partial"):
            return max(out[j].sent.end_char, out[j].end)
    return 0


def outermost(pieces: list[Piece]) -> list[Piece]:
    """Leave out attributions whose cue lies inside another attribution's content."""
    starts = [p.start for p in pieces]  # pieces are sorted by start
    max_len = max((p.end - p.start for p in pieces), default=0)
    kept = []
    for i, piece in enumerate(pieces):
        if piece.cue is None:
            kept.append(piece)
            continue
        at = piece.cue.start
        j = bisect.bisect_right(starts, at) - 1
        nested = False
        # Only pieces starting within the longest content before the cue can contain it.
        while j >= 0 and starts[j] >= at - max_len:
            other = pieces[j]
            if (
                j != i
                and _covers(other, at)
                and not _within(other, piece)
                and not (_according(other) and piece.kind != "indirect")
            ):
                nested = True
                break
            j -= 1
        if not nested:
            kept.append(piece)
    return _drop_contained(kept)


def _drop_contained(pieces: list[Piece]) -> list[Piece]:
    """Leave out attributions whose whole content lies inside a longer one's content.

    Such a piece repeats part of what the outer attribution already reports (a quoted phrase
    found again with a cue of its own); sorted by start, the earlier piece reaching furthest
    is the one that can contain it.
    """
    kept: list[Piece] = []
    reach: Piece | None = None
    for piece in pieces:
        if (
            reach is not None
            and reach.end >= piece.end
            and reach.end - reach.start > piece.end - piece.start
            and _covers(reach, piece.start)
            and _covers(reach, piece.end - 1)
        ):
            if not (_according(reach) and piece.speaker is not None and _voiced(piece)):
                continue
            # '"...," the minister will say, according to excerpts': the quote keeps its
            # speaker, the excerpts that carried it become its relay.
            kept.remove(reach)
        kept.append(piece)
        if reach is None or piece.end > reach.end or reach not in kept:
            reach = piece
    return kept


def _covers(piece: Piece, at: int) -> bool:
    """Whether offset `at` lies in the content: for a direct quote, inside one of its quoted parts.

    The reporting clause between the parts ('"A," she said, adding that B. "C."') is the writer's,
    so a cue there starts an attribution of its own.
    """
    if not piece.start <= at < piece.end:
        return False
    if piece.kind != "direct" or len(piece.parts) < 2:
        return True
    return any(a <= at < b for a, b in piece.parts)


def _voiced(piece: Piece) -> bool:
    """Whether the piece is words someone said: a direct quote, or a partial one with a verb of
    saying ('called the talks a "disaster"'), not a view the 'according to' source reports
    ('voters, according to the survey, want "free college"')."""
    if piece.kind == "direct":
        return True
    if piece.kind != "partial" or piece.cue is None:
        return False
    cue = piece.sent.doc.char_span(piece.cue.start, piece.cue.end, alignment_mode="expand")
    return cue is not None and not any(cue_lemma(tok) in THOUGHT_VERBS for tok in cue)


def _according(piece: Piece) -> bool:
    return piece.cue is not None and piece.cue.text.lower() == "according to"


def _within(outer: Piece, inner: Piece) -> bool:
    """Whether `outer` is itself inside `inner` (then `inner` is the outer attribution)."""
    return inner.start <= outer.start and outer.end <= inner.end and outer is not inner
