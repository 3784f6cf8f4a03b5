"""Names in the name column of results tables: standings rows and score lines.

Sports and results pages set competitors in tables, one line per row: a standings row is a
name followed only by figures ('Cobham Rovers 5 2 2 1 9 6 8', 'NORLAND 70 58 .547 9'), a
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
    people: bool = False
    """Scorecards and line-ups: every name in them is a player's."""
    teams: bool = False
    """The teams or makes of a results list ('1. Ann Lee (Avalon) Hexley Motors 4:21.30')."""


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


NAME = r"[A-Z][\w'’.-]*(?:[ ](?:(?:van|von|der|den|de|da|del|du|la|le)[ ])*[A-Z][\w'’.-]*)*"
"""A player's name in a scorecard: initials and capitalised words ('A. de Silva', 'Ata-ur-Rehman')."""
BATTING = re.compile(
    rf"^(?P<bat>{NAME})[ ]+(?:(?:c[ ]+(?:and|(?P<c>{NAME}))[ ]+|st[ ]+(?P<st>{NAME})[ ]+|lbw[ ]+)?"
    rf"b[ ]+(?P<b>{NAME})|run[ ]out|not[ ]out|retired[ ]hurt)[ ]+\d+[ ]*$",
    re.MULTILINE,
)
"""A batting row of a cricket scorecard: the batsman, how he was out (caught by, stumped by,
bowled by), his runs ('A. Lee c Bell b Li 44', 'J. Bell not out 12')."""
BOWLING = re.compile(rf"(?<![\w.])(?P<name>(?:de[ ])?{NAME})\s+\d+(?:\.\d)?-\d+-\d+-\d+")
"""A bowler's figures: overs, maidens, runs, wickets ('Li 10-0-41-2')."""
BOWLING_LIST = re.compile(r"^Bowling:[^\n]*(?:\n[^\n:]*\d+-\d+-\d+-\d+[^\n]*)*", re.MULTILINE)
SCORER = re.compile(
    rf"(?<![\w.'’-])(?P<name>{NAME})(?:[ ]\((?:\d{{1,3}}(?:st|nd|rd|th)\b|captain\))"
    rf"|[ ]\d{{1,3}}(?:st|nd|rd|th)[ ]min)"
)
"""A scorer and the minute of the goal ('Ann Lee (39th minute)', 'Bo Li 81st minute'), or a
captain marked in a line-up ('Ann Lee (captain)')."""
POSITION = re.compile(rf"(?:^|[-,;:)][ ])\d{{1,2}}[ ]-[ ](?P<name>{NAME})", re.MULTILINE)
"""A player after the number of the position in a line-up ('15 - Ann Lee, 14 - Bo Li')."""
REPLACEMENT = re.compile(rf"\((?P<name>{NAME}),[ ]\d{{1,3}}(?:[ ]mins?)?\)")
"""A replacement and the minute he came on, in brackets after the player replaced ('(Bo Li, 70)')."""
RESULT_TEAM = re.compile(
    rf"^\d{{1,3}}[.=]?[ ]+{NAME}[ ]\([A-Z][\w. ]*\),?[ ]+(?P<team>{NAME}),?(?:[ ]+(?:\d|same|all)|$)",
    re.MULTILINE,
)
"""A results row: rank, competitor, nation in brackets, then the team or make the competitor
rides or drives for, then the result ('3. Ann Lee (Avalon) Hexley Motors 4:21.30')."""
DID_NOT_BAT = re.compile(rf"^Did not bat:[ ]+(?P<names>{NAME}(?:,[ ]+{NAME})*)", re.MULTILINE)


def _players(doc: Doc) -> list[Span]:
    """The players named in the document's scorecards and line-ups: batsmen, fielders and
    bowlers of a cricket scorecard's batting rows and bowling figures and who did not bat;
    scorers with the minute of their goals; the players of a numbered line-up."""
    text = doc_text(doc)
    ranges: list[tuple[int, int]] = []
    for row in BATTING.finditer(text):
        for group in ("bat", "c", "st", "b"):
            if row.group(group) is not None:
                ranges.append(row.span(group))
    for block in BOWLING_LIST.finditer(text):
        for figure in BOWLING.finditer(text, block.start() + len("Bowling:"), block.end()):
            ranges.append(figure.span("name"))
    for line in re.finditer(r"[^\n]+", text):
        positions = list(POSITION.finditer(line.group()))
        if len(positions) >= 3:  # a line-up, not a dated event ('1990 - Ann Lee died')
            found = [*positions, *REPLACEMENT.finditer(line.group())]
            ranges.extend(
                (line.start() + m.start("name"), line.start() + m.end("name")) for m in found
            )
    for scorer in SCORER.finditer(text):
        ranges.append(scorer.span("name"))
    for row in DID_NOT_BAT.finditer(text):
        start = row.start("names")
        for part in re.finditer(NAME, row.group("names")):
            ranges.append((start + part.start(), start + part.end()))
    spans = []
    for a, b in ranges:
        if text[b - 1] == "." and b - a > 2 and text[b - 3] != " ":
            b -= 1  # the full stop closing a list, not an initial's
        span = doc.char_span(a, b)
        if span is not None:
            spans.append(span)
    return spans


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
    players = _players(doc)
    if players:
        found.append(Table(cells=tuple(players), people=True))
    teams = [doc.char_span(*m.span("team")) for m in RESULT_TEAM.finditer(text)]
    team_cells = tuple(t for t in teams if t is not None)
    if team_cells:
        found.append(Table(cells=team_cells, teams=True))
    return found


def _proper(cell: Span) -> bool:
    letters = [c for c in cell.text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    return all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in LINKS for t in cell)
