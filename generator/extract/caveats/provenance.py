"""Where the words come from: missing metadata and statements relayed by another outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span, Token

from generator.extract.caveats.article import article_level
from generator.extract.caveats.lexicons import (
    ANGLOPHONE_PLACES,
    FOREIGN_NEWS_WORDS,
    NEWS_NOUNS,
    RELAY_VERBS,
)
from generator.extract.common import doc_text, stripped_bounds
from generator.model import CONFIDENT, Actor, Article, Caveat, Quote, Severity
from generator.model import Span as TextSpan

GENERIC_OUTLET_WORDS = frozenset(
    "news daily times post media magazine press online group network world international".split()
)
"""Words of outlet names that do not tell one outlet from another."""
PASSAGE_TOKENS = 40
"""Relayed sentences at most this many tokens apart make one passage, covered as a whole."""
SEEN_VERBS = frozenset("see review obtain".split())
"""'documents seen by Reuters', 'a transcript reviewed by X': the outlet read the source."""


def missing_metadata(article: Article) -> list[Caveat]:
    """One article-level caveat naming the missing date, author, outlet or URL.

    A web page (it has a URL) that credits a desk or nobody ("Our Political Staff", "News
    Desk": `author` set, `authors` empty) lacks a personal byline: said at info level.
    """
    web = bool(article.url)
    missing = [
        name
        for name, value in (
            ("date", article.date),
            ("author", article.author if not web else article.authors),
            ("outlet", article.source),
            ("URL", article.url),
        )
        if not value
    ]
    if article.date_source == "inferred":
        missing = [m for m in missing if m != "date"]
    if not missing:
        return []
    severity: Severity = "warning" if "date" in missing or "outlet" in missing else "info"
    what = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
    if web and missing == ["author"]:
        credit = f" (it is credited to {article.author})" if article.author else ""
        why = f"The page names no reporter{credit}, so no one signs for the reporting."
    else:
        extra = (
            " Relative dates could not be resolved to calendar dates." if "date" in missing else ""
        )
        why = f"The article gives no {what}, so its provenance cannot be checked.{extra}"
    return [
        article_level(
            "missing-metadata",
            None,
            severity,
            why,
            CONFIDENT if "date" in missing or not web else 0.7,
        )
    ]


def republished(article: Article) -> list[Caveat]:
    """An article-level caveat when the page republishes another outlet's story: its `source`
    (the first publisher or the wire, from the page's markup) is not the site it is on."""
    if not article.source or not article.url:
        return []
    try:
        host = urlsplit(article.url if "//" in article.url else "//" + article.url).hostname or ""
    except ValueError:  # not a URL at all ('http://[1]/' from hostile front matter)
        return []
    host = re.sub(r"[^a-z0-9]", "", host.lower())
    camel = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", article.source)  # 'CNNMoney' -> 'CNN Money'
    camel = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", camel)
    words = [w for w in re.findall(r"[a-z0-9]+", camel.lower()) if w not in ("the", "of")]
    if not host or not words:
        return []
    initials = "".join(w[0] for w in words)
    if (
        "".join(words) in host
        or (len(initials) >= 2 and initials in host)
        or any(len(w) >= 3 and w not in GENERIC_OUTLET_WORDS and w in host for w in words)
    ):
        return []
    return [
        article_level(
            "relayed",
            article.source,
            "info",
            f"The story was first published by {article.source} and is republished here: its "
            "reporting was not done by the site that carries it.",
            0.7,
        )
    ]


@dataclass(frozen=True)
class Relay:
    """One sentence that passes on another outlet's reporting."""

    outlet: str
    """The outlet's name as written."""
    sentence: Span
    """The sentence."""
    cue: Span | None
    """The outlet's words in the sentence, if found."""
    foreign: bool
    """The outlet seems to publish in another language."""


def relayed_statements(
    doc: Doc,
    quotes: list[Quote],
    actors: list[Actor],
    own: str | None = None,
    url: str | None = None,
) -> list[Caveat]:
    """Quotes and sentences known only through another outlet ('reported by X', 'X quoted him',
    'documents seen by X', 'told X'): one caveat per outlet, on its first sentence, with every
    sentence that rests on it as evidence. `own` (the article's outlet) and an outlet its `url`
    names ('.../story--abc-news-topstories.html') are the article's own, never a relay."""
    names = {a.id: a for a in actors}
    text = doc_text(doc)
    relays: list[Relay] = []
    for sent in doc.sents:
        outlet_span = _relay_in(sent)
        if outlet_span is not None:
            relays.append(Relay(outlet_span.text, sent, outlet_span, _foreign_outlet(outlet_span)))
    known = {_key(r.outlet) for r in relays}
    for quote in quotes:
        if not quote.via:
            continue
        actor = names.get(quote.via)
        outlet = actor.name if actor else quote.via
        mention = _mention_near(doc, actor, quote.start) if actor else None
        if mention is not None and mention.root.pos_ == "PRON":
            continue  # 'It reported': whose report a pronoun stands for is not sure enough
        if mention is not None and not (
            _key(outlet) in known or _key(mention.text) in known or _passes_words_on(mention)
        ):
            continue  # 'a survey carried out by X': X is not passing on anyone's words
        first = doc[_token_at(doc, quote.start)].sent
        sent = mention.sent if mention is not None else first
        relays.append(
            Relay(outlet, sent, mention, mention is not None and _foreign_outlet(mention))
        )
        known.add(_key(outlet))
    for sent in doc.sents:
        for told in _told(sent):
            if _key(told.text) in known or _is_outlet(told.root):
                relays.append(Relay(told.text, sent, told, _foreign_outlet(told)))
    own_key = _key(own or "")
    address = re.sub(r"[^a-z0-9]", "", (url or "").lower())
    groups: dict[str, list[Relay]] = {}
    for relay in sorted(relays, key=lambda r: (r.sentence.start, r.outlet)):
        key = _key(relay.outlet)
        if not key or (own_key and (key in own_key or own_key in key)):
            continue
        if address and key.replace(" ", "") in address:
            continue
        groups.setdefault(key, []).append(relay)
    caveats = []
    for items in groups.values():
        sentences = sorted(
            {r.sentence.start: r.sentence for r in items}.values(), key=lambda s: s.start
        )
        lead = items[0]
        start, end = stripped_bounds(lead.sentence)
        previous = lead.sentence
        for later in sentences:
            if later.start > previous.start and later.start - previous.end <= PASSAGE_TOKENS:
                end = stripped_bounds(later)[1]  # one passage rests on the outlet: cover it
                previous = later
        cue = lead.cue
        caveats.append(
            _relay_caveat(
                text,
                text[start:end],
                start,
                end,
                lead.outlet,
                any(r.foreign for r in items),
                cue.start_char if cue is not None else None,
                cue.end_char if cue is not None else None,
                [TextSpan(text[a:b], a, b) for a, b in (stripped_bounds(s) for s in sentences)],
            )
        )
    return caveats


def _passes_words_on(mention: Span) -> bool:
    """The outlet mention is a news organisation by name, or the outlet of a relay in its
    sentence ('reported by X', 'told X')."""
    if _is_outlet(mention.root):
        return True
    found = [_relay_in(mention.sent), *_told(mention.sent)]
    return any(f is not None and f.start < mention.end and mention.start < f.end for f in found)


def _key(name: str) -> str:
    """The outlet's name without the words that describe it ('CNN affiliate KQRV' -> 'cnn
    kqrv', 'channel RTQ Meteo' -> 'rtq meteo'): capitalised words when there are any."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    named = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return " ".join(w.lower() for w in (named or words) if w.lower() not in ("the", "s"))


def _told(sent: Span) -> list[Span]:
    """The organisation told something: 'a source told Reuters', 'in an interview with X'."""
    out = []
    for tok in sent:
        if tok.lemma_ == "tell" and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("dative", "dobj") and child.ent_type_ == "ORG":
                    out.append(_phrase(child))
        if tok.lower_ == "interview" and tok.pos_ == "NOUN":
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                            out.append(_phrase(obj))
    return out


def _relay_caveat(
    article_text: str,
    text: str,
    start: int,
    end: int,
    outlet: str,
    foreign: bool,
    cue_start: int | None,
    cue_end: int | None,
    evidence: list[TextSpan],
) -> Caveat:
    n = len(evidence)
    more = f" {n} sentences rest on it." if n > 1 else ""
    owner = f"{outlet}'" if outlet.endswith("s") else f"{outlet}'s"
    why = f"This is known only through {owner} reporting; the original words and context were not checked here.{more}"
    if foreign:
        why = (
            f"This is known only through {outlet}, which appears to publish in another "
            f"language: the words may be a translation, and the original was not checked here.{more}"
        )
    return Caveat(
        kind="relayed",
        text=text,
        start=start,
        end=end,
        cue=article_text[cue_start:cue_end] if cue_start is not None else outlet,
        severity="high" if foreign or n >= 3 else "warning",
        explanation=why,
        cue_start=cue_start,
        cue_end=cue_end,
        confidence=CONFIDENT,
        evidence=evidence,
    )


def _token_at(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _mention_near(doc: Doc, actor: Actor, offset: int) -> Span | None:
    """The actor's mention in the sentence of `offset`, else its nearest one before it."""
    sent = doc[_token_at(doc, offset)].sent
    best = None
    for m in actor.mentions:
        if sent.start_char <= m.start < sent.end_char:
            return doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.start <= offset:
            best = m
    return doc.char_span(best.start, best.end, alignment_mode="expand") if best else None


def _relay_in(sent: Span) -> Span | None:
    """The outlet of 'reported by X', 'X reported / quoted', 'according to (a report in) X',
    'documents seen by X'."""
    for tok in sent:
        if tok.lemma_ in RELAY_VERBS | SEEN_VERBS and tok.pos_ == "VERB":
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
            if any(c.dep_ == "prt" for c in tok.children) or nxt.lower_ == "out":
                continue  # 'carried out by', 'aired out': another verb
            for child in tok.children:
                if child.dep_ == "agent":
                    outlet = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if outlet is not None and (_is_outlet(outlet) or outlet.ent_type_ == "ORG"):
                        return _phrase(outlet)
                if child.dep_ == "nsubj" and tok.lemma_ in RELAY_VERBS:
                    if _is_outlet(child) or (
                        child.ent_type_ == "ORG" and tok.lemma_ == "report" and _passes_on(tok)
                    ):
                        return _phrase(child)
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            in_report = False
            while obj is not None and obj.lower_ in NEWS_NOUNS | {"report", "reports"}:
                inner = [
                    g
                    for c in obj.children
                    if c.dep_ == "prep" and c.lower_ in ("in", "by", "from", "on")
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if not inner:
                    break
                obj = inner[0]
                in_report = True
            if obj is not None and (
                _is_outlet(obj) or (in_report and (obj.pos_ == "PROPN" or obj.ent_type_ == "ORG"))
            ):
                return _phrase(obj)  # 'a report in X': X is an outlet
    return None


def _passes_on(verb: Token) -> bool:
    """'as X reported', '..., X reported', 'X reported that ...': a report of what others said
    or did, not 'X reported a loss'."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp"} or any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True
    return verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i


def _is_outlet(tok: Token) -> bool:
    """A news organisation: a name with a news word ('Times', 'Novosti') or 'agency', 'newspaper'."""
    phrase = _phrase(tok)
    words = {t.lower_ for t in phrase}
    if not any(t.pos_ == "PROPN" or t.ent_type_ == "ORG" for t in phrase):
        return False  # 'local news reports', 'media outlets': no outlet is named
    if words & (NEWS_NOUNS | FOREIGN_NEWS_WORDS):
        return True
    return tok.ent_type_ == "ORG" and any(
        c.lower_ in NEWS_NOUNS for c in tok.children if c.dep_ in ("appos", "compound")
    )


def _phrase(tok: Token) -> Span:
    """The name of `tok`: the token with its compounds and proper-noun modifiers."""
    doc = tok.doc
    left = tok.i
    while left > 0 and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head.i >= tok.i:
        left -= 1
    if doc[left].ent_type_ and tok.ent_type_:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return doc[min(left, ent.start) : max(tok.i + 1, ent.end)]
    return doc[left : tok.i + 1]


def _foreign_outlet(mention: Span) -> bool:
    """General signs that an outlet publishes in another language than English.

    Its name contains a foreign-language word for news ('Novosti', 'Zeitung', 'Presse'), or
    it is introduced with a nationality or country that is not English-speaking
    ('Russian news agency X', 'China's Xinhua').
    """
    if {t.lower_ for t in mention} & FOREIGN_NEWS_WORDS:
        return True
    doc = mention.doc
    window = doc[max(mention.sent.start, mention.start - 5) : mention.end]
    for tok in window:
        if tok.ent_type_ in ("NORP", "GPE") and tok.lower_.rstrip("'s") not in ANGLOPHONE_PLACES:
            nxt = {t.lower_ for t in doc[tok.i + 1 : min(tok.i + 5, len(doc))]}
            if nxt & NEWS_NOUNS or tok.i >= mention.start:
                return True
    return False
