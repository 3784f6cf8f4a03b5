"""Proper names in a document: cleaned spans and one type per name, decided over the whole document.

The statistical tagger labels each occurrence on its own and misses names in headlines, tables
and datelines. Here its labels are only votes: the spans are cut at punctuation, numbers and
line breaks; unlabelled occurrences of a name the tagger labelled elsewhere are added; and each
distinct name gets one type from its votes, a place gazetteer, person-name structure (initials,
a known person's surname) and the words organisations end with.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.gazetteer import demonyms, given_names, place, place_key, titles
from generator.extract.actors.tables import tables
from generator.extract.common import REPORTING_VERBS, SPEAKING_VERBS, doc_text
from generator.model import ActorType

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
OTHER_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
"""Labels of names that are not actors: votes for type `other`."""
CONNECTORS = frozenset(
    "of and & for de del della di da du des la le van von der den al el bin ibn y on upon".split()
)
"""Lowercase words that may stand inside a proper name ('Bank of England')."""
SPLIT_WORDS = frozenset({"v", "v.", "vs", "vs.", "at", "versus"})
LEADING_STRIP = frozenset({"the", "a", "an", "ex", "former", "late"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ORG_ENDINGS = frozenset(
    """inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv n.v. gmbh group holdings company
    corporation agency bank party airlines airways university college institute council ministry
    department association federation union committee commission foundation fund organization
    organisation exchange network times post news press journal herald tribune gazette telegraph
    television tv radio club church army navy court parliament assembly congress senate office
    service police authority board bureau administration government league alliance coalition
    front movement embassy consulate""".split()
)
"""Last words that make a capitalised name an organisation ('Acme Holdings', 'Daily News')."""
PLACE_ENDINGS = frozenset(
    """road street avenue square park bridge stadium arena hall centre center airport station
    river lake mountain mountains island islands bay valley county province district region
    sea ocean gulf strait canal""".split()
)
"""Last words that make a capitalised name a place ('Grace Road', 'Hudson River')."""
STREET_ENDINGS = frozenset(
    """road street avenue boulevard lane square plaza quarter river lake sea ocean gulf strait
    canal bay valley island islands mountain mountains terminal harbor harbour pier wharf
    marina""".split()
)
"""Place endings no organisation's name ends with: they decide over a tagger's vote."""
STREET_SUFFIXES = ("strasse", "straße", "platz", "allee", "gasse", "damm", "ufer")
"""German street and square words, written as one word with the name ('Lindenkampplatz')."""
SPORT_VERBS = frozenset(
    "beat defeat draw thrash rout edge overcome outplay eliminate whitewash trounce".split()
)
"""Verbs whose subject or object is a competing side."""
SCORE = re.compile(r"\d+(?:-\d+)?")
STRONG_PLACES = frozenset({"country", "capital", "continent"})


@dataclass
class Name:
    """One occurrence of a proper name."""

    span: Span
    """The words of the name, without determiner or possessive."""
    key: str
    """Normalised form shared by its variants in case and punctuation."""
    kind: ActorType | None = None
    """person | organization | place | other, once the document's vote is in."""


def name_key(text: str) -> str:
    """Case- and punctuation-insensitive form of a name ('U.S.' and 'US' meet, 'LONDON' and 'London')."""
    return place_key(text)


def find_names(doc: Doc) -> list[Name]:
    """Every proper-name occurrence of a person, organisation, place or other named thing, typed."""
    caps_lines = _caps_lines(doc)
    cells = _table_cells(doc)
    for start, end in _dateline_parts(doc):
        if not any(a < end and start < b for a, b in cells):
            cells[(start, end)] = "place"
    in_cells = {i for start, end in cells for i in range(start, end)}
    labelled: list[tuple[Span, ActorType | None]] = [
        (doc[start:end], kind) for (start, end), kind in cells.items()
    ]
    taken: set[int] = set(in_cells)
    for ent in doc.ents:
        ent = _whole_person(ent)
        named_after_place = _place_then_name(ent)
        if named_after_place is not None:
            ent = named_after_place
        if _in_caps(ent, caps_lines):
            # The tagger's spans in a line of capitals run across words ('ELMSTEAD BEAT NORLAND
            # IN CUP'): the words are left to the capitalised runs, cut into known names.
            continue
        for n, piece in enumerate(_pieces(ent)):
            kind: ActorType | None
            if any(t.i in in_cells for t in piece):
                continue  # the table's layout has the whole name
            if ent.label_ != "PERSON":
                piece = _without_date(piece)
            if ent.label_ == "NORP" and not _country_or_city(piece):
                continue  # nationalities and religions are not actors
            owned = piece.start > 0 and (
                doc[piece.start - 1].lower_ in ("'s", "’s")
                or _bare_possessive(doc[piece.start - 1])
            )
            if n > 0 and owned and ent.label_ == "ORG" and piece[-1].lower_ not in PLACE_ENDINGS:
                # 'Stanford University's Center on Poverty': the body the tagger labelled is
                # the one owned; its owner is a name of its own
                kind = LABEL_TYPES[ent.label_]
            elif n > 0:
                kind = None  # the label belongs to the first name of a span the tagger ran on
            elif named_after_place is not None:
                kind = "organization"
            elif ent.label_ in LABEL_TYPES:
                kind = LABEL_TYPES[ent.label_]
            elif ent.label_ in OTHER_LABELS and len(piece) == len(ent):
                kind = "other"
            else:
                kind = None  # a name the tagger buried in a number, date or other label
            labelled.append((piece, kind))
            taken.update(range(piece.start, piece.end))
    votes: dict[str, Counter[ActorType]] = defaultdict(Counter)
    things_named: set[str] = set()
    """Names a class noun calls a thing: 'varieties such as X', 'X, which is a chemical'."""
    typed_by_noun: set[str] = set()
    """Names a class noun calls a body or a place."""
    for span, kind in labelled:
        if kind is not None:
            votes[name_key(span.text)][kind] += 1
    tagged = {key: Counter(counts) for key, counts in votes.items()}
    """The tagger's own labels, before the words around the names add theirs."""
    which_named: set[str] = set()
    """Names a relative clause opened by 'which' refers to: English refers to a person with 'who'."""
    speakers: set[str] = set()
    """Names that are the subject of a verb of saying ('Tom Ruru said'): whoever they are, the
    two rules that take a name for a thing by its company (a thing's label, 'which') keep off."""
    text = doc_text(doc)
    evidence: set[str] = set()
    """Names with a person's mark beside one of their uses: a title, an apposition, 'who'."""
    determined: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for span, _ in labelled:
        key = name_key(span.text)
        seen[key] += 1
        determined[key] += _determined(span)
        if span.root.dep_ == "nsubj" and span.root.head.lemma_ in REPORTING_VERBS:
            speakers.add(key)
        for kind in _class_kinds(span):
            if kind == "other":
                things_named.add(key)
            else:
                votes[key][kind] += 3  # 'labels such as X', 'the village of X', 'eastern X'
                typed_by_noun.add(key)
        if _surname_alone(span, text):
            # 'Phoebe Hale-Barrow ... Hale-Barrow thanked': a given name, then the surname
            # used alone later, is how English prose names a person.
            votes[key]["person"] += 2
            evidence.add(key)
        relative = _relative_after(span)
        if relative == "who":
            votes[key]["person"] += 1  # 'Ferrand, who' is a person
            evidence.add(key)
        elif relative == "which" and place(span.text) is None:
            votes[key]["organization"] += 1  # 'Astrovia, which' is not
            which_named.add(key)
        if _person_role(span):
            # 'Eva-Marie Persson, a professor at ...': a person's title beside the name outvotes
            # a tagger that took the name for an organisation.
            votes[key]["person"] += 2
            evidence.add(key)
        if _body_apposition(span):
            votes[key]["organization"] += 2
        classed = _classified(span)
        if classed is not None:
            votes[key][classed] += 2  # 'space agency Astrovia', 'the Kessra region'
        if _after_title(span) or _initialled(span) or _after_kin(span) or _role_before(span):
            # 'President-elect Varga', 'Sen. Warner', 'J. Smith': only people carry these.
            votes[key]["person"] += 3
            evidence.add(key)
    unlike_person = {
        key for key, count in determined.items() if count * 2 >= seen[key] and key not in evidence
    }
    """'the Calloway is a late-ripening grape': English sets no determiner right before a
    person's name, so most uses with one outweigh a tagger's 'person'."""
    known = set(votes)
    labelled = _split_owners(labelled, known)
    labelled = _fuller_known(labelled, known)
    for n, (span, _kind) in enumerate(labelled):
        campus = _campus(span)
        if campus is not None:
            labelled[n] = (campus, "organization")
    for span, kind in labelled:
        if kind is not None and name_key(span.text) not in votes:
            votes[name_key(span.text)][kind] += 1  # a name joined across the tagger's cut
    for short, kind in _bracketed_acronyms(labelled):
        votes[short][kind] += 2
        known.add(short)
    people = _person_parts(
        [(span, "person" if _likely_person(votes.get(name_key(span.text))) else kind)
         for span, kind in labelled
         if not _common_head(span) and name_key(span.text) not in unlike_person]
    )  # fmt: skip
    new_people, tagged_people = _listed_people(doc, people, taken)
    for span in new_people:
        labelled.append((span, "person"))
        taken.update(range(span.start, span.end))
    for span in new_people + tagged_people:
        votes[name_key(span.text)]["person"] += 2
        evidence.add(name_key(span.text))
    for run in _capitalised_runs(doc, taken, caps_lines):
        for part in _segments(run, known | people):
            labelled.append((part, None))
            if _person_role(part) or _after_title(part):
                evidence.add(name_key(part.text))  # 'Emery, a writer for ...' untagged
    labelled = _join_adjacent(labelled, known)
    labelled = _people_before_a_noun(labelled)
    uses: Counter[str] = Counter()
    teams: Counter[str] = Counter()
    things: Counter[str] = Counter()
    wheres: Counter[str] = Counter()
    for span, _ in labelled:
        key = name_key(span.text)
        uses[key] += 1
        teams[key] += _team_context(span)
        things[key] += _names_a_thing(span)
        wheres[key] += _bare_locative(span)
    lowercase = _lowercase_words(doc)
    terms = _defined_terms(doc)
    datelines = _dateline_places(doc)
    sports = _sports_report(doc)
    thing_initials = {
        "".join(t.text[0] for t in span if t.text[:1].isupper())
        for span, _ in labelled
        if len(span) > 2 and _not_an_actor(span)
    }
    thing_keys = _thing_keys(doc)
    names = []
    kinds: dict[str, ActorType | None] = {}
    for span, _ in labelled:
        key = name_key(span.text)
        if (span.start, span.end) in cells:
            names.append(Name(span=span, key=key, kind=cells[(span.start, span.end)]))
            continue
        if key not in kinds:
            kinds[key] = _decide(span, key, votes.get(key), people, key in known)
            if kinds[key] == "place" and teams[key] * 2 >= uses[key] > 0 and teams[key]:
                if _weak_place(span) and key not in typed_by_noun:
                    kinds[key] = "organization"  # a city or county that mostly plays is its team
        kind = kinds[key]
        if _administration(span) and (kind == "person" or _likely_person(votes.get(key))):
            span = doc[span.start : span.end + 1]  # 'the Obama administration' governs
            key, kind = name_key(span.text), "organization"
        if kind is not None and _common_word(span, key, lowercase, people):
            kind = None  # 'Meth' beside 'meth', 'Monday': a common word or a date, not an actor
        if kind is not None and (_not_an_actor(span) or key in terms or _portfolio(span)):
            kind = None
        if kind is not None and one_word(span) and span.text in thing_initials:
            kind = None  # 'the ACA' after 'the Affordable Care Act': a law's initials
        if kind is not None and 0 < uses[key] == things[key] and key not in evidence:
            kind = None  # 'the Courier cargo ship', '"Tunnel Dash"': the name of a thing
        if (
            kind is not None
            and key in things_named
            and key not in evidence
            and key not in typed_by_noun
            and place(span.text) is None
        ):
            kind = None  # 'other varieties such as X': a class noun for a thing names a thing
        if kind is not None and _variant_of_person(span, people):
            kind = "person"  # 'Varlay' beside 'Owen Varley': the same surname misspelt
        elif kind == "person" and key in unlike_person:
            kind = _unsupported_person(span, votes, caps_lines)
        elif kind == "person" and key not in evidence and not _result_line(span):
            thing_like = key not in speakers
            if thing_like and key in which_named and not _body_or_place(tagged.get(key)):
                # 'the old Tane Ruru, which may be a thousand years old': the writer refers to
                # the name as a thing, and the tagger never called it a body or a place
                kind = None
            elif (
                (key not in people and one_word(span))
                or not _person_shaped(span, caps_lines)
                or (thing_like and _opens_a_thing(key, thing_keys))
            ):
                kind = _unsupported_person(span, votes, caps_lines)
        elif kind == "other" and key in evidence and place(span.text) is None:
            kind = "person"  # 'Emery, a writer for ...': a product or a work has no job
        if kind in ("other", None) and _speaking_person(span, people):
            kind = "person"  # '"We reopen in May," Ilse Varga tells me': a work does not talk
        if (
            kind == "place"
            and _weak_place(span)
            and (_team_context(span) or sports)
            and key not in typed_by_noun
        ):
            if not _locative(span) and span[-1].lower_ not in PLACE_ENDINGS:
                kind = "organization"
        if (
            kind == "organization"
            and 0 < uses[key] == wheres[key]
            and key not in typed_by_noun
            and key not in which_named
            and span[-1].lower_ not in ORG_ENDINGS
        ):
            kind = "place"  # 'a baker in Oberhal': a bare name only ever after 'in' is where
        if _in_ranges(span, datelines):
            kind = "place"  # 'NEW YORK 1996-08-30': a dateline opens with where the story is filed
        if kind is not None:
            names.append(Name(span=span, key=key, kind=kind))
    renamed = _renamed_things(labelled, {n.key: n.kind for n in names})
    names = [n for n in names if n.key not in renamed]
    _one_kind_per_table(names)
    _one_kind_per_list(names, evidence)
    _short_forms_of_organisations(names)
    names.sort(key=lambda n: n.span.start)
    return _drop_nested(names)


