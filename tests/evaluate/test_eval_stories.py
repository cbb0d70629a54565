"""The wire-story gold: pairing coded events with hand-coded ones, one to one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate import stories
from eventwire.evaluate.diagnose import error_patterns
from eventwire.evaluate.readers import GoldFormatError
from eventwire.evaluate.run import custom_dev_set, get_dev_set
from eventwire.schema import ActorRef, Event, TextSpan


def event(trigger: str, plover: str | None, source: str | None = None,
          target: str | None = None, modality: str | None = None) -> Event:
    def actor(code: str | None) -> ActorRef | None:
        return ActorRef(text=code, start=0, end=len(code), code=code) if code else None

    return Event(event_id=trigger, doc_id="d", sentence_index=0, sentence="s",
                 source=actor(source), target=actor(target), cameo="190", cameo_root="19",
                 plover=plover, trigger=TextSpan(text=trigger, start=0, end=len(trigger)),
                 rule="test:1", modality=modality)


def gold(trigger: str, plover: str, source: str = "ISR", target: str | None = "PSE",
         modality: str | None = None) -> stories.GoldEvent:
    return stories.GoldEvent(trigger, plover, source, target, modality)


def story(*events: stories.GoldEvent) -> stories.StoryRecord:
    return stories.StoryRecord("s1", "text", "2024-01-01", events, "f.jsonl:1")


def test_type_trigger_and_countries_make_a_full_match():
    result = stories.StoryResult(story(gold("struck", "ASSAULT")),
                                 (event("struck", "ASSAULT", "ISRMIL", "PSEREBHMS"),))
    assert (result.found, result.found_with_actors, result.correct) == (1, 1, 1)


def test_a_wrong_type_or_trigger_finds_nothing():
    record = story(gold("struck", "ASSAULT"))
    for coded in (event("struck", "COERCE", "ISR", "PSE"), event("said", "ASSAULT", "ISR")):
        assert stories.StoryResult(record, (coded,)).found == 0


def test_a_trigger_overlapping_the_gold_phrase_counts():
    record = story(gold("fired tear gas", "COERCE", "KENCOP", "KENOPP"))
    result = stories.StoryResult(record, (event("fired", "COERCE", "KENCOP", "KENOPP"),))
    assert result.found_with_actors == 1


def test_pairs_are_one_to_one_and_full_matches_go_first():
    record = story(gold("met", "CONSULT", "QAT", "PSE"), gold("met", "CONSULT", "EGY", "PSE"))
    coded = (event("met", "CONSULT", "EGY", "PSE"), event("met", "CONSULT", "QAT", "PSE"),
             event("met", "CONSULT", "QAT", "PSE"))
    result = stories.StoryResult(record, coded)
    assert (result.found, result.found_with_actors, result.correct) == (2, 2, 2)
    assert len(coded) - result.correct == 1  # the repeated one is false


@pytest.mark.parametrize("modality", ["future", "negated", "hypothetical", "demanded"])
def test_a_modal_gold_event_is_no_fact_to_find(modality):
    record = story(gold("veto", "REJECT", modality=modality))
    as_fact = stories.StoryResult(record, (event("veto", "REJECT", "ISR", "PSE"),))
    as_modal = stories.StoryResult(record, (event("veto", "REJECT", "ISR", "PSE",
                                                  modality=modality),))
    assert (as_fact.facts, as_fact.correct, as_modal.correct) == (0, 0, 1)


def test_scores_pool_stories_and_count_events_outside_politics():
    political = story(gold("struck", "ASSAULT"), gold("arrested", "COERCE"))
    quiet = stories.StoryRecord("q", "rugby", None, (), "f.jsonl:2")
    scores = stories.score_stories(
        [political, quiet],
        [[event("struck", "ASSAULT", "ISR", "PSE")], [event("beat", "ASSAULT")] * 2])
    assert (scores.recall, scores.recall_with_actors) == (0.5, 0.5)
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.events_per_quiet_story == 2
    patterns = {(p.expected, p.coded): p.count for p in error_patterns("stories", scores)}
    assert patterns == {("COERCE", "nothing"): 1, ("no event", "ASSAULT"): 2}


def test_reader_and_format_detection(tmp_path: Path):
    path = tmp_path / "stories.jsonl"
    row = {"id": "w1", "date": "2024-01-01", "text": "Israel struck Gaza.",
           "events": [{"sentence": 0, "trigger": "struck", "plover": "assault",
                       "source_code": "ISR", "target_code": "PSE", "modality": None}]}
    path.write_text(json.dumps(row) + "\n{\"id\": \"w2\"}\n", encoding="utf-8")
    assert stories.is_stories_file(path)
    assert custom_dev_set(path).kind == "stories"
    with pytest.raises(GoldFormatError, match="stories.jsonl:2"):
        list(stories.read_stories_jsonl(path))


def test_the_team_suite_is_a_registered_set():
    records = list(stories.read_stories_jsonl(get_dev_set("wire_stories").path))
    assert len(records) >= 25
    assert sum(len(r.events) for r in records) >= 200


def test_a_coded_appeal_matches_a_gold_appeal_filed_under_request():
    record = story(stories.GoldEvent("urged", "REQUEST", "USA", "ISR", None, "020"))
    appeal = event("urged", None, "USA", "ISR").model_copy(update={"cameo": "023"})
    demand = story(stories.GoldEvent("demanded", "REQUEST", "USA", "ISR", None, "100"))
    assert stories.StoryResult(record, (appeal,)).found_with_actors == 1
    assert stories.StoryResult(demand, (appeal,)).found == 0
