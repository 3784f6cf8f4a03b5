"""Article-level caveats: a headline that quotes what the body does not, and the genre.

A quotation is verbatim by convention (the AP Stylebook: "never alter quotations"): words a
headline or dek puts in quotation marks must be in the article as someone's words. When the
body gives them with a word or two changed, the article quotes one statement two ways (an
inconsistency, shown on the body's version); when the body does not have them at all, the
headline puts words in someone's mouth (a headline caveat).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.extract.caveats.article import article_level
from generator.extract.caveats.lexicons import (
    EDITORIALIZING,
    EPISTEMIC_ADJECTIVES,
    EPISTEMIC_ADVERBS,
)
from generator.extract.common import doc_text, quote_regions, stripped_bounds
from generator.model import CONFIDENT, TEXT_GENRE_MAX, UNCERTAIN, Article, Caveat
from generator.model import Span as TextSpan

HEADLINE_QUOTE = re.compile(r"(?:^|(?<=[\s:(]))['‘]([^'‘’\n]{2,200}?)['’](?=$|[\s:,.;!?)])")
"""A quotation in single marks, which headlines use by convention ('Neutral', 'Is It ...?')."""
SAME_QUOTE = 0.85
"""Similarity (difflib ratio of the normalised words) above which two quotations are one
statement quoted two ways."""
WEAK_MODALS = frozenset("could may might would should".split())
"""Modals that make a statement a possibility ('will' and 'can' do not)."""
WEAKENING = WEAK_MODALS | EPISTEMIC_ADVERBS | EPISTEMIC_ADJECTIVES | {"expected"}
SAME_CLAIM = 0.6
"""Share of the headline's content words a sentence must have to state the headline's claim."""
MIN_CLAIM_WORDS = 3
SAME_THINGS = 2
"""Nouns or names two sentences must share to be about the same things."""
SURPASSING = frozenset("overtake surpass exceed outpace outstrip outnumber eclipse".split())
"""Verbs that state a comparison ('X overtakes Y' says 'more X than Y')."""
FORECAST_NOUNS = frozenset("forecast projection prediction".split())
FORECAST_VERBS = frozenset("forecast project predict".split())
"""Words that present a figure as a forecast, not a fact."""
OTHER = frozenset("other else another".split())
"""Modifiers that set a noun apart from the things named before ('other programs')."""
NO_CERTAINTY = frozenset("guarantee guaranteed certain certainty sure".split())
"""Words that, negated ('no guarantee', 'not certain'), doubt a forecast: a sentence with a
forecast word and one of them is the best evidence that the figures are forecasts."""
TEXT_GENRE = "text:"
"""`Article.genre_evidence` prefix when only the article's own words showed its genre."""
NO_LABEL = "no genre label"
"""`Article.genre_evidence` prefix of a page that labels nothing (news by default; the contract)."""
BLOG = re.compile(r"(?<![a-z])blogs?(?![a-z])", re.I)
"""A page filed under a blog (its address or section) is labelled personal writing."""
WRITER = frozenset("i me my myself".split())
"""The writer in the first person singular (a reporter does not write 'I' in a news story)."""
MIN_QUESTIONS = 2
MIN_VERDICTS = 2
"""An argument, not a report: the writer puts questions to the reader (rhetorical questions),
speaks as 'I', and tells the reader what to think ('certainly', 'clearly'), all outside
quotation, at least this often. Each alone occurs in news and features; together they are the
marks of a column (the stance features of register studies: first person, questions, stance
adverbs)."""


def normalise(text: str) -> str:
    """Lower case, one kind of quote mark and dash, no punctuation at the ends, single spaces."""
    text = text.lower().translate(str.maketrans("‘’“”–—", "''\"\"--"))
    text = re.sub(r"[^\w'\- ]+", " ", text)
    return " ".join(text.split())


def headline_caveats(doc: Doc, article: Article) -> list[Caveat]:
    """Quotations of the headline and dek that the body gives otherwise, or not at all."""
    text = doc_text(doc)
    body = " " + normalise(text) + " "
    body_quotes = [(s, e) for s, e, _ in quote_regions(text)]
    caveats: list[Caveat] = []
    seen: set[str] = set()
    for where, line in (("headline", article.title), ("dek", article.dek)):
        if not line:
            continue
        double = [(s, e) for s, e, mark in quote_regions(line) if mark not in "'‘"]
        single = [m.span(1) for m in HEADLINE_QUOTE.finditer(line)]
        for s, e in sorted(set(double + single)):
            quoted = normalise(line[s:e])
            if not quoted or quoted in seen or f" {quoted} " in body:
                continue
            seen.add(quoted)
            closest = _closest_quote(text, body_quotes, quoted)
            if closest is not None:
                caveats.append(_two_ways(doc, text, where, line[s:e], closest))
            elif where == "headline" and (s, e) in double:
                # single marks in a headline report speech in other words by convention
                # (British style: 'biggest frustration'); double marks quote it
                caveats.append(_unsupported(line[s:e]))
    return caveats


