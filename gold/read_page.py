"""Print a saved page for a human annotator: its metadata, then its text blocks in order.

    python gold/read_page.py ../shared/realnews/html/<page>.html.gz [--meta-only]

Independent of news-dossier's own extraction, so annotating with it does not look at the
tool's output: <title>, <meta> tags (og:, article:, author, date, section), JSON-LD blocks,
then every block element (headings, paragraphs, list items, captions, quotes) with its tag,
so headlines, captions and link lists are visible as what they are.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import lxml.html

BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "figcaption",
    "blockquote",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "caption",
}
_SPACE = re.compile(r"\s+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("--meta-only", action="store_true")
    args = parser.parse_args()
    raw = args.page.read_bytes()
    if args.page.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        raw.decode("utf-8")
        root = lxml.html.fromstring(raw, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except UnicodeDecodeError:
        root = lxml.html.fromstring(raw)
    title = root.findtext(".//title")
    print(f"<title> {_SPACE.sub(' ', title or '').strip()}")
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key and re.search(
            r"og:|article:|author|date|section|byline|publish|modified|keywords|type|genre|dc\.",
            key,
            re.I,
        ):
            print(f"<meta {key}> {meta.get('content')}")
    for script in root.xpath('//script[@type="application/ld+json"]'):
        text = script.text_content().strip()
        try:
            text = json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
        print(f"<ld+json> {text[:3000]}")
    if args.meta_only:
        return
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    print("=" * 70)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCKS:
            continue
        # print a block only when it has no block children (leaf blocks), to avoid repeats
        if any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el.iterdescendants()):
            continue
        text = _SPACE.sub(" ", el.text_content()).strip()
        if text:
            cls = el.get("class") or ""
            print(f"[{el.tag}{' .' + cls.split()[0] if cls.strip() else ''}] {text}")


if __name__ == "__main__":
    main()
