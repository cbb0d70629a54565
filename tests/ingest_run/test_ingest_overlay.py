"""Overlay dictionaries reach the coder in an ingest run, in this process and in workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

OVERLAY = """\
actors:
  - id: FREEDONIA
    names: [Freedonia]
    roles:
      - {code: FRD}
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_codes_with_the_overlay(tmp_path: Path, workers: str):
    (tmp_path / "mine.yaml").write_text(OVERLAY, encoding="utf-8")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Freedonia attacked Israel.",
                                  "date": "2024-03-26"}) + "\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db),
         "--workers", workers, "--dict", str(tmp_path / "mine.yaml"), "--no-progress"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source_code, target_code, cameo_root FROM mentions").fetchall()
    assert ("FRD", "ISR", "19") in rows


def test_a_missing_overlay_stops_the_run_with_a_message(tmp_path: Path):
    corpus = tmp_path / "a.txt"
    corpus.write_text("Israel attacked Hamas.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db",
         str(tmp_path / "e.duckdb"), "--dict", str(tmp_path / "nope.yaml"), "--no-progress"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode != 0
    assert "nope.yaml" in done.stderr and "Traceback" not in done.stderr
