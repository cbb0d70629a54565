"""Size and context as CSV flat columns and in JSON lines (eventwire code)."""

import csv
import io
import json

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
TEXT = "Syrian troops shelled the town of Idlib, killing 14 civilians and wounding 30.\n"


def test_csv_has_flat_size_and_context_columns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    result = runner.invoke(app, ["code", str(path), "--format", "csv", "--date", "2024-05-01"])
    rows = {r["trigger"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    shelled = rows["shelled"]
    assert (shelled["dead"], shelled["injured"], shelled["arrested"]) == ("14", "30", "")
    assert "military" in shelled["context"].split(";")


def test_jsonl_has_the_size_object_with_spans(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    result = runner.invoke(app, ["code", str(path), "--date", "2024-05-01"])
    events = [json.loads(line) for line in result.stdout.splitlines()]
    (shelled,) = [e for e in events if e["trigger"]["text"] == "shelled"]
    assert shelled["size"]["dead"] == 14
    assert {c["text"] for c in shelled["size"]["counts"]} == {"14", "30"}
    assert all({"name", "source", "evidence"} <= set(c) for c in shelled["context"])


def test_keep_negated_keeps_and_marks_the_event(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The Kenyan army did not attack the rebels in Somalia.\n")
    plain = runner.invoke(app, ["code", str(path)])
    assert plain.stdout.strip() == ""
    kept = runner.invoke(app, ["code", str(path), "--keep-negated"])
    (event,) = [json.loads(line) for line in kept.stdout.splitlines()]
    assert event["aux_mode"] == "negated"


def test_ingest_keeps_negated_events_when_asked(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The Kenyan army did not attack the rebels in Somalia.\n")
    db = tmp_path / "events.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--keep-negated",
                                 "--no-progress"])
    assert result.exit_code == 0, result.output
    query = runner.invoke(app, ["query", "SELECT aux_mode FROM mentions", "--db", str(db),
                                "--format", "csv"])
    assert query.stdout.split() == ["aux_mode", "negated"]
