"""Quotes: direct, partial and indirect attributions, with cue, speaker and relaying outlet.

Attributions are collected as pieces (a quoted passage, a reported clause, an object of a verb of
judgment), then pieces that share a cue become one attribution ('"A," she said, "B."'), a quote
that carries on without a cue of its own joins the quote before it, and an attribution whose cue
lies inside another one's content is left out (it is part of what the outer source said).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.common import (
    QUOTE_PAIRS,
    SPEAKING_VERBS,
    SPEECH_VERBS,
    doc_text,
    quote_regions,
    token_span,
    trim_span,
)
from generator.extract.quotes.acts import (
    NAMING_VERBS,
    WEAK_SAYING,
    cue_polarity,
    hypothetical,
    is_saying,
)
from generator.extract.quotes.cues import (
    CLAUSE_VERBS,
    NOT_CUES,
    OBJECT_VERBS,
    PREP_CUES,
    THOUGHT_VERBS,
    cue_lemma,
    is_agent,
    is_document,
    is_speech,
)
from generator.extract.quotes.headlines import headline_pieces
from generator.extract.quotes.nonspeech import reports_no_speech
from generator.extract.quotes.pieces import Piece, continue_quotes, merge_by_cue, outermost
from generator.extract.quotes.reported import (
    XCOMP_VERBS,
    adjective_content,
    clause_content,
    cut_asides,
    headline_source,
    noun_content,
    noun_source,
    object_content,
    passive_content,
    prep_content,
)
from generator.extract.quotes.speakers import (
    actor_index,
    previous_subject,
    relays,
    source_token,
    span_speaker,
    speaker_of,
    subject_of,
    via,
)
from generator.extract.quotes.trust import speaker_confidence
from generator.extract.quotes.unsourced import impression_content
from generator.model import Actor, Quote, QuoteKind, Speaker
from generator.model import Span as TextSpan

CLOSING_MARKS = frozenset(QUOTE_PAIRS.values()) | {"'"}
BOUNDARY_CHARS = frozenset(",:;—–-([.?!…")
"""A quote mark after one of these (or at a line start) opens a quote of whole sentences."""
CONTENT_TRIM = " \t\r\n,;:."
MARKUP = re.compile(r"</?[a-z][a-z-]*[\s>=/]|href=")
"""Left-over HTML in scraped text ('<tweet ...>'): never part of an attribution."""
PRO_FORMS = frozenset({"as", "much", "so", "it", "this", "that", "the", "same", "otherwise"})
"""Words that stand for something said elsewhere ('admitted as much', 'said so', 'said the same')."""
WEAK_SUBJECTS = frozenset({"it", "this", "that", "there", "which", "what"})
"""Subjects that do not hold a belief or a stance ('it shows', 'this means')."""


def extract_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """Quotes of the document, speakers resolved to `actors` where possible."""
    actor_at = actor_index(actors)
    text = doc_text(doc)
    pieces: list[Piece] = []
    regions = quote_regions(text)
    quoted = bytearray(len(doc))
    for start, end, _mark in regions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            quoted[span.start : span.end] = b"\x01" * len(span)
    for start, end, _mark in regions:
        piece = _quoted(doc, start, end, actor_at, quoted)
        if piece is not None:
            pieces.append(piece)
    for tok in doc:
        pieces.extend(_reported(tok, actor_at, quoted))
    pieces.extend(_according_to(doc, actor_at))
    pieces.extend(_headlines(doc, actor_at))
    pieces.extend(headline_pieces(doc, actor_at, {p.cue.start for p in pieces if p.cue}))
    # A reported belief or stance is no quote; left out before nesting is decided, it cannot
    # hide an act of saying inside it ('she believes he said ...').
    pieces = [p for p in pieces if p.kind != "indirect" or _saying_piece(doc, p)]
    merged = continue_quotes(outermost(merge_by_cue(pieces)), text)
    kept = outermost(merged)
    found_relays = relays(doc, actor_at)
    by_id = {a.id: a for a in actors}
    quotes = []
    for piece in kept:
        if piece.kind == "partial" and piece.cue is None and piece.speaker is None:
            continue  # a scare-quoted word with no one saying it is not a quote
        cue_tok = _cue_token(doc, piece.cue)
        polarity = cue_polarity(cue_tok) if cue_tok is not None else "affirmative"
        if not is_saying(piece.rule, piece.kind, cue_tok, polarity):
            continue  # a belief, a wish, a stance or an impression: not words said
        if piece.kind != "direct" and cue_tok is not None and polarity == "affirmative":
            if hypothetical(cue_tok):
                # 'will announce', 'could say': words not (yet) said. Whole sentences in quote
                # marks are on record even so (remarks released before they are delivered).
                continue
        if not _says_something(doc, piece, cue_tok):
            continue
        if (
            piece.kind != "direct"
            and cue_tok is not None
            and reports_no_speech(doc, piece, cue_tok)
        ):
            continue  # an idiom, narration, a deed, a request for an action, a topic
        speaker = piece.speaker
        if speaker is not None and piece.kind != "indirect" and _covers(piece, speaker.start):
            speaker = None  # someone named inside the quote does not say it
        speaker, confidence = speaker_confidence(
            doc, speaker, piece.carried, by_id, quoted, (piece.start, piece.end)
        )
        if piece.kind != "direct" and _writer_aside(text, piece.start, piece.end):
            # 'sold its oldest boats (a poor bargain, in my view)': the writer's words are
            # mixed into the reported ones; whose words are whose is no longer sure.
            confidence = min(confidence, MIXED_VOICE)
        if speaker is None and piece.kind != "direct" and not _source_withheld(cue_tok):
            # Reported words with no one reporting them are no quote: the parse lost the
            # speaker, or no one says them ('Painted on the Back of the Sky'). Only an
            # agentless passive ('we're told', 'it was said') withholds a source on purpose.
            continue
        quotes.append(
            Quote(
                kind=piece.kind,
                text=text[piece.start : piece.end],
                start=piece.start,
                end=piece.end,
                cue=piece.cue,
                speaker=speaker,
                via=via(doc, piece.sent, found_relays),
                parts=_parts(piece, text),
                polarity=polarity,
                confidence=confidence,
            )
        )
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


MIXED_VOICE = 0.7
"""Confidence cap of reported words with the writer's own aside inside them."""
WRITER_ASIDE = re.compile(
    r"\([^()\u201c\u201d\"]*\b(?:I|[Mm]y|[Mm]e|[Mm]ine)\b[^()\u201c\u201d\"]*\)"
)
"""A bracketed aside in the first person singular, no quote marks inside ('(a poor bargain, in my view)')."""


