"""Named conventions: eventwire codes an announced act as an intent, PETRARCH-2 as the act."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events.conventions import with_conventions
from eventwire.events.records import CodingRules


def coded(text: str, conventions: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo, e.modality)
            for e in eventwire.code_text(text, date="2014-01-01", conventions=conventions)]


@pytest.mark.parametrize(("text", "intent", "act"), [
    ("The United States will supply arms to Israel.", "0332", "072"),
    ("Obama has agreed to lift the sanctions on Iran.", "0354", "085"),
    ("Obama is scheduled to attend a summit in Switzerland.", "036", "044"),
])
def test_an_announced_act_is_an_intent_or_the_act(text, intent, act):
    assert [found[2:] for found in coded(text, "eventwire")] == [(intent, "future")]
    assert [found[2:] for found in coded(text, "petrarch2")] == [(act, "announced")]


@pytest.mark.parametrize(("text", "intent"), [
    ("The US Secretary of State wants to help Israel.", "033"),
    ("Israel announced it would free 150 Palestinian prisoners.", "0353"),
])
def test_wanting_and_reported_plans_stay_intents_under_both(text, intent):
    for conventions in ("eventwire", "petrarch2"):
        assert [found[2] for found in coded(text, conventions)] == [intent]


def test_the_petrarch2_conventions_change_only_their_own_settings():
    rules = CodingRules(coref=False)
    assert with_conventions(rules, "petrarch2") == CodingRules(coref=False, plans_as_acts=True)
    assert with_conventions(rules, "eventwire") == rules


def test_unknown_conventions_name_the_ones_that_exist():
    with pytest.raises(ValueError, match="eventwire, petrarch2"):
        with_conventions(CodingRules(), "phoenix")


def test_an_offer_is_an_intent_under_both_and_mediation_has_its_own_codes():
    text = "Egypt offered to mediate between Israel and Hamas."
    for conventions in ("eventwire", "petrarch2"):
        assert {found[2] for found in coded(text, conventions)} == {"039"}
    asked = coded("The UN urged Egypt to mediate between Israel and Hamas.", "eventwire")
    assert [found[:3] for found in asked] == [("IGOUNO", "EGY", "028")]
