"""Finding place mentions: longest names, proper nouns only, people and outlets skipped,
qualifiers and datelines."""

from __future__ import annotations

import pytest
from placing import place_of

from eventwire.geo import find_places
from eventwire.nlp import load_pipeline, split


def texts(mentions) -> list[str]:
    return [m.text for m in mentions]


@pytest.mark.parametrize(("text", "expected"), [
    ("Airstrikes hit Gaza City overnight.", ["Gaza City"]),
    ("Gangs attacked a prison in Port-au-Prince on Sunday.", ["Port-au-Prince"]),
    ("Talks resumed in Addis Ababa and Buenos Aires.", ["Addis Ababa", "Buenos Aires"]),
    ("Aid reached the Gaza Strip through Rafah.", ["Gaza Strip", "Rafah"]),
])
def test_the_longest_known_name_wins(places, text: str, expected: list[str]) -> None:
    assert texts(places(text)) == expected


@pytest.mark.parametrize("text", [
    "Police fired tear gas at the crowd.",  # Police, a town in Poland
    "Mobile phone networks were cut in the capital.",  # Mobile, Alabama
    "Split opinions emerged among the ministers.",  # Split, Croatia
    "Nice words will not end the strike, the union said.",  # Nice, France
])
def test_an_ordinary_word_opening_a_sentence_is_no_town(places, text: str) -> None:
    assert texts(places(text)) == []


@pytest.mark.parametrize(("text", "person"), [
    ("President Obama met the prime minister on Monday.", "Obama"),
    ("Obama said the talks were constructive.", "Obama"),
])
def test_a_person_the_dictionaries_know_is_no_place(places, text: str, person: str) -> None:
    assert person not in texts(places(text))


@pytest.mark.parametrize("text", [
    "The Washington Post reported the leak on Friday.",
    "The New York Times said the deal was close.",
])
def test_a_newspaper_named_after_a_city_is_no_place(places, text: str) -> None:
    assert texts(places(text)) == []


@pytest.mark.parametrize(("text", "name", "region"), [
    ("A tornado hit Paris, Texas, on Sunday.", "Paris", "Texas"),
    ("Police arrested him in Victoria, British Columbia.", "Victoria", "British Columbia"),
    ("Protests spread to Alexandria, Virginia, on Monday.", "Alexandria", "Virginia"),
])
def test_a_comma_and_a_region_qualify_a_city(places, text: str, name: str,
                                             region: str) -> None:
    found = {m.text: m for m in places(text)}
    assert found[name].qualifier is found[region]
    assert found[region].qualifies is found[name]


@pytest.mark.parametrize(("text", "demonym", "country"), [
    ("Israelis and Palestinians marched together.", "Israelis", "ISR"),
    ("Israelis and Palestinians marched together.", "Palestinians", "PSE"),
    ("Ukrainians queued for bread in the cold.", "Ukrainians", "UKR"),
])
def test_plural_nationality_words_name_their_country(places, text: str, demonym: str,
                                                     country: str) -> None:
    mention = next(m for m in places(text) if m.text == demonym)
    assert mention.demonym and place_of([mention], demonym).country == country


@pytest.mark.parametrize(("text", "first"), [
    ("GAZA CITY (AP) - Airstrikes killed 12 people.", "GAZA CITY"),
    ("KYIV, Ukraine (Reuters) - Drones struck the capital.", "KYIV"),
    ("HYDERABAD, India - Farmers marched on the assembly.", "HYDERABAD"),
])
def test_a_datelines_capitals_are_places(gazetteer, text: str, first: str) -> None:
    from eventwire.actors.dateline import dateline_end

    doc = next(iter(split([text])))
    sentence = next(iter(doc.sents))
    found = find_places(sentence, gazetteer, dateline=dateline_end(sentence))
    assert found[0].text == first and found[0].in_dateline


def test_untagged_text_skips_a_sentence_opener_but_not_after_in(gazetteer) -> None:
    doc = next(iter(split(["Police came. Crowds gathered in Police on Friday."])))
    found = find_places(doc, gazetteer)
    assert [(m.text, m.start_char) for m in found] == [("Police", 32)]


def test_a_tagged_doc_needs_proper_nouns(gazetteer) -> None:
    doc = load_pipeline()("Reading the report, ministers met in Reading.")
    assert [m.start_char for m in find_places(doc, gazetteer)] == [37]
