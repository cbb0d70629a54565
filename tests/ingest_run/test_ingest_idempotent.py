"""Running the same ingest again changes nothing; --recode codes again to the same result."""

from __future__ import annotations

from pathlib import Path

from conftest import wire_article, write_jsonl_gz
from rich.console import Console

from eventwire.ingest_run import IngestRun, IngestSummary, run_ingest
from eventwire.store import EventStore


def tables(db: Path) -> dict[str, list]:
    queries = {
        "articles": "SELECT doc_id, text_hash FROM articles ORDER BY doc_id",
        "mentions": "SELECT * EXCLUDE (coder_version) FROM mentions ORDER BY event_id",
        "errors": "SELECT path, line, message FROM errors ORDER BY path, line",
        "duplicates": "SELECT doc_id, duplicate_of, kind FROM article_duplicates ORDER BY 1",
        "signatures": "SELECT * FROM article_signatures ORDER BY doc_id",
    }
    with EventStore(db, read_only=True) as store:
        return {name: store.connection.execute(sql).fetchall() for name, sql in queries.items()}


def ingest(source: Path, db: Path, **options) -> IngestSummary:
    run = IngestRun(sources=[str(source)], db=db, **options)
    return run_ingest(run, Console(stderr=True), show_progress=False)


def test_second_run_skips_everything_and_changes_nothing(tmp_path: Path) -> None:
    articles = [wire_article(n) for n in range(20)]
    near = {**articles[4], "id": "near-4", "text": articles[4]["text"] + " Reporting by wire."}
    source = write_jsonl_gz(tmp_path / "wire.jsonl.gz", [*articles, near, "[1, 2]"])
    db = tmp_path / "events.duckdb"
    first = ingest(source, db)
    assert (first.coded, first.duplicates, first.errors) == (20, 1, 1)
    before = tables(db)
    second = ingest(source, db)
    assert (second.coded, second.already_coded, second.duplicates, second.errors) == (0, 20, 1, 1)
    assert tables(db) == before
    recoded = ingest(source, db, recode=True)
    assert (recoded.coded, recoded.events) == (20, first.events)
    assert tables(db) == before


def test_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    source = write_jsonl_gz(tmp_path / "wire.jsonl.gz", [wire_article(n) for n in range(40)])
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest(source, one, workers=1)
    summary = ingest(source, two, workers=2)
    assert summary.coded == 40
    assert tables(one) == tables(two)


def test_an_article_stored_by_another_command_is_skipped_and_fingerprinted(
        tmp_path: Path) -> None:
    articles = [wire_article(n) for n in range(3)]
    db = tmp_path / "events.duckdb"
    ingest(write_jsonl_gz(tmp_path / "a.jsonl.gz", articles[:1]), db)
    with EventStore(db) as store:  # as if killed between saving and fingerprinting
        store.connection.execute("DELETE FROM article_signatures")
    copy = {**articles[0], "id": "copy-0"}
    summary = ingest(write_jsonl_gz(tmp_path / "b.jsonl.gz", [*articles, copy]), db)
    assert (summary.already_coded, summary.coded, summary.duplicates) == (1, 2, 1)