def _writer_aside(text: str, start: int, end: int) -> bool:
    """Whether reported (not quoted) words hold a bracketed aside in which the writer speaks."""
    return WRITER_ASIDE.search(text, start, end) is not None


def _source_withheld(cue: Token | None) -> bool:
    """An agentless passive of saying ('we're told', 'it is said', 'was described as'): the
    writer leaves the source out, so the words are reported with the speaker unclear."""
    if cue is None or cue.pos_ not in ("VERB", "AUX"):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)
    return passive and not any(c.dep_ == "agent" for c in cue.children)


def _saying_piece(doc: Doc, piece: Piece) -> bool:
    cue = _cue_token(doc, piece.cue)
    polarity = cue_polarity(cue) if cue is not None else "affirmative"
    if is_saying(piece.rule, piece.kind, cue, polarity):
        return True
    # 'called the talks a "disaster"': a verb of naming whose complement holds someone's own
    # words in quote marks reports what they said; without quote marks it is a description.
    if cue is not None and cue_lemma(cue) in NAMING_VERBS:
        words = doc_text(doc)[piece.start : piece.end]
        return any(mark in words for mark in QUOTE_PAIRS)
    return False


def _cue_token(doc: Doc, cue: TextSpan | None) -> Token | None:
    """The head word of a cue ('said', 'according' of 'according to', the noun of 'his claim')."""
    if cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0] if len(span) > 1 and span[0].lower_ == "according" else span.root


