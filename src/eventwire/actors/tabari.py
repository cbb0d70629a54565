"""Reader for TABARI/PETRARCH ``.actors`` and ``.agents`` dictionary files.

This module only parses the syntax faithfully; turning phrases into token
sequences, generating plurals and guessing an entry's kind is done by
:mod:`eventwire.actors.convert`.

Actors file syntax, as found in the Phoenix and PETRARCH validation files::

    ISRAEL_  [ISR]                  entry line: phrase, then zero or more codes
    +ISRAELI                        alias of the entry above ("+A_ +B_" = two)
    BENJAMIN_NETANYAHU_  # comment  entry whose codes follow on indented lines
        [ISRGOV 960618-990706]      dated role (start and end, both inclusive)
        [ISRGOV >090401]            from a date on
        [X <090401]                 until a date
        [ISRELI]                    undated: the fallback

Words are joined by ``_``; a trailing ``_`` means the last word must match
exactly, otherwise it may match as a stem. ``#`` starts a comment and lines
starting with ``<!`` are XML-style comments (``<!-- ... -->`` may span lines).
Text after the last ``]`` on a line is ignored: the MNC section of
Phoenix.International uses it for sector and revenue notes.

Dates are ``YYMMDD`` or ``YYYYMMDD``. A two-digit year ``yy >= 30`` is read as
19yy and anything lower as 20yy: the Phoenix files were generated in 2014 and
use six-digit years 00-14 and 31-99 only (people born before 1931 are written
with eight digits), so 670101 -> 1967-01-01 and 090401 -> 2009-04-01.

Agents file syntax::

    !PERSON! = MAN, MEN, WOMAN      substitution set, used as FIRE!PERSON!
    PROTESTER [~OPP]                agent code appended to the actor's code
    TRUCE_MONITOR [IGO~]            agent code put before the actor's code
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   explicit plural
    POLICE {} [~COP]                no plural may be generated

Nothing here raises on bad data: a line that cannot be read is reported as a
:class:`TabariWarning` carrying ``file:line`` and skipped, as is a single bad
role on an otherwise good entry.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors.entries import Role

TWO_DIGIT_YEAR_PIVOT = 30
"""Six-digit dates with ``yy >= 30`` are 19yy, lower ones 20yy (see module docstring)."""

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^[A-Z0-9+/\-]+$")
_DATES = re.compile(r"^([<>])?(\d+)(?:-(\d+))?$")
_ALIAS_SPLIT = re.compile(r"\s+(?=\+)")
_SUBSTITUTION_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.*)$")
_SUBSTITUTION_USE = re.compile(r"![A-Z0-9_]+!")
_AGENT_CODE = re.compile(r"^(~)?([A-Z0-9]+)(~)?$")


@dataclass(frozen=True)
class TabariWarning:
    """A line (or part of one) that was skipped, located by ``file:line``."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class TabariPhrase:
    """One name as written in the file, split into its words (original case)."""

    words: tuple[str, ...]
    exact: bool
    source: str


@dataclass
class TabariActor:
    """An actor entry: its phrases (the first is the primary name) and roles."""

    phrases: list[TabariPhrase]
    roles: list[Role]
    comment: str
    source: str


@dataclass
class TabariAgent:
    """One agent line, with substitution sets already expanded into ``phrases``.

    ``plurals`` is ``None`` when the file gives no ``{...}``: the caller should
    generate regular plurals. An empty tuple means ``{}``: no plural at all.
    """

    name: str
    phrases: list[TabariPhrase]
    plurals: tuple[TabariPhrase, ...] | None
    code: str
    position: str
    source: str


@dataclass
class ActorsFile:
    """Everything read from one ``.actors`` file."""

    path: Path
    actors: list[TabariActor] = field(default_factory=list)
    warnings: list[TabariWarning] = field(default_factory=list)


@dataclass
class AgentsFile:
    """Everything read from one ``.agents`` file."""

    path: Path
    agents: list[TabariAgent] = field(default_factory=list)
    warnings: list[TabariWarning] = field(default_factory=list)


@dataclass
class _Line:
    """A physical line with comments removed; ``source`` is ``file:line``."""

    text: str
    comment: str
    source: str
    after_gap: bool


