"""Engines: where articles are coded. `LocalEngine` codes with N local processes.

    with LocalEngine(model, workers=2) as engine:
        for article, result in engine.code(articles):   # in input order
            ...                                          # list[Event], or CodingFailure
"""

from eventwire.engine.local import CodingFailure, EngineError, LocalEngine

__all__ = ["CodingFailure", "EngineError", "LocalEngine"]
