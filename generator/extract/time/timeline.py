"""Timeline: the event each date belongs to, in the article's words, ordered by date.

An entry is the clause the date governs: its subject, verb (with negation and modality) and
object, in the article's words. Dates the text cannot place on a calendar (vague references,
an unknown year, decades and centuries) stay off the dated timeline and are listed apart with
their words. Some dates are not the date of an event at all and give no entry: the reporter's
present ('Today, vinyl is enjoying a comeback' describes a state), a comparison baseline
('40 percent more than in 2016'), the second end of a range ('from 2019 to 2024' is one entry),
a condition or counterfactual ('if I wake up tomorrow', 'would have been listed today'), a date
that belongs to a noun rather than to the clause ('a case of the 2011 harvest', 'an
announcement from 1963', a simple past with a date still to come). A date inside a clause of
time is that clause's and its main clause's ('will become ... when he travels on Sunday': both
are shown, and the present of the clause of time looks ahead with its future main clause).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from generator.extract.common import (
    SPEECH_VERBS,
    clause_hung_as_adjunct,
    clause_subject,
    doc_text,
)
from generator.extract.time.timex import verb_tense
from generator.extract.time.words import date_label, interval_start
from generator.model import UNCERTAIN, Polarity, Precision, TimeExpression, TimelineEntry

PLAN_LEMMAS = frozenset(
    "plan aim intend target pledge promise expect schedule seek propose hope vow reach prepare "
    "threaten want".split()
)
"""Verbs that make an event planned or targeted rather than done."""
MODALS = frozenset({"will", "'ll", "shall", "would", "could", "may", "might", "should", "wo"})
EVENT_DEPS = frozenset(
    "dobj attr acomp prt xcomp dative oprd agent prep ccomp npadvmod advmod pobj".split()
)
"""Dependents of the verb that belong to the event ('filled 255,904 potholes'); subordinate and
coordinated clauses (advcl, conj, relcl, parataxis) are events of their own."""
NEGATIVE_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})
COMPARISON = re.compile(
    r"\b(?:than|(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from"
    r"|compared\s+(?:with|to)|versus|vs\.?|relative\s+to"
    r"|(?:double|twice|triple|thrice|half|(?:two|three|four|five|ten)\s+times)\s+"
    r"(?:the|that|its|their|his|her)\s+\w+(?:\s+\w+)?\s+(?:in|of|for)"
    r")\b[^,;.!?\d]*$",
    re.I,
)
"""Words that make the date after them a comparison baseline, not the date of the event ('more
than in 2017', 'double the number in 2017'); a number between them is what is compared ('more
than 300 as of last June' dates the 300)."""
RANGE_LINK = re.compile(r"\s*(?:,\s*)?(?:and|to|through|thru|until|till|or|-|–|—)\s*", re.I)
ANAPHORIC = re.compile(
    r"\b(?:following|previous|preceding|prior|earlier|later|before|after|that|same|then)\b", re.I
)
EXPLICIT_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)|'\d\d\b")
LATE = re.compile(r"^(?:late|the\s+end\s+of|the\s+close\s+of|by\s+the\s+end\s+of)\b", re.I)
EARLY = re.compile(r"^(?:early|the\s+beginning\s+of|the\s+start\s+of)\b", re.I)


COARSE = re.compile(r"\b(?:decades?|century|centuries)\b", re.I)
"""'a century ago', 'a decade later': a year counted in decades or centuries is not a date."""
POSSESSIVE = re.compile(r"['’]s?\b")
"""'condemned Wednesday's attack': the date belongs to the noun, not to the clause's event."""
NAMED = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")
"""'the Fair Harbour Act of 1952': a year inside a name."""
CITATION = re.compile(r"https?://|\bdoi\b|\bretrieved\b", re.I)
"""A reference line ('... (2020, May 4) retrieved 3 March 2021 from https://...')."""


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
        r"\d{2,3}", value
    ):
        return "approximate"
    if value in ("PAST_REF", "FUTURE_REF", "PRESENT_REF") or value.startswith("XXXX"):
        return "approximate"
    return None


def is_dated(value: str) -> bool:
    """Whether a date value can stand on a calendar: a year or finer, nothing left open."""
    return interval_start(value) is not None


def _lemmas(tokens: list[Token]) -> set[str]:
    """Lemmas of the tokens, with a crude stem beside the tagger's (which reads 'hopes' as 'hop')."""
    out = set()
    for t in tokens:
        low = t.lower_
        out.add(t.lemma_.lower())
        for suffix in ("s", "es", "d", "ed", "ing"):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.add(low[: -len(suffix)])
        if t.lemma_.lower() == "set" and t.tag_ == "VBN":
            out.add("schedule")  # 'is set to dock'
    return out


