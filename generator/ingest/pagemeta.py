"""Article metadata from a web page's own markup: JSON-LD, meta tags and the visible byline.

Each field is read from the most explicit source the page offers, in a fixed order: the
schema.org object that describes the article (JSON-LD), then the meta tags publishers write
for search engines and social networks (`article:published_time`, `og:site_name`, `author`),
then the page's visible parts (the headline, a byline element). A date or a name that the
markup does not give is left out rather than guessed from the article's prose: a date the
article discusses is not its publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "opinionnewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "satiricalarticle",
    "review",
    "criticreview",
    "claimreview",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "techarticle",
    "scholarlyarticle",
}
"""schema.org types that describe an article (lower case), the `CreativeWork`s a news page is."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

# Words that make a byline a desk, a team or an outlet rather than a person.
_DESK_WORDS = {
    "staff",
    "desk",
    "desks",
    "team",
    "editors",
    "editorial",
    "board",
    "newsroom",
    "news",
    "wire",
    "wires",
    "service",
    "services",
    "agency",
    "agencies",
    "press",
    "bureau",
    "reporters",
    "correspondents",
    "contributors",
    "writers",
    "letters",
    "view",
    "views",
    "readers",
    "admin",
    "administrator",
    "media",
    "group",
    "network",
    "online",
    "times",
    "post",
    "journal",
    "magazine",
    "daily",
    "weekly",
    "herald",
    "gazette",
    "tribune",
    "inc",
    "ltd",
    "llc",
    "plc",
    "corp",
    "company",
    "project",
    "center",
    "centre",
    "institute",
    "university",
    "foundation",
    "association",
    "union",
    "council",
    "department",
    "ministry",
    "office",
    "partners",
    "report",
    "reports",
    "guest",
    "anonymous",
    "unknown",
    "various",
    "sponsored",
    "content",
    "channel",
    "radio",
    "tv",
    "television",
    "digital",
    "web",
    "site",
}
# Newsroom roles that follow a name in a byline ("Ann Lee, Staff Writer"); nameparser's list of
# titles has most offices but not the newsroom's own.
_ROLE_WORDS = {
    "reporter",
    "writer",
    "correspondent",
    "columnist",
    "contributor",
    "producer",
    "photographer",
    "editor",
    "critic",
    "analyst",
    "blogger",
    "journalist",
    "author",
    "host",
    "anchor",
    "contributing",
    "senior",
    "chief",
    "political",
    "business",
    "science",
    "health",
    "technology",
    "tech",
    "sports",
    "foreign",
    "national",
    "staff",
    "special",
    "freelance",
    "investigative",
}
_NAME_LABEL = re.compile(
    r"^\s*(?:(?:written|words|story|text|reporting|posted|published)\s+)?(?:by|from|author(?:s)?|byline)\b\s*[:|-]?\s*",
    re.I,
)
_DATEISH = re.compile(
    rf"\d|\b(?:updated|published|posted|last\s+modified|modified|{MONTH}\s*\d|{WEEKDAY},)",
    re.I,
)
_HANDLE = re.compile(r"@\w+|\S+@\S+\.\w+|https?://\S+|www\.\S+")
_SEPARATORS = re.compile(r"\s*(?:[|•·\n]|\s-\s|\s–\s|\s—\s)\s*")


def clean(value: object, limit: int = 500) -> str | None:
    """Metadata as one line of text, or None."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join(unicodedata.normalize("NFC", value).split())[:limit]
    return cleaned or None


_NOT_ALNUM = re.compile(r"[\W_]+")


def squash(text: str) -> str:
    """Letters and digits only, lower case: 'The New-York Times' → 'thenewyorktimes'."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


def element_text(element: HtmlElement) -> str:
    """The visible words of an element on one line (scripts and styles left out)."""
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if node.text and tag not in ("script", "style"):
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


# --------------------------------------------------------------------------- markup


