"""PETRARCH's semantics where they differ from eventwire's, for TABARI dictionaries.

A coder built from a user's PETRARCH/TABARI dictionaries (``Coder.from_tabari``)
codes as PETRARCH-2 does, so that the dictionaries mean what their authors wrote
(``CodingRules.petrarch``). Most differences are a flag on the shared stages
(exact pattern words and markers in patterns.py, modality in sentence.py; the full
list is in docs/CODING.md). This module holds the pieces with no twin in
eventwire's own coding:

* ``require_dyad`` (PETRARCH's option, on by default): an event needs both a
  source and a target; with it off, one actor is enough when the verb has an
  object or a prepositional phrase ("said on Saturday", not "said today").
* A verb matches its dictionary entry only in a regular or listed form, so a
  misspelt "departes" is no "depart".
* With ``new_actor_length`` above 0, a short noun phrase no dictionary codes is an
  actor coded by its own words.
* Pattern markers place actors (``- $ * + [062]``), so the actors around a
  trigger are handed to the pattern matcher.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.events.arguments import find_arguments, phrase_tokens
from eventwire.events.dates import TIME_WORDS
from eventwire.events.participants import actors_for
from eventwire.events.patterns import CodeMatch, Placed
from eventwire.events.records import Actor, Coded


def keeps_dyad(item: Coded, require_dyad: bool) -> bool:
    """Whether PETRARCH keeps an event with the actors it has."""
    if item.source is not None and item.target is not None:
        return True
    if require_dyad or (item.source is None and item.target is None):
        return False
    return any(child.dep_ == "dobj" or (child.dep_ == "prep" and any(
        grand.dep_ == "pobj" for grand in child.children)) for child in item.trigger.children)


def is_regular_form(token: Token, lemma: str, listed: set[str]) -> bool:
    """'attacked', 'carries', 'stopping' of their verbs; any form the dictionary lists."""
    word = token.lower_
    if word == lemma or word in listed:
        return True
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma + "s", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing",
             lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(lemma + "es")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return word in forms


def placed_actors(trigger: Token, actors: Sequence[Actor], after: list[Token]
                  ) -> tuple[dict[int, Placed], dict[int, Placed]]:
    """The actors before a trigger by sentence position, and those after it by position
    among ``after`` (the trigger's own phrase), for the pattern markers."""
    before: dict[int, Placed] = {}
    for actor in actors:
        if actor.end <= trigger.i and actor.start not in before:
            before[actor.start] = Placed(actor, actor.end, _is_compound(trigger.doc, actor))
    position = {token.i: k for k, token in enumerate(after)}
    behind: dict[int, Placed] = {}
    for actor in actors:
        start = position.get(actor.start)
        if start is not None and start not in behind:
            end = max(position.get(i, start) for i in range(actor.start, actor.end)) + 1
            behind[start] = Placed(actor, end, _is_compound(trigger.doc, actor))
    return before, behind


def _is_compound(doc, actor: Actor) -> bool:
    """'Gondor and Arnor': an actor that is part of a conjunction."""
    return any(token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)
               for token in doc[actor.start:actor.end])


NEW_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent"}
NEW_ACTOR_RULE = "new actor: an uncoded noun phrase (new_actor_length)"


def new_actors(doc: Doc, actors: Sequence[Actor], max_words: int) -> list[Actor]:
    """PETRARCH's ``new_actor_length``: an argument's noun phrase of at most
    ``max_words`` words that holds no actor becomes one, coded by its own words in
    quotes ('"THE MINISTRY OF MAGIC"')."""
    covered = {i for actor in actors for i in range(actor.start, actor.end)}
    found = []
    for head in doc:
        if head.dep_ not in NEW_ACTOR_DEPS or head.pos_ not in {"NOUN", "PROPN"} \
                or head.lower_ in TIME_WORDS:
            continue
        tokens = _named_phrase(head)
        words = [t for t in tokens if not (t.is_punct or t.dep_ == "case")]
        if not 0 < len(words) <= max_words or any(t.i in covered for t in tokens):
            continue
        code = '"' + " ".join(t.text.upper() for t in words) + '"'
        found.append(Actor(tokens[0].i, tokens[-1].i + 1, code, NEW_ACTOR_RULE))
        covered.update(t.i for t in tokens)
    return found


def _named_phrase(head: Token) -> list[Token]:
    """The head's phrase with its apposition ("Gryffindor's head Minerva McGonagall")."""
    tokens = phrase_tokens(head) + [t for child in head.children if child.dep_ == "appos"
                                    for t in phrase_tokens(child)]
    return sorted(tokens, key=lambda t: t.i)


def marked(token: Token, match: CodeMatch, sources: list[Actor], targets: list[Actor],
           actors: Sequence[Actor]) -> tuple[list[Actor], list[Actor]]:
    """The actors a pattern's markers placed ('$' source, '+' target) over the parse's.
    When the marked target was the parse's subject ('X noted that Y regretted ...'),
    the source is the subject of the clause above."""
    if match.source is not None:
        sources = [match.source]
        targets = [t for t in targets if t != match.source]
    if match.target is not None:
        targets = [match.target]
        sources = [s for s in sources if s != match.target]
        if not sources and token.dep_ == "ccomp":
            above = actors_for(find_arguments(token.head, True).sources, actors)
            sources = [s for s in above if s != match.target]
    return sources, targets
