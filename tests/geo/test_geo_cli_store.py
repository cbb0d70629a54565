"""Locations end to end: `eventwire code` as a subprocess writes them to JSONL, CSV and
a real DuckDB file; `eventwire events --country` filters on them; an older store file
gains the columns."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import EventStore
from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION

ARTICLES = [
    {"id": "gaza", "date": "2024-03-05",
     "text": "GAZA CITY (AP) - Israeli aircraft bombed a school in Khan Younis on Tuesday."},
    {"id": "tripoli", "date": "2024-03-06",
     "text": "Lebanese troops clashed with gunmen in Tripoli, the army said."},
    {"id": "nowhere", "date": "2024-03-07",
     "text": "The minister criticized the opposition leader."},
]


def eventwire(*args: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "eventwire"), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"}, check=False)


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], Path]:
    folder = tmp_path_factory.mktemp("geo_cli")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "events.duckdb"
    run = eventwire("code", str(source), "--format", "jsonl", "--db", str(db))
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()], db


def by_doc(events: list[dict], doc_id: str) -> list[dict]:
    found = [e for e in events if e["doc_id"] == doc_id]
    assert found, f"no event for {doc_id}: {events}"
    return found


def test_jsonl_events_carry_their_location(coded) -> None:
    events, _ = coded
    khan_younis = by_doc(events, "gaza")[0]["location"]
    assert khan_younis["country"] == "PSE" and khan_younis["basis"] == "clause"
    assert khan_younis["text"] == "Khan Younis" and khan_younis["feature"] == "city"
    text = ARTICLES[0]["text"]
    assert text[khan_younis["start"]:khan_younis["end"]] == "Khan Younis"
    assert set(khan_younis) == {"name", "lat", "lon", "country", "admin1", "geonameid",
                                "feature", "basis", "text", "start", "end"}
    assert by_doc(events, "tripoli")[0]["location"]["country"] == "LBN"


def test_an_event_with_no_place_has_a_null_location(coded) -> None:
    events, _ = coded
    assert all(e["location"] is None for e in by_doc(events, "nowhere"))


def test_the_store_keeps_the_location_columns(coded) -> None:
    events, db = coded
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT doc_id, location_country, location_basis, location_text "
                           "FROM mentions ORDER BY doc_id").fetchall()
    assert ("gaza", "PSE", "clause", "Khan Younis") in rows
    assert any(doc == "nowhere" and country is None for doc, country, _, _ in rows)
    with EventStore(db, read_only=True) as store:
        stored = {e.event_id: e.location for e in store.events()}
    printed = {e["event_id"]: e["location"] for e in events}
    assert {key: value and value.model_dump() for key, value in stored.items()} == printed


def test_events_country_filters_on_where_it_happened(coded) -> None:
    _, db = coded
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--country", "pse",
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    dates = {json.loads(line)["date"] for line in result.output.splitlines()}
    assert dates == {"2024-03-05"}
    bad = CliRunner().invoke(app, ["events", "--db", str(db), "--country", "Gaza"])
    assert bad.exit_code == 1 and "ISO 3166 alpha-3" in bad.output


def test_csv_output_has_location_columns(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text(ARTICLES[1]["text"], encoding="utf-8")
    run = eventwire("code", str(source), "--format", "csv")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows and rows[0]["location_country"] == "LBN"
    assert rows[0]["location_basis"] == "clause" and rows[0]["location_text"] == "Tripoli"


def test_a_store_of_schema_4_gains_the_location_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP)")
        for step in MIGRATIONS[:4]:
            con.execute(step.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())",
                        [step.version, step.description])
    with EventStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        columns = {row[0] for row in store.connection.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'mentions'").fetchall()}
    assert {"location_country", "location_lat", "location_basis"} <= columns
