"""Attributions without a named source: impressions ('the race seems close') and hearsay.

PolNeAR-style annotation counts an impression the writer reports ('appears to', 'seems like')
as an attribution whose source is left open: the content is what seems so, the cue the verb.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.quotes.cues import cue_lemma

RAISING_VERBS = frozenset({"seem", "appear", "sound"})
"""Verbs of impression: 'X seems Y', 'it appears that X', 'X looks like Y'."""
LIKENESS = frozenset({"like", "as"})
"""'looks like a win', 'sounds as if he left': the words after them are the impression."""
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd"})


def impression_content(verb: Token) -> Span | None:
    """What 'seems', 'appears', 'looks' or 'sounds' so: the subject and its complement, or the clause."""
    lemma = cue_lemma(verb)
    if lemma not in RAISING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "advcl") and (subject is None or subject.lower_ == "it"):
            # 'It appears (that) he will lose', 'it seems as if ...': the clause is the impression.
            if lemma in ("look", "sound") and not _after_likeness(child):
                continue
            return doc[child.left_edge.i : child.right_edge.i + 1]
        if subject is None or subject.lower_ in ("it", "this", "that", "there"):
            continue
        complement = None
        if child.dep_ in COMPLEMENT_DEPS:
            if lemma in ("look", "sound"):
                continue  # 'looked tired' describes a face; 'looks to build' is a plan
            complement = child
        elif child.dep_ == "prep" and child.lower_ in LIKENESS and child.i == verb.i + 1:
            complement = child
        elif child.dep_ == "advcl" and _after_likeness(child):
            complement = child
        if complement is not None:
            return doc[subject.left_edge.i : complement.right_edge.i + 1]
    return None


def _after_likeness(clause: Token) -> bool:
    """A clause opened by 'like', 'as if' or 'as though'."""
    first = clause.left_edge
    return first.lower_ in LIKENESS and first.i < clause.i