AMBIGUOUS = 0.75
"""The highest confidence of an entry whose date may belong to another clause than its event."""


def _attached_verb(token: Token) -> Token | None:
    """The first verb above the date in the parse: the clause the date modifies."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            # 'had docked as planned at 6:40 p.m.': the event is the main verb's
            if (
                token.dep_ == "advcl"
                and token.tag_ == "VBN"
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            ):
                return _governing_verb(token.head) or token
            # 'was reported as saying early Friday': the event is the main verb's
            if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ == "as":
                return _governing_verb(token.head.head) or token
            # 'warned against signing a weak treaty during his May 5 speech': a gerund that
            # completes a verb has no time of its own (one of time does: 'since coming to power')
            if (
                token.tag_ == "VBG"
                and token.dep_ == "pcomp"
                and token.head.dep_ == "prep"
                and token.head.lower_ not in TEMPORAL_PREPS
                and token.head.head.pos_ in ("VERB", "AUX")
            ):
                return token.head.head
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it completes ('sign' → 'plans' in 'plans to sign')."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "ccomp") and chain[-1].head.i != chain[-1].i:
        if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_ not in PLAN_LEMMAS:
            break
        chain.append(chain[-1].head)
        if len(chain) > 4:
            break
    return chain


def _event_text(doc: Doc, verb: Token, timex: TimeExpression) -> tuple[str, bool, Polarity]:
    """Subject, verb and object of the event in the sentence's words, without the time expression
    (unless it is the object: 'the drought enters its third year'); whether it is planned; and its
    polarity."""
    sent = verb.sent
    expletive = next((c for c in verb.children if c.dep_ == "expl"), None)
    # 'there were 40 outages, officials said': 'there' is the clause's own subject
    owner, subj = (verb, expletive) if expletive is not None else clause_subject(verb)
    keep: set[int] = set()
    if subj is not None:
        left = subj.left_edge.i
        if subj.i - left > 10:
            left = subj.i - 4
        keep.update(range(left, subj.i + 1))
        keep.update(t.i for t in subj.subtree if t.i > subj.i and t.dep_ in ("compound", "prep"))
        keep.update(
            t.i
            for c in subj.children
            if c.i > subj.i and c.dep_ in ("prep", "compound")
            for t in c.subtree
        )
    if subj is not None and subj.lower_ in ("who", "which", "that") and owner.dep_ == "relcl":
        antecedent = owner.head  # 'Okonjo, who has led the party': the event is Okonjo's
        keep.discard(subj.i)
        keep.update(range(max(antecedent.left_edge.i, antecedent.i - 5), antecedent.i + 1))
    chain = [verb]
    node = verb
    while node.i != owner.i and node.head.i != node.i:
        node = node.head
        chain.append(node)
    for v in chain:
        keep.add(v.i)
        keep.update(c.i for c in v.children if c.dep_ in ("aux", "auxpass", "neg"))
        if v.i != verb.i:
            keep.update(c.i for c in v.children if c.dep_ == "advmod" and c.i < verb.i)
    relative = subj is not None and subj.i not in keep
    keep.update(range(subj.i + 1 if relative and subj else min(keep | {verb.i}), verb.i + 1))
    coordinator = next((c.i for c in verb.children if c.dep_ == "cc" and c.i > verb.i), None)
    for child in verb.children:
        if coordinator is not None and child.i > coordinator:
            continue  # 'went on to another job, but not before ...': an addition
        if child.i > verb.i and child.dep_ in EVENT_DEPS:
            keep.update(t.i for t in child.subtree)
            for t in child.subtree:  # 'a test that included visits': the object, not its clause
                if t.dep_ in ("relcl", "appos", "advcl") and t.i != child.i:
                    keep -= {u.i for u in t.subtree}
    in_timex = {t.i for t in sent if timex.start <= t.idx < timex.end}
    roots = [doc[i] for i in in_timex if doc[i].head.i not in in_timex]
    # the object ('enters its third year') or the owner of a noun ('in Tuesday's raid') stays
    keep_timex = any(r.dep_ in ("dobj", "attr", "nsubj", "poss") for r in roots)
    if not keep_timex:
        keep -= in_timex
        for r in roots:
            if r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.i not in in_timex:
                keep.discard(r.head.i)  # 'by' in 'by the end of 2025'
            if r.i > 0 and doc[r.i - 1].lower_ in ("on", "in", "at", "by") and r.dep_ != "pobj":
                keep.discard(r.i - 1)
    tokens = [doc[i] for i in sorted(keep) if sent.start <= i < sent.end]
    words = ""
    for k, tok in enumerate(tokens):
        gap = k > 0 and tok.i != tokens[k - 1].i + 1
        words += (" " if gap and not words.endswith(" ") else "") + tok.text_with_ws
    words = re.sub(r"\s+", " ", words).strip(" ,;:.\n—–-")
    words = re.sub(r"\s+([,.;:])", r"\1", words)
    words = re.sub(r"^[\"“”'‘’(]+\s*|\s*[\"“”(]+$", "", words).strip(" ,;:")
    words = re.sub(r"\s*\(\s*\)", "", words)  # '(SAG) awards' once the date's words are out
    # 'the last survey, from 2014, found': the date's words are out, and both commas go
    words = re.sub(r"\s*,\s*,\s*", " ", words)
    words = re.sub(r"\s+as\s+(?:early|soon|late|recently)$", "", words)  # 'as early as this month'

    content = _said_clause(verb) if verb.lemma_ in SPEECH_VERBS else None
    if content is not None and not any(t.i in keep for t in content):
        # 'the city plans to close the mill, officials said late Thursday': what was said is
        # the event a reader needs, not the bare act of saying
        said = re.sub(r"\s+", " ", content.text).strip(' ,;:\u201c\u201d"')
        opened = content[0].is_quote or (content.start > 0 and doc[content.start - 1].is_quote)
        if said and opened:
            said = f"\u201c{said}\u201d"  # the speaker's own words stay in quotation marks
        if said:
            # the reporting words stay whole; what was said gives way when the event is long
            said = _shorten(said, max(60, 176 - len(words)))
            words = f"{said}, {words}" if content.start < verb.i else f"{words} {said}"
    if len(words) > 180:
        words = words[:177].rsplit(" ", 1)[0] + " …"
    # the verbs the event completes ('plans to sign'), not the event's own verb ('was preparing')
    lemmas = _lemmas([t for t in _chain(owner) + _chain(verb) if t.i != verb.i])
    aux = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    planned = bool(lemmas & PLAN_LEMMAS) or bool(aux & MODALS) or verb.lower_ in MODALS
    negative = any(
        c.dep_ == "neg" or (c.lower_ in NEGATIVE_WORDS and c.dep_ in ("det", "advmod"))
        for v in chain
        for c in v.children
    ) or any(t.lower_ in ("no", "never", "nothing", "nobody") for t in tokens)
    return words, planned, "negative" if negative else "affirmative"


CONDITIONAL_MARKS = frozenset({"if", "unless"})
COUNTERFACTUAL = frozenset({"would", "could", "might", "should", "must"})
TEMPORAL_PREPS = frozenset(
    "in on at during by since until till before after from through throughout around upon".split()
)
STAMP = re.compile(r"\s*(?:[A-Z]{1,4}\s*)?(?:--|—|–)")
"""'9:30 AM ET -- Fire crews were ...': the time an update was posted, not an event's."""


