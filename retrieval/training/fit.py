"""Fitting one stage with scikit-learn, saved as plain data.

A linear stage is a logistic regression: columns are standardised for fitting
(so one regularisation strength suits them all) and the scaling is folded back
into the weights, so the model file holds weights for the raw features and the
answer path needs no scaler. The sentence and span stages are gradient-boosted
trees, saved as node tables (``retrieval.answering.trees``).
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from retrieval.answering.model import LinearModel
from retrieval.answering.trees import LEAF, TreeModel
from retrieval.training.examples import Rows

DIGITS = 6
"""Fitted numbers are stored to this many decimals, so that a retrained file is the same."""
REGULARISATION = 1.0
"""scikit-learn's C: the inverse strength of the L2 penalty."""
TREES = 150
TREE_DEPTH = 6
LEARNING_RATE = 0.1
"""Chosen on SQuAD dev: span F1 in the answering sentence 53.6 (one regression per kind)
-> 56.1 (60 trees at 0.15, 0.25 ms per sentence). With the wh-word's neighbours and where
the question's weight stands, 150 trees read them: 57.7 -> 58.5 offline (60 trees: 58.3)."""


def fit_stage(names: tuple[str, ...], rows: Rows) -> LinearModel:
    features, labels = _arrays(rows)
    scaler = StandardScaler().fit(features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    regression = LogisticRegression(C=REGULARISATION, max_iter=2000)
    regression.fit((features - scaler.mean_) / scale, labels)
    weights = regression.coef_[0] / scale
    bias = float(regression.intercept_[0] - np.dot(weights, scaler.mean_))
    return LinearModel(names, tuple(round(float(w), DIGITS) for w in weights), round(bias, DIGITS))


def fit_trees(names: tuple[str, ...], rows: Rows, rising: Collection[str] = ()) -> TreeModel:
    """Boosted trees, deterministic: no early stopping (it would hold out a random part)
    and a fixed seed for the sample that places the histogram bins. Along the ``rising``
    columns, the score never falls as the column rises."""
    features, labels = _arrays(rows)
    boosted = HistGradientBoostingClassifier(
        max_iter=TREES,
        monotonic_cst=[int(name in rising) for name in names] if rising else None,
        max_depth=TREE_DEPTH,
        learning_rate=LEARNING_RATE,
        early_stopping=False,
        random_state=0,
    ).fit(features, labels)
    tables = [_table(predictor.nodes) for (predictor,) in boosted._predictors]
    baseline = round(float(boosted._baseline_prediction.ravel()[0]), DIGITS)
    return TreeModel(names, baseline, tables)


def _table(nodes: np.ndarray) -> dict[str, list[float]]:
    """One fitted tree's nodes as plain lists (scikit-learn keeps them in a record array).

    Thresholds and values are rounded like the linear weights: the features carry
    float32 noise from the word vectors, so the last digits differ between runs."""
    leaf = nodes["is_leaf"].astype(bool)
    return {
        "feature": np.where(leaf, LEAF, nodes["feature_idx"]).tolist(),
        "threshold": np.where(leaf, 0.0, nodes["num_threshold"]).round(DIGITS).tolist(),
        "left": np.where(leaf, LEAF, nodes["left"].astype(np.int64)).tolist(),
        "right": np.where(leaf, LEAF, nodes["right"].astype(np.int64)).tolist(),
        "value": np.where(leaf, nodes["value"], 0.0).round(DIGITS).tolist(),
    }


def _arrays(rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    if len(set(rows.labels)) < 2:
        raise ValueError("a stage needs both right and wrong examples to learn from")
    return np.asarray(rows.features, dtype=np.float64), np.asarray(rows.labels)
