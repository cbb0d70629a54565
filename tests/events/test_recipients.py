"""An event with no target is aimed at whom its purpose, cause or condition names."""

from __future__ import annotations

import eventwire
from eventwire.coder import Coder
from eventwire.events.records import CodingRules


def dyads(text: str, coder: Coder | None = None) -> list[tuple]:
    events = (coder.code_article(eventwire.Article(id="t", text=text, date="2000-01-01"))
              if coder else eventwire.code_text(text, date="2000-01-01"))
    return [(e.source and e.source.code, e.target and e.target.code, e.cameo[:2],
             e.target and e.target.rule) for e in events]


def test_a_strike_is_aimed_at_whom_its_purpose_protests():
    found = dyads("Ethnic Turks began a hunger strike on Monday to protest against "
                  "Sweden's decision to send them back.")
    strike = [d for d in found if d[2] == "14"]
    assert [d[:2] for d in strike] == [("TUR", "SWE")]
    assert "target of its purpose" in strike[0][3]


def test_an_in_protest_of_phrase_names_the_target():
    found = dyads("Chechen refugees in Moscow started a hunger strike in protest of "
                  "the Russian government's refusal to talk.")
    assert ("RUSGOV", "14") in [(d[1], d[2]) for d in found]


def test_a_threat_is_aimed_at_the_subject_of_its_condition():
    found = dyads("Russia threatened to stop negotiations if the United States goes "
                  "ahead with the deployment.")
    assert [d[:3] for d in found] == [("RUS", "USA", "13")]
    assert "target from its condition" in found[0][3]


def test_an_unconditional_act_takes_no_target_from_an_if_clause():
    found = dyads("Russia stopped the negotiations, and Iran said it would talk if "
                  "the United States asked.")
    assert ("RUS", "USA") not in [d[:2] for d in found]


def test_the_rule_can_be_turned_off():
    coder = Coder.load()
    coder = coder.with_rules(CodingRules(recipients=False))
    found = dyads("Russia threatened to stop negotiations if the United States goes "
                  "ahead with the deployment.", coder)
    assert [d[:2] for d in found] == [("RUS", None)]


def test_a_purpose_is_aimed_where_the_act_it_serves_was():
    found = dyads("The IAEA dispatched inspectors to Iran to monitor the plant.")
    monitor = [d for d in found if d[2] == "09"]
    assert [d[1] for d in monitor] == ["IRN"]
    assert "target of the act it serves" in monitor[0][3]


def test_a_place_target_gives_way_to_the_party_a_defiance_phrase_names():
    found = dyads("Thousands of people blocked streets in Hong Kong in defiance of "
                  "Chinese authorities.")
    assert [d[1:3] for d in found] == [("CHNGOV", "14")]
    assert "target of 'in defiance'" in found[0][3]


def test_a_place_target_stays_when_nothing_coded_is_named_instead():
    found = dyads("Thousands of people blocked streets in Hong Kong to protest.")
    assert {d[1:3] for d in found} == {("HKG", "14")}


def test_a_protest_is_aimed_at_whom_its_participle_claims_against():
    found = dyads("Thousands of protesters rallied in Cairo, demanding the resignation "
                  "of the Egyptian president.")
    rally = [d for d in found if d[2] == "14" and "claim it makes" in (d[3] or "")]
    assert [d[1] for d in rally] == ["EGYGOV"]
