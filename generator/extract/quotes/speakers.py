"""Speakers of quotes: the source noun phrase of a cue, resolved to an actor, and relaying outlets."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.common import PRONOUNS_PERSON, SPEAKING_VERBS, doc_text
from generator.extract.quotes.cues import is_document
from generator.extract.quotes.reported import coordinated_cue, quoted_as_saying, stolen_complement
from generator.model import Actor, Speaker

RELAY_VERBS = frozenset({"report", "quote", "cite", "carry", "publish", "broadcast"})
SPEAKER_DEPS = ("nsubj", "csubj")
"""Subjects that speak; a passive subject ('he was told', 'it is expected') is spoken to or about."""
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
CLASSIFIER_NOUNS = frozenset({"kind", "sort", "type", "variety", "category", "class"})
"""Nouns of the classifier construction ('the kind of X', 'a sort of X'): they name a kind of
what follows 'of' and say nothing themselves."""
QUANTITY_NOUNS = frozenset(
    "number lot couple handful host dozen majority minority plurality bunch score".split()
)
"""Nouns of quantity ('a number of analysts', 'a majority of voters'): the noun after 'of' is
the head of meaning, the ones who speak."""
GOVERNING_NOUNS = frozenset(
    "government administration council ministry authority authorities police military".split()
)
"""Bodies named by the place or organisation before them ('the Kessra government')."""


def actor_index(actors: list[Actor]) -> dict[int, Actor]:
    """Character offset → the actor with a mention covering it (first actor wins)."""
    index: dict[int, Actor] = {}
    for actor in actors:
        for mention in actor.mentions:
            for i in range(mention.start, mention.end):
                index.setdefault(i, actor)
    return index


def _bare_speaker(tok: Token, actor_at: dict[int, Actor]) -> Speaker:
    """The one word `tok` as the speaker, with the actor whose mention covers it, if any."""
    actor = actor_at.get(tok.idx)
    end = tok.idx + len(tok.text)
    return Speaker(actor=actor.id if actor else None, text=tok.text, start=tok.idx, end=end)


def span_speaker(tok: Token, actor_at: dict[int, Actor]) -> Speaker:
    """A speaker from the noun phrase headed by `tok` (compound names and titles included)."""
    doc = tok.doc
    focus = _cleft_focus(tok)
    if focus is not None:
        tok = focus  # 'It was a wine merchant who told me ...': the merchant told it
    elif tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        # 'the senator, who said ...': the relative pronoun stands for the noun it follows.
        noun = tok.head.head
        actor = actor_at.get(noun.idx)
        if actor is not None:
            end = tok.idx + len(tok.text)
            return Speaker(actor=actor.id, text=tok.text, start=tok.idx, end=end)
        tok = noun
    if tok.lemma_.lower() in CLASSIFIER_NOUNS | QUANTITY_NOUNS and tok.tag_ in ("NN", "NNS"):
        # 'the kinds of bankers who say', 'this sort of critic says': a classifier noun names a
        # kind, and the noun it classifies is the head of meaning, the one who speaks; so does
        # the noun counted by a noun of quantity ('a number of analysts said').
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        classified = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        if classified is not None and classified.pos_ in ("NOUN", "PROPN"):
            tok = classified
            if any(c.dep_ == "compound" and c.tag_ == "NNS" and c.i < tok.i for c in tok.children):
                # 'the sorts of things gardeners say': two plurals side by side are a noun
                # and a contact relative clause's subject, which the parser joins as a compound
                return _bare_speaker(tok, actor_at)
    left = tok.left_edge.i
    while left < tok.i and doc[left].dep_ in ("det", "prep", "punct", "cc", "predet"):
        left += 1
    right = tok.i + 1
    # A possessive name ('Trump's campaign') keeps its head noun; 'X, a former aide,' does not.
    span = doc[left:right]
    actor = actor_at.get(tok.idx)
    if actor is None:
        # 'Vossberg's successor, Almer, said': the apposition names the speaker.
        appos = next((c for c in tok.children if c.dep_ == "appos"), None)
        actor = actor_at.get(appos.idx) if appos is not None else None
    if actor is None and tok.pos_ == "NOUN":
        # 'The leader of Mossa, Karim Belhadj, said': the parser may hang the
        # apposition on the noun of the 'of' phrase; a person named there is the speaker.
        for t in tok.subtree:
            named = actor_at.get(t.idx) if t.dep_ == "appos" and t.i > tok.i else None
            if named is not None and named.type == "person":
                actor = named
                break
    if actor is None and tok.lower_ == "campaign":
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        actor = actor_at.get(owner.idx) if owner is not None else None
    if actor is None and is_document(tok):
        # 'the tweet from Vulture reads', 'an article by X that claimed', 'the report states':
        # a text speaks for whoever issued it, named in its own phrase or where it came up.
        issued = document_issuer(tok, actor_at)
        if issued is not None:
            return issued
    if (actor is None or actor.type == "group") and tok.tag_ == "NNS":
        # 'Lakeside Power officials said', 'the agency's spokesman said': the body speaks through them.
        for child in tok.children:
            body = actor_at.get(child.idx) if child.dep_ == "compound" else None
            if body is not None and body.type == "organization":
                actor = body
                break
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in GOVERNING_NOUNS:
        # 'the Kessra government said': the place or body named in the phrase governs, whatever
        # a coreference link made of the common noun.
        for child in tok.children:
            named = actor_at.get(child.idx) if child.dep_ == "compound" else None
            if named is not None and named.type in ("place", "organization"):
                actor = named
                break
    return Speaker(
        actor=actor.id if actor else None, text=span.text, start=span.start_char, end=span.end_char
    )


ISSUER_PREPS = frozenset({"by", "from"})
"""'a report by X', 'a tweet from X', 'a study released by X': who issued a text."""
ISSUING_VERBS = frozenset(
    "release publish issue write author produce compile prepare post send tweet cite".split()
)
"""Participles that name a text's issuer or relayer ('released by X'); 'seen by', 'obtained by'
name a reader."""
NAME_JOINERS = frozenset({"on", "of", "for", "and", "&", "the"})
"""Small words inside an organisation's name ('Center on Housing and Transport')."""