def weaker_in_body(doc: Doc, article: Article) -> list[Caveat]:
    """A headline that states flatly what every sentence of the article that carries it states
    as a possibility ('Will Shortly Owe' / 'could soon owe', 'kills' / 'allegedly killed').

    Before saying the article *only* hedges the claim, the whole text is read for the same
    claim stated without a hedge (`_restated`); the headline itself is not searched (it is the
    claim being checked), nor the dek (not part of the article text). When the body states it
    flatly too, the headline follows the body and there is no such caveat; but when the writer
    also calls the article's numbers forecasts or projections ('the projections are not
    guaranteed'), the headline states as certain what the article presents as a
    forecast, and the caveat says that instead (`_forecast_caveat`)."""
    title = article.title or ""
    words = _content_words(title)
    if len(words) < MIN_CLAIM_WORDS or "?" in title:
        return []
    if any(w.lower() in WEAKENING for w in re.findall(r"[A-Za-z']+", title)):
        return []
    carrying: list[tuple[Span, str]] = []
    for sent in doc.sents:
        shared = words & _content_words(sent.text)
        if len(shared) / len(words) < SAME_CLAIM:
            continue
        weak = _weakening(sent)
        if weak is None:
            return []  # the article states it as flatly somewhere
        carrying.append((sent, weak))
    if not carrying:
        return []
    text = doc_text(doc)
    first, weak = carrying[0]
    flat = _restated(doc, [s for s, _ in carrying])
    if flat is not None:
        return _forecast_caveat(doc, first, weak, flat)
    start, end = stripped_bounds(first)
    return [
        Caveat(
            kind="headline",
            text=text[start:end],
            start=start,
            end=end,
            cue=weak,
            severity="warning",
            explanation=f"The headline states it flatly; the article only says it with '{weak}'.",
            confidence=0.6,
            evidence=[
                TextSpan(text[a:b], a, b) for a, b in (stripped_bounds(s) for s, _ in carrying)
            ],
        )
    ]


def _weakening(sent: Span) -> str | None:
    """The first word that makes the sentence a possibility: a weak modal, an epistemic
    adverb or adjective, 'expected'."""
    return next(
        (
            t.text
            for t in sent
            if (t.tag_ == "MD" and t.lower_ in WEAK_MODALS)
            or (t.lower_ in EPISTEMIC_ADVERBS | EPISTEMIC_ADJECTIVES)
            or (t.lower_ == "expected" and t.tag_ == "VBN")
        ),
        None,
    )


def _nouns(sent: Span) -> set[str]:
    """The lemmas of the sentence's nouns and names (the things a claim is about), except
    those marked as different things ('other programs', 'programs else')."""
    return {
        t.lemma_.lower()
        for t in sent
        if t.pos_ in ("NOUN", "PROPN")
        and len(t.text) >= 3
        and t.lower_ not in STOP_WORDS
        and not any(c.lower_ in OTHER for c in t.children)
    }


def _figures(sent: Span) -> set[str]:
    """The numbers of the sentence, as written ('2030', '4.5')."""
    return {t.text for t in sent if t.like_num and any(c.isdigit() for c in t.text)}


def _comparison(sent: Span) -> tuple[set[str], set[str]] | None:
    """A comparison split into what is compared and what it is compared with: 'more X than
    Y' (a comparative, then 'than') or a verb of surpassing ('X overtakes Y'); the nouns
    before the turn and those after it. None when the sentence compares nothing."""
    comparative = False
    for tok in sent:
        comparative = comparative or tok.tag_ in ("JJR", "RBR")
        if (comparative and tok.lower_ == "than") or (
            tok.pos_ == "VERB" and tok.lemma_.lower() in SURPASSING
        ):
            return _nouns(sent[: tok.i - sent.start]), _nouns(sent[tok.i - sent.start + 1 :])
    return None


