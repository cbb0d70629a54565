"""Reading one dictionary file of any supported kind into entries and problems.

Supported files, told apart by name and then by content:

* overlay YAML (``.yaml``/``.yml``) with ``actors:``, ``agents:``, ``verbs:``
  and ``synsets:`` sections (see docs/DICTIONARIES.md);
* eventwire JSON Lines: actors (records with ``roles``), agents (records with
  ``code`` and ``position``) or verbs (the ``eventwire-verbs`` header);
* PETRARCH/TABARI text: ``.actors``, ``.agents`` and ``.verbs`` files (a
  ``.txt`` verbs file such as CAMEO.2.0.txt is known by its block headers).

Nothing here raises on bad content: every problem comes back with
``file:line``; the caller decides whether it stops a load.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.convert import NameTokenizer, convert_actor_files, convert_agent_files
from eventwire.actors.entries import (
    ActorEntry,
    AgentEntry,
    DictionaryError,
    actor_from_json,
    agent_from_json,
    read_records,
)
from eventwire.actors.tabari import is_agents_file
from eventwire.dictionaries.problems import ERROR, WARNING, Problem
from eventwire.dictionaries.tabari_write import verbs_text
from eventwire.events import verbdict
from eventwire.events.verbdict import VerbDictionary

KINDS = ("actors", "agents", "verbs", "overlay")
ACTOR_KEYS = {"id", "names", "roles", "kind", "source", "note", "extend"}
AGENT_KEYS = {"id", "names", "code", "position", "source", "note"}
VERB_KEYS = {"verb", "forms", "code", "block", "patterns", "note"}
SECTIONS = {"actors", "agents", "verbs", "synsets"}
_LINE = "__line__"
_ITEM_LINES = "__lines__"


@dataclass
class SourceFile:
    """What one file contributes: entries in file order, and what was wrong with it.

    ``extend`` holds the ids of actors marked ``extend: true`` and
    ``extend_blocks`` the verb blocks an overlay adds to rather than replaces.
    """

    path: Path
    kind: str
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    verbs: VerbDictionary | None = None
    extend: set[str] = field(default_factory=set)
    extend_blocks: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def file_kind(path: Path) -> str:
    """``actors``, ``agents``, ``verbs`` or ``overlay`` (YAML with several sections)."""
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return "overlay"
    for kind in ("actors", "agents", "verbs"):
        if f".{kind}" in name:
            return kind
    if name.endswith((".jsonl", ".jsonl.gz", ".json")):
        return _jsonl_kind(path)
    head = path.read_text(encoding="utf-8", errors="replace")[:200_000]
    if re.search(r"^\s*---\s*\S.*\[[^\]]*\]\s*-*\s*$", head, re.MULTILINE):
        return "verbs"
    return "agents" if is_agents_file(path) else "actors"


def _jsonl_kind(path: Path) -> str:
    try:
        for _, record in read_records(path):
            if record.get("kind") == "header":
                return "verbs"
            return "actors" if "roles" in record else "agents"
    except DictionaryError:
        pass
    return "actors"


def read_source(path: Path, tokenizer: NameTokenizer, base_verbs: VerbDictionary | None = None
                ) -> SourceFile:
    """Everything in ``path``; ``base_verbs`` gives YAML verb entries their synsets and blocks."""
    path = Path(path)
    if not path.is_file():
        return SourceFile(path, "missing", problems=[Problem(str(path), "no such file")])
    try:
        kind = file_kind(path)
    except (OSError, UnicodeError) as error:
        return SourceFile(path, "unreadable", problems=[Problem(str(path), str(error))])
    source = SourceFile(path, kind)
    if kind == "overlay":
        _read_yaml(source, tokenizer, base_verbs)
    elif kind == "verbs":
        _read_verbs(source)
    elif path.name.endswith((".jsonl", ".jsonl.gz", ".json")):
        _read_jsonl(source, tokenizer)
    elif kind == "actors":
        conversion = convert_actor_files([path], tokenizer)
        source.actors = conversion.actors
        source.problems += [Problem(w.source, w.message) for w in conversion.warnings]
    else:
        conversion = convert_agent_files([path], tokenizer)
        source.agents = conversion.agents
        source.problems += [Problem(w.source, w.message) for w in conversion.warnings]
    return source


def _read_verbs(source: SourceFile) -> None:
    try:
        source.verbs = VerbDictionary.load(source.path)
    except verbdict.DictionaryError as error:
        source.problems.append(Problem(f"{source.path.name}:{error.line}", error.message))
        return
    except UnicodeError as error:
        source.problems.append(Problem(source.path.name, f"not UTF-8 text ({error})"))
        return
    for warning in source.verbs.warnings:
        problem = Problem.parse(warning, ERROR, source.path.name)
        source.problems.append(Problem(problem.where, problem.message, verb_severity(warning)))


def verb_severity(message: str) -> str:
    """Merged duplicates are notes (the reader kept everything); skipped entries are errors."""
    return WARNING if any(note in message for note in ("merged", "added to", "kept the first",
                                                        "read as", "read ")) else ERROR


def _read_jsonl(source: SourceFile, tokenizer: NameTokenizer) -> None:
    def skipped(error: DictionaryError) -> None:
        source.problems.append(Problem.parse(str(error)))

    for where, record in read_records(source.path, skipped):
        _add_record(source, record, where, tokenizer)


def _add_record(source: SourceFile, record: dict[str, Any], where: str,
                tokenizer: NameTokenizer) -> None:
    """One actor or agent record from JSON Lines or YAML, names re-tokenized."""
    is_actor = source.kind == "actors" or "roles" in record
    known = ACTOR_KEYS if is_actor else AGENT_KEYS
    for key in sorted(set(record) - known - {_LINE} - {k for k in record
                                                       if k.startswith(_ITEM_LINES)}):
        source.problems.append(Problem(where, f"unknown key {key!r}; known: "
                                              f"{', '.join(sorted(known))}", WARNING))
    record = {k: _iso(v) for k, v in record.items()}
    if isinstance(record.get("roles"), list):
        file_name = where.rsplit(":", 1)[0]
        record["roles"] = [_role_record(r, file_name) for r in record["roles"]]
    if not record.get("id") and isinstance(record.get("names"), list) and record["names"]:
        record["id"] = re.sub(r"\W+", "_", str(record["names"][0])).strip("_").upper()
    if isinstance(record.get("code"), int):
        source.problems.append(Problem(where, f"code {record['code']} is a number; write "
                                              "codes as quoted strings"))
        return
    try:
        entry = (actor_from_json if is_actor else agent_from_json)(record, where)
    except DictionaryError as error:
        source.problems.append(Problem.parse(str(error)))
        return
    names = []
    for name in entry.names:
        normalized = tokenizer.normalize(name)
        if not normalized:
            source.problems.append(Problem(where, f"name {name!r} has no words and can "
                                                  "never match"))
        names.extend(n for n in normalized if n not in names)
    entry.names = names
    if not names:
        return
    if is_actor:
        source.actors.append(entry)  # type: ignore[arg-type]
        if record.get("extend"):
            source.extend.add(entry.id)
    else:
        source.agents.append(entry)  # type: ignore[arg-type]


def _role_record(role: Any, file_name: str) -> Any:
    """A YAML role, dates as ISO strings and located at its own line."""
    if not isinstance(role, dict):
        return role
    located = {k: _iso(v) for k, v in role.items()}
    if _LINE in role and not role.get("source"):
        located["source"] = f"{file_name}:{role[_LINE]}"
    return located


def _iso(value: Any) -> Any:
    """YAML reads 2024-03-26 as a date; the records want the ISO string."""
    return value.isoformat() if isinstance(value, dt.date) else value


# --- YAML overlays -------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping and sequence item."""


