"""One side only: a central accusation against someone who is given no say.

Fairness rules of news style guides (the SPJ Code of Ethics: "diligently seek subjects of news
coverage to allow them to respond to criticism or allegations of wrongdoing"; the AP's and
Reuters' handbooks likewise) ask that the accused be quoted or that the article say it asked
them ("did not respond to a request for comment"). An accusation is central when the headline
or the first sentences make it. "Alleged", "accused" and "charged" are careful wording, never a
caveat by themselves: here they only show that the article accuses someone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.caveats.article import article_level
from generator.extract.common import doc_text, stripped_bounds
from generator.model import Actor, Article, Caveat, Quote
from generator.model import Span as TextSpan

ACCUSING_VERBS = frozenset(
    "accuse allege blame sue criticize criticise condemn fault denounce indict".split()
)
"""Verbs whose object (or passive subject) is the one accused."""
ACCUSATION_NOUNS = frozenset(
    "accusation allegation lawsuit suit complaint charge criticism".split()
)
"""Nouns whose 'against X' is the one accused."""
RESPONSE_SOUGHT = re.compile(
    r"\b(?:did|does|do|has|have|had|would|could)\s*(?:not|n['’]t)\s+(?:immediately\s+)?"
    r"(?:respond|return|reply|answer|comment|be\s+reached)"
    r"|\b(?:declined|refused)\s+to\s+(?:comment|respond|say|answer)"
    r"|\bno\s+(?:immediate\s+)?(?:response|reply|comment)\b"
    r"|\bnot\s+(?:immediately\s+)?available\s+for\s+comment"
    r"|\brequests?\s+for\s+comment",
    re.I,
)
"""Words that say the article asked the other side, whatever the answer."""
CENTRAL_SENTENCES = 3
"""An accusation in the first sentences (or the headline) is the article's central claim."""


def one_sided(doc: Doc, article: Article, actors: list[Actor], quotes: list[Quote]) -> list[Caveat]:
    """An article-level caveat for each named actor accused in the first sentences who neither
    speaks in the article nor is said to have been asked."""
    text = doc_text(doc)
    if RESPONSE_SOUGHT.search(text):
        return []
    speakers = {q.speaker.actor for q in quotes if q.speaker is not None and q.speaker.actor}
    sentences = list(doc.sents)[:CENTRAL_SENTENCES]
    accused: dict[str, list[Span]] = {}
    for sent in sentences:
        for target in _accused_in(sent):
            actor = _actor_at(actors, target)
            if (
                actor is None
                or actor.id in speakers
                or actor.type not in ("person", "organization")
            ):
                continue
            if _inside_quote(quotes, target.idx):
                continue  # somebody else's accusation, quoted: their claim
            accused.setdefault(actor.id, [])
            if sent not in accused[actor.id]:
                accused[actor.id].append(sent)
    names = {a.id: a.name for a in actors}
    caveats = []
    for actor_id, sents in accused.items():
        evidence = [TextSpan(text[s:e], s, e) for s, e in (stripped_bounds(x) for x in sents)]
        caveats.append(
            article_level(
                "one-sided",
                names[actor_id],
                "warning",
                f"An accusation against {names[actor_id]} opens the article, but it gives no "
                f"response from {names[actor_id]} and does not say they were asked.",
                0.6,
                evidence,
            )
        )
    return caveats


def _accused_in(sent: Span) -> list[Token]:
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in ACCUSING_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    out.append(child)
        elif lemma in ACCUSATION_NOUNS and tok.pos_ == "NOUN":
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "against":
                    out.extend(c for c in prep.children if c.dep_ == "pobj")
    return [t for t in out if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]


def _actor_at(actors: list[Actor], tok: Token) -> Actor | None:
    for actor in actors:
        if any(m.start <= tok.idx < m.end for m in actor.mentions):
            return actor
    return None


def _inside_quote(quotes: list[Quote], offset: int) -> bool:
    return any(q.start <= offset < q.end for q in quotes if q.kind != "indirect")
