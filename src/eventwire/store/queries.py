"""Read-only queries over a store, shared by the CLI and the web app.

    with open_reader("events.duckdb") as store:
        result = run_sql(store, "SELECT cameo_root, count(*) FROM mentions GROUP BY 1")
        result = filter_events(store, EventFilter(actor="ISR", root="19"))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.store.duck import EventStore, StoreError, StoreNeedsUpgrade

# Statement types a reader may run; anything else is refused before it runs.
_READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
EVENT_COLUMNS = (
    "global_event_id", "date", "source_code", "target_code", "cameo", "cameo_name",
    "goldstein", "quad_class", "plover", "num_mentions", "num_sources", "num_articles",
    "source_url",
)


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of one query, in order."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class EventFilter:
    """The common filters on merged events; None means no filter.

    `actor` and `target` match a code or its prefix ("ISR" matches "ISRGOV"), so a
    country selects all its actors. Dates are inclusive, YYYY-MM-DD. `country` keeps
    events that some mention places in that country (ISO alpha-3, "PSE").
    """

    actor: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None
    root: str | None = None
    cameo: str | None = None
    plover: str | None = None
    country: str | None = None
    limit: int | None = 1000

    def check(self) -> None:
        """Raise StoreError naming the first malformed filter."""
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise StoreError(f"--{name} must be a date YYYY-MM-DD, got {value!r}")
        if self.root is not None and not _ROOT.match(self.root):
            raise StoreError(f"--root must be a CAMEO cue category 01-20, got {self.root!r}")
        if self.country is not None and not _COUNTRY.match(self.country.upper()):
            raise StoreError(f"--country must be an ISO 3166 alpha-3 code such as PSE or "
                             f"USA, got {self.country!r}")
        if self.limit is not None and self.limit < 1:
            raise StoreError(f"--limit must be at least 1, got {self.limit}")


def open_reader(path: str | Path) -> EventStore:
    """Open a store to read; an older schema is upgraded first, then reopened read-only."""
    try:
        return EventStore(path, read_only=True)
    except StoreNeedsUpgrade:
        EventStore(path).close()
    return EventStore(path, read_only=True)


def run_sql(store: EventStore, sql: str) -> QueryResult:
    """Run one or more read statements; the result is the last one's.

    The connection is read-only and, from here on, cannot touch other files, so
    `COPY ... TO`, `ATTACH` and `read_csv` are refused as well as writes.
    """
    con = store.connection
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"cannot parse the query: {exc}") from exc
    if not statements:
        raise StoreError("the query is empty")
    for statement in statements:
        kind = statement.type.name
        if kind not in _READ_STATEMENTS:
            raise StoreError(f"only reading is allowed here (SELECT, EXPLAIN, PRAGMA); "
                             f"the query has a {kind} statement")
    try:
        con.execute("SET enable_external_access = false")
        for statement in statements[:-1]:
            con.execute(statement.query)
        cursor = con.execute(statements[-1].query)
        columns = [column[0] for column in cursor.description or []]
        return QueryResult(columns, cursor.fetchall())
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc


def filter_events(store: EventStore, wanted: EventFilter) -> QueryResult:
    """Merged events matching the filters, newest first, then by id."""
    wanted.check()
    clauses, params = _where(wanted)
    sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
           + (" WHERE " + " AND ".join(clauses) if clauses else "")
           + " ORDER BY date DESC NULLS LAST, global_event_id")
    if wanted.limit is not None:
        sql += f" LIMIT {int(wanted.limit)}"
    try:
        cursor = store.connection.execute(sql, params)
        return QueryResult(list(EVENT_COLUMNS), cursor.fetchall())
    except duckdb.Error as exc:
        raise StoreError(f"cannot read events from {store.path}: {exc}") from exc


def _where(wanted: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for column, prefix in (("source_code", wanted.actor), ("target_code", wanted.target)):
        if prefix is not None:
            clauses.append(f"starts_with({column}, ?)")
            params.append(prefix.upper())
    exact = (("date >= ?", wanted.since), ("date <= ?", wanted.until),
             ("cameo_root = ?", wanted.root), ("plover = ?", wanted.plover))
    for clause, value in exact:
        if value is not None:
            clauses.append(clause)
            params.append(value.upper() if clause.startswith("plover") else value)
    if wanted.cameo is not None:
        clauses.append("starts_with(cameo, ?)")
        params.append(wanted.cameo)
    if wanted.country is not None:
        # A merged event can gather mentions placed apart; any of them counts.
        clauses.append("event_key IN (SELECT event_key FROM mentions "
                       "WHERE location_country = ?)")
        params.append(wanted.country.upper())
    return clauses, params
