"""Actors: people, organisations, places and groups, merged over their mentions, with roles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from .common import PRONOUNS_PERSON, doc_text, slug

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
GROUP_HEADS = frozenset(
    """ministers members states allies officials leaders countries nations lawmakers critics
    experts analysts governments diplomats investors residents protesters troops forces
    partners donors voters workers citizens politicians legislators senators economists
    observers activists militants rebels soldiers refugees companies firms banks agencies
    authorities negotiators envoys delegates representatives regulators""".split()
)
NAME_STRIP = {"the", "a", "an", "'s", "’s", "'"}


@dataclass
class _Cluster:
    """Mentions of one real-world entity while they are being merged."""

    type: str
    names: list[Span] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    def name(self) -> str:
        """The fullest proper name: most words, then longest, then first used."""
        best = max(self.names, key=lambda s: (len(s), len(s.text), -s.start_char))
        return best.text

    def keys(self) -> set[str]:
        return {_norm(s.text) for s in self.names}


def _norm(text: str) -> str:
    return re.sub(r"[.\s]+", " ", text.replace("’", "'")).strip().lower()


def _acronym(text: str) -> str:
    return re.sub(r"[.\s]", "", text).upper()


def _initials(span: Span) -> str:
    return "".join(t.text[0] for t in span if t.text[:1].isupper())


def _name_span(ent: Span) -> Span | None:
    """The entity without a leading determiner or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in NAME_STRIP:
        start += 1
    while end > start and ent.doc[end - 1].lower_ in NAME_STRIP:
        end -= 1
    if start >= end:
        return None
    span = ent.doc[start:end]
    if not any(ch.isupper() for ch in span.text):
        return None
    return span


def _role_tokens(name: Span) -> tuple[list[Token], list[Token]]:
    """Title words before a person's name in the same noun phrase, and possessors among them."""
    doc = name.doc
    role: list[Token] = []
    i = name.start - 1
    while i >= 0:
        tok = doc[i]
        if not _attached(tok, name):
            break
        if tok.dep_ in ("compound", "amod", "nmod", "poss", "case", "det", "nummod"):
            role.insert(0, tok)
            i -= 1
            continue
        break
    possessors = [t for t in role if t.dep_ == "poss"]
    role_words = [
        t
        for t in role
        if t.dep_ not in ("det", "case")
        and t not in possessors
        and not _in_possessor(t, possessors)
    ]
    return role_words, possessors


def _attached(tok: Token, name: Span) -> bool:
    """Whether `tok` hangs, through words between it and the name, off the name itself."""
    while tok.head.i != tok.i and tok.i < name.end:
        tok = tok.head
        if name.start <= tok.i < name.end:
            return True
        if tok.i < name.start - 12:
            return False
    return False


def _in_possessor(tok: Token, possessors: list[Token]) -> bool:
    return any(tok in p.subtree for p in possessors)


def extract_actors(doc: Doc) -> list[Actor]:
    """Actors of the document, merged across name variants, with roles and affiliations."""
    names: list[tuple[Span, str]] = []
    for ent in doc.ents:
        kind = LABEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        span = _name_span(ent)
        if span is not None:
            names.append((span, kind))
    kinds = _consistent_types(names)
    clusters = _merge(names, kinds)
    _add_roles(doc, clusters)
    _add_descriptions(doc, clusters)
    _add_pronouns(doc, clusters)
    groups = _groups(doc)
    return _to_actors(doc, clusters, groups)