def _mapping_with_lines(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    for key_node, value_node in node.value:
        if isinstance(value_node, yaml.SequenceNode):
            mapping[_ITEM_LINES + str(key_node.value)] = [
                item.start_mark.line + 1 for item in value_node.value]
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)


def _read_yaml(source: SourceFile, tokenizer: NameTokenizer,
               base_verbs: VerbDictionary | None) -> None:
    name = source.path.name
    loader = None
    try:
        loader = _LineLoader(source.path.read_text(encoding="utf-8"))
        data = loader.get_single_data()
    except RecursionError:  # PyYAML composes nested nodes recursively
        line = loader.line + 1 if loader is not None else 1
        source.problems.append(Problem(f"{name}:{line}", "not valid YAML: nested too deeply; "
                                       "an overlay needs only a few levels"))
        return
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        source.problems.append(Problem(f"{name}:{line}", f"not valid YAML: {error.problem}"))
        return
    except (yaml.YAMLError, UnicodeError) as error:
        source.problems.append(Problem(name, f"not valid YAML: {error}"))
        return
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return
    if not isinstance(data, dict):
        source.problems.append(Problem(f"{name}:1", "expected sections actors:, agents:, "
                                                    "verbs:, synsets:"))
        return
    for key in sorted(set(data) - SECTIONS - {_LINE}):
        if not key.startswith(_ITEM_LINES):
            source.problems.append(Problem(f"{name}:{data[_LINE]}", f"unknown section {key!r};"
                                           f" known: {', '.join(sorted(SECTIONS))}"))
    for section in ("actors", "agents"):
        for record, line in _items(source, data, section):
            source.kind = section
            _add_record(source, record, f"{name}:{line}", tokenizer)
    source.kind = "overlay"
    if data.get("verbs") or data.get("synsets"):
        _yaml_verbs(source, data, base_verbs)


def _items(source: SourceFile, data: dict[str, Any], section: str
           ) -> list[tuple[dict[str, Any], int]]:
    items = data.get(section) or []
    where = f"{source.path.name}:{data[_LINE]}"
    if not isinstance(items, list):
        source.problems.append(Problem(where, f"{section}: must be a list of entries"))
        return []
    lines = data.get(_ITEM_LINES + section, [data[_LINE]] * len(items))
    found = []
    for item, line in zip(items, lines, strict=False):
        if isinstance(item, dict):
            found.append((item, item.get(_LINE, line)))
        else:
            source.problems.append(Problem(f"{source.path.name}:{line}",
                                           f"each {section} entry must be a mapping"))
    return found


