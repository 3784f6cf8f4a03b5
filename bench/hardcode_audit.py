"""Audit: names and phrases of the real-news pages, the corpora or the seed found in the code.

    .venv/bin/python bench/hardcode_audit.py --shared ../shared            # report and counts
    .venv/bin/python bench/hardcode_audit.py --shared ../shared --rare 0   # counts only

The project's standard: nothing hard-coded to the seed, the real-news pages or the evaluation
data; comments, docstrings and tests use invented names and texts. This tool reads the texts
those come from -- the saved pages (`realnews/html/*.html.gz`, tags stripped, plus
`realnews/expected/*.txt` and the string fields of `realnews/meta/*.json`), every string of
the corpora (`eval/*/*.jsonl`) and the articles in `seeds/` -- and reports, with file:line,
what the code under generator/, tests/, templates/ and bench/ shares with them (in `.py`
files only comments and string literals are read, not identifiers):

- `name`: a run of 2+ capitalised words (inner "of", "the", "de"... allowed) that occurs,
  with the same capitals, in the texts ("Lakeside Power");
- `name1`: a single capitalised word (3+ letters) that occurs capitalised in the texts and
  never in lower case there, i.e. a proper name and not a common word at the start of a
  sentence ("Varna"); weekday and month names are left out;
- `literal`: a string literal in generator/ of 3+ words that occurs in the texts word for
  word (case ignored), e.g. an entry of a rule's word list;
- `run`: 6+ consecutive words of a comment, docstring or string (case ignored) that occur
  in the texts: a copied sentence.

Each hit gives its document frequency `df` (in how many documents of the texts it occurs)
and where (`realnews`, `seed`, or the corpus file). A phrase found in many documents is
general vocabulary or a well-known entity (a country, "Prime Minister"); one found in one or
two documents is specific to them and should not be in the code: `--rare N` (default 2) lists
the hits with df <= N first and counts them apart. Only the longest hit of a line is kept when
hits overlap. This tool needs the shared data and is not run by the tests.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
import sys
import tokenize
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCOPE = ("generator", "tests", "templates", "bench", "docs")
SUFFIXES = {".py", ".j2", ".md", ".html", ".js", ".css", ".txt", ".json", ".yml", ".yaml"}

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-.&][A-Za-z0-9]+)*")
POSSESSIVE = re.compile(r"['’]s$")
# Lower-case words allowed inside a run of capitalised words ("Bank of the North").
CONNECTORS = {"of", "the", "de", "del", "der", "da", "du", "van", "von", "la", "le", "al", "and"}
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}  # fmt: skip
RUN = 6


@dataclass
class Texts:
    """The documents the code must not copy from, as token lists, with their origin."""

    docs: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def add(self, origin: str, key: str, text: str) -> None:
        """`key` names the document: a page's HTML, expected text and metadata are one."""
        self.docs.append((origin, key, tokens(text)))


