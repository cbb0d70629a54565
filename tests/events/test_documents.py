"""A document no actor owns speaks for the actor its own clause names."""

from __future__ import annotations


def test_a_report_released_in_a_capital_speaks_for_its_country(dyads):
    found = dyads("A report released on Tuesday in the Rwandan capital alleged that France "
                  "was aware of preparations for the genocide.", date="2008-08-05")
    assert ("RWA", "FRA", "110") in found


def test_a_report_issued_by_a_body_speaks_for_it(dyads):
    found = dyads("A report issued by the United Nations accused Israel of war crimes.")
    assert [f[:2] for f in found] == [("IGOUNO", "ISR")]


def test_a_document_naming_no_actor_has_no_source(dyads):
    assert dyads("The report accused Israel of war crimes.") == []
