"""The size and context gold set: its readers and the bars issue 15 sets."""

from pathlib import Path

import pytest

from eventwire.evaluate.readers import GoldFormatError
from eventwire.evaluate.records_eval import evaluate_records, render_records
from eventwire.evaluate.records_gold import read_counts, read_labelled

GOLD = Path(__file__).resolve().parents[1] / "gold" / "records"


@pytest.fixture(scope="module")
def scores():
    return evaluate_records(GOLD, end_to_end=False)


def test_the_gold_set_is_as_large_as_the_issue_asks():
    counts = read_counts(sorted(GOLD.glob("counts*.tsv")))
    with_counts = [s for s in counts if any(v is not None for e in s.events
                                            for v in e.size.values())]
    assert len(with_counts) >= 300
    assert len(read_labelled(sorted(GOLD.glob("no_casualty*.tsv")), False)) >= 100
    contexts = read_labelled(sorted(GOLD.glob("contexts*.tsv")))
    assert len(contexts) >= 300
    seen = [name for s in contexts for name in s.labels]
    assert min(seen.count(name) for name in set(seen)) >= 5 and len(set(seen)) == 37


def test_the_bars_hold(scores):
    for field in ("dead", "injured", "arrested"):
        assert scores.accuracy(field) >= 0.90
    assert scores.invented_rate <= 0.02
    assert scores.contexts["keywords and model"][2] >= 0.75


def test_the_report_section_names_every_measure(scores):
    text = render_records(scores)
    assert "exact dead count" in text and "invented counts" in text
    assert "context micro-F1, keywords and model" in text


def test_a_malformed_count_line_names_file_and_line(tmp_path):
    path = tmp_path / "counts.tsv"
    path.write_text("# comment\nTen were killed.\tkilled:ten/-/-\n")
    with pytest.raises(GoldFormatError, match=r"counts.tsv:2: counts in"):
        read_counts([path])


def test_an_unknown_context_in_gold_names_file_and_line(tmp_path):
    path = tmp_path / "contexts.tsv"
    path.write_text("A match was played.\tsports\n")
    with pytest.raises(GoldFormatError, match=r"contexts.tsv:1: sports not in the PLOVER"):
        read_labelled([path])
