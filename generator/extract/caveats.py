"""Caveats: what an editor would flag as relayed, unattributed, hedged, loaded or inconsistent."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span

from ..model import Actor, Article, Caveat, Figure, Quote, TimeExpression
from .common import REPORTING_VERBS, doc_text, quote_regions

# Hedge cues after the CoNLL-2010 shared task and FactBank / Szeged uncertainty annotation
# guidelines: epistemic modals, doxastic verbs, conditionals and speculative adverbs.
HEDGE_CUES = [
    "may",
    "might",
    "could",
    "would",
    "possibly",
    "possible",
    "probably",
    "probable",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "reportedly",
    "allegedly",
    "apparently",
    "presumably",
    "supposedly",
    "seemingly",
    "suggest",
    "suggests",
    "suggested",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "believe",
    "believes",
    "believed",
    "suspect",
    "suspected",
    "speculate",
    "speculated",
    "estimate",
    "estimated",
    "expect",
    "expected",
    "expects",
    "whether",
    "if",
    "unclear",
    "uncertain",
    "potential",
    "potentially",
    "assume",
    "assumed",
    "predict",
    "predicted",
    "indicate",
    "indicates",
    "rumored",
    "rumoured",
    "thought to",
    "said to be",
    "is expected to",
    "are expected to",
    "it is not clear",
]
WEASEL_PHRASES = [
    "some",
    "many",
    "several",
    "critics",
    "experts",
    "observers",
    "analysts say",
    "sources",
    "it is said",
    "it is believed",
    "it is thought",
    "widely",
    "growing consensus",
    "most",
    "numerous",
    "various",
    "a number of",
    "some say",
    "people say",
    "officials say",
    "it has been suggested",
    "it is claimed",
    "commentators",
    "often",
    "generally",
    "considered",
    "regarded",
    "known as",
    "arguably",
    "so-called",
    "supporters",
    "opponents",
]
WEASEL_HEADS = frozenset(
    "allies experts critics observers analysts officials sources people countries members".split()
)
FORWARD_CUES = [
    "plan to",
    "plans to",
    "planned to",
    "planning to",
    "aim to",
    "aims to",
    "aiming to",
    "intend to",
    "intends to",
    "intent to",
    "intention to",
    "pledged to",
    "pledge to",
    "promised to",
    "vowed to",
    "target of",
    "set to",
    "is expected to",
    "are expected to",
    "will",
    "seeks to",
    "seeking to",
    "hopes to",
    "commitment to",
    "committed to",
    "signaled an intent",
    "signalled an intent",
    "proposed",
    "goal of",
]
LOADED_WORDS = [
    "stark",
    "aggressive",
    "dramatic",
    "drastic",
    "shocking",
    "outrageous",
    "brutal",
    "devastating",
    "alarming",
    "disastrous",
    "catastrophic",
    "staggering",
    "furious",
    "slammed",
    "blasted",
    "lashed out",
    "radical",
    "extremist",
    "notorious",
    "infamous",
    "so-called",
    "regime",
    "draconian",
    "reckless",
    "heroic",
    "shameful",
    "disgraceful",
    "historic",
    "unprecedented",
    "massive",
    "crushing",
    "landmark",
    "bombshell",
    "explosive",
    "chilling",
    "terrifying",
    "horrific",
    "absurd",
    "ridiculous",
    "baseless",
    "critical",
    "essential",
    "clear",
    "resolute",
]
ASSERTION_CUES = [
    "rooted in",
    "because",
    "due to",
    "driven by",
    "reflects",
    "reflecting",
    "caused by",
    "motivated by",
    "stems from",
    "stem from",
    "result of",
    "shifted",
    "aimed at",
    "in order to",
    "underscores",
    "highlights",
    "is essential",
    "depends on",
    "signals",
    "shows that",
]
SEVERITY = {
    "relayed": "warning",
    "unattributed": "warning",
    "hedged": "info",
    "forward-looking": "info",
    "weasel": "warning",
    "opinion": "warning",
    "inconsistency": "high",
    "missing-metadata": "info",
}


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    alternatives = sorted(
        (re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


HEDGE_RE = _phrase_re(HEDGE_CUES)
WEASEL_RE = _phrase_re(WEASEL_PHRASES)
FORWARD_RE = _phrase_re(FORWARD_CUES)
LOADED_RE = _phrase_re(LOADED_WORDS)
ASSERTION_RE = _phrase_re(ASSERTION_CUES)


def _sentence_text(doc: Doc, sent: Span) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    while end > start and doc_text(doc)[end - 1].isspace():
        end -= 1
    return start, end


def extract_caveats(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    quotes: list[Quote],
    figures: list[Figure],
    timexes: list[TimeExpression],
) -> list[Caveat]:
    """Caveats of the article, article-level ones first, then in text order."""
    caveats: list[Caveat] = _missing_metadata(article)
    regions = quote_regions(doc_text(doc))
    quoted = [(s, e) for s, e, _ in regions] + [(q.start, q.end) for q in quotes]
    actor_names = {a.id: a.name for a in actors}
    for quote in quotes:
        if quote.via:
            outlet = actor_names.get(quote.via, quote.via)
            caveats.append(
                Caveat(
                    kind="relayed",
                    text=quote.text,
                    start=quote.start,
                    end=quote.end,
                    cue=outlet,
                    severity="warning",
                    explanation=f"This statement is known only through {outlet}'s report; the original words and context were not checked here.",
                )
            )
    for sent in doc.sents:
        start, end = _sentence_text(doc, sent)
        if start >= end:
            continue
        text = doc_text(doc)[start:end]

        def outside(m: re.Match[str], start: int = start) -> bool:
            a, b = start + m.start(), start + m.end()
            return not any(x <= a and b <= y for x, y in quoted)

        for kind, pattern, why in (
            (
                "hedged",
                HEDGE_RE,
                "The sentence is hedged ('{cue}'): it states a possibility, not an established fact.",
            ),
            (
                "forward-looking",
                FORWARD_RE,
                "'{cue}' marks a plan or intention, not something that has happened.",
            ),
            (
                "weasel",
                WEASEL_RE,
                "'{cue}' is a vague source or quantity: the reader cannot tell who or how many.",
            ),
        ):
            match = next(
                (
                    m
                    for m in pattern.finditer(text)
                    if kind != "weasel" or _is_weasel(doc, start + m.start())
                ),
                None,
            )
            if match:
                caveats.append(
                    Caveat(
                        kind=kind,
                        text=text,
                        start=start,
                        end=end,
                        cue=match.group(0),
                        severity=SEVERITY[kind],
                        explanation=why.format(cue=match.group(0)),
                    )
                )
        loaded = next((m for m in LOADED_RE.finditer(text) if outside(m)), None)
        if loaded:
            caveats.append(
                Caveat(
                    kind="opinion",
                    text=text,
                    start=start,
                    end=end,
                    cue=loaded.group(0),
                    severity="warning",
                    explanation=f"'{loaded.group(0)}' is evaluative wording in the reporter's own voice.",
                )
            )
        if not _attributed(sent, start, end, quotes, quoted):
            cue = ASSERTION_RE.search(text)
            if cue:
                caveats.append(
                    Caveat(
                        kind="unattributed",
                        text=text,
                        start=start,
                        end=end,
                        cue=cue.group(0),
                        severity="warning",
                        explanation="This claim about causes, motives or facts is not attributed to anyone in the article.",
                    )
                )
    caveats.extend(_name_inconsistencies(actors))
    article_level = [c for c in caveats if c.start == c.end == 0]
    rest = sorted(
        (c for c in caveats if not (c.start == c.end == 0)), key=lambda c: (c.start, c.end, c.kind)
    )
    return article_level + rest


def _is_weasel(doc: Doc, offset: int) -> bool:
    """Quantifier weasels need a plural head that names people or groups ('some Western allies')."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    if tok.lower_ in ("some", "many", "several", "most", "numerous", "various"):
        head = tok.head
        return (
            head.tag_ == "NNS"
            and (head.lower_ in WEASEL_HEADS or head.ent_type_ in ("NORP",))
            or tok.dep_ == "nsubj"
        )
    return True


