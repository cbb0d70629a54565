"""Relative dates in a sentence, resolved against the article date (a Thursday)."""

from __future__ import annotations

import pytest

from eventwire.events.dates import sentence_date

THURSDAY = "2024-03-28"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ministers met on Tuesday in Cairo.", "2024-03-26"),
    ("The talks ended on Thursday.", "2024-03-28"),
    ("Troops crossed the border last Thursday.", "2024-03-21"),
    ("They will meet on Friday.", "2024-03-29"),
    ("Talks resume next Monday.", "2024-04-01"),
    ("He left yesterday.", "2024-03-27"),
    ("The vote is tomorrow.", "2024-03-29"),
    ("Shelling began last week.", "2024-03-18"),
    ("The deal was signed on March 3.", "2024-03-03"),
    ("The deal was signed on 3 March.", "2024-03-03"),
    ("The truce began on December 30.", "2023-12-30"),
    ("Elections will be held on January 5.", "2025-01-05"),
    ("The accord of March 3, 2020 still holds.", "2020-03-03"),
    ("Protests spread across the country.", None),
    ("Talks may 5 times fail.", None),
])
def test_sentence_date(sentence: str, expected: str | None) -> None:
    assert sentence_date(sentence, THURSDAY) == expected


def test_without_an_article_date_only_full_dates_resolve() -> None:
    assert sentence_date("They met on Tuesday.", None) is None
    assert sentence_date("They met on March 3, 2024.", None) == "2024-03-03"


def test_impossible_dates_are_none() -> None:
    assert sentence_date("It happened on February 30.", THURSDAY) is None
