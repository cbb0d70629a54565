"""Helpers shared by the event-coding tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import eventwire


@pytest.fixture
def dyads() -> Callable[..., list[tuple]]:
    """(source, target, CAMEO) of each event the bundled coder finds in a text."""

    def coded(text: str, date: str = "2014-01-01", conventions: str = "eventwire"
              ) -> list[tuple]:
        return [(e.source and e.source.code, e.target and e.target.code, e.cameo)
                for e in eventwire.code_text(text, date=date, conventions=conventions)]

    return coded
