"""The date a sentence gives its event, through the coder and into the store."""

from __future__ import annotations

from pathlib import Path

import eventwire
from eventwire.schema import Article
from eventwire.store import EventStore


def test_on_tuesday_is_resolved_against_the_article_date(tmp_path: Path):
    text = "Israel attacked Hamas on Tuesday. Egypt will host talks next Monday."
    events = eventwire.code_text(text, date="2024-03-28", doc_id="d")
    assert [(e.trigger.text, e.date, e.event_date) for e in events] == [
        ("attacked", "2024-03-28", "2024-03-26"), ("host", "2024-03-28", "2024-04-01")]
    with EventStore(tmp_path / "e.duckdb") as store:
        store.save(Article(id="d", text=text, date="2024-03-28"), events)
        assert [e.event_date for e in store.events("d")] == ["2024-03-26", "2024-04-01"]


def test_a_sentence_without_a_date_has_none():
    (event, *_) = eventwire.code_text("Israel attacked Hamas.", date="2024-03-28")
    assert event.event_date is None
