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
               "start", "continue", "resume", "mount", "step", "extend", "deliver", "organize",
               "organise", "renew", "undertake", "initiate", "complete", "conclude"}
# Light verbs that only promise the event named by their object ("offered concessions").
PROMISE_VERBS = {"offer", "pledge", "promise", "propose"}
DOER_DEPS = {"poss", "compound", "amod", "nmod"}
# Nouns whose usual news sense is not their verb's: a "strike" is a walkout unless a
# weapon word says it is an attack (CAMEO 143 strike or boycott, 142 hunger strike).
# "Aid" and "assistance" name provided aid (07), not the verbs' "assist in" (06).
NOUN_SENSES = {"strike": "143", "aid": "070", "assistance": "070"}
SENSE_BY_MODIFIER = {("strike", "hunger"): "142",
                     **{(noun, word): code for noun in ("aid", "assistance")
                        for word, code in (("economic", "071"), ("financial", "071"),
                                           ("military", "072"), ("humanitarian", "073"),
                                           ("food", "073"), ("medical", "073"),
                                           ("emergency", "073"), ("relief", "073"))}}
ATTACK_MODIFIERS = {"air", "airstrike", "missile", "drone", "military", "artillery", "rocket",
                    "preemptive", "pre-emptive", "retaliatory", "nuclear", "aerial", "naval",
                    "precision", "surgical", "israeli", "russian", "american", "us"}
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


def noun_sense(noun: Token) -> str | None:
    """The code of a noun whose own sense differs from its verb's, e.g. 'hunger strike'.
    A weapon word keeps a strike an attack ('air strike'), whatever the noun."""
    lemma = noun.lemma_.lower()
    if lemma not in NOUN_SENSES:
        return None
    modifiers = {child.lower_ for child in noun.children if child.dep_ in {"compound", "amod"}}
    if lemma == "strike" and modifiers & ATTACK_MODIFIERS:
        return None
    for word in modifiers:
        if (lemma, word) in SENSE_BY_MODIFIER:
            return SENSE_BY_MODIFIER[(lemma, word)]
    return NOUN_SENSES[lemma]


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
    if noun.dep_ == "dobj" and is_light(head):
        return head
    return None


def is_light(verb: Token) -> bool:
    """Whether a verb is a light verb; the inflection is undone by hand too, since the
    lemmatizer misreads some ('staged' -> 'stag')."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & LIGHT_VERBS)


def is_promise(verb: Token) -> bool:
    return verb.lemma_.lower() in PROMISE_VERBS


def is_candidate(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    return light_verb(noun) is not None or (bool(doer_heads(noun)) and bool(other_heads(noun)))
