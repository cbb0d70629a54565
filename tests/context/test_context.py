"""PLOVER contexts: keywords from the manual, the learned model, and where each came from."""

import json

import pytest

from eventwire.context import ContextCoder, canonical
from eventwire.context.keywords import KeywordError, Keywords
from eventwire.context.model import ContextModel, ContextModelError, features
from eventwire.context.names import CONTEXTS


@pytest.fixture(scope="module")
def coder():
    return ContextCoder.load()


def test_the_table_has_the_manuals_37_contexts():
    assert len(CONTEXTS) == 37 and len(set(CONTEXTS)) == 37
    assert {"military", "election", "human_rights", "cyber", "trafficking"} <= set(CONTEXTS)


def test_crosswalk_spellings_are_read_as_the_tables_names():
    assert canonical("humanitarian") == "human_security"
    assert canonical("democracy") == "pro_democracy"
    assert canonical("no_such_context") is None


@pytest.mark.parametrize(("text", "context"), [
    ("Voters in the north cast their ballots in the runoff on Sunday.", "election"),
    ("The electoral commission delayed the count of the presidential vote.", "election"),
    ("Refugees from the fighting crossed into the neighbouring state.", "migration"),
    ("Thousands were displaced by the offensive and sheltered in camps.", "migration"),
    ("Hackers took the ministry's websites offline for two days.", "cyber"),
    ("The central bank let the currency float as inflation soared.", "economic"),
    ("Police seized heroin hidden in a lorry at the port.", "illegal_drugs"),
    ("The judge adjourned the trial of the former governor.", "legal"),
])
def test_a_sentence_gets_the_context_its_words_say(coder, text, context):
    assert context in coder.of_text(text)


def test_a_plain_sentence_gets_no_context(coder):
    assert coder.of_text("The spokesman spoke to reporters on Friday.") == {}


def test_an_article_context_needs_two_sentences_or_the_title(coder):
    sentences = [coder.of_text(t) for t in (
        "Voters queued outside polling stations.", "The candidate thanked voters.",
        "Rebels shelled the town.")]
    article = coder.of_article(sentences, title=None)
    assert "election" in article and "military" not in article
    assert "economic" in coder.of_article([{}], title="Inflation hits record as currency slides")


def test_an_event_marks_sentence_and_article_contexts_apart(coder):
    found = coder.for_event({"military": "keyword:troops"}, {"election": "article:title"},
                            code_contexts=["humanitarian"], actor_codes=["SYRJUD"])
    by_name = {f.name: (f.source, f.evidence) for f in found}
    assert by_name == {"military": ("sentence", "keyword:troops"),
                       "human_security": ("sentence", "code"),
                       "legal": ("sentence", "sector:JUD"),
                       "election": ("article", "article:title")}


def test_a_bare_military_sector_is_not_a_states_army(coder):
    assert coder.for_event({}, {}, actor_codes=["MILREB"]) == []
    assert [f.name for f in coder.for_event({}, {}, actor_codes=["RUSMIL"])] == ["military"]


def test_either_evidence_can_be_switched_off_for_an_ablation():
    keywords_only = ContextCoder(Keywords.load(), None)
    assert all(e.startswith("keyword:") for e in keywords_only.of_text(
        "Troops and refugees crossed the border after the election.").values())


def test_the_model_features_need_no_parse():
    assert "w=refugees" in features("Refugees fled.")
    assert "s=refug" in features("Refugees fled.")
    assert "k=migration" in features("Refugees fled.", ["migration"])


def test_the_shipped_model_says_what_it_was_trained_on():
    model = ContextModel.load()
    assert model.metadata["sentences"] >= 300
    assert "training/context" in model.metadata["data"]
    assert set(model.labels) == set(CONTEXTS)


def test_a_broken_model_file_names_itself(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": "something else"}))
    with pytest.raises(ContextModelError, match="model.json: not a context model"):
        ContextModel.load(path)


def test_a_keyword_line_with_an_unknown_context_names_file_and_line():
    with pytest.raises(KeywordError, match=r"k.tsv:2: 'sport' is not a PLOVER context"):
        Keywords.parse("election\tvote\nsport\tfootball\n", "k.tsv")
