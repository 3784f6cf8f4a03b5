"""Small helpers shared by the extractors: spans, quote regions, word lists."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from generator.model import Span as TextSpan

# --- verbs of saying ------------------------------------------------------------------------
# One list of the verbs that report speech, and the variants the extractors need, each spelled
# out here as that list with its differences, so that no copy elsewhere drifts apart.

REPORTING_VERBS = frozenset(
    """say tell state add warn note explain claim insist argue declare announce tweet write
    reply respond testify acknowledge admit recall continue reiterate stress emphasize emphasise
    underline underscore affirm assert confirm deny report suggest caution predict promise pledge
    vow threaten urge complain concede contend maintain observe point remark reveal signal
    describe call ask answer allege believe comment mention indicate disclose inform
    repeat proclaim boast lament criticize criticise accuse agree""".split()
)
"""Lemmas of verbs that introduce reported speech (speech and communication verbs)."""

SPEECH_VERBS = REPORTING_VERBS | frozenset(
    """exclaim interrupt conclude confess joke quip retort yell shout scream whisper mutter chant
    plead beg demand inquire enquire query recount relate recite read post blog email text message
    echo tout brag grant reaffirm assure reassure swear advise recommend counter rebut object protest
    grumble regret apologize apologise charge aver posit surmise speculate elaborate clarify
    specify detail outline characterize characterise portray depict label brand dub term hail
    laud applaud commend congratulate thank cheer boo heckle concur muse marvel quote cite
    summarize summarise publish broadcast preach pronounce remind imply articulate divulge""".split()
)
"""Every verb of saying, manner of speaking included ('shout', 'quip'): the attribution cues
whose clause or quote is what was said."""

ATTRIBUTING_VERBS = (
    REPORTING_VERBS
    | {"express", "voice", "advocate", "consider", "see", "view", "reason", "conclude", "rule"}
    | {"show", "find", "determine", "decide", "think", "feel", "fear", "hope", "expect"}
) - {"continue"}
"""Verbs whose complement is somebody's statement, finding or belief: a claim under one of them
is not in the reporter's own voice."""

SPEAKING_VERBS = frozenset({"speak", "talk", "say", "tell", "testify", "write", "tweet"})
"""The plainest verbs of speaking, whose subject is the one who speaks even without a clause
('Almer spoke on Tuesday.' before a quote)."""

STATING_VERBS = frozenset(
    {"say", "tell", "announce", "state", "report", "estimate", "claim", "add"}
)
"""Verbs whose subject puts a figure forward ('the ministry estimated ...')."""


QUOTE_PAIRS = {
    "\u201c": "\u201d",
    "\u2018": "\u2019",
    '"': '"',
    "\u00ab": "\u00bb",
    "\u201e": "\u201c",
}

# --- hedges -----------------------------------------------------------------------------------

EPISTEMIC_ADVERBS = frozenset(
    """probably possibly perhaps maybe presumably reportedly allegedly supposedly seemingly
    purportedly arguably conceivably potentially tentatively apparently likely ostensibly
    reputedly""".split()
)
"""Adverbs that lower the writer's commitment (Szeged epistemic; Hyland; MOS:WTW doubt): the
caveats flag them, the summary does not take a clause they hedge for the author's stand."""

PRONOUNS_PERSON = frozenset("he him his himself she her hers herself".split())
PRONOUNS_THING = frozenset("it its itself they them their theirs themselves".split())


SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "conj"})


def clause_subject(verb: Token) -> tuple[Token, Token | None]:
    """The verb whose subject `verb` shares, and that subject: up through open complements,
    clauses and conjuncts ('member states plan to allocate ...': 'allocate' → 'plan', 'states')
    until a subject is found. (verb, None) when there is none."""
    owner = verb
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    while subj is None and owner.dep_ in CLAUSE_CHAIN_DEPS and owner.head.i != owner.i:
        owner = owner.head
        subj = next((c for c in owner.children if c.dep_ in SUBJECT_DEPS), None)
    return owner, subj


FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def clause_hung_as_adjunct(verb: Token) -> Token | None:
    """'After years of talks, the city plans to close the mill, officials said late Thursday':
    the parser hangs the clause a trailing verb reports on that verb as an adverbial clause when
    a fronted phrase opens it. It is that clause (returned: its head) when it is finite, has its
    own subject, carries no subordinator ('Because the storm hit, ...' is an adjunct) and runs
    up to the comma right before the verb's subject."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return None
    for child in verb.children:
        if child.dep_ != "advcl" or child.i > subject.i:
            continue
        comma = child.right_edge.i + 1
        if comma + 1 != subject.left_edge.i or doc[comma].text != ",":
            continue
        if any(c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in child.children):
            continue
        finite = child.tag_ in FINITE_TAGS or any(
            c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in child.children
        )
        if finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return child
    return None


def path_to_verb(token: Token) -> list[Token]:
    """`token` and the heads above it, up to the first verb or auxiliary (or the sentence root
    when none is a verb): the climb from a word to the verb that governs it."""
    path = [token]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def governing_verb(token: Token) -> Token:
    """The first verb or auxiliary at or above `token` (the root when there is none)."""
    return path_to_verb(token)[-1]


def stripped_bounds(span: Span) -> tuple[int, int]:
    """Character offsets of a span without its leading and trailing whitespace."""
    text = span.text
    return span.start_char + len(text) - len(text.lstrip()), span.start_char + len(text.rstrip())


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: `Doc.text` joins every token again on each access."""
    cached = doc.user_data.get("dossier_text")
    if cached is None:
        cached = doc.text
        doc.user_data["dossier_text"] = cached
    return cached


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """A contract `Span` for characters `start:end` of the doc's text."""
    return TextSpan(text=doc.text[start:end], start=start, end=end)