def read_actors(path: Path) -> ActorsFile:
    """Read a TABARI ``.actors`` file into entries, keeping ``file:line`` on each."""
    result = ActorsFile(path=path)
    current: TabariActor | None = None
    current_had_codes = False  # true even when every code was skipped as malformed
    for line in _content_lines(path, result.warnings):
        codes, name_part = _split_codes(line, result.warnings)
        if codes is None:
            continue
        if name_part.startswith("+"):
            if current is None:
                result.warnings.append(TabariWarning(line.source, "alias before any entry"))
                continue
            current.phrases.extend(_aliases(name_part, line.source))
        elif name_part and current is not None and _continues_synonyms(current_had_codes, line):
            current.phrases.append(_phrase(name_part, line.source))
        elif name_part:
            _finish_actor(current, result)
            current = TabariActor([_phrase(name_part, line.source)], [], line.comment, line.source)
            current_had_codes = False
        elif current is None:
            result.warnings.append(TabariWarning(line.source, "codes before any entry"))
            continue
        current.roles.extend(_roles(codes, line.source, result.warnings))
        current_had_codes = current_had_codes or bool(codes)
    _finish_actor(current, result)
    return result


def read_agents(path: Path) -> AgentsFile:
    """Read a TABARI ``.agents`` file, expanding ``!SET!`` substitutions."""
    result = AgentsFile(path=path)
    substitutions: dict[str, list[str]] = {}
    for line in _content_lines(path, result.warnings):
        definition = _SUBSTITUTION_DEF.match(line.text.strip())
        if definition:
            members = [m.strip() for m in definition.group(2).split(",") if m.strip()]
            substitutions[definition.group(1)] = members
            continue
        agent = _agent(line, substitutions, result.warnings)
        if agent is not None:
            result.agents.append(agent)
    return result


def is_agents_file(path: Path) -> bool:
    """Whether a TABARI file holds agents (``[~XXX]`` codes) rather than actors."""
    if ".agents" in path.name.lower():
        return True
    if ".actors" in path.name.lower():
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(200_000)
    return head.count("[~") > head.count("[") / 2


