"""Inconsistencies inside one article: names, figures, dates and roles that disagree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.tokens import Doc

from generator.extract.caveats.article import article_level
from generator.extract.common import doc_text, path_to_verb
from generator.model import (
    CONFIDENT,
    Actor,
    Article,
    Caveat,
    Figure,
    Mention,
    Severity,
    TimeExpression,
)

MIN_SURNAME = 4
"""Shorter names are compared only when equal: a letter apart, short names are other names."""
MAX_PEOPLE = 300
"""Pairwise name comparison is quadratic: beyond this many people only the first are compared."""
TITLE_HEADS = frozenset(
    """minister secretary president chairman chairwoman chair director governor mayor senator
    ambassador spokesman spokeswoman spokesperson chief commander general head leader
    premier chancellor envoy prosecutor judge editor""".split()
)
"""Head words of office titles, whose modifiers name one office ('Foreign Minister')."""
PORTFOLIOS = frozenset(
    """foreign defence defense finance interior home justice health education economy economic
    trade labour labor energy agriculture transport transportation environment culture treasury
    science industry housing commerce tourism communications information development security
    immigration sports veterans""".split()
)
"""Portfolio words: one minister or secretary holds one of them ('Foreign' vs 'Defence')."""
NEUTRAL_MODIFIERS = frozenset(
    "the a an deputy acting interim vice assistant then current new top senior".split()
)
CITATION = re.compile(r"\b(?:retrieved|accessed)\b|https?://", re.I)
"""A citation line ('retrieved 3 March 2021 from https://...'): the date is the reader's."""
MODAL_WINDOW = 12
"""Tokens before a date in which a modal ('might happen on Feb. 9') makes it a possibility."""
FUTURE_WORDS = frozenset("will scheduled expected planned due set upcoming next".split())
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CHANGE_WORDS = re.compile(
    r"\b(?:from|rose|risen|rise|fell|fallen|fall|up|down|increase[sd]?|decrease[sd]?|grew|"
    r"cut|raised?|lowered|previous|previously|earlier|initially|originally|revised|compared|"
    r"than|instead|higher|lower|more|less|another|additional|total|each|per)\b",
    re.I,
)


def inconsistencies(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    figures: list[Figure],
    timexes: list[TimeExpression],
) -> list[Caveat]:
    """Every name, figure, date and role that the article gives two ways."""
    return [
        *_name_variants(actors),
        *_unknown_variants(doc, actors),
        *_role_conflicts(actors),
        *_figure_conflicts(doc, figures),
        *_date_conflicts(doc, article, timexes),
        *_year_slips(doc, article, timexes),
    ]


def _surname(name: str) -> str:
    parts = [p for p in re.split(r"\s+", name.replace("\xad", "").strip()) if p[:1].isupper()]
    return parts[-1] if parts else name


def _one_letter_apart(a: str, b: str) -> bool:
    """Two words of one length that differ in exactly one letter ('Varley' / 'Varlay'): a typo,
    not a derived word ('Moldova' / 'Moldovan') nor another name ('Johnson' / 'Jackson')."""
    a, b = a.lower(), b.lower()
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _unknown_variants(doc: Doc, actors: list[Actor]) -> list[Caveat]:
    """A bare capitalised name no actor accounts for, in a person's place (the subject of a
    verb, a name entity), one letter away from a known person's surname: the person's name
    spelled a second way ('Owen Varley ... Varlay said')."""
    people = [a for a in actors if a.type == "person" and a.mentions and len(a.name.split()) > 1]
    surnames = {_surname(a.name): a for a in people if len(_surname(a.name)) >= MIN_SURNAME}
    persons = [a for a in actors if a.type == "person"]
    known_words = {w.lower() for a in persons for w in re.findall(r"\w+", a.name)}
    # A surname spelled another way may be merged into its person (extract.actors): still
    # raise it, so those mentions do not count as accounted for.
    mentioned = sorted(
        (m.start, m.end)
        for a in persons
        for m in a.mentions
        if not (m.text[:1].isupper() and m.text.lower() not in known_words and " " not in m.text)
    )
    caveats: list[Caveat] = []
    flagged: set[str] = set()
    for tok in doc:
        word = tok.text
        if (
            tok.pos_ != "PROPN"
            or not word[:1].isupper()
            or len(word) < MIN_SURNAME
            or word.lower() in known_words
            or word in flagged
            or any(s <= tok.idx < e for s, e in mentioned)
        ):
            continue
        if tok.ent_type_ not in ("PERSON", "ORG", "") or tok.dep_ not in (
            "nsubj",
            "compound",
            "poss",
        ):
            continue
        for surname, actor in surnames.items():
            if _one_letter_apart(word, surname) and actor.mentions[0].start < tok.idx:
                flagged.add(word)
                sent = tok.sent
                caveats.append(
                    Caveat(
                        kind="inconsistency",
                        text=sent.text.strip(),
                        start=sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
                        end=sent.start_char + len(sent.text.rstrip()),
                        cue=f"{actor.name} / {word}",
                        severity="warning",
                        explanation=f"'{word}' here, '{actor.name}' before: one name spelled "
                        "two ways, or a second person the article does not introduce.",
                        cue_start=tok.idx,
                        cue_end=tok.idx + len(word),
                        confidence=0.7,
                    )
                )
                break
    return caveats


