"""The article of a web page: its prose, cleaned of everything around it, and its metadata.

trafilatura finds the main text better than the alternatives (main-text F1 0.91 against
newspaper3k's 0.71 in its published benchmark); around it this module reads the metadata from
the page's own markup (`pagemeta`), keeps headlines, captions, credits, bylines and link blocks
out of the prose (`hygiene`), reads the genre (`genre`), and refuses a page that holds no
article (an index page, a paywall stub, an error page, a video page) with the reason.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from generator.ingest import genre as genres
from generator.ingest import hygiene, pagemeta
from generator.ingest.pagemeta import clean, element_text, person_names, squash
from generator.model import FactCheck

HTML_SUFFIXES = (".html", ".htm")
MIN_PROSE_WORDS = 12
"""Fewer words of prose than this and the page holds no article, whatever else it says."""
SHORT_ARTICLE_WORDS = 150
"""A page that says it is a paywall, a video, an index or an error page and shows fewer words of
prose than this is what it says; a news brief is longer (~60 words) only on pages that say
nothing of the kind."""


class NotAnArticle(ValueError):
    """A page that holds no article; the message says what it is instead."""


@dataclass(frozen=True)
class WebPage:
    """What a news page says once its navigation, adverts and comments are left out."""

    text: str
    """The article's prose, paragraphs on separate lines (no headline, byline or captions)."""
    title: str | None
    """Headline."""
    date: str | None
    """Publication date `YYYY-MM-DD`, from the page's own markup only."""
    author: str | None
    """Byline as one string: the authors' names, or a desk ('Our Political Staff')."""
    source: str | None
    """Outlet: the publication, or the agency whose story it is."""
    url: str | None
    """The page's canonical address, else the address it was fetched from."""
    authors: list[str] = field(default_factory=list)
    """The byline's person names."""
    modified: str | None = None
    """Date of the last update `YYYY-MM-DD`."""
    section: str | None = None
    """The outlet's section."""
    genre: str = "news"
    """news | opinion | analysis | review | fact-check | live | press-release."""
    genre_evidence: str | None = None
    """What the genre was read from."""
    genre_confidence: float = 1.0
    """How sure the genre is (0-1)."""
    fact_check: FactCheck | None = None
    """A fact-check's claim, claimant and verdict."""
    dek: str | None = None
    """The standfirst under the headline."""
    captions: list[str] = field(default_factory=list)
    """Photo and video captions."""
    credits: list[str] = field(default_factory=list)
    """Photo credits and similar lines."""
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """Lines of the extracted text left out of `text`, each with the reason."""


def extract_page(data: bytes, name: str, url: str | None = None) -> WebPage | None:
    """The article in an HTML page, or None when the page holds no article."""
    try:
        return read_page(data, url)
    except NotAnArticle:
        return None


