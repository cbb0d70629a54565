"""Matching verb-dictionary patterns against the words around a trigger.

A pattern such as ``- * (TO BORDER) [154]`` asks for words after the verb,
in order, with gaps allowed; words before ``*`` must occur before the verb.
Words are compared with the token's text and lemma; a dictionary word that
is not marked exact (a trailing ``_``) also matches as a stem ("sanction"
matches "sanctions"). The most specific pattern that matches wins; with
none, the verb's own code.

Patterns are compiled once into tuples of plain strings, and a sentence's
words are read from spaCy once, because this loop is the coder's hot path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

MIN_STEM = 4

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


NEGATIONS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class Compiled:
    pre: tuple[Requirement, ...]
    post: tuple[Requirement, ...]

    @property
    def negated(self) -> bool:
        """Every alternative of some requirement holds a negation word."""
        return any(all(any(word in NEGATIONS for word, _ in alternative)
                       for alternative in alternatives)
                   for alternatives in self.pre + self.post)


def seen_words(tokens: Sequence[Token]) -> list[Seen]:
    """The words of a stretch of text, read once: text and lemma, lower-cased."""
    return [(token.lower_, token.lemma_.lower()) for token in tokens]


def word_matches(word: Word, seen: Seen) -> bool:
    """One dictionary word against one word of the sentence."""
    text, exact = word
    if text == seen[0] or text == seen[1]:
        return True
    return not exact and len(text) >= MIN_STEM and seen[0].startswith(text)


def _alternative(alternative: str) -> Alternative:
    return tuple((word.rstrip("_"), word.endswith("_")) for word in alternative.split())


def compile_side(slots) -> tuple[Requirement, ...]:
    """The requirements of one side: a phrase's preposition once, then each slot's words."""
    needed: list[Requirement] = []
    previous_prep = None
    for slot in slots:
        if slot.marker:
            continue
        if slot.prep and slot.prep != previous_prep:
            needed.append((_alternative(slot.prep),))
        previous_prep = slot.prep
        if slot.words:
            needed.append(tuple(_alternative(word) for word in slot.words))
    return tuple(needed)


class Region:
    """The words on one side of a trigger, with sets for a quick can-it-match test."""

    def __init__(self, words: list[Seen]):
        self.words = words
        self.present = {form for seen in words for form in seen}
        self.stems = {text[:k] for text, _ in words for k in range(MIN_STEM, len(text))}

    def may_hold(self, requirements: tuple[Requirement, ...]) -> bool:
        """False when some requirement's words are nowhere in the region."""
        return all(any(self._has(alternative[0]) for alternative in alternatives)
                   for alternatives in requirements)

    def _has(self, word: Word) -> bool:
        text, exact = word
        return text in self.present or (not exact and text in self.stems)


def match_side(requirements: tuple[Requirement, ...], region: Region) -> int | None:
    """Match requirements in order, gaps allowed; how many were met, or None."""
    if not region.may_hold(requirements):
        return None
    words = region.words
    position = 0
    for alternatives in requirements:
        found = _find(alternatives, words, position)
        if found is None:
            return None
        position = found
    return len(requirements)


def _find(alternatives: Requirement, words: list[Seen], start: int) -> int | None:
    for position in range(start, len(words)):
        for alternative in alternatives:
            end = position + len(alternative)
            if end <= len(words) and all(
                    word_matches(word, words[position + k]) for k, word in enumerate(alternative)):
                return end
    return None


class PatternMatcher:
    """Finds the best pattern for a trigger; owns the compiled form of each pattern."""

    def __init__(self, patterns_for: Callable):
        self.patterns_for = patterns_for
        self._compiled: dict[int, Compiled] = {}

    def compiled(self, pattern) -> Compiled:
        found = self._compiled.get(id(pattern))
        if found is None:
            found = Compiled(compile_side(pattern.pre), compile_side(pattern.post))
            self._compiled[id(pattern)] = found
        return found

    def best(self, verb_entries, before: list[Seen], after: list[Seen]) -> CodeMatch | None:
        """The most specific code for a trigger, given the words before and after it."""
        best: CodeMatch | None = None
        regions = (Region(before), Region(after))
        for entry in verb_entries:
            for pattern in self.patterns_for(entry):
                compiled = self.compiled(pattern)
                size = len(compiled.pre) + len(compiled.post)
                if size == 0 or (best is not None and size <= best.specificity):
                    continue
                if _matches(compiled, *regions):
                    best = CodeMatch(pattern.code, pattern.pair_code,
                                     f"{pattern.source} {pattern.text}".strip(), size,
                                     compiled.negated)
        if best is not None:
            return best
        # A verb listed in two blocks ("pull out" under GO_SOMEWHERE and RETREAT):
        # the later block is the more specific one, since the dictionary lists its
        # catch-all blocks first.
        for entry in reversed(verb_entries):
            if entry.code or entry.pair_code:
                return CodeMatch(entry.code, entry.pair_code, entry.source, 0)
        return None


def _matches(compiled: Compiled, before: Region, after: Region) -> bool:
    if compiled.pre and match_side(compiled.pre, before) is None:
        return False
    return not compiled.post or match_side(compiled.post, after) is not None
