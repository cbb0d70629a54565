"""Context keywords from the PLOVER manual's definitions (data/keywords.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.context.names import CONTEXTS

PACKAGED = "eventwire/context/data/keywords.tsv"


class KeywordError(ValueError):
    """A malformed line of a keywords file; the message names file and line."""


@dataclass(frozen=True)
class Keywords:
    """One compiled pattern per context."""

    patterns: dict[str, re.Pattern]

    @classmethod
    def load(cls, path: Path | None = None) -> Keywords:
        if path is None:
            text = resources.files("eventwire.context").joinpath("data/keywords.tsv").read_text(
                encoding="utf-8")
            return cls.parse(text, PACKAGED)
        return cls.parse(Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def parse(cls, text: str, name: str) -> Keywords:
        patterns = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            context, _, phrases = line.partition("\t")
            if context not in CONTEXTS:
                raise KeywordError(f"{name}:{number}: {context!r} is not a PLOVER context; "
                                   f"the manual's are {', '.join(CONTEXTS)}")
            words = [p.strip() for p in phrases.split(";") if p.strip()]
            if not words:
                raise KeywordError(f"{name}:{number}: no phrases after the context name")
            # matched against lower-cased text: re.IGNORECASE made 37 searches a
            # sentence the context stage's main cost
            patterns[context] = re.compile(
                r"\b(?:" + "|".join(_regex(w.lower()) for w in words) + r")")
        return cls(patterns)

    def find(self, text: str) -> dict[str, str]:
        """Context -> the first keyword of it found in ``text``, whatever its case."""
        text = text.lower()
        found = {}
        for context, pattern in self.patterns.items():
            match = pattern.search(text)
            if match:
                found[context] = match.group(0)
        return found


def _regex(phrase: str) -> str:
    if phrase.endswith("*"):
        return re.escape(phrase[:-1]) + r"[\w'-]*"
    return re.escape(phrase) + r"\b"
