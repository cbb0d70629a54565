"""Violence done by protesters is a violent protest (145)."""

from __future__ import annotations

import pytest

import eventwire


def coded(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo)
            for e in eventwire.code_text(text, date="2014-01-01")]


@pytest.mark.parametrize("text", [
    "The Russian building was demolished by a Ukrainian protester.",
    "Ukrainian protesters demolished the Russian building.",
])
def test_property_destroyed_by_protesters_is_a_riot(text):
    assert ("UKROPP", "RUS", "145") in coded(text)


def test_the_same_act_by_others_keeps_its_code():
    assert ("UKRMIL", "RUS", "1712") in coded("Ukrainian soldiers demolished the Russian building.")


def test_arms_of_war_in_protesters_hands_are_fighting_not_rioting():
    found = coded("Georgian demonstrators launched missiles at the Georgian government.")
    assert [code for *_, code in found] == ["194"]
