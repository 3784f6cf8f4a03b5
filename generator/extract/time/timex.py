"""Temporal expressions: found in the text and normalised to TIMEX3 values against the article date.

Candidates come from the rule grammar in `timex_rules`; where two overlap, the longer wins.
They are then normalised in text order, so that anaphoric expressions ('the following year',
'a year earlier', 'the quarter') can lean on the last date mentioned before them, and so that
the tense of the governing verb can decide whether a bare 'Friday' or 'March' lies behind or
ahead of the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.extract.common import doc_text
from generator.extract.prefilter import Dispatch, Scan
from generator.extract.time.patterns import Context
from generator.extract.time.rules import RULES, Rule
from generator.extract.time.words import label
from generator.model import TimeExpression

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})
FUTURE_HEADS = frozenset(
    "plan aim intend expect schedule set due hope want seek propose prepare promise pledge vow "
    "agree decide threaten try going".split()
)
PLANNING = frozenset({"plan", "intend", "aim", "schedule"})
"""Verbs of planning: in the present tense, the dates in their clause are those of the plan."""
PAST_AUX = frozenset({"did", "had", "'d", "has", "have", "'ve", "was", "were"})
RATE_WORDS = frozenset(
    "times twice once thrice percent cent % hundred thousand million billion trillion bn mn dollars "
    "euros pounds yen cents".split()
)
PREPOSITIONS_BEFORE_DURATION = frozenset(
    "for in within over after about nearly almost than up only just another least under "
    "some around roughly past next last first".split()
)
YEAR_BEFORE = re.compile(r"year-ago|year-earlier|year ago|last year|prior-year|previous year", re.I)
NAMES_OF_TIMES = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"|christmas|easter|thanksgiving|new|year|eve|day|good|friday|labor|memorial|independence"
    r"|valentine|halloween|boxing|election|Q|FY|[ECMP][SD]T|GMT|UTC|BST|CES?T",
    re.I,
)
"""Capitalised words that belong in time expressions (months, weekdays, holidays, time zones)."""
POSSESSIVE = re.compile(r"['’]s?\b")
"""'Wednesday's ruling': the verb of the sentence says nothing about when the ruling was."""
VERBS_OF_DURATION = frozenset(
    "last lasts lasted lasting take takes took taking spend spends spent spending wait waits waited "
    "stay stays stayed serve served need needs needed require requires required remain remained".split()
)
SPECIFIC = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?")


def extract_temporal_expressions(doc: Doc, anchor: str | None) -> list[TimeExpression]:
    """Every time expression with its TIMEX3 type and value; `anchor` is the article date or None."""
    dct = dt.date.fromisoformat(anchor) if anchor else None
    text = doc_text(doc)
    result: list[TimeExpression] = []
    reference: str | None = None
    reference_end = 0
    quarter: str | None = None
    reported: str | None = None
    stretch_end = -1
    for start, end, rule, match in _select(doc, text, _candidates(text)):
        span = doc.char_span(start, end, alignment_mode="expand")
        tense = tense_of(span) if span is not None and not POSSESSIVE.match(text, end) else None
        tense = _direction(tense, text[max(0, start - 60) : start].lower())
        in_stretch = stretch_end >= 0 and _sentences_between(text, stretch_end, start) == 0
        ctx = Context(
            dct=dct,
            tense=tense,
            reference=reference[:4]
            if in_stretch and reference and "-Q" in reference
            else reference,
            near=reference is not None and _sentences_between(text, reference_end, start) <= 1,
            quarter=None
            if in_stretch
            else quarter
            if tense == "future"
            else reported or _ended(quarter, dct),
            before=text[max(0, start - 40) : start].lower(),
            after=text[end : end + 40].lower(),
        )
        value = rule.handler(match, ctx)
        if value is None:
            continue
        kind, normalised = value
        if kind == "DURATION" and REPORTED_STRETCH.search(text, max(0, start - 20), end):
            # 'In the first eight months, sales reached $9 million against $7 million a year earlier': the
            # comparison in this sentence is with the stretch, not with the quarter reported
            stretch_end = end
        result.append(
            TimeExpression(
                text=text[start:end],
                start=start,
                end=end,
                type=kind,
                value=normalised,
                label=label(kind, normalised),
            )
        )
        if (
            rule.anchors
            and kind in ("DATE", "TIME")
            and SPECIFIC.fullmatch(normalised.split("T")[0])
        ):
            reference = normalised.split("T")[0]
            reference_end = end
            if (
                re.fullmatch(r"\d{4}-Q[1-4]", reference)
                and not YEAR_BEFORE.search(text[start:end])
                and (dct is None or int(reference[:4]) >= dct.year - (dct.month <= 3))
            ):
                # The period under discussion, not a comparison period. Results are reported for
                # a quarter that has ended; one still running or ahead is under discussion only
                # in a forecast ('will rise in the fourth quarter from a year ago').
                if _ended(reference, dct):
                    quarter = reported = reference
                elif tense == "future":
                    quarter = reference
    return result


