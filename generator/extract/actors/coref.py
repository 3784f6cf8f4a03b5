"""Descriptions ('the secretary general', 'the alliance') and pronouns linked to the actor they mean."""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.clusters import Cluster
from generator.extract.actors.gazetteer import place
from generator.extract.common import PRONOUNS_PERSON, doc_text, given_names, quote_regions
from generator.model import ActorType

ORG_NOUNS = frozenset(
    """alliance organization organisation company firm group bloc agency party union coalition
    carrier airline manufacturer maker bank ministry government administration council committee
    commission institution network broadcaster newspaper league federation association""".split()
)
"""Nouns that, after 'the', stand for an organisation already named."""
PLACE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "city", "capital"})
"""Nouns that, after 'the', stand for a place already named."""
PRONOUNS_IT = frozenset({"it", "its", "itself"})
SALIENCE_MARGIN = 2
"""The most-mentioned organisation must be named this many times more than the next one."""


def _tok_span(doc: Doc, a: int, b: int) -> Span | None:
    return doc.char_span(a, b, alignment_mode="expand")


def add_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """Link 'the <role>' to the one person with that role, 'the <organisation noun>' to the salient organisation."""
    by_role: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for role in cluster.roles:
            role_words = role.lower().replace("’s", "").replace("'s", "").split()
            for n in (2, 1):
                if len(role_words) >= n:
                    key = " ".join(role_words[-n:])
                    group = by_role.setdefault(key, [])
                    if cluster not in group:
                        group.append(cluster)
    first = {id(c): c.names[0].start_char for c in clusters}
    org_counts = Counter({id(c): len(c.names) for c in clusters if c.type == "organization"})
    salient = _dominant(clusters, org_counts)
    places = sorted(
        (s.start_char, c) for c in clusters if c.type == "place" and c.country for s in c.names
    )
    for det in doc:
        if det.lower_ != "the" or det.dep_ != "det" or det.head.i <= det.i:
            continue
        head = det.head
        if head.pos_ not in ("NOUN", "PROPN") or head.i - det.i > 3:
            continue
        inner = doc[det.i + 1 : head.i + 1]
        if any(t.text[:1].isupper() or t.dep_ not in ("compound", "amod") for t in inner[:-1]):
            continue
        if any(t.text[:1].isupper() for t in inner):
            continue  # capitalised words make it a name, handled elsewhere
        words = inner.text.lower().split()
        span = (det.idx, head.idx + len(head.text))
        start_char = det.idx
        target = None
        for n in (2, 1):
            key = " ".join(words[-n:])
            if len(words) == n and len(by_role.get(key, [])) == 1:
                target = by_role[key][0]
                break
        if target is None and len(words) == 1 and words[0] in ORG_NOUNS:
            target = _named_org(clusters, words[0]) or salient
        if target is None and len(words) == 1 and words[0] in PLACE_NOUNS:
            target = _recent_place(places, start_char, doc)
        if target is not None and first[id(target)] < start_char:
            target.extra.append(span)


def _dominant(clusters: list[Cluster], counts: Counter[int]) -> Cluster | None:
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] < SALIENCE_MARGIN * ranked[1][1]:
        return None
    return next(c for c in clusters if id(c) == ranked[0][0])


def _named_org(clusters: list[Cluster], noun: str) -> Cluster | None:
    """The one organisation whose name or role ends with the noun ('the alliance' → 'Atlantic Alliance')."""
    found = [
        c
        for c in clusters
        if c.type == "organization"
        and (
            any(s[-1].lower_ == noun for s in c.names)
            or any(r.lower().split()[-1:] == [noun] for r in c.roles)
        )
    ]
    return found[0] if len(found) == 1 else None


def _recent_place(places: list[tuple[int, Cluster]], offset: int, doc: Doc) -> Cluster | None:
    """The country named last before `offset`, within the same or the previous sentence."""
    i = bisect.bisect_left(places, offset, key=lambda p: p[0]) - 1
    if i < 0:
        return None
    start, cluster = places[i]
    sent = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if sent is None:
        return None
    this = sent[0].sent
    prev_start = doc[this.start - 1].sent.start_char if this.start > 0 else this.start_char
    if start < prev_start:
        return None
    known = place(cluster.name())
    return cluster if known is not None and known.kind == "country" else None


