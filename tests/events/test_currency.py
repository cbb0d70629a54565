"""A country named only as a currency's issuer is no actor."""

from __future__ import annotations

import pytest

import eventwire


def dyads(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code)
            for e in eventwire.code_text(text, date="2010-01-01")]


@pytest.mark.parametrize("text", [
    "Israel pledged 50 million US dollars to Jordan.",
    "Israel pledged US $50 million to Jordan.",
    "Israel pledged 50 million Israeli shekels to Jordan.",
])
def test_a_currency_names_no_actor(text):
    assert dyads(text) == [("ISR", "JOR")]


def test_a_country_before_other_words_is_still_an_actor():
    assert ("ISR", "USA") in dyads("Israel pledged 50 million dollars to the US.")
