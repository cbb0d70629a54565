"""The verb dictionary readers, checked against the real CAMEO and unit-test dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events import verbdict
from eventwire.events.corrections import apply_corrections
from eventwire.events.verbdict import (
    DictionaryError,
    Pattern,
    Verb,
    VerbDictionary,
)

SHARED = Path(__file__).parents[2].parent / "shared"
CAMEO = SHARED / "reference/phoenix/CAMEO.2.0.txt"
VALIDATE = SHARED / "eval/petrarch_unit/PETR.Validate.verbs.txt"

needs_cameo = pytest.mark.skipif(not CAMEO.exists(), reason=f"{CAMEO} not available")
needs_validate = pytest.mark.skipif(not VALIDATE.exists(), reason=f"{VALIDATE} not available")


@pytest.fixture(scope="module")
def cameo() -> VerbDictionary:
    if not CAMEO.exists():
        pytest.skip(f"{CAMEO} not available")
    return VerbDictionary.load(CAMEO)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` that starts with ``text``."""
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if line.startswith(text):
            return number
    raise AssertionError(f"{text!r} not in {path}")


def verb(dictionary: VerbDictionary, phrase: str, block: str, head: str = "") -> Verb:
    """The one verb ``phrase`` of ``block``, looked up the way the coder does, by head word."""
    head = head or phrase.split()[0]
    found = [v for v in dictionary.candidates(head) if v.phrase == phrase and v.block == block]
    assert len(found) == 1, dictionary.candidates(head)
    return found[0]


def pattern(dictionary: VerbDictionary, block: str, text: str) -> Pattern:
    found = [p for p in dictionary.block(block).patterns if p.text == text]
    assert found, f"{text!r} not in block {block}"
    return found[0]


@needs_cameo
def test_refuse_block_lists_its_verbs(cameo: VerbDictionary) -> None:
    phrases = {v.phrase for v in cameo.verbs if v.block == "REFUSE"}
    assert {"refuse", "decline", "reject", "deny", "rule out", "spurn"} <= phrases
    assert cameo.block("REFUSE").code is None
    assert cameo.block("REFUSE").source == f"CAMEO.2.0.txt:{line_of(CAMEO, '---  REFUSE ')}"


@needs_cameo
def test_verb_own_code_overrides_block_code(cameo: VerbDictionary) -> None:
    decline = verb(cameo, "decline", "REFUSE")
    assert (decline.code, decline.pair_code, decline.own_code) == ("120", None, True)
    assert decline.source == f"CAMEO.2.0.txt:{line_of(CAMEO, 'DECLINE [120]')}"
    refuse = verb(cameo, "refuse", "REFUSE")
    assert (refuse.code, refuse.own_code) == (None, False)
    diffuse = verb(cameo, "diffuse", "CIRCULATE")
    assert (diffuse.code, diffuse.own_code) == ("010", False)
    assert cameo.block("CIRCULATE").code == "010"


@needs_cameo
def test_multi_word_verbs_and_irregular_forms(cameo: VerbDictionary) -> None:
    rule_out = verb(cameo, "rule out", "REFUSE")
    assert (rule_out.lemma, rule_out.particles) == ("rule", ("out",))
    deny = verb(cameo, "deny", "REFUSE")
    assert deny.forms == ("denying", "denied", "denies")
    assert deny in cameo.candidates("denied")
    assert deny in cameo.candidates("DENY")
    ask_for = verb(cameo, "ask for", "ASK")
    assert ask_for.forms == ("asked for", "asking for", "asks for")
    assert ask_for in cameo.candidates("asked")
    assert cameo.candidates("no-such-verb") == []


@needs_cameo
def test_block_pattern_found_for_every_verb_of_the_block(cameo: VerbDictionary) -> None:
    written = "- * RESPONSIBILITY" + " " * 36 + "[016]"
    source = f"CAMEO.2.0.txt:{line_of(CAMEO, written)}"
    for phrase in ("deny", "reject", "rule out"):
        found = [p for p in cameo.patterns_for(verb(cameo, phrase, "REFUSE"))
                 if p.text == "- * RESPONSIBILITY [016]"]
        assert [p.source for p in found] == [source]
    (responsibility,) = found
    assert responsibility.pre == ()
    assert [s.words for s in responsibility.post] == [("responsibility",)]
    assert (responsibility.code, responsibility.pair_code) == ("016", None)
    assert responsibility.comment == "RULED_OUT"