def _irrealis(verb: Token) -> bool:
    """The clause asserts nothing happened nor that anything is planned: a condition ('if I wake
    up tomorrow', 'if this were held today') or a counterfactual ('would have been listed')."""
    node = verb
    for _ in range(4):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children
        ):
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            break
        node = node.head
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        bool(set(aux) & COUNTERFACTUAL)
        and any(a in ("have", "'ve") for a in aux)
        and verb.tag_ == "VBN"
    )


def _classifies_noun(span: Span, value: str) -> bool:
    """The date marks the period of a noun rather than the clause's event: 'the best cast of this
    year' ('of' ties it to the noun), a year classing the stuff of a partitive ('a bottle of the
    2011 harvest'), the origin of the verb's object ('found a letter from 1958'). A date
    that locates the noun in an adjunct still dates the event ('a study from 2012 counted',
    'at the 1951 Harbour Fair')."""
    doc = span.doc
    root = span.root
    head = root.head
    if head.i == root.i:
        return False
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        owner = head.head
        return owner.pos_ in ("NOUN", "PROPN") and not (span.start <= owner.i < span.end)
    if (
        re.fullmatch(r"\d{4}", value)
        and root.dep_ in ("nummod", "compound", "nmod", "amod")
        and head.i >= span.end
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.pos_ == "NOUN"
    ):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "from":
        before = doc[span.start - 2]
        closing = any(
            t.lower_ in ("to", "until", "till", "through") for t in doc[span.end : span.end + 2]
        )
        return before.pos_ == "NOUN" and before.dep_ == "dobj" and not closing
    return False