COMMISSIVES = frozenset({"threaten", "promise", "vow", "pledge"})
"""Verbs that are acts of saying only with someone making the promise or threat."""
PLAIN_SAYING = SPEAKING_VERBS | {"add", "reply", "answer", "respond", "shout", "yell", "ask"}
"""'"Never again," she said': a short quote with a plain verb of saying is words said."""
TERM_WORDS = 4
"""Fewer words than this in quote marks, with no verb or after a verb of naming, are a term."""
WRITER_PRONOUNS = frozenset({"i", "we"})
"""Outside quote marks, the writer speaking: narration, not a quote."""


def _says_something(doc: Doc, piece: Piece, cue: Token | None) -> bool:
    """Whether the piece reports words a source said: a term in quote marks is none, nor the
    writer's own 'I argue'; a reported clause holds a verb ('But Lyra' left of a parenthetical
    'he said' is no claim); a verb that reports speech only with a speaker ('suggests',
    'estimates', 'points out') needs one, or it reports what data or evidence show."""
    content = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    if content is None:
        return False
    words = sum(1 for t in content if t.is_alpha)
    said = cue is not None and cue_lemma(cue) in PLAIN_SAYING
    if piece.kind == "direct" and len(piece.parts) < 2 and words < TERM_WORDS and not said:
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            return False  # '"ACV"', '"rewilding"': a term in quote marks, not an utterance
    if piece.kind == "direct" and words < TERM_WORDS and _modifies_a_noun(doc, piece):
        return False  # '"Lantern" director Ana Mirel said': a title before a noun
    if piece.kind == "direct" and len(piece.parts) < 2 and _epithet(content):
        return False  # 'Halvorsen, "the father of tides," began ...': a name for him
    if piece.kind == "partial" and cue is not None and cue_lemma(cue) in NAMING_VERBS:
        if words < TERM_WORDS:
            return False  # 'what I call the "attention tax"': a name for a thing
    if piece.speaker is not None and piece.kind != "direct":
        if piece.speaker.text.lower() in WRITER_PRONOUNS:
            return False  # 'I would argue that ...': the writer's own voice, not a source's
    if piece.kind != "indirect" or not piece.rule.startswith("clause/"):
        return True
    if cue is not None and cue_lemma(cue) in COMMISSIVES and piece.speaker is not None:
        source = doc.char_span(piece.speaker.start, piece.speaker.end, alignment_mode="expand")
        if piece.speaker.actor is None and source is not None and not is_agent(source.root, None):
            return False  # 'the assault threatened to upset ...': a risk, not a threat someone made
    if not any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    if cue is not None and cue_lemma(cue) in WEAK_SAYING:
        return piece.speaker is not None and _puts_forward(doc, piece.speaker)
    return True


EVIDENCE_NOUNS = frozenset(
    """poll survey average ranking study tally count census forecast projection estimate model
    data research analysis result results figure figures number numbers evidence finding findings footage experience
    surge rise fall drop increase decline trend pattern""".split()
)
"""What shows rather than says: 'the data suggests', 'the surge indicated'."""


def _puts_forward(doc: Doc, speaker: Speaker) -> bool:
    """Whether the subject of 'suggests', 'points out', 'reveals' is someone putting a claim
    forward (a named actor, a person or a body, a text such as a report) rather than data or an
    event that merely shows it ('the data suggests', 'the opener suggests')."""
    if speaker.actor is not None:
        return True
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    lower, lemma = head.lower_, head.lemma_.lower()
    if lemma in EVIDENCE_NOUNS or lower in EVIDENCE_NOUNS:
        return False
    return is_agent(head, None) or is_document(head)


def _epithet(content: Span) -> bool:
    """Quoted words with no verb, set off by commas right after a name ('Lorenz, "the father
    of chaos," started'): an epithet in apposition, not words the person said."""
    doc = content.doc
    if any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    i = content.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 1 or doc[i].text != "," or doc[i - 1].pos_ not in ("PROPN", "NOUN"):
        return False
    j = content.end
    while j < len(doc) and doc[j].is_quote:
        j += 1
    closing = content[-1].text == "," or j < len(doc) and doc[j].text == ","
    return closing and j < len(doc) and not doc[j].is_sent_start


