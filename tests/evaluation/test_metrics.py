"""The scoring primitives of `dossier eval`, on spans written here."""

from __future__ import annotations

from generator.evaluation.metrics import match_spans, prf
from generator.evaluation.tasks import lead_sentences


def test_spans_match_one_to_one_exact_agreement_first():
    gold = [(0, 10), (20, 30)]
    pred = [(0, 12), (0, 10), (25, 40), (50, 60)]
    # (0, 10) takes the exact prediction; (20, 30) the overlapping one; the rest stay unmatched
    assert match_spans(gold, pred) == [(0, 1), (1, 2)]


def test_precision_recall_and_f1_are_rounded_and_prefixed():
    assert prf(2, 4, 3, "x_") == {"x_p": 0.5, "x_r": 0.6667, "x_f1": 0.5714}
    assert prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_lead_sentences_do_not_stop_at_abbreviations_or_initials():
    text = "Mr. Reed met Gov. B.B. Tan on Monday. They spoke. No. 3 was chosen. Then it rained."
    assert lead_sentences(text) == [
        "Mr. Reed met Gov. B.B. Tan on Monday.",
        "They spoke.",
        "No. 3 was chosen.",
    ]
