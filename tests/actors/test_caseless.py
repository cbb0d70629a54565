"""Names in text that has lost its capitals (actors/caseless.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorMatcher
from eventwire.actors.caseless import is_caseless

DATE = dt.date(2005, 3, 1)
FILLER = " the talks went on for hours and officials said more meetings would follow soon."


@pytest.fixture(scope="module")
def caseless_matcher(actors, agents) -> ActorMatcher:
    return ActorMatcher(actors, agents, caseless=True)


def codes(matcher: ActorMatcher, nlp, text: str) -> dict[str, str | None]:
    return {m.text: m.code for m in matcher.find(nlp(text + FILLER), DATE)}


@pytest.mark.parametrize(("text", "expected"), [
    ("police in kenya arrested twelve opposition supporters in nairobi.",
     {"police in kenya": "KENCOP"}),
    ("the kenyan government accused uganda of arming rebels.",
     {"kenyan government": "KENGOV", "uganda": "UGA"}),
    ("britain and france signed an accord in paris.",
     {"britain": "GBR", "france": "FRA", "paris": "FRA"}),
    ("the united nations condemned the attack in south africa.",
     {"the united nations": "IGOUNO", "south africa": "ZAF"}),
])
def test_names_of_a_text_without_capitals_are_found(caseless_matcher, nlp, text, expected):
    found = codes(caseless_matcher, nlp, text)
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize("text", [
    "the family ate turkey and drank champagne after the match in chad's absence.",
    "she told us the polish on the table came from a jersey shop.",
    "andy murray and charlotte played in the final; he had a cork in the bottle.",
])
def test_ordinary_words_are_not_taken_for_places(caseless_matcher, nlp, text):
    found = codes(caseless_matcher, nlp, text)
    assert not any(code and code[:3] in {"TCD", "TUR", "USA", "POL", "GBR", "IRL", "JOR"}
                   for code in found.values()), found


def test_a_one_word_person_needs_a_title_in_front(caseless_matcher, nlp):
    found = codes(caseless_matcher, nlp, "president putin met officials in moscow.")
    assert found.get("president putin", "").startswith("RUS")


def test_a_text_with_capitals_still_needs_them(caseless_matcher, nlp):
    text = "Officials in Kenya said the turkey was cooked, and kenya was not named."
    found = {m.text: m.code for m in caseless_matcher.find(nlp(text + FILLER.title()), DATE)}
    assert "Kenya" in found and "kenya" not in found


def test_caseless_reading_is_off_by_default(matcher, nlp):
    assert "britain" not in codes(matcher, nlp, "britain and france signed an accord.")


@pytest.mark.parametrize(("words", "expected"), [
    (["police", "in", "kenya", "arrested"] * 10, True),
    (["Police", "in", "Kenya", "arrested", "five"] * 10, False),
    (["too", "short"], False),
])
def test_a_text_without_capitals_is_told_by_its_share_of_capitals(words, expected):
    assert is_caseless(words) is expected