def _yaml_verbs(source: SourceFile, data: dict[str, Any], base: VerbDictionary | None) -> None:
    """Verb entries written as TABARI text, parsed by the TABARI reader, lines mapped back.

    The base dictionary's synsets are written first so patterns may use them;
    an entry naming a base block adds to that block under its code.
    """
    base = base or VerbDictionary((), (), ())
    lines = verbs_text(VerbDictionary(base.synsets, (), ())).splitlines()
    origin: dict[int, int] = {}
    own_synsets = _yaml_synsets(source, data, lines, origin)
    for record, line in _items(source, data, "verbs"):
        _yaml_verb(source, record, line, base, lines, origin)
    text = "\n".join(lines) + "\n"
    name = source.path.name

    def mapped(where: str) -> str:
        number = int(where.rsplit(":", 1)[1])
        return f"{name}:{origin.get(number, number)}"

    try:
        from eventwire.events.tabari_verbs import read_tabari_verbs

        parsed = read_tabari_verbs(text, name)
    except verbdict.DictionaryError as error:
        source.problems.append(Problem(mapped(f"x:{error.line}"), error.message))
        return
    for warning in parsed.warnings:
        problem = Problem.parse(warning)
        source.problems.append(Problem(mapped(problem.where), problem.message,
                                       verb_severity(problem.message)))
    source.verbs = VerbDictionary(
        synsets=tuple(replace(s, source=mapped(s.source)) for s in parsed.synsets
                      if s.name in own_synsets),
        blocks=tuple(replace(b, source=mapped(b.source),
                             patterns=tuple(replace(p, source=mapped(p.source))
                                            for p in b.patterns)) for b in parsed.blocks),
        verbs=tuple(replace(v, source=mapped(v.source)) for v in parsed.verbs),
        origin=name)


def _yaml_synsets(source: SourceFile, data: dict[str, Any], lines: list[str],
                  origin: dict[int, int]) -> set[str]:
    synsets = data.get("synsets") or {}
    where = data[_LINE]
    if not isinstance(synsets, dict):
        source.problems.append(Problem(f"{source.path.name}:{where}",
                                       "synsets: must map NAME to a list of words"))
        return set()
    names = set()
    for key, members in synsets.items():
        if key == _LINE or key.startswith(_ITEM_LINES):
            continue
        members = members if isinstance(members, list) else [members]
        member_lines = synsets.get(_ITEM_LINES + key) or [where] * len(members)
        names.add(str(key).lstrip("&").upper().rstrip("_"))
        _emit(lines, origin, f"&{str(key).lstrip('&')}", member_lines[0] if members else where)
        for member, line in zip(members, member_lines, strict=False):
            _emit(lines, origin, "+" + str(member).strip().replace(" ", "_"), line)
    return names


def _yaml_verb(source: SourceFile, record: dict[str, Any], line: int, base: VerbDictionary,
               lines: list[str], origin: dict[int, int]) -> None:
    where = f"{source.path.name}:{line}"
    for key in sorted(set(record) - VERB_KEYS - {_LINE}):
        if not key.startswith(_ITEM_LINES):
            source.problems.append(Problem(where, f"unknown key {key!r}; known: "
                                                  f"{', '.join(sorted(VERB_KEYS))}", WARNING))
    verb = record.get("verb")
    code = record.get("code")
    if not isinstance(verb, str) or not verb.strip():
        source.problems.append(Problem(where, "verb entry needs 'verb', e.g. verb: PULL_OUT"))
        return
    if code is not None and not isinstance(code, str):
        source.problems.append(Problem(where, f"code {code!r} must be a quoted string such "
                                              "as \"042\" (YAML drops leading zeros)"))
        return
    written = verb.strip().upper().replace(" ", "_")
    block_name = str(record.get("block") or written.replace("+", "").replace("_", " "))
    existing = next((b for b in base.blocks if b.name == block_name), None)
    if existing is not None and record.get("block"):
        source.extend_blocks.add(block_name)
        from eventwire.dictionaries.tabari_write import code_text

        header_code = code_text(existing.code, existing.pair_code)
    else:
        header_code = code or "---"
    _emit(lines, origin, f"---  {block_name}   [{header_code}]  ---", line)
    forms = " ".join(str(f).strip().upper().replace(" ", "_") for f in record.get("forms") or [])
    own = f" [{code}]" if code and existing is not None and record.get("block") else ""
    _emit(lines, origin, written + (f" {{{forms}}}" if forms else "") + own, line)
    pattern_lines = record.get(_ITEM_LINES + "patterns", [])
    for number, pattern in enumerate(record.get("patterns") or []):
        text = str(pattern).strip()
        text = text if text.startswith("-") else f"- {text}"
        if not re.search(r"\[[^\]]*\]\s*$", text):
            text += f" [{code or header_code}]"
        at = pattern_lines[number] if number < len(pattern_lines) else line
        _emit(lines, origin, text, at)


def _emit(lines: list[str], origin: dict[int, int], text: str, line: int) -> None:
    lines.append(text)
    origin[len(lines)] = line