def token_span(span: Span | Token) -> TextSpan:
    """A contract `Span` covering a spaCy span or token."""
    if isinstance(span, Token):
        return TextSpan(text=span.text, start=span.idx, end=span.idx + len(span.text))
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def trim_span(doc: Doc, start: int, end: int, chars: str = " \t\r\n,;:") -> tuple[int, int]:
    """Offsets with surrounding whitespace and `chars` removed."""
    text = doc_text(doc)
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def quote_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, mark) of each quoted passage, the offsets inside the marks.

    A closing mark that doubles as an apostrophe (’ and ') only closes when no letter follows it.
    Unbalanced marks are skipped: the passage they open is not reported as a quote.
    """
    text = doubled_apostrophes(text)
    regions: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None or not _opens(text, i):
            i += 1
            continue
        j = _find_close(text, i + 1, ch, close)
        if j is None:
            i += 1
            continue
        if j > i + 1:
            regions.append((i + 1, j, ch))
        i = j + 1
    return regions


DOUBLED = re.compile(r"''")


def doubled_apostrophes(text: str) -> str:
    """The text with each ''quote'' written with doubled apostrophes turned into a straight mark.

    Some archives (older newspaper feeds) write quotes as two apostrophes. The result has the same
    length, so offsets carry over: an opening '' becomes ' "' and a closing one '" '.
    """
    if "''" not in text:
        return text
    chars = list(text)
    for match in DOUBLED.finditer(text):
        i = match.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if not after.isspace() and (before.isspace() or before in "([{\u2014\u2013-/"):
            chars[i], chars[i + 1] = " ", '"'
        else:
            chars[i], chars[i + 1] = '"', " "
    return "".join(chars)


def unbalanced_quote_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each opening quote mark that never closes, from the mark to its paragraph end.

    These passages are not reported as quotes; a caveat can say that a quote was skipped.
    Apostrophe-like single marks (’ and ') are left out: they are too often apostrophes.
    """
    found: list[tuple[int, int]] = []
    text = doubled_apostrophes(text)
    closed = {start - 1 for start, _end, _mark in quote_regions(text)}
    covered = [(start - 1, end + 1) for start, end, _mark in quote_regions(text)]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in QUOTE_PAIRS and ch not in ("\u2018", "'") and i not in closed and _opens(text, i):
            if not any(a <= i < b for a, b in covered):
                end = text.find("\n\n", i)
                end = n if end < 0 else end
                line_end = text.find("\n", i)
                if 0 <= line_end < end:
                    end = line_end
                found.append((i, end))
        i += 1
    return found


def _opens(text: str, i: int) -> bool:
    """An opening mark follows a space, line start or opening punctuation, and precedes a non-space."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return (
        before.isspace()
        or before in "([{—–-/\u2014"
        or (before in QUOTE_PAIRS and before != text[i])
    )


MIXED_CLOSERS = {'"': "\u201d", "\u201c": '"'}
"""A straight opening mark may close curly and the other way round (typed and pasted text mixed)."""


def _find_close(text: str, j: int, opener: str, close: str) -> int | None:
    limit = min(len(text), j + 5000)
    apostrophe_like = close in ("\u2019", "'")
    other = MIXED_CLOSERS.get(opener)
    while j < limit:
        ch = text[j]
        if ch == close or ch == other:
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1]
            if apostrophe_like and (after.isalpha() or (before.isalpha() and after.isalnum())):
                j += 1
                continue
            if ch == other and (before.isspace() or after.isalnum()):
                j += 1  # a mark of the other kind that opens something else
                continue
            if not before.isspace() or opener == close == '"':
                return j
        elif ch == opener and opener != close and _opens(text, j):
            return None  # a new quote opens before this one closed: unbalanced
        if ch == "\n":
            # A quote running over paragraphs reopens each paragraph without closing the last;
            # one that does not reopen was never closed.
            m = j
            while m < len(text) and text[m].isspace():
                m += 1
            if m < len(text) and text[m] == opener and opener not in ("\u2018", "'"):
                k = j
                while k > 0 and text[k - 1].isspace():
                    k -= 1
                return k
            return None
        j += 1
    return None


def inside(regions: Iterable[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether characters start:end lie inside one of the quoted regions."""
    return any(s <= start and end <= e for s, e, _ in regions)


WORD = re.compile(r"\w+", re.U)


def words(text: str) -> list[str]:
    """Lowercase word tokens of a string."""
    return [w.lower() for w in WORD.findall(text)]


@functools.lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Common given names (lowercase) → 'male' | 'female' | 'either', from the US Census lists in
    `names` (shared: actors type names by them, quotes match a pronoun's gender)."""
    import importlib.resources

    table: dict[str, str] = {}
    package = importlib.resources.files("names")
    for filename, gender in (("dist.male.first", "male"), ("dist.female.first", "female")):
        for line in package.joinpath(filename).read_text(encoding="utf-8").splitlines():
            word = line.split(" ", 1)[0].strip().lower()
            if not word:
                continue
            table[word] = gender if table.get(word, gender) == gender else "either"
    return table
