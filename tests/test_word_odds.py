"""The word odds: how often a span with these words at its edges answers, learnt from
training rows, and learnt out of fold for the rows the span trees are fitted on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.answering.features import SPAN_FEATURES
from retrieval.answering.model import MODEL_FILE, ModelError, load_model
from retrieval.answering.word_odds import (
    CAPITAL,
    LEAST_SEEN,
    NUMBER,
    SENTENCE_END,
    SENTENCE_START,
    Context,
    WordOdds,
    contexts,
    fit_word_odds,
)
from retrieval.training.examples import Rows
from retrieval.training.fit import ODDS_FOLDS, fit_span, odds_out_of_fold


def keys(before: str, after: str = "x", first: str = "y", last: str = "z") -> Context:
    return (
        f"date before {before}",
        f"date after {after}",
        f"date first {first}",
        f"date last {last}",
    )


def test_a_candidate_is_looked_up_by_the_words_at_and_beside_its_edges() -> None:
    words = ["the", "war", "ended", "in", "1945", "in", "Europe"]
    (inside,) = contexts("date", words, [4], [4])
    assert inside == (
        "date before in",
        "date after in",
        f"date first {NUMBER}",
        f"date last {NUMBER}",
    )
    (whole,) = contexts("name", words, [0], [6])
    assert whole == (
        f"name before {SENTENCE_START}",
        f"name after {SENTENCE_END}",
        "name first the",
        f"name last {CAPITAL}",
    )


def test_a_word_that_often_stands_before_answers_raises_the_odds_and_a_rare_word_says_nothing() -> (
    None
):
    rows = [keys("in")] * 30 + [keys("the")] * 60 + [keys("rare")] * (LEAST_SEEN - 1)
    labels = [1] * 20 + [0] * 10 + [1] * 5 + [0] * 55 + [1] * (LEAST_SEEN - 1)
    odds = fit_word_odds(rows, labels)
    before_in, before_the, before_rare = odds.columns([keys("in"), keys("the"), keys("rare")])[:, 0]
    assert before_in > 0 > before_the
    assert before_rare == 0.0


def test_words_the_table_lacks_give_zero_columns() -> None:
    assert WordOdds({"date before in": 1.5}).columns([keys("on")]).tolist() == [[0.0] * 4]


def _span_rows() -> Rows:
    """Choices of two candidates, in one article per fold: the answer follows "in", except
    in the first article, where only it follows "by"."""
    rows = Rows()
    for choice in range(ODDS_FOLDS * 30):
        article = f"article {choice % ODDS_FOLDS}"
        right = "by" if article == "article 0" else "in"
        for label, before in ((1, right), (0, "the")):
            rows.add([float(choice % 3)] + [0.0] * (len(SPAN_FEATURES) - 1), bool(label), choice)
            rows.contexts.append(keys(before))
            rows.articles.append(article)
    return rows


def test_the_rows_odds_are_learnt_without_their_own_article() -> None:
    """The first article alone puts answers after "by". Its rows' odds, learnt from the
    other articles, know nothing of "by", so the trees cannot learn that a high odds
    marks the answer from the very rows that made it high; the shipped odds know it."""
    rows = _span_rows()
    before = odds_out_of_fold(rows)[:, 0]
    answers = [
        (article, odds)
        for odds, article, label in zip(before, rows.articles, rows.labels, strict=True)
        if label
    ]
    assert all(odds == 0.0 for article, odds in answers if article == "article 0")
    assert all(odds > 0.0 for article, odds in answers if article != "article 0")
    assert fit_span(SPAN_FEATURES, rows).words.odds["date before by"] > 0


def test_the_packaged_model_holds_word_odds_and_a_file_without_them_is_refused(
    tmp_path: Path,
) -> None:
    assert load_model().span.words.odds
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    del data["stages"]["span"]["word_odds"]
    changed = tmp_path / "model.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="word odds"):
        load_model(changed)
