"""Summary: extractive, in article order, covering actors, the main claim, figures and dissent."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.extract.common import (
    EPISTEMIC_ADVERBS,
    REPORTING_VERBS,
    doc_text,
    governing_verb,
    quote_regions,
    stripped_bounds,
)
from generator.model import CONFIDENT, UNCERTAIN, Actor, Article, Figure, KeyPoint, Quote
from generator.model import Span as TextSpan

# Words of refusal, opposition and denial: whoever is their subject takes the other side.
DISSENT = re.compile(
    r"refus\w*|reject\w*|oppos\w*|den(?:y|ied|ies|ying|ial)|disagree\w*|disput\w*|"
    r"criticis\w*|criticiz\w*|critic|critics|objects|objected|objection|condemn\w*|"
    r"protest\w*|resist\w*|veto\w*|boycott\w*|reluctan\w*|rebuff\w*|declined",
    re.I,
)
# Page furniture a wire editor never keeps: timestamps, calls to action, captions. (Bylines
# and datelines on a line of their own have no verb and are dropped as headings.)
BOILERPLATE = re.compile(
    r"^(?:updated|published|posted|last updated|read more|see also|related|watch|listen|"
    r"photo|image|picture|video|credit|source|copyright|advertisement)\s*:"
    r"|\b(?:scroll down|click here|read more|sign up for|all rights reserved|follow us|"
    r"contributed to this report|for the latest|like us on facebook|watch the video|"
    r"follow @|\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file)\)|"
    # "Kessler is shown, left, refusing ...": where on the page the picture stands
    r"\b(?:shown|seen|pictured),? (?:left|right|centre|center|above|below|top|bottom|inset)\b,|"
    # "pictured" with no auxiliary before it is a caption ("Jones pictured at the rally")
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\bpictured\b)",
    re.I,
)
# A capitalised label inside a line, "... from Vantor CLAIMS: ...", "OUR TAKE: ...": a fact
# box or product listing run into the text (an acronym alone, "the EU:", is too short for it).
BOX_LABEL = re.compile(r"(?<=\S\s)(?:(?:[A-Z]{2,}\s)+[A-Z]{2,}|[A-Z]{6,}):\s")
# 'Straight single quotes', opening on a capital and closing after final punctuation.
STRAIGHT_QUOTE = re.compile(r"(?<![\w'])'([A-Z0-9][^'\n]*?(?:\w'\w[^'\n]*?)*[.,!?])'(?!\w)")
SINGLE_OPENING = re.compile(r"(?<=\s)'(?=[A-Z0-9])")
SINGLE_CLOSING = re.compile(r"(?<=\S)'(?!\w)")
# A short label and a colon opening a caption: "Happier times: the couple in 2010".
CAPTION_LABEL = re.compile(r"^[A-Z][^.:!?\"“”]{0,40}:\s")
# Openers that point back to the previous sentence.
CONNECTIVE = frozenset(
    """also but and so yet however meanwhile moreover furthermore nevertheless nonetheless
    instead then still besides otherwise thus therefore hence indeed likewise similarly""".split()
)
# Openers that set the sentence against the one before: that one was a concession (Mann &
# Thompson's RST, Concession), and the point is in the contrast.
CONTRASTIVE = frozenset("but however yet still nevertheless nonetheless".split())
# Connectives of more than one word: the same pointing back ("After all, ...", "For example, ...").
CONNECTIVE_PHRASE = re.compile(
    r"^\W*(?:after all|for example|for instance|in fact|in addition|in so doing|as a result|"
    r"on the other hand|by contrast|in contrast|even so|in turn|that said|in other words|"
    r"at the same time|to that end)\b",
    re.I,
)
PERSONAL = frozenset("he she they it".split())
DEMONSTRATIVE = frozenset("this these that those such".split())
POINTING = frozenset("this these that those such it its they them their he she his her".split())
OPENING_POS = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "ADV", "AUX", "PART"})
ENDINGS = (".", "!", "?", "…", ":")
OPENING_MARKS = "\"'“‘"
CLOSING_MARKS = "\"'”’"
CLOSERS = "\"'”’)]» "
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
KEY_FIGURES = ("money", "percent", "quantity")
SPEAKER_TYPES = ("person", "organization", "place")
CLAIM_KINDS = ("direct", "partial", "indirect")
# The author's stand (Biber & Finegan 1989 "Styles of stance in English"; Hyland 2005
# "Stance and engagement"): verbs of attitude and conviction with a first-person subject ("I
# disagree", "we believe"), the deontic modals that say what ought to be done ("should",
# "must"), and the evaluative adjectives of appraisal (Martin & White 2005, "The Language of
# Evaluation": judgement and appreciation, "ridiculous", "dismal", "unfair").
STANCE_VERBS = frozenset(
    "think believe disagree differ doubt argue contend maintain insist submit reckon".split()
)
# Frame markers that label a stage as the conclusion (Hyland 2005): what follows is the point.
CONCLUDING = re.compile(
    r"^(?:the (?:bottom line|point|truth|fact|lesson|problem) is\b|in (?:short|sum|conclusion|"
    r"the end)\b|to sum up\b|all in all\b|ultimately\b|if nothing else\b)",
    re.I,
)
DEONTIC_MODALS = frozenset("should must ought".split())
EVALUATIVE_ADJECTIVES = frozenset(
    """good bad wrong right fair unfair just unjust wise unwise foolish absurd ridiculous
    dismal terrible awful dreadful appalling deplorable disgraceful shameful outrageous
    scandalous unacceptable intolerable irresponsible reckless dangerous misguided flawed
    mistaken sensible reasonable unreasonable troubling worrying alarming disturbing
    depressing regrettable welcome laudable admirable commendable brutal cruel cynical
    dishonest hypocritical pointless futile counterproductive harmful damaging disastrous
    catastrophic indefensible inexcusable shortsighted short-sighted naive""".split()
)
FIRST_PERSON = frozenset("i we".split())
OWN = frozenset("my mine myself".split())
"""First-person singular forms other than the subject "I" ("my legs", "myself")."""
# Reader pronouns, Hyland's (2005) engagement markers: "you" and the inclusive "we" address the
# reader ("If you have ever waited for a bus ...", "we may be close to ..."); in a report, outside
# quotation marks, they mark the writer's hook or aside, not the news.
READER_PRONOUNS = frozenset("you your yours yourself yourselves we us our ours ourselves".split())
# Frame markers (Hyland 2005, "Metadiscourse"): "let's say what ...", "let us now turn to ...",
# "let me explain ...": the writer announcing what comes next, which carries no fact itself.
FRAMING_VERBS = frozenset("say explain look start begin turn recap review examine consider".split())
MIN_WORDS = 6
FITTED_SHARE = 3
"""Without a set length, the summary takes one in this many of the sentences it may choose..."""
FITTED_RANGE = (3, 5)
"""...within these bounds: a brief is three to five sentences, however long the article."""
DUPLICATE = 0.8
"""Content-word overlap at which a sentence only repeats one already chosen."""
# The ruling sentence of a fact-check, by the fact-checkers' convention: "We rate this claim
# Mostly True", "our rating is False", "Our ruling: ...".
RULING = re.compile(r"\b(?:we rate|we rated|our (?:rating|ruling|verdict))\b", re.I)


@dataclass(frozen=True)
class Weights:
    """How much each feature counts when ranking sentences."""

    lead: float = 4.0
    """Position prior: news puts the story first."""
    decay: float = 0.5
    """Exponent of the position prior's decay over the sentence rank."""
    centrality: float = 1.5
    """Share of the sentence's content words that recur elsewhere in the article."""
    quote: float = 0.4
    """A claim by a speaker the summary has not quoted yet."""
    figure: float = 0.8
    """A money, percentage or quantity figure; half as much once the summary has one (a longer
    brief carries the key figures, the first counting most)."""
    dissent: float = 1.2
    """An actor the summary has not named yet who refuses, rejects or opposes, when none does yet."""
    unfinished: float = 1.0
    """A piece with no final punctuation: a caption or heading that ran into the text."""
    engaging: float = 2.0
    """In a report (not `ARGUING_GENRES` or `COVERING_GENRES`): a sentence that addresses the
    reader outside quotation marks (`READER_PRONOUNS`), the hook or an aside, not the news; as
    the opening sentence it has no position prior either (a feature's hook, not the lede)."""
    long_words: int = 35
    """Sentences longer than this many words are penalised..."""
    long_penalty: float = 0.02
    """...by this much per extra word."""
    redundancy: float = 0.5
    """Times the largest content-word overlap with a chosen sentence."""
    title: float = 1.0
    """Share of the headline's content words the sentence repeats (Edmundson's title method)."""
    title_arguing: float = 2.0
    """The same in an opinion piece, review or fact-check, whose headline states the thesis or
    the claim checked."""
    hedged: float = 1.5
    """In the author's voice (`COVERING_GENRES`, fact-checks): a sentence whose main clause is
    hedged ("Perhaps there are grounds for hope", "One would hope so") concedes or muses; it is
    not the author's stand and must not stand for it."""
    stance: float = 1.5
    """In the author's voice (`COVERING_GENRES`, `ARGUING_GENRES`): a sentence that takes a
    stand, unhedged and not quoting anyone: "I disagree ...", "we should ...", "That is a
    ridiculous approach". An opinion piece's thesis is its stand, not its scene-setting."""
    question: float = 1.5
    """In an analysis or explainer: the question it asks, taken with its answer (the sentence
    after it), when the summary has none yet."""
    nut: float = 1.0
    """The position prior of a feature's nut graf (`_mark_nut_graf`), as a share of the lede's."""
    coverage: float = 2.0
    """In an argued piece (`COVERING_GENRES`): the article's recurring content words the sentence
    adds to those already chosen, each by how many other sentences use it, against the best
    sentence's (SumBasic's idea, Nenkova & Vanderwende 2005)."""


