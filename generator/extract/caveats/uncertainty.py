"""Hedges, weasel words and forward-looking statements, found word by word with their context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.extract.caveats.lexicons import (
    ACCLAIM_ADJECTIVES,
    ATTRIBUTION_PASSIVES,
    CLAIM_SOURCES,
    CONDITIONAL_MARKERS,
    DOXASTIC_VERBS,
    EPISTEMIC_ADJECTIVES,
    EPISTEMIC_ADVERBS,
    EPISTEMIC_NOUNS,
    EVALUATION_PASSIVES,
    HEDGE_PHRASES,
    INTENTION_NOUNS,
    INTENTION_VERBS,
    OPINION_HOLDERS,
    PEOPLE_NOUNS,
    PEOPLE_SUFFIXES,
    RANKING_PHRASE,
    REFUSAL_VERBS,
    VAGUE_AMOUNTS,
    VAGUE_QUANTIFIERS,
    VERBS_NEEDING_CLAUSE,
    WEASEL_ADVERBS,
    WEASEL_PHRASES,
)
from generator.extract.common import REPORTING_VERBS
from generator.model import CaveatKind


@dataclass(frozen=True)
class Cue:
    """Words of a sentence that raise a caveat, with the reason in a few words."""

    kind: CaveatKind
    """hedged | weasel | forward-looking (uncertainty); opinion | unattributed (voice)."""
    start: int
    """Character offset of the first cue character."""
    end: int
    """Character offset one past the last cue character."""
    reason: str
    """What sort of cue it is: 'modal verb', 'condition', 'vague source' ..."""


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len)
    return re.compile(r"(?<![\w-])(?:" + "|".join(reversed(alternatives)) + r")(?![\w-])", re.I)


HEDGE_PHRASE_RE = _phrase_pattern(HEDGE_PHRASES)
WEASEL_PHRASE_RE = _phrase_pattern(WEASEL_PHRASES)
RANKING_RE = re.compile(RANKING_PHRASE, re.I)
SAYING_VERBS = REPORTING_VERBS | DOXASTIC_VERBS | {"accept", "agree", "feel", "consider"}
BELIEF_PASSIVES = frozenset(
    "claim allege rumor rumour argue suggest believe think assume suppose presume speculate".split()
)
FREQUENCY_HEDGES = frozenset("often sometimes frequently commonly usually occasionally".split())
LOOK_VERBS = frozenset("look consider ask think compare take listen read".split())
NEGATIONS = frozenset({"not", "n't", "never", "no"})


def uncertainty_cues(sent: Span) -> list[Cue]:
    """Every hedge, weasel and forward-looking cue of one sentence, in text order."""
    cues: list[Cue] = []
    tests: tuple[tuple[CaveatKind, Callable[[Token], tuple[Token, str] | None]], ...] = (
        ("hedged", _hedge),
        ("weasel", _weasel),
        ("forward-looking", _intention),
    )
    for tok in sent:
        for kind, test in tests:
            found = test(tok)
            if found:
                other, reason = found
                first, last = (tok, other) if other.i >= tok.i else (other, tok)
                cues.append(Cue(kind, first.idx, last.idx + len(last.text), reason))
    base = sent.start_char
    phrases: tuple[tuple[CaveatKind, re.Pattern[str], str], ...] = (
        ("hedged", HEDGE_PHRASE_RE, "hedging phrase"),
        ("weasel", WEASEL_PHRASE_RE, "unsupported attribution"),
        ("weasel", RANKING_RE, "unsupported superlative"),
    )
    for kind, pattern, reason in phrases:
        for m in pattern.finditer(sent.text):
            cues.append(Cue(kind, base + m.start(), base + m.end(), reason))
    cues.sort(key=lambda c: (c.start, -c.end))
    return cues


# --- hedges ------------------------------------------------------------------------------


def _hedge(tok: Token) -> tuple[Token, str] | None:
    low = tok.lower_
    if tok.tag_ == "MD":
        return _modal(tok)
    if low in CONDITIONAL_MARKERS:
        return _condition(tok)
    if low == "until" and tok.dep_ == "mark":
        # 'until' + clause makes the main event depend on a condition ('until Iraq complies')
        return tok, "condition"
    if low in EPISTEMIC_ADVERBS and tok.pos_ in ("ADV", "ADJ"):
        return tok, "speculative adverb"
    if low in EPISTEMIC_ADJECTIVES and tok.pos_ in ("ADJ", "VERB"):
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("previously", "hitherto", "formerly"):
            return None  # 'previously unknown': a fact about the past
        if low == "possible" and _as_possible(tok):
            return None
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "acomp"):
            return None
        return tok, "speculative adjective"
    if low in EPISTEMIC_NOUNS and tok.pos_ == "NOUN":
        if low.startswith("doubt") and _negated_noun(tok):
            return None  # 'no doubt', 'beyond doubt' assert certainty
        return tok, "speculative noun"
    if tok.lemma_ in DOXASTIC_VERBS and tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("VB"):
        return _doxastic(tok)
    return None


def _modal(tok: Token) -> tuple[Token, str] | None:
    low = tok.lower_
    verb = tok.head
    if low in ("may", "might"):
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
        if low == "might" and nxt.tag_ in ("VBZ", "VBD", "VBP"):
            return None  # 'might does not make right': the noun
        return tok, "modal verb"
    if low == "should":
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i > tok.i and tok.i == verb.left_edge.i:
            return tok, "condition"  # 'should negotiations fail': an inverted condition
        return None
    if low == "could":
        if _negated(verb, tok):
            return None  # 'could not be reached': a past inability, stated as fact
        if tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "only":
            return None  # 'could only be opened by': a rule about who may, not a guess
        return tok, "modal verb"
    if low in ("would", "'d"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok
        if nxt.text in ("-", "\u2010"):
            return None  # 'would-be'
        if _negated(verb, tok) and verb.lemma_ in REFUSAL_VERBS:
            return None  # 'would not comment': a refusal, stated as fact
        if verb.dep_ in ("relcl", "acl"):
            return None  # 'a plant that would produce': what a thing is for, not a guess
        if _terms_of_arrangement(verb):
            return None  # 'under the plan, holders would receive $42': what a deal provides
        if _reported_future(verb):
            return None  # 'said it would buy': the future of a reported statement
        return tok, "conditional verb"
    return None


def _terms_of_arrangement(verb: Token) -> bool:
    """A clause that spells out an amount or an 'under the plan' term of a deal."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "under":
            return True
        if child.dep_ in ("dobj", "attr", "dative", "prep") and any(
            t.like_num or t.tag_ == "CD" or t.tag_ == "$" for t in child.subtree
        ):
            return True
    return False