PROSPECTIVE = re.compile(
    r"\b(?:(?<!became\s)(?<!become\s)(?<!becomes\s)effective|payable|of\s+record|expir(?:e|es|ing)"
    r"|deadline(?:\s+of)?"
    r"|(?:extend|postpon|delay|defer|adjourn|reschedul)\w*(?:\s+\w+){0,4}?\s+(?<!due\s)(?<!owing\s)(?:to|until|till)"
    r"|(?:set|scheduled|slated)\s+for|(?:scheduled|slated|due)(?:\s+(?:on|by))?)\s*$"
)
"""Words that point a date ahead of the act the verb tells of, whatever its tense: a rule in
force from a day ('effective Feb. 1'), a payment's or a register's day, the end of a term or an
offer ('expires Nov. 6', 'extended to Nov. 20'), a day fixed for something ('set for April';
but 'a record set on Aug. 6' lies behind, and so does a term that 'expired' or a rule that
'became effective')."""
FORWARD = re.compile(r"\b(?:by|until|till|starting|beginning|as\s+(?:soon|early)\s+as)\s*$")
"""Words that put a date at or after the time of the clause: a deadline or the end of a stretch
('until Tuesday', 'by Friday'), a start ('starting Monday'), the earliest time ('as soon as
Tuesday'). Under a past verb the stretch may have ended before the article date, so they look
ahead only when the verb is not in the past. 'Through' is left out: 'sales through March are up
5%' tells of a stretch already run."""


REPORTED_STRETCH = re.compile(
    r"the\s+(?:first\s+|latest\s+|past\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|[2-9]|1[01])\s+months$",
    re.I,
)
"""A definite stretch of months a company reports on besides its quarter ('the first eight months')."""


MEASURED_BY_TIME = re.compile(
    r"(?<!\s)\s+of\s+(?:\w+\s+){0,2}?(?:pay|salary|salaries|wages?|severance|rent|video|footage|audio"
    r"|recordings?|programming)\b",
    re.I,
)
"""Things counted in units of time: money paid by the month, recordings by the hour. 'Three months
of salary' is an amount of money and '40 hours of footage' an amount of recording, not stretches of
time in which something happens ('three months of talks' is one)."""


PAST_PERFECT = re.compile(r"\b(?:had|'d)\s[^,.;:]*$")


def _direction(tense: str | None, before: str) -> str | None:
    """The tense a date is read with: its verb's, unless the words before it point it ahead."""
    if PAST_PERFECT.search(before):
        return tense  # 'had been due to expire Friday': a plan overtaken by events
    if PROSPECTIVE.search(before) or (tense != "past" and FORWARD.search(before)):
        return "future"
    return tense


def _ended(quarter: str | None, dct: dt.date | None) -> str | None:
    """The quarter when it had ended by the article date (or there is no date to tell)."""
    if quarter is None or dct is None:
        return quarter
    year, number = int(quarter[:4]), int(quarter[-1])
    return quarter if (year, number) < (dct.year, (dct.month - 1) // 3 + 1) else None


def _sentences_between(text: str, start: int, end: int) -> int:
    """How many sentence ends lie between two offsets (a rough count: '. ', '! ', '? ', lines)."""
    return len(re.findall(r"[.!?][\"”’)]*\s+(?=[A-Z\"“])|\n", text[start:end]))


TRIGGER_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|year|month|week|day|hour|minute|second|decade|centur|quarter|fortnight|night|half|period"
    r"|today|yesterday|tomorrow|tonight|now|current|nowaday|present|moment|time|recent|late"
    r"|past|future|term|soon|spring|summer|autumn|fall|winter|morning|afternoon|evening"
    r"|overnight|noon|midnight|midday|mid|christmas|easter|thanksgiving|halloween|valentine"
    r"|new\s+year|boxing|independence|labor|memorial|good\s+friday|nineteen|eighteen|twent"
    r"|two\s+thousand|thirties|forties|fifties|sixties|seventies|eighties|nineties|daily"
    r"|annual|hourly|nightly|fiscal|financial|fy|q[1-4]|o'clock)",
    re.I,
)
TRIGGER = re.compile(r"\d|" + TRIGGER_WORDS.pattern, re.I)
"""A digit, or one of the words one of which every time expression contains: the grammar's
rules run only near them."""
WINDOW = 160
"""Characters on each side of a trigger searched by the rules (longer than any expression)."""


