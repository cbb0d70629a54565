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
"""

from __future__ import annotations

import dataclasses
from enum import Enum

from eventwire.events.records import CodingRules

DEFAULT_CONVENTIONS = "eventwire"
PETRARCH2 = "petrarch2"
CONVENTIONS: dict[str, dict[str, object]] = {
    DEFAULT_CONVENTIONS: {"plans_as_acts": False},
    PETRARCH2: {"plans_as_acts": True},
}


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
