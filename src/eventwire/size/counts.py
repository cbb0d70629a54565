"""Which numbers of a parsed sentence count the dead, injured or arrested, and the word
that says so (the count's *anchor*: "killed" in "killed 12", "toll" in "a death toll of
30"). Only the dependency parse decides: a number that no casualty word governs or
describes is no count, which keeps years, ages, money and troop strengths out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.size.lexicon import CountWords
from eventwire.size.numbers import Amount, amounts

OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "dep", "npadvmod", "oprd", "appos"}
# Nouns that measure a count given elsewhere: "the death toll rose to 30".
MEASURES = {"toll", "tally", "number", "total", "figure"}
MEASURE_PREPS = {"of", "to", "at", "past", "above", "over"}
# "12 people, including 3 children": a part of a count already given.
SUBSET_PREPS = {"including", "among", "inclusive"}
SUBSET_PRONOUNS = {"them", "whom", "those", "which"}
LIVES_VERBS = {"claim", "take", "lose", "cost"}
LEAVE_VERBS = {"leave"}
SHOOT_VERBS = {"shoot", "gun"}


@dataclass(frozen=True)
class Count:
    """One count in a sentence Doc: its field, value, tokens and the word it counts for."""

    field: str
    value: int
    start: int  # first token, qualifier included
    end: int
    qualifier: str | None
    approximate: bool
    anchor: int  # token index of the casualty word the count belongs to
    rule: str


def find_counts(doc: Doc, words: CountWords) -> list[Count]:
    """Every casualty count in the sentence."""
    found = []
    for amount in amounts(doc):
        reading = _read(doc, amount, words)
        if reading is not None:
            field, anchor, rule = reading
            found.append(Count(field, amount.value, amount.qualifier_start, amount.end,
                               amount.qualifier, amount.approximate, anchor, rule))
    return found


def _read(doc: Doc, amount: Amount, words: CountWords) -> tuple[str, int, str] | None:
    head = amount.head(doc)
    noun = head.head if head.dep_ in {"nummod", "quantmod"} and head.head.i != head.i else head
    if _is_subset(noun, head):
        return None
    counted = _counted(noun)
    for reader in (_as_noun, _as_state, _as_object, _as_measure, _in_custody, _as_lives):
        reading = reader(counted, noun, words)
        if reading is not None:
            field, anchor, rule = reading
            return field, anchor.i, rule
    return None


def _counted(noun: Token) -> Token:
    """What a bare amount counts: 'dozens of protesters' -> protesters."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lower_ not in SUBSET_PRONOUNS:
                return objects[0]
    return noun


def _is_subset(noun: Token, head: Token) -> bool:
    """'including three children', '12 of them', 'among them 9 women'."""
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ in SUBSET_PREPS:
        return True
    if any(child.dep_ == "prep" and child.lower_ in SUBSET_PREPS for child in noun.children
           if child.i < noun.i):
        return True
    for token in (noun, head):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and any(
                    c.lower_ in SUBSET_PRONOUNS for c in child.children):
                return True
    return False


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _as_noun(counted: Token, noun: Token, words: CountWords):
    """'23 arrests', '12 bodies', 'the killing of 4 students', 'dozens of bodies'."""
    for token in (counted, noun):
        field = words.nouns.get(token.lemma_.lower()) or words.nouns.get(token.lower_)
        if field is not None and token.pos_ in {"NOUN", "ADJ", "PROPN"}:
            return field, token, "counted noun"
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i:
        owner = of.head
        field = words.nouns.get(owner.lemma_.lower())
        if field is not None and owner.pos_ == "NOUN":
            return field, owner, "noun of"
    return None


def _as_state(counted: Token, noun: Token, words: CountWords):
    """'12 people killed', '250 injured people', 'soldiers who were killed', '12 dead'."""
    for token in {counted, noun}:
        for child in token.children:
            lower = child.lower_
            if child.dep_ in {"amod", "acl"} and lower in words.states \
                    and not _is_active(child):
                return words.states[lower], child, "described"
            if child.dep_ == "relcl" and _is_passive_or_intransitive(child, words):
                return _verb_field(child, words), child, "relative clause"
    return None


