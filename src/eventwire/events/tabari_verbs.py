"""Reading PETRARCH/TABARI verb dictionaries (CAMEO.2.0.txt and its family).

The file is a sequence of synsets (``&NAME`` then ``+MEMBER`` lines) and verb
blocks (``---  NAME   [code]  ---``, verb lines, then ``- ...`` pattern lines).
Synsets may be defined anywhere, even after their first use, so the reader
makes two passes: the first collects synsets, blocks, verbs and the raw
pattern lines; the second parses the patterns against the full synset table.

Problems that spoil one entry (an unknown synset, an unreadable code, an
unbalanced bracket) skip that entry and are collected as warnings
``file:line: message``; problems that leave the file's structure unclear (a
pattern before any block header, a synset member outside a synset) raise
DictionaryError.

Readings beyond the documented syntax, each chosen to keep what the authors
evidently meant:

* ``;`` starts a comment like ``#`` (TABARI's comment character, used on a
  few verb lines); neither counts inside ``[...]``, so ``[###]`` is a code;
* a synset whose name ends in ``_`` (``&AUXVERB1_``) is referenced without the
  ``_`` and all its members match exactly;
* ``&FIGHT_GAMES`` is synset ``&FIGHT`` joined to "games" unless a synset
  ``FIGHT_GAMES`` exists (the longest defined name wins);
* ``/`` inside a pattern word lists alternatives (``FAVOUR/FAVOR``); in a
  preposition (``(BY/WITH X)``) it yields one pattern per preposition;
* a verb written with a space (``LASH OUT``) is read like ``+LASH_OUT``, and
  ``KLM_NOP_+RST`` has head "rst" after the words "klm nop";
* a header with two codes keeps the first; a block name seen twice continues
  the earlier block; a verb listed twice in a block has its forms merged;
* ``~`` transformation rules are not supported and are skipped with a warning.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from eventwire.events.verbdict import (
    Block,
    DictionaryError,
    Marker,
    Pattern,
    Slot,
    Synset,
    SynsetCycle,
    Verb,
    VerbDictionary,
    expand_synsets,
    expand_terms,
)

# TABARI lets a code carry a letter for a user's own variant ("174K"); kept as written.
_CODE = re.compile(r"\d{2,4}[A-Za-z]?")
_MARKERS: dict[str, Marker] = {"$": "source", "+": "target", "^": "skip", "%": "compound"}
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")


class _Skip(Exception):
    """One entry cannot be read; the message becomes a warning."""


@dataclass
class _Line:
    number: int
    text: str
    comment: str | None


@dataclass
class _RawBlock:
    name: str
    code: str | None
    pair_code: str | None
    source: str
    verbs: list[Verb] = field(default_factory=list)
    pattern_lines: list[_Line] = field(default_factory=list)


@dataclass
class _Reader:
    """State of one pass over a TABARI verbs file."""

    path: str
    name: str
    warnings: list[str] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    synset_sources: dict[str, str] = field(default_factory=dict)
    exact_synsets: set[str] = field(default_factory=set)
    blocks: dict[str, _RawBlock] = field(default_factory=dict)

    def where(self, line: int) -> str:
        return f"{self.name}:{line}"

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.where(line)}: {message}")

    def error(self, line: int, message: str) -> DictionaryError:
        return DictionaryError(self.path, line, message)


def read_tabari_verbs(text: str, path: str) -> VerbDictionary:
    """Parse the text of a TABARI/PETRARCH verbs file read from ``path``."""
    reader = _Reader(path=path, name=PurePath(path).name)
    _read_structure(reader, _lines(reader, text))
    table = _synset_table(reader)
    blocks = tuple(_finish_block(reader, raw, table) for raw in reader.blocks.values())
    verbs = tuple(v for raw in reader.blocks.values() for v in raw.verbs)
    synsets = tuple(
        Synset(name, tuple(members), table.get(name, ()), reader.synset_sources[name])
        for name, members in reader.members.items())
    # Both passes add warnings; file order reads better than pass order.
    warnings = sorted(reader.warnings, key=lambda w: int(w.split(":", 2)[1]))
    return VerbDictionary(synsets=synsets, blocks=blocks, verbs=verbs,
                          warnings=tuple(warnings), origin=path)


# --- lines and comments --------------------------------------------------------------


def _lines(reader: _Reader, text: str) -> Iterator[_Line]:
    """Non-blank lines with ``<!-- -->``, ``#`` and ``;`` comments split off."""
    in_comment_since = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.replace("\t", " ")
        if in_comment_since:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment_since = line[end + 3:], 0
        line, in_comment_since = _strip_xml_comments(line, number)
        body, comment = _split_comment(line)
        if body.strip():
            yield _Line(number, body.strip(), comment)
    if in_comment_since:
        raise reader.error(in_comment_since, "'<!--' comment is never closed with '-->'")


