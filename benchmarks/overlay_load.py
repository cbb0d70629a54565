"""Loading a user's large actor overlay on top of the bundled dictionaries.

    python benchmarks/overlay_load.py                    # 5,000 and 100,000 actors
    python benchmarks/overlay_load.py --sizes 1000,20000

PETRARCH-era dictionaries hold 10^5 entries. Each overlay is a JSON Lines file of
invented people (each with two names and a dated role); one in ten takes a name
a bundled entry already has, so overrides are exercised. Each size is loaded in
its own process; the baseline, in the same run, is loading the bundled
dictionaries alone. The bars: a 100,000-actor overlay loads in under 10 s and
under 1 GB peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BAR_SECONDS = 10.0
BAR_MB = 1024.0


def write_overlay(path: Path, size: int, bundled_names: list[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            names = [f"Zorin Person{n} Quell", f"Minister Person{n} Quell"]
            if n % 10 == 0 and bundled_names:
                names.append(bundled_names[(n // 10) % len(bundled_names)])
            record = {"id": f"USER_ACTOR_{n}", "names": names,
                      "roles": [{"code": "ZZZGOV", "start": "2020-01-01", "end": None}]}
            out.write(json.dumps(record) + "\n")


def measure(overlay: str | None) -> dict:
    """Run in a child process: load, build the name index, report seconds and peak RSS."""
    from eventwire.dictionaries import load_dictionaries

    started, cpu = time.perf_counter(), time.process_time()
    found = load_dictionaries([Path(overlay)] if overlay else [])
    found.actors.index  # noqa: B018 - the matcher builds it on first use
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "actors": len(found.actors),
            "overrides": len(found.overrides)}


def in_child(overlay: str | None) -> dict:
    args = [sys.executable, __file__, "--child"] + ([overlay] if overlay else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,100000")
    parser.add_argument("--child", nargs="?", const="", default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child is not None:
        print(json.dumps(measure(options.child or None)))
        return
    from eventwire.actors.dictionary import ActorDictionary

    bundled = [e.names[0] for e in list(ActorDictionary.load())[:5000] if e.names]
    base = in_child(None)
    print(f"| overlay actors | wall s | CPU s | peak MB | wall s over bundled | overrides |\n"
          f"|{'---|' * 6}")
    print(f"| 0 (bundled only) | {base['seconds']:.2f} | {base['cpu']:.2f} "
          f"| {base['peak_mb']:.0f} | - | - |")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in options.sizes.split(",")):
            path = Path(folder) / f"overlay_{size}.jsonl"
            write_overlay(path, size, bundled)
            row = in_child(str(path))
            extra = row["seconds"] - base["seconds"]
            verdict = "" if size < 100_000 else (
                " (meets the bars)" if row["seconds"] < BAR_SECONDS and row["peak_mb"] < BAR_MB
                else " (FAILS the bars)")
            print(f"| {size:,} | {row['seconds']:.2f} | {row['cpu']:.2f} | {row['peak_mb']:.0f} "
                  f"| {extra:.2f} | {row['overrides']:,} |{verdict}")


if __name__ == "__main__":
    main()
