"""Overlays a user may really have: very large ones, and broken ones nested absurdly deep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.entries import ActorEntry, Role
from eventwire.dictionaries import DictionaryLoadError, load_dictionaries


def actor(entry_id: str, *names: str, source: str = "overlay.jsonl:1") -> ActorEntry:
    return ActorEntry(id=entry_id, names=list(names), roles=[Role("XYZ", None, None, source)],
                      kind="organization", source=source)


def test_deeply_nested_yaml_overlay_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("actors: " + "[" * 50_000 + "]" * 50_000 + "\n")
    with pytest.raises(DictionaryLoadError, match=r"deep\.yaml:1: error: .*nested too deeply"):
        load_dictionaries([deep])


def test_deeply_nested_jsonl_overlay_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    good = json.dumps({"id": "ZED", "names": ["Zed Zedson"], "roles": [{"code": "DEU"}]})
    deep.write_text(good + "\n" + "[" * 50_000 + "]" * 50_000 + "\n")
    with pytest.raises(DictionaryLoadError, match=r"deep\.jsonl:2: .*nested too deeply"):
        load_dictionaries([deep])


def test_override_takes_names_from_every_holder_in_load_order() -> None:
    dictionary = ActorDictionary([actor("A", "alpha", "beta", source="base:1"),
                                  actor("B", "gamma", source="base:2"),
                                  actor("C", "beta*", "delta", source="base:3")])
    reports = dictionary.override(actor("NEW", "beta", "delta"))
    assert reports == [
        "overlay.jsonl:1: name 'beta' now means NEW, no longer A (base:1)",
        "overlay.jsonl:1: name 'beta*', 'delta' now means NEW, no longer C (base:3)",
    ]
    assert [e.names for e in dictionary] == [["alpha"], ["gamma"], [], ["beta", "delta"]]
    assert dictionary.lookup("beta")[0].id == "NEW"
    # a later override sees the names as they now stand
    reports = dictionary.override(actor("B", "alpha"), extend=True)
    assert reports[0] == "overlay.jsonl:1: extends actor B of base:2"
    assert reports[1] == "base:2: name 'alpha' now means B, no longer A (base:1)"
    assert dictionary["B"].names == ["gamma", "alpha"]
    assert [e.id for e in dictionary.lookup("alpha")] == ["B"]


def test_override_replacing_an_entry_keeps_its_place() -> None:
    dictionary = ActorDictionary([actor("A", "alpha"), actor("B", "beta")])
    dictionary.add(actor("C", "gamma"))  # added after the index of names was built
    dictionary.override(actor("A", "alpha", "gamma"))
    assert [(e.id, e.names) for e in dictionary] == [("A", ["alpha", "gamma"]), ("B", ["beta"]),
                                                   ("C", [])]


def test_a_large_overlay_overrides_entry_by_entry(tmp_path: Path) -> None:
    """20,000 entries, each taking a name from a bundled-style entry: every report is
    made, in order. (Time and memory for 100,000 are in benchmarks/overlay_load.py.)"""
    size = 20_000
    dictionary = ActorDictionary(actor(f"OLD{n}", f"name {n}", f"keep {n}", source=f"b:{n}")
                                 for n in range(size))
    reports = []
    for n in range(size):
        reports += dictionary.override(actor(f"NEW{n}", f"name {n}", source=f"o:{n}"))
    assert len(reports) == size
    assert reports[-1] == f"o:{size - 1}: name 'name {size - 1}' now means NEW{size - 1}, " \
                          f"no longer OLD{size - 1} (b:{size - 1})"
    assert dictionary["OLD7"].names == ["keep 7"]