def _attributed(
    sent: Span, start: int, end: int, quotes: list[Quote], quoted: list[tuple[int, int]]
) -> bool:
    if any(q.start < end and start < q.end for q in quotes):
        return True
    if any(t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB" for t in sent):
        return True
    return "according to" in sent.text.lower()


def _missing_metadata(article: Article) -> list[Caveat]:
    missing = [
        name
        for name, value in (
            ("date", article.date),
            ("author", article.author),
            ("outlet", article.source),
            ("URL", article.url),
        )
        if not value
    ]
    if article.date_source == "inferred":
        missing = [m for m in missing if m != "date"]
    if not missing:
        return []
    severity = "warning" if "date" in missing else "info"
    what = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    extra = " Relative dates could not be resolved to calendar dates." if "date" in missing else ""
    return [
        Caveat(
            kind="missing-metadata",
            text="",
            start=0,
            end=0,
            cue=None,
            severity=severity,
            explanation=f"The article gives no {what}, so its provenance cannot be checked.{extra}",
        )
    ]


def _name_inconsistencies(actors: list[Actor]) -> list[Caveat]:
    """People whose names are spelled two ways: two person actors with near-identical names."""
    people = [a for a in actors if a.type == "person"]
    caveats = []
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            ratio = SequenceMatcher(None, a.name.lower(), b.name.lower()).ratio()
            if 0.8 <= ratio < 1.0:
                m = b.mentions[0]
                caveats.append(
                    Caveat(
                        kind="inconsistency",
                        text=m.text,
                        start=m.start,
                        end=m.end,
                        cue=f"{a.name} / {b.name}",
                        severity="high",
                        explanation=f"'{a.name}' and '{b.name}' may be the same person spelled two ways.",
                    )
                )
    return caveats
