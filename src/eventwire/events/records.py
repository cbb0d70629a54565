"""The records the event stages pass between them: actors in a sentence, coded events."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Token

# The country part of an agent the text does not place ("officials", ---GOV).
BARE_AGENT = "---"


def bare_sector(code: str) -> str | None:
    """The role of an unplaced agent, 'MUS' of ---MUS; None for a placed code."""
    return code[len(BARE_AGENT):][:3] if code.startswith(BARE_AGENT) else None


@dataclass(frozen=True)
class Actor:
    """An actor mention inside the sentence Doc (token indices are the Doc's)."""

    start: int
    end: int
    code: str
    rule: str
    # The earlier mention a pronoun or description was resolved to: (text, start, end),
    # character offsets in the article.
    antecedent: tuple[str, int, int] | None = None

    def recoded(self, code: str, rule: str) -> Actor:
        """The same mention under another code (placed by context), antecedent kept."""
        return dataclasses.replace(self, code=code, rule=rule)


@dataclass
class Coded:
    """An event found in a sentence, before the ontology fills in its names."""

    trigger: Token
    code: str
    source: Actor | None
    target: Actor | None
    rule: str
    modality: str | None = None
    notes: list[str] = field(default_factory=list)
    reciprocal: bool = False  # the target's act back that a pair code "[043:042]" gives


@dataclass(frozen=True)
class CodingRules:
    """Which optional stages run; all do by default. Turning one off measures what it
    adds (the ablation table in docs/ACCURACY.md)."""

    coref: bool = True  # pronouns, "the prime minister"
    modality: bool = True  # negation, conditions, plans, refusals
    nominal: bool = True  # events named by nouns
    named: bool = True  # proper names the dictionaries lack act, with an empty code
    learned: bool = True  # the learned typer codes sentences the rules leave untyped
    senses: bool = True  # noun senses, stop and goods rules before the verb dictionary
    recipients: bool = True  # an untargeted event aimed at whom its purpose names
    domestic: bool = True  # an unplaced group making claims on a state's institutions is its
    political: bool = True  # an event needs a party politics is about (a state, police, ...)
    # PETRARCH's own semantics, for a user's TABARI dictionaries: patterns match words
    # exactly and their actor markers ($ + ^ %) place the actors; modality only drops
    # (no threat/intent/refusal recoding); statements are kept beside what they report.
    petrarch: bool = False
    require_dyad: bool = False  # PETRARCH's option: an event needs a source and a target
    new_actor_length: int = 0  # PETRARCH's option: uncoded noun phrases this short act
    # PETRARCH-2's conventions (events/conventions.py): an act announced for the future
    # ("will supply arms", "is scheduled to attend") is coded as the act itself;
    plans_as_acts: bool = False
    # a passive with no "by" phrase was done by the place it happened in ("killed in
    # Ukraine": UKR);
    place_as_agent: bool = False
    # a speaker telling of its own attack claims it (015: "said they will attack Iraq");
    own_acts_as_claims: bool = False
    # codes as PETRARCH-2's arithmetic prints them: wanting another to attack is 021, and
    # a planned, asked-for or refused release is easing dissent (0352, 0252, 1052, 1242).
    petrarch2_codes: bool = False


class VerbLexicon:
    """What the sentence coder needs from a verb dictionary."""

    def candidates(self, lemma: str) -> list: ...  # pragma: no cover

    def patterns_for(self, verb) -> list: ...  # pragma: no cover
