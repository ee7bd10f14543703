"""The fitted answer model: four logistic regressions, loaded from ``model.json``.

Passages, sentences and spans are each scored by a linear model over the
columns ``features`` names; a fourth model says how likely the best quote is to
answer at all, which is what declining is decided on. The file is written by
``python -m retrieval train`` from real question–answer data (SQuAD) and read
here as plain JSON: no pickle, no training at run time, and the feature names
stored in it must be the ones the code computes.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from operator import mul
from pathlib import Path

from retrieval.answering.features import (
    ANSWERABLE_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    SPAN_FEATURES,
)

MODEL_FILE = Path(__file__).with_name("model.json")
STAGES = {
    "passage": PASSAGE_FEATURES,
    "sentence": SENTENCE_FEATURES,
    "span": SPAN_FEATURES,
    "answerable": ANSWERABLE_FEATURES,
}


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
class AnswerModel:
    passage: LinearModel
    sentence: LinearModel
    span: LinearModel
    answerable: LinearModel
    answer_threshold: float
    """Below this probability that the best quote answers, the reply declines."""
    further_quote_share: float
    """A further quote's sentence must be at least this probable, relative to the first's."""
    span_by_kind: dict[str, LinearModel] = field(default_factory=dict)
    """Span models of their own for the kinds of question with enough training data: where
    a "when" answer stands differs from where a "what" answer does."""

    def span_for(self, kind: str) -> LinearModel:
        return self.span_by_kind.get(kind, self.span)

    def to_json(self) -> dict[str, object]:
        stages = {name: getattr(self, name).to_json() for name in STAGES}
        stages |= {f"span:{kind}": model.to_json() for kind, model in self.span_by_kind.items()}
        return {
            "answer_threshold": self.answer_threshold,
            "further_quote_share": self.further_quote_share,
            "stages": stages,
        }


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


@cache
def load_model(path: Path = MODEL_FILE) -> AnswerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    stages = {name: _stage(data["stages"], name, names) for name, names in STAGES.items()}
    by_kind = {
        name.removeprefix("span:"): _stage(data["stages"], name, SPAN_FEATURES)
        for name in data["stages"]
        if name.startswith("span:")
    }
    return AnswerModel(
        **stages,
        answer_threshold=float(data["answer_threshold"]),
        further_quote_share=float(data["further_quote_share"]),
        span_by_kind=by_kind,
    )


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
