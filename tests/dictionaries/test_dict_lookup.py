"""Looking up actors by name and date, and verbs by phrase."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.dictionaries import DictionarySet, load_dictionaries
from eventwire.dictionaries.lookup import format_actor, format_verb, lookup_actor, lookup_verb

MINISTER = """\
actors:
  - id: JANE_DOE
    names: [Jane Doe]
    kind: person
    roles:
      - {code: FRAELI, start: 1990-01-01, end: 2025-01-09}
      - {code: FRAGOV, start: 2025-01-10, end: 2026-02-01}
      - {code: FRAOPP, start: 2026-02-01}
      - {code: FRAELI}
"""


@pytest.fixture(scope="module")
def bundled() -> DictionarySet:
    return load_dictionaries()


@pytest.fixture(scope="module")
def with_minister(tmp_path_factory: pytest.TempPathFactory) -> DictionarySet:
    path = tmp_path_factory.mktemp("overlay") / "minister.yaml"
    path.write_text(MINISTER, encoding="utf-8")
    return load_dictionaries([path])


def code_of(found: DictionarySet, name: str, day: dt.date | None) -> str:
    records = [r for r in lookup_actor(found, name, day) if r["type"] == "actor"]
    assert len(records) == 1, records
    return records[0]["code"]


def test_netanyahu_code_follows_his_offices(bundled: DictionarySet) -> None:
    assert code_of(bundled, "Netanyahu", dt.date(2024, 3, 26)) == "ISRGOV"
    assert code_of(bundled, "Netanyahu", dt.date(2022, 1, 1)) == "ISROPP"  # opposition leader
    assert code_of(bundled, "Netanyahu", dt.date(1998, 1, 1)) == "ISRGOV"
    assert code_of(bundled, "Netanyahu", dt.date(1980, 1, 1)) == "ISRELI"


def test_lookup_shows_every_role_with_its_source_line(bundled: DictionarySet) -> None:
    record = lookup_actor(bundled, "Benjamin Netanyahu", dt.date(2024, 3, 26))[0]
    text = format_actor(record)
    assert "BENJAMIN_NETANYAHU" in text
    assert "code on 2024-03-26: ISRGOV" in text
    assert all(":" in role["source"] for role in record["roles"])
    assert sum(role["in_force"] for role in record["roles"]) == 1
    assert len(record["roles"]) >= 5


def test_role_changes_of_an_overlay_minister(with_minister: DictionarySet) -> None:
    assert code_of(with_minister, "Jane Doe", dt.date(2000, 1, 1)) == "FRAELI"
    assert code_of(with_minister, "Jane Doe", dt.date(2025, 1, 9)) == "FRAELI"
    assert code_of(with_minister, "Jane Doe", dt.date(2025, 1, 10)) == "FRAGOV"
    # On the hand-over day the role that starts that day wins.
    assert code_of(with_minister, "Jane Doe", dt.date(2026, 2, 1)) == "FRAOPP"
    assert code_of(with_minister, "jane doe", None) == "FRAELI"
    record = lookup_actor(with_minister, "Jane Doe", dt.date(2025, 6, 1))[0]
    assert record["code_source"] == "minister.yaml:7"


def test_unknown_name_finds_nothing(bundled: DictionarySet) -> None:
    assert lookup_actor(bundled, "Nobody Atall Xyzzy", None) == []


def test_agent_names_are_found_too(bundled: DictionarySet) -> None:
    records = lookup_actor(bundled, "protesters", None)
    assert any(r["type"] == "agent" and r["code"] == "OPP" for r in records)


def test_verb_lookup_lists_blocks_codes_and_patterns(bundled: DictionarySet) -> None:
    records = lookup_verb(bundled.verbs, "pull out")
    blocks = {r["block"] for r in records}
    assert "RETREAT" in blocks
    retreat = next(r for r in records if r["block"] == "RETREAT")
    assert any(p["code"] == "0874" for p in retreat["patterns"])
    assert "CAMEO.2.0.txt:" in format_verb(retreat)


def test_verb_lookup_by_inflected_form_and_head(bundled: DictionarySet) -> None:
    assert lookup_verb(bundled.verbs, "pulled out")
    assert {r["phrase"] for r in lookup_verb(bundled.verbs, "pull")} >= {"pull out"}
    assert lookup_verb(bundled.verbs, "xyzzy") == []


def test_overlay_path_does_not_leak_between_loads(bundled: DictionarySet, tmp_path: Path) -> None:
    assert lookup_actor(bundled, "Jane Doe", None) == []