@dataclass
class Markup:
    """What a page's head and structured data say about the article."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    """Every JSON-LD object on the page, nested `@graph`s flattened."""
    article: dict[str, Any] = field(default_factory=dict)
    """The JSON-LD object that describes the article (empty when there is none)."""
    meta: dict[str, list[str]] = field(default_factory=dict)
    """Meta tag values by lower-case name, property or itemprop, in page order."""
    title_tag: str | None = None
    """The `<title>`."""
    url: str | None = None
    """The page's canonical address."""

    def first(self, *keys: str) -> str | None:
        """The first non-empty meta value under any of `keys`, in the order of the keys."""
        for key in keys:
            for value in self.meta.get(key, ()):
                cleaned = clean(value)
                if cleaned:
                    return cleaned
        return None

    def all(self, *keys: str) -> list[str]:
        out: list[str] = []
        for key in keys:
            for value in self.meta.get(key, ()):
                cleaned = clean(value)
                if cleaned and cleaned not in out:
                    out.append(cleaned)
        return out

    def types(self) -> list[str]:
        """The lower-case schema.org types of the article object."""
        return [t.lower() for t in _as_list(self.article.get("@type")) if isinstance(t, str)]

    def resolve(self, value: Any) -> Any:
        """A JSON-LD reference `{"@id": ...}` replaced by the object it names, when on the page."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            for node in self.nodes:
                if node.get("@id") == value["@id"] and len(node) > 2:
                    return node
        return value


def read_markup(tree: HtmlElement, url: str | None = None) -> Markup:
    markup = Markup()
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            markup.nodes.extend(_json_ld(script.text or ""))
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                markup.meta.setdefault(key, []).append(content)
    title = tree.find(".//title")
    markup.title_tag = clean(title.text_content()) if title is not None else None
    markup.article = _article_node(markup.nodes)
    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = link.get("href")
            break
    markup.url = clean(canonical) or markup.first("og:url") or url
    return markup


def _json_ld(text: str) -> list[dict[str, Any]]:
    """The objects of one JSON-LD script, tolerating CDATA wrappers, comments and bad JSON."""
    text = text.strip()
    text = re.sub(r"^(?:<!\[CDATA\[|<!--|//\s*<!\[CDATA\[)\s*", "", text)
    text = re.sub(r"\s*(?:\]\]>|-->|//\s*\]\]>)$", "", text)
    try:
        data = json.loads(text)
    except ValueError:
        try:  # a trailing semicolon or a second object glued on: read the first value only
            data, _ = json.JSONDecoder().raw_decode(text)
        except ValueError:
            return []
    return list(_flatten(data, 0))


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten(graph, depth + 1)
        if "@type" in data or "headline" in data:
            yield data
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, dict) and "@type" in main:
            yield from _flatten(main, depth + 1)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _article_node(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object of the article: an article type, else any object with a headline."""
    typed = [
        n
        for n in nodes
        if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in _as_list(n.get("@type")))
    ]
    for group in (typed, [n for n in nodes if n.get("headline")]):
        if group:
            # the fullest description wins (pages repeat a stub of the article for a teaser)
            return max(group, key=lambda n: (bool(n.get("headline")), len(n)))
    return {}


# --------------------------------------------------------------------------- title


@dataclass(frozen=True)
class Headline:
    text: str | None
    element: HtmlElement | None
    candidates: tuple[str, ...]