def _negated(verb: Token, modal: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        t.lower_ in NEGATIONS for t in modal.doc[modal.i + 1 : min(modal.i + 3, verb.i + 1)]
    )


def _reported_future(verb: Token) -> bool:
    """Whether a clause is the complement of a saying verb ('announced it would accept')."""
    clause = verb
    for _ in range(3):
        if clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
            head = clause.head
            if head.lemma_ in SAYING_VERBS | INTENTION_VERBS and head.lemma_ not in (
                "suggest",
                "believe",
                "think",
                "expect",
                "fear",
                "doubt",
            ):
                return True
            clause = head
            continue
        return False
    return False


def _condition(tok: Token) -> tuple[Token, str] | None:
    low = tok.lower_
    doc = tok.doc
    if low == "whether":
        following = doc[tok.i + 1 : tok.i + 3]
        if len(following) == 2 and following[0].lower_ == "or" and following[1].lower_ in NEGATIONS:
            return None  # 'whether or not': concessive, says the outcome does not matter
        words = list(tok.head.subtree)
        if (
            any(
                a.lower_ == "or" and b.lower_ in NEGATIONS
                for a, b in zip(words, words[1:], strict=False)
            )
            and tok.head.dep_ == "advcl"
        ):
            return None  # 'whether you agree or not, ...': concessive as well
        return tok, "open question"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
    if low == "if" and tok.i > 0 and doc[tok.i - 1].lower_ == "as":
        return None  # 'as if addressing him directly': a manner, not a condition
    if low == "if" and nxt.lower_ == "not" and tok.dep_ != "mark":
        return None  # 'dozens if not hundreds': a range, not a condition
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if low == "if" and subj is not None and subj.lower_ == "you" and verb.lemma_ in LOOK_VERBS:
        return None  # 'if you look at the record': a way of speaking, not a condition
    return tok, "condition"


