"""Read-only queries over a store, shared by the CLI and the web app.

    with open_reader("events.duckdb") as store:
        result = run_sql(store, "SELECT cameo_root, count(*) FROM mentions GROUP BY 1")
        result = filter_events(store, EventFilter(actor="ISR", root="19"))
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.context.names import CONTEXTS
from eventwire.store.duck import EventStore, StoreError, StoreNeedsUpgrade

# What a reader may run: an allow-list, since a type can hide other statements
# (DuckDB classes IMPORT DATABASE as a PRAGMA, and PRAGMA threads=8 as a SET).
# SELECT covers DESCRIBE, SHOW, SUMMARIZE, FROM-first and UNPIVOT; PIVOT is parsed
# as several statements (MULTI) and is allowed by its first word.
_READ_STATEMENTS = {"SELECT", "EXPLAIN"}
_READ_PRAGMAS = {"table_info", "show_tables", "show_tables_expanded", "show", "database_size",
                 "storage_info", "version", "platform", "database_list", "functions",
                 "collations", "metadata_info"}
_ALLOWED = "SELECT, EXPLAIN, PIVOT, and PRAGMA " + ", ".join(sorted(_READ_PRAGMAS))
_LEADING_COMMENTS = re.compile(r"^(\s+|--[^\n]*(\n|$)|/\*.*?\*/)*", re.DOTALL)
_FIRST_WORDS = re.compile(r"(\w+)\s*(\w*)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
EVENT_COLUMNS = (
    "global_event_id", "date", "source_code", "target_code", "cameo", "cameo_name",
    "goldstein", "quad_class", "plover", "num_mentions", "num_sources", "num_articles",
    "source_url",
)
# Issue 15: a merged event's counts are the largest its mentions give (mentions restate
# one toll; adding them would count it twice), its contexts those of any mention's sentence.
SIZE_COLUMNS = ("dead", "injured", "arrested", "context")
_SIZES = """(SELECT event_key, max(dead) AS dead, max(injured) AS injured,
    max(arrested) AS arrested, list_sort(list_distinct(flatten(list(context)))) AS context
    FROM mentions GROUP BY event_key) s"""


@dataclass(frozen=True)
class QueryLimits:
    """What one `run_sql` call may use, for a local user and, later, a web API.

    The settings are made on the connection and then locked, so no statement can
    change them; the connection then serves queries only.
    """

    memory: str = "2GB"  # DuckDB's memory_limit; over it, the query fails
    threads: int = 2
    seconds: float = 60.0  # then the query is interrupted
    rows: int = 100_000  # rows returned; more are cut and `truncated` is set

    def check(self) -> None:
        if self.rows < 1:
            raise StoreError(f"rows must be at least 1, not {self.rows}")
        if self.threads < 1:
            raise StoreError(f"threads must be at least 1, not {self.threads}")
        if not self.seconds > 0:
            raise StoreError(f"seconds must be positive, not {self.seconds}")
        _size(self.memory)


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of one query, in order; `truncated` if rows were cut."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False

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
    context: str | None = None
    min_dead: int | None = None
    min_injured: int | None = None
    min_arrested: int | None = None
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
        if self.context is not None and self.context not in CONTEXTS:
            raise StoreError(f"--context {self.context!r} is not a PLOVER context; "
                             f"choose from {', '.join(CONTEXTS)}")
        for name in ("min_dead", "min_injured", "min_arrested"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise StoreError(f"--{name.replace('_', '-')} must be 0 or more, got {value}")
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


def run_sql(store: EventStore, sql: str, limits: QueryLimits | None = None) -> QueryResult:
    """Run one or more read statements; the result is the last one's.

    Only the statements in the allow-list run. The connection is read-only and,
    from here on, cannot touch other files (so `COPY ... TO`, `ATTACH` and
    `read_csv` are refused as well as writes) nor change its settings; the query
    runs within `limits` of memory, threads, time and rows.
    """
    limits = limits or QueryLimits()
    limits.check()
    con = store.connection
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"cannot parse the query: {exc}") from exc
    if not statements:
        raise StoreError("the query is empty")
    for statement in statements:
        refused = _refused(statement)
        if refused:
            raise StoreError(f"only reading is allowed here ({_ALLOWED}); "
                             f"the query has {refused}")
    _limit(con, limits)
    timer = threading.Timer(limits.seconds, con.interrupt)
    timer.start()
    try:
        for statement in statements[:-1]:
            con.execute(statement.query)
        cursor = con.execute(statements[-1].query)
        columns = [column[0] for column in cursor.description or []]
        rows = cursor.fetchmany(limits.rows + 1)
    except duckdb.InterruptException:
        raise StoreError(f"query stopped after {limits.seconds:g} s, the time limit") from None
    except duckdb.OutOfMemoryException:
        raise StoreError(f"query failed: it needs more memory than the limit of "
                         f"{limits.memory}; narrow it (WHERE, LIMIT) or aggregate") from None
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    finally:
        timer.cancel()
    return QueryResult(columns, rows[:limits.rows], truncated=len(rows) > limits.rows)


def _refused(statement: Any) -> str | None:
    """What makes a statement other than a read, or None if it is in the allow-list."""
    kind = statement.type.name
    text = _LEADING_COMMENTS.sub("", statement.query)
    words = _FIRST_WORDS.match(text)
    first, second = (words.group(1).upper(), words.group(2)) if words else ("", "")
    if kind in _READ_STATEMENTS or (kind == "MULTI" and first == "PIVOT"):
        return None
    if kind == "PRAGMA" and first == "PRAGMA" and second.lower() in _READ_PRAGMAS:
        return None
    if kind == "PRAGMA" and first == "PRAGMA":
        return f"PRAGMA {second}, which is not one that only reads"
    return f"a {kind} statement ({first} ...)" if first else f"a {kind} statement"


def _limit(con: duckdb.DuckDBPyConnection, limits: QueryLimits) -> None:
    """Set the limits and lock them; a connection already locked keeps its first ones."""
    locked = con.execute("SELECT current_setting('lock_configuration')").fetchone()
    if locked and locked[0]:
        return
    try:
        con.execute("SET temp_directory = ''")  # no spilling to disk past the memory limit
        con.execute("SET enable_external_access = false")
        con.execute(f"SET memory_limit = '{_size(limits.memory)}'")
        con.execute(f"SET threads = {int(limits.threads)}")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        raise StoreError(f"cannot set the query limits: {exc}") from exc


def _size(memory: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", memory.strip(), re.IGNORECASE):
        raise StoreError(f"memory must be a size such as 512MB or 2GB, not {memory!r}")
    return memory.strip()


def filter_events(store: EventStore, wanted: EventFilter) -> QueryResult:
    """Merged events matching the filters, newest first, then by id."""
    wanted.check()
    clauses, params = _where(wanted)
    columns = [f"e.{c}" for c in EVENT_COLUMNS] + [f"s.{c}" for c in SIZE_COLUMNS]
    sql = (f"SELECT {', '.join(columns)} FROM events e LEFT JOIN {_SIZES} USING (event_key)"
           + (" WHERE " + " AND ".join(clauses) if clauses else "")
           + " ORDER BY date DESC NULLS LAST, global_event_id")
    if wanted.limit is not None:
        sql += f" LIMIT {int(wanted.limit)}"
    try:
        cursor = store.connection.execute(sql, params)
        return QueryResult([*EVENT_COLUMNS, *SIZE_COLUMNS], cursor.fetchall())
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
    if wanted.context is not None:
        clauses.append("list_contains(s.context, ?)")
        params.append(wanted.context)
    for column in ("dead", "injured", "arrested"):
        least = getattr(wanted, f"min_{column}")
        if least is not None:
            clauses.append(f"s.{column} >= ?")
            params.append(least)
    if wanted.country is not None:
        # A merged event can gather mentions placed apart; any of them counts.
        clauses.append("event_key IN (SELECT event_key FROM mentions "
                       "WHERE location_country = ?)")
        params.append(wanted.country.upper())
    return clauses, params
