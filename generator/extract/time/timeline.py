"""Timeline: the event each date belongs to, in the article's words, ordered by date."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from generator.extract.common import clause_subject, doc_text
from generator.model import Precision, TimeExpression, TimelineEntry

PLAN_LEMMAS = frozenset(
    "plan aim intend target pledge promise expect schedule seek propose hope vow reach".split()
)
"""Verbs that make an event planned or targeted rather than done."""


def precision_of(value: str) -> Precision | None:
    """day | month | quarter | year | approximate for a TIMEX3 date value; None when not a date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value) or re.fullmatch(r"FY\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-(W\d{2}(-WE)?|SP|SU|FA|WI|H[12])", value) or re.fullmatch(
        r"\d{3}", value
    ):
        return "approximate"
    if value in ("PAST_REF", "FUTURE_REF", "PRESENT_REF") or value.startswith("XXXX"):
        return "approximate"
    return None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _event_text(doc: Doc, verb: Token, timex: TimeExpression) -> tuple[str, bool]:
    """Subject, verb and object of the event in the sentence's words, without the time expression
    (unless it is the object: 'the war enters its fourth year'), and whether it is planned."""
    sent = verb.sent
    owner, subj = clause_subject(verb)
    start = subj.left_edge.i if subj is not None else verb.i
    start = min(start, owner.i)
    end = verb.right_edge.i + 1
    in_timex = {
        t.i
        for t in doc[max(start, sent.start) : min(end, sent.end)]
        if timex.start <= t.idx < timex.end
    }
    roots = [doc[i] for i in in_timex if doc[i].head.i not in in_timex]
    keep_timex = any(r.dep_ in ("dobj", "attr", "nsubj") for r in roots)
    drop = set() if keep_timex else set(in_timex)
    for r in roots:
        if r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.i not in in_timex:
            drop.add(r.head.i)  # 'by' in 'by the end of 2025'
        if r.dep_ == "npadvmod" and r.i > 0 and doc[r.i - 1].lower_ in ("on", "in", "at", "by"):
            drop.add(r.i - 1)
    keep = [t for t in doc[max(start, sent.start) : min(end, sent.end)] if t.i not in drop]
    words = "".join(t.text_with_ws for t in keep)
    words = re.sub(r"\s+", " ", words).strip(" ,;:.\n")
    words = re.sub(r"\s+([,.;:])", r"\1", words)
    if len(words) > 220:
        words = words[:217].rsplit(" ", 1)[0] + " …"
    lemmas = {t.lemma_ for t in verb.ancestors} | {verb.lemma_} | {owner.lemma_}
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    planned = bool(lemmas & PLAN_LEMMAS) or bool(aux & {"will", "'ll", "shall"})
    # A modal on the event ('the deficit would shrink', 'could reopen') is a prospect, not a fact.
    planned = planned or bool(aux & {"would", "could", "may", "might", "should"})
    return words, planned


def after_anchor(value: str, anchor: str | None) -> bool:
    """Whether a TIMEX3 date value lies wholly after the article date (compared at its precision)."""
    if anchor is None:
        return value == "FUTURE_REF"
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:$|T)", value)
    if not match:
        return value == "FUTURE_REF"
    parts = [p for p in match.groups() if p]
    return parts > anchor.split("-")[: len(parts)]


def build_timeline(
    doc: Doc, timexes: list[TimeExpression], anchor: str | None = None
) -> list[TimelineEntry]:
    """Dated events of the document, sorted by date value then position.

    An event dated after the article date (`anchor`) cannot have happened yet: it is planned.
    """
    text = doc_text(doc)
    entries = []
    for index, timex in enumerate(timexes):
        if timex.type not in ("DATE", "TIME"):
            continue
        precision = precision_of(timex.value)
        if precision is None or timex.value == "PRESENT_REF":
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _governing_verb(span.root)
        sent = span.sent
        if verb is None:
            event, planned = sent.text.strip(), False
        else:
            event, planned = _event_text(doc, verb, timex)
        if not event:
            continue
        planned = planned or after_anchor(timex.value, anchor)
        entries.append(
            TimelineEntry(
                date=timex.value,
                precision=precision,
                event=event,
                start=sent.start_char,
                end=sent.end_char
                if text[sent.end_char - 1 : sent.end_char] != "\n"
                else sent.end_char - 1,
                timex=index,
                status="planned" if planned else "reported",
            )
        )
    entries.sort(key=lambda e: (_sort_key(e.date), e.start))
    return entries


def _sort_key(value: str) -> str:
    order = {"PAST_REF": "0000", "PRESENT_REF": "5555", "FUTURE_REF": "9998"}
    return order.get(value, value.replace("XXXX", "9999"))
