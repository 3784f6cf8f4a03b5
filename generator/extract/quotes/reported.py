"""Where the content of a cue is: its clause, its object, its prepositional object, or its line."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.common import SPEECH_VERBS, STATING_VERBS, clause_hung_as_adjunct
from generator.extract.quotes.cues import (
    ACTION_OBJECT_VERBS,
    ADJECTIVE_CUES,
    CLAUSE_VERBS,
    COMMIT_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    PREP_CUES,
    VOICING_VERBS,
    cue_lemma,
    is_agent,
)

XCOMP_VERBS = COMMIT_VERBS | frozenset(
    """want plan intend aim wish decide prefer seek hope expect like love hate refuse threaten
    promise pledge vow offer propose urge ask look plot vote tell claim instruct order advise
    warn remind""".split()
)
"""Lemmas whose infinitive complement is a plan or a demand ('vowed to fight')."""
GERUND_REPORTS = frozenset({"report", "recall", "describe", "mention", "admit", "deny"})
"""Verbs of saying whose gerund complement is what was said ('reported seeing a flash')."""
OBJECT_EXTENSIONS = frozenset({"for", "as", "of", "over", "on"})
"""Prepositions that carry on an object's content ('criticized X for Y', 'described X as Y')."""
NO_OBJECT_SPEECH = frozenset({"say", "tell", "ask", "answer", "add", "continue"})
"""Speech verbs whose object is a listener or a word, not the content ('told reporters', 'said it')."""
NO_SPEECH_OBJECT = frozenset("add continue read maintain threaten charge grant interrupt".split())
"""Verbs of saying whose object is seldom what was said ('added a line', 'maintained a lead')."""
NOUN_PREPS = frozenset(
    {"of", "for", "on", "about", "against", "to", "at", "toward", "towards", "over"}
)
"""Prepositions after a noun cue whose object is the content ('criticism of', 'swipe at')."""
VERB_SIDE_PREPS = frozenset({"with", "at", "toward", "towards", "against", "about", "of", "for"})
"""Prepositions of 'took issue with X', 'took aim at X' that the parser hangs on the verb."""
PLACES_TIMES = frozenset({"DATE", "TIME", "FAC", "GPE", "LOC", "EVENT"})
"""'made the pledge at a rally on Monday': where and when, not what the pledge was about."""
OCCASIONS = frozenset(
    """rally event conference meeting debate hearing summit convention dinner forum fundraiser
    ceremony briefing interview speech session party gathering luncheon breakfast""".split()
)
"""Occasions where something was said: 'at a rally' is no topic."""
HEADLINE_LABELS = frozenset(
    """follow contact email reach update updated editor note photo photos video watch related read more listen correction
    breaking exclusive live opinion analysis transcript caption source sources see also via
    credit credits warning alert look boom wow revealed report reports just""".split()
)
"""Labels before a colon that are not the source of what follows ('Update:', 'Watch:')."""


def span_of(doc: Doc, left: int, right: int) -> Span:
    """Tokens left..right inclusive."""
    return doc[left : right + 1]


