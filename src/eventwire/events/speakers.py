"""A state's own forces and officials in what it says.

"Israel said troops killed three militants in Gaza": the troops are Israel's. An
unplaced state agent (troops, police, officials, judges, lawmakers, spies) that is
the subject of a clause a state or one of its arms or offices reports is the
speaker's. Others are not: "Israel said militants fired rockets" leaves the
militants unplaced, and "Hamas said soldiers killed ..." the soldiers.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.countries import country_prefix, names_state
from eventwire.events.modality import SPEECH_VERBS
from eventwire.events.records import BARE_AGENT, Actor, bare_sector

# The Phoenix agents' codes for the state's own arms and offices.
STATE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY", "JUD", "LEG"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def own_forces(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """``actors`` with each unplaced state agent in a reported clause given the
    speaker's country."""
    return [_owned(doc, actor, actors) if bare_sector(actor.code) in STATE_SECTORS else actor
            for actor in actors]


def _owned(doc: Doc, actor: Actor, actors: Sequence[Actor]) -> Actor:
    speaker = _speaker(doc[actor.start:actor.end].root, actors)
    if speaker is None:
        return actor
    return actor.recoded(country_prefix(speaker.code) + actor.code[len(BARE_AGENT):],
                         f"speaker's own: {actor.rule} of {speaker.rule}")


def _speaker(head: Token, actors: Sequence[Actor]) -> Actor | None:
    """The state-coded subject of the saying verb whose reported clause ``head`` is
    the subject of ('Israel said troops killed ...')."""
    clause = head.head
    if head.dep_ not in _SUBJECTS or clause.dep_ != "ccomp":
        return None
    saying = clause.head
    if saying.lemma_.lower() not in SPEECH_VERBS:
        return None
    subjects = {t.i for child in saying.children if child.dep_ in _SUBJECTS
                for t in child.subtree}
    return next((a for a in actors if a.start in subjects and _is_state(a.code)), None)


def _is_state(code: str) -> bool:
    """A state or its arms and offices ('ISR', 'ISRGOV'), not its rebels or parties."""
    sectors = code[len(country_prefix(code)):]
    return names_state(code) and all(sectors[k:k + 3] in STATE_SECTORS
                                     for k in range(0, len(sectors), 3))
