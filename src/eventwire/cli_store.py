# Registered in cli.py: app.command()(query); app.command()(events); app.command()(export)
"""Commands that read the store: `query`, `events` and `export`; each parses and delegates."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.export import FORMATS
from eventwire.export import export as export_store
from eventwire.store import StoreError
from eventwire.store.queries import (
    EventFilter,
    QueryLimits,
    QueryResult,
    filter_events,
    open_reader,
    run_sql,
)

_LIMITS = QueryLimits()

DEFAULT_DB = Path("eventwire.duckdb")
errors = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store to read.")]


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
FormatOption = Annotated[ResultFormat, typer.Option("--format", "-f", help="How to print rows.")]


def query(
    sql: Annotated[str, typer.Argument(help="SQL to run; only reading statements are allowed.")],
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = ResultFormat.table,
    max_rows: Annotated[int, typer.Option(
        "--max-rows", help="Rows to print at most; more are cut, with a note.")] = _LIMITS.rows,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds before the query is stopped.")] = _LIMITS.seconds,
    memory: Annotated[str, typer.Option(
        "--memory", help="Memory the query may use, e.g. 512MB.")] = _LIMITS.memory,
    threads: Annotated[int, typer.Option(
        "--threads", help="Threads the query may use.")] = _LIMITS.threads,
) -> None:
    """Run read-only SQL on the store (tables: articles, mentions, events, actors, errors).

    Only reading statements run (SELECT, EXPLAIN, PIVOT, read-only PRAGMAs), within
    limits of rows, time, memory and threads (docs/STORE.md).

    Example: eventwire query "SELECT cameo_root, count(*) FROM mentions GROUP BY 1" --format csv
    """
    limits = QueryLimits(memory=memory, threads=threads, seconds=timeout, rows=max_rows)
    _run(lambda: _read(db, lambda store: run_sql(store, sql, limits)), output_format)


def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Source actor code or prefix: ISR matches ISRGOV.")] = None,
    target: Annotated[str | None, typer.Option(
        "--target", help="Target actor code or prefix.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Last date, YYYY-MM-DD.")] = None,
    root: Annotated[str | None, typer.Option(
        "--root", help="CAMEO cue category, 01-20.")] = None,
    cameo: Annotated[str | None, typer.Option(
        "--cameo", help="CAMEO code or prefix, e.g. 042.")] = None,
    plover: Annotated[str | None, typer.Option(
        "--plover", help="PLOVER event type, e.g. CONSULT.")] = None,
    context: Annotated[str | None, typer.Option(
        "--context", help="PLOVER context found in the event's sentence, e.g. election.")
    ] = None,
    min_dead: Annotated[int | None, typer.Option(
        "--min-dead", help="At least this many killed.")] = None,
    min_injured: Annotated[int | None, typer.Option(
        "--min-injured", help="At least this many injured.")] = None,
    min_arrested: Annotated[int | None, typer.Option(
        "--min-arrested", help="At least this many arrested.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="Where it happened: ISO 3166 alpha-3 country, e.g. PSE.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 1000,
    output_format: FormatOption = ResultFormat.table,
) -> None:
    """List merged events (one per date, source, target and CAMEO code) with common filters.

    Example: eventwire events --actor ISR --target USA --since 2024-03-01 --root 11
    Example: eventwire events --context election --min-dead 10
    Example: eventwire events --country UKR --root 19
    """
    wanted = EventFilter(actor=actor, target=target, since=since, until=until,
                         root=_root(root), cameo=cameo, plover=plover, context=context,
                         min_dead=min_dead, min_injured=min_injured,
                         min_arrested=min_arrested, country=country, limit=limit)
    _run(lambda: _read(db, lambda store: filter_events(store, wanted)), output_format)


def export(
    export_format: Annotated[ExportFormat, typer.Option(  # type: ignore[valid-type]
        "--format", "-f", help="Output format.")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (a folder for parquet); stdout if omitted.")] = None,
    header: Annotated[bool | None, typer.Option(
        "--header/--no-header",
        help="Header line; default: yes for icews and csv, no for gdelt and phoenix.")] = None,
    table: Annotated[str, typer.Option(
        "--table", help="For parquet and csv: mentions or events.")] = "mentions",
) -> None:
    """Export the store as GDELT 2.0, ICEWS, Phoenix, PLOVER JSONL, Parquet or CSV.

    Example: eventwire export --format gdelt --db eventwire.duckdb --output events.tsv
    """
    fmt = export_format.value
    try:
        with open_reader(db) as store:
            summary = export_store(store, fmt, output, header, table)
    except (StoreError, OSError) as err:
        errors.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    note = f"; skipped {summary.skipped} ({summary.skipped_reason})" if summary.skipped else ""
    where = f" to {output}" if output else ""
    errors.print(f"exported {summary.written} {fmt} records{where}{note}",
                 markup=False, highlight=False)


def _root(root: str | None) -> str | None:
    # "--root 4" means cue category "04": the shell gives no way to keep the zero.
    return root.zfill(2) if root is not None and root.isdigit() else root


def _read(db: Path, action: Any) -> QueryResult:
    with open_reader(db) as store:
        return action(store)


def _run(produce: Any, output_format: ResultFormat) -> None:
    try:
        result = produce()
    except StoreError as err:
        errors.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    print_result(result, output_format)
    if result.truncated:
        errors.print(f"note: only the first {len(result.rows):,} rows are shown; raise "
                     f"--max-rows or narrow the query", markup=False, highlight=False)


def print_result(result: QueryResult, output_format: ResultFormat) -> None:
    """Rows to stdout as a table, CSV or JSON lines; values keep their SQL types."""
    if output_format is ResultFormat.jsonl:
        for record in result.records():
            sys.stdout.write(json.dumps(record, default=_json_value, ensure_ascii=False) + "\n")
    elif output_format is ResultFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if value is None else value for value in row]
                         for row in result.rows)
    else:
        table = Table(title=f"{len(result.rows)} rows")
        for column in result.columns:
            table.add_column(column)
        for row in result.rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        Console(soft_wrap=False).print(table)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)
