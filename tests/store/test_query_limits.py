"""`query` ready for a web API: an allow-list of statements and limits on every query."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.schema import Article
from eventwire.store import EventStore, StoreError
from eventwire.store.queries import QueryLimits, open_reader, run_sql


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "events.duckdb"
    with EventStore(db) as store:
        for number in range(5):
            store.save(Article(id=f"d{number}", text="t", date=f"2024-03-0{number + 1}"), [])
    return db


def run(path: Path, sql: str, limits: QueryLimits | None = None):
    with open_reader(path) as store:
        return run_sql(store, sql, limits or QueryLimits())


@pytest.mark.parametrize("sql", [
    "IMPORT DATABASE 'elsewhere'",
    "PRAGMA threads=8",
    "PRAGMA memory_limit='100GB'",
    "PRAGMA enable_profiling",
    "PRAGMA disable_optimizer",
    "SET threads = 8",
    "RESET memory_limit",
    "CALL pragma_table_info('articles')",
    "CHECKPOINT",
    "USE memory",
    "SELECT 1; PRAGMA enable_checkpoint_on_shutdown",
])
def test_statements_outside_the_allow_list_are_refused(path: Path, sql: str) -> None:
    with pytest.raises(StoreError, match="only reading is allowed"):
        run(path, sql)


@pytest.mark.parametrize(("sql", "first"), [
    ("PIVOT (SELECT date FROM articles) ON date USING count(*)", "2024-03-01"),
    ("UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME n VALUE v", "n"),
    ("PRAGMA table_info('articles')", "cid"),
    ("PRAGMA show_tables", "name"),
    ("DESCRIBE articles", "column_name"),
    ("SHOW TABLES", "name"),
    ("SUMMARIZE articles", "column_name"),
    ("FROM articles SELECT doc_id", "doc_id"),
    ("-- a comment first\nSELECT 1 AS one", "one"),
    ("EXPLAIN SELECT 1", "explain_key"),
])
def test_read_statements_are_allowed(path: Path, sql: str, first: str) -> None:
    assert run(path, sql).columns[0] == first


def test_a_setting_cannot_be_changed_by_a_later_statement(path: Path) -> None:
    with open_reader(path) as store:
        run_sql(store, "SELECT 1", QueryLimits(threads=1))
        with pytest.raises(duckdb.Error, match="locked"):
            store.connection.execute("SET threads = 2")
        assert store.connection.execute("SELECT current_setting('threads')").fetchone() == (1,)


def test_rows_over_the_cap_are_cut_and_say_so(path: Path) -> None:
    result = run(path, "SELECT * FROM range(100000)", QueryLimits(rows=1000))
    assert len(result.rows) == 1000 and result.truncated
    assert not run(path, "SELECT * FROM range(1000)", QueryLimits(rows=1000)).truncated


def test_a_query_over_the_memory_limit_fails_with_a_message(path: Path) -> None:
    sql = "SELECT list(range) FROM range(30000000)"  # about 240 MB held at once
    with pytest.raises(StoreError, match="needs more memory than the limit of 64MB"):
        run(path, sql, QueryLimits(memory="64MB"))


def test_a_query_over_the_time_limit_is_stopped(path: Path) -> None:
    slow = "SELECT count(*) FROM range(100000000) a, range(1000000) b WHERE a.range = b.range + 1"
    with pytest.raises(StoreError, match=r"query stopped after 0\.5 s"):
        run(path, slow, QueryLimits(seconds=0.5))


def test_limits_must_make_sense() -> None:
    with pytest.raises(StoreError, match="rows must be at least 1"):
        QueryLimits(rows=0).check()
    with pytest.raises(StoreError, match="seconds must be positive"):
        QueryLimits(seconds=0).check()
