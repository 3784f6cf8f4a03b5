"""Cues that look like acts of saying but report none: idioms, narration, deeds and requests.

A verb of saying reports an utterance only when someone utters something: 'All told' is an
adverb (in all); 'We're told that we show our worth' is received wisdom, the generic 'we'
being both the hearers and the subject; 'it misleads the public and threatens to sue' lists
deeds; 'asked the participants to press a key' asks for an action, not for words; 'let's say
what X is not' and 'it cannot be denied that' are the writer's own frame; 'comments on the
election' names a topic, not what was said; 'my lungs begging for oxygen' has no one speaking.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.extract.quotes.acts import SAYING_VERBS, negated
from generator.extract.quotes.cues import cue_lemma, is_agent, is_document
from generator.extract.quotes.pieces import Piece

GENERIC_PRONOUNS = frozenset({"we", "you", "us"})
"""Pronouns that can mean people in general ('we are told that we ...')."""
DEED_CUES = frozenset({"threaten", "rebuff", "reject", "promise", "vow", "pledge"})
"""Commissives and refusals that, listed among deeds, describe conduct rather than words."""
REQUEST_VERBS = frozenset({"ask"})
"""'asked them to press a key': a request for an action; the action is not what was said."""
CALCULATING_VERBS = frozenset(
    {"predict", "forecast", "estimate", "calculate", "project", "foresee"}
)
"""Verbs of working out a figure or an outcome: with 'can' or 'able to' they state an ability."""
ABILITY_MODALS = frozenset({"can", "could", "ca"})
ABILITY_HEADS = frozenset({"able", "unable"})
TOPIC_PREPS = frozenset({"on", "about"})
"""'comments on X', 'remarks about X': the topic of what was said, not its content."""


def reports_no_speech(doc: Doc, piece: Piece, cue: Token) -> bool:
    """Whether the cue of an indirect or partial piece reports no utterance (see module doc)."""
    kind, _, _ = piece.rule.partition("/")
    lemma = cue_lemma(cue)
    if lemma == "tell" and cue.i > 0 and doc[cue.i - 1].lower_ == "all" and _before_comma(cue):
        return True  # 'All told, it is a neat story': an adverb
    if kind not in ("headline", "line") and _inside_a_title(cue):
        return True  # 'Your Shadow as It Might Be Drawn on the Floor of the Sea'
    if lemma == "tell" and _generic_hearers(cue):
        return True
    if lemma in DEED_CUES and _listed_among_deeds(cue):
        return True
    if lemma in REQUEST_VERBS and kind == "clause" and _asks_for_action(cue, piece):
        return True
    if _writers_frame(cue):
        return True
    if lemma in CALCULATING_VERBS and _ability(cue):
        return True  # 'scientists can't predict hurricanes', 'were able to guess the answers'
    if kind == "noun" and _topic_only(cue, piece):
        return True
    if kind in ("prep", "object") and lemma not in ("say", "tell"):
        source = _subject(cue)
        if source is not None and not _can_speak(source):
            return True  # 'my lungs begging for oxygen', 'the programs revealed X'
    return False


def _inside_a_title(cue: Token) -> bool:
    """A capitalised cue after a capitalised word, mid-sentence in running (not title-case)
    prose: a word of a title or a name, not a reporting verb."""
    doc = cue.doc
    if cue.is_sent_start or cue.i == 0 or not cue.text[:1].isupper():
        return False
    if not doc[cue.i - 1].text[:1].isupper() or doc[cue.i - 1].is_sent_start:
        return False
    words = [t for t in cue.sent if t.is_alpha and len(t) > 3]
    return sum(t.is_lower for t in words) > len(words) / 2


def _before_comma(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","


def _generic_hearers(cue: Token) -> bool:
    """'We're told that we show our true worth': the generic 'we' hears and is talked
    about; a report from sources ('we're told there is footage') has another subject."""
    hearer = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if hearer is None or hearer.lower_ not in GENERIC_PRONOUNS:
        return False
    if any(c.dep_ == "agent" for c in cue.children):
        return False
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in GENERIC_PRONOUNS for c in clause.children)


def _listed_among_deeds(cue: Token) -> bool:
    """'it misleads the public and threatens to sue its critics': a threat listed with deeds
    that are not acts of saying describes conduct."""
    if cue.dep_ == "conj":
        head = cue.head
        return head.pos_ == "VERB" and cue_lemma(head) not in SAYING_VERBS
    return any(
        c.dep_ == "conj" and c.pos_ == "VERB" and cue_lemma(c) not in SAYING_VERBS
        for c in cue.children
    )


def _asks_for_action(cue: Token, piece: Piece) -> bool:
    """'were asked to press a key', 'asking a judge to price their land': the content is an
    infinitive, the action asked for."""
    doc = cue.doc
    first = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    return first is not None and len(first) > 1 and first[0].lower_ == "to"


def _ability(cue: Token) -> bool:
    """'can predict', 'cannot forecast', 'were able to predict': what someone can work out,
    not a prediction anyone made."""
    if any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ABILITY_HEADS


def _writers_frame(cue: Token) -> bool:
    """'let's say what X is not', 'it cannot be denied that ...': the writer's own voice."""
    head = cue.head
    if head.i != cue.i and head.lemma_.lower() == "let" and head.dep_ == "ROOT":
        return True
    expletive = any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in cue.children)
    if expletive and not any(c.dep_ == "agent" for c in cue.children):
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)
        return modal or negated(cue)
    return False


def _topic_only(cue: Token, piece: Piece) -> bool:
    """'the administration's first comments on the election': 'on' gives the topic."""
    return any(
        c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and c.idx < piece.start for c in cue.children
    )


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # 'my lungs begging for oxygen'
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        return verb.head  # 'the programs that revealed X'
    return subj


def _can_speak(source: Token) -> bool:
    """A person, a body or a text can put words out; a thing or a body part cannot."""
    if source.pos_ in ("PRON", "PROPN") or source.ent_type_:
        return True
    lemma = source.lemma_.lower()
    if lemma.endswith(("er", "or", "ist", "ian")) and len(lemma) > 3:
        return True  # 'users reported', 'fans begged': people by what they do
    return is_agent(source, None) or is_document(source)
