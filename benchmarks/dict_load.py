"""How long loading every bundled dictionary takes, and how much memory it holds.

Prints the figures as ratios against baselines measured in the same run:
json-parsing the same bytes (the least any loader must do), and loading the
spaCy model the coder uses. The bars: under 1 s and under 300 MB.

    .venv/bin/python benchmarks/dict_load.py [--repeat 5] [--no-spacy]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from eventwire.actors.dictionary import default_actor_paths, default_agent_paths
from eventwire.dictionaries import load_dictionaries
from eventwire.events import verbdict
from eventwire.nlp import DEFAULT_MODEL

VERBS = Path(verbdict.__file__).parent / "data" / "verbs.jsonl"
LIMIT_SECONDS = 1.0
LIMIT_MB = 300.0


def load_all() -> object:
    """Everything the coder needs from the dictionaries, name index included."""
    verbdict._packaged.cache_clear()  # measure a real read, not the per-process cache
    found = load_dictionaries()
    found.actors.index  # noqa: B018 - built lazily; the matcher needs it
    found.agents.index  # noqa: B018
    return found


def parse_json() -> object:
    """The baseline: decompress and json-parse the same files, nothing else."""
    records = []
    for path in [*default_actor_paths(), *default_agent_paths(), VERBS]:
        data = path.read_bytes()
        text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
        records.extend(json.loads(line) for line in text.splitlines() if line.strip())
    return records


def load_spacy() -> object:
    import spacy

    return spacy.load(DEFAULT_MODEL)


def seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def megabytes(work: Callable[[], object]) -> float:
    """Memory still held by what ``work`` returns (Python allocations, tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    kept = work()
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return current / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy baseline")
    args = parser.parse_args(argv)

    load_all()  # warm-up: imports, the tokenizer's first use
    load_s, json_s = seconds(load_all, args.repeat), seconds(parse_json, args.repeat)
    load_mb, json_mb = megabytes(load_all), megabytes(parse_json)
    print(f"load all bundled dictionaries: {load_s:.3f} s, {load_mb:.0f} MB held")
    print(f"  vs json-parsing the same bytes ({json_s:.3f} s, {json_mb:.0f} MB): "
          f"{load_s / json_s:.2f}x time, {load_mb / json_mb:.2f}x memory")
    if not args.no_spacy:
        spacy_s, spacy_mb = seconds(load_spacy, max(1, args.repeat // 2)), megabytes(load_spacy)
        print(f"  vs spacy.load({DEFAULT_MODEL!r}) ({spacy_s:.3f} s, {spacy_mb:.0f} MB): "
              f"{load_s / spacy_s:.2f}x time, {load_mb / spacy_mb:.2f}x memory")
    within = load_s < LIMIT_SECONDS and load_mb < LIMIT_MB
    print(f"bars: < {LIMIT_SECONDS:.0f} s and < {LIMIT_MB:.0f} MB: "
          f"{'met' if within else 'NOT met'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
