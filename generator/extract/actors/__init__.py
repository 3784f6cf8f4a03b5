"""Actors: people, organisations, places and groups, merged over their mentions, with roles."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.clusters import Cluster, name_words
from generator.extract.actors.coref import add_descriptions, add_pronouns
from generator.extract.actors.gazetteer import demonyms, place
from generator.extract.actors.names import (
    ORG_ENDINGS,
    PLACE_CLASSIFIERS,
    PLACE_ENDINGS,
    Name,
    find_names,
    name_key,
    one_edit,
)
from generator.extract.actors.roles import add_roles
from generator.extract.common import ATTRIBUTING_VERBS, SPEECH_VERBS, doc_text, quote_regions
from generator.model import Actor, Mention
from generator.slugs import slug

GROUP_HEADS = frozenset(
    """ministers members states allies officials leaders countries nations lawmakers critics
    experts analysts governments diplomats investors residents protesters troops forces
    partners donors voters workers citizens politicians legislators senators economists
    observers activists militants rebels soldiers refugees companies firms banks agencies
    authorities negotiators envoys delegates representatives regulators""".split()
)
DOMAIN = re.compile(r"([A-Za-z][A-Za-z0-9-]*)\.(?:com|org|net|gov|edu|io|co\.uk|org\.uk)")
"""A web address used as an organisation's name: its first label is the name."""
STATE_NOUNS = frozenset("government authority administration military army".split())
"""Nouns for the state of a place: 'the U.S. government' names the country acting."""
QUANTIFIERS = frozenset({"some", "many", "several", "all", "other", "most", "few", "both"})
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes: 'Ann Lee Jr.' is not 'Ann Lee'."""


def _acronym(text: str) -> str:
    return re.sub(r"[.\s]", "", text).upper()


def _initials(span: Span) -> str:
    return "".join(t.text[0] for t in span if t.text[:1].isupper())


def extract_actors(doc: Doc) -> list[Actor]:
    """Actors of the document, merged across name variants, with roles and affiliations."""
    names = [n for n in find_names(doc) if n.kind in ("person", "organization", "place")]
    clusters = [c for c in _merge(doc, names) if not _only_modifier(c)]
    add_roles(doc, clusters)
    _add_demonym_affiliations(doc, clusters)
    add_descriptions(doc, clusters)
    add_pronouns(doc, clusters)
    groups = _groups(doc)
    return _to_actors(doc, clusters, groups)


def _merge(doc: Doc, names: list[Name]) -> list[Cluster]:
    """Clusters of name variants: same key, shorter forms of a fuller name, acronyms, country aliases."""
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    by_country: dict[str, Cluster] = {}
    aliases = _parenthetical_aliases(doc, names)
    # Longest names first, so that short variants can attach to the full name.
    for item in sorted(names, key=lambda n: (-name_words(n.span), n.span.start)):
        span, key, kind = item.span, item.key, item.kind or "other"
        domain = DOMAIN.fullmatch(span.text)
        if domain is not None and kind == "organization":
            key = name_key(domain.group(1))  # 'Factlane.com' is the site 'Factlane'
        if kind == "organization":
            key = _office_key(key)
        cluster = by_key.get(f"{kind}:{key}")
        known = place(span.text) if kind == "place" else None
        country = known.country if known is not None and known.kind == "country" else ""
        if cluster is None and country:
            cluster = by_country.get(country)
        if cluster is None and key in aliases:
            cluster = next((by_key[k] for k in by_key if k.split(":", 1)[1] == aliases[key]), None)
        if cluster is None:
            cluster = _match(span, kind, clusters)
        if cluster is None:
            cluster = Cluster(type=kind, country=country)
            clusters.append(cluster)
        cluster.names.append(span)
        by_key.setdefault(f"{kind}:{key}", cluster)
        if country:
            by_country.setdefault(country, cluster)
    _join_maiden_names(clusters)
    for cluster in clusters:
        cluster.names.sort(key=lambda s: s.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters


MAIDEN = frozenset({"née", "nee"})


def _join_maiden_names(clusters: list[Cluster]) -> None:
    """'Ann Lee, née Park': 'née' gives the surname a woman was born with, so 'Ann Park' named
    elsewhere in the article is the same person; her given name alone, which could not tell the
    two apart, then joins her too."""
    joined = False
    for cluster in [c for c in clusters if c.type == "person"]:
        if cluster not in clusters:
            continue
        for span in list(cluster.names):
            doc = span.doc
            i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
            if len(span) < 2 or i + 1 >= len(doc) or doc[i].lower_ not in MAIDEN:
                continue
            given, maiden = name_key(span[0].text), name_key(doc[i + 1].text)
            others = [
                c
                for c in clusters
                if c is not cluster
                and c.type == "person"
                and any(
                    len(s) > 1 and name_key(s[0].text) == given and name_key(s[-1].text) == maiden
                    for s in c.names
                )
            ]
            if len(others) == 1:
                cluster.names.extend(others[0].names)
                clusters.remove(others[0])
                joined = True
    if not joined:
        return
    for lone in [c for c in clusters if c.type == "person"]:
        if any(name_words(s) > 1 for s in lone.names):
            continue
        keys = {name_key(s.text) for s in lone.names}
        fits = [
            c
            for c in clusters
            if c is not lone
            and c.type == "person"
            and any(name_words(s) > 1 and name_key(s[0].text) in keys for s in c.names)
        ]
        if len(fits) == 1:
            fits[0].names.extend(lone.names)
            clusters.remove(lone)


def _office_key(key: str) -> str:
    """'department of environmental protection' → 'environmental protection department': English
    names an office either way ('the Health Ministry', 'the Ministry of Health')."""
    words = key.split()
    if len(words) >= 3 and words[0] in ORG_ENDINGS and words[1] == "of" and "of" not in words[2:]:
        return " ".join([*words[2:], words[0]])
    return key


def _only_modifier(cluster: Cluster) -> bool:
    """A place named only as the modifier of a noun ('U.S. officials', 'New York magazine'):
    used like an adjective of nationality, it describes others and is not itself an actor."""
    if cluster.type != "place":
        return False
    for span in cluster.names:
        root = span.root
        head = root.head
        if root.dep_ not in ("compound", "amod", "nmod") or head.i < span.end or head.i == root.i:
            return False
        if head.ent_type_ or head.pos_ != "NOUN" or not head.text.islower() or not _word(head):
            return False  # a headline in capitals is parsed too loosely to tell
        noun = head.lemma_.lower()
        if noun in PLACE_CLASSIFIERS or noun in STATE_NOUNS or noun in PLACE_ENDINGS:
            return False  # 'the Kessra region', 'the U.S. government', 'Heathrow airport'
    return True


def _word(tok: Token) -> bool:
    """A whole word (not a fragment such as 'non' of 'non-stop')."""
    doc = tok.doc
    glued = tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text in ("-", "–")
    return tok.is_alpha and not glued


def _parenthetical_aliases(doc: Doc, names: list[Name]) -> dict[str, str]:
    """'Kurdistan Democratic Party (KDP)': the bracketed short form → the key of the full name."""
    by_start = {n.span.start: n for n in names}
    aliases = {}
    for name in names:
        end = name.span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            short = by_start.get(end + 1)
            if (
                short is not None
                and len(short.span) == 1
                and short.key != name.key
                and short.span.text.replace(".", "").isupper()
                and len(short.span.text) >= 2
                and name.kind != "person"
                and place(short.span.text) is None
            ):
                aliases[short.key] = name.key
    return aliases


def _match(span: Span, kind: str, clusters: list[Cluster]) -> Cluster | None:
    """An existing cluster that `span` is a shorter variant of, when exactly one fits."""
    key = name_key(span.text)
    acro = _acronym(span.text)
    fits: list[Cluster] = []
    preferred: list[Cluster] = []
    for cluster in clusters:
        if cluster.type != kind:
            if kind != "person" and cluster.type in ("organization", "place"):
                # 'CBD' for 'Central Business District' whichever of the two the tagger chose
                if any(
                    _is_acronym_of(span, acro, name) and name_key(name.text) != key
                    for name in cluster.names
                ):  # ('DETROIT' the team and 'DETROIT' the town are two names, not an acronym)
                    fits.append(cluster)
            continue
        for name in cluster.names:
            full = name_key(name.text)
            if len(name) <= len(span):
                if kind != "person" and _is_acronym_of(span, acro, name):
                    fits.append(cluster)
                    break
                continue
            if kind == "person":
                if len(span) == 1 and key == name_key(name[-1].text):
                    # A name used alone is the surname in English prose: 'Lucien' after
                    # 'Henri Lucien' and 'Lucien Morel' is Henri Lucien.
                    fits.append(cluster)
                    preferred.append(cluster)
                    break
                if len(span) == 1 and key == name_key(name[0].text):
                    fits.append(cluster)
                    break
                if full.endswith(" " + key):
                    fits.append(cluster)
                    break
                if (
                    len(span) > 1
                    and name.start < span.start
                    and full.startswith(key + " ")
                    and not any(t.lower_.rstrip(".") in GENERATIONS for t in name[len(span) :])
                ):
                    # 'Ana Maria' after 'Ana Maria Lopez' (not after 'Ana Maria Lopez Jr.')
                    fits.append(cluster)
                    break
                continue
            if _is_acronym_of(span, acro, name):
                fits.append(cluster)
                break
            if (
                full.startswith(key + " ")
                and not any(t.lower_ in ("and", "&") for t in name)
                and not _place_of_its_own(span, name, kind)
            ):
                # 'Apple' for 'Apple Inc.': best when the rest is a company ending.
                rest = name[len(span) :]
                fits.append(cluster)
                if all(t.lower_ in ORG_ENDINGS or t.is_punct for t in rest):
                    preferred.append(cluster)
                break
            if full.endswith(" " + key) and kind == "organization" and len(span) > 1:
                fits.append(cluster)
                break
            if (
                full.endswith(" " + key)
                and kind == "organization"
                and _country_qualified(name, span)
            ):
                fits.append(cluster)  # 'Congress' for 'US Congress'
                break
            if kind == "organization" and len(span) == 1 and _clipped(span[0].text, name):
                fits.append(cluster)  # 'the Fed' for 'the Federal Reserve'
                break
    for group in (preferred, fits):
        unique = list({id(c): c for c in group}.values())
        if len(unique) == 1:
            return unique[0]
        if len(unique) > 1 and group is preferred and kind == "person":
            return _first_introduced(span, unique)
    if kind == "person" and len(span) == 1 and not fits:
        return _spelling_variant(span, clusters)
    return None


def _spelling_variant(span: Span, clusters: list[Cluster]) -> Cluster | None:
    """'Zelenskyy' after 'Volodymyr Zelensky', 'Varlay' after 'Owen Varley': a lone surname one
    letter away from the surname of exactly one person named in full (a transliteration or a
    typo), for surnames of five letters or more with the same first letter."""
    word = span.text
    if len(word) < 5 or not word.isalpha():
        return None
    found = []
    for cluster in clusters:
        if cluster.type != "person":
            continue
        surnames = {s[-1].text for s in cluster.names if len(s) > 1}
        if any(x[0] == word[0] and one_edit(x, word) for x in surnames):
            found.append(cluster)
    return found[0] if len(found) == 1 else None


def _first_introduced(span: Span, people: list[Cluster]) -> Cluster | None:
    """'Waaka' after 'Hemi Waaka' and, later, his son 'Rawiri James Waaka': news style
    keeps the bare surname for the person it introduced first and names a relative in full, so
    the surname goes to the earliest full name before it; None when none comes before."""
    before = [
        (min(s.start for s in c.names if len(s) > len(span)), n)
        for n, c in enumerate(people)
        if any(len(s) > len(span) and s.start < span.start for s in c.names)
    ]
    return people[min(before)[1]] if before else None


def _place_of_its_own(span: Span, name: Span, kind: str) -> bool:
    """'Las Vegas' beside 'Las Vegas Strip', 'Nordwind' beside 'Nordwind Japan': a city the gazetteer
    knows is not short for a street in it, and a body's name followed by a country or city
    names a branch of its own."""
    doc = span.doc
    if (
        span.start > 0
        and doc[span.start - 1].text == "The"
        and not doc[span.start - 1].is_sent_start
    ):
        return False  # 'at The Quay': a capital 'The' inside a sentence makes it a name's own
    if kind == "place":
        known = place(span.text)
        return known is not None and known.kind in ("country", "capital", "city", "province")
    rest = doc[name.start + len(span) : name.end]
    return len(rest) > 0 and place(rest.text) is not None


def _country_qualified(name: Span, span: Span) -> bool:
    """'US Congress' is 'Congress' qualified by its country: the words before are a country."""
    head = name.doc[name.start : name.end - len(span)]
    known = place(head.text) if len(head) else None
    return known is not None and known.kind == "country"


def _clipped(word: str, name: Span) -> bool:
    """A clipped form: one capitalised word of three letters or more, at most about half of the
    first word of a longer name, that it starts ('Fed' of 'Federal Reserve')."""
    first = name[0].text
    return (
        len(name) > 1
        and 3 <= len(word)
        and len(word) * 2 <= len(first) + 1  # 'Congress' is not clipped from 'Congressional'
        and word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
        and first.startswith(word)
    )


def _is_acronym_of(span: Span, acro: str, name: Span) -> bool:
    """'NATO' for 'North Atlantic Treaty Organization', 'EADS' for 'EADS N.V.'."""
    if len(acro) < 2 or not acro.isalpha() or not span.text.replace(".", "").isupper():
        return False
    return _initials(name) == acro or _acronym(name.text) == acro


def _add_demonym_affiliations(doc: Doc, clusters: list[Cluster]) -> None:
    """'the Hungarian foreign minister Laszlo Vendel' → affiliated with Hungary when Hungary is an actor."""
    by_country = {c.country: c for c in clusters if c.country}
    if not by_country:
        return
    owner = {
        tok: c
        for c in clusters
        if c.type == "person"
        for s in c.names
        for tok in range(s.start, s.end)
    }
    for tok in doc:
        country = demonyms().get(tok.lower_)
        if country is None or not tok.text[:1].isupper():
            continue
        target = by_country.get(country.country)
        head = tok.head
        for cand in (head, *head.children):
            person = owner.get(cand.i)
            if person is not None and target is not None:
                person.affiliate(target)
                break


def _groups(doc: Doc) -> list[tuple[str, list[Span]]]:
    """Collectives such as 'NATO foreign ministers' or 'member states', by their normalised words."""
    found: dict[str, list[Span]] = {}
    spans: list[Span] = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.tag_ != "NNS" or head.lower_ not in GROUP_HEADS:
            continue
        if _verb_as_noun(head):
            continue  # 'Emery states, "..."': a verb the tagger took for a plural noun
        start = chunk.start
        while start < head.i and (
            doc[start].dep_ in ("det", "poss", "case", "neg", "predet")
            and doc[start].lower_ not in QUANTIFIERS
        ):
            start += 1
        span = doc[start : head.i + 1]
        if len(span) < 2 and head.lower_ != "allies":
            continue
        spans.append(span)
    keys = {_group_key(span, set()) for span in spans}
    for span in spans:
        found.setdefault(_group_key(span, keys), []).append(span)
    return sorted(found.items(), key=lambda item: item[1][0].start)


def _group_key(span: Span, keys: set[str]) -> str:
    """The words that say which group a phrase names, as lemmas. A describing adjective before
    the head does not change the group: it is left out when it is graded (a comparative or
    superlative, or with a degree adverb: 'more senior ministers') or when the article also
    names the group without it ('weary port workers' ... 'port workers'), as long as a
    classifier is left beside the head. Classifiers stay: nouns ('port workers'), capitalised
    adjectives of nationality or affiliation ('Fenwick senators'), hyphenated compounds
    ('low-wage workers') and adjectives derived from nouns by a relational suffix ('federal',
    'regional')."""
    words = [t for t in span if t.lower_ not in QUANTIFIERS and t.dep_ != "neg"]
    full = " ".join(t.lemma_.lower() for t in words)
    describing = _describing(span)
    if not describing:
        return full
    rest = [t for t in words if t.i not in describing]
    if len(rest) < 2:
        return full  # 'the poorest countries': the adjective is what picks out the group
    short = " ".join(t.lemma_.lower() for t in rest)
    graded = any(
        doc_tok.tag_ in ("JJR", "JJS") or any(c.dep_ == "advmod" for c in doc_tok.children)
        for doc_tok in (span.doc[i] for i in describing)
    )
    return short if graded or short in keys else full


RELATIONAL_SUFFIXES = ("al", "ary", "ese", "ian", "ern")
"""Suffixes that derive an adjective from a noun ('federal', 'budgetary', 'Maltese',
'southern'): such an adjective classifies ('federal officials' are officials of the
federation), it does not describe."""
MIN_STEM = 3
"""Letters a derived adjective keeps before its suffix ('loc-al'; 'weary' is no 'we-ary')."""


def _describing(span: Span) -> set[int]:
    """Token indices of the lowercase adjectives (with their degree adverbs and coordination)
    that modify the head of a group phrase and could describe it rather than classify it."""
    head = span[-1]
    out: set[int] = set()
    for tok in span[:-1]:
        # 'weary port workers': the parser may hang the adjective on the noun beside it.
        on = tok.head
        if tok.dep_ != "amod" or not (
            on.i == head.i or on.dep_ == "compound" and on.head.i == head.i
        ):
            continue
        adjectives = [tok, *(c for c in tok.subtree if c.dep_ == "conj")]
        if any(not _describes(a) for a in adjectives):
            continue
        out.update(t.i for t in tok.subtree if span.start <= t.i < span.end)
    return out


def _describes(tok: Token) -> bool:
    """Whether an adjective may describe rather than classify: lowercase, not hyphenated, not
    derived from a noun."""
    if tok.tag_ not in ("JJ", "JJR", "JJS", "VBN", "VBG"):
        return False
    text = tok.text
    derived = any(
        text.endswith(suffix) and len(text) - len(suffix) >= MIN_STEM
        for suffix in RELATIONAL_SUFFIXES
    )
    return text.islower() and "-" not in text and not derived


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVES = frozenset({"who", "that", "which"})
FIRST_PERSON = frozenset({"my", "our"})


def acting_groups(doc: Doc, actors: list[Actor], speakers: set[str]) -> list[Actor]:
    """The actors without the groups that do nothing in the story. A group is an actor when it
    speaks (its id in `speakers`: the speakers and relayers of the quotes) or when one of its
    mentions is the subject of a verb, the agent of a passive ('approved by port workers') or
    the antecedent of a relative pronoun that is one ('port workers who struck'); a group only
    named as an object, a possessor or inside a prepositional phrase is a topic, not an actor.
    A group named in the first person ('our members', 'fellow citizens' with no other
    possessor) is the writer's or the speaker's own side addressed, not an actor.
    Only the story's own acts count: not a group's mention inside quoted words (the speaker's
    claim), nor the subject of a clause that is what a verb of saying or finding reports ('the
    survey shows that most dock workers back the mayor'), nor the subject of a verb of state or attitude
    ('most workers back', 'some members want', 'agencies are'), nor a group counted by the
    negative quantifier 'few' ('few ministers ever object' says that almost none do)."""
    regions = [(a, b) for a, b, _ in quote_regions(doc_text(doc))]
    return [
        a
        for a in actors
        if a.type != "group"
        or a.id in speakers
        or any(_acts(doc, m.start, m.end, regions) for m in a.mentions)
    ]


STATIVE_VERBS = frozenset(
    """be have face want need support remain seem appear like prefer know believe think own lack
    deserve receive suffer feel hope fear wish favor favour expect regard consider""".split()
)
"""Verbs of state, possession or attitude: their subject is in a state, it does not act."""


def _acts(doc: Doc, start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if any(a <= start < b for a, b in regions):
        return False  # in someone's quoted words: their claim, not the story's act
    head = span[-1]
    if any(c.lower_ == "few" and c.i > 0 and doc[c.i - 1].lower_ != "a" for c in head.children):
        return False
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in FIRST_PERSON:
            return False
    poss = any(c.dep_ == "poss" for c in head.children)
    if not poss and any(t.lower_ == "fellow" for t in span):
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # 'port workers and drivers struck': each conjunct is a subject
    if tok.dep_ in SUBJECTS:
        verb = tok.head
        if verb.lemma_.lower() in STATIVE_VERBS or _reported_clause(verb):
            return False
        return _finite_or_for(verb)
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    for clause in head.children:
        if clause.dep_ == "relcl" and any(
            c.dep_ in SUBJECTS and c.lower_ in RELATIVES for c in clause.children
        ):
            return True
    return False


def _reported_clause(verb: Token) -> bool:
    """Whether the verb heads a clause that a verb of saying, finding or belief reports
    ('saying that voters were coming out')."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in (ATTRIBUTING_VERBS | SPEECH_VERBS)


def _finite_or_for(verb: Token) -> bool:
    """Whether a verb can have the subject the parser gave it: an infinitive ('to stay') has
    an overt subject only after 'for' ('for port workers to stay'); 'as port workers to stay'
    is a misreading."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _verb_as_noun(head: Token) -> bool:
    """A plural 'noun' that governs a clause or object, or stands as the sentence's root before a
    comma or colon that opens what is said: a verb ('states', 'reports') mis-tagged."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in head.children):
        return True
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return head.dep_ == "ROOT" and after is not None and after.text in (",", ":")


def _to_actors(
    doc: Doc, clusters: list[Cluster], groups: list[tuple[str, list[Span]]]
) -> list[Actor]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for cluster in clusters:
        ids[id(cluster)] = _unique(slug(cluster.name()), used)
    actors = []
    for cluster in clusters:
        places = {(s.start_char, s.end_char) for s in cluster.names} | set(cluster.extra)
        mentions = [Mention(start=a, end=b, text=doc_text(doc)[a:b]) for a, b in sorted(places)]
        affiliations = []
        for other in cluster.affiliations:
            target = ids.get(id(other))
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
                confidence=_confidence(cluster),
            )
        )
    for key, spans in groups:
        name = max(spans, key=lambda s: (not _describing(s), len(s), -s.start)).text
        actors.append(
            Actor(
                id=_unique(slug(key), used),
                name=name,
                type="group",
                roles=[],
                affiliations=[],
                mentions=[Mention(start=s.start_char, end=s.end_char, text=s.text) for s in spans],
                confidence=GROUP_CONFIDENCE,
            )
        )
    actors.sort(key=lambda a: a.mentions[0].start)
    return actors


