"""The purpose of a meeting, visit or summons is what the event is about."""

from __future__ import annotations

import eventwire


def coded(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo[:2],
             e.trigger.text, e.modality)
            for e in eventwire.code_text(text, date="2021-03-26")]


def test_summoning_an_ambassador_to_complain_is_a_complaint():
    # the summons is the complaint (the PLOVER manual's ACCUSE); the purpose restates it
    assert coded("France summoned the Chinese ambassador to complain of unacceptable "
                 "behaviour.") == [("FRA", "CHNGOV", "11", "summoned", None)]


def test_a_planned_meeting_keeps_its_purpose_planned():
    events = coded("Israel will meet Egypt to discuss a ceasefire.")
    assert events and all(e[4] == "future" for e in events)


def test_a_meeting_that_did_not_happen_has_no_purpose():
    assert not [e for e in coded("Israel did not meet Egypt to discuss a ceasefire.")
                if e[3] == "discuss"]
