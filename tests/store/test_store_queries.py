"""Read-only SQL and the common event filters shared by the CLI and the web app."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.schema import ActorRef, Article, Event, TextSpan, event_id
from eventwire.store import EventStore, StoreError
from eventwire.store.queries import EventFilter, filter_events, open_reader, run_sql


def mention(doc_id: str, index: int, source: str, target: str, cameo: str, date: str) -> Event:
    return Event(
        event_id=event_id(doc_id, index, 0, source, target, cameo), doc_id=doc_id,
        sentence_index=index, sentence="s", date=date,
        source=ActorRef(code=source, text=source, start=0, end=3),
        target=ActorRef(code=target, text=target, start=4, end=7), cameo=cameo,
        cameo_root=cameo[:2], plover="ACCUSE" if cameo.startswith("11") else None,
        trigger=TextSpan(text="x", start=0, end=1), rule="r")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "events.duckdb"
    rows = [("ISRGOV", "USA", "112", "2024-03-02"), ("ISR", "USA", "111", "2024-02-20"),
            ("ISRMIL", "PSE", "190", "2024-03-03"), ("USA", "ISR", "042", "2024-03-04")]
    with EventStore(db) as store:
        for number, (source, target, cameo, date) in enumerate(rows):
            doc = f"d{number}"
            store.save(Article(id=doc, text="t", date=date),
                       [mention(doc, 0, source, target, cameo, date)])
    return db


def codes(path: Path, wanted: EventFilter) -> list[tuple[str, str, str]]:
    with open_reader(path) as store:
        result = filter_events(store, wanted)
    return [(row["source_code"], row["target_code"], row["cameo"]) for row in result.records()]


def test_filters_combine(path: Path) -> None:
    assert codes(path, EventFilter(actor="ISR", target="USA", since="2024-03-01",
                                   root="11")) == [("ISRGOV", "USA", "112")]
    assert codes(path, EventFilter(actor="isr")) == [
        ("ISRMIL", "PSE", "190"), ("ISRGOV", "USA", "112"), ("ISR", "USA", "111")]
    assert codes(path, EventFilter(until="2024-02-28")) == [("ISR", "USA", "111")]
    assert codes(path, EventFilter(cameo="04", plover=None, limit=1)) == [
        ("USA", "ISR", "042")]
    assert codes(path, EventFilter(plover="accuse")) == [("ISRGOV", "USA", "112"),
                                                        ("ISR", "USA", "111")]


@pytest.mark.parametrize(("wanted", "message"), [
    (EventFilter(since="March"), "--since must be a date"),
    (EventFilter(root="21"), "--root must be a CAMEO cue category"),
    (EventFilter(limit=0), "--limit must be at least 1"),
])
def test_bad_filters_are_named(path: Path, wanted: EventFilter, message: str) -> None:
    with open_reader(path) as store, pytest.raises(StoreError, match=message):
        filter_events(store, wanted)


def test_sql_reads_every_table(path: Path) -> None:
    with open_reader(path) as store:
        result = run_sql(store, "SELECT cameo FROM events ORDER BY cameo; ")
        assert result.columns == ["cameo"]
        assert result.rows == [("042",), ("111",), ("112",), ("190",)]
        assert run_sql(store, "SELECT count(*) AS n FROM actors").records() == [{"n": 5}]


@pytest.mark.parametrize(("sql", "message"), [
    ("DELETE FROM mentions", "only reading is allowed.*DELETE"),
    ("SELECT 1; DROP TABLE events", "only reading is allowed.*DROP"),
    ("COPY mentions TO 'leak.csv'", "only reading is allowed.*COPY"),
    ("SELECT * FROM read_csv('/etc/passwd')", "query failed"),
    ("SELEC 1", "cannot parse the query"),
    ("  ", "the query is empty"),
    ("SELECT * FROM nowhere", "query failed.*nowhere"),
])
def test_sql_that_is_not_a_plain_read_is_refused(path: Path, sql: str, message: str) -> None:
    with open_reader(path) as store, pytest.raises(StoreError, match=message):
        run_sql(store, sql)
    with open_reader(path) as store:
        assert store.count("mentions") == 4


def test_reader_upgrades_an_old_file_first(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.store import duck
    from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration

    step = Migration(SCHEMA_VERSION + 1, "later", "CREATE TABLE later (x INTEGER)")
    monkeypatch.setattr(duck, "MIGRATIONS", (*MIGRATIONS, step))
    monkeypatch.setattr(duck, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with open_reader(path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1


def test_reader_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        open_reader(tmp_path / "absent.duckdb")
