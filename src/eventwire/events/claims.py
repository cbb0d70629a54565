"""What a claim is: of responsibility for one's own act, or an accusation.

"The Houthis claimed that they had attacked the Saudi airport" reports no attack
the reporter saw, only that the Houthis say they did it: CAMEO 015, claim
responsibility, aimed at the attack's target; so is a claim for one's own state's
forces ("Trump claimed that the US military is hitting the Islamic State harder").
"The US claimed that ISIL had attacked Iraq" is the US accusing ISIL (112), as
PETRARCH codes it. Only a conflictual act (CAMEO 14-20) claimed of another is an
accusation; a claimed agreement stays what it is. An allegation is a claim.

A speaker who *says* that another did such an act accuses them too ("Israel said a
mortar bomb was fired at it from Gaza": Israel accuses Gaza, 112), but news reports
acts this way, so the act is kept beside the accusation. Only a speaker who opens
the sentence accuses: "Y attacked Z, officials said" is a news report's attribution,
and so is anything the news media say.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.countries import country_of, names_state
from eventwire.events.arguments import find_arguments
from eventwire.events.participants import actors_for
from eventwire.events.records import Actor, Coded

CLAIM_VERBS = frozenset({"claim", "allege"})
SAYING_VERBS = frozenset({"say", "tell", "state", "insist", "charge", "assert", "complain"})
MEDIA = "MED"
RESPONSIBILITY = "015"
ACCUSATION = "112"
SAID_RULE = "said that another did"
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# An own act told as done or as settled ("said they will attack": modality "announced").
OWN_ACT_MOODS = frozenset({None, "announced"})


def read_claims(by_trigger: dict[int, list[Coded]], doc, actors: Sequence[Actor],
                own_acts_as_claims: bool = False) -> dict[int, list[Coded]]:
    """The events of each trigger, those inside a claim recoded as the claim; the
    claim verb's own reading goes, since the claim now says what was claimed.
    ``own_acts_as_claims``: a speaker's own act told ("said they will attack Iraq")
    is a claim too, as PETRARCH-2 codes it."""
    read = {index: _claimed(doc[index], items, actors, own_acts_as_claims)
            for index, items in by_trigger.items()}
    # a claimed event has moved to the claim verb, away from its own trigger
    claims = {item.trigger.i for index, items in read.items() for item in items
              if item.trigger.i != index}
    return {index: [item for item in items if not (index in claims and item.trigger.i == index)]
            for index, items in read.items()}


def _claimed(trigger: Token, items: list[Coded], actors: Sequence[Actor],
             own_acts_as_claims: bool) -> list[Coded]:
    clause = trigger.head if trigger.dep_ == "conj" else trigger  # "... and taken Mosul"
    claim = clause.head
    verb = claim.lemma_.lower()
    if clause.dep_ != "ccomp" or verb not in CLAIM_VERBS | SAYING_VERBS:
        return items
    claimers = actors_for(find_arguments(claim).sources, actors)
    if not claimers:
        return items
    if verb in SAYING_VERBS:
        if own_acts_as_claims and clause.i > claim.i:
            items = [_own_claim(claim, claimers, item) for item in items]
        return items + _accusations(claim, clause, claimers[0], items)
    found = [_as_claim(claim, claimers[0], item) for item in items]
    return [item for item in found if item is not None]


def _accusations(say: Token, clause: Token, speaker: Actor, items: list[Coded]
                 ) -> list[Coded]:
    """'Israel said a mortar bomb was fired at it from Gaza': Israel accuses Gaza."""
    if clause.i < say.i or MEDIA in speaker.code[3:]:
        return []
    return [dataclasses.replace(item, trigger=say, code=ACCUSATION, source=speaker,
                                target=item.source, modality=None,
                                rule=f"{SAID_RULE} {item.code}: {item.rule}")
            for item in items if item.code[:2] in CONFLICT_ROOTS and item.source is not None
            and not item.reciprocal and item.modality is None
            and not _same_side(item.source, speaker)]


def _own_claim(say: Token, speakers: list[Actor], item: Coded) -> Coded:
    """'Obama and Putin said they will attack Iraq': each claims its attack (015)."""
    speaker = next((s for s in speakers if item.source is not None
                    and _same_side(item.source, s)), None)
    if speaker is None or item.code[:2] not in CONFLICT_ROOTS or item.reciprocal \
            or item.modality not in OWN_ACT_MOODS:
        return item
    return _as_claim(say, speaker, item)


def _same_side(doer: Actor, claimer: Actor) -> bool:
    """'they' for the Houthis, or the US military for a US president: the claimer's own."""
    return doer.code == claimer.code or (
        names_state(doer.code) and country_of(doer.code) == country_of(claimer.code))


def _as_claim(claim: Token, claimer: Actor, item: Coded) -> Coded | None:
    if item.code[:2] not in CONFLICT_ROOTS:
        return item
    if item.source is not None and _same_side(item.source, claimer):
        return dataclasses.replace(item, trigger=claim, code=RESPONSIBILITY, source=claimer,
                                   rule=f"claim of responsibility for {item.code}: {item.rule}",
                                   reciprocal=False)
    if item.source is not None and not item.reciprocal:
        return dataclasses.replace(item, trigger=claim, code=ACCUSATION, source=claimer,
                                   target=item.source,
                                   rule=f"claim that another did {item.code}: {item.rule}")
    return None if item.reciprocal else item


def claimed_verbs(coded: list[Coded]) -> set[int]:
    """The verbs whose acts a claim in ``coded`` already codes ('claimed that they had
    attacked', 'said they will attack'), so nothing codes them again."""
    return {verb.i for item in coded
            if item.trigger.lemma_.lower() in CLAIM_VERBS or item.code == RESPONSIBILITY
            for clause in item.trigger.children if clause.dep_ == "ccomp"
            for verb in [clause, *(c for c in clause.children if c.dep_ == "conj")]}