WEIGHTS = Weights()

# How far each genre leans on its opening: a news story puts the story first; an opinion piece,
# an analysis or a review often open on a scene or a hook and state their point later.
LEAD_BY_GENRE: dict[str, float] = {
    "news": 1.0,
    "live": 1.0,
    "press-release": 1.0,
    "fact-check": 0.6,
    "analysis": 0.6,
    "review": 0.5,
    "opinion": 0.4,
    "feature": 0.6,  # a report found to open on a scene (`_mark_nut_graf`), not a page genre
}
ARGUING_GENRES = frozenset({"opinion", "review", "fact-check"})
"""Genres written in the author's own voice ("I think", "we rate"): first person is the author's."""
ASKING_GENRES = frozenset({"analysis"})
"""Genres that may ask a question in their own voice and answer it (the explainer): the summary
gives the question with its answer, not a question alone."""
REPORTING_GENRES = frozenset({"news", "live", "press-release"})
"""Genres that report the story first (the inverted pyramid), or open on a scene and then say
what the story is (a feature's nut graf)."""
FEATURE = "feature"
"""How the summary treats a report that opens on a scene: its story is not all in its opening,
so it leans less on it (as an analysis does) and covers the piece (as an argued piece is)."""
NUT_WINDOW = 12
"""How far down a nut graf may stand: the first dozen sentences worth a place."""
NUT_TITLE = 0.25
"""Share of the headline's content words a sentence repeats to restate it."""
# Openers that turn from a scene to the story's present: "Now ...", "Today ...", "In recent
# years, however, ...", "These days ...".
TURN = re.compile(
    r"^(?:(?:but|and|yet|still),? )?(?:now|today|these days|nowadays|lately|in recent (?:years|"
    r"months|decades|weeks)|over the (?:past|last) (?:few )?(?:years|months|decades))\b",
    re.I,
)
# The day of the news in a lede: "on Monday", "yesterday", "this week", "late Thursday".
DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"this (?:week|morning|afternoon|evening)|last (?:week|night))\b",
    re.I,
)
COVERING_GENRES = frozenset({"opinion", "review", "analysis"})
"""Genres that argue through the whole piece rather than put the story first (no inverted
pyramid): the summary covers their points wherever they stand. A letters page is the extreme
case, one argument per letter."""