KNOWN_AS_ADVERBS = frozenset("otherwise also better commonly popularly locally".split())


def _renamed_things(
    labelled: list[tuple[Span, ActorType | None]], kinds: dict[str, ActorType | None]
) -> set[str]:
    """Keys of names that 'X, otherwise known as Y' gives a second name that is no actor (a
    thing, or a common noun the article also writes in lower case): X and Y name one thing,
    so X is no actor either ('the Calloway, otherwise known as Red Muscat')."""
    starts = {span.start: span for span, _ in labelled}
    out: set[str] = set()
    for span, _ in labelled:
        doc = span.doc
        i = span.end
        if i >= len(doc) or doc[i].text != ",":
            continue
        i += 1
        if i < len(doc) and doc[i].lower_ in KNOWN_AS_ADVERBS:
            i += 1
        if i + 1 >= len(doc) or doc[i].lower_ != "known" or doc[i + 1].lower_ != "as":
            continue
        i += 2
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        if i >= len(doc) or not doc[i].text[:1].isupper():
            continue
        other = starts.get(i)
        if other is None or kinds.get(name_key(other.text)) in (None, "other"):
            out.add(name_key(span.text))
    return out


DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
"""Months and days, and the short forms of months."""


def _without_date(piece: Span) -> Span:
    """'the August Kestrel Valley index', 'the March Norvane survey': a month or a day before
    a name dates what the phrase is about and is no part of the name (a tagger's label that is
    not a person's: 'August Wilson' keeps his given name)."""
    start = piece.start
    doc = piece.doc
    while (
        start + 1 < piece.end
        and doc[start].lower_.rstrip(".") in DATE_WORDS
        and _capitalised(doc[start + 1])
    ):
        start += 1
    return piece if start == piece.start else doc[start : piece.end]


def _bracketed_acronyms(
    labelled: list[tuple[Span, ActorType | None]],
) -> list[tuple[str, ActorType]]:
    """'the Kestrel Basin Board (KBB)', 'the KBB (Kestrel Basin Board)': an acronym in
    capitals set in brackets right after a name, or before it, made of that name's initials
    (in order, a word or two left out: 'Grain and Seed Exchange' may give 'GSE'), is the short form of the
    name, used alone afterwards: the key of the acronym with the kind the tagger gave the name."""
    found: list[tuple[str, ActorType]] = []
    for span, kind in labelled:
        if kind not in ("organization", "place") or len(span) < 2:
            continue
        doc = span.doc
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
        candidates = []
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            candidates.append(doc[span.end + 1])  # 'the Kestrel Basin Board (KBB)'
        opening = span.start - 1
        if opening > 0 and doc[opening].lower_ == "the":
            opening -= 1
        if (
            opening >= 1
            and doc[opening].text == "("
            and span.end < len(doc)
            and doc[span.end].text == ")"
        ):
            candidates.append(doc[opening - 1])  # 'the KBB (Kestrel Basin Board)'
        for tok in candidates:
            acronym = tok.text.replace(".", "")
            if 2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper():
                if _initials_of(acronym, initials):
                    found.append((name_key(tok.text), kind))
    return found


def _initials_of(acronym: str, initials: str) -> bool:
    """The acronym's letters are the name's initials in order, the first the same, at most two
    of the name's words left out."""
    if not initials or acronym[0] != initials[0] or len(initials) - len(acronym) > 2:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in acronym)


LIST_ITEM = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
MIN_LIST = 5


def _listed_people(doc: Doc, people: set[str], taken: set[int]) -> tuple[list[Span], list[Span]]:
    """A line that is only a list of names ('Ashgrove, Penwright, Colley, Vesey, Eyre.'), of which
    at least two are the surnames or given names of people the article names in full and
    fewer than half are places, lists people (a team sheet, a field of players): each name in it
    is a person's, though a town may share it. The items no tagger's span covers, and those it
    does."""
    text = doc_text(doc)
    found: list[Span] = []
    listed: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        body = line.rstrip().rstrip(".")
        colon = body.find(": ")
        start = colon + 2 if 0 <= colon < 40 else 0  # 'Team: Ashby, Brennan, ...'
        items = body[start:].split(", ")
        if len(items) >= MIN_LIST and all(LIST_ITEM.fullmatch(i) for i in items):
            places = sum(place(i) is not None for i in items)
            if sum(name_key(i) in people for i in items) >= 2 and places * 2 < len(items):
                offset = pos + start
                for item in items:
                    span = doc.char_span(offset, offset + len(item))
                    if span is not None and not any(t.i in taken for t in span):
                        found.append(span)
                    elif span is not None:
                        listed.append(span)
                    offset += len(item) + 2
        pos += len(line) + 1
    return found, listed


def _table_cells(doc: Doc) -> dict[tuple[int, int], ActorType]:
    """The name cells of the document's results tables (see `tables`), each with its kind: a
    country is a place (a national side is named by its country); a table whose names mostly
    have a person's shape (a given name first, or initials) lists people; any other table lists
    clubs or teams, named after the towns they play in, which are organisations."""
    found: dict[tuple[int, int], ActorType] = {}
    for table in tables(doc):
        people = sum(1 for c in table.cells if _given_name_first(c) or _initialled(c))
        kind: ActorType = (
            "person"
            if table.people or (not table.teams and people * 2 > len(table.cells))
            else "organization"
        )
        for cell in table.cells:
            known = place(cell.text)
            found[(cell.start, cell.end)] = (
                "place" if known is not None and known.kind == "country" else kind
            )
        for venue in table.venues:
            found[(venue.start, venue.end)] = "place"
    return found


DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][A-Za-z.'’-]*(?:,? [A-Z][A-Za-z.'’-]*){0,4})"
    r"(?:,? (?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.? \d{1,2})[ \t]*$"
    r"|(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? \([A-Z][A-Za-z]+\) ?[-–—])"
)
"""A dateline: a line opened by the place the story was filed from, then its date alone
('LONDON 1996-08-30', 'MILWAUKEE, Wisconsin 1996-08-29') or the agency and a dash
('MOSCOW (AP) —', 'CAIRO, March 3 (Reuters) -')."""


def _dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the place part of the document's datelines."""
    return [m.span("place") for m in DATELINE.finditer(doc_text(doc))]


SPORT_WORDS = frozenset(
    """innings inning wicket wickets batsman bowler homer homers homered rbi pitcher pitched
    goalkeeper keeper striker midfielder defender goal goals penalty scrum try tries touchdown
    quarterback playoff playoffs league tournament championship semifinal semi-final quarterfinal
    quarter-final final seeded lap laps podium squad fixture match matches halftime half-time
    scorer scored season coach title victory win won beat defeat draw""".split()
)
"""Words of sports reporting."""
SPORTS_REPORT_WORDS = 6
"""Distinct sports words a report uses (in lower case, in its sentences): a match report uses many
(a political story may borrow two or three: 'a landslide victory', 'the title')."""
LOCATIVES = frozenset("in at near outside inside around across throughout".split())


def _sports_report(doc: Doc) -> bool:
    """Whether the document reports on sport: in a sports report a town, county or state that
    plays ('Elmstead beat Norland', 'Hexley's lead over Norland', 'homered for Elmstead') is the
    club or team named after it, an organisation."""
    words = {t.lower_ for t in doc if t.text.islower() and t.lower_ in SPORT_WORDS}
    return len(words) >= SPORTS_REPORT_WORDS


