"""The store commands: query, events and export, run as a user would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.schema import ActorRef, Article, Event, TextSpan, event_id
from eventwire.store import EventStore

runner = CliRunner()


def mention(doc_id: str, source: str, target: str, cameo: str, date: str) -> Event:
    return Event(
        event_id=event_id(doc_id, 0, 0, source, target, cameo), doc_id=doc_id,
        sentence_index=0, sentence="s", date=date,
        source=ActorRef(code=source, text="Israel", start=0, end=6),
        target=ActorRef(code=target, text="Washington", start=7, end=17), cameo=cameo,
        cameo_root=cameo[:2], plover="CONSULT", goldstein=1.9, quad_class=1,
        trigger=TextSpan(text="met", start=0, end=3), rule="r")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.save(Article(id="a", text="t", date="2024-03-05", url="https://e.org/a"),
                   [mention("a", "ISRGOV", "USA", "042", "2024-03-05")])
        store.save(Article(id="b", text="u", date="2024-02-05"),
                   [mention("b", "ISRGOV", "USA", "112", "2024-02-05")])
    return path


def run(*args: str):
    return runner.invoke(app, list(args))


def test_query_prints_csv_with_codes_as_strings(db: Path) -> None:
    result = run("query", "SELECT cameo, num_mentions FROM events ORDER BY cameo",
                 "--db", str(db), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["cameo", "num_mentions"], ["042", "1"], ["112", "1"]]


def test_query_refuses_writes_with_a_message(db: Path) -> None:
    result = run("query", "DELETE FROM mentions", "--db", str(db))
    assert result.exit_code == 1
    assert "only reading is allowed" in result.stderr and "Traceback" not in result.output


def test_events_filters_and_prints_jsonl(db: Path) -> None:
    result = run("events", "--db", str(db), "--actor", "ISR", "--target", "USA",
                 "--since", "2024-03-01", "--root", "4", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["cameo"], r["date"], r["source_url"]) for r in records] == [
        ("042", "2024-03-05", "https://e.org/a")]


def test_events_table_and_bad_date(db: Path) -> None:
    result = run("events", "--db", str(db))
    assert result.exit_code == 0 and "2 rows" in result.stdout
    result = run("events", "--db", str(db), "--since", "yesterday")
    assert result.exit_code == 1 and "--since must be a date" in result.stderr


def test_export_gdelt_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gdelt.tsv"
    result = run("export", "--format", "gdelt", "--db", str(db), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert "exported 2 gdelt records" in result.stderr
    lines = out.read_text().splitlines()
    assert [len(line.split("\t")) for line in lines] == [61, 61]


def test_export_plover_to_stdout_with_header_option_ignored(db: Path) -> None:
    result = run("export", "--format", "plover", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == [
        ["CONSULT"], ["CONSULT"]]


def test_export_errors_are_messages(db: Path, tmp_path: Path) -> None:
    result = run("export", "--format", "parquet", "--db", str(db))
    assert result.exit_code == 1 and "needs --output" in result.stderr
    result = run("export", "--format", "gdelt", "--db", str(tmp_path / "absent.duckdb"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = run("export", "--format", "xml", "--db", str(db))
    assert result.exit_code == 2 and "gdelt" in result.output
    assert "Traceback" not in result.output


def test_query_cuts_rows_over_the_cap_with_a_note(db: Path) -> None:
    result = run("query", "SELECT * FROM range(50)", "--db", str(db), "--format", "csv",
                 "--max-rows", "10")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 11  # header + 10
    assert "note: only the first 10 rows are shown" in result.stderr


def test_query_limits_are_checked(db: Path) -> None:
    result = run("query", "SELECT 1", "--db", str(db), "--memory", "lots")
    assert result.exit_code == 1
    assert "memory must be a size such as 512MB" in result.stderr
