"""The dyads set: news sentences with gold source and target spans.

A record is *joined* when one coded event has a source whose text shares a
content word with a gold source span and a target whose text shares one with a
gold target span. Spans follow the annotators' convention and may hold the
event noun ("Croatian government's request"), so whole-span equality would be
unfair; one shared content word is the set's own fair score (SOURCES.md).
*Joined through references* also lets an actor resolved from a pronoun or
description count by the text of the mention it was resolved to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.evaluate.readers import GoldFormatError, unique_keys
from eventwire.schema import ActorRef, Article, Event

_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` that are not function words ("the", "'s", "of")."""
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text))
                     if w not in STOP_WORDS and len(w) > 1)


@dataclass(frozen=True)
class DyadRecord:
    """One gold sentence with who acted (source spans) on whom (target spans)."""

    key: str
    text: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    origin: str

    def article(self) -> Article:
        return Article(id=self.key, text=self.text)


def read_dyads_jsonl(path: str | Path) -> Iterator[DyadRecord]:
    """Records of a dyads file: ``{"id", "text", "source": [{"text", ...}], "target": [...]}``."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append((number, row["id"], row["text"], _spans(row["source"]),
                         _spans(row["target"])))
        except (ValueError, KeyError, TypeError) as err:
            raise GoldFormatError(f"{path}:{number}: not a dyads record ({err})") from None
    keys = unique_keys(str(key) for _, key, *_ in rows)
    for key, (number, _, text, sources, targets) in zip(keys, rows, strict=True):
        yield DyadRecord(key, text, sources, targets, f"{path.name}:{number}")


def _spans(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(s, dict) for s in value):
        raise TypeError("source and target must be lists of spans")
    return tuple(str(span["text"]) for span in value)


def is_dyads_file(path: Path) -> bool:
    """Whether a .jsonl gold file holds dyads (span lists) rather than PLOVER records."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        row = json.loads(first)
    except ValueError:
        return False
    return isinstance(row, dict) and isinstance(row.get("source"), list) and "event" not in row


def _actor_words(actor: ActorRef | None, references: bool) -> frozenset[str]:
    if actor is None:
        return frozenset()
    words = content_words(actor.text)
    if references and actor.antecedent is not None:
        words |= content_words(actor.antecedent.text)
    return words


def _joins(words: frozenset[str], gold: Sequence[str]) -> bool:
    return any(words & content_words(span) for span in gold)


@dataclass(frozen=True)
class DyadResult:
    """One sentence: did an event join its gold source and target?"""

    record: DyadRecord
    events: tuple[Event, ...]
    error: str | None = None

    @property
    def joined(self) -> bool:
        """By the actors' own text."""
        return self._joined(references=False)

    @property
    def joined_through_references(self) -> bool:
        """A pronoun's or description's antecedent counting for it."""
        return self._joined(references=True)

    @property
    def source_found(self) -> bool:
        return any(self._source_ok(e, False) for e in self.events)

    def _joined(self, references: bool) -> bool:
        return any(self._source_ok(e, references) and self._target_ok(e, references)
                   for e in self.events)

    def _source_ok(self, event: Event, references: bool) -> bool:
        return _joins(_actor_words(event.source, references), self.record.sources)

    def _target_ok(self, event: Event, references: bool) -> bool:
        return _joins(_actor_words(event.target, references), self.record.targets)


@dataclass(frozen=True)
class DyadScores:
    results: tuple[DyadResult, ...]

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def joined(self) -> int:
        return sum(r.joined for r in self.results)

    @property
    def joined_through_references(self) -> int:
        return sum(r.joined_through_references for r in self.results)

    @property
    def source_found(self) -> int:
        return sum(r.source_found for r in self.results)

    @property
    def with_events(self) -> int:
        return sum(bool(r.events) for r in self.results)

    def rate(self, count: int) -> float | None:
        return count / self.records if self.records else None


def score_dyads(records: Sequence[DyadRecord], coded: Sequence[Sequence[Event]],
                errors: Mapping[str, str] | None = None) -> DyadScores:
    """Score dyad records; ``coded[i]`` holds the events coded for ``records[i]``."""
    if len(records) != len(coded):
        raise ValueError(f"{len(records)} records but {len(coded)} coded results")
    errors = errors or {}
    return DyadScores(tuple(DyadResult(r, tuple(events), errors.get(r.key))
                            for r, events in zip(records, coded, strict=True)))


def worst_dyads(scores: DyadScores, n: int = 10) -> list[DyadResult]:
    """Sentences with no event first, then those whose events miss the gold pair."""
    missed = [r for r in scores.results if not r.joined]
    return sorted(missed, key=lambda r: (bool(r.events), r.source_found))[:n]
