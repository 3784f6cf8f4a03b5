"""The article's prose, and only its prose, out of a web page.

A news page puts many lines next to the article that are not its prose: the headline and the
dek, bylines and datelines, photo captions and credits, "Related" and "Read more" links,
newsletter and share prompts, contribution and correction notes, subheads. The extractors read
every line of the text as prose, so these lines must not reach them.

Two passes, both generic (nothing here names a site):

1. Before the main-text extraction, page regions whose markup says what they are
   (`<figcaption>`, `<aside>`, class or id words such as caption, credit, related, newsletter,
   share, byline, tooltip) are taken out of the page, unless they hold much of its prose.
   Captions and credits are kept aside as fields of their own.
2. After extraction (trafilatura's XML, which says what each block is: paragraph, heading,
   list item, quote, table), each line is judged by its block type and by language cues: a
   line with no sentence ending that is a label, a name or a date; a line that repeats the
   headline, the dek or an image's caption; a line that is mostly link text; a line that
   starts with "Related:", "Photo:", "Read more"; a credit or contribution line.

Every dropped line is kept with its reason (`Cleaned.dropped`) so that the choice can be
checked and tested.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml.etree import _Element
from lxml.html import HtmlElement

from generator.ingest.pagemeta import MONTH, WEEKDAY, element_text, is_person_name, squash

# --------------------------------------------------------------------------- page regions

_REGION_STEMS = (
    "caption",
    "credit",
    "byline",
    "dateline",
    "timestamp",
    "related",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "share",
    "sharing",
    "social",
    "promo",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "tooltip",
    "popover",
    "hovercard",
    "rollover",
    "breadcrumb",
    "gallery",
    "slideshow",
    "carousel",
    "photo",
    "comment",
    "recirc",
    "trending",
    "popular",
    "mostread",
    "most-read",
    "readmore",
    "read-more",
    "morestories",
    "more-stories",
    "recommend",
    "sidebar",
    "toolbar",
    "authorbio",
    "author-bio",
    "newsfeed",
    "paywall",
    "disclaimer",
)
"""Parts of class and id names that say a region is not the article's prose."""
_REGION_TOKENS = {
    "nav",
    "menu",
    "ad",
    "ads",
    "adv",
    "tag",
    "tags",
    "topics",
    "rail",
    "bio",
    "aside",
    "kicker",
    "eyebrow",
    "print",
    "tools",
    "video",
    "audio",
    "player",
    "teaser",
    "teasers",
    "widget",
    "author",
    "authors",
    "contributor",
    "contributors",
    "signature",
    "meta",
    "date",
    "time",
    "inset",
    "pullquote",
    "pull",
    "stream",
    "pic",
    "picture",
    "thumbnail",
    "thumb",
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "excerpt",
    "strapline",
    "description",
}
"""Whole words of class and id names that say the same."""
_CAPTION_STEMS = ("caption", "figcaption", "cutline")
_CREDIT_STEMS = ("credit", "copyright", "attribution", "photographer", "courtesy")
_HOVER = {"tooltip", "popover", "hovercard", "rollover", "hidden"}
"""Marks of text that only shows on hover: taken out even from inside a paragraph, where it
would run into the words around it ('Marta VellinMarta Anne VellinNorth Harbour ... MORE')."""
_DEK_KINDS = {
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "excerpt",
    "strapline",
    "description",
}
_TEXT_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
}
_MAX_SHARE = 0.35
"""A marked region is kept when it holds more than this share of the page's paragraph text:
then the mark is on a wrapper of the article, not on a part beside it."""


_NEGATED = re.compile(r"(?i)\b(?:no|without|has-no|not)[-_]+[a-z0-9]+")


