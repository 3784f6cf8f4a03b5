"""How sure a quote's speaker is: named at the cue, a pronoun with one fitting antecedent, or a guess.

A speaker named by the reporting clause itself ('X said') is as sure as the parse; a pronoun is
only as sure as its antecedent is unique (gender and person checked against the people named in
its sentence and the one before); a quote that carries on a previous speaker or a description
that names no actor is a reading, not a fact. Below `CONFIDENT` the site marks the speaker
unclear; with no speaker at all the confidence is `UNCERTAIN`'s lower side.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.extract.common import PRONOUNS_PERSON, SPEECH_VERBS, doc_text, given_names
from generator.extract.quotes.cues import AGENT_NOUNS
from generator.model import CONFIDENT, UNCERTAIN, Actor, Speaker

NAMED = 0.95
"""The cue's own subject is a named actor."""
PRONOUN_ONE = 0.85
"""A pronoun with exactly one fitting person named before it nearby."""
PRONOUN_MANY = 0.6
"""A pronoun with several people it could mean."""
PARAGRAPH_ONE = 0.8
"""A pronoun whose sentence names nobody, with one fitting person named in its paragraph (or
the one before) outside quote marks."""
EARLIER_ONE = 0.7
"""The same, with the person named only in an earlier paragraph."""
PARAGRAPHS_BACK = 4
"""How many paragraphs back a pronoun speaker is looked for."""
DESCRIPTION = 0.7
"""'the company said', 'officials said': a description that names no actor."""
CARRIED = 0.65
"""A free-standing quote given to the subject of the sentence before it."""
NO_SPEAKER = 0.4
"""Nobody named."""
BODY_NOUNS = frozenset(
    """company firm group agency organization organisation bank carrier airline maker
    manufacturer retailer chain network ministry department government""".split()
)
"""'the company said': a body that stands for the one organisation named before it."""
SPOKES_NOUNS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "representative"})
"""People who speak for a body ('agency officials said', 'the officials said')."""
FEMALE = frozenset({"she", "her", "hers", "herself"})
MALE = frozenset({"he", "him", "his", "himself"})
PRONOUNS_ANY = frozenset({"i", "we", "you", "they", "them", "it", "us", "me"})

assert NO_SPEAKER < UNCERTAIN < CARRIED < CONFIDENT <= PRONOUN_ONE


def _with_content(doc: Doc, quoted: bytearray, content: tuple[int, int] | None) -> bytearray:
    """`quoted` with the tokens of `content` (character offsets) marked as well."""
    if content is None:
        return quoted
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return quoted
    marked = bytearray(quoted)
    marked[span.start : span.end] = b"\x01" * len(span)
    return marked


def _gender(actor: Actor) -> str:
    first = actor.name.split()[0].lower() if actor.name.split() else ""
    return given_names().get(first, "either")