def _past_event(verb: Token) -> bool:
    """A verb in the simple past ('were not nominated'): a date after the article date cannot be
    its event's; it dates a noun of the clause ('the Oscars on Feb. 9')."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in MODALS for a in aux):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(a in ("was", "were", "did") for a in aux)
    )


def _shorten(words: str, limit: int) -> str:
    return words if len(words) <= limit else words[: limit - 3].rsplit(" ", 1)[0] + " …"


def after_anchor(value: str, anchor: str | None) -> bool:
    """Whether a TIMEX3 date value lies wholly after the article date (compared at its precision)."""
    if anchor is None:
        return value == "FUTURE_REF"
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:$|T)", value)
    if not match:
        return value == "FUTURE_REF"
    parts = [p for p in match.groups() if p]
    return parts > anchor.split("-")[: len(parts)]


def _not_before_anchor(value: str, anchor: str | None) -> bool:
    start = interval_start(value)
    if anchor is None or start is None:
        return False
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:$|T)", value)
    parts = [p for p in match.groups() if p] if match else []
    return bool(parts) and parts >= anchor.split("-")[: len(parts)]


def _futurate(verb: Token) -> bool:
    """A present progressive that speaks of a scheduled event: 'is launching in January' (not
    a passive or copula describing a state: 'is capped this year')."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.dep_ == "auxpass" for a in aux) or verb.lemma_ == "be":
        return False
    return verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in aux)


def _present_state(verb: Token) -> bool:
    """The clause is not a report of the past nor a plan: 'vinyl is enjoying a comeback',
    'we're having to live with it', 'they would have been named as authors'."""
    aux = {c.lower_.replace("’", "'") for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "could", "might", "may", "should"}:
        return True
    if aux & (MODALS | {"did", "had", "was", "were", "has", "have", "'ve"}):
        return False
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and not aux):
        return True
    return bool(aux & {"is", "are", "am", "'s", "'re", "do", "does"})


HABITUAL = re.compile(
    r"(?:the\s+)?(?:spring|summer|autumn|fall|winter|christmas|easter|thanksgiving|halloween"
    r"|valentine['’]s\s+day|new\s+year['’]s\s+(?:day|eve)|mother['’]s\s+day)",
    re.I,
)
"""A season or a holiday named without a year, 'last', 'next' or 'this'."""


def _simple_present(verb: Token) -> bool:
    """A present of habit or disposition: 'mains break', 'the cold can make mains brittle'."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True
    if verb.tag_ == "VB" and aux and aux[0].lower_ in ("can", "may", "tend"):
        return True
    return bool(aux) and all(a.tag_ in ("VBZ", "VBP") for a in aux) and verb.tag_ != "VBG"


def _refined(value: str, text: str) -> str:
    """'late last year' → the year's last quarter, 'the end of 2025' → its last month, 'early
    2019' → its first quarter, 'the beginning of the year' → its first month: the part of the
    year the words name."""
    if not re.fullmatch(r"\d{4}", value):
        return value
    words = " ".join(text.lower().split())
    if re.match(r"^(?:by\s+|at\s+)?the\s+(?:end|close)\s+of\b", words):
        return f"{value}-12"
    if re.match(r"^(?:the\s+)?(?:beginning|start)\s+of\b", words):
        return f"{value}-01"
    if words.startswith("late"):
        return f"{value}-Q4"
    if words.startswith("early"):
        return f"{value}-Q1"
    return value


def _anchored_on(timex: TimeExpression) -> str:
    if EXPLICIT_YEAR.search(timex.text):
        return "absolute"
    if ANAPHORIC.search(timex.text):
        return "text"
    return "publication"


def _confidence(timex: TimeExpression, anchored: str, has_subject: bool, value: str) -> float:
    """How sure the entry is: an explicit year is safest; a date counted from the publication
    date with a direction word ('last week', 'yesterday') next; a bare weekday or month resolved
    by tense, or a date counted from another date in the text, less so."""
    low = timex.text.lower()
    if anchored == "absolute":
        score = 0.9
    elif anchored == "text":
        score = 0.6
    elif re.search(r"\b(?:yesterday|today|tomorrow|tonight|last|next|this|ago|past|coming)\b", low):
        score = 0.85
    else:
        score = 0.7  # a bare weekday, month or season: its direction comes from the tense
    if re.search(r"\b(?:decade|century|centuries)\b", low):
        score = min(score, UNCERTAIN)
    if not has_subject:
        score -= 0.1
    if value.startswith("XXXX") or not is_dated(value):
        score = min(score, UNCERTAIN)
    return round(max(0.1, min(score, 0.95)), 2)


def _in_comparison(text: str, timex: TimeExpression, sent: Span) -> bool:
    return COMPARISON.search(text[max(sent.start_char, timex.start - 60) : timex.start]) is not None


def _range_partner(text: str, timexes: list[TimeExpression], index: int) -> bool:
    """Whether timex `index` closes a range opened by the one before ('from 2019 to 2024',
    'In March and April', 'between 7 AM and 6 PM Tuesday')."""
    if index == 0:
        return False
    before = timexes[index - 1]
    if before.type not in ("DATE", "TIME"):
        return False
    return RANGE_LINK.fullmatch(text[before.end : timexes[index].start]) is not None


def _when_clause(span: Span) -> Token | None:
    """The verb of a 'when' clause the date introduces ('in 1884, when the king hosted ...',
    'In 2011, however, when the council voted ...'): that clause is the event of the date."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in ("since", "until", "till", "from"):
        return None  # 'has been that low since 2013, when ...': the main clause lasts from it
    for tok in doc[span.end : min(span.end + 4, span.sent.end)]:
        if tok.lower_ == "when":
            head = tok.head
            return head if head.pos_ in ("VERB", "AUX") and head.i > tok.i else None
        if not (tok.is_punct or tok.pos_ == "ADV"):
            return None
    return None