def _modifies_a_noun(doc: Doc, piece: Piece) -> bool:
    """Quoted words with no closing punctuation, followed straight by a word: a title or a name
    used as a modifier ('the "Parasite" director'), not an utterance."""
    text = doc_text(doc)
    if text[piece.start : piece.end].rstrip()[-1:] in ",.!?;:\u2026":
        return False
    i = piece.end
    while i < len(text) and (text[i] in CLOSING_MARKS or text[i] == " "):
        i += 1
    return i < len(text) and text[i].isalpha()


def _covers(piece: Piece, offset: int) -> bool:
    """Whether `offset` lies inside the words of the quote (its quoted parts, for a direct one)."""
    return any(a <= offset < b for a, b in piece.parts or [(piece.start, piece.end)])


def _parts(piece: Piece, text: str) -> list[TextSpan]:
    """The quoted passages of a direct quote interrupted by its reporting clause or a paragraph break."""
    if piece.kind != "direct" or len(piece.parts) < 2:
        return []
    return [TextSpan(text=text[a:b], start=a, end=b) for a, b in piece.parts]


# --- quoted passages ---------------------------------------------------------------------


def _quoted(
    doc: Doc, start: int, end: int, actor_at: dict[int, Actor], quoted: bytearray
) -> Piece | None:
    """A passage inside quote marks, with the reporting verb of its sentence."""
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    s, e = trim_span(doc, start, end, " \t\r\n")
    if s >= e:
        return None
    kind = _quote_kind(doc, span, start)
    cue = _quote_cue(span, kind, quoted)
    if _names_something(span, cue, quoted):
        return None  # 'his memoir, "Quiet Waters,"', 'Robert "Bobby" Scott': a title or a name
    speaker = speaker_of(cue, actor_at) if cue is not None else None
    name = _noun_tagged_verb(cue) if cue is not None and speaker is None else None
    if name is not None:
        speaker = span_speaker(name, actor_at)
    cue_span = token_span(cue) if cue is not None else None
    if cue is None:
        colon = _colon_source(span, actor_at)
        if colon is not None:
            cue_span, speaker = colon
    sent = doc[span.start].sent
    carried = False
    if speaker is None and cue_span is None and kind == "direct":
        speaker = previous_subject(doc, sent, actor_at)
        carried = speaker is not None
    open_end = end < len(text) and text[end] not in CLOSING_MARKS
    return Piece(
        kind=kind,
        start=s,
        end=e,
        sent=sent,
        cue=cue_span,
        speaker=speaker,
        open_end=open_end,
        parts=[(s, e)],
        rule=f"quote/{kind}",
        carried=carried,
    )


TITLE_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as vs via is that who which".split()
)
"""Words a title leaves in lower case ('A Time for Truth')."""


NAMING_DEPS = frozenset({"appos", "compound", "nmod", "poss", "npadvmod"})
"""Slots of a name inside a noun phrase: 'his memoir, "Quiet Waters,"', '"Daily Show" host'."""


def _names_something(span: Span, cue: Token | None, quoted: bytearray) -> bool:
    """A quoted title or nickname standing beside a noun, in a sentence that is not a headline."""
    noun = _noun_before(span)
    if noun is not None and noun.lemma_.lower() in WORK_NOUNS:
        return True  # 'The article "Are elections headed to a recount?"': its title, any case
    if not _title_case(span) or span.text.rstrip().endswith(("!", "?")):
        return False
    if _title_case(span.sent):
        return False  # a headline capitalises every word, its quotes included
    if cue is None or noun is not None:
        return True
    if _adjacent_cue(span, quoted) is not None:
        return False
    return span.root.dep_ in NAMING_DEPS or _after_noun_and_comma(span)


WORK_NOUNS = frozenset(
    """article book story column essay headline film movie song show series album novel memoir
    poem play piece editorial op-ed documentary podcast episode""".split()
)
"""Works whose title follows them in quote marks ('the article "Are we headed to a recount?"')."""


