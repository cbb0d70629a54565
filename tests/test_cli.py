"""`eventwire code` end to end: the installed CLI run as a subprocess on real files.

Each run loads spaCy (a few seconds), so the cases are grouped into a handful of
module-scoped runs and the tests only look at what those runs produced.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

# The article mixes non-ASCII characters and a paragraph break into the text, so
# offsets that counted bytes, or that were relative to the sentence, would show.
GOOD_TEXT = (
    "KYIV — Russia shelled Kharkiv on Tuesday, officials said.\n\n"
    "China and Russia criticized the United States. France consulted with Germany."
)
JSONL_GOOD = [
    {"id": "dated", "text": "Israel attacked Hamas.", "date": "2024-01-02", "title": "T"},
    {"id": "undated", "text": "Russia shelled Kharkiv."},
]
STDIN_TEXT = "France consulted with Germany."
DATE = "2024-03-26"

EVENT_KEYS = {"event_id", "doc_id", "sentence_index", "sentence", "date", "source",
              "target", "cameo", "cameo_root", "goldstein", "quad_class", "plover",
              "plover_mode", "trigger", "is_root", "rule"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT"}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def eventwire(*args: str, stdin: str = "", columns: int = 80) -> Run:
    """Run the installed CLI; a narrow terminal width shows any wrapped error line."""
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", *args],
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


def stored(db: Path) -> dict[str, object]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "mentions": con.execute("SELECT count(*) FROM mentions").fetchone()[0],
            "event_ids": sorted(r[0] for r in con.execute("SELECT event_id FROM mentions")
                                .fetchall()),
            "doc_ids": sorted(r[0] for r in con.execute("SELECT doc_id FROM articles")
                              .fetchall()),
            "per_doc": dict(con.execute(
                "SELECT doc_id, count(*) FROM mentions GROUP BY doc_id").fetchall()),
            "errors": con.execute("SELECT path, line, message FROM errors").fetchall(),
        }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli")
    paths = {name: root / name for name in (
        "good.txt", "empty.txt", "binary.txt", "latin1.txt", "mixed.jsonl", "huge.txt")}
    paths["good.txt"].write_text(GOOD_TEXT, encoding="utf-8")
    paths["empty.txt"].write_bytes(b"")
    paths["binary.txt"].write_bytes(b"Israel attacked\x00\x01\x02 Hamas.\x00")
    paths["latin1.txt"].write_bytes("Russia shelled Kharkiv.\nLe café fermé.\n".encode("latin-1"))
    paths["mixed.jsonl"].write_text(
        json.dumps(JSONL_GOOD[0]) + "\n"
        + '{"id": "broken", "text": "Israel attacked\n'
        + json.dumps(JSONL_GOOD[1]) + "\n", encoding="utf-8")
    paths["huge.txt"].write_text("Israel attacked Hamas. " * (5 * 1024 * 1024 // 23 + 1),
                                 encoding="utf-8")
    paths["db"] = root / "events.duckdb"
    return paths


def _bad_and_good_run(files: dict[str, Path]) -> Run:
    return eventwire(str(files["good.txt"]), str(files["empty.txt"]), str(files["binary.txt"]),
                     str(files["latin1.txt"]), str(files["mixed.jsonl"]), str(files["huge.txt"]),
                     "--date", DATE, "--db", str(files["db"]))


@pytest.fixture(scope="module")
def first(files: dict[str, Path]) -> tuple[Run, dict[str, object]]:
    """Good and bad inputs together, as JSON lines, stored in a new DuckDB file."""
    run = _bad_and_good_run(files)
    return run, stored(files["db"])


@pytest.fixture(scope="module")
def second(files: dict[str, Path], first) -> tuple[Run, dict[str, object]]:
    """The same run again into the same file."""
    run = _bad_and_good_run(files)
    return run, stored(files["db"])


@pytest.fixture(scope="module")
def jsonl(first) -> list[dict]:
    return first[0].events


@pytest.fixture(scope="module")
def csv_run(files: dict[str, Path]) -> Run:
    """stdin and a file in one run, as CSV, with no --date."""
    return eventwire("-", str(files["good.txt"]), "--format", "csv", stdin=STDIN_TEXT)


@pytest.fixture(scope="module")
def table_run(files: dict[str, Path]) -> Run:
    return eventwire(str(files["good.txt"]), "--format", "table", columns=200)


def article_texts() -> dict[str, str]:
    return {"good": GOOD_TEXT, **{record["id"]: record["text"] for record in JSONL_GOOD}}


def error_line(stderr: str, where: str) -> str:
    """The one stderr line reporting `where` (a path, or path:line)."""
    found = [line for line in stderr.splitlines() if line.startswith(f"error: {where}: ")]
    assert len(found) == 1, f"expected one error line for {where!r} in:\n{stderr}"
    return found[0]


# --- JSON lines ----------------------------------------------------------------------

def test_jsonl_events_have_every_field_with_its_type(jsonl: list[dict]):
    assert jsonl
    for event in jsonl:
        assert EVENT_KEYS <= event.keys()
        assert isinstance(event["event_id"], str) and len(event["event_id"]) >= 8
        assert isinstance(event["doc_id"], str)
        assert isinstance(event["sentence_index"], int) and event["sentence_index"] >= 0
        assert isinstance(event["sentence"], str) and event["sentence"]
        assert event["date"] is None or isinstance(event["date"], str)
        for role in ("source", "target"):
            actor = event[role]
            assert actor is None or (
                isinstance(actor["code"], str) and isinstance(actor["text"], str)
                and isinstance(actor["start"], int) and isinstance(actor["end"], int))
        assert isinstance(event["cameo"], str) and event["cameo"].isdigit()
        assert event["cameo_root"] == event["cameo"][:2]
        assert isinstance(event["goldstein"], (int, float))
        assert not isinstance(event["goldstein"], bool)
        assert -10 <= event["goldstein"] <= 10
        assert event["quad_class"] in {1, 2, 3, 4}
        assert event["plover"] is None or event["plover"] in PLOVER_TYPES
        assert event["plover_mode"] is None or isinstance(event["plover_mode"], str)
        assert {"text", "start", "end"} <= event["trigger"].keys()
        assert isinstance(event["is_root"], bool)
        assert isinstance(event["rule"], str) and event["rule"]


def test_offsets_slice_the_article_text(jsonl: list[dict]):
    texts = article_texts()
    for event in jsonl:
        text = texts[event["doc_id"]]
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        assert event["sentence"] in text
        for role in ("source", "target"):
            if event[role] is not None:
                actor = event[role]
                assert text[actor["start"]:actor["end"]] == actor["text"]


def test_expected_events_of_the_good_article(jsonl: list[dict]):
    good = {(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"][:2])
            for e in jsonl if e["doc_id"] == "good"}
    assert ("RUS", "UKR", "19") in good
    assert ("FRA", "DEU", "04") in good


def test_compound_subject_gives_one_event_per_actor(jsonl: list[dict]):
    criticized = [e for e in jsonl
                  if e["doc_id"] == "good" and e["trigger"]["text"] == "criticized"]
    assert sorted(e["source"]["code"] for e in criticized) == ["CHN", "RUS"]
    assert {e["target"]["code"] for e in criticized} == {"USA"}
    assert len({e["event_id"] for e in criticized}) == 2
    assert sum(e["is_root"] for e in criticized) == 1


def test_date_option_fills_in_only_missing_dates(jsonl: list[dict]):
    dates = {e["doc_id"]: e["date"] for e in jsonl}
    assert dates == {"good": DATE, "dated": "2024-01-02", "undated": DATE}


def test_event_ids_are_unique(jsonl: list[dict]):
    assert len({e["event_id"] for e in jsonl}) == len(jsonl)


# --- bad input in the same run ----------------------------------------------------------

def test_bad_inputs_are_reported_by_file_and_line(first, files: dict[str, Path]):
    run = first[0]
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "empty" in error_line(run.stderr, str(files["empty.txt"]))
    assert "binary" in error_line(run.stderr, str(files["binary.txt"]))
    assert "UTF-8" in error_line(run.stderr, f"{files['latin1.txt']}:2")
    assert "JSON" in error_line(run.stderr, f"{files['mixed.jsonl']}:2")
    assert "limit" in error_line(run.stderr, str(files["huge.txt"]))
    # One message per line, however long the path: tools grep these lines.
    lines = run.stderr.splitlines()
    assert all(line.startswith("error: ") for line in lines[:-1]), run.stderr
    assert lines[-1].startswith("coded 3 articles") and "5 failed" in lines[-1]


def test_good_articles_of_a_failing_run_are_coded_and_stored(first):
    run, db = first
    assert {e["doc_id"] for e in run.events} == {"good", "dated", "undated"}
    assert db["doc_ids"] == ["dated", "good", "undated"]
    assert db["mentions"] == len(run.events)
    assert db["event_ids"] == sorted(e["event_id"] for e in run.events)


def test_read_errors_are_stored_with_their_line(first, files: dict[str, Path]):
    errors = {(path, line) for path, line, _ in first[1]["errors"]}
    assert (str(files["mixed.jsonl"]), 2) in errors
    assert (str(files["latin1.txt"]), 2) in errors
    assert (str(files["empty.txt"]), None) in errors


# --- the store ------------------------------------------------------------------------

def test_coding_again_replaces_events_without_duplicates(first, second):
    (run1, db1), (run2, db2) = first, second
    assert run2.returncode == 1
    assert db2["mentions"] == db1["mentions"] > 0
    assert db2["event_ids"] == db1["event_ids"]
    assert db2["per_doc"] == db1["per_doc"]
    assert db2["doc_ids"] == db1["doc_ids"]
    assert run2.stdout == run1.stdout


# --- CSV, stdin, table --------------------------------------------------------------------

def test_csv_has_one_header_and_keeps_codes_as_strings(csv_run: Run, jsonl: list[dict]):
    assert csv_run.returncode == 0, csv_run.stderr
    assert "Traceback" not in csv_run.stderr
    rows = list(csv.DictReader(io.StringIO(csv_run.stdout)))
    header = csv_run.stdout.splitlines()[0].split(",")
    assert {"event_id", "doc_id", "date", "source_code", "target_code", "cameo",
            "cameo_root", "goldstein", "quad_class", "plover", "trigger"} <= set(header)
    assert not any(row["event_id"] == "event_id" for row in rows)
    consult = [r for r in rows if r["doc_id"] == "stdin"]
    assert [(r["source_code"], r["target_code"], r["cameo"], r["cameo_root"])
            for r in consult] == [("FRA", "DEU", "046", "04"), ("DEU", "FRA", "046", "04")]
    assert all(r["date"] == "" for r in rows)
    # Codes and ids do not depend on the output format or the date.
    from_jsonl = sorted(e["event_id"] for e in jsonl if e["doc_id"] == "good")
    assert sorted(r["event_id"] for r in rows if r["doc_id"] == "good") == from_jsonl


def test_stdin_text_is_coded_as_one_article(csv_run: Run):
    rows = list(csv.DictReader(io.StringIO(csv_run.stdout)))
    stdin_rows = [r for r in rows if r["doc_id"] == "stdin"]
    assert stdin_rows
    assert STDIN_TEXT[int(stdin_rows[0]["trigger_start"]):int(stdin_rows[0]["trigger_end"])] \
        == stdin_rows[0]["trigger"]


def test_table_prints_the_events(table_run: Run, jsonl: list[dict]):
    assert table_run.returncode == 0, table_run.stderr
    count = sum(e["doc_id"] == "good" for e in jsonl)
    assert f"{count} events" in table_run.stdout
    for code in ("RUS", "CHN", "FRA", "DEU", "046"):
        assert code in table_run.stdout


# --- errors in the options ------------------------------------------------------------------

def test_unknown_model_is_one_clear_error(files: dict[str, Path]):
    run = eventwire(str(files["good.txt"]), str(files["mixed.jsonl"]), "--model", "no_such_model")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    assert "no_such_model" in run.stderr
    # Reported once for the run, not once for each article.
    assert run.stderr.count("no_such_model") == 1


def test_bad_date_is_a_clear_error(files: dict[str, Path]):
    run = eventwire(str(files["good.txt"]), "--date", "2024-13-45")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    assert "2024-13-45" in run.stderr
    assert "YYYY-MM-DD" in run.stderr


def test_conventions_option_codes_announced_acts_as_acts():
    text = "The United States will supply arms to Israel."
    default, petrarch2 = eventwire("-", stdin=text), eventwire("-", "--conventions", "petrarch2",
                                                               stdin=text)
    assert [(e["cameo"], e["modality"]) for e in default.events] == [("0332", "future")]
    assert [(e["cameo"], e["modality"]) for e in petrarch2.events] == [("072", "announced")]
    bad = eventwire("-", "--conventions", "phoenix", stdin=text)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
