"""Actor and agent dictionaries: loading, merging by id, name lookup, dated codes.

``ActorDictionary.load()`` with no paths reads the packaged data in this
order, later files merging into earlier entries with the same id:

1. ``data/actors.jsonl.gz`` (or ``.jsonl``): converted from the Phoenix files
   by ``tools/convert_actors.py``;
2. ``data/demonyms.jsonl``: nationality words the Phoenix country entries lack
   ("Serb", "Kazakh"), joining those entries by id; written by hand;
3. ``data/additions.jsonl``: a few common names the Phoenix files lack ("UK",
   "EU"), written by hand;
4. ``data/officeholders.jsonl``, when present: current officeholders, whose
   names and roles join the Phoenix entry with the same id (or form new entries).

Any path may also be a TABARI ``.actors``/``.agents`` text file, converted on
load. When two entries share a name, the one loaded first is the one the
matcher uses; ``lookup`` returns them all.

Bad records never stop a load: each is skipped and described, with its
``file:line``, in ``warnings`` (``strict=True`` raises instead).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

from eventwire.actors.convert import NameTokenizer, convert_actor_files, convert_agent_files
from eventwire.actors.entries import (
    ActorEntry,
    AgentEntry,
    DictionaryError,
    Role,
    actor_from_json,
    agent_from_json,
    read_records,
)
from eventwire.actors.index import NameIndex
from eventwire.actors.tabari import TabariWarning, is_agents_file

DATA_DIR = Path(__file__).parent / "data"

# Names in these files are already token sequences: written by
# tools/convert_actors.py, or (demonyms.jsonl, additions.jsonl) by hand and
# checked by a test.
# Names in any other JSON Lines file, officeholders.jsonl included, are
# re-tokenized on load, so a hand-written "al-Qaeda" still matches "al - qaeda".
_CONVERTED_FILES = frozenset({"actors.jsonl", "actors.jsonl.gz", "agents.jsonl",
                              "demonyms.jsonl", "additions.jsonl", "agent_additions.jsonl"})

Entry = TypeVar("Entry", ActorEntry, AgentEntry)


def default_actor_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """The packaged actor files in load order; officeholders only if present."""
    main = data_dir / "actors.jsonl.gz"
    paths = [main if main.exists() else data_dir / "actors.jsonl",
             data_dir / "demonyms.jsonl", data_dir / "additions.jsonl"]
    officeholders = [data_dir / "officeholders.jsonl", data_dir / "officeholders.jsonl.gz"]
    return paths + [path for path in officeholders if path.exists()]


def default_agent_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """The packaged agent files: Phoenix's, then the project's additions."""
    return [data_dir / "agents.jsonl", data_dir / "agent_additions.jsonl"]


class _Dictionary(Generic[Entry]):
    """What actor and agent dictionaries share: storage, loading, name lookup."""

    _kind = "entry"

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: list[Entry] = []
        self.warnings: list[str] = []
        self._by_id: dict[str, Entry] = {}
        self._index: NameIndex | None = None
        self._tokenizer: NameTokenizer | None = None
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        raise NotImplementedError

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def __getitem__(self, entry_id: str) -> Entry:
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise KeyError(f"no {self._kind} {entry_id!r}; lookup() searches by name") from None

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    @property
    def index(self) -> NameIndex:
        """Every name, pointing at its entry's position in :attr:`entries`."""
        if self._index is None:
            index = NameIndex()
            with _bulk_allocation():
                for position, entry in enumerate(self.entries):
                    plural = self._takes_plural(entry)
                    for name in entry.names:
                        index.add(name, position, plural)
            self._index = index
        return self._index

    def _takes_plural(self, entry: Entry) -> bool:
        """Whether the entry's exact names also match with a plural "s" (see ``index``)."""
        return False

    @property
    def tokenizer(self) -> NameTokenizer:
        """Created on first use: loading converted data never needs one."""
        if self._tokenizer is None:
            self._tokenizer = NameTokenizer()
        return self._tokenizer

    def lookup(self, name: str) -> list[Entry]:
        """Entries with this name as it would appear in text ("al-Qaeda", "israelis")."""
        found: list[int] = []
        for normalized in self.tokenizer.normalize(name):
            tokens = tuple(normalized.rstrip("*").split(" "))
            found.extend(i for i in self.index.full_matches(tokens) if i not in found)
        return [self.entries[i] for i in found]

    def override(self, entry: Entry, extend: bool = False) -> list[str]:
        """Put an overlay entry in force over what was loaded before; say what it changed.

        An entry with a known id replaces it (``extend``: adds its names and
        roles to it instead). Each of its names is taken from any other entry
        that had it, since otherwise the first-loaded entry would keep winning
        the match. Returns one ``file:line: message`` per change.
        """
        reports: list[str] = []
        old = self._by_id.get(entry.id)
        if old is not None and extend and isinstance(old, ActorEntry):
            old.merge(entry)  # type: ignore[arg-type]
            reports.append(f"{entry.source}: extends {self._kind} {entry.id} of {old.source}")
            entry = old
        elif old is not None:
            self.entries[self.entries.index(old)] = entry
            self._by_id[entry.id] = entry
            reports.append(f"{entry.source}: overrides {self._kind} {entry.id} of {old.source}")
        else:
            self._by_id[entry.id] = entry
            self.entries.append(entry)
        # "netanyahu" and the stem "netanyahu*" are one name to the person writing it.
        taken = {name.rstrip("*") for name in entry.names}
        for other in self.entries:
            if other is entry or all(name.rstrip("*") not in taken for name in other.names):
                continue
            moved = [name for name in other.names if name.rstrip("*") in taken]
            other.names = [name for name in other.names if name.rstrip("*") not in taken]
            reports.append(f"{entry.source}: name {', '.join(map(repr, moved))} now means "
                           f"{entry.id}, no longer {other.id} ({other.source})")
        self._index = None
        return reports

    def _load_file(self, path: Path, strict: bool) -> None:
        if _is_tabari(path):
            entries, warnings = self._convert(path)
            self._warn([str(warning) for warning in warnings], strict)
            for entry in entries:
                self.add(entry)
            return
        on_error = None if strict else self._skip
        for where, record in read_records(path, on_error):
            try:
                entry = self._from_json(record, where)
            except DictionaryError as error:
                if strict:
                    raise
                self._skip(error)
                continue
            if path.name not in _CONVERTED_FILES:
                entry.names = self._renormalize(entry.names)
            self.add(entry)

    def _convert(self, path: Path) -> tuple[list[Entry], list[TabariWarning]]:
        raise NotImplementedError

    def _from_json(self, record: dict[str, Any], where: str) -> Entry:
        raise NotImplementedError

    def _renormalize(self, names: list[str]) -> list[str]:
        normalized: list[str] = []
        for name in names:
            normalized.extend(n for n in self.tokenizer.normalize(name) if n not in normalized)
        return normalized

    def _skip(self, error: DictionaryError) -> None:
        self.warnings.append(str(error))

    def _warn(self, warnings: list[str], strict: bool) -> None:
        if strict and warnings:
            raise DictionaryError(warnings[0])
        self.warnings.extend(warnings)


