"""Train the typer (eventwire.learned) on the team's sentences in training/typer/*.jsonl.

Example, from the repository root:

    make typer
    .venv/bin/python tools/train_typer.py --data training/typer --output /tmp/typer.json

Each input line is {"text": ..., "type": one of eventwire.learned.TYPES, "trigger": word or
null}. Bad lines are reported as file:line and skipped. The regularisation strength C is
chosen by stratified cross-validation, and the figures printed come from nested
cross-validation (C chosen again inside each outer fold), so they are not flattered by
the choice. Never train on evaluation data. Needs scikit-learn (the `dev` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict

from eventwire.learned.typer import FORMAT, TYPES, WEIGHT_SCALE, features
from eventwire.nlp import DEFAULT_MODEL, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "training/typer"
DEFAULT_OUTPUT = ROOT / "src/eventwire/learned/data/typer.json"
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 5
RANDOM_STATE = 0


@dataclass(frozen=True)
class Example:
    text: str
    type: str
    where: str  # file:line


def parse_line(line: str) -> tuple[str, str]:
    """(text, type) of one JSONL line; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text, label, trigger = record.get("text"), record.get("type"), record.get("trigger")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('"text" must be a non-empty string')
    if label not in TYPES:
        raise ValueError(f'"type" is {label!r}, not one of {", ".join(TYPES)}')
    if trigger is not None and not isinstance(trigger, str):
        raise ValueError('"trigger" must be a string or null')
    return text.strip(), label


def read_examples(paths: list[Path]) -> tuple[list[Example], list[str]]:
    """The examples in `paths`, and a "file:line: problem" for each line skipped."""
    examples: list[Example] = []
    problems: list[str] = []
    first_seen: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{_shown(path)}:{number}"
            if not line.strip():
                continue
            try:
                text, label = parse_line(line)
            except ValueError as err:
                problems.append(f"{where}: {err}")
                continue
            # A repeat would sit in both a training and a test fold and flatter the figures.
            if text in first_seen:
                problems.append(f"{where}: same text as {first_seen[text]}")
                continue
            first_seen[text] = where
            examples.append(Example(text, label, where))
    return examples, problems


def featurize(texts: list[str], model: str) -> list[dict[str, float]]:
    """Parse each text as its own Doc, as the coder parses each sentence."""
    nlp = load_pipeline(model)
    return [dict.fromkeys(features(doc), 1.0) for doc in nlp.pipe(texts, batch_size=256)]


def classifier(c: float = 1.0) -> LogisticRegression:
    # lbfgs fits a multinomial (softmax) model when there are more than two types.
    return LogisticRegression(C=c, solver="lbfgs", max_iter=5000, random_state=RANDOM_STATE)


def tuned(grid: tuple[float, ...], folds: int) -> GridSearchCV:
    splitter = StratifiedKFold(folds, shuffle=True, random_state=RANDOM_STATE)
    return GridSearchCV(classifier(), {"C": list(grid)}, cv=splitter, scoring="accuracy")


def cross_validate(x, labels: list[str], grid: tuple[float, ...], folds: int) -> dict:
    """Nested cross-validation figures: accuracy, macro F1 and F1 per type."""
    outer = StratifiedKFold(folds, shuffle=True, random_state=RANDOM_STATE)
    predicted = cross_val_predict(tuned(grid, folds), x, labels, cv=outer)
    present = sorted(set(labels))
    per_type = f1_score(labels, predicted, labels=present, average=None, zero_division=0)
    return {
        "folds": folds,
        "method": "nested stratified k-fold, C chosen inside each outer fold",
        "accuracy": round(float(accuracy_score(labels, predicted)), 4),
        "macro_f1": round(float(np.mean(per_type)), 4),
        "f1": {t: round(float(f), 4) for t, f in zip(present, per_type, strict=True)},
    }


def model_json(vectorizer: DictVectorizer, fitted: LogisticRegression, metadata: dict) -> dict:
    """The model file's content: weights in thousandths, all-zero features dropped."""
    coef, bias = fitted.coef_, fitted.intercept_
    if coef.shape[0] == 1:  # two types: sklearn keeps one row, the softmax needs two
        coef, bias = np.vstack([np.zeros_like(coef), coef]), np.array([0.0, bias[0]])
    rows = np.rint(coef.T * WEIGHT_SCALE).astype(int)
    names = vectorizer.get_feature_names_out()
    weights = {name: row.tolist() for name, row in zip(names, rows, strict=True) if row.any()}
    return {"format": FORMAT, "types": [str(t) for t in fitted.classes_],
            "bias": np.rint(bias * WEIGHT_SCALE).astype(int).tolist(),
            "weights": weights, "metadata": {**metadata, "features": len(weights)}}


def train(paths: list[Path], output: Path, model: str = DEFAULT_MODEL,
          grid: tuple[float, ...] = C_GRID, folds: int = FOLDS) -> dict:
    """Train on `paths`, write the model to `output` and return its metadata."""
    examples, problems = read_examples(paths)
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    labels = [e.type for e in examples]
    _check_counts(Counter(labels), folds)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(featurize([e.text for e in examples], model))
    search = tuned(grid, folds).fit(x, labels)
    metadata = {
        "trained": date.today().isoformat(),
        "spacy_model": model,
        "spacy_model_version": load_pipeline(model).meta.get("version"),
        "training_files": [_file_record(p) for p in paths],
        "sentences": len(examples),
        "skipped_lines": len(problems),
        "sentences_per_type": dict(sorted(Counter(labels).items())),
        "c_grid": list(grid),
        "c": search.best_params_["C"],
        "cv": cross_validate(x, labels, grid, folds),
    }
    content = model_json(vectorizer, search.best_estimator_, metadata)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(content, separators=(",", ":")) + "\n", encoding="utf-8")
    return content["metadata"]


def _check_counts(counts: Counter, folds: int) -> None:
    if len(counts) < 2:
        raise SystemExit(f"need sentences of at least two types, found {dict(counts)}")
    for label, count in sorted(counts.items()):
        if count < folds:
            print(f"warning: {label} has {count} sentences, fewer than the {folds} folds",
                  file=sys.stderr)


def _file_record(path: Path) -> dict:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"path": _shown(path), "sha256": digest}


def _shown(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def report(metadata: dict) -> str:
    cv = metadata["cv"]
    lines = [f"{metadata['sentences']} sentences ({metadata['skipped_lines']} lines skipped), "
             f"{metadata['features']} features, C={metadata['c']}",
             f"{cv['folds']}-fold nested CV: accuracy {cv['accuracy']:.3f}, "
             f"macro F1 {cv['macro_f1']:.3f}"]
    counts = metadata["sentences_per_type"]
    lines += [f"  {t:<10} F1 {f:.3f}  ({counts[t]} sentences)" for t, f in cv["f1"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of *.jsonl training files (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="model file to write (default: %(default)s)")
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help="spaCy model that parses the sentences (default: %(default)s)")
    parser.add_argument("--folds", type=int, default=FOLDS,
                        help="cross-validation folds (default: %(default)s)")
    args = parser.parse_args()
    paths = sorted(args.data.glob("*.jsonl"))
    if not paths:
        raise SystemExit(f"no *.jsonl training files in {args.data}")
    metadata = train(paths, args.output, args.model, folds=args.folds)
    print(report(metadata))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