def _words_of(name: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def region_kind(element: HtmlElement) -> str | None:
    """What an element's tag, role and class/id names say it is, when it is not prose."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "figcaption":
        return "caption"
    if tag in ("aside", "nav", "footer", "form", "button", "dialog", "menu"):
        return tag
    role = (element.get("role") or "").lower()
    if role in ("complementary", "navigation", "banner", "contentinfo", "dialog", "alert"):
        return role
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return "hidden"
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return "hidden"
    itemprop = (element.get("itemprop") or "").lower()
    if itemprop in (
        "author",
        "creator",
        "datepublished",
        "datemodified",
        "caption",
        "copyrightholder",
    ):
        return itemprop
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return None
    # 'no_caption', 'without-sidebar': the mark says what is absent
    names = _NEGATED.sub(" ", names)
    low = names.lower()
    if itemprop == "articlebody" or "articlebody" in low.replace("-", "").replace("_", ""):
        return None
    for stem in _CAPTION_STEMS:
        if stem in low:
            return "caption"
    for stem in _CREDIT_STEMS:
        if stem in low:
            return "credit"
    for stem in _REGION_STEMS:
        if stem in low:
            return stem
    words = _words_of(names)
    for word in words:
        if word in _REGION_TOKENS:
            return word
    return None


@dataclass
class Regions:
    """What was taken out of the page before its main text was extracted."""

    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    deks: list[str] = field(default_factory=list)
    """Texts of regions marked as the dek (standfirst, subtitle, excerpt)."""
    texts: dict[str, str] = field(default_factory=dict)
    """Squashed text of every block inside a marked region, with the region's kind."""
    free: set[str] = field(default_factory=set)
    """Squashed text of paragraphs outside the marked regions: a region that repeats one
    (a teaser of this very article) does not take it out of the text."""
    media_texts: set[str] = field(default_factory=set)
    """Squashed captions, credits and image descriptions: lines that repeat one are captions."""
    removed: int = 0


def paragraph_text_length(tree: HtmlElement) -> int:
    return sum(len(element_text(p)) for p in tree.iter("p"))


_BLOCKISH = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "td",
    "th",
    "a",
    "div",
    "span",
    "section",
    "header",
    "footer",
    "aside",
    "ul",
    "ol",
    "em",
    "strong",
    "cite",
    "small",
    "time",
)


_CONTAINERS = {"div", "section", "header", "footer", "aside", "ul", "ol", "span"}


def _paragraph_style(paragraph: HtmlElement) -> bool:
    """Whether a paragraph's class is the style of many paragraphs beside it (three or more
    siblings of the same class: 'commentary-paragraph'), not the mark of one caption."""
    parent = paragraph.getparent()
    if parent is None or not paragraph.get("class"):
        return False
    same = sum(1 for p in parent if p.tag == "p" and p.get("class") == paragraph.get("class"))
    return same >= 3


_INLINE = ("a", "span", "strong", "b", "em", "i", "u", "abbr", "cite", "small", "mark", "time")


def _glued(left: str, right: str, link: bool) -> bool:
    """Whether text ending `left` and text starting `right`, with nothing between them, are two
    words run together. A link's text is a whole word or phrase (a name, a title): a letter
    touching it on either side is another word. Other inline elements (emphasis) may split a
    word ('<em>un</em>believable'), so only a change of case no word has inside it counts: a
    lower-case letter before a capital ('VellinNorth'), or a word in capitals before lower case
    ('WIDELYwelcomed')."""
    if not left or not right or not left[-1].isalnum() or not right[0].isalnum():
        return False
    if link:
        return True
    if left[-1].islower() and right[0].isupper():
        return True
    last = re.findall(r"\w+$", left[-40:])
    return bool(last) and len(last[0]) >= 2 and last[0].isupper() and right[0].islower()


def _edge_text(element: HtmlElement, last: bool) -> str:
    """The text at the start (or the end) of `element`'s content, however deep it sits:
    walked along the first (last) children, so a long page costs no more than its depth."""
    node = element
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if last:
            if not children:
                return node.text or ""
            tail: str | None = children[-1].tail
            if tail and tail.strip():
                return tail
            node = children[-1]
        else:
            if node.text and node.text.strip() or not children:
                return node.text or ""
            node = children[0]


def space_glued_links(tree: HtmlElement) -> int:
    """Put a space where the page runs the text of a link (or another inline element) into the
    word next to it with no space between them ('Lena Ostrow</a>reports', two links side by
    side), which a reader sees apart by the link's styling but text extraction runs together
    ('Ostrowreports'). Decided at the element's edges in the HTML, never by word lists.
    Returns how many spaces were put in."""
    added = 0
    body = tree.find("body")
    for element in (body if body is not None else tree).iter(*_INLINE):
        end, start = _edge_text(element, last=True), _edge_text(element, last=False)
        if not end.strip() and not start.strip():
            continue
        link = element.tag == "a"
        after = element.tail
        following = element.getnext()
        if after:
            if _glued(end, after, link):
                element.tail = " " + after
                added += 1
        elif following is not None and following.tag == "a" and link:
            if _glued(end, _edge_text(following, last=False), link):
                element.tail = " "
                added += 1
        previous = element.getprevious()
        parent = element.getparent()
        before = (
            previous.tail if previous is not None else parent.text if parent is not None else None
        )
        if before and _glued(before, start, link):
            if previous is not None:
                previous.tail = (previous.tail or "") + " "
            elif parent is not None:
                parent.text = (parent.text or "") + " "
            added += 1
    return added


