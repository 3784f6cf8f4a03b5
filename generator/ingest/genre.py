"""The genre of an article, read from what the page says about it, and a fact-check's finding.

Genres: news | opinion (columns, editorials, op-eds, letters) | analysis | review | fact-check |
live | press-release. The page's own words decide, strongest first: the schema.org type of the
article (`OpinionNewsArticle`, `ClaimReview`, `LiveBlogPosting`, ...), a genre or type meta tag,
the section the outlet files it under, the folders of its address (`/opinion/`), a label above
the headline or a prefix of the headline ("Analysis:"), and a few unambiguous sentences of the
text ("The views expressed are the author's own"). With none of these the register of the text
decides (`register`): a text that argues in its own voice is opinion, one built of questions and
their answers is an explainer (analysis), anything else is news, and the evidence says so. A
column the page's own tone tag files on the news side (`tone` = news) is a specialist's
analysis, not an opinion-page column.

Each reading carries a confidence (`Genre.confidence`): the page's own markup is near certain,
a label or an address a little less, and the text alone never reaches `CONFIDENT`, since
register only leans one way or the other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from generator.ingest.pagemeta import Markup, clean, element_text
from generator.model import CONFIDENT, TEXT_GENRE_MAX, FactCheck

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
# The form of the text, by the conventions of each genre: a review's rating ('★★★★☆', 'Rating:
# 4/5'), a live page's time stamps on lines of their own, a press release's '###' end mark or
# its media contact. Each (pattern, genre, how many the text must show).
_FORM_CUES = [
    (
        re.compile(
            r"^[ \t]*[★☆✩✭✮✯]{3,5}[ \t]*(?:$|[(\d])"
            r"|\b(?:our\s+)?(?:rating|score|verdict)\s*:\s*\d(?:\.\d)?\s*(?:/|out\s+of)\s*(?:5|10)\b"
            r"|\b\d(?:\.\d)?\s*(?:/|out\s+of)\s*5\s+stars\b",
            re.I | re.M,
        ),
        "review",
        1,
    ),
    (
        re.compile(
            r"^[ \t]*(?:(?:updated|posted)\s+(?:at\s+)?)?\d{1,2}[:.]\d{2}\s*"
            r"(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|CET|CEST|ET|EST|EDT|PT|PST|PDT|IST|AEST|AEDT)?[ \t]*$",
            re.I | re.M,
        ),
        "live",
        3,
    ),
    (
        re.compile(r"^[ \t]*#{3}[ \t]*$|^[ \t]*(?:media|press)\s+contacts?\b", re.I | re.M),
        "press-release",
        1,
    ),
]
FORM = TEXT_GENRE_MAX
"""A genre read from the form of the text alone (a rating, time stamps, a release's end mark)."""
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


# How sure each kind of evidence makes the genre: the publisher's own structured data first, then
# the labels it shows readers, then what the text alone suggests (never `CONFIDENT` = 0.8).
MARKUP = 0.95
"""A schema.org type that names the genre (`OpinionNewsArticle`)."""
TAGGED = 0.9
"""A genre or section the page's metadata names, or a disclaimer in the text."""
LABELLED = 0.85
"""The address's folders, a label by the headline, a prefix of the headline."""
ARGUED = 0.7
"""Many first-person argument markers ('I believe', 'we need to') in the author's voice."""


@dataclass(frozen=True)
class Genre:
    genre: str
    evidence: str
    confidence: float = TAGGED
    """How sure the reading is (0-1): below 0.8 the site marks the genre uncertain."""


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
    around: str = "",
) -> Genre:
    """The genre and what it was read from; `around`: the lines of the page kept out of `text`
    (a rating, time stamps), which show the form of the text but are not its prose."""
    nodes = [markup.article, *markup.nodes] if markup.article else markup.nodes
    for node in nodes:
        for kind in _as_list(node.get("@type")):
            if isinstance(kind, str) and kind.lower() in _TYPES:
                return Genre(_TYPES[kind.lower()], f"JSON-LD @type {kind}", MARKUP)
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
            return Genre(found, f"URL path /{segment}/", LABELLED)
    for label in labels:
        found = genre_of(label)
        if found:
            return Genre(found, f"label '{label}' by the headline", LABELLED)
    if title:
        for pattern, genre in _PREFIX:
            if pattern.match(title):
                return Genre(
                    genre,
                    f"headline starts '{title.split(':')[0].split('|')[0].strip()}:'",
                    LABELLED,
                )
        match = _SUFFIX.search(title)
        if match:
            found = genre_of(match.group(1))
            if found:
                return Genre(found, f"headline ends '{match.group(1)}'", LABELLED)
    return from_text(text, around)


NO_LABEL = "no genre label on the page"


