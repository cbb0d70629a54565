"""Scores of coded events against the gold sets: pure functions, no coder needed.

Each ``score_*`` function takes the gold records and, aligned with them, the
events the coder produced for each record (a failed record is an empty list;
its error message can be passed in ``errors`` keyed by record key).

Decisions, so the numbers can be read:

* PETRARCH records compare *sets* of (source, target, CAMEO) triples: a coding
  repeated in the file counts once. A missing coded actor is PETRARCH's "---".
  A record expecting no events is exact when nothing was coded.
* PLOVER actors match on their PLOVER countries (actors.countries: SCGSRB is
  SRB, TMP is TLS);
  a gold source or target list is matched when the coded actor is any one of
  them; an empty gold target (``""`` or absent) accepts any target, or none.
* A record's predicted PLOVER type / quad class comes from its first
  ``is_root`` event that has one, else the most frequent value among its
  events (earliest wins a tie).
* penta predicts the class of the PLOVER type of the ``is_root`` event, by
  the set's own grouping (CONCEDE and RETREAT are material cooperation) and
  the PLOVER manual's quad table (SANCTION is verbal conflict), and 0 when
  there is no root event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from eventwire.actors.countries import plover_country
from eventwire.evaluate.readers import (
    NO_ACTOR,
    GoldActor,
    PentaRecord,
    PetrarchRecord,
    PloverRecord,
)
from eventwire.schema import ActorRef, Event

Triple = tuple[str, str, str]
T = TypeVar("T")

PENTA_CLASSES = (0, 1, 2, 3, 4)
PENTA_NAMES = {0: "no event", 1: "verbal cooperation", 2: "material cooperation",
               3: "verbal conflict", 4: "material conflict"}


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class PRF:
    """True positives, false positives, false negatives and the rates from them.

    A rate with an empty denominator is None (nothing predicted, nothing gold).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int | None]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def per_label_prf(pairs: Sequence[tuple[T, T | None]]) -> dict[T, PRF]:
    """Single-label classification counts from (gold, predicted) pairs; None = no prediction."""
    counts: dict[T, list[int]] = {}
    for gold, predicted in pairs:
        counts.setdefault(gold, [0, 0, 0])
        if predicted is not None:
            counts.setdefault(predicted, [0, 0, 0])
        if predicted == gold:
            counts[gold][0] += 1
            continue
        counts[gold][2] += 1
        if predicted is not None:
            counts[predicted][1] += 1
    return {label: PRF(*c) for label, c in counts.items()}


def macro_f1(per_label: Mapping[object, PRF]) -> float | None:
    """Unweighted mean F1 over the labels that are gold or predicted at least once."""
    scores = [prf.f1 for prf in per_label.values() if prf.f1 is not None]
    return sum(scores) / len(scores) if scores else None


def confusion(pairs: Sequence[tuple[T, T]]) -> Counter[tuple[T, T]]:
    """Counts of (gold, predicted) pairs."""
    return Counter(pairs)


