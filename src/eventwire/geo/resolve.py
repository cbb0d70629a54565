"""Choosing the place a mention stands for, by context and priors.

In order:

1. A qualifier decides among what it allows: "Paris, Texas" is the Paris in Texas;
   "Atlanta, Georgia" makes Georgia the US state, since Atlanta is there.
2. A country name is the country, never a smaller place of the same name. The one
   exception is a name that is also a first-level region of a state on another
   continent (Georgia): it is the region when the article names that state and
   nothing else names the country.
3. Otherwise each candidate scores its population (log10; a region counts as a city
   of 300,000, a territory of the project's own list higher than any city), plus
   the countries the sentence and the article name (countries, nationality words,
   actors' codes, places that can only be in one country). A name matched only by
   a GeoNames alternate name loses a little; a spelling with accents that is the
   place's own ("San José") gains.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from eventwire.geo.gazetteer import Candidate, Gazetteer, Place
from eventwire.geo.mentions import PlaceMention

IN_SENTENCE = 2.5
IN_ARTICLE = 1.5
OTHER_NAME = -0.5
OWN_SPELLING = 1.0
REGION_PRIOR = 5.5  # as a city of ~300,000
CURATED_PRIOR = 8.0  # above any city: "Gaza" is the Strip, not Gaza City
CURATED = frozenset({"territory", "region", "continent"})


@dataclass
class Context:
    """How often the article and the sentence name each country (ISO alpha-3)."""

    article: Counter = field(default_factory=Counter)
    sentence: Counter = field(default_factory=Counter)

    def with_sentence(self, countries: Iterable[str]) -> Context:
        return Context(self.article, Counter(countries))

    def support(self, country: str | None) -> float:
        if not country:
            return 0.0
        return (IN_SENTENCE if self.sentence[country] else 0.0) + (
            IN_ARTICLE if self.article[country] else 0.0)


def sure_country(mention: PlaceMention, gazetteer: Gazetteer) -> str | None:
    """The country a mention names whatever its context, else None (Tripoli, Georgia)."""
    candidates = _narrowed(mention.candidates)
    countries = [c.place.country for c in candidates if c.place.feature == "country"]
    if countries:
        return None if _other_continent_regions(countries[0], candidates, gazetteer) \
            else countries[0]
    found = {c.place.country for c in candidates}
    return found.pop() if len(found) == 1 else None


def resolve(mention: PlaceMention, context: Context, gazetteer: Gazetteer) -> Candidate | None:
    """The place the mention most likely stands for, or None."""
    candidates = mention.candidates
    if mention.qualifies is not None:
        candidates = _qualifying(candidates, mention.qualifies) or candidates
    candidates = _narrowed(candidates)
    if mention.qualifier is not None:
        candidates = _qualified(candidates, mention.qualifier) or candidates
    countries = [c for c in candidates if c.place.feature == "country"]
    if countries:
        return _country_or_region(countries[0], candidates, context, gazetteer)
    if not candidates:
        return None
    return max(candidates, key=lambda c: _score(c, mention.text, context, gazetteer))


def _narrowed(candidates: list[Candidate]) -> list[Candidate]:
    """A territory or region of the project's own list is what its name means ("Gaza"
    is the Strip, "Sahel" no province of Burkina Faso); a first-level region without a
    point, named as a city of its country (Jenin, Kandahar), is taken as the city,
    which lies in it or near it and has a point."""
    curated = [c for c in candidates if c.place.feature in CURATED]
    if curated:
        return curated
    cities = {c.place.country for c in candidates if c.place.feature == "city"}
    return [c for c in candidates if not (
        c.place.feature == "admin1" and c.place.lat is None and c.place.country in cities)]


def _qualified(candidates: list[Candidate], qualifier: PlaceMention) -> list[Candidate]:
    wanted = [q.place for q in qualifier.candidates if not q.demonym]
    return [c for c in candidates if any(_inside(c.place, q) for q in wanted)]


def _qualifying(candidates: list[Candidate], head: PlaceMention) -> list[Candidate]:
    """The 'Georgia' of 'Atlanta, Georgia' is the region or country that holds a city
    the name before it may be: the US state, where Atlanta is ('Oregon' the state, not
    the town in Ohio)."""
    cities = [h.place for h in head.candidates if h.place.feature == "city"]
    return [c for c in candidates if c.place.feature != "city"
            and any(_inside(city, c.place) for city in cities)]


def _inside(place: Place, region: Place) -> bool:
    if region.feature in {"country", "territory"}:
        return place.country == region.country
    if place.country != region.country:
        return False
    # A US city's admin1 is ISO 3166-2 ("US-TX"), as its state's; elsewhere GeoNames'
    # codes and ISO's differ, and the country alone must do.
    if place.country == "USA" and place.admin1 and region.admin1:
        return place.admin1 == region.admin1
    return True


def _country_or_region(country: Candidate, candidates: list[Candidate], context: Context,
                       gazetteer: Gazetteer) -> Candidate:
    for region in _other_continent_regions(country.place.country, candidates, gazetteer):
        if (context.support(region.place.country) > 0
                and context.support(country.place.country) == 0):
            return region
    return country


def _other_continent_regions(country: str | None, candidates: list[Candidate],
                             gazetteer: Gazetteer) -> list[Candidate]:
    """First-level regions of a state on another continent that share a country's name:
    the US state of Georgia."""
    home = gazetteer.continent(country)
    return [c for c in candidates if c.place.feature == "admin1"
            and c.place.country != country and gazetteer.continent(c.place.country) != home]


def _score(candidate: Candidate, text: str, context: Context, gazetteer: Gazetteer) -> float:
    place = candidate.place
    if place.feature == "city":
        prior = math.log10(place.population + 10)
    elif place.feature == "admin1":
        prior = REGION_PRIOR
    else:
        prior = CURATED_PRIOR
    score = prior + context.support(place.country)
    if candidate.other_name:
        score += OTHER_NAME
    if not text.isascii() and text == place.name:
        score += OWN_SPELLING
    # Ties (Punjab in India and in Pakistan) go to the more populous country.
    country = gazetteer.countries.get(place.country or "")
    return score + (country.population if country else 0) * 1e-12
