"""The project's own actor and agent records, and their JSON Lines form.

One record per line. Actors (``data/actors.jsonl[.gz]``, ``data/officeholders.jsonl``)::

    {"id": "BENJAMIN_NETANYAHU",
     "names": ["benjamin netanyahu", "netanyahu*", "prime minister netanyahu*", ...],
     "roles": [{"code": "ISRELI", "start": "1967-01-01", "end": "1996-06-18",
                "source": "Phoenix.Countries.actors.txt:23470"}, ...,
               {"code": "ISRELI", "start": null, "end": null}],
     "kind": "person",
     "source": "Phoenix.Countries.actors.txt:23455"}

Agents (``data/agents.jsonl``)::

    {"id": "PROTESTER", "names": ["protester", "protesters"], "code": "OPP",
     "position": "suffix", "source": "Phoenix.agents.txt:1500"}

Names are lower-case token sequences exactly as spaCy's English tokenizer
splits real text, joined by single spaces ("al - qaeda", "u.s.",
"secretary - general kofi annan"). A name ending in ``*`` may match with its
last token extended by a plural or demonym ending ("israeli*" matches
"israelis"; the endings are ``index.STEM_SUFFIXES``); every other name must
match token for token. An actor with ``"cased": true`` matches only where
every word of the name is capitalized ("Islamic State", not "an Islamic
state"). Dates are ISO ``YYYY-MM-DD``; both ends of a role are
inclusive and ``null`` means open. A role's optional ``source`` is the
dictionary line that gave it; without one, the JSON line it sits on
("officeholders.jsonl:12") is used. ``kind`` is "person", "country" or
"organization" (guessed from the roles when missing); ``position`` says whether
the agent code goes after ("suffix": ISR + OPP = ISROPP) or before
("prefix": IGO + IND = IGOIND) the actor code.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

ACTOR_KINDS = ("person", "country", "organization")
AGENT_POSITIONS = ("suffix", "prefix")
MIN_STEM_LENGTH = 4
"""A name's last token needs this many letters to match as a stem ("un*" never does)."""

# CAMEO codes that are three letters long but name no state: international
# and transnational sectors and religions that appear as whole codes in the
# Phoenix files. Used only to tell a "country" entry from an "organization".
NON_STATE_CODES = frozenset({"---", "IGO", "IMG", "MNC", "NGM", "NGO", "UIS", "MED", "MOS",
                             "BAH", "WEU", "ELI"})

# Words that mark a dated entry as a body rather than a person.
_ORGANIZATION_WORDS = frozenset({
    "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION", "BANK",
    "BATTALION", "BRIGADE", "BRIGADES", "CABINET", "COALITION", "COMMISSION", "COMMITTEE",
    "COMPANY", "CONGRESS", "CORPORATION", "COUNCIL", "COURT", "DEPARTMENT", "FEDERATION",
    "FORCE", "FORCES", "FRONT", "GOVERNMENT", "GROUP", "INSTITUTE", "LEAGUE", "MINISTRY",
    "MOVEMENT", "NETWORK", "OBSERVATORY", "OFFICE", "ORGANISATION", "ORGANIZATION",
    "PARLIAMENT", "PARTY", "POLICE", "SENATE", "STATE", "UNION",
})


class DictionaryError(ValueError):
    """A dictionary record that cannot be used; the message starts with ``file:line``."""


@dataclass(frozen=True, slots=True)
class Role:
    """A code an actor holds from ``start`` to ``end``, both inclusive; ``None`` is open."""

    code: str
    start: dt.date | None
    end: dt.date | None
    source: str

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        """Whether the role is held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "source": self.source,
        }


@dataclass(slots=True)
class ActorEntry:
    """A named actor: a country, an organization or a person with dated roles."""

    id: str
    names: list[str]
    roles: list[Role]
    kind: str
    source: str
    cased: bool = False  # every word must be capitalized: "Islamic State", not "an Islamic state"

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role that gives this actor's code on ``day``; see :func:`choose_role`."""
        return choose_role(self.roles, day)

    def merge(self, other: ActorEntry) -> None:
        """Add another record's names and roles (same id, loaded later) to this one."""
        known = set(self.names)
        self.names.extend(name for name in other.names if name not in known)
        # Phoenix repeats many officials with the same ranges; keep the first line's copy.
        held = {(role.code, role.start, role.end) for role in self.roles}
        self.roles.extend(r for r in other.roles if (r.code, r.start, r.end) not in held)
        if other.kind == "person":
            self.kind = "person"
        self.cased = self.cased or other.cased

    def to_json(self) -> dict[str, Any]:
        record = {
            "id": self.id,
            "names": self.names,
            "roles": [role.to_json() for role in self.roles],
            "kind": self.kind,
            "source": self.source,
        }
        if self.cased:
            record["cased"] = True
        return record


@dataclass(slots=True)
class AgentEntry:
    """A generic role word such as "protesters" whose code joins an actor's code."""

    id: str
    names: list[str]
    code: str
    position: str
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "names": self.names,
            "code": self.code,
            "position": self.position,
            "source": self.source,
        }