def _strip_xml_comments(line: str, number: int) -> tuple[str, int]:
    """The line without complete ``<!-- -->`` comments, and where an open one starts."""
    while (start := line.find("<!--")) >= 0:
        end = line.find("-->", start + 4)
        if end < 0:
            return line[:start], number
        line = line[:start] + line[end + 3:]
    return line, 0


def _split_comment(line: str) -> tuple[str, str | None]:
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char in "#;" and depth == 0:
            return line[:i], line[i + 1:].strip(" #;") or None
    return line, None


# --- first pass: synsets, blocks, verbs ------------------------------------------------


def _read_structure(reader: _Reader, lines: Iterator[_Line]) -> None:
    synset: str | None = None
    block: _RawBlock | None = None
    for line in lines:
        text = line.text
        if text.startswith("---"):
            synset, block = None, _open_block(reader, line)
        elif text.startswith("&"):
            synset = _open_synset(reader, line)
        elif text.startswith("~"):
            reader.warn(line.number, "transformation rules ('~') are not supported; skipped")
        elif synset is not None:
            if not text.startswith("+"):
                raise reader.error(line.number, f"expected a '+MEMBER' line of synset "
                                                f"&{synset} or a '---  NAME  [code]  ---' header")
            _add_member(reader, synset, line)
        elif block is None:
            raise reader.error(line.number, "this line comes before the first verb block "
                                            "header '---  NAME   [code]  ---' or synset '&NAME'")
        elif text.startswith("-"):
            block.pattern_lines.append(line)
        elif text[0].isalpha() or text[0] == "+":
            _add_verb(reader, block, line)
        else:
            raise reader.error(line.number, f"cannot read {text!r}: expected a verb, a "
                                            "'- ...' pattern, '&NAME' or a block header")


def _open_synset(reader: _Reader, line: _Line) -> str:
    written = line.text[1:].strip()
    if not written or " " in written:
        raise reader.error(line.number, f"synset name must be one word after '&', got "
                                        f"{line.text!r}")
    name = written.upper().rstrip("_")
    if written.endswith("_"):
        reader.exact_synsets.add(name)
    if name in reader.members:
        reader.warn(line.number, f"synset &{name} is already defined at "
                                 f"{reader.synset_sources[name]}; members added to it")
    else:
        reader.members[name] = []
        reader.synset_sources[name] = reader.where(line.number)
    return name


def _add_member(reader: _Reader, synset: str, line: _Line) -> None:
    written = line.text[1:].strip()
    if not written:
        reader.warn(line.number, f"empty member of synset &{synset}; skipped")
        return
    words = [w for w in re.split(r"[\s_]+", written) if w]
    if synset in reader.exact_synsets:
        words = [w + "_" for w in words]
    elif written.endswith("_"):
        words[-1] += "_"
    member = " ".join(_member_word(w) for w in words)
    if member not in reader.members[synset]:
        reader.members[synset].append(member)


def _member_word(word: str) -> str:
    """Words lower-case; synset references as ``&NAME`` (refs cannot be exact)."""
    if word.startswith("&"):
        return "&" + word[1:].upper().rstrip("_")
    return word.lower()


def _open_block(reader: _Reader, line: _Line) -> _RawBlock:
    inner = line.text.strip("- ")
    name = inner.split("[", 1)[0].strip().strip("-").strip()
    codes = re.findall(r"\[([^\]]*)\]", inner)
    if not name:
        raise reader.error(line.number, "block header has no verb name: expected "
                                        "'---  NAME   [code]  ---'")
    if not codes:
        raise reader.error(line.number, f"block header {name!r} has no code: write [---] "
                                        "for no event or a code such as [010]")
    if len(codes) > 1:
        reader.warn(line.number, f"block {name} has {len(codes)} codes; kept the first "
                                 f"[{codes[0]}]")
    try:
        code, pair = _parse_code(codes[0])
    except _Skip as problem:
        reader.warn(line.number, f"block {name}: {problem}; its verbs get no default code")
        code, pair = None, None
    existing = reader.blocks.get(name)
    if existing is not None:
        reader.warn(line.number, f"block {name} is already defined at {existing.source}; "
                                 "its verbs and patterns are added to that block")
        return _RawBlock(name, code, pair, existing.source, existing.verbs,
                         existing.pattern_lines)
    block = _RawBlock(name, code, pair, reader.where(line.number))
    reader.blocks[name] = block
    return block


