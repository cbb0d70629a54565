"""Geolocation: place names found in the text, resolved with an offline gazetteer, and a
location attached to each event (docs/GEO.md)."""

from eventwire.geo.gazetteer import Candidate, Gazetteer, GazetteerError, Place, name_key
from eventwire.geo.mentions import NotPlaces, PlaceMention, find_places
from eventwire.geo.resolve import Context, resolve
from eventwire.geo.stage import GeoStage, SentencePlaces

__all__ = ["Candidate", "Context", "Gazetteer", "GazetteerError", "GeoStage", "NotPlaces", "Place",
           "PlaceMention", "SentencePlaces", "find_places", "name_key", "resolve"]
