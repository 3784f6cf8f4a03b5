"""One scorer per evaluation task: timex, entities, figures, quotes, hedges, summaries."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from generator.evaluation.metrics import Pair, aligned, match_spans, offset_of, prf, shift_spans
from generator.model import Report

PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves this that these
    those who whom whose which""".split()
)


SPEECH_CUE = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|stat(?:e|es|ed|ing)|add(?:s|ed|ing)?|warn(?:s|ed|ing)?"
    r"|according to|ask(?:s|ed|ing)?|explain(?:s|ed|ing)?|not(?:e|es|ed|ing)|wr(?:ite|ites|ote|itten|iting)"
    r"|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|argu(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|announc(?:e|es|ed|ing)"
    r"|tweet(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|testif(?:y|ies|ied|ying)"
    r"|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|recall(?:s|ed|ing)?|continu(?:e|es|ed|ing))\b",
    re.I,
)


# --- timex --------------------------------------------------------------------------------------


def score_timex(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """Strict and relaxed span scores, value and type accuracy (TempEval-3 style)."""
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    for record, report in zip(records, reports, strict=True):
        gold, preds, pairs = aligned(record, report, "timexes", lambda r: r.temporal_expressions)
        n_gold += len(gold)
        n_pred += len(preds)
        for gi, pi in pairs:
            g, (s, e, p) = gold[gi], preds[pi]
            relaxed += 1
            strict += g["start"] == s and g["end"] == e
            value_ok += g["value"] == p.value
            type_ok += g["type"] == p.type
    scores = {**prf(strict, n_pred, n_gold, "strict_"), **prf(relaxed, n_pred, n_gold, "relaxed_")}
    scores["value_accuracy"] = round(value_ok / relaxed, 4) if relaxed else 0.0
    scores.update(prf(value_ok, n_pred, n_gold, "value_"))
    scores["type_accuracy"] = round(type_ok / relaxed, 4) if relaxed else 0.0
    scores.update(gold=n_gold, predicted=n_pred)
    return scores


# --- entities -----------------------------------------------------------------------------------

TYPE_OF = {"person": "PER", "organization": "ORG", "place": "LOC"}


def is_name(text: str) -> bool:
    """A proper-name mention: not a pronoun, and a capital letter after any leading determiner."""
    stripped = text.strip()
    if stripped.lower() in PRONOUNS:
        return False
    stripped = re.sub(r"^(?:the|a|an)\s+", "", stripped, flags=re.I)
    return any(ch.isupper() for ch in stripped)


def score_entities(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """Mention P/R/F1 (exact/overlap, typed/untyped) and document-level entity scores."""
    totals: dict[str, int] = defaultdict(int)
    entity_total = entity_covered = 0
    actors_scored = actors_matched = 0
    fragments: list[int] = []
    pron_pred = pron_right = pron_gold = 0
    for record, report in zip(records, reports, strict=True):
        text = record["text"]
        until = record.get("annotated_until", len(text))
        gold = [
            m
            for m in record["mentions"]
            if m["type"] in ("PER", "ORG", "LOC") and is_name(m["text"]) and m["start"] < until
        ]
        gold_names = {(m["start"], m["end"]) for m in gold}
        neutral = [
            (m["start"], m["end"])
            for m in record.get("all_mentions", [])
            if (m["start"], m["end"]) not in gold_names
        ]
        entities = {m["entity"] for m in gold}
        entity_total += len(entities)
        gold_pronouns = [
            m for m in record.get("all_mentions", []) if m.get("syntactic_type") == "PRO"
        ]
        gold_entity_types = {
            m["entity"]
            for m in record.get("all_mentions", [])
            if m["type"] in ("PER", "ORG", "LOC")
        }
        pron_gold += sum(1 for m in gold_pronouns if m["entity"] in gold_entity_types)
        for key in ("exact_untyped", "exact_typed", "overlap_untyped", "overlap_typed"):
            totals[f"{key}_gold"] += len(gold)
        offset = offset_of(report, record)
        if report is None or offset is None:
            continue
        preds = []
        pronoun_preds = []
        for actor in report.actors:
            if actor.type not in TYPE_OF:
                continue
            for s, e, mention in shift_spans(actor.mentions, offset, len(text)):
                if s >= until:
                    continue
                if is_name(mention.text):
                    preds.append((s, e, TYPE_OF[actor.type], actor.id))
                elif mention.text.strip().lower() in PRONOUNS:
                    pronoun_preds.append((s, e, actor.id))
        spans = [(s, e) for s, e, _, _ in preds]
        gold_spans = [(m["start"], m["end"]) for m in gold]
        overlap_pairs = match_spans(gold_spans, spans)
        matched_pred = {pi for _, pi in overlap_pairs}
        # Unmatched predictions that overlap an annotated non-name mention are neither right nor wrong.
        ignored = {
            pi
            for pi, (s, e) in enumerate(spans)
            if pi not in matched_pred and any(min(e, ne) > max(s, ns) for ns, ne in neutral)
        }
        n_pred = len(preds) - len(ignored)
        exact_pairs = [(gi, pi) for gi, pi in overlap_pairs if gold_spans[gi] == spans[pi]]
        for key, pairs in (("exact", exact_pairs), ("overlap", overlap_pairs)):
            totals[f"{key}_untyped_pred"] += n_pred
            totals[f"{key}_typed_pred"] += n_pred
            totals[f"{key}_untyped_match"] += len(pairs)
            totals[f"{key}_typed_match"] += sum(
                1 for gi, pi in pairs if gold[gi]["type"] == preds[pi][2]
            )
        actor_of_entity: dict[str, set[str]] = defaultdict(set)
        for gi, pi in overlap_pairs:
            actor_of_entity[gold[gi]["entity"]].add(preds[pi][3])
        entity_covered += len(actor_of_entity)
        fragments.extend(len(v) for v in actor_of_entity.values())
        scored_actors = {a for _, _, _, a in preds}
        matched_actors = {preds[pi][3] for _, pi in overlap_pairs}
        actors_scored += len(scored_actors)
        actors_matched += len(matched_actors & scored_actors)
        # Pronouns: right when the actor covers the pronoun's gold entity.
        by_offsets = {(m["start"], m["end"]): m["entity"] for m in gold_pronouns}
        covers: dict[str, set[str]] = defaultdict(set)
        for entity, actor_ids in actor_of_entity.items():
            for a in actor_ids:
                covers[a].add(entity)
        for s, e, actor_id in pronoun_preds:
            if (s, e) in by_offsets:
                pron_pred += 1
                pron_right += by_offsets[(s, e)] in covers[actor_id]
    scores: dict[str, Any] = {}
    for key in ("exact_untyped", "exact_typed", "overlap_untyped", "overlap_typed"):
        scores.update(
            prf(totals[f"{key}_match"], totals[f"{key}_pred"], totals[f"{key}_gold"], f"{key}_")
        )
    scores["entity_recall"] = round(entity_covered / entity_total, 4) if entity_total else 0.0
    scores["actor_precision"] = round(actors_matched / actors_scored, 4) if actors_scored else 0.0
    scores["fragmentation"] = round(sum(fragments) / len(fragments), 4) if fragments else 0.0
    scores["pronoun_link_accuracy"] = round(pron_right / pron_pred, 4) if pron_pred else 0.0
    scores["pronoun_recall"] = round(pron_right / pron_gold, 4) if pron_gold else 0.0
    scores.update(gold=totals["exact_untyped_gold"], predicted=totals["exact_untyped_pred"])
    return scores


# --- figures ------------------------------------------------------------------------------------

FIGURE_TYPES = {"money": "MONEY", "percent": "PERCENT", "quantity": "QUANTITY", "count": "QUANTITY"}


def score_figures(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """Overlap and exact P/R/F1 of money, percent, quantity and count figures, and kind accuracy."""
    n_gold = n_pred = overlap = exact = kind_ok = 0
    for record, report in zip(records, reports, strict=True):
        gold, preds, pairs = aligned(
            record, report, "values", lambda r: r.figures, lambda f: f.kind in FIGURE_TYPES
        )
        n_gold += len(gold)
        n_pred += len(preds)
        for gi, pi in pairs:
            g, (s, e, f) = gold[gi], preds[pi]
            overlap += 1
            exact += g["start"] == s and g["end"] == e
            kind_ok += FIGURE_TYPES[f.kind] == g["type"]
    scores = {**prf(overlap, n_pred, n_gold, "overlap_"), **prf(exact, n_pred, n_gold, "exact_")}
    scores["kind_accuracy"] = round(kind_ok / overlap, 4) if overlap else 0.0
    scores.update(gold=n_gold, predicted=n_pred)
    return scores


# --- quotes -------------------------------------------------------------------------------------

TRIM = " \t\r\n\"'“”‘’«»,.;:"


def _trimmed(text: str, start: int, end: int) -> Pair:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _overlaps(spans: list[dict[str, Any]], s: int, e: int) -> bool:
    return any(min(e, x["end"]) > max(s, x["start"]) for x in spans)


def score_quotes(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """Content overlap/exact P/R/F1 and speaker/cue accuracy, for all and for speech attributions."""
    t: dict[str, int] = defaultdict(int)
    for record, report in zip(records, reports, strict=True):
        text = record["text"]
        gold = [a for a in record["attributions"] if a["content"]]
        speech = [bool(SPEECH_CUE.search(" ".join(c["text"] for c in a["cue"]))) for a in gold]
        t["all_gold"] += len(gold)
        t["speech_gold"] += sum(speech)
        offset = offset_of(report, record)
        if report is None or offset is None:
            continue
        preds = shift_spans(report.quotes, offset, len(text))
        t["all_pred"] += len(preds)
        extents = [
            (min(c["start"] for c in a["content"]), max(c["end"] for c in a["content"]))
            for a in gold
        ]
        gold_trim = [_trimmed(text, s, e) for s, e in extents]
        pred_trim = [_trimmed(text, s, e) for s, e, _ in preds]
        candidates = []
        for gi, a in enumerate(gold):
            for pi, (s, e, _) in enumerate(preds):
                ov = sum(max(0, min(e, c["end"]) - max(s, c["start"])) for c in a["content"])
                if ov > 0:
                    candidates.append((-(gold_trim[gi] == pred_trim[pi]), -ov, gi, pi))
        candidates.sort()
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, _, gi, pi in candidates:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            a, (s, e, q) = gold[gi], preds[pi]
            exact = gold_trim[gi] == pred_trim[pi]
            spk = q.speaker
            if spk is None:
                source_ok = not a["source"]
            else:
                source_ok = _overlaps(a["source"], spk.start - offset, spk.end - offset)
            cue = q.cue
            cue_ok = (
                (not a["cue"])
                if cue is None
                else _overlaps(a["cue"], cue.start - offset, cue.end - offset)
            )
            for prefix, counted in (("all", True), ("speech", speech[gi])):
                if not counted:
                    continue
                t[f"{prefix}_match"] += 1
                t[f"{prefix}_exact"] += exact
                t[f"{prefix}_source"] += source_ok
                t[f"{prefix}_cue"] += cue_ok
            if not speech[gi]:
                t["speech_excluded"] += 1
    scores: dict[str, Any] = {}
    for prefix in ("all", "speech"):
        predicted = t["all_pred"] - (t["speech_excluded"] if prefix == "speech" else 0)
        scores.update(
            prf(t[f"{prefix}_match"], predicted, t[f"{prefix}_gold"], f"{prefix}_content_overlap_")
        )
        scores.update(
            prf(t[f"{prefix}_exact"], predicted, t[f"{prefix}_gold"], f"{prefix}_content_exact_")
        )
        matched = t[f"{prefix}_match"]
        scores[f"{prefix}_source_accuracy"] = (
            round(t[f"{prefix}_source"] / matched, 4) if matched else 0.0
        )
        scores[f"{prefix}_cue_accuracy"] = (
            round(t[f"{prefix}_cue"] / matched, 4) if matched else 0.0
        )
    scores.update(gold=t["all_gold"], predicted=t["all_pred"])
    return scores


# --- hedges -------------------------------------------------------------------------------------

UNCERTAIN_KINDS = ("hedged", "weasel", "forward-looking")


def score_hedges(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """Uncertain-sentence P/R/F1 and accuracy: a sentence is uncertain when a hedge-like
    uncertainty mark (or, in reports from before `uncertainty`, a caveat) overlaps it."""
    tp = fp = fn = tn = 0
    for record, report in zip(records, reports, strict=True):
        offset = offset_of(report, record)
        caveats = (
            []
            if report is None or offset is None
            else [
                (s, e)
                for s, e, c in shift_spans(
                    [*report.uncertainty, *report.caveats], offset, len(record["text"])
                )
                if c.kind in UNCERTAIN_KINDS and e > s
            ]
        )
        for sent in record["sentences"]:
            predicted = any(min(e, sent["end"]) > max(s, sent["start"]) for s, e in caveats)
            gold = sent["label"] == "uncertain"
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
            tn += not predicted and not gold
    scores = prf(tp, tp + fp, tp + fn, "uncertain_")
    total = tp + fp + fn + tn
    scores["accuracy"] = round((tp + tn) / total, 4) if total else 0.0
    return {**scores, "sentences": total, "gold_uncertain": tp + fn, "predicted_uncertain": tp + fp}


# --- summaries ----------------------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr co corp inc ltd gen gov sen rep col lt sgt capt mt vs etc u.s u.k jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(])|\n+")


_LAST_WORD = re.compile(r"([\w.]+)[.!?][\"'”’)\]]*$")


# "B.", "B.B." and "M.D." are initials; "No." abbreviates "number" only before a figure
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


_NUMBER_SIGN = re.compile(r"no\.\s+\d", re.I)


def lead_sentences(text: str, n: int = 3) -> list[str]:
    """The first `n` sentences by the simple splitter the summaries README defines."""
    sentences = []
    start = 0
    for match in _SENT_END.finditer(text):
        if match.group(0).strip() and _is_abbreviation(text, start, match.start()):
            continue
        sentence = text[start : match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
        if len(sentences) >= n:
            break
    if len(sentences) < n and text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences[:n]


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or initials, not a sentence."""
    last_word = _LAST_WORD.findall(text[start : stop + 1])
    if not last_word:
        return False
    word = last_word[0]
    if word.lower().rstrip(".") in ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    return word.lower() == "no" and bool(_NUMBER_SIGN.match(text, stop - 2))


def score_summaries(records: list[dict[str, Any]], reports: list[Report | None]) -> dict[str, Any]:
    """ROUGE-1/2/L/Lsum F1 of the summary and of Lead-3, averaged over articles."""
    try:
        from rouge_score import rouge_scorer
    except ImportError as err:
        raise SystemExit(
            "the summaries task needs rouge-score: pip install 'news-dossier[eval]'"
        ) from err
    kinds = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(kinds, use_stemmer=True)
    ours: dict[str, float] = defaultdict(float)
    lead: dict[str, float] = defaultdict(float)
    for record, report in zip(records, reports, strict=True):
        reference = "\n".join(record["reference"])
        summary = "\n".join(s.text for s in report.summary) if report is not None else ""
        if summary:
            for k, v in scorer.score(reference, summary).items():
                ours[k] += v.fmeasure
        for k, v in scorer.score(reference, "\n".join(lead_sentences(record["text"]))).items():
            lead[k] += v.fmeasure
    n = len(records) or 1
    scores = {k: round(ours[k] / n, 4) for k in kinds}
    scores.update({f"lead3_{k}": round(lead[k] / n, 4) for k in kinds})
    scores["articles"] = len(records)
    return scores
