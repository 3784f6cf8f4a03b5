"""Acts of saying: which attributions report words someone said, and their polarity.

A reported belief, wish or stance ('thinks', 'wants', 'is critical of') is not a quote: only a
speech act is (Searle's assertives, commissives, directives and declarations as English reports
them: 'said', 'promised', 'urged', 'announced'). A speech act can be reported as not happening or
as refused ('did not say', 'declined to comment', 'denied that', 'ruled out', 'made no mention
of', 'no group claimed'): such an item keeps that polarity, so that it never states the opposite
of its sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.common import SPEECH_VERBS
from generator.extract.quotes.cues import MESSAGE_VERBS, cue_lemma
from generator.model import Polarity

NOT_SAYING = frozenset(
    """believe agree indicate signal imply muse marvel cheer boo continue read
    grant echo quote cite publish broadcast thank congratulate applaud laud commend hail
    characterize characterise portray depict label brand dub term describe call""".split()
)
"""Verbs of the speech list whose clause or object is a view, a topic or a naming rather than
words said ('agreed that', 'described X', 'called X a liar'); a quote in marks still counts."""
SAYING_VERBS = (SPEECH_VERBS - NOT_SAYING) | frozenset(
    """promise pledge vow threaten urge demand request propose announce deny confirm reveal
    disclose admit acknowledge insist warn reject rebuff refute dispute estimate""".split()
)
"""Verbs whose clause is what someone said ('suggested that', 'pointed out that' included:
with a person or a text as subject they report an utterance)."""
WEAK_SAYING = frozenset("suggest estimate point show indicate reveal".split())
"""Verbs that report an utterance only when someone is their subject ('data suggests' does not)."""
SAYING_OBJECT_VERBS = frozenset(
    """announce deny confirm reveal disclose admit acknowledge promise pledge vow propose
    demand request predict report reject rebuff refute dispute claim""".split()
)
"""Verbs whose direct object is a proposition someone put forward ('announced an order of 50
jets', 'denied the allegations'), not a topic or a target ('discussed the deal')."""
SAYING_PREP_VERBS = frozenset(
    """call warn caution insist appeal plead beg apologize apologise accuse testify write boast
    brag complain""".split()
)
"""Verbs whose prepositional object is what was asked or warned of ('called for a ceasefire')."""
SAYING_NOUNS = frozenset(
    """statement announcement claim assertion allegation accusation denial remark remarks comment
    comments warning promise pledge vow threat call appeal demand request plea admission
    acknowledgement acknowledgment confirmation assurance reminder message complaint mention
    words argument insistence contention suggestion proposal prediction""".split()
)
"""Nouns that name an utterance ('his claim that', 'a statement saying'), not a view."""

NEGATIVE_CUES = frozenset(
    "deny refute dispute disagree reject rebuff contradict disavow repudiate decline refuse".split()
)
"""Verbs that report a denial or a refusal: what follows them is not asserted by the speaker."""
REFUSAL_HEADS = frozenset({"decline", "refuse", "fail", "avoid", "hesitate"})
"""'declined to comment', 'refused to say': the speech act did not happen."""
NEGATIVE_WORDS = frozenset(
    {"no", "never", "neither", "nor", "nobody", "none", "nothing", "no-one", "noone"}
)
"""Determiners and pronouns that negate their clause ('no group claimed', 'none said')."""


def negated(tok: Token) -> bool:
    """Whether the token itself is negated ('did not say', "won't tell", 'never said')."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "n’t") for c in tok.children)


def cue_polarity(cue: Token) -> Polarity:
    """Negative when the act of saying is denied, refused or negated; else affirmative."""
    lemma = cue_lemma(cue)
    if lemma in NEGATIVE_CUES or negated(cue):
        return "negative"
    if lemma == "rule" and any(c.lower_ == "out" for c in cue.children):
        return "negative"  # 'ruled out'
    head = cue
    steps = 0
    # 'declined to comment', 'did not want to say': up the chain of open complements.
    while head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i and steps < 3:
        if head.dep_ == "ccomp" and steps == 0 and head.i > head.head.i:
            break  # 'said he would not comment': the outer cue is the act
        head = head.head
        steps += 1
        if cue_lemma(head) in REFUSAL_HEADS or negated(head):
            return "negative"
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_phrase(child):
            return "negative"  # 'no group claimed', 'made no mention of'
    if cue.pos_ == "NOUN" and any(c.lower_ in ("no", "never") for c in cue.children):
        return "negative"  # 'no comment', 'no mention'
    if cue.dep_ in ("dobj", "pobj") and cue.pos_ == "NOUN":
        verb = cue.head.head if cue.dep_ == "pobj" else cue.head
        if verb.pos_ in ("VERB", "AUX") and negated(verb):
            return "negative"  # 'did not make a statement'
    return "affirmative"


def _negative_phrase(tok: Token) -> bool:
    if tok.lower_ in NEGATIVE_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in tok.children)


def is_saying(rule: str, quote_kind: str, cue: Token | None, polarity: Polarity) -> bool:
    """Whether an attribution found by `rule` ('clause/say', 'object/deny', 'quote/direct',
    'noun/claim', ...) with this cue reports an act of saying."""
    kind, _, lemma = rule.partition("/")
    if quote_kind != "indirect" and kind not in ("according", "line", "headline"):
        kind, lemma = "quote", quote_kind  # quoted words joined with the clause around them
    if kind == "quote":
        # Words in quote marks are words said, unless the only cue is a verb of belief.
        if lemma == "direct":
            return True
        if cue is None or cue.is_punct:
            return True  # 'Senator: "..."'; partial quotes with neither cue nor speaker are dropped
        # A few words in quote marks are someone's words when a verb of saying or of naming
        # ('called the plan "reckless"') reports them; after any other verb they are a term.
        clemma = cue_lemma(cue)
        return clemma in SAYING_VERBS or clemma in NAMING_VERBS
    if kind in ("according", "line"):
        return True
    if kind == "headline":
        # Headline verbs come tagged as names: read the word itself ('Vows', 'Denies').
        word = cue.lower_ if cue is not None else ""
        return any(w in SAYING_VERBS for w in (word, word[:-1], word[:-2]))
    if kind in ("impression", "adjective", "finding", "passive", ""):
        return False
    if cue is not None and cue.pos_ in ("VERB", "AUX"):
        lemma = cue_lemma(cue)
    if kind == "clause":
        if lemma in REFUSAL_HEADS:
            return _refused_speech(cue)
        return lemma in SAYING_VERBS
    if kind == "object":
        if lemma in SAYING_OBJECT_VERBS:
            return True
        if lemma == "rule" and cue is not None and any(c.lower_ == "out" for c in cue.children):
            return True  # 'ruled out a tax increase'

        # 'had not issued an explanation', 'would not disclose details': a message not given.
        return polarity == "negative" and lemma in MESSAGE_VERBS | {"provide", "give", "describe"}
    if kind == "prep":
        return lemma in SAYING_PREP_VERBS
    if kind == "noun":
        return lemma in SAYING_NOUNS
    return False


def _refused_speech(cue: Token | None) -> bool:
    """'declined to comment', 'refused to say': a refusal to speak (a refusal to act is no quote)."""
    if cue is None:
        return False
    return any(
        c.dep_ == "xcomp" and (cue_lemma(c) in SAYING_VERBS or cue_lemma(c) in _TALK_VERBS)
        for c in cue.children
    )


NAMING_VERBS = frozenset("call describe dub label term brand characterize characterise".split())
"""Verbs that report someone's words for a thing ('called it "a disaster"')."""
_TALK_VERBS = frozenset("comment discuss elaborate speak talk answer respond identify name".split())
_BELIEF_VERBS = frozenset(
    """believe think feel hope expect fear doubt suspect assume want wish like love hate prefer
    consider regard see view find""".split()
)


PROSPECT_HEADS = frozenset(
    """plan expect intend hope want aim prepare schedule set due likely go mean seek try
    ready poise""".split()
)
"""'plans to announce', 'is expected to say', 'is going to tell': words not said yet."""
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
"""'if she says so': a saying that is only supposed."""
REALISED_ADVERBS = frozenset({"later", "eventually", "subsequently", "afterwards", "soon"})
"""'as he would later put it': future in the past, told of an act that took place."""


def hypothetical(cue: Token) -> bool:
    """Whether the act of saying is only future, possible or supposed ('will announce', 'could
    say', 'plans to disclose', 'if they confirm'): an affirmative item would report words nobody
    has said. A negated one ('would not disclose') is a refusal, kept with its polarity."""
    if cue.pos_ not in ("VERB", "AUX") or negated(cue):
        return False
    for child in cue.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            if child.lower_ in ("would", "'d") and any(
                c.lower_ in REALISED_ADVERBS for c in cue.children
            ):
                return False
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS and cue.dep_ == "advcl":
            return True
    head = cue.head
    if cue.dep_ == "xcomp" and head.i != cue.i and not negated(head):
        if cue_lemma(head) in PROSPECT_HEADS:
            return True
        if head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in head.children
        ):
            return True  # 'will want to say', 'could begin to tell'
    return False
