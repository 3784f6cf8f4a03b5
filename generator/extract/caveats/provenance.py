"""Where the words come from: missing metadata and statements relayed by another outlet."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.caveats.lexicons import (
    ANGLOPHONE_PLACES,
    FOREIGN_NEWS_WORDS,
    NEWS_NOUNS,
    RELAY_VERBS,
)
from generator.extract.common import doc_text, stripped_bounds
from generator.model import Actor, Article, Caveat, Quote, Severity


def missing_metadata(article: Article) -> list[Caveat]:
    """One article-level caveat naming the missing date, author, outlet or URL."""
    missing = [
        name
        for name, value in (
            ("date", article.date),
            ("author", article.author),
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
    extra = " Relative dates could not be resolved to calendar dates." if "date" in missing else ""
    return [
        Caveat(
            kind="missing-metadata",
            text="",
            start=0,
            end=0,
            cue=None,
            severity=severity,
            explanation=f"The article gives no {what}, so its provenance cannot be checked.{extra}",
        )
    ]


def relayed_statements(doc: Doc, quotes: list[Quote], actors: list[Actor]) -> list[Caveat]:
    """Quotes and sentences known only through another outlet ('reported by X', 'X quoted him')."""
    names = {a.id: a for a in actors}
    text = doc_text(doc)
    caveats: list[Caveat] = []
    relayed_sentences: set[int] = set()
    outlets_seen: set[int | None] = set()
    spans_seen: set[tuple[int, int, int | None]] = set()
    for quote in quotes:
        if not quote.via:
            continue
        actor = names.get(quote.via)
        outlet = actor.name if actor else quote.via
        mention = _mention_near(doc, actor, quote.start) if actor else None
        cue_start, cue_end = (mention.start_char, mention.end_char) if mention else (None, None)
        # the caveat covers the quote's sentence and the outlet's, so that it contains its cue
        first = doc[_token_at(doc, quote.start)].sent
        start, end = stripped_bounds(first)
        if mention is not None:
            start = min(start, stripped_bounds(mention.sent)[0])
            end = max(end, stripped_bounds(mention.sent)[1])
        end = max(end, quote.end)
        if mention is not None and mention.sent.start != first.start:
            if cue_start in outlets_seen:
                continue  # a later quote credited to an outlet already flagged before it
        if (start, end, cue_start) in spans_seen:
            continue  # two quotes of one sentence relayed by the same outlet mention
        spans_seen.add((start, end, cue_start))
        outlets_seen.add(cue_start)
        caveats.append(
            _relay_caveat(text, text[start:end], start, end, outlet, mention, cue_start, cue_end)
        )
        relayed_sentences.add(first.start)
    for sent in doc.sents:
        if sent.start in relayed_sentences:
            continue
        outlet_span = _relay_in(sent)
        if outlet_span is None:
            continue
        start, end = stripped_bounds(sent)
        caveats.append(
            _relay_caveat(
                text,
                text[start:end],
                start,
                end,
                outlet_span.text,
                outlet_span,
                outlet_span.start_char,
                outlet_span.end_char,
            )
        )
    return caveats


def _relay_caveat(
    article_text: str,
    text: str,
    start: int,
    end: int,
    outlet: str,
    mention: Span | None,
    cue_start: int | None,
    cue_end: int | None,
) -> Caveat:
    foreign = mention is not None and _foreign_outlet(mention)
    why = f"This statement is known only through {outlet}'s report; the original words and context were not checked here."
    if foreign:
        why = (
            f"This statement is known only through {outlet}, which appears to publish in another "
            "language: the words may be a translation, and the original was not checked here."
        )
    return Caveat(
        kind="relayed",
        text=text,
        start=start,
        end=end,
        cue=article_text[cue_start:cue_end] if cue_start is not None else outlet,
        severity="high" if foreign else "warning",
        explanation=why,
        cue_start=cue_start,
        cue_end=cue_end,
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
    """The outlet of 'reported by X', 'X reported / quoted', 'according to (a report in) X'."""
    for tok in sent:
        if tok.lemma_ in RELAY_VERBS and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ == "agent":
                    outlet = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if outlet is not None and (_is_outlet(outlet) or outlet.ent_type_ == "ORG"):
                        return _phrase(outlet)
                if child.dep_ == "nsubj" and _is_outlet(child):
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


def _is_outlet(tok: Token) -> bool:
    """A news organisation: a name with a news word ('Times', 'Novosti') or 'agency', 'newspaper'."""
    phrase = _phrase(tok)
    words = {t.lower_ for t in phrase}
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
