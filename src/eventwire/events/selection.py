"""Which of a sentence's events to keep, and which one is its main event.

Reported speech keeps what was said, not the saying; a noun that restates its
verb's event is not coded twice; the main event is the one nearest the root.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.events import modality, nominal
from eventwire.events.claims import SAID_RULE
from eventwire.events.records import BARE_AGENT, Actor, Coded

# Triggers whose event is a statement (01x): when they carry reported speech,
# the reported event is the news, so the statement itself is not coded.
STATEMENT_ROOT = "01"
SPEECH_DEPS = {"ccomp", "parataxis"}
SPEECH_VERBS = modality.SPEECH_VERBS


def drop_restated(coded: list[Coded]) -> list[Coded]:
    """'China voiced its opposition to ...': a nominal event that is the object of the
    same actor's coded verb restates that verb's event, so only the verb's is kept.
    After a light verb ('organized a general strike', 'went on strike') the noun names
    the event, so the verb's own event is the one dropped."""
    named_by_object = {verb.i for item in coded if item.trigger.pos_ == "NOUN"
                       for verb in [nominal.light_verb(item.trigger)] if verb is not None}
    coded = [item for item in coded if item.trigger.i not in named_by_object]
    by_trigger: dict[int, set[str]] = {}
    for item in coded:
        if item.source is not None and not is_statement(item):
            by_trigger.setdefault(item.trigger.i, set()).add(item.source.code)
    return [item for item in coded
            if not (_is_object_noun(item) and item.source is not None
                    and item.source.code in by_trigger.get(item.trigger.head.i, set()))]


# CAMEO's roots of force: an attack and the harm it does are one act.
FORCE_ROOTS = frozenset({"18", "19", "20"})


def drop_consequences(coded: list[Coded]) -> list[Coded]:
    """'Aircraft struck a house, killing nine people', 'rebels bombed a pipeline,
    wounding two soldiers': a participle of harm after an act of force is that act's
    toll, not a second attack, so only the governing verb's event is kept (the toll is
    the event's size)."""
    forceful = {item.trigger.i for item in coded if item.code[:2] in FORCE_ROOTS}
    return [item for item in coded if not (
        item.code[:2] in FORCE_ROOTS and _is_participle_adjunct(item.trigger)
        and item.trigger.head.i in forceful and item.trigger.head.i != item.trigger.i)]


def _is_participle_adjunct(token) -> bool:
    return token.dep_ in {"advcl", "xcomp", "conj"} and token.tag_ == "VBG"


def _is_object_noun(item: Coded) -> bool:
    return item.trigger.pos_ == "NOUN" and item.trigger.dep_ == "dobj"


def drop_reporting(coded: list[Coded]) -> list[Coded]:
    """Leave out 'X said ...' when what X said is itself an event.

    spaCy attaches a reporting clause either above the reported event ("X said
    Y attacked Z") or below it ("Y attacked Z, officials said"); both count.
    """
    triggers = {c.trigger.i for c in coded}
    demanded = {c.trigger.i for c in coded if c.modality == "demanded"}
    return [item for item in coded
            if item.modality == "demanded" or item.rule.startswith(SAID_RULE)
            or not (is_statement(item) and _reports_event(item.trigger, triggers, demanded))]


def is_statement(item: Coded) -> bool:
    return item.code.startswith(STATEMENT_ROOT) or item.trigger.lemma_.lower() in SPEECH_VERBS


def _reports_event(trigger: Token, triggers: set[int], demanded: set[int]) -> bool:
    if trigger.i in demanded:
        return True
    if any(child.dep_ == "dobj" and child.i in triggers for child in trigger.children):
        return True  # "announced new assistance": the object is the event
    others = triggers - {trigger.i}
    for child in trigger.children:
        if child.dep_ in SPEECH_DEPS and any(t.i in others for t in child.subtree):
            return True
    return trigger.dep_ in SPEECH_DEPS | {"advcl"} and trigger.head.i in others


def drop_untargeted_statements(coded: list[Coded]) -> list[Coded]:
    """'Ukraine says it has strong evidence': a statement aimed at no one says nothing
    an event dataset can use; Phoenix and ICEWS code statements between two actors.
    Called after the main event is chosen, so a sentence whose main clause is such a
    statement has no main event rather than a lesser one promoted."""
    return [item for item in coded
            if item.target is not None or not item.code.startswith(STATEMENT_ROOT)]


# Sectors that make an unplaced actor a party to politics: government and its forces,
# opposition, armed and criminal groups, parties, unions, rights groups, refugees.
POLITICAL_SECTORS = frozenset({
    "GOV", "MIL", "COP", "OPP", "REB", "JUD", "LEG", "SPY", "INS", "UAF", "PTY", "MOD",
    "RAD", "SEP", "ELI", "REF", "HRI", "NGO", "IGO", "CRM", "LAB", "ENV", "IMG",
})


# Codebook categories that are about politics whoever acts: reform, leadership, regimes,
# dissent, rights, states of emergency, sanctions, releases, peacekeeping, ceasefires.
POLITICAL_TOPICS = re.compile(
    r"dissent|political|regime|leadership|institution|emergency|martial|release|"
    r"peacekeep|rights|ceasefire|sanction|embargo|asylum", re.IGNORECASE)


def drop_apolitical(coded: list[Coded], political_codes: frozenset[str] = frozenset()
                    ) -> list[Coded]:
    """'The band pays royalties to its label', 'the captain warned the visiting side':
    an event needs one party that politics is about: a state or international body
    (any code that names one), or an unplaced actor of a political sector (---COP
    police, ---OPP protesters, ---REB rebels). Firms, fans, customers, patients and
    names the dictionaries lack acting on each other are no political event. An act of
    protest, force or coercion whose doer goes unnamed or uncoded ('23 civilians were
    killed', 'Ingabire was arrested', 'Perez Molina declared a state of siege') keeps
    its political doer implicit, and stays; so does an act whose category is about
    politics whoever does it (``political_codes``: 'teachers will not end the strike'
    is 1242, refusing to ease popular dissent). Called after the main event is chosen,
    as ``drop_untargeted_statements`` is."""
    return [item for item in coded if is_political(item.source) or is_political(item.target)
            or (item.code[:2] in CONFLICT_ROOTS and _unnamed(item.source))
            or item.code in political_codes]


# PROTEST, MOBILIZE, SANCTION's reductions, COERCE, ASSAULT: CAMEO's 14-20.
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def _unnamed(actor: Actor | None) -> bool:
    """No doer in the text, or a name the dictionaries cannot code."""
    return actor is None or actor.code in {"", BARE_AGENT}


def is_political(actor: Actor | None) -> bool:
    if actor is None or not actor.code:
        return False
    if not actor.code.startswith(BARE_AGENT):
        return True
    sectors = {actor.code[i:i + 3] for i in range(len(BARE_AGENT), len(actor.code), 3)}
    return bool(sectors & POLITICAL_SECTORS)


def root_event(coded: list[Coded]) -> Coded | None:
    """The sentence's main event: the one nearest the root of the parse."""
    if not coded:
        return None
    return min(coded, key=lambda c: (_depth(c.trigger), c.trigger.i))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth
