# Registered in cli.py with `app.command()(ingest)`.
"""`eventwire ingest`: a corpus into a deduplicated, resumable event store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire import nlp
from eventwire.events.conventions import Conventions
from eventwire.ingest.dedup import DEFAULT_THRESHOLD
from eventwire.ingest.feeds import FetchPolicy
from eventwire.ingest_run import IngestError, IngestRun, run_ingest

DEFAULT_DB = Path("eventwire.duckdb")


def ingest(
    sources: Annotated[list[str], typer.Argument(
        metavar="SOURCE...",
        help="Folders (walked recursively), .txt, .jsonl(.gz), .html, RSS/Atom feeds "
             "(.xml, .rss, .atom or an http(s) URL), .warc(.gz) archives, or - for stdin.")],
    db: Annotated[Path, typer.Option(
        "--db", help="The DuckDB event store to fill; created if missing.")] = DEFAULT_DB,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="Processes that parse and code articles.")] = 1,
    recode: Annotated[bool, typer.Option(
        "--recode", help="Code again the articles the store already holds.")] = False,
    date: Annotated[str | None, typer.Option(
        "--date", help="Article date (YYYY-MM-DD) where neither metadata nor text gives one."
    )] = None,
    model: Annotated[str, typer.Option(
        "--model", help="spaCy pipeline: an installed package or a path.")] = nlp.DEFAULT_MODEL,
    threshold: Annotated[float, typer.Option(
        "--similarity", help="Shingle similarity from which an article is a copy.")
    ] = DEFAULT_THRESHOLD,
    concurrency: Annotated[int, typer.Option(
        "--fetch-concurrency", min=1, help="Feed pages fetched at once.")] = 4,
    interval: Annotated[float, typer.Option(
        "--fetch-interval", min=0.0, help="Seconds between two requests to one host.")] = 0.5,
    timeout: Annotated[float, typer.Option(
        "--fetch-timeout", min=0.1, help="Seconds before a request is given up.")] = 15.0,
    retries: Annotated[int, typer.Option(
        "--fetch-retries", min=0, help="Retries of a failed request.")] = 3,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Show the progress bar on stderr.")] = True,
    dicts: Annotated[list[Path] | None, typer.Option(
        "--dict", help="Overlay dictionary on top of the bundled ones; repeatable.")] = None,
    conventions: Annotated[Conventions, typer.Option(
        "--conventions", help="eventwire (CAMEO's codebook) or petrarch2 (as PETRARCH-2 "
                              "and the Phoenix data code: announced acts as acts, own "
                              "attacks told as claims).")] = Conventions.eventwire,
    keep_negated: Annotated[bool, typer.Option(
        "--keep-negated", help="Keep negated events, marked with the PLOVER auxiliary mode "
                               "'negated' (articles already coded need --recode).")] = False,
) -> None:
    """Ingest a corpus: read, deduplicate, code and store; safe to stop and run again.

    Articles already in the store with the same text are skipped, so a killed run
    resumes where it stopped. Bad articles are printed as `file:line: message`
    and kept in the store's errors table; the run goes on.

    Example: eventwire ingest news/ https://example.com/world.rss --db news.duckdb --workers 2
    """
    errors = Console(stderr=True, soft_wrap=True)
    run = IngestRun(
        sources=sources, db=db, workers=workers, recode=recode, model=model, date=date,
        threshold=threshold, dictionaries=dicts or [], conventions=conventions.value,
        keep_negated=keep_negated,
        fetch=FetchPolicy(concurrency=concurrency, min_interval=interval, timeout=timeout,
                          retries=retries))
    try:
        summary = run_ingest(run, errors, show_progress=progress)
    except IngestError as exc:
        errors.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        errors.print("interrupted: what was stored is kept; run the same command to resume")
        raise typer.Exit(130) from None
    errors.print(f"ingested {summary}; stored in {db}", markup=False, highlight=False)
    raise typer.Exit(1 if summary.errors else 0)
