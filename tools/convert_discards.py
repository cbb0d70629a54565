"""Convert a TABARI discard file into eventwire's discards.jsonl."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.events.discards import read_tabari, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


# "months ago", "years later": Phoenix drops every sentence holding one, losing the
# news in "Sudan lifted the state of emergency imposed six months ago". eventwire
# drops only the clause they date (events/modality.py, is_historical).
TIME_DISTANCE_WORDS = {"ago", "later"}
# "during World War Two" likewise dates only its own clause: "Poland demanded an
# admission that Soviet forces murdered Polish officers during World War Two" is news.
HISTORICAL_PERIOD = "world war"


def _is_time_distance(phrase: str) -> bool:
    return phrase.split()[-1] in TIME_DISTANCE_WORDS or HISTORICAL_PERIOD in phrase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path,
                        default=ROOT.parent / "shared/reference/phoenix/Phoenix.discards.txt")
    parser.add_argument("--output", type=Path,
                        default=ROOT / "src/eventwire/events/data/discards.jsonl")
    args = parser.parse_args()
    entries = [e for e in read_tabari(args.input) if not _is_time_distance(e.phrase)]
    unique = {(e.phrase, e.story): e for e in entries}
    write_jsonl(list(unique.values()), args.output)
    print(f"wrote {len(unique)} discard phrases to {args.output}")


if __name__ == "__main__":
    main()