def document_issuer(tok: Token, actor_at: dict[int, Actor]) -> Speaker | None:
    """The issuer of the text `tok` names: in its own phrase ('the tweet from Vulture', 'X's
    report', 'a report released by X'), or, for a definite 'the report', where the same text
    was first introduced with its issuer earlier in the article. A named actor is the speaker;
    an issuer named only in words (no actor) is the speaker by those words."""
    found = _issuer_in_phrase(tok, actor_at)
    if found is not None:
        issuer, actor = found
        if tok.i < issuer.start:
            # The speaker's words run from the text's noun to its issuer's name.
            left = tok.left_edge.i
            span = tok.doc[left : issuer.end]
            return Speaker(actor=actor.id if actor else None, text=span.text,
                           start=span.start_char, end=span.end_char)  # fmt: skip
        return Speaker(actor=actor.id if actor else None, text=issuer.text,
                       start=issuer.start_char, end=issuer.end_char)  # fmt: skip
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    for earlier in reversed(tok.doc[: tok.left_edge.i]):
        if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
            continue
        found = _issuer_in_phrase(earlier, actor_at)
        if found is None:
            continue
        issuer, actor = found
        if actor is not None:
            # 'The report states': the text introduced earlier by its issuer, a reading.
            return Speaker(actor=actor.id, text=tok.text, start=tok.idx, end=tok.idx + len(tok))
        return Speaker(actor=None, text=issuer.text, start=issuer.start_char, end=issuer.end_char)
    return None


