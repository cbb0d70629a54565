"""A group of no stated country that makes claims on a state's institutions is that
state's own.

"Islamic fundamentalists demanded the resignation of the Algerian President",
"rebels insisted that Burundi's government grant more rights", "the Homeland Union
urged the Lithuanian Parliament": the sentence never says whose fundamentalists,
rebels or party these are, but a group that demands of, protests against, rejects,
accuses or threatens a government, legislature, court or leader is, unless told
otherwise, a domestic opposition. PLOVER's coders place it there; CAMEO would leave
it ---. State bodies are left alone: a bare "parliament" that criticizes a foreign
president may be any country's. Only verbal conflict and protest (CAMEO 10-14) are
read this way: an attack on a state's government says nothing about who the
attackers are.
"""

from __future__ import annotations

import dataclasses

from eventwire.actors.countries import country_prefix, names_state, sector_of
from eventwire.events.records import BARE_AGENT, Actor, Coded, bare_sector

CLAIM_ROOTS = frozenset({"10", "11", "12", "13", "14"})
INSTITUTIONS = frozenset({"GOV", "LEG", "JUD", "ELI"})
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI"})


def with_home_countries(coded: list[Coded]) -> list[Coded]:
    """The events, each unplaced claimant placed in the state its claim is made on."""
    return [_placed(item) if _applies(item) else item for item in coded]


def _applies(item: Coded) -> bool:
    return (item.code[:2] in CLAIM_ROOTS and item.source is not None
            and item.target is not None and _unplaced(item.source)
            and _institution(item.target.code))


def _unplaced(actor: Actor) -> bool:
    """A bare non-state agent ('fundamentalists', ---MUS) or a name the dictionaries
    lack. A bare state body ('parliament' criticizing a foreign leader) may be anyone's."""
    sector = bare_sector(actor.code)
    return actor.code == "" or (sector is not None and sector not in STATE_SECTORS)


def _institution(code: str) -> bool:
    return names_state(code) and (sector_of(code) or "")[:3] in INSTITUTIONS


def _placed(item: Coded) -> Coded:
    source, target = item.source, item.target
    code = country_prefix(target.code) + source.code[len(BARE_AGENT):]
    placed = source.recoded(code, f"{source.rule} + home of {target.rule}".lstrip(" +"))
    return dataclasses.replace(item, source=placed)