def _root_verb(sent: Span) -> str | None:
    return next((t.lemma_.lower() for t in sent if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)


def _restated(doc: Doc, hedged: list[Span]) -> Span | None:
    """The first sentence that states, with no hedge and no negation, the claim of one of the
    hedged sentences: the same comparison (a thing compared and a thing it is compared with in
    common: 'more X than Y or Z' / 'X will overtake Z'), the same things (two nouns or names)
    with the same main verb, or the same figure about the same things. Questions and hedged
    sentences do not count."""
    claims = [(_nouns(h), _figures(h), _root_verb(h), _comparison(h)) for h in hedged]
    starts = {h.start for h in hedged}
    for sent in doc.sents:
        if (
            sent.start in starts
            or sent.text.rstrip().endswith("?")
            or _weakening(sent)
            or any(t.dep_ == "neg" for t in sent)
        ):
            continue
        nouns, figures, verb = _nouns(sent), _figures(sent), _root_verb(sent)
        compared = _comparison(sent)
        for h_nouns, h_figures, h_verb, h_compared in claims:
            if compared and h_compared:
                if compared[0] & h_compared[0] and compared[1] & h_compared[1]:
                    return sent
                continue  # two comparisons of different things: other claims
            shared = len(nouns & h_nouns)
            if shared >= SAME_THINGS and (
                (verb is not None and verb == h_verb) or figures & h_figures
            ):
                return sent
    return None


def _forecast_caveat(doc: Doc, hedged: Span, weak: str, flat: Span) -> list[Caveat]:
    """The headline states flatly what the article also states flatly, but the writer calls
    the numbers forecasts or projections (in their own voice, outside quotation) in a sentence
    that doubts them ('no guarantee', 'could') or is about the same things (a noun of the
    claim): a caveat on that sentence, the doubting one first; [] when no sentence does."""
    text = doc_text(doc)
    quoted = [(s, e) for s, e, _ in quote_regions(text)]
    claim = _nouns(hedged) | _nouns(flat)
    framing = None
    for sent in doc.sents:
        cue = next((t for t in sent if _forecast_word(t)), None)
        if cue is None or any(s <= cue.idx < e for s, e in quoted):
            continue
        doubt = any(t.lower_ in NO_CERTAINTY for t in sent) or _weakening(sent) is not None
        if not doubt and not _nouns(sent) & claim:
            continue
        if framing is None or (doubt and not framing[2]):
            framing = (sent, cue, doubt)
        if doubt:
            break
    if framing is None:
        return []
    sent, cue, doubt = framing
    start, end = stripped_bounds(sent)
    said = text[start:end]
    says = "warns" if doubt else "says"
    spans = sorted({stripped_bounds(s) for s in (hedged, flat, sent)})
    return [
        Caveat(
            kind="headline",
            text=said,
            start=start,
            end=end,
            cue=cue.text,
            severity="warning",
            explanation="The headline states as certain what the article presents as a "
            f"forecast: it says it with '{weak}', states it flatly elsewhere, and {says}: '{said}'",
            cue_start=cue.idx,
            cue_end=cue.idx + len(cue.text),
            confidence=0.6,
            evidence=[TextSpan(text[a:b], a, b) for a, b in spans],
        )
    ]


def _forecast_word(tok: Token) -> bool:
    """'forecast(s)', 'projection(s)', 'prediction(s)'; 'projected', 'forecast', 'predicted'
    as verbs (not 'project', a piece of work, nor 'estimate', often a mere approximation)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma in FORECAST_NOUNS
    return tok.pos_ == "VERB" and lemma in FORECAST_VERBS


def _content_words(text: str) -> set[str]:
    """Words of three letters or more that are not stop words, cut to five letters so that
    'spends' and 'spend', 'rises' and 'rise' meet."""
    return {
        w.lower()[:5]
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)
        if len(w) >= 3 and w.lower() not in STOP_WORDS
    }


def _closest_quote(
    text: str, regions: list[tuple[int, int]], quoted: str
) -> tuple[int, int] | None:
    best, best_ratio = None, SAME_QUOTE
    for s, e in regions:
        ratio = SequenceMatcher(None, quoted, normalise(text[s:e])).ratio()
        if ratio >= best_ratio:
            best, best_ratio = (s, e), ratio
    return best


def _two_ways(doc: Doc, text: str, where: str, line_quote: str, body: tuple[int, int]) -> Caveat:
    span = doc.char_span(body[0], body[1], alignment_mode="expand")
    start, end = stripped_bounds(span.sent) if span is not None else body
    return Caveat(
        kind="inconsistency",
        text=text[start:end],
        start=start,
        end=end,
        cue=text[body[0] : body[1]],
        severity="warning",
        explanation=f"The {where} quotes '{line_quote}', the article '{text[body[0] : body[1]]}': "
        "one statement quoted two ways.",
        cue_start=body[0],
        cue_end=body[1],
        confidence=CONFIDENT,
        evidence=[TextSpan(text[start:end], start, end)],
    )


def _unsupported(line_quote: str) -> Caveat:
    return article_level(
        "headline",
        line_quote,
        "high",
        f"The headline puts '{line_quote}' in quotation marks, but nobody in the article says "
        "these words.",
        0.7,
    )


def argued(doc: Doc, quoted: list[tuple[int, int]], loose: bool = False) -> list[TextSpan]:
    """The sentences where the writer argues in their own voice (questions to the reader, 'I',
    verdict adverbs), when all three occur often enough to make the text a column; else [].
    `loose`: every such sentence, however few (the evidence for a genre read elsewhere)."""
    text = doc_text(doc)
    questions: list[Span] = []
    writer: list[Span] = []
    verdicts: list[Span] = []

    def own(tok: Token) -> bool:
        return not any(s <= tok.idx < e for s, e in quoted)

    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is not None and last.text == "?" and own(last):
            questions.append(sent)
        if any(own(t) and _writer(t) for t in sent):
            writer.append(sent)
        if any(own(t) and t.lower_ in EDITORIALIZING and t.pos_ == "ADV" for t in sent):
            verdicts.append(sent)
    if not loose and (len(questions) < MIN_QUESTIONS or not writer or len(verdicts) < MIN_VERDICTS):
        return []
    chosen = sorted(
        {s.start: s for s in (*questions, *writer, *verdicts)}.values(), key=lambda s: s.start
    )
    return [TextSpan(text[a:b], a, b) for a, b in (stripped_bounds(s) for s in chosen)]


def _writer(tok: Token) -> bool:
    """'I', 'my', 'me', or 'let's' (the writer with the reader)."""
    if tok.lower_ in WRITER and tok.tag_ in ("PRP", "PRP$"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "let" and nxt is not None and nxt.lower_ in ("'s", "’s")


def genre_from_text(article: Article) -> bool:
    """Whether only the article's text showed its genre, an opinion or analysis."""
    return article.genre in ("opinion", "analysis") and (article.genre_evidence or "").startswith(
        TEXT_GENRE
    )


def genre_caveats(
    article: Article,
    sourcing: list[Caveat],
    argument: list[TextSpan] | None = None,
    marks: list[TextSpan] | None = None,
) -> list[Caveat]:
    """Opinion or analysis that the page does not label (only its text shows it, or the text
    argues on a page labelled nothing: `argument`, from `argued`), and a fact-check whose
    verdict rests on unnamed sources (`sourcing`: the article's sourcing caveats).

    A genre read from the text cites the sentences that show it (`argument`, else `marks`: the
    sentences with any mark of an argument, from `argued(..., loose=True)`) and is as sure as
    the genre is."""
    caveats = []
    evidence = article.genre_evidence or ""
    if BLOG.search(f"{article.url or ''} {article.section or ''}"):
        pass  # a blog is labelled personal writing
    elif article.genre == "news" and evidence.startswith(NO_LABEL) and argument:
        caveats.append(
            article_level(
                "genre",
                None,
                "warning",
                "The page labels this as nothing, but it argues like a column: the writer puts "
                "questions to the reader, speaks as 'I' and tells the reader what to think. A "
                "reader may take it for news.",
                0.7,
                argument[:5],
            )
        )
    elif genre_from_text(article):
        caveats.append(
            article_level(
                "genre",
                None,
                "warning",
                f"The page does not label this {article.genre}; only its text shows it "
                f"({evidence[len(TEXT_GENRE) :].strip()}). A reader may take it for news.",
                max(UNCERTAIN, min(article.genre_confidence, TEXT_GENRE_MAX)),
                (argument or marks or [])[:5],
            )
        )
    check = article.fact_check
    weak = [c for c in sourcing if c.kind == "sourcing"]
    if article.genre == "fact-check" and check is not None and check.verdict and weak:
        claim = f" on '{check.claim}'" if check.claim else ""
        who = f" ({check.claimant})" if check.claimant else ""
        cues = ", ".join(f"'{c.cue}'" for c in weak[:3])
        caveats.append(
            article_level(
                "genre",
                check.verdict,
                "high" if any(c.severity == "high" for c in weak) else "warning",
                f"A fact-check: its verdict{claim}{who} is '{check.verdict}', and it rests in "
                f"part on sources the article does not name ({cues}).",
                0.7,
                [e for c in weak for e in c.evidence][:5],
            )
        )
    return caveats
