"""Named coding conventions: eventwire's own, or PETRARCH-2's where they differ.

eventwire codes what the CAMEO codebook says an announcement is: "the United
States will supply arms to Israel" expresses an intent (0332), and no arms have
moved yet. PETRARCH-2, which produced the Phoenix data sets, codes the announced
act itself (072) after an auxiliary ("will"), a schedule ("is scheduled to
attend") or a commitment ("agreed to lift the sanctions"), and an intent only
after a verb of wanting ("wants to help Israel" is 033). Researchers who extend a
Phoenix series need its convention; ``petrarch2`` gives it to the bundled coder
(``eventwire code --conventions petrarch2``). Every rule in the profile is listed
in docs/CODING.md.

Some of PETRARCH-2's codes come from how it stores them: a four-digit value whose
first digit is the kind of speech act (appeal, intent, demand) and whose rest is
the act, so "wants Putin to attack" is an appeal for material cooperation (021),
and a release of prisoners (0841, 0842) shares its value with easing popular
dissent (082), which is what a planned, asked-for or refused release prints as.
"""

from __future__ import annotations

import dataclasses
from enum import Enum

from eventwire.events.records import Coded, CodingRules

DEFAULT_CONVENTIONS = "eventwire"
PETRARCH2 = "petrarch2"
_PETRARCH2_FIELDS = ("plans_as_acts", "place_as_agent", "own_acts_as_claims",
                     "petrarch2_codes")
CONVENTIONS: dict[str, dict[str, object]] = {
    DEFAULT_CONVENTIONS: dict.fromkeys(_PETRARCH2_FIELDS, False),
    PETRARCH2: dict.fromkeys(_PETRARCH2_FIELDS, True),
}
# "wants Putin to attack Switzerland": PETRARCH-2's appeal for force (CAMEO 19).
APPEAL_FOR_FORCE = "021"
FORCE_ROOT = "19"
FORCE_APPEAL_VERBS = frozenset({"want"})
# A release's intent, appeal, demand or refusal (0353, 0253, 1053, 1243) as PETRARCH-2
# prints it: the counterpart for easing popular dissent.
_RELEASE_AS_DISSENT = {"0353": "0352", "0253": "0252", "1053": "1052", "1243": "1242"}
# The moods whose code was derived from the act's (events/modality.py); a refusal
# ("refused to release") is a plain act whose rule says what was refused.
_DERIVED_MOODS = frozenset({"future", "offered", "appealed", "demanded", "refusal"})
REFUSAL_RULE = "refusal of"


class Conventions(str, Enum):
    """The names, as command-line choices."""

    eventwire = DEFAULT_CONVENTIONS
    petrarch2 = PETRARCH2


def with_conventions(rules: CodingRules, name: str) -> CodingRules:
    """``rules`` with the named convention's settings."""
    try:
        settings = CONVENTIONS[name]
    except KeyError:
        raise ValueError(f"No coding conventions {name!r}; "
                         f"available: {', '.join(CONVENTIONS)}") from None
    return dataclasses.replace(rules, **settings)


def as_printed(item: Coded) -> Coded:
    """``item`` with its code as PETRARCH-2 prints it."""
    derived = item.modality in _DERIVED_MOODS or item.rule.startswith(REFUSAL_RULE)
    code = _RELEASE_AS_DISSENT.get(item.code) if derived else None
    if code is None:
        return item
    return dataclasses.replace(item, code=code,
                               rule=f"{item.rule}; {item.code} → {code} as PETRARCH-2 prints it")
