"""The Phoenix data set's 26 tab-separated columns, one event mention per line.

Phoenix splits an actor code three ways (phoenixdata.org): the role is the
country, or IGO, NGO, IMG or MNC; the entity is one of its sector codes (GOV,
MIL, ...); the attributes are the rest, joined with ';'.
"""

from __future__ import annotations

from typing import Any, TextIO

from eventwire.export.common import (
    MENTIONS_SQL,
    compact_date,
    rows,
    sentence_number,
    split_code,
    write_tsv,
)
from eventwire.export.geo import GeoFields
from eventwire.store import EventStore

COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs",
    "NewsSources",
)
HEADER_BY_DEFAULT = False
ROLE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
ENTITY_CODES = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED",
                          "EDU", "BUS", "CRM", "CVL"})


def write(store: EventStore, stream: TextIO, header: bool = HEADER_BY_DEFAULT) -> int:
    """Write every stored mention; returns the number of lines (header excluded)."""
    geo = GeoFields()
    return write_tsv((record(m, geo) for m in rows(store, MENTIONS_SQL)), COLUMNS, stream,
                     header)


def record(mention: dict[str, Any], geo: GeoFields | None = None) -> list[Any]:
    """One mention (joined with its article) as the 26 Phoenix fields, in order."""
    date = mention["date"]
    year, month, day = (int(part) for part in date.split("-")) if date else (None,) * 3
    return [
        mention["event_id"], compact_date(date), year, month, day,
        *actor_fields(mention["source_code"]), *actor_fields(mention["target_code"]),
        mention["cameo"], mention["cameo_root"], penta_class(mention["cameo_root"]),
        mention["goldstein"], None,  # Issues: eventwire does not code issues yet.
        *(geo or GeoFields()).phoenix(mention),
        f"{mention['doc_id']}_{sentence_number(mention['sentence_index'])}",
        mention["url"], mention["publisher"],
    ]


def actor_fields(code: str | None) -> list[str | None]:
    """Full code, entity, role and attributes of one actor."""
    parts = split_code(code)
    if parts is None:
        return [None] * 4
    chunks = [parts.code[i:i + 3] for i in range(0, len(parts.code), 3)]
    role = chunks.pop(0) if parts.country or chunks[0] in ROLE_PREFIXES else None
    entity = next((chunk for chunk in chunks if chunk in ENTITY_CODES), None)
    if entity is not None:
        chunks.remove(entity)
    return [parts.code, entity, role, ";".join(chunks) or None]


def penta_class(root: str) -> int:
    """Phoenix's five classes: 0 for statements (01, 02), else GDELT's quad class."""
    number = int(root)
    if number <= 2:
        return 0
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4
