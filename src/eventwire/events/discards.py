"""Discard phrases: sports, entertainment and the like, which suppress coding.

A sentence holding a sentence-level phrase is not coded; an article holding a
story-level phrase (``+`` in the TABARI format) is not coded at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


class DiscardError(ValueError):
    """A discard file that cannot be read; the message starts with file:line."""


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool
    source: str


class Discards:
    """A set of discard phrases, matched on word boundaries, ignoring case."""

    def __init__(self, entries: list[Discard]):
        self.entries = entries
        self._sentence = _compile([e for e in entries if not e.story])
        self._story = _compile([e for e in entries if e.story])

    @classmethod
    def load(cls, path: Path) -> Discards:
        if path.suffix == ".jsonl":
            return cls(_read_jsonl(path))
        return cls(read_tabari(path))

    @classmethod
    def empty(cls) -> Discards:
        return cls([])

    def sentence_hit(self, text: str) -> Discard | None:
        return self._hit(self._sentence, text)

    def story_hit(self, text: str) -> Discard | None:
        return self._hit(self._story, text)

    def _hit(self, compiled, text: str) -> Discard | None:
        if compiled is None:
            return None
        pattern, by_phrase = compiled
        found = pattern.search(text)
        return by_phrase[found.group(0).lower()] if found else None


def _compile(entries: list[Discard]):
    if not entries:
        return None
    by_phrase = {e.phrase: e for e in entries}
    words = sorted(by_phrase, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), _Normalised(by_phrase)


class _Normalised(dict):
    """Lookup by matched text, whatever its spacing."""

    def __getitem__(self, key: str) -> Discard:
        return super().__getitem__(" ".join(key.split()))


def read_tabari(path: Path) -> list[Discard]:
    """One phrase a line, ``+`` for story level, ``#`` comments, bare numbers ignored."""
    entries: list[Discard] = []
    with open(path, encoding="utf-8", errors="strict") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line or line.isdigit() or line.startswith("<!--"):
                continue
            story = line.startswith("+")
            phrase = " ".join(line.lstrip("+").replace("_", " ").lower().split())
            if phrase:
                entries.append(Discard(phrase, story, f"{path.name}:{number}"))
    return entries


def _read_jsonl(path: Path) -> list[Discard]:
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entries.append(Discard(**json.loads(line)))
            except (ValueError, TypeError) as err:
                raise DiscardError(f"{path}:{number}: {err}") from err
    return entries


def write_jsonl(entries: list[Discard], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for entry in sorted(entries, key=lambda e: (e.phrase, e.story)):
            handle.write(json.dumps(entry.__dict__, ensure_ascii=False) + "\n")


@lru_cache(maxsize=1)
def default_discards() -> Discards:
    return Discards.load(Path(str(resources.files("eventwire.events") / "data" / "discards.jsonl")))