def read_page(data: bytes, url: str | None = None) -> WebPage:
    """The article in an HTML page; `NotAnArticle` says why there is none."""
    from trafilatura.utils import load_html  # imported here: trafilatura costs a third of a second

    try:
        tree = load_html(data)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        raise NotAnArticle("no article text found in the HTML page")
    hygiene.space_glued_links(tree)
    markup = pagemeta.read_markup(tree, url)
    head = pagemeta.headline(tree, markup)
    labels = genres.labels_near(head.element) or _labels_of_copies(tree, head)
    dates = pagemeta.dates(tree, markup)
    outlets_hint = [o for o in (markup.first("og:site_name"),) if o]
    context = hygiene.Context(
        titles=hygiene.squashed(
            [head.text, *head.candidates, *map(pagemeta.strip_site, head.candidates)]
        ),
        descriptions=hygiene.squashed(_deks(tree, head.element, _descriptions(markup))),
        all_descriptions=hygiene.squashed(_descriptions(markup)),
        authors=_meta_authors(markup, outlets_hint)[0],
    )
    work = copy.deepcopy(tree)
    regions = hygiene.mark_regions(work)
    context.media = regions.media_texts
    context.regions = regions.texts
    context.deks = hygiene.squashed(regions.deks)
    described = hygiene.squashed(_descriptions(markup))
    region_dek = next((d for d in regions.deks if squash(d) in described), None)
    cleaned = _extract(work, url, context)
    if cleaned.prose_words() < SHORT_ARTICLE_WORDS:
        # the marks took too much: read the page as it is, lines still judged one by one
        plain = _extract(copy.deepcopy(tree), url, context)
        if plain.prose_words() > cleaned.prose_words():
            cleaned = plain
    refusal = _refusal(tree, markup, head.text, cleaned)
    if refusal:
        raise NotAnArticle(refusal)
    page_url = clean(markup.url) or url
    first_line = cleaned.lines[0] if cleaned.lines else ""
    root = _article_root(tree, head.element, cleaned)
    provider = _provider(tree, head.element)
    origin = _origin(cleaned) or _origin_in_page(root if root is not None else tree)
    wire = pagemeta.wire_of_dateline(cleaned.dateline + " —" if cleaned.dateline else first_line)
    outlet = pagemeta.outlet(markup, provider)
    source = wire or origin or outlet.name
    outlet_names = [n for n in (source, outlet.name, *outlets_hint) if n]
    authors, author = _authors(tree, root, markup, cleaned, outlet_names)
    section_names = _section_names(markup)
    around = "\n".join(line for line, _ in cleaned.dropped)
    kind = genres.detect(markup, head.text, page_url, section_names, labels, cleaned.text, around)
    finding = genres.fact_check(markup, cleaned.text) if kind.genre == "fact-check" else None
    if finding is None and any(
        str(t).lower() == "claimreview" for n in markup.nodes for t in _as_list(n.get("@type"))
    ):
        finding = genres.fact_check(markup, cleaned.text)
    published = (
        dates.published or _time_in(root) or _labelled_date(tree) or _markup_date(tree, page_url)
    )
    captions, credits = hygiene.sort_media([*regions.captions, *cleaned.captions], regions.credits)
    return WebPage(
        text=cleaned.text,
        title=head.text,
        date=published,
        author=author,
        source=source,
        url=page_url,
        authors=authors,
        modified=dates.modified or _visible_modified(tree, published),
        section=pagemeta.section(markup)
        or _breadcrumb(tree, markup, head.text, outlet_names)
        or _label_section(labels, authors)
        or _url_section(page_url)
        or _url_section(markup.first("og:url")),
        genre=kind.genre,
        genre_evidence=kind.evidence,
        genre_confidence=kind.confidence,
        fact_check=finding,
        dek=cleaned.dek or region_dek,
        captions=captions,
        credits=credits,
        dropped=cleaned.dropped,
    )


def _extract(tree: HtmlElement, url: str | None, context: hygiene.Context) -> hygiene.Cleaned:
    import trafilatura

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_links=True,
        include_formatting=True,
    )
    body = getattr(document, "body", None) if document is not None else None
    if body is None:
        return hygiene.Cleaned(lines=[], dropped=[])
    return hygiene.clean_lines(hygiene.lines_of(body), context)


def _descriptions(markup: pagemeta.Markup) -> list[str]:
    values = markup.all("og:description", "description", "twitter:description", "dc.description")
    described = markup.article.get("description")
    if isinstance(described, str):
        values.append(described)
    alternative = markup.article.get("alternativeHeadline")
    if isinstance(alternative, str):
        values.append(alternative)
    # a description cut short ('... until July...') is not the dek line itself
    return [v for v in values if not v.rstrip().endswith(("...", "…"))]


_HEADER_MARKS = {
    "byline",
    "author",
    "authors",
    "dateline",
    "timestamp",
    "date",
    "time",
    "meta",
    "contributor",
}