def _parse_code(text: str) -> tuple[str | None, str | None]:
    """``042`` / ``042:043`` / ``:173`` / ``---`` as (code, pair_code)."""
    primary, _, pair = text.strip().partition(":")
    return _one_code(primary, text), _one_code(pair, text)


def _one_code(part: str, whole: str) -> str | None:
    part = part.strip()
    if part in ("", "---"):
        return None
    if not _CODE.fullmatch(part):
        raise _Skip(f"[{whole}] is not a code: expected [---], [042], [042:043], [:173] or [174K]")
    return part


_VERB_LINE = re.compile(
    r"^(?P<verb>[^{}\[\]]+?)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?$")


def _add_verb(reader: _Reader, block: _RawBlock, line: _Line) -> None:
    match = _VERB_LINE.match(line.text)
    if match is None:
        reader.warn(line.number, f"cannot read verb line {line.text!r}: expected "
                                 "'VERB {FORMS} [code]'; skipped")
        return
    try:
        pre, head, post = _compound(match["verb"])
        forms = _forms(reader, line.number, match["forms"] or "", len(pre))
        own = match["code"] is not None
        code, pair = _parse_code(match["code"]) if own else (block.code, block.pair_code)
    except _Skip as problem:
        reader.warn(line.number, f"{problem}; verb skipped")
        return
    verb = Verb(lemma=head, block=block.name, source=reader.where(line.number),
                particles=post, pre_particles=pre, forms=forms, code=code, pair_code=pair,
                own_code=own)
    _merge_verb(reader, block, verb, line.number)