WITHIN = frozenset({"in", "during", "at"})


def _bracketed_citation(span: Span) -> bool:
    """'The column "Will the bridge close?" (Page A4, May 2) regarding ...': a date in brackets
    beside a page, a name or a number, with no verb or preposition, is a citation; it dates no
    clause of the sentence."""
    sent = span.sent
    left = next((t for t in reversed(sent[: span.start - sent.start]) if t.text in "()"), None)
    right = next((t for t in sent[span.end - sent.start :] if t.text in "()"), None)
    if left is None or right is None or left.text != "(" or right.text != ")":
        return False
    inside = span.doc[left.i + 1 : right.i]
    if any(t.pos_ in ("VERB", "AUX", "ADP") for t in inside):
        return False  # '(who resigned on May 2)', '(on May 2)': the date of a clause
    # beside the date, a name or a number of its own: 'Page A4, May 2', 'Harbor Weekly, May 2'
    others = [t for t in inside if not (span.start <= t.i < span.end) and not t.is_punct]
    return any(t.pos_ in ("PROPN", "NOUN", "NUM") for t in others)


def _within_possessed(span: Span) -> bool:
    """'homes were attacked in Tuesday night's raid': the noun the date owns places the verb's
    event within it ('in', 'during', 'at'), so the date is the event's too (unlike 'condemned
    Wednesday's attack', where the dated noun is only the verb's object)."""
    root = span.root
    noun = root.head
    if root.dep_ != "poss" or noun.i == root.i or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in WITHIN and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX")


def _noun_date(span: Span) -> bool:
    """The parser hangs the date's preposition on a noun ('his vow on Monday')."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN"


def _said_clause(verb: Token) -> Span | None:
    """The clause a verb of saying reports: its clausal complement, before or after it ('X
    will close, officials said'), or a finite clause with its own subject that the parser hung
    on the verb as an adjunct when a fronted phrase opens it ('After years of talks, the city
    plans to close the mill, officials said'), unless a subordinator opens that clause."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp":
            return doc[child.left_edge.i : child.right_edge.i + 1]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if (
        passive is not None
        and verb.dep_ == "ccomp"
        and verb.head.i < passive.left_edge.i
        and passive.left_edge.i >= 2
        and doc[passive.left_edge.i - 1].text == ","
        and any(
            c.lower_ == "as" and any(g.lemma_ in SPEECH_VERBS for g in c.children)
            for c in verb.children
        )
    ):
        # 'Fishermen heard two bangs, the port was quoted as saying': the clause before
        # the frame (which the parser makes the frame's governor) is what was said
        return doc[verb.head.left_edge.i : passive.left_edge.i - 1]
    misparsed = clause_hung_as_adjunct(verb)
    return doc[misparsed.left_edge.i : misparsed.right_edge.i + 1] if misparsed else None


def _reporting_clause(verb: Token) -> tuple[str, bool] | None:
    """'Researchers predicted' for an event in the clause a verb of saying reports ('Researchers
    predicted that the state will ...', '... will close, the council said'): its subject and
    verb in the article's words and whether it follows the event, or None when the event is
    not reported speech."""
    node = verb
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS:
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in ("who", "which", "that"):
                return None
            doc = verb.doc
            left = max(subj.left_edge.i, subj.i - 4)
            if any(c.dep_ in ("aux", "neg") and c.i < head.i for c in head.children):
                return None  # 'may have said', 'did not say': not a plain report
            if subj.i + 1 != head.i:
                return None  # words between the speaker and the verb: keep the event as it is
            text = doc[left : head.i + 1].text
            trailing = head.i > verb.i
            if trailing and doc[left].pos_ == "DET":
                text = text[:1].lower() + text[1:]  # 'The council said' after the event
            return text, trailing
        if node.dep_ not in ("xcomp", "conj", "ccomp"):
            return None
        node = head
    return None


DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _points_back(subject: Token) -> bool:
    """A subject that is a demonstrative, or a noun under one ('that trend', 'this move',
    'These cuts'): it refers to what the text said before."""
    if subject.lower_ in DEMONSTRATIVES and subject.pos_ == "PRON":
        return True
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in subject.children)


def _stand_in(verb: Token) -> str | None:
    """The 'as'/'than' of a comparison clause whose verb is a stand-in 'do' ('as it did')."""
    if verb.lemma_ != "do" or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux") for c in verb.children):
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("as", "than")), None)
    return mark.text if mark is not None else None


