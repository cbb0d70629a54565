"""Convert the Phoenix TABARI dictionaries into eventwire's actor and agent data.

Example::

    .venv/bin/python tools/convert_actors.py \\
        --reference ../shared/reference/phoenix --out src/eventwire/actors/data

Writes actors.jsonl.gz (or actors.jsonl when small) and agents.jsonl, then
prints counts and every skipped line with its file:line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.actors.convert import build_data

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REPO.parent / "shared/reference/phoenix",
                        help="folder holding Phoenix.*.actors.txt and Phoenix.agents.txt")
    parser.add_argument("--out", type=Path, default=REPO / "src/eventwire/actors/data",
                        help="folder to write actors.jsonl[.gz] and agents.jsonl into")
    parser.add_argument("--quiet", action="store_true", help="print counts only, not warnings")
    args = parser.parse_args(argv)
    report = build_data(args.reference, args.out)
    if not args.quiet:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    print(f"{report.actors} actors, {report.actor_names} names, {report.roles} roles; "
          f"{report.agents} agents, {report.agent_names} names; "
          f"{len(report.warnings)} warnings")
    for path in report.files:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