KNOWN_CONFIDENCE = 0.95
"""A place the gazetteer knows, or a name used again with a title or a fuller form."""
REPEATED_CONFIDENCE = 0.75
"""One word used more than once, without a title or a fuller form: repetition shows it is a
name, not what it names (a product, a programme or a work is repeated as often as a company)."""
FULL_NAME_CONFIDENCE = 0.75
"""A name of two words or more, used once."""
SINGLE_CONFIDENCE = 0.6
"""One word, used once: the type rests on the tagger's one vote."""
GROUP_CONFIDENCE = 0.7
"""A collective ('NATO foreign ministers'): its extent is a reading of the noun phrase."""


def _confidence(cluster: Cluster) -> float:
    """How much evidence the name and its type rest on: a gazetteer, repetition, a title."""
    if cluster.type == "place" and place(cluster.name()) is not None:
        return KNOWN_CONFIDENCE
    uses = len(cluster.names)
    full = name_words(max(cluster.names, key=name_words)) > 1
    if uses > 1 and (full or cluster.roles):
        return KNOWN_CONFIDENCE
    if uses > 1:
        return REPEATED_CONFIDENCE
    return FULL_NAME_CONFIDENCE if full or cluster.roles else SINGLE_CONFIDENCE


def _unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate = f"{ident}-{n}"
        n += 1
    used.add(candidate)
    return candidate