def _as_possible(tok: Token) -> bool:
    """'as soon as possible', 'the best possible', 'everything possible': not a possibility."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    if prev.tag_ in ("JJS", "RBS") or prev.lower_ in ("every", "everything", "all", "whenever"):
        return True
    return any(t.lower_ == "as" for t in doc[max(0, tok.i - 4) : tok.i])


def _negated_noun(tok: Token) -> bool:
    doc = tok.doc
    return any(t.lower_ in ("no", "without", "beyond") for t in doc[max(0, tok.i - 3) : tok.i])


def _proposal(verb: Token) -> bool:
    """A suggestion whose clause says what should be done ('suggested he resign')."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    if any(c.lower_ == "should" for c in clause.children):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return clause.tag_ == "VB" and has_subject and not any(c.dep_ == "aux" for c in clause.children)


def _doxastic(tok: Token) -> tuple[Token, str] | None:
    lemma = tok.lemma_
    deps = {c.dep_ for c in tok.children}
    if lemma in VERBS_NEEDING_CLAUSE and not deps & {"ccomp", "xcomp", "auxpass"}:
        return None
    if lemma in ("appear", "seem") and not deps & {"ccomp", "xcomp", "acomp", "attr", "oprd"}:
        return None  # 'appeared in court' is a fact
    if lemma == "suspect" and tok.tag_ == "NN":
        return None
    if lemma == "suggest" and _proposal(tok):
        return None  # 'suggested the US should send troops': a proposal, not a guess
    if (
        lemma in ("expect", "anticipate", "predict", "forecast")
        and tok.tag_ in ("VBN", "VBD")
        and not deps & {"ccomp", "xcomp", "dobj", "nsubj"}
    ):
        prev = tok.doc[tok.i - 1] if tok.i > 0 else tok
        if tok.dep_ in ("amod", "acomp") or prev.lower_ in ("as", "than", "-") or "auxpass" in deps:
            return (
                None  # 'expected losses', 'as expected', 'the purchase was expected': no guess left
            )
    return tok, "verb of belief or expectation"


# --- weasel words ------------------------------------------------------------------------


def _is_source_noun(tok: Token) -> bool:
    """A plural noun for people or groups, or for reports that say something."""
    low = tok.lower_
    if tok.tag_ not in ("NNS", "NNPS") and low != "people":
        return tok.ent_type_ == "NORP" and tok.tag_ != "NNP"
    if low in CLAIM_SOURCES:
        return tok.dep_ == "nsubj" and tok.head.lemma_ in SAYING_VERBS
    return low in PEOPLE_NOUNS or low.endswith(PEOPLE_SUFFIXES) or tok.ent_type_ == "NORP"


def _weasel(tok: Token) -> tuple[Token, str] | None:
    low = tok.lower_
    if low == "most" and tok.dep_ == "advmod" and tok.head.lower_ in ACCLAIM_ADJECTIVES:
        return tok.head, "unsupported superlative"  # 'the most influential'
    if low in VAGUE_QUANTIFIERS:
        return _vague_quantifier(tok)
    if low in WEASEL_ADVERBS and tok.pos_ == "ADV":
        return tok, "vague extent"
    if tok.tag_ == "VBN" and tok.lemma_ in ATTRIBUTION_PASSIVES | EVALUATION_PASSIVES:
        return _agentless_passive(tok)
    if low in ("critics", "others") and _unnamed(tok) and tok.dep_ != "conj":
        return tok, "unnamed source"
    if low in OPINION_HOLDERS and tok.dep_ == "nsubj" and tok.head.lemma_ in SAYING_VERBS:
        if _unnamed(tok):
            return tok, "unnamed source"
    return None


def _vague_quantifier(tok: Token) -> tuple[Token, str] | None:
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.like_num or nxt.tag_ == "CD"):
        return None  # 'some 300 people': an approximate number, not a vague source
    if tok.lower_ == "most" and tok.tag_ == "RBS":
        return None  # 'most important': a superlative
    if tok.lower_ == "certain" and tok.dep_ != "amod":
        return None  # 'he is certain': sure, not 'certain people'
    head = tok.head
    if tok.dep_ in ("det", "amod", "nummod", "quantmod") and head.pos_ in ("NOUN", "PROPN"):
        if head.i < tok.i:
            return None
        if _is_source_noun(head) and _unnamed(head, allow_det=True):
            return head, "vague source"
        if head.tag_ == "NN" and tok.lower_ == "some":
            return None  # 'some time', 'some horrible crime': one unnamed thing, not a number
        if tok.lower_ in VAGUE_AMOUNTS and not any(
            c.dep_ in ("nummod", "poss") for c in head.children
        ):
            return head, "vague quantity"
        return None
    if any(c.dep_ == "nummod" for c in tok.children):
        return None  # 'two others'
    of_what = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of_what and any(g.dep_ == "pobj" and g.tag_ == "NN" for g in of_what[0].children):
        return None  # 'some of his support': part of one thing
    if tok.dep_ in ("nsubj", "nsubjpass"):
        of_people = [
            c
            for c in tok.subtree
            if c.dep_ == "pobj" and c.head.lower_ == "of" and _is_source_noun(c)
        ]
        if of_people:
            return of_people[0], "vague source"
        if head.lemma_ in SAYING_VERBS:
            return tok, "vague source"
    if any(c.dep_ == "relcl" for c in tok.children) and tok.pos_ == "PRON":
        return tok, "vague source"  # 'there are some who say'
    if tok.lower_ in VAGUE_AMOUNTS and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return tok, "vague quantity"
    return None


