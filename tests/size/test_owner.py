"""A count belongs to the event it describes (size/owner.py)."""

import pytest

from eventwire.size import sizes_for


def sized(nlp, words, text, triggers):
    doc = nlp(text)
    index = {t.text: t.i for t in doc}
    sizes = sizes_for(doc, {index[w] for w in triggers}, words)
    return {doc[i].text: (s.dead, s.injured, s.arrested) for i, s in sizes.items()}


@pytest.mark.parametrize(("text", "triggers", "expected"), [
    ("Troops arrested 15 men after a blast that killed 22.", ["arrested", "blast"],
     {"arrested": (None, None, 15), "blast": (22, None, None)}),
    ("Police detained 9 youths following clashes that left 4 dead.", ["detained", "clashes"],
     {"detained": (None, None, 9), "clashes": (4, None, None)}),
    ("The minister condemned the raid that killed 11 farmers.", ["condemned", "raid"],
     {"raid": (11, None, None)}),
])
def test_each_event_gets_its_own_counts(nlp, words, text, triggers, expected):
    assert sized(nlp, words, text, triggers) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Rebels attacked a village, killing 8 and wounding 3.", "attacked", (8, 3, None)),
    ("Nine people were killed when a bomb exploded at a café.", "exploded", (9, None, None)),
    ("The death toll from the ambush rose to 31.", "ambush", (31, None, None)),
    ("Eleven were killed in the shelling of the port.", "shelling", (11, None, None)),
])
def test_a_count_reaches_its_event_inside_the_clause(nlp, words, text, trigger, expected):
    assert sized(nlp, words, text, [trigger]) == {trigger: expected}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police arrested 4 men after gunmen killed 6 people.", "arrested"),
    ("The army denied that soldiers killed 40 villagers.", "denied"),
    ("Officers detained the 3 men who shot 5 people.", "detained"),
])
def test_a_count_never_crosses_into_another_happening(nlp, words, text, trigger):
    found = sized(nlp, words, text, [trigger])
    assert found.get(trigger, (None, None, None))[0] is None


def test_groups_of_one_verb_add_up_and_restatements_do_not(nlp, words):
    assert sized(nlp, words, "The strike killed 7 soldiers and 4 civilians.", ["strike"]) == {
        "strike": (11, None, None)}


@pytest.mark.parametrize(("text", "triggers", "expected"), [
    ("Militias raided the market, killing 6 traders and wounding 2.",
     ["raided", "killing", "wounding"], {"raided": (6, 2, None)}),
    ("Jets struck the depot on Monday, killing 5 guards.", ["struck", "killing"],
     {"struck": (5, None, None)}),
])
def test_a_result_participle_counts_for_the_event_it_ends(nlp, words, text, triggers,
                                                          expected):
    assert sized(nlp, words, text, triggers) == expected


def test_a_participle_of_time_keeps_its_own_count(nlp, words):
    found = sized(nlp, words, "Police arrested 3 men after killing 2 robbers.",
                  ["arrested", "killing"])
    assert found.get("arrested") == (None, None, 3)