def from_text(text: str, around: str = "") -> Genre:
    """The genre the words of an article show when nothing labels it: a disclaimer ('The views
    expressed are the author's own'), the form of a review, a live page or a press release
    (`_FORM_CUES`), an author arguing in the first person, the register of an
    argument or of questions and answers (`register`); else news, as sure as the register is
    plainly a report's."""
    for pattern, genre in _TEXT_CUES:
        match = pattern.search(text)
        if match:
            return Genre(genre, f"text: '{match.group(0)[:60]}'")
    for pattern, genre, least in _FORM_CUES:
        found = [m.group(0).strip() for m in pattern.finditer(f"{text}\n{around}")]
        if len(found) >= least:
            shown = ", ".join(f"'{f[:40]}'" for f in dict.fromkeys(found[:3]))
            return Genre(genre, f"text: the form of a {genre} ({shown})", FORM)
    own = without_quotes(text)  # the writer's own words, read once for both tests
    argued = first_person_argument(text, own)
    if argued:
        return Genre("opinion", f"text: the author argues in the first person ({argued})", ARGUED)
    profile = register(text, own)
    if profile.argues:
        return Genre(
            "opinion",
            f"text: the register of an argument ({', '.join(profile.markers)})",
            profile.confidence_argued,
        )
    if profile.explains:
        return Genre(
            "analysis",
            f"text: questions and their answers ({profile.question_lines} question lines)",
            EXPLAINED,
        )
    return Genre("news", f"{NO_LABEL} (news by default)", profile.confidence_news)


_STANCE = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|would\s+argue|argue|suspect|doubt|presume|suppose)\b"
    r"|\bin\s+my\s+(?:view|opinion)\b|\bmy\s+(?:conclusion|view|argument)\b"
    r"|\bwe\s+(?:need|must|should|ought|have)\s+to\b|\bwe\s+can(?:no|'|’)t\s+afford\b"
    r"|\bit(?:'s|’s|\s+is)\s+time\s+(?:to|for)\b|\blet(?:'s|’s|\s+us)\b"
    r"|\bI(?:'m|’m|\s+am)\s+(?:not\s+)?(?:sure|convinced)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\bI\b|\bI(?:'|’)(?:m|d|ve|ll)\b|\bmy\b|\bme\b")
MAX_QUOTE = 800
"""Longest quotation (characters) taken out of a text before its register is read."""


_DOUBLE = (re.compile(r"[\"“]"), re.compile(r"[\"”\n]"))
# British style quotes in single marks: an opening mark starts a word, a closing one ends one
# (an apostrophe inside a word, "don't", is neither)
_SINGLE = (re.compile(r"(?<![\w'‘’])['‘](?=[^\s'‘’])"), re.compile(r"(?<=[^\s'‘’])['’](?!\w)|\n"))


def without_quotes(text: str) -> str:
    """`text` with each quotation (an opening mark, at most `MAX_QUOTE` characters on one line,
    a closing mark) put as a space: the writer's own words. Double marks first, then single
    marks (the British style). Linear in the text's length."""
    return _strip_quoted(_strip_quoted(text, *_DOUBLE), *_SINGLE)


def _strip_quoted(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str:
    closers = [m.start() for m in closing.finditer(text)]
    parts: list[str] = []
    done = 0
    for mark in opening.finditer(text):
        start = mark.start()
        if start < done:
            continue
        k = bisect.bisect_right(closers, start)
        if k == len(closers):
            break
        end = closers[k]
        if text[end] == "\n" or end - start - 1 > MAX_QUOTE:
            continue
        parts.append(text[done:start])
        parts.append(" ")
        done = end + 1
    parts.append(text[done:])
    return "".join(parts)


def first_person_argument(text: str, own: str | None = None) -> str | None:
    """The stance markers of an author arguing in their own voice ('I believe', 'we need to'),
    outside quotation marks, when there are many of them; else None.

    A first-person feature narrates ('I climb the path'); a column argues. Only many argument
    markers together with a first-person voice count, and quoted words never do. `own`: the
    text already put through `without_quotes`, when the caller has it.
    """
    own = without_quotes(text) if own is None else own
    marks = [m.group(0) for m in _STANCE.finditer(own)]
    words = max(1, len(own.split()))
    if len(marks) >= 5 and len(_FIRST_PERSON.findall(own)) >= 6 and len(marks) * 1000 / words >= 3:
        shown = list(dict.fromkeys(m.lower() for m in marks))[:3]
        return ", ".join(f"'{m}'" for m in shown)
    return None


# The register of a text (Biber 1988, "Variation across speech and writing"): a report narrates
# in the past tense and attributes what it says; an argument speaks to the reader in the present
# tense, in the writer's own voice, with stance and persuasion (Biber's dimensions 1, 2 and 4).
# Each marker is counted outside quotation marks, per 1,000 words, and counts when its rate is
# well above what a report shows.
_REGISTER_MARKERS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("first person singular", re.compile(r"\b(?:I|me|my|mine|myself)\b"), 4.0),
    ("second person", re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I), 5.0),
    ("stance in the first person ('I think', 'we must')", _STANCE, 1.0),
    ("necessity modals", re.compile(r"\b(?:should|shouldn(?:'|’)t|must|ought\s+to)\b", re.I), 3.0),
    ("questions to the reader", re.compile(r"\w[)\"”’]?\?(?=\s|$)"), 2.0),
    (
        "stance adverbs",
        re.compile(
            r"\b(?:certainly|clearly|obviously|surely|of\s+course|apparently|indeed|arguably"
            r"|undoubtedly|simply|frankly|admittedly)\b",
            re.I,
        ),
        3.0,
    ),
)
_PRESENT_BE = re.compile(r"\b(?:is|are|isn(?:'|’)t|aren(?:'|’)t)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|wasn(?:'|’)t|weren(?:'|’)t|had)\b", re.I)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according\s+to|announced|reported|stated|added|wrote|tweeted)\b", re.I
)
PRESENT_OVER_PAST = 1.5
"""Present-tense 'is/are' this many times as often as past 'was/were/had': the text states and
argues rather than narrates (Biber's dimension 2, narrative against non-narrative)."""
FEW_ATTRIBUTIONS = 4.0
"""Fewer reporting verbs than this per 1,000 words: the text rests on its writer's word."""
MEASURABLE_WORDS = 300
"""Below this many words of the writer's own, rates say little: the register decides nothing."""
ARGUMENT_MARKERS = 5
"""Markers (of the 8) an argument shows together; no report in the development pages shows
more than 3, a column 4 to 6."""
MIN_QUESTION_LINES = 3
"""Short paragraphs that are questions, each answered by the next: an explainer's Q and A."""
EXPLAINED = 0.65
"""Confidence of an explainer read from its question-and-answer structure alone."""


