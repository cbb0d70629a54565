"""Scoring on hand-built events: no coder, no gold files."""

from __future__ import annotations

import pytest

from eventwire.evaluate import metrics
from eventwire.evaluate.readers import (
    Coding,
    GoldActor,
    PentaRecord,
    PetrarchRecord,
    PloverRecord,
)
from eventwire.schema import ActorRef, Event, TextSpan


def event(source: str | None, target: str | None, cameo: str = "010", *, plover: str | None = None,
          quad: int | None = None, root: bool = False, rule: str = "test:1") -> Event:
    def actor(code: str | None) -> ActorRef | None:
        return ActorRef(text=code, start=0, end=len(code), code=code) if code else None

    return Event(event_id="e", doc_id="d", sentence_index=0, sentence="s", source=actor(source),
                 target=actor(target), cameo=cameo, cameo_root=cameo[:2], plover=plover,
                 quad_class=quad, trigger=TextSpan(text="t", start=0, end=1), is_root=root,
                 rule=rule)


def unit(key: str, *codings: tuple[str, str, str], category: str = "DEMO") -> PetrarchRecord:
    return PetrarchRecord(id=key, key=key, origin=f"f.xml:{key}", date="1995-01-01", text="t",
                          codings=tuple(Coding(*c) for c in codings), category=category)


def plover(key: str, event_type: str, source: list[str], target: list[str]) -> PloverRecord:
    return PloverRecord(id=key, key=key, origin="p.jsonl:1", date=None, text="t",
                        event=event_type, source=tuple(GoldActor(c, c) for c in source),
                        target=tuple(GoldActor(c, c) for c in target))


def penta(key: str, label: int) -> PentaRecord:
    return PentaRecord(id=key, key=key, origin="p.tsv:2", text="t", label=label)


# --------------------------------------------------------------------------- PRF


def test_prf_rates_and_empty_denominators():
    prf = metrics.PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 3 / (2 * 3 + 1 + 2))
    assert metrics.PRF(fn=2).precision is None
    assert metrics.PRF(fn=2).f1 == 0.0
    assert metrics.PRF().f1 is None
    assert metrics.PRF(1, 2, 3) + metrics.PRF(1, 0, 0) == metrics.PRF(2, 2, 3)


def test_per_label_prf_and_macro_f1():
    pairs = [("A", "A"), ("A", "B"), ("B", None), ("C", "C")]
    per = metrics.per_label_prf(pairs)
    assert per == {"A": metrics.PRF(1, 0, 1), "B": metrics.PRF(0, 1, 1), "C": metrics.PRF(1, 0, 0)}
    assert metrics.macro_f1(per) == pytest.approx((2 / 3 + 0 + 1) / 3)


def test_headline_value_prefers_the_root_then_the_most_frequent():
    events = [event("A", "B", plover="AID"), event("A", "B", plover="AGREE"),
              event("A", "B", plover="AGREE")]
    assert metrics.headline_value(events, lambda e: e.plover) == "AGREE"
    events.append(event("A", "B", plover="AID", root=True))
    assert metrics.headline_value(events, lambda e: e.plover) == "AID"
    tie = [event("A", "B", plover="X"), event("A", "B", plover="Y")]
    assert metrics.headline_value(tie, lambda e: e.plover) == "X"
    assert metrics.headline_value([event("A", "B")], lambda e: e.plover) is None


# --------------------------------------------------------------------------- PETRARCH


def test_petrarch_exact_and_triples():
    records = [
        unit("ok", ("ARN", "GON", "064")),
        unit("miss", ("ARN", "GON", "064"), ("GON", "ARN", "064"), category="COMPOUND"),
        unit("none"),
        unit("extra"),
        unit("dyad", ("GON", "---", "222")),
    ]
    coded = [
        [event("ARN", "GON", "064"), event("ARN", "GON", "064")],  # duplicates count once
        [event("ARN", "GON", "064")],
        [],
        [event("ARN", "GON", "111")],
        [event("GON", None, "222")],  # a missing target is PETRARCH's ---
    ]
    scores = metrics.score_petrarch(records, coded)
    assert [r.exact for r in scores.results] == [True, False, True, False, True]
    assert (scores.exact, scores.records) == (3, 5)
    assert scores.exact_rate == pytest.approx(0.6)
    assert scores.triples == metrics.PRF(tp=3, fp=1, fn=1)
    assert scores.per_root == {"06": metrics.PRF(2, 0, 1), "11": metrics.PRF(0, 1, 0),
                               "22": metrics.PRF(1, 0, 0)}
    assert scores.per_category == {"COMPOUND": (0, 1), "DEMO": (3, 4)}
    assert scores.results[1].missing == {("GON", "ARN", "064")}
    assert [r.record.key for r in metrics.worst_petrarch(scores)] == ["miss", "extra"]


