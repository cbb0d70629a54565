"""Convert a TABARI discard file into eventwire's discards.jsonl."""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.events.discards import read_tabari, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path,
                        default=ROOT.parent / "shared/reference/phoenix/Phoenix.discards.txt")
    parser.add_argument("--output", type=Path,
                        default=ROOT / "src/eventwire/events/data/discards.jsonl")
    args = parser.parse_args()
    entries = read_tabari(args.input)
    unique = {(e.phrase, e.story): e for e in entries}
    write_jsonl(list(unique.values()), args.output)
    print(f"wrote {len(unique)} discard phrases to {args.output}")


if __name__ == "__main__":
    main()
