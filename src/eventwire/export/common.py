"""What the exporters share: reading the store, splitting actor codes, writing TSV."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

import duckdb

from eventwire.store import EventStore, StoreError

# CAMEO actor type (role) codes, plus the few the Phoenix dictionaries add (PTY, REL, PPL).
ROLE_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF",
    "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC",
    "NGM", "NGO", "SET", "PTY", "REL", "PPL",
})
# CAMEO religion codes; MUS is the Phoenix dictionaries' spelling of MOS.
RELIGION_CODES = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "JAN",
    "JEW", "MOS", "MUS", "PRO", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO",
})

MENTIONS_SQL = """
SELECT m.*, a.url, a.source AS publisher, a.title, a.coded_at
FROM mentions m JOIN articles a ON a.doc_id = m.doc_id
ORDER BY m.date NULLS LAST, m.doc_id, m.sentence_index, m.trigger_start, m.event_id
"""


@dataclass(frozen=True)
class ActorParts:
    """A CAMEO actor code cut into its three-letter parts by what each part is."""

    code: str
    country: str | None
    known_group: str | None
    religions: tuple[str, ...]
    types: tuple[str, ...]


def split_code(code: str | None) -> ActorParts | None:
    """Cut "ISRGOV" into country ISR and type GOV; None for no actor.

    The first part is the country unless it is a type or religion code (IGO, NGO...).
    Later parts are types or religions by the lists above; the first part that is
    neither is taken as the known group. Ethnic codes cannot be told from known
    groups without CAMEO's ethnic list, so they are never filled.
    """
    if not code:
        return None
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = None
    if chunks[0].isalpha() and chunks[0] not in ROLE_CODES | RELIGION_CODES:
        country = chunks.pop(0)
    known_group = None
    religions: list[str] = []
    types: list[str] = []
    for chunk in chunks:
        if chunk in ROLE_CODES:
            types.append(chunk)
        elif chunk in RELIGION_CODES:
            religions.append(chunk)
        elif known_group is None:
            known_group = chunk
    return ActorParts(code, country, known_group, tuple(religions[:2]), tuple(types[:3]))


def rows(store: EventStore, sql: str) -> Iterator[dict[str, Any]]:
    """The query's rows as dicts, fetched in batches so a large store streams."""
    try:
        cursor = store.connection.execute(sql)
        columns = [column[0] for column in cursor.description or []]
        while batch := cursor.fetchmany(10_000):
            for row in batch:
                yield dict(zip(columns, row, strict=True))
    except duckdb.Error as exc:
        raise StoreError(f"cannot read {store.path} for export: {exc}") from exc


def cell(value: Any) -> str:
    """One TSV field: empty for null, numbers without a needless '.0', no tabs or newlines."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_tsv(records: Iterable[Sequence[Any]], columns: Sequence[str], stream: TextIO,
              header: bool) -> int:
    """Write tab-separated lines; returns how many records were written."""
    if header:
        stream.write("\t".join(columns) + "\n")
    count = 0
    for record in records:
        if len(record) != len(columns):
            raise ValueError(f"record has {len(record)} fields, expected {len(columns)}")
        stream.write("\t".join(cell(value) for value in record) + "\n")
        count += 1
    return count


def compact_date(date: str | None) -> str | None:
    """'2024-03-05' -> '20240305'."""
    return date.replace("-", "") if date else None


def sentence_number(index: int) -> int:
    """ICEWS and Phoenix number sentences from 1; eventwire stores them from 0."""
    return index + 1
