"""Error patterns an analyst can act on: "REJECT coded as ACCUSE 5 times, mostly by ...".

Each function groups a set's mistakes by what was expected and what was coded,
counts them, and names the rule that fired most often in each group, so that a
bad dictionary entry or coding rule stands out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.evaluate import dyads, metrics, stories
from eventwire.schema import Event

NOTHING = "nothing"


@dataclass(frozen=True)
class ErrorPattern:
    """One kind of mistake: how often, and the rules behind it."""

    expected: str
    coded: str
    count: int
    rules: tuple[tuple[str, int], ...]  # most frequent first
    examples: tuple[str, ...]  # record keys

    def sentence(self) -> str:
        if self.coded == NOTHING:
            text = f"{self.expected} is missed {self.count} times"
            lead = "; the rule that fired instead was mostly"
        else:
            text = f"{self.expected} is coded as {self.coded} {self.count} times"
            lead = ", mostly by"
        if self.rules:
            rule, times = self.rules[0]
            text += f"{lead} {rule} ({times}x)"
        return text + f"; e.g. {', '.join(self.examples[:3])}"


def _rule_of(events: Iterable[Event]) -> str | None:
    root = next((e for e in events if e.is_root), None) or next(iter(events), None)
    return root.rule if root is not None else None


def _patterns(groups: dict[tuple[str, str], list[tuple[str, str | None]]],
              limit: int) -> list[ErrorPattern]:
    found = []
    for (expected, coded), items in groups.items():
        rules = Counter(rule for _, rule in items if rule)
        found.append(ErrorPattern(expected, coded, len(items), tuple(rules.most_common(3)),
                                  tuple(key for key, _ in items)))
    found.sort(key=lambda p: (-p.count, p.expected, p.coded))
    return found[:limit]


def plover_patterns(scores: metrics.PloverScores, limit: int = 10) -> list[ErrorPattern]:
    """Gold PLOVER type against the headline type coded, over the records that differ."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in scores.results:
        gold, coded = result.record.event.upper(), result.predicted or NOTHING
        if gold != coded:
            groups[(gold, coded)].append((result.record.key, _rule_of(result.events)))
    return _patterns(groups, limit)


def penta_patterns(scores: metrics.PentaScores, limit: int = 10) -> list[ErrorPattern]:
    """Gold class against predicted class, over the sentences that differ."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in scores.results:
        gold, coded = result.record.label, result.predicted
        if gold != coded:
            name = metrics.PENTA_NAMES
            key = (f"class {gold} ({name[gold]})",
                   NOTHING if coded == 0 else f"class {coded} ({name[coded]})")
            groups[key].append((result.record.key, _rule_of(result.events)))
    return _patterns(groups, limit)


def petrarch_patterns(scores: metrics.PetrarchScores, limit: int = 10) -> list[ErrorPattern]:
    """Expected CAMEO root against the coded root of the same dyad, else 'nothing'."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in scores.results:
        by_dyad = {(s, t): (code, e.rule) for e in result.events
                   for s, t, code in metrics.coded_triples([e])}
        for source, target, code in sorted(result.missing):
            coded, rule = by_dyad.get((source, target), (None, _rule_of(result.events)))
            label = f"root {coded[:2]}" if coded else NOTHING
            groups[(f"root {code[:2]}", label)].append((result.record.key, rule))
    return _patterns(groups, limit)


def dyad_patterns(scores: dyads.DyadScores, limit: int = 10) -> list[ErrorPattern]:
    """Sentences that miss their gold pair: no event, no gold source, or no gold target."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in scores.results:
        if result.joined:
            continue
        coded = (NOTHING if not result.events else
                 "another source" if not result.source_found else "another target")
        groups[("the gold pair", coded)].append((result.record.key, _rule_of(result.events)))
    return _patterns(groups, limit)


def story_patterns(scores: stories.StoryScores, limit: int = 10) -> list[ErrorPattern]:
    """Gold PLOVER types missed, and coded types that pair with no gold event."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in scores.results:
        paired = {id(e) for _, e, _ in result.pairs}
        found = {id(g) for g, _, _ in result.pairs}
        for gold in result.record.events:
            if gold.is_fact and id(gold) not in found:
                groups[(gold.plover, NOTHING)].append((result.record.key, None))
        for event in result.events:
            if id(event) not in paired:
                groups[("no event", event.plover or event.cameo)].append(
                    (result.record.key, event.rule))
    return _patterns(groups, limit)


PATTERNS = {"petrarch": petrarch_patterns, "plover": plover_patterns,
            "penta": penta_patterns, "dyads": dyad_patterns, "stories": story_patterns}


def error_patterns(kind: str, scores, limit: int = 10) -> Sequence[ErrorPattern]:
    return PATTERNS[kind](scores, limit)