def headline(tree: HtmlElement, markup: Markup) -> Headline:
    """The headline as the page shows it: the `<h1>` that the metadata's titles agree with.

    The `<title>` and `og:title` often carry the site's name or a shorter social headline; the
    visible `<h1>` is the headline readers see, when one of the metadata titles confirms it.
    """
    candidates = [
        c
        for c in (
            clean(markup.article.get("headline"))
            if isinstance(markup.article.get("headline"), str)
            else None,
            markup.first("og:title"),
            markup.first("twitter:title"),
            markup.first("title", "dc.title", "sailthru.title", "parsely-title"),
            markup.title_tag,
        )
        if c
    ]
    keys = [squash(c) for c in candidates]
    h1s = [(h, element_text(h)) for h in tree.iter("h1")]
    h1s = [(h, t) for h, t in h1s if t and len(t) < 400]
    for h, text in h1s:
        key = squash(text)
        if len(key) < 4:
            continue
        for ckey in keys:
            if key == ckey or (ckey.startswith(key) and len(key) >= 0.4 * len(ckey)):
                return Headline(text, h, tuple(candidates))
    for h, text in h1s:  # an h1 with a kicker glued on: 'Letters to the Editor | Letters: ...'
        key = squash(text)
        for candidate, ckey in zip(candidates, keys, strict=True):
            if len(ckey) >= 12 and (key.endswith(ckey) or key.startswith(ckey)):
                text = strip_site(candidate) if candidate == markup.title_tag else candidate
                return Headline(text, h, tuple(candidates))
    for candidate in candidates:
        text = strip_site(candidate)
        if text:
            return Headline(text, None, tuple(candidates))
    if h1s:
        return Headline(h1s[0][1], h1s[0][0], tuple(candidates))
    return Headline(None, None, tuple(candidates))


_TITLE_SEPARATOR = re.compile(r"\s+[|–—:-]{1,2}\s+|\s+\|\s*|\s*\|\s+")


def strip_site(title: str) -> str:
    """A title without the site name and section that pages append: 'Story - The Paper'."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    # the headline is the longest part, taken with everything before it
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    if longest == 0:
        return parts[0].strip()
    return title  # a headline with a colon or dash inside it: keep it whole


# --------------------------------------------------------------------------- dates


def parse_date(value: Any) -> str | None:
    """`YYYY-MM-DD` from a machine-readable date (ISO 8601, `20170113`, `Wed Mar 4 ... 2015`)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])", text)
    if match:
        return _valid(*map(int, match.groups()))
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:\d{4,6})?", text)
    if match:
        return _valid(*map(int, match.groups()))
    match = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:[T\s].*)?", text)
    if match:
        return _valid(*map(int, match.groups()))
    return textual_date(text)


def textual_date(text: str) -> str | None:
    """A date written with the month's name and a year: 'March 13, 2015', '3 Jan 2019'."""
    low = text.lower()
    match = re.search(
        rf"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:[\d:]+\s+\w+\s+)?(\d{{4}})\b", low
    )
    if match:
        return _valid(int(match.group(3)), _month(match.group(1)), int(match.group(2)))
    match = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+(\d{{4}})\b", low)
    if match:
        return _valid(int(match.group(3)), _month(match.group(2)), int(match.group(1)))
    match = re.search(rf"\b({MONTH})\s+\d{{1,2}}\s+[\d:]+\s+\w+\s+(\d{{4}})\b", low)
    if match:  # 'Tue Jun 9 08:15:42 EST 2015'
        day = re.search(rf"\b{MONTH}\s+(\d{{1,2}})", low)
        if day:
            return _valid(int(match.group(2)), _month(match.group(1)), int(day.group(1)))
    return None


def _month(name: str) -> int:
    return _MONTHS.get(name.rstrip(".").lower(), 0)


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "article.published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "parsely-pub-date",
    "prism.publicationdate",
    "citation_publication_date",
    "article:publicationdate",
    "datecreated",
    "dc.date",
    "date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "last-modified",
    "lastmod",
)


@dataclass(frozen=True)
class Dates:
    published: str | None
    published_from: str | None
    modified: str | None


_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?",
    re.I,
)


@dataclass(frozen=True)
class _Stamp:
    date: str
    moment: dt.datetime | None
    """Naive date and time as written."""
    zone: str | None
    """'utc', 'offset' or None (no zone written)."""
    source: str
    offset: dt.timedelta | None = None
    """The zone's offset from UTC, when written."""


def _earlier(a: _Stamp, b: _Stamp) -> bool:
    """Whether moment `a` is before moment `b`; a time without a zone is read in the other's."""
    assert a.moment is not None and b.moment is not None
    if a.offset is not None and b.offset is not None:
        return a.moment - a.offset < b.moment - b.offset
    return a.moment < b.moment


