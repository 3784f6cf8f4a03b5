"""A hand-built report (no spaCy) for rendering tests: stable, and full of hostile text."""

from __future__ import annotations

from generator.model import (
    Actor,
    Caveat,
    Figure,
    KeyPoint,
    Mention,
    Quote,
    Report,
    Span,
    Speaker,
    TimeExpression,
    TimelineEntry,
)
from tests.factory import make_article, make_report, where

TEXT = (
    "Mayor Ann Lee said the city will spend $2 million on <script>alert(1)</script> parks.\n"
    "\u201cWe act now,\u201d Lee told the *Daily* [Wire](javascript:alert(2)) on Monday.\n"
    "Critics say {{ config }} and {% raw %} matter | a lot."
)


def sample_report() -> Report:
    t = TEXT
    s1 = (0, t.index("\n"))
    s2 = (s1[1] + 1, t.index("\n", s1[1] + 1))
    s3 = (s2[1] + 1, len(t))
    sentences = [Span(t[a:b], a, b) for a, b in (s1, s2, s3)]
    lee = [where(t, "Ann Lee"), where(t, "Lee", 1)]
    money = where(t, "$2 million")
    quote = where(t, "We act now,")
    monday = where(t, "Monday")
    critics = where(t, "Critics say")
    article = make_article(
        t,
        "mayor-lee",
        title="Mayor <b>Lee</b> [spends](javascript:x) *big*",
        date="2024-03-06",
        source="The <i>Wire</i>",
        url="javascript:alert(3)",
        author="Jo {{ Doe }}",
    )
    return make_report(
        article,
        summary=[sentences[0], sentences[1]],
        actors=[
            Actor(
                "ann-lee",
                "Ann Lee",
                "person",
                ["Mayor"],
                [],
                [Mention(a, b, t[a:b]) for a, b in lee],
            ),
            Actor(
                "critics",
                "Critics",
                "group",
                [],
                [],
                [Mention(critics[0], critics[0] + 7, "Critics")],
            ),
        ],
        quotes=[
            Quote(
                "direct",
                t[quote[0] : quote[1]],
                quote[0],
                quote[1],
                Span("told", *where(t, "told")),
                Speaker("ann-lee", "Lee", *lee[1]),
                None,
            )
        ],
        figures=[
            Figure(
                "money",
                "$2 million",
                money[0],
                money[1],
                2000000,
                "USD",
                None,
                "the city will spend $2 million on <script>alert(1)</script> parks",
                "ann-lee",
                "plan",
            )
        ],
        timexes=[TimeExpression("Monday", monday[0], monday[1], "DATE", "2024-03-04")],
        timeline=[
            TimelineEntry(
                "2024-03-04",
                "day",
                "Lee told the *Daily* [Wire](javascript:alert(2))",
                s2[0],
                s2[1],
                0,
                "reported",
            )
        ],
        caveats=[
            Caveat(
                "missing-metadata",
                "",
                0,
                0,
                None,
                "info",
                "The article gives no URL, so its provenance cannot be checked.",
            ),
            Caveat(
                "forward-looking",
                sentences[0].text,
                s1[0],
                s1[1],
                "will",
                "info",
                "'will' marks a plan or intention, not something that has happened.",
            ),
            Caveat(
                "weasel",
                sentences[2].text,
                s3[0],
                s3[1],
                "Critics say",
                "warning",
                "'Critics say' is a vague source.",
            ),
            Caveat(
                "inconsistency",
                "Lee",
                lee[1][0],
                lee[1][1],
                "Ann Lee / A. Lee",
                "high",
                "'Ann Lee' and 'A. Lee' may be the same person <img src=x onerror=alert(4)>.",
            ),
        ],
        key_points=[KeyPoint("Ann Lee (Mayor) told: \u201cWe act now,\u201d", s2[0], s2[1])],
        sentences=sentences,
        generator="news-dossier test",
    )
