"""Shared, loaded once: the packaged gazetteer, the spaCy pipeline and the coder."""

from __future__ import annotations

import pytest

from eventwire import default_coder
from eventwire.coder import Coder
from eventwire.geo import Gazetteer, GeoStage, PlaceMention
from eventwire.geo.resolve import Context, resolve
from eventwire.nlp import load_pipeline


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def stage(gazetteer: Gazetteer) -> GeoStage:
    return GeoStage(gazetteer)


@pytest.fixture(scope="session")
def coder() -> Coder:
    return default_coder()


@pytest.fixture(scope="session")
def places(stage: GeoStage, coder: Coder):
    """text -> its resolved place mentions, as the coder resolves an article's."""
    from eventwire.geo.stage import actor_spans, not_places

    nlp = load_pipeline()

    def run(text: str) -> list[PlaceMention]:
        doc = nlp(text)
        found = coder.matcher.find(doc, None)
        return stage.article_places(doc, not_places(found), actor_spans(found))

    return run


__all__ = ["Context", "resolve"]