def _deks(tree: HtmlElement, headline: HtmlElement | None, descriptions: list[str]) -> list[str]:
    """The descriptions that the page shows as its dek: between the headline and the byline.

    Many pages fill their description with the opening paragraph; that paragraph comes after
    the byline and is the article's first line, not a dek.
    """
    if headline is None or not descriptions:
        return []
    wanted = {squash(d): d for d in descriptions if len(squash(d)) >= 20}
    out: list[str] = []
    seen_headline = False
    for element in tree.iter():
        if element is headline:
            seen_headline = True
            continue
        if not seen_headline or not isinstance(element.tag, str):
            continue
        if element.tag == "time" or hygiene.region_kind(element) in _HEADER_MARKS:
            break
        if (
            element.tag in ("p", "h2", "h3", "div", "span", "em", "strong", "b")
            and squash(element_text(element)) in wanted
        ):
            out.append(wanted[squash(element_text(element))])
    return out


# --------------------------------------------------------------------------- authors

_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "byline",
    "parsely-author",
    "sailthru.author",
    "citation_author",
)


def _meta_authors(markup: pagemeta.Markup, outlets: list[str]) -> tuple[list[str], str | None]:
    """Person names from the article's JSON-LD, else from author meta tags; and a desk byline."""
    desk = None
    names: list[str] = []
    for value in _as_list(markup.article.get("author")) + _as_list(markup.article.get("creator")):
        value = markup.resolve(value)
        kind = ""
        if isinstance(value, dict):
            kind = str(value.get("@type") or "").lower()
            value = value.get("name")
        if not isinstance(value, str) or not clean(value):
            continue
        found = person_names(value, outlets) if kind in ("", "person") else []
        if found:
            names.extend(n for n in found if n not in names)
        elif desk is None:
            desk = _desk(value)
    if names:
        return names, desk
    keys = [
        *_AUTHOR_META,
        *sorted(
            k
            for k in markup.meta
            if k.endswith(("author", "_author", ".author")) and k not in _AUTHOR_META
        ),
    ]
    for key in keys:
        for value in markup.all(key):
            if value.startswith(("http", "/", "@")):
                continue
            found = person_names(value, outlets)
            if found:
                return found, desk
            if desk is None and pagemeta.is_desk(value):
                desk = _desk(value)
    return [], desk


def _desk(value: str) -> str | None:
    value = re.sub(r"^\s*by[\s:]+", "", clean(value) or "", flags=re.I)
    return value or None


def _authors(
    tree: HtmlElement,
    root: HtmlElement | None,
    markup: pagemeta.Markup,
    cleaned: hygiene.Cleaned,
    outlets: list[str],
) -> tuple[list[str], str | None]:
    """The byline's person names and the byline as one string (names, or a desk)."""
    names, desk = _meta_authors(markup, outlets)
    if not names:
        visible, visible_desk = _visible_byline(root if root is not None else tree, outlets)
        names = visible
        desk = desk or visible_desk
    if not names and cleaned.signatures:
        names = _unique(n for n in cleaned.signatures if pagemeta.is_person_name(n))
    if names:
        return names, ", ".join(names)
    if desk and squash(desk) in {squash(o) for o in outlets}:
        return [], desk
    return [], desk


_EXCLUDED = {
    "caption",
    "gallery",
    "slideshow",
    "carousel",
    "related",
    "recommend",
    "sidebar",
    "aside",
    "comment",
    "complementary",
    "newsletter",
    "promo",
    "teaser",
    "teasers",
    "trending",
    "popular",
    "hidden",
    "readmore",
    "read-more",
    "morestories",
    "more-stories",
    "nav",
    "navigation",
    "footer",
    "photo",
}
_BYLINE_KINDS = {"byline", "author", "authors", "contributor", "contributors"}
_LABELLED = re.compile(
    r"^(?:by|author|authors|written\s+by|words\s+by|text\s+by)\s*:?\s+(?=[A-Z])", re.I
)


