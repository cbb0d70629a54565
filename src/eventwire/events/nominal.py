"""Events named by a noun: "Israel's attack on Gaza", "its opposition to the plan".

A noun is a trigger when it derives from a dictionary verb (attack, invasion ->
invade, opposition -> oppose, withdrawal -> withdraw) and the phrase names both
sides: the doer as a possessive or a modifier ("Israel's", "the US invasion")
and the other party after a preposition ("on Gaza", "of Iraq", "to the plan").
Without both, a noun such as "talks" or "attack" says too little to code.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.arguments import blamed
from eventwire.events.currency import CURRENCY_WORDS, names_money

# (noun ending, verb ending) tried in order: invasion -> invade, opposition -> oppose.
DERIVATIONS = (("", ""), ("ization", "ize"), ("isation", "ise"), ("ation", "ate"),
               ("ation", "e"), ("ation", ""), ("ition", "e"), ("sion", "de"), ("sion", "d"),
               ("ion", "e"), ("ion", ""), ("al", ""), ("ment", ""), ("ism", "ize"),
               ("", "en"), ("ure", "e"), ("ance", ""), ("ence", ""), ("ance", "e"), ("ing", ""))
# Verbs that say little beyond the event named by their object.
LIGHT_VERBS = {"announce", "declare", "launch", "carry", "conduct", "stage", "hold", "make",
               "give", "offer", "pledge", "provide", "unveil", "approve", "order", "begin",
               "start", "continue", "resume", "mount", "step", "extend", "deliver", "organize",
               "organise", "renew", "undertake", "initiate", "complete", "conclude", "issue",
               "speed", "accelerate", "hasten", "intensify", "escalate", "expand"}
# "went on strike", "stayed on hunger strike".
GOING_ON = {"go", "stay", "remain", "continue"}
# Light verbs that only promise the event named by their object ("offered concessions").
PROMISE_VERBS = {"offer", "pledge", "promise", "propose"}
# Verbs that stop what their object names, and the 16x code of each stopped act.
STOP_VERBS = {"suspend", "halt", "cut", "reduce", "end", "freeze", "stop", "slash", "cancel",
              "terminate", "withhold", "curtail", "sever", "downgrade", "scale", "pull",
              "withdraw", "quit", "abandon", "walk", "leave", "exit"}
STOP_NOUNS = {"suspension", "halt", "cut", "cutoff", "end", "freeze", "cancellation",
              "termination", "severing", "severance", "withdrawal", "reduction"}
STOPPED_AID = "162"
STOPPED = {"aid": STOPPED_AID, "assistance": STOPPED_AID, "supply": STOPPED_AID,
           "funding": STOPPED_AID, "relation": "161", "tie": "161", "link": "161", "talk": "164",
           "negotiation": "164", "mediation": "165", "cooperation": "160"}
# The kind of aid a modifier names: the last digit of 07x (give) and 162x (stop).
AID_KINDS = {"economic": "1", "financial": "1", "military": "2", "humanitarian": "3",
             "food": "3", "medical": "3", "emergency": "3", "relief": "3"}
DOER_DEPS = {"poss", "compound", "amod", "nmod"}
# Nouns whose usual news sense is not their verb's: a "strike" is a walkout unless a
# weapon word says it is an attack (CAMEO 143 strike or boycott, 142 hunger strike).
# "Aid" and "assistance" name provided aid (07), not the verbs' "assist in" (06); an
# "ultimatum" (139) has no verb of its own.
NOUN_SENSES = {"strike": "143", "aid": "070", "assistance": "070", "ultimatum": "139",
               "curfew": "1723", "warfare": "190"}
# Nouns that are aid of the kind a modifier names ("military support" 072); with an
# amount of money ("€45m support") they are economic aid (071).
AID_NOUNS = ("aid", "assistance", "supply", "support")
ECONOMIC_AID = "07" + AID_KINDS["economic"]
# A modifier or an "of" object that gives the noun its sense (1724: impose a state of
# emergency or martial law; 176: cyberattack, as the bundled verbs code hacking).
SENSE_BY_MODIFIER = {("strike", "hunger"): "142", ("fire", "cease"): "0871",
                     ("cessation", "hostility"): "0871",
                     ("state", "emergency"): "1724",
                     ("state", "siege"): "1724", ("law", "martial"): "1724",
                     ("attack", "cyber"): "176", ("warfare", "cyber"): "176",
                     ("attack", "cyber-attack"): "176",
                     **{(noun, word): "07" + kind for noun in AID_NOUNS
                        for word, kind in AID_KINDS.items()}}
# A protest someone stages, holds or organizes is a demonstration (141).
STAGED_PROTESTS = {"protest", "demonstration", "rally", "march", "sit-in"}
STAGING_VERBS = {"stage", "hold", "organize", "organise", "mount"}
DEMONSTRATION = "141"
ATTACK_MODIFIERS = {"air", "airstrike", "missile", "drone", "military", "artillery", "rocket",
                    "preemptive", "pre-emptive", "retaliatory", "nuclear", "aerial", "naval",
                    "precision", "surgical", "israeli", "russian", "american", "us"}
OTHER_PREPOSITIONS = {"on", "of", "against", "to", "with", "into", "between"}
# Nouns that only carry the event their modifier names: "a mediation mission", "a
# rescue operation", "an aid programme".
CARRIER_NOUNS = {"mission", "effort", "bid", "initiative", "drive", "operation",
                 "programme", "program", "process"}


def verb_entries(noun: Token, lexicon) -> list:
    """The dictionary verbs a noun derives from, if any. A currency or weight ("500
    pounds of rice") is no act, whatever verb it shares a form with (pound, 190)."""
    lemma = noun.lemma_.lower()
    if lemma in CURRENCY_WORDS:
        return []
    for ending, verb_ending in DERIVATIONS:
        if ending and not lemma.endswith(ending):
            continue
        stem = lemma[: len(lemma) - len(ending)] if ending else lemma
        entries = [e for e in lexicon.candidates(stem + verb_ending) if not e.particles]
        if entries:
            return entries
    return []


def noun_sense(noun: Token) -> str | None:
    """The code of a noun whose own sense differs from its verb's, e.g. 'hunger strike',
    'cyber attack', 'a state of siege'. A weapon word keeps a strike an attack ('air
    strike')."""
    lemma = noun.lemma_.lower()
    modifiers = {child.lower_ for child in noun.children if child.dep_ in {"compound", "amod"}}
    modifiers |= {obj.lemma_.lower() for prep in noun.children
                  if prep.dep_ == "prep" and prep.lower_ == "of"
                  for obj in prep.children if obj.dep_ == "pobj"}
    if lemma == "strike" and modifiers & ATTACK_MODIFIERS:
        return None
    for word in sorted(modifiers):
        if (lemma, word) in SENSE_BY_MODIFIER:
            return SENSE_BY_MODIFIER[(lemma, word)]
    if lemma in AID_NOUNS and any(child.dep_ in {"compound", "amod", "nmod", "nummod"}
                                  and names_money(child) for child in noun.children):
        return ECONOMIC_AID
    verb = light_verb(noun)
    if lemma in STAGED_PROTESTS and verb is not None and _forms(verb) & STAGING_VERBS:
        return DEMONSTRATION  # "staged a protest": a demonstration, not only dissent
    return NOUN_SENSES.get(lemma)


def stopped_code(verb: Token) -> str | None:
    """'suspended military aid', 'pulled out of talks', 'a suspension of air links':
    stopping a cooperative act is the matching reduction of relations (CAMEO 16x),
    whatever the verb's own code."""
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in STOP_NOUNS:
        stopped = [obj for link in verb.children if link.dep_ == "prep" and link.lower_ == "of"
                   for obj in link.children if obj.dep_ == "pobj"]
    elif verb.pos_ == "VERB" and _forms(verb) & STOP_VERBS:
        stopped = _stopped_objects(verb)
    else:
        return None
    for child in stopped:
        for noun in (child, *_compounds(child)):  # "ended mediation efforts"
            if noun.lemma_.lower() in STOPPED:
                return _aid_kind(child, STOPPED[noun.lemma_.lower()])
    return None


def _stopped_objects(verb: Token) -> list[Token]:
    """'suspended aid', 'pulled out of talks', 'withdrew from negotiations'."""
    found = [child for child in verb.children if child.dep_ == "dobj"]
    for link in verb.children:
        if link.dep_ in {"prep", "prt"} and link.lower_ in {"out", "of", "from"}:
            found += [t for t in link.subtree if t.dep_ == "pobj"][:1]
    return found


def _compounds(noun: Token) -> list[Token]:
    return [child for child in noun.children if child.dep_ == "compound"]


def _aid_kind(noun: Token, code: str) -> str:
    modifiers = {child.lower_ for child in noun.children if child.dep_ in {"compound", "amod"}}
    for word, kind in AID_KINDS.items():
        if code == STOPPED_AID and word in modifiers:
            return code + kind
    return code


def doer_heads(noun: Token) -> list[Token]:
    """'Israel's attack', 'the US invasion', 'its opposition', 'an attack by Hamas'."""
    heads = [child for child in noun.children if child.dep_ in DOER_DEPS and child.i < noun.i]
    heads += [obj for agent in noun.children if agent.dep_ == "prep" and agent.lower_ == "by"
              for obj in agent.children if obj.dep_ == "pobj"]
    return heads + blamed(noun)


def other_heads(noun: Token) -> list[Token]:
    """'... on Gaza', '... of Iraq', '... to the plan'; a carried event's are its
    carrier's ('a mediation mission between Syria and Israel')."""
    holders = [noun, noun.head] if _carried(noun) else [noun]
    return [obj for holder in holders for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ in OTHER_PREPOSITIONS
            for obj in prep.children if obj.dep_ == "pobj"]


def _carried(noun: Token) -> bool:
    """'undertook a mediation mission': the event noun modifies a noun that only
    carries it."""
    return noun.dep_ == "compound" and noun.head.lemma_.lower() in CARRIER_NOUNS


def light_verb(noun: Token) -> Token | None:
    """The light verb whose object ``noun`` is, if it is one ('went on hunger strike')."""
    head = noun.head
    if noun.dep_ == "dobj" and is_light(head):
        return head
    if _carried(noun) and head.dep_ == "dobj" and is_light(head.head):
        return head.head  # "undertook a mediation mission"
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in GOING_ON:
        return head.head
    return None


def is_light(verb: Token) -> bool:
    return bool(_forms(verb) & LIGHT_VERBS)


def _forms(verb: Token) -> set[str]:
    """The verb's lemma, and the word with its inflection undone by hand, since the
    lemmatizer misreads some ('staged' -> 'stag')."""
    word = verb.lower_
    return {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}


def is_promise(verb: Token) -> bool:
    return verb.lemma_.lower() in PROMISE_VERBS


def is_candidate(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "dobj" and stopped_code(noun.head) is not None:
        return False  # "suspended aid" is the verb's event
    return light_verb(noun) is not None or (
        bool(doer_heads(noun)) and (bool(other_heads(noun)) or bool(blamed(noun))))