def _locative(span: Span) -> bool:
    """A name after a preposition of place ('in Elmstead', 'at the Norland ground'): where
    something happens, a place even in a sports report."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVES


BARE_LOCATIVES = frozenset("in near outside throughout".split())
"""Prepositions of place (not 'at', which also gives where one works: 'an analyst at Acme')."""


def _bare_locative(span: Span) -> bool:
    """A one-word name (hyphens allowed) in mixed case right after a preposition of place, with
    no article and no possessive after it ('a baker in Oberhal', 'born near Kell-Amsel'):
    English writes where something is so; bodies are named there with 'the' ('in the Senate')
    or own something ('in Acme's plan')."""
    doc = span.doc
    if span.start == 0 or not one_word(span) or span.text.isupper():
        return False
    if not all(t.is_alpha or t.text in ("-", "\u2010") for t in span):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE:
        return False
    return doc[span.start - 1].lower_ in BARE_LOCATIVES


def _dateline_parts(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the places of the document's datelines, one per part between commas
    ('SAN PEDRO, Rivera' has two): a dateline names places only, each in full as written
    ('PORT ST. ELMO', 'LOS ALTOS DEL MAR')."""
    parts = []
    text = doc_text(doc)
    for start, end in _dateline_places(doc):
        for part in re.finditer(r"[^,]+", text[start:end]):
            a = start + part.start() + (len(part.group()) - len(part.group().lstrip()))
            b = start + part.end()
            span = doc.char_span(a, b)
            if span is not None and any(c.isalpha() for c in span.text):
                parts.append((span.start, span.end))
    return parts


def _in_ranges(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in ranges)


PRODUCT_NOUNS = frozenset(
    """rocket spacecraft satellite ship vessel aircraft jet plane car vehicle truck phone
    smartphone device drug vaccine medicine pill game film movie series show album book novel
    song browser software program programme musical opera version model console tablet laptop
    portfolio note bond bonds structure computer computers""".split()
)
"""Common nouns a name can stand before as the name of one thing of that kind ('the Progress
cargo ship', 'a Falcon-K rocket', 'the Lodestar patent portfolio')."""
QUOTE_MARKS = frozenset("\"“”'‘’")


VEHICLE_PREPOSITIONS = frozenset({"aboard", "onboard"})
"""Prepositions whose object is a craft: a ship, a plane, a train or a station."""


def _names_a_thing(span: Span) -> bool:
    """Whether this use of a name names a thing, not a body, a person or a place: the modifier
    of a lowercase noun for a product, a work or an instrument ('the Progress cargo ship', 'the
    Android version'), or a title set in quotation marks, as news style writes the titles of
    games, films and books ('a game like "Tunnel Dash,"')."""
    doc = span.doc
    if 0 < span.start and span.end < len(doc):
        before, after = doc[span.start - 1], doc[span.end]
        if before.text in QUOTE_MARKS and not before.whitespace_:
            if after.text in QUOTE_MARKS or (
                after.text in (",", ".")
                and span.end + 1 < len(doc)
                and doc[span.end + 1].text in QUOTE_MARKS
            ):
                return True
    if _in_quoted_title(span):
        return True
    if span.root.dep_ == "pobj" and span.root.head.lower_ in VEHICLE_PREPOSITIONS:
        return True  # 'reporters aboard Sky Arrow Two': one boards a ship, a plane or a train
    last = span[-1]
    while last.dep_ == "conj" and last.head.i < last.i and last.head.text[:1].isupper():
        last = last.head  # 'the Art, Design and Media programme': the items share the noun
    head = last.head
    if last.dep_ not in ("compound", "nmod", "amod") or head.i < span.end:
        return False
    while head.dep_ == "compound" and head.head.i > head.i and head.text.islower():
        head = head.head  # 'the Progress cargo ship': the noun the compound ends in
    tail = max([span.end] + [c.i + 1 for c in last.conjuncts if c.i > last.i and c.i < head.i])
    between = doc[tail : head.i + 1]
    if any(not t.text.islower() or t.pos_ not in ("NOUN", "ADJ") for t in between):
        return False
    nominal = head.pos_ == "NOUN" or (head.pos_ == "ADJ" and head.dep_ in NOUN_DEPS)
    return nominal and head.lemma_.lower() in PRODUCT_NOUNS


TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from".split())
"""Words a title in title case leaves in lower case."""


def _in_quoted_title(span: Span, reach: int = 10) -> bool:
    """The name stands inside a short title-case quotation with other words ('the sign read
    "Last of the Spring Harbor Oysters"', "it's 'Showtime at the Palace'"): the title of a
    work, a show or a sign, not a mention of what the name names."""
    doc = span.doc
    start = span.start - 1
    while start >= max(0, span.start - reach) and doc[start].text not in QUOTE_MARKS:
        if "\n" in doc[start].whitespace_ or doc[start].is_sent_start:
            return False
        start -= 1
    end = span.end
    while end < min(len(doc), span.end + reach) and doc[end].text not in QUOTE_MARKS:
        if "\n" in doc[end - 1].whitespace_:
            return False
        end += 1
    if start < max(0, span.start - reach) or end >= min(len(doc), span.end + reach):
        return False
    inside = [t for t in doc[start + 1 : end] if t.is_alpha]
    if len(inside) - len(span) < 2:
        return False  # '"Tunnel Dash"' alone is read by `_names_a_thing` itself
    return all(t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in inside)


NOUN_DEPS = frozenset("pobj dobj nsubj nsubjpass attr appos conj".split())
"""Functions only a noun fills: an 'adjective' in one is a noun mis-tagged ('the X musical')."""


def _one_kind_per_list(names: list[Name], evidence: set[str]) -> None:
    """'executives from Harbour Media and Tasman': the items of one list are of one kind, so
    a name the article uses once, with nothing but the tagger's vote for its type, takes the kind
    of the bodies or places it is listed with when they all agree (a place the gazetteer knows
    keeps its type; a list may mix people with the bodies they run)."""
    by_token = {t.i: n for n in names for t in n.span}
    uses = Counter(n.key for n in names)

    def firm(name: Name) -> bool:
        span = name.span
        return (
            uses[name.key] > 1
            or name.key in evidence
            or place(span.text) is not None
            or (
                len(span) > 1
                and (span[-1].lower_ in ORG_ENDINGS or span[-1].lower_ in PLACE_ENDINGS)
            )
            or _initialled(span)
            or _given_name_first(span)
        )

    for name in names:
        if firm(name):
            continue
        listed = [by_token[c.i] for c in name.span.root.conjuncts if c.i in by_token]
        others = {other.kind for other in listed if firm(other)}
        if len(others) == 1:
            kind = next(iter(others))
            if kind in ("organization", "place") and kind != name.kind:
                name.kind = kind


def _administration(span: Span) -> bool:
    """'the Obama administration': a leader's name before a lowercase 'administration' names the
    government they head, a body of its own."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text == "administration" and span[-1].head.i == nxt.i


def _portfolio(span: Span) -> bool:
    """'Communications Minister Ross Callan', 'Health Secretary Ann Lee': one capitalised
    word before 'Minister' or 'Secretary' names the portfolio, part of the title, not a body (a
    country or a nationality before the title stays what it is)."""
    doc = span.doc
    if not one_word(span) or span.end >= len(doc) or place(span.text) is not None:
        return False
    nxt = doc[span.end]
    return (
        nxt.lower_ in ("minister", "secretary")
        and nxt.text[:1].isupper()
        and span[-1].head.i == nxt.i
        and span.text.lower() not in demonyms()
    )


def _one_kind_per_table(names: list[Name]) -> None:
    """Rows of a results or standings table ('1. Ann Lee (Kenya) 12.71', 'Benetton (Italy) 92')
    list one kind of competitor in their first column: where most names opening the rows of a
    table are of one kind, the others opening a row are that kind too (the tagger's vote on a
    name in a table row has no sentence to go on). A country the gazetteer knows keeps its type."""
    if not names:
        return
    doc = names[0].span.doc
    text = doc_text(doc)
    openers: dict[int, Name] = {}
    for name in names:
        line_start = text.rfind("\n", 0, name.span.start_char) + 1
        if line_start in openers or not ROW_START.fullmatch(
            text[line_start : name.span.start_char]
        ):
            continue
        line_end = text.find("\n", name.span.end_char)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(re.findall(r"\d+(?:[.:,]\d+)*", line)) >= 2 and len(line) < 120:
            openers[line_start] = name  # a rank and a score, or two scores
    tables: list[list[Name]] = []
    previous_end = -2
    for line_start in sorted(openers):
        name = openers[line_start]
        if tables and text.count("\n", previous_end, line_start) <= 2:
            tables[-1].append(name)
        else:
            tables.append([name])
        previous_end = line_start
    for rows in tables:
        kinds = Counter(n.kind for n in rows if n.kind in ("person", "organization", "place"))
        if len(rows) < 3 or not kinds:
            continue
        kind, count = kinds.most_common(1)[0]
        if count * 3 < len(rows) * 2:
            continue
        for name in rows:
            known = place(name.span.text)
            if name.kind != kind and (known is None or known.kind not in STRONG_PLACES):
                name.kind = kind


ROW_START = re.compile(r"\s*(?:\d{1,3}[.)]?\s+|[-*•]\s*)?")
"""What may stand before the first name of a table row: a rank ('1.', '12') or a bullet."""


def _unsupported_person(
    span: Span, all_votes: dict[str, Counter[ActorType]], caps_lines: list[tuple[int, int]]
) -> ActorType | None:
    """A lone word the tagger called a person, with no given name, title, apposition or fuller
    form anywhere in the article: news style names a person in full at first mention, so the
    word is more likely a company, product or place ('Politifact', 'Snapchat', 'Chrome'). The
    tagger's next-best actor vote when it has one; an organisation when the name holds an
    acronym ('Udam-PF'); else no actor."""
    votes = all_votes.get(name_key(span.text))
    order: list[ActorType] = ["organization", "place"]
    others = [(votes[kind], -order.index(kind), kind) for kind in order if votes and votes[kind]]
    if not others:
        # 'Instagram, Atlas, WhatsApp': items of one list are of one kind
        doc = span.doc
        items = [_trim(doc[c.left_edge.i : c.i + 1]) for c in span.root.conjuncts]
        kinds = Counter(_best_vote(all_votes.get(name_key(s.text))) for s in items if s is not None)
        kinds.pop(None, None)
        if len(kinds) == 1 and next(iter(kinds)) in order:
            return next(iter(kinds))
    if others:
        return max(others)[2]
    if _plural_name(span):
        return "organization"  # 'the Beatles', 'the Teamsters': a band, a union, a team
    if not _in_caps(span, caps_lines) and any(_acronym_in_name(t) for t in span):
        return "organization"
    return None


def _variant_of_person(span: Span, people: set[str]) -> bool:
    """A lone word of five letters or more one letter away from a part of a person's full name
    in the article, with the same first letter (see `extract.actors._spelling_variant`)."""
    key = name_key(span.text)
    if not one_word(span) or len(key) < 5 or not key.isalpha() or place(span.text) is not None:
        return False
    return any(p[:1] == key[:1] and one_edit(p, key) for p in people)


def _best_vote(votes: Counter[ActorType] | None) -> ActorType | None:
    return votes.most_common(1)[0][0] if votes else None


def _result_line(span: Span) -> bool:
    """A name on a line of results or a list of players ('c Healy b Fleming 44', 'Bevan 4-0-18-0'):
    by convention such lines name people by surname alone, so the lone-word rule does not apply."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return len(line) < 300 and len(re.findall(r"\b\d+\b", line)) >= 3


def _people_before_a_noun(
    labelled: list[tuple[Span, ActorType | None]],
) -> list[tuple[Span, ActorType | None]]:
    """'a Tom Beck Zorbo figurine' beside 'Tom Beck': a person's full name, then one more
    capitalised word, all modifying a lowercase noun, is that person and a brand or a kind of the
    thing; the extra word, never part of a person's name elsewhere, is cut off."""
    people = [span for span, kind in labelled if kind == "person" and len(span) > 1]
    full = {name_key(span.text) for span in people}
    out = []
    for span, kind in labelled:
        last = span[-1]
        head = last.head
        if (
            kind == "person"
            and len(span) > 2
            and name_key(span[:-1].text) in full
            and last.dep_ in ("compound", "nmod")
            and head.i >= span.end
            and head.pos_ == "NOUN"
            and head.text.islower()
            and not any(
                name_key(last.text) in name_key(other.text).split()
                for other in people
                if other is not span and name_key(other.text) != name_key(span.text)
            )
        ):
            span = span[:-1]
        out.append((span, kind))
    return out


THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _thing_keys(doc: Doc) -> set[str]:
    """The keys of the names the tagger labels a product, a work, an event or a law."""
    found = set()
    for ent in doc.ents:
        if ent.label_ in THING_LABELS:
            words = ent[1:] if ent[0].lower_ == "the" else ent
            if len(words):
                found.add(name_key(words.text))
    return found


def _body_or_place(votes: Counter[ActorType] | None) -> bool:
    """Whether the tagger ever labelled the name an organisation or a place."""
    return votes is not None and bool(votes["organization"] or votes["place"])


def _opens_a_thing(key: str, thing_keys: set[str]) -> bool:
    """'Zorbo Crunch' beside 'Zorbo Crunch Bars' labelled a product, 'Vela' beside 'Vela 9'
    labelled an event: a name that opens the longer name of a thing elsewhere in the article is
    that thing's brand or series, unless a person's mark says otherwise."""
    return any(thing.startswith(key + " ") for thing in thing_keys)


def _plural_name(span: Span) -> bool:
    """A plural proper noun after 'the' ('the Beatles'): one person's name is never plural."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ == "the" and span[-1].tag_ == "NNPS"


def _speaking_person(span: Span, people: set[str]) -> bool:
    """A 'Firstname Lastname' that is the subject of a verb of saying: two or three capitalised
    words with no determiner and no ending of a body or a place, opened by a common given name,
    ending in the surname of a person the text names, or speaking with one of the plainest verbs
    of speech ('Ilse Varga tells me'): a person, whatever label the tagger gave it."""
    words = name_word_texts(span)
    if not 2 <= len(words) <= 3 or _determined(span):
        return False
    if not all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if any(w.lower() in ORG_ENDINGS or w.lower() in PLACE_ENDINGS for w in words):
        return False
    verb = span.root.head
    if span.root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_ not in REPORTING_VERBS:
        return False
    if _in_quoted_title(span) or place(span.text) is not None:
        return False
    return (
        words[0].lower() in given_names()
        or name_key(words[-1]) in people
        or verb.lemma_ in SPEAKING_VERBS
    )


def _person_shaped(span: Span, caps_lines: list[tuple[int, int]]) -> bool:
    """Whether the words can be a person's name: no pronoun or determiner ('My Garden'), no
    acronym in capitals in running text ('Helix QRT'), not opened by a nationality adjective
    ('German Reich')."""
    if any(t.pos_ in ("PRON", "DET") for t in span):
        return False
    if not _in_caps(span, caps_lines) and any(_acronym_in_name(t) for t in span):
        return False
    return span[0].lower_ not in demonyms()


def _short_forms_of_organisations(names: list[Name]) -> None:
    """'Kestrel' beside 'Kestrel Group', 'Tamarind' beside 'Tamarind Group': the short form of an
    organisation's name is that organisation, whatever a tagger vote said, unless a gazetteer
    knows it as a country, capital or continent."""
    short: set[str] = set()
    for name in names:
        if name.kind != "organization" or len(name.span) < 2:
            continue
        end = len(name.span)
        while (
            end > 1
            and name.span[end - 1].lower_ in ORG_ENDINGS
            and _capitalised(name.span[end - 1])
        ):
            end -= 1
        if end < len(name.span):
            short.add(name_key(name.span[:end].text))
    for name in names:
        if name.kind in ("person", "place", "other") and name.key in short:
            known = place(name.span.text)
            if known is None or known.kind not in STRONG_PLACES:
                name.kind = "organization"


CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december easter christmas thanksgiving
    hanukkah ramadan diwali""".split()
)
"""Days, months and holidays: capitalised by English spelling, never actors."""
APPOSITION_DEPS = frozenset({"appos"})
BODY_NOUNS = frozenset("group firm company chain maker band team network agency outlet".split())
"""Nouns for bodies that a title list may hold: an apposition with one names an organisation."""


OTHER_ENDINGS = frozenset(
    """act bill code treaty accord accords agreement amendment doctrine award awards prize
    medal trophy day festival games olympics cup championship expo exposition fair show
    war browser app""".split()
)
"""Head nouns that make a capitalised name a law, an award, an event or a product
('Fair Harbour Act', 'Lyon Garden Show', 'Valentine's Day'): not actors."""


EVENT_HEADS = frozenset({"conference", "summit"})
"""Meetings: a name whose head noun (before any 'of') is one of these is an event."""


def _not_an_actor(span: Span) -> bool:
    """A law, an award, an event, a nationality or language, or a lone adverb or adjective."""
    of = next((t.i for t in span[1:] if t.lower_ == "of"), span.end)
    head = span.doc[of - 1]  # 'Presidential Medal of Freedom': the noun before 'of'
    for noun in (head, span[-1]):
        if len(span) > 1 and noun.i > span.start and noun.lower_ in OTHER_ENDINGS:
            if noun.text[:1].isupper():
                return True
    if len(span) > 1 and head.i > span.start and head.lower_ in EVENT_HEADS and head.is_title:
        return True  # 'the Vienna Conference' (but 'Organisation of Islamic Conference')
    kids = list(span.root.children)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids) and (
        not any(c.dep_ == "amod" for c in kids) or _common_head(span)
    ):
        # 'a "Terms of Service"', 'a biennial Harvest Forum': a proper name of one thing or
        # body takes no 'a' (but 'an aging Mara Lindqvist' describes a person at one time of life)
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text == "#" and not before.whitespace_:
        return True  # '#Harbour Denver': a hashtag, words run together as a topic
    if name_key(span.text) in CELESTIAL:
        return True  # 'Earth', 'the Moon', 'the Solar System': bodies of the sky, not actors
    if _time_zone(span):
        return True
    if _degree(span):
        return True
    if len(span) > 1 and _code(span[-1]):
        return True  # 'Page C7', 'Skyliner A440': a page or a model, no actor
    if one_word(span):
        word = span.text.lower()
        if word in demonyms() or word.rstrip("s") in demonyms():
            return True  # 'Africans', 'Moldovan': people of a country, not one actor
        if word in PEOPLE_NOUNS:
            return True  # "Women's 400 metres": a heading capitalises a common noun
        if word in languages() and place(span.text) is None:
            return True  # 'Swahili': a language
        if (
            len(span) == 1
            and span[0].pos_ in ("ADV", "ADJ", "VERB", "ADP", "AUX")
            and not span.text.isupper()
        ):
            return True  # 'Thankfully', 'Orwellian' (an acronym in capitals may be mis-tagged)
        if _eponym_adjective(span):
            return True
    return False


def _eponym_adjective(span: Span) -> bool:
    """'the Orwellian name', 'a Kafkaesque process': an adjective made from a name with -ian or
    -esque, before the noun it describes, is no name itself (given names such as 'Julian' are
    left alone)."""
    word = span.text
    doc = span.doc
    if len(span) != 1 or len(word) < 7 or not word.lower().endswith(("ian", "esque")):
        return False
    if word.lower() in given_names() or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text.islower() and nxt.pos_ == "NOUN" and span[0].head.i == nxt.i


def _defined_terms(doc: Doc) -> set[str]:
    """Acronyms the article defines after a lowercase phrase: 'annual contract
    value (ACV)' makes ACV a term of art, not the name of a body."""
    found = set()
    for tok in doc[2:-1]:
        if tok.nbor(-1).text != "(" or tok.nbor(1).text != ")" or not tok.text.isupper():
            continue
        letters = tok.text.lower()
        if not letters.isalpha() or len(letters) < 2:
            continue
        words = [t for t in doc[max(0, tok.i - 1 - len(letters) - 2) : tok.i - 1] if t.is_alpha]
        words = words[-len(letters) :]
        if (
            len(words) == len(letters)
            and all(w.text.islower() for w in words)
            and "".join(w.text[0] for w in words) == letters
        ):
            found.add(name_key(tok.text))
    return found


PEOPLE_NOUNS = frozenset("men women boys girls juniors seniors veterans".split())
"""Plural nouns for people by sex or age, which name the classes of a competition."""
CELESTIAL = frozenset(["earth", "universe", "galaxy", "cosmos", "solar system", "milky way"])
"""The Earth, the Galaxy, the Universe: capitalised as names, never actors ('Moon' and 'Sun'
are left alone: a surname, a newspaper)."""
ZONE = re.compile(r"[A-Z]{1,3}T|UTC")
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{1,2}(?:a\.?m\.?|p\.?m\.?)|[ap]\.?m\.?", re.IGNORECASE)


def _time_zone(span: Span) -> bool:
    """'GMT', 'EST' right after a clock time ('10:30 GMT'): a time zone, not a body."""
    if span.start == 0 or len(span) != 1 or not span.text.isupper() or len(span.text) > 4:
        return False
    prev = span.doc[span.start - 1].text
    if CLOCK.fullmatch(prev) is not None:
        return True
    # '(1451 GMT)': a 24-hour time with a zone written like one ('..T', 'UTC')
    return (
        re.fullmatch(r"[0-2]\d[0-5]\d", prev) is not None and ZONE.fullmatch(span.text) is not None
    )


DEGREES = frozenset({"phd", "dphil", "mba", "msc", "bsc", "llm", "edd", "mphil"})
"""Academic degrees written after a person's name ('Ann Lee, Ph.D., of ...')."""


def _degree(span: Span) -> bool:
    """A degree set after a name and a comma: post-nominal letters, no place or body."""
    key = re.sub(r"[.\s]", "", span.text).lower()
    return key in DEGREES and span.start > 0 and span.doc[span.start - 1].text == ","


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    """Names of the major languages (ISO 639-1, from pycountry), lowercase: 'swahili', 'german'."""
    import pycountry

    names = set()
    for lang in pycountry.languages:
        if getattr(lang, "alpha_2", None):
            names.add(re.sub(r"\s*\(.*\)", "", lang.name).lower())
    return frozenset(names)


def _lowercase_words(doc: Doc) -> set[str]:
    """Words the document also writes in lower case away from a sentence start."""
    return {t.lower_ for t in doc if t.is_alpha and t.text.islower()}


def _common_word(span: Span, key: str, lowercase: set[str], people: set[str]) -> bool:
    """A single capitalised word that is a day or a month, or that the same document also
    writes in lower case (a common noun capitalised at a sentence start or in a heading); and
    a name of several words that the document also writes in lower case as a phrase, or a
    nationality adjective before such a word ('the standard German Merlot' beside 'merlot')."""
    if key in people:
        return False
    words = name_word_texts(span)
    if len(words) > 1:
        last = words[-1].lower()
        if place(span.text) is not None or last in COMMON_HEADS or last in PLACE_CLASSIFIERS:
            return False  # 'the state supreme court' beside the 'Supreme Court', 'the Old City'
        if len(words) == 2 and words[0].lower() in demonyms():
            return words[1].lower() in lowercase and not words[1].isupper()
        phrase = re.escape(" ".join(words).lower())
        return re.search(rf"(?<![\w-]){phrase}(?![\w-])", doc_text(span.doc)) is not None
    word = span.text.lower()
    if word in CALENDAR_WORDS:
        return True
    return word in lowercase and place(span.text) is None and not span.text.isupper()


def _likely_person(votes: Counter[ActorType] | None) -> bool:
    """Most votes say person."""
    return votes is not None and bool(votes) and votes.most_common(1)[0][0] == "person"


def _relative_after(span: Span) -> str | None:
    """'who' or 'which' opening a relative clause right after the name ('X, who said')."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("who", "which") and doc[i].head.dep_ == "relcl":
        return doc[i].lower_
    return None


def _surname_alone(span: Span, text: str) -> bool:
    """A common given name and a surname, with the surname also standing alone in the text."""
    if not _given_name_first(span) or place(span.text) is not None:
        return False
    last = name_word_texts(span)[-1]
    alone = sum(
        1
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text)
        if not re.search(r"(?:[A-Z][\w-]*|[A-Z]\.)\s+$", text[max(0, m.start() - 30) : m.start()])
    )  # 'Dash' of 'Tunnel Dash' does not stand alone
    return alone > 0


def _person_role(span: Span) -> bool:
    """A person's title in apposition to the name ('Persson, a professor,' / 'the mayor, Lopez')."""
    return any(_person_title(n) for n in _apposed_nouns(span))


def _body_apposition(span: Span) -> bool:
    """A noun for a body in apposition to the name ('Ansar al-Sharia, an extremist organization,'
    / 'the group, Ansar al-Sharia'): no person is called an organisation or a group."""
    return any(n.lemma_.lower() in BODY_APPOSITIONS for n in _apposed_nouns(span))


BODY_APPOSITIONS = frozenset(
    """organization organisation group movement militia faction party company firm
    corporation agency charity union association network outfit""".split()
)


def _apposed_nouns(span: Span) -> list[Token]:
    """The common nouns set beside the name between commas or dashes as an apposition."""
    root = span.root
    doc = span.doc
    comma_after = span.end < len(doc) and doc[span.end].text in APPOSITION_MARKS
    comma_before = span.start > 0 and doc[span.start - 1].text in APPOSITION_MARKS
    nouns = [
        c
        for c in root.children
        if c.dep_ in APPOSITION_DEPS and c.pos_ == "NOUN" and comma_after and c.i > span.end
    ]
    if root.dep_ in APPOSITION_DEPS and root.head.pos_ == "NOUN" and comma_before:
        nouns.append(root.head)
    return nouns


APPOSITION_MARKS = frozenset({",", "—", "–", "--"})


def _person_title(noun: Token) -> bool:
    """A title a person holds ('professor', 'mayor'), not a body ('group', 'army')."""
    words = {noun.lemma_.lower(), noun.lower_}
    return bool(words & (titles() | KIN_NOUNS)) and not words & (ORG_ENDINGS | BODY_NOUNS)


def _whole_person(ent: Span) -> Span:
    """A person's name the tagger cut short ('Ada' of 'Gov. Ada Obi'): the proper nouns that
    follow it in the same noun phrase belong to it."""
    if ent.label_ != "PERSON":
        return ent
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and not doc[end].ent_type_
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and "\n" not in doc[end - 1].whitespace_
    ):
        end += 1
    if end < len(doc) and _regnal(doc[end]):
        end += 1  # 'Aldric VII': a monarch's or pope's number is part of the name
    return ent if end == ent.end else doc[ent.start : end]