def _visible_byline(scope: HtmlElement, outlets: list[str]) -> tuple[list[str], str | None]:
    """Names from the byline element nearest the article: within the part of the page that
    holds both the headline and the first paragraph, outside captions and related links.

    A byline element is marked as one (class or id words byline/author, `itemprop=author`,
    `rel=author`) or starts with a label ('By', 'Author').
    """
    desk = None
    for element in scope.iter():
        if not isinstance(element.tag, str) or element.tag in (
            "script",
            "style",
            "meta",
            "link",
            "img",
        ):
            continue
        kind = hygiene.region_kind(element)
        text = None
        if kind in _BYLINE_KINDS or (element.get("rel") or "").lower() == "author":
            inner = [
                e
                for e in element.iter()
                if e is not element
                and isinstance(e.tag, str)
                and (
                    hygiene.region_kind(e) in _BYLINE_KINDS
                    or (e.get("itemprop") or "").lower() == "name"
                )
                and element_text(e)
            ]
            text = element_text(inner[0]) if inner else element_text(element)
        elif (
            element.tag in ("li", "p", "span", "div", "dd", "td", "address", "small")
            and len(element) <= 3
        ):
            short = element_text(element)
            if len(short) < 80 and _LABELLED.match(short):
                text = short
        if not text or _inside_excluded(element, scope):
            continue
        found = person_names(text, outlets)
        if found:
            return found, desk
        if desk is None and pagemeta.is_desk(text) and len(text.split()) <= 8:
            desk = _desk(re.split(r"\d", text)[0].strip())
    return [], desk


def _inside_excluded(element: HtmlElement, scope: HtmlElement) -> bool:
    node = element
    while node is not None and node is not scope:
        kind = hygiene.region_kind(node)
        if kind in _EXCLUDED:
            return True
        node = node.getparent()
    return False


def _article_root(
    tree: HtmlElement, headline: HtmlElement | None, cleaned: hygiene.Cleaned
) -> HtmlElement | None:
    """The smallest element holding both the headline and the article's first paragraph."""
    if headline is None or not cleaned.lines:
        return None
    first = squash(cleaned.lines[0])[:60]
    if len(first) < 20:
        return None
    for p in tree.iter("p", "div", "h2", "section"):
        if squash(element_text(p)).startswith(first) or (
            p.tag == "p" and first in squash(element_text(p))
        ):
            ancestors = set()
            node = headline
            while node is not None:
                ancestors.add(node)
                node = node.getparent()
            node = p
            while node is not None and node not in ancestors:
                node = node.getparent()
            if node is not None and node.tag not in ("html",):
                return node
            return None
    return None


# --------------------------------------------------------------------------- outlet


_PROVIDER = re.compile(r"provider|source[-_]?name|syndicat|original[-_]?source", re.I)
_ORIGIN = re.compile(
    r"\b(?:originally|first)\s+(?:appeared|published|ran)\s+(?:on|in|at)\s+(?:the\s+website\s+of\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and))*)",
)


def _provider(tree: HtmlElement, headline: HtmlElement | None) -> str | None:
    """The outlet a syndicated story comes from, as its page names it next to the byline."""
    if headline is None:
        return None
    node = headline.getparent()
    for _ in range(3):
        if node is None:
            return None
        for element in node.iter():
            names = (
                f"{element.get('class') or ''} {element.get('id') or ''}"
                if isinstance(element.tag, str)
                else ""
            )
            if names.strip() and _PROVIDER.search(names):
                text = element_text(element)
                if text and len(text.split()) <= 5 and not any(ch.isdigit() for ch in text):
                    return text
        node = node.getparent()
    return None


def _origin(cleaned: hygiene.Cleaned) -> str | None:
    """The outlet a republished story first appeared in ('This post first appeared on Tidewater.')."""
    for line, reason in cleaned.dropped:
        if reason.startswith("contribution"):
            match = _ORIGIN.search(line)
            if match:
                name = match.group("name").rstrip(".")
                name = re.sub(r"(?i)\.com$", "", name)
                if 2 <= len(name) <= 60:
                    return name
    return None


def _origin_in_page(scope: HtmlElement) -> str | None:
    """The outlet a republished story first appeared in, from a note anywhere in the article."""
    for element in scope.iter("p", "em", "i", "small"):
        if len(element) > 4:
            continue
        text = element_text(element)
        if len(text) < 200:
            match = _ORIGIN.search(text)
            if match:
                name = re.sub(r"(?i)\.com$", "", match.group("name").rstrip("."))
                if 2 <= len(name) <= 60:
                    return name
    return None


