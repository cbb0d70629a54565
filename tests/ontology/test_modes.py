"""PLOVER modes follow the manual's tables per type; auxiliary modes follow modality."""

import pytest

from eventwire.ontology import default_ontology
from eventwire.ontology.modes import MODES, auxiliary_mode, checked_mode


def test_every_mode_the_coder_can_give_is_the_manuals():
    for entry in default_ontology():
        mode = checked_mode(entry.plover or None, entry.plover_mode or None)
        if mode is not None:
            assert mode in MODES[entry.plover], (entry.code, entry.plover, mode)


@pytest.mark.parametrize(("plover", "mode", "expected"), [
    ("ASSAULT", "assassinate", "targeted"), ("ASSAULT", "massacre", "targeted"),
    ("COERCE", "ban", "restrict"), ("ASSAULT", "pro_autocracy", None),
    ("ASSAULT", "cleansing", None), ("CONSULT", "visit", "visit"),
    ("AGREE", "visit", None), (None, "visit", None),
])
def test_crosswalk_modes_are_read_as_the_manuals(plover, mode, expected):
    assert checked_mode(plover, mode) == expected


@pytest.mark.parametrize(("modality", "plover", "expected"), [
    ("negated", "ASSAULT", "negated"), ("hypothetical", "ASSAULT", "hypothetical"),
    ("historical", "PROTEST", "historical"), ("announced", "AID", "future"),
    ("future", "RETREAT", "future"), ("future", "AGREE", None),
    ("future", "THREATEN", None), ("threat", "THREATEN", None), (None, "ASSAULT", None),
])
def test_auxiliary_modes(modality, plover, expected):
    assert auxiliary_mode(modality, plover) == expected
