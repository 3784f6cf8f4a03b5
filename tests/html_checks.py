"""Find markup in built HTML that could run script or that came from an article.

Pages are parsed with html5lib, which follows the WHATWG parsing rules that browsers use
(RCDATA `<title>`, foreign content, attribute quirks), so what it finds is what a browser builds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

import html5lib

XLINK = "{http://www.w3.org/1999/xlink}"
SVG = "{http://www.w3.org/2000/svg}"
MATHML = "{http://www.w3.org/1998/Math/MathML}"
DANGEROUS_SCHEME = re.compile(r"^(?:java|vb|live|j|ecma)script:|^data:|^mocha:", re.I)
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "codebase",
    "dynsrc",
    "lowsrc",
    "ping",
    "manifest",
    "icon",
    "longdesc",
    "srcset",
    "archive",
    "classid",
    "code",
    f"{XLINK}href",
    "xlink:href",
}
# Elements that never belong in an article page's content; the theme's own appear in its skeleton.
ACTIVE_ELEMENTS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "form",
    "isindex",
    "template",
    "noscript",
    "style",
    "link",
    "meta",
    "img",
    "video",
    "audio",
    "source",
    "input",
    "select",
    "textarea",
    "button",
    "details",
    "marquee",
    "portal",
    "xmp",
    "plaintext",
    "math",
    "svg",
}
# What the project's templates themselves put into article content (Markdown output).
TEMPLATE_TAGS = {
    "p",
    "a",
    "strong",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "mark",
    "div",
    "hr",
    "code",
    "br",
    # the charts the templates draw (templates/_charts.md.j2, templates/site/_figures.md.j2);
    # script inside them and event handlers on them are still found below
    "figure",
    "figcaption",
    "svg",
    "rect",
}
TEMPLATE_ATTRIBUTES = {"class", "id", "title", "href", "rel", "name"} | {
    "viewBox",
    "preserveAspectRatio",
    "role",
    "aria-label",
    "width",
    "height",
    "x",
    "y",
}


def parse_html(text: str):  # type: ignore[no-untyped-def]
    """The document tree a browser builds from `text`."""
    return html5lib.parse(text, namespaceHTMLElements=False)


def parse_fragment(text: str):  # type: ignore[no-untyped-def]
    """The tree a browser builds for `text` assigned to `innerHTML` of a div."""
    return html5lib.parseFragment(text, container="div", namespaceHTMLElements=False)


def _tag(element) -> str:  # type: ignore[no-untyped-def]
    tag = element.tag
    if not isinstance(tag, str):  # comments
        return ""
    for ns in (SVG, MATHML):
        if tag.startswith(ns):
            return tag[len(ns) :]
    return tag


def _squeeze(value: str) -> str:
    """A URL as a browser reads its scheme: controls and whitespace inside are ignored."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def _normalise_script(element) -> str:  # type: ignore[no-untyped-def]
    """A theme script with the relative path to the site root taken out."""
    src = re.sub(r"^(?:\.\./)*/?", "", element.get("src", ""))
    text = element.text or ""
    text = re.sub(r'URL\("[./]*",location\)', "URL(ROOT,location)", text)
    text = re.sub(r'"base": "[./]*"', '"base": ROOT', text)
    text = re.sub(r'(?<=")(?:\.\./)*/?(?=assets/)', "", text)
    return f"{src}|{element.get('type', '')}|{text}"


@dataclass
class Skeleton:
    """The vocabulary of pages built from harmless articles: what the theme and templates make.

    Markup in a hostile site that is not in this vocabulary came from an article.
    """

    scripts: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    content_tags: set[str] = field(default_factory=lambda: set(TEMPLATE_TAGS))
    content_attributes: set[str] = field(default_factory=lambda: set(TEMPLATE_ATTRIBUTES))

    @classmethod
    def from_pages(cls, pages: Iterable[str]) -> Skeleton:
        """The vocabulary of `pages` (built from harmless articles, or the user's own pages)."""
        skeleton = cls()
        for text in pages:
            document = parse_html(text)
            content = content_root(document)
            for element in document.iter():
                tag = _tag(element)
                if not tag:
                    continue
                skeleton.tags.add(tag)
                skeleton.attributes.update(element.attrib)
                if tag == "script":
                    skeleton.scripts.add(_normalise_script(element))
            for element in content.iter() if content is not None else ():
                if _tag(element):
                    skeleton.content_tags.add(_tag(element))
                    skeleton.content_attributes.update(element.attrib)
        return skeleton


