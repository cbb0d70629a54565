"""Locations in the exchange formats: GDELT's geo fields, ICEWS's place columns and
PLOVER's event_loc, from a mention's ``location_*`` columns.

The country table (names, FIPS codes, points) comes from the geo stage's gazetteer,
read once per export. docs/GEO.md says how each field is filled and where a
format's own conventions (GDELT's FIPS admin codes, GNS feature ids) are not met.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from eventwire.actors.countries import names_state
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.stage import iso_country

GDELT_GEO_WIDTH = 8
# GDELT's geographic resolution types.
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
_REGIONS = frozenset({"admin1", "territory", "region"})


class GeoFields:
    """Turns stored locations into each format's fields."""

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load_countries()

    def country_name(self, iso3: str | None) -> str | None:
        place = self.gazetteer.countries.get(iso3 or "")
        return place.name if place else None

    def gdelt(self, row: dict[str, Any]) -> list[Any]:
        """The eight ActionGeo_ fields of a row with location_* columns."""
        iso3, feature = row.get("location_country"), row.get("location_feature")
        codes = self.gazetteer.codes.get(iso3 or "")
        if not row.get("location_name") or codes is None:
            return [None] * GDELT_GEO_WIDTH
        if feature == "country":
            return [COUNTRY, codes.place.name, codes.fips, codes.fips, None,
                    row["location_lat"], row["location_lon"], codes.fips]
        us = iso3 == "USA"
        if feature == "city":
            kind = US_CITY if us else WORLD_CITY
        else:
            kind = US_STATE if us and feature == "admin1" else WORLD_STATE
        return [kind, f"{row['location_name']}, {codes.place.name}", codes.fips,
                _adm1(codes.fips, row.get("location_admin1")), None,
                row["location_lat"], row["location_lon"], row.get("location_geonameid")]

    def gdelt_actor(self, code: str | None, action: list[Any],
                    action_country: str | None) -> list[Any]:
        """An actor's geo: where the event happened when that is in the actor's own
        country, else the actor's country; empty for an actor of no state."""
        if not code or not names_state(code):
            return [None] * GDELT_GEO_WIDTH
        country = iso_country(code)
        if country == action_country and action[0] is not None:
            return action
        codes = self.gazetteer.codes.get(country or "")
        if codes is None:
            return [None] * GDELT_GEO_WIDTH
        return [COUNTRY, codes.place.name, codes.fips, codes.fips, None,
                codes.place.lat, codes.place.lon, codes.fips]

    def icews(self, row: dict[str, Any]) -> list[Any]:
        """City, District, Province, Country, Latitude, Longitude."""
        if not row.get("location_name"):
            return [None] * 6
        feature, name = row["location_feature"], row["location_name"]
        return [name if feature == "city" else None, None,
                name if feature in _REGIONS else None,
                self.country_name(row["location_country"]),
                row["location_lat"], row["location_lon"]]

    def phoenix(self, row: dict[str, Any]) -> list[Any]:
        """Lat, Lon, LocationName, StateName (a first-level region's own name; a city's
        region is not named), CountryCode (ISO alpha-3)."""
        if not row.get("location_name"):
            return [None] * 5
        feature, name = row["location_feature"], row["location_name"]
        return [row["location_lat"], row["location_lon"], name,
                name if feature in _REGIONS else None, row["location_country"]]

    def plover(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """The manual's location object (its Mordecai field names), nulls left out."""
        if not row.get("location_name"):
            return None
        feature, name = row["location_feature"], row["location_name"]
        values = {
            "extracted_place": row["location_text"], "resolved_place": name,
            "geonameid": row["location_geonameid"],
            "lat": row["location_lat"], "lon": row["location_lon"],
            "city": name if feature == "city" else None,
            "province": name if feature in _REGIONS else None,
            "country": self.country_name(row["location_country"]),
            "country_code": row["location_country"],
            "feature_class": "P" if feature == "city" else "A",
            "resolution": {"city": 4, "admin1": 2, "territory": 2, "region": 2,
                           "country": 1}.get(feature),
        }
        return {key: value for key, value in values.items() if value is not None}


def _adm1(fips: str, admin1: str | None) -> str:
    """GDELT's ADM1Code: FIPS country + admin1 code. A US state's is its postal code
    ('USTX'); elsewhere GeoNames' admin1 code stands in ('LE09'); an ISO 3166-2 region
    of another country has no FIPS code here, so the country's alone."""
    if not admin1:
        return fips
    if admin1.startswith("US-"):
        return "US" + admin1[3:]
    if "." in admin1:
        return fips + admin1.split(".", 1)[1]
    return fips
