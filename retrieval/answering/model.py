"""The fitted answer model, loaded from ``model.json``.

Passages are scored by a logistic regression over the columns ``features``
names, sentences and spans by gradient-boosted trees (``trees``: what makes
them answer is a combination of columns; the span trees read four columns from a
table of word odds stored beside them, ``word_odds``); a fourth model, linear too, says how
likely the best quote is to answer at all, which is what declining is decided
on. The file is written by ``python -m retrieval train`` from real
question–answer data (SQuAD) and read here as plain JSON: no pickle, no
training at run time, and the feature names stored in it must be the ones the
code computes.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from operator import mul
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.answering.features import (
    ANSWERABLE_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    SPAN_FEATURES,
)
from retrieval.answering.trees import TreeModel
from retrieval.answering.word_odds import WordOdds

MODEL_FILE = Path(__file__).with_name("model.json")
STAGES = ("passage", "sentence", "span", "answerable")


class ModelError(ValueError):
    """The model file does not fit this code (missing stage, other features)."""


@dataclass(frozen=True)
class LinearModel:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, row: list[float]) -> float:
        if len(row) != len(self.weights):
            raise ModelError(f"{len(row)} features for a model of {len(self.weights)}")
        total: float = self.bias + sum(map(mul, self.weights, row))
        return total

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "weights": dict(zip(self.names, self.weights, strict=True))}


@dataclass(frozen=True)
class SpanModel:
    """The span stage: its trees, and the word odds that four of their columns are read
    from."""

    trees: TreeModel
    words: WordOdds

    @property
    def names(self) -> tuple[str, ...]:
        return self.trees.names

    def logits(self, rows: npt.ArrayLike) -> npt.NDArray[np.float64]:
        return self.trees.logits(rows)

    def to_json(self) -> dict[str, object]:
        return {**self.trees.to_json(), "word_odds": self.words.to_json()}


@dataclass(frozen=True)
class AnswerModel:
    passage: LinearModel
    sentence: TreeModel
    span: SpanModel
    answerable: LinearModel
    answer_threshold: float
    """Below this probability that the best quote answers, the reply declines."""
    further_quote_share: float
    """A further quote's sentence must be at least this probable, relative to the first's."""
    span_weight: float
    """How much the clearest answer a sentence offers (its best span's logit) adds to its
    own logit when the first quote's answering sentence is chosen."""
    passage_span_weight: float
    """The same, when the first quote's passage is chosen among the likeliest few."""

    def to_json(self) -> dict[str, object]:
        stages = {name: getattr(self, name).to_json() for name in STAGES}
        return {
            "answer_threshold": self.answer_threshold,
            "further_quote_share": self.further_quote_share,
            "span_weight": self.span_weight,
            "passage_span_weight": self.passage_span_weight,
            "stages": stages,
        }


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


@cache
def load_model(path: Path = MODEL_FILE) -> AnswerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    stages = data["stages"]
    return AnswerModel(
        passage=_stage(stages, "passage", PASSAGE_FEATURES),
        sentence=_tree_stage(stages, "sentence", SENTENCE_FEATURES),
        span=SpanModel(_tree_stage(stages, "span", SPAN_FEATURES), _word_odds(stages["span"])),
        answerable=_stage(stages, "answerable", ANSWERABLE_FEATURES),
        answer_threshold=float(data["answer_threshold"]),
        further_quote_share=float(data["further_quote_share"]),
        span_weight=float(data["span_weight"]),
        passage_span_weight=float(data["passage_span_weight"]),
    )


def _tree_stage(
    stages: dict[str, dict[str, object]], name: str, names: tuple[str, ...]
) -> TreeModel:
    stage = stages.get(name)
    if stage is None or "trees" not in stage:
        raise ModelError(f"the model file has no {name} trees: run python -m retrieval train")
    model = TreeModel.from_json(stage)
    if model.names != names:
        raise ModelError(
            f"the {name} stage was fitted on other features: run python -m retrieval train"
        )
    return model


def _word_odds(stage: dict[str, object]) -> WordOdds:
    odds = stage.get("word_odds")
    if not isinstance(odds, dict):
        raise ModelError("the span stage has no word odds: run python -m retrieval train")
    return WordOdds({str(key): float(value) for key, value in odds.items()})


def _stage(stages: dict[str, dict[str, object]], name: str, names: tuple[str, ...]) -> LinearModel:
    stage = stages.get(name)
    if stage is None:
        raise ModelError(f"the model file has no {name} stage")
    weights = stage["weights"]
    if not isinstance(weights, dict) or tuple(weights) != names:
        raise ModelError(
            f"the {name} stage was fitted on other features: run python -m retrieval train"
        )
    return LinearModel(names, tuple(float(w) for w in weights.values()), float(stage["bias"]))  # type: ignore[arg-type]
