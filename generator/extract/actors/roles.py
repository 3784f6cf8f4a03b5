"""Roles and affiliations of actors: titles before names, appositions, possessives, 'X of Y'."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.clusters import Cluster
from generator.extract.actors.gazetteer import place, titles
from generator.extract.actors.names import (
    BODY_NOUNS,
    KIN_NOUNS,
    ORG_CLASSIFIERS,
    PLACE_CLASSIFIERS,
)

TITLE_DEPS = ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "punct")
MAX_ROLE_WORDS = 8


def owner_index(clusters: list[Cluster]) -> dict[int, Cluster]:
    """Token index → the cluster whose name covers it."""
    owner: dict[int, Cluster] = {}
    for cluster in clusters:
        for name in cluster.names:
            for tok in name:
                owner[tok.i] = cluster
    return owner


def add_roles(doc: Doc, clusters: list[Cluster]) -> None:
    """Fill in roles and affiliations of every cluster from the words around its names."""
    owner = owner_index(clusters)
    for cluster in clusters:
        for name in cluster.names:
            if cluster.type == "person":
                _title_before(doc, cluster, name, owner)
            elif cluster.type == "organization" and _classifier_before(doc, name):
                _title_before(doc, cluster, name, owner)  # 'the news agency Reuters'
            _appositions(doc, cluster, name, owner)
            _of_phrase(cluster, name, owner)
            if cluster.type in ("organization", "place"):
                _classifier_after(cluster, name)
                _kind_of_place(cluster, name)
    _capitals(clusters)


HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady madam mme mlle herr frau sr sra srta née nee
    rev fr""".split()
)
"""Forms of address and particles before a name: not roles ('Mr.', 'Dr', 'née')."""
PARTICLES = frozenset("de del della di da du des la le van von der den al el bin ibn y".split())
"""Particles of surnames ('de la Cruz', 'van der Berg'): part of the name, not a role."""


TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "atty": "attorney",
    "supt": "superintendent",
    "pres": "president",
    "sec": "secretary",
    "amb": "ambassador",
}
"""AP-style abbreviations of titles before a name, written out as the role they stand for."""
PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][A-Za-z.]*\)?")


def _add_role(cluster: Cluster, text: str) -> None:
    words = text.strip(" ,-–—").split()  # '-star' of a 'co-star' cut at the hyphen
    # A role is what the person is, not how they are addressed: 'Mr.', 'Dr', 'Gov.' alone are
    # forms of address (the office of 'Gov.' shows in its full form elsewhere when it matters).
    while words and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in PARTICLES):
        words = words[1:]
    words = [TITLE_ABBREVIATIONS.get(w.lower().rstrip("."), w) for w in words]
    text = " ".join(words)
    if PARTY_TAG.fullmatch(text):
        return  # 'R-Neb.': a party and state tag
    if text and any(ch.isalpha() for ch in text) and text not in cluster.roles:
        cluster.roles.append(text)


def _title_before(doc: Doc, cluster: Cluster, name: Span, owner: dict[int, Cluster]) -> None:
    """'Hungary's Foreign Minister Laszlo Vendel': role Foreign Minister, affiliation Hungary."""
    role: list[Token] = []
    i = name.start - 1
    while i >= 0 and name.start - i <= MAX_ROLE_WORDS:
        tok = doc[i]
        if tok.dep_ not in TITLE_DEPS or not _attached(tok, name) or tok.text in (",", "(", ")"):
            break
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        if tok.ent_type_ in ("DATE", "TIME"):
            break  # 'in 2011 chef Ann Lee': a date before a title is no part of it
        role.insert(0, tok)
        i -= 1
    possessors = [t for t in role if t.dep_ == "poss"]
    in_possessor = {t.i for p in possessors for t in p.subtree}
    words = [t for t in role if t.dep_ not in ("det", "case", "punct") and t.i not in in_possessor]
    # A role is the run of words up to the name ('former NATO chief'), never a stray adjective alone.
    if (
        words
        and not (len(words) == 1 and words[0].pos_ == "ADJ")
        and (cluster.type != "person" or _person_word(words[-1]) or words[-1].lower_ == "elect")
    ):  # 'Emery states Trump': a misread verb before a name is no title
        text = doc[words[0].i : words[-1].i + 1].text
        if cluster.type == "person" and words[-1].tag_ == "NNS":
            # 'cabinet ministers Ann Lee and Tom Ware': a plural title before names joined by
            # 'and' is each one's title in the singular
            last = words[-1]
            single = (
                last.lemma_ if last.text.islower() else last.lemma_[:1].upper() + last.lemma_[1:]
            )
            text = doc[words[0].i : last.i].text_with_ws + single
            for conj in name.root.conjuncts:
                other = owner.get(conj.i)
                if other is not None and other is not cluster and other.type == "person":
                    _add_role(other, text)
        _add_role(cluster, text)
        for tok in words:
            other = owner.get(tok.i)
            if other is not None and other is not cluster and other.type != "person":
                cluster.affiliate(other)
    for poss in possessors:
        other = owner.get(poss.i)
        if other is not None:
            cluster.affiliate(other)


