"""Coding cost per KB across sizes and shapes of text, as ratios against ordinary news.

    python benchmarks/cost.py                       # every shape, best of 1
    python benchmarks/cost.py --shapes news-30k,nopunct-17k --profile

Times are CPU seconds of the process (the machine may be shared; wall time is
shown too). The baseline is ordinary news measured in the same run: InsightCrime articles
(read in place from ../shared/eval/unlabeled/insightcrime.jsonl) joined to
30 KB. The bar: no shape costs more than 3x the baseline per KB. Every shape is
one article coded by `Coder.code_article`, after the coder was loaded and warmed
up on other text; the article's notes (caps that cut a sentence) are counted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from eventwire.coder import Coder
from eventwire.schema import Article

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "eval" / "unlabeled" / "insightcrime.jsonl"
BAR = 3.0
KB = 1000
SENTENCE = "Israel accused Hamas of violating the truce in Gaza on Monday. "
EMOJI = ["\U0001F600", "\U0001F525", "\U0001F1FA\U0001F1F8", "\u2764\ufe0f",
         "\U0001F44D\U0001F3FD", "\U0001F4A5"]


def news(size: int) -> str:
    """Ordinary news: whole articles, one after another, cut at a paragraph to `size`."""
    parts: list[str] = []
    total = 0
    with NEWS.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def repeated(size: int) -> str:
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size]


def emoji(size: int) -> str:
    """News words with an emoji after every second word, as in social media posts."""
    words = news(size).split()
    mixed = [word + (" " + EMOJI[i % len(EMOJI)] if i % 2 else "")
             for i, word in enumerate(words)]
    return " ".join(mixed)[:size]


def no_punctuation(size: int) -> str:
    """News with every punctuation mark and line break gone: one sentence."""
    text = news(size + size // 5)
    kept = "".join(c if c.isalnum() or c == " " else " " for c in text)
    return " ".join(kept.split())[:size]


def long_token(size: int) -> str:
    return "Israel attacked " + "x" * size + " in Gaza."


SHAPES: dict[str, Callable[[], str]] = {
    "news-30k": lambda: news(30 * KB),
    "news-300k": lambda: news(300 * KB),
    "news-900k": lambda: news(900 * KB),
    "repeated-70k": lambda: repeated(70 * KB),
    "emoji-10k": lambda: emoji(10 * KB),
    "emoji-100k": lambda: emoji(100 * KB),
    "nopunct-17k": lambda: no_punctuation(17 * KB),
    "nopunct-200k": lambda: no_punctuation(200 * KB),
    "long-token-100k": lambda: long_token(100 * KB),
    "brackets-64k": lambda: "[" * (32 * KB) + "]" * (32 * KB),
    "emoji-run-40k": lambda: "".join(EMOJI) * (40 * KB // len("".join(EMOJI).encode())),
}
BASELINE = "news-30k"


def measure(coder: Coder, name: str, text: str, profile: bool) -> dict:
    article = Article(id=name, text=text, date="2024-03-01")
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    events = coder.code_article(article)
    if profiler:
        profiler.disable()
    # CPU time of this process: the machine is shared, and wall time follows the load
    seconds, wall = time.process_time() - cpu, time.perf_counter() - started
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    size = len(text.encode("utf-8")) / KB
    return {"shape": name, "kb": round(size, 1), "seconds": round(seconds, 2),
            "wall": round(wall, 2),
            "s_per_kb": seconds / size, "events": len(events),
            "notes": len(getattr(events, "notes", []))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help="comma-separated shapes; the baseline is always measured")
    parser.add_argument("--profile", action="store_true", help="cProfile each shape")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    names = [BASELINE] + [n for n in options.shapes.split(",") if n and n != BASELINE]
    coder = Coder.load()
    coder.code_article(Article(id="warm-up", text=news(5 * KB)))
    rows = []
    for name in names:
        rows.append(measure(coder, name, SHAPES[name](), options.profile))
        print(f"measured {name}", flush=True)
    base = rows[0]["s_per_kb"]
    print(f"\n| shape | KB | CPU s | wall s | CPU s/KB | vs news-30k | events | notes |\n"
          f"|{'---|' * 8}")
    for row in rows:
        row["ratio"] = row["s_per_kb"] / base
        print(f"| {row['shape']} | {row['kb']:,} | {row['seconds']} | {row['wall']} "
              f"| {row['s_per_kb']:.4f} | {row['ratio']:.2f}x | {row['events']} "
              f"| {row['notes']} |")
    worst = max(rows, key=lambda row: row["ratio"])
    verdict = "meets" if worst["ratio"] <= BAR else "FAILS"
    print(f"\nworst: {worst['shape']} at {worst['ratio']:.2f}x the baseline per KB; "
          f"{verdict} the bar of {BAR:g}x")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
