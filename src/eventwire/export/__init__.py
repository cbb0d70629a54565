"""Exporters: the store written as GDELT, ICEWS, Phoenix, PLOVER, Parquet or CSV.

    with open_reader("events.duckdb") as store:
        summary = export(store, "gdelt", Path("events.tsv"))

Each format is one module; `FORMATS` names them, and an unknown name is an
error that lists them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from eventwire.export import gdelt, icews, phoenix, plover, tabular
from eventwire.store import EventStore, StoreError

FORMATS = ("gdelt", "icews", "phoenix", "plover", "parquet", "csv")
_TSV = {"gdelt": gdelt, "icews": icews, "phoenix": phoenix}


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: records, and records skipped with the reason."""

    written: int
    skipped: int = 0
    skipped_reason: str = ""


def export(store: EventStore, fmt: str, output: Path | None = None,
           header: bool | None = None, table: str = "mentions") -> ExportSummary:
    """Write the store in format `fmt` to `output` (stdout when None).

    `header` None keeps the format's own convention: ICEWS and CSV files have a
    header line, GDELT and Phoenix files do not. `table` picks what Parquet and
    CSV write: "mentions" or "events".
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise StoreError("parquet export needs --output FOLDER")
        return ExportSummary(tabular.write_parquet(store, output, table))
    if fmt == "csv" and output is not None:
        wanted = True if header is None else header
        return ExportSummary(tabular.write_csv_file(store, output, table, wanted))
    if output is not None and not output.resolve().parent.is_dir():
        raise StoreError(f"cannot write {output}: folder {output.resolve().parent} "
                         "does not exist")
    if output is None:
        return _write(store, fmt, sys.stdout, header, table)
    with output.open("w", encoding="utf-8", newline="") as stream:
        return _write(store, fmt, stream, header, table)


def _write(store: EventStore, fmt: str, stream: TextIO, header: bool | None,
           table: str) -> ExportSummary:
    if fmt == "plover":
        summary = plover.write(store, stream)
        return ExportSummary(summary.written, summary.skipped,
                             "CAMEO code has no PLOVER event type")
    if fmt == "csv":
        return ExportSummary(tabular.write_csv(store, stream, table,
                                               True if header is None else header))
    module = _TSV[fmt]
    wanted = module.HEADER_BY_DEFAULT if header is None else header
    return ExportSummary(module.write(store, stream, wanted))


__all__ = ["FORMATS", "ExportSummary", "export"]