def _epistemic(verb: Token) -> bool:
    """'Today, the forecasts could not differ more': a modal of possibility on a verb of the
    reporter's present, not a plan for the day (which 'will' or 'plans to' would make)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & {"could", "might", "may"}) and not (aux & {"will", "'ll", "shall", "wo"})


def _pluperfect(verb: Token) -> bool:
    """'When she arrived in 1959, Lorenz had recently bought ...': before the date, not at it."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children
    )


def _habitual_when(when_verb: Token, main: Token) -> bool:
    """A present-tense 'when' clause under a clause not about the future states a habit."""
    aux = [c for c in when_verb.children if c.dep_ in ("aux", "auxpass")]
    if when_verb.tag_ not in ("VBZ", "VBP") or aux:
        return False
    return not any(c.dep_ == "aux" and c.lower_ in MODALS for c in main.children)


def _fronted_clause(span: Span, verb: Token) -> Token | None:
    """'after it joins the treaty on May 1, it will file claims': a date inside the words of a
    clause put before the main one belongs to that clause, though the parser hangs it on the
    main verb."""
    doc = span.doc
    if span.root.head.i != verb.i and span.root.head.head.i != verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < span.end:
        return None
    between = doc[span.end : subject.left_edge.i]
    if not any(t.text == "," for t in between) or any(
        not (t.is_punct or t.pos_ in ("ADV", "CCONJ")) for t in between
    ):
        return None
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.i < span.start
            and child.left_edge.i < span.start
            and child.right_edge.i < span.start
            and any(c.dep_ == "mark" for c in child.children)
            and not any(t.text in (",", ";") for t in doc[child.right_edge.i + 1 : span.start])
        ):
            return child
    return None


def _when_advcl(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ == "when" and c.i < verb.i for c in verb.children
    )


def _main_of(verb: Token) -> Token | None:
    """The verb of the clause a 'when' clause belongs to, above infinitives and relative
    clauses ('the first president to address the Union when ...' → 'will become')."""
    node = verb.head
    for _ in range(4):
        if node.dep_ not in ("relcl", "acl", "xcomp") or node.head.i == node.i:
            break
        up = _governing_verb(node.head)
        if up is None or up.i == node.i:
            break
        node = up
    return node if node.pos_ in ("VERB", "AUX") else None


def _restated(text: str, timexes: list[TimeExpression], index: int) -> bool:
    """Whether timex `index` restates the one before in brackets ('8:51 p.m. (1451 GMT)'), or
    names the day of the clock time just before it ('8:51 p.m. (1451 GMT) on Thursday')."""
    if index == 0:
        return False
    before = timexes[index - 1]
    if (
        timexes[index].type == "DATE"
        and before.type == "TIME"
        and before.value.startswith(timexes[index].value + "T")
        and re.fullmatch(r"[\s),]*(?:on\s+)?", text[before.end : timexes[index].start])
    ):
        return True
    return (
        before.type == timexes[index].type == "TIME"
        and re.fullmatch(r"\s*\(\s*", text[before.end : timexes[index].start]) is not None
    )


