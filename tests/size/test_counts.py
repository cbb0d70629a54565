"""The size stage reads counts by form (team-written sentences in sentences.py)."""

import pytest
from sentences import FORMS, NO_COUNTS

from eventwire.size import find_counts
from eventwire.size.lexicon import CountWords, LexiconError
from eventwire.size.numbers import amounts, read_words

CASES = [(form, text, expected) for form, items in FORMS.items() for text, expected in items]


def totals(doc, words):
    found = {}
    for count in find_counts(doc, words):
        found[count.field] = found.get(count.field, 0) + count.value
    return found


@pytest.mark.parametrize(("form", "text", "expected"), CASES,
                         ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_each_form_gives_its_counts(nlp, words, form, text, expected):
    assert totals(nlp(text), words) == expected


@pytest.mark.parametrize("text", NO_COUNTS)
def test_numbers_that_count_no_casualties_give_none(nlp, words, text):
    assert find_counts(nlp(text), words) == []


@pytest.mark.parametrize(("words_", "value", "approximate"), [
    (["1,250"], 1250, False), (["twenty", "five"], 25, False),
    (["one", "hundred", "twenty"], 120, False), (["a", "dozen"], 12, False),
    (["half", "a", "dozen"], 6, False), (["two", "dozen"], 24, False),
    (["dozens"], 24, True), (["scores"], 40, True), (["hundreds"], 200, True),
    (["tens", "thousands"], 20000, True), (["1.5", "million"], 1_500_000, False),
    (["fifteen", "hundred"], 1500, False),
])
def test_number_words_are_read(words_, value, approximate):
    assert read_words(words_) == (value, approximate)


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("At least 9 were killed.", "at least", 9),
    ("More than 1,300 were detained.", "more than", 1300),
    ("Nearly forty were wounded.", "nearly", 40),
    ("Up to 70 died.", "up to", 70),
    ("Some 15 people were hurt.", "some", 15),
])
def test_qualifiers_are_kept_with_the_number(nlp, words, text, qualifier, value):
    (count,) = find_counts(nlp(text), words)
    assert (count.qualifier, count.value) == (qualifier, value)
    assert nlp(text)[count.start:count.end].text.lower().startswith(qualifier)


def test_vague_amounts_are_flagged_not_guessed(nlp, words):
    (count,) = find_counts(nlp("Soldiers detained hundreds of men in the valley."), words)
    assert (count.field, count.value, count.approximate) == ("arrested", 200, True)


def test_percentages_money_and_ordinals_are_no_amounts(nlp):
    doc = nlp("Prices rose 30 percent, the bank lent $400 and it was the 5th rise.")
    assert [doc[a.start:a.end].text for a in amounts(doc)] == []


def test_a_subset_of_a_count_is_not_added(nlp, words):
    doc = nlp("The raid killed 20 people, including 6 children.")
    assert [(c.field, c.value) for c in find_counts(doc, words)] == [("dead", 20)]


def test_the_words_file_names_file_and_line_in_errors():
    with pytest.raises(LexiconError, match=r"w.tsv:2: field 'killed' is not one of"):
        CountWords.parse("kill\tdead\tverb\nslay\tkilled\tverb\n", "w.tsv")
