"""Calling something a name: 'called the sanctions illegal', 'branded the move a
provocation', 'described the visit as a serious provocation'.

A verb of naming with an object and a predicate for it is a judgement of the object,
not a phone call (CALL's 041) nor a statement: CAMEO's 111 (criticize or denounce),
or 051 (praise or endorse) when the predicate praises ('called the accord historic').
The PLOVER manual files the first under ACCUSE and the second under SUPPORT.
"""

from __future__ import annotations

from spacy.tokens import Token

NAMING_VERBS = frozenset({"call", "brand", "label", "term", "dub", "describe", "denounce"})
CRITICIZE = "111"
PRAISE = "051"
# Predicates that praise: 'called the talks constructive', 'a breakthrough'.
PRAISING_WORDS = frozenset({
    "historic", "constructive", "positive", "important", "good", "great", "excellent",
    "successful", "success", "breakthrough", "milestone", "victory", "fair", "productive",
    "fruitful", "useful", "friendly", "cordial", "landmark", "welcome", "encouraging",
    "significant", "major", "promising", "brave", "courageous", "wise",
})
NEGATIONS = frozenset({"not", "no", "never", "hardly"})


def characterization_code(verb: Token) -> str | None:
    """111 or 051 when ``verb`` names what its object is; None otherwise."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    predicate = _predicate(verb)
    if predicate is None:
        return None
    words = {predicate.lemma_.lower(), *(c.lemma_.lower() for c in predicate.children
                                         if c.dep_ in {"amod", "advmod", "neg", "det"})}
    praising = bool(words & PRAISING_WORDS) and not words & NEGATIONS
    return PRAISE if praising else CRITICIZE


def _predicate(verb: Token) -> Token | None:
    """The word said of the object: an object predicate ('illegal'), a second object
    ('a provocation'), or 'as' + noun ('described it as a provocation')."""
    children = list(verb.children)
    for child in children:
        if child.dep_ == "oprd":
            return child
    objects = [child for child in children if child.dep_ == "dobj"]
    if len(objects) == 2:
        return objects[1]
    for obj in objects:
        # the parser hangs a predicate after a long object on its last noun
        # ('called the agreement with Iran historic': 'historic' modifies 'Iran')
        trailing = [t for t in obj.subtree if t.dep_ == "amod" and t.i > t.head.i]
        if trailing:
            return trailing[0]
    for token in [verb, *objects]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                found = [c for c in child.children if c.dep_ == "pobj"]
                if found:
                    return found[0]
    return None
