"""Events named by a noun: "Israel's attack on Gaza", "its opposition to the plan".

A noun is a trigger when it derives from a dictionary verb (attack, invasion ->
invade, opposition -> oppose, withdrawal -> withdraw) and the phrase names both
sides: the doer as a possessive or a modifier ("Israel's", "the US invasion")
and the other party after a preposition ("on Gaza", "of Iraq", "to the plan").
Without both, a noun such as "talks" or "attack" says too little to code.
"""

from __future__ import annotations

from spacy.tokens import Token

# (noun ending, verb ending) tried in order: invasion -> invade, opposition -> oppose.
DERIVATIONS = (("", ""), ("ization", "ize"), ("isation", "ise"), ("ation", "ate"),
               ("ation", "e"), ("ation", ""), ("ition", "e"), ("sion", "de"), ("sion", "d"),
               ("ion", "e"), ("ion", ""), ("al", ""), ("ment", ""), ("ism", "ize"),
               ("", "en"), ("ure", "e"), ("ance", ""), ("ence", ""), ("ance", "e"))
# Verbs that say little beyond the event named by their object.
LIGHT_VERBS = {"announce", "declare", "launch", "carry", "conduct", "stage", "hold", "make",
               "give", "offer", "pledge", "provide", "unveil", "approve", "order", "begin",
               "start", "continue", "resume", "mount", "step", "extend", "deliver"}
DOER_DEPS = {"poss", "compound", "amod", "nmod"}
OTHER_PREPOSITIONS = {"on", "of", "against", "to", "with", "into"}


def verb_entries(noun: Token, lexicon) -> list:
    """The dictionary verbs a noun derives from, if any."""
    lemma = noun.lemma_.lower()
    for ending, verb_ending in DERIVATIONS:
        if ending and not lemma.endswith(ending):
            continue
        stem = lemma[: len(lemma) - len(ending)] if ending else lemma
        entries = [e for e in lexicon.candidates(stem + verb_ending) if not e.particles]
        if entries:
            return entries
    return []


def doer_heads(noun: Token) -> list[Token]:
    """'Israel's attack', 'the US invasion', 'its opposition', 'an attack by Hamas'."""
    heads = [child for child in noun.children if child.dep_ in DOER_DEPS and child.i < noun.i]
    heads += [obj for agent in noun.children if agent.dep_ == "prep" and agent.lower_ == "by"
              for obj in agent.children if obj.dep_ == "pobj"]
    return heads


def other_heads(noun: Token) -> list[Token]:
    """'... on Gaza', '... of Iraq', '... to the plan'."""
    return [obj for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in OTHER_PREPOSITIONS
            for obj in prep.children if obj.dep_ == "pobj"]


def light_verb(noun: Token) -> Token | None:
    """The light verb whose object ``noun`` is, if it is one."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in LIGHT_VERBS:
        return head
    return None


def is_candidate(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    return light_verb(noun) is not None or (bool(doer_heads(noun)) and bool(other_heads(noun)))
