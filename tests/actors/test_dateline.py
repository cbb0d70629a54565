"""A story's dateline names where it was filed, not an actor."""

from __future__ import annotations

import pytest
import spacy

import eventwire
from eventwire.actors.dateline import dateline_end


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


def sources(text: str) -> list[str | None]:
    return [e.source and e.source.text for e in eventwire.code_text(text, date="2014-07-25")]


def test_a_dateline_with_a_date_is_no_source():
    for text in ("PORT SUDAN, June 14 (Reuters) - Gunmen killed four farmers near the town.",
                 "SRINAGAR, Nov. 13 (Wire) - Militants killed four soldiers on Tuesday.",
                 "BANGKOK, 12 April (AFP) - Gunmen killed four villagers, police said."):
        assert sources(text) and not {"PORT SUDAN", "SRINAGAR", "BANGKOK"} & set(sources(text))


def test_a_short_name_before_a_colon_is_a_dateline():
    text = "New Delhi: Police arrested twelve protesters outside parliament on Monday."
    assert "New Delhi" not in sources(text)
    codes = {(e.source.code, e.target.code) for e in eventwire.code_text(text)}
    assert ("---COP", "INDOPP") in codes  # the protesters are where it was filed


@pytest.mark.parametrize(("text", "tokens"), [
    ("PORT SUDAN, June 14 (Reuters) - Gunmen killed four farmers.", 9),
    ("SRINAGAR, Nov. 13 (Wire) - Militants attacked a post.", 8),
    ("New Delhi: Police arrested twelve protesters.", 3),
    ("Iran said on Monday: we will not negotiate.", 0),
    ("Egypt and Jordan said on Monday: we will not negotiate.", 0),
    ("The minister - a former general - resigned.", 0),
])
def test_the_dateline_ends_at_its_separator(text: str, tokens: int):
    assert dateline_end(spacy.blank("en")(text)) == tokens
