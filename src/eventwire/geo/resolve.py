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
    countries = {c.place.country for c in _narrowed(mention, gazetteer)}
    return countries.pop() if len(countries) == 1 else None


def resolve(mention: PlaceMention, context: Context, gazetteer: Gazetteer) -> Candidate | None:
    """The place the mention most likely stands for, or None."""
    candidates = _narrowed(mention, gazetteer)
    if mention.qualifier is not None:
        candidates = _qualified(candidates, mention.qualifier) or candidates
    if mention.qualifies is not None:
        candidates = _qualifying(candidates, mention.qualifies) or candidates
    countries = [c for c in candidates if c.place.feature == "country"]
    if countries:
        return _country_or_region(countries[0], candidates, context, gazetteer)
    if not candidates:
        return None
    return max(candidates, key=lambda c: _score(c, mention.text, context, gazetteer))


def _narrowed(mention: PlaceMention, gazetteer: Gazetteer) -> list[Candidate]:
    """A region named after its own city (Jenin, Kandahar) is taken as the city, which
    lies in it and has a point; a country name stays the country."""
    candidates = mention.candidates
    cities = {c.place.country for c in candidates if c.place.feature == "city"}
    return [c for c in candidates
            if not (c.place.feature == "admin1" and c.place.country in cities)]


def _qualified(candidates: list[Candidate], qualifier: PlaceMention) -> list[Candidate]:
    wanted = [q.place for q in qualifier.candidates if not q.demonym]
    return [c for c in candidates if any(_inside(c.place, q) for q in wanted)]


def _qualifying(candidates: list[Candidate], head: PlaceMention) -> list[Candidate]:
    """The 'Georgia' of 'Atlanta, Georgia' is the reading that holds a place the name
    before it may be: the US state, where Atlanta is."""
    return [c for c in candidates
            if any(_inside(h.place, c.place) for h in head.candidates)]


def _inside(place: Place, region: Place) -> bool:
    if region.feature in {"country", "territory"}:
        return place.country == region.country
    if place.country != region.country:
        return False
    # GeoNames' US admin1 codes are ISO 3166-2's ("US.TX" and "US-TX"); elsewhere
    # they differ, and the country alone must do.
    if place.admin1 and region.admin1 and place.country == "USA":
        return place.admin1.replace(".", "-") == region.admin1
    return True


def _country_or_region(country: Candidate, candidates: list[Candidate], context: Context,
                       gazetteer: Gazetteer) -> Candidate:
    home = gazetteer.continent(country.place.country)
    for region in candidates:
        place = region.place
        if (place.feature == "admin1" and place.country != country.place.country
                and gazetteer.continent(place.country) != home
                and context.support(place.country) > 0
                and context.support(country.place.country) == 0):
            return region
    return country


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
