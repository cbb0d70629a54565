"""The verb dictionary: which verbs can trigger an event, and the patterns that code them.

The model is read either from eventwire's own ``verbs.jsonl`` (the packaged data,
written by ``tools/convert_verbs.py``) or from a PETRARCH/TABARI verbs file
(see ``tabari_verbs``). Both readers build the same frozen records, so a file
converted to JSONL loads back into an equal ``VerbDictionary``. The packaged
dictionary alone also applies ``verb_corrections.jsonl``, codes fixed against
the CAMEO codebook (``corrections.apply_corrections``).

Word conventions, shared by pattern slots, synset members and verb forms:

* everything is lower-case; a multi-word alternative is space-separated
  ("armed forces");
* a word ending in ``_`` must match exactly ("cash_"); any other word may match
  as a stem (prefix), as in TABARI;
* in ``Slot.terms`` a synset is referenced as ``&NAME`` (upper-case, e.g.
  "fighter &AIRCRAFT"); ``Slot.words`` holds the same alternatives with every
  synset expanded into its members.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

Marker = Literal["source", "target", "skip", "compound"]
MARKERS: tuple[Marker, ...] = ("source", "target", "skip", "compound")

JSONL_FORMAT = "eventwire-verbs"
JSONL_VERSION = 1
CORRECTIONS_FORMAT = "eventwire-verb-corrections"
CORRECTIONS_VERSION = 1


class DictionaryError(ValueError):
    """A dictionary file that cannot be read; the message starts with ``path:line:``."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Slot:
    """One thing a pattern needs around the verb.

    Exactly one of these holds: ``marker`` is set (an actor or skipped phrase),
    ``terms`` is non-empty (words to find), or neither and ``prep`` is set (a bare
    prepositional phrase such as ``(TO)``: only the preposition must be there).
    ``prep`` is the preposition the slot hangs from when written inside
    ``( )``. ``adjacent`` means the slot was joined with ``_`` to its neighbour on
    the verb side (the verb itself or the next slot towards it), so no word may
    come between them.
    """

    terms: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    marker: Marker | None = None
    prep: str | None = None
    adjacent: bool = False

    @property
    def synsets(self) -> tuple[str, ...]:
        """Names of the synsets this slot draws on, for display."""
        names = (w[1:] for term in self.terms for w in term.split() if w.startswith("&"))
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: slots before and after the verb, and the code it gives.

    ``code`` is None for ``[---]`` (no event) and for ``[:173]``, whose only
    event is the reciprocal one in ``pair_code`` (the target acting as source).
    ``verbs``, when not empty, are the only verbs of the block (by phrase) the
    pattern applies to; TABARI has no way to say this, only eventwire's
    corrections do (see ``corrections.apply_corrections``).
    """

    pre: tuple[Slot, ...]
    post: tuple[Slot, ...]
    code: str | None
    pair_code: str | None
    source: str
    text: str
    comment: str | None = None
    verbs: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        """How much the pattern asks for: more slots is more specific."""
        return len(self.pre) + len(self.post)


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb that can trigger an event, as listed in a verb block.

    ``lemma`` is the head word as written ("rule" for ``+RULE_OUT``);
    ``particles`` are the words after it and ``pre_particles`` the words before
    it in a multi-word verb (``KLM_NOP_+RST``). ``forms`` are the irregular
    inflections of the whole verb in text order ("asked for"); the head of each
    form sits at index ``len(pre_particles)``. ``code``/``pair_code`` are the
    verb's own code when ``own_code``, otherwise its block's.
    """

    lemma: str
    block: str
    source: str
    particles: tuple[str, ...] = ()
    pre_particles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    code: str | None = None
    pair_code: str | None = None
    own_code: bool = False

    @property
    def phrase(self) -> str:
        """The verb as one lower-case phrase, e.g. "rule out"."""
        return " ".join((*self.pre_particles, self.lemma, *self.particles))

    def form_heads(self) -> tuple[str, ...]:
        """The head word of every irregular form ("asked" for "asked for")."""
        at = len(self.pre_particles)
        return tuple(form.split()[at] for form in self.forms)