@needs_cameo
def test_patterns_come_most_specific_first(cameo: VerbDictionary) -> None:
    ranked = cameo.patterns_for(verb(cameo, "deny", "REFUSE"))
    sizes = [p.specificity for p in ranked]
    assert sizes == sorted(sizes, reverse=True)
    assert len(ranked) == len(cameo.block("REFUSE").patterns)


@needs_cameo
def test_prepositional_phrases_and_pair_codes(cameo: VerbDictionary) -> None:
    existence = pattern(cameo, "REFUSE", "- * EXISTENCE (OF {MILITANT BASES}) [016]")
    assert [(s.words, s.prep) for s in existence.post] == [
        (("existence",), None), (("militant bases",), "of")]
    rush = pattern(cameo, "ACCELERATE", "- * (TO) [042:043]")
    assert (rush.code, rush.pair_code) == ("042", "043")
    (bare_to,) = rush.post
    assert (bare_to.words, bare_to.marker, bare_to.prep) == ((), None, "to")
    court = pattern(cameo, "APPEAR", "- * (BEFORE COURT) [:173]")
    assert (court.code, court.pair_code) == (None, "173")


@needs_cameo
def test_no_event_code_is_none(cameo: VerbDictionary) -> None:
    stocks = pattern(cameo, "REFUSE", "- STOCKS * [---]")
    assert (stocks.code, stocks.pair_code) == (None, None)
    assert [s.words for s in stocks.pre] == [("stocks",)]
    assert cameo.block("ACCELERATE").code is None


@needs_cameo
def test_actor_markers(cameo: VerbDictionary) -> None:
    act = pattern(cameo, "MOVE", "- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045]")
    assert [s.marker for s in act.pre] == ["source"]
    assert [(s.marker, s.prep) for s in act.post] == [
        (None, "as"), (None, "in"), ("target", "with")]
    skip = pattern(cameo, "ARRANGE", "- * OFF (FROM ^) [042]")
    assert [(s.words, s.marker, s.prep) for s in skip.post] == [
        (("off",), None, None), ((), "skip", "from")]


@needs_cameo
def test_synsets_expand_into_slot_words(cameo: VerbDictionary) -> None:
    money = pattern(cameo, "ASK", "- * &CURRENCY [0231]")
    (slot,) = money.post
    assert slot.terms == ("&CURRENCY",)
    assert slot.synsets == ("CURRENCY",)
    assert {"money", "dollar", "euro", "cash_", "yen"} <= set(slot.words)
    assert slot.words == cameo.synset("CURRENCY").words
    military_aid = pattern(cameo, "ASK", "- * {&MILITARY AID} [0232]")
    assert "armed forces aid" in military_aid.post[0].words


@needs_cameo
def test_exact_words_and_joined_words(cameo: VerbDictionary) -> None:
    # A synset named with a trailing '_' matches all its members exactly.
    assert cameo.synset("PREPOSIT1").words == ("against_", "in_", "on_", "by_", "near_", "at_")
    spy = pattern(cameo, "INTEND", "- SPY_*_DEAL [---]")
    assert [(s.words, s.adjacent) for s in (*spy.pre, *spy.post)] == [
        (("spy",), True), (("deal",), True)]


@needs_cameo
def test_cameo_warnings_carry_file_and_line(cameo: VerbDictionary) -> None:
    bad_code = f"CAMEO.2.0.txt:{line_of(CAMEO, '- * DOWN (FROM)')}: [080!] is not a code"
    assert any(w.startswith(bad_code) for w in cameo.warnings)
    assert any("unknown synset &WEATHER" in w for w in cameo.warnings)


@needs_cameo
def test_jsonl_round_trip_equals_tabari_parse(cameo: VerbDictionary, tmp_path: Path) -> None:
    out = tmp_path / "verbs.jsonl"
    out.write_text("".join(f"{line}\n" for line in cameo.to_jsonl(source="CAMEO.2.0.txt")))
    again = VerbDictionary.load(out)
    assert again == cameo
    assert again.warnings == cameo.warnings
    assert "".join(f"{line}\n" for line in again.to_jsonl(source="CAMEO.2.0.txt")) == \
        out.read_text()


