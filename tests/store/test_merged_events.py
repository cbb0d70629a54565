"""Merged events and actors: GDELT-style counts, kept right by save() and by migration 3."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.schema import ActorRef, Article, Event, TextSpan, event_id
from eventwire.store import EventStore
from eventwire.store.duck import merge_key
from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION


def article(doc_id: str, source: str | None = "AFP", date: str = "2024-03-05") -> Article:
    return Article(id=doc_id, text=f"text of {doc_id}", date=date, source=source,
                   url=f"https://example.org/{doc_id}")


def mention(doc_id: str, index: int, source: str | None, target: str | None,
            cameo: str = "042", date: str = "2024-03-05", text: str = "Israel") -> Event:
    def ref(code: str | None, words: str) -> ActorRef | None:
        return None if code is None else ActorRef(code=code, text=words, start=0, end=3)

    return Event(
        event_id=event_id(doc_id, index, 0, source, target, cameo), doc_id=doc_id,
        sentence_index=index, sentence="s", date=date, source=ref(source, text),
        target=ref(target, "Washington"), cameo=cameo, cameo_root=cameo[:2],
        trigger=TextSpan(text="met", start=0, end=3), rule="r")


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "events.duckdb") as opened:
        yield opened


def merged(store: EventStore) -> list[tuple]:
    return store.connection.execute(
        "SELECT date, source_code, target_code, cameo, num_mentions, num_sources, "
        "num_articles, first_doc_id FROM events ORDER BY ALL").fetchall()


def all_rows(store: EventStore, table: str) -> list[tuple]:
    return store.connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_mentions_merge_with_gdelt_counts(store: EventStore) -> None:
    store.save(article("a"), [mention("a", 0, "ISR", "USA"), mention("a", 1, "ISR", "USA")])
    store.save(article("b", source="Reuters"), [mention("b", 0, "ISR", "USA")])
    store.save(article("c", source="AFP"), [mention("c", 0, "ISR", "USA"),
                                            mention("c", 1, "ISR", None, cameo="010")])
    assert merged(store) == [
        ("2024-03-05", "ISR", "USA", "042", 4, 2, 3, "a"),
        ("2024-03-05", "ISR", None, "010", 1, 1, 1, "c"),
    ]


def test_recoding_an_article_removes_its_old_contribution(store: EventStore) -> None:
    store.save(article("a"), [mention("a", 0, "ISR", "USA"), mention("a", 1, "EGY", "USA")])
    store.save(article("b"), [mention("b", 0, "ISR", "USA")])
    store.save(article("a"), [mention("a", 0, "ISR", "USA", cameo="043")])
    assert merged(store) == [
        ("2024-03-05", "ISR", "USA", "042", 1, 1, 1, "b"),
        ("2024-03-05", "ISR", "USA", "043", 1, 1, 1, "a"),
    ]
    assert [row[0] for row in all_rows(store, "actors")] == ["ISR", "USA"]
    store.save(article("b"), [])
    assert merged(store) == [("2024-03-05", "ISR", "USA", "043", 1, 1, 1, "a")]


def test_incremental_refresh_equals_a_full_rebuild(store: EventStore) -> None:
    saves = [
        (article("a"), [mention("a", 0, "ISR", "USA"), mention("a", 1, "PSE", "ISR", "190")]),
        (article("b", source=None), [mention("b", 0, "ISR", "USA", text="Israelis")]),
        (article("a", source="BBC"), [mention("a", 0, "ISR", "USA", date="2024-03-06")]),
        (article("c"), [mention("c", 0, None, "USA", "010"), mention("c", 1, "USA", "ISR")]),
        (article("b"), [mention("b", 2, "PSE", "ISR", "190")]),
    ]
    for saved, events in saves:
        store.save(saved, events)
    incremental = (all_rows(store, "events"), all_rows(store, "actors"))
    store.refresh_merged()
    assert (all_rows(store, "events"), all_rows(store, "actors")) == incremental


def test_actors_track_first_and_last_seen_and_an_example(store: EventStore) -> None:
    store.save(article("a"), [mention("a", 0, "ISR", "USA", text="Israel"),
                              mention("a", 1, "ISR", "USA", text="Israel")])
    store.save(article("b", date="2024-03-09"),
               [mention("b", 0, "ISR", None, date="2024-03-09", text="Israeli army")])
    rows = all_rows(store, "actors")
    assert rows == [("ISR", "2024-03-05", "2024-03-09", 3, "Israel"),
                    ("USA", "2024-03-05", "2024-03-05", 2, "Washington")]


def test_global_event_id_is_the_key_and_stable(store: EventStore) -> None:
    event = mention("a", 0, "ISR", "USA")
    store.save(article("a"), [event])
    key, number = store.connection.execute(
        "SELECT event_key, global_event_id FROM events").fetchone()
    assert key == merge_key(event) and number == int(key[:15], 16)


def test_migration_3_fills_events_from_a_version_2_file(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_version "
                    "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
        for step in MIGRATIONS[:2]:
            con.execute(step.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())",
                        [step.version, step.description])
        con.execute("INSERT INTO articles (doc_id, source, text, text_hash, coded_at) "
                    "VALUES ('a', 'AFP', 't', 'h', now())")
        con.execute(
            "INSERT INTO mentions (event_id, doc_id, sentence_index, sentence, date, "
            "source_code, source_text, cameo, cameo_root, trigger_text, trigger_start, "
            "trigger_end, is_root, rule) VALUES "
            "('e1', 'a', 0, 's', '2024-03-05', 'ISR', 'Israel', '042', '04', 'met', 0, 3, "
            "true, 'r'), ('e2', 'a', 1, 's', NULL, NULL, NULL, '010', '01', 'said', 0, 4, "
            "true, 'r')")
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        keys = dict(store.connection.execute("SELECT event_id, event_key FROM mentions")
                    .fetchall())
        assert keys["e1"] == merge_key(mention("a", 0, "ISR", None))
        assert keys["e2"] == merge_key(mention("a", 1, None, None, cameo="010", date=None))
        assert store.count("events") == 2 and store.count("actors") == 1