def _stamp(value: Any, source: str) -> _Stamp | None:
    date = parse_date(value)
    if date is None:
        return None
    match = _STAMP.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return _Stamp(date, None, None, source)
    year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
    second = int(match.group(6) or 0)
    try:
        moment = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return _Stamp(date, None, None, source)
    zone = match.group(7)
    kind = (
        None
        if not zone
        else "utc"
        if zone.upper() == "Z" or zone.replace(":", "") in ("+0000", "-0000")
        else "offset"
    )
    offset = None
    if zone:
        digits = zone.replace(":", "")
        if digits.upper() == "Z":
            offset = dt.timedelta(0)
        else:
            sign = -1 if digits[0] == "-" else 1
            offset = sign * dt.timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
    return _Stamp(date, moment, kind, source, offset)


def _published_stamps(tree: HtmlElement, markup: Markup) -> list[_Stamp]:
    """Every publication date the page's metadata gives, the most explicit sources first."""
    stamps: list[_Stamp | None] = []
    for value in _as_list(markup.article.get("datePublished")):
        stamps.append(_stamp(value, "JSON-LD datePublished"))
    for node in markup.nodes:
        if node is not markup.article and node.get("headline"):
            for value in _as_list(node.get("datePublished")):
                stamps.append(_stamp(value, "JSON-LD datePublished"))
    for key in _PUBLISHED_META:
        for value in markup.meta.get(key, ()):
            stamps.append(_stamp(value, f"meta {key}"))
    for time in tree.iter("time"):
        if (time.get("itemprop") or "").lower() == "datepublished" or "pubdate" in time.attrib:
            stamp = _stamp(time.get("datetime") or "", "time element datePublished")
            if stamp is None:
                found = textual_date(element_text(time))
                stamp = _Stamp(found, None, None, "time element datePublished") if found else None
            stamps.append(stamp)
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        stamps.append(
            _stamp(
                element.get("content") or element.get("datetime") or "", "itemprop datePublished"
            )
        )
    return [s for s in stamps if s is not None]


def dates(tree: HtmlElement, markup: Markup) -> Dates:
    """Publication and modification dates from the article's own metadata, published first.

    The most explicit source wins (JSON-LD, then meta tags, then marked time elements); of
    several dates in that source (a page republished the next day) the earliest. A time written
    in UTC gives way to the same moment written in the outlet's own time zone, whose date is
    the one its readers saw. A modification before publication is a slip in the markup and is
    not used. With no modification date given, a later date from the same source as the
    publication date is the last change (a page that dates itself twice was republished).
    """
    stamps = _published_stamps(tree, markup)
    published = source = None
    chosen: _Stamp | None = None
    if stamps:
        first_source = stamps[0].source
        same = [s for s in stamps if s.source == first_source]
        chosen = min(same, key=lambda s: s.date)
        if chosen.zone == "utc" and chosen.moment is not None:
            for other in stamps:
                if (
                    other.zone != "utc"
                    and other.moment is not None
                    and abs(other.moment - chosen.moment) <= dt.timedelta(hours=15)
                ):
                    chosen = other
                    break
        published, source = chosen.date, chosen.source
    modified_stamps: list[_Stamp | None] = []
    for value in _as_list(markup.article.get("dateModified")):
        modified_stamps.append(_stamp(value, "JSON-LD dateModified"))
    for key in _MODIFIED_META:
        for value in markup.meta.get(key, ()):
            modified_stamps.append(_stamp(value, f"meta {key}"))
    for element in tree.xpath('//*[@itemprop="dateModified"]'):
        modified_stamps.append(
            _stamp(element.get("content") or element.get("datetime") or "", "itemprop dateModified")
        )
    modified = None
    for stamp in modified_stamps:
        if stamp is None:
            continue
        if chosen is not None:
            if stamp.date < chosen.date:
                continue
            if stamp.moment and chosen.moment and _earlier(stamp, chosen):
                continue
        modified = stamp.date
        break
    if modified is None and chosen is not None:
        # the same source dating the article twice: the later date is its republication, the
        # last time the page changed
        later = [s for s in stamps if s.source == chosen.source and s.date > chosen.date]
        if later:
            modified = max(later, key=lambda s: s.date).date
    return Dates(published, source, modified)


