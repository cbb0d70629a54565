"""The coder fills size, context and the auxiliary mode of its events (real pipeline)."""

import eventwire


def by_trigger(text, **options):
    return {e.trigger.text: e for e in eventwire.code_text(text, date="2024-05-01", **options)}


def test_the_main_event_gets_the_counts_of_its_result_clause():
    events = by_trigger("Syrian troops shelled the town of Idlib, killing 14 civilians "
                        "and wounding 30.")
    size = events["shelled"].size
    assert (size.dead, size.injured, size.arrested) == (14, 30, None)
    spans = {c.field: c.text for c in size.counts}
    assert spans == {"dead": "14", "injured": "30"}


def test_count_spans_point_into_the_article_text():
    text = ("Talks resumed in Geneva.\n\nKenyan police arrested 27 protesters in "
            "Nairobi on Tuesday.")
    sized = [e for e in eventwire.code_text(text) if e.size]
    assert sized
    for event in sized:
        (count,) = event.size.counts
        assert text[count.start:count.end] == "27" and event.size.arrested == 27


def test_an_event_without_a_count_has_no_size():
    events = eventwire.code_text("Egyptian officials met Israeli envoys in Cairo.")
    assert events and all(e.size is None for e in events)


def test_a_vague_amount_is_a_flagged_lower_bound():
    (event,) = [e for e in eventwire.code_text(
        "Iranian police detained dozens of students in Tehran.") if e.size]
    assert event.size.arrested == 24 and event.size.approximate == ["arrested"]


def test_events_carry_contexts_with_their_source():
    events = eventwire.code_text(
        "Election fever grips the capital.\n\nThe opposition party accused the "
        "government of rigging the vote.\n\nPolice arrested Ugandan opposition "
        "supporters at a campaign rally in Kampala.")
    contexts = {(c.name, c.source) for e in events for c in e.context}
    assert ("election", "sentence") in contexts


def test_negated_events_are_dropped_unless_kept():
    text = "The Kenyan army did not attack the rebels in Somalia."
    assert eventwire.code_text(text) == []
    (event,) = eventwire.code_text(text, keep_negated=True)
    assert (event.aux_mode, event.modality) == ("negated", "negated")


def test_a_planned_attack_is_a_threat_with_no_auxiliary_mode():
    (event,) = eventwire.code_text("Israeli troops will attack Hamas next week.")
    assert event.plover == "THREATEN" and event.aux_mode is None


def test_hypothetical_and_historical_events_are_kept_only_when_asked():
    hypothetical = "Iran could attack Israel next year."
    assert eventwire.code_text(hypothetical) == []
    kept = eventwire.code_text(hypothetical, keep_auxiliary=True)
    assert kept and {e.aux_mode for e in kept} == {"hypothetical"}
    historical = "Germany invaded Poland during World War Two."
    kept = eventwire.code_text(historical, keep_auxiliary=True)
    assert kept and {e.aux_mode for e in kept} == {"historical"}
