"""The dictionaries in force: the bundled ones with the user's overlays on top.

Overlays are applied in the order given; each entry adds to or overrides what
came before, and every override is reported (``DictionarySet.overrides``):

* an actor or agent with a known id replaces it (``extend: true`` on an
  actor adds its names and roles instead), and a name it uses is taken away
  from any other entry, so the overlay wins the match;
* a verb block from a TABARI or JSONL verbs file replaces the block with its
  name; a YAML verb entry naming an existing ``block`` adds to that block;
* a verb phrase listed in an overlay is removed from every earlier block.

Overlays are named on the command line (``--dict PATH``) or in a config file
in the working directory (:data:`CONFIG_NAMES`); paths in a config file are
relative to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.actors.dictionary import ActorDictionary, AgentDictionary
from eventwire.dictionaries.problems import ERROR, DictionaryLoadError, Problem
from eventwire.dictionaries.sources import SourceFile, read_source
from eventwire.events.verbdict import VerbDictionary
from eventwire.provenance import dictionary_hash, packaged_data_files

CONFIG_NAMES = ("eventwire.toml", "eventwire.yaml", "eventwire.yml")
BUNDLED = "bundled"
"""Stands for the packaged dictionaries wherever a dictionary path is expected."""


@dataclass
class DictionarySet:
    """Actors, agents and verbs ready for the coder, and how they came to be."""

    actors: ActorDictionary
    agents: AgentDictionary
    verbs: VerbDictionary
    files: list[Path] = field(default_factory=list)
    overrides: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bundled: bool = True

    @property
    def hash(self) -> str:
        """The content hash recorded on every event coded with these dictionaries."""
        return dictionary_hash(self.files)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def load_dictionaries(overlays: Sequence[Path] = (), bundled: bool = True,
                      strict: bool = True) -> DictionarySet:
    """The bundled dictionaries (unless ``bundled=False``) with ``overlays`` applied.

    With ``strict`` any error in an overlay raises :class:`DictionaryLoadError`
    listing every problem as ``file:line``; otherwise problems are collected.
    """
    if bundled:
        found = DictionarySet(ActorDictionary.load(), AgentDictionary.load(),
                              VerbDictionary.default(), list(packaged_data_files()))
    else:
        found = DictionarySet(ActorDictionary(), AgentDictionary(), VerbDictionary((), (), ()),
                              bundled=False)
    tokenizer = found.actors.tokenizer if overlays else None
    for path in overlays:
        assert tokenizer is not None
        source = read_source(Path(path), tokenizer, found.verbs)
        found.problems.extend(source.problems)
        if strict and source.errors:
            raise DictionaryLoadError(source.errors)
        apply_source(found, source)
    return found


def apply_source(found: DictionarySet, source: SourceFile) -> None:
    """Put one file's entries in force on top of ``found``."""
    if source.path.is_file():
        found.files.append(source.path)
    layered = found.bundled or len(found.files) > 1
    for actor in source.actors:
        reports = found.actors.override(actor, extend=actor.id in source.extend)
        found.overrides.extend(reports if layered else [])
    for agent in source.agents:
        reports = found.agents.override(agent)
        found.overrides.extend(reports if layered else [])
    if source.verbs is not None:
        found.verbs, reports = merge_verbs(found.verbs, source.verbs, source.extend_blocks)
        found.overrides.extend(reports)