def _name_variants(actors: list[Actor]) -> list[Caveat]:
    """Two people whose names differ by a letter or two: probably one name spelled two ways."""
    people = [a for a in actors if a.type == "person" and a.mentions][:MAX_PEOPLE]
    caveats = []
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            sa, sb = _surname(a.name), _surname(b.name)
            if sa.lower() == sb.lower() or min(len(sa), len(sb)) < MIN_SURNAME:
                continue
            if sa.lower().startswith(sb.lower()) or sb.lower().startswith(sa.lower()):
                continue  # 'Moldova' / 'Moldovan': a word derived from the name
            if SequenceMatcher(None, sa.lower(), sb.lower()).ratio() < 0.75:
                continue
            first_a, first_b = a.name.split()[0], b.name.split()[0]
            if (
                len(a.name.split()) > 1
                and len(b.name.split()) > 1
                and first_a[0].lower() != first_b[0].lower()
            ):
                continue  # different first names: two relatives, not one misspelt name
            later, earlier = (b, a) if b.mentions[0].start > a.mentions[0].start else (a, b)
            caveats.append(
                _inconsistency(
                    later.mentions[0],
                    f"{earlier.name} / {later.name}",
                    "high",
                    f"'{earlier.name}' and '{later.name}' may be one person whose name is spelled two ways.",
                )
            )
    return caveats


@dataclass(frozen=True)
class Office:
    """An office title, as far as comparing two of them needs."""

    head: str
    """The office itself ('minister')."""
    modifiers: frozenset[str]
    """The words that tell offices of one kind apart ('finance', 'deputy')."""
    former: bool
    """Held before, not now."""


def _title(role: str) -> Office | None:
    """The office a role names, or None when it is not one."""
    words = [w.lower().strip(".,") for w in role.split()]
    head = next((w for w in reversed(words) if w in TITLE_HEADS), None)
    if head is None:
        return None
    former = "former" in words or "ex" in words
    mods = frozenset(
        w for w in words[: words.index(head)] if w not in NEUTRAL_MODIFIERS and w != "former"
    )
    return Office(head, mods, former)


def _role_conflicts(actors: list[Actor]) -> list[Caveat]:
    """A person given two different offices of the same kind, or one office as current and former."""
    caveats = []
    for actor in actors:
        if actor.type != "person" or len(actor.roles) < 2 or not actor.mentions:
            continue
        titles = [(r, t) for r in actor.roles if (t := _title(r)) is not None]
        clash = None
        for i, (ra, ta) in enumerate(titles):
            for rb, tb in titles[i + 1 :]:
                if ta.head != tb.head:
                    continue
                if ta.former != tb.former and (
                    ta.modifiers <= tb.modifiers or tb.modifiers <= ta.modifiers
                ):
                    clash = (ra, rb, "as both current and former")
                elif (
                    (ta.modifiers & PORTFOLIOS)
                    and (tb.modifiers & PORTFOLIOS)
                    and ta.modifiers & PORTFOLIOS != tb.modifiers & PORTFOLIOS
                ):
                    clash = (ra, rb, "as two different offices")
                if clash:
                    break
            if clash:
                break
        if clash is None:
            continue
        caveats.append(
            _inconsistency(
                actor.mentions[0],
                f"{clash[0]} / {clash[1]}",
                "warning",
                f"{actor.name} is described {clash[2]}: '{clash[0]}' and '{clash[1]}'.",
                0.7,
            )
        )
    return caveats


def _figure_key(figure: Figure) -> tuple[str, str, str, str] | None:
    if figure.value is None or not figure.subject or figure.status != "fact":
        return None
    subject = " ".join(w for w in re.findall(r"[a-z]+", figure.subject.lower()) if len(w) > 2)
    if not subject:
        return None
    return figure.kind, figure.unit or "", figure.per or "", subject


def _figure_conflicts(doc: Doc, figures: list[Figure]) -> list[Caveat]:
    """The same measure (kind, unit, subject) given two different values in two sentences."""
    first: dict[tuple[str, str, str, str], Figure] = {}
    caveats = []
    for figure in figures:
        key = _figure_key(figure)
        if key is None:
            continue
        sent = _sentence_text(doc, figure.start)
        if CHANGE_WORDS.search(sent):
            continue  # 'rose from 3% to 5%', 'another 200': two figures on purpose
        earlier = first.get(key)
        if earlier is None:
            first[key] = figure
            continue
        if earlier.value == figure.value or _sentence_text(doc, earlier.start) == sent:
            continue
        caveats.append(
            _inconsistency(
                figure,
                f"{earlier.text} / {figure.text}",
                "high",
                f"The same measure is given as '{earlier.text}' and later as '{figure.text}'.",
                0.7,
            )
        )
    return caveats


