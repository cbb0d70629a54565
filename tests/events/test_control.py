"""Acts told in a complement: who does them, and whether they happened."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("The ruling led France to accuse Italy of breaking EU law.", ("FRA", "ITA", "112")),
    ("The attack forced Kenya to close its border with Somalia.", ("KEN", None, "172")),
    ("The remarks prompted Algeria to recall its ambassador from Mali.", ("DZA", None, "161")),
    ("The shelling drove Ukraine to request more air defence from Germany.",
     ("UKR", "DEU", "0")),
])
def test_a_causative_verb_makes_its_object_do_the_act(dyads, text, expected):
    source, target, code = expected
    assert any(s == source and (target is None or t == target) and c.startswith(code)
               for s, t, c in dyads(text)), dyads(text)


@pytest.mark.parametrize(("text", "source"), [
    ("Russian troops were able to capture the town of Bakhmut.", "RUSMIL"),
    ("Rebels managed to seize the airport in Goma.", "---REB"),
])
def test_an_act_one_was_able_to_do_is_done(dyads, text, source):
    assert any(s == source and c.startswith("19") for s, _, c in dyads(text)), dyads(text)


def test_an_act_one_was_unable_to_do_is_not(dyads):
    assert not [c for _, _, c in dyads("The army was unable to retake the town from the "
                                       "rebels.") if c.startswith("19")]
