"""A coder over a user's TABARI dictionaries codes as PETRARCH does (real parse)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.coder import Coder
from eventwire.schema import Article

VERBS = """\
--- FREE [066] ---
FREE
- + * FROM $ [084]

--- DISPATCH [042] ---
DISPATCH
- * ENVOY [043]
- * ENVOYS [044]
- *_NEW ENVOYS [045]

--- PROMISE [030] ---
PROMISE

--- CRITICIZE [111] ---
CRITICIZE
- * OVER [112]

--- BARGAIN [031] ---
BARGAIN
- * FOR ASYLUM [174K]

--- SIGN [057] ---
SIGN

--- REGRET [112] ---
REGRET
- NOTED + * [115]

--- ATTACK [190] ---
ATTACK

--- SAY [010] ---
SAY

--- LEAVE [012] ---
LEAVE

--- LEFT [032:033] ---
LEFT
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Coder:
    folder: Path = tmp_path_factory.mktemp("tabari")
    (folder / "verbs.txt").write_text(VERBS, encoding="utf-8")
    actors = "ARNOR [ARN]\nGONDOR [GON]\nNORTH GONDOR [GON]\nROHAN [ROH]\n"
    (folder / "actors.txt").write_text(actors, encoding="utf-8")
    (folder / "agents.txt").write_text("OFFICIAL [~GOV]\n", encoding="utf-8")
    return Coder.from_tabari(verbs=folder / "verbs.txt", actors=[folder / "actors.txt"],
                             agents=folder / "agents.txt")


def triples(coder: Coder, text: str) -> set[tuple]:
    events = coder.code_article(Article(id="t", text=text, date="2020-01-01"))
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo) for e in events}


def test_pattern_markers_place_the_source_and_target(coder: Coder):
    # '+ * FROM $': the freed are the target, whoever they were freed from the source
    assert triples(coder, "Gondor was freed from Arnor.") == {("ARN", "GON", "084")}


def test_words_match_as_written(coder: Coder):
    assert triples(coder, "Arnor dispatched envoys to Gondor.") == {("ARN", "GON", "044")}


def test_an_underscore_joins_a_word_to_the_verb(coder: Coder):
    assert triples(coder, "Arnor dispatched new envoys to Gondor.") == {("ARN", "GON", "045")}
    assert triples(coder, "Arnor dispatched two new envoys to Gondor.") == {
        ("ARN", "GON", "044")}


def test_a_future_act_keeps_its_dictionary_code(coder: Coder):
    assert triples(coder, "Arnor will attack Gondor.") == {("ARN", "GON", "190")}


def test_an_event_without_a_target_is_dropped_when_a_dyad_is_required(coder: Coder):
    assert triples(coder, "Arnor promised today.") == set()
    lenient = coder.with_rules(dataclasses.replace(coder.rules, require_dyad=False))
    assert triples(lenient, "Arnor promised on Saturday.") == {("ARN", None, "030")}


def test_a_statement_is_kept_beside_what_it_reports_without_the_report_as_target(
        coder: Coder):
    found = triples(coder, "Arnor attacked Gondor, Rohan said on Saturday.")
    assert ("ARN", "GON", "190") in found
    assert not [t for t in found if t[0] == "ROH" and t[1] == "ARN"]


def test_a_listed_form_wins_over_the_lemma_and_a_paired_code_codes_both_sides(coder: Coder):
    assert triples(coder, "Arnor left Gondor.") == {("ARN", "GON", "032"),
                                                     ("GON", "ARN", "033")}


def test_a_passive_without_an_agent_is_read_as_active(coder: Coder):
    assert triples(coder, "Arnor was criticized over its dispute with Gondor.") == {
        ("ARN", "GON", "112")}


def test_a_code_with_a_letter_is_kept_as_written(coder: Coder):
    assert triples(coder, "Arnor will bargain for asylum in Gondor.") == {("ARN", "GON", "174K")}


def test_a_target_may_come_from_the_infinitive_after_the_verb(coder: Coder):
    assert triples(coder, "Arnor signed an accord on Thursday to supply Gondor with wheat.") \
        == {("ARN", "GON", "057")}


def test_words_joined_by_underscores_are_read_apart(coder: Coder):
    assert triples(coder, "Arnor attacked North_Gondor.") == {("ARN", "GON", "190")}


def test_new_actor_length_makes_short_uncoded_phrases_actors(coder: Coder):
    assert triples(coder, "The Ministry of Magic attacked Gondor.") == set()
    lenient = coder.with_rules(dataclasses.replace(coder.rules, new_actor_length=4))
    assert triples(lenient, "The Ministry of Magic attacked Gondor.") == {
        ('"THE MINISTRY OF MAGIC"', "GON", "190")}
    long_phrase = triples(lenient, "The big bad old Ministry of Magic attacked Gondor.")
    assert not [t for t in long_phrase if "MINISTRY" in (t[0] or "")]


def test_a_marked_target_that_was_the_subject_leaves_the_source_to_the_clause_above(
        coder: Coder):
    assert triples(coder, "Rohan noted that Gondor regretted the refusal of Arnor.") == {
        ("ROH", "GON", "115")}