@dataclass(frozen=True)
class Genre:
    """What the summary needs to know of the article as a whole."""

    genre: str = "news"
    title: str | None = None
    verdict: str | None = None
    claim: str | None = None

    @classmethod
    def of(cls, article: Article | None) -> Genre:
        if article is None:
            return cls()
        check = article.fact_check
        return cls(
            genre=article.genre,
            title=article.title,
            verdict=check.verdict if check else None,
            claim=check.claim if check else None,
        )


@dataclass
class _Sentence:
    """A candidate sentence and what it carries."""

    index: int
    start: int
    end: int
    words: int
    lemmas: frozenset[str]
    actors: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    figure: bool = False
    dissenters: set[str] = field(default_factory=set)
    skip: bool = False
    short: bool = False
    leans_back: bool = False
    continues: bool = False
    unfinished: bool = False
    hedged: bool = False
    stance: bool = False
    contrasts: bool = False
    question: bool = False
    present: bool = False
    turns: bool = False
    reports: bool = False
    dated: bool = False
    nut: bool = False
    required: bool = False
    rank: int = 0
    before: int = -1
    centrality: float = 0.0
    title: float = 1.0
    topic: dict[str, float] = field(default_factory=dict)
    engages: bool = False


def summarize(
    doc: Doc,
    actors: list[Actor],
    quotes: list[Quote],
    figures: list[Figure],
    size: int | None = None,
    weights: Weights = WEIGHTS,
    article: Article | None = None,
) -> list[TextSpan]:
    """Up to `size` sentences in article order, chosen for coverage without redundancy.

    Without `size`, the length is fitted to the article (`fitted_size`): a long article needs
    more sentences to give its story, its figures and the other side than a short one.

    The lead comes first, as in any news brief; the other places go to the sentences that add a
    new speaker's claim, a key figure or an opposing side, with a prior for early sentences.
    The genre (from `article`) shifts the balance: an opinion piece gives its place to the
    author's stand and conclusion, a fact-check always keeps the sentence with its verdict.
    Page furniture (captions, bylines, calls to action, questions, quote fragments) is never
    chosen, and a sentence that leans on its predecessor only comes with it.
    """
    text = doc_text(doc)
    about = Genre.of(article)
    sents = _sentences(doc, text, actors, quotes, figures, about)
    if size is None:
        size = fitted_size(sum(1 for s in sents if not s.skip and not s.short))
    usable = _usable(sents, size)
    if len(usable) <= size:
        return [_span(text, s) for s in usable]
    _rank_and_centre(usable)
    _mark_fact_check(text, usable, about)
    genre = FEATURE if _mark_nut_graf(usable, about) else about.genre
    chosen = _select(usable, size, weights, genre)
    return [_span(text, s) for s in sorted(chosen, key=lambda s: s.index)]