def mark_regions(tree: HtmlElement) -> Regions:
    """Find the marked regions of `tree`: remember the texts of each (lines that repeat one
    are not prose), keep captions, credits and deks aside, and take out of `tree` (in place)
    only the marked words inside a paragraph, where they would run into its prose (a caption
    or credit span, the text of a hover card).

    Whole regions stay in the page: taking them out changes which part of the page the
    main-text extraction settles on, and can lose paragraphs of the article.
    """
    regions = Regions()
    for img in tree.iter("img"):
        for attribute in ("alt", "title"):
            text = " ".join((img.get(attribute) or "").split())
            if len(text) >= 20:
                regions.media_texts.add(squash(text))
    body = tree.find("body")
    root = body if body is not None else tree
    total = max(1, paragraph_text_length(root))
    order = {element: i for i, element in enumerate(root.iter())}
    marked: list[tuple[HtmlElement, str, bool]] = []
    stack = [root]
    while stack:
        element = stack.pop()
        in_text = element.tag in _TEXT_BLOCKS or element.tag in (
            "a",
            "span",
            "em",
            "strong",
            "b",
            "i",
            "small",
        )
        for child in element:
            if not isinstance(child.tag, str):
                continue
            kind = region_kind(child)
            if (
                kind is not None
                and (in_text or child.tag == "a")
                and kind not in _HOVER
                and kind not in ("caption", "credit")
            ):
                kind = None  # a word inside a paragraph: the paragraph's own marks decide
            if kind is not None and child.tag == "p" and _paragraph_style(child):
                kind = None  # the article's own paragraphs, all of one class
            if kind is not None and child.tag not in ("html", "body", "main", "article"):
                if paragraph_text_length(child) / total <= _MAX_SHARE:
                    marked.append((child, kind, in_text))
                    continue
            if child.tag in ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"):
                regions.free.add(squash(element_text(child)))
            stack.append(child)
    marked.sort(key=lambda m: order.get(m[0], 0))
    for element, kind, in_text in marked:
        text = element_text(element)
        if text and kind in _DEK_KINDS and len(text) < 600:
            regions.deks.append(text)
        if text and kind in ("caption", "credit"):
            target = regions.captions if kind == "caption" else regions.credits
            if text not in target and len(text) < 1000:
                target.append(text)
            regions.media_texts.add(squash(text))
        if kind != "hidden":
            for part in element.iter(*_BLOCKISH):
                if part.tag in _CONTAINERS and any(child.tag in _BLOCKISH for child in part):
                    continue  # its blocks are read one by one
                key = squash(element_text(part))
                if len(key) >= 3 and key not in regions.free:
                    regions.texts[key] = kind
        if in_text and element.getparent() is not None:
            element.drop_tree()
            regions.removed += 1
    return regions


# --------------------------------------------------------------------------- lines


@dataclass
class Line:
    """One line of the extracted text, with what its block says about it."""

    text: str
    block: str
    """p | head | item | quote | cell | code: the block type in trafilatura's XML."""
    index: int
    """Number of the block the line is in."""
    link_chars: int = 0
    """Characters of the line inside links."""
    styled_chars: int = 0
    """Characters inside bold or italic formatting."""
    bold_lead: str = ""
    """The bold words the line starts with, if any."""
    list_size: int = 0
    """For a list item: how many items its list has."""
    after_image: bool = False
    """The line comes right after an image."""


_INLINE_BLOCKS = {"p", "head", "item", "quote", "cell", "code", "list", "table", "row", "div"}


