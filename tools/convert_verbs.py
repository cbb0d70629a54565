"""Convert a TABARI/PETRARCH verbs dictionary into eventwire's verbs.jsonl.

Example, from the repository root:

    .venv/bin/python tools/convert_verbs.py
    .venv/bin/python tools/convert_verbs.py --input other.verbs.txt --output /tmp/verbs.jsonl

The output is deterministic: converting the same input twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.events.verbdict import VerbDictionary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared/reference/phoenix/CAMEO.2.0.txt"
DEFAULT_OUTPUT = ROOT / "src/eventwire/events/data/verbs.jsonl"


def convert(source: Path, output: Path) -> VerbDictionary:
    """Read ``source``, write it as JSONL to ``output``, and check it loads back equal."""
    dictionary = VerbDictionary.load(source)
    lines = dictionary.to_jsonl(source=source.name)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    if VerbDictionary.load(output) != dictionary:
        raise SystemExit(f"{output} does not load back into the dictionary read from {source}")
    return dictionary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="TABARI/PETRARCH verbs file (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="JSONL file to write (default: %(default)s)")
    args = parser.parse_args()
    dictionary = convert(args.input, args.output)
    for warning in dictionary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    patterns = sum(len(b.patterns) for b in dictionary.blocks)
    print(f"wrote {len(dictionary.blocks)} blocks, {len(dictionary.verbs)} verbs, "
          f"{patterns} patterns, {len(dictionary.synsets)} synsets "
          f"({len(dictionary.warnings)} warnings) to {args.output}")


if __name__ == "__main__":
    main()
