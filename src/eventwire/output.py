"""Writing events for people and programs: JSON lines, CSV and a terminal table."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from eventwire.schema import Event

CSV_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "date", "event_date", "source_code", "source_text",
    "source_antecedent", "source_antecedent_start", "source_antecedent_end",
    "target_code", "target_text",
    "target_antecedent", "target_antecedent_start", "target_antecedent_end",
    "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover", "plover_mode",
    "trigger", "trigger_start", "trigger_end",
    "is_root", "modality", "rule", "sentence",
    # Issue 15: size and context as flat columns (contexts joined by ';').
    "dead", "injured", "arrested", "size_approximate", "context", "context_article",
    "aux_mode",
    *(f"location_{name}" for name in ("name", "country", "admin1", "lat", "lon", "geonameid",
                                      "feature", "basis", "text", "start", "end")),
)


def flat_row(event: Event) -> dict[str, object]:
    """One event as a flat row, codes kept as strings."""
    data = event.model_dump()
    for role in ("source", "target"):
        actor = data.pop(role) or {}
        data[f"{role}_code"] = actor.get("code")
        data[f"{role}_text"] = actor.get("text")
        antecedent = actor.get("antecedent") or {}
        data[f"{role}_antecedent"] = antecedent.get("text")
        data[f"{role}_antecedent_start"] = antecedent.get("start")
        data[f"{role}_antecedent_end"] = antecedent.get("end")
    for name, value in (data.pop("location") or {}).items():
        data[f"location_{name}"] = value
    trigger = data.pop("trigger")
    data.update(trigger=trigger["text"], trigger_start=trigger["start"],
                trigger_end=trigger["end"])
    data.update(size_columns(event))
    return {column: data.get(column) for column in CSV_COLUMNS}


def size_columns(event: Event) -> dict[str, object]:
    """Size and context flattened: one column per count, contexts joined by ';' (those
    of the sentence in ``context``, those only of the article in ``context_article``)."""
    size = event.size
    return {
        "dead": size.dead if size else None,
        "injured": size.injured if size else None,
        "arrested": size.arrested if size else None,
        "size_approximate": ";".join(size.approximate) if size else None,
        "context": ";".join(c.name for c in event.context if c.source == "sentence"),
        "context_article": ";".join(c.name for c in event.context if c.source == "article"),
    }


def write_jsonl(events: Iterable[Event], stream: TextIO) -> None:
    for event in events:
        stream.write(event.model_dump_json() + "\n")


class CsvWriter:
    """CSV with one header, however many batches of events are written."""

    def __init__(self, stream: TextIO):
        self._writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        self._writer.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        self._writer.writerows(flat_row(event) for event in events)


def table_console(stream: TextIO) -> Console:
    """A console for the table: the terminal's width, or a wide page when piped."""
    return Console(file=stream, width=None if stream.isatty() else 140)


def print_table(events: list[Event], console: Console) -> None:
    """A readable table: who did what to whom, where, and from which word."""
    table = Table(title=f"{len(events)} events", show_lines=False)
    for column in ("doc", "date", "source", "CAMEO", "target", "PLOVER", "Goldstein",
                   "trigger", "where", "note"):
        table.add_column(column, no_wrap=True, overflow="ellipsis")
    for event in events:
        table.add_row(
            event.doc_id, event.date or "", _code(event.source), event.cameo,
            _code(event.target), event.plover or "",
            "" if event.goldstein is None else f"{event.goldstein:+.1f}",
            event.trigger.text, _where(event),
            event.modality or ("main" if event.is_root else ""))
    console.print(table)


def _where(event: Event) -> str:
    """'Tripoli LBN': the place and its country."""
    place = event.location
    return f"{place.name} {place.country or ''}".strip() if place else ""


def _code(actor) -> str:
    return actor.code if actor else "-"
