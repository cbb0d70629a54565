"""PETRARCH/TABARI files -> eventwire formats -> TABARI text, read in place from /work/shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.convert import NameTokenizer
from eventwire.dictionaries import convert_file
from eventwire.dictionaries.sources import SourceFile, read_source
from eventwire.events.verbdict import VerbDictionary

SHARED = Path(__file__).parents[2].parent / "shared"
PHOENIX = SHARED / "reference" / "phoenix"
PETRARCH_UNIT = SHARED / "eval" / "petrarch_unit"

ACTOR_FILES = [PETRARCH_UNIT / "PETR.Validate.actors.txt",
               PHOENIX / "Phoenix.International.actors.txt",
               PHOENIX / "Phoenix.MilNonState.actors.txt"]
AGENT_FILES = [PETRARCH_UNIT / "PETR.Validate.agents.txt", PHOENIX / "Phoenix.agents.txt"]
VERB_FILES = [PETRARCH_UNIT / "PETR.Validate.verbs.txt", PHOENIX / "CAMEO.2.0.txt"]


@pytest.fixture(scope="module")
def tokenizer() -> NameTokenizer:
    return NameTokenizer()


def shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def twice(original: Path, middle: str, last: str, tmp_path: Path, tokenizer: NameTokenizer
          ) -> tuple[SourceFile, SourceFile]:
    """Read ``original``; convert it to ``middle`` and that to ``last``; read ``last``."""
    first = read_source(original, tokenizer)
    convert_file(original, tmp_path / middle, tokenizer)
    convert_file(tmp_path / middle, tmp_path / last, tokenizer)
    return first, read_source(tmp_path / last, tokenizer)


@pytest.mark.parametrize("path", ACTOR_FILES, ids=lambda p: p.name)
def test_actors_round_trip(path: Path, tmp_path: Path, tokenizer: NameTokenizer) -> None:
    first, back = twice(shared(path), "a.jsonl", "a.actors", tmp_path, tokenizer)
    before = {entry.id: entry for entry in first.actors}
    after = {entry.id: entry for entry in back.actors}
    assert before.keys() == after.keys()
    for key, entry in before.items():
        spans = [(r.code, r.start, r.end) for r in entry.roles]
        assert spans == [(r.code, r.start, r.end) for r in after[key].roles], key
    same_names = sum(set(e.names) == set(after[k].names) for k, e in before.items())
    # Re-tokenizing a handful of oddly spaced names ("u.n . secretary") differs.
    assert same_names >= 0.99 * len(before)
    assert not back.errors


@pytest.mark.parametrize("path", AGENT_FILES, ids=lambda p: p.name)
def test_agents_round_trip(path: Path, tmp_path: Path, tokenizer: NameTokenizer) -> None:
    first, back = twice(shared(path), "g.yaml", "g.agents", tmp_path, tokenizer)
    by_code = sorted((e.code, e.position, tuple(sorted(e.names))) for e in first.agents)
    assert by_code == sorted((e.code, e.position, tuple(sorted(e.names))) for e in back.agents)
    assert not back.errors


def _content(verbs: VerbDictionary) -> tuple:
    """Everything the coder uses, without source lines."""
    blocks = tuple((b.name, b.code, b.pair_code,
                    tuple((p.pre, p.post, p.code, p.pair_code, p.text) for p in b.patterns))
                   for b in verbs.blocks)
    verb_rows = tuple((v.phrase, v.block, v.forms, v.code, v.pair_code, v.own_code)
                      for v in verbs.verbs)
    synsets = tuple((s.name, s.words) for s in verbs.synsets)
    return blocks, verb_rows, synsets


@pytest.mark.parametrize("path", VERB_FILES, ids=lambda p: p.name)
def test_verbs_round_trip(path: Path, tmp_path: Path, tokenizer: NameTokenizer) -> None:
    first, back = twice(shared(path), "v.verbs.jsonl", "v.verbs", tmp_path, tokenizer)
    assert first.verbs is not None and back.verbs is not None
    assert _content(first.verbs) == _content(back.verbs)


def test_packaged_verbs_write_as_tabari_and_back(tmp_path: Path, tokenizer: NameTokenizer
                                                 ) -> None:
    packaged = Path(__file__).parents[2] / "src/eventwire/events/data/verbs.jsonl"
    convert_file(packaged, tmp_path / "cameo.verbs", tokenizer)
    # The file as shipped; VerbDictionary.default() adds verb_corrections.jsonl on top.
    assert _content(VerbDictionary.load(tmp_path / "cameo.verbs")) == _content(
        VerbDictionary.load(packaged))