def _agentless_passive(tok: Token) -> tuple[Token, str] | None:
    deps = {c.dep_ for c in tok.children}
    if "auxpass" not in deps:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None:
        # 'seen by some as', 'praised by critics': the agent is no one in particular
        who = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if who is not None and (
            who.lower_ in VAGUE_QUANTIFIERS or (who.lower_ in OPINION_HOLDERS and _unnamed(who))
        ):
            return tok, "agentless attribution"
        return None
    lemma = tok.lemma_
    if lemma in EVALUATION_PASSIVES and lemma not in ("cite", "describe"):
        return tok, "agentless attribution"
    if lemma in BELIEF_PASSIVES:
        return tok, "agentless attribution"  # 'the idea has long been claimed'
    if any(c.lower_ in FREQUENCY_HEDGES and c.dep_ == "advmod" for c in tok.children):
        return tok, "agentless attribution"  # 'is often described', 'is sometimes called'
    if lemma in ("know", "call") and not deps & {"xcomp", "ccomp"}:
        return None  # 'known as', 'called X' name things
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ == "it" and "ccomp" in deps:
        return tok, "agentless attribution"
    if deps & {"xcomp", "oprd"}:
        return tok, "agentless attribution"
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return tok, "agentless attribution"
    return None


def _unnamed(tok: Token, allow_det: bool = False) -> bool:
    """A bare plural ('critics', 'analysts'), not one that names or counts its members."""
    for child in tok.children:
        if child.dep_ in ("poss", "nummod", "appos", "relcl", "acl"):
            return False
        if child.dep_ == "det" and not allow_det:
            return False
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return False
        if child.dep_ == "prep" and child.lower_ in ("at", "from", "with", "of", "in"):
            if any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children):
                return False  # 'analysts at Goldman Sachs' names where they work
    return True


# --- forward-looking statements ----------------------------------------------------------


def _intention(tok: Token) -> tuple[Token, str] | None:
    lemma = tok.lemma_
    if lemma in INTENTION_VERBS and tok.pos_ in ("VERB", "AUX"):
        target = _infinitive(tok)
        if target is not None:
            return target, "plan or intention"
        if lemma in ("pledge", "promise", "vow") and any(c.dep_ == "ccomp" for c in tok.children):
            return tok, "pledge"  # 'vowed that he would'
        if (
            lemma == "commit"
            and tok.dep_ != "amod"
            and not any(c.dep_ == "dobj" for c in tok.children)
        ):
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is not None:
                return to, "pledge"  # 'committed to cutting'

        return None
    if tok.lower_ in INTENTION_NOUNS and tok.pos_ == "NOUN":
        target = _infinitive(tok)
        if target is not None:
            return target, "plan or intention"
        if tok.lower_.startswith(("target", "goal", "aim")) and _target_of_figure(tok):
            return tok, "target"
    return None


def _target_of_figure(noun: Token) -> bool:
    """'a target of 5 billion euros', 'the goal of reaching': not 'the target of attacks'."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return False  # 'with the aim of blocking': the purpose of something already done
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp") and (
                    obj.tag_ == "VBG"
                    or any(t.like_num or t.tag_ in ("CD", "$") for t in obj.subtree)
                ):
                    return True
    return False


def _infinitive(tok: Token) -> Token | None:
    """The 'to' of an infinitive complement ('plan to', 'an intent to'); None if there is none."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "acl", "ccomp") and child.tag_ == "VB":
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is not None and to.i == tok.i + 1:
                return to
            if to is not None:
                return tok
    return None
