"""The country of an actor code, as PLOVER and the evaluation read it."""

from __future__ import annotations

import pytest

from eventwire.actors.countries import country_of, names_state, plover_country, sector_of


@pytest.mark.parametrize(("code", "country", "sector"), [
    ("ISRGOV", "ISR", "GOV"),
    ("SCGSRB", "SRB", None),
    ("SCGSRBGOV", "SRB", "GOV"),
    ("SUNRUSLEG", "RUS", "LEG"),
    ("SUNGOV", "SUN", "GOV"),
    ("ETHERI", "ERI", None),
    ("ETHMUS", "ETH", "MUS"),
    ("IGOUNO", "IGO", "UNO"),
    ("", None, None),
])
def test_a_member_state_is_the_country_of_a_federation_code(code, country, sector):
    assert (country_of(code), sector_of(code)) == (country, sector)


@pytest.mark.parametrize(("code", "country"), [
    ("TMPGOV", "TLS"),
    ("IDNTMP", "TLS"),
    ("ANGREB", "AGO"),
    ("SCGKSV", "KOS"),
    ("PRI", "USA"),
    ("USRARMGOV", "ARM"),
    ("HKG", "HKG"),
    ("ISRGOV", "ISR"),
    (None, None),
])
def test_plover_countries_are_iso_codes_with_dependencies_folded(code, country):
    assert plover_country(code) == country


@pytest.mark.parametrize(("code", "state"), [
    ("ISRGOV", True), ("SCGSRB", True), ("PSEGZA", True),
    ("IGOUNO", False), ("NGOHRIAMN", False), ("IMGMUSISI", False), ("---GOV", False),
    ("", False), (None, False),
])
def test_a_code_names_a_state_unless_it_is_an_international_body_or_unplaced(code, state):
    assert names_state(code) is state
