"""Finding dictionary names in a sequence of lower-cased tokens.

Names are grouped by their first token, so each text token costs one dict
lookup; only the few names that start with that token are compared, longest
first. Single-token stems ("israeli*") cannot be keyed by the whole token, so
they are keyed by their first :data:`MIN_STEM_LENGTH` letters instead.

A name added with ``plural=True`` also matches with an "s" on its last token
("albanian" matches "Albanians", "south korean" "South Koreans"). The dictionary
asks for this only for countries, whose exact names include the nationality
words; the Phoenix files often list "ALBANIAN_" as an exact word, which would
otherwise miss the plural that wire stories use for people. A plural nationality
word listed alone ("MALDIVIANS_") matches its singular the same way. Such a
variant is the last resort: any real name or stem of the same length wins over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire.actors.entries import MIN_STEM_LENGTH

# What may follow a stem: plural, demonym and adherent endings. TABARI took
# any continuation, which lets "gera*" (a German city) match "Gerald" and
# "mali*" match "Malik"; the stems in the dictionaries are there for forms like
# "Israelis", "Argentinians", "Bulgaria" and "Gulenists".
STEM_SUFFIXES = frozenset({
    "s", "es", "a", "as", "e", "i", "is", "n", "ns", "an", "ans", "ian", "ians", "ean", "eans",
    "ia", "ien", "iens", "ese", "ish", "ic", "ics", "ist", "ists", "ite", "ites", "ism",
})

# Plural nationality words whose singular a file may leave out ("MALDIVIANS_").
DEMONYM_PLURALS = ("ians", "eans", "ans")

# Country names plus "s" that are English words or people's names, not
# people of the country: "Male" (the Maldives' capital) is no reason to read
# "Males" as Maldivians, nor "France" to read Frances Fitzgerald as French.
NOT_PLURALS = frozenset({
    "albertas", "austins", "bales", "charlottes", "chads", "chiles", "corks", "cubas",
    "frances", "gents", "guineas", "hippos", "jerseys", "jordans", "lawrences", "limas",
    "lyons", "males", "marches", "meccas", "morons", "nahas", "niles", "sagas", "samaras",
    "turkeys", "tyres",
})


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A name found at tokens ``start:end``; ``payload`` says whose name it is."""

    start: int
    end: int
    payload: int
    stem: bool


@dataclass(frozen=True, slots=True)
class _Candidate:
    length: int
    middle: tuple[str, ...]  # tokens after the first that must match exactly
    last_stem: str | None  # a final token that may be extended, if any
    payload: int
    plural: bool = False  # made from a name by adding "s": never beats a real name

    def sort_key(self) -> tuple[int, bool, bool, int]:
        # Longer names first; at equal length a real name beats a made plural,
        # an exact name beats a stem, and a longer stem beats a shorter one
        # ("nigeria" over "niger*").
        return (-self.length, self.plural, self.last_stem is not None,
                -len(self.last_stem or ""))


