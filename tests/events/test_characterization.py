"""Calling something a name is a judgement of it (events/characterization.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "source"), [
    ("Russia called the sanctions illegal.", "RUS"),
    ("The Supreme Court of Kenya called the decree unconstitutional.", "KENJUD"),
    ("Hamas rejected the Israeli proposal, calling it an attempt to buy time.", "PSEREBHMS"),
    ("UNICEF called the attack on the school a grave violation.", "IGOUNOKID"),
    ("Iran branded the British move a provocation.", "IRN"),
    ("China described the visit by the US speaker as a serious provocation.", "CHN"),
    ("Peru called the Mexican offer unacceptable interference in its affairs.", "PER"),
])
def test_calling_something_a_bad_name_criticizes_it(dyads, text, source):
    assert (source, "111") in {(s, code) for s, _, code in dyads(text)}


@pytest.mark.parametrize("text", [
    "Obama called the agreement with Iran historic.",
    "The Indian minister called the talks constructive and useful.",
    "Germany called the ceasefire in Gaza a breakthrough.",
])
def test_calling_something_a_good_name_praises_it(dyads, text):
    assert "051" in {code for _, _, code in dyads(text)}


@pytest.mark.parametrize("text", [
    "The UN called on Sudan to end the siege.",
    "Kenya's opposition called for new elections.",
    "Putin called Merkel to discuss the gas dispute.",
])
def test_calls_that_name_nothing_are_left_to_the_dictionary(dyads, text):
    assert not {code for _, _, code in dyads(text)} & {"111", "051"}
