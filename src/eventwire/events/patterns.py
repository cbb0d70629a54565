"""Matching verb-dictionary patterns against the words around a trigger.

A pattern such as ``- * (TO BORDER) [154]`` asks for words after the verb,
in order, with gaps allowed; words before ``*`` must occur before the verb.
Words are compared with the token's text and lemma; a dictionary word that
is not marked exact (a trailing ``_``) also matches as a stem ("sanction"
matches "sanctions"). The most specific pattern that matches wins; with
none, the verb's own code.

Patterns are compiled once into tuples of plain strings, and a sentence's
words are read from spaCy once, because this loop is the coder's hot path.

In PETRARCH mode (``exact``), for a user's TABARI dictionaries, patterns mean
what PETRARCH makes of them: words match the text as written, ``_`` joins a
word to the verb, a pattern's specificity is its number of words, and the actor
markers place the actors: ``$`` the source, ``+`` the target, ``^`` a phrase to
skip, ``%`` a compound actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Token

from eventwire.events.verbdict import CORRECTIONS_FILE

MIN_STEM = 4
MAX_STEM = 32  # stems longer than this are found by a scan of the long words (Region)
MARKER = "\x00"  # a compiled marker slot is the one word MARKER + its kind

# One dictionary word: (text, exact). One alternative: a run of words. One
# requirement: its alternatives. A pattern side: its requirements in order.
Word = tuple[str, bool]
Alternative = tuple[Word, ...]
Requirement = tuple[Alternative, ...]
# A word of the sentence: (lower-case text, lower-case lemma).
Seen = tuple[str, str]


@dataclass(frozen=True)
class CodeMatch:
    """What the dictionary says a trigger means, and which entry said it."""

    code: str | None
    pair_code: str | None
    rule: str
    specificity: int
    negated: bool = False  # the pattern itself asks for a negation ("DID N'T *")
    source: Any = None  # the actor a "$" slot matched (PETRARCH mode)
    target: Any = None  # the actor a "+" slot matched
    default: str | None = None  # the verb's own code, when a pattern gave another


NEGATIONS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class Compiled:
    pre: tuple[Requirement, ...]
    post: tuple[Requirement, ...]
    pre_adjacent: bool = False  # "SEND_ *": the last word before must touch the verb
    post_adjacent: bool = False

    @cached_property  # read for every pattern tried: a synset has hundreds of words
    def words(self) -> int:
        """How many words the pattern names, its markers included."""
        return sum(min(len(alternative) for alternative in alternatives)
                   for alternatives in self.pre + self.post)

    @property
    def negated(self) -> bool:
        """Every alternative of some requirement holds a negation word."""
        return any(all(any(word in NEGATIONS for word, _ in alternative)
                       for alternative in alternatives)
                   for alternatives in self.pre + self.post)


def seen_words(tokens: Sequence[Token]) -> list[Seen]:
    """The words of a stretch of text, read once: text and lemma, lower-cased."""
    return [(token.lower_, token.lemma_.lower()) for token in tokens]


def word_matches(word: Word, seen: Seen, as_written: bool = False) -> bool:
    """One dictionary word against one word of the sentence."""
    text, exact = word
    if text == seen[0] or (not as_written and text == seen[1]):
        return True
    return not (exact or as_written) and len(text) >= MIN_STEM and seen[0].startswith(text)


# A hyphen between letters, which spaCy's tokenizer splits off ("cease-fire").
_HYPHEN = re.compile(r"(?<=\w)(-)(?=\w)")


def _alternative(alternative: str) -> Alternative:
    """A phrase's words; a hyphenated word ("CEASE-FIRE") is the three tokens spaCy
    splits it into, all but the last exact."""
    words: list[Word] = []
    for word in alternative.split():
        exact, word = word.endswith("_"), word.rstrip("_")
        parts = [part for part in _HYPHEN.split(word) if part] if word.strip("-") else [word]
        words += [(part, exact or k < len(parts) - 1) for k, part in enumerate(parts)]
    return tuple(words)


def compile_side(slots, markers: bool = False) -> tuple[Requirement, ...]:
    """The requirements of one side: a phrase's preposition once, then each slot's words
    (and, with ``markers``, each actor marker)."""
    needed: list[Requirement] = []
    previous_prep = None
    for slot in slots:
        if slot.prep and slot.prep != previous_prep:
            needed.append((_alternative(slot.prep),))
        previous_prep = slot.prep
        if slot.marker:
            if markers:
                needed.append((((MARKER + slot.marker, True),),))
            continue
        if slot.words:
            needed.append(tuple(_alternative(word) for word in slot.words))
    return tuple(needed)


@dataclass(frozen=True)
class Placed:
    """An actor on one side of a trigger: where it ends there, and if it is compound."""

    actor: Any
    end: int
    compound: bool = False


@dataclass
class Region:
    """The words on one side of a trigger, with sets for a quick can-it-match test;
    in PETRARCH mode also the actors starting at each position."""

    words: list[Seen]
    actors: dict[int, Placed] = field(default_factory=dict)
    as_written: bool = False

    def __post_init__(self) -> None:
        self.present = {seen[0] for seen in self.words} if self.as_written else \
            {form for seen in self.words for form in seen}
        # A word's stems, up to a length no dictionary word reaches: all of them made a
        # 100,000-character token cost 5 * 10^9 characters of prefixes. Longer words
        # are kept whole and tried by startswith (``_has``).
        self.stems = set() if self.as_written else {
            text[:k] for text, _ in self.words
            for k in range(MIN_STEM, min(len(text), MAX_STEM + 1))}
        self.long_words = [] if self.as_written else [
            text for text, _ in self.words if len(text) > MAX_STEM + 1]

    def may_hold(self, requirements: tuple[Requirement, ...]) -> bool:
        """False when no alternative of some requirement has all its words in the
        region ("500-pound bomb" needs "pound" and "bomb", not only "500")."""
        return all(any(all(map(self._has, alternative)) for alternative in alternatives)
                   for alternatives in requirements)

    def _has(self, word: Word) -> bool:
        text, exact = word
        return text.startswith(MARKER) or text in self.present or (
            not exact and (text in self.stems or len(text) > MAX_STEM and any(
                word.startswith(text) and len(word) > len(text) for word in self.long_words)))


def match_side(requirements: tuple[Requirement, ...], region: Region,
               roles: dict[str, Any] | None = None) -> int | None:
    """Match requirements in order, gaps allowed; how many were met, or None.
    The actors that markers took are put in ``roles`` ("source", "target")."""
    if not region.may_hold(requirements):
        return None
    if not region.as_written:  # no markers outside PETRARCH mode: the plain, fast scan
        position: int | None = 0
        for alternatives in requirements:
            position = _find(alternatives, region, position)
            if position is None:
                return None
        return len(requirements)
    found = _match_from(requirements, region, 0, {})
    if found is None:
        return None
    if roles is not None:
        roles.update(found)
    return len(requirements)


def _match_from(requirements: tuple[Requirement, ...], region: Region, position: int,
                roles: dict[str, Any]) -> dict[str, Any] | None:
    """The roles of the first way the requirements match from ``position``, or None."""
    if not requirements:
        return roles
    first, rest = requirements[0], requirements[1:]
    marker = first[0][0][0]
    if not marker.startswith(MARKER):
        end = _find(first, region, position)
        return None if end is None else _match_from(rest, region, end, roles)
    kind = marker[len(MARKER):]
    for start in sorted(at for at in region.actors if at >= position):
        placed = region.actors[start]
        if kind == "compound" and not placed.compound:
            continue
        taken = {**roles, kind: placed.actor} if kind in ("source", "target") else roles
        found = _match_from(rest, region, placed.end, taken)
        if found is not None or kind != "skip":
            return found
    # "^": the skipped phrase need not be an actor
    return _match_from(rest, region, position, roles) if kind == "skip" else None


def _find(alternatives: Requirement, region: Region, start: int) -> int | None:
    words = region.words
    for position in range(start, len(words)):
        for alternative in alternatives:
            end = position + len(alternative)
            if end <= len(words) and all(
                    word_matches(word, words[position + k], region.as_written)
                    for k, word in enumerate(alternative)):
                return end
    return None


def _touches(alternatives: Requirement, words: list[Seen], at_end: bool) -> bool:
    """'_': the requirement's words are the ones next to the verb."""
    for alternative in alternatives:
        size = len(alternative)
        part = words[-size:] if at_end else words[:size]
        if len(part) == size and all(word_matches(word, part[k], True)
                                     for k, word in enumerate(alternative)):
            return True
    return False


