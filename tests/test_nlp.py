"""The first pass: sentences split where the text ends them, not inside a title."""

from __future__ import annotations

import pytest

from eventwire import nlp


def sentences(text: str) -> list[str]:
    return [sent.text for doc in nlp.split([text]) for sent in doc.sents]


@pytest.mark.parametrize("title", ["Lt. Gen.", "Col.", "Brig. Gen.", "Sgt."])
def test_a_title_abbreviation_does_not_end_the_sentence(title):
    text = f"{title} Prosper Avril resigned yesterday. He left the country."
    assert sentences(text) == [f"{title} Prosper Avril resigned yesterday.",
                               "He left the country."]


def test_a_blank_line_starts_a_sentence():
    assert sentences("Israel attacked Gaza\n\nHamas fired rockets.")[-1] == "Hamas fired rockets."


def test_a_double_dash_on_a_word_is_split_off():
    words = [token.text for doc in nlp.split(["Moscow and Beijing-- which resisted"])
             for token in doc]
    assert words == ["Moscow", "and", "Beijing", "--", "which", "resisted"]