def test_petrarch_coder_error_is_never_exact():
    scores = metrics.score_petrarch([unit("none")], [[]], errors={"none": "ValueError: x"})
    assert not scores.results[0].exact
    assert scores.results[0].error == "ValueError: x"


def test_scores_need_one_event_list_per_record():
    with pytest.raises(ValueError, match="one list of events per record"):
        metrics.score_penta([penta("a", 0)], [])


# --------------------------------------------------------------------------- PLOVER


def test_plover_type_and_actors():
    records = [
        plover("hit", "AGREE", ["LBY"], ["GBR"]),
        plover("wrong-actor", "AGREE", ["LBY"], ["GBR"]),
        plover("any-target", "RETREAT", ["SRB"], []),
        plover("compound", "AGREE", ["ISR", "PSE"], []),
        plover("missed", "ASSAULT", ["AFG"], ["AFG"]),
    ]
    coded = [
        [event("LBYGOV", "GBR", plover="AGREE")],  # first three letters decide
        [event("LBY", "FRA", plover="AGREE"), event("LBY", "GBR", plover="CONSULT")],
        [event("SRBGOV", None, plover="RETREAT")],
        [event("PSE", "ISR", plover="agree", root=True)],
        [event("AFG", "AFG", plover="COERCE")],
    ]
    scores = metrics.score_plover(records, coded)
    assert [r.type_found for r in scores.results] == [True, True, True, True, False]
    assert [r.type_and_actors for r in scores.results] == [True, False, True, True, False]
    assert scores.type_found_rate == pytest.approx(0.8)
    assert scores.type_and_actors_rate == pytest.approx(0.6)
    assert [r.predicted for r in scores.results] == ["AGREE", "AGREE", "RETREAT", "AGREE",
                                                     "COERCE"]
    assert scores.per_type["AGREE"] == metrics.PRF(3, 0, 0)
    assert scores.per_type["COERCE"] == metrics.PRF(0, 1, 0)
    assert scores.confusion[("ASSAULT", "COERCE")] == 1
    assert [r.record.key for r in metrics.worst_plover(scores)] == ["missed", "wrong-actor"]


def test_plover_needs_a_coded_source():
    scores = metrics.score_plover([plover("a", "AID", ["USA"], [])],
                                  [[event(None, "USA", plover="AID")]])
    assert scores.results[0].type_found and not scores.results[0].type_and_actors


# --------------------------------------------------------------------------- penta


def test_penta_classes_and_confusion():
    records = [penta("a", 0), penta("b", 1), penta("c", 4), penta("d", 3), penta("e", 2),
               penta("f", 4)]
    coded = [
        [],
        [event("A", "B", plover="ACCUSE"), event("A", "B", plover="AGREE", root=True)],
        [event("A", "B", plover="COERCE", root=True)],
        [event("A", "B", plover="CONSULT", root=True)],
        [event("A", "B", plover="AID")],  # no root event predicts 0
        [event("A", "B", cameo="010", root=True)],  # a root event without PLOVER type: 0
    ]
    scores = metrics.score_penta(records, coded)
    assert [r.predicted for r in scores.results] == [0, 1, 4, 1, 0, 0]
    assert scores.accuracy == pytest.approx(3 / 6)
    assert scores.matrix[3][1] == 1 and scores.matrix[2][0] == 1 and scores.matrix[4][0] == 1
    assert sum(map(sum, scores.matrix)) == 6
    assert scores.per_class[3] == metrics.PRF(0, 0, 1)
    assert scores.per_class[1] == metrics.PRF(1, 1, 0)
    assert scores.per_class[4] == metrics.PRF(1, 0, 1)


def test_penta_badness_orders_mistakes():
    assert metrics.penta_badness(4, 1) == 3  # conflict read as cooperation
    assert metrics.penta_badness(4, 0) == 2  # event missed
    assert metrics.penta_badness(0, 4) == 1
    assert metrics.penta_badness(3, 4) == 1
    assert metrics.penta_badness(2, 2) == 0


def test_penta_reads_sanction_as_verbal_and_concede_as_material():
    records = [penta("s", 3), penta("c", 2), penta("r", 2)]
    coded = [[event("A", "B", plover="SANCTION", root=True)],
             [event("A", "B", plover="CONCEDE", root=True)],
             [event("A", "B", plover="RETREAT", root=True)]]
    assert [r.predicted for r in metrics.score_penta(records, coded).results] == [3, 2, 2]
