"""Floors under the development-set figures in docs/ACCURACY.md: no silent regression.

Each floor is the level reached when it was last raised; raise it when the coder
improves (see `make accuracy`). The sets are read in place from ../shared/eval.
"""

from __future__ import annotations

import pytest

from eventwire.evaluate import evaluate_set, load_coder
from eventwire.evaluate.readers import eval_dir
from eventwire.evaluate.report import measures
from eventwire.evaluate.run import get_dev_set

# petrarch2_gsr is coded under the petrarch2 conventions, as its set defines (its
# codings are PETRARCH-2's output), and under eventwire's own, so neither regresses.
# Two of its codings contradict the CAMEO codebook ("pressured" is a demand, 100, not
# coercion; "the US State Department" is USAGOV, as Phoenix codes it), and names the
# dictionaries lack and the typer add events PETRARCH-2 does not make
# (docs/CODING.md, docs/DICTIONARIES.md). The eventwire precision floor went from 0.53
# to 0.519 on purpose: "Obama and Putin said they will attack Iraq" resolves "they" to
# both (two threats), where PETRARCH-2 codes two claims (015), as the petrarch2
# conventions now do.
FLOORS = {
    ("petrarch2_gsr", "petrarch2"): {"codings_found": 0.85, "triple_precision": 0.666},
    ("petrarch2_gsr", "eventwire"): {"codings_found": 0.662, "triple_precision": 0.519},
    ("plover", "eventwire"): {"type_found": 0.901, "type_and_actors": 0.777},
    ("penta", "eventwire"): {"macro_f1": 0.888, "accuracy": 0.886},
    ("dyads", "eventwire"): {"joined": 0.68},
    ("wire_stories", "eventwire"): {"recall": 0.45, "precision": 0.475},
}

pytestmark = pytest.mark.skipif(not eval_dir().is_dir(),
                                reason="the development sets (../shared/eval) are absent")


@pytest.fixture(scope="module")
def bundled_coder():
    return load_coder("bundled")


@pytest.mark.parametrize(("name", "conventions"), sorted(FLOORS))
def test_figures_stay_at_or_above_their_floor(name: str, conventions: str, bundled_coder):
    coder = bundled_coder.with_conventions(conventions)
    figures = {m.key: m.value for m in measures(evaluate_set(name, coder))}
    for key, floor in FLOORS[name, conventions].items():
        assert figures[key] >= floor, \
            f"{name} ({conventions}) {key} fell to {figures[key]:.3f} (< {floor})"


def test_petrarch_records_are_coded_under_petrarch2_conventions():
    assert get_dev_set("petrarch2_gsr").conventions == "petrarch2"
    assert {get_dev_set(name).conventions for name in ("plover", "penta")} == {"eventwire"}
