"""The working record of one entity while its mentions are merged (see `extract.actors`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.model import ActorType


@dataclass
class Cluster:
    """Mentions of one real-world entity while they are being merged."""

    type: ActorType
    names: list[Span] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)
    """Character ranges of descriptions and pronouns linked to the entity."""
    roles: list[str] = field(default_factory=list)
    affiliations: list[Cluster] = field(default_factory=list)
    country: str = ""
    """ISO code when the entity is a country (so 'U.S.' and 'the United States' meet)."""

    def name(self) -> str:
        """The fullest proper name: most words, then not in headline capitals, then longest, then first used."""
        best = max(
            self.names,
            key=lambda s: (name_words(s), not _shouted(s), len(s.text), -s.start_char),
        )
        return best.text

    def affiliate(self, other: Cluster) -> None:
        """Record that this entity belongs to or works for `other`."""
        if other is not self and other not in self.affiliations:
            self.affiliations.append(other)


def _shouted(span: Span) -> bool:
    """A name in capitals although it has lowercase letters elsewhere ('KENYA' in a headline)."""
    return span.text.isupper() and len(span.text.replace(".", "")) > 4


def name_words(span: Span) -> int:
    return sum(1 for t in span if any(c.isalpha() for c in t.text))
