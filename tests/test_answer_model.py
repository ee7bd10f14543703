"""The fitted answer model: a data file that must match the code, fitted deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.answering.features import SPAN_FEATURES
from retrieval.answering.model import MODEL_FILE, ModelError, load_model
from retrieval.training.examples import Rows
from retrieval.training.fit import fit_stage


def test_the_packaged_model_has_every_stage_and_a_threshold() -> None:
    model = load_model()
    assert 0 < model.answer_threshold < 1
    assert model.span.names == SPAN_FEATURES


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["stages"]["span"]["weights"].pop(SPAN_FEATURES[0])
    changed = tmp_path / "model.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="span stage"):
        load_model(changed)


def test_a_stage_fitted_twice_on_the_same_rows_is_the_same() -> None:
    rows = Rows()
    for number in range(40):
        rows.add([number / 40, (number % 7) / 7], label=number % 3 == 0 or number > 30, group=0)
    first = fit_stage(("a", "b"), rows)
    assert first == fit_stage(("a", "b"), rows)
    assert first.logit([1.0, 0.0]) > first.logit([0.0, 0.0])


def test_a_stage_needs_right_and_wrong_examples() -> None:
    rows = Rows()
    rows.add([1.0], label=True, group=0)
    with pytest.raises(ValueError, match="both right and wrong"):
        fit_stage(("a",), rows)


def test_kinds_with_enough_data_have_span_models_of_their_own() -> None:
    model = load_model()
    assert {"date", "number", "thing"} <= set(model.span_by_kind)
    assert model.span_for("date") is model.span_by_kind["date"]
    assert model.span_for("definition") is model.span
