"""Each event's location through the real coder: clause, sentence, dateline, article."""

from __future__ import annotations

import pytest

from eventwire.schema import Article, Event


def code(coder, text: str) -> list[Event]:
    return coder.code_article(Article(id="geo", text=text, date="2024-03-05"))


def located(coder, text: str, trigger: str) -> Event:
    events = [e for e in code(coder, text) if e.trigger.text == trigger]
    assert events, f"no event on {trigger!r}: {[e.trigger.text for e in code(coder, text)]}"
    return events[0]


@pytest.mark.parametrize(("text", "trigger", "name"), [
    ("Police arrested dozens of protesters in Tel Aviv on Saturday.", "arrested", "Tel Aviv"),
    ("Russian forces shelled Kharkiv overnight, Ukrainian officials said.", "shelled",
     "Kharkiv"),
    ("Egyptian officials met Hamas leaders in Cairo on Monday.", "met", "Cairo"),
])
def test_a_place_in_the_events_clause(coder, text: str, trigger: str, name: str) -> None:
    location = located(coder, text, trigger).location
    assert location is not None and (location.name, location.basis) == (name, "clause")
    assert text[location.start:location.end] == location.text


def test_the_clause_place_beats_another_in_the_sentence(coder) -> None:
    text = "After talks in Geneva, Russia attacked Ukraine in Kherson."
    location = located(coder, text, "attacked").location
    assert (location.name, location.basis) == ("Kherson", "clause")


def test_the_sentence_place_when_the_clause_has_none(coder) -> None:
    text = "In Kabul, officials said that the Taliban had criticized Pakistan."
    event = located(coder, text, "criticized")
    assert event.location is not None
    assert (event.location.name, event.location.basis) == ("Kabul", "sentence")


@pytest.mark.parametrize(("text", "name"), [
    ("BEIRUT (AFP) - Israel accused Hezbollah of firing rockets.", "Beirut"),
    ("KYIV, Ukraine (Reuters) - Russia accused the government of sabotage.", "Kyiv"),
])
def test_the_dateline_when_the_sentence_names_no_place(coder, text: str, name: str) -> None:
    event = located(coder, text, "accused")
    assert (event.location.name, event.location.basis) == (name, "dateline")


def test_the_articles_dominant_place_as_a_last_resort(coder) -> None:
    text = ("Fighting continued in Aleppo on Monday. Aid agencies said Aleppo had no power.\n\n"
            "Russia accused Turkey of supplying the rebels.")
    event = located(coder, text, "accused")
    assert (event.location.name, event.location.basis) == ("Aleppo", "article")


@pytest.mark.parametrize("text", [
    "Israeli troops raided the refugee camp, the army said.",
    "Russia accused Ukraine of sabotage.",
])
def test_nationality_words_and_the_actors_own_countries_are_no_location(coder,
                                                                       text: str) -> None:
    for event in code(coder, text):
        assert event.location is None


def test_the_actors_country_picks_the_tripoli(coder) -> None:
    lebanon = located(coder, "Lebanese troops clashed with gunmen in Tripoli.", "clashed")
    libya = located(coder, "Libyan militias clashed with gunmen in Tripoli.", "clashed")
    assert (lebanon.location.country, libya.location.country) == ("LBN", "LBY")


def test_without_the_geo_stage_every_location_is_null(coder) -> None:
    text = "Police arrested dozens of protesters in Tel Aviv on Saturday."
    assert all(e.location is None for e in coder.without_geo().code_article(
        Article(id="geo", text=text)))


@pytest.mark.parametrize("text", [
    "ÅÅÅÅ ÆØÅ 🙂 ZZZZZZZZZZZZZZZZ attacked Ukraine.",
    "Россия атаковала Киев. Russia attacked Ukraine.",
    "Russia attacked " + " ".join(["Xyzzy"] * 400) + " in Kharkiv.",
    "Russia attacked Ukraine in NOWHERE-LAND, Atlantis, Oceania of the Mind.",
])
def test_odd_place_names_never_empty_the_events(coder, text: str) -> None:
    events = code(coder, text)
    assert any(e.cameo.startswith("19") for e in events)
    for event in events:
        if event.location is not None:
            assert text[event.location.start:event.location.end] == event.location.text


def test_a_failing_geo_stage_leaves_the_events_unplaced(coder, monkeypatch) -> None:
    from eventwire.geo import GeoStage

    def broken(*args, **kwargs):
        raise RuntimeError("gazetteer exploded")

    monkeypatch.setattr(GeoStage, "locate", broken)
    monkeypatch.setattr(GeoStage, "sentence_places", broken)
    events = code(coder, "Police arrested dozens of protesters in Tel Aviv on Saturday.")
    assert events and all(e.location is None for e in events)


@pytest.mark.parametrize("text", [
    "In September, a car bomb in Kiev killed another ethnic Chechen.",
    "Fresh clashes in Tripoli, the army said.",
    "Israel's strike on Gaza, a new escalation.",
])
def test_a_sentence_whose_root_is_no_verb_is_placed_and_ends(coder, text: str) -> None:
    # The walk up the parse once never stopped at a root that was no verb.
    for event in code(coder, text):
        if event.location is not None:
            assert text[event.location.start:event.location.end] == event.location.text


def test_the_walk_up_the_parse_stops_at_a_root_that_is_no_verb() -> None:
    from eventwire.geo.stage import _hops
    from eventwire.nlp import load_pipeline

    doc = load_pipeline()("Fresh clashes in Tripoli.")
    assert doc[1].dep_ == "ROOT" and doc[1].pos_ != "VERB"
    assert _hops(doc[0], doc, 3, 4) is None  # "Fresh" is not above "Tripoli"
    assert _hops(doc[1], doc, 3, 4) == 2  # Tripoli <- in <- clashes