class _Strip(HTMLParser):
    """Plain tag strip: the text of a page outside script, style and template elements."""

    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:
            if name in ("alt", "title", "content") and value:
                self.parts.append("\n" + value + "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def strip_tags(markup: str) -> str:
    parser = _Strip()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


def tokens(text: str) -> list[str]:
    return [POSSESSIVE.sub("", m.group()) for m in TOKEN.finditer(text)]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def load_texts(shared: Path, seeds: Path) -> Texts:
    texts = Texts()
    realnews = shared / "realnews"
    for path in sorted((realnews / "html").glob("*.html.gz")):
        markup = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        texts.add("realnews", _page(path), strip_tags(markup))
    for path in sorted((realnews / "expected").glob("*.txt")):
        texts.add("realnews", _page(path), path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((realnews / "meta").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.add("realnews", _page(path), "\n".join(_strings(data)))
    for path in sorted((shared / "eval").glob("*/*.jsonl")):
        origin = f"{path.parent.name}/{path.name}"
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if line.strip():
                    texts.add(origin, f"{origin}:{number}", "\n".join(_strings(json.loads(line))))
    for path in sorted(seeds.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            text = data.decode("utf-8", errors="replace")
            texts.add("seed", path.name, strip_tags(text) if ".htm" in path.name else text)
    return texts


def _page(path: Path) -> str:
    return path.name.split(".")[0]


# --- what the code says -------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of prose in the code: a comment, a string literal or a line of a template."""

    path: str
    line: int
    text: str
    literal: bool  # a string literal of a .py file (not a comment)


def _python_segments(rel: str, source: str) -> Iterator[Segment]:
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        yield from _line_segments(rel, source)
        return
    kinds = {tokenize.COMMENT, tokenize.STRING}
    fstring_middle = getattr(tokenize, "FSTRING_MIDDLE", None)
    if fstring_middle is not None:
        kinds.add(fstring_middle)
    for tok in toks:
        if tok.type in kinds:
            literal = tok.type != tokenize.COMMENT
            for offset, part in enumerate(tok.string.split("\n")):
                yield Segment(rel, tok.start[0] + offset, part, literal)


def _line_segments(rel: str, source: str) -> Iterator[Segment]:
    for number, line in enumerate(source.split("\n"), 1):
        yield Segment(rel, number, line, False)


def code_segments(root: Path) -> Iterator[Segment]:
    me = Path(__file__).resolve()
    for top in SCOPE:
        for path in sorted((root / top).rglob("*")):
            if not path.is_file() or path.suffix not in SUFFIXES or path.resolve() == me:
                continue
            rel = path.relative_to(root).as_posix()
            source = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".py":
                yield from _python_segments(rel, source)
            else:
                yield from _line_segments(rel, source)


def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def name_runs(text: str) -> Iterator[tuple[str, ...]]:
    """Runs of capitalised words separated by blanks only, inner connectors allowed."""
    run: list[str] = []
    last_end = -1
    for m in TOKEN.finditer(text):
        word = POSSESSIVE.sub("", m.group())
        joined = last_end >= 0 and text[last_end : m.start()].strip() == "" and bool(run)
        if _capitalised(word) or (joined and word in CONNECTORS):
            if not joined:
                yield from _spans(run)
                run = []
            run.append(word)
        else:
            yield from _spans(run)
            run = []
        last_end = m.end() if POSSESSIVE.search(m.group()) is None else -1
    yield from _spans(run)


def _spans(run: list[str]) -> Iterator[tuple[str, ...]]:
    """Every sub-run that starts and ends with a capitalised word (single words included)."""
    for i, first in enumerate(run):
        if not _capitalised(first):
            continue
        for j in range(i, len(run)):
            if _capitalised(run[j]):
                yield tuple(run[i : j + 1])


@dataclass
class Candidate:
    kind: str
    words: tuple[str, ...]
    where: list[tuple[str, int]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    origins: set[str] = field(default_factory=set)


def collect(
    root: Path,
) -> tuple[dict[tuple[str, ...], Candidate], dict[tuple[str, ...], Candidate]]:
    """Candidates from the code: case-sensitive ones (names) and lower-cased ones."""
    exact: dict[tuple[str, ...], Candidate] = {}
    folded: dict[tuple[str, ...], Candidate] = {}

    def note(table: dict[tuple[str, ...], Candidate], kind: str, words: tuple[str, ...],
             seg: Segment) -> None:  # fmt: skip
        key = (kind, *words) if kind == "literal" else words
        cand = table.setdefault(key, Candidate(kind, words))
        if (seg.path, seg.line) not in cand.where:
            cand.where.append((seg.path, seg.line))

    for seg in code_segments(root):
        for words in name_runs(seg.text):
            if len(words) > 1:
                note(exact, "name", words, seg)
            elif _letters(words[0]) >= 3 and words[0].lower() not in CALENDAR:
                note(exact, "name1", words, seg)
        low = tuple(w.lower() for w in tokens(seg.text))
        for i in range(len(low) - RUN + 1):
            note(folded, "run", low[i : i + RUN], seg)
        if seg.literal and seg.path.startswith("generator/"):
            body = re.sub(r"^[rRbBuUfF]*('''|\"\"\"|'|\")|('''|\"\"\"|'|\")$", "", seg.text)
            if 3 <= len(low) and len(tokens(body)) >= 3:
                note(folded, "literal", tuple(w.lower() for w in tokens(body)), seg)
    return exact, folded


def scan(texts: Texts, exact: dict[tuple[str, ...], Candidate],
         folded: dict[tuple[str, ...], Candidate]) -> set[str]:  # fmt: skip
    """Count in how many documents each candidate occurs; return the words seen lower-cased."""
    # Index by the first two words (names) or three words (lower-cased phrases).
    by_head: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for cand in exact.values():
        by_head[cand.words[:2]].append(cand)
    folded_head: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for cand in folded.values():
        folded_head[cand.words[:3]].append(cand)
    singles = {c.words[0].lower() for c in exact.values() if c.kind == "name1"}
    lower_seen: set[str] = set()
    for origin, key, toks in texts.docs:
        low = [t.lower() for t in toks]
        found: set[int] = set()
        for i, tok in enumerate(toks):
            if tok in singles and tok.islower():
                lower_seen.add(tok)
            matches = [*by_head.get((tok,), ()), *by_head.get(tuple(toks[i : i + 2]), ())]
            matches += folded_head.get(tuple(low[i : i + 3]), ())
            for cand in matches:
                words = low if cand.kind in ("run", "literal") else toks
                if id(cand) not in found and tuple(words[i : i + len(cand.words)]) == cand.words:
                    found.add(id(cand))
                    cand.keys.add(key)
                    cand.origins.add(origin)
    return lower_seen


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    kind: str
    phrase: str
    docs: int
    origins: str


def hits(exact: dict[tuple[str, ...], Candidate], folded: dict[tuple[str, ...], Candidate],
         lower_seen: set[str]) -> list[Hit]:  # fmt: skip
    raw: list[Hit] = []
    for cand in [*exact.values(), *folded.values()]:
        if not cand.keys:
            continue
        if cand.kind == "name1" and cand.words[0].lower() in lower_seen:
            continue
        origins = ",".join(sorted(cand.origins))
        for path, line in cand.where:
            raw.append(Hit(path, line, cand.kind, " ".join(cand.words), len(cand.keys), origins))
    # Keep the longest of overlapping hits on a line: runs merge into one per line.
    by_line: dict[tuple[str, int], list[Hit]] = defaultdict(list)
    for hit in raw:
        by_line[(hit.path, hit.line)].append(hit)
    kept: list[Hit] = []
    for line_hits in by_line.values():
        line_hits.sort(key=lambda h: -len(h.phrase))
        chosen: list[Hit] = []
        for hit in line_hits:
            if hit.kind == "run" and any(c.kind == "run" for c in chosen):
                continue
            if any(_inside(hit.phrase, c.phrase) for c in chosen):
                continue
            chosen.append(hit)
        kept.extend(chosen)
    return sorted(kept, key=lambda h: (h.path, h.line, h.kind, h.phrase))


def _inside(small: str, big: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(small.lower())}(?!\w)", big.lower()) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (default: this one)")
    parser.add_argument("--rare", type=int, default=2, help="df at most this counts as rare")
    parser.add_argument("--all", action="store_true", help="list the frequent hits too")
    args = parser.parse_args(argv)
    root: Path = args.root
    texts = load_texts(args.shared, root / "seeds")
    exact, folded = collect(root)
    found = hits(exact, folded, scan(texts, exact, folded))
    rare = [h for h in found if h.docs <= args.rare]
    for hit in rare + ([h for h in found if h.docs > args.rare] if args.all else []):
        print(f"{hit.path}:{hit.line}: {hit.kind} {hit.phrase!r} df={hit.docs} [{hit.origins}]")
    kinds = ("name", "name1", "literal", "run")
    print(f"documents read: {len({key for _, key, _ in texts.docs})}")
    print("hits (all):      " + ", ".join(f"{k}={sum(h.kind == k for h in found)}" for k in kinds))
    print(
        f"hits (df<={args.rare}):    "
        + ", ".join(f"{k}={sum(h.kind == k for h in rare)}" for k in kinds)
    )
    pages = [h for h in rare if {"realnews", "seed"} & set(h.origins.split(","))]
    print(f"total: {len(found)}, rare: {len(rare)}, rare from the pages or the seed: {len(pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
