"""Command-line groups for dictionaries: ``actors``, ``verbs`` and ``dict``.

Each command parses its options and calls :mod:`eventwire.dictionaries`;
problems reach the user as ``file:line: message`` lines, never tracebacks.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire import dictionaries
from eventwire.dictionaries import lookup
from eventwire.dictionaries.load import BUNDLED, DictionarySet

actors_app = typer.Typer(help="Look up actors and agents in the dictionaries in force.",
                         no_args_is_help=True)
verbs_app = typer.Typer(help="Look up verbs and their patterns in the dictionaries in force.",
                        no_args_is_help=True)
dict_app = typer.Typer(help="Check, convert and compare dictionary files.", no_args_is_help=True)

_out = Console(soft_wrap=True, highlight=False, emoji=False)
_err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)

DictOption = Annotated[list[Path] | None, typer.Option(
    "--dict", help="An overlay dictionary (YAML, JSONL or TABARI) on top of the bundled ones; "
                   "repeatable. Adds to those named in ./eventwire.toml or ./eventwire.yaml.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _load(overlays: list[Path] | None) -> DictionarySet:
    """Bundled dictionaries plus overlays, or exit 1 with every problem as file:line."""
    try:
        return dictionaries.load_dictionaries(dictionaries.find_overlays(overlays or []))
    except dictionaries.DictionaryLoadError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


def _fail(message: str, code: int = 1) -> None:
    _err.print(message, markup=False)
    raise typer.Exit(code)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"error: --date {text!r} is not YYYY-MM-DD", 2)
        return None


def _report_overrides(found: DictionarySet) -> None:
    for line in found.overrides:
        _err.print(f"note: {line}", markup=False)


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[str, typer.Argument(help="A name as it appears in text.")],
    date: Annotated[str | None, typer.Option(
        "--date", help="Show the code on this date (YYYY-MM-DD); default: no date.")] = None,
    overlays: DictOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the entries for a name: every dated role, and the code on a date.

    Example: eventwire actors lookup "Netanyahu" --date 2024-03-26
    """
    day = _date(date)
    found = _load(overlays)
    _report_overrides(found)
    records = lookup.lookup_actor(found, name, day)
    if as_json:
        _out.print(json.dumps(records, ensure_ascii=False), markup=False)
    elif not records:
        _fail(f"no actor or agent is called {name!r} (dictionary {found.hash})")
    else:
        _out.print("\n\n".join(lookup.format_actor(r) for r in records), markup=False)


@verbs_app.command("lookup")
def verbs_lookup(
    phrase: Annotated[str, typer.Argument(help="A verb or multi-word verb, e.g. 'pull out'.")],
    overlays: DictOption = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every pattern.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Show the verb's block, code and patterns (most specific first).

    Example: eventwire verbs lookup "pull out"
    """
    found = _load(overlays)
    _report_overrides(found)
    records = lookup.lookup_verb(found.verbs, phrase)
    if as_json:
        _out.print(json.dumps(records, ensure_ascii=False), markup=False)
    elif not records:
        _fail(f"no verb {phrase!r} in the verb dictionary (dictionary {found.hash})")
    else:
        limit = None if show_all else 15
        _out.print("\n\n".join(lookup.format_verb(r, limit) for r in records), markup=False)


@dict_app.command("check")
def dict_check(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="[PATH...]", help="Dictionary files or folders; none: the bundled ones. "
                                  f"Start with '{BUNDLED}' to check files on top of them.")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings too.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print errors only.")] = False,
) -> None:
    """Validate dictionaries; print every problem as file:line: message.

    Exits 1 when there are errors (with --strict: any problem).

    Example: eventwire dict check my_overlay.yaml
    """
    problems = dictionaries.check_paths(paths or [])
    shown = [p for p in problems if not quiet or p.severity == "error"]
    for problem in shown:
        _out.print(str(problem), markup=False)
    errors = sum(p.severity == "error" for p in problems)
    _err.print(f"{errors} errors, {len(problems) - errors} warnings", markup=False)
    raise typer.Exit(1 if dictionaries.has_errors(problems, strict) else 0)


@dict_app.command("convert")
def dict_convert(
    source: Annotated[Path, typer.Argument(help="Input: TABARI .actors/.agents/.verbs, "
                                                "eventwire .jsonl or overlay .yaml.")],
    target: Annotated[Path, typer.Argument(help="Output; its suffix picks the format: "
                                                ".jsonl, .yaml, .actors, .agents, .verbs.")],
) -> None:
    """Convert a dictionary between TABARI text and eventwire's formats.

    Example: eventwire dict convert my.actors.txt my_actors.yaml
    """
    try:
        report = dictionaries.convert_file(source, target)
    except dictionaries.DictionaryLoadError as error:
        _fail(str(error))
        return
    for problem in report.problems:
        _err.print(f"{problem} (not converted)" if problem.severity == "error" else str(problem),
                   markup=False)
    for note in report.notes:
        _err.print(f"note: {note}", markup=False)
    _err.print(f"wrote {report.entries} {report.kind} entries to {target}", markup=False)


@dict_app.command("diff")
def dict_diff(
    old: Annotated[str, typer.Argument(help=f"Old set: a file, a folder, or '{BUNDLED}'.")],
    new: Annotated[str, typer.Argument(help="New set: a file, a folder, or "
                                            f"'{BUNDLED}+PATH' for bundled plus an overlay.")],
    as_json: JsonOption = False,
) -> None:
    """List what changed between two dictionary sets (+ added, - removed, ~ changed).

    Example: eventwire dict diff bundled bundled+my_overlay.yaml
    """
    sets = []
    for spec in (old, new):
        names = [BUNDLED, *spec.split("+", 1)[1:]] if spec.startswith(BUNDLED) else [spec]
        try:
            sets.append(dictionaries.load_named(names, strict=True))
        except dictionaries.DictionaryLoadError as error:
            _fail(str(error))
    changes = dictionaries.diff_sets(*sets)
    if as_json:
        _out.print(json.dumps([c.to_json() for c in changes], ensure_ascii=False), markup=False)
    else:
        for change in changes:
            _out.print(str(change), markup=False)
    _err.print(f"{len(changes)} changes; hashes {sets[0].hash} -> {sets[1].hash}", markup=False)
