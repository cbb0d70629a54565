"""Kill -9 an ingest of 10,000 articles with 2 workers, again and again, then finish it.

    python benchmarks/kill9.py                          # 10,000 articles, 3 kills
    python benchmarks/kill9.py --articles 2000 --kills 2

Not a CI test: it codes the corpus twice. The corpus is invented wire stories
(seeded), plus a bad line, a copy and a record without text. `eventwire ingest
--workers 2` is killed with SIGKILL at random moments (after a random number of
articles is stored), its worker processes are checked to exit, and the run is
restarted until it finishes. The result is compared with an uninterrupted run of
the same corpus: every table (articles, mentions, errors, duplicates, signatures)
must be identical, so nothing is lost and nothing is duplicated.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from eventwire.store import EventStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest_run"))
from processes import children  # noqa: E402 - the kill tests' own helper

COUNTRIES = ["Israel", "Russia", "China", "Iran", "Turkey", "Germany", "France", "Pakistan",
             "Ukraine", "Syria", "Egypt", "Japan", "India", "Brazil", "Mexico", "Canada"]
VERBS = ["accused {b} of violating the truce", "criticized {b} for the attack",
         "praised {b} for its support", "threatened {b} with retaliation",
         "met {b} in Geneva to discuss trade"]
QUERIES = {
    "articles": "SELECT doc_id, text_hash, date FROM articles ORDER BY doc_id",
    "mentions": "SELECT event_id, doc_id, cameo FROM mentions ORDER BY event_id",
    "errors": "SELECT path, line, message FROM errors ORDER BY path, line, message",
    "duplicates": "SELECT doc_id, duplicate_of, kind FROM article_duplicates ORDER BY 1, 2",
    "signatures": "SELECT doc_id, content_hash FROM article_signatures ORDER BY doc_id",
}


def story(number: int) -> dict:
    pick = random.Random(number)
    lines = []
    for _ in range(3):
        a, b = pick.sample(COUNTRIES, 2)
        lines.append(f"{a} {pick.choice(VERBS).format(b=b)} on day {pick.randint(1, 9999)}.")
    return {"id": f"wire-{number:05d}", "date": f"2024-03-{1 + number % 28:02d}",
            "text": " ".join(lines)}


def write_corpus(path: Path, articles: int) -> None:
    lines = [json.dumps(story(n)) for n in range(articles)]
    lines.insert(5, "{broken")
    lines.insert(500, json.dumps({"id": "copy-7", "text": story(7)["text"]}))
    lines.insert(900, json.dumps({"id": "no-text"}))
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def command(source: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(source), "--db", str(db),
            "--workers", "2", "--no-progress"]


def stored(db: Path) -> int:
    """Articles stored so far, read while the run writes (a read-only copy of the file)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.duckdb"
        try:
            copy.write_bytes(db.read_bytes())
            wal = Path(f"{db}.wal")
            if wal.exists():
                Path(f"{copy}.wal").write_bytes(wal.read_bytes())
            with EventStore(copy) as store:
                return store.count("articles")
        except Exception:  # caught mid-write: try again later
            return -1


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (OSError, IndexError):
        return False
    return "zombie" not in state


def killed_run(source: Path, db: Path, after_seconds: float) -> dict:
    """Start the run, SIGKILL it after `after_seconds`, and wait for its workers to go."""
    child = subprocess.Popen(command(source, db), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(after_seconds)
    if child.poll() is not None:
        return {"finished": True}
    workers = children(child.pid)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    return {"finished": False, "workers": len(workers),
            "orphans": sum(alive(pid) for pid in workers), "stored": stored(db)}


def snapshot(db: Path) -> dict[str, list]:
    with EventStore(db, read_only=True) as store:
        return {name: store.connection.execute(sql).fetchall() for name, sql in QUERIES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=9)
    options = parser.parse_args()
    pick = random.Random(options.seed)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "wire.jsonl.gz"
        write_corpus(source, options.articles)
        reference = Path(folder) / "reference.duckdb"
        started = time.monotonic()
        subprocess.run(command(source, reference), capture_output=True, check=False)
        full = time.monotonic() - started
        print(f"uninterrupted run: {full:.0f} s", flush=True)
        db = Path(folder) / "killed.duckdb"
        for number in range(options.kills):
            after = pick.uniform(0.15, 0.9) * full / options.kills + (8 if number == 0 else 0)
            result = killed_run(source, db, after)
            print(f"kill {number + 1} after {after:.0f} s: {result}", flush=True)
        final = subprocess.run(command(source, db), capture_output=True, text=True)
        print("resumed run:", final.stderr.strip().splitlines()[-1], flush=True)
        print("traceback in the resumed run:", "Traceback" in final.stderr)
        mine, theirs = snapshot(db), snapshot(reference)
        for table in QUERIES:
            lost = Counter(theirs[table]) - Counter(mine[table])
            extra = Counter(mine[table]) - Counter(theirs[table])
            print(f"{table}: {len(mine[table]):,} rows (reference {len(theirs[table]):,}); "
                  f"lost {sum(lost.values())}, duplicated or extra {sum(extra.values())}")
        print("identical to the uninterrupted run:", mine == theirs)


if __name__ == "__main__":
    main()