def _classifier_before(doc: Doc, name: Span) -> bool:
    """A lowercase common noun right before an organisation's name, in its noun phrase: what
    kind of body it is ('the news agency Reuters', 'gaming company Nintendo')."""
    if name.start == 0:
        return False
    prev = doc[name.start - 1]
    return prev.pos_ == "NOUN" and prev.text.islower() and _attached(prev, name)


def _attached(tok: Token, name: Span) -> bool:
    """Whether `tok` hangs, through words between it and the name, off the name itself."""
    steps = 0
    while tok.head.i != tok.i and steps < 12:
        tok = tok.head
        steps += 1
        if name.start <= tok.i < name.end:
            return True
    return False


def _appositions(doc: Doc, cluster: Cluster, name: Span, owner: dict[int, Cluster]) -> None:
    """'Almer, NATO's secretary general,' and 'Vossberg's successor, Almer': the noun phrase is a role."""
    head = name.root
    descs: list[Span] = []
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < name.start:
        noun = head.head
        descs.append(doc[noun.left_edge.i : noun.i + 1])
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i:
            desc = doc[child.left_edge.i : child.right_edge.i + 1]
            if len(desc) > MAX_ROLE_WORDS:
                # 'Mina, a former hospital clerk who opened ...': the noun and the words
                # before it, without the clause that follows
                desc = doc[child.left_edge.i : child.i + 1]
            descs.append(desc)
    for desc in descs:
        if len(desc) > MAX_ROLE_WORDS or "\n" in desc.text:
            continue
        if not _describes(cluster, desc, owner):
            continue
        if cluster.type != "group" and desc.root.tag_ in ("NNS", "NNPS"):
            continue  # 'farmers, traders, even the board': a plural describes several
        after = owner.get(desc.end) if desc.end < len(doc) else None
        if after is not None and after is not cluster and after.type == "person":
            continue  # 'Ann Lee, her husband Tom': the noun is the title of the name after it
        start = desc.start
        while start < desc.end and doc[start].dep_ == "det":
            start += 1
        _add_role(cluster, doc[start : desc.end].text)
        for tok in desc:
            other = owner.get(tok.i)
            if (
                other is not None
                and other is not cluster
                and (cluster.type != "person" or other.type != "person")
            ):
                cluster.affiliate(other)


PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ant", "ent")
"""Endings of English nouns for people by what they do ('writer', 'editor', 'economist')."""
PERSON_NOUNS = frozenset(
    """artist star colleague fellow chairman chairwoman chair head chief boss official spokesman
    spokeswoman spokesperson reporter advisor aide attacker veteran expert analyst activist
    figure hero despot friend ally rival candidate nominee victim survivor suspect partner""".split()
)
"""Nouns for people that the title list lacks."""


