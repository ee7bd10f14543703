"""Fitting one stage, saved as plain data.

A linear stage is a logistic regression (scikit-learn): columns are
standardised for fitting (so one regularisation strength suits them all) and
the scaling is folded back into the weights, so the model file holds weights
for the raw features and the answer path needs no scaler. The sentence and
span stages are gradient-boosted trees (LightGBM) that rank the options of
each choice against each other, saved as node tables
(``retrieval.answering.trees``); the span stage's word odds are counts turned into
log-odds (``retrieval.answering.word_odds``).
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import groupby
from typing import Any

import numpy as np
from lightgbm import LGBMRanker
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from retrieval.answering.model import LinearModel, SpanModel
from retrieval.answering.trees import LEAF, TreeModel
from retrieval.answering.word_odds import PLACES, fit_word_odds
from retrieval.training.examples import Rows

DIGITS = 6
"""Fitted numbers are stored to this many decimals, so that a retrained file is the same."""
REGULARISATION = 1.0
"""scikit-learn's C: the inverse strength of the L2 penalty."""
TREES = 150
TREE_DEPTH = 6
TREE_LEAVES = 31
LEARNING_RATE = 0.1
"""Chosen on SQuAD dev. Ranking (LambdaRank) rather than classifying each option alone
(scikit-learn's ``HistGradientBoostingClassifier``, the same depth and number of trees):
offline, span F1 in the answering sentence 58.5 -> 60.0 on dev, the answering sentence
on top 74.0% -> 75.3%. 300 span trees: 60.8 on dev, but 59.5 against 59.7 held out."""


ODDS_FOLDS = 5
"""The folds of articles out of which the span rows' word odds are learnt."""


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
    """Boosted trees that rank each choice's options (``rows.groups``): what is asked is
    which of a question's sentences, or of a sentence's spans, answers best, and a score
    learnt against the rivals beside it serves that better than one learnt for each
    option alone. The scores are then scaled to log-odds that the option answers (Platt's
    calibration), which quoting and declining read as probabilities.

    Deterministic: one thread, LightGBM's deterministic mode, no sampling. Along the
    ``rising`` columns, the score never falls as the column rises."""
    features, labels = _arrays(rows)
    ranker = LGBMRanker(
        objective="lambdarank",
        n_estimators=TREES,
        max_depth=TREE_DEPTH,
        num_leaves=TREE_LEAVES,
        learning_rate=LEARNING_RATE,
        monotone_constraints=[int(name in rising) for name in names],
        deterministic=True,
        force_row_wise=True,
        n_jobs=1,
        random_state=0,
        verbose=-1,
    ).fit(features, labels, group=_choice_sizes(rows.groups))
    tables = [_table(tree["tree_structure"]) for tree in ranker.booster_.dump_model()["tree_info"]]
    ranked = TreeModel(names, tables)
    scale, baseline = _calibration(ranked.logits(features), labels)
    return TreeModel(names, tables, scale=scale, baseline=baseline)


def fit_span(names: tuple[str, ...], rows: Rows) -> SpanModel:
    """The span trees, fitted on word-odds columns learnt out of fold, and the word odds
    learnt from every training article."""
    features = rows.features.copy()
    columns = [names.index(f"odds_{place}") for place in PLACES]
    features[:, columns] = odds_out_of_fold(rows)
    trees = fit_trees(names, Rows([features], rows.labels, rows.groups))
    return SpanModel(trees, fit_word_odds(rows.contexts, rows.labels))


def odds_out_of_fold(rows: Rows) -> np.ndarray:
    """Each row's word-odds columns, from odds learnt without its article (articles dealt
    into ``ODDS_FOLDS`` folds): odds learnt with it would tell the trees the very answers
    they are fitted on, and the trees would trust them more than they deserve on text
    nobody fitted on."""
    titles = sorted(set(rows.articles))
    fold_of = {title: number % ODDS_FOLDS for number, title in enumerate(titles)}
    folds = np.asarray([fold_of[article] for article in rows.articles], np.intp)
    columns = np.zeros((len(rows.labels), len(PLACES)))
    for fold in range(ODDS_FOLDS):
        odds = fit_word_odds(
            [key for key, at in zip(rows.contexts, folds, strict=True) if at != fold],
            [label for label, at in zip(rows.labels, folds, strict=True) if at != fold],
        )
        inside = np.flatnonzero(folds == fold)
        columns[inside] = odds.columns([rows.contexts[row] for row in inside])
    return columns


def _choice_sizes(groups: list[int]) -> list[int]:
    """How many rows each choice has, in order (a choice's rows stand together)."""
    return [len(list(run)) for _, run in groupby(groups)]


def _calibration(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The scale and shift that turn ranking scores into log-odds of being right."""
    regression = LogisticRegression(C=1e6, max_iter=1000).fit(scores[:, None], labels)
    return round(float(regression.coef_[0, 0]), DIGITS), round(
        float(regression.intercept_[0]), DIGITS
    )


def _table(root: dict[str, Any]) -> dict[str, list[float]]:
    """One fitted tree's nodes as flat lists, numbered depth first from the root (LightGBM
    dumps them nested).

    Thresholds and values are rounded like the linear weights: the features carry
    float32 noise from the word vectors, so the last digits differ between runs."""
    table: dict[str, list[float]] = {
        key: [] for key in ("feature", "threshold", "left", "right", "value")
    }

    def add(node: dict[str, Any]) -> int:
        number = len(table["feature"])
        for key, value in zip(table, (LEAF, 0.0, LEAF, LEAF, 0.0), strict=True):
            table[key].append(value)
        if "leaf_value" in node:
            table["value"][number] = round(float(node["leaf_value"]), DIGITS)
            return number
        if node["decision_type"] != "<=" or node["missing_type"] != "None":
            raise ValueError(f"a split the stored tables cannot express: {node}")
        table["feature"][number] = int(node["split_feature"])
        table["threshold"][number] = round(float(node["threshold"]), DIGITS)
        table["left"][number] = add(node["left_child"])
        table["right"][number] = add(node["right_child"])
        return number

    add(root)
    return table


def _arrays(rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    if len(set(rows.labels)) < 2:
        raise ValueError("a stage needs both right and wrong examples to learn from")
    return rows.features, np.asarray(rows.labels)
