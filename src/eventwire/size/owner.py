"""Giving a count to the event it describes.

"Police arrested 12 after a bombing that killed 30": the 30 belong to the bombing,
not the arrest. A count goes to the event trigger nearest its anchor in the
dependency tree, along a path that stays inside the anchor's clause:

- it never climbs out of a relative or participle clause into a noun that is not
  itself a trigger ("a bombing that killed 30": only the bombing);
- it never crosses reported speech (ccomp: "denied that troops killed 80") or a
  clause of time that dates another event ("after", "before", "since", "until");
- "when", "as" and "while" clauses describe the same happening, so they are crossed
  ("30 were killed when a car bomb exploded").

A casualty word coded as an event of its own inside a participle clause of result
("Gunmen attacked the post, killing 12 and wounding 5") tells what the governing
event did, so its count goes to the governing event: one happening, counted once.
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Doc, Token

CLOSED_UP = {"ccomp", "relcl", "acl", "appos", "parataxis", "csubj"}
CLOSED_DOWN = {"ccomp", "relcl", "acl", "appos", "parataxis", "csubj", "xcomp"}
SEPARATE_TIMES = {"after", "before", "since", "until", "once", "because", "although",
                  "though", "unless", "if"}


def owner_of(doc: Doc, anchor: int, triggers: set[int]) -> int | None:
    """The trigger (token index) that the count anchored at ``anchor`` belongs to."""
    if anchor in triggers:
        return _governing(doc[anchor], triggers)
    seen = {anchor}
    queue = deque([doc[anchor]])
    while queue:
        token = queue.popleft()
        for step in _steps(token, triggers):
            if step.i in seen:
                continue
            seen.add(step.i)
            if step.i in triggers:
                return step.i
            queue.append(step)
    return None


def _governing(trigger: Token, triggers: set[int]) -> int:
    """The trigger whose result clause ``trigger`` is, else ``trigger`` itself."""
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "killing 4 and wounding 9": the first participle's clause
    if _is_result(clause) and clause.head.i in triggers:
        return _governing(clause.head, triggers)
    return trigger.i


def _is_result(clause: Token) -> bool:
    """'..., killing 12': an adverbial participle with no marker of time or cause."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(
        child.dep_ == "mark" for child in clause.children)


def _steps(token: Token, triggers: set[int]) -> list[Token]:
    """Where a path may go from ``token``: its head first, then its children."""
    steps = []
    head = token.head
    if head.i != token.i and _may_climb(token, head, triggers):
        steps.append(head)
    steps.extend(child for child in token.children if _may_descend(child))
    return steps


def _may_climb(token: Token, head: Token, triggers: set[int]) -> bool:
    if token.dep_ in CLOSED_UP:
        return token.dep_ in {"relcl", "acl"} and head.i in triggers
    return not (token.dep_ == "advcl" and _separate(token))


def _may_descend(child: Token) -> bool:
    if child.dep_ in CLOSED_DOWN:
        return False
    return not (child.dep_ == "advcl" and _separate(child))


def _separate(clause: Token) -> bool:
    """A clause of time or condition that dates or conditions another event."""
    return any(child.dep_ == "mark" and child.lower_ in SEPARATE_TIMES
               for child in clause.children)