def clause_content(verb: Token) -> Span | None:
    """The reported clause: a `that`-clause, an infinitive of a plan, or the clause around 'X said'."""
    doc = verb.doc
    lemma = cue_lemma(verb)
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i and not _quote_frame(child):
            end = _clause_end(child)
            contrast = _contrast_in_speech(verb, end)
            if contrast is not None:
                end = contrast.right_edge.i
            return span_of(doc, child.left_edge.i, end)
    hung = _that_clause_on_adjunct(verb)
    if hung is not None and lemma in SPEECH_VERBS | CLAUSE_VERBS:
        return span_of(doc, hung.left_edge.i, _clause_end(hung))
    if lemma in GERUND_REPORTS:
        # 'users reported being logged out', 'she recalled seeing a flash': the gerund clause
        # is what was reported.
        for child in verb.children:
            first = child.left_edge.i
            if child.dep_ == "xcomp" and first == verb.i + 1 and doc[first].tag_ == "VBG":
                return span_of(doc, first, child.right_edge.i)
    if lemma in XCOMP_VERBS or lemma in OBJECT_VERBS:
        for child in verb.children:
            if child.dep_ != "xcomp" or child.i < verb.i:
                continue
            if lemma not in XCOMP_VERBS and child.tag_ != "VBG":
                continue  # 'supports keeping troops there', not 'praised X to ...'
            if lemma == "look" and not any(g.lower_ == "to" for g in child.children):
                continue  # 'looks to build on', not 'looks tired'
            # 'wants voters to know': the people wanted to act belong to the plan.
            left = child.left_edge.i
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            if obj is not None and lemma not in ("ask", "urge", "call", "encourage", "press"):
                left = min(left, obj.left_edge.i)
            return span_of(doc, left, child.right_edge.i)
    frame = quoted_as_saying(verb)
    if frame is not None and _trailing(frame):
        # 'Locals saw a flash, the government was quoted as saying': the clause before it.
        head = frame.head
        if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            end = _first_word(frame)
            for child in head.children:
                # ', more than 3,600 km east of Moscow,': a noun phrase set off by a comma after
                # the clause is a gloss on a place, not the clause's object.
                left = child.left_edge.i
                if head.i < left < end and child.dep_ in GLOSS_DEPS and doc[left - 1].text == ",":
                    end = left
            return doc[head.left_edge.i : end]
    if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS | CLAUSE_VERBS:
        # 'The economy is strong, he said': the clause before the reporting verb;
        # 'The economy, he said, is strong': the whole clause around it.
        head = verb.head
        vleft = verb.left_edge.i
        stray = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if stray and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
            # 'The combination, say economists, marks ...': the subject before the inverted
            # 'say economists' is the main clause's, hung on the parenthesis by the parser.
            vleft = stray[-1].right_edge.i + 1
        if head.left_edge.i >= vleft:
            return None
        before = doc[vleft - 1] if vleft > 0 else None
        if before is not None and before.is_punct and before.is_quote:
            return None  # '"...," Trump said': the quote before it is the content
        if head.right_edge.i > verb.right_edge.i + 1:
            return span_of(doc, head.left_edge.i, head.right_edge.i)
        return doc[_after_fronted_frame(head) : vleft]
    stolen = stolen_complement(verb)
    if stolen is not None and lemma in SPEECH_VERBS | CLAUSE_VERBS:
        # 'The envoys are Ann Lee and Tom Hart, who fled, the aide told the agency': the
        # clause runs on to the comma before the speaker set off after it.
        clause, source = stolen
        return doc[clause.left_edge.i : source.left_edge.i - 1]
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i and lemma in SPEECH_VERBS | CLAUSE_VERBS:
            return span_of(doc, _after_fronted_frame(child), child.right_edge.i)
    misparsed = _main_clause_taken_for_adjunct(verb)
    if misparsed is not None and lemma in SPEECH_VERBS | CLAUSE_VERBS:
        return span_of(doc, _after_fronted_frame(misparsed), misparsed.right_edge.i)
    if (
        verb.dep_ == "advcl"
        and lemma in SPEECH_VERBS | CLAUSE_VERBS
        and (lemma == "add" or lemma not in NO_SPEECH_OBJECT)
        and _as_clause(verb)
    ):
        # 'As Comey noted, the aides could still be punished': the main clause is the claim
        # ('as the talks continue, ...' and 'as the law reads' are no reporting clause).
        head = verb.head
        left, right = verb.left_edge.i, verb.right_edge.i
        if left <= head.left_edge.i:
            return span_of(doc, right + 1, head.right_edge.i)
        if right >= head.right_edge.i:
            return doc[head.left_edge.i : left]
        return span_of(doc, head.left_edge.i, head.right_edge.i)
    return None


def _main_clause_taken_for_adjunct(verb: Token) -> Token | None:
    """The reported clause the parser hung on a trailing reporting verb as an adjunct (see
    `clause_hung_as_adjunct`), when the verb reports nothing after itself."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    return clause_hung_as_adjunct(verb)


def stolen_complement(verb: Token) -> tuple[Token, Token] | None:
    """A copular clause reported before `verb` whose complement the parser took for the
    reporting verb's subject ('The envoys are [Ann Lee], ..., the aide told the agency'), with
    the real speaker: the noun phrase set off by a comma right before the verb.

    A copula with nothing after it is no clause; the noun right after it is its complement, and
    the subject of a trailing reporting clause is the phrase next to the verb.
    """
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if subject is None or clause is None or clause.lemma_ != "be":
        return None
    if subject.left_edge.i != clause.i + 1 or any(c.i > clause.i for c in clause.children):
        return None
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for tok in doc[subject.i : verb.i - 1]:
        if (
            tok.dep_ == "appos"
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.right_edge.i == verb.i - 2
            and doc[tok.left_edge.i - 1].text == ","
        ):
            return clause, tok
    return None


def _after_fronted_frame(clause: Token) -> int:
    """Where a clause reported before its reporting clause starts, past a fronted participial
    frame ('Raising fears of a strike, the union left the talks, his aide said').

    A participle clause with no subject and no conjunction of its own, set off by a comma before
    the clause's subject, is the writer's framing of the event: the trailing reporting clause
    vouches for the event, not for the writer's reading of it.
    """
    doc = clause.doc
    left = clause.left_edge.i
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for child in clause.children:
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.left_edge.i == left
            and child.i == left
            and subject is not None
            and child.right_edge.i < subject.left_edge.i
            and child.right_edge.i + 1 < len(doc)
            and doc[child.right_edge.i + 1].text == ","
            and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in child.children)
        ):
            return child.right_edge.i + 2
    return left


PLAIN_REPORTING = frozenset({"say", "tell", "add", "explain", "note", "write"})
"""Neutral verbs of saying; with 'claim' or 'allege' a 'but' clause is often the writer's reply."""
POINTING_BACK = frozenset({"that", "this", "it", "which", "these", "those"})
"""Subjects that point back at what was said ('but that is unproven')."""


