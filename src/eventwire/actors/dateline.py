"""A story's dateline names where it was filed, not who acted.

"GAZA CITY, Palestinian Territories: Four children were killed ...", "KYIV (AFP) -
Russia shelled ...", "PORT SUDAN, June 14 (Reuters) - ..." or "New Delhi: Police
...": the place before the separator is no actor, so it cannot become the source or
target of the first sentence's event; nor is the agency credited there. A dateline
opens with a word in capitals, or is a short capitalized name before a colon; it may
hold a date ("June 14", "Nov. 13", "Monday").
Unplaced crowds and definite agents of the first sentence are the place's
("KABUL (AFP) - The government ..." is AFGGOV).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.countries import names_state

SEPARATORS = frozenset({":", "—", "–", "--", "-"})
# A dateline is short: the place, its region or country, the date and the agency.
MAX_DATELINE_TOKENS = 12
# "New Delhi:": a capitalized name this short before a colon is a place of filing.
MAX_PLAIN_DATELINE = 3
_INSIDE = frozenset({",", "(", ")", "."})


def dateline_end(tokens: Sequence[Token]) -> int:
    """How many tokens the dateline at the start of ``tokens`` takes, separator
    included; 0 when there is none. It opens with a word in capitals ('GAZA'), or is
    a short capitalized name before a colon ('New Delhi:')."""
    if not tokens or not tokens[0].text[:1].isupper():
        return 0
    for k, token in enumerate(tokens[:MAX_DATELINE_TOKENS]):
        if token.text in SEPARATORS and k > 0:
            plain = token.text == ":" and k <= MAX_PLAIN_DATELINE
            return k + 1 if _in_capitals(tokens[0]) or plain else 0
        if not (_capitalized(token) or token.text in _INSIDE or token.like_num):
            return 0
    return 0


def _capitalized(token: Token) -> bool:
    """A capitalized word, or its abbreviation ('Nov.')."""
    word = token.text.rstrip(".")
    return word.isalpha() and word[:1].isupper()


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
