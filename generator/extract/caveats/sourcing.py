"""Claims that rest on sources the reader cannot check: unnamed people, unnamed reports, rumours.

Journalism style guides (the AP's rules on anonymous sources, Reuters' Handbook) ask for a
source to be named, or for the reason it is not; an editor raises every claim that rests on
"officials said", "a source said", "according to media reports" or "is rumored to". The checks
here read the grammar of the attribution, not lists of phrases: the speaker is the subject of
a verb of saying (or the object of "according to") and is a common noun for a source that no
name, no appositive and no earlier mention ("the official") identifies.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.extract.caveats.article import article_level
from generator.extract.caveats.lexicons import DOXASTIC_VERBS
from generator.extract.common import SPEECH_VERBS, doc_text, stripped_bounds
from generator.model import CONFIDENT, UNCERTAIN, Article, Caveat, Quote, Severity
from generator.model import Span as TextSpan

OFFICIAL_SOURCES = frozenset(
    """source official insider aide person people diplomat adviser advisor investigator
    officer agent""".split()
)
"""Nouns for a person who knows from inside: unnamed, the claim cannot be checked with them."""
EXPERT_SOURCES = frozenset(
    """analyst expert economist researcher scientist observer critic commentator scholar
    historian academic specialist""".split()
)
"""Nouns for people who judge from outside: unnamed, their view is the reporter's choice."""
REPORT_NOUNS = frozenset("report account".split())
"""Nouns for reports whose publisher is not named: 'according to media reports'."""
SOURCE_VERBS = SPEECH_VERBS | DOXASTIC_VERBS | frozenset("link advise provide see".split())
"""Verbs whose subject is the source of what follows."""
RUMOUR_PASSIVES = frozenset("rumor rumour say understand".split())
"""Passives that pass a claim on without its source: 'is rumored to', 'is said to'."""
DEFINITE = frozenset("the this that these those".split())
GROUPS = ("official", "report", "rumour", "expert")
EARLY_SENTENCES = 3
DELAYED_NAMING = 2
"""'A NASA scientist says ...' and the name in the next sentences ('NASA chief scientist Ellen
Castell said'): the delayed identification of news style, not an anonymous source."""
"""A claim in the first sentences of an article is its central claim."""


@dataclass(frozen=True)
class Found:
    """One sentence resting on an unnamed source."""

    group: str
    """What kind of source: 'official', 'expert', 'report', 'rumour'."""
    sentence: int
    """Index of the sentence."""
    cue: Span
    """The words naming the source."""


def unnamed_sources(doc: Doc, quoted: list[tuple[int, int]], opinion: bool = False) -> list[Caveat]:
    """One caveat per kind of unnamed source, on its first sentence, with every sentence as evidence."""
    sentences = list(doc.sents)
    found: list[Found] = []
    for i, sent in enumerate(sentences):
        seen: set[str] = set()
        for group, cue in _sources_in(sent):
            if group in seen or _inside(quoted, cue.start_char, cue.end_char):
                continue
            if _named_next(cue.root, sentences[i + 1 : i + 1 + DELAYED_NAMING]):
                continue
            seen.add(group)
            found.append(Found(group, i, cue))
    text = doc_text(doc)
    caveats = []
    # in an opinion piece, 'experts say' is the writer's argument, which the genre already flags
    for group in ("official", "report", "rumour") if opinion else GROUPS:
        items = [f for f in found if f.group == group]
        if not items:
            continue
        caveats.append(_caveat(text, sentences, group, items))
    return caveats


MAX_STATEMENTS = 1
"""A news story that reports at most this many statements of anyone names no source for its
news: the AP's rule is to attribute whatever is not common knowledge or the reporter's own
observation."""
LEAD_SENTENCES = 2
MIN_STORY_SENTENCES = 5
"""A text shorter than this is a snippet or a brief, not a story to hold to sourcing."""


def unsourced(doc: Doc, article: Article, quotes: list[Quote]) -> list[Caveat]:
    """An article-level caveat for a news story that attributes (almost) nothing: its lead
    rests on the reporter's word alone. Opinion, reviews and other labelled genres argue or
    judge in their own voice; they are not held to it."""
    if article.genre != "news" or len(quotes) > MAX_STATEMENTS:
        return []
    sentences = [s for s in doc.sents if s.text.strip()]
    if len(sentences) < MIN_STORY_SENTENCES:
        return []
    sentences = sentences[:LEAD_SENTENCES]
    text = doc_text(doc)
    evidence = [TextSpan(text[a:b], a, b) for a, b in (stripped_bounds(s) for s in sentences)]
    said = "one statement" if quotes else "no statement"
    return [
        article_level(
            "sourcing",
            None,
            "warning",
            f"The story reports {said} of anyone: its news rests on the reporter's word, with "
            "no source named for it.",
            0.6,
            evidence,
        )
    ]