def parse_date(text: str) -> dt.date:
    """Parse ``YYMMDD`` or ``YYYYMMDD``; raises ``ValueError`` on anything else."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 1900 + yy if yy >= TWO_DIGIT_YEAR_PIVOT else 2000 + yy
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    raise ValueError(f"date {text!r} has {len(text)} digits, expected 6 (YYMMDD) or 8")


def _content_lines(path: Path, warnings: list[TabariWarning]) -> list[_Line]:
    """Lines that carry content: comments stripped, blank and XML-comment lines dropped."""
    lines: list[_Line] = []
    in_xml_comment = False
    xml_start = ""
    after_gap = True
    # errors="replace": a stray byte must cost one name, not the whole file.
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path.name}:{number}"
            stripped = raw.strip()
            if in_xml_comment:
                in_xml_comment = "-->" not in stripped
                continue
            if stripped.startswith("<!"):
                in_xml_comment = "-->" not in stripped
                xml_start = source
                after_gap = True
                continue
            text, _, comment = raw.rstrip("\r\n").partition("#")
            if not text.strip():
                after_gap = True
                continue
            lines.append(_Line(text, comment.strip(), source, after_gap))
            after_gap = False
    if in_xml_comment:
        warnings.append(TabariWarning(xml_start, "'<!--' comment is never closed"))
    return lines


def _split_codes(line: _Line, warnings: list[TabariWarning]) -> tuple[list[str] | None, str]:
    """The bracketed code groups on a line and the name text before them.

    Returns ``(None, "")`` when the brackets are unbalanced, after warning.
    """
    text = line.text
    if text.count("[") != text.count("]") or _BRACKETS.sub("", text).count("]"):
        warnings.append(TabariWarning(line.source, f"unbalanced brackets in {text.strip()!r}"))
        return None, ""
    codes = _BRACKETS.findall(text)
    name_part = text.split("[", 1)[0].strip()
    return codes, name_part


def _phrase(text: str, source: str) -> TabariPhrase:
    """A phrase such as ``PRIME_MINISTER_NETANYAHU`` or ``CARLOS SANTOS_CRUZ_``."""
    text = text.strip()
    exact = text.endswith("_")
    words = tuple(word for word in re.split(r"[_\s]+", text) if word)
    return TabariPhrase(words=words, exact=exact, source=source)


def _aliases(text: str, source: str) -> list[TabariPhrase]:
    """``+A_`` or several aliases on one line, ``+A_ +B_``."""
    parts = [part.strip().removeprefix("+") for part in _ALIAS_SPLIT.split(text.strip())]
    return [_phrase(part, source) for part in parts if part.strip()]


def _roles(codes: list[str], source: str, warnings: list[TabariWarning]) -> list[Role]:
    roles = []
    for body in codes:
        try:
            roles.append(_role(body, source))
        except ValueError as error:
            warnings.append(TabariWarning(source, f"skipped role [{body.strip()}]: {error}"))
    return roles


def _role(body: str, source: str) -> Role:
    """One ``[CODE]``, ``[CODE >YYMMDD]``, ``[CODE <YYMMDD]`` or ``[CODE a-b]`` group."""
    code, _, dates = body.strip().partition(" ")
    code = code.upper()  # the PETRARCH suite has one "[pse]"; codes are upper-case
    if not _CODE.match(code):
        raise ValueError(f"code {code!r} is not letters, digits, '-', '+' or '/'")
    dates = re.sub(r"\s+", "", dates)
    if not dates:
        return Role(code=code, start=None, end=None, source=source)
    match = _DATES.match(dates)
    if not match:
        raise ValueError(f"cannot read dates {dates!r}")
    direction, first, second = match.groups()
    if direction and second:
        raise ValueError(f"'{direction}' with a date range {dates!r}")
    if direction == ">":
        start, end = parse_date(first), None
    elif direction == "<":
        start, end = None, parse_date(first)
    elif second:
        start, end = parse_date(first), parse_date(second)
    else:
        raise ValueError(f"single date {dates!r} without '<' or '>'")
    if start and end and start > end:
        raise ValueError(f"start {start} is after end {end}")
    return Role(code=code, start=start, end=end, source=source)


def _continues_synonyms(current_had_codes: bool, line: _Line) -> bool:
    """Whether an entry line is one more synonym of the entry above it.

    Lines such as ``LEONID_BREZHNEV_`` / ``SECRETARY_BREZHNEV`` followed by one
    block of codes name a single actor. A blank or comment-only line ends such
    a block, so ``U.N._`` followed by a blank line stays codeless (and is
    reported) instead of borrowing the next entry's codes.
    """
    return not current_had_codes and not line.after_gap


def _finish_actor(actor: TabariActor | None, result: ActorsFile) -> None:
    if actor is None:
        return
    if not actor.roles:
        name = "_".join(actor.phrases[0].words)
        result.warnings.append(TabariWarning(actor.source, f"entry {name!r} has no usable code"))
        return
    result.actors.append(actor)


def _agent(
    line: _Line, substitutions: dict[str, list[str]], warnings: list[TabariWarning]
) -> TabariAgent | None:
    """One agent line, or ``None`` after a warning."""
    text = line.text.strip()
    match = re.match(r"^([^\[{]*?)\s*(?:\{([^{}\[\]]*)\})?\s*\[([^\[\]{}]*)\]", text)
    if not match:
        warnings.append(TabariWarning(line.source, f"no '[code]' in agent line {text!r}"))
        return None
    name, plural_text, code_text = match.groups()
    code = _AGENT_CODE.match(code_text.replace(" ", "").upper())
    if not code or bool(code.group(1)) == bool(code.group(3)):
        warnings.append(TabariWarning(line.source, f"agent code [{code_text}] needs one '~'"))
        return None
    try:
        names = _expand(name, substitutions)
    except ValueError as error:
        warnings.append(TabariWarning(line.source, str(error)))
        return None
    plurals = None
    if plural_text is not None:
        plurals = tuple(_phrase(p, line.source) for p in plural_text.split() if p.strip("_"))
    return TabariAgent(
        name=name.strip(),
        phrases=[_phrase(n, line.source) for n in names],
        plurals=plurals,
        code=code.group(2),
        position="suffix" if code.group(1) else "prefix",
        source=line.source,
    )


def _expand(name: str, substitutions: dict[str, list[str]]) -> list[str]:
    """All spellings of a name with its ``!SET!`` markers replaced by each member."""
    markers = _SUBSTITUTION_USE.findall(name)
    for marker in _SUBSTITUTION_USE.finditer(name):
        before = name[marker.start() - 1] if marker.start() else " "
        after = name[marker.end()] if marker.end() < len(name) else " "
        if before.isalpha() and after.isalpha():
            # e.g. "AD!MINIST!RATIVE": a search-and-replace accident in the source file.
            raise ValueError(f"substitution {marker.group()} inside the word in {name!r}")
    missing = [m for m in markers if m not in substitutions]
    if missing:
        raise ValueError(f"undefined substitution set {missing[0]} in {name!r}")
    pieces = _SUBSTITUTION_USE.split(name)
    names = []
    for members in itertools.product(*(substitutions[m] for m in markers)):
        spelled = pieces[0]
        for member, piece in zip(members, pieces[1:], strict=True):
            spelled += member + piece
        names.append(spelled)
    return names
