"""Coding throughput against bare spaCy parsing of the same text (run it as `make bench`).

    python benchmarks/throughput.py                      # ~2,000 sentences, best of 3
    python benchmarks/throughput.py --sentences 500 --repeat 5
    python benchmarks/throughput.py --corpus my.jsonl --json bench.json
    python benchmarks/throughput.py --profile            # cProfile of the coder, top 15

Every figure is also given as a ratio against the baseline measured in the same
run on the same text with the same model: `spacy.load(model)` with its full
default pipeline and `list(nlp.pipe(texts))`, as a user would run it. A second
baseline excludes NER, which the coder never runs. The bar: coding keeps at
least 70% of the full-pipeline throughput.

Each measurement runs in its own subprocess, so peak RSS is its own. Model
loading and a warm-up call are excluded from the timed runs and reported apart.
The corpus is real wire text read in place from
<repo>/../shared/eval/unlabeled/GigaWord.sample.PETR.xml, grouped into articles
and repeated to size, plus the project's examples/.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import spacy

from eventwire import nlp
from eventwire.ingest import ReadError, read_inputs
from eventwire.schema import Article

ROOT = Path(__file__).resolve().parents[1]
GIGAWORD = ROOT.parent / "shared" / "eval" / "unlabeled" / "GigaWord.sample.PETR.xml"
EXAMPLES = ROOT / "examples"
BAR = 0.70
# One sentence a paragraph, as wire copy often runs; some sample sentences lack a
# final full stop, and a blank line keeps them apart for every splitter.
PARAGRAPH = "\n\n"
WARMUP_ARTICLES = 16
BASELINES = {"spacy-full": [], "spacy-no-ner": ["ner"]}


@dataclass
class Units:
    """What the corpus holds, counted once so every rate divides the same work."""

    articles: int
    sentences: int
    words: int


@dataclass
class Measurement:
    """Timed runs of one way of processing the corpus."""

    name: str
    seconds: list[float]
    load_s: float | None = None
    warmup_s: float | None = None
    peak_rss_mb: float | None = None
    events: int | None = None
    note: str = ""

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


# The corpus ------------------------------------------------------------------


def gigaword_sentences(path: Path) -> list[tuple[str, str | None]]:
    """The (text, ISO date) of each <Sentence> in a PETRARCH XML file, whitespace folded."""
    found = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        stamp = (sentence.get("date") or "").strip()
        date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if len(stamp) == 8 else None
        if text:
            found.append((text, date))
    return found


def read_articles(paths: Iterable[Path]) -> list[Article]:
    """Articles from .txt and .jsonl files through the project's own reader."""
    articles = []
    for item in read_inputs([str(p) for p in paths]):
        if isinstance(item, ReadError):
            print(f"warning: skipped {item}", file=sys.stderr)
        else:
            articles.append(item)
    return articles


def build_corpus(sentences: int, per_article: int, gigaword: Path,
                 examples: Path) -> list[Article]:
    """examples/ once, then GigaWord sentences cycled into articles up to `sentences`.

    The 67 non-empty sentences are taken in a ring, so successive passes group
    them differently (67 is not a multiple of 8).
    """
    articles = read_articles(sorted(examples.glob("*.jsonl")) + sorted(examples.glob("*.txt")))
    wire = gigaword_sentences(gigaword)
    taken = sum(_rough_sentences(a.text) for a in articles)
    position = 0
    while taken < sentences:
        size = min(per_article, sentences - taken)
        chunk = [wire[(position + i) % len(wire)] for i in range(size)]
        articles.append(Article(id=f"gigaword-{len(articles):05d}", date=chunk[0][1],
                                text=PARAGRAPH.join(text for text, _ in chunk)))
        position += size
        taken += size
    return articles


def _rough_sentences(text: str) -> int:
    return max(1, sum(text.count(mark + " ") for mark in ".!?") + 1)


def count_units(articles: list[Article], model: str) -> Units:
    """Words (non-space tokens of the model's tokenizer) and sentences (coder's splitter)."""
    docs = list(nlp.split((a.text for a in articles), model))
    sentences = sum(1 for d in docs for s in d.sents if not s.text.isspace())
    words = sum(1 for d in docs for t in d if not t.is_space)
    return Units(len(articles), sentences, words)


