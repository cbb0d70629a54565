"""verb_corrections.jsonl: codes fixed on top of the packaged PETRARCH verbs, and only there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire.events import verbdict
from eventwire.events.corrections import apply_corrections
from eventwire.events.verbdict import (
    DictionaryError,
    Pattern,
    Verb,
    VerbDictionary,
    read_jsonl,
)

DATA = Path(verbdict.__file__).parent / "data"
CORRECTIONS = DATA / "verb_corrections.jsonl"
CAMEO = Path(__file__).parents[2].parent / "shared/reference/phoenix/CAMEO.2.0.txt"
HEADER = '{"kind":"header","format":"eventwire-verb-corrections","version":1}'


def correction_line(**fields: object) -> int:
    """The line of the packaged corrections file whose record has ``fields``."""
    for number, line in enumerate(CORRECTIONS.read_text().splitlines(), start=1):
        record = json.loads(line)
        if all(record.get(key) == value for key, value in fields.items()):
            return number
    raise AssertionError(f"no correction with {fields}")


def the_verb(dictionary: VerbDictionary, phrase: str, block: str) -> Verb:
    (found,) = [v for v in dictionary.verbs if v.phrase == phrase and v.block == block]
    return found


def patterns_with(dictionary: VerbDictionary, phrase: str, block: str, text: str
                  ) -> list[Pattern]:
    return [p for p in dictionary.patterns_for(the_verb(dictionary, phrase, block))
            if p.text == text]


@pytest.fixture(scope="module")
def shipped() -> VerbDictionary:
    """verbs.jsonl as converted, without corrections."""
    return VerbDictionary.load(DATA / "verbs.jsonl")


@pytest.fixture(scope="module")
def corrected() -> VerbDictionary:
    return VerbDictionary.default()


# --- what the packaged corrections change ---------------------------------------------

def test_a_pattern_gets_the_codebook_code_and_the_correction_as_source(
        shipped: VerbDictionary, corrected: VerbDictionary) -> None:
    line = correction_line(kind="pattern", source="CAMEO.2.0.txt:3520")
    assert patterns_with(shipped, "send", "SEND", "- * ARMS [154]")[0].code == "154"
    (arms,) = patterns_with(corrected, "send", "SEND", "- * ARMS [072]")
    assert (arms.code, arms.source) == ("072", f"verb_corrections.jsonl:{line}")
    assert not patterns_with(corrected, "send", "SEND", "- * ARMS [154]")


def test_a_verb_of_a_block_without_default_gets_a_code(
        shipped: VerbDictionary, corrected: VerbDictionary) -> None:
    assert shipped.block("REFUSE").code is None
    assert the_verb(shipped, "reject", "REFUSE").code is None
    reject = the_verb(corrected, "reject", "REFUSE")
    line = correction_line(kind="verb", verb="reject")
    assert (reject.code, reject.own_code, reject.source) == (
        "120", True, f"verb_corrections.jsonl:{line}")
    # The block keeps no default: DENY is ambiguous (016 or 120).
    assert corrected.block("REFUSE").code is None
    assert the_verb(corrected, "deny", "REFUSE").code is None


def test_a_block_default_reaches_the_verbs_without_their_own_code(
        corrected: VerbDictionary) -> None:
    line = correction_line(kind="block", block="ARM")
    assert corrected.block("ARM").code is None
    assert the_verb(corrected, "render", "ARM").code is None
    assert the_verb(corrected, "render", "ARM").source == f"verb_corrections.jsonl:{line}"
    assert the_verb(corrected, "arm", "ARM").code == "072"  # its own correction wins


def test_a_scoped_pattern_applies_to_its_verbs_only(corrected: VerbDictionary) -> None:
    troops_062 = "- * &MILITARY [062]"
    assert patterns_with(corrected, "send", "SEND", troops_062)
    assert not patterns_with(corrected, "deploy", "SEND", troops_062)
    assert patterns_with(corrected, "deploy", "SEND", "- * &MILITARY [154]")
    # "ordered X to ..." no longer meets HEAD's "- * TO [030]".
    assert patterns_with(corrected, "head", "OVERSEE_MANAGE", "- * TO [030]")
    assert not patterns_with(corrected, "order", "OVERSEE_MANAGE", "- * TO [030]")
    # "praised X's efforts to ..." is praise (051), not WELCOME's visit (043:042).
    assert patterns_with(corrected, "welcome", "ACCLAIM", "- * (TO) [043:042]")
    assert not patterns_with(corrected, "praise", "ACCLAIM", "- * (TO) [043:042]")


def test_a_missing_pattern_is_added_for_its_verbs(corrected: VerbDictionary) -> None:
    (street,) = patterns_with(corrected, "block", "EXCLUDE", "- * STREET [144]")
    assert street.code == "144" and street.source.startswith("verb_corrections.jsonl:")
    assert not patterns_with(corrected, "boycott", "EXCLUDE", "- * STREET [144]")
    coded = eventwire.code_text("Protesters blocked streets in Tehran.", date="2024-03-26")
    assert [e.cameo for e in coded] == ["144"]


def test_a_missing_verb_is_added(shipped: VerbDictionary, corrected: VerbDictionary) -> None:
    assert not shipped.candidates("urge")
    (urge,) = corrected.candidates("urge")
    assert (urge.block, urge.code) == ("DEMAND", "020")


def test_the_corrected_dictionary_round_trips_through_jsonl(corrected: VerbDictionary) -> None:
    again = read_jsonl("\n".join(corrected.to_jsonl()), "again.jsonl")
    assert again == corrected
    deploy = the_verb(again, "deploy", "SEND")
    assert [p.text for p in again.patterns_for(deploy)] == \
        [p.text for p in corrected.patterns_for(deploy)]


def test_user_dictionaries_are_not_corrected(tmp_path: Path, shipped: VerbDictionary) -> None:
    own = tmp_path / "own.verbs.txt"
    own.write_text("---  SEND   [---]  ---\nSEND\nDEPLOY\n- * ARMS [154]\n")
    loaded = VerbDictionary.load(own)
    assert loaded.block("SEND").patterns[0].code == "154"
    assert the_verb(loaded, "deploy", "SEND").code is None
    assert the_verb(shipped, "deploy", "SEND").code is None
    if CAMEO.exists():
        cameo = VerbDictionary.load(CAMEO)
        assert the_verb(cameo, "reject", "REFUSE").code is None
        assert cameo.block("SENTENCE").code == "172"


def test_events_coded_by_a_correction_name_it_as_their_rule() -> None:
    sent = eventwire.code_text("The United States sent arms to the Syrian rebels.",
                               date="2024-03-26")
    line = correction_line(kind="pattern", source="CAMEO.2.0.txt:3520")
    assert [(e.cameo, e.rule) for e in sent] == [
        ("072", f"verb_corrections.jsonl:{line} - * ARMS [072]")]
    rejected = eventwire.code_text("Iran rejected the peace plan.", date="2024-03-26")
    assert [(e.cameo, e.rule) for e in rejected] == [
        ("120", f"verb_corrections.jsonl:{correction_line(kind='verb', verb='reject')}")]


# --- the format and its errors ----------------------------------------------------------

def apply(shipped: VerbDictionary, *records: str, path: str = "fix.jsonl") -> VerbDictionary:
    return apply_corrections(shipped, "\n".join((HEADER, *records)) + "\n", path)


def test_a_header_alone_changes_nothing(shipped: VerbDictionary) -> None:
    assert apply(shipped) == shipped


def test_later_lines_refine_what_a_scope_changed(shipped: VerbDictionary) -> None:
    fixed = apply(
        shipped,
        '{"kind":"scope","block":"DEMAND","written_for":"URGE","patterns":22,'
        '"verbs":["exhort"],"why":"w"}',
        '{"kind":"pattern","block":"DEMAND","source":"CAMEO.2.0.txt:7186",'
        '"text":"- * TO ACT [124]","code":"020","why":"w"}')
    (to_act,) = [p for p in fixed.block("DEMAND").patterns if p.text == "- * TO ACT [020]"]
    assert (to_act.verbs, to_act.source) == (("exhort",), "fix.jsonl:3")


def test_a_removed_pattern_is_gone(shipped: VerbDictionary) -> None:
    fixed = apply(shipped, '{"kind":"pattern","block":"DEMAND","source":"CAMEO.2.0.txt:7208",'
                           '"text":"- * ON [190]","remove":true,"why":"w"}')
    assert len(fixed.block("DEMAND").patterns) == len(shipped.block("DEMAND").patterns) - 1


BAD = [
    ("not json", "not valid JSON"),
    ('{"kind":"patern","block":"SEND","why":"w"}', "unknown correction kind 'patern'"),
    ('{"kind":"verb","block":"SEND","verb":"deploy","source":"CAMEO.2.0.txt:3458",'
     '"code":"154"}', "needs a 'why'"),
    ('{"kind":"verb","block":"SNED","verb":"deploy","code":"154","why":"w"}',
     "no verb block 'SNED'; closest: SEND"),
    ('{"kind":"verb","block":"SEND","verb":"deploy","source":"CAMEO.2.0.txt:3458",'
     '"code":154,"why":"w"}', "CAMEO code string"),
    ('{"kind":"verb","block":"SEND","verb":"deploy","source":"CAMEO.2.0.txt:1",'
     '"code":"154","why":"w"}', "is from CAMEO.2.0.txt:3458, not CAMEO.2.0.txt:1"),
    ('{"kind":"pattern","block":"SEND","source":"CAMEO.2.0.txt:3520","text":"- * ARMS [072]",'
     '"code":"072","why":"w"}', "reads '- \\* ARMS \\[154\\]'"),
    ('{"kind":"pattern","block":"SEND","source":"CAMEO.2.0.txt:9999","text":"x",'
     '"code":"072","why":"w"}', "has no pattern from CAMEO.2.0.txt:9999"),
    ('{"kind":"pattern","block":"SEND","source":"CAMEO.2.0.txt:3520","text":"- * ARMS [154]",'
     '"verbs":["dispatch"],"why":"w"}', "'dispatch' is not in block SEND; its verbs: carry"),
    ('{"kind":"pattern","block":"SEND","source":"CAMEO.2.0.txt:3520","text":"- * ARMS [154]",'
     '"why":"w"}', "changes 'code', 'pair_code' or 'verbs'"),
    ('{"kind":"scope","block":"SEND","written_for":"SEND","patterns":3,"verbs":["send"],'
     '"why":"w"}', "44 patterns written for SEND, not 3"),
    ('{"kind":"verb","block":"SEND","verb":"send","add":true,"code":"036","why":"w"}',
     "already in block SEND"),
    ('{"kind":"block","block":"SEND","source":"CAMEO.2.0.txt:3456","code":"036","colour":1,'
     '"why":"w"}', "unknown key\\(s\\) colour"),
    ('{"kind":"pattern","block":"SEND","add":true,"text":"- * (TO &TOWN) [042]","why":"w"}',
     "plain upper-case words around"),
    ('{"kind":"pattern","block":"SEND","add":true,"text":"- * ENVOYS [4x]","why":"w"}',
     "is not \\[042\\]"),
]


@pytest.mark.parametrize(("record", "message"), BAD)
def test_a_bad_correction_names_file_and_line(shipped: VerbDictionary, record: str,
                                              message: str) -> None:
    with pytest.raises(DictionaryError, match=message) as caught:
        apply(shipped, '{"kind":"verb","block":"SIGN","verb":"sign",'
                       '"source":"CAMEO.2.0.txt:3624","code":"057","why":"w"}',
              record, path="some/dir/fix.jsonl")
    assert str(caught.value).startswith("some/dir/fix.jsonl:3: ")
    assert caught.value.line == 3


def test_a_correction_twice_is_an_error(shipped: VerbDictionary) -> None:
    twice = '{"kind":"verb","block":"SIGN","verb":"sign","source":"CAMEO.2.0.txt:3624",' \
            '"code":"057","why":"w"}'
    with pytest.raises(DictionaryError, match="fix.jsonl:3: verb SIGN sign is already "
                                              "corrected at line 2"):
        apply(shipped, twice, twice)


def test_a_file_without_header_is_refused(shipped: VerbDictionary) -> None:
    with pytest.raises(DictionaryError, match="fix.jsonl:1: first line must be"):
        apply_corrections(shipped, '{"kind":"verb"}\n', "fix.jsonl")


def test_options_explored_or_aid_considered_are_options_not_threats():
    found = {e.cameo for e in eventwire.code_text(
        "Japan is considering sending aid to North Korea. Belarus is exploring the "
        "possibility of mining crypto.", date="2024-03-26")}
    assert found == {"014"}


@pytest.mark.parametrize(("text", "code"), [
    ("Japan is sending troops to the United Nations peacekeeping force in Sudan.", "074"),
    ("Germany accepted 1,500 Syrian refugees.", "075"),
    ("Sudan allowed humanitarian relief into Darfur.", "0863"),
])
def test_acts_the_dictionary_coded_as_intents_are_acts(text: str, code: str):
    found = [e for e in eventwire.code_text(text, date="2024-03-26") if e.is_root]
    assert [e.cameo for e in found] == [code]
    assert found[0].rule.startswith("verb_corrections.jsonl:")



@pytest.mark.parametrize(("text", "code"), [
    ("Ugandan rebels surrendered on Sunday.", "0874"),
    ("The gunman surrendered to police.", "080"),
])
def test_surrendering_is_a_military_retreat_unless_a_pattern_says_otherwise(text, code):
    assert [e.cameo for e in eventwire.code_text(text, date="2024-03-26")] == [code]


def test_reneging_on_a_commitment_is_a_rejection():
    found = eventwire.code_text("The president reneged on his commitment to the Zambian "
                                "people.", date="2024-03-26")
    assert [(e.cameo, e.plover) for e in found] == [("120", "REJECT")]
    assert found[0].rule.startswith("verb_corrections.jsonl:")


@pytest.mark.parametrize("text", [
    "Turkish police detained 12 activists at a meeting in Istanbul.",
    "Beijing police detained 18 people following a fire.",
])
def test_hold_patterns_do_not_apply_to_detain(text: str):
    found = [e for e in eventwire.code_text(text, date="2024-03-26") if e.is_root]
    assert [e.cameo for e in found] == ["173"]


def test_hold_patterns_still_apply_to_hold():
    found = {e.cameo for e in eventwire.code_text("Israel and Syria held talks.",
                                                  date="2024-03-26")}
    assert found & {"046", "040"}


def test_ending_a_trip_is_no_sanction_and_reinforcing_aid_no_cut():
    found = {e.cameo[:2] for e in eventwire.code_text(
        "Obama is ending a five-day trip in Paris. Germany reinforced its commitment to "
        "Syrian refugees.", date="2024-03-26")}
    assert not found & {"16"}


@pytest.mark.parametrize(("text", "code"), [
    ("The United States returned six Iraqi artifacts to the government of Iraq.", "0842"),
    ("Nepal accepted the demands of the protesters.", "080"),
])
def test_returning_artifacts_and_accepting_demands_are_yielding(text: str, code: str):
    found = [e for e in eventwire.code_text(text, date="2024-03-26") if e.is_root]
    assert [(e.cameo, e.plover) for e in found] == [(code, "RETREAT" if code == "0842"
                                                     else "CONCEDE")]


def test_expelling_inspectors_is_1662_and_removing_weapons_stays_0873():
    expelled = eventwire.code_text("Iraq expelled all UNSCOM weapons inspectors.",
                                   date="2024-03-26")
    assert [(e.cameo, e.plover) for e in expelled] == [("1662", "SANCTION")]
    removed = eventwire.code_text("The Syrian army removed weapons from the border.",
                                  date="2024-03-26")
    assert [e.cameo for e in removed] == ["0873"]


def test_a_condolence_message_is_sympathy_not_a_consultation():
    found = eventwire.code_text("Putin sent a message of condolence to the German "
                                "chancellor.", date="2024-03-26")
    assert [e.cameo for e in found] == ["018"]


@pytest.mark.parametrize(("text", "code"), [
    ("The Mexican president defended Mexico's restrictive immigration policy.", "052"),
    ("The army defended the town.", "152"),
])
def test_defending_a_policy_is_verbal_and_defending_a_town_is_not(text: str, code: str):
    assert [e.cameo for e in eventwire.code_text(text, date="2024-03-26")] == [code]


@pytest.mark.parametrize(("text", "code"), [
    ("Haitian protesters postponed Saturday's demonstration.", "082"),
    ("Haitian protesters called off their march.", "082"),
    ("Haitian protesters agreed to postpone Saturday's demonstration.", "0352"),
])
def test_putting_off_ones_own_protest_eases_dissent(text: str, code: str):
    assert code in [e.cameo for e in eventwire.code_text(text, date="2024-03-26")]


def test_peacekeepers_deploying_keep_the_peace():
    found = eventwire.code_text("Dozens of Russian peacekeepers began deploying on Tuesday.",
                                date="2024-03-26")
    assert [(e.cameo, e.plover) for e in found] == [("074", "AID")]


def test_holding_civilians_as_human_shields_is_184():
    found = eventwire.code_text("Islamic State militants held around 20,000 civilians as "
                                "human shields in Raqqa.", date="2017-03-26")
    assert [(e.cameo, e.source.code) for e in found] == [("184", "IMGMUSISIUAF")]


def test_laying_down_arms_is_a_truce():
    found = eventwire.code_text("The rebels laid down their arms.", date="2017-03-26")
    assert [e.cameo for e in found] == ["0871"]


def test_withdrawing_peacekeepers_is_1661_not_a_military_retreat():
    found = eventwire.code_text("The UN withdrew peacekeepers from Rwanda.", date="1994-04-21")
    assert [(e.cameo, e.plover) for e in found] == [("1661", "SANCTION")]


@pytest.mark.parametrize(("text", "code"), [
    ("China's health ministry sent a team of medical experts to Italy.", "073"),
    ("The US military trains Iraqi pilots to fly F-16s.", "072"),
])
def test_sending_medics_and_training_pilots_are_aid(text: str, code: str):
    assert [e.cameo for e in eventwire.code_text(text, date="2020-03-26")] == [code]


def test_launching_a_mediation_effort_is_mediating():
    found = eventwire.code_text("Egypt has launched a mediation effort between Syria and "
                                "Turkey.", date="1998-10-06")
    assert {e.cameo for e in found} == {"045"}


def test_pushing_for_something_is_advocacy_and_pushing_someone_an_appeal():
    assert eventwire.code_text("The opposition pushed for reforms to the electoral law.",
                               date="2017-07-25") == []
    events = eventwire.code_text("The EU pushed Serbia to extradite the suspects.",
                                 date="2017-07-25")
    assert [(e.source.code, e.target.code, e.cameo[:2]) for e in events] == [
        ("IGOEUREEC", "SRB", "02")]


def test_expelling_aid_agencies_is_a_sanction():
    events = eventwire.code_text("Sudan expelled 13 aid agencies from Darfur.", date="2009-03-25")
    assert [(e.cameo, e.plover) for e in events] == [("1663", "SANCTION")]


def test_a_border_is_reopened_but_fire_is_launched_near_one():
    reopened = eventwire.code_text("Egypt reopened its border with Gaza.", date="2011-05-28")
    assert [e.cameo for e in reopened] == ["080"]
    fired = eventwire.code_text("Turkish forces launched rocket fire against Kurdish rebels "
                                "near the Iraqi border.", date="2011-05-28")
    assert fired and all(e.cameo.startswith("19") for e in fired)


def test_urging_an_attack_is_an_appeal_and_pressing_charges_stays_an_arrest():
    urged = eventwire.code_text("Obama urged Israel to attack Iran.", date="2014-01-01")
    assert [(e.cameo, e.modality) for e in urged] == [("020", "appealed")]
    charged = eventwire.code_text("The police pressed charges against the protesters.",
                                  date="2014-01-01")
    assert [e.cameo for e in charged] == ["173"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Algeria summoned the Malian ambassador on Monday.", ("DZA", "MLIGOV", "114")),
    ("Peru summoned Mexico's envoy over the remarks.", ("PER", "MEXGOV", "114")),
    ("India summoned a senior Pakistani diplomat in New Delhi.", ("IND", "PAKGOV", "114")),
])
def test_a_diplomat_summoned_is_a_diplomatic_protest(dyads, text, expected):
    assert expected in dyads(text)


def test_a_cabinet_summoned_is_still_a_meeting(dyads):
    assert [code for _, _, code in dyads("The Kenyan president summoned his cabinet.")] \
        in ([], ["040"])