def _that_clause_on_adjunct(verb: Token) -> Token | None:
    """'have warned for decades that a water shortage is coming': a that-clause the parser hung
    on the noun of an adjunct right after the verb ('for years', 'on Monday') is the verb's."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.i > verb.i + 2:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for clause in obj.children:
                mark = clause.doc[clause.left_edge.i]
                if (
                    clause.dep_ in ("acl", "ccomp")
                    and mark.dep_ == "mark"
                    and mark.lower_ == "that"
                ):
                    return clause
    return None


def quoted_as_saying(verb: Token) -> Token | None:
    """The passive 'quote' of 'X was quoted as saying', when `verb` is its 'saying'."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.i == prep.i:
        return None
    frame = prep.head
    passive = any(c.dep_ == "nsubjpass" for c in frame.children)
    return frame if frame.lemma_.lower() == "quote" and passive else None


GLOSS_DEPS = frozenset({"dobj", "npadvmod", "appos", "attr"})
"""Noun phrases a parser may hang on a verb after a comma."""


def _quote_frame(verb: Token) -> bool:
    """'X was quoted as saying' (the passive 'quote' with its 'as saying')."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(quoted_as_saying(g) for g in c.children)
        for c in verb.children
    )


def _trailing(frame: Token) -> bool:
    """A reporting frame after the clause it reports, set off by a comma ('A, X was quoted as
    saying'), whatever the parser hung it on."""
    doc = frame.doc
    left = _first_word(frame)
    return (
        frame.dep_ in ("conj", "parataxis", "ccomp")
        and frame.head.i < frame.i
        and left > 0
        and doc[left - 1].text == ","
    )


def _first_word(clause: Token) -> int:
    """The first token of a clause that is not punctuation (a parser may hang the comma on it)."""
    doc = clause.doc
    left = clause.left_edge.i
    while left < clause.i and doc[left].is_punct:
        left += 1
    return left


def _contrast_in_speech(verb: Token, end: int) -> Token | None:
    """'He says A, but B': a 'but' clause the parser hangs on the reporting verb, with a subject
    of its own and no reporting verb of its own, right after the reported clause, carries on
    what is said (the speaker sets B against A); one statement, one quote."""
    doc = verb.doc
    if cue_lemma(verb) not in PLAIN_REPORTING:
        return None  # 'claims A, but that is unproven': the writer answers a claim
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= end or conj.pos_ not in ("VERB", "AUX"):
            continue
        cc = next((c for c in verb.children if c.dep_ == "cc" and end < c.i < conj.i), None)
        if cc is None or cc.lower_ != "but":
            continue
        if any(not (t.is_punct or t.i == cc.i) for t in doc[end + 1 : conj.left_edge.i]):
            continue
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in POINTING_BACK:
            continue  # 'but that is unproven': the writer's word on what was said
        if any(cue_lemma(t) in SPEECH_VERBS for t in conj.subtree if t.pos_ == "VERB"):
            continue
        return conj
    return None


def _as_clause(verb: Token) -> bool:
    """'as he said', 'as the report noted': a reporting clause opened by 'as', with no object."""
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ != "as" or mark.i != verb.left_edge.i:
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # 'as reported by X' names a relay; 'as expected' names no one
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in verb.children)


