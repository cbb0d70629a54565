"""Ethnic groups and unplaced crowds are coded by the country the sentence places them in."""

from __future__ import annotations

import pytest

import eventwire


def sources(text: str) -> list[tuple[str, str]]:
    return [(e.source.code, e.source.rule) for e in eventwire.code_text(text, date="2010-01-01")
            if e.source]


@pytest.mark.parametrize(("text", "code", "how"), [
    ("Ethnic Albanians demonstrated on Tuesday in Serbia.", "SRBCVL", "ethnic"),
    ("Ethnic Russians in Estonia protested against the new language law.", "ESTCVL", "ethnic"),
    ("Ethnic Albanian rebels in Macedonia attacked a police station.", "MKDREB", "ethnic"),
    ("Thousands of people blocked streets in Hong Kong.", "HKGPPL", "resident"),
    ("Students rallied in Paris against the war.", "FRAEDU", "resident"),
    ("Opposition activists agreed to postpone the demonstration in Baku.", "AZEOPP",
     "resident"),
    ("Students marched in the north of Kenya.", "KENEDU", "resident"),
])
def test_a_people_takes_the_country_it_is_placed_in(text, code, how):
    found = sources(text)
    assert found and found[0][0] == code
    assert found[0][1].startswith(f"{how}: ")


def test_without_a_place_the_nationality_stands():
    assert sources("Ethnic Albanians accused the government of fraud.")[0][0] == "ALB"


def test_a_nationality_without_ethnic_is_the_country():
    assert sources("Albanians demonstrated on Tuesday in Serbia.")[0][0] == "ALB"


def test_armed_agents_are_not_placed_where_they_act():
    assert sources("Soldiers fought in Syria against the rebels.")[0][0] == "---MIL"



def test_people_arriving_somewhere_are_not_placed_there():
    found = sources("116 people arrived in Kyrgyzstan seeking refuge.")
    assert found and all(code.startswith("---") for code, _ in found)


def test_only_a_part_names_the_place_after_of():
    found = sources("Students marched in support of Kenya.")
    assert found and found[0][0] == "---EDU"
