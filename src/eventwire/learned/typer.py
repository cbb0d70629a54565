"""The typer: a linear classifier that guesses a sentence's PLOVER event type.

It reads only the parse the coder already has (lemmas, tags, dependencies) and
scores a bag of features with weights trained by tools/train_typer.py on
sentences the team wrote (training/typer/). See docs/TYPER.md.

    >>> from eventwire.learned import Typer
    >>> Typer.load().predict(parsed_sentence)
    Prediction(type='ASSAULT', probability=0.93)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.ontology.codes import PLOVER_EVENT_TYPES

TYPES: tuple[str, ...] = (*PLOVER_EVENT_TYPES, "NONE")
FORMAT = "eventwire-typer/1"
PACKAGED_NAME = "eventwire/learned/data/typer.json"
REBUILD_HINT = "rebuild it with `make typer`"
# Weights are stored as integers in thousandths: the file stays small and a
# logit off by 0.0005 never changes a prediction that matters.
WEIGHT_SCALE = 1000
# "Rebels shelled the town, officials said": the event is what was said, so the
# root is followed into the complement of these verbs. The list is the typer's own,
# not the coder's, because changing it changes the features a trained model expects.
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "add", "announce", "note", "claim", "declare",
    "write", "comment", "remark", "quote", "explain", "insist", "stress", "indicate"})


class TyperError(ValueError):
    """The typer's model file is missing or malformed; the message names the file."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}; {REBUILD_HINT}")


@dataclass(frozen=True)
class Prediction:
    type: str
    probability: float


def features(sent: Doc | Span) -> list[str]:
    """The typer's evidence in a tagged and parsed sentence, sorted and without repeats.

    - the lemmas of content words, minus names (an actor is no evidence of what it did);
    - ``root=<lemma>``: the sentence's main verb, or what a reporting verb reports
      ("reported" then flags it), or ``root=PROPN`` for a name;
    - ``vobj=<verb>_<object>``, ``vprep=<verb>_<prep>``, ``xcomp=<governor>_<complement>``;
    - on that root: ``neg``, ``aux=<modal>`` ("aux=will", "aux=could") and ``passive``.
    """
    doc = sent if isinstance(sent, Doc) else sent.doc
    if not doc.has_annotation("DEP"):
        raise ValueError("the typer needs a parsed sentence: run the spaCy parser first")
    found = {_lemma(t) for t in sent if _is_content(t)}
    for token in sent:
        found.update(_pairs(token))
        if token.dep_ == "ROOT":
            root = _reported(token)
            found.add(f"root={_lemma(root)}")
            found.update(_root_flags(root))
            if root is not token:
                found.add("reported")
    return sorted(found)


def _is_name(token: Token) -> bool:
    # Demonyms ("Palestinian", "Russian") are adjectives that name actors too.
    return token.pos_ == "PROPN" or (token.pos_ == "ADJ" and token.is_title)


def _is_content(token: Token) -> bool:
    return token.is_alpha and not token.is_stop and not _is_name(token)


def _lemma(token: Token) -> str:
    return "PROPN" if _is_name(token) else token.lemma_.lower()


def _reported(root: Token) -> Token:
    """The clause a reporting verb reports ("said it would attack": attack), else the root."""
    while root.lemma_ in REPORTING_VERBS:
        complements = [c for c in root.children if c.dep_ == "ccomp"]
        if not complements:
            break
        root = complements[0]
    return root


def _pairs(token: Token) -> list[str]:
    head = _lemma(token.head)
    if token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX"):
        return [f"vobj={head}_{_lemma(token)}"]
    if token.dep_ in ("prep", "agent") and token.head.pos_ == "VERB":
        return [f"vprep={head}_{token.lower_}"]
    if token.dep_ == "xcomp":
        return [f"xcomp={head}_{_lemma(token)}"]
    return []


def _root_flags(root: Token) -> list[str]:
    flags = []
    for child in root.children:
        if child.dep_ == "neg":
            flags.append("neg")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            flags.append(f"aux={child.lemma_.lower()}")
        elif child.dep_ in ("auxpass", "nsubjpass"):
            flags.append("passive")
    return flags


class Typer:
    """A softmax over a linear model: one weight per (feature, type), one bias per type."""

    def __init__(self, types: list[str], bias: np.ndarray, weights: np.ndarray,
                 vocabulary: dict[str, int], metadata: dict | None = None) -> None:
        self.types = types
        self.bias = bias
        self.weights = weights
        self.vocabulary = vocabulary
        self.metadata = metadata or {}

    @classmethod
    def load(cls, path: Path | str | None = None) -> Typer:
        """Read a model file; the packaged one when `path` is None."""
        if path is None:
            packaged = resources.files("eventwire.learned").joinpath("data", "typer.json")
            return cls._from_text(_read(packaged, PACKAGED_NAME), PACKAGED_NAME)
        return cls._from_text(_read(Path(path), str(path)), str(path))

    @classmethod
    def _from_text(cls, text: str, source: str) -> Typer:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise TyperError(source, f"not valid JSON ({err})") from None
        types, bias, rows = _validated(data, source)
        matrix = np.array(list(rows.values()), dtype=np.float64).reshape(len(rows), len(types))
        vocabulary = {feature: i for i, feature in enumerate(rows)}
        return cls(types, np.array(bias, dtype=np.float64) / WEIGHT_SCALE,
                   matrix / WEIGHT_SCALE, vocabulary, data.get("metadata"))

    def probabilities(self, sent: Doc | Span) -> dict[str, float]:
        """The probability of each type, summing to 1."""
        rows = [self.vocabulary[f] for f in features(sent) if f in self.vocabulary]
        scores = self.bias + self.weights[rows].sum(axis=0)
        exp = np.exp(scores - scores.max())
        return dict(zip(self.types, (exp / exp.sum()).tolist(), strict=True))

    def predict(self, sent: Doc | Span) -> Prediction:
        """The most probable type ("NONE" when the sentence reports no event)."""
        probabilities = self.probabilities(sent)
        best = max(probabilities, key=probabilities.__getitem__)
        return Prediction(best, probabilities[best])


def _read(path, name: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TyperError(name, "model file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise TyperError(name, f"cannot read the model file ({err})") from None


def _validated(data: object, source: str) -> tuple[list[str], list[int], dict[str, list]]:
    """The types, biases and weight rows of a model file, or TyperError saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TyperError(source, f'not a typer model (expected "format": "{FORMAT}")')
    types, bias, rows = data.get("types"), data.get("bias"), data.get("weights")
    if not isinstance(types, list) or not types or set(types) - set(TYPES):
        raise TyperError(source, f'"types" must be a list drawn from {", ".join(TYPES)}')
    if not _is_row(bias, len(types)):
        raise TyperError(source, f'"bias" must be {len(types)} integers, one per type')
    if not isinstance(rows, dict):
        raise TyperError(source, '"weights" must map each feature to its weights')
    for feature, row in rows.items():
        if not _is_row(row, len(types)):
            raise TyperError(source, f"weights of {feature!r} must be {len(types)} integers")
    return types, bias, rows


def _is_row(row: object, length: int) -> bool:
    return (isinstance(row, list) and len(row) == length
            and all(isinstance(w, int) and not isinstance(w, bool) for w in row))
