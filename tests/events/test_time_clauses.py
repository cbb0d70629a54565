"""Acts told in time clauses and participles: what is an event, and what is one act."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel attacked Gaza after Hamas fired rockets at Ashkelon.",
     {("ISR", "190"), ("PSEREBHMS", "194")}),
    ("The talks resumed a day after Russian troops shelled Kharkiv.", {("RUSMIL", "190")}),
    ("Protesters burned tyres in Lagos before police arrested their leaders.",
     {("---COP", "173")}),
    ("Kenya expelled two diplomats after Uganda accused it of spying.", {("UGA", "112")}),
])
def test_an_act_told_in_a_time_clause_is_coded_too(dyads, text, expected):
    coded = {(source, code[:3]) for source, _, code in dyads(text)}
    assert expected <= coded, coded


@pytest.mark.parametrize("text", [
    "Israeli aircraft struck a house in Rafah, killing at least nine people.",
    "Pakistani troops shelled army posts in Kashmir, killing two soldiers and wounding five.",
    "Rebels attacked a convoy near Goma on Monday, injuring four peacekeepers.",
])
def test_the_toll_of_an_attack_is_no_second_attack(dyads, text):
    force = [code for _, _, code in dyads(text) if code[:2] in {"18", "19", "20"}]
    assert len(force) == 1, force


def test_a_participle_of_harm_with_no_attack_before_it_is_kept(dyads):
    coded = dyads("Gunmen stormed a market in Maiduguri on Friday, killing 12 traders.")
    assert any(code[:2] in {"18", "19", "20"} for _, _, code in coded)


@pytest.mark.parametrize("text", [
    "Japan said the summit with China will go ahead as planned next year.",
    "The election in Kenya was held in August as agreed.",
    "Turnout in Chile was higher than expected.",
])
def test_as_planned_reports_no_act(dyads, text):
    assert not [code for _, _, code in dyads(text) if code.startswith(("03", "05", "06"))]