def speaker_confidence(
    doc: Doc,
    speaker: Speaker | None,
    carried: bool,
    actors: dict[str, Actor],
    quoted: bytearray,
    content: tuple[int, int] | None = None,
) -> tuple[Speaker | None, float]:
    """The speaker to keep (a pronoun resolved when one person fits, else left unresolved) and
    how sure it is. A body standing for an organisation named before it ('the agency said')
    is never one named only inside `content`, the words it is said to have said."""
    if speaker is None:
        return None, NO_SPEAKER
    head = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if head is None or not any(t.is_alpha and len(t) > 1 or t.lower_ in ("i",) for t in head):
        return None, NO_SPEAKER  # a stray possessive or mark
    if head.root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return None, NO_SPEAKER  # the parse took a preposition or a verb for the subject
    lower = speaker.text.lower()
    actor = actors.get(speaker.actor) if speaker.actor else None
    if carried:
        return speaker, CARRIED
    if lower in PRONOUNS_PERSON:
        if actor is None:
            found = _paragraph_person(doc, speaker.start, actors, lower, quoted)
            if found is None:
                return speaker, NO_SPEAKER
            who = Speaker(actor=found[0], text=speaker.text, start=speaker.start, end=speaker.end)
            return who, found[1]
        fits = _people_before(doc, speaker.start, actors, lower)
        if actor.id not in fits:
            # The actor the pronoun was linked to is not named nearby: the one person of its
            # gender named in its sentence or the one before, if there is exactly one, is the
            # nearest fitting antecedent, a reading below CONFIDENT since the two disagree.
            nearest = fits[0] if len(fits) == 1 else None
            unlinked = Speaker(
                actor=nearest, text=speaker.text, start=speaker.start, end=speaker.end
            )
            return unlinked, NO_SPEAKER if nearest is None else EARLIER_ONE
        return speaker, PRONOUN_ONE if len(fits) == 1 else PRONOUN_MANY
    body = lower == "it" or head.root.lemma_.lower() in BODY_NOUNS
    said = _with_content(doc, quoted, content) if body else quoted
    if body and actor is not None and (actor.type == "person" or not _names(head, actor)):
        # 'The company also said' linked to a company not named nearby, while another one is
        # named earlier in the paragraph: the nearest fitting antecedent is the reading.
        # A body noun linked to a person is a slip of the linking ('the company' is no person).
        found = _paragraph_person(doc, speaker.start, actors, lower, said, "organization")
        elsewhere = actor.type == "person" or not _named_near(doc, actor, speaker)
        if found is not None and found[0] != actor.id and elsewhere:
            actor = None
    if (actor is None or actor.type == "group") and head.root.lemma_.lower() in SPOKES_NOUNS:
        found_body = _officials_body(doc, head, actors, quoted)
        if found_body is not None:
            who = Speaker(actor=found_body, text=speaker.text, start=speaker.start, end=speaker.end)
            return who, DESCRIPTION
    if actor is None and body:
        # 'the company said', 'It said': the one organisation named before it nearby.
        found = _paragraph_person(doc, speaker.start, actors, lower, said, "organization")
        if found is not None:
            who = Speaker(actor=found[0], text=speaker.text, start=speaker.start, end=speaker.end)
            return who, min(found[1], DESCRIPTION)
    if lower == "it" or lower == "they" and actor is not None and actor.type == "organization":
        return speaker, DESCRIPTION  # 'it said': a thing or a body, whichever was last in view
    if lower == "they" and actor is None:
        group = _plural_speaker_before(doc, head, actors)
        if group is not None:
            # 'Officials said ... They said ...': the speakers of the sentence before.
            who = Speaker(actor=group, text=speaker.text, start=speaker.start, end=speaker.end)
            return who, DESCRIPTION
    if lower in PRONOUNS_ANY or lower in ("who", "that", "which"):
        return speaker, PRONOUN_ONE if actor is not None else DESCRIPTION
    if actor is None or actor.type == "group" or not _names(head, actor):
        return speaker, DESCRIPTION
    return speaker, NAMED


def _officials_body(
    doc: Doc, head: Span, actors: dict[str, Actor], quoted: bytearray
) -> str | None:
    """The organisation that 'agency officials' or 'the officials' speak for: for a body noun
    ('agency officials'), the one organisation named before nearby; for 'the officials', the
    body of the officials last named with it ('Lakeside Power officials ... the officials said')."""
    root = head.root
    compounds = [c for c in root.children if c.dep_ == "compound"]
    if any(c.lemma_.lower() in BODY_NOUNS for c in compounds):
        found = _paragraph_person(doc, head.start_char, actors, "it", quoted, "organization")
        return found[0] if found is not None else None
    if compounds or not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
        return None
    text = doc_text(doc)
    lo = head.start_char
    for _ in range(PARAGRAPHS_BACK):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
    for tok in reversed(doc[: root.i]):
        if tok.idx < lo:
            break
        if tok.lemma_.lower() != root.lemma_.lower():
            continue
        for child in tok.children:
            if child.dep_ not in ("compound", "poss"):
                continue
            body = next(
                (a for a in actors.values() if a.type == "organization"
                 and any(m.start <= child.idx < m.end for m in a.mentions)),
                None,
            )  # fmt: skip
            if body is not None:
                return body.id
    return None


def _plural_speaker_before(doc: Doc, head: Span, actors: dict[str, Actor]) -> str | None:
    """The group or body that is the plural subject of a verb of saying in the sentence before
    ('Administration officials said ...'), when there is exactly one."""
    sent = head[0].sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    found: set[str] = set()
    for tok in prev:
        if tok.dep_ != "nsubj" or tok.tag_ not in ("NNS", "NNPS") or tok.head.pos_ != "VERB":
            continue
        if tok.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        for actor in actors.values():
            if actor.type in ("group", "organization") and any(
                m.start <= tok.idx < m.end for m in actor.mentions
            ):
                found.add(actor.id)
    return found.pop() if len(found) == 1 else None


