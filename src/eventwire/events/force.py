"""Force: who used it, and when a verb of force means force.

* A passive act of force with no agent was done by whoever made the attack it
  happened in: "three Palestinians were killed in an Israeli air strike" → Israel;
  or from where it came: "a mortar bomb was fired at Israel from Gaza" → Gaza; or,
  when only a weapon did it, by unidentified armed forces of the place it happened
  in: "killed by an improvised explosive device outside Basra" → IRQUAF.
* An attack or a weapon as the subject of an act of force was wielded by whoever the
  attack names or fired the weapon, else by unidentified armed forces of the place:
  "missiles fired by the Israeli military struck a depot" → ISRMIL.
* A pattern that reads a force verb as criticism ("attacked the government", 111)
  gives way to the verb's own force when an armed actor does it.
* Protesters who destroy property or use violence riot (145, CAMEO's "protest
  violently"): "the building was demolished by a Ukrainian protester".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.countries import country_prefix, names_state
from eventwire.events.nominal import doer_heads
from eventwire.events.participants import actors_for
from eventwire.events.patterns import CodeMatch
from eventwire.events.records import Actor
from eventwire.events.residence import LOCATING_PREPOSITIONS, PART_NOUNS

# Coercion and violence: the acts whose doer an attack noun can name.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
CRITICISM_ROOT = "11"
# Sectors that carry arms: the military, police, rebels, unidentified gunmen,
# intelligence services, paramilitaries.
ARMED_SECTORS = ("MIL", "COP", "REB", "UAF", "SPY", "PRM")


def is_armed(actor: Actor | None) -> bool:
    """Whether an actor's code names an armed body ('USAMIL', 'AFGREBUAF')."""
    return actor is not None and any(sector in actor.code[3:] for sector in ARMED_SECTORS)


# Nouns for an armed act that a passive can name as its cause ("killed in an Israeli
# air strike", "wounded by Taliban fire", "arrested in a police raid").
ATTACK_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "shelling", "bombing", "bombardment",
    "assault", "offensive", "ambush", "fire", "gunfire", "barrage", "shooting", "operation",
    "crackdown", "incursion", "airstrikes", "strikes", "attacks", "raids"})
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by"})
# Weapons that say an attack was made when no attacker is named ("a car bomb").
WEAPON_WORDS = frozenset({"bomb", "explosive", "ied", "landmine", "rocket", "missile",
                          "mortar", "grenade", "shell", "bullet", "gunfire", "sniper"})
UNIDENTIFIED = "UAF"  # the Phoenix agents' code for unidentified armed forces


def attackers(verb: Token, actors: Sequence[Actor]) -> list[Actor]:
    """Who did a passive act with no agent, from the attack it happened in: 'four
    children were killed in Israeli tank shelling' → Israel."""
    causes = _causes(verb)
    return (_wielders(causes, actors) or _by_origin(verb, actors)
            or (_unidentified(verb, actors) if any(map(_is_weapon, causes)) else []))


def subject_attackers(verb: Token, subjects: list[Token], actors: Sequence[Actor]
                      ) -> list[Actor]:
    """Who wielded an attack or a weapon that is the subject: 'missiles fired by the
    Israeli military struck a depot' → ISRMIL; 'a suicide attack killed eight people in
    Kabul' → AFGUAF."""
    causes = [head for head in subjects if _names_attack(head) or _is_weapon(head)]
    return (_wielders(causes, actors) or _unidentified(verb, actors)) if causes else []


