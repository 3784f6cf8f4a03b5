"""Plain data between extraction and rendering: the `news-report/1` contract.

Every class is a frozen dataclass whose field order is the JSON key order, so that the same
report always serialises to the same bytes. `Report.to_json()` / `Report.from_json()` are the
only (de)serialisers; see ../shared/docs/CONTRACT.md for the meaning of each field.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Union

SCHEMA = "news-report/1"

CONFIDENT = 0.8
"""Items at this confidence or above are confident: the summary and key points use only them."""
UNCERTAIN = 0.5
"""A quote below this confidence is shown with "speaker unclear" (below `CONFIDENT`, every
item carries an "uncertain" badge on the site)."""
TEXT_GENRE_MAX = 0.75
"""A genre only the article's own words show (no label, markup or address) is never surer
than this: the register of a text leans one way, it does not label it."""

# The vocabularies of the contract. Reports are read back as JSON, where any string can come:
# code that looks a value up tolerates unknown ones (`SEVERITY_ORDER.get(s, len(...))`).
ActorType = Literal["person", "organization", "place", "group", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
FigureKind = Literal["money", "percent", "quantity", "count", "rank", "duration", "other"]
FigureStatus = Literal["fact", "plan", "target", "estimate", "forecast", "claim"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "month", "quarter", "year", "approximate"]
EventStatus = Literal["reported", "planned"]
CaveatKind = Literal[
    "relayed",
    "unattributed",
    "hedged",
    "weasel",
    "opinion",
    "forward-looking",
    "missing-metadata",
    "inconsistency",
    "sourcing",
    "one-sided",
    "headline",
    "genre",
    "speculation",
    "other",
]
Severity = Literal["high", "warning", "info"]
DateSource = Literal["metadata", "cli", "inferred", "none"]
Polarity = Literal["affirmative", "negative"]
Genre = Literal["news", "opinion", "analysis", "review", "fact-check", "live", "press-release"]

SEVERITIES: tuple[Severity, ...] = ("high", "warning", "info")
"""Caveat severities, most serious first: the one order every list and count of caveats follows."""
SEVERITY_ORDER: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}
"""Severity → its rank in `SEVERITIES` (0 is the most serious)."""


@dataclass(frozen=True)
class Span:
    """A slice of the article text."""

    text: str
    """The words, exactly `article.text[start:end]`."""
    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""


@dataclass(frozen=True)
class Article:
    """An article as read from disk, before analysis."""

    id: str
    """Slug-safe identifier, unique within a site."""
    title: str | None
    """Headline, from front matter or a leading Markdown heading."""
    date: str | None
    """Publication date `YYYY-MM-DD`: the anchor for relative dates."""
    date_source: DateSource
    """Where `date` came from: metadata | cli | inferred | none."""
    source: str | None
    """Outlet name."""
    url: str | None
    """Link to the original."""
    author: str | None
    """Byline."""
    language: str
    """ISO 639-1 language code of the text."""
    text: str
    """The body text every offset in the report points into."""
    authors: list[str] = field(default_factory=list)
    """The byline as a list of person names (no "By", dates or outlet); empty when unknown."""
    modified: str | None = None
    """Date of the last update `YYYY-MM-DD`, from the page's own metadata, or None."""
    section: str | None = None
    """The section the outlet files the article under, or None."""
    genre: Genre = "news"
    """news | opinion | analysis | review | fact-check | live | press-release: read from the page."""
    genre_evidence: str | None = None
    """What the genre was read from (markup type, section, URL path, label, text cue)."""
    genre_confidence: float = 1.0
    """How sure the genre is (0-1): 0.95 from a schema.org type, 0.85-0.9 from a label, section or
    address, at most 0.75 from the text alone; 1.0 when front matter declares it."""
    fact_check: FactCheck | None = None
    """For a fact-check: the claim, who made it and the verdict."""
    dek: str | None = None
    """The standfirst under the headline (a web page's dek), kept out of `text`; None when none."""
    captions: list[str] = field(default_factory=list)
    """Photo and video captions of a web page, kept out of `text` (they are not the article's prose)."""
    credits: list[str] = field(default_factory=list)
    """Photo credits and similar lines of a web page, kept out of `text`."""


@dataclass(frozen=True)
class FactCheck:
    """The claim a fact-check examines and its finding."""

    claim: str | None
    """The claim checked, in the page's words."""
    claimant: str | None
    """Who made the claim."""
    verdict: str | None
    """The rating the fact-checker gives ("Mostly True", "False")."""


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named or referred to."""

    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""
    text: str
    """The words of the mention."""


@dataclass(frozen=True)
class Actor:
    """A person, organisation, place or group, merged over all its mentions."""

    id: str
    """Slug of the canonical name, unique within the report."""
    name: str
    """Canonical name: the fullest proper name used in the article."""
    type: ActorType
    """person | organization | place | group | other."""
    roles: list[str]
    """Titles and descriptions the article gives the actor."""
    affiliations: list[str]
    """Ids of other actors this one belongs to or works for."""
    mentions: list[Mention]
    """Every mention, in text order."""
    confidence: float = 1.0
    """0-1: how sure the extractor is, from the evidence it had (see docs/contract.md)."""


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to."""

    actor: str | None
    """Id of the resolved actor, or None when it could not be resolved."""
    text: str
    """The words naming the speaker."""
    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""


