"""Names in the name column of results tables: standings rows and score lines.

Sports and results pages set competitors in tables, one line per row: a standings row is a
name followed only by figures ('Cobham Rovers 4 3 1 0 7 4 10', 'DENVER 71 61 .538 12'), a
score line two names each followed by a score ('Cobham Rovers 2 Elmstead 1'). A line shaped
like that has no sentence for a tagger to read, and the tagger misses or cuts most of its
names; but the layout itself says where the name is: everything before the figures, qualifier
in brackets included ('Elmstead (B)', as tables tell two clubs of one name apart).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.extract.common import doc_text

FIELD = re.compile(r"[-+]?\d+(?:[.,:/]\d+)*|[-+]?\.\d+|-")
"""One cell of figures: a count, a score, a percentage as a decimal, a fraction, or '-' (nil)."""
SCORE_CELL = re.compile(r"\d{1,3}")
WORD = re.compile(r"[A-Z][A-Za-z'’.&-]*")
"""A capitalised word of a name (no digits)."""
QUALIFIER = re.compile(r"\([A-Z]{1,3}\)")
"""A bracketed initial after a club's name that tells it from another of the same name."""
LINKS = frozenset("of and & de del la le van von der den da di du do dos el al".split())
"""Lowercase words that may stand inside a name in a table."""
MAX_WORDS = 5
SEPARATORS = frozenset({"v", "v.", "vs", "vs.", "versus", "at"})
"""Words between the two sides of a fixture ('Elmstead v Norland', 'Elmstead at Norland')."""


@dataclass(frozen=True)
class Table:
    """Consecutive rows of one table: the name cells, in order."""

    cells: tuple[Span, ...]
    venues: tuple[Span, ...] = ()
    """Places where a fixture is played: the name after 'at' in 'Elmstead at Norland'."""


def _cell_end(words: list[re.Match[str]], start: int) -> int:
    """Index after the last word of a name cell starting at `start` (== start: no cell)."""
    i = start
    while i < len(words) and i - start < MAX_WORDS:
        text = words[i].group()
        if text.lower() in SEPARATORS:
            break
        if WORD.fullmatch(text) is not None:
            i += 1
        elif text in LINKS and i > start:
            i += 1
        elif QUALIFIER.fullmatch(text) is not None and i > start:
            i += 1
            break  # the qualifier closes the cell
        else:
            break
    while i > start and words[i - 1].group() in LINKS:
        i -= 1  # a cell does not end in 'of'
    return i


def _row_cells(line: str) -> list[tuple[int, int, bool]] | None:
    """Character ranges (within the line) of the name cells of a standings row, a score line or
    a fixture line, each marked True when it names the venue ('Elmstead at Norland': the first
    side plays at the ground of the second, in its town)."""
    words = list(re.finditer(r"\S+", line))
    end = _cell_end(words, 0)
    if end == 0 or end == len(words):
        return None
    first = (words[0].start(), words[end - 1].end(), False)
    rest = [w.group() for w in words[end:]]
    if rest[0].lower() in SEPARATORS:
        second_end = _cell_end(words, end + 1)
        if second_end == end + 1 or second_end != len(words):
            return None
        second = (words[end + 1].start(), words[-1].end(), rest[0].lower() == "at")
        return [first, second]
    if all(FIELD.fullmatch(f) is not None for f in rest):
        digits = sum(1 for f in rest if any(c.isdigit() for c in f))
        return [first] if digits >= 2 else None
    # 'Cobham Rovers 2 Elmstead 1': a name, its score, the other name, its score
    if SCORE_CELL.fullmatch(rest[0]) is None:
        return None
    second_start = end + 1
    second_end = _cell_end(words, second_start)
    if (
        second_end == second_start
        or second_end != len(words) - 1
        or SCORE_CELL.fullmatch(words[-1].group()) is None
    ):
        return None
    return [first, (words[second_start].start(), words[second_end - 1].end(), False)]


def tables(doc: Doc) -> list[Table]:
    """The tables of the document whose rows open with names: runs of rows a line or two apart
    (a division heading may stand between), where most name cells are proper nouns to the
    tagger or set in capitals (a table of figures opening with 'Sales' or 'Net' is no table of
    names)."""
    text = doc_text(doc)
    groups: list[list[tuple[Span, bool]]] = []
    last_row = -10
    pos = 0
    for n, line in enumerate(text.split("\n")):
        ranges = _row_cells(line)
        spans = []
        for a, b, venue in ranges or []:
            span = doc.char_span(pos + a, pos + b)
            if span is not None:
                spans.append((span, venue))
        if spans:
            if n - last_row > 2 or not groups:
                groups.append([])
            groups[-1].extend(spans)
            last_row = n
        pos += len(line) + 1
    found = []
    for group in groups:
        proper = sum(1 for c, _ in group if _proper(c))
        if proper * 2 > len(group):
            found.append(
                Table(
                    cells=tuple(c for c, venue in group if not venue),
                    venues=tuple(c for c, venue in group if venue),
                )
            )
    return found


def _proper(cell: Span) -> bool:
    letters = [c for c in cell.text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    return all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in LINKS for t in cell)
