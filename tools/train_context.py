"""Train the context classifier (eventwire.context.model) on the team's sentences in
training/context/*.tsv (text<TAB>contexts). Never train on ../shared/eval or on the
gold set in tests/gold/.

    make context
    .venv/bin/python tools/train_context.py --output /tmp/context_model.json

The regularisation C and the decision threshold are chosen by 5-fold cross-validation
on the training sentences, scoring what the coder uses (keywords and model together);
the figures printed are those cross-validated figures. Needs scikit-learn (dev extra).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from eventwire.context.keywords import Keywords
from eventwire.context.model import FORMAT, WEIGHT_SCALE, features
from eventwire.context.names import CONTEXTS
from eventwire.evaluate.records_eval import micro
from eventwire.evaluate.records_gold import read_labelled

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "training/context"
DEFAULT_OUTPUT = ROOT / "src/eventwire/context/data/context_model.json"
C_GRID = (3.0, 10.0, 30.0, 100.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
FOLDS = 5
MIN_WEIGHT = 0.005  # smaller weights are dropped from the file


def fit(x, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """One logistic model per label; labels with no positives get a large negative bias."""
    weights = np.zeros((x.shape[1], y.shape[1]))
    bias = np.full(y.shape[1], -8.0)
    for j in range(y.shape[1]):
        if y[:, j].any():
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
            model.fit(x, y[:, j])
            weights[:, j], bias[j] = model.coef_[0], model.intercept_[0]
    return weights, bias


def cross_validate(texts, gold, x, y, keywords: Keywords, c: float
                   ) -> dict[float, tuple[list[set[str]], list[set[str]]]]:
    """Out-of-fold probabilities turned into predictions at each threshold."""
    scores = np.zeros(y.shape)
    for train, test in KFold(FOLDS, shuffle=True, random_state=0).split(x):
        weights, bias = fit(x[train], y[train], c)
        scores[test] = 1 / (1 + np.exp(-(x[test] @ weights + bias)))
    hits = [set(keywords.find(text)) for text in texts]
    results = {}
    for threshold in THRESHOLDS:
        model = [{CONTEXTS[j] for j in np.flatnonzero(row >= threshold)} for row in scores]
        results[threshold] = ([m | k for m, k in zip(model, hits, strict=True)], model)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    paths = sorted(args.data.glob("*.tsv"))
    sentences = read_labelled(paths)
    texts = [s.text for s in sentences]
    gold = [set(s.labels) for s in sentences]
    vectorizer = DictVectorizer()
    keywords = Keywords.load()
    hits = [set(keywords.find(t)) for t in texts]
    x = vectorizer.fit_transform([dict.fromkeys(features(t, h), 1)
                                  for t, h in zip(texts, hits, strict=True)])
    y = np.array([[name in g for name in CONTEXTS] for g in gold], dtype=int)
    best = (-1.0, 0.0, 0.0)
    for c in C_GRID:
        for threshold, (both, model) in cross_validate(texts, gold, x, y, keywords, c).items():
            f1 = micro(gold, both)[2]
            print(f"C={c:<5} threshold={threshold}: keywords+model micro-F1 {f1:.3f}, "
                  f"model alone {micro(gold, model)[2]:.3f}")
            if f1 > best[0]:
                best = (f1, c, threshold)
    f1, c, threshold = best
    keyword_only = micro(gold, [set(keywords.find(t)) for t in texts])
    print(f"chosen C={c}, threshold={threshold}: cross-validated micro-F1 {f1:.3f} "
          f"(keywords alone P/R/F1 {keyword_only[0]:.3f}/{keyword_only[1]:.3f}/"
          f"{keyword_only[2]:.3f})")
    weights, bias = fit(x, y, c)
    names = vectorizer.get_feature_names_out()
    rows = {str(name): [round(w * WEIGHT_SCALE) for w in weights[i]]
            for i, name in enumerate(names) if np.abs(weights[i]).max() >= MIN_WEIGHT}
    digest = hashlib.sha1("".join(p.read_text(encoding="utf-8") for p in paths).encode())
    model = {"format": FORMAT, "labels": list(CONTEXTS),
             "bias": [round(b * WEIGHT_SCALE) for b in bias], "threshold": threshold,
             "weights": rows,
             "metadata": {"trained": date.today().isoformat(), "sentences": len(sentences),
                          "features": len(rows), "C": c, "cv_micro_f1": round(f1, 3),
                          "training_sha1": digest.hexdigest()[:12],
                          "data": "training/context/*.tsv (team-written)"}}
    args.output.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(rows)} features, {len(sentences)} sentences)")


if __name__ == "__main__":
    main()
