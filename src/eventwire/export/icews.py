"""ICEWS coded event data: its 20 tab-separated columns, one event mention per line.

ICEWS names actors, sectors and countries in its own vocabulary; eventwire has
CAMEO codes instead, so the name is the text as it appears in the sentence and
the sector and country columns stay empty (docs/STORE.md). The place columns come
from the mention's location (export/geo.py).
"""

from __future__ import annotations

from typing import Any, TextIO

from eventwire.export.common import MENTIONS_SQL, rows, sentence_number, write_tsv
from eventwire.export.geo import GeoFields
from eventwire.store import EventStore

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
)
HEADER_BY_DEFAULT = True


def write(store: EventStore, stream: TextIO, header: bool = HEADER_BY_DEFAULT) -> int:
    """Write every stored mention; returns the number of lines (header excluded)."""
    geo = GeoFields()
    return write_tsv((record(m, geo) for m in rows(store, MENTIONS_SQL)), COLUMNS, stream,
                     header)


def record(mention: dict[str, Any], geo: GeoFields | None = None) -> list[Any]:
    """One mention (joined with its article) as the 20 ICEWS fields, in order."""
    geo = geo or GeoFields()
    return [
        mention["event_id"], mention["date"],
        mention["source_text"], None, None,
        mention["cameo_name"], mention["cameo"], mention["goldstein"],
        mention["target_text"], None, None,
        mention["doc_id"], sentence_number(mention["sentence_index"]), mention["publisher"],
        *geo.icews(mention),
    ]