def _sentence_text(doc: Doc, offset: int) -> str:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent.text if span is not None else ""


def _date_conflicts(doc: Doc, article: Article, timexes: list[TimeExpression]) -> list[Caveat]:
    """A weekday that does not fit its date, or a date after publication told as past."""
    caveats = []
    published = _parse_day(article.date) if article.date else None
    text = doc_text(doc)
    for tx in timexes:
        day = _parse_day(tx.value) if tx.type == "DATE" else None
        if day is None:
            continue
        named = _weekday_near(text, tx)
        if named is not None and named != day.weekday():
            caveats.append(
                _inconsistency(
                    tx,
                    tx.text,
                    "high",
                    f"'{tx.text}' is given as a {WEEKDAYS[named].title()}, but that date "
                    f"falls on a {WEEKDAYS[day.weekday()].title()}.",
                )
            )
            continue
        if (
            published is not None
            and day > published
            and _told_as_past(doc, tx)
            and not CITATION.search(_sentence_text(doc, tx.start))
        ):
            caveats.append(
                _inconsistency(
                    tx,
                    tx.text,
                    "high",
                    f"'{tx.text}' is after the article's date ({article.date}) but is told "
                    "as something that already happened.",
                )
            )
    return caveats


MONTHS = {
    m[:3]: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}
LINE_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4}))\b"
)
"""A full date as a headline or dek writes it: 'Jan. 17, 2022', '17 January 2022'."""
SLIP_DAYS = 2
"""How close to the publication day (ignoring the year) a date must be to count as a slip."""


def _year_slips(doc: Doc, article: Article, timexes: list[TimeExpression]) -> list[Caveat]:
    """A date in the headline or dek that is the publication day in all but the year, one year
    off ('Letters for Jan. 17, 2022' on a page of January 16, 2023): the edition's own date
    written with the wrong year, a common slip at the turn of a year."""
    published = _parse_day(article.date) if article.date else None
    if published is None:
        return []
    caveats = []
    for where, line in (("headline", article.title), ("dek", article.dek)):
        for m in LINE_DATE.finditer(line or ""):
            month = MONTHS.get((m.group("m1") or m.group("m2") or "")[:3].lower())
            day, year = int(m.group("d1") or m.group("d2")), int(m.group("y1") or m.group("y2"))
            if month is None or abs(year - published.year) != 1:
                continue
            try:
                same_year = dt.date(published.year, month, day)
            except ValueError:
                continue
            if abs((same_year - published).days) > SLIP_DAYS:
                continue
            caveats.append(
                article_level(
                    "inconsistency",
                    m.group(0),
                    "warning",
                    f"The {where} dates it '{m.group(0)}', but the page was published on "
                    f"{article.date}: the year looks like a slip.",
                    0.7,
                )
            )
    return caveats


def _inconsistency(
    where: Mention | Figure | TimeExpression,
    cue: str,
    severity: Severity,
    why: str,
    confidence: float = CONFIDENT,
) -> Caveat:
    """An inconsistency caveat on `where`, which is also the span its cue is shown on."""
    return Caveat(
        kind="inconsistency",
        text=where.text,
        start=where.start,
        end=where.end,
        cue=cue,
        severity=severity,
        explanation=why,
        cue_start=where.start,
        cue_end=where.end,
        confidence=confidence,
    )


def _parse_day(value: str | None) -> dt.date | None:
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _weekday_near(text: str, tx: TimeExpression) -> int | None:
    """The weekday written in or right before the expression ('Monday, December 3')."""
    window = text[max(0, tx.start - 12) : tx.end].lower()
    found = [i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", window)]
    return found[-1] if len(found) == 1 else None


def _told_as_past(doc: Doc, tx: TimeExpression) -> bool:
    """Whether the verb the date belongs to is in the simple past ('On December 9, she said')."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    *below, verb = path_to_verb(span.root)
    if any(
        t.i not in range(span.start, span.end) and t.pos_ in ("NOUN", "PROPN", "ADJ", "PRON")
        for t in below
    ):
        return False  # 'elections on March 13': the date belongs to a noun, not a past event
    if verb.tag_ != "VBD":
        return False
    before = span.doc[max(0, span.start - MODAL_WINDOW) : span.start]
    if any(t.tag_ == "MD" or t.lower_ in FUTURE_WORDS for t in [*verb.sent, *before]):
        return False  # a plan or possibility, even where a sentence break cut the clause
    return not any(c.lower_ == "to" for c in verb.children)
