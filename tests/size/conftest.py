import pytest

from eventwire.nlp import load_pipeline
from eventwire.size import CountWords


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def words():
    return CountWords.load()
