"""The learned context classifier: one logistic model per PLOVER context over the words
of a sentence (unigrams and bigrams), trained by tools/train_context.py on the team's
sentences in training/context/ (never on ../shared/eval). It needs no parse, so it runs
on every sentence of an article at tokenizer speed. See docs/CODING.md, "Context".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import numpy as np

from eventwire.context.names import CONTEXTS

FORMAT = "eventwire-context/1"
PACKAGED = "eventwire/context/data/context_model.json"
REBUILD_HINT = "rebuild it with `make context`"
WEIGHT_SCALE = 1000
STEM = 5
WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
STOPWORDS = frozenset(
    "a an the of to in on at for by with and or but from as is are was were be been has have "
    "had it its this that these those their his her he she they we i you after before over "
    "into about than said says will would could should may might also not no".split())


class ContextModelError(ValueError):
    """The model file is missing or malformed; the message names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; {REBUILD_HINT}")


def features(text: str, keyword_hits: Iterable[str] = ()) -> list[str]:
    """Content words, stems and word pairs of a sentence, lower-cased, sorted, no repeats,
    and ``k=<context>`` for each context whose keywords the sentence holds, so the model
    learns how far each keyword list can be trusted."""
    words = WORD.findall(text.lower())
    content = [w for w in words if w not in STOPWORDS and not w.isdigit()]
    found = {f"w={w}" for w in content}
    # A stem shared by "refugee", "refugees" and "refuge" carries over to unseen forms.
    found.update(f"s={w[:STEM]}" for w in content if len(w) > STEM)
    found.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    found.update(f"k={name}" for name in keyword_hits)
    return sorted(found)


class ContextModel:
    """Independent sigmoids, one per context: bias + the weights of the features present."""

    def __init__(self, labels: list[str], bias: np.ndarray, weights: np.ndarray,
                 vocabulary: dict[str, int], threshold: float, metadata: dict) -> None:
        self.labels = labels
        self.bias = bias
        self.weights = weights
        self.vocabulary = vocabulary
        self.threshold = threshold
        self.metadata = metadata

    @classmethod
    def load(cls, path: Path | None = None) -> ContextModel:
        name = str(path) if path else PACKAGED
        try:
            text = (Path(path).read_text(encoding="utf-8") if path else resources.files(
                "eventwire.context").joinpath("data/context_model.json").read_text(
                encoding="utf-8"))
            data = json.loads(text)
        except FileNotFoundError:
            raise ContextModelError(name, "model file not found") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ContextModelError(name, f"cannot read the model ({err})") from None
        return cls._from_data(data, name)

    @classmethod
    def _from_data(cls, data: object, name: str) -> ContextModel:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ContextModelError(name, f'not a context model ("format": "{FORMAT}")')
        labels, bias, rows = data.get("labels"), data.get("bias"), data.get("weights")
        if not isinstance(labels, list) or set(labels) - set(CONTEXTS):
            raise ContextModelError(name, '"labels" must be PLOVER context names')
        if not isinstance(bias, list) or len(bias) != len(labels):
            raise ContextModelError(name, f'"bias" must hold {len(labels)} numbers')
        if not isinstance(rows, dict) or any(
                not isinstance(r, list) or len(r) != len(labels) for r in rows.values()):
            raise ContextModelError(name, f'"weights" must map features to {len(labels)} '
                                          "numbers each")
        matrix = np.array(list(rows.values()), dtype=np.float64).reshape(len(rows), len(labels))
        return cls(labels, np.array(bias, dtype=np.float64) / WEIGHT_SCALE,
                   matrix / WEIGHT_SCALE, {f: i for i, f in enumerate(rows)},
                   float(data.get("threshold", 0.5)), data.get("metadata") or {})

    def probabilities(self, text: str, keyword_hits: Iterable[str] = ()) -> dict[str, float]:
        rows = [self.vocabulary[f] for f in features(text, keyword_hits)
                if f in self.vocabulary]
        scores = self.bias + self.weights[rows].sum(axis=0)
        return dict(zip(self.labels, (1 / (1 + np.exp(-scores))).tolist(), strict=True))

    def predict(self, text: str, keyword_hits: Iterable[str] = ()) -> dict[str, float]:
        """The contexts whose probability reaches the threshold, with that probability."""
        return {label: p for label, p in self.probabilities(text, keyword_hits).items()
                if p >= self.threshold}
