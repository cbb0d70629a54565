"""The team's wire stories: multi-sentence articles with every event coded by hand.

The gold was written before the coder ran on it (tests/gold/README.md). A gold
event is *found* when a coded event of the same article has its PLOVER type and
a trigger that shares a word with the gold trigger; *found with actors* when
that event's source is in the gold source's country and, where the gold names
a target, its target too (PLOVER countries, as the PLOVER set counts them).
PLOVER drops CAMEO's appeals (02x); the gold files them under REQUEST with
their CAMEO code, and a coded appeal matches them.
Gold and coded events are paired one to one, best first; a coded event left
unpaired is a false event. Gold events with a modality (future, demanded,
negated, hypothetical) carry the code of the act itself, which the coder must
*not* report as a fact: they are left out of recall, and a coded event paired
with one counts as false unless it carries a modality too. The speech act
around them (the threat, the appeal, the refusal) is gold of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors.countries import plover_country
from eventwire.evaluate.dyads import content_words
from eventwire.evaluate.readers import GoldFormatError
from eventwire.schema import Article, Event

NOT_FACTS = frozenset({"future", "demanded", "negated", "hypothetical"})
APPEAL = "02"  # CAMEO's appeals: PLOVER drops them (manual, "CAMEO to PLOVER translation")


@dataclass(frozen=True)
class GoldEvent:
    trigger: str
    plover: str
    source_code: str | None
    target_code: str | None
    modality: str | None
    cameo: str = ""

    @property
    def is_fact(self) -> bool:
        return self.modality not in NOT_FACTS


@dataclass(frozen=True)
class StoryRecord:
    key: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    origin: str

    def article(self) -> Article:
        return Article(id=self.key, text=self.text, date=self.date)


def read_stories_jsonl(path: str | Path) -> Iterator[StoryRecord]:
    """Stories of a gold file: ``{"id", "date", "text", "events": [{"trigger", "plover",
    "source_code", "target_code", "modality", ...}]}`` a line."""
    path = Path(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            events = tuple(GoldEvent(str(e["trigger"]), str(e["plover"]).upper(),
                                     e.get("source_code"), e.get("target_code"),
                                     e.get("modality"), str(e.get("cameo") or ""))
                           for e in row["events"])
            yield StoryRecord(str(row["id"]), row["text"], row.get("date"), events,
                              f"{path.name}:{number}")
        except (ValueError, KeyError, TypeError) as err:
            raise GoldFormatError(f"{path}:{number}: not a story record ({err})") from None


def is_stories_file(path: Path) -> bool:
    """Whether a .jsonl gold file holds whole stories with event lists."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        row = json.loads(first)
    except ValueError:
        return False
    return isinstance(row, dict) and isinstance(row.get("events"), list)


def _same_country(coded: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    return bool(coded) and plover_country(coded) == plover_country(gold)


def _same_type(gold: GoldEvent, event: Event) -> bool:
    """The same PLOVER type; a CAMEO appeal (02x), which PLOVER drops and the gold files
    under REQUEST, matches an appeal."""
    if (event.plover or "").upper() == gold.plover:
        return True
    return gold.cameo.startswith(APPEAL) and event.cameo.startswith(APPEAL)


def _score(gold: GoldEvent, event: Event) -> int:
    """2 for type, trigger and actors; 1 for type and trigger; 0 for no pair."""
    if not _same_type(gold, event):
        return 0
    if not content_words(event.trigger.text) & content_words(gold.trigger) \
            and event.trigger.text.lower() not in gold.trigger.lower().split():
        return 0
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    return 1 + (_same_country(source, gold.source_code)
                and _same_country(target, gold.target_code))


@dataclass(frozen=True)
class StoryResult:
    record: StoryRecord
    events: tuple[Event, ...]
    error: str | None = None

    @property
    def pairs(self) -> list[tuple[GoldEvent, Event, int]]:
        """Gold and coded events paired one to one, full matches first."""
        scored = sorted(((_score(g, e), gi, ei) for gi, g in enumerate(self.record.events)
                         for ei, e in enumerate(self.events)), key=lambda s: -s[0])
        used_gold, used_coded, pairs = set(), set(), []
        for score, gi, ei in scored:
            if score and gi not in used_gold and ei not in used_coded:
                used_gold.add(gi)
                used_coded.add(ei)
                pairs.append((self.record.events[gi], self.events[ei], score))
        return pairs

    @property
    def facts(self) -> int:
        return sum(g.is_fact for g in self.record.events)

    @property
    def found(self) -> int:
        return sum(g.is_fact for g, _, _ in self.pairs)

    @property
    def found_with_actors(self) -> int:
        return sum(g.is_fact and score == 2 for g, _, score in self.pairs)

    @property
    def correct(self) -> int:
        """Coded events that pair with a gold fact, or with a gold non-fact as a non-fact."""
        return sum(g.is_fact or e.modality is not None for g, e, _ in self.pairs)


@dataclass(frozen=True)
class StoryScores:
    results: tuple[StoryResult, ...]

    @property
    def records(self) -> int:
        return len(self.results)

    def _sum(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.results)

    @property
    def recall(self) -> float | None:
        facts = self._sum("facts")
        return self._sum("found") / facts if facts else None

    @property
    def recall_with_actors(self) -> float | None:
        facts = self._sum("facts")
        return self._sum("found_with_actors") / facts if facts else None

    @property
    def precision(self) -> float | None:
        coded = sum(len(r.events) for r in self.results)
        return self._sum("correct") / coded if coded else None

    @property
    def quiet_stories(self) -> tuple[StoryResult, ...]:
        """Stories with no gold event: news outside politics."""
        return tuple(r for r in self.results if not r.record.events)

    @property
    def events_per_quiet_story(self) -> float | None:
        quiet = self.quiet_stories
        return sum(len(r.events) for r in quiet) / len(quiet) if quiet else None


def score_stories(records: Sequence[StoryRecord], coded: Sequence[Sequence[Event]],
                  errors: Mapping[str, str] | None = None) -> StoryScores:
    """Score stories; ``coded[i]`` holds the events coded for ``records[i]``."""
    if len(records) != len(coded):
        raise ValueError(f"{len(records)} records but {len(coded)} coded results")
    errors = errors or {}
    return StoryScores(tuple(StoryResult(r, tuple(events), errors.get(r.key))
                             for r, events in zip(records, coded, strict=True)))


def worst_stories(scores: StoryScores, n: int = 10) -> list[StoryResult]:
    """Stories with the most gold facts missed and false events."""
    def misses(result: StoryResult) -> int:
        return result.facts - result.found + len(result.events) - result.correct
    return sorted((r for r in scores.results if misses(r)), key=lambda r: -misses(r))[:n]
