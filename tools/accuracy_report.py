"""Code the development sets and write docs/ACCURACY.md (run it as `make accuracy`).

    python tools/accuracy_report.py                       # all sets -> docs/ACCURACY.md
    python tools/accuracy_report.py --json accuracy.json  # also dump the figures
    python tools/accuracy_report.py --sets plover penta --out /tmp/ACCURACY.md
    python tools/accuracy_report.py --write-known-failures
    python tools/accuracy_report.py --records-only        # only the size/context section
    python tools/accuracy_report.py --geo-only            # rewrite only the geo section

The sets are read from <repo>/../shared/eval, or --eval-dir / $EVENTWIRE_EVAL_DIR.
The geo section scores the team's place set (tests/geo/data/places.txt), which lives
in the repository; --geo-only rewrites that section alone, keeping the rest.
--write-known-failures codes only the PETRARCH unit tests and rewrites
tests/evaluate/petrarch_unit_known_failures.txt (the xfail list of
tests/evaluate/test_petrarch_unit.py) instead of the report.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import eventwire
from eventwire.evaluate import (
    DEV_SETS,
    evaluate_all,
    evaluate_set,
    known_failures,
    load_coder,
    render_markdown,
    to_json,
)
from eventwire.evaluate.geo import evaluate_places, render_places, replace_section
from eventwire.evaluate.report import render_ablation
from eventwire.evaluate.run import UNIT_TEST_DICTIONARIES, ablation

REPO = Path(__file__).resolve().parents[1]
RECORDS_GOLD = REPO / "tests" / "gold" / "records"
RECORDS_START = "<!-- size and context: tools/accuracy_report.py -->"
RECORDS_END = "<!-- end of size and context -->"
KNOWN_FAILURES = REPO / "tests" / "evaluate" / "petrarch_unit_known_failures.txt"


def write_known_failures(path: Path, eval_dir: Path | None) -> None:
    """Code the unit tests and list the records that are not coded exactly."""
    coder = load_coder(UNIT_TEST_DICTIONARIES, eval_dir)
    scores = evaluate_set("petrarch_unit", coder, eval_dir).scores
    failing = known_failures(scores)
    header = ("# PETRARCH unit-test records that eventwire does not code exactly yet.\n"
              "# One record key per line; regenerate with\n"
              "#   python tools/accuracy_report.py --write-known-failures\n")
    path.write_text(header + "".join(f"{key}\n" for key in failing), encoding="utf-8")
    passed = scores.records - len(failing)
    print(f"{path}: {len(failing)} known failures; {passed}/{scores.records} pass "
          f"({passed / scores.records:.3f}): set FLOOR in test_petrarch_unit.py at or below "
          "this rate")


def write_report(args: argparse.Namespace) -> None:
    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    evaluations = evaluate_all(args.sets, args.eval_dir, args.limit, progress)
    date, version = datetime.date.today().isoformat(), eventwire.__version__
    args.out.parent.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(evaluations, date=date, version=version, limit=args.limit)
    if args.ablation:
        rows = ablation(args.sets, args.eval_dir, progress, args.limit)
        markdown = markdown.rstrip() + "\n\n" + render_ablation(rows)
    markdown = replace_section(markdown, render_places(evaluate_places()))
    args.out.write_text(markdown, encoding="utf-8")
    write_records(args.out)
    print(f"wrote {args.out}", file=sys.stderr)
    if args.json:
        figures = to_json(evaluations, date=date, version=version)
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)


def write_records(path: Path) -> None:
    """Put the size and context figures (team gold set) into the report, replacing the
    section a previous run wrote."""
    from eventwire.evaluate.records_eval import evaluate_records, render_records

    section = f"{RECORDS_START}\n{render_records(evaluate_records(RECORDS_GOLD))}{RECORDS_END}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if RECORDS_START in text and RECORDS_END in text:
        before, _, rest = text.partition(RECORDS_START)
        _, _, after = rest.partition(RECORDS_END)
        text = before + section + after.lstrip("\n")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "ACCURACY.md",
                        help="where to write the Markdown report (default docs/ACCURACY.md)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--no-ablation", dest="ablation", action="store_false",
                        help="skip the ablation table (each optional stage off in turn)")
    parser.add_argument("--sets", nargs="+", choices=list(DEV_SETS), metavar="SET",
                        help=f"sets to code (default all: {' '.join(DEV_SETS)})")
    parser.add_argument("--eval-dir", type=Path,
                        help="folder of the development sets (default <repo>/../shared/eval)")
    parser.add_argument("--limit", type=int, help="code only the first N records of each set")
    parser.add_argument("--geo-only", action="store_true",
                        help="rewrite only the geo section of --out, keeping the rest")
    parser.add_argument("--write-known-failures", nargs="?", const=KNOWN_FAILURES,
                        type=Path, metavar="PATH",
                        help="rewrite the unit-test xfail list instead of the report")
    parser.add_argument("--records-only", action="store_true",
                        help="only (re)write the size and context section of --out")
    args = parser.parse_args(argv)
    try:
        if args.records_only:
            write_records(args.out)
            print(f"wrote the size and context section of {args.out}", file=sys.stderr)
        elif args.write_known_failures:
            write_known_failures(args.write_known_failures, args.eval_dir)
        elif args.geo_only:
            section = render_places(evaluate_places())
            args.out.write_text(replace_section(args.out.read_text(encoding="utf-8"), section),
                                encoding="utf-8")
            print(f"wrote the geo section of {args.out}", file=sys.stderr)
        else:
            write_report(args)
    except ModuleNotFoundError as err:
        if err.name != "eventwire.coder":
            raise
        sys.exit("eventwire.coder is not importable yet: the report needs the coder "
                 "(src/eventwire/coder.py).")
    except FileNotFoundError as err:
        sys.exit(str(err))


if __name__ == "__main__":
    main()