def _acronym_in_name(tok: Token) -> bool:
    """A word in capitals inside a name that is not a monarch's number ('Orlova QRZ', not
    'Aldric VII')."""
    text = tok.text
    return text.isupper() and tok.is_alpha and len(text) > 1 and ROMAN.fullmatch(text) is None


ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def _regnal(tok: Token) -> bool:
    """A Roman numeral after a name ('Aldric VII', 'Ysolde XIX'); 'I' only when no verb follows,
    as the pronoun would have one ('Ysolde I of Avalon', 'Ysolde I born' -- 'born' is only
    ever a participle -- but not 'told Ana I said')."""
    if not tok.text or ROMAN.fullmatch(tok.text) is None or "\n" in tok.nbor(-1).whitespace_:
        return False
    if tok.text != "I":
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        nxt is None or nxt.lower_ == "born" or not (nxt.tag_.startswith("VB") or nxt.tag_ == "MD")
    )


SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


def _place_then_name(ent: Span) -> Span | None:
    """'Cambridge Analytica', 'Boston Dynamics': a place the tagger labelled on its own, the
    modifier of a capitalised proper noun right after it that no label covers. A place name
    compounded into a proper name makes the name of a body, not a place; None otherwise. So
    does a nationality or religion ('the Islamic State', 'the Muslim Brotherhood')."""
    if ent.label_ not in ("GPE", "LOC", "NORP"):
        return None
    doc = ent.doc
    end = ent.end
    if end >= len(doc):
        return None
    nxt, last = doc[end], doc[end - 1]
    if (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.text[1:2].islower()
        and (not nxt.ent_type_ or (_plural_proper(nxt) and ent.label_ != "NORP"))
        and last.dep_ == "compound"
        and last.head.i == end
        and "\n" not in last.whitespace_
        and nxt.lower_ not in titles()
        and nxt.lower_ not in PLACE_ENDINGS
        and nxt.lower_ not in OTHER_ENDINGS
        and nxt.lower_ not in SEASONS  # 'the Arab Spring': a period, not a body
        and place(f"{ent.text} {nxt.text}") is None
    ):
        return doc[ent.start : end + 1]
    return None