def _compound(written: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """Split ``+RULE_OUT`` / ``KLM_NOP_+RST`` / ``LASH OUT`` into (before, head, after)."""
    parts = [p for p in re.split(r"[\s_]+", written.strip().lower()) if p]
    heads = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(heads) > 1 or not parts or any(p == "+" for p in parts):
        raise _Skip(f"cannot tell the head of verb {written!r}")
    at = heads[0] if heads else 0
    parts[at] = parts[at].lstrip("+")
    return tuple(parts[:at]), parts[at], tuple(parts[at + 1:])


def _forms(reader: _Reader, number: int, written: str, head_at: int) -> tuple[str, ...]:
    forms: list[str] = []
    for item in re.split(r"[\s,]+", written.strip()):
        if not item:
            continue
        pre, head, post = _compound(item)
        if len(pre) != head_at:
            reader.warn(number, f"form {item!r} does not put its head where the verb does; "
                                "form skipped")
            continue
        forms.append(" ".join((*pre, head, *post)))
    return tuple(dict.fromkeys(forms))


def _merge_verb(reader: _Reader, block: _RawBlock, verb: Verb, number: int) -> None:
    for i, other in enumerate(block.verbs):
        if other.phrase == verb.phrase:
            reader.warn(number, f"verb {verb.phrase!r} is already listed at {other.source}; "
                                "forms merged into that entry")
            forms = tuple(dict.fromkeys((*other.forms, *verb.forms)))
            block.verbs[i] = replace(other, forms=forms)
            return
    block.verbs.append(verb)


def _drop_unknown_members(reader: _Reader) -> None:
    """Members naming synsets that are never defined are dropped with a warning."""
    for name, listed in reader.members.items():
        line = _line_of(reader.synset_sources[name])
        for member in list(listed):
            unknown = [w for w in member.split() if w.startswith("&") and w[1:] not in
                       reader.members]
            if unknown:
                reader.warn(line, f"synset &{name} includes unknown synset {unknown[0]}; "
                                  "member skipped")
                listed.remove(member)
        if not listed:
            reader.warn(line, f"synset &{name} has no members")


def _synset_table(reader: _Reader) -> dict[str, tuple[str, ...]]:
    _drop_unknown_members(reader)
    try:
        return expand_synsets({name: tuple(m) for name, m in reader.members.items()})
    except SynsetCycle as cycle:
        first = str(cycle).split(" -> ", 1)[0]
        raise reader.error(_line_of(reader.synset_sources[first]),
                           f"synsets include themselves: {cycle}") from None


def _line_of(source: str) -> int:
    return int(source.rsplit(":", 1)[1])


# --- second pass: patterns -----------------------------------------------------------


def _finish_block(reader: _Reader, raw: _RawBlock, table: dict[str, tuple[str, ...]]) -> Block:
    patterns: list[Pattern] = []
    for line in raw.pattern_lines:
        notes: list[str] = []
        try:
            patterns.extend(_parse_pattern(line, table, reader.where(line.number), notes))
        except _Skip as problem:
            reader.warn(line.number, f"{problem}; pattern skipped")
        for note in notes:
            reader.warn(line.number, note)
    return Block(raw.name, raw.code, raw.pair_code, raw.source, tuple(patterns))


_PATTERN_LINE = re.compile(r"^-(?P<body>.*?)\[(?P<code>[^\[\]]*)\]$")


def _parse_pattern(line: _Line, table: dict[str, tuple[str, ...]], source: str,
                   notes: list[str]) -> list[Pattern]:
    """The pattern(s) of one line; doubtful readings are appended to ``notes``."""
    match = _PATTERN_LINE.match(line.text)
    if match is None:
        raise _Skip("pattern line must end with a code such as [042]")
    code, pair = _parse_code(match["code"])
    units = _PatternTokens(table, notes).read(match["body"])
    text = " ".join(line.text.split())
    patterns = []
    for variant in _prep_variants(units):
        pre, post = _place(variant, table)
        patterns.append(Pattern(pre, post, code, pair, source, text, line.comment))
    return patterns


@dataclass
class _Unit:
    """A slot in the making: one phrase (alternatives of part choices) or a marker."""

    parts: list[tuple[str, ...]] = field(default_factory=list)
    marker: Marker | None = None
    prep: str | None = None
    joined_left: bool = False
    joined_right: bool = False
    is_verb: bool = False


@dataclass
class _PatternTokens:
    """Turns a pattern body such as ``* EXISTENCE (OF {MILITANT BASES})`` into units."""

    synsets: dict[str, tuple[str, ...]]
    notes: list[str]
    units: list[_Unit] = field(default_factory=list)
    prep: str | None = None
    prep_units: int = 0
    brace: _Unit | None = None

    def read(self, body: str) -> list[_Unit]:
        tokens = _TOKEN.findall(body)
        i = 0
        while i < len(tokens):
            i = self._token(tokens, i)
        if self.brace is not None:
            raise _Skip("'{' is never closed")
        if self.prep is not None:
            raise _Skip("'(' is never closed")
        verbs = sum(u.is_verb for u in self.units)
        if verbs != 1:
            raise _Skip(f"a pattern needs exactly one '*' for the verb, found {verbs}")
        return self.units

    def _token(self, tokens: list[str], i: int) -> int:
        token = tokens[i]
        if self.brace is not None:
            self._in_brace(self.brace, token)
        elif token == "(":
            return self._open_prep(tokens, i)
        elif token == ")":
            self._close_prep()
        elif token == "{":
            self.brace = _Unit(prep=self.prep)
        elif token == "}":
            raise _Skip("'}' without '{'")
        else:
            self._add(_split_joined(token, self.synsets, self.notes))
        return i + 1

    def _open_prep(self, tokens: list[str], i: int) -> int:
        if self.prep is not None:
            raise _Skip("'(' inside '(...)'")
        if i + 1 >= len(tokens) or not re.fullmatch(r"[A-Za-z][\w/'-]*", tokens[i + 1]):
            raise _Skip("'(' must be followed by a preposition")
        self.prep = tokens[i + 1].lower().replace("_", " ")
        self.prep_units = 0
        return i + 2

    def _close_prep(self) -> None:
        if self.prep is None:
            raise _Skip("')' without '('")
        if self.prep_units == 0:
            self.units.append(_Unit(prep=self.prep))
        self.prep = None

    def _in_brace(self, phrase: _Unit, token: str) -> None:
        if token == "}":
            if not phrase.parts:
                raise _Skip("empty '{}'")
            self._add([phrase])
            self.brace = None
            return
        if token in "(){":
            raise _Skip(f"'{token}' inside '{{...}}'")
        for unit in _split_joined(token, self.synsets, self.notes):
            if unit.is_verb or unit.marker:
                raise _Skip("'{...}' may hold only words and synsets")
            phrase.parts.extend(unit.parts)

    def _add(self, units: list[_Unit]) -> None:
        for unit in units:
            if self.prep is not None:
                if unit.is_verb:
                    raise _Skip("'*' inside '(...)'")
                unit.prep = self.prep
                self.prep_units += 1
            self.units.append(unit)


def _split_joined(token: str, synsets: dict[str, tuple[str, ...]],
                  notes: list[str]) -> list[_Unit]:
    """Units of one whitespace-free token; ``_`` joins, a final ``_`` means exact."""
    pieces = re.split(r"(\*)", token)
    if re.search(r"[^_]\*|\*[^_]", token):
        notes.append(f"read {token!r} as if '*' stood apart from its neighbours")
    units: list[_Unit] = []
    for k, piece in enumerate(pieces):
        if piece == "*":
            units.append(_Unit(is_verb=True))
            continue
        if not piece:
            continue
        joined_left = k > 0 and piece.startswith("_")
        joined_right = k + 1 < len(pieces) and piece.endswith("_")
        core = piece[1:] if joined_left else piece
        core = core[:-1] if joined_right else core
        exact = k + 1 == len(pieces) and core.endswith("_")
        found = _piece_units(core.strip("_"), exact, synsets, notes)
        if found:
            found[0].joined_left = joined_left
            found[-1].joined_right = joined_right
            units.extend(found)
    for left, right in itertools.pairwise(units):
        if left.joined_right or right.joined_left:
            left.joined_right = right.joined_left = True
    return units


def _piece_units(core: str, exact: bool, synsets: dict[str, tuple[str, ...]],
                 notes: list[str]) -> list[_Unit]:
    parts = [p for p in core.split("_") if p]
    units: list[_Unit] = []
    phrase: _Unit | None = None
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in _MARKERS:
            units.append(_Unit(marker=_MARKERS[part]))
            phrase = None
            i += 1
            continue
        if phrase is None:
            phrase = _Unit()
            units.append(phrase)
        if part.startswith("&"):
            name, used = _synset_name(parts, i, synsets)
            if used < len(parts) - i and parts[i + used].isalpha():
                notes.append(f"no synset &{'_'.join(parts[i:])[1:]}: read as &{name} "
                             f"followed by {parts[i + used].lower()!r}")
            phrase.parts.append((f"&{name}",))
            i += used
        else:
            phrase.parts.append(tuple(w for w in part.lower().split("/") if w))
            i += 1
    if exact and units and units[-1].parts and not units[-1].parts[-1][0].startswith("&"):
        units[-1].parts[-1] = tuple(w + "_" for w in units[-1].parts[-1])
    # Units cut from one piece were written joined by '_'.
    for left, right in itertools.pairwise(units):
        left.joined_right = right.joined_left = True
    return units


def _synset_name(parts: list[str], at: int, synsets: dict[str, tuple[str, ...]]) -> tuple[str, int]:
    """The longest defined synset name starting at ``parts[at]``, and how many parts it took."""
    for used in range(len(parts) - at, 0, -1):
        name = "_".join(parts[at:at + used])[1:].upper().rstrip("_")
        if name in synsets:
            return name, used
    raise _Skip(f"unknown synset {parts[at]}")


def _prep_variants(units: list[_Unit]) -> list[list[_Unit]]:
    """One unit list per choice of preposition where one is written ``BY/WITH``."""
    choices = sorted({u.prep for u in units if u.prep and "/" in u.prep})
    if not choices:
        return [units]
    variants = []
    for picked in itertools.product(*(c.split("/") for c in choices)):
        chosen = dict(zip(choices, picked, strict=True))
        variants.append([_Unit(u.parts, u.marker, chosen.get(u.prep or "", u.prep),
                               u.joined_left, u.joined_right, u.is_verb) for u in units])
    return variants


def _place(units: list[_Unit], table: dict[str, tuple[str, ...]]) -> tuple[tuple[Slot, ...], ...]:
    at = next(i for i, u in enumerate(units) if u.is_verb)
    pre = tuple(_slot(u, u.joined_right, table) for u in units[:at])
    post = tuple(_slot(u, u.joined_left, table) for u in units[at + 1:])
    return pre, post


def _slot(unit: _Unit, adjacent: bool, table: dict[str, tuple[str, ...]]) -> Slot:
    combos = itertools.product(*unit.parts) if unit.parts else ()
    terms = tuple(dict.fromkeys(" ".join(combo) for combo in combos))
    return Slot(terms=terms, words=expand_terms(terms, table), marker=unit.marker,
                prep=unit.prep, adjacent=adjacent)
