"""PLOVER types that follow the manual's text where the crosswalk says otherwise."""

from __future__ import annotations

import eventwire
from eventwire.ontology import default_ontology


def types(text: str) -> list[tuple]:
    return [(e.cameo[:2], e.plover, e.plover_mode)
            for e in eventwire.code_text(text, date="2003-11-23")]


def test_a_resignation_is_a_retreat_with_the_resign_mode():
    assert ("08", "RETREAT", "resign") in types(
        "Georgian President Eduard Shevardnadze resigned on Sunday.")


def test_stepping_down_is_a_resignation():
    assert ("08", "RETREAT", "resign") in types("The Israeli prime minister stepped down.")


def test_refusing_to_resign_is_still_a_rejection():
    assert [t[1] for t in types("The Georgian president refused to resign.")] == ["REJECT"]


def test_lifting_a_curfew_is_a_concession_marked_as_the_manuals():
    curfew = default_ontology().get("0813")
    assert (curfew.plover, curfew.plover_from) == ("CONCEDE", "manual")
    assert ("08", "CONCEDE", None) in types("Sudan lifted the curfew in Khartoum.")


def test_occupying_territory_is_an_assault_as_the_manual_translates_cameo_19():
    occupy = default_ontology().get("192")
    assert (occupy.plover, occupy.plover_from) == ("ASSAULT", "manual")
    assert ("19", "ASSAULT", None) in types("Burmese troops captured a rebel stronghold.")


def test_an_arrest_in_an_area_is_no_occupation():
    assert [t[:2] for t in types("Israeli soldiers arrested 100 Palestinians in a sweep "
                                 "of the Hebron area.")] == [("17", "COERCE")]


def test_imposing_sanctions_is_a_sanction_as_the_manual_codes_international_sanctions():
    sanctions = default_ontology().get("163")
    assert (sanctions.plover, sanctions.plover_mode, sanctions.plover_from) == (
        "SANCTION", "discontinue", "manual")
    assert ("16", "SANCTION", "discontinue") in types(
        "Britain imposed sanctions on the Belarusian president.")