def _ambiguous(
    span: Span,
    verb: Token,
    when_verb: Token | None,
    timexes: list[TimeExpression],
    index: int,
    event: str,
    value: str,
    anchor: str | None,
    starts: list[int] | None = None,
) -> bool:
    """Whether the date may belong to another clause than the event shown: the verb the date
    hangs on is not the event's ('pilloried them for proposing a bill in 2009': the year is
    the proposal's); the event's words hold another date that competes for it ('will overtake
    A in 2020 and B in 2023'); a future event under a date already past ('will reach 11
    percent, up from 4.3 percent in 2014': the year is the figure's); a date in a trailing
    participle, whose event is shown with the main clause's words."""
    attached = _attached_verb(span.root)
    if when_verb is None and attached is not None and attached.i != verb.i:
        if attached.tag_ == "VBG" and attached.dep_ == "pcomp":
            return True
    if (
        when_verb is None
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
    ):
        # 'she rose fast, culminating in his removal a week ago': a trailing participle has no
        # subject of its own, so the event shown is the main clause's, which the date is not
        return True
    sent = span.sent
    timex = timexes[index]
    ks = range(len(timexes))
    if starts is not None:  # the starts in text order: only the sentence's expressions
        ks = range(bisect_left(starts, sent.start_char), bisect_right(starts, sent.end_char))
    for k in ks:
        other = timexes[k]
        if k == index or other.start < sent.start_char or other.end > sent.end_char:
            continue
        if abs(k - index) == 1 and (
            _range_partner(doc_text(span.doc), timexes, max(k, index))
            or _restated(doc_text(span.doc), timexes, max(k, index))
        ):
            continue
        if other.type not in ("DATE", "TIME") or not is_dated(other.value):
            continue  # 'a five-minute test', 'now': no date to compete with
        if other.text == timex.text or other.text not in event:
            continue
        if _in_comparison(doc_text(span.doc), other, sent):
            continue  # 'had 100 as of July, double the number in 2017': a baseline, no rival
        other_span = span.doc.char_span(other.start, other.end, alignment_mode="expand")
        rival = _attached_verb(other_span.root) if other_span is not None else None
        if rival is not None and attached is not None and rival.i == attached.i:
            return True  # both dates hang on one verb: which is the event's is not known
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & {"will", "'ll", "shall", "wo"} and anchor is not None:
        start = interval_start(value)
        if start is not None and is_dated(value) and not _not_before_anchor(value, anchor):
            return True
    return False


