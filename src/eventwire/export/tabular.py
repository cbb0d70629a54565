"""Parquet and CSV: a whole store table, written by DuckDB's COPY.

Parquet is partitioned by date (one folder `date=YYYY-MM-DD` per day), so a
reader can load a date range without scanning the rest. Codes stay VARCHAR.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

import duckdb

from eventwire.export.common import rows
from eventwire.store import EventStore, StoreError

TABLES = {
    "mentions": "SELECT * FROM mentions ORDER BY date NULLS LAST, doc_id, sentence_index, "
                "trigger_start, event_id",
    "events": "SELECT * FROM events ORDER BY date NULLS LAST, global_event_id",
}


def write_parquet(store: EventStore, folder: Path, table: str = "mentions") -> int:
    """Write `table` under `folder`, one partition per date; returns the row count."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StoreError(f"{folder} exists and is not an empty folder; choose a new one")
    return _copy(store, table, folder, "FORMAT PARQUET, PARTITION_BY (date)")


def write_csv_file(store: EventStore, path: Path, table: str = "mentions",
                   header: bool = True) -> int:
    """Write `table` to a CSV file; returns the row count."""
    return _copy(store, table, path, f"FORMAT CSV, HEADER {str(header).upper()}")


def write_csv(store: EventStore, stream: TextIO, table: str = "mentions",
              header: bool = True) -> int:
    """Write `table` as CSV to an open stream (such as stdout); returns the row count."""
    writer = csv.writer(stream, lineterminator="\n")
    count = 0
    for row in rows(store, _select(table)):
        if count == 0 and header:
            writer.writerow(row.keys())
        writer.writerow(["" if value is None else value for value in row.values()])
        count += 1
    return count


def _select(table: str) -> str:
    try:
        return TABLES[table]
    except KeyError:
        raise StoreError(f"cannot export table {table!r}; choose one of: "
                         f"{', '.join(TABLES)}") from None


def _copy(store: EventStore, table: str, target: Path, options: str) -> int:
    sql = _select(table)
    quoted = str(target).replace("'", "''")
    try:
        store.connection.execute(f"COPY ({sql}) TO '{quoted}' ({options})")
        row = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {target}: {exc}") from exc
    return int(row[0]) if row else 0
