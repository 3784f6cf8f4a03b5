"""Quotes: direct, partial and indirect speech, with cue, speaker and relaying outlet."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Quote, Speaker
from ..model import Span as TextSpan
from .common import REPORTING_VERBS, doc_text, quote_regions, token_span, trim_span

RELAY_VERBS = frozenset({"report", "quote", "cite", "carry", "publish", "broadcast"})
STANCE_VERBS = frozenset(
    """believe think know feel hope expect fear doubt suspect assume understand realize realise
    recognize recognise consider find learn guess imagine worry wonder want plan intend aim
    wish decide promise pledge vow threaten refuse offer propose prefer support back
    endorse oppose praise criticize criticise mock slam blast attack blame thank welcome reject
    dismiss condemn defend favor favour urge demand ask show reveal suggest indicate prove
    demonstrate call discuss mention estimate forecast predict project insist hail applaud question
    challenge dispute accept acknowledge""".split()
)
"""Lemmas of verbs whose object a news attribution reports: beliefs, plans, stances, findings."""
CONTENT_PREPS = frozenset({"for", "about", "on", "of", "against", "to"})
SPEAKER_DEPS = ("nsubj", "nsubjpass")


def extract_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """Quotes of the document, speakers resolved to `actors` where possible."""
    actor_at = _actor_index(actors)
    relays = _relays(doc, actor_at)
    quotes: list[Quote] = []
    regions = quote_regions(doc_text(doc))
    covered: list[tuple[int, int]] = []
    for start, end, _mark in regions:
        quote = _direct_or_partial(doc, start, end, actor_at, relays)
        if quote is not None:
            quotes.append(quote)
            covered.append((start - 1, end + 1))
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_ in REPORTING_VERBS:
            content = _indirect_content(verb)
        elif verb.lemma_ in STANCE_VERBS:
            content = _stance_content(verb)
        else:
            continue
        if content is None:
            continue
        start, end = trim_span(doc, content.start_char, content.end_char, " \t\r\n,;:.")
        if start >= end or any(a <= start < b or a < end <= b for a, b in covered):
            continue
        speaker = _speaker_of(verb, actor_at)
        if speaker is None and verb.lemma_ in STANCE_VERBS and verb.lemma_ not in REPORTING_VERBS:
            continue  # a belief or stance needs someone holding it
        quotes.append(
            Quote(
                kind="indirect",
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                cue=token_span(verb),
                speaker=speaker,
                via=_via(doc, verb.sent, speaker, relays),
            )
        )
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            quote = _according_to(doc, tok, actor_at, relays, covered)
            if quote is not None:
                quotes.append(quote)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _actor_index(actors: list[Actor]) -> dict[int, Actor]:
    index: dict[int, Actor] = {}
    for actor in actors:
        for mention in actor.mentions:
            for i in range(mention.start, mention.end):
                index.setdefault(i, actor)
    return index


def _span_speaker(tok: Token, actor_at: dict[int, Actor]) -> Speaker:
    """A speaker from the noun phrase headed by `tok` (compound names and titles included)."""
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and doc[left].dep_ in ("det", "prep", "punct", "cc"):
        left += 1
    right = tok.i + 1
    span = doc[left:right]
    actor = actor_at.get(tok.idx)
    if actor is None:
        # 'Stoltenberg's successor, Rutte, said': the apposition names the speaker.
        appos = next((c for c in tok.children if c.dep_ == "appos"), None)
        actor = actor_at.get(appos.idx) if appos is not None else None
    return Speaker(
        actor=actor.id if actor else None, text=span.text, start=span.start_char, end=span.end_char
    )


def _speaker_of(verb: Token, actor_at: dict[int, Actor], depth: int = 0) -> Speaker | None:
    """The subject of the cue, or of the verb it depends on ('began by saying', 'wants to say')."""
    for child in verb.children:
        if child.dep_ in SPEAKER_DEPS:
            return _span_speaker(child, actor_at)
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return _span_speaker(agent, actor_at)
    if depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp"):
        return _speaker_of(verb.head, actor_at, depth + 1)
    if verb.dep_ == "pobj" or (verb.head.dep_ == "prep" and verb.dep_ == "pcomp"):
        prep = verb.head
        if prep.head.i != prep.i:
            return _speaker_of(prep.head, actor_at, depth + 1)
    return None


def _indirect_content(verb: Token) -> Span | None:
    """The reported clause: a `that`-clause or other complement, or the object of verbs like 'reiterate'."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return doc[child.left_edge.i : child.right_edge.i + 1]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'The economy is strong, he said': the clause before the reporting verb.
        head = verb.head
        return doc[head.left_edge.i : verb.left_edge.i]
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i:
            return doc[child.left_edge.i : child.right_edge.i + 1]
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and child.i > verb.i
            and verb.lemma_ not in ("say", "tell", "ask", "call")
        ):
            if any(t.dep_ in ("acl", "relcl", "ccomp") or t.pos_ == "VERB" for t in child.subtree):
                return doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _stance_content(verb: Token) -> Span | None:
    """What a belief, plan or stance is about: its clause, its object, or 'call for X'."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            return doc[child.left_edge.i : child.right_edge.i + 1]
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i and child.pos_ not in ("PRON",):
            return doc[child.left_edge.i : child.right_edge.i + 1]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS and child.i == verb.i + 1:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def _direct_or_partial(
    doc: Doc, start: int, end: int, actor_at: dict[int, Actor], relays: list[tuple[Span, str]]
) -> Quote | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    start, end = trim_span(doc, start, end, " \t\r\n")
    if start >= end:
        return None
    inner = set(range(span.start, span.end))
    sent = doc[span.start].sent
    outer_sents = {sent.start}
    last_sent = doc[span.end - 1].sent
    # The reporting clause may follow the quote ("..., Rutte stated") or precede it.
    candidates = [t for t in doc[sent.start : last_sent.end] if t.i not in inner]
    cue = next(
        (
            t
            for t in candidates
            if t.lemma_ in REPORTING_VERBS and t.pos_ in ("VERB", "AUX") and t.i >= span.end
        ),
        None,
    )
    if cue is None:
        cue = next(
            (
                t
                for t in reversed(candidates)
                if t.lemma_ in REPORTING_VERBS and t.pos_ in ("VERB", "AUX") and t.i < span.start
            ),
            None,
        )
    words = [t for t in span if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    kind = "direct" if has_verb and len(words) >= 4 else "partial"
    if kind == "partial" and len(words) > 12:
        kind = "direct"
    speaker = _speaker_of(cue, actor_at) if cue is not None else None
    if speaker is None and kind == "direct":
        speaker = _previous_subject(doc, sent, actor_at, outer_sents)
    if kind == "partial" and cue is None and speaker is None:
        return None  # a scare-quoted word with no one saying it is not a quote
    return Quote(
        kind=kind,
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        cue=token_span(cue) if cue is not None else None,
        speaker=speaker,
        via=_via(doc, sent, speaker, relays),
    )


def _previous_subject(
    doc: Doc, sent: Span, actor_at: dict[int, Actor], seen: set[int]
) -> Speaker | None:
    """For a free-standing quote, the person who speaks in the sentence before it."""
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    # 'He put it this way:' or 'Rutte said on Tuesday.' just before the quote.
    ends_with_colon = prev.text.rstrip().endswith(":")
    for tok in prev:
        speaking = tok.head.lemma_ in REPORTING_VERBS or tok.head.lemma_ == "speak"
        if tok.dep_ in SPEAKER_DEPS and (speaking or ends_with_colon or tok.head.dep_ == "ROOT"):
            actor = actor_at.get(tok.idx)
            if (
                ends_with_colon
                or (actor is not None and actor.type == "person")
                or (tok.pos_ == "PRON" and tok.lower_ in ("he", "she"))
            ):
                return _span_speaker(tok, actor_at)
    return None


def _relays(doc: Doc, actor_at: dict[int, Actor]) -> list[tuple[Span, str]]:
    """Sentences that name an outlet carrying someone's words ('reported by X', 'X reported')."""
    found = []
    for tok in doc:
        if tok.lemma_ not in RELAY_VERBS:
            continue
        agent = None
        for child in tok.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ == "nsubj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
                agent = child
        if agent is None:
            continue
        actor = actor_at.get(agent.idx)
        if actor is not None and actor.type == "organization":
            found.append((tok.sent, actor.id))
    return found


