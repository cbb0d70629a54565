"""Ingest throughput with 1 and 2 workers against bare spaCy on the same corpus.

    python benchmarks/ingest.py                          # 400 articles, best of 3 rounds
    python benchmarks/ingest.py --articles 200 --repeat 3 --json ingest.json

Each ingest run is `run_ingest` end to end into a fresh DuckDB file: reading a
.jsonl.gz, fingerprinting and deduplicating, coding with N worker processes,
and saving each article in its own transaction (an article that fails is
recorded as an error and still counts as processed). Its time includes loading the
dictionaries and, with 2 workers, starting the worker processes and loading
the model in each. The baseline is measured in the same run on the same texts
with the same model: `spacy.load(model)` with its full default pipeline and
`list(nlp.pipe(texts))`, model loading excluded; every rate is also given as a
ratio against it.

The corpus is built in memory from the news sentences of
<repo>/../shared/eval/penta_dev.tsv (read in place): each article is 8
sentences drawn at random (seeded), so articles share few sentences and none is
a near-duplicate of another: no article is skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import spacy
from rich.console import Console

from eventwire import nlp
from eventwire.ingest_run import IngestRun, run_ingest
from eventwire.schema import Article

ROOT = Path(__file__).resolve().parents[1]
PENTA = ROOT.parent / "shared" / "eval" / "penta_dev.tsv"
SENTENCES_PER_ARTICLE = 8
WARMUP_ARTICLES = 16


@dataclass
class Row:
    """The best of `repeat` timed runs of one way of processing the corpus."""

    name: str
    seconds: list[float]
    articles: int
    events: int | None = None
    errors: int | None = None

    @property
    def best(self) -> float:
        return min(self.seconds)


def build_corpus(path: Path, articles: int, seed: int = 7) -> list[Article]:
    """`articles` stories of 8 distinct sentences each, drawn from the TSV's sentences."""
    with path.open(encoding="utf-8", newline="") as rows:
        sentences = [row["sentence"].strip() for row in csv.DictReader(rows, delimiter="\t")
                     if row["sentence"].strip()]
    pick = random.Random(seed)
    return [Article(id=f"penta-{number:05d}", date="2015-06-01",
                    text="\n\n".join(pick.sample(sentences, SENTENCES_PER_ARTICLE)))
            for number in range(articles)]


def write_corpus(articles: list[Article], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps({"id": article.id, "date": article.date,
                                  "text": article.text}) + "\n")


def measure_spacy(articles: list[Article], model: str, rounds: int) -> Iterator[float]:
    """Seconds of `list(nlp.pipe(texts))`, once per round; the model is loaded first."""
    texts = [a.text for a in articles]
    pipeline = spacy.load(model)
    list(pipeline.pipe(texts[:WARMUP_ARTICLES]))
    for _ in range(rounds):
        start = time.perf_counter()
        list(pipeline.pipe(texts, batch_size=64))
        yield time.perf_counter() - start


def measure_ingest(corpus: Path, workers: int, model: str, db: Path) -> tuple[float, object]:
    """Seconds of one whole `run_ingest` into a fresh store, and its summary."""
    run = IngestRun(sources=[str(corpus)], db=db, workers=workers, model=model)
    start = time.perf_counter()
    summary = run_ingest(run, Console(stderr=True), show_progress=False)
    return time.perf_counter() - start, summary


def measure(articles: list[Article], corpus: Path, model: str, rounds: int,
            scratch: Path) -> list[Row]:
    """Rounds of baseline, 1 worker, 2 workers, interleaved so that a slow spell of a
    shared machine hits every run alike; the best of each is kept."""
    baseline = Row("spacy-full", [], len(articles))
    ingests = {workers: Row(f"ingest-{workers}w", [], len(articles)) for workers in (1, 2)}
    spacy_runs = measure_spacy(articles, model, rounds)
    for number in range(rounds):
        baseline.seconds.append(next(spacy_runs))
        for workers, row in ingests.items():
            seconds, summary = measure_ingest(corpus, workers, model,
                                              scratch / f"w{workers}-{number}.duckdb")
            row.seconds.append(seconds)
            row.articles, row.events, row.errors = summary.seen, summary.events, summary.errors
        print(f"round {number + 1}: " + ", ".join(
            f"{r.name} {r.seconds[-1]:.2f} s" for r in [baseline, *ingests.values()]),
            flush=True)
    return [baseline, *ingests.values()]


def table(rows: list[Row], baseline: Row) -> str:
    lines = [f"{'run':<12} {'best s':>7} {'articles/s':>11} {'events/s':>9} {'vs spaCy':>9} "
             f"{'errors':>6}"]
    for row in rows:
        events = "-" if row.events is None else f"{row.events / row.best:.1f}"
        lines.append(f"{row.name:<12} {row.best:>7.2f} {row.articles / row.best:>11.1f} "
                     f"{events:>9} {baseline.best / row.best:>9.0%} "
                     f"{'-' if row.errors is None else row.errors:>6}")
    return "\n".join(lines)


def machine() -> dict:
    return {"date": datetime.date.today().isoformat(), "nproc": os.cpu_count(),
            "python": platform.python_version(), "spacy": spacy.__version__,
            "platform": platform.platform()}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="Corpus size (default 400).")
    parser.add_argument("--penta", type=Path, default=PENTA, help="The sentence TSV to draw from.")
    parser.add_argument("--model", default=nlp.DEFAULT_MODEL, help="spaCy model for all runs.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed rounds (best kept).")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if not args.penta.is_file():
        sys.exit(f"error: {args.penta}: no such file; pass --penta PATH")
    articles = build_corpus(args.penta, args.articles)
    sentences = len(articles) * SENTENCES_PER_ARTICLE
    print(f"corpus: {len(articles)} articles, {sentences} sentences; model {args.model}; "
          f"best of {args.repeat}; {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus.jsonl.gz"
        write_corpus(articles, corpus)
        rows = measure(articles, corpus, args.model, args.repeat, scratch)
    print(table(rows, rows[0]))
    if args.json:
        report = {"machine": machine(), "model": args.model, "articles": len(articles),
                  "rows": [asdict(row) | {"best": row.best} for row in rows]}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
