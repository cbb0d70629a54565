"""The learned typer codes sentences the verb dictionary leaves untyped (real coder, real model)."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.coder import Coder
from eventwire.evaluate import readers, run
from eventwire.events.records import CodingRules
from eventwire.events.typed import GENERAL_CODES, main_verb
from eventwire.nlp import load_pipeline, parse
from eventwire.schema import Article

ROUNDUP = "Kenyan police hauled away dozens of Somali migrants."


def typed(text: str, coder: Coder | None = None):
    article = Article(id="t", text=text, date="2024-03-26")
    found = (coder or Coder.load()).code_article(article) if coder else \
        eventwire.code_text(text, date="2024-03-26")
    return [e for e in found if e.rule.startswith("typer:")]


def test_an_untyped_sentence_gets_the_typers_general_code_and_its_provenance():
    events = typed(ROUNDUP)
    assert events, "the typer should type police hauling people away"
    assert [(e.source.code, e.target.code) for e in events] == [("KENCOP", "SOMCVL")]
    assert all(e.cameo == GENERAL_CODES["COERCE"] and e.plover == "COERCE" for e in events)
    assert all(e.rule.startswith("typer: COERCE p=") for e in events)
    assert events[0].trigger.text == "hauled"


def test_a_negated_main_verb_gets_no_typed_event():
    assert not typed("Kenyan police did not haul away Somali migrants.")


def test_the_stage_can_be_turned_off():
    assert not typed(ROUNDUP, Coder.load().with_rules(CodingRules(learned=False)))


def test_a_coder_over_tabari_dictionaries_codes_from_them_alone():
    folder = readers.eval_dir() / run.UNIT_DIR
    if not folder.is_dir():
        pytest.skip(f"no PETRARCH validation dictionaries at {folder}")
    coder = Coder.from_tabari(**run.unit_test_dictionaries())
    assert not (coder.rules.learned or coder.rules.named or coder.rules.senses)
    assert Coder.load().rules.learned


def test_the_main_verb_of_reported_speech_is_the_reported_verb():
    doc = next(iter(parse([load_pipeline()("Officials said the police arrested him.")[:]])))
    assert main_verb(doc).text == "arrested"


def test_a_verb_the_dictionary_coded_is_not_typed_again():
    text = "The government expressed appreciation for China's assistance."
    coded = eventwire.code_text(text, date="2024-03-26")
    assert [e.cameo for e in coded] == ["013"]


def test_a_statement_goes_when_the_typer_codes_what_was_said():
    events = eventwire.code_text("The ELN said it will hand over its remaining weapons to the "
                                 "United Nations next month, following through with a peace "
                                 "deal.", date="2017-07-25")
    assert [e.cameo[:2] for e in events] == ["03"]
    assert events[0].rule.startswith("typer: ")
