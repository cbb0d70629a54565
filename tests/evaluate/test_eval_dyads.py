"""The dyads set: reading gold spans and scoring events against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate import dyads
from eventwire.evaluate.diagnose import error_patterns
from eventwire.evaluate.readers import GoldFormatError
from eventwire.evaluate.run import custom_dev_set
from eventwire.schema import ActorRef, Event, TextSpan


def actor(text: str | None) -> ActorRef | None:
    return ActorRef(text=text, start=0, end=len(text), code="XXX") if text else None


def event(source: str | None, target: str | None) -> Event:
    return Event(event_id="e", doc_id="d", sentence_index=0, sentence="s", source=actor(source),
                 target=actor(target), cameo="010", cameo_root="01",
                 trigger=TextSpan(text="t", start=0, end=1), rule="test:1")


def record(sources: tuple[str, ...], targets: tuple[str, ...]) -> dyads.DyadRecord:
    return dyads.DyadRecord("k", "text", sources, targets, "f.jsonl:1")


@pytest.mark.parametrize(("text", "words"), [
    ("the Croatian government's request", {"croatian", "government", "request"}),
    ("A car bombing by the Islamic State", {"car", "bombing", "islamic", "state"}),
    ("it", set()),
    ("of the", set()),
])
def test_content_words_leave_out_function_words(text: str, words: set[str]):
    assert dyads.content_words(text) == words


def test_an_event_sharing_a_word_with_both_spans_joins_the_pair():
    gold = record(("a Swiss court",), ("Croatian government's request",))
    assert dyads.DyadResult(gold, (event("Swiss court", "Croatian government"),)).joined
    assert dyads.DyadResult(gold, (event("the court", "Croatia's government"),)).joined


def test_source_and_target_must_come_from_one_event():
    gold = record(("Iraqi troops",), ("the last ISIS bastion",))
    split = (event("Iraqi troops", "Kurds"), event("Kurds", "ISIS"))
    result = dyads.DyadResult(gold, split)
    assert not result.joined
    assert result.source_found


def test_a_reversed_pair_does_not_join():
    gold = record(("Russia",), ("Ukraine",))
    assert not dyads.DyadResult(gold, (event("Ukraine", "Russia"),)).joined


def test_any_of_several_gold_spans_may_be_matched():
    gold = record(("Police", "soldiers"), ("protesters", "students"))
    assert dyads.DyadResult(gold, (event("the soldiers", "university students"),)).joined


def test_an_antecedent_counts_for_a_pronoun():
    gold = record(("the Kenyan government",), ("opposition leaders",))
    source = actor("it").model_copy(update={"antecedent": TextSpan(
        text="the Kenyan government", start=0, end=21)})
    coded = event(None, "opposition leaders").model_copy(update={"source": source})
    result = dyads.DyadResult(gold, (coded,))
    assert result.joined_through_references and not result.joined


def test_scores_count_joined_sources_and_sentences_with_events():
    gold = [record(("Russia",), ("Ukraine",)), record(("Chad",), ("Niger",)),
            record(("Peru",), ("Chile",))]
    coded = [[event("Russia", "Ukraine")], [event("Chad", "Mali")], []]
    scores = dyads.score_dyads(gold, coded)
    assert (scores.joined, scores.source_found, scores.with_events) == (1, 2, 2)
    assert [r.record.sources for r in dyads.worst_dyads(scores)] == [("Peru",), ("Chad",)]
    patterns = {p.coded: p.count for p in error_patterns("dyads", scores)}
    assert patterns == {"nothing": 1, "another target": 1}


def test_scores_refuse_misaligned_input():
    with pytest.raises(ValueError, match="2 records but 1"):
        dyads.score_dyads([record(("a",), ("b",))] * 2, [[]])


def write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_reader_keeps_every_gold_span_and_the_line(tmp_path: Path):
    path = write(tmp_path, [{"id": "a", "text": "Chad shelled Niger and Mali.",
                             "source": [{"text": "Chad", "start": 0, "end": 4}],
                             "target": [{"text": "Niger", "start": 13, "end": 18},
                                        {"text": "Mali", "start": 23, "end": 27}]}])
    (rec,) = dyads.read_dyads_jsonl(path)
    assert (rec.sources, rec.targets, rec.origin) == (("Chad",), ("Niger", "Mali"),
                                                      "gold.jsonl:1")
    assert dyads.is_dyads_file(path)
    assert custom_dev_set(path).kind == "dyads"


def test_reader_names_the_line_of_a_bad_record(tmp_path: Path):
    good = {"id": "a", "text": "t", "source": [{"text": "x"}], "target": [{"text": "y"}]}
    path = write(tmp_path, [good, {"id": "b", "text": "t", "source": "Chad", "target": []}])
    with pytest.raises(GoldFormatError, match="gold.jsonl:2"):
        list(dyads.read_dyads_jsonl(path))


def test_a_plover_file_is_not_taken_for_dyads(tmp_path: Path):
    path = write(tmp_path, [{"id": "g", "text": "t", "event": "ASSAULT",
                             "source": [{"actorText": "Israel", "code": "ISR"}]}])
    assert not dyads.is_dyads_file(path)
    assert custom_dev_set(path).kind == "plover"