@dataclass(frozen=True, slots=True)
class Block:
    """A verb synonym block: its default code and the patterns shared by its verbs."""

    name: str
    code: str | None
    pair_code: str | None
    source: str
    patterns: tuple[Pattern, ...] = ()


@dataclass(frozen=True, slots=True)
class Synset:
    """A named set of interchangeable words, used as ``&NAME`` in patterns.

    ``members`` are as written (they may reference other synsets);
    ``words`` are fully expanded.
    """

    name: str
    members: tuple[str, ...]
    words: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """Verbs, their blocks and patterns, with fast lookup by word.

    Equality compares the content (synsets, blocks, verbs), not where it was
    loaded from nor the warnings collected on the way.
    """

    synsets: tuple[Synset, ...]
    blocks: tuple[Block, ...]
    verbs: tuple[Verb, ...]
    warnings: tuple[str, ...] = field(default=(), compare=False)
    origin: str = field(default="", compare=False)
    _by_word: dict[str, tuple[Verb, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    _by_block: dict[str, Block] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    _ranked: dict[str, tuple[Pattern, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    _ranked_for_verb: dict[tuple[str, str], tuple[Pattern, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_word: dict[str, list[Verb]] = {}
        for verb in self.verbs:
            for key in dict.fromkeys((verb.lemma, *verb.form_heads())):
                by_word.setdefault(key, []).append(verb)
        self._by_word.update((k, tuple(v)) for k, v in by_word.items())
        self._by_block.update((b.name, b) for b in self.blocks)
        # sorted() is stable, so equally specific patterns keep file order.
        self._ranked.update(
            (b.name, tuple(sorted(b.patterns, key=lambda p: -p.specificity)))
            for b in self.blocks)
        # Only blocks with patterns narrowed to some of their verbs need a list per verb.
        scoped = {b.name for b in self.blocks if any(p.verbs for p in b.patterns)}
        self._ranked_for_verb.update(
            ((verb.block, verb.phrase),
             tuple(p for p in self._ranked[verb.block] if not p.verbs or verb.phrase in p.verbs))
            for verb in self.verbs if verb.block in scoped)

    def candidates(self, lemma: str) -> list[Verb]:
        """Verbs whose head word or an irregular form is ``lemma``, in file order."""
        return list(self._by_word.get(lemma.lower(), ()))

    def patterns_for(self, verb: Verb) -> list[Pattern]:
        """The patterns of the verb's block that apply to it, most specific (most slots) first."""
        found = self._ranked_for_verb.get((verb.block, verb.phrase))
        return list(found if found is not None else self._ranked.get(verb.block, ()))

    def block(self, name: str) -> Block:
        """The block called ``name``; a KeyError names the closest existing blocks."""
        found = self._by_block.get(name)
        if found is None:
            close = difflib.get_close_matches(name, list(self._by_block), n=5)
            raise KeyError(f"no verb block {name!r}; closest: {', '.join(close) or 'none'}")
        return found

    def synset(self, name: str) -> Synset:
        """The synset called ``name`` (without the ``&``)."""
        for synset in self.synsets:
            if synset.name == name:
                return synset
        raise KeyError(f"no synset {name!r}; known: {', '.join(s.name for s in self.synsets)}")

    @classmethod
    def load(cls, path: str | Path) -> VerbDictionary:
        """Read eventwire JSONL or a TABARI/PETRARCH verbs file, chosen by suffix or content."""
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl" or text.lstrip().startswith("{"):
            return read_jsonl(text, str(path))
        # The TABARI reader builds these records, so it imports this module;
        # importing it here keeps JSONL loading free of the text parser.
        from eventwire.events.tabari_verbs import read_tabari_verbs

        return read_tabari_verbs(text, str(path))

    @staticmethod
    def default() -> VerbDictionary:
        """The packaged CAMEO verb dictionary with its corrections, read once per process.

        ``verbs.jsonl`` is PETRARCH-2's CAMEO.2.0.txt as converted;
        ``verb_corrections.jsonl`` fixes codes that contradict the CAMEO codebook
        (see docs/DICTIONARIES.md). A file given to ``load`` is never corrected.
        """
        return _packaged()

    def to_jsonl(self, source: str = "") -> Iterator[str]:
        """The dictionary as JSONL lines (without newlines): header, synsets, then blocks."""
        return dump_jsonl(self, source)


CORRECTIONS_FILE = "verb_corrections.jsonl"


@functools.lru_cache(maxsize=1)
def _packaged() -> VerbDictionary:
    data = resources.files("eventwire.events").joinpath("data")
    verbs = read_jsonl((data / "verbs.jsonl").read_text(encoding="utf-8"),
                       "eventwire/events/data/verbs.jsonl")
    corrections = (data / CORRECTIONS_FILE).read_text(encoding="utf-8")
    from eventwire.events.corrections import apply_corrections  # it builds on this module

    return apply_corrections(verbs, corrections, f"eventwire/events/data/{CORRECTIONS_FILE}")


# --- synset expansion, shared by both readers ---------------------------------------


class SynsetCycle(ValueError):
    """A synset that includes itself, directly or through others."""


def expand_synsets(members: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Every synset's members with nested ``&NAME`` references expanded.

    References must name synsets in ``members``; a KeyError names the first
    that does not, and SynsetCycle reports a set that contains itself.
    """
    done: dict[str, tuple[str, ...]] = {}

    def expand(name: str, trail: tuple[str, ...]) -> tuple[str, ...]:
        if name in done:
            return done[name]
        if name in trail:
            raise SynsetCycle(" -> ".join((*trail, name)))
        words: list[str] = []
        for member in members[name]:
            words.extend(_expand_term(member, lambda ref: expand(ref, (*trail, name))))
        done[name] = tuple(dict.fromkeys(words))
        return done[name]

    for name in members:
        expand(name, ())
    return done


def expand_terms(terms: Iterable[str], synsets: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The alternatives with each ``&NAME`` replaced by its members (cross product)."""
    words: list[str] = []
    for term in terms:
        words.extend(_expand_term(term, synsets.__getitem__))
    return tuple(dict.fromkeys(words))


def _expand_term(term: str, members_of: Any) -> list[str]:
    if "&" not in term:
        return [term]
    choices = [members_of(w[1:]) if w.startswith("&") else (w,) for w in term.split()]
    return [" ".join(combo) for combo in itertools.product(*choices)]


# --- JSONL ---------------------------------------------------------------------------


def dump_jsonl(dictionary: VerbDictionary, source: str = "") -> Iterator[str]:
    """Deterministic JSONL for ``dictionary``: one object per line, header first."""
    header = {
        "kind": "header", "format": JSONL_FORMAT, "version": JSONL_VERSION,
        "source": source or dictionary.origin,
        "counts": {
            "synsets": len(dictionary.synsets), "blocks": len(dictionary.blocks),
            "verbs": len(dictionary.verbs),
            "patterns": sum(len(b.patterns) for b in dictionary.blocks),
        },
        "warnings": list(dictionary.warnings),
    }
    yield _dumps(header)
    for synset in dictionary.synsets:
        yield _dumps({"kind": "synset", "name": synset.name, "members": list(synset.members),
                      "source": synset.source})
    verbs_by_block: dict[str, list[Verb]] = {}
    for verb in dictionary.verbs:
        verbs_by_block.setdefault(verb.block, []).append(verb)
    for block in dictionary.blocks:
        yield _dumps(_compact({"kind": "block", "name": block.name, "code": block.code,
                               "pair_code": block.pair_code, "source": block.source},
                              keep=("code",)))
        for verb in verbs_by_block.get(block.name, ()):
            yield _dumps(_verb_record(verb))
        for pattern in block.patterns:
            yield _dumps(_pattern_record(block.name, pattern))


def _dumps(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _compact(record: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop empty and default values so lines stay short; ``keep`` keys always stay."""
    return {k: v for k, v in record.items() if k in keep or v not in (None, False, [], ())}


def _verb_record(verb: Verb) -> dict[str, Any]:
    return _compact({
        "kind": "verb", "block": verb.block, "lemma": verb.lemma,
        "pre_particles": list(verb.pre_particles), "particles": list(verb.particles),
        "forms": list(verb.forms), "code": verb.code, "pair_code": verb.pair_code,
        "own_code": verb.own_code, "source": verb.source,
    }, keep=("code",))


def _pattern_record(block: str, pattern: Pattern) -> dict[str, Any]:
    return _compact({
        "kind": "pattern", "block": block,
        "pre": [_slot_record(s) for s in pattern.pre],
        "post": [_slot_record(s) for s in pattern.post],
        "code": pattern.code, "pair_code": pattern.pair_code,
        "source": pattern.source, "text": pattern.text, "comment": pattern.comment,
        "verbs": list(pattern.verbs),
    }, keep=("code",))


def _slot_record(slot: Slot) -> dict[str, Any]:
    return _compact({"terms": list(slot.terms), "marker": slot.marker, "prep": slot.prep,
                     "adjacent": slot.adjacent})


def read_jsonl(text: str, path: str) -> VerbDictionary:
    """Parse eventwire verbs JSONL; any defect raises DictionaryError with path:line."""
    return _JsonlReader(path).read(text)


class JsonLines:
    """Reading a file of one JSON object per line after a versioned header line,
    with every defect a DictionaryError naming ``path:line``."""

    path: str

    def _error(self, line: int, message: str) -> DictionaryError:
        return DictionaryError(self.path, line, message)

    def _decode(self, number: int, line: str) -> dict[str, Any]:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise self._error(number, f"not valid JSON: {exc.msg}") from None
        except RecursionError:
            raise self._error(number, "not valid JSON: nested too deeply") from None
        if not isinstance(record, dict):
            raise self._error(number, "each line must be a JSON object")
        return record

    def _check_header(self, number: int, record: dict[str, Any], name: str,
                      version: int) -> None:
        if record.get("kind") != "header" or record.get("format") != name:
            raise self._error(number, f"first line must be the {name!r} header")
        if record.get("version") != version:
            raise self._error(number, f"format version {record.get('version')!r} is not "
                                      f"supported; this reader knows version {version}")


class _JsonlReader(JsonLines):
    """Builds a VerbDictionary from JSONL records, checking each against what came before."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.warnings: tuple[str, ...] = ()
        self.members: dict[str, tuple[str, ...]] = {}
        self.synset_sources: dict[str, str] = {}
        self.expanded: dict[str, tuple[str, ...]] | None = None
        self.blocks: dict[str, tuple[dict[str, Any], list[Pattern]]] = {}
        self.verbs: list[Verb] = []
        self.slots: dict[str, Slot] = {}

    def read(self, text: str) -> VerbDictionary:
        seen_header = False
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            record = self._decode(number, line)
            kind = record.get("kind")
            if not seen_header:
                self._header(number, record)
                seen_header = True
            elif kind == "synset":
                self._synset(number, record)
            elif kind == "block":
                self._block(number, record)
            elif kind == "verb":
                self.verbs.append(self._verb(number, record))
            elif kind == "pattern":
                self._pattern(number, record)
            else:
                raise self._error(number, f"unknown record kind {kind!r}; expected "
                                          "synset, block, verb or pattern")
        if not seen_header:
            raise self._error(1, "empty file: expected a header line")
        return self._build()

    def _header(self, number: int, record: dict[str, Any]) -> None:
        self._check_header(number, record, JSONL_FORMAT, JSONL_VERSION)
        self.warnings = tuple(record.get("warnings", ()))

    def _synset(self, number: int, record: dict[str, Any]) -> None:
        if self.expanded is not None:
            raise self._error(number, "synsets must come before the first block")
        name = self._get(number, record, "name", str)
        if name in self.members:
            raise self._error(number, f"synset {name!r} defined twice")
        self.members[name] = tuple(self._get(number, record, "members", list))
        self.synset_sources[name] = self._get(number, record, "source", str)

    def _expand_synsets(self, number: int) -> dict[str, tuple[str, ...]]:
        if self.expanded is None:
            try:
                self.expanded = expand_synsets(self.members)
            except KeyError as exc:
                raise self._error(number, f"a synset member names unknown synset {exc}") from None
            except SynsetCycle as exc:
                raise self._error(number, f"synsets include themselves: {exc}") from None
        return self.expanded

    def _block(self, number: int, record: dict[str, Any]) -> None:
        self._expand_synsets(number)
        name = self._get(number, record, "name", str)
        if name in self.blocks:
            raise self._error(number, f"block {name!r} defined twice")
        self._get(number, record, "source", str)
        self._code(number, record, "code")
        self._code(number, record, "pair_code")
        self.blocks[name] = (record, [])

    def _owner(self, number: int, record: dict[str, Any]) -> str:
        block = self._get(number, record, "block", str)
        if block not in self.blocks:
            raise self._error(number, f"block {block!r} has no block record before this line")
        return block

    def _verb(self, number: int, record: dict[str, Any]) -> Verb:
        verb = Verb(
            lemma=self._get(number, record, "lemma", str),
            block=self._owner(number, record),
            source=self._get(number, record, "source", str),
            particles=self._words(number, record, "particles"),
            pre_particles=self._words(number, record, "pre_particles"),
            forms=self._words(number, record, "forms"),
            code=self._code(number, record, "code"),
            pair_code=self._code(number, record, "pair_code"),
            own_code=bool(record.get("own_code", False)),
        )
        if any(len(form.split()) <= len(verb.pre_particles) for form in verb.forms):
            raise self._error(number, "every form must have a word where the verb's head is")
        return verb

    def _words(self, number: int, record: dict[str, Any], key: str) -> tuple[str, ...]:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise self._error(number, f"{key!r} must be a list of non-empty strings")
        return tuple(value)

    def _code(self, number: int, record: dict[str, Any], key: str) -> str | None:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise self._error(number, f"{key!r} must be a string such as \"042\" or null")
        return value

    def _pattern(self, number: int, record: dict[str, Any]) -> None:
        block = self._owner(number, record)
        pattern = Pattern(
            pre=tuple(self._slot(number, s) for s in record.get("pre", ())),
            post=tuple(self._slot(number, s) for s in record.get("post", ())),
            code=self._code(number, record, "code"),
            pair_code=self._code(number, record, "pair_code"),
            source=self._get(number, record, "source", str),
            text=self._get(number, record, "text", str),
            comment=record.get("comment"),
            verbs=self._words(number, record, "verbs"),
        )
        self.blocks[block][1].append(pattern)

    def _slot(self, number: int, record: dict[str, Any]) -> Slot:
        # Many patterns share slots such as (AGAINST) or &MILITARY; building each
        # distinct slot once keeps loading fast.
        key = json.dumps(record, sort_keys=True)
        slot = self.slots.get(key)
        if slot is None:
            marker = record.get("marker")
            if marker is not None and marker not in MARKERS:
                raise self._error(number, f"unknown slot marker {marker!r}; known: "
                                          f"{', '.join(MARKERS)}")
            terms = self._words(number, record, "terms")
            try:
                words = expand_terms(terms, self._expand_synsets(number))
            except KeyError as exc:
                raise self._error(number, f"slot names unknown synset {exc}") from None
            slot = Slot(terms=terms, words=words, marker=marker, prep=record.get("prep"),
                        adjacent=bool(record.get("adjacent", False)))
            self.slots[key] = slot
        return slot

    def _get(self, number: int, record: dict[str, Any], key: str, kind: type) -> Any:
        value = record.get(key)
        if not isinstance(value, kind):
            raise self._error(number, f"{record.get('kind')} record needs {key!r} "
                                      f"({kind.__name__})")
        return value

    def _build(self) -> VerbDictionary:
        expanded = self._expand_synsets(1)
        synsets = tuple(Synset(name, members, expanded[name], self.synset_sources[name])
                        for name, members in self.members.items())
        blocks = tuple(
            Block(name=name, code=record.get("code"), pair_code=record.get("pair_code"),
                  source=record["source"], patterns=tuple(patterns))
            for name, (record, patterns) in self.blocks.items())
        return VerbDictionary(synsets=synsets, blocks=blocks, verbs=tuple(self.verbs),
                              warnings=self.warnings, origin=self.path)
