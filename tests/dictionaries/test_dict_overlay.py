"""Overlays on top of the bundled dictionaries: adding, overriding, reporting, hashing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.dictionaries import DictionaryLoadError, find_overlays, load_dictionaries
from eventwire.dictionaries.lookup import lookup_actor, lookup_verb
from eventwire.provenance import dictionary_hash, packaged_data_files

OVERLAY = """\
actors:
  - id: NEW_FOREIGN_MINISTER
    names: [Netanyahu]
    roles:
      - {code: ISRGOV, start: 2030-01-01}
      - {code: ISRELI}
  - id: BENJAMIN_NETANYAHU
    extend: true
    names: [Bibi]
    roles:
      - {code: ISROPP, start: 2031-01-01}
  - id: UNITED_KINGDOM
    names: [UK]
    roles:
      - {code: GBR}
agents:
  - id: PROTESTER
    names: [protester, protesters]
    code: REB
verbs:
  - verb: PULL_OUT
    block: RETREAT
    patterns:
      - "* OF &MILITARY [0874]"
  - verb: HOODWINK
    forms: [HOODWINKED, HOODWINKING]
    code: "114"
    patterns:
      - "* + INTO TALKS [036]"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def overlay(tmp_path: Path) -> Path:
    return write(tmp_path, "mine.yaml", OVERLAY)


def test_overlay_adds_and_overrides_and_says_so(overlay: Path) -> None:
    found = load_dictionaries([overlay])
    # The name "netanyahu" now means the overlay's entry, and the move is reported.
    [entry] = [r for r in lookup_actor(found, "Netanyahu", None) if r["type"] == "actor"]
    assert entry["id"] == "NEW_FOREIGN_MINISTER"
    assert any("now means NEW_FOREIGN_MINISTER" in line and line.startswith("mine.yaml:2")
               for line in found.overrides)
    # extend: true adds a role to the bundled entry rather than replacing it.
    bibi = lookup_actor(found, "Bibi", dt.date(2031, 6, 1))[0]
    assert bibi["id"] == "BENJAMIN_NETANYAHU" and bibi["code"] == "ISROPP"
    assert lookup_actor(found, "Benjamin Netanyahu", dt.date(2024, 3, 26))[0]["code"] == "ISRGOV"
    assert any("extends actor BENJAMIN_NETANYAHU" in line for line in found.overrides)
    # A known id is replaced.
    assert any(line.startswith("mine.yaml:12: overrides actor UNITED_KINGDOM")
               for line in found.overrides)
    assert [a.code for a in found.agents.lookup("protesters")] == ["REB"]
    assert any("overrides agent PROTESTER" in line for line in found.overrides)


def test_overlay_verbs_extend_a_block_or_add_one(overlay: Path) -> None:
    found = load_dictionaries([overlay])
    retreat = found.verbs.block("RETREAT")
    added = [p for p in retreat.patterns if p.source == "mine.yaml:24"]
    assert added and added[0].code == "0874"
    assert any(p.source.startswith("CAMEO") for p in retreat.patterns)  # the rest is kept
    [hoodwink] = lookup_verb(found.verbs, "hoodwinked")
    assert hoodwink["code"] == "114" and hoodwink["source"] == "mine.yaml:25"
    assert hoodwink["patterns"][0]["code"] == "036"
    assert any("adds 1 pattern(s) to verb block RETREAT" in line for line in found.overrides)


def test_bundled_dictionaries_are_untouched_by_an_overlay_load(overlay: Path) -> None:
    load_dictionaries([overlay])
    again = load_dictionaries()
    assert [r["id"] for r in lookup_actor(again, "Netanyahu", None)] == ["BENJAMIN_NETANYAHU"]
    assert not [p for p in again.verbs.block("RETREAT").patterns if "mine.yaml" in p.source]


def test_overlays_change_the_dictionary_hash(overlay: Path, tmp_path: Path) -> None:
    bundled = dictionary_hash(packaged_data_files())
    assert load_dictionaries().hash == bundled
    with_overlay = load_dictionaries([overlay]).hash
    assert with_overlay != bundled
    overlay.write_text(OVERLAY.replace("2031-01-01", "2032-01-01"), encoding="utf-8")
    assert load_dictionaries([overlay]).hash not in (bundled, with_overlay)


def test_coder_load_records_the_overlay_hash(overlay: Path) -> None:
    from eventwire.coder import Coder

    plain, layered = Coder.load(), Coder.load(overlays=[overlay])
    assert plain.dictionaries == dictionary_hash(packaged_data_files())
    assert layered.dictionaries == load_dictionaries([overlay]).hash != plain.dictionaries
    assert layered.verbs.candidates("hoodwink")


def test_jsonl_and_tabari_overlays(tmp_path: Path) -> None:
    jsonl = write(tmp_path, "people.jsonl", json.dumps(
        {"id": "ZED_ZEDSON", "names": ["Zed Zedson"],
         "roles": [{"code": "DEUGOV", "start": "2025-05-06", "end": None}]}) + "\n")
    tabari = write(tmp_path, "mine.actors", "ZORRO_LAND_  [ZZZ]\n+ZORROLAND_\n")
    found = load_dictionaries([jsonl, tabari])
    assert lookup_actor(found, "Zed Zedson", dt.date(2025, 6, 1))[0]["code"] == "DEUGOV"
    assert lookup_actor(found, "Zorroland", None)[0]["code"] == "ZZZ"
    assert found.files[-2:] == [jsonl, tabari]


def test_broken_overlay_stops_the_load_with_file_and_line(tmp_path: Path) -> None:
    broken = write(tmp_path, "bad.yaml", "actors:\n  - id: X\n    names: [x]\n    roles: []\n")
    with pytest.raises(DictionaryLoadError, match=r"bad\.yaml:2: error: .*roles"):
        load_dictionaries([broken])


def test_config_file_names_overlays(tmp_path: Path, overlay: Path) -> None:
    write(tmp_path, "eventwire.toml", 'dictionaries = ["mine.yaml"]\n')
    extra = write(tmp_path, "extra.yaml", "actors: []\n")
    assert find_overlays([extra], cwd=tmp_path) == [tmp_path / "mine.yaml", extra]
    (tmp_path / "eventwire.toml").unlink()
    write(tmp_path, "eventwire.yaml", "dictionaries:\n  - mine.yaml\n")
    assert find_overlays([], cwd=tmp_path) == [tmp_path / "mine.yaml"]


def test_missing_overlay_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(DictionaryLoadError, match="nope.yaml: error: no such dictionary file"):
        find_overlays([tmp_path / "nope.yaml"], cwd=tmp_path)