def _consistent_types(names: list[tuple[Span, str]]) -> dict[str, str]:
    """One type per surface name in a document: the most frequent label wins, people first on ties."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span, kind in names:
        votes[_norm(span.text)][kind] += 1
    surnames = {_norm(span[-1].text) for span, kind in names if kind == "person" and len(span) > 1}
    result = {}
    for key, counter in votes.items():
        if key in surnames:
            result[key] = "person"
            continue
        order = ["person", "place", "organization"]
        result[key] = max(counter, key=lambda k: (counter[k], -order.index(k)))
    return result


def _merge(names: list[tuple[Span, str]], kinds: dict[str, str]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    # Longest names first, so that short variants can attach to the full name.
    for span, _ in sorted(names, key=lambda item: (-len(item[0]), item[0].start)):
        key = _norm(span.text)
        kind = kinds[key]
        cluster = by_key.get(key) or _match(span, kind, clusters)
        if cluster is None:
            cluster = _Cluster(type=kind)
            clusters.append(cluster)
        cluster.names.append(span)
        by_key[key] = cluster
    for cluster in clusters:
        cluster.names.sort(key=lambda s: s.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters


def _match(span: Span, kind: str, clusters: list[_Cluster]) -> _Cluster | None:
    """An existing cluster that `span` is a shorter variant of, when exactly one fits."""
    key = _norm(span.text)
    acro = _acronym(span.text)
    fits = []
    for cluster in clusters:
        if cluster.type != kind:
            continue
        for name in cluster.names:
            if (
                kind == "person"
                and len(span) == 1
                and len(name) > 1
                and key in (_norm(name[-1].text), _norm(name[0].text))
            ):
                fits.append(cluster)
                break
            if (
                kind == "person"
                and len(span) > 1
                and len(name) > len(span)
                and _norm(name.text).endswith(" " + key)
            ):
                fits.append(cluster)
                break
            if (
                kind != "person"
                and acro.isalpha()
                and len(acro) >= 2
                and span.text.replace(".", "").isupper()
                and _initials(name) == acro
            ):
                fits.append(cluster)
                break
            if kind != "person" and _acronym(name.text) == acro and len(acro) >= 2:
                fits.append(cluster)
                break
    unique = {id(c): c for c in fits}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _add_roles(doc: Doc, clusters: list[_Cluster]) -> None:
    owner = _owner_index(clusters)
    for cluster in clusters:
        if cluster.type != "person":
            continue
        for name in cluster.names:
            role, possessors = _role_tokens(name)
            if role:
                start, end = role[0].i, role[-1].i + 1
                text = doc[start:end].text
                if any(ch.isalpha() for ch in text) and text not in cluster.roles:
                    cluster.roles.append(text)
                for tok in doc[start:end]:
                    other = owner.get(tok.i)
                    if other is not None and other is not cluster and other.type != "person":
                        _affiliate(cluster, other)
            for poss in possessors:
                other = owner.get(poss.i)
                if other is not None and other is not cluster:
                    _affiliate(cluster, other)
            head = name.root
            for tok in (head, head.head):
                if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
                    desc = doc[tok.head.left_edge.i : tok.head.i + 1]
                    if desc.text not in cluster.roles:
                        cluster.roles.append(desc.text)
                elif tok.i == head.i:
                    for child in tok.children:
                        if child.dep_ == "appos" and child.pos_ == "NOUN":
                            desc = doc[child.left_edge.i : child.right_edge.i + 1]
                            if desc.text not in cluster.roles and len(desc) <= 8:
                                cluster.roles.append(desc.text)


def _affiliate(cluster: _Cluster, other: _Cluster) -> None:
    marker = f"@{id(other)}"
    if marker not in cluster.affiliations:
        cluster.affiliations.append(marker)


def _owner_index(clusters: list[_Cluster]) -> dict[int, _Cluster]:
    owner: dict[int, _Cluster] = {}
    for cluster in clusters:
        for name in cluster.names:
            for tok in name:
                owner[tok.i] = cluster
    return owner


def _add_descriptions(doc: Doc, clusters: list[_Cluster]) -> None:
    """Link 'the secretary general' to the one actor whose role ends with those words."""
    by_role: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in clusters:
        for role in cluster.roles:
            role_words = role.lower().split()
            for n in (2, 1):
                if len(role_words) >= n:
                    key = " ".join(role_words[-n:])
                    if cluster not in by_role[key]:
                        by_role[key].append(cluster)
    if not by_role:
        return
    first_name = {id(c): c.names[0].start_char for c in clusters}
    for chunk in doc.noun_chunks:
        if chunk[0].lower_ != "the" or len(chunk) < 2:
            continue
        end = chunk.end
        if chunk[-1].lower_ in ("’s", "'s"):
            end -= 1
        words = doc[chunk.start + 1 : end].text.lower()
        for n in (2, 1):
            key = " ".join(words.split()[-n:])
            if len(words.split()) == n and len(by_role.get(key, [])) == 1:
                cluster = by_role[key][0]
                if first_name[id(cluster)] < chunk.start_char:
                    cluster.extra.append(
                        (chunk.start_char, doc[end - 1].idx + len(doc[end - 1].text))
                    )
                break


def _add_pronouns(doc: Doc, clusters: list[_Cluster]) -> None:
    """Link he/his/she/her to the person named most recently, within the previous sentence."""
    people = [(s.start, s.end, c) for c in clusters if c.type == "person" for s in c.names]
    people += [
        (
            doc.char_span(a, b, alignment_mode="expand").start,
            doc.char_span(a, b, alignment_mode="expand").end,
            c,
        )
        for c in clusters
        if c.type == "person"
        for a, b in c.extra
    ]
    people.sort(key=lambda item: item[0])
    if not people:
        return
    sents = list(doc.sents)
    sent_of = {}
    for si, sent in enumerate(sents):
        for tok in sent:
            sent_of[tok.i] = si
    for tok in doc:
        if tok.lower_ not in PRONOUNS_PERSON or tok.pos_ != "PRON":
            continue
        before = [p for p in people if p[1] <= tok.i and sent_of[tok.i] - sent_of[p[0]] <= 1]
        if not before:
            continue
        candidates = {id(p[2]): p[2] for p in before if sent_of[p[0]] == sent_of[before[-1][0]]}
        if len(candidates) == 1:
            before[-1][2].extra.append((tok.idx, tok.idx + len(tok.text)))


def _groups(doc: Doc) -> list[tuple[str, list[Span]]]:
    """Collectives such as 'NATO foreign ministers' or 'member states', by their normalised words."""
    found: dict[str, list[Span]] = {}
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.tag_ != "NNS" or head.lower_ not in GROUP_HEADS:
            continue
        start = chunk.start
        while (
            start < head.i
            and doc[start].dep_ in ("det", "poss", "case")
            and doc[start].lower_ not in ("some", "many", "several", "all")
        ):
            start += 1
        span = doc[start : head.i + 1]
        if len(span) < 2 and head.lower_ != "allies":
            continue
        key = " ".join(
            t.lemma_.lower()
            for t in span
            if t.lower_ not in ("some", "many", "several", "all", "other")
        )
        found.setdefault(key, []).append(span)
    return sorted(found.items(), key=lambda item: item[1][0].start)


def _to_actors(
    doc: Doc, clusters: list[_Cluster], groups: list[tuple[str, list[Span]]]
) -> list[Actor]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for cluster in clusters:
        ids[id(cluster)] = _unique(slug(cluster.name()), used)
    actors = []
    for cluster in clusters:
        spans = {(s.start_char, s.end_char) for s in cluster.names} | set(cluster.extra)
        mentions = [Mention(start=a, end=b, text=doc_text(doc)[a:b]) for a, b in sorted(spans)]
        affiliations = []
        for marker in cluster.affiliations:
            target = next((ids[id(c)] for c in clusters if f"@{id(c)}" == marker), None)
            if target and target not in affiliations:
                affiliations.append(target)
        actors.append(
            Actor(
                id=ids[id(cluster)],
                name=cluster.name(),
                type=cluster.type,
                roles=list(cluster.roles),
                affiliations=affiliations,
                mentions=mentions,
            )
        )
    for key, spans in groups:
        name = max(spans, key=lambda s: (len(s), -s.start)).text
        actors.append(
            Actor(
                id=_unique(slug(key), used),
                name=name,
                type="group",
                roles=[],
                affiliations=[],
                mentions=[Mention(start=s.start_char, end=s.end_char, text=s.text) for s in spans],
            )
        )
    actors.sort(key=lambda a: a.mentions[0].start)
    return actors


def _unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate = f"{ident}-{n}"
        n += 1
    used.add(candidate)
    return candidate
