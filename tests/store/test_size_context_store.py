"""Size and context in the store, the events filters, the PLOVER export and the
documented fatalities query, on a real DuckDB file."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.schema import (
    ActorRef,
    Article,
    Context,
    CountSpan,
    Event,
    Size,
    TextSpan,
    event_id,
)
from eventwire.store import SCHEMA_VERSION, EventStore

runner = CliRunner()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "STORE.md"


def attack(doc_id: str, target: str, date: str, dead: int | None, context: list[str],
           article_context: tuple[str, ...] = (), event_date: str | None = None) -> Event:
    size = None if dead is None else Size(dead=dead, counts=[CountSpan(
        text=str(dead), start=20, end=22, field="dead", value=dead, rule="verb object")])
    contexts = [Context(name=n, source="sentence", evidence="keyword:x") for n in context]
    contexts += [Context(name=n, source="article", evidence="article:title")
                 for n in article_context]
    return Event(
        event_id=event_id(doc_id, 0, 0, "RUSMIL", target, "190"), doc_id=doc_id,
        sentence_index=0, sentence="Russian troops killed people.", date=date,
        event_date=event_date, source=ActorRef(code="RUSMIL", text="Russian troops", start=0,
                                               end=14),
        target=ActorRef(code=target, text="people", start=23, end=29), cameo="190",
        cameo_root="19", plover="ASSAULT", goldstein=-10.0, quad_class=4,
        trigger=TextSpan(text="killed", start=15, end=21), rule="r", size=size,
        context=contexts)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.save(Article(id="a", text="t", date="2024-03-05"),
                   [attack("a", "UKRCVL", "2024-03-05", 12, ["military", "election"],
                           ("economic",))])
        store.save(Article(id="b", text="u", date="2024-03-20"),
                   [attack("b", "UKRMIL", "2024-03-20", 3, ["military"])])
        store.save(Article(id="c", text="v", date="2024-04-02"),
                   [attack("c", "SYRCVL", "2024-04-02", 40, ["terrorism"],
                           event_date="2024-03-30")])
        store.save(Article(id="d", text="w", date="2024-04-03"),
                   [attack("d", "SYRCVL", "2024-04-03", None, ["election"])])
    return path


def test_size_and_context_survive_the_store(db):
    with EventStore(db) as store:
        (event,) = store.events("a")
    assert event.size.dead == 12 and event.size.counts[0].text == "12"
    assert [(c.name, c.source) for c in event.context] == [
        ("military", "sentence"), ("election", "sentence"), ("economic", "article")]


def test_an_older_store_gains_the_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.save(Article(id="a", text="t"), [attack("a", "UKR", "2024-01-01", 5, [])])
    con = duckdb.connect(str(path))
    # a store of schema 5: neither size and context (6) nor locations (7)
    later = [row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'mentions' "
        "AND (column_name IN ('dead', 'injured', 'arrested', 'size_json', 'context', "
        "'context_article', 'context_json', 'aux_mode') OR column_name LIKE 'location_%')"
    ).fetchall()]
    for column in later:
        con.execute(f"ALTER TABLE mentions DROP COLUMN {column}")
    con.execute("DELETE FROM schema_version WHERE version > 5")
    con.close()
    with EventStore(path) as store:
        (event,) = store.events()
        assert event.size is None and store.schema_version == SCHEMA_VERSION


def events_csv(db, *options):
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", *options])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_events_filter_on_context_and_deaths(db):
    rows = events_csv(db, "--context", "election", "--min-dead", "10")
    assert [(r["target_code"], r["dead"]) for r in rows] == [("UKRCVL", "12")]
    assert {r["target_code"] for r in events_csv(db, "--context", "military")} == {
        "UKRCVL", "UKRMIL"}
    assert events_csv(db, "--context", "economic") == []  # only the article's


def test_an_unknown_context_is_refused_with_the_names(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--context", "sports"])
    assert result.exit_code != 0
    assert "not a PLOVER context" in result.output and "election" in result.output


def test_plover_export_has_the_manuals_size_and_context(db):
    result = runner.invoke(app, ["export", "--format", "plover", "--db", str(db)])
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    first = records[event_id("a", 0, 0, "RUSMIL", "UKRCVL", "190")]
    assert first["size"] == {"dead": 12}
    assert first["context"] == ["military", "election"]
    assert first["context_article"] == ["economic"]
    no_count = records[event_id("d", 0, 0, "RUSMIL", "SYRCVL", "190")]
    assert "size" not in no_count


def test_the_documented_fatalities_query_runs(db):
    text = DOCS.read_text(encoding="utf-8")
    sql = re.search(r"<!-- fatalities query -->\n```sql\n(.*?)```", text, re.S).group(1)
    result = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = [(r["country"], r["month"], r["dead"])
            for r in csv.DictReader(io.StringIO(result.stdout))]
    assert rows == [("SYR", "2024-03", "40"), ("UKR", "2024-03", "15")]
