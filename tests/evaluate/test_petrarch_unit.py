"""The PETRARCH unit tests: each record coded with the PETR.Validate.* dictionaries.

Records listed in petrarch_unit_known_failures.txt are strict xfails: the suite
passes today, a listed record that starts passing fails until it is taken off
the list, and an unlisted record that breaks is a regression. Regenerate the
list with `python tools/accuracy_report.py --write-known-failures`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate import metrics, readers, run

#: The share of unit-test records that must be coded exactly; raise it as the coder improves.
FLOOR = 0.901

EVAL_DIR = Path(os.environ.get(readers.ENV_VAR)
                or Path(__file__).parents[2].parent / "shared" / "eval")
UNIT_FILE = EVAL_DIR / "petrarch_unit" / "PETR.UnitTest.records.xml"
KNOWN_FAILURES_FILE = Path(__file__).with_name("petrarch_unit_known_failures.txt")

RECORDS = list(readers.read_petrarch_xml(UNIT_FILE)) if UNIT_FILE.is_file() else []
KNOWN_FAILURES = {
    line.strip() for line in KNOWN_FAILURES_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}

pytestmark = pytest.mark.skipif(not RECORDS, reason=f"no PETRARCH unit tests at {UNIT_FILE}")


@pytest.fixture(scope="module")
def unit_scores() -> metrics.PetrarchScores:
    """Every unit-test record coded once, by a coder loaded once."""
    from eventwire.coder import Coder

    coder = Coder.from_tabari(**run.unit_test_dictionaries(EVAL_DIR))
    coded, errors = run.code_with_options(coder, RECORDS)
    return metrics.score_petrarch(RECORDS, coded, errors)


def _case(record: readers.PetrarchRecord) -> object:
    marks = []
    if record.key in KNOWN_FAILURES:
        marks.append(pytest.mark.xfail(strict=True, reason="in petrarch_unit_known_failures.txt"))
    return pytest.param(record, id=record.key, marks=marks)


@pytest.mark.parametrize("record", [_case(record) for record in RECORDS])
def test_unit_record(record: readers.PetrarchRecord, unit_scores: metrics.PetrarchScores) -> None:
    result = next(r for r in unit_scores.results if r.record.key == record.key)
    coded = [metrics.describe_event(event) for event in result.events]
    assert result.exact, (
        f"{record.origin} {record.text!r}\n  expected {sorted(result.expected)}\n"
        f"  coded    {coded}\n  missing  {sorted(result.missing)}\n"
        f"  extra    {sorted(result.extra)}\n  error    {result.error}"
    )


def test_pass_rate_floor(unit_scores: metrics.PetrarchScores) -> None:
    assert unit_scores.exact_rate >= FLOOR, (
        f"{unit_scores.exact}/{unit_scores.records} unit-test records coded exactly, "
        f"below the floor of {FLOOR:.0%}")


def test_known_failures_name_real_records() -> None:
    assert KNOWN_FAILURES <= {record.key for record in RECORDS}, (
        f"unknown keys in {KNOWN_FAILURES_FILE.name}: "
        f"{sorted(KNOWN_FAILURES - {record.key for record in RECORDS})}")
