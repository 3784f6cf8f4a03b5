"""Check a gold annotation file of the real-news gold standard (see gold/README.md).

    python gold/check_gold.py gold/realnews/<page>.yaml [--pages ../shared/realnews/html]

Validates the schema and vocabularies and that every quoted string occurs in the page's visible
text (after the normalisation the scorer uses). Prints one line per problem; exit 1 if any
error, warnings (strings that occur more than once) do not fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import re
import sys
from pathlib import Path

import lxml.html
import yaml

GENRES = {"news", "opinion", "analysis", "review", "fact-check", "live", "press-release", "feature"}
JUNK_KINDS = {
    "headline",
    "dek",
    "byline",
    "dateline",
    "caption",
    "credit",
    "related",
    "prompt",
    "contributor",
    "enumerator",
    "ad",
    "other",
}
ACTOR_TYPES = {"person", "organization", "place"}
QUOTE_KINDS = {"direct", "partial", "indirect"}
POLARITY = {"affirmative", "negative"}
ACTS = {"speech", "belief"}
FIGURE_STATUS = {"fact", "plan", "target", "estimate", "claim", "forecast"}
TIMELINE_STATUS = {"reported", "planned"}
ANCHORED = {"publication", "text", "absolute"}
CAVEAT_KINDS = {
    "sourcing",
    "one-sided",
    "relayed",
    "headline",
    "inconsistency",
    "genre",
    "speculation",
    "metadata",
}
LEVELS = {"must", "may"}
SUMMARY_ROLES = {
    "main",
    "who",
    "figure",
    "response",
    "thesis",
    "verdict",
    "claim",
    "evidence",
    "latest",
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?|-W\d{2}|-Q[1-4]|-(SP|SU|FA|WI))?$")

_SAME = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u00ad": "",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The matching form of a text: case, spaces, quotes and dashes folded."""
    return _SPACE.sub(" ", text.translate(_SAME)).strip().casefold()


