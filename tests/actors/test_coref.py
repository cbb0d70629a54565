"""In-article references: pronouns and definite descriptions, through the real coder."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.coref import Antecedent, ArticleMemory

STORY = ("Israel pulled out of talks in Qatar. The prime minister criticized Hamas. "
         "It also accused Iran of arming the group.")


@pytest.fixture(scope="module")
def story_events():
    return eventwire.code_text(STORY, date="2024-03-26")


def test_the_prime_minister_is_placed_in_the_story_country(story_events):
    criticized = [e for e in story_events if e.trigger.text == "criticized"]
    assert [(e.source.code, e.source.text) for e in criticized] == \
        [("ISRGOV", "prime minister")]
    assert criticized[0].source.rule.startswith("coref:the -> ")


def test_it_refers_to_the_acting_country_not_the_last_object(story_events):
    accused = [e for e in story_events if e.trigger.text == "accused"]
    assert [(e.source.code, e.source.text, e.target.code) for e in accused] == \
        [("ISR", "It", "IRN")]
    start = STORY.index("It also")
    assert (accused[0].source.start, accused[0].source.end) == (start, start + 2)


def test_he_refers_to_a_person_and_it_never_does():
    memory = ArticleMemory()
    memory.observe(Antecedent("ISRGOV", "person", "a:1", "Netanyahu", subject=True))
    memory.observe(Antecedent("GOV", "agent", "b:2", "minister", subject=True))
    memory.observe(Antecedent("IRN", "country", "c:3", "Iran"))
    assert memory.resolve("he").code == "ISRGOV"
    assert memory.resolve("it").code == "IRN"
    assert memory.resolve("country", "the").code == "IRN"
    assert memory.resolve("country") is None
    assert memory.resolve("Tehran") is None


def test_a_subject_wins_over_a_more_recent_object():
    memory = ArticleMemory()
    memory.observe(Antecedent("ISR", "country", "a:1", "Israel", subject=True))
    memory.observe(Antecedent("PSEREBHMS", "organization", "b:2", "Hamas"))
    assert memory.resolve("they").code == "ISR"
    assert memory.latest_country().code == "ISR"


def test_a_title_before_a_name_takes_the_country_named_earlier_in_the_sentence():
    events = eventwire.code_text(
        "Opposition groups in Zimbabwe demanded that President Zondo abandon the policy.",
        date="2024-03-26")
    demanded = [e for e in events if e.trigger.text == "demanded"]
    assert demanded and demanded[0].target.code == "ZWEGOV"


def test_an_indefinite_untitled_agent_stays_unplaced():
    events = eventwire.code_text("Zimbabwe arrested protesters on Monday.", date="2024-03-26")
    arrests = [e for e in events if e.trigger.text == "arrested" and e.cameo == "175"]
    assert [e.target.code for e in arrests] == ["---OPP"]


def test_a_title_with_no_country_before_it_takes_the_next_one_in_its_sentence():
    events = eventwire.code_text("President Zondo eased the curfew in Sudan.",
                                 date="2024-03-26")
    assert [e.source.code for e in events if e.trigger.text == "eased"] == ["SDNGOV"]


def test_the_government_does_not_take_a_later_country():
    events = eventwire.code_text("The government expressed appreciation for China's aid.",
                                 date="2024-03-26")
    assert all(not e.source.code.startswith("CHN") for e in events if e.source)


def test_his_country_is_the_country_of_the_person_his_stands_for():
    events = eventwire.code_text("Prime Minister Vladimir Putin said his country will not "
                                 "lift the ban.", date="2010-03-26")
    lifted = [e for e in events if e.trigger.text == "lift"]
    assert [(e.source.code, e.cameo[:2]) for e in lifted] == [("RUS", "12")]
    assert "the person's country" in lifted[0].source.rule


def test_the_country_of_an_official_is_the_country_not_the_official():
    events = eventwire.code_text("Israel's prime minister said his country would attack "
                                 "Gaza.", date="2010-03-26")
    assert ("ISR", "PSEGZA") in {(e.source.code, e.target and e.target.code) for e in events}


@pytest.mark.parametrize(("text", "sources"), [
    ("Russia and China said they oppose the sanctions on Iran.", {"RUS", "CHN"}),
    ("Obama and Putin said they will attack Iraq.", {"USAGOV", "RUSGOV"}),
])
def test_they_after_a_list_in_its_sentence_is_the_whole_list(text, sources):
    events = eventwire.code_text(text, date="2014-03-26")
    assert {e.source.code for e in events} == sources
    assert all(e.source.rule.startswith("coref:they -> ") for e in events)


def test_they_with_no_list_before_it_is_one_actor():
    events = eventwire.code_text("Israel said they would hold talks with Hamas.",
                                 date="2014-03-26")
    assert {e.source.code for e in events if e.source.text == "they"} == {"ISR"}


@pytest.mark.parametrize(("text", "source"), [
    ("The Security Council condemned Israel. The resolution demanded a ceasefire.", "IGOUNO"),
    ("The African Union met in Addis Ababa. The declaration urged Sudan to end the war.",
     "IGOAFRAFU"),
])
def test_a_document_speaks_for_the_body_that_issued_it(text, source):
    events = eventwire.code_text(text, date="2024-01-01")
    second = [e for e in events if e.sentence_index == 1]
    assert second and {e.source.code for e in second} == {source}
    assert all(e.source.antecedent is not None for e in second)


def test_a_document_with_no_body_before_it_stays_unresolved():
    assert ArticleMemory().resolve("resolution", "the") is None
    memory = ArticleMemory()
    memory.observe(Antecedent("ISR", "country", "c:1", "Israel", subject=True))
    assert memory.resolve("resolution", "the") is None
