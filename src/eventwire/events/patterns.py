"""Matching verb-dictionary patterns against the words around a trigger.

A pattern such as ``- * (TO BORDER) [154]`` asks for words after the verb,
in order, with gaps allowed; words before ``*`` must occur before the verb.
Words are compared with the token's text and lemma; a dictionary word that
is not marked exact also matches as a stem ("sanction" matches "sanctions").
The most specific pattern that matches wins; with none, the verb's own code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MIN_STEM = 4


@dataclass(frozen=True)
class CodeMatch:
    """What the dictionary says a trigger means, and which entry said it."""

    code: str | None
    pair_code: str | None
    rule: str
    specificity: int


def word_matches(word: str, token: Token) -> bool:
    """One dictionary word against one token."""
    exact = word.endswith("_")
    word = word.rstrip("_")
    text, lemma = token.lower_, token.lemma_.lower()
    if text == word or lemma == word:
        return True
    return not exact and len(word) >= MIN_STEM and text.startswith(word)


def phrase_at(alternative: str, tokens: list[Token], position: int) -> int | None:
    """Where a (possibly multi-word) alternative starts at ``position``: its end, or None."""
    words = alternative.split()
    if position + len(words) > len(tokens):
        return None
    for offset, word in enumerate(words):
        if not word_matches(word, tokens[position + offset]):
            return None
    return position + len(words)


def match_slots(slots, tokens: list[Token]) -> int | None:
    """Match slots in order, gaps allowed; the count of requirements met, or None."""
    position, matched = 0, 0
    for alternatives in requirements(slots):
        found = _find(alternatives, tokens, position)
        if found is None:
            return None
        position = found
        matched += 1
    return matched


def requirements(slots) -> list[tuple[str, ...]]:
    """The alternatives to find, in order: a phrase's preposition once, then its words."""
    needed: list[tuple[str, ...]] = []
    previous_prep = None
    for slot in slots:
        if slot.marker:
            continue
        if slot.prep and slot.prep != previous_prep:
            needed.append((slot.prep,))
        previous_prep = slot.prep
        if slot.words:
            needed.append(tuple(slot.words))
    return needed


def _find(alternatives: tuple[str, ...], tokens: list[Token], start: int) -> int | None:
    for position in range(start, len(tokens)):
        for alternative in alternatives:
            end = phrase_at(alternative, tokens, position)
            if end is not None:
                return end
    return None


def best_match(verb_entries, patterns_for, before: list[Token],
               after: list[Token]) -> CodeMatch | None:
    """The most specific code for a trigger, given the words before and after it."""
    best: CodeMatch | None = None
    for entry in verb_entries:
        for pattern in patterns_for(entry):
            pre = match_slots(pattern.pre, before) if pattern.pre else 0
            if pre is None:
                continue
            post = match_slots(pattern.post, after) if pattern.post else 0
            if post is None or pre + post == 0:
                continue
            candidate = CodeMatch(pattern.code, pattern.pair_code,
                                  f"{pattern.source} {pattern.text}".strip(), pre + post)
            if best is None or candidate.specificity > best.specificity:
                best = candidate
    if best is not None:
        return best
    for entry in verb_entries:
        if entry.code or entry.pair_code:
            return CodeMatch(entry.code, entry.pair_code, entry.source, 0)
    return None