def _noun_before(span: Span) -> Token | None:
    """'In her book "Salt: A History," she wrote': the common noun right before the quote marks,
    with no punctuation between, that the quoted words name."""
    i = span.start - 1
    doc = span.doc
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i >= 0 and i < span.start - 1 and doc[i].pos_ == "NOUN" and doc[i].tag_ == "NN":
        return doc[i]
    return None


def _after_noun_and_comma(span: Span) -> bool:
    """'her memoir, "Salt and Iron,"': the quote stands in apposition to the noun before it."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    return i >= 1 and doc[i].text == "," and doc[i - 1].pos_ in ("NOUN", "PROPN")


def _title_case(span: Span) -> bool:
    """A few words with every content word capitalised: a book, a show, a slogan or a nickname
    ('A Time for Truth'; with a subtitle after a colon, each part: 'Salt: A History of Us')."""
    colon = next((t.i for t in span if t.text == ":"), None)
    if colon is not None and span.start < colon < span.end - 1:
        doc = span.doc
        return _title_case(doc[span.start : colon]) and _title_case(doc[colon + 1 : span.end])
    words = [t for t in span if t.is_alpha or t.like_num]
    if not words or len(words) > (8 if len(span) < 20 else 40):
        return False
    content = [t for t in words if t.lower_ not in TITLE_SMALL_WORDS or t.i == words[0].i]
    return all(t.text[:1].isupper() or t.like_num for t in content)


def _quote_kind(doc: Doc, span: Span, start: int) -> QuoteKind:
    """Direct when the marks enclose whole sentences; partial when a few quoted words sit in a clause."""
    text = doc_text(doc)
    i = start - 2
    while i >= 0 and (text[i] in " \t" or text[i] == "'" and text[i + 1] == "'"):
        i -= 1  # spaces, and the first half of a ''doubled'' mark
    before = text[i] if i >= 0 else "\n"
    if before == "\n" or before in BOUNDARY_CHARS or before in QUOTE_PAIRS:
        return "direct"
    words = sum(1 for t in span if t.is_alpha)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    if has_verb and words >= 6 and text[start : start + 1].isupper():
        return "direct"  # 'He said "We will ..."' without a comma
    return "partial"


def _quote_cue(span: Span, kind: str, quoted: bytearray) -> Token | None:
    """The reporting verb outside the quote that the quote belongs to."""
    doc = span.doc
    first, last = doc[span.start].sent, doc[span.end - 1].sent
    lo, hi = first.start, last.end
    close = span.end
    while close < len(doc) and doc[close].is_punct and close - span.end < 3:
        close += 1
    if close >= hi and hi < len(doc) and "\n" not in doc[hi - 1].whitespace_:
        # '"... ?" he asked.' split into two sentences by the parser.
        nxt = doc[hi].sent
        if len(nxt) <= 15 and (doc[hi].is_lower or doc[hi].pos_ in ("PRON", "PROPN", "DET")):
            hi = nxt.end

    def outside(t: Token) -> bool:
        # Outside this quote and every other one: the reporting clause is the writer's.
        return lo <= t.i < hi and not quoted[t.i]

    adjacent = _adjacent_cue(span, quoted) if kind == "direct" else None
    if adjacent is not None:
        return adjacent

    seen: set[int] = set()
    for tok in span:
        head = tok.head
        steps = 0
        # Up the tree from the quote to the verb it is the complement or object of.
        while outside(head) and steps < 6 and head.i not in seen:
            seen.add(head.i)
            if _can_cue(head, span, kind):
                return head
            if head.head.i == head.i:
                break
            head = head.head
            steps += 1
    for tok in span:
        for child in tok.children:
            if outside(child) and child.dep_ in ("parataxis", "advcl", "ccomp", "conj", "dep"):
                if _can_cue(child, span, kind):
                    return child
    if kind != "direct":
        return None
    after = [t for t in doc[span.end : hi] if is_speech(t) and not quoted[t.i]]
    if after:
        return after[0]
    before = [t for t in doc[lo : span.start] if is_speech(t) and not quoted[t.i]]
    return before[-1] if before else None


def _adjacent_cue(span: Span, quoted: bytearray) -> Token | None:
    """'"...," Trump said' / '"...," said Trump' / 'Trump said: "..."': the clause right beside the quote."""
    doc = span.doc
    last = doc[span.end - 1].sent
    i = span.end
    while i < last.end and doc[i].is_punct and not quoted[i] and i - span.end < 3:
        i += 1
    for verb in doc[i : min(last.end, i + 7)]:
        if quoted[verb.i] or verb.is_punct:
            break
        if not is_speech(verb):
            continue
        subject = subject_of(verb)
        if subject is None:
            break
        # The subject sits between the quote and the verb, or right after the verb.
        if i <= subject.left_edge.i and subject.right_edge.i < verb.i:
            return verb if all(doc[k].i >= subject.left_edge.i for k in range(i, verb.i)) else None
        if subject.i > verb.i and subject.left_edge.i == verb.i + 1 and verb.i == i:
            return verb
        break
    j = span.start - 1
    while j >= 0 and doc[j].is_punct and doc[j].text not in (":", ",") and span.start - j < 3:
        j -= 1
    if j >= 1 and doc[j].text in (":", ",") and not quoted[j - 1]:
        verb = doc[j - 1]
        if is_speech(verb) and subject_of(verb) is not None or _noun_tagged_verb(verb):
            return verb
        if is_speech(verb) and verb.tag_ == "VBN":
            # 'only to be briskly informed: "..."': a passive of telling before the colon is
            # the quote's verb; its subject heard the words, and only a 'by' agent said them.
            return verb
    return None


def _noun_tagged_verb(tok: Token) -> Token | None:
    """'Emery states, "..."' parsed as a noun phrase ('states' a plural noun, or a verb with the
    name as its compound): a verb of saying in the third person right after a name and right
    before the quote; the name is its subject."""
    if tok.tag_ not in ("NNS", "VBZ") or not tok.lower_.endswith("s") or tok.i == 0:
        return None
    if tok.lower_[:-1] not in SPEECH_VERBS and tok.lower_[:-2] not in SPEECH_VERBS:
        return None
    name = tok.doc[tok.i - 1]
    compound = name.dep_ == "compound" and name.head.i == tok.i
    return name if name.pos_ == "PROPN" and compound else None


def _can_cue(verb: Token, span: Span, kind: str) -> bool:
    """A verb of saying, thinking or judging; for a whole quote, any verb right beside it with a subject."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = cue_lemma(verb)
    if lemma in SPEECH_VERBS | CLAUSE_VERBS | OBJECT_VERBS or lemma in PREP_CUES:
        return True
    if kind != "direct" or lemma in NOT_CUES:
        return False
    subject = subject_of(verb)
    if subject is None:
        return False
    doc = verb.doc
    if verb.i >= span.end:
        between = doc[span.end : verb.i]
        # '"...," the judge interrupted' / '"...," interrupted the judge'
        return len(between) <= 6 and all(
            t.is_punct or t.i in range(subject.left_edge.i, subject.right_edge.i + 1)
            for t in between
        )
    between = doc[verb.i + 1 : span.start]
    return (
        len(between) <= 2
        and all(t.is_punct for t in between)
        and any(t.text in (":", ",") for t in between)
    )