# --------------------------------------------------------------------------- section


_SECTION_META = (
    "article:section",
    "og:article:section",
    "subsection",
    "section",
    "parsely-section",
    "prism.section",
    "article.section",
    "category",
)


def section(markup: Markup) -> str | None:
    """The section the outlet files the article under ('Business', 'UK News')."""
    values: list[str] = []
    values.extend(markup.all(*_SECTION_META[:2]))
    ld_section = markup.article.get("articleSection")
    for value in _as_list(ld_section):
        if isinstance(value, str):
            values.extend(v.strip() for v in value.split(","))
    values.extend(markup.all(*_SECTION_META[2:]))
    for value in values:
        nice = _nice_section(value)
        if nice:
            return nice
    return None


def _nice_section(value: str) -> str | None:
    value = clean(value, 80) or ""
    if not value or value.startswith(("http", "/")) and "/" in value.strip("/"):
        # a path such as '/world/middle_east': its last part
        value = value.strip("/").rsplit("/", 1)[-1] if value.startswith("/") else ""
    value = value.replace("_", " ").strip(" /")
    if not value or any(ch.isdigit() for ch in value) or len(value.split()) > 6:
        return None
    # 'EUNews' → 'EU News', 'economy' → 'Economy'
    value = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", value)
    if value.islower():
        value = " ".join(w[:1].upper() + w[1:] for w in value.split())
    return value


# --------------------------------------------------------------------------- names


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(t for t in CONSTANTS.titles if t.isalpha() and len(t) > 2) | _ROLE_WORDS


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(p for p in CONSTANTS.prefixes) | {"y", "e", "of"}


