"""A claim of one's own attack is a claim of responsibility; of another's, an accusation."""

from __future__ import annotations

import eventwire


def coded(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo, e.trigger.text)
            for e in eventwire.code_text(text, date="2016-01-01")]


def test_claiming_ones_own_attack_is_a_claim_of_responsibility():
    found = coded("The Houthis claimed that they had attacked the Saudi airport of Abha.")
    assert found == [("YEMREB", "SAU", "015", "claimed")]


def test_claiming_that_another_attacked_is_an_accusation():
    found = coded("The US claimed that ISIL had attacked Iraq and taken the city of Mosul.")
    assert found == [("USA", "IMGMUSISI", "112", "claimed")]


def test_a_claimed_agreement_stays_an_agreement():
    found = coded("Iran claimed that it had agreed to talks with the US.")
    assert [f[2][:2] for f in found] == ["03"]


def test_a_reported_attack_is_still_an_attack():
    found = coded("The US said that ISIL had attacked Iraq.")
    assert ("IMGMUSISI", "IRQ", "190", "attacked") in found


def test_a_claim_for_ones_own_states_forces_is_no_accusation():
    events = eventwire.code_text("President Donald Trump claimed that the U.S. military is "
                                 "hitting the Islamic State group harder.", date="2017-11-03")
    assert [(e.source.code, e.target.code, e.cameo) for e in events] == [
        ("USAGOV", "IMGMUSISI", "015")]


def test_saying_that_another_attacked_is_an_accusation_beside_the_attack():
    found = coded("Turkey said a rocket was fired at it from Syria on Sunday.")
    assert ("TUR", "SYR", "112", "said") in found
    assert [f[:2] for f in found if f[2][:2] == "19"] == [("SYR", "TUR")]


def test_an_attribution_after_the_news_is_no_accusation():
    found = coded("Rebels attacked the town of Idlib, Syrian officials said.")
    assert [f[2] for f in found] == ["190"]
    assert coded("Syrian officials said rebels attacked the town of Idlib.") == [
        ("---REB", "SYR", "190", "attacked"), ("SYR", "---REB", "112", "said")]


def test_the_media_report_and_do_not_accuse():
    found = coded("Syrian state television said rebels attacked the town of Idlib.")
    assert [f[2] for f in found] == ["190"]


def test_an_allegation_is_a_claim():
    found = coded("Armenia alleged that Azerbaijan had shelled its villages.")
    assert [f[:3] for f in found] == [("ARM", "AZE", "112")]