def _issuer_in_phrase(tok: Token, actor_at: dict[int, Actor]) -> tuple[Span, Actor | None] | None:
    """The name that issued the text headed by `tok`: its possessive, or the object of 'by' or
    'from' on it or on a participle describing it ('released by'), with its actor if any."""
    doc = tok.doc
    names: list[Token] = [c for c in tok.children if c.dep_ == "poss"]
    todo = [c for c in tok.children if c.dep_ in ("prep", "acl")]
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ISSUER_PREPS:
        todo.append(doc[tok.i + 1])  # 'shared an article by X': the parser hung 'by' on the verb
    while todo:
        node = todo.pop(0)
        if node.dep_ == "acl" and node.lemma_.lower() not in ISSUING_VERBS:
            continue  # 'a tweet saying ...', 'reports seen by X': not who issued it
        if node.dep_ in ("prep", "agent") and node.lower_ in ISSUER_PREPS:
            names.extend(c for c in node.children if c.dep_ == "pobj")
        elif node.dep_ == "acl":
            todo.extend(c for c in node.children if c.dep_ in ("prep", "agent"))
    for name in names:
        # 'from Vulture magazine': a common noun named by the proper noun before it.
        named = [name, *(c for c in name.children if c.dep_ == "compound")]
        actor = next((actor_at[t.idx] for t in named if t.idx in actor_at), None)
        if actor is None and not any(t.pos_ == "PROPN" for t in named):
            continue  # 'a report by researchers': no one named
        left = name.left_edge.i
        while left < name.i and doc[left].dep_ in ("det", "punct"):
            left += 1
        right = name.i + 1
        # 'Northfield University's Institute for Water Policy': the name's own words.
        while right <= name.right_edge.i and (
            doc[right].pos_ == "PROPN" or doc[right].lower_ in NAME_JOINERS
        ):
            right += 1
        while right > name.i + 1 and doc[right - 1].pos_ != "PROPN":
            right -= 1
        if name.pos_ != "PROPN":
            right = name.i + 1
        return doc[left:right], actor
    return None


def _cleft_focus(tok: Token) -> Token | None:
    """The focus of an it-cleft ('It was X who said ...') when `tok` is its relative pronoun."""
    verb = tok.head
    if tok.lower_ not in ("who", "that") or verb.dep_ not in ("ccomp", "relcl"):
        return None
    be = verb.head if verb.dep_ == "ccomp" else verb.head.head
    if be.lemma_ != "be" or not any(
        c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in be.children
    ):
        return None
    focus = next((c for c in be.children if c.dep_ == "attr" and c.i < tok.i), None)
    if focus is None or focus.pos_ not in ("NOUN", "PROPN"):
        return None
    return focus


def subject_of(verb: Token) -> Token | None:
    """The subject (or passive agent) of `verb` itself, if it has one. A verb has one subject:
    when the parser gives it two ('Green Basket co-founder Tom Reddick said' cut at the hyphen),
    the one right before the verb heads it."""
    subjects = [c for c in verb.children if c.dep_ in SPEAKER_DEPS]
    if len(subjects) > 1 and all(c.i < verb.i for c in subjects):
        return subjects[-1]
    if len(subjects) > 1 and any(c.left_edge.i == verb.i + 1 for c in subjects):
        # 'The combination, say economists, marks ...': the inverted subject right after a
        # parenthetical verb of saying is its own; the one before belongs to the main clause.
        return next(c for c in subjects if c.left_edge.i == verb.i + 1)
    for child in verb.children:
        if child.dep_ in SPEAKER_DEPS:
            return child
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return None


