"""Names the dictionaries lack still act, uncoded, through the real coder."""

from __future__ import annotations

import eventwire
from eventwire.coder import Coder
from eventwire.events.named import RULE
from eventwire.events.records import CodingRules
from eventwire.schema import Article


def events(text: str):
    return eventwire.code_text(text, date="2024-03-26")


def test_an_unknown_name_is_an_uncoded_source_with_its_text_and_rule():
    [event] = events("The Zorblax Front declared a ceasefire.")
    assert event.cameo == "0871"
    assert (event.source.text, event.source.code, event.source.rule) == (
        "Zorblax Front", "", RULE)


def test_an_unknown_name_can_be_the_target_of_a_coded_actor():
    found = {(e.source.code, e.target and e.target.text, e.cameo_root)
             for e in events("Germany sent aid to the Zorblax Front.")}
    assert ("DEU", "Zorblax Front", "07") in found


def test_a_name_inside_a_coded_phrase_is_left_to_the_coded_actor():
    visit, hosting = events("French Foreign Minister Jean Truffolo visited Berlin.")
    assert visit.source.code.startswith("FRA") and visit.cameo == "042"
    assert (hosting.source.code, hosting.cameo) == ("DEU", "043")  # the pair code [042:043]


def test_a_coded_actor_in_a_later_phrase_is_preferred_to_an_uncoded_one():
    found = {(e.source.code, e.target and e.target.code) for e in events(
        "Russia met Zorblax Front leaders and Chinese officials.")}
    assert all("RUS" in dyad and "" not in dyad for dyad in found)


def test_month_names_are_not_actors():
    assert not events("March declared a ceasefire.")


def test_the_stage_can_be_turned_off():
    coder = Coder.load().with_rules(CodingRules(named=False))
    article = Article(id="a", text="The Zorblax Front declared a ceasefire.", date="2024-03-26")
    assert coder.code_article(article) == []


def test_a_proper_noun_before_a_word_for_a_body_names_it_and_it_can_be_referred_to():
    [event] = [e for e in events("The Zorblax party said it will boycott Algeria's elections "
                                 "unless the president resigns.") if e.cameo_root == "13"]
    assert (event.source.text, event.source.code, event.target.code) == ("it", "", "DZA")
    assert event.source.rule.startswith("coref:it -> ")


def test_a_body_named_with_a_parenthesis_is_still_named():
    events = eventwire.code_text("The Umma (Nation) party said it will boycott Algeria's "
                                 "elections unless the president resigns.", date="1991-06-01")
    assert [(e.source.code, e.target.code, e.cameo[:2]) for e in events] == [("", "DZA", "13")]


def test_a_group_after_non_is_not_that_group():
    found = eventwire.code_text("Al-Shabab claimed responsibility for an attack targeting "
                                "non-Muslims at a mall in Kenya's capital.", date="2013-09-22")
    targets = {e.target.code for e in found if e.target}
    assert "KEN" in targets
    assert not [e for e in found if e.target and "Muslims" in e.target.text]
