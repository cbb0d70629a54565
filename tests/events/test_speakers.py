"""A state's own forces and officials in what it says are its own."""

from __future__ import annotations

import pytest

import eventwire


def dyads(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo)
            for e in eventwire.code_text(text, date="2005-07-25")]


@pytest.mark.parametrize(("text", "source"), [
    ("Turkey said troops killed five militants near the border.", "TURMIL"),
    ("The Egyptian government warned that police would not tolerate more rallies.", "EGYCOP"),
])
def test_a_state_agent_a_state_reports_on_is_its_own(text, source):
    assert source in [d[0] for d in dyads(text)]


def test_no_accusation_of_ones_own_troops():
    assert all(d[2] != "112" for d in dyads("Turkey said troops killed five militants."))


@pytest.mark.parametrize("text", [
    "Turkey said militants attacked a police post.",  # not a state agent
    "Hamas said soldiers killed two of its fighters.",  # not a state speaker
])
def test_others_stay_unplaced(text):
    assert all(not (d[0] or "").startswith(("TUR", "PSEMIL")) for d in dyads(text)
               if d[2] != "112")