def page_text(path: Path) -> str:
    """Visible text of a saved page (scripts and styles dropped), normalised."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        raw.decode("utf-8")
        # a page without a charset declaration is otherwise read as Latin-1
        root = lxml.html.fromstring(raw, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except UnicodeDecodeError:
        root = lxml.html.fromstring(raw)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    parts = [t for t in root.itertext()]
    return normalise(" ".join(parts))


def parts_of(content: str) -> list[str]:
    """The pieces of an abbreviated span 'first words … last words'."""
    return [p for p in (normalise(x) for x in content.split(" \u2026 ")) if p]


class Checker:
    def __init__(self, text: str, label: str) -> None:
        self.text = text
        self.label = label
        self.errors = 0
        self.warnings = 0

    def error(self, where: str, message: str) -> None:
        self.errors += 1
        print(f"{self.label}: {where}: error: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings += 1
        print(f"{self.label}: {where}: warning: {message}")

    def string(self, where: str, value: object, unique: bool = True) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value.strip():
            self.error(where, f"expected a non-empty string, got {value!r}")
            return
        for part in parts_of(value):
            n = self.text.count(part)
            if n == 0:
                self.error(where, f"not found in the page text: {part!r}")
            elif n > 1 and unique:
                self.warn(where, f"occurs {n} times; lengthen it: {part!r}")

    def choice(self, where: str, value: object, allowed: set[str], null: bool = False) -> None:
        if value is None and null:
            return
        if value not in allowed:
            self.error(where, f"{value!r} is not one of {sorted(allowed)}")

    def date(self, where: str, value: object, null: bool = True) -> None:
        if value is None and null:
            return
        if isinstance(value, dt.date):
            return
        if not isinstance(value, str) or not DATE_RE.match(value):
            self.error(where, f"not a date value: {value!r}")


def check(path: Path, pages: Path) -> Checker:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = data.get("page") if isinstance(data, dict) else None
    html = pages / f"{page}.html.gz"
    if not isinstance(page, str) or not html.exists():
        print(f"{path}: error: 'page' must name a file in {pages} (got {page!r})")
        c = Checker("", str(path))
        c.errors += 1
        return c
    c = Checker(page_text(html), str(path))
    if path.stem != page:
        c.error("page", f"file is named {path.stem!r} but page is {page!r}")
    if not data.get("annotator"):
        c.error("annotator", "missing")
    if not isinstance(data.get("is_article"), bool):
        c.error("is_article", "must be true or false")
    meta = data.get("metadata") or {}
    if not isinstance(meta.get("authors"), list):
        c.error("metadata.authors", "must be a list (possibly empty)")
    c.date("metadata.published", meta.get("published"))
    c.date("metadata.modified", meta.get("modified"))
    if data.get("is_article") is False:
        return c
    c.choice("genre", data.get("genre"), GENRES)
    body = data.get("body") or {}
    c.string("body.first", body.get("first"))
    c.string("body.last", body.get("last"))
    for i, j in enumerate(data.get("junk") or []):
        c.string(f"junk[{i}].text", j.get("text"), unique=False)
        c.choice(f"junk[{i}].kind", j.get("kind"), JUNK_KINDS)
    names: set[str] = set()
    for i, a in enumerate(data.get("actors") or []):
        w = f"actors[{i}] {a.get('name')!r}"
        c.choice(f"{w}.type", a.get("type"), ACTOR_TYPES)
        if a.get("name") in names:
            c.error(w, "duplicate actor name")
        names.add(a.get("name"))
        if not isinstance(a.get("aliases", []), list) or not isinstance(a.get("roles", []), list):
            c.error(w, "aliases and roles must be lists")
        forms = [a.get("name")] + list(a.get("aliases") or [])
        if not any(isinstance(f, str) and normalise(f) in c.text for f in forms):
            c.error(w, "neither the name nor an alias occurs in the page text")
        for f in a.get("aliases") or []:
            c.string(f"{w}.aliases", f, unique=False)
    for i, q in enumerate(data.get("quotes") or []):
        w = f"quotes[{i}]"
        if q.get("speaker") is not None and q.get("speaker") not in names:
            c.error(w, f"speaker {q.get('speaker')!r} is not an actor name")
        c.string(f"{w}.speaker_text", q.get("speaker_text"), unique=False)
        c.string(f"{w}.content", q.get("content"))
        c.string(f"{w}.cue", q.get("cue"), unique=False)
        c.choice(f"{w}.kind", q.get("kind"), QUOTE_KINDS)
        c.choice(f"{w}.polarity", q.get("polarity"), POLARITY)
        c.choice(f"{w}.act", q.get("act"), ACTS)
    for i, f in enumerate(data.get("figures") or []):
        w = f"figures[{i}] {f.get('text')!r}"
        c.string(f"{w}.text", f.get("text"), unique=False)
        if not isinstance(f.get("value"), (int, float)):
            c.error(w, f"value must be a number, got {f.get('value')!r}")
        if f.get("owner") not in names and f.get("owner") != "reporter":
            c.error(w, f"owner {f.get('owner')!r} is neither 'reporter' nor an actor name")
        c.choice(f"{w}.status", f.get("status"), FIGURE_STATUS)
        if not f.get("measures"):
            c.error(w, "measures is missing")
    for i, t in enumerate(data.get("timeline") or []):
        w = f"timeline[{i}] {t.get('when')!r}"
        c.string(f"{w}.when", t.get("when"), unique=False)
        c.date(f"{w}.date", t.get("date"))
        if t.get("date") is not None:
            c.choice(f"{w}.anchored_on", t.get("anchored_on"), ANCHORED)
            if t.get("anchored_on") == "text":
                c.string(f"{w}.anchor_text", t.get("anchor_text"), unique=False)
            c.choice(f"{w}.status", t.get("status"), TIMELINE_STATUS)
            c.choice(f"{w}.polarity", t.get("polarity"), POLARITY)
            c.string(f"{w}.verb", t.get("verb"), unique=False)
    for i, k in enumerate(data.get("caveats") or []):
        w = f"caveats[{i}]"
        c.choice(f"{w}.kind", k.get("kind"), CAVEAT_KINDS)
        c.string(f"{w}.anchor", k.get("anchor"))
        c.choice(f"{w}.level", k.get("level"), LEVELS)
        if not k.get("note"):
            c.error(w, "note is missing")
    summary = data.get("summary") or []
    if not 3 <= len(summary) <= 5:
        c.error("summary", f"expected 3-5 facts, got {len(summary)}")
    for i, s in enumerate(summary):
        w = f"summary[{i}]"
        c.string(f"{w}.anchor", s.get("anchor"))
        c.choice(f"{w}.role", s.get("role"), SUMMARY_ROLES)
        for kw in s.get("keywords") or []:
            c.string(f"{w}.keywords", kw, unique=False)
    return c


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "realnews" / "html"
    parser.add_argument("--pages", type=Path, default=default)
    args = parser.parse_args()
    errors = 0
    for path in args.files:
        c = check(path, args.pages)
        errors += c.errors
        print(f"{path}: {c.errors} error(s), {c.warnings} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
