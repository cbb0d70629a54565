"""PLOVER types the manual gives by what happened, where the CAMEO code cannot tell.

The crosswalk types an event by its CAMEO code alone. CAMEO has no resignation
code: PETRARCH's dictionaries code "resigned" as 083/0831 (acceding to demands
for political change), which the crosswalk makes CONCEDE. The PLOVER manual puts
"resignations of government officials" under RETREAT, with the mode "resign".
"""

from __future__ import annotations

from spacy.tokens import Token

RESIGN_VERBS = {"resign", "abdicate"}
# Phrasal verbs: the verb's lemma and its particle.
RESIGN_PHRASES = {("step", "down"), ("stand", "down"), ("step", "aside")}
YIELD_ROOT = "08"


def manual_type(trigger: Token, code: str) -> tuple[str, str] | None:
    """(PLOVER type, mode) when the manual types this event apart from its code."""
    if code.startswith(YIELD_ROOT) and is_resignation(trigger):
        return "RETREAT", "resign"
    return None


def is_resignation(trigger: Token) -> bool:
    """'resigned', 'abdicated', 'stepped down'."""
    lemma = trigger.lemma_.lower()
    if lemma in RESIGN_VERBS:
        return True
    # The small model often parses the particle ("down") as an adverb.
    return any((lemma, child.lower_) in RESIGN_PHRASES
               for child in trigger.children if child.dep_ in ("prt", "advmod"))