DANGEROUS_STYLE = re.compile(
    r"expression\s*\(|javascript:|vbscript:|behaviou?r\s*:|url\s*\(|@import", re.I
)


def active_markup(root, skeleton: Skeleton | None = None, content_only: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """Every element, attribute or URL under `root` that could run script or load content.

    With a skeleton, the vocabulary of harmless pages is allowed (inside the article content
    only what harmless content has); without one, only what the templates' Markdown produces.
    """
    if skeleton is None:
        allowed_tags, allowed_attributes = TEMPLATE_TAGS, TEMPLATE_ATTRIBUTES
    elif content_only:
        allowed_tags, allowed_attributes = skeleton.content_tags, skeleton.content_attributes
    else:
        allowed_tags, allowed_attributes = skeleton.tags, skeleton.attributes
    found: list[str] = []
    for element in root.iter():
        tag = _tag(element)
        if not tag or element is root:
            continue
        where = f"<{tag}>"
        if tag == "script":
            if skeleton is None or _normalise_script(element) not in skeleton.scripts:
                found.append(
                    f"script element not from the theme: {_normalise_script(element)[:120]!r}"
                )
        elif tag in ACTIVE_ELEMENTS and tag not in allowed_tags:
            found.append(f"{where} element")
        elif tag not in allowed_tags and tag != "html":
            found.append(f"{where} element not produced by the templates or the theme")
        for name, value in element.attrib.items():
            plain = name.rsplit("}", 1)[-1].lower()
            if plain.startswith("on"):
                found.append(f"{where} event handler {name}={value[:80]!r}")
            elif name.lower() in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(_squeeze(value)):
                found.append(f"{where} {name}={value[:80]!r}")
            elif plain == "srcdoc" or (plain == "style" and DANGEROUS_STYLE.search(value)):
                found.append(f"{where} {name} attribute {value[:80]!r}")
            elif name not in allowed_attributes:
                found.append(f"{where} attribute {name}={value[:80]!r} not from the templates")
            if tag == "meta" and plain == "http-equiv":
                found.append(f"{where} http-equiv={value!r}")
    return found


def content_root(document):  # type: ignore[no-untyped-def]
    """The article element of a Material page (its Markdown content), or None."""
    for element in document.iter("article"):
        if "md-content__inner" in element.get("class", ""):
            return element
    return None


def page_problems(text: str, skeleton: Skeleton) -> list[str]:
    """Active markup anywhere in a built page, judged against the theme's skeleton."""
    document = parse_html(text)
    problems = active_markup(document, skeleton)
    content = content_root(document)
    if content is not None:
        problems += [f"in content: {p}" for p in active_markup(content, skeleton, True)]
    titles = list(document.iter("title"))
    if len(titles) != 1 or len(titles[0]):
        problems.append("the <title> element was broken out of")
    return problems


def fragment_problems(text: str, skeleton: Skeleton | None = None) -> list[str]:
    """Active markup in an HTML fragment (a search-index entry, a feed item)."""
    return active_markup(parse_fragment(text), skeleton, content_only=True)


def xml_text_problems(text: str) -> list[str]:
    """Active markup in any text or attribute of an XML file (feeds render text as HTML)."""
    root = ET.fromstring(text)
    problems = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        urls = [v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] in ("url", "href")]
        if tag in FEED_URL_ELEMENTS:
            urls.append(element.text or "")
        for value in [element.text or "", *element.attrib.values()]:
            problems += fragment_problems(value)
        problems += [f"<{tag}> URL {u[:80]!r}" for u in urls if DANGEROUS_SCHEME.match(_squeeze(u))]
    return problems


FEED_URL_ELEMENTS = {"link", "guid", "comments", "docs", "loc", "id", "icon", "logo"}
"""RSS, Atom and sitemap elements whose text is a URL."""


def visible_text(text: str) -> str:
    """The text content of a page's article element, whitespace collapsed."""
    document = parse_html(text)
    content = content_root(document)
    node = content if content is not None else document
    return " ".join("".join(node.itertext()).split())
