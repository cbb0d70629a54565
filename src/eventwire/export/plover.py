"""PLOVER JSON lines: one record per event mention, with the manual's field names.

Mentions whose CAMEO code has no PLOVER event type (the 01 and 02 families were
dropped from PLOVER) are skipped and counted, since `event` is a required field.
`cameo` and `goldstein` are extra fields, as the manual allows, so CAMEO users
keep the original code and score. `context` lists the contexts found in the event's
sentence; `context_article` (an extra field) those only its article gives, which the
manual warns need not be the event's. An auxiliary mode (negated, future...) is
listed in `mode` after the type's mode. `event_loc` is the manual's location object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TextIO

from eventwire.actors.countries import plover_country, sector_of
from eventwire.export.common import MENTIONS_SQL, rows, sentence_number
from eventwire.export.geo import GeoFields
from eventwire.store import EventStore

FIELDS: tuple[str, ...] = (
    "id", "date", "actor", "recipient", "event", "event_text", "quad_code", "mode",
    "event_loc", "text_info", "cite_info", "coder", "coded_date", "cameo", "goldstein",
    "context", "size", "context_article",
)


@dataclass(frozen=True)
class PloverSummary:
    written: int
    skipped: int


def write(store: EventStore, stream: TextIO) -> PloverSummary:
    """Write every mention that has a PLOVER type; returns counts written and skipped."""
    written = skipped = 0
    geo = GeoFields()
    for mention in rows(store, MENTIONS_SQL):
        if not mention["plover"]:
            skipped += 1
            continue
        stream.write(json.dumps(record(mention, geo), ensure_ascii=False) + "\n")
        written += 1
    return PloverSummary(written, skipped)


def record(mention: dict[str, Any], geo: GeoFields | None = None) -> dict[str, Any]:
    """One mention (joined with its article) as a PLOVER record; absent values left out."""
    geo = geo or GeoFields()
    coder = f"eventwire {mention['coder_version']}" if mention["coder_version"] else None
    data: dict[str, Any] = {
        "id": mention["event_id"],
        "date": mention["date"],
        "actor": _entities(mention, "source"),
        "recipient": _entities(mention, "target"),
        "event": [mention["plover"]],
        "event_text": [mention["trigger_text"]],
        "quad_code": mention["quad_class"],
        "mode": [m for m in (mention["plover_mode"], mention.get("aux_mode")) if m] or None,
        "context": list(mention.get("context") or []) or None,
        "size": _size(mention),
        "context_article": list(mention.get("context_article") or []) or None,
        "event_loc": geo.plover(mention),
        "text_info": {"sequence": sentence_number(mention["sentence_index"])},
        "cite_info": _without_nulls({"url": mention["url"], "title": mention["title"],
                                     "publication": mention["publisher"], "coder": coder}),
        "coder": coder,
        "coded_date": mention["coded_at"].date().isoformat(),
        "cameo": mention["cameo"],
        "goldstein": mention["goldstein"],
    }
    required = {"id", "date", "actor", "event"}
    return {name: value for name, value in data.items()
            if name in required or value not in (None, {}, [])}


def _size(mention: dict[str, Any]) -> dict[str, int] | None:
    """The manual's size object: dead, injured, arrested; null counts left out."""
    size = {name: mention.get(name) for name in ("dead", "injured", "arrested")}
    return _without_nulls(size) or None


def _entities(mention: dict[str, Any], role: str) -> list[dict[str, str]]:
    """The manual's entity object: the country (SRB for SCGSRB), the rest of the code as
    sector, text."""
    code = mention[f"{role}_code"]
    if not code:
        return []
    return [_without_nulls({"code": plover_country(code), "sector": sector_of(code),
                            "entity_text": mention[f"{role}_text"]})]


def _without_nulls(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}
