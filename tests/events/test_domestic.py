"""An unplaced group making claims on a state's institutions is that state's own."""

from __future__ import annotations

import dataclasses

import eventwire
from eventwire.coder import Coder


def dyads(text: str, coder: Coder | None = None) -> list[tuple]:
    article = eventwire.Article(id="t", text=text, date="2000-01-01")
    events = (coder.code_article(article) if coder
              else eventwire.code_text(text, date="2000-01-01"))
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo[:2],
             e.source and e.source.rule) for e in events]


def test_a_group_demanding_of_a_government_is_its_own():
    found = dyads("Islamic fundamentalists demanded the resignation of the Algerian "
                  "President Ahmed Ben Bella.")
    assert [d[:3] for d in found] == [("DZAMUS", "DZAELI", "10")]
    assert "home of" in found[0][3]


def test_the_stage_can_be_turned_off():
    coder = Coder.load()
    coder = coder.with_rules(dataclasses.replace(coder.rules, domestic=False))
    found = dyads("Islamic fundamentalists demanded the resignation of the Algerian "
                  "President Ahmed Ben Bella.", coder)
    assert [d[:3] for d in found] == [("---MUS", "DZAELI", "10")]


def test_an_attack_on_a_government_does_not_place_the_attackers():
    found = dyads("Gunmen attacked the Algerian president's convoy.")
    assert all(d[0].startswith("---") for d in found if d[2] == "19")


def test_a_claim_on_a_country_with_no_institution_places_no_one():
    found = dyads("Islamic fundamentalists demanded that Algeria release prisoners.")
    assert found and all(d[0] == "---MUS" for d in found)


def test_a_bare_state_body_is_not_placed():
    found = dyads("The parliament criticized the Algerian president.")
    assert [d[:3] for d in found] == [("---LEG", "DZAGOV", "11")]