def guess_kind(roles: list[Role], comment: str, primary: Iterable[str]) -> str:
    """A best guess at what an entry names; TABARI files do not say.

    Entries from the leader lists (CountryInfo.txt, IGOrulers.txt, named in
    the entry's comment) are people. An entry whose current code is a bare
    three-letter state code is a country, including ones with dated codes for
    their history (GEORGIA: USRGEO, then GEOUNR, then GEO). Other entries with
    dated roles are people unless their name has an organization word
    (TAWHID_BRIGADE, ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT). Everything else
    is an organization, which also catches the few undated people in the
    NGO lists.
    """
    if re.search(r"CountryInfo|IGOrulers", comment):
        return "person"
    current = choose_role(roles, None)
    if current is not None and _is_state_code(current.code):
        return "country"
    if any(role.dated for role in roles) and not _ORGANIZATION_WORDS & {w.upper() for w in primary}:
        return "person"
    return "organization"


def _is_state_code(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code not in NON_STATE_CODES


def choose_role(roles: list[Role], day: dt.date | None) -> Role | None:
    """The role that gives an actor's code on ``day``.

    With a date: of the roles whose range contains it, the one that started
    last (a spell in office beats the lifelong "elite" range around it, and on
    a hand-over day the new office wins); else the undated fallback; else
    ``None``. Without a date: the undated fallback, else the role that started
    last, since a story with no date is most likely recent. Ties go to the
    role listed first.
    """
    undated = next((role for role in roles if not role.dated), None)
    if day is None:
        return undated or _latest(roles)
    return _latest([role for role in roles if role.dated and role.covers(day)]) or undated


def _latest(roles: list[Role]) -> Role | None:
    best: Role | None = None
    for role in roles:
        if best is None or (role.start or dt.date.min) > (best.start or dt.date.min):
            best = role
    return best


def open_text(path: Path, mode: str = "rt") -> TextIO:
    """Open a ``.jsonl`` or ``.jsonl.gz`` file as UTF-8 text."""
    if path.suffix == ".gz":
        # mtime=0 keeps the compressed bytes identical between runs.
        raw = gzip.GzipFile(path, mode.replace("t", "") + "b", compresslevel=9, mtime=0)
        return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    return path.open(mode.replace("t", ""), encoding="utf-8", newline="\n")


def read_text(path: Path) -> str:
    """The whole of a ``.jsonl`` or ``.jsonl.gz`` file.

    One read and one decompression is several times faster than streaming
    lines through ``gzip``, and the packaged data is only a few megabytes.
    """
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def read_records(
    path: Path, on_error: Callable[[DictionaryError], None] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file:line, record)`` for each non-blank line of a JSON Lines file.

    A line that is not a JSON object raises :class:`DictionaryError`, or is
    passed to ``on_error`` and skipped.
    """
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            record = DictionaryError(f"{where}: not valid JSON ({error.msg})")
        except RecursionError:
            record = DictionaryError(f"{where}: not valid JSON (nested too deeply)")
        if not isinstance(record, dict):
            problem = record if isinstance(record, DictionaryError) else DictionaryError(
                f"{where}: expected a JSON object, got {type(record).__name__}"
            )
            if on_error is None:
                raise problem
            on_error(problem)
            continue
        yield where, record


def json_line(record: dict[str, Any]) -> str:
    """One compact JSON object, non-ASCII kept as is."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_lines(path: Path, lines: list[str]) -> None:
    """Write JSON lines (``.gz`` when the name says so), one per line."""
    with open_text(path, "wt") as handle:
        for line in lines:
            handle.write(line)
            handle.write("\n")


def actor_from_json(record: dict[str, Any], where: str) -> ActorEntry:
    """Validate one actor record; errors say ``file:line`` and what was expected."""
    entry_id = _string(record, "id", where)
    roles_data = record.get("roles")
    if not isinstance(roles_data, list) or not roles_data:
        raise DictionaryError(f"{where}: actor {entry_id!r} needs a non-empty 'roles' list")
    roles = [_role_from_json(role, where) for role in roles_data]
    kind = record.get("kind") or guess_kind(roles, "", entry_id.split("_"))
    if kind not in ACTOR_KINDS:
        raise DictionaryError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    names = _names(record, where)
    cased = record.get("cased", False)
    if not isinstance(cased, bool):
        raise DictionaryError(f"{where}: 'cased' of actor {entry_id!r} must be true or false")
    return ActorEntry(entry_id, names, roles, kind, str(record.get("source") or where), cased)


def agent_from_json(record: dict[str, Any], where: str) -> AgentEntry:
    """Validate one agent record; errors say ``file:line`` and what was expected."""
    position = record.get("position", "suffix")
    if position not in AGENT_POSITIONS:
        raise DictionaryError(
            f"{where}: position {position!r} is not one of {', '.join(AGENT_POSITIONS)}"
        )
    return AgentEntry(
        id=_string(record, "id", where),
        names=_names(record, where),
        code=_string(record, "code", where),
        position=position,
        source=str(record.get("source") or where),
    )


def _role_from_json(data: Any, where: str) -> Role:
    """A role; without its own ``source`` it points at the record's line."""
    if not isinstance(data, dict) or not isinstance(data.get("code"), str) or not data["code"]:
        raise DictionaryError(f"{where}: each role needs a 'code' string, got {data!r}")
    start, end = _date(data.get("start"), where), _date(data.get("end"), where)
    if start and end and start > end:
        raise DictionaryError(f"{where}: role {data['code']} starts {start} after it ends {end}")
    return Role(data["code"], start, end, str(data.get("source") or where))


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DictionaryError(f"{where}: date {value!r} is not YYYY-MM-DD or null") from None


def _string(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise DictionaryError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value


def _names(record: dict[str, Any], where: str) -> list[str]:
    names = record.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise DictionaryError(f"{where}: 'names' must be a non-empty list of strings")
    return names
