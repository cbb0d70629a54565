"""The GDELT 2.0 event table: 61 tab-separated columns, one merged event per line.

Reads the store's `events` table, so the counts are GDELT's: mentions, distinct
outlets and distinct articles. The geo fields come from the first mention of the
event that has a location (export/geo.py, docs/GEO.md). What eventwire does not
know (tone, ethnic codes, the lead-paragraph flag) stays empty; docs/STORE.md says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from eventwire.export.common import ActorParts, rows, split_code, write_tsv
from eventwire.export.geo import GeoFields
from eventwire.store import EventStore

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                 "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
HEADER_BY_DEFAULT = False

_SQL = """
SELECT e.*, s.example_text AS source_name, t.example_text AS target_name, g.*
FROM events e
LEFT JOIN actors s ON s.code = e.source_code
LEFT JOIN actors t ON t.code = e.target_code
LEFT JOIN (
    SELECT event_key AS geo_key, location_name, location_lat, location_lon,
           location_country, location_admin1, location_geonameid, location_feature
    FROM mentions WHERE location_name IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY event_key
                               ORDER BY doc_id, sentence_index, trigger_start, event_id) = 1
) g ON g.geo_key = e.event_key
ORDER BY e.date NULLS LAST, e.global_event_id
"""


def write(store: EventStore, stream: TextIO, header: bool = HEADER_BY_DEFAULT) -> int:
    """Write every merged event; returns the number of lines (header excluded)."""
    geo = GeoFields()
    return write_tsv((record(event, geo) for event in rows(store, _SQL)), COLUMNS, stream,
                     header)


def record(event: dict[str, Any], geo: GeoFields | None = None) -> list[Any]:
    """One `events` row (with actor names and location) as the 61 GDELT fields, in order."""
    geo = geo or GeoFields()
    date = event["date"]
    action = geo.gdelt(event)
    country = event.get("location_country")
    added = event["added_at"]
    return [
        event["global_event_id"], *_date_fields(date),
        *_actor(split_code(event["source_code"]), event["source_name"]),
        *_actor(split_code(event["target_code"]), event["target_name"]),
        None,  # IsRootEvent: GDELT's lead-paragraph flag; eventwire has no paragraphs.
        event["cameo"], event["cameo_base"], event["cameo_root"], event["quad_class"],
        event["goldstein"], event["num_mentions"], event["num_sources"],
        event["num_articles"], None,  # AvgTone: eventwire does not score tone.
        *geo.gdelt_actor(event["source_code"], action, country),
        *geo.gdelt_actor(event["target_code"], action, country), *action,
        added.strftime("%Y%m%d%H%M%S"), event["source_url"],
    ]


def fraction_date(date: str) -> str:
    """GDELT's YYYY.FFFF: the year plus (month * 30 + day) / 365, to four places."""
    year, month, day = (int(part) for part in date.split("-"))
    return f"{year + (month * 30 + day) / 365:.4f}"


def _date_fields(date: str | None) -> list[Any]:
    if not date:
        return [None] * 4
    compact = date.replace("-", "")
    return [compact, compact[:6], compact[:4], fraction_date(date)]


def _actor(parts: ActorParts | None, name: str | None) -> Iterator[Any]:
    if parts is None:
        yield from [None] * len(_ACTOR_FIELDS)
        return
    religions = (*parts.religions, None, None)[:2]
    types = (*parts.types, None, None, None)[:3]
    yield from [parts.code, name, parts.country, parts.known_group, None, *religions, *types]
