"""Giving is coded by what is given: food, medicine and medical or rescue staff 073, money
071, arms 072."""

from __future__ import annotations

import pytest

import eventwire


@pytest.mark.parametrize(("text", "dyad"), [
    ("Swiss doctors handed over 700 kg of medicine to Iran.", ("CHEHLH", "IRN", "073")),
    ("Switzerland sent medicine to Iran.", ("CHE", "IRN", "073")),
    ("Switzerland gave blankets and tents to Iran.", ("CHE", "IRN", "073")),
    ("The US airlifted food to Somalia.", ("USA", "SOM", "073")),
    ("Russia sent missiles to Syria.", ("RUS", "SYR", "072")),
    ("Japan sent funds to Haiti.", ("JPN", "HTI", "071")),
    ("The UN delivered medical supplies to Gaza.", ("IGOUNO", "PSEGZA", "073")),
    ("Turkey sent 50 doctors to Haiti.", ("TUR", "HTI", "073")),
    ("Japan dispatched rescue workers to Nepal.", ("JPN", "NPL", "073")),
    ("Japan pledged 50 million dollars to Haiti.", ("JPN", "HTI", "071")),
    ("Japan handed over 500 pounds of rice to Haiti.", ("JPN", "HTI", "073")),
    ("Japan delivered 500 pounds of rice to Haiti.", ("JPN", "HTI", "073")),
    ("Britain gave 5 million pounds to Haiti.", ("GBR", "HTI", "071")),
])
def test_the_goods_given_say_which_aid(text, dyad, dyads):
    assert dyad in dyads(text)


def test_the_rule_names_the_verb_and_the_code():
    (event,) = eventwire.code_text("Switzerland sent medicine to Iran.", date="2014-01-01")
    assert event.rule == "goods rule: send [073]"


@pytest.mark.parametrize("text", [
    "The rebels handed over their weapons to UN peacekeepers.",
    "The general gave credit to the army.",
])
def test_arms_laid_down_and_other_gifts_are_no_aid(text, dyads):
    assert all(not code.startswith("07") for *_, code in dyads(text))


def test_staff_sent_for_no_named_purpose_are_no_aid(dyads):
    assert dyads("The union sent workers to the factory.") == []
    assert all(not code.startswith("07") for *_, code in dyads(
        "Russia sent a military team to Syria."))
