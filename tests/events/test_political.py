"""An event needs a party that politics is about (events/selection.py, drop_apolitical)."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events.records import CodingRules


def codes(text: str, rules: CodingRules | None = None) -> list[str]:
    coder = eventwire.default_coder()
    if rules is not None:
        coder = coder.with_rules(rules)
    return [e.cameo for e in coder.code_article(eventwire.Article(id="t", text=text,
                                                                  date="2024-01-01"))]


FIRMS = [
    "exporters are struggling with the strength of the currency.",
    "the company accused its rival of copying the design.",
    "Exporters in the textile trade are struggling with the strong currency.",
]


@pytest.mark.parametrize("text", FIRMS)
def test_firms_fans_and_customers_make_no_political_event(text):
    assert codes(text) == []
    assert codes(text, CodingRules(political=False)), "the sentence should test the stage"


@pytest.mark.parametrize("text", [
    "police arrested twelve protesters outside the court on monday.",
    "rebels attacked an army convoy near the border.",
    "Kenya accused Uganda of arming rebels.",
    "the opposition party demanded the resignation of the interior minister.",
])
def test_states_and_political_agents_keep_their_events(text):
    assert codes(text)


@pytest.mark.parametrize("text", [
    "At least 23 civilians were killed on Monday.",
    "The journalist was arrested for collaborating with an armed group.",
    "Teachers have said they will not end the strike until their demands are met.",
])
def test_an_unnamed_doer_of_force_or_an_act_about_dissent_keeps_its_event(text):
    assert codes(text)