def _weak_place(span: Span) -> bool:
    known = place(span.text)
    return known is None or known.kind not in STRONG_PLACES


def _team_context(span: Span) -> bool:
    """A name used as a sports side: in a score line ('Kent 108-3'), beside 'v', or one that beats another."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and after.text.lower() in SPLIT_WORDS - {"at"}:
        return True
    if before is not None and before.text.lower() in SPLIT_WORDS - {"at"}:
        return True
    if after is not None and "\n" not in span[-1].whitespace_ and SCORE.fullmatch(after.text):
        line_start = doc_text(doc).rfind("\n", 0, span.start_char) + 1
        line_end = doc_text(doc).find("\n", span.end_char)
        line = doc_text(doc)[line_start : line_end if line_end >= 0 else len(doc_text(doc))]
        return len(re.findall(r"\d+", line)) >= 2
    root = span.root
    return root.dep_ in ("nsubj", "dobj") and root.head.lemma_ in SPORT_VERBS


def _country_or_city(span: Span) -> bool:
    known = place(span.text)
    return known is not None and (known.kind in STRONG_PLACES or known.kind == "city")


def _pieces(ent: Span) -> list[Span]:
    """The parts of an entity span that can be names: cut at punctuation, numbers, breaks, 'v'/'at'."""
    doc = ent.doc
    pieces: list[Span] = []
    start = ent.start
    if start >= 2 and _hyphen_prefix(doc[start - 2], ent.end):
        start -= 2  # 'al-Qaeda' where the tagger began at 'Qaeda'
    for tok in ent:
        if _splits(tok):
            if tok.i > start:
                pieces.append(doc[start : tok.i])
            start = tok.i + 1
    if start < ent.end:
        pieces.append(doc[start : ent.end])
    out = []
    for piece in pieces:
        trimmed = _trim(piece)
        if trimmed is not None and ent.label_ in ("GPE", "LOC") and _capital_the(piece, trimmed):
            trimmed = doc[trimmed.start - 1 : trimmed.end]
        if trimmed is not None:
            out.append(trimmed)
    return out


def _capital_the(piece: Span, trimmed: Span) -> bool:
    """'at The Kessra Islands': a capital 'The' after a word in mid-sentence is written as part of the
    place's name, not as the article English sets before names of its kind."""
    doc = piece.doc
    i = trimmed.start - 1
    if i != piece.start or doc[i].text != "The" or i == 0:
        return False
    prev = doc[i - 1]
    return (prev.is_alpha or prev.text == ",") and "\n" not in prev.whitespace_


def _splits(tok: Token) -> bool:
    """Whether a token inside a tagged span separates two names (or a name from noise)."""
    text = tok.text
    if tok.is_space or "\n" in text or "\n" in tok.whitespace_:
        return tok.is_space or "\n" in text
    if text.lower() in SPLIT_WORDS:
        return True
    if text.lower() in ("'s", "’s"):
        return _owner_name(tok)  # 'Oregon’s Museum of Tin Toys': two names
    if _bare_possessive(tok):
        return True
    if text in ("-", "–", "—"):
        # A hyphen joins a name ('Rolls-Royce') unless spaced.
        doc = tok.doc
        spaced = bool(tok.whitespace_) or (tok.i > 0 and bool(doc[tok.i - 1].whitespace_))
        if not spaced and tok.i > 0 and _hyphen_prefix(doc[tok.i - 1], len(doc)):
            return False  # 'al-Bashir'
        return spaced or tok.i == 0 or not doc[tok.i - 1].text[:1].isupper()
    if tok.is_punct and text not in (".", "&", "'", "’"):
        return True
    return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text)


def _bare_possessive(tok: Token) -> bool:
    """The apostrophe alone after a plural that closes a name of the form 'X of Ys' ('the
    Academy of Sciences’ observatory'); a plural possessive inside a name ('the Bond Traders'
    Association') has no 'of' before it."""
    doc = tok.doc
    return (
        tok.text in ("'", "’")
        and 0 < tok.i < len(doc) - 1
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 1].text.endswith("s")
        and bool(tok.whitespace_)
        and any(t.lower_ == "of" for t in doc[max(0, tok.i - 4) : tok.i])
    )


