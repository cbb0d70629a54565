"""Violence done by protesters is a violent protest (145)."""

from __future__ import annotations

import pytest

import eventwire


@pytest.mark.parametrize("text", [
    "The Russian building was demolished by a Ukrainian protester.",
    "Ukrainian protesters demolished the Russian building.",
])
def test_property_destroyed_by_protesters_is_a_riot(text, dyads):
    assert ("UKROPP", "RUS", "145") in dyads(text)


def test_the_same_act_by_others_keeps_its_code(dyads):
    assert ("UKRMIL", "RUS", "1712") in dyads("Ukrainian soldiers demolished the Russian building.")


def test_arms_of_war_in_protesters_hands_are_fighting_not_rioting(dyads):
    found = dyads("Georgian demonstrators launched missiles at the Georgian government.")
    assert [code for *_, code in found] == ["194"]


@pytest.mark.parametrize("text", [
    "Police arrested 12 protesters in Nairobi on Monday.",
    "Security forces detained dozens of demonstrators outside parliament in Dhaka.",
    "Riot police beat protesters near the university in Tehran.",
    "Soldiers dispersed the protesters in Khartoum with tear gas.",
])
def test_people_arrested_or_dispersed_do_not_protest_by_it(text):
    events = eventwire.code_text(text, date="2024-01-01")
    assert not [e for e in events if e.cameo.startswith("14")], \
        [(e.cameo, e.source and e.source.code) for e in events]


@pytest.mark.parametrize(("text", "source"), [
    ("A mob pelted stones at police in the town of Masaurhi.", "---CVL"),
    ("Protesters set fire to the offices of the ruling party in Patna.", "INDOPP"),
    ("Protesters in Karachi attacked a police station.", "PAKOPP"),
])
def test_violence_by_a_crowd_is_a_violent_protest(dyads, text, source):
    assert (source, "145") in {(s, code) for s, _, code in dyads(text)}
