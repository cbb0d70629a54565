"""A historical period dates only its own clause; the sentence's news is still coded."""

from __future__ import annotations

import eventwire


def codes(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo)
            for e in eventwire.code_text(text, date="2000-01-01")]


def test_a_demand_about_a_war_time_massacre_is_coded_and_the_massacre_is_not():
    found = codes("Poland's parliament demanded an admission by Moscow that Soviet forces "
                  "murdered Polish officers during World War Two.")
    assert found == [("POLLEG", "RUS", "100")]


def test_an_act_during_the_second_world_war_is_history():
    assert codes("German troops invaded Poland during the Second World War.") == []


def test_an_apology_for_war_time_crimes_is_news():
    found = codes("Germany apologized to Poland for crimes committed during World War II.")
    assert ("DEU", "POL", "055") in found
