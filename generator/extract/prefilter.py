"""Where a regex of the time grammar can start: a prefilter that lets the grammar try each rule
only at the words whose first letters can begin one of its matches.

The prefixes are read off the regex's own parse tree, so the filter can only be too generous,
never too strict: trying a rule's regex at the positions the filter lets through finds exactly
the matches a `finditer` over every position finds. A regex that does not start with a word
boundary followed by a letter or digit, or whose start cannot be worked out, gets no filter.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - the modules were renamed in 3.11
    import sre_constants
    import sre_parse

PREFIX = 5
"""Characters of a match's start the filter looks at."""
_MAX_STEPS = 200_000
"""Work allowed for reading one regex's prefixes; beyond it the regex gets no filter."""

WORD_START = re.compile(r"\b\w")
"""Where a word begins: the only places a regex starting with `\\b` and a letter can match."""


def _canonical_char(char: str) -> str:
    """The class of an ASCII character the filter compares: lower case, every digit '0', every
    space ' '."""
    if char.isdigit():
        return "0"
    if char.isspace():
        return " "
    return char.lower()


CANONICAL = str.maketrans({chr(i): _canonical_char(chr(i)) for i in range(128)})
"""`str.translate` table mapping ASCII text to the classes of `_canonical_char` (other
characters are left alone, and a key holding one lets every rule through)."""


class _Unfilterable(Exception):
    """The regex can start somewhere the filter does not model."""


class Prefixes:
    """The canonical starts of a regex's matches: `closed` ones of `PREFIX` characters, and `open`
    shorter ones after which anything may follow (the match may end, or go on in a way not
    modelled)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.closed: set[str] = set()
        self.open: set[str] = set()
        self._steps = 0
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        self._walk(list(parsed.data), "", False, False)

    def _emit_open(self, prefix: str) -> None:
        if not prefix:
            raise _Unfilterable
        self.open.add(prefix)

    def _walk(self, items: list[Any], prefix: str, boundary: bool, after_gap: bool) -> None:
        """Follow every path through `items` until `PREFIX` characters are consumed; before the
        first, note whether the regex asserts a word boundary (`boundary`) or a non-word
        character or the start of the text just before (`after_gap`)."""
        self._steps += 1
        if self._steps > _MAX_STEPS:
            raise _Unfilterable
        if len(prefix) == PREFIX:
            self.closed.add(prefix)
            return
        if not items:
            self._emit_open(prefix)
            return
        (op, av), rest = items[0], items[1:]
        if op is sre_constants.LITERAL:
            self._consume({chr(av)}, rest, prefix, boundary, after_gap)
        elif op is sre_constants.IN:
            chars = _class_chars(av)
            if chars is None:
                self._emit_open(prefix)
            else:
                self._consume(chars, rest, prefix, boundary, after_gap)
        elif op is sre_constants.BRANCH:
            for alternative in av[1]:
                self._walk(list(alternative.data) + rest, prefix, boundary, after_gap)
        elif op is sre_constants.SUBPATTERN:
            self._walk(list(av[-1].data) + rest, prefix, boundary, after_gap)
        elif op in (
            sre_constants.MAX_REPEAT,
            sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT),
        ):
            low, high, sub = av
            if low == 0:
                self._walk(rest, prefix, boundary, after_gap)
            if high != 0:
                again = (
                    op,
                    (max(low - 1, 0), high if high == sre_constants.MAXREPEAT else high - 1, sub),
                )
                self._walk(list(sub.data) + [again] + rest, prefix, boundary, after_gap)
        elif op is getattr(sre_constants, "ATOMIC_GROUP", None):
            self._walk(list(av.data) + rest, prefix, boundary, after_gap)
        elif op is sre_constants.AT:
            at_boundary = not prefix and av is sre_constants.AT_BOUNDARY
            self._walk(rest, prefix, boundary or at_boundary, after_gap)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            # zero width: a filter may ignore it, or learn from it what precedes the match
            gap = not prefix and _after_gap(op is sre_constants.ASSERT, av[0], av[1].data)
            self._walk(rest, prefix, boundary, after_gap or gap)
        else:
            self._emit_open(prefix)

    def _consume(
        self, chars: set[str], rest: list[Any], prefix: str, boundary: bool, after_gap: bool
    ) -> None:
        canonical = set()
        for char in chars:
            if not char.isascii():
                self._emit_open(prefix)
                return
            canonical.add(_canonical_char(char))
        if not prefix:
            first = set()
            for char in canonical:
                if char.isalnum():
                    if not (boundary or after_gap):
                        raise _Unfilterable  # may start inside a word
                    first.add(char)  # a word character after a non-word one: a word start
                elif not (boundary and after_gap):
                    raise _Unfilterable  # may start on a non-word character
                # else: a boundary between two non-word characters cannot be: no match here
            canonical = first
        for char in sorted(canonical):
            self._walk(rest, prefix + char, boundary, after_gap)


def _after_gap(positive: bool, direction: int, items: list[Any]) -> bool:
    """Whether a lookaround at the start of a match asserts that the character before it is no
    word character: a lookbehind ending on spaces or punctuation ('(?<=\\bfor\\s)'), or one
    excluding every word character ('(?<![\\w.])')."""
    if direction != -1 or not items:
        return False
    op, av = items[-1]
    if positive:
        if op is sre_constants.LITERAL:
            return chr(av).isascii() and not (chr(av).isalnum() or chr(av) == "_")
        chars = _class_chars(av) if op is sre_constants.IN else None
        return chars is not None and all(
            c.isascii() and not (c.isalnum() or c == "_") for c in chars
        )
    return (
        len(items) == 1
        and op is sre_constants.IN
        and (sre_constants.CATEGORY, sre_constants.CATEGORY_WORD) in av
        and all(o is not sre_constants.NEGATE for o, _ in av)
    )


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a character class, or None when too many or not modelled."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE and av[1] - av[0] < 64:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            chars.add("0")  # other digits are not ASCII: a key holding one passes every rule
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return chars


def prefixes(pattern: re.Pattern[str]) -> Prefixes | None:
    """The prefixes of a regex that can only match at the start of a word, else None."""
    try:
        return Prefixes(pattern)
    except (_Unfilterable, RecursionError):
        return None


_CASE_ODD = frozenset("\u0130\u0131\u017f")
"""Characters re.I matches to an ASCII letter ('i', 's') whose `str.lower` is not that letter
('İ', 'ı', 'ſ'): a text holding one is searched without the atoms of `required_atoms`."""


def required_atoms(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of the regex contains (in lower case when the regex
    ignores case), or None when the regex's parse tree does not show any: a stretch of text
    holding none of them holds no match. Read off the tree as the prefixes are: the literal
    runs of a sequence, the union over a branch's alternatives, the body of a group or of a
    repeat taken at least once."""
    if pattern.flags & re.VERBOSE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - a compiled pattern parses
        return None
    found = _atoms(list(parsed.data), bool(pattern.flags & re.IGNORECASE))
    return frozenset(found) if found else None