def _caveat(text: str, sentences: list[Span], group: str, items: list[Found]) -> Caveat:
    first = items[0]
    start, end = stripped_bounds(sentences[first.sentence])
    evidence = [
        TextSpan(text[s:e], s, e)
        for s, e in (stripped_bounds(sentences[f.sentence]) for f in items)
    ]
    early = first.sentence < EARLY_SENTENCES
    many = len(items) >= 3
    severity: Severity = "warning"
    confidence = UNCERTAIN
    if group in ("official", "report", "rumour"):
        confidence = CONFIDENT if early or many else 0.7
        severity = "high" if early or many else "warning"
        if group == "official" and _organisation_named(first.cue):
            # 'Lakeside Power officials said': the organisation is named and can be asked
            confidence, severity = 0.6, "warning"
    elif group == "expert":
        confidence = 0.6
        severity = "warning" if early or many else "info"
    cue = first.cue.text
    n = len(items)
    rest = f" {n} sentences rest on such sources." if n > 1 else ""
    plural = first.cue.root.tag_ in ("NNS", "NNPS") or first.cue.root.lower_ == "people"
    are, them, they = ("are", "them", "they") if plural else ("is", "them", "the source")
    why = {
        "official": f"'{cue}' {are} not named: the claim cannot be checked with {them}, and the "
        f"article does not say why {they} {are} anonymous.{rest}",
        "report": f"'{cue}' does not say whose reports: the claim cannot be traced to a named "
        f"publisher.{rest}",
        "rumour": f"'{cue}' passes on a claim without saying who makes it.{rest}",
        "expert": f"'{cue}' {are} not named: the view cannot be traced to anyone.{rest}",
    }[group]
    return Caveat(
        kind="sourcing",
        text=text[start:end],
        start=start,
        end=end,
        cue=cue,
        severity=severity,
        explanation=why,
        cue_start=first.cue.start_char,
        cue_end=first.cue.end_char,
        confidence=confidence,
        evidence=evidence,
    )


def _organisation_named(cue: Span) -> bool:
    """The source's organisation is named in the cue as a company or agency ('Lakeside Power
    officials', 'Environmental Protection officials')."""
    return any(t.ent_type_ in ("ORG", "FAC") and t.i != cue.root.i for t in cue)


def _sources_in(sent: Span) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in OFFICIAL_SOURCES | EXPERT_SOURCES:
            if _speaks(tok) and _unnamed(tok):
                if tok.lemma_.lower() in ("person", "people") and not _familiar(tok):
                    continue
                group = "official" if tok.lemma_.lower() in OFFICIAL_SOURCES else "expert"
                out.append((group, _noun_phrase(tok)))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in REPORT_NOUNS and tok.tag_ == "NNS":
            if _speaks(tok) and _unnamed(tok) and not _published_by(tok):
                out.append(("report", _noun_phrase(tok)))
        elif tok.tag_ == "VBN" and tok.lemma_.lower() in RUMOUR_PASSIVES:
            rumour = _agentless_passive_claim(tok)
            if rumour is not None:
                out.append(("rumour", rumour))
        elif tok.lower_ == "reportedly" and tok.dep_ == "advmod":
            out.append(("rumour", sent.doc[tok.i : tok.i + 1]))
    return out


def _speaks(noun: Token) -> bool:
    """The noun is the one who says: subject of a verb of saying or believing, the object of
    'according to', or of 'told by'."""
    head = noun.head
    if noun.dep_ in ("nsubj",) and head.lemma_.lower() in SOURCE_VERBS and head.pos_ == "VERB":
        return True
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.i > 0:
        return noun.doc[head.i - 1].lower_ == "according"
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        return head.head.lemma_.lower() in SOURCE_VERBS
    return False


def _unnamed(noun: Token) -> bool:
    """No name, appositive or earlier mention identifies the source ('the official', 'Smith, an
    analyst', 'officials at the Fed said' name or point back; 'officials said' does not)."""
    if noun.ent_type_ == "PERSON":
        return False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in DEFINITE:
            return False  # 'the source': one already introduced
        if child.dep_ == "appos":
            return False  # 'an analyst, Jane Roe,'
        # a name before the noun or after 'to', 'at' says whose ('Obama administration
        # officials', 'aides to the mayor'): an affiliation, not the source's name
    # 'Jane Roe and other analysts': named alongside
    return not (noun.dep_ == "conj" and noun.head.ent_type_ == "PERSON")


def _named_next(noun: Token, following: list[Span]) -> bool:
    """An indefinite source ('a scientist') named in the next sentences by the same noun next
    to a person's name ('chief scientist Mira Castell', 'Roe, the scientist')."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    for sent in following:
        for tok in sent:
            if tok.lemma_.lower() != lemma:
                continue
            near = [tok.head, *tok.children, *tok.head.children]
            if any(t.ent_type_ == "PERSON" for t in near):
                return True
    return False


def _familiar(noun: Token) -> bool:
    """'a person familiar with', 'people close to', 'people briefed on'."""
    return any(
        t.lower_ in ("familiar", "close", "briefed", "knowledgeable", "involved")
        for t in noun.subtree
        if t.i > noun.i
    )


def _published_by(noun: Token) -> bool:
    """'reports in the Times', 'reports cited by MyTownWire', "Reuters' reports": the publisher is named."""
    for t in noun.subtree:
        if t.i != noun.i and (t.ent_type_ in ("ORG", "PERSON") or t.pos_ == "PROPN"):
            return True
    return False


def _agentless_passive_claim(verb: Token) -> Span | None:
    """'X is rumored to be planning', 'is said to have', 'it is understood that': the span."""
    deps = {c.dep_ for c in verb.children}
    if "auxpass" not in deps or "agent" in deps:
        return None
    if not deps & {"xcomp", "ccomp"}:
        return None
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    first = min([verb, *aux], key=lambda t: t.i)
    return verb.doc[first.i : verb.i + 1]


def _inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def _noun_phrase(noun: Token) -> Span:
    """The noun with the words before it that describe it ('senior administration officials')."""
    left = noun.i
    for child in sorted(noun.lefts, key=lambda t: t.i):
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod", "nmod"):
            left = min(left, child.left_edge.i)
            break
    right = noun.i + 1
    if noun.lemma_.lower() in ("person", "people"):
        right = max(right, noun.right_edge.i + 1)  # 'a person familiar with the talks'
    return noun.doc[left:right]
