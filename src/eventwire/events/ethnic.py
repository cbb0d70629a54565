"""Ethnic groups are coded by the country they live in, not by their kin state.

"Ethnic Albanians demonstrated in Serbia" are Serbia's Albanians: the nationality
word after "ethnic" names a people, and the people's country is where the sentence
puts them, either in their own phrase ("ethnic Serbs in Kosovo") or where the verb
they are the subject of happens ("demonstrated in Serbia"). With no place named the
nationality's code stands. A settled group with no role of its own is civilians
(CVL), as PLOVER's sector table puts unorganized people, which also keeps it apart
from the state it lives in ("ethnic Albanians protested against Serbia").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.countries import country_prefix, sector_of
from eventwire.events.records import Actor

ETHNIC_WORDS = frozenset({"ethnic"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CIVILIANS = "CVL"
_PLACE_PREPOSITIONS = frozenset({"in", "inside", "within"})


def settle_ethnic_groups(doc: Doc, actors: Sequence[Actor], countries: Sequence[Actor]
                         ) -> list[Actor]:
    """``actors`` with each ethnic group given the country of the place named for it.
    ``countries`` are the sentence's actors that are countries."""
    return [_settled(doc, actor, countries) if _is_ethnic(doc, actor) else actor
            for actor in actors]


def _is_ethnic(doc: Doc, actor: Actor) -> bool:
    return actor.start > 0 and doc[actor.start - 1].lower_ in ETHNIC_WORDS


def _settled(doc: Doc, actor: Actor, countries: Sequence[Actor]) -> Actor:
    head = doc[actor.start:actor.end].root
    places = _places(head)
    if head.dep_ in _SUBJECTS and head.head.pos_ in {"VERB", "AUX"}:
        places += _places(head.head)
    for place in places:
        country = next((c for c in countries if c.start <= place.i < c.end
                        and c is not actor), None)
        if country is not None:
            code = country_prefix(country.code) + (sector_of(actor.code) or CIVILIANS)
            return Actor(actor.start, actor.end, code,
                         f"ethnic: {actor.rule} in {country.rule}")
    return actor


def _places(token: Token) -> list[Token]:
    """The objects of the place prepositions hanging on ``token``."""
    return [object_ for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPOSITIONS
            for object_ in prep.children if object_.dep_ == "pobj"]