_FUNCTION_WORDS = {
    "our", "my", "your", "his", "her", "their", "its", "the", "a", "an", "this", "that", "these",
    "those", "from", "with", "by", "for", "in", "on", "at", "to", "and", "or", "not", "no", "all",
    "more", "most", "new", "is", "are", "was", "be", "has", "have", "will", "how", "why", "what",
    "who", "when", "where", "read", "see", "view", "follow", "share", "email", "contact",
}  # fmt: skip
"""Words that are never part of a byline's name: 'Our Political Staff' is not a person."""
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|\([A-Z][\w.'’ -]*\)|[A-Z]\.)$")


def is_person_name(name: str) -> bool:
    """Whether `name` has the shape of a person's name: 2-6 capitalised words, no desk words."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 6 or len(name) > 60:
        return False
    if any(ch.isdigit() for ch in name) or "@" in name or "/" in name:
        return False
    words = 0
    for token in tokens:
        low = token.lower().strip(".,'’()")
        if low in _FUNCTION_WORDS:
            return False
        if low in _particles():
            continue
        if not _NAME_TOKEN.match(token):
            return False
        if low in _DESK_WORDS:
            return False
        words += 1
    return words >= 2


def _name_case(name: str) -> str:
    """'MARCUS ELLWOOD' → 'Marcus Ellwood'; names written in mixed case stay as written."""
    if not any(ch.islower() for ch in name):
        return " ".join(
            t if len(t.strip(".()")) <= 1 or (t.startswith("(") and t.endswith(")")) else t.title()
            for t in name.split()
        )
    return name


def person_names(raw: str | None, outlets: Iterable[str] = ()) -> list[str]:
    """The person names in a byline: no 'By', dates, handles, roles or outlet.

    'By ANN LEE and Bo Ray, Staff Writers | Updated March 3' → ['Ann Lee', 'Bo Ray'].
    A desk byline ('Our Political Staff', 'News Desk') gives no names.
    """
    if not raw:
        return []
    text = _HANDLE.sub(" ", raw)
    for outlet in sorted((o for o in outlets if o), key=len, reverse=True):
        text = re.sub(rf"(?i)\b{re.escape(outlet)}\b", " , ", text)
    names: list[str] = []
    for segment in _SEPARATORS.split(text):
        segment = _NAME_LABEL.sub("", segment.strip())
        cut = _DATEISH.search(segment)
        if cut:
            segment = segment[: cut.start()]
        found = _names_in_segment(segment)
        if found:
            names.extend(found)
            break  # the first segment with names is the byline; later ones are dates or roles
    out: list[str] = []
    for name in names:
        name = _name_case(name)
        if name not in out:
            out.append(name)
    return out


def _names_in_segment(segment: str) -> list[str]:
    # 'Ann Lee, Bo Ray and Cy Dee' / 'Ann Lee, Senior Writer' / 'Ann Lee Staff Writer'
    parts = [p.strip(" ,;:-") for p in re.split(r",|;|\s+(?:and|&)\s+", segment)]
    names: list[str] = []
    for part in parts:
        if not part:
            continue
        name = _leading_name(part)
        if name is None:
            break  # a role or an outlet after the names: the rest describes them
        names.append(name)
        if name != part:
            break
    return names


def _leading_name(part: str) -> str | None:
    """The person name `part` starts with, before any role word ('Ann Lee Staff Writer')."""
    tokens = part.split()
    for end in range(len(tokens), 1, -1):
        candidate = " ".join(tokens[:end])
        rest = tokens[end:]
        if not is_person_name(candidate):
            continue
        if (
            not rest
            or rest[0].lower().strip(".,") in _titles()
            or rest[0].lower() in _DESK_WORDS
            or rest[0][:1].islower()
        ):
            return candidate
        return None
    return None


def is_desk(raw: str) -> bool:
    """A byline that names a desk or a staff rather than people ('Our Political Staff')."""
    words = {w.strip(".,'’").lower() for w in raw.split()}
    return bool(words & _DESK_WORDS)


# --------------------------------------------------------------------------- outlet


def hostname(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def domain_label(url: str | None) -> str | None:
    """'https://www.nytimes.com/x' → 'nytimes'; 'https://phys.org' → 'phys'."""
    host = hostname(url)
    if not host:
        return None
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition", "mobile")]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "ac", "gov"):
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return parts[-1] if parts else None


WIRES = {
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse",
    "upi": "United Press International",
    "united press international": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "pa": "PA Media",
    "aap": "Australian Associated Press",
    "cp": "The Canadian Press",
    "bloomberg": "Bloomberg",
}
"""News agencies by the names their datelines and credits use ('MOSCOW (AP) —')."""

_DATELINE_WIRE = re.compile(r"^[^\n]{0,60}?\(([A-Za-z][A-Za-z .'-]{0,40})\)\s*[-—–:]")


def wire_of_dateline(first_line: str) -> str | None:
    """The agency named in a story's dateline: 'MOSCOW (AP) — ...' → 'Associated Press'."""
    match = _DATELINE_WIRE.match(first_line)
    if not match:
        return None
    return WIRES.get(match.group(1).strip().lower())


def _outlet_name(value: str | None) -> str | None:
    """An outlet name as pages write it, tidied: 'Deutsche Welle (www.dw.com)' → 'Deutsche Welle'."""
    value = clean(value, 120)
    if not value:
        return None
    if re.match(r"(?i)^(?:https?://|www\.)", value):
        return None
    value = re.sub(r"\s*\((?:[^()]*\.[a-z]{2,}[^()]*)\)\s*$", "", value)  # '(www.dw.com)'
    value = re.sub(r"(?i)\.com$", "", value).strip(" -|:")
    if len(value) < 2 or len(value.split()) > 6 or not any(ch.isalpha() for ch in value):
        return None
    return value


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name) if w.lower() not in ("the", "of", "and")
    ).lower()