def fitted_size(choosable: int) -> int:
    """The summary length for an article with `choosable` sentences worth a place."""
    low, high = FITTED_RANGE
    return max(low, min(high, choosable // FITTED_SHARE))


def _sentences(
    doc: Doc,
    text: str,
    actors: list[Actor],
    quotes: list[Quote],
    figures: list[Figure],
    about: Genre,
) -> list[_Sentence]:
    """Every sentence with words, with its features (quotes and figures: confident ones only)."""
    regions = _Regions(sorted(quote_regions(text) + _straight_quotes(text)))
    actors = [a for a in actors if a.type != "group"]
    mention_owner = {m.start: a.id for a in actors for m in a.mentions}
    title = _title_words(about.title)
    sents: list[_Sentence] = []
    for sent in _pieces(doc):
        alpha = [t for t in sent if t.is_alpha]
        if not alpha:
            continue
        start, end = _trimmed(text, sent.start_char, sent.end_char)
        content = [t for t in sent if t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop]
        lemmas = frozenset(t.lemma_.lower() for t in content)
        item = _Sentence(len(sents), start, end, len(alpha), lemmas)
        item.unfinished = not text[start:end].rstrip(CLOSERS).endswith(ENDINGS)
        item.short = len(alpha) < MIN_WORDS
        item.question = (
            about.genre in ASKING_GENRES
            and text[start:end].rstrip(CLOSERS).endswith("?")
            and not regions.covers(start + 1)
        )
        item.skip = (
            (not item.question and _is_furniture(sent, start, end, text, regions))
            or _is_fragment(sent, text)
            or _quote_runs_on(text[start:end])
        )
        if about.title and _plain(text[start:end]).rstrip(".!?…:") == _plain(about.title):
            item.skip = True  # the headline left at the top of the body: not a sentence of it
        if about.genre not in ARGUING_GENRES and _first_person(sent, regions):
            item.skip = True  # someone's words run on without their marks: not the reporter's
        item.leans_back = _leans_back(sent)
        item.engages = about.genre not in ARGUING_GENRES | COVERING_GENRES and any(
            t.lower_ in READER_PRONOUNS and t.pos_ == "PRON"  # not "the US"
            for t in sent
            if not regions.covers(t.idx)
        )
        item.hedged = _hedged(sent)
        item.contrasts = alpha[0].lower_ in CONTRASTIVE
        item.stance = (
            about.genre in COVERING_GENRES | ARGUING_GENRES
            and not item.hedged
            and _stance(sent, regions)
        )
        item.continues = _closes_earlier_quote(text[start:end]) or _links_back(sent)
        item.dissenters = _dissenters(sent, mention_owner)
        item.present = _present(sent)
        item.turns = bool(TURN.match(text[start:end].lstrip(OPENING_MARKS)))
        item.reports = _reports(sent, regions)
        # the words tagged as dates or times (read off the tokens: `Span.ents` scans the whole doc)
        dates = " ".join(t.lower_ for t in sent if t.ent_type_ in ("DATE", "TIME"))
        item.dated = bool(dates and DAY_WORDS.search(dates))
        if title:
            forms = {_stem(t.lower_) for t in content} | {_stem(w) for w in lemmas}
            item.title = len(title & forms) / len(title)
        sents.append(item)
    for before, after in itertools.pairwise(sents):
        if after.contrasts:
            before.stance = False  # "I believe it can do good. But ...": conceded, not the stand
    starts = [s.start for s in sents]

    def at(offset: int) -> _Sentence | None:
        i = bisect.bisect_right(starts, offset) - 1
        return sents[i] if i >= 0 and offset < sents[i].end else None

    for actor in actors:
        for mention in actor.mentions:
            s = at(mention.start)
            if s is not None:
                s.actors.add(actor.id)
                if mention.text[:1].isupper() and mention.text.lower() not in POINTING:
                    s.names.add(actor.id)
    for quote in quotes:
        if quote.confidence < CONFIDENT:
            continue
        s = at(quote.start)
        if s is not None and quote.speaker is not None and quote.speaker.actor is not None:
            s.speakers.add(quote.speaker.actor)
    for figure in figures:
        # The summary quotes the sentence itself, so a figure counts here when it is surely a
        # figure (UNCERTAIN), even if its status or owner is not sure enough for a key point.
        s = at(figure.start)
        if s is not None and figure.kind in KEY_FIGURES and figure.confidence >= UNCERTAIN:
            s.figure = True
    return sents


def _title_words(title: str | None) -> set[str]:
    """The headline's content words, lower case and without a plural -s."""
    if not title:
        return set()
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", title.lower())
    # "Amazon's strategy": the text has the name and the possessive as two tokens
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return {_stem(w) for w in words if w not in STOP_WORDS and len(w) > 2}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _is_fragment(sent: Span, text: str) -> bool:
    """A piece that starts mid-sentence: lower case ("which sees ...") or after a closing bracket."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return True
    if first.is_lower and first.is_alpha and first.pos_ != "PROPN":
        return True  # "which sees the issue ...": a split sentence's tail
    if first.text == "(":
        closing = next((t for t in sent if t.text == ")"), None)
        after = (
            sent.doc[closing.i + 1] if closing is not None and closing.i + 1 < sent.end else None
        )
        return after is not None and (after.text in ",;" or after.is_lower)
    if first.text in ",;:)]":
        return True
    # "Offers 'protection against ...'.": a finite verb opening a clause without a subject is
    # the elliptical style of a listing or fact box, not a sentence that stands alone
    root = sent.root
    return (
        root.i == first.i
        and root.tag_ in ("VBZ", "VBD")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
    )


def _first_person(sent: Span, regions: _Regions) -> bool:
    """A first-person "I" (or "my", "myself") outside quotation marks: in a report, someone's
    speech run on, or the writer stepping into the story (an editorial or generic "we" is the
    writer's)."""
    return any(
        (t.text == "I" and t.dep_ in ("nsubj", "nsubjpass") or t.lower_ in OWN and t.pos_ == "PRON")
        and not regions.covers(t.idx)
        for t in sent
    )


def _hedged(sent: Span) -> bool:
    """Whether the main clause is hedged: an epistemic adverb on its verb ("Perhaps there are
    grounds ...", "It may well be ...") or the generic "one" with a modal ("One would hope so"),
    after Hyland's hedges and the Szeged epistemic cues."""
    root = sent.root
    for child in root.children:
        if child.dep_ == "advmod" and child.lower_ in EPISTEMIC_ADVERBS:
            return True
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.lower_ == "one"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
    )


def _stance(sent: Span, regions: _Regions) -> bool:
    """Whether the sentence takes a stand in the writer's own words (outside quotation marks):
    a first-person verb of attitude ("I disagree", "we believe"), "in my view", a deontic modal
    on a main verb ("we should not ...", "the law must ..."), or an evaluative adjective as what
    the main clause says of its subject ("That is a ridiculous approach", "The plan is unfair")."""
    if CONCLUDING.match(sent.text.lstrip(OPENING_MARKS)):
        return True
    root = sent.root
    # the main clause, what the writer asserts; with its `ccomp`, which may be someone's words
    own = {root} | {c for c in root.children if c.dep_ == "conj"}
    main = own | {c for c in root.children if c.dep_ == "ccomp"}
    for tok in sent:
        if regions.covers(tok.idx):
            continue
        low = tok.lower_
        if low in FIRST_PERSON and tok.dep_ == "nsubj" and tok.head.lemma_ in STANCE_VERBS:
            return True
        if low == "my" and tok.head.lower_ in ("view", "opinion") and tok.head.head.lower_ == "in":
            return True
        if low in DEONTIC_MODALS and tok.dep_ == "aux" and tok.head in own:
            return True
        if tok.pos_ == "ADJ" and low in EVALUATIVE_ADJECTIVES:
            if tok.dep_ == "acomp" and tok.head in main:
                return True
            head = tok.head
            if tok.dep_ in ("amod", "conj") and head.dep_ in ("attr", "dobj") and head.head in main:
                return True
    return False


def _reports(sent: Span, regions: _Regions) -> bool:
    """Whether the sentence reports someone's words: a reporting verb, outside quotation marks,
    with the clause it reports ("officials said the bridge would close") or quoted words, or
    "according to"."""
    if "according to" in sent.text.lower():
        return True
    return any(
        t.lemma_.lower() in REPORTING_VERBS
        and t.pos_ == "VERB"
        and not regions.covers(t.idx)
        and any(c.dep_ in ("ccomp", "parataxis") for c in t.children)
        for t in sent
    )


def _present(sent: Span) -> bool:
    """Whether the main clause is in the present or present perfect ("the deal opens a window",
    "a turnaround has taken place", "it is being reborn"): the writer's present, not a scene."""
    root = sent.root
    if root.tag_ in ("VBZ", "VBP"):
        return True
    return root.tag_ in ("VBN", "VBG") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in root.children
    )


def _mark_nut_graf(sents: list[_Sentence], about: Genre) -> bool:
    """In a report that opens on a scene, the nut graf: the sentence that says what the story is.

    Features open on a scene or an anecdote ("The skipper was seven when he saw his first
    stranding ...") and put the story a few paragraphs down, in the present, often turning from
    the scene ("In recent years, however, the island has been reborn") or repeating the
    headline's words: the nut graf of feature writing (the anecdotal lede and "nut graf" of the
    Wall Street Journal's feature formula). An opening that reports no one's words and names no
    day of the news is taken for a scene when a sentence of the first ones (`NUT_WINDOW`) is in
    the present, stands alone, reports no one's words and turns from the scene or repeats more
    of the headline than the opening does; the first such sentence is the nut graf, ranked as a
    lede. A hard-news lede ("Gunmen opened fire on Wednesday ...", "officials said") is kept.
    """
    if about.genre not in REPORTING_GENRES or len(sents) <= 1:
        return False
    opening = sents[0]
    if opening.reports or opening.dated:
        return False
    for s in sents[1:NUT_WINDOW]:
        if (
            s.present
            and not (s.reports or s.leans_back or s.continues or s.question)
            and (s.turns or s.title >= NUT_TITLE and s.title > opening.title)
        ):
            s.nut = True
            return True
    return False


def _usable(sents: list[_Sentence], size: int) -> list[_Sentence]:
    """Sentences worth a place; short ones only when too few are left, furniture only if all is."""
    full = [s for s in sents if not s.skip and not s.short]
    if len(full) >= size:
        return full
    return [s for s in sents if not s.skip] or sents


def _dissenters(sent: Span, mention_owner: dict[int, str]) -> set[str]:
    """Actors who refuse, reject or oppose in the sentence: the subjects of its dissent words."""
    found: set[str] = set()
    for tok in sent:
        if not DISSENT.fullmatch(tok.lower_):
            continue
        verb = governing_verb(tok)
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                found |= {mention_owner[t.idx] for t in child.subtree if t.idx in mention_owner}
    return found


def _pieces(doc: Doc) -> list[Span]:
    """Sentences, with run-ons split where an unpunctuated caption or heading runs into the text."""
    pieces = []
    for sent in doc.sents:
        start = sent.start
        heading = _capital_heading(sent)
        if heading:
            pieces.append(doc[start:heading])
            start = heading
        for tok in doc[start + 1 : sent.end]:
            if _runs_on(doc, tok):
                pieces.append(doc[start : tok.i])
                start = tok.i
        pieces.append(doc[start : sent.end])
    return pieces


def _capital_heading(sent: Span) -> int:
    """Where the text starts after a heading in capitals run into it ("MATCH OF THE SEASON
    Arkwright was on hand ..."): two words or more in capitals, then a capitalised word; 0 if none."""
    words = 0
    for tok in sent:
        if tok.is_alpha and tok.is_upper and len(tok) > 1 or tok.text in ("A", "I") and words:
            words += 1
            continue
        if words >= 2 and tok.is_title and tok.is_alpha:
            return tok.i
        return 0
    return 0


def _runs_on(doc: Doc, tok: Token) -> bool:
    """Whether a new sentence starts at `tok` although nothing ended the one before.

    Web pages lose the line break after a photo caption ("... at the rally Some of the guards
    were ..."): a capitalised function word right after a lowercase word marks the seam, and so
    does a capitalised determiner or pronoun before a lowercase word ("... in Leeds The amount").
    """
    if not tok.is_title or tok.text == "I" or tok.pos_ not in OPENING_POS:
        return False
    prev = doc[tok.i - 1]
    # "... dubbed 'The Long Night' The story of ...": a mark closing a quoted title (on its
    # last word, a space after it) ends the title, and no name runs on across it
    closed = (
        prev.is_quote
        and tok.i > 1
        and not doc[tok.i - 2].is_punct
        and not doc[tok.i - 2].whitespace_
        and bool(prev.whitespace_)
    )
    if closed:
        prev = doc[tok.i - 2]
    elif tok.ent_type_:
        return False
    if prev.is_punct or prev.is_space or not (closed or prev.whitespace_):
        return False
    if prev.pos_ in ("ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "PRON"):
        return False
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.like_num:
        return False  # "No 2"
    if tok.pos_ in ("DET", "PRON") and after is not None and after.is_lower and after.is_alpha:
        # after a capitalised word only where a name ends, not inside a title ("Don't Stop Now")
        return closed or not prev.is_title or bool(prev.ent_type_)
    if not (prev.is_lower and prev.is_alpha) and not prev.like_num:
        return False
    # "told The Times", "named The Big One": a title after a verb is its object
    return not (prev.pos_ == "VERB" and after is not None and after.pos_ == "PROPN")


def _rank_and_centre(sents: list[_Sentence]) -> None:
    """Rank and predecessor among usable sentences, and the share of content words that recur."""
    frequency: Counter[str] = Counter()
    for s in sents:
        frequency.update(s.lemmas)
    for rank, s in enumerate(sents):
        s.rank = rank
        if rank:
            s.before = sents[rank - 1].index
        else:
            s.leans_back = s.continues = False  # the opening sentence has nothing to lean on
        if s.lemmas:
            s.centrality = sum(1 for w in s.lemmas if frequency[w] > 1) / (len(s.lemmas) + 1)
        s.topic = {w: frequency[w] - 1.0 for w in sorted(s.lemmas) if frequency[w] > 1}
    top = max((sum(s.topic.values()) for s in sents), default=0.0)
    for s in sents:
        s.topic = {w: v / top for w, v in s.topic.items()} if top else {}


def _is_furniture(sent: Span, start: int, end: int, whole: str, regions: _Regions) -> bool:
    """Bylines, captions, calls to action, questions, fragments: never summary material."""
    text = whole[start:end]
    if text.rstrip(CLOSERS).endswith("?") and not _reported_question(sent, start, text, regions):
        return True
    if text.rstrip().endswith(":"):
        return True  # "President Obama also said:": it announces what follows, cut off here
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True  # a heading or a list, not a sentence
    if BOILERPLATE.search(text) or BOX_LABEL.search(text):
        return True
    if _caption_label(sent, text) or _frame_marker(sent):
        return True
    return _quote_fragment(sent, start, end, text, regions)


def _reported_question(sent: Span, start: int, text: str, regions: _Regions) -> bool:
    """'Dunmore shared the post, asking, “Who checked?”': a question inside quotation marks
    that a reporting verb outside them gives to its speaker is a statement of what was asked."""
    mark = start + len(text.rstrip(CLOSERS)) - 1
    return (
        text[:1] not in OPENING_MARKS
        and regions.covers(mark)
        and any(
            t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB" and not regions.covers(t.idx)
            for t in sent
        )
    )


def _frame_marker(sent: Span) -> bool:
    """'First, let's say what the sale is not.': an imperative "let" whose clause has the writer
    ('s, us, me) as subject and a verb that announces the text to come."""
    root = sent.root
    if root.lemma_.lower() != "let" or root.tag_ != "VB":
        return False
    return any(
        child.lemma_.lower() in FRAMING_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us", "me") for c in child.children)
        for child in root.children
    )


def _caption_label(sent: Span, text: str) -> bool:
    """A short verbless label and a colon: "Happier times: the couple in 2010"."""
    match = CAPTION_LABEL.match(text)
    if match is None:
        return False
    label_end = stripped_bounds(sent)[0] + match.end()
    # "Among its findings: the class ...": a phrase leading into the sentence it goes on in lower
    # case, not a label over a caption ("On duty: Sergeant Cole ...", "Behind bars: The ...")
    first = next((t for t in sent if not t.is_space), None)
    if first is not None and first.pos_ in ("ADP", "SCONJ") and text[match.end() :][:1].islower():
        return False
    return not any(
        t.tag_ in FINITE_TAGS or t.lemma_ in REPORTING_VERBS for t in sent if t.idx < label_end
    )


def _quote_fragment(sent: Span, start: int, end: int, text: str, regions: _Regions) -> bool:
    """A sentence wholly inside a quotation, with no reporting verb to say whose it is."""
    opens_unclosed = text[:1] in OPENING_MARKS and not regions.holds(start, end)
    closes_unopened = (
        text[-1:] in CLOSING_MARKS
        and text[-2:-1] in ".!?,"
        and not any(mark in text[:-1] for mark in OPENING_MARKS)
    )
    if not (regions.within(start + 1, end - 1) or opens_unclosed or closes_unopened):
        return False
    return not any(t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB" for t in sent)


def _quote_runs_on(text: str) -> bool:
    """A quotation opened inside the sentence that it does not close: it runs on into the next
    sentence, and the summary would cut it off ('... in her preface: “When we listen')."""
    if text.count("“") > text.count("”"):
        return True
    if text[:1] in OPENING_MARKS or text.rstrip(CLOSERS) != text.rstrip():
        return False
    # straight single marks: only one after a space opening on a capital opens a quotation
    # ("don't" does not), and any after a word or a mark, not before one, may close it
    singles = len(SINGLE_OPENING.findall(text)) > len(SINGLE_CLOSING.findall(text))
    return text.count('"') % 2 == 1 or singles


def _closes_earlier_quote(text: str) -> bool:
    """'We know where to dig," she said.': the end of a quotation that opened a sentence before."""
    marks = [c for c in text if c in '"“”']
    return (
        bool(marks)
        and marks[0] in '"”'
        and text[:1] not in OPENING_MARKS
        and (len(marks) % 2 == 1 or marks[0] == "”")
    )


def _straight_quotes(text: str) -> list[tuple[int, int, str]]:
    """Passages in straight single quotes, which `quote_regions` leaves to apostrophes.

    Only a mark after a space that opens on a capital or digit and a mark after final
    punctuation that closes are taken, so "the players' lounge" and "don't" are not quotes.
    """
    return [(m.start(1), m.end(1), "'") for m in STRAIGHT_QUOTE.finditer(text)]


class _Regions:
    """Quoted passages in text order, searchable by offset."""

    def __init__(self, regions: list[tuple[int, int, str]]) -> None:
        self.starts = [a for a, _, _ in regions]
        self.ends = [b for _, b, _ in regions]

    def within(self, start: int, end: int) -> bool:
        """Whether start:end lies inside one quoted passage (its marks included)."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i] + 1

    def covers(self, offset: int) -> bool:
        """Whether the character at `offset` lies inside a quoted passage."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i] + 1

    def holds(self, start: int, end: int) -> bool:
        """Whether a whole quoted passage lies inside start:end."""
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.ends[i] <= end


def _links_back(sent: Span) -> bool:
    """Whether the sentence opens on a connective ("But", "However") or a demonstrative ("This
    email", "That is"): only the sentence before can give it its sense, not a name elsewhere."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    if CONNECTIVE_PHRASE.match(sent.text):
        return True
    return first.lower_ in CONNECTIVE or first.lower_ in DEMONSTRATIVE


def _leans_back(sent: Span) -> bool:
    """Whether the sentence opens with a word that points to its predecessor, or its main
    clause's subject is a personal pronoun ("In 1961, he found ...")."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    word = first.lower_
    if word in CONNECTIVE or CONNECTIVE_PHRASE.match(sent.text):
        return True
    if word in POINTING and first.pos_ in ("PRON", "DET"):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PERSONAL for c in sent.root.children
    )


def _mark_fact_check(text: str, sents: list[_Sentence], about: Genre) -> None:
    """A fact-check's summary keeps the sentence with its verdict and the one with the claim.

    The verdict is the page's rating (ClaimReview markup or a "Rating:" line) where the text
    repeats it, else the fact-checkers' conventional ruling sentence ("We rate this claim ...").
    """
    if about.genre != "fact-check":
        return
    verdict = _plain(about.verdict or "")
    found = [s for s in sents if verdict and verdict in _plain(text[s.start : s.end])]
    found = found or [s for s in sents if RULING.search(text[s.start : s.end])]
    if found:
        found[-1].required = True
    claim = _title_words(about.claim)
    if claim:
        best = max(sents, key=lambda s: (len(claim & {_stem(w) for w in s.lemmas}), -s.rank))
        if len(claim & {_stem(w) for w in best.lemmas}) * 2 >= len(claim):
            best.required = True


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[\"'“”‘’]", "", text.lower()).split())


def _select(sents: list[_Sentence], size: int, w: Weights, genre: str = "news") -> list[_Sentence]:
    """Greedy choice: position prior plus what the sentence adds to those already chosen."""
    chosen: list[_Sentence] = []
    picked: set[int] = set()
    named: dict[str, int] = {}  # actor: the first chosen sentence that names it
    covered: set[str] = set()
    voiced: set[str] = set()
    said: set[str] = set()
    got_figure = got_dissent = got_question = False
    lead = w.lead * LEAD_BY_GENRE.get(genre, 1.0)
    title = w.title_arguing if genre in ARGUING_GENRES else w.title
    coverage = w.coverage if genre in COVERING_GENRES or genre == FEATURE else 0.0
    quote = 0.0 if genre in ARGUING_GENRES else w.quote  # the author's stand, not others' words
    hedged = w.hedged if genre in COVERING_GENRES or genre in ARGUING_GENRES else 0.0
    by_index = {s.index: s for s in sents}

    def score(s: _Sentence) -> float:
        # an opening that addresses the reader is the hook of a feature, not the lede
        prior = 0.0 if s.engages and not s.rank else lead / (1 + s.rank) ** w.decay
        if s.nut:
            prior = max(prior, w.nut * lead)  # the nut graf states the story the scene opens on
        value: float = prior + w.centrality * s.centrality
        value += title * s.title
        value += coverage * sum(v for k, v in s.topic.items() if k not in said)
        value += quote * bool(s.speakers - voiced)
        value -= w.engaging * s.engages
        value += w.figure * s.figure * (0.5 if got_figure else 1.0)
        value += w.dissent * (not got_dissent and bool(s.dissenters - covered))
        value -= w.unfinished * s.unfinished
        value -= hedged * s.hedged
        value += w.stance * (s.stance and not s.speakers)
        value -= w.long_penalty * max(0, s.words - w.long_words)
        value -= w.redundancy * max((_overlap(s, c) for c in chosen), default=0.0)
        value += w.question * s.question
        return value + 100.0 * s.required

    repeats = False  # near-duplicates only when nothing else is left to fill the summary
    while len(chosen) < size:
        best: list[_Sentence] = []
        best_score = -math.inf
        for s in sents:
            if s.index in picked:
                continue
            if s.question and (got_question or len(chosen) + 2 > size or _answer(s, sents) is None):
                continue  # a question comes with its answer, or not at all
            if not repeats and any(_overlap(s, c) >= DUPLICATE for c in chosen):
                continue  # a caption repeating a sentence, or the sentence repeating it
            group = [s]
            if not _readable(s, picked, named):
                before = by_index.get(s.before)
                if (
                    not s.continues
                    or before is None
                    or s.before != s.index - 1
                    or len(chosen) + 2 > size
                    or not _readable(before, picked, named)
                    or before.question
                    or s.question
                    or (not repeats and any(_overlap(before, c) >= DUPLICATE for c in chosen))
                ):
                    continue
                # "But ...", "This is ...": taken with the sentence it continues, both scored as
                # one choice (their mean), when the summary has room for two
                group = [before, s]
            value = sum(score(g) for g in group) / len(group)
            if value > best_score:
                best, best_score = group, value
        if not best:
            if repeats:
                break
            repeats = True
            continue
        if best[-1].question:
            got_question = True
            answer = _answer(best[-1], sents)
            if answer is not None and answer.index not in picked:
                best.insert(0, answer)
        for item in best:
            chosen.append(item)
            picked.add(item.index)
            for actor in item.names:
                named[actor] = min(named.get(actor, item.index), item.index)
            covered |= item.actors
            voiced |= item.speakers
            said |= item.lemmas
            got_figure |= item.figure
            got_dissent |= bool(item.dissenters)
    return chosen


def _answer(question: _Sentence, sents: list[_Sentence]) -> _Sentence | None:
    """The sentence right after a question, if it is a statement: the question's answer."""
    after = question.rank + 1
    if (
        after < len(sents)
        and sents[after].index == question.index + 1
        and not sents[after].question
    ):
        return sents[after]
    return None


def _readable(s: _Sentence, picked: set[int], named: dict[str, int]) -> bool:
    """A sentence that leans on its predecessor needs it, or its actors named before it in the
    summary ("He was nine ..." may not come before the sentence that names him)."""
    if s.continues:
        return s.before == s.index - 1 and s.before in picked  # only right after what it continues
    if not s.leans_back or s.before in picked:
        return True
    return bool(s.actors) and all(named.get(a, s.index) < s.index for a in s.actors)


def _overlap(a: _Sentence, b: _Sentence) -> float:
    if not a.lemmas or not b.lemmas:
        return 0.0
    return len(a.lemmas & b.lemmas) / min(len(a.lemmas), len(b.lemmas))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _span(text: str, s: _Sentence) -> TextSpan:
    return TextSpan(text=text[s.start : s.end], start=s.start, end=s.end)


def key_points(
    doc: Doc, actors: list[Actor], quotes: list[Quote], figures: list[Figure], limit: int = 6
) -> list[KeyPoint]:
    """One line per main speaker's claim and per key figure, in article order, each from its sentence.

    Only confident items (`CONFIDENT`) are used: a point a reader takes at face value must not
    rest on a guessed speaker or a doubtful figure.
    """
    quotes = [q for q in quotes if q.confidence >= CONFIDENT]
    figures = [f for f in figures if f.confidence >= CONFIDENT]
    spoken = [q for q in quotes if _spoken(doc, q) and _whole_claim(doc, q)]
    claims = _main_claims(doc, actors, spoken)
    sentence_of = _SentenceIndex(doc)
    used = {sentence_of(quote.start) for _, quote in claims}
    figure_points = _figure_points(sentence_of, figures, used)
    room = limit - min(len(figure_points), limit // 3)
    points = [_claim_point(sentence_of, quote, who) for who, quote in claims[:room]]
    points += figure_points[: limit - len(points)]
    return sorted(points, key=lambda p: (p.start, p.text))


def _spoken(doc: Doc, quote: Quote) -> bool:
    """Whether a speech verb carries the quote: a claim, not a plan or a stance."""
    if quote.cue is None:
        return quote.kind == "direct"
    if quote.cue.text.lower() == "according to":
        return True
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in REPORTING_VERBS for t in cue)


def _whole_claim(doc: Doc, quote: Quote) -> bool:
    """Words that make a claim on their own line: four words or more, not cut off after a
    conjunction, preposition or determiner ("pointed But")."""
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    alpha = [t for t in words if t.is_alpha] if words is not None else []
    return len(alpha) >= 4 and alpha[-1].pos_ not in ("CCONJ", "SCONJ", "ADP", "DET")


@dataclass(frozen=True)
class _Source:
    """Who a key point quotes: the actor's name and first role, and how often they appear."""

    key: str
    label: str
    weight: int


def _main_claims(doc: Doc, actors: list[Actor], quotes: list[Quote]) -> list[tuple[_Source, Quote]]:
    """Each named speaker with their most telling quote, the most mentioned speakers first.

    Direct words say most, then partial quotes, then reported speech; the earliest breaks ties.
    """
    by_id = {a.id: a for a in actors if a.type in SPEAKER_TYPES}
    surnames = Counter(a.name.split()[-1] for a in actors if a.type == "person")
    by_surname = {
        a.name.split()[-1]: a
        for a in actors
        if a.type == "person" and surnames[a.name.split()[-1]] == 1
    }
    best: dict[str, tuple[_Source, Quote]] = {}
    for quote in quotes:
        source = _source(doc, quote, by_id, by_surname)
        if source is None:
            continue
        kept = best.get(source.key)
        if kept is None or _claim_order(quote) < _claim_order(kept[1]):
            best[source.key] = (source, quote)
    return sorted(best.values(), key=lambda pair: (-pair[0].weight, pair[1].start))


def _source(
    doc: Doc, quote: Quote, by_id: dict[str, Actor], by_surname: dict[str, Actor]
) -> _Source | None:
    """The quote's speaker as a resolved actor, or as the name the text gives, if it is one."""
    speaker = quote.speaker
    if speaker is None:
        return None
    # an unresolved "Lind" is the only person of that surname when there is one
    actor = by_id.get(speaker.actor) if speaker.actor else by_surname.get(speaker.text)
    if actor is not None:
        label = f"{actor.name} ({actor.roles[0]})" if actor.roles else actor.name
        return _Source(actor.id, label, len(actor.mentions))
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if words is None or not all(t.pos_ == "PROPN" for t in words if t.is_alpha):
        return None  # "a spokesman", "Hungary's reluctance": not a name
    return _Source(speaker.text.lower(), speaker.text, 1)


def _claim_order(quote: Quote) -> tuple[int, int]:
    kind = CLAIM_KINDS.index(quote.kind) if quote.kind in CLAIM_KINDS else len(CLAIM_KINDS)
    return kind, quote.start


def _claim_point(sentence_of: _SentenceIndex, quote: Quote, source: _Source) -> KeyPoint:
    """`Name (role) cue: “words”` for a direct quote, `Name (role) cue words` otherwise."""
    start, end = sentence_of(quote.start)
    who = source.label
    passages = [p.text.strip().rstrip(",;:").strip() for p in quote.parts] if quote.parts else []
    # a direct quote interrupted by its reporting clause: its passages, the clause left out
    text = " … ".join(p for p in passages if p) if quote.kind == "direct" and passages else ""
    words = _shortened(text or quote.text.strip().rstrip(",;:").strip())
    cue = quote.cue.text if quote.cue else "said"
    if quote.kind == "direct":
        line = f"{who} {cue}: “{words}”"
    elif cue.lower() == "according to":
        line = f"According to {who}, {words}"
    else:
        line = f"{who} {cue} {words}"
    return KeyPoint(text=" ".join(line.split()), start=start, end=end)


def _figure_points(
    sentence_of: _SentenceIndex, figures: list[Figure], used: set[tuple[int, int]]
) -> list[KeyPoint]:
    """A line per key figure, one per sentence, skipping sentences a claim already stands for."""
    points = []
    for figure in figures:
        if figure.kind not in KEY_FIGURES:
            continue
        where = sentence_of(figure.start)
        if where in used:
            continue
        used.add(where)
        status = f" ({figure.status})" if figure.status != "fact" else ""
        about = figure.subject if figure.subject and figure.subject != figure.text else None
        line = f"{figure.text}{status}: {_shortened(about)}" if about else f"{figure.text}{status}"
        points.append(KeyPoint(text=" ".join(line.split()), start=where[0], end=where[1]))
    return points


class _SentenceIndex:
    """The spaCy sentence, whitespace trimmed, that holds a character offset."""

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        self.bounds = [_trimmed(text, s.start_char, s.end_char) for s in doc.sents]
        self.bounds = [(a, b) for a, b in self.bounds if a < b]
        self.starts = [a for a, _ in self.bounds]

    def __call__(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.bounds[i] if i >= 0 else (offset, offset)


def _shortened(text: str, limit: int = 200) -> str:
    """The text, cut at a word boundary with an ellipsis when longer than `limit` characters."""
    text = " ".join(text.split())  # one line
    if len(text) <= limit:
        return text
    return text[: limit - 2].rsplit(" ", 1)[0].rstrip(",;:") + " …"