@dataclass(frozen=True)
class Quote:
    """Something an actor is reported to have said."""

    kind: QuoteKind
    """direct | partial | indirect."""
    text: str
    """The content (inside the quote marks for direct quotes)."""
    start: int
    """Character offset of the first character of the content."""
    end: int
    """Character offset one past the last character of the content."""
    cue: Span | None
    """The reporting verb or phrase."""
    speaker: Speaker | None
    """The source of the quote."""
    via: str | None
    """Actor id of an outlet that relayed the quote."""
    parts: list[Span] = field(default_factory=list)
    """The quoted passages when a reporting clause interrupts the quote ('"A," she said, "B."'); else empty."""
    polarity: Polarity = "affirmative"
    """affirmative | negative: negative for denials and refusals ("denied that", "declined to say")."""
    confidence: float = 1.0
    """0-1: how sure the extractor is, from the evidence it had (see docs/contract.md)."""


@dataclass(frozen=True)
class Figure:
    """A number in the text, normalised, with what it measures."""

    kind: FigureKind
    """money | percent | quantity | count | rank | duration | other."""
    text: str
    """The words of the figure."""
    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""
    value: float | int | None
    """Normalised numeric value (the lower bound of a range)."""
    unit: str | None
    """ISO 4217 code for money, '%' for percentages, else the counted noun or unit."""
    per: str | None
    """Rate period or denominator: 'month' in '1 billion euros per month'."""
    subject: str | None
    """What the figure measures, in words from its sentence."""
    attributed_to: str | None
    """Actor id of whoever states the figure."""
    status: FigureStatus = "fact"
    """fact | plan | target | estimate | forecast | claim: how the article presents the figure
    (claim: a figure under fact-check or disputed in the sentence)."""
    value_max: float | int | None = None
    """Upper bound when the figure is a range."""
    confidence: float = 1.0
    """0-1: how sure the extractor is, from the evidence it had (see docs/contract.md)."""
    conversion: str | None = None
    """The same amount restated in other units right after it ('(142 km)'), folded into this one."""


@dataclass(frozen=True)
class TimeExpression:
    """A TimeML TIMEX3 expression, normalised against the article date."""

    text: str
    """The words of the expression."""
    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""
    type: TimexType
    """DATE | TIME | DURATION | SET."""
    value: str
    """TIMEX3 value: 2025-12-03, 2025-W49, P1Y, PRESENT_REF, XXXX-12-03 ..."""
    label: str = ""
    """The value in words for a reader: '3 Dec 2025', 'week of 1 Dec 2025', 'three years'."""


@dataclass(frozen=True)
class TimelineEntry:
    """An event of the article placed in time."""

    date: str
    """TIMEX3 value of the date the event belongs to."""
    precision: Precision
    """day | month | quarter | year | approximate."""
    event: str
    """The event, in the article's words."""
    start: int
    """Character offset of the first character of the sentence or clause."""
    end: int
    """Character offset one past the last character of the sentence or clause."""
    timex: int
    """Index into `Report.temporal_expressions`."""
    status: EventStatus = "reported"
    """reported | planned: whether the event happened or is planned or targeted."""
    confidence: float = 1.0
    """0-1: how sure the extractor is, from the evidence it had (see docs/contract.md)."""
    when: str = ""
    """The time expression as written."""
    label: str = ""
    """The date in words: '18 Nov 2019', 'week of 11 Nov 2019', 'Q3 2019', 'date unknown'."""
    polarity: Polarity = "affirmative"
    """negative when the event is negated ('did not meet', 'has not been')."""
    anchored_on: str = "absolute"
    """absolute (a full date) | publication (relative to the article date) | text (relative to
    an earlier date in the text) | none (cannot be placed)."""


@dataclass(frozen=True)
class Caveat:
    """Something a careful editor would raise about a passage."""

    kind: CaveatKind
    """Caveats: sourcing | one-sided | relayed | headline | inconsistency | genre | speculation |
    missing-metadata | other. Uncertainty marks (`Report.uncertainty`): hedged | weasel |
    forward-looking | opinion | unattributed."""
    text: str
    """The sentence or span concerned ('' for article-level caveats)."""
    start: int
    """Character offset of the first character (0 for article-level caveats)."""
    end: int
    """Character offset one past the last character (0 for article-level caveats)."""
    cue: str | None
    """The words that triggered the caveat."""
    severity: Severity
    """info | warning | high."""
    explanation: str
    """One plain sentence for a reader."""
    cue_start: int | None = None
    """Character offset of the first character of the cue (None when there is no cue span)."""
    cue_end: int | None = None
    """Character offset one past the last character of the cue."""
    confidence: float = 1.0
    """0-1: how sure the extractor is, from the evidence it had (see docs/contract.md)."""
    evidence: list[Span] = field(default_factory=list)
    """The sentences the caveat rests on, in text order (the first is `start`/`end`'s sentence
    for a passage caveat); empty for an uncertainty mark and for article-level caveats whose
    reason is in `explanation` alone."""