def _colon_source(span: Span, actor_at: dict[int, Actor]) -> tuple[TextSpan, Speaker] | None:
    """'Kerry: "By law, ..."' — a quote after a name and a colon that open its line."""
    doc = span.doc
    if span.start < 2:
        return None
    mark = doc[span.start - 1]
    colon = mark if mark.text == ":" else doc[span.start - 2]
    if colon.text != ":":
        return None
    line_start = colon.i
    while (
        line_start > 0 and "\n" not in doc[line_start - 1].whitespace_ and colon.i - line_start < 8
    ):
        line_start -= 1
    found = headline_source(doc[line_start : span.end])
    if found is None:
        return None
    source, colon_tok = found
    return token_span(colon_tok), span_speaker(source.root, actor_at)


# --- reported speech, beliefs and stances -----------------------------------------------


VERB_CONTENT = (("object", object_content), ("prep", prep_content), ("passive", passive_content))
"""Where else a cue verb's content can be, tried in order when it has no reported clause."""


def _reported(tok: Token, actor_at: dict[int, Actor], quoted: bytearray) -> list[Piece]:
    """Attributions cued by `tok` ('said that A and that B' is one claim, as annotators mark it)."""
    piece = _reported_one(tok, actor_at, quoted)
    return [] if piece is None else [piece]