_TRIGGER_FILTER = Dispatch([TRIGGER_WORDS])
_RULE_FILTER = Dispatch([rule.pattern for rule in RULES])


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of the text around the trigger words."""
    return Scan(text).windows(TRIGGER, _TRIGGER_FILTER, WINDOW)


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every match of every rule near a trigger, rule by rule in text order (what each rule's
    `finditer` over each window finds; the prefilter only spares trying it where it cannot
    start)."""
    scan = Scan(text)
    windows = scan.windows(TRIGGER, _TRIGGER_FILTER, WINDOW)
    found = []
    every = scan.matches([rule.pattern for rule in RULES], _RULE_FILTER, windows)
    for rule, matches in zip(RULES, every, strict=True):
        for match in matches:
            start, end = match.span()
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            if end > start:
                found.append((start, end, rule, match))
    return found


def _select(
    doc: Doc, text: str, candidates: list[tuple[int, int, Rule, re.Match[str]]]
) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """The longest acceptable candidates that do not overlap, in text order."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0], order[c[2].name]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    used = bytearray(len(text) + 1)
    for cand in ranked:
        start, end, rule, match = cand
        if any(used[start:end]):
            continue
        if not _acceptable(doc, text, start, end, rule, match):
            continue
        used[start:end] = b"\x01" * (end - start)
        taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w%$€£'’.]+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).lower() if match else ""


def _acceptable(
    doc: Doc, text: str, start: int, end: int, rule: Rule, match: re.Match[str]
) -> bool:
    """Context checks a regex cannot make: capitals, modal 'May', counts that look like years."""
    if _in_title(text, start, end, rule):
        return False
    groups = match.groupdict()
    month = groups.get("month")
    if month is not None and not month[0].isupper():
        return False
    if rule.name == "month":
        return _bare_month_ok(doc, match)
    if rule.name == "year":
        return _year_ok(doc, text, start, end)
    if rule.name == "season":
        return _season_ok(text, start, match)
    if rule.name in ("duration", "ago"):
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", match.group("n")):
            return False  # 'the 1988 quarter' is a date, not 1988 quarters
        return _duration_ok(text, start, end, match)
    if rule.name == "set" and groups.get("unit3"):
        return (
            _word_before(text, start) in RATE_WORDS
            or re.search(r"\d\s*$", text[max(0, start - 20) : start]) is not None
        )
    if rule.name == "time":
        return _time_ok(text, start, match)
    if rule.name == "weekday":
        token = _token_at(doc, match.start("wd"))
        return token is None or token.ent_type_ not in ("ORG", "EVENT", "WORK_OF_ART", "FAC")
    if rule.name == "this-quarter":
        return _quarter_reference_ok(text, start, match)
    if rule.name == "coordinated-day":
        token = _token_at(doc, match.start("day"))
        following = token.nbor() if token is not None and token.i + 1 < len(doc) else None
        # 'on May 3 and 4 trucks were lost': a count of the noun after it, not a day
        return following is None or following.pos_ not in ("NOUN", "PROPN", "NUM")
    if rule.name == "decade":
        return not re.match(r"\s*(?:%|percent)", text[end : end + 60])
    return True


def _bare_month_ok(doc: Doc, match: re.Match[str]) -> bool:
    month = match.group("month")
    if len(month.rstrip(".")) <= 4 and month.lower() not in ("may", "june", "july"):
        return bool(match.group("rel"))  # 'Jan', 'Mar' alone are names more often than months
    token = _token_at(doc, match.start("month"))
    if token is None:
        return True
    if token.tag_ == "MD" or (month.lower() in ("may", "march") and token.pos_ in ("VERB", "AUX")):
        return False
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART") and not match.group("rel"):
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.is_title and prev.pos_ == "PROPN" and not match.group("rel"):
        return False  # 'Brenda May', 'Alan May'
    return True


def _year_ok(doc: Doc, text: str, start: int, end: int) -> bool:
    """A four-digit number is a year unless it counts or prices something."""
    if re.search(
        r"(?:[$€£¥#]|\bno\.|\bnumber|\bflight|\broute|\bmodel|\bitem)\s*$",
        text[max(0, start - 30) : start],
        re.I,
    ):
        return False
    if re.match(r"\s*(?:%|percent|per\s?cent|[,.]\d)", text[end : end + 60], re.I):
        return False
    if re.match(r"[A-Za-z]", text[end : end + 1]) and not re.match(r"s\b", text[end : end + 2]):
        return False  # '1010data': a number inside a name
    if re.search(r"[\"“‘]\s*$", text[max(0, start - 2) : start]) and re.match(
        r"\s*[,.]?\s*[\"”’]", text[end : end + 4]
    ):
        return False  # '“1917,”' alone in quotation marks is a title
    token = _token_at(doc, end - 1)
    if token is None:
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (
        nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.lower_ not in ("elections", "games", "olympics")
    ):
        return False
    if nxt is not None and nxt.lower_ in ("people", "troops", "men", "women", "times", "units"):
        return False
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or (
        token.ent_type_ == "CARDINAL"
        and _word_before(text, start)
        not in ("in", "since", "of", "by", "until", "from", "to", "during", "the", "and")
    ):
        return False
    return True


def _season_ok(text: str, start: int, match: re.Match[str]) -> bool:
    if match.group("year") or match.group("rel"):
        return True
    whole = match.group(0).lower()
    if re.match(r"(?:the|early|late|mid)\b", whole):
        return match.group("season").islower() or whole.startswith("the")
    before = _word_before(text, start)
    return before in (
        "in",
        "by",
        "until",
        "since",
        "through",
        "during",
        "over",
        "this",
        "last",
        "next",
    ) and (match.group("season").islower())


def _duration_ok(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    amount = " ".join(match.group("n").lower().split())
    unit = match.group("unit").lower()
    whole = " ".join(match.group(0).lower().split())
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[end : end + 60]):
        return False  # 'three quarters of the members'
    if unit.startswith("second") and amount in ("a", "one"):
        return False
    if re.search(r"[\s-]old$", whole) or re.match(r"\s*-?\s*olds?\b", text[end : end + 60]):
        return False  # ages are not time expressions in TimeML
    if MEASURED_BY_TIME.match(text, end):
        return False  # 'three months of salary', '40 hours of footage': an amount, no stretch
    if "dir" in match.groupdict():
        return True
    if amount in ("a", "an") and whole.startswith(amount):
        before = _word_before(text, start)
        follows = re.match(
            r"[\s-]+(?:long|old|after|before|later|earlier|or\s+two|or\s+so)\b",
            text[end : end + 60],
            re.I,
        )
        return (
            before in PREPOSITIONS_BEFORE_DURATION
            or before in VERBS_OF_DURATION
            or bool(follows)
            or "-" in whole
            or " or " in whole
            or "half" in whole
        )
    if amount in ("some", "many") and whole.startswith(amount):
        return unit.endswith("s")
    return True


def _in_title(text: str, start: int, end: int, rule: Rule) -> bool:
    """Capitalised time words inside a name ('This Week', 'High Noon', '60 Minutes', 'March for
    Life'): a word after the first that is capitalised mid-sentence though it is no proper noun."""
    words = list(re.finditer(r"[A-Za-z]+", text[start:end]))
    for i, w in enumerate(words):
        word = w.group(0)
        if not word[0].isupper() or NAMES_OF_TIMES.fullmatch(word):
            continue
        at = start + w.start()
        sentence_start = (
            re.search(r"(?:^|[.!?:]\s+|[\n\"“‘'`(]\s*)$", text[max(0, at - 3) : at]) is not None
        )
        if i == 0 and sentence_start:
            continue
        if word.isupper() and len(word) <= 4:
            continue
        return True
    if rule.name == "month" and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", text[end : end + 60]):
        return True
    if rule.name == "the-unit" and re.search(r"\b(?:Year|Week|Month)\b", text[start:end]):
        return True  # 'Garden of the Year', 'Player of the Week'
    return False


def _time_ok(text: str, start: int, match: re.Match[str]) -> bool:
    clock = match.group("clock").lower()
    if re.fullmatch(r"\d{1,2}:\d{2}", clock) or re.search(
        r"(?:morning|afternoon|evening|night)$", clock
    ):
        # a clock time without a.m. or p.m. ('at 4:30', 'at 5 in the morning') comes after a
        # preposition of time; 'rose 3 in the morning' is a count
        return _word_before(text, start) in (
            "at",
            "by",
            "until",
            "from",
            "around",
            "about",
            "before",
            "after",
            "till",
            "since",
        )
    if clock.endswith("am") and re.fullmatch(r"\d+\s*am", clock):
        return True
    return True


def _quarter_reference_ok(text: str, start: int, match: re.Match[str]) -> bool:
    whole = match.group(0).lower()
    mod = match.group("mod")
    if "period" in whole and not mod and not match.group("year"):
        return False  # 'the period' alone is too vague to stand for a quarter
    if not whole.startswith(("the", "this", "that")) and not mod:
        return False
    if whole.startswith("that") and not mod:
        return True
    return True


# --- tense -----------------------------------------------------------------------------------


def tense_of(span: Span) -> str | None:
    """past | present | future: the tense of the verb that governs the expression, else of the
    nearest verb in its sentence."""
    token = span.root
    own_clause = True  # no noun between the expression and its verb
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            tense = verb_tense(token, own_clause)
            if tense == "present" and _temporal_clause(token):
                return _main_tense(token) or tense
            if tense:
                return tense
            break
        if token.head.i == token.i:
            break
        token = token.head
        own_clause = own_clause and token.pos_ not in ("NOUN", "PROPN", "PRON")
    sent = span.sent
    before = [t for t in span.doc[sent.start : span.start] if t.pos_ in ("VERB", "AUX")]
    after = [t for t in span.doc[span.end : sent.end] if t.pos_ in ("VERB", "AUX")]
    for verb in [*reversed(before), *after]:
        tense = verb_tense(verb)
        if tense:
            return tense
    return None


TEMPORAL_MARKS = frozenset({"when", "after", "before", "once", "until", "till", "as", "whenever"})


def _temporal_clause(verb: Token) -> bool:
    """A present-tense clause of time ('when he travels on Sunday', 'after it joins on April 1'):
    English puts it in the present even when it speaks of the future."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in verb.children)
    )


def _main_tense(verb: Token) -> str | None:
    """'future' when the clause a temporal clause belongs to speaks of the future."""
    node = verb.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            tense = verb_tense(node)
            if tense is not None:
                return "future" if tense == "future" else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def verb_tense(verb: Token, own_clause: bool = False) -> str | None:
    """The tense of one verb from its tag and auxiliaries; infinitives inherit their governor's.
    `own_clause`: the date hangs on this verb itself, not on a noun of its clause."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ in ("aux", "auxpass"):
        aux = [verb]
    words = {a.lower_ for a in aux}
    if words & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if head.lemma_.lower() in FUTURE_HEADS or head.lower_ == "going":
            # 'had been scheduled to expire Friday': a plan of the past, overtaken by events
            return "past" if _past_perfect(head) else "future"
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # 'is to resume trading Tuesday': an arrangement
        if own_clause and head.pos_ == "NOUN" and verb.dep_ == "acl" and not _ranked(head):
            # 'an agreement to acquire the bank in January', 'a plan to open a plant in May':
            # an infinitive on a noun tells of what is still to come
            return "future"
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return verb_tense(head) if head.dep_ != "xcomp" or head.head.i == head.i else None
        return None
    if (
        verb.tag_ == "VBN"
        and words & {"has", "have", "'ve"}
        and verb.lemma_.lower() in FUTURE_HEADS
    ):
        # 'has planned a press briefing Thursday': the present perfect takes no past date of
        # its own, so the day is that of the plan
        return "future"
    if verb.tag_ == "VBD" or words & {"did", "had", "was", "were"}:
        return "past"
    if verb.tag_ == "VBN":
        if words & {"is", "are", "am", "'s", "'re"} and verb.lemma_.lower() in FUTURE_HEADS:
            return "future"  # 'is scheduled for Friday', 'is set for 12:00 UTC on Friday'
        if words & {"is", "are", "am", "be", "'s", "'re"}:
            return "present"
        return "past"  # perfect, or a participle describing what happened ('announced Friday')
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in PLANNING:
        # 'On Tuesday, the guild plans to vote', 'the guild plans a vote on Tuesday': what is
        # planned now lies ahead, and the date is its date
        return "future"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re", "does", "do"}:
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    return None


RANKS = frozenset({"first", "last", "only", "second", "third", "latest"})


def _ranked(noun: Token) -> bool:
    """'the first woman to fly solo', 'the last company to report': an infinitive after a
    ranked noun tells of what happened, not of what is to come."""
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RANKS) for c in noun.children)