def _atoms(items: list[Any], fold: bool) -> set[str] | None:
    """`required_atoms` of a sequence: the best atom set among its literal runs and its items."""
    best: set[str] | None = None
    run = ""

    def offer(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rank(found) > _rank(best)):
            best = found

    for op, av in items:
        if op is sre_constants.LITERAL:
            run += chr(av).lower() if fold else chr(av)
            continue
        offer({run} if run else None)
        run = ""
        offer(_item_atoms(op, av, fold))
    offer({run} if run else None)
    return best


def _rank(atoms: set[str]) -> tuple[int, int]:
    """How selective a set of atoms is: by its shortest atom, then by how few atoms it has."""
    return min(map(len, atoms)), -len(atoms)


def _item_atoms(op: Any, av: Any, fold: bool) -> set[str] | None:
    """`required_atoms` of one item of a sequence (None when it shows none)."""
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _atoms(list(alternative.data), fold)
            if not found:
                return None
            union |= found
        return union
    if op is sre_constants.SUBPATTERN:
        if av[1] or av[2]:  # flags set or cleared inside the group
            return None
        return _atoms(list(av[-1].data), fold)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _atoms(list(av.data), fold)
    if op in (
        sre_constants.MAX_REPEAT,
        sre_constants.MIN_REPEAT,
        getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT),
    ):
        return _atoms(list(av[2].data), fold) if av[0] >= 1 else None
    if op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
        return {chr(c).lower() if fold else chr(c) for _, c in av}
    return None


