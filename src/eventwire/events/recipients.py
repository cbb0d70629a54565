"""Whom an event with no target, or only a place, is aimed at, from the clause that
says why.

A protest's recipient is often named only in its purpose ('began a hunger strike to
protest against Sweden's decision', 'blocked a road to show their disapproval of the
United States' policies'), in a participle ('rallied in Cairo, demanding the
president's resignation') or in an 'in protest of' phrase; a threat's in its
condition ('threatened to strike unless Israel rescinded the annexation'); a
purpose's in the act it serves ('dispatched inspectors to Iran to monitor'). PLOVER
codes these recipients as the target; the verb's own arguments do not hold them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from eventwire.events import nominal
from eventwire.events.arguments import find_arguments, is_infinitive
from eventwire.events.participants import actors_at, actors_for, is_weak
from eventwire.events.records import Actor, Coded

# 'in protest of/against X', 'in defiance of X', 'in retaliation for X'
CAUSE_NOUNS = {"protest", "defiance", "opposition", "retaliation", "response", "solidarity"}
CONDITION_MARKS = {"unless", "if"}
# A target found only as where the act happened gives way to a named recipient:
# 'blocked streets in Hong Kong in defiance of Chinese authorities'.
PLACE_PREPOSITIONS = {"in", "at", "outside", "inside", "near", "around"}
CONDITIONAL_MODES = {"threat", "future", "announced"}


def with_recipients(coded: list[Coded], actors: Sequence[Actor]) -> list[Coded]:
    """The events, each untargeted one given the recipient its purpose or condition names;
    a target that is only the event's place gives way to such a recipient."""
    aimed = {item.trigger.i: item.target for item in coded if item.target is not None}
    return [_aimed(item, aimed, actors) for item in coded]


def _aimed(item: Coded, aimed: dict[int, Actor], actors: Sequence[Actor]) -> Coded:
    if item.source is None or (item.target is not None and not _is_place(item)):
        return item
    place = item.target is not None
    for how, target in _recipients(item, aimed, actors):
        if place and is_weak(target):  # a place gives way only to a coded party
            continue
        if target != item.source and target.code != item.source.code:
            # The target's rule records how it was found, for the event's provenance.
            target = dataclasses.replace(target, rule=f"{target.rule}; {how}")
            return dataclasses.replace(item, target=target, notes=[*item.notes, how])
    return item


def _recipients(item: Coded, aimed: dict[int, Actor], actors: Sequence[Actor]
                ) -> Iterator[tuple[str, Actor]]:
    for anchor in _anchors(item.trigger):
        for child in anchor.children:
            if _is_accompanying(child) and child.i in aimed:
                yield "target of the claim it makes", aimed[child.i]
            elif is_infinitive(child):
                if child.i in aimed:
                    yield "target of its purpose", aimed[child.i]
                yield from _named(actors_for(find_arguments(child).targets, actors),
                                  "target named in its purpose")
            elif child.dep_ == "prep" and child.lower_ == "in":
                for cause in child.children:
                    if cause.dep_ == "pobj" and cause.lemma_.lower() in CAUSE_NOUNS:
                        yield from _named(_cause_actors(cause, actors),
                                          f"target of 'in {cause.lower_}'")
            elif item.modality in CONDITIONAL_MODES and _is_condition(child):
                yield from _named(actors_for(find_arguments(child).sources, actors),
                                  "target from its condition")
    # "dispatched inspectors to Iran to monitor": a purpose is aimed where its act was
    if is_infinitive(item.trigger) and item.trigger.head.i in aimed:
        yield "target of the act it serves", aimed[item.trigger.head.i]


def _is_place(item: Coded) -> bool:
    """Whether the event's target is only the place it happened ('streets in Hong Kong')."""
    doc = item.trigger.doc
    head = doc[item.target.start:item.target.end].root
    return (head.dep_ == "pobj" and head.head.dep_ == "prep"
            and head.head.lower_ in PLACE_PREPOSITIONS)


def _anchors(trigger: Token) -> list[Token]:
    """The trigger, and for a noun the light verb that carries it ('held a strike')."""
    verb = nominal.light_verb(trigger) if trigger.pos_ == "NOUN" else None
    return [trigger] if verb is None else [trigger, verb]


def _is_accompanying(clause: Token) -> bool:
    """'rallied in Cairo, demanding the president's resignation': a participle saying
    what the act claims."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(
        child.dep_ in {"mark", "nsubj"} for child in clause.children)


def _is_condition(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in clause.children)


def _cause_actors(cause: Token, actors: Sequence[Actor]) -> list[Actor]:
    """'in protest of the Russian government's refusal': who the cause names."""
    return [actor for prep in cause.children if prep.dep_ == "prep"
            for head in prep.children if head.dep_ == "pobj"
            for actor in actors_at(head, actors)]


def _named(found: list[Actor], how: str) -> Iterator[tuple[str, Actor]]:
    """Coded actors only: a bare 'officials' in a purpose says too little to aim at."""
    for actor in found:
        if not is_weak(actor):
            yield how, actor
