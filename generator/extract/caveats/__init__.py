"""Caveats: what an editor would raise about an article's reporting (unnamed sources, relayed
reports, one side only, a headline the body does not support, inconsistencies, an unlabelled
genre, missing metadata), each with its evidence; and, apart, the uncertainty marks (hedges,
weasel words, plans, loaded wording) of every sentence."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from generator.extract.caveats.balance import one_sided
from generator.extract.caveats.consistency import inconsistencies
from generator.extract.caveats.editorial import (
    argued,
    genre_caveats,
    genre_from_text,
    headline_caveats,
    weaker_in_body,
)
from generator.extract.caveats.provenance import (
    missing_metadata,
    relayed_statements,
    republished,
)
from generator.extract.caveats.sourcing import unnamed_sources, unsourced
from generator.extract.caveats.uncertainty import Cue, uncertainty_cues
from generator.extract.caveats.voice import opinion_cue, unattributed_cue
from generator.extract.common import doc_text, quote_regions, stripped_bounds
from generator.model import (
    SEVERITY_ORDER,
    Actor,
    Article,
    Caveat,
    CaveatKind,
    Figure,
    Quote,
    Severity,
    TimeExpression,
)

BACKTICK_QUOTE = re.compile(r"``(.{1,2000}?)''", re.S)
UNCERTAINTY_SEVERITY: dict[str, Severity] = {
    "vague source": "warning",
    "unnamed source": "warning",
    "agentless attribution": "warning",
    "unsupported attribution": "warning",
}
"""Weasel cues that hide a source weigh more than those that only leave a number open."""

WHY = {
    "modal verb": "'{cue}' presents this as a possibility, not an established fact.",
    "conditional verb": "'{cue}' describes what would happen, not what has happened.",
    "condition": "'{cue}' makes this depend on a condition that may not be met.",
    "open question": "'{cue}' leaves the outcome open.",
    "speculative adverb": "'{cue}' marks a judgement of likelihood, not an established fact.",
    "speculative adjective": "'{cue}' marks a judgement of likelihood, not an established fact.",
    "speculative noun": "'{cue}' names a possibility or a claim, not an established fact.",
    "verb of belief or expectation": "'{cue}' reports a belief or an expectation, not an established fact.",
    "hedging phrase": "'{cue}' signals that this is not settled.",
    "vague source": "'{cue}' does not say who: the claim cannot be traced to a named source.",
    "unnamed source": "'{cue}' are not named, so the claim cannot be checked with them.",
    "vague quantity": "'{cue}' does not say how many.",
    "vague extent": "'{cue}' claims broad agreement or extent without saying whose or how much.",
    "agentless attribution": "'{cue}' hides who holds this view.",
    "unsupported attribution": "'{cue}' claims agreement or evidence without naming anyone who holds it.",
    "unsupported superlative": "'{cue}' ranks it above others without saying by whose judgement.",
    "plan or intention": "'{cue}' describes an intention, not something that has happened yet.",
    "pledge": "'{cue}' is a promise, not something that has happened yet.",
    "target": "'{cue}' names a target, not a result.",
    "loaded word": "'{cue}' is evaluative wording in the reporter's own voice.",
    "puffery": "'{cue}' praises in the reporter's own voice without saying who thinks so.",
    "contentious label": "'{cue}' is a value-laden label used in the reporter's own voice.",
    "expression of doubt": "'{cue}' casts doubt in the reporter's own voice.",
    "editorializing": "'{cue}' tells the reader what to think, in the reporter's own voice.",
    "cause or motive": "'{cue}' states a cause or motive that nobody in the article is said to have given.",
    "cause": "'{cue}' states a cause that nobody in the article is said to have given.",
    "interpretation": "'{cue}' is the reporter's reading of events, not attributed to anyone.",
    "motive": "'{cue}' ascribes a motive that nobody in the article is said to have stated.",
    "characterisation": "'{cue}' sums up a trend in the reporter's words, without a source.",
}
CITED_RELAY = 0.6
"""Confidence of a relayed statement in opinion, analysis or a review (or a text that argues
like a column): the writer names the outlet as the source of an argument, which an editor
raises less surely than a news story taken from another outlet."""
KIND_SEVERITY: dict[CaveatKind, Severity] = {
    "hedged": "info",
    "forward-looking": "info",
    "weasel": "info",
    "opinion": "warning",
    "unattributed": "warning",
}


def extract_caveats(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    quotes: list[Quote],
    figures: list[Figure],
    timexes: list[TimeExpression],
) -> list[Caveat]:
    """What an editor would raise about the article's reporting, the most serious first.

    Hedges and loaded words are not caveats by themselves (see `extract_uncertainty`): only
    where they carry the reporter's own claim do they come back here, as speculation.
    """
    text = doc_text(doc)
    quoted = _quoted(text, quotes)
    argument = argued(doc, quoted)
    # a genre only the text shows: the sentences that show it, for its caveat's evidence
    marks = argued(doc, quoted, loose=True) if genre_from_text(article) and not argument else []
    opinion = article.genre == "opinion" or bool(argument)
    sourcing = unnamed_sources(doc, quoted, opinion=opinion)
    relayed = relayed_statements(doc, quotes, actors, own=article.source, url=article.url)
    if opinion or article.genre in ("analysis", "review"):
        # a writer arguing cites outlets as the sources of the argument: less surely a flaw
        relayed = [dataclasses.replace(c, confidence=CITED_RELAY) for c in relayed]
    caveats: list[Caveat] = [
        *missing_metadata(article),
        *republished(article),
        *relayed,
        *sourcing,
        *unsourced(doc, article, quotes),
        *inconsistencies(doc, article, actors, figures, timexes),
        *headline_caveats(doc, article),
        *weaker_in_body(doc, article),
        *genre_caveats(article, sourcing, argument, marks),
        *one_sided(doc, article, actors, quotes),
    ]
    return rank(caveats)


def rank(caveats: list[Caveat]) -> list[Caveat]:
    """Most serious first, then the surest, then article-level before passages, then by position."""
    return sorted(
        caveats,
        key=lambda c: (
            SEVERITY_ORDER.get(c.severity, len(SEVERITY_ORDER)),
            -c.confidence,
            c.end > c.start,
            c.start,
            c.kind,
            c.cue_start or 0,
        ),
    )


def extract_uncertainty(doc: Doc, quotes: list[Quote]) -> list[Caveat]:
    """Hedges, weasel words, plans, loaded wording and unattributed causes, sentence by
    sentence, in text order: one mark per kind and sentence, in any voice (hedges inside
    quotes count: what is measured is whether the sentence is uncertain)."""
    text = doc_text(doc)
    quoted = _quoted(text, quotes)
    marks: list[Caveat] = []
    for sent in doc.sents:
        start, end = stripped_bounds(sent)
        if start >= end:
            continue
        seen: set[str] = set()
        for cue in uncertainty_cues(sent):
            if cue.kind not in seen:
                seen.add(cue.kind)
                marks.append(_sentence_caveat(text, start, end, cue))
        for found in (opinion_cue(sent, quoted), unattributed_cue(sent, quotes, quoted)):
            if found is not None:
                marks.append(_sentence_caveat(text, start, end, found))
    return sorted(
        marks,
        key=lambda c: (
            c.start,
            SEVERITY_ORDER.get(c.severity, len(SEVERITY_ORDER)),
            c.kind,
            c.cue_start or 0,
        ),
    )


def _quoted(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Passages in quote marks and the content of direct and partial quotes."""
    return (
        [(s, e) for s, e, _ in quote_regions(text)]
        + _backtick_quotes(text)
        + [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    )


def _backtick_quotes(text: str) -> list[tuple[int, int]]:
    """Passages in ``TeX-style'' quote marks, which older newswire uses."""
    return [(m.start(1), m.end(1)) for m in BACKTICK_QUOTE.finditer(text)]


def _sentence_caveat(text: str, start: int, end: int, found: Cue) -> Caveat:
    cue_start, cue_end, reason = found.start, found.end, found.reason
    cue = text[cue_start:cue_end]
    severity = UNCERTAINTY_SEVERITY.get(reason, KIND_SEVERITY[found.kind])
    return Caveat(
        kind=found.kind,
        text=text[start:end],
        start=start,
        end=end,
        cue=cue,
        severity=severity,
        explanation=WHY[reason].format(cue=cue),
        cue_start=cue_start,
        cue_end=cue_end,
    )