def headline_value(events: Sequence[Event], value: Callable[[Event], T | None]) -> T | None:
    """The value of the first is_root event that has one, else the most frequent value."""
    for event in events:
        if event.is_root and value(event) is not None:
            return value(event)
    values = [v for v in map(value, events) if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def describe_event(event: Event) -> str:
    """'ARN GON 064 [rule]': one coded event as the report shows it."""
    source, target = actor_code(event.source), actor_code(event.target)
    extra = f" {event.plover}" if event.plover else ""
    return f"{source} {target} {event.cameo}{extra} [{event.rule}]"


# --------------------------------------------------------------------------- PETRARCH


def actor_code(actor: ActorRef | None) -> str:
    return actor.code if actor is not None and actor.code else NO_ACTOR


def coded_triples(events: Sequence[Event]) -> frozenset[Triple]:
    return frozenset((actor_code(e.source), actor_code(e.target), e.cameo) for e in events)


def expected_triples(record: PetrarchRecord) -> frozenset[Triple]:
    return frozenset((c.source, c.target, c.code) for c in record.codings)


@dataclass(frozen=True)
class CodingResult:
    """One PETRARCH record against what was coded for it."""

    record: PetrarchRecord
    events: tuple[Event, ...]
    error: str | None = None

    @property
    def expected(self) -> frozenset[Triple]:
        return expected_triples(self.record)

    @property
    def coded(self) -> frozenset[Triple]:
        return coded_triples(self.events)

    @property
    def missing(self) -> frozenset[Triple]:
        return self.expected - self.coded

    @property
    def extra(self) -> frozenset[Triple]:
        return self.coded - self.expected

    @property
    def exact(self) -> bool:
        return self.error is None and self.expected == self.coded


@dataclass(frozen=True)
class PetrarchScores:
    """Record exact-match rate, triple P/R/F1, per CAMEO root and per category."""

    results: tuple[CodingResult, ...]
    triples: PRF
    per_root: dict[str, PRF]
    per_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # exact, total

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def exact(self) -> int:
        return sum(r.exact for r in self.results)

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.records if self.records else None


def cameo_root(code: str) -> str:
    return code[:2]


def score_petrarch(records: Sequence[PetrarchRecord], coded: Sequence[Sequence[Event]],
                   errors: Mapping[str, str] | None = None) -> PetrarchScores:
    """Score PETRARCH records; ``coded[i]`` holds the events coded for ``records[i]``."""
    check_aligned(records, coded)
    errors = errors or {}
    results = tuple(CodingResult(r, tuple(events), errors.get(r.key))
                    for r, events in zip(records, coded, strict=True))
    roots: dict[str, PRF] = {}
    categories: dict[str, tuple[int, int]] = {}
    for result in results:
        for triples, kind in ((result.expected & result.coded, PRF(tp=1)),
                              (result.missing, PRF(fn=1)), (result.extra, PRF(fp=1))):
            for triple in triples:
                root = cameo_root(triple[2])
                roots[root] = roots.get(root, PRF()) + kind
        exact, total = categories.get(result.record.category or "", (0, 0))
        categories[result.record.category or ""] = (exact + result.exact, total + 1)
    total = sum(roots.values(), PRF())
    return PetrarchScores(results=results, triples=total, per_root=dict(sorted(roots.items())),
                          per_category=dict(sorted(categories.items())))


def worst_petrarch(scores: PetrarchScores, n: int = 10) -> list[CodingResult]:
    """The n records furthest from their gold: most missing plus extra triples first."""
    wrong = [r for r in scores.results if not r.exact]
    return sorted(wrong, key=lambda r: -(len(r.missing) + len(r.extra) + (r.error is not None)))[:n]


# --------------------------------------------------------------------------- PLOVER


def actor_matches(actor: ActorRef | None, gold: Sequence[GoldActor], *,
                  any_if_empty: bool) -> bool:
    """Whether a coded actor's country is one of the gold actors' countries."""
    if not gold:
        return any_if_empty
    if actor is None or not actor.code:
        return False
    return plover_country(actor.code) in {plover_country(g.code) for g in gold}


def _plover_type(event: Event) -> str | None:
    return event.plover.upper() if event.plover else None


@dataclass(frozen=True)
class PloverResult:
    """One PLOVER record: was its type coded, with the right actors, and the headline type."""

    record: PloverRecord
    events: tuple[Event, ...]
    error: str | None = None

    @property
    def predicted(self) -> str | None:
        return headline_value(self.events, _plover_type)

    @property
    def type_found(self) -> bool:
        return any(_plover_type(e) == self.record.event.upper() for e in self.events)

    @property
    def type_and_actors(self) -> bool:
        return any(self._full_match(e) for e in self.events)

    def _full_match(self, event: Event) -> bool:
        return (_plover_type(event) == self.record.event.upper()
                and actor_matches(event.source, self.record.source, any_if_empty=False)
                and actor_matches(event.target, self.record.target, any_if_empty=True))


@dataclass(frozen=True)
class PloverScores:
    results: tuple[PloverResult, ...]
    per_type: dict[str, PRF]
    confusion: Counter[tuple[str, str | None]]

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def type_found(self) -> int:
        return sum(r.type_found for r in self.results)

    @property
    def type_and_actors(self) -> int:
        return sum(r.type_and_actors for r in self.results)

    @property
    def type_found_rate(self) -> float | None:
        return self.type_found / self.records if self.records else None

    @property
    def type_and_actors_rate(self) -> float | None:
        return self.type_and_actors / self.records if self.records else None

    @property
    def headline_accuracy(self) -> float | None:
        if not self.records:
            return None
        return sum(r.predicted == r.record.event.upper() for r in self.results) / self.records

    @property
    def macro_f1(self) -> float | None:
        return macro_f1(self.per_type)


def score_plover(records: Sequence[PloverRecord], coded: Sequence[Sequence[Event]],
                 errors: Mapping[str, str] | None = None) -> PloverScores:
    """Score PLOVER records; ``coded[i]`` holds the events coded for ``records[i]``."""
    check_aligned(records, coded)
    errors = errors or {}
    results = tuple(PloverResult(r, tuple(events), errors.get(r.key))
                    for r, events in zip(records, coded, strict=True))
    pairs = [(r.record.event.upper(), r.predicted) for r in results]
    return PloverScores(results=results, per_type=dict(sorted(per_label_prf(pairs).items())),
                        confusion=confusion(pairs))


def worst_plover(scores: PloverScores, n: int = 10) -> list[PloverResult]:
    """Records whose type was never coded first, then those with wrong actors or headline."""
    def badness(result: PloverResult) -> int:
        return (2 * (not result.type_found) + (not result.type_and_actors)
                + (result.predicted != result.record.event.upper()))
    wrong = [r for r in scores.results if badness(r)]
    return sorted(wrong, key=lambda r: -badness(r))[:n]


# --------------------------------------------------------------------------- penta


# The five classes of the penta set, by PLOVER type: the set's own grouping
# (../shared/eval/SOURCES.md) puts CONCEDE and RETREAT in material cooperation;
# SANCTION ("reduce relations") is verbal conflict, as in the PLOVER manual's
# quad table.
PENTA_BY_PLOVER = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def penta_class(events: Sequence[Event]) -> int:
    """The class of the sentence's main (is_root) event; 0 when it has none."""
    for event in events:
        if event.is_root:
            return PENTA_BY_PLOVER.get(event.plover or "", 0)
    return 0


@dataclass(frozen=True)
class PentaResult:
    record: PentaRecord
    events: tuple[Event, ...]
    error: str | None = None

    @property
    def predicted(self) -> int:
        return penta_class(self.events)

    @property
    def correct(self) -> bool:
        return self.predicted == self.record.label


@dataclass(frozen=True)
class PentaScores:
    results: tuple[PentaResult, ...]
    per_class: dict[int, PRF]
    matrix: tuple[tuple[int, ...], ...]  # rows gold 0-4, columns predicted 0-4

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def accuracy(self) -> float | None:
        return sum(r.correct for r in self.results) / self.records if self.records else None

    @property
    def macro_f1(self) -> float | None:
        return macro_f1(self.per_class)


def score_penta(records: Sequence[PentaRecord], coded: Sequence[Sequence[Event]],
                errors: Mapping[str, str] | None = None) -> PentaScores:
    """Score penta records; ``coded[i]`` holds the events coded for ``records[i]``."""
    check_aligned(records, coded)
    errors = errors or {}
    results = tuple(PentaResult(r, tuple(events), errors.get(r.key))
                    for r, events in zip(records, coded, strict=True))
    pairs = [(r.record.label, r.predicted) for r in results]
    counted = per_label_prf(pairs)
    per_class = {label: counted.get(label, PRF()) for label in PENTA_CLASSES}
    cells = confusion(pairs)
    matrix = tuple(tuple(cells[(gold, pred)] for pred in PENTA_CLASSES) for gold in PENTA_CLASSES)
    return PentaScores(results=results, per_class=per_class, matrix=matrix)


def _camp(label: int) -> int:
    """0 no event, 1 cooperation, 2 conflict."""
    return 0 if label == 0 else (1 if label <= 2 else 2)


def penta_badness(gold: int, predicted: int) -> int:
    """3 cooperation read as conflict (or back), 2 an event missed, 1 other mistakes."""
    if gold == predicted:
        return 0
    if _camp(gold) and _camp(predicted) and _camp(gold) != _camp(predicted):
        return 3
    return 2 if predicted == 0 else 1


def worst_penta(scores: PentaScores, n: int = 10) -> list[PentaResult]:
    wrong = [r for r in scores.results if not r.correct]
    return sorted(wrong, key=lambda r: -penta_badness(r.record.label, r.predicted))[:n]


def check_aligned(records: Sequence[object], coded: Sequence[object]) -> None:
    if len(records) != len(coded):
        raise ValueError(f"{len(records)} gold records but {len(coded)} coded event lists: "
                         "pass one list of events per record, in record order")
