"""`eventwire evaluate`: score the coder against a gold set. Register with
`app.command()(evaluate)` in cli.py."""

from __future__ import annotations

import dataclasses
import datetime
import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

import eventwire
from eventwire.evaluate import DEV_SETS, evaluate_set, load_coder, render_markdown, to_json
from eventwire.evaluate.diagnose import error_patterns
from eventwire.evaluate.records_eval import evaluate_records, is_records_gold, render_records
from eventwire.evaluate.records_gold import SIZE_FIELDS
from eventwire.evaluate.report import measures
from eventwire.evaluate.run import SetEvaluation, custom_dev_set, register_dev_set
from eventwire.events.conventions import CONVENTIONS


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def evaluate(
    dataset: Annotated[str, typer.Argument(
        help=f"A development set ({', '.join(DEV_SETS)}) or a gold file: PETRARCH .xml, "
             "PLOVER .jsonl or sentence-label .tsv, or a folder holding one; or the "
             "size and context gold folder (tests/gold/records).")],
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="table, json, markdown or html.")] = ReportFormat.table,
    errors: Annotated[int, typer.Option(
        "--errors", help="How many error patterns and worst records to show.")] = 10,
    own_dictionaries: Annotated[bool, typer.Option(
        "--own-dictionaries",
        help="Code a PETRARCH .xml with the dictionaries its <Environment> names, "
             "read from the file's folder (as the unit tests need).")] = False,
    eval_dir: Annotated[Path | None, typer.Option(
        "--eval-dir", help="Folder of the development sets (default ../shared/eval).")] = None,
    conventions: Annotated[str | None, typer.Option(
        "--conventions", help="Code under these conventions (eventwire, petrarch2) instead "
                              "of the set's own: petrarch2 for PETRARCH records, else "
                              "eventwire.")] = None,
) -> None:
    """Score the coder against gold data: P/R/F1, confusion, and the errors behind them.

    Example: eventwire evaluate plover --errors 5
    Example: eventwire evaluate my_gold.xml --own-dictionaries
    Example: eventwire evaluate petrarch2_gsr --conventions eventwire
    Example: eventwire evaluate tests/gold/records   (sizes and contexts)
    """
    console = Console(stderr=True)
    if is_records_gold(Path(dataset)):
        _records(Path(dataset), output_format, errors, console)
        return
    try:
        name = _set_name(dataset, own_dictionaries, conventions)
        dev_set = DEV_SETS[name]
        evaluation = evaluate_set(name, load_coder(dev_set.coder, eval_dir, dev_set), eval_dir)
    except (OSError, KeyError, ValueError) as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    _print(evaluation, output_format, errors)


def _records(folder: Path, output_format: ReportFormat, errors: int, console: Console
             ) -> None:
    """Score the size and context gold folder (evaluate/records_eval.py)."""
    try:
        scores = evaluate_records(folder)
    except (OSError, ValueError) as err:
        console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    if output_format is ReportFormat.json:
        figures = {"counts": {name: scores.accuracy(name) for name in SIZE_FIELDS},
                   "invented_rate": scores.invented_rate,
                   "context_micro_f1": {k: v[2] for k, v in scores.contexts.items()}}
        typer.echo(json.dumps(figures, indent=1))
    else:
        typer.echo(render_records(scores, errors))


def _set_name(dataset: str, own_dictionaries: bool, conventions: str | None) -> str:
    if conventions is not None and conventions not in CONVENTIONS:
        raise ValueError(f"No coding conventions {conventions!r}; "
                         f"available: {', '.join(CONVENTIONS)}")
    if dataset in DEV_SETS and not own_dictionaries:
        if conventions is None or conventions == DEV_SETS[dataset].conventions:
            return dataset
        return register_dev_set(dataclasses.replace(
            DEV_SETS[dataset], name=f"{dataset} ({conventions})", conventions=conventions))
    path = _gold_file(Path(dataset))
    return register_dev_set(custom_dev_set(path, own_dictionaries, conventions))


GOLD_SUFFIXES = (".xml", ".jsonl", ".tsv")


def _gold_file(path: Path) -> Path:
    """``path``, or the one gold file in the folder ``path`` names."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise ValueError(f"{path}: neither a development set ({', '.join(DEV_SETS)}) "
                         "nor a file")
    found = sorted(p for p in path.iterdir() if p.suffix in GOLD_SUFFIXES and p.is_file())
    if len(found) != 1:
        listed = ", ".join(p.name for p in found) or "none"
        raise ValueError(f"{path}: a folder must hold one gold file ({', '.join(GOLD_SUFFIXES)}); "
                         f"it holds {listed}")
    return found[0]


def _print(evaluation: SetEvaluation, output_format: ReportFormat, limit: int) -> None:
    today, version = datetime.date.today().isoformat(), eventwire.__version__
    patterns = error_patterns(evaluation.dev_set.kind, evaluation.scores, limit)
    if output_format is ReportFormat.json:
        figures = to_json([evaluation], date=today, version=version)
        figures["error_patterns"] = [p.__dict__ | {"sentence": p.sentence()} for p in patterns]
        typer.echo(json.dumps(figures, indent=1, ensure_ascii=False, default=list))
        return
    markdown = render_markdown([evaluation], date=today, version=version)
    notes = "\n".join(f"- {p.sentence()}" for p in patterns)
    if output_format is ReportFormat.markdown:
        typer.echo(markdown + "\n## Error patterns\n\n" + notes)
    elif output_format is ReportFormat.html:
        typer.echo(_html(markdown, notes))
    else:
        _table(evaluation, patterns)


def _table(evaluation: SetEvaluation, patterns) -> None:
    console = Console()
    table = Table(title=f"{evaluation.name}: {evaluation.scores.records} records")
    for column in ("measure", "value", "target"):
        table.add_column(column)
    for measure in measures(evaluation):
        table.add_row(measure.label, measure.display, measure.target_display)
    console.print(table)
    console.print("[bold]Error patterns[/bold]")
    for pattern in patterns:
        console.print(f"- {pattern.sentence()}", markup=False, highlight=False)


def _html(markdown: str, notes: str) -> str:
    """A standalone page: the Markdown report in a <pre>, escaped."""
    from html import escape

    return ("<!doctype html><meta charset='utf-8'><title>eventwire evaluation</title>"
            f"<pre>{escape(markdown)}</pre><h2>Error patterns</h2><pre>{escape(notes)}</pre>")
