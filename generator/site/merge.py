"""Which actors of different articles are one: by full name, and short forms joined to the one
full name they fit.

Actors of the same type and the same name are one actor. A one-word person name ('Vellin') or a
spelling variant ('Zelenskyy' beside 'Zelensky') joins a full-name actor of the same type only
when exactly one fits: among the full names with that surname (or that spelling)
in the other articles, the one that shares the story (an organisation or person named in both
articles, two places named in both, or a role word). Two different full names are never merged,
so two people who share a surname stay two.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from difflib import SequenceMatcher

from generator.model import Actor, Report

VARIANT_SIMILARITY = 0.9
"""How alike two spellings of one name must be ('Zelensky' / 'Zelenskyy')."""
VARIANT_MIN_LENGTH = 6
"""Shorter names are too alike by chance to be joined as variants."""
STORY_WORDS = 3
"""Role words shorter than this ('of', 'the') say nothing about the story."""


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Case, dots, apostrophes, hyphens and soft hyphens ignored: 'Jong-un' and 'Jong Un' meet."""
    text = name.replace("\u00ad", "").replace("’", "'").replace(".", " ")
    text = re.sub(r"[-\u2010\u2011]", " ", text)
    text = re.sub(r"'s$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def canonical_names(reports: list[Report]) -> dict[tuple[str, str], str]:
    """(article id, actor id) → the name whose page the actor belongs on, for actors that join
    another article's fuller name; every other actor keeps its own name.

    The work grows with the number of actors, not with its square: a name is compared only
    with the names that could be its full form (the full names with its surname) or its
    spelling variant (the names with the same words but the last, of a near length)."""
    full: dict[tuple[str, str], list[tuple[Report, Actor]]] = defaultdict(list)
    by_word: dict[tuple[str, str], set[str]] = defaultdict(set)
    for report in reports:
        for actor in report.actors:
            key = name_key(actor.name)
            words = key.split()
            full[(actor.type, key)].append((report, actor))
            if actor.type == "person" and len(words) > 1:
                by_word[(actor.type, words[-1])].add(key)  # the surname, not a first name
    names = _Names(full, by_word)
    out: dict[tuple[str, str], str] = {}
    for report in reports:
        own: set[str] | None = None
        for actor in report.actors:
            if actor.type != "person":
                continue
            if own is None:
                own = {name_key(a.name) for a in report.actors}
            target = names.target(name_key(actor.name), own, report, actor)
            if target is not None:
                out[(report.article.id, actor.id)] = full[(actor.type, target)][0][1].name
    return out


class _Names:
    """The names of people across articles, with what finds a name's full form or variant."""

    KIND = "person"

    def __init__(
        self,
        full: dict[tuple[str, str], list[tuple[Report, Actor]]],
        by_word: dict[tuple[str, str], set[str]],
    ) -> None:
        self.full = full
        self.by_word = by_word
        self.stories: dict[str, tuple[set[str], set[str]]] = {}
        self.variants: dict[tuple[str, ...], list[str]] = defaultdict(list)
        """All words but the last → the person names (keys) that have them."""
        for kind, key in full:
            if kind == self.KIND and key:
                self.variants[tuple(key.split()[:-1])].append(key)

    def story(self, key: str) -> tuple[set[str], set[str]]:
        if key not in self.stories:
            self.stories[key] = _story(self.full[(self.KIND, key)])
        return self.stories[key]

    def target(self, key: str, own: set[str], report: Report, actor: Actor) -> str | None:
        """The one full name `key` stands for in other articles, if exactly one fits."""
        if not key:
            return None
        kind, full = self.KIND, self.full
        words = key.split()
        if len(words) == 1:
            candidates = sorted(self.by_word.get((kind, key), set()) - own)
        else:
            candidates = []
        if not candidates and len(key) >= VARIANT_MIN_LENGTH:
            rank = (-len(full[(kind, key)]), key)
            found = []
            for other in self.variants.get(tuple(words[:-1]), ()):
                if other == key or other in own or (-len(full[(kind, other)]), other) >= rank:
                    continue
                matcher = SequenceMatcher(None, other, key)
                # each bound is above the next: the cheap ones rule most names out
                if (
                    matcher.real_quick_ratio() >= VARIANT_SIMILARITY
                    and matcher.quick_ratio() >= VARIANT_SIMILARITY
                    and matcher.ratio() >= VARIANT_SIMILARITY
                ):
                    found.append(other)
            # the spelling more articles use (then the first alphabetically) is the page's
            candidates = sorted(found)
        if not candidates:
            return None
        # Only a full name that shares the story: another actor named in both articles, or a
        # role word.
        names: dict[str, str] = {
            name_key(o.name): o.type for o in report.actors if o.id != actor.id
        }
        roles = {w for r in actor.roles for w in r.lower().split() if len(w) >= STORY_WORDS}
        sharing = [c for c in candidates if _shares_story(names, roles, self.story(c), {c, key})]
        return sharing[0] if len(sharing) == 1 else None


def _story(entries: list[tuple[Report, Actor]]) -> tuple[set[str], set[str]]:
    """The other actors named beside an actor in its articles, and the words of its roles."""
    names = {
        name_key(other.name)
        for report, actor in entries
        for other in report.actors
        if other.id != actor.id
    }
    roles = {
        word
        for _, actor in entries
        for role in actor.roles
        for word in role.lower().split()
        if len(word) >= STORY_WORDS
    }
    return names, roles


def _shares_story(
    names: dict[str, str], roles: set[str], story: tuple[set[str], set[str]], skip: set[str]
) -> bool:
    """An organisation or person named in both articles, two places named in both, or a role word."""
    common = story[0] & set(names) - skip
    if any(names[n] != "place" for n in common) or len(common) >= 2:
        return True
    return bool(roles & story[1])
