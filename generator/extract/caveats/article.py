"""The one shape of an article-level caveat: about the whole article, at 0..0, with its reason."""

from __future__ import annotations

from generator.model import Caveat, CaveatKind, Severity, Span


def article_level(
    kind: CaveatKind,
    cue: str | None,
    severity: Severity,
    explanation: str,
    confidence: float,
    evidence: list[Span] | None = None,
) -> Caveat:
    """A caveat about the whole article (span 0..0): `explanation` says why, `evidence` lists
    the sentences behind it, if any."""
    return Caveat(
        kind=kind,
        text="",
        start=0,
        end=0,
        cue=cue,
        severity=severity,
        explanation=explanation,
        confidence=confidence,
        evidence=evidence or [],
    )
