"""People are coded by the country they live in or act in, where the sentence names it.

Ethnic groups: "ethnic Albanians demonstrated in Serbia" are Serbia's Albanians. The
nationality word after "ethnic" names a people, and the people's country is where
the sentence puts them, either in their own phrase ("ethnic Serbs in Kosovo") or where
the verb they are the subject of happens ("demonstrated in Serbia"). With no place
named the nationality's code stands. A settled group with no role of its own is
civilians (CVL), as PLOVER's sector table puts unorganized people, which also keeps it
apart from the state it lives in ("ethnic Albanians protested against Serbia").

Unplaced crowds: "thousands of people blocked streets in Hong Kong", "students
rallied in Paris". A bare agent of the unorganized public (people, protesters,
students, workers, villagers) is placed where its act happens. Armed and official
agents are not: "soldiers fought in Syria" may be anyone's; nor are people arriving
somewhere ("116 people arrived in Kyrgyzstan"). A crowd the sentence does not place
is where the story's dateline is ("GAZA CITY, Palestinian Territories: Four children
were killed ..." → PSECVL), unless the sentence names a place in another country.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.countries import country_prefix, sector_of
from eventwire.events.records import BARE_AGENT, Actor, bare_sector

ETHNIC_WORDS = frozenset({"ethnic"})
CIVILIANS = "CVL"
# The Phoenix agents' codes for the unorganized public.
PUBLIC_SECTORS = frozenset({"PPL", "CVL", "OPP", "EDU", "LAB", "AGR", "REF"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "116 people arrived in Kyrgyzstan": where people come to says nothing of whose they are.
ARRIVING_VERBS = frozenset({"arrive", "come", "go", "travel", "return", "flee", "enter",
                            "cross", "move", "head", "fly", "sail", "land", "migrate", "seek"})
_PLACE_PREPOSITIONS = frozenset({"in", "inside", "within"})
LOCATING_PREPOSITIONS = _PLACE_PREPOSITIONS | {"at", "near", "outside"}
# "in the east of the Gaza Strip": nouns for a part of the place named after "of".
PART_NOUNS = frozenset({"east", "west", "north", "south", "northeast", "northwest",
                        "southeast", "southwest", "part", "outskirt", "centre", "center",
                        "heart", "edge", "suburb", "city", "town", "capital", "province",
                        "region", "district", "area", "village", "street", "sector",
                        "quarter", "neighbourhood", "neighborhood", "zone"})


def settle_residents(doc: Doc, actors: Sequence[Actor], countries: Sequence[Actor],
                     dateline: Sequence[Actor] = ()) -> list[Actor]:
    """``actors`` with each ethnic group and unplaced crowd given the country of the
    place named for it. ``countries`` are the sentence's actors that are places: states
    and their parts ("Gaza", "Kirkuk"); ``dateline`` the places of the story's dateline,
    where a crowd the sentence does not place is ("GAZA CITY: Four children were
    killed ...")."""
    settled = []
    for actor in actors:
        if _is_ethnic(doc, actor):
            actor = _settled(doc, actor, countries, "ethnic", own_phrase=True)
        elif _is_public(actor):
            placed = _settled(doc, actor, countries, "resident", own_phrase=False)
            if placed is actor and _agrees(doc, dateline, countries) \
                    and not _arrives(doc, actor):
                placed = _resident(actor, dateline[0], "dateline")
            actor = placed
        settled.append(actor)
    return settled


def _agrees(doc: Doc, dateline: Sequence[Actor], countries: Sequence[Actor]) -> bool:
    """A dateline places no one when the sentence says something happened in another
    country ('in east Ukraine' under a Lyon dateline)."""
    filed = {country_prefix(place.code) for place in dateline}
    return bool(filed) and all(country_prefix(c.code) in filed for c in countries
                               if _is_location(doc[c.start:c.end].root))


def _is_location(token: Token) -> bool:
    """'in Kabul', 'in the east of the Gaza Strip': the object of a place preposition."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in PART_NOUNS:
        token = token.head.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATING_PREPOSITIONS


def _arrives(doc: Doc, actor: Actor) -> bool:
    verb = _counted(doc[actor.start:actor.end].root).head
    return verb.lemma_.lower() in ARRIVING_VERBS


def _resident(actor: Actor, place: Actor, how: str) -> Actor:
    return actor.recoded(country_prefix(place.code) + actor.code[len(BARE_AGENT):],
                         f"{how}: {actor.rule} in {place.rule}")


def _is_ethnic(doc: Doc, actor: Actor) -> bool:
    return actor.start > 0 and doc[actor.start - 1].lower_ in ETHNIC_WORDS


def _is_public(actor: Actor) -> bool:
    return bare_sector(actor.code) in PUBLIC_SECTORS


def _settled(doc: Doc, actor: Actor, countries: Sequence[Actor], how: str,
             own_phrase: bool) -> Actor:
    """``own_phrase``: also the places in the actor's own phrase (a bare agent's are
    read by events.participants already)."""
    head = doc[actor.start:actor.end].root
    places = _places(head) if own_phrase else []
    subject = _counted(head)
    verb = subject.head
    if (subject.dep_ in _SUBJECTS and verb.pos_ in {"VERB", "AUX"}
            and verb.lemma_.lower() not in ARRIVING_VERBS):
        places += _scene(verb)
    for place in places:
        country = next((c for c in countries if c.start <= place.i < c.end
                        and c is not actor), None)
        if country is not None and how == "resident":
            return _resident(actor, country, how)
        if country is not None:
            return actor.recoded(
                country_prefix(country.code) + (sector_of(actor.code) or CIVILIANS),
                f"{how}: {actor.rule} in {country.rule}")
    return actor


def _counted(head: Token) -> Token:
    """'thousands of people': the count is the subject the parser marks."""
    while (head.dep_ == "pobj" and head.head.lower_ == "of"
           and head.head.head.pos_ in {"NOUN", "NUM"}):
        head = head.head.head
    return head


def _scene(verb: Token) -> list[Token]:
    """Where a verb happens: its own place phrase, or its object's ('blocked streets
    in Hong Kong'), or that of the verb it governs ('agreed to postpone the
    demonstration in Baku')."""
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    governed = [child for child in verb.children if child.dep_ == "xcomp"]
    return (_places(verb) + [place for obj in objects for place in _places(obj)]
            + [place for clause in governed for place in _scene(clause)])


def _places(token: Token) -> list[Token]:
    """The objects of the place prepositions hanging on ``token``, and what a part
    names the part of ('in the east of the Gaza Strip')."""
    found = [object_ for prep in token.children
             if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPOSITIONS
             for object_ in prep.children if object_.dep_ == "pobj"]
    return found + [whole for part in found if part.lemma_.lower() in PART_NOUNS
                    for of in part.children if of.dep_ == "prep" and of.lower_ == "of"
                    for whole in of.children if whole.dep_ == "pobj"]
