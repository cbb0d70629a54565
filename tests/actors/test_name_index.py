"""NameIndex on its own: exact names, stems, and plurals made from exact names."""

from __future__ import annotations

from eventwire.actors.index import NameIndex


def best(index: NameIndex, text: str) -> tuple[int, int] | None:
    """(payload, length in tokens) of the best name at the start of ``text``."""
    match = index.best_at(tuple(text.split(" ")), 0)
    return None if match is None else (match.payload, match.end - match.start)


def test_plural_only_when_asked() -> None:
    index = NameIndex()
    index.add("albanian", 1, plural=True)
    index.add("knesset", 2)
    assert best(index, "albanians") == (1, 1)
    assert best(index, "albanian") == (1, 1)
    assert best(index, "knessets") is None


def test_plural_needs_a_long_plain_word() -> None:
    index = NameIndex()
    for payload, name in enumerate(["us", "thai", "laos", "u.s.", "serbian*"]):
        index.add(name, payload, plural=True)
    assert best(index, "uss") is None  # too short to be a nationality word
    assert best(index, "thais") == (1, 1)  # four letters is enough
    assert best(index, "laoss") is None  # already ends in "s"
    assert best(index, "u.s.s") is None  # not a word
    assert best(index, "serbians") == (4, 1)  # a stem takes its own endings...
    assert best(index, "serbianss") is None  # ...and gets no extra "s"


def test_plurals_that_are_other_words_are_not_made() -> None:
    index = NameIndex()
    index.add("male", 1, plural=True)  # the Maldives' capital
    assert best(index, "male") == (1, 1)
    assert best(index, "males") is None


def test_last_token_of_a_longer_name_takes_the_plural() -> None:
    index = NameIndex()
    index.add("south korean", 1, plural=True)
    index.add("south", 2)
    assert best(index, "south koreans") == (1, 2)
    assert best(index, "south koreas") == (2, 1)


def test_a_real_name_beats_a_made_plural() -> None:
    index = NameIndex()
    index.add("tartu", 1, plural=True)  # Estonia
    index.add("tartus", 2)  # Syria
    index.add("madeira", 3, plural=True)
    index.add("madeira*", 4)
    assert best(index, "tartus") == (2, 1)
    assert best(index, "madeiras") == (4, 1)  # a stem is a real name too
    assert index.full_matches(("tartus",)) == [2, 1]


def test_full_matches_finds_plurals() -> None:
    index = NameIndex()
    index.add("iraqi", 1, plural=True)
    index.add("sri lankan", 2, plural=True)
    assert index.full_matches(("iraqis",)) == [1]
    assert index.full_matches(("sri", "lankans")) == [2]
    assert index.full_matches(("sri", "lankanss")) == []


def test_a_listed_plural_nationality_word_matches_its_singular() -> None:
    index = NameIndex()
    index.add("maldivians", 1, plural=True)
    index.add("laos", 2, plural=True)
    index.add("swiss", 3, plural=True)
    assert best(index, "maldivian") == (1, 1)
    assert best(index, "lao") is None and best(index, "swis") is None
