"""The team-written wire-story gold suite (tests/gold/wire_stories.jsonl) is well formed.

The gold was written by hand before the coder saw the stories; these checks only guard
its shape, so that a scorer can trust every span, sentence index and code in it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.ontology import PLOVER_EVENT_TYPES, default_ontology

SUITE = Path(__file__).with_name("wire_stories.jsonl")
MODALITIES = {None, "future", "hypothetical", "negated", "demanded"}
ACTOR_CODE = re.compile(r"^([A-Z]{3}|---)([A-Z]{3})*$")  # "---": country unknown
# Appeals (CAMEO 02) have no PLOVER type in the crosswalk; the suite files them under
# REQUEST, which the PLOVER manual defines as "all requests, demands, and orders".
APPEAL_PLOVER = "REQUEST"


def sentences(text: str) -> list[str]:
    # Wire copy here avoids abbreviations with full stops, so a plain split is the
    # reader's split; lower-cased stories start sentences with a small letter.
    return re.split(r"(?<=[.!?])\s+(?=[A-Za-z0-9\"'(])", text)


def load() -> list[dict]:
    with SUITE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


STORIES = load()


def test_suite_size() -> None:
    assert len(STORIES) >= 25
    assert sum(len(s["events"]) for s in STORIES) >= 200
    assert len({s["id"] for s in STORIES}) == len(STORIES)


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_story_shape(story: dict) -> None:
    assert re.fullmatch(r"20(19|2[0-6])-\d\d-\d\d", story["date"])
    assert 4 <= len(sentences(story["text"])) <= 8
    assert 100 <= len(story["text"].split()) <= 300


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_events_point_into_their_sentence(story: dict) -> None:
    sents = sentences(story["text"])
    for ev in story["events"]:
        sentence = sents[ev["sentence"]]
        for key in ("trigger", "source", "target"):
            if ev[key] is not None:
                assert ev[key] in sentence, (key, ev)
        for key in ("source_antecedent", "target_antecedent"):
            if key in ev:
                assert ev[key] in story["text"], (key, ev)


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_codes_agree_with_the_ontology(story: dict) -> None:
    ontology = default_ontology()
    for ev in story["events"]:
        assert isinstance(ev["cameo"], str)
        plover = ontology.get(ev["cameo"]).plover
        if ev["cameo"].startswith("02"):
            plover = APPEAL_PLOVER
        assert ev["plover"] == plover and ev["plover"] in PLOVER_EVENT_TYPES, ev
        assert ev["modality"] in MODALITIES, ev
        for key in ("source_code", "target_code"):
            assert ev[key] is None or ACTOR_CODE.match(ev[key]), ev
        assert ev["source_code"] is not None, ev
