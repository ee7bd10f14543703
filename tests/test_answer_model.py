"""The fitted answer model: a data file that must match the code, fitted deterministically."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import numpy as np
import pytest
from lightgbm import LGBMRanker

from retrieval import RetrievalSettings
from retrieval.answering.features import PASSAGE_FEATURES, SENTENCE_FEATURES, SPAN_FEATURES
from retrieval.answering.model import MODEL_FILE, ModelError, load_model, probability
from retrieval.answering.trees import TreeModel
from retrieval.squad import read_squad
from retrieval.training.examples import Rows
from retrieval.training.fit import _table, fit_stage, fit_trees
from retrieval.training.train import Corpus, _report_declining, off_topic_questions
from tests.corpus_builders import write_squad


def test_the_packaged_model_has_every_stage_and_a_threshold() -> None:
    model = load_model()
    assert 0 < model.answer_threshold < 1
    assert model.sentence.names == SENTENCE_FEATURES
    assert model.span.names == SPAN_FEATURES


@pytest.mark.parametrize("stage", ["passage", "sentence", "span"])
def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path, stage: str) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if stage == "passage":
        data["stages"][stage]["weights"].pop(PASSAGE_FEATURES[0])
    else:
        data["stages"][stage]["features"].pop(0)
    changed = tmp_path / "model.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=f"{stage} stage"):
        load_model(changed)


def test_a_stage_fitted_twice_on_the_same_rows_is_the_same() -> None:
    rows = Rows()
    for number in range(40):
        rows.add([number / 40, (number % 7) / 7], label=number % 3 == 0 or number > 30, group=0)
    first = fit_stage(("a", "b"), rows)
    assert first == fit_stage(("a", "b"), rows)
    assert first.logit([1.0, 0.0]) > first.logit([0.0, 0.0])


def test_a_choice_added_at_once_is_the_rows_added_one_by_one() -> None:
    options = [[0.5, 1.0], [0.25, 0.0], [1.0, 2.0]]
    at_once, one_by_one = Rows(), Rows()
    at_once.add_choice(options, [False, True, False], group=3)
    at_once.add_choice([], [], group=4)
    for option, label in zip(options, (False, True, False), strict=True):
        one_by_one.add(option, label, group=3)
    assert at_once.features.tolist() == one_by_one.features.tolist() == options
    assert (at_once.labels, at_once.groups) == (one_by_one.labels, one_by_one.groups)


def test_joined_rows_keep_each_corpus_choices_apart() -> None:
    first, second = Rows(), Rows()
    first.add_choice([[1.0], [2.0]], [True, False], group=0)
    second.add_choice([[3.0]], [True], group=0)
    joined = first + second
    assert joined.features.tolist() == [[1.0], [2.0], [3.0]]
    assert joined.groups == [0, 0, 1]


def test_a_stage_needs_right_and_wrong_examples() -> None:
    rows = Rows()
    rows.add([1.0], label=True, group=0)
    with pytest.raises(ValueError, match="both right and wrong"):
        fit_stage(("a",), rows)


def test_declining_is_not_cross_validated_when_half_the_articles_hold_no_unanswerable(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SQuAD 2.0 keeps an article's unanswerable questions together: leaving out the one
    article that has them leaves nothing to learn declining from."""
    rows = Rows()
    for number in range(40):
        article = number % 2
        rows.add([number / 40], label=article == 1 or number % 4 == 0, group=article)
    with caplog.at_level(logging.INFO, logger="retrieval.training.train"):
        _report_declining(rows, Rows(), threshold=0.5)
    assert "not cross-validated" in caplog.text


def test_off_topic_questions_are_about_articles_the_corpus_lacks_and_unanswerable(
    tmp_path: Path,
) -> None:
    squad = read_squad(write_squad(tmp_path / "set.json.gz"))
    settings = RetrievalSettings(index_cache_dir=tmp_path / "cache", synonyms_file=None)
    harbour = Corpus(squad.only(["Harbour_of_Velmar"]), settings)
    asked = off_topic_questions(harbour, [harbour, Corpus(squad, settings)])
    assert asked
    assert {question.article for question in asked} == {"Orlan_Railway"}
    assert all(question.answers == [] for question in asked)


CHOICE = 10
"""Options per choice in the rows below (a question's sentences, a sentence's spans)."""


def _tangled_rows(count: int) -> Rows:
    """Right only where two columns are both high: what no sum of weights can say."""
    generator = random.Random(7)
    rows = Rows()
    for number in range(count):
        row = [generator.random() for _ in range(3)]
        rows.add(row, label=row[0] > 0.5 and row[1] > 0.5, group=number // CHOICE)
    return rows


def test_stored_trees_score_as_the_fitted_ones_do() -> None:
    rows = _tangled_rows(600)
    features, labels = np.asarray(rows.features), np.asarray(rows.labels)
    ranker = LGBMRanker(n_estimators=20, max_depth=4, random_state=0, verbose=-1)
    ranker.fit(features, labels, group=[CHOICE] * (len(labels) // CHOICE))
    tree_info = ranker.booster_.dump_model()["tree_info"]
    fitted = TreeModel(("a", "b", "c"), [_table(tree["tree_structure"]) for tree in tree_info])
    stored = TreeModel.from_json(json.loads(json.dumps(fitted.to_json())))
    # Equal up to the stored numbers' six decimals.
    assert np.allclose(stored.logits(features), ranker.predict(features), rtol=0, atol=1e-4)


def test_trees_learn_what_a_sum_of_weights_cannot() -> None:
    trees = fit_trees(("a", "b", "c"), _tangled_rows(600))
    both, one, other = trees.logits([[0.9, 0.9, 0.5], [0.9, 0.1, 0.5], [0.1, 0.9, 0.5]])
    assert both > 0 > max(one, other)


def test_tree_scores_are_probabilities_as_often_right_as_they_say() -> None:
    rows = _tangled_rows(600)
    said = [probability(logit) for logit in fit_trees(("a", "b", "c"), rows).logits(rows.features)]
    assert abs(sum(said) - sum(rows.labels)) < 0.05 * len(rows.labels)
    confident = [label for label, chance in zip(rows.labels, said, strict=True) if chance > 0.8]
    assert sum(confident) > 0.8 * len(confident) > 0


def test_trees_fitted_twice_on_the_same_rows_are_the_same() -> None:
    rows = _tangled_rows(300)
    assert fit_trees(("a", "b", "c"), rows).to_json() == fit_trees(("a", "b", "c"), rows).to_json()


def test_trees_held_to_rise_with_a_column_never_fall_along_it() -> None:
    """Rows where a high first column is mostly wrong: free trees learn that, held ones not."""
    rows = _tangled_rows(600)
    rows.labels = [int(row[0] < 0.3 or (row[0] > 0.5 and row[1] > 0.9)) for row in rows.features]
    free = fit_trees(("a", "b", "c"), rows)
    held = fit_trees(("a", "b", "c"), rows, rising={"a"})
    low, high = [0.1, 0.5, 0.5], [0.7, 0.5, 0.5]
    assert free.logits([high])[0] < free.logits([low])[0]
    assert held.logits([high])[0] >= held.logits([low])[0]


def test_no_rows_no_scores() -> None:
    assert load_model().span.logits([]).size == 0
