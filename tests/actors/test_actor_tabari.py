"""The TABARI reader on small fixtures and on the real Phoenix files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.tabari import parse_date, read_actors, read_agents

ACTORS = """\
# comment line
<!-- a comment
# that spans lines -->
ISRAEL_  [ISR]
+ISRAELI
+TEL_AVIV_ +JAFFA_   # two aliases on one line

BENJAMIN_NETANYAHU_  # CountryInfo.txt
+NETANYAHU
\t[ISRELI 670101-960618]
\t[ISRGOV 960618-990706]
\t[ISRGOV >090401]
\t[ISRELI]
LEONID_BREZHNEV_
SECRETARY_BREZHNEV
\t[RUSGOV 641014-821110] [RUSELI]
GOLLUM
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
BROKEN_DATES_
\t[AAA 9008223-911221]
\t[BBB 20121207-20120802]
\t[CCC 20121204]
\t[DDD >201005011]
\t[EEE]
NO_CODE_
+NEVER_CODED

ORPHAN_AFTER_GAP_  [ORP]
BAD]_ENTRY
MNC_CORP_\t[MNCUSA]\tNewspapers\t$137,000,000
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
PROTESTER [~OPP]
FIRE!PERSON! {} [~GOV]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
TRUCE_MONITOR [IGO~]
BROKEN [~ENV}
NO_CODE_AT_ALL
AD!PERSON!RATIVE [~GOV]
!UNKNOWN!_THING [~GOV]
POLICE {} [ ~COP]
"""


@pytest.fixture
def actors_file(tmp_path: Path) -> Path:
    path = tmp_path / "Fixture.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    return path


@pytest.fixture
def agents_file(tmp_path: Path) -> Path:
    path = tmp_path / "Fixture.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    return path


def test_two_digit_years_pivot_at_30() -> None:
    assert parse_date("670101") == dt.date(1967, 1, 1)
    assert parse_date("090401") == dt.date(2009, 4, 1)
    assert parse_date("310101") == dt.date(1931, 1, 1)
    assert parse_date("291231") == dt.date(2029, 12, 31)
    assert parse_date("19160101") == dt.date(1916, 1, 1)


def test_entries_aliases_and_dated_roles(actors_file: Path) -> None:
    result = read_actors(actors_file)
    by_name = {"_".join(a.phrases[0].words): a for a in result.actors}
    israel = by_name["ISRAEL"]
    assert israel.source == "Fixture.actors.txt:4"
    assert [p.words for p in israel.phrases] == [("ISRAEL",), ("ISRAELI",), ("TEL", "AVIV"),
                                                 ("JAFFA",)]
    assert [p.exact for p in israel.phrases] == [True, False, True, True]
    bibi = by_name["BENJAMIN_NETANYAHU"]
    assert [(r.code, r.start, r.end) for r in bibi.roles] == [
        ("ISRELI", dt.date(1967, 1, 1), dt.date(1996, 6, 18)),
        ("ISRGOV", dt.date(1996, 6, 18), dt.date(1999, 7, 6)),
        ("ISRGOV", dt.date(2009, 4, 1), None),
        ("ISRELI", None, None),
    ]
    assert bibi.roles[2].source == "Fixture.actors.txt:12"
    assert bibi.comment == "CountryInfo.txt"


def test_codeless_lines_in_a_row_are_synonyms(actors_file: Path) -> None:
    result = read_actors(actors_file)
    brezhnev = next(a for a in result.actors if a.phrases[0].words[0] == "LEONID")
    assert [p.words for p in brezhnev.phrases] == [("LEONID", "BREZHNEV"),
                                                   ("SECRETARY", "BREZHNEV")]
    assert [r.code for r in brezhnev.roles] == ["RUSGOV", "RUSELI"]


def test_spaces_inside_date_groups(actors_file: Path) -> None:
    gollum = next(a for a in read_actors(actors_file).actors if a.phrases[0].words == ("GOLLUM",))
    assert [(r.code, r.start, r.end) for r in gollum.roles] == [
        ("HOB", None, dt.date(1995, 6, 1)),
        ("HOBGOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15)),
    ]


def test_broken_fixture_reports_file_and_line(actors_file: Path) -> None:
    result = read_actors(actors_file)
    messages = [str(w) for w in result.warnings]
    for line, fragment in [
        (21, "9008223"),  # seven-digit date
        (22, "is after end"),
        (23, "single date"),
        (24, "201005011"),  # nine digits
        (26, "'NO_CODE' has no usable code"),
        (30, "unbalanced brackets"),
    ]:
        assert any(m.startswith(f"Fixture.actors.txt:{line}: ") and fragment in m
                   for m in messages), (line, fragment, messages)
    broken = next(a for a in result.actors if a.phrases[0].words == ("BROKEN", "DATES"))
    assert [r.code for r in broken.roles] == ["EEE"]  # the good role of the entry survives


def test_text_after_the_codes_is_ignored(actors_file: Path) -> None:
    corp = next(a for a in read_actors(actors_file).actors if a.phrases[0].words[0] == "MNC")
    assert [r.code for r in corp.roles] == ["MNCUSA"]


def test_agents_substitutions_plurals_and_positions(agents_file: Path) -> None:
    result = read_agents(agents_file)
    by_name = {a.name: a for a in result.agents}
    assert by_name["PROTESTER"].code == "OPP"
    assert by_name["PROTESTER"].position == "suffix"
    assert by_name["PROTESTER"].plurals is None
    fire = by_name["FIRE!PERSON!"]
    assert [p.words for p in fire.phrases] == [("FIREMAN",), ("FIREMEN",), ("FIREWOMAN",)]
    assert fire.plurals == ()
    chamber = by_name["CHAMBER_OF_COMMERCE"]
    assert chamber.plurals is not None
    assert [p.words for p in chamber.plurals] == [("CHAMBERS", "OF", "COMMERCE")]
    assert (by_name["TRUCE_MONITOR"].code, by_name["TRUCE_MONITOR"].position) == ("IGO", "prefix")
    assert by_name["POLICE"].code == "COP"


def test_agent_problems_are_reported(agents_file: Path) -> None:
    messages = [str(w) for w in read_agents(agents_file).warnings]
    assert any(m.startswith("Fixture.agents.txt:6: ") for m in messages)  # [~ENV}
    assert any(m.startswith("Fixture.agents.txt:7: ") for m in messages)  # no code
    assert any(m.startswith("Fixture.agents.txt:8: ") and "inside the word" in m for m in messages)
    assert any(m.startswith("Fixture.agents.txt:9: ") and "undefined" in m for m in messages)


def test_real_phoenix_files_read_with_few_warnings(phoenix_dir: Path) -> None:
    countries = read_actors(phoenix_dir / "Phoenix.Countries.actors.txt")
    assert len(countries.actors) > 18_000
    assert len(countries.warnings) < 20
    agents = read_agents(phoenix_dir / "Phoenix.agents.txt")
    assert len(agents.agents) > 2_000
    prefix = [a.name for a in agents.agents if a.position == "prefix"]
    assert prefix == ["OBSERVERS_IN", "PEACEKEEPING_TROOPS", "TRUCE_MONITOR"]


def test_real_dates_come_out_right(phoenix_dir: Path) -> None:
    countries = read_actors(phoenix_dir / "Phoenix.Countries.actors.txt")
    bibi = next(a for a in countries.actors if a.phrases[0].words == ("BENJAMIN", "NETANYAHU"))
    assert bibi.source == "Phoenix.Countries.actors.txt:23455"
    assert bibi.roles[0].start == dt.date(1967, 1, 1)
    assert bibi.roles[2].start == dt.date(2009, 4, 1)
    assert all(r.start is None or r.start.year > 1870 for a in countries.actors for r in a.roles)
