"""Conjoined modifiers share their head's role; a conjoined passive shares its subject."""

from __future__ import annotations

import pytest

import eventwire


def dyads(text: str) -> set[tuple]:
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo[:2])
            for e in eventwire.code_text(text, date="2012-01-01")}


def test_conjoined_nationalities_share_the_role_of_their_noun():
    found = dyads("US and British activists staged a protest in Beijing on Wednesday.")
    assert {("USAOPP", "CHN", "14"), ("GBROPP", "CHN", "14")} <= found
    assert not [d for d in found if d[0] == "USA"]


def test_conjoined_adjectives_are_a_list_of_actors():
    sources = {d[0] for d in dyads("French and German troops attacked the rebels.")}
    assert {"FRAMIL", "DEUMIL"} <= sources


def test_a_listed_country_under_a_role_is_coded_once_with_the_role():
    sources = {d[0] for d in dyads("The ambassadors of Iran, Iraq and Syria met.")}
    assert sources == {"IRNGOV", "IRQGOV", "SYRGOV"}


def test_a_conjoined_passive_is_done_to_the_shared_subject_by_its_agent():
    found = dyads("The civilians jailed for acting against Moscow were released "
                  "yesterday by Putin himself.")
    assert ("RUSGOV", "---CVL", "08") in found
    assert ("---CVL", "RUSGOV", "08") not in found


def test_former_officials_are_elites():
    sources = {d[0] for d in dyads("Former Israeli security officials met Egypt's president.")}
    assert sources == {"ISRELI"}


def test_an_apposition_before_a_conjunct_is_a_member_of_the_list():
    sources = {d[0] for d in dyads("Hostile Iran, the awful Iraq, and good Syria welcomed "
                                   "the resumption of ties with Egypt.")}
    assert {"IRN", "IRQ", "SYR"} <= sources


def test_a_passive_subject_hung_on_the_auxiliary_is_still_the_target():
    found = dyads("Iran was heavily and unjustly criticized by France.")
    assert ("FRA", "IRN", "11") in found


def test_a_bare_agent_listed_with_placed_ones_is_placed_where_they_are():
    sources = {d[0] for d in dyads("Soldiers and police in Iran and Iraq attacked the rebels.")}
    assert {"IRNMIL", "IRQMIL", "IRNCOP", "IRQCOP"} <= sources
    assert "---MIL" not in sources


def test_the_subject_of_a_passive_governor_does_its_complement():
    found = dyads("The Chinese president is scheduled to visit Japan next week.")
    assert ("CHNGOV", "JPN", "03") in found


def test_a_bare_agent_after_a_coded_title_takes_its_country():
    found = dyads("British Defence Secretary Tom King promised military aid to Mozambique.")
    assert ("GBRGOV", "MOZ", "03") in found
    assert not [d for d in found if d[0] == "---GOV"]


def test_a_bare_agent_from_a_named_party_is_placed_by_it():
    sources = {d[0] for d in dyads("Angry activists from the Fatah Party staged rallies "
                                   "against Mahmoud Abbas.")}
    assert sources == {"PSEOPP"}


def test_a_target_from_the_verbs_phrase_is_a_coded_actor_before_a_bare_agent():
    found = dyads("Britain promised to continue military aid to Mozambique.")
    assert ("GBR", "MOZ", "03") in found
    assert not [d for d in found if d[1] == "---MIL"]


def test_an_agent_placed_by_a_federation_code_keeps_the_member_state():
    events = eventwire.code_text("Serbia lifted the curfew. The prime minister said the army "
                                 "would withdraw.", date="2000-01-01")
    assert "SCGSRBMIL" in {e.source.code for e in events if e.source}


def test_people_fleeing_a_place_are_from_it():
    found = dyads("The United Nations sent food aid to refugees fleeing the civil war "
                  "in Liberia.")
    assert ("IGOUNO", "LBRREF", "07") in found


def test_people_staying_in_a_place_are_not_placed_by_it():
    found = dyads("The UN sent aid to doctors working in Liberia.")
    assert {d[1] for d in found} == {"---HLH"}


def test_an_agent_whose_phrase_names_a_place_is_placed_there_not_by_the_story():
    found = dyads("Israel released the mayor of the northern West Bank city of Nablus.")
    assert ("ISR", "PSEGOV", "08") in found


def test_a_definite_agent_with_no_place_of_its_own_is_the_story_country():
    found = dyads("Israel said the prime minister would visit Egypt.")
    assert "ISRGOV" in {d[0] for d in found}


def test_a_person_coded_by_title_alone_takes_the_country_named_later():
    found = {(e.source and e.source.code, e.cameo[:2]) for e in eventwire.code_text(
        "Vice-President Moody Awori declined to resign despite pressure by the Kenya "
        "Anti-Corruption Commission.", date="2001-01-01")}
    assert ("KENGOV", "12") in found


def test_an_active_verb_conjoined_to_a_passive_shares_its_subject_not_its_agent():
    found = dyads("Israel was attacked by Hamas and retaliated against Gaza.")
    assert ("ISR", "PSEGZA", "19") in found
    assert not any(d[0] == "PSEREBHMS" and d[1] == "PSEGZA" for d in found)


@pytest.mark.parametrize(("text", "pair"), [
    ("India and Pakistan fought a brief war in May.", ("IND", "PAK")),
    ("Eritrea and Ethiopia fought a border war.", ("ERI", "ETH")),
    ("Sudan and South Sudan fought a battle over the oil town.", ("SDN", "SSD")),
])
def test_a_war_fought_by_a_compound_is_fought_between_its_members(dyads, text, pair):
    first, second = pair
    assert {(s, t) for s, t, _ in dyads(text)} == {(first, second), (second, first)}


@pytest.mark.parametrize(("text", "target"), [
    ("Egypt complained to Israel over Hamas raids on the border.", "PSEREBHMS"),
    ("Iran complained to the UN about raids by Israel in Syria.", "ISR"),
    ("China protested against the US arms sale to Taiwan.", "USA"),
    ("Kenya protested to Uganda about Somali militants crossing the border.", "SOMUAF"),
])
def test_a_complaint_targets_whom_it_is_about_not_whom_it_is_made_to(dyads, text, target):
    assert {t for _, t, _ in dyads(text, date="2024-01-01")} == {target}


def test_a_complaint_with_no_grievance_named_targets_its_addressee(dyads):
    assert {t for _, t, _ in dyads("Japan complained to China on Monday.")} == {"CHN"}


@pytest.mark.parametrize("text", [
    "Ecuador said it would not negotiate with the gangs.",
    "Israel will not meet Hamas negotiators in Cairo.",
])
def test_a_refused_mutual_act_is_refused_by_one_side_only(dyads, text):
    sources = {s for s, _, code in dyads(text, date="2024-01-01") if code.startswith("12")}
    assert len(sources) == 1, dyads(text, date="2024-01-01")
