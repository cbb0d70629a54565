"""Reference provenance: an actor resolved from a pronoun or description names the
mention it was resolved to, with its offsets, in every output."""

from __future__ import annotations

import csv
import io

import pytest

import eventwire
from eventwire.output import CsvWriter
from eventwire.store import EventStore


def resolved(text: str, trigger: str) -> list[tuple]:
    """(actor text, code, antecedent text, antecedent offsets ok) of the resolved actors of
    the events on ``trigger``, each once."""
    found = []
    for event in eventwire.code_text(text, date="2024-03-01"):
        if event.trigger.text != trigger:
            continue
        for actor in (event.source, event.target):
            if actor is not None and actor.antecedent is not None:
                span = actor.antecedent
                found.append((actor.text, actor.code, span.text,
                              text[span.start:span.end] == span.text))
    return sorted(set(found))


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # a pronoun in the next sentence
    ("Kenya accused Uganda of arming rebels. It later expelled two diplomats.",
     "expelled", [("It", "KEN", "Kenya", True)]),
    # a person's pronoun, sentences later
    ("Prime Minister Narendra Modi arrived in Dhaka on Monday. Crowds lined the streets. "
     "He praised Bangladesh for its growth.",
     "praised", [("He", "INDGOV", "Prime Minister Narendra Modi", True)]),
    # a description naming a country named earlier
    ("Saudi Arabia restored ties with Iran in March. The kingdom later sent an envoy "
     "to Tehran.", "sent", [("kingdom", "SAUGOV", "Saudi Arabia", True)]),
    # a definite agent placed by the story's country
    ("Israel withdrew from the talks in Qatar. The prime minister criticized Hamas.",
     "criticized", [("prime minister", "ISRGOV", "Israel", True)]),
])
def test_a_resolved_actor_names_its_antecedent(text: str, trigger: str, expected: list):
    assert resolved(text, trigger) == expected


def test_a_named_actor_has_no_antecedent():
    events = eventwire.code_text("Russia accused Ukraine of shelling the plant.",
                                 date="2024-03-01")
    assert events and all(e.source.antecedent is None and e.target.antecedent is None
                          for e in events)


STORY = "Kenya accused Uganda of arming rebels. It later expelled two Ugandan diplomats."


def test_csv_and_store_keep_the_antecedent(tmp_path):
    events = eventwire.code_text(STORY, doc_id="story", date="2024-03-01")
    (expelled,) = [e for e in events if e.trigger.text == "expelled"]
    stream = io.StringIO()
    CsvWriter(stream).write([expelled])
    (row,) = csv.DictReader(io.StringIO(stream.getvalue()))
    assert (row["source_text"], row["source_antecedent"], row["source_antecedent_start"],
            row["source_antecedent_end"]) == ("It", "Kenya", "0", "5")
    assert row["target_antecedent"] == ""
    with EventStore(tmp_path / "events.duckdb") as store:
        store.save(eventwire.Article(id="story", text=STORY, date="2024-03-01"), events)
    with EventStore(tmp_path / "events.duckdb") as store:
        (stored,) = [e for e in store.events("story") if e.trigger.text == "expelled"]
    assert stored.source.antecedent == expelled.source.antecedent
    assert stored.target.antecedent is None


@pytest.mark.parametrize(("text", "names"), [
    ("Russia and China said they oppose the sanctions on Iran.", ["China", "Russia"]),
    ("Egypt and Jordan said they would close the crossings to refugees.", ["Egypt", "Jordan"]),
])
def test_they_after_a_list_names_each_listed_actor(text: str, names: list[str]):
    found = set()
    for event in eventwire.code_text(text, date="2024-03-01"):
        antecedent = event.source.antecedent if event.source else None
        if event.source.text == "they" and antecedent is not None:
            assert text[antecedent.start:antecedent.end] == antecedent.text
            found.add(antecedent.text)
    assert sorted(found) == names