def _via(
    doc: Doc, sent: Span, speaker: Speaker | None, relays: list[tuple[Span, str]]
) -> str | None:
    """The outlet relaying a quote: one named in its sentence, or in the same paragraph before it."""
    for relay_sent, actor in relays:
        if relay_sent.start == sent.start:
            return actor
        if (
            relay_sent.start < sent.start
            and "\n" not in doc_text(doc)[relay_sent.end_char : sent.start_char]
        ):
            return actor
    return None


def _according_to(
    doc: Doc,
    tok: Token,
    actor_at: dict[int, Actor],
    relays: list[tuple[Span, str]],
    covered: list[tuple[int, int]],
) -> Quote | None:
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    sent = tok.sent
    if source is None:
        return None
    # The content is the rest of the sentence outside the 'according to X' phrase.
    phrase_start = tok.i
    phrase_end = source.right_edge.i + 1
    if phrase_start - sent.start > sent.end - phrase_end:
        a, b = sent.start_char, doc[phrase_start].idx
    else:
        a, b = doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text), sent.end_char
    start, end = trim_span(doc, a, b, " \t\r\n,;:.")
    if start >= end or any(x <= start < y for x, y in covered):
        return None
    speaker = _span_speaker(source, actor_at)
    return Quote(
        kind="indirect",
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        cue=TextSpan(
            text=doc_text(doc)[tok.idx : to.idx + len(to.text)],
            start=tok.idx,
            end=to.idx + len(to.text),
        ),
        speaker=speaker,
        via=_via(doc, sent, speaker, relays),
    )