def _named_near(doc: Doc, actor: Actor, speaker: Speaker) -> bool:
    """Whether `actor` is named (not only described) in the speaker's paragraph before it, or
    in the paragraph before that."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, speaker.start) + 1
    start = text.rfind("\n", 0, max(0, start - 1)) + 1
    return any(start <= m.start < speaker.start and _by_name(m.text, False) for m in actor.mentions)


def _names(head: Span, actor: Actor) -> bool:
    """Whether the speaker's words name the actor: a capitalised word of its name ('Pellow',
    'Lakeside Power officials'), or a description the article gives this actor as a role ('the
    president' for a president); 'the company' linked to one of several companies is a
    reading, not a name."""
    name_words = set(re.split(r"[\s\-\u2010\u2011]+", actor.name.lower()))
    if any(t.text[:1].isupper() and t.lower_ in name_words for t in head if t.is_alpha):
        return True
    lemma, lower = head.root.lemma_.lower(), head.root.lower_
    return any(w in (lemma, lower) for role in actor.roles for w in role.lower().split())


def _paragraph_person(
    doc: Doc,
    offset: int,
    actors: dict[str, Actor],
    pronoun: str,
    quoted: bytearray,
    kind: str = "person",
) -> tuple[str, float] | None:
    """The one person of the pronoun's gender named outside quote marks earlier in its paragraph,
    or else in the nearest paragraph before (up to `PARAGRAPHS_BACK`) that names anyone who fits;
    None when there are none or several there."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, offset) + 1
    end = offset
    for back in range(PARAGRAPHS_BACK + 1):
        fits = _named_between(doc, start, end, actors, pronoun, quoted, kind)
        if len(fits) == 1:
            return fits[0], PARAGRAPH_ONE if back == 0 else EARLIER_ONE
        if kind == "person" and pronoun in FEMALE | MALE:
            # Several fit only because some names' gender is unknown: the one whose given name
            # is of the pronoun's gender is the likelier reading, not a sure one.
            sure = [a for a in fits if _gender(actors[a]) != "either"]
            if len(sure) == 1:
                return sure[0], EARLIER_ONE
        if fits or start == 0:
            return None
        end = start
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
    return None


def _named_between(
    doc: Doc,
    lo: int,
    hi: int,
    actors: dict[str, Actor],
    pronoun: str,
    quoted: bytearray,
    kind: str = "person",
) -> list[str]:
    found: list[str] = []
    for actor in actors.values():
        if actor.type != kind or kind == "person" and not _fits(actor, pronoun):
            continue
        for m in actor.mentions:
            if lo <= m.start < hi and _by_name(m.text, kind == "person"):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and not quoted[span.start]:
                    found.append(actor.id)
                    break
    return found


def _by_name(mention: str, person: bool = True) -> bool:
    """A mention by name ('Li', 'Dr. Li') or by a word for a person ('the president'), not a
    pronoun or a description of a thing ('the telescope' linked to a person by mistake): a
    pronoun's antecedent is looked for among people named."""
    words = [w for w in mention.split() if w.lower() not in ("the", "a", "an")]
    if mention.lower() in PRONOUNS_PERSON or not words:
        return False
    if any(w[:1].isupper() for w in words):
        return True
    last = words[-1].lower()
    return person and (last in AGENT_NOUNS or last[:-1] in AGENT_NOUNS)


def _fits(actor: Actor, pronoun: str) -> bool:
    gender = _gender(actor)
    return not (pronoun in FEMALE and gender == "male" or pronoun in MALE and gender == "female")


def _people_before(doc: Doc, offset: int, actors: dict[str, Actor], pronoun: str) -> list[str]:
    """Ids of the people named (not by pronoun) in the sentence of `offset` before it and in the
    sentence before, who fit the pronoun's gender."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return []
    sent = span[0].sent
    lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    found: list[str] = []
    for actor in actors.values():
        if actor.type != "person":
            continue
        if not _fits(actor, pronoun):
            continue
        named = any(lo <= m.start < offset and _by_name(m.text) for m in actor.mentions)
        if named and actor.id not in found:
            found.append(actor.id)
    return found
