"""Who takes part in an event: the actors under its argument heads, and their pairs.

Compounds are expanded here ("China and Russia"), lists the parser misread are
followed, and a country listed under a role takes that role ("the ambassadors
of Arnor, Osgiliath and Gondor").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.countries import country_prefix, sector_of
from eventwire.events.arguments import (
    Arguments,
    conjuncts,
    find_arguments,
    is_infinitive,
    objects,
    phrase_tokens,
    prepositional_objects,
    words_after,
)
from eventwire.events.dates import MONTHS, WEEKDAYS
from eventwire.events.modality import SPEECH_VERBS
from eventwire.events.records import BARE_AGENT, Actor

# People defined by where they left: refugees, exiles, migrants
LEAVING_VERBS = frozenset({"flee", "escape", "leave"})


def actors_at(head: Token, actors: Sequence[Actor]) -> list[Actor]:
    """The actors of the phrase headed by ``head``: the one covering the head, else the
    nearest one inside the phrase (a coded one before a bare agent or an uncoded name),
    with every actor conjoined to it. A name with several codes ('the Shire') is
    every one of them."""
    covering = [actor for actor in actors if actor.start <= head.i < actor.end]
    if covering:
        return [_placed_in_phrase(actor, head, actors) for actor in _same_span(covering[0],
                                                                                covering)]
    inside = _inside(phrase_tokens(head), actors)
    if not inside:  # "Kenzo Oshima, the UN relief coordinator": the apposition says who
        inside = _inside([t for child in head.children if child.dep_ == "appos"
                          for t in phrase_tokens(child)], actors)
    if not inside:
        return []
    inside = [a for a in inside if not is_weak(a)] or inside  # "military aid to Argentina"
    nearest = _nearest(inside, head)
    found = _same_span(nearest, inside)
    for part in conjuncts(head.doc[nearest.end - 1])[1:]:
        found.extend(a for a in actors if a.start <= part.i < a.end and a not in found)
    return found


def _placed_in_phrase(actor: Actor, head: Token, actors: Sequence[Actor]) -> Actor:
    """A bare agent after a title that names a country takes it: "British Defence
    Secretary Tom King" is GBRGOV, not the bare "King" (---GOV); "activists from the
    Fatah party" are Palestinian."""
    if not actor.code.startswith(BARE_AGENT) or len(actor.code) <= len(BARE_AGENT):
        return actor
    listed = len(conjuncts(head)) > 1  # a list is placed as a whole (_placed_agents)
    placed = [a for a in _inside(phrase_tokens(head), actors)
              if not is_weak(a) and (a.end <= actor.start or not listed)]
    if not placed:  # "refugees fleeing the civil war in Liberia" are Liberians
        placed = [a for a in _inside(_fled_places(head), actors) if not is_weak(a)]
    if not placed:
        return actor
    nearest = _nearest(placed, head)
    return actor.recoded(country_prefix(nearest.code) + actor.code[len(BARE_AGENT):],
                         f"{actor.rule} + placed by {nearest.rule}")


def _fled_places(head: Token) -> list[Token]:
    """The places a participle or relative clause of leaving names ('fleeing the war
    in Liberia', 'who fled Kosovo'): where the people are from."""
    return [token for clause in head.children
            if clause.dep_ in {"acl", "relcl"} and clause.lemma_ in LEAVING_VERBS
            for token in clause.subtree if token.i != clause.i]


def _nearest(candidates: list[Actor], head: Token) -> Actor:
    return min(candidates, key=lambda a: min(abs(i - head.i) for i in range(a.start, a.end)))


def _same_span(actor: Actor, actors: Sequence[Actor]) -> list[Actor]:
    return [other for other in actors if (other.start, other.end) == (actor.start, actor.end)]


def _inside(tokens: list[Token], actors: Sequence[Actor]) -> list[Actor]:
    indices = {token.i for token in tokens}
    return [a for a in actors if any(i in indices for i in range(a.start, a.end))]


def actors_for(heads: list[Token], actors: Sequence[Actor]) -> list[Actor]:
    """Every actor under the first head that has any, one per conjoined phrase.

    Conjuncts are followed from every word of a found actor, since the parser
    may hang "and Putin" on "Obama" while the phrase's head is "Barack". A head
    holding only bare agents ("troops", ---MIL) gives way to a later head that
    names who they are ("offered troops to Lebanon").
    """
    fallback: list[Actor] = []
    for head in heads:
        found: list[Actor] = []
        parts = conjuncts(head)
        # "US and British activists": the modifiers share the head's role
        own = actors_at(head, actors) if any(_modifies(p, head) for p in parts) else []
        for part in parts:
            for actor in actors_at(part, actors):
                if own and _modifies(part, head):
                    actor = _share_agent(own[0], actor)
                _add_with_conjuncts(actor, found, head.doc, actors)
        found = _placed_agents(_one_per_span(found))
        if found and not all(is_weak(actor) for actor in found):
            return found
        fallback = fallback or found
    return fallback


