"""``eventwire dict convert``: TABARI text to the project's formats and back.

The output format follows the output file name:

* ``.jsonl`` (or ``.jsonl.gz``): eventwire JSON Lines (actors, agents, or verbs
  with its header), what the packaged data uses;
* ``.yaml``/``.yml``: an overlay with ``actors:``/``agents:`` sections;
* ``.actors``, ``.agents``, ``.verbs`` or ``.txt``: PETRARCH/TABARI text.

Converting loses nothing the coder uses; what one format cannot say is
returned as notes (see :mod:`eventwire.dictionaries.tabari_write`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from eventwire.actors.convert import NameTokenizer
from eventwire.actors.entries import json_line, write_lines
from eventwire.dictionaries.problems import DictionaryLoadError, Problem
from eventwire.dictionaries.sources import SourceFile, read_source
from eventwire.dictionaries.tabari_write import actors_text, agents_text, verbs_text

TABARI_SUFFIXES = (".actors", ".agents", ".verbs", ".txt")


@dataclass
class ConvertReport:
    """What :func:`convert_file` wrote, and what the target format could not say."""

    kind: str
    entries: int
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def convert_file(source_path: Path, target: Path, tokenizer: NameTokenizer | None = None
                 ) -> ConvertReport:
    """Read ``source_path`` (any supported format) and write it as ``target`` says.

    Entries the reader had to skip are not converted; they are listed in
    ``problems`` for the caller to show. Raises :class:`DictionaryLoadError`
    when nothing could be read at all.
    """
    source = read_source(Path(source_path), tokenizer or NameTokenizer())
    if source.errors and source.verbs is None and not source.actors and not source.agents:
        raise DictionaryLoadError(source.errors)
    report = ConvertReport(source.kind, len(source.actors) + len(source.agents),
                           problems=source.problems)
    name = target.name.lower()
    content = "verbs" if source.verbs is not None else "agents" if source.agents else "actors"
    named = [kind for kind in ("actors", "agents", "verbs") if f".{kind}" in name]
    if named and named[0] != content:
        raise DictionaryLoadError([Problem(str(target), f"is named for {named[0]} but "
                                                        f"{source.path.name} holds {content}")])
    if name.endswith((".jsonl", ".jsonl.gz")):
        write_lines(target, _jsonl_lines(source, report))
    elif name.endswith((".yaml", ".yml")):
        _write_yaml(source, target, report)
    elif name.endswith(TABARI_SUFFIXES):
        target.write_text(_tabari(source, report), encoding="utf-8")
    else:
        raise DictionaryLoadError([Problem(str(target), "unknown output format: name it "
                                                        ".jsonl, .yaml, .actors, .agents "
                                                        "or .verbs")])
    return report


def _jsonl_lines(source: SourceFile, report: ConvertReport) -> list[str]:
    _only_one_kind(source)
    if source.verbs is not None:
        report.entries = len(source.verbs.blocks)
        return list(source.verbs.to_jsonl(source.path.name))
    _only_one_kind(source)
    return [json_line(e.to_json()) for e in [*source.actors, *source.agents]]


def _only_one_kind(source: SourceFile) -> None:
    kinds = [k for k, v in (("actors", source.actors), ("agents", source.agents),
                            ("verbs", source.verbs is not None)) if v]
    if len(kinds) > 1 and source.verbs is not None:
        raise DictionaryLoadError([Problem(str(source.path), f"holds {' and '.join(kinds)}; "
                                                             "JSONL and TABARI files hold one "
                                                             "kind: split the file first")])
    if source.actors and source.agents:
        raise DictionaryLoadError([Problem(str(source.path), "holds actors and agents; "
                                                             "JSONL and TABARI files hold one "
                                                             "kind: convert to .yaml")])


def _write_yaml(source: SourceFile, target: Path, report: ConvertReport) -> None:
    if source.verbs is not None:
        raise DictionaryLoadError([Problem(str(source.path), "verbs convert to .jsonl or "
                                                             ".verbs, not YAML")])
    data = {}
    if source.actors:
        data["actors"] = [e.to_json() for e in source.actors]
    if source.agents:
        data["agents"] = [e.to_json() for e in source.agents]
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                      encoding="utf-8")


def _tabari(source: SourceFile, report: ConvertReport) -> str:
    _only_one_kind(source)
    if source.verbs is not None:
        report.entries = len(source.verbs.blocks)
        return verbs_text(source.verbs)
    _only_one_kind(source)
    if source.agents:
        return agents_text(source.agents, report.notes)
    return actors_text(source.actors, report.notes)
