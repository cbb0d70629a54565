"""One ingest run: read sources, drop copies, code what is new, and store it.

    read -> date -> skip if already coded -> dedupe -> code (N workers) -> save

Every step for one article (dating, fingerprinting, the already-coded check,
coding, saving) runs through `failures.contained`: whatever it raises is that
article's error, recorded in `errors`, and the run goes on.

Each article is saved in its own transaction as soon as it is coded, so killing
the run loses at most the articles in flight, and running it again codes
exactly those: articles stored with the same text are skipped (unless
`recode`), copies are recognised again, and an error already recorded is not
recorded twice.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import spacy
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventwire import nlp
from eventwire.dictionaries import find_overlays, load_dictionaries
from eventwire.engine import CodingFailure, EngineError, LocalEngine
from eventwire.events.conventions import CONVENTIONS
from eventwire.failures import contained
from eventwire.ingest import ReadError, normalize_date, read_inputs
from eventwire.ingest.dates import date_from_text
from eventwire.ingest.dedup import (
    DEFAULT_THRESHOLD,
    DuplicateIndex,
    Fingerprint,
    SignatureTable,
    fingerprint,
)
from eventwire.ingest.feeds import FetchPolicy
from eventwire.ingest.readers import STDIN, URL_SCHEMES
from eventwire.schema import Article
from eventwire.store import EventStore, StoreError

# Fingerprints are saved in batches: an article whose fingerprint a kill lost is
# fingerprinted again when the next run skips it as already coded.
SIGNATURE_BATCH = 64


class IngestError(Exception):
    """The run cannot start: a bad option, model or store. The message says how to fix it."""


@dataclass
class IngestRun:
    """What to ingest and how."""

    sources: list[str]
    db: Path
    workers: int = 1
    recode: bool = False
    model: str = nlp.DEFAULT_MODEL
    date: str | None = None
    threshold: float = DEFAULT_THRESHOLD
    dictionaries: list[Path] = field(default_factory=list)  # overlays, see dictionaries/
    conventions: str = "eventwire"  # or "petrarch2": see events/conventions.py
    keep_negated: bool = False  # negated events kept, with aux_mode "negated"
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


@dataclass
class IngestSummary:
    """What one run did; `errors` counts both unreadable and uncodable articles, `notes`
    the coded articles the coder did less than usual for (kept in `errors` too)."""

    coded: int = 0
    events: int = 0
    already_coded: int = 0
    duplicates: int = 0
    errors: int = 0
    notes: int = 0

    @property
    def seen(self) -> int:
        return self.coded + self.already_coded + self.duplicates + self.errors

    def __str__(self) -> str:
        return (f"{self.seen} articles: {self.coded} coded ({self.events} events), "
                f"{self.already_coded} already coded, {self.duplicates} duplicates, "
                f"{self.errors} errors" + (f", {self.notes} notes" if self.notes else ""))


def run_ingest(run: IngestRun, console: Console, show_progress: bool = True) -> IngestSummary:
    """Ingest every source into the store at `run.db`; problems are printed and recorded."""
    date = _check(run)
    overlays = _overlays(run)
    try:
        store = EventStore(run.db)
    except StoreError as exc:
        raise IngestError(str(exc)) from exc
    progress = _progress(console, show_progress)
    try:
        with store, progress, LocalEngine(run.model, run.workers, overlays=overlays,
                                             conventions=run.conventions,
                                             keep_negated=run.keep_negated) as engine:
            ingest = _Ingest(run, store, progress, console)
            task = progress.add_task("ingest", total=estimate_articles(run.sources), events=0)
            ingest.task = task
            articles = read_inputs(run.sources, default_date=date, fetch=run.fetch)
            try:
                for article, result in engine.code(ingest.to_code(articles)):
                    ingest.finish(article, result)
            finally:
                ingest.flush()
    except (StoreError, EngineError) as exc:
        raise IngestError(str(exc)) from exc
    except duckdb.Error as exc:  # the dedup tables live in the same file
        raise IngestError(f"cannot write to event store {run.db}: {exc}") from exc
    return ingest.summary


@dataclass
class _Ingest:
    """The state of one run, shared by the reading side and the saving side."""

    run: IngestRun
    store: EventStore
    progress: Progress
    console: Console
    task: int = 0
    summary: IngestSummary = field(default_factory=IngestSummary)
    pending: dict[str, Fingerprint] = field(default_factory=dict)
    unsaved: list[Fingerprint] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.signatures = SignatureTable(self.store.connection)
        self.index: DuplicateIndex = self.signatures.load(self.run.threshold)
        rows = self.store.connection.execute("SELECT path, line, message FROM errors")
        self.recorded = set(rows.fetchall())

    def to_code(self, items: Iterable[Article | ReadError]) -> Iterator[Article]:
        """The articles that need coding; the rest are counted, and recorded where useful."""
        for item in items:
            admitted = item if isinstance(item, ReadError) else self._admit(item)
            if isinstance(admitted, ReadError):
                self.error(admitted)
            elif admitted is not None:
                yield admitted

    def _admit(self, article: Article) -> Article | ReadError | None:
        """The article if it needs coding, None if it is counted, or why it failed."""
        return contained(lambda: self._check_new(article),
                         lambda message: ReadError(article.id, None, f"cannot ingest: {message}"))

    def _check_new(self, article: Article) -> Article | None:
        article = article if article.date else _dated(article)
        found = fingerprint(article, self.index.num_perm)
        if not self.run.recode and self.store.is_coded(article):
            if found.doc_id not in self.index:  # stored by a run killed before this
                self.index.add(found)
                self._keep(found)
            self.summary.already_coded += 1
            self._advance()
            return None
        duplicate = self.index.check(found)
        if duplicate is not None:
            self.signatures.record(duplicate)
            self.summary.duplicates += 1
            self._advance()
            return None
        self.index.add(found)  # now, so a copy later in this run is caught
        self.pending[article.id] = found
        return article

    def finish(self, article: Article, result: list | CodingFailure) -> None:
        """Save one coded article (its own transaction), or record why it failed."""
        found = self.pending.pop(article.id)
        if isinstance(result, CodingFailure):
            self.error(ReadError(article.id, None, f"coding failed: {result.message}"))
            return
        # e.g. the coder gave two events one id: this article only
        failure = contained(lambda: self.store.save(article, result), lambda message: message)
        if failure is not None:
            self.error(ReadError(article.id, None, f"cannot store: {failure}"))
            return
        self._keep(found)
        self.summary.coded += 1
        self.summary.events += len(result)
        for note in getattr(result, "notes", []):  # e.g. a sentence cut by the length cap
            self.summary.notes += 1
            self._record(ReadError(article.id, None, f"note: {note}"), "note")
        self._advance()

    def error(self, error: ReadError) -> None:
        self.summary.errors += 1
        self._record(error, "error")
        self._advance()

    def _record(self, error: ReadError, kind: str) -> None:
        """Print and keep it in `errors`, once: a re-run does not record it again."""
        self.console.print(f"{kind}: {error}", markup=False, highlight=False)
        key = (error.path, error.line, error.message)
        if key not in self.recorded:
            self.store.record_error(error)
            self.recorded.add(key)

    def _keep(self, found: Fingerprint) -> None:
        self.unsaved.append(found)
        if len(self.unsaved) >= SIGNATURE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Save the fingerprints of stored articles; one lost to a kill is rebuilt on resume."""
        self.signatures.save(self.unsaved)
        self.unsaved.clear()

    def _advance(self) -> None:
        self.progress.update(self.task, advance=1, events=self.summary.events)