class PatternMatcher:
    """Finds the best pattern for a trigger; owns the compiled form of each pattern."""

    def __init__(self, patterns_for: Callable):
        self.patterns_for = patterns_for
        self._compiled: dict[int, Compiled] = {}
        self._exact: dict[int, Compiled] = {}

    def compiled(self, pattern, exact: bool = False) -> Compiled:
        cache = self._exact if exact else self._compiled
        found = cache.get(id(pattern))
        if found is None:
            found = _compile(pattern, exact)
            cache[id(pattern)] = found
        return found

    def best(self, verb_entries, before: list[Seen], after: list[Seen],
             exact: bool = False, actors: tuple[dict, dict] = ({}, {})) -> CodeMatch | None:
        """The most specific code for a trigger, given the words before and after it.

        ``exact`` is PETRARCH mode; ``actors`` are then the actors placed before and
        after the trigger, for the markers (see :class:`Region`).
        """
        best: CodeMatch | None = None
        regions = (Region(before, actors[0], exact), Region(after, actors[1], exact))
        # A verb listed in two blocks ("pull out" under GO_SOMEWHERE and RETREAT):
        # the later block is the more specific one, since the dictionary lists its
        # catch-all blocks first.
        own = next((entry for entry in reversed(verb_entries)
                    if entry.code or entry.pair_code), None)
        # At equal specificity, a pattern written for this verb (its "# RATIFY"
        # comment) beats one written for another verb of the block.
        lemmas = {entry.lemma.upper() for entry in verb_entries}
        best_is_own = False
        for entry in verb_entries:
            for pattern in self.patterns_for(entry):
                compiled = self.compiled(pattern, exact)
                size = compiled.words
                if size == 0 or (best is not None and (size < best.specificity or (
                        size == best.specificity
                        and (best_is_own or not _written_for(pattern, lemmas))))):
                    continue
                roles: dict[str, Any] = {}
                if _matches(compiled, *regions, roles):
                    best = CodeMatch(pattern.code, pattern.pair_code,
                                     f"{pattern.source} {pattern.text}".strip(), size,
                                     compiled.negated, roles.get("source"),
                                     roles.get("target"), own.code if own else None)
                    best_is_own = _written_for(pattern, lemmas)
        if best is not None or own is None:
            return best
        return CodeMatch(own.code, own.pair_code, own.source, 0)


def _written_for(pattern, lemmas: set[str]) -> bool:
    """Whether the pattern's comment names one of ``lemmas``, or a correction wrote or
    changed it (a correction's word holds for every verb it applies to)."""
    if pattern.verbs or pattern.source.startswith(CORRECTIONS_FILE):
        return True
    return bool(pattern.comment) and pattern.comment.split()[0] in lemmas


def _compile(pattern, exact: bool) -> Compiled:
    if not exact:
        return Compiled(compile_side(pattern.pre), compile_side(pattern.post))
    pre, post = pattern.pre, pattern.post
    return Compiled(compile_side(pre, True), compile_side(post, True),
                    bool(pre) and pre[-1].adjacent and not pre[-1].marker,
                    bool(post) and post[0].adjacent and not post[0].marker)


def _matches(compiled: Compiled, before: Region, after: Region,
             roles: dict[str, Any]) -> bool:
    if compiled.pre_adjacent and not _touches(compiled.pre[-1], before.words, True):
        return False
    if compiled.post_adjacent and not _touches(compiled.post[0], after.words, False):
        return False
    if compiled.pre and match_side(compiled.pre, before, roles) is None:
        return False
    return not compiled.post or match_side(compiled.post, after, roles) is not None