FEMALE = frozenset({"she", "her", "hers", "herself"})
MALE = frozenset({"he", "him", "his", "himself"})
TITLE_GENDER = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male",
    "ms": "female", "mrs": "female", "miss": "female", "madam": "female", "dame": "female",
    "lady": "female",
}  # fmt: skip
"""Honorifics that say whether the person named after them is a man or a woman."""
NON_FINITE = frozenset({"VBG", "VBN"})


def _pronoun_gender(lower: str) -> str:
    return "female" if lower in FEMALE else "male" if lower in MALE else ""


def add_pronouns(doc: Doc, clusters: list[Cluster]) -> None:
    """Link he/his/she/her to the person, and it/its to the organisation or country, the context makes clear.

    A person pronoun never links to someone whose gender the text gives otherwise (an honorific
    'Ms.'/'Mr.', or the pronouns that can only mean them): 'Ms. Lee threw out the suit against
    Tom Ware, one over his unpaid rent' gives 'his' to Ware."""
    mentions: list[
        tuple[int, int, Cluster, bool]
    ] = []  # (token start, token end, cluster, is subject)
    for cluster in clusters:
        for s in cluster.names:
            mentions.append((s.start, s.end, cluster, _is_subject(s)))
        for a, b in cluster.extra:
            span = _tok_span(doc, a, b)
            if span is not None:
                mentions.append((span.start, span.end, cluster, _is_subject(span)))
    mentions.sort(key=lambda m: (m[0], m[1]))
    starts = [m[0] for m in mentions]
    pronouns: list[tuple[Token, tuple[ActorType, ...]]] = []
    for tok in doc:
        lower = tok.lower_
        if tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        kinds: tuple[ActorType, ...]
        if lower in PRONOUNS_PERSON:
            kinds = ("person",)
        elif lower in ("its", "itself") or (lower == "it" and _referential_it(tok)):
            kinds = ("organization", "place")
        else:
            continue
        pronouns.append((tok, kinds))
    genders = _genders(doc, clusters, pronouns, mentions, starts)
    local: dict[int, str] = {}
    for tok, kinds in pronouns:
        target = _antecedent(tok, mentions, starts, kinds, genders, local)
        if target is not None:
            target.extra.append((tok.idx, tok.idx + len(tok.text)))
            # A pronoun linked is a mention for the pronouns after it in its own sentence ('it
            # seeks to ... leverage its'), and no further: a pronoun reaches back to a name
            # in its sentence or the one before, not along a chain of pronouns.
            at = bisect.bisect_right(starts, tok.i)
            starts.insert(at, tok.i)
            mentions.insert(at, (tok.i, tok.i + 1, target, tok.dep_ in ("nsubj", "nsubjpass")))
            local[tok.i] = _pronoun_gender(tok.lower_)


def _genders(
    doc: Doc,
    clusters: list[Cluster],
    pronouns: list[tuple[Token, tuple[ActorType, ...]]],
    mentions: list[tuple[int, int, Cluster, bool]],
    starts: list[int],
) -> dict[int, str]:
    """Each person's gender as the text gives it, by cluster id ('' when it does not say): an
    honorific before one of the names decides; else a common given name of one gender, unless
    most pronouns that can only mean this person (the one person named in their window, outside
    quoted words) say otherwise (a surname first is no given name); else those pronouns, when
    they all agree."""
    heard: dict[int, Counter[str]] = {}
    regions = quote_regions(doc_text(doc))
    for tok, kinds in pronouns:
        gender = _pronoun_gender(tok.lower_)
        if not gender or any(a <= tok.idx < b for a, b, _ in regions):
            continue  # in quoted words a pronoun may mean someone the speaker has in mind
        found = _candidates(tok, mentions, starts, kinds)
        if len({id(m[2]) for m in found}) == 1:
            heard.setdefault(id(found[0][2]), Counter())[gender] += 1
    genders: dict[int, str] = {}
    for cluster in clusters:
        if cluster.type != "person":
            continue
        titled = {g for s in cluster.names if (g := _title_gender(s))}
        said = heard.get(id(cluster), Counter())
        first = max(cluster.names, key=len)[0].lower_
        given = given_names().get(first, "")
        gender = ""
        if len(titled) == 1:
            gender = next(iter(titled))
        elif not titled and given in ("male", "female"):
            other = "female" if given == "male" else "male"
            gender = given if said[other] <= said[given] else ""
        elif not titled and len(said) == 1:
            gender = next(iter(said))
        genders[id(cluster)] = gender
    return genders


