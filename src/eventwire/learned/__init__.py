"""Learned components: small models trained on sentences the team wrote.

The typer guesses a sentence's PLOVER event type from its parse (docs/TYPER.md).
Runtime needs numpy only; training (tools/train_typer.py) needs scikit-learn.
"""

from eventwire.learned.typer import TYPES, Prediction, Typer, TyperError, features

__all__ = ["TYPES", "Prediction", "Typer", "TyperError", "features"]
