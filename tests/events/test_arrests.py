"""Arrests told the ways English news around the world tells them, lower-cased too."""

from __future__ import annotations

import pytest

import eventwire

ARRESTS = [
    "police have arrested three men in connection with the murder of a shopkeeper.",
    "the accused was nabbed by the police from his hideout in the district on sunday.",
    "the police detained 14 activists who were protesting outside the collectorate.",
    "police rounded up more than 40 people after the clashes in the town.",
    "the man was taken into custody and will be produced in court on monday.",
    "three youths were held by police for allegedly stealing mobile phones.",
    "police in lagos have arrested a suspected kidnapper and rescued two children.",
    "the suspects were arrested at a checkpoint near the border.",
    "the gang leader was caught by police after a tip-off from residents.",
    "two journalists were detained by security forces while covering the protest.",
    "the cid arrested a former official on charges of embezzlement.",
    "cops detained two miscreants near the railway station.",
    "Police in Nairobi remanded the suspects in custody for a week.",
]


@pytest.mark.parametrize("text", ARRESTS)
def test_an_arrest_is_coerce(text):
    events = eventwire.code_text(text, date="2024-01-01")
    assert any(e.cameo.startswith("17") for e in events), [(e.cameo, e.trigger.text)
                                                          for e in events]


@pytest.mark.parametrize(("text", "code"), [
    ("cops detained two miscreants near the railway station.", "---COP"),
    ("the cid arrested a former official on charges of embezzlement.", "---COP"),
])
def test_police_words_of_everyday_english_are_police(text, code):
    events = eventwire.code_text(text, date="2024-01-01")
    assert code in {e.source.code for e in events if e.source}
