"""EventStore: round trips, idempotent re-saving, schema versions and unusable files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.ingest import ReadError
from eventwire.schema import ActorRef, Article, Event, TextSpan, event_id
from eventwire.store import SCHEMA_VERSION, EventStore, StoreError
from eventwire.store.migrations import MIGRATIONS

TEXT = "Police arrested 40 protesters in Cairo. Egypt did not threaten Israel."


def make_event(doc_id: str = "doc-1", sentence_index: int = 0, cameo: str = "173",
               trigger_start: int = 7, **changes: object) -> Event:
    source = ActorRef(text="Police", start=0, end=6, code="EGYCOP", rule="actors.txt:12")
    target = ActorRef(text="protesters", start=19, end=29, code="EGYOPP", rule=None)
    fields: dict[str, object] = dict(
        event_id=event_id(doc_id, sentence_index, trigger_start, source.code, target.code, cameo),
        doc_id=doc_id, sentence_index=sentence_index,
        sentence="Police arrested 40 protesters in Cairo.", date="2024-03-05",
        source=source, target=target, cameo=cameo, cameo_root=cameo[:2],
        cameo_name="Arrest, detain", goldstein=-5.0, quad_class=4, plover="ARREST",
        plover_mode="", trigger=TextSpan(text="arrested", start=trigger_start, end=15),
        is_root=False, rule="verbs.txt:88", modality=None,
    )
    fields.update(changes)
    return Event(**fields)


@pytest.fixture
def article() -> Article:
    return Article(id="doc-1", text=TEXT, date="2024-03-05", title="Arrests",
                   url="https://example.org/1", source="AFP")


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "events.duckdb") as opened:
        yield opened


def test_round_trip_with_all_fields_and_missing_actors(store: EventStore, article: Article):
    full = make_event()
    no_actors = make_event(
        sentence_index=1, cameo="042", trigger_start=50, source=None, target=None,
        sentence="Egypt did not threaten Israel.", cameo_name=None, goldstein=None,
        quad_class=None, plover=None, plover_mode=None, is_root=True, modality="negated",
        date=None,
    )
    store.save(article, [no_actors, full])
    assert store.events("doc-1") == [full, no_actors]
    assert store.events() == [full, no_actors]
    assert store.article("doc-1") == article
    assert store.article("missing") is None


def test_codes_stay_strings(store: EventStore, article: Article) -> None:
    store.save(article, [make_event(cameo="042")])
    event = store.events()[0]
    assert (event.cameo, event.cameo_root) == ("042", "04")
    raw = store.connection.execute("SELECT cameo, cameo_root FROM mentions").fetchone()
    assert raw == ("042", "04")
    types = dict(store.connection.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = 'mentions'").fetchall())
    assert {types[c] for c in ("cameo", "cameo_root", "source_code", "target_code")} == {
        "VARCHAR"}
    assert types["goldstein"] == "DOUBLE" and types["quad_class"] == "INTEGER"
    assert types["is_root"] == "BOOLEAN"


def test_saving_again_replaces_the_articles_mentions(store: EventStore, article: Article):
    other = Article(id="doc-2", text="Other story.")
    store.save(other, [make_event(doc_id="doc-2")])
    first = [make_event(trigger_start=n) for n in (7, 8, 9)]
    store.save(article, first)
    store.save(article, first)
    assert store.count("mentions") == 4

    second = [make_event(cameo="111"), make_event(cameo="120", trigger_start=40)]
    edited = article.model_copy(update={"title": "Corrected"})
    store.save(edited, second)
    assert store.count("articles") == 2
    assert store.count("mentions") == 3
    assert store.events("doc-1") == second
    assert store.article("doc-1").title == "Corrected"
    assert len(store.events("doc-2")) == 1

    store.save(article, [])
    assert store.events("doc-1") == [] and store.count("articles") == 2


def test_failed_save_changes_nothing(store: EventStore, article: Article) -> None:
    store.save(article, [make_event()])
    clash = Article(id="doc-2", text="x")
    # Same event_id as doc-1's mention: the primary key refuses it mid-transaction.
    stolen = make_event(doc_id="doc-2").model_copy(update={"event_id": make_event().event_id})
    with pytest.raises(StoreError, match="cannot save article 'doc-2'"):
        store.save(clash, [stolen])
    assert store.count("articles") == 1
    assert store.events() == [make_event()]


def test_events_must_belong_to_the_article_and_be_unique(store: EventStore, article: Article):
    with pytest.raises(StoreError, match="belongs to article 'doc-9'"):
        store.save(article, [make_event(doc_id="doc-9")])
    with pytest.raises(StoreError, match="appears twice"):
        store.save(article, [make_event(), make_event()])
    assert store.count("articles") == 0


def test_is_coded_compares_the_text(store: EventStore, article: Article) -> None:
    assert not store.is_coded(article)
    store.save(article, [])
    assert store.is_coded(article)
    assert not store.is_coded(article.model_copy(update={"text": TEXT + " Update."}))


def test_record_error(store: EventStore) -> None:
    store.record_error(ReadError("news/bad.jsonl", 3, "not valid JSON (Expecting ',' delimiter)"))
    store.record_error(ReadError("news/empty.txt", None, "empty file"))
    assert store.count("errors") == 2
    rows = store.connection.execute(
        "SELECT path, line, message FROM errors ORDER BY path").fetchall()
    assert rows == [("news/bad.jsonl", 3, "not valid JSON (Expecting ',' delimiter)"),
                    ("news/empty.txt", None, "empty file")]


def test_schema_version_and_reopening_keeps_data(tmp_path: Path, article: Article) -> None:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        store.save(article, [make_event()])
    with EventStore(str(path)) as store:
        assert store.count("schema_version") == len(MIGRATIONS)
        assert store.events() == [make_event()]
    with EventStore(path, read_only=True) as reader:
        assert reader.article("doc-1") == article


def test_count_names_the_tables(store: EventStore) -> None:
    with pytest.raises(StoreError, match="articles, mentions, events, actors, errors"):
        store.count("no_such_table")


def test_closed_store(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "x.duckdb")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.events()


def test_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database\n" * 1000)
    with pytest.raises(StoreError, match="not a DuckDB database or is corrupt") as caught:
        EventStore(path)
    assert str(path) in str(caught.value)


def test_file_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as caught:
            EventStore(path)
        assert str(path) in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    EventStore(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO schema_version VALUES (99, 'future', now())")
    with pytest.raises(StoreError, match="schema version 99"):
        EventStore(path)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        EventStore(tmp_path / "absent.duckdb", read_only=True)
    with pytest.raises(StoreError, match="does not exist"):
        EventStore(tmp_path / "no" / "folder.duckdb")


def test_a_later_migration_upgrades_an_existing_file(
    tmp_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.store import duck
    from eventwire.store.migrations import MIGRATIONS, Migration

    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.save(article, [make_event()])
    step = Migration(SCHEMA_VERSION + 1, "mentions.language",
                     "ALTER TABLE mentions ADD COLUMN language VARCHAR")
    monkeypatch.setattr(duck, "MIGRATIONS", (*MIGRATIONS, step))
    monkeypatch.setattr(duck, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.events() == [make_event()]
        store.save(article, [make_event(cameo="111")])
        assert store.connection.execute("SELECT language FROM mentions").fetchall() == [(None,)]
