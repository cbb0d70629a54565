"""Conversion to the project's format: names as real-text tokens, plurals, kinds, determinism."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.actors.convert import NameTokenizer, build_data, regular_plural
from eventwire.actors.dictionary import DATA_DIR, ActorDictionary
from eventwire.actors.entries import Role, guess_kind
from eventwire.actors.tabari import TabariPhrase


@pytest.fixture(scope="module")
def tokenizer() -> NameTokenizer:
    return NameTokenizer()


@pytest.mark.parametrize(
    ("words", "stem", "sentence", "surface"),
    [
        (("U.S.",), False, "The U.S. said on Monday it would act.", "U.S."),
        (("IVORY", "COAST"), False, "Troops in Ivory Coast fired shots.", "Ivory Coast"),
        (("AL-QAEDA",), False, "Al-Qaeda claimed the attack.", "Al-Qaeda"),
        (("SECRETARY-GENERAL", "KOFI", "ANNAN"), False,
         "Secretary-General Kofi Annan spoke.", "Secretary-General Kofi Annan"),
        (("GEN.",), False, "Gen. Smith arrived.", "Gen."),
        (("COTE", "D'IVOIRE"), False, "Cote d'Ivoire voted.", "Cote d'Ivoire"),
    ],
)
def test_names_round_trip_through_the_real_tokenizer(
    tokenizer: NameTokenizer, nlp: Language, words: tuple[str, ...], stem: bool,
    sentence: str, surface: str,
) -> None:
    names = tokenizer.names(words, stem)
    doc = nlp.make_doc(sentence)
    start = sentence.index(surface)
    span = doc.char_span(start, start + len(surface))
    assert span is not None, "the name must fall on token boundaries"
    assert " ".join(t.lower_ for t in span) in names


def test_stem_marker_needs_four_letters(tokenizer: NameTokenizer) -> None:
    assert tokenizer.names(("ISRAELI",), stem=True) == ["israeli*"]
    assert tokenizer.names(("UN",), stem=True) == ["un"]
    assert tokenizer.names(("PRIME", "MINISTER", "NETANYAHU"), stem=True) == [
        "prime minister netanyahu*"
    ]


@pytest.mark.parametrize(
    ("word", "plural"),
    [("PROTESTER", "PROTESTERS"), ("CONGRESS", "CONGRESSES"), ("ARMY", "ARMIES"),
     ("ATTORNEY", "ATTORNEYS"), ("CONGRESSMAN", "CONGRESSMEN"), ("CHURCH", "CHURCHES"),
     ("MEN", None), ("TAXPAYERS", None), ("GEN.", None), ("F-16", None), ("PEOPLE", None)],
)
def test_regular_plurals(word: str, plural: str | None) -> None:
    result = regular_plural(TabariPhrase((word,), False, "x:1"))
    assert (result.words[-1] if result else None) == plural


def test_kind_guess() -> None:
    undated = [Role("ISR", None, None, "x:1")]
    history = [Role("USRGEO", None, date(1991, 4, 9), "x:1"), Role("GEO", None, None, "x:2")]
    assert guess_kind(undated, "", ["ISRAEL"]) == "country"
    assert guess_kind(history, "", ["GEORGIA"]) == "country"
    assert guess_kind([Role("IGOUNO", None, None, "x:1")], "", ["UN"]) == "organization"
    assert guess_kind([Role("NGO", None, None, "x:1")], "", ["RED", "CROSS"]) == "organization"
    assert guess_kind([Role("ISRGOV", None, None, "x:1")], "CountryInfo.txt", ["A"]) == "person"
    spell = [Role("SYRREB", date(2012, 1, 1), None, "x:1")]
    assert guess_kind(spell, "", ["ABU", "X"]) == "person"
    assert guess_kind(spell, "", ["TAWHID", "BRIGADE"]) == "organization"


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return handle.read().splitlines()


def test_converter_is_deterministic_and_matches_packaged_data(
    phoenix_dir: Path, tmp_path: Path
) -> None:
    report = build_data(phoenix_dir, tmp_path)
    packaged = {path.name: path for path in DATA_DIR.iterdir()}
    for written in report.files:
        assert written.name in packaged, f"{written.name} is not in the package data"
        assert _lines(written) == _lines(packaged[written.name]), (
            f"{written.name} differs from the packaged copy: run tools/convert_actors.py"
        )
    again = build_data(phoenix_dir, tmp_path / "again")
    for first, second in zip(report.files, again.files, strict=True):
        assert first.read_bytes() == second.read_bytes()
    assert report.actors > 25_000 and report.agents > 2_000
    assert all(":" in str(w) for w in report.warnings)
    assert len(report.warnings) < 60


def test_additions_are_already_normalized(tokenizer: NameTokenizer) -> None:
    paths = [DATA_DIR / "demonyms.jsonl", DATA_DIR / "additions.jsonl"]
    additions = ActorDictionary.load(paths, strict=True)
    for entry in additions:
        for name in entry.names:
            assert name in tokenizer.normalize(name), name
