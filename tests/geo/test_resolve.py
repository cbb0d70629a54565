"""Resolving mentions: countries stay countries, context picks among same-named places,
qualifiers decide, and priors settle the rest."""

from __future__ import annotations

import pytest
from placing import place_of


@pytest.mark.parametrize(("text", "name", "country"), [
    ("China's foreign ministry rejected the report.", "China", "CHN"),
    ("The U.S. imposed sanctions on the bank.", "U.S.", "USA"),
    ("Officials in Canada and the U.S. signed the accord.", "U.S.", "USA"),
    ("Jordan closed its border crossing with Syria.", "Jordan", "JOR"),
    ("Lebanon declared a day of mourning.", "Lebanon", "LBN"),
])
def test_a_country_name_is_never_a_smaller_place(places, text: str, name: str,
                                                 country: str) -> None:
    place = place_of(places(text), name)
    assert (place.feature, place.country) == ("country", country)


@pytest.mark.parametrize(("text", "feature", "country"), [
    ("Georgia's ruling party accused protesters in Tbilisi of plotting a coup.",
     "country", "GEO"),
    ("Russian troops remain in Abkhazia, a breakaway region of Georgia.", "country", "GEO"),
    ("Voters in Atlanta lined up as Georgia held its primary.", "admin1", "USA"),
    ("The governor of Georgia met U.S. senators in Washington.", "admin1", "USA"),
    ("Georgia said it would seek closer ties with the European Union.", "country", "GEO"),
])
def test_georgia_by_context(places, text: str, feature: str, country: str) -> None:
    place = place_of(places(text), "Georgia")
    assert (place.feature, place.country) == (feature, country)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Lebanese troops clashed with gunmen in Tripoli.", "Tripoli", "LBN"),
    ("Libyan militias shelled the outskirts of Tripoli.", "Tripoli", "LBY"),
    ("Pakistani police arrested activists in Hyderabad.", "Hyderabad", "PAK"),
    ("Indian officials said the summit in Hyderabad would go ahead.", "Hyderabad", "IND"),
    ("Spanish police detained three men in Córdoba.", "Córdoba", "ESP"),
    ("Argentine unions marched in Córdoba against the budget.", "Córdoba", "ARG"),
    ("Canadian police made an arrest in Victoria.", "Victoria", "CAN"),
])
def test_the_articles_countries_pick_among_same_named_cities(places, text: str, name: str,
                                                             country: str) -> None:
    assert place_of(places(text), name).country == country


@pytest.mark.parametrize(("text", "name", "country", "admin1"), [
    ("A tornado hit Paris, Texas, on Sunday.", "Paris", "USA", "US-TX"),
    ("Prosecutors in Alexandria, Virginia, charged him.", "Alexandria", "USA", "US-VA"),
    ("Nurses rallied in Portland, Maine, on Thursday.", "Portland", "USA", "US-ME"),
    ("Agents used tear gas in Portland, Oregon.", "Portland", "USA", "US-OR"),
    ("Thousands marched in Córdoba, Spain.", "Córdoba", "ESP", None),
    ("Police in Birmingham, England, made arrests.", "Birmingham", "GBR", None),
])
def test_an_explicit_qualifier_decides(places, text: str, name: str, country: str,
                                       admin1: str | None) -> None:
    place = place_of(places(text), name)
    assert place.country == country and place.feature == "city"
    if admin1:
        assert place.admin1 == admin1


@pytest.mark.parametrize(("text", "qualifier", "feature", "country"), [
    ("Police in Savannah, Georgia, arrested two men.", "Georgia", "admin1", "USA"),
    ("Thousands marched in Atlanta, Georgia.", "Georgia", "admin1", "USA"),
    ("Tourists returned to Batumi, Georgia, after the storm.", "Georgia", "country", "GEO"),
])
def test_a_qualifier_is_read_as_the_region_that_holds_its_city(
        places, text: str, qualifier: str, feature: str, country: str) -> None:
    place = place_of(places(text), qualifier)
    assert (place.feature, place.country) == (feature, country)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Dockworkers struck at the Port of Long Beach.", "Long Beach", "USA"),
    ("Floods hit Alexandria overnight.", "Alexandria", "EGY"),
    ("Rallies were held in Paris on Saturday.", "Paris", "FRA"),
])
def test_without_context_the_larger_place_wins(places, text: str, name: str,
                                               country: str) -> None:
    assert place_of(places(text), name).country == country


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The president met exiles in San José on Monday.", "San José", "CRI"),
    ("Tech workers rallied in San Jose on Monday.", "San Jose", "USA"),
])
def test_a_places_own_accented_spelling_counts(places, text: str, name: str,
                                               country: str) -> None:
    assert place_of(places(text), name).country == country


@pytest.mark.parametrize(("text", "name", "region", "country"), [
    ("Hamas fired rockets from Gaza at Sderot.", "Gaza", "Gaza Strip", "PSE"),
    ("Jihadist groups have spread across the Sahel.", "Sahel", "Sahel", None),
    ("Russia annexed Crimea in 2014.", "Crimea", "Crimea", "UKR"),
    ("Fighting resumed in Darfur on Monday.", "Darfur", "Darfur", "SDN"),
    ("Militants attacked a post in Kashmir.", "Kashmir", "Kashmir", None),
    ("Settlers attacked a village in the West Bank.", "West Bank", "West Bank", "PSE"),
    ("Shelling continued across the Donbas.", "Donbas", "Donbas", "UKR"),
])
def test_territories_and_conflict_regions_come_from_own_data(
        places, text: str, name: str, region: str, country: str | None) -> None:
    place = place_of(places(text), name)
    assert (place.name, place.country) == (region, country)


@pytest.mark.parametrize(("text", "name"), [
    ("Forces withdrew from Jenin after a two-day raid.", "Jenin"),
    ("A bomb exploded in Kandahar on Friday.", "Kandahar"),
])
def test_a_province_named_after_its_city_is_the_city(places, text: str, name: str) -> None:
    place = place_of(places(text), name)
    assert place.feature == "city" and place.lat is not None