def _placed_agents(found: list[Actor]) -> list[Actor]:
    """'Lawmakers and officials in Fornost and Gondor': a bare agent listed with placed
    ones is placed where they are (FORLEG, GONLEG)."""
    countries = list(dict.fromkeys(country_prefix(a.code) for a in found
                                   if len(a.code) > 3 and not a.code.startswith(BARE_AGENT)))
    if not countries:
        return found
    placed: list[Actor] = []
    for actor in found:
        if actor.code.startswith(BARE_AGENT) and len(actor.code) > 3:
            placed.extend(actor.recoded(country + actor.code[3:],
                                        f"{actor.rule} + listed with {country}")
                          for country in countries)
        else:
            placed.append(actor)
    return placed


def _one_per_span(found: list[Actor]) -> list[Actor]:
    """A name reached both alone and through a shared role ('Syria' and SYRGOV in 'the
    ambassadors of Iran, Iraq and Syria') is one actor: the one with the role. A name
    with several codes of its own keeps them all."""
    return [actor for actor in found if not any(
        (other.start, other.end) == (actor.start, actor.end) and other.code != actor.code
        and other.code.startswith(actor.code) for other in found)]


def _modifies(part: Token, head: Token) -> bool:
    """A conjoined modifier before the head noun it shares ('US' in 'US and British
    activists'), which the head's role describes too."""
    return part.i < head.i and head in part.ancestors


def is_weak(actor: Actor) -> bool:
    """A bare agent ('officials') or a name no dictionary codes: a later head may say more."""
    return actor.code.startswith(BARE_AGENT) or not actor.code


def _add_with_conjuncts(actor: Actor, found: list[Actor], doc: Doc,
                        actors: Sequence[Actor]) -> None:
    if actor in found:
        return
    found.append(actor)
    span_root = doc[actor.start:actor.end].root
    for index in range(actor.start, actor.end):
        for part in conjuncts(doc[index])[1:]:
            for other in actors:
                if other.start <= part.i < other.end:
                    if index != span_root.i or _modifies(part, doc[index]):
                        other = _share_agent(actor, other)
                    _add_with_conjuncts(other, found, doc, actors)


def _share_agent(listed_with: Actor, other: Actor) -> Actor:
    """'the ambassadors of Arnor, Osgiliath and Gondor': each country in the list
    takes the role of the phrase that lists them (ARNGOV, OSGGOV, GONGOV)."""
    role = sector_of(listed_with.code)
    if not other.code or country_prefix(other.code) != other.code or not role \
            or listed_with.code.startswith(BARE_AGENT):
        return other
    return other.recoded(other.code + role, f"{other.rule} + role of {listed_with.rule}")


def first_actor_in_phrase(token: Token, actors: Sequence[Actor],
                           sources: list[Actor]) -> list[Actor]:
    """'marched close to the border with Mordor': with no object or known preposition
    naming one, the target is the first actor in the verb's own phrase, the first coded
    one when there is one."""
    phrase = {t.i for t in words_after(token)}
    found = [actor for index in sorted(phrase) for actor in actors
             if actor.start == index and actor not in sources]
    # "promised to continue military aid to Mozambique": a coded actor beats a bare agent
    return [next((a for a in found if not is_weak(a)), found[0])] if found else []


# At most this many actors come from the references among one verb's arguments.
MAX_RESOLVED = 4


def resolved(heads: list[Token], resolve) -> list[Actor]:
    """The actors the references among ``heads`` stand for; ``resolve`` gives a list
    per word, as 'they' may stand for a list ('Obama and Putin said they ...')."""
    if resolve is None:
        return []
    found = [actor for head in heads for part in conjuncts(head) for actor in resolve(part)]
    return list(dict.fromkeys(found))[:MAX_RESOLVED]


def pairs(sources: list[Actor], targets: list[Actor],
           trigger: Token) -> list[tuple[Actor | None, Actor | None]]:
    """Every source with every target. A compound with no target acts on itself when
    the act is mutual ("Gondor and Osgiliath renewed ties", "... met on Friday")."""
    if not targets and len(sources) > 1 and is_mutual(trigger):
        return [(s, t) for s in sources for t in sources if s.code != t.code]
    # "X was arrested": a passive with no 'by' phrase names only who it was done to.
    # An actor acting on itself ("France said it ...") has no target.
    found = {(s, None if t is not None and s is not None and t.code == s.code else t): None
             for s in (sources or [None]) for t in (targets or [None]) if t != s}
    return list(found)