class NameIndex:
    """Token-sequence names mapped to integer payloads (positions in a dictionary)."""

    def __init__(self, stem_suffixes: frozenset[str] = STEM_SUFFIXES) -> None:
        self._stem_suffixes = stem_suffixes
        self._by_first: dict[str, list[_Candidate]] = {}
        self._single_stems: dict[str, list[tuple[str, int]]] = {}
        self._single_plurals: dict[str, list[int]] = {}
        self._sorted = True

    def add(self, name: str, payload: int, plural: bool = False) -> None:
        """Add a name such as "prime minister netanyahu*" (``*``: last token is a stem).

        ``plural``: an exact name also matches with "s" on its last token.
        """
        tokens = name.rstrip("*").split(" ")
        stem = name.endswith("*") and len(tokens[-1]) >= MIN_STEM_LENGTH
        if stem and len(tokens) == 1:
            key = tokens[0][:MIN_STEM_LENGTH]
            self._single_stems.setdefault(key, []).append((tokens[0], payload))
        else:
            middle = tuple(tokens[1:-1] if stem else tokens[1:])
            candidate = _Candidate(len(tokens), middle, tokens[-1] if stem else None, payload)
            self._by_first.setdefault(tokens[0], []).append(candidate)
        if plural and not name.endswith("*"):
            self._add_plural(tokens, payload)
        self._sorted = False

    def _add_plural(self, tokens: list[str], payload: int) -> None:
        """Register ``tokens`` with "s" on the last one, if that can be a plural; a
        people's plural ("maldivians", listed without its singular) gets its singular."""
        last = tokens[-1]
        # Short words make plurals that are other words ("us", "as"); a final
        # "s" ("laos", "swiss") has none to add.
        if len(last) < MIN_STEM_LENGTH or not last.isalpha():
            return
        if last.endswith("s"):
            variant = last[:-1] if last.endswith(DEMONYM_PLURALS) else None
        else:
            variant = last + "s"
        if variant is None or variant in NOT_PLURALS:
            return
        if len(tokens) == 1:
            self._single_plurals.setdefault(variant, []).append(payload)
        else:
            middle = (*tokens[1:-1], variant)
            candidate = _Candidate(len(tokens), middle, None, payload, plural=True)
            self._by_first.setdefault(tokens[0], []).append(candidate)

    def best_at(
        self,
        tokens: tuple[str, ...],
        start: int,
        accept: Callable[[NameMatch], bool] | None = None,
    ) -> NameMatch | None:
        """The longest name starting at ``tokens[start]`` that ``accept`` allows."""
        self._sort()
        first = tokens[start]
        for candidate in self._by_first.get(first, ()):
            match = self._try(candidate, tokens, start)
            if match is not None and (accept is None or accept(match)):
                return match
        for stem, payload in self._single_stems.get(first[:MIN_STEM_LENGTH], ()):
            if self._extends(stem, first):
                match = NameMatch(start, start + 1, payload, stem=True)
                if accept is None or accept(match):
                    return match
        for payload in self._single_plurals.get(first, ()):
            match = NameMatch(start, start + 1, payload, stem=False)
            if accept is None or accept(match):
                return match
        return None

    def full_matches(self, tokens: tuple[str, ...]) -> list[int]:
        """Payloads of every name that covers exactly ``tokens``, best first."""
        self._sort()
        payloads = []
        for candidate in self._by_first.get(tokens[0], ()) if tokens else ():
            if candidate.length == len(tokens) and self._try(candidate, tokens, 0):
                payloads.append(candidate.payload)
        if len(tokens) == 1:
            for stem, payload in self._single_stems.get(tokens[0][:MIN_STEM_LENGTH], ()):
                if self._extends(stem, tokens[0]):
                    payloads.append(payload)
            payloads.extend(self._single_plurals.get(tokens[0], ()))
        return list(dict.fromkeys(payloads))

    def _try(self, candidate: _Candidate, tokens: tuple[str, ...], start: int) -> NameMatch | None:
        end = start + candidate.length
        if end > len(tokens):
            return None
        middle_end = start + 1 + len(candidate.middle)
        if tokens[start + 1 : middle_end] != candidate.middle:
            return None
        stem = candidate.last_stem
        if stem is not None and not self._extends(stem, tokens[end - 1]):
            return None
        return NameMatch(start, end, candidate.payload, stem=stem is not None)

    def _extends(self, stem: str, token: str) -> bool:
        """Whether ``token`` is ``stem`` itself or ``stem`` plus an allowed ending."""
        return token.startswith(stem) and (
            len(token) == len(stem) or token[len(stem) :] in self._stem_suffixes
        )

    def _sort(self) -> None:
        if self._sorted:
            return
        for candidates in self._by_first.values():
            candidates.sort(key=_Candidate.sort_key)  # stable: first loaded wins ties
        for stems in self._single_stems.values():
            stems.sort(key=lambda item: -len(item[0]))
        self._sorted = True