def write_jsonl(articles: list[Article], path: Path) -> None:
    """The corpus as {"id","text","date"} lines, for the workers and the CLI."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date}) + "\n")


# Workers: each runs in its own process and prints one JSON object -------------


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` calls of `action`."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def measure_spacy(name: str, articles: list[Article], model: str, batch_size: int,
                  repeat: int) -> Measurement:
    """Bare spaCy: `list(nlp.pipe(texts))` with the model's default pipeline."""
    texts = [a.text for a in articles]
    start = time.perf_counter()
    pipeline = spacy.load(model, exclude=BASELINES[name])
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    list(pipeline.pipe(texts[:WARMUP_ARTICLES], batch_size=batch_size))
    warmup_s = time.perf_counter() - start
    seconds = timed(lambda: list(pipeline.pipe(texts, batch_size=batch_size)), repeat)
    return Measurement(name, seconds, load_s, warmup_s, peak_rss_mb(),
                       note="+".join(pipeline.pipe_names))


def measure_coder(articles: list[Article], model: str, repeat: int) -> Measurement:
    """`Coder.code_articles` over the corpus; its first call loads the spaCy model."""
    # Imported here so the baseline workers never load the coder's modules.
    from eventwire.coder import Coder

    start = time.perf_counter()
    coder = Coder.load(model=model)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    list(coder.code_articles(articles[:WARMUP_ARTICLES]))
    warmup_s = time.perf_counter() - start
    events: list[int] = []

    def run() -> None:
        events.append(sum(len(found) for found in coder.code_articles(articles)))

    seconds = timed(run, repeat)
    return Measurement("coder", seconds, load_s, warmup_s, peak_rss_mb(), events[-1],
                       note="Coder.load() + split, then parse without NER")


def run_worker(name: str, corpus: Path, args: argparse.Namespace) -> Measurement:
    """One measurement in a fresh interpreter, so its peak RSS is its own."""
    command = [sys.executable, __file__, "--worker", name, "--corpus", str(corpus),
               "--model", args.model, "--repeat", str(args.repeat),
               "--batch-size", str(args.batch_size)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the {name} worker failed:\n{done.stderr[-2000:]}")
    return Measurement(**json.loads(done.stdout))


def worker_main(args: argparse.Namespace) -> None:
    """Entry point of a worker process: measure one thing, print it as JSON."""
    articles = read_articles([args.corpus])
    if args.worker == "coder":
        found = measure_coder(articles, args.model, args.repeat)
    else:
        found = measure_spacy(args.worker, articles, args.model, args.batch_size, args.repeat)
    print(json.dumps(asdict(found)))


# The command line, end to end ------------------------------------------------


def measure_cli(corpus: Path, model: str, repeat: int) -> Measurement:
    """`eventwire code CORPUS --format jsonl` as a subprocess, startup and loading included."""
    script = Path(sys.executable).with_name("eventwire")
    command = [str(script), "code", str(corpus), "--format", "jsonl", "--model", model]
    seconds, peaks, events = [], [], 0
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        for _ in range(repeat):
            out.seek(0)
            out.truncate()
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            seconds.append(time.perf_counter() - start)
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                err.seek(0)
                raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n"
                                   f"{err.read()[-2000:]}")
            peaks.append(usage.ru_maxrss / 1024)
            out.seek(0)
            events = sum(1 for line in out if line.strip())
    return Measurement("cli", seconds, peak_rss_mb=max(peaks), events=events,
                       note="eventwire code FILE --format jsonl, process start to exit")


# Report ------------------------------------------------------------------------


def rates(m: Measurement, units: Units, seconds: float) -> dict:
    """Articles, sentences, words and events per second for one timing."""
    found = {"articles_s": units.articles / seconds, "sentences_s": units.sentences / seconds,
             "words_s": units.words / seconds}
    if m.events is not None:
        found["events_s"] = m.events / seconds
    return found


def summary(results: list[Measurement], units: Units) -> list[dict]:
    """One row per measurement, with the ratio of its best time to each baseline's."""
    base = {m.name: m.best for m in results if m.name in BASELINES}
    rows = []
    for m in results:
        row = {"name": m.name, "best_s": m.best, "median_s": m.median, "runs": m.seconds,
               **rates(m, units, m.best), "events": m.events, "load_s": m.load_s,
               "warmup_s": m.warmup_s, "peak_rss_mb": m.peak_rss_mb, "note": m.note}
        for name, seconds in base.items():
            row[f"vs_{name}"] = seconds / m.best
        rows.append(row)
    return rows