def _reported_one(tok: Token, actor_at: dict[int, Actor], quoted: bytearray) -> Piece | None:
    """An attribution cued by `tok`: a verb with a clause or an object, or a noun like 'claim'."""
    content: Span | None
    impression = impression_content(tok)
    if impression is not None:
        # 'The race seems close': an impression the writer reports, no one named as its source.
        rule, content, source = "impression", impression, None
    elif tok.pos_ in ("VERB", "AUX"):
        lemma = cue_lemma(tok)
        rule, content = "clause", None
        if lemma in CLAUSE_VERBS | XCOMP_VERBS | OBJECT_VERBS:
            content = clause_content(tok)
        for name, find in VERB_CONTENT:
            if content is None:
                rule, content = name, find(tok)
        if content is None:
            return None
        source = source_token(tok)
        if lemma not in SPEECH_VERBS and not (source is None and _unattributed(tok)):
            # A belief or stance needs someone holding it: a person or a body, or a document's finding.
            if source is None or not _holder(source, actor_at):
                return None
    elif tok.pos_ == "ADJ" or tok.tag_ == "VBN" and tok.dep_ == "acomp":
        rule, content = "adjective", adjective_content(tok)
        if content is None:
            return None
        source = source_token(tok.head) if tok.head.i != tok.i else None
        if source is None or not _holder(source, actor_at):
            return None
    elif tok.pos_ == "NOUN":
        rule, content = "noun", noun_content(tok)
        if content is None:
            return None
        source = noun_source(tok)
        if source is None:
            return None
    else:
        return None
    if source is not None and source.lower_ in WEAK_SUBJECTS and source.head.dep_ != "relcl":
        if not (source.lower_ == "it" and cue_lemma(tok) in SPEECH_VERBS):
            return None
    if source is not None and source.lower_ == "you" and tok.sent.text.rstrip().endswith("?"):
        return None  # 'Do you support X?' asks for a view, it reports none
    doc = tok.doc
    content = cut_asides(content)
    if len(content) == 0 or all(t.lower_ in PRO_FORMS or t.is_punct for t in content):
        return None  # 'admitted as much', 'said so': the words said are elsewhere
    if quoted[tok.i] and any(not quoted[t.i] and not t.is_punct for t in content):
        return None  # words inside a quote cannot report the writer's words around it
    start, end = trim_span(doc, content.start_char, content.end_char, CONTENT_TRIM)
    if start >= end or MARKUP.search(doc_text(doc), start, end):
        return None
    speaker = span_speaker(source, actor_at) if source is not None else None
    rule = f"{rule}/{cue_lemma(tok)}"
    return Piece(
        kind="indirect",
        start=start,
        end=end,
        sent=tok.sent,
        cue=token_span(tok),
        speaker=speaker,
        open_end=False,
        parts=[(start, end)],
        rule=rule,
    )


def _unattributed(verb: Token) -> bool:
    """'Trump is expected to win', 'the plan was seen as a failure': a view nobody is named for."""
    if cue_lemma(verb) not in THOUGHT_VERBS:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # 'a year expected to bring record turnout'
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and verb.dep_ in (
        "ROOT",
        "relcl",
        "advcl",
        "conj",
        "ccomp",
    )


def _holder(source: Token, actor_at: dict[int, Actor]) -> bool:
    """Whether a subject can hold a view: a person, a body, or a text ('the ad attacks X')."""
    if source.lower_ in ("who", "that", "which") and source.head.dep_ == "relcl":
        source = source.head.head
    actor = actor_at.get(source.idx)
    if is_agent(source, actor.type if actor is not None else None):
        return True
    return is_document(source)


FINDING_NOUNS = frozenset(
    """poll survey average ranking rankings study tally count census forecast projection
    estimate model data research analysis""".split()
)
"""Sources that report findings: 'Trump leads in the polls' is what the polls say."""


