"""The Python API, `eventwire.code_text`: typed events, the same as the CLI prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import eventwire
from eventwire import ActorRef, Event, TextSpan

TEXT = (
    "KYIV — Russia shelled Kharkiv on Tuesday, officials said.\n\n"
    "China and Russia criticized the United States. France consulted with Germany."
)
DATE = "2024-03-26"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return eventwire.code_text(TEXT, date=DATE)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """What `eventwire code` prints for the same text, saved as text.txt (doc id "text")."""
    path: Path = tmp_path_factory.mktemp("api") / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", str(path),
                           "--date", DATE], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_returns_typed_events(events: list[Event]):
    assert events
    for event in events:
        assert isinstance(event, Event)
        assert isinstance(event.trigger, TextSpan)
        assert isinstance(event.source, ActorRef)
        assert event.target is None or isinstance(event.target, ActorRef)
        assert isinstance(event.cameo, str)
        assert event.doc_id == "text"
        assert event.date == DATE


def test_offsets_slice_the_text(events: list[Event]):
    for event in events:
        assert TEXT[event.trigger.start:event.trigger.end] == event.trigger.text
        for actor in (event.source, event.target):
            if actor is not None:
                assert TEXT[actor.start:actor.end] == actor.text


def test_same_events_as_the_cli(events: list[Event], printed: list[dict]):
    assert [event.model_dump(mode="json") for event in events] == printed


def test_event_ids_are_deterministic(events: list[Event]):
    again = eventwire.code_text(TEXT, date=DATE)
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)


def test_event_ids_depend_on_the_document(events: list[Event]):
    other = eventwire.code_text(TEXT, date=DATE, doc_id="other")
    assert len(other) == len(events)
    assert not {e.event_id for e in other} & {e.event_id for e in events}


def test_date_is_normalised():
    assert {e.date for e in eventwire.code_text(TEXT, date="20240326")} == {DATE}


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_gives_no_events(text: str):
    assert eventwire.code_text(text) == []


def test_text_without_actors_gives_no_events():
    assert eventwire.code_text("The weather was mild and the markets were calm.") == []
