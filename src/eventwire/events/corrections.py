"""Corrections to the packaged verb dictionary: wrong PETRARCH-2 codes fixed by the
CAMEO codebook, each with its own provenance (data/verb_corrections.jsonl).

They apply only to the bundled dictionary (``VerbDictionary.default()``), never to
a user's own TABARI or JSONL verbs file. See docs/DICTIONARIES.md.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path
from typing import Any

from eventwire.events.verbdict import (
    CORRECTIONS_FORMAT,
    CORRECTIONS_VERSION,
    Block,
    JsonLines,
    Pattern,
    Slot,
    Verb,
    VerbDictionary,
)

_CAMEO_CODE = re.compile(r"\d{2,4}")
# An added pattern is plain words around the verb: "- * STREETS [144]".
_PLAIN_PATTERN = re.compile(
    r"^- (?P<pre>(?:[A-Z]+ )*)\* ?(?P<post>(?:[A-Z]+ ?)*)\[(?P<code>[^\]]+)\]$")
_CORRECTION_KEYS: dict[str, tuple[str, ...]] = {
    "pattern": ("block", "source", "text", "code", "pair_code", "verbs", "remove", "add", "why"),
    "scope": ("block", "written_for", "sources", "patterns", "verbs", "why"),
    "verb": ("block", "verb", "source", "code", "pair_code", "add", "forms", "why"),
    "block": ("block", "source", "code", "pair_code", "why"),
}


def apply_corrections(dictionary: VerbDictionary, text: str, path: str) -> VerbDictionary:
    """``dictionary`` with the corrections in ``text`` (eventwire-verb-corrections JSONL).

    After a header line, each line is one correction with a ``why``:

    * ``pattern``: the pattern of ``block`` from ``source`` (whose text must still
      be ``text``) gets a new ``code``/``pair_code``, is narrowed to ``verbs``, or
      is removed (``"remove": true``);
    * ``scope``: the ``patterns`` patterns of ``block`` that PETRARCH marks as
      written for the verb ``written_for`` (their comment), or that come from the
      lines in ``sources``, apply only to ``verbs``;
    * ``verb``: the verb of ``block`` from ``source`` gets its own ``code``
      (null: no event unless a pattern matches); with ``"add": true`` a verb
      missing from the file joins the block;
    * ``block``: the block from ``source`` gets a new default ``code``.

    A key left out keeps its value; later lines may refine what earlier ones
    changed. Whatever a line changes takes ``<file name>:<line>`` as its source,
    so an event coded by it names the correction as its rule. Any defect raises
    DictionaryError with ``path:line``.
    """
    return _Corrector(dictionary, path).apply(text)


def _code_text(code: str | None, pair_code: str | None) -> str:
    """A code as TABARI writes it in brackets: "042", "042:043", ":173" or "---"."""
    if pair_code:
        return f"{code or ''}:{pair_code}"
    return code or "---"


class _Corrector(JsonLines):
    """Applies correction records to a dictionary, checking each names what exists."""

    def __init__(self, dictionary: VerbDictionary, path: str) -> None:
        self.dictionary = dictionary
        self.path = path
        self.name = Path(path).name
        self.blocks = {b.name: b for b in dictionary.blocks}
        self.patterns: dict[str, list[Pattern]] = {}
        self.verbs = list(dictionary.verbs)
        # What a corrected record was in the file, by id of the new record: a pattern's
        # (source, text), a verb's source. Later lines find records by what they were.
        # Replaced records are kept in ``retired`` so that no id is reused meanwhile.
        self.original: dict[int, tuple[str, str]] = {}
        self.verb_sources: dict[int, str] = {}
        self.retired: list[Pattern | Verb] = []
        self.done: dict[tuple[str, ...], int] = {}

    def apply(self, text: str) -> VerbDictionary:
        handlers = {"pattern": self._pattern, "scope": self._scope, "verb": self._verb,
                    "block": self._block}
        seen_header = False
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            record = self._decode(number, line)
            if not seen_header:
                self._header(number, record)
                seen_header = True
                continue
            kind = record.get("kind")
            if kind not in handlers:
                raise self._error(number, f"unknown correction kind {kind!r}; expected "
                                          f"{', '.join(handlers)}")
            self._check_keys(number, record, kind)
            for flag in ("add", "remove"):
                if flag in record and record[flag] is not True:
                    raise self._error(number, f"{flag!r} is either true or left out")
            handlers[kind](number, record)
        if not seen_header:
            raise self._error(1, "empty file: expected a header line")
        return self._build()

    def _build(self) -> VerbDictionary:
        blocks = tuple(
            dataclasses.replace(self.blocks[b.name], patterns=tuple(self.patterns[b.name]))
            if b.name in self.patterns else self.blocks[b.name]
            for b in self.dictionary.blocks)
        return VerbDictionary(self.dictionary.synsets, blocks, tuple(self.verbs),
                              warnings=self.dictionary.warnings, origin=self.dictionary.origin)

    # --- reading ---------------------------------------------------------------------

    def _header(self, number: int, record: dict[str, Any]) -> None:
        self._check_header(number, record, CORRECTIONS_FORMAT, CORRECTIONS_VERSION)

    def _check_keys(self, number: int, record: dict[str, Any], kind: str) -> None:
        known = _CORRECTION_KEYS[kind]
        unknown = sorted(set(record) - {"kind", *known})
        if unknown:
            raise self._error(number, f"unknown key(s) {', '.join(unknown)}; a {kind} "
                                      f"correction takes {', '.join(known)}")
        why = record.get("why")
        if not isinstance(why, str) or not why.strip():
            raise self._error(number, "every correction needs a 'why' citing the CAMEO code")

    def _get(self, number: int, record: dict[str, Any], key: str, kind: type) -> Any:
        value = record.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            raise self._error(number, f"{record['kind']} correction needs {key!r} "
                                      f"({kind.__name__})")
        return value

    def _code(self, number: int, record: dict[str, Any], key: str, old: str | None
              ) -> str | None:
        if key not in record:
            return old
        value = record[key]
        if value is not None and not (isinstance(value, str) and _CAMEO_CODE.fullmatch(value)):
            raise self._error(number, f"{key!r} must be a CAMEO code string such as \"042\", "
                                      "or null for no event")
        return value

    def _block_named(self, number: int, record: dict[str, Any]) -> Block:
        name = self._get(number, record, "block", str)
        found = self.blocks.get(name)
        if found is None:
            close = difflib.get_close_matches(name, list(self.blocks), n=5)
            raise self._error(number, f"no verb block {name!r}; closest: "
                                      f"{', '.join(close) or 'none'}")
        return found

    def _once(self, number: int, *key: str) -> None:
        """One correction per thing and kind: a second is a mistake, not a refinement."""
        earlier = self.done.setdefault(key, number)
        if earlier != number:
            raise self._error(number, f"{' '.join(key)} is already corrected at line "
                                      f"{earlier}")

    def _here(self, number: int) -> str:
        return f"{self.name}:{number}"

    def _verbs_of(self, block: str) -> list[str]:
        return [v.phrase for v in self.verbs if v.block == block]

    def _scope_verbs(self, number: int, record: dict[str, Any], block: str) -> tuple[str, ...]:
        phrases = record.get("verbs")
        if not isinstance(phrases, list) or not phrases or not all(
                isinstance(p, str) and p for p in phrases):
            raise self._error(number, "'verbs' must be a non-empty list of verb phrases")
        known = self._verbs_of(block)
        for phrase in phrases:
            if phrase not in known:
                raise self._error(number, f"verb {phrase!r} is not in block {block}; its "
                                          f"verbs: {', '.join(known)}")
        return tuple(phrases)

    # --- patterns --------------------------------------------------------------------

    def _patterns_of(self, block: str) -> list[Pattern]:
        if block not in self.patterns:
            self.patterns[block] = list(self.blocks[block].patterns)
        return self.patterns[block]

    def _was(self, pattern: Pattern) -> tuple[str, str]:
        return self.original.get(id(pattern), (pattern.source, pattern.text))

    def _replace(self, block: str, index: int, new: Pattern) -> None:
        patterns = self._patterns_of(block)
        self.original[id(new)] = self._was(patterns[index])
        self.retired.append(patterns[index])
        patterns[index] = new

    def _pattern(self, number: int, record: dict[str, Any]) -> None:
        if record.get("add") is True:
            self._add_pattern(number, record)
            return
        block = self._block_named(number, record).name
        source = self._get(number, record, "source", str)
        text = self._get(number, record, "text", str)
        self._once(number, "pattern", block, source)
        patterns = self._patterns_of(block)
        # One TABARI line can give two patterns ("(BY/WITH X)"); a correction takes both.
        found = [i for i, p in enumerate(patterns) if self._was(p)[0] == source]
        if not found:
            raise self._error(number, f"verb block {block} has no pattern from {source}")
        written = self._was(patterns[found[0]])[1]
        if written != text:
            raise self._error(number, f"the pattern from {source} reads {written!r}, not "
                                      f"{text!r}")
        changes = {"code", "pair_code", "verbs"} & set(record)
        if record.get("remove") is True:
            if changes:
                raise self._error(number, "a removed pattern takes no code, pair_code or "
                                          "verbs")
            for index in reversed(found):
                self.retired.append(patterns.pop(index))
            return
        if not changes:
            raise self._error(number, "a pattern correction changes 'code', 'pair_code' or "
                                      "'verbs', or has \"remove\": true")
        verbs = self._scope_verbs(number, record, block) if "verbs" in record else None
        for index in found:
            old = patterns[index]
            code = self._code(number, record, "code", old.code)
            pair_code = self._code(number, record, "pair_code", old.pair_code)
            text = old.text
            if (code, pair_code) != (old.code, old.pair_code):
                text = f"{old.text.rsplit('[', 1)[0].rstrip()} [{_code_text(code, pair_code)}]"
            self._replace(block, index, dataclasses.replace(
                old, code=code, pair_code=pair_code, text=text, source=self._here(number),
                verbs=old.verbs if verbs is None else verbs))

    def _add_pattern(self, number: int, record: dict[str, Any]) -> None:
        """A pattern the block lacks, of plain words: "- * OBSERVERS [0862]"."""
        block = self._block_named(number, record).name
        text = self._get(number, record, "text", str)
        self._once(number, "pattern", block, text)
        if "source" in record or "remove" in record:
            raise self._error(number, "an added pattern has no 'source' or 'remove'")
        found = _PLAIN_PATTERN.fullmatch(text)
        if found is None:
            raise self._error(number, f"an added pattern is plain upper-case words around "
                                      f"'*' with a code, like '- * STREETS [144]', not {text!r}")
        code, pair_code = _parse_codes(found.group("code"))
        if not (_valid(code) and _valid(pair_code)) or not (code or pair_code):
            raise self._error(number, f"{found.group('code')!r} is not [042] or [042:043]")
        verbs = self._scope_verbs(number, record, block) if "verbs" in record else ()
        self._patterns_of(block).append(Pattern(
            pre=_plain_slots(found.group("pre")), post=_plain_slots(found.group("post")),
            code=code, pair_code=pair_code, source=self._here(number), text=text,
            verbs=verbs))

    def _scope(self, number: int, record: dict[str, Any]) -> None:
        block = self._block_named(number, record).name
        expected = self._get(number, record, "patterns", int)
        verbs = self._scope_verbs(number, record, block)
        patterns = self._patterns_of(block)
        if ("written_for" in record) == ("sources" in record):
            raise self._error(number, "a scope correction names either 'written_for' (a verb "
                                      "of PETRARCH's comments) or 'sources' (pattern lines)")
        if "written_for" in record:
            written_for = self._get(number, record, "written_for", str)
            self._once(number, "scope", block, written_for)
            found = [i for i, p in enumerate(patterns)
                     if (p.comment or "").split()[:1] == [written_for]]
            what = f"written for {written_for}"
        else:
            sources = self._get(number, record, "sources", list)
            for source in sources:
                self._once(number, "scope", block, str(source))
            found = [i for i, p in enumerate(patterns) if self._was(p)[0] in sources]
            missing = set(sources) - {self._was(patterns[i])[0] for i in found}
            if missing:
                raise self._error(number, f"verb block {block} has no pattern from "
                                          f"{', '.join(sorted(map(str, missing)))}")
            what = "from those sources"
        if len(found) != expected:
            raise self._error(number, f"block {block} has {len(found)} patterns {what}, not "
                                      f"{expected}")
        for index in found:
            self._replace(block, index, dataclasses.replace(
                patterns[index], verbs=verbs, source=self._here(number)))

    # --- verbs and blocks ------------------------------------------------------------

    def _verb(self, number: int, record: dict[str, Any]) -> None:
        block = self._block_named(number, record).name
        phrase = self._get(number, record, "verb", str)
        self._once(number, "verb", block, phrase)
        if "code" not in record:
            raise self._error(number, "a verb correction needs 'code' (null for no event)")
        at = [i for i, v in enumerate(self.verbs) if v.block == block and v.phrase == phrase]
        if record.get("add") is True:
            if at or "source" in record:
                raise self._error(number, f"verb {phrase!r} is already in block {block}" if at
                                  else "an added verb has no 'source' to replace")
            lemma, *particles = phrase.split()
            # After the block's last verb, where the file would list it.
            at_end = 1 + max((i for i, v in enumerate(self.verbs) if v.block == block),
                             default=len(self.verbs) - 1)
            self.verbs.insert(at_end, Verb(
                lemma=lemma, block=block, source=self._here(number),
                particles=tuple(particles), forms=self._forms(number, record),
                code=self._code(number, record, "code", None),
                pair_code=self._code(number, record, "pair_code", None), own_code=True))
            return
        if "forms" in record:
            raise self._error(number, "'forms' goes only with \"add\": true")
        if not at:
            raise self._error(number, f"verb {phrase!r} is not in block {block}; its verbs: "
                                      f"{', '.join(self._verbs_of(block))}")
        old = self.verbs[at[0]]
        source = self._get(number, record, "source", str)
        if self._verb_was(old) != source:
            raise self._error(number, f"verb {phrase!r} of block {block} is from "
                                      f"{self._verb_was(old)}, not {source}")
        self._replace_verb(at[0], dataclasses.replace(
            old, code=self._code(number, record, "code", old.code),
            pair_code=self._code(number, record, "pair_code", old.pair_code),
            own_code=True, source=self._here(number)))

    def _forms(self, number: int, record: dict[str, Any]) -> tuple[str, ...]:
        forms = record.get("forms", [])
        if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
            raise self._error(number, "'forms' must be a list of inflected forms")
        return tuple(forms)

    def _verb_was(self, verb: Verb) -> str:
        return self.verb_sources.get(id(verb), verb.source)

    def _replace_verb(self, index: int, new: Verb) -> None:
        self.verb_sources[id(new)] = self._verb_was(self.verbs[index])
        self.retired.append(self.verbs[index])
        self.verbs[index] = new

    def _block(self, number: int, record: dict[str, Any]) -> None:
        old = self._block_named(number, record)
        source = self._get(number, record, "source", str)
        self._once(number, "block", old.name)
        if old.source != source:
            raise self._error(number, f"block {old.name} is from {old.source}, not {source}")
        if "code" not in record:
            raise self._error(number, "a block correction needs 'code' (null for no event)")
        code = self._code(number, record, "code", old.code)
        pair_code = self._code(number, record, "pair_code", old.pair_code)
        self.blocks[old.name] = dataclasses.replace(
            old, code=code, pair_code=pair_code, source=self._here(number))
        # The verbs that take the block's code take the new one, and this line as source.
        for index, verb in enumerate(self.verbs):
            if verb.block == old.name and not verb.own_code:
                self._replace_verb(index, dataclasses.replace(
                    verb, code=code, pair_code=pair_code, source=self._here(number)))


def _parse_codes(text: str) -> tuple[str | None, str | None]:
    code, _, pair = text.strip().partition(":")
    return code.strip() or None, pair.strip() or None


def _valid(code: str | None) -> bool:
    return code is None or bool(_CAMEO_CODE.fullmatch(code))


def _plain_slots(words: str) -> tuple[Slot, ...]:
    return tuple(Slot(terms=(word.lower(),), words=(word.lower(),)) for word in words.split())
