"""The genre of an article, read from what the page says about it, and a fact-check's finding.

Genres: news | opinion (columns, editorials, op-eds, letters) | analysis | review | fact-check |
live | press-release. The page's own words decide, strongest first: the schema.org type of the
article (`OpinionNewsArticle`, `ClaimReview`, `LiveBlogPosting`, ...), a genre or type meta tag,
the section the outlet files it under, the folders of its address (`/opinion/`), a label above
the headline or a prefix of the headline ("Analysis:"), and a few unambiguous sentences of the
text ("The views expressed are the author's own"). With none of these the article is news, and
the evidence says so. A column the page's own tone tag files on the news side (`tone` = news) is
a specialist's analysis, not an opinion-page column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from generator.ingest.pagemeta import Markup, clean, element_text
from generator.model import FactCheck

GENRES = ("news", "opinion", "analysis", "review", "fact-check", "live", "press-release")

_TYPES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "backgroundnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "review": "review",
    "criticreview": "review",
    "claimreview": "fact-check",
    "liveblogposting": "live",
}
_VOCABULARY = [
    (r"fact[\s-]?check(?:s|ing|er)?|reality\s+check", "fact-check"),
    (
        r"live(?:\s+(?:updates?|coverage|news|blog|reporting))?|live[\s-]?blog|as\s+it\s+happened",
        "live",
    ),
    (r"(?:press|news|media)[\s-]releases?|for\s+immediate\s+release", "press-release"),
    (
        r"opinions?|op[\s-]?eds?|comment(?:ary|aries)?|comment\s*is\s*free|commentisfree|columns?|columnists?"
        r"|editorials?|letters?(?:\s+to\s+the\s+editor)?|viewpoints?|perspectives?|our\s+view|guest\s+essay|op[\s-]?ed",
        "opinion",
    ),
    (r"(?:news\s+)?analysis|explainers?|explained", "analysis"),
    (
        r"reviews?|(?:film|book|album|theatre|theater|restaurant|tv|music|game)\s+reviews?|critic'?s\s+pick",
        "review",
    ),
]
_WORDS = [(re.compile(rf"^(?:{pattern})$", re.I), genre) for pattern, genre in _VOCABULARY]
_PREFIX = [
    (re.compile(rf"^(?:{pattern})\s*[:|]\s*\S", re.I), genre)
    for pattern, genre in _VOCABULARY
    if genre != "live"
] + [(re.compile(r"^live(?:\s+updates?)?\s*[:|]\s*\S", re.I), "live")]
_SUFFIX = re.compile(
    r"[|(–—-]\s*(opinion|analysis|review|editorial|live(?:\s+updates)?|fact[\s-]check)\s*\)?$", re.I
)
_TEXT_CUES = [
    (
        re.compile(
            r"\b(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:here|in\s+this\s+\w+|in\s+(?:the|this)\s+(?:article|column|commentary|piece|op-ed))?\s*(?:are|is)\s+(?:solely\s+)?(?:those\s+of\s+the\s+(?:author|writer)s?|(?:the\s+)?(?:author|writer)'?s'?\s+own|his\s+own|her\s+own|their\s+own)",
            re.I,
        ),
        "opinion",
    ),
    (re.compile(r"\bthis\s+is\s+an?\s+(?:opinion|op-ed|commentary|editorial)\b", re.I), "opinion"),
    (re.compile(r"^for\s+immediate\s+release\b", re.I | re.M), "press-release"),
]
_META_GENRE_KEYS = (
    "genre",
    "article:genre",
    "og:genre",
    "articletype",
    "article:type",
    "contenttype",
    "content-type-label",
)
_LABEL_CLASS = re.compile(
    r"kicker|eyebrow|label|flag|rubric|overline|section|category|genre|tag|topic|column", re.I
)


_COLUMN = re.compile(r"^columns?$", re.I)
_TONE_KEYS = ("tone", "article:tone")


def _news_tone(markup: Markup) -> str | None:
    """'news tone' when the page's own tone tag files it on the news side ('tone' = news, as
    against editorial/opinion): a signed column there is a specialist's analysis, not an
    opinion-page column."""
    for key, values in sorted(markup.meta.items()):
        if key in _TONE_KEYS or key.endswith(":tone"):
            if any(v.strip().lower() == "news" for v in values):
                return f"news tone ({key})"
    return None


@dataclass(frozen=True)
class Genre:
    genre: str
    evidence: str


def genre_of(word: str | None) -> str | None:
    """The genre a section name, label or type word names ('Letters to the Editor' → opinion)."""
    if not word:
        return None
    value = " ".join(word.replace("_", " ").replace("-", " ").split()).strip(" :|/")
    for pattern, genre in _WORDS:
        if pattern.match(value):
            return genre
    return None


def detect(
    markup: Markup,
    title: str | None,
    url: str | None,
    section_names: list[str],
    labels: list[str],
    text: str,
) -> Genre:
    """The genre and what it was read from."""
    nodes = [markup.article, *markup.nodes] if markup.article else markup.nodes
    for node in nodes:
        for kind in _as_list(node.get("@type")):
            if isinstance(kind, str) and kind.lower() in _TYPES:
                return Genre(_TYPES[kind.lower()], f"JSON-LD @type {kind}")
    for value in _as_list(markup.article.get("genre")):
        found = genre_of(value) if isinstance(value, str) else None
        if found:
            return Genre(found, f"JSON-LD genre '{value}'")
    news_tone = _news_tone(markup)
    for key, values in markup.meta.items():
        if (
            key in _META_GENRE_KEYS
            or key.endswith((":type", "_type", "articletype", "collection:type"))
            and key != "og:type"
        ):
            for value in values:
                found = genre_of(value)
                if found == "opinion" and news_tone and _COLUMN.match(value.strip()):
                    return Genre("analysis", f"meta {key} '{clean(value, 60)}' in the {news_tone}")
                if found:
                    return Genre(found, f"meta {key} '{clean(value, 60)}'")
    if any(v.strip().lower() == "true" for v in markup.meta.get("article:opinion", ())):
        return Genre("opinion", "meta article:opinion")
    for name in section_names:
        for part in re.split(r"\s*[,>/|]\s*", name):
            found = genre_of(part)
            if found:
                return Genre(found, f"section '{name}'")
    path = urlsplit(url or "").path if url else ""
    segments = [s for s in path.split("/") if s][:-1]
    for segment in segments:
        found = genre_of(segment)
        if found:
            return Genre(found, f"URL path /{segment}/")
    for label in labels:
        found = genre_of(label)
        if found:
            return Genre(found, f"label '{label}' by the headline")
    if title:
        for pattern, genre in _PREFIX:
            if pattern.match(title):
                return Genre(
                    genre, f"headline starts '{title.split(':')[0].split('|')[0].strip()}:'"
                )
        match = _SUFFIX.search(title)
        if match:
            found = genre_of(match.group(1))
            if found:
                return Genre(found, f"headline ends '{match.group(1)}'")
    for pattern, genre in _TEXT_CUES:
        match = pattern.search(text)
        if match:
            return Genre(genre, f"text: '{match.group(0)[:60]}'")
    argued = first_person_argument(text)
    if argued:
        return Genre("opinion", f"text: the author argues in the first person ({argued})")
    return Genre("news", "no genre label on the page (news by default)")


_STANCE = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|would\s+argue|argue|suspect|doubt|presume|suppose)\b"
    r"|\bin\s+my\s+(?:view|opinion)\b|\bmy\s+(?:conclusion|view|argument)\b"
    r"|\bwe\s+(?:need|must|should|ought|have)\s+to\b|\bwe\s+can(?:no|'|’)t\s+afford\b"
    r"|\bit(?:'s|’s|\s+is)\s+time\s+(?:to|for)\b|\blet(?:'s|’s|\s+us)\b"
    r"|\bI(?:'m|’m|\s+am)\s+(?:not\s+)?(?:sure|convinced)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\bI\b|\bI(?:'|’)(?:m|d|ve|ll)\b|\bmy\b|\bme\b")
_QUOTED = re.compile(r"[\"“][^\"”\n]{0,800}[\"”]")


def first_person_argument(text: str) -> str | None:
    """The stance markers of an author arguing in their own voice ('I believe', 'we need to'),
    outside quotation marks, when there are many of them; else None.

    A first-person feature narrates ('I climb the path'); a column argues. Only many argument
    markers together with a first-person voice count, and quoted words never do.
    """
    own = _QUOTED.sub(" ", text)
    marks = [m.group(0) for m in _STANCE.finditer(own)]
    words = max(1, len(own.split()))
    if len(marks) >= 5 and len(_FIRST_PERSON.findall(own)) >= 6 and len(marks) * 1000 / words >= 3:
        shown = list(dict.fromkeys(m.lower() for m in marks))[:3]
        return ", ".join(f"'{m}'" for m in shown)
    return None


def labels_near(headline: HtmlElement | None, limit: int = 6) -> list[str]:
    """Short labels just above the headline or marked as kicker/label/section in its header:
    'Opinion', 'Analysis', 'Review'."""
    if headline is None:
        return []
    out: list[str] = []
    parent = headline.getparent()
    hops = 0
    while parent is not None and hops < 3 and not out:
        for element in parent.iter():
            if element is headline:
                break
            if not isinstance(element.tag, str) or element.tag in ("script", "style"):
                continue
            names = f"{element.get('class') or ''} {element.get('id') or ''}"
            text = element_text(element)
            if (
                text
                and len(text.split()) <= 4
                and (_LABEL_CLASS.search(names) or element.getnext() is headline)
            ):
                if text not in out:
                    out.append(text)
        parent = parent.getparent()
        hops += 1
    return out[:limit]


def fact_check(markup: Markup, text: str) -> FactCheck | None:
    """The claim, claimant and verdict of a fact-check: from ClaimReview markup, else from
    'Claim:' and 'Verdict:'/'Rating:' lines of the text."""
    for node in markup.nodes:
        if not any(
            isinstance(t, str) and t.lower() == "claimreview" for t in _as_list(node.get("@type"))
        ):
            continue
        claim = (
            clean(node.get("claimReviewed")) if isinstance(node.get("claimReviewed"), str) else None
        )
        claimant = None
        item = markup.resolve(node.get("itemReviewed"))
        if isinstance(item, dict):
            for who in _as_list(markup.resolve(item.get("author"))):
                who = markup.resolve(who)
                name = who.get("name") if isinstance(who, dict) else who
                if isinstance(name, str) and clean(name):
                    claimant = clean(name)
                    break
        verdict = None
        rating = markup.resolve(node.get("reviewRating"))
        if isinstance(rating, dict):
            verdict = _rating(rating)
        if claim or claimant or verdict:
            return FactCheck(claim, claimant, verdict)
    claim_match = re.search(r"^(?:the\s+)?claims?\s*:\s*(.+)$", text, re.I | re.M)
    verdict_match = re.search(
        r"^(?:the\s+)?(?:verdict|rating|our\s+ruling|ruling|conclusion)\s*:\s*(.+)$",
        text,
        re.I | re.M,
    )
    if claim_match or verdict_match:
        return FactCheck(
            clean(claim_match.group(1)) if claim_match else None,
            None,
            clean(verdict_match.group(1), 120) if verdict_match else None,
        )
    return None


def _rating(rating: dict[str, Any]) -> str | None:
    name = rating.get("alternateName") or rating.get("name")
    if isinstance(name, str) and clean(name):
        return clean(name, 120)
    value, best = rating.get("ratingValue"), rating.get("bestRating")
    if value is not None and best is not None:
        worst = rating.get("worstRating", 1)
        return f"{value} on a scale of {worst} to {best}"
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