def estimate_articles(sources: Iterable[str]) -> int | None:
    """How many articles the local files hold, for the ETA; None if it cannot be told.

    JSONL lines are counted; a text or HTML file is one article. Feeds, WARC
    archives and stdin cannot be counted without reading them, so their
    presence makes the estimate None and the bar shows no ETA.
    """
    total = 0
    for source in sources:
        if source == STDIN or source.lower().startswith(URL_SCHEMES):
            return None
        paths = [source] if not os.path.isdir(source) else sorted(
            os.path.join(folder, name) for folder, _, names in os.walk(source)
            for name in names if not name.startswith("."))
        for path in paths:
            counted = _count_file(path)
            if counted is None:
                return None
            total += counted
    return total


def _count_file(path: str) -> int | None:
    name = path.lower()
    try:
        if name.endswith(".jsonl.gz"):
            with gzip.open(path, "rb") as lines:
                return sum(1 for line in lines if line.strip())
        if name.endswith(".jsonl"):
            with open(path, "rb") as lines:
                return sum(1 for line in lines if line.strip())
    except (OSError, EOFError):
        return 1
    if name.endswith((".txt", ".html", ".htm")):
        return 1
    if name.endswith((".xml", ".rss", ".atom", ".warc", ".warc.gz")):
        return None
    return 0


def _dated(article: Article) -> Article:
    """The article with the date its opening gives, if it has no date of its own."""
    found = date_from_text(article.text)
    return article.model_copy(update={"date": found}) if found else article


def _overlays(run: IngestRun) -> list[Path]:
    """The overlay dictionaries named by --dict or the config file, checked before coding."""
    try:
        overlays = find_overlays(run.dictionaries)
        if overlays:
            load_dictionaries(overlays)  # a broken overlay fails here, not in every worker
        return overlays
    except ValueError as exc:
        raise IngestError(str(exc)) from exc


def _check(run: IngestRun) -> str | None:
    if run.workers < 1:
        raise IngestError(f"--workers must be at least 1, not {run.workers}")
    if run.conventions not in CONVENTIONS:
        raise IngestError(f"no coding conventions {run.conventions!r}; "
                          f"available: {', '.join(CONVENTIONS)}")
    if not 0 < run.threshold <= 1:
        raise IngestError(f"the duplicate threshold must be in (0, 1], not {run.threshold}")
    if not (spacy.util.is_package(run.model) or Path(run.model).is_dir()):
        raise IngestError(f"cannot load the spaCy model {run.model!r}: install it as a "
                          f"package or pass the path of a pipeline folder")
    try:
        return normalize_date(run.date) if run.date else None
    except ValueError as exc:
        raise IngestError(f"--date: {exc}") from exc


class _RateColumn(ProgressColumn):
    """Articles per second, from rich's moving average."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("- articles/s" if speed is None else f"{speed:,.1f} articles/s")


def _progress(console: Console, show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TextColumn("{task.fields[events]:,} events"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(),
        console=console, disable=not show)