def _describes(cluster: Cluster, desc: Span, owner: dict[int, Cluster]) -> bool:
    """Whether an apposition can describe the entity: it is not headed or ended by another
    person's name ('translated by Ann Lee, the philosopher Joe Park': the description is Joe
    Park's), and a person's is a noun
    for a person ('the writer', not 'the poetry' or 'the fashions' of a misread list)."""
    doc = desc.doc
    for tok in (desc.root, desc[-1]):
        other = owner.get(tok.i)
        if other is None or other is cluster or other.type != "person":
            continue
        name = next(n for n in other.names if n.start <= tok.i < n.end)
        if tok is desc.root or (name.start > desc.start and doc[name.start - 1].pos_ == "NOUN"):
            return False  # '..., the philosopher Joe Park': the noun is Joe Park's
    return cluster.type != "person" or _person_word(desc.root)


def _person_word(head: Token) -> bool:
    """A noun for a person: a title or office, a kinship noun, or an agent noun ('writer')."""
    words = {head.lower_.rstrip("."), head.lemma_.lower().rstrip(".")}
    words |= {TITLE_ABBREVIATIONS.get(w, w) for w in words}
    return bool(
        words & (titles() | KIN_NOUNS | PERSON_NOUNS)
        or any(w.endswith(PERSON_SUFFIXES) for w in words)
    )


def _classifier_after(cluster: Cluster, name: Span) -> None:
    """'the Interfax news agency', 'the Mossa party', 'the Kessra region': the lowercase noun a
    body's or a place's name modifies says what kind of body or place it is."""
    doc = name.doc
    head = name[-1].head
    if name[-1].dep_ != "compound" or head.i < name.end or head.i - name.end > 2:
        return
    words = doc[name.end : head.i + 1]
    if any(not t.text.islower() or t.pos_ not in ("NOUN", "ADJ") for t in words):
        return
    kinds = ORG_CLASSIFIERS | BODY_NOUNS if cluster.type == "organization" else PLACE_CLASSIFIERS
    if head.pos_ != "NOUN" or head.lemma_.lower() not in kinds - {"brand"}:
        return
    for of in (c for c in head.children if c.lower_ == "of"):
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        known = place(doc[obj.left_edge.i : obj.i + 1].text) if obj is not None else None
        if known is None or known.kind not in ("country", "continent"):
            return  # 'the Ostra Valley village of Kell': the village is Kell (not 'province of China')
    if any(w in cluster.name().lower().split() for w in words.text.split()):
        return  # 'Vulture magazine': the noun is part of the name as used
    _add_role(cluster, words.text)


def _kind_of_place(cluster: Cluster, name: Span) -> None:
    """'the Libyan city of Qarsa', 'the regional capital of Dorvik': a place noun whose 'of'
    names the place says what it is."""
    doc = name.doc
    root = name.root
    of = root.head
    if (
        root.dep_ != "pobj"
        or of.lower_ != "of"
        or of.i != name.start - 1
        or cluster.type != "place"
    ):
        return
    noun = of.head
    if noun.pos_ != "NOUN" or noun.i > of.i or noun.lemma_.lower() not in PLACE_NOUNS:
        return
    start = noun.left_edge.i
    while start < noun.i and doc[start].dep_ in ("det", "poss", "case", "predet"):
        start += 1
    words = doc[start : noun.i + 1]
    if all(t.text.islower() or t.pos_ == "ADJ" for t in words) and len(words) <= 4:
        _add_role(cluster, words.text)


PLACE_NOUNS = PLACE_CLASSIFIERS | {"capital", "port", "island", "region", "enclave", "territory"}


def _of_phrase(cluster: Cluster, name: Span, owner: dict[int, Cluster]) -> None:
    """'Aram Seydo of the Mountain Democratic Party': affiliated with the party."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].lower_ != "of":
        return
    of = doc[name.end]
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    other = owner.get(obj.i) if obj is not None else None
    if other is not None and other is not cluster and other.type in ("organization", "place"):
        cluster.affiliate(other)


def _capitals(clusters: list[Cluster]) -> None:
    """A capital named for its government ('talks between Oslo and Riga') stays a place, tied to its country."""
    countries = {c.country: c for c in clusters if c.country}
    for cluster in clusters:
        if cluster.type != "place" or cluster.country:
            continue
        known = place(cluster.name())
        if known is not None and known.kind == "capital" and known.country in countries:
            cluster.affiliate(countries[known.country])
