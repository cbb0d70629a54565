"""The coding conventions reach the coder in an ingest run, in this process and in workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_codes_under_the_petrarch2_conventions(tmp_path: Path, workers: str):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The United States will supply arms to "
                                  "Israel.", "date": "2024-03-26"}) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db),
         "--workers", workers, "--conventions", "petrarch2", "--no-progress"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source_code, target_code, cameo, modality "
                           "FROM mentions").fetchall()
    assert rows == [("USA", "ISR", "072", "announced")]