@dataclass(frozen=True)
class Register:
    """Which markers of an argument a text shows, and its question-and-answer structure."""

    words: int
    """Words outside quotation marks."""
    markers: tuple[str, ...]
    """The argument markers whose rate passes their threshold, with the rate."""
    question_lines: int
    """Paragraphs that are a short question followed by a paragraph that is not."""

    @property
    def argues(self) -> bool:
        return self.words >= MEASURABLE_WORDS and len(self.markers) >= ARGUMENT_MARKERS

    @property
    def explains(self) -> bool:
        return self.question_lines >= MIN_QUESTION_LINES

    @property
    def confidence_argued(self) -> float:
        """0.6 at the threshold, up to 0.75 with every marker: text alone is never sure."""
        return round(min(TEXT_GENRE_MAX, 0.6 + 0.05 * (len(self.markers) - ARGUMENT_MARKERS)), 2)

    @property
    def confidence_news(self) -> float:
        """News by default: sure when the text reads plainly as a report (at most one marker
        of an argument, two in a long text), doubtful when it leans towards an argument or is
        too short to tell."""
        count = len(self.markers)
        if self.words < MEASURABLE_WORDS:
            return CONFIDENT if count <= 1 else UNCERTAIN_NEWS
        if count <= 1:
            return TAGGED
        return 0.85 if count == 2 else UNCERTAIN_NEWS


UNCERTAIN_NEWS = 0.65
"""A page labelled nothing whose text leans towards an argument (3 or 4 markers)."""


_SPEAKER_LABEL = re.compile(r"^[A-Z][\w.'’ -]{0,30}:\s")
"""'Q: ...', 'INTERVIEWER: ...': an interview's questions, put by a named speaker, are a
transcript, not the writer's own explainer."""


def register(text: str, own: str | None = None) -> Register:
    """The register markers of `text` outside its quotations (`own`: the text already put
    through `without_quotes`, when the caller has it)."""
    own = without_quotes(text) if own is None else own
    words = len(own.split())
    per = 1000 / max(1, words)
    markers = []
    for name, pattern, threshold in _REGISTER_MARKERS:
        rate = len(pattern.findall(own)) * per
        if rate >= threshold:
            markers.append(f"{name} {rate:.1f}")
    present, past = len(_PRESENT_BE.findall(own)), len(_PAST.findall(own))
    if present >= PRESENT_OVER_PAST * max(1, past):
        markers.append(f"present tense over past {present}:{past}")
    attributions = len(_ATTRIBUTION.findall(own)) * per
    if attributions < FEW_ATTRIBUTIONS and words >= MEASURABLE_WORDS:
        markers.append(f"few attributions {attributions:.1f}")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    questions = sum(
        1
        for line, after in zip(lines, lines[1:], strict=False)
        if line.endswith("?")
        and len(line.split()) <= 20
        and not line.startswith(('"', "“", "'", "‘"))
        and not _SPEAKER_LABEL.match(line)
        and not after.endswith("?")
    )
    return Register(words, tuple(markers), questions)


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