def coordinated_cue(verb: Token) -> bool:
    """'said X, and urged Y': a second cue verb the parser hung inside the first one's clause."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.dep_ == "ccomp"
        and cue_lemma(verb) in SPEECH_VERBS
        and cue_lemma(verb) not in NO_OBJECT_SPEECH
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.head.children)
    )


def _clause_end(clause: Token) -> int:
    """Last token of a reported clause, before any cue verb coordinated with the reporting verb.

    'said that A and that B' keeps both clauses: annotators mark them as one content.
    """
    end = clause.right_edge.i
    for child in clause.children:
        if child.i > clause.i and coordinated_cue(child):
            end = min(end, child.left_edge.i - 1)
    doc = clause.doc
    while end > clause.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
        end -= 1
    return end


def passive_content(verb: Token) -> Span | None:
    """'The plan was endorsed by the union': the passive subject is what the agent holds a view on."""
    lemma = cue_lemma(verb)
    if lemma not in OBJECT_VERBS and lemma not in SPEECH_VERBS:
        return None
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return span_of(verb.doc, subj.left_edge.i, subj.right_edge.i)


def object_content(verb: Token) -> Span | None:
    """The direct object of a verb of judgment or communication, with its 'for'/'as' complement."""
    doc = verb.doc
    lemma = cue_lemma(verb)
    stance = lemma in OBJECT_VERBS or lemma in ACTION_OBJECT_VERBS
    if not stance and lemma not in SPEECH_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    if not stance and (lemma in NO_SPEECH_OBJECT or _addressee(obj)):
        return None  # 'told reporters', 'asked him': the object of a verb of saying is its listener
    if lemma not in OBJECT_VERBS and lemma in VOICING_VERBS and noun_content(obj) is not None:
        # 'voiced concern that jobs would go': the noun is the cue, its clause the content.
        return None
    if obj.pos_ == "PRON" and obj.lower_ not in ("what", "whatever"):
        # A bare pronoun ('praised him') says nothing a reader could use, unless more follows.
        if not _has_complement(verb, obj):
            return None
    right = obj.right_edge.i
    for child in verb.children:
        if child.i <= obj.i:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp") or (
            child.dep_ == "prep" and child.lower_ in OBJECT_EXTENSIONS and not _when_where(child)
        ):
            right = max(right, child.right_edge.i)
    return span_of(doc, obj.left_edge.i, right)


def _when_where(prep: Token) -> bool:
    """'on Sunday', 'on the campaign trail in Iowa': a time or a place, not part of the content."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in PLACES_TIMES


def _addressee(obj: Token) -> bool:
    """Whether the object of a verb of saying is a person or a body spoken to."""
    if obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return is_agent(obj, None)


def _has_complement(verb: Token, obj: Token) -> bool:
    return any(
        c.i > obj.i
        and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in OBJECT_EXTENSIONS))
        for c in verb.children
    )


OPPOSING_PREPS = frozenset({"against"})
"""Prepositions that turn the stance against their object: kept at the head of the content."""