def lines_of(body: _Element) -> list[Line]:
    """The lines of trafilatura's XML body, block by block; `<lb/>` breaks a line."""
    out: list[Line] = []
    counter = [0]
    pending = [False]  # an image came before the next line

    def emit(parts: list[tuple[str, str]], block: str, list_size: int = 0) -> None:
        current: list[tuple[str, str]] = []
        for text, how in [*parts, ("\n", "")]:
            if how == "graphic":
                pending[0] = True
                continue
            if text == "\n":
                line_text = " ".join("".join(t for t, _ in current).split())
                if line_text:
                    link = sum(len(" ".join(t.split())) for t, h in current if "ref" in h)
                    styled = sum(len(" ".join(t.split())) for t, h in current if "hi" in h)
                    lead = ""
                    for t, h in current:
                        if not t.strip():
                            continue
                        lead = " ".join(t.split()) if "hi#b" in h else ""
                        break
                    out.append(
                        Line(
                            line_text, block, counter[0], link, styled, lead, list_size, pending[0]
                        )
                    )
                    pending[0] = False
                current = []
            else:
                current.append((text, how))
        counter[0] += 1

    def inline(element: _Element, how: str, parts: list[tuple[str, str]]) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        mark = how
        if tag == "ref":
            mark += " ref"
        elif tag == "hi":
            rend = element.get("rend") or ""
            mark += " hi#b" if "b" in rend else " hi"
        if tag == "lb":
            parts.append(("\n", ""))
        elif tag == "graphic":
            parts.append(("", "graphic"))
            if element.text:  # trafilatura sometimes puts the words after an image inside it
                parts.append((element.text, mark))
        elif element.text:
            parts.append((element.text, mark))
        for child in element:
            if isinstance(child.tag, str) and child.tag in ("list", "table"):
                continue  # a nested list is its own blocks
            if isinstance(child.tag, str) and child.tag in ("p", "head", "quote", "item"):
                parts.append(("\n", ""))
                inline(child, how, parts)
                parts.append(("\n", ""))
            else:
                inline(child, mark if child.tag != "lb" else how, parts)
            if child.tail:
                parts.append((child.tail, how))

    def walk(element: _Element) -> None:
        size = sum(1 for c in element if c.tag == "item") if element.tag == "list" else 0
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "graphic":
                pending[0] = True
                if child.text and child.text.strip():
                    emit([(child.text, "")], "p")
                continue
            if tag == "lb" or not tag:
                continue
            if tag == "list":
                walk(child)
            elif tag == "table":
                for row in child.iter("row"):
                    parts: list[tuple[str, str]] = []
                    for cell in row.iter("cell"):
                        inline(cell, "", parts)
                        parts.append((" | ", ""))
                    emit(parts, "cell")
            elif tag in ("div", "article", "section"):
                walk(child)
            else:
                parts = []
                inline(child, "", parts)
                block = "item" if tag == "item" else tag
                emit(parts, block, size if tag == "item" else 0)
                if tag == "item":
                    for nested in child.iter("list"):
                        walk(nested)

    walk(body)
    return out


