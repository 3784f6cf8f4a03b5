"""Sentence boundaries the project's own pipeline component sets (generator.analysis.nlp)."""

from __future__ import annotations


def test_a_line_break_starts_a_sentence(nlp):
    doc = nlp("Tolls rise in May\nThe council voted on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Tolls rise in May",
        "The council voted on Monday.",
    ]


def test_a_question_mark_closing_a_quoted_title_before_a_citation_does_not_end_the_sentence(nlp):
    text = (
        "Thanks for the report.\nThe column \u201cIs the harbor bridge really headed for "
        "closure?\u201d (Page A4, May 2) regarding \u201cconfusion about everything from tolls "
        "to the future of the ferry\u201d helps me see why people doubt the council."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert len(sents) == 2
    assert sents[1].startswith("The column") and sents[1].endswith("doubt the council.")


def test_a_quoted_cry_before_a_capital_still_ends_the_sentence(nlp):
    doc = nlp("He shouted \u201cStop!\u201d Then the lights went out.")
    assert [s.text.strip() for s in doc.sents] == [
        "He shouted \u201cStop!\u201d",
        "Then the lights went out.",
    ]
