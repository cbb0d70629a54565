"""Loading the dictionaries, dated codes, merging officeholders, bad records."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.actors import ActorDictionary, AgentDictionary, DictionaryError
from eventwire.actors.dictionary import DATA_DIR

LOAD_SCRIPT = """
import json, pathlib, resource, time
started = time.perf_counter()
from eventwire.actors import ActorDictionary, AgentDictionary
imported = time.perf_counter()
actors, agents = ActorDictionary.load(strict=True), AgentDictionary.load(strict=True)
actors.index, agents.index
status = pathlib.Path("/proc/self/status")
if status.exists():  # VmHWM is this process's peak; ru_maxrss can include the parent's
    peak_kb = int(status.read_text().split("VmHWM:")[1].split()[0])
else:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "seconds": time.perf_counter() - imported,
    "import_seconds": imported - started,
    "rss_mb": peak_kb / 1024,
    "actors": len(actors), "agents": len(agents),
    "names": sum(len(e.names) for e in actors), "agent_names": sum(len(e.names) for e in agents),
}))
"""


def test_packaged_data_loads_in_a_fresh_interpreter(capsys: pytest.CaptureFixture[str]) -> None:
    # A fresh interpreter, so that the printed timing and peak memory are the load's alone;
    # their bars are benchmark figures (benchmarks/dict_load.py), not timed tests.
    done = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], capture_output=True, text=True,
                          check=True)
    stats = json.loads(done.stdout)
    with capsys.disabled():
        print(f"\nloaded {stats['actors']} actors ({stats['names']} names) and "
              f"{stats['agents']} agents ({stats['agent_names']} names) in "
              f"{stats['seconds']:.2f}s after {stats['import_seconds']:.2f}s of imports "
              f"(spaCy); peak RSS of the whole process {stats['rss_mb']:.0f} MB")
    assert stats["actors"] > 25_000 and stats["agents"] > 2_000


def test_netanyahu_by_date(actors: ActorDictionary) -> None:
    [bibi] = actors.lookup("Benjamin Netanyahu")
    assert bibi.id == "BENJAMIN_NETANYAHU" and bibi.kind == "person"
    assert bibi.source == "Phoenix.Countries.actors.txt:23455"
    code, role = actors.code_on(bibi, dt.date(2024, 3, 26))
    assert (code, role.source) == ("ISRGOV", "Phoenix.Countries.actors.txt:23472")
    assert actors.code_on(bibi, dt.date(1998, 1, 1))[0] == "ISRGOV"
    # Between his terms (1999-07-06 to 2009-04-01) no dated role applies: the fallback.
    code, role = actors.code_on(bibi, dt.date(2000, 6, 1))
    assert (code, role.start, role.source) == ("ISRELI", None, "Phoenix.Countries.actors.txt:23473")
    assert actors.code_on("BENJAMIN_NETANYAHU", dt.date(1980, 1, 1))[0] == "ISRELI"
    assert actors.code_on(bibi, None)[0] == "ISRELI"  # undated fallback preferred


def test_netanyahu_with_officeholders_loaded() -> None:
    actors = ActorDictionary.load()
    [bibi] = [e for e in actors.lookup("Netanyahu") if e.kind == "person"][:1]
    assert actors.code_on(bibi, dt.date(2024, 3, 26))[0] == "ISRGOV"
    assert actors.code_on(bibi, dt.date(1998, 1, 1))[0] == "ISRGOV"


def test_hand_over_day_goes_to_the_new_office(actors: ActorDictionary) -> None:
    assert actors.code_on("BENJAMIN_NETANYAHU", dt.date(1996, 6, 18))[0] == "ISRGOV"


def test_no_role_on_a_date_gives_none() -> None:
    actors = ActorDictionary.load([DATA_DIR / "additions.jsonl"])
    from eventwire.actors import ActorEntry, Role

    actors.add(ActorEntry("X", ["x"], [Role("XGOV", dt.date(2020, 1, 1), None, "t:1")],
                          "person", "t:1"))
    assert actors.code_on("X", dt.date(2019, 1, 1)) is None
    assert actors.code_on("X", None)[0] == "XGOV"  # no fallback: the most recent role


def test_common_names(actors: ActorDictionary) -> None:
    assert [e.id for e in actors.lookup("Hamas")] == ["HAMAS"]
    assert actors.code_on(actors.lookup("Hamas")[0], None)[0] == "PSEREBHMS"
    assert actors.code_on(actors.lookup("United Nations")[0], None)[0] == "IGOUNO"
    assert actors.lookup("israelis")[0].id == "ISRAEL"
    assert actors.lookup("UK")[0].id == "UNITED_KINGDOM"
    assert actors.lookup("al-Qaeda")[0].id == "AL_QA'IDA"


def test_officeholders_merge_by_id(tmp_path: Path, phoenix_paths: list[Path]) -> None:
    officeholders = tmp_path / "officeholders.jsonl"
    records = [
        {"id": "BENJAMIN_NETANYAHU", "names": ["Bibi"],
         "roles": [{"code": "ISRGOV", "start": "2022-12-29", "end": None}], "kind": "person",
         "source": "wikidata:Q43723"},
        {"id": "NEW_PERSON", "names": ["Jane Q. Minister"],
         "roles": [{"code": "FRAGOV", "start": "2024-01-01", "end": None}]},
    ]
    officeholders.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    actors = ActorDictionary.load([*phoenix_paths, officeholders], strict=True)
    bibi = actors["BENJAMIN_NETANYAHU"]
    assert "bibi" in bibi.names and "benjamin netanyahu" in bibi.names
    assert bibi.roles[-1].source == "officeholders.jsonl:1"
    assert actors.code_on(bibi, dt.date(2023, 6, 1)) == ("ISRGOV", bibi.roles[-1])
    new = actors["NEW_PERSON"]
    assert new.kind == "person"  # guessed from its dated role
    assert "jane q. minister" in new.names
    assert [e.id for e in actors.lookup("Jane Q. Minister")] == ["NEW_PERSON"]


def test_broken_jsonl_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(
        '{"id": "OK", "names": ["ok"], "roles": [{"code": "OKK"}]}\n'
        "not json\n"
        '{"id": "NO_ROLES", "names": ["x"], "roles": []}\n'
        '{"id": "BAD_DATE", "names": ["y"], "roles": [{"code": "Y", "start": "2024-13-01"}]}\n'
        '{"id": "BAD_KIND", "names": ["z"], "roles": [{"code": "Z"}], "kind": "planet"}\n',
        encoding="utf-8",
    )
    actors = ActorDictionary.load([path])
    assert [e.id for e in actors] == ["OK"]
    assert [w.split(": ")[0] for w in actors.warnings] == [
        "broken.jsonl:2", "broken.jsonl:3", "broken.jsonl:4", "broken.jsonl:5",
    ]
    with pytest.raises(DictionaryError, match=r"^broken\.jsonl:2: not valid JSON"):
        ActorDictionary.load([path], strict=True)


def test_broken_tabari_fixture_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "Broken.actors.txt"
    path.write_text("GOOD_ [GOD]\nBAD_\n\t[BAD 9008223-911221]\n", encoding="utf-8")
    actors = ActorDictionary.load([path])
    assert [e.id for e in actors] == ["GOOD"]
    assert actors.warnings[0].startswith("Broken.actors.txt:3: skipped role [BAD 9008223-911221]")
    assert actors.warnings[1].startswith("Broken.actors.txt:2: entry 'BAD' has no usable code")
    with pytest.raises(DictionaryError, match=r"^Broken\.actors\.txt:3: "):
        ActorDictionary.load([path], strict=True)


def test_wrong_file_kind_is_refused(petrarch_unit_dir: Path) -> None:
    with pytest.raises(DictionaryError, match="agents file"):
        ActorDictionary.load([petrarch_unit_dir / "PETR.Validate.agents.txt"])
    with pytest.raises(DictionaryError, match="actors file"):
        AgentDictionary.load([petrarch_unit_dir / "PETR.Validate.actors.txt"])
    with pytest.raises(FileNotFoundError, match="no such dictionary file"):
        ActorDictionary.load([petrarch_unit_dir / "missing.jsonl"])


def test_petrarch_unit_dictionaries_load(petrarch_unit_dir: Path) -> None:
    actors = ActorDictionary.load([petrarch_unit_dir / "PETR.Validate.actors.txt"], strict=True)
    agents = AgentDictionary.load([petrarch_unit_dir / "PETR.Validate.agents.txt"], strict=True)
    assert len(actors) > 100 and len(agents) > 80

    def code(name: str, date: dt.date | None = None) -> str:
        return actors.code_on(actors.lookup(name)[0], date)[0]

    assert code("Arnor") == "ARN"
    assert actors.lookup("Arnorian") == []  # ARNOR_ is exact
    assert code("Argentina") == "ARG" and code("Argentinians") == "ARG"  # ARGENTIN is a stem
    assert code("Lorien") == "ELR/GAL"
    assert code("Gollum", dt.date(1990, 1, 1)) == "HOB"
    assert code("Gollum", dt.date(1997, 1, 1)) == "HOBGOV"
    assert code("Gollum", dt.date(2001, 1, 1)) == "HOBREB"
    assert code("Sam Gamgee", dt.date(2010, 1, 10)) == "ORCHOB"  # overrides HOBMIL around it
    assert code("Sam Gamgee", dt.date(2011, 1, 1)) == "HOBMIL"
    assert code("Palestinian") == "PSE"  # "[pse]" upper-cased; it precedes PALESTINE's alias
    [congress] = agents.lookup("congressmen")
    assert congress.code == "LEG" and "congressmens" not in congress.names
    assert agents.lookup("congresses")[0].code == "LEG"
    assert agents.lookup("golden geese")[0].code == "GGS"
    assert agents.lookup("Human Rights Body")[0].position == "prefix"
