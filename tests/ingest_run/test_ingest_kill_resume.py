"""A run killed with SIGKILL at any moment, then run again, loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import wire_article, write_jsonl_gz
from processes import children

from eventwire.store import EventStore

ARTICLES = 160


def build_corpus(folder: Path) -> Path:
    records: list[dict | str] = [wire_article(n) for n in range(ARTICLES)]
    records.insert(3, "{broken")  # an error recorded before any kill
    records.insert(100, {"id": "copy-7", "text": records[7]["text"]})
    records.insert(150, {"id": "no-text"})
    folder.mkdir()
    return write_jsonl_gz(folder / "wire.jsonl.gz", records)


def snapshot(db: Path) -> dict[str, list]:
    """What a run leaves in the store, without the times it was written."""
    queries = {
        "articles": "SELECT doc_id, text_hash, date FROM articles ORDER BY doc_id",
        "mentions": "SELECT event_id, doc_id, cameo FROM mentions ORDER BY event_id",
        "errors": "SELECT path, line, message FROM errors ORDER BY path, line",
        "duplicates": "SELECT doc_id, duplicate_of, kind FROM article_duplicates ORDER BY 1",
        "signatures": "SELECT doc_id, content_hash FROM article_signatures ORDER BY doc_id",
    }
    with EventStore(db, read_only=True) as store:
        return {name: store.connection.execute(sql).fetchall() for name, sql in queries.items()}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("kill") / "corpus")


def wait_for_exit(pids: list[int], seconds: float = 15) -> None:
    """Worker processes must not outlive a killed parent."""
    deadline = time.monotonic() + seconds
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in alive if Path(f"/proc/{pid}").exists()
                 and "zombie" not in _state(pid)]
    assert not alive, f"worker processes {alive} outlived the killed run"


def _state(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
                .lower())
    except (OSError, IndexError):
        return "zombie"


def ingest_command(source: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(source), "--db", str(db),
            "--workers", str(workers), "--no-progress"]


@pytest.mark.parametrize(("workers", "wal_bytes"), [(1, 1), (2, 200_000)],
                         ids=["at-start-1-worker", "mid-run-2-workers"])
def test_sigkill_then_resume_loses_and_duplicates_nothing(
        tmp_path: Path, source: Path, workers: int, wal_bytes: int) -> None:
    db = tmp_path / "events.duckdb"
    wal = Path(f"{db}.wal")
    child = subprocess.Popen(ingest_command(source, db, workers),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size >= wal_bytes):
        assert child.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "the run wrote nothing in 120 s"
        time.sleep(0.02)
    workers_of_child = children(child.pid)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    wait_for_exit(workers_of_child)

    with EventStore(db) as store:
        coded_before_resume = store.count("articles")
    assert coded_before_resume < ARTICLES
    if wal_bytes > 1:
        assert coded_before_resume > 0

    resumed = subprocess.run(ingest_command(source, db, workers), capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr  # the corpus holds two bad lines
    assert "Traceback" not in resumed.stderr
    assert f"{coded_before_resume} already coded" in resumed.stderr
    # The reference is an uninterrupted run, made after the resumed one so both use
    # the same code and dictionaries.
    reference = tmp_path / "reference.duckdb"
    subprocess.run(ingest_command(source, reference, 1), capture_output=True, timeout=300)
    assert snapshot(db) == snapshot(reference)