def prep_content(cue: Token) -> Span | None:
    """'called for a ceasefire', 'referred to the report': the object of the cue's preposition."""
    preps = PREP_CUES.get(cue_lemma(cue))
    if not preps:
        return None
    doc = cue.doc
    for child in cue.children:
        if child.dep_ not in ("prep", "prt") or child.lower_ not in preps:
            continue
        if child.i > cue.i + 3:
            continue
        holder = child
        if child.dep_ == "prt":
            # 'speak out against X', 'weigh in on X': the object hangs off the next preposition.
            prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > child.i), None)
            if prep is None:
                continue
            holder = prep
        obj = next((g for g in holder.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.pos_ == "PRON" and obj.lower_ not in ("what", "whatever", "how"):
            continue
        if holder.lower_ in OPPOSING_PREPS:
            # 'warned against making a deal': the preposition carries the stance; without it
            # the content would say the opposite ('warned: making a deal').
            return span_of(doc, holder.i, obj.right_edge.i)
        return span_of(doc, obj.left_edge.i, obj.right_edge.i)
    for child in cue.children:
        # 'called for the United States to step up': a 'for ... to' clause.
        if child.dep_ in ("advcl", "ccomp") and child.i > cue.i:
            mark = next((g for g in child.children if g.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in preps and mark.i == child.left_edge.i:
                return span_of(doc, mark.i + 1, child.right_edge.i)
    return None


def adjective_content(adj: Token) -> Span | None:
    """'is critical of the plan', 'was confident that he would win': the adjective's object or clause."""
    preps = ADJECTIVE_CUES.get(adj.lower_)
    if preps is None or adj.dep_ not in ("acomp", "oprd"):
        return None
    doc = adj.doc
    for child in adj.children:
        if child.i < adj.i:
            continue
        if child.dep_ in ("ccomp", "xcomp"):
            return span_of(doc, child.left_edge.i, child.right_edge.i)
        if child.dep_ == "prep" and child.lower_ in preps and child.i <= adj.i + 2:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.pos_ != "PRON":
                return span_of(doc, obj.left_edge.i, obj.right_edge.i)
    return None


def noun_content(noun: Token) -> Span | None:
    """'his claim that ...', 'her plan to ...', 'their criticism of X': the clause or object of a noun cue."""
    if cue_lemma(noun) not in NOUN_CUES or noun.pos_ != "NOUN":
        return None
    doc = noun.doc
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl", "appos") and child.i > noun.i:
            mark = next((g for g in child.children if g.dep_ in ("mark", "aux")), None)
            if mark is not None and mark.lower_ in ("that", "to") and mark.i == child.left_edge.i:
                return span_of(doc, child.left_edge.i, child.right_edge.i)
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS:
            if child.i != noun.i + 1:
                continue
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.pos_ != "PRON":
                return span_of(doc, obj.left_edge.i, obj.right_edge.i)
    verb = noun.head
    if noun.dep_ == "dobj" and cue_lemma(verb) in VOICING_VERBS:
        # 'took issue with X', 'took aim at X': the parser hangs the preposition on the verb.
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in VERB_SIDE_PREPS:
                if child.i != noun.right_edge.i + 1:
                    continue
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.pos_ == "PRON" or obj.ent_type_ in PLACES_TIMES:
                    continue
                if obj.lemma_.lower() not in OCCASIONS:
                    return span_of(doc, obj.left_edge.i, obj.right_edge.i)
    return None


def noun_source(noun: Token) -> Token | None:
    """Who holds a noun cue: its possessor ('Trump's claim'), or the subject of 'voiced concern'."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    head = noun.head
    if poss is not None and poss.pos_ == "PRON":
        # 'She escalated her attacks on X': the subject that the possessive points back to.
        verb = head.head if head.dep_ == "prep" else head
        if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    if poss is not None:
        return poss
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and cue_lemma(head) in VOICING_VERBS:
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def headline_source(line: Span) -> tuple[Span, Token] | None:
    """'Senator: We will not back down' — a short name before a colon opening a line, and the colon."""
    colon = next((t for t in line[:8] if t.text == ":"), None)
    if colon is None or colon.i == line.start or colon.i + 1 >= line.end:
        return None
    source = line.doc[line.start : colon.i]
    words = [t for t in source if not t.is_punct]
    if not words or len(words) > 6 or not source[0].text[:1].isupper():
        return None
    if len(words) == 1 and len(words[0].text) == 1:
        return None  # 'Q:' and 'A:' label the turns of an interview
    if any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in words):
        return None
    if any(t.lower_ in HEADLINE_LABELS for t in words):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    rest = line.doc[colon.i + 1 : line.end]
    # The claim after the colon is a statement: a few words with a verb, not a figure or a title.
    if sum(1 for t in rest if t.is_alpha) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY") for t in words):
        return None
    return source, colon


def cut_asides(content: Span) -> Span:
    """The content up to a ', he said,' aside that reports someone's words of its own.

    Asides with a verb of thought or judgment (', whom he called a liar') stay in the content:
    annotators keep them inside the claim they belong to.
    """
    doc = content.doc
    for tok in content:
        if _quote_frame(tok) and _trailing(tok) and _first_word(tok) > content.start:
            return doc[content.start : _first_word(tok) - 1]  # ', X was quoted as saying'
        if tok.dep_ not in ("relcl", "acl", "advcl") or tok.left_edge.i <= content.start:
            continue
        left = tok.left_edge.i
        if _contrasted_saying(tok):
            # 'claimed X would pay for itself even as the Budget Office estimated Y': the
            # writer sets another source's words against the claim; they are not part of it.
            return doc[content.start : left]
        if doc[left - 1].text not in (",", "\u2014", "\u2013", "-", "("):
            continue
        if any(
            t.pos_ == "VERB" and cue_lemma(t) in SPEECH_VERBS
            for t in doc[left : tok.right_edge.i + 1]
        ):
            return doc[content.start : left - 1]
    return content


def _contrasted_saying(clause: Token) -> bool:
    """An adverbial clause ('even as X said', 'while X argued') whose own verb reports
    someone's words, with its own subject."""
    if clause.dep_ != "advcl" or clause.pos_ != "VERB":
        return False
    if cue_lemma(clause) not in SPEECH_VERBS | STATING_VERBS:
        return False
    marked = any(c.dep_ == "mark" for c in clause.children)
    return marked and any(c.dep_ == "nsubj" for c in clause.children)