def _time_in(root: HtmlElement | None) -> str | None:
    """The date of the first `<time datetime>` in the article's own part of the page."""
    if root is None:
        return None
    for time in root.iter("time"):
        if _inside_excluded(time, root):
            continue
        found = pagemeta.parse_date(time.get("datetime") or "")
        if found:
            return found
    return None


_UPDATED = re.compile(
    r"(?:^|(?<=\d)|(?<=\bam)|(?<=\bpm)|(?<=\.m\.)|(?<=[|·•–—-]))\s*(?:last\s+)?(?:updated|modified)\b"
    r"\s*(?:on|at)?\s*:?\s*(.+)$",
    re.I,
)
"""'Updated March 3, 2024', 'May 14, 2019 at 7:12 am Updated ...': the label opens the stamp
or follows its first date; 'the rules were updated on ...' in a sentence is no stamp."""
_FIRST_PUBLISHED = re.compile(r"^(?:first|originally)\s+(?:published|posted)\b", re.I)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap])\.?\s?m\b", re.I)


def _clock(text: str) -> int | None:
    """Minutes after midnight of a 12-hour clock time in `text` ('12:41 PM'), else None."""
    match = _CLOCK.search(text)
    if not match:
        return None
    hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
    return hour * 60 + int(match.group(2))


def _visible_modified(tree: HtmlElement, published: str | None) -> str | None:
    """The date of the last update as the page shows it to readers, when its metadata gives
    none: a date stamp labelled 'Updated ...', or, on a page that labels its publication
    'First published ...', its other date stamp when that names another moment (the stamp by
    the byline dates the version shown). Never a date before publication."""
    updated: list[str] = []
    first: tuple[str, int | None] | None = None
    stamps: list[tuple[str, int | None]] = []
    for element in tree.iter("p", "span", "div", "time", "li", "small", "dd"):
        text = element_text(element)
        if not text or len(text) > 90 or len(element) > 3 or _inside_excluded(element, tree):
            continue
        found = pagemeta.textual_date(text)
        if not found:
            continue
        label = _UPDATED.search(text)
        if label:
            later = pagemeta.textual_date(label.group(1))
            if later:
                updated.append(later)
        elif _FIRST_PUBLISHED.match(text):
            first = (found, _clock(text))
        elif element.tag == "time" or _DATE_MARKUP.search(
            f"{element.get('class') or ''} {element.get('id') or ''}"
        ):
            stamps.append((found, _clock(text)))
    candidates = updated
    if not candidates and first is not None:
        others = {date for date, clock in stamps if (date, clock) != first and date >= first[0]}
        # one other moment is the version shown; several are other stories' stamps (a list)
        candidates = sorted(others) if len(others) == 1 else []
    for date in candidates:
        if published is None or date >= published:
            return date
    return None


_LABELLED_DATE = re.compile(r"^(?:date|published|posted|first\s+published)\s*:?\s*(.+)$", re.I)