def _past_perfect(verb: Token) -> bool:
    """'had (been) scheduled', 'had been due': the verb, or the 'been' it hangs on, takes 'had'."""
    for node in (verb, verb.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in node.children):
            return True
    return False


# --- the article date, when the metadata gives none ------------------------------------------


@dataclass(frozen=True)
class InferredDate:
    """An article date worked out from the text, with the reason for a reader."""

    date: str
    """YYYY-MM-DD."""
    explanation: str
    """One plain sentence saying from what the date was inferred."""
    evidence: TimeExpression
    """The expression the date rests on."""


DEADLINE = re.compile(
    r"\b(?:by|before|until|till|through|in|for|later\s+in|the\s+end\s+of|end\s+of)\s*$", re.I
)


def infer_article_date(doc: Doc, timexes: list[TimeExpression]) -> InferredDate | None:
    """The publication date a dateless article implies, or None when the text does not pin it.

    An article is published on or after the latest day it reports in the past tense. A full date
    ('3 December 2025') gives that day directly. A day without a year ('December 3') gets its year
    from the text: the latest year the article reports in the past tense, or else the year of a
    deadline it names ('by the end of 2025'), since news sets targets in or near the current year.
    """
    text = doc_text(doc)
    past_days: list[tuple[str, TimeExpression]] = []
    open_days: list[tuple[str, TimeExpression]] = []
    past_years: list[tuple[int, TimeExpression]] = []
    deadline_years: list[tuple[int, TimeExpression]] = []
    for t in timexes:
        if t.type != "DATE":
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        tense = tense_of(span) if span is not None else None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            if tense in ("past", "present"):
                past_days.append((t.value, t))
        elif re.fullmatch(r"XXXX-\d{2}-\d{2}", t.value) and tense in ("past", "present", None):
            open_days.append((t.value[5:], t))
        elif re.match(r"\d{4}\b", t.value) and re.search(r"\d{4}", t.text):
            year = int(t.value[:4])
            if tense == "past":
                past_years.append((year, t))
            if DEADLINE.search(text[max(0, t.start - 20) : t.start]) or re.match(
                r"(?i)the\s+end\s+of", t.text
            ):
                if tense != "past":
                    deadline_years.append((year, t))
    if past_days:
        day, evidence = max(past_days, key=lambda p: p[0])
        return InferredDate(
            date=day,
            explanation=(
                f"The article gives no publication date; {day} is assumed, the latest date of an "
                f"event it reports ('{evidence.text}'), so relative dates are resolved against it."
            ),
            evidence=evidence,
        )
    if not open_days:
        return None
    if past_years:
        year, year_evidence = max(past_years, key=lambda p: p[0])
        why = f"the latest year it reports ('{year_evidence.text}')"
    elif deadline_years:
        year, year_evidence = min(deadline_years, key=lambda p: p[0])
        why = f"the deadline it names ('{year_evidence.text}')"
    else:
        return None
    candidates = []
    for month_day, t in open_days:
        try:
            candidates.append((dt.date.fromisoformat(f"{year:04d}-{month_day}"), t))
        except ValueError:
            continue
    if not candidates:
        return None
    day_date, evidence = max(candidates, key=lambda p: p[0])
    return InferredDate(
        date=day_date.isoformat(),
        explanation=(
            f"The article gives no publication date; {day_date.isoformat()} is assumed from "
            f"'{evidence.text}' in the year of {why}, so relative dates are resolved against it "
            "and may be off."
        ),
        evidence=evidence,
    )
