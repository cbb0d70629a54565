"""Named conventions: eventwire follows the CAMEO codebook, petrarch2 PETRARCH-2's output."""

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
    ("Japan announced it would give aid to the Philippines.", "033"),
])
def test_wanting_and_reported_plans_stay_intents_under_both(text, intent):
    for conventions in ("eventwire", "petrarch2"):
        assert [found[2] for found in coded(text, conventions)] == [intent]


@pytest.mark.parametrize(("text", "codebook", "printed"), [
    ("Egypt said it would free 40 prisoners held in Cairo.", "0353", "0352"),
    ("Egypt urged Israel to release the prisoners.", "0253", "0252"),
    ("Israel refused to release the prisoners.", "1243", "1242"),
    ("Israel has released 100 Palestinian prisoners.", "0841", "0841"),
])
def test_a_planned_asked_or_refused_release_prints_as_petrarch2_stores_it(
        text, codebook, printed):
    assert [found[2] for found in coded(text, "eventwire")] == [codebook]
    assert [found[2] for found in coded(text, "petrarch2")] == [printed]
    if printed != codebook:
        (event,) = eventwire.code_text(text, date="2014-01-01", conventions="petrarch2")
        assert event.rule.endswith(f"{codebook} → {printed} as PETRARCH-2 prints it")


def test_a_passive_with_no_agent_is_done_by_its_place_under_petrarch2():
    text = "Three Kenyan policemen were shot dead in Somalia."
    assert [found[:3] for found in coded(text, "eventwire")] == [(None, "KENCOP", "190")]
    assert [found[:3] for found in coded(text, "petrarch2")] == [("SOM", "KENCOP", "190")]
    (event,) = eventwire.code_text(text, date="2014-01-01", conventions="petrarch2")
    assert event.source.rule.startswith("place of the act: ")


@pytest.mark.parametrize(("text", "act"), [
    ("The Houthis said they fired a missile at Saudi Arabia.", ("190", None)),
    ("Hamas said it will attack Israel.", ("138", "future")),
])
def test_a_speakers_own_attack_is_a_claim_under_petrarch2(text, act):
    assert [found[2:] for found in coded(text, "eventwire")] == [act]
    assert [found[2] for found in coded(text, "petrarch2")] == ["015"]


def test_anothers_attack_told_is_an_accusation_under_both():
    text = "Saudi Arabia said the Houthis fired a missile at Riyadh."
    for conventions in ("eventwire", "petrarch2"):
        assert {found[:3] for found in coded(text, conventions)} == {
            ("YEMREB", "SAU", "190"), ("SAU", "YEMREB", "112")}


def test_wanting_another_to_attack_is_petrarch2s_appeal_for_cooperation():
    text = "Obama wants Israel to attack Iran."
    assert [found[:3] for found in coded(text, "eventwire")] == [("USAGOV", "ISR", "020")]
    assert [found[:3] for found in coded(text, "petrarch2")] == [("USAGOV", "ISR", "021")]


def test_the_petrarch2_conventions_change_only_their_own_settings():
    rules = CodingRules(coref=False)
    assert with_conventions(rules, "petrarch2") == CodingRules(
        coref=False, plans_as_acts=True, place_as_agent=True, own_acts_as_claims=True,
        petrarch2_codes=True)
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