# --------------------------------------------------------------------------- line rules

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[.!?,][\"'”’»]+\)?$")
_UI = re.compile(
    r"""^(?:
        advertisement|advertisements?\s*[-:]|sponsored(?:\s+content)?|story\s+continues\s+(?:below|after)\b.*
        |continue\s+reading(?:\s+the\s+main\s+story)?|(?:skip|close)\s+(?:ad|advert\w*)
        |view\s+(?:photo|image|gallery|comments?|slideshow|this\s+image)s?\b.*
        |next\s+video\b.*|your\s+video\s+will\s+play\b.*|(?:watch|play)\s+(?:video|now)\b.*|replay\b.*
        |\d[\d,.]*\s*(?:k\s*)?(?:comments?|views|shares|reads)\b.*|comments?\s*\(?\d*\)?|show\s+comments?
        |share\s+(?:this|on|via)\b.*|share|tweet|email|print|save|copy\s+link|follow\s+us\b.*
        |sign\s+up\b.*|subscribe\b.*|get\s+(?:the|our)\s+\w+\s+newsletter\b.*|(?:our|the)\s+\w+\s+newsletter\b.*
        |click\s+here\b.*|tap\s+here\b.*|check\s+out\s+more\b.*|(?:sign|log)\s+in\b.*
        |image\s+\d+\s+of\s+\d+|\d+\s+of\s+\d+|\d{1,3}\.|[•·*-]
        |(?:©|\(c\)|copyright)\s.*|all\s+rights\s+reserved\.?
    )$""",
    re.I | re.X,
)
_LABEL = re.compile(
    r"""^\[?\(?(?:
        related(?:\s+(?:articles?|stories|coverage|content|reading|links?|video))?|read\s+more|read\s+also|also\s+read
        |see\s+also|more|more\s+on\s+this(?:\s+story)?|more\s+from\b[^:]*|more\s+stories|read|watch|listen|look
        |recommended|trending|popular|most\s+(?:read|popular|viewed)|you\s+(?:may|might)\s+(?:also\s+)?like
        |topics?|tags?|tagged|filed\s+under|categories|category|keywords|section
        |photos?|photograph(?:s|y)?|pictures?|image|images|illustration|graphic|video|audio|source|sources|credits?
        |caption|media\s+caption|image\s+caption|image\s+copyright|pic|picture\s+credit
        |editor'?s\s+note|note|correction|clarification|disclosure
    )\s*[:|›»>]""",
    re.I | re.X,
)
_RELATED_HEADING = re.compile(
    r"""^(?:
        related(?:\s+\w+)?|read\s+more(?:\s+\w+){0,3}|more\s+on\s+this(?:\s+story)?|more\s+from\b.*|more\s+stories\b.*
        |(?:other|more|latest|top|popular|recommended|trending|related)\s+(?:\w+\s+)?(?:columns|stories|articles|news|reads|videos|coverage|posts|opinions?)
        |you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)\b.*
        |what\s+to\s+read\s+next|read\s+next|up\s+next|don'?t\s+miss|see\s+also|also\s+on\s+\w+.*|around\s+the\s+web
    )[:.]?$""",
    re.I | re.X,
)
_END_MATTER = re.compile(
    r"^(?:more\s+information|further\s+information|journal\s+(?:information|reference)"
    r"|references?|citation|bibliography|doi)\s*:",
    re.I,
)
"""The label of a research article's end matter (the paper's reference, how to cite the page):
in the last half of a page, it and all after it are not the article's prose."""
_CONTRIBUTION = re.compile(
    r"""(?:
        \bcontributed\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article))\b
        |\bcontributed\.?$
        |^(?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced|translated|graphics|photos?|video)\s+(?:and\s+\w+\s+)?by\b
        |\b(?:editing|reporting)\s+by\s+[A-Z]
        |^(?:follow|contact|email|e-mail|reach)\s+(?:him|her|them|the\s+(?:author|writer|reporter)|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)\s+(?:on|at|via)\b
        |\b(?:originally|first)\s+(?:appeared|published|ran)\s+(?:on|in|at)\b
        |^this\s+(?:article|story|post|piece|version)\s+(?:was|has\s+been|is|corrects|originally)\b
        |\bwas\s+(?:reprinted|republished|adapted)\s+(?:on|from|with)\b
        |^(?:correction|clarification|editor'?s\s+note)\b
        |^an\s+earlier\s+version\s+of\s+this\b
    )""",
    re.I | re.X,
)
_PROMPT = re.compile(
    r"""(?:
        \b(?:submit|send)\s+(?:us\s+)?(?:your|a)\s+(?:letters?|story|stories|tips?|news\s+tips?|comments?|photos?|views|questions?)\b
        |\bsign\s+up\s+(?:for|to)\b|\bsubscribe\s+(?:to|now|today)\b|\bfollow\s+us\s+on\b|\bdownload\s+(?:our|the)\s+(?:free\s+)?app\b
        |\bjoin\s+the\s+conversation\b|\bhave\s+a\s+(?:news\s+)?tip\b|\bnewsletter\b.{0,40}\binbox\b|\bin\s+your\s+inbox\b
        |\b(?:check\s+(?:it|them)\s+out|find\s+out\s+more|learn\s+more|read\s+(?:it|more))\s+here\b|\s[Hh]ere\.$
        |\b(?:check\s+out|watch|see|view)\s+(?:the\s+|this\s+)?(?:footage|video|clip|trailer|photos?|gallery|images?|slideshow)\s+(?:below|above)\b
        |\bshare\s+this\s+(?:article|story)\b|\bcomments?\s+(?:are|is)\s+(?:closed|open)\b
    )""",
    re.I | re.X,
)
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer|author|professor|fellow|director|analyst|critic|blogger|host|student|lecturer|researcher|scientist)\b",
)
_DATE_WORD = re.compile(
    rf"^(?:{MONTH}|{WEEKDAY}|\d{{1,4}}(?:st|nd|rd|th)?[,.]?|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?|[ap]\.?m\.?|updated|published|posted|last|modified|on|at|by|and|of|the|[A-Z]{{2,4}}|\||•|·|-|—|–|report|ago|hours?|minutes?|days?|weeks?|years?|an?|edt|est|pdt|pst|bst|gmt|utc|cet|cest|date|time|read|min|mins|first)$",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?)\s*(?:\((?P<wire>[A-Za-z][A-Za-z .'-]{0,40})\)\s*)?[-—–]+\s+(?=\S)"
)
_ENUMERATOR_LINE = re.compile(r"^(?:\d{1,3}[.)]|[a-z][.)]|[ivx]{1,4}[.)])$", re.I)
_MASHED = re.compile(
    r"(?<=[a-z.])(?P<mash>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+[^.!?\n]{0,300}?\s+MORE)(?=\s|$)"
)
_WIRE_ONLY = re.compile(r"^[-—–(\[]*\s*(?:AP|AFP|Reuters|UPI|dpa|PA|Bloomberg|CNN|BBC)\s*[)\]]*$")


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", text)


def is_sentence(text: str) -> bool:
    """Whether a line ends the way a sentence or a clause of prose does."""
    return bool(_TERMINAL.search(text.strip()))


def is_date_line(text: str) -> bool:
    """A line made of a date, a time and publishing words: 'Updated 3:46 PM ET, March 11, 2015'."""
    tokens = [t for t in re.split(r"[\s,|•·/]+", text.strip()) if t]
    if not tokens or len(tokens) > 16:
        return False
    dated = any(
        re.fullmatch(rf"{MONTH}|{WEEKDAY}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}", t, re.I)
        for t in tokens
    )
    return dated and all(_DATE_WORD.match(t) or re.fullmatch(r"[\d./:-]+", t) for t in tokens)


@dataclass
class Context:
    """What the page says about itself, against which its lines are judged."""

    titles: set[str] = field(default_factory=set)
    """Squashed headline candidates."""
    descriptions: set[str] = field(default_factory=set)
    """Squashed page descriptions (the dek, as meta tags give it)."""
    media: set[str] = field(default_factory=set)
    """Squashed captions and image descriptions."""
    regions: dict[str, str] = field(default_factory=dict)
    """Squashed texts of marked page regions (related links, bylines, share bars), by kind."""
    all_descriptions: set[str] = field(default_factory=set)
    """Squashed descriptions wherever the page shows them."""
    deks: set[str] = field(default_factory=set)
    """Squashed deks found so far (a dek shown twice is dropped twice)."""
    authors: list[str] = field(default_factory=list)


@dataclass
class Cleaned:
    """The article's prose lines, and what was dropped and why."""

    lines: list[str]
    dropped: list[tuple[str, str]]
    """(line, reason) for every line left out, in page order."""
    dek: str | None = None
    dateline: str | None = None
    """The dateline that opened the story ('MOSCOW (AP)'), taken off its first line."""
    wire: str | None = None
    """The agency the dateline names ('AP'), if any."""
    signatures: list[str] = field(default_factory=list)
    """Names from signature lines (a letter's writer), in page order."""
    captions: list[str] = field(default_factory=list)
    """Caption lines found among the text."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def prose_words(self) -> int:
        """Words in lines that read as sentences: the measure of whether there is an article."""
        return sum(
            len(words(line)) for line in self.lines if is_sentence(line) and len(words(line)) >= 6
        )


def clean_lines(lines: list[Line], context: Context) -> Cleaned:
    """The lines that are the article's prose, in order, and the others with their reasons."""
    dropped: list[tuple[str, str]] = []
    kept: list[Line] = []
    result = Cleaned(lines=[], dropped=dropped)
    seen: set[str] = set()
    total_chars = sum(len(line.text) for line in lines) or 1
    done_chars = 0
    intro_index = -1  # the block whose line ended with ':' and introduced a list
    tail_cut = ""  # why the rest of the page is not prose, once it is known
    for position, line in enumerate(lines):
        text = unicodedata.normalize("NFC", line.text)
        done_chars += len(text)
        if tail_cut:
            dropped.append((text, f"after {tail_cut}"))
            continue
        if (
            _RELATED_HEADING.match(text)
            and done_chars > 0.5 * total_chars
            and (line.block == "head" or not is_sentence(text))
        ):
            tail_cut = "a related-links heading"
            dropped.append((text, "related-links heading"))
            continue
        if _END_MATTER.match(text) and done_chars > 0.5 * total_chars:
            tail_cut = "the end matter (reference, citation)"
            dropped.append((text, "end matter (reference, citation)"))
            continue
        in_list = intro_index >= 0 and (line.index == intro_index or line.block == "item")
        tail = position >= max(len(lines) - 3, 0.6 * len(lines))
        reason = _junk_reason(line, text, context, kept, in_list, tail)
        key = squash(text)
        if reason is None and key in seen and len(key) > 0:
            reason = "repeats an earlier line"
        if reason is not None:
            dropped.append((text, reason))
            if reason.startswith("dek"):
                context.deks.add(key)
                if result.dek is None:
                    result.dek = text
            if reason.startswith("caption"):
                result.captions.append(text)
            if reason == "signature" and line.bold_lead:
                result.signatures.append(line.bold_lead)
            continue
        seen.add(key)
        if text.rstrip().endswith(":"):
            intro_index = line.index
        elif not in_list:
            intro_index = -1
        kept.append(
            Line(
                text,
                line.block,
                line.index,
                line.link_chars,
                line.styled_chars,
                line.bold_lead,
                line.list_size,
            )
        )
    kept = _strip_dateline(kept, result)
    for line in kept:
        line.text = _unmash(line.text)
    result.lines = [line.text for line in kept if line.text.strip()]
    return result


def _junk_reason(
    line: Line, text: str, context: Context, kept: list[Line], list_intro: bool, tail: bool
) -> str | None:
    """Why a line is not the article's prose, or None when it is."""
    n_words = len(words(text))
    key = squash(text)
    sentence = is_sentence(text)
    early = len(kept) < 3
    if not key:
        return "no words"
    if key in context.titles or any(
        len(t) > 20 and key.startswith(t) and len(key) < len(t) + 40 and early
        for t in context.titles
    ):
        return "headline"
    if early and key in context.descriptions:
        return "dek (the page's description)"
    if key in context.deks:
        return "dek (repeated)"
    if line.block == "head" and key in context.all_descriptions:
        return "dek (a heading that is the page's description)"
    if (
        line.block != "head"
        and key in context.media
        or line.block != "head"
        and any(
            len(m) >= 20 and (key in m or (m in key and len(m) >= 0.8 * len(key)))
            for m in context.media
        )
    ):
        return "caption (repeats an image's caption or description)"
    region = context.regions.get(key)
    if region is not None and region not in _DEK_KINDS:
        return f"in a page region marked '{region}'"
    if _UI.match(text):
        return "interface text"
    if _LABEL.match(text) and (n_words <= 25 or not sentence or line.link_chars > 0.3 * len(text)):
        return "label line (related, credit, tags, note)"
    if text[:1] in "([" and text.rstrip()[-1:] in ")]" and n_words <= 40:
        return "credit or note in brackets"
    if _WIRE_ONLY.match(text):
        return "credit"
    if n_words <= 40 and _PROMPT.search(text):
        return "prompt (newsletter, submission, share or promotion)"
    if n_words <= 60 and _CONTRIBUTION.search(text):
        return "contribution, credit or republication line"
    if n_words <= 45 and _BIO.match(text) and tail:
        return "author's biography"
    if re.match(r"^by[\s:]+\S", text, re.I) and not sentence and n_words <= 20:
        return "byline"
    if (
        re.match(r"^(?:by|from)\s+[A-Z]", text)
        and n_words <= 12
        and is_person_name(" ".join(words(text)[1:3]))
    ):
        return "byline"
    if is_date_line(text):
        return "dateline or time stamp"
    if _ENUMERATOR_LINE.match(text):
        return "list enumerator"
    if line.link_chars >= 0.6 * len(text) and (n_words <= 25 or not sentence):
        return "link text (related or navigation)"
    if line.link_chars >= 0.9 * len(text) and n_words <= 40:
        return "link text (related or navigation)"
    if any(text.startswith(a) for a in context.authors) and not sentence and n_words <= 25:
        return "byline"
    if (
        not sentence
        and n_words <= 8
        and line.bold_lead
        and is_person_name(line.bold_lead)
        and line.styled_chars >= 0.8 * len(text.replace(" ", ""))
    ):
        return "signature"
    if _quote_attribution(line, text, kept):
        return "attribution under a quotation (a pull quote's name line)"
    if line.block == "head":
        # a heading is a subhead, a kicker or a label, unless it is a whole sentence of prose
        # (some pages set their opening sentence as a heading)
        if sentence and text.rstrip()[-1:] not in "?:" and n_words >= 10:
            return None
        return "heading"
    if line.block == "cell":
        return "table cell"
    if not sentence and text.isupper() and n_words <= 15:
        return "capitalised label"
    if line.after_image and not sentence and n_words <= 30:
        return "caption (a line under an image)"
    if line.block == "item" and line.list_size == 1 and not list_intro:
        return "a list of one item (a caption or a note)"
    if not sentence:
        if line.block == "item" and (list_intro or n_words >= 6):
            return None
        if list_intro and line.block == "p" and n_words <= 12:
            return None  # a list written as lines after 'as follows:'
        if n_words <= 10:
            return "short line with no sentence ending (label, name or subhead)"
        if n_words <= 20 and line.styled_chars >= 0.8 * len(text.replace(" ", "")):
            return "styled line with no sentence ending (subhead)"
    if sentence and text.isupper() and n_words <= 15:
        return "capitalised label"
    return None


def _quote_attribution(line: Line, text: str, kept: list[Line]) -> bool:
    """A short line closing a block quotation that names the person quoted, in the typographic
    convention of pull quotes and epigraphs: '— Ann Lee', 'Ann Lee, Ph.D.', 'Ann Lee, mayor'."""
    if line.block != "quote" or not kept or kept[-1].index != line.index:
        return False
    if len(words(text)) > 8:
        return False
    name = text.strip().lstrip("-–—―~ ").split(",")[0].strip()
    return bool(name) and is_person_name(name)


def _strip_dateline(kept: list[Line], result: Cleaned) -> list[Line]:
    """Take the dateline ('CAIRO —', 'MOSCOW (AP) —') off the story's opening line, and put a
    drop cap split from its word ('Z imbabwe') back onto it."""
    prose = [line for line in kept if line.block in ("p", "head") and is_sentence(line.text)]
    if prose:
        cap = re.match(r"^([B-HJ-NP-Z])\s([a-z]{2,})\b", prose[0].text)
        if cap:
            prose[0].text = cap.group(1) + prose[0].text[2:]
    for line in prose[:10]:
        match = _DATELINE.match(line.text)
        if not match:
            continue
        place = match.group("place").strip()
        letters = sum(ch.isalpha() for ch in place)
        if letters < 2 or sum(ch.isupper() for ch in place) < 0.6 * letters:
            continue
        result.dateline = line.text[: match.end()].strip(" -—–")
        result.wire = (match.group("wire") or "").strip() or None
        line.text = line.text[match.end() :]
        break
    return kept


def _unmash(text: str) -> str:
    """A name followed by the text of its hover card run together: 'Marta VellinMarta Anne
    VellinNorth Harbour mayor ... MORE' → 'Marta Vellin'."""
    return _MASHED.sub("", text)


_FILE_NAME = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp|svg|tiff?|avif)$", re.I)
_IMAGE_COUNT = re.compile(
    r"^(?:slide\s*show|gallery|photos?|images?|pictures?)\s*\(?\s*\d+\s*"
    r"(?:images?|photos?|pictures?|slides?)?\s*\)?$",
    re.I,
)
_CREDIT_START = re.compile(
    r"^(?:\u00a9|\(c\)\s|copyright\b|(?:photo(?:graph)?|image|picture|video)?\s*credits?\b"
    r"|(?:photo(?:graph)?|image|picture|illustration)\s*:)",
    re.I,
)
_FULL_DATE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTH}\s+\d{{4}}\b", re.I
)


