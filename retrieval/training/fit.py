"""Fitting one stage: a logistic regression (scikit-learn) saved as plain weights.

Columns are standardised for fitting (so one regularisation strength suits
them all) and the scaling is folded back into the weights, so the model file
holds weights for the raw features and the answer path needs no scaler.
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from retrieval.answering.model import LinearModel
from retrieval.training.examples import Rows

REGULARISATION = 1.0
"""scikit-learn's C: the inverse strength of the L2 penalty."""


def fit_stage(names: tuple[str, ...], rows: Rows) -> LinearModel:
    features = np.asarray(rows.features, dtype=np.float64)
    labels = np.asarray(rows.labels)
    if len(set(rows.labels)) < 2:
        raise ValueError("a stage needs both right and wrong examples to learn from")
    scaler = StandardScaler().fit(features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    regression = LogisticRegression(C=REGULARISATION, max_iter=2000)
    regression.fit((features - scaler.mean_) / scale, labels)
    weights = regression.coef_[0] / scale
    bias = float(regression.intercept_[0] - np.dot(weights, scaler.mean_))
    return LinearModel(names, tuple(round(float(w), 6) for w in weights), round(bias, 6))