@dataclass(frozen=True)
class KeyPoint:
    """One line of the key points list, linked to its source sentence."""

    text: str
    """The point, built from extracted items and article words."""
    start: int
    """Character offset of the sentence the point comes from."""
    end: int
    """Character offset one past the end of that sentence."""


@dataclass(frozen=True)
class Report:
    """Everything the tool says about one article."""

    article: Article
    """The article with its metadata and text."""
    summary: list[Span] = field(default_factory=list)
    """Chosen sentences, in article order."""
    actors: list[Actor] = field(default_factory=list)
    """People, organisations, places and groups."""
    quotes: list[Quote] = field(default_factory=list)
    """Direct, partial and indirect quotes."""
    figures: list[Figure] = field(default_factory=list)
    """Money, percentages, quantities, counts and ranks."""
    temporal_expressions: list[TimeExpression] = field(default_factory=list)
    """Every time expression, in text order."""
    timeline: list[TimelineEntry] = field(default_factory=list)
    """Dated events, in date order."""
    undated: list[TimelineEntry] = field(default_factory=list)
    """Events whose time expression cannot be placed on the dated timeline (vague references,
    an unknown year, decades and centuries), in text order, listed with their words."""
    caveats: list[Caveat] = field(default_factory=list)
    """Editorial caveats about the reporting, most serious first."""
    key_points: list[KeyPoint] = field(default_factory=list)
    """Short lines on the main actors and claims."""
    sentences: list[Span] = field(default_factory=list)
    """Every sentence of the text, in order; index i is anchor `s-i` on the source page."""
    uncertainty: list[Caveat] = field(default_factory=list)
    """Hedges, weasel words, plans and loaded or causal wording, sentence by sentence and in
    any voice (quotes included), in text order: language marks, not editorial caveats."""
    schema: str = SCHEMA
    """Contract name and version."""
    generator: str = ""
    """Name and version of the tool that made the report."""

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object, `schema` first."""
        data = dataclasses.asdict(self)
        return {"schema": data.pop("schema"), **data}

    def to_json(self) -> str:
        """Deterministic JSON text of the report."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from its contract JSON object."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"unsupported report schema {data.get('schema')!r}")
        report: Report = _build(cls, data)
        return report

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Rebuild a report from its JSON text."""
        return cls.from_dict(json.loads(text))

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains character `offset` (the last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        found = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                found = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return found


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    """The field types of a dataclass, resolved once: resolving compiles every annotation."""
    return typing.get_type_hints(cls)


def _build(tp: Any, value: Any) -> Any:
    """Turn JSON data back into the dataclass (or container of them) that `tp` names."""
    if value is None:
        return None
    build = _builder(tp)
    return value if build is None else build(value)


@functools.cache
def _builder(tp: Any) -> Callable[[Any], Any] | None:
    """A function from JSON data to `tp`, made once per type (None: the data is the value).

    Looking the types up once, not at every value, makes loading 1,000 cached reports
    several times faster; an incremental site build loads them all.
    """
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        inner = _builder(item)
        if inner is None:
            return list
        return lambda value: [None if v is None else inner(v) for v in value]
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            if isinstance(arg, type) and dataclasses.is_dataclass(arg):
                return _builder(arg)
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        # A frozen dataclass's __init__ sets each field through object.__setattr__; filling
        # the instance's __dict__ directly gives the same object faster. That skips
        # __post_init__ and needs a __dict__: a class with either is refused here, loudly.
        if hasattr(tp, "__post_init__") or hasattr(tp, "__slots__"):
            raise TypeError(f"{tp.__name__}: reports are built without __init__")
        hints = _type_hints(tp)
        missing = dataclasses.MISSING
        plan = [
            (
                f.name,
                _builder(hints[f.name]),
                f.default,
                f.default_factory if f.default_factory is not missing else None,
            )
            for f in dataclasses.fields(tp)
        ]
        new_object = object.__new__

        def build(value: Any) -> Any:
            obj = new_object(tp)
            attrs = obj.__dict__
            for name, inner, default, factory in plan:
                if name in value:
                    v = value[name]
                    attrs[name] = v if inner is None or v is None else inner(v)
                elif factory is not None:
                    attrs[name] = factory()
                elif default is not missing:
                    attrs[name] = default
                else:
                    raise TypeError(f"{tp.__name__}: missing field {name!r}")
            return obj

        return build
    return None