def _as_object(counted: Token, noun: Token, words: CountWords):
    """'killed 12', '12 were killed', '12 died', 'left 12 dead', 'shot 6 robbers dead'."""
    noun = _first_conjunct(noun)
    verb = noun.head
    if verb.i == noun.i:
        return None
    lemma = verb.lemma_.lower()
    if noun.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in {
            "total", "number"}:
        return _as_object(counted, verb.head, words)  # "a total of 84 people were arrested"
    if noun.dep_ in OBJECT_DEPS and lemma in words.verbs and verb.pos_ in {"VERB", "ADJ"}:
        if lemma in SHOOT_VERBS and not _says_dead(verb, noun):
            return None
        return words.verbs[lemma], verb, "verb object"
    if noun.dep_ == "nsubj" and lemma in words.intransitive:
        return words.intransitive[lemma], verb, "subject of intransitive"
    if noun.dep_ == "nsubj" and lemma in words.verbs and verb.tag_ == "VBN" \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return words.verbs[lemma], verb, "elliptical passive"  # "and 8 wounded"
    if noun.dep_ == "dobj" and (lemma in SHOOT_VERBS) and _says_dead(verb, noun):
        return "dead", verb, "shot dead"
    if lemma in LEAVE_VERBS and noun.dep_ == "dobj":
        state = _state_of(verb, noun, words)
        if state is not None:
            return state, verb, "left dead"
    return None


def _says_dead(verb: Token, noun: Token) -> bool:
    """'shot dead 7', 'shot 6 robbers dead', 'gunned down 5'."""
    near = list(verb.children) + list(noun.children)
    return any(t.lower_ == "dead" for t in near) or (
        verb.lemma_.lower() == "gun" and any(t.lower_ == "down" for t in verb.children))


def _state_of(verb: Token, noun: Token, words: CountWords) -> str | None:
    """The state 'left' gives its object: 'left 19 people dead'."""
    for token in list(verb.children) + list(noun.children):
        if token.lower_ in words.states and token.dep_ in {
                "oprd", "acomp", "xcomp", "ccomp", "amod", "advmod", "dobj", "conj"}:
            return words.states[token.lower_]
    return None


def _as_measure(counted: Token, noun: Token, words: CountWords):
    """'a death toll of 30', 'the toll rose to 30', 'put the toll at 30',
    'the number of people killed reached 41'."""
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ in MEASURE_PREPS:
        holder = governor.head
    elif noun.dep_ in {"dobj", "attr"}:
        holder = governor
    else:
        return None
    candidates = [holder] if holder.lemma_.lower() in MEASURES else [
        c for c in holder.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"}
        and c.lemma_.lower() in MEASURES]
    for measure in candidates:
        field = _measure_field(measure, words)
        if field is not None:
            return field, measure, "measure"
    return None


def _measure_field(measure: Token, words: CountWords) -> str | None:
    """A toll counts the dead unless it says otherwise; a number or total says what it
    counts ('the number of people arrested')."""
    for token in measure.subtree:
        if token.i == measure.i:
            continue
        lower = token.lemma_.lower()
        if token.dep_ in {"acl", "amod", "relcl"} and token.lower_ in words.states:
            return words.states[token.lower_]
        if token.dep_ == "compound" and lower in words.nouns:
            return words.nouns[lower]
    return "dead" if measure.lemma_.lower() in {"toll", "tally"} else None


def _in_custody(counted: Token, noun: Token, words: CountWords):
    """'took 17 people into custody', '30 people are in custody'."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and any(c.lower_ == "custody" for c in prep.children):
            return "arrested", verb, "custody"
    return None


def _as_lives(counted: Token, noun: Token, words: CountWords):
    """'claimed 19 lives', 'claimed the lives of 26', '13 people lost their lives'."""
    if noun.lemma_.lower() == "life" and noun.head.lemma_.lower() in LIVES_VERBS:
        return "dead", noun.head, "lives"
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lemma_ == "life" \
            and governor.head.head.lemma_.lower() in LIVES_VERBS:
        return "dead", governor.head.head, "lives"
    if noun.dep_ == "nsubj" and governor.lemma_.lower() in LIVES_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in governor.children):
        return "dead", governor, "lives"
    return None


def _is_active(participle: Token) -> bool:
    """'gunmen killing 12' is active: the noun did the killing."""
    return participle.tag_ == "VBG"


def _is_passive_or_intransitive(verb: Token, words: CountWords) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in words.intransitive:
        return True
    return lemma in words.verbs and any(c.dep_ == "auxpass" for c in verb.children)


def _verb_field(verb: Token, words: CountWords) -> str:
    lemma = verb.lemma_.lower()
    return words.intransitive.get(lemma) or words.verbs[lemma]
