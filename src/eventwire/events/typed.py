"""Events the verb dictionary missed, typed by the learned sentence typer.

When no rule gives a sentence an event with a PLOVER type, the typer
(eventwire.learned) may still recognise one: "Swiss doctors handed over 700 kg
of medicine to the Red Crescent". Its guess is kept only when it is confident,
and then coded as the type's general CAMEO code ("not specified below") on the
sentence's main verb, with the verb's subject and object as source and target.
The event's rule names the typer and its probability, so such events can be
told apart, counted, or left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.events import modality
from eventwire.events.participants import pairs, verb_participants
from eventwire.events.records import Actor, Coded

# The general CAMEO code of each PLOVER type: the one an analyst reads as
# "this kind of event, no more specific".
GENERAL_CODES = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160",
    "COERCE": "170", "ASSAULT": "190",
}
NO_EVENT = "NONE"
MIN_PROBABILITY = 0.6


def typed_events(sent: Doc | Span, predict: Callable, actors: Sequence[Actor],
                 resolve: Callable[[Token], Actor | None] | None,
                 judge: Callable[[Token, str], tuple[str | None, str | None]],
                 threshold: float = MIN_PROBABILITY,
                 coded_verbs: frozenset[int] = frozenset()) -> list[Coded]:
    """The typer's event for a sentence, or nothing when it is unsure or sees none.

    ``judge`` applies negation and modality to the main verb, as for rule events.
    A verb the dictionary already coded (``coded_verbs``, e.g. 'claimed
    responsibility' 015, which PLOVER leaves untyped) is not coded again.
    """
    verb = main_verb(sent)
    if verb is None or verb.i in coded_verbs:
        return []
    guess = predict(sent)
    if guess.type == NO_EVENT or guess.probability < threshold:
        return []
    arguments, sources, targets = verb_participants(verb, actors, resolve)
    if not sources and not (arguments.passive and targets):
        return []
    code, mode = judge(verb, GENERAL_CODES[guess.type])
    if code is None:
        return []
    rule = f"typer: {guess.type} p={guess.probability:.2f}"
    return [Coded(verb, code, source, target, rule, mode, ["typer"])
            for source, target in pairs(sources, targets, verb)]


def main_verb(sent: Doc | Span) -> Token | None:
    """The sentence's main verb; under 'X said (that) ...' the verb of what was said."""
    root = sent.root if isinstance(sent, Span) else next(
        (t for t in sent if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    if root.lemma_.lower() in modality.SPEECH_VERBS:
        said = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"}
                and c.pos_ in {"VERB", "AUX"}]
        if said:
            return said[0]
    return root
