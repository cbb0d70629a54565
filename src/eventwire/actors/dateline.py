"""A story's dateline names where it was filed, not who acted.

"GAZA CITY, Palestinian Territories: Four children were killed ..." or "KYIV (AFP) -
Russia shelled ...": the place before the separator is no actor, so it cannot
become the target of the first sentence's event; nor is the agency credited there.
Unplaced crowds and definite agents of the first sentence are the place's
("KABUL (AFP) - The government ..." is AFGGOV).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.countries import names_state

SEPARATORS = frozenset({":", "—", "–", "--", "-"})
# A dateline is short: the place, its region or country, and the agency.
MAX_DATELINE_TOKENS = 10
_INSIDE = frozenset({",", "(", ")", "."})


def dateline_end(tokens: Sequence[Token]) -> int:
    """How many tokens the dateline at the start of ``tokens`` takes, separator
    included; 0 when there is none. It opens with a word in capitals ('GAZA')."""
    if not tokens or not _in_capitals(tokens[0]):
        return 0
    for k, token in enumerate(tokens[:MAX_DATELINE_TOKENS]):
        if token.text in SEPARATORS and k > 0:
            return k + 1
        if not (token.is_alpha and token.text[:1].isupper() or token.text in _INSIDE):
            return 0
    return 0


def _in_capitals(token: Token) -> bool:
    return token.is_alpha and len(token.text) > 1 and token.text.isupper()


def credits_agency(mention) -> bool:
    """Whether a mention is a news agency ('KYIV (AFP) -'), credited in a dateline."""
    return bool(mention.codes) and all(code.endswith("MED") for code in mention.codes)


def names_place(mention) -> bool:
    """Whether an actor mention names a place: a state or a part of one, no person or
    international body (a headline's "UN:" or "NATO -" is its source, not where the
    story was filed)."""
    return mention.entry_kind != "person" and all(map(names_state, mention.codes))
