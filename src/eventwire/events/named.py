"""Named actors the dictionaries do not know: "the ELN declared a ceasefire".

A proper-noun phrase that no dictionary entry covers still names who acted.
It becomes an actor with an empty code (as GDELT leaves Actor1Code empty and
keeps the name), so the event is kept and an analyst can see the name and add
it to a dictionary. Phrases that hold a coded actor ("Vice-President Moody
Awori", ---GOV) are left to that actor; dates and months are not actors.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.matcher import negated_name
from eventwire.events.dates import MONTHS, WEEKDAYS
from eventwire.events.records import Actor

UNCODED = ""
RULE = "named actor: not in the dictionaries"
# Names that head a phrase but never act: calendar words and reporting outlets' words.
NOT_ACTORS = {*MONTHS, *WEEKDAYS, "god", "allah", "internet", "covid", "covid-19"}
# Common nouns that name a body when a proper noun precedes them ("the Umma party").
BODY_NOUNS = {"party", "group", "movement", "front", "army", "militia", "council", "union",
              "league", "committee", "organization", "organisation", "alliance", "coalition",
              "federation", "association", "agency", "commission", "faction", "brigade",
              "company", "corporation", "bank", "ministry", "government", "court"}
# A proper noun naming the body: "the Umma party", "the Umma (Nation) party" (nmod).
NAME_DEPS = {"compound", "nmod"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "agent"}


def named_actors(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """Uncoded actors for the proper-noun phrases that hold no dictionary actor."""
    covered = {i for actor in actors for i in range(actor.start, actor.end)}
    lowers = tuple(token.lower_ for token in doc)
    found = []
    for token in doc:
        if not _heads_name(token):
            continue
        tokens = _name_tokens(token)
        if negated_name(lowers, min(t.i for t in tokens)):  # "non-Muslims"
            continue
        phrase = {t.i for t in token.subtree}
        if phrase & covered:
            continue
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        found.append(Actor(start, end, UNCODED, RULE))
        covered.update(range(start, end))
    return found


def is_uncoded(actor: Actor | None) -> bool:
    return actor is not None and actor.code == UNCODED


def _heads_name(token: Token) -> bool:
    """The last word of a proper name that is an argument, e.g. 'ELN', 'Commission', or
    a word for a body named by the proper noun before it ('the Umma party')."""
    if token.dep_ not in ARGUMENT_DEPS:
        return False
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in BODY_NOUNS and any(
            child.dep_ in NAME_DEPS and child.pos_ == "PROPN" for child in token.lefts)
    if token.pos_ != "PROPN":
        return False
    if token.lower_ in NOT_ACTORS or not token.text[:1].isupper():
        return False
    return len(token.text) > 1


def _name_tokens(head: Token) -> list[Token]:
    """The head with the proper nouns compounded into it ('Immigration and Customs
    Enforcement' keeps only the nouns joined to the head by 'compound')."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in NAME_DEPS | {"amod"} and child.pos_ == "PROPN":
            tokens.extend(child.subtree)
    return tokens