def _split_owners(
    labelled: list[tuple[Span, ActorType | None]], known: set[str]
) -> list[tuple[Span, ActorType | None]]:
    """'Verizon’s Yahoo' where the article names Verizon on its own too: two names."""
    out: list[tuple[Span, ActorType | None]] = []
    for span, kind in labelled:
        cut = next((t.i for t in span[1:-1] if t.lower_ in ("'s", "’s")), None)
        if cut is None or name_key(span.doc[span.start : cut].text) not in known:
            out.append((span, kind))
            continue
        for part in (span.doc[span.start : cut], span.doc[cut + 1 : span.end]):
            trimmed = _trim(part)
            if trimmed is not None:
                out.append((trimmed, None))
    return out


def _fuller_known(
    labelled: list[tuple[Span, ActorType | None]], known: set[str]
) -> list[tuple[Span, ActorType | None]]:
    """Occurrences cut short or run together, corrected by the names the article uses elsewhere:
    'Cambridge' right before 'Analytica' when 'Cambridge Analytica' is a name in the article;
    'Brightline and Harbour Analytics' as two names when the part after 'and' is one."""
    out: list[tuple[Span, ActorType | None]] = []
    doc = labelled[0][0].doc if labelled else None
    for span, kind in labelled:
        assert doc is not None
        conj = next((t.i for t in span[1:-1] if t.lower_ in ("and", "&")), None)
        if conj is not None and (
            name_key(doc[conj + 1 : span.end].text) in known
            or (conj + 2 == span.end and _acronym_word(doc[conj + 1]))
        ):  # 'Green Basket and QMV': a name does not end in 'and' and an acronym
            for part in (doc[span.start : conj], doc[conj + 1 : span.end]):
                trimmed = _trim(part)
                if trimmed is not None:
                    out.append((trimmed, None))
            continue
        joined = _coordinated_body(span)
        if joined is not None:
            out.append((joined, "organization"))
            continue
        longer = span
        for end in range(span.end + 1, min(len(doc), span.end + 3) + 1):
            if "\n" in doc[span.start : end - 1].text_with_ws or not _capitalised(doc[end - 1]):
                break
            if name_key(doc[span.start : end].text) in known:
                longer = doc[span.start : end]
        out.append((longer, kind if longer is span else None))
    return out


def _acronym_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text.isupper() and len(tok.text) >= 2


def _campus(span: Span) -> Span | None:
    """'the University of California, San Diego': a university's name, a comma and the city of
    one of its campuses name that campus, one body (the US convention for state universities)."""
    doc = span.doc
    if len(span) < 3 or span[0].lower_ != "university" or span[1].lower_ != "of":
        return None
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or "\n" in doc[i].whitespace_:
        return None
    j = i + 1
    while j < len(doc) and j - i <= 3 and _run_word(doc[j]) and not doc[j].is_sent_start:
        j += 1
    if j == i + 1 or (j < len(doc) and (doc[j].lower_ in ("and", "&") or _run_word(doc[j]))):
        return None
    return doc[span.start : j]


def _coordinated_body(span: Span) -> Span | None:
    """'the Coastal Fishing' + 'and Harbours Council': a name the tagger cut at 'and' whose second
    half ends in an organisation word ('Council', 'Association') is one body, when the first
    half does not end in one itself; None otherwise."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].lower_ not in ("and", "&") or span[-1].lower_ in ORG_ENDINGS:
        return None
    if "\n" in doc[span.start : i + 1].text_with_ws:
        return None
    j = i + 1
    while j < len(doc) and j - i <= 3 and _run_word(doc[j]) and "\n" not in doc[j - 1].whitespace_:
        j += 1
    if j - i < 3 or doc[j - 1].lower_ not in ORG_ENDINGS or doc[j - 1].ent_type_ not in ("", "ORG"):
        return _subjects_joined(span)
    return doc[span.start : j]


SUBJECT_BODIES = frozenset("center centre program programme initiative forum panel".split())
"""Bodies named for what they work on ('Center on Housing and Transport'), besides ORG_ENDINGS."""


def _subjects_joined(span: Span) -> Span | None:
    """'Center on Poverty' + 'and Inequality', 'Committee on Intelligence' + 'and Security': a
    body named for its subjects ('X on/for A and B') that the tagger cut at 'and'; the words after
    'and' are one or two capitalised words no label covers."""
    doc = span.doc
    i = span.end
    if len(span) < 3 or span[-2].lower_ not in ("on", "for", "of") or span[0].lower_ in CONNECTORS:
        return None
    if not any(t.lower_ in ORG_ENDINGS or t.lower_ in SUBJECT_BODIES for t in span[:-2]):
        return None
    j = i + 1
    while j < len(doc) and j - i <= 2 and _run_word(doc[j]) and doc[j].ent_type_ in ("", "ORG"):
        j += 1
    if j == i + 1 or (j < len(doc) and _run_word(doc[j])):
        return None
    if any(t.lower_ in ORG_ENDINGS for t in doc[i + 1 : j]):
        return None  # 'Bank of Avalon and Brightwater Corp.': a second body
    return doc[span.start : j]


def _join_adjacent(
    labelled: list[tuple[Span, ActorType | None]], known: set[str]
) -> list[tuple[Span, ActorType | None]]:
    """Two names side by side that together make a name the article uses elsewhere
    ('Cambridge' + 'Analytica' where 'Cambridge Analytica' is tagged once): one name."""
    ordered = sorted(labelled, key=lambda item: (item[0].start, -len(item[0])))
    out: list[tuple[Span, ActorType | None]] = []
    for span, kind in ordered:
        if out:
            prev, prev_kind = out[-1]
            doc = span.doc
            if prev.end == span.start and "\n" not in prev[-1].whitespace_:
                joined = doc[prev.start : span.end]
                if name_key(joined.text) in known:
                    out[-1] = (joined, prev_kind or kind)
                    continue
        out.append((span, kind))
    return out


def _owner_name(possessive: Token) -> bool:
    """Whether the words before a possessive inside a tagged name are a name of their own: a
    place, an acronym or a name of two words or more ('MIT’s', 'Stanford University's'), not the
    first word of a name such as 'Fisherman’s Terminal' or 'Valentine’s Day'."""
    doc = possessive.doc
    i = possessive.i - 1
    if i < 0:
        return False
    owner = doc[i]
    if place(owner.text) is not None or (owner.text.isupper() and len(owner.text) > 1):
        return True
    if owner.lower_ in ORG_ENDINGS and owner.text.istitle():
        return True  # 'Parliament’s Joint Committee': a body named by its one word
    return i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start


SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
"""Job titles written before a name in news ('Spokeswoman Ann Lee') that the title list lacks."""


def _trim(span: Span) -> Span | None:
    """The span without leading determiners or lowercase words and without trailing non-names."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in LEADING_STRIP
        or not _capitalised(doc[start])
        or doc[start].is_punct
        or doc[start].lower_ in POSSESSIVE
    ):
        if _hyphen_prefix(doc[start], end):
            break  # 'al-Qaeda', 'el-Sisi': the particle glued to the name is part of it
        start += 1
    while (
        end - start >= 3
        and (doc[start].lower_ in titles() or doc[start].lower_ in SPOKES)
        and doc[start + 1].lower_ in given_names()
        and doc[start].lower_ not in given_names()
    ):
        start += 1  # 'Spokeswoman Sandy Angers': a title before a given name is not the name
    while end > start and (
        doc[end - 1].lower_ in POSSESSIVE
        or not (_capitalised(doc[end - 1]) or _hyphen_tail(doc[end - 1]))
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or (end - start > 2 and _code(doc[end - 1]))
    ):
        if doc[end - 1].text == "." and end - 1 > start and len(doc[end - 2].text) == 1:
            break  # keep the period of an initial
        end -= 1
    if start >= end:
        return None
    # A lone trailing period is sentence punctuation, not part of the name.
    if doc[end - 1].text == "." and end - 1 > start and len(doc[end - 2].text) > 1:
        end -= 1
    result = doc[start:end]
    if not any(ch.isalpha() for ch in result.text):
        return None
    return result


def _code(tok: Token) -> bool:
    """A letter and digits ('B1', 'Q2', 'A440'): a page, a quarter or a model after a name.
    After a name of two words or more it is cut off ('Acme Systems Inc Q2'); after one word the
    two name a page or a model ('Page C7', 'Skyliner A440')."""
    return tok.text[:1].isalpha() and any(c.isdigit() for c in tok.text)


def _hyphen_prefix(tok: Token, end: int) -> bool:
    """'al' of 'al-Qaeda': a short lowercase particle glued by a hyphen to a capitalised word."""
    doc = tok.doc
    i = tok.i
    if not (tok.is_alpha and tok.text.islower() and len(tok.text) <= 3) or i + 2 >= end:
        return False
    hyphen, name = doc[i + 1], doc[i + 2]
    return (
        hyphen.text == "-"
        and not tok.whitespace_
        and not hyphen.whitespace_
        and (_capitalised(name))
    )


def _hyphen_tail(tok: Token) -> bool:
    """'un' of 'Kim Jong-un', 'al' of 'al-Bashir' glued by a hyphen: part of the name."""
    doc = tok.doc
    if tok.i < 2 or not tok.is_alpha or doc[tok.i - 1].text != "-":
        return False
    hyphen, before = doc[tok.i - 1], doc[tok.i - 2]
    if len(tok.text) > 3 or tok.pos_ in ("VERB", "ADJ", "ADP", "ADV"):
        return False  # 'Tesco-owned', 'Paris-based': a compound adjective, not a name
    return not hyphen.whitespace_ and not before.whitespace_ and _capitalised(before)


def _capitalised(tok: Token) -> bool:
    """A word that can be part of a name: capitalised ('Almer', 'U.S.', 'iPod' excluded), or a digit-letter code."""
    text = tok.text
    return bool(text) and (
        text[0].isupper() or (text[0].isdigit() and any(c.isalpha() for c in text))
    )


def _caps_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of lines written in capitals (headlines, datelines)."""
    text = doc_text(doc)
    ranges = []
    pos = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _in_caps(span: Span, caps_lines: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in caps_lines)


def _capitalised_runs(doc: Doc, taken: set[int], caps_lines: list[tuple[int, int]]) -> list[Span]:
    """Runs of capitalised words outside tagged entities: candidate names the tagger missed."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not _run_word(tok):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j not in taken
            and (
                (_run_word(doc[j]) and not _breaks_between(doc[j - 1]))
                or (
                    doc[j].lower_ in CONNECTORS
                    and j + 1 < n
                    and _run_word(doc[j + 1])
                    and j + 1 not in taken
                )
            )
        ):
            j += 1
        span = _trim(doc[i:j])
        if span is not None:
            if not _in_caps(span, caps_lines):
                # A capitalised sentence opener is a name only when the tagger says it is a proper noun.
                if span[0].is_sent_start and span[0].pos_ != "PROPN":
                    span = _trim(doc[span.start + 1 : span.end]) if len(span) > 1 else None
            if span is not None:
                runs.append(span)
        i = j
    return runs