def render_table(rows: list[dict]) -> str:
    """A plain-text table: rates from the best run, ratios against both baselines."""
    columns = [("name", "run", "{}"), ("best_s", "best s", "{:.2f}"),
               ("median_s", "median s", "{:.2f}"), ("articles_s", "articles/s", "{:.1f}"),
               ("sentences_s", "sents/s", "{:.0f}"), ("words_s", "words/s", "{:.0f}"),
               ("events_s", "events/s", "{:.1f}"), ("vs_spacy-full", "vs full", "{:.0%}"),
               ("vs_spacy-no-ner", "vs no-NER", "{:.0%}"),
               ("peak_rss_mb", "peak RSS MB", "{:.0f}"), ("load_s", "load s", "{:.2f}"),
               ("warmup_s", "warm-up s", "{:.2f}")]
    header = [title for _, title, _ in columns]
    cells = [[("-" if row.get(k) is None else f.format(row[k])) for k, _, f in columns]
             for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) if i else c.ljust(w)
                        for i, (c, w) in enumerate(zip(cell, widths, strict=True)))
              for cell in cells]
    return "\n".join(lines)


def machine() -> dict:
    """Where the figures were measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"date": datetime.date.today().isoformat(), "nproc": os.cpu_count(), "cpu": cpu,
            "python": platform.python_version(), "spacy": spacy.__version__,
            "platform": platform.platform()}


def profile_coder(articles: list[Article], model: str, top: int = 15) -> None:
    """Print the `top` functions by cumulative time of one coding pass (after warm-up)."""
    from eventwire.coder import Coder

    coder = Coder.load(model=model)
    list(coder.code_articles(articles[:WARMUP_ARTICLES]))
    profiler = cProfile.Profile()
    profiler.runcall(lambda: list(coder.code_articles(articles)))
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=2000,
                        help="Approximate corpus size in sentences (default 2000).")
    parser.add_argument("--per-article", type=int, default=8,
                        help="GigaWord sentences per article (default 8).")
    parser.add_argument("--corpus", type=Path,
                        help="Use this .jsonl of {id,text,date} as the corpus instead.")
    parser.add_argument("--gigaword", type=Path, default=GIGAWORD,
                        help="The PETRARCH GigaWord sample (read in place).")
    parser.add_argument("--model", default=nlp.DEFAULT_MODEL, help="spaCy model for all runs.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs of each (best kept).")
    parser.add_argument("--batch-size", type=int, default=64,
                        help="nlp.pipe batch size (articles) for the baselines.")
    parser.add_argument("--no-cli", action="store_true", help="Skip the end-to-end CLI timing.")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    parser.add_argument("--profile", action="store_true",
                        help="Only profile Coder.code_articles on the corpus (cProfile).")
    parser.add_argument("--worker", choices=[*BASELINES, "coder"], help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    if args.corpus:
        articles = read_articles([args.corpus])
    else:
        articles = build_corpus(args.sentences, args.per_article, args.gigaword, EXAMPLES)
    if args.profile:
        return profile_coder(articles, args.model)
    units = count_units(articles, args.model)
    print(f"corpus: {units.articles} articles, {units.sentences} sentences, "
          f"{units.words} words; model {args.model}; best of {args.repeat}", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        write_jsonl(articles, corpus)
        results = [run_worker(name, corpus, args) for name in [*BASELINES, "coder"]]
        if not args.no_cli:
            results.append(measure_cli(corpus, args.model, args.repeat))
    rows = summary(results, units)
    print(render_table(rows))
    coder = next(row for row in rows if row["name"] == "coder")
    verdict = "meets" if coder["vs_spacy-full"] >= BAR else "is BELOW"
    print(f"coder keeps {coder['vs_spacy-full']:.0%} of full-pipeline spaCy throughput: "
          f"{verdict} the {BAR:.0%} bar")
    if args.json:
        report = {"machine": machine(), "model": args.model, "repeat": args.repeat,
                  "batch_size": args.batch_size, "units": asdict(units), "rows": rows}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