def _labelled_date(tree: HtmlElement) -> str | None:
    """A date the page labels as the article's: 'Date 10.06.2013', 'Published: March 3, 2019'."""
    for element in tree.iter("li", "p", "span", "div", "dd", "td", "small"):
        if len(element) > 3:
            continue
        text = element_text(element)
        if len(text) > 60:
            continue
        match = _LABELLED_DATE.match(text)
        if not match or _inside_excluded(element, tree):
            continue
        value = match.group(1)
        numeric = re.match(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b", value)
        if numeric:
            a, sep, b, year = (
                int(numeric.group(1)),
                numeric.group(2),
                int(numeric.group(3)),
                int(numeric.group(4)),
            )
            if a > 12 or sep == ".":
                day, month = a, b  # day first: the dotted European form, or a day above 12
            elif b > 12:
                day, month = b, a
            else:
                continue  # '03/04/2019': the order is not known
            found = pagemeta._valid(year, month, day)
        else:
            found = pagemeta.textual_date(value)
        if found:
            return found
    return None


_GENERIC_SEGMENTS = {
    "news",
    "article",
    "articles",
    "story",
    "stories",
    "post",
    "posts",
    "blog",
    "blogs",
    "content",
    "pages",
    "page",
    "index",
    "amp",
    "www",
    "html",
    "home",
    "topics",
    "tag",
    "tags",
}


def _breadcrumb(
    tree: HtmlElement, markup: pagemeta.Markup, title: str | None, outlets: list[str]
) -> str | None:
    """The last step of the page's breadcrumb trail before the article itself."""
    skip = {squash(t) for t in (title or "", "home", "homepage", "start", *outlets) if t}
    items: list[str] = []
    for node in markup.nodes:
        if any(str(t).lower() == "breadcrumblist" for t in _as_list(node.get("@type"))):
            elements = [e for e in _as_list(node.get("itemListElement")) if isinstance(e, dict)]
            elements.sort(
                key=lambda e: (
                    int(e.get("position") or 0) if str(e.get("position") or "0").isdigit() else 0
                )
            )
            for element in elements:
                item = element.get("item")
                name = element.get("name") or (item.get("name") if isinstance(item, dict) else None)
                if isinstance(name, str) and clean(name):
                    items.append(clean(name) or "")
            break
    if not items:
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('aria-label') or ''}".lower()
            if "breadcrumb" in names:
                items = [element_text(a) for a in element.iter("a") if element_text(a)]
                break
    items = [
        i
        for i in items
        if squash(i) not in skip
        and len(i.split()) <= 5
        and not squash(title or "-").startswith(squash(i) or "-")
    ]
    return items[-1] if items else None


_NOT_SECTIONS = re.compile(
    r"(?i)^(?:home|homepage|menu|search|updated|advertisement|sponsored|supported by|sponsored by|presented by|share|more|news|live|breaking|exclusive)$|\bby$"
)


def _labels_of_copies(tree: HtmlElement, head: pagemeta.Headline) -> list[str]:
    """The labels by another heading of the page with the headline's words: pages that repeat
    the headline (a sticky bar, the article's own header) keep the kicker by one copy only."""
    if head.element is None or not head.text:
        return []
    key = squash(head.text)
    for element in tree.iter("h1", "h2"):
        if element is not head.element and squash(element_text(element)) == key:
            labels = genres.labels_near(element)
            if labels:
                return labels
    return []


def _label_section(labels: list[str], authors: list[str]) -> str | None:
    """A section label shown above the headline ('Culture'), if one of the labels is one."""
    names = {squash(a) for a in authors}
    for label in labels:
        if (
            any(ch.isdigit() for ch in label)
            or squash(label) in names
            or _NOT_SECTIONS.search(label)
        ):
            continue
        if genres.genre_of(label) or len(label.split()) > 4:
            continue
        if not label[:1].isupper() and not re.fullmatch(r"[a-z]{3,}(?: [a-z]{3,}){0,2}", label):
            continue  # a topic kicker in lower case ('chaos theory') is one; a fragment is not
        return label
    return None


def _url_section(url: str | None) -> str | None:
    """The folder an article's address files it in: '/business/economy/slug' → 'Economy'."""
    if not url:
        return None
    from urllib.parse import urlsplit

    parts = [p for p in urlsplit(url).path.split("/") if p][:-1]
    for part in reversed(parts):
        if (
            part.isdigit()
            or len(part) <= 2
            or part.lower() in _GENERIC_SEGMENTS
            or any(ch.isdigit() for ch in part)
        ):
            continue
        if len(part.split("-")) > 3:
            continue
        return " ".join(w.capitalize() for w in re.split(r"[-_]", part) if w)
    return None


def _section_names(markup: pagemeta.Markup) -> list[str]:
    names = markup.all("article:section", "og:article:section")
    for value in _as_list(markup.article.get("articleSection")):
        if isinstance(value, str):
            names.append(value)
    names += markup.all("section", "parsely-section", "prism.section", "category")
    return names


# --------------------------------------------------------------------------- refusal