def _segments(run: Span, known: set[str]) -> list[Span]:
    """The run itself when it is a name; else its longest parts that are known names or places."""
    if _resolvable(run, known):
        return [run]
    doc = run.doc
    out = []
    i = run.start
    while i < run.end:
        for j in range(min(run.end, i + 4), i, -1):
            part = doc[i:j]
            if (
                (part[0].lower_ not in CONNECTORS or _known_place(part))  # 'LA VEGA ALTA'
                and part[-1].lower_ not in CONNECTORS
                and _resolvable(part, known)
            ):
                out.append(part)
                i = j
                break
        else:
            i += 1
    return out


COMPASS = frozenset("north south east west northern southern eastern western".split())


def _compass_place(span: Span, votes: Counter[ActorType] | None) -> bool:
    """'the West Bank', 'the North Shore': a point of the compass before 'Bank' or another
    word that also ends the names of bodies is a region when the tagger only ever says place."""
    return (
        len(span) == 2
        and span[0].lower_ in COMPASS
        and votes is not None
        and bool(votes)
        and set(votes) == {"place"}
    )


def _team_name(span: Span) -> bool:
    """'the Norland Rovers': a place, then a plural proper noun, names the team of that place."""
    if len(span) < 2 or not _plural_proper(span[-1]) or place(span[:-1].text) is None:
        return False
    # 'Rodney Eyles': a town that is also a given name, then a surname in -s, is a person
    return span[-1].tag_ == "NNPS" or span[0].lower_ not in given_names()


def _plural_proper(tok: Token) -> bool:
    """A capitalised plural noun ('Otters', 'Rovers'): tagged so, or ending in a plural -s."""
    text = tok.text
    if not text[:1].isupper() or not text[1:].islower() or tok.pos_ != "PROPN":
        return False
    return tok.tag_ == "NNPS" or (text.endswith("s") and not text.endswith(("ss", "us", "is")))


def _known_place(span: Span) -> bool:
    return len(span) > 1 and place(span.text) is not None


def _resolvable(span: Span, known: set[str]) -> bool:
    key = name_key(span.text)
    if all(t.lower_ in titles() for t in span):
        return False  # 'Secretary General' is a title, not a name
    return (
        key in known
        or _team_name(span)
        or (place(span.text) is not None and (span.root.pos_ == "PROPN" or span.text.isupper()))
        or (span[-1].lower_ in ORG_ENDINGS and len(span) > 1)
        or _initialled(span)
        or _after_title(span)
        or _given_name_first(span)
        or (span[-1].lower_ in PLACE_ENDINGS and len(span) > 1)
    )


def _run_word(tok: Token) -> bool:
    text = tok.text
    return (
        len(text) > 0
        and text[0].isupper()
        and any(c.isalpha() for c in text)
        and not tok.is_space
        and "\n" not in text
    )


def _breaks_between(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or tok.text.endswith(",")


def _person_parts(labelled: list[tuple[Span, ActorType | None]]) -> set[str]:
    """First names and surnames of multi-word person names in the document ('Hale-Barrow' of
    'Phoebe Hale-Barrow' whole: a hyphenated name is one word)."""
    parts = set()
    for span, kind in labelled:
        if kind == "person" and len(span) > 1:
            words = [w for w in name_word_texts(span) if w[:1].isalpha() and len(w.rstrip(".")) > 1]
            if len(words) < 2:
                continue
            for word in (words[0], words[-1]):
                parts.add(name_key(word))
    return parts


def name_word_texts(span: Span) -> list[str]:
    """The words of a name, tokens joined by hyphens or soft hyphens kept together."""
    words: list[str] = []
    glue = False
    for tok in span:
        joined = tok.text in ("-", "\u2010", "\u00ad") or glue
        if words and joined and not span.doc[tok.i - 1].whitespace_:
            words[-1] += tok.text
        else:
            words.append(tok.text)
        glue = tok.text in ("-", "\u2010", "\u00ad") and not tok.whitespace_
    return words


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion or substitution apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def one_word(span: Span) -> bool:
    """A single (possibly hyphenated) word: 'Ostrander', 'Hale-Barrow'."""
    return len(name_word_texts(span)) == 1


STATE_HEADS = frozenset({"union", "republic", "kingdom", "emirates", "states"})
"""Head nouns of the names of states ('the Dravian Republic'), as of bodies ('the Students'
Union'): the tagger's reading of the whole name as a place or a body decides."""


def _decide(
    span: Span, key: str, votes: Counter[ActorType] | None, people: set[str], known: bool
) -> ActorType | None:
    """One type for a name: gazetteer, person structure, organisation endings, then the votes."""
    known_place = place(span.text)
    last = span[-1].lower_
    strong = known_place is not None and known_place.kind in STRONG_PLACES
    person_votes = votes.get("person", 0) if votes else 0
    if strong and not (votes and key in people and person_votes * 2 > sum(votes.values())):
        return "place"
    if key in people and one_word(span):
        # A surname or first name of a person the document names in full is that person,
        # even when a town or a tagger vote says otherwise ('Phoenix' after 'Rafael Phoenix').
        return "person"
    if last in STATE_HEADS and len(span) > 1 and votes and votes["place"] > votes["organization"]:
        return "place"  # 'the former Ottoman Union': the tagger's state, not a union of bodies
    if (last in ORG_ENDINGS and len(span) > 1 and not _compass_place(span, votes)) or _team_name(
        span
    ):
        return "organization"
    if _body_before_subject(span):
        return "organization"
    if (last in STREET_ENDINGS and len(span) > 1) or _street_compound(span):
        return "place"
    if _initialled(span) or _after_title(span):
        return "person"
    if last in PLACE_ENDINGS and len(span) > 1 and not votes:
        return "place"
    if not votes and _given_name_first(span) and known_place is None:
        return "person"
    if votes:
        order = ["person", "organization", "place", "other"]
        best = max(votes, key=lambda k: (votes[k], -order.index(k)))
        final = name_word_texts(span)[-1]  # 'Hale-Barrow' is one word
        if best == "person" and not one_word(span) and final[:1].isupper():
            # 'the Halvorsen Center', 'the Kettering Observatory': no person's name ends in a noun
            # for an institution or a site, though it may be named after a person
            if final.lower() in INSTITUTION_WORDS:
                return "organization"
            if final.lower() in PLACE_ENDINGS or final.lower() in SITE_WORDS:
                return "place"
        if (
            known_place is not None
            and known_place.kind == "province"
            and best == "organization"
            and not votes.get("place")
            and votes[best] >= 3
        ):
            # 'Meta' is also a Colombian department; a name the tagger calls an organisation
            # three times and a place never is not that province.
            return "organization"
        if known_place is not None and best in ("place", "other", "organization"):
            # A capital or city standing for its government or people stays a place.
            return "place"
        if known_place is not None and best == "person" and len(span) == 1:
            return "place"
        return best
    if known_place is not None:
        return "place"
    return None


INSTITUTION_WORDS = frozenset(
    "center centre institute laboratory lab school academy hospital clinic library forum".split()
)
"""Last words of the names of institutions, often named after a person ('the Halvorsen Center')."""
SITE_WORDS = frozenset("observatory museum monument memorial tower building".split())
"""Last words of the names of sites and buildings ('the Kettering Observatory')."""


def _body_before_subject(span: Span) -> bool:
    """'the Halvorsen Center for Soil and Water', 'Committee on Budgets': a noun for a body
    before 'for' or 'on' heads a name that says what the body works for, an organisation."""
    for tok in span[1:-1]:
        if tok.lower_ in ("for", "on"):
            head = span.doc[tok.i - 1].lower_
            return head in ORG_ENDINGS or head in INSTITUTION_WORDS or head in SUBJECT_BODIES
    return False


def _street_compound(span: Span) -> bool:
    """'Birkenallee', 'Holmerstrasse': one capitalised word ending in a German street word."""
    word = span.text
    return (
        len(span) == 1
        and word[:1].isupper()
        and word.isalpha()
        and any(word.lower().endswith(x) and len(word) > len(x) + 2 for x in STREET_SUFFIXES)
    )


def _initialled(span: Span) -> bool:
    """'P. Simmons', 'J.R. Smith': initials then a capitalised surname."""
    toks = list(span)
    if _classified(span) == "organization":
        return False  # 'the J.R. Smith brokerage': a firm named after its founder
    return (
        len(toks) >= 2
        and re.fullmatch(r"(?:[A-Z]\.)+", toks[0].text) is not None
        and place(toks[0].text) is None  # 'U.S. Air Force': a country's initials
        and toks[-1].text[:1].isupper()
        and len(toks[-1].text) > 2
        and toks[-1].text[1:].islower()
    )


def _given_name_first(span: Span) -> bool:
    """'Imelda Okafor': a common given name, then one or two capitalised words (or a
    monarch's number: 'Aldric VII')."""
    words = name_word_texts(span)
    if len(words) == 2 and len(words[1]) > 1 and ROMAN.fullmatch(words[1]) is not None:
        words = words[:1] + ["Viii"]  # stands for any capitalised word
    if not 2 <= len(words) <= 3 or words[0].lower() not in given_names():
        return False
    if words[0].lower() in demonyms():
        return False  # 'German Reich': a nationality adjective, though also a given name
    if any(w.lower() in ORG_ENDINGS or w.lower() in PLACE_ENDINGS for w in words):
        return False
    return all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha() for w in words)


def _after_title(span: Span) -> bool:
    """A name right after a person's title ('Mr', 'Senator', 'Minister')."""
    doc = span.doc
    if span.start == 0 or span[0].lower_ in titles():
        return False
    prev = doc[span.start - 1]
    if prev.lower_ == "elect" and span.start >= 2:
        # 'President-elect Varga', 'Governor elect Obi': an office not yet taken is a title too.
        before = doc[span.start - 2]
        if before.text in ("-", "\u2010") and span.start >= 3:
            before = doc[span.start - 3]
        return before.lower_ in titles()
    word = prev.lower_.rstrip(".")
    return word in ("mr", "mrs", "ms", "dr", "sir", "dame") or (
        prev.text[:1].isupper()
        and word in titles()
        and (not prev.is_sent_start or prev.text.endswith("."))  # 'Gov. Vellin' opening
    )


KIN_NOUNS = frozenset(
    """wife husband widow widower son daughter mother father brother sister stepson
    stepdaughter stepmother stepfather uncle aunt nephew niece cousin grandson granddaughter
    grandmother grandfather fiancee fiancée fiance fiancé girlfriend boyfriend""".split()
)
"""English kinship nouns: 'his wife Grace', 'her son Ali' name a person."""


