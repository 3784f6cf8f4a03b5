"""Attributions in headlines: 'Senator Slams Trade Deal', 'Mayor vows to rebuild harbour'.

Headlines are telegraphic and often in Title Case, so the parser tags their verbs as names.
A headline line is read by word shape instead: the first word that is a cue verb in the third
person ('Slams', 'vows', 'Endorses') splits the line into its source and its content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.common import SPEECH_VERBS, doc_text, token_span, trim_span
from generator.extract.quotes.cues import (
    ACTION_OBJECT_VERBS,
    CLAUSE_VERBS,
    OBJECT_VERBS,
    PREP_CUES,
)
from generator.extract.quotes.pieces import Piece
from generator.extract.quotes.speakers import span_speaker
from generator.model import Actor

HEADLINE_CUES = (
    SPEECH_VERBS | CLAUSE_VERBS | OBJECT_VERBS | ACTION_OBJECT_VERBS | frozenset(PREP_CUES)
)
HEADLINE_WORDS = 25
"""A headline is one short line."""
CONTENT_STOPS = frozenset({";", ":", "\u2013", "\u2014", "|"})
"""Marks that end a headline's first clause ('Mayor Slams Rival; Polls Tighten')."""
SOURCE_STOPS = frozenset({",", ":", ";", "\u2013", "\u2014", "|"})
NOT_SOURCES = frozenset({"report", "reports", "poll", "polls", "watch", "video", "exclusive"})


def headline_pieces(doc: Doc, actor_at: dict[int, Actor], taken: set[int]) -> list[Piece]:
    """Pieces for headline lines whose words the parser left without an attribution.

    `taken`: character offsets of cues already found; a line holding one is left alone.
    """
    text = doc_text(doc)
    found = []
    line_start = 0
    first = True
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = doc.char_span(line_start, line_end, alignment_mode="contract")
        if line is not None and _is_headline(line, first):
            if not any(line_start <= at < line_end for at in taken):
                piece = _headline_piece(line, actor_at)
                if piece is not None:
                    found.append(piece)
        if line is not None and any(t.is_alpha for t in line):
            first = False
        line_start = line_end + 1
    return found


def _is_headline(line: Span, first: bool) -> bool:
    """The text's first line, or a short line with most words capitalised and one sentence."""
    words = [t for t in line if t.is_alpha]
    if len(words) < 3 or len(line) > HEADLINE_WORDS:
        return False
    if first:
        return True
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return capitalised >= 0.7 * len(words)


def _headline_piece(line: Span, actor_at: dict[int, Actor]) -> Piece | None:
    doc = line.doc
    for tok in line[1:]:
        if tok.i - line.start > 10:
            return None
        if tok.text in SOURCE_STOPS:
            continue
        if not tok.is_alpha or _lemma(tok) is None or _plural_noun(tok):
            continue
        source = _source_before(line, tok)
        if source is None:
            continue
        end = tok.i + 1
        while end < line.end and doc[end].text not in CONTENT_STOPS:
            end += 1
        if end - tok.i < 2:
            return None
        start, stop = trim_span(doc, doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
        start, stop = trim_span(doc, start, stop, " .,;:!?")
        if start >= stop:
            return None
        speaker = span_speaker(source[-1], actor_at)
        return Piece(
            kind="indirect",
            start=start,
            end=stop,
            sent=tok.sent,
            cue=token_span(tok),
            speaker=speaker,
            open_end=False,
            parts=[(start, stop)],
            rule="headline",
        )
    return None


def _source_before(line: Span, verb: Token) -> Span | None:
    """The words before the verb back to the line start or a comma: a capitalised name or noun."""
    doc = line.doc
    left = verb.i
    while left > line.start and doc[left - 1].text not in SOURCE_STOPS:
        left -= 1
    words = [t for t in doc[left : verb.i] if t.is_alpha]
    if not words or len(words) > 6:
        return None
    if any(t.lower_ in NOT_SOURCES or t.pos_ in ("ADP", "SCONJ", "VERB", "AUX") for t in words):
        return None
    if words[-1].pos_ == "ADJ":
        return None  # 'Criminal charges ...': an adjective before a plural noun
    if not words[-1].text[0].isupper() and words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[words[0].i : words[-1].i + 1]


AUXILIARIES = frozenset(
    "is are was were be been am will would may might can could should must has have had do does".split()
)
DETERMINERS = frozenset("all both the a an some many most his her their its our my your".split())


def _plural_noun(tok: Token) -> bool:
    """'Clinton's emails might be released', 'All Bets Are Off': a plural noun, not a verb."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in AUXILIARIES or nxt.pos_ in ("AUX", "VERB")):
        return True
    return doc[tok.i - 1].lower_ in DETERMINERS


def _lemma(tok: Token) -> str | None:
    """The cue lemma of a third-person headline verb ('Slams' → 'slam', 'Vows' → 'vow')."""
    word = tok.lower_
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return None
    stems = [word[:-1]]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    return next((s for s in stems if s in HEADLINE_CUES), None)