def build_timelines(
    doc: Doc, timexes: list[TimeExpression], anchor: str | None = None
) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """Dated events sorted by the start of their interval (then position), and the events whose
    date cannot be placed, in text order.

    An event dated after the article date (`anchor`) cannot have happened yet: it is planned.
    """
    text = doc_text(doc)
    dated: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []
    offsets = [t.start for t in timexes]
    in_order = all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    starts = offsets if in_order else None  # out of text order, `_ambiguous` reads them all
    for index, timex in enumerate(timexes):
        if timex.type not in ("DATE", "TIME"):
            continue
        precision = precision_of(timex.value)
        if precision is None or timex.value == "PRESENT_REF":
            continue
        if _range_partner(text, timexes, index) or _restated(text, timexes, index):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        main = _governing_verb(span.root)
        if main is not None:
            main = _fronted_clause(span, main) or main
        when_verb = _when_clause(span)
        if when_verb is None and main is not None and _when_advcl(main):
            # 'will become the first to address the Union when he travels on Sunday'
            when_verb, main = main, _main_of(main)
            if main is not None and _habitual_when(when_verb, main):
                # 'the strategies they employ when they see a target ... Tuesday': a habit,
                # the date is the main clause's
                when_verb = None
        verb = when_verb or main
        if verb is None or _bracketed_citation(span):
            continue  # a title, a citation, a caption: no event to date
        sent = span.sent
        if timex.type == "TIME" and STAMP.match(text, timex.end):
            continue  # an update's time stamp
        if _irrealis(verb) or (timex.type == "DATE" and _classifies_noun(span, timex.value)):
            continue
        subject = clause_subject(verb)[1]
        if subject is not None and subject.lower_ in ("what", "whatever"):
            continue  # 'what happened today': nothing a reader can place
        event, planned, polarity = _event_text(doc, verb, timex)
        if not event:
            continue
        stand_in = _stand_in(verb)
        if stand_in is not None:
            # 'sells half as much grain as it did in 2010': 'did' stands for the
            # main verb; show what it stands for
            compared = _governing_verb(verb.head)
            head_words = _event_text(doc, compared, timex)[0] if compared is not None else ""
            if head_words:
                event = f"{head_words} {stand_in} {event}"
        if (
            when_verb is not None
            and main is not None
            and main.i != when_verb.i
            and main.lemma_ != "be"
            and not _irrealis(main)
            and not _pluperfect(main)
        ):
            # 'In 1991, when Shamir opposed the talks, Bush held back loan guarantees': the
            # date is both clauses' (in text order)
            other, other_planned, other_polarity = _event_text(doc, main, timex)
            if other:
                parts = sorted([(when_verb.i, event), (main.i, other)])
                event = "; ".join(_shorten(p, 110) for _, p in parts)
                planned = planned or other_planned
                if other_polarity == "negative":
                    polarity = "negative"
        value = timex.value
        if index + 1 < len(timexes) and _range_partner(text, timexes, index + 1):
            closing = timexes[index + 1]
            if timex.type == "TIME" and anchor and value.startswith(anchor + "T"):
                day = closing.value.split("T")[0]
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                    value = day + "T" + value.split("T", 1)[1]  # '7 AM and 6 PM Tuesday'
        if (
            index + 1 < len(timexes)
            and timexes[index + 1].type == "TIME"
            and _restated(text, timexes, index + 1)
        ):
            value = timexes[index + 1].value  # the moment in UTC rather than local time
        utc = value.endswith("Z")
        value = _refined(value, timex.text).removesuffix("Z")
        has_subject = subject is not None
        place = is_dated(value) and not COARSE.search(timex.text)
        if place and (
            _in_comparison(text, timex, sent)
            or (POSSESSIVE.match(text, timex.end) and not _within_possessed(span))
            or NAMED.search(text, max(0, timex.start - 40), timex.start)
            or CITATION.search(sent.text)
        ):
            continue
        low = timex.text.lower()
        if (
            place
            and low in ("today", "today's")
            and _present_state(clause_subject(verb)[0] if verb.tag_ == "VB" else verb)
            and (not planned or _epistemic(verb))
            and not re.search(r"\blater\b", text[max(0, timex.start - 12) : timex.start], re.I)
        ):
            continue  # the reporter's present: a state, not an event of the day
        if place and HABITUAL.fullmatch(timex.text) and _simple_present(verb):
            continue  # 'In winter, mains break': a habit, not a dated event
        if place and after_anchor(value, anchor) and _past_event(verb):
            continue  # the tense says it happened, the date says it has not yet
        if (
            place
            and _noun_date(span)
            and verb_tense(verb) not in ("past", "future")
            and not after_anchor(value, anchor)
            and precision_of(value) == "day"
            and not _futurate(verb)
        ):
            continue  # 'voters support ... his vow on Monday': the date is the noun's, not the state's
        planned = planned or after_anchor(value, anchor)
        if not planned and place and _futurate(verb) and _not_before_anchor(value, anchor):
            planned = True
        if re.search(r"\blater\b", text[max(sent.start_char, timex.start - 12) : timex.end], re.I):
            planned = planned or verb.tag_ in ("VBZ", "VBP", "VB")
        if planned:
            found = _reporting_clause(verb)
            if found is not None and found[0] not in event:
                # 'Researchers predicted that through 2026 the state will ...': a forecast or a
                # plan someone reported is theirs; the entry names who said it, in text order
                reporter, trailing = found
                event = f"{event}, {reporter}" if trailing else f"{reporter} {event}"
        anchored = _anchored_on(timex) if place else "none"
        confidence = _confidence(timex, anchored, has_subject, value)
        if _ambiguous(span, verb, when_verb, timexes, index, event, value, anchor, starts):
            confidence = min(confidence, AMBIGUOUS)
        if stand_in is not None:
            # 'now burns half as much coal as it did in 2010': the date is the comparison's
            # base, and the clause shown is the present one; a reader must check it
            confidence = min(confidence, AMBIGUOUS)
        if subject is not None and _points_back(subject):
            # 'That slump deepened through last year': the event says what happened only with
            # the sentence before it; alone it is not something a reader can sign
            confidence = min(confidence, AMBIGUOUS)
        entry = TimelineEntry(
            date=value,
            precision=precision_of(value) or precision,
            event=event,
            start=sent.start_char,
            end=sent.end_char
            if text[sent.end_char - 1 : sent.end_char] != "\n"
            else sent.end_char - 1,
            timex=index,
            status="planned" if planned else "reported",
            confidence=confidence,
            when=timex.text,
            label=date_label(value + ("Z" if utc else "")),
            polarity=polarity,
            anchored_on=anchored,
        )
        (dated if place else undated).append(entry)
    dated.sort(key=lambda e: (interval_start(e.date) or "", e.start, e.timex))
    return dated, undated


def build_timeline(
    doc: Doc, timexes: list[TimeExpression], anchor: str | None = None
) -> list[TimelineEntry]:
    """Dated events of the document, sorted by the start of their interval then position."""
    return build_timelines(doc, timexes, anchor)[0]
