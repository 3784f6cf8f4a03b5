"""The reporter's own voice: loaded wording, and claims about causes or motives nobody made."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.extract.caveats.lexicons import (
    CAUSAL_PHRASES,
    CAUSAL_WORDS,
    CONTENTIOUS_LABELS,
    DOCUMENT_SOURCES,
    EDITORIALIZING,
    EXPRESSIONS_OF_DOUBT,
    INTERPRETIVE_VERBS,
    LOADED_WORDS,
    MOTIVE_NOUNS,
    OBJECT_PRONOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    PUFFERY,
    SPEAKER_NOUNS,
    TREND_ADVERBS,
)
from generator.extract.caveats.uncertainty import Cue
from generator.extract.common import ATTRIBUTING_VERBS
from generator.model import Quote

NAME_ENTITIES = frozenset(
    "PERSON ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW NORP LANGUAGE".split()
)
SUPERLATIVE_PUFFERY = re.compile(r"\bone\s+of\s+the\s+(?:most|best|greatest|finest|worst)\b", re.I)
CAUSAL_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(CAUSAL_PHRASES, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.I,
)
THING_VERBS = INTERPRETIVE_VERBS | {"suggest", "indicate", "signal"}
"""Verbs whose subject may be a thing ('the refusal shows'): attribution only with a person."""
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "conj", "pcomp", "prep"})
"""Dependencies through which a clause is what a verb of saying reports."""
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj"})


def opinion_cue(sent: Span, quoted: list[tuple[int, int]]) -> Cue | None:
    """The first evaluative word of the sentence said in the reporter's own voice, if any."""
    for tok in sent:
        reason = _evaluative(tok)
        if (
            reason
            and not _inside(quoted, tok.idx, tok.idx + len(tok.text))
            and not _under_attribution(tok, clausal_only=True)
        ):
            return Cue("opinion", tok.idx, tok.idx + len(tok.text), reason)
    m = SUPERLATIVE_PUFFERY.search(sent.text)
    if m:
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        first = sent.doc.char_span(start, end, alignment_mode="expand")
        if not _inside(quoted, start, end) and not (
            first and _under_attribution(first[0], clausal_only=True)
        ):
            return Cue("opinion", start, end, "puffery")
    return None


def _evaluative(tok: Token) -> str | None:
    low = tok.lower_
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTITIES:
        return None  # 'Great Britain', 'Radical Party': part of a name
    if low in LOADED_WORDS and tok.pos_ in ("ADJ", "ADV", "VERB", "NOUN"):
        return "loaded word"
    if low in PUFFERY and tok.pos_ == "ADJ":
        return "puffery"
    if low in CONTENTIOUS_LABELS and tok.pos_ in ("ADJ", "NOUN"):
        return "contentious label"
    if low in EXPRESSIONS_OF_DOUBT and tok.pos_ in ("ADJ", "VERB"):
        return "expression of doubt"
    if low in EDITORIALIZING and tok.pos_ == "ADV":
        return "editorializing"
    return None


def unattributed_cue(sent: Span, quotes: list[Quote], quoted: list[tuple[int, int]]) -> Cue | None:
    """The first claim about causes, motives or meaning that no one in the text is said to make."""
    if any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in sent[:-1]):
        return None
    doc = sent.doc
    candidates: list[tuple[int, int, str]] = []  # (start, end, reason)
    for m in CAUSAL_RE.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is not None and first[0].dep_ == "acl":
            continue  # 'lawsuits stemming from injuries': describes a thing, claims no cause
        if first is not None and first[0].lower_ == "due" and _followed_by_verb(first):
            continue  # 'is due to go before the council': a schedule
        candidates.append((start, end, "cause or motive"))
    for tok in sent:
        low = tok.lower_
        if low in CAUSAL_WORDS and tok.dep_ in ("mark", "advmod", "cc"):
            candidates.append((tok.idx, tok.idx + len(tok.text), "cause"))
        elif (
            tok.lemma_ in INTERPRETIVE_VERBS
            and tok.pos_ == "VERB"
            and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
            and _thing_subject(tok)
        ):
            candidates.append((tok.idx, tok.idx + len(tok.text), "interpretation"))
        elif low in MOTIVE_NOUNS and tok.pos_ == "NOUN":
            candidates.append((tok.idx, tok.idx + len(tok.text), "motive"))
        elif low in TREND_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "ADJ"):
            modified = tok.head
            left, right = (tok, modified) if modified.i > tok.i else (modified, tok)
            candidates.append((left.idx, right.idx + len(right.text), "characterisation"))
    candidates.sort()
    for start, end, reason in candidates:
        if _inside(quoted, start, end) or _inside_quotes(quotes, start, end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and _under_attribution(span.root):
            continue
        return Cue("unattributed", start, end, reason)
    return None


def _followed_by_verb(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].tag_ == "VB"


def _thing_subject(verb: Token) -> bool:
    """Whether the verb's subject is a thing or an abstraction, not a person who says something."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        return verb.dep_ in ("relcl", "advcl", "conj") and verb.head.pos_ == "NOUN"
    return not _names_someone(subj)


def _names_someone(subj: Token) -> bool:
    """Whether a subject is a person, organisation or group ('Almer', 'his successor, Almer')."""
    if (
        subj.lower_ in PERSONAL_PRONOUNS | OBJECT_PRONOUNS
        or subj.lower_ in PEOPLE_NOUNS | DOCUMENT_SOURCES
    ):
        return True
    if subj.lemma_ + "s" in PEOPLE_NOUNS or subj.lemma_ in SPEAKER_NOUNS:
        return True  # 'the government claims', 'a spokesman said'
    if any(
        g.lower_ in DOCUMENT_SOURCES
        for c in subj.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    ):
        return True  # 'an average of recent polls shows'
    near = [subj, *(c for c in subj.children if c.dep_ in ("appos", "compound", "amod"))]
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN" for t in near)


def _under_attribution(tok: Token, clausal_only: bool = False) -> bool:
    """Whether the word stands in what somebody is said to have said or thought.

    With `clausal_only`, only a reported clause counts ('he thought it was a fair price'), not
    a noun phrase the reporter chose to describe what was said ('advocate aggressive sanctions').
    """
    deps = CLAUSE_DEPS if clausal_only else CONTENT_DEPS
    node = tok
    while True:
        if any(
            c.dep_ == "parataxis" and c.lemma_ in ATTRIBUTING_VERBS and c.pos_ == "VERB"
            for c in node.children
        ):
            return True  # 'a provision, Haldane said, that is designed to ...'
        if node.head.i == node.i:
            return False
        head = node.head
        if head.lemma_ in ATTRIBUTING_VERBS and head.pos_ in ("VERB", "AUX"):
            content = node.dep_ in deps or (
                node.dep_ == "advcl" and any(c.dep_ == "ccomp" for c in head.children)
            )  # 'X is safe, officials insist, because ...': the reason is theirs too
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            agent = any(c.dep_ == "agent" for c in head.children)
            if content and (agent or subj is None or subj.lower_ == "it" or _names_someone(subj)):
                return True
            if content and head.lemma_ not in THING_VERBS:
                return True  # only people say, think or conclude: 'the coach thought'
        node = head


def _inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def _inside_quotes(quotes: list[Quote], start: int, end: int) -> bool:
    return any(q.start <= start and end <= q.end for q in quotes)
