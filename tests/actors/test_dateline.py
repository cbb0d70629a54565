"""A story's dateline names where it was filed, not an actor."""

from __future__ import annotations

import eventwire


def dyads(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code)
            for e in eventwire.code_text(text, date="2014-07-25")]


def test_a_dateline_place_is_no_target():
    text = ("GAZA CITY, Palestinian Territories: Four civilians were killed in an Israeli "
            "air strike on Friday.")
    assert ("ISR", "---CVL") in dyads(text)
    assert all(d[1] != "PSEGZA" for d in dyads(text))


def test_a_dateline_with_an_agency_is_skipped_too():
    assert dyads("KYIV (AFP) - Russia shelled Kharkiv on Tuesday.") == [("RUS", "UKR")]


def test_an_international_body_before_a_dash_is_still_an_actor():
    assert dyads("NATO - the alliance - condemned Russia.") == [("IGOWSTNAT", "RUS")]