def _causes(verb: Token) -> list[Token]:
    """What a passive act happened in or by ('in an air strike', 'by a car bomb')."""
    return [pobj for prep in verb.children if prep.dep_ in {"prep", "agent"}
            and prep.lower_ in CAUSE_PREPOSITIONS
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _wielders(causes: list[Token], actors: Sequence[Actor]) -> list[Actor]:
    """The doer an attack names ('an Israeli air strike'), or who used a weapon ('a
    missile believed to be fired by rebels')."""
    for cause in causes:
        heads = doer_heads(cause) if _names_attack(cause) else []
        if _is_weapon(cause):
            heads += [pobj for word in cause.subtree if word.dep_ == "agent"
                      for pobj in word.children if pobj.dep_ == "pobj"]
        found = actors_for(heads, actors)
        if found:
            return found
    return []


def _unidentified(verb: Token, actors: Sequence[Actor]) -> list[Actor]:
    """'Three US servicemen were killed by a roadside bomb outside Basra': an attack
    with no one named is made by unidentified armed forces of the place (UAF), where
    the act or its object is ('killed eight people in Kabul')."""
    heads = [verb] + [child for child in verb.children if child.dep_ == "dobj"]
    scenes = [word.i for head in heads for prep in head.children if prep.dep_ == "prep"
              and prep.lower_ in LOCATING_PREPOSITIONS for word in _place_words(prep)]
    for index in scenes:
        place = next((a for a in actors if a.start <= index < a.end
                      and names_state(a.code)), None)
        if place is not None:
            return unidentified_in([place])
    return []


def _place_words(prep: Token) -> list[Token]:
    """The words naming the place after a preposition: 'in Kabul', 'outside of the Iraqi
    city of Basra', not what happens there ('in an attack on the embassy')."""
    words = []
    for child in prep.children:
        if child.dep_ == "prep" and child.lower_ == "of":  # "outside of ..."
            words += _place_words(child)
        if child.dep_ != "pobj":
            continue
        words += [child, *(c for c in child.children if c.dep_ in {"amod", "compound"})]
        words += [w for inner in child.children if inner.dep_ == "prep" and (
            inner.lower_ in LOCATING_PREPOSITIONS
            or (inner.lower_ == "of" and child.lemma_.lower() in PART_NOUNS))
            for w in _place_words(inner)]
    return words


def unidentified_in(places: list[Actor]) -> list[Actor]:
    return [Actor(place.start, place.end, country_prefix(place.code) + UNIDENTIFIED,
                  f"unidentified attackers in {place.rule}") for place in places]


def placed_weapon(verb: Token, sources: list[Actor]) -> bool:
    """'killed by a roadside bomb near Kandahar': the only 'agent' is a weapon's place."""
    return bool(sources) and all(map(_is_place, sources)) and any(
        map(_is_weapon, _causes(verb)))


def _is_weapon(noun: Token) -> bool:
    """'a car bomb', 'an improvised explosive device'."""
    return any(word.lemma_.lower() in WEAPON_WORDS for word in noun.subtree)


def _is_place(actor: Actor) -> bool:
    return len(actor.code) == 3 and names_state(actor.code)


def _by_origin(verb: Token, actors: Sequence[Actor]) -> list[Actor]:
    """'A rocket was fired at Israel from the Gaza Strip': fire comes from its doer."""
    origins = [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
               for pobj in prep.children if pobj.dep_ == "pobj"]
    return actors_for(origins, actors)


def _names_attack(noun: Token) -> bool:
    """'an air strike', or 'Israeli tank shelling' where the parser ended the noun
    phrase early and read 'shelling' as a verb."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return noun.lemma_.lower() in ATTACK_NOUNS or (
        after is not None and after.pos_ == "VERB" and after.lower_ in ATTACK_NOUNS)


def is_force(code: str) -> bool:
    return code[:2] in FORCE_ROOTS


def as_force(match: CodeMatch, sources: list[Actor]) -> CodeMatch:
    """'Police attacked the Supreme Court building and a government ministry': a
    pattern reading a force verb as criticism ('attacked the government', 111) is the
    verb's own force when an armed actor does it."""
    if (match.code and match.code[:2] == CRITICISM_ROOT and match.default
            and is_force(match.default) and any(map(is_armed, sources))):
        return dataclasses.replace(match, code=match.default, pair_code=None,
                                   rule=f"{match.rule}; armed source: {match.default}")
    return match


# The people of a demonstration, and the violent acts that make it a riot: property
# seized or destroyed (171x), assault (180, 182x) and unspecified force (190). Arms of
# war (193-195: "demonstrators launched missiles") are fighting, not rioting.
PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher",
                             "mob", "crowd", "throng"})
RIOT_PREFIXES = ("171", "180", "182", "190")
RIOT_CODE = "145"


def as_riot(match: CodeMatch, subjects: list[Token]) -> CodeMatch:
    """'The building was demolished by a Ukrainian protester': violence a protester
    does is a violent protest (145), whoever the victim."""
    if not (match.code and match.code.startswith(RIOT_PREFIXES)):
        return match
    if not any(head.lemma_.lower() in PROTESTER_WORDS for head in subjects):
        return match
    return dataclasses.replace(match, code=RIOT_CODE, pair_code=None,
                               rule=f"{match.rule}; done by protesters: {RIOT_CODE}")
