"""A story's dateline names where it was filed, not an actor."""

from __future__ import annotations

import eventwire


def dyads(text: str) -> list[tuple]:
    return [(e.source and e.source.code, e.target and e.target.code)
            for e in eventwire.code_text(text, date="2014-07-25")]


def test_a_dateline_place_is_no_target():
    text = ("GAZA CITY, Palestinian Territories: Four civilians were killed in an Israeli "
            "air strike on Friday.")
    assert ("ISR", "PSECVL") in dyads(text)  # the civilians are where it was filed
    assert all(d[1] != "PSEGZA" for d in dyads(text))


def test_a_dateline_with_an_agency_is_skipped_too():
    assert dyads("KYIV (AFP) - Russia shelled Kharkiv on Tuesday.") == [("RUS", "UKR")]


def test_an_international_body_before_a_dash_is_still_an_actor():
    assert dyads("NATO - the alliance - condemned Russia.") == [("IGOWSTNAT", "RUS")]



def test_unplaced_crowds_and_definite_agents_are_where_the_story_was_filed():
    text = "KABUL (AFP) - Thousands of people protested on Sunday against the government."
    assert dyads(text) == [("AFGPPL", "AFGGOV")]


def test_a_place_in_another_country_overrules_the_dateline():
    text = "PARIS: Students protested on Monday against a crackdown in eastern Ukraine."
    assert dyads(text) == [("---EDU", "UKR")]
    assert dyads("PARIS: Students protested on Monday against a crackdown.") == [
        ("FRAEDU", None)]