@needs_cameo
def test_packaged_data_is_the_converted_cameo_file(cameo: VerbDictionary) -> None:
    data = Path(verbdict.__file__).parent / "data"
    assert VerbDictionary.load(data / "verbs.jsonl") == cameo
    packaged = VerbDictionary.default()
    assert packaged is VerbDictionary.default()
    corrections = data / "verb_corrections.jsonl"
    assert packaged == apply_corrections(cameo, corrections.read_text(), str(corrections))


@needs_validate
def test_unit_test_dictionary_loads() -> None:
    validate = VerbDictionary.load(VALIDATE)
    assert len(validate.blocks) > 200
    rst = verb(validate, "klm nop rst", "ABANDON", head="rst")
    assert (rst.lemma, rst.pre_particles, rst.code) == ("rst", ("klm", "nop"), "002")
    assert validate.block("DELAY").code == "120"
    assert verb(validate, "downplay", "DELAY").code == "014"
    # Synsets defined after their first use and nested in other synsets.
    assert {"military", "closer", "dollars"} <= set(validate.synset("ACCORDSYN").words)
    joined = pattern(validate, "SHOULD",
                     "- SUGGESTED + * DEMAND_&GENINT_CONVENTIONS [161]")
    assert joined.post[0].words == ("demand geneva conventions",
                                    "demand international conventions")
    assert any(": [def] is not a code" in w for w in validate.warnings)


def write(tmp_path: Path, text: str, name: str = "broken.verbs.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(("text", "line", "message"), [
    ("# comment\n- * ATTACK [190]\n", 2, "before the first verb block"),
    ("&WEAPON\n+GUN\nSHOOT\n", 3, "expected a '\\+MEMBER' line"),
    ("---  SHOOT  ---\nSHOOT\n", 1, "has no code"),
    ("---  SHOOT  [190]  ---\n<!-- never closed\nSHOOT\n", 2, "never closed"),
    ("---  SHOOT  [190]  ---\nSHOOT\n* ATTACK [190]\n", 3, "cannot read"),
])
def test_broken_tabari_file_raises_with_file_and_line(
        tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DictionaryError, match=message) as caught:
        VerbDictionary.load(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert caught.value.line == line


def test_entry_level_problems_become_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, "\n".join([
        "&WEAPON",
        "+GUN",
        "---  SHOOT   [190]  ---",
        "SHOOT {SHOOTS SHOT}",
        "- * &NOSUCH [193]",
        "- * (AT +) [19xy]",
        "- * {UNCLOSED [193]",
        "- * &WEAPON (AT +) [194:195]  # kept",
    ]) + "\n")
    dictionary = VerbDictionary.load(path)
    assert [w.split(": ", 1)[0] for w in dictionary.warnings] == [
        f"{path.name}:5", f"{path.name}:6", f"{path.name}:7"]
    (kept,) = dictionary.block("SHOOT").patterns
    assert (kept.code, kept.pair_code, kept.comment) == ("194", "195", "kept")
    assert kept.post[0].words == ("gun",)


@pytest.mark.parametrize(("lines", "line", "message"), [
    (['{"kind":"header","format":"eventwire-verbs","version":1}', "not json"], 2, "not valid"),
    (['{"kind":"header","format":"eventwire-verbs","version":9}'], 1, "version 9"),
    (['{"kind":"header","format":"eventwire-verbs","version":1}',
      '{"kind":"verb","block":"NOPE","lemma":"x","source":"f:1"}'], 2, "no block record"),
    (['{"kind":"header","format":"eventwire-verbs","version":1}',
      '{"kind":"block","name":"B","code":null,"source":"f:1"}',
      '{"kind":"pattern","block":"B","post":[{"terms":["&NOSUCH"]}],"code":"010",'
      '"source":"f:2","text":"- * &NOSUCH [010]"}'], 3, "unknown synset"),
])
def test_broken_jsonl_raises_with_file_and_line(
        tmp_path: Path, lines: list[str], line: int, message: str) -> None:
    path = write(tmp_path, "\n".join(lines) + "\n", name="verbs.jsonl")
    with pytest.raises(DictionaryError, match=message) as caught:
        VerbDictionary.load(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_unknown_block_error_names_close_blocks(tmp_path: Path) -> None:
    path = write(tmp_path, "---  SHOOT   [190]  ---\nSHOOT\n")
    with pytest.raises(KeyError, match="SHOOT"):
        VerbDictionary.load(path).block("SHOTO")
