"""From counts to each event's ``Size`` record (schema.Size)."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from eventwire.schema import CountSpan, Size
from eventwire.size.counts import Count, find_counts
from eventwire.size.lexicon import FIELDS, CountWords
from eventwire.size.owner import owner_of


def sizes_for(doc: Doc, triggers: set[int], words: CountWords, base: int = 0
              ) -> dict[int, Size]:
    """Trigger token -> the size of its event, for the triggers the sentence's counts
    belong to. ``base`` is the sentence's character offset in the article."""
    by_owner: dict[int, list[Count]] = defaultdict(list)
    for count in find_counts(doc, words):
        owner = owner_of(doc, count.anchor, triggers)
        if owner is not None:
            by_owner[owner].append(count)
    return {owner: size_of(doc, counts, base) for owner, counts in by_owner.items()}


def size_of(doc: Doc, counts: list[Count], base: int = 0) -> Size:
    """One event's size. Counts of one word are separate groups and add up ('killed 8
    soldiers and 5 civilians': 13); counts of different words restate the same toll,
    so the largest is kept ('the attack killed 16 ... 16 died')."""
    values: dict[str, int] = {}
    approximate = set()
    for field in FIELDS:
        totals: dict[int, int] = defaultdict(int)
        for count in counts:
            if count.field == field:
                totals[count.anchor] += count.value
                if count.approximate:
                    approximate.add(field)
        if totals:
            values[field] = max(totals.values())
    spans = [_span(doc, count, base) for count in counts]
    return Size(**values, approximate=[f for f in FIELDS if f in approximate], counts=spans)


def _span(doc: Doc, count: Count, base: int) -> CountSpan:
    first, last = doc[count.start], doc[count.end - 1]
    start = base + first.idx
    end = base + last.idx + len(last.text)
    return CountSpan(text=doc.text[first.idx:last.idx + len(last.text)], start=start, end=end,
                     field=count.field, value=count.value, qualifier=count.qualifier,
                     approximate=count.approximate, rule=count.rule)