_ERROR_TITLE = re.compile(
    r"\b(?:404|410|page\s+not\s+found|not\s+found|page\s+(?:does\s+not|doesn'?t)\s+exist|error)\b",
    re.I,
)
_PAYWALL = re.compile(
    r"subscribe\s+(?:now\s+)?to\s+(?:continue|read|keep)|subscribers?\s+only|for\s+subscribers|read\s+(?:the\s+)?full\s+(?:article|story)"
    r"|log\s+in\s+to\s+(?:continue|read)|(?:already\s+a\s+subscriber|create\s+(?:a\s+)?free\s+account)|premium\s+content|paywall",
    re.I,
)


def _refusal(
    tree: HtmlElement, markup: pagemeta.Markup, title: str | None, cleaned: hygiene.Cleaned
) -> str | None:
    """Why the page holds no article, or None when it holds one.

    A page says what it is through its markup (an error title, `og:type` video or website, a
    JSON-LD collection, `isAccessibleForFree: false`) and its words (a subscription prompt);
    such a page with little prose is refused as what it is. Any page with almost no prose
    is refused too.
    """
    words = cleaned.prose_words()
    if not cleaned.lines:
        if any(any(ch.isalnum() for ch in line) for line, _ in cleaned.dropped if line):
            words = 0
        elif cleaned.dropped:
            return "article has no words (only punctuation, symbols or emoji)"
        else:
            return "no article text found in the HTML page"
    og_type = (markup.first("og:type") or "").lower()
    types = {str(t).lower() for n in markup.nodes for t in _as_list(n.get("@type"))}
    heading = " ".join(filter(None, (title, markup.title_tag)))
    if _ERROR_TITLE.search(heading) and words < SHORT_ARTICLE_WORDS:
        return f"not an article: an error page ('{clean(title or markup.title_tag, 60)}')"
    if words >= SHORT_ARTICLE_WORDS:
        return None
    free = [
        str(n.get("isAccessibleForFree")).lower()
        for n in markup.nodes
        if "isAccessibleForFree" in n
    ]
    body = tree.find("body")
    page_words = element_text(body)[:20000] if body is not None else ""
    if "false" in free or _PAYWALL.search(page_words) or _PAYWALL.search(cleaned.text):
        return f"not an article: a paywall stub (the page shows {words} words of the article)"
    if og_type.startswith("video") or ("videoobject" in types and not markup.article):
        return f"not an article: a video page with {words} words of text"
    if og_type == "website" or types & {"collectionpage", "itemlist", "searchresultspage"}:
        return f"not an article: an index page ({words} words of prose among its links)"
    if words < MIN_PROSE_WORDS:
        return f"no article text: only {words} words of prose"
    return None


def _markup_date(tree: HtmlElement, url: str | None) -> str | None:
    """The publication date htmldate finds in the page's markup (meta tags, URL, time elements,
    elements marked as dates), when the article's own metadata names none. Never from the body
    text: htmldate also reads dates out of the visible prose, so it is given the page with the
    text of everything but date markup taken out."""
    from htmldate import find_date

    try:
        found = find_date(
            _without_prose(tree),
            url=url,
            extensive_search=False,
            original_date=True,
            max_date="2100-12-31",
        )
    except Exception:  # noqa: BLE001 - htmldate failing leaves the date unknown
        return None
    return pagemeta.parse_date(found) if found else None


_DATE_MARKUP = re.compile(r"date|time|publish|posted|updated", re.I)


def _is_date_markup(element: HtmlElement) -> bool:
    if element.tag in ("time", "abbr", "script", "title", "head", "meta"):
        return True
    marks = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
    return bool(_DATE_MARKUP.search(marks))


def _without_prose(tree: HtmlElement) -> HtmlElement:
    """A copy of the page whose body keeps its text only inside date markup."""
    page = copy.deepcopy(tree)
    body = page.find("body")
    if body is None:
        return page
    kept: set[HtmlElement] = set()
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        if _is_date_markup(element) or (parent is not None and parent in kept):
            kept.add(element)
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element not in kept:
            element.text = None
        parent = element.getparent()
        if parent is None or parent not in kept:
            element.tail = None
    return page


def _unique(values) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