class ActorDictionary(_Dictionary[ActorEntry]):
    """Named actors by id and by name, with the code each holds on a date."""

    _kind = "actor"

    @classmethod
    def load(cls, paths: list[Path] | None = None, strict: bool = False) -> ActorDictionary:
        """Load JSON Lines or TABARI ``.actors`` files; ``None``: the packaged data."""
        dictionary = cls()
        with _bulk_allocation():
            for path in default_actor_paths() if paths is None else [Path(p) for p in paths]:
                dictionary._load_file(path, strict)
        return dictionary

    def add(self, entry: ActorEntry) -> None:
        """Add an entry, or merge its names and roles into the entry with its id."""
        existing = self._by_id.get(entry.id)
        if existing is not None:
            existing.merge(entry)
        else:
            self._by_id[entry.id] = entry
            self.entries.append(entry)
        self._index = None

    def _takes_plural(self, entry: ActorEntry) -> bool:
        # A country's exact names include its nationality words, whose plurals
        # name its people: "Albanians", "Iraqis". Other names have no such plural.
        return entry.kind == "country"

    def code_on(self, entry: ActorEntry | str, date: dt.date | None) -> tuple[str, Role] | None:
        """The code an actor has on ``date`` and the role that gives it.

        The role covering the date (the one that started last if several do),
        else the undated fallback; with no date the fallback, else the most
        recent role. ``None`` when nothing applies. See ``ActorEntry.role_on``.
        """
        actor = self[entry] if isinstance(entry, str) else entry
        role = actor.role_on(date)
        return (role.code, role) if role is not None else None

    def _convert(self, path: Path) -> tuple[list[ActorEntry], list[TabariWarning]]:
        if is_agents_file(path):
            raise DictionaryError(f"{path}: is an agents file; load it with AgentDictionary")
        conversion = convert_actor_files([path], self.tokenizer)
        return conversion.actors, conversion.warnings

    def _from_json(self, record: dict[str, Any], where: str) -> ActorEntry:
        return actor_from_json(record, where)


class AgentDictionary(_Dictionary[AgentEntry]):
    """Agents ("protesters", "foreign minister") by id and by name."""

    _kind = "agent"

    @classmethod
    def load(cls, paths: list[Path] | None = None, strict: bool = False) -> AgentDictionary:
        """Load JSON Lines or TABARI ``.agents`` files; ``None``: the packaged data."""
        dictionary = cls()
        with _bulk_allocation():
            for path in default_agent_paths() if paths is None else [Path(p) for p in paths]:
                dictionary._load_file(path, strict)
        return dictionary

    def add(self, entry: AgentEntry) -> None:
        """Add an agent; an id seen before keeps its first definition."""
        first = self._by_id.get(entry.id)
        if first is None:
            self._by_id[entry.id] = entry
            self.entries.append(entry)
            self._index = None
        elif (first.code, first.position) != (entry.code, entry.position):
            self.warnings.append(
                f"{entry.source}: agent {entry.id} repeats {first.source}; kept the first"
            )

    def _convert(self, path: Path) -> tuple[list[AgentEntry], list[TabariWarning]]:
        if not is_agents_file(path):
            raise DictionaryError(f"{path}: is an actors file; load it with ActorDictionary")
        conversion = convert_agent_files([path], self.tokenizer)
        return conversion.agents, conversion.warnings

    def _from_json(self, record: dict[str, Any], where: str) -> AgentEntry:
        return agent_from_json(record, where)


@contextmanager
def _bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Loading creates some 200,000 records, tuples and strings, none of them in
    reference cycles; without the pause the collector re-scans them again and
    again, which costs a third of the load time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_tabari(path: Path) -> bool:
    """TABARI text unless the file name or its first character says JSON Lines."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such dictionary file")
    if path.name.endswith((".jsonl", ".jsonl.gz", ".json")):
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                return not line.lstrip().startswith("{")
    return True


__all__ = [
    "ActorDictionary",
    "AgentDictionary",
    "DATA_DIR",
    "default_actor_paths",
    "default_agent_paths",
]