def _according_to(doc: Doc, actor_at: dict[int, Actor]) -> list[Piece]:
    """'..., according to X' and '... in the latest poll': the rest of the clause is X's."""
    found = []
    text = doc_text(doc)
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            prep, rule = doc[tok.i + 1], "according"
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            prep, rule = tok, "finding"
        else:
            continue
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        if rule == "finding" and source.lemma_.lower() not in FINDING_NOUNS:
            continue
        piece = _phrase_piece(tok, source, actor_at)
        if piece is None:
            continue
        if rule == "according" and is_document(source) and _speaks_within(doc, piece):
            continue  # '"...," he said, according to the minutes': the record, not the speaker
        piece.cue = TextSpan(
            text=text[tok.idx : prep.idx + len(prep.text)],
            start=tok.idx,
            end=prep.idx + len(prep.text),
        )
        piece.rule = rule
        found.append(piece)
    return found


def _speaks_within(doc: Doc, piece: Piece) -> bool:
    """Whether the clause holds a reporting verb with its own subject ('he said')."""
    span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    return span is not None and any(
        is_speech(t) and subject_of(t) is not None for t in span if t.pos_ == "VERB"
    )


def _phrase_piece(first: Token, source: Token, actor_at: dict[int, Actor]) -> Piece | None:
    """The clause a source phrase ('according to X', 'in a poll') modifies, without the phrase."""
    doc = first.doc
    sent = first.sent
    phrase_start, phrase_end = first.i, source.right_edge.i + 1
    head = first.head
    while head.dep_ in ("xcomp", "acomp") and head.head.i != head.i:
        head = head.head  # 'continues to lead in the polls': the whole verb phrase
    if head.i != first.i and head.pos_ in ("VERB", "AUX") and sent.start <= head.i < sent.end:
        # The clause the phrase modifies, without the phrase: 'Prices, according to X, rose'.
        left, right = head.left_edge.i, head.right_edge.i + 1
    else:
        left, right = sent.start, sent.end
    after = doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text)
    clause_end = doc[right - 1].idx + len(doc[right - 1].text)
    if phrase_start <= left + 1:
        a, b = after, clause_end  # 'According to X, prices rose'
    elif phrase_end >= right - 1:
        a, b = doc[left].idx, doc[phrase_start].idx  # 'Prices rose, according to X'
    else:
        a, b = doc[left].idx, clause_end  # 'Prices, according to X, rose'
    start, end = trim_span(doc, a, b, CONTENT_TRIM)
    if start >= end:
        return None
    speaker = span_speaker(source, actor_at)
    return Piece(
        kind="indirect",
        start=start,
        end=end,
        sent=sent,
        cue=None,
        speaker=speaker,
        open_end=False,
        parts=[(start, end)],
    )


def _headlines(doc: Doc, actor_at: dict[int, Actor]) -> list[Piece]:
    """'Senator: We will not back down' at the start of a line: the rest of the line is the claim."""
    text = doc_text(doc)
    found = []
    for sent in doc.sents:
        first = sent.start
        if first > 0 and "\n" not in doc[first - 1].whitespace_ and "\n" not in doc[first - 1].text:
            continue
        line_end = text.find("\n", sent.start_char)
        line_end = len(text) if line_end < 0 else line_end
        line = doc.char_span(sent.start_char, line_end, alignment_mode="contract")
        if line is None or len(line) < 4:
            continue
        got = headline_source(line)
        if got is None:
            continue
        source, colon = got
        start, end = trim_span(doc, colon.idx + 1, line_end, CONTENT_TRIM)
        if start >= end or text[start] in QUOTE_PAIRS:
            continue  # a quote after the colon is handled with the quote marks
        speaker = span_speaker(source.root, actor_at)
        if speaker.actor is None and source.root.pos_ == "NOUN" and not is_agent(source.root, None):
            continue  # 'Citation: ...', 'Another mark of its age: ...': a label, not a speaker
        found.append(
            Piece(
                kind="indirect",
                start=start,
                end=end,
                sent=sent,
                cue=token_span(colon),
                speaker=speaker,
                open_end=False,
                parts=[(start, end)],
                rule="line",
            )
        )
    return found
