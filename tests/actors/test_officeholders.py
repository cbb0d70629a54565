"""Checks on the hand-written office-holder data (2015-2026 additions to the Phoenix actors).

Plain stdlib tests: the data file is read directly, no eventwire module is imported.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

DATA = (Path(__file__).resolve().parents[2]
        / "src" / "eventwire" / "actors" / "data" / "officeholders.jsonl")

# Phoenix ids are kept verbatim so entries merge; a few contain '-'
# (e.g. SECRETARY-GENERAL_BAN_KI-MOON).
ID_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.'-]*$")
CODE_RE = re.compile(r"^[A-Z]{3,15}$")


def _load() -> list[dict]:
    records = []
    with DATA.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.strip(), f"blank line {lineno}"
            records.append(json.loads(line))
    return records


RECORDS = _load()
BY_ID = {r["id"]: r for r in RECORDS}


def _date(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def holders(code: str, day: str) -> set[str]:
    """Ids of persons holding `code` on `day` (start inclusive, end exclusive)."""
    d = _date(day)
    out = set()
    for r in RECORDS:
        for role in r["roles"]:
            if role["code"] != code:
                continue
            if _date(role["start"]) <= d and (role["end"] is None or d < _date(role["end"])):
                out.add(r["id"])
    return out


def code_on(person: str, day: str) -> str | None:
    d = _date(day)
    for role in BY_ID[person]["roles"]:
        if _date(role["start"]) <= d and (role["end"] is None or d < _date(role["end"])):
            return role["code"]
    return None


# ---------------------------------------------------------------- structure


def test_file_is_not_trivial():
    assert len(RECORDS) >= 300


def test_every_line_has_the_fields():
    for r in RECORDS:
        assert set(r) == {"id", "names", "roles", "kind", "source", "note"}, r["id"]
        assert r["kind"] == "person", r["id"]
        assert r["source"] == "officeholders.jsonl", r["id"]
        assert isinstance(r["note"], str) and r["note"], r["id"]
        assert isinstance(r["names"], list) and r["names"], r["id"]
        assert isinstance(r["roles"], list) and r["roles"], r["id"]


def test_ids_unique_upper_case_with_underscores():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert ID_RE.match(i), i
        assert i == i.upper(), i
        assert " " not in i and not i.endswith("_"), i


def test_sorted_by_id():
    ids = [r["id"] for r in RECORDS]
    assert ids == sorted(ids)


def test_names_are_lower_case_tokenized_strings():
    for r in RECORDS:
        assert len(r["names"]) == len(set(r["names"])), r["id"]
        for n in r["names"]:
            assert isinstance(n, str) and n, r["id"]
            assert n == n.lower(), (r["id"], n)
            assert n == n.strip() and "  " not in n, (r["id"], n)
            # hyphens are split into their own token, as spaCy's English tokenizer does
            assert not re.search(r"\w-\w", n), (r["id"], n)


def test_role_codes_and_dates():
    for r in RECORDS:
        for role in r["roles"]:
            assert set(role) == {"code", "start", "end"}, r["id"]
            assert CODE_RE.match(role["code"]), (r["id"], role["code"])
            start = _date(role["start"])
            earliest, latest = datetime.date(1900, 1, 1), datetime.date(2026, 12, 31)
            assert earliest <= start <= latest, (r["id"], role)
            if role["end"] is not None:
                assert start < _date(role["end"]), (r["id"], role)


def test_roles_of_one_person_do_not_overlap():
    for r in RECORDS:
        roles = sorted(r["roles"], key=lambda x: x["start"])
        for a, b in zip(roles, roles[1:], strict=False):
            assert a["end"] is not None, (r["id"], a, b)
            assert _date(a["end"]) <= _date(b["start"]), (r["id"], a, b)


def test_roles_are_listed_in_date_order():
    for r in RECORDS:
        starts = [role["start"] for role in r["roles"]]
        assert starts == sorted(starts), r["id"]


def test_names_do_not_point_at_two_persons():
    seen: dict[str, str] = {}
    for r in RECORDS:
        for n in r["names"]:
            assert n not in seen, (n, seen.get(n), r["id"])
            seen[n] = r["id"]


def test_ambiguous_single_words_are_not_names():
    names = {n for r in RECORDS for n in r["names"]}
    for word in ("ban", "may", "pence", "shorten", "gallant", "cleverly", "santos", "jonathan"):
        assert word not in names, word


# ---------------------------------------------------------------- spot checks


def test_usa_government_2025_is_trump():
    assert "DONALD_TRUMP" in holders("USAGOV", "2025-06-01")
    assert "JOE_BIDEN" not in holders("USAGOV", "2025-06-01")
    assert "JOE_BIDEN" in holders("USAGOV", "2022-06-01")
    assert "DONALD_TRUMP" not in holders("USAGOV", "2022-06-01")


def test_uk_government_august_2024_includes_starmer():
    gov = holders("GBRGOV", "2024-08-01")
    assert "KEIR_STARMER" in gov
    assert "RISHI_SUNAK" not in gov
    assert code_on("RISHI_SUNAK", "2024-08-01") == "GBROPP"
    assert "keir starmer" in BY_ID["KEIR_STARMER"]["names"]


def test_israel_netanyahu_out_of_office_under_bennett_lapid():
    assert code_on("BENJAMIN_NETANYAHU", "2022-01-01") == "ISROPP"
    assert code_on("BENJAMIN_NETANYAHU", "2019-01-01") == "ISRGOV"
    assert code_on("BENJAMIN_NETANYAHU", "2024-01-01") == "ISRGOV"
    assert {"NAFTALI_BENNETT", "YAIR_LAPID"} <= holders("ISRGOV", "2022-01-01")


def test_phoenix_ids_are_reused_for_known_people():
    for pid in ("BENJAMIN_NETANYAHU", "RECEP_TAYYIP_ERDOGAN", "NARENDRA_MODI", "XI_JINPING",
                "VLADIMIR_PUTIN", "SERGEY_LAVROV", "SECRETARY-GENERAL_BAN_KI-MOON",
                "HOJATOLISLAM_SAYYED_ALI_KHAMENEI", "ISMAIL_HANIYA", "ABU_MOHAMMAD_AL_JAWLANI"):
        assert pid in BY_ID, pid


def test_armed_group_leaders_get_group_codes():
    assert code_on("ISMAIL_HANIYA", "2020-01-01") == "PSEREBHMS"
    assert code_on("HASSAN_NASRALLAH", "2020-01-01") == "LBNREB"
    assert code_on("ABU_BAKR_AL_BAGHDADI", "2016-01-01") == "IMGMUSISI"
    assert code_on("AYMAN_AL_ZAWAHIRI", "2016-01-01") == "IMGMUSALQ"
    assert code_on("HIBATULLAH_AKHUNDZADA", "2018-01-01") == "AFGREB"
    assert code_on("HIBATULLAH_AKHUNDZADA", "2022-01-01") == "AFGGOV"
    assert code_on("MOHAMED_HAMDAN_DAGALO", "2024-01-01") == "SDNREB"


@pytest.mark.parametrize("person, day, code", [
    ("ABU_MOHAMMAD_AL_JAWLANI", "2020-01-01", "SYRREBMUS"),
    ("ABU_MOHAMMAD_AL_JAWLANI", "2025-03-01", "SYRGOV"),
    ("BASHAR_AL_ASSAD", "2024-01-01", "SYRGOV"),
    ("ANTONIO_GUTERRES", "2020-01-01", "IGOUNO"),
    ("MARK_RUTTE", "2025-01-01", "IGOWSTNAT"),
    ("JENS_STOLTENBERG", "2020-01-01", "IGOWSTNAT"),
    ("URSULA_VON_DER_LEYEN", "2021-01-01", "IGOEUREEC"),
    ("VOLODYMYR_ZELENSKY", "2023-01-01", "UKRGOV"),
    ("EMMANUEL_MACRON", "2020-01-01", "FRAGOV"),
    ("OLAF_SCHOLZ", "2023-01-01", "DEUGOV"),
    ("FRIEDRICH_MERZ", "2025-06-01", "DEUGOV"),
    ("LUIZ_INACIO_LULA_DA_SILVA", "2024-01-01", "BRAGOV"),
    ("JAIR_BOLSONARO", "2020-01-01", "BRAGOV"),
])
def test_spot_roles(person, day, code):
    assert code_on(person, day) == code


def test_no_one_holds_office_after_a_recorded_end():
    assert code_on("BASHAR_AL_ASSAD", "2025-03-01") != "SYRGOV"
    assert code_on("ISMAIL_HANIYA", "2024-09-01") is None
    assert "BARACK_OBAMA" not in holders("USAGOV", "2018-01-01")
