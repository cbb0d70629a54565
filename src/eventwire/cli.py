"""The command line: thin functions that parse options and call the library."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire import nlp
from eventwire.events.conventions import Conventions
from eventwire.pipeline import CodingRun, run_coding

app = typer.Typer(
    help="eventwire: political event data (CAMEO, PLOVER) from news text.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
# soft_wrap: a long `path:line: message` stays one line that tools can grep.
errors = Console(stderr=True, soft_wrap=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


@app.callback()
def main() -> None:
    """eventwire: political event data (CAMEO, PLOVER) from news text."""


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Articles: .txt (one article), .jsonl (one per line), a folder, or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="How to print the events.")] = OutputFormat.jsonl,
    date: Annotated[str | None, typer.Option(
        "--date", help="Article date (YYYY-MM-DD) where the input gives none.")] = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Also store articles and events in this DuckDB file.")] = None,
    model: Annotated[str, typer.Option(
        "--model", help="spaCy pipeline: an installed package or a path.")] = nlp.DEFAULT_MODEL,
    dicts: Annotated[list[Path] | None, typer.Option(
        "--dict", help="Overlay dictionary (YAML, JSONL, TABARI) on top of the bundled ones; "
                       "repeatable. See docs/DICTIONARIES.md.")] = None,
    conventions: Annotated[Conventions, typer.Option(
        "--conventions", help="eventwire (CAMEO's codebook) or petrarch2 (as PETRARCH-2 "
                              "and the Phoenix data code: announced acts as acts, own "
                              "attacks told as claims). See docs/CODING.md.")
    ] = Conventions.eventwire,
    keep_negated: Annotated[bool, typer.Option(
        "--keep-negated", help="Keep negated events ('did not attack'), marked with the "
                               "PLOVER auxiliary mode 'negated'.")] = False,
    keep_auxiliary: Annotated[bool, typer.Option(
        "--keep-auxiliary", help="Keep hypothetical ('could attack') and historical "
                                 "('during World War Two') events, marked with their "
                                 "PLOVER auxiliary mode.")] = False,
) -> None:
    """Code news articles into events and print them, each with where it happened
    (`location`, from an offline gazetteer: docs/GEO.md).

    Example: eventwire code examples/*.txt --format table --db eventwire.duckdb
    Example: eventwire code news.jsonl --conventions petrarch2
    Example: eventwire code news.jsonl --keep-negated --format csv
    """
    run = CodingRun(inputs=inputs, output_format=output_format.value, date=date, db=db,
                    model=model, dictionaries=dicts or [], conventions=conventions.value,
                    keep_negated=keep_negated, keep_auxiliary=keep_auxiliary)
    try:
        failures = run_coding(run, sys.stdout, errors)
    except KeyboardInterrupt:
        errors.print("interrupted: what was stored so far is kept")
        raise typer.Exit(130) from None
    raise typer.Exit(1 if failures else 0)


# Reading the store: query, events, export (eventwire/cli_store.py).
from eventwire import cli_store  # noqa: E402

for _command in (cli_store.query, cli_store.events, cli_store.export):
    app.command()(_command)

# Filling the store from a corpus (eventwire/cli_ingest.py).
from eventwire.cli_ingest import ingest  # noqa: E402

app.command()(ingest)


# Dictionaries: lookup, check, convert, diff (eventwire/cli_dict.py).
from eventwire import cli_dict  # noqa: E402

app.add_typer(cli_dict.actors_app, name="actors")
app.add_typer(cli_dict.verbs_app, name="verbs")
app.add_typer(cli_dict.dict_app, name="dict")


# Scoring against gold data (eventwire/cli_evaluate.py).
from eventwire.cli_evaluate import evaluate  # noqa: E402

app.command()(evaluate)


if __name__ == "__main__":  # pragma: no cover
    app()
