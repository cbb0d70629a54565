"""People named by nationality, and the hand-written actor additions, on real data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.actors import ActorDictionary, ActorMatcher
from eventwire.actors.dictionary import DATA_DIR

DAY = dt.date(2024, 3, 26)
HAND_WRITTEN = [DATA_DIR / "demonyms.jsonl", DATA_DIR / "additions.jsonl"]


def coded(matcher: ActorMatcher, nlp: Language, text: str,
          date: dt.date | None = DAY) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in matcher.find(nlp(text), date)]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize(("text", "expected"), [
    ("Up to 100 ethnic Albanians demonstrated.", [("Albanians", "ALB")]),
    ("Iraqis and Afghans queued at the border.", [("Iraqis", "IRQ"), ("Afghans", "AFG")]),
    ("Croats, Poles and Turks voted.", [("Croats", "HRV"), ("Poles", "POL"), ("Turks", "TUR")]),
    ("Swedes, Danes, Finns and Scots met.",
     [("Swedes", "SWE"), ("Danes", "DNK"), ("Finns", "FIN"), ("Scots", "GBR")]),
    ("Filipinos, Thais, Uzbeks and Tajiks work there.",
     [("Filipinos", "PHL"), ("Thais", "THA"), ("Uzbeks", "UZB"), ("Tajiks", "TJK")]),
    ("Somalis, Yemenis, Pakistanis and Bangladeshis left.",
     [("Somalis", "SOM"), ("Yemenis", "YEM"), ("Pakistanis", "PAK"), ("Bangladeshis", "BGD")]),
    ("South Koreans and Sri Lankans protested.",
     [("South Koreans", "KOR"), ("Sri Lankans", "LKA")]),
])
def test_plural_nationality_nouns(matcher: ActorMatcher, nlp: Language, text: str,
                                  expected: list[tuple[str, str]]) -> None:
    assert coded(matcher, nlp, text) == expected


def test_plural_joins_agents_like_any_country(matcher: ActorMatcher, nlp: Language) -> None:
    assert coded(matcher, nlp, "Iraqis in Baghdad met Afghan refugees.") == [
        ("Iraqis", "IRQ"), ("Baghdad", "IRQ"), ("Afghan refugees", "AFGREF")]


def test_no_plural_for_short_words_or_other_kinds(matcher: ActorMatcher,
                                                   nlp: Language) -> None:
    # "US" is the exact name; "As" and "News" are too short to be a plural.
    assert coded(matcher, nlp, "As US troops left, News crews waited.") == [
        ("US troops", "USAMIL")]
    # FBI and FEMA are organizations: only countries' names take the plural.
    assert coded(matcher, nlp, "FBIs and FEMAs were blamed.") == []
    assert coded(matcher, nlp, "Tuesdays are quiet.") == []


def test_plural_needs_a_capital(matcher: ActorMatcher, nlp: Language) -> None:
    assert coded(matcher, nlp, "the albanians and iraqis left") == []


def test_place_names_plus_s_are_not_people(matcher: ActorMatcher, nlp: Language) -> None:
    # Male is the Maldives' capital and Tyre a Lebanese city; Tartus is itself
    # a Syrian city, not Estonians from Tartu.
    assert coded(matcher, nlp, "Males and Tyres were counted.") == []
    assert coded(matcher, nlp, "Samaras and Frances Fitzgerald met.") == []
    assert coded(matcher, nlp, "Ships docked at Tartus.") == [("Tartus", "SYR")]


def test_demonyms_the_phoenix_files_lack(matcher: ActorMatcher, nlp: Language) -> None:
    assert coded(matcher, nlp, "Serbs, Kazakhs and Azeris met.") == [
        ("Serbs", "SRB"), ("Kazakhs", "KAZ"), ("Azeris", "AZE")]
    assert coded(matcher, nlp, "A Serb and two Nepalis were hurt.") == [
        ("Serb", "SRB"), ("Nepalis", "NPL")]
    assert coded(matcher, nlp, "Frenchmen and Englishmen sailed.") == [
        ("Frenchmen", "FRA"), ("Englishmen", "GBR")]
    assert coded(matcher, nlp, "The Bosnian Serbs shelled Sarajevo.") == [
        ("Bosnian Serbs", "BIHSRP"), ("Sarajevo", "BIH")]
    assert coded(matcher, nlp, "The PRC and the DRC signed a deal.") == [
        ("PRC", "CHN"), ("the DRC", "COD")]


def test_demonyms_follow_the_country_codes_on_the_date(matcher: ActorMatcher,
                                                       nlp: Language) -> None:
    assert coded(matcher, nlp, "Serbs attacked.", dt.date(1995, 6, 1)) == [("Serbs", "SCGSRB")]
    assert coded(matcher, nlp, "Serbs attacked.", dt.date(1990, 6, 1)) == [("Serbs", "YUGSRB")]
    assert coded(matcher, nlp, "Serbs attacked.", None) == [("Serbs", "SRB")]
    assert coded(matcher, nlp, "Kazakhs voted.", dt.date(1990, 6, 1)) == [("Kazakhs", "USRKAZ")]
    assert coded(matcher, nlp, "Bosnian Serbs attacked.", dt.date(1993, 6, 1)) == [
        ("Bosnian Serbs", "SRPUNR")]


def test_demonyms_only_add_names_to_phoenix_countries(phoenix_paths: list[Path]) -> None:
    phoenix = ActorDictionary.load(phoenix_paths[:1], strict=True)
    merged = ActorDictionary.load(phoenix_paths[:2], strict=True)
    for record in records(DATA_DIR / "demonyms.jsonl"):
        before, after = phoenix.get(record["id"]), merged[record["id"]]
        assert after.kind == "country", record["id"]
        if before is not None:  # a merge: the roles stay the Phoenix entry's own
            assert after.roles == before.roles, record["id"]


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: p.name)
def test_hand_written_records_say_why(path: Path) -> None:
    for record in records(path):
        assert record.get("note"), record["id"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The State Department said.", [("State Department", "USAGOV")]),
    ("The Justice Department sued.", [("Justice Department", "USAGOV")]),
    ("ICE detained dozens.", [("ICE", "USAGOV")]),
    ("U.S. Immigration and Customs Enforcement said.",
     [("U.S. Immigration and Customs Enforcement", "USAGOV")]),
    ("USAID cut funding.", [("USAID", "USAGOVDEV")]),
    ("The ELN attacked a pipeline.", [("ELN", "COLREB")]),
    ("The African Union condemned it.", [("African Union", "IGOAFRAFU")]),
    ("G7 leaders met.", [("G7", "IGOGOS")]),
    ("The IRGC fired missiles.", [("IRGC", "IRNMIL")]),
    ("The SBU detained him.", [("SBU", "UKRSPY")]),
    ("The Verkhovna Rada voted.", [("Verkhovna Rada", "UKRLEG")]),
    ("The YPG withdrew.", [("YPG", "SYRREB")]),
    ("UNRWA said.", [("UNRWA", "IGOUNOREF")]),
    ("Tren de Aragua members fled.", [("Tren de Aragua", "VENCRM")]),
    ("The Sinaloa Cartel and CJNG clashed.",
     [("Sinaloa Cartel", "MEXCRM"), ("CJNG", "MEXCRM")]),
    ("Africa Corps troops arrived.", [("Africa Corps troops", "RUSMIL")]),
])
def test_additions(matcher: ActorMatcher, nlp: Language, text: str,
                   expected: list[tuple[str, str]]) -> None:
    assert coded(matcher, nlp, text) == expected