def is_passive(verb: Token) -> bool:
    """'was asked', 'is expected to', 'Asked about it, ...': the subject is not the source."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


#: Prepositions whose gerund takes the main verb's object as its subject (object control):
#: 'thanked the nurses for saying', 'accused the board of saying', 'stopped her from saying',
#: 'warned him against saying', 'pressed them into saying'.
_OBJECT_CONTROL_PREPS = frozenset({"for", "of", "from", "against", "into"})


def _object_control(prep: Token) -> Token | None:
    """The main verb's direct object when a gerund after `prep` is that object's act.

    'Councillors pilloried the mayor for proposing a tax': the mayor proposed it, not the
    councillors. With 'for' the act is taken as done (one is thanked or blamed for what one did);
    with 'of' it is alleged ('accused the board of saying'), and with 'from', 'against' or 'into'
    it is prevented, advised against or forced; the caller abstains for those."""
    if prep.lower_ not in _OBJECT_CONTROL_PREPS:
        return None
    return next(
        (c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i),
        None,
    )


def source_token(verb: Token, depth: int = 0) -> Token | None:
    """The subject of the cue, or of the verb it depends on ('began by saying', 'wants to say')."""
    stolen = stolen_complement(verb)
    if stolen is not None:
        return stolen[1]  # 'The envoys are Ann Lee, ..., the aide told the agency': the aide
    subj = subject_of(verb)
    if subj is not None:
        return subj
    frame = quoted_as_saying(verb)
    if frame is not None:
        # 'X was quoted as saying': the passive subject is the one who said it.
        return next(c for c in frame.children if c.dep_ == "nsubjpass")
    if depth >= 3 or verb.head.i == verb.i or is_passive(verb):
        return None
    head = verb.head
    if verb.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.head.i != head.i:
        controller = _object_control(head)
        if controller is not None:
            return controller if head.lower_ == "for" else None
        # 'began by talking about', 'after blasting the report': the subject of the main verb.
        return source_token(head.head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        # 'voters are more likely to support X'
        return source_token(head.head, depth + 1)
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and subject_of(head) is not None:
        # 'Spicer said the party was fine and urged calm': 'urged' shares 'said''s subject.
        # A governor after the clause is the parser taking a quote's verb for it ('Uber
        # stepped in and tweeted: "We are ..."'): the clause's own subject speaks.
        if coordinated_cue(verb) and head.head.i != head.i and head.head.i < head.i:
            return source_token(head.head, depth + 1)
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp"):
        return source_token(head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # 'Trump, who has repeatedly said ...' with the relative pronoun left out of the parse.
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        # 'a statement saying ...', 'protesters chanting ...': the noun does the saying.
        return verb.head
    return None


def speaker_of(verb: Token, actor_at: dict[int, Actor]) -> Speaker | None:
    """The speaker of a cue verb, resolved to an actor where one is mentioned there."""
    tok = source_token(verb)
    if tok is None or tok.dep_ == "expl":
        return None
    return span_speaker(tok, actor_at)


def previous_subject(doc: Doc, sent: Span, actor_at: dict[int, Actor]) -> Speaker | None:
    """For a free-standing quote, the person who speaks in the sentence before it."""
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    # 'He put it this way:' or 'Almer said on Tuesday.' just before the quote.
    ends_with_colon = prev.text.rstrip().endswith(":")
    for tok in prev:
        speaking = tok.head.lemma_ in SPEAKING_VERBS or tok.head.lemma_ in ("add", "continue")
        if tok.dep_ in SPEAKER_DEPS and (speaking or ends_with_colon or tok.head.dep_ == "ROOT"):
            actor = actor_at.get(tok.idx)
            if (
                ends_with_colon
                or (actor is not None and actor.type == "person")
                or (tok.pos_ == "PRON" and tok.lower_ in PRONOUNS_PERSON)
            ):
                return span_speaker(tok, actor_at)
    return None


def relays(doc: Doc, actor_at: dict[int, Actor]) -> list[tuple[Span, str]]:
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


def via(doc: Doc, sent: Span, found: list[tuple[Span, str]]) -> str | None:
    """The outlet relaying a quote: one named in its sentence, or in the same paragraph before it."""
    for relay_sent, actor in found:
        if relay_sent.start == sent.start:
            return actor
        if (
            relay_sent.start < sent.start
            and "\n" not in doc_text(doc)[relay_sent.end_char : sent.start_char]
        ):
            return actor
    return None
