"""The size stage's own words: which verbs, nouns and states count the dead, injured
and arrested. Read from data/words.tsv and checked on load, with file:line in errors."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

FIELDS = ("dead", "injured", "arrested")
KINDS = ("verb", "intransitive", "noun", "state")
PACKAGED = "eventwire/size/data/words.tsv"


class LexiconError(ValueError):
    """A line of the size words file is malformed; the message names file and line."""


@dataclass(frozen=True)
class CountWords:
    """Lemma -> field, one table per kind of word."""

    verbs: dict[str, str]
    intransitive: dict[str, str]
    nouns: dict[str, str]
    states: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> CountWords:
        """The packaged words, or those of ``path``."""
        if path is None:
            text = resources.files("eventwire.size").joinpath("data", "words.tsv").read_text(
                encoding="utf-8")
            return cls.parse(text, PACKAGED)
        return cls.parse(Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def parse(cls, text: str, name: str) -> CountWords:
        tables: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise LexiconError(f"{name}:{number}: expected word, field and kind "
                                   f"separated by tabs, got {line!r}")
            word, field, kind = (part.strip() for part in parts)
            if field not in FIELDS:
                raise LexiconError(f"{name}:{number}: field {field!r} is not one of "
                                   f"{', '.join(FIELDS)}")
            if kind not in KINDS:
                raise LexiconError(f"{name}:{number}: kind {kind!r} is not one of "
                                   f"{', '.join(KINDS)}")
            tables[kind][word.lower()] = field
        return cls(tables["verb"], tables["intransitive"], tables["noun"], tables["state"])
