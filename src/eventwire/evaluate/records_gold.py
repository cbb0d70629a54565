"""Readers for the team's gold sets of sizes and contexts (tests/gold/records/).

Three tab-separated formats, '#' lines are comments:

* counts:  ``text<TAB>trigger:dead/injured/arrested[; trigger:...]``, '-' for a count
  the text does not give, ``word#2`` for the second occurrence of a word;
* no casualty: ``text<TAB>kind`` (years, ages, money...), where no size may be given;
* contexts: ``text<TAB>context,context`` ('-' for none), names from the PLOVER table.

The context training sentences (training/context/) use the contexts format. Every
malformed line raises GoldFormatError naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.context.names import CONTEXTS
from eventwire.evaluate.readers import GoldFormatError

SIZE_FIELDS = ("dead", "injured", "arrested")


@dataclass(frozen=True)
class GoldEvent:
    trigger: str  # the word as written
    occurrence: int  # 1 for the first time the word appears in the sentence
    size: dict[str, int | None]


@dataclass(frozen=True)
class CountSentence:
    text: str
    events: tuple[GoldEvent, ...]
    where: str


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    labels: tuple[str, ...]
    where: str


def _lines(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield f"{path.name}:{number}", line


def _columns(line: str, where: str) -> tuple[str, str]:
    parts = line.split("\t")
    if len(parts) != 2 or not parts[0].strip():
        raise GoldFormatError(f"{where}: expected text and one more column separated by a tab")
    return parts[0].strip(), parts[1].strip()


def read_counts(paths: list[Path]) -> list[CountSentence]:
    found = []
    for path in paths:
        for where, line in _lines(path):
            text, events = _columns(line, where)
            found.append(CountSentence(text, tuple(
                _event(item.strip(), where) for item in events.split(";")), where))
    return found


def _event(item: str, where: str) -> GoldEvent:
    word, _, numbers = item.rpartition(":")
    values = numbers.split("/")
    if not word or len(values) != len(SIZE_FIELDS):
        raise GoldFormatError(f"{where}: {item!r} is not trigger:dead/injured/arrested")
    word, _, occurrence = word.partition("#")
    try:
        size = {field: None if value == "-" else int(value)
                for field, value in zip(SIZE_FIELDS, values, strict=True)}
        return GoldEvent(word, int(occurrence or 1), size)
    except ValueError:
        raise GoldFormatError(f"{where}: counts in {item!r} must be integers or '-'") from None


def read_labelled(paths: list[Path], check_contexts: bool = True) -> list[LabelledSentence]:
    """Sentences with a label column: contexts (checked against the table) or kinds."""
    found = []
    for path in paths:
        for where, line in _lines(path):
            text, labels = _columns(line, where)
            names = tuple(n.strip() for n in labels.split(",") if n.strip() not in {"", "-"})
            unknown = [n for n in names if n not in CONTEXTS]
            if check_contexts and unknown:
                raise GoldFormatError(f"{where}: {', '.join(unknown)} not in the PLOVER "
                                      "table of contexts")
            found.append(LabelledSentence(text, names, where))
    return found