def sort_media(captions: list[str], credits: list[str]) -> tuple[list[str], list[str]]:
    """Captions and credits as a reader would file them: no image file names, dates or
    gallery counters as captions; a credit line ('Photo: ...', '\u00a9 ...', 'Ann Lee/Agency',
    'Additional reporting by ...') among the credits, once; the site's footer (links to its
    privacy policy, a row of '|'-separated links) and byline time stamps (a full date) are
    neither."""
    kept_captions: list[str] = []
    kept_credits: list[str] = []
    seen: set[str] = set()

    def credit(text: str) -> None:
        key = squash(text)
        if key in seen or _FULL_DATE.search(text) or text.count("|") >= 2:
            return
        if re.search(r"\bprivacy\b", text, re.I):
            return
        seen.add(key)
        kept_credits.append(text)

    for text in captions:
        text = " ".join(text.split())
        key = squash(text)
        if not key or key in seen:
            continue
        if _FILE_NAME.match(text) or _IMAGE_COUNT.match(text) or is_date_line(text):
            continue
        n_words = len(words(text))
        if (
            _CREDIT_START.match(text)
            and n_words <= 12
            or n_words <= 60
            and _CONTRIBUTION.search(text)
            or n_words <= 6
            and "/" in text
            and not is_sentence(text)
        ):
            credit(text)
            continue
        seen.add(key)
        kept_captions.append(text)
    for text in credits:
        credit(" ".join(text.split()))
    return kept_captions, kept_credits


def iter_reasons(cleaned: Cleaned) -> Iterator[str]:
    for line, reason in cleaned.dropped:
        yield f"{reason}: {line[:80]}"


def squashed(values: Iterable[str | None]) -> set[str]:
    return {squash(v) for v in values if v and len(squash(v)) >= 4}
