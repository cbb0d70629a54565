"""Reading the geo stage's output in tests."""

from __future__ import annotations

from eventwire.geo import PlaceMention


def place_of(mentions: list[PlaceMention], surface: str, occurrence: int = 1):
    """The resolved place of the n-th mention whose text is ``surface``."""
    hits = [m for m in mentions if m.text == surface]
    assert len(hits) >= occurrence, f"{surface!r} not found in {[m.text for m in mentions]}"
    resolved = hits[occurrence - 1].resolved
    assert resolved is not None, f"{surface!r} did not resolve"
    return resolved.place
