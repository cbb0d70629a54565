"""A passive act with no agent was done by whoever made the attack it happened in."""

from __future__ import annotations

import pytest

import eventwire


def dyads(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo)
            for e in eventwire.code_text(text, date="2010-01-01")]


@pytest.mark.parametrize(("text", "dyad"), [
    ("Three Palestinians were killed in an Israeli air strike on Gaza.", ("ISR", "PSE", "190")),
    ("Two soldiers were wounded in a Taliban attack in Kandahar.", ("AFGREB", "---MIL", "190")),
])
def test_the_attack_a_passive_happened_in_names_its_doer(text, dyad):
    assert dyad in dyads(text)


@pytest.mark.parametrize(("text", "dyad"), [
    ("A rocket was fired at Israel from Lebanon.", ("LBN", "ISR")),
    ("Two villagers were killed in Turkish tank shelling near the border.", ("TUR", "---CVL")),
])
def test_where_fire_came_from_or_a_misparsed_attack_names_the_doer(text, dyad):
    assert dyad in [found[:2] for found in dyads(text)]


def test_a_weapon_with_no_one_named_was_used_by_unidentified_forces_of_the_place():
    found = dyads("Two policemen were killed by a roadside bomb near Kandahar.")
    assert [f[0] for f in found] == ["AFGUAF"]
    assert dyads("Five Chinese miners were killed in an explosion in Shanxi.") == [
        (None, "CHN", "190")]


def test_a_pronoun_a_passive_aims_at_is_its_target():
    found = dyads("Israel said a rocket was fired at it from Lebanon.")
    assert [f[:2] for f in found if f[2][:2] == "19"] == [("LBN", "ISR")]


def test_an_attack_by_no_one_named_leaves_the_source_empty():
    assert dyads("Two soldiers were killed in an attack on Kabul.")[0][0] is None


def test_only_force_takes_its_doer_from_an_attack():
    found = dyads("The Taliban attack in Kandahar was condemned.")
    assert found == [(None, "AFGREB", "111")]


def test_the_user_of_the_weapon_did_it_and_pro_russia_rebels_are_not_russian():
    found = dyads("The airliner was shot down by a missile fired by pro-Russia rebels.")
    assert [f[0] for f in found] == ["---REB"]


@pytest.mark.parametrize(("text", "source"), [
    ("Rockets fired by Hezbollah hit the town of Kiryat Shmona.", "LBNREB"),
    ("A car bomb killed six soldiers in Mogadishu.", "SOMUAF"),
])
def test_an_attack_or_weapon_as_subject_was_wielded_by_someone(text, source):
    assert source in [found[0] for found in dyads(text)]


def test_a_place_the_attack_is_aimed_at_is_not_where_it_happened():
    found = dyads("Two soldiers were killed by a bomb in an attack on the Israeli embassy.")
    assert [f[0] for f in found] == [None]