def _title_gender(span: Span) -> str:
    """'male'/'female' when an honorific stands right before the name ('Ms. Lee', 'Mr Ware')."""
    i = span.start - 1
    doc = span.doc
    if i >= 0 and doc[i].text == ".":
        i -= 1
    if i < 0:
        return ""
    return TITLE_GENDER.get(doc[i].lower_.rstrip("."), "")


def _is_subject(span: Span) -> bool:
    return span.root.dep_ in ("nsubj", "nsubjpass") or (
        span.root.dep_ == "poss" and span.root.head.dep_ in ("nsubj", "nsubjpass")
    )


def _referential_it(tok: Token) -> bool:
    """'it' that stands for something, not the 'it' of 'it is necessary to'."""
    if tok.dep_ == "expl":
        return False
    head = tok.head
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in head.children):
        return head.lemma_ not in ("be", "seem", "appear", "take", "make")
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def _candidates(
    tok: Token,
    mentions: list[tuple[int, int, Cluster, bool]],
    starts: list[int],
    kinds: tuple[str, ...],
    local: dict[int, str] | None = None,
) -> list[tuple[int, int, Cluster, bool]]:
    """The mentions of the right kind before the pronoun in its sentence or the previous one
    (the linked pronouns in `local`, with their gender, only in its own sentence and only if
    of the pronoun's gender: 'he ... she' in one sentence are two people)."""
    doc = tok.doc
    sent = tok.sent
    window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    hi = bisect.bisect_left(starts, tok.i)
    lo = bisect.bisect_left(starts, window_start)
    local = local or {}
    gender = _pronoun_gender(tok.lower_)
    found = [
        m
        for m in mentions[lo:hi]
        if m[1] <= tok.i
        and m[2].type in kinds
        and (m[0] not in local or (m[0] >= sent.start and local[m[0]] == gender))
    ]
    if kinds[0] != "person":
        found = [m for m in found if m[2].type == "organization" or m[2].country]
    return found


def _antecedent(
    tok: Token,
    mentions: list[tuple[int, int, Cluster, bool]],
    starts: list[int],
    kinds: tuple[str, ...],
    genders: dict[int, str],
    local: dict[int, str],
) -> Cluster | None:
    """The single candidate of the right kind in the pronoun's sentence (before it) or the previous one.

    A person of the other gender is no candidate. A possessive inside a phrase that hangs on the
    nearest name without a finite verb between is that name's ('the suit against Tom Ware, one
    over his unpaid rent'). A possessive 'its' takes the nearest body or country of its own
    sentence when no other subject of that sentence could own it ('farmers in Moldova are angry,
    and its harvest'); when the sentence's subject is another one, 'its' is left unlinked. When
    several fit otherwise, the subject of the nearest sentence that has one wins; otherwise nothing.
    """
    sent = tok.sent
    found = _candidates(tok, mentions, starts, kinds, local)
    gender = _pronoun_gender(tok.lower_)
    if gender:
        found = [m for m in found if genders.get(id(m[2]), "") in ("", gender)]
    if not found:
        return None
    clusters = {id(m[2]): m[2] for m in found}
    if len(clusters) == 1:
        return found[-1][2]
    nearest = found[-1]
    if (
        tok.dep_ == "poss"
        and nearest[0] >= sent.start
        and _hangs_on(tok, tok.doc[nearest[0] : nearest[1]])
    ):
        return nearest[2]
    in_sent = [m for m in found if m[0] >= sent.start]
    if tok.lower_ == "its" and in_sent:
        owners = {id(m[2]) for m in in_sent if m[3]}
        if not owners or owners == {id(in_sent[-1][2])}:
            return in_sent[-1][2]
        return None  # the subject or a nearer body: either could own it
    for group in (in_sent, [m for m in found if m[0] < sent.start]):
        subjects = {id(m[2]): m[2] for m in group if m[3]}
        if len(subjects) == 1:
            return next(iter(subjects.values()))
        if subjects:
            return None
    return None


def _hangs_on(tok: Token, name: Span) -> bool:
    """Whether the phrase holding the pronoun is a modifier of the name, reached from the
    pronoun through nouns, prepositions and non-finite verbs only ('Tom Ware, one over his')."""
    root = name.root
    node = tok.head
    while node.i != root.i:
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp"):
            return False
        if node.pos_ in ("VERB", "AUX") and node.tag_ not in NON_FINITE:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True