def _may_hold(atoms: frozenset[str] | None, fold: bool, text: str) -> bool:
    """Whether `text` may hold a match of a regex with these `required_atoms`."""
    if atoms is None:
        return True
    if fold:
        if not _CASE_ODD.isdisjoint(text):
            return True
        text = text.lower()
    return any(atom in text for atom in atoms)


class Dispatch:
    """For a list of regexes, which of them may match at a word starting with a given key."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.filters = [prefixes(p) for p in patterns]
        self.atoms = [
            required_atoms(p) if f is None else None
            for p, f in zip(patterns, self.filters, strict=True)
        ]
        """For a regex without a filter, the strings one of which its every match contains."""
        self.folds = [bool(p.flags & re.IGNORECASE) for p in patterns]
        self.filtered = tuple(i for i, f in enumerate(self.filters) if f is not None)
        self._closed: dict[str, list[int]] = {}
        self._open: dict[str, list[int]] = {}
        for i, found in enumerate(self.filters):
            if found is None:
                continue
            for key in found.closed:
                self._closed.setdefault(key, []).append(i)
            for key in found.open:
                self._open.setdefault(key, []).append(i)
        self._cache: dict[str, tuple[int, ...]] = {}

    def rules_for(self, key: str) -> tuple[int, ...]:
        """The filtered regexes (by index, in order) that may match where the canonical text
        `key` (up to `PREFIX` characters, cut short only by the end of the searched stretch)
        begins."""
        found = self._cache.get(key)
        if found is None:
            if not key.isascii():
                found = self.filtered
            else:
                hits = set(self._closed.get(key, ()))
                for n in range(1, len(key) + 1):
                    hits.update(self._open.get(key[:n], ()))
                found = tuple(sorted(hits))
            if len(self._cache) < 100_000:
                self._cache[key] = found
        return found


DIGITS_RUN = re.compile(r"\d+")


class Scan:
    """A text made ready for prefiltered search: its canonical form and its word starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.canon = text.translate(CANONICAL)
        self.starts = [m.start() for m in WORD_START.finditer(text)]

    def windows(
        self, trigger: re.Pattern[str], words: Dispatch, reach: int
    ) -> list[tuple[int, int]]:
        """Merged stretches of the text within `reach` characters of a match of `trigger`, a
        regex `\\d|W` whose words `W` are the one regex of `words`: the same stretches as from
        `trigger.finditer`, with `trigger` tried only at digits and at the words that may begin
        a `W`."""
        text, canon = self.text, self.canon
        at = [(m.start(), m.end()) for m in DIGITS_RUN.finditer(text)]
        at.extend((p, -1) for p in self.starts if words.rules_for(canon[p : p + PREFIX]))
        at.sort()
        spans: list[tuple[int, int]] = []
        last = 0
        for start, end in at:
            if end < 0:  # a word that may begin a trigger word
                if start < last:
                    continue
                match = trigger.match(text, start)
                if match is None:
                    continue
                end = match.end()
            else:  # a run of digits: one trigger per digit not inside a trigger word ('Q1')
                start = max(start, last)
                if start >= end:
                    continue
            lo, hi = max(0, start - reach), min(len(text), end + reach)
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
            last = end
        return spans

    def matches(
        self, patterns: list[re.Pattern[str]], dispatch: Dispatch, windows: list[tuple[int, int]]
    ) -> list[list[re.Match[str]]]:
        """For each of the `patterns` (those of `dispatch`), its matches in text order: what its
        `finditer` over each of the `windows` finds. Patterns the prefilter cannot filter run
        `finditer` itself."""
        text, canon, starts = self.text, self.canon, self.starts
        found: list[list[re.Match[str]]] = [[] for _ in patterns]
        last_end = [0] * len(patterns)
        for lo, hi in windows:
            for p in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
                for i in dispatch.rules_for(canon[p : min(p + PREFIX, hi)]):
                    if p < last_end[i]:
                        continue
                    match = patterns[i].match(text, p, hi)
                    if match is not None:
                        found[i].append(match)
                        last_end[i] = match.end()
        for i, pattern in enumerate(patterns):
            if dispatch.filters[i] is None:
                atoms, fold = dispatch.atoms[i], dispatch.folds[i]
                found[i] = [
                    m
                    for lo, hi in windows
                    if _may_hold(atoms, fold, text[lo:hi])
                    for m in pattern.finditer(text, lo, hi)
                ]
        return found