def merge_verbs(base: VerbDictionary, overlay: VerbDictionary,
                extend_blocks: Iterable[str] = ()) -> tuple[VerbDictionary, list[str]]:
    """``base`` with ``overlay``'s synsets, blocks and verbs in force; and what changed."""
    extend = set(extend_blocks)
    reports: list[str] = []
    synsets = {s.name: s for s in base.synsets}
    for synset in overlay.synsets:
        old = synsets.get(synset.name)
        if old is not None and old.members != synset.members:
            reports.append(f"{synset.source}: overrides synset &{synset.name} of {old.source}")
        synsets[synset.name] = synset
    blocks = {b.name: b for b in base.blocks}
    verbs = list(base.verbs)
    for block in overlay.blocks:
        old = blocks.get(block.name)
        if old is not None and block.name in extend:
            blocks[block.name] = dataclasses.replace(old, patterns=old.patterns + block.patterns)
            reports.append(f"{block.source}: adds {len(block.patterns)} pattern(s) to verb block "
                           f"{block.name} of {old.source}")
            continue
        if old is not None:
            reports.append(f"{block.source}: overrides verb block {block.name} of {old.source}")
            verbs = [v for v in verbs if v.block != block.name]
        blocks[block.name] = block
    # A verb added to an existing block joins it; elsewhere a listed verb moves.
    present = {(v.phrase, v.block) for v in verbs}
    added = [v for v in overlay.verbs if v.block not in extend or (v.phrase, v.block)
             not in present]
    new_phrases = {v.phrase: v for v in added if v.block not in extend}
    for verb in verbs:
        if verb.phrase in new_phrases:
            new = new_phrases[verb.phrase]
            reports.append(f"{new.source}: verb {verb.phrase!r} is now coded by block "
                           f"{new.block}, no longer {verb.block} ({verb.source})")
    verbs = [v for v in verbs if v.phrase not in new_phrases] + added
    merged = VerbDictionary(tuple(synsets.values()), tuple(blocks.values()), tuple(verbs),
                            warnings=base.warnings, origin=base.origin)
    return merged, reports


def find_overlays(explicit: Sequence[Path] = (), cwd: Path | None = None) -> list[Path]:
    """Overlays from the config file in ``cwd`` (if any), then ``explicit`` ones.

    Raises :class:`DictionaryLoadError` naming the config line or option at fault.
    """
    paths = config_overlays(cwd or Path.cwd()) + [Path(p) for p in explicit]
    missing = [Problem(str(p), "no such dictionary file") for p in paths if not p.is_file()]
    if missing:
        raise DictionaryLoadError(missing)
    return paths


def config_overlays(cwd: Path) -> list[Path]:
    """The ``dictionaries`` list of ``eventwire.toml`` / ``eventwire.yaml`` in ``cwd``."""
    for name in CONFIG_NAMES:
        config = cwd / name
        if config.is_file():
            listed = _config_list(config)
            return [(config.parent / str(item)) for item in listed]
    return []


def _config_list(config: Path) -> list[Any]:
    text = config.read_text(encoding="utf-8")
    try:
        if config.suffix == ".toml":
            import tomllib

            data = tomllib.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except Exception as error:  # tomllib and yaml raise their own types; both are user errors
        raise DictionaryLoadError([Problem(config.name, f"cannot read config: {error}")]) from None
    listed = data.get("dictionaries", []) if isinstance(data, dict) else None
    if not isinstance(listed, list):
        example = 'dictionaries = ["my.yaml"]'
        raise DictionaryLoadError([Problem(config.name, f"'dictionaries' must be a list of "
                                                        f"paths, e.g. {example}")])
    return listed


def load_named(paths: Sequence[str | Path], strict: bool = False) -> DictionarySet:
    """A dictionary set named on the command line: files, folders, or ``bundled``.

    ``bundled`` (as the first name) starts from the packaged dictionaries;
    otherwise only the named files are loaded. A folder stands for the
    dictionary files in it, in name order.
    """
    names = [str(p) for p in paths]
    bundled = bool(names) and names[0] == BUNDLED
    files: list[Path] = []
    for name in names[1:] if bundled else names:
        path = Path(name)
        files.extend(dictionary_files(path) if path.is_dir() else [path])
    return load_dictionaries(files, bundled=bundled, strict=strict)


def dictionary_files(folder: Path) -> list[Path]:
    """The dictionary files in a folder, in name order."""
    suffixes = (".yaml", ".yml", ".jsonl", ".jsonl.gz", ".txt", ".actors", ".agents", ".verbs")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(suffixes)
                  and "discards" not in p.name.lower() and "issuecoding" not in p.name.lower())