@dataclass(frozen=True)
class Outlet:
    name: str | None
    evidence: str | None


def outlet(markup: Markup, provider: str | None = None) -> Outlet:
    """The publication: the candidate names that the page's address or accounts confirm first.

    Candidates, in order: the article's JSON-LD publisher, `og:site_name`, the site name a
    `<title>` ends with, the application and publisher meta tags. A site name that nothing
    else on the page confirms ('U.S.', an edition label) gives way to one that is confirmed by
    the domain, the Twitter account or the Facebook page of the publisher.
    """
    candidates: list[tuple[str, str]] = []
    if provider:
        candidates.append((provider, "the source named next to the byline"))
    for key in ("sourceOrganization", "provider", "publisher"):
        for value in _as_list(markup.resolve(markup.article.get(key))):
            value = markup.resolve(value)
            name = value.get("name") if isinstance(value, dict) else value
            if isinstance(name, str):
                candidates.append((name, f"JSON-LD {key}"))
    for key in ("og:site_name",):
        for value in markup.all(key):
            candidates.append((value, key))
    title = markup.title_tag or ""
    parts = _TITLE_SEPARATOR.split(title)
    for part in reversed(parts[1:]):
        candidates.append((part, "the <title>"))
    for key in (
        "application-name",
        "apple-mobile-web-app-title",
        "dc.publisher",
        "publisher",
        "citation_journal_title",
        "prism.publicationname",
    ):
        for value in markup.all(key):
            candidates.append((value, key))
    keys = set()
    label = domain_label(markup.url)
    if label:
        keys.add(label)
    accounts = set()
    for value in markup.all("twitter:site", "twitter:creator"):
        accounts.add(squash(value))
    for value in markup.all("article:publisher"):
        if "facebook.com/" in value:
            accounts.add(squash(value.rstrip("/").rsplit("/", 1)[-1]))
    keys = {k for k in keys | accounts if len(k) >= 2}
    tidy = [(n, why) for raw, why in candidates if (n := _outlet_name(raw))]

    def agrees(name: str) -> bool:
        key = squash(name)
        if not key:
            return False
        initials = _initials(name)
        words = [w for w in re.findall(r"[A-Za-z][\w'’]*", name) if w.lower() != "the"]
        # 'The New York Times' and 'nytimes': the first words' initials and the last word
        blends = {
            _initials(" ".join(words[:i])) + squash(" ".join(words[i:]))
            for i in range(1, len(words))
        }
        return any(
            key == k
            or (len(key) >= 3 and key in k)
            or (len(k) >= 3 and k in key)
            or (len(initials) >= 2 and initials == k)
            or k in blends
            for k in keys
        )

    confirmed = [(n, why) for n, why in tidy if agrees(n)]
    if provider and tidy and tidy[0][0] == _outlet_name(provider):
        return Outlet(tidy[0][0], tidy[0][1])
    if confirmed:
        best, why = confirmed[0]
        # prefer the spelled-out form of the same outlet: 'Deutsche Welle' over 'DW',
        # 'Harbour Star' over 'HarbourStar'
        for name, reason in confirmed[1:]:
            if squash(name) == squash(best) and " " in name and " " not in best:
                best, why = name, reason
            elif len(squash(best)) >= 2 and _initials(name) == squash(best):
                best, why = name, reason
        # the site's name is the company's; the publisher's own account may name the title
        # the article appears under, which extends it ('BuzzFeed' → 'BuzzFeed News')
        for name, reason in confirmed:
            key = squash(name)
            if key in accounts and key != squash(best) and key.startswith(squash(best)):
                best, why = name, f"{reason}, the publisher's account"
                break
        return Outlet(best, why)
    # unconfirmed, only a name the page gives as its own: not a part of the <title>
    explicit = [(n, why) for n, why in tidy if why != "the <title>"]
    if explicit:
        return Outlet(explicit[0][0], explicit[0][1])
    return Outlet(None, None)