ORG_CLASSIFIERS = frozenset(
    """agency company firm group website site app platform magazine newspaper daily weekly
    team club network party
    startup giant rival retailer carrier maker manufacturer publisher broadcaster insurer lender
    airline bank regulator watchdog charity union outlet channel studio brand contractor
    conglomerate operator developer""".split()
)
"""Common nouns that class a name they stand beside as a body ('messaging app Snapchat')."""
PLACE_CLASSIFIERS = frozenset(
    """region province city town village state republic county district island neighbourhood
    neighborhood suburb municipality""".split()
)
"""Common nouns that class a name as a place ('the Kessra region', 'the town of')."""
PRODUCT_CLASSIFIERS = frozenset(
    """rocket spacecraft satellite ship aircraft jet plane car vehicle phone smartphone device
    drug vaccine medicine game film movie series album book novel song browser software
    program programme""".split()
)
"""Common nouns that class a name after them as a product, a work or a programme."""
FOLLOWING_ORG = frozenset(
    "magazine newspaper daily weekly website app platform party airline brokerage".split()
)
"""Classifiers that follow the name ('Vulture magazine') and never follow a person's name."""


def _classified(span: Span) -> ActorType | None:
    """The kind a lowercase classifier noun right before or after the name gives it."""
    doc = span.doc
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.pos_ == "NOUN" and prev.text.islower() and "\n" not in prev.whitespace_:
            if prev.lemma_ in ORG_CLASSIFIERS:
                return "organization"
            if prev.lemma_ in PLACE_CLASSIFIERS:
                return "place"
            if prev.lemma_ in PRODUCT_CLASSIFIERS:
                return "other"  # 'the drug Xyral', 'the game Tunnel Dash'
        if prev.lower_ == "of" and span.start > 1:
            noun = doc[span.start - 2]
            if noun.pos_ == "NOUN" and noun.text.islower() and noun.lemma_ in PLACE_CLASSIFIERS:
                return "place"  # 'the town of Vestmark', 'the island of Hexa'
    if span.end < len(doc):
        nxt = doc[span.end]
        if (
            nxt.pos_ == "NOUN"
            and nxt.text.islower()
            and span[-1].head.i == nxt.i
            and "\n" not in span[-1].whitespace_
        ):
            if nxt.lemma_ in PLACE_CLASSIFIERS or nxt.lemma_ in ("government", "authority"):
                return "place"  # 'the Kessra government' is the government of a place
            if nxt.lemma_ in FOLLOWING_ORG:
                return "organization"
    return None


SPORT_ROLES = frozenset(
    """midfielder winger striker defender goalkeeper keeper playmaker bowler batsman pitcher
    hitter catcher shortstop outfielder infielder fielder flanker hooker fullback quarterback
    finalist champion winner runner-up seed referee umpire veteran compatriot rookie
    spinner all-rounder rounder half""".split()
)
"""Nouns for the people of a sport: a player's position, a rank, an official."""


def _role_before(span: Span) -> bool:
    """A lowercase noun for a person's office or part set before the name as its modifier
    ('spokesman Ann Lee', 'midfielder Bo Li', 'off-spinner Lee'): only people hold these."""
    if span.start == 0:
        return False
    doc = span.doc
    prev = doc[span.start - 1]
    if not prev.text.islower() or prev.tag_ != "NN" or "\n" in prev.whitespace_:
        return False
    if prev.dep_ != "compound" or not span.start <= prev.head.i < span.end:
        return False
    word = prev.lower_
    if word in ORG_ENDINGS or word in BODY_NOUNS or word in ORG_CLASSIFIERS:
        return False
    return word in titles() or word in SPOKES or word in KIN_NOUNS or word in SPORT_ROLES


def _after_kin(span: Span) -> bool:
    """A name right after a kinship noun ('his wife Grace', 'including wife Grace')."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.lower_ in KIN_NOUNS and prev.text.islower()


def _drop_nested(names: list[Name]) -> list[Name]:
    """Overlapping occurrences keep the longest name."""
    names.sort(key=lambda n: (n.span.start, -len(n.span)))
    out: list[Name] = []
    for name in names:
        if out and name.span.start < out[-1].span.end:
            continue
        out.append(name)
    return out


DETERMINERS = frozenset("the a an this that its their our his her my your".split())
"""Determiners and possessive pronouns, which English sets before common nouns and the names
of things and bodies ('the Pentagon', 'its Spring Outlook'), never right before a person's name."""


def _determined(span: Span) -> bool:
    """A determiner or possessive pronoun right before the name and governing it ('the
    Calloway', 'its Harvest Outlook'). An adjective between ('the late Ann Lee', 'a young Obi')
    describes a person at one time, and a plural ('the Lees') names a family: neither counts."""
    if span.start == 0 or span[-1].tag_ == "NNPS":
        return False
    doc = span.doc
    i = span.start - 1
    while i > 0 and doc[i].dep_ == "compound" and place(doc[i].text) is not None:
        i -= 1  # 'its U.S. Harvest Bulletin': a country's name may stand between
    prev = doc[i]
    return prev.lower_ in DETERMINERS and prev.dep_ in ("det", "poss") and prev.head == span.root


COMMON_HEADS = frozenset(
    {"forum"}
    | INSTITUTION_WORDS
    | SITE_WORDS
    | ORG_ENDINGS
    | OTHER_ENDINGS
    | EVENT_HEADS
    | PLACE_ENDINGS
    | STREET_ENDINGS
)
"""Common nouns that can head a name ('the Halvorsen Center', 'the Harvest Forum')."""


def _common_head(span: Span) -> bool:
    """A name of two words or more that ends in a capitalised common noun for an institution, a
    site, an event or a place: named after a person perhaps, but not a person's name."""
    words = name_word_texts(span)  # 'Hale-Barrow' is one word, no barrow
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in COMMON_HEADS


THING_NOUNS = PRODUCT_NOUNS | frozenset(
    """variety grape wine cultivar chemical substance compound cereal species breed tree plant
    mutation strain hybrid schooner boat yacht ferry telescope instrument""".split()
)
"""Class nouns of things: what a name introduced by one of them names is no actor."""
BODY_CLASS_NOUNS = (
    ORG_CLASSIFIERS
    | BODY_NOUNS
    | BODY_APPOSITIONS
    | frozenset("label brokerage winery institution university school".split())
)
"""Class nouns of bodies ('labels such as X': wine or record labels are firms)."""
PLACE_CLASS_NOUNS = PLACE_CLASSIFIERS | frozenset("place area country city town village".split())
COMPASS_ADJECTIVES = frozenset(
    """northern southern eastern western central north-eastern north-western south-eastern
    south-western northeastern northwestern southeastern southwestern""".split()
)
"""Adjectives of direction: 'eastern X' is a part of a place, as no body or person is."""


def _class_kinds(span: Span) -> list[ActorType]:
    """The kinds the article's own class nouns give this use of a name: 'N such as X' (and
    the other items of its list), 'N known as X', 'X is (one of the) N', 'X, which is a N',
    'X, one of the Ns', 'the village of X', a compass adjective ('eastern X'), and a noun of a
    kind of thing in apposition ('X, a rare breed of sheep,')."""
    root = span.root
    doc = span.doc
    kinds: list[ActorType] = []
    if not span[0].text[:1].isupper():
        return kinds  # '$140bn' is no name
    for noun in _class_nouns(span):
        kind = _noun_kind(noun)
        if kind is not None and kind != "person":
            kinds.append(kind)  # 'X is a first cousin of Y' may be a figure of speech
    if any(_noun_kind(noun) == "other" for noun in _apposed_nouns(span)):
        kinds.append("other")  # 'the Vellmar, a rare breed of sheep,': a thing of that kind
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    of = first.head
    if (
        first.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.pos_ == "NOUN"
        and of.head.text.islower()
        and of.head.lemma_.lower() in PLACE_CLASSIFIERS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in of.head.children)
    ):
        kinds.append("place")  # 'the village of X', 'the town of X'
    if any(
        c.dep_ == "amod" and c.lower_ in COMPASS_ADJECTIVES and c.i < span.start
        for c in root.children
    ):
        kinds.append("place")  # 'eastern X'
    if span.start > 0 and doc[span.start - 1].lower_ in COMPASS_ADJECTIVES:
        kinds.append("place")
    return kinds


def _noun_kind(noun: Token) -> ActorType | None:
    """The kind of actor (or `other`, a thing) a lowercase class noun stands for."""
    if not noun.text.islower() or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma in THING_NOUNS:
        return "other"
    if lemma in BODY_CLASS_NOUNS:
        return "organization"
    if lemma in PLACE_CLASS_NOUNS:
        return "place"
    if lemma in titles() or lemma in KIN_NOUNS:
        return "person"
    return None


def _class_nouns(span: Span) -> list[Token]:
    """The common nouns that say what the name is, by the constructions of `_class_kinds`."""
    root = span.root
    doc = span.doc
    nouns: list[Token] = []
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # the items of a list share its class noun
    head = first.head
    if first.dep_ == "pobj" and head.lower_ == "as":
        above = head.head
        if doc[head.i - 1].lower_ == "such" and above.pos_ == "NOUN":
            nouns.append(above)  # 'labels such as X'
        elif above.lower_ == "such" and above.head.pos_ == "NOUN":
            nouns.append(above.head)
        elif above.lemma_ == "know" and above.dep_ == "acl" and above.head.pos_ == "NOUN":
            nouns.append(above.head)  # 'a grape known as X'
        elif above.lemma_ == "know" and above.dep_ == "advcl":
            # 'Known as X, the area was tundra': the subject of the clause it opens
            nouns.extend(c for c in above.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    if any(c.dep_ in MODIFIER_DEPS and not span.start <= c.i < span.end for c in root.children):
        return nouns  # 'the final Acme 300 was a plane': the name only modifies what is classed
    verb = None
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        verb = root.head  # 'X is one of the labels'
    i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if i < len(doc) and doc[i].lower_ == "which" and doc[i].dep_ == "nsubj":
        if doc[i].head.lemma_ == "be" and doc[i].head.head == root:
            verb = doc[i].head  # 'X, which is a chemical'
    if verb is not None and not any(c.dep_ == "neg" for c in verb.children):
        for attr in verb.children:
            if attr.dep_ == "attr" and attr.i > verb.i:
                nouns.append(_one_of(attr))
    if span.end + 2 < len(doc) and doc[span.end].text == ",":
        one = doc[span.end + 1]
        if one.lower_ == "one" and doc[span.end + 2].lower_ == "of":
            nouns.append(_one_of(one))  # 'X, one of four schooners'
    return nouns


MODIFIER_DEPS = frozenset({"nummod", "amod", "compound", "nmod"})


def _one_of(tok: Token) -> Token:
    """'one of the labels' → 'labels'; any other noun is itself."""
    if tok.lower_ != "one":
        return tok
    for of in tok.children:
        if of.dep_ == "prep" and of.lower_ == "of":
            for obj in of.children:
                if obj.dep_ == "pobj":
                    return obj
    return tok