TIME_WORDS = {*WEEKDAYS, *MONTHS, "day", "week", "month", "year", "weekend", "night",
              "morning", "afternoon", "evening", "time"}


# Objects that make an act mutual between the members of a compound subject.
MUTUAL_OBJECTS = {"tie", "relation", "talk", "meeting", "agreement", "deal", "accord",
                  "negotiation", "cooperation", "dialogue", "treaty", "pact", "truce",
                  "ceasefire", "consultation", "partnership", "contact", "exchange"}


def is_mutual(trigger: Token) -> bool:
    """No object at all ("met", "clashed"), 'their ...', or a mutual noun ("ties").
    Saying is never mutual: "Obama and Putin said" is no statement to each other."""
    if trigger.lemma_.lower() in SPEECH_VERBS:
        return False
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "attr", "dative"}]
    objects += [o for prep in trigger.children if prep.dep_ == "prep"
                and prep.lower_ in {"on", "to", "against", "for", "at"}
                for o in prep.children if o.dep_ == "pobj" and o.lower_ not in TIME_WORDS]
    if not objects:
        return True
    return any(o.lemma_.lower() in MUTUAL_OBJECTS
               or any(c.dep_ == "poss" and c.lower_ == "their" for c in o.children)
               for o in objects)


def verb_participants(verb: Token, actors: Sequence[Actor], resolve, petrarch: bool = False
                      ) -> tuple[Arguments, list[Actor], list[Actor]]:
    """A verb's arguments with the actors of its source and target, the target found
    among the objects, else their references, else the verb's own phrase."""
    arguments = find_arguments(verb, petrarch)
    sources = actors_for(arguments.sources, actors) or resolved(arguments.sources, resolve)
    if not sources and not arguments.sources and not arguments.passive:
        sources = actors_for(_stray_subjects(verb), actors)
    if not sources:
        sources = _authors(arguments.sources, actors)
    targets = [t for t in actors_for(arguments.targets, actors) if t not in sources]
    if not targets:
        targets = [t for t in resolved(arguments.targets, resolve) if t not in sources]
    if not targets and arguments.passive:  # "a bomb was fired at it from Gaza"
        pronouns = [t for t in prepositional_objects(verb) if t.pos_ == "PRON"]
        targets = [t for t in resolved(pronouns, resolve) if t not in sources]
    if not targets:
        targets = first_actor_in_phrase(verb, actors, sources)
    if not targets and petrarch:  # "signed an accord to supply Gondor"
        targets = [t for clause in _purposes(verb)
                   for t in actors_for(objects(clause, False)[0], actors) if t not in sources]
    return arguments, sources, targets


# Where a passive act happened, or whence it came ("killed in Ukraine", "fired from Gaza").
PLACE_OF_ACT_PREPOSITIONS = frozenset({"in", "from"})


def places_of_act(verb: Token, actors: Sequence[Actor]) -> list[Actor]:
    """The actors of the places a verb's own phrases name ("were killed in Ukraine":
    UKR), which PETRARCH-2 takes as a passive's doer when it has no "by" phrase."""
    heads = [obj for prep in verb.children
             if prep.dep_ == "prep" and prep.lower_ in PLACE_OF_ACT_PREPOSITIONS
             for obj in prep.children if obj.dep_ == "pobj"]
    return [dataclasses.replace(actor, rule=f"place of the act: {actor.rule}")
            for actor in actors_for(heads, actors)]


# Nouns for what someone wrote or issued: their author speaks through them.
DOCUMENT_NOUNS = frozenset({"report", "statement", "study", "communique", "document",
                            "letter", "declaration", "dossier", "inquiry", "investigation"})


def _authors(subjects: list[Token], actors: Sequence[Actor]) -> list[Actor]:
    """'A report released in the Rwandan capital alleged ...': a document no actor
    owns speaks for the actor its own clause names (who issued it, or where)."""
    for head in subjects:
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            inside = [a for a in _inside(list(head.subtree), actors) if not is_weak(a)]
            if inside:
                return _same_span(_nearest(inside, head), inside)
    return []


# What the parser may make of a subject it misreads: "USAID provided food" with USAID
# as an adverb.
STRAY_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _stray_subjects(verb: Token) -> list[Token]:
    """A name before a verb that has no subject, which the parser read as something
    else: 'USAID (advmod) provided food to Haiti'."""
    if verb.tag_ not in FINITE_TAGS:  # "Israeli-occupied", "Al Qaeda-linked"
        return []
    return [child for child in verb.children if child.i < verb.i
            and child.dep_ in STRAY_SUBJECT_DEPS and child.text[:1].isupper()]


def _purposes(verb: Token) -> list[Token]:
    """The infinitive clauses after a verb ('to supply Gondor')."""
    return [clause for clause in verb.children if clause.i > verb.i and is_infinitive(clause)]
